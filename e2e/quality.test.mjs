// Accessibility and small screens: axe-core finds no serious or critical violation on the
// annotated seed (desktop and 360 px, light and dark); at 360 px the summary is tabs below
// the article; keyboard alone reaches a mention and opens its card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openApp, selectText, SCREENSHOTS, axeSerious, CONFIGS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [label, viewport, colorScheme] of [['desktop light', { width: 1280, height: 900 }, 'light'], ['360 px dark', { width: 360, height: 780 }, 'dark']]) {
  test(`axe-core: no serious or critical violations (${label})`, async () => {
    const page = await browser.newPage({ viewport, colorScheme });
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    assert.deepEqual(await axeSerious(page), []);
    await page.close();
  });
}

test('at 360 px the summary is tabs below the article', async () => {
  const { page } = await openApp(browser, server.url, { width: 360, height: 780 });
  const tabs = page.getByRole('tab');
  assert.equal(await tabs.count(), 3);
  assert.ok(await page.getByRole('heading', { name: 'Entities', exact: true }).isVisible());
  assert.equal(await page.getByRole('heading', { name: 'Timeline', exact: true }).isVisible(), false);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  assert.ok(await page.getByRole('heading', { name: 'Timeline', exact: true }).isVisible());
  assert.equal(await page.getByRole('heading', { name: 'Entities', exact: true }).isVisible(), false);
  await page.getByRole('tab', { name: 'Timeline' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'tabs-360.png') });
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`keyboard only: Tab reaches a mention, its card opens, Enter selects, Escape closes (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('ent') ?? false);
  }
  assert.ok(reached, 'a mention is reachable with Tab');
  await page.getByRole('tooltip').waitFor();
  // The focused mention shows its focus, and its card is on screen.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'a focus ring');
  const card = await page.getByRole('tooltip').boundingBox();
  assert.ok(card.x >= 0 && card.x + card.width <= viewport.width, `the card fits across: ${JSON.stringify(card)}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `keyboard-card-${name}.png`) });
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('.article .mark.sel').count() >= 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('tooltip').count(), 0);
  await page.close();
});


// axe in the states a reader passes through, not only on a fresh page: a card open, the tag
// bar open, the help open, a filter with no match, a file refused, an empty text's error.
for (const [label, viewport, colorScheme] of [['desktop light', { width: 1366, height: 900 }, 'light'], ['phone dark', { width: 360, height: 740 }, 'dark']]) {
  test(`axe-core: nothing serious in any state (${label})`, async () => {
    const page = await browser.newPage({ viewport, colorScheme });
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    const found = {};
    const check = async (state) => {
      const bad = await axeSerious(page);
      if (bad.length) found[state] = bad;
      await page.screenshot({ path: path.join(SCREENSHOTS, `axe-${state}-${label.replace(' ', '-')}.png`) });
    };
    // A card open (keyboard focus on a mention).
    await page.locator('.article .ent-person').first().focus();
    await page.getByRole('tooltip').waitFor();
    await check('card');
    // The tag bar open over selected text.
    await selectText(page, 'Hồ chứa nước');
    await page.getByRole('group', { name: 'Tag the selected text' }).waitFor();
    await check('tag-bar');
    await page.keyboard.press('Escape');
    // The key to marks and shortcuts.
    await page.getByRole('button', { name: 'Keyboard shortcuts and marks' }).click();
    await page.locator('.help-panel').waitFor();
    await check('help');
    await page.keyboard.press('Escape');
    // A filter that matches nothing.
    if (viewport.width < 600) await page.locator('.sidebar [role="tab"]', { hasText: 'Entities' }).click();
    await page.locator('.sidebar input.filter').fill('zzzz');
    await page.locator('.sidebar .empty', { hasText: 'No entity matches' }).waitFor();
    await check('filter-empty');
    // A file refused: the notice banner.
    await page.locator('input[type="file"]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"entities": []}') });
    await page.locator('.notice[role="alert"]').waitFor();
    await check('notice');
    // An empty text: the error in place of the article.
    await page.getByRole('button', { name: 'Edit text' }).click();
    await page.locator('#article-input').fill('   ');
    await page.getByRole('button', { name: 'Annotate' }).click();
    await page.locator('.empty-state[role="alert"]').waitFor();
    // A sentence saying what is wrong; what to do stands once, in the hint under it.
    const [message, hint] = await page.locator('.empty-state p').allInnerTexts();
    assert.equal(message, 'The text is empty: there is nothing to annotate.');
    assert.match(hint, /Paste an article/);
    await check('empty-text');
    assert.deepEqual(found, {});
    await page.close();
  });
}
