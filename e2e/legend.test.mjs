// Every visual code is explained and can be told apart without colour: the Dates and
// Casualties chips toggle their underlines, a casualty figure is not underlined like a
// misspelling, each entity type has its own line besides its colour, a place inside an
// organization keeps its colour and hiding places leaves the organization whole; the key
// ("?") explains every mark; keyboard users get a visible focus on "Open file…", a skip link
// past the article, and a spoken confirmation of Copy JSON; axe finds nothing serious while
// an entity is selected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openApp, pasteText, SCREENSHOTS, CONFIGS, axeSerious } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const style = (loc, prop) => loc.evaluate((el, p) => getComputedStyle(el)[p], prop);

// Written for this test.
const STORY = 'Two arrested in Denver\n\nOfficers of the Denver Police Department arrested two men in Denver on March 3, 2021, after a shooting that killed one person.';

for (const [label, viewport, colorScheme] of [['desktop light', { width: 1366, height: 900 }, 'light'], ['phone dark', { width: 360, height: 740 }, 'dark']]) {
  test(`${label}: the Dates and Casualties chips toggle their underlines`, async () => {
    const { page } = await openApp(browser, server.url, viewport);
    await page.emulateMedia({ colorScheme });
    for (const [chip, mark, other] of [['Dates', '.mark.date', 'casualty'], ['Casualties', '.mark.casualty', 'date']]) {
      const button = page.locator('.legend button.chip', { hasText: chip });
      const one = page.locator(`.article ${mark}:not(.${other})`).first();
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.match(await style(one, 'textDecorationLine'), /underline/);
      await button.click();
      assert.equal(await button.getAttribute('aria-pressed'), 'false');
      assert.equal(await style(one, 'textDecorationLine'), 'none', `${chip} hidden`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `legend-${chip.toLowerCase()}-off-${label.replace(' ', '-')}.png`) });
      await button.click();
      assert.match(await style(one, 'textDecorationLine'), /underline/);
    }
    assert.notEqual(await style(page.locator('.article .mark.casualty').first(), 'textDecorationStyle'), 'wavy', 'no misspelling squiggle');
    await page.close();
  });
}

for (const { name, viewport, scheme } of CONFIGS) test(`each entity type has its own line, not only its colour (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  const lines = {};
  for (const k of ['person', 'location', 'organization', 'weapon']) {
    const m = page.locator(`.article .mark.ent-${k}:not(.nested)`).first();
    lines[k] = `${await style(m, 'borderBottomStyle')} ${await style(m, 'borderBottomWidth')}`;
    assert.equal(await style(page.locator(`.legend .chip.ent-${k}`), 'borderBottomStyle'), await style(m, 'borderBottomStyle'), `the ${k} chip shows the same line`);
  }
  assert.equal(new Set(Object.values(lines)).size, 4, `lines: ${JSON.stringify(lines)}`);
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`a place inside an organization keeps its colour and its card; hiding places leaves the organization whole (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await pasteText(page, STORY);
  const nested = page.locator('.article .mark.nested.ent-location', { hasText: 'Denver' }).first();
  await nested.waitFor();
  const org = page.locator('.article .mark.ent-organization:not(.nested)', { hasText: 'Police' }).first();
  const place = page.locator('.article p .mark.ent-location:not(.nested)', { hasText: 'Denver' }).first();
  assert.equal(await style(nested, 'backgroundColor'), await style(place, 'backgroundColor'), 'the place inside has the place colour');
  assert.equal(await style(nested, 'borderBottomStyle'), await style(org, 'borderBottomStyle'), 'under the organization line');
  // Its own card, as a place: focus (keyboard) or hover opens it.
  await nested.focus();
  const card = page.getByRole('tooltip');
  await card.waitFor();
  assert.match(await card.innerText(), /Denver/);
  assert.match(await card.innerText(), /location/i);
  assert.doesNotMatch(await card.innerText(), /Police Department/, 'the place\'s card, not the organization\'s');
  await page.screenshot({ path: path.join(SCREENSHOTS, `legend-nested-card-${name}.png`) });
  await page.keyboard.press('Escape');
  await page.locator('.legend button.chip.ent-location').click();
  assert.equal(await style(place, 'backgroundColor'), 'rgba(0, 0, 0, 0)', 'places are hidden');
  assert.equal(await style(nested, 'backgroundColor'), await style(org, 'backgroundColor'), 'the organization stays whole');
  await page.screenshot({ path: path.join(SCREENSHOTS, `legend-places-hidden-${name}.png`) });
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`the key explains every mark, drawn as in the article (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts and marks' });
  await dialog.getByRole('heading', { name: 'What the marks mean' }).waitFor();
  for (const row of ['a person: solid line', 'a place inside an organization', 'a date', 'a casualty figure', 'page noise', 'the mention the stepper is at']) {
    assert.ok(await dialog.getByText(row).first().isVisible(), `the key says "${row}"`);
  }
  assert.equal(await dialog.locator('.marks-legend .mark').count(), 10);
  await dialog.locator('.marks-legend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, `legend-key-${name}.png`) });
  await page.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`keyboard users: a visible focus on Open file, a skip link to the summary, Copy JSON confirmed (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.locator('label.btn.file input[type=file]').focus();
  assert.notEqual(await style(page.locator('label.btn.file'), 'outlineStyle'), 'none', 'Open file shows its focus');
  const skip = page.getByRole('button', { name: 'Skip past the article to its summary' });
  assert.ok((await skip.boundingBox()).x < 0, 'out of sight until focused');
  await skip.focus();
  assert.ok((await skip.boundingBox()).x >= 0, 'seen when focused');
  await skip.press('Enter');
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('sidebar')), 'the summary has the focus');
  await page.locator('.export summary').click();
  await page.getByRole('button', { name: 'Copy JSON' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Copied' });
  await status.waitFor();
  const box = await status.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `the confirmation is on screen: ${JSON.stringify(box)}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `status-copied-${name}.png`) });
  await page.close();
});

for (const [label, viewport, colorScheme] of [['desktop light', { width: 1280, height: 900 }, 'light'], ['phone dark', { width: 360, height: 780 }, 'dark']]) {
  test(`axe-core: nothing serious while an entity is selected (${label})`, async () => {
    const page = await browser.newPage({ viewport, colorScheme });
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
    await page.locator('.stepper').waitFor();
    const bad = await axeSerious(page);
    assert.deepEqual(bad, []);
    await page.screenshot({ path: path.join(SCREENSHOTS, `selected-${label.replace(' ', '-')}.png`) });
    await page.close();
  });
}
