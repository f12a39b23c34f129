import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { NotFoundError } from '@backstage/errors';
import type {
  ComponentRecord,
  ComponentResponse,
  ComponentsResponse,
  ComponentSummary,
  Decision,
  HistoryResponse,
  ScorecardResponse,
  ScorecardsResponse,
  ScorecardWeights,
  SnapshotInfo,
  UsageSourceHealth,
  SuggestionRecord,
  SuggestionsResponse,
  SuggestionStatus,
  TeamScorecard,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { SnapshotStore, StoredSnapshot } from '../database/SnapshotStore';
import type { ReadScope } from '../permissions/ReadAccess';
import { computeScorecards, rankScorecards, round2 } from '../scorecards/computeScorecards';
import type { ComponentAssessor } from './ComponentAssessor';
import { ComponentQuery, Page, pageOf, SnapshotIndex } from './SnapshotIndex';
import { suggestionStatus } from './suggestionStatus';

/** Components priced per turn of the event loop when exporting (10-30 ms of work at a time). @internal */
export const EXPORT_CHUNK = 100;

export interface SuggestionFilter {
  owner?: string;
  status?: SuggestionStatus;
  /** A page of the ranked list; every suggestion when absent. */
  page?: Page;
}

/**
 * One caller's view of the latest snapshot: every read answers from the same snapshot, narrowed to the
 * components and groups the caller may read (its {@link ReadScope}). Counts, totals, scorecards and
 * exports cover only those; `snapshot.partial` says when that is not everything.
 */
export class SnapshotView {
  constructor(
    private readonly deps: {
      store: SnapshotStore;
      assessor: ComponentAssessor;
      weights: ScorecardWeights;
      now: () => Date;
      /** The decisions as they stand (read at most once a second: see ArchTradeoffsService). */
      decisions: () => Promise<Map<string, Decision>>;
      /** What the figures depend on besides the snapshot (see configFingerprint). */
      configKey: string;
    },
    readonly snapshot: StoredSnapshot,
    private readonly index: SnapshotIndex,
    readonly scope: ReadScope,
  ) {}

  /** The decisions, read once per view so that one response joins one state of them. */
  private decisionsRead?: Promise<Map<string, Decision>>;

  /**
   * Identifies what this view answers: equal versions give equal responses to the same query of the
   * snapshot-only routes. Used to cache them and as their ETag.
   */
  get version(): string {
    return `${this.snapshot.id}:${this.deps.configKey}:${this.scope.key}`;
  }

  /**
   * Identifies the decisions as they stand now, for the routes that join them (suggestions,
   * scorecards): any decision recorded, by any replica, changes it, and so does a snooze running out.
   */
  async decisionsVersion(): Promise<string> {
    const decisions = await this.decisions();
    const now = this.deps.now().getTime();
    const hash = createHash('sha256');
    let expiredSnoozes = 0;
    for (const decision of decisions.values()) {
      // Only the caller's: a decision on a hidden component must not change what they are sent.
      if (!this.seesSuggestion(decision.suggestionId)) continue;
      hash.update(JSON.stringify(decision));
      if (decision.snoozeUntil && Date.parse(decision.snoozeUntil) <= now) expiredSnoozes++;
    }
    return `${expiredSnoozes}.${hash.digest('base64url').slice(0, 16)}`;
  }

  private decisions(): Promise<Map<string, Decision>> {
    this.decisionsRead ??= this.deps.decisions();
    return this.decisionsRead;
  }

  /** Component records, with their assessments or (lighter, for lists) without. */
  async components(
    query: ComponentQuery,
    page: Page,
    options: { assessments: boolean },
  ): Promise<ComponentsResponse<ComponentRecord>> {
    const matches = this.index.filter(query, this.scope);
    const refs = pageOf(matches, page).map(i => this.index.entityRef(i));
    const inputs = await this.deps.store.componentInputs(this.snapshot.id, refs);
    const { assessor } = this.deps;
    const records = inputs.map(options.assessments ? assessor.record : assessor.annotationsRecord);
    return this.paged(records, matches.length, page);
  }

  /**
   * Every matching record with its assessment, a chunk at a time, for the CSV export. An export of the
   * whole organisation prices every component (seconds at 50,000): each chunk is dropped once written,
   * and other requests are answered between chunks rather than waiting for the whole export.
   */
  async *recordChunks(query: ComponentQuery, page: Page): AsyncGenerator<ComponentRecord[]> {
    const positions = pageOf(this.index.filter(query, this.scope), page);
    for (let start = 0; start < positions.length; start += EXPORT_CHUNK) {
      if (start > 0) await nextTurn();
      const refs = positions.slice(start, start + EXPORT_CHUNK).map(i => this.index.entityRef(i));
      const inputs = await this.deps.store.componentInputs(this.snapshot.id, refs);
      yield inputs.map(this.deps.assessor.record);
    }
  }

  /** The map's view: the index's summaries. */
  summaries(query: ComponentQuery, page: Page): ComponentsResponse<ComponentSummary> {
    const matches = this.index.filter(query, this.scope);
    return this.paged(
      pageOf(matches, page).map(i => this.index.summary(i)),
      matches.length,
      page,
    );
  }

  async component(entityRef: string): Promise<ComponentResponse> {
    const position = this.index.positionOf(entityRef);
    // A component the caller may not read is answered as the catalog answers it: not found.
    if (position === undefined || !this.scope.seesComponent(position)) {
      throw new NotFoundError(
        `No component ${entityRef} in snapshot ${this.snapshot.id}; it may have been added to the catalog after that refresh`,
      );
    }
    const [inputs] = await this.deps.store.componentInputs(this.snapshot.id, [entityRef]);
    if (!inputs) {
      // Its rows were pruned while this snapshot was still being served: a newer one has it.
      throw new NotFoundError(`No component ${entityRef} in snapshot ${this.snapshot.id}; try again`);
    }
    const component = this.deps.assessor.record(inputs);
    const suggestionId = component.assessment?.suggestion?.id;
    const decision = suggestionId ? (await this.decisions()).get(suggestionId) : undefined;
    return { component, decision: decision ?? null, snapshot: this.info() };
  }

  async scorecards(): Promise<ScorecardsResponse> {
    return {
      items: rankScorecards(await this.teams()),
      weights: this.deps.weights,
      currency: this.snapshot.currency,
      snapshot: this.info(),
    };
  }

  async scorecard(groupRef: string): Promise<ScorecardResponse> {
    const scorecard = (await this.teams()).find(t => t.groupRef === groupRef);
    if (!scorecard) {
      throw new NotFoundError(`No group ${groupRef} in snapshot ${this.snapshot.id}`);
    }
    return {
      scorecard,
      weights: this.deps.weights,
      currency: this.snapshot.currency,
      snapshot: this.info(),
    };
  }

  /** The planner's list, as objects (for the CSV export). */
  async suggestions(filter: SuggestionFilter): Promise<SuggestionsResponse> {
    const { rows, json, ...envelope } = await this.plannedSuggestions(filter);
    const items = rows.map(({ component, status, decision }) => ({
      suggestion: JSON.parse(json.get(component.entityRef)!),
      ...suggestionContext(component),
      status,
      decision,
    }));
    return { items, ...envelope };
  }

  /**
   * The planner's list as the JSON body of `GET /v1/suggestions`. Each stored suggestion is already
   * JSON, so it is spliced in as is: at 15,000 suggestions, parsing and re-serialising them was most
   * of the request and most of its memory.
   */
  async suggestionsJson(filter: SuggestionFilter): Promise<string> {
    const { rows, json, ...envelope } = await this.plannedSuggestions(filter);
    const items = rows.map(
      ({ component, status, decision }) =>
        `{"suggestion":${json.get(component.entityRef)},${JSON.stringify({ ...suggestionContext(component), status, decision }).slice(1)}`,
    );
    return `{"items":[${items.join(',')}],${JSON.stringify(envelope).slice(1)}`;
  }

  /**
   * Whether the suggestion is one of this snapshot's, on a component the caller may read. A suggestion
   * on a hidden component is answered like an unknown one, so that its existence is not disclosed.
   */
  seesSuggestion(suggestionId: string): boolean {
    const position = this.index.suggestionPosition(suggestionId);
    return position !== undefined && this.scope.seesComponent(position);
  }

  /**
   * A subject's history. Points of a component or group the caller may not read are not found. The
   * organisation's and a team's points sum every component of their time, including components since
   * moved, deleted or hidden: they are withheld (`partial`) from a caller who may not read the whole
   * snapshot.
   */
  async history(subject: { group?: string; entityRef?: string }): Promise<HistoryResponse> {
    const base = { currency: this.snapshot.currency };
    if (subject.entityRef) {
      const position = this.index.positionOf(subject.entityRef);
      const readable = position !== undefined ? this.scope.seesComponent(position) : this.scope.complete;
      const points = readable ? await this.deps.store.history(subject.entityRef) : [];
      if (points.length === 0) throw new NotFoundError(`No history for ${subject.entityRef}`);
      return { subject: subject.entityRef, kind: 'component', points, partial: false, ...base };
    }
    if (subject.group) {
      if (!this.scope.seesGroup(subject.group)) throw new NotFoundError(`No history for ${subject.group}`);
      const partial = !this.scope.complete;
      const points = partial ? [] : await this.deps.store.history(subject.group);
      if (points.length === 0 && !partial) throw new NotFoundError(`No history for ${subject.group}`);
      return { subject: subject.group, kind: 'group', points, partial, ...base };
    }
    const partial = !this.scope.complete;
    const points = partial ? [] : await this.deps.store.history('org');
    return { subject: 'org', kind: 'org', points, partial, ...base };
  }

  /**
   * A snapshot's suggestions with their decisions joined, filtered, largest expected saving first, and
   * paged when asked; the total count and open savings cover every match.
   */
  private async plannedSuggestions(filter: SuggestionFilter) {
    const { index, snapshot } = this;
    const decisions = await this.decisions();
    const now = this.deps.now();
    const matches: Array<{ position: number; savings: number; status: SuggestionStatus; decision: Decision | null }> = [];
    let openSavings = 0;
    for (const position of index.filter({ owner: filter.owner }, this.scope)) {
      const suggestionId = index.suggestionId(position);
      if (!suggestionId) continue;
      const decision = decisions.get(suggestionId);
      const status = suggestionStatus(decision, now);
      if (filter.status && status !== filter.status) continue;
      const savings = index.savings(position);
      matches.push({ position, savings, status, decision: decision ?? null });
      if (status === 'open') openSavings += Math.max(0, savings);
    }
    matches.sort(
      (a, b) =>
        b.savings - a.savings || index.entityRef(a.position).localeCompare(index.entityRef(b.position)),
    );
    // Summaries are built for the listed page only.
    const rows = (filter.page ? pageOf(matches, filter.page) : matches).map(({ position, status, decision }) => ({
      component: index.summary(position),
      status,
      decision,
    }));
    const json = await this.deps.store.suggestionJson(
      snapshot.id,
      rows.map(r => r.component.entityRef),
      { scan: !filter.owner && !filter.page },
    );
    return {
      rows,
      json,
      totalCount: matches.length,
      openSavings: round2(openSavings),
      currency: snapshot.currency,
      snapshot: this.info(),
    };
  }

  /**
   * Scorecards of the groups the caller may read, over the components they may read. The hierarchy is
   * the whole catalog's, so that a team's roll-up still reaches its visible descendants through a
   * group the caller may not read; such groups are left out of the list and of `parent`/`children`.
   */
  private async teams(): Promise<TeamScorecard[]> {
    const [groups, decisions] = await Promise.all([
      this.deps.store.groups(this.snapshot.id),
      this.decisions(),
    ]);
    const now = this.deps.now();
    const { teams } = computeScorecards(
      this.index.scoredComponents(this.scope),
      groups,
      id => suggestionStatus(decisions.get(id), now) === 'open',
      this.deps.weights,
    );
    if (this.scope.complete) return teams;
    const sees = (ref: string) => this.scope.seesGroup(ref);
    return teams.filter(team => sees(team.groupRef)).map(({ parent, ...team }) => ({
      ...team,
      ...(parent && sees(parent) ? { parent } : {}),
      children: team.children.filter(sees),
    }));
  }

  /**
   * The snapshot as responses describe it. The component count is what the caller may read; `partial`
   * says that the snapshot holds more.
   */
  private info(): SnapshotInfo {
    const { snapshot } = this;
    return {
      id: snapshot.id,
      createdAt: snapshot.createdAt.toISOString(),
      componentCount: this.index.countVisible(this.scope),
      durationMs: snapshot.durationMs,
      partial: !this.scope.complete,
      ...(snapshot.usage ? { usage: this.usageHealth(snapshot.usage) } : {}),
    };
  }

  /** The usage source's health; its counts cover the whole organisation, so only a full reader sees them. */
  private usageHealth(usage: UsageSourceHealth): UsageSourceHealth {
    if (this.scope.complete) return usage;
    const { measured, selected, ...source } = usage;
    return source;
  }

  private paged<T>(items: T[], totalCount: number, page: Page): ComponentsResponse<T> {
    return {
      items,
      totalCount,
      offset: page.offset,
      limit: page.limit ?? totalCount,
      currency: this.snapshot.currency,
      snapshot: this.info(),
    };
  }
}

/**
 * A suggestion's component, as the planner lists it (the fields of a `SuggestionRecord` around the
 * suggestion). Only an assessed component has a suggestion, so its model, platform and cost are set.
 */
function suggestionContext(s: ComponentSummary): Omit<SuggestionRecord, 'suggestion' | 'status' | 'decision'> {
  return {
    entityRef: s.entityRef,
    ...(s.title ? { title: s.title } : {}),
    ...(s.owner ? { owner: s.owner } : {}),
    ...(s.system ? { system: s.system } : {}),
    ...(s.domain ? { domain: s.domain } : {}),
    currentModel: s.executionModel!,
    currentPlatform: s.platform!,
    currentMonthlyCost: s.monthlyCost!,
  };
}
