// The report's tables that read like the DWC's annual IMR report: each Request Category's share of
// the items with its overturn rate and median days to decision, the days to decision by priority,
// and the most disputed drugs with their outcomes. In HTML (sections beside the charts) and
// Markdown, from the one model; letter text (a drug's name) escaped in both.

import type { DecisionsReport, DrugGroupRow, TimedGroupRow } from './model';
import { escapeHtml, markdownCell, percent } from './text';

function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** A median number of days: whole, or to one decimal when it falls between two. */
export function days(n: number | null): string {
  return n === null ? '\u2013' : Number.isInteger(n) ? num(n) : n.toFixed(1);
}

interface Table {
  title: string;
  /** What the table counts, in a sentence. */
  note: string;
  /** Headers; a header starting with `#` is a number (right-aligned), shown without the `#`. */
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string>>;
}

/** Items, overturns and the median days of a timed grouping; the share of all items where given. */
function timedTable(
  title: string,
  note: string,
  column: string,
  groups: ReadonlyArray<TimedGroupRow & { share?: number }>,
): Table {
  const shares = groups.some((g) => g.share !== undefined);
  return {
    title,
    note,
    columns: [
      column,
      '#Items',
      ...(shares ? ['#Share'] : []),
      '#Overturned',
      '#Overturn rate',
      '#Letters',
      '#Median days',
    ],
    rows: groups.map((g) => [
      g.key,
      num(g.items),
      ...(shares ? [percent(g.share ?? 0)] : []),
      num(g.overturned),
      percent(g.overturnRate),
      num(g.letters),
      days(g.medianDays),
    ]),
  };
}

function drugTable(drugs: readonly DrugGroupRow[]): Table {
  return {
    title: 'Top drugs',
    note: 'The drugs with the most disputed items, as the items name them.',
    columns: ['Drug', 'Drug class', '#Items', '#Upheld', '#Overturned', '#Overturn rate'],
    rows: drugs.map((d) => [
      d.key,
      d.drugClass ?? '',
      num(d.items),
      num(d.upheld),
      num(d.overturned),
      percent(d.overturnRate),
    ]),
  };
}

function tables(report: DecisionsReport): Table[] {
  return [
    timedTable(
      'Items and days to decision by request category',
      "Share: the category's items of all items. Days to decision: from the application's receipt (or the date assigned) to the decision, the median of the letters with items in the category.",
      'Category',
      report.byCategory,
    ),
    timedTable(
      'Days to decision by priority',
      'Each letter once: the median of the days from receipt (or assignment) to decision.',
      'Priority',
      report.byPriority,
    ),
    drugTable(report.topDrugs),
  ];
}

const isNumber = (column: string): boolean => column.startsWith('#');
const label = (column: string): string => (isNumber(column) ? column.slice(1) : column);

/** The tables as `<section>`s for the HTML page. */
export function dwcTablesHtml(report: DecisionsReport): string {
  return tables(report)
    .map((t) => {
      const cls = (c: string) => (isNumber(c) ? ' class="n"' : '');
      const head = t.columns.map((c) => `<th${cls(c)}>${escapeHtml(label(c))}</th>`).join('');
      const body =
        t.rows.length === 0
          ? `<tr><td colspan="${t.columns.length}" class="muted">None</td></tr>`
          : t.rows
              .map((r) => `<tr>${r.map((v, i) => `<td${cls(t.columns[i])}>${escapeHtml(v)}</td>`).join('')}</tr>`)
              .join('');
      return (
        `<section class="dwc"><h2>${escapeHtml(t.title)}</h2><div class="muted">${escapeHtml(t.note)}</div>` +
        `<table class="groups"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`
      );
    })
    .join('');
}

/** The tables as Markdown sections. */
export function dwcTablesMarkdown(report: DecisionsReport): string {
  return tables(report)
    .map((t) =>
      [
        `## ${t.title}`,
        '',
        t.note,
        '',
        `| ${t.columns.map(label).join(' | ')} |`,
        `| ${t.columns.map((c) => (isNumber(c) ? '---:' : '---')).join(' | ')} |`,
        ...t.rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`),
        '',
      ].join('\n'),
    )
    .join('\n');
}
