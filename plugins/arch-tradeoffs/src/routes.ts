import { createRouteRef } from '@backstage/core-plugin-api';

/** The arch-tradeoffs page. @public */
export const rootRouteRef = createRouteRef({ id: 'arch-tradeoffs' });
