/*
 * walk.c — expanding input paths, each file once (see walk.h).
 *
 * Two sets of (device, inode) do the work: every file and directory met so
 * far (a second meeting is a duplicate), and the directories on the path
 * from the named directory down to the one being read (meeting one of
 * those again is a loop). Both are small open-addressing tables owned by
 * one walk.
 */
#include "cmd/walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/msgs.h"
#include "base/xalloc.h"

enum { WALK_MAX_DEPTH = 256 };

/* A set of file ids: open addressing, linear probing, power-of-two size. */
struct id_set {
    struct file_id *slots;
    bool *used;
    size_t n, n_slots;
};

static size_t id_hash(struct file_id id)
{
    uint64_t h = ((uint64_t)id.dev * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)id.ino * 0xC2B2AE3D27D4EB4FULL);
    return (size_t)(h ^ (h >> 31));
}

static bool id_eq(struct file_id a, struct file_id b)
{
    return a.dev == b.dev && a.ino == b.ino;
}

/* Add id; returns false if it was already there. */
static bool id_set_add(struct id_set *s, struct file_id id)
{
    if ((s->n + 1) * 2 > s->n_slots) {
        struct id_set bigger = {.n_slots = s->n_slots ? s->n_slots * 2 : 64};
        bigger.slots = xcalloc(bigger.n_slots, sizeof *bigger.slots);
        bigger.used = xcalloc(bigger.n_slots, sizeof *bigger.used);
        for (size_t i = 0; i < s->n_slots; i++)
            if (s->used[i])
                id_set_add(&bigger, s->slots[i]);
        free(s->slots);
        free(s->used);
        *s = bigger;
    }
    size_t h = id_hash(id) & (s->n_slots - 1);
    while (s->used[h]) {
        if (id_eq(s->slots[h], id))
            return false;
        h = (h + 1) & (s->n_slots - 1);
    }
    s->used[h] = true;
    s->slots[h] = id;
    s->n++;
    return true;
}

static void id_set_free(struct id_set *s)
{
    free(s->slots);
    free(s->used);
}

/* The directories being read, outermost first, with the path each was
 * reached by (for the loop message). */
struct dir_frame {
    struct file_id id;
    const char *path;
};

struct walker {
    struct file_list *out;
    struct walk_stats *stats;
    struct id_set seen;           /* every file and directory met */
    struct dir_frame stack[WALK_MAX_DEPTH + 1];
    int depth;                    /* frames in use */
    bool stdin_seen;
    char *first_hidden;           /* the first entry skipped for its leading '.' */
};

static struct file_id id_of(const struct stat *st)
{
    return (struct file_id){st->st_dev, st->st_ino};
}

