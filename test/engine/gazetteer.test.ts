// Place lookup through spelling variants of Arabic place names.
import * as assert from 'assert';
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
  it('knows countries and their demonyms', () => {
    const g = analyzer().gazetteer;
    assert.strictEqual(g.lookup('Jordan')?.placeType, 'country');
    assert.strictEqual(g.countryOfDemonym('Syrian')?.code, 'SY');
  });
});
