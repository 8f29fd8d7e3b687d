// Long lists and a busy analysis (issue 8), with node:test and playwright-core.
//
//   PARALLAX_DIST=dist node --test tests/e2e/paging.test.mjs   (PARALLAX_CHROMIUM: default /usr/bin/chromium)
//
// Serves the built site under a sub-path and adds generated articles (made here, no engine
// needed): story k is told twice, by "story-k-a.txt" and "story-k-b.txt", so that partners of a
// claim sit in different pages of articles. Asserts behaviour only, never timings:
//   - with many articles only a bounded number of columns and rows are in the DOM, and the pager
//     or "Show more" brings the others;
//   - jumping to a partner in another page of articles brings that page in, focused on it;
//   - a view button pressed while a long analysis runs is answered before the analysis ends.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, stopSite } from './support/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const DIST = path.resolve(root, process.env.PARALLAX_DIST || 'dist');
// The app's page sizes (src/app/state.rs: DOCS_PER_PAGE, ROWS_PER_PAGE).
const DOCS_PER_PAGE = 10;
const ROWS_PER_PAGE = 50;

let server, browser, base;

before(async () => {
  ({ server, browser, base } = await startSite(DIST));
});

after(async () => {
  await stopSite({ server, browser });
});

const CITIES = ['Lima', 'Quito', 'Manila', 'Nairobi', 'Karachi', 'Dhaka', 'Jakarta', 'Cairo', 'Lagos', 'Santiago',
  'Bogota', 'Caracas', 'Hanoi', 'Tehran', 'Kabul', 'Algiers', 'Accra', 'Havana', 'Kampala', 'Dakar', 'Tunis', 'Amman',
  'Beirut', 'Baghdad', 'Riyadh', 'Muscat', 'Doha', 'Khartoum', 'Harare', 'Lusaka'];
const NAMES = ['Garcia', 'Okafor', 'Haddad', 'Nguyen', 'Santos', 'Mensah', 'Rahman', 'Silva', 'Kariuki', 'Torres',
  'Moreno', 'Diallo', 'Farouk', 'Tran', 'Costa', 'Owusu', 'Hossain', 'Pereira', 'Mwangi', 'Rojas', 'Vargas', 'Toure',
  'Nasser', 'Pham', 'Ramos', 'Boateng', 'Karim', 'Lopes', 'Otieno', 'Castro'];

/** Story k told by outlet variant 0 (a) or 1 (b): three shared facts, two of its own. */
function article(k, variant) {
  const city = CITIES[k % CITIES.length];
  const name = NAMES[(k * 7) % NAMES.length];
  const wire = variant ? `${city.toUpperCase()} (AP) --` : '(Reuters) -';
  return [
    `${wire} An earthquake of magnitude ${5 + (k % 4)}.${k % 10} struck near ${city} on Monday, killing ${12 + k} people, officials said.`,
    `Mayor Ana ${name} said ${40 + k} buildings had collapsed in ${city}.`,
    `Rescue workers pulled ${3 + k} survivors from the rubble on Tuesday.`,
    `A bakery in the ${variant ? 'north' : 'south'} sold ${1000 + 7 * k + 3 * variant} loaves to volunteers.`,
    `The ${variant ? 'port' : 'airport'} reopened after ${2 + k + 50 * variant} hours of inspections.`,
  ].join('\n\n');
}

/** `stories` stories, each told twice: all the "a" versions first, then all the "b" ones. */
function corpus(stories) {
  const pad = (k) => String(k).padStart(3, '0');
  const files = [];
  for (let k = 0; k < stories; k++) files.push({ name: `story-${pad(k)}-a.txt`, text: article(k, 0) });
  for (let k = 0; k < stories; k++) files.push({ name: `story-${pad(k)}-b.txt`, text: article(k, 1) });
  return files;
}

async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base);
  await page.locator('.column[data-doc]').first().waitFor();
  return { context, page, errors };
}

/** Drops the files on the page (the whole page takes drops) and waits for "Added N articles". */
async function add(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await page.getByText(new RegExp(`Added ${files.length} articles`)).waitFor({ timeout: 120_000 });
}

