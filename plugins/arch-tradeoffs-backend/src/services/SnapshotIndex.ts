import type { ComponentSummary, ModelFilter } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { ScoredComponent } from '../scorecards/computeScorecards';

/** The filters of `GET /v1/components`. */
export interface ComponentQuery {
  owner?: string;
  system?: string;
  domain?: string;
  model?: ModelFilter;
  platform?: string;
}

/** One component of a snapshot as the index holds it: the map's summary and the scorecards' figures. */
export interface IndexedComponent extends ScoredComponent {
  summary: ComponentSummary;
}

/**
 * Every component of one snapshot, in entity-ref order, as a few columns: what filters, counts,
 * paging, the map, scorecards and the planner's lookups need, without any record JSON. A snapshot never
 * changes once published, so the service builds this once per snapshot (one query) and answers those
 * questions from memory. That is why the table needs no index beyond its primary key: every secondary
 * index would be maintained for 50,000 rows on every refresh, and filtering 50,000 entries here takes
 * about a millisecond.
 */
export class SnapshotIndex {
  private readonly suggestionIds: Set<string>;

  constructor(
    readonly snapshotId: number,
    /** In entity-ref order. */
    readonly components: readonly IndexedComponent[],
  ) {
    this.suggestionIds = new Set();
    for (const c of components) if (c.suggestionId) this.suggestionIds.add(c.suggestionId);
  }

  /** The components a query matches, in entity-ref order. */
  filter(query: ComponentQuery): readonly IndexedComponent[] {
    const { owner, system, domain, model, platform } = query;
    if (!owner && !system && !domain && !model && !platform) return this.components;
    return this.components.filter(({ summary: s }) => {
      if (owner && s.owner !== owner) return false;
      if (system && s.system !== system) return false;
      if (domain && s.domain !== domain) return false;
      if (platform && s.platform !== platform) return false;
      if (model === 'unannotated') return s.executionModel === null;
      return !model || s.executionModel === model;
    });
  }

  hasSuggestion(suggestionId: string): boolean {
    return this.suggestionIds.has(suggestionId);
  }
}
