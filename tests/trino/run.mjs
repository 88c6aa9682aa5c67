// tests/trino/run.mjs — the test of trailq --sql (trailq(1), SQL FOR ATHENA
// AND CLOUDTRAIL LAKE) without AWS.
//
// 1. The CloudTrail records of testdata/ (the S3 delivery tree in
//    testdata/AWSLogs, the Stratus Red Team and TrailDiscover files) are
//    written once more as an S3 tree of their own, one file per account,
//    region and day, the records of each file in (eventTime, eventID) order.
//    trailq reads that tree. Ties in eventTime are then in eventID order in
//    trailq's input order too, which is the order --sql gives ties (Trino
//    has no input order), so even the order of rows can be compared.
// 2. The same records are loaded into DuckDB as the tables of --sql: the
//    Athena table with the columns and types of `trailq --sql athena --ddl`
//    (read from trailq itself, so the DDL is tested too) and the partition
//    columns and "$path" of the tree, and the CloudTrail Lake event data
//    store with its documented types (timestamps, booleans, maps).
// 3. macros.sql gives DuckDB the Trino functions --sql emits.
// 4. For every query of corpus.txt, and of the man page's EXAMPLES and the
//    README that read CloudTrail: the statement --sql prints must parse with
//    node-sql-parser in trino or athena mode, run on DuckDB, and give the
//    rows trailq gives over the tree (same columns, same values, same order
//    unless the corpus says "unordered"). A query the corpus marks refused
//    must be a query error whose message holds the given text, with a caret.
//
// Prints one line per failure and ends with "trino: N passed, N failed".
// Environment: TRAILQ (the binary, default ./trailq).

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import sqlParser from 'node-sql-parser';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const TRAILQ = process.env.TRAILQ || path.join(ROOT, 'trailq');
const EDS = 'EXAMPLEf852-4e8f-8bd1-bcf6cEXAMPLE'; // the Lake event data store id used

let passed = 0, failed = 0;
const fail = (what, detail) => {
    failed++;
    console.log(`FAIL ${what}`);
    if (detail) console.log(String(detail).split('\n').slice(0, 30).map(l => '    ' + l).join('\n'));
};

// ---- 1. the records, as an S3 tree ----

function readRecords() {
    const out = [];
    const walk = dir => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else {
                let text = fs.readFileSync(p);
                if (text[0] === 0x1f && text[1] === 0x8b) text = zlib.gunzipSync(text);
                const v = JSON.parse(text.toString('utf8'));
                const recs = Array.isArray(v) ? v : Array.isArray(v.Records) ? v.Records : [v];
                for (const r of recs) if (r && typeof r === 'object' && typeof r.eventTime === 'string') out.push(r);
            }
        }
    };
    walk(path.join(ROOT, 'testdata/AWSLogs'));
    walk(path.join(ROOT, 'testdata/cloudtrail/stratus'));
    walk(path.join(ROOT, 'testdata/cloudtrail/traildiscover'));
    return out;
}

function writeTree(work, records) {
    const groups = new Map();
    for (const r of records) {
        const acct = /^[0-9]{12}$/.test(r.recipientAccountId || '') ? r.recipientAccountId : '000000000000';
        const region = typeof r.awsRegion === 'string' && r.awsRegion ? r.awsRegion : 'us-east-1';
        const day = r.eventTime.slice(0, 10).replace(/-/g, '/');
        const key = `${acct}/${region}/${day}`;
        if (!groups.has(key)) groups.set(key, { acct, region, day, recs: [] });
        groups.get(key).recs.push(r);
    }
    const files = [];
    for (const g of groups.values()) {
        g.recs.sort((a, b) => a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1
            : (a.eventID || '') < (b.eventID || '') ? -1 : (a.eventID || '') > (b.eventID || '') ? 1 : 0);
        const rel = `AWSLogs/${g.acct}/CloudTrail/${g.region}/${g.day}/` +
            `${g.acct}_CloudTrail_${g.region}_${g.day.replace(/\//g, '')}T2359Z_trailqtest.json`;
        fs.mkdirSync(path.join(work, path.dirname(rel)), { recursive: true });
        fs.writeFileSync(path.join(work, rel), JSON.stringify({ Records: g.recs }));
        files.push({ rel, region: g.region, day: g.day, recs: g.recs });
    }
    // the order argument above needs every tie in eventTime inside one file
    const fileOf = new Map();
    let crossTies = 0;
    for (const f of files) for (const r of f.recs) {
        const prev = fileOf.get(r.eventTime);
        if (prev !== undefined && prev !== f.rel) crossTies++;
        fileOf.set(r.eventTime, f.rel);
    }
    return { files, crossTies };
}

// ---- 2. the tables ----

