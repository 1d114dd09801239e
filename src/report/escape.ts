/**
 * Escaping for every output format. Evidence text is written by people and can
 * carry anything: terminal escape sequences, HTML, Markdown that would forge
 * headings or links, pipes that break tables, characters XML cannot hold.
 * Every formatter passes evidence text through one of these before printing it.
 */

/** ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte escapes, and C1 CSI. */
const ANSI = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?',
    '\\u001b[P^_][^\\u001b]*(?:\\u001b\\\\)?',
    '\\u001b[@-Z\\\\-_]',
    '\\u009b[0-?]*[ -/]*[@-~]',
  ].join('|'),
  'g',
);

/** C0 and C1 control characters, DEL, and the Unicode line/paragraph separators and bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Removes terminal escape sequences, then every control character; runs of whitespace (newlines included) become one space. */
export function plainText(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(/[\t\n\r\f\v]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** One line for the terminal as it is laid out (indentation kept), without escapes or control characters. */
export function terminalLine(line: string): string {
  return line
    .replace(ANSI, '')
    .replace(/[\t\n\r\f\v]+/g, ' ')
    .replace(CONTROL, '');
}

/** For the terminal: no escape sequences or control characters from evidence reach the screen. */
export const terminalText = plainText;

// --- Markdown -------------------------------------------------------------------------------

/** Bare addresses GitHub would turn into links (and markdownlint's no-bare-urls would flag). */
const ADDRESS =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>`|]*[^\s<>`|.,;:!?)\]'"*_~]|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** Punctuation that means something anywhere in a line: code, emphasis, links, HTML, entities, tables, strike-through, maths. */
const MD_INLINE = /[\\`*_[\]<>|~&$]/g;
/** Punctuation that means something at the start of a line (headings, lists, quotes, setext underlines, ordered lists). */
const MD_LINE_START = /^(?:[#+=-]+|[0-9]{1,9}[.)])$/;

/** Escapes what would mean something at the start of a line (a heading, list, quote, setext underline). */
export function mdLineStart(word: string): string {
  const start = MD_LINE_START.exec(word);
  if (!start) return word;
  const at = /[0-9]/.test(word) ? word.length - 1 : 0;
  return `${word.slice(0, at)}\\${word.slice(at)}`;
}

/**
 * Escapes one word. By default every word is escaped as if it might start a
 * line; a caller that wraps with `wrap(..., mdLineStart)` escapes only the
 * words that do.
 */
function escapeWord(word: string, lineStart: boolean): string {
  const inline = word.replace(MD_INLINE, (c) => `\\${c}`);
  return lineStart ? mdLineStart(inline) : inline;
}

/**
 * A code span that shows `text` literally: backticks inside need a longer fence,
 * and pipes are escaped so the span is safe inside a table cell too.
 */
export function mdCode(text: string): string {
  const clean = plainText(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * Evidence text as Markdown words, each one safe wherever a line break may put
 * it: every punctuation character that could start a heading, list, quote,
 * HTML, link, image, emphasis, code or table cell is backslash-escaped, and
 * bare addresses become code spans so they are shown, not linked.
 * Returns the words; join with spaces or wrap them.
 */
export function mdWords(text: string, lineStart = true): string[] {
  const clean = plainText(text);
  const words: string[] = [];
  for (const raw of clean.split(' ')) {
    if (raw === '') continue;
    let out = '';
    let last = 0;
    for (const match of raw.matchAll(ADDRESS)) {
      out += escapeWord(raw.slice(last, match.index), lineStart);
      out += mdCode(match[0]);
      last = match.index + match[0].length;
    }
    out += escapeWord(raw.slice(last), lineStart);
    words.push(out);
  }
  return words;
}

/** Evidence text as one line of inline Markdown (safe in paragraphs, list items and table cells). */
export function mdText(text: string): string {
  return mdWords(text).join(' ');
}

/** A table cell: inline Markdown, never empty. */
export function mdCell(text: string): string {
  const cell = mdText(text);
  return cell === '' ? ' ' : cell;
}

/**
 * Greedy word wrap at `width` columns. `first` prefixes the first line (a list
 * marker), `indent` the others; a word longer than the line stands alone.
 * `start` rewrites the word that begins each line (mdLineStart escapes it).
 */
export function wrap(
  words: readonly string[],
  width: number,
  first = '',
  indent = '',
  start: (word: string) => string = (word) => word,
): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    const opening = start(word);
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + opening;
    } else {
      line = empty ? line + opening : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}

// --- XML ------------------------------------------------------------------------------------

/** Characters XML 1.0 cannot hold at all (escaped or not): most C0 controls, lone surrogates, U+FFFE/FFFF. */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text or attribute value for XML 1.0: & < > " ' escaped, terminal escapes and invalid characters removed. */
export function xmlText(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An attribute value: as xmlText, with line breaks and tabs kept as character references. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

// --- GitHub workflow commands ---------------------------------------------------------------

/** The message of a workflow command (`::warning ...::MESSAGE`). */
export function ghData(text: string): string {
  return text.replace(ANSI, '').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`file=`, `title=`): also `:` and `,`. */
export function ghProperty(text: string): string {
  return ghData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// --- URIs -----------------------------------------------------------------------------------

/** A relative file path as a URI reference: each segment percent-encoded, slashes kept. */
export function fileUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

// --- HTML -----------------------------------------------------------------------------------

/**
 * Text or a double-quoted attribute value for HTML: terminal escapes and
 * control characters removed, & < > " ' escaped, so evidence text can never
 * open a tag, close an attribute or start an entity.
 */
export function htmlText(text: string): string {
  // As plainText, but spaces at either end are kept: inline parts meet at them.
  return text
    .replace(ANSI, '')
    .replace(/[\t\n\r\f\v]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
