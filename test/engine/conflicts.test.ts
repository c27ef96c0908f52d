// Conflicting figures within one article and across a corpus.
import * as assert from 'assert';
import { Analyzer, analyzeCorpus, analyzeCorpusStream, checkCorpusStream, compactClaim, ConflictIndex } from '../../server/src/engine';
import { analyze, analyzer, claimWithCount, offsetOf } from './support';

const SOHR =
  'Car bomb hits Jableh market\nMarch 3, 2016\nA car bomb exploded in Jableh on Thursday, killing at least 26 people, ' +
  'according to the Syrian Observatory for Human Rights.';
const STATE_TV =
  'Terrorist blast in Jableh\nMarch 3, 2016\nState television said 18 people were killed in Jableh on Thursday. ' +
  'Seven children were among the dead, it said.';
const LATER =
  'Jableh toll rises\nMarch 6, 2016\nThe death toll from the Jableh car bomb rose to 41, the Observatory said.';
const ELSEWHERE = 'Shelling in Tartus\nMarch 3, 2016\nShelling killed 4 people in Tartus, activists said.';

/** The claims (by text) that carry a conflict diagnostic, over a corpus of [id, text] pairs. */
function conflictsIn(docs: Array<[string, string]>): string[] {
  return analyzeCorpus(analyzer(), docs.map(([id, text]) => ({ id, text }))).flatMap((r) =>
    r.diagnostics.filter((d) => d.code === 'casualty-conflict').map((d) => r.analysis.claims.find((c) => c.id === d.claimId)!.text),
  );
}

