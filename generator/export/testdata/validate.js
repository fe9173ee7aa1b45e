// Validates downloads/datapackage.json and every row of every resource
// against its Table Schema (types, formats, constraints, primary key,
// foreign keys) with the Frictionless JavaScript libraries, and checks each
// resource's bytes and hash against the file.
//
//   npm install datapackage@1.1.10 tableschema@1.12.6
//   EXPORT_SAMPLE_DIR=/tmp/sample go test ./generator/export -run TestWriteSample
//   NODE_PATH=$PWD/node_modules node validate.js /tmp/sample/downloads/datapackage.json
//
// The CSV files start with a UTF-8 byte-order mark for Excel. datapackage
// 1.1.10 hands "utf-8" to Node unchanged, which keeps the mark in the first
// header ("\ufeffid"); Python frictionless strips it. This script reads
// the bytes itself and removes the mark before parsing, as that library
// does.
//
// Exit status 0 when everything is valid, 1 otherwise.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const { Readable } = require('stream');
const { Package } = require('datapackage');
const { Table } = require('tableschema');

async function rowsOf(resource, relations) {
  const bytes = fs.readFileSync(resource.source);
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const table = await Table.load(() => Readable.from([text]), {
    schema: resource.descriptor.schema,
    delimiter: ',',
    quote: '"',
  });
  const errors = [];
  let rows = [];
  try {
    rows = await table.read({ keyed: true, forceCast: true, relations });
  } catch (e) {
    errors.push(e);
  }
  for (const row of rows) if (row instanceof Error) errors.push(row);
  return { bytes, table, rows: rows.filter((r) => !(r instanceof Error)), count: rows.length, errors };
}

async function main(descriptor) {
  const pkg = await Package.load(descriptor);
  let failures = 0;
  const fail = (msg) => { console.log(msg); failures++; };
  if (!pkg.valid) for (const e of pkg.errors) fail(`descriptor: ${e.message}`);
  if (pkg.descriptor.profile !== 'tabular-data-package') fail(`descriptor: profile ${pkg.descriptor.profile}`);

  // Referenced resources first, uncast, for the foreign-key checks.
  const relations = {};
  for (const resource of pkg.resources) {
    const { rows } = await rowsOf(resource, false);
    relations[resource.name] = rows;
  }
  for (const resource of pkg.resources) {
    if (!resource.tabular) { fail(`${resource.name}: not tabular`); continue; }
    const { bytes, table, count, errors } = await rowsOf(resource, relations);
    const d = resource.descriptor;
    if (d.bytes !== bytes.length) fail(`${resource.name}: bytes ${d.bytes}, file has ${bytes.length}`);
    const hash = 'sha256:' + crypto.createHash('sha256').update(bytes).digest('hex');
    if (d.hash !== hash) fail(`${resource.name}: hash ${d.hash}, file has ${hash}`);
    const names = resource.schema.fieldNames;
    if (JSON.stringify(table.headers) !== JSON.stringify(names)) {
      fail(`${resource.name}: header ${JSON.stringify(table.headers)} != schema ${JSON.stringify(names)}`);
    }
    for (const e of errors) {
      fail(`${resource.name}: ${e.message}${e.rowNumber ? ` (row ${e.rowNumber})` : ''}`);
      for (const inner of (e.errors || []).slice(0, 5)) console.log(`  ${inner.message}`);
    }
    console.log(`${resource.name}: ${count} rows, ${names.length} fields, ${errors.length} errors`);
  }
  console.log(failures === 0 ? 'valid' : `${failures} problems`);
  return failures === 0 ? 0 : 1;
}

main(process.argv[2] || 'downloads/datapackage.json').then(
  (code) => process.exit(code),
  (e) => { console.error(e); process.exit(1); },
);
