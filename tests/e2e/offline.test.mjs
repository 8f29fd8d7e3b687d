// Offline and static hosting (issue 6), with node:test and playwright-core in Chromium:
//   - the site under a sub-path: every request stays on the page's own origin, no remote URL in
//     any file of the build, and the Content-Security-Policy is met (no violation);
//   - a reload with the network off after a first visit (the service worker's cache);
//   - the single file (parallax-single.html) opened from file://;
//   - a new deployment replacing the cached version: the "update ready" notice and its Reload.
//
//   node --test tests/e2e/offline.test.mjs   (after trunk build --release; scripts/test.sh does both)
// Env: PARALLAX_DIST (default dist), PARALLAX_CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat, cp, mkdtemp, rm, writeFile, readdir } from 'node:fs/promises';
import { join, normalize, extname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const DIST = resolve(process.env.PARALLAX_DIST || 'dist');
const BASE = '/parallax/';
const CHROMIUM = process.env.PARALLAX_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ARTICLES = 5;
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** A static server mapping BASE to `root.dir` (which a test may change: a new deployment). */
async function serve(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(BASE)) return res.writeHead(404).end('not under ' + BASE);
    let file = normalize(join(root.dir, path.slice(BASE.length)));
    if (!file.startsWith(root.dir)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

let browser;
const cleanup = [];

before(async () => {
  await stat(join(DIST, 'index.html')).catch(() => {
    throw new Error(`${DIST}/index.html not found: run trunk build --release first`);
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  for (const f of cleanup.reverse()) await f();
});

/** A new context (its own service workers and caches) and page, recording every request and
 * every console error (a Content-Security-Policy violation is one). */
async function open() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, requests, problems };
}

const showsArticles = (page, timeout = 30000) =>
  page.waitForFunction((n) => document.querySelectorAll('[data-doc]').length >= n, ARTICLES, { timeout });

/** Every request went to `origin` (or is inline: data:, blob:). */
function onlyOrigin(requests, origin) {
  const away = requests.filter((u) => !(u.startsWith(origin + '/') || /^(data|blob):/.test(u)));
  assert.deepEqual(away, [], `requests to another origin than ${origin}`);
  assert.ok(requests.length > 0, 'requests were recorded');
}

/** Pastes a short article ("Test Wire") and opens the side-by-side view. */
async function addArticle(page) {
  await page.locator('button[data-view="articles"]').click();
  await page.locator('#paste-text').fill('Officials said on Monday that 12 interceptors would be based in Poland. Moscow objected.');
  await page.locator('#paste-outlet').fill('Test Wire');
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.locator('button[data-view="side"]').click();
}

/** The pasted article was analysed (its column shows claims: the lexicon was loaded). */
const analysedArticle = (page, timeout = 60000) =>
  page.locator('.column[data-doc="test_wire.txt"] [data-claim]').first().waitFor({ timeout });

async function copyDist(name) {
  const dir = await mkdtemp(join(tmpdir(), `parallax-${name}-`));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true });
  return dir;
}

test('the build: relative URLs only, no remote URL in any file, a policy in both pages', async () => {
  const walk = async (d) =>
    (await Promise.all((await readdir(d, { withFileTypes: true })).map((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]))).flat();
  const files = await walk(DIST);
  for (const name of ['index.html', 'parallax-single.html', 'sw.js', 'sw-register.js', 'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png']) {
    assert.ok(files.includes(join(DIST, name)), `dist/${name} exists`);
  }
  for (const f of files.filter((f) => /\.(html|js|css|webmanifest|svg|json)$/.test(f))) {
    // Comment lines do not load anything (wasm-bindgen's glue cites MDN in one; the lexicon's
    // data files, inline in the single file, credit their sources in `#` lines); an SVG's xmlns
    // is a name, never fetched.
    const text = (await readFile(f, 'utf8')).split('\n').filter((l) => !/^\s*(\/\/|# )/.test(l)).join('\n');
    const remote = [...text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*/gi)]
      .map((m) => m[0])
      .filter((u) => !/^http:\/\/www\.w3\.org\//.test(u));
    assert.deepEqual(remote, [], `remote URLs in ${f}`);
  }
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  for (const m of index.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)) {
    assert.ok(!/^(\/|[a-z]+:\/\/)/i.test(m[1]) || m[1].startsWith('data:'), `relative URL in index.html: ${m[1]}`);
  }
  for (const page of ['index.html', 'parallax-single.html']) {
    const html = await readFile(join(DIST, page), 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    assert.ok(csp, `${page} has a Content-Security-Policy`);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /https?:|\*/, `${page}: no remote source and no wildcard`);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), `${page}: the policy comes before any script`);
  }
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) await stat(join(DIST, icon.src));
});

