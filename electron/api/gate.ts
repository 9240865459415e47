/**
 * Lets ordinary calls run side by side (an async import may be waiting on a
 * file while others are answered) and an exclusive one (a restore, which
 * closes and replaces the database) run alone: it waits until every call in
 * flight has finished, and calls that arrive meanwhile wait until it is done.
 */
export class CallGate {
  private inFlight = 0;
  private exclusive: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  async run<T>(exclusive: boolean, call: () => T | Promise<T>): Promise<T> {
    // Whoever arrives while an exclusive call waits or runs goes after it.
    while (this.exclusive) await this.exclusive;
    if (!exclusive) {
      this.inFlight++;
      try {
        return await call();
      } finally {
        this.inFlight--;
        if (this.inFlight === 0) this.drained?.();
      }
    }
    let done!: () => void;
    this.exclusive = new Promise<void>((resolve) => (done = resolve));
    try {
      if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await call();
    } finally {
      this.exclusive = null;
      done();
    }
  }
}
