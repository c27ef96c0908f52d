// The analysis pipeline for one document: tags are masked, then sentences, numbers, entities,
// attributions and claims are read in that order, each step using the ones before it.

import { findAttributions, FoundAttribution } from './attributions';
import { groupBy } from './collections';
import { ClaimCandidate, findClaimsInSentence, sameVictimSingles, woundedSurvivors } from './claims';
import { EntityFinder, mergeMentions, SentenceTagger, SentenceTokens } from './entities';
import { describeClaim } from './format';
import { Gazetteer, GazetteerData, foldDiacritics } from './gazetteer';
import { IncidentWeekday, incidentDay, incidentWeekday, mainIncidentWeekday } from './incidentDay';
import { readMetadata } from './metadata';
import { FoundNumber, findNumbers } from './numbers';
import { NerModelData, NerTagger, placeLookupFromGazetteer } from './ner';
import { maskSourceTags } from './tags';
import { WordTable, tokenizeSentences } from './text';
import {
  Attribution, CasualtyClaim, ClaimAttribution, DocumentAnalysis, DocumentMetadata, EngineDiagnostic, Entity,
  NumberMention, Range, SourceTag,
} from './types';

// A regex literal written in a function makes a new RegExp object each time it is evaluated; this one
// is tested for every place of every claim's sentence, so it is made once here.
const REGION_NOUN_AFTER = /\b(?:province|governorate|region|countryside|state|oblast)$/i;

export interface EngineResources {
  gazetteer: GazetteerData;
  /**
   * The weights of the statistical entity tagger, asked for on the first analysis (they take a few
   * hundred milliseconds to load, which a language server should not spend before it is needed).
   * Without a model the rule-based finder alone reads entities.
   */
  nerModel?: () => NerModelData | null;
}

interface Sentence extends SentenceTokens {
  numbers: FoundNumber[];
}

const WEEKDAY = /\b(?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:night|morning|evening|afternoon))?\b/;

export class Analyzer {
  readonly gazetteer: Gazetteer;
  private readonly finder: EntityFinder;
  /** The words of every text this analyzer reads: its tokens share them (see WordTable). */
  private readonly words = new WordTable();

  constructor(resources: EngineResources) {
    this.gazetteer = new Gazetteer(resources.gazetteer);
    const gazetteer = this.gazetteer;
    let tagger: NerTagger | null | undefined;
    const sentenceTagger: SentenceTagger | undefined = resources.nerModel
      ? (words) => {
          if (tagger === undefined) {
            const model = resources.nerModel!();
            tagger = model ? new NerTagger(model, { placeLookup: placeLookupFromGazetteer(gazetteer) }) : null;
          }
          return tagger ? tagger.tag(words) : null;
        }
      : undefined;
    this.finder = new EntityFinder(this.gazetteer, sentenceTagger);
  }

  analyze(original: string): DocumentAnalysis {
    const { text, tags } = maskSourceTags(original);
    const metadata = readMetadata(text);
    const sentences: Sentence[] = tokenizeSentences(text, this.words).map(({ start, end, tokens }) => {
      return { start, end, tokens, numbers: findNumbers(text, tokens) };
    });
    const entities = mergeMentions(this.finder.findMentions(text, sentences), this.gazetteer);
    const found = findAttributions(text, sentences, entities, metadata.headline);
    const numbers: NumberMention[] = sentences.flatMap((s) =>
      s.numbers.map(({ start, end, text: t, min, max, kind }) => ({ start, end, text: t, min, max, kind })),
    );
    const claims = this.readClaims(original, text, sentences, entities, found, tags, metadata);
    // The document's attributions are the ones the article makes; those said inside them stay with the claims.
    // entityId is added only where there is one (a spread of an object literal would copy it slowly).
    const attributions: Attribution[] = found.filter((a) => !a.nested).map((a) => {
      const attribution: Attribution = { source: a.source, cue: a.cue, content: a.content };
      if (a.entityId) attribution.entityId = a.entityId;
      return attribution;
    });
    return {
      metadata,
      sentences: sentences.map(({ start, end }) => ({ start, end })),
      entities,
      numbers,
      claims,
      attributions,
      tags,
      diagnostics: localDiagnostics(claims, tags),
    };
  }

