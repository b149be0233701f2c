// Every annotation editable, and explained: a casualty figure or a date corrected, removed or
// added (from its row, its mark in the article, or a selection), each row saying why it was
// read and where else the article states the same figure; entities merged and split. All of it
// a correction like any other: kept across a reload, undone with Ctrl+Z. Desktop light and
// phone dark, screenshots checked, axe clean with the editor open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, pasteText, selectText, SCREENSHOTS, axeSerious, CONFIGS } from './harness.mjs';


let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Written for this test: a figure told twice (headline and body) and once less exactly ("at
// least 12"), a statement of none, dates.
const STORY = [
  'Storm kills 12 in the north',
  'Twelve people were killed when the river rose on 3 March 2021, officials said. No one was hurt in the town.',
  'Two days later, rescuers found three people alive near the bridge. At least 12 people died, the mayor said.',
].join('\n');

async function fresh(viewport, scheme) {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.article .headline').waitFor();
  return { context, page };
}

// On a phone the sidebar's panels are tabs below the article.
const tab = async (page, name, viewport) => {
  if (viewport.width < 600) await page.locator('.sidebar [role="tab"]', { hasText: name }).click();
};

for (const { name, viewport, scheme } of CONFIGS) {
  test(`casualty figures: why, every statement, corrected, removed, added (${name})`, async () => {
    const { context, page } = await fresh(viewport, scheme);
    await pasteText(page, STORY);
    await page.locator('.article .headline', { hasText: 'Storm kills 12' }).waitFor();
    await tab(page, 'Casualties', viewport);
    const rows = page.locator('table.casualties tbody tr');
    const twelve = rows.filter({ hasText: '12' }).first();
    // Why: its cue word and construction; the same figure stated twice is one row.
    assert.match(await twelve.locator('td.why').innerText(), /Why: “kills”, an outcome word, then its figure/);
    // "at least 12" is the same figure said less exactly: one row, three statements.
    assert.match(await twelve.locator('td.why').innerText(), /stated 3 times/);
    assert.equal(await rows.filter({ hasText: /^killed/ }).filter({ hasText: '12' }).count(), 1);
    // Each statement is marked in the article and shown from the row.
    await twelve.getByRole('button', { name: '#3' }).click();
    await page.locator('.article .mark.casualty.current', { hasText: 'At least 12' }).waitFor();
    await twelve.getByRole('button', { name: '#2' }).click();
    await page.locator('.article .mark.casualty.current', { hasText: 'Twelve' }).waitFor();
    // Correct it: kind, numbers, group.
    await twelve.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('group', { name: 'Correct the casualty figure' });
    await editor.waitFor();
    assert.ok(await editor.isVisible(), 'the editor is on screen');
    const box = await editor.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `the editor is within the view: ${JSON.stringify(box)}`);
    // A bad pair of numbers is refused with a message.
    await editor.getByLabel('At least').fill('20');
    await editor.getByLabel('At most').fill('10');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('alert').filter({ hasText: 'more than the most' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, `editing-figure-${name}.png`) });
    // axe: nothing serious with the editor open and its message shown.
    const bad = await axeSerious(page);
    assert.deepEqual(bad, []);
    await editor.getByLabel('Kind').selectOption('wounded');
    await editor.getByLabel('At least').fill('11');
    await editor.getByLabel('At most').fill('');
    await editor.getByLabel('Group').selectOption('civilian');
    await editor.getByLabel('Party').fill('river towns');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    const fixed = rows.filter({ hasText: 'wounded' }).filter({ hasText: '11' });
    await fixed.waitFor();
    assert.match(await fixed.innerText(), /at least 11|11\+|≥ ?11/i);
    assert.match(await fixed.locator('td.why').innerText(), /corrected by hand/);
    assert.match(await page.locator('.legend .chip.casualty').innerText(), /Casualties/);
    // Ctrl+Z undoes it, Ctrl+Shift+Z does it again.
    await page.evaluate(() => document.activeElement?.blur()); // (keys to the page, not a field)
    await page.keyboard.press('Control+z');
    await rows.filter({ hasText: /^killed/ }).filter({ hasText: '12' }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    await fixed.waitFor();
    // Kept across a reload.
    await page.reload();
    await page.locator('.article .headline', { hasText: 'Storm kills 12' }).waitFor();
    await tab(page, 'Casualties', viewport);
    await fixed.waitFor();
    assert.match(await fixed.innerText(), /river towns/);
    // The exports carry the corrected figure.
    await page.locator('.export summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON (annotation)' }).click()]);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.ok(json.casualties.some((c) => c.kind === 'wounded' && c.min === 11 && c.max === null && c.group === 'civilian' && c.party === 'river towns'), JSON.stringify(json.casualties));
    await page.keyboard.press('Escape');
    // Its mark in the article opens the editor too (Enter on the focused mark); Remove removes it.
    const before = await rows.count();
    await page.locator('.article .mark.casualty[role=button]', { hasText: 'kills' }).first().focus();
    await page.keyboard.press('Enter');
    await editor.getByRole('button', { name: 'Remove' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('table.casualties tbody tr').length === n - 1, before);
    // A figure the engine missed, added from a selection.
    await selectText(page, 'three people alive');
    await page.getByRole('group', { name: 'Tag the selected text' }).getByRole('button', { name: 'Casualty figure' }).click();
    const adding = page.getByRole('group', { name: 'Add a casualty figure' });
    await adding.waitFor();
    assert.equal(await adding.getByLabel('At least').inputValue(), '', 'words, not digits: no number guessed');
    await adding.getByLabel('Kind').selectOption('missing');
    await adding.getByLabel('At least').fill('3');
    await adding.getByLabel('At most').fill('3');
    await adding.getByRole('button', { name: 'Save' }).click();
    await rows.filter({ hasText: 'missing' }).filter({ hasText: '3' }).waitFor();
    await page.locator('.article .mark.casualty', { hasText: 'three people alive' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, `editing-figure-added-${name}.png`) });
    await context.close();
  });
}

