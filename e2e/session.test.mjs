// Work is never lost (issue #15): the article on screen, its language and date come back
// after a reload; recent articles can be reopened; a new article starts with the language on
// "auto" and the date empty, and the page says which language it read; an article too large to
// keep, or storage that refuses, is said so. Desktop light and phone dark, axe on the notices.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, pasteText, SCREENSHOTS, CONFIGS, axeSerious } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Articles written for this test.
const FIRST = 'Storm floods coastal towns\n\nFloodwater swept through three districts on Thursday, killing seven people, the Red Cross said in Manila.';
const SECOND = 'Bridge reopens after repairs\n\nThe bridge over the river in Lyon reopened on Monday after two years of work, the city council said.';

/** A page in a context of its own whose storage survives reloads (not other tests'). */
async function freshPage({ viewport, scheme }) {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
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

for (const config of CONFIGS) test(`the article, its language and date come back after a reload (${config.name})`, async () => {
  const { context, page } = await freshPage(config);
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

for (const config of CONFIGS) test(`a new article starts on auto with no date, and the page says what it read (${config.name})`, async () => {
  const { context, page } = await freshPage(config);
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

for (const config of CONFIGS) test(`recent articles can be reopened, with the options they had (${config.name})`, async () => {
  const { context, page } = await freshPage(config);
  await pasteText(page, FIRST);
  await page.locator('.article .headline', { hasText: 'Storm floods' }).waitFor();
  await setDate(page, '2024-10-04');
  await pasteText(page, SECOND);
  await page.locator('.article .headline', { hasText: 'Bridge reopens' }).waitFor();
  const recent = page.getByRole('combobox', { name: 'Reopen a recent article' });
  const titles = await recent.locator('option').allInnerTexts();
  assert.deepEqual(titles.slice(1, 4), ['Bridge reopens after repairs', 'Storm floods coastal towns', titles[3]]);
  assert.match(titles[3], /^Azerbaijan/, 'the seed shown first is listed too');
  await page.screenshot({ path: path.join(SCREENSHOTS, `recent-${config.name}.png`) });
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

for (const config of CONFIGS) test(`an article too large to keep says so, and is not listed (${config.name})`, async () => {
  const { context, page } = await freshPage(config);
  await pasteText(page, FIRST);
  await page.locator('.article .headline', { hasText: 'Storm floods' }).waitFor();
  // Over the 1 MB kept across reloads, well under the 16 MB the annotator takes.
  const big = `Harbour works go on\n\n${'The crane lifted steel beams onto the new pier while workers watched. '.repeat(16000)}`;
  await pasteText(page, big);
  const notice = page.locator('.notice[role="alert"]', { hasText: 'too large to keep across a reload' });
  await notice.waitFor({ timeout: 60000 });
  assert.match(await notice.innerText(), /This article \(1\.\d MB\) is too large to keep across a reload: save it as a file to reopen it\./);
  assert.ok(await notice.isVisible());
  await page.screenshot({ path: path.join(SCREENSHOTS, `too-large-to-keep-${config.name}.png`) });
  assert.deepEqual(await axeSerious(page), [], 'axe with the notice shown');
  const titles = await page.getByRole('combobox', { name: 'Reopen a recent article' }).locator('option').allInnerTexts();
  assert.ok(!titles.some((t) => t.startsWith('Harbour works')), `not listed: ${titles}`);
  assert.equal(titles[1], 'Storm floods coastal towns');
  // A reload cannot bring it back: the page opens on the seed rather than a stale article.
  await page.reload();
  await page.locator('.article .headline', { hasText: 'Azerbaijan' }).waitFor({ timeout: 30000 });
  await context.close();
});

for (const config of CONFIGS) test(`storage that refuses costs the memory, not the article, and says so (${config.name})`, async () => {
  const { context, page } = await freshPage(config);
  // A full storage, as a browser at its quota answers.
  await page.evaluate(() => { Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); }; });
  await pasteText(page, SECOND);
  await page.locator('.article .headline', { hasText: 'Bridge reopens' }).waitFor();
  const notice = page.locator('.notice[role="alert"]');
  await notice.waitFor();
  assert.equal((await notice.innerText()).replace(/\s*×\s*$/, ''), "The browser's storage refused to keep this article: it will not come back after a reload.");
  assert.ok(await page.locator('.article .mark.ent-location', { hasText: 'Lyon' }).count() > 0, 'the article is annotated all the same');
  await page.screenshot({ path: path.join(SCREENSHOTS, `storage-refused-${config.name}.png`) });
  assert.deepEqual(await axeSerious(page), [], 'axe with the notice shown');
  // Dismissed, it goes.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator('.notice').count(), 0);
  await context.close();
});
