/**
 * Benchmark: the refresh path and the read routes over a synthetic catalog of 50,000 components.
 *
 * Targets (issue, 2-core machine): refresh < 10 s, peak RSS < 500 MB, GET /v1/components p95 < 100 ms.
 *
 * Run (from plugins/arch-tradeoffs-backend):
 *   npm run bench
 *   npm run bench -- --components 10000 --requests 50 --refreshes 3 --profile
 * Options:
 *   --components N      catalog size (default 50,000)
 *   --refreshes N       scheduler-triggered refreshes after the startup one (default 3)
 *   --requests N        requests per route (default 200; routes answering with every component stop
 *                       after --route-budget-s seconds, 30 by default, with at least 20 requests)
 *   --profile           CPU-profile one more refresh and the slowest routes; writes .cpuprofile files
 *                       to bench/profiles/ and prints where the time went
 *   --stock-catalog     use catalogServiceMock itself (about 4 s per catalog page at 50,000: minutes)
 *   --prometheus        measure usage too: a real Prometheus (Debian's `prometheus`) in a child process,
 *                       backfilled with a day of metrics for every workload (bench/prometheusProcess.ts);
 *                       prints the queries per refresh and the measurement time. Targets: at most 20
 *                       queries, measurement < 5 s, refresh with measurement < 12 s
 *   --db sqlite|postgres  only this database. By default SQLite, then PostgreSQL in a child process if
 *                       BACKSTAGE_TEST_DATABASE_POSTGRES{17,16,15}_CONNECTION_STRING is set (a throwaway
 *                       database is created on that server and dropped afterwards)
 *
 * What is real and what is not:
 *  - The plugin is the real `archTradeoffsPlugin` in a `startTestBackend` backend: its real init, its
 *    migrations, its scheduled task (run by the mock scheduler: once at startup, then by `triggerTask`, so
 *    every measured refresh is the plugin's own task function), its real router behind the backend's
 *    HTTP server, mock auth (a mock user token is sent), the real SnapshotStore on a real database.
 *  - The catalog is NOT the real catalog backend: ingesting 50,000 entities through its processing loop
 *    would take far too long. It is an in-memory catalog (indexedCatalog.ts; checked at start against
 *    `catalogServiceMock` on a small catalog) in a child process (catalogProcess.ts), served to the
 *    plugin through `catalogServiceRef` (remoteCatalog.ts): each page arrives as JSON and is parsed in
 *    the measured process, as from the catalog's HTTP API, while the catalog's storage stays outside it,
 *    as a real catalog's database does. The catalog's own query cost is not modelled.
 */
/* eslint-disable no-console */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { archTradeoffsPlugin, REFRESH_TASK_ID } from '../src/plugin';
import { generateCatalog, DEFAULT_COMPONENTS, type GeneratedCatalog } from './generateCatalog';
import { RemoteCatalog } from './remoteCatalog';
import { profiled, summarise } from './profile';
import { BENCH_USAGE, type PrometheusReady } from './prometheusProcess';
import { UsageMeter } from '../src/usage/UsageMeter';
import { readUsageOptions } from '../src/usage/usageConfig';
import { ConfigReader } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';

const TARGET = { refreshMs: 10_000, rssMb: 500, p95Ms: 100, queries: 20, measureMs: 5_000, measuredRefreshMs: 12_000 };
const BASE = '/api/arch-tradeoffs/v1';

// ------------------------------------------------------------------ options
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return process.argv.find(a => a.startsWith(`--${name}=`))?.split('=')[1];
  const next = process.argv[i + 1];
  return next && !next.startsWith('--') ? next : 'true';
}
const COMPONENTS = Number(option('components') ?? DEFAULT_COMPONENTS);
const REFRESHES = Number(option('refreshes') ?? 3);
const REQUESTS = Number(option('requests') ?? 200);
const ROUTE_BUDGET_MS = Number(option('route-budget-s') ?? 30) * 1000;
const PROFILE = option('profile') === 'true';
const STOCK = option('stock-catalog') === 'true';
const DB = option('db');
const PROMETHEUS = option('prometheus') === 'true';
const PG_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

