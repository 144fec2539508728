#!/usr/bin/env python3
"""An eighth held-out PII set ("world8") for `person`, written at the start of
session 7's person round, before any of its rules and before the scanner ran
on it, shaped like a judge's set: Faker-style names of many locales dropped
into templates none of world .. world7 has. Everything differs from them:

- names: Faker en_US-style names with prefixes and suffixes (Dr., Mrs.,
  Jr., III, PhD, MD), Russian, Ukrainian and Bulgarian (Latin and Cyrillic),
  Irish (Ó, Mac, Ní, apostrophes), Icelandic (-dóttir, þ, ð), Māori and
  Hawaiian (Te, ʻokina), Igbo and Hausa, Yoruba with tone marks, Korean and
  Thai in Latin letters (hyphenated given names), Malay (bin/binti), Pashto,
  Quechua and Aymara surnames, Vietnamese; Yoruba and Vietnamese names also
  in NFD (base letter + combining marks), the way some keyboards and macOS
  file names write them;
- templates: Slack, Teams and WhatsApp exports (speaker, time, message),
  meeting minutes (Present / Apologies / Chair / Minute taker), HR forms
  (emergency contact, line manager, next of kin), CVs with referees, GP and
  hospital letters, court judgments (R v X, Before: Justice X, the
  appellant), forwarded e-mail threads (From / Sent / To / Cc, "On <date>
  X wrote:"), CSV with name columns, JSON with firstName / lastName and
  nested customers, ALL-CAPS forms (driver licence, W-2, customs
  declaration), names after "thanks", "ping", "ask" and in greetings;
- look-alikes: companies named after people (Johnson & Johnson, Morgan
  Stanley, Ernst & Young, Procter & Gamble), brands (Calvin Klein, Dr.
  Martens, Ben & Jerry's), places and streets named after people (San
  Francisco, Port Elizabeth, Martin Luther King Jr. Boulevard), German
  prose with capitalised nouns, capitalised job titles, code identifiers
  and config values after name fields (`name: billing-worker`).

  python3 bench/pii_gen_world8.py [--n 800] [--seed 1001] > /tmp/w8.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w8.json

Stdlib only; the output depends on --seed alone. Seeds 1001 and 1002 are held
out: their first contact is recorded in docs/pii.md; 1001's errors may be
read afterwards, 1002's are never read.
"""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n

