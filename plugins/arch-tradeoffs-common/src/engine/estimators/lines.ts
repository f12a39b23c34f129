import type { CostLineItem } from '../../model/assessment';
import { formatQuantity } from '../../prices/format';
import type { PriceBook } from '../../prices/types';

/**
 * A breakdown line whose `detail` text is built on first read. The bulk refresh prices nine
 * platforms per component and most details are never displayed, while formatting the arithmetic
 * costs far more than the arithmetic itself. (A class, because object literals with accessors are
 * slow to create in V8.) `toJSON` includes `detail`, so JSON responses and stored snapshots carry
 * the text; code that needs a plain object should JSON round-trip or read `detail` explicitly.
 * @public
 */
export class LazyCostLine implements CostLineItem {
  readonly #build: () => string;
  #detail: string | undefined;

  constructor(
    public kind: CostLineItem['kind'],
    public label: string,
    public amount: number,
    build: () => string,
  ) {
    this.#build = build;
  }

  get detail(): string {
    if (this.#detail === undefined) this.#detail = this.#build();
    return this.#detail;
  }

  set detail(value: string) {
    this.#detail = value;
  }

  toJSON(): CostLineItem {
    return {
      kind: this.kind,
      label: this.label,
      amount: this.amount,
      detail: this.detail,
    };
  }
}

/**
 * Pushes one breakdown line. `detail` closures must capture locals, never the shared scenario record
 * (it changes on the next estimate).
 *
 * Each estimator builds its lines in a separate function (`lambdaLines`, `fargateLines`, …) that it
 * calls only when lines are wanted. A closure inside the estimator itself would make every local it
 * reads a closure variable, which V8 keeps in a context object allocated on each call (and each
 * number stored there boxed), while most estimates (alternatives, low / high scenarios, break-even
 * probes) want no lines at all.
 */
export function push(
  lines: CostLineItem[],
  kind: CostLineItem['kind'],
  label: string,
  amount: number,
  detail: () => string,
): void {
  lines.push(new LazyCostLine(kind, label, amount, detail));
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
    () => `${q(requests)} req × ${pb.unitText(priceKey)} = ${pb.money(cost)}`,
  );
}
