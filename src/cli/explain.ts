import type { Command } from 'commander';
import { terminalLine } from '../report/escape.js';
import { FatalError } from '../base/errors.js';
import { loadFramework } from '../frameworks/catalogue.js';
import { analyse, loadConfig } from '../run/index.js';
import type { PipelineOptions } from '../run/index.js';
import { readStdin } from './inputs.js';
import type { Verdict } from '../score/index.js';
import { loadRules } from '../score/index.js';
import { maskPersonalData } from '../validate/privacy.js';
import type { MainOptions } from './io.js';
import { EXIT } from './io.js';
import { addRunOptions, toRunOptions } from './options.js';
import type { RawRunFlags } from './options.js';

/** `cqc-score explain STATEMENT DIR`: every rule that fired, or could have, and why each item is judged as it is. */
export function explainCommand(
  program: Command,
  options: MainOptions,
  exit: (code: number) => void,
): void {
  addRunOptions(program.command('explain'))
    .description(
      'Show every rule for one statement, which items it fired on and with which words, and how each item was judged',
    )
    .argument('<statement>', 'statement id, title or alias')
    .argument('[paths...]', 'evidence folders, files or globs; - reads standard input', ['.'])
    .option('--redact', 'mask detected personal data in the explanation')
    .action(async (name: string, paths: string[], flags: RawRunFlags & { redact?: boolean }) => {
      const runOptions: PipelineOptions = toRunOptions(flags);
      if (paths.includes('-')) runOptions.stdin = await readStdin(options);
      const config = loadConfig(paths, runOptions);
      const catalogue = loadFramework(config.framework);
      const def = catalogue.resolve(name);
      if (!def) {
        const suggestion = catalogue.suggest(name);
        throw new FatalError(
          `"${name}" is not a ${catalogue.id} quality statement${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        );
      }
      // The same run, and the same verdicts, as every other command.
      const analysis = analyse(paths, runOptions);
      const { result } = analysis;
      const verdicts: readonly Verdict[] = analysis.verdicts.get(def.id) ?? [];
      const statement = result.statements.find((s) => s.id === def.id);
      const rules = loadRules(catalogue, runOptions.rubrics ?? []).forStatement(def.id);
      const out: string[] = [];
      out.push(`${def.title} (${def.id}), ${catalogue.id} framework`);
      for (const note of config.privacyNotes ?? []) out.push(`Note: ${note.message}`);
      out.push(
        statement?.score != null
          ? `Score ${statement.score}: ${statement.label} (${statement.percent}%, ${statement.method})`
          : 'Not assessed: no current evidence',
      );
      out.push('', 'Rules:');
      for (const rule of rules) {
        const hits = verdicts.flatMap((v) =>
          v.fired.filter((f) => f.rule.id === rule.id).map((f) => ({ v, f })),
        );
        const mark = hits.some((h) => h.f.outcome.state === 'match')
          ? 'fired'
          : hits.length > 0
            ? 'negated'
            : 'did not fire';
        out.push(`  ${rule.id} [${rule.effect}] ${mark}`);
        out.push(`    ${rule.finding}`);
        for (const { v, f } of hits) {
          const words = f.outcome.words.length > 0 ? ` on "${f.outcome.words.join('", "')}"` : '';
          out.push(
            `    ${f.outcome.state === 'match' ? '+' : '-'} ${v.item.ref.file}:${v.item.ref.line}${words} (counts ${f.contribution > 0 ? '+' : ''}${f.contribution})`,
          );
        }
      }
      out.push('', 'Items:');
      for (const v of verdicts) {
        const basis = v.basis
          ? `${v.basis.judgement} (${v.basis.how}${v.basis.how === 'inferred' ? `: total ${v.total}, decided by ${v.basis.rules.map((r) => r.rule).join(', ')}` : ''})`
          : `not judged (total ${v.total})`;
        out.push(
          `  ${v.item.ref.file}:${v.item.ref.line} ${v.item.title}${v.item.stale ? ' [stale]' : ''}`,
        );
        out.push(`    ${basis}`);
      }
      // Item titles and the words rules fired on are evidence text: --redact masks them here as in every report.
      const show = (line: string): string =>
        terminalLine(flags.redact ? maskPersonalData(line, config.privacyAllow) : line);
      options.stdout.write(`${out.map(show).join('\n')}\n`);
      exit(result.summary.errors > 0 ? EXIT.failed : EXIT.ok);
    });
}
