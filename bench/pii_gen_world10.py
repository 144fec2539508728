#!/usr/bin/env python3
"""A tenth held-out PII set ("world10") for `person`, written before the
scanner ran on it, to measure how the name rules generalise to the shapes
the earlier sets left weak. Everything differs from world .. world9:

- names of 22 cultures, written for this generator: Dutch and Flemish with
  particles (van der Meer, in 't Veld), Spanish double surnames (Fernández
  Ortega, de la Fuente Ruiz), Brazilian and Portuguese (da Silva Santos),
  Gulf Arabic transliterated (bin Saleh al-Qahtani, Abu Zaid, El-Sayed),
  Irish and Scottish (O'Sullivan, McGrath, MacLeod, Ní Bhriain), French
  (d'Arcy, Le Bihan), Korean, Hungarian, Vietnamese without diacritics,
  Japanese and Chinese romanised family name first (Kim Min-jun, Nagy
  István, Nguyen Van An, Tanaka Hiroshi, Zhang Xiuying), Tamil initials
  (R. Karthikeyan), Bengali and Marathi, Igbo, Yoruba and Akan, Ethiopian
  given name plus father's name, Polish initials (A.B. Kowalczyk), Filipino
  (Ma. Lourdes dela Cruz), Indonesian single names; Cyrillic (Russian,
  Ukrainian), Greek, Arabic, Hebrew and Devanagari script names in running
  text of their languages and in English text;
- shapes: bare given names with no cue (`ask Bram`, `Cathal: lunch at 1?`),
  given names in small letters in chat, initials (`J. R.`, `A.B.`), names
  with particles, hyphenated and double surnames, family name first;
- templates: e-mail headers and sign-offs, tickets and pull requests,
  chat and voice transcripts, interview and court transcripts, contracts
  (parties, signature blocks), academic author lists with affiliations,
  news text (name, age, job, town), social posts, podcast show notes,
  running text in Russian, Ukrainian, Greek, Arabic, Hebrew, Hindi, Dutch,
  Spanish, Portuguese, Polish and Vietnamese;
- look-alikes: streets, squares and stations named after people (without a
  house number), firms and brands named after people (Morgan Stanley,
  Carl Zeiss, Ben & Jerry's), places that are names (Port Elizabeth, San
  Jose, Victoria Falls), job titles, weekday and month names of other
  languages in capitals, capitalised notice words of many languages
  (Aviso Importante, Bitte Beachten), capitalised institution names in
  Cyrillic, Greek, Arabic, Hebrew and Devanagari (Министерство Финансов).

  python3 bench/pii_gen_world10.py [--n 800] [--seed 1201] > /tmp/w10.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w10.json

Stdlib only; the output depends on --seed alone. Seeds 1201 and 1202 are held
out; their first contact is recorded in docs/pii.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n

# given names, family names per culture (written for this generator); ORDER says
# which cultures write the family name first
NAMES = {
    'nl': (['Joris', 'Femke', 'Sander', 'Lieke', 'Bram', 'Marloes', 'Wessel', 'Anouk'],
           ['van der Meer', 'van den Heuvel', 'ter Horst', 'de Groot', 'van Leeuwen',
            "in 't Veld", 'Verhoeven', 'de Wit']),
    'es': (['Maite', 'Joaquín', 'Rocío', 'Íñigo', 'Nerea', 'Gonzalo', 'Amparo', 'Xavier'],
           ['Fernández Ortega', 'Martín-Castillo', 'de la Fuente Ruiz', 'Sánchez de León',
            'Iglesias Prieto', 'Gil-Robles', 'Pardo Quintana']),
    'pt': (['Thiago', 'Luana', 'Caio', 'Rafaela', 'Gustavo', 'Bruna', 'Joaquim', 'Inês'],
           ['da Silva Santos', 'dos Reis', 'Ferreira da Costa', 'de Oliveira Lima',
            'Carvalho', 'Nogueira Pinto', 'das Neves']),
    'gulf': (['Khalid', 'Noura', 'Tariq', 'Layla', 'Yasir', 'Huda', 'Faisal', 'Maha'],
             ['bin Saleh al-Qahtani', 'Al-Mansouri', 'Abu Zaid', 'El-Sayed', 'al-Otaibi',
              'bin Hamad', 'Al Nahyan']),
    'ie': (['Siobhán', 'Cathal', 'Niamh', 'Ruairí', 'Eilidh', 'Fergus', 'Aoife', 'Donnacha'],
           ["O'Sullivan", 'McGrath', 'MacLeod', "O'Connell", 'Ní Bhriain', 'Mac Giolla',
            "Ó Súilleabháin", 'McAllister']),
    'fr': (['Guillaume', 'Solène', 'Mathis', 'Océane', 'Benoît', 'Élodie', 'Gaspard'],
           ["d'Arcy", 'de la Roche', 'Le Bihan', 'Lefèvre-Dubois', 'du Plessis', "d'Almeida",
            'Le Goff']),
    'ko': (['Min-jun', 'Ji-woo', 'Seo-yeon', 'Ha-eun', 'Do-hyun', 'Seo-jun', 'Minseo'],
           ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Lim', 'Shin']),
    'hu': (['István', 'Katalin', 'Zoltán', 'Erzsébet', 'Attila', 'Judit', 'Csaba'],
           ['Nagy', 'Kiss', 'Molnár', 'Németh', 'Balogh', 'Papp', 'Fekete']),
    'vi': (['Khoa', 'Thao', 'Phuong', 'Long', 'Trang', 'Hieu', 'Quynh'],
           ['Nguyen', 'Tran', 'Pham', 'Vo', 'Dang', 'Bui', 'Do']),
    'jp': (['Hiroshi', 'Kaori', 'Takeshi', 'Naomi', 'Kenji', 'Ayumi', 'Shinji'],
           ['Tanaka', 'Nakamura', 'Kobayashi', 'Matsumoto', 'Inoue', 'Yamaguchi', 'Fujiwara']),
    'zh': (['Xiuying', 'Zhiqiang', 'Lihua', 'Yiting', 'Guoqiang', 'Jiahui'],
           ['Zhang', 'Liu', 'Zhou', 'Xu', 'Guo', 'Ma', 'Sun']),
    'ta': (['Karthikeyan', 'Meenakshi', 'Senthil', 'Revathi', 'Murugan', 'Kalaivani'],
           ['Subramanian', 'Iyer', 'Ramasamy', 'Pillai', 'Natarajan']),
    'inn': (['Ankit', 'Pooja', 'Siddharth', 'Deepika', 'Abhishek', 'Snehal', 'Tanmay'],
            ['Srivastava', 'Bhattacharya', 'Kulkarni', 'Deshpande', 'Chatterjee', 'Mukherjee']),
    'wa': (['Chukwuemeka', 'Ngozi', 'Kwame', 'Abena', 'Oluwaseun', 'Yaw', 'Adaeze', 'Kofi'],
           ['Okafor', 'Adeyemi', 'Asante', 'Boateng', 'Eze', 'Owusu', 'Nwachukwu', 'Ogunleye']),
    'et': (['Abebe', 'Tigist', 'Dawit', 'Meron', 'Yonas', 'Selamawit', 'Bereket'],
           ['Bekele', 'Haile', 'Tesfaye', 'Girma', 'Alemu', 'Wolde', 'Mekonnen']),
    'pl': (['Agnieszka', 'Krzysztof', 'Małgorzata', 'Wojciech', 'Grzegorz', 'Joanna'],
           ['Kowalczyk', 'Wiśniewska', 'Zieliński', 'Szymańska', 'Wróblewski', 'Jabłońska']),
    'ph': (['Maricel', 'Rodel', 'Jericho', 'Ma. Lourdes', 'Ma. Theresa', 'Arnel'],
           ['dela Cruz', 'delos Santos', 'Villanueva', 'Bautista', 'Dimaculangan']),
    'id': (['Sutrisno', 'Wahyuni', 'Budi', 'Dewi', 'Agus', 'Rini', 'Bambang'],
           ['Santoso', 'Lestari', 'Hidayat', 'Kurniawan', 'Setiawan', 'Purnomo']),
}
FAMILY_FIRST = ('ko', 'hu', 'vi', 'jp', 'zh')
VI_MID = ['Van', 'Thi', 'Minh', 'Duc', 'Ngoc']
CULTURES = sorted(NAMES)

# whole names in other scripts (written for this generator), and each script's
# running text around them
SCRIPT = {
    'ru': ['Алексей Смирнов', 'Наталья Кузнецова', 'Дмитрий Попов', 'Ольга Соколова',
           'Сергей Лебедев', 'Екатерина Новикова', 'Игорь Васильевич Морозов'],
    'uk': ['Олександр Шевчук', 'Оксана Бондаренко', 'Тарас Мельник', 'Ірина Коваленко',
           'Богдан Ткаченко'],
    'el': ['Γιώργος Παπαδόπουλος', 'Ελένη Κωνσταντίνου', 'Νίκος Αντωνίου', 'Μαρία Γεωργίου',
           'Δημήτρης Νικολάου'],
    'ar': ['محمد العتيبي', 'فاطمة الزهراني', 'أحمد منصور', 'سارة الحربي', 'خالد يوسف',
           'ليلى حداد'],
    'he': ['יוסי לוי', 'נועה כהן', 'אבי מזרחי', 'מיכל פרץ', 'דניאל ביטון', 'תמר אזולאי'],
    'hi': ['राहुल शर्मा', 'प्रिया वर्मा', 'अमित गुप्ता', 'सुनीता यादव', 'विकास सिंह',
           'अंजलि मिश्रा'],
}
SCRIPTS = sorted(SCRIPT)


def strip(s):
    """People type names without their accents a fifth of the time."""
    s2 = s.replace('ł', 'l').replace('Ł', 'L')
    return w.fold(s2) if rng.random() < 0.2 else s


def first(loc='any'):
    return strip(pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0]))


def last(loc='any'):
    return strip(pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1]))


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    g, f = pick(NAMES[loc][0]), pick(NAMES[loc][1])
    if loc == 'vi':
        return '%s %s %s' % (f, pick(VI_MID), g)
    if loc in FAMILY_FIRST:
        return strip('%s %s' % (f, g))
    if loc == 'ta':  # the father's initial before the given name
        return '%s. %s' % (pick('KMRSTV'), g) if rng.random() < 0.6 else '%s %s' % (g, f)
    if loc == 'id' and rng.random() < 0.5:  # one name only
        return g
    return strip('%s %s' % (g, f))


def initials(loc='any'):
    """A surname after initials: J. R. Smith, A.B. Kowalczyk, M Okafor."""
    loc = pick([c for c in CULTURES if c not in FAMILY_FIRST + ('ta', 'id', 'ph')]) \
        if loc == 'any' else loc
    a, b = pick('ABCDEFGHJKLMNPRSTW'), pick('ABCDEHJKLMRS')
    lead = pick(['%s. %s.' % (a, b), '%s.%s.' % (a, b), '%s.' % a, '%s. %s.' % (a, b)])
    return '%s %s' % (lead, strip(pick(NAMES[loc][1])))


def script(loc='any'):
    return pick(SCRIPT[pick(SCRIPTS) if loc == 'any' else loc])


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person),
    'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last),
    'init': ('person', 'PERSON', initials),
    'script': ('person', 'PERSON', script),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'street': lambda: pick(['Karl-Marx-Allee', 'Nelson Mandela Boulevard', 'Avenida Paulista',
                            'Rua Augusta', 'Jan Smuts Avenue', 'Rembrandtplein',
                            'Piazza Garibaldi', 'Calle de Alfonso XII', 'Place Charles de Gaulle',
                            'Józef Piłsudski Square', 'Andrássy út', 'Le Loi Street']),
    'station': lambda: pick(['Victoria Station', 'Gare Saint-Lazare', 'King George station',
                             'Estação São Bento', 'Churchgate', 'Willem-Alexander dock']),
    'firm': lambda: pick(['Morgan Stanley', 'Carl Zeiss', "Ben & Jerry's", 'Ernst & Young',
                          'Goldman Sachs', 'Ralph Lauren', 'Tommy Hilfiger', 'Louis Vuitton',
                          'Johnson Matthey', 'Abbott Laboratories', 'Hugo Boss', 'Jack Wolfskin',
                          'Estée Lauder', 'Martin Guitars', 'Tim Hortons', 'John Lewis']),
    'place': lambda: pick(['Port Elizabeth', 'San Jose', 'Victoria Falls', 'Alice Springs',
                           'Fort William', 'St. Helena', 'Mount Kosciuszko', 'Lake Louise',
                           'São Paulo', 'Santa Cruz de Tenerife', 'Ho Chi Minh City',
                           'Charlotte', 'Adelaide', 'Florence', 'Elizabethtown']),
    'job': lambda: pick(['Senior Software Engineer', 'Chief Financial Officer',
                         'Regional Sales Director', 'Head of People', 'Principal Investigator',
                         'Customer Success Manager', 'Staff Data Scientist',
                         'Directora Comercial', 'Geschäftsführer', 'Responsable Achats']),
    'day': lambda: pick(['Mittwoch', 'Czwartek', 'Sábado', 'Martedì', 'Vendredi', 'Torstai',
                         'Keskiviikko', 'Woensdag', 'Sierpień', 'Juni', 'Septiembre', 'Dinsdag',
                         'Sonntag', 'Quinta-feira', 'Thứ Hai']),
    'notice': lambda: pick(['Aviso Importante', 'Bitte Beachten', 'Pago Pendiente',
                            'Nowa Wiadomość', 'Dringende Mitteilung', 'Avis Important',
                            'Urgent Action Required', 'Final Reminder', 'Pedido Confirmado',
                            'Belangrijke Mededeling', 'Uwaga Ważne', 'Lưu Ý Quan Trọng']),
    'inst': lambda: pick(['Министерство Финансов', 'Городская Больница', 'Налоговая Служба',
                          'Εθνική Τράπεζα', 'Δημόσια Υπηρεσία', 'وزارة الصحة', 'بنك الرياض',
                          'משרד הבריאות', 'בנק לאומי', 'भारतीय रिज़र्व बैंक', 'राष्ट्रीय संग्रहालय',
                          'Київська Міська Рада']),
    'eponym': lambda: pick(['улица Пушкина', 'проспект Ленина', 'οδός Βασιλίσσης Σοφίας',
                            'شارع الملك فهد', 'רחוב הרצל', 'महात्मा गांधी मार्ग']),
    'city': lambda: pick(['Utrecht', 'Bilbao', 'Curitiba', 'Dammam', 'Galway', 'Rennes',
                          'Daegu', 'Szeged', 'Da Nang', 'Sapporo', 'Chengdu', 'Madurai',
                          'Pune', 'Enugu', 'Kumasi', 'Bahir Dar', 'Gdańsk', 'Cebu',
                          'Yogyakarta']),
    'uni': lambda: pick(['University of Utrecht', 'Universidad de Sevilla',
                         'Seoul National University', 'IIT Madras', 'University of Lagos',
                         'Jagiellonian University', 'Kyoto University', 'Tsinghua University']),
    'hhmm': lambda: '%02d:%02d' % (n(7, 22), n(0, 59)),
    'age': lambda: str(n(19, 88)),
    'year': lambda: str(n(1935, 2024)),
    'ticket': lambda: pick(['OPS-%d' % n(100, 9999), '#%d' % n(1000, 99999),
                            'INC%07d' % n(1, 9999999)]),
    'pr': lambda: str(n(10, 9999)),
})

TEMPLATES = [
    # e-mail headers and sign-offs
    "From: <<person>> <<<email>>>\nTo: <<person>>\nCc: <<init>>\nSubject: Q3 figures",
    "Hi <<first>>,\n\nAttached is the signed copy.\n\nBest regards,\n<<person>>\n<<job>>",
    "On Tue, <<person>> <<<email>>> wrote:\n> can you resend the deck?",
    "Thanks <<first>>! Looping in <<person>> who owns the budget.\n\nCheers,\n<<first>>",
    # tickets and pull requests
    "<<ticket>> opened by <<person>>; assigned to <<person>>; watchers: <<first>>, <<first>>",
    "Merged pull request #<<pr>> from <<first.lower>>/fix-timeouts\n\nReviewed by <<person>>",
    "@<<first.lower>> can you take a look? <<first>> said the tests are flaky on arm64.",
    # chat without cues
    "<<first>>: lunch at 1?\n<<first>>: sure, the usual place",
    "ask <<first>>, she set up the VPN",
    "<<first>> and <<first>> are out today, <<first>> covers support",
    "can <<first>> take this one? I'm swamped",
    "ping <<first>> when the build is green",
    "thanks <<first.lower>>!! you saved my day",
    "omg <<first.lower>> just called, <<first.lower>> is stuck in traffic",
    # voice, interview and court transcripts
    "[00:03:12] <<person>>: We saw the spike around midnight.\n[00:03:20] <<person>>: "
    "Right, and nobody was paged.",
    "INTERVIEWER: How long have you lived here?\n<<last.upper>>: Since <<year>>, with my "
    "husband <<first>>.",
    "Q. Please state your name for the record.\nA. <<person>>.\nQ. And who employed you?",
    "THE COURT: Mr. <<last>>, you may proceed.\nMR. <<last.upper>>: Thank you, Your Honour.",
    # contracts
    "This Agreement is made between <<person>> (the \"Landlord\") and <<person>> (the "
    "\"Tenant\").",
    "IN WITNESS WHEREOF the parties have signed below.\nBy: ____________\nName: <<person>>\n"
    "Title: <<job>>",
    "The Seller, <<person>>, born <<dob.eu>>, hereby transfers the vehicle to the Buyer, "
    "<<person>>.",
    # academic author lists
    "<<person>>¹, <<init>>², <<person>>¹ and <<init>>³\n¹ <<uni>>  ² <<uni>>  ³ <<uni>>",
    "<<init>>, <<init>>, and <<person>>. Federated routing at the edge. In Proc. EuroSys, "
    "<<year>>.",
    "Corresponding author: <<person>> (<<email>>)",
    # news text
    "<<person>>, <<age>>, a nurse from <<city>>, told reporters she had waited six hours.",
    "\"We are not giving up,\" said <<person>>, who runs a bakery in <<city>>.",
    "Police named the driver as <<person>> of <<city>>.",
    # social posts
    "Huge congrats to <<person>> on the new role at <<firm>>! 🎉",
    "RIP <<person>> (<<year>>) - you taught me everything about jazz",
    "so proud of my little sister <<first>> who graduated today 🎓",
    # show notes
    "Episode <<pr>>: <<person>> on rebuilding trust after a breach. Hosted by <<person>>.",
    # Korean, Hungarian, Vietnamese, Japanese, Chinese names in their order
    "Meeting with <<person.ko>> and <<person.jp>> moved to <<hhmm>>.",
    "Dear <<person.hu>>, your order has shipped.",
    "Contact person: <<person.vi>>, <<phone>>",
    "<<person.zh>> will present the results from the <<city>> plant.",
    # particles, hyphens, double surnames, initials in running text
    "The report was prepared by <<person.nl>> and checked by <<person.es>>.",
    "Ik heb <<person.nl>> gisteren gesproken over het contract.",
    "Hablé con <<person.es>> y con <<first.es>> sobre el presupuesto.",
    "Conversei com <<person.pt>> ontem à noite.",
    "Our guest today is <<person.gulf>>, founder of a logistics start-up in Dubai.",
    "<<person.ie>> scored twice for Galway on Sunday.",
    "Rendez-vous avec <<person.fr>> jeudi prochain.",
    "Signed, <<init>>",
    "Rozmawiałam z <<person.pl>> i <<init.pl>> o projekcie.",
    "<<person.ta>> from the Chennai office joins us this week.",
    "<<person.et>> won the 10,000 m in a new course record.",
    "Pinapasalamatan namin si <<person.ph>> sa tulong niya.",
    "Terima kasih kepada <<person.id>> atas bantuannya.",
    # scripts in their own running text and in English text
    "Вчера <<script.ru>> отправил отчёт в бухгалтерию.",
    "Завтра <<script.uk>> проведе зустріч з клієнтом.",
    "Ο <<script.el>> θα έρθει αύριο στο γραφείο.",
    "أرسل <<script.ar>> التقرير أمس.",
    "<<script.he>> שלח את הדוח אתמול.",
    "कल <<script.hi>> ने रिपोर्ट भेजी।",
    "Please forward the invoice to <<script>>.",
    "Attendees: <<script>>, <<person>>, <<script>>",
]

LOOKALIKES = [
    "Take the tram to <<street>> and get off at <<station>>.",
    "The new store on <<street>> opens on <<day>>.",
    "Shares of <<firm>> rose 3% after the earnings call.",
    "I bought a jacket at <<firm>> and a watch at <<firm>>.",
    "We flew from <<place>> to <<place>> via <<city>>.",
    "Position: <<job>>\nLocation: <<city>>\nStart: <<day>>",
    "We are hiring a <<job>> and a <<job>>.",
    "<<day>>: closed. <<day>>: 9-17.",
    "<<notice>>: your invoice <<invoice>> is due.",
    "<<notice>> - <<notice>>",
    "<<inst>> объявило новые правила.",
    "Contact: <<inst>>, <<city>>",
    "Турникеты на <<eponym>> закрыты до утра.",
    "The parade passes <<eponym>> at noon.",
    "Ticket <<ticket>>: <<notice>>",
    "<<firm>> v <<firm>>: settlement approved.",
]


def main():
    w.write_template_set(TEMPLATES, LOOKALIKES, TYPED, LOOK, 1201, __doc__)


if __name__ == '__main__':
    main()
