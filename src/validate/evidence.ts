/**
 * Checks one parsed evidence file: each document against the evidence
 * schema, then its statement names, then each item's statements and date.
 * Problems become diagnostics at the offending key; a good item becomes an
 * EvidenceItem, and an item left out because of an error is recorded as
 * excluded, with the statements it names, so scores can say so.
 */
import { FRAMEWORK_IDS } from '../model/index.js';
import type {
  Config,
  Diagnostic,
  EvidenceItem,
  ExcludedItem,
  FrameworkId,
  PendingDiagnostic,
  Severity,
  SourceRef,
} from '../model/index.js';
import type { ParsedFile, Unreadable } from '../load/parse.js';
import type { Position } from '../load/positions.js';
import { loadFramework } from '../frameworks/catalogue.js';
import type { Catalogue } from '../frameworks/catalogue.js';
import { schemas, validator } from '../schema/ajv.js';
import { translateAjvErrors } from '../schema/ajv-errors.js';
import { dateChecks, isoDate } from './dates.js';
import type { IdUse } from './ids.js';

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

export interface FileCheck {
  items: EvidenceItem[];
  /** Items left out of scoring because of an error. */
  excluded: ExcludedItem[];
  diagnostics: Diagnostic[];
  /** Each explicit id, to be checked across the repository (see findDuplicateIds). */
  ids: IdUse[];
}

/** More problems than this in one file are counted, not listed. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** What checking a run's files shares: compiled checks and statement names already resolved. */
export interface EvidenceChecker {
  check(parsed: ParsedFile): FileCheck;
}

export function evidenceChecker(config: Config): EvidenceChecker {
  const validate = validator('evidence');
  const dates = dateChecks(config);
  const names = new Map<FrameworkId, Map<string, string | null>>();
  const resolve = (catalogue: Catalogue, name: string): string | null => {
    let known = names.get(catalogue.id);
    if (!known) names.set(catalogue.id, (known = new Map()));
    let id = known.get(name);
    if (id === undefined) known.set(name, (id = catalogue.resolve(name)?.id ?? null));
    return id;
  };
  return {
    check(parsed) {
      const out: FileCheck = { items: [], excluded: [], diagnostics: [], ids: [] };
      // A loop, not push(...): a file can carry more diagnostics than a call has room for arguments.
      for (const d of parsed.diagnostics) out.diagnostics.push(d);
      const lost = { file: parsed.file, config, resolve, out };
      if (parsed.unreadable) {
        leaveOutUnreadable(parsed, parsed.unreadable, lost);
        return capProblems(parsed.file, out);
      }
      if (isEmpty(parsed)) {
        if (parsed.diagnostics.length === 0)
          out.diagnostics.push({
            code: 'file/empty',
            severity: 'warn',
            file: parsed.file,
            line: 1,
            column: 1,
            message: 'file holds no evidence; add an "evidence" list or delete the file',
          });
        return out;
      }
      parsed.docs.forEach((doc, index) => {
        // A document refused once read (aliases written out too often, nesting too deep).
        if (doc === undefined)
          leaveOutDocument(doc, (path) => parsed.locator.locate(index, path), lost);
        else if (doc !== null)
          checkDocument({ parsed, index, doc, config, validate, dates, resolve, out });
      });
      return capProblems(parsed.file, out);
    },
  };
}

/** What counting left-out items needs. */
interface LostContext {
  file: string;
  config: Config;
  resolve(catalogue: Catalogue, name: string): string | null;
  out: FileCheck;
}

/**
 * A file that cannot be read: whatever of its documents could be made out is
 * left out and counted, and when nothing could be, the file counts as one
 * entry left out, at its first error.
 */
function leaveOutUnreadable(parsed: ParsedFile, unreadable: Unreadable, lost: LostContext): void {
  let accounted = false;
  unreadable.docs.forEach((doc, index) => {
    if (
      doc !== null &&
      leaveOutDocument(doc, (path) => unreadable.locator.locate(index, path), lost)
    )
      accounted = true;
  });
  if (accounted) return;
  const first = parsed.diagnostics.find((d) => d.severity === 'error') ?? { line: 1, column: 1 };
  lost.out.excluded.push({
    ref: { file: parsed.file, line: first.line, column: first.column },
    statements: [],
  });
}

