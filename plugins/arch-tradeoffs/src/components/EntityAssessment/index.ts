export { EntityArchTradeoffsCard } from './EntityArchTradeoffsCard';
export { EntityArchTradeoffsContent } from './EntityArchTradeoffsContent';
