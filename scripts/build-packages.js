#!/usr/bin/env node
/*
 * `npm run build:packages`: what a release publishes. Type declarations (`tsc` into dist-types/), then
 * `backstage-cli package build` of common, backend and frontend, in that order. The output (dist/ in
 * each package) is git-ignored; `npm pack` / `npm publish` ship it (see scripts/packing.js).
 */
const { buildPackages } = require('./packing');

try {
  const started = Date.now();
  buildPackages({ log: line => console.log(`• ${line}`) });
  console.log(
    `Built the three packages in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
