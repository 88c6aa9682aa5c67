/*
 * numfmt.c — canonical number rendering (see numfmt.h).
 */
#include "base/numfmt.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

size_t fmt_int(long long v, char out[NUMFMT_MAX])
{
    return (size_t)snprintf(out, NUMFMT_MAX, "%lld", v);
}

size_t fmt_double(double d, char out[NUMFMT_MAX])
{
    if (isnan(d))
        return (size_t)snprintf(out, NUMFMT_MAX, "NaN");
    if (isinf(d))
        return (size_t)snprintf(out, NUMFMT_MAX, d < 0 ? "-Infinity" : "Infinity");
    if (d == 0)
        return (size_t)snprintf(out, NUMFMT_MAX, "0");
    if (d == floor(d) && fabs(d) < 1e15)
        return (size_t)snprintf(out, NUMFMT_MAX, "%.0f", d);
    /* For a normal double, no decimal of fewer than 15 digits reads back as
     * d unless %.15g (which drops trailing zeros) is it, so the search can
     * start at 15. A subnormal has fewer significant bits, and its shortest
     * form can be far shorter (5e-324, not 4.94065645841247e-324). */
    int from = fabs(d) < DBL_MIN ? 1 : 15;
    for (int prec = from; prec <= 17; prec++) {
        int n = snprintf(out, NUMFMT_MAX, "%.*g", prec, d);
        if (prec == 17 || strtod(out, NULL) == d)
            return (size_t)n;
    }
    return 0; /* not reached */
}
