/*
 * sysfield.c — the table of system fields (see sysfield.h).
 */
#include "index/sysfield.h"

#include <string.h>

const struct sys_field_def sys_fields[SYSF_COUNT] = {
    [SYSF_TIMESTAMP] = {"@timestamp", true},
    [SYSF_MESSAGE] = {"@message", false},
    [SYSF_LOG] = {"@log", false},
    [SYSF_LOG_STREAM] = {"@logStream", false},
    [SYSF_PTR] = {"@ptr", false},
    [SYSF_INGESTION_TIME] = {"@ingestionTime", true},
};

enum sys_field sys_field_find(const char *name)
{
    if (name[0] != '@')
        return SYSF_NONE;
    for (int i = 0; i < SYSF_COUNT; i++)
        if (strcmp(name, sys_fields[i].name) == 0)
            return (enum sys_field)i;
    return SYSF_NONE;
}
