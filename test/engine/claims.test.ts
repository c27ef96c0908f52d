// Casualty claims: the figure, the harm, the victims, and the attribution that governs each claim.
import * as assert from 'assert';
import { CasualtyCategory } from '../../server/src/engine';
import { findClaimsInSentence, mayTellHarm, readClaimsInSentence } from '../../server/src/engine/claims';
import { findNumbers } from '../../server/src/engine/numbers';
import { maskSourceTags } from '../../server/src/engine/tags';
import { tokenizeSentences } from '../../server/src/engine/text';
import { analyze, claimWithCount, corpusArticles, offsetOf } from './support';

interface Expected {
  count: string;
  category: CasualtyCategory;
  min: number;
  max: number | null;
  victims?: string;
  source?: string | null;
  subgroup?: boolean;
  cumulative?: boolean;
}

/** Checks the one claim counting `e.count` in `text`, including its offsets. */
function check(text: string, e: Expected): void {
  const claim = claimWithCount(analyze(text), e.count);
  assert.strictEqual(claim.count.start, offsetOf(text, e.count));
  assert.strictEqual(text.slice(claim.start, claim.end), claim.text);
  assert.deepStrictEqual(
    { category: claim.category, min: claim.count.min, max: claim.count.max },
    { category: e.category, min: e.min, max: e.max },
  );
  if (e.victims !== undefined) assert.strictEqual(claim.victims, e.victims);
  if (e.source !== undefined) assert.strictEqual(claim.attribution?.source.text ?? null, e.source);
  if (e.subgroup !== undefined) assert.strictEqual(claim.subgroup, e.subgroup);
  if (e.cumulative !== undefined) assert.strictEqual(claim.cumulative, e.cumulative);
}

function noClaims(text: string): void {
  assert.deepStrictEqual(analyze(text).claims.map((c) => c.text), []);
}