/**
 * Counts as left out everything a document that cannot be used holds: each
 * item of its evidence list (or of a list written without "evidence:"), with
 * the statements it names, or the document as one entry when no list can be
 * made out. Returns false only for a document of another framework, which
 * would not be scored anyway.
 */
function leaveOutDocument(
  doc: unknown,
  locate: (path: (string | number)[]) => Position,
  { file, config, resolve, out }: LostContext,
): boolean {
  const record = (
    doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc : {}
  ) as Record<string, unknown>;
  const framework = record.framework;
  if (framework !== config.framework && FRAMEWORK_IDS.some((id) => id === framework)) return false;
  const catalogue = loadFramework(config.framework);
  const docStatement = looseNames(record.statement)
    .map((name) => resolve(catalogue, name))
    .find((id) => id !== null);
  const [list, at] = Array.isArray(doc)
    ? [doc, []]
    : Array.isArray(record.evidence)
      ? [record.evidence, ['evidence']]
      : [undefined, []];
  if (!list) {
    out.excluded.push({
      ref: { file, ...locate([]) },
      statements: docStatement ? [docStatement] : [],
    });
    return true;
  }
  list.forEach((raw: unknown, item) =>
    out.excluded.push({
      ref: { file, ...locate([...at, item]) },
      statements: namedStatements(resolve, catalogue, raw, docStatement),
    }),
  );
  return true;
}

function isEmpty(parsed: ParsedFile): boolean {
  const meaningful = parsed.docs.some((doc) => doc !== null && doc !== undefined);
  return parsed.docs.length === 0 || (!meaningful && parsed.diagnostics.length === 0);
}

/** A file with hundreds of problems is one problem: show the first ones and say how many more. */
function capProblems(file: string, out: FileCheck): FileCheck {
  const found = out.diagnostics.length;
  if (found <= MAX_DIAGNOSTICS_PER_FILE) return out;
  out.diagnostics.splice(MAX_DIAGNOSTICS_PER_FILE);
  const last = out.diagnostics[out.diagnostics.length - 1] as Diagnostic;
  out.diagnostics.push({
    code: 'file/too-many-problems',
    severity: 'error',
    file,
    line: last.line,
    column: last.column,
    message: `${found - MAX_DIAGNOSTICS_PER_FILE} more problems in this file are not listed; fix the ones above first`,
  });
  return out;
}

interface DocumentContext {
  parsed: ParsedFile;
  index: number;
  doc: unknown;
  config: Config;
  validate: ReturnType<typeof validator>;
  dates: ReturnType<typeof dateChecks>;
  resolve(catalogue: Catalogue, name: string): string | null;
  out: FileCheck;
}

type Report = (pending: PendingDiagnostic, severity?: Severity) => void;

function checkDocument(context: DocumentContext): void {
  const { parsed, index, doc, config, out } = context;
  const report: Report = (pending, severity = pending.severity ?? 'error') => {
    const at = parsed.locator.locate(index, pending.path, pending.atKey);
    out.diagnostics.push({
      code: pending.code,
      severity,
      file: parsed.file,
      line: at.line,
      column: at.column,
      message: pending.message,
      ...(pending.fix
        ? { fix: { doc: index, path: pending.path, key: pending.atKey === true, ...pending.fix } }
        : {}),
    });
  };
  const shape = checkShape(context, report);
  if (shape === 'broken') {
    leaveOutDocument(doc, (path) => parsed.locator.locate(index, path), {
      file: parsed.file,
      config,
      resolve: context.resolve,
      out,
    });
    return;
  }

  const document = doc as RawDocument;
  const framework = document.framework ?? config.framework;
  const catalogue = loadFramework(framework);
  const docStatement = documentStatement(context, catalogue, document, report);
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
  (document.evidence ?? []).forEach((raw, item) => {
    const ref = (): SourceRef => ({ file: parsed.file, ...parsed.itemPosition(index, item) });
    const named = namedStatements(context.resolve, catalogue, raw, docStatement.id);
    const exclude = (): void => {
      if (framework === config.framework) out.excluded.push({ ref: ref(), statements: named });
    };
    if (shape.has(item)) return exclude();
    const statements = itemStatements(
      context,
      catalogue,
      raw as RawItem,
      item,
      docStatement,
      report,
    );
    if (!statements) return exclude();
    // Ids are checked across the repository once every file is read; -1 until the item is kept.
    const use = idUse(context, raw as RawItem, item);
    if (use) out.ids.push(use);
    const dated = checkDate(context, raw as RawItem, ['evidence', item], report);
    if (!dated) return exclude();
    if (framework !== config.framework) return;
    if (use) use.item = out.items.length;
    out.items.push(
      evidenceItem(raw as RawItem, ref(), framework, statements, dated, parsed, index, item),
    );
  });
}

