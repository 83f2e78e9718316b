#!/usr/bin/env node
// DuckDB peer for a query sopctl prints (`sopctl aarrr --sql duckdb --table
// ev`): loads EVENTS.csv as table `ev` the way tests/scripts/peers/ does
// (every column text, then ts as TIMESTAMP), runs QUERY.sql, and prints its
// rows as one JSON array. Threads: 2, as in funnel_duckdb.js.
//
// Usage: node sql_duckdb.js EVENTS.csv QUERY.sql
'use strict';
const fs = require('fs');
const path = require('path');
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
  const [file, queryFile] = process.argv.slice(2);
  if (!file || !queryFile) {
    process.stderr.write('usage: node sql_duckdb.js EVENTS.csv QUERY.sql\n');
    process.exit(2);
  }
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await inst.connect();
  const csv = path.resolve(file).replace(/'/g, "''");
  await con.run(`CREATE TABLE ev AS SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)`);
  await con.run('ALTER TABLE ev ALTER ts TYPE TIMESTAMP USING CAST(ts AS TIMESTAMP)');
  const reader = await con.runAndReadAll(fs.readFileSync(queryFile, 'utf8'));
  process.stdout.write(JSON.stringify(reader.getRowObjectsJson()) + '\n');
  con.closeSync();
  inst.closeSync();
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
