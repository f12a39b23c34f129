import {
  EC2_INSTANCE_TYPES,
  KUBERNETES_NODE_TYPES,
  PRICE_CATALOG,
  PriceKey,
} from './catalog';
import { formatFixed2, groupThousands } from './format';
import type { PriceBook, PriceEntry, PricingOptions, Rates } from './types';

const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
};

function isKey(key: string): key is PriceKey {
  return Object.prototype.hasOwnProperty.call(PRICE_CATALOG, key);
}

function validate(options: PricingOptions): void {
  const { discountPercent, overrides, currency } = options;
  if (discountPercent !== undefined) {
    if (
      typeof discountPercent !== 'number' ||
      !Number.isFinite(discountPercent) ||
      discountPercent < 0 ||
      discountPercent >= 100
    ) {
      throw new Error(
        `Invalid pricing option discountPercent ${String(discountPercent)}: expected a number from 0 to below 100`,
      );
    }
  }
  if (currency !== undefined) {
    if (
      !currency ||
      typeof currency.code !== 'string' ||
      !/^[A-Z]{3}$/.test(currency.code)
    ) {
      throw new Error(
        `Invalid pricing option currency.code ${JSON.stringify(currency?.code)}: expected a 3-letter ISO code such as "EUR"`,
      );
    }
    if (
      typeof currency.rate !== 'number' ||
      !Number.isFinite(currency.rate) ||
      currency.rate <= 0
    ) {
      throw new Error(
        `Invalid pricing option currency.rate ${String(currency.rate)}: expected a positive number of ${currency.code} per USD`,
      );
    }
  }
  if (overrides !== undefined) {
    if (overrides === null || typeof overrides !== 'object') {
      throw new Error(
        'Invalid pricing option overrides: expected a map of catalog key to number',
      );
    }
    for (const [key, value] of Object.entries(overrides)) {
      if (!isKey(key)) {
        const prefix = key.split('.')[0];
        const near = Object.keys(PRICE_CATALOG).filter(k =>
          k.startsWith(`${prefix}.`),
        );
        throw new Error(
          `Unknown price override key "${key}"${near.length ? `; keys for ${prefix}: ${near.join(', ')}` : ''}`,
        );
      }
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new Error(
          `Invalid price override "${key}": ${String(value)} is not a finite number ≥ 0`,
        );
      }
      if (key === 'kubernetes.services-per-cluster' && value < 1) {
        throw new Error(
          `Invalid price override "${key}": ${value} must be at least 1`,
        );
      }
    }
  }
}

/** Readable unit price: up to 6 significant digits, trailing zeros dropped, at least 2 decimals. */
function unitNumber(x: number): string {
  if (x === 0) return '0.00';
  if (x >= 1000) return formatFixed2(x);
  let text = x.toPrecision(6);
  if (text.includes('e')) return text;
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  const dot = text.indexOf('.');
  if (dot < 0) return `${text}.00`;
  return text.length - dot - 1 < 2 ? `${text}0` : text;
}

/**
 * Builds a price book: the catalog with the organisation's overrides, discount and currency applied,
 * resolved once into the rates the estimators read. Throws on invalid options (config, not entity
 * data: a typo in app-config should stop the backend with a clear message, not price silently).
 * @public
 */
