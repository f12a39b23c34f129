import { ANNOTATIONS, PROMETHEUS_SELECTOR_ANNOTATION } from '../annotations';
import type { UsageMeasurement } from '../model/usage';
import { inputSources } from '../usage/inputSources';
import { parseArchAnnotations } from './parseAnnotations';

/** Measured over 30 days ending 2026-12-01. */
function measurement(overrides: Partial<UsageMeasurement> = {}): UsageMeasurement {
  return {
    source: 'prometheus',
    selector: 'job="checkout"',
    measuredAt: '2026-12-01T03:00:00.000Z',
    windowDays: 30,
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    figures: {
      monthlyRequests: { value: 61_000_000, metric: 'http_request_duration_seconds_count' },
      peakRps: { value: 80, metric: 'http_request_duration_seconds_count' },
      avgDurationMs: { value: 42.5, metric: 'http_request_duration_seconds_sum' },
      cpuMs: { value: 12.25, metric: 'process_cpu_seconds_total' },
      memoryMb: { value: 300, metric: 'process_resident_memory_bytes' },
      instances: { value: 3, metric: 'up' },
      maxInstances: { value: 6, metric: 'up' },
    },
    shape: { hourlyRps: new Array(24).fill(1), pattern: 'diurnal', peakToMean: 2.1, dailySwing: 4.2, idleShare: 0 },
    ...overrides,
  };
}

const kubernetes = { [ANNOTATIONS.platform]: 'kubernetes' };

