// When a document's diagnostics are computed after it changes: at once for an open or a first
// edit, so that problems show while the user looks; after typing pauses for the edits of a burst,
// so that the burst costs one parse and not one a keystroke. Larger documents wait longer.

/** Past this many characters a document is an export of many letters: slower debounce, memory given back. */
export const LARGE_DOCUMENT = 1_000_000;

/** How long typing must pause before a document of `length` characters is checked. */
export function settleDelay(length: number): number {
  return length > LARGE_DOCUMENT ? 120 : length > 100_000 ? 60 : 20;
}

/**
 * How long the first edit after a pause waits in a large document: long enough for the rest of a
 * burst already on its way (a paste of many changes, a replay, edits sent back to back) to come in,
 * so that the burst costs one parse and not two; short beside that parse (docs/performance.md,
 * "Language server").
 */
export const FIRST_EDIT_DELAY_LARGE = 20;

/**
 * The wait before checking a document of `length` characters that has just changed;
 * `sinceLastChange` is the time since its change before (undefined for an open).
 */
export function diagnosticsDelay(length: number, sinceLastChange: number | undefined): number {
  if (sinceLastChange === undefined) return 0;
  const settle = settleDelay(length);
  if (sinceLastChange <= settle) return settle;
  return length > LARGE_DOCUMENT ? FIRST_EDIT_DELAY_LARGE : 0;
}
