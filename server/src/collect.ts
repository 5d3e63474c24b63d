// Giving memory back once work on a large document pauses.
//
// V8 collects garbage only when the program allocates, and lets the heap grow well past what is
// live before a full collection. A language server is idle once a 10 MB letter export is closed,
// or between bursts of typing in one (each version's model is garbage once the next is built), so
// that memory would stay resident until the next burst of work: 300-600 MB after a few dozen edits
// to a 10 MB file. Closing a large document, or a pause after editing one, therefore asks for one
// full collection; a new request for one postpones it, so it runs only when the server is idle.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collect = exposed);
  try {
    // Node's documented way to reach gc() without starting node with --expose-gc: the flag set at
    // run time gives the next new context a gc function.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

export function collectSoon(delayMs = 1000): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    collector()?.();
  }, delayMs);
  timer.unref?.();
}
