import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

/** A cached response body, and its gzip encoding once a client has asked for it. */
export interface CachedBody {
  readonly body: Buffer;
  gzipped(): Promise<Buffer>;
}

class Entry implements CachedBody {
  private compressed?: Promise<Buffer>;
  private compressedSize = 0;

  constructor(
    readonly body: Buffer,
    private readonly onGrow: () => void,
  ) {}

  get size() {
    return this.body.length + this.compressedSize;
  }

  gzipped(): Promise<Buffer> {
    if (!this.compressed) {
      // On the thread pool: 20 MB of map JSON takes a few hundred ms to compress.
      const compressed = gzip(this.body);
      this.compressed = compressed;
      compressed.then(
        b => {
          this.compressedSize = b.length;
          this.onGrow();
        },
        () => {
          if (this.compressed === compressed) this.compressed = undefined;
        },
      );
    }
    return this.compressed;
  }
}

/**
 * Whole response bodies of the routes that depend only on a snapshot and on what the caller may read,
 * kept for the latest snapshot: the components list, its CSV and the map. A snapshot never changes once
 * published, so each (view version, query) is computed and serialised once, however many clients ask
 * (concurrent askers share the one computation). Bounded by bytes, least recently used first out.
 */
export class ResponseCache {
  private snapshotId?: number;
  /** In least recently used order; `entry` is set once the body is ready. */
  private readonly slots = new Map<string, { pending: Promise<Entry>; entry?: Entry }>();

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
    const slot: { pending: Promise<Entry>; entry?: Entry } = {
      pending: produce().then(text => new Entry(Buffer.from(text), () => this.evict())),
    };
    this.slots.set(key, slot);
    slot.pending.then(
      entry => {
        slot.entry = entry;
        this.evict();
      },
      () => {
        if (this.slots.get(key) === slot) this.slots.delete(key);
      },
    );
    return slot.pending;
  }

  /** Bytes held by the bodies (and their gzip encodings) ready now. */
  get size(): number {
    let bytes = 0;
    for (const slot of this.slots.values()) bytes += slot.entry?.size ?? 0;
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
