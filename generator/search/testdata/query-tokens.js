// Runs the browser's tokeniser (search.js) over the shared table and checks
// its tokens, shards and keys: node query-tokens.js SEARCH_JS TABLE SHARDS_JSON MAX_PREFIX.
"use strict";
const fs = require("fs");
const [searchJS, table, shardsJSON, maxPrefix] = process.argv.slice(2);
const m = { exports: {} };
new Function("module", fs.readFileSync(searchJS, "utf8"))(m);
const { queryTokens, shardOf, keyOf } = m.exports;
const want = JSON.parse(shardsJSON);
let bad = 0;
for (const c of JSON.parse(fs.readFileSync(table, "utf8"))) {
  const got = queryTokens(c.q, Number(maxPrefix));
  if (JSON.stringify(got.tokens) !== JSON.stringify(c.tokens) || got.short !== c.short) {
    console.log(`queryTokens(${JSON.stringify(c.q)}) = ${JSON.stringify(got)}, want ${JSON.stringify(c)}`);
    bad++;
  }
}
for (const [tok, [shard, key]] of Object.entries(want)) {
  if (shardOf(tok, 97) !== shard || keyOf(tok) !== key) {
    console.log(`shardOf(${tok}) = ${shardOf(tok, 97)}, keyOf = ${keyOf(tok)}; want ${shard}, ${key}`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
