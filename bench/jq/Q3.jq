# Q3  stats count(*) by bin(1h)   (hour start, from the first 13 characters of eventTime)
reduce (inputs | .Records[] | .eventTime[0:13]) as $h ({}; .[$h] += 1)
| to_entries[] | [(.key | sub("T"; " ")) + ":00:00.000", .value] | @tsv
