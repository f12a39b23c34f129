import type { Assumption, SettingField } from '../model/settings';

/**
 * The set of defaulted fields, as the engine reads it: only `has`. A `ReadonlySet<SettingField>`
 * satisfies it; {@link FieldMask} is the allocation-light version the bulk path builds.
 * @public
 */
export interface FieldSet {
  has(field: SettingField): boolean;
}

/**
 * The bit of each setting field. A switch over the names rather than a record keyed by them: the
 * engine asks about a field a few dozen times per component, and a record read with a varying key is
 * a hash lookup in V8, several times the cost of these string comparisons.
 */
function bitOf(field: SettingField): number {
  switch (field) {
    case 'executionModel':
      return 1 << 0;
    case 'platform':
      return 1 << 1;
    case 'monthlyRequests':
      return 1 << 2;
    case 'avgDurationMs':
      return 1 << 3;
    case 'cpuMs':
      return 1 << 4;
    case 'memoryMb':
      return 1 << 5;
    case 'vcpu':
      return 1 << 6;
    case 'architecture':
      return 1 << 7;
    case 'instances':
      return 1 << 8;
    case 'maxInstances':
      return 1 << 9;
    case 'instanceType':
      return 1 << 10;
    case 'trafficPattern':
      return 1 << 11;
    case 'peakRps':
      return 1 << 12;
    case 'latencySloMs':
      return 1 << 13;
    case 'maxDurationS':
      return 1 << 14;
    case 'runtime':
      return 1 << 15;
    case 'connections':
      return 1 << 16;
    case 'state':
      return 1 << 17;
    default:
      return 0;
  }
}

/** A set of setting fields as a bit mask (a Set costs far more to build per component). @public */
export class FieldMask implements FieldSet {
  constructor(readonly mask: number = 0) {}

  /** The fields assumed (defaulted) by the parser. */
  static fromAssumptions(assumptions: readonly Assumption[]): FieldMask {
    let mask = 0;
    for (let i = 0; i < assumptions.length; i++)
      mask |= bitOf(assumptions[i].field);
    return new FieldMask(mask);
  }

  static of(fields: readonly SettingField[]): FieldMask {
    let mask = 0;
    for (const field of fields) mask |= bitOf(field);
    return new FieldMask(mask);
  }

  has(field: SettingField): boolean {
    return (this.mask & bitOf(field)) !== 0;
  }
}
