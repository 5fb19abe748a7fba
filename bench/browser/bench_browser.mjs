#!/usr/bin/env node
// The engine and the widget in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core, the flags of DESIGN.md), served by the demo site under its strict CSP
// (bench/browser/server.mjs: demo/serve.mjs plus the bench page's route).
//
//   node bench/browser/bench_browser.mjs [--loads N] [--runs N] [--min-ms MS]
//
// 1. The bench page (/__bench__/bench.html), in N fresh browser contexts (empty cache each):
//    ms from the page script's first line to createEngine() resolved. In the last one, after
//    checking every profile of bench/profiles.json against the native CLI (evaluateText byte for
//    byte, evaluate() equal to it parsed), µs per evaluate() and evaluateText(): the median of
//    `runs` batches of calls, each lasting at least `min-ms` (performance.now() ticks every
//    100 µs on a page that is not cross-origin isolated: only batches can be timed).
// 2. /visa.html in N fresh contexts: ms from navigation start to the widget's first question on
//    screen, and from the widget script's start (its customElements.define) to that moment.
//    An init script (outside the page's CSP, like Playwright's own) watches the widget's shadow
//    root: "in the DOM" is the mutation that makes the first question visible, "on screen" the
//    animation frame after it.
// 3. The first visit's download: every response until the first question is on screen, raw
//    bytes and gzip -9 of each, by category.
// One untimed load of each page comes first (the server compresses and caches each file on its
// first request). Prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, startServerScript } from '../../scripts/headless.mjs';
import { median } from '../lib/measure.mjs';
import { nativeDecisions, option } from '../lib/node.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

function startServer() {
  return startServerScript(join(HERE, 'server.mjs'), 'bench server');
}

async function newContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure() && r.failure().errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { context, page, problems };
}

// Loads `url` and waits for the page to log `signal` (console.debug), its own word that its marks
// are taken; on a timeout, says what went wrong in the page. Nothing of Playwright's runs in the
// page meanwhile: polling with page.waitForFunction() would inject Playwright's utility script
// (330 KB of JavaScript, 25 ms to compile here) into the renderer while the page starts, and time
// Playwright along with the page.
async function loadUntilSignal(page, problems, url, signal, what) {
  const signalled = page.waitForEvent('console', { predicate: (m) => m.text() === signal, timeout: 30000 });
  signalled.catch(() => {});
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await signalled;
  } catch (err) {
    throw new Error(`${what} did not finish within 30 s${problems.length ? `: ${problems.join('; ')}` : ''} (${err.message.split('\n')[0]})`);
  }
}

// --- 1. the bench page ------------------------------------------------------------------------

async function benchPageLoad(browser, origin, query = '') {
  const { context, page, problems } = await newContext(browser);
  await loadUntilSignal(page, problems, `${origin}/__bench__/bench.html${query}`, BENCH_PAGE_DONE, 'the bench page');
  const marks = await page.evaluate(() => window.__bench.marks);
  if (marks.error) throw new Error(`bench page: ${marks.error}`);
  return { context, page, problems, marks };
}

// What the bench page (page/bench.mjs) and the widget's watcher (watchWidget) log when done.
const BENCH_PAGE_DONE = '__bench_done';
const WIDGET_SHOWN = '__bench_widget_shown';

// createEngine() with fewer rules: the index only, and one service in one language.
const STARTUP_VARIANTS = [
  { id: 'index', query: '?services=', label: 'createEngine({ services: [] })' },
  { id: 'visa_en', query: '?services=visa&languages=en', label: "createEngine({ services: ['visa'], languages: ['en'] })" },
];

async function startupOf(browser, origin, query, loads) {
  await (await benchPageLoad(browser, origin, query)).context.close();  // warm-up: untimed
  const ready = [];
  for (let i = 0; i < loads; i++) {
    const load = await benchPageLoad(browser, origin, query);
    if (load.problems.length) throw new Error(`bench page${query}: ${load.problems.join('; ')}`);
    ready.push({
      script_to_ready_ms: load.marks.ready - load.marks.scriptStart,
      navigation_to_script_ms: load.marks.scriptStart,
      navigation_to_ready_ms: load.marks.ready,
    });
    await load.context.close();
  }
  return ready;
}

