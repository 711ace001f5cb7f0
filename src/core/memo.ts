// A bounded memo for word-level results (stems, folded forms, lexicon lookups). Two generations:
// when the current one is full it becomes the old one and a new one starts; a value found in the
// old generation moves to the current one. Words in use stay remembered, words seen once are
// forgotten, and memory never exceeds two generations, however large the vocabulary of a corpus.

/** A memo holding at most 2 × `size` entries. */
export class Memo<V> {
  private current = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly size: number) {}

  /** Returns the value remembered for `key`, or undefined. */
  get(key: string): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  /** Remembers `value` for `key`. */
  set(key: string, value: V): void {
    if (this.current.size >= this.size) {
      this.old = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /** Entries remembered now (both generations). */
  get count(): number {
    return this.current.size + this.old.size;
  }
}
