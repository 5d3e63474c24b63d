// The report's charts as SVG, drawn here rather than by a charting library: a horizontal bar per
// group, its length the group's overturn rate; a group of fewer than five decided items gets its
// counts in words instead (model.ts tooFewToJudge). Colours come from classes (`bar`, `track`, `label`)
// that the page's stylesheet sets, so that the same SVG takes fixed colours in the command line's
// HTML and the theme's in the editor, and needs no inline style (the webview's policy forbids it).

import { tooFewToJudge } from './model';
import type { GroupRow } from './model';
import { counted, escapeHtml, percent } from './text';

/** Groups drawn at most; the table under the chart lists them all. */
export const CHART_GROUPS = 12;

const WIDTH = 560;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 120;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
const LABEL_CHARS = 30;

function shortLabel(label: string): string {
  return label.length <= LABEL_CHARS ? label : label.slice(0, LABEL_CHARS - 1) + '\u2026';
}

/** `1 overturned, 2 upheld: too few to judge` (`none decided` when no item is). */
export function fewText(g: GroupRow): string {
  const decided = g.upheld + g.overturned;
  if (decided === 0) return `${counted(g.items, 'item')}, none decided`;
  return `${g.overturned} overturned, ${g.upheld} upheld: too few to judge`;
}

/** A bar chart of the overturn rate of each group (the first CHART_GROUPS), one row per group. */
export function rateChart(title: string, groups: readonly GroupRow[]): string {
  const shown = groups.slice(0, CHART_GROUPS);
  const height = Math.max(1, shown.length) * ROW_HEIGHT + 8;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const rows = shown.map((g, i) => {
    const y = 4 + i * ROW_HEIGHT;
    const mid = y + ROW_HEIGHT / 2;
    const label = `<text class="label" x="${LABEL_WIDTH - 8}" y="${mid}" text-anchor="end" dominant-baseline="middle">${escapeHtml(shortLabel(g.key))}</text>`;
    const tooltip = `<title>${escapeHtml(`${g.key}: ${g.overturned} overturned, ${g.upheld} upheld, ${counted(g.items, 'item')}`)}</title>`;
    // A group of a few items gets its counts in words, not a bar that would read like a rate.
    if (tooFewToJudge(g))
      return `<g class="few">${tooltip}${label}<text class="value" x="${LABEL_WIDTH}" y="${mid}" dominant-baseline="middle">${escapeHtml(fewText(g))}</text></g>`;
    const rate = g.overturnRate ?? 0;
    const length = Math.max(rate > 0 ? 2 : 0, rate * barSpace);
    const value = `${percent(rate)} of ${g.upheld + g.overturned}`;
    return (
      `<g>${tooltip}${label}` +
      `<rect class="track" x="${LABEL_WIDTH}" y="${mid - BAR_HEIGHT / 2}" width="${barSpace}" height="${BAR_HEIGHT}" rx="2"/>` +
      `<rect class="bar" x="${LABEL_WIDTH}" y="${mid - BAR_HEIGHT / 2}" width="${length.toFixed(1)}" height="${BAR_HEIGHT}" rx="2"/>` +
      `<text class="value" x="${LABEL_WIDTH + barSpace + 8}" y="${mid}" dominant-baseline="middle">${escapeHtml(value)}</text></g>`
    );
  });
  const empty =
    shown.length === 0 ? `<text class="value" x="${LABEL_WIDTH}" y="${ROW_HEIGHT / 2}">No items</text>` : '';
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" ` +
    `aria-label="${escapeHtml(`Overturn rate by ${title}`)}">${rows.join('')}${empty}</svg>`
  );
}
