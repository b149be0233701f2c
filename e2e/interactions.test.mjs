// What a reader does with the annotated page: toggle a type, select an entity and step
// through its mentions, hover a mention for its card, click a casualty row or a date to see
// its sentence, open and drop files, export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { serve, launch, openApp, SCREENSHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); fs.mkdirSync(SCREENSHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const EN = 'Blast kills five near Wuhan\n\nAn explosion at a chemical plant near the city of Wuhan killed at least five people and injured four on Monday, according to local officials.\n\nFirefighters said 12 others were missing in Tianmen.';

async function paste(page, text) {
  await page.getByRole('button', { name: 'Edit text' }).click();
  await page.locator('#article-input').fill(text);
  await page.getByRole('button', { name: 'Annotate' }).click();
}

test('toggling a type removes its highlights, and back', async () => {
  const { page } = await openApp(browser, server.url);
  const loc = page.locator('.article .ent-location').first();
  const before = await loc.evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.getByRole('button', { name: /^Location/ }).click();
  assert.equal(await page.getByRole('button', { name: /^Location/ }).getAttribute('aria-pressed'), 'false');
  const hidden = await loc.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(before, hidden);
  assert.equal(hidden, 'rgba(0, 0, 0, 0)');
  await page.getByRole('button', { name: /^Location/ }).click();
  assert.equal(await loc.evaluate((el) => getComputedStyle(el).backgroundColor), before);
  await page.close();
});

test('noise can be hidden', async () => {
  const { page } = await openApp(browser, server.url);
  assert.ok(await page.locator('.mark.noise').first().isVisible());
  await page.getByRole('button', { name: /^Noise/ }).click();
  assert.equal(await page.locator('.mark.noise').first().isVisible(), false);
  await page.close();
});

test('selecting an entity highlights all its mentions and steps through them', async () => {
  const { page } = await openApp(browser, server.url);
  await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
  const selected = await page.locator('.article .mark.sel').count();
  assert.ok(selected >= 10, `all Azerbaijan mentions selected, got ${selected}`);
  await assert.doesNotReject(page.getByText(/^1 \/ \d+$/).waitFor());
  await page.getByRole('button', { name: 'Next mention' }).click();
  await assert.doesNotReject(page.getByText(/^2 \/ \d+$/).waitFor());
  // Escape lets go of the selection; so does the stepper's ×.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.article .mark.sel').count(), 0);
  await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
  await page.getByRole('button', { name: 'Clear selection' }).click();
  assert.equal(await page.locator('.article .mark.sel').count(), 0);
  await page.close();
});

test('hover and keyboard focus show a card with the canonical name and aliases', async () => {
  const { page } = await openApp(browser, server.url);
  await page.locator('.article .ent-location', { hasText: 'Azecbaijan' }).first().hover();
  const card = page.getByRole('tooltip');
  await card.waitFor();
  const t = await card.innerText();
  assert.match(t, /Azerbaijan/);
  assert.match(t, /Azecbaijan/);
  assert.match(t, /\d+ mentions/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'card.png') });
  await page.mouse.move(0, 0);
  await page.locator('.article .ent-person').first().focus();
  await assert.doesNotReject(page.getByRole('tooltip').waitFor());
  await page.keyboard.press('Escape');
  await page.close();
});

test('a casualty row scrolls its sentence into view and flashes it', async () => {
  const { page } = await openApp(browser, server.url, { width: 1280, height: 600 });
  await paste(page, EN + '\n\n' + 'Filler paragraph. '.repeat(400) + '\n\nLater, rescuers said 3 people died in Wuhan.');
  const target = page.locator('.article .mark.casualty', { hasText: '3 people died' });
  assert.equal(await target.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight), true, 'starts below the fold');
  await page.locator('.casualties .link', { hasText: 'killed' }).last().click();
  await page.waitForFunction(() => {
    const el = [...document.querySelectorAll('.article .mark.casualty')].find((e) => e.textContent.includes('3 people died'));
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(await target.evaluate((el) => el.classList.contains('flash')));
  await page.close();
});

test('timeline lists dates in order and links them to the text', async () => {
  const { page } = await openApp(browser, server.url);
  const values = await page.locator('ol.timeline time').allInnerTexts();
  assert.deepEqual(values, [...values].sort());
  assert.ok(values.includes('2020-09-27'));
  assert.ok(await page.locator('svg.axis circle').count() >= 2);
  await page.locator('ol.timeline .link').first().click();
  await page.waitForFunction(() => document.querySelector('.flash') !== null);
  await page.close();
});

test('opening an .html file shows its text; a binary file gets a clear error', async () => {
  const { page } = await openApp(browser, server.url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-'));
  const html = path.join(dir, 'story.html');
  fs.writeFileSync(html, '<html><head><title>Flood in Hanoi</title><script>window.__ran=1</script></head><body><p>Ít nhất 4 người đã thiệt mạng ở Hà Nội hôm 1/11.</p></body></html>');
  await page.locator('input[type=file]').setInputFiles(html);
  await page.locator('.article .headline', { hasText: 'Flood in Hanoi' }).waitFor();
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.ok(await page.locator('.casualties').count() === 1);
  const bin = path.join(dir, 'photo.jpg');
  fs.writeFileSync(bin, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xfe, 0x00]));
  await page.locator('input[type=file]').setInputFiles(bin);
  const alert = page.getByRole('alert').first();
  await alert.waitFor();
  assert.match(await alert.innerText(), /not UTF-8 text/);
  await page.close();
});

test('dropping a .txt file annotates it', async () => {
  const { page } = await openApp(browser, server.url);
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
    return d;
  }, EN);
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await page.locator('.article .headline', { hasText: 'Blast kills five near Wuhan' }).waitFor();
  assert.ok(await page.locator('.article .ent-location', { hasText: 'Wuhan' }).count() >= 1);
  await page.close();
});

test('exports download files that parse', async () => {
  const { page } = await openApp(browser, server.url);
  await paste(page, EN);
  const grab = async (label) => {
    await page.locator('.export summary').click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    return fs.readFileSync(await dl.path(), 'utf8');
  };
  const json = JSON.parse(await grab('JSON (annotation)'));
  assert.equal(json.language, 'en');
  assert.ok(json.casualties.some((c) => c.kind === 'killed' && c.min === 5 && c.max === null));
  // (CSV opens with a UTF-8 byte-order mark, for spreadsheets.)
  const csv = await grab('Casualties CSV');
  assert.match(csv.split('\n')[0], /^\uFEFFkind,min,max,group/);
  const tl = await grab('Timeline CSV');
  assert.match(tl.split('\n')[0], /^\uFEFFvalue,start,end/);
  const ld = JSON.parse(await grab('Web Annotation (JSON-LD)'));
  assert.equal(ld['@context'], 'http://www.w3.org/ns/anno.jsonld');
  const item = ld.first.items[0];
  const sel = item.target.selector;
  assert.equal([...EN].slice(sel[0].start, sel[0].end).join(''), sel[1].exact);
  await page.close();
});
