#!/usr/bin/env python3
"""An eleventh held-out PII set ("world11") for `person`, written after the
rules made from world10 seed 1201's errors and before the scanner ran on it:
the second first-contact measure of those rules. Everything differs from
world .. world10:

- names of 22 cultures, written for this generator: Swahili, Malay (bin,
  binti), Afghan and Iranian (Mohammad-Reza), Kazakh and Mongolian
  (Bat-Erdene), Georgian and Armenian in Latin letters, Lithuanian,
  Latvian, Slovene and Croatian, Icelandic patronymics, Spanish with "y",
  French and Québécois hyphenated given names (Anne-Sophie), West African
  apostrophes (N'Golo, D'Angelo), Scottish Mac and Fitz, Sri Lankan Tamil
  mononyms; Serbian and Bulgarian Cyrillic, Armenian, Georgian, Tamil,
  Bengali, Persian, Urdu and Thai script names in their languages' running
  text and in English text;
- shapes: given names in small letters after "hey", "dm", "cc" and in
  @-lists, semicolon-separated attendees, names in quotes, names after kin
  words of other languages, family name first in capitals (BAT-ERDENE
  Ganbold), patronymics, one name only;
- templates: news bylines and photo credits, encyclopaedia openings
  ("X (born 1971) is a ..."), recommendation letters, next of kin on
  admission forms, release notes' thanks, birthday posts, approvals in
  workflows, school reports, sports line-ups, interview transcripts with
  initials, Swahili, Malay, Turkish, Lithuanian and Croatian chat;
- look-alikes: assistants and products with given names (Alexa, Siri),
  ships, eponymous diseases and laws, buildings and universities named
  after people (Johns Hopkins University, Rockefeller Center), software
  named after people (Jenkins, Hudson), weekday names in capitals, headings
  of other languages in title case (Wichtige Information, Важная
  Информация, Σημαντική Ενημέρωση), places that are names in Cyrillic,
  Greek, Hebrew, Arabic and Devanagari (Красная Площадь, Άγιος Νικόλαος,
  תל אביב, جامعة القاهرة, नई दिल्ली), job titles in other languages.

  python3 bench/pii_gen_world11.py [--n 800] [--seed 1301] > /tmp/w11.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w11.json

Stdlib only; the output depends on --seed alone. Seeds 1301 and 1302 are held
out; their first contact is recorded in docs/pii.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n

NAMES = {
    'sw': (['Neema', 'Baraka', 'Rehema', 'Juma', 'Zawadi', 'Amani', 'Imani'],
           ['Mushi', 'Mrema', 'Kimaro', 'Massawe', 'Lyimo', 'Swai']),
    'my': (['Nur Aisyah', 'Muhammad Hafiz', 'Siti Hajar', 'Ahmad Firdaus', 'Nurul Izzah'],
           ['binti Ahmad', 'bin Abdullah', 'binti Ismail', 'bin Yusof', 'bin Hassan']),
    'af': (['Mohammad-Reza', 'Zahra', 'Farhad', 'Shirin', 'Ahmad Shah', 'Parisa'],
           ['Hosseini', 'Karimi', 'Popal', 'Rahimi', 'Ahmadzai', 'Mousavi']),
    'kz': (['Aigerim', 'Nursultan', 'Bat-Erdene', 'Dana', 'Yerlan', 'Oyuunaa'],
           ['Nurlanovna', 'Ganbold', 'Seitkali', 'Tsogtbaatar', 'Abenov', 'Dorjsuren']),
    'ge': (['Giorgi', 'Nino', 'Levan', 'Tamar', 'Aram', 'Anahit', 'Hovhannes'],
           ['Beridze', 'Kapanadze', 'Tsiklauri', 'Petrosyan', 'Sargsyan', 'Hakobyan']),
    'lt': (['Rūta', 'Mindaugas', 'Jānis', 'Ilze', 'Matej', 'Ivana', 'Domagoj'],
           ['Kazlauskienė', 'Petrauskas', 'Bērziņš', 'Kalniņa', 'Novak', 'Horvat', 'Kovačević']),
    'is': (['Sigríður', 'Guðmundur', 'Hrafnhildur', 'Einar', 'Þórdís'],
           ['Jónsdóttir', 'Sigurðsson', 'Magnúsdóttir', 'Einarsson', 'Ólafsson']),
    'es': (['Juan Carlos', 'María José', 'Itziar', 'Fermín', 'Montserrat'],
           ['Pérez y Gómez', 'Ruiz-Zafón', 'de los Ríos', 'Echeverría', 'Sáenz de Santamaría']),
    'qc': (['Anne-Sophie', 'Jean-Philippe', 'Marie-Ève', 'Pierre-Luc', 'Marc-André'],
           ['Tremblay', 'Gagnon', 'Bouchard', 'Côté', 'Lévesque', 'Bélanger']),
    'wa': (["N'Golo", "D'Angelo", 'Mamadou', 'Awa', 'Ousmane', 'Fatoumata'],
           ["N'Diaye", 'Traoré', 'Keïta', 'Coulibaly', "M'Bappé", 'Diallo']),
    'sc': (['Hamish', 'Isla', 'Callum', 'Morag', 'Ewan', 'Kirsty'],
           ['MacKenzie', 'Fitzgerald', 'MacDonald', 'FitzPatrick', 'Mackintosh', 'Drummond']),
    'lk': (['Tharindu', 'Nirosha', 'Kasun', 'Dilani', 'Sivakumar', 'Tharshini'],
           ['Wickramasinghe', 'Jayawardena', 'Perera', 'Gunasekara', 'Rajapaksha']),
}
CULTURES = sorted(NAMES)

SCRIPT = {
    'sr': ['Милош Петровић', 'Јелена Јовановић', 'Никола Стојановић', 'Марија Илић'],
    'bg': ['Георги Иванов', 'Десислава Петрова', 'Стоян Димитров', 'Радослава Тодорова'],
    'hy': ['Արամ Պետրոսյան', 'Անահիտ Սարգսյան', 'Հովհաննես Հակոբյան'],
    'ka': ['გიორგი ბერიძე', 'ნინო კაპანაძე', 'ლევან წიკლაური'],
    'ta': ['முருகன் சுப்பிரமணியம்', 'கவிதா ராஜேந்திரன்', 'செந்தில் குமார்'],
    'bn': ['রহিম উদ্দিন', 'ফাতেমা খাতুন', 'সুমন চৌধুরী', 'নাসরিন আক্তার'],
    'fa': ['زهرا کریمی', 'محمدرضا حسینی', 'فرهاد رحیمی', 'شیرین موسوی'],
    'ur': ['عمران علی', 'عائشہ بی بی', 'بلال احمد', 'سعدیہ خان'],
    'th': ['สมชาย ศรีสุข', 'สุภาพร วงศ์ใหญ่', 'ธนากร แก้วมณี'],
}
# each script's running text; {} is the name
SCRIPT_TEXT = {
    'sr': ['Јуче је {} послао извештај.', 'Састанак води {} из Београда.'],
    'bg': ['Вчера {} изпрати доклада.', 'Срещата ще води {}.'],
    'hy': ['Երեկ {} ուղարկեց զեկույցը։'],
    'ka': ['გუშინ {} გამოგზავნა ანგარიში.'],
    'ta': ['நேற்று {} அறிக்கையை அனுப்பினார்.'],
    'bn': ['গতকাল {} রিপোর্ট পাঠিয়েছেন।'],
    'fa': ['دیروز {} گزارش را فرستاد.'],
    'ur': ['کل {} نے رپورٹ بھیجی۔'],
    'th': ['เมื่อวาน {} ส่งรายงานแล้ว'],
}


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def last(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1])


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    g, f = pick(NAMES[loc][0]), pick(NAMES[loc][1])
    if loc == 'lk' and rng.random() < 0.4:
        return g  # one name only
    if loc == 'kz' and rng.random() < 0.3:
        return '%s %s' % (f.upper(), g)  # family name first, in capitals
    return '%s %s' % (g, f)


def lower_first(_=None):
    return w.fold(first().split()[0]).lower()


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person),
    'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last),
    'lfirst': ('person', 'PERSON', lower_first),
    'script': ('person', 'PERSON', lambda loc='any': pick(SCRIPT[pick(sorted(SCRIPT))
                                                                if loc == 'any' else loc])),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'assistant': lambda: pick(['Alexa', 'Siri', 'Cortana', 'Bixby']),
    'ship': lambda: pick(['the Queen Mary 2', 'the Mayflower', 'the Edmund Fitzgerald',
                          'the Admiral Kuznetsov']),
    'eponym': lambda: pick(["Crohn's disease", "Alzheimer's", "Ohm's law", 'Hodgkin lymphoma',
                            "Murphy's law", 'the Doppler effect', 'Down syndrome']),
    'building': lambda: pick(['Johns Hopkins University', 'the Rockefeller Center',
                              'Carnegie Hall', 'the Lincoln Memorial', 'Simon Fraser University',
                              'the Guggenheim Museum', 'Charles de Gaulle Airport']),
    'software': lambda: pick(['Jenkins', 'Hudson', 'Ansible', 'Gradle', 'Grafana', 'Dagster']),
    'wday': lambda: pick(['LUNDI', 'MONTAG', 'PIRMADIENIS', 'PONEDJELJAK', 'JUMATATU', 'ISNIN',
                          'SEŠTADIENIS', 'PETAK']),
    'heading': lambda: pick(['Wichtige Information', 'Información Adicional', 'Ważna Informacja',
                             'Informazioni Utili', 'Taarifa Muhimu', 'Maklumat Penting',
                             'Svarbi Informacija', 'Važna Obavijest', 'Önemli Duyuru',
                             'Важная Информация', 'Σημαντική Ενημέρωση', 'Важно Съобщение']),
    'place_script': lambda: pick(['Красная Площадь', 'Большой Театр', 'Άγιος Νικόλαος',
                                  'Νέα Σμύρνη', 'תל אביב', 'ראשון לציון', 'جامعة القاهرة',
                                  'دار السلام', 'नई दिल्ली', 'गेटवे ऑफ इंडिया', 'Нови Сад',
                                  'Стара Загора']),
    'job_x': lambda: pick(['Directeur Général', 'Jefe de Ventas', 'Kierownik Projektu',
                           'Projektleiterin', 'Genel Müdür', 'Mkurugenzi Mtendaji',
                           'Pengurus Besar', 'Vadovė Projektų']),
    'city': lambda: pick(['Arusha', 'Ipoh', 'Herat', 'Almaty', 'Kutaisi', 'Kaunas', 'Akureyri',
                          'Salamanca', 'Trois-Rivières', 'Bamako', 'Inverness', 'Jaffna']),
    'nat': lambda: pick(['Tanzanian', 'Malaysian', 'Afghan', 'Kazakh', 'Georgian', 'Lithuanian',
                         'Icelandic', 'Spanish', 'Canadian', 'Malian', 'Scottish', 'Sri Lankan']),
    'role': lambda: pick(['economist', 'cellist', 'architect', 'marathon runner', 'poet',
                          'software engineer', 'epidemiologist']),
    'year': lambda: str(n(1940, 2001)),
    'date2': lambda: w.date('any', (2023, 2025)),
    'num': lambda: str(n(2, 99)),
})


TEMPLATES = [
    # bylines, credits, encyclopaedia openings
    "By <<person>>, Staff Reporter\n<<city>> — Flooding closed the main road on Monday.",
    "Photo: <<person>> / AFP",
    "<<person>> (born <<year>>) is a <<nat>> <<role>>.",
    "<<person>> (<<year>>–2021) was a <<nat>> <<role>> best known for her early work.",
    # letters and forms
    "To whom it may concern,\n\nI am pleased to recommend <<person>> for the position.",
    "Next of kin: <<person>> (wife)\nRelationship: spouse",
    "Emergency contact — <<person>>, <<phone>>",
    "Approved by <<person>> on <<date2>>; escalated to <<person>>.",
    "Report card — <<person>>, Grade <<num>>. Teacher: <<person>>.",
    # release notes, posts, chat in small letters
    "Thanks to <<person>>, <<person>> and <<person>> for their contributions to this release.",
    "Happy birthday <<first>>!!! 🎂🎉 love you",
    "hey <<lfirst>>, did you push the fix?",
    "dm <<lfirst>> for the zoom link",
    "cc @<<lfirst>> @<<lfirst>>",
    "Attendees: <<person>>; <<person>>; <<person>>",
    "\"<<first>>\" is what everyone calls him, but his passport says <<person>>.",
    "Line-up: <<last>>, <<last>>, <<last>>; captain <<person>>.",
    # transcripts with initials and speakers
    "<<person>>: We need the figures by Friday.\n<<person>>: That works for me.",
    "Q (<<last>>): When did you arrive?\nA (<<last>>): Around nine.",
    # family name first in capitals, patronymics, one name
    "Passenger: <<person.kz>>\nSeat 14C",
    "<<person.is>> and <<person.is>> won the regional chess final.",
    "Speaker: <<person.lk>>, <<city>>",
    # other languages' chat and running text
    "Nimeongea na <<person.sw>> jana kuhusu mkataba.",
    "Mama yangu <<first.sw>> anasema habari.",
    "Saya sudah berjumpa dengan <<person.my>> semalam.",
    "Dün <<person.ge>> ile görüştük.",
    "Vakar kalbėjau su <<person.lt>> apie sutartį.",
    "Jučer sam razgovarala s <<person.lt>> o projektu.",
    "Mi hermana <<first.es>> y su marido <<person.es>> llegan mañana.",
    "Merci à <<person.qc>> pour la présentation d'hier.",
    "<<person.wa>> a marqué le deuxième but.",
    "Our new hire <<person.sc>> starts on Monday.",
    "Interview with <<person.af>>, a teacher from <<city>>.",
    # scripts
    "<<stext>>",
    "<<stext>>",
    "Please forward the contract to <<script>>.",
    "Meeting notes — present: <<script>>, <<person>>",
]
LOOKALIKES = [
    "<<assistant>>, set a timer for ten minutes.",
    "We sailed on <<ship>> last summer.",
    "The study links <<eponym>> to diet.",
    "The conference is at <<building>> this year.",
    "<<software>> failed on the nightly build again.",
    "<<wday>> <<date2>>",
    "<<heading>>: the office closes early on Friday.",
    "<<heading>>\n<<heading>>",
    "Meet us near <<place_script>> at noon.",
    "<<place_script>> — <<place_script>>",
    "Position: <<job_x>> (<<city>>)",
    "We are hiring a <<job_x>>.",
]


def record():
    """A template filled; <<stext>> is a sentence of a script's running text
    with a name of that script in it."""
    t = pick(LOOKALIKES if rng.random() < 0.22 else TEMPLATES)
    text, spans = w.fill(t.replace('<<stext>>', '@@STEXT@@'), TYPED, LOOK)
    if '@@STEXT@@' in text:
        loc = pick(sorted(SCRIPT_TEXT))
        name = pick(SCRIPT[loc])
        pre, post = pick(SCRIPT_TEXT[loc]).split('{}')
        at = text.index('@@STEXT@@')
        text = text[:at] + pre + name + post + text[at + len('@@STEXT@@'):]
        start = at + len(pre)
        spans.append({'entity_type': 'PERSON', 'entity_value': name, 'start_position': start,
                      'end_position': start + len(name), 'type': 'person', 'start': start,
                      'end': start + len(name)})
    return text, spans


def main():
    w.write_set(record, 1301, __doc__)


if __name__ == '__main__':
    main()
