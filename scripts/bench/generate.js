// Synthetic evidence repositories for `npm run bench`.
//
// Deterministic: every file is generated from (seed, file index) alone, so the
// same seed always gives byte-identical files, and file N is the same in every
// repository size. Local-authority framework, nested folders
// (theme/statement/year-quarter/), 10 items per file, summaries composed from
// word banks (strength and shortfall phrases, figures, dates within three
// years of as-of). About 0.5% of files are invalid: an unknown key, a wrong
// enum value, or malformed YAML. Malformed files are named `*-draft.yaml`
// (ajv-cli aborts the whole run on a file it cannot parse, so the ajv-cli
// reference skips them by that name).
//
// Usage as a script: node scripts/bench/generate.js DIR FILES [SEED]

import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump whenever the output changes: bench-data is regenerated when it differs. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20250630;
export const AS_OF = '2025-06-30';
export const ITEMS_PER_FILE = 10;
/** File indices with index % INVALID_EVERY === INVALID_EVERY - 1 are invalid (0.5%). */
export const INVALID_EVERY = 200;
export const STAMP_FILE = '.bench-generator.json';

// --- PRNG --------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fileSeed(seed, index) {
  // splitmix-style mix of seed and index so neighbouring files are unrelated.
  let x = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function picker(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  return { rand, int, pick, chance };
}

// --- word banks --------------------------------------------------------------

const THEMES = {
  'working-with-people': [
    'assessing-needs',
    'supporting-people-to-live-healthier-lives',
    'equity-in-experience-and-outcomes',
  ],
  'providing-support': [
    'care-provision-integration-and-continuity',
    'partnerships-and-communities',
  ],
  'ensuring-safety': ['safe-pathways-systems-and-transitions', 'safeguarding'],
  leadership: ['governance-management-and-sustainability', 'learning-improvement-and-innovation'],
};
const THEME_OF = Object.fromEntries(
  Object.entries(THEMES).flatMap(([theme, ids]) => ids.map((id) => [id, theme])),
);
const STATEMENTS = Object.keys(THEME_OF);
const CATEGORIES = ['peoples-experience', 'staff-and-leaders', 'partners', 'processes'];

