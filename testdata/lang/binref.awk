# binref.awk — reference bucketing for the bin() property tests (fixed.t, props.t):
# reads bingen.awk's JSON lines, takes the epoch milliseconds from "ms", and
# prints "<bucket start ms>\t<count>" for each non-empty bucket.
# Usage: awk -v period=7m [-v offset=30s] -f binref.awk events.jsonl
# ms..d: floor to a multiple of the period counted from the UTC epoch;
# w: from Monday 1970-01-05; mo/q/y: calendar months counted from 1970-01.
# The offset looks back: the event at t is counted in the bucket of
# t + offset, on the same grid (docs/language.md#stats).
# Independent of trailq: date arithmetic is H. Hinnant's civil algorithms.
function fdiv(a, b,   q) { q = int(a / b); if (q * b > a) q--; return q }
function civil(z,   era, doe, yoe, doy, mp) {
    z += 719468; era = fdiv(z, 146097); doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    Y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153); D = doy - int((153 * mp + 2) / 5) + 1
    M = mp < 10 ? mp + 3 : mp - 9; if (M <= 2) Y++ }
function days_from_civil(y, m, d,   era, yoe, doy, doe) {
    if (m <= 2) y--; era = fdiv(y, 400); yoe = y - era * 400
    doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
    doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
    return era * 146097 + doe - 719468 }
function to_ms(p,   k, u) {           # "7m" -> milliseconds (fixed-length units only)
    match(p, /^[0-9]+/); k = substr(p, 1, RLENGTH) + 0; u = substr(p, RLENGTH + 1)
    if (u == "ms") return k; if (u == "s") return k * 1000; if (u == "m") return k * 60000
    if (u == "h") return k * 3600000; if (u == "d") return k * 86400000
    if (u == "w") return k * 604800000; return -1 }
function bucket(t,   k, months) {
    t += off
    if (unit == "w") return fdiv(t - 345600000, P) * P + 345600000
    if (P > 0) return fdiv(t, P) * P
    civil(fdiv(t, 86400000)); months = (Y - 1970) * 12 + M - 1
    months = fdiv(months, K * (unit == "q" ? 3 : unit == "y" ? 12 : 1)) * K * (unit == "q" ? 3 : unit == "y" ? 12 : 1)
    return days_from_civil(1970 + fdiv(months, 12), months % 12 + 1, 1) * 86400000 }
BEGIN {
    match(period, /^[0-9]+/); K = substr(period, 1, RLENGTH) + 0; unit = substr(period, RLENGTH + 1)
    P = unit == "w" ? to_ms(period) : (unit == "mo" || unit == "q" || unit == "y") ? 0 : to_ms(period)
    off = offset == "" ? 0 : to_ms(offset)
}
{ match($0, /"ms":[0-9]+/); c[sprintf("%.0f", bucket(substr($0, RSTART + 5, RLENGTH - 5) + 0))]++ }
END { for (b in c) printf "%s\t%d\n", b, c[b] }
