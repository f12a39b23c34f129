import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { groupComponents } from './mapModel';
import { layoutTreemap } from './treemapLayout';
import { fitLabel, treemapMarkup } from './treemapMarkup';

const classes = { group: 'g', groupLabel: 'gl' };

describe('treemapMarkup', () => {
  it('escapes every value from the catalog', () => {
    const evil: ComponentSummary = {
      entityRef: 'component:default/x"><script>alert(1)</script>',
      name: '<img src=x onerror=alert(1)>',
      owner: 'group:default/a&b',
      system: 'system:default/"quoted"',
      executionModel: 'always-on',
      platform: 'kubernetes',
      monthlyCost: 10,
      bestMonthlyCost: null,
      diagnosticCount: 0,
      suggestion: null,
    };
    const layout = layoutTreemap(groupComponents([evil], 'system'), {
      width: 800,
      height: 600,
    });
    const markup = treemapMarkup(layout, {
      hrefOf: ref => `/catalog/${ref}`,
      describe: g => g.label,
      classes,
    });
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markup).toContain('&quot;quoted&quot;');

    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.innerHTML = markup;
    const tile = svg.querySelector('a[data-testid="map-tile"]')!;
    expect(tile.getAttribute('aria-label')).toBe(evil.name);
    expect(tile.getAttribute('data-ref')).toBe(evil.entityRef);
  });

  it('cuts labels to the width they have', () => {
    expect(fitLabel('payment-status-service', 200)).toBe(
      'payment-status-service',
    );
    expect(fitLabel('payment-status-service', 60)).toBe('payment…');
    expect(fitLabel('payment-status-service', 20)).toBe('');
  });
});
