// Robustness of the page (issue 7), with node:test and playwright-core, on the release build:
// bad files, HTML and script in article text, storage full or unavailable, corrupt and older
// saved state, a malformed import, and the panic hook.
//
//   PARALLAX_DIST=dist node --test tests/e2e/     (PARALLAX_CHROMIUM: default /usr/bin/chromium)
//
// Serves the built site (PARALLAX_DIST, default dist/) under a sub-path, as a deployment would.
// Each test opens a new browser context (an empty localStorage of its own).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startSite, stopSite } from './support/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const DIST = path.resolve(root, process.env.PARALLAX_DIST || 'dist');
const BUNDLED = [
  '000_59f64d01507f9a7e.txt', '001_9034de37746ab25b.txt', '002_997de83ce86dabb3.txt',
  '003_83f43f7003ad4c7c.txt', '004_742d5dcaba902641.txt',
];
// The keys of src/app/storage.rs.
const INDEX_KEY = 'parallax.workspace.v1';
const TEXT_PREFIX = 'parallax.text.v1.';

let server, browser, base;

before(async () => {
  ({ server, browser, base } = await startSite(DIST));
});

after(async () => {
  await stopSite({ server, browser });
});

/** A new context; `init` runs in the page before its own scripts (addInitScript). */
async function open({ init, initArg, hash = '', wait = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (init) await context.addInitScript(init, initArg);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(base + hash);
  if (wait) await page.locator('.column[data-doc]').first().waitFor();
  return { context, page, errors };
}

async function view(page, name) {
  await page.locator(`button[data-view="${name}"]`).click();
}

const columns = (page) => page.locator('.column[data-doc]').evaluateAll((els) => els.map((e) => e.dataset.doc));

/** Drops files on the drop zone: {name, text} or {name, bytes: [..]} or {name, size} (filled with 'a'). */
async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = f.bytes ? new Uint8Array(f.bytes) : f.size ? new Uint8Array(f.size).fill(97) : f.text;
      dt.items.add(new File([body], f.name, { type: f.type || '' }));
    }
    document.querySelector('[data-dropzone]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

async function paste(page, text, outlet = '') {
  await view(page, 'articles');
  await page.locator('#paste-text').fill(text);
  await page.locator('#paste-outlet').fill(outlet);
  await page.getByRole('button', { name: 'Add article' }).click();
}

test('a dropped binary file and an oversized file get a clear message; the other articles are untouched', async () => {
  const { context, page, errors } = await open();
  await paste(page, 'Officials said on Monday that 12 interceptors would be based in Poland.', 'Mine');
  await view(page, 'side');
  await page.locator('.column[data-doc="mine.txt"]').waitFor();
  const before = await columns(page);
  const textBefore = await page.locator('.column[data-doc="mine.txt"] .column-text').textContent();
  await view(page, 'articles');
  // A PNG named .txt, a .txt with control characters, a .pdf, then a file of 5 MB + 1 byte.
  await drop(page, [
    { name: 'photo.txt', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52] },
    { name: 'controls.txt', bytes: [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 97] },
    { name: 'report.pdf', text: '%PDF-1.4' },
    { name: 'latin1.txt', bytes: [0x43, 0x61, 0x66, 0xe9] },
  ]);
  await page.getByText(/photo\.txt does not look like a text file \(it has binary content\); it was not added\./).waitFor();
  await page.getByText(/controls\.txt does not look like a text file/).waitFor();
  await page.getByText(/report\.pdf: only \.txt, \.md and \.html files can be added/).waitFor();
  await page.getByText(/latin1\.txt is not UTF-8 text; it was not added/).waitFor();
  await drop(page, [{ name: 'huge.txt', size: 5 * 1024 * 1024 + 1 }]);
  await page.getByText(/huge\.txt is 5\.0 MB; an article can be at most 5 MB\. It was not added; the other articles are untouched\./).waitFor();
  // Errors are alerts (read out by screen readers).
  assert.ok((await page.locator('.message.error[role="alert"]').count()) >= 5);
  await view(page, 'side');
  assert.deepEqual(await columns(page), before, 'the same articles, in the same order');
  assert.equal(await page.locator('.column[data-doc="mine.txt"] .column-text').textContent(), textBefore);
  await page.reload();
  await page.locator('.column[data-doc="mine.txt"]').waitFor();
  assert.deepEqual(await columns(page), before, 'and after a reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('HTML and script in article text are shown as text and never run', async () => {
  const hostile = 'Officials said <img src=x onerror=window.__pwned=1> on Monday. ' +
    'Then <script>window.__pwned=2</script> and <b onmouseover="window.__pwned=3">bold</b> "quotes" & ampersands.';
  const { context, page, errors } = await open();
  // Pasted, with an outlet that is markup too.
  await paste(page, hostile, '<i>Evil</i> Wire');
  // Dropped as a .txt file.
  await view(page, 'articles');
  await drop(page, [{ name: 'hostile.txt', text: hostile }]);
  await page.getByText(/Added 1 article: hostile\.txt/).waitFor();
  await view(page, 'side');
  for (const id of ['_i_evil__i__wire.txt', 'hostile.txt']) {
    const col = page.locator(`.column[data-doc="${id}"]`);
    await col.waitFor();
    const text = await col.locator('.column-text').innerText();
    assert.ok(text.includes('<img src=x onerror=window.__pwned=1>'), `${id} shows the img tag as text: ${text}`);
    assert.ok(text.includes('<script>window.__pwned=2</script>'), `${id} shows the script tag as text`);
    assert.equal(await col.locator('img, script, b, i').count(), 0, `${id}: no element made from the text`);
  }
  // The literal text is visible on screen.
  assert.ok(await page.getByText('<img src=x onerror=window.__pwned=1>', { exact: false }).first().isVisible());
  assert.ok(await page.getByText('<i>Evil</i> Wire', { exact: false }).first().isVisible());
  // Every view that shows claims or names, and the exports' reload path.
  for (const v of ['matrix', 'detail', 'names', 'articles', 'side']) {
    await view(page, v);
    await page.waitForTimeout(150);
  }
  await page.reload();
  await page.locator('.column[data-doc="hostile.txt"]').waitFor();
  await page.locator('.column[data-doc="hostile.txt"] .column-text').hover();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no handler or script ran');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage full: a clear message, and the session goes on', async () => {
  const { context, page, errors } = await open({
    init: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  });
  assert.equal((await columns(page)).length, 5, 'the bundled articles are shown');
  await paste(page, 'Officials said on Monday that 12 interceptors would be based in Poland.', 'Full Wire');
  await page.getByText(/The browser's storage is full: full_wire\.txt will not survive a reload\. Export JSON to keep it\./).waitFor();
  await view(page, 'side');
  await page.locator('.column[data-doc="full_wire.txt"]').waitFor();
  // Adding goes on working; the message names both articles.
  await paste(page, 'Moscow objected on Tuesday.', 'Second Wire');
  await page.getByText(/storage is full: full_wire\.txt, second_wire\.txt will not survive a reload/).waitFor();
  await view(page, 'side');
  await page.locator('.column[data-doc="second_wire.txt"]').waitFor();
  assert.equal((await columns(page)).length, 7);
  // Removing a bundled article (only the index to save): told that the choice will not survive.
  await view(page, 'articles');
  await page.getByRole('button', { name: /Remove full_wire\.txt/ }).click();
  await page.getByRole('button', { name: /Remove second_wire\.txt/ }).click();
  await page.getByRole('button', { name: /Remove 000_59f64d01507f9a7e\.txt/ }).click();
  await page.getByText(/storage is full: your choice of articles and your corrections will not survive a reload/).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage unavailable (private mode): a clear message, and the session goes on', async () => {
  const { context, page, errors } = await open({
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    },
  });
  assert.equal((await columns(page)).length, 5, 'the bundled articles are shown');
  await page.getByText(/This browser does not let the page store anything/).first().waitFor();
  await paste(page, 'Officials said on Monday that 12 interceptors would be based in Poland.', 'Private Wire');
  await view(page, 'side');
  await page.locator('.column[data-doc="private_wire.txt"]').waitFor();
  assert.equal((await columns(page)).length, 6);
  assert.ok(await page.getByText(/will not survive a reload/).first().isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('corrupt saved state is reported and the articles are recovered from their saved texts', async () => {
  const { context, page, errors } = await open({
    init: ([indexKey, textKey]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(indexKey, '{"entries": [ garbage \u0000');
      localStorage.setItem(textKey + 'mine.txt', 'My own report. Officials said on Monday that 12 interceptors would be based in Poland.');
    },
    initArg: [INDEX_KEY, TEXT_PREFIX],
  });
  await page.getByText(/The saved workspace could not be read \(it is damaged, or from another version of Parallax\); a copy was kept in the browser's storage as parallax\.workspace\.v1\.unreadable\. Recovered 1 of your articles from their saved texts \(without outlet, title and date\): mine\.txt\./).waitFor();
  await page.locator('.column[data-doc="mine.txt"]').waitFor();
  assert.deepEqual((await columns(page)).sort(), [...BUNDLED, 'mine.txt'].sort());
  assert.equal(await page.evaluate(() => localStorage.getItem('parallax.workspace.v1.unreadable')), '{"entries": [ garbage \u0000');
  // The next save writes a good index: a reload keeps the recovered article, without the message.
  await paste(page, 'Moscow objected on Tuesday.', 'Next');
  await view(page, 'side');
  await page.locator('.column[data-doc="next.txt"]').waitFor();
  await page.reload();
  await page.locator('.column[data-doc="next.txt"]').waitFor();
  assert.ok((await columns(page)).includes('mine.txt'));
  assert.equal(await page.getByText(/could not be read/).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('saved state from an older version is recovered or reported, never silently dropped', async () => {
  const { context, page, errors } = await open({
    init: ([indexKey, textKey]) => {
      // An index with fields this version does not know, one entry without metadata, one with
      // metadata in an old form, a correction of an unknown kind, an entry with no id; a text
      // saved but not listed; and a key of another version.
      localStorage.setItem(indexKey, JSON.stringify({
        version: 0,
        entries: [
          { id: '000_59f64d01507f9a7e.txt', bundled: true },
          { id: 'old.txt', bundled: false, meta: { date: 'April 1, 2008', outlet: 7 } },
          { id: 'plain.txt' },
          { bundled: false },
        ],
        corrections: [{ op: 'frobnicate', x: 1 }],
        theme: 'dark',
      }));
      localStorage.setItem(textKey + 'old.txt', 'An old report. Gates said on Monday that 10 interceptors would be based in Poland.');
      localStorage.setItem(textKey + 'plain.txt', 'A plain report. Putin said on Tuesday that the plan was a threat.');
      localStorage.setItem(textKey + 'unlisted.txt', 'An unlisted report. Rice said the talks would resume.');
      localStorage.setItem('parallax.workspace.v0', '[["old.txt", "An old report."]]');
    },
    initArg: [INDEX_KEY, TEXT_PREFIX],
  });
  await page.locator('.column[data-doc="old.txt"]').waitFor();
  assert.deepEqual(await columns(page), ['000_59f64d01507f9a7e.txt', 'old.txt', 'plain.txt', 'unlisted.txt']);
  await page.getByText(/The saved outlet, title and date of old\.txt could not be read; the article was kept without them\./).waitFor();
  await page.getByText(/1 saved article entry could not be read\./).waitFor();
  await page.getByText(/Recovered unlisted\.txt from the browser's storage/).waitFor();
  await page.getByText(/1 of your saved corrections could not be read/).waitFor();
  await page.getByText(/Saved data from another version of Parallax \(parallax\.workspace\.v0\) was found; this version cannot read it\. It was left in the browser's storage\./).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('parallax.workspace.v0')), '[["old.txt", "An old report."]]');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an import of malformed JSON gets a clear error and changes nothing', async () => {
  const { context, page, errors } = await open();
  await paste(page, 'Officials said on Monday that 12 interceptors would be based in Poland.', 'Kept');
  await view(page, 'side');
  await page.locator('.column[data-doc="kept.txt"]').waitFor();
  const before = await columns(page);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const bad = path.join(os.tmpdir(), `parallax-robust-${process.pid}`);
  fs.mkdirSync(bad, { recursive: true });
  const cases = [
    ['truncated.json', '{"format": "parallax-alignment", "version": 1, "documents": [{"id": "a.txt", "text": "x', /not valid JSON/],
    ['empty.json', '', /not valid JSON/],
    ['array.json', '[1, 2, 3]', /not a Parallax export/],
    ['future.json', JSON.stringify({ format: 'parallax-alignment', version: 999, documents: [] }), /format version 999, which this page cannot read/],
    ['nodocs.json', JSON.stringify({ format: 'parallax-alignment', version: 1, documents: [] }), /no articles in it/],
    ['notext.json', JSON.stringify({ format: 'parallax-alignment', version: 1, documents: [{ id: 'a.txt' }] }), /no text for a\.txt/],
    ['badcorr.json', JSON.stringify({ format: 'parallax-alignment', version: 1, documents: [{ id: 'a.txt', text: 'Text.' }], corrections: [{ op: 'nope' }] }), /corrections in this export are malformed/],
    ['binary.json', Buffer.from([0x7b, 0, 0xff, 0x7d]), /does not look like a text file/],
  ];
  for (const [name, content, message] of cases) {
    const file = path.join(bad, name);
    fs.writeFileSync(file, content);
    await page.locator('input[data-import="json"]').setInputFiles(file);
    await page.locator('.message.error').filter({ hasText: message }).first().waitFor();
    const shown = await page.locator('.message.error').filter({ hasText: message }).first().textContent();
    if (!/binary/.test(name)) assert.match(shown, /Nothing was changed\./, `${name}: ${shown}`);
  }
  assert.deepEqual(await columns(page), before, 'the same articles');
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored, 'the same saved state');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic shows a visible error with a Reload button, not a blank page', async () => {
  const { context, page, errors } = await open();
  await paste(page, 'Officials said on Monday that 12 interceptors would be based in Poland.', 'Before Crash');
  await view(page, 'side');
  await page.locator('.column[data-doc="before_crash.txt"]').waitFor();
  // The deliberate trigger the page's wasm exports (src/app/mod.rs, panic_test).
  assert.equal(await page.evaluate(() => typeof window.wasmBindings?.parallaxPanicTest), 'function');
  await page.evaluate(() => { try { window.wasmBindings.parallaxPanicTest(); } catch (e) { window.__panicError = String(e); } });
  const crash = page.locator('#crash[role="alert"]');
  await crash.waitFor();
  assert.ok(await crash.isVisible());
  assert.match(await crash.innerText(), /Parallax stopped because of an internal error\./);
  assert.match(await crash.locator('pre').textContent(), /parallaxPanicTest: a deliberate panic/);
  const reload = crash.getByRole('button', { name: 'Reload' });
  assert.ok(await reload.isVisible());
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reload', 'the Reload button has focus');
  // It reloads: the page comes back with the saved article, and without the notice.
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await page.locator('.column[data-doc="before_crash.txt"]').waitFor();
  assert.equal(await page.locator('#crash').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
