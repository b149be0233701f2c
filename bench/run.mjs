// Browser benchmark (issue #8): in ONE headless Chromium run and on the SAME text, times our
// annotate() in WebAssembly against compromise (+compromise-dates) and wink-nlp (lite web
// model), then the page itself: navigation to the annotated seed, a 1 MB article pasted,
// memory, and the size of every file the page loads. Prints a Markdown report (also written to
// target/bench/browser.md, with the raw figures in browser.json).
//
//   bash scripts/bench.sh            # the full benchmark (a few minutes)
//   bash scripts/bench.sh --smoke    # CI: small text, one run each, checks it all works
//
// Figures are medians of in-page loops (performance.now around each call, after a warm-up
// call); MB/s counts UTF-8 bytes (10^6 bytes per MB).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { serve, launch, ROOT } from '../e2e/harness.mjs';

const smoke = process.argv.includes('--smoke');
// AA_BENCH_TOOLS=ours (comma-separated) limits the throughput part to some tools.
const TARGET = smoke ? 50_000 : 1_048_576;
const DEV = path.join(ROOT, '..', 'shared', 'eval-dev', 'articles');
const SEED = fs.readFileSync(path.join(ROOT, 'seeds', '000_4b482bd7dbe4f5f8.txt'), 'utf8');

/** The development articles of one language concatenated to at least TARGET bytes. */
function corpus(lang) {
  let texts = [];
  if (fs.existsSync(DEV)) {
    texts = fs.readdirSync(DEV).filter((f) => f.includes(`-${lang}-`)).sort().map((f) => fs.readFileSync(path.join(DEV, f), 'utf8'));
  }
  if (texts.length === 0) {
    if (lang === 'en') return null;
    texts = [SEED];
  }
  let out = '';
  while (Buffer.byteLength(out) < TARGET) out += texts.join('\n\n') + '\n\n';
  return out;
}

const mb = (bytes) => bytes / 1e6;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const fmt = (x, d = 2) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));

const srv = await serve();
const browser = await launch();
const results = { machine: `${os.cpus()[0].model}, ${os.cpus().length} cores, ${browser.version()}`, smoke, when: new Date().toISOString() };