test('served under a sub-path: the five articles, every request on the own origin, no policy violation', async () => {
  const { server, origin } = await serve({ dir: DIST });
  cleanup.push(() => new Promise((ok) => server.close(ok)));
  const { context, page, requests, problems } = await open();
  try {
    const responses = [];
    page.on('response', (r) => { if (r.status() >= 400) responses.push(`HTTP ${r.status()}: ${r.url()}`); });
    await page.goto(origin + BASE);
    await showsArticles(page);
    // The manifest and the icons are fetched by the browser, not the page: check they resolve.
    const manifestHref = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
    assert.equal(manifestHref, `${origin}${BASE}manifest.webmanifest`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    onlyOrigin(requests, origin);
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded from the origin');
    assert.deepEqual(responses, [], 'every request resolved');
    assert.deepEqual(problems, [], 'no console errors (no Content-Security-Policy violation)');
    // The policy is in force: other inline code does not run...
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'csp-block-check';
      b.setAttribute('onclick', "document.title = 'inline code ran'");
      document.body.append(b);
    });
    await page.click('#csp-block-check');
    assert.notEqual(await page.title(), 'inline code ran', 'inline code is blocked by the policy');
    // ...but the one inline handler it allows (by its hash, 'unsafe-hashes'): the crash
    // notice's Reload button (src/app/mod.rs), which must work when the wasm module is dead.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'csp-reload-check';
      b.setAttribute('onclick', 'location.reload()');
      document.body.append(b);
    });
    await Promise.all([page.waitForEvent('load', { timeout: 15000 }), page.click('#csp-reload-check')]);
    assert.equal(await page.locator('#csp-reload-check').count(), 0, 'the page reloaded');
  } finally {
    await context.close();
  }
});

