/** One series of an instant query's result: its labels and value (NaN and ±Inf included). */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/**
 * The server could not be reached or did not answer in time: a fault of the source, not of one query.
 * After one, the client sends nothing more (see `unreachable`).
 */
export class PrometheusUnreachableError extends Error {}

/** Prometheus refused the query itself (`bad_data`): a selector it cannot parse, say. */
export class PrometheusRejectedError extends Error {}

/** One series of a range query's result. */
export interface Series {
  labels: Record<string, string>;
  points: Array<{ time: number; value: number }>;
}

export interface PrometheusClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** Each request's time limit; Prometheus is told the same, so it stops work the caller abandoned. */
  timeoutMs: number;
  /** Requests in flight at once (default 3); the rest wait their turn. */
  concurrency?: number;
}

/**
 * The few calls of Prometheus's HTTP API the measurement needs (reference/usage-sources.md §4). Queries
 * are POSTed form-encoded: a batched query can run to kilobytes. Every call counts in `requests`.
 *
 * Three requests at a time: measured on the bench (50,000 components, 2 cores), the batched queries took
 * 9–10 s one at a time, 4.7–5.3 s three at a time, and 6.0–6.6 s all eighteen at once, which also
 * held every parsed response at once (a refresh's peak memory). A shared Prometheus is spared a burst.
 */
export class PrometheusClient {
  /** HTTP requests sent by this client. */
  requests = 0;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  /**
   * Set by the first request the server did not answer: the rest fail at once with it, so a server
   * that is down or hanging costs one timeout, not one per query (a refresh would otherwise run into
   * the scheduler's timeout).
   */
  private unreachable?: PrometheusUnreachableError;

  constructor(private readonly options: PrometheusClientOptions) {}

  /** An instant query evaluated at `time` (always given: an unset time means "now", 5 minutes back). */
  async query(expr: string, time: Date): Promise<Sample[]> {
    const data = await this.call('/api/v1/query', { query: expr, time: seconds(time) });
    if (data.resultType !== 'vector') throw new Error(`expected a vector, got ${data.resultType}`);
    return (data.result as Array<{ metric: Record<string, string>; value: [number, string] }>).map(r => ({
      labels: r.metric,
      value: Number(r.value[1]),
    }));
  }

  async queryRange(expr: string, range: { start: Date; end: Date; stepSeconds: number }): Promise<Series[]> {
    const data = await this.call('/api/v1/query_range', {
      query: expr,
      start: seconds(range.start),
      end: seconds(range.end),
      step: String(range.stepSeconds),
    });
    if (data.resultType !== 'matrix') throw new Error(`expected a matrix, got ${data.resultType}`);
    return (data.result as Array<{ metric: Record<string, string>; values: Array<[number, string]> }>).map(r => ({
      labels: r.metric,
      points: r.values.map(([time, value]) => ({ time, value: Number(value) })),
    }));
  }

  /**
   * The server's retention (`storageRetention`, e.g. `15d`, `10GiB`, `15d or 10GiB`); undefined when
   * it does not say (some Prometheus-compatible servers and proxies do not serve this endpoint). Throws
   * {@link PrometheusUnreachableError} only when the server does not answer at all.
   */
  async retention(): Promise<string | undefined> {
    try {
      const data = await this.call('/api/v1/status/runtimeinfo');
      return typeof data.storageRetention === 'string' ? data.storageRetention : undefined;
    } catch (error) {
      if (error instanceof PrometheusUnreachableError) throw error;
      return undefined;
    }
  }

  private async call(path: string, form?: Record<string, string>): Promise<any> {
    if (this.inFlight < (this.options.concurrency ?? 3)) {
      this.inFlight++;
    } else {
      // The slot is handed over by the request that frees it (inFlight stays counted).
      await new Promise<void>(resolve => this.waiting.push(resolve));
    }
    try {
      if (this.unreachable) throw this.unreachable;
      return await this.send(path, form);
    } catch (error) {
      if (error instanceof PrometheusUnreachableError) this.unreachable ??= error;
      throw error;
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    }
  }

  private async send(path: string, form?: Record<string, string>): Promise<any> {
    const { baseUrl, headers, timeoutMs } = this.options;
    this.requests++;
    // Prometheus is given a little less time than the client waits, so its own timeout error arrives.
    const body = form
      ? new URLSearchParams({ ...form, timeout: `${Math.max(1, Math.floor((timeoutMs * 0.9) / 1000))}s` })
      : undefined;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: form ? 'POST' : 'GET',
        headers: { ...headers, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new PrometheusUnreachableError(describeFetchError(error, baseUrl, timeoutMs));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new PrometheusUnreachableError(describeFetchError(error, baseUrl, timeoutMs));
    }
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${path} answered HTTP ${response.status}: ${text.slice(0, 200) || 'no body'}`);
    }
    if (json?.status !== 'success') {
      const message = `${path} answered HTTP ${response.status}: ${json?.errorType ?? 'error'}: ${json?.error ?? text.slice(0, 200)}`;
      throw json?.errorType === 'bad_data' ? new PrometheusRejectedError(message) : new Error(message);
    }
    return json.data ?? {};
  }
}

function seconds(time: Date): string {
  return String(time.getTime() / 1000);
}

function describeFetchError(error: unknown, baseUrl: string, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `${baseUrl} did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
  return `${baseUrl} could not be reached (${cause})`;
}
