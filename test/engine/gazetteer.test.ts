// Place lookup through spelling variants of Arabic place names.
import * as assert from 'assert';
import { transliterationKey } from '../../server/src/engine/gazetteer';
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
});
