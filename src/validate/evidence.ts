import type {
  Config,
  Diagnostic,
  EvidenceItem,
  FrameworkId,
  PendingDiagnostic,
  Severity,
} from '../model/index.js';
import type { ParsedFile } from '../load/parse.js';
import { loadFramework } from '../frameworks/catalogue.js';
import { schemas, validator } from './ajv.js';
import { translateAjvErrors } from './ajv-errors.js';
import { dateChecks } from './dates.js';
import type { IdUse } from './ids.js';
import { ownCopy } from '../intern.js';

export { findDuplicateIds } from './ids.js';
export type { IdUse } from './ids.js';

interface RawItem {
  title: string;
  category: EvidenceItem['category'];
  summary: string;
  statement?: string;
  statements?: string[];
  date?: string;
  source?: string;
  judgement?: EvidenceItem['judgement'];
  status?: EvidenceItem['status'];
  tags?: string[];
  metrics?: Record<string, number>;
  reference?: string;
  id?: string;
}

interface RawDocument {
  statement?: string;
  framework?: FrameworkId;
  evidence?: unknown[];
}

export interface Validated {
  items: EvidenceItem[];
  diagnostics: Diagnostic[];
}

/**
 * Validates files one at a time, so a run need not hold every parsed file at
 * once: only the items and diagnostics are kept, and the ids seen so far.
 */