// Per statement: topic nouns for titles, strength and shortfall clauses
// (completing "<opener> ..."), and metrics the rubrics know.
const TOPICS = {
  'assessing-needs': {
    topics: [
      'Care Act assessments',
      'carers assessments',
      'the front door',
      'annual reviews',
      'occupational therapy assessments',
      'eligibility decisions',
    ],
    strengths: [
      'assessments were completed promptly and focused on people’s strengths and goals',
      'people and their carers were involved in planning their care and support',
      'the front door resolved most contacts at the first point of contact',
      'eligibility decisions were clear, consistent and explained to people',
    ],
    shortfalls: [
      'people waited too long for an assessment and the waiting list had grown',
      'carers assessments were not always offered and some carers did not know they could ask',
      'annual reviews were overdue and risks to people waiting were not always checked',
      'assessments were inconsistent between teams and not all were strengths-based',
    ],
    metrics: [
      ['assessment-wait-median-days', 12, 140],
      ['waiting-list', 40, 900],
      ['reviews-overdue-percent', 5, 55],
      ['carers-assessments-waiting', 10, 160],
    ],
  },
  'supporting-people-to-live-healthier-lives': {
    topics: [
      'reablement',
      'information and advice',
      'equipment and adaptations',
      'technology-enabled care',
      'prevention services',
      'community wellbeing hubs',
    ],
    strengths: [
      'reablement helped most people stay independent at home after leaving hospital',
      'information and advice was easy to find and helped people plan ahead',
      'equipment was delivered quickly and adaptations let people stay in their homes',
      'community wellbeing hubs offered early help that prevented or delayed the need for care',
    ],
    shortfalls: [
      'people waited months for adaptations and some could not use parts of their home',
      'information about preventative support was hard to find and not available in other languages',
      'reablement capacity was limited so some people went straight to long-term care',
      'the prevention strategy was still in draft and not yet embedded',
    ],
    metrics: [
      ['still-at-home-91-days-percent', 60, 95],
      ['adaptations-wait-weeks', 4, 52],
      ['direct-payments-percent', 10, 40],
    ],
  },
  'equity-in-experience-and-outcomes': {
    topics: [
      'equality data',
      'seldom-heard communities',
      'accessible information',
      'reasonable adjustments',
      'unpaid carers from minority groups',
      'interpreting services',
    ],
    strengths: [
      'the council used equality data to understand which groups had worse outcomes and acted on it',
      'community organisations helped the council reach seldom-heard groups',
      'reasonable adjustments were made and information was provided in accessible formats',
      'interpreters were booked routinely and people could communicate in their own language',
    ],
    shortfalls: [
      'equality data was incomplete so the council could not show whether outcomes differed between groups',
      'some communities did not know what support was available and engagement was patchy',
      'accessible information was not consistently available and easy-read formats were missing',
      'the equality action plan had not been reviewed and progress was not monitored',
    ],
    metrics: [['direct-payments-percent', 10, 40]],
  },
  'care-provision-integration-and-continuity': {
    topics: [
      'home care capacity',
      'care home placements',
      'the market position statement',
      'direct payments',
      'commissioning',
      'provider quality',
    ],
    strengths: [
      'commissioners understood local needs and the market offered a good range of care',
      'most providers were rated good or outstanding and quality was closely monitored',
      'direct payments gave people choice and control over their support',
      'home care was available without delay in every locality',
    ],
    shortfalls: [
      'there were gaps in home care capacity in rural areas and unmet hours were rising',
      'people were placed out of area because local care homes were full',
      'some providers required improvement and contract monitoring was not always timely',
      'the market sustainability plan was out of date and fees were not agreed with providers',
    ],
    metrics: [
      ['providers-good-or-outstanding-percent', 55, 98],
      ['unmet-home-care-hours', 50, 1200],
      ['out-of-area-placements', 5, 120],
      ['care-worker-vacancy-percent', 3, 18],
    ],
  },
  'partnerships-and-communities': {
    topics: [
      'the integrated care board',
      'voluntary sector partners',
      'the health and wellbeing board',
      'joint commissioning',
      'housing partners',
      'carers organisations',
    ],
    strengths: [
      'partners described strong, trusting relationships and shared priorities with the council',
      'joint commissioning with the integrated care board was well established',
      'the voluntary sector was valued as an equal partner and funded on longer contracts',
      'partners worked together to support people with complex needs',
    ],
    shortfalls: [
      'partners said communication from the council was inconsistent and decisions were slow',
      'joint working with health was at an early stage and not yet embedded',
      'voluntary organisations were not always involved in planning and felt excluded',
      'housing partners were not engaged early enough in discharge planning',
    ],
    metrics: [['delayed-discharges', 4, 45]],
  },
  'safe-pathways-systems-and-transitions': {
    topics: [
      'hospital discharge',
      'transitions to adulthood',
      'information sharing',
      'out-of-hours cover',
      'moves between services',
      'provider failure contingency',
    ],
    strengths: [
      'hospital discharge was safe and timely with good information sharing between teams',
      'young people moving to adult services were planned for from age 14',
      'contingency plans kept people safe when a provider closed at short notice',
      'information was shared securely and promptly between health and social care',
    ],
    shortfalls: [
      'young people were not always planned for early and some transitions were delayed',
      'people were discharged without care in place and some were readmitted',
      'information sharing between systems was poor and records did not always follow the person',
      'out-of-hours arrangements were not clear and staff did not always know who to contact',
    ],
    metrics: [['delayed-discharges', 4, 45]],
  },
  safeguarding: {
    topics: [
      'section 42 enquiries',
      'the safeguarding adults board',
      'making safeguarding personal',
      'deprivation of liberty safeguards',
      'safeguarding adults reviews',
      'the safeguarding hub',
    ],
    strengths: [
      'safeguarding concerns were screened the same day and enquiries completed within timescales',
      'people were asked what outcomes they wanted and these were recorded and met',
      'the safeguarding adults board gave clear strategic oversight and partners shared learning',
      'learning from safeguarding adults reviews was shared and embedded in practice',
    ],
    shortfalls: [
      'there was a backlog of safeguarding concerns waiting to be screened',
      'people were not always involved in their enquiry or told the outcome',
      'deprivation of liberty applications waited months and the waiting list was growing',
      'learning from reviews was not consistently shared with frontline staff',
    ],
    metrics: [
      ['s42-enquiries-completed-percent', 50, 98],
      ['msp-outcomes-met-percent', 60, 98],
      ['safeguarding-backlog', 10, 300],
      ['dols-waiting-list', 50, 900],
    ],
  },
  'governance-management-and-sustainability': {
    topics: [
      'performance reporting',
      'the adult social care budget',
      'quality assurance',
      'risk management',
      'the corporate plan',
      'scrutiny',
    ],
    strengths: [
      'leaders had clear oversight of performance and risks through regular reporting',
      'the budget was balanced and savings plans were delivered',
      'quality assurance was embedded and audits informed improvement',
      'elected members and scrutiny understood adult social care priorities',
    ],
    shortfalls: [
      'performance data was not always accurate and leaders lacked a clear view of waiting lists',
      'the budget was overspent and savings plans relied on one-off funding',
      'the quality assurance framework was new and not yet embedded',
      'risks were recorded but actions were not followed up',
    ],
    metrics: [['budget-overspend-percent', 0, 15]],
  },
  'learning-improvement-and-innovation': {
    topics: [
      'workforce development',
      'coproduction',
      'complaints',
      'peer review',
      'the principal social worker',
      'practice audits',
    ],
    strengths: [
      'staff had regular training and leaders invested in further learning',
      'people with lived experience helped design services through coproduction',
      'learning from complaints was shared and led to changes in practice',
      'peer review and sector-led improvement shaped the improvement plan',
    ],
    shortfalls: [
      'a coproduction policy was still being drafted and people were not yet involved',
      'complaints were not always responded to on time and learning was not shared',
      'recruitment gaps meant heavy reliance on agency staff',
      'training in strengths-based practice needed to improve',
    ],
    metrics: [
      ['ombudsman-upheld-percent', 10, 70],
      ['late-remedies', 0, 5],
      ['care-worker-vacancy-percent', 3, 18],
    ],
  },
};

