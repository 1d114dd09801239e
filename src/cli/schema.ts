import type { Command } from 'commander';
import { schemas } from '../schema/ajv.js';
import type { MainOptions } from './io.js';
import { packageRequire } from '../base/paths.js';

/** `cqc-score schema`: prints the evidence JSON Schema (or another of the tool's schemas). */
export function schemaCommand(program: Command, options: MainOptions): void {
  program
    .command('schema')
    .description(
      'Print the JSON Schema of evidence files (for editors), or of the JSON result, rubrics or configuration',
    )
    .option('--result', 'the schema of `--format json` output')
    .option('--rubric', 'the schema of rubric files')
    .option('--config', 'the schema of cqc-score.yaml')
    .action((flags: { result?: boolean; rubric?: boolean; config?: boolean }) => {
      const schema = flags.result
        ? (packageRequire('./schemas/result.schema.json') as object)
        : flags.rubric
          ? schemas.rubric
          : flags.config
            ? schemas.config
            : schemas.evidence;
      options.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
