// names.js: the compromise side of `make bench-peers` (bench/peers). Reads
// a JSON Lines file of {"id", "text"} articles (written by the Go tool
// from the same synthetic corpus eventgraph extracts), finds the person
// names of each with compromise's people(), once untimed to warm up and
// then timed, on one thread, and prints one JSON object: the seconds of
// the timed pass and each article's names.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const rounds = Math.max(1, parseInt(process.argv[3] || '1', 10));
const names = (text) => nlp(text).people().out('array');
for (const d of docs) names(d.text);
let best = Infinity;
let found = {};
for (let r = 0; r < rounds; r++) {
  const t = process.hrtime.bigint();
  const out = {};
  for (const d of docs) out[d.id] = names(d.text);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (s < best) best = s;
  found = out;
}
process.stdout.write(JSON.stringify({ version: nlp.version, seconds: best, names: found }) + '\n');
