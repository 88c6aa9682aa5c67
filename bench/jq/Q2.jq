# Q2  filter eventName = "ConsoleLogin" and responseElements.ConsoleLogin = "Failure"
#     | fields @timestamp, userIdentity.arn, sourceIPAddress
# eventTime is "YYYY-MM-DDTHH:MM:SSZ"; trailq prints "YYYY-MM-DD HH:MM:SS.mmm".
inputs | .Records[]
| select(.eventName == "ConsoleLogin"
         and (.responseElements | objects | .ConsoleLogin) == "Failure")
| [(.eventTime | sub("T"; " ") | sub("Z$"; ".000")),
   (.userIdentity.arn // ""), (.sourceIPAddress // "")]
| @tsv
