// Casualty claims: a figure, the harm it counts (killed, injured, missing, arrested) and who was
// harmed. A figure is a claim only when the sentence ties it to a harm: "killing at least eight
// soldiers", "at least 32 people were killed", "22 dead", "the death toll rose to 44", "claimed
// thousands of lives", "a man was found shot to death".

import { wordSet, WordTest } from './collections';
import { wordTable } from './lexicon';
import { FoundNumber } from './numbers';
import { isCapitalized, Token } from './text';
import { CasualtyCategory, Range } from './types';

// Regex literals written in a function make a new RegExp object each time they are evaluated;
// these are tested once or more per token, so they are made once here. The word lists a rule reads
// at every word are sets (see wordSet).
const PLURAL_NOUN = /^[a-z]+(?:s|men)$/;
const HARM_ADJECTIVES = wordSet('wounded injured dead missing detained abducted');
const BETWEEN_TOLL_AND_FIGURE = wordSet('the a an death overall total final new latest casualty had then further since already risen reportedly officially has least more than about around nearly in dead people killed deaths fatalities on evening morning night afternoon earlier monday tuesday wednesday thursday friday saturday sunday');
const BETWEEN_HARM_AND_FIGURE = wordSet('the some a an also reportedly allegedly nearly at least as many up to more than about around over another all');
const HE_OR_SHE = wordSet('he she');
const LOSS_VERBS = wordSet('lost loses lose losing');
const PERIOD_PREPOSITIONS = wordSet('during over in');
const CLAUSE_OPENING_WORDS = wordSet('and but where when after while until before because then said says say that believe believes');
const SINCE_OR_IN = wordSet('since in');
const AMONG_CLAUSE_BREAKS = wordSet('and but while as with made said says after before when');
const TREATED_CLAUSE_BREAKS = wordSet('and but while said says after before when');
/** Words that end a victim's relative clause before a main verb that is not the victim's: "who saw it said ...". */
const RELATIVE_CLAUSE_BREAKS = wordSet('said says say told tells reported believe believes thinks that');
const TREATED = wordSet('treated hospitalized hospitalised');
const CAPITALISED_NAME_WORD = /^\p{Lu}[\p{L}'’.-]+$/u;
const TURNING_WORDS = wordSet('meanwhile elsewhere separately');
const SUFFERING_VERBS = wordSet('suffering suffered suffers sustaining sustained treated received receiving admitted');
/** Verbs that bring someone to a hospital, which then treats them: "was rushed to", "walked into ... Hospital". */
const TAKEN_VERBS = wordSet('taken rushed transported airlifted flown driven brought walked arrived admitted');
const HIT_VERBS = wordSet('hit struck grazed');
const TO_DEATH_VERBS = wordSet('beaten stabbed burned crushed');
const SUSTAINED_VERBS = wordSet('sustained suffered received');
const AUXILIARY_WORDS = wordSet('were was been are is be being got get gets');
const OWN_PREDICATE = new Set([...AUXILIARY_WORDS, 'have', 'has', 'had', 'will', 'would']);
const POSSESSIVE_DETERMINERS = wordSet('his her their its our');
const WAR_NOUNS = wordSet('conflict war uprising crisis revolt revolution insurgency');
const DESCRIPTION_BREAKS = wordSet('was were is in on at of and who had has');
const MODALS = wordSet('may might could');
const PLURAL_VERBS = wordSet('were are have');
const HIMSELF_OR_HERSELF = wordSet('himself herself');
const SELF_HARM_ADVERBS = wordSet('accidentally apparently then allegedly had has reportedly');

const HARM_WORDS: Record<string, CasualtyCategory> = wordTable({});
function harm(category: CasualtyCategory, words: string): void {
  for (const w of words.split(' ')) HARM_WORDS[w] = category;
}
harm('killed', 'killed kill kills killing dead died die dies dying deaths death slain massacred executed murdered ' +
  'perished fatalities fatally beheaded slaughtered assassinated executes massacring massacres slaughtering beheading ' +
  'drowned');
harm('injured', 'wounded wounding wound wounds injured injuring injure injures injuries hurt maimed grazed shot ' +
  'hospitalized hospitalised');
harm('missing', 'missing disappeared unaccounted');
harm('arrested', 'arrested arresting arrest arrests detained detaining detain detains abducted abducting kidnapped ' +
  'kidnapping captured jailed imprisoned');

/** Harm words that can take the victims as their object: "killing 8 soldiers". */
const ACTIVE_HARM = new Set([
  'killed', 'kill', 'kills', 'killing', 'wounded', 'wounding', 'wounds', 'wound', 'injured', 'injuring', 'injure',
  'injures', 'arrested', 'arresting', 'arrest', 'arrests', 'detained', 'detaining', 'detain', 'detains', 'abducted',
  'abducting', 'kidnapped', 'kidnapping', 'captured', 'executed', 'executing', 'massacred', 'slaughtered', 'murdered',
  'beheaded', 'executes', 'massacring', 'massacres', 'slaughtering', 'beheading', 'shot',
]);

/** Nouns for people; the value is the victim group used when comparing figures. */
const VICTIM_GROUPS: Record<string, string> = wordTable({});
function group(name: string, words: string): void {
  for (const w of words.split(' ')) VICTIM_GROUPS[w] = name;
}
group('people', 'people persons person civilians civilian lives bodies corpses victims others individuals residents ' +
  'villagers passengers worshippers pilgrims shoppers people’s family families relatives man men woman human humans ' +
  'syrians iraqis kurds palestinians afghans americans citizens inhabitants casualties dead');
group('security forces', 'soldiers soldier troops troop servicemen policemen policeman police officers officer ' +
  'guards guard personnel conscripts recruits security army forces');
group('fighters', 'fighters fighter militants militant rebels rebel jihadists jihadist insurgents insurgent ' +
  'militiamen combatants extremists members member loyalists commanders terrorists terrorist');
// The attackers of an incident are counted apart from those who fought them off.
group('attackers', 'attackers attacker assailants assailant gunmen gunman bombers bomber');
group('children', 'children child kids kid boys boy girls girl infants infant babies baby minors teenagers teenager ' +
  'teens students pupils schoolchildren youths');
group('women', 'women');
group('medics', 'medics medic doctors doctor nurses nurse paramedics rescuers rescue workers aid staff volunteers');
group('journalists', 'journalists journalist reporters reporter photographers');
group('teachers', 'teachers teacher');
group('protesters', 'protesters protester protestors protestor demonstrators demonstrator activists activist');
group('prisoners', 'prisoners prisoner detainees detainee inmates inmates');

/** "the deaths of 27 people", "the arrest of 1,200 people", "the abduction of 12". */
const NOUN_OF_HARM: Record<string, CasualtyCategory> = wordTable({
  deaths: 'killed', death: 'killed', bodies: 'killed', lives: 'killed', killing: 'killed', killings: 'killed',
  execution: 'killed', executions: 'killed', massacre: 'killed', life: 'killed', arrest: 'arrested', arrests: 'arrested',
  arresting: 'arrested', detention: 'arrested', detentions: 'arrested', abduction: 'arrested', kidnapping: 'arrested',
  disappearance: 'missing', wounding: 'injured', injuring: 'injured',
});

/** Nouns that themselves say people died: "460 corpses", "22 dead", "dozens of deaths". */
const DEATH_NOUNS = new Set(['bodies', 'corpses', 'dead', 'deaths', 'fatalities', 'lives']);
/**
 * Every word some rule of this file needs before it can name a harm: the harm words and nouns, and the
 * words of the phrases that stand for a harm ("the death toll", "in stable condition", "taken to
 * hospital", "suffered burns", "hit by gunfire", "taken hostage", "the body of a man", "among the
 * victims"). A sentence without any of them holds no claim, so its rules are not run at all.
 */
const HARM_CLUES = new Set([
  ...Object.keys(HARM_WORDS), ...Object.keys(NOUN_OF_HARM), ...ACTIVE_HARM, ...DEATH_NOUNS,
  'toll', 'tolls', 'condition', 'injury', 'burns', 'hospital', 'hospitals', 'trauma', 'medical', 'hit', 'struck',
  'prisoner', 'hostage', 'custody', 'body', 'victims', 'casualties', ...LOSS_VERBS,
]);

const HARM_CLUE = new WordTest((word) => HARM_CLUES.has(word.lower));

/**
 * Whether any token of a sentence is a harm clue: see HARM_CLUES. A rule that can start from a word
 * not in that set would lose its claims here; the claims tests read every sentence of the examples
 * and of the corpus beside the repository with and without this test to catch that.
 */
export function mayTellHarm(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (HARM_CLUE.has(tokens[i].word)) return true;
  return false;
}
const PASSIVE_GLUE = new Set([
  'were', 'was', 'have', 'has', 'had', 'been', 'are', 'is', 'be', 'being', 'reportedly', 'also', 'all', 'later',
  'allegedly', 'confirmed', 'feared', 'believed', 'now', 'already', 'since', 'either', 'both', 'found', 'left',
  'shot', 'critically', 'seriously', 'slightly', 'badly', 'fatally', 'mortally', 'lightly', 'gravely', 'who', 'remain',
  'remained', 'went', 'go', 'still', 'been', 'then', 'got', 'get', 'may', 'might', 'could', 'would', 'to', 'thought',
  'more', 'reported', 'said', 'pronounced', 'declared', 'later', 'fatally', 'subsequently', 'eventually',
  'remains', 'accidentally', 'apparently', 'reportedly', 'initially', 'possibly', 'critically',
]);
/** Phrases that may sit between victims and their verb: "12 civilians including four children were killed". */
const ASIDE_OPENERS = wordSet('including mostly most many among from in at on near inside across around of mainly largely all');
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|thousands|several|\d[\d,.]*)$/;
/** "The dead included seven women": the harm of a part named by those it is part of. */
const HARMED_NOUNS: Record<string, CasualtyCategory> = wordTable({ dead: 'killed', victims: 'killed', killed: 'killed', wounded: 'injured', injured: 'injured' });
const INCLUDE_VERBS = wordSet('include includes included including');
const SUBGROUP_BEFORE = [['including'], ['among', 'them'], ['among', 'whom'], ['of', 'whom'], ['among', 'those'], ['among', 'the', 'dead'], ['among', 'the', 'victims'], ['among', 'the', 'killed'], ['among', 'the', 'wounded'], ['among', 'the', 'injured'], ['incl'],
  ...Object.keys(HARMED_NOUNS).flatMap((harmed) => [...INCLUDE_VERBS].map((verb) => [harmed, verb]))];
const ADDITIONAL_BEFORE = new Set(['another', 'other', 'further', 'additional']);
/** "20 others", "hundreds more": people besides some counted before. */
const OTHERS_AFTER = new Set(['more', 'others', 'other']);
const COORDINATORS = [['and'], ['along', 'with'], ['as', 'well', 'as'], ['plus'], ['besides'], ['while']];
const INCIDENT_NOUNS = wordSet('car truck suicide bomb bombs bombing bombings attack attacks blast blasts explosion explosions strike strikes airstrike airstrikes raid raids shelling massacre fire clashes fighting quake earthquake crash collapse flood floods storm ambush assault offensive twin double market checkpoint');
/** The verbs of a toll that changes or stands, headline tenses too: "Death toll climbs past 1,200". */
const TOLL_RISE_VERBS = wordSet('rose risen rises rising climbed climbs climbing jumped jumps increased increases reached reaches reaching hit hits stood stands surpassed surpasses passed passes topped tops exceeded exceeds soared soars mounted mounts grew grows');
/** A toll that stands at a figure ("was 50") without a verb of change; "stood" and "stands" are among those above. */
const TOLL_COPULAS = wordSet('was is');
const TOLL_EXCEEDS = wordSet('surpassed surpasses passed passes topped tops exceeded exceeds');
/** Words before a "to" that is no toll's: "in addition to 8 injured", "compared to 30 last year". */
const NOT_TOLL_TO = wordSet('addition compared due according close next');
/** Words that end the subject of a toll: a clause before it ("the toll is unclear but the number ... rose to"). */
const TOLL_SUBJECT_BREAKS = wordSet('and but while whereas although though as because said says say told meanwhile also');
const TOLL_VERBS = new Set([...TOLL_RISE_VERBS, ...TOLL_COPULAS, 'to', 'at', 'of', 'has', 'had', 'now', 'putting', 'put', 'stand', 'past', 'down', 'up', 'revised', 'lowered', 'raised']);
const MONTH_OR_YEAR = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d{2})$/;
const CUMULATIVE_NOUNS = wordSet('war conflict crackdown uprising revolt revolution crisis insurgency fighting violence unrest campaign siege offensive intervention');
const CUMULATIVE_SINCE = wordSet('march 2011 2012 2013 2014 2015 2016 2017 2018 start beginning outbreak war conflict uprising crisis revolt revolution protesting protests began erupted started year');

