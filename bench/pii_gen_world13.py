#!/usr/bin/env python3
"""A thirteenth held-out PII set ("world13") for `person`, written after the
inflection rules made from world12 seed 1401's errors (router/pii_name_infl.c)
and before the scanner ran on it: the second first-contact measure of those
rules. Everything differs from world12:

- other people and other cases, written out by hand for this generator:
  Polish locative and vocative (`o Bartoszu Nowickim`, `Pani Ewo`), Czech
  and Slovak locative and vocative, Serbian Cyrillic and Latin instrumental,
  Russian prepositional (`о Наталье Лебедевой`), Ukrainian genitive,
  Finnish ablative and elative (`Antti Niemiseltä`), Estonian ablative and
  elative, Hungarian allative and delative (`Fekete Zoltánhoz`, `Varga
  Ildikóról`), Latvian and Lithuanian genitive and dative, Icelandic dative
  (`Guðrúnu Jónsdóttur`), Greek vocative, a Turkish ablative after an
  apostrophe;
- names of 20 other cultures in plain templates: Albanian, Basque, Catalan,
  Galician, Welsh, Irish, Maltese, Swahili, Zulu, Hausa, Amharic in Latin
  letters, Tamil and Telugu in Latin letters, Nepali, Burmese, Khmer,
  Mongolian in Latin letters, Hawaiian, Samoan, Quechua;
- templates: court judgments, HR onboarding, discharge summaries, school
  e-mails, WhatsApp exports with speakers and times, recommendations,
  calendar invites, support tickets, a family tree, a sports report;
- look-alikes in the same texts: streets and squares named after people in
  addresses, cities in their cases (`w Lublinie`, `Jyväskylässä`, `в
  Самаре`), products, ships, storms, the names of laws and prizes.

  python3 bench/pii_gen_world13.py [--n 800] [--seed 1501] > /tmp/w13.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w13.json

Stdlib only; the output depends on --seed alone. Seeds 1501 and 1502 are held
out; their first contact is recorded in docs/pii.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, n = w.pick, w.n

# (nominative, second case, third case) of each language, as its templates use them
INFL = {
    # nominative, locative, vocative
    'pl': [('Bartosz Nowicki', 'Bartoszu Nowickim', 'Bartoszu'),
           ('Ewa Kaczmarek', 'Ewie Kaczmarek', 'Ewo'),
           ('Michał Sikora', 'Michale Sikorze', 'Michale'),
           ('Katarzyna Wieczorek', 'Katarzynie Wieczorek', 'Katarzyno')],
    'cs': [('Jakub Svoboda', 'Jakubovi Svobodovi', 'Jakube'),
           ('Lucie Novotná', 'Lucii Novotné', 'Lucie'),
           ('Tomáš Kučera', 'Tomášovi Kučerovi', 'Tomáši')],
    'sk': [('Peter Baláž', 'Petrovi Balážovi', 'Peter'),
           ('Lenka Kováčová', 'Lenke Kováčovej', 'Lenka')],
    # nominative, instrumental, genitive
    'sr': [('Милош Петровић', 'Милошем Петровићем', 'Милоша Петровића'),
           ('Јелена Јовановић', 'Јеленом Јовановић', 'Јелене Јовановић'),
           ('Nikola Stojanović', 'Nikolom Stojanovićem', 'Nikole Stojanovića')],
    # nominative, prepositional, genitive
    'ru': [('Наталья Лебедева', 'Наталье Лебедевой', 'Натальи Лебедевой'),
           ('Игорь Новиков', 'Игоре Новикове', 'Игоря Новикова'),
           ('Анна Федорова', 'Анне Федоровой', 'Анны Федоровой')],
    'uk': [('Олена Шевченко', 'Олені Шевченко', 'Олени Шевченко'),
           ('Богдан Ткаченко', 'Богданові Ткаченку', 'Богдана Ткаченка')],
    # nominative, ablative, elative
    'fi': [('Antti Nieminen', 'Antti Niemiseltä', 'Antti Niemisestä'),
           ('Laura Järvinen', 'Laura Järviseltä', 'Laura Järvisestä'),
           ('Jukka Salminen', 'Jukka Salmiselta', 'Jukka Salmisesta')],
    'et': [('Mart Kuusk', 'Mart Kuusilt', 'Mart Kuusest'),
           ('Triin Rebane', 'Triin Rebaselt', 'Triin Rebasest')],
    # nominative, allative, delative
    'hu': [('Fekete Zoltán', 'Fekete Zoltánhoz', 'Fekete Zoltánról'),
           ('Varga Ildikó', 'Varga Ildikóhoz', 'Varga Ildikóról'),
           ('Molnár Tamás', 'Molnár Tamáshoz', 'Molnár Tamásról')],
    # nominative, genitive, locative (Latvian, Lithuanian)
    'lv': [('Andris Kalniņš', 'Andra Kalniņa', 'Andrim Kalniņam'),
           ('Līga Bērziņa', 'Līgas Bērziņas', 'Līgai Bērziņai')],
    'lt': [('Darius Jankauskas', 'Dariaus Jankausko', 'Dariui Jankauskui'),
           ('Eglė Vaitkienė', 'Eglės Vaitkienės', 'Eglei Vaitkienei')],
    # nominative, dative, accusative (Icelandic)
    'is': [('Guðrún Jónsdóttir', 'Guðrúnu Jónsdóttur', 'Guðrúnu Jónsdóttur'),
           ('Ólafur Gunnarsson', 'Ólafi Gunnarssyni', 'Ólaf Gunnarsson')],
    # nominative, genitive, vocative (Greek)
    'el': [('Δημήτρης Κωνσταντίνου', 'Δημήτρη Κωνσταντίνου', 'Δημήτρη'),
           ('Σοφία Παπαδάκη', 'Σοφίας Παπαδάκη', 'Σοφία')],
}
CASE = {'nom': 0, 'b': 1, 'c': 2}

PLAIN = {
    'sq': (['Arben', 'Drita', 'Ilir', 'Blerta'], ['Hoxha', 'Krasniqi', 'Berisha', 'Gashi']),
    'eu': (['Iker', 'Ainhoa', 'Unai', 'Nerea'], ['Etxeberria', 'Goikoetxea', 'Agirre', 'Zubiri']),
    'ca': (['Jordi', 'Montse', 'Pau', 'Núria'], ['Puigdemont', 'Vilalta', 'Casals', 'Roca']),
    'cy': (['Rhys', 'Cerys', 'Gethin', 'Angharad'], ['Pritchard', 'Llewelyn', 'Bowen', 'Pugh']),
    'ga': (['Siobhán', 'Cian', 'Aoife', 'Oisín'], ["Ó Súilleabháin", 'Mac Giolla', 'Ní Bhriain',
                                                    'Breathnach']),
    'mt': (['Ġorġ', 'Marija', 'Ċensu', 'Rita'], ['Borg', 'Camilleri', 'Vella', 'Farrugia']),
    'zu': (['Sipho', 'Nomvula', 'Thabo', 'Lindiwe'], ['Dlamini', 'Nkosi', 'Zulu', 'Mthembu']),
    'ha': (['Musa', 'Hauwa', 'Aminu', 'Zainab'], ['Bello', 'Abubakar', 'Danjuma', 'Garba']),
    'te': (['Srinivas', 'Lakshmi', 'Venkatesh', 'Padma'], ['Naidu', 'Rao', 'Chowdary', 'Varma']),
    'ne': (['Bikash', 'Sabina', 'Prakash', 'Anjali'], ['Shrestha', 'Gurung', 'Thapa', 'Adhikari']),
    'mn': (['Bold', 'Sarangerel', 'Ganzorig', 'Enkhjargal'], ['Batbayar', 'Erdenebat',
                                                              'Tumurbaatar', 'Otgonbayar']),
    'kh': (['Sokha', 'Vannak', 'Sreymom', 'Dara'], ['Chea', 'Sok', 'Pich', 'Heng']),
    'mm': (['Aung', 'Thida', 'Zaw', 'Khin'], ['Min Htet', 'Win', 'Myint', 'Oo']),
    'ws': (['Malia', 'Tavita', 'Sina', 'Losa'], ['Tuilagi', 'Faleolo', 'Leota', 'Sapolu']),
    'qu': (['Wayra', 'Killa', 'Inti', 'Sisa'], ['Mamani', 'Quispe', 'Condori', 'Huaman']),
}
GIVEN = sorted({g for gs, _ in PLAIN.values() for g in gs})


def infl(loc_case):
    loc, case = loc_case.split('_')
    return pick(INFL[loc])[CASE[case]]


def plain(loc='any'):
    g, f = PLAIN[pick(sorted(PLAIN)) if loc == 'any' else loc]
    return '%s %s' % (pick(g), pick(f))


def given(_=None):
    return pick(GIVEN)


TYPED = dict(w.TYPED)
TYPED.update({
    'pl': ('person', 'PERSON', plain),
    'i': ('person', 'PERSON', infl),
    'g': ('person', 'PERSON', given),
    'lg': ('person', 'PERSON', lambda _=None: w.fold(given()).lower()),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'city_pl': lambda: pick(['w Lublinie', 'w Rzeszowie', 'z Białegostoku']),
    'city_fi': lambda: pick(['Jyväskylässä', 'Kuopiosta', 'Vaasaan']),
    'city_ru': lambda: pick(['в Самаре', 'из Перми', 'в Воронеже']),
    'square': lambda: pick(['plac Wilsona', 'náměstí Jiřího z Poděbrad', 'Skanderbeg Square',
                            'Plaça de Francesc Macià', 'Piazza Giuseppe Garibaldi']),
    'product': lambda: pick(['Hugo Boss Bottled', 'Ray-Ban Wayfarer', 'Levi Strauss 501',
                             'Jack Daniels', 'Johnnie Walker Black']),
    'storm': lambda: pick(['Storm Ciarán', 'Hurricane Beryl', 'Typhoon Haikui', 'Cyclone Freddy']),
    'law': lambda: pick(["Murphy's law", 'the Magnitsky Act', 'the Nobel Prize',
                         'the Fields Medal', "Parkinson's law"]),
    'ship': lambda: pick(['MS Finnmarken', 'RV Polarstern', 'HMS Queen Elizabeth']),
    'num': lambda: str(n(2, 40)),
    'time': lambda: '%d:%02d' % (n(7, 22), n(0, 59)),
    'date2': lambda: w.date('any', (2023, 2025)),
})

TEMPLATES = [
    "Sąd Rejonowy <<city_pl>> w sprawie z powództwa <<i.pl_nom>> orzekł na korzyść pozwanej.",
    "Pani <<i.pl_c>>, dziękuję za wiadomość. Rozmawialiśmy o <<i.pl_b>> wczoraj.",
    "Milý <<i.cs_c>>,\nposílám zprávu pro <<i.cs_nom>>. Děkujeme <<i.cs_b>> za pomoc.",
    "Ďakujeme <<i.sk_b>> za spoluprácu.\nS pozdravom\n<<i.sk_nom>>",
    "Разговарао сам са <<i.sr_b>> о уговору.",
    "Razgovarala sam s <<i.sr_b>> juče.",
    "Мы говорили о <<i.ru_b>> на совещании <<city_ru>>.",
    "Письмо от <<i.ru_c>> получено <<date2>>.",
    "Лист від <<i.uk_c>> надійшов учора.",
    "Sain viestin <<i.fi_b>> ja tiedon <<i.fi_c>> <<city_fi>>.",
    "Sain kirja <<i.et_b>> ja kuulsin <<i.et_c>>.",
    "Holnap megyek <<i.hu_b>>, és beszéltünk <<i.hu_c>> is.",
    "Kedves <<i.hu_nom>>!\nKöszönöm a levelet.",
    "Dokumenti <<i.lv_b>> ir gatavi. Paldies <<i.lv_c>>.",
    "Gavome <<i.lt_b>> laišką. Ačiū <<i.lt_c>>.",
    "Ég sendi <<i.is_b>> skýrsluna í gær.",
    "Αγαπητέ <<i.el_c>>,\nη αναφορά του <<i.el_b>> είναι έτοιμη.",
    "Dosyayı <<pl.sq>>'dan aldım.",
    # other cultures in plain templates
    "WhatsApp Chat\n[<<date2>>, <<time>>] <<pl>>: are you coming?\n[<<date2>>, <<time>>] <<pl>>: yes",
    "Calendar invite: Project sync\nOrganizer: <<pl>>\nGuests: <<pl>>, <<pl>>, <<pl>>",
    "Ticket #<<num>>4471 reported by <<pl>>; assigned to <<pl>>.",
    "DISCHARGE SUMMARY\nPatient: <<pl>>\nAttending: Dr. <<pl>>\nFollow-up with <<pl>> in 2 weeks.",
    "Dear parents,\n<<g>> and <<g>> will present their project on Friday.\nMs <<pl>>",
    "Welcome aboard, <<pl>>! Your buddy is <<pl>> and your manager is <<pl>>.",
    "I had the pleasure of working with <<pl>> for three years and recommend her warmly.",
    "Family tree: <<pl>> (1921–1998) married <<pl>>; their son <<pl>> lives in Cardiff.",
    "<<pl>> scored twice before <<pl>> equalised in the 89th minute.",
    "lol <<lg>> is late again",
    "ask <<g>> whether the room is booked",
    "Minutes — present: <<pl>>; <<pl>>; <<pl>>. Apologies: <<pl>>.",
    "Signed by <<pl>> at <<square>>, <<date2>>.",
    "Thanks, <<g>>!",
]
LOOKALIKES = [
    "Meet at <<square>> after the <<product>> launch.",
    "<<storm>> closed the port; <<ship>> stayed in harbour.",
    "The talk covers <<law>> and its critics.",
    "Spotkanie <<city_pl>> zostało przeniesione.",
    "Конференция <<city_ru>> пройдёт в мае.",
    "Tapaaminen pidetään <<city_fi>>.",
    "<<product>> — <<num>>% off this week only",
]


def record():
    t = pick(LOOKALIKES if rng.random() < 0.2 else TEMPLATES)
    return w.fill(t, TYPED, LOOK)


def main():
    w.write_set(record, 1501, __doc__)


if __name__ == '__main__':
    main()
