/**
 * What a report says, in order, as a document tree (document.ts): an honest
 * headline, the statements at a glance, then one section per assessed
 * statement laid out like a CQC statement page (score, what the statement
 * expects, key findings by topic with what the evidence says, people's
 * experience beside the processes, gaps, what would lift the score), the
 * statements without evidence in one list, and the problems in the files.
 */
import { loadFramework } from '../frameworks/catalogue.js';
import type { ScoreResult, StatementResult } from '../model/index.js';
import { RATING_LABELS, SCORE_LABELS } from '../score/arithmetic.js';
import type { Block, Detail, GlanceTile, Inline } from './document.js';
import { shownRef } from './quotes.js';
import { statementSection } from './story-statement.js';

export type { Detail } from './document.js';
import { plural } from '../base/plural.js';
import { DISCLAIMER, frameworkTitle, ratingLabel, statementsInOrder } from './words.js';

export const FULL: Detail = {
  itemsPerFinding: Infinity,
  findingsPerStatement: Infinity,
  quoteWords: undefined,
  voices: Infinity,
  problems: Infinity,
};

/** Summary detail, from the most to the least; the first that fits the size limit is used. */
export const SUMMARY: readonly Detail[] = [
  { itemsPerFinding: 3, findingsPerStatement: 12, quoteWords: 30, voices: 3, problems: 50 },
  { itemsPerFinding: 1, findingsPerStatement: 6, quoteWords: 20, voices: 1, problems: 20 },
  { itemsPerFinding: 0, findingsPerStatement: 3, quoteWords: 0, voices: 0, problems: 5 },
];

function ratingWords(rating: Parameters<typeof ratingLabel>[0]): string {
  return ratingLabel(rating).toLowerCase();
}

/** The headline: a rating only when every statement is scored, otherwise how far it could go. */
function headline(result: ScoreResult): Block[] {
  const o = result.overall;
  const blocks: Block[] = [];
  if (o.range) {
    const others = o.of - o.scored;
    const span =
      o.range.lowest === o.range.highest
        ? `the overall rating would be ${ratingWords(o.range.lowest)} whatever they score`
        : `the overall rating could be anything from ${ratingWords(o.range.lowest)} to ${ratingWords(o.range.highest)}`;
    blocks.push({
      kind: 'paragraph',
      text: [
        { strong: [`Provisional: ${o.scored} of ${o.of} statements assessed.`] },
        ` No overall rating yet: once the other ${others} ${others === 1 ? 'is' : 'are'} assessed, ${span}.`,
      ],
    });
  } else if (o.rating) {
    const n = result.excludedItems;
    const leftOut =
      n > 0
        ? `It is provisional until ${n === 1 ? 'the item' : `the ${n} items`} left out because of errors (below) ${n === 1 ? 'is' : 'are'} fixed`
        : undefined;
    blocks.push({
      kind: 'paragraph',
      text: [
        {
          strong: [
            `${leftOut ? 'Provisional' : 'Suggested'} overall rating: ${RATING_LABELS[o.rating]}${o.percent !== null ? ` (${o.percent}%)` : ''}.`,
          ],
        },
        ` Every statement is assessed; ${o.basis}.${leftOut ? ` ${leftOut}.` : ''}`,
      ],
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: [
        { strong: ['Overall rating: professional judgement needed.'] },
        ` Every statement is assessed, but ${o.basis}.`,
      ],
    });
  }
  return blocks;
}

/** Items left out because of errors, named at the top: they can change scores. */
function excludedBlocks(result: ScoreResult, detail: Detail): Block[] {
  if (result.excludedItems === 0) return [];
  const byItem = new Map<string, { ref: string; titles: string[] }>();
  for (const ref of result.excluded ?? []) {
    const key = shownRef(result, ref);
    byItem.set(key, { ref: key, titles: [] });
  }
  for (const s of result.statements) {
    for (const ref of s.excluded) {
      const key = shownRef(result, ref);
      const entry = byItem.get(key) ?? { ref: key, titles: [] };
      entry.titles.push(s.title);
      byItem.set(key, entry);
    }
  }
  const entries = [...byItem.values()];
  const shown = entries.slice(0, detail.problems);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: [
        {
          strong: [
            `${plural(result.excludedItems, 'item')} left out because of errors, so not in any score.`,
          ],
        },
        ' Fix them and run again: the scores of the statements they name may change.',
      ],
    },
    {
      kind: 'list',
      items: shown.map((e) => ({
        text: [
          { code: e.ref },
          e.titles.length > 0
            ? ` names ${e.titles.join(', ')}`
            : ' names no statement that can be told',
        ],
      })),
    },
  ];
  if (entries.length > shown.length)
    blocks.push({
      kind: 'paragraph',
      text: [
        `And ${entries.length - shown.length} more, listed in the full report (--format markdown-full).`,
      ],
    });
  return blocks;
}

