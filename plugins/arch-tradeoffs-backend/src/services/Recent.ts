/**
 * A value read at most once per `ttlMs`: readers within that time share the last read (and one read in
 * flight). `forget()` makes the next read fresh, for a change this process made itself.
 */
export class Recent<T> {
  private last?: { at: number; value: Promise<T> };

  constructor(
    private readonly ttlMs: number,
    private readonly read: () => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    const now = this.now();
    if (!this.last || now - this.last.at >= this.ttlMs) {
      const entry = { at: now, value: this.read() };
      // A failed read is not kept: the next reader tries again.
      entry.value.catch(() => {
        if (this.last === entry) this.last = undefined;
      });
      this.last = entry;
    }
    return this.last.value;
  }

  forget(): void {
    this.last = undefined;
  }
}
