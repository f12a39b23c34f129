/*
 * The demo Prometheus that `npm start` and the browser tests run beside the backend (scripts/
 * devServers.js): 30 days of synthetic traffic, ending 3 hours ago at a 5-minute step, for part of the
 * example organisation, so some components show measured figures and the rest show what an
 * unmeasured component looks like.
 *
 * Series carry the labels the backend's default selector looks for: `job` = the component's
 * `backstage.io/kubernetes-id`, else its name; a Lambda's `function_name` = its
 * `aws.com/lambda-function-name`.
 *
 * Run as a script, it starts the server, prints its URL as the first line on stdout once it answers
 * queries, and stops it (removing its files) on SIGTERM or SIGINT, and with `--until-stdin-closes`
 * also when its stdin closes: a parent that holds the pipe cannot leave it running by dying first.
 * Needs the prometheus and promtool binaries (see findPrometheus).
 */
import { startPrometheus } from './prometheusServer';
import {
  batch,
  diurnal,
  spiky,
  steady,
  writeOpenMetrics,
  type SyntheticService,
} from './syntheticMetrics';

const DAY = 86_400;
const STEP = 300;
export const DEMO_DAYS = 30;

/** One measured component of the demo: what its synthetic traffic looks like. */
export interface DemoComponent {
  /** The catalog entity's name. */
  component: string;
  pattern: 'steady' | 'diurnal' | 'spiky' | 'batch';
  /** Days of data before the end: fewer than DEMO_DAYS for a young service. */
  days: number;
  /** The service, without its time range. */
  service: Omit<SyntheticService, 'start' | 'end' | 'step'>;
}

const storefrontBffRps = diurnal(68.5, { peakHourUtc: 20, minShare: 0.25 });
const statusPageRps = spiky(0.55, { spikeRps: 45, spikesPerDay: 0.7, spikeSeconds: 900, seed: 42 });

