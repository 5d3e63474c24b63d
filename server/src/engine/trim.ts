// Trimming the ends of a string the parser has sliced, in ways String.prototype.trim does not.

/**
 * `s` without the trailing characters `drop` accepts. A loop on purpose: V8 runs a pattern such as
 * /[.\s]+$/ or /\s*:$/ from every character of a long run that does not reach the end, which is
 * quadratic on a long run of spaces (found by the fuzzer).
 */
export function trimEndWhere(s: string, drop: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` trimmed, then without one trailing colon and the white space before it; `s` itself when `required` and there is no colon. */
export function withoutTrailingColon(s: string, required: boolean): string {
  const t = s.trimEnd();
  if (t.endsWith(':')) return t.slice(0, -1).trimEnd();
  return required ? s : t;
}
