/*
 * fuzz_detect.c — libFuzzer entry point for the type detector
 * (parsers/detect.c): each input is one file whose type is not given.
 *
 * As cmd/ingest.c does without -t: the first DETECT_BYTES bytes decide the
 * type, and an input of a known type is then read as that type (under both
 * plans of tests/fuzz/fuzz_reader.h). The answer must not depend on
 * anything but the bytes: asked twice, detect_type() answers the same.
 * Built and run by `make fuzz` (tests/fuzz/README); past crashes in
 * tests/fuzz/crashes/detect/ are replayed by `make check`.
 */
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t sample = size < DETECT_BYTES ? size : DETECT_BYTES;
    enum input_type type = detect_type((const char *)data, sample);
    FUZZ_CHECK(type == detect_type((const char *)data, sample));
    FUZZ_CHECK(type != IT_AUTO);
    if (type != IT_UNKNOWN)
        fuzz_read_as(data, size, type);
    return 0;
}
