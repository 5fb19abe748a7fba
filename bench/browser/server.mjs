#!/usr/bin/env node
// The demo site (demo/serve.mjs, unchanged: its own request handler, headers and CSP) plus one
// route of the benchmark's own: /__bench__/ serves the bench page (bench/browser/page/) and the
// timing helpers (bench/lib/), with the demo's security headers, so the page runs from the same
// origin under the same Content-Security-Policy as the widget.
//
//   PORT=0 node bench/browser/server.mjs     prints "Benchmark server: http://127.0.0.1:PORT/"
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoServer, SECURITY_HEADERS } from '../../demo/serve.mjs';

const BENCH = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = {
  '/__bench__/bench.html': [join(BENCH, 'browser/page/bench.html'), 'text/html; charset=utf-8'],
  '/__bench__/bench.mjs': [join(BENCH, 'browser/page/bench.mjs'), 'text/javascript; charset=utf-8'],
  '/__bench__/measure.mjs': [join(BENCH, 'lib/measure.mjs'), 'text/javascript; charset=utf-8'],
};

const demo = createDemoServer();
const demoHandler = demo.listeners('request')[0];

const server = http.createServer(async (req, res) => {
  const path = (req.url || '/').split(/[?#]/)[0];
  if (!path.startsWith('/__bench__/')) {
    demoHandler(req, res);
    return;
  }
  const file = FILES[path];
  if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return;
  }
  const body = await readFile(file[0]);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file[1], 'Cache-Control': 'no-store', 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
});

const port = Number.parseInt(process.env.PORT ?? '0', 10);
const host = process.env.HOST || '127.0.0.1';
server.listen(port, host, () => {
  console.log(`Benchmark server: http://${host}:${server.address().port}/`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
