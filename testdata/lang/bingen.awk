# bingen.awk — writes N pseudo-random events (fixed seed) as JSON lines, for
# the bin() property test: eventTime as ISO-8601 UTC text with milliseconds,
# and the same instant as epoch milliseconds in the field "ms".
# Usage: awk -v n=1000 -v seed=7 [-v days=2] -f bingen.awk > events.jsonl
# (days: length of the time span from 2020-01-01; default 2557, seven years)
# Dates are converted with H. Hinnant's civil_from_days algorithm, written
# out here; nothing calls trailq.
function fdiv(a, b,   q) { q = int(a / b); if (q * b > a) q--; return q }
function civil(z,   era, doe, yoe, doy, mp) {
    z += 719468; era = fdiv(z, 146097); doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    Y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153); D = doy - int((153 * mp + 2) / 5) + 1
    M = mp < 10 ? mp + 3 : mp - 9; if (M <= 2) Y++ }
BEGIN {
    srand(seed); lo = 1577836800000; span = (days ? days : 2557) * 86400000
    for (i = 1; i <= n; i++) {
        ms = lo + int(rand() * span)
        if (i % 10 == 0) ms -= ms % 60000      # some on exact minute boundaries
        days = fdiv(ms, 86400000); r = ms - days * 86400000; civil(days)
        printf "{\"eventTime\":\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\",\"ms\":%.0f}\n", Y, M, D,
            int(r / 3600000), int(r % 3600000 / 60000), int(r % 60000 / 1000), r % 1000, ms
    }
}
