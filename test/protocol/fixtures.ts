// Articles for the protocol tests, written for them (invented events, realistic wire style). Each one
// exists for a reason given above it; tests locate spans in them by text, never by hard-coded offsets.

/**
 * A shelling report with one claim per kind of attribution: "according to activists" (killed, at least
 * 12), "The Syrian Observatory for Human Rights said" (injured, 30) and an unattributed one (four
 * soldiers). A colonel gives a titled person with a later short mention (the title is a role, not
 * part of the name).
 */
export const MARKET_SHELLING = `Shelling hits Maarat market, activists say

MAARAT AL-NUMAN, Syria, June 4, 2019 — Government shelling struck a crowded market in the town of Maarat al-Numan in Idlib province on Tuesday, killing at least 12 people, according to activists.

The Syrian Observatory for Human Rights said 30 people were wounded. Colonel Hassan Barakeh, the head of the civil defence in Idlib, said his teams were still searching the rubble. Rescuers needed more ambulances, Colonel Barakeh said.

Four soldiers were killed in a separate attack on an army post near Khan Sheikhoun.

Syrian state television did not report the market shelling.
`;

/**
 * The same incident as MARKET_SHELLING, same place and day, told by state television with a toll (5)
 * below the activists' "at least 12": a cross-article casualty-conflict. It mentions the Observatory
 * too, for references across files.
 */
export const STATE_TV_ROCKET = `Rocket attack on Maarat al-Numan market

MAARAT AL-NUMAN, Syria, June 4, 2019 — Syrian state television said 5 people were killed in the town of Maarat al-Numan in Idlib province on Tuesday when a rocket launched by "terrorists" hit a market.

The Interior Ministry said police arrested two men. The Syrian Observatory for Human Rights said it could not confirm the figure.
`;

/** STATE_TV_ROCKET with a toll (15) that agrees with "at least 12": no conflict. */
export const STATE_TV_ROCKET_AGREEING = STATE_TV_ROCKET.replace('said 5 people', 'said 15 people');

/** A report with no casualty claim at all (an article can be about anything). */
export const NO_CLAIMS = `Aid convoy reaches Douma

DOUMA, Syria, April 2, 2018 — A convoy of 40 trucks carrying food and medicine reached the besieged town of Douma on Monday, the United Nations said.

The World Food Programme said the supplies would feed 27,500 people for a month.
`;

/** One unattributed claim, for tests that move it around (CRLF, astral characters, tags). */
export const UNATTRIBUTED_ONLY = `Blast in Jableh

JABLEH, Syria, May 23, 2016 — Two car bombs exploded at the entrance of the hospital in Jableh on Monday morning.

Nine civilians were killed in the second explosion.
`;