# given names, family names per culture (written for this generator)
NAMES = {
    'us': (['Jennifer', 'Tyler', 'Brittany', 'Dustin', 'Kayla', 'Cody', 'Shannon', 'Travis',
            'Courtney', 'Derek', 'Heather', 'Marcus', 'Alexis', 'Bradley'],
           ['Rodriguez', 'Wilson', 'Holloway', 'Mckenzie', 'Vasquez', 'Patterson', 'Fitzpatrick',
            'Gallagher', 'Hendricks', 'Barrett', 'Schroeder', 'Delgado', 'Whitaker']),
    'ru': (['Dmitri', 'Yekaterina', 'Aleksandr', 'Svetlana', 'Grigori', 'Anastasiya',
            'Vsevolod', 'Lyudmila', 'Oksana', 'Taras', 'Bohdan', 'Yaroslav', 'Stoyan',
            'Desislava'],
           ['Kuznetsov', 'Smirnova', 'Vorobyov', 'Lebedeva', 'Zhukovsky', 'Shevchenko',
            'Kovalenko', 'Bondarenko', 'Tkachuk', 'Hrytsenko', 'Stoyanova', 'Petkov']),
    'ie': (['Aoife', 'Siobhán', 'Cillian', 'Niamh', 'Oisín', 'Caoimhe', 'Pádraig', 'Ciarán'],
           ["Ó Súilleabháin", 'Mac Giolla Phádraig', "O'Driscoll", 'Ní Bhriain',
            'McGuinness', 'Fitzgerald', 'Ó Briain']),
    'is': (['Guðrún', 'Sigurður', 'Þórunn', 'Hrafn', 'Ragnheiður', 'Eyjólfur'],
           ['Jónsdóttir', 'Sigurðsson', 'Magnúsdóttir', 'Gunnarsson', 'Þórðardóttir']),
    'pa': (['Aroha', 'Wiremu', 'Tamati', 'Mere', 'Keoni', 'Leilani', 'Kalani', 'Hōkū'],
           ['Ngata', 'Parata', 'Te Whare', 'Kahananui', 'Kealoha', 'Tūhoe', 'Ngārimu']),
    'ng': (['Chukwuemeka', 'Ngozi', 'Obinna', 'Adaeze', 'Abubakar', 'Zainab', 'Chiamaka',
            'Emeka'],
           ['Okonkwo', 'Nwachukwu', 'Danjuma', 'Abdulkadir', 'Eze', 'Okafor', 'Ibekwe']),
    'yo': (['Adébáyọ̀', 'Olúwaṣeun', 'Títílọpẹ́', 'Ayọ̀dèjì', 'Fọláṣadé', 'Bọ́lá'],
           ['Ọlátúndé', 'Adéyẹmí', 'Ògúnléye', 'Àjàyí', 'Ọ̀ṣọ́', 'Fáṣọlá']),
    'kr': (['Ji-hoon', 'Seo-yeon', 'Min-jun', 'Ha-eun', 'Dong-hyun', 'Soo-ah'],
           ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Shin']),
    'th': (['Somchai', 'Nattapong', 'Siriporn', 'Kanokwan', 'Thanawat', 'Pimchanok'],
           ['Srisuk', 'Wongsawat', 'Chaiyaporn', 'Rattanakorn', 'Boonmee', 'Sukprasert']),
    'my': (['Nurul Aina', 'Muhammad Hafiz', 'Siti Aisyah', 'Ahmad Faiz', 'Nur Izzati'],
           ['Rahman', 'Ismail', 'Osman', 'Razak', 'Yusof']),
    'af': (['Ahmad Shah', 'Gulalai', 'Mirwais', 'Zarmina', 'Wahidullah', 'Spogmai'],
           ['Popalzai', 'Barakzai', 'Stanikzai', 'Noorzai', 'Mohmand']),
    'pe': (['Wayra', 'Killa', 'Nayra', 'Yupanqui', 'Eulogia', 'Florencio'],
           ['Mamani', 'Quispe', 'Condori', 'Huanca', 'Choque', 'Ccallo']),
}
CULTURES = sorted(NAMES)
PREFIX = ['Dr.', 'Mr.', 'Mrs.', 'Ms.', 'Miss', 'Prof.', 'Mx.']
SUFFIX = ['Jr.', 'Sr.', 'III', 'II', 'PhD', 'MD', 'DDS', 'DVM']
SCRIPT = ['Дмитрий Соколов', 'Екатерина Лебедева', 'Оксана Ткачук', 'Тарас Шевченко',
          'Десислава Стоянова', 'Григорий Воробьёв']


def nfd(s):
    return unicodedata.normalize('NFD', s)


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def last(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1])


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    f, l = first(loc), last(loc)
    if loc == 'my' and rng.random() < 0.6:
        return '%s %s %s' % (f, pick(['bin', 'binti']), l)
    if loc == 'us' and rng.random() < 0.3:
        return '%s %s. %s' % (f, pick('ABCDEJKLMRST'), l)
    if loc == 'us' and rng.random() < 0.2:
        return '%s %s %s' % (f, l, pick(SUFFIX[:4]))
    return '%s %s' % (f, l)


def titled(loc='any'):
    """A Faker name() with a prefix (outside the span's meaning, inside its text)."""
    return '%s %s' % (pick(PREFIX), person(loc))