static void add(struct file_list *l, char *path, struct file_id id)
{
    size_t cap = l->cap;
    l->paths = xgrow(l->paths, &l->cap, l->n + 1, sizeof *l->paths);
    l->ids = xgrow(l->ids, &cap, l->n + 1, sizeof *l->ids);
    l->paths[l->n] = path;
    l->ids[l->n] = id;
    l->n++;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ancestor being read whose id this is, or NULL. */
static const struct dir_frame *on_stack(const struct walker *w, struct file_id id)
{
    for (int i = 0; i < w->depth; i++)
        if (id_eq(w->stack[i].id, id))
            return &w->stack[i];
    return NULL;
}

static void walk_dir(struct walker *w, const char *dir, struct file_id id);

/* One path met: a file is added, a directory walked, unless it was met
 * before. path is taken over. */
static void visit(struct walker *w, char *path, const struct stat *st)
{
    struct file_id id = id_of(st);
    if (S_ISDIR(st->st_mode)) {
        const struct dir_frame *anc = on_stack(w, id);
        if (anc) {
            notef("%s: symbolic link loop (leads back to %s), not followed", path, anc->path);
            w->stats->loops++;
        } else if (!id_set_add(&w->seen, id)) {
            w->stats->dup_dirs++;
        } else {
            walk_dir(w, path, id);
        }
        free(path);
    } else if (S_ISREG(st->st_mode) || w->depth == 0) {
        /* inside a tree only regular files; named directly, anything (a fifo) */
        if (id_set_add(&w->seen, id))
            add(w->out, path, id);
        else {
            w->stats->dup_files++;
            free(path);
        }
    } else {
        free(path); /* sockets, fifos inside a tree: not logs */
    }
}

/* An entry of dir skipped for its leading '.': counted, the first kept
 * for the note. */
static void note_hidden(struct walker *w, const char *dir, const char *name)
{
    if (!w->first_hidden) {
        size_t dl = strlen(dir);
        w->first_hidden = dl && dir[dl - 1] == '/' ? xasprintf("%s%s", dir, name)
                                                   : xasprintf("%s/%s", dir, name);
    }
    w->stats->hidden++;
}

static void walk_dir(struct walker *w, const char *dir, struct file_id id)
{
    if (w->depth >= WALK_MAX_DEPTH) {
        errorf("%s: directories nested more than %d deep; not read", dir, WALK_MAX_DEPTH);
        w->stats->problems++;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        errorf("%s: %s", dir, strerror(errno));
        w->stats->problems++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.') {
            if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0)
                note_hidden(w, dir, ent->d_name);
            continue;
        }
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(ent->d_name);
    }
    closedir(d);
    if (n > 1) /* qsort(NULL, 0, ...) is undefined: an empty directory has no array */
        qsort(names, n, sizeof *names, cmp_names);
    w->stack[w->depth++] = (struct dir_frame){id, dir};
    size_t dl = strlen(dir);
    for (size_t i = 0; i < n; i++) {
        char *path = dl && dir[dl - 1] == '/' ? xasprintf("%s%s", dir, names[i])
                                              : xasprintf("%s/%s", dir, names[i]);
        free(names[i]);
        struct stat st;
        if (stat(path, &st) != 0) {
            errorf("%s: %s", path, strerror(errno));
            w->stats->problems++;
            free(path);
            continue;
        }
        visit(w, path, &st);
    }
    w->depth--;
    free(names);
}

size_t walk_inputs(char *const *paths, size_t n, struct file_list *out, struct walk_stats *stats)
{
    struct walker w = {.out = out, .stats = stats};
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0) {
            if (w.stdin_seen)
                stats->dup_files++;
            else
                add(out, xstrdup("-"), (struct file_id){0, 0});
            w.stdin_seen = true;
        } else if (stat(paths[i], &st) != 0) {
            errorf("%s: %s", paths[i], strerror(errno));
            stats->problems++;
        } else {
            size_t before = out->n,
                   met_before = stats->dup_files + stats->dup_dirs + stats->loops + stats->hidden,
                   problems_before = stats->problems;
            visit(&w, xstrdup(paths[i]), &st);
            if (S_ISDIR(st.st_mode) && out->n == before && stats->problems == problems_before &&
                stats->dup_files + stats->dup_dirs + stats->loops + stats->hidden == met_before) {
                notef("%s: no files in this directory", paths[i]);
                stats->empty_dirs++;
            }
        }
    }
    if (stats->dup_files || stats->dup_dirs) {
        char files[64] = "", dirs[64] = "";
        if (stats->dup_files)
            snprintf(files, sizeof files, "%zu file%s", stats->dup_files,
                     stats->dup_files == 1 ? "" : "s");
        if (stats->dup_dirs)
            snprintf(dirs, sizeof dirs, "%s%zu director%s", stats->dup_files ? " and " : "",
                     stats->dup_dirs, stats->dup_dirs == 1 ? "y" : "ies");
        notef("%s%s reached by more than one path (named twice, through a symbolic link, "
              "or inside a directory also named) read once",
              files, dirs);
    }
    if (stats->hidden)
        notef("%zu entr%s inside directories not read: names that start with '.' are skipped "
              "(the first: %s); name one to read it",
              stats->hidden, stats->hidden == 1 ? "y" : "ies", w.first_hidden);
    free(w.first_hidden);
    id_set_free(&w.seen);
    return stats->problems;
}

void file_list_free(struct file_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
    free(l->ids);
    *l = (struct file_list){0};
}
