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
  /** By hashed key, in least recently used order; `body` is set once it is ready. */
  private readonly slots = new Map<string, { pending: Promise<CachedBody>; body?: CachedBody }>();
  /** Compressed bytes of the bodies ready now. */
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    /** Bodies kept at most, however small: each query a caller invents is an entry. */
    private readonly maxEntries = 1000,
  ) {}

  /** `id` identifies the body within the snapshot: a short hash (the router's ETag), so every entry costs the same. */
  get(snapshotId: number, id: string, produce: () => Promise<string>): Promise<CachedBody> {
    // A late request for an older snapshot is answered but not cached: the cache moves forward only.
    if (this.snapshotId !== undefined && snapshotId < this.snapshotId) return compress(produce());
    if (snapshotId !== this.snapshotId) {
      // A newer snapshot is published: nothing of the older one will be asked for again.
      this.slots.clear();
      this.bytes = 0;
      this.snapshotId = snapshotId;
    }
    const cached = this.slots.get(id);
    if (cached) {
      this.slots.delete(id);
      this.slots.set(id, cached);
      return cached.pending;
    }
    const slot: { pending: Promise<CachedBody>; body?: CachedBody } = { pending: compress(produce()) };
    this.slots.set(id, slot);
    slot.pending.then(
      body => {
        if (this.slots.get(id) !== slot) return; // evicted or cleared meanwhile
        slot.body = body;
        this.bytes += body.gzipped.length;
        this.evict();
      },
      () => {
        if (this.slots.get(id) === slot) this.slots.delete(id);
      },
    );
    this.evict();
    return slot.pending;
  }

  /** Compressed bytes held. */
  get size(): number {
    return this.bytes;
  }

  /** Drops the least recently used entries while over either bound, keeping the newest. */
  private evict() {
    for (const [id, slot] of this.slots) {
      if (this.slots.size <= 1 || (this.bytes <= this.maxBytes && this.slots.size <= this.maxEntries)) return;
      this.slots.delete(id);
      this.bytes -= slot.body?.gzipped.length ?? 0;
    }
  }
}

/**
 * Compressed on the thread pool: 20 MB of JSON takes a few hundred milliseconds. In output chunks of
 * 1 MB rather than zlib's 16 KB: each chunk waits for a turn of the event loop, and while an export
 * is priced (see SnapshotView.recordChunks) a turn can take tens of milliseconds.
 */
async function compress(text: Promise<string>): Promise<CachedBody> {
  const gzipped = await gzip(await text, { chunkSize: 1 << 20 });
  return { gzipped, plain: () => gunzip(gzipped) };
}
