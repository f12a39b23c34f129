/**
 * PromQL label matchers as a component's selector annotation writes them: `job="api"`,
 * `namespace="shop", app=~"cart|checkout"`, with or without the braces. Only matchers: a metric name,
 * a function or a range would change what the batched queries compute, so they are refused.
 */
const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/;
/** The escapes PromQL's lexer accepts in a double-quoted string; any other is a query error. */
const PROMQL_ESCAPE = /\\(?:[abfnrtv\\"']|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/y;
/** Regular-expression syntax JavaScript accepts but Prometheus's RE2 refuses: lookaround, backreferences. */
const NOT_RE2 = /\(\?<?[=!]|\\[1-9]/;
/** The longest selector read (as every annotation value: see MAX_VALUE_LENGTH in the parser). @internal */
export const MAX_SELECTOR_LENGTH = 256;

/** A selector read from an annotation: the matchers in canonical form, or why it cannot be used. @public */
export type LabelMatchersResult =
  | { ok: true; matchers: string }
  | { ok: false; problem: string };

/**
 * Validates PromQL label matchers and returns them in one canonical form (no braces, `, ` between).
 * A selector that selects everything (only negative or empty-matching matchers) is refused: it would
 * measure the whole server as one component.
 * @public
 */
export function parseLabelMatchers(text: unknown): LabelMatchersResult {
  if (typeof text !== 'string') return { ok: false, problem: 'must be a string; quote the value in YAML' };
  if (text.length > MAX_SELECTOR_LENGTH) {
    return { ok: false, problem: `is ${text.length} characters long; a selector has at most ${MAX_SELECTOR_LENGTH}` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(text)) return { ok: false, problem: 'has a line break or other control character' };
  let body = text.trim();
  if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  const parts = splitMatchers(body);
  if (parts === undefined) return { ok: false, problem: 'has an unterminated quoted value' };
  const matchers: string[] = [];
  let selective = false;
  for (const part of parts) {
    if (part.trim() === '') continue; // a trailing comma is valid PromQL
    const m = MATCHER.exec(part);
    if (!m) {
      return {
        ok: false,
        problem: `has "${part.trim()}", which is not a label matcher like job="checkout" (label, one of = != =~ !~, quoted value)`,
      };
    }
    const [, label, op, value] = m;
    const escape = escapeProblem(value);
    if (escape) return { ok: false, problem: `has ${escape} in the value of ${label}; PromQL reads \\\\, \\" and \\n-style escapes only (write \\\\. for a literal dot in a regex)` };
    if (label === '__name__') return { ok: false, problem: 'names a metric (__name__); give only the labels of the component’s series' };
    if (op === '=~' || op === '!~') {
      const problem = regexProblem(value);
      if (problem) return { ok: false, problem: `has an invalid regular expression for ${label}: ${problem}` };
    }
    if ((op === '=' && value !== '') || (op === '=~' && !matchesEmpty(value))) selective = true;
    matchers.push(`${label}${op}"${value}"`);
  }
  if (matchers.length === 0) return { ok: false, problem: 'is empty; give at least one label matcher like job="checkout"' };
  if (!selective) {
    return { ok: false, problem: 'matches every series; give at least one matcher like job="checkout" that selects the component' };
  }
  return { ok: true, matchers: matchers.join(', ') };
}

/** Splits on commas outside quoted values; undefined when a quote is left open. */
function splitMatchers(body: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted && c === '\\') {
      current += c + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted) return undefined;
  parts.push(current);
  return parts;
}

/** The first escape PromQL would refuse in a quoted value, if any. */
function escapeProblem(value: string): string | undefined {
  for (let i = value.indexOf('\\'); i >= 0; i = value.indexOf('\\', i)) {
    PROMQL_ESCAPE.lastIndex = i;
    if (!PROMQL_ESCAPE.test(value)) return `"${value.slice(i, i + 2)}"`;
    i = PROMQL_ESCAPE.lastIndex;
  }
  return undefined;
}

/** PromQL uses RE2; JavaScript's engine accepts nearly the same syntax, which is enough to catch typos. */
function regexProblem(source: string): string | undefined {
  if (NOT_RE2.test(unescapeQuoted(source))) return 'lookaround and backreferences are not supported';
  try {
    anchored(source);
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

function matchesEmpty(source: string): boolean {
  try {
    return anchored(source).test('');
  } catch {
    return false;
  }
}

/** PromQL anchors a label regex at both ends. Throws on an invalid one. */
function anchored(source: string): RegExp {
  return new RegExp(`^(?:${unescapeQuoted(source)})$`);
}

/** The value inside PromQL double quotes, with its escapes resolved (`\\.` is a regex `\.`). */
function unescapeQuoted(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