// A Hive type of the DDL as a tree: {k: 'string'} | {k: 'struct', f: [[name, t]]} |
// {k: 'array', e: t} | {k: 'map'}.
function parseHive(s) {
    let i = 0;
    const ws = () => { while (s[i] === ' ') i++; };
    const word = () => { ws(); const m = /^[A-Za-z0-9_]+/.exec(s.slice(i)); i += m[0].length; return m[0]; };
    const type = () => {
        const w = word().toUpperCase();
        if (w === 'STRING') return { k: 'string' };
        if (w === 'MAP') { ws(); i++; type(); ws(); i++; type(); ws(); i++; return { k: 'map' }; }
        if (w === 'ARRAY') { ws(); i++; const e = type(); ws(); i++; return { k: 'array', e }; }
        if (w === 'STRUCT') {
            ws(); i++;
            const f = [];
            for (;;) {
                const n = word(); ws(); i++; // ':'
                f.push([n, type()]);
                ws();
                if (s[i++] === '>') break;
            }
            return { k: 'struct', f };
        }
        throw new Error('unknown Hive type ' + w);
    };
    return type();
}

function duckType(t, lake, name) {
    if (lake && LAKE_TYPES[name]) return LAKE_TYPES[name];
    switch (t.k) {
    case 'string': return 'VARCHAR';
    case 'map': return 'MAP(VARCHAR, VARCHAR)';
    case 'array': return duckType(t.e, lake) + '[]';
    case 'struct': return 'STRUCT(' + t.f.map(([n, ft]) => `"${n}" ${duckType(ft, lake, name + '.' + n)}`).join(', ') + ')';
    }
}

// A JSON value as the column of type t, as the Hive JSON SerDe reads it:
// keys matched without case, an object or array in a string column as its
// JSON text, booleans and numbers in a string column as their text.
function conv(v, t, lake, name) {
    if (v === null || v === undefined) return null;
    if (lake && LAKE_CONV[name]) return LAKE_CONV[name](v);
    switch (t.k) {
    case 'string': return typeof v === 'string' ? v : JSON.stringify(v);
    case 'map':
        if (typeof v !== 'object' || Array.isArray(v)) return null;
        return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)
            .map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]));
    case 'array': return Array.isArray(v) ? v.map(e => conv(e, t.e, lake, name)) : null;
    case 'struct': {
        if (typeof v !== 'object' || Array.isArray(v)) return null;
        const o = {};
        for (const [n, ft] of t.f) {
            const key = Object.keys(v).find(k => k.toLowerCase() === n);
            o[n] = key === undefined ? null : conv(v[key], ft, lake, name + '.' + n);
        }
        return o;
    }
    }
}

// CloudTrail Lake's columns that are not text (its documented schema).
const isoToTs = v => typeof v === 'string' ? v.replace('T', ' ').replace('Z', '') : null;
const LAKE_TYPES = {
    'eventtime': 'TIMESTAMP',
    'useridentity.sessioncontext.attributes.creationdate': 'TIMESTAMP',
    'readonly': 'BOOLEAN',
    'managementevent': 'BOOLEAN',
};
const LAKE_CONV = {
    'eventtime': isoToTs,
    'useridentity.sessioncontext.attributes.creationdate': isoToTs,
    'readonly': v => typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : null,
    'managementevent': v => typeof v === 'boolean' ? v : null,
};

function lakeSchema(athena) {
    // the Lake tree differs from Athena's in these columns (query/trino_map.c)
    const s = structuredClone(athena);
    const find = n => s.find(([c]) => c === n);
    for (const c of ['requestparameters', 'responseelements', 'additionaleventdata',
        'serviceeventdetails', 'edgedevicedetails'])
        find(c)[1] = { k: 'map' };
    const ui = find('useridentity')[1];
    ui.f.push(['identityprovider', { k: 'string' }]);
    const sc = ui.f.find(([n]) => n === 'sessioncontext')[1];
    sc.f.push(['sourceidentity', { k: 'string' }], ['ec2issuedinvpc', { k: 'string' }]);
    find('resources')[1].e.f.push(['arnprefix', { k: 'string' }]);
    s.push(['managementevent', { k: 'string' }], ['annotation', { k: 'string' }]);
    return s;
}

