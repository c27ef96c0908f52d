// Reported statements: who said what. "according to X", "X said/told/reported", "said X",
// "X said in a Facebook posting", quotes with their speaker, headline credits ("... - monitor"),
// and continuations ("he said", "the group said") resolved to the actor they refer to.

import { wordSet, WordTest } from './collections';
import { GROUP_SOURCE_NOUNS } from './lexicon';
import { isCapitalized, Token } from './text';
import { Entity, Range, Span } from './types';

// Regex literals written in a function make a new RegExp object each time they are evaluated;
// these are tested once or more per token, so they are made once here. The word lists read around
// every cue are sets (see wordSet).
const WHITESPACE = /\s+/;
const QUANTIFIERS = wordSet('some many most all both few several others');
const PRONOUN_CONTRACTION = /^(?:he|she|it|they|we|i|you|who)['’](?:s|ve|d|ll|re)$/;
const TIME_DETERMINERS = wordSet('last this that a an the earlier later');
const WHO_OR_WHICH = wordSet('who which');

export interface FoundAttribution {
  source: Span;
  cue: Span;
  content: Range | null;
  /** The sentence the attribution was found in. */
  sentence: Range;
  /** For pronouns and descriptions ("he", "the group"), the mention they refer to. */
  antecedent: Span | null;
  entityId?: string;
  /** The content is a direct quotation. */
  quoted: boolean;
  /** A verb of thought or stance ("believes", "agreed"), which reports a view rather than a figure. */
  stance: boolean;
  /** A headline credit written without any cue ("... kill 56 civilians in Syria monitor"). */
  uncued?: boolean;
  /**
   * Said inside a quotation ("I think ...", says the quoted speaker): part of another attribution's
   * content rather than one the article makes. Kept for the claims, left out of the document's list.
   */
  nested?: boolean;
}

const SPEECH_VERBS_BASE = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'reported', 'reports', 'report', 'reporting', 'stated',
  'states', 'claimed', 'claims', 'claim', 'announced', 'announces', 'added', 'adds', 'confirmed', 'confirms', 'denied',
  'denies', 'insisted', 'insists', 'noted', 'notes', 'explained', 'explains', 'warned', 'warns', 'accused', 'accuses',
  'alleged', 'alleges', 'estimated', 'estimates', 'wrote', 'writes', 'tweeted', 'tweets', 'posted', 'declared',
  'declares', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'asserted', 'argued', 'argues', 'stressed',
  'stresses', 'indicated', 'revealed', 'disclosed', 'quoted', 'cited', 'documented', 'recorded', 'counted',
  'put', 'puts', 'putting', 'blamed', 'blames', 'described', 'describes', 'called', 'urged', 'urges', 'vowed', 'pledged',
  'saying', 'adding', 'arguing', 'citing', 'claiming', 'noting', 'telling', 'warning', 'insisting', 'explaining',
];
/** Verbs of thought, finding and stance: sources too when a name, a pronoun or an institution holds them. */
const STANCE_VERBS = new Set([
  'believes', 'believe', 'believed', 'thinks', 'think', 'thought', 'knows', 'know', 'knew', 'feels', 'felt', 'fears',
  'feared', 'hopes', 'hoped', 'expects', 'expected', 'wants', 'want', 'wanted', 'worries', 'worried', 'doubts',
  'doubted', 'shows', 'show', 'showed', 'shown', 'found', 'finds', 'suggests', 'suggested', 'suggest', 'agreed',
  'agrees', 'asked', 'asks', 'argued', 'recalled', 'recalls', 'mentioned', 'emphasized', 'emphasised', 'continued',
  'responded', 'replied', 'answered', 'questioned', 'criticized', 'criticised', 'condemned', 'blasted', 'slammed',
  'praised', 'rejected', 'disputed', 'conceded', 'predicted', 'concluded', 'testified', 'demanded', 'learned',
  'promised', 'promises', 'declined', 'refused', 'maintained', 'contended', 'observed', 'remarked', 'charged',
  'reveals', 'revealed', 'ruled', 'pointed', 'insisted', 'explained',
]);

/** Verbs that are cues only when a source stands right before them ("the Observatory documented"). */
const WEAK_VERBS = new Set([
  'put', 'puts', 'putting', 'documented', 'recorded', 'counted', 'called', 'described', 'describes', 'urged', 'urges',
  'vowed', 'pledged', 'blamed', 'blames', 'estimated', 'estimates', 'posted', 'quoted', 'cited', ...STANCE_VERBS,
]);
/**
 * Verbs that report a view, a plan, a stance or a public act of a person or a body: the wider sense of
 * attribution ("The senator opposes the bill", "Voters want change", "The council approved the plan").
 * Written as lemmas and inflected below, so that every tense is read alike. Cues only after a phrase that
 * can be a source, and never the source of a figure (they report views, not counts).
 */
const VIEW_VERB_LEMMAS = [
  'accuse', 'acknowledge', 'address', 'admire', 'admit', 'advise', 'advocate', 'affirm', 'allege', 'announce',
  'anticipate', 'applaud', 'appreciate', 'approve', 'argue', 'assert', 'assume', 'assure', 'attack', 'authorize', 'back',
  'bash', 'blame', 'blast', 'boast', 'brag', 'brand', 'campaign', 'caution', 'champion', 'characterize', 'chant',
  'chastise', 'chide', 'cite', 'claim', 'clarify', 'comment', 'compare', 'complain', 'concede', 'conclude', 'condemn',
  'confess', 'confirm', 'consider', 'contend', 'contest', 'convince', 'counter', 'credit', 'criticize', 'criticise',
  'decide', 'declare', 'decry', 'defend', 'demand', 'denounce', 'deny', 'deride', 'describe', 'detail', 'disagree',
  'discuss', 'dismiss', 'dispute', 'doubt', 'downplay', 'echo', 'embrace', 'emphasize', 'emphasise', 'encourage',
  'endorse', 'envision', 'estimate', 'expect', 'explain', 'express', 'fault', 'favor', 'favour', 'fear', 'forecast',
  'guarantee', 'hail', 'highlight', 'hint', 'hope', 'imply', 'indicate', 'insist', 'intend', 'invoke', 'joke', 'judge',
  'label', 'lambast', 'lament', 'laud', 'liken', 'lobby', 'maintain', 'mention', 'mock', 'note', 'object', 'oppose',
  'outline', 'plan', 'plead', 'pledge', 'portray', 'praise', 'predict', 'prefer', 'press', 'proclaim', 'promise',
  'promote', 'propose', 'protest', 'question', 'rail', 'reaffirm', 'realize', 'rebuke', 'rebut', 'recall', 'recognize',
  'recommend', 'reference', 'refute', 'reiterate', 'reject', 'remark', 'remind', 'repeat', 'reply', 'request',
  'resent', 'respond', 'retort', 'retweet', 'reveal', 'ridicule', 'scold', 'seek', 'shout', 'signal', 'slam', 'speculate',
  'stress', 'suggest', 'support', 'suspect', 'refer', 'swear', 'testify', 'thank', 'threaten', 'tout', 'tweet', 'underscore',
  'understand', 'unveil', 'urge', 'veto', 'voice', 'vow', 'warn', 'welcome', 'wish', 'wonder', 'worry', 'yell', 'write',
  // Public acts on a proposition or a person: offers, votes, signatures, bans.
  'offer', 'issue', 'sponsor', 'link', 'feature', 'avoid', 'intensify', 'present', 'imagine',
  'grill', 'unleash', 'hammer', 'profile', 'appoint', 'nominate', 'repeal', 'ban',
  'impose', 'allow', 'prohibit', 'overrule', 'enact', 'block', 'target', 'spar', 'talk',
  'pitch', 'push', 'demonstrate', 'investigate', 'examine', 'explore', 'chronicle', 'analyze', 'analyse', 'conclude',
  'weigh', 'view', 'resist', 'reverse', 'rally', 'tease', 'concoct', 'champion', 'flout', 'abolish', 'assess',
  // Ways of saying: manner, insistence, appeal, rebuke and praise.
  'speak', 'sing', 'recite', 'quip', 'muse', 'scoff', 'mutter', 'whisper', 'grumble', 'recount', 'concur', 'opine',
  'posit', 'theorize', 'surmise', 'exhort', 'implore', 'beg', 'castigate', 'berate', 'admonish', 'reprimand', 'bemoan',
  'deplore', 'excoriate', 'assail', 'belittle', 'disparage', 'denigrate', 'vilify', 'demonize', 'dub', 'deem',
  'congratulate', 'commend', 'compliment', 'salute', 'celebrate', 'reassure', 'alert', 'inform', 'persist', 'elaborate',
  'articulate', 'summarize', 'allude', 'insinuate', 'contradict', 'debunk', 'query', 'inquire', 'prod', 'petition',
  'bristle', 'balk', 'fume', 'seethe', 'regret', 'mourn',
  // Making a finding or a text public: "the paper published", "investigators discovered".
  'publish', 'release', 'unearth', 'disclose', 'divulge', 'uncover', 'discover', 'determine', 'verify', 'corroborate',
  'document', 'identify', 'sign', 'endorse', 'ratify',
  // Attitudes towards a person or a proposition.
  'love', 'hate', 'despise', 'detest', 'loathe', 'adore', 'dislike', 'relish', 'cherish', 'trust', 'distrust',
  'mistrust', 'hear', 'regard', 'perceive', 'reckon', 'guess', 'suppose', 'presume', 'foresee', 'calculate', 'rank',
  'ignore', 'minimize', 'ponder', 'contemplate', 'mull', 'probe', 'scrutinize', 'evaluate', 'call',
];
/** Past forms that do not follow the rules of inflect(). */
const IRREGULAR: Record<string, string[]> = {
  understand: ['understood'], seek: ['sought'], swear: ['swore', 'sworn'], forecast: ['forecast'], speak: ['spoke', 'spoken'], write: ['wrote', 'written'],
  sing: ['sang', 'sung'], hear: ['heard'], foresee: ['foresaw', 'foreseen'],
};
/** Longer verbs that double their last consonant: "admitted", "regretting" (stress on the last syllable). */
const DOUBLING = new Set(['admit', 'prefer', 'rebut', 'regret', 'commit', 'permit', 'refer', 'concur']);
/** One syllable ending in one vowel and one consonant doubles it: "slammed", "banning", "quipped". */
const SHORT_CVC = /^(?:qu|[^aeiou])*[aeiou][bdgklmnprt]$/;