const OPENERS = {
  'peoples-experience': [
    'People we spoke with said',
    'Feedback from people who use services showed',
    'Carers told us',
    'In the adult social care survey people said',
    'Family members described how',
  ],
  'staff-and-leaders': [
    'Staff in {n} locality teams said',
    'Senior leaders told us',
    'Social workers described how',
    'Team managers reported that',
    'Frontline staff said',
  ],
  partners: [
    'Partners in the integrated care board said',
    'Voluntary sector partners told us',
    'NHS colleagues described how',
    'Provider representatives said',
    'Housing partners reported that',
  ],
  processes: [
    'Case file audits in {month} found',
    'Performance data for {month} showed',
    'The self-assessment stated',
    'Board minutes from {month} recorded that',
    'The quality assurance report found',
  ],
};
const FIGURES = [
  '{pct}% of people said they were satisfied with their care and support, against {pct2}% in {year}.',
  'Around {n} people were waiting at the end of {month}, compared with {n2} a year earlier.',
  'The median wait was {days} days, against a local target of 28 days.',
  '{pct}% of {things} were completed within timescales during {month}.',
  'A further {n} referrals were received in the quarter to {month}.',
  'The council spent £{m} million on this in {year}, {pct}% of the adult social care budget.',
];
const THINGS = ['reviews', 'assessments', 'enquiries', 'care plans', 'referrals', 'audits'];
const FOLLOWUPS = {
  strength: [
    'This had improved since the last review in {month}.',
    'Leaders monitored this monthly and acted quickly on any dip.',
    'People said this made a real difference to their independence.',
    'The approach was consistent across all {n} teams.',
    'An independent audit in {month} confirmed the improvement.',
  ],
  shortfall: [
    'An action plan agreed in {month} was not yet embedded.',
    'Leaders recognised the need to improve and had set up a working group.',
    'This was not consistent across teams and some people waited longer.',
    'Staff said the backlog had built up since {month}.',
    'More work was needed before the impact could be shown.',
  ],
};
const SOURCES = [
  'Staff focus groups',
  'Adult social care survey',
  'Case file audit',
  'Performance dashboard',
  'Self-assessment',
  'Partner interviews',
  'Senior leader interviews',
  'Safeguarding adults board annual report',
  'Carers survey',
  'Complaints and compliments report',
  'Board minutes',
  'Workforce data',
];
const TAGS = [
  'waiting-lists',
  'carers',
  'workforce',
  'coproduction',
  'hospital-discharge',
  'prevention',
  'equality',
  'market',
  'safeguarding',
  'transitions',
  'digital',
  'finance',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const TITLE_STRENGTH = [
  'Good progress on {topic}',
  'Timely, person-centred approach to {topic}',
  'Improvement in {topic} over the last year',
  'Strong partnership approach to {topic}',
  'People positive about {topic}',
];
const TITLE_SHORTFALL = [
  'Delays in {topic}',
  'Inconsistent approach to {topic}',
  'Gaps in {topic}',
  'Improvement still needed in {topic}',
  'Backlog in {topic}',
];

// --- composition -------------------------------------------------------------

const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);
const DAY_MS = 86_400_000;

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function fill(template, p, dateMs) {
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    switch (key) {
      case 'n':
        return String(p.int(3, 400));
      case 'n2':
        return String(p.int(3, 400));
      case 'pct':
        return String(p.int(35, 98));
      case 'pct2':
        return String(p.int(35, 98));
      case 'days':
        return String(p.int(5, 160));
      case 'm':
        return (p.int(5, 400) / 10).toFixed(1);
      case 'things':
        return p.pick(THINGS);
      case 'year':
        return String(new Date(dateMs).getUTCFullYear() - p.int(0, 1));
      case 'month': {
        const d = new Date(dateMs - p.int(0, 300) * DAY_MS);
        return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
      }
      case 'topic':
      case 'Topic':
        return key === 'Topic' ? p.topic.charAt(0).toUpperCase() + p.topic.slice(1) : p.topic;
      default:
        return key;
    }
  });
}

