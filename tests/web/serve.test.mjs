// demo/serve.mjs sends what a careful mission sends: the strict CSP and the other security headers
// on every response, the right types, revalidation and compression; and it refuses paths that climb
// out of its folders, directory listings, dotfiles, its own tools and methods other than GET/HEAD.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { STRICT_CSP, startServer } from './support.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** A raw request: the path goes on the wire exactly as written (no URL normalisation). */
function request(path, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function assertSecurityHeaders(res, what) {
  assert.equal(res.headers['content-security-policy'], STRICT_CSP, what);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', what);
  assert.match(res.headers['permissions-policy'], /camera=\(\).*geolocation=\(\).*microphone=\(\)/, what);
  assert.equal(res.headers['x-frame-options'], 'DENY', what);
}

test('pages and the widget\'s files are served with their types and the security headers', async () => {
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/visa.html': 'text/html; charset=utf-8',
    '/site.css': 'text/css; charset=utf-8',
    '/site.js': 'text/javascript; charset=utf-8',
    '/consular-eligibility/consular-eligibility.js': 'text/javascript; charset=utf-8',
    '/consular-eligibility/consular-eligibility.css': 'text/css; charset=utf-8',
    '/consular-eligibility/engine.mjs': 'text/javascript; charset=utf-8',
    '/consular-eligibility/rules/visa.az.bin': 'application/octet-stream',
    '/consular-eligibility/eligibility.wasm': 'application/wasm',
    '/consular-eligibility/rules.json': 'application/json; charset=utf-8',
    '/rules/embassy-rules.json': 'application/json; charset=utf-8',
  };
  for (const [path, type] of Object.entries(expected)) {
    const res = await request(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], type, path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
    assert.ok(res.headers.etag, path);
    assertSecurityHeaders(res, path);
  }
  const wasm = await request('/consular-eligibility/eligibility.wasm');
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module');
});

test('errors carry the security headers too', async () => {
  const res = await request('/no-such-page.html');
  assert.equal(res.status, 404);
  assertSecurityHeaders(res, '404');
});

test('paths that climb out of their folder are refused', async () => {
  const attempts = [
    '/../Makefile', '/%2e%2e/Makefile', '/%2E%2E/%2E%2E/etc/passwd', '/consular-eligibility/../../Makefile',
    '/consular-eligibility/..%2f..%2fMakefile', '/consular-eligibility/..%2F..%2Fdemo%2Fserve.mjs',
    '/..%5c..%5cMakefile', '/consular-eligibility/%2e%2e%5cMakefile', '/rules/..%2f..%2f..%2fMakefile',
    '/site.css%00.html', '/%c0%ae%c0%ae/Makefile', '//etc/passwd', '/.%2e/Makefile',
  ];
  for (const path of attempts) {
    const res = await request(path);
    assert.ok([400, 404].includes(res.status), `${path}: ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /\.PHONY|root:x:0/, `${path} leaked a file`);
  }
});

test('no listings, no dotfiles, no server code, only GET and HEAD', async () => {
  for (const path of ['/consular-eligibility/', '/rules/', '/consular-eligibility', '/.gitignore', '/serve.mjs',
    '/make-mission-rules.mjs', '/consular-eligibility/missing.js', '/README']) {
    assert.equal((await request(path)).status, 404, path);
  }
  const post = await request('/', { method: 'POST' });
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
  const head = await request('/consular-eligibility/eligibility.wasm', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers['content-type'], 'application/wasm');
});

test('files are revalidated with their ETag and compressed when the browser accepts it', async () => {
  const first = await request('/consular-eligibility/consular-eligibility.js');
  const again = await request('/consular-eligibility/consular-eligibility.js', { headers: { 'If-None-Match': first.headers.etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  const gz = await request('/consular-eligibility/eligibility.wasm', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gz.headers.vary, 'Accept-Encoding');
  const plain = await request('/consular-eligibility/eligibility.wasm');
  assert.ok(gz.body.length < plain.body.length / 2);
  assert.ok(gunzipSync(gz.body).equals(plain.body));
});
