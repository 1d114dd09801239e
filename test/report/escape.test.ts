import { describe, expect, it } from 'vitest';
import {
  fileUri,
  ghData,
  ghProperty,
  htmlText,
  mdCode,
  mdText,
  plainText,
  wrap,
  xmlAttr,
  xmlText,
} from '../../src/report/escape.js';

describe('plainText (terminal)', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b]0;window title\u0007after', 'after'],
    ['\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['clear\u001b[2J\u001b[Hscreen', 'clearscreen'],
    ['bell\u0007 and del\u007f and nul\u0000', 'bell and del and nul'],
    ['line\none\r\ntwo\tthree', 'line one two three'],
    ['c1 \u009b31m csi', 'c1 csi'],
    ['bidi \u202eevil\u202c', 'bidi evil'],
  ])('%j -> %j', (input, expected) => expect(plainText(input)).toBe(expected));
});

describe('mdText', () => {
  it.each([
    ['# heading', '\\# heading'],
    ['a | b', 'a \\| b'],
    ['<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['[link](http://evil)', '\\[link\\](`http://evil`)'],
    ['see www.example.org.', 'see `www.example.org`.'],
    ['![img](x.png)', '!\\[img\\](x.png)'],
    ['`code` here', '\\`code\\` here'],
    ['*em* _u_ ~~s~~ $m$', '\\*em\\* \\_u\\_ \\~\\~s\\~\\~ \\$m\\$'],
    ['- item', '\\- item'],
    ['1. one', '1\\. one'],
    ['2024 saw 0.5 more', '2024 saw 0.5 more'],
    ['=== and ---', '\\=== and \\---'],
    ['&amp; &#60;', '\\&amp; \\&#60;'],
    ['line\n# two', 'line \\# two'],
    ['see www.example.org now', 'see `www.example.org` now'],
    ['mail x@example.org', 'mail `x@example.org`'],
    ["well-led council's plan", "well-led council's plan"],
  ])('%j -> %j', (input, expected) => expect(mdText(input)).toBe(expected));

  it('code spans cope with backticks and pipes', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('a|b.yaml:3')).toBe('`a\\|b.yaml:3`');
  });
});

describe('wrap', () => {
  it('breaks at the width with a hanging indent and keeps long words whole', () => {
    expect(wrap(['aaaa', 'bbbb', 'cccc'], 10, '- ', '  ')).toEqual(['- aaaa', '  bbbb', '  cccc']);
    expect(wrap(['x'.repeat(20)], 10)).toEqual(['x'.repeat(20)]);
  });
});

describe('xml', () => {
  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(xmlText(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(xmlText('ctl\u0001\u0008\u000b\u001b[31m\ufffe\ud800 ok')).toBe('ctl ok');
    expect(xmlText(']]>')).toBe(']]&gt;');
    expect(xmlText('emoji \ud83d\ude00 kept')).toBe('emoji \ud83d\ude00 kept');
    expect(xmlAttr('two\nlines\ttab')).toBe('two&#10;lines&#9;tab');
  });
});

describe('GitHub workflow commands', () => {
  it('percent-encodes data and properties', () => {
    expect(ghData('50%\nnext\r')).toBe('50%25%0Anext%0D');
    expect(ghProperty('a:b,c')).toBe('a%3Ab%2Cc');
    expect(ghData('::error::\u001b[1mx')).toBe('::error::x');
  });
});

describe('fileUri', () => {
  it('percent-encodes each segment', () => {
    expect(fileUri('../dir/odd name & [x] #1.yaml')).toBe(
      '../dir/odd%20name%20%26%20%5Bx%5D%20%231.yaml',
    );
  });
});

describe('htmlText', () => {
  it.each([
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    [`a "b" 'c' & d`, 'a &quot;b&quot; &#39;c&#39; &amp; d'],
    ['\u001b[31mred\u001b[0m\u0007', 'red'],
    [' keeps its spaces ', ' keeps its spaces '],
    ['line\nbreak', 'line break'],
  ])('%j -> %j', (input, expected) => expect(htmlText(input)).toBe(expected));
});
