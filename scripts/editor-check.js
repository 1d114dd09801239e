#!/usr/bin/env node
// npm run editor-check [-- TOOLS_DIR]: what an editor using yaml-language-server
// (VS Code's Red Hat YAML extension) shows for an evidence file that points at
// schemas/evidence.schema.json with a `# yaml-language-server: $schema=` line.
// Installs yaml-language-server from npm into TOOLS_DIR (default: a temporary
// folder; pass one to reuse an install), starts it with --stdio, opens one
// file as an editor would, and prints the diagnostics it publishes and the
// completions it offers for a statement name. Run `npm run build` first.
import { Buffer } from 'node:buffer';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const VERSION = '1.25.0';
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cqc-score-editor-'));
const tools = process.argv[2] ?? join(work, 'tools');
const server = join(tools, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
if (!existsSync(server)) {
  mkdirSync(tools, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      tools,
      '--no-audit',
      '--no-fund',
      '--silent',
      `yaml-language-server@${VERSION}`,
    ],
    { stdio: 'inherit' },
  );
}

copyFileSync(join(root, 'schemas', 'evidence.schema.json'), join(work, 'evidence.schema.json'));
const file = join(work, 'safeguarding.yaml');
const lines = [
  '# yaml-language-server: $schema=./evidence.schema.json',
  'statement: safegaurding',
  'evidence:',
  '  - title: Safeguarding audit',
  '    category: processes',
  '    summary: Most enquiries were completed within 28 days.',
  '    date: 2024-08-14',
  '    statements: [SAFEGUARDING, "Safe systems, pathways & transitions"]',
  '    judgment: strength',
  '  - title: Board assurance',
  '    category: processes',
  '    summary: The board reviewed assurance each quarter.',
  '    statement: ',
];
writeFileSync(file, `${lines.join('\n')}\n`);
const uri = pathToFileURL(file).href;

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const settings = { yaml: { validate: true, completion: true, schemaStore: { enable: false } } };
const waiting = new Map();
let nextId = 0;
let buffer = Buffer.alloc(0);
let published;
const diagnostics = new Promise((resolve) => (published = resolve));
const send = (message) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};
const request = (method, params) =>
  new Promise((resolve) => {
    const id = ++nextId;
    waiting.set(id, resolve);
    send({ id, method, params });
  });
child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const head = buffer.indexOf('\r\n\r\n');
    if (head < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())?.[1]);
    if (buffer.length < head + 4 + length) return;
    const message = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString());
    buffer = buffer.subarray(head + 4 + length);
    if (message.method === undefined && waiting.has(message.id)) {
      waiting.get(message.id)(message.result);
      waiting.delete(message.id);
    } else if (message.method === 'workspace/configuration') {
      send({
        id: message.id,
        result: message.params.items.map((i) => settings[i.section] ?? null),
      });
    } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
      published(message.params.diagnostics);
    } else if (message.id !== undefined && message.method !== undefined) {
      send({ id: message.id, result: null });
    }
  }
});

await request('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(work).href,
  capabilities: { workspace: { configuration: true } },
});
send({ method: 'initialized', params: {} });
send({ method: 'workspace/didChangeConfiguration', params: { settings } });
send({
  method: 'textDocument/didOpen',
  params: { textDocument: { uri, languageId: 'yaml', version: 1, text: `${lines.join('\n')}\n` } },
});
// unref: a run that has its diagnostics does not wait for the timer.
const timeout = new Promise((_, reject) =>
  setTimeout(() => reject(new Error('no diagnostics within 30 s')), 30_000).unref(),
);
const found = await Promise.race([diagnostics, timeout]);
const completion = await request('textDocument/completion', {
  textDocument: { uri },
  position: { line: lines.length - 1, character: lines.at(-1).length },
});
child.kill();

console.log(`yaml-language-server ${VERSION} on ${file}:`);
lines.forEach((line, i) => console.log(`${String(i + 1).padStart(3)} | ${line}`));
console.log('\ndiagnostics:');
for (const d of found)
  console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
console.log(
  `\ncompletions for "statement:" on line ${lines.length}: ${items.length}, starting ${items
    .slice(0, 3)
    .map((i) => JSON.stringify(i.label))
    .join(', ')}`,
);
rmSync(work, { recursive: true, force: true });