async function loadTables(con, work, files) {
    const ddl = execFileSync(TRAILQ, ['--sql', 'athena', '--ddl', 's3://trailq-test/AWSLogs/000000000000/CloudTrail/']).toString();
    const body = ddl.slice(ddl.indexOf('(\n') + 2, ddl.indexOf('\n)\nPARTITIONED'));
    const athena = body.split(',\n').map(l => {
        const m = /^\s*([a-z0-9_]+) (.*)$/.exec(l);
        return [m[1], parseHive(m[2])];
    });
    for (const [table, lake, schema] of [['cloudtrail_logs', false, athena], [EDS, true, lakeSchema(athena)]]) {
        const lines = [];
        for (const f of files) for (const r of f.recs) {
            const row = {};
            for (const [c, t] of schema) {
                const key = Object.keys(r).find(k => k.toLowerCase() === c);
                row[c] = key === undefined ? null : conv(r[key], t, lake, c);
            }
            if (!lake) {
                row.region = f.region;
                row.timestamp = f.day;
                row['$path'] = 's3://trailq-test/' + f.rel;
            }
            lines.push(JSON.stringify(row));
        }
        const file = path.join(work, `rows-${lake ? 'lake' : 'athena'}.jsonl`);
        fs.writeFileSync(file, lines.join('\n') + '\n');
        const cols = schema.map(([c, t]) => `'${c}': '${duckType(t, lake, c).replace(/'/g, "''")}'`);
        if (!lake) cols.push(`'region': 'VARCHAR'`, `'timestamp': 'VARCHAR'`, `'$path': 'VARCHAR'`);
        await con.run(`CREATE TABLE "${table}" AS SELECT * FROM read_json('${file}', ` +
            `format = 'newline_delimited', columns = {${cols.join(', ')}})`);
    }
}

// ---- 3. the macros ----

async function loadMacros(con) {
    await con.run("SET TimeZone = 'UTC'");
    const text = fs.readFileSync(path.join(HERE, 'macros.sql'), 'utf8')
        .split('\n').filter(l => !l.startsWith('--')).join('\n');
    for (const stmt of text.split(/;\s*\n/)) if (stmt.trim()) await con.run(stmt);
}

// ---- 4. comparing ----

function trailq(args, input) {
    const r = spawnSync(TRAILQ, args, { encoding: 'utf8', input, env: { ...process.env, LC_ALL: 'C', TZ: 'UTC', NO_COLOR: '1' } });
    return { status: r.status, out: r.stdout, err: r.stderr };
}

const TS_RE = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:\.(\d+))?(?:\+00(?::00)?)?$/;
const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// One value in a comparable form: missing is null, a time is trailq's
// "YYYY-MM-DD HH:MM:SS.mmm", true/false are text, numbers (and text that
// is one) are numbers.
function norm(v) {
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v !== 'string') return JSON.stringify(v);
    const m = TS_RE.exec(v);
    if (m) return `${m[1]}.${((m[2] || '') + '000').slice(0, 3)}`;
    if (NUM_RE.test(v)) return Number(v);
    return v;
}

function same(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    return a === b;
}

const parser = new sqlParser.Parser();
function parses(sql) {
    const errs = [];
    for (const database of ['trino', 'athena']) {
        try { parser.astify(sql, { database }); return null; } catch (e) { errs.push(`${database}: ${e.message}`); }
    }
    return errs.join('\n');
}

