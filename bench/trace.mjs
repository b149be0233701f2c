// Where the main thread's time goes when a reader acts on a 1 MB article (the seed repeated,
// as e2e/large-interactions.test.mjs builds it): a Chromium trace of each round, summarised
// as the tasks over 20 ms and, for each, the trace events that took longest in it (nested
// events are counted in their parents too). Not a test: a tool for finding what to make
// faster. Build the page first (scripts/build-page.sh); DIST=dir traces another build (a
// build with function names shows them in a CPU profile, not here). A task that is all
// "Receive mojo message" is the driver's own work (Playwright finding an element among the
// article's 46,000), which the e2e test's long-task observer counts too.
//
//   node bench/trace.mjs tag      # tag a word of plain text as a place, then undo it
//   node bench/trace.mjs select   # select an entity in the summary, then let go of it
import path from 'node:path';
import { serve, launch, openApp, pasteText, selectPlainWord, seedRepeated, ROOT } from '../e2e/harness.mjs';

const what = process.argv[2] ?? 'tag';
if (!['tag', 'select'].includes(what)) {
  console.error('usage: node bench/trace.mjs [tag|select]');
  process.exit(2);
}
const server = await serve(process.env.DIST || path.join(ROOT, 'dist'));
const browser = await launch();
try {
  const { page } = await openApp(browser, server.url, { width: 1366, height: 900 }, 'light');
  await pasteText(page, seedRepeated(1024 * 1024));
  await page.waitForFunction(() => document.querySelector('.article')?.getAttribute('aria-busy') === 'false' && !document.querySelector('.working'), null, { timeout: 180000 });
  const counts = await page.evaluate(() => [document.querySelectorAll('.article *').length, document.querySelectorAll('.article .mark').length]);
  console.log(`1 MB article: ${counts[0]} elements, ${counts[1]} marks`);
  const cdp = await page.context().newCDPSession(page);

  /** The trace of `act`, summarised. */
  async function traced(label, act) {
    const events = [];
    const collect = (d) => events.push(...d.value);
    cdp.on('Tracing.dataCollected', collect);
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute,toplevel', transferMode: 'ReportEvents' });
    await act();
    await page.waitForTimeout(500);
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    const tasks = events.filter((e) => e.name === 'RunTask' && e.dur > 20000);
    console.log(`${label}: tasks over 20 ms: ${JSON.stringify(tasks.map((t) => Math.round(t.dur / 1000)))}`);
    for (const t of tasks) {
      const by = {};
      for (const e of events) {
        if (e !== t && e.dur && e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) by[e.name] = (by[e.name] || 0) + e.dur;
      }
      const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(1, 11).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
      console.log(`  ${Math.round(t.dur / 1000)} ms: ${top.join(' · ')}`);
    }
  }

  for (const [round, word, name] of [[1, 'trong', 'Azerbaijan'], [2, 'sau', 'Armenia'], [3, 'cho', 'Azerbaijan']]) {
    if (what === 'tag') {
      await selectPlainWord(page, word);
      await page.waitForTimeout(300);
      await traced(`round ${round}, tag "${word}"`, async () => {
        await page.locator('.tagger button', { hasText: 'Location' }).click();
        await page.locator('.tagger').waitFor({ state: 'detached' });
      });
      await traced(`round ${round}, undo`, () => page.keyboard.press('Control+z'));
    } else {
      const entity = page.locator('.sidebar button.entity', { hasText: new RegExp(`^\\s*${name}\\s*\\d`) }).first();
      await traced(`round ${round}, select ${name}`, async () => {
        await entity.click();
        await page.locator('.stepper').waitFor();
      });
      await traced(`round ${round}, let go`, async () => {
        await page.keyboard.press('Escape');
        await page.locator('.stepper').waitFor({ state: 'detached' });
      });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
