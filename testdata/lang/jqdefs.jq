# jqdefs.jq — jq helpers for the language tests (include "jqdefs" with -L testdata/lang):
# ts: an event's eventTime as trailq prints timestamps (all eventTime values
# in the shared CloudTrail sets are YYYY-MM-DDThh:mm:ssZ);
# s: a value as trailq prints it in TSV (missing -> empty, objects as JSON).
def ts: .eventTime | sub("T"; " ") | sub("Z$"; ".000");
def s: if . == null then "" elif type == "object" or type == "array" then tojson else tostring end;
