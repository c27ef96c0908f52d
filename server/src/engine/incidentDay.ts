// The day of the incident a claim tells of, read from the weekday its sentence (or its article's lead)
// names, and when two such days may be the same incident. The analyzer sets `CasualtyClaim.incidentDay`;
// the conflict index compares it.

import { Range } from './types';

/**
 * The weekday an incident is dated to: "on Monday", "late Tuesday", "Wednesday night", "Sunday's
 * attack". A bare weekday is more often a publication line ("Tuesday 14 November 2017") than an
 * incident's day, and one before "after" belongs to the later event: "late Tuesday, days after dozens
 * were killed".
 */
const INCIDENT_WEEKDAY = /\b(?:(on|late|early|last) )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(['’]s)?(?: (night|evening|morning|afternoon))?\b(?!,? (?:\d|January|February|March|April|May|June|July|August|September|October|November|December))/g;

/** "late Tuesday, days after …": the weekday before these words is the later event's, what follows the earlier one's. */
const LATER_EVENT_TURN = /\b(?:after|following|since)\b/i;

export interface IncidentWeekday {
  weekday: string;
  /** "late Tuesday", "Tuesday night": reports after midnight may give the next day. */
  night: boolean;
  /** "officials said on Sunday": the day of the statement, on or before which the incident happened. */
  statement?: boolean;
}

/**
 * What comes right before a weekday that dates a statement, not an incident: "officials said on Sunday",
 * "told reporters on Sunday", "in a statement on Sunday".
 */
const STATEMENT_BEFORE = /\b(?:said|says|announced|reported|added|stated|confirmed|told(?: [\w.’'-]+){1,3}|statement|briefing|news conference|press conference|interview)\s+$/i;

/** How many days before a statement's day its incident may have happened: "said on Sunday" of Friday night's attack. */
const STATEMENT_REACH_DAYS = 2;

export function incidentWeekday(text: string, s: Range, claimStart: number): IncidentWeekday | null {
  const sentence = text.slice(s.start, s.end);
  // Every weekday ends in "day"; most sentences have none, and the pattern is slow to rule out.
  if (!sentence.includes('day')) return null;
  INCIDENT_WEEKDAY.lastIndex = 0;
  let found: IncidentWeekday | null = null;
  let stated: IncidentWeekday | null = null;
  for (let m = INCIDENT_WEEKDAY.exec(sentence); m; m = INCIDENT_WEEKDAY.exec(sentence)) {
    if (!m[1] && !m[3] && !m[4]) continue;
    const at = s.start + m.index;
    if (at < claimStart && LATER_EVENT_TURN.test(text.slice(at + m[0].length, claimStart))) continue;
    const when = { weekday: m[2], night: m[1] === 'late' || m[4] === 'night' || m[4] === 'evening' };
    // "The toll rose to 41 on Sunday from Thursday's bombing": the possessive names the incident's day,
    // the other the report's.
    if (m[3]) return when;
    // "officials said on Sunday that 79 died in the weekend attack": another weekday of the sentence
    // dates the incident; without one, the statement's day bounds it.
    if (!m[3] && !m[4] && m[1] !== 'late' && STATEMENT_BEFORE.test(text.slice(Math.max(s.start, at - 40), at))) {
      stated ??= { ...when, night: false, statement: true };
      continue;
    }
    found ??= when;
  }
  return found ?? stated;
}

/**
 * The weekday a lead sentence dates the main incident to: "hit a clinic late Tuesday, days after an
 * airstrike on Monday killed 12" dates it to Tuesday; a weekday after "after" is the earlier event's.
 */
export function mainIncidentWeekday(text: string, s: Range): IncidentWeekday | null {
  const earlier = LATER_EVENT_TURN.exec(text.slice(s.start, s.end));
  return incidentWeekday(text, earlier ? { start: s.start, end: s.start + earlier.index } : s, s.start);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * "On Monday" in an article of Tuesday 3 October is 2 October: news names the weekday of an incident
 * of the past week, never of the week to come. An undated article keeps the weekday itself.
 */
export function incidentDay(when: IncidentWeekday | null, articleDate: string | null): string | null {
  if (!when) return null;
  const night = when.statement ? ' or before' : when.night ? ' night' : '';
  const ms = articleDate ? Date.parse(`${articleDate}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) return `${when.weekday}${night}`;
  const back = (new Date(ms).getUTCDay() - WEEKDAYS.indexOf(when.weekday) + 7) % 7;
  return `${new Date(ms - back * 86400000).toISOString().slice(0, 10)}${night}`;
}

/**
 * Incident days as the analyzer gives them ("2016-09-20 night", or "Tuesday night" when undated): the
 * same day, or a night and the day after it, which reports from either side of midnight both give. A
 * statement's day ("2016-09-20 or before") takes a day up to STATEMENT_REACH_DAYS before it, or another
 * statement's day as near.
 */
export function sameIncidentDay(a: string, b: string): boolean {
  // An undated report's "Thursday" can only be set against the weekday of a dated report's day.
  if (isWeekday(a) !== isWeekday(b)) [a, b] = [asWeekday(a), asWeekday(b)];
  const day = (d: string) => d.replace(/ (?:night|or before)$/, '');
  const bound = (d: string) => d.endsWith(' or before');
  if (bound(a) || bound(b)) {
    const back = daysBetween(day(a), day(b));
    if (back === null) return false;
    if (bound(a) && bound(b)) return Math.abs(back) <= STATEMENT_REACH_DAYS;
    // back: how far b's day lies after a's.
    return bound(a) ? -back >= 0 && -back <= STATEMENT_REACH_DAYS : back >= 0 && back <= STATEMENT_REACH_DAYS;
  }
  if (day(a) === day(b)) return true;
  const next = (d: string): string => {
    const ms = Date.parse(`${day(d)}T00:00:00Z`);
    if (!Number.isNaN(ms)) return new Date(ms + 86400000).toISOString().slice(0, 10);
    const i = WEEKDAYS.indexOf(day(d));
    return i < 0 ? '' : WEEKDAYS[(i + 1) % 7];
  };
  return (a.endsWith(' night') && next(a) === day(b)) || (b.endsWith(' night') && next(b) === day(a));
}

/**
 * How many days `b` lies after `a` (negative before): dates by the calendar, weekdays (undated reports)
 * as the nearest of the week, within three days either way; null when they cannot be compared.
 */
function daysBetween(a: string, b: string): number | null {
  const [x, y] = [Date.parse(`${a}T00:00:00Z`), Date.parse(`${b}T00:00:00Z`)];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return Math.round((y - x) / 86400000);
  const [i, j] = [WEEKDAYS.indexOf(a), WEEKDAYS.indexOf(b)];
  if (i < 0 || j < 0) return null;
  const ahead = (j - i + 7) % 7;
  return ahead > 3 ? ahead - 7 : ahead;
}

function isWeekday(incident: string): boolean {
  return WEEKDAYS.includes(incident.replace(/ (?:night|or before)$/, ''));
}

/** "2016-03-03 night" as "Thursday night"; a weekday as itself. */
function asWeekday(incident: string): string {
  if (isWeekday(incident)) return incident;
  const suffix = / (?:night|or before)$/.exec(incident)?.[0] ?? '';
  const ms = Date.parse(`${incident.slice(0, incident.length - suffix.length)}T00:00:00Z`);
  return Number.isNaN(ms) ? incident : `${WEEKDAYS[new Date(ms).getUTCDay()]}${suffix}`;
}
