// Word lists the rules lean on. Facts about the world (organisation names and their acronyms), not
// article text.

/** Known actors: canonical name, kind, and the other names the press uses for them. */
export const KNOWN_ACTORS: Array<{ name: string; kind: 'organization' | 'person'; aliases: string[] }> = [
  {
    name: 'Syrian Observatory for Human Rights',
    kind: 'organization',
    aliases: ['SOHR', 'Observatory', 'Britain-based monitor', 'British-based monitor', 'UK-based monitor',
      'Britain-based Syrian Observatory for Human Rights', 'Syrian Observatory'],
  },
  {
    name: 'Islamic State',
    kind: 'organization',
    aliases: ['IS', 'ISIS', 'ISIL', 'Daesh', 'Daish', 'Islamic State group', 'Islamic State of Iraq and the Levant',
      'Islamic State of Iraq and Syria', 'Islamic State in Iraq and Syria', 'Islamic State of Iraq and al-Sham'],
  },
  { name: 'Free Syrian Army', kind: 'organization', aliases: ['FSA'] },
  { name: 'Syrian Arab News Agency', kind: 'organization', aliases: ['SANA'] },
  { name: 'Agence France-Presse', kind: 'organization', aliases: ['AFP', 'Agence France Presse'] },
  { name: 'Associated Press', kind: 'organization', aliases: ['AP'] },
  { name: 'Reuters', kind: 'organization', aliases: ['Thomson Reuters'] },
  { name: 'Al Jazeera', kind: 'organization', aliases: ['Al-Jazeera', 'Aljazeera'] },
  { name: 'Al Arabiya', kind: 'organization', aliases: ['Al-Arabiya', 'Alarabiya'] },
  { name: 'United Nations', kind: 'organization', aliases: ['UN', 'U.N.'] },
  { name: 'UN Security Council', kind: 'organization', aliases: ['Security Council', 'U.N. Security Council', 'United Nations Security Council'] },
  { name: 'World Health Organization', kind: 'organization', aliases: ['WHO'] },
  { name: 'International Committee of the Red Cross', kind: 'organization', aliases: ['ICRC', 'Red Cross'] },
  { name: 'Syrian Arab Red Crescent', kind: 'organization', aliases: ['SARC', 'Red Crescent'] },
  { name: 'White Helmets', kind: 'organization', aliases: ['Syria Civil Defence', 'Syrian Civil Defence', 'Syria Civil Defense', 'Civil Defence'] },
  { name: 'Doctors Without Borders', kind: 'organization', aliases: ['MSF', 'Medecins Sans Frontieres', 'Médecins Sans Frontières'] },
  { name: 'Human Rights Watch', kind: 'organization', aliases: ['HRW'] },
  { name: 'Amnesty International', kind: 'organization', aliases: ['Amnesty'] },
  { name: 'Arab League', kind: 'organization', aliases: [] },
  { name: 'NATO', kind: 'organization', aliases: ['North Atlantic Treaty Organization'] },
  { name: 'European Union', kind: 'organization', aliases: ['EU'] },
  { name: 'Hezbollah', kind: 'organization', aliases: ['Hizbollah', 'Hizballah', 'Hizbullah'] },
  { name: 'Nusra Front', kind: 'organization', aliases: ['al-Nusra Front', 'Al-Nusra Front', 'Al Nusra Front', 'Jabhat al-Nusra', 'Nusra', 'al-Nusra', 'Jabhat Fateh al-Sham'] },
  { name: 'Hayat Tahrir al-Sham', kind: 'organization', aliases: ['HTS', 'Tahrir al-Sham'] },
  { name: 'Syrian Democratic Forces', kind: 'organization', aliases: ['SDF'] },
  { name: "People's Protection Units", kind: 'organization', aliases: ['YPG', "Kurdish People's Protection Units"] },
  { name: 'Kurdistan Workers Party', kind: 'organization', aliases: ['PKK', "Kurdistan Workers' Party"] },
  { name: 'Ahrar al-Sham', kind: 'organization', aliases: ['Ahrar al-Sham'] },
  { name: 'Jaish al-Islam', kind: 'organization', aliases: ['Jaysh al-Islam'] },
  { name: 'Al Qaeda', kind: 'organization', aliases: ['al-Qaeda', 'Al-Qaeda', 'al-Qaida', 'Al-Qaida', 'al Qaeda', 'Qaeda'] },
  { name: 'Pentagon', kind: 'organization', aliases: [] },
  { name: 'Kremlin', kind: 'organization', aliases: [] },
  { name: 'White House', kind: 'organization', aliases: [] },
  { name: 'Facebook', kind: 'organization', aliases: [] },
  { name: 'Twitter', kind: 'organization', aliases: [] },
  // Where officials post their figures: "the governor wrote on Telegram" names no place.
  { name: 'Telegram', kind: 'organization', aliases: [] },
  { name: 'Instagram', kind: 'organization', aliases: [] },
  { name: 'WhatsApp', kind: 'organization', aliases: [] },
  { name: 'YouTube', kind: 'organization', aliases: [] },
  { name: 'The Wall Street Journal', kind: 'organization', aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'The New York Times', kind: 'organization', aliases: ['New York Times'] },
  { name: 'The Washington Post', kind: 'organization', aliases: ['Washington Post'] },
  { name: 'BBC', kind: 'organization', aliases: [] },
  { name: 'CNN', kind: 'organization', aliases: [] },
  { name: 'Sputnik', kind: 'organization', aliases: [] },
  { name: 'Anadolu Agency', kind: 'organization', aliases: ['Anadolu'] },
  { name: 'Interfax', kind: 'organization', aliases: [] },
  { name: 'TASS', kind: 'organization', aliases: [] },
  { name: 'Hamas', kind: 'organization', aliases: [] },
  { name: 'Taliban', kind: 'organization', aliases: [] },
  // Armed groups and forces of other wars than Syria's.
  { name: 'Boko Haram', kind: 'organization', aliases: [] },
  { name: 'Islamic State West Africa Province', kind: 'organization', aliases: ['ISWAP'] },
  { name: 'Al-Shabaab', kind: 'organization', aliases: ['al-Shabaab', 'Al-Shabab', 'al-Shabab', 'Al Shabaab', 'al Shabaab', 'Shabaab'] },
  { name: 'Houthis', kind: 'organization', aliases: ['Houthi rebels', 'Ansar Allah', 'Ansarallah'] },
  { name: 'Rapid Support Forces', kind: 'organization', aliases: [] },
  { name: 'Sudanese Armed Forces', kind: 'organization', aliases: [] },
  { name: 'Wagner Group', kind: 'organization', aliases: ['Wagner'] },
  { name: 'Israel Defense Forces', kind: 'organization', aliases: ['IDF', 'Israeli Defense Forces'] },
  { name: 'Palestinian Islamic Jihad', kind: 'organization', aliases: ['Islamic Jihad'] },
  { name: 'Lord\'s Resistance Army', kind: 'organization', aliases: ['LRA'] },
  { name: 'M23', kind: 'organization', aliases: ['March 23 Movement'] },
  // Agencies that count the dead and the displaced.
  { name: 'UN Office for the Coordination of Humanitarian Affairs', kind: 'organization', aliases: ['OCHA', 'Office for the Coordination of Humanitarian Affairs'] },
  { name: 'UNICEF', kind: 'organization', aliases: ["UN Children's Fund", "United Nations Children's Fund"] },
  { name: 'UN Refugee Agency', kind: 'organization', aliases: ['UNHCR'] },
  { name: 'International Organization for Migration', kind: 'organization', aliases: ['IOM'] },
  { name: 'Armed Conflict Location and Event Data Project', kind: 'organization', aliases: ['ACLED'] },
  // News agencies quoted for figures.
  { name: 'Xinhua', kind: 'organization', aliases: [] },
  { name: 'Kyodo', kind: 'organization', aliases: [] },
  { name: 'IRNA', kind: 'organization', aliases: ['Islamic Republic News Agency'] },
  { name: 'WAFA', kind: 'organization', aliases: [] },
  { name: 'Ukrinform', kind: 'organization', aliases: [] },
];

