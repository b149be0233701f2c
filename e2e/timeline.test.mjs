// The timeline axis as a reader uses it: the range it spans is labelled at both ends, dates
// too close to tell apart share one larger dot with their count, and every dot is a button
// that Tab reaches and Enter follows to its sentence. Desktop light and phone dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, pasteText, SCREENSHOTS, CONFIGS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TEXT = [
  'Ceasefire talks collapse after a week of shelling',
  'The border was drawn in 1990 by a treaty both sides signed.',
  'Fighting broke out on September 27, 2020, and spread to the north within days.',
  'Talks in Geneva failed on October 1, 2020, officials said.',
  'On October 4, 2020, the foreign minister called for a new round of talks.',
].join('\n\n');

for (const { name, viewport, scheme } of CONFIGS) {
  test(`the timeline axis: range, clusters, dots that are buttons (${name})`, async () => {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.article .headline').waitFor();
    await pasteText(page, TEXT);
    await page.locator('.article .headline', { hasText: 'Ceasefire talks collapse' }).waitFor();
    if (viewport.width < 600) await page.locator('.sidebar [role="tab"]', { hasText: 'Timeline' }).click();
    const axis = page.locator('svg.axis');
    await axis.scrollIntoViewIfNeeded();
    // Both ends labelled: a year-only date as a year.
    assert.deepEqual(await axis.locator('.range-label').allTextContents(), ['1990', '2020-10-04']);
    assert.match(await axis.getAttribute('aria-label'), /from 1990 to 2020-10-04/);
    // 1990 alone; the three dates of autumn 2020, days apart on a 30-year axis, share a dot.
    const marks = axis.locator('.mark');
    assert.equal(await marks.count(), 2);
    assert.equal(await marks.first().getAttribute('aria-label'), '1990: 1 dated event');
    assert.equal(await marks.last().getAttribute('aria-label'), '2020-09-27 to 2020-10-04: 3 dates, 3 dated events');
    assert.equal(await marks.last().locator('.tick-count').textContent(), '3');
    // The reference date (here the latest full date in the text: none was given) is named.
    assert.equal(await axis.locator('.ref-label').textContent(), 'reference 2020-10-04');
    await page.screenshot({ path: path.join(SCREENSHOTS, `timeline-axis-${name}.png`) });
    // The keyboard: focus the cluster, Enter: its first date's sentence is shown and flashes.
    await marks.last().focus();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const el = document.querySelector('.article .flash');
      if (!el || !el.textContent.includes('September 27, 2020')) return false;
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    // A click on the other dot does the same for 1990.
    await marks.first().click();
    await page.waitForFunction(() => document.querySelector('.article .flash')?.textContent.includes('1990'));
    await context.close();
  });
}