def person_nfd(_=None):
    """Vietnamese or Yoruba names decomposed into base letters and marks."""
    if rng.random() < 0.5:
        return nfd('%s %s %s' % (pick(w.VI_SUR), pick(w.VI_MID), pick(w.VI_GIV)))
    return nfd(person('yo'))


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person),
    'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last),
    'titled': ('person', 'PERSON', titled),
    'nfdp': ('person', 'PERSON', person_nfd),
    'cyr': ('person', 'PERSON', lambda _=None: pick(SCRIPT)),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'company': lambda: pick(['Johnson & Johnson', 'Morgan Stanley', 'Ernst & Young',
                             'Procter & Gamble', 'Goldman Sachs', 'Hewlett Packard Enterprise',
                             'Marks & Spencer', 'Lockheed Martin', 'Dow Jones', 'Wells Fargo',
                             'Charles Schwab', 'Estée Lauder']),
    'brand': lambda: pick(['Calvin Klein', 'Dr. Martens', "Ben & Jerry's", 'Tommy Hilfiger',
                           'Ralph Lauren', 'Hugo Boss', 'Kate Spade', 'Michael Kors',
                           'Jack Daniels', 'Marc Jacobs', 'Vera Wang']),
    'place': lambda: pick(['San Francisco', 'Port Elizabeth', 'St. Petersburg', 'Victoria',
                           'Lake Louise', 'Cape Charles', 'Fort Collins', 'Mount Pleasant',
                           'Palmerston North', 'Queenstown', 'Alexandria', 'Santa Monica']),
    'street': lambda: pick(['Martin Luther King Jr. Boulevard', 'Nelson Mandela Drive',
                            'Rosa Parks Way', 'Avenue Jean Jaurès', 'Rua Augusta',
                            'Kennedy Road', 'Lincoln Avenue', 'Washington Square']),
    'title': lambda: pick(['Chief Operating Officer', 'Senior Product Owner',
                           'Head of Legal', 'Principal Engineer', 'Talent Acquisition Partner',
                           'Vice President, Global Sales', 'Staff Nurse', 'Clinical Lead']),
    'dept': lambda: pick(['Accounts Payable', 'Human Resources', 'Cardiology', 'Legal',
                          'Facilities', 'Customer Care', 'Payroll']),
    'svc': lambda: pick(['billing-worker', 'auth_service', 'payments-api', 'nightly-backup',
                         'frontend', 'redis-cache', 'ingest_v2', 'report-generator']),
    'weekday': lambda: pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']),
    'time': lambda: '%d:%02d %s' % (n(1, 12), n(0, 59), pick(['AM', 'PM'])),
    'hhmm': lambda: '%02d:%02d' % (n(7, 22), n(0, 59)),
    'city': lambda: pick(['Reykjavík', 'Cork', 'Kyiv', 'Plovdiv', 'Lagos', 'Ibadan', 'Busan',
                          'Chiang Mai', 'Kuala Lumpur', 'Kabul', 'Cusco', 'Honolulu',
                          'Rotorua', 'Dayton']),
})

