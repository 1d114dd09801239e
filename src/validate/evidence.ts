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
import { isOlderThan, isRealDate, monthsBetween } from './dates.js';

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
 * Checks every document of every parsed file: the JSON Schema first, then what
 * a schema cannot say (statement names, unique ids, real and current dates).
 * Items with errors are left out of scoring; the rest of the file still counts.
 */
export function validateEvidence(files: readonly ParsedFile[], config: Config): Validated {
  const validator = evidenceValidator(config);
  for (const parsed of files) validator.add(parsed);
  return validator.result();
}

/**
 * Validates files one at a time, so a run need not hold every parsed file at
 * once: only the items and diagnostics are kept, and the ids seen so far.
 */
export function evidenceValidator(config: Config): {
  add(parsed: ParsedFile): void;
  result(): Validated;
} {
  const items: EvidenceItem[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, string>();
  const validate = validator('evidence');
  const resolved = new Map<string, { id: string } | undefined>();
  const add = (parsed: ParsedFile): void => {
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
        const names = [
          ...(item.statement !== undefined ? [item.statement] : []),
          ...(item.statements ?? []),
        ];
        let statementProblem = false;
        names.forEach((name, n) => {
          const cacheKey = `${framework}\u0000${name}`;
          let found = resolved.get(cacheKey);
          if (!resolved.has(cacheKey)) resolved.set(cacheKey, (found = catalogue.resolve(name)));
          const where =
            item.statement !== undefined && n === 0
              ? [...path, 'statement']
              : [...path, 'statements', item.statement !== undefined ? n - 1 : n];
          if (found) {
            if (!statements.includes(found.id)) statements.push(found.id);
          } else {
            statementProblem = true;
            report(unknownStatement(name, where, catalogue.suggest(name), framework));
          }
        });
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

        if (item.id !== undefined) {
          const first = ids.get(item.id);
          if (first) {
            report({
              code: 'duplicate-id',
              path: [...path, 'id'],
              message: `id "${item.id}" is already used at ${first}; ids must be unique across the repository`,
            });
            return;
          }
          ids.set(item.id, `${parsed.file}:${parsed.itemPosition(docIndex, index).line}`);
        }

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
        } else if (!isRealDate(item.date)) {
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
          ageMonths = monthsBetween(item.date, config.asOf);
          if (isOlderThan(item.date, config.asOf, config.staleAfterMonths)) {
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
        items.push({
          ref: { file: parsed.file, line: position.line, column: position.column },
          key: item.id ?? `${parsed.file}#${docIndex}/${index}`,
          framework,
          statements,
          title: item.title,
          category: item.category,
          summary: item.summary,
          ...(item.date !== undefined ? { date: item.date } : {}),
          ...(item.source !== undefined ? { source: item.source } : {}),
          ...(item.judgement !== undefined ? { judgement: item.judgement } : {}),
          ...(item.status !== undefined ? { status: item.status } : {}),
          tags: item.tags ?? [],
          metrics: item.metrics ?? {},
          ...(item.reference !== undefined ? { reference: item.reference } : {}),
          ...(ageMonths !== undefined ? { ageMonths } : {}),
          stale,
        });
      });
    });
  };
  return { add, result: () => ({ items, diagnostics }) };
}

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
