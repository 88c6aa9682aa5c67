# Q6  filter requestParameters.bucketName = $bucket | fields @timestamp, eventName
inputs | .Records[]
| select((.requestParameters | objects | .bucketName) == $bucket)
| [(.eventTime | sub("T"; " ") | sub("Z$"; ".000")), (.eventName // "")]
| @tsv
