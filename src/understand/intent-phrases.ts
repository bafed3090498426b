// The words people use to sign up or cancel, in Dutch and English. All patterns match folded text (lower
// case, no accents, see text.ts fold). Bounded gaps ({0,60}) keep every pattern linear.

/** Words between a separable verb's parts ("meld ik mij en mijn collega Piet aan"). */
const GAP = "(?:[^.?!;:]|[.:](?=\\S)){0,120}?";
/** A separable particle at the end of its clause, not a preposition ("aan de", "op het"). */
const particle = (p: string) => `\\b${p}\\b(?!\\s+(?:de|het|een|jullie|hen|hem|haar|deze|die|dat)\\b)`;

/** "bij het aanmelden", "het afmelden lukt niet": the verb used as a noun names the act, it asks nothing. */
const NOT_AS_NOUN = '(?<!\\bhet )';

/**
 * Asking whether one may come is asking to come ("Zou ik erbij mogen zijn op do 11/3?", "Kan ik nog mee op
 * 14/1?", "Would it be possible to attend the session on 11 March?"), as long as nothing follows but the
 * session it is about: "Kan ik ook online deelnemen?" asks how, "Can I register for my colleague?" asks for
 * someone the mail must name, and both stay questions.
 */
const EVENT_TAIL = "(?! [^?]*\\b(?:collega|collegas|colleague|colleagues|partner|iemand|someone|hem|haar|him|her|them|online|digitaal|remote|remotely|online|virtually|livestream)\\b)(?: (?:op|bij|aan|voor|in|tijdens|met|on|for|at|to|the|this|that|de|het|deze|die|uw|jullie|your) [^?;]{0,140})?$";
const REQUESTS_TO_ATTEND_AT_START: RegExp[] = [
  // "Kan mijn collega Fleur Arkema ook nog mee?": asking for a named colleague's seat.
  new RegExp(`^(?:(?:en|dus|maar) )?(?:mag|kan|mogen|kunnen) (?:mijn|onze) (?:collega|collegas|collega's|partner|buurman|buurvrouw|stagiair|stagiaire|opvolger|opvolgster|vervanger|leidinggevende|manager|wethouder|voorzitter|secretaris|penningmeester)(?: [a-z-]+){0,4}?(?: (?:ook|nog|eventueel|misschien|alsnog|er))* (?:mee(?:komen|doen)?|komen|erbij (?:zijn|komen)|aansluiten|aanschuiven|deelnemen)(?: (?:op|bij|aan|voor|in|met|de|het|die|deze) [^?,;]{0,100})?$`),
  new RegExp(`^(?:(?:en|dus|maar|hoi|hallo) )?(?:mag|mogen|kan|kunnen|zou|zouden) (?:ik|wij|we)(?: (?:nog|ook|misschien|eventueel|alsnog|er|dan|mogen|kunnen))* (?:erbij (?:mogen |kunnen )?(?:zijn|komen)|(?:er )?(?:nog |ook )?bij (?:zijn|komen)|mee(?:doen|komen)?|komen|aansluiten|aanschuiven|deelnemen)(?: (?:mogen|kunnen|zijn))?${EVENT_TAIL}`),
  new RegExp(`^(?:kan|mag|kunnen|mogen) (?:ik|wij|we) (?:me|mij|ons) (?:meteen |ook |alvast |dan |gelijk |nu |al |vast |toch |alsnog |daarvoor |hiervoor |ervoor )*(?:aanmelden|inschrijven|opgeven)${EVENT_TAIL}`),
  new RegExp(`^(?:zou|zouden) (?:ik|wij|we) (?:me|mij|ons) (?:daarvoor |hiervoor |ervoor |ook |nog |alsnog |dan )*(?:mogen|kunnen) (?:aanmelden|inschrijven|opgeven)${EVENT_TAIL}`),
  new RegExp(`^(?:mag|kan|krijg|mogen|kunnen) (?:ik|wij|we) (?:nog |ook )*(?:een|twee|drie|\\d+) (?:kaartje|kaartjes|plek|plekje|plekken|plaats|plaatsje|plaatsen|stoel|stoelen|ticket|tickets)${EVENT_TAIL}`),
  new RegExp(`^(?:houd|houden|hou) (?:jullie|u|je)\\b[^?]{0,30}\\b(?:plek|plekje|plaats|plaatsje|stoel)\\b[^?]{0,20}\\b(?:warm|vrij)\\b`),
  // "Lukt het nog om me op te geven voor 14 januari?": asks for the seat itself; the desk checks room.
  new RegExp(`^(?:lukt|kan) het (?:nog|ook|nog steeds)? ?(?:om )?(?:me|mij|ons) (?:nog )?(?:op te geven|aan te melden|in te schrijven)${EVENT_TAIL}`),
  new RegExp(`^is (?:het|er) (?:nog )?(?:mogelijk|een mogelijkheid) (?:om )?(?:(?:me|mij|ons) )?(?:aan te melden|in te schrijven|deel te nemen|aan te sluiten|te komen|erbij te zijn|mee te doen)${EVENT_TAIL}`),
  new RegExp(`^(?:would|will|is) it (?:still )?(?:be )?possible (?:for (?:me|us) )?to (?:attend|join|register|participate|come|take part|sign up)${EVENT_TAIL}`),
  new RegExp(`^(?:can|could|may) (?:i|we) (?:still |also )?(?:attend|join|register|come|participate|sign up|take part|(?:reserve|get|have|book) (?:a|one) (?:seat|place|spot|ticket))${EVENT_TAIL}`),
  // "Would it be possible to register my colleague Imogen (imogen@…) and myself for …?": named, with the sender.
  /^(?:would|will|is) it (?:still )?(?:be )?possible (?:for (?:me|us) )?to (?:register|sign up|book|enrol|enroll)\b[^?]{0,160}\b(?:myself|ourselves|me|us)\b/,
  /^(?:is|zou) (?:het|er) (?:nog )?(?:mogelijk|een mogelijkheid)(?: zijn)? (?:om )?[^?]{0,120}\b(?:mij|me|ons|mezelf|mijzelf)\b[^?]{0,20}\b(?:aan te melden|in te schrijven|op te geven)\b/,
];
/** The same after a lead-in: "Which brings me to my actual request: would it be possible to …". */
// Also after a greeting on the same line: "Hi, can I still get a spot for this one?".
export const REQUESTS_TO_ATTEND: RegExp[] = REQUESTS_TO_ATTEND_AT_START.map(
  (re) => new RegExp(re.source.replace(/^\^/, '(?:^|:\\s|^(?:hi|hello|hey|hoi|hallo|dag|goedemorgen|goedemiddag|beste [a-z]+|dear [a-z]+)[,!]?\\s)'), re.flags),
);

