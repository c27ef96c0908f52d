// Source tags the editor adds to an article, in the CriticMarkup comment convention
// `{>>source: activists<<}`, so that other tools read them as comments.
//
// Tags are not article text: before any analysis every CriticMarkup comment is blanked out with spaces
// of the same length, so the analysis never reads it and every offset stays an offset into the
// original text.

import { SourceTag } from './types';

const OPENER = /\{>>/g;
const SOURCE_BODY = /^(\s*)source\s*:(\s*)(.*?)\s*$/is;

export interface MaskedText {
  /** The text with every CriticMarkup comment replaced by spaces (line breaks kept). */
  text: string;
  tags: SourceTag[];
}

export function maskSourceTags(original: string): MaskedText {
  if (!original.includes('{>>')) return { text: original, tags: [] };
  const tags: SourceTag[] = [];
  const blanked: Array<[number, number]> = [];
  // Each comment runs from an opener to the first closer after it. Once no closer is left, no later
  // opener has one either: searching on from each of them (as a lazy regular expression would) costs
  // the square of their number.
  for (let start = original.indexOf('{>>'); start >= 0; start = original.indexOf('{>>', start)) {
    const close = original.indexOf('<<}', start + 3);
    if (close < 0) break;
    const end = close + 3;
    blanked.push([start, end]);
    const body = original.slice(start + 3, close);
    if (/^\s*source\b/i.test(body)) tags.push(parseSourceTag(body, start + 3, start, end));
    start = end;
  }
  // An opener with no closer: blank just the opener so the rest of the line still reads as text.
  // Comments and openers are both found left to right, so one pointer walks the comments.
  const comments = blanked.length;
  let comment = 0;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(original); m; m = OPENER.exec(original)) {
    const at = m.index;
    while (comment < comments && blanked[comment][1] <= at) comment++;
    if (comment < comments && blanked[comment][0] <= at) continue;
    blanked.push([at, at + 3]);
    tags.push({ start: at, end: at + 3, source: null, error: 'Unterminated source tag: close it with "<<}"' });
  }
  blanked.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [s, e] of blanked) {
    out += original.slice(last, s) + original.slice(s, e).replace(/[^\r\n]/g, ' ');
    last = e;
  }
  out += original.slice(last);
  tags.sort((a, b) => a.start - b.start);
  return { text: out, tags };
}

function parseSourceTag(body: string, bodyStart: number, start: number, end: number): SourceTag {
  const m = SOURCE_BODY.exec(body);
  if (!m) {
    return { start, end, source: null, error: 'Malformed source tag: write it as {>>source: NAME<<}' };
  }
  const name = m[3];
  if (!name) return { start, end, source: null, error: 'Empty source tag: name the source, as in {>>source: activists<<}' };
  const nameStart = bodyStart + body.indexOf(name, m[1].length + 'source'.length);
  return { start, end, source: { start: nameStart, end: nameStart + name.length, text: name }, error: null };
}

/** The text of a tag to insert after a claim sentence. */
export function formatSourceTag(source: string): string {
  return `{>>source: ${source.replace(/<<\}/g, '').replace(/\s+/g, ' ').trim()}<<}`;
}
