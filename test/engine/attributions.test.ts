// Who said what: every attribution form the engine reads, with exact spans.
import * as assert from 'assert';
import { analyze } from './support';

/** Checks that the text holds an attribution with this source and cue (as written). */
function check(text: string, source: string, cue: string): void {
  const { attributions } = analyze(text);
  const found = attributions.map((a) => [a.source.text, a.cue.text]);
  assert.ok(
    found.some(([s, c]) => s === source && c === cue),
    `expected ${source} / ${cue}, got ${JSON.stringify(found)}`,
  );
  const hit = attributions.find((a) => a.source.text === source && a.cue.text === cue)!;
  assert.strictEqual(text.slice(hit.source.start, hit.source.end), source);
  assert.strictEqual(text.slice(hit.cue.start, hit.cue.end), cue);
}

describe('attributions', () => {
  it('reads "according to X"', () => check('Nine people died, according to local medics.', 'local medics', 'according to'));
  it('reads "X said" and its tenses', () => {
    check('Rescue workers said nine people died.', 'Rescue workers', 'said');
    check('The ministry says nine people died.', 'The ministry', 'says');
    check('Residents told reporters the shelling went on all night.', 'Residents', 'told');
    check('State media reported that nine people died.', 'State media', 'reported');
    check('The governor stated that the road was closed.', 'The governor', 'stated');
    check('The rebels claimed they had downed a jet.', 'The rebels', 'claimed');
    check('The army has said the town is secure.', 'The army', 'has said');
    // "family" ends in -ly but is no adverb.
    check('The man was shot in the back, attorneys for the family said.', 'attorneys for the family', 'said');
  });
  it('reads "said X" after a quotation', () => check('"We buried them at night," said Omar Haddad.', 'Omar Haddad', 'said'));
  it('reads "X said in a Facebook posting" with the statement before it', () => {
    const text = 'The brigade will hold the line, the group said in a Facebook posting.';
    check(text, 'the group', 'said');
    const a = analyze(text).attributions[0];
    assert.strictEqual(text.slice(a.content!.start, a.content!.end), 'The brigade will hold the line');
  });
  it('reads a quotation with its speaker after it, the quotation as content', () => {
    const text = '“The hospital is full,” Dr. Samir Nasser said.';
    check(text, 'Dr. Samir Nasser', 'said');
    const a = analyze(text).attributions[0];
    assert.strictEqual(text.slice(a.content!.start, a.content!.end), '“The hospital is full,”');
  });
  it('reads a source named with its acronym in brackets', () =>
    check('The Syrian Network for Human Rights (SNHR) said 40 people were detained.', 'The Syrian Network for Human Rights', 'said'));
  it('reads a headline credit', () => check('Air strikes kill 12 in Idlib - monitor', 'monitor', '-'));
  it('reads a headline credit whose dash was lost, with no cue for the claim', () => {
    const text = 'Air strikes kill 12 in Idlib monitor\nThe strikes hit a market.';
    const claim = analyze(text).claims[0];
    assert.strictEqual(claim.attribution?.source.text, 'monitor');
    assert.strictEqual(claim.attribution?.cue, null);
  });
  it('reads a headline credit before the site sections of a page title', () => {
    const sourceOf = (text: string) => analyze(text).claims[0]?.attribution?.source.text;
    assert.strictEqual(sourceOf('Air strikes kill 12 in Idlib monitor - Middle East - World - Daily Courier\nThe strikes hit a market.'), 'monitor');
    assert.strictEqual(sourceOf('Shelling kills nine in Hama: activists | World | The Ledger\nThe shells fell at dawn.'), 'activists');
    // One dash is the credit's own, not a site's.
    assert.strictEqual(sourceOf('Air strikes kill 12 in Idlib - Monitor\nThe strikes hit a market.'), 'Monitor');
  });
  it('reads a source with an appositive, and a relative pronoun standing for the phrase before it', () => {
    check('Omar Haddad, a council member, said the road was cut.', 'Omar Haddad', 'said');
    check('Lena Marsh, a tax lawyer who advised two governors and taught at a law school in Ohio for a decade, said the bill would fail.', 'Lena Marsh', 'said');
    check('The unions that oppose the rules joined the case.', 'that', 'oppose');
    const text = 'Reporters met a nurse who said the ward was full.';
    check(text, 'who', 'said');
    const claimText = 'Reporters met a nurse who said 12 people were killed.';
    assert.strictEqual(analyze(claimText).claims[0].attribution?.source.text, 'a nurse');
    // A relative clause between the speaker and "said", its commas stripped: the speaker is what it describes.
    assert.strictEqual(analyze('The Observatory which monitors Syrias conflict said 11 children were killed.').claims[0].attribution?.source.text, 'The Observatory');
    assert.strictEqual(analyze('The group that runs the clinic said 12 people were killed.').claims[0].attribution?.source.text, 'The group');
    // A clause whose verb has an irregular past: "lost", "fled".
    assert.strictEqual(analyze('The families who lost relatives said 12 people were killed.').claims[0].attribution?.source.text, 'The families');
    // "that" before a plural noun opens the clause; it is no determiner of the source.
    assert.strictEqual(analyze('The UN condemned an air strike that activists said killed 40 people.').claims[0].attribution?.source.text, 'activists');
    assert.strictEqual(analyze('That official said 12 people were killed.').claims[0].attribution?.source.text, 'That official');
  });
  it('reads views, plans and public acts in every tense, with auxiliaries, adverbs and negation', () => {
    check('The senator opposes the new pipeline.', 'The senator', 'opposes');
    check('Voters want a change in the capital.', 'Voters', 'want');
    check('The mayor has repeatedly criticized the budget.', 'The mayor', 'has repeatedly criticized');
    check('Governor Alba is promising lower fares for commuters.', 'Governor Alba', 'is promising');
    check('The union did not endorse either candidate.', 'The union', 'did not endorse');
    check('A new survey shows that most renters expect higher costs.', 'A new survey', 'shows');
    check('Councillor Ruiz on Tuesday said the bridge would reopen.', 'Councillor Ruiz', 'said');
  });
  it('reads verbs of manner, rebuke, publication and attitude as views', () => {
    check('The mayor bemoaned the delays at the depot.', 'The mayor', 'bemoaned');
    check('Senator Hale spoke about the closures on Friday.', 'Senator Hale', 'spoke');
    check('The Daily Ledger published the letters in full.', 'The Daily Ledger', 'published');
    check('Many voters despise the new toll.', 'Many voters', 'despise');
  });
  it('reads a holder that opens the sentence across its modifiers, but not a noun or an infinitive', () => {
    check('Protesters marching through the square chanted slogans about the fare rise.', 'Protesters marching through the square', 'chanted');
    check('Other large unions, including the nurses, have also endorsed the mayor.', 'Other large unions, including the nurses', 'have also endorsed');
    check('The latest city survey released Friday shows that most renters expect higher costs.', 'The latest city survey released Friday', 'shows');
    const { attributions } = analyze("It's hard to imagine a simpler rule. The program, called FastLane, allows drivers to skip the queue. They taped an hourlong show that aired on Thursday.");
    assert.deepStrictEqual(attributions.map((a) => a.cue.text), []);
  });
  it('reads an -ing clause after a speaker, a speech participle after a preposition, and a second verb after "and"', () => {
    check('"The budget is sound," the treasurer said, pointing to the surplus.', 'the treasurer', 'pointing');
    check('The mayor angered voters by saying the pool would close.', 'The mayor', 'saying');
    check('Ms. Kato, a lawyer for the tenants, said the rent was unfair and urged the board to act.', 'Ms. Kato', 'urged');
    const { attributions } = analyze('The treasurer said, according to the minutes, that the fund was empty.');
    assert.ok(!attributions.some((a) => a.cue.text === 'according'), JSON.stringify(attributions.map((a) => a.cue.text)));
  });
  it('reads people named by what they do or believe as holders, and more verbs written before their speaker', () => {
    check('But conservationists worry that the dam will fail.', 'conservationists', 'worry');
    check('“The vote is close,” noted Lena Park of the Ledger.', 'Lena Park of the Ledger', 'noted');
  });
  it('reads "Said X:" with the speaker after the verb, and no speaker in a label or a noun before a title', () => {
    check('Said Okafor: “We will not sign it.”', 'Okafor', 'Said');
    const { attributions } = analyze('Correction: An earlier version misspelled a name. Harlow campaign spokesman Jo Reyes added that the tour would go on. Critics doubt the mayor’s claims about the budget.');
    assert.deepStrictEqual(attributions.map((a) => [a.source.text, a.cue.text]), [['Harlow campaign spokesman Jo Reyes', 'added'], ['Critics', 'doubt']]);
    // A page's label before the colon speaks for no one; the headline's own credit does.
    assert.strictEqual(analyze('LIVE: Israeli strikes kill 40 across Gaza, health ministry says\n\nThe strikes hit homes.').claims[0].attribution?.source.text, 'health ministry');
    // A place before the colon is the topic, not the speaker.
    const topic = analyze('Afghanistan: dozens feared dead in Kabul mosque blast\n\nThe blast hit a mosque during prayers.');
    assert.deepStrictEqual(topic.attributions, []);
    assert.strictEqual(topic.claims[0].attribution, null);
  });
  it('reads "calls" as a verb after its holder, in a headline too, and no verb with its object as part of a subject', () => {
    check('Former party chairman calls for a new vote.', 'Former party chairman', 'calls');
    check('Chris Alba Calls Mayor Dunn A Disgrace Over Budget', 'Chris Alba', 'Calls');
    const { attributions } = analyze('Bill Okafor calls the fare plan a crazy system.');
    assert.deepStrictEqual(attributions.map((a) => [a.source.text, a.cue.text]), [['Bill Okafor', 'calls']]);
  });
  it('inflects one-syllable verbs that double their last consonant', () => {
    check('Republicans are slamming the governor over the budget.', 'Republicans', 'are slamming');
    check('The senator quipped that the hearing had run long.', 'The senator', 'quipped');
  });
  it('reads "spoke" only with what was spoken of, and not a name given in what someone called a thing', () => {
    check('The governor spoke out against the levy on Monday.', 'The governor', 'spoke');
    const { attributions } = analyze('The governor spoke to reporters at the depot. The board ended what several lawmakers called a scam.');
    assert.deepStrictEqual(attributions.map((a) => a.cue.text), []);
  });
  it('reads a speaker with a hometown or an age and a clause set off by commas', () => {
    check('Dora Blake, of Salem, Ore., said the ferry had been late all week.', 'Dora Blake', 'said');
    check('Dana Schiff, 56, who has served on the board for a decade, told reporters the vote was rigged.', 'Dana Schiff', 'told');
  });
  it('reads a poll, an estimate or a person\'s eyes named as the place of a view', () => {
    check('In the latest city poll, the mayor trails by six points.', 'the latest city poll', 'In');
    check('Forty homes were lost, by one estimate.', 'one estimate', 'by');
    check('The reform is a failure in her eyes.', 'her eyes', 'in');
    const { attributions } = analyze('In other words, the plan failed. He was hurt in the polls last year.');
    assert.deepStrictEqual(attributions.map((a) => a.cue.text), []);
  });
  it('reads bodies named in the plural as holders, and adverbs like "together" between a holder and its verb', () => {
    check('Regulators and consumer groups worried that the merger would raise prices.', 'consumer groups', 'worried');
    check('The leaders together vowed to cut emissions.', 'The leaders', 'together vowed');
  });
  it('reads a longer headline phrase ending in a name before a colon and a quotation', () =>
    check('A lesson from Mayor Ruth Okafor: ‘Fix the roads first.’', 'A lesson from Mayor Ruth Okafor', ':'));
  it('reads a passive with its agent after "by", and no source in one without', () => {
    check('The proposal was criticized by Mayor Dunn as too costly.', 'Mayor Dunn', 'was criticized');
    check('The closure was also reported by the city paper.', 'the city paper', 'was also reported');
    // The subject of a passive is what was said or done, with an adverb or a negation in the verb group too.
    const sources = (text: string) => analyze(text).attributions.map((a) => a.source.text);
    assert.deepStrictEqual(sources('The figures could not be independently confirmed.'), []);
    assert.deepStrictEqual(sources('The man, whose name was not released, died at the hospital.'), []);
  });
  it('reads a participle that goes on with the speaker just named', () => {
    check('"The ferry is safe," the captain said, adding that inspections were complete.', 'the captain', 'adding');
    check('Senator Okafor toured the plant on Friday, promising to protect the jobs there.', 'Senator Okafor', 'promising');
    check('Dr. Vance said she doubted the figures, arguing that the survey was too small.', 'Dr. Vance', 'arguing');
    check('The mayor called the plan a “costly gamble,” comparing it to the stadium deal.', 'The mayor', 'comparing');
  });
  it('reads a quotation signed with a dash and a name', () =>
    check('“The rent doubled in a year.” ― Marta G. Reyes', 'Marta G. Reyes', '―'));
  it('reads "said X" after a quotation even when a phrase follows the speaker', () =>
    check('"We are not finished," said one union official at the plant.', 'one union official at the plant', 'said'));
  it('leaves out what is said inside a quotation or inside another report', () => {
    const text = 'The coach said, "I think we can win the cup." Analysts said the owners believe the club is worth more.';
    const sources = analyze(text).attributions.map((a) => a.source.text);
    assert.ok(sources.includes('The coach') && sources.includes('Analysts'), JSON.stringify(sources));
    assert.ok(!sources.includes('I') && !sources.includes('the owners'), JSON.stringify(sources));
  });
  it('keeps "according to X" and a speaker after a comma out of the clause before them', () => {
    check('Gunmen stormed a depot near the border, wounding four guards, according to local officials.', 'local officials', 'according to');
    check('When he wrote his memoir, Mr. Lund said that debt was a last resort.', 'Mr. Lund', 'said');
    const { attributions } = analyze('The clerk reported that Dana Moss called the mayor twice.');
    assert.deepStrictEqual(attributions.map((a) => a.source.text), ['The clerk']);
  });
  it('reads a named person set off by commas, and a holder before "of"', () => {
    check('A lawyer for the families, Dana Cole, said the hearing was delayed.', 'Dana Cole', 'said');
    check('Footage of the arrest shows the man with his hands raised.', 'Footage of the arrest', 'shows');
    check('Some believe the vote will be close.', 'Some', 'believe');
    check('The Boston Globe reports: the mill will close.', 'The Boston Globe', 'reports');
    // A body after a comma or a name reports too; a noun before "reports" after a verb is a compound.
    check('Ten civilians were killed in Daraa, the agency reports.', 'the agency', 'reports');
    // Commas stripped, the phrase runs back over the place before the name.
    assert.match(analyze('Ten civilians were killed in Daraa SANA news agency reports.').attributions[0]?.source.text ?? '', /SANA news agency$/);
    assert.deepStrictEqual(analyze('Journalists read the agency reports.').attributions, []);
  });
  it('does not read a participle after its noun as a cue', () => {
    const { attributions } = analyze('A poll released last week found that most voters were undecided.');
    assert.deepStrictEqual(attributions.map((a) => [a.source.text, a.cue.text]), [['A poll', 'found']]);
  });
  it('does not read a participle before its noun, or a clause of anonymity, as a cue', () => {
    const sources = (text: string) => analyze(text).attributions.map((a) => [a.source.text, a.cue.text]);
    assert.deepStrictEqual(sources('The number of confirmed cases rose to 40 by Friday.'), []);
    assert.deepStrictEqual(sources('A reported 30 people were wounded in two towns.'), []);
    // Ways of speaking report no one's words.
    assert.deepStrictEqual(sources("Let's say a family earns more next year."), []);
    assert.deepStrictEqual(sources('Having said that, the plan may still pass.'), []);
    // A toll "claimed" lives; it claimed nothing.
    assert.deepStrictEqual(sources('A chemical attack in Idlib claimed the lives of some 80 people.'), []);
    assert.deepStrictEqual(sources('Cross-border fire has claimed 21 lives this year.'), []);
    check('The group claimed the attack on Sunday.', 'The group', 'claimed');
    // A cue word after an article is a noun: "blast" is a verb of criticism only with a subject.
    assert.deepStrictEqual(sources('Nine people were wounded in the blast.'), []);
    assert.deepStrictEqual(sources('Officials, who declined to be named, said five people died.'), [['Officials', 'said']]);
    // A verb with its object still reads: "confirmed the deaths".
    check('The ministry confirmed the deaths of two guards.', 'The ministry', 'confirmed');
  });
  it('reads a participle with its agent after "by", and "called on"', () => {
    check('The fine, imposed by the State Water Board, was the largest in a decade.', 'the State Water Board', 'imposed');
    check('Councillor Brandt called on the utility to refund its customers.', 'Councillor Brandt', 'called');
  });
  it('reads "but has said" with the subject of the sentence', () =>
    check('The minister praised the plan but has said the costs must fall.', 'The minister', 'has said'));
  it('leaves out what is said in the later sentences of a quotation', () => {
    const text = 'The vote is near. "Rivals want a photo op. They want a slogan. We want answers," Mayor Ortiz said.';
    const sources = analyze(text).attributions.map((a) => a.source.text);
    assert.deepStrictEqual(sources, ['Mayor Ortiz']);
  });
  it('reads a pronoun written together with its auxiliary, and a pronoun after "in which"', () => {
    check('Since then she’s promoted the tax credit at every stop.', 'she’s', 'promoted');
    check('He gave an interview in which he said the mill would stay open.', 'he', 'said');
  });
  it('reads the verb of a title-case headline', () => check('Governor Ames Says Budget Will Pass Next Week', 'Governor Ames', 'Says'));
  it('does not read a clause that describes a noun as an attribution', () => {
    const { attributions } = analyze('The mayor praised the projects she supported. Critics mocked what he called a plan.');
    assert.deepStrictEqual(attributions.map((a) => a.source.text), ['The mayor', 'Critics']);
  });
  it('does not read modifiers before a noun as a source', () => {
    const { attributions } = analyze('The Harlow campaign would not comment. His early-morning tweets drew criticism in swing states.');
    assert.deepStrictEqual(attributions.map((a) => a.cue.text), []);
  });
  it('ends a source phrase, commas stripped, at the counted noun before it', () => {
    check('The blasts killed 18 people including 10 children Lebanese TV channel Al-Mayadin reported.', 'Lebanese TV channel Al-Mayadin', 'reported');
    check('Shelling wounded 25 others Ibrahim Abu Leys told the agency.', 'Ibrahim Abu Leys', 'told');
  });
  it('reads "said X" after an agent of a passive, with the comma stripped', () =>
    check('The fighters had been trained by Washington said the Syrian Observatory for Human Rights.', 'the Syrian Observatory for Human Rights', 'said'));
  it('reads "said X" where the comma was stripped and only the phrase after can be a source', () =>
    check('The town lies near a military airport said the Observatory which counts the dead.', 'the Observatory', 'said'));
  it('reads "said X" after a relative clause whose commas were stripped, not the phrase the clause describes', () =>
    check('Shells hit towns especially Al-Bab which lies near a military airport said the Observatory.', 'the Observatory', 'said'));
  it('does not read nouns and adjectives as cues', () => {
    const { attributions } = analyze('Initial reports of damage came in. The United States sent aid after a similar warning.');
    assert.deepStrictEqual(attributions.map((a) => a.cue.text), []);
  });
  it('reads what follows "X said at least" as what X said', () => {
    const text = 'The ministry said 40 people had died, while a rescue group said at least 55 were killed.';
    const { attributions, claims } = analyze(text);
    const group = attributions.find((a) => a.source.text === 'a rescue group')!;
    assert.strictEqual(text.slice(group.content!.start, group.content!.end), 'at least 55 were killed');
    assert.deepStrictEqual(claims.map((c) => [c.count.text, c.attribution?.source.text]), [['40', 'The ministry'], ['at least 55', 'a rescue group']]);
  });
  it('reads "said Dr. X" through the title\'s full stop', () =>
    check('"Nine of the wounded are children," said Dr. Layla Haddad, who runs the clinic.', 'Dr. Layla Haddad', 'said'));
  it('reads the speaker before "said on Facebook", not the place it was said', () => {
    const text = "Six people were killed, the agency's spokesman Walid al-Amri said on Facebook.";
    check(text, "the agency's spokesman Walid al-Amri", 'said');
    const { attributions } = analyze(text);
    assert.ok(!attributions.some((a) => a.source.text.startsWith('on ')));
  });
  it('reads the speaker before a clause of anonymity, "X was quoted as saying", and "according to initial reports"', () => {
    check('Twenty people were killed, a hospital official who declined to be named said.', 'a hospital official', 'said');
    check('A resident who spoke on condition of anonymity told reporters that 11 people died.', 'A resident', 'told');
    check('The governor was quoted as saying that 30 people had died.', 'The governor', 'was quoted as saying');
    check('According to initial reports, six people were killed.', 'initial reports', 'According to');
  });
  it('reads no source in a participle or in a noun of harm or of an event', () => {
    const sources = (text: string) => analyze(text).attributions.map((a) => a.source.text);
    assert.deepStrictEqual(sources('Police detained two guards accused of smuggling weapons.'), []);
    assert.deepStrictEqual(sources('Death toll climbs to 9 as new casualties reported in the north'), []);
    assert.deepStrictEqual(sources('The explosions reported in the capital damaged a school.'), []);
    assert.deepStrictEqual(sources('Mogadishu bombing toll put at 79'), []);
    // A group claims the attack, not the figure.
    assert.deepStrictEqual(sources('Nine people died in the bombing, which the group claimed.'), []);
  });
  it('resolves "he said" and "the group said" to the actor', () => {
    const text =
      'Colonel Karim Aboud commands the brigade. Three of his men were hurt, he said. ' +
      'The Free Syrian Army denied the report. The attack failed, the group said.';
    const { attributions, entities } = analyze(text);
    const he = attributions.find((a) => a.source.text === 'he')!;
    const group = attributions.find((a) => a.source.text === 'the group')!;
    assert.strictEqual(entities.find((e) => e.id === he.entityId)?.name, 'Karim Aboud');
    assert.strictEqual(entities.find((e) => e.id === group.entityId)?.name, 'Free Syrian Army');
  });
  it('resolves "he said" to the speaker quoted last, named or not, sentences apart', () => {
    // A claim sourced by "he" names the antecedent as its source.
    const antecedents = (text: string) => analyze(text).claims.map((c) => c.attribution?.source.text);
    // An unnamed speaker quoted after the last named person is the one who goes on.
    assert.deepStrictEqual(
      antecedents('Karim Aboud leads the brigade. A police officer told reporters the road was shut. Two men died, he said.'),
      ['A police officer'],
    );
    // A person named after the unnamed speaker is.
    assert.deepStrictEqual(
      antecedents('A police officer told reporters the road was shut. Karim Aboud arrived later. Two men died, he said.'),
      ['Karim Aboud'],
    );
  });
  it('resolves "the group said" to the organisation last quoted, not the last one named', () => {
    const text =
      'The Free Syrian Army said the town had fallen. Hezbollah fighters were seen nearby. ' +
      'Four fighters died, the group said.';
    const { attributions, entities } = analyze(text);
    const group = attributions.find((a) => a.source.text === 'the group')!;
    assert.strictEqual(entities.find((e) => e.id === group.entityId)?.name, 'Free Syrian Army');
  });
});
