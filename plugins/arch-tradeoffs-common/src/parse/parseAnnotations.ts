import { ANNOTATIONS, ANNOTATION_PREFIX, PROMETHEUS_SELECTOR_ANNOTATION, SettingKey } from '../annotations';
import { PEAK_TO_AVERAGE, SECONDS_PER_MONTH } from '../model/defaults';
import {
  DEFAULT_PLATFORM_FOR_MODEL,
  EC2_INSTANCE_SHAPES,
  PLATFORM_EXECUTION_MODEL,
} from '../model/platforms';
import {
  ARCHITECTURES,
  Assumption,
  CONNECTION_KINDS,
  Diagnostic,
  EXECUTION_MODELS,
  ExecutionModel,
  ParsedSettings,
  PLATFORMS,
  RUNTIMES,
  STATE_KINDS,
  TRAFFIC_PATTERNS,
  TrafficPattern,
  WorkloadSettings,
} from '../model/settings';
import type { InferredPlatform } from '../infer/catalogInference';
import type { MeasuredNumberField, MeasuredSetting, UsageMeasurement } from '../model/usage';
import { parseLabelMatchers } from '../usage/labelMatchers';
import { groupThousands } from '../prices/format';
import { ALIASES, NUMERIC_RULES, type NumericRule } from './fieldRules';
import { closestMatch } from './closestKey';
import { numberProblem, plainNumber } from './numbers';

/**
 * Options for {@link parseArchAnnotations}.
 * @public
 */
export interface ParseOptions {
  /**
   * Organisation defaults (app-config `archTradeoffs.defaults`), applied between the built-in defaults
   * and the entity's own annotations.
   */
  defaults?: Partial<WorkloadSettings>;
  /**
   * The platform the catalog's other annotations imply (see {@link inferFromCatalog}): used when the
   * entity states neither platform nor a model it contradicts, and reported as an assumption naming
   * the annotation it came from.
   */
  inferred?: InferredPlatform;
  /**
   * What a monitoring system measured of the component: used for every measurable setting the
   * entity does not state. A stated value still wins (it is the team's intent), but when it differs
   * from the measurement by more than `driftFactor` that is a warning on its annotation.
   */
  measured?: UsageMeasurement;
  /** How far (as a ratio) a stated value may be from its measurement before it is drift. Default 2. */
  driftFactor?: number;
}

/** The default of {@link ParseOptions.driftFactor}. @public */
export const DEFAULT_DRIFT_FACTOR = 2;

/**
 * The longest value read: far beyond any real one (the longest is a PromQL selector or an instance
 * type), and short enough that no single annotation costs noticeable work or response size.
 * @internal
 */
export const MAX_VALUE_LENGTH = 256;
/** Unknown keys per entity that get a "did you mean": the search compares each with every known key. */
const MAX_GUESSES = 10;
/** How much of an over-long value a diagnostic echoes. */
const ECHO_LENGTH = 60;

const ENUMS = {
  executionModel: EXECUTION_MODELS,
  platform: PLATFORMS,
  architecture: ARCHITECTURES,
  trafficPattern: TRAFFIC_PATTERNS,
  runtime: RUNTIMES,
  connections: CONNECTION_KINDS,
  state: STATE_KINDS,
} as const;
type EnumKey = keyof typeof ENUMS;
type NumericKey = keyof typeof NUMERIC_RULES;

/** The settings in a fixed order: slot `i` of a component's raw texts, bit `i` of its stated mask. */
const SETTING_KEYS = Object.keys(ANNOTATIONS) as SettingKey[];
const SLOT_BY_ANNOTATION = new Map<string, number>(SETTING_KEYS.map((key, i) => [ANNOTATIONS[key], i]));

/** A setting as the reader handles it: its slot, annotation, and numeric rule or accepted spellings. */
interface Field<K extends SettingKey = SettingKey> {
  key: K;
  slot: number;
  annotation: string;
  rule: NumericRule | undefined;
  /** Allowed values of an enum setting, and every accepted spelling (see below) to the value meant. */
  allowed: readonly string[] | undefined;
  spellings: ReadonlyMap<string, string> | undefined;
}

/**
 * Every accepted spelling of an enum setting, normalised (trimmed, lower case), to the value it
 * means: the allowed values themselves, then the aliases (an alias wins, as the lookup order of
 * "alias, else the text itself" implies). One Map lookup replaces the alias lookup and a scan of the
 * allowed values.
 */