try {
  // 1. Throughput, same page, same text.
  const page = await browser.newPage();
  await page.goto(`${srv.url}bench/index.html`);
  await page.waitForFunction(() => window.bench && window.peers, null, { timeout: 60000 });
  const runs = smoke ? 1 : { ours: 7, wink: 5, compromise: 1 };
  const n = (tool) => (smoke ? 1 : runs[tool]);
  const throughput = [];
  const en = corpus('en');
  const vi = corpus('vi');
  const only = (process.env.AA_BENCH_TOOLS || 'ours,wink,compromise').split(',');
  for (const [lang, text, tool] of [['en', en, 'ours'], ['en', en, 'wink'], ['en', en, 'compromise'], ['vi', vi, 'ours']]) {
    if (!only.includes(tool)) continue;
    if (!text) { console.error(`skipping ${tool} on ${lang}: ../shared/eval-dev is absent`); continue; }
    const r = await page.evaluate(([t, tx, l, k]) => window.bench.time(t, tx, l, k), [tool, text, lang, n(tool)]);
    const bytes = Buffer.byteLength(text);
    throughput.push({ lang, tool, bytes, ms: r.ms, mbps: mb(bytes) / (r.ms / 1000), out: r.out, all: r.all });
    console.error(`${tool} ${lang}: ${fmt(r.ms)} ms for ${fmt(mb(bytes))} MB`);
  }
  results.throughput = throughput;
  // Ours against wink-nlp in alternating pairs (both were warmed up above): the median of the
  // per-pair ratios.
  if (en && only.includes('ours') && only.includes('wink')) {
    const n = smoke ? 1 : 21;
    const pairs = [];
    for (let k = 0; k < n; k++) pairs.push(await page.evaluate(([tx]) => window.bench.pair('ours', 'wink', tx, 'en'), [en]));
    const ratios = pairs.map(([o, w]) => w / o).sort((a, b) => a - b);
    const q = (f) => ratios[Math.min(ratios.length - 1, Math.floor(f * ratios.length))];
    results.paired_wink = { pairs, median_ratio: q(0.5), q1: q(0.25), q3: q(0.75) };
    console.error(`paired: wink/ours median ${q(0.5).toFixed(2)} over ${n} pairs`);
  }
  const seed = await page.evaluate(([s, k]) => window.bench.time('ours', s, 'auto', k), [SEED, smoke ? 5 : 500]);
  results.seed_ms = seed.ms;
  results.wasm_memory_bytes = await page.evaluate(() => window.bench.wasmMemoryBytes());
  await page.close();

  // 2. The page: navigation to the annotated seed on screen (median of 5 fresh browser
  //    contexts: no HTTP cache, no service worker), and the files it loads.
  const onScreen = [];
  for (let i = 0; i < (smoke ? 1 : 5); i++) {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('.article .headline')) { window.__seedOnScreen = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    await p.goto(srv.url);
    await p.waitForSelector('.article .headline');
    onScreen.push(await p.evaluate(() => window.__seedOnScreen));
    await fresh.close();
  }
  onScreen.sort((a, b) => a - b);
  results.seed_on_screen_runs_ms = onScreen;
  results.seed_on_screen_ms = onScreen[Math.floor(onScreen.length / 2)];
  const ctx = await browser.newContext();
  const view = await ctx.newPage();
  const loaded = new Set();
  view.on('requestfinished', (req) => loaded.add(new URL(req.url()).pathname));
  await view.goto(srv.url);
  await view.waitForSelector('.article .headline');
  await view.waitForLoadState('networkidle');
  const files = [...loaded].filter((p) => !p.startsWith('/sw')).sort().map((p) => {
    const body = fs.readFileSync(path.join(ROOT, 'dist', p === '/' ? 'index.html' : p));
    return { file: p, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length, brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
  });
  results.files = files;
  const single = path.join(ROOT, 'dist-single', 'article-annotator.html');
  if (fs.existsSync(single)) {
    const body = fs.readFileSync(single);
    results.single = { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length, brotli: zlib.brotliCompressSync(body).length };
  }

  // 3. A 1 MB article pasted into the page: time to the first screen, to the whole article,
  //    and the long tasks (> 50 ms) after the first screen.
  if (en) {
    await view.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' });
    });
    await view.click('text=Edit text');
    await view.evaluate((t) => { const ta = document.querySelector('#article-input'); ta.value = t; ta.dispatchEvent(new Event('input')); }, en);
    const headline = en.split('\n').find((l) => l.trim()).trim();
    await view.evaluate((h) => {
      window.__t0 = null; window.__first = null;
      document.querySelector('.editor .btn.primary').addEventListener('click', () => { window.__t0 = performance.now(); }, { capture: true });
      // The first screen: the new article's headline is in the page (the view may be rebuilt
      // in place, so the element itself is not a signal).
      new MutationObserver((_, obs) => {
        const el = document.querySelector('.article .headline');
        if (el && el.textContent.trim() === h) { window.__first = performance.now(); obs.disconnect(); }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, headline);
    await view.click('.editor .btn.primary');
    await view.waitForFunction(() => window.__first, null, { timeout: 120000 });
    await view.waitForSelector('.article[aria-busy=false]', { timeout: 600000 });
    const r = await view.evaluate(() => ({ t0: window.__t0, first: window.__first, done: performance.now(), long: window.__long }));
    const cdp = await ctx.newCDPSession(view);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (k) => metrics.find((m) => m.name === k)?.value;
    results.big = {
      bytes: Buffer.byteLength(en),
      first_screen_ms: r.first - r.t0,
      all_rendered_ms: r.done - r.t0,
      long_tasks_after_first_screen: r.long.filter((t) => t.at >= r.first).map((t) => Math.round(t.ms)),
      long_tasks_before: r.long.filter((t) => t.at >= r.t0 && t.at < r.first).map((t) => Math.round(t.ms)),
      js_heap_used_bytes: metric('JSHeapUsedSize'),
      dom_nodes: metric('Nodes'),
    };
  }
  await ctx.close();
} finally {
  await browser.close();
  await srv.close();
}

// Report.
const T = results.throughput || [];
const ours = T.find((t) => t.tool === 'ours' && t.lang === 'en');
const lines = [];
lines.push(`Machine: ${results.machine}. ${results.smoke ? '**Smoke run** (50 KB, one run each): not figures to quote.' : ''}`, '');
lines.push('| Tool | Text | Size | Median time | MB/s | Ours is ×faster |', '|---|---|---|---|---|---|');
for (const t of T) {
  const ratio = ours && t.tool !== 'ours' && t.lang === 'en' ? `${fmt(t.mbps ? ours.mbps / t.mbps : 0, 1)}×` : '';
  lines.push(`| ${t.tool} | ${t.lang} dev articles | ${fmt(mb(t.bytes))} MB | ${fmt(t.ms, 1)} ms | ${fmt(t.mbps)} | ${ratio} |`);
}
if (results.paired_wink) {
  const p = results.paired_wink;
  lines.push('', `Ours against wink-nlp in ${p.pairs.length} alternating pairs on the same text: wink-nlp's time over ours, median **${fmt(p.median_ratio)}×** (quartiles ${fmt(p.q1)}–${fmt(p.q3)}).`);
}
lines.push('', `Seed article (${Buffer.byteLength(SEED)} bytes) in WASM: median ${results.seed_ms.toFixed(3)} ms. WASM memory after the 1 MB runs: ${kb(results.wasm_memory_bytes)}.`);
lines.push(`Navigation to the annotated seed on screen: median ${fmt(results.seed_on_screen_ms, 0)} ms of [${results.seed_on_screen_runs_ms.map((x) => x.toFixed(0)).join(', ')}].`);
if (results.big) {
  const b = results.big;
  lines.push(`1 MB article pasted (${fmt(mb(b.bytes))} MB): first screen after ${fmt(b.first_screen_ms, 0)} ms, whole article rendered after ${fmt(b.all_rendered_ms, 0)} ms; long tasks before the first screen: [${b.long_tasks_before.join(', ')}] ms, after it: [${b.long_tasks_after_first_screen.join(', ')}] ms (longest ${Math.max(0, ...b.long_tasks_after_first_screen)} ms); JS heap ${kb(b.js_heap_used_bytes)}, ${b.dom_nodes} DOM nodes.`);
}
lines.push('', '| File the page loads | Raw | gzip -9 | brotli 11 |', '|---|---|---|---|');
let tot = { raw: 0, gzip: 0, brotli: 0 };
for (const f of results.files) {
  lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  for (const k of Object.keys(tot)) tot[k] += f[k];
}
lines.push(`| **total** | ${kb(tot.raw)} | ${kb(tot.gzip)} | ${kb(tot.brotli)} |`);
if (results.single) lines.push(`| single-file build | ${kb(results.single.raw)} | ${kb(results.single.gzip)} | ${kb(results.single.brotli)} |`);
results.total = tot;
const report = lines.join('\n') + '\n';
const out = path.join(ROOT, 'target', 'bench');
fs.mkdirSync(out, { recursive: true });
const stem = smoke ? 'browser-smoke' : 'browser';
fs.writeFileSync(path.join(out, `${stem}.md`), report);
fs.writeFileSync(path.join(out, `${stem}.json`), JSON.stringify(results, null, 2));
console.log(report);
