// Shared by npm run rubric-schema and npm run evidence-schema: rewrite one file
// of schemas/ from code, formatted as prettier would, or with --check only say
// whether it is up to date (exit 1 when not).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/**
 * @param {string} name the file under schemas/, e.g. "rubric.schema.json"
 * @param {string} script the npm script that writes it
 * @param {(schema: any) => any} update gives the schema as it should be
 */
export async function regenerateSchema(name, script, update) {
  const file = new URL(`../schemas/${name}`, import.meta.url);
  const before = readFileSync(file, 'utf8');
  const schema = update(JSON.parse(before));
  const options = (await resolveConfig(file)) ?? {};
  const after = await format(JSON.stringify(schema), { ...options, parser: 'json' });
  if (process.argv.includes('--check')) {
    process.stdout.write(
      after === before ? 'up to date\n' : `out of date: run npm run ${script}\n`,
    );
    process.exitCode = after === before ? 0 : 1;
  } else if (after !== before) {
    writeFileSync(file, after);
    process.stdout.write(`wrote schemas/${name}\n`);
  } else process.stdout.write(`schemas/${name} is up to date\n`);
}
