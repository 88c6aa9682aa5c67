# Q5  stats count_distinct(sourceIPAddress) by userIdentity.arn
# [arn, address] pairs grouped by ARN; null addresses are skipped but an
# ARN whose events all lack one still makes its group (count 0).
# (A reduce into nested per-ARN sets was ~2x slower in jq 1.6.)
[inputs | .Records[] | [(.userIdentity.arn // ""), .sourceIPAddress]]
| group_by(.[0])
| map([.[0][0], (map(.[1] | values) | unique | length)])[] | @tsv
