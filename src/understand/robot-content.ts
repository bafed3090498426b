// Signs of a machine in what a mail says: its subject and its own (unquoted) body. Used when the headers
// are silent: Exchange out-of-office without Auto-Submitted, old bounces, newsletters without List-* headers.
import { isForwardSubject } from './text.ts';

/** Out-of-office and auto-reply subject prefixes (Outlook, Exchange, Gmail, iCloud) in nl/en/de/fr. */
const AUTO_REPLY_SUBJECT = new RegExp(
  '^\\s*((re|antw|aw)\\s*:\\s*)?(' +
    [
      'automatisch antwoord', 'automatische reactie', 'automatisch bericht', 'automatic reply', 'auto(matic)?[- ]?reply',
      'auto[- ]?respons[e]?', 'auto ?response', 'autoreply', 'out of (the )?office', 'afwezigheidsmelding',
      'afwezigheidsbericht', 'abwesenheitsnotiz', 'automatische antwort', 'r[ée]ponse automatique',
      '(niet aanwezig|afwezig|absent|abwesend|on vacation|vacation|away|vakantie)\\s*:',
      // "Afwezig tot 5 januari", "Out until Monday": an absence with an end date is an out-of-office.
      '(afwezig|niet aanwezig|niet op kantoor|met vakantie|op vakantie|out|away|absent|on leave)\\b.{0,30}\\b(tot|t/m|tot en met|until|till)\\b',
    ].join('|') +
    ')',
  'i',
);

/** Delivery reports and bounces, anywhere in the subject. */
const BOUNCE_SUBJECT = new RegExp(
  [
    'undeliver(able|ed)', 'returned mail', 'returned to sender', 'returning message to sender',
    'delivery (status notification|failure|failed|has failed|problem|report|notification|warning|delay)',
    'mail delivery (failed|failure|problem|warning)', 'failure notice', 'failure delivery', '^\\s*failed mail',
    'non[- ]?delivery', 'message delayed', 'delayed mail',
    'mail system error', 'email bounce', 'bounce notification', 'postmaster notif',
  ].join('|'),
  'i',
);

/**
 * The same in Dutch, German, French and Italian, as servers put them: first ("Onbestelbaar: …"). Further
 * in, it is a person writing about one ("Melding onbestelbaar bij aanmelden").
 */
const LOCAL_BOUNCE_SUBJECT = /^\s*(?:(?:re|aw|antw)\s*:\s*)?(?:onbestelbaar|kan niet worden bezorgd|niet bezorgd|unzustellbar|nicht zustellbar|[üu]bermittlungsstatus|non remis|non recapitabile)\b/i;

/** Read and delivery receipts and calendar answers that clients send by themselves. Declines are left to people. */
const RECEIPT_SUBJECT = /^\s*(gelezen|niet gelezen|read|not read|gelesen|lu|leesbevestiging|read receipt|geaccepteerd|voorlopig geaccepteerd|accepted|tentative|tentatively accepted|angenommen|mit vorbehalt angenommen|accept[ée]|bezorgd|delivered|zugestellt|ontvangstbevestiging)\s*:/i;

