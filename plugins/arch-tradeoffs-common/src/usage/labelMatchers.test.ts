import { parseLabelMatchers } from './labelMatchers';

describe('parseLabelMatchers', () => {
  it('accepts label matchers with or without braces and returns them in one form', () => {
    expect(parseLabelMatchers('job="checkout"')).toEqual({ ok: true, matchers: 'job="checkout"' });
    expect(parseLabelMatchers(' { namespace = "shop" , app=~"cart|checkout", env!="dev", } ')).toEqual({
      ok: true,
      matchers: 'namespace="shop", app=~"cart|checkout", env!="dev"',
    });
    expect(parseLabelMatchers('service="a,b", team="x\\"y"')).toEqual({ ok: true, matchers: 'service="a,b", team="x\\"y"' });
    // A literal dot in a regex is written `\\.` in PromQL's double quotes.
    expect(parseLabelMatchers('path=~"/api\\\\.v1"')).toEqual({ ok: true, matchers: 'path=~"/api\\\\.v1"' });
    expect(parseLabelMatchers(42)).toEqual({ ok: false, problem: 'must be a string; quote the value in YAML' });
  });

  it.each([
    ['', 'is empty'],
    ['{}', 'is empty'],
    ['job=checkout', 'not a label matcher'],
    ['job="checkout', 'unterminated'],
    ['rate(http_requests_total[5m])', 'not a label matcher'],
    ['http_requests_total{job="a"}', 'not a label matcher'],
    ['__name__="up"', 'names a metric'],
    ['job=~"(unclosed"', 'invalid regular expression for job'],
    ['job!="checkout"', 'matches every series'],
    ['job=~".*"', 'matches every series'],
    ['job=""', 'matches every series'],
    ['1job="x"', 'not a label matcher'],
    ['path=~"/api\\.v1"', 'has "\\." in the value of path'],
    ['job="a\nb"', 'control character'],
    ['job=~"(?!internal).*"', 'lookaround and backreferences are not supported'],
    [`job="${'x'.repeat(300)}"`, 'a selector has at most 256'],
  ])('refuses %j (%s)', (text, problem) => {
    const result = parseLabelMatchers(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(problem);
  });
});
