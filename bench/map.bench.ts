/*
 * Org-wide map at 5,000 components (or ARCH_TRADEOFFS_BENCH_COMPONENTS), in headless Chromium against
 * the running app (`npm start`). The treemap by default; ARCH_TRADEOFFS_BENCH_VIEW=list measures the
 * List view (the tiles under headings that were the whole map before the treemap).
 *
 *   npm run bench:map
 *   ARCH_TRADEOFFS_BENCH_FRONTEND=http://localhost:3000 ARCH_TRADEOFFS_BENCH_RUNS=5 npm run bench:map
 *   ARCH_TRADEOFFS_BENCH_COMPONENTS=50000 ARCH_TRADEOFFS_BENCH_RUNS=3 npm run bench:map
 *   ARCH_TRADEOFFS_BENCH_VIEW=list npm run bench:map
 *
 * The map's one request (`GET /api/arch-tradeoffs/v1/components?view=summary&limit=all`) is answered by
 * the browser with 5,000 synthetic ComponentSummary items; everything else — the app, sign-in, React,
 * MUI and the map's filtering, grouping and tile rendering — is the real code the dev server serves.
 * Note that `npm start` serves a development build (React in development mode, unminified bundles),
 * so absolute figures are pessimistic compared to a production build.
 *
 * ARCH_TRADEOFFS_BENCH_BUILD=production measures a production build of the same dev app instead
 * (plugins/arch-tradeoffs/dev/index.tsx: React in production mode, minified). The bench builds it with
 * the Backstage CLI's own bundler (rspack, as `backstage-cli package build` builds an app package; the
 * plugin package's `build` makes a library, not an app), serves it statically on :3027 and starts a
 * backend on :7027 with an in-memory database for it; `npm start` need not run.
 *
 *   ARCH_TRADEOFFS_BENCH_BUILD=production ARCH_TRADEOFFS_BENCH_COMPONENTS=50000 npm run bench:map
 *
 * Timings are taken inside the page with performance.now() and a MutationObserver:
 *  - load: from navigation start (performance.timeOrigin) to the map complete in the DOM (the treemap
 *    laid out for every component; in the List view the last tile), and to the next frame after it;
 *    "render" is from the intercepted response's arrival to that frame;
 *  - interactions: from dispatching the input/change/click event (in the page, so no CDP round trip
 *    is counted) to the DOM reflecting it, and to the next frame.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  PLATFORMS,
  PLATFORM_EXECUTION_MODEL,
  type ComponentSummary,
  type ComponentsResponse,
  type ExecutionModel,
  type Platform,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { launchChromium } from '../e2e/browser';

const PRODUCTION = process.env.ARCH_TRADEOFFS_BENCH_BUILD === 'production';
/** Where the production build is served, and its backend (apart from `npm start`'s 3000 / 7007). */
const PRODUCTION_FRONTEND = 'http://localhost:3027';
const PRODUCTION_BACKEND = 'http://localhost:7027';
const FRONTEND = (
  PRODUCTION
    ? PRODUCTION_FRONTEND
    : (process.env.ARCH_TRADEOFFS_BENCH_FRONTEND ?? 'http://localhost:3000')
).replace(/\/$/, '');
const RUNS = Number(process.env.ARCH_TRADEOFFS_BENCH_RUNS ?? 5);
const COUNT = Number(process.env.ARCH_TRADEOFFS_BENCH_COMPONENTS ?? 5000);
const VIEW: 'treemap' | 'list' =
  process.env.ARCH_TRADEOFFS_BENCH_VIEW === 'list' ? 'list' : 'treemap';
const N = COUNT.toLocaleString('en-US');
const DOMAINS = 40;
const SYSTEMS = 400;
const OWNERS = 300;
const SEARCH = 'billing';
/**
 * Most names have an "e" (service, gateway, ledger, …): a filter that keeps most of the organisation,
 * so the map filters, groups, lays out and draws nearly every component afresh — none of what it
 * remembers for the unfiltered map applies.
 */
const WIDE_SEARCH = 'e';
const OUT = path.join(__dirname, 'out');

