// Shared by the end-to-end tests: serve dist/ on 127.0.0.1 and drive Debian's Chromium
// through playwright-core (no browser download: executablePath is the system one).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const TYPES = { '.mjs': 'text/javascript', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');

/** The seed article (in the repo), its headline, and the seed repeated to at least `bytes`
 *  UTF-8 bytes (paragraphs apart): the long articles of the tests and of bench/trace.mjs. */
export const SEED = fs.readFileSync(path.join(ROOT, 'seeds', '000_4b482bd7dbe4f5f8.txt'), 'utf8');
export const SEED_HEADLINE = SEED.split('\n').find((l) => l.trim()).trim();
export function seedRepeated(bytes) {
  const parts = [];
  for (let n = 0; n < bytes; n += Buffer.byteLength(SEED) + 2) parts.push(SEED);
  return parts.join('\n\n');
}

/** Serves `dir` on a free loopback port; resolves to { url, close }. `headers(pathname)`
 *  may add response headers (a Content-Security-Policy, say). */
export function serve(dir = path.join(ROOT, 'dist'), headers = () => ({})) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build the page first (trunk build --release)`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers(url.pathname) });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
  }));
}

/** Desktop light and phone dark: between them, both widths and both colour schemes. */
export const CONFIGS = [
  { name: 'desktop-light', viewport: { width: 1366, height: 900 }, scheme: 'light' },
  { name: 'phone-dark', viewport: { width: 360, height: 740 }, scheme: 'dark' },
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the page (light or dark) and waits until the annotated article is on screen. */
export async function openApp(browser, url, viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  const page = await browser.newPage({ viewport, colorScheme });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('.article .headline', { timeout: 30000 });
  return { page, errors };
}

/** Pastes `text` into the annotator under `scope` (a page, or the locator of a mounted
 *  instance) and submits it. The value is set at once rather than typed: a paste of megabytes. */
export async function pasteText(scope, text) {
  await scope.getByRole('button', { name: 'Edit text' }).click();
  await scope.locator('#article-input').evaluate((ta, t) => { ta.value = t; ta.dispatchEvent(new Event('input')); }, text);
  await scope.getByRole('button', { name: 'Annotate' }).click();
}

/** Selects the first occurrence of `needle` in the article's text, as a reader's drag would,
 *  and lets the page see the mouseup that ends a drag. */
export async function selectText(page, needle) {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('.article'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf(needle);
      if (i >= 0) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        return;
      }
    }
    throw new Error(`${needle} is not in the article`);
  }, needle);
  await page.locator('.article').dispatchEvent('mouseup');
}

/** Selects the first word `word` that stands in plain text (a span that is not a mark) in the
 *  article's second half, lets the page see the mouseup that ends a drag, and waits for the
 *  tag bar it brings. */
export async function selectPlainWord(page, word) {
  await page.evaluate((word) => {
    const paras = [...document.querySelectorAll('.article p')];
    for (const p of paras.slice(Math.floor(paras.length / 2))) {
      for (const span of p.querySelectorAll(':scope > span:not(.mark)')) {
        const n = span.firstChild;
        const i = n?.nodeType === Node.TEXT_NODE ? n.textContent.search(new RegExp(`(^|\\s)${word}(\\s|$)`)) : -1;
        if (i < 0) continue;
        const at = n.textContent.indexOf(word, i);
        n.parentElement.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + word.length);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        return;
      }
    }
    throw new Error(`no plain "${word}" in the second half`);
  }, word);
  await page.locator('.article').dispatchEvent('mouseup');
  await page.locator('.tagger').waitFor();
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page as it stands, one line each
 *  ("rule: how many nodes (first node)"); axe is injected on first use. */
export async function axeSerious(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
}

/** Waits (up to `timeout` ms, for a smooth scroll to end) until the element `selector`
 *  finds is wholly on screen and not under the sticky toolbar; resolves to whether it got
 *  there, and where it is. */
export async function waitInSight(page, selector, timeout = 3000) {
  const where = (sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    const bar = document.querySelector('.toolbar')?.getBoundingClientRect();
    const below = bar && bar.top <= 0 ? bar.bottom : 0;
    return r ? { top: r.top, bottom: r.bottom, below, ok: r.top >= below && r.bottom <= innerHeight } : { ok: false };
  };
  for (const end = Date.now() + timeout; ; await page.waitForTimeout(100)) {
    const at = await page.evaluate(where, selector);
    if (at.ok || Date.now() > end) return at;
  }
}
