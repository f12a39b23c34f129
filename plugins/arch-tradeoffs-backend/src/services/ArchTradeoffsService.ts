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
  SuggestionsResponse,
  SuggestionStatus,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { snapshotInfo, SnapshotStore, StoredSnapshot } from '../database/SnapshotStore';
import { computeScorecards, rankScorecards, round2 } from '../scorecards/computeScorecards';
import { ComponentQuery, Page, pageOf, SnapshotIndex } from './SnapshotIndex';
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
    const matches = (await this.index(snapshot)).filter(query);
    const refs = pageOf(matches, page).map(c => c.summary.entityRef);
    const items = (await this.store.componentInputs(snapshot.id, refs)).map(this.assessor.record);
    return this.paged(items, matches.length, page, snapshot);
  }

  /**
   * A `ComponentsResponse<ComponentSummary>` (the map's view) as its JSON body: the items' JSON comes
   * from the snapshot's index, where it is kept; only the envelope, with the snapshot's age, is new.
   */
  async summariesJson(query: ComponentQuery, page: Page): Promise<string> {
    const snapshot = await this.latest();
    const { json, totalCount } = (await this.index(snapshot)).summaryPageJson(query, page);
    const { items, ...envelope } = this.paged<ComponentSummary>([], totalCount, page, snapshot);
    return `{"items":${json},${JSON.stringify(envelope).slice(1)}`;
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

  async suggestions(filter: { owner?: string; status?: SuggestionStatus }): Promise<SuggestionsResponse> {
    const snapshot = await this.latest();
    const refs: string[] = [];
    for (const c of (await this.index(snapshot)).filter({ owner: filter.owner })) {
      if (c.suggestionId) refs.push(c.summary.entityRef);
    }
    const [records, decisions] = await Promise.all([
      this.store.suggestedComponents(snapshot.id, refs),
      this.store.decisions(),
    ]);
    const now = this.now();
    const items = records
      .map(record => {
        const decision = decisions.get(record.suggestion.id);
        return { ...record, status: suggestionStatus(decision, now), decision: decision ?? null };
      })
      .filter(item => !filter.status || item.status === filter.status)
      .sort(
        (a, b) =>
          b.suggestion.monthlySavings.expected - a.suggestion.monthlySavings.expected ||
          a.entityRef.localeCompare(b.entityRef),
      );
    const openSavings = items
      .filter(i => i.status === 'open')
      .reduce((sum, i) => sum + Math.max(0, i.suggestion.monthlySavings.expected), 0);
    return {
      items,
      totalCount: items.length,
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
      index.components,
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
