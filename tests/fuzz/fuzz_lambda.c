/*
 * fuzz_lambda.c — libFuzzer entry point for the lambda reader: each input is
 * one file read as -t lambda, i.e. Lambda runtime logs (parsers/lambda.c).
 *
 * The bytes go through input_open() and parse_input() as a file named on
 * the command line does, under the all-fields plan and a narrow one-shot
 * plan; every batch is checked (tests/fuzz/fuzz_reader.h). Built and run
 * by `make fuzz` (tests/fuzz/README); the inputs it once crashed on are in
 * tests/fuzz/crashes/lambda/ and are replayed by `make check`.
 */
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_as(data, size, IT_LAMBDA);
}
