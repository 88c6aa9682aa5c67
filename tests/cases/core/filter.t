# filter / where on real CloudTrail events (testdata/AWSLogs, 2900 invictus
# events): and/or/not, the comparison rule and the missing-field rule of
# docs/language.md#comparisons-and-missing-values, like "substring", like /regex/, =~, not like, in, not in.
# Counts checked with jq over the same records:
#   zcat testdata/AWSLogs/*/*/*/*/*/*/*.json.gz | jq -c '.Records[]' > inv.jsonl
#   jq -c 'select(COND)' inv.jsonl | wc -l

### where is filter
# checked: select(.eventName == "GetUser") = 130
$ trailq 'where eventName = "GetUser" | stats count(*) as n' testdata/AWSLogs
> n
> 130

### = keeps only events with the value
# checked: select(.errorCode == "AccessDenied") = 16
$ trailq 'filter errorCode = "AccessDenied" | stats count(*) as n' testdata/AWSLogs
> n
> 16

### != with a missing field is false: events without errorCode are dropped
# checked: select(.errorCode != null and .errorCode != "AccessDenied") = 284 (300 events have an errorCode)
$ trailq 'filter errorCode != "AccessDenied" | stats count(*) as n' testdata/AWSLogs
> n
> 284

### not (= ...) keeps them: not negates the false comparison
# checked: select(.errorCode != "AccessDenied") = 2884 (jq's null != "AccessDenied" is true)
$ trailq 'filter not (errorCode = "AccessDenied") | stats count(*) as n' testdata/AWSLogs
> n
> 2884

### like "substring" is a case-sensitive substring test
# checked: select(.errorCode // "" | contains("NotFound")) = 52; contains("notfound") = 0
$ trailq 'filter errorCode like "NotFound" | stats count(*) as n' testdata/AWSLogs; trailq 'filter errorCode like "notfound" | stats count(*) as n' testdata/AWSLogs
> n
> 52
> n
> 0

### like /regex/ is an unanchored PCRE search; anchors and (?i) inside the regex
# checked: test("NotFound$") = 24; test("^no"; "i") = 66
$ trailq 'filter errorCode like /NotFound$/ | stats count(*) as n' testdata/AWSLogs; trailq 'filter errorCode like /(?i)^no/ | stats count(*) as n' testdata/AWSLogs
> n
> 24
> n
> 66

### =~ is a regex match
# checked: test("^Client\\.") = 77
$ trailq 'filter errorCode =~ /^Client\./ | stats count(*) as n' testdata/AWSLogs
> n
> 77

### not like with a missing field is false; not (like) is true for it
# checked: .errorCode != null and (contains("Throttling") | not) = 198; (.errorCode // "" | contains("Throttling")) | not = 2798
$ trailq 'filter errorCode not like "Throttling" | stats count(*) as n' testdata/AWSLogs; trailq 'filter not (errorCode like "Throttling") | stats count(*) as n' testdata/AWSLogs
> n
> 198
> n
> 2798

### in a list of strings
# checked: .errorCode == "AccessDenied" or .errorCode == "ThrottlingException" = 16 + 102 = 118
$ trailq 'filter errorCode in ["AccessDenied", "ThrottlingException"] | stats count(*) as n' testdata/AWSLogs
> n
> 118

### not in with a missing field is false; not (in) is true for it
# checked: 300 - 118 = 182; 2900 - 118 = 2782
$ trailq 'filter errorCode not in ["AccessDenied", "ThrottlingException"] | stats count(*) as n' testdata/AWSLogs; trailq 'filter not (errorCode in ["AccessDenied", "ThrottlingException"]) | stats count(*) as n' testdata/AWSLogs
> n
> 182
> n
> 2782