test('offline: after a first visit, a reload with the network off shows the five articles', async () => {
  const { server, origin } = await serve({ dir: DIST });
  cleanup.push(() => new Promise((ok) => server.close(ok)));
  const { context, page, requests, problems } = await open();
  try {
    await page.goto(origin + BASE);
    await showsArticles(page);
    // The worker controls the page once it is installed, and installed once all is cached.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    // The user's own data (localStorage) is the browser's: it stays offline too.
    await page.evaluate(() => localStorage.setItem('parallax-offline-test', 'kept'));
    await context.setOffline(true);
    await page.reload();
    await showsArticles(page);
    assert.equal(await page.locator('[data-doc]').count(), ARTICLES);
    assert.equal(await page.evaluate(() => localStorage.getItem('parallax-offline-test')), 'kept');
    // A new visit too (not only a reload), by the sub-path without its slash's index.html.
    await page.goto(origin + BASE + 'index.html');
    await showsArticles(page);
    onlyOrigin(requests, origin);
    assert.deepEqual(problems, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the first view needs neither the lexicon nor the analysis worker; both come after it, and a new article is analysed with them', async () => {
  const { server, origin } = await serve({ dir: DIST });
  cleanup.push(() => new Promise((ok) => server.close(ok)));
  const { context, page, requests, problems } = await open();
  try {
    await page.goto(origin + BASE);
    await showsArticles(page);
    // index.html does not load the lexicon (scripts/budget.mjs counts what it loads); the page
    // has it fetched after the first view, and a new article is analysed with it.
    // Nor does it load the analysis worker (the engine's own wasm module): it only names its
    // files in <meta name="parallax-worker">, for the page to start it after the first view.
    const index = await readFile(join(DIST, 'index.html'), 'utf8');
    assert.ok(!index.includes('lexicon/'), 'index.html names no lexicon file');
    const worker = index.match(/<meta name="?parallax-worker"? content="([^"]+)">/)?.[1]?.split(' ');
    assert.equal(worker?.length, 2, 'index.html names the worker glue and wasm');
    const loaded = [...index.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    assert.deepEqual(loaded.filter((u) => u.includes('parallax-worker')), [], 'index.html loads no worker file');
    assert.ok(!index.match(/import[^;]*parallax-worker|init\([^)]*parallax-worker/), 'the page\'s loader does not import the worker');
    await addArticle(page);
    await analysedArticle(page);
    assert.ok(requests.some((u) => u.endsWith('/lexicon/wordfreq-en.txt')), 'the lexicon was fetched');
    assert.ok(requests.some((u) => u.endsWith('/' + worker[1])), 'the worker\'s wasm was fetched');
    assert.equal(page.workers().length, 1, 'one analysis worker');
    assert.deepEqual(problems, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('offline after a first visit: a new article is analysed with the cached lexicon', async () => {
  const { server, origin } = await serve({ dir: DIST });
  cleanup.push(() => new Promise((ok) => server.close(ok)));
  const { context, page, requests, problems } = await open();
  try {
    await page.goto(origin + BASE);
    await showsArticles(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await context.setOffline(true);
    await page.reload();
    await showsArticles(page);
    await addArticle(page);
    await analysedArticle(page);
    onlyOrigin(requests, origin);
    assert.deepEqual(problems, [], 'no console errors');
  } finally {
    await context.close();
  }
});

/**
 * A deployment missing a part the analysis needs (`remove(dir)` takes it out of a copy of the
 * build): adding an article shows `message`, keeps the article (in the workspace and in
 * storage), leaves the bundled view and no progress bar.
 */
async function analysisWithout(name, remove, message) {
  const dir = await copyDist(name);
  await remove(dir);
  const { server, origin } = await serve({ dir });
  cleanup.push(() => new Promise((ok) => server.close(ok)));
  const { context, page } = await open();
  try {
    await page.goto(origin + BASE);
    await showsArticles(page);
    await addArticle(page);
    await page.getByText(message).waitFor({ timeout: 30000 });
    // The article is in the workspace and in storage; the previous analysis is still shown.
    assert.equal(await page.locator('.column[data-doc]').count(), ARTICLES);
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('test_wire')));
    assert.equal(stored.length, 1, 'the article text is saved');
    assert.equal(await page.locator('progress').count(), 0, 'no progress left showing');
    await page.locator('button[data-view="articles"]').click();
    await page.locator('[data-article="test_wire.txt"]').waitFor();
  } finally {
    await context.close();
  }
}

test('no lexicon to be had: a clear message, the article is kept, the bundled view stays', () =>
  // A deployment without lexicon/ (as offline without a cached copy would be).
  analysisWithout(
    'nolexicon',
    (dir) => rm(join(dir, 'lexicon'), { recursive: true, force: true }),
    /The word data \(lexicon\) could not be loaded .* They are kept/,
  ));

test('no analysis worker to be had: a clear message, the article is kept, the bundled view stays', () =>
  // A deployment whose worker files are missing (or, offline, not cached yet).
  analysisWithout(
    'noworker',
    async (dir) => {
      for (const f of await readdir(dir)) if (f.startsWith('parallax-worker')) await rm(join(dir, f));
    },
    /The analysis could not start: .* Your articles are kept/,
  ));

test('the single file opened from file:// shows the five articles, with no request but itself', async () => {
  const { context, page, requests, problems } = await open();
  try {
    // Whether the analysis progress was ever shown (the <progress> in the header).
    await context.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('progress')) window.parallaxSawProgress = true;
      }).observe(document, { childList: true, subtree: true });
      // How many messages to a worker carried the inline lexicon's texts.
      const post = Worker.prototype.postMessage;
      window.parallaxLexiconSends = 0;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (Array.isArray(message?.lexicon_texts)) window.parallaxLexiconSends += 1;
        return post.call(this, message, ...rest);
      };
    });
    const url = pathToFileURL(join(DIST, 'parallax-single.html')).href;
    await page.goto(url);
    // The bundled articles' analysis is precomputed: shown with no analysis run.
    await showsArticles(page, 60000);
    assert.equal(await page.evaluate(() => window.parallaxSawProgress), undefined, 'no analysis for the first view');
    // A new article: analysed in the worker, started from the file's inline glue and wasm (a
    // classic worker from a Blob URL, which file:// allows), with the lexicon from the file's
    // inline data blocks.
    await addArticle(page);
    await analysedArticle(page);
    assert.equal(page.workers().length, 1, 'the analysis ran in a worker');
    await page.waitForFunction(() => !document.querySelector('progress'), null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.parallaxSawProgress), true, 'the analysis progress was shown');
    assert.equal(await page.locator('.column[data-doc]').count(), ARTICLES + 1);
    // A second article: the same worker analyses it with the lexicon it installed for the first
    // (the page sends the inline lexicon to a worker once, not with every request).
    await page.locator('button[data-view="articles"]').click();
    await page.locator('#paste-text').fill('Officials said on Tuesday that 10 interceptors would be based in Poland.');
    await page.locator('#paste-outlet').fill('Second Wire');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.locator('button[data-view="side"]').click();
    await page.locator('.column[data-doc="second_wire.txt"] [data-claim]').first().waitFor({ timeout: 60000 });
    assert.equal(page.workers().length, 1, 'the second analysis ran in the same worker');
    assert.equal(await page.evaluate(() => window.parallaxLexiconSends), 1, 'the inline lexicon went to the worker once');
    assert.equal(await page.locator('.column[data-doc]').count(), ARTICLES + 2);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src], link[rel=stylesheet]').length), 0);
    const away = requests.filter((u) => u !== url && !/^(data|blob):/.test(u));
    assert.deepEqual(away, [], 'the single file loads nothing');
    assert.deepEqual(problems, [], 'no console errors (no Content-Security-Policy violation)');
  } finally {
    await context.close();
  }
});