/** The -s, -ed and -ing forms of a regular verb, with the usual spelling changes. */
export function inflect(lemma: string): string[] {
  const consonantY = /[^aeiou]y$/.test(lemma);
  const third = /(?:s|x|z|ch|sh)$/.test(lemma) || lemma === 'veto' || lemma === 'echo' ? `${lemma}es` : consonantY ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const doubled = DOUBLING.has(lemma) || SHORT_CVC.test(lemma) ? lemma + lemma.at(-1) : lemma;
  const past = IRREGULAR[lemma] ?? [lemma.endsWith('e') ? `${lemma}d` : consonantY ? `${lemma.slice(0, -1)}ied` : `${doubled}ed`];
  const ing = /[^e]e$/.test(lemma) ? `${lemma.slice(0, -1)}ing` : `${doubled}ing`;
  return [lemma, third, ...past, ing];
}

/** Cue words that are also nouns ("the report", "his claims"): cues only without a determiner before them. */
const NOUN_LIKE_CUES = new Set([
  'report', 'reports', 'claims', 'claim', 'states', 'tweets', 'calls', 'notes', 'show', 'shows', 'promises', 'doubts',
  'fears', 'hopes', 'worries', 'writes', 'found', 'thought', 'plan', 'plans', 'support', 'attack', 'attacks', 'comment',
  'comments', 'demand', 'demands', 'question', 'questions', 'estimate', 'estimates', 'doubt', 'fear', 'hope', 'worry',
  'request', 'requests', 'pledge', 'pledges', 'vow', 'vows', 'promise', 'protest', 'protests', 'reference', 'echo',
  'voice', 'campaign', 'campaigns', 'tweet', 'welcome', 'counter', 'credit', 'label', 'veto', 'wish', 'favor', 'back',
  'stress', 'press', 'object', 'objects', 'reply', 'signal', 'thanks', 'note', 'praise', 'detail', 'details', 'lobby',
  'offer', 'offers', 'issue', 'issues', 'feature', 'features', 'link', 'links', 'ban', 'bans', 'block', 'target',
  'talk', 'talks', 'profile', 'present', 'sign', 'signs', 'rally', 'push', 'view', 'views', 'review', 'debate', 'remarks', 'call',
]);
const POSSESSIVE_OR_DETERMINER = wordSet('the a an this that these those his her their its our my your new latest earlier recent media news police un official');
const VIEW_VERBS = new Set(VIEW_VERB_LEMMAS.flatMap(inflect).filter((w) => !SPEECH_VERBS_BASE.includes(w) && !STANCE_VERBS.has(w)));
for (const v of VIEW_VERBS) WEAK_VERBS.add(v);
const SPEECH_VERBS = new Set([...SPEECH_VERBS_BASE, ...WEAK_VERBS]);
/** SPEECH_VERBS, for the cue every token is tested as. */
const SPEECH_VERB = new WordTest((word) => SPEECH_VERBS.has(word.lower));
/** -ing forms that report what the subject of the sentence says or does: "..., promising to cut taxes". */
const PARTICIPLE_CUES = new Set([...SPEECH_VERBS].filter((w) => w.endsWith('ing') && !NOUN_LIKE_CUES.has(w)));
/** -ing words after a comma that open no act of the speaker: prepositions, nouns. */
const NOT_CONTINUING = wordSet('including according following regarding concerning excluding depending during notwithstanding being having something nothing anything everything morning evening meeting building thing');
/** Verbs written before their speaker after a quotation or a clause: '"...," noted the senator.' */
const SAID_AFTER = new Set([
  'said', 'says', 'added', 'reported', 'told', 'noted', 'wrote', 'writes', 'explained', 'asked', 'continued', 'replied',
  'responded', 'recalled', 'insisted', 'argued', 'declared', 'warned', 'countered', 'quipped', 'tweeted', 'stated',
  'observed', 'remarked', 'acknowledged', 'conceded', 'concluded', 'cautioned', 'explains', 'notes', 'adds', 'asks',
]);
const SPEAK_FORMS = new Set(inflect('speak'));
const INVERTIBLE = new Set(['said', 'says', 'added', 'reported', 'told', 'stated']);
/** Participles that report what the subject of the sentence said: "..., saying the town had fallen". */
const PARTICIPLES = new Set(['saying', 'adding', 'arguing', 'citing', 'claiming', 'noting', 'telling', 'warning', 'insisting', 'explaining', 'asking', 'calling', 'suggesting', 'promising']);
const AUXILIARIES = new Set([
  'did', 'does', 'do', 'has', 'have', 'had', 'also', 'will', 'would', 'was', 'were', 'later', 'earlier', 'previously',
  'further', 'separately', 'then', 'reportedly', 'is', 'are', 'am', 'be', 'been', 'being', 'could', 'should', 'may',
  'might', 'must', 'can', 'cannot', 'shall', 'not', 'never', 'still', 'now', 'again', 'once', 'already', 'even',
  'always', 'often', 'first', 'recently', 'just', 'long', 'together', 'only', 'too', 'instead', 'soon', 'jointly',
]);
/** Words ending in -ly that are nouns or adjectives, not adverbs between a subject and its verb. */
const LY_NOUNS = new Set(['family', 'ally', 'rally', 'supply', 'assembly', 'reply', 'apply', 'comply', 'monopoly', 'anomaly', 'bully', 'daily', 'weekly', 'monthly', 'quarterly', 'only', 'holy', 'fly']);
/** What may stand between a subject and its verb: auxiliaries, negation, adverbs ("has repeatedly said"). */
function isAuxiliary(t: Token): boolean {
  if (t.kind !== 'word' || t.text !== t.lower) return false;
  return AUXILIARIES.has(t.lower) || t.lower.endsWith("n't") || t.lower.endsWith('n’t') || (t.lower.length > 4 && t.lower.endsWith('ly') && !LY_NOUNS.has(t.lower));
}
const BE_FORMS = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being']);
/** Whether the auxiliaries tokens[first, verb) make the verb a passive: "was", "has been", "was not". */
function passiveGroup(tokens: Token[], first: number, verb: number): boolean {
  if (BE_FORMS.has(tokens[verb - 1].lower)) return true;
  for (let k = first; k < verb; k++) if (BE_FORMS.has(tokens[k].lower) && tokens[k + 1].lower !== 'to') return true;
  return false;
}
/** People and bodies written in lower case that hold views: sources when they are the subject. */
const HOLDER_NOUNS = new Set([
  'voters', 'critics', 'lawmakers', 'legislators', 'experts', 'analysts', 'economists', 'scientists', 'researchers',
  'supporters', 'opponents', 'protesters', 'demonstrators', 'leaders', 'members', 'aides', 'advisers', 'advisors',
  'people', 'americans', 'democrats', 'republicans', 'candidate', 'candidates', 'nominee', 'campaign', 'senator',
  'senators', 'administration', 'committee', 'council', 'court', 'judge', 'judges', 'congress', 'party', 'parties',
  'company', 'companies', 'officials', 'official', 'regulators', 'administrators', 'lawyer', 'lawyers', 'attorney',
  'attorneys', 'parents', 'students', 'teachers', 'residents', 'citizens', 'users', 'readers', 'viewers', 'fans',
  'conservatives', 'liberals', 'progressives', 'pollsters', 'strategists', 'donors', 'allies', 'rivals', 'executives',
  'report', 'study', 'poll', 'polls', 'survey', 'surveys', 'statement', 'letter', 'article', 'research', 'analysis',
  'data', 'memo', 'ad', 'ads', 'film', 'book', 'editorial', 'column', 'website', 'document', 'documents', 'filing',
  'bill', 'law', 'ruling', 'order', 'plan', 'proposal', 'platform', 'paper', 'newspaper', 'network', 'panel', 'board',
  'union', 'unions', 'everyone', 'someone', 'woman', 'man', 'women', 'men', 'piece', 'spot', 'video', 'footage',
  'transcript', 'scholars', 'review', 'records', 'slide', 'average', 'averages', 'studies', 'findings', 'figures',
  'democrat', 'republican', 'chairman', 'chairwoman', 'founder', 'host', 'author', 'writer', 'reporter', 'reporters',
  'journalist', 'journalists', 'editor', 'editors', 'columnist', 'historian', 'historians', 'professor', 'doctor',
  'physician', 'physicians', 'nurse', 'mother', 'father', 'wife', 'husband', 'daughter', 'son', 'friend', 'friends',
  'colleagues', 'veterans', 'employees', 'department', 'office', 'commission', 'foundation', 'institute', 'firm',
  'industry', 'movement', 'coalition', 'team', 'staff', 'nations', 'countries', 'governments', 'city', 'prosecutor',
  'plaintiffs', 'justices', 'some', 'several', 'few', 'each', 'one', 'all', 'nobody', 'many', 'most', 'others', 'both', 'percent', 'majority', 'fund', 'bank', 'bureau',
  // People by role or stance, and bodies that speak.
  'surrogates', 'advocates', 'organizers', 'observers', 'commentators', 'pundits', 'insiders', 'operatives', 'delegates',
  'representatives', 'diplomats', 'negotiators', 'investors', 'consumers', 'employers', 'owners', 'managers', 'immigrants',
  'president', 'director', 'secretary', 'congressman', 'congresswoman', 'representative', 'aide', 'adviser',
  'advisor', 'manager', 'strategist', 'pollster', 'analyst', 'expert', 'economist', 'critic', 'supporter', 'opponent',
  'leader', 'officer', 'agent', 'justice', 'person', 'voter', 'worker', 'student', 'teacher', 'parent',
  'neighbor', 'neighbour', 'relatives', 'family', 'families', 'magazine', 'station', 'channel', 'outlet', 'agency',
  'organization', 'group', 'nation', 'country', 'government', 'regime', 'ministry', 'embassy', 'police', 'prosecutors',
  'groups', 'organizations', 'organisations', 'agencies', 'networks', 'outlets', 'newspapers', 'campaigns', 'committees',
  'courts', 'panels', 'boards', 'councils', 'taxpayer', 'taxpayers',
]);
/** Lower-case plurals of people by what they do or believe: "environmentalists", "politicians". */
const HOLDER_SUFFIX = /^[a-z]{4,}(?:ists|ians|ants|ents|ators)$/;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'one', 'another', 'several', 'two', 'three', 'some', 'many', 'other']);
const NP_BLOCKERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'but', 'when', 'while', 'as', 'because', 'after', 'before', 'if', 'than',
  'where', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'and', 'or', 'not', 'also',
  'killed', 'wounded', 'injured', 'died', 'there', 'here', 'so', 'then', 'to', 'by', 'with', 'on', 'into', 'over',
  'said', 'says', 'told', 'reported', 'it', 'what', 'how', 'why', 'both', 'all', 'any', 'such', 'very', 'just',
  'only', 'even', 'still', 'yet', 'now', 'today', 'yesterday', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'earlier', 'later', 'previously', 'would', 'could', 'will', 'can', 'may', 'might', 'should',
]);
const OPEN_QUOTES = new Set(['"', '“', '‘']);
const CLOSE_QUOTES = new Set(['"', '”', '’']);
const PUNCT_STOP = new Set([',', '.', ';', ':', '"', '“', '”', '(', ')', '—', '–', '!', '?', '[', ']']);