/** Confidence across the assessed statements, in words. */
function confidenceLine(assessed: readonly StatementResult[]): Block[] {
  if (assessed.length === 0) return [];
  const levels = { high: 0, medium: 0, low: 0 };
  for (const s of assessed) if (s.confidence) levels[s.confidence.level]++;
  const inferred = assessed.filter((s) =>
    /^(every|most) judgements? inferred/.test(s.confidence?.summary ?? ''),
  ).length;
  const text: Inline[] = [
    { strong: ['Confidence.'] },
    ` Of ${plural(assessed.length, 'assessed statement')}: ${levels.high} high, ${levels.medium} medium, ${levels.low} low.`,
  ];
  if (inferred > 0)
    text.push(
      ` In ${inferred === assessed.length ? (inferred === 1 ? 'it' : 'all of them') : `${inferred} of them`} most judgements were inferred from the wording of the evidence, not given by its authors: check them before relying on the score.`,
    );
  return [{ kind: 'paragraph', text }];
}

function glance(result: ScoreResult): Block {
  const groups = new Map(result.groups.map((g) => [g.id, g.title]));
  const tiles: GlanceTile[] = statementsInOrder(result).flatMap(({ statements }) =>
    statements.map((s) => ({
      id: s.id,
      title: s.title,
      group: groups.get(s.group) ?? s.group,
      score: s.score,
      label: s.score === null ? 'Not assessed' : SCORE_LABELS[s.score],
      confidence: s.confidence?.level ?? null,
    })),
  );
  return { kind: 'glance', tiles };
}

function withoutEvidence(result: ScoreResult): Block[] {
  const missing = result.statements.filter((s) => s.score === null);
  if (missing.length === 0) return [];
  const groups = new Map(result.groups.map((g) => [g.id, g.title]));
  return [
    { kind: 'heading', level: 2, text: 'Statements without evidence', id: 'without-evidence' },
    {
      kind: 'paragraph',
      text: [
        `${plural(missing.length, 'statement')} of ${result.statements.length} ${missing.length === 1 ? 'has' : 'have'} no current evidence, so ${missing.length === 1 ? 'it is' : 'they are'} not assessed (never scored 1):`,
      ],
    },
    {
      kind: 'list',
      items: missing.map((s) => ({
        text: [
          `${s.title} (${groups.get(s.group) ?? s.group})`,
          s.excludedItems > 0
            ? `: its ${plural(s.excludedItems, 'item')} left out because of errors`
            : '',
          s.counts.stale > 0 && s.excludedItems === 0
            ? `: ${plural(s.counts.stale, 'stale item')} only`
            : '',
        ].filter((t) => t !== ''),
      })),
    },
  ];
}

function problems(result: ScoreResult, detail: Detail): Block[] {
  if (result.diagnostics.length === 0) return [];
  const shown = result.diagnostics.slice(0, detail.problems);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Problems in the evidence files', id: 'problems' },
    {
      kind: 'list',
      items: shown.map((d) => ({
        text: [
          {
            code: `${shownRef(result, { file: d.file, line: d.line, column: d.column })}:${d.column}`,
          },
          ` ${d.severity} ${d.code}: ${d.message}`,
        ],
      })),
    },
  ];
  if (result.diagnostics.length > shown.length)
    blocks.push({
      kind: 'paragraph',
      text: [
        `And ${result.diagnostics.length - shown.length} more, listed in the full report (--format markdown-full).`,
      ],
    });
  return blocks;
}

function about(result: ScoreResult): Block[] {
  const s = result.summary;
  return [
    { kind: 'heading', level: 2, text: 'About this report', id: 'about' },
    {
      kind: 'paragraph',
      text: [
        `Evidence in ${result.folder === '.' ? 'this folder' : result.folder} as of ${result.asOf}: ${plural(result.items, 'item')} in ${plural(result.files, 'file')}; ${plural(s.errors, 'error')} and ${plural(s.warnings, 'warning')} in the files. Paths are relative to the evidence folder. Scoring ${result.method}, rounding ${result.rounding}; cqc-score ${result.tool.version}.`,
      ],
    },
    {
      kind: 'paragraph',
      text: [
        'Scores: 4, evidence shows an exceptional standard; 3, a good standard; 2, some shortfalls; 1, significant shortfalls. A statement without current evidence is not assessed.',
      ],
    },
    { kind: 'paragraph', text: [{ strong: ['Note.'] }, ` ${DISCLAIMER}`] },
  ];
}

/** The whole report as a document tree. */
export function story(result: ScoreResult, detail: Detail): Block[] {
  const catalogue = loadFramework(result.framework);
  const assessed = result.statements.filter((s) => s.score !== null);
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      text: `Suggested CQC scores: ${frameworkTitle(result.framework)}`,
    },
    ...headline(result),
    ...excludedBlocks(result, detail),
    ...confidenceLine(assessed),
    {
      kind: 'heading',
      level: 2,
      text: 'The statements at a glance',
      id: 'glance',
    },
    glance(result),
  ];
  for (const { group, statements } of statementsInOrder(result)) {
    const scored = statements.filter((s) => s.score !== null);
    if (scored.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: group.title, id: `group-${group.id}` });
    blocks.push({
      kind: 'paragraph',
      text: [
        group.scored === group.statements.length && group.rating
          ? `${ratingLabel(group.rating)} (${group.percent}%): all ${group.statements.length} statements assessed.`
          : `${group.scored} of ${group.statements.length} statements assessed, so no rating for this ${catalogue.groupNoun} yet.`,
      ],
    });
    for (const s of scored)
      blocks.push(...statementSection(result, s, catalogue.byId.get(s.id)?.expects ?? '', detail));
  }
  blocks.push(...withoutEvidence(result), ...problems(result, detail), ...about(result));
  return blocks;
}
