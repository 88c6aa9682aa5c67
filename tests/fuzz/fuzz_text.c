/*
 * fuzz_text.c — libFuzzer entry point for the text reader: each input is
 * one file read as -t text, i.e. plain text lines with a leading time (parsers/text.c).
 *
 * The bytes go through input_open() and parse_input() as a file named on
 * the command line does, under the all-fields plan and a narrow one-shot
 * plan; every batch is checked (tests/fuzz/fuzz_reader.h). Built and run
 * by `make fuzz` (tests/fuzz/README); the inputs it once crashed on are in
 * tests/fuzz/crashes/text/ and are replayed by `make check`.
 */
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_as(data, size, IT_TEXT);
}
