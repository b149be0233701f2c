// The entities' list as a reader narrows it: a filter box that ignores case, accents and tones
// ("quoc phong" finds "Bộ Quốc phòng"), says when nothing matches, and the list follows the
// legend's type toggles. Desktop light and phone dark, screenshots checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, SCREENSHOTS, CONFIGS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const { name, viewport, scheme } of CONFIGS) {
  test(`the entities' filter and the type toggles (${name})`, async () => {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    if (viewport.width < 600) await page.locator('.sidebar [role="tab"]', { hasText: 'Entities' }).click();
    const rows = page.locator('.sidebar button.entity');
    const all = await rows.count();
    const box = page.locator('.sidebar input.filter');
    assert.equal(await box.getAttribute('aria-label'), 'Filter entities');
    // Without accents or tones, in lower case.
    await box.fill('quoc phong');
    await page.waitForFunction(() => document.querySelectorAll('.sidebar button.entity').length < 5);
    const names = await rows.locator('.name').allInnerTexts();
    assert.ok(names.length >= 1 && names.every((n) => /Quốc phòng/i.test(n)), `only names holding "Quốc phòng": ${names}`);
    assert.match(await page.locator('.sidebar .entity-group h4', { hasText: 'Organization' }).textContent(), /\d+ of \d+/);
    // Typing in the box is no shortcut: "?" (which opens the key anywhere else) opens nothing.
    await box.fill('');
    await box.type('?');
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.help-panel').count(), 0, 'no help panel');
    assert.equal(await box.inputValue(), '?');
    await box.fill('zzzz');
    await page.locator('.sidebar .empty', { hasText: 'No entity matches “zzzz”.' }).waitFor();
    assert.equal(await rows.count(), 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `sidebar-filter-empty-${name}.png`) });
    await box.fill('');
    await page.waitForFunction((n) => document.querySelectorAll('.sidebar button.entity').length === n, all);
    // Hiding locations in the legend takes them out of the list, and says so.
    await page.locator('.legend button.chip.ent-location').click();
    await page.locator('.sidebar .hidden-type', { hasText: 'Location' }).waitFor();
    assert.equal(await page.locator('.sidebar button.entity.ent-location').count(), 0);
    assert.ok(await page.locator('.sidebar button.entity.ent-person').count() > 0, 'other types stay');
    await box.fill('a');
    await page.waitForFunction(() => [...document.querySelectorAll('.sidebar .entity-group h4')].some((h) => / of /.test(h.textContent)));
    await page.screenshot({ path: path.join(SCREENSHOTS, `sidebar-filter-${name}.png`) });
    assert.equal(await page.locator('.sidebar button.entity.ent-location').count(), 0, 'a hidden type stays hidden while filtering');
    await page.locator('.legend button.chip.ent-location').click();
    await page.locator('.sidebar button.entity.ent-location').first().waitFor();
    await context.close();
  });
}