### and binds tighter than or; parentheses change it
# checked: .eventSource == "s3.amazonaws.com" and (.errorCode == "AccessDenied" or .readOnly == false) = 24;
# (s3 and AccessDenied) or .readOnly == false = 574
$ trailq 'filter eventSource = "s3.amazonaws.com" and (errorCode = "AccessDenied" or readOnly = false) | stats count(*) as n' testdata/AWSLogs; trailq 'filter eventSource = "s3.amazonaws.com" and errorCode = "AccessDenied" or readOnly = false | stats count(*) as n' testdata/AWSLogs
> n
> 24
> n
> 574

### two filters in a row are both applied
# checked: select(.eventSource == "s3.amazonaws.com" and .readOnly == false) = 24; s3 alone = 271
$ trailq 'filter eventSource = "s3.amazonaws.com" | filter readOnly = false | stats count(*) as n' testdata/AWSLogs
> n
> 24

### numeric comparison: both sides numbers
# checked: select(.additionalEventData.bytesTransferredOut > 1000) = 4
$ trailq 'filter additionalEventData.bytesTransferredOut > 1000 | stats count(*) as n' testdata/AWSLogs
> n
> 4

### a string that parses completely as a number compares numerically ("1000", eventVersion "1.08" = 1.080)
# checked: eventVersion is "1.08" in 2865 events, "1.09" in 35 (jq -r .eventVersion | sort | uniq -c);
# 1.08 = 1.080 numerically, and 1.09 > 1.075
$ trailq 'filter additionalEventData.bytesTransferredOut > "1000" | stats count(*) as n' testdata/AWSLogs; trailq 'filter eventVersion = "1.080" | stats count(*) as n' testdata/AWSLogs; trailq 'filter eventVersion > 1.075 | stats count(*) as n' testdata/AWSLogs
> n
> 4
> n
> 2865
> n
> 2900

### a 12-digit account id string equals the number
# checked: every recipientAccountId is "123837392027" (jq -r .recipientAccountId | sort -u)
$ trailq 'filter recipientAccountId = 123837392027 | stats count(*) as n' testdata/AWSLogs
> n
> 2900

### otherwise strings compare as strings (code points): "10.8.8.10" < "3"
# checked: select(.sourceIPAddress < "3") = 2526; select(.sourceIPAddress >= "A") = 353
$ trailq 'filter sourceIPAddress < "3" | stats count(*) as n' testdata/AWSLogs; trailq 'filter sourceIPAddress >= "A" | stats count(*) as n' testdata/AWSLogs
> n
> 2526
> n
> 353

### a comparison with a missing field is false in both directions
# checked: 267 events have bytesTransferredOut (jq); every other event fails both < and >=
$ trailq 'filter additionalEventData.bytesTransferredOut < 100 or additionalEventData.bytesTransferredOut >= 100 | stats count(*) as n' testdata/AWSLogs
> n
> 267

### <= and >= together
# checked: select(.additionalEventData.bytesTransferredOut == 552) = 42
$ trailq 'filter additionalEventData.bytesTransferredOut >= 552 and additionalEventData.bytesTransferredOut <= 552 | stats count(*) as n' testdata/AWSLogs
> n
> 42

### filter on an arithmetic expression
# checked: jq -r '.additionalEventData.bytesTransferredIn // empty' | awk '$1 * 2 > 500' | wc -l = 3 (494, 494, 416; 249 is not)
$ trailq 'filter additionalEventData.bytesTransferredIn * 2 > 500 | stats count(*) as n' testdata/AWSLogs
> n
> 3

### in with numbers, and a string that is a number, compares by value
# checked: jq -r '.additionalEventData.bytesTransferredOut // empty' | sort -n | uniq -c: 339 x4, 552 x42, 6322 x3 = 49
$ trailq 'filter additionalEventData.bytesTransferredOut in [339, 552, "6322"] | stats count(*) as n' testdata/AWSLogs
> n
> 49

### not in with numbers keeps only events that have the field
# checked: jq -r '.additionalEventData.bytesTransferredOut // empty' | awk '$1 != 0 && $1 != 552' | wc -l = 204
$ trailq 'filter additionalEventData.bytesTransferredOut not in [0, 552] | stats count(*) as n' testdata/AWSLogs
> n
> 204
