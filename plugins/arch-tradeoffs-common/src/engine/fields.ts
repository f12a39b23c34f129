import type { Assumption, SettingField } from '../model/settings';

/**
 * The set of defaulted fields, as the engine reads it: only `has`. A `ReadonlySet<SettingField>`
 * satisfies it; {@link FieldMask} is the allocation-light version the bulk path builds.
 * @public
 */
export interface FieldSet {
  has(field: SettingField): boolean;
}

const BITS: Record<SettingField, number> = {
  executionModel: 1 << 0,
  platform: 1 << 1,
  monthlyRequests: 1 << 2,
  avgDurationMs: 1 << 3,
  cpuMs: 1 << 4,
  memoryMb: 1 << 5,
  vcpu: 1 << 6,
  architecture: 1 << 7,
  instances: 1 << 8,
  maxInstances: 1 << 9,
  instanceType: 1 << 10,
  trafficPattern: 1 << 11,
  peakRps: 1 << 12,
  latencySloMs: 1 << 13,
  maxDurationS: 1 << 14,
  runtime: 1 << 15,
  connections: 1 << 16,
  state: 1 << 17,
};

/** A set of setting fields as a bit mask (a Set costs far more to build per component). @public */
export class FieldMask implements FieldSet {
  constructor(readonly mask: number = 0) {}

  /** The fields assumed (defaulted) by the parser. */
  static fromAssumptions(assumptions: readonly Assumption[]): FieldMask {
    let mask = 0;
    for (let i = 0; i < assumptions.length; i++)
      mask |= BITS[assumptions[i].field] ?? 0;
    return new FieldMask(mask);
  }

  static of(fields: readonly SettingField[]): FieldMask {
    let mask = 0;
    for (const field of fields) mask |= BITS[field] ?? 0;
    return new FieldMask(mask);
  }

  has(field: SettingField): boolean {
    return (this.mask & (BITS[field] ?? 0)) !== 0;
  }
}
