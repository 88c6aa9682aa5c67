/*
 * replay.c — a main() for a libFuzzer entry point built without libFuzzer,
 * so the inputs a fuzzer once crashed on stay regression tests.
 *
 * Linked with one tests/fuzz/fuzz_<target>.c (FUZZ_TARGET names it) and
 * the normal library, by `make check` (and under `make SANITIZE=1 check`
 * with ASan and UBSan). Without arguments it feeds every file of
 * tests/fuzz/crashes/<target>/ to LLVMFuzzerTestOneInput, one at a time,
 * in name order, each in a buffer of exactly its size (so reading one
 * byte past it is caught by ASan); with arguments, the files named (or
 * every file in the directories named). A crash, abort or sanitizer report
 * ends the process, which the test driver counts as a failure; otherwise
 * it prints "fuzz-replay <target>: N passed, 0 failed" (tests/run.sh reads
 * that line). Run it from the repository root.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET='\"name\"'"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int n_replayed;

/* Feed one file to the entry point; -1 if it cannot be read. */
static int replay_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += got;
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    int bad = !buf || ferror(fp);
    fclose(fp);
    if (bad) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        return -1;
    }
    uint8_t *exact = malloc(len ? len : 1); /* exactly len bytes, as libFuzzer gives */
    if (!exact) {
        free(buf);
        return -1;
    }
    memcpy(exact, buf, len);
    free(buf);
    fprintf(stderr, "replaying %s\n", path);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    n_replayed++;
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file, or every file of a directory (not its subdirectories, nor
 * names starting with '.'); a missing default directory holds nothing. */
static int replay_path(const char *path, int missing_ok)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (missing_ok && errno == ENOENT)
            return 0;
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return replay_file(path);
    struct dirent **names = NULL;
    int n = scandir(path, &names, NULL, NULL);
    if (n < 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    char **files = calloc((size_t)n + 1, sizeof *files);
    size_t n_files = 0;
    for (int i = 0; i < n; i++) {
        if (files && names[i]->d_name[0] != '.') {
            size_t sz = strlen(path) + strlen(names[i]->d_name) + 2;
            files[n_files] = malloc(sz);
            if (files[n_files]) {
                snprintf(files[n_files], sz, "%s/%s", path, names[i]->d_name);
                n_files++;
            }
        }
        free(names[i]);
    }
    free(names);
    if (!files)
        return -1;
    qsort(files, n_files, sizeof *files, cmp_names);
    int rc = 0;
    for (size_t i = 0; i < n_files; i++) {
        struct stat fs;
        if (stat(files[i], &fs) == 0 && S_ISREG(fs.st_mode) && replay_file(files[i]) < 0)
            rc = -1;
        free(files[i]);
    }
    free(files);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0;
    if (argc < 2)
        rc = replay_path("tests/fuzz/crashes/" FUZZ_TARGET, 1);
    for (int i = 1; i < argc; i++)
        if (replay_path(argv[i], 0) < 0)
            rc = -1;
    printf("fuzz-replay %s: %d passed, %d failed\n", FUZZ_TARGET, n_replayed, rc < 0 ? 1 : 0);
    return rc < 0 ? 1 : 0;
}