describe('measured settings', () => {
  it('uses every measured figure the entity does not state, lists it with its metric, and lowers no confidence', () => {
    const parsed = parseArchAnnotations(kubernetes, { measured: measurement() });
    expect(parsed.settings).toMatchObject({
      monthlyRequests: 61_000_000,
      peakRps: 80,
      avgDurationMs: 42.5,
      cpuMs: 12.25,
      memoryMb: 300,
      instances: 3,
      maxInstances: 6,
      trafficPattern: 'diurnal',
    });
    expect(parsed.measured).toEqual([
      { field: 'trafficPattern', value: 'diurnal', metric: 'hourly traffic shape' },
      { field: 'peakRps', value: 80, metric: 'http_request_duration_seconds_count' },
      { field: 'monthlyRequests', value: 61_000_000, metric: 'http_request_duration_seconds_count' },
      { field: 'avgDurationMs', value: 42.5, metric: 'http_request_duration_seconds_sum' },
      { field: 'cpuMs', value: 12.25, metric: 'process_cpu_seconds_total' },
      { field: 'memoryMb', value: 300, metric: 'process_resident_memory_bytes' },
      { field: 'instances', value: 3, metric: 'up' },
      { field: 'maxInstances', value: 6, metric: 'up' },
    ]);
    // Measured fields are not assumptions (the engine's confidence counts assumptions as guesses).
    const assumed = parsed.assumptions.map(a => a.field);
    for (const m of parsed.measured) expect(assumed).not.toContain(m.field);
    expect(parsed.diagnostics).toEqual([]);
  });

  it('keeps a stated value over the measured one, and reports drift beyond the factor on its annotation', () => {
    const parsed = parseArchAnnotations(
      { ...kubernetes, [ANNOTATIONS.monthlyRequests]: '25000000', [ANNOTATIONS.avgDurationMs]: '50' },
      { measured: measurement() },
    );
    expect(parsed.settings!.monthlyRequests).toBe(25_000_000);
    expect(parsed.settings!.avgDurationMs).toBe(50);
    expect(parsed.stated).toEqual(expect.arrayContaining(['monthlyRequests', 'avgDurationMs']));
    expect(parsed.measured.map(m => m.field)).not.toContain('monthlyRequests');
    // 61M / 25M = 2.44 > 2: drift. 50 / 42.5 = 1.18: not.
    expect(parsed.diagnostics).toEqual([
      {
        severity: 'warning',
        annotation: ANNOTATIONS.monthlyRequests,
        value: '25000000',
        message:
          'declares 25,000,000 requests per month; measured 61,000,000 over 30 days (http_request_duration_seconds_count). The stated value is used; update the annotation or remove it to use the measurement',
        drift: true,
      },
    ]);
  });

  it('reads the drift factor from the options, and says a stated pattern differs from the measured shape', () => {
    const annotations = { ...kubernetes, [ANNOTATIONS.monthlyRequests]: '25000000', [ANNOTATIONS.trafficPattern]: 'steady' };
    const lenient = parseArchAnnotations(annotations, { measured: measurement(), driftFactor: 3 });
    expect(lenient.diagnostics.map(d => d.annotation)).toEqual([ANNOTATIONS.trafficPattern]);
    expect(lenient.diagnostics[0]).toMatchObject({ severity: 'info', drift: true });
    expect(lenient.diagnostics[0].message).toContain('looks diurnal');
    expect(lenient.settings!.trafficPattern).toBe('steady');
  });

  it('states the span measured for a young series', () => {
    const young = measurement({ from: '2026-11-24T12:00:00.000Z' });
    const parsed = parseArchAnnotations({ ...kubernetes, [ANNOTATIONS.monthlyRequests]: '1000' }, { measured: young });
    expect(parsed.diagnostics[0].message).toContain('over 6.5 days');
  });

  it('uses neither instance count for an on-demand workload, nor memory where an EC2 instance type fixes it', () => {
    const lambda = parseArchAnnotations({ [ANNOTATIONS.platform]: 'aws-lambda' }, { measured: measurement() });
    expect(lambda.settings).toMatchObject({ instances: 0, maxInstances: 1000, memoryMb: 300 });
    expect(lambda.measured.map(m => m.field)).not.toContain('instances');
    const ec2 = parseArchAnnotations({ [ANNOTATIONS.platform]: 'aws-ec2', [ANNOTATIONS.instanceType]: 'm7g.large' }, { measured: measurement() });
    expect(ec2.settings!.memoryMb).toBe(8192);
    expect(ec2.measured.map(m => m.field)).not.toContain('memoryMb');
  });

  it('does not use a measured value outside a setting’s range, and says so', () => {
    const bad = measurement({
      figures: {
        monthlyRequests: { value: 1000, metric: 'm' },
        avgDurationMs: { value: 0, metric: 'http_request_duration_seconds_sum' },
      },
    });
    const parsed = parseArchAnnotations(kubernetes, { measured: bad });
    expect(parsed.settings!.avgDurationMs).toBe(100);
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', annotation: ANNOTATIONS.avgDurationMs, message: expect.stringContaining('was measured (http_request_duration_seconds_sum) but must be greater than 0 ms; not used') }),
    ]);
  });

  it('caps measured CPU per request at the request duration, and says why', () => {
    const busy = measurement({ figures: { avgDurationMs: { value: 10, metric: 'd' }, cpuMs: { value: 40, metric: 'process_cpu_seconds_total' } } });
    const parsed = parseArchAnnotations(kubernetes, { measured: busy });
    expect(parsed.settings!.cpuMs).toBe(10);
    expect(parsed.diagnostics[0].message).toContain('spends CPU outside requests');
  });

  it('says where each setting came from', () => {
    const parsed = parseArchAnnotations(
      { [ANNOTATIONS.monthlyRequests]: '5000000' },
      { measured: measurement(), inferred: { platform: 'kubernetes', executionModel: 'always-on', annotation: 'backstage.io/kubernetes-id' } },
    );
    const sources = inputSources(parsed);
    expect(sources).toMatchObject({
      monthlyRequests: 'annotation',
      avgDurationMs: 'measured',
      platform: 'inferred',
      runtime: 'default',
    });
  });

  it('validates the Prometheus selector annotation, naming it', () => {
    const ok = parseArchAnnotations({ ...kubernetes, [PROMETHEUS_SELECTOR_ANNOTATION]: 'service="checkout"' });
    expect(ok.diagnostics).toEqual([]);
    const bad = parseArchAnnotations({ ...kubernetes, [PROMETHEUS_SELECTOR_ANNOTATION]: 'service=checkout' });
    expect(bad.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', annotation: PROMETHEUS_SELECTOR_ANNOTATION, value: 'service=checkout' }),
    ]);
    expect(bad.diagnostics[0].message).toContain('The component is not measured');
    expect(bad.assessable).toBe(true);
  });
});
