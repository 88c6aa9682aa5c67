-- Q3  stats count(*) by bin(1h)
SELECT strftime('%Y-%m-%d %H:00:00.000', e ->> '$.eventTime') AS h, count(*) AS n FROM (SELECT r.value AS e FROM lnav_file AS f, json_each(f.content, '$.Records') AS r) GROUP BY 1
