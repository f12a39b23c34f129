import fc from 'fast-check';
import {
  EC2_INSTANCE_SHAPES,
  PLATFORM_EXECUTION_MODEL,
} from '../../model/platforms';
import {
  ARCHITECTURES,
  CONNECTION_KINDS,
  PLATFORMS,
  RUNTIMES,
  STATE_KINDS,
  TRAFFIC_PATTERNS,
  WorkloadSettings,
} from '../../model/settings';
import { MONTH_S } from '../__fixtures__/workloads';

/** A log-uniform number in [10^lo, 10^hi]. */
export const logNumber = (lo: number, hi: number) =>
  fc.double({ min: lo, max: hi, noNaN: true }).map(x => 10 ** x);

/** Any settings the parser can produce (within its numeric rules), extremes included. */
export const settingsArb: fc.Arbitrary<WorkloadSettings> = fc
  .record({
    platform: fc.constantFrom(...PLATFORMS),
    hybridModel: fc.constantFrom('on-demand' as const, 'always-on' as const),
    monthlyRequests: fc.oneof(fc.constant(0), logNumber(0, 13)),
    avgDurationMs: logNumber(-1, 7),
    cpuShare: fc.oneof(
      fc.constant(0),
      fc.double({ min: 0, max: 1.5, noNaN: true }),
    ),
    memoryMb: logNumber(0, 5.4),
    vcpu: logNumber(-1.5, 2.28),
    architecture: fc.constantFrom(...ARCHITECTURES),
    instances: fc.integer({ min: 0, max: 1000 }),
    extraInstances: fc.integer({ min: 0, max: 5000 }),
    instanceType: fc.constantFrom(...Object.keys(EC2_INSTANCE_SHAPES)),
    trafficPattern: fc.constantFrom(...TRAFFIC_PATTERNS),
    peakFactor: logNumber(0, 3),
    latencySloMs: fc.option(logNumber(0, 6), { nil: undefined }),
    maxDurationS: logNumber(-3, 5.7),
    runtime: fc.constantFrom(...RUNTIMES),
    connections: fc.constantFrom(...CONNECTION_KINDS),
    state: fc.constantFrom(...STATE_KINDS),
  })
  .map(r => {
    const executionModel =
      PLATFORM_EXECUTION_MODEL[r.platform] ?? r.hybridModel;
    const shape =
      r.platform === 'aws-ec2'
        ? EC2_INSTANCE_SHAPES[r.instanceType]
        : undefined;
    const instances =
      executionModel === 'always-on' ? Math.max(1, r.instances) : r.instances;
    const average = r.monthlyRequests / MONTH_S;
    const settings: WorkloadSettings = {
      executionModel,
      platform: r.platform,
      monthlyRequests: r.monthlyRequests,
      avgDurationMs: r.avgDurationMs,
      cpuMs: r.avgDurationMs * r.cpuShare,
      memoryMb: shape ? shape.memoryMb : r.memoryMb,
      vcpu: shape ? shape.vcpu : r.vcpu,
      architecture: shape ? shape.architecture : r.architecture,
      instances,
      maxInstances: Math.max(1, instances + r.extraInstances),
      ...(shape ? { instanceType: r.instanceType } : {}),
      trafficPattern: r.trafficPattern,
      peakRps: Math.min(10_000_000, Math.max(average, average * r.peakFactor)),
      ...(r.latencySloMs !== undefined ? { latencySloMs: r.latencySloMs } : {}),
      maxDurationS: r.maxDurationS,
      runtime: r.runtime,
      connections: r.connections,
      state: r.state,
    };
    return settings;
  });

