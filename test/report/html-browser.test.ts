/// <reference lib="dom" />
// The HTML report in a real browser: Chromium from the system's package
// manager (.ci/run installs it where missing), driven by puppeteer-core.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/model/index.js';
import { run } from '../../src/run/index.js';
import { LA_CONFIG, tempRepo } from '../helpers.js';
import { render, score } from './golden-helpers.js';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => typeof p === 'string' && p !== '');

function chromium(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      'no Chromium found (looked at CHROMIUM_PATH and /usr/bin/chromium): install it with `apt-get install -y chromium`, as .ci/run does',
    );
  return found;
}

const temp = mkdtempSync(join(tmpdir(), 'cqc-score-html-'));
let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({
    executablePath: chromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** Opens the report as a file, recording console errors, page errors, dialogs and every request. */
async function open(result: ScoreResult, name: string) {
  const file = join(temp, `${name}.html`);
  writeFileSync(file, await render(result, 'html'));
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests: requests.filter((r) => r !== url), dialogs };
}

describe.each([
  ['seed-learning', () => score('seed-learning')],
  ['provider-example', () => score('provider-example')],
] as const)('the %s report in Chromium', (name, make) => {
  it('loads with no console errors and no requests beyond itself', async () => {
    const { page, errors, requests } = await open(make(), name);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.$$eval('script, link, img, iframe, object', (els) => els.length)).toBe(0);
    await page.close();
  });

  it('shows every statement in the grid, coloured by score', async () => {
    const result = make();
    const { page } = await open(result, name);
    const tiles = await page.$$eval('.grid > li', (els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        return {
          id: el.getAttribute('data-statement'),
          score: el.getAttribute('data-score'),
          colour: getComputedStyle(el).backgroundColor,
          visible: box.width > 0 && box.height > 0,
        };
      }),
    );
    expect(tiles.map((t) => t.id)).toEqual(result.statements.map((s) => s.id));
    expect(tiles.every((t) => t.visible)).toBe(true);
    const colours = new Map<string, Set<string>>();
    for (const t of tiles)
      colours.set(t.score ?? '', (colours.get(t.score ?? '') ?? new Set()).add(t.colour));
    // One colour per score, and different scores differ.
    for (const set of colours.values()) expect(set.size).toBe(1);
    const distinct = new Set([...colours.values()].map((set) => [...set][0]));
    expect(distinct.size).toBe(colours.size);
    await page.close();
  });

  it('draws a bar of strengths against shortfalls for each assessed statement', async () => {
    const result = make();
    const { page } = await open(result, name);
    const bars = await page.$$eval('.bar', (els) =>
      els.map((el) => ({
        label: el.getAttribute('aria-label'),
        good: (el.querySelector('.good') as HTMLElement).getBoundingClientRect().width,
        bad: (el.querySelector('.bad') as HTMLElement).getBoundingClientRect().width,
      })),
    );
    const assessed = result.statements.filter((s) => s.score !== null);
    expect(bars).toHaveLength(assessed.length);
    assessed.forEach((s, i) => {
      const strengths = s.counts.strength + s.counts.exceptional;
      const shortfalls = s.counts.shortfall + s.counts['significant-shortfall'];
      const bar = bars[i]!;
      expect(bar.label).toBe(
        `${strengths} strength${strengths === 1 ? '' : 's'}, ${shortfalls} shortfall${shortfalls === 1 ? '' : 's'}`,
      );
      if (strengths + shortfalls > 0)
        expect(bar.good / (bar.good + bar.bad)).toBeCloseTo(
          strengths / (strengths + shortfalls),
          1,
        );
    });
    await page.close();
  });
});

describe('evidence text in the HTML report', () => {
  const hostile = [
    '<script>window.__pwned = 1; alert(1)</script>',
    '<img src=x onerror="window.__pwned = 2">',
    '"><svg onload="window.__pwned = 3">',
    '\'><iframe src="javascript:alert(4)"></iframe>',
    '</code></li></ul><style>body{display:none}</style>',
    '&lt;b&gt;entity&lt;/b&gt; and &#60;i&#62;',
  ];

  it('cannot inject markup or script, and is shown as written', async () => {
    const items = hostile
      .map(
        (text, i) =>
          `  - title: ${JSON.stringify(`Delays ${text}`)}\n    category: ${i % 2 ? 'processes' : 'peoples-experience'}\n    summary: ${JSON.stringify(`People waited too long. ${text}`)}\n    source: ${JSON.stringify(`Survey ${text}`)}\n    date: 2024-07-01\n    judgement: shortfall\n`,
      )
      .join('');
    const repo = tempRepo({
      'cqc-score.yaml': LA_CONFIG,
      [`odd <b>name</b> & "q".yaml`]: `statement: safeguarding\nevidence:\n${items}`,
    });
    try {
      const result = run(repo.dir);
      expect(result.summary.errors).toBe(0);
      const { page, errors, dialogs } = await open(result, 'hostile');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(
        await page.$$eval('script, img, svg, iframe, style', (els) =>
          els.map((el) => el.tagName.toLowerCase()),
        ),
      ).toEqual(['style']);
      expect(await page.$eval('body', (b) => getComputedStyle(b).display)).toBe('block');
      const text = await page.$eval('main', (m) => m.textContent ?? '');
      for (const h of hostile) expect(text).toContain(h);
      expect(text).toContain('odd <b>name</b> & "q".yaml');
      await page.close();
    } finally {
      repo.cleanup();
    }
  });
});
