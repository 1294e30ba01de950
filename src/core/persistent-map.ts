/**
 * A persistent (immutable, structurally shared) string-keyed map: a small hash
 * array mapped trie. Live-streaming rooms hold thousands of users (DESIGN §3),
 * and copying a 1,000-key object costs ~150 µs, so users, streams and players
 * live here instead: `set` and `delete` copy one path of at most seven 32-way
 * nodes, so an event's cost does not grow with the room, and the reducer stays
 * pure. Unchanged maps keep their identity (`set` of the same value returns
 * `this`).
 */

const BITS = 5;
const MASK = 31;

interface Leaf<V> {
  readonly t: 0;
  readonly h: number;
  readonly k: string;
  readonly v: V;
}
interface Branch<V> {
  readonly t: 1;
  readonly bitmap: number;
  readonly children: readonly Node<V>[];
}
interface Collision<V> {
  readonly t: 2;
  readonly h: number;
  readonly leaves: readonly Leaf<V>[];
}
type Node<V> = Leaf<V> | Branch<V> | Collision<V>;

// FNV-1a, 32 bits.
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function fragment(h: number, shift: number): number {
  return (h >>> shift) & MASK;
}

// Set by insert(): whether the last insert added a key (vs. replaced one).
let added = false;

function mergeNodes<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Branch<V> {
  const fa = fragment(a.h, shift);
  const fb = fragment(b.h, shift);
  if (fa === fb) return { t: 1, bitmap: 1 << fa, children: [mergeNodes(a, b, shift + BITS)] };
  return { t: 1, bitmap: (1 << fa) | (1 << fb), children: fa < fb ? [a, b] : [b, a] };
}

function insert<V>(node: Node<V>, shift: number, leaf: Leaf<V>): Node<V> {
  if (node.t === 1) {
    const bit = 1 << fragment(leaf.h, shift);
    const index = popcount(node.bitmap & (bit - 1));
    if ((node.bitmap & bit) === 0) {
      added = true;
      const children = node.children.slice();
      children.splice(index, 0, leaf);
      return { t: 1, bitmap: node.bitmap | bit, children };
    }
    const child = node.children[index]!;
    const next = insert(child, shift + BITS, leaf);
    if (next === child) return node;
    const children = node.children.slice();
    children[index] = next;
    return { t: 1, bitmap: node.bitmap, children };
  }
  if (node.t === 0) {
    if (node.k === leaf.k) return node.v === leaf.v ? node : leaf;
    added = true;
    if (node.h === leaf.h) return { t: 2, h: node.h, leaves: [node, leaf] };
    return mergeNodes(node, leaf, shift);
  }
  if (node.h !== leaf.h) {
    added = true;
    return mergeNodes(node, leaf, shift);
  }
  const index = node.leaves.findIndex((l) => l.k === leaf.k);
  if (index < 0) {
    added = true;
    return { t: 2, h: node.h, leaves: [...node.leaves, leaf] };
  }
  if (node.leaves[index]!.v === leaf.v) return node;
  const leaves = node.leaves.slice();
  leaves[index] = leaf;
  return { t: 2, h: node.h, leaves };
}

function remove<V>(node: Node<V>, shift: number, h: number, key: string): Node<V> | null {
  if (node.t === 0) return node.k === key ? null : node;
  if (node.t === 2) {
    if (node.h !== h) return node;
    const index = node.leaves.findIndex((l) => l.k === key);
    if (index < 0) return node;
    if (node.leaves.length === 2) return node.leaves[1 - index]!;
    return { t: 2, h: node.h, leaves: node.leaves.filter((_, i) => i !== index) };
  }
  const bit = 1 << fragment(h, shift);
  if ((node.bitmap & bit) === 0) return node;
  const index = popcount(node.bitmap & (bit - 1));
  const child = node.children[index]!;
  const next = remove(child, shift + BITS, h, key);
  if (next === child) return node;
  if (next === null) {
    if (node.children.length === 1) return null;
    // A branch left with one leaf collapses into it, so lookups stay short.
    if (node.children.length === 2) {
      const other = node.children[1 - index]!;
      if (other.t !== 1) return other;
    }
    const children = node.children.slice();
    children.splice(index, 1);
    return { t: 1, bitmap: node.bitmap & ~bit, children };
  }
  if (node.children.length === 1 && next.t !== 1) return next;
  const children = node.children.slice();
  children[index] = next;
  return { t: 1, bitmap: node.bitmap, children };
}

function visit<V>(node: Node<V>, fn: (value: V, key: string) => void): void {
  if (node.t === 0) fn(node.v, node.k);
  else if (node.t === 1) for (const child of node.children) visit(child, fn);
  else for (const leaf of node.leaves) fn(leaf.v, leaf.k);
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
  static #empty: PersistentMap<never> = new PersistentMap<never>(0, null);

  /** The number of entries. */
  readonly size: number;
  readonly #root: Node<V> | null;

  private constructor(size: number, root: Node<V> | null) {
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
    return PersistentMap.#empty as PersistentMap<V>;
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
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  /** The value for `key`, or `undefined`. */
  get(key: string): V | undefined {
    let node = this.#root;
    if (node === null) return undefined;
    const h = hashKey(key);
    let shift = 0;
    for (;;) {
      if (node.t === 0) return node.k === key ? node.v : undefined;
      if (node.t === 2) {
        if (node.h !== h) return undefined;
        for (const leaf of node.leaves) if (leaf.k === key) return leaf.v;
        return undefined;
      }
      const bit = 1 << fragment(h, shift);
      if ((node.bitmap & bit) === 0) return undefined;
      node = node.children[popcount(node.bitmap & (bit - 1))]!;
      shift += BITS;
    }
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set to `value`; `this` when the value is already there. */
  set(key: string, value: V): PersistentMap<V> {
    const leaf: Leaf<V> = { t: 0, h: hashKey(key), k: key, v: value };
    if (this.#root === null) return new PersistentMap(1, leaf);
    added = false;
    const root = insert(this.#root, 0, leaf);
    if (root === this.#root) return this;
    return new PersistentMap(added ? this.size + 1 : this.size, root);
  }

  /** A map without `key`; `this` when it was not there. */
  delete(key: string): PersistentMap<V> {
    if (this.#root === null) return this;
    const root = remove(this.#root, 0, hashKey(key), key);
    if (root === this.#root) return this;
    return root === null ? PersistentMap.empty<V>() : new PersistentMap(this.size - 1, root);
  }

  /** Calls `fn` for every entry (in hash order, not insertion order). */
  forEach(fn: (value: V, key: string) => void): void {
    if (this.#root !== null) visit(this.#root, fn);
  }

  /** All values as a new array (in hash order). */
  toArray(): V[] {
    const values: V[] = [];
    this.forEach((value) => values.push(value));
    return values;
  }

  /** All keys. */
  keys(): IterableIterator<string> {
    const keys: string[] = [];
    this.forEach((_, key) => keys.push(key));
    return keys.values();
  }

  /** All values. */
  values(): IterableIterator<V> {
    return this.toArray().values();
  }

  /** All `[key, value]` pairs. */
  entries(): IterableIterator<[string, V]> {
    const entries: [string, V][] = [];
    this.forEach((value, key) => entries.push([key, value]));
    return entries.values();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