export interface SentenceInput extends Range {
  tokens: Token[];
}

export function findAttributions(text: string, sentences: SentenceInput[], entities: Entity[], headline: Range | null = null): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  const mentionIndex = indexMentions(entities);
  let openQuote = false;
  let previousEnd = 0;
  for (const s of sentences) {
    const tokens = s.tokens;
    const firstFound = out.length;
    // A quotation left open runs on into the next sentence of its paragraph, not past a line break.
    if (hasLineBreak(text, previousEnd, s.start)) openQuote = false;
    const quoted = quotedRanges(tokens, openQuote);
    const titleCase = isTitleCase(tokens);
    openQuote = quoted.open;
    previousEnd = s.end;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      // '"...” ― Maria Lopez': a quotation signed with a dash and the speaker's name.
      if ((tok.text === '―' || tok.text === '—') && i + 1 < tokens.length && isCapitalized(tokens[i + 1].text) &&
        CLOSE_QUOTES.has(charBefore(text, tok.start))) {
        const name = capitalisedRun(tokens, i + 1);
        out.push(make(text, tokens, s, i + 1, name, span(text, tokens, i, i), quoteBefore(tokens, i), mentionIndex));
        continue;
      }
      // Every other cue below is a word.
      if (tok.kind !== 'word') continue;
      // "according to X"
      if (tok.lower === 'according' && tokens[i + 1]?.lower === 'to') {
        // "according to initial reports": here a cue word is the noun the phrase ends on.
        const np = nounPhraseAfter(tokens, i + 2, true);
        if (np) {
          const cue = span(text, tokens, i, i + 1);
          const content = contentAround(tokens, s, i, np.last);
          out.push(make(text, tokens, s, np.first, np.last, cue, content, mentionIndex));
        }
        i += 1;
        continue;
      }
      // "In this poll, ...", "... in his eyes", "by one estimate": a source named as the place of a view.
      if (tok.lower === 'in' || tok.lower === 'by') {
        const last = viewPhraseEnd(tokens, i);
        if (last > 0) {
          out.push(make(text, tokens, s, i + 1, last, span(text, tokens, i, i), contentAround(tokens, s, i, last), mentionIndex));
          i = last;
          continue;
        }
      }
      // '"...," Tester said, referring to the bonus': an -ing clause right after a speaker and their verb
      // goes on with what that speaker does, whatever the verb.
      if (i > 1 && tokens[i - 1].text === ',' && tok.kind === 'word' && tok.text === tok.lower && tok.lower.endsWith('ing') && !NOT_CONTINUING.has(tok.lower)) {
        const previous = out.length > firstFound ? out[out.length - 1] : null;
        const before = tokens[i - 2];
        if (previous && before && !previous.stance && !previous.uncued && (previous.cue.end === before.end || previous.source.end === before.end && previous.cue.end <= before.start)) {
          const source = tokenRange(tokens, previous.source);
          if (source) {
            out.push(make(text, tokens, s, source.first, source.last, span(text, tokens, i, i), restOfSentence(tokens, i), mentionIndex));
            continue;
          }
        }
      }
      if (tok.kind !== 'word' || !SPEECH_VERB.has(tok.word)) continue;
      // "three contractors accused of fraud": a participle; the active verb takes its object first.
      if (tok.lower === 'accused' && tokens[i + 1]?.lower === 'of') continue;
      // "wounded in the blast", "a report": a word right after an article is a noun, never a verb.
      if (ARTICLES.has(tokens[i - 1]?.lower ?? '')) continue;
      // "Having said that", "That said,", "Let's say", "needless to say": ways of speaking, no one's words.
      if (FIGURE_OF_SPEECH_BEFORE.has(tokens[i - 1]?.lower ?? '') && FIGURES_OF_SPEECH.test(spanText(tokens, i - 2, i + 1))) continue;
      // "the number of confirmed deaths", "a reported 40 dead": a participle before its noun describes it.
      if (tok.lower.endsWith('ed') && DESCRIBED_AFTER.has(tokens[i - 1]?.lower ?? '') && tokens[i + 1] &&
        (tokens[i + 1].kind === 'number' || tokens[i + 1].kind === 'word' && tokens[i + 1].text === tokens[i + 1].lower && !NOT_DESCRIBED.has(tokens[i + 1].lower))) continue;
      // "the attack claimed the lives of 80 people", "claimed 20 lives": a toll, not a claim.
      if (tok.lower.startsWith('claim') && takesLives(tokens, i)) continue;
      // "an official, who declined to be named": the clause keeps a source anonymous and reports nothing.
      if ((tok.lower === 'declined' || tok.lower === 'refused') && tokens[i + 1]?.lower === 'to' && ANONYMITY_ASKED.test(spanText(tokens, i + 2, i + 4))) continue;
      // Verbs are written in lower case; "States" in "United States" and "Report" in a title are not cues.
      if (tok.text !== tok.lower && i > 0 && !headlineVerb(tokens, i, titleCase, out.length > firstFound)) continue;
      // "the president’s claims", "Trump campaign spokesman": a possessor before, or a person's title after.
      if (NOUN_LIKE_CUES.has(tok.lower) && ((i > 0 && (POSSESSIVE_OR_DETERMINER.has(tokens[i - 1].lower) || /\p{L}['’]s?$/u.test(tokens[i - 1].text))) ||
        tokens[i + 1]?.lower === 'of' || tokens[i + 1]?.text === tokens[i + 1]?.lower && PERSON_NOUN.test(tokens[i + 1]?.lower ?? ''))) continue;
      // An -ing form reports speech only as a participle after a comma ("..., saying ..."), handled below;
      // elsewhere it is a noun or an adjective: "after a similar warning", "rocket shells claiming lives".
      // "footage of Trump saying ...": a speech participle right after a name.
      const afterName = PARTICIPLES.has(tok.lower) && i > 0 && tokens[i - 1].kind === 'word' && isCapitalized(tokens[i - 1].text);
      // "..., saying ...", and '... a “strong leader,” comparing him ...' with the comma inside the quotation.
      // "... by saying ...", "... for telling ...": a speech participle after a preposition is the subject's act.
      const adjunct = PARTICIPLE_CUES.has(tok.lower) && (tokens[i - 1]?.text === ',' || CLOSE_QUOTES.has(tokens[i - 1]?.text ?? '') && tokens[i - 2]?.text === ',') ||
        PARTICIPLES.has(tok.lower) && i > 1 && /^(?:by|for|after|before|while|from|without|when)$/.test(tokens[i - 1].lower);
      if (tok.lower.endsWith('ing') && !adjunct && !progressive(tokens, i) && !afterName) continue;
      // "spoke to reporters", "spoke at a rally" tell of an event; "spoke of", "spoke out about" of what was said.
      if (SPEAK_FORMS.has(tok.lower) && !tokens.slice(i + 1, i + 4).some((t) => /^(?:of|about|out|on|against|for)$/.test(t.lower))) continue;
      const strong = !WEAK_VERBS.has(tok.lower);
      // "..., saying ...": the speaker is the subject of the sentence.
      if (adjunct) {
        // '"...," he said, adding that ...': the speaker just named goes on speaking.
        // The first speaker of the sentence, not one reported inside what they said.
        const previous = out.length > firstFound ? out.slice(firstFound).find((a) => !a.stance) ?? out[firstFound] : null;
        const subject = previous && previous.cue.end <= tok.start && !previous.uncued
          ? { first: tokens.findIndex((t) => t.start === previous.source.start), last: tokens.findIndex((t) => t.end === previous.source.end) }
          : sentenceSubject(tokens, i);
        if (subject && subject.first >= 0 && subject.last >= subject.first) {
          out.push(make(text, tokens, s, subject.first, subject.last, span(text, tokens, i, i), restOfSentence(tokens, i), mentionIndex));
        }
        continue;
      }
      // "X said", "X has said", "X said in a statement"
      let cueFirst = i;
      while (cueFirst > 0 && isAuxiliary(tokens[cueFirst - 1])) cueFirst--;
      // "The governor was quoted as saying that ...": the subject speaks.
      if (tok.lower === 'quoted' && i > cueFirst && tokens[i + 1]?.lower === 'as' && tokens[i + 2]?.lower === 'saying') {
        const speaker = nounPhraseBefore(tokens, skipAside(tokens, cueFirst - 1));
        if (speaker && isSourceLike(tokens, speaker.first, speaker.last)) {
          out.push(make(text, tokens, s, speaker.first, speaker.last, span(text, tokens, cueFirst, i + 2), restOfSentence(tokens, i + 2), mentionIndex));
          i += 2;
          continue;
        }
      }
      // "the plan was announced (by the mayor)": a passive has its source after "by", or none.
      // "was not released", "is also expected": a form of "be" anywhere in the verb group.
      if (i > cueFirst && passiveGroup(tokens, cueFirst, i) && !tok.lower.endsWith('ing')) {
        const agent = tokens[i + 1]?.lower === 'by' ? nounPhraseAfter(tokens, i + 2) : null;
        if (agent && isSourceLike(tokens, agent.first, agent.last)) {
          out.push(make(text, tokens, s, agent.first, agent.last, span(text, tokens, cueFirst, i), { start: s.start, end: tokens[cueFirst].start }, mentionIndex));
        }
        continue;
      }
      // "a penalty imposed by the bureau", "the measure, backed by both parties": a participle with its agent.
      if (tokens[i + 1]?.lower === 'by' && /ed$|^(?:written|spoken|shown|sworn)$/.test(tok.lower)) {
        const agent = nounPhraseAfter(tokens, i + 2);
        if (agent && isSourceLike(tokens, agent.first, agent.last) && !PRONOUNS.has(tokens[agent.first].lower)) {
          out.push(make(text, tokens, s, agent.first, agent.last, span(text, tokens, i, i), null, mentionIndex));
          continue;
        }
      }
      // "he’s promoted", "who’ve called for": the pronoun and its auxiliary written as one word.
      if (cueFirst > 0 && PRONOUN_CONTRACTION.test(tokens[cueFirst - 1].lower)) {
        out.push(make(text, tokens, s, cueFirst - 1, cueFirst - 1, span(text, tokens, cueFirst, i), restOfSentence(tokens, i), mentionIndex));
        continue;
      }
      let beforeEnd = skipAside(tokens, skipTime(tokens, cueFirst - 1));
      // "an architect who said": the relative pronoun is the source, standing for the phrase before it.
      let relative = -1;
      // "cities that support the rules": "that" right before the verb, after a holder, is a relative pronoun too.
      if (WHO_OR_WHICH.has(tokens[beforeEnd]?.lower ?? '') || tokens[beforeEnd]?.lower === 'that' && beforeEnd > 0 && tokens[beforeEnd - 1].kind === 'word' &&
        isHolderWord(tokens[beforeEnd - 1]) && !SPEECH_VERBS.has(tokens[beforeEnd - 1].lower)) {
        relative = beforeEnd;
        beforeEnd = tokens[beforeEnd - 1]?.text === ',' ? beforeEnd - 2 : beforeEnd - 1;
      }
      // "... continued supporting Clinton and said": the subject of the sentence speaks.
      if (tokens[beforeEnd]?.lower === 'and' || tokens[beforeEnd]?.lower === 'but') {
        // "Ms. Kato, a lawyer for the tenants, said ... and urged ...": the speaker already found, whose
        // phrase is bounded better than the opening words.
        const previous = out.length > firstFound ? out.slice(firstFound).find((a) => !a.nested && !a.uncued && a.cue.end <= tokens[beforeEnd].start) : undefined;
        const subject = (previous ? tokenRange(tokens, previous.source) : null) ?? sentenceSubject(tokens, beforeEnd);
        if (subject) {
          out.push(make(text, tokens, s, subject.first, subject.last, span(text, tokens, cueFirst, i), restOfSentence(tokens, i), mentionIndex));
          continue;
        }
      }
      const phrase = nounPhraseBefore(tokens, beforeEnd);
      // "The group which runs the hospital said": the phrase before the verb ends a relative clause,
      // and the speaker is what the clause describes.
      const before = (phrase && relative < 0 && strong && !NOUN_LIKE_CUES.has(tok.lower) && antecedentOfRelative(tokens, phrase.first)) || phrase;
      // "Al-Bab which lies near a military airport said the Observatory": with the comma stripped, the
      // source after the verb wins when the phrase before it cannot be one.
      const invertedSource = INVERTIBLE.has(tok.lower) ? nounPhraseAfter(tokens, i + 1) : null;
      // "... trained by Washington said the Observatory": an agent after "by" is no subject of the verb.
      const agent = phrase !== null && tokens[phrase.first - 1]?.lower === 'by';
      if (phrase && invertedSource && (agent || !isSourceLike(tokens, phrase.first, phrase.last)) && isSourceLike(tokens, invertedSource.first, invertedSource.last) &&
        (invertedSource.last + 1 >= tokens.length || PUNCT_STOP.has(tokens[invertedSource.last + 1].text) || /^(?:which|who|that)$/.test(tokens[invertedSource.last + 1].lower))) {
        out.push(make(text, tokens, s, invertedSource.first, invertedSource.last, span(text, tokens, i, i), { start: s.start, end: tokens[cueFirst - 1].end }, mentionIndex));
        continue;
      }
      // "8 more casualties reported in Idleb": harm and events are reported, they report nothing.
      if (before && NOT_SPEAKERS.has(tokens[before.last].lower)) continue;
      // "the attack, which the Islamic State claimed": a claim of the attack, not of a figure.
      if (before && tok.lower === 'claimed' && tokens[before.first - 1]?.lower === 'which') continue;
      if (before && (strong && !NOUN_LIKE_CUES.has(tok.lower) || holdsView(tokens, before.last, i))) {
        const cue = span(text, tokens, cueFirst, i);
        const content = contentAfterOrBefore(tokens, s, before.first, i);
        if (relative >= 0) {
          const a = make(text, tokens, s, relative, relative, cue, content, mentionIndex);
          a.antecedent = span(text, tokens, before.first, before.last);
          a.entityId = mentionIndex.entityOverlapping(a.antecedent.start, a.antecedent.end)?.id;
          out.push(a);
        } else {
          out.push(make(text, tokens, s, before.first, before.last, cue, content, mentionIndex));
        }
        continue;
      }
      // "A union representing flight attendants endorsed ...": the phrase before the verb is no holder,
      // but the sentence opens with one, and nothing between it and the verb can be a verb of its own.
      // A cue word that is also a noun is a verb here only when a clause or an object follows it: "shows that", "shows Clinton".
      const verbNext = tokens[i + 1] && (tokens[i + 1].lower === 'that' || isCapitalized(tokens[i + 1].text) || DETERMINERS.has(tokens[i + 1].lower));
      const subject = NOUN_LIKE_CUES.has(tok.lower) && !verbNext ? null : openingSubject(tokens, cueFirst, i);
      if (subject) {
        out.push(make(text, tokens, s, subject.first, subject.last, span(text, tokens, cueFirst, i), contentAfterOrBefore(tokens, s, subject.first, i), mentionIndex));
        continue;
      }
      // '"...", said X' and 'said X'
      if (SAID_AFTER.has(tok.lower)) {
        const np = nounPhraseAfter(tokens, i + 1);
        const prev = tokens[i - 1];
        // Inverted order ends the clause: '"...," said the governor.' but not '..., said his men had ...'.
        const afterQuote = prev && (CLOSE_QUOTES.has(prev.text) || prev.text === ',' && CLOSE_QUOTES.has(tokens[i - 2]?.text ?? ''));
        const closes = np && (afterQuote || np.last + 1 >= tokens.length || PUNCT_STOP.has(tokens[np.last + 1].text));
        if (np && closes && prev && (PUNCT_STOP.has(prev.text) || CLOSE_QUOTES.has(prev.text) || prev.text === "'")) {
          const cue = span(text, tokens, i, i);
          const content = quoteBefore(tokens, i) ?? (i > 0 ? { start: s.start, end: tokens[i - 1].start } : null);
          out.push(make(text, tokens, s, np.first, np.last, cue, content, mentionIndex));
        }
      }
    }
    // In a title-case headline the phrase before a verb is hard to bound ("... Hospital in Aleppo Coalition
    // Describes ..."), so only a plain speech verb there may source a figure.
    if (titleCase) for (let k = firstFound; k < out.length; k++) if (isCapitalized(out[k].cue.text) && WEAK_VERBS.has(out[k].cue.text.toLowerCase())) out[k].stance = true;
    markNested(out, firstFound, quoted.ranges, tokens);
    // A speaker's name before a colon: "Pat Caddell: Voters are worried", "PENCE: Well, look".
    // A place before the colon is the topic of what follows, not its speaker: "Afghanistan: dozens feared dead".
    const found = speakerColon(tokens);
    const colon = found && mentionIndex.entityOverlapping(tokens[found.first].start, tokens[found.last].end)?.kind === 'place' ? null : found;
    if (colon && /^(?:said|says|added|asked)$/i.test(tokens[colon.first].text) && colon.last > colon.first) {
      // "Said Ellis: ...": the verb opens the label and the speaker follows it.
      out.push(make(text, tokens, s, colon.first + 1, colon.last, span(text, tokens, colon.first, colon.first), restOfSentence(tokens, colon.last + 1), mentionIndex));
    } else if (colon) {
      out.push(make(text, tokens, s, colon.first, colon.last, span(text, tokens, colon.last + 1, colon.last + 1), restOfSentence(tokens, colon.last + 1), mentionIndex));
    }
    // Headline credits: "Air strikes kill 39 - monitor", "Bombs kill 22: activists".
    // A page title ends with its site's sections: "... Homs NGO - Region - World - Ahram Online".
    const title = headline && s.start === headline.start ? tokens.slice(0, siteSuffixStart(tokens)) : tokens;
    const credit = headlineCredit(title);
    if (credit) {
      const src = span(text, tokens, credit.first, credit.last);
      out.push({
        source: src,
        cue: span(text, tokens, credit.first - 1, credit.first - 1),
        content: { start: s.start, end: tokens[credit.first - 1].start },
        sentence: { start: s.start, end: s.end },
        antecedent: null,
        quoted: false,
        stance: false,
      });
    } else if (headline && s.start === headline.start && title.length >= 4) {
      // Punctuation lost on the way to the corpus: "US-led strikes kill 56 civilians in Syria monitor".
      const last = title[title.length - 1];
      if (last.kind === 'word' && BARE_CREDIT.test(last.text)) {
        const src = span(text, title, title.length - 1, title.length - 1);
        out.push({
          source: src, cue: src, content: { start: s.start, end: title[title.length - 2].end },
          sentence: { start: s.start, end: s.end }, antecedent: null, quoted: false, stance: false, uncued: true,
        });
      }
    }
  }
  resolveContinuations(text, out, entities);
  return out;
}

/** Whether text[from, to) holds a line break: what text.slice(from, to).includes('\n') says, without the slice. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** The last character before `at` that is not white space (a few characters back at most). */
function charBefore(text: string, at: number): string {
  for (let k = at - 1; k >= 0 && at - k <= 8; k--) if (!/\s/.test(text[k])) return text[k];
  return '';
}

/** A headline written in title case: "Senator Says Budget Will Pass". */
function isTitleCase(tokens: Token[]): boolean {
  // Of the words longer than three letters, at least four and four in five capitalised.
  let words = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length <= 3) continue;
    words++;
    if (isCapitalized(t.text)) capitalised++;
  }
  return words >= 4 && capitalised >= 0.8 * words;
}

