// What the browser tests (tests/web/) and the browser benchmark (bench/browser/) share: Debian's
// Chromium with the flags these machines need (DESIGN.md, "Toolchain facts"), and a Node server
// script started on a free port.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Since Chromium 151's later point releases (Debian's 156 here) every new window pre-renders
  // the browser's own address-bar popup, a WebUI app, in a renderer of its own, headless too:
  // on these 2-core machines it ran beside each page under test and took a third of the CPU
  // while the page started. There is no address bar to pop up here. Puppeteer disables both
  // features by default for the same reason (puppeteer/puppeteer#15278; gotenberg/gotenberg#1656).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Runs `script` (a server that listens on PORT=0 and prints its "http://127.0.0.1:PORT/") and
 * resolves to { origin, stop() } once it has printed where it listens; `what` names it in errors.
 */
export async function startServerScript(script, what) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const origin = await new Promise((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${err}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveOrigin(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}): ${err}`)));
  });
  return {
    origin,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
