/*
 * The three publishable packages: building them as `npm publish` would ship them, packing them, and
 * checking what a tarball holds. Used by scripts/verify-install.js (the install check against a fresh
 * Backstage app) and scripts/packaging.test.js (the unit test of the packed file lists).
 *
 * A package's package.json points at src/ in the repository (so tests, `npm start` and the other
 * packages use the sources); `npm pack` runs `backstage-cli package prepack`, which applies
 * `publishConfig` and rewrites `exports` to dist/, compiles config.d.ts into config.schema.json, and
 * `postpack` restores package.json afterwards.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** In dependency order: the common package first. */
const PACKAGES = [
  {
    name: '@arch-tradeoffs/plugin-arch-tradeoffs-common',
    dir: 'plugins/arch-tradeoffs-common',
    required: [
      'dist/index.cjs.js',
      'dist/index.esm.js',
      'dist/index.d.ts',
      'config.schema.json',
    ],
    allowed: [/^dist\//, /^config\.schema\.json$/],
    // the frontend runs the same engine for the what-if, so pricing must reach the browser
    schema: {
      path: ['archTradeoffs', 'pricing'],
      key: 'deepVisibility',
      value: 'frontend',
    },
  },
  {
    name: '@arch-tradeoffs/plugin-arch-tradeoffs-backend',
    dir: 'plugins/arch-tradeoffs-backend',
    required: ['dist/index.cjs.js', 'dist/index.d.ts', 'config.schema.json'],
    allowed: [/^dist\//, /^config\.schema\.json$/, /^migrations\/[^/]+\.js$/],
    migrations: true,
    // Prometheus headers carry tokens: secret, never sent to the browser
    schema: {
      path: ['archTradeoffs', 'usage', 'prometheus', 'headers'],
      key: 'visibility',
      value: 'secret',
    },
  },
  {
    name: '@arch-tradeoffs/plugin-arch-tradeoffs',
    dir: 'plugins/arch-tradeoffs',
    required: [
      'dist/index.esm.js',
      'dist/index.d.ts',
      'dist/alpha.esm.js',
      'dist/alpha.d.ts',
    ],
    allowed: [/^dist\//],
  },
];

/** What every tarball carries besides its build. */
const ALWAYS = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/** Never in a tarball, wherever they are. */
const FORBIDDEN = [
  /(^|\/)src\//,
  /(^|\/)dev\//,
  /(^|\/)bench\//,
  /\.test\.[cm]?[jt]sx?(\.map)?$/,
  /(^|\/)__(fixtures|testUtils|mocks)__(\/|\.|$)/,
  /(^|\/)setupTests\./,
  /\.cpuprofile$/,
  /\.tsbuildinfo$/,
];

function run(command, args, { cwd = root, env = {}, label } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
      .trim()
      .split('\n')
      .slice(-40)
      .join('\n');
    throw new Error(
      `${label ?? `${command} ${args.join(' ')}`} failed (exit ${result.status ?? result.signal}) in ${path.relative(root, cwd) || '.'}:\n${output}`,
    );
  }
  return result.stdout;
}

function backstageCli() {
  return require.resolve('@backstage/cli/bin/backstage-cli', { paths: [root] });
}

/**
 * The packages' declarations into dist-types/ (`tsc -p scripts/tsconfig.packages.json`: their sources
 * without tests, so that dev/, bench/ and e2e/ do not hold up a release; from scratch, as an
 * incremental build that finds its .tsbuildinfo but not its output emits nothing), then
 * `backstage-cli package build` of each package, common first. The type declarations in dist/ are
 * bundled from dist-types.
 */
function buildPackages({ log = () => {} } = {}) {
  fs.rmSync(path.join(root, 'dist-types'), { recursive: true, force: true });
  log('tsc -p scripts/tsconfig.packages.json (declarations into dist-types/)');
  run(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc', { paths: [root] }),
      '-p',
      path.join(__dirname, 'tsconfig.packages.json'),
    ],
    { label: 'tsc -p scripts/tsconfig.packages.json' },
  );
  for (const pkg of PACKAGES) {
    log(`backstage-cli package build (${pkg.dir})`);
    run(process.execPath, [backstageCli(), 'package', 'build'], {
      cwd: path.join(root, pkg.dir),
      label: `backstage-cli package build of ${pkg.name}`,
    });
  }
}

/** `npm pack` of one package into `destination`: the tarball's path, its file list and its package.json. */
function packPackage(pkg, destination) {
  fs.mkdirSync(destination, { recursive: true });
  const out = run(
    'npm',
    ['pack', '--json', '--pack-destination', destination],
    {
      cwd: path.join(root, pkg.dir),
      label: `npm pack of ${pkg.name}`,
    },
  );
  // npm prints the prepack/postpack scripts' output before the JSON
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  const tarball = path.join(destination, info.filename);
  const packageJson = JSON.parse(
    run('tar', ['-xzOf', tarball, 'package/package.json'], {
      label: `reading ${info.filename}`,
    }),
  );
  const configSchema =
    typeof packageJson.configSchema === 'string' &&
    info.files.some(f => f.path === packageJson.configSchema)
      ? JSON.parse(
          run('tar', ['-xzOf', tarball, `package/${packageJson.configSchema}`]),
        )
      : undefined;
  const declarations = {};
  for (const { path: file } of info.files) {
    if (/^dist\/[^/]+\.d\.ts$/.test(file)) {
      declarations[file] = run('tar', ['-xzOf', tarball, `package/${file}`]);
    }
  }
  return {
    tarball,
    files: info.files.map(f => f.path).sort(),
    packageJson,
    configSchema,
    declarations,
  };
}

function schemaNode(schema, keys) {
  let node = schema;
  for (const key of keys) {
    node = node?.properties?.[key];
    if (!node) return undefined;
  }
  return node;
}

/** Every path a package.json entry point points at (main, module, types, exports, typesVersions). */
function entryPoints(packageJson) {
  const targets = [];
  for (const key of ['main', 'module', 'types']) {
    if (typeof packageJson[key] === 'string')
      targets.push([key, packageJson[key]]);
  }
  const walk = (value, where) => {
    if (typeof value === 'string') targets.push([where, value]);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        // `backstage` is the feature type backstage-cli records beside the paths (e.g. @backstage/FrontendPlugin)
        if (k !== 'backstage') walk(v, `${where}.${k}`);
      }
    }
  };
  walk(packageJson.exports, 'exports');
  walk(packageJson.typesVersions, 'typesVersions');
  return targets;
}

