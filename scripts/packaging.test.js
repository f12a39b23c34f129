/*
 * The packed packages hold what a consumer needs and nothing else (run by `npm test`, after the other
 * tests; alone: `node --test scripts/packaging.test.js`). The rules are in scripts/packing.js; the
 * install check (scripts/verify-install.js) applies the same ones to the tarballs it installs.
 *
 * The first tests check the rules on made-up file lists; the others build the three packages as a
 * release does (`tsc`, `backstage-cli package build`), `npm pack` them into a temporary directory and
 * check the real tarballs.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');
const {
  PACKAGES,
  buildPackages,
  checkDeclarations,
  checkPacked,
  declarationImports,
  packPackage,
  repoMigrations,
} = require('./packing');

const [common, backend, frontend] = PACKAGES;

/** A tarball of the backend as it should be. */
function goodBackend() {
  return {
    files: [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'config.schema.json',
      'dist/index.cjs.js',
      'dist/index.cjs.js.map',
      'dist/index.d.ts',
      'migrations/20261123000000_snapshots.js',
      'package.json',
    ],
    packageJson: {
      name: backend.name,
      description: 'x',
      license: 'Apache-2.0',
      repository: { type: 'git', url: 'x' },
      keywords: ['backstage'],
      main: 'dist/index.cjs.js',
      types: 'dist/index.d.ts',
      configSchema: 'config.schema.json',
      backstage: {
        role: 'backend-plugin',
        pluginId: 'arch-tradeoffs',
        pluginPackages: [],
      },
    },
    configSchema: {
      properties: {
        archTradeoffs: {
          properties: {
            usage: {
              properties: {
                prometheus: {
                  properties: { headers: { visibility: 'secret' } },
                },
              },
            },
          },
        },
      },
    },
  };
}

describe('the packing rules', () => {
  test('accept a tarball with the build, migrations, schema, README, LICENSE and CHANGELOG', () => {
    assert.deepEqual(
      checkPacked(backend, goodBackend(), {
        repoMigrations: ['20261123000000_snapshots.js'],
      }),
      [],
    );
  });

  test('flag sources, tests, fixtures, benches and missing files', () => {
    const packed = goodBackend();
    packed.files = packed.files
      .filter(f => f !== 'LICENSE' && f !== 'CHANGELOG.md')
      .concat([
        'src/index.ts',
        'dist/router.test.js',
        'dist/__fixtures__/workloads.js',
        'bench/refresh.bench.ts',
        'dev/index.ts',
      ]);
    const problems = checkPacked(backend, packed, {
      repoMigrations: [
        '20261123000000_snapshots.js',
        '20261207000000_permission_facts.js',
      ],
    });
    for (const expected of [
      'missing LICENSE',
      'missing CHANGELOG.md',
      'must not ship src/index.ts',
      'must not ship dist/router.test.js',
      'must not ship dist/__fixtures__/workloads.js',
      'must not ship bench/refresh.bench.ts',
      'must not ship dev/index.ts',
      'missing migrations/20261207000000_permission_facts.js',
    ]) {
      assert.ok(
        problems.includes(expected),
        `"${expected}" not in ${JSON.stringify(problems)}`,
      );
    }
  });

  test('flag entry points that lead to the sources, and a schema that lost its visibility', () => {
    const packed = goodBackend();
    packed.packageJson.main = 'src/index.ts';
    packed.packageJson.private = true;
    packed.configSchema.properties.archTradeoffs.properties.usage.properties.prometheus.properties.headers =
      {};
    const problems = checkPacked(backend, packed);
    assert.ok(
      problems.includes(
        'main points at src/index.ts, not at the build in dist/',
      ),
      problems.join('\n'),
    );
    assert.ok(problems.includes('package.json says "private": true'));
    assert.ok(
      problems.some(p =>
        p.startsWith(
          'config schema: archTradeoffs.usage.prometheus.headers has visibility',
        ),
      ),
    );
  });

  test('find the packages a declaration file imports', () => {
    assert.deepEqual(
      declarationImports(
        "import * as a from '@backstage/plugin-catalog-react/alpha';\nimport { B } from 'react';\nimport type { C } from './c';\nimport { D } from 'node:fs';\ntype E = import('@backstage/types').F;",
      ),
      ['@backstage/plugin-catalog-react', '@backstage/types', 'react'],
    );
  });
});

describe('npm pack of each package', () => {
  const destination = fs.mkdtempSync(
    path.join(os.tmpdir(), 'arch-tradeoffs-pack-'),
  );
  const packed = {};

  before(() => {
    buildPackages();
    for (const pkg of PACKAGES)
      packed[pkg.name] = packPackage(pkg, destination);
  });
  after(() => fs.rmSync(destination, { recursive: true, force: true }));

  for (const pkg of PACKAGES) {
    test(`${pkg.name} holds what a consumer needs and nothing else`, () => {
      assert.deepEqual(
        checkPacked(pkg, packed[pkg.name], {
          repoMigrations: repoMigrations(pkg),
        }),
        [],
      );
    });
  }

  test('the type declarations import only what the packages depend on, and compile on their own', () => {
    assert.deepEqual(checkDeclarations(packed), []);
  });

  test('every migration ships with the backend', () => {
    const migrations = repoMigrations(backend);
    assert.ok(migrations.length > 0);
    for (const m of migrations)
      assert.ok(packed[backend.name].files.includes(`migrations/${m}`), m);
  });

  test('the frontend ships its /alpha entry point for the new frontend system', () => {
    const { exports: exp } = packed[frontend.name].packageJson;
    assert.equal(exp['./alpha'].types, './dist/alpha.d.ts');
    assert.equal(exp['./alpha'].import, './dist/alpha.esm.js');
    assert.equal(exp['./alpha'].backstage, '@backstage/FrontendPlugin');
  });

  test('the packed packages depend on each other by version and on the host app for React', () => {
    const { dependencies, peerDependencies } =
      packed[frontend.name].packageJson;
    assert.match(dependencies[common.name], /^\^\d+\.\d+\.\d+$/);
    assert.match(
      packed[backend.name].packageJson.dependencies[common.name],
      /^\^\d+\.\d+\.\d+$/,
    );
    for (const peer of ['react', 'react-dom', 'react-router-dom']) {
      assert.ok(peerDependencies[peer], `${peer} is a peer dependency`);
      assert.ok(!dependencies[peer], `${peer} is not a dependency`);
    }
    assert.ok(
      !packed[backend.name].packageJson.dependencies[
        '@backstage/backend-defaults'
      ],
    );
  });

  test('common config schema keeps pricing visible to the frontend', () => {
    const schema = packed[common.name].configSchema;
    assert.equal(
      schema.properties.archTradeoffs.properties.pricing.deepVisibility,
      'frontend',
    );
  });
});
