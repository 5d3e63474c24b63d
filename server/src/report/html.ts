// The report as one self-contained HTML page: inline stylesheet, inline SVG charts (charts.ts) and
// a small inline script that sorts and filters the item table. Nothing remote, so that it opens
// offline in any browser; the editor's webview renders the same page in the theme's colours, under
// a content security policy that allows only the stylesheet and script carrying its nonce.

import { daysLeftText } from '../engine/appeal';
import { APPEAL_RULE, appealsSummary, type ReportAppeals } from './appeals';
import { rateChart } from './charts';
import { dwcTablesHtml } from './dwcTables';
import { headingText, ReportHeading } from './heading';
import { categoryLabel, GROUPINGS, holdsSeveralLetters, MIN_DECIDED_FOR_RATE, tooFewToJudge } from './model';
import type { DecisionsReport, GroupRow, OutcomeCounts, ReportRow } from './model';
import { filterText, hasNotes, notesLabel, type FilterChoices } from './notesFilter';
import { authorizationNote } from './rows';
import { counted, escapeHtml, percent } from './text';

export interface HtmlOptions {
  title?: string;
  /** What the report was made of, and when: the line under the title. */
  heading?: ReportHeading;
  /** The editor's webview: theme colours, rows that open their letter, this policy and nonce. */
  webview?: { nonce: string; cspSource: string };
  /** Rows of the item table at most (a webview of 100,000 rows is slow to scroll); all when unset. */
  maxRows?: number;
  /** The webview's status and tag pickers: what they offer and what is picked (empty: All). */
  pickers?: { choices: FilterChoices; status?: string; tag?: string };
}

/** Colours of the page that opens in a browser: light, or dark where the system asks for it. */
const STANDALONE_COLOURS = `:root{--fg:#1f2328;--muted:#59636e;--bg:#ffffff;--panel:#f6f8fa;--border:#d1d9e0;--track:#e6eaef;--bar:#c2410c;--accent:#1f3a5f;--font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--border:#3d444d;--track:#262c36;--bar:#f0883e;--accent:#79c0ff}}`;

/** The theme's colours in the editor. */
const WEBVIEW_COLOURS = `:root{--fg:var(--vscode-foreground);--muted:var(--vscode-descriptionForeground);--bg:var(--vscode-editor-background);--panel:var(--vscode-editorWidget-background);--border:var(--vscode-panel-border,var(--vscode-widget-border,#8884));--track:var(--vscode-editorWidget-border,#8883);--bar:var(--vscode-charts-orange);--accent:var(--vscode-textLink-foreground);--font:var(--vscode-font-family);--input-bg:var(--vscode-input-background);--input-fg:var(--vscode-input-foreground);--input-border:var(--vscode-input-border,transparent);--select-bg:var(--vscode-dropdown-background);--select-fg:var(--vscode-dropdown-foreground);--select-border:var(--vscode-dropdown-border);--focus:var(--vscode-focusBorder)}`;

const STYLE = `body{margin:0;padding:20px 28px;background:var(--bg);color:var(--fg);font:13px/1.45 var(--font)}
h1{font-size:20px;margin:0 0 4px}.made{margin:0 0 4px}h2{font-size:15px;margin:0 0 8px}.muted{color:var(--muted)}
.totals{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0 20px}.total{background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:8px 14px;min-width:90px}
.total b{display:block;font-size:20px}.total span{color:var(--muted)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:18px;margin-bottom:22px}
section{background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:12px 14px;overflow-x:auto}
.chart .label,.chart .value{fill:var(--fg);font:12px var(--font)}.chart .value{fill:var(--muted)}.chart .track{fill:var(--track)}.chart .bar{fill:var(--bar)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid var(--border);vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.groups{margin-top:4px}summary{cursor:pointer;color:var(--muted);margin-top:6px}.groups td,.groups th{padding:2px 8px}
#items thead th{cursor:pointer;user-select:none;position:sticky;top:0;background:var(--panel)}
#items th[aria-sort=ascending]::after{content:" \\25B2"}#items th[aria-sort=descending]::after{content:" \\25BC"}
#items td:last-child{white-space:nowrap}#items tbody tr[data-uri],#appeals tbody tr[data-uri]{cursor:pointer}#items tbody tr:hover,#appeals tbody tr:hover{background:var(--track)}
.appeal-windows{margin-bottom:22px}.appeal-windows table{width:auto;margin:6px 0}.appeal-windows .muted{margin-top:4px}
.Overturned{color:var(--bar);font-weight:600}
.tools{display:flex;gap:10px;align-items:center;margin:8px 0}
input,select{background:var(--bg);color:var(--fg);border:1px solid var(--border);border-radius:3px;padding:3px 6px;font:inherit}
input{width:320px;background:var(--input-bg,var(--bg));color:var(--input-fg,var(--fg));border-color:var(--input-border,var(--border))}
select{background:var(--select-bg,var(--bg));color:var(--select-fg,var(--fg));border-color:var(--select-border,var(--border));border-radius:2px;padding:2px 4px}
input:focus,select:focus{outline:1px solid var(--focus,var(--accent));outline-offset:-1px}
.filters{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin:10px 0 2px}.filters label{display:flex;gap:6px;align-items:center}
.filtered{font-weight:600;margin:6px 0 0}.filters .filtered{margin:0}`;

