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

export interface GazetteerData {
  version: number;
  countries: GazetteerCountry[];
  places: GazetteerPlaceRow[];
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

export class Gazetteer {
  /** Exact candidates by folded name, and spelling variants by transliteration key. */
  private readonly byFolded = new Map<string, PlaceCandidate[]>();
  private readonly byKey = new Map<string, PlaceCandidate[]>();
  private readonly keyFilter = new KeyFilter();
  private readonly speller = new KeySpeller();
  private readonly countryByCode = new Map<string, GazetteerCountry>();
  private readonly demonymCountry = new Map<string, GazetteerCountry>();
  private readonly candidateCache = new Map<string, readonly PlaceCandidate[]>();

  constructor(data: GazetteerData) {
    for (const country of data.countries) {
      this.countryByCode.set(country.code, country);
      for (const demonym of country.demonyms) this.demonymCountry.set(demonym.toLowerCase(), country);
    }
    // Countries first, then cities by population, so that the first candidate for a name is the one a
    // reader most likely means ("Jordan" the country, "Damascus" in Syria).
    for (const country of data.countries) {
      const info: PlaceInfo = {
        gazetteerName: country.name,
        countryCode: country.code,
        country: country.name,
        latitude: country.lat,
        longitude: country.lon,
        placeType: 'country',
      };
      for (const name of country.names) this.add(name, info);
    }
    const rows = [...data.places].sort((a, b) => b[4] - a[4]);
    // A region is named after its biggest city: the Homs region, the Aleppo region.
    const regionNames = new Map<string, string>();
    for (const [name, code, , , , admin] of rows) {
      const key = `${code}-${admin}`;
      if (admin && !regionNames.has(key)) regionNames.set(key, name);
    }
    for (const [name, code, lat, lon, population, admin] of rows) {
      const country = this.countryByCode.get(code);
      this.add(name, {
        region: admin ? `${code}-${admin}` : undefined,
        regionName: admin ? regionNames.get(`${code}-${admin}`) : undefined,
        gazetteerName: name,
        countryCode: code,
        country: country ? country.name : code,
        latitude: lat,
        longitude: lon,
        placeType: 'city',
        population,
      });
    }
  }

  private add(name: string, info: PlaceInfo): void {
    const folded = foldDiacritics(name);
    push(this.byFolded, folded, info, true);
    if (this.speller.spell(folded) >= 3) {
      push(this.byKey, this.speller.text(), info, false);
      this.keyFilter.add(this.speller.hash());
    }
  }

  /** The place a name most likely refers to, or null. */
  lookup(name: string): PlaceInfo | null {
    return this.candidates(name)[0]?.info ?? null;
  }

  lookupWithQuality(name: string): PlaceCandidate | null {
    return this.candidates(name)[0] ?? null;
  }

  /** Every place a name may refer to: exact (diacritic-folded) matches first, then spelling variants. */
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
    const exact = this.byFolded.get(folded) ?? NO_CANDIDATES;
    if (folded.length < 4 || this.speller.spell(folded) < 3 || !this.keyFilter.mayHold(this.speller.hash())) return exact;
    const variants = this.byKey.get(this.speller.text());
    if (variants === undefined) return exact;
    const out = [...exact];
    for (const variant of variants) if (!out.some((c) => c.info === variant.info)) out.push(variant);
    return out;
  }

  /** The country a demonym names ("Syrian" -> Syria), or null. */
  countryOfDemonym(word: string): GazetteerCountry | null {
    return this.demonymCountry.get(word.toLowerCase()) ?? null;
  }

  isCountryName(name: string): boolean {
    return this.byFolded.get(foldDiacritics(name))?.[0]?.info.placeType === 'country';
  }
}

function push(map: Map<string, PlaceCandidate[]>, key: string, info: PlaceInfo, exact: boolean): void {
  const list = map.get(key);
  if (!list) map.set(key, [{ info, exact }]);
  else if (list.length < MAX_SAME_NAME && !list.some((c) => c.info.gazetteerName === info.gazetteerName && c.info.countryCode === info.countryCode)) list.push({ info, exact });
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