export interface ClaimCandidate extends Range {
  category: CasualtyCategory;
  number: FoundNumber;
  /** The count span when it is not a number mention ("a man"), otherwise the number itself. */
  count: { start: number; end: number; min: number; max: number | null };
  victims: Range | null;
  victimGroup: string;
  subgroup: boolean;
  cumulative: boolean;
  /**
   * One person named without a count: by a pronoun, a description or a name ("he", "the victim",
   * "Smith"), who may be someone counted already ('refers'); or by a relation ("his wife") or as one who
   * killed himself, who is someone else ('new').
   */
  anaphoric?: 'refers' | 'new';
  /**
   * Counted as shot ("three people were shot", "two men with gunshot wounds"): a figure that may hold
   * those who died of their wounds as well as the wounded.
   */
  shot?: boolean;
  /** A total that the figures told before it in the article are part of ("They were among 19 killed"). */
  totalOfEarlier?: true;
  /** For one person: the word that names them ("he", "man", "wife", "smith"), to tell two persons apart. */
  person?: string;
}

export interface SentenceView {
  tokens: Token[];
  numbers: FoundNumber[];
}

function matchAt(tokens: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

function endsBefore(tokens: Token[], i: number, words: string[]): boolean {
  return matchAt(tokens, i - words.length, words);
}

/** The victim phrase right after the figure: "Syrian soldiers", "soldiers and security troops", "of them". */
function victimsAfter(tokens: Token[], after: number): { first: number; last: number; head: string } | null {
  return victimPhraseAfter(tokens, after) ?? membersOf(tokens, after);
}

/** A word of a name: "Jaish", "al-Fatah". */
const NAME_WORD = /^(?:\p{Lu}|(?:al|el|ad|ar|as|ash|an|at)-\p{Lu})/u;

/**
 * "killed five of Al-Nusra and allied militants": members of a named body, a group apart from any
 * other, as the attackers of an incident are from those who fought them off.
 */
function membersOf(tokens: Token[], after: number): { first: number; last: number; head: string } | null {
  if (tokens[after]?.lower !== 'of' || !NAME_WORD.test(tokens[after + 1]?.text ?? '')) return null;
  let last = after + 1;
  while (tokens[last + 1] && (NAME_WORD.test(tokens[last + 1].text) || (tokens[last + 1].text === '-' && tokens[last + 2]))) last++;
  const name = tokens.slice(after + 1, last + 1).map((t) => t.lower).join(' ').replace(/ - /g, '-');
  return { first: after + 1, last, head: `members of ${name}` };
}

function victimPhraseAfter(tokens: Token[], after: number): { first: number; last: number; head: string } | null {
  let k = after;
  if (tokens[k]?.lower === 'of' && /^(?:them|whom|those)$/.test(tokens[k + 1]?.lower ?? '')) {
    // "86 dead, 30 of them children": the group comes after the pronoun.
    const group = tokens[k + 2];
    if (group && VICTIM_GROUPS[group.lower] && !DEATH_NOUNS.has(group.lower)) return { first: k + 1, last: k + 2, head: group.lower };
    return { first: k + 1, last: k + 1, head: tokens[k + 1].lower };
  }
  if (tokens[k]?.lower === 'of' && (tokens[k + 1]?.lower === 'the' || tokens[k + 1]?.lower === 'his' || tokens[k + 1]?.lower === 'their' || tokens[k + 1]?.lower === 'its')) k += 2;
  else if (tokens[k]?.lower === 'of' && tokens[k + 1]?.kind === 'word') k += 1;
  const first = k;
  for (let n = 0; n < 4 && k < tokens.length; n++, k++) {
    const t = tokens[k];
    if (t.kind !== 'word') {
      if (t.text === '-' && tokens[k + 1]) continue; // "pro-government"
      return null;
    }
    if (VICTIM_GROUPS[t.lower] || DEATH_NOUNS.has(t.lower)) {
      let last = k;
      // A compound keeps its last noun as head: "security troops", "army officers".
      while (tokens[last + 1] && VICTIM_GROUPS[tokens[last + 1].lower] && !DEATH_NOUNS.has(t.lower)) last++;
      // "soldiers and security troops"
      if (tokens[k + 1]?.lower === 'and') {
        for (let m = k + 2; m < Math.min(tokens.length, k + 5); m++) {
          // "fighters and four civilians" are two figures, not one group.
          if (tokens[m].kind !== 'word' || NUMBER_WORD.test(tokens[m].lower)) break;
          if (VICTIM_GROUPS[tokens[m].lower]) {
            last = m;
            while (tokens[last + 1] && VICTIM_GROUPS[tokens[last + 1].lower]) last++;
            break;
          }
        }
      }
      return { first, last, head: tokens[last].lower };
    }
    if (HARM_WORDS[t.lower] || t.lower === 'in' || t.lower === 'on' || t.lower === 'at' || t.lower === 'and' || t.lower === 'were' || t.lower === 'was' || t.lower === 'who' || t.lower === 'have' || t.lower === 'had' || t.lower === 'of') return null;
  }
  return null;
}

/**
 * How many words harmAfter reads past the victims for their verb: "were also believed to have been
 * killed" puts six words of passive glue before it.
 */
const HARM_REACH = 7;

/** A harm word following the figure (and its victims), passive or intransitive: "were killed", "died". */
function harmAfter(tokens: Token[], from: number, skipPhrases = false): { index: number; category: CasualtyCategory } | null {
  // Only a passive auxiliary makes the subject the harmed one: "had shot himself" is active.
  let auxiliary = false;
  let skipped = 0;
  for (let k = from, n = 0; k < tokens.length && n < HARM_REACH; k++, n++) {
    const t = tokens[k];
    if (t.kind !== 'word') {
      if (t.text === '-') continue;
      // "Four people, including three children, were wounded": an aside between commas.
      if (skipPhrases && t.text === ',' && ASIDE_OPENERS.has(tokens[k + 1]?.lower ?? '')) {
        const close = tokens.findIndex((x, j) => j > k + 1 && j <= k + 10 && x.text === ',');
        if (close > 0) {
          k = close;
          n = 0;
          continue;
        }
      }
      return null;
    }
    if (t.lower === 'shot' && tokens[k + 1]?.lower === 'dead') return { index: k + 1, category: 'killed' };
    // "was shot and killed": the second verb decides.
    if (t.lower === 'shot' && tokens[k + 1]?.lower === 'and' && HARM_WORDS[tokens[k + 2]?.lower ?? '']) return { index: k + 2, category: HARM_WORDS[tokens[k + 2].lower] };
    // "is in stable condition", "suffering from gunshot wounds", "was taken to hospital"
    if ((t.lower === 'in' || t.lower === 'listed') && /^(?:stable|critical|serious|fair|good|grave|life-threatening)$/.test(tokens[k + 1]?.lower ?? '') && tokens[k + 2]?.lower === 'condition') return { index: k + 2, category: 'injured' };
    if (SUFFERING_VERBS.has(t.lower)) {
      const at = woundWithin(tokens, k + 1, 6);
      if (at >= 0) return { index: at, category: 'injured' };
    }
    // "was taken to the hospital", "was rushed by ambulance to Mercy Hospital"
    if (TAKEN_VERBS.has(t.lower)) {
      const at = hospitalWithin(tokens, k + 1, 8);
      if (at >= 0) return { index: at, category: 'injured' };
    }
    // "is in the hospital", "remains in hospital"
    if (t.lower === 'in' && k > from && /^(?:is|was|remains|remained|remain|are|were)$/.test(tokens[k - 1].lower) && hospitalWithin(tokens, k, 3) >= 0) {
      return { index: hospitalWithin(tokens, k, 3), category: 'injured' };
    }
    // "with a gunshot wound to the neck", "with non-life-threatening injuries"
    if (t.lower === 'with') {
      const at = woundWithin(tokens, k + 1, 6);
      return at >= 0 ? { index: at, category: 'injured' } : null;
    }
    // "was hit by gunfire", "struck by a stray bullet"
    if (HIT_VERBS.has(t.lower) && tokens[k + 1]?.lower === 'by' && tokens.slice(k + 2, k + 5).some((x) => /^(?:gunfire|bullets?|gunshots?|shotgun|pellets|shrapnel|fire)$/.test(x.lower))) {
      return { index: k, category: 'injured' };
    }
    if (t.lower === 'shot' && tokens[k + 1]?.lower === 'to' && tokens[k + 2]?.lower === 'death') return { index: k + 2, category: 'killed' };
    if (TO_DEATH_VERBS.has(t.lower) && tokens[k + 1]?.lower === 'to' && tokens[k + 2]?.lower === 'death') return { index: k + 2, category: 'killed' };
    if (t.lower === 'taken' && (tokens[k + 1]?.lower === 'prisoner' || tokens[k + 1]?.lower === 'hostage')) return { index: k + 1, category: 'arrested' };
    if (t.lower === 'taken' && tokens[k + 1]?.lower === 'into' && tokens[k + 2]?.lower === 'custody') return { index: k + 2, category: 'arrested' };
    if (SUSTAINED_VERBS.has(t.lower) && /^(?:injuries|wounds|burns)$/.test(tokens[k + 1]?.lower ?? tokens[k + 2]?.lower ?? '')) return { index: k + 1, category: 'injured' };
    const category = HARM_WORDS[t.lower];
    if (category) {
      // "the 8 soldiers killing ..." reads the other way round; an -ing form here is not passive.
      if (/ing$/.test(t.lower) && ACTIVE_HARM.has(t.lower) && n > 0) return null;
      // "two suicide bombers killed 11 people": the figure names the killers, not the killed.
      if (!auxiliary && ACTIVE_HARM.has(t.lower) && startsObject(tokens, k + 1)) return null;
      // "a 72-year-old man fatally shot his wife": the adverb of the shooter's verb, whose object died.
      if (!auxiliary && /^(?:fatally|mortally)$/.test(t.lower) && /^(?:shot|stabbed|wounded|injured|struck|beat)$/.test(tokens[k + 1]?.lower ?? '') && startsObject(tokens, k + 2)) return null;
      return { index: k, category };
    }
    if (AUXILIARY_WORDS.has(t.lower)) auxiliary = true;
    // "Dozens of fighters from both sides have been killed", "12 civilians including four children were
    // killed": asides may sit between the victims and the verb, as long as an auxiliary follows them.
    if (skipPhrases && skipped < 3 && ASIDE_OPENERS.has(t.lower)) {
      let m = k + 1;
      // "19 fighters from the group and four civilians were killed": a second figure joined by "and"
      // is a coordinated count, not part of an aside (which only "including" or "among" may count into).
      let coordinated = false;
      while (m < tokens.length && m - k <= 9 && (tokens[m].kind === 'word' || tokens[m].kind === 'number') && !/^(?:were|was|have|has|had|are|is)$/.test(tokens[m].lower)) {
        if (tokens[m].lower === 'and' && (tokens[m + 1]?.kind === 'number' || NUMBER_WORD.test(tokens[m + 1]?.lower ?? ''))) coordinated = true;
        m++;
      }
      if (coordinated && !/^(?:including|among|mostly|mainly|largely)$/.test(t.lower)) return null;
      // "200 people many of whom were civilians were killed", commas stripped: the clause has its own copula.
      if (tokens[k + 1]?.lower === 'of' && tokens[k + 2]?.lower === 'whom' && m === k + 3 && tokens[m + 1]?.kind === 'word' && !HARM_WORDS[tokens[m + 1].lower] &&
        /^(?:were|was|are|is)$/.test(tokens[m + 2]?.lower ?? '')) m += 2;
      if (m < tokens.length && /^(?:were|was|have|has|had|are|is)$/.test(tokens[m].lower)) {
        skipped++;
        n = Math.max(0, n - (m - k));
        k = m - 1;
        continue;
      }
      return null;
    }
    if (t.lower === 'lost' && tokens[k + 1]?.lower === 'their' && tokens[k + 2]?.lower === 'lives') return { index: k + 2, category: 'killed' };
    // "a man believed to be in his 20s was shot": an age between the victim and the verb.
    if (t.lower === 'in' && /^(?:his|her|their)$/.test(tokens[k + 1]?.lower ?? '') && /^(?:\d0s|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties)$/.test(tokens[k + 2]?.lower ?? '')) {
      k += 2;
      continue;
    }
    if (!PASSIVE_GLUE.has(t.lower)) return null;
  }
  return null;
}

/** "put two teens in the hospital", "sent a man to the hospital": verbs that take the victims there. */
const SENDS = wordSet('put puts putting sent sends send sending landed lands landing');

const WOUND_NOUNS = wordSet('wound wounds injuries injury burns');

/** A wound named within the next few words of the same clause: "a gunshot wound", "minor injuries". */
function woundWithin(tokens: Token[], from: number, span: number): number {
  for (let k = from; k < Math.min(tokens.length, from + span); k++) {
    const t = tokens[k];
    if (WOUND_NOUNS.has(t.lower)) return k;
    if (t.kind === 'punct' && t.text !== '-') return -1;
  }
  return -1;
}

/**
 * "to the hospital", "to Mercy Hospital", "in hospital": the hospital word within the next few words of
 * the same clause. A visit "for evaluation" or "as a precaution" says nobody was hurt.
 */
function hospitalWithin(tokens: Token[], from: number, span: number): number {
  for (let k = from; k < Math.min(tokens.length, from + span); k++) {
    const t = tokens[k];
    if (/^(?:hospitals?|trauma)$/.test(t.lower) || (t.lower === 'medical' && /^(?:center|centre)$/.test(tokens[k + 1]?.lower ?? ''))) {
      const rest = tokens.slice(k + 1, k + 5).map((x) => x.lower);
      if (rest.includes('evaluation') || rest.includes('precaution') || rest.includes('checkup')) return -1;
      return k;
    }
    if (t.kind === 'punct' && t.text !== '-') return -1;
  }
  return -1;
}

/** "no one was injured", "neither the driver nor their three children were hurt": nobody was harmed. */
function negated(tokens: Token[], first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const w = tokens[k].lower;
    if (w === 'no' || w === 'nor' || w === 'neither') return true;
    if (!/^(?:the|their|his|her|its|of|other)$/.test(w)) return false;
  }
  return false;
}

