import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Assessment,
  ComponentRecord,
  ComponentResponse,
  ComponentsResponse,
  ComponentSummary,
  Decision,
  DecisionRequest,
  HistoryResponse,
  InputFilter,
  ModelFilter,
  ScorecardResponse,
  ScorecardsResponse,
  SuggestionsResponse,
  SuggestionStatus,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** Filters of `GET /v1/components`; every field optional. @public */
export interface ComponentsQuery {
  owner?: string;
  system?: string;
  domain?: string;
  model?: ModelFilter;
  platform?: string;
  /** Components whose traffic was measured, or workloads whose traffic is estimated. */
  input?: InputFilter;
  offset?: number;
  limit?: number;
  /**
   * `full` (the default): records with their assessments. `annotations`: the records without the
   * assessment, a tenth of the bytes, for lists that show what the annotations say.
   */
  view?: 'full' | 'annotations';
}

/** Filters of `GET /v1/suggestions`. @public */
export interface SuggestionsQuery {
  owner?: string;
  status?: SuggestionStatus;
  /** A page of the ranked list; every match when `limit` is absent. */
  offset?: number;
  limit?: number;
}

/** Whose history: the organisation (no field), a team, or a component. @public */
export interface HistoryQuery {
  group?: string;
  entityRef?: string;
}

/** Lists the CSV exports the backend offers. @public */
export type CsvExport = 'components' | 'scorecards' | 'suggestions';

/**
 * Client of the arch-tradeoffs backend.
 * @public
 */
export interface ArchTradeoffsApi {
  getComponents(query?: ComponentsQuery): Promise<ComponentsResponse<ComponentRecord>>;
  /** Every matching component in the compact form the map draws. */
  getComponentSummaries(
    query?: Omit<ComponentsQuery, 'offset' | 'limit'>,
  ): Promise<ComponentsResponse<ComponentSummary>>;
  /** One component by entity ref (`component:default/name`). */
  getComponent(entityRef: string): Promise<ComponentResponse>;
  /** The what-if: what the engine says of these annotations. */
  estimate(annotations: Record<string, string>, entityRef?: string): Promise<Assessment>;
  getScorecards(): Promise<ScorecardsResponse>;
  /** A team's scorecard by group ref (`group:default/name`). */
  getScorecard(groupRef: string): Promise<ScorecardResponse>;
  getSuggestions(query?: SuggestionsQuery): Promise<SuggestionsResponse>;
  decide(suggestionId: string, request: DecisionRequest): Promise<Decision>;
  getHistory(query?: HistoryQuery): Promise<HistoryResponse>;
  /** A CSV export (same filters as the JSON route), fetched with the user's credentials. */
  downloadCsv(kind: CsvExport, query?: Record<string, string | undefined>): Promise<Blob>;
}

/**
 * One ref for both frontend systems: legacy `createApiFactory` and the new `ApiBlueprint` accept it.
 * @public
 */
export const archTradeoffsApiRef = createApiRef<ArchTradeoffsApi>().with({
  id: 'plugin.arch-tradeoffs.service',
  pluginId: 'arch-tradeoffs',
});
