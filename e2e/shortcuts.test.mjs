// Keyboard shortcuts: "?" lists them in a panel that fits any screen, a keyboard user tags a
// selection with P, L, O or W, steps through the selected entity's mentions with N and
// Shift+N, removes the current one with Delete, and undoes with Ctrl+Z; keys typed into a
// field stay in the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openApp, pasteText, selectText, SCREENSHOTS, axeSerious, CONFIGS, waitInSight } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Written for this test.
const STORY = 'Storm closes the harbour\n\nThe storm closed the old harbour on Monday, the port authority said. Fishermen waited on the quay until the evening.';

/** Selects `words` in the article, as a reader's drag would, and waits for the tag bar. */
async function select(page, words) {
  await selectText(page, words);
  await page.locator('.tagger').waitFor();
}

for (const [label, viewport, colorScheme] of [['desktop light', { width: 1366, height: 900 }, 'light'], ['phone dark', { width: 360, height: 740 }, 'dark']]) {
  test(`${label}: "?" opens the list of shortcuts on screen, Escape closes it`, async () => {
    const { page } = await openApp(browser, server.url, viewport);
    await page.emulateMedia({ colorScheme });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const row of ['Tag the selected text as organization', 'Next / previous mention of the selected entity', 'Undo / redo a correction']) {
      assert.ok(await dialog.getByText(row).isVisible(), `the list says "${row}"`);
    }
    const box = await dialog.boundingBox();
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `the panel is at ${JSON.stringify(box)}`);
    assert.ok(await dialog.getByRole('button', { name: 'Close' }).evaluate((b) => b === document.activeElement), 'Close has the focus');
    const bad = await axeSerious(page);
    assert.deepEqual(bad, [], 'axe with the list open');
    await page.screenshot({ path: path.join(SCREENSHOTS, `shortcuts-${label.replace(' ', '-')}.png`) });
    await page.keyboard.press('Escape');
    assert.equal(await dialog.count(), 0, 'Escape closed the list');
    // The toolbar's "?" button opens it too.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    assert.equal(await dialog.count(), 0);
    await page.close();
  });
}

for (const { name, viewport, scheme } of CONFIGS) test(`a selection is tagged with a key, and Ctrl+Z takes it back (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await pasteText(page, STORY);
  await page.locator('.article .headline').waitFor();
  const quay = page.locator('.article .mark.ent-location', { hasText: 'quay' });
  assert.equal(await quay.count(), 0, 'the quay is not tagged at first');
  await select(page, 'quay');
  await page.keyboard.press('l');
  await quay.first().waitFor();
  assert.equal(await page.locator('.tagger').count(), 0, 'the tag bar closed');
  await page.screenshot({ path: path.join(SCREENSHOTS, `shortcut-tagged-${name}.png`) });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => ![...document.querySelectorAll('.article .mark.ent-location')].some((m) => m.textContent.includes('quay')));
  // With no selection a tag key does nothing.
  await page.keyboard.press('o');
  assert.equal(await page.locator('.article .mark.ent-organization', { hasText: 'quay' }).count(), 0);
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`N and Shift+N step through mentions, Delete removes the current one (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
  const pos = () => page.locator('.stepper-pos').textContent();
  const [first, total] = (await pos()).split('/').map((x) => Number(x.trim()));
  assert.ok(total >= 3, `${total} mentions`);
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  assert.equal(Number((await pos()).split('/')[0]), first + 2, 'two steps on');
  await page.keyboard.press('Shift+N');
  assert.equal(Number((await pos()).split('/')[0]), first + 1, 'one step back');
  const at = await waitInSight(page, '.article .mark.current');
  assert.ok(at.ok, `the current mention is in sight: ${JSON.stringify(at)}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `shortcut-stepped-${name}.png`) });
  const before = await page.locator('.article .mark.sel[id]').count();
  await page.keyboard.press('Delete');
  await page.locator('.stepper').waitFor({ state: 'detached' });
  await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
  const after = Number((await pos()).split('/')[1]);
  assert.equal(after, total - 1, `one mention fewer (marks with ids before: ${before})`);
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`keys typed into a field stay in the field (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.getByRole('button', { name: 'Edit text' }).click();
  const box = page.locator('#article-input');
  await box.fill('');
  await box.type('plow n?');
  assert.equal(await box.inputValue(), 'plow n?');
  assert.equal(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count(), 0);
  await page.close();
});