/** Whether an object follows a verb: "killed 11 people", "killed a man", "wounded dozens". */
function startsObject(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  // "10 civilians killed 15 injured": the next figure has a verb of its own.
  if ((t.kind === 'number' || NUMBER_WORD.test(t.lower)) && HARM_WORDS[tokens[k + 1]?.lower ?? '']) return false;
  if (t.kind === 'number') return true;
  return /^(?:a|an|the|at|more|over|up|dozens|scores|hundreds|thousands|several|some|about|around|nearly|almost|two|three|four|five|six|seven|eight|nine|ten|one|his|their|its|many|least|themselves|himself|herself|itself|him|her|them|me|us)$/.test(t.lower);
}

/** A harm verb governing the figure from the left: "killing at least eight", "left 12 dead". */
function harmBefore(tokens: Token[], first: number, last: number): { index: number; category: CasualtyCategory } | null {
  for (let k = first - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    const t = tokens[k];
    // "The army lost 14 soldiers": a loss of people is their death; "lost 3 seats" is no harm. "has
    // lost seven students to gun violence since last year" tallies losses over time, not an incident.
    if (LOSS_VERBS.has(t.lower) && VICTIM_GROUPS[tokens[last + 1]?.lower ?? ''] && !DEATH_NOUNS.has(tokens[last + 1].lower) && tokens[last + 2]?.lower !== 'to') {
      return { index: k, category: 'killed' };
    }
    // "Troops shot dead 12 protesters": a killing.
    if (shotDead(tokens, k)) return { index: k - 1, category: 'killed' };
    if (ACTIVE_HARM.has(t.lower)) {
      // "10 civilians killed 15 injured": the verb closes the figure before it, it does not take this one.
      const before = tokens[k - 1];
      const figureBefore = before?.kind === 'number' ? k - 1 : before && VICTIM_GROUPS[before.lower] && tokens[k - 2]?.kind === 'number' ? k - 2 : -1;
      // "Attacks Kill 10 Civilians Injured Dozens": a figure that has its own verb is closed already.
      const closesFigure = figureBefore >= 0 && !ACTIVE_HARM.has(tokens[figureBefore - 1]?.lower ?? '');
      if (closesFigure && /ed$/.test(t.lower)) return null;
      return { index: k, category: HARM_WORDS[t.lower] };
    }
    // "the deaths of 27 people", "the bodies of 12", "the lives of more than 200000 people"
    if (t.lower === 'of' && k > 0 && NOUN_OF_HARM[tokens[k - 1].lower]) {
      return { index: k - 1, category: NOUN_OF_HARM[tokens[k - 1].lower] };
    }
    if (!BETWEEN_HARM_AND_FIGURE.has(t.lower)) return null;
  }
  return null;
}

/** Whether tokens[at] is the "dead" of "shot dead", the verb of a killing before its victims. */
function shotDead(tokens: Token[], at: number): boolean {
  return tokens[at]?.lower === 'dead' && tokens[at - 1]?.lower === 'shot';
}

/**
 * "the death toll rose to 44", "a toll of 12", "putting the death toll at at least 70", "the number of
 * injured rose to 240": where the toll's phrase starts, and the harm it counts.
 */
function tollBefore(tokens: Token[], first: number, last: number): { index: number; category: CasualtyCategory } | null {
  let risen = false;
  // "raising the death toll from Tuesday's boat accident in Niger state to 40": the verb comes before
  // the toll, and "to" just before the figure is what lets the subject be long; it must then be told
  // with "from" or "in".
  let toFigure = false;
  let throughSubject = false;
  for (let k = first - 1, n = 0; k >= 0 && n < (risen || toFigure ? 20 : 10); k--, n++) {
    const t = tokens[k];
    if (t.lower === 'toll' || t.lower === 'tolls') {
      if (throughSubject && !risen && tokens[k + 1]?.lower !== 'from' && tokens[k + 1]?.lower !== 'in') return null;
      return tollGoesOn(tokens, last) ? null : { index: k, category: 'killed' };
    }
    if (TOLL_RISE_VERBS.has(t.lower)) risen = true;
    if (t.lower === 'to' && n < 3 && !NOT_TOLL_TO.has(tokens[k - 1]?.lower ?? '')) toFigure = true;
    // "The toll, according to the ministry, stands at 52": a source between commas.
    if (t.text === ',' && k > 0) {
      let open = k - 1;
      while (open > 0 && k - open < 10 && tokens[open].text !== ',') open--;
      if (tokens[open].text === ',' && tokens[open + 1]?.lower === 'according') {
        n += k - open;
        k = open;
        continue;
      }
    }
    // "the toll from the Jableh car bomb rose to 41": the incident may be named in between.
    if (INCIDENT_NOUNS.has(t.lower) || t.lower === 'from') continue;
    // "put the number of dead at 18", "the number of people killed to 30", "the number of injured rose to 240"
    const harm = HARM_WORDS[t.lower];
    if (harm && tokens.slice(Math.max(0, k - 4), k).some((x) => x.lower === 'number')) {
      return { index: tokens.slice(Math.max(0, k - 4), k).findIndex((x) => x.lower === 'number') + Math.max(0, k - 4), category: harm };
    }
    if (t.kind === 'word' && (TOLL_VERBS.has(t.lower) || BETWEEN_TOLL_AND_FIGURE.has(t.lower) || isCapitalized(t.text))) continue;
    // Once its verb is found, the toll's subject may tell the incident at length: "the death toll
    // from a powerful earthquake that struck southern Turkey on Monday rose to ...", "the toll from
    // the 2 blasts rose to ...".
    if ((risen || toFigure) && (t.kind === 'word' || t.kind === 'number' || isJoiningHyphen(tokens, k)) && !TOLL_SUBJECT_BREAKS.has(t.lower)) {
      throughSubject = true;
      continue;
    }
    return null;
  }
  return null;
}

/**
 * The least a claim's figure counts: "up to 33 people may have been killed" says some were (the
 * annotation guidelines' "1..16 if context says some died"), so a bound of "up to", "as many as" or
 * "fewer than" starts at one.
 */
function someOf(num: FoundNumber): number {
  return num.min === 0 && num.max !== null && num.max >= 1 ? 1 : num.min;
}

/** A hyphen with no space on either side: "7.8-magnitude". */
function isJoiningHyphen(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t.text === '-' && tokens[k - 1]?.end === t.start && tokens[k + 1]?.start === t.end;
}

/**
 * A figure in the toll's subject, whose verb gives the toll after it: "the toll from the 2 blasts
 * rose to 50", "the toll from Monday's 7.8-magnitude quake stands at 5,000"; or the toll it went
 * from: "rose from 24 to 40", "brought the toll in the three provinces to 112".
 */
function tollGoesOn(tokens: Token[], last: number): boolean {
  for (let k = last + 1; k < tokens.length && k <= last + 8 && (tokens[k].kind !== 'punct' || isJoiningHyphen(tokens, k)); k++) {
    if (tokens[k].lower === 'to' && !NOT_TOLL_TO.has(tokens[k - 1].lower) && (tokens[k + 1]?.kind === 'number' || NUMBER_WORD.test(tokens[k + 1]?.lower ?? ''))) return true;
    if (!TOLL_RISE_VERBS.has(tokens[k].lower) && !TOLL_COPULAS.has(tokens[k].lower)) continue;
    for (let j = k + 1; j < tokens.length && j <= k + 3; j++) if (tokens[j].kind === 'number' || NUMBER_WORD.test(tokens[j].lower)) return true;
  }
  return false;
}

function isSubgroup(tokens: Token[], first: number, last: number): boolean {
  for (const words of SUBGROUP_BEFORE) if (endsBefore(tokens, first, words)) return true;
  // "Among the dead were seven people": the copula between the phrase and the figure changes nothing.
  if (/^(?:were|was|are|is)$/.test(tokens[first - 1]?.lower ?? '')) {
    for (const words of SUBGROUP_BEFORE) if (words[0] === 'among' && endsBefore(tokens, first - 1, words)) return true;
  }
  // "seven children were among the dead", "nine of those killed", "two of them"
  const next = tokens[last + 1]?.lower;
  if (next === 'of' && /^(?:them|whom|those)$/.test(tokens[last + 2]?.lower ?? '')) return true;
  if (next === 'of' && tokens[last + 2]?.lower === 'the' && /^(?:dead|killed|victims|wounded|injured|casualties)$/.test(tokens[last + 3]?.lower ?? '')) return true;
  return amongTheHarmed(tokens, first, last) !== null || amongTheHarmedBefore(tokens, first) !== null || ofTheHarmedBefore(tokens, first, last) !== null || treatedAt(tokens, last);
}

/**
 * "four people injured in the blast are being treated in Turkish hospitals": a count of the victims
 * at one place of treatment is as many as reached it, a part of the toll.
 */