  private readClaims(
    original: string, text: string, sentences: Sentence[], entities: Entity[], found: FoundAttribution[],
    tags: SourceTag[], metadata: DocumentMetadata,
  ): CasualtyClaim[] {
    const { dateline, headline, furnitureStart } = metadata;
    const candidates: Array<{ candidate: ClaimCandidate; s: Sentence; index: number }> = [];
    sentences.forEach((s, index) => {
      if (furnitureStart !== null && s.start >= furnitureStart) return;
      for (const candidate of findClaimsInSentence(s)) {
        if (!(headline && candidate.end <= headline.end) && inTitleCase(text, s, candidate)) continue;
        candidates.push({ candidate, s, index });
      }
    });
    // What follows places and dates the candidates: an article without any has no claims to place.
    if (!candidates.length) return [];
    const places = placeMentions(entities).filter((p) => (!dateline || p.start >= dateline.end || p.end <= dateline.start) && !this.standsForGovernment(text, p));
    const placesIn = (s: Range) => placesWithin(places, s);
    // The attributions of each sentence, by the sentence's start, in the order they were found.
    const attributionsBySentence = groupBy(found, (a) => a.sentence.start);
    const mainPlace = this.mainPlace(places, headline);
    const dated = datedToday(text, sentences, metadata.date);
    const mainRegion = this.mainRegion(places, headline, dated);
    // With no region known, the main incident told of a province the gazetteer does not know lies in
    // the country the headline names: "Nepal earthquake: death toll climbs to 153" and "153 died after
    // the quake hit Karnali province" are one incident. (An unknown town keeps its own name.)
    const headlineCountry = mainRegion || !headline ? null : places.find((p) => p.end <= headline.end && p.entity.place?.placeType === 'country')?.entity ?? null;
    const repeated = sameVictimSingles(candidates.map((c) => c.candidate));
    woundedSurvivors(candidates.map((c) => c.candidate).filter((c) => !repeated.has(c)));
    // The weekday the lead dates the main incident to stands in for a lead claim's sentence that names
    // none: most articles have no such claim, so it is read when first needed.
    let leadWeekdayRead: IncidentWeekday | null | undefined;
    const leadWeekday = () => {
      if (leadWeekdayRead === undefined) {
        leadWeekdayRead = null;
        for (const s of sentences.slice(0, DATING_SENTENCES)) if ((leadWeekdayRead = mainIncidentWeekday(text, s))) break;
      }
      return leadWeekdayRead;
    };
    const claims: CasualtyClaim[] = [];
    const leadSentences = new Set<number>();
    for (const { candidate, s, index } of candidates) {
      if (repeated.has(candidate)) continue;
      const inSentence = placesIn(s);
      // The town beats its province and its country: "in Salamiyah, in Hama province, Syria".
      // A place within the claim's own words is its place: "... and 22 in neighbouring Idlib".
      // (The gazetteer need not know it: "another six in Al-Tukhar" is not in the town named before.)
      const own = inSentence.find((p) => p.start >= candidate.start && p.start < candidate.end && p.entity.place?.placeType !== 'country')?.entity;
      const town = own ?? (inSentence.find((p) => p.entity.place && isTown(p.entity)) ?? inSentence.find((p) => isTown(p.entity)))?.entity;
      const region = inSentence.find((p) => p.entity.place?.placeType !== 'country')?.entity;
      // The article's main place stands in for an unnamed one only where the sentence's country allows
      // it: "an attack in Syria that killed 72" is not in London, however often London is named.
      // Only a country named as where, before the figure, scopes it: not "US strikes killed four", nor
      // "killed 50 rebels fighting IS in Iraq".
      const whereCountry = inSentence
        .filter((p) => p.end <= candidate.start && p.entity.place?.placeType === 'country' && WHERE_BEFORE.test(text.slice(Math.max(s.start, p.start - 30), p.start)))
        .pop();
      // "The United States and Russia traded claims about an attack in Syria that killed 72": the
      // country the figure is told in, before any other the sentence names.
      // A country named in the victims' words says who they were, not where: "killed two U.S. soldiers".
      const victims = candidate.victims;
      const inVictims = (p: Range) => victims !== null && p.start >= victims.start && p.end <= victims.end;
      const country = whereCountry?.entity ?? inSentence.find((p) => p.entity.place?.placeType === 'country' && !inVictims(p))?.entity;
      // Nor is such a country the article's main place for this figure.
      const namesVictims = (e: Entity) => e.place?.placeType === 'country' && inSentence.some((p) => p.entity === e && inVictims(p));
      const main = mainPlace && !namesVictims(mainPlace) && (!country || mainPlace.place?.countryCode === country.place?.countryCode) ? mainPlace : null;
      // A sentence that names no place goes on about the one the sentence before it named: "A reporter
      // in Deir Ezzor said shells hit the city. The attack killed four civilians."
      const before = !town && !region && index > 0 ? lastPlaceIn(placesIn(sentences[index - 1])) : null;
      // A province the sentence names beats an article's main town the gazetteer does not know: that
      // "town" may be no place at all, and a province the gazetteer knows places the figure.
      const placeEntity = town ?? before ?? (main && isTown(main) && (main.place || !region?.place) ? main : region ?? main ?? country ?? null);
      const sentenceText = text.slice(s.start, s.end);
      // Every weekday ends in "day": most sentences have none, and the pattern is slow to rule out.
      const time = sentenceText.includes('day') ? WEEKDAY.exec(sentenceText) : null;
      // "hit a clinic late Tuesday, just days after dozens of aid workers were killed": the figure is of
      // an earlier event than the one the lead tells.
      const earlier = EARLIER_EVENT.test(text.slice(s.start, candidate.start));
      // A sentence that names no place and follows one telling of the main incident gives another
      // figure for it: "Another activist group said dozens of civilians were killed."
      const lead = !earlier && (index < LEAD_SENTENCES || backToMainIncident(text, s, candidate.start) || (!town && !region && leadSentences.has(index - 1)));
      if (lead) leadSentences.add(index);
      // A claim of the main incident happened in the main region unless its sentence names where.
      // "an attack in Syria that killed 72" in an article from London: the article's region in Syria.
      const countryCode = whereCountry?.entity.place?.countryCode;
      // With no region of that country named anywhere, a sentence that opens with the country is set
      // there: "In neighbouring Syria, the ministry said 371 died" in an article about Turkey. (Further
      // in, "in Turkey" may be where someone spoke: "Sabra said in Turkey the attack killed 1,300".)
      const opensWith = whereCountry && WHERE_BEFORE.test(text.slice(s.start, whereCountry.start)) && /^\s*\S+\s+(?:\S+\s+)?$/.test(text.slice(s.start, whereCountry.start));
      const inRegion = countryCode && mainRegion && mainRegion.place?.countryCode !== countryCode
        ? this.mainRegion(places.filter((p) => p.entity.place?.countryCode === countryCode), headline, dated) ?? (opensWith ? whereCountry.entity : null) ?? mainRegion
        : mainRegion;
      const leadPlace = town ?? region ?? inRegion ?? placeEntity;
      const eventPlace = lead ? (headlineCountry && leadPlace && unknownProvince(leadPlace) ? headlineCountry : leadPlace) : placeEntity;
      const count = countSpan(original, candidate);
      claims.push({
        id: '',
        start: candidate.start,
        end: candidate.end,
        text: original.slice(candidate.start, candidate.end),
        category: candidate.category,
        count,
        victims: candidate.victims ? original.slice(candidate.victims.start, candidate.victims.end) : '',
        victimGroup: candidate.victimGroup,
        subgroup: candidate.subgroup,
        // Undefined when not a total, which serialises as absent: a spread here costs a slow object copy per claim.
        totalOfEarlier: candidate.totalOfEarlier,
        cumulative: candidate.cumulative,
        place: placeEntity ? placeEntity.name : null,
        time: time ? time[0] : null,
        event: jointEventKey(text, inSentence.filter((p) => p.start >= candidate.start)) ?? eventKey(candidate, eventPlace, mainPlace, inRegion),
        statedPlace: town ?? region ? placeKey((town ?? region)!) : null,
        statedTown: town?.place ? placeKey(town) : null,
        incidentDay: incidentDay(incidentWeekday(text, s, candidate.start) ?? (lead ? leadWeekday() : null), metadata.date),
        lead,
        attribution: governingAttribution(original, candidate, s, index, sentences, attributionsBySentence, tags),
        sentence: { start: s.start, end: s.end },
      });
    }
    const kept = dropRepeats(claims);
    // "killed 10 civilians and injured 41 others": "others" adds to a figure of the same harm only if
    // the article gave one before.
    kept.forEach((c, i) => {
      if (c.victimGroup.startsWith('additional') && !kept.slice(0, i).some((e) => e.category === c.category)) {
        c.victimGroup = c.victimGroup.replace(/^additional ?/, '');
      }
    });
    kept.forEach((c, i) => (c.id = `c${i + 1}`));
    return kept;
  }

