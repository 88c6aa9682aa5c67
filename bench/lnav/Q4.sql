-- Q4  filter userAgent like /python-requests|curl|Boto3/ | stats count(*) by userIdentity.arn
SELECT e ->> '$.userIdentity.arn' AS arn, count(*) AS n FROM (SELECT r.value AS e FROM lnav_file AS f, json_each(f.content, '$.Records') AS r) WHERE (e ->> '$.userAgent') REGEXP 'python-requests|curl|Boto3' GROUP BY 1
