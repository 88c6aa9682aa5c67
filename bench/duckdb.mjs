// DuckDB side of the trailq benchmark (bench/run.sh): answers one of the six
// benchmark queries (Q1..Q6) over a CloudTrail S3 tree of .json.gz files with
// DuckDB's read_json, and prints the answer as tab-separated rows without a
// header (NULL printed as an empty field), in the column order trailq uses.
//
//   node bench/duckdb.mjs version                  DuckDB library version
//   node bench/duckdb.mjs Q1..Q6 DATADIR [BUCKET]   run one query (BUCKET for Q6)
//   node bench/duckdb.mjs bucket DATADIR           rarest requestParameters.bucketName
//
// Each run is a fresh process with an in-memory database and threads=2, so a
// timed run measures what a user pays to go from files to an answer. The
// CloudTrail file is one object {"Records":[...]}: read_json is given the
// type of the Records list explicitly (only the fields the query needs) and
// the list is unnested into one row per event. Declaring the columns skips
// DuckDB's schema sampling over every file, which is the fastest way to use
// read_json here (the harness gives DuckDB its best shot).
import { DuckDBInstance } from '@duckdb/node-api';
import duckdb from '@duckdb/node-api';

const [mode, dir, bucket] = process.argv.slice(2);

if (mode === 'version') {
  console.log(duckdb.version());
  process.exit(0);
}
if (!dir) {
  console.error('usage: node duckdb.mjs Q1..Q6|bucket DATADIR [BUCKET]');
  process.exit(2);
}

// SQL string literal.
const lit = (s) => "'" + String(s).replace(/'/g, "''") + "'";

// read_json over every .json.gz under dir, one row per event with the given
// fields (a DuckDB STRUCT field list).
const events = (fields) =>
  `(SELECT unnest(Records, recursive := false) AS r FROM read_json(${lit(dir + '/**/*.json.gz')}, ` +
  `format := 'auto', compression := 'gzip', maximum_object_size := 1073741824, ` +
  `columns := {Records: ${lit('STRUCT(' + fields + ')[]')}}))`;

// Timestamps as trailq prints them: YYYY-MM-DD HH:MM:SS.mmm, UTC.
const ts = (e) => `strftime(${e}, '%Y-%m-%d %H:%M:%S.%g')`;

const T = 'eventTime TIMESTAMP';
const queries = {
  Q1: `SELECT r.eventName, count(*) FROM ${events('eventName VARCHAR')} GROUP BY 1`,
  Q2:
    `SELECT ${ts('r.eventTime')}, r.userIdentity.arn, r.sourceIPAddress FROM ` +
    events(`eventName VARCHAR, ${T}, userIdentity STRUCT(arn VARCHAR), sourceIPAddress VARCHAR, ` +
      `responseElements STRUCT(ConsoleLogin VARCHAR)`) +
    ` WHERE r.eventName = 'ConsoleLogin' AND r.responseElements.ConsoleLogin = 'Failure'`,
  Q3: `SELECT ${ts("date_trunc('hour', r.eventTime)")}, count(*) FROM ${events(T)} GROUP BY 1`,
  Q4:
    `SELECT r.userIdentity.arn, count(*) FROM ` +
    events('userAgent VARCHAR, userIdentity STRUCT(arn VARCHAR)') +
    ` WHERE regexp_matches(r.userAgent, 'python-requests|curl|Boto3') GROUP BY 1`,
  Q5:
    `SELECT r.userIdentity.arn, count(DISTINCT r.sourceIPAddress) FROM ` +
    events('sourceIPAddress VARCHAR, userIdentity STRUCT(arn VARCHAR)') + ` GROUP BY 1`,
  Q6:
    `SELECT ${ts('r.eventTime')}, r.eventName FROM ` +
    events(`${T}, eventName VARCHAR, requestParameters STRUCT(bucketName VARCHAR)`) +
    ` WHERE r.requestParameters.bucketName = ${lit(bucket ?? '')}`,
  // The least frequent bucket name with at least one event (ties: the first
  // in byte order), for Q6.
  bucket:
    `SELECT b FROM (SELECT r.requestParameters.bucketName AS b, count(*) AS n FROM ` +
    events('requestParameters STRUCT(bucketName VARCHAR)') +
    ` WHERE b IS NOT NULL GROUP BY 1) ORDER BY n, b COLLATE "binary" LIMIT 1`,
};

const sql = queries[mode];
if (!sql) {
  console.error(`duckdb.mjs: unknown query '${mode}'`);
  process.exit(2);
}
if (mode === 'Q6' && !bucket) {
  console.error('duckdb.mjs: Q6 needs a bucket name');
  process.exit(2);
}

try {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', autoinstall_known_extensions: 'false' });
  const conn = await instance.connect();
  // Every column as text, so numbers print exactly as DuckDB formats integers.
  const reader = await conn.runAndReadAll(
    `SELECT COLUMNS(*)::VARCHAR FROM (${sql})`);
  const out = [];
  for (const row of reader.getRows())
    out.push(row.map((v) => (v === null ? '' : v)).join('\t'));
  process.stdout.write(out.length ? out.join('\n') + '\n' : '');
} catch (e) {
  console.error(`duckdb.mjs ${mode}: ${e.message}`);
  process.exit(1);
}
