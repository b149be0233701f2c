// Controls where the eye is: the toolbar (the mention stepper, the "Tag as" bar, the exports)
// stays on screen while the reader is deep in the article, and nothing runs off a phone's
// screen: the Export menu opens inside the viewport, the stepper wraps instead of widening
// the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openApp, pasteText, SCREENSHOTS, CONFIGS, waitInSight } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Scrolls the article's last paragraph into view and selects its first words. */
async function selectLateText(page) {
  return page.evaluate(() => {
    const ps = [...document.querySelectorAll('.article p')].filter((p) => p.textContent.trim().split(/\s+/).length > 6);
    const p = ps[ps.length - 1];
    p.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const n = walker.nextNode();
    const r = document.createRange();
    r.setStart(n, 0);
    r.setEnd(n, Math.min(n.textContent.length, 12));
    const s = getSelection();
    s.removeAllRanges();
    s.addRange(r);
    return n.textContent.slice(0, 12);
  });
}

/** Waits until a smooth scroll has come to rest. */
async function settled(page) {
  let last = -1;
  for (let k = 0; k < 40; k++) {
    const y = await page.evaluate(() => scrollY);
    if (y === last) return;
    last = y;
    await page.waitForTimeout(100);
  }
}

const inView = (page, selector) => page.locator(selector).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vw: innerWidth, vh: innerHeight };
});

for (const { name: label, viewport, scheme } of CONFIGS) {
  test(`${label}: selecting text deep in the article shows the "Tag as" bar on screen`, async () => {
    const { page } = await openApp(browser, server.url, viewport, scheme);
    await selectLateText(page);
    await page.locator('.article').dispatchEvent('mouseup');
    const bar = await inView(page, '.tagger');
    assert.ok(bar.top >= 0 && bar.bottom <= bar.vh, `the tag bar is at ${bar.top}..${bar.bottom} of ${bar.vh}`);
    assert.ok(await page.evaluate(() => scrollY) > 300, 'the page stayed where the reader was');
    await page.screenshot({ path: path.join(SCREENSHOTS, `tag-bar-${label}.png`) });
    await page.close();
  });

  test(`${label}: the mention stepper stays on screen while stepping`, async () => {
    const { page } = await openApp(browser, server.url, viewport, scheme);
    await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
    // Every mention, to the last one, deep in the article.
    const total = Number((await page.locator('.stepper-pos').textContent()).split('/')[1]);
    assert.ok(total >= 10, `Azerbaijan has ${total} mentions`);
    for (let k = 0; k < total - 1; k++) {
      await page.getByRole('button', { name: 'Next mention' }).click();
      await settled(page);
      const s = await inView(page, '.stepper');
      assert.ok(s.top >= 0 && s.bottom <= s.vh, `step ${k + 2}: the stepper is at ${s.top}..${s.bottom} of ${s.vh}`);
      assert.ok(s.left >= 0 && s.right <= s.vw + 1, `step ${k + 2}: the stepper spans ${s.left}..${s.right} of ${s.vw}`);
    }
    assert.ok(await page.evaluate(() => scrollY) > 300, 'stepping took the reader deep into the article');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px with the stepper open`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `stepper-${label}.png`) });
    await page.close();
  });

  test(`${label}: the Export menu opens inside the screen`, async () => {
    const { page } = await openApp(browser, server.url, viewport, scheme);
    await page.locator('.export summary').click();
    const m = await inView(page, '.export-menu');
    assert.ok(m.left >= 0 && m.right <= m.vw, `the menu spans ${m.left}..${m.right} of ${m.vw}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `export-${label}.png`) });
    await page.close();
  });
}

// Written for this test.
const REPORT = 'Floods hit Springfield\n\nOn March 4, 2021, floodwater killed three people and wounded 12 soldiers of the national guard in Springfield, according to the state fire department. Four people were missing, the Red Cross said.';

