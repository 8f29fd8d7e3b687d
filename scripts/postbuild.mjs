// Trunk post-build hook (Trunk.toml [[hooks]], stage "post_build"): finishes the build in Trunk's
// staging folder (TRUNK_STAGING_DIR), before Trunk moves it to dist/. Also runs by hand on a
// built folder: `node scripts/postbuild.mjs dist` (it can run twice on the same folder).
//
// 0. The analysis worker (index.html's `data-type="worker"` link, which Trunk names without a
//    hash): its glue and wasm renamed by their content hash, and those names written into
//    index.html as <meta name="parallax-worker" content="GLUE WASM"> (src/app/worker.rs reads it).
// 1. parallax-single.html: the whole app in one file (CSS, JS glue and the wasm, as base64, and
//    the lexicon and the worker's glue and wasm as data blocks, inline) that works when opened from file:// (see ARCHITECTURE.md, "Offline and static hosting").
// 2. The Content-Security-Policy of each build, as a <meta http-equiv> at the top of <head>, with
//    the sha256 of every inline script (and, in the single file, of the inline style).
// 3. sw.js, the service worker, from web/sw.js: the list of the build's files and a content hash
//    of all of them as its version (computed last, over the final files).
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, renameSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = process.env.TRUNK_SOURCE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const SINGLE = 'parallax-single.html';

// Debug builds (`trunk serve`) get neither the policy nor the single file (Trunk adds its own
// live-reload script and websocket to the page it serves), and a service worker that removes
// itself and its caches: a cache-first worker would keep serving the previous build after each
// rebuild. Run by hand (no TRUNK_PROFILE), this is a release build.
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';

const fail = (msg) => {
  console.error(`postbuild: ${msg}`);
  process.exit(1);
};
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Inline event handlers the app sets (allowed one by one with 'unsafe-hashes'): the Reload button
// of the crash notice (src/app/mod.rs, show_crash), inline because a panicked wasm module can run
// no callback.
const HANDLERS = ['location.reload()'];

// ---- 0. the worker's names (every build) ------------------------------------------------------
const WORKER_META_RE = /<meta name="?parallax-worker"?[^>]*>/i;
function worker() {
  const indexPath = join(DIR, 'index.html');
  if (!existsSync(indexPath)) fail(`${indexPath} not found (TRUNK_STAGING_DIR or a built folder expected)`);
  const files = readdirSync(DIR);
  const one = (re, what) => {
    const found = files.filter((f) => re.test(f));
    if (found.length !== 1) fail(`expected one ${what} in ${DIR}, found ${JSON.stringify(found)}`);
    return found[0];
  };
  let glue = one(/^parallax-worker(-[0-9a-f]{16})?\.js$/, 'worker glue script');
  let wasm = one(/^parallax-worker(-[0-9a-f]{16})?_bg\.wasm$/, 'worker wasm module');
  const hash = createHash('sha256')
    .update(readFileSync(join(DIR, glue)))
    .update('\0')
    .update(readFileSync(join(DIR, wasm)))
    .digest('hex')
    .slice(0, 16);
  for (const [from, to] of [
    [glue, `parallax-worker-${hash}.js`],
    [wasm, `parallax-worker-${hash}_bg.wasm`],
  ]) {
    if (from !== to) renameSync(join(DIR, from), join(DIR, to));
  }
  glue = `parallax-worker-${hash}.js`;
  wasm = `parallax-worker-${hash}_bg.wasm`;
  let html = readFileSync(indexPath, 'utf8').replace(WORKER_META_RE, '');
  const charset = html.match(/<meta charset="?utf-8"?\s*\/?>/i);
  if (!charset) fail('no <meta charset="utf-8"> in index.html to put the worker\'s names after');
  html = html.replace(charset[0], `${charset[0]}<meta name="parallax-worker" content="${glue} ${wasm}">`);
  writeFileSync(indexPath, html);
  return { glue, wasm };
}
const workerFiles = worker();