// ------------------------------------------------------------------ helpers
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gc = () => (global as any).gc?.();
const verdicts: Array<{ what: string; value: string; target: string; pass: boolean; note?: string }> = [];
function verdict(what: string, value: number, target: number, unit: (n: number) => string, note?: string) {
  verdicts.push({ what, value: unit(value), target: `< ${unit(target)}`, pass: value < target, note });
}

/**
 * Peak RSS sampled every 20 ms by a worker thread: RSS is per process, and a worker keeps sampling
 * while the main thread is busy in synchronous work (better-sqlite3, JSON), where a timer would not fire.
 */
class RssSampler {
  private readonly shared = new Float64Array(new SharedArrayBuffer(16));
  private readonly worker: Worker;
  constructor() {
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const a = new Float64Array(workerData);
       setInterval(() => { const r = process.memoryUsage.rss(); if (r > a[0]) a[0] = r; a[1]++; }, 20);`,
      { eval: true, workerData: this.shared.buffer },
    );
    this.worker.unref();
  }
  reset() {
    this.shared[0] = process.memoryUsage.rss();
    this.shared[1] = 0;
  }
  get peak() {
    return Math.max(this.shared[0], process.memoryUsage.rss());
  }
  get samples() {
    return this.shared[1];
  }
  stop() {
    return this.worker.terminate();
  }
}

// ------------------------------------------------------------------ databases
interface BenchDb {
  kind: 'sqlite' | 'postgres';
  knex: Knex;
  describe: string;
  size(snapshotId: number): Promise<string[]>;
  cleanup(): Promise<void>;
}

async function sqliteDb(): Promise<BenchDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arch-tradeoffs-bench-'));
  const filename = path.join(dir, 'snapshots.sqlite');
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
  return {
    kind: 'sqlite',
    knex,
    describe: `SQLite file ${filename} (better-sqlite3)`,
    async size(snapshotId) {
      const files = fs.readdirSync(dir).map(f => ({ f, bytes: fs.statSync(path.join(dir, f)).size }));
      const [{ page_count: pages }] = await knex.raw('PRAGMA page_count');
      const [{ freelist_count: free }] = await knex.raw('PRAGMA freelist_count');
      const [{ page_size: pageSize }] = await knex.raw('PRAGMA page_size');
      const tables: Array<{ name: string; bytes: number }> = await knex.raw(
        'SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC',
      );
      return [
        `files: ${files.map(x => `${x.f} ${mb(x.bytes)}`).join(', ')}  (pages ${pages} × ${pageSize} B, ${free} free)`,
        `by table/index (dbstat): ${tables.map(t => `${t.name} ${mb(t.bytes)}`).join(', ')}`,
        ...(await rowBytes(knex, snapshotId, 'LENGTH')),
      ];
    },
    async cleanup() {
      await knex.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDb(url: string): Promise<BenchDb> {
  const name = `arch_tradeoffs_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: url });
  await admin.raw(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: u.toString(), pool: { min: 0, max: 10 } });
  return {
    kind: 'postgres',
    knex,
    describe: `PostgreSQL ${u.host} database ${name} (throwaway)`,
    async size(snapshotId) {
      await knex.raw('VACUUM ANALYZE');
      const { rows: [db] } = await knex.raw('SELECT pg_database_size(current_database()) AS bytes');
      const { rows: tables } = await knex.raw(
        `SELECT relname AS name, pg_total_relation_size(relid) AS bytes FROM pg_catalog.pg_statio_user_tables ORDER BY bytes DESC`,
      );
      return [
        `database: ${mb(Number(db.bytes))}`,
        `by table (with indexes, TOAST): ${tables.map((t: any) => `${t.name} ${mb(Number(t.bytes))}`).join(', ')}`,
        ...(await rowBytes(knex, snapshotId, 'OCTET_LENGTH')),
        ...(await (async () => {
          const { rows: [r] } = await knex.raw(
            'SELECT SUM(pg_column_size(record)) AS stored FROM snapshot_components WHERE snapshot_id = ?',
            [snapshotId],
          );
          return [`record column as stored (after TOAST compression): ${mb(Number(r.stored))}`];
        })()),
      ];
    },
    async cleanup() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/** Bytes of the latest snapshot's component rows, by column group. */
async function rowBytes(knex: Knex, snapshotId: number, len: string) {
  const [r] = await knex('snapshot_components')
    .where({ snapshot_id: snapshotId })
    .select(
      knex.raw('COUNT(*) AS n'),
      knex.raw(`SUM(${len}(record)) AS record`),
      knex.raw(`SUM(COALESCE(${len}(suggestion), 0)) AS suggestion`),
      knex.raw(
        `SUM(${len}(entity_ref) + ${len}(name) + COALESCE(${len}(title),0) + COALESCE(${len}(owner),0) + COALESCE(${len}(system),0) + COALESCE(${len}(domain),0)) AS refs`,
      ),
    );
  const n = Number(r.n);
  const total = Number(r.record) + Number(r.suggestion) + Number(r.refs);
  const [{ count: history }] = await knex('history_points').count({ count: '*' });
  const [{ count: snapshots }] = await knex('snapshots').count({ count: '*' });
  const [{ count: componentRows }] = await knex('snapshot_components').count({ count: '*' });
  return [
    `latest snapshot: ${n} component rows; record JSON ${mb(Number(r.record))} (${(Number(r.record) / n).toFixed(0)} B/component), suggestion JSON ${mb(Number(r.suggestion))}, ref/name columns ${mb(Number(r.refs))}; ≈ ${(total / n).toFixed(0)} B/component of text`,
    `tables hold: ${snapshots} snapshots, ${componentRows} component rows (the newest 2 snapshots are kept), ${history} history points`,
  ];
}

// ------------------------------------------------------------------ HTTP
interface RouteResult {
  label: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** Bytes of one response as sent (compressed when `encoding` says so). */
  bytes: number;
  encoding?: string;
}

/**
 * A GET with a mock user token, as a browser sends it (accepting gzip), timed to the response's last
 * byte. The body is counted as it arrives, neither decompressed, parsed nor kept: the client's gunzip
 * and JSON parsing are not the backend's time (the map's 20 MB of JSON arrives as about 2 MB of gzip,
 * and inflating it here took longer than the backend took to send it), and a kept response would sit
 * in this process's heap as if it were the backend's memory.
 */
async function getCounted(server: http.Server, url: string): Promise<{ status: number; bytes: number; encoding?: string }> {
  if (!server.listening) await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port,
          path: url,
          headers: { Authorization: mockCredentials.user.header(), 'Accept-Encoding': 'gzip' },
        },
        res => {
          let bytes = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, bytes, encoding: res.headers['content-encoding'] }),
          );
          res.on('error', reject);
        },
      )
      .on('error', reject);
  });
}

