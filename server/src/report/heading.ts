// What a report says under its title: what it was made of (a folder relative to where it ran, or
// the files) and when. Its own module so that every renderer writes it alike.

export interface ReportHeading {
  /** A folder (`letters/2016`) or the files and patterns the report read, as the user named them. */
  of: readonly string[];
  /** Whether `of` is one folder (then the table's paths are relative to it). */
  folder: boolean;
  /** When the report was made. */
  made: Date;
}

/** Names listed in the heading at most; the rest are counted. */
const NAMES_SHOWN = 3;

/** `2026-12-07 12:10 UTC`: the same on every machine, whatever its time zone. */
export function madeAt(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** `Letters in letters/2016, made 2026-12-07 12:10 UTC` (plain text: each renderer escapes it). */
export function headingText(h: ReportHeading): string {
  const names = h.of.slice(0, NAMES_SHOWN).join(', ');
  const more = h.of.length > NAMES_SHOWN ? ` and ${h.of.length - NAMES_SHOWN} more` : '';
  const what = h.folder ? `Letters in ${names}` : `Letters of ${names}${more}`;
  return `${what}, made ${madeAt(h.made)}`;
}