/** Sorts on a header click, filters by words and outcome, and in the editor opens a row's letter. */
const SCRIPT = `(function(){
var table=document.getElementById('items');if(!table)return;
var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows),heads=table.tHead.rows[0].cells;
var text=new Map(rows.map(function(r){return [r,r.textContent.toLowerCase()]}));
var input=document.getElementById('filter'),outcome=document.getElementById('outcome'),shown=document.getElementById('shown');
function apply(){var words=input.value.toLowerCase().split(/\\s+/).filter(Boolean),o=outcome.value,n=0;
rows.forEach(function(r){var t=text.get(r),ok=(!o||r.dataset.outcome===o)&&words.every(function(w){return t.indexOf(w)>=0});r.hidden=!ok;if(ok)n++});
shown.textContent=String(n)}
input.addEventListener('input',apply);outcome.addEventListener('change',apply);
Array.prototype.forEach.call(heads,function(th,col){th.addEventListener('click',function(){
var dir=th.getAttribute('aria-sort')==='ascending'?-1:1,num=th.classList.contains('n');
Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',dir>0?'ascending':'descending');
function key(r){var c=r.cells[col],v=c.getAttribute('data-sort')||c.textContent;return num?Number(v):v.toLowerCase()}
rows.sort(function(a,b){var x=key(a),y=key(b);return (x<y?-1:x>y?1:0)*dir});
rows.forEach(function(r){body.appendChild(r)})})});
if(typeof acquireVsCodeApi==='function'){var vscode=acquireVsCodeApi(),state=vscode.getState();
var status=document.getElementById('status-filter'),tag=document.getElementById('tag-filter');
if(state){input.value=state.filter||'';outcome.value=state.outcome||'';apply()}
function keep(){vscode.setState({filter:input.value,outcome:outcome.value,status:status?status.value:'',tag:tag?tag.value:''})}
input.addEventListener('input',keep);outcome.addEventListener('change',keep);keep();
function pick(){vscode.postMessage({type:'filter',status:status.value,tag:tag.value})}
if(status&&tag){status.addEventListener('change',pick);tag.addEventListener('change',pick)}
function open(r){if(r&&r.dataset.uri)vscode.postMessage({type:'open',uri:r.dataset.uri,line:Number(r.dataset.line),character:Number(r.dataset.character)})}
[body,document.querySelector('#appeals tbody')].forEach(function(b){if(!b)return;
b.addEventListener('click',function(e){open(e.target.closest('tr'))});
b.addEventListener('keydown',function(e){if(e.key==='Enter')open(e.target.closest('tr'))})})}
})();`;

function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** A group's overturn rate as a table shows it: `too few` under five decided items. */
function rateCell(g: OutcomeCounts): string {
  return tooFewToJudge(g) && g.upheld + g.overturned > 0 ? 'too few' : percent(g.overturnRate);
}

/** `7 letters` as a totals box shows it: the number big, the word beneath. */
function countBox(n: number, word: string): [string, string] {
  return [num(n), counted(n, word).replace(/^[\d,]+ /, '')];
}

function totalsHtml(t: OutcomeCounts & { letters: number }): string {
  const cells: Array<[string, string]> = [
    countBox(t.letters, 'letter'),
    countBox(t.items, 'item'),
    [num(t.upheld), 'upheld'],
    [num(t.overturned), 'overturned'],
    [rateCell(t), 'overturn rate'],
  ];
  if (t.unknown + t.missing > 0) cells.push([num(t.unknown + t.missing), 'outcome unclear']);
  return `<div class="totals">${cells.map(([v, l]) => `<div class="total"><b>${v}</b><span>${l}</span></div>`).join('')}</div>`;
}

