// Accessibility and small screens: axe-core finds no serious or critical violation on the
// annotated seed (desktop and 360 px, light and dark); at 360 px the summary is tabs below
// the article; keyboard alone reaches a mention and opens its card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, openApp, SCREENSHOTS } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
}

for (const [label, viewport, colorScheme] of [['desktop light', { width: 1280, height: 900 }, 'light'], ['360 px dark', { width: 360, height: 780 }, 'dark']]) {
  test(`axe-core: no serious or critical violations (${label})`, async () => {
    const page = await browser.newPage({ viewport, colorScheme });
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    assert.deepEqual(await axe(page), []);
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

test('keyboard only: Tab reaches a mention, its card opens, Enter selects, Escape closes', async () => {
  const { page } = await openApp(browser, server.url);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('ent') ?? false);
  }
  assert.ok(reached, 'a mention is reachable with Tab');
  await page.getByRole('tooltip').waitFor();
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('.article .mark.sel').count() >= 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('tooltip').count(), 0);
  await page.close();
});