function treatedAt(tokens: Token[], last: number): boolean {
  for (let k = last + 1; k < Math.min(tokens.length - 1, last + 12); k++) {
    const t = tokens[k];
    if (t.kind === 'number' || t.text === ';' || TREATED_CLAUSE_BREAKS.has(t.lower)) return false;
    if (TREATED.has(t.lower) && /^(?:are|were|is|was|being|been)$/.test(tokens[k - 1].lower) && /^(?:in|at)$/.test(tokens[k + 1].lower)) return true;
  }
  return false;
}

/**
 * "They were among 19 people killed": a figure after "among" is the total that the figures told
 * before it are part of.
 */
function totalOfEarlier(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k]?.lower === 'the') k--;
  return tokens[k]?.lower === 'among' && /^(?:were|was|are|is|also)$/.test(tokens[k - 1]?.lower ?? '');
}

/** "two policemen guarding the gate were among the dead": the harm is named after "among the". */
function amongTheHarmed(tokens: Token[], first: number, last: number): { index: number; category: CasualtyCategory } | null {
  for (let k = last + 1; k < Math.min(tokens.length, last + 14); k++) {
    const t = tokens[k];
    // The "among" must belong to this figure's clause: "put the dead at 18 and made no mention of
    // children among the victims" says nothing about the 18.
    if (t.kind === 'number' || t.text === ';' || t.text === ',' || AMONG_CLAUSE_BREAKS.has(t.lower)) return null;
    const verbBefore = t.lower === 'among' && /^(?:were|was|are|is|be|been|also)$/.test(tokens[k - 1]?.lower ?? '');
    if (t.lower === 'among' && (verbBefore || VICTIM_GROUPS[tokens[k - 1]?.lower ?? ''] !== undefined)) {
      // "among the dead", "among the 31 dead", "among the 31 people killed", and with no article only
      // before a figure, right after the victims: "Three officers were among at least 12 people wounded"
      // (not "kill 56 civilians in Syria Monitor AFP Children were among at least 56 ...").
      let j = k + 1;
      const determined = /^(?:the|those)$/.test(tokens[j]?.lower ?? '');
      if (determined) j++;
      else if (!victimsThenAmong(tokens, last, k) || !verbBefore && !opensHeadline(tokens, first)) return null;
      let words = 0;
      while (words < 3 && AMONG_FIGURE_QUALIFIERS.has(tokens[j + words]?.lower ?? '')) words++;
      if (tokens[j + words]?.kind === 'number') j += words + 1;
      else if (!determined) return null;
      if (VICTIM_GROUPS[tokens[j]?.lower ?? ''] !== undefined && harmOfAmong(tokens[j + 1]?.lower ?? '')) j++;
      const category = harmOfAmong(tokens[j]?.lower ?? '');
      return category ? { index: j, category } : null;
    }
  }
  return null;
}

/**
 * Whether the figure at `first` opens a headline: the sentence's first token, or the first after a
 * colon or a dash ("Syria: 6 children among 19 dead"). A headline without its verb ("6 children among
 * 19 dead") is read only there; mid-sentence it is a related story's title run into the text.
 */
function opensHeadline(tokens: Token[], first: number): boolean {
  return first === 0 || /^[:—–|-]$/.test(tokens[first - 1].text);
}

/**
 * Whether only the victims' words and a copula stand between a figure's last token and the "among"
 * at `among`: "Three police officers were among", not "56 civilians in Syria Monitor AFP Children were among".
 */
function victimsThenAmong(tokens: Token[], last: number, among: number): boolean {
  if (among - last > 6) return false;
  for (let k = last + 1; k < among; k++) if (tokens[k].kind !== 'word' || tokens[k].text !== tokens[k].lower || tokens[k].lower === 'in') return false;
  return true;
}

/** The words of a qualifier before the figure of "among at least 12 people wounded". */
const AMONG_FIGURE_QUALIFIERS = wordSet('at least more than over nearly almost about around some roughly approximately up to no fewer not less');

/** "Among the dead were nine children", "Among the 47 people killed were two medics": the figure after the copula. */
function amongTheHarmedBefore(tokens: Token[], first: number): { index: number; category: CasualtyCategory } | null {
  if (!/^(?:were|was|are|is)$/.test(tokens[first - 1]?.lower ?? '')) return null;
  const harmed = harmedPhraseEndingAt(tokens, first - 2);
  if (!harmed || tokens[harmed.first - 1]?.lower !== 'among') return null;
  return { index: harmed.first - 1, category: harmed.category };
}

/**
 * "Of the 40 killed, 25 were women and children": the figure after the comma, before its copula, is a
 * part of the harmed the sentence opens with.
 */
function ofTheHarmedBefore(tokens: Token[], first: number, last: number): { index: number; category: CasualtyCategory } | null {
  if (tokens[first - 1]?.text !== ',' || !/^(?:were|was|are|is|had|have)$/.test(tokens[last + 1]?.lower ?? '')) return null;
  const harmed = harmedPhraseEndingAt(tokens, first - 2);
  if (!harmed || harmed.first !== 1 || tokens[0].lower !== 'of') return null;
  return { index: 0, category: harmed.category };
}

/**
 * "the dead", "the 47 people killed", "those wounded": a phrase of the harmed whose harm word is at
 * `harm`, read backwards; `first` is its "the" or "those".
 */
function harmedPhraseEndingAt(tokens: Token[], harm: number): { first: number; category: CasualtyCategory } | null {
  const category = harmOfAmong(tokens[harm]?.lower ?? '');
  if (!category) return null;
  let j = harm;
  if (VICTIM_GROUPS[tokens[j - 1]?.lower ?? ''] !== undefined) j--;
  if (tokens[j - 1]?.kind === 'number') j--;
  return /^(?:the|those)$/.test(tokens[j - 1]?.lower ?? '') ? { first: j - 1, category } : null;
}

/** The harm a word after "among the" names: "dead", "killed", "wounded", "victims", "casualties". */
function harmOfAmong(word: string): CasualtyCategory | undefined {
  return word === 'victims' || word === 'casualties' ? 'killed' : HARM_WORDS[word];
}

/** "... have died in the conflict", "killed in the war": a toll of the whole war. */
function inTheWar(tokens: Token[], after: number): boolean {
  for (let k = after + 1; k < Math.min(tokens.length, after + 5); k++) {
    if (WAR_NOUNS.has(tokens[k].lower) && /^(?:the|syria's|syrias|this)$/.test(tokens[k - 1].lower)) return true;
  }
  return false;
}

/**
 * "Twenty-six civilians were also killed", "six teachers also died": victims besides the ones counted
 * before. What the figure's own words do not decide, the sentence as a whole may: `turnsAway` tells
 * whether it turns to another incident (see turnsToOtherIncident), and is asked last.
 */
function alsoHarmed(tokens: Token[], first: number, last: number, turnsAway: () => boolean): boolean {
  for (let k = first; k <= Math.min(tokens.length - 1, last + 1); k++) if (tokens[k].lower === 'also') return true;
  // "Mortar fire also wounded three people" (but not "he also said three people ...").
  if (tokens[first - 2]?.lower === 'also' && HARM_WORDS[tokens[first - 1].lower]) return true;
  // "Meanwhile", "In the capital meanwhile": a sentence that turns to another incident, unless it goes
  // back to the main one by name ("Meanwhile the coalition said the attack killed ...").
  for (let k = 0; k < Math.min(tokens.length, 6, first); k++) {
    if (TURNING_WORDS.has(tokens[k].lower)) {
      const backToMain = tokens.slice(k + 1, first).some((t, j, a) => /^(?:the|this)$/.test(t.lower) && INCIDENT_NOUNS.has(a[j + 1]?.lower ?? ''));
      if (!backToMain) return true;
    }
  }
  // "The attack came a day after air strikes killed 26 people": the earlier incident.
  for (let k = 1; k + 1 < first; k++) {
    if (tokens[k + 1].lower === 'after' && /^(?:day|days|hours|weeks|months)$/.test(tokens[k].lower)) return true;
  }
  return turnsAway();
}

/**
 * Whether a sentence tells of an incident of another time than the article's ("In January, ...",
 * "last week", "In a separate incident ..."): the same for every figure of the sentence, so it is read
 * once per sentence, and only for one whose figures do not decide by their own words.
 */
function turnsToOtherIncident(tokens: Token[]): boolean {
  // "In January, a double suicide bombing ... killed 11 people": an incident of another time.
  if (tokens[0]?.lower === 'in' && /^(?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4})$/.test(tokens[1]?.lower ?? '')) return true;
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (tokens[k].lower === 'last' && /^(?:week|month|year|weekend)$/.test(tokens[k + 1].lower)) return true;
    // "the deadliest since January, when two bombers killed 11 people": the earlier incident.
    if (SINCE_OR_IN.has(tokens[k].lower) && MONTH_OR_YEAR.test(tokens[k + 1].lower) && tokens.slice(k + 2, k + 5).some((x) => x.lower === 'when')) return true;
    if (tokens[k].lower === 'earlier' && tokens[k + 1].lower === 'this' && /^(?:week|month|year)$/.test(tokens[k + 2]?.lower ?? '')) return true;
  }
  // "In a separate incident on Saturday, a roadside bomb killed three soldiers"
  for (let k = 0; k + 1 < tokens.length; k++) {
    if ((tokens[k].lower === 'separate' || tokens[k].lower === 'another') && /^(?:incident|attack|attacks|strike|strikes|raid|bombing|blast|explosion|clash|clashes)$/.test(tokens[k + 1].lower)) return true;
  }
  return false;
}

function combinesHarms(tokens: Token[], harmIndex: number, category: CasualtyCategory): boolean {
  const conj = tokens[harmIndex + 1]?.lower;
  if (conj !== 'or' && conj !== 'and') return false;
  // "had been wounded or were still missing": the second harm may have its own auxiliaries.
  let k = harmIndex + 2;
  while (k < harmIndex + 5 && /^(?:were|was|are|is|had|have|has|been|still|remain|remained|remains)$/.test(tokens[k]?.lower ?? '')) k++;
  const other = HARM_WORDS[tokens[k]?.lower ?? ''];
  return other !== undefined && other !== category && tokens[k + 1]?.kind !== 'number';
}

function isAdditional(tokens: Token[], first: number, last: number): boolean {
  const prev = tokens[first - 1]?.lower;
  if (prev && ADDITIONAL_BEFORE.has(prev)) return true;
  return OTHERS_AFTER.has(tokens[last + 1]?.lower ?? '');
}

/** The words each rule of isCumulative starts from: one lookup passes over every other word. */
const CUMULATIVE_STARTS = new Set(['since', 'so', 'in', ...CUMULATIVE_NOUNS, ...PERIOD_PREPOSITIONS]);

function isCumulative(tokens: Token[]): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k].lower;
    if (!CUMULATIVE_STARTS.has(w)) continue;
    if (w === 'since') {
      for (let m = k + 1; m < Math.min(tokens.length, k + 13); m++) {
        if (tokens[m].text === ',' || tokens[m].text === ';') break;
        if (CUMULATIVE_SINCE.has(tokens[m].lower) && (m < k + 7 || /^\d{4}$/.test(tokens[m].text))) return true;
      }
    }
    if (CUMULATIVE_NOUNS.has(w)) {
      for (let m = k + 1; m < Math.min(tokens.length, k + 6); m++) {
        if ((tokens[m].lower === 'has' || tokens[m].lower === 'have') && /^(?:killed|claimed|cost|left|taken)$/.test(tokens[m + 1]?.lower ?? '')) return true;
      }
    }
    // "so far this year", "in total this month": a period's running toll. Alone, "so far" and "in
    // total" sum up an incident ("documented 43 deaths so far").
    if (((w === 'so' && tokens[k + 1]?.lower === 'far') || (w === 'in' && tokens[k + 1]?.lower === 'total')) && /^(?:this|in)$/.test(tokens[k + 2]?.lower ?? '') && /^(?:year|month|week|war|conflict|the)$/.test(tokens[k + 3]?.lower ?? '')) return true;
    // "killed during the past month", "over the last two years": a period's toll, not an incident's.
    if (PERIOD_PREPOSITIONS.has(w) && tokens[k + 1]?.lower === 'the' && /^(?:past|last)$/.test(tokens[k + 2]?.lower ?? '')) {
      const unit = /^(?:week|weeks|month|months|year|years)$/;
      if (unit.test(tokens[k + 3]?.lower ?? '') || unit.test(tokens[k + 4]?.lower ?? '')) return true;
    }
  }
  return false;
}

