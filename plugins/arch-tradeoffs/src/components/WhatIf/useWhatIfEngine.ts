import { useMemo } from 'react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  createPriceBook,
  readArchTradeoffsConfig,
  WhatIfOptions,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * What the what-if computes with: the configuration the backend reads (`archTradeoffs.defaults`,
 * `.pricing` and `.inference`, all visible to the frontend), so a what-if at today's values reproduces
 * the stored estimate and `POST /v1/estimate` gives the same answer. Built once per config: the price
 * book is the expensive part. An invalid pricing config comes back as `error`.
 */
export function useWhatIfEngine(): { engine?: WhatIfOptions; error?: Error } {
  const configApi = useApi(configApiRef);
  return useMemo(() => {
    try {
      const { defaults, pricing, inference } = readArchTradeoffsConfig(configApi);
      return { engine: { defaults, inference, priceBook: createPriceBook(pricing) } };
    } catch (e) {
      return { error: e as Error };
    }
  }, [configApi]);
}