/** The schema check: 'broken' when the document itself is wrong, else the items that are. */
function checkShape(context: DocumentContext, report: Report): Set<number> | 'broken' {
  const { doc, validate } = context;
  const badItems = new Set<number>();
  if (validate(doc)) return badItems;
  let broken = false;
  for (const pending of translateAjvErrors(validate.errors ?? [], doc, schemas.evidence)) {
    report(withDateFix(pending, doc));
    const [first, second] = pending.path;
    if (first === 'evidence' && typeof second === 'number') badItems.add(second);
    else broken = true;
  }
  return broken ? 'broken' : badItems;
}

/** A date in the wrong form that reads as one day (`14/08/2024`): say which, and offer the fix. */
function withDateFix(pending: PendingDiagnostic, doc: unknown): PendingDiagnostic {
  if (pending.code !== 'schema/format' || pending.path[pending.path.length - 1] !== 'date')
    return pending;
  const value = pending.path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    doc,
  );
  const iso = typeof value === 'string' ? isoDate(value) : undefined;
  if (typeof value !== 'string' || iso === undefined) return pending;
  return {
    ...pending,
    message: `"date" ${value} is written ${/^\d{4}/.test(value) ? 'with the wrong separators' : 'day first'}; write ${iso} (YYYY-MM-DD)`,
    fix: { from: value, to: iso },
  };
}

interface DocStatement {
  id?: string;
  /** The document names a statement that does not exist (already reported). */
  broken: boolean;
}

function documentStatement(
  context: DocumentContext,
  catalogue: Catalogue,
  document: RawDocument,
  report: Report,
): DocStatement {
  if (document.statement === undefined) return { broken: false };
  const id = context.resolve(catalogue, document.statement);
  if (id) return { id, broken: false };
  report(unknownStatement(document.statement, ['statement'], catalogue));
  return { broken: true };
}

/** The names an item gives, in order: its `statement`, then its `statements`. */
function namesOf(item: RawItem): string[] {
  return [...looseNames(item.statement), ...looseNames(item.statements)];
}

/** The statements an item can be counted against, however broken it is: for "left out" counts. */
function namedStatements(
  resolve: LostContext['resolve'],
  catalogue: Catalogue,
  raw: unknown,
  docStatement: string | undefined,
): string[] {
  const names = namesOf((raw !== null && typeof raw === 'object' ? raw : {}) as RawItem);
  const ids = names.flatMap((name) => resolve(catalogue, name) ?? []);
  if (ids.length === 0 && names.length === 0 && docStatement) ids.push(docStatement);
  return [...new Set(ids)];
}

/**
 * The statement names a value gives, whichever shape it was written in (one
 * name or a list): an item left out for writing `statements: safeguarding`
 * still counts against Safeguarding.
 */
function looseNames(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((name) => typeof name === 'string') : [];
}

/** The item's statements as ids, or undefined when one is unknown or none is named (reported). */
function itemStatements(
  context: DocumentContext,
  catalogue: Catalogue,
  item: RawItem,
  index: number,
  doc: DocStatement,
  report: Report,
): string[] | undefined {
  const path = ['evidence', index];
  const names = namesOf(item);
  const statements: string[] = [];
  let problem = false;
  names.forEach((name, n) => {
    const id = context.resolve(catalogue, name);
    if (id) {
      if (!statements.includes(id)) statements.push(id);
      return;
    }
    problem = true;
    const where =
      item.statement !== undefined && n === 0
        ? [...path, 'statement']
        : [...path, 'statements', item.statement !== undefined ? n - 1 : n];
    report(unknownStatement(name, where, catalogue));
  });
  if (names.length === 0) {
    if (doc.id) statements.push(doc.id);
    else if (!doc.broken)
      report({
        code: 'missing-statement',
        path,
        message: 'item names no quality statement; add "statement:" to it or to the document',
      });
  }
  return problem || statements.length === 0 ? undefined : statements;
}

