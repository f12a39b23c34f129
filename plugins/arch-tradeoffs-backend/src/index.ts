/**
 * Backend for arch-tradeoffs.
 *
 * @packageDocumentation
 */
export { archTradeoffsPlugin as default } from './plugin';
