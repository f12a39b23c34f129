import { useMemo } from 'react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Assessor,
  createAssessor,
  createPriceBook,
  PriceBook,
  readArchTradeoffsConfig,
  WorkloadSettings,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

export interface WhatIfEngine {
  defaults: Partial<WorkloadSettings>;
  priceBook: PriceBook;
  assess: Assessor;
}

/**
 * The engine the backend runs, configured from the same `archTradeoffs.defaults` / `.pricing` (both
 * visible to the frontend), so a what-if at today's values reproduces the stored estimate. Built once
 * per config: the price book is the expensive part. An invalid pricing config comes back as `error`.
 */
export function useWhatIfEngine(): { engine?: WhatIfEngine; error?: Error } {
  const configApi = useApi(configApiRef);
  return useMemo(() => {
    try {
      const { defaults, pricing } = readArchTradeoffsConfig(configApi);
      const priceBook = createPriceBook(pricing);
      return {
        engine: { defaults, priceBook, assess: createAssessor({ priceBook }) },
      };
    } catch (e) {
      return { error: e as Error };
    }
  }, [configApi]);
}