describe('claims: the figure and the harm', () => {
  it('reads an active verb before the figure', () =>
    check('Gunmen stormed a checkpoint near Idlib, killing at least nine soldiers and police officers, activists said.', {
      count: 'at least nine', category: 'killed', min: 9, max: null, victims: 'soldiers and police officers', source: 'activists',
    }));
  it('reads a passive verb after the figure', () =>
    check('At least 32 people were killed in Deraa on Friday.', { count: 'At least 32', category: 'killed', min: 32, max: null, victims: 'people' }));
  it('reads headline style', () => {
    check('22 dead in raids on Raqqa', { count: '22', category: 'killed', min: 22, max: 22 });
    check('Car bomb kills 14 in Homs', { count: '14', category: 'killed', min: 14, max: 14 });
  });
  it('reads two figures of two harms in one sentence', () => {
    const text = 'The blast killed 8 people and wounded 20 others in Hama.';
    check(text, { count: '8', category: 'killed', min: 8, max: 8 });
    check(text, { count: '20', category: 'injured', min: 20, max: 20 });
  });
  it('reads missing and arrested', () => {
    check('Four fishermen are still missing after the storm.', { count: 'Four', category: 'missing', min: 4, max: 4 });
    check('Police detained dozens of students in Aleppo.', { count: 'dozens', category: 'arrested', min: 24, max: 99 });
  });
  it('reads tolls', () => {
    check('The death toll rose to 44 on Sunday.', { count: '44', category: 'killed', min: 44, max: 44 });
    check('Medics put the number of dead at 18.', { count: '18', category: 'killed', min: 18, max: 18 });
    check('By nightfall the number of injured had risen to 240.', { count: '240', category: 'injured', min: 240, max: 240 });
    check('The number of people detained climbed to 75, lawyers said.', { count: '75', category: 'arrested', min: 75, max: 75, source: 'lawyers' });
  });
  it('reads a toll whose subject tells the incident at length, and a figure inside that subject as no toll', () => {
    check('The death toll from the landslide that buried two hillside villages on Sunday rose to 61, officials said.', {
      count: '61', category: 'killed', min: 61, max: 61, source: 'officials',
    });
    const text = 'The toll from the 3 bombings in the port rose to 48.';
    check(text, { count: '48', category: 'killed', min: 48, max: 48 });
    assert.deepStrictEqual(analyze(text).claims.map((c) => c.count.text), ['48']);
    // A magnitude is no count of people.
    assert.deepStrictEqual(analyze("The toll from Friday's 6.4-magnitude tremor stands at 212.").claims.map((c) => c.count.text), ['212']);
    // A clause before the verb ends the subject: the toll is not the number of the displaced.
    assert.deepStrictEqual(analyze('The toll was unclear but the number of displaced families rose to 900.').claims, []);
  });
  it('reads a toll with its source between commas', () =>
    check('The toll, according to the ministry, stands at 52.', { count: '52', category: 'killed', min: 52, max: 52, source: 'the ministry' }));
  it('reads headline tolls and tolls that pass a figure as more than it', () => {
    check('Cyclone death toll climbs to 140', { count: '140', category: 'killed', min: 140, max: 140 });
    check('Flood death toll climbs past 300', { count: 'past 300', category: 'killed', min: 301, max: null });
    check('Mine collapse death toll tops 90', { count: '90', category: 'killed', min: 91, max: null });
    check('By Thursday the death toll had surpassed 2,000.', { count: '2,000', category: 'killed', min: 2001, max: null });
  });
  it('leaves a capitalised "Death" run into a sentence out of the span, and keeps the claim', () => {
    const text = 'The market was closed. Idlib Death toll from the rocket fire on the market rose to 7.';
    const claim = claimWithCount(analyze(text), '7');
    assert.strictEqual(claim.text, 'toll from the rocket fire on the market rose to 7');
  });
  it('reads "up to N" killed as at least one, since the claim says some died', () => {
    check('Residents said up to 40 people may have been killed in the raid.', { count: 'up to 40', category: 'killed', min: 1, max: 40 });
    check('As many as 12 fishermen are missing.', { count: 'As many as 12', category: 'missing', min: 1, max: 12 });
  });
  it('reads victims named with a nationality before an unlisted noun', () =>
    check('Three Danish hikers were killed by the avalanche.', { count: 'Three', category: 'killed', min: 3, max: 3, victims: 'Danish hikers' }));
  it('reads victims named as someone\'s own people, as a group of their own', () => {
    const text = 'A rebel commander and at least 12 of his comrades were killed in the ambush.';
    check(text, { count: 'at least 12', category: 'killed', min: 12, max: null, victims: 'of his comrades' });
    assert.strictEqual(claimWithCount(analyze(text), 'at least 12').victimGroup, 'comrades');
  });
  it('reads a loss of people as their death, but not a tally of losses to a cause', () => {
    check('The garrison lost at least 14 soldiers in the assault, a monitor said.', { count: 'at least 14', category: 'killed', min: 14, max: null, source: 'a monitor' });
    assert.deepStrictEqual(analyze('The school has lost six students to gun violence since last year.').claims, []);
    assert.deepStrictEqual(analyze('The party lost 14 seats in the election.').claims, []);
  });
  it('reads a part named by those it is part of: "the dead included seven women"', () => {
    check('The dead included seven women, medics said.', { count: 'seven', category: 'killed', min: 7, max: 7, subgroup: true, source: 'medics' });
    check('The wounded include three children.', { count: 'three', category: 'injured', min: 3, max: 3, subgroup: true });
    // A word that names a built-in of every object is no harm.
    assert.deepStrictEqual(analyze('The constructor included seven women in the toll.').claims, []);
  });
  it('reads a toll that went from one figure to another as the second, and a toll raised by what came before it', () => {
    for (const [text, figure] of [['The death toll rose from 24 to 40.', '40'], ['Officials lowered the death toll from 40 to 24 on Friday.', '24']]) {
      assert.deepStrictEqual(analyze(text).claims.map((c) => [c.count.text, c.count.min, c.count.max]), [[figure, Number(figure), Number(figure)]]);
    }
    check("Divers found 16 more bodies, raising the death toll from Tuesday's boat accident in Niger state to 40, an official said.", {
      count: '40', category: 'killed', min: 40, max: 40, source: 'an official',
    });
    assert.deepStrictEqual(analyze('It brought the toll in the three provinces to 112.').claims.map((c) => c.count.text), ['112']);
    // A "to" of another phrase: the toll is 3, and the 8 injured are a figure of their own.
    assert.deepStrictEqual(analyze('The death toll in the district reached 3 in addition to 8 injured people.').claims.map((c) => [c.count.text, c.category]), [
      ['3', 'killed'], ['8', 'injured'],
    ]);
    // Without a toll's subject told with "from" or "in", a "to" before a figure makes no toll.
    assert.deepStrictEqual(analyze('The toll on families forced to flee to 40 camps is heavy.').claims, []);
  });
  it('reads a toll revised down', () =>
    check('Officials revised the toll down to 28 on Friday.', { count: '28', category: 'killed', min: 28, max: 28 }));
  it('reads drowning as killing', () =>
    check('Nineteen migrants drowned when their dinghy sank near the coast, the coastguard said.', {
      count: 'Nineteen', category: 'killed', min: 19, max: 19, source: 'the coastguard',
    }));
  it('reads nouns that are deaths themselves', () => {
    check('Villagers found 12 bodies near the river.', { count: '12', category: 'killed', min: 12, max: 12 });
    check('The unrest has claimed hundreds of lives.', { count: 'hundreds', category: 'killed', min: 200, max: 999 });
  });
  it('carries a single victim\'s harm to a figure joined to it by "and"', () => {
    const text = 'An airstrike hit the village on Tuesday, killing a woman and nine children.';
    check(text, { count: 'nine', category: 'killed', min: 9, max: 9, victims: 'children' });
    check('The gunman killed his wife and two children.', { count: 'two', category: 'killed', min: 2, max: 2, victims: 'children' });
  });
  it('reads "taken into custody" as arrested', () =>
    check('Two suspects were taken into custody after the raid, police said.', { count: 'Two', category: 'arrested', min: 2, max: 2, source: 'police' }));
  it('reads implicit counts of one', () => {
    check('A man was found shot to death in the car.', { count: 'A man', category: 'killed', min: 1, max: 1 });
    check('Officers arrested a teenager at the scene.', { count: 'a teenager', category: 'arrested', min: 1, max: 1 });
    check('Two others were wounded by shrapnel.', { count: 'Two', category: 'injured', min: 2, max: 2 });
  });
  it('reads a subgroup after a copula and a group after "of them"', () => {
    check('Among the dead were seven people killed as they queued for bread.', { count: 'seven', category: 'killed', min: 7, max: 7, subgroup: true });
    check('The toll rose to 86, 30 of them children, medics said.', { count: '30', category: 'killed', min: 30, max: 30, victims: 'them children', subgroup: true });
  });
  it('reads two figures joined by "and" as parts, not one figure with an aside', () => {
    const text = 'The monitor said 19 fighters from the group and four civilians were killed in the blast.';
    check(text, { count: '19', category: 'killed', min: 19, max: 19, subgroup: true });
    check(text, { count: 'four', category: 'killed', min: 4, max: 4, subgroup: true });
  });
  it('reads a headline\'s second harm after a figure with its own verb', () => {
    const text = 'Rocket Attacks Kill 10 Civilians Injured Dozens in Daraa';
    check(text, { count: '10', category: 'killed', min: 10, max: 10 });
    check(text, { count: 'Dozens', category: 'injured', min: 24, max: 99 });
  });
  it('reads a period\'s toll as cumulative', () =>
    check('More than 3000 people have been killed during the past month, the monitor said.', { count: 'More than 3000', category: 'killed', min: 3001, max: null, cumulative: true }));
  it('carries the harm to a coordinated figure', () =>
    check('About 900 civilians have died since the siege began, along with 300 fighters.', {
      count: '300', category: 'killed', min: 300, max: 300, victims: 'fighters', cumulative: true,
    }));
});

