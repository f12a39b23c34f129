/**
 * Load benchmark: many concurrent clients on loopback against the read routes of a started backend.
 *
 * Targets (issue 15, 2-core machine): at the example organisation's size, 200 concurrent clients for
 * 60 s with 0 errors and p99 < 250 ms on the list routes; at 50,000 components, 50 clients, p99 < 1 s.
 *
 * Run (from plugins/arch-tradeoffs-backend):
 *   npm run bench:load                                  # example organisation, 200 clients, 60 s a route
 *   npm run bench:load -- --components 50000 --connections 50
 *   npm run bench:load -- --duration 20                 # shorter runs
 *   npm run bench:load -- --only suggestions            # the routes whose name contains this
 *   npm run bench:load -- --policy conditional          # a conditional catalog.entity.read policy
 * The backend is the real plugin in a `startTestBackend` backend (mock auth: a mock user token is sent),
 * on in-memory SQLite, listening on loopback. The example organisation comes from examples/catalog;
 * 50,000 components come from the refresh bench's generated catalog (see refresh.bench.ts for what is
 * real there). The load comes from autocannon in a child process, so that it does not share the
 * backend's event loop; both share the machine's two cores, so figures are lower bounds.
 * A list route that misses its target is followed by its floor: a bare Node server sending the same
 * bytes to the same client (see floorOf).
 * A benchmark, not a test: it prints figures and verdicts and is not part of `npm test`.
 */
/* eslint-disable no-console */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { archTradeoffsPlugin } from '../src/plugin';
import { loadExampleCatalog } from '../src/__testUtils__/exampleCatalog';
import { RemoteCatalog } from './remoteCatalog';
import { permissionPolicy } from '../src/__testUtils__/permissionPolicy';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';

const run = promisify(execFile);

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const COMPONENTS = option('components', 'example');
const EXAMPLE = COMPONENTS === 'example';
const CONNECTIONS = Number(option('connections', EXAMPLE ? '200' : '50'));
const DURATION_S = Number(option('duration', '60'));
const TARGET_P99_MS = EXAMPLE ? 250 : 1000;
/**
 * `allow` (the dev app's allow-all policy) or `conditional`: catalog.entity.read is conditional, as an
 * organisation's policy makes it (here: experimental components are not readable), so every read is
 * narrowed by conditions applied to the snapshot.
 */
const POLICY = option('policy', 'allow');
/** Only the routes whose name contains this. */
const ONLY = option('only', '');
const CONDITIONAL = createCatalogConditionalDecision(catalogEntityReadPermission, {
  not: catalogConditions.hasSpec({ key: 'lifecycle', value: 'experimental' }),
});
const BASE = '/api/arch-tradeoffs/v1';

/** The read routes a planner's browser calls, the list routes first. */
const ROUTES: Array<{ name: string; path: string; list: boolean }> = [
  { name: 'components, page of 100, as the tab asks', path: `${BASE}/components?view=annotations&limit=100`, list: true },
  { name: 'components, page of 100 full records', path: `${BASE}/components?limit=100`, list: true },
  { name: 'components, map summary (all)', path: `${BASE}/components?view=summary&limit=all`, list: true },
  { name: 'suggestions, page of 100', path: `${BASE}/suggestions?status=open&offset=0&limit=100`, list: true },
  { name: 'scorecards', path: `${BASE}/scorecards`, list: true },
  { name: 'one component', path: `${BASE}/components/default/component/NAME`, list: false },
  // The floor: the backend's HTTP stack with no work behind it.
  { name: 'health (no work)', path: '/api/arch-tradeoffs/health', list: false },
];

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  throughput: { average: number };
}

