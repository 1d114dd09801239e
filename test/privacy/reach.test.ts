// What the tool prints never quotes personal data unmasked in a diagnostic, and
// --redact reaches everything else it prints: reports, text taken from
// --baseline, fatal errors, usage errors and explain. A weakened check is named
// in every output.
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import type { ScoreResult } from '../../src/model/index.js';
import { evidenceYaml, LA_CONFIG, runCli, tempRepo } from '../helpers.js';

const PHONE = '07700 900123';

describe('diagnostics quote personal data only masked, with or without --redact', () => {
  const repo = tempRepo({
    'cqc-score.yaml': LA_CONFIG,
    'a.yaml': evidenceYaml(`ring Jo on ${PHONE}`),
  });
  afterAll(repo.cleanup);

  it.each([[[]], [['--redact']]])('validate %j', async (extra) => {
    const result = await runCli(['validate', repo.dir, ...extra]);
    expect(result.stdout).toMatch(/unknown-statement {2}"ring Jo on \[redacted phone\]" is not/);
    expect(result.stdout).not.toContain(PHONE);
  });

  it.each([
    ['an NHS number', 'processesxxxxxxxxxxxxxxxxxxxxx 943 476 5919', /943 4/],
    ['a phone number', 'processes xxxxxxxxxxxxxxxxx 07700 900123', /07700 9/],
    ['an email address', 'processes xxxxxxxxxxxxxxxxxxxxxxxx jo.bloggs@example.org', /jo\.b/],
  ])('never a fragment of %s where a long value is cut short', async (_kind, value, fragment) => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      'a.yaml': evidenceYaml().replace('category: processes', `category: "${value}"`),
    });
    try {
      const result = await runCli(['validate', dir, '--redact']);
      expect(result.stdout).toMatch(/schema\/enum {2}"category" cannot be "processes ?x+\.\.\./);
      expect(result.stdout).not.toMatch(fragment);
    } finally {
      cleanup();
    }
  });

  it('in a fatal configuration error', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `framework: local-authority\nas-of: "call ${PHONE}"\n`,
      'a.yaml': evidenceYaml(),
    });
    try {
      const result = await runCli(['validate', dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /error schema\/format {2}"as-of" must be a date .*"call \[redacted phone\]"/,
      );
      expect(result.stderr).not.toContain(PHONE);
    } finally {
      cleanup();
    }
  });
});

describe('a fatal --baseline error quotes personal data only masked, with or without --redact', () => {
  it.each([
    ['"Mrs A NHS 943 476 5919"', '"Mrs A NHS [redacted nhs-number]"'],
    ['9434765919', '[redacted nhs-number]'],
    [`{"carer": "${PHONE}"}`, '{"carer":"[redacted phone]"}'],
  ])('schemaVersion %s', async (value, shown) => {
    const { dir, cleanup } = tempRepo({ 'baseline.json': `{"schemaVersion": ${value}}\n` });
    try {
      const argv = ['fixtures/seed-learning', '--baseline', join(dir, 'baseline.json')];
      for (const extra of [[], ['--redact']]) {
        const result = await runCli([...argv, ...extra]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`schemaVersion is ${shown}, expected 1`);
        expect(result.stderr).not.toMatch(/943|07700/);
      }
    } finally {
      cleanup();
    }
  });
});

