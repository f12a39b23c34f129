import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  ComponentRecord,
  ComponentResponse,
  ComponentsResponse,
  ComponentSummary,
  Decision,
  DecisionRequest,
  HistoryResponse,
  ScorecardResponse,
  ScorecardsResponse,
  ScorecardWeights,
  SnapshotInfo,
  SuggestionRecord,
  SuggestionsResponse,
  SuggestionStatus,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { snapshotInfo, SnapshotStore, StoredSnapshot } from '../database/SnapshotStore';
import { computeScorecards, rankScorecards, round2 } from '../scorecards/computeScorecards';
import { ComponentQuery, Page, pageOf, SnapshotIndex } from './SnapshotIndex';
import type { GzipHead } from './GzipHead';

export interface SuggestionFilter {
  owner?: string;
  status?: SuggestionStatus;
  /** A page of the ranked list; every suggestion when absent. */
  page?: Page;
}
import { suggestionStatus } from './suggestionStatus';
import type { ComponentAssessor } from './ComponentAssessor';

/**
 * The service layer behind the routes: reads the latest snapshot, joins decisions, computes live
 * scorecards (so a decision shows in the scores at once, not at the next refresh).
 */
export class ArchTradeoffsService {
  /** The latest snapshot's index: one query per snapshot, not per request. */
  private indexCache?: { snapshotId: number; index: Promise<SnapshotIndex> };

