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

/** How many same-named places are kept per name: enough to find the one in the article's country. */
const MAX_SAME_NAME = 4;

export class Gazetteer {
  private readonly byFolded = new Map<string, PlaceInfo[]>();
  private readonly byKey = new Map<string, PlaceInfo[]>();
  private readonly countryByCode = new Map<string, GazetteerCountry>();
  private readonly demonymCountry = new Map<string, GazetteerCountry>();
  private readonly candidateCache = new Map<string, PlaceCandidate[]>();
  private readonly speller = new KeySpeller();

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
    push(this.byFolded, folded, info);
    if (this.speller.spell(folded) >= 3) push(this.byKey, this.speller.text(), info);
  }

  /** The place a name most likely refers to, or null. */
  lookup(name: string): PlaceInfo | null {
    return this.candidates(name)[0]?.info ?? null;
  }

  lookupWithQuality(name: string): PlaceCandidate | null {
    return this.candidates(name)[0] ?? null;
  }

  /** Every place a name may refer to: exact (diacritic-folded) matches first, then spelling variants. */
  candidates(name: string): PlaceCandidate[] {
    const cached = this.candidateCache.get(name);
    if (cached) return cached;
    const found = this.lookUp(name);
    // News repeats its names; the cache is cleared rather than evicted piecemeal when it is full.
    if (this.candidateCache.size >= CANDIDATE_CACHE_SIZE) this.candidateCache.clear();
    this.candidateCache.set(name, found);
    return found;
  }

  private lookUp(name: string): PlaceCandidate[] {
    const folded = foldDiacritics(name);
    const out: PlaceCandidate[] = (this.byFolded.get(folded) ?? []).map((info) => ({ info, exact: true }));
    if (folded.length < 4) return out;
    if (this.speller.spell(folded) >= 3) {
      for (const info of this.byKey.get(this.speller.text()) ?? []) if (!out.some((c) => c.info === info)) out.push({ info, exact: false });
    }
    return out;
  }

  /** The country a demonym names ("Syrian" -> Syria), or null. */
  countryOfDemonym(word: string): GazetteerCountry | null {
    return this.demonymCountry.get(word.toLowerCase()) ?? null;
  }

  isCountryName(name: string): boolean {
    return this.byFolded.get(foldDiacritics(name))?.[0]?.placeType === 'country';
  }
}

function push(map: Map<string, PlaceInfo[]>, key: string, info: PlaceInfo): void {
  const list = map.get(key);
  if (!list) map.set(key, [info]);
  else if (list.length < MAX_SAME_NAME && !list.some((i) => i.gazetteerName === info.gazetteerName && i.countryCode === info.countryCode)) list.push(info);
}
