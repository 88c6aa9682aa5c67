-- Q5  stats count_distinct(sourceIPAddress) by userIdentity.arn
SELECT e ->> '$.userIdentity.arn' AS arn, count(DISTINCT e ->> '$.sourceIPAddress') AS n FROM (SELECT r.value AS e FROM lnav_file AS f, json_each(f.content, '$.Records') AS r) GROUP BY 1
