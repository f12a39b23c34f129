import { ANNOTATIONS } from '../annotations';
import { SECONDS_PER_MONTH } from '../model/defaults';
import { parseArchAnnotations } from './parseAnnotations';

const A = ANNOTATIONS;

/** Annotations of a fully specified Lambda function. */
const lambda = {
  [A.executionModel]: 'on-demand',
  [A.platform]: 'aws-lambda',
  [A.monthlyRequests]: '25000000',
  [A.avgDurationMs]: '120',
  [A.cpuMs]: '15',
  [A.memoryMb]: '512',
  [A.architecture]: 'arm64',
  [A.trafficPattern]: 'diurnal',
  [A.peakRps]: '40',
  [A.latencySloMs]: '300',
  [A.maxDurationS]: '10',
  [A.runtime]: 'python',
  [A.connections]: 'request-response',
  [A.state]: 'stateless',
};

function diagnosticFor(annotations: Record<string, string>, key: string) {
  return parseArchAnnotations(annotations).diagnostics.filter(d => d.annotation === key);
}

describe('parseArchAnnotations', () => {
  it('reads a fully annotated function with no assumptions about stated values', () => {
    const parsed = parseArchAnnotations(lambda);
    expect(parsed.assessable).toBe(true);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.settings).toMatchObject({
      executionModel: 'on-demand',
      platform: 'aws-lambda',
      monthlyRequests: 25_000_000,
      avgDurationMs: 120,
      cpuMs: 15,
      memoryMb: 512,
      architecture: 'arm64',
      trafficPattern: 'diurnal',
      peakRps: 40,
      latencySloMs: 300,
      maxDurationS: 10,
      runtime: 'python',
      connections: 'request-response',
      state: 'stateless',
      instances: 0,
    });
    const assumed = parsed.assumptions.map(a => a.field);
    // Only the settings the entity did not state are assumptions.
    expect(assumed.sort()).toEqual(['instances', 'maxInstances', 'vcpu']);
    expect(parsed.stated).toEqual(expect.arrayContaining(['monthlyRequests', 'cpuMs', 'runtime']));
  });

  it('is not assessable without execution model or platform, and says what is missing', () => {
    expect(parseArchAnnotations(undefined)).toMatchObject({ assessable: false, diagnostics: [] });
    expect(parseArchAnnotations({ 'backstage.io/techdocs-ref': 'dir:.' }).diagnostics).toEqual([]);
    const partial = parseArchAnnotations({ [A.monthlyRequests]: '1000' });
    expect(partial.assessable).toBe(false);
    expect(partial.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', annotation: A.platform }),
    ]);
  });

  describe('execution model and platform', () => {
    it.each([
      ['serverless', 'on-demand'],
      ['microservice', 'always-on'],
      ['  On-Demand ', 'on-demand'],
    ])('accepts %p as %p', (raw, model) => {
      const parsed = parseArchAnnotations({ [A.executionModel]: raw });
      expect(parsed.settings?.executionModel).toBe(model);
      expect(parsed.diagnostics).toEqual([]);
    });

    it('defaults the platform from the model and lists it as an assumption', () => {
      const onDemand = parseArchAnnotations({ [A.executionModel]: 'on-demand' });
      expect(onDemand.settings?.platform).toBe('aws-lambda');
      const alwaysOn = parseArchAnnotations({ [A.executionModel]: 'always-on' });
      expect(alwaysOn.settings?.platform).toBe('kubernetes');
      expect(alwaysOn.assumptions).toContainEqual(
        expect.objectContaining({ field: 'platform', annotation: A.platform, value: 'kubernetes' }),
      );
    });

    it('takes the model from an unambiguous platform', () => {
      expect(parseArchAnnotations({ [A.platform]: 'aws-fargate' }).settings?.executionModel).toBe('always-on');
      expect(parseArchAnnotations({ [A.platform]: 'cloudflare-workers' }).settings?.executionModel).toBe('on-demand');
    });

    it('derives the model on Cloud Run and Container Apps from the minimum instances', () => {
      expect(parseArchAnnotations({ [A.platform]: 'gcp-cloud-run' }).settings?.executionModel).toBe('on-demand');
      const warm = parseArchAnnotations({ [A.platform]: 'azure-container-apps', [A.instances]: '2' });
      expect(warm.settings?.executionModel).toBe('always-on');
      expect(warm.assumptions).toContainEqual(expect.objectContaining({ field: 'executionModel' }));
    });

    it('reports a model that contradicts the platform and follows the platform', () => {
      const parsed = parseArchAnnotations({ [A.executionModel]: 'on-demand', [A.platform]: 'aws-ec2' });
      expect(parsed.settings?.executionModel).toBe('always-on');
      expect(parsed.diagnostics).toContainEqual({
        severity: 'error',
        annotation: A.executionModel,
        value: 'on-demand',
        message: expect.stringContaining('contradicts platform aws-ec2'),
      });
      const reverse = parseArchAnnotations({ [A.executionModel]: 'always-on', [A.platform]: 'aws-lambda' });
      expect(reverse.settings?.executionModel).toBe('on-demand');
    });

    it('reports an unknown platform, suggests the closest, and falls back to the model default', () => {
      const parsed = parseArchAnnotations({ [A.executionModel]: 'always-on', [A.platform]: 'heroku' });
      expect(parsed.settings?.platform).toBe('kubernetes');
      expect(diagnosticFor({ [A.platform]: 'aws-lamda', [A.executionModel]: 'on-demand' }, A.platform)[0].message)
        .toContain('did you mean aws-lambda?');
      expect(parsed.diagnostics[0]).toMatchObject({ severity: 'error', annotation: A.platform, value: 'heroku' });
    });

    it('is not assessable when both model and platform are malformed', () => {
      const parsed = parseArchAnnotations({ [A.executionModel]: 'sometimes', [A.platform]: 'heroku' });
      expect(parsed.assessable).toBe(false);
      expect(parsed.diagnostics.map(d => d.annotation).sort()).toEqual([A.executionModel, A.platform].sort());
    });
  });

  describe('numbers', () => {
    it.each([
      ['monthlyRequests', 'lots', 'is not a number'],
      ['monthlyRequests', '-5', 'at least 0'],
      ['monthlyRequests', '1e14', 'at most'],
      ['avgDurationMs', '0', 'greater than 0'],
      ['avgDurationMs', '', 'is empty'],
      ['cpuMs', '-1', 'at least 0'],
      ['memoryMb', '-512', 'greater than 0'],
      ['memoryMb', '512Mi', 'without a unit'],
      ['vcpu', '0', 'greater than 0'],
      ['vcpu', 'two', 'is not a number'],
      ['instances', '1.5', 'whole number'],
      ['instances', '-1', 'at least 0'],
      ['maxInstances', '0', 'at least 1'],
      ['peakRps', 'NaN', 'is not a number'],
      ['peakRps', 'Infinity', 'is not a number'],
      ['latencySloMs', '0', 'greater than 0'],
      ['maxDurationS', '0x10', 'is not a number'],
      ['maxDurationS', '1e400', 'too large'],
    ] as const)('%s = %p is an error naming the key (%s) and uses the default', (field, raw, problem) => {
      const annotations = { [A.executionModel]: 'always-on', [A.platform]: 'kubernetes', [A[field]]: raw };
      const parsed = parseArchAnnotations(annotations);
      const diagnostics = parsed.diagnostics.filter(d => d.annotation === A[field]);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ severity: 'error', value: raw });
      expect(diagnostics[0].message).toContain(problem);
      // The fallback is a finite default, listed as an assumption; a latency objective has no default.
      const value = parsed.settings![field];
      const expectedAssumed = field !== 'latencySloMs';
      expect(value === undefined ? !expectedAssumed : Number.isFinite(value)).toBe(true);
      expect(parsed.assumptions.map(a => a.field).includes(field)).toBe(expectedAssumed);
    });

    it('accepts digit grouping and scientific notation', () => {
      expect(parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.monthlyRequests]: '25_000_000' }).settings?.monthlyRequests).toBe(25_000_000);
      expect(parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.monthlyRequests]: '2.5e7' }).settings?.monthlyRequests).toBe(25_000_000);
      expect(parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.monthlyRequests]: '25,000,000' }).settings?.monthlyRequests).toBe(25_000_000);
    });
  });

  describe('derived and cross-checked values', () => {
    it('derives the peak from monthly requests and the traffic pattern', () => {
      const parsed = parseArchAnnotations({
        [A.platform]: 'aws-lambda',
        [A.monthlyRequests]: String(SECONDS_PER_MONTH * 10), // 10 req/s on average
        [A.trafficPattern]: 'spiky',
      });
      // spiky traffic peaks at 10 × the average: 10 req/s × 10 = 100 req/s
      expect(parsed.settings?.peakRps).toBeCloseTo(100, 6);
      expect(parsed.assumptions).toContainEqual(expect.objectContaining({ field: 'peakRps', value: 100 }));
    });

    it('derives monthly requests from a stated peak', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.peakRps]: '30', [A.trafficPattern]: 'diurnal' });
      // 30 req/s peak ÷ 3 (diurnal) = 10 req/s × 2,628,000 s = 26,280,000
      expect(parsed.settings?.monthlyRequests).toBeCloseTo(26_280_000, 0);
    });

    it('raises a peak below the average to the average, with a warning', () => {
      const parsed = parseArchAnnotations({
        [A.platform]: 'aws-lambda',
        [A.monthlyRequests]: String(SECONDS_PER_MONTH * 50),
        [A.peakRps]: '5',
      });
      expect(parsed.settings?.peakRps).toBeCloseTo(50, 6);
      expect(parsed.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', annotation: A.peakRps }));
    });

    it('assumes CPU-bound when cpu-ms is missing, and warns when cpu-ms exceeds the duration', () => {
      const missing = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.avgDurationMs]: '80' });
      expect(missing.settings?.cpuMs).toBe(80);
      const over = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.avgDurationMs]: '80', [A.cpuMs]: '200' });
      expect(over.settings?.cpuMs).toBe(200);
      expect(over.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', annotation: A.cpuMs }));
    });

    it('reports max-instances below instances and uses instances', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'kubernetes', [A.instances]: '4', [A.maxInstances]: '2' });
      expect(parsed.settings).toMatchObject({ instances: 4, maxInstances: 4 });
      expect(diagnosticFor({ [A.platform]: 'kubernetes', [A.instances]: '4', [A.maxInstances]: '2' }, A.maxInstances)[0])
        .toMatchObject({ severity: 'error', value: '2' });
    });

    it('never runs an always-on service with zero instances', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-fargate', [A.instances]: '0' });
      expect(parsed.settings?.instances).toBe(1);
      expect(parsed.diagnostics[0]).toMatchObject({ severity: 'error', annotation: A.instances });
    });

    it('keeps provisioned concurrency on an on-demand platform', () => {
      expect(parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.instances]: '10' }).settings?.instances).toBe(10);
    });

    it('raises a max duration shorter than the average duration', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.avgDurationMs]: '5000', [A.maxDurationS]: '2' });
      expect(parsed.settings?.maxDurationS).toBe(5);
      expect(parsed.diagnostics[0]).toMatchObject({ severity: 'warning', annotation: A.maxDurationS });
    });

    it('sizes always-on and on-demand defaults differently', () => {
      const alwaysOn = parseArchAnnotations({ [A.platform]: 'aws-fargate' }).settings!;
      expect(alwaysOn).toMatchObject({ instances: 2, vcpu: 0.5, memoryMb: 1024, runtime: 'container' });
      const onDemand = parseArchAnnotations({ [A.platform]: 'aws-lambda' }).settings!;
      expect(onDemand).toMatchObject({ instances: 0, memoryMb: 512, runtime: 'nodejs', maxInstances: 1000 });
    });
  });

  describe('instance types', () => {
    it('takes vCPU, memory and architecture from the instance type', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-ec2', [A.instanceType]: 'c7g.large' });
      expect(parsed.settings).toMatchObject({ instanceType: 'c7g.large', vcpu: 2, memoryMb: 4096, architecture: 'arm64' });
      expect(parsed.diagnostics).toEqual([]);
    });

    it('reports an unknown type with the closest known one and uses a default', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-ec2', [A.instanceType]: 'm7g.larg' });
      expect(parsed.settings?.instanceType).toBe('m7g.large');
      expect(parsed.diagnostics[0]).toMatchObject({ severity: 'error', annotation: A.instanceType });
      expect(parsed.diagnostics[0].message).toContain('did you mean m7g.large?');
    });

    it('picks an x86 default when the architecture says so', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-ec2', [A.architecture]: 'x86_64' });
      expect(parsed.settings).toMatchObject({ instanceType: 'm6i.large', architecture: 'x86_64' });
    });

    it('reports an architecture that contradicts the instance type', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-ec2', [A.instanceType]: 't3.medium', [A.architecture]: 'arm64' });
      expect(parsed.settings?.architecture).toBe('x86_64');
      expect(parsed.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', annotation: A.architecture }));
    });

    it('warns about vCPU and memory that differ from the instance type', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-ec2', [A.instanceType]: 't4g.small', [A.vcpu]: '4', [A.memoryMb]: '2048' });
      expect(parsed.settings).toMatchObject({ vcpu: 2, memoryMb: 2048 });
      expect(parsed.diagnostics.map(d => d.annotation)).toEqual([A.vcpu]);
    });

    it('ignores an instance type on other platforms, with a warning', () => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-fargate', [A.instanceType]: 'm7g.large' });
      expect(parsed.settings?.instanceType).toBeUndefined();
      expect(parsed.diagnostics[0]).toMatchObject({ severity: 'warning', annotation: A.instanceType });
    });
  });

  describe('enumerations', () => {
    it.each([
      ['architecture', 'sparc'],
      ['trafficPattern', 'bursty'],
      ['runtime', 'cobol'],
      ['connections', 'sometimes'],
      ['state', 'persistent'],
    ] as const)('%s = %p is an error listing the accepted values', (field, raw) => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A[field]]: raw });
      const diagnostics = parsed.diagnostics.filter(d => d.annotation === A[field]);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0].message).toMatch(/is not one of/);
      expect(parsed.assumptions.map(a => a.field)).toContain(field);
    });

    it.each([
      ['architecture', 'aarch64', 'arm64'],
      ['architecture', 'amd64', 'x86_64'],
      ['runtime', 'golang', 'go'],
      ['runtime', 'Node', 'nodejs'],
      ['connections', 'long-lived', 'long-lived'],
      ['state', 'in-memory', 'in-memory'],
      ['trafficPattern', 'BATCH', 'batch'],
    ] as const)('%s accepts %p as %p', (field, raw, value) => {
      const parsed = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A[field]]: raw });
      expect(parsed.settings?.[field]).toBe(value);
      expect(parsed.diagnostics).toEqual([]);
    });
  });

  it('reports an unknown key under the prefix with the likely intended key', () => {
    const parsed = parseArchAnnotations({ [A.platform]: 'aws-lambda', 'arch-tradeoffs.io/montly-requests': '5' });
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        annotation: 'arch-tradeoffs.io/montly-requests',
        message: expect.stringContaining(`did you mean ${A.monthlyRequests}?`),
      }),
    ]);
  });

  it('caps the work and the echo of over-long input: a diagnostic naming the key, the value ignored', () => {
    const long = `9${'0'.repeat(300)}`;
    const parsed = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.monthlyRequests]: long });
    expect(parsed.diagnostics).toEqual([
      {
        severity: 'error',
        annotation: A.monthlyRequests,
        value: `${long.slice(0, 60)}…`,
        message: 'is 301 characters long; a value has at most 256. It is ignored.',
      },
    ]);
    // Ignored means not stated: the default is assumed, and said so.
    expect(parsed.stated).not.toContain('monthlyRequests');
    expect(parsed.assumptions).toContainEqual(expect.objectContaining({ field: 'monthlyRequests' }));

    // An over-long unknown key or enum value is reported without a search for what was meant.
    const key = `arch-tradeoffs.io/montly-requests${'x'.repeat(40)}`;
    const unknown = parseArchAnnotations({ [A.platform]: `aws-lambd${'a'.repeat(60)}`, [key]: '5' });
    expect(unknown.diagnostics.map(d => d.message).join(' ')).not.toContain('did you mean');
    expect(unknown.diagnostics.map(d => d.annotation)).toEqual(expect.arrayContaining([A.platform, key]));
  });

  it('searches for the meant key for the first ten unknown keys only, and reports every one', () => {
    const annotations: Record<string, string> = { [A.platform]: 'aws-lambda' };
    for (let i = 0; i < 25; i++) annotations[`arch-tradeoffs.io/montly-requests-${i}`] = '5';
    const warnings = parseArchAnnotations(annotations).diagnostics;
    expect(warnings).toHaveLength(25);
    expect(warnings.filter(d => d.message.includes('did you mean'))).toHaveLength(10);
  });

  it('applies organisation defaults between built-in defaults and annotations', () => {
    const parsed = parseArchAnnotations(
      { [A.executionModel]: 'always-on', [A.memoryMb]: '4096' },
      { defaults: { platform: 'aws-fargate', memoryMb: 2048, avgDurationMs: 250 } },
    );
    expect(parsed.settings).toMatchObject({ platform: 'aws-fargate', memoryMb: 4096, avgDurationMs: 250 });
    expect(parsed.assumptions).toContainEqual(
      expect.objectContaining({ field: 'avgDurationMs', value: 250, reason: expect.stringContaining('app-config') }),
    );
  });

  it('never throws on non-string values that slip past the catalog', () => {
    const parsed = parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.memoryMb]: 512 as unknown as string });
    expect(parsed.diagnostics[0]).toMatchObject({ severity: 'error', annotation: A.memoryMb });
  });


  it('lists each stated field once and leaves unset optional settings out of the JSON', () => {
    const parsed = parseArchAnnotations({
      [A.platform]: 'aws-lambda',
      [A.architecture]: 'arm64',
      [A.monthlyRequests]: '1000',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(parsed.stated).toEqual(['platform', 'monthlyRequests', 'architecture']);
    const json = JSON.parse(JSON.stringify(parsed.settings));
    expect(json).not.toHaveProperty('instanceType');
    expect(json).not.toHaveProperty('latencySloMs');
    expect(parseArchAnnotations({ [A.platform]: 'aws-ec2', [A.latencySloMs]: '200' }).settings).toMatchObject({
      instanceType: 'm7g.large',
      latencySloMs: 200,
    });
  });

  it('tells apart an empty value, a number with a unit and a number too large', () => {
    const messages = (raw: string) => diagnosticFor({ [A.platform]: 'aws-lambda', [A.memoryMb]: raw }, A.memoryMb)[0].message;
    expect(messages('  ')).toContain('is empty');
    expect(messages('2 GB')).toContain('without a unit');
    expect(messages('1e999')).toContain('too large');
    expect(parseArchAnnotations({ [A.platform]: 'aws-lambda', [A.memoryMb]: ' 1_024 ' }).settings?.memoryMb).toBe(1024);
  });
});