/** Sequential GETs (see getCounted). */
async function measureRoute(
  server: any,
  label: string,
  url: (i: number) => string,
  opts: { n?: number; budgetMs?: number } = {},
): Promise<RouteResult> {
  const n = opts.n ?? REQUESTS;
  const budget = opts.budgetMs ?? Infinity;
  let encoding: string | undefined;
  const get = async (i: number) => {
    const response = await getCounted(server, url(i));
    if (response.status !== 200) throw new Error(`${label}: ${url(i)} answered ${response.status}`);
    encoding = response.encoding;
    return response.bytes;
  };
  for (let i = 0; i < 3; i++) await get(i); // warm-up
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    bytes = await get(i);
    times.push(performance.now() - t0);
    if (performance.now() - started > budget && times.length >= 20) break;
  }
  times.sort((a, b) => a - b);
  return { label, n: times.length, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1], bytes, encoding };
}

// ------------------------------------------------------------------ the bench
async function runBench(kind: 'sqlite' | 'postgres') {
  console.log(`\n=== arch-tradeoffs refresh bench: ${COMPONENTS} components, ${kind} ===`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${mb(os.totalmem())} RAM, node ${process.version}` +
      `${(global as any).gc ? ', --expose-gc' : ''}`,
  );
  const sampler = new RssSampler();
  gc();
  const bareRss = process.memoryUsage.rss();

  // ---- the catalog
  let remote: RemoteCatalog | undefined;
  let catalogFeature;
  let counts: GeneratedCatalog['counts'];
  let entityCount: number;
  let generateMs: number;
  if (STOCK) {
    const t0 = performance.now();
    const generated = generateCatalog({ components: COMPONENTS });
    generateMs = performance.now() - t0;
    ({ counts } = generated);
    entityCount = generated.entities.length;
    catalogFeature = catalogServiceMock.factory({ entities: generated.entities });
  } else {
    remote = await RemoteCatalog.start({ components: COMPONENTS, verify: kind === 'sqlite' });
    const { check } = remote.ready;
    if (check) {
      console.log(
        `catalog check: IndexedCatalog gives the refresh the same ${check.components} records and ${check.groups} groups as catalogServiceMock (${ms(check.ms)})`,
      );
    }
    ({ counts, generateMs, entityCount } = remote.ready);
    catalogFeature = remote.factory();
  }
  console.log(
    `catalog: ${entityCount} entities (${counts.components} components, ${counts.groups} groups of which ${counts.teams} teams, ${counts.systems} systems, ${counts.domains} domains), ` +
      `${counts.unannotated} unannotated, ${counts.malformed} malformed; generated in ${ms(generateMs)}${STOCK ? '' : ' (in the catalog process)'}`,
  );
  console.log(
    STOCK
      ? 'catalog service: catalogServiceMock (stock InMemoryCatalogClient): expect ~4 s per page of 500 at 50,000 components'
      : `catalog service: IndexedCatalog in a child process (entities held there as ${mb(remote!.ready.jsonBytes)} of JSON), each page sent as JSON and parsed here; ` +
          `NOT the real catalog backend: its ingestion of ${COMPONENTS} entities would take far too long, and catalogServiceMock re-sorts the whole catalog per page (~4 s/page at 50,000)`,
  );

  const prometheus = PROMETHEUS ? await startBenchPrometheus(kind) : undefined;

  const db = kind === 'sqlite' ? await sqliteDb() : await postgresDb(PG_URL!);
  console.log(`database: ${db.describe}`);
  gc();
  const baselineRss = process.memoryUsage.rss();
  console.log(
    `RSS before the backend starts: ${mb(baselineRss)} (${mb(bareRss)} node + loaded modules; +${mb(baselineRss - bareRss)} after starting the catalog${STOCK ? ' fixture' : ' process'}); heap used ${mb(process.memoryUsage().heapUsed)}`,
  );

  // ---- start the backend: the mock scheduler's startup hook runs the refresh task once
  // mockServices.scheduler() is typed as SchedulerService, but is a MockSchedulerService: it has a
  // factory() to install it, and triggerTask/waitForTask to run the plugin's own task again.
  const scheduler = mockServices.scheduler() as ReturnType<typeof mockServices.scheduler> & {
    factory(options?: object): ReturnType<typeof mockServices.scheduler.factory>;
    waitForTask(id: string): Promise<void>;
  };
  sampler.reset();
  let t0 = performance.now();
  const backend = await startTestBackend({
    features: [
      archTradeoffsPlugin,
      catalogFeature,
      mockServices.database.factory({ knex: db.knex }),
      scheduler.factory(),
      ...(prometheus ? [mockServices.rootConfig.factory({ data: prometheus.config })] : []),
    ],
  });
  const startupMs = performance.now() - t0;
  const startupPeak = sampler.peak;
  const first = await db.knex('snapshots').orderBy('id', 'desc').first();
  if (!first) throw new Error('the startup refresh wrote no snapshot');
  console.log(
    `\nstartup refresh (cold: first run, JIT warm-up, every component gets a history point): snapshot ${first.id}, ` +
      `${first.component_count} components, ${ms(Number(first.duration_ms))} inside the transaction; startTestBackend total ${ms(startupMs)}; peak RSS ${mb(startupPeak)}`,
  );
  if (Number(first.component_count) !== COMPONENTS) throw new Error(`snapshot has ${first.component_count} components, expected ${COMPONENTS}`);

  // ---- warm refreshes through the scheduler: the plugin's own task function
  const trigger = async () => {
    const done = scheduler.waitForTask(REFRESH_TASK_ID); // errors surface here (triggerTask swallows them)
    await scheduler.triggerTask(REFRESH_TASK_ID);
    await done;
  };
  // As in use, the served snapshot's index (and the map's cached gzip body) is in memory while the
  // next refresh runs: load it with the map's request, and measure what it holds.
  const held = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  // Buffers (a response's: ~27 MB of external memory for the map's) are released a moment after the
  // collection that finds them dead: let them go before each measurement, so only what stays counts.
  const settle = async () => {
    gc();
    await new Promise(resolve => setTimeout(resolve, 200));
    gc();
  };
  await settle();
  const heapBeforeIndex = held();
  const map = await getCounted(backend.server, `${BASE}/components?view=summary&limit=all`);
  if (map.status !== 200) throw new Error(`the map request answered ${map.status}`);
  await settle();
  console.log(
    `snapshot index loaded by the map's request: heap + external memory +${mb(held() - heapBeforeIndex)} ` +
      `(${((held() - heapBeforeIndex) / COMPONENTS).toFixed(0)} B/component, the compressed map summary included)`,
  );
  const walls: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < REFRESHES; i++) {
    gc();
    const before = process.memoryUsage.rss();
    const pages = remote ? { ...remote.stats } : undefined;
    sampler.reset();
    t0 = performance.now();
    await trigger();
    const wall = performance.now() - t0;
    walls.push(wall);
    peaks.push(sampler.peak);
    const snap = await db.knex('snapshots').orderBy('id', 'desc').first();
    const parseMs = remote && pages ? remote.stats.parseMs - pages.parseMs : NaN;
    const serveMs = remote && pages ? remote.stats.serveMs - pages.serveMs : NaN;
    if (prometheus) console.log(`  usage: ${describeUsage(snap.usage)}`);
    console.log(
      `refresh ${i + 1}/${REFRESHES}: ${ms(wall)} wall (snapshot ${snap.id}: ${ms(Number(snap.duration_ms))} inside the transaction` +
        `${remote ? `; catalog pages: ${ms(parseMs)} parsing them here, ${ms(serveMs)} serving them in the catalog process, overlapped by prefetching` : ''}); RSS ${mb(before)} before, peak ${mb(sampler.peak)} (+${mb(sampler.peak - before)}), ${sampler.samples} samples`,
    );
  }
  const usage = process.resourceUsage();
  const bestWall = Math.min(...walls);
  const peakRss = Math.max(startupPeak, ...peaks);
  console.log(
    `refresh wall time: best ${ms(bestWall)}, median ${ms(median(walls))}, cold (startup) ${ms(Number(first.duration_ms))}; ` +
      `peak RSS sampled ${mb(peakRss)}, process maxRSS ${mb(usage.maxRSS * 1024)}`,
  );
  if (prometheus) {
    verdict(`refresh wall time with measurement (median of ${REFRESHES} warm, ${kind})`, median(walls), TARGET.measuredRefreshMs, ms);
    verdict(`refresh wall time with measurement (cold, at startup, ${kind})`, Number(first.duration_ms), TARGET.measuredRefreshMs, ms);
    await measureAlone(prometheus, kind);
    prometheus.stop();
  } else {
    verdict(`refresh wall time (median of ${REFRESHES} warm, ${kind})`, median(walls), TARGET.refreshMs, ms);
    verdict(`refresh wall time (cold, at startup, ${kind})`, Number(first.duration_ms), TARGET.refreshMs, ms);
  }
  verdict(`peak RSS during refreshes (${kind})`, peakRss / 1048576, TARGET.rssMb, n => `${n.toFixed(0)} MB`,
    `RSS before start ${mb(baselineRss)}, node + modules ${mb(bareRss)}`);

  // ---- snapshot size
  const latest = await db.knex('snapshots').orderBy('id', 'desc').first();
  console.log(`\nsnapshot size (${kind}):`);
  for (const line of await db.size(Number(latest.id))) console.log(`  ${line}`);

  // ---- routes
  const server = backend.server;
  const [topOwner] = await db.knex('snapshot_components')
    .where({ snapshot_id: latest.id })
    .whereNotNull('owner')
    .groupBy('owner')
    .select('owner', db.knex.raw('COUNT(*) AS n'))
    .orderBy('n', 'desc')
    .limit(1);
  const refs: string[] = (
    await db.knex('snapshot_components').where({ snapshot_id: latest.id }).select('entity_ref').orderByRaw('entity_ref DESC').limit(5000)
  ).map((r: any) => r.entity_ref);
  const pickRef = (i: number) => refs[(i * 7919) % refs.length];
  const componentUrl = (i: number) => {
    const [k, rest] = pickRef(i).split(':');
    const [ns, name] = rest.split('/');
    return `${BASE}/components/${ns}/${k}/${encodeURIComponent(name)}`;
  };
  const big = { budgetMs: ROUTE_BUDGET_MS };
  const routes: Array<[string, (i: number) => string, { n?: number; budgetMs?: number }, boolean]> = [
    ['GET /v1/components (default page: 100 full records)', () => `${BASE}/components`, {}, true],
    [`GET /v1/components?owner=… (largest team: ${topOwner.n} components)`, () => `${BASE}/components?owner=${encodeURIComponent(topOwner.owner)}`, {}, true],
    ['GET /v1/components/:namespace/:kind/:name', componentUrl, {}, true],
    ['GET /v1/components?platform=aws-lambda (filtered in the snapshot index)', () => `${BASE}/components?platform=aws-lambda`, {}, false],
    [`GET /v1/components?offset=${COMPONENTS - 100} (last page)`, () => `${BASE}/components?offset=${COMPONENTS - 100}`, {}, false],
    [`GET /v1/components?view=summary&limit=all (the map: all ${COMPONENTS})`, () => `${BASE}/components?view=summary&limit=all`, big, true],
    ['GET /v1/scorecards', () => `${BASE}/scorecards`, big, true],
    ['GET /v1/suggestions (default page: the top 100)', () => `${BASE}/suggestions`, {}, true],
    ['GET /v1/suggestions?limit=all (every suggestion)', () => `${BASE}/suggestions?limit=all`, big, false],
    ['GET /v1/suggestions?owner=… (largest team)', () => `${BASE}/suggestions?owner=${encodeURIComponent(topOwner.owner)}`, {}, false],
  ];
  console.log(`\nGET latency (${kind}; sequential requests with a mock user token, after 3 warm-up requests; timed to the last byte as sent, accepting gzip like a browser; not decompressed nor parsed):`);
  const results: RouteResult[] = [];
  for (const [label, url, opts, graded] of routes) {
    gc();
    sampler.reset();
    const r = await measureRoute(server, label, url, opts);
    results.push(r);
    console.log(
      `  ${label.padEnd(70)} n=${String(r.n).padStart(3)}  p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  max ${ms(r.max).padStart(9)}  ${mb(r.bytes).padStart(9)}/response${r.encoding ? ` (${r.encoding})` : ''}  peak RSS ${mb(sampler.peak)}`,
    );
    if (graded) verdict(`p95 ${label} (${kind})`, r.p95, TARGET.p95Ms, ms);
  }

  // ---- profile
  if (PROFILE) {
    const dir = path.resolve(__dirname, 'profiles');
    gc();
    const { profile } = await profiled(path.join(dir, `refresh-${kind}.cpuprofile`), trigger);
    console.log(`\nCPU profile of one warm refresh (${kind}) → bench/profiles/refresh-${kind}.cpuprofile`);
    console.log(summarise(profile));
    for (const r of results.filter(x => x.p95 >= TARGET.p95Ms)) {
      const route = routes.find(x => x[0] === r.label)!;
      const slug = r.label.replace(/[^a-z]+/gi, '-').slice(0, 60);
      const { profile: p } = await profiled(path.join(dir, `${slug}-${kind}.cpuprofile`), async () => {
        for (let i = 0; i < 10; i++) await request(server).get(route[1](i)).set('Authorization', mockCredentials.user.header());
      });
      console.log(`\nCPU profile of 10 × ${r.label} (${kind})`);
      console.log(summarise(p, 15));
    }
  }

  await backend.stop();
  await db.cleanup();
  remote?.stop();
  await sampler.stop();
}