/** In a title-case headline, the first present-tense verb after a name: "Lindsey Graham Says", "Poll Shows". */
function headlineVerb(tokens: Token[], i: number, titleCase: boolean, foundBefore: boolean): boolean {
  const t = tokens[i];
  return titleCase && !foundBefore && /^\p{Lu}\p{Ll}+s$/u.test(t.text) && tokens[i - 1].kind === 'word' && isCapitalized(tokens[i - 1].text);
}

/** "is demanding", "has been steadily pushing": an -ing form after a form of "be" is the verb of its clause. */
function progressive(tokens: Token[], verb: number): boolean {
  for (let k = verb - 1; k >= 0 && isAuxiliary(tokens[k]); k--) if (BE_FORMS.has(tokens[k].lower)) return true;
  return false;
}

const TIME_WORDS = wordSet('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december week month year weekend morning afternoon evening night day time interview statement recent late early');

/** "Sanders on Tuesday said", "a panel in 2001 found": a time phrase between the subject and its verb. */
function skipTime(tokens: Token[], k: number): number {
  for (let j = k; j >= 0 && k - j < 4; j--) {
    const t = tokens[j];
    if (t.kind === 'word' ? !TIME_WORDS.has(t.lower) && !TIME_DETERMINERS.has(t.lower) : t.kind !== 'number') {
      return j < k && /^(?:on|in|at|last|this|earlier|during)$/.test(tokens[j].lower) ? skipParticiple(tokens, j - 1) : k;
    }
    if (/^(?:last|this)$/.test(t.lower) && j < k) return skipParticiple(tokens, j - 1);
  }
  return k;
}

