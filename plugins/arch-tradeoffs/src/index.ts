/**
 * Frontend for arch-tradeoffs (legacy frontend system). The new frontend system's plugin and extensions
 * are exported from `/alpha`.
 *
 * @packageDocumentation
 */
export {
  archTradeoffsPlugin,
  ArchTradeoffsPage,
  EntityArchTradeoffsCard,
  EntityArchTradeoffsContent,
  EntityTeamScorecardCard,
} from './plugin';
export { archTradeoffsApiRef } from './api/ArchTradeoffsApi';
export type {
  ArchTradeoffsApi,
  ComponentsQuery,
  CsvExport,
  HistoryQuery,
  SuggestionsQuery,
} from './api/ArchTradeoffsApi';
export { isArchTradeoffsAvailable } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
export { ArchTradeoffsClient } from './api/ArchTradeoffsClient';
export { rootRouteRef } from './routes';
