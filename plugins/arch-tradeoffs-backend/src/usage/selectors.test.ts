import { parseSelectorTemplate, selectionOf, SelectorTemplate } from './selectors';

const template = parseSelectorTemplate('job="{{kubernetesId}}"') as SelectorTemplate;
const component = (annotations: Record<string, string> = {}) => ({ name: 'checkout', namespace: 'shop', annotations });

describe('selectors', () => {
  it('selects by the default template: the Kubernetes id, else the name', () => {
    expect(selectionOf(component(), template, 'function_name')).toEqual({
      kind: 'default', label: 'job', value: 'checkout', matchers: 'job="checkout"',
    });
    expect(selectionOf(component({ 'backstage.io/kubernetes-id': 'checkout-api' }), template, 'function_name')).toMatchObject({
      kind: 'default', value: 'checkout-api',
    });
    const namespaced = parseSelectorTemplate('service="{{namespace}}/{{name}}"') as SelectorTemplate;
    expect(selectionOf(component(), namespaced, 'function_name')).toMatchObject({ label: 'service', value: 'shop/checkout' });
  });

  it('prefers the component’s own selector, and reports a malformed one instead of guessing', () => {
    expect(selectionOf(component({ 'arch-tradeoffs.io/prometheus-selector': '{app="co", env="prod"}' }), template, 'function_name'))
      .toEqual({ kind: 'custom', matchers: 'app="co", env="prod"' });
    const bad = selectionOf(component({ 'arch-tradeoffs.io/prometheus-selector': 'app=co' }), template, 'function_name');
    expect(bad.kind).toBe('none');
    expect(bad.kind === 'none' && bad.reason).toContain('arch-tradeoffs.io/prometheus-selector has "app=co"');
  });

  it('selects Lambda functions by name, each name a literal', () => {
    expect(selectionOf(component({ 'aws.com/lambda-function-name': 'resize, thumb.v2' }), template, 'function_name')).toEqual({
      kind: 'lambda', functionNames: ['resize', 'thumb.v2'], matchers: 'function_name=~"resize|thumb\\\\.v2"',
    });
  });

  it('refuses templates that cannot be batched or name unknown placeholders', () => {
    expect(parseSelectorTemplate('job=~"{{name}}"')).toContain('is not one label matcher');
    expect(parseSelectorTemplate('job="{{name}}", env="prod"')).toContain('is not one label matcher');
    expect(parseSelectorTemplate('job="{{owner}}"')).toContain('uses {{owner}}');
  });
});
