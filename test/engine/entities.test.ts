// Actors and places, titles read as roles, and the mentions of one entity merged within a document.
import * as assert from 'assert';
import { Entity } from '../../server/src/engine';
import { analyze } from './support';

function entityNamed(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  assert.ok(e, `no entity "${name}"; got ${JSON.stringify(entities.map((x) => `${x.kind}:${x.name}`))}`);
  return e;
}

describe('entities', () => {
  const text =
    'Rebels shelled Qusair on Monday. President Bashar al-Assad said the army would respond.\n' +
    "Assad's forces later entered the town of Tal Rifaat. Bashar al-Assad spoke again, and Assad left.";

  it('reads a title as a role and merges every form of the name into one person', () => {
    const { entities } = analyze(text);
    const assad = entityNamed(entities, 'Bashar al-Assad');
    assert.strictEqual(assad.kind, 'person');
    assert.deepStrictEqual(assad.roles, ['President']);
    assert.deepStrictEqual(assad.aliases, ['Assad']);
    assert.deepStrictEqual(
      assad.mentions.map((m) => m.text),
      ['Bashar al-Assad', 'Assad', 'Bashar al-Assad', 'Assad'],
    );
    // The possessive is not part of the mention.
    const possessive = assad.mentions[1];
    assert.strictEqual(text.slice(possessive.start, possessive.end + 2), "Assad's");
  });

  it('finds places by their context and by the gazetteer', () => {
    const { entities } = analyze(text);
    assert.strictEqual(entityNamed(entities, 'Tal Rifaat').kind, 'place');
    const qusair = entityNamed(entities, 'Qusair');
    assert.strictEqual(qusair.kind, 'place');
    assert.strictEqual(qusair.place?.countryCode, 'SY');
  });

  it('takes another spelling of a big city as that city, whatever else the article names', () => {
    const { entities } = analyze('Houthi officials said a US air strike on Hodeidah port killed 12 people.');
    assert.strictEqual(entityNamed(entities, 'Hodeidah').place?.countryCode, 'YE');
  });

  it('reads the regions the gazetteer names as places of their country', () => {
    const { entities } = analyze('Khyber Pakhtunkhwa province was worst hit with 31 deaths, followed by Balochistan with 23, the authority said.');
    assert.deepStrictEqual(entities.filter((e) => e.kind === 'place').map((e) => [e.place?.placeType, e.place?.region]), [['region', 'PK-03'], ['region', 'PK-02']]);
  });

  it('reads a word that opens a sentence and is written in lower case elsewhere as no place', () => {
    const { entities } = analyze('Monsoon floods kill 86 across Pakistan\n\nFloods triggered by monsoon rains killed 86 people.');
    assert.deepStrictEqual(entities.filter((e) => e.kind === 'place').map((e) => e.name), ['Pakistan']);
  });

  it('reads one name as one place throughout an article', () => {
    const { entities } = analyze('A reporter in Deir Ezzor said shells hit the city. Rockets fell on Deir Ezzor on Tuesday.');
    assert.deepStrictEqual(entities.filter((e) => e.name === 'Deir Ezzor').map((e) => [e.kind, e.mentions.length, e.place?.regionName]), [['place', 2, 'Deir ez-Zor']]);
  });

  it('merges an organisation and its acronym whichever comes first, dotted or not', () => {
    const named = analyze('The Kurdistan Regional Transport Authority closed the road. KRTA said it would reopen on Monday.').entities;
    assert.deepStrictEqual(entityNamed(named, 'Kurdistan Regional Transport Authority').mentions.map((m) => m.text), [
      'Kurdistan Regional Transport Authority',
      'KRTA',
    ]);
    const dotted = analyze('The K.R.T.A. closed the road on Monday. Officials at the Kurdistan Regional Transport Authority said it would reopen.').entities;
    assert.deepStrictEqual(entityNamed(dotted, 'K.R.T.A.').aliases, ['Kurdistan Regional Transport Authority']);
  });

  it('knows organisations by their names, acronyms and descriptions', () => {
    const { entities } = analyze(
      'The Syrian Observatory for Human Rights counted the dead. SOHR said the toll would rise, ' +
        'and the Britain-based monitor later revised it. Islamic State fighters withdrew; ISIS denied losses.',
    );
    const sohr = entityNamed(entities, 'Syrian Observatory for Human Rights');
    assert.strictEqual(sohr.kind, 'organization');
    assert.deepStrictEqual(sohr.mentions.map((m) => m.text), ['Syrian Observatory for Human Rights', 'SOHR', 'Britain-based monitor']);
    const is = entityNamed(entities, 'Islamic State');
    assert.deepStrictEqual(is.mentions.map((m) => m.text), ['Islamic State', 'ISIS']);
    assert.notStrictEqual(is.key, sohr.key);
    // A generic word of a known name is no alias of it: "League" in "American League" is not the Arab League.
    assert.ok(!analyze('He was a 15-game winner in the American League.').entities.some((e) => e.name === 'Arab League'));
  });

  it('knows the armed groups of other wars, which the tagger reads as people or places', () => {
    const { entities } = analyze('Boko Haram fighters raided the village. Al-Shabaab claimed a bombing in Mogadishu, and al-Shabab later denied it.');
    assert.strictEqual(entityNamed(entities, 'Boko Haram').kind, 'organization');
    const shabaab = entityNamed(entities, 'Al-Shabaab');
    assert.strictEqual(shabaab.kind, 'organization');
    assert.deepStrictEqual(shabaab.mentions.map((m) => m.text), ['Al-Shabaab', 'al-Shabab']);
  });
  it('reads "Syrian army" as an organisation and "Syrian" alone as nothing', () => {
    const { entities } = analyze('Syrian troops advanced. Deserters from the Syrian army fled to Turkey.');
    assert.strictEqual(entityNamed(entities, 'Syrian army').kind, 'organization');
    assert.ok(!entities.some((e) => e.name === 'Syrian'));
    assert.strictEqual(entityNamed(entities, 'Turkey').place?.placeType, 'country');
  });

  it('splits a possessive place from the title and name after it', () => {
    const { entities } = analyze("On Friday, Lebanon's Prime Minister Walid Haddad met the envoy.");
    assert.strictEqual(entityNamed(entities, 'Lebanon').kind, 'place');
    const pm = entityNamed(entities, 'Walid Haddad');
    assert.deepStrictEqual([pm.kind, pm.roles], ['person', ['Prime Minister']]);
  });

  it('reads a possessive whose apostrophe was stripped by the place it names and what it owns', () => {
    const { entities } = analyze('Rebels shelled Idlibs countryside and Syrias northern border.');
    assert.deepStrictEqual(entities.filter((e) => e.kind === 'place').map((e) => e.name), ['Idlib', 'Syria']);
    // A name ending in "s" keeps it: before a mark, "and" or a verb, or when its stem is only a small
    // town abroad ("Adam" in Oman, "Eagle" in Idaho).
    const names = analyze('Coach Tony Adams and Ryan Davies said the Philadelphia Eagles organisation would pay.').entities.map((e) => e.name);
    for (const name of ['Tony Adams', 'Ryan Davies', 'Philadelphia Eagles']) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
  });

  it('does not read sentence-initial words, months or weekdays as names', () => {
    const { entities } = analyze('Defectors attacked a checkpoint in March. Meanwhile, Tuesday was calm in Homs.');
    assert.deepStrictEqual(entities.map((e) => e.name), ['Homs']);
  });
});
