# sortgen.awk — writes N events (fixed seed) for the sort property test:
# "i" is the event number, "x" is a random short string (digits, letters,
# punctuation, space), a JSON number (integer or two decimals, maybe
# negative), or missing. All events share one timestamp.
# Usage: awk -v n=1000 -v seed=42 -f sortgen.awk > events.jsonl
BEGIN {
    srand(seed); alpha = "0123456789aAbZz_-.!~@#/ "
    for (i = 1; i <= n; i++) {
        r = rand()
        if (r < 0.05) {
            x = ""
        } else if (r < 0.12) {
            x = sprintf(",\"x\":%d", int(rand() * 2001) - 1000)
        } else if (r < 0.17) {
            x = sprintf(",\"x\":%.2f", rand() * 200 - 100)
        } else {
            len = 1 + int(rand() * 6); s = ""
            for (j = 0; j < len; j++) {
                if (rand() < 0.5) c = substr(alpha, 1 + int(rand() * 10), 1)
                else c = substr(alpha, 1 + int(rand() * length(alpha)), 1)
                s = s c
            }
            x = ",\"x\":\"" s "\""
        }
        printf "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"i\":%d%s}\n", i, x
    }
}