export function createPriceBook(options: PricingOptions = {}): PriceBook {
  validate(options);
  const discountPercent = options.discountPercent ?? 0;
  const currency = options.currency?.code ?? 'USD';
  const rate = options.currency?.rate ?? 1;
  const overrides = options.overrides ?? {};
  const priceFactor = rate * (1 - discountPercent / 100);
  const symbol = CURRENCY_SYMBOLS[currency];

  const resolved = new Map<string, number>();
  for (const key of Object.keys(PRICE_CATALOG) as PriceKey[]) {
    const entry: PriceEntry = PRICE_CATALOG[key];
    const base = Object.prototype.hasOwnProperty.call(overrides, key)
      ? overrides[key]
      : entry.value;
    resolved.set(key, entry.kind === 'price' ? base * priceFactor : base);
  }
  const v = (key: PriceKey): number => resolved.get(key)!;

  const money = (amount: number): string =>
    symbol
      ? `${amount < 0 ? '-' : ''}${symbol}${formatFixed2(Math.abs(amount))}`
      : `${formatFixed2(amount)} ${currency}`;
  const unitMoney = (amount: number): string =>
    symbol
      ? `${symbol}${unitNumber(amount)}`
      : `${unitNumber(amount)} ${currency}`;

  // Display text of each unit price, precomputed so `detail` strings need no number formatting of
  // prices in the hot path. Prices per request are shown per 1M requests, as vendors publish them.
  const unitTexts = new Map<string, string>();
  for (const key of Object.keys(PRICE_CATALOG) as PriceKey[]) {
    const entry: PriceEntry = PRICE_CATALOG[key];
    const value = v(key);
    let text: string;
    if (entry.kind === 'quantity')
      text = `${groupThousands(value)} ${entry.unit}`;
    else if (/per (request|execution)$/.test(entry.unit))
      text = `${unitMoney(value * 1e6)}/1M`;
    else if (entry.unit === 'USD per CPU-millisecond')
      text = `${unitMoney(value * 1e6)}/1M CPU-ms`;
    else text = `${unitMoney(value)}/${entry.unit.replace(/^USD per /, '')}`;
    unitTexts.set(key, text);
  }

  const ec2: Record<string, number> = {};
  for (const type of EC2_INSTANCE_TYPES) ec2[type.name] = v(type.priceKey);
  const nodeRates = (arch: 'x86_64' | 'arm64') => {
    const type = EC2_INSTANCE_TYPES.find(
      t => t.name === KUBERNETES_NODE_TYPES[arch],
    )!;
    const hourly = ec2[type.name];
    return { vcpuHour: hourly / type.vcpu, gibHour: hourly / type.memoryGib };
  };

  const rates: Rates = {
    lambda: {
      request: v('aws-lambda.request'),
      x86_64: {
        tiers: {
          sizes: [
            v('aws-lambda.tier1-size.x86_64'),
            v('aws-lambda.tier2-size.x86_64'),
          ],
          prices: [
            v('aws-lambda.duration.tier1.x86_64'),
            v('aws-lambda.duration.tier2.x86_64'),
            v('aws-lambda.duration.tier3.x86_64'),
          ],
        },
        provisionedGbSecond: v('aws-lambda.provisioned.x86_64'),
        provisionedDurationGbSecond: v(
          'aws-lambda.provisioned-duration.x86_64',
        ),
      },
      arm64: {
        tiers: {
          sizes: [
            v('aws-lambda.tier1-size.arm64'),
            v('aws-lambda.tier2-size.arm64'),
          ],
          prices: [
            v('aws-lambda.duration.tier1.arm64'),
            v('aws-lambda.duration.tier2.arm64'),
            v('aws-lambda.duration.tier3.arm64'),
          ],
        },
        provisionedGbSecond: v('aws-lambda.provisioned.arm64'),
        provisionedDurationGbSecond: v('aws-lambda.provisioned-duration.arm64'),
      },
    },
    fargate: {
      x86_64: {
        vcpuHour: v('aws-fargate.vcpu-hour.x86_64'),
        gbHour: v('aws-fargate.gb-hour.x86_64'),
      },
      arm64: {
        vcpuHour: v('aws-fargate.vcpu-hour.arm64'),
        gbHour: v('aws-fargate.gb-hour.arm64'),
      },
    },
    ec2,
    kubernetes: {
      nodeType: { ...KUBERNETES_NODE_TYPES },
      x86_64: nodeRates('x86_64'),
      arm64: nodeRates('arm64'),
      clusterHour: v('aws-eks.cluster-hour'),
      servicesPerCluster: v('kubernetes.services-per-cluster'),
    },
    cloudRun: {
      request: v('gcp-cloud-run.request'),
      cpuSecond: v('gcp-cloud-run.cpu-second'),
      memorySecond: v('gcp-cloud-run.memory-second'),
      idleCpuSecond: v('gcp-cloud-run.idle-cpu-second'),
      idleMemorySecond: v('gcp-cloud-run.idle-memory-second'),
      instanceCpuSecond: v('gcp-cloud-run.instance-cpu-second'),
      instanceMemorySecond: v('gcp-cloud-run.instance-memory-second'),
    },
    azureFunctions: {
      execution: v('azure-functions.execution'),
      gbSecond: v('azure-functions.gb-second'),
      flexExecution: v('azure-functions.flex.execution'),
      flexGbSecond: v('azure-functions.flex.gb-second'),
      flexBaselineGbSecond: v('azure-functions.flex.baseline-gb-second'),
      flexAlwaysReadyGbSecond: v('azure-functions.flex.always-ready-gb-second'),
    },
    containerApps: {
      request: v('azure-container-apps.request'),
      activeCpuSecond: v('azure-container-apps.active-cpu-second'),
      activeMemorySecond: v('azure-container-apps.active-memory-second'),
      idleCpuSecond: v('azure-container-apps.idle-cpu-second'),
      idleMemorySecond: v('azure-container-apps.idle-memory-second'),
    },
    workers: {
      monthlyBase: v('cloudflare-workers.monthly-base'),
      includedRequests: v('cloudflare-workers.included-requests'),
      includedCpuMs: v('cloudflare-workers.included-cpu-ms'),
      request: v('cloudflare-workers.request'),
      cpuMs: v('cloudflare-workers.cpu-ms'),
    },
    apiGatewayRest: {
      tiers: {
        sizes: [333e6, 667e6, 19e9],
        prices: [
          v('aws-apigateway-rest.request.tier1'),
          v('aws-apigateway-rest.request.tier2'),
          v('aws-apigateway-rest.request.tier3'),
          v('aws-apigateway-rest.request.tier4'),
        ],
      },
    },
    apiGatewayHttp: {
      tiers: {
        sizes: [300e6],
        prices: [
          v('aws-apigateway-http.request.tier1'),
          v('aws-apigateway-http.request.tier2'),
        ],
      },
    },
    alb: {
      hour: v('aws-alb.hour'),
      lcuHour: v('aws-alb.lcu-hour'),
      newConnectionsPerLcu: v('aws-alb.new-connections-per-lcu'),
    },
    freeTier: {
      lambdaRequests: v('aws-lambda.free.requests'),
      lambdaGbSeconds: v('aws-lambda.free.gb-seconds'),
      cloudRunRequests: v('gcp-cloud-run.free.requests'),
      cloudRunVcpuSeconds: v('gcp-cloud-run.free.vcpu-seconds'),
      cloudRunGibSeconds: v('gcp-cloud-run.free.gib-seconds'),
      cloudRunInstanceVcpuSeconds: v(
        'gcp-cloud-run.free.instance-vcpu-seconds',
      ),
      cloudRunInstanceGibSeconds: v('gcp-cloud-run.free.instance-gib-seconds'),
      azureExecutions: v('azure-functions.free.executions'),
      azureGbSeconds: v('azure-functions.free.gb-seconds'),
      azureFlexExecutions: v('azure-functions.flex.free.executions'),
      azureFlexGbSeconds: v('azure-functions.flex.free.gb-seconds'),
      containerAppsRequests: v('azure-container-apps.free.requests'),
      containerAppsVcpuSeconds: v('azure-container-apps.free.vcpu-seconds'),
      containerAppsGibSeconds: v('azure-container-apps.free.gib-seconds'),
    },
  };

  return {
    currency,
    rate,
    discountPercent,
    rates,
    value(key: string): number {
      const value = resolved.get(key);
      if (value === undefined) throw new Error(`Unknown price key "${key}"`);
      return value;
    },
    entry(key: string) {
      if (!isKey(key)) return undefined;
      return {
        ...PRICE_CATALOG[key],
        key,
        resolved: resolved.get(key)!,
        overridden: Object.prototype.hasOwnProperty.call(overrides, key),
      };
    },
    money,
    unitMoney,
    unitText(key: string): string {
      return unitTexts.get(key) ?? key;
    },
  };
}
