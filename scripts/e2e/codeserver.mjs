// Starting and stopping code-server (a real VS Code build) and installing a .vsix into it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_DIR, run } from './common.mjs';

const ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

/** stop() of every code-server started and not yet stopped, so an interrupt can end them. */
export const running = new Set();

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `code-server --install-extension VSIX` into a fresh extensions dir; returns the installed extension ids. */
export function installExtension({ vsix, extensionsDir, userDataDir }) {
  const common = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  const out = run(process.execPath, [ENTRY, ...common, '--force', '--install-extension', vsix], { timeoutMs: 120_000 });
  const list = run(process.execPath, [ENTRY, ...common, '--list-extensions', '--show-versions'], { timeoutMs: 60_000 })
    .split('\n').map((s) => s.trim()).filter((s) => /^[\w-]+\.[\w-]+@/.test(s));
  return { output: out.trim(), extensions: list };
}

/**
 * Starts code-server on 127.0.0.1:port with fresh dirs; resolves once /healthz answers.
 * Its output goes to logFile. Returns { url, stop }.
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, logFile, timeoutMs = 60_000 }) {
  const args = [
    ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: CODE_SERVER_DIR,
    stdio: ['ignore', log, log],
    detached: true, // own process group, so stop() ends code-server and everything it started, and nothing else
    env: { ...process.env, VSCODE_PROXY_URI: '', CS_DISABLE_PROXY: '1' },
  });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const url = `http://127.0.0.1:${port}`;
  let stopping = null;
  const stop = () => (stopping ??= new Promise((resolve) => {
    running.delete(stop);
    const done = () => { try { fs.closeSync(log); } catch {} resolve(); };
    if (exited) return done();
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, 5000);
    child.once('exit', () => { clearTimeout(t); done(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { clearTimeout(t); done(); }
  }));
  running.add(stop);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited during startup (${JSON.stringify(exited)}); see ${logFile}`);
    if (await healthy(url)) return { url, stop, pid: child.pid };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url}/healthz within ${timeoutMs / 1000}s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function healthy(url) {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}
