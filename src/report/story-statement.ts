/**
 * One assessed statement, laid out like a CQC statement page: the score and
 * its label once, what the statement expects, the key findings under the
 * statement's topics with what the evidence says, people's experience beside
 * the processes, gaps and stale evidence, and what would lift the score.
 */
import type { Finding, ScoreResult, StatementItem, StatementResult } from '../model/index.js';
import { SCORE_LABELS } from '../score/arithmetic.js';
import type { Block, Detail, Inline, ListItem } from './document.js';
import { figures, quotation, shownRef, voice } from './quotes.js';
import { plural } from '../base/plural.js';
import { EFFECT_LABELS, isShortfall } from './words.js';

type Index = Map<string, StatementItem>;
const key = (ref: { file: string; line: number; column: number }): string =>
  `${ref.file}\u0000${ref.line}\u0000${ref.column}`;

/** What one item says: who says it, a quotation, its figures, and its citation. */
function itemLine(
  result: ScoreResult,
  item: StatementItem | undefined,
  ref: StatementItem['ref'],
  detail: Detail,
  finding?: Finding,
): ListItem {
  const where: Inline = { code: shownRef(result, ref) };
  if (!item) return { text: [where] };
  const text: Inline[] = [];
  const quote = detail.quoteWords === 0 ? '' : quotation(item, finding, detail.quoteWords);
  if (quote !== '') text.push(`${voice(item)}: “${quote}”`);
  else text.push(item.title);
  const numbers = figures(item);
  if (numbers !== '') text.push(` Figures: ${numbers}.`);
  if (item.status) text.push(` Status: ${item.status.replace('-', ' ')}.`);
  text.push(` (${item.source ? `${item.source}; ` : ''}`, where, ')');
  return { text };
}

/** "7 strengths and 6 shortfalls among 13 judged items; 2 not judged; 1 stale". */
function countsLine(s: StatementResult): string {
  const strengths = s.counts.exceptional + s.counts.strength;
  const shortfalls = s.counts.shortfall + s.counts['significant-shortfall'];
  const extra = [
    s.counts.unjudged > 0 ? `${s.counts.unjudged} not judged` : '',
    s.counts.stale > 0 ? `${s.counts.stale} stale, left out` : '',
  ].filter((t) => t !== '');
  return `${plural(strengths + shortfalls, 'judged item')}: ${plural(strengths, 'strength')}, ${plural(shortfalls, 'shortfall')}${extra.length > 0 ? ` (and ${extra.join(', ')})` : ''}.`;
}

function findingItem(result: ScoreResult, f: Finding, index: Index, detail: Detail): ListItem {
  const items = f.evidence.slice(0, detail.itemsPerFinding);
  const children = items.map((ref) => itemLine(result, index.get(key(ref)), ref, detail, f));
  const rest = f.evidence.length - items.length;
  if (rest > 0)
    children.push({
      text: [`And ${plural(rest, 'more item')} (the full report lists every one).`],
    });
  const own = f.evidence.length === 1 && index.get(key(f.evidence[0]!))?.title === f.text;
  return {
    text: [{ strong: [`${EFFECT_LABELS[f.effect]}:`] }, ` ${f.text.replace(/[.\s]+$/, '')}.`],
    ...(children.length > 0 && !(own && detail.itemsPerFinding === 0) ? { children } : {}),
  };
}

/** Findings under the statement's topics (the rules' indicators), in rubric order. */
function keyFindings(
  result: ScoreResult,
  s: StatementResult,
  index: Index,
  detail: Detail,
): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 4, text: 'Key findings' }];
  if (s.findings.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: ['No rule matched this evidence, so there are no key findings to show.'],
    });
    return blocks;
  }
  const shown = s.findings.slice(0, detail.findingsPerStatement);
  const topics = [...new Set(shown.map((f) => f.indicator))];
  for (const topic of topics) {
    blocks.push({ kind: 'heading', level: 5, text: topic });
    blocks.push({
      kind: 'list',
      items: shown
        .filter((f) => f.indicator === topic)
        .map((f) => findingItem(result, f, index, detail)),
    });
  }
  if (s.findings.length > shown.length)
    blocks.push({
      kind: 'paragraph',
      text: [`And ${plural(s.findings.length - shown.length, 'more finding')} in the full report.`],
    });
  return blocks;
}

const PEOPLE = new Set(['peoples-experience']);
const PROCESSES = new Set(['processes', 'outcomes']);

function share(items: readonly StatementItem[]): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (const i of items) {
    if (!i.basis || i.stale) continue;
    if (isShortfall(i.basis.judgement)) bad++;
    else good++;
  }
  return { good, bad };
}