/** Steps the selected entity's mentions until the current one reads `text`. */
async function stepTo(page, stepper, text) {
  const total = Number((await stepper.locator('.stepper-pos').innerText()).split('/')[1]);
  const current = () => page.evaluate(() => document.querySelector('.article .mark.current')?.id || '');
  const exact = new RegExp(`^${text}$`);
  for (let k = 0; k < total; k++) {
    if (await page.locator('.article .mark.current', { hasText: exact }).count()) break;
    const was = await current();
    await stepper.getByRole('button', { name: 'Next mention' }).click();
    await page.waitForFunction((id) => (document.querySelector('.article .mark.current')?.id || '') !== id, was);
  }
  await page.locator('.article .mark.current', { hasText: exact }).waitFor();
}

for (const { name, viewport, scheme } of CONFIGS) test(`dates: why, corrected (a bad value refused), removed, added (${name})`, async () => {
  const { context, page } = await fresh(viewport, scheme);
  await pasteText(page, STORY);
  await page.locator('.article .headline', { hasText: 'Storm kills 12' }).waitFor();
  await tab(page, 'Timeline', viewport);
  const items = page.locator('ol.timeline li');
  const march = items.filter({ hasText: '3 March 2021' });
  assert.match(await march.locator('.why').innerText(), /Why: a date written in full/);
  await march.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('group', { name: 'Correct the date' });
  const field = editor.getByLabel('Date');
  await field.fill('2021-13-03');
  await field.press('Enter');
  await editor.getByRole('alert').filter({ hasText: 'YYYY-MM-DD' }).waitFor();
  await field.fill('2021-03-04');
  await field.press('Enter');
  await items.filter({ hasText: '2021-03-04' }).waitFor();
  assert.match(await items.filter({ hasText: '2021-03-04' }).locator('.why').innerText(), /corrected by hand/);
  // Added from a selection (the town's "No one was hurt" sentence dated by hand).
  await selectText(page, 'No one was hurt');
  await page.getByRole('group', { name: 'Tag the selected text' }).getByRole('button', { name: 'Date' }).click();
  const adding = page.getByRole('group', { name: 'Add a date' });
  await adding.getByLabel('Date').fill('2021-03');
  await adding.getByRole('button', { name: 'Save' }).click();
  await items.filter({ hasText: 'No one was hurt' }).filter({ hasText: '2021-03' }).waitFor();
  // A click on a date's mark in the article opens its editor too.
  await page.locator('.article .mark.date', { hasText: 'Two days later' }).click();
  await page.getByRole('group', { name: 'Correct the date' }).waitFor();
  await page.getByRole('group', { name: 'Correct the date' }).getByLabel('Date').press('Escape');
  await page.getByRole('group', { name: 'Correct the date' }).waitFor({ state: 'detached' });
  // Escape closes the editor without saving.
  const n = await items.count();
  await items.first().getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('group', { name: 'Correct the date' }).getByLabel('Date').press('Escape');
  await page.getByRole('group', { name: 'Correct the date' }).waitFor({ state: 'detached' });
  // The exports carry the dates as corrected: the JSON's timeline and the timeline's CSV.
  await page.locator('.export summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON (annotation)' }).click()]);
  const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.ok(json.timeline.some((t) => t.value === '2021-03-04' && /3 March 2021/.test(t.text)), JSON.stringify(json.timeline));
  assert.ok(json.timeline.some((t) => t.value === '2021-03' && t.text === 'No one was hurt'), 'the date added by hand');
  assert.ok(!json.timeline.some((t) => t.value === '2021-03-03'), 'not the value read before the correction');
  await page.locator('.export summary').click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline CSV' }).click()]);
  assert.match(fs.readFileSync(await csv.path(), 'utf8'), /2021-03-04/);
  await page.keyboard.press('Escape');
  // Removed.
  await items.filter({ hasText: '2021-03-04' }).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('group', { name: 'Correct the date' }).getByRole('button', { name: 'Remove' }).click();
  await page.waitForFunction((k) => document.querySelectorAll('ol.timeline li').length === k - 1, n);
  await page.screenshot({ path: path.join(SCREENSHOTS, `editing-dates-${name}.png`) });
  await context.close();
});

