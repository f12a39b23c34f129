import net from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import type { ComponentUsage, UsageMeasurement } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { describeWithPrometheus } from '../../dev/prometheus/describeWithPrometheus';
import { PrometheusServer, startPrometheus } from '../../dev/prometheus/prometheusServer';
import {
  batch,
  diurnal,
  openMetricsText,
  spiky,
  steady,
  SyntheticService,
  syntheticTruth,
  SyntheticTruth,
} from '../../dev/prometheus/syntheticMetrics';
import { UsageMeter } from './UsageMeter';
import { DEFAULT_METRICS, PrometheusUsageOptions } from './usageConfig';
import { parseSelectorTemplate, SelectorTemplate } from './selectors';

const DAY = 86_400;
const STEP = 60;
// Ten days of data ending 3 h before now (promtool refuses the newest hours), on the step grid.
const END = Math.floor((Date.now() / 1000 - 3 * 3600) / 3600) * 3600;
const START = END - 10 * DAY;

const service = (id: string, s: Omit<SyntheticService, 'id' | 'start' | 'end' | 'step'> & Partial<SyntheticService>): SyntheticService => ({
  id, start: START, end: END, step: STEP, ...s,
});

const SERVICES: SyntheticService[] = [
  service('steady', { labels: { job: 'steady-otel' }, family: 'otel', rps: steady(20, 0.1), avgDurationMs: 40, cpuMsPerRequest: 12, memoryMb: 300, instances: 2 }),
  service('diurnal', { labels: { job: 'diurnal-client' }, family: 'prometheus', rps: diurnal(8, { peakHourUtc: 14, minShare: 0.1 }), avgDurationMs: 120, instances: t => (Math.floor(t / 3600) % 24 < 12 ? 2 : 4) }),
  service('spiky', { labels: { job: 'spiky-micrometer' }, family: 'micrometer', rps: spiky(2, { spikeRps: 60, spikesPerDay: 3, spikeSeconds: 600, seed: 7 }), avgDurationMs: 25 }),
  service('batch', { labels: { job: 'nightly-batch' }, family: 'prometheus', rps: batch(30, { startHourUtc: 1, hours: 3 }), avgDurationMs: 900 }),
  // Deployed three days before the data ends: measured over its three days, not averaged over ten.
  service('young', { labels: { job: 'young-service' }, family: 'otel', rps: steady(5), avgDurationMs: 60, start: END - 3 * DAY }),
  // Scales to zero: requests on days 1–3 and 8–10 only, no series in between (two shards of one job).
  service('gappy-a', { labels: { job: 'gappy', shard: 'a' }, family: 'prometheus', rps: steady(6), avgDurationMs: 30, end: START + 3 * DAY }),
  service('gappy-b', { labels: { job: 'gappy', shard: 'b' }, family: 'prometheus', rps: steady(6), avgDurationMs: 30, start: END - 3 * DAY }),
  service('restarts', { labels: { job: 'restarts' }, family: 'prometheus', rps: steady(10), avgDurationMs: 30, counterResetAt: START + 4 * DAY }),
  // Two services sharing one job, told apart by a custom selector.
  service('cart', { labels: { job: 'shop', service: 'cart' }, family: 'otel', rps: steady(3), avgDurationMs: 50 }),
  service('wishlist', { labels: { job: 'shop', service: 'wishlist' }, family: 'otel', rps: steady(1), avgDurationMs: 50 }),
  service('lambda', { labels: { function_name: 'resize-images' }, family: 'lambda', rps: diurnal(4, { peakHourUtc: 10, minShare: 0.2 }), avgDurationMs: 180, step: 300 }),
];
const TRUTH: Record<string, SyntheticTruth> = syntheticTruth(SERVICES);