test('a new deployment replaces the cached version after the "update ready" notice', async () => {
  // Build A is dist/ as built; build B is the same with one file changed and so a new version,
  // as the post-build hook would write it.
  const a = await copyDist('a');
  const b = await copyDist('b');
  const indexB = (await readFile(join(b, 'index.html'), 'utf8')).replace('<title>', '<meta name="parallax-build" content="B"><title>');
  assert.ok(indexB.includes('parallax-build'), 'build B marks its index.html');
  await writeFile(join(b, 'index.html'), indexB);
  const swB = (await readFile(join(b, 'sw.js'), 'utf8')).replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1b'");
  assert.notEqual(swB, await readFile(join(a, 'sw.js'), 'utf8'), 'build B has another version');
  await writeFile(join(b, 'sw.js'), swB);

  const root = { dir: a };
  const { server, origin } = await serve(root);
  cleanup.push(() => new Promise((ok) => server.close(ok)));
  const { context, page, requests, problems } = await open();
  try {
    await page.goto(origin + BASE);
    await showsArticles(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const cachesA = await page.evaluate(() => caches.keys());
    assert.equal(cachesA.length, 1, 'one cache for build A');

    root.dir = b; // the new deployment
    await page.reload();
    await showsArticles(page);
    // Still build A (from the cache) until the user asks.
    assert.equal(await page.locator('meta[name=parallax-build]').count(), 0, 'build A until the user reloads');
    const reload = page.locator('#update-ready [data-update-reload]');
    await reload.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await page.locator('#update-ready').innerText(), /new version/i);
    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), reload.click()]);
    await page.locator('meta[name=parallax-build]').waitFor({ state: 'attached', timeout: 30000 });
    await showsArticles(page);
    const cachesB = await page.evaluate(() => caches.keys());
    assert.equal(cachesB.length, 1, 'only the new cache is left');
    assert.notEqual(cachesB[0], cachesA[0], 'the old cache was replaced');
    // And the new version works offline.
    await context.setOffline(true);
    await page.reload();
    await showsArticles(page);
    assert.equal(await page.locator('meta[name=parallax-build]').count(), 1, 'build B offline');
    onlyOrigin(requests, origin);
    assert.deepEqual(problems, [], 'no console errors');
  } finally {
    await context.close();
  }
});
