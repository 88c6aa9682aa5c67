-- Q1  stats count(*) by eventName
SELECT e ->> '$.eventName' AS k, count(*) AS n FROM (SELECT r.value AS e FROM lnav_file AS f, json_each(f.content, '$.Records') AS r) GROUP BY 1