  /**
   * A capital named as an agent or a speaker stands for its government, not for where anything
   * happened: "militants trained by Washington", "Moscow denied the report".
   */
  private standsForGovernment(text: string, p: Range & { entity: Entity }): boolean {
    if (!p.entity.place || !this.gazetteer.isCapital(p.entity.place)) return false;
    const before = text.slice(Math.max(0, p.start - 12), p.start);
    // "the correspondent in Damascus said": a place after a preposition of place is where the speaker is.
    return AGENT_BEFORE.test(before) || (!LOCATIVE_BEFORE.test(before) && SPEAKS_AFTER.test(text.slice(p.end, p.end + 24)));
  }

  /**
   * The region an article's main incident happened in: the region its headline names, else the region
   * most of its places lie in. A lead sentence that dates its incident to the article's day (or the day
   * before) states the main incident as the headline does: "struck an airbase in Homs province early
   * Friday" outweighs the background "a chemical attack on an Idlib village" of Friday's article. Lead claims are keyed by it, so that "Kills Five" in a headline and "six
   * people were killed at the Shayrat base" in a lead are compared.
   */
  private mainRegion(places: Array<Range & { entity: Entity }>, headline: Range | null, datedToday: Range[]): Entity | null {
    const weights = new Map<string, { entity: Entity; weight: number; first: number }>();
    for (const p of places) {
      const region = p.entity.place?.region;
      if (!region) continue;
      const stating = (headline && p.end <= headline.end) || datedToday.some((s) => p.start >= s.start && p.end <= s.end);
      // What the headline or a dated lead names decides; the other mentions only break ties among those.
      const w = stating ? 100 : 1;
      const entry = weights.get(region);
      if (entry) entry.weight += w;
      else weights.set(region, { entity: p.entity, weight: w, first: p.start });
    }
    // Between regions named equally often, the one in the country the headline names, else in the
    // country the article names most: "a report issued in New York" is not where the attack "near
    // Damascus" told of in "Syria's Assad regime likely responsible for attack" happened.
    const byCountry = new Map<string, number>();
    for (const p of places) {
      const code = p.entity.place?.countryCode;
      if (code) byCountry.set(code, (byCountry.get(code) ?? 0) + (headline && p.end <= headline.end ? HEADLINE_COUNTRY_WEIGHT : 1));
    }
    const named = (e: Entity) => byCountry.get(e.place!.countryCode) ?? 0;
    let best: { entity: Entity; weight: number; first: number } | null = null;
    for (const e of weights.values()) {
      if (!best || e.weight > best.weight || (e.weight === best.weight && named(e.entity) > named(best.entity))) best = e;
    }
    return best?.entity ?? null;
  }

