#!/usr/bin/env node
/*
 * `npm run api-reports`: one API report per package entry point (plugins/<pkg>/report.api.md, and
 * report-alpha.api.md for the frontend's /alpha), written by @backstage/repo-tools (API Extractor)
 * from fresh declarations (`tsc -p scripts/tsconfig.packages.json` into dist-types/). Commit them with any change to a public API.
 * `npm run api-reports:check` (`--ci`, run by `npm test`) fails when a report is not what the sources
 * give, i.e. when the public API changed and its report was not regenerated.
 *
 * Warnings (an export without a @public / @alpha / @internal release tag, a type used but not
 * exported) are written into the reports rather than failing the run (`--allow-all-warnings`).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const ci = process.argv.includes('--ci');

function run(args) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

// From scratch: an incremental tsc that finds its .tsbuildinfo but not its output emits nothing.
fs.rmSync(path.join(root, 'dist-types'), { recursive: true, force: true });
if (
  run([
    require.resolve('typescript/bin/tsc', { paths: [root] }),
    '-p',
    path.join(__dirname, 'tsconfig.packages.json'),
  ]) !== 0
) {
  console.error('API reports: tsc failed, so the reports cannot be made.');
  process.exit(1);
}
const repoTools = require.resolve(
  '@backstage/repo-tools/bin/backstage-repo-tools',
  { paths: [root] },
);
const status = run([
  repoTools,
  'api-reports',
  '--allow-all-warnings',
  // This message names a file by its absolute path, which differs from one checkout to another.
  '--omit-messages',
  'ae-wrong-input-file-type',
  ...(ci ? ['--ci'] : []),
  'plugins/arch-tradeoffs',
  'plugins/arch-tradeoffs-backend',
  'plugins/arch-tradeoffs-common',
]);
if (status !== 0 && ci) {
  console.error(
    '\nThe API reports (plugins/*/report*.api.md) do not match the sources: run `npm run api-reports` and commit the result.',
  );
}
process.exit(status);