// ---------------------------------------------------------------------------------------------------
// Synthetic data: deterministic (seeded), shaped like a large organisation's catalog.

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'billing',
  'checkout',
  'ledger',
  'catalog',
  'search',
  'identity',
  'payments',
  'fraud',
  'orders',
  'shipping',
  'inventory',
  'pricing',
  'loyalty',
  'reviews',
  'media',
  'notify',
  'email',
  'sms',
  'reporting',
  'analytics',
  'ingest',
  'export',
  'audit',
  'consent',
  'profile',
  'session',
  'cart',
  'promo',
  'tax',
  'invoice',
  'refund',
  'payout',
  'kyc',
  'risk',
  'routing',
  'geo',
  'maps',
  'feeds',
  'tracking',
  'returns',
  'support',
  'chat',
  'docs',
  'flags',
  'config',
  'secrets',
  'backup',
  'cdn',
  'images',
  'video',
  'forecast',
  'recommend',
  'ranking',
  'ads',
  'bidding',
  'partner',
  'vendor',
  'supplier',
  'warehouse',
  'fleet',
];
const KINDS = [
  'service',
  'api',
  'worker',
  'job',
  'gateway',
  'consumer',
  'processor',
  'sync',
  'web',
  'bff',
];
// Weighted: Lambda and Kubernetes dominate, as in most estates.
const PLATFORM_WEIGHTS: Record<Platform, number> = {
  'aws-lambda': 25,
  kubernetes: 22,
  'aws-fargate': 14,
  'aws-ec2': 9,
  'gcp-cloud-run': 9,
  'gcp-cloud-functions': 5,
  'azure-functions': 5,
  'azure-container-apps': 5,
  'cloudflare-workers': 6,
};

