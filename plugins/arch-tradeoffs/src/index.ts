/**
 * Frontend for arch-tradeoffs (legacy frontend system). The new frontend system's plugin and extensions
 * are exported from `/alpha`.
 *
 * @packageDocumentation
 */
export { archTradeoffsPlugin, ArchTradeoffsPage } from './plugin';
export { archTradeoffsApiRef } from './api/ArchTradeoffsApi';
export type { ArchTradeoffsApi, ComponentsQuery } from './api/ArchTradeoffsApi';
export { ArchTradeoffsClient } from './api/ArchTradeoffsClient';
export { rootRouteRef } from './routes';