function wrap(text, indent, width = 78) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
}

function item(p, statement, fileIndex, k, bank) {
  const category = p.pick(CATEGORIES);
  const positive = p.chance(0.55);
  const judgement = positive
    ? p.chance(0.08)
      ? 'exceptional'
      : 'strength'
    : p.chance(0.1)
      ? 'significant-shortfall'
      : 'shortfall';
  // Within three years of as-of, skewed towards recent evidence (~18% older than 24 months).
  const dateMs = AS_OF_MS - Math.floor(p.rand() ** 2 * 3 * 365) * DAY_MS;
  p.topic = p.pick(bank.topics);
  const title = fill(p.pick(positive ? TITLE_STRENGTH : TITLE_SHORTFALL), p, dateMs);
  const sentences = [
    `${fill(p.pick(OPENERS[category]), p, dateMs)} ${p.pick(positive ? bank.strengths : bank.shortfalls)}.`,
  ];
  if (p.chance(0.7)) sentences.push(fill(p.pick(FIGURES), p, dateMs));
  if (p.chance(0.6))
    sentences.push(fill(p.pick(FOLLOWUPS[positive ? 'strength' : 'shortfall']), p, dateMs));
  const lines = [];
  if (p.chance(0.7))
    lines.push(`id: ${statement.split('-')[0]}-${String(fileIndex).padStart(5, '0')}-${k + 1}`);
  lines.push(`title: ${title}`);
  lines.push(`category: ${category}`);
  lines.push(`summary: >-\n${wrap(sentences.join(' '), '      ')}`);
  if (p.chance(0.15)) {
    const other = p.pick(STATEMENTS);
    if (other !== statement) lines.push(`statements: [${statement}, ${other}]`);
  }
  if (p.chance(0.96)) lines.push(`date: ${isoDate(dateMs)}`);
  lines.push(
    `source: ${p.pick(SOURCES)}, ${MONTHS[new Date(dateMs).getUTCMonth()]} ${new Date(dateMs).getUTCFullYear()}`,
  );
  if (p.chance(0.8)) lines.push(`judgement: ${judgement}`);
  if (!positive && p.chance(0.4))
    lines.push(`status: ${p.pick(['planned', 'in-progress', 'in-progress', 'embedded'])}`);
  if (p.chance(0.3)) lines.push(`tags: [${p.pick(TAGS)}, ${p.pick(TAGS)}]`);
  if (p.chance(0.35)) {
    const [name, lo, hi] = p.pick(bank.metrics);
    lines.push(`metrics:\n      ${name}: ${p.int(lo, hi)}`);
  }
  if (p.chance(0.2))
    lines.push(
      `reference: https://example.gov.uk/adult-social-care/${slugify(p.topic)}/${isoDate(dateMs)}.pdf`,
    );
  return { lines, dateMs, title };
}

