// Actors (people, organisations) and places: finding mentions in sentences, reading titles as roles,
// and merging the mentions of one entity within a document ("President Bashar al-Assad",
// "Bashar al-Assad", "Assad", "Assad's").

import { groupBy, WordTest } from './collections';
import { Gazetteer, foldDiacritics } from './gazetteer';
import { LruMemo } from './memo';
import {
  COMMON_CAPITALISED, KNOWN_ACTORS, NATIONAL_ORG_NOUNS, NOT_ENTITIES, ORG_HEADS, ORG_STARTS, PLACE_NOUNS, PLACE_PREFIXES,
  PLACE_SUFFIXES, TITLES,
} from './lexicon';
import { isApostrophe, isCapitalized, Token, Word } from './text';
import { Entity, EntityKind, PlaceInfo } from './types';

// Regex literals written in a function make a new RegExp object each time they are evaluated;
// these are tested once or more per token, so they are made once here.
const WHITESPACE = /\s+/;
const LEADING_THE = /^the /;
const WHITESPACE_RUN = /\s+/g; // for replace only, which starts a global pattern from the beginning
const ALL_CAPS = /^[\p{Lu}.&-]{2,}$/u;
const CAPITALISED_ENDING_IN_S = /^\p{Lu}\p{L}+s$/u;
const PLACE_NOUN_AFTER = /\s+(?:province|governorate|countryside|city|district|region|area|state|oblast)$/i;
const PROVINCE = /^(?:province|governorate)$/;
/** The nouns after a place's name that make it a region: "Niger state", "Punjab province". */
const REGION_NOUN = '(?:province|governorate|state|oblast)';
const REGION_NOUN_END = new RegExp(`\\s${REGION_NOUN}$`, 'i');
const REGION_NOUN_NEXT = new RegExp(`^\\s+${REGION_NOUN}\\b`, 'i');

/** A sentence as the entity finder sees it. */
export interface SentenceTokens {
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * A statistical tagger's reading of one sentence: token spans (end exclusive) with CoNLL labels, or
 * null when no model could be loaded.
 */
export type SentenceTagger = (words: string[]) => Array<{ start: number; end: number; label: 'PER' | 'ORG' | 'LOC' | 'MISC' }> | null;

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  /** Name without title or possessive, used to merge mentions. */
  name: string;
  role: string | null;
  /** An appositive that describes the person: "the head of the civil defence in Idlib". */
  description?: string;
  known?: string; // canonical name of a known actor
  place?: PlaceInfo;
  /** For places: whether the words around said "place", or only the gazetteer did. */
  placeEvidence?: 'context' | 'gazetteer';
}

interface KnownEntry {
  canonical: string;
  kind: 'organization' | 'person';
  words: string[];
  caseSensitive: boolean;
  /** The name starts with a capital; a lower-case phrase of the same words is a description. */
  capitalised: boolean;
}

const KNOWN_INDEX: Map<string, KnownEntry[]> = buildKnownIndex();

/** The key a known actor's name is found under in KNOWN_INDEX from its first word. */
function knownKey(word: Word): string {
  const core = stripPossessive(word.text);
  return core === word.text ? word.lower : core.toLowerCase();
}

/** A word some known actor's name starts with: most are none, and are passed over without a lookup. */
const STARTS_KNOWN_NAME = new WordTest((word) => KNOWN_INDEX.has(knownKey(word)));

