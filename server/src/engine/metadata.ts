// What an article says about itself: its headline, its date, and where the article ends and the web
// page's furniture (comment forms, share links) begins.

import { wordTable } from './lexicon';
import { DocumentMetadata, Range } from './types';

const MONTHS: Record<string, number> = wordTable({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
});
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => [+m[1], +m[2], +m[3]]],
  [new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`), (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]]],
  [new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`), (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]]],
  // "Apr 232017": a comma and a space lost on the way to a corpus.
  [new RegExp(`\\b${MONTH} (\\d{2})((?:19|20)\\d{2})\\b`), (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]]],
  // "05.02.2015", "05-02-2015": day first, as the outlets that write it this way do.
  [/\b(\d{2})[.-](\d{2})[.-]((?:19|20)\d{2})\b/, (m) => [+m[3], +m[2], +m[1]]],
];

/** Lines that start a web page's furniture rather than continue the article. */
const FURNITURE_LINE =
  /^\s*(?:leave a (?:reply|comment)|your email address will not be published|follow (?:us|developments|@)|recommend on (?:twitter|facebook)|share (?:this|on)\b|related (?:articles|posts|stories|news)|you may (?:also like|use these html)|click here to|subscribe to|sign up for|read more:|all rights reserved|copyright ©|©|tags:|comments?\s*$|post a comment|join the conversation|more on this story|related:)/i;

export function readMetadata(text: string): DocumentMetadata {
  return { headline: findHeadline(text), date: findDate(text), furnitureStart: findFurniture(text), dateline: findDateline(text) };
}

/**
 * "BEIRUT, March 12 (Reuters) -", "HOMS, Syria —": a place in capitals opening a paragraph near the
 * top. It names where the story was filed, not where the incident happened.
 */
const DATELINE = /^[ \t]*([\p{Lu}][\p{Lu}' .-]{2,}(?:,[ \t]*[\p{L} .]+?)?(?:,[ \t]*[\p{L}]+\.? \d{1,2}(?:,? \d{4})?)?(?:[ \t]*\([\p{L} .]+\))?)[ \t]*[-—–:]/mu;

const NOT_DATELINE = /^(?:PHOTO|PHOTOS|CAPTION|PHOTO CAPTION|UPDATE|UPDATED|BREAKING|EXCLUSIVE|WATCH|VIDEO|FILE|NOTE|EDITOR|ANALYSIS|OPINION|LIVE)\b/;

function findDateline(text: string): Range | null {
  const re = new RegExp(DATELINE.source, 'gmu');
  const head = text.slice(0, 1500);
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (NOT_DATELINE.test(m[1])) continue;
    const start = m.index + m[0].indexOf(m[1]);
    return { start, end: m.index + m[0].length };
  }
  return null;
}

function findHeadline(text: string): Range | null {
  const m = /^\s*([^\r\n]+)/.exec(text);
  if (!m) return null;
  const start = m.index + m[0].length - m[1].length;
  const line = m[1].trimEnd();
  // A headline is a short first line; a first line that is a whole paragraph is body text.
  if (line.length > 200) return null;
  return { start, end: start + line.length };
}

function findDate(text: string): string | null {
  // The article's own date sits in its first lines (dateline, "Date of publication ...", "Last updated").
  // A split with a limit stops after the first lines instead of cutting the whole text into lines.
  const head = text.split(/\r?\n/, 8).join('\n').slice(0, 800);
  for (const [re, read] of DATE_PATTERNS) {
    const m = re.exec(head);
    if (!m) continue;
    const [y, mo, d] = read(m);
    if (y < 1900 || y > 2100 || !mo || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

function findFurniture(text: string): number | null {
  const lineRe = /[^\r\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    // Furniture trails the article: ignore look-alikes in its first half.
    if (m.index < text.length * 0.4) continue;
    if (FURNITURE_LINE.test(m[0])) return m.index;
  }
  return null;
}
