-- tests/trino/macros.sql — the Trino functions that trailq --sql emits,
-- written for DuckDB so that the test harness (run.mjs) can run the emitted
-- statements unchanged. One macro per Trino function whose DuckDB namesake
-- is missing or answers differently; each says where it differs.
--
-- Not expressible as a macro, so run.mjs changes the statement text in one
-- way only: Trino's transform(array, lambda) is DuckDB's list_transform (a
-- DuckDB macro cannot take a lambda). Everything else runs as printed.
--
-- The session runs in UTC (SET TimeZone = 'UTC'), as Athena does.

-- regexp_like(s, p): a search, like DuckDB's regexp_matches.
CREATE OR REPLACE MACRO regexp_like(s, p) AS regexp_matches(s, p);

-- regexp_extract(s, p, g): NULL when p does not match (DuckDB gives '').
CREATE OR REPLACE MACRO regexp_extract(s, p, g) AS
    CASE WHEN regexp_matches(s, p) THEN system.main.regexp_extract(s, p, g) END;

-- regexp_replace(s, p, r): every match (DuckDB replaces the first unless 'g').
CREATE OR REPLACE MACRO regexp_replace(s, p, r) AS system.main.regexp_replace(s, p, r, 'g');

-- json_extract_scalar(j, path): the scalar at path as text, NULL for an
-- object, an array, a JSON null or nothing. Trino writes a key that is not
-- an identifier as $["key"]; DuckDB as $."key".
CREATE OR REPLACE MACRO json_extract_scalar(j, p) AS
    CASE WHEN json_type(j, replace(replace(p, '["', '."'), '"]', '"')) IN ('OBJECT', 'ARRAY') THEN NULL
         ELSE json_extract_string(j, replace(replace(p, '["', '."'), '"]', '"')) END;

-- Times: Trino's timestamp(3) with time zone is DuckDB's TIMESTAMPTZ.
CREATE OR REPLACE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ);
CREATE OR REPLACE MACRO to_unixtime(t) AS epoch(t);
CREATE OR REPLACE MACRO from_unixtime(x) AS to_timestamp(x);
-- date_format(t, f) takes MySQL-style conversions (%i is minutes); DuckDB
-- needs a constant format, so this knows the one format --sql emits.
CREATE OR REPLACE MACRO date_format(t, f) AS
    CASE f WHEN '%Y-%m-%dT%H:%i:%sZ' THEN strftime(t, '%Y-%m-%dT%H:%M:%SZ') END;
-- date_add(unit, n, t) for the units --sql emits.
CREATE OR REPLACE MACRO date_add(u, n, t) AS
    CASE u WHEN 'week' THEN t + to_weeks(CAST(n AS INTEGER))
           WHEN 'month' THEN t + to_months(CAST(n AS INTEGER))
           WHEN 'quarter' THEN t + to_months(CAST(3 * n AS INTEGER))
           ELSE t + to_years(CAST(n AS INTEGER)) END;

-- Arrays and maps: element_at is 1-based and NULL past the end, for lists
-- and for maps alike (DuckDB's subscript does both).
CREATE OR REPLACE MACRO element_at(x, k) AS x[k];
CREATE OR REPLACE MACRO cardinality(x) AS len(x);
CREATE OR REPLACE MACRO sequence(a, b) AS generate_series(a, b);
CREATE OR REPLACE MACRO array_join(a, sep) AS array_to_string(a, sep);

-- Numbers.
CREATE OR REPLACE MACRO mod(a, b) AS a % b;

-- The approximate aggregates of --sql-approx (not exact in either engine:
-- the harness checks their syntax, not their answers).
CREATE OR REPLACE MACRO approx_distinct(x) AS approx_count_distinct(x);
CREATE OR REPLACE MACRO approx_percentile(x, p) AS approx_quantile(x, p);
