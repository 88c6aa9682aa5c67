/*
 * fuzz_cwlogs.c — libFuzzer entry point for the cwlogs reader: each input is
 * one file read as -t cwlogs, i.e. CloudWatch Logs JSON (subscription payloads, get/filter-log-events output; parsers/cwlogs.c).
 *
 * The bytes go through input_open() and parse_input() as a file named on
 * the command line does, under the all-fields plan and a narrow one-shot
 * plan; every batch is checked (tests/fuzz/fuzz_reader.h). Built and run
 * by `make fuzz` (tests/fuzz/README); the inputs it once crashed on are in
 * tests/fuzz/crashes/cwlogs/ and are replayed by `make check`.
 */
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_as(data, size, IT_CWLOGS);
}
