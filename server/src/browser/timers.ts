// A Worker has no setImmediate, which the index's slices and the export use to let waiting requests
// be answered between two pieces of work; a zero timeout gives the same turn of the event loop.

const scope = globalThis as { setImmediate?: (run: (...args: unknown[]) => void, ...args: unknown[]) => unknown };
scope.setImmediate ??= (run, ...args) => setTimeout(run, 0, ...args);