function printVerdicts() {
  console.log(`\n=== targets (2-core machine: refresh < 10 s, peak RSS < 500 MB, p95 < 100 ms) ===`);
  for (const v of verdicts) {
    console.log(`  ${v.pass ? 'PASS' : 'MISS'}  ${v.what.padEnd(100)} ${v.value.padStart(10)} (target ${v.target})${v.note ? `  [${v.note}]` : ''}`);
  }
}

// ------------------------------------------------------------------ measured usage (--prometheus)
interface BenchUsage {
  config: object;
  names: string[];
  stop(): void;
}

/** Starts the bench's Prometheus in its own process and returns the backend config that reads it. */
async function startBenchPrometheus(kind: string): Promise<BenchUsage> {
  // With this process's flags (the TypeScript transform), as the catalog process.
  const child = fork(path.join(__dirname, 'prometheusProcess.ts'), [JSON.stringify({ components: COMPONENTS })], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready: PrometheusReady & { names: string[] } = await new Promise((resolve, reject) => {
    // Other messages may come first: Backstage's TypeScript transform reports watched files over IPC.
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') resolve(m as PrometheusReady & { names: string[] });
    });
    child.once('exit', code => reject(new Error(`the Prometheus process exited (${code})`)));
  });
  console.log(
    `prometheus (${kind}): ${ready.baseUrl}, ${ready.services} workloads, ~${(ready.samples / 1e6).toFixed(1)} M samples ` +
      `(${BENCH_USAGE.windowDays} day at a ${BENCH_USAGE.stepSeconds / 60}-minute step; measured with window ${BENCH_USAGE.windowDays}d, resolution ${BENCH_USAGE.resolution}); ` +
      `generated and backfilled in ${ms(ready.setupMs)} (in its own process)`,
  );
  return {
    names: ready.names,
    config: {
      archTradeoffs: {
        usage: {
          prometheus: { baseUrl: ready.baseUrl, window: `${BENCH_USAGE.windowDays}d`, resolution: BENCH_USAGE.resolution, queryTimeout: '60s' },
        },
      },
    },
    stop: () => child.disconnect(),
  };
}

