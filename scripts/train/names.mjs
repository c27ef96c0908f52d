// Names for mention-replacement augmentation. CoNLL-2003 is 1996 Reuters news: it has almost no Arabic
// place names and none of the actors of the Syrian war, and its "X al-Y" names are all people. Swapping
// a share of its LOC, PER and ORG mentions for names of the kind NewsLens reads teaches the model that
// "Busra al-Harir" in a place context is a place and "Mohammed al-Khatib" in a person context a person:
// the context, which CoNLL does teach, decides. Written for this project; places come from the
// gazetteer at training time.

const GIVEN_NAMES = (
  'Mohammed Muhammad Ahmed Ahmad Ali Hassan Hussein Omar Khaled Khalid Mahmoud Mustafa Ibrahim Youssef Yusuf ' +
  'Abdullah Samir Fadi Rami Bassel Maher Walid Ziad Nabil Fatima Aisha Zeinab Rania Layla Huda Amal Nour Salim ' +
  'Tariq Jamal Hamza Anas Bilal Osama Faisal Hisham Karim Majid Nasser Qasim Riad Saleh Talal Wael Yasser ' +
  'Bashar Hafez Rifaat Asma Bouthaina Haitham Ghassan Adnan Munir Marwan Jihad Imad Ayman Suheil Issam'
)
  .split(' ')
  .concat(['Abu Mohammed', 'Abu Omar', 'Abu Ahmad', 'Abdel Rahman', 'Abdul Karim']);

const FAMILY_NAMES = (
  'al-Assad al-Hassan Khalil Haddad al-Khatib Darwish al-Masri Othman al-Ahmad Suleiman Makhlouf al-Jaafari ' +
  'al-Moallem Shaaban Hamdan al-Zoubi al-Halabi al-Homsi Kanaan al-Shami Nasrallah al-Hariri Mikati Jumblatt ' +
  'al-Baghdadi al-Julani al-Abdullah al-Omar Mansour Saleh Hijazi al-Rifai Barakat Qassem al-Sharaa Tlass ' +
  'al-Bashir Qabbani al-Mohammad Abdel-Aziz Hammoud al-Tamimi al-Dulaimi al-Jubouri al-Maliki Barzani Talabani'
).split(' ');

/** Armed groups, parties, agencies and monitors of the conflicts NewsLens reads about (all ORG). */
const ORGANISATIONS = [
  'Islamic State',
  'Nusra Front',
  'Jabhat al-Nusra',
  'Free Syrian Army',
  'Hezbollah',
  'Jaish al-Islam',
  'Ahrar al-Sham',
  'Hayat Tahrir al-Sham',
  'Syrian Democratic Forces',
  "People's Protection Units",
  'YPG',
  'SDF',
  'al-Qaeda',
  'Daesh',
  'ISIS',
  'ISIL',
  'White Helmets',
  'Syrian Civil Defence',
  'Syrian Arab Red Crescent',
  'SANA',
  'Syrian Observatory for Human Rights',
  'Local Coordination Committees',
  'Syrian National Coalition',
  'Baath Party',
  'Republican Guard',
  'Fourth Division',
  'Kurdish National Council',
  'Popular Mobilisation Forces',
  'Revolutionary Guards',
  'Jaish al-Fatah',
  'Faylaq al-Rahman',
  'Nour al-Din al-Zenki',
];

const PLACE_COUNTRIES = new Set(['SY', 'IQ', 'LB', 'JO', 'PS', 'YE']);
const ARTICLES = /^(al|ash|an|ar|as|az|at|ad|adh|ath|el|ed|ez|es)$/i;

/**
 * A gazetteer name as English news writes it: diacritics and transliteration marks dropped, a
 * leading or inner Arabic article joined to its word by a hyphen ("Suq ash-Shuyukh", "al-Qaim").
 */
function newsStyle(name) {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'`ʻʼʿʾ]/g, '');
  if (!/^[A-Za-z -]+$/.test(folded)) return null;
  const words = folded.split(/\s+/);
  const out = [];
  for (let i = 0; i < words.length; i++) {
    if (ARTICLES.test(words[i]) && i + 1 < words.length) {
      const article = i === 0 ? words[i][0].toUpperCase() + words[i].slice(1).toLowerCase() : words[i].toLowerCase();
      out.push(`${article}-${words[i + 1]}`);
      i++;
    } else {
      out.push(words[i]);
    }
  }
  // GeoNames also holds descriptive names ("... upper"); news writes every word of a name capitalised.
  return out.every((w) => /^(?:[A-Za-z]{1,3}-)?[A-Z][a-z]/.test(w)) ? out.join(' ') : null;
}

/** Place names of the region from the gazetteer data (rows [name, countryCode, lat, lon, population]). */
export function regionalPlaceNames(gazetteerData) {
  const names = new Set();
  for (const [name, code] of gazetteerData.places) {
    if (!PLACE_COUNTRIES.has(code)) continue;
    const styled = newsStyle(name);
    if (styled) names.add(styled);
  }
  return [...names].sort();
}

/**
 * Replacement makers per entity type: the probability that a mention is swapped, and a maker that
 * takes the seeded generator and the mention's length in words and returns a name. The rates were
 * chosen on CoNLL dev and probe-sentences.txt together: higher ones cost CoNLL dev more (unknown
 * capitalised words drift towards places), and places and people are swapped at the same rate so
 * that "X al-Y" stays a matter of context. Organisations are swapped rarely, since most CoNLL
 * organisations are clubs and companies whose contexts say little about armed groups.
 */
export function replacementMakers(placeNames) {
  const pick = (list, random) => list[Math.floor(random() * list.length)];
  return {
    LOC: { probability: 0.2, make: (random) => pick(placeNames, random) },
    // A one-word mention is a surname on second reference ("Assad said"), so it gets one too.
    PER: {
      probability: 0.2,
      make: (random, words) =>
        words === 1 ? pick(FAMILY_NAMES, random) : `${pick(GIVEN_NAMES, random)} ${pick(FAMILY_NAMES, random)}`,
    },
    ORG: { probability: 0.05, make: (random) => pick(ORGANISATIONS, random) },
  };
}