function spellingsOf(key: EnumKey): ReadonlyMap<string, string> {
  const allowed = ENUMS[key] as readonly string[];
  const spellings = new Map<string, string>(allowed.map(v => [v, v]));
  for (const [alias, value] of Object.entries(ALIASES[key] ?? {})) {
    if (allowed.includes(value)) spellings.set(alias, value);
    else spellings.delete(alias);
  }
  return spellings;
}

const FIELDS = Object.fromEntries(
  SETTING_KEYS.map((key, slot) => {
    const isEnum = key in ENUMS;
    const field: Field = {
      key,
      slot,
      annotation: ANNOTATIONS[key],
      rule: NUMERIC_RULES[key],
      allowed: isEnum ? (ENUMS[key as EnumKey] as readonly string[]) : undefined,
      spellings: isEnum ? spellingsOf(key as EnumKey) : undefined,
    };
    return [key, field];
  }),
) as { [K in SettingKey]: Field<K> };
/** Short name for the many reads in the reader below. */
const F = FIELDS;

const KNOWN_KEYS = [...Object.values(ANNOTATIONS), PROMETHEUS_SELECTOR_ANNOTATION];

/** Why a peak derived from the traffic pattern has its value (built once: it is on every component). */
const DERIVED_PEAK_REASONS = Object.fromEntries(
  TRAFFIC_PATTERNS.map(p => [p, `derived: average rate × ${PEAK_TO_AVERAGE[p]} for ${p} traffic`]),
) as Record<TrafficPattern, string>;

/** The raw text of each annotation, by setting slot, all empty: copied and filled per component. */
const NO_RAW_VALUES: readonly (string | undefined)[] = SETTING_KEYS.map(() => undefined);

const BUILT_IN = 'built-in default';
const CONFIGURED = 'organisation default (app-config archTradeoffs.defaults)';

/** The EC2 instance type of a workload and its shape; empty off EC2. */
interface InstanceTypeChoice {
  instanceType?: string;
  shape?: (typeof EC2_INSTANCE_SHAPES)[string];
}

const NOT_EC2: InstanceTypeChoice = {};