/** "a poll released last week found": the participle before the time phrase belongs to the subject. */
function skipParticiple(tokens: Token[], k: number): number {
  const t = tokens[k];
  return t && k > 0 && t.kind === 'word' && t.text === t.lower && /ed$/.test(t.lower) && tokens[k - 1].kind === 'word' ? k - 1 : k;
}

/** The last token of a name starting at `first`: capitalised words and initials ("Edwin G. Monroy"). */
function capitalisedRun(tokens: Token[], first: number): number {
  let last = first;
  for (let k = first + 1; k < tokens.length && k - first < 5; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && isCapitalized(t.text)) last = k;
    else if (!(t.text === '.' && t.start === tokens[k - 1].end && tokens[k - 1].text.length === 1)) break;
  }
  return last;
}

/**
 * The stretches of a sentence inside quotation marks, and whether one is still open at its end.
 * Straight quotes toggle; curly ones open and close; two apostrophes in a row are a double quote.
 */
function quotedRanges(tokens: Token[], openAtStart: boolean): { ranges: Range[]; open: boolean } {
  const ranges: Range[] = [];
  let open = openAtStart;
  // A quotation carried in from the sentence before covers this one from its first word.
  let from = (tokens[0]?.start ?? 0) - 1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue; // quotation marks are marks
    let mark: 'open' | 'close' | 'toggle' | null = null;
    if (t.text === '“') mark = 'open';
    else if (t.text === '”') mark = 'close';
    else if (t.text === '"') mark = 'toggle';
    else if (t.text === "'" && tokens[k + 1]?.text === "'" && tokens[k + 1].start === t.end) {
      mark = 'toggle';
      k++;
    }
    if (!mark) continue;
    const opening = mark === 'open' || (mark === 'toggle' && !open);
    if (opening && !open) {
      open = true;
      from = t.start;
    } else if (!opening && open) {
      open = false;
      ranges.push({ start: from, end: tokens[k].end });
    }
  }
  if (open && tokens.length) ranges.push({ start: from, end: tokens[tokens.length - 1].end });
  return { ranges, open };
}

/**
 * Attributions said by someone the article quotes or reports ("I think ...", "Clinton said she
 * thinks ..."): inside a quotation, or inside what another attribution of the sentence reports.
 */
function markNested(found: FoundAttribution[], from: number, quoted: Range[], tokens: Token[]): void {
  for (let k = from; k < found.length; k++) {
    const a = found[k];
    const at = a.source.start;
    if (quoted.some((r) => r.start < at && at < r.end)) {
      a.nested = true;
      continue;
    }
    const before = tokens.findIndex((t) => t.start === at) - 1;
    // "the loopholes he cited", "what she called a rant": a pronoun right after a noun or "what" opens a
    // clause that describes that noun; the article reports the noun, not a statement.
    const prev = tokens[before];
    if (before >= 0 && PRONOUNS.has(a.source.text.toLowerCase()) && prev.kind === 'word' && prev.text === prev.lower && !CLAUSE_OPENERS.has(prev.lower) && !SPEECH_VERBS.has(prev.lower)) {
      a.nested = true;
      continue;
    }
    // "what multiple lawmakers called fraud": naming a thing in someone's words describes the thing.
    if (prev?.lower === 'what' && /^(?:called|calls|call|dubbed|termed|labeled|labelled|described)$/.test(a.cue.text.split(/\s+/).pop()!.toLowerCase())) {
      a.nested = true;
      continue;
    }
    // "reports that Trump called ...": a clause after "that" is what someone else reports.
    if (/^that\s/i.test(a.source.text) || before > 0 && tokens[before].lower === 'that' && tokens[before - 1].kind === 'word') {
      a.nested = true;
      continue;
    }
    // '..., “that loophole,” she said': a speaker after a closing quotation speaks for the article;
    // "When he wrote his book, Mr. Lee said ...": so does one that opens the main clause after a comma.
    if (before >= 0 && (CLOSE_QUOTES.has(tokens[before].text) || tokens[before].text === "'" || tokens[before].text === ',')) continue;
    // "..., according to activists" speaks for the article wherever it stands.
    if (a.cue.text.toLowerCase() === 'according to') continue;
    for (let j = from; j < found.length; j++) {
      const b = found[j];
      // Only speech holds another attribution in what it reports; "Rebels attacked X" holds no one.
      if (j === k || !b.content || b.nested || b.stance) continue;
      if (b.content.start <= at && at < b.content.end && b.cue.end <= at && !clauseBreakBetween(tokens, b.cue.end, at)) {
        a.nested = true;
        break;
      }
    }
  }
}

/**
 * The phrase a relative clause ending at `clauseEnd` describes: "The Observatory which monitors Syria's
 * conflict" (commas stripped) or "The group that runs the hospital", when the clause opens with a verb
 * and the phrase before it can speak. Null when there is no such clause.
 */
function antecedentOfRelative(tokens: Token[], clauseEnd: number): Np | null {
  for (let k = clauseEnd - 1; k >= 1 && clauseEnd - k <= 6; k--) {
    const t = tokens[k];
    if (t.kind !== 'word') return null;
    if (!WHO_OR_WHICH.has(t.lower) && t.lower !== 'that') continue;
    const verb = tokens[k + 1];
    if (k + 1 > clauseEnd || verb.text !== verb.lower || !(AUXILIARIES.has(verb.lower) || IRREGULAR_PAST.has(verb.lower) || /[^s]s$|ed$/.test(verb.lower))) return null;
    const end = tokens[k - 1].text === ',' ? k - 2 : k - 1;
    const head = nounPhraseBefore(tokens, end);
    return head && isSourceLike(tokens, head.first, head.last) ? head : null;
  }
  return null;
}

const ARTICLES = wordSet('the a an');
/** The word before the verb of each of FIGURES_OF_SPEECH, so that the phrase is read only after one. */
const FIGURE_OF_SPEECH_BEFORE = wordSet("having that let's let’s 's ’s to");
const FIGURES_OF_SPEECH = /(?:^|\s)(?:having said that|that said ,|let['’]s say|needless to say|so to speak)(?:\s|$)/i;
/** The lower-case words of tokens[from, to], space-separated (from may be negative). */
function spanText(tokens: Token[], from: number, to: number): string {
  let out = '';
  for (let k = Math.max(0, from); k <= to && k < tokens.length; k++) out += (out ? ' ' : '') + tokens[k].lower;
  return out;
}
const LIVES = wordSet('lives life');
/** Whether the verb at `verb` has lives for its object: "claimed the lives of", "claimed 21 lives". */
function takesLives(tokens: Token[], verb: number): boolean {
  let k = verb + 1;
  if (tokens[k]?.lower === 'the' || tokens[k]?.kind === 'number') k++;
  return LIVES.has(tokens[k]?.lower ?? '');
}
/** Words a participle follows when it describes the noun after it: "the number of confirmed deaths". */
const DESCRIBED_AFTER = wordSet('of the a an its their his her our these those no any with all');
/** Words after such a participle that show it is a verb after all: "the one reported by", "all claimed that". */
const NOT_DESCRIBED = wordSet('that by to in on at as from for and or but with');
/** What a source is said to have declined: "to be named", "to be identified", "to give his name". */
const ANONYMITY_ASKED = /^(?:be (?:named|identified)|give (?:his|her|their|a) names?|provide (?:his|her|their|a) names?)/;

/** Past forms that open a relative clause without ending in -ed: "The families who lost relatives said". */
const IRREGULAR_PAST = wordSet('lost saw fled took gave went came made left ran held kept brought fought won began led spoke wrote told found heard knew sent became');

/** Nouns of harm and of events, which may be reported but never report. */
const NOT_SPEAKERS = wordSet('toll tolls casualties casualty deaths death injuries fatalities bodies killings attacks attack clashes explosions explosion blasts blast strikes airstrikes shelling incidents incident violations');

const CLAUSE_OPENERS = new Set([
  'and', 'but', 'or', 'nor', 'yet', 'so', 'though', 'although', 'because', 'as', 'when', 'whenever', 'while', 'if',
  'unless', 'since', 'after', 'before', 'until', 'once', 'where', 'why', 'how', 'then', 'now', 'also', 'still', 'later',
  'meanwhile', 'instead', 'however', 'thus', 'therefore', 'indeed', 'perhaps', 'maybe', 'whether', 'than', 'even',
  'again', 'today', 'yesterday', 'tonight', 'here', 'there', 'first', 'finally', 'only', 'earlier', 'previously',
  // "the interview in which he said ...": a clause that reports, unlike "what he called".
  'which', 'whom',
]);

/** "X said the rules should change, but Y said ...": a new clause ends what X said. */
function clauseBreakBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = 0; k < tokens.length && tokens[k].start < to; k++) {
    if (tokens[k].start < from) continue;
    if (tokens[k].text === ';' || /^(?:but|although|though|whereas)$/.test(tokens[k].lower)) return true;
    if (tokens[k].text === ',' && /^(?:while|and|yet)$/.test(tokens[k + 1]?.lower ?? '')) return true;
  }
  return false;
}

/** The noun phrase the sentence opens with, before its first verb: the subject of "..., saying ...". */
function sentenceSubject(tokens: Token[], before: number): Np | null {
  let k = 0;
  while (k < before && (tokens[k].kind === 'punct' || /^(?:meanwhile|however|but|and|on|in|at|earlier|later|last|this|yesterday|today)$/.test(tokens[k].lower))) {
    if (tokens[k].kind === 'word' && /^(?:on|in|at|last|this)$/.test(tokens[k].lower)) {
      // skip a leading time phrase up to its comma: "On Monday, the army ..."
      const comma = tokens.findIndex((t, j) => j > k && j < before && t.text === ',');
      if (comma < 0) return null;
      k = comma + 1;
      continue;
    }
    k++;
  }
  let last = k - 1;
  for (let j = k; j < before && j - k < 8; j++) {
    const t = tokens[j];
    if (t.kind !== 'word' || SPEECH_VERBS.has(t.lower) || NP_BLOCKERS.has(t.lower) || /(?:ed|s)$/.test(t.lower) && t.text === t.lower && j > k && !GROUP_SOURCE_NOUNS.has(t.lower) && !DETERMINERS.has(t.lower)) break;
    last = j;
  }
  if (last < k) return null;
  return isSourceLike(tokens, k, last) ? { first: k, last } : null;
}

