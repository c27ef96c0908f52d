// Place lookup over GeoNames-derived data, tolerant of the many ways Arabic place names are written
// in English news: "Hama" / "Hamah" / "Ḩamāh", "Al-Hasakah" / "Hasaka" / "Hassakeh", "Deir ez-Zor" /
// "Deir al-Zour". The data is handed in by the caller; the engine never reads files.

import { foldDiacritics, KeySpeller } from './transliteration';
import { PlaceInfo } from './types';

export { foldDiacritics, transliterationKey } from './transliteration';

export interface GazetteerCountry {
  name: string;
  code: string;
  lat: number;
  lon: number;
  names: string[];
  demonyms: string[];
  capital: string[];
}

/** [name, countryCode, latitude, longitude, population, first-level administrative region code] */
export type GazetteerPlaceRow = [string, string, number, number, number, string];

/**
 * [names, countryCode, first-level administrative region code, latitude, longitude, population]: a
 * region by the names news gives it ("Hatay", "Hatay Province"), placed where its biggest town is.
 */
export type GazetteerRegionRow = [string[], string, string, number, number, number];

export interface GazetteerData {
  version: number;
  countries: GazetteerCountry[];
  places: GazetteerPlaceRow[];
  /** Absent in data built before regions had names of their own. */
  regions?: GazetteerRegionRow[];
}

export interface PlaceCandidate {
  info: PlaceInfo;
  exact: boolean;
}

const CANDIDATE_CACHE_SIZE = 50000;

/** The answer for a name that is no place, shared: callers only read candidates. */
const NO_CANDIDATES: readonly PlaceCandidate[] = [];

/** How many same-named places are kept per name: enough to find the one in the article's country. */
const MAX_SAME_NAME = 4;

/**
 * The index's entries are numbers: a country's place in `data.countries`, then a place's row in
 * population order after them, then a region's row. A name's entries are one number, or an array when
 * several places share it. Building the index is a large part of a cold start, and the places' PlaceInfo and candidate
 * objects were most of what it allocated: they are made when a lookup first returns the place.
 */
type Entries = number | number[];

export class Gazetteer {
  /** Exact entries by folded name, and spelling variants by transliteration key. */
  private readonly byFolded = new Map<string, Entries>();
  private readonly byKey = new Map<string, Entries>();
  private readonly keyFilter = new KeyFilter();
  private readonly speller = new KeySpeller();
  private readonly countryByCode = new Map<string, GazetteerCountry>();
  private readonly demonymCountry = new Map<string, GazetteerCountry>();
  private readonly candidateCache = new Map<string, readonly PlaceCandidate[]>();
  private readonly countries: GazetteerCountry[];
  private readonly rows: GazetteerPlaceRow[];
  private readonly regionRows: GazetteerRegionRow[];
  /** A region's name (its biggest town) by country code and region code. */
  private readonly regionNames = new Map<string, Map<string, string>>();
  /** Per entry, its PlaceInfo once made: one object per place, so that callers may compare them. */
  private readonly infos: Array<PlaceInfo | undefined>;
  private readonly exactCandidates: Array<PlaceCandidate | undefined>;
  private readonly variantCandidates: Array<PlaceCandidate | undefined>;

  constructor(data: GazetteerData) {
    this.countries = data.countries;
    for (const country of data.countries) {
      this.countryByCode.set(country.code, country);
      for (const demonym of country.demonyms) this.demonymCountry.set(demonym.toLowerCase(), country);
    }
    this.rows = byPopulation(data.places);
    this.regionRows = byPopulation(data.regions ?? [], 5);
    const entries = this.countries.length + this.rows.length + this.regionRows.length;
    this.infos = new Array(entries).fill(undefined);
    this.exactCandidates = new Array(entries).fill(undefined);
    this.variantCandidates = new Array(entries).fill(undefined);
    // Countries first, then cities by population, so that the first candidate for a name is the one a
    // reader most likely means ("Jordan" the country, "Damascus" in Syria).
    this.countries.forEach((country, entry) => {
      for (const name of country.names) this.add(name, entry);
    });
    const first = this.countries.length;
    for (let i = 0; i < this.rows.length; i++) {
      const [name, code, , , , admin] = this.rows[i];
      this.add(name, first + i);
      // "Washington, D.C.": the press writes the name before the comma, or the whole without it.
      const comma = name.indexOf(',');
      if (comma > 0) {
        this.add(name.slice(0, comma), first + i);
        this.add(name.replace(/,/g, ''), first + i);
      }
      // A region is named after its biggest city: the Homs region, the Aleppo region.
      if (!admin) continue;
      let regions = this.regionNames.get(code);
      if (!regions) this.regionNames.set(code, (regions = new Map()));
      if (!regions.has(admin)) regions.set(admin, name);
    }
    // A region's names come last, and a town of the same name in the same country keeps its name:
    // "Sanaa" is the capital, not the governorate around it, and "Aleppo" the city (whose region is the
    // same). A region named after such a town keeps only its names of more than one word: its other
    // one-word names are other spellings of the town's ("Kiev" beside "Kyiv", "Sana'a" beside "Sanaa").
    const firstRegion = first + this.rows.length;
    this.regionRows.forEach(([names, code], i) => {
      const free = names.filter((name) => !this.namedInCountry(name, code));
      const afterTown = free.length < names.length;
      for (const name of free) if (!afterTown || name.includes(' ')) this.add(name, firstRegion + i);
    });
  }

