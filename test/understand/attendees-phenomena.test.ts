// Who a mail is about when the mail does not line it up neatly: a name in one sentence and the address in
// another, callers in a staff note, spaced-out signatures, a colleague who still comes.
import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

async function attendees(from: string, subject: string, body: string, extra = '') {
  const raw = `From: ${from}\nTo: info@hieropgewekt.nl\n${extra}Subject: ${subject}\nMessage-ID: <q@example.nl>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
  const c = classify(await parseMail(Buffer.from(raw)), events, opts);
  return { intent: c.intent, people: c.attendees.map((a) => [a.name, a.email, a.organisation]) };
}

describe('a name written apart from its address', () => {
  it('takes the full name the address spells, and the organisation written after that name', async () => {
    const body = 'Namens burgemeester Henk Dijkstra van de gemeente Zwartewaterland wil ik hem aanmelden voor sessie 1. Zijn adres is h.dijkstra@zwartewaterland.nl.';
    const r = await attendees('Petra Smit <p.smit@zwartewaterland.nl>', 'Aanmelding burgemeester', body);
    expect(r).toEqual({ intent: 'signup', people: [['Henk Dijkstra', 'h.dijkstra@zwartewaterland.nl', 'gemeente Zwartewaterland']] });
  });

  it('joins a colleague named with particles to the address given later', async () => {
    const body = 'Mijn collega Joost van den Broek is ziek. Kunt u hem afmelden voor sessie 3? Hij had zich aangemeld met jvandenbroek@deventer.nl.';
    const r = await attendees('Anouk Kok <a.kok@deventer.nl>', 'Afmelding collega', body);
    expect(r).toEqual({ intent: 'cancel', people: [['Joost van den Broek', 'jvandenbroek@deventer.nl', null]] });
  });

  it('leaves the name empty when the address spells no written name, or two', async () => {
    const none = await attendees('Anouk Kok <a.kok@deventer.nl>', 'Sessie 3', 'Ik meld mij en Karin Bos aan voor sessie 3. Haar adres is info@warmtewerk.nl.');
    expect(none.people[1]).toEqual([null, 'info@warmtewerk.nl', null]);
    const two = await attendees('Anouk Kok <a.kok@deventer.nl>', 'Sessie 3', 'Ik meld mij, Jeroen Bos en Jasper Bos aan voor sessie 3. Het adres is j.bos@warmtewerk.nl.');
    expect(two.people.find((p) => p[1] === 'j.bos@warmtewerk.nl')![0]).toBeNull();
  });
});

describe('phone notes by staff', () => {
  it('finds the caller after "Vanochtend belde meneer …", and the board they sit on', async () => {
    const body = 'Vanochtend belde meneer Theo Brouwer. Hij wil graag naar de sessie over de businesscase. Hij zit in het bestuur van Energiecoöperatie De Kempen. Geen e-mail, wel telefoon: 040 - 123 45 67.';
    const r = await attendees('Marieke <marieke@hieropgewekt.nl>', 'Telefonische aanmelding', body);
    expect(r).toEqual({ intent: 'signup', people: [['Theo Brouwer', null, 'Energiecoöperatie De Kempen']] });
  });

  it('forwards a request that reached a staff inbox, asked as "Zet je me op de lijst?"', async () => {
    const body = 'Hoi, deze kwam bij mij terecht. Kun jij hem oppakken?\n\nMarieke\n\n________________________________\nVan: Sven Mulder <sven@warmdorp.nl>\nVerzonden: dinsdag 1 december 2026 10:00\nAan: Marieke <marieke@hieropgewekt.nl>\nOnderwerp: sessie maart\n\nHoi Marieke,\n\nIk kom graag naar de sessie in maart. Zet je me op de lijst?\n\nGroet,\nSven Mulder\nStichting Warm Dorp';
    const r = await attendees('Marieke <marieke@hieropgewekt.nl>', 'FW: sessie maart', body);
    expect(r).toEqual({ intent: 'signup', people: [['Sven Mulder', 'sven@warmdorp.nl', 'Stichting Warm Dorp']] });
  });
});

describe('signatures', () => {
  it('reads a "Thanks," sign-off followed by a name, and the organisation under it', async () => {
    const r = await attendees('Maya Brooks <maya@example.org>', 'Session 2', 'Could you register me for session 2?\n\nThanks,\nMaya Brooks\nProject lead | Heat Commons Foundation');
    expect(r.people).toEqual([['Maya Brooks', 'maya@example.org', 'Heat Commons Foundation']]);
  });

  it('keeps "Bedankt!" with only a name under it as the person\'s words', async () => {
    const raw = 'From: Tom <tom@example.nl>\nTo: info@hieropgewekt.nl\nSubject: Re: Bevestiging aanmelding\nMessage-ID: <b@example.nl>\nContent-Type: text/plain; charset=utf-8\n\nBedankt!\n\nTom Vos\n';
    expect(classify(await parseMail(Buffer.from(raw)), events, opts).ownText).toBe('Bedankt!');
  });

  it('reads a signature without sign-off whose lines are spaced by blank lines', async () => {
    const r = await attendees('Lisa Meijer <lisa@example.nl>', 'Sessie 4', 'Graag meld ik mij aan voor sessie 4.\n\nLisa Meijer\n\nKwartiermaker\n\nWarmtenet Oost\n\n06 12 34 56 78');
    expect(r.people).toEqual([['Lisa Meijer', 'lisa@example.nl', 'Warmtenet Oost']]);
  });

  it('does not take a request under a name for a signature', async () => {
    const r = await attendees('Lisa Meijer <lisa@example.nl>', 'Vraag', 'Hallo,\n\nLisa Meijer\n\nGraag afmelden voor sessie 4.');
    expect(r.intent).toBe('cancel');
  });

  it('skips the full name repeated under a signed first name', async () => {
    const r = await attendees('Daan Peeters <daan@example.nl>', 'Sessie 1', 'Ik meld me aan voor sessie 1.\n\nGroet,\n\nDaan\n\nDaan Peeters\n\nBuurkracht Noord');
    expect(r.people).toEqual([['Daan Peeters', 'daan@example.nl', 'Buurkracht Noord']]);
  });
});

describe('a cancel leaves alone who still comes', () => {
  it('does not cancel a colleague "still planning to attend"', async () => {
    const r = await attendees('Nina Park <nina@example.com>', 'Session 1', 'Please cancel my place for session 1. My colleague Omar Haddad is still planning to attend, so please keep his registration.');
    expect(r).toEqual({ intent: 'cancel', people: [['Nina Park', 'nina@example.com', null]] });
  });

  it('does not cancel "mijn collega Ruben … komt wel"', async () => {
    const r = await attendees('Eva Bakker <eva@example.nl>', 'Afmelding', 'Ik meld me af voor sessie 2. Mijn collega Ruben Smit komt wel gewoon.');
    expect(r.people.map((p) => p[0])).toEqual(['Eva Bakker']);
  });

  it('does not cancel a colleague who comes, in the same sentence as the cancel', async () => {
    const r = await attendees('Eva Bakker <eva@example.nl>', 'Re: Bevestiging aanmelding', 'Ik kan helaas niet, mijn collega Ruben Smit komt.');
    expect(r).toEqual({ intent: 'cancel', people: [['Eva Bakker', 'eva@example.nl', null]] });
  });

  it('cancels the sender and a colleague who cannot come either', async () => {
    const r = await attendees('Eva Bakker <eva@example.nl>', 'Re: Bevestiging aanmelding', 'Ik kan helaas niet. Mijn collega Ruben Smit kan ook niet.');
    expect(r.people.map((p) => p[0])).toEqual(['Eva Bakker', 'Ruben Smit']);
  });

  it('cancels nobody in Cc when an unnamed colleague "komt wel"', async () => {
    const r = await attendees('Eva Bakker <eva@example.nl>', 'Afmelding', 'Ik meld me af voor sessie 2, mijn collega (in cc) komt wel.', 'Cc: Ruben Smit <ruben@example.nl>\n');
    expect(r.people.map((p) => p[1])).toEqual(['eva@example.nl']);
  });

  it('never leaves only the sender when the sender did not say they cancel', async () => {
    const r = await attendees('Eva Bakker <eva@example.nl>', 'Afmelding', 'Het gaat om mijn collega Ruben Smit, die kan niet. Wilt u hem afmelden?');
    expect(r.people.map((p) => p[0])).not.toContain('Eva Bakker');
  });

  it('still cancels a colleague named in the cancel itself', async () => {
    const r = await attendees('Eva Bakker <eva@example.nl>', 'Afmelding', 'Graag afmelden voor mij en mijn collega Ruben Smit. Mijn collega Anna komt wel.');
    expect(r.people.map((p) => p[0])).toEqual(['Eva Bakker', 'Ruben Smit']);
  });
});

describe('job titles and names in a signature are not the organisation', () => {
  it.each([
    ['PhD candidate, Politecnico di Milano', 'Politecnico di Milano'],
    ['Projectcoördinator\nWarme Kempen cvba', 'Warme Kempen cvba'],
    ['Stafmedewerker Warmtenet Heverlee vzw', 'Warmtenet Heverlee vzw'],
    ['Community Heat Advisor, Brennan Heat Advisory', 'Brennan Heat Advisory'],
    ['Beleidsadviseur Energietransitie', null],
  ])('"%s" -> %s', async (line, organisation) => {
    const r = await attendees('Chiara Ferri <c.ferri@example.it>', 'Aanmelding', `Graag meld ik mij aan voor sessie 2.\n\nMet vriendelijke groet,\n\nChiara Ferri\n${line}`);
    expect(r.people).toEqual([['Chiara Ferri', 'c.ferri@example.it', organisation]]);
  });

  it('"Name | Title | Organisation" on one line gives the organisation, not the name', async () => {
    const r = await attendees('Niek van Rossum <niek@warmwijzer.nl>', 'Afmelding', 'Ik moet me helaas afmelden voor 14 januari.\n\nGroetjes,\nNiek\n\nNiek van Rossum | Product Lead | Warmwijzer');
    expect(r.people).toEqual([['Niek van Rossum', 'niek@warmwijzer.nl', 'Warmwijzer']]);
  });

  it('"my colleague Ms. Shreya Varma" is Shreya Varma, and no one called "Ms"', async () => {
    const r = await attendees('Arjun Srinivasan <a.srinivasan@tideway.nl>', 'Registration', 'Kindly register myself and my colleague Ms. Shreya Varma (shreya.varma@tideway.nl) for the session on 11th February.');
    expect(r.people.map((p) => p[0])).toEqual(['Arjun Srinivasan', 'Shreya Varma']);
  });
});

describe('an organisation written after an address is a name, never a clause', () => {
  it('"…(m@x.nl), hij is onze penningmeester en heeft contact met de gemeente" gives no organisation from the clause', async () => {
    const body = "Wij komen graag met z'n tweeën namens Warmtenet Oost-Lanen op 11/2. Dat zijn ik en Mathijs Damen (mathijs.damen@example.nl), hij is onze penningmeester en heeft het meeste contact met de gemeente.";
    const r = await attendees('Fenna Boxem <fenna@example.nl>', 'Aanmelding', body);
    expect(r.people).toEqual([['Fenna Boxem', 'fenna@example.nl', 'Warmtenet Oost-Lanen'], ['Mathijs Damen', 'mathijs.damen@example.nl', 'Warmtenet Oost-Lanen']]);
  });

  it('"X (x@…) en ik komen graag namens Stichting Y" gives both Stichting Y', async () => {
    const r = await attendees('Jacco Visscher <jacco@example.nl>', 'Aanmelding', 'Henriëtte Struijk (h.struijk@example.nl) en ik komen graag namens Stichting Warm Westeinde naar de sessie over organisatievormen. Kunnen jullie ons allebei noteren?');
    expect(r.people.map((p) => p[2])).toEqual(['Stichting Warm Westeinde', 'Stichting Warm Westeinde']);
  });
});

describe('lessons of holdout-15, -16 and -17 about who is meant', () => {
  it('"Graag aanmelden voor 11/2. Mijn collega Hanna (cc) wil ook mee" registers the sender and the Cc', async () => {
    const r = await attendees('Lars Ebbers <l.ebbers@example.nl>', 'Aanmelding 11/2', 'Graag aanmelden voor 11/2. Mijn collega Hanna (cc) wil ook mee, kunnen jullie haar ook noteren?', 'Cc: Hanna Gortzak <h.gortzak@example.nl>\n');
    expect(r.people.map((p) => p[1])).toEqual(['l.ebbers@example.nl', 'h.gortzak@example.nl']);
  });

  it('"Kan mijn collega Fleur ook nog mee?" above our confirmation registers only Fleur', async () => {
    const body = 'Dank jullie! Kan mijn collega Fleur Arkema ook nog mee? Haar mailadres is f.arkema@example.nl.\n\n> Je bent aangemeld voor Kennissessie 1.';
    const r = await attendees('Joyce Buitenhuis <joyce@example.nl>', 'Re: Bevestiging aanmelding: Kennissessie 1', body);
    expect(r).toEqual({ intent: 'signup', people: [['Fleur Arkema', 'f.arkema@example.nl', null]] });
  });

  it('a name with its organisation in brackets before the address: "Wilma Bosschaart (van Bewonersvereniging Het Gagelveld), wilma@…"', async () => {
    const body = 'Zojuist gebeld:\nWilma Bosschaart (van Bewonersvereniging Het Gagelveld), wilma@example.nl\nWil graag naar de sessie op 11 maart. Kun je haar erop zetten?';
    const r = await attendees('Marieke <marieke@hieropgewekt.nl>', 'tel. aanmelding', body);
    expect(r.people).toEqual([['Wilma Bosschaart', 'wilma@example.nl', 'Bewonersvereniging Het Gagelveld']]);
  });

  it('the writer of a forwarded out-of-office is not registered, nor a colleague said to be on leave', async () => {
    const body = 'I forwarded your invitation to my colleague Hanna Lettinga, but as you can see below she is on parental leave until March. Please register me for 14 January.\n\nKind regards,\nOliver\n\nFrom: Hanna Lettinga <h.lettinga@example.nl>\nSent: Tuesday, December 1, 2026 10:41 AM\nTo: Oliver <o@example.nl>\nSubject: Automatic reply: Kennissessie 1\n\nI am on parental leave until 1 March 2027 and will not be reading my e-mail.';
    const r = await attendees('Oliver Pennington <o@example.nl>', 'FW: Automatic reply: Kennissessie 1', body);
    expect(r.people.map((p) => p[1])).toEqual(['o@example.nl']);
  });

  it('staff forwarding a web form\'s notice register the person in its fields', async () => {
    const body = 'Hoi,\n\nDeze kwam via het contactformulier binnen. Kun je Roos aanmelden voor sessie 4?\n\nMarieke\n\n---------- Doorgestuurd bericht ---------\nVan: HIER opgewekt <wordpress@hieropgewekt.nl>\nDate: di 19 jan 2027 om 22:14\nSubject: Nieuw bericht via het contactformulier\nTo: <marieke@hieropgewekt.nl>\n\nNaam: Roos Pastoor\nE-mailadres: roos@example.nl\nOrganisatie: Wijkwarmte Klaverweide\n\nBericht:\nIk wil me graag aanmelden voor 8 april.';
    const r = await attendees('Marieke <marieke@hieropgewekt.nl>', 'Fwd: Nieuw bericht via het contactformulier', body);
    expect(r.people).toEqual([['Roos Pastoor', 'roos@example.nl', 'Wijkwarmte Klaverweide']]);
  });

  it('German job titles under the name are no organisation ("Technische Leitung")', async () => {
    const body = 'Unfortunately I must cancel my participation for the session on 11 February.\n\nBest regards\n\nJürgen Weißbach\nTechnische Leitung\nNahwärme Vechtetal GmbH';
    const r = await attendees('Jürgen Weißbach <j@example.de>', 'Cancellation', body);
    expect(r.people).toEqual([['Jürgen Weißbach', 'j@example.de', 'Nahwärme Vechtetal GmbH']]);
  });
});

describe('a cancel for others by a secretariat or a colleague', () => {
  it('"Beiden zijn die middag ingeroosterd" is about the two advisers, not the secretariat that writes', async () => {
    const body = 'Namens Warmtekader Advies bericht ik u dat onze adviseurs helaas niet aanwezig kunnen zijn op 14 januari. Beiden zijn die middag ingeroosterd.\n\nWilt u hun inschrijvingen laten vervallen? Het betreft:\n\nRoel van Sloten: r.vansloten@example.nl\nPim Zeelenberg: p.zeelenberg@example.nl';
    const r = await attendees('Secretariaat Warmtekader Advies <secretariaat@example.nl>', 'Deelname 14 januari', body);
    expect(r.people.map((p) => p[1])).toEqual(['r.vansloten@example.nl', 'p.zeelenberg@example.nl']);
  });

  it('a forwarded out-of-office of a sick colleague, with "willen jullie hem afmelden?", cancels that colleague', async () => {
    const body = 'Zie hieronder: mijn collega Bas Obbink is ziek en zit tot eind februari thuis. Willen jullie hem afmelden voor 11 februari? Zelf sta ik niet op de lijst.\n\nGroet,\nSander\n\n---------- Doorgestuurd bericht ---------\nVan: Bas Obbink <b.obbink@example.nl>\nDate: ma 1 feb 2027 om 14:02\nSubject: Automatisch antwoord: overleg\nTo: Sander Jonkman <s@example.nl>\n\nIk ben wegens ziekte afwezig tot eind februari.';
    const r = await attendees('Sander Jonkman <s@example.nl>', 'Fwd: Automatisch antwoord: overleg', body);
    expect([r.intent, r.people.map((p) => p[1])]).toEqual(['cancel', ['b.obbink@example.nl']]);
  });
});

describe('lessons of holdout-18 and -20 about who is meant', () => {
  it('"bij ons in de werkgroep" does not put the sender beside the neighbour she registers', async () => {
    const body = 'Dank voor de bevestiging!\n\nMijn buurvrouw Anke Dalhuisen wil ook graag mee, zij zit bij ons in de werkgroep. Haar mailadres is anke@example.nl. Kunnen jullie haar ook aanmelden voor 14 januari?\n\n> Je bent aangemeld voor Kennissessie 1.';
    const r = await attendees('Corrie Boschloo <corrie@example.nl>', 'Re: Bevestiging aanmelding: Kennissessie 1', body);
    expect(r.people.map((p) => p[1])).toEqual(['anke@example.nl']);
  });

  it('a list with the sender\'s own address registers the sender too ("Could you register the three of us?")', async () => {
    const body = 'Could you register the three of us for 11 February?\n\n- Linnea Sundqvist, linnea@example.se\n- Elias Wallin, elias@example.se\n- Tove Rydberg, tove@example.se';
    const r = await attendees('Linnea Sundqvist <linnea@example.se>', 'Registration', body);
    expect(r.people.map((p) => p[1])).toEqual(['linnea@example.se', 'elias@example.se', 'tove@example.se']);
  });

  it('a colleague named only as who forwarded the invitation is not registered', async () => {
    const body = 'Mijn collega Geeske stuurde me onderstaande uitnodiging door. Kunnen jullie mij aanmelden voor 11 maart?';
    const r = await attendees('Jelmer Sybrandy <jelmer@example.nl>', 'Fwd: Uitnodiging', body);
    expect(r.people.map((p) => p[1])).toEqual(['jelmer@example.nl']);
  });

  it('a colleague named with "komt ook" is registered', async () => {
    const r = await attendees('Jelmer Sybrandy <jelmer@example.nl>', 'Aanmelding', 'Graag meld ik mij aan voor 11 maart. Mijn collega Geeske Hoitinga komt ook.');
    expect(r.people.map((p) => p[0])).toEqual(['Jelmer Sybrandy', 'Geeske Hoitinga']);
  });
});

describe('lessons of holdout-18 and -19: people named beside the sender, callers before their organisation', () => {
  it('"Marjolein en ik … Willen jullie ons allebei afmelden?" cancels Marjolein too, by name', async () => {
    const r = await attendees('Arjan Bisschop <arjan@example.nl>', 'Afmelding 14 januari', 'Marjolein en ik hadden ons aangemeld voor 14 januari, maar die middag is onze ledenvergadering. Willen jullie ons allebei afmelden?');
    expect(r.people.map((p) => p[0])).toEqual(['Arjan Bisschop', 'Marjolein']);
  });

  it('a caller written before the organisation ("Kees Nagtegaal van Warmtenet Oldebroek-Noord belde net")', async () => {
    const body = 'Kees Nagtegaal van Warmtenet Oldebroek-Noord belde net: hij is ziek en komt vanmiddag niet. Kunnen jullie hem afmelden? Hij staat ingeschreven met kees@example.nl.';
    const r = await attendees('Marieke <marieke@hieropgewekt.nl>', 'Afmelding Kees', body);
    expect(r.people).toEqual([['Kees Nagtegaal', 'kees@example.nl', 'Warmtenet Oldebroek-Noord']]);
  });
});

describe('lessons of holdout-26 about who a forward or a cancel is about', () => {
  it('a colleague forwarding her own confirmation is not registered beside the sender who asks for himself', async () => {
    const body = 'My colleague Siobhán forwarded me her confirmation below. Could you please register me for the same session as well?\n\nDeclan\n\nFrom: Siobhán Ruane <siobhan@example.ie>\nSent: Tuesday, February 16, 2027 4:55 PM\nTo: Declan Tierney <declan@example.ie>\nSubject: FW: Registration confirmed: Kennissessie 3\n\nDeclan, this is the one I mentioned.';
    const r = await attendees('Declan Tierney <declan@example.ie>', 'FW: Registration confirmed: Kennissessie 3', body);
    expect(r.people.map((p) => p[1])).toEqual(['declan@example.ie']);
  });

  it('"Willen jullie hen afmelden? Zelf kom ik wel gewoon" cancels the two, not the sender', async () => {
    const body = 'Mijn medewerkers Ilona Sijbesma (ilona@example.nl) en Ruben Straatman (ruben@example.nl) kunnen op 11 februari helaas niet. Willen jullie hen allebei afmelden?\n\nZelf kom ik wel gewoon, mijn aanmelding blijft staan.';
    const r = await attendees('Dirk Walraven <dirk@example.nl>', 'Afmelding twee medewerkers', body);
    expect(r.people.map((p) => p[1])).toEqual(['ilona@example.nl', 'ruben@example.nl']);
  });

  it('a colleague in Cc going on leave is the one cancelled ("Zij gaat met zwangerschapsverlof … Willen jullie haar afmelden?")', async () => {
    const body = 'Mijn collega Wendy (in de cc) staat bij jullie aangemeld voor 11 maart. Zij gaat eind deze maand met zwangerschapsverlof en kan er dus niet bij zijn. Willen jullie haar afmelden?';
    const r = await attendees('Patrick <patrick@example.nl>', 'Afmelding 11 maart', body, 'Cc: Wendy Ravensbergen <wendy@example.nl>\n');
    expect(r.people.map((p) => p[1])).toEqual(['wendy@example.nl']);
  });

  it('staff forwarding a person\'s mail register the colleague that mail brings along', async () => {
    const body = 'Willen jullie Gerben en zijn collega aanmelden voor sessie 1?\n\nMarieke\n\n---------- Forwarded message ---------\nVan: Gerben Touw <gerben@example.nl>\nDate: ma 7 dec 2026 om 11:48\nSubject: Aanmelding 14 januari\nTo: Marieke <marieke@hieropgewekt.nl>\n\nIk wil me graag aanmelden voor 14 januari. Mijn collega Hilde Schotanus (hilde@example.nl) gaat ook mee.\n\nGroeten,\nGerben';
    const r = await attendees('Marieke <marieke@hieropgewekt.nl>', 'Fwd: Aanmelding 14 januari', body);
    expect(r.people.map((p) => p[1])).toEqual(['gerben@example.nl', 'hilde@example.nl']);
  });
});

describe('lessons of holdout-28 and -29 about who is meant', () => {
  it('"Me and my partner Bram would like to join" registers both', async () => {
    const r = await attendees('Sanne Kalkhoven <sanne@example.nl>', 'Sign up 14 January', 'Me and my partner Bram Lanting would like to join the session on the 14th of January. Bram\'s email is bram@example.nl');
    expect(r.people.map((p) => p[1])).toEqual(['sanne@example.nl', 'bram@example.nl']);
  });

  it('a colleague who "heeft zich al aangemeld" and forwarded his confirmation is not registered again', async () => {
    const body = 'Mijn collega Joost heeft zich al aangemeld voor deze sessie (zie zijn doorgestuurde bevestiging hieronder). Ik zou graag met hem meegaan. Kunnen jullie mij ook aanmelden?\n\nVan: Joost Brummelhuis <joost@example.nl>\nVerzonden: vrijdag 5 februari 2027 16:31\nAan: Ingeborg <ingeborg@example.nl>\nOnderwerp: FW: Bevestiging aanmelding: Kennissessie 4\n\nDit is die sessie waar ik het over had.';
    const r = await attendees('Ingeborg Tjalsma <ingeborg@example.nl>', 'FW: FW: Bevestiging aanmelding: Kennissessie 4', body);
    expect(r.people.map((p) => p[1])).toEqual(['ingeborg@example.nl']);
  });

  it('above our "Aanmelding verwerkt" mail, "could you also add one more colleague" adds only the colleague', async () => {
    const body = 'Could you also add one more colleague to the list for 11 February? Xander Zwinkels, x@example.nl. He would like to come along with the two of us.\n\nFrom: HIER opgewekt <info@hieropgewekt.nl>\nSent: Thursday, 14 January 2027 10:12\nTo: Tom <tom@example.nl>\nSubject: Aanmelding verwerkt: Kennissessie 2\n\nBedankt. We hebben je aanmelding voor Kennissessie 2 op donderdag 11 februari 2027 verwerkt:';
    const r = await attendees('Tom Ellsworth <tom@example.nl>', 'RE: Aanmelding verwerkt: Kennissessie 2', body);
    expect(r.people.map((p) => p[1])).toEqual(['x@example.nl']);
  });
});