describe('conflicts', () => {
  it('finds a conflict across documents, on each claim, relating the other', () => {
    const results = analyzeCorpus(analyzer(), [
      { id: 'a/sohr.txt', text: SOHR },
      { id: 'b/state-tv.txt', text: STATE_TV },
    ]);
    const [sohr, tv] = results.map((r) => r.diagnostics.filter((d) => d.code === 'casualty-conflict'));
    assert.strictEqual(sohr.length, 1);
    assert.strictEqual(tv.length, 1);
    assert.strictEqual(sohr[0].start, offsetOf(SOHR, 'killing at least 26'));
    assert.deepStrictEqual(sohr[0].related.map((r) => [r.documentId, STATE_TV.slice(r.start, r.end)]), [['b/state-tv.txt', '18 people were killed']]);
    assert.strictEqual(
      sohr[0].message,
      'Killed: at least 26 (the Syrian Observatory for Human Rights) conflicts with 18 (State television) in state-tv.txt',
    );
  });

  it('never sets a subgroup against its total', () => {
    const results = analyzeCorpus(analyzer(), [{ id: 'tv', text: STATE_TV }, { id: 'sohr', text: SOHR }]);
    const flagged = results.flatMap((r) => r.diagnostics.filter((d) => d.code === 'casualty-conflict').map((d) => r.analysis.claims.find((c) => c.id === d.claimId)!.count.text));
    assert.deepStrictEqual(flagged.sort(), ['18', 'at least 26']);
  });

  it('says when the reports are dated apart', () => {
    const results = analyzeCorpus(analyzer(), [{ id: 'tv.txt', text: STATE_TV }, { id: 'later.txt', text: LATER }]);
    const d = results[1].diagnostics.find((x) => x.code === 'casualty-conflict')!;
    assert.strictEqual(
      d.message,
      'Killed: 41 (the Observatory) conflicts with 18 (State television) in tv.txt dated 2016-03-03 (this report: 2016-03-06); ' +
        'the reports are dated apart, so the toll may have risen rather than the sources disagreeing',
    );
  });

  it("sets an undated report's lead against a dated one of the same weekday, and of no other", () => {
    const undated = 'Car bomb in Jableh\nA car bomb exploded in Jableh on Thursday, killing 12 people, police said.';
    assert.deepStrictEqual(conflictsIn([['sohr', SOHR], ['undated', undated]]).sort(), ['killing 12 people', 'killing at least 26 people']);
    assert.deepStrictEqual(conflictsIn([['sohr', SOHR], ['undated', undated.replace('Thursday', 'Friday')]]), []);
  });

  it('never sets an undated whole-war toll against another report: a war toll grows with the war', () => {
    const warToll = (date: string, toll: string) =>
      `Shelling in Homs\n${date}Shelling killed 4 people in Homs, activists said. Residents fled to nearby villages. ` +
      `Aid groups asked for a pause. The war has killed ${toll} people since 2011, the Observatory said.`;
    const dated = [['a', warToll('March 3, 2016\n', 'more than 270,000')], ['b', warToll('March 4, 2016\n', 'about 150,000')]] as Array<[string, string]>;
    assert.deepStrictEqual(conflictsIn(dated), ['killed more than 270,000 people', 'killed about 150,000 people']);
    assert.deepStrictEqual(conflictsIn([dated[0], ['b', warToll('', 'about 150,000')]]), []);
  });

  it('does not compare different places', () => {
    const results = analyzeCorpus(analyzer(), [{ id: 'sohr', text: SOHR }, { id: 'tartus', text: ELSEWHERE }]);
    assert.deepStrictEqual(results.flatMap((r) => r.diagnostics.filter((d) => d.code === 'casualty-conflict')), []);
  });

  it('finds a conflict within one document', () => {
    const text = 'Blast in Jableh\nA car bomb in Jableh killed 12 people, police said. Activists said 30 people were killed in the Jableh blast.';
    const [only] = analyzeCorpus(analyzer(), [{ id: 'one.txt', text }]);
    const conflicts = only.diagnostics.filter((d) => d.code === 'casualty-conflict');
    assert.strictEqual(conflicts.length, 2);
    assert.match(conflicts[0].message, /in this article$/);
  });

  it('does not set reports of incidents on different days against each other', () => {
    const monday = 'Strike kills 45 in Raqqa\nOctober 3, 2017\nAt least 45 people were killed in Raqqa on Monday, local sources said.';
    const tuesday = 'Strike kills 18 in Raqqa\nOctober 3, 2017\nA strike killed 18 people in Raqqa on Tuesday, the Observatory said.';
    assert.deepStrictEqual(conflictsIn([['mon', monday], ['tue', tuesday]]), []);
    // A night and the morning after are one incident reported from either side of midnight.
    const late = tuesday.replace('on Tuesday', 'late Monday');
    assert.ok(conflictsIn([['mon', monday], ['late', late]]).includes('kills 18'));
  });

  it('reads a weekday after a statement as the day on or before which the incident happened', () => {
    const saturday = 'Car bomb kills 85 in Mogadishu\nOctober 15, 2017\nA truck bomb killed 85 people in Mogadishu on Saturday, police said.';
    const statement = 'Somali officials speak of weekend attack\nOctober 15, 2017\nOfficials said on Sunday that 79 people died in the weekend attack in Mogadishu.';
    assert.strictEqual(claimWithCount(analyze(statement), '79').incidentDay, '2017-10-15 or before');
    assert.ok(conflictsIn([['sat', saturday], ['sun', statement]]).includes('79 people died'));
    // Another weekday in the sentence dates the incident; the statement's day then says nothing of it.
    const both = 'Toll put at 79\nOctober 15, 2017\nOfficials said on Sunday that 79 people died in an attack on Friday.';
    assert.strictEqual(claimWithCount(analyze(both), '79').incidentDay, '2017-10-13');
    // A statement's day does not reach an incident days before it.
    const wednesday = saturday.replace('on Saturday', 'on Wednesday');
    assert.ok(!conflictsIn([['wed', wednesday], ['sun', statement]]).includes('79 people died'));
  });

  it('reads the incident day from a possessive before the report day', () => {
    const text = 'Toll rises\nMarch 15, 2015\nThe death toll rose to 41 on Sunday from Thursday\'s car bombing in Salamiyah.';
    assert.strictEqual(analyze(text).claims[0].incidentDay, '2015-03-12');
  });

  it('does not set an earlier incident the article recalls against its own', () => {
    const text = 'Bomb hits bus near Atmeh\nA bomb on a bus near Atmeh killed 15 people and injured 25 others, activists said. ' +
      'The attack came a day after air strikes killed 26 people and injured 11 others in the province.';
    assert.deepStrictEqual(conflictsIn([['one', text]]), []);
  });

  it('keeps figures for two named towns of one article apart', () => {
    const text = 'Raids hit Aleppo province\nAir raids killed 12 people in Aleppo. In al-Bab, raids killed 30 people.';
    assert.deepStrictEqual(conflictsIn([['one', text]]), []);
  });

  it('sets a named group against a toll of anyone only when the group outnumbers it', () => {
    const anyone = '45 killed in Raqqa strike\nOctober 3, 2017\nAs many as 45 people were killed in Raqqa, activists said.';
    const civilians = 'Strike kills 18 civilians in Raqqa\nOctober 3, 2017\nA strike killed 18 civilians in Raqqa, the Observatory said.';
    assert.deepStrictEqual(conflictsIn([['anyone', anyone], ['civilians', civilians]]), []);
    const more = civilians.replace(/18 civilians/g, '60 civilians');
    assert.deepStrictEqual(conflictsIn([['anyone', anyone], ['more', more]]).sort(), ['45 killed', 'As many as 45 people were killed', 'kills 60 civilians']);
  });

  it('reads teachers, like children, as part of a toll', () => {
    const text = 'Six teachers killed in Haas\nOctober 26, 2016\nAir strikes on a school in Haas killed at least 26 civilians on Wednesday, activists said.';
    assert.deepStrictEqual(conflictsIn([['one', text]]), []);
  });

  it('keys a lead to the region its dated sentence names, not to the places it recalls', () => {
    const text = 'Missiles hit airbase\nApril 7, 2017\nUS missiles struck an airbase that was used for a chemical attack on a village ' +
      'in Idlib. The missiles hit the base in Homs province early Friday. A chemical attack on the Idlib village of Khan Sheikhoun ' +
      'killed at least 80 people last week. State media said six people were killed in the attack.';
    const claims = analyze(text).claims;
    assert.deepStrictEqual(claims.map((c) => [c.count.text, c.event]), [
      ['at least 80', 'incident: idlib region, SY'],
      ['six', 'incident: homs region, SY'],
    ]);
  });

  it('keys a toll of two regions named together apart from the toll of either', () => {
    const text = 'Rockets kill 10 in Aleppo and Deir Ezzor\nSeptember 6, 2016\nRockets killed 10 civilians in Aleppo and Deir Ezzor. ' +
      'In Aleppo, shells killed 6 civilians on Tuesday, a reporter said. In Deir Ezzor, shells killed four civilians.';
    assert.deepStrictEqual(conflictsIn([['one', text]]), []);
    assert.deepStrictEqual(analyze(text).claims.map((c) => c.event), [
      'incident: aleppo and deir ez zor regions, SY', 'incident: aleppo region, SY', 'incident: deir ez zor region, SY',
    ]);
  });

  it('places a figure in the place the sentence before it named', () => {
    const text = 'Shelling in Aleppo\nSeptember 6, 2016\nShells killed 6 people in Aleppo on Tuesday, a reporter said. ' +
      'The shells fell on a market. Residents fled. The army blamed rebels. ' +
      'A reporter in Deir Ezzor said rockets hit homes in the city. Rockets killed four civilians.';
    assert.strictEqual(analyze(text).claims.find((c) => c.count.text === 'four')?.event, 'incident: deir ez zor region, SY');
  });

  it('reads no claim in another page\'s headline quoted in the body', () => {
    const text = 'Missile strike on airbase\nApril 7, 2017\nThe governor said five people were killed. Related: Missile Strike Kills Five Injures Seven. ' +
      'The army said it was investigating.';
    assert.deepStrictEqual(analyze(text).claims.map((c) => c.text), ['five people were killed']);
  });

  it('reads a figure the earlier ones are said to be among as their total', () => {
    const text = '10 dead after strikes on hospitals\nApril 27, 2017\nStrikes on two hospitals left 10 people dead on Thursday, a monitor said. ' +
      'They were among 19 people killed across the province on Thursday, the Observatory said.';
    assert.deepStrictEqual(conflictsIn([['one', text]]), []);
    const apart = text.replace('They were among 19 people killed', '19 people were killed');
    assert.deepStrictEqual(conflictsIn([['one', apart]]).sort(), ['10 dead', '19 people were killed']);
  });

  it('reads the injured treated at one place as part of the toll', () => {
    const text = 'Bomb hits bus near Atmeh\nAugust 14, 2016\nA bomb on a bus near Atmeh killed 15 people and injured 25 others. ' +
      'The governor of Hatay said four people injured in the blast are being treated in Turkish hospitals.';
    assert.deepStrictEqual(conflictsIn([['one', text]]), []);
  });

  it('compares a figure of the wounded or missing with neither', () => {
    const monitor = 'Raids kill 29 in Atareb\nNovember 13, 2017\nAir raids killed 29 civilians in Atareb on Monday. ' +
      'The toll could rise because dozens of people had been wounded or were still missing, the monitor said.';
    const coalition = 'Massacre in Atareb\nNovember 13, 2017\nOver 40 civilians were killed and hundreds more were injured in Atareb on Monday.';
    assert.ok(!conflictsIn([['m', monitor], ['c', coalition]]).some((t) => /wounded|injured/.test(t)));
  });

  it('reads a toll "so far" as the running toll of the main incident, not of the war', () => {
    const text = 'Raids hit Aleppo\nSeptember 25, 2016\nAir raids killed 23 people in Aleppo on Sunday, a monitor said. Hospitals were full. ' +
      'Doctors were overwhelmed. Power was out. Rescuers said they had documented the deaths of 43 people so far.';
    assert.deepStrictEqual(conflictsIn([['one', text]]).sort(), ['deaths of 43 people', 'killed 23 people']);
  });

  it('reads another source\'s figure right after the lead as a figure of the main incident', () => {
    const local = 'Strikes kill 85 in Manbij\nJuly 19, 2016\nAir strikes killed 85 civilians near Manbij on Tuesday, activists said. ' +
      'The strikes hit two villages. Families were fleeing. The monitor gave a lower toll of 56 civilians killed in the strikes. ' +
      'Another activist group said dozens of civilians were killed.';
    const agency = 'Airstrike kills over 100 civilians in Manbij\nJuly 19, 2016\nA coalition airstrike on Tuesday killed over 100 civilians near Manbij.';
    assert.ok(conflictsIn([['local', local], ['agency', agency]]).includes('dozens of civilians were killed'));
  });

  it('keys a figure in another country than the article\'s to the region the article names there', () => {
    const text = 'Leaders meet in London\nApril 7, 2017\nLeaders met in London on Friday. The meeting in London discussed the war. ' +
      'Residents of Khan Shaykhun buried their dead. Officials condemned the chemical attack in Syria that killed 72 people.';
    assert.strictEqual(claimWithCount(analyze(text), '72').event, 'incident: idlib region, SY');
    // A nationality says who struck, not where.
    const strike = 'US strike on Homs airbase killed four children\nApril 7, 2017\nThe strike hit an airbase near Homs on Friday. ' +
      'Officials in Washington, Utah and New York commented.';
    assert.strictEqual(claimWithCount(analyze(strike), 'four').event, 'incident: homs region, SY');
  });

  it('keys a figure to the country it is told in before any other the sentence names', () => {
    const text = 'Leaders trade blame over gas attack\nApril 5, 2017\nOfficials in Washington met on Wednesday. Reporters in Washington asked ' +
      'about it. Medics in Khan Shaykhun buried the dead. Aid groups sent help. Talks went on late. The United States and Russia traded claims about an attack in Syria that killed 72 people.';
    assert.strictEqual(claimWithCount(analyze(text), '72').event, 'incident: idlib region, SY');
  });

  it('does not place a figure in the country its victims are named after', () => {
    assert.strictEqual(claimWithCount(analyze('A roadside bomb killed two U.S. soldiers.'), 'two').event, 'incident');
    assert.strictEqual(claimWithCount(analyze('A bomb in Kabul killed two U.S. soldiers.'), 'two').event, 'incident: kabul region, AF');
  });

  it('does not place a figure in a capital that stands for its government', () => {
    const text = 'Rebels seize fighters trained by Washington\nJuly 30, 2015\nThe attack in Aleppo province killed 11 fighters on Friday. ' +
      'A day earlier the group kidnapped eight fighters who had been trained by Washington, the monitor said.';
    assert.strictEqual(claimWithCount(analyze(text), 'eight').event, 'incident: aleppo region, SY');
    // The capital where something happens is still a place: "a car bomb in Damascus killed five".
    assert.strictEqual(claimWithCount(analyze('A car bomb in Damascus killed five people, Moscow said.'), 'five').event, 'incident: damascus region, SY');
  });

  it('keys a figure told of a province by name to the region of its towns', () => {
    const state = 'Insurgents kill 30 in northeast Nigeria\nJune 2, 2025\nMAIDUGURI, Nigeria - Insurgents killed 30 villagers in Borno state ' +
      'on Sunday, a local official said.';
    const town = 'Attack on village near Maiduguri kills 45\nJune 2, 2025\nGunmen killed 45 villagers near Maiduguri on Sunday, the army said.';
    assert.strictEqual(claimWithCount(analyze(state), '30').event, claimWithCount(analyze(town), '45').event);
    assert.deepStrictEqual(conflictsIn([['state', state], ['town', town]]).sort(), ['kill 30', 'kills 45']);
    // A country's name before "state" names the region: Niger state is in Nigeria, not Niger.
    const river = 'Boat capsizes in Nigeria\nSeptember 4, 2024\nAt least 24 people drowned when a boat capsized in Niger state, officials said.';
    assert.strictEqual(claimWithCount(analyze(river), 'At least 24').event, claimWithCount(analyze('Floods in Minna killed 12 people.'), '12').event);
  });

  it('keys the main incident told of a province the gazetteer does not know to the country the headline names', () => {
    const text = 'Nepal earthquake: death toll climbs to 153\n4 November 2023\nAt least 153 people have died after an earthquake hit ' +
      'Karnali province overnight, the home ministry said. More than 160 others were hurt.';
    const claims = analyze(text).claims;
    assert.deepStrictEqual([...new Set(claims.map((c) => c.event))], ['incident: nepal, NP']);
    // An unknown town keeps a key of its own name.
    const town = 'Nepal earthquake kills 12\n4 November 2023\nTwelve people died in Chiuri village, police said.';
    assert.strictEqual(claimWithCount(analyze(town), 'Twelve').event, 'incident: chiuri');
  });

  it('keys a figure of a province the sentence names there, not to the article\'s main town the gazetteer does not know', () => {
    const text = 'Shelling hits villages in Hama province\nApril 2, 2017\nShelling hit Latamneh again. Shells fell on Latamneh on Monday. ' +
      'Doctors in Latamneh asked for help. Aid groups called for a truce. Over the past year clinics were hit again and again. ' +
      'On February 22 a clinic in Idlib governorate was hit by rockets, killing six.';
    assert.strictEqual(claimWithCount(analyze(text), 'six').event, 'incident: idlib region, SY');
  });

  it('keys the main incident to the region in the country the headline names, between regions named alike', () => {
    const text = 'Rights group blames Syria for gas attack\nSeptember 17, 2013\nA gas attack killed more than 1,400 people, a rights group said on Tuesday. ' +
      'The group issued its report in New York. The attack hit a suburb of Damascus.';
    assert.strictEqual(claimWithCount(analyze(text), 'more than 1,400').event, 'incident: damascus region, SY');
  });

  it('keys a sentence that opens in another country, which the article names no region of, to that country', () => {
    const text = 'Storm floods Greek islands\nMarch 2, 2025\nATHENS, Greece - Floods in Thessaloniki killed six people on Sunday, officials said. ' +
      'In neighbouring Turkey, the disaster agency said two people drowned. Rescuers in Thessaloniki searched for a missing fisherman.';
    assert.strictEqual(claimWithCount(analyze(text), 'two').event, 'incident: turkiye, TR');
    assert.strictEqual(claimWithCount(analyze(text), 'six').event, 'incident: thessaloniki region, GR');
  });

  it('tells an earlier event from a figure after "days after"', () => {
    const text = 'Four medics killed in Khan Tuman\nSeptember 21, 2016\nFour medics were killed when a strike hit a clinic in Khan Tuman late Tuesday, ' +
      'just days after dozens of aid workers were killed. The attack came a day after an airstrike on a convoy near Khan Tuman on Monday killed 12 aid workers.';
    const claims = analyze(text).claims;
    assert.deepStrictEqual(claims.slice(0, 2).map((c) => [c.count.text, c.lead, c.incidentDay]), [
      ['Four', true, '2016-09-20 night'], ['dozens', false, null],
    ]);
    assert.deepStrictEqual(conflictsIn([['one', text]]).sort(), ['dozens of aid workers were killed', 'killed 12 aid workers']);
  });

  it('updates incrementally and reports which other documents changed', () => {
    const index = new ConflictIndex();
    index.setDocument('sohr', analyze(SOHR));
    const touched = index.setDocument('tv', analyze(STATE_TV));
    assert.deepStrictEqual([...touched], ['sohr']);
    assert.strictEqual(index.diagnosticsFor('sohr').length, 1);
    const fixed = analyze(STATE_TV.replace('18 people', '30 people'));
    assert.deepStrictEqual([...index.setDocument('tv', fixed)], ['sohr']);
    assert.deepStrictEqual(index.diagnosticsFor('sohr'), []);
    assert.deepStrictEqual([...index.removeDocument('tv')], ['sohr']);
    assert.deepStrictEqual(index.documentIds, ['sohr']);
  });
});