describe('--redact reaches every message', () => {
  it.each([
    ['a fatal error', ['validate', 'fixtures/seed-learning', '--as-of', '07700900123']],
    ['a usage error', ['fixtures/seed-learning', '--format', '07700900123']],
    ['an unknown statement for explain', ['explain', 'jo@example.com', 'fixtures/seed-learning']],
  ])('%s', async (_name, argv) => {
    const secret = argv.find((a) => /07700900123|jo@example\.com/.test(a))!;
    const plain = await runCli(argv);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(secret);
    const redacted = await runCli([...argv, '--redact']);
    expect(redacted.code).toBe(2);
    expect(redacted.stderr).not.toContain(secret);
    expect(redacted.stderr).toMatch(/\[redacted (phone|email)\]/);
  });

  it('a --baseline that is not JSON: its text is not quoted, not even in part', async () => {
    const { dir, cleanup } = tempRepo({ 'baseline.json': `NHS 943 476 5919, ${PHONE}\n` });
    try {
      const argv = ['fixtures/provider-example', '--baseline', join(dir, 'baseline.json')];
      for (const extra of [[], ['--redact']]) {
        const result = await runCli([...argv, ...extra]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/baseline\.json is not JSON \(it does not parse\)/);
        expect(result.stderr).not.toMatch(/NHS|943/);
      }
    } finally {
      cleanup();
    }
  });

  it('text taken from --baseline', async () => {
    const current = await runCli(['fixtures/provider-example', '--format', 'json']);
    const baseline = JSON.parse(current.stdout) as ScoreResult;
    const statement = baseline.statements.find((s) => s.findings.length > 0)!;
    // A finding only the baseline has is listed as resolved, in the baseline's words.
    statement.findings.push({
      ...statement.findings[0]!,
      rule: 'old-rule',
      text: `Carer on ${PHONE} said the visits were late`,
    });
    const { dir, cleanup } = tempRepo({ 'baseline.json': JSON.stringify(baseline) });
    try {
      const args = ['fixtures/provider-example', '--baseline', join(dir, 'baseline.json')];
      const plain = await runCli([...args, '--format', 'markdown']);
      expect(plain.stdout).toContain(PHONE);
      for (const format of FORMAT_NAMES) {
        const redacted = await runCli([...args, '--format', format, '--redact']);
        expect(redacted.stdout, format).not.toContain(PHONE);
      }
      const markdown = await runCli([...args, '--format', 'markdown', '--redact']);
      expect(markdown.stdout.replace(/\s+/g, ' ')).toContain('Carer on \\[redacted phone\\] said');
    } finally {
      cleanup();
    }
  });

  it('the names of metrics, in every format', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}privacy: warn\n`,
      'a.yaml': evidenceYaml(
        'safeguarding',
        '    metrics: { "943 476 5919": 1, "jo.smith@example.org": 2, "943-476-5919": 3 }\n',
      ),
    });
    try {
      for (const format of FORMAT_NAMES) {
        const redacted = await runCli([dir, '--format', format, '--redact']);
        expect(redacted.stdout, format).not.toMatch(/5919|smith/);
      }
      const json = JSON.parse((await runCli([dir, '--format', 'json', '--redact'])).stdout) as {
        statements: { items: { metrics?: Record<string, number> }[] }[];
      };
      const metrics = json.statements.flatMap((s) => s.items).find((i) => i.metrics)?.metrics;
      // Two names masked alike are both kept, with their values.
      expect(metrics).toEqual({
        '[redacted nhs-number]': 1,
        '[redacted email]': 2,
        '[redacted nhs-number] (2)': 3,
      });
    } finally {
      cleanup();
    }
  });

  it("the words a rule's pattern quotes, even when the pattern stops inside an email address", async () => {
    const rule = [
      'statement: safeguarding',
      'framework: local-authority',
      'rules:',
      '  - id: safeguarding/house-wait',
      '    finding: Long waits',
      '    effect: shortfall',
      '    when:',
      '      text:',
      '        patterns: ["waited \\\\d+ weeks[^.]*"]',
      '    examples:',
      '      fire:',
      '        - Mrs A waited 9 weeks for a visit.',
      '      quiet:',
      '        - nothing here',
      '',
    ].join('\n');
    const { dir, cleanup } = tempRepo({
      'ev/cqc-score.yaml': `${LA_CONFIG}privacy: warn\n`,
      'ev/a.yaml':
        'statement: safeguarding\nevidence:\n  - title: Visit delayed\n    category: processes\n' +
        '    summary: "Mrs A waited 9 weeks for a visit, said her son joegarcia@example.org on the phone."\n' +
        '    date: 2024-07-01\n',
      'rules/r.yaml': rule,
    });
    try {
      const ev = join(dir, 'ev');
      const rubrics = join(dir, 'rules');
      const plain = await runCli([ev, '--rubrics', rubrics, '--format', 'json']);
      expect(plain.stdout).toContain(
        'waited 9 weeks for a visit, said her son joegarcia@example.org',
      );
      for (const argv of [
        ['explain', 'safeguarding', ev, '--rubrics', rubrics, '--redact'],
        [ev, '--rubrics', rubrics, '--format', 'json', '--redact'],
      ]) {
        const redacted = await runCli(argv);
        expect(redacted.stdout).not.toContain('garcia');
        expect(redacted.stdout).toContain('said her son [redacted email]');
      }
    } finally {
      cleanup();
    }
  });

  it('--print-config --redact', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}ignore:\n  - "jo.smith@example.org/**"\n`,
      'a.yaml': evidenceYaml(),
    });
    try {
      const argv = ['validate', dir, '--print-config', '--ignore', 'QQ 12 34 56 C'];
      const plain = await runCli(argv);
      expect(plain.stdout).toContain('jo.smith@example.org');
      const redacted = await runCli([...argv, '--redact']);
      expect(redacted.code).toBe(0);
      expect(redacted.stdout).not.toMatch(/smith|QQ 12/);
      expect(redacted.stdout).toContain('[redacted email]');
      expect(redacted.stdout).toContain('[redacted ni-number]');
    } finally {
      cleanup();
    }
  });

  it('explain --redact', async () => {
    const argv = ['explain', 'safeguarding', 'fixtures/personal-data'];
    const plain = await runCli(argv);
    expect(plain.stdout).toContain('401 023 2137');
    const redacted = await runCli([...argv, '--redact']);
    expect(redacted.stdout).not.toContain('401 023 2137');
    expect(redacted.stdout).toContain('NHS number [redacted nhs-number]');
    // Organisation contacts on the allow-list stay readable.
    expect(redacted.code).toBe(plain.code);
  });
});