// DuckDB has Trino's transform() as list_transform (see macros.sql).
const forDuck = sql => sql.replace(/\btransform\(/g, 'list_transform(');

async function duckRows(con, sql) {
    const reader = await con.runAndReadAll(forDuck(sql));
    const names = reader.columnNames();
    return { names, rows: reader.getRowsJson().map(r => r.map(norm)) };
}

function trailqRows(work, args, query) {
    const r = trailq(['-o', 'json', ...args, query, path.join(work, 'AWSLogs')]);
    if (r.status !== 0) throw new Error(`trailq exited ${r.status}: ${r.err}`);
    const rows = JSON.parse(r.out);
    return rows;
}

async function checkQuery(con, work, name, args, query, flags) {
    for (const target of flags.lake ? ['athena', 'lake'] : ['athena']) {
        const sqlArgs = ['--sql', target, ...(target === 'lake' ? ['--sql-table', EDS] : []), ...args];
        const r = trailq([...sqlArgs, query]);
        const what = `${name} (${target}): ${query}`;
        if (flags.refuse) {
            const ok = r.status === 2 && r.out === '' && r.err.includes(flags.refuse) &&
                /query error at \d+:\d+:/.test(r.err) && /\^/.test(r.err);
            if (ok) passed++;
            else fail(what, `expected a refusal with "${flags.refuse}", got exit ${r.status}\n${r.err}${r.out}`);
            continue;
        }
        if (r.status !== 0) { fail(what, r.err); continue; }
        const sql = r.out.trim();
        const perr = parses(sql);
        if (perr) { fail(what, `does not parse:\n${perr}\n${sql}`); continue; }
        if (flags.syntax) { passed++; continue; }
        let got, want;
        try { got = await duckRows(con, sql); } catch (e) { fail(what, `DuckDB: ${e.message}\n${sql}`); continue; }
        try { want = trailqRows(work, args, query); } catch (e) { fail(what, e.message); continue; }
        const cols = got.names;
        const wantRows = want.map(o => cols.map(c => norm(o[c])));
        const extra = want.length && Object.keys(want[0]).filter(k => !cols.includes(k));
        const key = row => JSON.stringify(row);
        const a = flags.unordered ? [...wantRows].sort((x, y) => key(x) < key(y) ? -1 : 1) : wantRows;
        const b = flags.unordered ? [...got.rows].sort((x, y) => key(x) < key(y) ? -1 : 1) : got.rows;
        let diff = null;
        if (extra && extra.length) diff = `columns: trailq has ${extra.join(', ')} that --sql does not (${cols.join(', ')})`;
        else if (a.length !== b.length) diff = `${a.length} rows from trailq, ${b.length} from --sql`;
        else for (let i = 0; i < a.length && !diff; i++)
            for (let j = 0; j < cols.length; j++)
                if (!same(a[i][j], b[i][j])) { diff = `row ${i + 1}, ${cols[j]}: trailq ${key(a[i][j])}, --sql ${key(b[i][j])}`; break; }
        if (diff) fail(what, `${diff}\n${sql}`);
        else passed++;
    }
}

// The corpus: "FLAGS<TAB>QUERY" lines, FLAGS a comma list or "-":
// unordered, lake (also run --sql lake), syntax (parse only: the answer is
// approximate), refuse=TEXT, start=TIME, end=TIME, approx.
function readCorpus() {
    const out = [];
    const lines = fs.readFileSync(path.join(HERE, 'corpus.txt'), 'utf8').split('\n');
    lines.forEach((line, i) => {
        if (!line.trim() || line.startsWith('#')) return;
        const tab = line.indexOf('\t');
        const flagText = line.slice(0, tab), query = line.slice(tab + 1);
        const flags = {}, args = [];
        for (const f of flagText === '-' ? [] : flagText.split(',')) {
            const eq = f.indexOf('=');
            const k = eq < 0 ? f : f.slice(0, eq), v = eq < 0 ? true : f.slice(eq + 1);
            if (k === 'start' || k === 'end') args.push(`--${k}`, v);
            else if (k === 'approx') args.push('--sql-approx');
            else flags[k] = v;
        }
        out.push({ name: `corpus.txt:${i + 1}`, args, query, flags });
    });
    return out;
}

// The queries of the man page's EXAMPLES and of the README: each must give
// a statement that parses, or a precise refusal (a query error with a caret).
function docQueries() {
    const out = [];
    const man = fs.readFileSync(path.join(ROOT, 'man/trailq.1'), 'utf8');
    const ex = man.slice(man.indexOf('.Sh EXAMPLES'), man.indexOf('.Sh SEE ALSO'));
    for (const l of ex.split('\n')) {
        const m = /trailq .*?'((?:[^']|'\\'')+)'/.exec(l);
        if (l.includes('trailq') && m) out.push({ src: 'man page EXAMPLES', line: l, query: m[1].replace(/\\e/g, '\\') });
    }
    // the README's code blocks, where a query may run over several lines
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const block of readme.split('```').filter((_, i) => i % 2 === 1)) {
        for (const m of block.matchAll(/(?:^|\n)[ \t]*(?:\$ )?(?:[^\n']*\| )?trailq ([^'\n]*)'([^']+)'/g))
            if (!/--ddl/.test(m[1])) out.push({ src: 'README', line: m[0], query: m[2] });
    }
    return out;
}

function checkDoc(d) {
    const args = [];
    const s = /--start[ =](\S+)/.exec(d.line);
    if (s) args.push('--start', s[1]);
    const r = trailq(['--sql', 'athena', ...args, d.query]);
    const what = `${d.src}: ${d.query}`;
    if (r.status === 0) {
        const perr = parses(r.out.trim());
        if (perr) fail(what, `does not parse:\n${perr}`);
        else passed++;
    } else if (r.status === 2 && /query error at \d+:\d+: .*no --sql translation|does not keep|no counterpart|not a field of/.test(r.err) && /\^/.test(r.err)) {
        passed++;
    } else {
        fail(what, `neither a statement nor a precise refusal (exit ${r.status}):\n${r.err}`);
    }
}

// ---- main ----

const work = fs.mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(), 'trailq-trino-'));
try {
    const { files, crossTies } = writeTree(work, readRecords());
    if (crossTies) fail('test data', `${crossTies} eventTime ties across files: the order of ties cannot be compared`);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await loadMacros(con);
    await loadTables(con, work, files);
    for (const c of readCorpus()) await checkQuery(con, work, c.name, c.args, c.query, c.flags);
    const docs = docQueries();
    console.log(`${docs.length} queries of the man page's EXAMPLES and the README`);
    if (process.env.TRINO_VERBOSE) for (const d of docs) console.log(`  ${d.src}: ${d.query}`);
    for (const d of docs) checkDoc(d);
} catch (e) {
    fail('harness', e.stack);
} finally {
    fs.rmSync(work, { recursive: true, force: true });
}
console.log(`trino: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