const QUOTE_MARK = /^["“”]$/;

/** 'the attack left "nearly 50" rebels dead': quotation marks around a figure are read through. */
function withoutScareQuotes(s: SentenceView): SentenceView {
  const { tokens, numbers } = s;
  const drop = new Set<number>();
  for (const n of numbers) {
    if (QUOTE_MARK.test(tokens[n.firstToken - 1]?.text ?? '') && QUOTE_MARK.test(tokens[n.lastToken + 1]?.text ?? '')) {
      drop.add(n.firstToken - 1);
      drop.add(n.lastToken + 1);
    }
  }
  if (!drop.size) return s;
  const index: number[] = [];
  const kept: Token[] = [];
  tokens.forEach((t, i) => {
    index[i] = kept.length;
    if (!drop.has(i)) kept.push(t);
  });
  return { tokens: kept, numbers: numbers.map((n) => ({ ...n, firstToken: index[n.firstToken], lastToken: index[n.lastToken] })) };
}

/** Finds the casualty claims of one sentence. */
export function findClaimsInSentence(sentence: SentenceView): ClaimCandidate[] {
  return mayTellHarm(sentence.tokens) ? readClaimsInSentence(sentence) : [];
}

/** The claims of one sentence by every rule, without first asking whether it names a harm at all. */
export function readClaimsInSentence(sentence: SentenceView): ClaimCandidate[] {
  const s = withoutScareQuotes(sentence);
  const { tokens } = s;
  const out: ClaimCandidate[] = [];
  let otherIncident: boolean | undefined;
  const turnsAway = () => (otherIncident ??= turnsToOtherIncident(tokens));
  for (const num of s.numbers) {
    if (num.kind !== 'count') continue;
    const first = num.firstToken;
    const last = num.lastToken;
    let category: CasualtyCategory | null = null;
    let spanFirst = first;
    let spanLast = last;
    let harmIndex = -1;
    let partOfToll = false;
    let exceeded = false;
    let victims: { first: number; last: number; head: string } | null = victimsAfter(tokens, last + 1);
    if (!victims) {
      // An unlisted plural noun still names victims when a harm follows it: "Four fishermen are missing".
      // A nationality may come first: "Three Israeli hostages were killed"; or "of" and a possessive:
      // "at least 34 of his comrades were killed".
      const possessed = tokens[last + 1]?.lower === 'of' && POSSESSIVE_DETERMINERS.has(tokens[last + 2]?.lower ?? '') ? 2 : 0;
      const nationality = possessed || (tokens[last + 1]?.kind === 'word' && CAPITALISED_NAME_WORD.test(tokens[last + 1].text) ? 1 : 0);
      const noun = tokens[last + 1 + nationality];
      // A count of one takes a singular: "one firefighter suffered a gunshot wound".
      const nounShape = num.min === 1 && num.max === 1 ? /^[a-z]{3,}$/ : PLURAL_NOUN;
      if (noun && noun.kind === 'word' && nounShape.test(noun.text) && !HARM_WORDS[noun.lower] && !PASSIVE_GLUE.has(noun.lower) && !/^(?:shots?|rounds?|bullets?|times?|of)$/.test(noun.lower) && harmAfter(tokens, last + 2 + nationality)) {
        victims = { first: last + 1, last: last + 1 + nationality, head: noun.lower };
      }
    }

    const before = harmBefore(tokens, first, last) ?? amongTheHarmedBefore(tokens, first) ?? ofTheHarmedBefore(tokens, first, last);
    const toll = before ? null : tollBefore(tokens, first, last);
    if (before) {
      category = before.category;
      spanFirst = before.index;
      harmIndex = before.index;
    } else if (toll !== null) {
      category = toll.category;
      // "Death" in capitals before a lower-case "toll" is a heading run into the sentence ("Aleppo Death
      // toll from ..."), which the span leaves out: a title-case harm word marks a caption, not a claim.
      const at = toll.index;
      const death = at > 0 && tokens[at - 1].lower === 'death' && (at - 1 === 0 || tokens[at - 1].text === 'death' || isCapitalized(tokens[at].text));
      spanFirst = death ? at - 1 : at;
      // "the death toll surpassed 1,000": more than the figure, as "over 1,000" is.
      exceeded = num.max === num.min && TOLL_EXCEEDS.has(tokens[first - 1]?.lower ?? '');
    }
    if (!category) {
      let after = harmAfter(tokens, victims ? victims.last + 1 : last + 1, victims !== null) ?? amongTheHarmed(tokens, first, last);
      // "one shot", "two shots fired": a figure right before "shot" counts gunshots, not victims.
      if (after && !victims && after.index === last + 1 && /^shots?$/.test(tokens[after.index].lower)) after = null;
      if (after) {
        category = after.category;
        spanLast = after.index;
        harmIndex = after.index;
      } else if (victims && DEATH_NOUNS.has(victims.head) && victims.head !== 'lives') {
        category = 'killed'; // "460 corpses", "22 dead", "dozens of protestor deaths"
      } else if (victims?.head === 'lives' && harmVerbForLives(tokens, first)) {
        category = 'killed';
        spanFirst = harmVerbForLives(tokens, first)!;
      } else if (!victims && DEATH_NOUNS.has(tokens[last + 1]?.lower ?? '')) {
        category = 'killed';
        spanLast = last + 1;
      }
    }
    if (!category) {
      // "dozens of wounded people", "30 injured civilians": the harm is an adjective of the victims.
      let k = last + 1;
      if (tokens[k]?.lower === 'of') k++;
      const adjective = tokens[k]?.lower ?? '';
      if (HARM_ADJECTIVES.has(adjective) && VICTIM_GROUPS[tokens[k + 1]?.lower ?? '']) {
        category = HARM_WORDS[adjective];
        spanLast = k + 1;
        victims = { first: k + 1, last: k + 1, head: tokens[k + 1].lower };
      }
    }
    if (!category && victims && SENDS.has(tokens[first - 1]?.lower ?? '')) {
      const at = hospitalWithin(tokens, victims.last + 1, 5);
      if (at >= 0) {
        category = 'injured';
        spanFirst = first - 1;
        spanLast = at;
      }
    }
    if (!category) {
      // "killing 8 soldiers and 3 civilians", "3,500 people ..., along with 1,000 security forces"
      const previous = out[out.length - 1];
      const ownPredicate = victims && /^(?:have|has|had|were|was|are|is|will|would|fled|remain|remained|who|that)$/.test(tokens[victims.last + 1]?.lower ?? '');
      // "86 dead, 30 of them children": a subgroup counts the harm of the figure it is part of.
      const includedBy = INCLUDE_VERBS.has(tokens[first - 1]?.lower ?? '') ? HARMED_NOUNS[tokens[first - 2]?.lower ?? ''] : undefined;
      if (previous && isSubgroup(tokens, first, last)) category = previous.category;
      else if (includedBy && victims) category = includedBy;
      else if (previous && victims && !ownPredicate) {
        for (const words of [...COORDINATORS, ...SUBGROUP_BEFORE]) {
          if (endsBefore(tokens, first, words) && previous.end <= tokens[first].start) {
            category = previous.category;
            // "including 25 children and 15 women": both are parts of the toll.
            partOfToll = previous.subgroup && COORDINATORS.includes(words);
            break;
          }
        }
      }
    }
    if (!category || negated(tokens, first)) continue;
    if (victims) spanLast = Math.max(spanLast, victims.last);
    // No victims named ("Kills Five"): the group is unknown, and may be any other report's group.
    let victimGroup = victims ? groupOf(tokens, victims) : '';
    const subgroup = partOfToll || isSubgroup(tokens, first, last);
    // "killing one person and injuring 20 others": the others are other than the dead, and the 20 are
    // still the whole count of the injured.
    const previous = out[out.length - 1];
    const othersOfAnotherHarm = previous !== undefined && previous.category !== category && OTHERS_AFTER.has(tokens[last + 1]?.lower ?? '');
    if ((isAdditional(tokens, first, last) && !othersOfAnotherHarm) || alsoHarmed(tokens, first, spanLast, turnsAway)) victimGroup = `additional ${victimGroup}`.trim();
    // "killed or injured", "dead and wounded": a figure of two harms at once compares with neither.
    if (harmIndex >= 0 && combinesHarms(tokens, harmIndex, category)) victimGroup = `killed or injured ${victimGroup}`.trim();
    // Tens of thousands killed is a war's toll, never one incident's. (A sentence that tells a war's or
    // a period's toll makes all its figures cumulative: see the end.)
    const wholeWar = (category === 'killed' && num.min >= 10000) || inTheWar(tokens, spanLast);
    const candidate: ClaimCandidate = {
      start: tokens[spanFirst].start,
      end: tokens[spanLast].end,
      category,
      number: num,
      count: { start: num.start, end: num.end, min: exceeded ? num.min + 1 : someOf(num), max: exceeded ? null : num.max },
      victims: victims ? { start: tokens[victims.first].start, end: tokens[victims.last].end } : null,
      victimGroup,
      subgroup,
      cumulative: wholeWar,
    };
    // The optional marks are set where they hold (spreading an object literal in would copy slowly).
    if (totalOfEarlier(tokens, first)) candidate.totalOfEarlier = true;
    if (category === 'injured' && harmIndex >= 0 && saysShot(tokens, harmIndex)) candidate.shot = true;
    out.push(candidate);
  }
  coordinateWithNext(s, out);
  partsByPlace(s, out);
  findImplicitSingles(tokens, s.numbers, out, turnsAway);
  // Whether the sentence tells a war's or a period's toll is the same for all its figures: it is read
  // once, and only for a sentence that has any.
  if (out.length && isCumulative(tokens)) for (const c of out) c.cumulative = true;
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "19 fighters from the group and four civilians were killed": a figure with victims and no verb of
 * its own shares the harm of the coordinated figure that follows it.
 */
function coordinateWithNext(s: SentenceView, out: ClaimCandidate[]): void {
  const { tokens } = s;
  const claimed = new Set(out.map((c) => c.number));
  for (let n = s.numbers.length - 2; n >= 0; n--) {
    const num = s.numbers[n];
    if (num.kind !== 'count' || claimed.has(num)) continue;
    const next = s.numbers[n + 1];
    const nextClaim = out.find((c) => c.number === next);
    if (!nextClaim || nextClaim.start < next.start) continue; // the next figure's verb must follow it
    const victims = victimsAfter(tokens, num.lastToken + 1);
    if (!victims) continue;
    const between = tokens.slice(victims.last + 1, next.firstToken);
    // A verb of their own ("1,300 people had been rescued and 40 were unaccounted for") says what
    // happened to these victims: they share nothing with the next figure.
    if (between.length > 8 || between[between.length - 1]?.lower !== 'and' || between.some((t) => t.kind !== 'word' || HARM_WORDS[t.lower] || OWN_PREDICATE.has(t.lower))) continue;
    // Two figures added up ("19 fighters and four civilians") are each a part of the whole toll.
    nextClaim.subgroup = true;
    out.push({
      start: num.start,
      end: tokens[victims.last].end,
      category: nextClaim.category,
      number: num,
      count: { start: num.start, end: num.end, min: someOf(num), max: num.max },
      victims: { start: tokens[victims.first].start, end: tokens[victims.last].end },
      victimGroup: groupOf(tokens, victims),
      subgroup: true,
      cumulative: nextClaim.cumulative,
    });
    claimed.add(num);
  }
}

/**
 * "105 people died in Jajarkot and 52 in Rukum West", "killed 15 in Manbij and another six in
 * Al-Tukhar": a figure with no words of its own but a place, after "and", tells the harm of the figure
 * before it in another place. Both are parts of the toll, each of its place.
 */
function partsByPlace(s: SentenceView, out: ClaimCandidate[]): void {
  const { tokens } = s;
  const claimed = new Set(out.map((c) => c.number));
  for (const num of s.numbers) {
    if (num.kind !== 'count' || claimed.has(num)) continue;
    const first = num.firstToken;
    const further = /^(?:another|further)$/.test(tokens[first - 1]?.lower ?? '') ? (tokens[first - 2]?.lower === 'a' ? 2 : 1) : 0;
    if (placeWithFigure(s, num, out, claimed) || firstPartByPlace(s, num, out, claimed)) continue;
    if (tokens[first - 1 - further]?.lower !== 'and') continue;
    const placeEnd = placeAfter(tokens, num.lastToken + 1);
    if (placeEnd < 0) continue;
    const previous = out.filter((c) => c.end <= tokens[first].start).pop();
    if (!previous || placeAfter(tokens, previous.number.lastToken + 1, 3) < 0) continue;
    // Nothing but the previous figure's own words and its place between the two: no verb of another harm.
    const between = tokens.slice(previous.number.lastToken + 1, first - 1 - further);
    if (between.length > 12 || between.some((t) => t.kind !== 'word' && t.text !== '-')) continue;
    previous.subgroup = true;
    pushPart(out, claimed, previous, num, tokens[first - further].start, tokens[placeEnd].end);
  }
}

/** A figure read as a part of `whole`'s toll, with whole's harm and victims, spanning [start, end). */
function pushPart(out: ClaimCandidate[], claimed: Set<FoundNumber>, whole: ClaimCandidate, num: FoundNumber, start: number, end: number): void {
  out.push({
    start,
    end,
    category: whole.category,
    number: num,
    count: { start: num.start, end: num.end, min: someOf(num), max: num.max },
    victims: null,
    victimGroup: whole.victimGroup.replace(/^additional ?/, ''),
    subgroup: true,
    cumulative: whole.cumulative,
  });
  claimed.add(num);
}

/**
 * "Khyber Pakhtunkhwa was worst hit with 31 deaths, followed by Balochistan with 23 and Sindh with 20":
 * a bare figure after a place and "with", in a sentence whose earlier figure came "with" its harm, is
 * another place's part of the same toll. Both are marked parts; true when the figure was read so.
 */
function placeWithFigure(s: SentenceView, num: FoundNumber, out: ClaimCandidate[], claimed: Set<FoundNumber>): boolean {
  const { tokens } = s;
  const first = num.firstToken;
  if (tokens[first - 1]?.lower !== 'with' || HARM_WORDS[tokens[num.lastToken + 1]?.lower ?? ''] || VICTIM_GROUPS[tokens[num.lastToken + 1]?.lower ?? ''] !== undefined) return false;
  let placeFirst = first - 2;
  if (placeFirst < 0 || tokens[placeFirst].kind !== 'word' || !isCapitalized(tokens[placeFirst].text)) return false;
  while (placeFirst > 0 && tokens[placeFirst - 1].kind === 'word' && isCapitalized(tokens[placeFirst - 1].text)) placeFirst--;
  const previous = out.filter((c) => c.end <= tokens[placeFirst].start).pop();
  if (!previous || tokens[previous.number.firstToken - 1]?.lower !== 'with') return false;
  previous.subgroup = true;
  pushPart(out, claimed, previous, num, tokens[placeFirst].start, num.end);
  return true;
}

/**
 * "21 civilians had been killed in the area: 15 in a northern district of Manbij and another six in
 * Al-Tukhar": a bare figure with a place, right after a toll and before another figure with a place,
 * is the first part of that toll by place (partsByPlace reads the rest). True when it was read so.
 */
function firstPartByPlace(s: SentenceView, num: FoundNumber, out: ClaimCandidate[], claimed: Set<FoundNumber>): boolean {
  const { tokens } = s;
  const placeEnd = placeAfter(tokens, num.lastToken + 1);
  if (placeEnd < 0 || tokens[placeEnd + 1]?.lower !== 'and') return false;
  let next = placeEnd + 2;
  if (/^(?:another|further)$/.test(tokens[next]?.lower ?? '')) next++;
  const second = s.numbers.find((n) => n.firstToken === next);
  if (!second || placeAfter(tokens, second.lastToken + 1) < 0) return false;
  const total = out.filter((c) => c.end <= num.start).pop();
  if (!total || total.subgroup) return false;
  const between = tokens.slice(total.number.lastToken + 1, num.firstToken);
  if (between.length > 12 || between.some((t) => t.kind === 'number' || (t.kind === 'punct' && t.text !== ',' && t.text !== ':' && t.text !== '-'))) return false;
  pushPart(out, claimed, total, num, num.start, tokens[placeEnd].end);
  return true;
}

/**
 * Where a place after "in" or "at" ends ("in Rukum West", "in a northern district of Manbij"), looking
 * for the place's capitalised words within `reach` words of the preposition; -1 when none is there.
 */
function placeAfter(tokens: Token[], at: number, reach = 1): number {
  for (let k = at; k < tokens.length && k < at + reach; k++) {
    if (tokens[k].lower !== 'in' && tokens[k].lower !== 'at') continue;
    for (let j = k + 1; j < tokens.length && j <= k + 5; j++) {
      if (tokens[j].kind !== 'word') return -1;
      if (!isCapitalized(tokens[j].text)) continue;
      let end = j;
      while (end + 1 < tokens.length && tokens[end + 1].kind === 'word' && isCapitalized(tokens[end + 1].text)) end++;
      return /^(?:province|governorate|state|region|district|countryside)$/.test(tokens[end + 1]?.lower ?? '') ? end + 1 : end;
    }
    return -1;
  }
  return -1;
}

function harmVerbForLives(tokens: Token[], first: number): number | null {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    if (/^(?:claimed|claiming|claims|cost|costing|took|taking|takes|killed)$/.test(tokens[k].lower)) return k;
  }
  return null;
}

function groupOf(tokens: Token[], victims: { first: number; last: number; head: string }): string {
  if (victims.head.startsWith('members of ')) return victims.head;
  // "34 of his comrades": someone's own people, a group apart from whoever else is counted.
  if (tokens[victims.first].lower === 'of' && POSSESSIVE_DETERMINERS.has(tokens[victims.first + 1]?.lower ?? '') && !VICTIM_GROUPS[victims.head]) return victims.head;
  // The head noun decides the group; "pro-government fighters" and "fighters" are the same group.
  for (let k = victims.last; k >= victims.first; k--) {
    const g = VICTIM_GROUPS[tokens[k].lower];
    if (g) return g;
  }
  return 'people';
}

const SINGULAR_VICTIMS = wordSet('man woman mother father person civilian soldier child boy girl policeman officer fighter militant journalist teenager baby infant doctor medic nurse paramedic resident student worker driver guard rebel protester demonstrator passenger photographer reporter pedestrian bystander motorist victim commander volunteer teacher farmer shepherd trooper deputy juvenile youth teen toddler customer clerk cashier homeowner shopkeeper hunter firefighter neighbor neighbour suspect employee security cyclist tourist');

/**
 * The claim a single victim at `i` is one of: right after "including" or "among them" following its
 * figure, or after "and" following a part already read ("four children and a woman").
 */
function wholeOfPart(tokens: Token[], i: number, out: ClaimCandidate[]): ClaimCandidate | undefined {
  const at = tokens[i].start;
  // The figure stands at most twelve tokens before: "killing seven people in the old city including".
  const from = tokens[Math.max(0, i - 12)].start;
  const before = (c: ClaimCandidate) => c.count.start >= from && c.count.end <= at;
  if (SUBGROUP_BEFORE.some((words) => endsBefore(tokens, i, words))) {
    return out.filter((c) => before(c) && !c.subgroup).sort((a, b) => a.count.start - b.count.start).pop();
  }
  if (tokens[i - 1]?.lower !== 'and') return undefined;
  // The part before "and" ends with its victims right before it, or its victims run on through the
  // single: "four children and a woman".
  const and = tokens[i - 1].start;
  return out.find((c) => c.subgroup && c.count.end <= and && c.victims !== null && (c.victims.end === tokens[i - 2]?.end || c.victims.start < and && c.victims.end > at));
}

/** Words that are never a modifier of a victim noun. */
const FUNCTION_WORD = wordSet('was were is in on at of and or but who that which where when while the a an his her their its this with for by to from as after before said says');

/** Relatives named through their kin: "shot his wife", "his 66-year-old wife was wounded". */
const KIN = wordSet('wife husband son daughter mother father brother sister girlfriend boyfriend cousin friend uncle aunt nephew niece grandson granddaughter grandmother grandfather stepson stepdaughter stepfather stepmother fiancee fiance fiancé fiancée roommate partner ex-wife ex-girlfriend ex-boyfriend ex-husband');
/** Verbs that say a person already introduced died: "He was pronounced dead", "the driver later died". */
const DIED = wordSet('died killed dead death');
/** Capitalised words that open a clause without naming a person. */
const NOT_A_NAME = wordSet('the a an he she it they we i you this that these those there police officers authorities investigators deputies detectives witnesses officials nobody no none someone somebody everyone anyone one both neither each another his her their its our my after when while as if but and or so then meanwhile according monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december mr mrs ms dr sgt lt officer chief sheriff capt');

/** Where a clause may begin: the start of the sentence, after punctuation, after a conjunction. */
function opensClause(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1];
  return (prev.kind === 'punct' && prev.text !== '-') || CLAUSE_OPENING_WORDS.has(prev.lower);
}

