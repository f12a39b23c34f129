/*
 * Starts the backend and frontend dev servers (each `backstage-cli package start`) in their own process
 * groups, waits until both answer, and stops both together. Used by `npm start` and by the browser
 * tests in `npm test`.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/**
 * The installed Backstage CLI, run with this Node.js. Not `npx backstage-cli`: without node_modules,
 * npx would fetch an unrelated package of that name instead of saying that `npm ci` is missing.
 */
function backstageCli() {
  try {
    return require.resolve('@backstage/cli/bin/backstage-cli', { paths: [root] });
  } catch {
    throw new Error('The Backstage CLI is not installed: run `npm ci` first.');
  }
}

function startServer(name, workspace, configs, { quiet }) {
  const args = [backstageCli(), 'package', 'start'];
  for (const config of configs) args.push('--config', path.resolve(root, config));
  const child = spawn(process.execPath, args, {
    cwd: path.join(root, workspace),
    detached: true, // own process group, so stopping it also stops the node process it spawns
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
  });
  const output = [];
  if (quiet) {
    const keep = chunk => {
      output.push(chunk.toString());
      if (output.length > 400) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
  }
  child.name = name;
  child.recentOutput = () => output.join('');
  return child;
}

async function waitFor(url, { timeoutMs, child }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${child.name} exited with code ${child.exitCode} before ${url} answered`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Asks both process groups to stop, and kills what is left after a grace period: the backend's graceful
 * shutdown can wait on open connections for longer than anyone wants to wait after Ctrl-C.
 */
async function stop(children, graceMs = 5000) {
  for (const child of children) signalGroup(child.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && children.some(c => groupAlive(c.pid))) {
    await new Promise(r => setTimeout(r, 200));
  }
  for (const child of children) {
    if (groupAlive(child.pid)) signalGroup(child.pid, 'SIGKILL');
  }
}

async function startDevServers({ configs = ['app-config.yaml'], backendUrl, frontendUrl, quiet = false }) {
  const backend = startServer('backend', 'plugins/arch-tradeoffs-backend', configs, { quiet });
  const frontend = startServer('frontend', 'plugins/arch-tradeoffs', configs, { quiet });
  const children = [backend, frontend];
  try {
    await Promise.all([
      waitFor(`${backendUrl}/api/arch-tradeoffs/health`, { timeoutMs: 180_000, child: backend }),
      waitFor(frontendUrl, { timeoutMs: 300_000, child: frontend }),
    ]);
  } catch (error) {
    if (quiet) {
      for (const child of children) process.stderr.write(`--- ${child.name} output ---\n${child.recentOutput()}\n`);
    }
    await stop(children);
    throw error;
  }
  return { children, stop: () => stop(children) };
}

module.exports = { startDevServers, backstageCli, root };
