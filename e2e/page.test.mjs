// The built page, as a reader sees it: the seed article annotated on first load, readable at
// desktop width and at 360 px, with its sidebar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openApp, SCREENSHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); fs.mkdirSync(SCREENSHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

test('seed article is shown annotated on first load', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const headline = await page.locator('.article .headline').innerText();
  assert.match(headline, /^Azerbaijan vội yêu cầu đàm phán ngay sau cuộc tấn công tên lửa Iskander của Armenia/);
  const paragraphs = await page.locator('.article p').count();
  assert.ok(paragraphs >= 8, `expected the article's paragraphs, got ${paragraphs}`);
  await assert.doesNotReject(page.locator('.article p', { hasText: 'Tổng thống Azerbaijan Ilham Aliyev' }).first().waitFor());
  for (const h of ['Entities', 'Casualties', 'Timeline']) {
    assert.ok(await page.getByRole('heading', { name: h, exact: true }).isVisible(), `sidebar panel ${h}`);
  }
  // The player residue is shown muted, not as article text.
  assert.ok(await page.locator('.mark.noise').count() >= 2);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-desktop.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test('usable at 360 px: no horizontal scrolling, sidebar below the text', async () => {
  const { page } = await openApp(browser, server.url, { width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px at 360px`);
  const art = await page.locator('.article').boundingBox();
  const side = await page.locator('.sidebar').boundingBox();
  assert.ok(side.y >= art.y + art.height - 1, 'sidebar is below the article on a phone');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-360.png'), fullPage: false });
  await page.close();
});

test('pasted markup is shown as text, never run', async () => {
  const { page } = await openApp(browser, server.url);
  await page.evaluate(() => { window.__pwned = false; });
  await page.getByRole('button', { name: 'Edit text' }).click();
  const hostile = 'Tin nóng <img src=x onerror="window.__pwned=true"> <script>window.__pwned=true</script>\nHà Nội hôm nay.';
  await page.locator('#article-input').fill(hostile);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.locator('.article .headline', { hasText: '<img src=x' }).waitFor();
  assert.equal(await page.locator('.article img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), false);
  await page.close();
});

test('empty input gets a clear message', async () => {
  const { page } = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await page.locator('#article-input').fill('   ');
  await page.getByRole('button', { name: 'Annotate' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /empty/);
  await page.close();
});

test('works offline after the first visit (service worker)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.article .headline').waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await page.locator('.article .headline').waitFor({ timeout: 30000 });
  assert.match(await page.locator('.article .headline').innerText(), /^Azerbaijan/);
  await context.close();
});

test('the page itself runs under a strict CSP with nothing inline', async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const strict = await serve(undefined, () => ({ 'content-security-policy': csp }));
  const page = await browser.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await page.goto(strict.url);
  await page.locator('.article .headline').waitFor({ timeout: 30000 });
  await page.locator('.article .ent-person').first().hover();
  await page.getByRole('tooltip').waitFor();
  assert.deepEqual(violations, []);
  await page.close();
  await strict.close();
});

test('dark mode follows the system', async () => {
  const page = await browser.newPage({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.locator('.article .headline').waitFor();
  const bg = await page.locator('.article').evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `article background is dark: ${bg}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-dark.png') });
  await page.close();
});
