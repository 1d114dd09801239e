/**
 * HTML: the same report as the Markdown summary (story.ts), as
 * one self-contained page for people who would rather look than read. A grid
 * of the statements coloured by score, a bar per statement of strengths
 * against shortfalls, then every section. No script, no network: the styles
 * are inline and a Content Security Policy forbids everything else, and all
 * evidence text is escaped (htmlText).
 */
import { plural } from '../base/plural.js';
import { changesOf } from './baseline.js';
import type { Block, Detail, GlanceTile, Inline, ListItem } from './document.js';
import { inlineText } from './document.js';
import { htmlText } from './escape.js';
import { fitSummary, reportBlocks } from './markdown.js';
import { SUMMARY } from './story.js';
import type { Formatter } from './types.js';

const STYLE = `
:root{--s1:#f4c7c3;--s2:#fce8b2;--s3:#c8e6c9;--s4:#8fd19e;--s0:#e8eaed;--ink:#1f2328;--muted:#57606a;--good:#2e7d32;--bad:#c62828}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:0 0 1rem}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
h3{font-size:1.2rem;margin:2rem 0 .4rem}
h4{font-size:1.05rem;margin:1.2rem 0 .3rem}
h5{font-size:.95rem;margin:1rem 0 .2rem;color:var(--muted)}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:.05em .3em;border-radius:4px;overflow-wrap:anywhere}
ul{padding-left:1.3rem}
li{margin:.2rem 0}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
.grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem}
.tile{margin:0;border-radius:8px;border:1px solid rgba(0,0,0,.12)}
.tile a,.tile div{display:block;padding:.6rem .7rem;color:inherit;text-decoration:none;height:100%}
.tile .score{font-size:1.6rem;font-weight:700;line-height:1}
.tile .title{display:block;font-weight:600;margin:.2rem 0}
.tile .label,.tile .conf,.tile .group{display:block;font-size:.8rem;color:#3d444d}
.s1{background:var(--s1)}.s2{background:var(--s2)}.s3{background:var(--s3)}.s4{background:var(--s4)}.s0{background:var(--s0)}
.bar{display:flex;height:.9rem;max-width:24rem;border-radius:4px;overflow:hidden;background:var(--s0);margin:.2rem 0}
.bar .good{background:var(--good)}.bar .bad{background:var(--bad)}
.bar-legend{font-size:.85rem;color:var(--muted);margin:0 0 .6rem}
@media print{.tile a{padding:.3rem}main{max-width:none}}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function inline(text: readonly Inline[]): string {
  return text
    .map((part) =>
      typeof part === 'string'
        ? htmlText(part)
        : 'code' in part
          ? `<code>${htmlText(part.code)}</code>`
          : `<strong>${inline(part.strong)}</strong>`,
    )
    .join('');
}

function list(items: readonly ListItem[]): string {
  return `<ul>${items
    .map((item) => `<li>${inline(item.text)}${item.children ? list(item.children) : ''}</li>`)
    .join('')}</ul>`;
}

function tile(t: GlanceTile): string {
  const cls = `tile s${t.score ?? 0}`;
  const body =
    `<span class="score">${t.score ?? '–'}</span><span class="title">${htmlText(t.title)}</span>` +
    `<span class="label">${htmlText(t.label)}</span><span class="group">${htmlText(t.group)}</span>` +
    (t.confidence ? `<span class="conf">Confidence: ${htmlText(t.confidence)}</span>` : '');
  const target = t.score === null ? '#without-evidence' : `#statement-${t.id}`;
  return `<li class="${cls}" data-statement="${htmlText(t.id)}" data-score="${t.score ?? ''}"><a href="${htmlText(target)}">${body}</a></li>`;
}

function bar(strengths: number, shortfalls: number): string {
  const total = strengths + shortfalls;
  const width = (n: number): string => (total === 0 ? '0' : ((n / total) * 100).toFixed(1));
  const words = `${plural(strengths, 'strength')}, ${plural(shortfalls, 'shortfall')}`;
  return (
    `<div class="bar" role="img" aria-label="${words}">` +
    `<span class="good" style="width:${width(strengths)}%"></span>` +
    `<span class="bad" style="width:${width(shortfalls)}%"></span></div>` +
    `<p class="bar-legend">${words}</p>`
  );
}

function render(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}${block.id ? ` id="${htmlText(block.id)}"` : ''}>${htmlText(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'list':
      return block.items.length > 0 ? list(block.items) : '';
    case 'table':
      return `<table><thead><tr>${block.head.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((r) => `<tr>${r.map((c) => `<td>${htmlText(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'glance':
      return `<ul class="grid" aria-label="Every statement, coloured by score">${block.tiles.map(tile).join('')}</ul>`;
    case 'bar':
      return bar(block.strengths, block.shortfalls);
  }
}

export const html: Formatter = (result, options) => {
  // The same detail as the Markdown summary, so the two say the same.
  const change = changesOf(result, options);
  const detail = fitSummary(result, change).detail ?? SUMMARY[SUMMARY.length - 1];
  const blocks = reportBlocks(result, detail as Detail, change);
  const first = blocks[0];
  const title = first && first.kind === 'heading' ? first.text : 'cqc-score report';
  const body = blocks
    .map(render)
    .filter((t) => t !== '')
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(inlineText([title]))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