async function engineInBrowser(browser, origin, profiles, native, { loads, runs, minMs }) {
  await (await benchPageLoad(browser, origin)).context.close();  // warm-up: untimed
  const ready = [];
  let last = null;
  for (let i = 0; i < loads; i++) {
    if (last) await last.context.close();
    last = await benchPageLoad(browser, origin);
    if (last.problems.length) throw new Error(`bench page: ${last.problems.join('; ')}`);
    ready.push({
      script_to_ready_ms: last.marks.ready - last.marks.scriptStart,
      navigation_to_script_ms: last.marks.scriptStart,
      navigation_to_ready_ms: last.marks.ready,
    });
  }
  const inputs = profiles.map((p) => p.profile);
  const answers = await last.page.evaluate((ps) => window.__bench.answers(ps), inputs);
  answers.forEach((a, i) => {
    if (a.text !== native[i]) {
      throw new Error(`Chromium: ${profiles[i].name}: evaluateText differs from the native CLI\n  wasm:   ${a.text.slice(0, 600)}\n  native: ${native[i].slice(0, 600)}`);
    }
    if (!a.objectMatches) throw new Error(`Chromium: ${profiles[i].name}: evaluate() is not evaluateText() parsed`);
    if (JSON.parse(a.text).status === 'error') throw new Error(`Chromium: ${profiles[i].name}: the engine answers an error: ${a.text.slice(0, 600)}`);
  });
  const timings = await last.page.evaluate(([ps, o]) => window.__bench.time(ps, o), [inputs, { runs, minMs }]);
  const userAgent = await last.page.evaluate(() => navigator.userAgent);
  await last.context.close();
  const variants = [];
  for (const v of STARTUP_VARIANTS) variants.push({ ...v, ready: await startupOf(browser, origin, v.query, loads) });
  const pick = (key) => median(ready.map((r) => r[key]));
  return {
    user_agent: userAgent,
    startup: {
      loads: ready.length,
      script_to_ready_median_ms: pick('script_to_ready_ms'),
      navigation_to_script_median_ms: pick('navigation_to_script_ms'),
      navigation_to_ready_median_ms: pick('navigation_to_ready_ms'),
      all: ready,
      variants: variants.map((v) => ({
        id: v.id,
        label: v.label,
        loads: v.ready.length,
        script_to_ready_median_ms: median(v.ready.map((r) => r.script_to_ready_ms)),
        all: v.ready,
      })),
    },
    profiles: profiles.map((p, i) => ({ name: p.name, status: JSON.parse(answers[i].text).status, ...timings[i] })),
  };
}

// --- 2 and 3. the widget ----------------------------------------------------------------------

