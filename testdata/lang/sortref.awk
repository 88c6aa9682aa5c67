# sortref.awk — an independent implementation of the Insights sort order
# (SPEC §4), for the sort property test. Reads sortgen.awk's events and
# prints their "i" in the order of `sort x asc, i asc` (or, with -v desc=1,
# `sort x desc, i asc`):
#   - events without x come last in both directions;
#   - number values (JSON numbers, and strings made only of digits) sort
#     after all other values and compare numerically;
#   - other values compare chunk by chunk: a chunk is a run of digits or a
#     run of non-digits; two digit runs compare by length, then by value;
#     otherwise chunks compare by code point (ASCII here); a string that is
#     a prefix of the other sorts first;
#   - ties (e.g. "01" and 1) are broken by i.
# Usage: awk [-v desc=1] -f sortref.awk events.jsonl
function isdig(s) { return s ~ /^[0-9]+$/ }
function chunk(s) {
    if (match(s, /^[0-9]+/)) return substr(s, 1, RLENGTH)
    match(s, /^[^0-9]+/); return substr(s, 1, RLENGTH)
}
function txtcmp(a, b,   ca, cb) {
    while (a != "" && b != "") {
        ca = chunk(a); cb = chunk(b)
        if (isdig(ca) && isdig(cb) && length(ca) != length(cb))
            return length(ca) < length(cb) ? -1 : 1
        if (ca < cb) return -1
        if (ca > cb) return 1
        a = substr(a, length(ca) + 1); b = substr(b, length(cb) + 1)
    }
    if (a == "" && b == "") return 0
    return a == "" ? -1 : 1
}
function valcmp(p, q,   r) {       # compare the x of events p and q (both present)
    if (NUM[p] && NUM[q]) r = (V[p] + 0 < V[q] + 0) ? -1 : (V[p] + 0 > V[q] + 0) ? 1 : 0
    else if (NUM[p]) r = 1
    else if (NUM[q]) r = -1
    else r = txtcmp(V[p], V[q])
    return desc ? -r : r
}
function cmp(p, q,   r) {
    if (!HAS[p] || !HAS[q]) r = HAS[p] == HAS[q] ? 0 : (HAS[p] ? -1 : 1)
    else r = valcmp(p, q)
    if (r == 0) r = I[p] < I[q] ? -1 : (I[p] > I[q] ? 1 : 0)
    return r
}
function msort(lo, hi,   mid, a, b, k) {
    if (hi <= lo) return
    mid = int((lo + hi) / 2); msort(lo, mid); msort(mid + 1, hi)
    a = lo; b = mid + 1; k = lo
    while (a <= mid && b <= hi) T[k++] = (cmp(P[a], P[b]) <= 0) ? P[a++] : P[b++]
    while (a <= mid) T[k++] = P[a++]
    while (b <= hi) T[k++] = P[b++]
    for (k = lo; k <= hi; k++) P[k] = T[k]
}
{
    match($0, /"i":[0-9]+/); I[NR] = substr($0, RSTART + 4, RLENGTH - 4) + 0; P[NR] = NR
    if (match($0, /"x":"[^"]*"/)) {
        HAS[NR] = 1; V[NR] = substr($0, RSTART + 5, RLENGTH - 6); NUM[NR] = isdig(V[NR])
    } else if (match($0, /"x":-?[0-9.]+/)) {
        HAS[NR] = 1; V[NR] = substr($0, RSTART + 4, RLENGTH - 4); NUM[NR] = 1
    }
}
END { msort(1, NR); for (k = 1; k <= NR; k++) print I[P[k]] }
