// Polish a newsroom user notices: Escape lets go of a selection, a selection across two
// paragraphs is refused with a message, exports are named after the article and their CSV
// opens in a spreadsheet as UTF-8, the sample clears an old error, a dragged file gets a drop
// zone, and a printout is the article and its summary without the controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openApp, pasteText, selectText, SCREENSHOTS, CONFIGS, axeSerious } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Written for this test.
const STORY = 'Lũ quét ở Lào Cai, 3 người chết\n\nSáng 5/9, lũ quét tại huyện Bát Xát khiến 3 người chết.\n\nChính quyền tỉnh Lào Cai đã cử lực lượng cứu hộ.';

for (const { name, viewport, scheme } of CONFIGS) test(`Escape clears the selection and the tag bar (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
  assert.ok(await page.locator('.article .mark.sel').count() > 0);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.article .mark.sel').count(), 0, 'no mention selected after Escape');
  assert.equal(await page.locator('.stepper').count(), 0, 'the stepper is gone');
  // With text selected, Escape closes the "Tag as" bar.
  await selectText(page, 'xác nhận');
  await page.locator('.tagger').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.tagger').waitFor({ state: 'detached' });
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`a selection across two paragraphs is refused with a message (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.evaluate(() => {
    const ps = [...document.querySelectorAll('.article p')].filter((p) => p.textContent.length > 40);
    const firstText = (el) => document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent.length > 5 ? 1 : 3) }).nextNode();
    const r = document.createRange();
    r.setStart(firstText(ps[1]), 0);
    r.setEnd(firstText(ps[2]), 5);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.locator('.article').dispatchEvent('mouseup');
  await assert.doesNotReject(page.getByText('A mention lies within one paragraph').waitFor());
  assert.equal(await page.locator('.tagger').count(), 0, 'no "Tag as" bar');
  await page.screenshot({ path: path.join(SCREENSHOTS, `refused-selection-${name}.png`) });
  assert.deepEqual(await axeSerious(page), [], 'axe with the message shown');
  // The sample clears the message.
  await page.getByRole('button', { name: 'Sample: seed article' }).click();
  await page.waitForTimeout(300);
  assert.equal(await page.getByText('A mention lies within one paragraph').count(), 0, 'the old message went with the sample');
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`exports are named after the headline; CSV starts with a UTF-8 byte-order mark (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await pasteText(page, STORY);
  await page.locator('.article .headline', { hasText: 'Lũ quét' }).waitFor();
  await page.locator('.export summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Casualties CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'lu-quet-o-lao-cai-3-nguoi-chet.casualties.csv');
  const body = fs.readFileSync(await download.path());
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  assert.ok(body.toString('utf8').includes('killed'), 'the figure is in it');
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`a file dragged over the page shows where to drop it (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    document.querySelector('.aa-root').dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await assert.doesNotReject(page.locator('.aa-root.dragging').waitFor());
  await page.screenshot({ path: path.join(SCREENSHOTS, `drop-zone-${name}.png`) });
  await page.evaluate(() => document.querySelector('.aa-root').dispatchEvent(new DragEvent('dragleave', { bubbles: true, relatedTarget: null })));
  await page.waitForTimeout(100);
  assert.equal(await page.locator('.aa-root.dragging').count(), 0, 'the drop zone goes when the file leaves');
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`printed, the article and its summary show and the controls do not; dark mode prints dark ink (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.emulateMedia({ media: 'print' });
  const ink = await page.locator('.article p').first().evaluate((p) => getComputedStyle(p).color.match(/\d+/g).slice(0, 3).map(Number));
  assert.ok(Math.max(...ink) < 100, `the article is printed in dark ink: rgb(${ink})`);
  for (const hidden of ['.topbar', '.toolbar', '.sidebar input.filter']) assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
  assert.equal(await page.locator('.sidebar button', { hasText: /^Edit$/ }).filter({ visible: true }).count(), 0, 'no Edit buttons on paper');
  assert.ok(await page.getByRole('heading', { name: 'Timeline', exact: true }).isVisible(), 'every section of the summary, a phone\'s tabs too');
  assert.ok(await page.locator('.article .mark').first().isVisible(), 'the highlights are printed');
  assert.ok(await page.getByRole('heading', { name: 'Casualties', exact: true }).isVisible(), 'the summary is printed');
  await page.screenshot({ path: path.join(SCREENSHOTS, `print-${name}.png`), fullPage: true });
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`an HTML page is reduced to its article: the h1 is the headline, menus and footer are gone (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-'));
  const file = path.join(dir, 'page.html');
  // Written for this test.
  fs.writeFileSync(file, '<html><head><title>Storm floods Hanoi | Daily Harbour News</title></head><body>'
    + '<header><a href="/">Daily Harbour News</a><nav><a>World</a><a>Sport</a><a>Harbour Group</a></nav></header>'
    + '<main><article><h1>Storm floods Hanoi</h1><p>Two people died in Hanoi on 3 October 2021, police said.</p>'
    + '<aside>Read more: Typhoon season in Hue</aside></article></main>'
    + '<footer>© 2024 Daily Harbour News. Contact Harbour Group Ltd.</footer></body></html>');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.locator('.article .headline', { hasText: 'Storm floods Hanoi' }).waitFor();
  assert.equal((await page.locator('.article .headline').innerText()).trim(), 'Storm floods Hanoi', 'the h1, not the title with the site name');
  const text = await page.locator('.article').innerText();
  for (const gone of ['World', 'Sport', 'Read more', '2024', 'Contact']) assert.ok(!text.includes(gone), `"${gone}" is not in the article`);
  assert.equal(await page.locator('.article .mark.date', { hasText: '2024' }).count(), 0);
  assert.ok(await page.locator('.article .ent-location', { hasText: 'Hanoi' }).count() >= 1);
  await page.screenshot({ path: path.join(SCREENSHOTS, `html-reduced-${name}.png`) });
  await page.close();
});

// Written for this test.
const ARABIC = 'انفجار في بيروت\n\nقتل ثلاثة أشخاص في انفجار في بيروت يوم الاثنين، حسب ما قالت الشرطة.';

for (const { name: label, viewport, scheme } of CONFIGS) {
  test(`${label}: text in a script the engine does not read gets a note, and Arabic runs right to left`, async () => {
    const { page } = await openApp(browser, server.url, viewport, scheme);
    await pasteText(page, ARABIC);
    const note = page.getByRole('note');
    await note.waitFor();
    assert.match(await note.innerText(), /written in Arabic script.*reads Vietnamese and English/);
    const para = page.locator('.article p').first();
    assert.equal(await para.evaluate((p) => getComputedStyle(p).direction), 'rtl');
    assert.equal(await page.locator('.article .headline').evaluate((h) => getComputedStyle(h).direction), 'rtl');
    await page.screenshot({ path: path.join(SCREENSHOTS, `arabic-${label}.png`) });
    // An English article after it: no note.
    await pasteText(page, 'Floods in Hanoi\n\nThree people died in Hanoi on Monday, police said.');
    await page.locator('.article .headline', { hasText: 'Floods in Hanoi' }).waitFor();
    assert.equal(await page.getByRole('note').count(), 0);
    assert.equal(await page.locator('.article p').first().evaluate((p) => getComputedStyle(p).direction), 'ltr');
    await page.close();
  });
}
