// Work is never lost: the JSON export carries the article and the reader's corrections, and
// opening it again (here in a fresh browser profile, on a phone, dark) brings back the text,
// its options and every correction. A Web Annotation export, which holds marks but no text,
// puts its marks back on the article on screen; a JSON that is not the page's own gets a
// message saying what opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, SCREENSHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an exported JSON opens again with its article, options and corrections', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-reopen-'));
  // 1. Desktop, light: correct the seed, set its date, export.
  const a = await browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme: 'light' });
  const page = await a.newPage();
  await page.goto(server.url);
  await page.locator('.article .headline').waitFor();
  const yerevan = (p) => p.locator('.article .ent-location', { hasText: 'Yerevan' }).count();
  const before = await yerevan(page);
  await page.locator('input[type="date"]').fill('2020-10-04');
  await page.locator('input[type="date"]').dispatchEvent('change');
  await page.locator('.sidebar button.entity', { hasText: 'Baku' }).click();
  await page.getByRole('combobox', { name: 'Entity type' }).selectOption('organization');
  await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.sidebar button.entity', { hasText: 'Yerevan' }).click();
  await page.getByRole('button', { name: 'Remove this mention' }).click();
  assert.equal(await yerevan(page), before - 1);
  const grab = async (label) => {
    await page.locator('.export summary').click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    const to = path.join(dir, dl.suggestedFilename());
    await dl.saveAs(to);
    return to;
  };
  const saved = await grab('JSON (annotation)');
  const json = JSON.parse(fs.readFileSync(saved, 'utf8'));
  // Still SPEC.md's annotation, with the article and the corrections beside it.
  assert.ok(Array.isArray(json.entities) && json.reference_date === '2020-10-04');
  assert.equal(json.article.date, '2020-10-04');
  assert.ok(json.article.text.startsWith('Azerbaijan'));
  assert.equal(json.corrections.ops.length + json.corrections.removed.length, 2);
  const ld = await grab('Web Annotation (JSON-LD)');
  await a.close();

  // 2. A fresh profile (nothing remembered), a phone, dark: open the file.
  const b = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  const phone = await b.newPage();
  await phone.goto(server.url);
  await phone.locator('.article .headline').waitFor();
  assert.equal(await yerevan(phone), before, 'nothing corrected here yet');
  await phone.locator('input[type="file"]').setInputFiles(saved);
  const status = phone.locator('[role="status"]', { hasText: 'Opened' });
  await status.waitFor();
  assert.match(await status.innerText(), /the article with 2 corrections/);
  await phone.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor({ state: 'attached' });
  assert.equal(await yerevan(phone), before - 1);
  assert.equal(await phone.locator('input[type="date"]').inputValue(), '2020-10-04');
  await phone.screenshot({ path: path.join(SCREENSHOTS, 'reopen-phone-dark.png') });
  // They are this profile's now: a reload keeps them.
  await phone.reload();
  await phone.locator('.article .headline').waitFor();
  await phone.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor({ state: 'attached' });
  assert.equal(await yerevan(phone), before - 1);
  // A Web Annotation file holds marks, not text: opened with the article on screen, its marks
  // go onto it (found by their quotes). Here after a reset of the corrections.
  phone.once('dialog', (d) => d.accept());
  await phone.getByRole('button', { name: /Reset corrections/ }).click();
  await phone.locator('.sidebar .ent-location', { hasText: 'Baku' }).waitFor({ state: 'attached' });
  assert.equal(await yerevan(phone), before);
  await phone.locator('input[type="file"]').setInputFiles(ld);
  const put = phone.locator('[role="status"]', { hasText: 'Put the marks of' });
  await put.waitFor();
  assert.match(await put.innerText(), /\d+ found/);
  assert.doesNotMatch(await put.innerText(), /not found/);
  await phone.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor({ state: 'attached' });
  assert.equal(await yerevan(phone), before - 1);
  await phone.screenshot({ path: path.join(SCREENSHOTS, 'reopen-web-annotation-phone-dark.png') });
  // So does a JSON that is not the page's own.
  const other = path.join(dir, 'other.json');
  fs.writeFileSync(other, JSON.stringify({ entities: [] }));
  await phone.locator('input[type="file"]').setInputFiles(other);
  await phone.locator('.notice[role="alert"]', { hasText: 'other.json holds no article text' }).waitFor();
  assert.equal(await yerevan(phone), before - 1, 'the article on screen stays as it was');
  await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