const LEADING_ADVERBS = wordSet('but and so yet still however meanwhile instead now moreover indeed also');
/** Capitalised words that open an adverbial or a clause rather than a subject. */
const NOT_SUBJECT_START = wordSet('in on at after before when while if as since despite although though for with without during under over by from to then now today yesterday last this that these those it there here what how why whether where because once unless until like unlike among amid about according asked even only just');
const PREPOSITIONS_IN_S = wordSet('as across versus towards afterwards besides plus this his its whereas perhaps always sometimes');
const SUBJECT_DETERMINERS = wordSet('the a an many other some several most no both all few each every his her their its our two three four five six seven eight nine ten dozens hundreds thousands millions');
/** What cannot stand inside a subject before its verb: a finite verb, a modal, a clause of its own. */
const NOT_IN_SUBJECT = new Set([...BE_FORMS, 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'do', 'does', 'did', 'that', 'and', 'but', 'or', 'if', 'when', 'because', 'while', 'as', 'than']);

/**
 * The phrase a sentence opens with, when it is a holder and runs unbroken to the verb at `cueFirst`:
 * "Protesters marching through the streets chanted", "Other major unions, including the teachers,
 * have also endorsed". Only the first words are read for the holder; what follows them may be any
 * modifier that is not itself a clause.
 */
function openingSubject(tokens: Token[], cueFirst: number, verb: number): Np | null {
  const prev = tokens[cueFirst - 1];
  const next = tokens[verb + 1];
  // "the analyses", "voting rights advocates have": a noun, not a verb; "a poll released Friday", "the
  // program, called EB-5,": a participle describing the noun before it.
  if (!prev || DETERMINERS.has(prev.lower) || prev.kind === 'number' || /^(?:who|which|those|these|to|of)$/.test(prev.lower)) return null;
  if (/s$/.test(tokens[verb].lower) && next && AFTER_NOUN.has(next.lower) && !/^(?:and|or|also|later|then|further)$/.test(next.lower)) return null;
  if (/ed$/.test(tokens[verb].lower) && next && cueFirst === verb && prev.text === prev.lower && (REDUCED_RELATIVE_NEXT.has(next.lower) ||
    /^(?:on|in)$/.test(next.lower) && (tokens[verb + 2]?.kind === 'number' || TIME_WORDS.has(tokens[verb + 2]?.lower ?? '')))) return null;
  let k = 0;
  while (k < cueFirst && (LEADING_ADVERBS.has(tokens[k].lower) || tokens[k].text === ',')) k++;
  const length = cueFirst - k;
  if (length < 2 || length > 20) return null;
  const first = tokens[k];
  if (first.kind !== 'word' || NOT_SUBJECT_START.has(first.lower) || /ing$/.test(first.lower) && !isHolderWord(first) || !(SUBJECT_DETERMINERS.has(first.lower) || isCapitalized(first.text) || isHolderWord(first))) return null;
  let holder = -1;
  for (let j = k; j < cueFirst && j - k < 4; j++) {
    const t = tokens[j];
    if (t.kind !== 'word' && !(t.text === '.' && j > k)) break;
    if (t.kind === 'word' && isHolderWord(t) && !NOT_SUBJECT_START.has(t.lower)) holder = j;
    if (t.kind === 'word' && t.text === t.lower && !SUBJECT_DETERMINERS.has(t.lower) && !isHolderWord(t) && holder >= 0) break;
  }
  if (holder < 0) return null;
  let commas = 0;
  for (let j = k; j < cueFirst; j++) {
    const t = tokens[j];
    if (OPEN_QUOTES.has(t.text) || CLOSE_QUOTES.has(t.text) || t.text === ';' || t.text === ':' || t.text === "'") return null;
    if (t.text === ',') commas++;
    if (t.kind !== 'word') continue;
    // "He’s given airtime to ...": a pronoun with its auxiliary opens a clause of its own.
    if (/['’](?:s|ve|d|ll|re)$/.test(t.lower) && PRONOUNS.has(t.lower.slice(0, -2))) return null;
    if (t.text !== t.lower) continue;
    // "The latest poll released Friday shows": a participle with its time or agent describes the noun before it.
    const describing = /ed$/.test(t.lower) && tokens[j - 1]?.kind === 'word' && (REDUCED_RELATIVE_NEXT.has(tokens[j + 1]?.lower ?? '') || tokens[j + 1]?.lower === 'in');
    if (NOT_IN_SUBJECT.has(t.lower) || SPEECH_VERBS.has(t.lower) && !t.lower.endsWith('ing') && !describing) return null;
    // "They taped an hourlong show", "Okafor calls the fare plan": a verb with its object is the verb of the clause.
    if (/(?:ed|[^su]s)$/.test(t.lower) && !PREPOSITIONS_IN_S.has(t.lower) && j > k && DETERMINERS.has(tokens[j + 1]?.lower ?? '')) return null;
    if (/^(?:who|which)$/.test(t.lower) && tokens[j - 1]?.text !== ',') return null;
  }
  let last = cueFirst - 1;
  // "..., compared with": a verb after a lone comma is an aside, not the verb of the opening phrase.
  if (prev.text === ',' && commas < 2) return null;
  while (last > k && (tokens[last].text === ',' || tokens[last].text === '-')) last--;
  return { first: k, last };
}

/** The tokens a span covers, or null when it does not start and end on token boundaries. */
function tokenRange(tokens: Token[], r: Range): Np | null {
  const first = tokens.findIndex((t) => t.start === r.start);
  const last = tokens.findIndex((t) => t.end === r.end);
  return first >= 0 && last >= first ? { first, last } : null;
}

const VIEW_NOUNS_IN = new Set(['poll', 'polls', 'survey', 'surveys', 'view', 'opinion', 'eyes', 'estimation', 'judgment', 'judgement', 'telling', 'account']);
const VIEW_NOUNS_BY = new Set(['estimate', 'estimates', 'count', 'account', 'accounts', 'tally', 'calculation', 'calculations', 'reckoning']);

/**
 * The last token of the phrase after "in" or "by" when it names where a view or a figure comes from
 * ("in this poll", "in his eyes", "by one estimate", "by the group's count"), else -1. Only
 * determiners, possessives, names, numbers and modifiers may stand before the noun, and nothing
 * may follow it but the end of the clause.
 */
function viewPhraseEnd(tokens: Token[], at: number): number {
  const nouns = tokens[at].lower === 'in' ? VIEW_NOUNS_IN : VIEW_NOUNS_BY;
  for (let k = at + 1; k < tokens.length && k <= at + 7; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.text !== '/' && t.text !== '-') return -1;
    if (t.kind !== 'word') continue;
    if (nouns.has(t.lower)) {
      const next = tokens[k + 1];
      return k > at + 1 && (!next || next.kind === 'punct' || /^(?:to|conducted|released|taken|of)$/.test(next.lower)) ? k : -1;
    }
    if (NP_BLOCKERS.has(t.lower) && !DETERMINERS.has(t.lower) && t.lower !== 'all') return -1;
  }
  return -1;
}

function restOfSentence(tokens: Token[], after: number): Range | null {
  let from = after + 1;
  while (from < tokens.length && PUNCT_STOP.has(tokens[from].text)) from++;
  if (from >= tokens.length) return null;
  return { start: tokens[from].start, end: tokens[tokens.length - 1].end };
}

/** Labels of page furniture and corrections, which speak for no one: "Correction:", "The Latest:". */
const LABELS = /^(?:correction|corrections|clarification|update|updated|editor['’]s note|note|the latest|latest|source|sources|photo|video|watch|related|read more|see also|breaking|breaking news|exclusive|analysis|opinion|live|live updates|explainer|factbox|timeline|in pictures|photos)$/;

/** "Pat Caddell: ...", "PENCE: ...": one to three capitalised words, then a colon, then speech. */
function speakerColon(tokens: Token[]): Np | null {
  let k = 0;
  while (k < tokens.length && (tokens[k].text === '"' || tokens[k].text === '“')) k++;
  const first = k;
  while (k < tokens.length && k - first < 3 && tokens[k].kind === 'word' && isCapitalized(tokens[k].text)) k++;
  if (tokens[k]?.text !== ':') {
    // "A lesson from Loretta Lynch: 'Be the voice ...'": a longer phrase ending in a name, then a quotation.
    k = first;
    while (k < tokens.length && k - first < 8 && tokens[k].kind === 'word') k++;
    const quote = tokens[k + 1];
    if (tokens[k]?.text !== ':' || k - first < 2 || !isCapitalized(tokens[k - 1].text) || !quote || !(OPEN_QUOTES.has(quote.text) || quote.text === "'")) return null;
  }
  if (k === first || tokens[k]?.text !== ':' || k + 1 >= tokens.length) return null;
  if (LABELS.test(tokens.slice(first, k).map((t) => t.lower).join(' '))) return null;
  return { first, last: k - 1 };
}

function make(
  text: string, tokens: Token[], s: SentenceInput, first: number, last: number, cue: Span, content: Range | null,
  mentionIndex: MentionIndex,
): FoundAttribution {
  const source = span(text, tokens, first, last);
  const entity = mentionIndex.entityOverlapping(source.start, source.end);
  const quoted = content !== null && isQuote(text, content);
  const verb = cue.text.split(WHITESPACE).pop()!.toLowerCase();
  const stance = STANCE_VERBS.has(verb) || VIEW_VERBS.has(verb);
  return { source, cue, content, sentence: { start: s.start, end: s.end }, antecedent: null, entityId: entity?.id, quoted, stance };
}

function isQuote(text: string, r: Range): boolean {
  const first = text[r.start];
  return first !== undefined && (OPEN_QUOTES.has(first) || CLOSE_QUOTES.has(text[r.end - 1] ?? ''));
}

function span(text: string, tokens: Token[], first: number, last: number): Span {
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { start, end, text: text.slice(start, end) };
}

interface Np {
  first: number;
  last: number;
}

/**
 * Steps left over what stands between a source and its verb: an acronym in brackets ("The Syrian
 * Network for Human Rights (SNHR) said") or a relative clause ("al-Jubouri, who commands the force, said").
 */
function skipAside(tokens: Token[], k: number): number {
  if (tokens[k]?.text === ')') {
    for (let j = k - 1; j >= 0 && k - j < 10; j--) if (tokens[j].text === '(') return j - 1;
  }
  if (tokens[k]?.text === ',') {
    for (let j = k - 1; j > 0 && k - j < 32; j--) {
      // "Dana Schiff, 56, who has served ...,": an age set off by commas stands between the name and the clause.
      if (tokens[j].text === ',' && /^(?:who|which|whose)$/.test(tokens[j + 1]?.lower ?? '')) return tokens[j - 1]?.kind === 'number' && tokens[j - 2]?.text === ',' ? j - 3 : j - 1;
      // "A lawyer for the outlets, Dana Cole, said": the name set off by commas is the source.
      if (tokens[j].text === ',' && k - j <= 5 && tokens[k - 1].kind === 'word' && tokens.slice(j + 1, k).every((t) => isCapitalized(t.text) || t.text === '.')) return k - 1;
      // "Phil Lovas, the campaign chairman, said": an appositive after a name.
      // "Johnnie Wilson, of Springfield, Va., said": a hometown is an aside too, so the name lies before it.
      if (tokens[j].text === ',' && isCapitalized(tokens[j - 1]?.text ?? '') && k - j <= 30 && !/^(?:of|from)$/.test(tokens[j - 2]?.lower ?? '')) return j - 1;
      // A full stop inside a sentence belongs to an abbreviation ("Va.", "Jr."); only a quotation ends the aside.
      if (tokens[j].text === '"' || tokens[j].text === '.' && tokens[j - 1]?.kind !== 'word') break;
    }
  }
  // "a hospital official who declined to be named said": the clause of anonymity, without commas.
  if (ANONYMITY_ENDS.has(tokens[k]?.lower ?? '')) {
    for (let j = k - 1; j > 0 && k - j < 10; j--) {
      if (tokens[j].kind !== 'word') break;
      if (tokens[j].lower === 'who') return j - 1;
    }
  }
  return k;
}

/** Last words of the clause an unnamed source is given: "who declined to be named", "who spoke on condition of anonymity". */
const ANONYMITY_ENDS = wordSet('named identified anonymity publicly');

/** The noun phrase ending at token `last` (walking left), or null. */
function nounPhraseBefore(tokens: Token[], last: number): Np | null {
  if (last < 0) return null;
  const head = tokens[last];
  if (head.kind !== 'word') return null;
  if (PRONOUNS.has(head.lower)) return { first: last, last };
  // "Some believe ...", "but all agreed ...": a quantifier standing alone is the subject.
  if (QUANTIFIERS.has(head.lower) && (last === 0 || tokens[last - 1].kind === 'punct' || /^(?:and|but)$/.test(tokens[last - 1].lower))) return { first: last, last };
  if (DETERMINERS.has(head.lower)) return null;
  if (NP_BLOCKERS.has(head.lower) || head.lower.endsWith('ly') && !LY_NOUNS.has(head.lower) && !isCapitalized(head.text)) return null;
  let first = last;
  for (let k = last - 1; k >= 0 && last - k < 10; k--) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.text === '-' && t.start === tokens[k + 1].start - 1) continue;
      // "Dr. Samir Nasser": the full stop of a title abbreviation.
      if (t.text === '.' && tokens[k - 1] && tokens[k - 1].end === t.start && /^(?:Dr|Mr|Mrs|Ms|Col|Gen|Lt|Maj|Capt|Sgt|Prof|Gov|Sen|Rep|Brig)$/.test(tokens[k - 1].text)) {
        first = k - 1;
        k--;
        continue;
      }
      break;
    }
    if (t.kind === 'number') break;
    // "an air strike that activists said killed 100": "that" before a plural noun is no determiner.
    if (t.lower === 'that' && k + 1 === first && /[^s]s$/.test(tokens[first].lower) && tokens[first].lower !== 'news') break;
    if (DETERMINERS.has(t.lower)) {
      first = k;
      // "activists in the town", "the head of the Observatory": the phrase goes on before "in the".
      const prep = tokens[k - 1];
      if (prep && /^(?:in|of|from|for|at)$/.test(prep.lower) && tokens[k - 2]?.kind === 'word' && !NP_BLOCKERS.has(tokens[k - 2].lower) && !PRONOUNS.has(tokens[k - 2].lower)) {
        first = k - 2;
        k -= 2;
        continue;
      }
      break;
    }
    if (t.lower === 'and') {
      // "residents and activists": only between two source-like nouns.
      const left = tokens[k - 1];
      if (left && (GROUP_SOURCE_NOUNS.has(left.lower) || isCapitalized(left.text)) && (GROUP_SOURCE_NOUNS.has(tokens[first].lower) || isCapitalized(tokens[first].text))) {
        first = k - 1;
        k--;
        continue;
      }
      break;
    }
    if ((t.lower === 'of' || t.lower === 'in' || t.lower === 'for' || t.lower === 'at' || t.lower === 'from') && k - 1 >= 0) {
      // "head of the Observatory", "activists in Syria": a preposition inside a source phrase.
      if (tokens[k - 1].kind === 'word' && !NP_BLOCKERS.has(tokens[k - 1].lower)) {
        first = k - 1;
        k--;
        continue;
      }
      break;
    }
    if (NP_BLOCKERS.has(t.lower) || PRONOUNS.has(t.lower)) break;
    // "including 10 children Lebanese TV reported", commas stripped: a counted noun ends the phrase
    // before the name after it.
    if (t.text === t.lower && tokens[k - 1]?.kind === 'number' && isCapitalized(tokens[first].text)) break;
    first = k;
  }
  // Drop an opening quote or sentence-initial adverb that slipped in.
  while (first < last && /^(?:meanwhile|however|but|and|also)$/.test(tokens[first].lower)) first++;
  return { first, last };
}