describe('conflicts: the running count', () => {
  it('always equals the pairs a full walk finds, through additions, edits and removals', () => {
    const index = new ConflictIndex();
    const within = 'Blast in Jableh\nA car bomb in Jableh killed 12 people, police said. Activists said 30 people were killed in the Jableh blast.';
    const steps: Array<[string, string | null]> = [
      ['sohr', SOHR],
      ['tv', STATE_TV], // one pair across the two
      ['later', LATER], // dated apart, still a pair with each
      ['within', within], // two claims of one article that conflict with each other
      ['tv', STATE_TV.replace('18 people', '26 people')], // edited to agree with SOHR
      ['tartus', ELSEWHERE],
      ['undated', 'Car bomb in Jableh\nA car bomb exploded in Jableh on Thursday, killing 12 people, police said.'], // meets tv and later
      ['undated too', 'Jableh blast\nA car bomb killed 50 people in Jableh on Thursday, a monitor said.'], // and the undated one
      ['sohr', null],
      ['undated', null],
      ['within', null],
    ];
    for (const [id, text] of steps) {
      if (text === null) index.removeDocument(id);
      else index.setDocument(id, analyze(text));
      assert.strictEqual(index.conflictCount, index.allConflicts().length, `after ${text === null ? 'removing' : 'setting'} ${id}`);
    }
  });

  it('counts something, so the equality above is not between two zeros', () => {
    const index = new ConflictIndex();
    index.setDocument('sohr', analyze(SOHR));
    index.setDocument('tv', analyze(STATE_TV));
    assert.strictEqual(index.conflictCount, 1);
  });
});