/** Machine tags and report subjects. */
// Ticket systems number what they acknowledge: "[Ticket #48213]", "Uw melding #2026-1183", "Case 00123456".
const SYSTEM_SUBJECT = /(\[auto[- ]?generated\]|\bauto-?generated\b|^\s*report domain:|dmarc (aggregate|forensic) report|\[(?:ticket|case|request|melding|zaak|incident|call)\s*(?:#|nr\.?|id:?)?\s*[\w-]*\d{3,}[\w-]*\]|\b(?:ticket|case|request|melding|zaak|incident)(?:nummer| number| id)?\s*#\s*[\w-]*\d{3,})/i;

export function subjectSign(subject: string): string | null {
  // A person forwarding a bounce or out-of-office is a person: their subject starts with a forward prefix.
  if (isForwardSubject(subject)) return null;
  if (AUTO_REPLY_SUBJECT.test(subject)) return 'subject:auto-reply';
  if (RECEIPT_SUBJECT.test(subject)) return 'subject:receipt';
  if (BOUNCE_SUBJECT.test(subject) || LOCAL_BOUNCE_SUBJECT.test(subject)) return 'subject:bounce';
  if (SYSTEM_SUBJECT.test(subject)) return 'subject:auto-generated';
  return null;
}

/** "View this mail in your browser": nobody writes that to one person. */
const VIEW_IN_BROWSER = new RegExp(
  [
    'bekijk (deze|de|het) (e-?mail|mail|nieuwsbrief|bericht) (online|in (je|jouw|uw|de) (web)?browser)',
    '(wordt|is) (deze|de) (e-?mail|mail|nieuwsbrief) niet (goed|juist|correct) (weergegeven|zichtbaar)',
    '(kun|kan|kunt) (je|u) (deze|de) (e-?mail|mail|nieuwsbrief) niet (goed )?(lezen|bekijken|zien)',
    'view (this|the) (e-?mail|email|message|newsletter) (in (your|a) (web )?browser|online|as a web ?page)',
    'having trouble (viewing|reading) this (e-?mail|email|message)',
    '(nicht|nicht richtig|nicht korrekt) (richtig |korrekt )?dargestellt',
    'online-?version (dieses|des) newsletters', 'im browser (ansehen|anzeigen|öffnen)',
  ].join('|'),
  'i',
);

/** Why a bulk mail reached you. */
const BULK_REASON = [
  /\b(je|u) ontvangt (deze|dit) (e-?mail|mail|nieuwsbrief|bericht) omdat\b/i,
  /\byou (are )?receiv(e|ing) this (e-?mail|email|message|newsletter) because\b/i,
  /\bsie erhalten (diese|diesen) (e-?mail|newsletter|nachricht)\b/i,
];

/** How to stop a mailing. A person may write "unsubscribe" too, so this alone proves nothing. */
const BULK_STOP = [
  /\bunsubscribe\b/i,
  /\b(uitschrijven|afmelden) (voor|van) (deze|onze|de) (nieuwsbrief|mailing|e-?mails)\b/i,
  /\bwil (je|u) (deze |onze )?(e-?mails?|nieuwsbrie(f|ven)|mailings?) niet meer ontvangen\b/i,
  /\b(abmelden|abbestellen|abmeldung)\b/i,
];

/** Link targets that stop a mailing. */
const UNSUBSCRIBE_TARGET = /unsubscribe|uitschrijven|afmelden|abmelden|abmeldung|opt-?out/;
/** Longest link target we read; tracking URLs are long, but not this long. */
const MAX_HREF_CHARS = 2048;

/** A scan, not one big regex: a hostile body of "href=href=…" must stay linear. */
function hasUnsubscribeLink(html: string): boolean {
  const lower = html.toLowerCase();
  let at = lower.indexOf('href=');
  while (at >= 0) {
    let start = at + 5;
    while (start < lower.length && (lower[start] === '"' || lower[start] === "'" || lower[start] === ' ')) start++;
    let end = start;
    const limit = Math.min(lower.length, start + MAX_HREF_CHARS);
    while (end < limit && !'"\'> \n\t'.includes(lower[end]!)) end++;
    if (UNSUBSCRIBE_TARGET.test(lower.slice(start, end))) return true;
    at = lower.indexOf('href=', Math.max(end, at + 5));
  }
  return false;
}

/** Sentences only auto-responders write. One is enough. */
const MACHINE_STATEMENT = new RegExp(
  [
    'dit is een automatisch(e)? (gegenereerd(e)? )?(antwoord|bericht|reactie|e-?mail)',
    'dit bericht (is|wordt) automatisch (gegenereerd|verzonden|verstuurd)',
    'deze (e-?mail|mail) (is|wordt) automatisch (gegenereerd|verzonden|verstuurd)',
    'this is an? (automatic|automated|auto-generated) (reply|response|message|e-?mail|notification)',
    'this (e-?mail|message) (was|has been|is) (automatically generated|sent automatically|generated automatically)',
    '(please )?do not reply to this (e-?mail|message)',
    '(gelieve|u kunt|je kunt) (niet )?(te )?(antwoorden|reageren) op (dit|deze) (bericht|e-?mail)',
    'niet (beantwoorden|antwoorden|reageren) op (dit|deze) (bericht|e-?mail)',
    // A mailbox speaking of itself: a person writing from it would be reading it.
    '(this|that) (mail ?box|inbox|e-?mail address) is (no longer|not) (being )?(monitored|read|checked)',
    '(deze|dit) (mailbox|postbus|inbox|e-?mailadres) wordt niet (meer|langer) (gelezen|bewaakt|gecontroleerd)',
    // Notifications explain themselves: "Je ontvangt deze e-mail omdat je meldingen hebt ingesteld".
    '(je|u) ontvangt (deze|dit) (e-?mail|melding|bericht) omdat',
    "you(?: are|'re| were) (?:receiving|getting) this (e-?mail|notification|message|receipt) because|you (received|get) this (e-?mail|notification|message|receipt) because",
    // A mailbox that is gone (a merger, someone who left): the robot says so, and that nothing was read.
    '(dit|deze|het) (e-?mailadres|mailadres|adres|mailbox|postvak) is (daarom |sinds [^.]{0,30}|per [^.]{0,30})?niet (meer|langer) in gebruik',
    'uw (e-?mail|bericht) is niet (in behandeling genomen|gelezen|doorgestuurd)',
    'this (e-?mail )?(address|mailbox) is no longer (in use|active|valid|monitored)',
    // Spam-filter digests and quarantine notices (Microsoft 365, Mimecast, Proofpoint).
    '(berichten?|e-?mails?) (worden|wordt|zijn|is) (vastgehouden|geplaatst|tegengehouden|gezet) in (de )?quarantaine',
    '(messages?|e-?mails?) ((that|which) )?(are|is|were|was|have been|has been|are being|is being) (quarantined|(held|placed|kept) in (the )?quarantine)',
    // Ticket systems acknowledging what they registered, with the number they gave it.
    '(uw|je|jouw) (melding|vraag|verzoek|bericht|e-?mail|aanvraag|klacht) is (in goede orde )?(ontvangen|geregistreerd)[^.\\n]{0,80}(onder|met) (het )?(nummer|zaaknummer|ticketnummer|meldingsnummer|referentienummer|kenmerk)',
    'we (have )?(received|registered|logged) your (request|message|e-?mail|enquiry|inquiry|ticket)[^.\\n]{0,80}(ticket|reference|case|request) (number|id|#)',
    '(ontvangen|geregistreerd|received|registered|logged|created)[^.\\n]{0,60}(ticketnummer|zaaknummer|meldingsnummer|ticket number|case number|ticket id)\\s*[:#]?\\s*[A-Z]{0,5}[-#]?\\d{4,}',
    // Exchange's meeting-forward notification to the organiser of a calendar item.
    'has forwarded your meeting request|your meeting was forwarded|heeft uw vergaderverzoek doorgestuurd|uw vergadering is doorgestuurd',
  ].join('|'),
  'i',
);

/** Auto-replies without headers: two of these in one mail is an out-of-office, not a person. */
const OUT_OF_OFFICE_PHRASES = [
  /\blees (?:ik )?(?:mijn |de )?(?:e-?mail|mail|berichten) (?:niet|pas|na|beperkt|daarna|weer|vanaf)\b|\b(?:will|won't) (?:not )?(?:be )?(?:read|check)(?:ing)? (?:my )?e-?mails?\b/i,
  /\b(?:ben|is) (?:ik |hij |zij )?(?:tot|t\/m|tot en met|van)\b[^.!?\n]{0,40}\b(?:afwezig|op reis|met vakantie|op vakantie|niet bereikbaar|niet aanwezig|vrij|niet op kantoor|met verlof)\b/i,
  /\b(?:i am|i'm|i will be) (?:currently |now )?(?:away|out|on (?:holiday|vacation|(?:\w+ )?leave)|travell?ing)\b[^.!?\n]{0,30}\b(?:until|till|through|from)\b/i,
  /\b(in dringende gevallen|voor dringende (zaken|vragen)|bij dringende zaken|for urgent (matters|issues|questions)|in urgent cases|for anything urgent)\b/i,
  /\b(na|bij) (mijn )?terugkomst\b|\b(upon|on) my return\b|\bwhen i return\b/i,
  /\b(beperkt|geen|niet) (toegang tot|bij) (mijn )?(e-?mail|mail)\b|\b(?:limited|no) access to (my )?e-?mail\b/i,
  /\b(ben|is) (weer|terug) (aanwezig|op kantoor|bereikbaar) (op|vanaf)\b|\b(i will|i'll|i shall) be back\b|\bback in the office\b|\b(vanaf|per) (maandag|dinsdag|woensdag|donderdag|vrijdag|\d{1,2} \w+) ben ik (weer|terug)\b|\bi (will|shall) return (on|to the office)\b/i,
  // Closures: "Van 24 december t/m 1 januari is ons kantoor gesloten. Vanaf 4 januari zijn wij weer bereikbaar."
  /\b(?:is|zijn) (?:ons |het |onze )?(?:kantoor|kantoren|bedrijf|winkel|balie|praktijk|secretariaat)\b[^.!?\n]{0,20}\bgesloten\b|\b(?:ons |het |onze )(?:kantoor|kantoren|bedrijf|winkel|balie|praktijk|secretariaat) (?:is|zijn) (?:\w+ )?gesloten\b|\b(?:our|the) office (?:is|will be) closed\b/i,
  /\b(?:zijn|is) (?:wij|we|ons kantoor|het kantoor) (?:weer|terug) (?:bereikbaar|aanwezig|open|geopend)\b|\bwe(?: are|'re| will be) back (?:on|from)\b/i,
  // "Gedurende mijn afwezigheid", "during my absence", "in deze periode ben ik beperkt bereikbaar".
  /\b(gedurende|tijdens) (mijn|deze) (afwezigheid|vakantie|verlof)\b|\bduring my (absence|leave|holiday|vacation)\b|\b(beperkt|niet) bereikbaar\b[^.!?\n]{0,20}\b(tot|t\/m|tot en met|vanaf|in deze periode)\b/i,
  // One entry with "Ik ben op cursus tot en met 11 maart" (the absence named before its end date), so that a
  // person's "ik ben met vakantie tot 10 januari" counts once, not twice.
  /\b(ik ben|i am|i'm) (momenteel |currently )?(afwezig|out of (the )?office|away from (the )?office|niet op kantoor|met vakantie|on (annual )?leave)\b|\b(?:ben|is) (?:ik |hij |zij )?(?:op cursus|op training|op reis|afwezig|met vakantie|op vakantie|niet bereikbaar|niet aanwezig|niet op kantoor|met verlof)\b[^.!?\n]{0,20}\b(?:tot|t\/m|tot en met|vanaf)\b/i,
  /\b(uw|je|jouw) (e-?mail|bericht|mail) wordt\b[^.!?\n]{0,40}\b(doorgestuurd|gelezen|beantwoord|behandeld)\b|\byour (e-?mail|message) will\b[^.!?\n]{0,40}\b(forwarded|read|answered|dealt with)\b/i,
  // Part-time notices: "Op vrijdag werk ik niet", "I don't work on Fridays".
  /\b(?:op|on) (?:maandag|dinsdag|woensdag|donderdag|vrijdag|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)(?:en)? (?:werk ik niet|ben ik (?:niet (?:aanwezig|bereikbaar|werkzaam)|vrij))\b|\bik werk niet op (?:maandag|dinsdag|woensdag|donderdag|vrijdag)\b|\bi (?:do not|don't) work on (?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b/i,
  // "Heeft uw vraag spoed? Bel dan …", "Is het dringend?".
  /\b(?:heeft|is) (?:uw|je|jouw) (?:vraag|bericht|verzoek) spoed\b|\bbij spoed\b|\bis (?:het|uw vraag) dringend\b|\bif (?:it is|it's|your (?:matter|question) is) urgent\b/i,
  // "Ik ben met zwangerschapsverlof tot 1 mei", "ik ben deze week op cursus": the absence and its span.
  /\b(?:ben|is) (?:ik |hij |zij )?met \w*verlof\b[^.!?\n]{0,20}\b(?:tot|t\/m|tot en met)\b|\b(?:ben|is) (?:ik )?(?:deze|volgende|komende|de hele) (?:week|dag|middag|maand)\b[^.!?\n]{0,15}\b(?:op cursus|op training|op reis|afwezig|met vakantie|op vakantie|niet bereikbaar|niet aanwezig|niet op kantoor|met verlof)\b/i,
  // Who to turn to meanwhile, and the promise to answer later.
  /\bneem\b[^.!?\n]{0,60}\bcontact op met (?:mijn|onze) (?:collega|vervanger|vervangster|secretariaat|team)\b|\bplease contact my (?:colleague|replacement)\b/i,
  /\b(?:voor|bij|met) (?:vragen|dringende zaken)\b[^.!?\n]{0,60}\b(?:kun je|kunt u|kan je) (?:terecht|contact opnemen|mailen)\b|\b(?:daarna|na terugkomst|bij terugkomst|na mijn terugkeer) (?:reageer|antwoord|beantwoord) ik\b|\bi will (?:reply|respond|get back to you) (?:as soon as possible|when i(?:'m| am) back|on my return)\b/i,
  /\bautomatisch (antwoord|bericht)\b|\bautomatic reply\b|\bauto-?reply\b/i,
  // Robots do not know who wrote to them; a person answering our mail greets us by name.
  /^[ \t]*(?:beste|geachte|dear|hello|hallo) (?:afzender|sender)\b/im,
  // Transport rules for people who left: "niet meer werkzaam bij", "no longer with the company".
  /\b(?:niet (?:meer|langer) (?:werkzaam|in dienst|actief) (?:bij|voor)|uit dienst (?:getreden|gegaan))\b|\bno longer (?:employed|working) (?:by|at|for|with)\b|\bhas left (?:the|our) (?:company|organi[sz]ation)\b|\bis no longer with\b/i,
  /\b(?:dit|het) (?:e-?mail)?adres is niet (?:meer|langer) in gebruik\b|\b(?:this|the) (?:e-?mail )?address is no longer (?:in use|active)\b/i,
];
const MIN_OUT_OF_OFFICE_PHRASES = 2;
const MIN_BULK_KINDS = 2;

export function contentSign(ownText: string, ownHtml: string | null): string | null {
  if (VIEW_IN_BROWSER.test(ownText)) return 'content:view-in-browser';
  if (MACHINE_STATEMENT.test(ownText)) return 'content:machine-statement';
  // Distinct kinds of evidence: a reason for receiving it, a way to stop it, a link that stops it.
  const bulk =
    Number(BULK_REASON.some((re) => re.test(ownText))) +
    Number(BULK_STOP.some((re) => re.test(ownText))) +
    Number(!!ownHtml && hasUnsubscribeLink(ownHtml));
  if (bulk >= MIN_BULK_KINDS) return 'content:newsletter';
  if (outOfOfficePhrases(ownText) >= MIN_OUT_OF_OFFICE_PHRASES) return 'content:out-of-office';
  return null;
}

/** How many kinds of out-of-office wording the text has (classify.ts accepts one in a reply that asks nothing). */
export function outOfOfficePhrases(ownText: string): number {
  return OUT_OF_OFFICE_PHRASES.filter((re) => re.test(ownText)).length;
}