function groupTable(column: string, groups: readonly GroupRow[]): string {
  const rows = groups
    .map(
      (g) =>
        `<tr><td>${escapeHtml(g.key)}</td><td class="n">${num(g.items)}</td><td class="n">${num(g.upheld)}</td>` +
        `<td class="n">${num(g.overturned)}</td><td class="n">${rateCell(g)}</td></tr>`,
    )
    .join('');
  return (
    `<details><summary>${counted(groups.length, 'group')}: counts</summary><table class="groups"><thead><tr><th>${column}</th><th class="n">Items</th><th class="n">Upheld</th>` +
    `<th class="n">Overturned</th><th class="n">Overturn rate</th></tr></thead><tbody>${rows}</tbody></table></details>`
  );
}

const ITEM_COLUMNS = [
  ['File', ''],
  ['Case', ''],
  ['Item', ''],
  ['Category', ''],
  ['Outcome', ''],
  ['Sources', ''],
  ['Specialty', ''],
  ['Decided', ''],
] as const;

/** The status and tags cell: the user's words, escaped (a notes file may come from anyone). */
/** A table row's attributes that open its letter at a 1-based line in the editor; none outside it. */
function rowLink(r: { uri?: string; line: number; character?: number }, linked: boolean): string {
  return linked && r.uri
    ? ` data-uri="${escapeHtml(r.uri)}" data-line="${r.line - 1}" data-character="${r.character ?? 0}" tabindex="0"`
    : '';
}