export function syntheticSummaries(
  count = COUNT,
  seed = 42,
): ComponentSummary[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const totalWeight = Object.values(PLATFORM_WEIGHTS).reduce(
    (a, b) => a + b,
    0,
  );
  const platformOf = (): Platform => {
    let r = random() * totalWeight;
    for (const p of PLATFORMS) {
      r -= PLATFORM_WEIGHTS[p];
      if (r <= 0) return p;
    }
    return 'kubernetes';
  };
  const domains = Array.from(
    { length: DOMAINS },
    (_, i) => `domain:default/${WORDS[i % WORDS.length]}-${i}`,
  );
  const systems = Array.from({ length: SYSTEMS }, (_, i) => ({
    ref: `system:default/${pick(WORDS)}-${pick(KINDS)}-platform-${i}`,
    domain: domains[i % DOMAINS],
  }));
  const owners = Array.from(
    { length: OWNERS },
    (_, i) => `group:default/team-${pick(WORDS)}-${i}`,
  );

  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(WORDS)}-${pick(KINDS)}-${i}`;
    const system = random() < 0.97 ? pick(systems) : undefined; // a few orphans
    const unannotated = random() < 0.12;
    const platform = unannotated ? null : platformOf();
    const executionModel: ExecutionModel | null = platform
      ? (PLATFORM_EXECUTION_MODEL[platform] ??
        (random() < 0.5 ? 'on-demand' : 'always-on'))
      : null;
    // Log-distributed: a few cents to tens of thousands a month (median around $80).
    const monthlyCost = platform
      ? Math.round(Math.pow(10, -1 + random() * 5.5) * 100) / 100
      : null;
    const hasSuggestion = monthlyCost !== null && random() < 0.18;
    const savings = hasSuggestion
      ? Math.round(monthlyCost! * (0.2 + random() * 0.7) * 100) / 100
      : 0;
    const target: Platform =
      executionModel === 'on-demand' ? 'aws-fargate' : 'aws-lambda';
    return {
      entityRef: `component:default/${name}`,
      name,
      title:
        random() < 0.3 ? `${name.replace(/-/g, ' ')} (synthetic)` : undefined,
      owner: random() < 0.98 ? pick(owners) : undefined,
      system: system?.ref,
      domain: system?.domain,
      executionModel,
      platform,
      monthlyCost,
      bestMonthlyCost:
        monthlyCost === null
          ? null
          : Math.round((monthlyCost - savings) * 100) / 100,
      diagnosticCount: random() < 0.08 ? 1 + Math.floor(random() * 3) : 0,
      suggestion: hasSuggestion
        ? {
            id: `sugg-${i}`,
            title:
              executionModel === 'on-demand'
                ? 'Move the hot function to a container'
                : 'Run the idle fleet on demand',
            targetPlatform: target,
            savings,
          }
        : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// In-page instrumentation.

/** Installed before the app's scripts: records long tasks, and the moment the tiles reach a count. */
const INIT_SCRIPT = `
  window.__bench = { longTasks: [], tilesAt: undefined, frameAt: undefined };
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const want = ${COUNT};
  const complete = ${VIEW === 'list'}
    ? () => document.querySelectorAll('[data-testid="map-tile"]').length >= want
    : () => Number(document.querySelector('[data-testid="treemap"]')?.dataset.count) === want;
  const observer = new MutationObserver(records => {
    if (!records.some(r => r.addedNodes.length)) return;
    if (complete()) {
      window.__bench.tilesAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__bench.frameAt = performance.now(); }, 0));
    }
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
`;

interface Measured {
  /** Event dispatched → DOM reflects it. */
  dom: number;
  /** Event dispatched → the frame after that. */
  frame: number;
  /** Longest long task in the interval. */
  longestTask: number;
}

type Action =
  | { kind: 'input'; selector: string; value: string }
  | { kind: 'select'; selector: string; value: string }
  | { kind: 'click'; selector: string }
  | { kind: 'hover'; selector: string };

type Done =
  | { kind: 'tiles'; count: number }
  | { kind: 'headings'; count: number }
  /** The treemap shows `count` components, or as many as the `countOf` element's data-count. */
  | { kind: 'treemap'; count?: number; countOf?: string; zoomed?: boolean }
  | { kind: 'text'; selector: string; text: string }
  /** The hover panel is shown (each run's page starts without one). */
  | { kind: 'tooltip' };

/** Dispatches the action inside the page and times until `done` holds (MutationObserver), then a frame. */
function interact(page: Page, action: Action, done: Done): Promise<Measured> {
  return page.evaluate(
    ({ action, done }) =>
      new Promise<Measured>((resolve, reject) => {
        const bench = (window as any).__bench;
        const el = document.querySelector(
          action.selector,
        ) as HTMLElement | null;
        if (!el) {
          reject(new Error(`no element ${action.selector}`));
          return;
        }
        const expected =
          done.kind === 'treemap'
            ? (done.count ??
              Number(
                (document.querySelector(done.countOf!) as HTMLElement | null)
                  ?.dataset.count,
              ))
            : 0;
        const check = () => {
          switch (done.kind) {
            case 'tiles':
              return (
                document.querySelectorAll('[data-testid="map-tile"]').length ===
                done.count
              );
            case 'headings':
              return (
                document.querySelectorAll('section h3').length === done.count
              );
            case 'treemap': {
              const svg = document.querySelector(
                '[data-testid="treemap"]',
              ) as SVGElement | null;
              return (
                !!svg &&
                Number(svg.dataset.count) === expected &&
                (done.zoomed === undefined ||
                  (svg.dataset.zoomed !== '') === done.zoomed)
              );
            }
            case 'text':
              return (
                document.querySelector(done.selector)?.textContent ?? ''
              ).includes(done.text);
            default:
              return !!document.querySelector('[role="tooltip"]');
          }
        };
        let t0 = 0;
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(
            new Error(
              `timed out waiting for ${JSON.stringify(done)} after ${JSON.stringify(action)}`,
            ),
          );
        }, 60_000);
        const finish = () => {
          const dom = performance.now() - t0;
          observer.disconnect();
          clearTimeout(timeout);
          requestAnimationFrame(() =>
            setTimeout(() => {
              const end = performance.now();
              const longestTask = bench.longTasks
                .filter(
                  (t: { start: number; duration: number }) =>
                    t.start + t.duration >= t0,
                )
                .reduce(
                  (m: number, t: { duration: number }) =>
                    Math.max(m, t.duration),
                  0,
                );
              resolve({ dom, frame: end - t0, longestTask });
            }, 0),
          );
        };
        const observer = new MutationObserver(() => {
          if (check()) finish();
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
        });
        t0 = performance.now();
        if (action.kind === 'input') {
          const setter = Object.getOwnPropertyDescriptor(
            HTMLInputElement.prototype,
            'value',
          )!.set!;
          setter.call(el, action.value);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        } else if (action.kind === 'select') {
          const setter = Object.getOwnPropertyDescriptor(
            HTMLSelectElement.prototype,
            'value',
          )!.set!;
          setter.call(el, action.value);
          el.dispatchEvent(new Event('change', { bubbles: true }));
        } else if (action.kind === 'hover') {
          el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        } else {
          // SVG elements have no click(): dispatch the event React listens for.
          el.dispatchEvent(
            new MouseEvent('click', { bubbles: true, button: 0 }),
          );
        }
      }),
    { action, done },
  );
}

// ---------------------------------------------------------------------------------------------------

interface LoadRun {
  responseEnd: number;
  tiles: number;
  frame: number;
  render: number;
  networkIdle: number;
  longestTask: number;
  heapMb: number;
  domNodes: number;
  pageHeight: number;
}

async function routeSummaries(context: BrowserContext, body: string) {
  await context.route(
    url =>
      url.pathname.endsWith('/api/arch-tradeoffs/v1/components') &&
      url.searchParams.get('view') === 'summary',
    async route => {
      const origin = route.request().headers().origin ?? FRONTEND;
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
        },
        body,
      });
    },
  );
}

async function load(
  context: BrowserContext,
): Promise<{ page: Page; run: LoadRun }> {
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  const started = Date.now();
  await page.goto(
    `${FRONTEND}/arch-tradeoffs${VIEW === 'list' ? '?view=list' : ''}`,
    { waitUntil: 'commit' },
  );
  await page.waitForFunction(
    () => (window as any).__bench?.frameAt !== undefined,
    undefined,
    {
      timeout: 180_000,
      polling: 50,
    },
  );
  // Playwright's networkidle: no request for 500 ms; reported without that quiet window.
  await page.waitForLoadState('networkidle');
  const networkIdle = Date.now() - started - 500;
  const figures = await page.evaluate(() => {
    const bench = (window as any).__bench;
    const entry = performance
      .getEntriesByType('resource')
      .find(
        e =>
          e.name.includes('/api/arch-tradeoffs/v1/components') &&
          e.name.includes('view=summary'),
      ) as PerformanceResourceTiming | undefined;
    const longestTask = bench.longTasks.reduce(
      (m: number, t: { duration: number }) => Math.max(m, t.duration),
      0,
    );
    const memory = (performance as any).memory;
    return {
      responseEnd: entry?.responseEnd ?? NaN,
      tiles: bench.tilesAt as number,
      frame: bench.frameAt as number,
      longestTask,
      heapMb: memory ? memory.usedJSHeapSize / 1048576 : NaN,
      domNodes: document.getElementsByTagName('*').length,
      pageHeight: document.scrollingElement?.scrollHeight ?? NaN,
    };
  });
  return {
    page,
    run: {
      ...figures,
      render: figures.frame - figures.responseEnd,
      networkIdle,
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n: number) =>
  Number.isFinite(n) ? `${Math.round(n).toLocaleString('en-US')} ms` : 'n/a';

function row(label: string, xs: number[], unit = ms) {
  return [
    label.padEnd(58),
    unit(Math.min(...xs)).padStart(10),
    unit(median(xs)).padStart(10),
    unit(Math.max(...xs)).padStart(10),
  ].join('  ');
}

// ---------------------------------------------------------------------------------------------------
// A production build of the dev app, served statically, with a backend of its own.

const ROOT = path.resolve(__dirname, '..');
const FRONTEND_PACKAGE = path.join(ROOT, 'plugins/arch-tradeoffs');
const BACKEND_PACKAGE = path.join(ROOT, 'plugins/arch-tradeoffs-backend');
const PRODUCTION_DIST = path.join(OUT, 'app-production');

/** app-config.yaml, the browser tests' in-memory database, and the ports above. */
function productionConfigs(): string[] {
  const overlay = path.join(OUT, 'app-config.bench-production.yaml');
  const backend = new URL(PRODUCTION_BACKEND);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    overlay,
    [
      '# Written by bench/map.bench.ts for ARCH_TRADEOFFS_BENCH_BUILD=production.',
      `app: { baseUrl: '${PRODUCTION_FRONTEND}' }`,
      `backend: { baseUrl: '${PRODUCTION_BACKEND}', listen: { port: ${backend.port} }, cors: { origin: '${PRODUCTION_FRONTEND}' } }`,
      '',
    ].join('\n'),
  );
  return [
    path.join(ROOT, 'app-config.yaml'),
    path.join(ROOT, 'e2e/app-config.e2e.yaml'),
    overlay,
  ];
}

/**
 * Builds plugins/arch-tradeoffs/dev/index.tsx for production with the bundler `backstage-cli package
 * build` uses for an app (entry `src/index` there, `dev/index` here). The CLI has no command for a
 * plugin's dev app, so its bundling module is called directly: an internal API, which a CLI upgrade
 * may move.
 */
async function buildProductionApp(configs: string[]): Promise<number> {
  const started = Date.now();
  const cliBuild = path.dirname(
    require.resolve('@backstage/cli-module-build/package.json', {
      paths: [require.resolve('@backstage/cli/package.json')],
    }),
  );
  const { buildBundle } = require(
    path.join(cliBuild, 'dist/lib/bundler/bundle.cjs.js'),
  );
  const { loadCliConfig } = require(
    path.join(cliBuild, 'dist/lib/config.cjs.js'),
  );
  const packageName = JSON.parse(
    fs.readFileSync(path.join(FRONTEND_PACKAGE, 'package.json'), 'utf8'),
  ).name;
  await buildBundle({
    targetDir: FRONTEND_PACKAGE,
    entry: 'dev/index',
    dist: PRODUCTION_DIST,
    statsJsonEnabled: false,
    ...(await loadCliConfig({
      args: configs,
      fromPackage: packageName,
      targetDir: FRONTEND_PACKAGE,
    })),
  });
  return Date.now() - started;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The built files; any other path is the app's (index.html), as a production app server does. */
function serveStatically(dir: string, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(
      new URL(req.url ?? '/', 'http://x').pathname,
    );
    const file = path.join(dir, path.normalize(pathname));
    const found =
      file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile()
        ? file
        : path.join(dir, 'index.html');
    res.writeHead(200, {
      'content-type':
        CONTENT_TYPES[path.extname(found)] ?? 'application/octet-stream',
    });
    fs.createReadStream(found).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

async function waitUntilAnswers(url: string, child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `the backend exited (code ${child.exitCode}) before ${url} answered`,
      );
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within 180 s`);
}