function buildKnownIndex(): Map<string, KnownEntry[]> {
  const index = new Map<string, KnownEntry[]>();
  for (const actor of KNOWN_ACTORS) {
    for (const form of [actor.name, ...actor.aliases]) {
      const words = wordsOf(form);
      // Short acronyms ("IS", "AP", "WHO") must match case-sensitively or they read ordinary words.
      const caseSensitive = /^[A-Z.]+$/.test(form) || words.length === 1;
      const entry: KnownEntry = {
        canonical: actor.name,
        kind: actor.kind,
        words: caseSensitive ? words : words.map((w) => w.toLowerCase()),
        caseSensitive,
        capitalised: isCapitalized(form) && !/^(?:The|Al)\b/.test(form),
      };
      const first = entry.words[0].toLowerCase();
      const list = index.get(first) ?? [];
      list.push(entry);
      index.set(first, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

function wordsOf(phrase: string): string[] {
  return phrase.match(/(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\d]*(?:[-'’]\p{L}[\p{L}\p{M}\d]*)*|\S/gu) ?? [];
}

/** Every known actor form, lower-cased, to its canonical name. */
const KNOWN_BY_NAME = new Map<string, string>(
  KNOWN_ACTORS.flatMap((a) => [a.name, ...a.aliases].map((form) => [form.toLowerCase(), a.name] as [string, string])),
);
/**
 * Titles as words, longest first, under their first word: a title can only start at a token that is its
 * first word, so a token is compared with the few titles that start with it, not with every title.
 */
const TITLES_BY_FIRST_WORD = groupBy(TITLES.map(wordsOf).sort((a, b) => b.length - a.length), (words) => words[0]);
const CONNECTORS = new Set(['of', 'for', 'the', 'al', 'el', 'bin', 'ibn', 'abu', 'de', 'la', 'du', 'van', 'von', 'der', 'and', '&', 'on']);
const WEEKDAY_ABBREVIATION = /^(?:Sun|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\.?$/;
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/;
/** What may open the words a bare possessive owns: "Syrias (pro-regime militia) National Defence". */
const OWNED_OPENERS = new Set(['(', '"', '“', '‘']);
/** Words that cannot be what a possessive owns: "Adams and Platt", "Davies said". */
const NOT_OWNED = new Set(['and', 'or', 'but', 'said', 'says', 'was', 'is', 'were', 'are', 'has', 'have', 'had', 'who', 'which', 'that',
  'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'also', 'will', 'would', 'could', 'after', 'before', 'as', 'than', 'not']);
/** Population from which a city abroad, its name written with a bare "s", is read as a possessive. */
const BARE_POSSESSIVE_CITY = 100000;
/** Population from which another spelling of a transliterated city is taken as that city. */
const WELL_KNOWN_CITY = 500000;
/** Countries whose place names reach English news in many transliterations. */
const TRANSLITERATED = new Set(['SY', 'IQ', 'LB', 'JO', 'PS', 'YE', 'EG', 'SA', 'LY', 'SD', 'TN', 'DZ', 'MA', 'AF', 'IR', 'TR', 'PK', 'KW', 'QA', 'AE', 'OM', 'BH']);
const OPENING = new Set(['"', '“', '‘', '(', '[', '-', '—', ':']);
const LOCATIVE = new Set(['in', 'near', 'outside', 'into', 'across', 'around', 'towards', 'toward', 'from', 'at', 'to', 'of', 'between']);
const ARABIC_PREFIX = /^(?:al|el|ad|ar|as|ash|at|az|an|ath)-(?=\p{Lu})/u;

/**
 * "Assad's" and "Assad’S" lose their 's, and then "rebels'" its apostrophe. Read from the last
 * characters: a regex replace per word ending in s ("forces", "was") cost more than the rest of the
 * word's reading.
 */
function stripPossessive(word: string): string {
  let end = word.length;
  const last = word.charCodeAt(end - 1);
  if ((last === 115 || last === 83) && isApostrophe(word.charCodeAt(end - 2))) end -= 2;
  if (isApostrophe(word.charCodeAt(end - 1)) && word.charCodeAt(end - 2) === 115) end -= 1;
  return end === word.length ? word : word.slice(0, end);
}

/** "ISIL-controlled", "rebel-held", "US-led": an adjective built on a name is not part of a name. */
const NAME_ADJECTIVE = /-(?:controlled|held|based|backed|led|run|linked|affiliated|allied|occupied|besieged|dominated|friendly|aligned|funded|supported|style|born|made|owned|bound|era)$/i;

function isProperWord(tok: Token): boolean {
  if (tok.kind !== 'word') return false;
  const text = tok.text;
  if (isCapitalized(text)) return !(text.indexOf('-') >= 0 && NAME_ADJECTIVE.test(text));
  // "al-Assad": an Arabic article before a capital. Most lower-case words start with neither 'a' nor
  // 'e' and are answered without looking for a hyphen.
  const first = text.charCodeAt(0);
  if (first !== 97 && first !== 101) return false;
  return text.indexOf('-') >= 0 && ARABIC_PREFIX.test(text) && !NAME_ADJECTIVE.test(text);
}

function isAllCaps(word: string): boolean {
  // A word starting in lower case is not in capitals; most words are answered without a regex.
  const first = word.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  return ALL_CAPS.test(word);
}

/** A sentence written in capitals (a wire headline) tells nothing by capitalisation. */
function isShouting(tokens: Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length <= 1) continue;
    words++;
    if (isAllCaps(t.text)) caps++;
  }
  return words >= 3 && caps / words > 0.6;
}

/**
 * How many sentences keep their mentions. Finding them (the tagger most of all) is most of an
 * analysis, and an edit in an open article changes one sentence of hundreds: analysing it again then
 * reads one sentence, not the whole article.
 */
export const SENTENCES_REMEMBERED = 4096;

/** A sentence's mentions with offsets from its start, and how many tokens it had. */
interface SentenceReading {
  tokenCount: number;
  mentions: EntityMention[];
}

function shifted(m: EntityMention, by: number): EntityMention {
  return { ...m, start: m.start + by, end: m.end + by };
}

/**
 * The words a document capitalises mid-sentence, where a capital says "name". Only the rules read them,
 * and only when no tagger reads the sentence, so they are gathered on the first question.
 */
class MidSentenceCapitals {
  private words: Set<string> | undefined;

  constructor(private readonly sentences: SentenceTokens[]) {}

  has(word: string): boolean {
    if (this.words === undefined) {
      this.words = new Set<string>();
      for (const s of this.sentences) {
        for (let i = 1; i < s.tokens.length; i++) {
          const t = s.tokens[i];
          if (isProperWord(t) && s.tokens[i - 1].text !== '"' && s.tokens[i - 1].text !== '“') this.words.add(stripPossessive(t.text));
        }
      }
    }
    return this.words.has(word);
  }
}

export class EntityFinder {
  /** Keyed by the sentence's text: what findInSentence reads when it reads nothing else. */
  private readonly remembered = new LruMemo<string, SentenceReading>(SENTENCES_REMEMBERED);

  constructor(private readonly gazetteer: Gazetteer, private readonly tagger?: SentenceTagger) {}

  findMentions(text: string, sentences: SentenceTokens[]): EntityMention[] {
    const mentions: EntityMention[] = [];
    const capitalisedMidSentence = new MidSentenceCapitals(sentences);
    for (const s of sentences) {
      const key = text.slice(s.start, s.end);
      const seen = this.remembered.get(key);
      if (seen !== undefined && seen.tokenCount === s.tokens.length) {
        for (const m of seen.mentions) mentions.push(shifted(m, s.start));
        continue;
      }
      const first = mentions.length;
      if (this.findInSentence(text, s, capitalisedMidSentence, mentions)) {
        // Copies: later steps change the kind, place and description of the mentions they are given.
        this.remembered.set(key, { tokenCount: s.tokens.length, mentions: mentions.slice(first).map((m) => shifted(m, -s.start)) });
      }
    }
    for (const m of mentions) if (m.kind === 'person') addAppositiveRole(text, m);
    return this.resolvePlaces(text, mentions, sentences);
  }

  /**
   * Picks, for each place, the gazetteer entry in a country the article is about ("Hama" in Syria, not
   * elsewhere), and drops capitalised words that only a spelling-variant match made places.
   */
  private resolvePlaces(text: string, mentions: EntityMention[], sentences: SentenceTokens[]): EntityMention[] {
    const countries = new Set<string>();
    for (const m of mentions) if (m.kind === 'place' && m.place?.placeType === 'country') countries.add(m.place.countryCode);
    for (const s of sentences) for (const t of s.tokens) {
      const c = t.kind === 'word' && isCapitalized(t.text) ? this.gazetteer.countryOfDemonym(stripPossessive(t.text)) : null;
      if (c) countries.add(c.code);
    }
    const kept: EntityMention[] = [];
    let lowerCase: { words: Set<string>; openers: Set<number> } | undefined;
    for (const m of mentions) {
      // "Niger state", "Punjab province": a country's name before a region's noun names a region.
      const province = m.place?.placeType === 'country' && (REGION_NOUN_END.test(m.name) || REGION_NOUN_NEXT.test(text.slice(m.end, m.end + 14)));
      if (m.kind !== 'place' || (m.place?.placeType === 'country' && !province)) {
        kept.push(m);
        continue;
      }
      const lookupName = m.name.replace(PLACE_NOUN_AFTER, '');
      let candidates = this.gazetteer.candidates(lookupName);
      if (province) {
        const regions = candidates.filter((c) => c.info.placeType !== 'country');
        if (!regions.length) {
          kept.push(m);
          continue;
        }
        candidates = regions;
      }
      // "Raqqas military court": a possessive whose apostrophe the source stripped.
      if (!candidates.length && /[^s]s$/.test(lookupName)) candidates = this.gazetteer.candidates(lookupName.slice(0, -1));
      const local = candidates.find((c) => countries.has(c.info.countryCode));
      const plausible = candidates.find((c) =>
        c.exact ? c.info.placeType === 'country' || (c.info.population ?? 0) >= 100000
          : TRANSLITERATED.has(c.info.countryCode) && (c.info.population ?? 0) >= 15000);
      // A spelling-variant match abroad is a guess; take it only when the article names no country.
      // A city of half a million is how the press spells it whatever else the article names: "Hodeidah".
      const chosen = local ?? (plausible && (plausible.exact || countries.size === 0 || (plausible.info.population ?? 0) >= WELL_KNOWN_CITY) ? plausible : undefined);
      if (!chosen && m.placeEvidence === 'gazetteer') continue;
      // "Monsoon floods kill 86": a word that opens a sentence, that no gazetteer knows and that the
      // article writes in lower case elsewhere ("monsoon rains") is a common noun, not a place.
      if (!chosen && !m.name.includes(' ') && (lowerCase ??= lowerCaseWords(sentences)).words.has(m.name.toLowerCase()) && lowerCase.openers.has(m.start)) continue;
      // Every mention here is this call's own (the memo keeps copies), so it is changed, not copied.
      m.place = chosen?.info;
      kept.push(m);
    }
    return kept;
  }

  /**
   * Adds the mentions of one sentence to `out`. Returns true when they depend on the sentence's text
   * alone, false when the rules read the document too (which single words it capitalises mid-sentence).
   */
  private findInSentence(text: string, s: SentenceTokens, seenMid: MidSentenceCapitals, out: EntityMention[]): boolean {
    const tokens = s.tokens;
    const shouting = isShouting(tokens);
    const taken = new Array<boolean>(tokens.length).fill(false);

    // 1. Known actors, longest match first.
    for (let i = 0; i < tokens.length; i++) {
      if (taken[i]) continue;
      const entry = this.matchKnown(tokens, i);
      if (!entry) continue;
      let first = i;
      const last = i + entry.words.length - 1;
      // "the Britain-based monitor" reads as the Observatory only with its article.
      if (entry.words.length <= 2 && /monitor$/i.test(entry.words[entry.words.length - 1]) && tokens[i - 1]?.lower !== 'the') continue;
      if (entry.words[0].toLowerCase() === 'the' && !/^The$/.test(tokens[i].text)) first = i + 1;
      for (let k = first; k <= last; k++) taken[k] = true;
      out.push(this.makeMention(text, tokens, first, last, entry.kind, null, entry.canonical));
      i = last;
    }

    // 2. A statistical tagger, when one is loaded, proposes spans and types; rules refine them.
    const spans = this.tagger && !shouting ? this.tagger(tokens.map((t) => t.text)) : null;
    if (spans) {
      for (const span of spans) {
        if (span.label === 'MISC') {
          this.addNationalOrganisation(text, tokens, span.start, span.end - 1, taken, out);
          continue;
        }
        let free = true;
        for (let k = span.start; k < span.end; k++) if (taken[k]) free = false;
        if (!free) continue;
        this.addTagged(text, tokens, span.start, span.end - 1, span.label, taken, out);
      }
      return true;
    }

    // 3. Runs of capitalised words.
    for (let i = 0; i < tokens.length; i++) {
      if (taken[i] || !isProperWord(tokens[i])) continue;
      let j = i;
      while (j + 1 < tokens.length && !taken[j + 1]) {
        const next = tokens[j + 1];
        if (isProperWord(next) && !(shouting && isAllCaps(next.text) !== isAllCaps(tokens[j].text))) {
          j++;
          continue;
        }
        // A title abbreviation keeps its full stop: "Col. Riad al-Asaad".
        if (next.text === '.' && next.start === tokens[j].end && isTitleAbbreviation(tokens[j].text) && isProperWord(tokens[j + 2] ?? next)) {
          j++;
          continue;
        }
        if (CONNECTORS.has(next.lower) && next.lower === next.text && tokens[j + 2] && isProperWord(tokens[j + 2]) && !taken[j + 2]) {
          if (next.lower === 'and' || next.lower === 'on') break; // "Syria and Turkey" are two names
          if (next.lower === 'the' && tokens[j].lower !== 'of') break;
          j += 2;
          continue;
        }
        break;
      }
      if (shouting) {
        i = j;
        continue; // capitals say nothing in a shouted headline; known actors were matched above
      }
      this.classifyRun(text, tokens, i, j, seenMid, taken, out, null);
      i = j;
    }
    return shouting;
  }

  /**
   * "Syrias", "Idlibs": a possessive whose apostrophe was stripped, known by its stem and by what it
   * owns after it ("Raqqas military court"); before a mark, a number or a verb it is a name ("Adams ,").
   */
  private isBarePossessive(tokens: Token[], index: number): boolean {
    const word = tokens[index].text;
    if (!CAPITALISED_ENDING_IN_S.test(word)) return false;
    // "Syrias (pro-regime militia) National Defence": what is owned may open with a bracket or a quote.
    const next = OWNED_OPENERS.has(tokens[index + 1]?.text ?? '') ? tokens[index + 2] : tokens[index + 1];
    if (!next || next.kind !== 'word' || NOT_OWNED.has(next.lower)) return false;
    const stem = word.slice(0, -1);
    // A region's name ("Balkan", in Turkmenistan) is no evidence: "the Balkans" is no possessive.
    const known = (name: string) => this.gazetteer.candidates(name).some((c) => c.exact && c.info.placeType !== 'region');
    // The stem must be a place news names that way: a country, a town of the region whose press strips
    // apostrophes, or a city. "Adams", "Eagles" and "Estes" are names, not "Adam's" (a town in Oman).
    const notable = this.gazetteer.candidates(stem).some((c) => c.exact && (c.info.placeType === 'country' ||
      c.info.placeType !== 'region' && (TRANSLITERATED.has(c.info.countryCode) || (c.info.population ?? 0) >= BARE_POSSESSIVE_CITY)));
    return notable && !known(word);
  }

  private matchKnown(tokens: Token[], i: number): KnownEntry | null {
    if (!STARTS_KNOWN_NAME.has(tokens[i].word)) return null;
    const candidates = KNOWN_INDEX.get(knownKey(tokens[i].word))!;
    for (const entry of candidates) {
      let ok = true;
      for (let k = 0; k < entry.words.length && ok; k++) {
        const tok = tokens[i + k];
        if (!tok) ok = false;
        else {
          const last = k === entry.words.length - 1;
          const word = last ? stripPossessive(tok.text) : tok.text;
          ok = entry.caseSensitive ? word === entry.words[k] : word.toLowerCase() === entry.words[k];
        }
      }
      if (!ok) continue;
      // "the civil defence in Idlib" is a description; "Civil Defence" is the organisation's name.
      if (entry.capitalised && !isCapitalized(tokens[i].text)) continue;
      // A bare "IS" or "AP" must stand alone as a name, not as the verb "is" in a shouted headline.
      if (entry.words.length === 1 && entry.words[0].length <= 3) {
        const prev = tokens[i - 1];
        if (prev && isAllCaps(prev.text) && prev.text.length > 1) continue;
      }
      return entry;
    }
    return null;
  }

  private classifyRun(
    text: string, tokens: Token[], first: number, last: number, seenMid: MidSentenceCapitals, taken: boolean[],
    out: EntityMention[], label: 'PER' | 'ORG' | 'LOC' | null,
  ): void {
    // Leading words that only capitalise because they start the sentence ("Defectors", "Meanwhile"),
    // or a leading article anywhere ("the Free Syrian Army").
    const sentenceStart = first === 0 || OPENING.has(tokens[first - 1].text);
    while (first <= last) {
      const lower = tokens[first].lower;
      if (lower === 'the' || (sentenceStart && COMMON_CAPITALISED.has(lower)) || (first === 0 && first === last && label === null && COMMON_CAPITALISED.has(lower))) first++;
      else break;
    }
    while (last >= first && (CONNECTORS.has(tokens[last].lower) || tokens[last].text === '.')) last--;
    if (first > last) return;
    if (first === last && (NOT_ENTITIES.has(stripPossessive(tokens[first].lower)) || CALENDAR.test(stripPossessive(tokens[first].text)))) return;
    // A possessive ends a name: "Jordan's King Abdullah", "Syria's Salamiyah" are two names each, and
    // so is "Syrias Raqa" where the apostrophe was stripped.
    for (let k = first; k < last; k++) {
      if (/['’]s$/.test(tokens[k].text) || this.isBarePossessive(tokens, k)) {
        this.classifyRun(text, tokens, first, k, seenMid, taken, out, null);
        first = k + 1;
        break;
      }
    }

    // Titles are roles, not names.
    let role: string | null = null;
    let nameFirst = first;
    const title = this.matchTitle(tokens, first, last);
    if (title > first) {
      role = text.slice(tokens[first].start, tokens[title - 1].end).replace(WHITESPACE_RUN, ' ');
      nameFirst = title;
    } else if (this.gazetteer.countryOfDemonym(tokens[first].text) && first < last) {
      const after = this.matchTitle(tokens, first + 1, last);
      if (after > first + 1) {
        role = text.slice(tokens[first].start, tokens[after - 1].end);
        nameFirst = after;
      }
    }
    const lastWord = this.isBarePossessive(tokens, last) ? tokens[last].text.slice(0, -1) : stripPossessive(tokens[last].text);
    const phrase = text.slice(tokens[nameFirst].start, tokens[last].end - (tokens[last].text.length - lastWord.length));
    const mark = () => {
      for (let k = first; k <= last; k++) taken[k] = true;
    };

    if (nameFirst > last) {
      // A title alone ("the President") is not a mention of anyone we can name.
      return;
    }
    if (role) {
      mark();
      out.push(this.makeMention(text, tokens, nameFirst, last, 'person', role));
      return;
    }

    // Demonyms: "Syrian" alone is not an entity; "Syrian army" is an organisation.
    if (first === last && this.gazetteer.countryOfDemonym(tokens[first].text)) {
      const next = tokens[last + 1];
      const next2 = tokens[last + 2];
      const two = next && next2 ? `${next.lower} ${next2.lower}` : '';
      if (next && (NATIONAL_ORG_NOUNS.has(two) || NATIONAL_ORG_NOUNS.has(next.lower))) {
        const end = NATIONAL_ORG_NOUNS.has(two) ? last + 2 : last + 1;
        for (let k = first; k <= end; k++) taken[k] = true;
        out.push(this.makeMention(text, tokens, first, end, 'organization', null));
      }
      return;
    }

    const lowerWords = tokens.slice(nameFirst, last + 1).map((t) => stripPossessive(t.lower));
    const prev = tokens[first - 1];
    const prev2 = tokens[first - 2];
    const next = tokens[last + 1];

    if (ORG_HEADS.has(lowerWords[lowerWords.length - 1]) || (lowerWords.length > 1 && ORG_STARTS.has(lowerWords[0]))) {
      mark();
      out.push(this.makeMention(text, tokens, nameFirst, last, 'organization', null));
      return;
    }
    const place = this.gazetteer.lookupWithQuality(phrase);
    const afterPlaceNoun = prev?.lower === 'of' && prev2 && PLACE_NOUNS.has(prev2.lower);
    const beforePlaceSuffix = next && PLACE_SUFFIXES.has(next.lower) && next.text === next.lower;
    const placePrefix = lowerWords.length > 1 && PLACE_PREFIXES.has(lowerWords[0]);
    if (label === 'LOC' || (place && (place.exact || label === null)) || afterPlaceNoun || beforePlaceSuffix || placePrefix) {
      let end = last;
      if (beforePlaceSuffix && (next.lower === 'province' || next.lower === 'governorate')) end = last + 1;
      for (let k = first; k <= end; k++) taken[k] = true;
      const mention = this.makeMention(text, tokens, nameFirst, end, 'place', null, undefined, place?.info ?? undefined);
      mention.placeEvidence = label === 'LOC' || afterPlaceNoun || beforePlaceSuffix || placePrefix || (prev && LOCATIVE.has(prev.lower)) ? 'context' : 'gazetteer';
      out.push(mention);
      return;
    }
    if (label === 'ORG') {
      mark();
      out.push(this.makeMention(text, tokens, nameFirst, last, 'organization', null));
      return;
    }
    if (label === 'PER') {
      mark();
      out.push(this.makeMention(text, tokens, nameFirst, last, 'person', null));
      return;
    }
    if (prev && LOCATIVE.has(prev.lower) && prev.lower !== 'of' && last - nameFirst <= 2 && !isAllCaps(tokens[nameFirst].text)) {
      mark();
      out.push({ ...this.makeMention(text, tokens, nameFirst, last, 'place', null, undefined, place?.info), placeEvidence: 'context' });
      return;
    }
    if (isAllCaps(tokens[nameFirst].text) && nameFirst === last && tokens[nameFirst].text.replace(/\./g, '').length >= 2) {
      mark();
      out.push(this.makeMention(text, tokens, nameFirst, last, 'organization', null));
      return;
    }
    if (last > nameFirst && last - nameFirst <= 3) {
      mark();
      out.push(this.makeMention(text, tokens, nameFirst, last, 'person', null));
      return;
    }
    // A single unknown capitalised word: kept as a person candidate, resolved against full names later.
    if (nameFirst === last && (seenMid.has(lastWord) || first > 0)) {
      mark();
      out.push({ ...this.makeMention(text, tokens, nameFirst, last, 'person', null), role: '?single' });
    }
  }

  /** "Syrian army", "Turkish military": a nationality before an institution names an organisation. */
  private addNationalOrganisation(text: string, tokens: Token[], first: number, last: number, taken: boolean[], out: EntityMention[]): void {
    if (first !== last || !this.gazetteer.countryOfDemonym(tokens[first].text)) return;
    const next = tokens[last + 1];
    const next2 = tokens[last + 2];
    const two = next && next2 ? `${next.lower} ${next2.lower}` : '';
    if (!next || next.text !== next.lower || !(NATIONAL_ORG_NOUNS.has(two) || NATIONAL_ORG_NOUNS.has(next.lower))) return;
    const end = NATIONAL_ORG_NOUNS.has(two) ? last + 2 : last + 1;
    for (let k = first; k <= end; k++) taken[k] = true;
    out.push(this.makeMention(text, tokens, first, end, 'organization', null));
  }

  /**
   * A span the statistical tagger found: its type is trusted (it was trained on exact spans); rules only
   * read a title inside or just before a person's name as a role, and look the place up.
   */
  private isLikelyPlace(name: string): boolean {
    const c = this.gazetteer.lookupWithQuality(name);
    return c !== null && (c.exact || (c.info.population ?? 0) >= 15000);
  }

  private addTagged(
    text: string, tokens: Token[], first: number, last: number, label: 'PER' | 'ORG' | 'LOC', taken: boolean[], out: EntityMention[],
  ): void {
    for (let k = first; k <= last; k++) taken[k] = true;
    // Web furniture ("Sun Aug 17 2014") reads to the tagger as a name.
    let allCalendar = true;
    for (let k = first; k <= last; k++) if (!CALENDAR.test(tokens[k].text) && !WEEKDAY_ABBREVIATION.test(tokens[k].text)) allCalendar = false;
    if (allCalendar) return;
    // "ISIL-controlled Raqqa": the adjective names who holds the place; the place is the rest.
    if (first < last && NAME_ADJECTIVE.test(tokens[first].text)) {
      first += 1;
      if (label !== 'PER' && this.gazetteer.lookup(text.slice(tokens[first].start, tokens[last].end))) label = 'LOC';
    }
    // "A reporter in Deir Ezzor said": no person is "in" someone; a name the gazetteer knows is the place.
    if (label === 'PER' && tokens[first - 1]?.text === 'in' && this.isLikelyPlace(text.slice(tokens[first].start, tokens[last].end))) label = 'LOC';
    let role: string | null = null;
    let nameFirst = first;
    if (label === 'PER') {
      const inside = this.matchTitle(tokens, first, last);
      if (inside > first) {
        role = text.slice(tokens[first].start, tokens[inside - 1].end);
        nameFirst = inside;
      } else {
        for (let k = Math.max(0, first - 4); k < first; k++) {
          if (this.matchTitle(tokens, k, first) === first) {
            role = text.slice(tokens[k].start, tokens[first - 1].end);
            break;
          }
        }
      }
    }
    if (nameFirst > last) return;
    // "Idlib province" is how an editor names the place; the tagger, trained on CoNLL, stops at "Idlib".
    if (label === 'LOC' && PROVINCE.test(tokens[last + 1]?.text ?? '')) {
      last += 1;
      taken[last] = true;
    }
    const kind: EntityKind = label === 'PER' ? 'person' : label === 'ORG' ? 'organization' : 'place';
    const mention = this.makeMention(text, tokens, nameFirst, last, kind, role);
    if (kind === 'place') mention.placeEvidence = 'context';
    if (kind === 'organization') {
      // The tagger finds "SOHR" and "Islamic State"; the lexicon knows they are one actor.
      const known = KNOWN_BY_NAME.get(mention.name.toLowerCase());
      if (known) mention.known = known;
    }
    out.push(mention);
  }

  /** Index just past the longest title at `first`, or `first` when none. */
  private matchTitle(tokens: Token[], first: number, last: number): number {
    const titles = first <= last && first < tokens.length ? TITLES_BY_FIRST_WORD.get(tokens[first].text) : undefined;
    if (titles === undefined) return first;
    for (const title of titles) {
      let k = first;
      let ok = true;
      for (const w of title) {
        if (k > last && w !== '.') {
          ok = false;
          break;
        }
        const tok = tokens[k];
        if (!tok || tok.text !== w) {
          ok = false;
          break;
        }
        k++;
      }
      if (ok && k <= last) return k;
    }
    return first;
  }

  private makeMention(
    text: string, tokens: Token[], first: number, last: number, kind: EntityKind, role: string | null,
    known?: string, place?: PlaceInfo,
  ): EntityMention {
    const lastTok = tokens[last];
    const lastWord = this.isBarePossessive(tokens, last) ? lastTok.text.slice(0, -1) : stripPossessive(lastTok.text);
    const start = tokens[first].start;
    const end = lastTok.end - (lastTok.text.length - lastWord.length);
    const surface = text.slice(start, end);
    const name = surface.replace(WHITESPACE_RUN, ' ');
    if (kind === 'place' && !place) {
      // "Hama province" is in the gazetteer as "Hama".
      place = this.gazetteer.lookup(name.replace(PLACE_NOUN_AFTER, '')) ?? undefined;
    }
    return { start, end, text: surface, kind, name, role, known, place };
  }
}

const APPOSITIVE_ROLE =
  /^,\s+(?:the |a |an )?((?:[\p{L}'’-]+\s+){0,8}?(?:head|leader|chief|commander|spokesman|spokeswoman|spokesperson|director|minister|governor|president|founder|member|official|mayor|envoy|ambassador|secretary|chairman|coordinator|editor|correspondent|analyst|professor|researcher|inspector|general|colonel|officer|deputy)\b[^,.;:"“”()]{0,80}?)\s*,/u;

/** "Hassan Barakeh, the head of the civil defence in Idlib, said": the appositive is a role. */
function addAppositiveRole(text: string, m: EntityMention): void {
  const match = APPOSITIVE_ROLE.exec(text.slice(m.end, m.end + 160));
  if (!match) return;
  m.description = match[1].replace(WHITESPACE_RUN, ' ').trim();
}

function isTitleAbbreviation(word: string): boolean {
  return /^(?:Col|Gen|Lt|Maj|Capt|Sgt|Dr|Mr|Mrs|Ms|Adm|Gov|Sen|Rep|Brig|Prof|Rev|Pres|St)$/.test(word);
}

const MAX_CACHED_NAMES = 10000;
const namePartsCache = new Map<string, readonly string[]>();
const foldedCache = new Map<string, string>();

/**
 * Name parts that identify a person on their own: "Assad" for "Bashar al-Assad". Memoised (merging
 * compares every mention with every person); callers only read the array.
 */
function nameParts(name: string): readonly string[] {
  let parts = namePartsCache.get(name);
  if (parts === undefined) {
    parts = name.split(WHITESPACE).map((w) => w.replace(ARABIC_PREFIX, '').toLowerCase());
    if (namePartsCache.size >= MAX_CACHED_NAMES) namePartsCache.clear();
    namePartsCache.set(name, parts);
  }
  return parts;
}

/** foldDiacritics, memoised for the names merging keys entities by. */
function folded(name: string): string {
  let f = foldedCache.get(name);
  if (f === undefined) {
    f = foldDiacritics(name);
    if (foldedCache.size >= MAX_CACHED_NAMES) foldedCache.clear();
    foldedCache.set(name, f);
  }
  return f;
}

/** Merges mentions into entities: known actors by canonical name, people by surname, the rest by name. */
export function mergeMentions(mentions: EntityMention[], gazetteer: Gazetteer): Entity[] {
  const entities: Entity[] = [];
  // Entities by what a later mention may be matched on: a known actor's canonical name; an
  // organisation's folded name; a place's folded name or its gazetteer entry (name|country|folded name
  // when it has several words), one namespace as they always were. Keyed by the folded strings
  // themselves, which are memoised, so no key string is built per lookup.
  const byKnown = new Map<string, Entity>();
  const organizationsByName = new Map<string, Entity>();
  const placesByKey = new Map<string, Entity>();
  const entryKey = (m: EntityMention, place: PlaceInfo) => `${place.gazetteerName}|${place.countryCode}|${m.name.includes(' ') ? folded(m.name) : ''}`;
  const persons: Entity[] = [];
  // An organisation's name never changes once it is an entity, so its acronym forms are worked out
  // once: every later organisation mention is compared with all of them.
  const orgs: Array<{ entity: Entity; initials: string; undotted: string }> = [];

  // A single word that is part of a person's full name is that person, even where the gazetteer
  // knows a town of the same name ("Assad").
  const personParts = new Set<string>();
  for (const m of mentions) if (m.kind === 'person' && m.role !== '?single' && m.name.includes(' ')) for (const p of nameParts(m.name)) personParts.add(p);
  for (const m of mentions) {
    if (m.kind === 'place' && !m.name.includes(' ') && m.place?.placeType !== 'country' && personParts.has(nameParts(m.name)[0])) {
      m.kind = 'person';
      m.place = undefined;
    }
  }
  // One name, one sense within an article: where the tagger reads a name as a gazetteer town once, its
  // other readings as a person or an organisation ("a reporter in Deir Ezzor said") are the same place.
  // Not a region's: "New York" the state and "New York" the team share a sports page.
  const placesByName = new Map<string, EntityMention>();
  for (const m of mentions) if (m.kind === 'place' && m.place?.placeType === 'city') placesByName.set(folded(m.name), m);
  if (placesByName.size) {
    for (const m of mentions) {
      if (m.kind === 'place' || m.known || m.role) continue;
      const place = placesByName.get(folded(m.name));
      if (place && (m.name.includes(' ') || !personParts.has(nameParts(m.name)[0]))) {
        m.kind = 'place';
        m.place = place.place;
      }
    }
  }
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  // Resolve single capitalised words after every full name is known, so "Suleiman" finds
  // "Afeef Mahmoud Suleiman" even when the full name comes later.
  const singles = ordered.filter((m) => m.role === '?single');
  const full = ordered.filter((m) => m.role !== '?single');

  const add = (m: EntityMention, entity: Entity) => {
    entity.mentions.push({ start: m.start, end: m.end, text: m.text });
    if (m.name !== entity.name && !entity.aliases.includes(m.name)) entity.aliases.push(m.name);
    if (m.role && !entity.roles.includes(m.role)) entity.roles.push(m.role);
    if (m.description && !entity.roles.includes(m.description)) entity.roles.push(m.description);
    if (!entity.place && m.place) entity.place = m.place;
  };

  for (const m of full) {
    let entity: Entity | undefined;
    let placeKey = '';
    if (m.known) entity = byKnown.get(m.known);
    else if (m.kind === 'person') {
      const parts = nameParts(m.name);
      entity = persons.find((p) => {
        const pp = nameParts(p.name);
        return parts.every((w) => pp.includes(w)) || pp.every((w) => parts.includes(w));
      });
    } else if (m.kind === 'organization') {
      entity = organizationsByName.get(folded(m.name));
      if (!entity) {
        const acronym = m.name.replace(/\./g, '');
        const own = initials(m.name);
        entity = orgs.find((o) => o.initials === acronym || own === o.undotted)?.entity;
      }
    } else {
      if (m.place) placeKey = entryKey(m, m.place);
      entity = placesByKey.get(folded(m.name)) ?? (placeKey ? placesByKey.get(placeKey) : undefined);
    }
    if (!entity) {
      const name = m.known ?? m.name;
      entity = {
        id: '',
        kind: m.kind,
        name,
        aliases: [],
        roles: [],
        mentions: [],
        key: entityKey(m.kind, m.known ?? name, m.place),
      };
      entities.push(entity);
      if (m.known) byKnown.set(m.known, entity);
      // People are matched on their name parts, never on a key.
      if (m.kind === 'organization') organizationsByName.set(folded(name), entity);
      else if (m.kind === 'place') placesByKey.set(folded(name), entity);
      if (m.place) placesByKey.set(placeKey || entryKey(m, m.place), entity);
      if (m.kind === 'person') persons.push(entity);
      if (m.kind === 'organization') orgs.push({ entity, initials: initials(name), undotted: name.replace(/\./g, '') });
    } else if (!m.known && m.kind === 'person' && m.name.length > entity.name.length) {
      // The fullest form of a person's name is the canonical one.
      if (!entity.aliases.includes(entity.name)) entity.aliases.push(entity.name);
      entity.name = m.name;
      entity.aliases = entity.aliases.filter((a) => a !== m.name);
      entity.key = entityKey('person', m.name);
    }
    add(m, entity);
  }

  for (const m of singles) {
    const word = nameParts(m.name)[0];
    const person = persons.find((p) => nameParts(p.name).includes(word));
    if (person) {
      add({ ...m, role: null }, person);
      continue;
    }
    const place = gazetteer.lookup(m.name);
    if (place) {
      const existing = placesByKey.get(folded(m.name));
      if (existing) add({ ...m, role: null, kind: 'place' }, existing);
      else {
        const entity: Entity = { id: '', kind: 'place', name: m.name, aliases: [], roles: [], mentions: [], place, key: entityKey('place', m.name, place) };
        entities.push(entity);
        placesByKey.set(folded(m.name), entity);
        add({ ...m, role: null, kind: 'place' }, entity);
      }
    }
    // Otherwise an unknown lone capitalised word is not reported: too often it is not a name at all.
  }

  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  entities.forEach((e, i) => {
    e.id = `e${i + 1}`;
    e.mentions.sort((a, b) => a.start - b.start);
  });
  return entities;
}

function initials(name: string): string {
  return name
    .split(WHITESPACE)
    .filter((w) => isCapitalized(w))
    .map((w) => w[0])
    .join('');
}

function entityKey(kind: EntityKind, name: string, place?: PlaceInfo): string {
  if (kind === 'place' && place && !name.includes(' ')) return `place:${folded(place.gazetteerName)}|${place.countryCode}`;
  return `${kind}:${folded(name).replace(LEADING_THE, '')}`;
}

/** The words a document writes in lower case, and where its sentences' first words start. */
function lowerCaseWords(sentences: SentenceTokens[]): { words: Set<string>; openers: Set<number> } {
  const words = new Set<string>();
  const openers = new Set<number>();
  for (const s of sentences) {
    const opener = s.tokens.find((t) => t.kind === 'word');
    if (opener) openers.add(opener.start);
    for (const t of s.tokens) if (t.kind === 'word' && t.text === t.lower) words.add(t.lower);
  }
  return { words, openers };
}