describe('claims: local crime reports', () => {
  it('reads "shot and killed" as killed and "was shot" as injured', () => {
    check('A man was shot and killed outside a bar.', { count: 'A man', category: 'killed', min: 1, max: 1 });
    check('Two teenagers were shot near the school.', { count: 'Two', category: 'injured', min: 2, max: 2 });
  });
  it('reads conditions and wounds as injuries', () => {
    check('One person is in stable condition at the hospital.', { count: 'One', category: 'injured', min: 1, max: 1 });
    check('Police found two men suffering from gunshot wounds.', { count: 'two', category: 'injured', min: 2, max: 2 });
  });
  it('reads "killing one man and injuring another"', () => {
    const text = 'A gunman fired into a house, killing one man and injuring another.';
    check(text, { count: 'one', category: 'killed', min: 1, max: 1 });
    check(text, { count: 'another', category: 'injured', min: 1, max: 1 });
  });
  it('reads the death of one person already introduced', () => {
    const { claims } = analyze('Officers found the driver in the car. He was pronounced dead at the scene.');
    assert.deepStrictEqual(claims.map((c) => [c.text, c.category, c.count.min, c.count.max]), [['He was pronounced dead', 'killed', 1, 1]]);
  });
  it('reads one victim through an appositive between the subject and the verb', () => {
    check('The victim, identified as Dale Ostrow, 52, was pronounced dead at the scene.', { count: 'The victim', category: 'killed', min: 1, max: 1 });
    check('The cyclist, a 45-year-old woman, died of her injuries on Monday.', { count: 'The cyclist', category: 'killed', min: 1, max: 1 });
    check('The boy, police said, was taken to the hospital with a gunshot wound.', { count: 'The boy', category: 'injured', min: 1, max: 1 });
    // An aside that runs into another clause is not skipped: "the clerk, who saw the man who was shot".
    assert.deepStrictEqual(analyze('The clerk, who called police, then left. Nothing else happened.').claims, []);
  });
  it('reads one victim named by a pronoun, a description or a name', () => {
    check('Police said she was wounded in the arm.', { count: 'she', category: 'injured', min: 1, max: 1 });
    check('The cashier was hit by gunfire during the robbery.', { count: 'The cashier', category: 'injured', min: 1, max: 1 });
    check('Tomas Reyes, 31, was taken to Mercy Hospital with a wound to the leg.', { count: 'Tomas Reyes', category: 'injured', min: 1, max: 1 });
    check('Later, he suffered non-life-threatening injuries.', { count: 'he', category: 'injured', min: 1, max: 1 });
    check('A man accidentally shot himself in the foot on Sunday.', { count: 'A man', category: 'injured', min: 1, max: 1 });
  });
  it('reads one victim who died of the wound a clause tells, and one whose body was found', () => {
    check('A teen girl who was shot and stabbed inside a home has died from her injuries.', { count: 'A teen', category: 'killed', min: 1, max: 1 });
    // The clause's speaker is not the one who died.
    assert.deepStrictEqual(analyze('A woman who witnessed the shooting said he died.').claims.map((c) => c.count.text), ['he']);
    check('Family members located his body late Saturday.', { count: 'his body', category: 'killed', min: 1, max: 1 });
    noClaims('He showed his body to the doctor.');
    // The body of one told of already is no second death.
    assert.strictEqual(analyze('John Smith, 45, was shot dead. Family members later found his body.').claims.length, 1);
    check('The shooting left a mother and her son dead.', { count: 'a mother and her son', category: 'killed', min: 2, max: 2 });
  });
  it('reads the shooter as no victim of his own adverb, and a shooter who turned the gun on himself as one more', () => {
    const claims = analyze('A 72-year-old man fatally shot his wife and then himself on Friday, officials said.').claims;
    assert.deepStrictEqual(claims.map((c) => [c.victims, c.category, c.count.min]), [['his wife', 'killed', 1], ['himself', 'killed', 1]]);
  });
  it('reads victims sent to the hospital', () => {
    check('The gunfire put two teens in the hospital overnight.', { count: 'two', category: 'injured', min: 2, max: 2 });
    check('A fight sent a woman to the hospital with a gunshot wound.', { count: 'a woman', category: 'injured', min: 1, max: 1 });
    noClaims('An officer was taken to the hospital for evaluation.');
    check('The victim walked into Cabell Hospital with two gunshot wounds.', { count: 'The victim', category: 'injured', min: 1, max: 1 });
    // "over" that ends the clause before "one" is no "more than".
    check('Before it was over one firefighter suffered a gunshot wound.', { count: 'one', category: 'injured', min: 1, max: 1 });
  });
  it('counts two persons joined by "and" under one verb', () => {
    check('A 40-year-old man and his 38-year-old wife were wounded.', { count: 'A 40-year-old man and his 38-year-old wife', category: 'injured', min: 2, max: 2 });
    check('Police said Ortiz and Bell were transported to a hospital.', { count: 'Ortiz and Bell', category: 'injured', min: 2, max: 2 });
    check('The couple were taken to a hospital.', { count: 'The couple', category: 'injured', min: 2, max: 2 });
  });
  it('reads a perfect tense as active: the subject did the harm', () => {
    const { claims } = analyze('Two gunmen had killed a guard before fleeing.');
    assert.deepStrictEqual(claims.map((c) => [c.text, c.category, c.count.min]), [['killed a guard', 'killed', 1]]);
  });
  it('does not count as wounded a victim who died', () => {
    const died = (text: string) => analyze(text).claims.map((c) => [c.category, c.count.min]);
    assert.deepStrictEqual(died('A man was shot outside a bar. He was taken to a hospital, where he later died.'), [['killed', 1]]);
    assert.deepStrictEqual(died('A man was shot and killed on Elm Street. Police said he was shot in the chest.'), [['killed', 1]]);
  });
  it('keeps two victims apart when their names or sexes differ', () => {
    const claims = (text: string) => analyze(text).claims.map((c) => [c.category, c.count.text]);
    assert.deepStrictEqual(claims('Ana Ruiz was shot in the arm. Luis Ortega was found dead in the car.'), [['injured', 'Ana Ruiz'], ['killed', 'Luis Ortega']]);
    assert.deepStrictEqual(claims('A man was shot and killed at the park. His sister was wounded.'), [['killed', 'A man'], ['injured', 'His sister']]);
  });
  it('reads relatives, the wounds of someone, and "one of" a group', () => {
    check('A neighbor said the man shot his stepson during an argument.', { count: 'his stepson', category: 'injured', min: 1, max: 1 });
    check('Deputies said she fatally shot her husband.', { count: 'her husband', category: 'killed', min: 1, max: 1 });
    check('Her injuries were described as minor.', { count: 'Her', category: 'injured', min: 1, max: 1 });
    check('Witnesses said one of the burglars was hit by gunfire.', { count: 'one of the burglars', category: 'injured', min: 1, max: 1, subgroup: true });
    check('Firefighters said one paramedic suffered a gunshot wound.', { count: 'one', category: 'injured', min: 1, max: 1 });
  });
  it('reads "both victims", a suicide, and an age between the victim and the verb', () => {
    check('Both victims were pronounced dead at the scene.', { count: 'Both victims', category: 'killed', min: 2, max: 2 });
    check('A man believed to be in his 30s was shot and killed behind the store.', { count: 'A man', category: 'killed', min: 1, max: 1 });
    const claims = analyze('The farmer shot his neighbor, and then he killed himself.').claims.map((c) => [c.category, c.count.text]);
    assert.deepStrictEqual(claims, [['injured', 'his neighbor'], ['killed', 'he']]);
  });
  it('reads a pronoun object as the victim, not the noun after it', () => {
    const { claims } = analyze('Three guards were killed on Monday. Gunmen seized a nurse and executed her while a farmer and his son were also executed nearby.');
    assert.deepStrictEqual(claims.map((c) => [c.category, c.count.text, c.count.min, c.victimGroup]), [
      ['killed', 'Three', 3, 'security forces'],
      ['killed', 'a farmer and his son', 2, 'additional people'],
    ]);
  });
  it('reads members of a named body as a group of their own', () => {
    const { claims } = analyze('The assault killed five of Jaish al-Fatah and allied fighters, the monitor said.');
    assert.deepStrictEqual(claims.map((c) => [c.count.text, c.victims, c.victimGroup]), [['five', 'Jaish al-Fatah', 'members of jaish al-fatah']]);
  });
  it('reads a death found by the police', () =>
    check('Hikers found the body of a woman near the trail.', { count: 'a woman', category: 'killed', min: 1, max: 1 }));
  it('reads the object of an active verb as the victim, not its subject', () => {
    const { claims } = analyze('Two men argued in the street and one of them shot him.');
    assert.deepStrictEqual(claims.map((c) => c.count.text), []);
  });
  it('counts as wounded the shot less the dead', () => {
    const text = 'Four people were shot, one fatally, outside a club.';
    check(text, { count: 'Four', category: 'injured', min: 3, max: 3 });
    check(text, { count: 'one', category: 'killed', min: 1, max: 1 });
    check('Two women were shot near the bus stop. One of them died at the hospital.', { count: 'Two', category: 'injured', min: 1, max: 1 });
    // Those already told apart from the dead stay as counted.
    check('A man was shot and killed. Two other men were shot in the legs.', { count: 'Two', category: 'injured', min: 2, max: 2 });
  });
  it('does not count gunshots or road numbers as victims', () => {
    noClaims('Witnesses heard one shot and then silence.');
    noClaims('Traffic on Interstate 295 was shot at overnight.');
    noClaims('A van on I-95 was shot at overnight.');
    check('Detectives said the cashier was shot 4 times.', { count: 'the cashier', category: 'injured', min: 1, max: 1 });
  });
  it('does not count nobody', () => {
    noClaims('No one was injured in the crash.');
    noClaims('Neither the pastor nor his two sons were hurt.');
  });
});