  constructor(
    private readonly store: SnapshotStore,
    private readonly assessor: ComponentAssessor,
    private readonly weights: ScorecardWeights,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async components(query: ComponentQuery, page: Page): Promise<ComponentsResponse<ComponentRecord>> {
    const snapshot = await this.latest();
    const index = await this.index(snapshot);
    const matches = index.filter(query);
    const refs = pageOf(matches, page).map(i => index.entityRef(i));
    const items = (await this.store.componentInputs(snapshot.id, refs)).map(this.assessor.record);
    return this.paged(items, matches.length, page, snapshot);
  }

  /**
   * A `ComponentsResponse<ComponentSummary>` (the map's view) as a response body: the items come
   * compressed from the snapshot's index, where they are kept; only the rest of the envelope, with the
   * snapshot's age, is new (see GzipHead).
   */
  async summariesBody(query: ComponentQuery, page: Page): Promise<{ head: GzipHead; tail: string }> {
    const snapshot = await this.latest();
    const { head, totalCount } = (await this.index(snapshot)).summaryPage(query, page);
    const { items, ...envelope } = this.paged<ComponentSummary>([], totalCount, page, snapshot);
    return { head, tail: `,${JSON.stringify(envelope).slice(1)}` };
  }

  async component(entityRef: string): Promise<ComponentResponse> {
    const snapshot = await this.latest();
    const inputs = await this.store.getComponent(snapshot.id, entityRef);
    if (!inputs) {
      throw new NotFoundError(
        `No component ${entityRef} in snapshot ${snapshot.id}; it may have been added to the catalog after that refresh`,
      );
    }
    const component = this.assessor.record(inputs);
    const suggestionId = component.assessment?.suggestion?.id;
    const decision = suggestionId ? (await this.store.decisions()).get(suggestionId) : undefined;
    return { component, decision: decision ?? null, snapshot: this.info(snapshot) };
  }

  async scorecards(): Promise<ScorecardsResponse> {
    const snapshot = await this.latest();
    const { teams } = await this.computeScorecards(snapshot);
    return {
      items: rankScorecards(teams),
      weights: this.weights,
      currency: snapshot.currency,
      snapshot: this.info(snapshot),
    };
  }

  async scorecard(groupRef: string): Promise<ScorecardResponse> {
    const snapshot = await this.latest();
    const { teams } = await this.computeScorecards(snapshot);
    const scorecard = teams.find(t => t.groupRef === groupRef);
    if (!scorecard) {
      throw new NotFoundError(`No group ${groupRef} in snapshot ${snapshot.id}`);
    }
    return { scorecard, weights: this.weights, currency: snapshot.currency, snapshot: this.info(snapshot) };
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
   * A snapshot's suggestions with their decisions joined, filtered, largest expected saving first, and
   * paged when asked; the total count and open savings cover every match.
   */
  private async plannedSuggestions(filter: SuggestionFilter) {
    const snapshot = await this.latest();
    const [index, decisions] = await Promise.all([this.index(snapshot), this.store.decisions()]);
    const now = this.now();
    const matches: Array<{ position: number; savings: number; status: SuggestionStatus; decision: Decision | null }> = [];
    let openSavings = 0;
    for (const position of index.filter({ owner: filter.owner })) {
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
    const json = await this.store.suggestionJson(
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
      snapshot: this.info(snapshot),
    };
  }

  /**
   * Records a decision on a suggestion of the latest snapshot. Keyed by the suggestion's stable id, it
   * applies to later snapshots for as long as the engine makes the same suggestion.
   */
  async decide(suggestionId: string, request: DecisionRequest, decidedBy: string): Promise<Decision> {
    const snapshot = await this.latest();
    if (!(await this.index(snapshot)).hasSuggestion(suggestionId)) {
      throw new NotFoundError(`No suggestion ${suggestionId} in snapshot ${snapshot.id}`);
    }
    const now = this.now();
    if (request.decision === 'snoozed' && Date.parse(request.snoozeUntil!) <= now.getTime()) {
      throw new InputError(`Invalid 'snoozeUntil': ${request.snoozeUntil} is not in the future`);
    }
    const decision: Decision = {
      suggestionId,
      decision: request.decision,
      ...(request.reason ? { reason: request.reason } : {}),
      ...(request.decision === 'snoozed' ? { snoozeUntil: new Date(request.snoozeUntil!).toISOString() } : {}),
      decidedBy,
      decidedAt: now.toISOString(),
    };
    await this.store.saveDecision(decision);
    return decision;
  }

  async history(subject: { group?: string; entityRef?: string }): Promise<HistoryResponse> {
    const snapshot = await this.latest();
    let key = 'org';
    let kind: HistoryResponse['kind'] = 'org';
    if (subject.group) {
      key = subject.group;
      kind = 'group';
    } else if (subject.entityRef) {
      key = subject.entityRef;
      kind = 'component';
    }
    const points = await this.store.history(key);
    if (points.length === 0 && kind !== 'org') {
      throw new NotFoundError(`No history for ${key}`);
    }
    return { subject: key, kind, points, currency: snapshot.currency };
  }

  private async latest(): Promise<StoredSnapshot> {
    const snapshot = await this.store.latestSnapshot();
    if (!snapshot) {
      throw new ServiceUnavailableError(
        'No snapshot yet: the first refresh has not finished. Try again in a moment.',
      );
    }
    return snapshot;
  }

  /** The snapshot's index, read once per snapshot (a failed read is retried by the next request). */
  private index(snapshot: StoredSnapshot): Promise<SnapshotIndex> {
    if (this.indexCache?.snapshotId !== snapshot.id) {
      const index = this.store.index(snapshot.id);
      const cache = { snapshotId: snapshot.id, index };
      index.catch(() => {
        if (this.indexCache === cache) this.indexCache = undefined;
      });
      this.indexCache = cache;
    }
    return this.indexCache.index;
  }

  private async computeScorecards(snapshot: StoredSnapshot) {
    const [index, groups, decisions] = await Promise.all([
      this.index(snapshot),
      this.store.groups(snapshot.id),
      this.store.decisions(),
    ]);
    const now = this.now();
    return computeScorecards(
      index.scoredComponents(),
      groups,
      id => suggestionStatus(decisions.get(id), now) === 'open',
      this.weights,
    );
  }

  private info(snapshot: StoredSnapshot): SnapshotInfo {
    return snapshotInfo(snapshot, this.now());
  }

  private paged<T>(items: T[], totalCount: number, page: Page, snapshot: StoredSnapshot): ComponentsResponse<T> {
    return {
      items,
      totalCount,
      offset: page.offset,
      limit: page.limit ?? totalCount,
      currency: snapshot.currency,
      snapshot: this.info(snapshot),
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
