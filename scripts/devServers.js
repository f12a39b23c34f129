/*
 * Starts the backend and frontend dev servers (each `backstage-cli package start`) in their own process
 * groups, waits until both answer, and stops both together. Used by `npm start` and by the browser
 * tests in `npm test`. Before the backend, a demo Prometheus with synthetic traffic for part of the
 * example organisation (plugins/arch-tradeoffs-backend/dev/prometheus/demo.ts) when a prometheus binary
 * is installed, so the backend has measured usage to read.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
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

function startServer(name, workspace, configs, { quiet, env = {} }) {
  const args = [backstageCli(), 'package', 'start'];
  for (const config of configs) args.push('--config', path.resolve(root, config));
  const child = spawn(process.execPath, args, {
    cwd: path.join(root, workspace),
    detached: true, // own process group, so stopping it also stops the node process it spawns
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
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

/** Same rule as findPrometheus in plugins/arch-tradeoffs-backend/dev/prometheus/prometheusServer.ts. */
function prometheusInstalled() {
  const executable = file => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  return (
    executable(process.env.PROMETHEUS_BIN || '/usr/bin/prometheus') &&
    executable(process.env.PROMTOOL_BIN || '/usr/bin/promtool')
  );
}

/**
 * The demo Prometheus in its own process group, once it answers queries (it prints its URL then):
 * `{ child, url }`, or undefined when it is turned off or not installed (one line says so). Its stdin
 * stays a pipe from this process, so it stops by itself if this process dies without stopping it.
 */
async function startDemoPrometheus({ quiet }) {
  if (process.env.ARCH_TRADEOFFS_DEMO_PROMETHEUS === '0') {
    console.log('Demo Prometheus off (ARCH_TRADEOFFS_DEMO_PROMETHEUS=0): no measured usage figures.');
    return undefined;
  }
  if (!prometheusInstalled()) {
    const message =
      'Measured usage figures are off: no Prometheus installed. `apt-get install prometheus` (or set ' +
      'PROMETHEUS_BIN and PROMTOOL_BIN) to run a demo Prometheus beside the backend.';
    if (process.env.ARCH_TRADEOFFS_REQUIRE_PROMETHEUS) throw new Error(message);
    console.log(message);
    return undefined;
  }
  const transform = require.resolve('@backstage/cli-node/config/nodeTransform.cjs', { paths: [root] });
  const demo = path.join(root, 'plugins/arch-tradeoffs-backend/dev/prometheus/demo.ts');
  const child = spawn(process.execPath, ['--require', transform, demo, '--until-stdin-closes'], {
    cwd: root,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.name = 'demo Prometheus';
  let stderr = '';
  child.stderr.on('data', chunk => {
    stderr = (stderr + chunk.toString()).slice(-8000);
    if (!quiet) process.stderr.write(chunk);
  });
  child.recentOutput = () => stderr;
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error('The demo Prometheus was not ready within 90 s')), 90_000);
    child.stdout.on('data', chunk => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      if (lines.length > 1) {
        clearTimeout(timer);
        resolve(lines[0].trim());
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`The demo Prometheus exited with code ${code}: ${stderr.trim()}`));
    });
  }).catch(async error => {
    await stop([child]);
    throw error;
  });
  return { child, url };
}

async function startDevServers({ configs = ['app-config.yaml'], backendUrl, frontendUrl, quiet = false }) {
  // The frontend compiles longest: start it while the demo Prometheus backfills.
  const frontend = startServer('frontend', 'plugins/arch-tradeoffs', configs, { quiet });
  let prometheus;
  try {
    prometheus = await startDemoPrometheus({ quiet });
  } catch (error) {
    if (process.env.ARCH_TRADEOFFS_REQUIRE_PROMETHEUS) {
      await stop([frontend]);
      throw error;
    }
    console.warn(`Measured usage figures are off: ${error.message}`);
  }
  // Backstage reads APP_CONFIG_<path with _ for .> variables as configuration (strings unless JSON).
  const env = prometheus ? { APP_CONFIG_archTradeoffs_usage_prometheus_baseUrl: prometheus.url } : {};
  const backend = startServer('backend', 'plugins/arch-tradeoffs-backend', configs, { quiet, env });
  const children = [backend, frontend, ...(prometheus ? [prometheus.child] : [])];
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
  return { children, prometheusUrl: prometheus?.url, stop: () => stop(children) };
}

module.exports = { startDevServers, startDemoPrometheus, backstageCli, root };
