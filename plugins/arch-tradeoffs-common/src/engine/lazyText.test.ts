import { createPriceBook } from '../prices';
import { assessWorkload } from './assess';
import { findBreakEven } from './breakEven';
import { sizeAlternative, sizeCurrent } from './sizing';
import { FieldMask } from './fields';
import { parsed, workload } from './__fixtures__/workloads';

/**
 * Texts the engine writes on first read (suggestion reasons, break-even and posture messages) must
 * read the same as properties and in JSON, keep their key order in JSON, and accept assignment.
 */

const pb = createPriceBook();

function assess() {
  // A hot Lambda: always-on is far cheaper, so there is both a crossing and a suggestion.
  const settings = workload({
    monthlyRequests: 2e9,
    avgDurationMs: 300,
    cpuMs: 30,
    memoryMb: 1024,
    trafficPattern: 'steady',
  });
  return assessWorkload('component:default/hot', parsed(settings), {
    priceBook: pb,
  })!;
}

describe('parts written on first read', () => {
  it('give suggestion reasons in JSON, in the declared key order', () => {
    const a = assess();
    const s = a.suggestion!;
    expect(s).not.toBeNull();
    const reasons = s.reasons;
    expect(reasons.length).toBeGreaterThan(0);
    // Read once, kept.
    expect(s.reasons).toBe(reasons);
    const json = JSON.parse(JSON.stringify(s));
    expect(json.reasons).toEqual(reasons);
    expect(Object.keys(json)).toEqual([
      'id',
      'rule',
      'title',
      'targetModel',
      'targetPlatform',
      'monthlySavings',
      'confidence',
      'effort',
      'risk',
      'reasons',
    ]);
    s.reasons = ['replaced'];
    expect(JSON.parse(JSON.stringify(s)).reasons).toEqual(['replaced']);
  });

  it('give the break-even message in JSON, in the declared key order', () => {
    const a = assess();
    const be = a.breakEven;
    expect(be.status).toBe('crosses');
    expect(be.message).toMatch(/cost the same, about \$[\d,.]+ a month, at /);
    const json = JSON.parse(JSON.stringify(be));
    expect(json.message).toBe(be.message);
    expect(Object.keys(json)).toEqual([
      'status',
      'against',
      'monthlyRequests',
      'averageRps',
      'cheaperBelow',
      'message',
    ]);
    be.message = 'replaced';
    expect(JSON.parse(JSON.stringify(be)).message).toBe('replaced');
  });

  it('search the break-even on first read, to the same result, and keep the assessment key order', () => {
    const a = assess();
    const settings = a.settings;
    // The same search by hand, against the platform the assessment names.
    const ctx = {
      priceBook: pb,
      defaulted: FieldMask.of([]),
      frontDoor: 'none' as const,
    };
    const current = sizeCurrent(settings, ctx);
    const against = a.breakEven.against!;
    const alternative = a.alternatives.find(x => x.platform === against)!;
    const sized = sizeAlternative(
      settings,
      current,
      { platform: against, model: alternative.executionModel },
      ctx,
    ).sized!;
    const byHand = findBreakEven(current, sized, pb);
    expect(a.breakEven.monthlyRequests).toBeCloseTo(
      byHand.monthlyRequests!,
      -3,
    );
    expect(a.breakEven.cheaperBelow).toBe(byHand.cheaperBelow);
    // Read once, kept.
    expect(a.breakEven).toBe(a.breakEven);
    const json = JSON.parse(JSON.stringify(a));
    expect(json.breakEven).toEqual(JSON.parse(JSON.stringify(a.breakEven)));
    expect(Object.keys(json)).toEqual([
      'entityRef',
      'executionModel',
      'platform',
      'settings',
      'monthlyCost',
      'alternatives',
      'breakEven',
      'posture',
      'assumptions',
      'diagnostics',
      'suggestion',
      'confidence',
    ]);
    a.breakEven = { status: 'not-applicable', message: 'replaced' };
    expect(JSON.parse(JSON.stringify(a)).breakEven.message).toBe('replaced');
  });

  it('give posture messages in JSON, in the declared key order', () => {
    // A sparse Java function with a tight objective (cold starts over it) and a 800 s job near
    // Lambda's 900 s timeout: a cold-start flag and a timeout flag.
    const a = assessWorkload(
      'component:default/sparse',
      parsed(
        workload({
          monthlyRequests: 100_000,
          runtime: 'java',
          latencySloMs: 200,
          maxDurationS: 800,
        }),
      ),
      { priceBook: pb },
    )!;
    const { coldStart, flags } = a.posture;
    expect(coldStart.exposed).toBe(true);
    expect(coldStart.message).toMatch(
      /^A cold request takes about [\d.]+ ms init \+ 120 ms = [\d.]+ ms, over the 200 ms p99 objective$/,
    );
    expect(flags.map(f => [f.kind, f.severity])).toEqual([
      ['cold-start', 'critical'],
      ['timeout', 'warning'],
    ]);
    // The cold-start flag quotes the posture's own message.
    expect(flags[0].message).toBe(coldStart.message);
    expect(flags[1].message).toBe(
      "max-duration-s 800 is within 20 % of Lambda's 900 s timeout",
    );
    const json = JSON.parse(JSON.stringify(a.posture));
    expect(Object.keys(json.coldStart)).toEqual([
      'exposed',
      'p99Ms',
      'sloMs',
      'source',
      'message',
    ]);
    expect(json.coldStart.message).toBe(coldStart.message);
    expect(json.flags).toEqual(
      flags.map(f => ({
        kind: f.kind,
        severity: f.severity,
        message: f.message,
      })),
    );
    expect(Object.keys(json.flags[1])).toEqual(['kind', 'severity', 'message']);
    flags[1].message = 'replaced';
    coldStart.message = 'replaced too';
    const replaced = JSON.parse(JSON.stringify(a.posture));
    expect(replaced.flags[1].message).toBe('replaced');
    expect(replaced.coldStart.message).toBe('replaced too');
  });

  it('leave absent posture figures out of JSON, as before they were written on read', () => {
    // Always-on Fargate: no cold-start figures, no concurrency limit, and a utilisation.
    const a = assessWorkload(
      'component:default/fleet',
      parsed(
        workload({
          executionModel: 'always-on',
          platform: 'aws-fargate',
          instances: 2,
          maxInstances: 10,
        }),
      ),
      { priceBook: pb },
    )!;
    const json = JSON.parse(JSON.stringify(a.posture));
    expect(Object.keys(json.coldStart)).toEqual(['exposed', 'message']);
    expect(Object.keys(json.concurrency)).toEqual(['average', 'peak']);
    expect(Object.keys(json)).toEqual([
      'scaleToZero',
      'headroom',
      'coldStart',
      'concurrency',
      'utilisation',
      'limits',
      'flags',
    ]);
  });
});
