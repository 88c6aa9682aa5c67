-- Q2  ConsoleLogin failures: @timestamp, userIdentity.arn, sourceIPAddress
SELECT strftime('%Y-%m-%d %H:%M:%f', e ->> '$.eventTime') AS t, e ->> '$.userIdentity.arn' AS arn, e ->> '$.sourceIPAddress' AS ip FROM (SELECT r.value AS e FROM lnav_file AS f, json_each(f.content, '$.Records') AS r) WHERE e ->> '$.eventName' = 'ConsoleLogin' AND e ->> '$.responseElements.ConsoleLogin' = 'Failure'
