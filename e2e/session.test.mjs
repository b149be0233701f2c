// Work is never lost (issue #15): the article on screen, its language and date come back
// after a reload; recent articles can be reopened; a new article starts with the language on
// "auto" and the date empty, and the page says which language it read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, pasteText, SCREENSHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Articles written for this test.
const FIRST = 'Storm floods coastal towns\n\nFloodwater swept through three districts on Thursday, killing seven people, the Red Cross said in Manila.';
const SECOND = 'Bridge reopens after repairs\n\nThe bridge over the river in Lyon reopened on Monday after two years of work, the city council said.';

/** A page in a context of its own whose storage survives reloads (not other tests'). */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.article .headline').waitFor({ timeout: 30000 });
  return { context, page };
}

/** Types a publication date as a reader does (the page reads it on change). */
async function setDate(page, value) {
  await page.locator('input[type="date"]').fill(value);
  await page.locator('input[type="date"]').dispatchEvent('change');
}

const headline = (page) => page.locator('.article .headline').innerText();
const languageMenu = (page) => page.getByRole('combobox').filter({ has: page.locator('option[value="auto"]') });

test('the article, its language and date come back after a reload', async () => {
  const { context, page } = await freshPage();
  await pasteText(page, FIRST);
  await page.locator('.article .headline', { hasText: 'Storm floods coastal towns' }).waitFor();
  await languageMenu(page).selectOption('en');
  await setDate(page, '2024-10-04');
  await page.reload();
  await page.locator('.article .headline').waitFor({ timeout: 30000 });
  assert.equal(await headline(page), 'Storm floods coastal towns');
  assert.equal(await languageMenu(page).inputValue(), 'en');
  assert.equal(await page.locator('input[type="date"]').inputValue(), '2024-10-04');
  await context.close();
});

test('a new article starts on auto with no date, and the page says what it read', async () => {
  const { context, page } = await freshPage();
  await pasteText(page, FIRST);
  await page.locator('.article .headline', { hasText: 'Storm floods' }).waitFor();
  await languageMenu(page).selectOption('en');
  await setDate(page, '2024-10-04');
  // The Vietnamese sample after an English article is read as Vietnamese again.
  await page.getByRole('button', { name: 'Sample: seed article' }).click();
  await page.locator('.article .headline', { hasText: 'Azerbaijan' }).waitFor();
  assert.equal(await languageMenu(page).inputValue(), 'auto');
  assert.equal(await page.locator('input[type="date"]').inputValue(), '');
  assert.equal(await page.locator('.detected').innerText(), 'read as Tiếng Việt');
  await pasteText(page, SECOND);
  await page.locator('.article .headline', { hasText: 'Bridge reopens' }).waitFor();
  assert.equal(await page.locator('.detected').innerText(), 'read as English');
  await context.close();
});

test('recent articles can be reopened, with the options they had', async () => {
  const { context, page } = await freshPage();
  await pasteText(page, FIRST);
  await page.locator('.article .headline', { hasText: 'Storm floods' }).waitFor();
  await setDate(page, '2024-10-04');
  await pasteText(page, SECOND);
  await page.locator('.article .headline', { hasText: 'Bridge reopens' }).waitFor();
  const recent = page.getByRole('combobox', { name: 'Reopen a recent article' });
  const titles = await recent.locator('option').allInnerTexts();
  assert.deepEqual(titles.slice(1, 4), ['Bridge reopens after repairs', 'Storm floods coastal towns', titles[3]]);
  assert.match(titles[3], /^Azerbaijan/, 'the seed shown first is listed too');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'recent.png') });
  await recent.selectOption({ label: 'Storm floods coastal towns' });
  await page.locator('.article .headline', { hasText: 'Storm floods' }).waitFor();
  assert.equal(await page.locator('input[type="date"]').inputValue(), '2024-10-04');
  // Still there after a reload, newest first.
  await page.reload();
  await page.locator('.article .headline', { hasText: 'Storm floods' }).waitFor({ timeout: 30000 });
  const after = await page.getByRole('combobox', { name: 'Reopen a recent article' }).locator('option').allInnerTexts();
  assert.equal(after[1], 'Storm floods coastal towns');
  await context.close();
});
