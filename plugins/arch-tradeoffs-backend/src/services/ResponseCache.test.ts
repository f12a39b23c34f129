import zlib from 'node:zlib';
import { ResponseCache } from './ResponseCache';

describe('ResponseCache', () => {
  it('produces a body once however many ask at once, and keeps it compressed', async () => {
    const cache = new ResponseCache(1024 * 1024);
    let produced = 0;
    const produce = async () => {
      produced++;
      return JSON.stringify({ items: ['a', 'b'] });
    };
    const [first, second] = await Promise.all([cache.get(1, 'k', produce), cache.get(1, 'k', produce)]);
    expect(first).toBe(second);
    expect(produced).toBe(1);
    expect(JSON.parse(zlib.gunzipSync(first.gzipped).toString())).toEqual({ items: ['a', 'b'] });
    expect((await first.plain()).toString()).toBe('{"items":["a","b"]}');
  });

  it('forgets everything of an older snapshot, and a failed production', async () => {
    const cache = new ResponseCache(1024 * 1024);
    let produced = 0;
    const produce = async () => String(++produced);
    await cache.get(1, 'k', produce);
    expect((await (await cache.get(2, 'k', produce)).plain()).toString()).toBe('2');
    await expect(cache.get(2, 'bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await (await cache.get(2, 'bad', async () => 'ok')).plain()).toString()).toBe('ok');
  });

  it('keeps at most so many entries, however small, and answers an older snapshot without caching it', async () => {
    const cache = new ResponseCache(1024 * 1024, 2);
    let produced = 0;
    const produce = async () => String(++produced);
    await cache.get(5, 'a', produce);
    await cache.get(5, 'b', produce);
    await cache.get(5, 'c', produce); // a goes
    await cache.get(5, 'b', produce);
    expect(produced).toBe(3);
    await cache.get(5, 'a', produce);
    expect(produced).toBe(4);
    // A late request on snapshot 4 neither clears snapshot 5's entries nor is kept.
    await cache.get(4, 'b', produce);
    await cache.get(4, 'b', produce);
    expect(produced).toBe(6);
    await cache.get(5, 'a', produce);
    expect(produced).toBe(6);
  });

  it('drops the least recently used bodies beyond its bound', async () => {
    // Random text hardly compresses: each body is about 3 KB of gzip.
    const text = () => Array.from({ length: 4000 }, () => Math.random().toString(36)[2]).join('');
    const cache = new ResponseCache(7 * 1024);
    let produced = 0;
    const produce = async () => {
      produced++;
      return text();
    };
    await cache.get(1, 'a', produce);
    await cache.get(1, 'b', produce);
    await cache.get(1, 'a', produce); // a is now the most recently used
    await cache.get(1, 'c', produce); // over the bound: b goes
    expect(produced).toBe(3);
    expect(cache.size).toBeLessThanOrEqual(7 * 1024);
    await cache.get(1, 'a', produce);
    expect(produced).toBe(3);
    await cache.get(1, 'b', produce);
    expect(produced).toBe(4);
  });
});