const component = (name: string, annotations: Record<string, string> = {}) => ({
  entityRef: `component:default/${name}`, name, namespace: 'default', annotations,
});
const COMPONENTS = [
  component('steady', { 'backstage.io/kubernetes-id': 'steady-otel' }),
  component('diurnal-client'),
  component('spiky-micrometer'),
  component('nightly-batch'),
  component('young-service'),
  component('restarts'),
  component('gappy'),
  component('cart', { 'arch-tradeoffs.io/prometheus-selector': 'service="cart"' }),
  component('wishlist', { 'arch-tradeoffs.io/prometheus-selector': '{job="shop", service="wishlist"}' }),
  component('images', { 'aws.com/lambda-function-name': 'resize-images' }),
  component('silent'),
];

function options(baseUrl: string, overrides: Partial<PrometheusUsageOptions> = {}): PrometheusUsageOptions {
  return {
    baseUrl,
    headers: {},
    windowMs: 30 * DAY * 1000,
    queryTimeoutMs: 20_000,
    resolutionMs: 300_000,
    selector: parseSelectorTemplate('job="{{kubernetesId}}"') as SelectorTemplate,
    metrics: DEFAULT_METRICS,
    ...overrides,
  };
}

const logger = mockServices.logger.mock();

function measured(usage: ComponentUsage | undefined): UsageMeasurement {
  if (usage?.status !== 'measured') throw new Error(`not measured: ${JSON.stringify(usage)}`);
  return usage.measurement;
}

/** Within 1 % of the truth. */
const near = (actual: number | undefined, truth: number) => expect(Math.abs(actual! - truth) / truth).toBeLessThan(0.01);