// 1 and 2: release builds only.
function pages() {
  const indexPath = join(DIR, 'index.html');
  if (!existsSync(indexPath)) fail(`${indexPath} not found (TRUNK_STAGING_DIR or a built folder expected)`);
  let html = readFileSync(indexPath, 'utf8');
  // A second run on the same folder: start from the page without the policy.
  const CSP_RE = /<meta http-equiv="?Content-Security-Policy"?[^>]*>/i;
  html = html.replace(CSP_RE, '');

  const INLINE_SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  const inlineScripts = (page) =>
    [...page.matchAll(INLINE_SCRIPT_RE)].filter((m) => !/\bsrc\s*=/i.test(m[1])).map((m) => m[2]);

  // The files Trunk wrote: the glue script, the wasm and the stylesheet, named with their hashes.
  const files = readdirSync(DIR);
  const pick = (re, what) => {
    const found = files.filter((f) => re.test(f));
    if (found.length !== 1) fail(`expected one ${what} in ${DIR}, found ${JSON.stringify(found)}`);
    return found[0];
  };
  const wasmName = pick(/^parallax-[0-9a-f]+_bg\.wasm$/, 'wasm module');
  const jsName = pick(/^parallax-[0-9a-f]+\.js$/, 'glue script');
  const cssName = pick(/^main-[0-9a-f]+\.css$/, 'stylesheet');
  const uses = (name) => html.includes(name);
  if (!uses(wasmName) || !uses(jsName) || !uses(cssName)) fail('index.html does not load the wasm, glue and stylesheet found');

  // ---- 1. the single file --------------------------------------------------------------------
  const glue = readFileSync(join(DIR, jsName), 'utf8');
  if (/^\s*import\b/m.test(glue) || existsSync(join(DIR, 'snippets'))) {
    fail('the glue script imports other files (wasm-bindgen snippets): the single file cannot inline them yet');
  }
  // wasm-bindgen's init function: `export default __wbg_init` or `export { ..., __wbg_init as default }`.
  const initName =
    glue.match(/export\s+default\s+([A-Za-z_$][\w$]*)\s*;?/)?.[1] ||
    glue.match(/export\s*\{[^}]*?\b([A-Za-z_$][\w$]*)\s+as\s+default\b[^}]*\}/)?.[1];
  if (!initName) fail(`no default export (the init function) in ${jsName}`);
  const wasm64 = readFileSync(join(DIR, wasmName)).toString('base64');
  // An inline module script: module code (the glue's `export`s are valid there, and unused), loaded
  // from no file, so file:// does not block it. The wasm is given to init as bytes: no fetch.
  const loader =
    `${glue}\n` +
    `{const s=atob(${JSON.stringify(wasm64)}),b=new Uint8Array(s.length);` +
    `for(let i=0;i<s.length;i++)b[i]=s.charCodeAt(i);` +
    `await ${initName}({module_or_path:b});}\n`;
  // The lexicon (dist/lexicon/, fetched by the site after its first view) as inline data blocks
  // in <head> (Yew renders into <body>): `<script type="text/plain">` is never run (so no policy
  // entry), and src/app/worker.rs reads it by id and sends it to the worker.
  const LEXICON = ['wordfreq-en.txt', 'synonyms.txt', 'close.txt', 'exceptions.txt'];
  const lexicon = LEXICON.map((f) => {
    const path = join(DIR, 'lexicon', f);
    if (!existsSync(path)) fail(`${path} not found (index.html copies data/lexicon)`);
    const text = readFileSync(path, 'utf8');
    if (/<\/script|<!--/i.test(text)) fail(`lexicon/${f} cannot be inlined: it has "</script" or "<!--"`);
    return `<script type="text/plain" id="parallax-lexicon-${f.replace(/\.txt$/, '')}">\n${text}</script>`;
  }).join('');
  // The analysis worker: its (classic, no-modules) glue as text, which the page turns into the
  // worker's script, and its wasm in base64 (src/app/worker.rs).
  const workerGlue = readFileSync(join(DIR, workerFiles.glue), 'utf8');
  if (/<\/script|<!--/i.test(workerGlue)) fail(`${workerFiles.glue} cannot be inlined: it has "</script" or "<!--"`);
  const workerBlocks =
    `<script type="text/plain" id="parallax-worker-glue">${workerGlue}</script>` +
    `<script type="text/plain" id="parallax-worker-wasm">${readFileSync(join(DIR, workerFiles.wasm)).toString('base64')}</script>`;
  const css = readFileSync(join(DIR, cssName), 'utf8');
  if (/<\/style/i.test(css) || /<\/script/i.test(loader)) fail('a closing tag inside the inline CSS or script');
  const icon = readFileSync(join(ROOT, 'assets/icons/icon.svg')).toString('base64');
  // Trunk's minifier reorders attributes and drops quotes: find the description <meta> first.
  const descMeta = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).find((m) => /\bname="?description\b/i.test(m));
  const description = descMeta?.match(/\bcontent="([^"]*)"/i)?.[1] || '';
  const title = html.match(/<title>([^<]*)<\/title>/i)?.[1] || 'Parallax';
  const body = (html.match(/<body[^>]*>([\s\S]*)<\/body>/i)?.[1] || '').replace(INLINE_SCRIPT_RE, '').replace(/<script\b[^>]*><\/script>/gi, '');
  const singlePolicy = [
    // Nothing is loaded from anywhere: everything the page needs is inline.
    "default-src 'none'",
    `script-src ${sha256(loader)} 'wasm-unsafe-eval' 'unsafe-hashes' ${HANDLERS.map(sha256).join(' ')}`,
    `style-src ${sha256(css)}`,
    "style-src-attr 'unsafe-inline'",
    'img-src data:',
    // The analysis worker, started from a Blob URL made of the inline glue.
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const single =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${singlePolicy}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="description" content="${description}"><title>${title}</title>` +
    `<link rel="icon" href="data:image/svg+xml;base64,${icon}">` +
    `<style>${css}</style>${lexicon}${workerBlocks}</head><body>${body}<script type="module">${loader}</script></body></html>\n`;
  writeFileSync(join(DIR, SINGLE), single);

  // ---- 2. the site's policy ------------------------------------------------------------------
  const sitePolicy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScripts(html).map(sha256).join(' ')} 'unsafe-hashes' ${HANDLERS.map(sha256).join(' ')}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${sitePolicy}">`;
  // Right after <meta charset>: before any script or stylesheet the policy must cover.
  const charset = html.match(/<meta charset="?utf-8"?\s*\/?>/i);
  if (!charset) fail('no <meta charset="utf-8"> in index.html to put the policy after');
  html = html.replace(charset[0], charset[0] + meta);
  writeFileSync(indexPath, html);
  console.log(`postbuild: ${SINGLE} ${kb(single.length)}; Content-Security-Policy written into index.html and ${SINGLE}`);
}
if (release) pages();
else console.log('postbuild: debug build: no single file and no Content-Security-Policy');

