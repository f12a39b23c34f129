export { ArchTradeoffsPage, ArchTradeoffsContent } from './ArchTradeoffsPage';
