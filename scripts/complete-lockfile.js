#!/usr/bin/env node
/*
 * Records every platform's optional native binary in package-lock.json.
 *
 * Why: some registries (mirrors that carry only the platforms they serve) answer 404 for other
 * platforms' binaries (@swc/core-darwin-arm64, @rollup/rollup-win32-x64-msvc, ...). npm then leaves
 * them out of the lockfile, and `npm ci` refuses it as "not in sync" (npm/cli#4828, #8805). Listing
 * them as optional entries, at the versions their parents pin, satisfies the check; npm skips optional
 * packages that do not fit the platform, so nothing extra is installed. Run after `npm install`.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

/** Platform fields from a binary's name, so npm can tell it does not fit without fetching it. */
function platformOf(name) {
  const fields = {};
  const os = name.match(/-(darwin|linux|win32|android|freebsd|openbsd|netbsd|sunos|aix|openharmony)-/);
  if (os) fields.os = [os[1]];
  const cpu = name.match(/-(arm64|x64|ia32|arm|ppc64|s390x|riscv64|loong64|wasm32)(-|$)/);
  if (cpu) fields.cpu = [cpu[1]];
  if (/-musl/.test(name)) fields.libc = ['musl'];
  else if (/-gnu/.test(name)) fields.libc = ['glibc'];
  return fields;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  if (!location.startsWith('node_modules/') || !entry.optionalDependencies) continue;
  // Binaries are hoisted beside their parent's top-level folder.
  const base = location.slice(0, location.lastIndexOf('node_modules/') + 'node_modules/'.length);
  for (const [name, version] of Object.entries(entry.optionalDependencies)) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `${base}${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) continue; // only exact pins are platform binaries
    packages[hoisted] = { version, optional: true, ...platformOf(name) };
    added++;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: recorded ${added} optional platform binaries`);
