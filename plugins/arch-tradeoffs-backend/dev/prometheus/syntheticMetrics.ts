/*
 * Synthetic metrics with a known truth, as OpenMetrics text for `promtool tsdb create-blocks-from
 * openmetrics`: one `# TYPE` line per family with all its samples after it, timestamps in seconds,
 * `# EOF` at the end. Whole-organisation benches write hundreds of MB, so the text is produced in
 * chunks for a writer, never as one string (except through `openMetricsText`, for small tests).
 *
 * Request counters are written as a `summary` family (OpenMetrics counters must be named `*_total`);
 * Prometheus stores its samples under their own names, `<name>_count` and `<name>_sum`.
 */
import {
  DEFAULT_CPU_SHARE_OF_DURATION,
  DEFAULT_MEMORY_MB,
  LAMBDA_DURATION,
  LAMBDA_INVOCATIONS,
  REQUEST_METRIC,
  simulate,
  type Simulation,
  type SyntheticService,
} from './simulate';

export * from './shapes';
export * from './simulate';
export { syntheticTruth, type SyntheticTruth } from './syntheticTruth';

/** Receives the text chunk by chunk; a returned promise is awaited (backpressure). */
export type ChunkWriter = (chunk: string) => void | Promise<void>;

/** Flush to the writer at about this size: large enough that the writer's overhead does not matter. */
const CHUNK_CHARS = 1 << 16;

interface Family {
  name: string;
  type: 'summary' | 'counter' | 'gauge';
  /** The lines of one service, in time order for each series. */
  lines(service: SyntheticService, sim: Simulation): Generator<string>;
}

function labelText(labels: Record<string, string>): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return Object.entries(labels)
    .map(([key, value]) => `${key}="${escape(value)}"`)
    .join(',');
}

/** The samples of one instance at one time: metric name and value. */
type InstanceSamples = (requests: number) => Array<[name: string, value: number]>;

/** Lines of each instance at each sample it is up (request counters, process metrics and `up`). */
function* perInstance(service: SyntheticService, sim: Simulation, samples: InstanceSamples): Generator<string> {
  for (const instance of sim.instances) {
    const labels = labelText({ ...service.labels, instance: instance.label });
    for (let k = 0; k < sim.times.length; k++) {
      const requests = instance.requests[k];
      if (Number.isNaN(requests)) continue;
      for (const [name, value] of samples(requests)) yield `${name}{${labels}} ${value} ${sim.times[k]}\n`;
    }
  }
}

function requestFamily(family: keyof typeof REQUEST_METRIC): Family {
  const name = REQUEST_METRIC[family];
  return {
    name,
    type: 'summary',
    // The duration sum follows the count, so the mean duration is exactly avgDurationMs.
    lines: (service, sim) =>
      perInstance(service, sim, requests => [
        [`${name}_count`, requests],
        [`${name}_sum`, (requests * service.avgDurationMs) / 1000],
      ]),
  };
}

const PROCESS_FAMILIES: Family[] = [
  {
    name: 'process_cpu_seconds',
    type: 'counter',
    lines: (service, sim) => {
      const cpuMs = service.cpuMsPerRequest ?? service.avgDurationMs * DEFAULT_CPU_SHARE_OF_DURATION;
      return perInstance(service, sim, requests => [['process_cpu_seconds_total', (requests * cpuMs) / 1000]]);
    },
  },
  {
    name: 'process_resident_memory_bytes',
    type: 'gauge',
    lines: (service, sim) => {
      const bytes = Math.round((service.memoryMb ?? DEFAULT_MEMORY_MB) * 1024 * 1024);
      return perInstance(service, sim, () => [['process_resident_memory_bytes', bytes]]);
    },
  },
  {
    name: 'up',
    type: 'gauge',
    lines: (service, sim) => perInstance(service, sim, () => [['up', 1]]),
  },
];

/** A Lambda gauge sample at times[k - 1] holds period k (see Simulation.periodRequests). */
function lambdaFamily(name: string, value: (invocations: number, service: SyntheticService) => number): Family {
  return {
    name,
    type: 'gauge',
    *lines(service, sim) {
      const labels = labelText(service.labels);
      for (let k = 1; k < sim.times.length; k++) {
        yield `${name}{${labels}} ${value(sim.periodRequests[k], service)} ${sim.times[k - 1]}\n`;
      }
    },
  };
}

const LAMBDA_FAMILIES: Family[] = [
  lambdaFamily(LAMBDA_INVOCATIONS, invocations => invocations),
  lambdaFamily(LAMBDA_DURATION, (invocations, service) => invocations * service.avgDurationMs),
];

/** The families in the order they are written, each with the services that export it. */
function familiesOf(services: SyntheticService[]): Array<[Family, SyntheticService[]]> {
  const of = (predicate: (s: SyntheticService) => boolean) => services.filter(predicate);
  const requestFamilies = (Object.keys(REQUEST_METRIC) as Array<keyof typeof REQUEST_METRIC>).map(
    family => [requestFamily(family), of(s => s.family === family)] as [Family, SyntheticService[]],
  );
  return [
    ...requestFamilies,
    ...PROCESS_FAMILIES.map(f => [f, of(s => s.family !== 'lambda')] as [Family, SyntheticService[]]),
    ...LAMBDA_FAMILIES.map(f => [f, of(s => s.family === 'lambda')] as [Family, SyntheticService[]]),
  ].filter(([, members]) => members.length > 0);
}

/**
 * The OpenMetrics text in chunks of about 64 KB. Each service is simulated again for each family it
 * appears in: that costs some CPU but keeps memory at one service's samples, whatever the count of
 * services.
 */
export function* openMetricsChunks(services: SyntheticService[]): Generator<string> {
  let buffer = '';
  for (const [family, members] of familiesOf(services)) {
    buffer += `# TYPE ${family.name} ${family.type}\n`;
    for (const service of members) {
      for (const line of family.lines(service, simulate(service))) {
        buffer += line;
        if (buffer.length >= CHUNK_CHARS) {
          yield buffer;
          buffer = '';
        }
      }
    }
  }
  yield `${buffer}# EOF\n`;
}

/** Writes the OpenMetrics text of `services` to `write`, chunk by chunk. */
export async function writeOpenMetrics(services: SyntheticService[], write: ChunkWriter): Promise<void> {
  for (const chunk of openMetricsChunks(services)) await write(chunk);
}

/** The whole OpenMetrics text as one string: for small tests only. */
export function openMetricsText(services: SyntheticService[]): string {
  return [...openMetricsChunks(services)].join('');
}
