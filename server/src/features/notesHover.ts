// The user's notes, tags and status in a hover. Notes may come from a colleague's file: their text
// is shown literally (escaped), never rendered, so no link, image or HTML in a note does anything.

import type { Note, Status } from '../notes/model';
import { escapeMarkdown, quoteText } from './markdown';

/** Notes shown in full in a hover; the rest are counted (the comment thread shows them all). */
const NOTES_SHOWN = 3;
const NOTE_LENGTH = 300;

export function notesSummary(count: number, tags: readonly string[]): string {
  const parts = count > 0 ? [`${count} ${count === 1 ? 'note' : 'notes'}`] : [];
  return [...parts, ...tags].join(' \u00b7 ');
}

/** The hover's notes part: `**2 notes** · #appeal`, then each note quoted; empty when there is nothing. */
export function notesHover(notes: readonly Note[], tags: readonly string[], status?: Status): string {
  if (notes.length === 0 && tags.length === 0 && !status) return '';
  const head: string[] = [];
  if (status) head.push(`Status: **${escapeMarkdown(status.value)}**`);
  if (notes.length > 0) head.push(`**${notes.length} ${notes.length === 1 ? 'note' : 'notes'}**`);
  if (tags.length > 0) head.push(tags.map((t) => `\\#${escapeMarkdown(t)}`).join(' '));
  const md = [head.join(' \u00b7 ')];
  for (const note of notes.slice(0, NOTES_SHOWN))
    md.push(`> ${quoteText(note.text, NOTE_LENGTH)} *(${escapeMarkdown(note.updated.slice(0, 10))})*`);
  if (notes.length > NOTES_SHOWN) md.push(`and ${notes.length - NOTES_SHOWN} more in the comment thread`);
  return md.join('\n\n');
}
