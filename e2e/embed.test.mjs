// Embedding in a CMS and running offline: the ES module's annotate() and mount(), auto-mount
// of two instances on a hostile host page, a strict CSP, zero requests after load, and the
// single-file build opened from file:// with the network blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, pasteText, ROOT, SCREENSHOTS } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, browser;
before(async () => {
  server = await serve(path.join(ROOT, 'dist'), (p) => (p.endsWith('/csp.html') ? { 'content-security-policy': CSP } : {}));
  browser = await launch();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

/** A new page whose console reports of Content-Security-Policy violations are collected in
 *  `violations` (the caller adds its own listeners, then navigates). */
async function cspWatchedPage() {
  const page = await browser.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  return { page, violations };
}

/** Sorted keys, so two serialisations of the same JSON compare byte for byte. */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

test('two auto-mounted instances on a hostile CMS page, styles isolated both ways', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + 'examples/cms.html');
  const hosts = page.locator('[data-article-annotator]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-article-annotator]')].every((h) => h.shadowRoot?.querySelector('.headline')));
  assert.equal(await hosts.count(), 2);
  // Our buttons are visible although the host hides every .btn; the host's .panel stays red.
  const first = hosts.nth(0);
  assert.ok(await first.locator('button', { hasText: 'Edit text' }).isVisible());
  assert.equal(await page.locator('p.panel').evaluate((el) => getComputedStyle(el).color), 'rgb(200, 0, 0)');
  assert.match(await first.locator('.headline').innerText(), /Đoàn xe quân sự Armenia/);
  assert.ok(await first.locator('.ent-organization', { hasText: 'Bộ Quốc phòng Azerbaijan' }).count() >= 1);
  // Independent instances: the second has no sidebar and its own state.
  const second = hosts.nth(1);
  assert.equal(await second.locator('.sidebar').count(), 0);
  await first.locator('.ent-location', { hasText: 'Armenia' }).first().click();
  assert.ok(await first.locator('.mark.sel').count() >= 1);
  assert.equal(await second.locator('.mark.sel').count(), 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'cms.png'), fullPage: true });
  // unmount() empties the element.
  await page.evaluate(async () => {
    const { mount } = await import('/embed/annotator.js');
    const el = document.createElement('div');
    document.body.append(el);
    const h = mount(el, { text: 'Hà Nội hôm nay mưa to.', lang: 'vi' });
    window.__mounted = !!el.shadowRoot.querySelector('.article');
    h.unmount();
    window.__unmounted = el.shadowRoot.childNodes.length === 0;
  });
  assert.equal(await page.evaluate(() => window.__mounted), true);
  assert.equal(await page.evaluate(() => window.__unmounted), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('annotate() from page JS gives the CLI\'s JSON for the seed, and throws clear errors', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + 'examples/cms.html');
  const fromJs = await page.evaluate(async () => {
    const m = await import('/embed/annotator.js');
    return m.annotate(m.seedArticle(), { date: '2020-10-04' });
  });
  const cli = path.join(ROOT, 'target', 'release', 'annotate');
  const seed = path.join(ROOT, 'seeds', '000_4b482bd7dbe4f5f8.txt');
  const fromCli = JSON.parse(execFileSync(cli, ['--date', '2020-10-04', seed], { encoding: 'utf8' }));
  assert.equal(canonical(fromJs), canonical(fromCli));
  const err = await page.evaluate(async () => {
    const m = await import('/embed/annotator.js');
    try { m.annotate('   '); return null; } catch (e) { return `${e instanceof Error}:${e.message}`; }
  });
  assert.match(err, /^true:the text is empty/);
  const bad = await page.evaluate(async () => {
    const m = await import('/embed/annotator.js');
    try { m.annotate('x', { date: '2020-13-40' }); return null; } catch (e) { return e.message; }
  });
  assert.match(bad, /invalid date/);
  const typed = await page.evaluate(async () => {
    const m = await import('/embed/annotator.js');
    try { m.annotate('x', { lang: 5 }); return null; } catch (e) { return `${e.name}:${e.message}`; }
  });
  assert.equal(typed, 'TypeError:annotate(text, options): lang and date must be strings');
  await page.close();
});

test('works under a strict CSP and makes no request after its own files load', async () => {
  const { page, violations } = await cspWatchedPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url + 'examples/csp.html');
  const host = page.locator('[data-article-annotator]');
  await host.locator('.headline').waitFor();
  await host.locator('.sidebar').waitFor();
  assert.ok(await host.locator('.ent-location', { hasText: 'Smithfield' }).count() >= 1);
  const loaded = requests.length;
  // Use it: hover for a card, select an entity, paste a new text.
  await host.locator('.article .ent-person').first().hover();
  await host.getByRole('tooltip').waitFor();
  await host.getByRole('button', { name: 'Edit text' }).click();
  await host.locator('#article-input').fill('Police said 3 people died in Paris on Monday.');
  await host.getByRole('button', { name: 'Annotate' }).click();
  await host.locator('.headline', { hasText: 'Police said' }).waitFor();
  assert.deepEqual(requests.slice(loaded), [], 'no network request after load');
  assert.deepEqual(violations, []);
  assert.ok(requests.every((u) => u.startsWith(server.url)), `only its own files: ${requests}`);
  await page.close();
});

test('a mounted annotator sends a large paste to its worker, under the strict CSP', async () => {
  const { page, violations } = await cspWatchedPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(server.url + 'examples/csp.html');
  const host = page.locator('[data-article-annotator]');
  await host.locator('.headline').waitFor();
  const para = 'Two children were missing after a flash flood in Smithfield, North Carolina on Monday night, Sheriff Steve Bizzell said.';
  const text = 'Floods in North Carolina\n' + Array.from({ length: 3000 }, () => para).join('\n');
  await pasteText(host, text);
  await host.getByRole('status').filter({ hasText: 'Annotating' }).waitFor();
  await host.locator('.headline', { hasText: 'Floods in North Carolina' }).waitFor({ timeout: 120000 });
  assert.ok(await host.locator('.ent-location', { hasText: 'Smithfield' }).count() >= 1);
  assert.ok(workers.some((u) => u.endsWith('/embed/annotate-worker.js')), `the embed's worker ran: ${workers}`);
  assert.deepEqual(violations, []);
  await page.close();
});

test('the single-file build opens from file:// with the network blocked', async () => {
  const file = path.join(ROOT, 'dist-single', 'article-annotator.html');
  assert.ok(fs.existsSync(file), 'build it with scripts/build-single.sh');
  const context = await browser.newContext();
  const external = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('data:')) return route.continue();
    external.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('file://' + file);
  await page.locator('.article .headline').waitFor({ timeout: 30000 });
  assert.match(await page.locator('.article .headline').innerText(), /^Azerbaijan vội yêu cầu đàm phán/);
  assert.ok(await page.locator('.sidebar').isVisible());
  assert.deepEqual(external, []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'single-file.png') });
  await context.close();
});