// Runs in the page before any of its scripts (Playwright's init script, not subject to the CSP).
function watchWidget() {
  const marks = {};
  window.__ceMarks = marks;
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function defineAndMark(name, ...rest) {
    if (name === 'consular-eligibility' && marks.defined === undefined) marks.defined = performance.now();
    return define.call(this, name, ...rest);
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachAndWatch(init) {
    const root = attach.call(this, init);
    if (this.localName === 'consular-eligibility') {
      const observer = new MutationObserver(() => {
        const q = root.querySelector('[part~="question"]');
        if (marks.question === undefined && q && q.checkVisibility()) {
          marks.question = performance.now();
          marks.fact = q.getAttribute('data-fact');
          observer.disconnect();
          requestAnimationFrame(() => {
            marks.frame = performance.now();
            console.debug('__bench_widget_shown');  // WIDGET_SHOWN
          });
        }
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class', 'style'] });
    }
    return root;
  };
}

function category(url) {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('/engine.mjs')) return 'engine JS';  // the JS API with the Emscripten glue
  if (path.startsWith('/consular-eligibility/rules/')) return 'rules';
  if (path.startsWith('/consular-eligibility/') && /\.m?js$/.test(path)) return 'widget JS';
  if (path.startsWith('/consular-eligibility/') && path.endsWith('.css')) return 'widget CSS';
  return 'page/other';
}

async function widgetLoad(browser, origin) {
  const { context, page, problems } = await newContext(browser);
  await page.addInitScript(watchWidget);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await loadUntilSignal(page, problems, `${origin}/visa.html`, WIDGET_SHOWN, "/visa.html's first question");
  const marks = await page.evaluate(() => window.__ceMarks);
  // Playwright's own check that the question is what an applicant sees.
  await page.locator('consular-eligibility').locator('[part~="question"]').first().waitFor({ state: 'visible' });
  return { context, page, problems, marks, responses };
}

async function widgetInBrowser(browser, origin, { loads }) {
  await (await widgetLoad(browser, origin)).context.close();  // warm-up: untimed
  const times = [];
  let download = null;
  for (let i = 0; i < loads; i++) {
    const load = await widgetLoad(browser, origin);
    if (load.problems.length) throw new Error(`/visa.html: ${load.problems.join('; ')}`);
    const { marks } = load;
    times.push({
      navigation_to_question_ms: marks.question,
      navigation_to_frame_ms: marks.frame,
      script_to_frame_ms: marks.frame - marks.defined,
      navigation_to_script_ms: marks.defined,
      first_question: marks.fact,
    });
    if (i === 0) {
      // The first visit's download: every response that had arrived when the question was shown
      // (by the page's own Resource Timing: responseEnd against the frame's time).
      const ends = new Map(await load.page.evaluate(() => [
        ...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource'),
      ].map((e) => [e.name, e.responseEnd])));
      download = { files: [], after_first_question: [] };
      for (const r of load.responses) {
        let body;
        try {
          body = await r.body();
        } catch {
          continue;  // a redirect or an aborted request: no body
        }
        const end = ends.get(r.url());
        const entry = {
          url: new URL(r.url()).pathname,
          status: r.status(),
          category: category(r.url()),
          content_type: r.headers()['content-type'] || '',
          content_encoding: r.headers()['content-encoding'] || '',
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          response_end_ms: end ?? null,
        };
        if (end !== undefined && end > marks.frame) download.after_first_question.push(entry);
        else download.files.push(entry);
      }
    }
    await load.context.close();
  }
  const pick = (key) => median(times.map((t) => t[key]));
  return {
    loads: times.length,
    navigation_to_question_median_ms: pick('navigation_to_question_ms'),
    navigation_to_frame_median_ms: pick('navigation_to_frame_ms'),
    script_to_frame_median_ms: pick('script_to_frame_ms'),
    navigation_to_script_median_ms: pick('navigation_to_script_ms'),
    all: times,
    download,
  };
}

async function main() {
  const loads = option('--loads', 7);
  const runs = option('--runs', 7);
  const minMs = option('--min-ms', 50);
  const profiles = JSON.parse(readFileSync(join(HERE, '..', 'profiles.json'), 'utf8'));
  const native = nativeDecisions(profiles);

  const server = await startServer();
  const browser = await launchChromium();
  try {
    const engine = await engineInBrowser(browser, server.origin, profiles, native, { loads, runs, minMs });
    for (const p of engine.profiles) {
      console.error(`chromium: ${p.name.padEnd(18)} evaluate ${p.evaluate.median_us.toFixed(2)} µs  evaluateText ${p.evaluateText.median_us.toFixed(2)} µs  (from text ${p.evaluateTextFromText.median_us.toFixed(2)} µs)`);
    }
    console.error(`chromium: script start to ready engine ${engine.startup.script_to_ready_median_ms.toFixed(1)} ms (median of ${engine.startup.loads} fresh loads)`);
    for (const v of engine.startup.variants) console.error(`chromium:   with ${v.label}: ${v.script_to_ready_median_ms.toFixed(1)} ms`);
    const widget = await widgetInBrowser(browser, server.origin, { loads });
    console.error(`chromium: /visa.html navigation to first question ${widget.navigation_to_frame_median_ms.toFixed(1)} ms, widget script to first question ${widget.script_to_frame_median_ms.toFixed(1)} ms (median of ${widget.loads})`);
    process.stdout.write(`${JSON.stringify({ chromium: browser.version(), engine, widget })}\n`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
