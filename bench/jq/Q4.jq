# Q4  filter userAgent like /python-requests|curl|Boto3/ | stats count(*) by userIdentity.arn
reduce (inputs | .Records[]
        | select(.userAgent | strings | test("python-requests|curl|Boto3")))
  as $r ({}; .[$r.userIdentity.arn // ""] += 1)
| to_entries[] | [.key, .value] | @tsv
