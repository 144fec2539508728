#!/usr/bin/env python3
"""A seventh held-out PII set ("world7") for `person`, written after session
6's person rules (made from world6 seed 801's errors) and before the scanner
ran on it, to tell whether those rules generalise. Everything differs from
world .. world6:

- cultures: Shona and Ndebele (Zimbabwe), Tanzanian, Moroccan, Albanian,
  Bosnian and Croatian (č ć đ š ž), Lithuanian and Latvian (ė ū ņ ķ),
  Estonian, Mongolian, Burmese, Khmer, Malagasy, Maltese, Basque, Welsh;
- scripts: Cyrillic Mongolian, Burmese, Khmer, Tamil, Gujarati and Sinhala
  names after their own labels, Hebrew, Arabic and Devanagari names in
  running text without a label, Greek names after "κ." and in signatures;
- templates: chat with the cue words of Swahili ("jina langu ni"),
  Indonesian and Malay ("nama saya"), Tagalog ("ang pangalan ko ay"),
  Afrikaans ("my naam is"), Romanian ("mă numesc"), Hungarian ("a nevem"),
  Lithuanian ("mano vardas"), Albanian ("quhem"), Croatian ("zovem se");
  chat logs with a speaker per line, calendar invites, HR records with the
  surname first and a comma, invoices ("Bill to"), school reports,
  insurance claims, court listings, boarding passes, names in capitals in
  headings and e-mail subjects, names after "cc" and "per";
- look-alikes: universities, hospitals, airports and schools named after
  people (Johns Hopkins Hospital, Lincoln High School), prizes and days
  (Nobel Prize, St. Patrick's Day), software and languages (Jenkins,
  Jupyter, Julia), fonts, beers and cars (Times New Roman, Stella Artois),
  capitalised job titles and teams, headings in capitals.

  python3 bench/pii_gen_world7.py [--n 800] [--seed 901] > /tmp/w7.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w7.json

Stdlib only; the output depends on --seed alone. Seeds 901 and 902 are held
out; their first contact is recorded in docs/pii.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

pick, digits, n = w.pick, w.digits, w.n

NAMES = {
    'zw': (['Tendai', 'Rutendo', 'Tatenda', 'Chipo', 'Farai', 'Nyasha', 'Tinashe'],
           ['Moyo', 'Ncube', 'Dube', 'Sibanda', 'Chikwanha', 'Mutasa', 'Nyathi']),
    'tz': (['Baraka', 'Neema', 'Juma', 'Rehema', 'Hamisi', 'Zawadi', 'Athumani'],
           ['Mwakyusa', 'Kimaro', 'Mushi', 'Massawe', 'Lyimo', 'Mrema']),
    'ma': (['Youssef', 'Fatima Zahra', 'Hamza', 'Salma', 'Yassine', 'Khadija', 'Mehdi'],
           ['El Amrani', 'Benali', 'Bennani', 'Alaoui', 'Tazi', 'El Idrissi', 'Chraibi']),
    'al': (['Arben', 'Elira', 'Besnik', 'Drita', 'Gëzim', 'Vjosa', 'Ilir'],
           ['Hoxha', 'Krasniqi', 'Berisha', 'Gashi', 'Shehu', 'Dervishi']),
    'hr': (['Amra', 'Ivana', 'Dženan', 'Mirza', 'Lejla', 'Tomislav', 'Željka'],
           ['Hadžić', 'Marić', 'Kovačević', 'Begić', 'Šarić', 'Jurić', 'Delić']),
    'lt': (['Rūta', 'Tomas', 'Ilze', 'Mindaugas', 'Gintarė', 'Kārlis', 'Jūratė'],
           ['Kazlauskienė', 'Petrauskas', 'Bērziņa', 'Jankauskas', 'Ozoliņš', 'Kalniņa']),
    'ee': (['Kadri', 'Priit', 'Triin', 'Margus', 'Liis', 'Tõnu'],
           ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Rebane']),
    'mn': (['Bat-Erdene', 'Oyunchimeg', 'Ganbaatar', 'Solongo', 'Temuulen'],
           ['Ganbold', 'Batbayar', 'Enkhbold', 'Tserendorj', 'Dorjsuren']),
    'mm': (['Aung Kyaw', 'Thandar', 'Min Htet', 'Ei Mon', 'Zaw Win', 'Nilar'],
           ['Oo', 'Win', 'Htun', 'Naing', 'Myint', 'Thein']),
    'kh': (['Sokha', 'Dara', 'Sreymom', 'Vannak', 'Bopha', 'Rithy'],
           ['Chea', 'Sok', 'Chan', 'Heng', 'Meas', 'Pich']),
    'mg': (['Hery', 'Voahangy', 'Tahiry', 'Fanja', 'Andry', 'Lalaina'],
           ['Rakotomalala', 'Randriamanana', 'Rasoanaivo', 'Andrianjafy', 'Ravelojaona']),
    'mt': (['Maria Dolores', 'Joseph', 'Ritianne', 'Kurt', 'Graziella', 'Clayton'],
           ['Borg', 'Camilleri', 'Vella', 'Farrugia', 'Zammit', 'Galea']),
    'eu': (['Iker', 'Ainhoa', 'Gorka', 'Itziar', 'Unai', 'Nerea', 'Aitor'],
           ['Etxeberria', 'Agirre', 'Goikoetxea', 'Urrutia', 'Zubiaurre', 'Arrieta']),
    'cy': (['Rhys', 'Cerys', 'Gethin', 'Eluned', 'Iwan', 'Siân', 'Dafydd'],
           ['ap Gwilym', 'Pritchard', 'Llewellyn', 'Vaughan', 'Prosser', 'Bowen']),
}
CULTURES = sorted(NAMES)
SCRIPT = {
    'mn': ['Батбаярын Ганболд', 'Дорж Оюунчимэг', 'Энхболд Солонго'],
    'my': ['အောင်ကျော်', 'သန္တာဝင်း', 'မင်းထက်'],
    'km': ['ជា សុខា', 'ហេង បុប្ផា', 'មាស រិទ្ធី'],
    'ta': ['குமார் செல்வம்', 'லட்சுமி ராஜன்', 'முருகன் பாலு'],
    'gu': ['નરેશ પટેલ', 'હેતલ શાહ', 'કિરણ દેસાઈ'],
    'si': ['කසුන් පෙරේරා', 'නිමාලි සිල්වා', 'චාමරි ජයසූරිය'],
    'he': ['דוד לוי', 'רחל אברהם', 'משה כהן'],
    'ar': ['خالد العتيبي', 'مريم الشمري', 'عمر الفاسي'],
    'hi': ['अमित वर्मा', 'कविता सिंह', 'रवि कुमार'],
    'el': ['Δημήτρης Νικολάου', 'Σοφία Παππά', 'Κώστας Ιωάννου'],
}


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def last(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1])


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    f, l = first(loc), last(loc)
    if loc == 'mn':  # father's name first, in the genitive
        return '%s %s' % (l, f)
    if loc == 'mm':  # no family name
        return f + ' ' + pick(NAMES['mm'][1])
    return '%s %s' % (f, l)


def inverted(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    return '%s, %s' % (last(loc), first(loc))


def script(lang='any'):
    return pick(SCRIPT[pick(sorted(SCRIPT)) if lang == 'any' else lang])


def phone():
    d = digits
    return pick(['+263 77 %s %s' % (d(3), d(4)), '+255 754 %s %s' % (d(3), d(3)),
                 '+212 6%s-%s%s%s' % (d(2), d(2), d(2), d(2)), '+355 69 %s %s' % (d(3), d(4)),
                 '+385 91 %s %s' % (d(3), d(4)), '+370 6%s %s' % (d(2), d(5)),
                 '+372 5%s %s' % (d(3), d(4)), '+976 99%s %s' % (d(2), d(4)),
                 '+356 79%s %s' % (d(2), d(4)), '+34 6%s %s %s' % (d(2), d(3), d(3))])


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person),
    'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last),
    'inv': ('person', 'PERSON', inverted),
    'script': ('person', 'PERSON', script),
    'phone': ('phone', 'PHONE_NUMBER', lambda _=None: phone()),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'inst': lambda: pick(['Johns Hopkins Hospital', 'Lincoln High School',
                          'John F. Kennedy International Airport', 'Charles University',
                          'Simon Fraser University', 'Karolinska Institutet',
                          'King Fahd Hospital', 'Nelson Mandela University']),
    'event': lambda: pick(["St. Patrick's Day", 'the Nobel Prize', 'the Pulitzer Prize',
                           'Guy Fawkes Night', 'the Turner Prize', "Valentine's Day"]),
    'tool': lambda: pick(['Jenkins', 'Jupyter', 'Julia', 'Hadoop', 'Ruby on Rails',
                          'Times New Roman', 'Helvetica', 'Stella Artois', 'Tesla Model 3',
                          'Mercedes-Benz', 'Ray Ban', 'Dom Pérignon']),
    'role': lambda: pick(['Chief Financial Officer', 'Head of Procurement', 'Regional Sales Lead',
                          'Senior Data Scientist', 'Customer Success Manager']),
    'team': lambda: pick(['Platform Team', 'Growth Squad', 'Data Guild', 'Blue Team']),
    'caps': lambda: pick(['ANNUAL GENERAL MEETING', 'BOARD OF DIRECTORS', 'NOTICE OF TERMINATION',
                          'CONFIDENTIAL - INTERNAL USE ONLY', 'SAFETY DATA SHEET',
                          'PURCHASE ORDER CONFIRMATION']),
    'city': lambda: pick(['Harare', 'Arusha', 'Fès', 'Tirana', 'Sarajevo', 'Kaunas', 'Tartu',
                          'Ulaanbaatar', 'Mandalay', 'Siem Reap', 'Antananarivo', 'Valletta',
                          'Bilbao', 'Aberystwyth']),
    'time': lambda: '%02d:%02d' % (n(7, 22), n(0, 59)),
})

TEMPLATES = [
    # chat with each language's own cue words
    "Habari! Jina langu ni <<person.tz>>, naomba msaada na oda yangu <<order>>.",
    "Halo, nama saya <<person>> dan saya mau tanya soal tagihan.",
    "Magandang araw po, ang pangalan ko ay <<person>>.",
    "Goeie môre, my naam is <<person.zw>> en ek bel oor my rekening.",
    "Bună ziua, mă numesc <<person.al>> și aș dori să schimb adresa.",
    "Jó napot, a nevem <<person.hr>>, a rendelésemről érdeklődnék.",
    "Laba diena, mano vardas <<person.lt>>.",
    "Përshëndetje, quhem <<person.al>> dhe kam një pyetje.",
    "Bok, zovem se <<person.hr>> i trebam pomoć.",
    "Tere! Minu nimi on <<person.ee>>.",
    "Kaixo, <<person.eu>> naiz eta galdera bat daukat.",
    "Shwmae, <<person.cy>> dw i.",
    # chat logs, invites, mentions
    "[<<time>>] <<person>>: can someone review my PR?\n[<<time>>] <<person>>: on it",
    "<<first>>: lunch at 1?\n<<first>>: sure, see you at the canteen",
    "Invitation: Quarterly review\nOrganizer: <<person>>\nAttendees: <<person>>, <<person>>, "
    "<<first>>\nWhen: Thursday <<time>>",
    "cc <<person>>; per <<first>>'s note the deadline moves to Friday.",
    "Looping in <<first>> and <<first>> from the <<team>>.",
    "Per <<person>>, the contract is ready for signature.",
    # HR, invoices, school, insurance, courts, travel
    "Employee: <<inv>>\nRole: <<role>>\nStart date: <<date>>",
    "BILL TO\n<<person.upper>>\n<<address>>",
    "Bill to: <<person>>, <<address>>",
    "School report - Pupil: <<person>>; Class teacher: Mrs <<last>>",
    "Claim CL-<<qty>>: the insured, <<person>>, reports water damage at <<address>>.",
    "Case 14 of the list: <<last.upper>>, <<first.upper>> v. City of <<city>>",
    "BOARDING PASS  <<last.upper>> <<first.upper>>  GATE B12  SEAT 22A",
    "Subject: RE: <<person.upper>> - onboarding documents",
    "Meeting with <<person>> (<<role>>) moved to <<time>>.",
    # native scripts after their labels, and in running text without one
    "Нэр: <<script.mn>>",
    "အမည်: <<script.my>>",
    "ឈ្មោះ: <<script.km>>",
    "பெயர்: <<script.ta>>",
    "નામ: <<script.gu>>",
    "නම: <<script.si>>",
    "אתמול נפגשתי עם <<script.he>> במשרד.",
    "تحدثت مع <<script.ar>> أمس عن العقد.",
    "कल मैंने <<script.hi>> से बात की।",
    "Καλημέρα κ. <<script.el>>, σας στέλνω το συμβόλαιο.",
    "Με εκτίμηση,\n<<script.el>>",
]
LOOKALIKES = [
    "She was treated at <<inst>> last spring.",
    "Our intern starts at <<inst>> in September.",
    "The festival on <<event>> draws huge crowds.",
    "He won <<event>> in 2019.",
    "The build runs on <<tool>> every night.",
    "Set the font to <<tool>> and export as PDF.",
    "We are hiring a <<role>> for the <<team>>.",
    "<<caps>>",
    "<<caps>>\nAll staff are invited to attend on <<date>>.",
    "The <<team>> meets every Monday in <<city>>.",
    "Flights to <<city>> are cheaper in November.",
]


def main():
    w.write_template_set(TEMPLATES, LOOKALIKES, TYPED, LOOK, 901, __doc__)


if __name__ == '__main__':
    main()
