// Lookups keyed by what a user typed: only an object's own properties count, never what every object
// inherits (a device, netns or option may be called "constructor", "__proto__" or "toString").

/** `o[key]` when `key` is o's own property, else undefined. */
export function own<T>(o: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** `key in o`, counting o's own properties only. */
export function hasOwn(o: object, key: string): boolean {
  return Object.hasOwn(o, key);
}
