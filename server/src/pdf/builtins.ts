// pdf.js's legacy build (the one that runs on Node 20) carries core-js polyfills, and loading it
// replaces some of the runtime's own built-ins where core-js finds an edge case it dislikes:
// Array.prototype.push and JSON.stringify/parse become JavaScript functions. In the extension host
// (shared with every other extension) and in the engine that checks letters, that slowed parsing
// several times over. The built-ins the runtime already had are put back once pdf.js has loaded;
// what it adds (Promise.withResolvers, the new Set methods...) stays, since pdf.js calls it.

type Snapshot = Array<{ owner: object; key: PropertyKey; descriptor: PropertyDescriptor }>;

/** The runtime's built-in objects: global constructors and namespaces, and their prototypes. */
function builtinOwners(): object[] {
  const owners = new Set<object>();
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    const value: unknown = descriptor && 'value' in descriptor ? descriptor.value : undefined;
    if ((typeof value !== 'function' && typeof value !== 'object') || value === null) continue;
    owners.add(value);
    const prototype = (value as { prototype?: unknown }).prototype;
    if (typeof prototype === 'object' && prototype !== null) owners.add(prototype);
  }
  // Shared by the typed arrays, and not a global of its own.
  owners.add(Object.getPrototypeOf(Uint8Array));
  owners.add(Object.getPrototypeOf(Uint8Array.prototype));
  return [...owners];
}

export function snapshotBuiltins(): Snapshot {
  const snapshot: Snapshot = [];
  for (const owner of builtinOwners()) {
    for (const key of Reflect.ownKeys(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, key);
      if (descriptor && descriptor.configurable) snapshot.push({ owner, key, descriptor });
    }
  }
  return snapshot;
}

function same(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  return !!b && Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;
}

/** Puts back every built-in property the snapshot holds that has been replaced since. */
export function restoreBuiltins(snapshot: Snapshot): number {
  let restored = 0;
  for (const { owner, key, descriptor } of snapshot) {
    const now = Object.getOwnPropertyDescriptor(owner, key);
    if (same(descriptor, now)) continue;
    try {
      Object.defineProperty(owner, key, descriptor);
      restored++;
    } catch {
      /* a property made non-configurable since: left as it is */
    }
  }
  return restored;
}