class AnnotationReader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly assumptions: Assumption[] = [];
  /** Settings read from the entity's own annotations, in reading order. */
  private readonly stated: SettingKey[] = [];
  /** Settings taken from the measurement, in reading order. */
  private readonly measured: MeasuredSetting[] = [];
  /** The settings in `stated`, one bit per slot. */
  private statedMask = 0;
  private readonly raw = NO_RAW_VALUES.slice();
  private rawCount = 0;
  /** Whether any organisation default is configured. */
  private readonly anyDefaults: boolean;
  /** Unknown keys searched for a likely meant key so far. */
  private guesses = 0;

  constructor(
    annotations: Record<string, unknown>,
    private readonly defaults: Partial<WorkloadSettings>,
    private readonly inferred: InferredPlatform | undefined,
    private readonly measurement: UsageMeasurement | undefined,
    private readonly driftFactor: number,
  ) {
    let anyDefaults = false;
    for (const key in defaults) {
      if (defaults[key as keyof WorkloadSettings] !== undefined) {
        anyDefaults = true;
        break;
      }
    }
    this.anyDefaults = anyDefaults;
    for (const key in annotations) {
      if (!Object.prototype.hasOwnProperty.call(annotations, key)) continue;
      const value = annotations[key];
      const slot = SLOT_BY_ANNOTATION.get(key);
      if (slot === undefined) {
        if (key === PROMETHEUS_SELECTOR_ANNOTATION) {
          this.checkSelector(value);
        } else if (key.startsWith(ANNOTATION_PREFIX)) {
          const guess = this.guesses++ < MAX_GUESSES ? closestMatch(key, KNOWN_KEYS) : undefined;
          this.report('warning', key, value, `is not a known annotation${guess ? `; did you mean ${guess}?` : ''} It is ignored.`);
        }
      } else if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
        this.report('error', key, value, `is ${value.length} characters long; a value has at most ${MAX_VALUE_LENGTH}. It is ignored.`);
      } else if (typeof value === 'string') {
        this.raw[slot] = value;
        this.rawCount++;
      } else {
        this.report('error', key, String(value), 'must be a string; quote the value in YAML');
      }
    }
  }

  read(): ParsedSettings {
    const written = {
      model: this.text(F.executionModel) !== undefined,
      platform: this.text(F.platform) !== undefined,
    };
    const model = this.readEnum(F.executionModel);
    const platformStated = this.readEnum(F.platform);
    const inferred = this.usableInference(model, platformStated, written);

    if (!model && !platformStated && !inferred) {
      if (this.rawCount > 0 && this.text(F.executionModel) === undefined && this.text(F.platform) === undefined) {
        this.report('warning', ANNOTATIONS.platform, undefined,
          `is missing: set ${ANNOTATIONS.executionModel} or ${ANNOTATIONS.platform} so the component can be assessed`);
      }
      return this.result(false);
    }

    const platform =
      platformStated ?? inferred?.platform ?? this.defaults.platform ?? DEFAULT_PLATFORM_FOR_MODEL[model!];
    if (inferred && !platformStated) {
      this.assumptions.push({
        field: F.platform.key,
        annotation: F.platform.annotation,
        value: platform,
        reason: `inferred from ${inferred.annotation}${inferred.note ? ` (${inferred.note})` : ''}`,
        inferredFrom: inferred.annotation,
      });
    } else if (!platformStated) {
      this.assume(F.platform, platform,
        this.defaults.platform ? CONFIGURED : `built-in default for ${model} workloads`);
    }
    const executionModel = this.resolveModel(model, platform);

    const trafficPattern = this.readTrafficPattern();
    const peakStated = this.readMeasurable(F.peakRps);
    let monthlyRequests = this.readMeasurable(F.monthlyRequests);
    if (monthlyRequests === undefined) {
      if (peakStated !== undefined) {
        monthlyRequests = (peakStated / PEAK_TO_AVERAGE[trafficPattern]) * SECONDS_PER_MONTH;
        this.assume(F.monthlyRequests, Math.round(monthlyRequests),
          `derived from peak-rps ÷ ${PEAK_TO_AVERAGE[trafficPattern]} (typical peak-to-average for ${trafficPattern} traffic)`);
      } else {
        monthlyRequests = this.numberDefault(F.monthlyRequests, 1_000_000);
      }
    }
    const averageRps = monthlyRequests / SECONDS_PER_MONTH;
    let peakRps = peakStated;
    if (peakRps === undefined) {
      peakRps = averageRps * PEAK_TO_AVERAGE[trafficPattern];
      this.assume(F.peakRps, round(peakRps),
        DERIVED_PEAK_REASONS[trafficPattern]);
    } else if (peakRps < averageRps) {
      this.report('warning', ANNOTATIONS.peakRps, this.text(F.peakRps) ?? String(peakRps),
        `is below the average rate implied by monthly-requests (${round(averageRps)} req/s); using the average as the peak`);
      peakRps = averageRps;
    }

    const avgDurationMs = this.readMeasurable(F.avgDurationMs) ?? this.numberDefault(F.avgDurationMs, 100);
    const cpuStated = this.text(F.cpuMs) !== undefined;
    let cpuMs = this.readMeasurable(F.cpuMs);
    if (cpuMs !== undefined && !cpuStated && cpuMs > avgDurationMs) {
      // Process CPU counts work outside requests too (start-up, GC, background jobs): at low traffic
      // it can exceed the request time. Capacity is sized from request time then.
      this.report('info', ANNOTATIONS.cpuMs, String(cpuMs),
        `was measured above avg-duration-ms (${avgDurationMs}): the process spends CPU outside requests. Using avg-duration-ms`);
      cpuMs = avgDurationMs;
    }
    if (cpuMs === undefined) {
      cpuMs = this.defaults.cpuMs ?? avgDurationMs;
      this.assume(F.cpuMs, cpuMs, this.defaults.cpuMs !== undefined ? CONFIGURED
        : 'assumed equal to avg-duration-ms (CPU-bound), the conservative choice for capacity');
    } else if (cpuMs > avgDurationMs) {
      this.report('warning', ANNOTATIONS.cpuMs, this.text(F.cpuMs),
        `is more than avg-duration-ms (${avgDurationMs}); that needs several cores per request. Kept as stated`);
    }

    const onDemand = executionModel === 'on-demand';
    const { instanceType, shape } = this.resolveInstanceType(platform);
    const architecture = this.resolveArchitecture(shape?.architecture);
    // An EC2 instance type fixes the memory, so a measurement is not used there.
    let memoryMb = this.readMeasurable(F.memoryMb, !shape);
    let vcpu = this.readNumber(F.vcpu);
    if (shape) {
      if (memoryMb !== undefined && memoryMb !== shape.memoryMb) {
        this.report('warning', ANNOTATIONS.memoryMb, this.text(F.memoryMb),
          `differs from ${instanceType} (${shape.memoryMb} MB); the instance type's memory is used`);
      }
      if (vcpu !== undefined && vcpu !== shape.vcpu) {
        this.report('warning', ANNOTATIONS.vcpu, this.text(F.vcpu),
          `differs from ${instanceType} (${shape.vcpu} vCPU); the instance type's vCPU count is used`);
      }
      memoryMb = shape.memoryMb;
      vcpu = shape.vcpu;
    }
    memoryMb ??= this.numberDefault(F.memoryMb, onDemand ? 512 : 1024);
    vcpu ??= this.numberDefault(F.vcpu, onDemand ? 1 : 0.5);

    // Instances measured (scraped targets) are replicas of an always-on service; on-demand settings
    // mean provisioned concurrency or minimum instances, which a count of targets does not measure.
    let instances = this.readMeasurable(F.instances, !onDemand);
    if (instances === undefined) {
      instances = this.numberDefault(F.instances, onDemand ? 0 : 2);
    } else if (!onDemand && instances === 0) {
      this.report('error', ANNOTATIONS.instances, this.text(F.instances),
        'is 0, but an always-on service runs at least one instance; using 1 (use execution-model on-demand for scale-to-zero)');
      instances = 1;
    }
    let maxInstances = this.readMeasurable(F.maxInstances, !onDemand);
    if (maxInstances === undefined) {
      const builtIn = onDemand
        ? { value: 1000, reason: 'built-in default (Lambda default account concurrency, 1,000)' }
        : { value: Math.max(instances, 10), reason: 'built-in default (at least 10, never below instances)' };
      maxInstances = this.defaults.maxInstances ?? builtIn.value;
      this.assume(F.maxInstances, maxInstances,
        this.defaults.maxInstances !== undefined ? CONFIGURED : builtIn.reason);
    }
    if (maxInstances < instances) {
      this.report('error', ANNOTATIONS.maxInstances, this.text(F.maxInstances),
        `is lower than instances (${instances}); using ${instances}`);
      maxInstances = instances;
    }

    let maxDurationS = this.readNumber(F.maxDurationS);
    if (maxDurationS === undefined) {
      maxDurationS = this.defaults.maxDurationS ?? Math.max(1, Math.ceil((avgDurationMs * 10) / 1000));
      this.assume(F.maxDurationS, maxDurationS, this.defaults.maxDurationS !== undefined ? CONFIGURED
        : 'derived: 10 × avg-duration-ms, at least 1 s');
    } else if (maxDurationS * 1000 < avgDurationMs) {
      this.report('warning', ANNOTATIONS.maxDurationS, this.text(F.maxDurationS),
        `is shorter than avg-duration-ms (${avgDurationMs} ms); using the average duration`);
      maxDurationS = avgDurationMs / 1000;
    }

    const latencySloMs = this.readNumber(F.latencySloMs) ?? this.defaults.latencySloMs;
    // Every field is present, optional ones as undefined (JSON drops them).
    const settings: WorkloadSettings = {
      executionModel,
      platform,
      monthlyRequests,
      avgDurationMs,
      cpuMs,
      memoryMb,
      vcpu,
      architecture,
      instances,
      maxInstances,
      instanceType,
      trafficPattern,
      peakRps,
      latencySloMs,
      maxDurationS,
      runtime: this.enumOrDefault(F.runtime, onDemand ? 'nodejs' : 'container'),
      connections: this.enumOrDefault(F.connections, 'request-response'),
      state: this.enumOrDefault(F.state, 'stateless'),
    };
    return this.result(true, settings);
  }

  /**
   * The inferred platform, unless the entity's own annotations say otherwise: a stated platform wins
   * (the team's intent), and so does a stated model the inferred platform cannot run. Either way the
   * disagreement is reported on the annotation the inference came from. A model or platform written
   * but misspelt is not overruled either: its error stands, and the inference would price what the
   * team did not mean.
   */
  private usableInference(
    model: ExecutionModel | undefined,
    platformStated: WorkloadSettings['platform'] | undefined,
    written: { model: boolean; platform: boolean },
  ): InferredPlatform | undefined {
    const inferred = this.inferred;
    if (!inferred) return undefined;
    if ((written.platform && !platformStated) || (written.model && !model)) return undefined;
    const suggests = `suggests ${inferred.platform}`;
    if (platformStated) {
      if (platformStated !== inferred.platform) {
        this.report('warning', inferred.annotation, undefined,
          `${suggests}; the stated ${ANNOTATIONS.platform} (${platformStated}) is used`);
      }
      return undefined;
    }
    if (model && inferred.executionModel && inferred.executionModel !== model) {
      this.report('warning', inferred.annotation, undefined,
        `${suggests}, which is ${inferred.executionModel}; the stated ${ANNOTATIONS.executionModel} (${model}) is used`);
      return undefined;
    }
    return inferred;
  }

  /** The platform decides the model where it is unambiguous; a contradiction is reported, not fatal. */
  private resolveModel(model: ExecutionModel | undefined, platform: WorkloadSettings['platform']): ExecutionModel {
    const implied = PLATFORM_EXECUTION_MODEL[platform];
    if (model && implied && model !== implied) {
      this.report('error', ANNOTATIONS.executionModel, this.text(F.executionModel),
        `contradicts platform ${platform}, which is ${implied}; using ${implied}`);
      return implied;
    }
    if (model) return model;
    if (implied) return implied; // certain, so not an assumption
    // Cloud Run and Container Apps run either way: minimum instances above zero keep it always on.
    const instances = this.peekNumber(F.instances) ?? 0;
    const derived: ExecutionModel = instances > 0 ? 'always-on' : 'on-demand';
    this.assume(F.executionModel, derived,
      `derived from instances (${instances}) on ${platform}, which can scale to zero or stay on`);
    return derived;
  }

  private resolveInstanceType(platform: WorkloadSettings['platform']): InstanceTypeChoice {
    const raw = this.text(F.instanceType);
    if (platform !== 'aws-ec2') {
      if (raw !== undefined) {
        this.report('warning', ANNOTATIONS.instanceType, raw,
          `only applies to aws-ec2; ignored on ${platform}`);
      }
      return NOT_EC2;
    }
    if (raw !== undefined) {
      const type = raw.trim().toLowerCase();
      const shape = EC2_INSTANCE_SHAPES[type];
      if (shape) {
        this.recordStated(F.instanceType);
        return { instanceType: type, shape };
      }
      const guess = closestMatch(type, Object.keys(EC2_INSTANCE_SHAPES));
      this.report('error', ANNOTATIONS.instanceType, raw,
        `is not a known instance type${guess ? ` (did you mean ${guess}?)` : ''}; known: ${Object.keys(EC2_INSTANCE_SHAPES).join(', ')}`);
    }
    const archStated = this.readEnum(F.architecture, false);
    const configured = this.defaults.instanceType;
    let type = archStated === 'x86_64' ? 'm6i.large' : 'm7g.large';
    let reason = `built-in default for ${archStated ?? 'arm64'} general-purpose instances`;
    if (configured && EC2_INSTANCE_SHAPES[configured]) {
      type = configured;
      reason = CONFIGURED;
    }
    this.assume(F.instanceType, type, reason);
    return { instanceType: type, shape: EC2_INSTANCE_SHAPES[type] };
  }

  private resolveArchitecture(implied?: 'x86_64' | 'arm64') {
    const stated = this.readEnum(F.architecture);
    if (implied) {
      if (stated && stated !== implied) {
        this.report('error', ANNOTATIONS.architecture, this.text(F.architecture),
          `contradicts the instance type, which is ${implied}; using ${implied}`);
      } else if (!stated) {
        this.assume(F.architecture, implied, 'implied by the instance type');
      }
      return implied;
    }
    return stated ?? this.enumOrDefault(F.architecture, 'x86_64');
  }

  /** The pattern stated, else the one the measured hourly shape shows, else the default. */
  private readTrafficPattern(): TrafficPattern {
    const stated = this.readEnum(F.trafficPattern);
    const shape = this.measurement?.shape;
    if (stated !== undefined) {
      if (shape && shape.pattern !== stated) {
        this.reportDrift('info', ANNOTATIONS.trafficPattern, this.text(F.trafficPattern),
          `is stated, but the traffic measured over ${this.spanText()} looks ${shape.pattern} (busiest 5 minutes ${round(shape.peakToMean)}× the mean, daily swing ${round(shape.dailySwing)}×, ${Math.round(shape.idleShare * 100)} % of hours idle). The stated pattern is used`);
      }
      return stated;
    }
    if (shape) {
      this.measured.push({ field: F.trafficPattern.key, value: shape.pattern, metric: 'hourly traffic shape' });
      return shape.pattern;
    }
    return this.enumOrDefault(F.trafficPattern, 'steady');
  }

  /**
   * A measurable number: stated (checked against the measurement for drift), else measured, else
   * undefined for the caller's default. `useMeasured` is false where the measurement does not apply.
   */
  private readMeasurable(field: Field<MeasuredNumberField>, useMeasured = true): number | undefined {
    const figure = useMeasured ? this.measurement?.figures[field.key] : undefined;
    const stated = this.readNumber(field);
    if (stated !== undefined) {
      if (figure && drifted(stated, figure.value, this.driftFactor)) {
        this.reportDrift('warning', field.annotation, this.text(field),
          `declares ${formatFigure(stated)} ${field.rule!.unit}; measured ${formatFigure(figure.value)} over ${this.spanText()} (${figure.metric}). The stated value is used; update the annotation or remove it to use the measurement`);
      }
      return stated;
    }
    if (!figure) return undefined;
    const problem = Number.isFinite(figure.value) ? rangeProblem(figure.value, field.rule!) : 'is not a number';
    if (problem !== undefined) {
      this.report('info', field.annotation, String(figure.value), `was measured (${figure.metric}) but ${problem}; not used`);
      return undefined;
    }
    this.measured.push({ field: field.key, value: figure.value, metric: figure.metric });
    return figure.value;
  }

  /** The span the measurement covers, in words (e.g. `30 days`, `6.5 days`). */
  private spanText(): string {
    const m = this.measurement!;
    const days = (Date.parse(m.to) - Date.parse(m.from)) / 86_400_000;
    return `${days >= 10 ? Math.round(days) : Math.round(days * 10) / 10} days`;
  }

  /** The same check as the measurement's (parseLabelMatchers), so what is reported is what is skipped. */
  private checkSelector(value: unknown) {
    const selector = parseLabelMatchers(value);
    if (!selector.ok) {
      this.report('error', PROMETHEUS_SELECTOR_ANNOTATION, value, `${selector.problem}. The component is not measured`);
    }
  }

  // ---- primitive readers ---------------------------------------------------------------------------

  private readEnum<K extends EnumKey>(field: Field<K>, record = true): (typeof ENUMS)[K][number] | undefined {
    const raw = this.raw[field.slot];
    if (raw === undefined) return undefined;
    const spellings = field.spellings!;
    // Every spelling is already trimmed and lower case, so text written exactly as one needs no
    // normalising (the usual case, and it saves two string scans).
    let normalised = raw;
    let value = spellings.get(raw);
    if (value === undefined) {
      normalised = raw.trim().toLowerCase();
      value = spellings.get(normalised);
    }
    if (value !== undefined) {
      if (record) this.recordStated(field);
      return value as (typeof ENUMS)[K][number];
    }
    if (record) {
      const allowed = field.allowed!;
      const guess = closestMatch(normalised, allowed);
      this.report('error', field.annotation, raw,
        `is not one of ${allowed.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`);
      this.forget(field); // reported once; later reads fall back to the default
    }
    return undefined;
  }

  private enumOrDefault<K extends EnumKey>(field: Field<K>, fallback: (typeof ENUMS)[K][number]) {
    const value = this.readEnum(field);
    if (value !== undefined) return value;
    const configured = this.configured(field) as (typeof ENUMS)[K][number] | undefined;
    const used = configured ?? fallback;
    this.assume(field, used, configured ? CONFIGURED : BUILT_IN);
    return used;
  }

  /** Reads a number without recording or reporting anything (to look ahead at another field). */
  private peekNumber(field: Field<NumericKey>): number | undefined {
    const raw = this.raw[field.slot];
    return raw === undefined ? undefined : plainNumber(raw);
  }

  private readNumber(field: Field<NumericKey>): number | undefined {
    const raw = this.raw[field.slot];
    if (raw === undefined) return undefined;
    const value = plainNumber(raw);
    const problem =
      value === undefined ? numberProblem(raw) : rangeProblem(value, field.rule!);
    if (problem !== undefined) {
      this.report('error', field.annotation, raw, `${problem}; the default is used instead`);
      this.forget(field); // reported once; later reads fall back to the default
      return undefined;
    }
    this.recordStated(field);
    return value;
  }

  /** The annotation's text as written, if the entity has it (and it was not reported). */
  private text(field: Field): string | undefined {
    return this.raw[field.slot];
  }

  private forget(field: Field) {
    this.raw[field.slot] = undefined;
    this.rawCount--;
  }

  private recordStated(field: Field) {
    const bit = 1 << field.slot;
    if ((this.statedMask & bit) === 0) {
      this.statedMask |= bit;
      this.stated.push(field.key);
    }
  }

  /** The organisation default of a setting (app-config), if one is configured. */
  private configured(field: Field): unknown {
    // Most installations configure none: skip the lookup by a variable name then.
    return this.anyDefaults ? this.defaults[field.key as keyof WorkloadSettings] : undefined;
  }

  private numberDefault(field: Field<NumericKey>, builtIn: number): number {
    const configured = this.configured(field) as number | undefined;
    const value = configured ?? builtIn;
    this.assume(field, value, configured !== undefined ? CONFIGURED : BUILT_IN);
    return value;
  }

  private assume(field: Field, value: string | number, reason: string) {
    this.assumptions.push({ field: field.key, annotation: field.annotation, value, reason });
  }

  /** A diagnostic echoes the value it is about, cut short when it is long. */
  private report(severity: Diagnostic['severity'], annotation: string, value: unknown, message: string) {
    const text = value === undefined ? undefined : String(value);
    this.diagnostics.push({
      severity,
      annotation,
      ...(text !== undefined
        ? { value: text.length > ECHO_LENGTH ? `${text.slice(0, ECHO_LENGTH)}…` : text }
        : {}),
      message,
    });
  }

  /** A stated value that disagrees with its measurement: marked, so a reader need not parse the text. */
  private reportDrift(severity: Diagnostic['severity'], annotation: string, value: string | undefined, message: string) {
    this.report(severity, annotation, value, message);
    this.diagnostics[this.diagnostics.length - 1].drift = true;
  }

  private result(assessable: boolean, settings?: WorkloadSettings): ParsedSettings {
    const { stated, measured, assumptions, diagnostics } = this;
    return settings
      ? { assessable, settings, stated, measured, assumptions, diagnostics }
      : { assessable, stated, measured: [], assumptions: [], diagnostics };
  }
}

