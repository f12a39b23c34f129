#!/usr/bin/env node
/*
 * `npm test`: every test.
 *  1. Unit and integration tests of all packages (`backstage-cli repo test`, never in watch mode), on
 *     SQLite and, when BACKSTAGE_TEST_DATABASE_POSTGRES*_CONNECTION_STRING is set, on PostgreSQL too.
 *     Tests against a real Prometheus need Debian's prometheus package (/usr/bin/prometheus and
 *     promtool, or PROMETHEUS_BIN / PROMTOOL_BIN); without it they are skipped with the reason printed,
 *     and with ARCH_TRADEOFFS_REQUIRE_PROMETHEUS=1 (as in CI) they fail.
 *  2. Browser tests: the real backend and frontend on ports 7017 / 3017 (so a running `npm start` is not
 *     disturbed) and headless Chromium driven by playwright-core. With Prometheus installed the backend
 *     reads the demo Prometheus (its URL is in ARCH_TRADEOFFS_E2E_PROMETHEUS, empty without one).
 *  3. Packaging (after 1 and 2 pass): scripts/packaging.test.js packs the three packages and checks what
 *     each tarball holds; `npm run api-reports:check` checks the API reports against the sources.
 * Browser tests need Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it they are not
 * run and the reason is printed; with ARCH_TRADEOFFS_REQUIRE_BROWSER=1 (as in CI) that is a failure.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startDevServers, backstageCli, root } = require('./devServers');

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

async function main() {
  const extra = process.argv.slice(2);
  const unit = run(process.execPath, [backstageCli(), 'repo', 'test', ...extra], {
    CI: 'true',
    BACKSTAGE_TEST_DISABLE_DOCKER: '1',
  });
  if (unit !== 0) return unit;

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    const message = `Browser tests not run: no Chromium at ${chromium}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`;
    if (process.env.ARCH_TRADEOFFS_REQUIRE_BROWSER) {
      console.error(message);
      return 1;
    }
    console.warn(`\n${message}\n`);
    return 0;
  }

  const backendUrl = 'http://localhost:7017';
  const frontendUrl = 'http://localhost:3017';
  console.log('\nStarting backend and frontend for the browser tests…');
  const servers = await startDevServers({
    configs: ['app-config.yaml', 'e2e/app-config.e2e.yaml'],
    backendUrl,
    frontendUrl,
    quiet: true,
  });
  try {
    const files = fs
      .readdirSync(path.join(root, 'e2e'))
      .filter(f => f.endsWith('.e2e.ts'))
      .map(f => path.join('e2e', f));
    return run(
      process.execPath,
      ['--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs'), '--test', '--test-concurrency=1', ...files],
      {
        ARCH_TRADEOFFS_E2E_FRONTEND: frontendUrl,
        ARCH_TRADEOFFS_E2E_BACKEND: backendUrl,
        ARCH_TRADEOFFS_E2E_PROMETHEUS: servers.prometheusUrl ?? '',
        CHROMIUM_PATH: chromium,
      },
    );
  } finally {
    await servers.stop();
  }
}

/**
 * 3. Packaging: the packed packages hold what a consumer needs (scripts/packaging.test.js), and the API
 *    reports (report*.api.md in each package) match the sources (`npm run api-reports:check`).
 */
function packaging() {
  const tests = run(process.execPath, [
    '--test',
    path.join('scripts', 'packaging.test.js'),
  ]);
  if (tests !== 0) return tests;
  return run(process.execPath, [
    path.join('scripts', 'api-reports.js'),
    '--ci',
  ]);
}

main().then(
  code => process.exit(code === 0 ? packaging() : code),
  error => {
    console.error(error);
    process.exit(1);
  },
);
