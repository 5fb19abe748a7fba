#!/usr/bin/env node
// The demo mission website, served the way a careful mission would serve the widget.
//
//   node demo/serve.mjs            http://127.0.0.1:8080/ (PORT=0 picks a free port)
//
//   /                        demo/ (the sample embassy pages)
//   /consular-eligibility/   build/web/consular-eligibility/ (`make web`: the folder a mission copies)
//   /rules/                  build/web/demo-rules/ (the demo embassy's own rules file, for rules-src)
//
// Every response carries the strict Content-Security-Policy the widget is built for, nosniff, no
// referrer and a Permissions-Policy that denies every powerful feature (the widget uses none).
// Only GET and HEAD; only files of known types; no directory listings, no dotfiles, and any path
// that tries to climb out of its folder ('..', encoded or not, backslashes, NUL) is refused.
// Files are revalidated on every use (Cache-Control: no-cache with an ETag), so a mission that
// replaces rules.json or the widget is seen at once, and compressed with gzip when the browser
// accepts it. No dependencies beyond Node.js.

import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, readFile, realpath } from 'node:fs/promises';
import { dirname, join, resolve, sep, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': [
    'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen',
    'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture',
    'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
  ].map((feature) => `${feature}=()`).join(', '),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',  // compiled rule packs
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.wasm', '.bin', '.svg', '.txt']);

// Longest prefix first. `hide`: the demo folder also holds this server and its tools (.mjs), which
// are not part of the site.
const MOUNTS = [
  { prefix: '/consular-eligibility/', dir: join(ROOT, 'build', 'web', 'consular-eligibility') },
  { prefix: '/rules/', dir: join(ROOT, 'build', 'web', 'demo-rules') },
  { prefix: '/', dir: join(ROOT, 'demo'), index: 'index.html', hide: new Set(['.mjs']) },
];

const gzipCache = new Map();

function send(res, status, headers, body, head) {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(head ? undefined : body);
}

function plain(res, status, text, head, extra = {}) {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra }, `${text}\n`, head);
}

/** The segments of a request path, decoded, or null when the path must be refused. */
export function pathSegments(rawPath) {
  const segments = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

async function handle(req, res) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    plain(res, 405, 'Method not allowed', false, { Allow: 'GET, HEAD' });
    return;
  }
  const rawPath = (req.url || '/').split(/[?#]/)[0];
  if (!rawPath.startsWith('/')) return plain(res, 400, 'Bad request', head);
  const segments = pathSegments(rawPath);
  if (segments === null) return plain(res, 400, 'Bad request', head);
  const path = `/${segments.join('/')}`;
  const mount = MOUNTS.find((m) => path.startsWith(m.prefix) || `${path}/` === m.prefix);
  if (!mount) return plain(res, 404, 'Not found', head);
  const rest = path.length > mount.prefix.length ? path.slice(mount.prefix.length).split('/') : [''];
  if (rest.some((s) => s.startsWith('.'))) return plain(res, 404, 'Not found', head);
  if (rest[rest.length - 1] === '') {
    if (!mount.index) return plain(res, 404, 'Not found', head);
    rest[rest.length - 1] = mount.index;
  }
  const ext = extname(rest[rest.length - 1]).toLowerCase();
  if (!TYPES[ext] || (mount.hide && mount.hide.has(ext))) return plain(res, 404, 'Not found', head);

  let file = resolve(mount.dir, ...rest);
  let info;
  try {
    // Resolve links too: what is served must really live inside the mount's folder.
    const base = await realpath(mount.dir);
    file = await realpath(file);
    if (!file.startsWith(base + sep)) return plain(res, 404, 'Not found', head);
    info = await stat(file);
  } catch {
    return plain(res, 404, 'Not found', head);
  }
  if (!info.isFile()) return plain(res, 404, 'Not found', head);

  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': TYPES[ext],
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
  };
  if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
  const match = req.headers['if-none-match'];
  if (match && match.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) {
    send(res, 304, headers, undefined, true);
    return;
  }
  const acceptsGzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
  if (COMPRESSIBLE.has(ext) && acceptsGzip && info.size > 512) {
    const key = `${file}:${etag}`;
    let body = gzipCache.get(key);
    if (!body) {
      body = gzipSync(await readFile(file), { level: 9 });
      gzipCache.set(key, body);
    }
    send(res, 200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length }, body, head);
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, ...headers, 'Content-Length': info.size });
  if (head) {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

export function createDemoServer() {
  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('serve:', err);
      if (!res.headersSent) plain(res, 500, 'Internal server error', req.method === 'HEAD');
      else res.destroy();
    });
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const port = Number.parseInt(process.env.PORT ?? '8080', 10);
  const host = process.env.HOST || '127.0.0.1';
  const server = createDemoServer();
  server.on('error', (err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, host, async () => {
    const { port: actual } = server.address();
    try {
      await stat(join(MOUNTS[0].dir, 'consular-eligibility.js'));
    } catch {
      console.error('serve: build/web/consular-eligibility/ is missing: run `make web` first (or use `make demo`).');
    }
    console.log(`Demo mission website: http://${host}:${actual}/  (Ctrl+C to stop)`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