/** The noun phrase starting at token `first` (walking right), or null. */
function nounPhraseAfter(tokens: Token[], first: number, cueNouns = false): Np | null {
  const start = tokens[first];
  // "said on Facebook": a preposition opens no noun phrase.
  if (!start || start.kind !== 'word' || PREPOSITIONS.has(start.lower)) return null;
  let last = first - 1;
  for (let k = first; k < tokens.length && k - first < 10; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if ((t.text === '-' || t.text === '.') && tokens[k + 1] && tokens[k + 1].start === t.end && t.start === tokens[k - 1]?.end) continue;
      // "said Dr. Samir Nasser": the full stop of a title.
      if (t.text === '.' && k > first && t.start === tokens[k - 1].end && TITLE_ABBREVIATIONS.has(tokens[k - 1].lower)) continue;
      break;
    }
    if (t.kind === 'number') break;
    if (k > first && (NP_BLOCKERS.has(t.lower) || t.lower === 'on' || t.lower === 'in' && !isCapitalized(tokens[k + 1]?.text ?? ''))) break;
    if (k > first && SPEECH_VERBS.has(t.lower) && !(cueNouns && NOUN_LIKE_CUES.has(t.lower))) break;
    last = k;
  }
  if (last < first) return null;
  while (last > first && (tokens[last].lower === 'of' || tokens[last].lower === 'the' || tokens[last].lower === 'in')) last--;
  return { first, last };
}

const PREPOSITIONS = wordSet('on in at by to from for with during after before via through into onto over under about against');
/** Titles written short before a name, whose full stop ends no phrase. */
const TITLE_ABBREVIATIONS = wordSet('mr mrs ms dr prof col gen lt sgt capt maj adm cmdr gov sen rep rev');
/** A surname after a lower-case particle, which names a person as a capital does: "al-Halabi", "el-Sisi". */
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|an|at|bin|ibn|abu)-\p{Lu}/u;

const REDUCED_RELATIVE_NEXT = wordSet('by last this earlier yesterday during monday tuesday wednesday thursday friday saturday sunday');

function isHolderWord(t: Token): boolean {
  return isCapitalized(t.text) || GROUP_SOURCE_NOUNS.has(t.lower) || HOLDER_NOUNS.has(t.lower) || HOLDER_SUFFIX.test(t.lower);
}

/** Modifiers and auxiliaries after a word that make it a noun: "the campaign would", "tweets came". */
const AFTER_NOUN = new Set([...AUXILIARIES, 'came', 'comes', 'of', 'and', 'or', 'which', 'who']);

/**
 * A weak cue needs a holder right before it: a name, a pronoun or a person or body ("Voters want",
 * "She plans"), not a modifier ("early-morning tweets", "swing states"). A cue word that is also a
 * noun is read as a verb only when what follows cannot follow a noun ("the Clinton campaign would").
 */