describe('claims: what is not a claim', () => {
  it('ignores releases, defections, refugees and troops', () => {
    noClaims('The government said 640 prisoners would be released.');
    noClaims('Up to 50 soldiers defected with their colonel.');
    noClaims('More than 5,000 refugees crossed into Jordan and 3,000 troops were deployed.');
  });
  it('ignores ages, times, dates and distances next to harm words', () => {
    noClaims('Shelling killed nobody at 10:30 a.m. on June 3, 40 km from Homs, and the 2011 truce was dead.');
    noClaims('Her 26-year-old son died in hospital.');
  });
  it('ignores figures that name the killers, not the killed', () => noClaims('Two suicide bombers killed themselves near the gate.'));
  it('raises no claim from web-page furniture', () => {
    const body = 'Clashes went on all day in the north of the province and residents fled the area. '.repeat(4);
    noClaims(`Heading\n${body}\nLeave a Reply\nAt least 12 people were killed in comments below.`);
  });
});

describe('claims: subgroups, repeats and cumulative tolls', () => {
  it('marks subgroups', () => {
    const text = 'The strike killed 71 civilians, including seven children. Two medics were among the dead.';
    check(text, { count: 'seven', category: 'killed', min: 7, max: 7, subgroup: true });
    check(text, { count: 'Two', category: 'killed', min: 2, max: 2, subgroup: true });
    check(text, { count: '71', category: 'killed', min: 71, max: 71, subgroup: false });
  });
  it('reads a figure with only a place after "and" as a part of the harm before it, of its own place', () => {
    const text = 'Police said 105 people died in Jajarkot and 52 in Rukum West.';
    check(text, { count: '105', category: 'killed', min: 105, max: 105, subgroup: true });
    check(text, { count: '52', category: 'killed', min: 52, max: 52, subgroup: true, source: 'Police' });
    const strikes = 'The strikes killed 45 civilians in Aleppo and another 22 in neighbouring Idlib province.';
    assert.strictEqual(claimWithCount(analyze(strikes), '22').text, 'another 22 in neighbouring Idlib province');
    assert.strictEqual(claimWithCount(analyze(strikes), '22').event, 'incident: idlib region, SY');
    // A toll broken down by place after it, its punctuation stripped: the parts are parts, in their own places.
    const parts = 'Monitors said 21 civilians were killed in raids in the area 15 in a northern district of Manbij and another six in Al-Tukhar.';
    check(parts, { count: '21', category: 'killed', min: 21, max: 21, subgroup: false });
    check(parts, { count: '15', category: 'killed', min: 15, max: 15, subgroup: true });
    check(parts, { count: 'six', category: 'killed', min: 6, max: 6, subgroup: true });
    assert.deepStrictEqual(analyze(parts).diagnostics.filter((d) => d.code === 'casualty-conflict'), []);
    // A time is no place, and a figure with a verb of its own is read by its verb.
    assert.deepStrictEqual(analyze('Shelling killed 12 people in Aleppo and 3 in the morning.').claims.map((c) => c.count.text), ['12']);
  });
  it('reads "followed by X with N" as another place\'s part of the toll told "with" its harm', () => {
    const text = 'Khyber Pakhtunkhwa was hardest hit with 31 deaths, followed by Balochistan with 23 and Sindh with 20.';
    check(text, { count: '31', category: 'killed', min: 31, max: 31, subgroup: true });
    check(text, { count: '23', category: 'killed', min: 23, max: 23, subgroup: true });
    assert.strictEqual(claimWithCount(analyze(text), '20').text, 'Sindh with 20');
    assert.strictEqual(claimWithCount(analyze(text), '23').event, 'incident: quetta region, PK');
    // Without a harm told "with" a figure before, "with N" counts nothing.
    assert.deepStrictEqual(analyze('Police arrived with 12 officers and the mayor with 3 aides.').claims, []);
  });
  it('reads "Of the 40 killed, 25 were ..." as a part of the harmed the sentence opens with', () => {
    const text = 'Of the 40 killed, 25 were women and children, local officials said.';
    check(text, { count: '25', category: 'killed', min: 25, max: 25, subgroup: true, source: 'local officials' });
    check(text, { count: '40', category: 'killed', min: 40, max: 40, subgroup: false });
    check('Of those wounded, 12 were in critical condition.', { count: '12', category: 'injured', min: 12, max: 12, subgroup: true });
  });
  it('marks subgroups told before or after the dead they are among, with the total in between', () => {
    const after = 'Among the 47 dead were nine children, the regional governor wrote on Telegram.';
    check(after, { count: 'nine', category: 'killed', min: 9, max: 9, subgroup: true, source: 'the regional governor' });
    check(after, { count: '47', category: 'killed', min: 47, max: 47, subgroup: false, source: 'the regional governor' });
    check('Among those arrested is one journalist.', { count: 'one', category: 'arrested', min: 1, max: 1, subgroup: true });
    const before = 'Seven children were among the 31 people killed, medics said.';
    check(before, { count: 'Seven', category: 'killed', min: 7, max: 7, subgroup: true });
    check(before, { count: '31', category: 'killed', min: 31, max: 31, subgroup: false });
    // With no article, "among" takes a qualified figure right after the victims, and a headline's.
    const qualified = 'Three police officers were among at least 12 people wounded by the blast.';
    check(qualified, { count: 'Three', category: 'injured', min: 3, max: 3, subgroup: true });
    check(qualified, { count: 'at least 12', category: 'injured', min: 12, max: null, subgroup: false });
    check('6 children among 19 dead in shelling of Aleppo', { count: '6', category: 'killed', min: 6, max: 6, subgroup: true });
    // A related story's title run into the text, and a figure far from "among", are no parts of a toll.
    const runOn = 'Strikes kill 56 civilians in Syria Monitor AFP Children were among at least 56 civilians killed.';
    assert.ok(!analyze(runOn).claims.some((c) => c.subgroup));
    const related = 'Rebels shelled Hama. AFP Friday 2 May 2014 10 children among 18 dead as air raid hits school.';
    assert.ok(!analyze(related).claims.some((c) => c.count.text === '10'));
    // Telegram is where the governor wrote, not where the dead were.
    assert.ok(!analyze(after).entities.some((e) => e.kind === 'place'));
  });
  it('keeps the first of two sentences that repeat a figure, without borrowing the source of the repeat', () => {
    const text = 'Shelling kills 16 in Douma\nShelling killed 16 people in Douma on Monday, the Observatory said.';
    const { claims } = analyze(text);
    assert.strictEqual(claims.length, 1);
    assert.strictEqual(claims[0].text, 'kills 16');
    assert.strictEqual(claims[0].attribution, null);
  });
  it('reads one figure restated in its sentence as one claim, but keeps two groups with the same figure', () => {
    const restated = 'Twelve civilians were also killed on Monday when jets struck the market in Douma, killing 12 civilians.';
    assert.deepStrictEqual(analyze(restated).claims.map((c) => c.text), ['Twelve civilians were also killed']);
    const twoGroups = 'The blast in Douma killed 8 soldiers and 8 civilians.';
    assert.deepStrictEqual(analyze(twoGroups).claims.map((c) => [c.count.text, c.victimGroup]), [['8', 'security forces'], ['8', 'people']]);
  });
  it('marks cumulative tolls and gives them their own event', () => {
    const text = 'A bomb killed 9 people in Homs. More than 300,000 people have been killed since the war began in 2011.';
    const { claims } = analyze(text);
    const [incident, cumulative] = claims;
    assert.strictEqual(cumulative.cumulative, true);
    assert.strictEqual(incident.cumulative, false);
    assert.notStrictEqual(incident.event, cumulative.event);
  });
});

