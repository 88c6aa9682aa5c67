-- Q6  filter requestParameters.bucketName = $BENCH_BUCKET | fields @timestamp, eventName
-- (lnav binds $NAME in SQL to the environment variable NAME)
SELECT strftime('%Y-%m-%d %H:%M:%f', e ->> '$.eventTime') AS t, e ->> '$.eventName' AS ev FROM (SELECT r.value AS e FROM lnav_file AS f, json_each(f.content, '$.Records') AS r) WHERE e ->> '$.requestParameters.bucketName' = $BENCH_BUCKET
