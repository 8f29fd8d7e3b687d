// The built site served under a sub-path, as GitHub Pages serves it, and a headless Chromium:
// the set-up every page test shares. Not a test file itself (tests/e2e/*.mjs are; this folder
// is not in that glob).
//
//   const { server, browser, base } = await startSite(DIST);   // base ends in SUB
//   ...
//   await stopSite({ server, browser });

import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The sub-path the site is served under. */
export const SUB = '/parallax/';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** Serves `dist` under SUB on a free local port and launches Chromium (PARALLAX_CHROMIUM,
 *  default /usr/bin/chromium). Fails when `dist` holds no build. */
export async function startSite(dist) {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), `no build in ${dist}: run trunk build first`);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(SUB)) { res.writeHead(404); res.end(); return; }
    const rel = decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}${SUB}`;
  const browser = await chromium.launch({
    executablePath: process.env.PARALLAX_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  return { server, browser, base };
}

/** Closes what startSite opened (either may be missing if it failed half-way). */
export async function stopSite({ server, browser } = {}) {
  await browser?.close();
  server?.close();
}
