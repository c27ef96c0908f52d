// Place lookup over GeoNames-derived data, tolerant of the many ways Arabic place names are written
// in English news: "Hama" / "Hamah" / "Ḩamāh", "Al-Hasakah" / "Hasaka" / "Hassakeh", "Deir ez-Zor" /
// "Deir al-Zour". The data is handed in by the caller; the engine never reads files.

import { PlaceInfo } from './types';

export interface GazetteerCountry {
  name: string;
  code: string;
  lat: number;
  lon: number;
  names: string[];
  demonyms: string[];
  capital: string[];
}

/** [name, countryCode, latitude, longitude, population] */
export type GazetteerPlaceRow = [string, string, number, number, number];

export interface GazetteerData {
  version: number;
  countries: GazetteerCountry[];
  places: GazetteerPlaceRow[];
}

/** Strips diacritics and Arabic transliteration marks, lower-cases, unifies separators. */
export function foldDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'`ʻʼʿʾ]/g, '')
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();
}

const ARTICLE = /^(?:al|el|ar|as|ad|at|an|ash|az|ath|adh|aş|aţ) /;

/**
 * A skeleton key for transliteration variants: folded, leading Arabic article dropped, vowels
 * unified, doubled letters collapsed and a final "h" after a vowel dropped. Different spellings of the
 * same Arabic name usually share it; different names rarely do.
 */
export function transliterationKey(name: string): string {
  let s = foldDiacritics(name);
  s = s.replace(ARTICLE, '');
  s = s.replace(/\b(?:al|el|ez|es|ed|ash|ar|as|at|az|an|ad) /g, ''); // inner articles: Deir ez-Zor, Jisr ash-Shughur
  s = s.replace(/ /g, '');
  s = s.replace(/ou/g, 'u').replace(/ee/g, 'i').replace(/oo/g, 'u');
  s = s.replace(/[eiouy]/g, (v) => (v === 'e' ? 'a' : v === 'o' ? 'u' : v === 'y' ? 'i' : v));
  s = s.replace(/(.)\1+/g, '$1');
  s = s.replace(/([aiu])h$/, '$1');
  s = s.replace(/^(.+?)[aiu]$/, '$1'); // final vowel is the least stable letter of all
  return s;
}

interface Candidate {
  info: PlaceInfo;
  exact: boolean;
}

export class Gazetteer {
  private readonly byFolded = new Map<string, PlaceInfo>();
  private readonly byKey = new Map<string, PlaceInfo>();
  private readonly countryByCode = new Map<string, GazetteerCountry>();
  private readonly demonymCountry = new Map<string, GazetteerCountry>();

  constructor(data: GazetteerData) {
    for (const country of data.countries) {
      this.countryByCode.set(country.code, country);
      for (const demonym of country.demonyms) this.demonymCountry.set(demonym.toLowerCase(), country);
    }
    // Cities first, most populous first, so that the biggest place wins a shared name; countries last so
    // that they override any city of the same name ("Jordan", "Lebanon").
    const rows = [...data.places].sort((a, b) => b[4] - a[4]);
    for (const [name, code, lat, lon, population] of rows) {
      const country = this.countryByCode.get(code);
      const info: PlaceInfo = {
        gazetteerName: name,
        countryCode: code,
        country: country ? country.name : code,
        latitude: lat,
        longitude: lon,
        placeType: 'city',
        population,
      };
      this.add(name, info, false);
    }
    for (const country of data.countries) {
      const info: PlaceInfo = {
        gazetteerName: country.name,
        countryCode: country.code,
        country: country.name,
        latitude: country.lat,
        longitude: country.lon,
        placeType: 'country',
      };
      for (const name of country.names) this.add(name, info, true);
    }
  }

  private add(name: string, info: PlaceInfo, override: boolean): void {
    const folded = foldDiacritics(name);
    if (override || !this.byFolded.has(folded)) this.byFolded.set(folded, info);
    const key = transliterationKey(name);
    if (key.length >= 3 && (override || !this.byKey.has(key))) this.byKey.set(key, info);
  }

  /** The place a name refers to, or null. Exact (diacritic-folded) matches beat transliteration matches. */
  lookup(name: string): PlaceInfo | null {
    return this.candidate(name)?.info ?? null;
  }

  /** Whether the match is exact after folding, as opposed to a transliteration-variant match. */
  lookupWithQuality(name: string): Candidate | null {
    return this.candidate(name);
  }

  private candidate(name: string): Candidate | null {
    const folded = foldDiacritics(name);
    const exact = this.byFolded.get(folded);
    if (exact) return { info: exact, exact: true };
    const key = transliterationKey(name);
    if (key.length < 4) return null;
    const fuzzy = this.byKey.get(key);
    return fuzzy ? { info: fuzzy, exact: false } : null;
  }

  /** The country a demonym names ("Syrian" -> Syria), or null. */
  countryOfDemonym(word: string): GazetteerCountry | null {
    return this.demonymCountry.get(word.toLowerCase()) ?? null;
  }

  isCountryName(name: string): boolean {
    return this.byFolded.get(foldDiacritics(name))?.placeType === 'country';
  }
}
