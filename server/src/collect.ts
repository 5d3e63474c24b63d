// Giving memory back after a large document closes.
//
// V8 collects garbage only when the program allocates. A language server is idle once a 10 MB
// letter export is closed, so the export's text and model would stay resident until the next burst
// of work. Closing a large document therefore asks for one full collection a moment later (closing
// several documents at once costs one collection).

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
  if (timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    collector()?.();
  }, delayMs);
  timer.unref?.();
}