/** The lower-case words a subject of definiteSubject can open with; any other opens with a capital. */
const SUBJECT_OPENERS = new Set(['he', 'she', 'the', 'his', 'her']);

/**
 * The last token of a subject that names one person already introduced, opening a clause at i: "he",
 * "the victim", "the 23-year-old man", "his wife", "Smith", "John Smith, 24,". -1 when there is none.
 */
function definiteSubject(tokens: Token[], i: number, second = false): number {
  const t = tokens[i];
  // "he" and "she" are always subjects, wherever they stand: "told police he was shot".
  if (HE_OR_SHE.has(t.lower)) return i;
  if (!opensClause(tokens, i)) return -1;
  if (t.lower === 'the' || t.lower === 'his' || t.lower === 'her') {
    for (let k = i + 1, n = 0; k < tokens.length && n < 4; k++, n++) {
      const w = tokens[k];
      if (SINGULAR_VICTIMS.has(w.lower) || KIN.has(w.lower) || (w.lower === 'couple' && tokens[k + 1]?.lower !== 'of')) return k;
      if ((w.kind === 'punct' && w.text !== '-') || HARM_WORDS[w.lower] || DESCRIPTION_BREAKS.has(w.lower)) return -1;
    }
    return -1;
  }
  // A name: one to three capitalised words, maybe followed by an age between commas.
  if (!CAPITALISED_NAME_WORD.test(t.text) || NOT_A_NAME.has(t.lower) || HARM_WORDS[t.lower] || VICTIM_GROUPS[t.lower]) return -1;
  let k = i;
  while (k + 1 < tokens.length && k - i < 2 && CAPITALISED_NAME_WORD.test(tokens[k + 1].text) && !HARM_WORDS[tokens[k + 1].lower]) k++;
  if (tokens[k + 1]?.text === ',' && tokens[k + 2]?.kind === 'number' && tokens[k + 3]?.text === ',') k += 3;
  // "Shooters may have been wounded": a capitalised plural is a headline's noun, not a person's name.
  const verb = tokens[k + 1]?.lower ?? '';
  if ((!second && PLURAL_VERBS.has(verb)) || (MODALS.has(verb) && tokens[k + 2]?.lower === 'have')) return -1;
  return k;
}

/** Verbs that take up a subject again after an appositive: "The victim, identified as ..., was". */
const VERB_AFTER_APPOSITIVE = wordSet('was is has had died dies remains remained succumbed later');

