import zlib from 'node:zlib';

/** RFC 1952 member header: magic, deflate, no flags, no mtime, no extra flags, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * A response body whose large head never changes and whose small tail does, kept compressed.
 *
 * The org-wide map is 20 MB of JSON at 50,000 components. Compressing it for every response took
 * longer than everything else in the request, yet only its last few bytes (the snapshot's age) ever
 * change. So the head is deflated once, ending on a sync flush (byte-aligned, not final), and each
 * response deflates only its tail and sends both streams as one gzip member whose CRC-32 continues
 * from the head's: a valid stream for any gzip decoder, as parallel compressors such as pigz build.
 */
export class GzipHead {
  private readonly deflated: Buffer;
  private readonly crc: number;
  private readonly length: number;

  constructor(head: string) {
    const bytes = Buffer.from(head);
    this.deflated = zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    this.crc = zlib.crc32(bytes);
    this.length = bytes.length;
  }

  /** Bytes held: the compressed head. */
  get size(): number {
    return this.deflated.length;
  }

  /** head + tail as a gzip stream. */
  gzip(tail: string): Buffer {
    const bytes = Buffer.from(tail);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(zlib.crc32(bytes, this.crc), 0);
    trailer.writeUInt32LE((this.length + bytes.length) % 2 ** 32, 4);
    return Buffer.concat([GZIP_HEADER, this.deflated, zlib.deflateRawSync(bytes), trailer]);
  }

  /** head + tail as text, for a client that does not accept gzip (rare: every browser does). */
  text(tail: string): string {
    return zlib.inflateRawSync(this.deflated, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString() + tail;
  }
}
