import { OneAtATime } from './OneAtATime';

/** A promise and the function that resolves it. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

const settle = () => new Promise(resolve => setImmediate(resolve));

describe('OneAtATime', () => {
  it('starts a task only when the one before it has finished, in the order given', async () => {
    const queue = new OneAtATime();
    const started: string[] = [];
    const first = deferred();
    const second = deferred();
    const a = queue.run(async () => {
      started.push('a');
      await first.promise;
      return 'a done';
    });
    const b = queue.run(async () => {
      started.push('b');
      await second.promise;
      return 'b done';
    });
    const c = queue.run(async () => {
      started.push('c');
      return 'c done';
    });
    await settle();
    expect(started).toEqual(['a']);
    first.resolve();
    await expect(a).resolves.toBe('a done');
    await settle();
    expect(started).toEqual(['a', 'b']);
    second.resolve();
    await expect(b).resolves.toBe('b done');
    await expect(c).resolves.toBe('c done');
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('runs the next task after one that failed, and gives the failure to its own caller', async () => {
    const queue = new OneAtATime();
    const failed = queue.run(async () => {
      throw new Error('the export failed');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('the export failed');
    await expect(next).resolves.toBe('next');
  });
});