/**
 * Where the verb of a subject ending before `at` may be: after an appositive set off by commas ("The
 * victim, identified as Marcus Reed, 34, was pronounced dead"; "The driver, a 45-year-old woman,
 * died"), else `at` itself. The aside ends at the last comma before such a verb, within its sentence.
 */
function pastAppositive(tokens: Token[], at: number): number {
  if (tokens[at]?.text !== ',') return at;
  for (let k = at + 1; k < tokens.length && k <= at + 14; k++) {
    const t = tokens[k];
    if (t.text === ';' || t.text === '.' || t.text === ':') return at;
    if (t.text === ',' && VERB_AFTER_APPOSITIVE.has(tokens[k + 1]?.lower ?? '')) return k + 1;
  }
  return at;
}

/**
 * "He was pronounced dead", "the victim was taken to a hospital", "Smith was shot in the leg": one
 * person harmed, named by a pronoun, a definite description or a name. These are marked anaphoric:
 * the person may be one the article counted already (see sameVictimSingles).
 */
function findDefiniteSingles(tokens: Token[], out: ClaimCandidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    // A subject of definiteSubject opens with a capitalised word or one of a few short words: most
    // tokens are passed over before its tests.
    if (!isCapitalized(tokens[i].text) && !(tokens[i].lower.length <= 3 && SUBJECT_OPENERS.has(tokens[i].lower))) continue;
    let subjectEnd = definiteSubject(tokens, i);
    if (subjectEnd < 0) continue;
    const t = tokens[i];
    // "Smith and Jones were taken to a hospital", "the couple": two people.
    let people = tokens[subjectEnd].lower === 'couple' ? 2 : 1;
    const paired = pairedSubject(tokens, subjectEnd);
    if (paired >= 0) {
      subjectEnd = paired;
      people = 2;
    }
    const self = people === 1 ? selfHarm(tokens, subjectEnd + 1) : null;
    const after = harmAfter(tokens, pastAppositive(tokens, subjectEnd + 1)) ?? self;
    if (!after || (after.category !== 'killed' && after.category !== 'injured')) continue;
    if (after.category === 'killed' && !DIED.has(tokens[after.index].lower) && !/^(?:slain|murdered|himself|herself)$/.test(tokens[after.index].lower)) continue;
    // A name's death counts when the article states it ("Smith was pronounced dead"), not when it is
    // hearsay ("Barakat is said to have died") or a headline's noun ("Syria Death").
    // A relative's death ("her son died") is as often a life story as a casualty.
    if (after.category === 'killed' && /^(?:his|her)$/.test(t.lower)) continue;
    if (after.category === 'killed' && !/^(?:he|she|the)$/.test(t.lower) &&
      (after.index === subjectEnd + 1 || tokens.slice(subjectEnd + 1, after.index).some((x) => /^(?:said|believed|thought|feared|reportedly|may|might|could|to)$/.test(x.lower)))) continue;
    const start = t.start;
    if (out.some((c) => c.start <= start && c.end > start) || out.some((c) => c.start >= start && c.start <= tokens[after!.index].end)) continue;
    // "John Smith, 24,": the person is named before the age.
    const named = tokens[subjectEnd].text === ',' ? subjectEnd - 3 : subjectEnd;
    out.push({
      start, end: tokens[after.index].end, category: after.category,
      number: { start, end: tokens[named].end, text: '', min: people, max: people, kind: 'count', firstToken: i, lastToken: named },
      count: { start, end: tokens[named].end, min: people, max: people },
      victims: { start, end: tokens[named].end }, victimGroup: 'people', subgroup: false, cumulative: false,
      // A relative ("his wife") is someone new; a pronoun, a description or a name may be the one just told of.
      // One who killed himself is the one who did the shooting, not a victim told of before.
      anaphoric: /^(?:his|her)$/.test(t.lower) || (after === self && after.category === 'killed') ? 'new' : 'refers',
      person: people === 1 ? tokens[named].lower : undefined,
    });
    i = after.index;
  }
}

/**
 * "Family members located his body late Saturday": one dead, the person the pronoun stands for, who
 * may be one told of already. ("found the body of a man" is read with the other singles.)
 */
function findFoundBodies(tokens: Token[], out: ClaimCandidate[]): void {
  for (let k = 2; k < tokens.length; k++) {
    if (tokens[k].lower !== 'body' || !/^(?:his|her)$/.test(tokens[k - 1].lower)) continue;
    const verb = tokens[k - 2].lower === 'later' || tokens[k - 2].lower === 'also' ? k - 3 : k - 2;
    if (!/^(?:found|located|discovered|recovered|identified)$/.test(tokens[verb]?.lower ?? '')) continue;
    const start = tokens[verb].start;
    if (out.some((c) => c.start <= tokens[k].end && c.end > start)) continue;
    const pronoun = tokens[k - 1];
    out.push({
      start, end: tokens[k].end, category: 'killed',
      number: { start: pronoun.start, end: tokens[k].end, text: '', min: 1, max: 1, kind: 'count', firstToken: k - 1, lastToken: k },
      count: { start: pronoun.start, end: tokens[k].end, min: 1, max: 1 },
      victims: { start: pronoun.start, end: tokens[k].end }, victimGroup: 'people', subgroup: false, cumulative: false,
      anaphoric: 'refers', person: pronoun.lower === 'his' ? 'he' : 'she',
    });
  }
}

/** Whether the harm word at k says "shot" rather than "wounded": "were shot", "with gunshot wounds". */
function saysShot(tokens: Token[], k: number): boolean {
  const w = tokens[k].lower;
  if (w === 'shot' || w === 'hit' || w === 'struck') return true;
  return WOUND_NOUNS.has(w) && tokens.slice(Math.max(0, k - 3), k).some((x) => /^(?:gunshot|bullet)$/.test(x.lower));
}

/**
 * "Three people were shot, one fatally", "two men were shot; a 30-year-old died": the shot who died are
 * counted among the dead, so the wounded are the shot less the dead. The dead of the article are its
 * largest figure of killed that is not a cumulative toll nor a further incident's.
 */
export function woundedSurvivors(claims: ClaimCandidate[]): void {
  let dead = 0;
  for (const c of claims) {
    if (c.category === 'killed' && !c.cumulative && !c.victimGroup.startsWith('additional')) dead = Math.max(dead, c.count.min);
  }
  if (dead === 0) return;
  for (const c of claims) {
    if (!c.shot || c.cumulative || c.victimGroup.startsWith('additional') || c.count.max === null || c.count.min !== c.count.max || c.count.min <= dead) continue;
    c.count = { ...c.count, min: c.count.min - dead, max: c.count.max - dead };
  }
}

/** "Smith and Jones", "a man and his wife": a second person joined to the subject ending at `end`. */
function pairedSubject(tokens: Token[], end: number, afterLeft = false): number {
  if (tokens[end + 1]?.lower !== 'and') return -1;
  const next = tokens[end + 2];
  if (!next) return -1;
  let second = definiteSubject(tokens, end + 2, true);
  if (second < 0 && (next.lower === 'a' || next.lower === 'an')) {
    for (let k = end + 3; k < Math.min(tokens.length, end + 7); k++) {
      if (SINGULAR_VICTIMS.has(tokens[k].lower) || KIN.has(tokens[k].lower)) {
        second = k;
        break;
      }
      if (tokens[k].kind === 'punct' && tokens[k].text !== '-') break;
    }
  }
  // The pair must share one plural verb: "Smith and Jones were shot", not "Smith and he said"; or,
  // after "left", one harm: "left a mother and her son dead".
  const shared = /^(?:were|are|have|both)$/.test(tokens[second + 1]?.lower ?? '') || (afterLeft && HARM_WORDS[tokens[second + 1]?.lower ?? ''] !== undefined);
  return second >= 0 && shared ? second : -1;
}

/**
 * "A man who was shot on Friday has died", "a girl who was stabbed several times inside a home died":
 * a victim whose clause tells a wound and who died after it is counted dead.
 */
function diedAfterRelative(tokens: Token[], at: number): { index: number; category: CasualtyCategory } | null {
  // "a teen girl who ...": the noun may run on by one more word.
  if (SINGULAR_VICTIMS.has(tokens[at]?.lower ?? '')) at++;
  if (tokens[at]?.lower !== 'who') return null;
  let wounded = false;
  for (let j = at + 1; j < tokens.length && j <= at + 20; j++) {
    const t = tokens[j];
    if (t.kind === 'punct' && t.text !== '-') return null;
    // "a woman who witnessed the shooting said he died": someone else's death.
    if (RELATIVE_CLAUSE_BREAKS.has(t.lower)) return null;
    if (HARM_WORDS[t.lower] === 'injured') wounded = true;
    if (wounded && (t.lower === 'died' || t.lower === 'dies' || t.lower === 'succumbed')) return { index: j, category: 'killed' };
  }
  return null;
}

/** "accidentally shot himself in the leg": harmed by one's own hand. */
function selfHarm(tokens: Token[], from: number): { index: number; category: CasualtyCategory } | null {
  let k = from;
  while (k < tokens.length && SELF_HARM_ADVERBS.has(tokens[k].lower)) k++;
  if (!HIMSELF_OR_HERSELF.has(tokens[k + 1]?.lower ?? '')) return null;
  if (/^(?:shot|wounded|injured)$/.test(tokens[k]?.lower ?? '')) return { index: k + 1, category: 'injured' };
  if (tokens[k]?.lower === 'killed') return { index: k + 1, category: 'killed' };
  return null;
}

/**
 * Which single victims of a document are one person told of twice, in document order. A death told of
 * a person already introduced ("He died at the hospital") makes the single wounded victims before it
 * that person, back to the last death counted; a wounding told of a person already introduced ("he was
 * shot in the chest"), right after a single death, describes the dead. Returns the claims to drop.
 */
export function sameVictimSingles(claims: ClaimCandidate[]): Set<ClaimCandidate> {
  const drop = new Set<ClaimCandidate>();
  const singles = claims.filter((c) => c.count.min === 1 && c.count.max === 1 && !c.cumulative && (c.category === 'killed' || c.category === 'injured'));
  // One pass: the wounded since the last death, and the nearest single not dropped.
  const sinceDeath: ClaimCandidate[] = [];
  let previous: ClaimCandidate | null = null;
  for (const c of singles) {
    if (c.category === 'killed') {
      if (c.anaphoric === 'refers') {
        while (sinceDeath.length && samePerson(sinceDeath[sinceDeath.length - 1], c)) drop.add(sinceDeath.pop()!);
      }
      sinceDeath.length = 0;
    } else if (c.anaphoric === 'refers' && previous?.category === 'killed' && samePerson(previous, c)) {
      drop.add(c);
      continue;
    } else {
      sinceDeath.push(c);
    }
    previous = c;
  }
  return drop;
}

const MALE = wordSet('he man boy husband son father brother boyfriend uncle nephew grandfather grandson stepson stepfather fiance fiancé policeman');
const FEMALE = wordSet('she woman girl wife daughter mother sister girlfriend aunt niece grandmother granddaughter stepdaughter stepmother fiancee fiancée');

/** Whether two single victims may be one person: not of two sexes, not two different names. */
function samePerson(a: ClaimCandidate, b: ClaimCandidate): boolean {
  if (!a.person || !b.person) return true;
  const sex = (w: string) => (MALE.has(w) ? 'm' : FEMALE.has(w) ? 'f' : '');
  if (sex(a.person) && sex(b.person) && sex(a.person) !== sex(b.person)) return false;
  const isName = (w: string) => !sex(w) && !VICTIM_GROUPS[w] && !SINGULAR_VICTIMS.has(w) && !KIN.has(w) && w !== 'couple';
  return !(isName(a.person) && isName(b.person) && a.person !== b.person);
}

/**
 * One person counted without a number word: "shot his wife" (a relative, as the object of the harm),
 * "His injuries were not life-threatening" (the wounds of someone), "one of the residents was shot".
 */
