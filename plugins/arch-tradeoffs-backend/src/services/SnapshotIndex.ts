import type {
  ComponentSummary,
  ExecutionModel,
  InputFilter,
  ModelFilter,
  Platform,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { round2, ScoredComponent } from '../scorecards/computeScorecards';
import type { ReadScope } from '../permissions/ReadAccess';

/** The filters of `GET /v1/components`. */
export interface ComponentQuery {
  owner?: string;
  system?: string;
  domain?: string;
  model?: ModelFilter;
  platform?: string;
  /** Workloads whose traffic was measured, or estimated. */
  input?: InputFilter;
}

/** A page of matches: `limit` undefined means every match. */
export interface Page {
  offset: number;
  limit?: number;
}

export function pageOf<T>(items: readonly T[], page: Page): readonly T[] {
  return items.slice(page.offset, page.limit === undefined ? undefined : page.offset + page.limit);
}

/**
 * One component as the index is built from: the map's summary, and the two scorecard figures a
 * summary does not carry. (Its suggestion id and savings are the summary's suggestion's.)
 */
export interface IndexEntry extends ComponentSummary {
  /** Assessable, with no error diagnostics. */
  annotated: boolean;
  /** A warning or critical posture flag. */
  postureRisk: boolean;
  /** Execution model known, traffic stated or measured, no errors (the input-coverage check). */
  covered: boolean;
}

const ANNOTATED = 1;
const POSTURE_RISK = 2;
const NOT_APPLICABLE = 4;
const MEASURED = 8;
const COVERED = 16;

/**
 * Strings that repeat across thousands of components (owners, systems, domains, models, platforms,
 * suggestion titles) kept once each and referred to by number. Code 0 is "none".
 */
class StringTable {
  private readonly values: Array<string | undefined> = [undefined];
  private readonly codes = new Map<string, number>();

  code(value: string | null | undefined): number {
    if (!value) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a string, or -1 when no component has it. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  value(code: number): string | undefined {
    return this.values[code];
  }
}

/**
 * Every component of one snapshot, in entity-ref order, as a few columns: what filters, counts,
 * paging, the map, scorecards and the planner's lookups need, without any record JSON. A snapshot never
 * changes once published, so the service builds this once per snapshot (one query) and answers those
 * questions from memory. That is why the table needs no index beyond its primary key: every secondary
 * index would be maintained for 50,000 rows on every refresh, and filtering 50,000 entries here takes
 * about a millisecond.
 *
 * Components are addressed by position (entity-ref order). The served snapshot's index stays in memory
 * while a refresh builds the next one, so it is held column-wise rather than as objects per component
 * (each number boxed, each field a pointer): figures in typed arrays, repeated strings as codes into
 * one table. At 50,000 components that nearly halves it; summaries are built when a response needs them.
 */
export class SnapshotIndex {
  /** Number of components. */
  readonly size: number;
  private readonly strings = new StringTable();
  private readonly entityRefs: string[] = [];
  private readonly names: string[] = [];
  private readonly titles: Array<string | undefined> = [];
  private readonly suggestionIds: Array<string | undefined> = [];
  private readonly positions = new Map<string, number>();
  private readonly suggestionPositions = new Map<string, number>();
  /** String-table codes. */
  private readonly owners: Uint32Array;
  private readonly systems: Uint32Array;
  private readonly domains: Uint32Array;
  private readonly models: Uint32Array;
  private readonly platforms: Uint32Array;
  private readonly suggestionTitles: Uint32Array;
  private readonly suggestionTargets: Uint32Array;
  /** NaN where the figure is null (an unassessed component). */
  private readonly monthlyCosts: Float64Array;
  private readonly bestMonthlyCosts: Float64Array;
  /** A suggestion's expected savings; 0 without one. */
  private readonly savingsColumn: Float64Array;
  private readonly diagnosticCounts: Uint32Array;
  /** ANNOTATED | POSTURE_RISK | NOT_APPLICABLE */
  private readonly flags: Uint8Array;

  constructor(
    readonly snapshotId: number,
    /** In entity-ref order. */
    entries: readonly IndexEntry[],
  ) {
    const n = entries.length;
    this.size = n;
    this.owners = new Uint32Array(n);
    this.systems = new Uint32Array(n);
    this.domains = new Uint32Array(n);
    this.models = new Uint32Array(n);
    this.platforms = new Uint32Array(n);
    this.suggestionTitles = new Uint32Array(n);
    this.suggestionTargets = new Uint32Array(n);
    this.monthlyCosts = new Float64Array(n);
    this.bestMonthlyCosts = new Float64Array(n);
    this.savingsColumn = new Float64Array(n);
    this.diagnosticCounts = new Uint32Array(n);
    this.flags = new Uint8Array(n);
    let i = 0;
    for (const e of entries) {
      this.entityRefs.push(e.entityRef);
      this.positions.set(e.entityRef, i);
      this.names.push(e.name);
      this.titles.push(e.title || undefined);
      this.owners[i] = this.strings.code(e.owner);
      this.systems[i] = this.strings.code(e.system);
      this.domains[i] = this.strings.code(e.domain);
      this.models[i] = this.strings.code(e.executionModel);
      this.platforms[i] = this.strings.code(e.platform);
      this.monthlyCosts[i] = e.monthlyCost ?? NaN;
      this.bestMonthlyCosts[i] = e.bestMonthlyCost ?? NaN;
      this.diagnosticCounts[i] = e.diagnosticCount;
      this.flags[i] =
        (e.annotated ? ANNOTATED : 0) |
        (e.postureRisk ? POSTURE_RISK : 0) |
        (e.notApplicable ? NOT_APPLICABLE : 0) |
        (e.measured ? MEASURED : 0) |
        (e.covered ? COVERED : 0);
      const suggestion = e.suggestion;
      this.suggestionIds.push(suggestion?.id);
      if (suggestion) {
        this.suggestionPositions.set(suggestion.id, i);
        this.suggestionTitles[i] = this.strings.code(suggestion.title);
        this.suggestionTargets[i] = this.strings.code(suggestion.targetPlatform);
        this.savingsColumn[i] = suggestion.savings;
      }
      i++;
    }
  }

  /** Positions of the components a query matches among those the scope sees, in entity-ref order. */
  filter(query: ComponentQuery, scope: ReadScope): number[] {
    const { owner, system, domain, model, platform, input } = query;
    const columns: Array<[Uint32Array, number]> = [];
    for (const [column, value] of [
      [this.owners, owner],
      [this.systems, system],
      [this.domains, domain],
      [this.platforms, platform],
    ] as const) {
      if (value) columns.push([column, this.strings.find(value)]);
    }
    // Unassessed components have no model (code 0): unannotated ones, and those that are not workloads.
    if (model) {
      columns.push([this.models, model === 'unannotated' || model === 'not-applicable' ? 0 : this.strings.find(model)]);
    }
    // Both have no model; the flag tells them apart.
    let notApplicable: boolean | undefined;
    if (model === 'unannotated') notApplicable = false;
    if (model === 'not-applicable') notApplicable = true;
    const matches: number[] = [];
    if (columns.some(([, code]) => code < 0)) return matches;
    // Measured or estimated traffic: only workloads have either.
    const measured = input === undefined ? undefined : input === 'measured';
    const matchesAt = (i: number) =>
      scope.seesComponent(i) &&
      (notApplicable === undefined || this.isNotApplicable(i) === notApplicable) &&
      (measured === undefined || (!this.isNotApplicable(i) && this.isMeasured(i) === measured)) &&
      columns.every(([column, code]) => column[i] === code);
    for (let i = 0; i < this.size; i++) if (matchesAt(i)) matches.push(i);
    return matches;
  }

  /** The position of a component, if the snapshot has it. */
  positionOf(entityRef: string): number | undefined {
    return this.positions.get(entityRef);
  }

  /** The position of the component whose suggestion this is, if the snapshot has it. */
  suggestionPosition(suggestionId: string): number | undefined {
    return this.suggestionPositions.get(suggestionId);
  }

  /** How many components the scope sees. */
  countVisible(scope: ReadScope): number {
    if (scope.complete) return this.size;
    let count = 0;
    for (let i = 0; i < this.size; i++) if (scope.seesComponent(i)) count++;
    return count;
  }

  /** Whether the component is not a deployed workload (a library, documentation, …). */
  isNotApplicable(position: number): boolean {
    return (this.flags[position] & NOT_APPLICABLE) !== 0;
  }

  /** Whether the component's traffic was measured. */
  isMeasured(position: number): boolean {
    return (this.flags[position] & MEASURED) !== 0;
  }

  entityRef(position: number): string {
    return this.entityRefs[position];
  }

  /** The suggestion's id, if the component has one. */
  suggestionId(position: number): string | undefined {
    return this.suggestionIds[position];
  }

  /** The suggestion's expected monthly savings; 0 without one. */
  savings(position: number): number {
    return this.savingsColumn[position];
  }

  /**
   * The map's summary of a component (a new object; key order as the API has always sent it). Money is
   * to the cent, as in every response: the engine's full-precision figures were most of the whole
   * map's compressed bytes (their digits do not compress), for precision no one reads.
   */
  summary(position: number): ComponentSummary {
    const i = position;
    const title = this.titles[i];
    const owner = this.strings.value(this.owners[i]);
    const system = this.strings.value(this.systems[i]);
    const domain = this.strings.value(this.domains[i]);
    const id = this.suggestionIds[i];
    return {
      entityRef: this.entityRefs[i],
      name: this.names[i],
      ...(title ? { title } : {}),
      ...(owner ? { owner } : {}),
      ...(system ? { system } : {}),
      ...(domain ? { domain } : {}),
      executionModel: (this.strings.value(this.models[i]) as ExecutionModel | undefined) ?? null,
      platform: (this.strings.value(this.platforms[i]) as Platform | undefined) ?? null,
      monthlyCost: centsOrNull(this.monthlyCosts[i]),
      bestMonthlyCost: centsOrNull(this.bestMonthlyCosts[i]),
      diagnosticCount: this.diagnosticCounts[i],
      suggestion: id
        ? {
            id,
            title: this.strings.value(this.suggestionTitles[i])!,
            targetPlatform: this.strings.value(this.suggestionTargets[i]) as Platform,
            savings: round2(this.savingsColumn[i]),
          }
        : null,
      ...(this.isNotApplicable(i) ? { notApplicable: true as const } : {}),
      ...(this.isMeasured(i) ? { measured: true as const } : {}),
    };
  }

  /** The scorecard figures of every component the scope sees, in entity-ref order (new objects, one at a time). */
  *scoredComponents(scope: ReadScope): IterableIterator<ScoredComponent> {
    for (let i = 0; i < this.size; i++) {
      if (!scope.seesComponent(i)) continue;
      yield {
        owner: this.strings.value(this.owners[i]),
        applicable: !this.isNotApplicable(i),
        annotated: (this.flags[i] & ANNOTATED) !== 0,
        covered: (this.flags[i] & COVERED) !== 0,
        measured: this.isMeasured(i),
        monthlyCost: orNull(this.monthlyCosts[i]),
        bestMonthlyCost: orNull(this.bestMonthlyCosts[i]),
        postureRisk: (this.flags[i] & POSTURE_RISK) !== 0,
        suggestionId: this.suggestionIds[i] ?? null,
        savings: this.savingsColumn[i],
      };
    }
  }
}

function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function centsOrNull(value: number): number | null {
  return Number.isNaN(value) ? null : round2(value);
}