  /**
   * The place an article is about: the town its headline names, else its most mentioned town, else its
   * most mentioned region or country. Dateline mentions were already left out.
   */
  private mainPlace(places: Array<Range & { entity: Entity }>, headline: Range | null): Entity | null {
    const inHeadline = headline ? places.filter((p) => p.end <= headline.end) : [];
    const headlineTown = inHeadline.find((p) => isTown(p.entity));
    if (headlineTown) return headlineTown.entity;
    const counts = new Map<Entity, number>();
    for (const p of places) counts.set(p.entity, (counts.get(p.entity) ?? 0) + 1);
    const best = (pred: (e: Entity) => boolean) => {
      let top: Entity | null = null;
      for (const [e, n] of counts) if (pred(e) && (!top || n > (counts.get(top) ?? 0))) top = e;
      return top;
    };
    return best(isTown) ?? best((e) => e.place?.placeType !== 'country') ?? best(() => true);
  }
}

export function createAnalyzer(resources: EngineResources): Analyzer {
  return new Analyzer(resources);
}

/** A place the headline names outweighs any number of mentions in the text, when countries are weighed. */
const HEADLINE_COUNTRY_WEIGHT = 1000;

/** A province, state or region by its noun, which the gazetteer does not know. */
function unknownProvince(e: Entity): boolean {
  return !e.place && REGION_NOUN_AFTER.test(e.name);
}

/** A town or city, as opposed to a country or a province. */
function isTown(e: Entity): boolean {
  const type = e.place?.placeType;
  return type !== 'country' && type !== 'region' && !REGION_NOUN_AFTER.test(e.name);
}

