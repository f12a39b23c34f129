/**
 * The refresh bench's Prometheus (`--prometheus`), in a process of its own: it generates the same
 * synthetic catalog as the catalog process, synthesises metrics for every workload (job = its name),
 * backfills them into a real Prometheus on 127.0.0.1, reports the URL over IPC and keeps the server
 * running until the bench disconnects. Generating a day of samples for 50,000 components takes
 * memory and time that belong to the setup, not to the measured process.
 *
 * The window and resolution are what this machine holds in a bench run: one day at a 30-minute
 * scrape interval (a month at 15 s would be tens of GB of samples). The bench measures with the
 * same window (1 d) and a 1-hour resolution, so every rate has at least two samples.
 */
import { performance } from 'node:perf_hooks';
import { startPrometheus } from '../dev/prometheus/prometheusServer';
import { batch, diurnal, spiky, steady, SyntheticService, writeOpenMetrics } from '../dev/prometheus/syntheticMetrics';
import { generateCatalog } from './generateCatalog';

export const BENCH_USAGE = { windowDays: 1, stepSeconds: 1800, resolution: '1h' };

export interface PrometheusReady {
  type: 'ready';
  baseUrl: string;
  services: number;
  samples: number;
  generateMs: number;
  setupMs: number;
}

const FAMILIES = ['otel', 'prometheus', 'micrometer'] as const;

function servicesOf(names: string[], end: number): SyntheticService[] {
  const start = end - BENCH_USAGE.windowDays * 86_400;
  return names.map((name, i) => {
    const shapes = [
      steady(1 + (i % 50)),
      diurnal(2 + (i % 30), { peakHourUtc: i % 24, minShare: 0.2 }),
      spiky(1, { spikeRps: 40, spikesPerDay: 2, spikeSeconds: 600, seed: i }),
      batch(20, { startHourUtc: i % 24, hours: 2 }),
    ];
    return {
      id: name,
      labels: { job: name },
      family: FAMILIES[i % FAMILIES.length],
      rps: shapes[i % shapes.length],
      avgDurationMs: 20 + (i % 200),
      instances: 1,
      start,
      end,
      step: BENCH_USAGE.stepSeconds,
    };
  });
}

async function main() {
  const { components } = JSON.parse(process.argv[2]) as { components: number };
  const t0 = performance.now();
  const generated = generateCatalog({ components });
  const names = generated.entities
    .filter(e => e.kind === 'Component' && e.spec?.type !== 'library')
    .map(e => e.metadata.name);
  // Data ends 3 hours before now (promtool leaves the newest hours to the server's head block).
  const end = Math.floor((Date.now() / 1000 - 3 * 3600) / BENCH_USAGE.stepSeconds) * BENCH_USAGE.stepSeconds;
  const services = servicesOf(names, end);
  const generateMs = performance.now() - t0;
  const server = await startPrometheus({ write: sink => writeOpenMetrics(services, sink), readyTimeoutMs: 300_000 });
  const samplesPerSeries = BENCH_USAGE.windowDays * (86_400 / BENCH_USAGE.stepSeconds) + 1;
  const ready: PrometheusReady = {
    type: 'ready',
    baseUrl: server.baseUrl,
    services: services.length,
    // Request count and duration sum, CPU, memory and up, per instance.
    samples: services.reduce((n, s) => n + 5 * (s.instances as number) * samplesPerSeries, 0),
    generateMs,
    setupMs: performance.now() - t0,
  };
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send!({ ...ready, names });
}

// Run as the bench's child process; imported by the bench for BENCH_USAGE only.
if (require.main === module) {
  main().catch(error => {
    console.error(error); // eslint-disable-line no-console
    process.exit(1);
  });
}
