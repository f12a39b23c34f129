import type { ComponentSummary, ModelFilter } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { ScoredComponent } from '../scorecards/computeScorecards';
import { GzipHead } from './GzipHead';

/** The filters of `GET /v1/components`. */
export interface ComponentQuery {
  owner?: string;
  system?: string;
  domain?: string;
  model?: ModelFilter;
  platform?: string;
}

/** A page of matches: `limit` undefined means every match. */
export interface Page {
  offset: number;
  limit?: number;
}

export function pageOf<T>(items: readonly T[], page: Page): readonly T[] {
  return items.slice(page.offset, page.limit === undefined ? undefined : page.offset + page.limit);
}

/** Serialised summary pages kept per snapshot: the map asks for one or two shapes, not hundreds. */
const MAX_CACHED_SUMMARY_PAGES = 4;

export interface SummaryPage {
  head: GzipHead;
  totalCount: number;
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
  private readonly summaryPages = new Map<string, SummaryPage>();

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

  /**
   * A page of summaries, as the head of a JSON response (`{"items":[…]`) kept compressed, with the
   * count of matches. A snapshot never changes, and at 50,000 components serialising and compressing
   * the map's summaries (20 MB of JSON) was most of its request, so the last few pages asked for are
   * kept with the index and dropped with it.
   */
  summaryPage(query: ComponentQuery, page: Page): SummaryPage {
    const { owner, system, domain, model, platform } = query;
    const key = JSON.stringify([owner, system, domain, model, platform, page.offset, page.limit]);
    let cached = this.summaryPages.get(key);
    if (!cached) {
      const matches = this.filter(query);
      const items = JSON.stringify(pageOf(matches, page).map(c => c.summary));
      cached = { head: new GzipHead(`{"items":${items}`), totalCount: matches.length };
      if (this.summaryPages.size >= MAX_CACHED_SUMMARY_PAGES) {
        this.summaryPages.delete(this.summaryPages.keys().next().value!);
      }
      this.summaryPages.set(key, cached);
    }
    return cached;
  }

  hasSuggestion(suggestionId: string): boolean {
    return this.suggestionIds.has(suggestionId);
  }
}