/** A harm word written in title case ("Kills", "Injured"), not where a sentence begins. */
const TITLE_CASE_HARM = /\b(?:Kill(?:s|ed|ing)?|Dead|Die[sd]?|Wound(?:s|ed|ing)?|Injur(?:es|ed|ing|e)|Arrest(?:s|ed)?|Death|Toll)\b/;

/**
 * A claim told in title case outside the headline is the headline of another page: a related-article
 * link, a photo caption's title, or the headline repeated under the dateline ("US Missile Strike on
 * Syria Kills Five Injures Seven - Homs Governor"). Prose writes harm words in lower case.
 */
function inTitleCase(text: string, s: Range, c: Range): boolean {
  const m = TITLE_CASE_HARM.exec(text.slice(c.start, c.end));
  return m !== null && c.start + m.index !== s.start;
}

/** Lead sentences that date what they tell to the article's own day or the day before. */
function datedToday(text: string, sentences: Range[], articleDate: string | null): Range[] {
  const ms = articleDate ? Date.parse(`${articleDate}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) return [];
  const yesterday = new Date(ms - 86400000).toISOString().slice(0, 10);
  return sentences.slice(0, DATING_SENTENCES).filter((s) => {
    // A statement of today ("officials said on Tuesday") dates the lead to today as well.
    const day = incidentDay(incidentWeekday(text, s, s.end), articleDate)?.replace(/ (?:night|or before)$/, '');
    return day === articleDate || day === yesterday;
  });
}

/** The last place of a sentence's places below the country: the one a following sentence may go on about. */
function lastPlaceIn(inSentence: Array<Range & { entity: Entity }>): Entity | null {
  let last: Entity | null = null;
  for (const p of inSentence) if (p.entity.place?.region) last = p.entity;
  return last;
}

/**
 * The places that lie within a range, in document order: what places.filter() of those inside it gives,
 * found by a binary search of the places (sorted by start) instead of a scan of all of them per claim.
 */
function placesWithin(places: Array<Range & { entity: Entity }>, r: Range): Array<Range & { entity: Entity }> {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (places[mid].start < r.start) lo = mid + 1;
    else hi = mid;
  }
  const inside: Array<Range & { entity: Entity }> = [];
  // A place that starts after the range's end cannot end within it.
  for (let k = lo; k < places.length && places[k].start <= r.end; k++) if (places[k].end <= r.end) inside.push(places[k]);
  return inside;
}

const AGENT_BEFORE = /\bby\s+$/;
const LOCATIVE_BEFORE = /\b(?:in|at|from|near|of|outside|inside|to)\s+(?:the\s+)?$/i;
const SPEAKS_AFTER = /^,?\s+(?:has |had |have )?(?:said|says|denied|denies|accused|accuses|announced|blamed|blames|warned|insisted|confirmed|condemned)\b/;

function placeMentions(entities: Entity[]): Array<Range & { entity: Entity }> {
  const out: Array<Range & { entity: Entity }> = [];
  for (const e of entities) if (e.kind === 'place') for (const m of e.mentions) out.push({ start: m.start, end: m.end, entity: e });
  return out.sort((a, b) => a.start - b.start);
}

function countSpan(original: string, c: ClaimCandidate): CasualtyClaim['count'] {
  return {
    start: c.count.start,
    end: c.count.end,
    text: original.slice(c.count.start, c.count.end),
    min: c.count.min,
    max: c.count.max,
    kind: 'count',
  };
}

/**
 * The event key groups claims about one incident, within and across articles: cumulative tolls by
 * country, incidents by the place they happened in (spelling variants of a place share a key).
 */
function eventKey(c: ClaimCandidate, place: Entity | null, mainPlace: Entity | null, mainRegion: Entity | null): string {
  if (c.cumulative) {
    const country = place?.place?.country ?? mainPlace?.place?.country ?? '';
    return `cumulative toll${country ? `: ${country}` : ''}`;
  }
  // A place the gazetteer cannot put in a region ("the Shayrat base") lies in the article's region.
  if ((!place || !place.place?.region) && mainRegion) place = mainRegion;
  if (!place) return 'incident';
  // Reports of one incident name different places in its region (a village, its district town, the
  // province), so incidents are keyed by region where the gazetteer knows it.
  if (place.place?.region) return `incident: ${foldDiacritics(place.place.regionName ?? place.place.region)} region, ${place.place.countryCode}`;
  const name = place.place ? foldDiacritics(place.place.gazetteerName) : foldDiacritics(place.name);
  const country = place.place?.countryCode ? `, ${place.place.countryCode}` : '';
  return `incident: ${name}${country}`;
}

/**
 * A figure told of places of two regions named together, the first places after it ("rocket attacks on
 * Aleppo and Deir Ezzor"), is a toll of both, not of either: it is keyed by the pair, so it meets only
 * other tolls of the same pair.
 */
function jointEventKey(text: string, after: Array<Range & { entity: Entity }>): string | null {
  if (after.length < 2) return null;
  const [a, b] = [after[0].entity.place, after[1].entity.place];
  if (!a?.region || !b?.region || a.region === b.region) return null;
  if (!/^,?\s*(?:and|&)\s+$/.test(text.slice(after[0].end, after[1].start))) return null;
  const names = [a, b].map((p) => foldDiacritics(p.regionName ?? p.region!)).sort();
  return `incident: ${names.join(' and ')} regions, ${a.countryCode}`;
}

const OPEN_QUOTE = /^["“]/;

/** The headline and the first sentences of the body: where an article states its main incident. */
const LEAD_SENTENCES = 4;
/** An article dates its main incident in its first sentences, sometimes just after the lead. */
const DATING_SENTENCES = 6;
/** "in Syria", "across Syria": a country named as where, not as who ("US strikes"). */
const WHERE_BEFORE = /\b(?:in|inside|across)\s+(?:(?:neighbou?ring|war-torn|northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western)\s+)?$/i;
/** Words that set what follows them at another time than the incident named before them. */
const OTHER_TIME = /\b(?:after|following|before|since)\b/i;

/** "days after", "two weeks before": what follows is another event than the sentence's own. */
const EARLIER_EVENT = /\b(?:days|hours|weeks|months|a day|a week|a month|an hour) (?:after|before)\b/i;

/**
 * Later sentences that go back to the main incident by a definite description ("the attack killed
 * 32"), or give its running toll ("documented 43 deaths so far").
 */
const MAIN_INCIDENT = /\bso far\b|\b(?:the|this|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|today's|yesterday's) (?:(?:suicide|car|truck|air|chemical|gas|missile|rocket|twin|double|deadly|latest|same) )?(?:attack|attacks|strike|strikes|airstrike|airstrikes|raid|raids|blast|blasts|bombing|bombings|explosion|massacre|toll|death toll|shelling|assault|incident|barrage|number of (?:dead|deaths|victims|casualties|people killed))\b/i;

/**
 * Whether the claim's sentence goes back to the main incident. "The attack came a day after strikes
 * killed 26 people" names it only to tell of an earlier one: a figure after "after" is not its toll.
 */
function backToMainIncident(text: string, s: Range, claimStart: number): boolean {
  const m = MAIN_INCIDENT.exec(text.slice(s.start, s.end));
  if (!m) return false;
  const named = s.start + m.index + m[0].length;
  return named > claimStart || !OTHER_TIME.test(text.slice(named, claimStart));
}

function placeKey(place: Entity): string {
  return place.place ? `${foldDiacritics(place.place.gazetteerName)}|${place.place.countryCode}` : foldDiacritics(place.name);
}

/**
 * The attribution that governs a claim: an editor's source tag after its sentence; else one in the
 * same sentence (the one whose content holds the claim, else the nearest); else, inside a quotation
 * that runs over several paragraphs, the speaker of the quotation.
 */
function governingAttribution(
  original: string, claim: ClaimCandidate, s: Sentence, index: number, sentences: Sentence[],
  attributionsBySentence: Map<number, FoundAttribution[]>, tags: SourceTag[],
): ClaimAttribution | null {
  const nextStart = sentences[index + 1]?.start ?? original.length;
  const tag = tags.find((t) => t.source && t.start >= s.end && t.start <= nextStart && original.slice(s.end, t.start).trim() === '');
  if (tag?.source) return { source: tag.source, cue: null, tagged: true };

  // Views ("Syria agreed ...") do not source a figure; statements and reports do.
  const inSentence = (attributionsBySentence.get(s.start) ?? []).filter((a) => !a.stance);
  if (inSentence.length) {
    const holding = inSentence.filter((a) => a.content && a.content.start <= claim.start && a.content.end >= claim.end);
    const pool = holding.length ? holding : inSentence;
    const distance = (a: FoundAttribution) => Math.min(Math.abs(a.cue.start - claim.end), Math.abs(a.cue.end - claim.start));
    const best = pool.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    return toClaimAttribution(best);
  }
  const sentenceText = original.slice(s.start, s.end);
  if (OPEN_QUOTE.test(sentenceText) || insideOpenQuote(sentences, index, original)) {
    for (let k = index - 1; k >= Math.max(0, index - 4); k--) {
      const speaker = attributionsBySentence.get(sentences[k].start)?.find((a) => a.quoted);
      if (speaker) return toClaimAttribution(speaker);
    }
  }
  return null;
}

/** A paragraph that opened a quotation without closing it carries on into the next sentences. */
function insideOpenQuote(sentences: Sentence[], index: number, original: string): boolean {
  for (let k = index - 1; k >= Math.max(0, index - 3); k--) {
    const t = original.slice(sentences[k].start, sentences[k].end);
    const quotes = (t.match(/["“”]/g) ?? []).length;
    if (quotes % 2 === 1 && OPEN_QUOTE.test(t)) return true;
    if (quotes > 0) return false;
  }
  return false;
}

/**
 * The source as the article words it ("the group"), with the actor it refers to as entityId; a
 * pronoun is replaced by the mention it refers to. A quotation is sourced by its speaker.
 */
function toClaimAttribution(a: FoundAttribution): ClaimAttribution {
  // A pronoun says nothing about the source; the name it stands for does ("he said" -> Rami Abdel Rahman).
  const pronoun = a.antecedent && /^(?:he|she|it|they|who|which)$/i.test(a.source.text);
  const attribution: ClaimAttribution = { source: pronoun ? a.antecedent! : a.source, cue: a.uncued ? null : a.cue, tagged: false };
  if (a.entityId) attribution.entityId = a.entityId;
  return attribution;
}

/**
 * "A later sentence that repeats the same figure for the same event is not a new claim": keep the
 * first.
 */
function baseGroup(c: CasualtyClaim): string {
  return c.victimGroup.replace(/^additional ?/, '');
}

/** Two claims of one person each, named differently in one sentence: "shot his wife and then himself". */
function twoPeople(a: CasualtyClaim, b: CasualtyClaim): boolean {
  return a.count.max === 1 && b.count.max === 1 && a.victims !== '' && b.victims !== '' && a.victims.toLowerCase() !== b.victims.toLowerCase();
}

function dropRepeats(claims: CasualtyClaim[]): CasualtyClaim[] {
  const kept: CasualtyClaim[] = [];
  // The kept claims by what a repeat must share with them, so that a document of thousands of
  // figures compares each only with those of its own figure.
  const keptBySame = new Map<string, CasualtyClaim[]>();
  for (const c of claims) {
    const same = `${c.category}\u0000${c.count.min}\u0000${c.count.max}\u0000${c.event}\u0000${c.subgroup}`;
    const candidates = keptBySame.get(same);
    // Within a sentence the same figure twice is a restatement only for the same victims: "26
    // civilians were also killed when jets pounded the town killing 26 civilians", not "killing 8
    // soldiers and 8 civilians". So is a part of a toll anywhere: "a child" and, later, "one rescue
    // worker" among the dead are two people.
    const earlier = candidates?.some((k) => (k.sentence.start !== c.sentence.start && !c.subgroup) || (baseGroup(k) === baseGroup(c) && !twoPeople(k, c)));
    // The repeat's source is not carried over: a source governs the figure of its own sentence only.
    if (earlier) continue;
    kept.push(c);
    if (candidates) candidates.push(c);
    else keptBySame.set(same, [c]);
  }
  return kept;
}

function localDiagnostics(claims: CasualtyClaim[], tags: SourceTag[]): EngineDiagnostic[] {
  const out: EngineDiagnostic[] = [];
  for (const c of claims) {
    if (c.attribution) continue;
    out.push({
      start: c.start,
      end: c.end,
      severity: 'information',
      code: 'unattributed-claim',
      message: `${describeClaim(c)} has no source in the article; tag one with {>>source: NAME<<}`,
      related: [],
      claimId: c.id,
    });
  }
  for (const t of tags) {
    if (!t.error) continue;
    out.push({ start: t.start, end: t.end, severity: 'warning', code: 'malformed-source-tag', message: t.error, related: [] });
  }
  return out.sort((a, b) => a.start - b.start);
}
