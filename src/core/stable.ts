/**
 * What keeps selectors' results stable (the same object for the same input),
 * shared by the core's selectors and media health's.
 *
 * Internal: imported by src/core, not exported from the package.
 */
import type { PersistentMap } from './persistent-map.js';

// Defaults are cached per ID so that an unknown room or stream is still the
// same object from one call to the next. Bounded: cleared when it grows large.
const DEFAULT_CACHE_LIMIT = 1000;
export function defaults<T>(create: (id: string) => T): (id: string) => T {
  const cache = new Map<string, T>();
  return (id) => {
    let value = cache.get(id);
    if (value === undefined) {
      if (cache.size >= DEFAULT_CACHE_LIMIT) cache.clear();
      cache.set(id, (value = Object.freeze(create(id))));
    }
    return value;
  };
}
// Arrays are derived once per map instance: a map that did not change gives
// the very same array.
const arrays = new WeakMap<object, readonly unknown[]>();
export function arrayOf<V>(map: PersistentMap<V>): readonly V[] {
  let array = arrays.get(map) as readonly V[] | undefined;
  if (!array) arrays.set(map, (array = Object.freeze(map.toArray())));
  return array;
}

