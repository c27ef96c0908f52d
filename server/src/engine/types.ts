// Plain data produced by the engine. Everything here is JSON-serialisable; offsets are UTF-16
// code-unit indices into the analysed text (JavaScript string indices), end exclusive.

export interface Range {
  start: number;
  end: number;
}

export interface Span extends Range {
  text: string;
}

export type EntityKind = 'person' | 'organization' | 'place';

export interface PlaceInfo {
  /** Gazetteer name of the place, e.g. "Ḩamāh" for "Hama". */
  gazetteerName: string;
  /** ISO 3166-1 alpha-2 code. */
  countryCode: string;
  /** English common name of the country. */
  country: string;
  /** A region's are its biggest town's. */
  latitude: number;
  longitude: number;
  /** 'country' | 'city' | 'region' | 'landmark' */
  placeType: string;
  /** A region's is the sum of its towns' in the gazetteer's source. */
  population?: number;
  /** First-level administrative region ("SY-11"), for towns the gazetteer places in one and for regions. */
  region?: string;
  /** The region's biggest town, which names it ("Homs" for SY-11). */
  regionName?: string;
}

export interface Entity {
  /** Stable within one analysis: "e1", "e2", ... in order of first mention. */
  id: string;
  kind: EntityKind;
  /** Canonical name: the longest title-free form seen in the document. */
  name: string;
  /** Other surface forms seen for the same entity (titles stripped, possessives removed). */
  aliases: string[];
  /** Titles and descriptions ("President", "Colonel; head of the Free Syrian Army"). */
  roles: string[];
  mentions: Span[];
  /** Gazetteer facts, for places the gazetteer knows. */
  place?: PlaceInfo;
  /** Key that identifies the same actor across documents (lower-case canonical form). */
  key: string;
}

export type NumberKind =
  | 'count'
  | 'ordinal'
  | 'date'
  | 'year'
  | 'time'
  | 'age'
  | 'duration'
  | 'distance'
  | 'money'
  | 'percent'
  | 'other';

export interface NumberMention extends Span {
  min: number;
  max: number | null;
  kind: NumberKind;
}

export type CasualtyCategory = 'killed' | 'injured' | 'missing' | 'arrested';

export interface ClaimAttribution {
  source: Span;
  cue: Span | null;
  /** True when the source comes from a `{>>source: ...<<}` tag the editor added. */
  tagged: boolean;
  /** The entity the source names, when it is one. */
  entityId?: string;
}

export interface CasualtyClaim extends Span {
  id: string;
  category: CasualtyCategory;
  count: NumberMention;
  /** Words naming who was harmed, as written, or "". */
  victims: string;
  /** Normalised victim group used for conflict checks ("people", "civilians", "soldiers", ...). */
  victimGroup: string;
  /** True when the claim counts a subgroup of a larger figure ("seven children among 71 dead"). */
  subgroup: boolean;
  /**
   * True for a total that the figures its article told before it are part of ("They were among 19
   * people killed"): it contradicts none of them that it can hold.
   */
  totalOfEarlier?: true;
  /** True for cumulative tolls ("since March", "since the war began"). */
  cumulative: boolean;
  /** Place of the incident, when stated or inferable from the article. */
  place: string | null;
  /** Time of the incident as written ("on Tuesday"), when stated. */
  time: string | null;
  /** Key grouping claims about the same incident, within and across documents. */
  event: string;
  /** The place named in the claim's own sentence, folded, when it names one. */
  statedPlace: string | null;
  /** The town or city named in the claim's own sentence, folded, when it names one the gazetteer knows. */
  statedTown: string | null;
  /**
   * The day of the incident, when the claim (or, for a lead claim, the lead) names a weekday: ISO
   * yyyy-mm-dd resolved against the article's date, or the weekday itself when the article is undated;
   * " night" after it for a night ("late Tuesday"), which the next day's reports may date to the day
   * after; " or before" after a statement's day ("officials said on Sunday"), which bounds the incident.
   */
  incidentDay: string | null;
  /**
   * The claim is about the article's main incident: it is in the headline or the lead, or its
   * sentence goes back to the incident by a definite description ("the attack", "the death toll").
   */
  lead: boolean;
  attribution: ClaimAttribution | null;
  /** The sentence that holds the claim. */
  sentence: Range;
}

export interface Attribution {
  source: Span;
  cue: Span;
  content: Range | null;
  entityId?: string;
}

/** A `{>>source: X<<}` tag the editor inserted (CriticMarkup comment). */
export interface SourceTag extends Range {
  /** The source name inside the tag, or null when the tag is malformed. */
  source: Span | null;
  error: string | null;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation extends Range {
  /** Document identifier as given to the corpus (a path or a URI). */
  documentId: string;
  message: string;
}

export interface EngineDiagnostic extends Range {
  severity: Severity;
  code: 'casualty-conflict' | 'unattributed-claim' | 'malformed-source-tag';
  message: string;
  related: RelatedLocation[];
  /** The claim the diagnostic is about, when it is about one. */
  claimId?: string;
}

export interface DocumentMetadata {
  headline: Range | null;
  /** Publication or dateline date as ISO yyyy-mm-dd, when the text states one. */
  date: string | null;
  /** Offset where web-page furniture (comment forms, share links) begins, if any. */
  furnitureStart: number | null;
  /** The dateline that opens the body ("BEIRUT, March 12 (Reuters) -"), if any. */
  dateline: Range | null;
}

export interface Sentence extends Range {}

export interface DocumentAnalysis {
  metadata: DocumentMetadata;
  sentences: Sentence[];
  entities: Entity[];
  numbers: NumberMention[];
  claims: CasualtyClaim[];
  attributions: Attribution[];
  tags: SourceTag[];
  /** Document-local diagnostics (unattributed claims, malformed tags). Conflicts come from the corpus. */
  diagnostics: EngineDiagnostic[];
}
