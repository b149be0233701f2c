// Find in the article: typing in the find box paints every hit in the text (case, accents and
// tone marks aside), the current one in a stronger colour and in view; Enter and Shift+Enter
// step, Escape clears, a query with no hit says so, and a correction keeps the query painted. Desktop light and phone dark,
// screenshots checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, SCREENSHOTS, CONFIGS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The text of each range of the CSS highlight `name` (none when it is not registered). */
const painted = (page, name) => page.evaluate((n) => [...(CSS.highlights.get(n) || [])].map((r) => r.toString()), name);

for (const { name, viewport, scheme } of CONFIGS) {
  test(`find paints every hit and steps through them (${name})`, async () => {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    const box = page.getByRole('searchbox', { name: 'Find in the article' });
    const status = page.locator('.find-status');
    // Without tone marks or capitals: "quoc phong" finds "Quốc phòng".
    await box.fill('quoc phong');
    await status.filter({ hasText: /^1 of \d+$/ }).waitFor();
    assert.ok((await painted(page, 'aa-find')).every((h) => /^Quốc phòng$/i.test(h.normalize('NFC'))));
    await box.fill('azerbaijan');
    await status.filter({ hasText: /^1 of \d+$/ }).waitFor();
    const n = Number((await status.innerText()).split(' of ')[1]);
    assert.ok(n >= 5, `${n} hits`);
    const hits = await painted(page, 'aa-find');
    assert.equal(hits.length, n, 'every hit painted (the seed is on screen whole)');
    assert.ok(hits.every((h) => h === 'Azerbaijan'), `hits: ${hits}`);
    assert.equal((await painted(page, 'aa-find-current')).length, 1);
    // Enter steps forward, Shift+Enter back; the current hit is brought into view.
    await box.press('Enter');
    await status.filter({ hasText: `2 of ${n}` }).waitFor();
    const inView = await page.evaluate(() => {
      const r = [...CSS.highlights.get('aa-find-current')][0].getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.ok(inView, 'the current hit is in view');
    await page.screenshot({ path: path.join(SCREENSHOTS, `find-${name}.png`) });
    await box.press('Shift+Enter');
    await status.filter({ hasText: `1 of ${n}` }).waitFor();
    await page.getByRole('button', { name: 'Previous match' }).click();
    await status.filter({ hasText: `${n} of ${n}` }).waitFor();
    // Typing in the box triggers no shortcut of the page ("n" steps mentions elsewhere).
    await box.fill('zzzz n');
    await status.filter({ hasText: 'No match' }).waitFor();
    assert.deepEqual(await painted(page, 'aa-find'), []);
    // A correction draws the article again: the query stays and its hits are painted again.
    await box.fill('Azerbaijan');
    await status.filter({ hasText: /of/ }).waitFor();
    if (viewport.width < 600) await page.locator('.sidebar [role="tab"]', { hasText: 'Entities' }).click();
    await page.locator('.sidebar button.entity', { hasText: 'Yerevan' }).click();
    await page.getByRole('button', { name: 'Remove this mention' }).click();
    await page.getByRole('button', { name: /Reset corrections \(1\)/ }).waitFor();
    assert.equal(await box.inputValue(), 'Azerbaijan');
    await page.waitForFunction(() => (CSS.highlights.get('aa-find')?.size || 0) > 0);
    // Escape clears the box and the paint.
    await box.press('Escape');
    assert.equal(await box.inputValue(), '');
    assert.equal(await status.innerText(), '');
    assert.deepEqual(await painted(page, 'aa-find'), []);
    await context.close();
  });
}