function findRelativesAndOnes(tokens: Token[], out: ClaimCandidate[]): void {
  const free = (start: number) => !out.some((c) => c.start <= start && c.end > start);
  const push = (first: number, last: number, countFirst: number, countLast: number, category: CasualtyCategory, person: string | undefined, subgroup: boolean, anaphoric?: 'refers' | 'new') => {
    const candidate: ClaimCandidate = {
      start: tokens[first].start, end: tokens[last].end, category,
      number: { start: tokens[countFirst].start, end: tokens[countLast].end, text: '', min: 1, max: 1, kind: 'count', firstToken: countFirst, lastToken: countLast },
      count: { start: tokens[countFirst].start, end: tokens[countLast].end, min: 1, max: 1 },
      victims: { start: tokens[countFirst].start, end: tokens[countLast].end }, victimGroup: 'people', subgroup, cumulative: false,
    };
    if (person) candidate.person = person;
    if (anaphoric) candidate.anaphoric = anaphoric;
    out.push(candidate);
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if ((w === 'his' || w === 'her' || w === 'their') && i > 0 && ACTIVE_HARM.has(tokens[i - 1].lower) && HARM_WORDS[tokens[i - 1].lower] !== 'arrested') {
      for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
        if (KIN.has(tokens[k].lower) || SINGULAR_VICTIMS.has(tokens[k].lower)) {
          // "fatally shot his wife"
          const category = /^(?:fatally|mortally)$/.test(tokens[i - 2]?.lower ?? '') ? 'killed' : HARM_WORDS[tokens[i - 1].lower];
          if (free(tokens[i - 1].start)) push(i - 1, k, i, k, category, tokens[k].lower, false);
          // "shot his wife and then himself": the shooter too, someone new.
          const self = tokens[k + 1]?.lower === 'and' ? (tokens[k + 2]?.lower === 'then' ? k + 3 : k + 2) : -1;
          if (self > 0 && /^(?:himself|herself)$/.test(tokens[self]?.lower ?? '') && free(tokens[self].start)) {
            push(self, self, self, self, category, tokens[self].lower, false, 'new');
          }
          break;
        }
        // "executed her while a man ...": "her" was the object itself.
        if ((tokens[k].kind === 'punct' && tokens[k].text !== '-') || FUNCTION_WORD.has(tokens[k].lower)) break;
      }
    } else if ((w === 'his' || w === 'her') && opensClause(tokens, i)) {
      let k = i + 1;
      if (/^(?:gunshot|bullet)$/.test(tokens[k]?.lower ?? '')) k++;
      if (/^(?:injuries|wounds|wound|injury)$/.test(tokens[k]?.lower ?? '') && /^(?:were|was|are|is|appeared|appear|did|do|does)$/.test(tokens[k + 1]?.lower ?? '') && free(tokens[i].start)) {
        push(i, k, i, i, 'injured', w === 'his' ? 'he' : 'she', false, 'refers');
      }
    } else if (w === 'both' && VICTIM_GROUPS[tokens[i + 1]?.lower ?? ''] && /s$/.test(tokens[i + 1].lower) && free(tokens[i].start)) {
      // "Both victims were pronounced dead": two people.
      const after = harmAfter(tokens, i + 2);
      if (after && (after.category === 'killed' || after.category === 'injured')) {
        push(i, after.index, i, i + 1, after.category, undefined, false);
        const pair = out[out.length - 1];
        pair.count = { ...pair.count, min: 2, max: 2 };
        pair.number = { ...pair.number, min: 2, max: 2 };
      }
    } else if (w === 'one' && tokens[i + 1]?.lower === 'of') {
      let k = i + 2;
      if (/^(?:the|his|her|their|those)$/.test(tokens[k]?.lower ?? '')) {
        k++;
        while (k < tokens.length && k < i + 6 && tokens[k].kind === 'word' && !VICTIM_GROUPS[tokens[k].lower] && !/^[a-z]+s$/.test(tokens[k].text)) k++;
      }
      if (!/^(?:them|those|whom)$/.test(tokens[k]?.lower ?? '') && !(VICTIM_GROUPS[tokens[k]?.lower ?? ''] || /^[a-z]+s$/.test(tokens[k]?.text ?? ''))) continue;
      const after = harmAfter(tokens, k + 1);
      if (after && (after.category === 'killed' || after.category === 'injured') && free(tokens[i].start)) push(i, after.index, i, k, after.category, undefined, true);
    }
  }
}

function findImplicitSingles(tokens: Token[], numbers: FoundNumber[], out: ClaimCandidate[], turnsAway: () => boolean): void {
  findDefiniteSingles(tokens, out);
  findFoundBodies(tokens, out);
  findRelativesAndOnes(tokens, out);
  for (let i = 0; i < tokens.length; i++) {
    const det = tokens[i].lower;
    // "killing the driver and two passengers": a definite victim only as the object of a harm.
    // (Not of an arrest: "arrested the suspect" tells of the attacker.)
    const definite = det === 'the' && i > 0 && ACTIVE_HARM.has(tokens[i - 1].lower) && HARM_WORDS[tokens[i - 1].lower] !== 'arrested';
    if (det !== 'a' && det !== 'an' && det !== 'another' && !definite) continue;
    // "killing one man and injuring another": one more victim, of the verb before it.
    if (det === 'another' && i > 0 && ACTIVE_HARM.has(tokens[i - 1].lower) && (i + 1 >= tokens.length || tokens[i + 1].kind === 'punct' || /^(?:and|in|on|at|when|after|before|who)$/.test(tokens[i + 1].lower))) {
      const start = tokens[i - 1].start;
      if (!out.some((c) => c.start <= start && c.end > start)) {
        out.push({
          start, end: tokens[i].end, category: HARM_WORDS[tokens[i - 1].lower],
          number: { start: tokens[i].start, end: tokens[i].end, text: '', min: 1, max: 1, kind: 'count', firstToken: i, lastToken: i },
          count: { start: tokens[i].start, end: tokens[i].end, min: 1, max: 1 },
          victims: null, victimGroup: 'additional people', subgroup: false, cumulative: false,
        });
      }
      continue;
    }
    let k = i + 1;
    // up to two modifiers: "a 26-year-old man", "a young local man"
    let n = 0;
    while (k < tokens.length && n < 4 && !SINGULAR_VICTIMS.has(tokens[k].lower)) {
      if (tokens[k].kind === 'punct' && tokens[k].text !== '-') break;
      // A modifier never is a function word: "a report that the teen ...", "a robbery where the victim ...".
      if (HARM_WORDS[tokens[k].lower] || FUNCTION_WORD.has(tokens[k].lower)) break;
      k++;
      n++;
    }
    if (k >= tokens.length || !SINGULAR_VICTIMS.has(tokens[k].lower)) continue;
    // "killed the man's wife": the possessor is no victim.
    if (definite && /^['’]s$/.test(tokens[k + 1]?.text ?? '')) continue;
    const paired = i > 0 && (ACTIVE_HARM.has(tokens[i - 1].lower) || SENDS.has(tokens[i - 1].lower)) ? -1 : pairedSubject(tokens, k, tokens[i - 1]?.lower === 'left');
    const people = paired >= 0 ? 2 : 1;
    if (paired >= 0) k = paired;
    // "arrested a man", "killing a child", or "a man was killed"
    let ofHarm = i > 1 && tokens[i - 1].lower === 'of' && NOUN_OF_HARM[tokens[i - 2].lower] ? { index: i - 2, category: NOUN_OF_HARM[tokens[i - 2].lower] } : null;
    // "found the body of a man": a death the police found, not a picture's "lifeless body of a child".
    if (!ofHarm && i > 2 && tokens[i - 1].lower === 'of' && tokens[i - 2].lower === 'body' && tokens.slice(Math.max(0, i - 5), i - 2).some((x) => /^(?:found|discovered|recovered|located)$/.test(x.lower))) {
      ofHarm = { index: i - 2, category: 'killed' };
    }
    const verb = ofHarm ?? (i > 0 && shotDead(tokens, i - 1) ? { index: i - 2, category: 'killed' as CasualtyCategory } : null) ??
      (i > 0 && ACTIVE_HARM.has(tokens[i - 1].lower) && det !== 'another' ? { index: i - 1, category: HARM_WORDS[tokens[i - 1].lower] } : null) ??
      (i > 0 && SENDS.has(tokens[i - 1].lower) && hospitalWithin(tokens, k + 1, 5) >= 0 ? { index: i - 1, category: 'injured' as CasualtyCategory } : null);
    const after = verb ? null : diedAfterRelative(tokens, k + 1) ?? harmAfter(tokens, k + 1) ?? selfHarm(tokens, k + 1);
    // "killing seven people including a policeman", "12 civilians including four children and a
    // pregnant woman were killed": one of those counted, a part of the toll inside its phrase.
    const whole = !verb && det !== 'another' && paired < 0 ? wholeOfPart(tokens, i, out) : undefined;
    if (whole) {
      if (!out.some((c) => c.count.start === tokens[i].start)) {
        out.push({
          start: tokens[i].start, end: tokens[k].end, category: whole.category,
          number: { start: tokens[i].start, end: tokens[k].end, text: '', min: 1, max: 1, kind: 'count', firstToken: i, lastToken: k },
          count: { start: tokens[i].start, end: tokens[k].end, min: 1, max: 1 },
          // One named person of a toll is a group of their own: set against "four children" beside
          // them, "a woman" is another part, not another count.
          victims: { start: tokens[k].start, end: tokens[k].end }, victimGroup: tokens[k].lower,
          subgroup: true, cumulative: whole.cumulative, person: tokens[k].lower,
        });
      }
      continue;
    }
    if (!verb && !after) continue;
    const start = verb ? tokens[verb.index].start : tokens[i].start;
    const countEnd = tokens[k].end;
    if (out.some((c) => c.start <= start && c.end > start)) continue;
    // The pair replaces the single read from its second half ("his wife were wounded").
    if (paired >= 0) out.splice(0, out.length, ...out.filter((c) => c.start < start || c.start > countEnd));
    const pseudo: FoundNumber = {
      start: tokens[i].start, end: countEnd, text: '', min: people, max: people, kind: 'count', firstToken: i, lastToken: k,
    };
    out.push({
      start,
      end: after ? tokens[after.index].end : countEnd,
      category: (verb ?? after)!.category,
      number: pseudo,
      count: { start: tokens[i].start, end: countEnd, min: people, max: people },
      victims: { start: tokens[k].start, end: tokens[k].end },
      // "a man and his wife were also executed": victims besides those counted before.
      victimGroup: det === 'another' || (after && alsoHarmed(tokens, k, after.index, turnsAway)) ? `additional ${VICTIM_GROUPS[tokens[k].lower] ?? 'people'}` : VICTIM_GROUPS[tokens[k].lower] ?? 'people',
      subgroup: false,
      cumulative: false,
      person: people === 1 ? tokens[k].lower : undefined,
      // "the driver" may be one the article told of before.
      anaphoric: definite ? 'refers' : undefined,
    });
  }
  coordinateAfterSingles(tokens, numbers, out);
}

/**
 * "killed his wife and two children": a figure right after "and" that follows a single victim's
 * phrase shares its harm, as a figure after another figure's phrase does (see readClaimsInSentence).
 */
function coordinateAfterSingles(tokens: Token[], numbers: FoundNumber[], out: ClaimCandidate[]): void {
  for (const num of numbers) {
    if (num.kind !== 'count' || tokens[num.firstToken - 1]?.lower !== 'and') continue;
    if (out.some((c) => c.count.start === num.start)) continue;
    const and = tokens[num.firstToken - 1];
    const single = out.find((c) => c.person !== undefined && c.victims !== null && c.victims.end === tokens[num.firstToken - 2]?.end && c.end <= and.start);
    const victims = single ? victimsAfter(tokens, num.lastToken + 1) : null;
    if (!single || !victims) continue;
    out.push({
      start: num.start, end: tokens[victims.last].end, category: single.category, number: num,
      count: { start: num.start, end: num.end, min: someOf(num), max: num.max },
      victims: { start: tokens[victims.first].start, end: tokens[victims.last].end },
      victimGroup: groupOf(tokens, victims), subgroup: single.subgroup, cumulative: single.cumulative,
    });
  }
}