interface Dated {
  ageMonths?: number;
  stale: boolean;
}

/** The item's age, or undefined when its date is impossible or in the future (reported). */
function checkDate(
  context: DocumentContext,
  item: RawItem,
  path: (string | number)[],
  report: Report,
): Dated | undefined {
  const { config, dates } = context;
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
    return { stale: false };
  }
  if (!dates.real(item.date)) {
    report({
      code: 'invalid-date',
      path: [...path, 'date'],
      message: `"date" ${item.date} is not a real calendar date; correct it`,
    });
    return undefined;
  }
  if (item.date > config.asOf) {
    report({
      code: 'future-date',
      path: [...path, 'date'],
      message: `"date" ${item.date} is after the as-of date ${config.asOf}; correct the date or set a later --as-of`,
    });
    return undefined;
  }
  const stale = dates.stale(item.date);
  if (stale)
    report(
      {
        code: 'stale-evidence',
        path: [...path, 'date'],
        message: `evidence dated ${item.date} is more than ${config.staleAfterMonths} months old; refresh it (it is left out of the score)`,
      },
      'warn',
    );
  return { ageMonths: dates.age(item.date), stale };
}

function idUse(context: DocumentContext, item: RawItem, index: number): IdUse | undefined {
  if (item.id === undefined) return undefined;
  const { parsed } = context;
  return {
    id: item.id,
    item: -1,
    line: parsed.itemPosition(context.index, index).line,
    at: { file: parsed.file, ...parsed.locator.locate(context.index, ['evidence', index, 'id']) },
  };
}

/**
 * A copy of a value that does not hold on to the file it was read from: the
 * parser's strings are slices of the file's whole text, and one kept slice
 * keeps the whole text alive for the rest of the run.
 */
function detached<T extends string>(text: T): T {
  return (' ' + text).slice(1) as T;
}

function evidenceItem(
  item: RawItem,
  ref: SourceRef,
  framework: FrameworkId,
  statements: string[],
  dated: Dated,
  parsed: ParsedFile,
  doc: number,
  index: number,
): EvidenceItem {
  const built: EvidenceItem = {
    ref,
    key: item.id === undefined ? `${parsed.file}#${doc}/${index}` : detached(item.id),
    framework,
    statements,
    title: detached(item.title),
    category: detached(item.category),
    summary: detached(item.summary),
    tags: (item.tags ?? []).map(detached),
    metrics: item.metrics ?? {},
    stale: dated.stale,
  };
  // Optional keys are set only when present, so the result never carries undefined.
  if (item.date !== undefined) built.date = detached(item.date);
  if (item.source !== undefined) built.source = detached(item.source);
  if (item.judgement !== undefined) built.judgement = detached(item.judgement);
  if (item.status !== undefined) built.status = detached(item.status);
  if (item.reference !== undefined) built.reference = detached(item.reference);
  if (dated.ageMonths !== undefined) built.ageMonths = dated.ageMonths;
  return built;
}

/**
 * A name that is no statement, with the nearest one; when exactly one
 * statement is clearly meant (the rule misspelt keys and values follow), its
 * id is also the `--fix`.
 */
function unknownStatement(
  name: string,
  path: (string | number)[],
  catalogue: Catalogue,
): PendingDiagnostic {
  const to = catalogue.clearMatch(name);
  const suggestion = to ?? catalogue.suggest(name);
  return {
    code: 'unknown-statement',
    path,
    message: `"${name}" is not a ${catalogue.id} quality statement${suggestion ? `; did you mean "${suggestion}"?` : '; run "cqc-score rubrics" to list them'}`,
    ...(to ? { fix: { from: name, to } } : {}),
  };
}