describe('claims: figures that add up or overlap', () => {
  it('reads two figures joined by "and" under one verb as two parts of the toll', () => {
    const text = 'The Observatory said 19 fighters and four civilians were killed in the blast.';
    check(text, { count: '19', category: 'killed', min: 19, max: 19, victims: 'fighters', subgroup: true });
    check(text, { count: 'four', category: 'killed', min: 4, max: 4, victims: 'civilians', subgroup: true });
  });
  it('reads a headline pair of figures with their own verbs', () => {
    const text = '10 civilians killed 15 injured in rocket fire';
    check(text, { count: '10', category: 'killed', min: 10, max: 10 });
    check(text, { count: '15', category: 'injured', min: 15, max: 15 });
  });
  it('does not carry a harm to a figure with a verb of its own', () => {
    const text = 'Rescuers said 2,100 people had been evacuated and 35 were unaccounted for.';
    assert.deepStrictEqual(analyze(text).claims.map((c) => [c.count.text, c.category]), [['35', 'missing']]);
  });
  it('reads a definite victim as the object of a killing, and the figure joined to it', () => {
    const text = 'Gunmen opened fire on a bus, killing the driver and two passengers.';
    check(text, { count: 'the driver', category: 'killed', min: 1, max: 1 });
    check(text, { count: 'two', category: 'killed', min: 2, max: 2, victims: 'passengers' });
    // An arrest of "the suspect" tells of the attacker; "the man's wife" is not the man.
    assert.deepStrictEqual(analyze('Officers arrested the suspect at his home.').claims, []);
    assert.deepStrictEqual(analyze("He killed the man's dog.").claims, []);
  });
  it('reads "shot dead" before its victims as a killing', () => {
    check('Troops shot dead 12 protesters on Friday.', { count: '12', category: 'killed', min: 12, max: 12, victims: 'protesters' });
    check('Soldiers shot dead a teenager at the checkpoint.', { count: 'a teenager', category: 'killed', min: 1, max: 1 });
  });
  it('reads people admitted to a hospital or with injuries as injured', () => {
    check('Hospital sources said 23 people were admitted with injuries.', { count: '23', category: 'injured', min: 23, max: 23 });
    check('Forty people were admitted to hospital after the blast.', { count: 'Forty', category: 'injured', min: 40, max: 40 });
    assert.deepStrictEqual(analyze('Five patients were admitted for observation.').claims, []);
  });
  it('reads a verb after six words of passive glue', () =>
    check('Five prisoners were also believed to have been killed.', { count: 'Five', category: 'killed', min: 5, max: 5, victims: 'prisoners' }));
  it('reads victims through an aside before the verb', () => {
    check('At least 12 civilians including four children were killed in the raid.', { count: 'At least 12', category: 'killed', min: 12, max: null, victims: 'civilians' });
    // A relative clause with a copula of its own, its commas stripped.
    check('Media said at least 200 people many of whom were civilians were killed in the strikes.', { count: 'at least 200', category: 'killed', min: 200, max: null, victims: 'people' });
  });
  it('reads one person named among the counted as a part of the toll', () => {
    const one = (text: string, count: string) => {
      const claim = claimWithCount(analyze(text), count);
      return [claim.category, claim.count.min, claim.count.max, claim.subgroup];
    };
    assert.deepStrictEqual(one('Mortars hit the old city, killing nine people including a policeman.', 'a policeman'), ['killed', 1, 1, true]);
    assert.deepStrictEqual(one('The blast wounded 20 people, among them a photographer.', 'a photographer'), ['injured', 1, 1, true]);
    const text = 'At least 14 villagers including three children and an elderly woman were killed in the raid.';
    assert.deepStrictEqual(one(text, 'an elderly woman'), ['killed', 1, 1, true]);
    // Another part, not another count of the same part: no conflict within the article.
    assert.deepStrictEqual(analyze(text).diagnostics.filter((d) => d.code === 'casualty-conflict'), []);
  });
  it('keeps two single victims among the dead of later sentences as two parts, not a repeat', () => {
    const text = 'Shelling killed 12 people including a child in Idlib on Monday. ' +
      'Since Thursday the bombing has killed 30 civilians in Idlib including six women and one teacher.';
    const parts = analyze(text).claims.filter((c) => c.count.min === 1 && c.subgroup).map((c) => c.count.text);
    assert.deepStrictEqual(parts, ['a child', 'one']);
  });
  it('gives a subgroup the harm of the figure it belongs to', () =>
    check('The toll rose to 86, 30 of them children.', { count: '30', category: 'killed', min: 30, max: 30, subgroup: true }));
  it('keeps a figure of two harms out of conflicts', () => {
    const claim = claimWithCount(analyze('Dozens of soldiers were killed or injured in the strike.'), 'Dozens');
    assert.strictEqual(claim.victimGroup, 'killed or injured security forces');
  });
  it('reads every figure of an "including" list as a subgroup', () => {
    const text = 'The attack killed more than 100 people including 25 children and 15 women.';
    check(text, { count: '25', category: 'killed', min: 25, max: 25, subgroup: true });
    check(text, { count: '15', category: 'killed', min: 15, max: 15, subgroup: true });
  });
  it('reads through quotation marks around a figure', () => {
    const quoted = 'The group said the ambush left "nearly 40" soldiers dead.';
    check(quoted, { count: 'nearly 40', category: 'killed', min: 36, max: 40 });
    const read = (text: string) => claimWithCount(analyze(text), 'nearly 40');
    assert.deepStrictEqual(read(quoted).victimGroup, read(quoted.replace(/"/g, '')).victimGroup);
  });
  it('reads the wounded or missing as a figure of two harms', () => {
    const claim = claimWithCount(analyze('The toll may rise, as dozens of people had been wounded or were still missing.'), 'dozens');
    assert.strictEqual(claim.victimGroup, 'killed or injured people');
  });
  it('reads a toll "so far" as an incident\'s, and "so far this year" as a period\'s', () => {
    check('Rescuers have documented the deaths of 43 people so far.', { count: '43', category: 'killed', min: 43, max: 43, cumulative: false });
    check('Rescuers have documented the deaths of 430 people so far this year.', { count: '430', category: 'killed', min: 430, max: 430, cumulative: true });
  });
  it('reads the injured being treated at one place as a subgroup', () =>
    check('The governor said four people injured in the blast are being treated in Turkish hospitals.', { count: 'four', category: 'injured', min: 4, max: 4, subgroup: true }));
  it('attributes a figure to the person a pronoun stands for', () => {
    const text = 'Rami Abdel Rahman heads the Observatory. He said 16 fighters were killed.';
    assert.strictEqual(claimWithCount(analyze(text), '16').attribution?.source.text, 'Rami Abdel Rahman');
  });
});

describe('claims: attribution', () => {
  it('takes the source of a quotation that runs over paragraphs', () => {
    const text =
      '"We were shelled for hours," Commander Ali Darwish said.\n"Twenty of our men were killed.\n"We will not leave."';
    check(text, { count: 'Twenty', category: 'killed', min: 20, max: 20, source: 'Commander Ali Darwish' });
  });
  it('takes an editor\'s source tag after the sentence, and marks it tagged', () => {
    const text = 'Nine people were killed in Binnish. {>>source: local council<<}\nMore shelling followed.';
    const claim = claimWithCount(analyze(text), 'Nine');
    assert.deepStrictEqual(claim.attribution, {
      source: { start: offsetOf(text, 'local council'), end: offsetOf(text, 'local council') + 13, text: 'local council' },
      cue: null,
      tagged: true,
    });
  });
  it('never reads the tag text as article text', () => {
    const { claims, entities } = analyze('Calm in Homs. {>>source: 12 people were killed by Reuters<<}');
    assert.deepStrictEqual(claims, []);
    assert.ok(!entities.some((e) => e.name === 'Reuters'));
  });
  it('leaves a claim without a source unattributed and says so', () => {
    const { claims, diagnostics } = analyze('Three people were killed in shelling on the village.');
    assert.strictEqual(claims[0].attribution, null);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.severity, d.start, d.end]),
      [['unattributed-claim', 'information', claims[0].start, claims[0].end]],
    );
  });
});

describe('claims: the harm-clue pre-filter', () => {
  it('passes over no sentence in which a rule reads a claim', () => {
    const texts = corpusArticles();
    let withClaims = 0;
    for (const original of texts) {
      const { text } = maskSourceTags(original);
      for (const { start, end, tokens } of tokenizeSentences(text)) {
        const sentence = { tokens, numbers: findNumbers(text, tokens) };
        const read = readClaimsInSentence(sentence);
        if (!read.length) continue;
        withClaims++;
        assert.ok(mayTellHarm(tokens), `a rule reads a claim in a sentence the pre-filter skips: ${text.slice(start, end)}`);
        assert.deepStrictEqual(findClaimsInSentence(sentence), read);
      }
    }
    assert.ok(withClaims > 20, `only ${withClaims} sentences with claims were read`);
  });
});
