// Assembles the folder a mission copies (docs/embedding.md, section 1), minified:
//
//   node scripts/build-web.mjs OUT_DIR WASM_DIST RULES_BUNDLE
//   MINIFY=0 node scripts/build-web.mjs …     the same, readable (for profiling in a browser)
//
// The widget's modules become one script plus one chunk per language (web/i18n.js imports each
// language with its own static import(), so only the applicant's language is fetched). The engine
// API (engine.mjs) stays a file of its own: it is the public JS API too, and the widget starts
// loading it at once; the Emscripten glue is bundled into it, so that a browser learns of the
// WebAssembly after one request rather than two in a row. Everything is minified, nothing is
// renamed that a page can see (the element's name, attributes, parts, events, custom properties).
//
// The folder is written beside OUT_DIR and moved into place at the end, so a failed build never
// leaves a half-updated folder behind.
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import * as esbuild from 'esbuild';

const [outDir, wasmDist, rulesBundle] = process.argv.slice(2);
if (!outDir || !wasmDist || !rulesBundle) {
  console.error('usage: node scripts/build-web.mjs OUT_DIR WASM_DIST RULES_BUNDLE');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = `${outDir}.tmp`;

// ES2022 is what the widget already requires (private class fields; docs/embedding.md, section 9).
const TARGET = 'es2022';
const MINIFY = process.env.MINIFY !== '0';
const LEGAL_COMMENTS = 'none';
// Azerbaijani and Russian texts as themselves, not \u escapes: a third smaller before gzip.
// Module scripts are always decoded as UTF-8.
const CHARSET = 'utf8';
// Nearly every function of these scripts runs while the widget starts (its shell, the first
// question, the engine's glue). This V8 compile hint (Chrome 136 and later; a comment elsewhere)
// has them compiled while each file streams in, off the main thread, instead of one at a time on
// the main thread at first call. Traces of /visa.html's start (bench/README.md, "Where the time
// goes"): the main thread's JavaScript compiling fell from 25-40 ms to 4-5 ms.
const COMPILE_HINT = { js: '//# allFunctionsCalledOnLoad' };

await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });

await esbuild.build({
  entryPoints: [join(root, 'web/consular-eligibility.js')],
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: TARGET,
  minify: MINIFY,
  legalComments: LEGAL_COMMENTS,
  charset: CHARSET,
  // The engine is loaded by the widget at run time and is a public module of its own.
  external: ['./engine.mjs'],
  chunkNames: '[name]-[hash]',
  banner: COMPILE_HINT,
  logLevel: 'warning',
});

await esbuild.build({
  entryPoints: [join(root, 'web/consular-eligibility.css')],
  outdir: staging,
  bundle: true,
  minify: MINIFY,
  charset: CHARSET,
  logLevel: 'warning',
});

// The engine API with the Emscripten glue it imports: one ES module with engine.mjs's exports
// (import.meta.url, now engine.mjs's own, keeps locating eligibility.wasm and rules/ beside it).
await esbuild.build({
  entryPoints: [join(wasmDist, 'engine.mjs')],
  outfile: join(staging, 'engine.mjs'),
  // engine.mjs also runs in Node, where it imports node:fs/promises at run time.
  external: ['node:*'],
  banner: COMPILE_HINT,
  bundle: true,
  format: 'esm',
  target: TARGET,
  minify: MINIFY,
  legalComments: LEGAL_COMMENTS,
  charset: CHARSET,
  logLevel: 'warning',
});
await cp(join(wasmDist, 'engine.d.ts'), join(staging, 'engine.d.ts'));
await cp(join(wasmDist, 'eligibility.wasm'), join(staging, 'eligibility.wasm'));
await cp(join(wasmDist, 'rules'), join(staging, 'rules'), { recursive: true });
await cp(rulesBundle, join(staging, 'rules.json'));

await rm(outDir, { recursive: true, force: true });
await rename(staging, outDir);

// What was built, raw and gzip, so that a size regression is seen at the build.
const rows = [];
for (const name of (await readdir(outDir)).sort()) {
  const path = join(outDir, name);
  if ((await stat(path)).isDirectory()) continue;
  const bytes = await readFile(path);
  rows.push([name, bytes.length, gzipSync(bytes, { level: 9 }).length]);
}
const width = Math.max(...rows.map(([name]) => name.length));
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${basename(outDir)}/ (KB raw, KB gzip)`);
for (const [name, raw, gz] of rows) console.log(`  ${name.padEnd(width)} ${kb(raw)} ${kb(gz)}`);