describe('a weakened check is named in every output', () => {
  const repo = tempRepo({
    'cqc-score.yaml': `${LA_CONFIG}privacy: off\n`,
    'a.yaml': evidenceYaml('assessing-needs', `    source: "Jo, ${PHONE}"\n`),
  });
  chmodSync(join(repo.dir, 'cqc-score.yaml'), 0o644);
  afterAll(repo.cleanup);
  const by = /personal-data check off by \S*cqc-score-test-\w+\/cqc-score\.yaml/;

  it.each(FORMAT_NAMES)('%s', async (format) => {
    const result = await runCli([repo.dir, '--format', format]);
    // Markdown wraps its lines wherever the words fall.
    const text = result.stdout.replace(/\n\s*/g, ' ');
    expect(text).toContain('personal-data check off by ');
    expect(text).toMatch(by);
    expect(result.stdout).not.toMatch(/personal-data\/phone/);
  });

  it.each([
    ['validate', ['validate']],
    ['validate json', ['validate', '--format=json']],
    ['explain', ['explain', 'assessing-needs']],
  ])('%s', async (_name, args) => {
    const result = await runCli([...args, repo.dir]);
    expect(result.stdout).toMatch(by);
  });

  it.each(FORMAT_NAMES)('%s with --quiet, which shows only errors', async (format) => {
    const result = await runCli([repo.dir, '--format', format, '--quiet']);
    expect(result.stdout.replace(/\n\s*/g, ' ')).toMatch(by);
  });

  it('validate --quiet', async () => {
    const result = await runCli(['validate', repo.dir, '--quiet']);
    expect(result.stdout).toMatch(by);
  });

  it.each([
    ['off', 'personal-data/*', 'off'],
    ['lowered to info', 'personal-data/nhs-number', 'info'],
    ['lowered to warn', 'personal-data/phone', 'warn'],
  ])('rules: that turn a personal-data code %s, in every format', async (said, code, level) => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}rules:\n  ${code}: ${level}\n`,
      'a.yaml': evidenceYaml('assessing-needs', `    source: "Jo, ${PHONE}"\n`),
    });
    try {
      chmodSync(join(dir, 'cqc-score.yaml'), 0o644);
      for (const format of FORMAT_NAMES) {
        const result = await runCli([dir, '--format', format]);
        // Markdown wraps lines and escapes "*".
        const text = result.stdout.replace(/\n\s*/g, ' ').replace(/\\\*/g, '*');
        expect(text, format).toContain(`personal-data check ${said} for ${code} by rules in`);
      }
    } finally {
      cleanup();
    }
  });

  it('not for rules: that keep or raise the level', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}privacy: warn\nrules:\n  personal-data/*: error\n  personal-data/phone: warn\n`,
      'a.yaml': evidenceYaml(),
    });
    try {
      chmodSync(join(dir, 'cqc-score.yaml'), 0o644);
      const result = await runCli(['validate', dir]);
      expect(result.stdout.match(/privacy\/weakened/g)).toHaveLength(1);
      expect(result.stdout).toContain('lowered to warnings by');
    } finally {
      cleanup();
    }
  });

  it.each([
    ['off', 'personal-data check off by --privacy off'],
    ['warn', 'personal-data check lowered to warnings by --privacy warn'],
  ])('--privacy %s', async (level, note) => {
    const result = await runCli(['fixtures/personal-data', '--privacy', level, '--format', 'json']);
    expect(result.stdout).toContain(note);
  });

  it('not when the level is the default', async () => {
    const result = await runCli(['validate', 'fixtures/personal-data']);
    expect(result.stdout).not.toContain('privacy/');
  });
});