  /** Whether the index already holds a place of that country by that name or a spelling of it. */
  private namedInCountry(name: string, code: string): boolean {
    const inCountry = (entries: Entries | undefined) =>
      entries !== undefined && (typeof entries === 'number' ? [entries] : entries).some((e) => this.countryCodeOf(e) === code);
    const folded = foldDiacritics(name);
    if (inCountry(this.byFolded.get(folded))) return true;
    return this.speller.spell(folded) >= 3 && inCountry(this.byKey.get(this.speller.text()));
  }

  private add(name: string, entry: number): void {
    const folded = foldDiacritics(name);
    this.file(this.byFolded, folded, entry);
    if (this.speller.spell(folded) >= 3) {
      this.file(this.byKey, this.speller.text(), entry);
      this.keyFilter.add(this.speller.hash());
    }
  }

  /** Adds an entry under a key, unless the key has MAX_SAME_NAME already or one of the same place. */
  private file(map: Map<string, Entries>, key: string, entry: number): void {
    const filed = map.get(key);
    if (filed === undefined) map.set(key, entry);
    else if (typeof filed === 'number') {
      if (!this.samePlace(filed, entry)) map.set(key, [filed, entry]);
    } else if (filed.length < MAX_SAME_NAME) {
      for (const other of filed) if (this.samePlace(other, entry)) return;
      filed.push(entry);
    }
  }

  /** The same name in the same country: one place as far as a reader can tell. */
  private samePlace(a: number, b: number): boolean {
    return this.nameOf(a) === this.nameOf(b) && this.countryCodeOf(a) === this.countryCodeOf(b);
  }

  private nameOf(entry: number): string {
    const countries = this.countries.length;
    if (entry < countries) return this.countries[entry].name;
    const row = entry - countries;
    return row < this.rows.length ? this.rows[row][0] : this.regionRows[row - this.rows.length][0][0];
  }

  private countryCodeOf(entry: number): string {
    const countries = this.countries.length;
    if (entry < countries) return this.countries[entry].code;
    const row = entry - countries;
    return row < this.rows.length ? this.rows[row][1] : this.regionRows[row - this.rows.length][1];
  }

  private info(entry: number): PlaceInfo {
    const made = this.infos[entry];
    if (made !== undefined) return made;
    let info: PlaceInfo;
    const countries = this.countries.length;
    if (entry < countries) {
      const country = this.countries[entry];
      info = {
        gazetteerName: country.name,
        countryCode: country.code,
        country: country.name,
        latitude: country.lat,
        longitude: country.lon,
        placeType: 'country',
      };
    } else if (entry - countries >= this.rows.length) {
      const [names, code, admin, lat, lon, population] = this.regionRows[entry - countries - this.rows.length];
      info = {
        region: `${code}-${admin}`,
        // Named as its towns' region is, so that a claim in "Hatay province" and one in Antakya share a key.
        regionName: this.regionNames.get(code)?.get(admin) ?? names[0],
        gazetteerName: names[0],
        countryCode: code,
        country: this.countryByCode.get(code)?.name ?? code,
        latitude: lat,
        longitude: lon,
        placeType: 'region',
        population,
      };
    } else {
      const [name, code, lat, lon, population, admin] = this.rows[entry - countries];
      const country = this.countryByCode.get(code);
      info = {
        region: admin ? `${code}-${admin}` : undefined,
        regionName: admin ? this.regionNames.get(code)?.get(admin) : undefined,
        gazetteerName: name,
        countryCode: code,
        country: country ? country.name : code,
        latitude: lat,
        longitude: lon,
        placeType: 'city',
        population,
      };
    }
    return (this.infos[entry] = info);
  }

