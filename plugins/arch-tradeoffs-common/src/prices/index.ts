/**
 * The price book: the dated, sourced price catalog with an organisation's adjustments applied. The
 * catalog itself is the engine's own; a price book answers for any of its keys (`entry`).
 */
export { createPriceBook } from './priceBook';
export type {
  PriceBook,
  PriceEntry,
  PriceConfidence,
  PricingOptions,
} from './types';