for (const { name: label, viewport, scheme } of CONFIGS) {
  test(`${label}: every field of a casualty row is inside the panel`, async () => {
    const { page } = await openApp(browser, server.url, viewport, scheme);
    await pasteText(page, REPORT);
    if (label.startsWith('phone')) await page.getByRole('tab', { name: 'Casualties' }).click();
    await page.locator('.casualties td[data-label="Source"]', { hasText: 'fire department' }).first().waitFor();
    const fit = await page.evaluate(() => {
      const panel = document.querySelector('.casualties').closest('.panel').getBoundingClientRect();
      const cells = [...document.querySelectorAll('.casualties td')].filter((td) => td.textContent.trim());
      const out = cells.filter((td) => { const r = td.getBoundingClientRect(); return r.left < panel.left - 1 || r.right > panel.right + 1; }).map((td) => td.textContent);
      const wrap = document.querySelector('.table-wrap');
      return { out, scroll: wrap.scrollWidth - wrap.clientWidth, cells: cells.length };
    });
    assert.ok(fit.cells >= 6, `${fit.cells} filled cells`);
    assert.deepEqual(fit.out, [], `cells outside the panel: ${fit.out.join(' | ')}`);
    assert.ok(fit.scroll <= 1, `the casualty table scrolls sideways by ${fit.scroll}px`);
    await page.locator('.casualties').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `casualties-${label}.png`) });
    await page.close();
  });
}

for (const { name, viewport, scheme } of CONFIGS) test(`the current mention stays marked after its flash and a correction beside it, one at a time, and in sight (${name})`, async () => {
  const { page } = await openApp(browser, server.url, viewport, scheme);
  await page.locator('.sidebar button.entity', { hasText: 'Azerbaijan' }).first().click();
  for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Next mention' }).click();
  await page.waitForTimeout(2000); // the flash lasts 1.6 s
  const current = await page.locator('.article .mark.current').evaluateAll((els) => els.map((e) => e.id));
  assert.equal(current.length, 1, `marked as current: ${current.join(', ')}`);
  const pos = Number((await page.locator('.stepper-pos').textContent()).split('/')[0]);
  const ids = await page.locator('.article .mark.sel').evaluateAll((els) => [...new Set(els.map((e) => e.id).filter(Boolean))]);
  assert.equal(current[0], ids[pos - 1], 'the mention the stepper shows');
  // Marked by more than its colour (an outline), and on screen below the sticky controls.
  const mark = page.locator('.article .mark.current');
  assert.equal(await mark.evaluate((e) => getComputedStyle(e).outlineStyle), 'solid', 'a solid frame marks it');
  assert.equal(await page.locator('.article .mark.sel:not(.current)').first().evaluate((e) => getComputedStyle(e).outlineStyle), 'dashed', 'the other mentions: a dashed one');
  const at = await waitInSight(page, '.article .mark.current');
  assert.ok(at.ok, `in sight: ${JSON.stringify(at)}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `current-mention-${name}.png`) });
  // A word of its paragraph tagged: the paragraph is drawn again (a new element), and the
  // mark is still the current one.
  await page.evaluate((id) => {
    const mark = document.getElementById(id);
    mark.dataset.before = 'yes';
    const walk = document.createTreeWalker(mark.closest('p'), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const m = n.parentElement.closest('.mark') ? null : /\p{L}{4,}/u.exec(n.textContent);
      if (!m) continue;
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      return;
    }
    throw new Error('no plain word beside the current mention');
  }, current[0]);
  await page.locator('.article').dispatchEvent('mouseup');
  await page.locator('.tagger button', { hasText: 'Weapon' }).click();
  await page.locator('.tagger').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate((id) => document.getElementById(id)?.dataset.before, current[0]), undefined, 'the paragraph was drawn again');
  assert.deepEqual(await page.locator('.article .mark.current').evaluateAll((els) => els.map((e) => e.id)), [current[0]], 'the same mark is the current one');
  await page.close();
});
