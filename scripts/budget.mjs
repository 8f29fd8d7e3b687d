// First-load size budget: sums the gzip size of the files dist/index.html loads at first
// (wasm, js, css), prints each, and fails past the budget. The analysis worker's files, which
// index.html only names (<meta name="parallax-worker">: the page starts the worker after its
// first view, src/app/worker.rs), are printed apart and not counted, like the lexicon.
//   node scripts/budget.mjs [DIST]        (default dist/; budget: PARALLAX_BUDGET_KB, default 400)
// 1 KB = 1024 bytes here.
import { readFileSync, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const budgetKb = Number(process.env.PARALLAX_BUDGET_KB || 400);
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`budget: ${indexPath} not found: run trunk build --release first`);
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');
// The worker's files: named in its <meta>, loaded after the first view.
const workerMeta = html.match(/<meta\b[^>]*\bname="?parallax-worker"?[^>]*>/i)?.[0] || '';
const later = (workerMeta.match(/\bcontent="([^"]*)"/i)?.[1] || '').split(/\s+/).filter(Boolean);

// Every relative reference to a .wasm, .js or .css file in index.html: <link href>, <script src>,
// and the paths in trunk's inline loader (import '...js', init('..._bg.wasm')).
const files = new Set();
// Attribute values may be quoted or not (trunk minifies index.html in release builds).
for (const m of html.matchAll(/(?:["'`=(]|^|\s)\s*((?:\.\/)?[^"'`\s<>=()]+\.(?:wasm|js|css))(?=["'`\s>)]|$)/gm)) {
  const rel = normalize(m[1].replace(/^\.\//, ''));
  if (!rel.startsWith('..') && !later.includes(rel) && existsSync(join(dist, rel))) files.add(rel);
}
if (![...files].some((f) => f.endsWith('.wasm'))) {
  console.error('budget: index.html loads no .wasm file: is this a Trunk build?');
  process.exit(2);
}

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n) => (n / 1024).toFixed(1);
let total = 0;
const rows = [['index.html', readFileSync(indexPath)], ...[...files].sort().map((f) => [f, readFileSync(join(dist, f))])];
for (const [name, buf] of rows) {
  const g = gz(buf);
  total += g;
  console.log(`budget:   ${kb(g).padStart(7)} KB gzip  (${kb(buf.length).padStart(7)} KB raw)  ${name}`);
}
let afterwards = 0;
for (const f of later.filter((f) => existsSync(join(dist, f)))) {
  const buf = readFileSync(join(dist, f));
  afterwards += gz(buf);
  console.log(`budget:   ${kb(gz(buf)).padStart(7)} KB gzip  (${kb(buf.length).padStart(7)} KB raw)  ${f}  (analysis worker, after the first view: not counted)`);
}
const ok = total <= budgetKb * 1024;
if (later.length) console.log(`budget: analysis worker ${kb(afterwards)} KB gzip, loaded after the first view`);
console.log(`budget: first load ${kb(total)} KB gzip (index.html, wasm, js, css); budget ${budgetKb} KB: ${ok ? 'ok' : 'OVER BUDGET'}`);
process.exit(ok ? 0 : 1);
