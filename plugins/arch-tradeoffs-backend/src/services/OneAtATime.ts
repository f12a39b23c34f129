/**
 * Runs the tasks given to it one after another, in the order given; a task that fails does not stop
 * the next. For work that would only slow everything else down if several ran at once.
 */
export class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.last.then(task);
    this.last = turn.catch(() => undefined);
    return turn;
  }
}
