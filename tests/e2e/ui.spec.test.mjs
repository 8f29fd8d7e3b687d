// UI tests of the comparison views (issue 5), with node:test and playwright-core.
//
//   PARALLAX_DIST=dist node --test tests/e2e/     (PARALLAX_CHROMIUM: default /usr/bin/chromium)
//
// Serves the built site (PARALLAX_DIST, default dist/) under a sub-path, as a deployment
// would, and drives Chromium. Most tests import tests/fixtures/ui-analysis.json (the five
// bundled articles with hand-made groups of each relation), so they do not depend on how far
// the engine's alignment has come.

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
const FIXTURE = path.join(root, 'tests', 'fixtures', 'ui-analysis.json');

let server, browser, base;

before(async () => {
  ({ server, browser, base } = await startSite(DIST));
});

after(async () => {
  await stopSite({ server, browser });
});

async function open(opts = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + (opts.hash || ''));
  await page.locator('.column[data-doc]').first().waitFor();
  return { context, page, errors };
}

async function importFixture(page, file = FIXTURE) {
  await page.locator('input[data-import="json"]').setInputFiles(file);
  await page.getByText(/Imported \d+ article/).waitFor();
}

async function view(page, name) {
  await page.locator(`button[data-view="${name}"]`).click();
}

test('side by side: every article column has its outlet, claims carry the hooks', async () => {
  const { context, page, errors } = await open();
  const cols = page.locator('.column[data-doc]');
  assert.equal(await cols.count(), 5);
  for (let i = 0; i < 5; i++) {
    const h = (await cols.nth(i).locator('.outlet').textContent()).trim();
    assert.ok(h.length > 0);
  }
  const claims = page.locator('[data-claim]');
  assert.ok((await claims.count()) > 20);
  const rel = await claims.evaluateAll((els) => els.map((e) => e.getAttribute('data-relation')));
  assert.ok(rel.every((r) => ['agree', 'compatible', 'differ'].includes(r)));
  // Claims are text, never markup.
  assert.equal(await page.locator('.column-text script').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('selecting a claim marks its partners in the other articles and scrolls to them', async () => {
  const { context, page } = await open();
  await importFixture(page);
  await view(page, 'side');
  // g1: VOA's "nine or ten interceptors" and AFP's "10 interceptor missiles".
  const voa = page.locator('.column[data-doc="001_9034de37746ab25b.txt"] [data-groups~="g1"]');
  const afp = page.locator('.column[data-doc="004_742d5dcaba902641.txt"] [data-groups~="g1"]');
  assert.equal(await afp.getAttribute('data-relation'), 'compatible');
  const col = page.locator('.column[data-doc="004_742d5dcaba902641.txt"] .column-text');
  await col.evaluate((el) => { el.scrollTop = 0; });
  await voa.click();
  await page.waitForSelector('.column[data-doc="004_742d5dcaba902641.txt"] [aria-current="true"]');
  assert.equal(await afp.getAttribute('aria-current'), 'true');
  assert.equal(await voa.getAttribute('aria-current'), 'true');
  assert.equal(await page.locator('[aria-current="true"][data-claim]').count(), 2);
  // The partner is scrolled into its column's view.
  await page.waitForFunction(() => {
    const el = document.querySelector('.column[data-doc="004_742d5dcaba902641.txt"] [aria-current="true"]');
    const c = el.closest('.column-text').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
  });
  // Keyboard: Escape clears, Enter selects again.
  await voa.focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[aria-current="true"][data-claim]'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-claim][aria-current="true"]');
  // ← → go across the articles, landing on the partner where there is one.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-doc]').dataset.doc), '004_742d5dcaba902641.txt');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true');
  // The view state is in the URL hash, and a reload reopens it.
  assert.match(page.url(), /g=g1/);
  await context.close();
});

test('with the real engine, partners of a grouped claim are marked (when it groups)', async (t) => {
  const { context, page } = await open();
  const grouped = page.locator('.column-text [data-groups]');
  if ((await grouped.count()) === 0) {
    t.skip('the engine gives no groups yet');
    await context.close();
    return;
  }
  const first = grouped.first();
  const id = (await first.getAttribute('data-groups')).split(' ')[0];
  await first.click();
  const marked = page.locator(`[data-claim][aria-current="true"]`);
  await marked.first().waitFor();
  const docs = await marked.evaluateAll((els) => new Set(els.map((e) => e.closest('[data-doc]').dataset.doc)).size);
  assert.ok(docs >= 2, `group ${id} marks claims in ${docs} article(s)`);
  await context.close();
});

test('add an article by paste, reload, and it is still there', async () => {
  const { context, page } = await open();
  await view(page, 'articles');
  await page.locator('#paste-text').fill('Officials said on Monday that 12 interceptors would be based in Poland. Moscow objected.');
  await page.locator('#paste-outlet').fill('Test Wire');
  await page.getByRole('button', { name: 'Add article' }).click();
  await view(page, 'side');
  const col = page.locator('.column[data-doc="test_wire.txt"]');
  await col.waitFor();
  assert.equal((await col.locator('.outlet').textContent()).trim(), 'Test Wire');
  await page.reload();
  await page.locator('.column[data-doc="test_wire.txt"]').waitFor();
  assert.ok((await page.locator('.column[data-doc="test_wire.txt"]').textContent()).includes('12 interceptors'));
  // The pasted text never goes into the URL.
  assert.ok(!page.url().includes('interceptors'));
  await context.close();
});

async function drop(page, selector, files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : f.text;
      dt.items.add(new File([bytes], f.name, { type: f.type || '' }));
    }
    return dt;
  }, files);
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