/**
 * Reads an entity's `arch-tradeoffs.io/*` annotations into typed, fully resolved settings.
 *
 * Precedence, lowest first: built-in defaults, `options.defaults` (app-config), the platform
 * `options.inferred` from other plugins' annotations, `options.measured`, and the entity's own
 * annotations (the team's intent). Measured settings are listed in `measured`; anything else
 * missing is defaulted and listed in `assumptions`; anything malformed, out of range or contradictory is
 * a `diagnostics` entry naming the key, and the setting falls back to its default. It never throws on
 * entity data: annotations come from YAML people write by hand.
 * @public
 */
export function parseArchAnnotations(
  annotations: Record<string, string> | undefined | null,
  options: ParseOptions = {},
): ParsedSettings {
  return new AnnotationReader(
    annotations ?? {},
    options.defaults ?? {},
    options.inferred,
    options.measured,
    options.driftFactor ?? DEFAULT_DRIFT_FACTOR,
  ).read();
}

/** Why a number is outside its setting's accepted range; undefined when it is inside. */
function rangeProblem(value: number, rule: NumericRule): string | undefined {
  if (value < rule.min || (rule.minExclusive && value === rule.min))
    return `must be ${rule.minExclusive ? 'greater than' : 'at least'} ${rule.min} ${rule.unit}`;
  if (value > rule.max) return `must be at most ${rule.max.toLocaleString('en-US')} ${rule.unit}`;
  if (rule.integer && !Number.isInteger(value)) return 'must be a whole number';
  return undefined;
}

/** True when two values differ by more than `factor` (either way); zero against non-zero always does. */
function drifted(stated: number, measured: number, factor: number): boolean {
  const [low, high] = stated < measured ? [stated, measured] : [measured, stated];
  return high > 0 && high > low * factor;
}

/**
 * A figure in a drift message: whole with thousands separators, two decimals at most below 10. Not
 * toLocaleString: with a measurement, nearly every component of a refresh may drift, and Intl costs
 * tens of microseconds a call (a bench refresh of 50,000 measured components spent seconds in it).
 */
function formatFigure(n: number): string {
  return n < 10 ? String(Math.round(n * 100) / 100) : groupThousands(Math.round(n));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