describeWithPrometheus('UsageMeter against a real Prometheus', () => {
  let server: PrometheusServer;
  let usage: Map<string, ComponentUsage>;
  let meter: UsageMeter;
  const at = new Date();

  beforeAll(async () => {
    server = await startPrometheus({ write: openMetricsText(SERVICES) });
    meter = new UsageMeter(options(server.baseUrl), logger);
    const measurement = await meter.start(at);
    usage = await measurement.measure(COMPONENTS);
    usage.set('health', { status: 'unmeasured', reason: JSON.stringify(measurement.health()) });
  }, 120_000);
  afterAll(() => server?.stop());

  const of = (name: string) => measured(usage.get(`component:default/${name}`));

  it('measures requests, duration, CPU, memory and instances within 1 % of the generated truth', () => {
    const m = of('steady');
    const t = TRUTH.steady;
    near(m.figures.monthlyRequests!.value, t.monthlyRequests);
    near(m.figures.peakRps!.value, t.peakRps5m);
    near(m.figures.avgDurationMs!.value, t.meanDurationMs);
    near(m.figures.cpuMs!.value, t.cpuMsPerRequest!);
    expect(m.figures.memoryMb!.value).toBe(t.memoryMb);
    expect(m.figures.instances!.value).toBe(2);
    expect(m.figures.maxInstances!.value).toBe(2);
    expect(m.figures.monthlyRequests!.metric).toBe('http_server_request_duration_seconds_count');
    expect(m.figures.avgDurationMs!.metric).toBe('http_server_request_duration_seconds_sum');
    expect(m.selector).toBe('job="steady-otel"');
    // The span the data covers, within 1 %.
    near((Date.parse(m.to) - Date.parse(m.from)) / 1000, t.spanSeconds);
  });

  it('reads each request family: OpenTelemetry, client libraries, Micrometer', () => {
    for (const [name, id, metric] of [
      ['diurnal-client', 'diurnal', 'http_request_duration_seconds_count'],
      ['spiky-micrometer', 'spiky', 'http_server_requests_seconds_count'],
      ['nightly-batch', 'batch', 'http_request_duration_seconds_count'],
    ]) {
      const m = of(name);
      expect(m.figures.monthlyRequests!.metric).toBe(metric);
      near(m.figures.monthlyRequests!.value, TRUTH[id].monthlyRequests);
      near(m.figures.avgDurationMs!.value, TRUTH[id].meanDurationMs);
    }
    const diurnalInstances = of('diurnal-client').figures;
    expect(diurnalInstances.instances!.value).toBe(3);
    expect(diurnalInstances.maxInstances!.value).toBe(4);
  });

  it('classifies generated steady, diurnal, spiky and batch traffic, with the hourly shape', () => {
    expect(of('steady').shape!.pattern).toBe('steady');
    expect(of('diurnal-client').shape!.pattern).toBe('diurnal');
    expect(of('spiky-micrometer').shape!.pattern).toBe('spiky');
    expect(of('nightly-batch').shape!.pattern).toBe('batch');
    // Hour by hour, the shape is the generated one (averaged over the last 7 days of data).
    const shape = of('diurnal-client').shape!.hourlyRps;
    const busiest = shape.indexOf(Math.max(...shape));
    expect(busiest === 13 || busiest === 14).toBe(true);
    const batchShape = of('nightly-batch').shape!.hourlyRps;
    expect(batchShape.map((r, h) => (r > 0 ? h : -1)).filter(h => h >= 0)).toEqual([1, 2, 3]);
    near(batchShape[2], 30);
  });

  it('measures a young series over the time it has data, and says so', () => {
    const m = of('young-service');
    near(m.figures.monthlyRequests!.value, TRUTH.young.monthlyRequests);
    const days = (Date.parse(m.to) - Date.parse(m.from)) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.01);
    expect(m.shape).toBeDefined();
  });

  it('measures a service that scales to zero over its whole life, not only the time it has series', () => {
    const a = TRUTH['gappy-a'];
    const b = TRUTH['gappy-b'];
    const span = b.lastSample - a.firstSample;
    const monthly = ((a.totalRequests + b.totalRequests) / span) * 730 * 3600;
    near(of('gappy').figures.monthlyRequests!.value, monthly);
    near((Date.parse(of('gappy').to) - Date.parse(of('gappy').from)) / 1000, span);
  });

  it('counts across a counter reset', () => {
    expect(TRUTH.restarts.counterResets).toBe(1);
    near(of('restarts').figures.monthlyRequests!.value, TRUTH.restarts.monthlyRequests);
  });

  it('measures components with their own selector apart, though they share a job', () => {
    near(of('cart').figures.monthlyRequests!.value, TRUTH.cart.monthlyRequests);
    near(of('wishlist').figures.monthlyRequests!.value, TRUTH.wishlist.monthlyRequests);
    expect(of('wishlist').selector).toBe('job="shop", service="wishlist"');
  });

  it('measures Lambda functions from the CloudWatch exporter’s period gauges, without rate()', () => {
    const m = of('images');
    near(m.figures.monthlyRequests!.value, TRUTH.lambda.monthlyRequests);
    near(m.figures.avgDurationMs!.value, TRUTH.lambda.meanDurationMs);
    expect(m.figures.monthlyRequests!.metric).toBe('aws_lambda_invocations_sum');
    expect(m.figures.instances).toBeUndefined();
    expect(m.shape!.pattern).toBe('diurnal');
    const busiest = m.shape!.hourlyRps.indexOf(Math.max(...m.shape!.hourlyRps));
    expect(Math.abs(busiest - 10)).toBeLessThanOrEqual(1);
  });

  it('measures the other components of a query when Prometheus refuses one selector in it', async () => {
    // Valid PromQL to the annotation's check (JavaScript reads `\\y` as a plain `y`), refused by RE2.
    const refused = component('refused', { 'arch-tradeoffs.io/prometheus-selector': 'service=~"wish\\\\y"' });
    const measurement = await new UsageMeter(options(server.baseUrl), logger).start(at);
    const result = await measurement.measure([COMPONENTS[0], refused, ...COMPONENTS.slice(1)]);
    expect(result.get('component:default/refused')).toEqual({
      status: 'unmeasured',
      reason: expect.stringMatching(/^Prometheus refused its selector service=~"wish\\\\y": .*bad_data.*escape/),
      selector: 'service=~"wish\\\\y"',
    });
    for (const name of ['steady', 'cart', 'wishlist']) {
      expect(result.get(`component:default/${name}`)?.status).toBe('measured');
    }
    near(measured(result.get('component:default/cart')).figures.monthlyRequests!.value, TRUTH.cart.monthlyRequests);
    // One component's selector is its own problem, not the source's.
    expect(measurement.health().lastError).toBeUndefined();
  });

  it('says why a component without series is not measured', () => {
    expect(usage.get('component:default/silent')).toEqual({
      status: 'unmeasured',
      reason: 'no request counter series match job="silent" in the last 30 days',
      selector: 'job="silent"',
    });
  });

  it('sends a fixed number of queries, and records the source as healthy', () => {
    const health = JSON.parse((usage.get('health') as { reason: string }).reason);
    // Retention; 9 batched request/process queries and 3 hourly ones (one per request family); 6
    // Lambda queries; and 12 more for the one chunk of custom selectors.
    expect(health).toEqual({
      source: 'prometheus',
      lastSuccess: at.toISOString(),
      queries: 31,
      measured: 10,
      selected: 11,
      windowDays: 30,
    });
  });

  it('cuts the window to the server’s retention and states it', async () => {
    const short = await startPrometheus({ write: openMetricsText(SERVICES.slice(0, 1)), retention: '5d' });
    try {
      const measurement = await new UsageMeter(options(short.baseUrl), logger).start(at);
      const m = measured((await measurement.measure(COMPONENTS.slice(0, 1))).get('component:default/steady'));
      expect(m.windowDays).toBe(5);
      expect(m.windowNote).toBe("cut to the server's retention (5d)");
    } finally {
      await short.stop();
    }
  }, 120_000);

  describe('faults never cost a refresh', () => {
    it('a stopped server: every component unmeasured with the reason, the health says when it last worked', async () => {
      const stopped = await startPrometheus({ write: openMetricsText(SERVICES.slice(0, 1)) });
      const baseUrl = stopped.baseUrl;
      await stopped.stop();
      const previous = { source: 'prometheus' as const, lastSuccess: '2026-12-01T00:00:00.000Z', queries: 1, measured: 1, selected: 1, windowDays: 30 };
      const measurement = await new UsageMeter(options(baseUrl), logger).start(at, previous);
      const result = await measurement.measure(COMPONENTS.slice(0, 2));
      for (const u of result.values()) {
        expect(u.status).toBe('unmeasured');
        expect(u.status === 'unmeasured' && u.reason).toMatch(/^Prometheus at http:\/\/127\.0\.0\.1:\d+: .* could not be reached/);
      }
      expect(measurement.health()).toMatchObject({ lastSuccess: previous.lastSuccess, queries: 1, measured: 0, selected: 2 });
      expect(measurement.health().lastError!.message).toContain('could not be reached');
    }, 60_000);

    it('a port that accepts and never answers: one timeout, not one per query', async () => {
      const sockets: net.Socket[] = [];
      const silent = net.createServer(socket => sockets.push(socket));
      await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as net.AddressInfo;
      try {
        const started = Date.now();
        const measurement = await new UsageMeter(options(`http://127.0.0.1:${port}`, { queryTimeoutMs: 1000 }), logger).start(at);
        const result = await measurement.measure(COMPONENTS.slice(0, 1));
        expect(Date.now() - started).toBeLessThan(5000);
        expect(result.get('component:default/steady')).toMatchObject({
          status: 'unmeasured',
          reason: expect.stringContaining('did not answer within 1 s'),
        });
      } finally {
        sockets.forEach(s => s.destroy());
        silent.close();
      }
    });

    it('a query the server refuses degrades its figure only', async () => {
      // A metric name the server rejects in one family: the request queries fail, the process ones stand.
      const broken = options(server.baseUrl, {
        metrics: { ...DEFAULT_METRICS, memory: 'process_resident_memory_bytes[' },
      });
      const measurement = await new UsageMeter(broken, logger).start(at);
      const m = measured((await measurement.measure(COMPONENTS.slice(0, 1))).get('component:default/steady'));
      expect(m.figures.memoryMb).toBeUndefined();
      near(m.figures.monthlyRequests!.value, TRUTH.steady.monthlyRequests);
      expect(measurement.health().lastError!.message).toContain('bad_data');
    }, 30_000);
  });
});
