// Place lookup through spelling variants of Arabic place names.
import * as assert from 'assert';
import { Gazetteer, GazetteerData, transliterationKey } from '../../server/src/engine/gazetteer';
import { loadResources } from '../../server/src/node/resources';
import { analyzer } from './support';

describe('gazetteer', () => {
  it('finds Syrian towns under their English spellings, with country and coordinates', () => {
    const g = analyzer().gazetteer;
    for (const name of ['Hama', 'Hasaka', 'Al-Hasakah', 'Hassakeh', 'Deir ez-Zor', 'Idlib', 'Aleppo']) {
      const place = g.lookup(name);
      assert.ok(place, `${name} not found`);
      assert.strictEqual(place.countryCode, 'SY', `${name} found in ${place.countryCode}`);
    }
    const hama = g.lookup('Hama')!;
    assert.ok(Math.abs(hama.latitude - 35.13) < 0.1 && Math.abs(hama.longitude - 36.75) < 0.1);
  });
  it('lists exact matches before spelling variants, and nothing for a name that is no place', () => {
    const g = analyzer().gazetteer;
    assert.deepStrictEqual(g.candidates('Hamah').slice(0, 2).map((c) => [c.info.gazetteerName, c.exact]), [['Ḩamāh', true], ['Hamm', false]]);
    assert.deepStrictEqual(g.candidates('Hama').map((c) => c.exact), [false, false, false, false]);
    assert.deepStrictEqual(g.candidates('World Health Organization'), []);
    assert.strictEqual(g.lookupWithQuality('World Health Organization'), null);
  });
  it('finds every indexed name under another spelling of the same key', () => {
    // A last letter written twice leaves most keys as they were; the key filter must let each through.
    const g = analyzer().gazetteer;
    const data = loadResources().gazetteer;
    let tried = 0;
    for (const name of [...data.countries.flatMap((c) => c.names), ...data.places.map((p) => p[0])]) {
      const variant = name + name[name.length - 1];
      const key = transliterationKey(variant);
      if (key.length < 3 || key !== transliterationKey(name)) continue;
      tried++;
      assert.ok(g.candidates(variant).length > 0, variant);
    }
    assert.ok(tried > 20000, `only ${tried} variants tried`);
  });
  it('knows countries and their demonyms', () => {
    const g = analyzer().gazetteer;
    assert.strictEqual(g.lookup('Jordan')?.placeType, 'country');
    assert.strictEqual(g.countryOfDemonym('Syrian')?.code, 'SY');
  });

  it('knows first-level regions by the names news gives them, in the region of their towns', () => {
    const g = analyzer().gazetteer;
    for (const [name, country, town] of [['Hatay', 'TR', 'Antakya'], ['Borno', 'NG', 'Maiduguri'], ['Helmand', 'AF', 'Lashkar Gah'], ['Rakhine State', 'MM', 'Sittwe']]) {
      const region = g.candidates(name).find((c) => c.info.placeType === 'region')?.info;
      assert.ok(region, `${name} is no region`);
      assert.strictEqual(region.countryCode, country);
      assert.strictEqual(region.region, g.lookup(town)?.region, `${name} and ${town}`);
    }
    // A region's name alone makes no word a place: many are given names or common words.
    assert.ok(['Borno', 'Helmand', 'Hatay'].every((name) => g.lookup(name)?.placeType !== 'region'));
    // The capital keeps its name from the governorate around it, under every spelling: "Kiev" is the
    // city's region, the province around it is "Kiev Oblast".
    assert.strictEqual(g.candidates("Sana'a")[0].info.placeType, 'city');
    assert.strictEqual(g.candidates('Kiev')[0].info.region, g.lookup('Kyiv')?.region);
    assert.notStrictEqual(g.candidates('Kiev Oblast')[0].info.region, g.lookup('Kyiv')?.region);
  });
  it('files a town named with a comma under the name before it too, and knows capitals', () => {
    const g = analyzer().gazetteer;
    const washington = g.candidates('Washington')[0].info;
    assert.deepStrictEqual([washington.gazetteerName, washington.countryCode], ['Washington, D.C.', 'US']);
    assert.strictEqual(g.candidates('Washington D.C.')[0].info, washington);
    assert.ok(g.isCapital(washington) && g.isCapital(g.lookup('Damascus')!));
    assert.ok(!g.isCapital(g.lookup('Aleppo')!) && !g.isCapital(g.lookup('Syria')!));
  });
  it('reads the Turkish dotless i as an i', () => {
    const g = analyzer().gazetteer;
    for (const name of ['Diyarbakir', 'Adiyaman', 'Elazig']) assert.deepStrictEqual([g.lookup(name)?.countryCode, g.lookup(name)?.placeType], ['TR', 'city'], name);
  });

  describe('built from data given in any order', () => {
    // Rows: name, country, latitude, longitude, population, region code.
    const data: GazetteerData = {
      version: 1,
      countries: [{ name: 'Jordan', code: 'JO', lat: 31, lon: 36, names: ['Jordan', 'Hashemite Kingdom of Jordan'], demonyms: ['Jordanian'], capital: ['Amman'] }],
      places: [
        ['Mafraq', 'JO', 32.34, 36.21, 60000, '15'],
        ['Jordan', 'US', 44.67, -93.63, 6000, 'MN'],
        ['Mafraq', 'JO', 32.3, 36.2, 5000, '15'],
        ['Irbid', 'JO', 32.56, 35.85, 300000, '15'],
        ['Mafraq', 'LB', 33.9, 35.5, 2000, ''],
      ],
      // Names, country, region code, latitude, longitude, population.
      regions: [
        [['Mafraq', 'Mafraq Governorate'], 'JO', '15', 32.56, 35.85, 365000],
        [['Irbid'], 'LB', '04', 33.9, 35.5, 2000],
      ],
    };

    it('ranks a name\'s places country first, then by population, however the rows come', () => {
      const g = new Gazetteer(data);
      assert.deepStrictEqual(g.candidates('Jordan').map((c) => [c.info.placeType, c.info.countryCode]), [['country', 'JO'], ['city', 'US']]);
      assert.ok(g.isCountryName('Jordan'));
      assert.ok(!g.isCountryName('Irbid'));
      // The smaller Mafraq in Jordan is the same place to a reader as the bigger one: kept once.
      assert.deepStrictEqual(g.candidates('Mafraq').map((c) => [c.info.countryCode, c.info.population]), [['JO', 60000], ['LB', 2000]]);
    });

    it('names a region after its biggest town and gives one object per place under every name', () => {
      const g = new Gazetteer(data);
      const mafraq = g.lookup('Mafraq')!;
      assert.strictEqual(mafraq.region, 'JO-15');
      assert.strictEqual(mafraq.regionName, 'Irbid');
      assert.strictEqual(g.candidates('Mafraq')[1].info.region, undefined);
      assert.strictEqual(g.lookup('Hashemite Kingdom of Jordan'), g.lookup('Jordan'));
      // A spelling variant finds the same object, and a name's exact match is not repeated as a variant.
      const variants = g.candidates('Mafraaq');
      assert.strictEqual(variants[0].info, mafraq);
      assert.strictEqual(variants[0].exact, false);
      assert.strictEqual(new Set(g.candidates('Mafraq').map((c) => c.info)).size, g.candidates('Mafraq').length);
    });

    it('files a region under the names no town of its country has, after the towns', () => {
      const g = new Gazetteer(data);
      // "Mafraq" is the town's in Jordan; the governorate keeps only its full name there.
      assert.deepStrictEqual(g.candidates('Mafraq').map((c) => c.info.placeType), ['city', 'city']);
      const governorate = g.candidates('Mafraq Governorate');
      assert.deepStrictEqual(governorate.map((c) => [c.info.placeType, c.info.region, c.info.regionName]), [['region', 'JO-15', 'Irbid']]);
      assert.strictEqual(g.lookup('Mafraq Governorate'), null);
      // Another country's region of a town's name comes after the town.
      assert.deepStrictEqual(g.candidates('Irbid').map((c) => [c.info.placeType, c.info.countryCode]), [['city', 'JO'], ['region', 'LB']]);
      assert.strictEqual(g.lookup('Irbid')?.countryCode, 'JO');
      // Data built before regions had names of their own still loads.
      assert.strictEqual(new Gazetteer({ ...data, regions: undefined }).candidates('Mafraq Governorate').length, 0);
    });
  });
});