/** Titles and roles that precede a name and are not part of it. Multi-word ones first. */
export const TITLES: string[] = [
  'Prime Minister', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Interior Minister',
  'Information Minister', 'Health Minister', 'Deputy Prime Minister', 'Secretary of State', 'Secretary-General',
  'Secretary General', 'UN Secretary-General', 'Vice President', 'Crown Prince', 'Supreme Leader', 'Brigadier General',
  'Major General', 'Lieutenant General', 'Lieutenant Colonel', 'Lt. Col.', 'Maj. Gen.', 'Brig. Gen.', 'Lt. Gen.',
  'Foreign Secretary', 'Defense Secretary', 'Defence Secretary', 'Chief of Staff', 'Prosecutor General',
  'President', 'Pres.', 'King', 'Queen', 'Prince', 'Princess', 'Emir', 'Sheikh', 'Sheik', 'Sultan', 'Colonel', 'Col.',
  'General', 'Gen.', 'Lieutenant', 'Lt.', 'Major', 'Maj.', 'Captain', 'Capt.', 'Sergeant', 'Sgt.', 'Commander',
  'Admiral', 'Adm.', 'Brigadier', 'Minister', 'Secretary', 'Senator', 'Sen.', 'Governor', 'Gov.', 'Mayor',
  'Ambassador', 'Envoy', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Judge', 'Justice', 'Pope', 'Imam', 'Ayatollah',
  'Cardinal', 'Bishop', 'Rev.', 'Reverend', 'Father', 'Dr.', 'Dr', 'Doctor', 'Professor', 'Prof.', 'Mr.', 'Mr',
  'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Chancellor', 'Premier', 'Speaker', 'Representative', 'Rep.', 'Chairman', 'Director',
  'Chief', 'Officer', 'Sergeant Major', 'Private', 'Pvt.', 'Detective', 'Officer', 'Deputy', 'Sheriff', 'Lord', 'Lady', 'Sir',
];

