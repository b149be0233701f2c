// The benchmark page's side: timing loops run inside the page (no driver round trip in the
// measured time). bench/run.mjs passes the text and reads the results.
import { annotate, wasmMemoryBytes } from '../embed/annotator.js';

const tools = {
  ours: (text, lang) => {
    const a = annotate(text, { lang });
    return { entities: a.entities.length, casualties: a.casualties.length, timeline: a.timeline.length };
  },
  compromise: (text) => window.peers.compromise(text),
  wink: (text) => window.peers.wink(text),
};

/** Runs `tool` once on the first 50,000 characters to warm up (JIT, lazily built tables),
 *  then `runs` times on `text`; the median time in ms and what the last run found. */
function time(tool, text, lang, runs) {
  tools[tool](text.slice(0, 50000), lang);
  let out = null;
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = tools[tool](text, lang);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(ms.length / 2)], all: ms, out };
}

/** One call of `a` then one of `b` on the same text, back to back (both warmed up before):
 *  their times in ms. Run many times, the ratio of each pair cancels what the machine's
 *  other work does to both (on a shared machine one tool's median and the other's can come
 *  from calmer and busier minutes). */
function pair(a, b, text, lang) {
  const t0 = performance.now();
  tools[a](text, lang);
  const t1 = performance.now();
  tools[b](text, lang);
  return [t1 - t0, performance.now() - t1];
}

window.bench = { time, pair, wasmMemoryBytes };
document.getElementById('status').textContent = 'ready';