/** The production build served on :3027 and a backend on :7027; stop() ends both. */
async function startProductionApp(): Promise<{
  buildMs: number;
  stop: () => Promise<void>;
}> {
  const configs = productionConfigs();
  process.stdout.write('Building the dev app for production (rspack)…\n');
  const buildMs = await buildProductionApp(configs);
  const cli = require.resolve('@backstage/cli/bin/backstage-cli', {
    paths: [ROOT],
  });
  const backend = spawn(
    process.execPath,
    [cli, 'package', 'start', ...configs.flatMap(c => ['--config', c])],
    {
      cwd: BACKEND_PACKAGE,
      detached: true, // its own process group: stopping it stops what it spawns
      stdio: 'ignore',
    },
  );
  const stopBackend = () => {
    try {
      process.kill(-backend.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitUntilAnswers(
      `${PRODUCTION_BACKEND}/api/arch-tradeoffs/health`,
      backend,
    );
    const server = await serveStatically(
      PRODUCTION_DIST,
      Number(new URL(PRODUCTION_FRONTEND).port),
    );
    return {
      buildMs,
      stop: async () => {
        stopBackend();
        await new Promise(r => server.close(r));
      },
    };
  } catch (e) {
    stopBackend();
    throw e;
  }
}

async function main() {
  const items = syntheticSummaries();
  const response: ComponentsResponse<ComponentSummary> = {
    items,
    totalCount: items.length,
    offset: 0,
    limit: items.length,
    currency: 'USD',
    snapshot: {
      id: 1,
      createdAt: new Date().toISOString(),
      partial: false,
      componentCount: items.length,
      durationMs: 1234,
    },
  };
  const body = JSON.stringify(response);

  // Expected outcomes, computed the way the map filters (mapModel.filterComponents).
  const matching = (search: string) =>
    items.filter(
      c =>
        c.name.toLowerCase().includes(search) ||
        (c.title?.toLowerCase().includes(search) ?? false),
    ).length;
  const searchCount = matching(SEARCH);
  const wideCount = matching(WIDE_SEARCH);
  const onDemandCount = items.filter(
    c => c.executionModel === 'on-demand',
  ).length;
  const ownerGroups = new Set(items.map(c => c.owner ?? '')).size;
  const domainGroups = new Set(items.map(c => c.domain ?? '')).size;

  const production = PRODUCTION ? await startProductionApp() : undefined;
  try {
    const res = await fetch(FRONTEND);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (e) {
    await production?.stop();
    throw new Error(
      `The app does not answer at ${FRONTEND} (${(e as Error).message}); start it with \`npm start\`.`,
    );
  }
  const build = production
    ? `a PRODUCTION build of the dev app (React in production mode, minified; built in ${(production.buildMs / 1000).toFixed(0)} s into ${path.relative(ROOT, PRODUCTION_DIST)}), served statically, with its own backend on ${PRODUCTION_BACKEND}`
    : 'the running dev server: real app, sign-in, React, MUI and map code; development build';

  console.log(
    [
      '',
      'Org-wide map benchmark',
      '======================',
      `App: ${FRONTEND} (${build}).`,
      `Data: SYNTHETIC. The map's GET /api/arch-tradeoffs/v1/components?view=summary is intercepted in the browser`,
      `      and answered with ${items.length.toLocaleString('en-US')} generated ComponentSummary items (${(body.length / 1048576).toFixed(1)} MB JSON):`,
      `      ${domainGroups} domain groups, ${SYSTEMS} systems, ${OWNERS} owners, ${items.filter(c => !c.executionModel).length} unannotated, ` +
        `${onDemandCount} on-demand, ${items.filter(c => c.suggestion).length} with a suggestion, log-distributed costs.`,
      `Runs: ${RUNS} per figure; view: ${VIEW}; headless Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}), viewport 1500×1000, fresh browser context (empty cache) per load.`,
      '',
    ].join('\n'),
  );

  const browser = await launchChromium();
  const loads: LoadRun[] = [];
  const interactions: Record<string, Measured[]> = {};
  const record = (key: string, m: Measured) =>
    (interactions[key] ??= []).push(m);

  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 1500, height: 1000 },
      });
      await routeSummaries(context, body);
      const { page, run: loaded } = await load(context);
      loads.push(loaded);
      if (run === 0) {
        // For a look at the map (bench/out/ is gitignored).
        fs.mkdirSync(OUT, { recursive: true });
        await page.screenshot({
          path: path.join(OUT, `map-${VIEW}-${COUNT}.png`),
        });
      }
      process.stdout.write(
        `  load ${run + 1}/${RUNS}: ${ms(loaded.frame)} to the map painted\n`,
      );

      // One round of each interaction per run (the page is warm after the first load's JIT).
      const shows = (count: number): Done =>
        VIEW === 'list' ? { kind: 'tiles', count } : { kind: 'treemap', count };
      const unit = VIEW === 'list' ? 'tiles' : 'components';
      record(
        `search "${SEARCH}" (${N} → ${searchCount} ${unit})`,
        await interact(
          page,
          { kind: 'input', selector: '#org-map-search', value: SEARCH },
          shows(searchCount),
        ),
      );
      record(
        `clear search (${searchCount} → ${N} ${unit})`,
        await interact(
          page,
          { kind: 'input', selector: '#org-map-search', value: '' },
          shows(items.length),
        ),
      );
      record(
        `search "${WIDE_SEARCH}" (${N} → ${wideCount} ${unit}, computed afresh)`,
        await interact(
          page,
          { kind: 'input', selector: '#org-map-search', value: WIDE_SEARCH },
          shows(wideCount),
        ),
      );
      record(
        `clear search (${wideCount} → ${N} ${unit})`,
        await interact(
          page,
          { kind: 'input', selector: '#org-map-search', value: '' },
          shows(items.length),
        ),
      );
      record(
        `model select = on-demand (${N} → ${onDemandCount} ${unit})`,
        await interact(
          page,
          { kind: 'select', selector: '#org-map-model', value: 'on-demand' },
          shows(onDemandCount),
        ),
      );
      record(
        `model select = All (${onDemandCount} → ${N} ${unit})`,
        await interact(
          page,
          { kind: 'select', selector: '#org-map-model', value: '' },
          shows(items.length),
        ),
      );
      // A different tile each run, so the panel really changes.
      record(
        'hover a tile (details panel shown)',
        await interact(
          page,
          {
            kind: 'hover',
            selector:
              `[data-testid="map-tile"]:nth-of-type(${run + 1}) ${VIEW === 'list' ? '' : 'rect'}`.trim(),
          },
          { kind: 'tooltip' },
        ),
      );
      if (VIEW === 'treemap') {
        // The largest domain comes first; its group's rectangle is the first drawn.
        const largest = '[data-testid="map-group"][data-depth="1"]';
        record(
          'zoom into the largest domain (click)',
          await interact(
            page,
            { kind: 'click', selector: largest },
            { kind: 'treemap', countOf: largest, zoomed: true },
          ),
        );
        record(
          `zoom out to all domains (breadcrumb; ${N} components)`,
          await interact(
            page,
            {
              kind: 'click',
              selector: 'nav[aria-label="Treemap zoom"] button',
            },
            { kind: 'treemap', count: items.length, zoomed: false },
          ),
        );
      }
      const crumb = 'nav[aria-label="Treemap zoom"]';
      record(
        `group by Team (${domainGroups} domains → ${ownerGroups} team groups)`,
        await interact(
          page,
          { kind: 'click', selector: 'button[value="owner"]' },
          VIEW === 'list'
            ? { kind: 'headings', count: ownerGroups }
            : { kind: 'text', selector: crumb, text: 'All teams' },
        ),
      );
      record(
        `group by Domain / system (back to ${domainGroups} domains)`,
        await interact(
          page,
          { kind: 'click', selector: 'button[value="system"]' },
          VIEW === 'list'
            ? { kind: 'headings', count: domainGroups }
            : { kind: 'text', selector: crumb, text: 'All domains' },
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await production?.stop();
  }

  const header = [
    'Figure'.padEnd(58),
    'best'.padStart(10),
    'median'.padStart(10),
    'worst'.padStart(10),
  ].join('  ');
  const line = '-'.repeat(header.length);
  const lines = [
    '',
    header,
    line,
    'Load (from navigation start)',
    row(
      '  summaries response received (intercepted)',
      loads.map(l => l.responseEnd),
    ),
    row(
      `  map complete in the DOM (${VIEW}, ${N} components)`,
      loads.map(l => l.tiles),
    ),
    row(
      '  next frame after that',
      loads.map(l => l.frame),
    ),
    row(
      '  network idle (Playwright, minus its 500 ms quiet window)',
      loads.map(l => l.networkIdle),
    ),
    row(
      '  render: response received → map painted',
      loads.map(l => l.render),
    ),
    row(
      '  longest main-thread task during load',
      loads.map(l => l.longestTask),
    ),
    row(
      '  JS heap after load',
      loads.map(l => l.heapMb),
      n => (Number.isFinite(n) ? `${n.toFixed(0)} MB` : 'n/a'),
    ),
    row(
      '  DOM elements after load',
      loads.map(l => l.domNodes),
      n => Math.round(n).toLocaleString('en-US'),
    ),
    row(
      '  page height (viewport 1000 px)',
      loads.map(l => l.pageHeight),
      n => `${Math.round(n).toLocaleString('en-US')} px`,
    ),
    line,
    'Interactions (event dispatched → DOM updated / next frame; longest task)',
  ];
  for (const [label, runs] of Object.entries(interactions)) {
    lines.push(
      row(
        `  ${label}`,
        runs.map(r => r.dom),
      ),
    );
    lines.push(
      row(
        '      … next frame',
        runs.map(r => r.frame),
      ),
    );
    lines.push(
      row(
        '      … longest task',
        runs.map(r => r.longestTask),
      ),
    );
  }
  lines.push(line);
  lines.push(
    `SYNTHETIC DATA: the ${N} components were generated by this script and injected by intercepting the`,
    `map's request; the app, React, MUI and the map code are the real ones (${PRODUCTION ? 'production build' : 'development build, from the running dev server'}).`,
    `Screenshot of the first load: ${path.join(OUT, `map-${VIEW}-${COUNT}.png`)}`,
    '',
  );
  console.log(lines.join('\n'));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