// ---- 3. the service worker -----------------------------------------------------------------
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const cached = walk(DIR)
  .map((f) => relative(DIR, f).split(sep).join('/'))
  .filter((f) => f !== 'sw.js' && f !== SINGLE)
  .sort();
// The lexicon must be precached, or analysing offline would fail (src/worker/words.rs).
for (const f of ['wordfreq-en.txt', 'synonyms.txt', 'close.txt', 'exceptions.txt']) {
  if (!cached.includes(`lexicon/${f}`)) fail(`lexicon/${f} is not in the build: index.html must copy data/lexicon`);
}
const version = createHash('sha256');
for (const f of cached) version.update(f).update('\0').update(readFileSync(join(DIR, f))).update('\0');
const VERSION = version.digest('hex').slice(0, 16);
const template = readFileSync(join(ROOT, release ? 'web/sw.js' : 'web/sw-dev.js'), 'utf8');
if (!template.includes('__PARALLAX_VERSION__') || !template.includes('__PARALLAX_FILES__')) fail('web/sw.js lacks its placeholders');
writeFileSync(
  join(DIR, 'sw.js'),
  template.replace('__PARALLAX_VERSION__', VERSION).replace('__PARALLAX_FILES__', JSON.stringify(cached)),
);

console.log(`postbuild: sw.js (${release ? 'release' : 'debug: removes itself'}) version ${VERSION}, ${cached.length} files cached: ${cached.join(', ')}`);