/**
 * What is wrong with a packed package: missing files, files a consumer must not get, entry points
 * that lead outside the build, a config schema without its visibility. Empty when all is well.
 * `repoMigrations`: the backend's migration files in the repository, all of which must ship.
 */
function checkPacked(
  pkg,
  { files, packageJson, configSchema },
  { repoMigrations = [] } = {},
) {
  const problems = [];
  const has = new Set(files);
  for (const file of [...ALWAYS, ...pkg.required]) {
    if (!has.has(file)) problems.push(`missing ${file}`);
  }
  for (const file of files) {
    if (FORBIDDEN.some(re => re.test(file)))
      problems.push(`must not ship ${file}`);
    else if (!ALWAYS.includes(file) && !pkg.allowed.some(re => re.test(file))) {
      problems.push(`unexpected file ${file}`);
    }
  }
  if (!files.some(f => /^dist\/.*\.d\.ts$/.test(f)))
    problems.push('no type declarations (dist/*.d.ts)');
  for (const [where, target] of entryPoints(packageJson)) {
    const file = target.replace(/^\.\//, '');
    if (!file.startsWith('dist/') && file !== 'package.json') {
      problems.push(`${where} points at ${target}, not at the build in dist/`);
    } else if (!has.has(file)) {
      problems.push(
        `${where} points at ${target}, which is not in the tarball`,
      );
    }
  }
  if (packageJson.private) problems.push('package.json says "private": true');
  for (const key of ['license', 'repository', 'description', 'keywords']) {
    if (!packageJson[key]) problems.push(`package.json has no ${key}`);
  }
  if (
    !packageJson.backstage?.pluginId ||
    !packageJson.backstage?.pluginPackages
  ) {
    problems.push('package.json has no backstage.pluginId / pluginPackages');
  }
  if (pkg.schema) {
    if (!configSchema)
      problems.push(
        `configSchema (${packageJson.configSchema}) is not in the tarball`,
      );
    else {
      const node = schemaNode(configSchema, pkg.schema.path);
      if (!node)
        problems.push(`config schema has no ${pkg.schema.path.join('.')}`);
      else if (node[pkg.schema.key] !== pkg.schema.value) {
        problems.push(
          `config schema: ${pkg.schema.path.join('.')} has ${pkg.schema.key} ${node[pkg.schema.key]}, expected ${pkg.schema.value}`,
        );
      }
    }
  }
  if (pkg.migrations) {
    for (const migration of repoMigrations) {
      if (!has.has(`migrations/${migration}`))
        problems.push(`missing migrations/${migration}`);
    }
  }
  return problems;
}

const BUILTIN = new Set(require('node:module').builtinModules);

/** The packages a declaration file imports (bare specifiers, reduced to the package name). */
function declarationImports(text) {
  const names = new Set();
  for (const m of text.matchAll(
    /(?:from|import)\s*\(?\s*['"]([^'"./][^'"]*)['"]/g,
  )) {
    const spec = m[1].replace(/^node:/, '');
    const name = spec.startsWith('@')
      ? spec.split('/').slice(0, 2).join('/')
      : spec.split('/')[0];
    if (!BUILTIN.has(name)) names.add(name);
  }
  return [...names].sort();
}

/**
 * What is wrong with the type declarations the tarballs ship (each package's dist/*.d.ts): a package
 * they import that the packed package.json does not depend on (an adopter's type check cannot find
 * it), and declarations that do not compile on their own, such as a public type that refers to an
 * `@internal` one (stripped from the build). Compiled as sources (.ts), so that `skipLibCheck` does
 * not hide them; other imports resolve from this repository's node_modules, the sibling packages'
 * from their packed declarations.
 */
function checkDeclarations(packedByName) {
  const problems = [];
  // inside node_modules/.cache, so that imports resolve from this repository's node_modules as usual
  const cacheDir = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cacheDir, 'arch-tradeoffs-dts-'));
  try {
    const paths = {};
    const files = [];
    for (const [name, { declarations, packageJson }] of Object.entries(
      packedByName,
    )) {
      const declared = new Set([
        ...Object.keys(packageJson.dependencies ?? {}),
        ...Object.keys(packageJson.peerDependencies ?? {}),
      ]);
      const pkgDir = path.join(dir, name.replace('/', '__'));
      fs.mkdirSync(pkgDir, { recursive: true });
      for (const [file, text] of Object.entries(declarations)) {
        for (const imported of declarationImports(text)) {
          if (!declared.has(imported) && imported !== name) {
            problems.push(
              `${name}: ${file} imports ${imported}, which is not a dependency or peer dependency`,
            );
          }
        }
        const entry = file.replace(/^dist\//, '').replace(/\.d\.ts$/, '');
        const target = path.join(pkgDir, `${entry}.ts`);
        fs.writeFileSync(target, text);
        files.push(target);
        paths[entry === 'index' ? name : `${name}/${entry}`] = [target];
      }
    }
    const tsconfig = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          module: 'ES2020',
          moduleResolution: 'bundler',
          target: 'ES2022',
          jsx: 'react-jsx',
          lib: ['DOM', 'ES2023'],
          types: ['node'],
          baseUrl: dir,
          paths,
        },
        files,
      }),
    );
    const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
    const result = spawnSync(
      process.execPath,
      [tsc, '-p', tsconfig, '--pretty', 'false'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) {
      const output = `${result.stdout}${result.stderr}`.trim();
      const errors = output
        .split('\n')
        .filter(line => /error TS/.test(line))
        .map(line =>
          line
            .replace(`${dir}/`, '')
            .replace('__', '/')
            .replace(/\.ts\(/, '.d.ts('),
        );
      if (errors.length === 0) errors.push(output);
      problems.push(
        ...errors
          .slice(0, 20)
          .map(e => `type declarations do not compile: ${e}`),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

/** The backend's migrations in the repository (what the tarball must carry). */
function repoMigrations(pkg) {
  const dir = path.join(root, pkg.dir, 'migrations');
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter(f => f.endsWith('.js'))
        .sort()
    : [];
}

/** Packs every package into `destination` and checks each; throws with every problem found. */
function packAll(destination, { log = () => {} } = {}) {
  const packed = {};
  const problems = [];
  for (const pkg of PACKAGES) {
    log(`npm pack (${pkg.dir})`);
    const result = packPackage(pkg, destination);
    packed[pkg.name] = result;
    for (const p of checkPacked(pkg, result, {
      repoMigrations: repoMigrations(pkg),
    })) {
      problems.push(`${pkg.name}: ${p}`);
    }
  }
  problems.push(...checkDeclarations(packed));
  if (problems.length)
    throw new Error(
      `The packed packages are not what a consumer needs:\n  ${problems.join('\n  ')}`,
    );
  return packed;
}

module.exports = {
  PACKAGES,
  ALWAYS,
  root,
  buildPackages,
  packPackage,
  checkPacked,
  checkDeclarations,
  declarationImports,
  repoMigrations,
  packAll,
  run,
};
