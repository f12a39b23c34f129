export { WhatIfPanel } from './WhatIfPanel';
export type { WhatIfPanelProps } from './WhatIfPanel';
