/*
 * The real-Prometheus harness (dev/prometheus) reads back what it wrote: the truth of the synthetic
 * metrics is what PromQL finds, so tests of the usage reader can trust it. (Here, not in dev/: the
 * Backstage Jest config only collects tests under src/.)
 */
import { describeWithPrometheus } from '../dev/prometheus/describeWithPrometheus';
import { startPrometheus, type PrometheusServer } from '../dev/prometheus/prometheusServer';
import {
  batch,
  diurnal,
  spiky,
  steady,
  syntheticTruth,
  writeOpenMetrics,
  type SyntheticService,
} from '../dev/prometheus/syntheticMetrics';

const DAY = 86_400;
const HOUR = 3_600;
// Data ends at least 3 hours before now (the server's head block owns the newest hours).
const end = Math.floor((Date.now() / 1000 - 4 * HOUR) / 300) * 300;
const start = end - 10 * DAY;

const services: SyntheticService[] = [
  {
    // Busier in the afternoon: a third instance from 12:00 to 20:00 UTC, and one restart.
    labels: { job: 'checkout' },
    family: 'otel',
    rps: diurnal(40, { peakHourUtc: 16, minShare: 0.2 }),
    avgDurationMs: 80,
    cpuMsPerRequest: 20,
    memoryMb: 512,
    instances: t => (Math.floor(t / HOUR) % 24 >= 12 && Math.floor(t / HOUR) % 24 < 20 ? 3 : 2),
    start,
    end,
    step: 60,
    counterResetAt: start + 6 * DAY + 1_234,
  },
  {
    // Young: its data starts 3 days into the 10.
    labels: { job: 'webhooks', service: 'webhooks-api' },
    family: 'micrometer',
    rps: spiky(0.5, { spikeRps: 60, spikesPerDay: 3, spikeSeconds: 600, seed: 7 }),
    avgDurationMs: 150,
    start: start + 3 * DAY,
    end,
    step: 300,
  },
  {
    labels: { job: 'nightly-import' },
    family: 'prometheus',
    rps: batch(25, { startHourUtc: 1, hours: 3 }),
    avgDurationMs: 400,
    instances: 2,
    start,
    end,
    step: 300,
  },
  {
    labels: { function_name: 'resize-images-prod' },
    family: 'lambda',
    rps: steady(3, 0.2),
    avgDurationMs: 900,
    start,
    end,
    step: 300,
  },
];

const truth = syntheticTruth(services);

function expectClose(actual: number, expected: number, relative = 0.01) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

describeWithPrometheus('a real Prometheus backfilled with synthetic metrics', () => {
  let server: PrometheusServer;

  beforeAll(async () => {
    server = await startPrometheus({ write: sink => writeOpenMetrics(services, sink) });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  /** An instant query at the end of the data: its values by the `job` label (or '' without one). */
  async function query(promql: string): Promise<Record<string, number>> {
    const res = await fetch(`${server.baseUrl}/api/v1/query?${new URLSearchParams({ query: promql, time: String(end) })}`);
    const body = await res.json();
    expect(body.status).toBe('success');
    return Object.fromEntries(
      body.data.result.map((r: { metric: Record<string, string>; value: [number, string] }) => [
        r.metric.job ?? '',
        Number(r.value[1]),
      ]),
    );
  }

  const REQUESTS = [
    ['checkout', 'http_server_request_duration_seconds'],
    ['webhooks', 'http_server_requests_seconds'],
    ['nightly-import', 'http_request_duration_seconds'],
  ] as const;
  const truthOf = (job: string) => Object.values(truth).find(t => t.labels.job === job)!;

  it.each(REQUESTS)('counts the requests of %s (%s_count), across restarts and instances coming and going', async (job, metric) => {
    const increase = await query(`sum by (job) (increase(${metric}_count[11d]))`);
    expectClose(increase[job], truthOf(job).totalRequests);
    expect(truth['job=checkout'].counterResets).toBe(1);
  });

  it.each(REQUESTS)('finds the busiest 5 minutes, mean duration and CPU per request of %s', async (job, metric) => {
    const peak = await query(`max_over_time(sum by (job) (rate(${metric}_count[5m]))[11d:5m])`);
    expect(Object.keys(peak)).toEqual([job]);
    expectClose(peak[job], truthOf(job).peakRps5m);
    const duration = await query(`sum by (job) (increase(${metric}_sum[11d])) / sum by (job) (increase(${metric}_count[11d]))`);
    expectClose(duration[job] * 1000, truthOf(job).meanDurationMs);
    const cpu = await query(`sum by (job) (increase(process_cpu_seconds_total[11d])) / sum by (job) (increase(${metric}_count[11d]))`);
    expectClose(cpu[job] * 1000, truthOf(job).cpuMsPerRequest!);
  });

  it('sees the instances and their memory', async () => {
    const average = await query('avg_over_time(count by (job) (up == 1)[11d:5m])');
    const most = await query('max_over_time(count by (job) (up == 1)[11d:5m])');
    const memory = await query('avg by (job) (avg_over_time(process_resident_memory_bytes[11d]))');
    expectClose(average.checkout, truth['job=checkout'].instancesAvg!);
    expect(most.checkout).toBe(3);
    expect(memory.checkout / 2 ** 20).toBe(512);
    expect(average['nightly-import']).toBe(2);
  });

  it('sums the Lambda gauges to the invocations and duration written', async () => {
    const lambda = truth['function_name=resize-images-prod'];
    const invocations = await query('sum(sum_over_time(aws_lambda_invocations_sum{function_name="resize-images-prod"}[11d]))');
    const durationMs = await query('sum(sum_over_time(aws_lambda_duration_sum{function_name="resize-images-prod"}[11d]))');
    expect(invocations['']).toBe(lambda.totalRequests);
    expectClose(durationMs[''] / invocations[''], lambda.meanDurationMs, 1e-9);
  });

  it('gives the hourly shape: rate over each hour, averaged per hour of the day', async () => {
    const params = new URLSearchParams({
      query: 'sum by (job) (rate(http_server_request_duration_seconds_count[1h]))',
      // Evaluated on the hour, so each value is one clock hour's rate.
      start: String(Math.ceil(start / HOUR) * HOUR + HOUR),
      end: String(end),
      step: String(HOUR),
    });
    const body = await (await fetch(`${server.baseUrl}/api/v1/query_range?${params}`)).json();
    expect(body.status).toBe('success');
    const sums = new Array(24).fill(0);
    const counts = new Array(24).fill(0);
    for (const [t, value] of body.data.result[0].values as Array<[number, string]>) {
      const hour = Math.floor((t - HOUR) / HOUR) % 24; // the value at (h+1):00 describes hour h
      sums[hour] += Number(value);
      counts[hour]++;
    }
    const expected = truth['job=checkout'].hourlyRps;
    for (let h = 0; h < 24; h++) expectClose(sums[h] / counts[h], expected[h]);
  });

  it('keeps its data across a restart', async () => {
    await server.restart();
    const increase = await query('sum by (job) (increase(http_request_duration_seconds_count[11d]))');
    expect(increase['nightly-import']).toBe(truthOf('nightly-import').totalRequests);
  });
});