/** Last words that make a capitalised phrase an organisation. */
export const ORG_HEADS = new Set([
  'army', 'forces', 'force', 'ministry', 'council', 'committee', 'brigade', 'brigades', 'battalion', 'battalions',
  'front', 'party', 'movement', 'organization', 'organisation', 'observatory', 'agency', 'news', 'network',
  'television', 'tv', 'times', 'post', 'journal', 'league', 'union', 'nations', 'coalition', 'group', 'corps',
  'guard', 'guards', 'police', 'court', 'government', 'bank', 'company', 'corp', 'corp.', 'inc', 'inc.', 'ltd',
  'university', 'commission', 'office', 'embassy', 'department', 'crescent', 'cross', 'helmets', 'authority',
  'institute', 'foundation', 'association', 'federation', 'club', 'fc', 'assembly', 'parliament', 'senate',
  'congress', 'administration', 'division', 'regiment', 'command', 'unit', 'units', 'militia', 'militias',
  'brotherhood', 'alliance', 'opposition', 'service', 'services', 'intelligence', 'directorate', 'center',
  'centre', 'hospital', 'school', 'press', 'radio', 'channel', 'tribune', 'herald', 'gazette', 'daily',
  'monitor', 'watch', 'international', 'mission', 'board', 'bureau', 'cabinet', 'secretariat', 'fund', 'program',
  'programme', 'airlines', 'airways', 'group', 'holdings', 'exchange', 'jazeera', 'arabiya',
]);

/** First words that make a capitalised phrase an organisation ("Ministry of ...", "Bank of ..."). */
export const ORG_STARTS = new Set(['ministry', 'department', 'bank', 'university', 'office', 'council', 'army', 'committee', 'union', 'federation', 'organization', 'organisation', 'institute', 'league', 'court', 'house', 'board', 'commission', 'church', 'party']);

/** Lower-case nouns after a nationality that name an organisation ("Syrian army", "Turkish military"). */
export const NATIONAL_ORG_NOUNS = new Set(['army', 'military', 'government', 'regime', 'navy', 'police', 'parliament', 'air force', 'foreign ministry', 'defence ministry', 'defense ministry', 'interior ministry', 'health ministry']);

/** Words after which a capitalised phrase is a place ("the town of Busra al-Harir"). */
export const PLACE_NOUNS = new Set([
  'town', 'city', 'village', 'province', 'governorate', 'district', 'neighbourhood', 'neighborhood', 'suburb',
  'region', 'area', 'camp', 'countryside', 'outskirts', 'capital', 'port', 'enclave', 'valley', 'desert',
]);