/** autocannon against `url` in a child process, as a browser asks: a user token, gzip accepted. */
async function load(url: string): Promise<Result> {
  const args = [
    require.resolve('autocannon/autocannon.js'),
    '--json',
    '-c', String(CONNECTIONS),
    '-d', String(DURATION_S),
    '-t', '10',
    '-H', `Authorization=${mockCredentials.user.header()}`,
    '-H', 'Accept-Encoding=gzip',
    url,
  ];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/**
 * The floor under a route that missed its target: a bare Node HTTP server (no Express, no auth, no
 * work) sending that route's own response bytes, gzip-encoded, to the same client on the same
 * machine. When the two are close, the response's size is what bounds the route here, not the plugin.
 */
async function floorOf(url: string): Promise<string> {
  const response = await fetch(url, {
    headers: { Authorization: mockCredentials.user.header(), 'Accept-Encoding': 'gzip' },
  });
  const body = gzipSync(Buffer.from(await response.arrayBuffer()));
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(body);
  });
  await new Promise<void>(resolve => bare.listen(0, '127.0.0.1', resolve));
  try {
    const r = await load(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
    return `floor (a bare Node server sending the same ${(body.length / 1024).toFixed(0)} KB of gzip): ` +
      `${r.requests.average.toFixed(0)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  errors ${r.errors + r.non2xx} (timeouts ${r.timeouts})`;
  } finally {
    bare.close();
  }
}

async function main() {
  console.log(
    `=== arch-tradeoffs load bench: ${EXAMPLE ? 'the example organisation' : `${COMPONENTS} components`}, ${CONNECTIONS} concurrent clients, ${DURATION_S} s per route, ${POLICY} read policy ===`,
  );
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`);

  let remote: RemoteCatalog | undefined;
  let catalog;
  let someComponent: string;
  if (EXAMPLE) {
    const entities = loadExampleCatalog();
    catalog = catalogServiceMock.factory({ entities });
    someComponent = entities.find(e => e.kind === 'Component')!.metadata.name;
  } else {
    remote = await RemoteCatalog.start({ components: Number(COMPONENTS), verify: false });
    catalog = remote.factory();
    someComponent = (await remote.queryEntities({ filter: { kind: 'Component' }, limit: 1 })).items[0].metadata.name;
  }
  const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
  const started = performance.now();
  // The mock scheduler runs the refresh once at start-up, before the backend answers.
  const { server } = await startTestBackend({
    features: [
      archTradeoffsPlugin,
      catalog,
      mockServices.database.factory({ knex }),
      ...(POLICY === 'conditional' ? [permissionPolicy({ read: () => CONDITIONAL })] : []),
    ],
  });
  const port = (server.address() as AddressInfo).port;
  console.log(`backend up with its first snapshot in ${((performance.now() - started) / 1000).toFixed(1)} s, on 127.0.0.1:${port}`);
  // The first read of a snapshot loads its index and, under a conditional policy, applies the
  // conditions to every stored entity; later reads with the same conditions reuse both.
  for (const attempt of ['first', 'second']) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${BASE}/components?limit=1`, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    const body = await res.json();
    console.log(
      `${attempt} read: ${(performance.now() - t0).toFixed(0)} ms (${body.snapshot.componentCount} components readable, partial: ${body.snapshot.partial})`,
    );
  }
  const rssBefore = process.memoryUsage.rss();

  const rows: string[] = [];
  let pass = true;
  for (const route of ROUTES.filter(r => r.name.includes(ONLY))) {
    const url = `http://127.0.0.1:${port}${route.path.replace('NAME', someComponent)}`;
    const r = await load(url);
    const errors = r.errors + r.non2xx;
    const ok = !route.list || (errors === 0 && r.latency.p99 < TARGET_P99_MS);
    pass &&= ok;
    let verdict = '';
    if (route.list) verdict = ok ? 'PASS' : 'FAIL';
    rows.push(
      `${route.name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${String(r.latency.p50).padStart(5)} ms  p99 ${String(r.latency.p99).padStart(5)} ms  max ${String(r.latency.max).padStart(6)} ms  ` +
        `errors ${errors} (timeouts ${r.timeouts})  ${(r.throughput.average / 1024 / 1024).toFixed(1)} MB/s  ${verdict}`,
    );
    console.log(rows[rows.length - 1]);
    if (!ok) console.log(`${''.padEnd(44)} ${await floorOf(url)}`);
  }
  console.log(
    `\nRSS ${(rssBefore / 1048576).toFixed(0)} MB before the load, ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB after`,
  );
  console.log(
    `target for list routes: 0 errors and p99 < ${TARGET_P99_MS} ms with ${CONNECTIONS} clients: ${pass ? 'PASS' : 'FAIL'}`,
  );
  remote?.stop();
  await knex.destroy();
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