for (const { name, viewport, scheme } of CONFIGS) test(`entities: one split off, one merged into another and split off again (${name})`, async () => {
  const { context, page } = await fresh(viewport, scheme);
  await tab(page, 'Entities', viewport);
  const rowOf = (name) => page.locator('.sidebar button.entity', { has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
  // Azerbaijan's mentions include the misspelt "Azecbaijan": split it off.
  await rowOf('Azerbaijan').click();
  const stepper = page.getByRole('group', { name: 'Mentions of the selected entity' });
  await stepTo(page, stepper, 'Azecbaijan');
  await stepper.getByRole('button', { name: 'Split off' }).click();
  await rowOf('Azecbaijan').waitFor();
  // Baku (the government, by metonymy) merged into Azerbaijan.
  await rowOf('Baku').click();
  await stepper.getByRole('combobox', { name: 'Merge into another entity' }).selectOption('Azerbaijan');
  await rowOf('Baku').waitFor({ state: 'detached' });
  await page.locator('.article .mark.ent-location', { hasText: 'Baku' }).first().hover();
  await page.locator('.card .card-name', { hasText: 'Azerbaijan' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, `editing-entities-${name}.png`) });
  await page.keyboard.press('Escape');
  // Changed minds: one "Baku" mention split off Azerbaijan again. The changes replay in the
  // order made, so the split sees the merge before it.
  await rowOf('Azerbaijan').click();
  await stepTo(page, stepper, 'Baku');
  await stepper.getByRole('button', { name: 'Split off' }).click();
  await rowOf('Baku').waitFor();
  assert.equal(await rowOf('Baku').locator('.count').innerText(), '1', 'one mention split off');
  // All three undone, one Ctrl+Z each.
  await page.evaluate(() => document.activeElement?.blur()); // (keys to the page, not a field)
  await page.keyboard.press('Control+z');
  await rowOf('Baku').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await rowOf('Baku').waitFor();
  await page.keyboard.press('Control+z');
  await rowOf('Azecbaijan').waitFor({ state: 'detached' });
  await context.close();
});