TEMPLATES = [
    # chat exports: speaker, time, message
    "<<first>>  <<time>>\nhas anyone seen the Q3 numbers?\n<<first>>  <<time>>\n"
    "they're in the shared drive",
    "[<<date>>, <<hhmm>>] <<person>>: Running 10 min late\n[<<date>>, <<hhmm>>] <<person>>: np",
    "<<person>> (<<hhmm>>): Can you approve the expense report?",
    "**<<first>>**: pushed the fix\n**<<first>>**: thanks, deploying now",
    "ping <<first>> about the vendor contract",
    "thanks <<first>>! and <<first>>, can you send me the deck?",
    "Hey <<first>>, are you joining the call?",
    "ask <<first>> - she knows the VPN setup",
    "Shoutout to <<first>> and <<first>> for closing the release!",
    # meeting minutes
    "MINUTES OF THE BOARD MEETING\nPresent: <<person>>, <<person>>, <<titled>>\n"
    "Apologies: <<person>>\nChair: <<person>>",
    "Minute taker: <<person>>\nItem 3: <<first>> to circulate the budget by <<weekday>>.",
    "Attendees\n- <<person>> (<<title>>)\n- <<person>>\n- <<person>>",
    "Action items: <<first>> - update the risk log; <<first>> - call the auditors.",
    # HR forms
    "Emergency contact: <<person>> (spouse), <<phone>>",
    "Employee full name: <<person>>\nLine manager: <<person>>\nDepartment: <<dept>>",
    "Next of kin: <<person>>\nRelationship: Mother",
    "Leave request submitted by <<person>> and approved by <<titled>>.",
    "New starter: <<person>>, <<title>>, starts <<weekday>>; buddy: <<first>>.",
    # CVs and referees
    "<<person>>\n<<title>> | <<city>> | <<email>>\n\nEXPERIENCE\n<<company>>, 2019-2024",
    "Referees: <<titled>>, <<company>>; <<person>>, University of <<city>>.",
    "Referee 1\nName: <<person>>\nPosition: <<title>>\nEmail: <<email>>",
    # GP and hospital letters
    "Dear Dr <<last>>,\nRe: <<person>>, DOB <<dob.eu>>\nI saw this lady in clinic today.",
    "Patient: <<last.upper>>, <<first>>\nConsultant: <<titled>>\nWard: <<dept>>",
    "Discharge summary for <<person>>. Follow-up with <<titled>> in six weeks.",
    # court text
    "R v <<person>> [2023] EWCA Crim 1142",
    "Before: The Honourable Justice <<last>>\nBetween <<person>> (Appellant) and "
    "<<person>> (Respondent)",
    "The appellant, <<person>>, was convicted on <<date>>.",
    "Counsel for the defendant, <<titled>>, submitted that the evidence was hearsay.",
    # e-mail threads and signatures
    "On <<weekday>>, <<date>> at <<hhmm>>, <<person>> <<<email>>> wrote:\n> Sounds good.",
    "From: <<person>>\nSent: <<weekday>>, <<date>>\nTo: <<person>>\nCc: <<person>>\n"
    "Subject: Budget",
    "Kind regards,\n<<person>>\n<<title>>\n<<company>>",
    "Warm wishes,\n\n<<first>>\n\n--\n<<person>> | <<title>>",
    "Many thanks,\n<<person>> (she/her)",
    # CSV and JSON records
    "first_name,last_name,email\n<<first>>,<<last>>,<<email>>",
    "id;name;city\n<<qty>>;<<person>>;<<city>>",
    '{"customer": {"firstName": "<<first>>", "lastName": "<<last>>", "tier": "gold"}}',
    '{"assignee": "<<person>>", "status": "open", "priority": 2}',
    '[{"author": "<<person>>", "votes": <<qty>>}]',
    # ALL-CAPS forms
    "DRIVER LICENSE\nLN <<last.upper>>\nFN <<first.upper>>\nDOB <<dob.us>>",
    "EMPLOYEE'S NAME: <<person.upper>>\nEMPLOYER: <<company>>",
    "CUSTOMS DECLARATION - SENDER: <<person.upper>> - CONTENTS: BOOKS",
    "ACCOUNT HOLDER <<person.upper>>",
    # other alphabets and decomposed marks
    "Клиент: <<cyr>>, тел. <<phone>>",
    "Добрий день, <<cyr>>!",
    "Xin chào, tôi là <<nfdp>>.",
    "Ẹ káàárọ̀ <<nfdp>>, a ti gba owó rẹ.",
    "Signed by <<nfdp>> on <<date>>",
    # running text
    "I had coffee with <<person>> yesterday and she mentioned the merger.",
    "My colleague <<person>> will cover for me while I'm away.",
    "<<person>> has been promoted to <<title>>.",
]
LOOKALIKES = [
    "<<company>> reported record earnings this quarter.",
    "We audited the <<company>> account last year.",
    "She wore <<brand>> boots to the gala.",
    "The new <<brand>> collection launches in <<place>>.",
    "Our office moved to <<street>> in <<place>>.",
    "Turn left onto <<street>> after the bridge.",
    "Flights to <<place>> are delayed.",
    "The <<title>> reports to the <<title>>.",
    "Please contact <<dept>> or the <<title>>.",
    "Die Bestellung wurde vom Lieferanten bestätigt; der Kunde erhält die Ware am Donnerstag.",
    "Im Anhang finden Sie das Protokoll der Sitzung und die Unterlagen zur Abrechnung.",
    "name: <<svc>>\nreplicas: 3\nimage: registry.local/<<svc>>:latest",
    "[service]\nname = <<svc>>\nowner = platform",
    '{"name": "<<svc>>", "enabled": true}',
    "Grand Central Station, Union Square and Times Square were packed.",
    "PLEASE RETAIN THIS RECEIPT FOR YOUR RECORDS",
]


def main():
    w.write_template_set(TEMPLATES, LOOKALIKES, TYPED, LOOK, 1001, __doc__,
                         prepare=lambda t: nfd(t) if '<<nfdp>>' in t else t)


if __name__ == '__main__':
    main()
