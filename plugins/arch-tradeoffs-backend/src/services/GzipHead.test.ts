import zlib from 'node:zlib';
import { GzipHead } from './GzipHead';

describe('GzipHead', () => {
  // A head big enough to span many deflate blocks, with text that repeats (as JSON does) and does not.
  const head = `{"items":[${Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ ref: `component:default/s-${i}`, cost: (i * 7.31) % 997, note: 'é ✓' })).join(',')}]`;
  const tails = [',"age":1}', ',"age":123456,"unicode":"ü"}', '}'];

  it.each(tails)('gzips head + %j into one stream any gzip decoder reads back exactly', tail => {
    const head1 = new GzipHead(head);
    const body = head1.gzip(tail);
    expect(zlib.gunzipSync(body).toString()).toBe(head + tail);
    expect(JSON.parse(zlib.gunzipSync(body).toString())).toEqual(JSON.parse(head + tail));
    expect(body.length).toBeLessThan((head.length + tail.length) / 5);
  });

  it('serves many tails from one compressed head, and plain text for clients without gzip', () => {
    const gz = new GzipHead(head);
    for (const tail of tails) {
      expect(zlib.gunzipSync(gz.gzip(tail)).toString()).toBe(head + tail);
      expect(gz.text(tail)).toBe(head + tail);
    }
    expect(gz.size).toBeLessThan(head.length / 5);
  });

  it('handles an empty head', () => {
    expect(zlib.gunzipSync(new GzipHead('').gzip('{}')).toString()).toBe('{}');
  });
});
