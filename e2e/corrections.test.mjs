// Corrections as a reader makes them: change an entity's type, remove a wrong mention, tag a
// missed one by selecting text; they are saved as made, survive a reload, can be reset (after
// a question), undone and redone, and a browser without storage gets a message instead of an
// exception.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openApp, selectText, SCREENSHOTS, CONFIGS, axeSerious } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


/** Waits (up to 5 s) until the button named `name` is disabled: the page redraws its
 *  buttons after the click that changed the history, not during it. */
const disabled = (page, name) => page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === n && b.disabled), name, { timeout: 5000 });

for (const { name, viewport, scheme } of CONFIGS) test(`retype, remove, add; kept across a reload; reset (${name})`, async () => {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.article .headline').waitFor();
  // Retype Baku (a location) as an organization.
  await page.locator('.sidebar button.entity', { hasText: 'Baku' }).click();
  await page.getByRole('combobox', { name: 'Entity type' }).selectOption('organization');
  await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
  // Remove one mention of Yerevan.
  const yerevan = () => page.locator('.article .ent-location', { hasText: 'Yerevan' }).count();
  const before = await yerevan();
  await page.locator('.sidebar button.entity', { hasText: 'Yerevan' }).click();
  await page.getByRole('button', { name: 'Remove this mention' }).click();
  assert.equal(await yerevan(), before - 1);
  // Tag the missed "Hồ chứa nước" as a location.
  await selectText(page, 'Hồ chứa nước');
  await page.getByRole('group', { name: 'Tag the selected text' }).getByRole('button', { name: 'Location' }).click();
  await page.locator('.article .ent-location', { hasText: 'Hồ chứa nước' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, `corrections-${name}.png`) });
  // Reload: all three corrections are still there.
  await page.reload();
  await page.locator('.article .headline').waitFor();
  await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
  assert.equal(await yerevan(), before - 1);
  assert.ok(await page.locator('.article .ent-location', { hasText: 'Hồ chứa nước' }).count() === 1);
  // Reset asks first: declined, nothing changes.
  let declined = false;
  page.once('dialog', (d) => { declined = true; d.dismiss(); });
  await page.getByRole('button', { name: /Reset corrections \(3\)/ }).click();
  await page.waitForTimeout(200);
  assert.ok(declined, 'the reset asked first');
  assert.ok(await page.getByRole('button', { name: /Reset corrections \(3\)/ }).isVisible(), 'declined: all three stay');
  assert.equal(await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).count(), 1);
  // Accepted, the corrections go.
  let question = '';
  page.once('dialog', (d) => { question = d.message(); d.accept(); });
  await page.getByRole('button', { name: /Reset corrections \(3\)/ }).click();
  await page.locator('.sidebar .ent-location', { hasText: 'Baku' }).waitFor();
  assert.match(question, /Remove all 3 corrections/);
  assert.equal(await yerevan(), before);
  // Ctrl+Z brings them back, Ctrl+Shift+Z takes them away again; the buttons do the same.
  await page.locator('.article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
  assert.equal(await yerevan(), before - 1);
  await page.keyboard.press('Control+Shift+z');
  await page.locator('.sidebar .ent-location', { hasText: 'Baku' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
  // The history of this visit only: the reset was the one change since the reload.
  await disabled(page, 'Undo');
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.locator('.sidebar .ent-location', { hasText: 'Baku' }).waitFor();
  // A new correction after an undo clears what could be redone.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
  await page.locator('.sidebar button.entity', { hasText: 'Yerevan' }).click();
  await page.getByRole('button', { name: 'Remove this mention' }).click();
  await disabled(page, 'Redo');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await yerevan(), before - 1);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: /Reset corrections \(3\)/ }).click();
  await page.locator('.sidebar .ent-location', { hasText: 'Baku' }).waitFor();
  await page.reload();
  await page.locator('.sidebar .ent-location', { hasText: 'Baku' }).waitFor();
  await context.close();
});

test('no storage (private mode): a message, not an exception', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }); });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.locator('.article .headline').waitFor();
  const alert = page.getByRole('alert').first();
  await alert.waitFor();
  assert.match(await alert.innerText(), /storage is unavailable/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Editing the text keeps the corrections: each is found again by its words and their
// neighbours (the export's TextQuoteSelector), and the status line says how many came along.
for (const { name, viewport, scheme } of CONFIGS) {
  test(`an edit of the text carries the corrections over (${name})`, async () => {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    const yerevan = () => page.locator('.article .ent-location', { hasText: 'Yerevan' }).count();
    const before = await yerevan();
    // Two corrections: Baku retyped, the second mention of Yerevan removed.
    await page.locator('.sidebar button.entity', { hasText: 'Baku' }).click();
    await page.getByRole('combobox', { name: 'Entity type' }).selectOption('organization');
    await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.sidebar button.entity', { hasText: 'Yerevan' }).click();
    await page.getByRole('button', { name: 'Next mention' }).click();
    await page.getByRole('button', { name: 'Remove this mention' }).click();
    assert.equal(await yerevan(), before - 1);
    // A third, on words the edit takes out: it cannot be placed, and the page says so.
    await page.keyboard.press('Escape');
    await selectText(page, 'Hồ chứa nước');
    await page.getByRole('group', { name: 'Tag the selected text' }).getByRole('button', { name: 'Location' }).click();
    await page.locator('.article .ent-location', { hasText: 'Hồ chứa nước' }).waitFor();
    // Edit: a line added on top and a word changed in the body shift every offset.
    await page.getByRole('button', { name: 'Edit text' }).click();
    const edited = await page.locator('#article-input').inputValue();
    const lines = edited.split('\n');
    const changed = [lines[0], '', '(Bản cập nhật lúc 9 giờ sáng.)', ...lines.slice(1)].join('\n').replace('Armenia', 'Cộng hòa Armenia').replaceAll('Hồ chứa nước', 'Hồ');
    await page.locator('#article-input').evaluate((ta, t) => { ta.value = t; ta.dispatchEvent(new Event('input')); }, changed);
    await page.getByRole('button', { name: 'Annotate' }).click();
    await page.locator('.article p', { hasText: 'Bản cập nhật lúc 9 giờ sáng' }).waitFor();
    // Losing one is said where it stays until dismissed, not in the passing status line.
    const notice = page.locator('.notice[role="alert"]', { hasText: 'carried over' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /^2 of 3 corrections carried over to the edited text; 1 could not be placed \(the words they marked are gone\) and stays with the previous version\./);
    assert.ok(await notice.isVisible(), 'the notice is on screen');
    assert.deepEqual(await axeSerious(page), [], 'axe with the notice shown');
    await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
    assert.equal(await yerevan(), before - 1, 'the removed mention stays removed in the edited text');
    await page.screenshot({ path: path.join(SCREENSHOTS, `corrections-carried-${name}.png`) });
    // They belong to the edited text now: a reload keeps them.
    await page.reload();
    await page.locator('.article p', { hasText: 'Bản cập nhật lúc 9 giờ sáng' }).waitFor();
    await page.locator('.sidebar .ent-organization', { hasText: 'Baku' }).waitFor();
    assert.equal(await yerevan(), before - 1);
    await context.close();
  });
}