/** Words following a name that make it a place ("Hama province", "Idlib countryside"). */
export const PLACE_SUFFIXES = new Set(['province', 'governorate', 'countryside', 'district', 'region', 'city', 'valley', 'desert', 'area', 'neighbourhood', 'neighborhood', 'suburb', 'suburbs', 'town', 'village', 'camp', 'mountains', 'plain', 'border', 'crossing', 'airport', 'airbase', 'prison']);

/** First words of Arabic and English place names ("Jabal al-Zawiya", "Deir ez-Zor", "Tal Hamis"). */
export const PLACE_PREFIXES = new Set(['jabal', 'jebel', 'jabel', 'mount', 'lake', 'river', 'tal', 'tell', 'wadi', 'deir', 'dayr', 'kafr', 'kfar', 'ain', 'ayn', 'bab', 'khan', 'tal', 'jisr', 'maarat', 'maarrat', 'ras', 'beit', 'bayt', 'umm', 'qasr', 'sheikh', 'port', 'cape', 'gulf']);

/** Capitalised words for peoples, faiths and regions that are not entities of their own (CoNLL's MISC). */
export const NOT_ENTITIES = new Set(['arab', 'arabs', 'kurdish', 'kurd', 'kurds', 'sunni', 'sunnis', 'shiite', 'shiites', 'shia', 'alawite', 'alawites', 'muslim', 'muslims', 'christian', 'christians', 'islamist', 'islamists', 'jihadist', 'western', 'european', 'druze', 'jewish', 'islamic', 'arabic', 'english', 'ramadan', 'eid', 'christmas', 'god', 'allah', 'internet']);

/** Capitalised words that start sentences or headlines and are not names. */
export const COMMON_CAPITALISED = new Set(
  (
    'a an the in on at of for from to by with as after before during since until while when where what who ' +
    'which why how this that these those there here it its he she they we i you his her their our my your but and ' +
    'or nor so yet if then also however meanwhile earlier later last next today yesterday tomorrow monday tuesday ' +
    'wednesday thursday friday saturday sunday january february march april may june july august september october ' +
    'november december according some many most several all both each every other another no not one two three ' +
    'four five six seven eight nine ten more less few such only just even still about around over under between ' +
    'into through against among without within near outside inside because although though despite following ' +
    'photo caption update updated read share follow leave comments comment reply email advertisement related ' +
    'video watch click subscribe copyright home news world local sources source reports report officials official ' +
    'residents activists witnesses police troops soldiers forces rebels militants fighters government regime ' +
    'state people civilians children women men defectors protesters demonstrators security army military ' +
    'heavy deadly killed dead death deaths attack attacks air strikes airstrikes bomb bombs ' +
    'blast blasts explosion explosions car suicide shelling fighting clashes violence war conflict crisis ' +
    'opposition pro anti regional international western eastern northern southern central north south east west ' +
    'recommend you your email required fields marked date publication last posted by staff writer editor agencies ' +
    'breaking exclusive analysis opinion editorial live up down out off again once twice first second third new old ' +
    'top high low head'
  ).split(' '),
);

/** Nouns naming groups of people: victims when they are harmed, sources when they speak. */
export const GROUP_SOURCE_NOUNS = new Set([
  'activists', 'activist', 'residents', 'resident', 'witnesses', 'witness', 'officials', 'official', 'sources',
  'source', 'medics', 'doctors', 'police', 'authorities', 'monitor', 'observers', 'rebels', 'opposition',
  'spokesman', 'spokeswoman', 'spokesperson', 'ministry', 'army', 'military', 'government', 'media', 'television',
  'tv', 'agency', 'group', 'organisation', 'organization', 'rescuers', 'volunteers',
  'workers', 'commander', 'commanders', 'governor', 'mayor', 'minister', 'president', 'hospital', 'coroner',
  'paramedics', 'investigators', 'prosecutors', 'detectives', 'deputies', 'sheriff', 'troopers', 'officers',
]);

/**
 * A table looked up by a token's text, without a prototype: "constructor" or "toString" in an article
 * must not find what every object inherits.
 */
export function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