/** The letters still open to appeal, soonest first; in the editor a row opens its letter. */
function appealsHtml(a: ReportAppeals, linked: boolean): string {
  const rows = a.open.map((r) => {
    const where = rowLink(r, linked);
    return `<tr${where}><td>${escapeHtml(r.caseNumber ?? '')}</td><td>${escapeHtml(r.file)}:${r.line}</td><td>${r.appealBy}</td><td>${daysLeftText(r.daysLeft)}</td></tr>`;
  });
  const table =
    rows.length === 0
      ? ''
      : `<table id="appeals"><thead><tr><th>Case</th><th>File</th><th>Appeal by</th><th>Days left</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  return `<section class="appeal-windows"><h2>Appeal windows</h2><div>${escapeHtml(appealsSummary(a))}</div>${table}<div class="muted">${escapeHtml(`${APPEAL_RULE} ${a.caveat}`)}</div></section>\n`;
}

function notesCell(r: ReportRow): string {
  return `<td>${escapeHtml(notesLabel(r))}</td>`;
}

/** An item's row; `letterColumn` when some file holds several letters, `notesColumn` when some item has a status or tags. */
function itemRow(r: ReportRow, index: number, linked: boolean, letterColumn: boolean, notesColumn: boolean): string {
  const where = rowLink(r, linked);
  const category = categoryLabel(r);
  const note = authorizationNote(r);
  const cells = [
    // Sorted as the model orders the rows (file, letter, line): the row's place is its key.
    `<td data-sort="${String(index).padStart(9, '0')}">${escapeHtml(r.file)}:${r.line}</td>`,
    ...(letterColumn ? [`<td class="n">${r.letter}</td>`] : []),
    `<td>${escapeHtml(r.caseNumber ?? '')}</td>`,
    `<td>${escapeHtml(r.item)}${note ? `<br><small>${escapeHtml(note)}</small>` : ''}</td>`,
    `<td>${escapeHtml(category)}</td>`,
    `<td class="${r.outcome}">${r.outcome}</td>`,
    ...(notesColumn ? [notesCell(r)] : []),
    `<td>${escapeHtml(r.sources.join(', '))}</td>`,
    `<td>${escapeHtml(r.specialties.join('; '))}</td>`,
    `<td>${r.decisionDate ?? ''}</td>`,
  ];
  return `<tr data-outcome="${r.outcome}"${where}>${cells.join('')}</tr>`;
}

/** A picker's options: All, then each choice; the picked value selected (added when not offered). */
function pickerOptions(choices: readonly string[], picked: string | undefined, label: (v: string) => string): string {
  const same = (v: string) => picked !== undefined && v.trim().toLowerCase() === picked.trim().toLowerCase();
  const values = picked && !choices.some(same) ? [...choices, picked] : choices;
  const chosen = values.find(same);
  return [
    `<option value=""${chosen === undefined ? ' selected' : ''}>All</option>`,
    ...values.map(
      (v) => `<option value="${escapeHtml(v)}"${v === chosen ? ' selected' : ''}>${escapeHtml(label(v))}</option>`,
    ),
  ].join('');
}

/** What the report is kept to (every output says it), and in the editor the pickers that choose it. */
function filterBar(report: DecisionsReport, options: HtmlOptions): string {
  const said = report.filter ? escapeHtml(filterText(report.filter, report.totals.items)) : undefined;
  const p = options.webview ? options.pickers : undefined;
  if (!p) return said ? `<div class="filtered">${said}</div>\n` : '';
  return (
    `<div class="filters" role="group" aria-label="Filter by the notes">` +
    `<label>Status <select id="status-filter">${pickerOptions(p.choices.statuses, p.status, (s) => s)}</select></label>` +
    `<label>Tag <select id="tag-filter">${pickerOptions(p.choices.tags, p.tag?.replace(/^#+/, ''), (t) => `#${t}`)}</select></label>` +
    (said ? `<span class="filtered">${said}</span>` : `<span class="muted">No filter: every item</span>`) +
    `</div>\n`
  );
}

export function renderHtml(report: DecisionsReport, options: HtmlOptions = {}): string {
  const title = options.title ?? 'IMR decisions report';
  const web = options.webview;
  const nonce = web ? ` nonce="${escapeHtml(web.nonce)}"` : '';
  const policy = web
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${escapeHtml(web.cspSource)} data:; style-src 'nonce-${escapeHtml(web.nonce)}'; script-src 'nonce-${escapeHtml(web.nonce)}';">`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline';">`;
  const items = options.maxRows === undefined ? report.items : report.items.slice(0, options.maxRows);
  const cut =
    items.length < report.totals.items
      ? ` <span class="muted">(the first ${num(items.length)} of ${num(report.totals.items)}; the command-line report lists them all)</span>`
      : '';
  const charts = GROUPINGS.map(
    (g) =>
      `<section><h2>Overturn rate by ${g.title}</h2>${rateChart(g.title, report[g.key])}${groupTable(g.column, report[g.key])}</section>`,
  ).join('');
  const letterColumn = holdsSeveralLetters(report.items);
  const notesColumn = hasNotes(report.items);
  const columns: ReadonlyArray<readonly [string, string]> = [
    ITEM_COLUMNS[0],
    ...(letterColumn ? [['Letter', 'n'] as const] : []),
    ...ITEM_COLUMNS.slice(1, 5),
    ...(notesColumn ? [['Status \u00b7 tags', ''] as const] : []),
    ...ITEM_COLUMNS.slice(5),
  ];
  const head = columns.map(([label, cls]) => `<th${cls ? ` class="${cls}"` : ''}>${label}</th>`).join('');
  const heading = options.heading ? `<div class="made">${escapeHtml(headingText(options.heading))}</div>\n` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${policy}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style${nonce}>${web ? WEBVIEW_COLOURS : STANDALONE_COLOURS}
${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${heading}${filterBar(report, options)}<div class="muted">Overturn rate: overturned items of the items decided (upheld or overturned); groups of fewer than ${MIN_DECIDED_FOR_RATE} decided items are too few to judge.</div>
${totalsHtml(report.totals)}
${report.appeals ? appealsHtml(report.appeals, web !== undefined) : ''}<div class="charts">${charts}</div>
<div class="charts">${dwcTablesHtml(report)}</div>
<section><h2>Disputed items${cut}</h2>
<div class="tools"><input id="filter" type="search" placeholder="Filter: words in any column" aria-label="Filter items">
<select id="outcome" aria-label="Outcome"><option value="">Every outcome</option><option>Upheld</option><option>Overturned</option><option value="unknown">Outcome unclear</option><option value="missing">Outcome missing</option></select>
<span class="muted"><span id="shown">${items.length}</span> shown</span></div>
<table id="items"><thead><tr>${head}</tr></thead><tbody>
${items.map((r, i) => itemRow(r, i, web !== undefined, letterColumn, notesColumn)).join('\n')}
</tbody></table></section>
<script${nonce}>${SCRIPT}</script>
</body></html>
`;
}
