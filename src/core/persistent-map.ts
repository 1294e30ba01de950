/**
 * A persistent (immutable, structurally shared) string-keyed map: a small hash
 * array mapped trie. Live-streaming rooms hold thousands of users,
 * and copying a 1,000-key object costs ~150 µs, so users, streams and players
 * live here instead: `set` and `delete` copy one path of at most seven 32-way
 * nodes, so an event's cost does not grow with the room, and the reducer stays
 * pure. Unchanged maps keep their identity (`set` of the same value returns
 * `this`).
 */

interface Leaf<V> {
  readonly h: number;
  readonly k: string;
  readonly v: V;
}
// A branch is an array of up to 32 slots, indexed by five bits of the hash
// (shift 0, 5, ..., 30). Past the last bits (shift > 30) every key in a branch
// has the same hash, and the branch is a plain list of those colliding leaves.
type Branch<V> = (Node<V> | undefined)[];
type Node<V> = Leaf<V> | Branch<V>;

const isBranch = Array.isArray as <V>(node: Node<V>) => node is Branch<V>;

// FNV-1a, 32 bits.
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// The slot of `key` in a branch at `shift`; in a collision list, its index
// (-1 when absent, which reads as an empty slot).
function slot<V>(branch: Branch<V>, shift: number, h: number, key: string): number {
  return shift > 30 ? branch.findIndex((leaf) => (leaf as Leaf<V>).k === key) : (h >>> shift) & 31;
}

// Set by insert(): 1 when the last insert added a key, 0 when it replaced one.
let added = 0;

function insert<V>(node: Node<V> | undefined, shift: number, leaf: Leaf<V>): Node<V> {
  if (!node) {
    added = 1;
    return leaf;
  }
  if (!isBranch(node)) {
    if (node.k === leaf.k) return node.v === leaf.v ? node : leaf;
    // Two keys meet: a new branch holds both, splitting further down if need be.
    return insert(insert([], shift, node), shift, leaf);
  }
  let index = slot(node, shift, leaf.h, leaf.k);
  if (index < 0) index = node.length;
  const child = node[index];
  const next = insert(child, shift + 5, leaf);
  if (next === child) return node;
  const copy = node.slice();
  copy[index] = next;
  return copy;
}

function remove<V>(node: Node<V>, shift: number, h: number, key: string): Node<V> | undefined {
  if (!isBranch(node)) return node.k === key ? undefined : node;
  const index = slot(node, shift, h, key);
  const child = node[index];
  if (!child) return node;
  const next = remove(child, shift + 5, h, key);
  if (next === child) return node;
  const copy = node.slice();
  // In a collision list a removed leaf leaves no gap.
  if (shift > 30) copy.splice(index, 1);
  else copy[index] = next;
  // A branch left with one leaf collapses into it, so lookups stay short; an
  // empty one goes.
  let only: Node<V> | undefined;
  for (const entry of copy) {
    if (entry) {
      if (only || isBranch(entry)) return copy;
      only = entry;
    }
  }
  return only;
}

function visit<V>(node: Node<V>, fn: (value: V, key: string) => void): void {
  if (isBranch(node)) {
    for (const child of node) if (child) visit(child, fn);
  } else fn(node.v, node.k);
}

/**
 * An immutable string-keyed map with `ReadonlyMap`'s reading methods; `set`
 * and `delete` return a new map sharing all untouched structure.
 *
 * @example
 * ```ts
 * const a = PersistentMap.empty<number>();
 * const b = a.set('stream-1', 1);
 * a.size;                 // 0
 * b.get('stream-1');      // 1
 * b.set('stream-1', 1) === b; // true: unchanged maps keep identity
 * ```
 */
export class PersistentMap<V> implements Iterable<[string, V]> {
  static #empty = new PersistentMap<never>(0);

  /** The number of entries. */
  declare readonly size: number;
  readonly #root: Node<V> | undefined;

  private constructor(size: number, root?: Node<V>) {
    this.size = size;
    this.#root = root;
  }

  /**
   * The empty map (one shared instance).
   *
   * @example
   * ```ts
   * const users = PersistentMap.empty<{ userID: string }>();
   * ```
   */
  static empty<V>(): PersistentMap<V> {
    return PersistentMap.#empty;
  }

  /**
   * Builds a map from entries.
   *
   * @example
   * ```ts
   * PersistentMap.from([['a', 1], ['b', 2]]).size; // 2
   * ```
   */
  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map: PersistentMap<V> = PersistentMap.#empty;
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  /** The value for `key`, or `undefined`. */
  get(key: string): V | undefined {
    const h = hashKey(key);
    let node = this.#root;
    for (let shift = 0; node && isBranch(node); shift += 5) node = node[slot(node, shift, h, key)];
    return node && node.k === key ? node.v : undefined;
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set to `value`; `this` when the value is already there. */
  set(key: string, value: V): PersistentMap<V> {
    added = 0;
    const root = insert(this.#root, 0, { h: hashKey(key), k: key, v: value });
    return root === this.#root ? this : new PersistentMap(this.size + added, root);
  }

  /** A map without `key`; `this` when it was not there. */
  delete(key: string): PersistentMap<V> {
    const root = this.#root && remove(this.#root, 0, hashKey(key), key);
    return root === this.#root ? this : root ? new PersistentMap(this.size - 1, root) : PersistentMap.#empty;
  }

  /** Calls `fn` for every entry (in hash order, not insertion order). */
  forEach(fn: (value: V, key: string) => void): void {
    if (this.#root) visit(this.#root, fn);
  }

  #list<T>(item: (value: V, key: string) => T): T[] {
    const list: T[] = [];
    this.forEach((value, key) => list.push(item(value, key)));
    return list;
  }

  /** All values as a new array (in hash order). */
  toArray(): V[] {
    return this.#list((value) => value);
  }

  /** All keys. */
  keys(): IterableIterator<string> {
    return this.#list((_, key) => key).values();
  }

  /** All values. */
  values(): IterableIterator<V> {
    return this.toArray().values();
  }

  /** All `[key, value]` pairs. */
  entries(): IterableIterator<[string, V]> {
    return this.#list((value, key): [string, V] => [key, value]).values();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
