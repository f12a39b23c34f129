import type { CostLineItem } from '../../model/assessment';
import { formatQuantity } from '../../prices/format';
import type { PriceBook } from '../../prices/types';

/**
 * Appends one breakdown line. Estimators build their lines in a separate function (`lambdaLines`,
 * `fargateLines`, …), called only when a breakdown is asked for: most estimates (alternatives,
 * low / high scenarios, break-even probes) need only the numbers, and formatting the arithmetic
 * costs far more than the arithmetic itself.
 */
export function push(
  lines: CostLineItem[],
  kind: CostLineItem['kind'],
  label: string,
  amount: number,
  detail: string,
): void {
  lines.push({ kind, label, amount, detail });
}

/** Compact quantity text for `detail` strings (`25M`, `1.5B`, `0.12`). */
export const q = formatQuantity;

/** The per-request charge of a platform billed at one request price (`priceKey` in the catalog). */
export function pushRequestLine(
  lines: CostLineItem[],
  pb: PriceBook,
  priceKey: string,
  requests: number,
  cost: number,
): void {
  push(
    lines,
    'requests',
    'Requests',
    cost,
    `${q(requests)} req × ${pb.unitText(priceKey)} = ${pb.money(cost)}`,
  );
}