export function evidenceValidator(config: Config): {
  add(parsed: ParsedFile): void;
  result(): Validated & { ids: IdUse[] };
} {
  const items: EvidenceItem[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids: IdUse[] = [];
  const validate = validator('evidence');
  /** Statement names already resolved, per framework (null: not a statement). */
  const resolved = new Map<FrameworkId, Map<string, { id: string } | null>>();
  const dates = dateChecks(config);
  const add = (parsed: ParsedFile): void => {
    const before = diagnostics.length;
    check(parsed);
    // A file with hundreds of problems is one problem: show the first ones and say how many more.
    const found = diagnostics.length - before;
    if (found > MAX_DIAGNOSTICS_PER_FILE) {
      diagnostics.splice(before + MAX_DIAGNOSTICS_PER_FILE);
      const last = diagnostics[diagnostics.length - 1] as Diagnostic;
      diagnostics.push({
        code: 'file/too-many-problems',
        severity: 'error',
        file: parsed.file,
        line: last.line,
        column: last.column,
        message: `${found - MAX_DIAGNOSTICS_PER_FILE} more problems in this file are not listed; fix the ones above first`,
      });
    }
  };
  const check = (parsed: ParsedFile): void => {
    diagnostics.push(...parsed.diagnostics);
    const meaningful = parsed.docs.filter((doc) => doc !== null && doc !== undefined);
    if (parsed.docs.length === 0 || (meaningful.length === 0 && parsed.diagnostics.length === 0)) {
      if (parsed.diagnostics.length === 0) {
        diagnostics.push({
          code: 'file/empty',
          severity: 'warn',
          file: parsed.file,
          line: 1,
          column: 1,
          message: 'file holds no evidence; add an "evidence" list or delete the file',
        });
      }
      return;
    }

    parsed.docs.forEach((doc, docIndex) => {
      if (doc === null || doc === undefined) return;
      const report = (
        pending: PendingDiagnostic,
        severity: Severity = pending.severity ?? 'error',
      ): void => {
        const at = parsed.locator.locate(docIndex, pending.path, pending.atKey);
        diagnostics.push({
          code: pending.code,
          severity,
          file: parsed.file,
          line: at.line,
          column: at.column,
          message: pending.message,
        });
      };

      const badItems = new Set<number>();
      let docBroken = false;
      if (!validate(doc)) {
        for (const pending of translateAjvErrors(validate.errors ?? [], doc, schemas.evidence)) {
          report(pending);
          const [first, second] = pending.path;
          if (first === 'evidence' && typeof second === 'number') badItems.add(second);
          else docBroken = true;
        }
      }
      if (docBroken) return;

      const document = doc as RawDocument;
      const framework = document.framework ?? config.framework;
      const catalogue = loadFramework(framework);
      let docStatement: string | undefined;
      let docStatementBroken = false;
      if (document.statement !== undefined) {
        const found = catalogue.resolve(document.statement);
        if (found) docStatement = found.id;
        else {
          docStatementBroken = true;
          report(
            unknownStatement(
              document.statement,
              ['statement'],
              catalogue.suggest(document.statement),
              framework,
            ),
          );
        }
      }
      if (framework !== config.framework) {
        report(
          {
            code: 'other-framework',
            path: ['framework'],
            message: `this document is for the ${framework} framework but the run scores ${config.framework}; its items are checked but not scored`,
          },
          'warn',
        );
      }

      const evidence = document.evidence ?? [];
      evidence.forEach((raw, index) => {
        if (badItems.has(index)) return;
        const item = raw as RawItem;
        const path = ['evidence', index];
        const statements: string[] = [];
        const names =
          item.statements === undefined
            ? item.statement === undefined
              ? []
              : [item.statement]
            : item.statement === undefined
              ? item.statements
              : [item.statement, ...item.statements];
        let statementProblem = false;
        let known = resolved.get(framework);
        if (!known) resolved.set(framework, (known = new Map()));
        for (let n = 0; n < names.length; n++) {
          const name = names[n] as string;
          let found = known.get(name);
          if (found === undefined) known.set(name, (found = catalogue.resolve(name) ?? null));
          if (found) {
            if (!statements.includes(found.id)) statements.push(found.id);
          } else {
            statementProblem = true;
            const where =
              item.statement !== undefined && n === 0
                ? [...path, 'statement']
                : [...path, 'statements', item.statement !== undefined ? n - 1 : n];
            report(unknownStatement(name, where, catalogue.suggest(name), framework));
          }
        }
        if (names.length === 0) {
          if (docStatement) statements.push(docStatement);
          else if (!docStatementBroken) {
            statementProblem = true;
            report({
              code: 'missing-statement',
              path,
              message: 'item names no quality statement; add "statement:" to it or to the document',
            });
          }
        }
        if (statementProblem || statements.length === 0) return;

        // Ids are checked across the repository once every file is read (see findDuplicateIds).
        const idEntry: IdUse | undefined =
          item.id === undefined
            ? undefined
            : {
                id: ownCopy(item.id),
                item: -1,
                line: parsed.itemPosition(docIndex, index).line,
                at: { file: parsed.file, ...parsed.locator.locate(docIndex, [...path, 'id']) },
              };
        if (idEntry) ids.push(idEntry);

        let ageMonths: number | undefined;
        let stale = false;
        if (item.date === undefined) {
          report(
            {
              code: 'missing-date',
              path,
              message:
                'item has no "date"; add the date the evidence was collected so its age can be judged',
            },
            'warn',
          );
        } else if (!dates.real(item.date)) {
          report({
            code: 'invalid-date',
            path: [...path, 'date'],
            message: `"date" ${item.date} is not a real calendar date; correct it`,
          });
          return;
        } else if (item.date > config.asOf) {
          report({
            code: 'future-date',
            path: [...path, 'date'],
            message: `"date" ${item.date} is after the as-of date ${config.asOf}; correct the date or set a later --as-of`,
          });
          return;
        } else {
          ageMonths = dates.age(item.date);
          if (dates.stale(item.date)) {
            stale = true;
            report(
              {
                code: 'stale-evidence',
                path: [...path, 'date'],
                message: `evidence dated ${item.date} is more than ${config.staleAfterMonths} months old; refresh it (it is left out of the score)`,
              },
              'warn',
            );
          }
        }

        if (framework !== config.framework) return;
        const position = parsed.itemPosition(docIndex, index);
        const evidenceItem: EvidenceItem = {
          ref: { file: parsed.file, line: position.line, column: position.column },
          key: item.id ?? `${parsed.file}#${docIndex}/${index}`,
          framework,
          statements,
          title: item.title,
          category: item.category,
          summary: item.summary,
          tags: item.tags ?? NO_TAGS,
          metrics: item.metrics ?? NO_METRICS,
          stale,
        };
        // Optional keys are set only when present, so the result never carries undefined.
        if (item.date !== undefined) evidenceItem.date = item.date;
        if (item.source !== undefined) evidenceItem.source = item.source;
        if (item.judgement !== undefined) evidenceItem.judgement = item.judgement;
        if (item.status !== undefined) evidenceItem.status = item.status;
        if (item.reference !== undefined) evidenceItem.reference = item.reference;
        if (ageMonths !== undefined) evidenceItem.ageMonths = ageMonths;
        if (idEntry) idEntry.item = items.length;
        items.push(evidenceItem);
      });
    });
  };
  return { add, result: () => ({ items, diagnostics, ids }) };
}

/** More problems than this in one file are counted, not listed. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** An item's tags and metrics when it has none (shared, so never changed). */
export const NO_TAGS: string[] = [];
export const NO_METRICS: Record<string, number> = {};

function unknownStatement(
  name: string,
  path: (string | number)[],
  suggestion: string | undefined,
  framework: FrameworkId,
): PendingDiagnostic {
  return {
    code: 'unknown-statement',
    path,
    message: `"${name}" is not a ${framework} quality statement${suggestion ? `; did you mean "${suggestion}"?` : '; run "cqc-score rubrics" to list them'}`,
  };
}