  private candidate(entry: number, exact: boolean): PlaceCandidate {
    const made = exact ? this.exactCandidates : this.variantCandidates;
    return (made[entry] ??= { info: this.info(entry), exact });
  }

  /**
   * The country or town a name most likely refers to, or null: what makes a capitalised word a place.
   * A region's name alone does not (many are also given names or common words: "Mary", "Delta"); once
   * the tagger or the context has read a place, `candidates` offers its regions too.
   */
  lookup(name: string): PlaceInfo | null {
    return this.lookupWithQuality(name)?.info ?? null;
  }

  lookupWithQuality(name: string): PlaceCandidate | null {
    const found = this.candidates(name);
    for (let i = 0; i < found.length; i++) if (found[i].info.placeType !== 'region') return found[i];
    return null;
  }

  /**
   * Every place a name may refer to: exact (diacritic-folded) matches first, then spelling variants;
   * among each, countries, then towns by population, then regions.
   */
  candidates(name: string): readonly PlaceCandidate[] {
    const cached = this.candidateCache.get(name);
    if (cached) return cached;
    const found = this.lookUp(name);
    // News repeats its names; the cache is cleared rather than evicted piecemeal when it is full.
    if (this.candidateCache.size >= CANDIDATE_CACHE_SIZE) this.candidateCache.clear();
    this.candidateCache.set(name, found);
    return found;
  }

  private lookUp(name: string): readonly PlaceCandidate[] {
    const folded = foldDiacritics(name);
    const exactEntries = this.byFolded.get(folded);
    const exact = exactEntries === undefined ? NO_CANDIDATES : this.candidatesOf(exactEntries, true);
    if (folded.length < 4 || this.speller.spell(folded) < 3 || !this.keyFilter.mayHold(this.speller.hash())) return exact;
    const variants = this.byKey.get(this.speller.text());
    if (variants === undefined) return exact;
    const out = [...exact];
    for (const entry of typeof variants === 'number' ? [variants] : variants) {
      const info = this.info(entry);
      if (!out.some((c) => c.info === info)) out.push(this.candidate(entry, false));
    }
    return out;
  }

  private candidatesOf(entries: Entries, exact: boolean): PlaceCandidate[] {
    return typeof entries === 'number' ? [this.candidate(entries, exact)] : entries.map((entry) => this.candidate(entry, exact));
  }

  /** Whether a town is its country's capital: "Washington, D.C.", "Damascus". */
  isCapital(place: PlaceInfo): boolean {
    if (place.placeType === 'country') return false;
    const letters = (name: string) => foldDiacritics(name).replace(/[^a-z]/g, '');
    const name = letters(place.gazetteerName);
    return this.countryByCode.get(place.countryCode)?.capital.some((c) => letters(c) === name) ?? false;
  }

  /** The country a demonym names ("Syrian" -> Syria), or null. */
  countryOfDemonym(word: string): GazetteerCountry | null {
    return this.demonymCountry.get(word.toLowerCase()) ?? null;
  }

  isCountryName(name: string): boolean {
    const entries = this.byFolded.get(foldDiacritics(name));
    if (entries === undefined) return false;
    return (typeof entries === 'number' ? entries : entries[0]) < this.countries.length;
  }
}

/**
 * The places (or regions), most populous first (stably). The build writes them in that order, so this
 * is usually a check: sorting 30,000 rows is a noticeable part of a cold start.
 */
function byPopulation<Row extends GazetteerPlaceRow | GazetteerRegionRow>(rows: Row[], column: 4 | 5 = 4): Row[] {
  const people = (row: Row) => row[column] as number;
  for (let i = 1; i < rows.length; i++) {
    if (people(rows[i]) > people(rows[i - 1])) return [...rows].sort((a, b) => people(b) - people(a));
  }
  return rows;
}

const KEY_FILTER_BITS = 1 << 19;

/**
 * A bit per hash of the keys in the index: a clear bit says a key is not there, without its string being
 * made and looked up, and most names looked up are no place. With about 27,000 keys, a key not in the
 * index finds its bit set about once in twenty.
 */
class KeyFilter {
  // Int32, not Uint32: a word with its top bit set would read as a double.
  private readonly bits = new Int32Array(KEY_FILTER_BITS / 32);

  add(hash: number): void {
    const bit = bitOf(hash);
    this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  mayHold(hash: number): boolean {
    const bit = bitOf(hash);
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }
}

function bitOf(hash: number): number {
  return (hash ^ (hash >>> 15)) & (KEY_FILTER_BITS - 1);
}