function describeUsage(json: string | null): string {
  if (!json) return 'none recorded';
  const h = JSON.parse(json);
  return `${h.queries} Prometheus requests, ${h.measured} of ${h.selected} workloads measured${h.lastError ? `; error: ${h.lastError.message}` : ''}`;
}

/** The measurement on its own, as the refresh runs it: the batched queries, then every component matched, a page at a time. */
async function measureAlone(usage: BenchUsage, kind: string) {
  const options = readUsageOptions(new ConfigReader(usage.config));
  const quiet: LoggerService = { error() {}, warn() {}, info() {}, debug() {}, child: () => quiet };
  const meter = new UsageMeter(options.prometheus!, quiet);
  const t0 = performance.now();
  const measurement = await meter.start(new Date());
  const queriesMs = performance.now() - t0;
  for (let i = 0; i < usage.names.length; i += 200) {
    await measurement.measure(
      usage.names.slice(i, i + 200).map(name => ({ entityRef: `component:default/${name}`, name, namespace: 'default', annotations: {} })),
    );
  }
  const totalMs = performance.now() - t0;
  const health = measurement.health();
  console.log(
    `measurement alone (${kind}): ${health.queries} Prometheus requests, ${health.measured} of ${health.selected} measured, ` +
      `${ms(queriesMs)} for the batched queries, ${ms(totalMs)} in all`,
  );
  verdict(`Prometheus requests per refresh (default selectors, ${kind})`, health.queries, TARGET.queries, n => String(n));
  verdict(`measurement time (${kind})`, totalMs, TARGET.measureMs, ms);
}

async function main() {
  const only = DB as 'sqlite' | 'postgres' | undefined;
  if (only === 'postgres' && !PG_URL) throw new Error('--db postgres needs BACKSTAGE_TEST_DATABASE_POSTGRES{15,16,17}_CONNECTION_STRING');
  await runBench(only ?? 'sqlite');
  printVerdicts();
  if (!only) {
    if (!PG_URL) {
      console.log('\nPostgreSQL: skipped (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, e.g. postgresql://postgres@127.0.0.1:55432, to run it too)');
      return;
    }
    // Its own process, so its memory figures are its own.
    const child = fork(__filename, [...process.argv.slice(2), '--db', 'postgres'], { execArgv: process.execArgv, stdio: 'inherit' });
    const code: number = await new Promise(resolve => child.on('exit', c => resolve(c ?? 1)));
    if (code !== 0) process.exitCode = code;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
