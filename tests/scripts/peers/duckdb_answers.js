// node duckdb_answers.js MODULES EVENTS.csv QUERY.sql...
// The DuckDB side of test_warehouse.py: loads the event log CSV as table
// `ev` (every column text, then ts as TIMESTAMP, as read_csv would type it)
// and prints, per query file, its rows as one JSON array per line.
// MODULES is the node_modules directory holding @duckdb/node-api.
const path = require('path');
const fs = require('fs');
const { DuckDBInstance } = require(require.resolve('@duckdb/node-api', { paths: [process.argv[2]] }));

(async () => {
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await inst.connect();
  const csv = path.resolve(process.argv[3]).replace(/'/g, "''");
  await con.run(`CREATE TABLE ev AS SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)`);
  await con.run('ALTER TABLE ev ALTER ts TYPE TIMESTAMP USING CAST(ts AS TIMESTAMP)');
  for (const file of process.argv.slice(4)) {
    const reader = await con.runAndReadAll(fs.readFileSync(file, 'utf8'));
    console.log(JSON.stringify(reader.getRowObjectsJson()));
  }
})().catch((e) => {
  console.error(String(e));
  process.exit(1);
});
