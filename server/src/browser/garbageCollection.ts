// collectSoon in a Worker: the browser collects garbage on its own and offers no way to ask for a
// collection (server/src/node/garbageCollection.ts says why Node needs one); the call does nothing here.

export function collectSoon(_delayMs = 1000, _options: { release?: boolean } = {}): void {}
