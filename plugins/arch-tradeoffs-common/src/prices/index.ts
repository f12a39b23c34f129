/**
 * The dated, sourced price catalog and the price book built from it.
 */
export {
  PRICE_CATALOG,
  DEFAULT_REGIONS,
  EC2_INSTANCE_TYPES,
  KUBERNETES_NODE_TYPES,
} from './catalog';
export type { PriceKey, Ec2InstanceType } from './catalog';
export { createPriceBook } from './priceBook';
export type {
  PriceBook,
  PriceEntry,
  PriceConfidence,
  PricingOptions,
  Rates,
  LambdaArchRates,
  TierRates,
} from './types';
