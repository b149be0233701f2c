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

/** Runs `tool` on `text` once to warm up, then `runs` times; the median time in ms. */
function time(tool, text, lang, runs) {
  const out = tools[tool](text, lang);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    tools[tool](text, lang);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(ms.length / 2)], all: ms, out };
}

window.bench = { time, wasmMemoryBytes };
document.getElementById('status').textContent = 'ready';
