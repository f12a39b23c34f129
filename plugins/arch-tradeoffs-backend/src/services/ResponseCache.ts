import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** A cached response body, kept gzip-encoded (the map is 20 MB of JSON at 50,000 components, 2.5 MB of gzip). */
export interface CachedBody {
  readonly gzipped: Buffer;
  /** The body as it was produced, for the rare client that does not accept gzip. */
  plain(): Promise<Buffer>;
}

/**
 * Whole response bodies of the routes that depend only on a snapshot, on what the caller may read and
 * on the query (and, where they join them, the decisions): kept for the latest snapshot. A snapshot never
 * changes once published, so each body is computed, serialised and compressed once, however many
 * clients ask (concurrent askers share the one computation). Bounded by bytes, least recently used
 * first out.
 */
export class ResponseCache {
  private snapshotId?: number;
  /** In least recently used order; `body` is set once it is ready. */
  private readonly slots = new Map<string, { pending: Promise<CachedBody>; body?: CachedBody }>();

  constructor(private readonly maxBytes: number) {}

  get(snapshotId: number, key: string, produce: () => Promise<string>): Promise<CachedBody> {
    if (snapshotId !== this.snapshotId) {
      // A newer snapshot is published: nothing of the older one will be asked for again.
      this.slots.clear();
      this.snapshotId = snapshotId;
    }
    const cached = this.slots.get(key);
    if (cached) {
      this.slots.delete(key);
      this.slots.set(key, cached);
      return cached.pending;
    }
    // Compressed on the thread pool: 20 MB of JSON takes a few hundred milliseconds.
    const pending = produce().then(async text => {
      const gzipped = await gzip(text);
      return { gzipped, plain: () => gunzip(gzipped) };
    });
    const slot: { pending: Promise<CachedBody>; body?: CachedBody } = { pending };
    this.slots.set(key, slot);
    pending.then(
      body => {
        slot.body = body;
        this.evict();
      },
      () => {
        if (this.slots.get(key) === slot) this.slots.delete(key);
      },
    );
    return pending;
  }

  /** Bytes held by the bodies ready now. */
  get size(): number {
    let bytes = 0;
    for (const slot of this.slots.values()) bytes += slot.body?.gzipped.length ?? 0;
    return bytes;
  }

  /** Drops the least recently used bodies while over the bound, keeping the newest. */
  private evict() {
    for (const key of this.slots.keys()) {
      if (this.slots.size <= 1 || this.size <= this.maxBytes) return;
      this.slots.delete(key);
    }
  }
}
