/**
 * Types of the price catalog and of the price book built from it.
 */

/**
 * How much to trust a catalog number, using the legend of `reference/cloud-economics.md`:
 * V verified against a primary source, S secondary (several third-party sources agree), D derived by
 * arithmetic from V/S inputs, U unverified.
 * @public
 */
export type PriceConfidence = 'V' | 'S' | 'D' | 'U';

/**
 * One number of the catalog. `kind: 'price'` values are USD and follow the price book's discount and
 * currency; `kind: 'quantity'` values (tier boundaries, included allowances, cluster share) do not.
 * @public
 */
export interface PriceEntry {
  value: number;
  kind: 'price' | 'quantity';
  /** What one `value` buys or counts, e.g. `USD per request`, `USD per GB-second`, `GB-seconds`. */
  unit: string;
  description: string;
  /** Where the number comes from (document, page or file), as cited in cloud-economics.md. */
  source: string;
  /** Date of the source, `YYYY-MM-DD` or `YYYY-MM` when only the month is known. */
  asOf: string;
  confidence: PriceConfidence;
}

/**
 * Options for {@link createPriceBook}; the backend reads them from `app-config.yaml`.
 * @public
 */
export interface PricingOptions {
  /**
   * Percentage taken off every price (negotiated discount, Savings Plan estimate). 0 ≤ x < 100.
   * Applies after overrides, and to prices only (not to tier sizes or allowances).
   */
  discountPercent?: number;
  /**
   * Replacement values keyed by catalog key (e.g. `'aws-lambda.request': 0.00000018`), in the catalog's
   * unit (prices in USD). An unknown key is a configuration error and throws.
   */
  overrides?: Record<string, number>;
  /** Result currency: ISO code and units of that currency per USD. Defaults to USD at 1. */
  currency?: { code: string; rate: number };
}

/**
 * Resolved per-unit rates in the result currency, grouped per platform for the estimators' hot loops.
 * Every field is looked up from the catalog by key when the price book is built.
 * @public
 */
export interface Rates {
  lambda: {
    request: number;
    x86_64: LambdaArchRates;
    arm64: LambdaArchRates;
  };
  fargate: {
    x86_64: { vcpuHour: number; gbHour: number };
    arm64: { vcpuHour: number; gbHour: number };
  };
  /** Hourly on-demand price per EC2 instance type. */
  ec2: Record<string, number>;
  kubernetes: {
    /** Node type whose price defines the per-vCPU-hour and per-GiB-hour unit prices, per architecture. */
    nodeType: { x86_64: string; arm64: string };
    x86_64: { vcpuHour: number; gibHour: number };
    arm64: { vcpuHour: number; gibHour: number };
    clusterHour: number;
    servicesPerCluster: number;
  };
  cloudRun: {
    request: number;
    cpuSecond: number;
    memorySecond: number;
    idleCpuSecond: number;
    idleMemorySecond: number;
    instanceCpuSecond: number;
    instanceMemorySecond: number;
  };
  azureFunctions: {
    execution: number;
    gbSecond: number;
    flexExecution: number;
    flexGbSecond: number;
    flexBaselineGbSecond: number;
    flexAlwaysReadyGbSecond: number;
  };
  containerApps: {
    request: number;
    activeCpuSecond: number;
    activeMemorySecond: number;
    idleCpuSecond: number;
    idleMemorySecond: number;
  };
  workers: {
    monthlyBase: number;
    includedRequests: number;
    includedCpuMs: number;
    request: number;
    cpuMs: number;
  };
  apiGatewayRest: { tiers: TierRates };
  apiGatewayHttp: { tiers: TierRates };
  alb: { hour: number; lcuHour: number; newConnectionsPerLcu: number };
  freeTier: {
    lambdaRequests: number;
    lambdaGbSeconds: number;
    cloudRunRequests: number;
    cloudRunVcpuSeconds: number;
    cloudRunGibSeconds: number;
    cloudRunInstanceVcpuSeconds: number;
    cloudRunInstanceGibSeconds: number;
    azureExecutions: number;
    azureGbSeconds: number;
    azureFlexExecutions: number;
    azureFlexGbSeconds: number;
    containerAppsRequests: number;
    containerAppsVcpuSeconds: number;
    containerAppsGibSeconds: number;
  };
}

/** @public */
export interface LambdaArchRates {
  /** Duration tiers: sizes in GB-s (last one unbounded) and prices per GB-s. */
  tiers: TierRates;
  provisionedGbSecond: number;
  provisionedDurationGbSecond: number;
}

/**
 * Volume tiers: `sizes[i]` units at `prices[i]`; the last price applies beyond the sum of sizes
 * (`prices.length === sizes.length + 1`).
 * @public
 */
export interface TierRates {
  sizes: number[];
  prices: number[];
}

/**
 * The catalog resolved once for an organisation's options: overrides applied, discount taken off,
 * converted to the result currency. Estimators read its rates; people read {@link PriceBook.entry}.
 * @public
 */
export interface PriceBook {
  /** ISO code of the result currency. */
  readonly currency: string;
  /** Units of the result currency per USD. */
  readonly rate: number;
  readonly discountPercent: number;
  /** The resolved rates the estimators read. @internal */
  readonly rates: Rates;
  /** The resolved value of a catalog key (after override, discount, currency). Throws on an unknown key. */
  value(key: string): number;
  /** The catalog entry behind a key, with its resolved value, source and date. */
  entry(
    key: string,
  ):
    | (PriceEntry & { key: string; resolved: number; overridden: boolean })
    | undefined;
  /** Formats an amount of the result currency cheaply (no Intl), e.g. `$1,234.56`. */
  money(amount: number): string;
  /** Formats a small unit amount with up to 6 significant digits, e.g. `$0.0246850`→`$0.024685`. */
  unitMoney(amount: number): string;
  /** The unit price behind a key as display text, e.g. `$0.20/1M req`; precomputed. */
  unitText(key: string): string;
}
