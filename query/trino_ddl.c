/*
 * trino_ddl.c — trailq --sql athena --ddl: the CREATE TABLE of the Athena
 * CloudTrail table that --sql athena queries (see trino.h).
 *
 * The columns come from the same tree the translation reads (trino_map.c),
 * so the table and the queries cannot drift apart. The partitions are
 * projected, never added by hand: region (an enum of the regions CloudTrail
 * delivers from) and timestamp (the yyyy/MM/dd folders), as in the Athena
 * documentation's partition-projection example, which covers one region.
 */
#include <string.h>

#include "base/chars.h"
#include "query/trino.h"
#include "query/trino_map.h"

/* The first day of the projected range: CloudTrail's launch month. */
#define FIRST_DAY "2013/11/01"

static bool s3_char_ok(unsigned char ch)
{
    return ch_is_alnum(ch) || strchr("-_./!*()", ch) != NULL;
}

int trino_ddl(const char *s3_prefix, const char *table, struct strbuf *out, struct strbuf *err)
{
    size_t n = strlen(s3_prefix);
    if (strncmp(s3_prefix, "s3://", 5) != 0 || n < 6 || s3_prefix[5] == '/') {
        sb_printf(err, "--ddl needs an S3 URI such as s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/, "
                       "not '%s'", s3_prefix);
        return -1;
    }
    for (size_t i = 5; i < n; i++)
        if (!s3_char_ok((unsigned char)s3_prefix[i])) {
            sb_printf(err, "--ddl: the S3 URI has a character trailq will not put in the DDL "
                           "('%c'): '%s'", s3_prefix[i], s3_prefix);
            return -1;
        }
    /* the folder that holds the region folders */
    size_t end = n;
    while (end > 5 && s3_prefix[end - 1] == '/')
        end--;
    if (end < 11 || strncmp(s3_prefix + end - 11, "/CloudTrail", 11) != 0) {
        sb_printf(err, "--ddl needs the CloudTrail folder that holds the region folders, "
                       "s3://BUCKET/[PREFIX/]AWSLogs/[ORG-ID/]ACCOUNT/CloudTrail/, not '%s'",
                  s3_prefix);
        return -1;
    }
    if (table && !trino_table_name_ok(table)) {
        sb_printf(err, "invalid table name '%s'", table);
        return -1;
    }
    const struct tschema *sc = tschema_for(SQL_ATHENA);
    sb_printf(out, "CREATE EXTERNAL TABLE %s (\n", table ? table : TRINO_DEFAULT_TABLE);
    for (size_t i = 0; i < sc->n_top; i++) {
        sb_printf(out, "    %s ", sc->top[i].col);
        tnode_hive_type(&sc->top[i], out);
        sb_puts(out, i + 1 < sc->n_top ? ",\n" : "\n");
    }
    sb_puts(out, ")\n"
                 "PARTITIONED BY (region STRING, `timestamp` STRING)\n"
                 "ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'\n"
                 "STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'\n"
                 "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'\n");
    sb_printf(out, "LOCATION '%.*s/'\n", (int)end, s3_prefix);
    sb_puts(out, "TBLPROPERTIES (\n"
                 "    'projection.enabled' = 'true',\n"
                 "    'projection.region.type' = 'enum',\n"
                 "    'projection.region.values' = '");
    for (size_t i = 0; i < n_trino_regions; i++)
        sb_printf(out, "%s%s", i ? "," : "", trino_regions[i]);
    sb_puts(out, "',\n"
                 "    'projection.timestamp.type' = 'date',\n"
                 "    'projection.timestamp.format' = 'yyyy/MM/dd',\n"
                 "    'projection.timestamp.interval' = '1',\n"
                 "    'projection.timestamp.interval.unit' = 'DAYS',\n"
                 "    'projection.timestamp.range' = '" FIRST_DAY ",NOW',\n");
    sb_printf(out, "    'storage.location.template' = '%.*s/${region}/${timestamp}'\n);\n", (int)end,
              s3_prefix);
    return 0;
}