function holdsView(tokens: Token[], last: number, verb: number): boolean {
  // "Video of the incident shows": the head of the phrase stands before "of".
  let head = tokens[last];
  for (let k = last - 1; k > 0 && last - k < 6; k--) {
    if (tokens[k].lower === 'of' && tokens[k - 1].kind === 'word') head = tokens[k - 1];
    if (tokens[k].kind !== 'word') break;
  }
  if (head !== tokens[last] && !isHolderWord(head)) head = tokens[last];
  const holder = isHolderWord(head) || PRONOUNS.has(head.lower) || /^(?:you|i)$/.test(head.lower);
  if (!holder) return false;
  // "a poll released last week", "a report issued by the agency": a participle after its noun.
  const next0 = tokens[verb + 1];
  if (/ed$|^(?:found|shown|written|made|put)$/.test(tokens[verb].lower) && next0 && !isCapitalized(tokens[last].text) && !PRONOUNS.has(tokens[last].lower) &&
    (REDUCED_RELATIVE_NEXT.has(next0.lower) || /^(?:on|in)$/.test(next0.lower) && (tokens[verb + 2]?.kind === 'number' || TIME_WORDS.has(tokens[verb + 2]?.lower ?? '')))) return false;
  if (!NOUN_LIKE_CUES.has(tokens[verb].lower)) return true;
  if (/['’]s?$/.test(head.text)) return false;
  if (last === verb - 1 && last > 0 && (DETERMINERS.has(tokens[last - 1].lower) || /['’]s?$/.test(tokens[last - 1].text)) && isCapitalized(tokens[last].text)) return false;
  const next = tokens[verb + 1];
  // "The Times reports." "... the paper reports:" a name before a reporting verb closes the clause; so
  // does a body after a comma or a name: "..., the agency reports.", "... SANA news agency reports."
  const reporting = !WEAK_VERBS.has(tokens[verb].lower) && (isCapitalized(head.text) || GROUP_SOURCE_NOUNS.has(head.lower) && afterCommaOrName(tokens, last));
  if (!next || next.kind === 'punct' && !(reporting && /^[.,:]$/.test(next.text))) return false;
  if (AFTER_NOUN.has(next.lower) && tokens[verb].lower !== 'plans' && tokens[verb].lower !== 'plan') return false;
  return true;
}

/** Whether a comma or a capitalised word stands within the two words before `last`, all lower case after it. */
function afterCommaOrName(tokens: Token[], last: number): boolean {
  for (let k = last - 1; k >= 0 && last - k <= 2; k--) {
    const t = tokens[k];
    if (t.text === ',' || (t.kind === 'word' && isCapitalized(t.text))) return true;
    if (t.kind !== 'word') return false;
  }
  return false;
}

function isSourceLike(tokens: Token[], first: number, last: number): boolean {
  const head = tokens[last];
  return isCapitalized(head.text) || PARTICLE_NAME.test(head.text) || GROUP_SOURCE_NOUNS.has(head.lower) || HOLDER_NOUNS.has(head.lower) || PRONOUNS.has(head.lower) ||
    /^(?:you|i)$/.test(head.lower) || first < last && isCapitalized(tokens[first].text);
}

/** Content of "X said (that) ..." is what follows; of "..., X said" what precedes. */
function contentAfterOrBefore(tokens: Token[], s: SentenceInput, sourceFirst: number, cueLast: number): Range | null {
  const quote = quoteBefore(tokens, sourceFirst);
  if (quote) return quote;
  let from = cueLast + 1;
  while (from < tokens.length && (tokens[from].lower === 'that' || tokens[from].text === ':' || tokens[from].text === ',')) from++;
  // "X said in a Facebook posting", "X told Reuters on Monday": what follows is not what was said.
  // "X said at least 221 were killed" is a figure, not a place.
  const figure = tokens[from]?.lower === 'at' && /^(?:least|most)$/.test(tokens[from + 1]?.lower ?? '');
  const trailing = from >= tokens.length - 1 || !figure && /^(?:in|on|at|to|during|after|via|through|from|late|early|earlier|later|yesterday|today)$/.test(tokens[from].lower) ||
    (tokens[cueLast].lower === 'told' && isCapitalized(tokens[from].text));
  if (!trailing && from < tokens.length - 1) {
    const end = tokens[tokens.length - 1].text === '.' ? tokens[tokens.length - 2].end : tokens[tokens.length - 1].end;
    if (end > tokens[from].start) return { start: tokens[from].start, end };
  }
  if (sourceFirst > 0) {
    let to = sourceFirst - 1;
    while (to > 0 && PUNCT_STOP.has(tokens[to].text)) to--;
    if (tokens[to].end > s.start) return { start: s.start, end: tokens[to].end };
  }
  return null;
}

function contentAround(tokens: Token[], s: SentenceInput, cueFirst: number, npLast: number): Range | null {
  let to = cueFirst - 1;
  while (to >= 0 && PUNCT_STOP.has(tokens[to].text)) to--;
  if (to >= 0 && tokens[to].end > s.start) return { start: s.start, end: tokens[to].end };
  let from = npLast + 1;
  while (from < tokens.length && PUNCT_STOP.has(tokens[from].text)) from++;
  if (from < tokens.length) return { start: tokens[from].start, end: tokens[tokens.length - 1].end };
  return null;
}

/** A quotation that closes right before token `i` ('"...," said X' / '"..." he said'). */
function quoteBefore(tokens: Token[], i: number): Range | null {
  let k = i - 1;
  while (k >= 0 && (tokens[k].text === ',' || tokens[k].text === '.')) k--;
  if (k < 0 || !CLOSE_QUOTES.has(tokens[k].text)) return null;
  const close = k;
  for (let j = close - 1; j >= 0; j--) {
    if (OPEN_QUOTES.has(tokens[j].text) || tokens[j].text === '"') return { start: tokens[j].start, end: tokens[close].end };
  }
  // The quotation opened in an earlier sentence: it runs from the start of this one.
  return { start: tokens[0].start, end: tokens[close].end };
}

const BARE_CREDIT = /^(?:monitor|ngo|activists|observatory|sohr|medics|rescuers)$/i;
const CREDIT_WORDS = /^(?:ngo|ngos|governor|report|reports|un|sources|monitor|activists|sources|source|observatory|ministry|police|officials|official|army|military|report|media|state media|sana|sohr|medics|rescuers|witnesses|residents|opposition|rebels|un|who|pentagon|coalition|governor|group)$/i;

/**
 * Where a page title's run of site sections starts ("- Region - World - Ahram Online": two or more
 * dashes, each before one to three capitalised words, to the end), or the title's length.
 */
function siteSuffixStart(tokens: Token[]): number {
  let start = tokens.length;
  let sections = 0;
  let words = 0;
  for (let k = tokens.length - 1; k > 0; k--) {
    const t = tokens[k];
    if (t.text === '-' || t.text === '|') {
      if (words < 1 || words > 3) break;
      sections++;
      words = 0;
      if (sections >= 2) start = k;
    } else if (t.kind === 'word' && isCapitalized(t.text)) {
      words++;
    } else {
      break;
    }
  }
  return start;
}

function headlineCredit(tokens: Token[]): Np | null {
  const n = tokens.length;
  if (n < 4) return null;
  for (let k = n - 2; k >= Math.max(1, n - 5); k--) {
    const t = tokens[k];
    if (t.text !== '-' && t.text !== '–' && t.text !== '—' && t.text !== ':') continue;
    const words = tokens.slice(k + 1);
    if (words.length > 4 || words.some((w) => w.kind !== 'word')) return null;
    if (!CREDIT_WORDS.test(words[words.length - 1].text)) return null;
    return { first: k + 1, last: n - 1 };
  }
  return null;
}

interface MentionIndex {
  entityOverlapping(start: number, end: number): Entity | undefined;
}

function indexMentions(entities: Entity[]): MentionIndex {
  const list: Array<{ start: number; end: number; entity: Entity }> = [];
  for (const e of entities) for (const m of e.mentions) list.push({ start: m.start, end: m.end, entity: e });
  list.sort((a, b) => a.start - b.start);
  return {
    entityOverlapping(start: number, end: number) {
      // The mention that overlaps the span, preferring the one that ends last (the head of the phrase).
      let found: Entity | undefined;
      for (const m of list) {
        if (m.start >= end) break;
        if (m.end > start) found = m.entity;
      }
      return found;
    },
  };
}

const PERSON_NOUN = /\b(?:officer|official|spokesman|spokeswoman|spokesperson|commander|governor|mayor|minister|doctor|medic|witness|resident|activist|source|chief|director|head|leader|general|colonel|manager|chairman|chairwoman|aide|adviser|advisor|strategist|secretary)$/i;
const DESCRIPTIONS = /^(?:the )?(?:group|organi[sz]ation|monitor|observatory|agency|ministry|army|militants?|rebels|movement|network|channel|broadcaster|outlet|newspaper|government|regime|force|forces|official|spokesman|spokeswoman)$/;

/**
 * "he said", "the group said": the source is a pronoun or a description; find the actor it refers to,
 * the nearest earlier person (he/she) or organisation (it, the group) mentioned or quoted as a source.
 *
 * The attributions come sentence by sentence, so an earlier attribution "before" one (its source ends
 * where this one's starts, or earlier) is any of an earlier sentence or one of its own sentence; the
 * search walks only the attributions of its own sentence and carries the last match of the earlier
 * ones, which keeps a document of thousands of "he said" linear.
 */
function resolveContinuations(text: string, attributions: FoundAttribution[], entities: Entity[]): void {
  const persons = new MentionsByStart();
  const orgs = new MentionsByStart();
  const orgMentions = new Map<string, MentionsByStart>();
  for (const e of entities) {
    if (e.kind !== 'person' && e.kind !== 'organization') continue;
    const own = e.kind === 'organization' ? new MentionsByStart() : undefined;
    if (own) orgMentions.set(e.id, own);
    for (const m of e.mentions) {
      (e.kind === 'person' ? persons : orgs).add(m, e);
      own?.add(m, e);
    }
  }
  const isUnnamedSpeaker = (b: FoundAttribution) => PERSON_NOUN.test(b.source.text);
  const isOrganizationSource = (b: FoundAttribution) => (b.entityId ? orgMentions.has(b.entityId) : false);
  // The last of the earlier sentences' attributions that passes each test; as lastOf would find it.
  let unnamedBefore: FoundAttribution | undefined;
  let orgSourceBefore: FoundAttribution | undefined;
  for (let first = 0; first < attributions.length;) {
    let end = first + 1;
    while (end < attributions.length && attributions[end].sentence.start === attributions[first].sentence.start) end++;
    const sentence = attributions.slice(first, end);
    const lastBefore = (a: FoundAttribution, test: (b: FoundAttribution) => boolean, carried: FoundAttribution | undefined) =>
      lastOf(sentence, (b) => b !== a && b.source.end <= a.source.start && test(b)) ?? carried;
    for (const a of sentence) {
      const lower = a.source.text.toLowerCase();
      let found: MentionOf | undefined;
      if (lower === 'he' || lower === 'she') {
        found = persons.nearestBefore(a.source.start);
        // An unnamed speaker quoted more recently than any named person: "a police officer told Reuters ... he said".
        const unnamed = lastBefore(a, isUnnamedSpeaker, unnamedBefore);
        if (unnamed && (!found || unnamed.source.start > found.span.start)) {
          a.antecedent = unnamed.source;
          if (unnamed.entityId) a.entityId = unnamed.entityId;
          continue;
        }
      } else if (lower === 'it' || DESCRIPTIONS.test(lower)) {
        if (a.entityId) continue;
        // "the group said" refers back to the organisation last named as a source, else the last one named.
        const earlierSource = lastBefore(a, isOrganizationSource, orgSourceBefore);
        found = (earlierSource && orgMentions.get(earlierSource.entityId!)!.nearestBefore(a.source.start)) || orgs.nearestBefore(a.source.start);
      }
      if (found) {
        a.antecedent = { start: found.span.start, end: found.span.end, text: text.slice(found.span.start, found.span.end) };
        a.entityId = found.entity.id;
      }
    }
    unnamedBefore = lastOf(sentence, isUnnamedSpeaker) ?? unnamedBefore;
    orgSourceBefore = lastOf(sentence, isOrganizationSource) ?? orgSourceBefore;
    first = end;
  }
}

/** The last item that passes `test`: [...items].reverse().find(test) without the two copies. */
function lastOf<T>(items: T[], test: (item: T) => boolean): T | undefined {
  for (let k = items.length - 1; k >= 0; k--) if (test(items[k])) return items[k];
  return undefined;
}

interface MentionOf {
  span: Span;
  entity: Entity;
}

/** Mentions in order of where they start, for the nearest one that ends before a given offset. */
class MentionsByStart {
  private readonly items: MentionOf[] = [];
  private sorted = true;

  add(span: Span, entity: Entity): void {
    const last = this.items[this.items.length - 1];
    if (last && last.span.start > span.start) this.sorted = false;
    this.items.push({ span, entity });
  }

  /** The mention that ends at `at` or before and starts last; of two that start together, the one added first. */
  nearestBefore(at: number): MentionOf | undefined {
    const items = this.ordered();
    // The first mention that starts at `at` or later: every mention from there on ends after `at`.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].span.start < at) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) {
      if (items[k].span.end > at) continue;
      let nearest = items[k];
      for (let j = k - 1; j >= 0 && items[j].span.start === nearest.span.start; j--) if (items[j].span.end <= at) nearest = items[j];
      return nearest;
    }
    return undefined;
  }

  private ordered(): MentionOf[] {
    // A stable sort keeps mentions that start together in the order they were added.
    if (!this.sorted) {
      this.items.sort((a, b) => a.span.start - b.span.start);
      this.sorted = true;
    }
    return this.items;
  }
}