describe('conflicts: in a large archive', () => {
  it('names the first few conflicting reports and counts the rest', () => {
    const reports = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}.txt`, text: STATE_TV.replace('18 people', `${100 + i} people`) }));
    const results = analyzeCorpus(analyzer(), [{ id: 'sohr.txt', text: SOHR.replace('at least 26', '12') }, ...reports]);
    const d = results[0].diagnostics.find((x) => x.code === 'casualty-conflict')!;
    assert.strictEqual(d.related.length, 50);
    assert.match(d.message, /in r4\.txt; 55 more reports$/);
  });
});

describe('corpus: two passes in bounded memory', () => {
  it('gives the same results when first-pass analyses are dropped and redone', () => {
    const texts = new Map([['sohr.txt', SOHR], ['tv.txt', STATE_TV], ['later.txt', LATER], ['tartus.txt', ELSEWHERE]]);
    let reads = 0;
    const source = { ids: [...texts.keys(), 'unreadable.bin'], text: (id: string) => (reads++, texts.get(id) ?? null) };
    const strip = (r: { id: string; diagnostics: unknown[]; analysis: { claims: unknown[] } }) => [r.id, r.analysis.claims, r.diagnostics];
    const keptAll = [...analyzeCorpusStream(analyzer(), source, Infinity)].map(strip);
    const readsKeeping = reads;
    reads = 0;
    const keptOne = [...analyzeCorpusStream(analyzer(), source, 1)].map(strip);
    assert.deepStrictEqual(keptOne, keptAll);
    assert.deepStrictEqual(keptAll.map((r) => r[0]), ['sohr.txt', 'tv.txt', 'later.txt', 'tartus.txt']);
    // Keeping one analysis, the other three documents are read (and analysed) a second time.
    assert.strictEqual(readsKeeping, 5);
    assert.strictEqual(reads, 5 + 3);
  });

  it('reports the same diagnostics and counts without analysing any document twice', () => {
    const unsourced = 'Blast in Homs\nMarch 3, 2016\nA blast killed three people in Homs on Thursday.';
    const texts = new Map([['sohr.txt', SOHR], ['tv.txt', STATE_TV], ['homs.txt', unsourced], ['tartus.txt', ELSEWHERE]]);
    const source = { ids: [...texts.keys(), 'unreadable.bin'], text: (id: string) => texts.get(id) ?? null };
    const full = [...analyzeCorpusStream(analyzer(), source, 0)];
    let analysed = 0;
    const counting = { analyze: (text: string) => (analysed++, analyzer().analyze(text)) } as Analyzer;
    const checked = [...checkCorpusStream(counting, source)];
    assert.strictEqual(analysed, 4);
    assert.deepStrictEqual(
      checked.map((r) => [r.id, r.text, r.claims, r.attributedClaims, r.diagnostics]),
      full.map((r) => [r.id, r.text, r.analysis.claims.length, r.analysis.claims.filter((c) => c.attribution).length, r.diagnostics]),
    );
    assert.ok(checked.some((r) => r.diagnostics.some((d) => d.code === 'casualty-conflict')));
    assert.ok(checked.some((r) => r.diagnostics.some((d) => d.code === 'unattributed-claim')));
  });
});

describe('corpus: what the index keeps of a claim', () => {
  const docs: Array<[string, string]> = [['sohr.txt', SOHR], ['tv.txt', STATE_TV], ['later.txt', LATER], ['tartus.txt', ELSEWHERE]];

  it('keeps what conflict checks and their messages read, and not the claim\'s text, sentence or cue', () => {
    const claim = analyze(SOHR).claims[0];
    const kept = compactClaim(claim);
    assert.deepStrictEqual(Object.keys(kept).sort(), [
      'attribution', 'category', 'count', 'cumulative', 'end', 'event', 'id', 'incidentDay', 'lead', 'start', 'statedPlace',
      'statedTown', 'subgroup', 'victimGroup', 'victims',
    ]);
    assert.deepStrictEqual(kept.count, { min: 26, max: null });
    assert.deepStrictEqual(kept.attribution, { source: { text: 'the Syrian Observatory for Human Rights' } });
    assert.strictEqual(kept.event, claim.event);
    const total = analyze('Four people were killed. They were among 19 people killed in the raid, activists said.').claims[1];
    assert.strictEqual(total.totalOfEarlier, true);
    assert.strictEqual(compactClaim(total).totalOfEarlier, true);
  });

  it('finds the same conflicts from compact claims as from the claims themselves', () => {
    const whole = new ConflictIndex();
    const compact = new ConflictIndex();
    for (const [id, text] of docs) {
      const analysis = analyze(text);
      whole.setDocument(id, analysis);
      compact.setDocument(id, { metadata: analysis.metadata, claims: analysis.claims.map(compactClaim) });
    }
    assert.ok(whole.conflictCount > 0);
    assert.strictEqual(compact.conflictCount, whole.conflictCount);
    for (const [id] of docs) assert.deepStrictEqual(compact.diagnosticsFor(id), whole.diagnosticsFor(id), id);
  });
});
