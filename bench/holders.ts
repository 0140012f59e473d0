/**
 * The processes and connections that hold the database under test while the bench runs (Kasane's
 * server, the bench's raw replay, the anchor server). Each is opened the first time it is used and
 * kept open; on an exclusive database (a PGlite data directory opens in one process at a time)
 * using one first closes the others.
 */
export type Opener = () => Promise<() => Promise<void>>;

export class Holders<Name extends string> {
  readonly #exclusive: boolean;
  readonly #openers: Record<Name, Opener>;
  readonly #open = new Map<Name, () => Promise<void>>();

  constructor(exclusive: boolean, openers: Record<Name, Opener>) {
    this.#exclusive = exclusive;
    this.#openers = openers;
  }

  async use(name: Name): Promise<void> {
    if (this.#exclusive)
      for (const other of [...this.#open.keys()]) if (other !== name) await this.close(other);
    if (!this.#open.has(name)) this.#open.set(name, await this.#openers[name]());
  }

  async close(name: Name): Promise<void> {
    const close = this.#open.get(name);
    this.#open.delete(name);
    await close?.();
  }

  async closeAll(): Promise<void> {
    for (const name of [...this.#open.keys()]) await this.close(name);
  }
}