export const DEMO_COMPONENTS: readonly DemoComponent[] = [
  {
    // As annotated: steady ~20 rps (52,560,000 a month), 2 replicas. Go: Prometheus client metrics.
    component: 'product-catalog-service',
    pattern: 'steady',
    days: DEMO_DAYS,
    service: {
      labels: { job: 'product-catalog-service' },
      family: 'prometheus',
      rps: steady(20, 0.05, 1),
      avgDurationMs: 25,
      cpuMsPerRequest: 8,
      memoryMb: 380,
      instances: 2,
    },
  },
  {
    // As annotated: ~9.9 rps (26,000,000 a month), evening peak. Java/Spring: Micrometer metrics.
    component: 'checkout-service',
    pattern: 'diurnal',
    days: DEMO_DAYS,
    service: {
      labels: { job: 'checkout-service' },
      family: 'micrometer',
      rps: diurnal(9.9, { peakHourUtc: 19, minShare: 0.1 }),
      avgDurationMs: 180,
      cpuMsPerRequest: 40,
      memoryMb: 1_600,
      instances: 2,
    },
  },
  {
    // As annotated: ~68.5 rps (180,000,000 a month). Autoscaled 3–5 pods with the load, and a deploy
    // 9 days ago restarted one (a counter reset). Node.js with OpenTelemetry.
    component: 'storefront-bff',
    pattern: 'diurnal',
    days: DEMO_DAYS,
    service: {
      labels: { job: 'storefront-bff' },
      family: 'otel',
      rps: storefrontBffRps,
      avgDurationMs: 45,
      cpuMsPerRequest: 12,
      memoryMb: 700,
      instances: t => Math.min(5, Math.max(3, Math.ceil(storefrontBffRps(t) / 25))),
    },
  },
  {
    // Quiet (~0.55 rps) with incident bursts of 45 rps for 15 minutes, about one day in three out of
    // two; one instance, three during a burst. ~2.3 M a month against 2 M annotated. Go.
    component: 'status-page-api',
    pattern: 'spiky',
    days: DEMO_DAYS,
    service: {
      labels: { job: 'status-page-api' },
      family: 'prometheus',
      rps: statusPageRps,
      avgDurationMs: 20,
      cpuMsPerRequest: 5,
      memoryMb: 90,
      instances: t => (statusPageRps(t) > 5 ? 3 : 1),
    },
  },
  {
    // Matched by its backstage.io/kubernetes-id (it has no traffic annotations): a nightly stock sync,
    // 30 rps from 01:00 to 04:00 UTC and idle otherwise, on 2 always-running pods.
    component: 'warehouse-events-consumer',
    pattern: 'batch',
    days: DEMO_DAYS,
    service: {
      labels: { job: 'warehouse-events-consumer' },
      family: 'otel',
      rps: batch(30, { startHourUtc: 1, hours: 3 }),
      avgDurationMs: 60,
      cpuMsPerRequest: 25,
      memoryMb: 900,
      instances: 2,
    },
  },
  {
    // Young: launched 6 days ago, so only 6 days of data (a reader must not divide by 30 days).
    // ~2.3 rps ≈ the 6,000,000 a month annotated.
    component: 'reviews-service',
    pattern: 'diurnal',
    days: 6,
    service: {
      labels: { job: 'reviews-service' },
      family: 'micrometer',
      rps: diurnal(2.3, { peakHourUtc: 20, minShare: 0.3 }),
      avgDurationMs: 70,
      cpuMsPerRequest: 15,
      memoryMb: 450,
    },
  },
  {
    // THE DRIFT EXAMPLE: annotated 50,000 requests a month, but a pricing page now polls it: a steady
    // 0.25 rps is ~657,000 a month, 13 times the annotation. 3 tasks, as annotated. Go.
    component: 'fx-rates-service',
    pattern: 'steady',
    days: DEMO_DAYS,
    service: {
      labels: { job: 'fx-rates-service' },
      family: 'prometheus',
      rps: steady(0.25, 0.3, 2),
      avgDurationMs: 30,
      cpuMsPerRequest: 5,
      memoryMb: 60,
      instances: 3,
    },
  },
  {
    // The only example Lambda with aws.com/lambda-function-name (no traffic annotations): receipts
    // follow orders, ~1.2 rps with an evening peak, 1.8 s each. CloudWatch-exporter gauges.
    component: 'receipt-pdf-renderer',
    pattern: 'diurnal',
    days: DEMO_DAYS,
    service: {
      labels: { job: 'cloudwatch', function_name: 'receipt-pdf-renderer-prod' },
      family: 'lambda',
      rps: diurnal(1.2, { peakHourUtc: 19, minShare: 0.15 }),
      avgDurationMs: 1_800,
    },
  },
];

/** The names of the components the demo measures (for the browser tests). */
export const DEMO_MEASURED_COMPONENTS: readonly string[] = DEMO_COMPONENTS.map(c => c.component);

/**
 * The component whose annotated monthly requests (50,000) are far from what the demo measures (about
 * 657,000; syntheticTruth(demoServices()) has the exact figure).
 */
export const DEMO_DRIFT_COMPONENT = 'fx-rates-service';

/** The demo's services, with data ending at least 3 hours before `nowSeconds`, on 5-minute steps. */
export function demoServices(nowSeconds = Date.now() / 1000): SyntheticService[] {
  const end = Math.floor((nowSeconds - 3 * 3_600) / STEP) * STEP;
  return DEMO_COMPONENTS.map(c => ({ ...c.service, id: c.component, start: end - c.days * DAY, end, step: STEP }));
}

async function main() {
  const started = Date.now();
  const server = await startPrometheus({ write: sink => writeOpenMetrics(demoServices(), sink) });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  if (process.argv.includes('--until-stdin-closes')) process.stdin.on('end', shutdown).resume();
  process.stdout.write(`${server.baseUrl}\n`);
  process.stderr.write(
    `Demo Prometheus ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${DEMO_DAYS} days of synthetic ` +
      `traffic for ${DEMO_MEASURED_COMPONENTS.join(', ')}\n`,
  );
}

if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  });
}
