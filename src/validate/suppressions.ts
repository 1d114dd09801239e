/**
 * Inline suppressions, written as ESLint's are, each with a reason:
 *
 *   # cqc-score-disable-next-line missing-date -- dated in the minutes
 *   # cqc-score-disable stale-evidence -- kept for the history
 *   # cqc-score-enable
 *
 * A directive without a reason (or without a code) does nothing and is
 * itself a warning, and so is one that suppresses nothing: a suppression
 * must keep saying why it is there. Personal-data findings cannot be
 * suppressed inline: only the configuration can relax that check, and then
 * every output says so.
 */
import { EVIDENCE_FAMILY } from '../model/index.js';
import type { Diagnostic, RuleLevel } from '../model/index.js';

export interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  codes: string[];
  reason: string;
  line: number;
  column: number;
}

const DIRECTIVE = /(^|[ \t])#[ \t]*cqc-score-(disable-next-line|disable|enable)(?=$|[ \t,])(.*)$/;

/** Every directive in a file's text, in order. */
export function findDirectives(text: string): Directive[] {
  if (!text.includes('cqc-score-')) return [];
  const found: Directive[] = [];
  text.split(/\r?\n|\r/).forEach((source, index) => {
    const match = DIRECTIVE.exec(source);
    if (!match) return;
    const rest = match[3] ?? '';
    const split = /\s-{2,}\s|\s-{2,}$/.exec(rest);
    const codes = (split ? rest.slice(0, split.index) : rest).split(/[\s,]+/).filter(Boolean);
    const reason = split ? rest.slice(split.index + split[0].length).trim() : '';
    found.push({
      kind: match[2] as Directive['kind'],
      codes,
      reason,
      line: index + 1,
      column: match.index + (match[1] ?? '').length + 1,
    });
  });
  return found;
}

/** Whether a code written in a directive or in `rules:` (`schema/unknown-key`, `schema/*`) covers a diagnostic's code. */
export function codeMatches(pattern: string, code: string): boolean {
  if (pattern === code) return true;
  const evidence = `${EVIDENCE_FAMILY}/`;
  if (pattern.startsWith(evidence) && !code.includes('/'))
    return pattern === `${evidence}*` || pattern.slice(evidence.length) === code;
  return pattern.endsWith('/*') && code.startsWith(pattern.slice(0, -1));
}

/** Whether a directive's code covers the personal-data check, which only the configuration may relax. */
function silencesPersonalData(code: string): boolean {
  return code.startsWith('personal-data/') || code.startsWith('privacy/');
}

interface Span {
  directive: Directive;
  code: string;
  from: number;
  to: number;
  used: boolean;
}

function warning(file: string, d: Directive, code: string, message: string): Diagnostic {
  return { code, severity: 'warn', file, line: d.line, column: d.column, message };
}

/** The lines each complete directive covers, and warnings for incomplete ones. */
function spans(
  file: string,
  directives: readonly Directive[],
): { spans: Span[]; problems: Diagnostic[] } {
  const out: Span[] = [];
  const problems: Diagnostic[] = [];
  const open: Span[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') {
      for (const span of open.filter((s) => d.codes.length === 0 || d.codes.includes(s.code))) {
        span.to = d.line;
        open.splice(open.indexOf(span), 1);
      }
      continue;
    }
    const name = `cqc-score-${d.kind}`;
    if (d.codes.length === 0) {
      problems.push(
        warning(
          file,
          d,
          'suppression/missing-code',
          `${name} names no code; write "# ${name} CODE -- reason"`,
        ),
      );
      continue;
    }
    if (d.reason === '') {
      problems.push(
        warning(
          file,
          d,
          'suppression/missing-reason',
          `${name} ${d.codes.join(', ')} gives no reason, so it suppresses nothing; add " -- why" after the code`,
        ),
      );
      continue;
    }
    for (const code of d.codes) {
      if (silencesPersonalData(code)) {
        problems.push(
          warning(
            file,
            d,
            'suppression/personal-data',
            `${name} ${code} cannot silence the personal-data check in an evidence file, so it suppresses nothing; remove the data, or add an organisation's own contact to "privacy-allow" in cqc-score.yaml`,
          ),
        );
        continue;
      }
      const span: Span = {
        directive: d,
        code,
        from: d.kind === 'disable' ? d.line : d.line + 1,
        to: d.kind === 'disable' ? Infinity : d.line + 1,
        used: false,
      };
      out.push(span);
      if (d.kind === 'disable') open.push(span);
    }
  }
  return { spans: out, problems };
}

/**
 * The diagnostics that are not suppressed, with warnings for directives that
 * are incomplete or suppress nothing. `directives` is per file, by the file's
 * display path. Suppression warnings cannot themselves be suppressed.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  directives: ReadonlyMap<string, readonly Directive[]>,
): Diagnostic[] {
  const byFile = new Map<string, Span[]>();
  const kept: Diagnostic[] = [];
  for (const [file, list] of directives) {
    const made = spans(file, list);
    byFile.set(file, made.spans);
    kept.push(...made.problems);
  }
  for (const d of diagnostics) {
    const span = byFile
      .get(d.file)
      ?.find((s) => d.line >= s.from && d.line <= s.to && codeMatches(s.code, d.code));
    if (span && !d.code.startsWith('suppression/')) span.used = true;
    else kept.push(d);
  }
  for (const [file, list] of byFile) {
    for (const s of list.filter((x) => !x.used)) {
      kept.push(
        warning(
          file,
          s.directive,
          'suppression/unused',
          `cqc-score-${s.directive.kind} ${s.code} suppresses nothing here; remove it`,
        ),
      );
    }
  }
  return kept;
}

/** The `rules:` entry that decides a code, if any: the exact code over a pattern that covers it. */
export function ruleFor(
  rules: Readonly<Record<string, RuleLevel>>,
  code: string,
): string | undefined {
  return code in rules ? code : Object.keys(rules).find((pattern) => codeMatches(pattern, code));
}

/**
 * Diagnostics with the severities `rules:` gives their codes; `off` drops
 * them. The most specific entry wins: an exact code over its `family/*`.
 */
export function applyRules(
  diagnostics: readonly Diagnostic[],
  rules: Readonly<Record<string, RuleLevel>>,
): Diagnostic[] {
  if (Object.keys(rules).length === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const entry = ruleFor(rules, d.code);
    const level = entry === undefined ? undefined : rules[entry];
    if (level === undefined) out.push(d);
    else if (level !== 'off') out.push({ ...d, severity: level });
  }
  return out;
}
