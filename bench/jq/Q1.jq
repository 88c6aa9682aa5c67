# Q1  stats count(*) by eventName   (input: a stream of {"Records":[...]})
reduce (inputs | .Records[]) as $r ({}; .[$r.eventName // "" | tostring] += 1)
| to_entries[] | [.key, .value] | @tsv