describe('a configuration file others can write', () => {
  it.each([
    [0o664, 'group'],
    [0o646, 'world'],
  ])('mode %o (%s-writable) is not trusted to turn the check off', async (mode) => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}privacy: off\n`,
      'a.yaml': evidenceYaml('assessing-needs', `    source: "Jo, ${PHONE}"\n`),
    });
    try {
      chmodSync(join(dir, 'cqc-score.yaml'), mode);
      const result = await runCli(['validate', dir]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/error personal-data\/phone/);
      expect(result.stdout).toMatch(
        /warn privacy\/untrusted-config {2}"privacy: off" is ignored because other users can write .*cqc-score\.yaml; the personal-data check stays at "error" \(run "chmod go-w/,
      );
      expect(result.stdout).not.toMatch(/privacy\/weakened/);
    } finally {
      cleanup();
    }
  });

  it('is not trusted to lower personal-data codes through rules:', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}rules:\n  personal-data/*: off\n  missing-date: off\n`,
      'a.yaml': evidenceYaml('assessing-needs', `    source: "Jo, ${PHONE}"\n`),
    });
    try {
      chmodSync(join(dir, 'cqc-score.yaml'), 0o666);
      const result = await runCli(['validate', dir]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/error personal-data\/phone/);
      expect(result.stdout).toMatch(
        /warn privacy\/untrusted-config {2}"rules: personal-data\/\*: off" is ignored because other users can write/,
      );
      expect(result.stdout).not.toMatch(/privacy\/weakened/);
    } finally {
      cleanup();
    }
  });

  it('is not trusted in a folder others can write, where it can be replaced', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}privacy: off\n`,
      'a.yaml': evidenceYaml('assessing-needs', `    source: "Jo, ${PHONE}"\n`),
    });
    try {
      chmodSync(join(dir, 'cqc-score.yaml'), 0o644);
      chmodSync(dir, 0o777);
      const open = await runCli(['validate', dir]);
      expect(open.stdout).toMatch(/error personal-data\/phone/);
      expect(open.stdout).toMatch(/"privacy: off" is ignored because other users can replace/);
      // The sticky bit (as on /tmp) stops others replacing a file they do not own.
      chmodSync(dir, 0o1777);
      const sticky = await runCli(['validate', dir]);
      expect(sticky.stdout).not.toMatch(/error personal-data\/phone/);
      expect(sticky.stdout).toMatch(/personal-data check off by/);
    } finally {
      chmodSync(dir, 0o700);
      cleanup();
    }
  });

  it('is not trusted through a link in a folder others can write, whatever the link points to', async () => {
    const { dir, cleanup } = tempRepo({
      'safe/off.yaml': `${LA_CONFIG}privacy: off\n`,
      'shared/a.yaml': evidenceYaml('assessing-needs', `    source: "Jo, ${PHONE}"\n`),
    });
    try {
      chmodSync(join(dir, 'safe', 'off.yaml'), 0o644);
      symlinkSync(join('..', 'safe', 'off.yaml'), join(dir, 'shared', 'cqc-score.yaml'));
      chmodSync(join(dir, 'shared'), 0o777);
      const result = await runCli(['validate', join(dir, 'shared')]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/error personal-data\/phone/);
      expect(result.stdout).toMatch(/"privacy: off" is ignored because other users can replace/);
    } finally {
      chmodSync(join(dir, 'shared'), 0o700);
      cleanup();
    }
  });

  it('is still trusted for settings that do not weaken the check', async () => {
    const { dir, cleanup } = tempRepo({
      'cqc-score.yaml': `${LA_CONFIG}privacy: error\n`,
      'a.yaml': evidenceYaml(),
    });
    try {
      chmodSync(join(dir, 'cqc-score.yaml'), 0o666);
      const result = await runCli(['validate', dir]);
      expect(result.stdout).not.toMatch(/privacy\//);
      writeFileSync(join(dir, 'cqc-score.yaml'), `${LA_CONFIG}privacy: warn\n`);
      chmodSync(join(dir, 'cqc-score.yaml'), 0o600);
      const trusted = await runCli(['validate', dir]);
      expect(trusted.stdout).toMatch(
        /info privacy\/weakened {2}personal-data check lowered to warnings/,
      );
    } finally {
      cleanup();
    }
  });
});
