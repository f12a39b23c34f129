import { Recent } from './Recent';

describe('Recent', () => {
  it('reads at most once per interval, shares a read in flight, and reads again once forgotten', async () => {
    let clock = 0;
    let reads = 0;
    const recent = new Recent(1000, async () => ++reads, () => clock);
    expect(await Promise.all([recent.get(), recent.get()])).toEqual([1, 1]);
    clock = 999;
    expect(await recent.get()).toBe(1);
    clock = 1000;
    expect(await recent.get()).toBe(2);
    recent.forget();
    expect(await recent.get()).toBe(3);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const recent = new Recent(1000, async () => {
      if (fail) throw new Error('database is down');
      return 'ok';
    }, () => 0);
    await expect(recent.get()).rejects.toThrow('database is down');
    fail = false;
    expect(await recent.get()).toBe('ok');
  });
});