/** People's experience set beside what the processes and outcomes show. */
function experienceBeside(result: ScoreResult, s: StatementResult, detail: Detail): Block[] {
  const current = s.items.filter((i) => !i.stale);
  const people = current.filter((i) => PEOPLE.has(i.category));
  const processes = current.filter((i) => PROCESSES.has(i.category));
  const side = (label: string, items: readonly StatementItem[], none: string): ListItem => {
    const { good, bad } = share(items);
    const head: Inline[] = [{ strong: [`${label}:`] }];
    if (items.length === 0) return { text: [...head, ` ${none}`] };
    head.push(
      ` ${plural(items.length, 'item')}, ${plural(good, 'strength')} and ${plural(bad, 'shortfall')}.`,
    );
    // Titles only: the findings above quote these items already.
    const children: ListItem[] = items.slice(0, detail.voices).map((i) => ({
      text: [
        ...(i.basis ? [`${EFFECT_LABELS[i.basis.judgement]}: `] : ['Not judged: ']),
        `${i.title} (`,
        { code: shownRef(result, i.ref) },
        ')',
      ],
    }));
    if (items.length > children.length && children.length > 0)
      children.push({ text: [`And ${plural(items.length - children.length, 'more item')}.`] });
    return children.length > 0 ? { text: head, children } : { text: head };
  };
  const blocks: Block[] = [
    { kind: 'heading', level: 4, text: "People's experience beside the processes" },
    {
      kind: 'list',
      items: [
        side(
          "What people's experience says",
          people,
          "no people's-experience evidence for this statement: add survey results, feedback or case tracking.",
        ),
        side('What the processes and outcomes show', processes, 'no process or outcome evidence.'),
      ],
    },
  ];
  const p = share(people);
  const q = share(processes);
  if (p.good + p.bad > 0 && q.good + q.bad > 0) {
    const gap = p.good / (p.good + p.bad) - q.good / (q.good + q.bad);
    blocks.push({
      kind: 'paragraph',
      text: [
        gap < -0.25
          ? 'People describe a worse picture than the processes show: check that the processes work as written for the people they serve.'
          : gap > 0.25
            ? 'People describe a better picture than the processes show: the processes may be under-recorded.'
            : 'The two tell a similar story.',
      ],
    });
  }
  return blocks;
}

function gapsBlocks(result: ScoreResult, s: StatementResult, detail: Detail): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 4, text: 'Gaps and stale evidence' }];
  if (s.gaps.length === 0) {
    blocks.push({ kind: 'paragraph', text: ['None found.'] });
    return blocks;
  }
  blocks.push({
    kind: 'list',
    items: s.gaps.map((g) => {
      const refs = g.evidence.slice(0, detail.problems);
      const more = g.evidence.length - refs.length;
      const text: Inline[] = [`${g.message.replace(/ \([^)]*\.ya?ml:\d+[^)]*\)/, '')}.`];
      if (refs.length > 0) {
        text.push(' See ');
        refs.forEach((ref, i) =>
          text.push(...(i > 0 ? [', '] : []), { code: shownRef(result, ref) }),
        );
        text.push(more > 0 ? ` and ${more} more.` : '.');
      }
      return { text };
    }),
  });
  return blocks;
}

export function statementSection(
  result: ScoreResult,
  s: StatementResult,
  expects: string,
  detail: Detail,
): Block[] {
  const score = s.score as NonNullable<StatementResult['score']>;
  const index: Index = new Map(s.items.map((i) => [key(i.ref), i]));
  const strengths = s.counts.exceptional + s.counts.strength;
  const shortfalls = s.counts.shortfall + s.counts['significant-shortfall'];
  const where = s.band
    ? `, in the ${s.band} half of the band${s.onEdge ? ', decided by rounding' : ''}`
    : '';
  return [
    { kind: 'heading', level: 3, text: s.title, id: `statement-${s.id}` },
    {
      kind: 'paragraph',
      text: [{ strong: [`Score: ${score}`] }, ` – ${s.label ?? SCORE_LABELS[score]}`],
    },
    { kind: 'bar', strengths, shortfalls },
    {
      kind: 'paragraph',
      text: [
        `${s.percent}%${where}. ${countsLine(s)}`,
        ...(s.confidence ? [` Confidence: ${s.confidence.level} (${s.confidence.summary}).`] : []),
      ],
    },
    { kind: 'heading', level: 4, text: 'What the statement expects' },
    { kind: 'paragraph', text: [expects] },
    ...keyFindings(result, s, index, detail),
    ...experienceBeside(result, s, detail),
    ...gapsBlocks(result, s, detail),
    { kind: 'heading', level: 4, text: 'What would lift the score' },
    s.toLift.length > 0
      ? { kind: 'list', items: s.toLift.map((t) => ({ text: [`${t}.`] })) }
      : { kind: 'paragraph', text: ['Nothing recorded holds the score down.'] },
  ];
}