test('add articles by file drop (text and HTML); too big and binary files get a message', async () => {
  const { context, page } = await open();
  await view(page, 'articles');
  await drop(page, '[data-dropzone]', [
    { name: 'wire.txt', text: 'A plain text report. It says two things.' },
    { name: 'page.html', type: 'text/html', text: '<html><head><title>Web story</title><style>p{}</style></head><body><nav>Home | News</nav><p>The first paragraph.</p><p>The second paragraph.</p><script>document.title="x"</script></body></html>' },
    { name: 'binary.txt', base64: Buffer.from([0, 1, 2, 3, 255, 0]).toString('base64') },
  ]);
  await page.getByText(/Added 2 articles/).waitFor();
  await page.getByText(/binary\.txt does not look like a text file/).waitFor();
  // Too big: a 5 MB + 1 byte file, made in the page.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(5 * 1024 * 1024 + 1).fill(97)], 'huge.txt', { type: 'text/plain' }));
    document.querySelector('[data-dropzone]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.getByText(/huge\.txt is 5\.0 MB; an article can be at most 5 MB/).waitFor();
  await view(page, 'side');
  await page.locator('.column[data-doc="wire.txt"]').waitFor();
  const html = page.locator('.column[data-doc="page.txt"]');
  await html.waitFor();
  const text = await html.locator('.column-text').textContent();
  assert.ok(text.includes('The first paragraph.') && text.includes('The second paragraph.'));
  assert.ok(!text.includes('Home | News') && !text.includes('document.title'));
  assert.equal(await page.locator('.column[data-doc]').count(), 7);
  await page.reload();
  await page.locator('.column[data-doc="page.txt"]').waitFor();
  assert.equal(await page.locator('.column[data-doc]').count(), 7);
  await context.close();
});

async function download(page, kind) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${kind}"]`).click()]);
  const file = path.join(os.tmpdir(), `parallax-ui-${process.pid}-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { file, text: fs.readFileSync(file, 'utf8'), name: dl.suggestedFilename() };
}

test('export JSON, CSV and Markdown; a correction is kept; the JSON imports back', async () => {
  const { context, page } = await open();
  await importFixture(page);
  // A correction: reject the link of g2 in the detail view.
  await page.goto(base + '#view=detail&g=g2');
  await page.locator('.detail[data-group="g2"]').waitFor();
  await page.getByRole('button', { name: 'Reject link' }).first().click();
  await page.getByText(/Your corrections \(1\)/).waitFor();

  const json = await download(page, 'json');
  assert.equal(json.name, 'parallax.json');
  const v = JSON.parse(json.text);
  assert.equal(v.format, 'parallax-alignment');
  assert.equal(v.documents.length, 5);
  assert.ok(v.documents.every((d) => typeof d.text === 'string' && d.text.length > 100));
  assert.equal(v.corrections.length, 1);
  assert.equal(v.corrections[0].op, 'reject');
  assert.ok(!v.groups.some((g) => g.id === 'g2'), 'the rejected group is gone from the corrected groups');
  assert.ok(v.uncorrected.groups.some((g) => g.id === 'g2'));
  assert.ok(v.claims.every((c) => typeof c.start === 'number' && typeof c.end === 'number'));

  const csv = await download(page, 'csv');
  assert.match(csv.text.split('\r\n')[0], /^group,relation,differences,label,/);
  assert.ok(csv.text.includes('interceptors in Poland: nine or ten ~ 10'));

  const md = await download(page, 'md');
  assert.match(md.text, /^# Parallax report/);
  assert.match(md.text, /## Your corrections/);

  // Change the workspace, then import the export back: same articles, same correction.
  await view(page, 'articles');
  await page.getByRole('button', { name: /Remove 000_59f64d01507f9a7e\.txt/ }).click();
  await view(page, 'side');
  await page.waitForFunction(() => document.querySelectorAll('.column[data-doc]').length === 4);
  await page.locator('.message .dismiss').evaluateAll((bs) => bs.forEach((b) => b.click()));
  await page.locator('input[data-import="json"]').setInputFiles(json.file);
  await page.getByText(/Imported 5 articles/).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.column[data-doc]').length === 5);
  await view(page, 'detail');
  await page.getByText(/Your corrections \(1\)/).waitFor();

  // A malformed or foreign file: a clear error, nothing changes.
  const bad = path.join(os.tmpdir(), `parallax-bad-${process.pid}.json`);
  fs.writeFileSync(bad, '{"claims": [1, 2');
  await page.locator('input[data-import="json"]').setInputFiles(bad);
  await page.getByText(/not valid JSON/).waitFor();
  fs.writeFileSync(bad, JSON.stringify({ hello: 'world' }));
  await page.locator('input[data-import="json"]').setInputFiles(bad);
  await page.getByText(/not a Parallax export/).waitFor();
  await view(page, 'side');
  assert.equal(await page.locator('.column[data-doc]').count(), 5);
  await context.close();
});

test('keyboard only: through the matrix and into a detail', async () => {
  const { context, page } = await open();
  await importFixture(page);
  await page.locator('button[data-view="matrix"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('table.matrix').waitFor();
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.classList.contains('row-head'));
  }
  assert.ok(found, 'Tab reaches the matrix rows');
  const first = await page.evaluate(() => document.activeElement.closest('tr').dataset.group);
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.closest('tr').dataset.group);
  assert.notEqual(first, second);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').dataset.group), first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator(`.detail[data-group="${second}"]`).waitFor();
  // Focus is visible: the focused control has an outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await context.close();
});

test('filters and sort narrow the matrix and go into the URL', async () => {
  const { context, page } = await open();
  await importFixture(page);
  await view(page, 'matrix');
  assert.equal(await page.locator('table.matrix tbody tr[data-group]').count(), 5);
  await page.locator('#f-rel').selectOption('differ');
  assert.equal(await page.locator('table.matrix tbody tr[data-group]').count(), 2);
  assert.match(page.url(), /rel=differ/);
  await page.locator('#f-rel').selectOption('');
  await page.locator('#f-diff').selectOption('number');
  assert.equal(await page.locator('table.matrix tbody tr[data-group]').count(), 1);
  await page.locator('#f-diff').selectOption('');
  await page.locator('#f-name').selectOption('e1');
  assert.ok((await page.locator('table.matrix tbody tr[data-group]').count()) >= 1);
  await page.locator('#f-name').selectOption('');
  await page.locator('#f-src').selectOption('000_59f64d01507f9a7e.txt');
  assert.equal(await page.locator('table.matrix tbody tr[data-group]').count(), 2);
  await page.locator('#f-rel').selectOption('single');
  assert.equal(await page.locator('table.matrix').count(), 0);
  assert.ok((await page.locator('[data-single-claim]').count()) > 5);
  await context.close();
});

test('names: spellings per source', async () => {
  const { context, page } = await open();
  await importFixture(page);
  await view(page, 'names');
  const row = page.locator('tr[data-entity="e1"]');
  assert.ok((await row.textContent()).includes('spellings differ'));
  assert.ok((await row.locator('td[data-col="004_742d5dcaba902641.txt"]').textContent()).includes('Anatoly Serdukov'));
  await context.close();
});

test('phone viewport: no sideways scrolling in any view', async () => {
  const { context, page } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await importFixture(page);
  for (const v of ['side', 'matrix', 'detail', 'names', 'articles']) {
    await view(page, v);
    await page.waitForTimeout(100);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 390, `${v}: page is ${w}px wide`);
  }
  await context.close();
});

test('corrections: split a version off, merge two groups, undo', async () => {
  const { context, page } = await open();
  await importFixture(page);
  await page.goto(base + '#view=detail&g=g3');
  await page.locator('.detail[data-group="g3"]').waitFor();
  assert.equal(await page.locator('.version').count(), 3);
  // Split AFP's second version off: it stands alone, so it becomes single-source.
  const moved = await page.locator('.version').nth(1).getAttribute('data-version');
  await page.locator('.version').nth(1).locator('input[type=checkbox]').check();
  await page.getByRole('button', { name: /Split the checked versions/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('.version').length === 2);
  await view(page, 'matrix');
  await page.locator(`[data-single-claim="${moved}"]`).waitFor();
  // Merge g1 with g2.
  await page.goto(base + '#view=detail&g=g1');
  await page.locator('.detail[data-group="g1"]').waitFor();
  await page.locator('.merge select').selectOption('g2');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.locator('.detail[data-group="g1+g2"]').waitFor();
  assert.equal(await page.locator('.version').count(), 4);
  await page.getByText(/Your corrections \(2\)/).waitFor();
  // Undo both.
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await view(page, 'matrix');
  assert.equal(await page.locator('table.matrix tbody tr[data-group]').count(), 5);
  await context.close();
});

test('a link reopens the view: view, filters and which bundled articles are in the hash', async () => {
  const { context, page } = await open({ hash: '#view=side&b=0,2' });
  await page.waitForFunction(() => document.querySelectorAll('.column[data-doc]').length === 2);
  const docs = await page.locator('.column[data-doc]').evaluateAll((els) => els.map((e) => e.dataset.doc));
  assert.deepEqual(docs, ['000_59f64d01507f9a7e.txt', '002_997de83ce86dabb3.txt']);
  await page.goto(base + '#view=matrix&rel=differ&sort=relation&b=0,1,2,3,4');
  await page.locator('table.matrix').waitFor();
  assert.equal(await page.locator('#f-rel').inputValue(), 'differ');
  assert.equal(await page.locator('#f-sort').inputValue(), 'relation');
  await page.waitForFunction(() => document.querySelectorAll('button[data-view="matrix"][aria-current="page"]').length === 1);
  await context.close();
});

test('storage full: the user is told which articles will not survive a reload', async () => {
  const { context, page } = await open();
  await view(page, 'articles');
  // localStorage holds about 5 million characters: the first 3 MB article fits, the second not.
  for (const name of ['big1.txt', 'big2.txt']) {
    await page.evaluate((name) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'.repeat(3 * 1024 * 1024)], name, { type: 'text/plain' }));
      document.querySelector('[data-dropzone]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, name);
    await page.locator(`[data-article="${name}"]`).waitFor();
  }
  await page.getByText(/storage is full: big2\.txt will not survive a reload/).waitFor();
  assert.equal(await page.locator('[data-article="big2.txt"] .chip.warn').count(), 1);
  await page.reload();
  await page.locator('[data-article="big1.txt"]').waitFor();
  assert.equal(await page.locator('[data-article="big2.txt"]').count(), 0);
  await context.close();
});

test('the analysis runs in a worker: the page stays responsive while a large article is analysed', async () => {
  const { context, page } = await open();
  // The worker starts just after the first view (which needs none): wait for it.
  if (page.workers().length === 0) await page.waitForEvent('worker', { timeout: 15000 });
  assert.equal(page.workers().length, 1, 'one analysis worker');
  await view(page, 'articles');
  await page.evaluate(() => {
    const sentence = 'Officials in Warsaw said on Tuesday that ten interceptors would be based near the coast, a plan Moscow opposes. ';
    const dt = new DataTransfer();
    dt.items.add(new File([sentence.repeat(Math.floor(600000 / sentence.length))], 'large.txt', { type: 'text/plain' }));
    document.querySelector('[data-dropzone]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.locator('[data-article="large.txt"]').waitFor();
  // While it is analysed, the event loop answers at once and the views switch.
  const lag = await page.evaluate(() => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); }));
  assert.ok(lag < 250, `event loop lag ${lag} ms`);
  await view(page, 'names');
  await page.locator('button[data-view="names"][aria-current="page"]').waitFor({ timeout: 1000 });
  await view(page, 'side');
  await page.locator('.column[data-doc="large.txt"]').waitFor({ timeout: 60000 });
  await context.close();
});