const analysed = (page) => page.waitForFunction(() => !document.querySelector('.progress progress'), null, { timeout: 300_000, polling: 100 });
const view = (page, name) => page.locator(`button[data-view="${name}"]`).click();
const docsShownMatrix = (page) => page.locator('table.matrix thead th[title]').evaluateAll((els) => els.map((e) => e.title));
const docsShown = (page) => page.locator('.column[data-doc]').evaluateAll((els) => els.map((e) => e.dataset.doc));

test('many articles: a page of columns and of rows in the DOM; the pager and "Show more" bring the rest', async () => {
  const { context, page, errors } = await open();
  const files = corpus(30);
  await add(page, files);
  await analysed(page);
  const total = 5 + files.length;

  // Side by side: one page of columns, and the pager says how many there are.
  await page.locator(`.columns[data-doc-count="${total}"]`).waitFor();
  const first = await docsShown(page);
  assert.equal(first.length, DOCS_PER_PAGE);
  const pager = page.locator('.source-pager');
  assert.equal(await pager.getAttribute('data-doc-first'), '1');
  assert.match(await pager.textContent(), new RegExp(`1–${DOCS_PER_PAGE} of ${total}`));
  assert.ok(await pager.locator('[data-pager="prev"]').isDisabled());
  await pager.locator('[data-pager="next"]').click();
  await page.locator(`.source-pager[data-doc-first="${DOCS_PER_PAGE + 1}"]`).waitFor();
  const second = await docsShown(page);
  assert.equal(second.length, DOCS_PER_PAGE);
  assert.ok(second.every((d) => !first.includes(d)), 'the next page shows other articles');
  // The last page: the remaining articles, and no further page.
  while (!(await pager.locator('[data-pager="next"]').isDisabled())) {
    const at = await pager.getAttribute('data-doc-first');
    await pager.locator('[data-pager="next"]').click();
    await page.waitForFunction((at) => document.querySelector('.source-pager').dataset.docFirst !== at, at);
  }
  assert.equal((await docsShown(page)).length, total % DOCS_PER_PAGE || DOCS_PER_PAGE);
  assert.ok((await docsShown(page)).includes(files.at(-1).name));

  // The matrix: at most a page of rows, each with at most a page of source columns.
  await view(page, 'matrix');
  const rows = page.locator('table.matrix tr[data-group]');
  await rows.first().waitFor();
  const nRows = await rows.count();
  assert.ok(nRows > 0 && nRows <= ROWS_PER_PAGE, `${nRows} rows in the DOM`);
  const cells = await rows.first().locator('td').count();
  assert.ok(cells <= DOCS_PER_PAGE, `${cells} cells in a row`);
  // One-source claims: those of the sources shown, on every page of sources.
  const singlesOk = async () => {
    const shownDocs = await docsShownMatrix(page);
    assert.ok(shownDocs.length <= DOCS_PER_PAGE);
    const singleIn = await page.locator('.single-doc h3 .muted').allTextContents();
    assert.ok(singleIn.every((t) => shownDocs.some((d) => t.includes(` · ${d} · `))), 'one-source claims only of the sources shown');
    return singleIn.length;
  };
  await singlesOk();
  const prev = page.locator('.source-pager [data-pager="prev"]');
  while (!(await prev.isDisabled())) {
    const at = await page.locator('.source-pager').getAttribute('data-doc-first');
    await prev.click();
    await page.waitForFunction((at) => document.querySelector('.source-pager').dataset.docFirst !== at, at);
    await singlesOk();
  }
  assert.ok((await singlesOk()) > 0, 'the first page of sources has one-source claims');

  // The workspace: a page of articles, then the next.
  await view(page, 'articles');
  assert.equal(await page.locator('.article-card').count(), ROWS_PER_PAGE);
  await page.locator('.workspace .show-more [data-show-more]').click();
  await page.waitForFunction((n) => document.querySelectorAll('.article-card').length === n, Math.min(total, 2 * ROWS_PER_PAGE));

  // Names: at most a page of rows and of source columns.
  await view(page, 'names');
  const names = page.locator('.names-table tbody tr');
  await names.first().waitFor();
  assert.ok((await names.count()) <= ROWS_PER_PAGE);
  assert.ok((await names.first().locator('td').count()) <= DOCS_PER_PAGE);

  // On a phone: the pager and "Show more" fit, nothing scrolls sideways, the pager still works.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const v of ['side', 'matrix', 'names', 'articles']) {
    await view(page, v);
    await page.waitForTimeout(100);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 390, `${v}: page is ${w}px wide on a phone`);
  }
  await view(page, 'side');
  const at = await page.locator('.source-pager').getAttribute('data-doc-first');
  await page.locator('.source-pager [data-pager="next"]').click();
  await page.waitForFunction((at) => document.querySelector('.source-pager').dataset.docFirst !== at, at);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a partner in another page of articles: the selection bar brings its page in and focuses it', async () => {
  const { context, page, errors } = await open();
  const files = corpus(30);
  await add(page, files);
  await analysed(page);
  // story-000-a.txt is the 6th article (first page); story-000-b.txt the 36th (fourth page).
  const a = page.locator('.column[data-doc="story-000-a.txt"] [data-claim][data-groups]');
  await a.first().waitFor();
  // A claim of story 0 whose group has story-000-b.txt's version in it.
  const pick = await a.evaluateAll((els) => els.map((e) => e.dataset.claim));
  let found = null;
  for (const id of pick) {
    await page.locator(`[data-claim="${id}"]`).click();
    const partner = page.locator('.selection-bar [data-partner-doc="story-000-b.txt"]');
    if (await partner.count()) { found = id; break; }
  }
  assert.ok(found, 'a claim of story-000-a.txt is grouped with story-000-b.txt');
  assert.equal(await page.locator('.column[data-doc="story-000-b.txt"]').count(), 0, 'the partner starts off-page');
  await page.locator('.selection-bar [data-partner-doc="story-000-b.txt"]').click();
  const partnerCol = page.locator('.column[data-doc="story-000-b.txt"]');
  await partnerCol.waitFor();
  assert.equal(await page.locator('.source-pager').getAttribute('data-doc-first'), String(3 * DOCS_PER_PAGE + 1));
  // Its version is marked as a partner and has the focus.
  await page.waitForFunction(() => document.activeElement?.closest('.column')?.dataset.doc === 'story-000-b.txt');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true');
  assert.ok((await partnerCol.locator('[data-claim][aria-current="true"]').count()) >= 1);
  // ← from the first column of this page goes on to the last column of the page before.
  const firstOfPage = (await docsShown(page))[0];
  await page.locator(`.column[data-doc="${firstOfPage}"] [data-claim]`).first().focus();
  await page.keyboard.press('ArrowLeft');
  await page.locator(`.source-pager[data-doc-first="${2 * DOCS_PER_PAGE + 1}"]`).waitFor();
  await page.waitForFunction((d) => {
    const cols = [...document.querySelectorAll('.column[data-doc]')];
    return document.activeElement?.closest('.column') === cols.at(-1) && d !== cols.at(-1).dataset.doc;
  }, firstOfPage);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a view button pressed while a long analysis runs is answered before the analysis ends', async () => {
  const { context, page, errors } = await open();
  // Record, in the page, the order of what happens: the matrix view shown, the analysis done.
  await page.evaluate(() => {
    window.__order = [];
    const seen = new Set();
    const note = () => {
      const busy = !!document.querySelector('.progress progress');
      const matrix = document.querySelector('button[data-view="matrix"]')?.getAttribute('aria-current') === 'page';
      if (matrix && !seen.has('matrix')) { seen.add('matrix'); window.__order.push(['matrix', busy]); }
      if (window.__started && !busy && !seen.has('done')) { seen.add('done'); window.__order.push(['done', busy]); }
      if (busy) window.__started = true;
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await add(page, corpus(150));
  assert.ok(await page.locator('.progress progress').count(), 'the analysis of 305 articles is running');
  // A real click (through the browser's input, not a script call).
  await page.locator('button[data-view="matrix"]').click({ noWaitAfter: true });
  await page.waitForFunction(() => window.__order.some(([e]) => e === 'matrix'));
  await analysed(page);
  const order = await page.evaluate(() => window.__order);
  assert.deepEqual(order.map(([e]) => e), ['matrix', 'done'], 'the view changed before the analysis finished');
  assert.equal(order[0][1], true, 'the progress bar was still there when the matrix showed');
  // And the finished alignment is shown in the view chosen meanwhile, a page of rows at most.
  await page.locator('table.matrix tr[data-group]').first().waitFor();
  assert.ok((await page.locator('table.matrix tr[data-group]').count()) <= ROWS_PER_PAGE);
  assert.deepEqual(errors, []);
  await context.close();
});