export const SIGNUP: RegExp[] = [
  new RegExp(`${NOT_AS_NOUN}\\baanmelden\\b`),
  /\baan te melden\b/,
  new RegExp(`\\bmeld(?:t|en)?\\b${GAP}${particle('aan')}`),
  new RegExp(`${NOT_AS_NOUN}\\binschrijven\\b`),
  /\bin te schrijven\b/,
  new RegExp(`\\bschrijf\\b${GAP}${particle('in')}`),
  /\bopgeven\b/,
  /\bop te geven\b/,
  new RegExp(`\\bgeef\\b${GAP}${particle('op')}`),
  /\b(?:wil|willen|wilt|zou|zouden|graag|kom|komen|ga|gaan)\b[^.?!]{0,30}\bdeel(?:nemen|name)\b/,
  /\bneem\b[^.?!]{0,40}\bdeel\b/,
  /\b(?:bevestig|bevestigen)\b[^.?!]{0,20}\b(?:deelname|aanwezigheid|komst)\b/,
  // Not "ik kom op 8 april toch niet": a "niet" later in the clause turns it around.
  /\b(?:ik|wij|we)\b[^.?!]{0,20}\b(?:kom|komen)\b(?![^.?!,;]*\bniet\b)[^.?!]{0,10}\b(?:graag|ook|naar|op|bij|mee)\b/,
  /\b(?:ik|wij|we)\b (?:kom|komen)(?: graag| ook| zeker| er)*(?=\s*(?:[,;–-]|$))/,
  // "ik kom 11/2", "wij komen de 14e".
  /\b(?:ik|wij|we) (?:kom|komen) (?:graag |zeker |ook )?(?:op |de |dan )?(?:\d{1,2}[-/]\d{1,2}\b|\d{1,2}(?:e|ste|de)?\s+(?:jan|feb|mrt|maart|apr|april|januari|februari)\w*)(?![^.?!,;]*\bniet\b)/,
  // Verb first: "daar kom ik graag naartoe", "dan komen wij zeker".
  /\b(?:kom|komen) (?:ik|wij|we) (?:graag|zeker|heel graag|ook graag|er graag|er zeker|er ook)\b(?![^.?!,;]*\bniet\b)/,
  // Not in a relative clause: "het project waarvoor wij zouden komen staat on hold".
  /(?<!\b(?:waar[a-z]+|die|dat|omdat|toen|zoals) (?:ik|wij|we|ze|zij|hij|jullie|u) )\b(?:wil|willen|wilt|wou|wilde|zou|zouden|graag)\b[^.?!]{0,40}\b(?:komen|aanwezig zijn|bijwonen|erbij zijn|er (?:graag |heel graag |ook |zeker )*bij zijn|meedoen|aansluiten|aanschuiven|meekomen|aanhaken|deel te nemen)\b/,
  // Formal: "Ondergetekende wenst deel te nemen aan …".
  /\b(?:wens|wenst|wensen)\b[^.?!]{0,30}\b(?:deel te nemen|aanwezig te zijn|in te schrijven|aan te melden|bij te wonen)\b/,
  /\btel (?:mij|me|ons) (?:maar |ook |gerust |dan )*mee\b/,
  /\b(?:plek|plekje|plaats|plaatsje|stoel|stoeltje)\b[^.?!]{0,25}\bvrij ?(?:houden|te houden)\b|\bvrij ?houden\b[^.?!]{0,25}\b(?:plek|plekje|plaats|plaatsje|stoel|stoeltje)\b/,
  // "Noteer mij maar voor 11 maart", "graag mij noteren", "schrijf me maar op".
  /\b(?:wil|willen|wilt|zou|zouden|graag)\b[^.?!]{0,40}\ber\b[^.?!]{0,30}\bbij (?:zijn|wezen)\b|\b(?:wil|willen|zou|zouden|graag)\b[^.?!]{0,30}\bvan de partij\b/,
  /\bop de (?:deelnemers|gasten|aanmeld)?lijst (?:zetten|plaatsen|te zetten|te plaatsen)\b/,
  /\bzet (?:mij|me|ons) (?:dan |maar |wel |graag )*neer voor\b/,
  // "Kunnen jullie mijn plek terugzetten?" after cancelling: signing up again.
  /\b(?:mijn|onze) (?:plek|plaats|aanmelding|inschrijving)(?:je)?\b[^.?!]{0,20}\b(?:terugzetten|terug zetten|terug te zetten|herstellen|weer activeren)\b/,
  /\b(?:wil|willen|wilt|zou|zouden|graag)\b[^.?!]{0,20}\bnaar (?:de|het|jullie) (?:[a-z]+-)?(?:kennis)?(?:sessie|bijeenkomst|middag|workshop)\b/,
  // "Mag ik een kaartje voor 11 februari?", "houden jullie een plekje warm?", "kun je me inplannen?".
  /\b(?:mag|kan|krijg|wil|zou|mogen|kunnen|willen) (?:ik|wij|we) (?:nog |graag |ook )*(?:een|twee|drie|\d+) (?:kaartje|kaartjes|plekje|plek|plekken|plaats|plaatsje|plaatsen|stoel|stoelen|ticket|tickets)\b/,
  /\b(?:houd|houden|hou)\b[^.?!]{0,25}\b(?:plek|plekje|plaats|plaatsje|stoel)\b[^.?!]{0,10}\b(?:warm|vrij)\b/,
  /\b(?:plan|boek) (?:me|mij|ons) (?:maar |graag |dan )*in\b|\b(?:me|mij|ons)\b(?: [a-z]+){0,3} (?:in ?plannen|inboeken|bijschrijven)\b/,
  // "Zou u ons beiden als deelnemer willen opnemen?", "noteer haar als deelnemer".
  /\bals (?:deelnemer|deelneemster|deelnemers|gast|gasten)\b[^.?!]{0,20}\b(?:opnemen|op te nemen|noteren|registreren|inschrijven|toevoegen|aanmelden|bijschrijven)\b|\b(?:neem|noteer|registreer|schrijf)\b[^.?!]{0,25}\bals (?:deelnemer|deelneemster|deelnemers)\b/,
  /\bschrijf (?:mij|me|ons) (?:maar |graag |even |alvast |ook )*bij\b/,
  /\bacte de presence\b/,
  /\bdoe (?:mij |me |ons )?(?:er )?(?:ook |dan |maar )*eentje\b/,
  // "Wij komen met z'n drieën op 11 februari:" above a list of names.
  /\b(?:wij|we) (?:komen|zijn er|zijn erbij) (?:graag |ook |dan |zeker )*met (?:z'?n|zijn|ons) (?:tweeen|drieen|vieren|vijven|zessen|\d+)\b/,
  /\bdoe (?:mij|me|ons) (?:maar |dan |graag )*(?:een |twee |drie |\d+ )?(?:plek|plekje|plekken|plaats|plaatsje|plaatsen|stoel|stoeltje)\b/,
  /\bnoteer\b[^.?!]{0,20}\b(?:mij|me|ons|mijn naam|onze namen)\b|\b(?:mij|me|ons) (?:maar |graag |even |alvast |ook )*(?:noteren|opschrijven)\b/,
  /\bschrijf (?:mij|me|ons) (?:maar |graag |even |alvast |ook )*op\b/,
  // "Ik schuif graag aan", "wij sluiten graag aan", "ik doe mee", "reken maar op mij".
  /\b(?:ik|wij|we) (?:schuif|schuiven|sluit|sluiten)\b[^.?!]{0,30}\baan\b(?! (?:bij (?:de|het) (?:overleg|vergadering|gesprek)))/,
  /\baan te (?:schuiven|sluiten)\b/,
  /\b(?:ik|wij|we) (?:doe|doen) (?:graag |ook |zeker |gewoon )*mee\b/,
  /\breken (?:maar |gerust )?op (?:mij|ons)\b|\b(?:ben|zijn) (?:ook |zeker |graag )*van de partij\b/,
  /\b(?:ik|wij|we) (?:ga|gaan|wil|willen) (?:graag |ook |heel graag |zeker )*mee\b(?! (?:met|naar huis|doen aan|denken|praten))/,
  // Flemish: "een plaatsje voorbehouden".
  /\b(?:plek|plekje|plaats|plaatsje|plaatsen)\b[^.?!]{0,20}\bvoorbehouden\b|\bvoorbehouden\b[^.?!]{0,20}\b(?:plek|plekje|plaats|plaatsje)\b/,
  ...REQUESTS_TO_ATTEND,
  // Taking a seat that is offered: "Jazeker, die plek wil ik graag!", "I'll gladly take the seat".
  /\b(?:die|de|deze) (?:plek|plaats)(?:je)? (?:wil|neem) (?:ik|wij|we)\b|\b(?:ik|wij|we) (?:neem|nemen) (?:die|de|deze) (?:plek|plaats)(?:je)?\b/,
  /\b(?:i'?ll|i will|i'd|we'?ll|we will) (?:gladly |happily |certainly |gratefully )?(?:take|accept) (?:the|that|this|your) (?:seat|spot|place|offer)\b/,
  /\b(?:ben|zijn) (?:er )?(?:graag )?(?:bij|aanwezig)\b/,
  /\bik ben erbij\b|\bwij zijn erbij\b|\bwe zijn erbij\b/,
  /\breserve(?:er|ren)\b[^.?!]{0,30}\b(?:plek|plaats|plekken|plaatsen|stoel|stoelen)\b|\b(?:plek|plekje|plaats|plaatsje|plekken|plaatsen|stoel|stoelen)\b[^.?!]{0,20}\breserveren\b/,
  /\bgraag (?:een |\d+ |twee |drie )?(?:plek|plekje|plaats|plekken|plaatsen)\b/,
  /\b(?:zet|zetten|voeg|voegen|plaats|plaatsen)\b[^.?!]{0,40}\b(?:op|aan|bij) de (?:deelnemers|gasten|aanmeld)?lijst\b/,
  /\bvoeg (?:mij|me|ons) (?:maar |graag |even )*toe\b/,
  // "Kunnen jullie me registreren?", "zou daar graag bij joinen", "kun je haar erop zetten?".
  /\b(?:me|mij|ons|hem|haar|hen)\b(?: [a-z]+){0,2} (?:registreren|laten registreren)\b|\bregistreer (?:me|mij|ons|hem|haar)\b/,
  /\b(?:wil|willen|wilt|zou|zouden|graag)\b[^.?!]{0,30}\b(?:joinen|attenden)\b/,
  /\bzet (?:me|mij|ons|hem|haar) (?:er|d'r) (?:[a-z]+ ){0,3}(?:op|bij|in)\b|\b(?:zet|zetten)\b[^.?!]{0,25}\b(?:erop|er op|erbij|er (?:nog |ook )*bij)\b|\b(?:erbij|er (?:nog |ook )*bij|erop|erin) (?:zetten|doen|schrijven|noteren)\b/,
  // Staff: "Net aan de telefoon gehad, kan deze erin?", "mag hij er nog bij?".
  /(?:^|[,;:] ?)(?:kan|kunnen|mag|mogen) (?:deze|die|hij|zij|ze|hem|haar)(?: (?:nog|ook|dan|even))* (?:erin|erbij|er (?:nog |ook )*bij|erop|op de lijst)\b/,
  // "Mijn collega Jelle (in de cc) wil ook graag mee": a colleague's wish, passed on to be carried out.
  /\b(?:collega|colleague)\b[^.?!]{0,40}\b(?:wil|wilt|willen|would like|wants|would love) (?:(?:ook|graag|heel graag|erg graag|also|to|very much) )*(?:mee|komen|meekomen|come|join|attend)\b/,
  // English
  /\bregister\b/,
  /\b(?:put|get|add) (?:me|us|him|her|them|my name|our names) (?:on|to) (?:the|your) (?:list|guest ?list|attendee list|attendees list|registration list|participants list)\b/,
  /\bsign(?:ing)? (?:me |us |him |her |them |my colleagues? )?up\b|\bsign (?:me|us) and\b[^.?!]{0,40}\bup\b/,
  // Dutch English: "I want to sign in for the session", "subscribe me for the meeting".
  /\b(?:sign (?:me |us )?in|subscribe(?: me| us)?|inscribe(?: me| us)?) (?:for|to) (?:the|this|your) (?:session|meeting|event|workshop|afternoon)\b/,
  /\bput (?:me|us|my name|our names|him|her|them)\b[^.?!]{0,12}\bdown\b/,
  /\badd (?:me|us|my name|our names|him|her|them)\b[^.?!]{0,25}\b(?:list|attendees|participants|guest ?list|session|event)\b/,
  /\badd\b[^.?!]{0,30}\b(?:colleagues?|persons?|people|names?|participants?|attendees?)\b[^.?!]{0,25}\b(?:list|registration|session|event)\b/,
  /\bbook (?:me|us|him|her|them) (?:in|a seat|a place|a spot)\b|\bsave (?:me|us) a (?:seat|spot|place)\b/,
  /\binclude (?:me|us)\b(?! in (?:your|the) (?:mailing|newsletter))/,
  /^(?:i'm|i am|we're|we are) in$/,
  /\benrol(?:l)?\b/,
  /\b(?:like|love|want|wish|plan|going|would|will|'d|'ll|keen|happy|glad|pleased|eager|hoping)\b[^.?!]{0,20}\b(?:attend|attending|join|participate|come|be there|take part)\b/,
  /\b(?:i|we) (?:will|shall|'ll) be (?:attending|there|joining)\b/,
  /\bcount (?:me|us) in\b|\bcount (?:me|us) and\b[^.?!]{0,40}\bin\b/,
  /\b(?:reserve|book|save|claim|grab|snag|get)\b[^.?!]{0,20}\b(?:seat|seats|spot|spots|place|places|ticket|tickets)\b/,
  /\bget (?:me|us) (?:registered|signed up|booked|on the list)\b/,
  /\b(?:i'd|i would|we'd|we would|i'll|i will) (?:like|love|need|want|take|appreciate) (?:a|one|two|\d+) (?:seat|spot|place)s?\b/,
];

/**
 * Signup nouns ("Hierbij mijn aanmelding", "Telefonische aanmeldingen:", "Registration for session 2").
 * They also name what is being cancelled ("mijn aanmelding annuleren"), so they count only in clauses
 * without a cancel phrase.
 */
export const SIGNUP_NOUNS: RegExp[] = [
  /\b(?:hierbij|bij deze|graag|hier is|hierbij ook)\b[^.?!]{0,30}\b(?:aanmelding|inschrijving)(?:en)?\b/,
  /\b(?:aanmelding|inschrijving)(?:en)? (?:bij deze|hierbij)\b/,
  // Not "mijn aanmelding voor 8 april kan de prullenbak in": a registration someone has, not a new one.
  /^(?:(?:telefonische|nieuwe|graag|een|mijn|onze) )?(?:aanmelding|inschrijving)(?:en)?\b(?! (?:is|was|staat|gelukt|ontvangen|bevestigd))(?![^.?!,;]{0,60}\b(?:kan|mag|moet|mogen|kunnen|moeten|vervalt|vervallen|blijft|blijven|houden|behouden|aanhouden|handhaven|wijzigen|aanpassen|overzetten|omzetten|verplaatsen|laat|laten|staan)\b)/,
  /^(?:new )?(?:registration|sign[- ]?up)\b(?! (?:is|was|has|confirmed|received))/,
];

/** Cancel phrases that can be negated by "niet"/"not" before them ("ik wil me niet afmelden"). */
export const CANCEL: RegExp[] = [
  new RegExp(`${NOT_AS_NOUN}\\bafmelden\\b`),
  /\bafmelding\b/,
  /\baf te melden\b/,
  /\bafgemeld (?:worden|word|wordt|te worden)\b/,
  new RegExp(`\\bmeld(?:t|en)?\\b${GAP}${particle('af')}`),
  /\buitschrijven\b/,
  /\buit te schrijven\b/,
  new RegExp(`\\bschrijf\\b${GAP}${particle('uit')}`),
  /\bannule(?:ren|er|ert|ring)\b/,
  /\b(?:aanmelding|inschrijving|deelname)(?:en)?\b[^.?!]{0,60}\b(?:intrekken|in te trekken|laten vervallen)\b/,
  // "Mag mijn naam van de lijst?"
  /\b(?:mag|mogen|kan|kunnen) (?:mijn|onze|zijn|haar|hun) (?:naam|namen)\b[^.?!]{0,15}\b(?:van de lijst|eraf|er af|weg|geschrapt|doorgestreept)\b/,
  /\b(?:trek|trekken|trekt)\b[^.?!]{0,40}\b(?:aanmelding|inschrijving|deelname)(?:en)?\b[^.?!]{0,120}?\bin\b/,
  /\bafzeggen\b|\baf te zeggen\b/,
  new RegExp(`\\bzeg\\b${GAP}${particle('af')}`),
  /\bschrap(?:pen)?\b/,
  /\b(?:haal|halen|verwijder|verwijderen|zet|schrap|streep|gooi|doe)\b[^.?!]{0,30}\b(?:van|uit) de (?:deelnemers|gasten|aanmeld|wacht)?lijst\b/,
  /\bstreep (?:mij|me|ons|mijn naam|onze namen) (?:maar |dan |even |gerust )*(?:door|weg|af)\b/,
  // "Ik moet helaas afhaken", "ik haak af", "ik zie af van deelname", "ik moet passen".
  /\bafhaken\b|\bhaak (?:ik |wij |we )?(?:helaas |toch |dus |dan )*af\b/,
  /\b(?:zie|zien) (?:ik |wij |we )?(?:helaas |toch |dus |noodgedwongen )*(?:er )?(?:van )?af van (?:deelname|de sessie|de bijeenkomst|mijn aanmelding|onze aanmelding)\b|\bafzien van (?:deelname|mijn aanmelding)\b/,
  /\b(?:(?:moet|moeten|zal|zullen) (?:ik|wij|we)|(?:ik|wij|we) (?:moet|moeten|zal|zullen)) (?:helaas |toch |dus |deze keer |dit keer |jammer genoeg )*passen\b/,
  // Flemish "mij verontschuldigen": excusing oneself from a meeting one was expected at.
  /\b(?:moet|wil|zal|moeten|willen|zullen) (?:ik |wij |we )?(?:mij|me|ons) (?:helaas |toch |dus |jammer genoeg )*(?:(?:voor|op) [^.?!]{0,40})?verontschuldigen\b|\bverontschuldig (?:mij|me|ons)\b/,
  // "Mijn aanmelding mag dus vervallen", "haar aanmelding kan eruit", "mag mijn inschrijving geannuleerd worden".
  /\b(?:mijn|zijn|haar|onze|hun|de|die) (?:aanmelding|inschrijving|registratie|reservering|deelname)\b[^.?!]{0,40}\b(?:mag|kan|moet|mogen|kunnen|moeten)\b[^.?!]{0,20}\b(?:vervallen|eruit|weg|geschrapt|doorgehaald|geannuleerd|ingetrokken|verwijderd|(?:de|in de) prullenbak)\b/,
  /\b(?:aanmelding|inschrijving)\b[^.?!]{0,40}\bongedaan (?:maken|te maken)\b/,
  /\b(?:het )?(?:laten|laat) afweten\b/,
  /\baan (?:mij|me|ons) voorbij (?:laten|te laten|laat) gaan\b/,
  /\b(?:trek|trekken) (?:me|mij|ons) (?:helaas |toch |dus |voor [^.?!]{0,20})*terug\b|\b(?:me|mij|ons) terug (?:te )?trekken\b/,
  /^(?:red|haal) (?:het )?[^.?!]{0,20}\bniet\b(?! (?:op tijd|om|voor|tot))/,
  /\b(?:mij|me|ons|hem|haar)\b[^.?!]{0,40}\bafvoeren\b/,
  /\b(?:van|uit|af) de (?:deelnemers|gasten|aanmeld|wacht)?lijst (?:af )?(?:halen|te halen|afhalen|schrappen|verwijderen)\b/,
  /\b(?:haal|halen|haalt)\b[^.?!]{0,25}\b(?:eraf|er af|van de (?:deelnemers|gasten|aanmeld)?lijst|uit de (?:deelnemers|gasten|aanmeld)?lijst)\b|\b(?:me|mij|ons|hem|haar|hen|ze)\b[^.?!]{0,20}\b(?:eraf|er af|van de lijst) (?:te )?halen\b/,
  /\b(?:plek|plekje|plaats|plaatsje|kaartje)\b(?: (?:helaas|toch|dus|maar|dan|wel|even|echt))* (?:in ?leveren|inleveren|teruggeven|terug geven)\b|\b(?:lever|geef)\b[^.?!]{0,20}\b(?:mijn|m'n|mn|de|die) (?:plek|plaats|kaartje)(?:je)?\b[^.?!]{0,10}\b(?:in|terug)\b/,
  /\bskip (?:the|this|that)\b[^.?!]{0,30}\b(?:session|event|meeting)\b|\bscratch (?:my|our) names?\b|\bsit (?:this|that) one out\b|\b(?:my|our) (?:seat|spot|place) (?:is )?up for grabs\b/,
  // "Please consider my registration as void".
  /\b(?:registration|booking|reservation|spot|seat)\b[^.?!]{0,60}\b(?:as )?(?:void|null and void)\b/,
  /\b(?:is|wordt) (?:helaas |dus |echt )*(?:een )?no[- ]?go\b/,
  /\b(?:mag|kan|kunnen|mogen) (?:mijn|zijn|haar|onze|hun|de) (?:aanmelding|inschrijving|registratie|reservering|deelname)\b[^.?!]{0,40}\b(?:vervallen|eruit|weg|geschrapt|doorgehaald|geannuleerd|ingetrokken|verwijderd)\b/,
  /\b(?:die|hij|zij|ze|hem|haar|ik|wij|we) (?:mag|mogen|kan|kunnen|moet|moeten) (?:er |dus |dan |wel |gerust |helaas )*(?:eraf|van de lijst|uit de lijst|geschrapt worden)\b/,
  /\b(?:mijn|zijn|haar|onze) (?:naam|namen|inschrijving|aanmelding)\b[^.?!]{0,40}\b(?:doorstrepen|door te strepen|doorhalen|door te halen|schrappen|te schrappen|wegstrepen|weg te strepen|verwijderen|te verwijderen)\b/,
  // Giving the seat back: "mijn plek mag naar iemand anders", "geef mijn plaats aan een ander".
  /\b(?:mijn|onze) (?:plek|plekje|plaats|plaatsje|stoel|plekken|plaatsen)\b[^.?!]{0,30}\b(?:naar|aan|voor) (?:iemand anders|een ander|anderen|de wachtlijst|iemand (?:op|van) de wachtlijst)\b/,
  // Phone-short: "plek mag naar een ander".
  /(?:^|[,;:–-] ?)(?:de |die |m'n |mn )?(?:plek|plekje|plaats|plaatsje|stoel)\b (?:mag|kan) (?:dus |dan |gerust |wat mij betreft )*naar (?:iemand anders|een ander|de wachtlijst)\b/,
  /\b(?:geef|geven|gun|gunnen|vergeef)\b[^.?!]{0,20}\b(?:mijn|m'n|mn|onze) (?:plek|plekje|plaats|plaatsje)\b/,
  /\b(?:mijn|onze) (?:plek|plekje|plaats|plaatsje) (?:is|komt) (?:dus |daarmee |hierbij )*vrij\b|\b(?:mijn|onze) (?:plek|plaats)(?:je)? (?:vrijgeven|vrij geven|beschikbaar stellen)\b/,
  // Flemish "forfait geven": to withdraw from something one entered.
  /\bforfait\b[^.?!]{0,10}\bgeven\b|\bgeef\b[^.?!]{0,40}\bforfait\b/,
  // English
  /\bcancel(?:l?ed|l?ing|lation)?\b/,
  // Dutch anglicisms: "moet helaas cancelen", "ik heb gecanceld".
  /\bcancel(?:l?en|t)\b|\bgecancel(?:d|led)\b/,
  /\b(?:geef|gun|geven)\b[^.?!]{0,20}\b(?:de|die|mijn|onze) (?:plek|plaats|stoel|kaartje)(?:je)?\b[^.?!]{0,20}\baan (?:de volgende|iemand\b|een ander|de wachtlijst)/,
  /\b(?:unregister|deregister|de-register|un-register)\b/,
  /\bwithdraw\b/,
  /\bunsubscribe (?:me |us )?from (?:the|this|your|that) (?:knowledge )?(?:session|event|meeting|workshop|seminar|afternoon)\b/,
  /\b(?:give|offer|pass|release|free up)\b[^.?!]{0,15}\b(?:my|our) (?:place|seat|spot|ticket)s?\b/,
  /\b(?:give|pass|offer)\b (?:the|this|that) (?:seat|place|spot|ticket) (?:to|on to) (?:the next|someone|somebody|another|the waiting|others)\b/,
  /\b(?:drop|pull|back|bow) out\b|\b(?:send|give) (?:my|our) apologies\b|\b(?:must|have to|need to|regretfully|reluctantly) decline\b/,
  /\bcount (?:me|us) out\b/,
  /\bremove (?:me|us|my name|him|her|them)\b[^.?!]{0,30}\b(?:list|registration)\b/,
  // Not "take me off the mailing list": leavesMailingList reads that first, and only these lists count here.
  /\btake (?:me|us|my name) off (?:the |your )?(?:attendee |participant |guest |registration |waiting |wait ?)?list\b/,
];

/** "Not coming" phrases: the negation is part of them, so they are never read as negated. */
export const NOT_COMING: RegExp[] = [
  /\b(?:kan|kun|kunnen|kon|konden|zal|zullen|ga|gaan|lukt|lukken|wordt|word)\b[^.?!]{0,40}\bniet\b[^.?!]{0,40}\b(?:komen|aanwezig|deelnemen|erbij|bij zijn|meedoen|aansluiten|gaan|halen|redden)\b/,
  /\b(?:kan|kun|kunnen)\b[^.?!]{0,20}\b(?:toch|helaas)\b[^.?!]{0,20}\bniet\b\s*$/,
  /\bniet (?:meer )?(?:komen|aanwezig (?:zijn|kunnen zijn)|deelnemen|kunnen komen)\b/,
  /\bkom(?:en)? (?:toch |helaas |dus |(?:op )?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|die dag|die middag|morgen|dan|daar|er) )*niet\b(?! (?:alleen|te laat|later|eerder|vroeg|pas|meer dan|zonder|met|voor niets|om|uit))/,
  /\b(?:ben|zijn|is) (?:er )?(?:helaas |toch |dan )*niet (?:bij|aanwezig)\b/,
  /\b(?:ga|gaan|zal|zullen) (?:er )?(?:helaas |toch |dan |jammer genoeg )*niet bij (?:kunnen )?zijn\b/,
  /\b(?:ben|zijn|is) (?:helaas |toch |dan )*verhinderd\b/,
  /\bverhinderd\b/,
  /\bverstek\b/,
  /\b(?:ik|wij|we) (?:kom|komen)\b[^.?!,;]{0,30}?\b(?:toch |helaas |dus |echt )*niet\b(?! (?:alleen|te laat|later|eerder|vroeg|pas|meer dan|zonder|met|voor niets|om|uit))/,
  /\bniet in de gelegenheid\b|\bniet beschikbaar\b/,
  /\bniet bij de (?:kennis)?(?:sessie|bijeenkomst)\b[^.?!]{0,40}\b(?:zijn|wezen)\b/,
  /\b(?:hoef|hoeven) (?:ik |wij |we )?(?:dus |toch |echt )?niet (?:meer )?op de (?:wacht|deelnemers)?lijst\b/,
  /\b(?:het )?(?:gaat|zal) (?:me|mij|ons) (?:helaas |toch |dus |echt )*niet lukken\b/,
  /\bgaat (?:hem|het) (?:helaas |toch |dus |echt )*niet worden\b/,
  /\b(?:laat|laten)\b[^.?!]{0,30}\bschieten\b/,
  /\b(?:ik|wij|we) (?:red|redden) (?:het |[^.?!]{0,20} )?(?:helaas |toch |dus )*niet\b(?! (?:op tijd|om|voor|tot))/,
  /\b(?:ik|wij|we|ze|zij|hij) (?:red|redt|redden) het (?:helaas |toch |dus |echt )*niet om\b[^.?!]{0,40}\b(?:te komen|erbij te zijn|aanwezig te zijn|te gaan)\b/,
  // "Het lukt me niet (meer) (om die dag vrij te krijgen)": the clause ends there; "het lukt me niet om in
  // te loggen" is a complaint, not a cancel.
  /\b(?:het )?lukt (?:me|mij|ons) (?:helaas |toch |dus |echt |jammer genoeg )*niet(?: meer)?(?: om (?:te komen|erbij te zijn|aanwezig te zijn|(?:die|deze) (?:dag|middag|datum) vrij te (?:krijgen|maken|houden)|vrij te (?:krijgen|nemen|maken)))?(?=\s*(?:[,;:]|$|\b(?:maar|want|omdat|door|vanwege|helaas|sorry)\b))/,
  /\b(?:can ?not|can't|cant|won't|will not|unable to|not able to|no longer able to|not be able to)\b[^.?!]{0,30}\b(?:attend|come|make it|join|be there|participate|be present)\b/,
  /\bno longer (?:attend|come|coming|attending|participat)/,
];

/**
 * "Kan niet meer, sorry", "Ik kan helaas niet op 14 januari": a whole clause that only says the person
 * cannot. The subject must be the person (none, "ik", "wij"): "parkeren kan niet meer" is about something
 * else. A clause with any other verb ("kan niet inloggen") does not match, being anchored at both ends.
 */
const CANT_FILLER = '(?:helaas|toch|dus|echt|jammer genoeg|nu|alsnog|uiteindelijk|sorry|er|meer)';
const CANT_WHEN = '(?:op|bij|in|on) (?:de |het )?(?:\\d{1,2}(?:[-/ ][a-z0-9]+)?|(?:kennis)?sessie(?: \\d)?|bijeenkomst|die (?:dag|datum|middag|week))';
export const CANT_CLAUSE = new RegExp(
  `^(?:(?:sorry|helaas|maar|dus|nee) )*(?:${CANT_WHEN} )?(?:(?:ik|wij|we) )?(?:kan|kun|kunnen)(?: (?:ik|wij|we))?(?: ${CANT_FILLER})* niet(?: ${CANT_FILLER})*(?: ${CANT_WHEN})?(?: ${CANT_FILLER})*$`,
);

/** Someone else acting themself ("mijn opvolger meldt zich zelf aan", "she will register herself"): nothing for us to do. */
// Across a comma too: "Mijn opvolger zal zich, indien gewenst, zelf bij u aanmelden".
export const ACTS_THEMSELVES = /\bzich\b[^.;?!]{0,40}\bzelf\b|\bzichzelf\b|\b(?:himself|herself|themselves)\b/;

/** "Wat fijn dat …", "Wat een mooie middag": exclamations that start like a question. */
export const EXCLAMATIVE = /^wat (?:een|fijn|leuk|mooi|goed|tof|geweldig|jammer|fantastisch|interessant|prachtig|bijzonder|handig|spannend|super|heerlijk|knap)\b|^(?:what a|how (?:nice|great|lovely|good|kind))\b/;

/** Words that turn a statement into a doubt ("misschien moet ik me afmelden"). */
export const HEDGE = /\b(?:misschien|wellicht|eventueel|waarschijnlijk|twijfel|twijfelen|mogelijkerwijs|(?:het )?kan zijn dat|het zou kunnen|it (?:may|might|could) be that|weet (?:ik )?(?:nog )?niet (?:of|zeker)|nog niet zeker|onder voorbehoud|maybe|perhaps|might|possibly|probably|not sure|not yet sure|unsure)\b/;

/** "Maar ik moet eerst met mijn werkgever overleggen of ik die middag vrij kan nemen": not yet a yes. */
export const CHECK_FIRST = /\b(?:moet|moeten|zal|zullen|wil|willen) (?:ik |wij |we )?(?:eerst|nog) (?:even )?(?:met [^.?!]{0,40} )?(?:overleggen|checken|kijken|navragen|afstemmen|overleg plegen|nagaan)\b|\b(?:need|have) to (?:check|confirm|ask) (?:with|first)\b|\bfirst (?:need|have) to (?:check|confirm|ask)\b/;

/** "Kan zijn dat we iets later zijn, maar we komen": a doubt about the time of arrival, not about coming. */
export const LATE_ARRIVAL = /\b(?:(?:wat|iets|een beetje|beetje|even|een half uur|een uurtje) later|later (?:komen|binnen|aanschuiven|zijn|er zijn|binnenkomen)|te laat|wat laat|iets laat|pas om|na de lunch|arrive late|be late|a bit late(?:r)?|running late|arrive later)\b/;

/** A condition makes a cancellation conditional ("als het niet lukt meld ik me af"). */
// "als" is a condition only before a subject ("als ik ziek word", "als de trein uitvalt"); "als secretaris",
// "zowel ik als mijn collega" and "net als vorig jaar" state a role or a comparison.
export const CONDITION = /(?<!\bzowel\b[^.?!]{0,40})(?<!\b(?:net|zo|even|ook|evenals) )\bals (?!een van\b)(?=(?:ik|je|jij|u|we|wij|ze|zij|hij|het|er|dat|dit|die|de|een|mijn|m'n|onze|ons|jullie|iemand|alles|niet|nog|blijkt|bij|door)\b)|\b(?:indien|mocht|mochten|mits|tenzij|ingeval|(?<!\b(?:weten|horen|hoor|hoort|vraag|vragen|benieuwd|zien|zeggen|informeren|melden|horen graag|hoort graag|hoor graag) )wanneer|zodra|zo ?nodig|indien nodig|waar nodig|if|unless|in case|should|as soon as|once i know|if needed|if necessary)\b/;

/**
 * Politeness that looks like a condition: "I would be grateful if you could reserve a seat", "ik zou het
 * fijn vinden als u mij wilt afmelden". Taken out before conditions are looked for.
 */
export const POLITE_CONDITION = /\b(?:if|als|indien)\b[^.?!,]{0,60}\b(?:this|that|it|dat|dit|het) is (?:no|geen) (?:problem|probleem|bezwaar)\b|\b(?:fijn|prettig|handig|leuk|mooi|nice|great|helpful) (?:als|indien|if|wanneer)\b|\b(?:if|als|indien) (?:you|u|jullie|je) (?:(?:mij|me|ons|hem|haar|us) )?(?:could|would|can|will|kindly|zou|zoudt|zouden|wilt|wil|willen|kunt|kan|kunnen)\b|\bif (?:that|this|it) (?:is|'s) (?:ok|okay|alright|all right|fine|possible)\b|\bals dat (?:goed is|kan|mag|lukt)\b/g;

/** Conditions that do not weaken a signup: the desk checks room itself. */
// Only a condition on the event ("als er nog plek is", "if it is possible"), not on the person ("als ik oppas
// kan regelen", "if I can get away"): that one is a doubt about coming.
export const HARMLESS_SIGNUP_CONDITION = /\bals (?:die|dat|het|er) (?:er )?nog (?:is|kan|mag|vrij is)\b|\b(?:als|indien|if|wanneer) (?:er|het|dat|dit|there|it|that|this|space|room)\b[^.?!,]{0,30}\b(?:nog )?(?:plek|plaats|ruimte|kan|mogelijk|room|space|possible|available|beschikbaar|lukt)\b|\b(?:if|als|indien|waar) (?:so|possible|at all possible|dat kan|het kan|mogelijk)\b/;

/** Negations that cancel a following verb ("niet afmelden", "hoef me niet aan te melden", "don't cancel"). */
export const NEGATION = /\b(?:niet|geen|hoeft|hoef|hoeven|nooit|not|don't|dont|do not|no need|never)\b/;

/** Questions that are really requests ("Kunt u mij aanmelden?", "Could you register me?"). */
export const REQUEST_QUESTION = /(?:^|[,;:]\s*)(?:kan|kunnen|mag|mogen) (?:deze|die|hij|zij|ze|hem|haar)\b[^?]{0,20}\b(?:erin|erbij|er (?:nog |ook )*bij|erop|op de lijst)\b|(?:^|[,;:]\s*|\s[–—-]\s*|\b(?:en|dus|maar|daarom|so|and)\s+)(?:zou|zoudt|zouden|kunt|kun|kan|kunnen|wilt|wil|willen|mag) (?:u|je|jij|jullie)\b|(?:^|[,;:]\s*)(?:mag|mogen) (?:ik|wij|we)\b[^?]{0,100}\b(?:aanmelden|aan te melden|inschrijven|in te schrijven|opgeven|afmelden|af te melden|voorbehouden|reserveren|noteren)\b|(?:^|[,;:]\s*|\s[–—-]\s*|\b(?:and|so|but)\s+)(?:could|can|would|will) you\b|(?:^|[,;:]\s*)mag (?:ik|wij|we) (?:u|jullie|je) (?:vragen|verzoeken)\b|(?:^|[,;:]\s*|\s[–—-]\s*)(?:zet|zetten|meld|meldt|schrijf|schrijft|haal|haalt|reserveer|reserveert|boek|boekt|geef|geeft|voeg|voegt|noteer|noteert|noteren)\s+(?:je|jij|u|jullie)\s+(?:me|mij|ons|hem|haar|hen|ze)\b|^(?:please|graag|gaarne)\b|(?:^|[,;:]\s*)(?:kan|kun|kunt|kunnen|wil|wilt|willen) (?:iemand|een van jullie|jullie|u|je|jij) (?:haar|hem|hen|ze|mij|me|ons)\b|^(?:mag|kan|kunnen|mogen) (?:mijn|zijn|haar|onze) (?:aanmelding|inschrijving|registratie|reservering|deelname|naam|namen)\b|(?:^|[,;:]\s*)(?:willen|wilt|kunnen|kunt) (?:jullie|u|je) (?:mijn|zijn|haar|onze) (?:naam|namen|aanmelding|inschrijving)\b|\b(?:vragen|verzoeken|verzoek) (?:om )?(?:mij|me|ons)\b/;

/** Questions that only ask for the usual confirmation or say thanks. */
export const HARMLESS_QUESTION = /\b(?:bevestig\w*|confirm\w*)\b/;

/** "So someone else can have my seat": giving the seat back, not naming a substitute. */
export const ANYONE_ELSE = /\b(?:iemand anders|een ander|anderen|someone else|somebody else|another person|other (?:person|people|participants?)|others|de wachtlijst|the waiting ?list)\b/;

/** "I can't come myself" while registering someone else: explains the signup, cancels nothing. */
export const NOT_ME_BUT = /\b(?:zelf|myself)\b/;

/** Asking to be taken off a mailing list: not about a registration. */
export const MAILING_UNSUBSCRIBE = /\b(?:mailinglijst|mailing ?list|verzendlijst|nieuwsbrief\w*|newsletter|mailings?|mail(?:tjes)? van jullie|e-?mails? van jullie|jullie (?:e-?)?mails?)\b/;

/** Someone takes another's place: a human decides who is on the list. */
export const SUBSTITUTION = /\b(?:honneurs\b[^.?!]{0,20}\bwaar\w*|op (?:zijn|haar) naam (?:over)?(?:zetten|schrijven)|(?:overzetten|overschrijven|omzetten) (?:naar|op naam van) (?:haar|hem|mijn collega|een collega)|(?:mijn|zijn|haar|onze) (?:plek|plaats|stoel|kaartje|ticket)(?:je)?\b[^.?!]{0,30}\b(?:doorgeven|door te geven|overdragen|over te dragen|overlaten|over te laten|geven) aan (?!iemand anders|een ander|anderen|de wachtlijst|iemand (?:op|van) de wachtlijst|de volgende)|give (?:my|our|his|her) (?:place|seat|spot|ticket) to (?!someone|somebody|another|other|the next|the waiting|others)|in (?:mijn|zijn|haar|onze) plaats|in plaats van (?:mij|hem|haar|ons)|(?:mijn|zijn|haar) plek(?:je)? (?:overnemen|innemen)|neemt (?:mijn|zijn|haar) plek|vervang(?:en|er|ing|t)?|instead of (?:me|him|her|us)|in my place|take (?:my|his|her) (?:place|spot|seat)|replace (?:me|him|her)|substitute)\b/;

/** A registration moved to another address (someone changes jobs): a person updates the list. */
export const ADDRESS_CHANGE = /\b(?:nieuw|nieuwe|ander|andere|gewijzigd|gewijzigde|privé|prive) (?:e-?mail|mail)?adres\b|\b(?:e-?mail|mail)?adres (?:wijzigen|aanpassen|veranderen|is gewijzigd|is veranderd|wordt opgeheven|vervalt)\b|\b(?:overzetten|omzetten|wijzigen|aanpassen|verhuizen) naar (?:dit|mijn|het|een) (?:nieuwe |andere |privé |prive )?(?:e-?mail|mail)?adres\b|\b(?:new|different|private|personal) (?:e-?mail )?address\b|\b(?:change|update|transfer|move)\b[^.?!]{0,30}\b(?:e-?mail )?address\b/;

/** "Nobody from our side will take my place": no substitute, the seat is simply given back. */
export const NO_SUBSTITUTE = /\b(?:nobody|no one|noone|niemand|none of us|geen (?:collega|vervanger|vervangster|opvolger))\b/;

/** Asking to delete personal data (GDPR/AVG erasure). */
export const ERASURE = /\b(?:verwijder|verwijderen|wis|wissen|vernietig|vernietigen)\b[^.?!]{0,40}\b(?:gegevens|data|persoonsgegevens)\b|\b(?:gegevens|persoonsgegevens)\b[^.?!]{0,30}\b(?:verwijder\w*|wissen|vernietigen)\b|\b(?:delete|remove|erase)\b[^.?!]{0,30}\b(?:my|our|all)\b[^.?!]{0,20}\b(?:data|details|information|personal)\b|\bright to (?:be forgotten|erasure)\b/;

/** Lines of a footer or disclaimer that talk about mailings, never about the event. */
export const FOOTER_NOISE = /\b(?:nieuwsbrief|newsletter|mailing|unsubscribe(?! (?:me |us )?from (?:the|this|your|that) (?:knowledge )?(?:session|event|meeting|workshop|seminar|afternoon))|disclaimer|uitsluitend bestemd|vertrouwelijk|confidential|intended (?:solely |only )?for|geadresseerde|addressee|privacyverklaring|privacy ?statement)\b/;

/**
 * "Zit er nog een plekje op 11 feb?" next to a signup: the desk checks room itself (and waitlists), so the
 * question needs no person. Only the bare question: one naming someone else ("voor mijn collega") does.
 */
export const ROOM_QUESTION = /^(?:(?:lukt|kan|gaat) (?:dat|het) (?:nog|wel|nog wel)|(?:is|zou) (?:dat|het) (?:nog )?(?:mogelijk|kunnen)|is that (?:still )?possible|(?:can|could) that (?:still )?work)$|^(?:zit|is|zijn|are|is there|are there|any|heb(?:ben)? (?:jullie|je|u)|do you have)\b(?: (?:er|there))?(?: (?:nog|still))?(?: (?:een|a|any|wat))?(?: (?:vrije|lege|free))? (?:plek(?:je|kie|ken)?|plaats(?:je|en)?|ruimte|seats?|spots?|places?|room)\b[^?]{0,40}$/;
export const ROOM_FOR_OTHERS = /\b(?:collega'?s?|colleagues?|partner|iemand|someone|anderen?|others?|introducee|guests?|gast(?:en)?|hem|haar|him|her|hen|them)\b/;

/** "Kan ik me daar nog voor opgeven? Zo ja graag.": the question before it becomes the request. */
export const YES_IF_SO = /^(?:zo ja|indien ja|als dat kan|als het kan|if so|if yes|if possible)[,!]?\s*(?:graag|please|dan graag|dan meld ik me (?:graag )?aan|sign me up|i'd like to)\b/;

/** "Ik laat het jullie volgende week weten", "I'll let you know": an answer still to come. */
export const ANSWER_LATER = /\b(?:ik|wij|we) (?:laat|laten) (?:het |dat )?(?:jullie |u |je )?(?:nog |later |daarna |dan |binnenkort |volgende week |morgen |zo snel mogelijk )*weten\b|\b(?:i|we)'?(?:ll| will) let you know\b/;
/** "… laat jullie daarna weten of we komen": whether they come is what they will tell, not what they say now. */
export const EMBEDDED_WHETHER = /\b(?:weten|vragen|horen|bekijken|beslissen|besluiten|overleggen|kijken|know|decide|see) (?:of|whether|if)\s+$/;

/** "Dan meld ik me tegen die tijd opnieuw aan": a signup put off until later asks nothing now. */
export const DEFERRED = /\b(?:tegen die tijd|te zijner tijd|t\.?z\.?t|op een later moment|later (?:nog|opnieuw|weer)|in due course|closer to the date|nearer the time)\b/;

/** "I hope to join one of your next events", "hopelijk een volgende keer": wishes for later, no request now. */
// Not "de volgende sessie", which names one of this series.
export const FUTURE_OCCASION = /\b(?:one of (?:your|the) (?:next|future|upcoming|following|other)|future|upcoming|toekomstige|latere|een volgende|een andere|another|a next|next) (?:events|sessions|editions|series|time|keer|sessies|bijeenkomsten|reeks|editie|edition|ronde|occasion)\b/;

/** "My colleague (in cc) will still come as planned": someone keeps the seat they have, nothing to register. */
export const STILL_COMES = /\b(?:aanmelding|inschrijving|registration)\b[^.?!]{0,40}\b(?:laat ik|laten we|houd ik|hou ik|i'll keep|i will keep)\b|\b(?:i|ik|wij|we)\b[^.?!]{0,20}\b(?:will|shall|'ll) still (?:be there|come|attend|join)\b|\b(?:blijf|blijven) (?:ik|wij|we) (?:gewoon |wel )*(?:aangemeld|ingeschreven|staan)\b|\b(?:collega|colleague|hij|zij|ze|he|she|they)\b[^.?!]{0,60}\b(?:still|as planned|zoals gepland|wel gewoon|gewoon wel|blijft (?:gewoon )?(?:aangemeld|staan|komen))\b/;

/** Third persons as the subject: a doubt about whether they come is theirs, not a doubt about our request. */
export const THIRD_PERSON = /\b(?:hij|zij|ze|he|she|they|collega|colleague|buurman|buurvrouw|partner|iemand|someone|somebody)\b/;
export const FIRST_PERSON = /\b(?:ik|mij|me|wij|we|ons|i|us)\b/;
