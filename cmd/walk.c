/*
 * walk.c — expanding input paths (see walk.h).
 */
#include "cmd/walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/msgs.h"
#include "base/xalloc.h"

enum { WALK_MAX_DEPTH = 64 };

static void add(struct file_list *l, char *path)
{
    l->paths = xgrow(l->paths, &l->cap, l->n + 1, sizeof *l->paths);
    l->paths[l->n++] = path;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t walk_dir(const char *dir, int depth, struct file_list *out)
{
    if (depth > WALK_MAX_DEPTH) {
        errorf("%s: directories nested too deeply (a symbolic link loop?)", dir);
        return 1;
    }
    DIR *d = opendir(dir);
    if (!d) {
        errorf("%s: %s", dir, strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(ent->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    size_t problems = 0;
    size_t dl = strlen(dir);
    for (size_t i = 0; i < n; i++) {
        char *path = dl && dir[dl - 1] == '/' ? xasprintf("%s%s", dir, names[i])
                                              : xasprintf("%s/%s", dir, names[i]);
        free(names[i]);
        struct stat st;
        if (stat(path, &st) != 0) {
            errorf("%s: %s", path, strerror(errno));
            problems++;
            free(path);
        } else if (S_ISDIR(st.st_mode)) {
            problems += walk_dir(path, depth + 1, out);
            free(path);
        } else if (S_ISREG(st.st_mode)) {
            add(out, path);
        } else {
            free(path); /* sockets, fifos inside a tree: not logs */
        }
    }
    free(names);
    return problems;
}

size_t walk_inputs(char *const *paths, size_t n, struct file_list *out)
{
    size_t problems = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0) {
            add(out, xstrdup("-"));
        } else if (stat(paths[i], &st) != 0) {
            errorf("%s: %s", paths[i], strerror(errno));
            problems++;
        } else if (S_ISDIR(st.st_mode)) {
            problems += walk_dir(paths[i], 0, out);
        } else {
            add(out, xstrdup(paths[i]));
        }
    }
    return problems;
}

void file_list_free(struct file_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
    *l = (struct file_list){0};
}
