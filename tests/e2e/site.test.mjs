// End-to-end: the built site (dist/, from `trunk build --release`) served under a sub-path, as
// GitHub Pages serves it, opened in Debian's Chromium driven by playwright-core.
//   node --test tests/e2e/          (after trunk build --release; scripts/test.sh does both)
// Env: PARALLAX_DIST (default dist), PARALLAX_CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const DIST = resolve(process.env.PARALLAX_DIST || 'dist');
const BASE = '/parallax/';
const CHROMIUM = process.env.PARALLAX_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// What each bundled article shows: its outlet, or that it has no credit line.
const EXPECTED = {
  '000_59f64d01507f9a7e.txt': 'Reuters',
  '001_9034de37746ab25b.txt': 'VOA',
  '002_997de83ce86dabb3.txt': 'CNN',
  '003_83f43f7003ad4c7c.txt': 'No credit line',
  '004_742d5dcaba902641.txt': 'AFP',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** A static server that maps BASE to dist/ and answers 404 everywhere else. */
function serveDist() {
  return createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === BASE.slice(0, -1)) {
      res.writeHead(301, { location: BASE }).end();
      return;
    }
    if (!path.startsWith(BASE)) {
      res.writeHead(404).end('not under ' + BASE);
      return;
    }
    let file = normalize(join(DIST, path.slice(BASE.length)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
}

let server, browser, origin;

before(async () => {
  await stat(join(DIST, 'index.html')).catch(() => {
    throw new Error(`${DIST}/index.html not found: run trunk build --release first`);
  });
  server = serveDist();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  // Playwright gives the browser a new empty profile of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Opens the site under its sub-path; records console errors and failed requests. */
async function open() {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(origin + BASE, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('[data-doc]').length >= 5, null, { timeout: 20000 });
  return { page, problems };
}

test('the site served under a sub-path shows the five articles, each with its outlet', async () => {
  const { page, problems } = await open();
  try {
    const docs = page.locator('[data-doc]');
    assert.equal(await docs.count(), 5, 'five [data-doc] articles');
    const seen = [];
    for (let i = 0; i < 5; i++) {
      const doc = docs.nth(i);
      const id = await doc.getAttribute('data-doc');
      seen.push(id);
      assert.ok(id in EXPECTED, `unexpected article ${id}`);
      assert.ok(await doc.isVisible(), `article ${id} is visible`);
      // Where the page shows the outlet: the article's headings (or its whole text if none).
      const headings = doc.locator('h1, h2, h3, h4, h5, h6, header, .outlet, [data-outlet]');
      const where = (await headings.count()) > 0 ? headings : doc;
      const texts = await where.evaluateAll((els) => els.map((e) => e.innerText));
      const want = EXPECTED[id];
      assert.ok(
        texts.some((t) => t.toLowerCase().includes(want.toLowerCase())),
        `article ${id} shows ${JSON.stringify(want)}; its headings read ${JSON.stringify(texts)}`,
      );
      const shown = page.locator(`[data-doc="${id}"]`).getByText(want, { exact: false }).first();
      assert.ok(await shown.isVisible(), `${JSON.stringify(want)} is visible in article ${id}`);
    }
    assert.deepEqual([...seen].sort(), Object.keys(EXPECTED).sort(), 'the five bundled articles');
    // Give late requests (fonts, lazily loaded files) a moment to fail, if they are going to.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    assert.deepEqual(problems, [], 'no console errors and no failed requests');
  } finally {
    await page.close();
  }
});

test('the page has a language, a title and no leftover loading message', async () => {
  const { page, problems } = await open();
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.title(), /Parallax/);
    assert.equal(await page.locator('#loading').count(), 0, 'the app replaced the loading message');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