/** The kind of file at this index: 'valid', 'bad-key', 'wrong-enum' or 'malformed'. */
export function fileKind(index) {
  if (index % INVALID_EVERY !== INVALID_EVERY - 1) return 'valid';
  return ['bad-key', 'wrong-enum', 'malformed'][Math.floor(index / INVALID_EVERY) % 3];
}

/** One evidence file: { path (relative, posix), text, kind }. */
export function generateFile(seed, index) {
  const p = picker(prng(fileSeed(seed, index)));
  const kind = fileKind(index);
  const statement = STATEMENTS[p.int(0, STATEMENTS.length - 1)];
  const bank = TOPICS[statement];
  const items = [];
  for (let k = 0; k < ITEMS_PER_FILE; k++) items.push(item(p, statement, index, k, bank));
  const first = items[0];

  const rendered = items.map((it) =>
    it.lines.map((l, j) => `${j === 0 ? '  - ' : '    '}${l}`).join('\n'),
  );
  if (kind === 'bad-key') {
    rendered[p.int(0, ITEMS_PER_FILE - 1)] += '\n    judgment: strength';
  } else if (kind === 'wrong-enum') {
    const k = p.int(0, ITEMS_PER_FILE - 1);
    rendered[k] = rendered[k].replace(/category: [a-z-]+/, 'category: staff-feedback');
  } else if (kind === 'malformed') {
    const k = p.int(1, ITEMS_PER_FILE - 1);
    rendered[k] = rendered[k].replace(/title: (.*)/, 'title: "$1\n   category: [processes');
  }
  const header = p.chance(0.5)
    ? '# yaml-language-server: $schema=../../../schemas/evidence.schema.json\n'
    : '';
  const text = `${header}statement: ${statement}\nevidence:\n${rendered.join('\n\n')}\n`;

  const d = new Date(first.dateMs);
  const quarter = `${d.getUTCFullYear()}-q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  const name = `${String(index).padStart(5, '0')}-${slugify(first.title)}${kind === 'malformed' ? '-draft' : ''}.yaml`;
  return { path: `${THEME_OF[statement]}/${statement}/${quarter}/${name}`, text, kind };
}

export const CONFIG_TEXT = `# Synthetic benchmark repository (scripts/bench/generate.js).\nframework: local-authority\nas-of: ${AS_OF}\nstale-after-months: 24\n`;

/** Write a repository of `files` evidence files into `dir` (which is emptied first). */
export function writeRepo(dir, files, seed = DEFAULT_SEED) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cqc-score.yaml'), CONFIG_TEXT);
  const kinds = { valid: 0, 'bad-key': 0, 'wrong-enum': 0, malformed: 0 };
  let bytes = 0;
  const made = new Set();
  for (let i = 0; i < files; i++) {
    const f = generateFile(seed, i);
    const target = path.join(dir, f.path);
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(target, f.text);
    kinds[f.kind] += 1;
    bytes += Buffer.byteLength(f.text);
  }
  const stamp = {
    generator: GENERATOR_VERSION,
    seed,
    files,
    itemsPerFile: ITEMS_PER_FILE,
    kinds,
    bytes,
  };
  fs.writeFileSync(path.join(dir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  return stamp;
}

/** Regenerate `dir` only when it is missing or was made by another generator version, seed or size. */
export function ensureRepo(dir, files, seed = DEFAULT_SEED) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, STAMP_FILE), 'utf8'));
    if (stamp.generator === GENERATOR_VERSION && stamp.seed === seed && stamp.files === files) {
      return { ...stamp, regenerated: false };
    }
  } catch {
    // missing or unreadable: regenerate
  }
  return { ...writeRepo(dir, files, seed), regenerated: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, files, seed] = process.argv.slice(2);
  if (!dir || !files) {
    process.stderr.write('usage: node scripts/bench/generate.js DIR FILES [SEED]\n');
    process.exitCode = 2;
  } else {
    const stamp = writeRepo(dir, Number(files), seed === undefined ? DEFAULT_SEED : Number(seed));
    process.stdout.write(`${JSON.stringify(stamp)}\n`);
  }
}
