#!/usr/bin/env python3
"""A fifth held-out PII set ("world5") for person, street_address,
date_of_birth (and the phones, e-mails and passports around them), written
at the end of session 5's person round, after its rules and before the
scanner was ever run on it. Everything differs from world .. world4:

- names in other orders and scripts: Vietnamese (family, middle, given;
  with and without diacritics), Arabic transliterations (Al-, bin, Abu, Umm;
  and in Arabic script), Russian with patronymics (romanised and in
  Cyrillic, surname first in lists), Indian (initials, South Indian
  father's-name initials, one-word names), Nigerian (Igbo, Yoruba, Hausa),
  Turkish (ş ğ ı İ), Polish (ł ń ż ę, inflected after Pani/Pana);
- addresses of Vietnam, Egypt, Saudi Arabia (national address), Russia
  (Cyrillic and romanised), India (door numbers, sectors), Nigeria,
  Turkey (Cad. No: D:), Poland (ul. 84/92 m. 15), Argentina;
- birth dates in forms, chat, medical notes and identity documents, in
  English, Vietnamese, Russian, Turkish, Polish, Arabic, Hindi, Spanish,
  German and Indonesian;
- look-alikes: firms named after people (Ernst & Young, Abdul Latif Jameel,
  Tata Consultancy), streets named after people (Nguyen Hue, Jana Pawła II,
  Atatürk Caddesi), historical figures in prose, products named after
  people (Calvin Klein, Jack Daniel's), and dates that are no births (hire
  date, expiry, appointment, issue, admission).

  python3 bench/pii_gen_world5.py [--n 800] [--seed 701] > /tmp/w5.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w5.json

Stdlib only; the output depends on --seed alone. Seeds 701 and 702 are
held out: their first contact is recorded in docs/pii.md; 701's errors may
be read afterwards, 702's are never read.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n

# given names, family names per culture
NAMES = {
    'vn': (['Thị Lan', 'Văn Minh', 'Thu Hà', 'Quốc Bảo', 'Ngọc Anh', 'Đức Thắng', 'Minh Châu'],
           ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi']),
    'vn_ascii': (['Thi Lan', 'Van Minh', 'Thu Ha', 'Quoc Bao', 'Ngoc Anh', 'Duc Thang'],
                 ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui']),
    'ar': (['Abdulrahman', 'Noura', 'Khalid', 'Reem', 'Faisal', 'Hessa', 'Yousef', 'Lamya'],
           ['Al-Harbi', 'Al-Qahtani', 'Al Otaibi', 'El-Sayed', 'Abdel-Fattah', 'Al-Mutairi',
            'bin Saleh Al-Ghamdi']),
    'ru': (['Sergei', 'Anastasia', 'Dmitri', 'Yekaterina', 'Alexei', 'Olga', 'Vladimir'],
           ['Kuznetsov', 'Smirnova', 'Volkov', 'Lebedeva', 'Sokolov', 'Morozova']),
    'in': (['Venkata Lakshmi', 'Priyanka', 'Siddharth', 'Meenakshi', 'Harpreet', 'Anirudh',
            'Shalini'],
           ['Reddy', 'Iyer', 'Chatterjee', 'Deshpande', 'Gill', 'Nair', 'Kulkarni']),
    'ng': (['Chukwuemeka', 'Oluwaseun', 'Ngozi', 'Aliyu', 'Folasade', 'Ifeanyi', 'Zainab',
            'Babatunde'],
           ['Okonkwo', 'Adeyemi', 'Eze', 'Bello', 'Okafor', 'Olawale', 'Abubakar']),
    'tr': (['Ayşe', 'Mehmet', 'Gülşen', 'Oğuz', 'Şebnem', 'İbrahim', 'Ilgın'],
           ['Yılmaz', 'Çelik', 'Öztürk', 'Doğan', 'Aydın', 'Şahin', 'Kılıç']),
    'pl': (['Małgorzata', 'Grzegorz', 'Agnieszka', 'Łukasz', 'Jadwiga', 'Przemysław'],
           ['Wójcik', 'Kowalczyk', 'Zieliński', 'Szymańska', 'Dąbrowski', 'Woźniak']),
}
CULTURES = ['vn', 'vn_ascii', 'ar', 'ru', 'in', 'ng', 'tr', 'pl']
PATRONYMICS = {'Sergei': 'Ivanovich', 'Anastasia': 'Petrovna', 'Dmitri': 'Alexandrovich',
               'Yekaterina': 'Sergeyevna', 'Alexei': 'Nikolaevich', 'Olga': 'Viktorovna',
               'Vladimir': 'Mikhailovich'}
FEMALE_RU = {'Anastasia', 'Yekaterina', 'Olga'}
CYRILLIC = ['Иван Петрович Сидоров', 'Анна Сергеевна Кузнецова', 'Михаил Андреевич Волков',
            'Елена Викторовна Смирнова', 'Дмитрий Олегович Попов']
ARABIC = ['محمد عبدالله', 'فاطمة الزهراء', 'عبدالرحمن الحربي', 'نورة القحطاني']
DEVANAGARI = ['राहुल शर्मा', 'प्रिया वर्मा', 'अमित कुमार']


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    f, l = pick(NAMES[loc][0]), pick(NAMES[loc][1])
    if loc in ('vn', 'vn_ascii'):
        return '%s %s' % (l, f)  # family name first, then middle and given
    if loc == 'ru':
        if f in FEMALE_RU and not l.endswith('a'):
            l += 'a'
        if f not in FEMALE_RU and l.endswith('a'):
            l = l[:-1]
        return pick(['%s %s %s' % (f, PATRONYMICS[f], l), '%s %s' % (f, l),
                     '%s %s %s' % (l, f, PATRONYMICS[f])])
    if loc == 'in':
        return pick(['%s %s' % (f, l), '%s. %s. %s' % (pick('KRSV'), pick('ABGNL'), f.split()[0]),
                     '%s %s' % (pick('KRSV') + '.', f.split()[0])])
    if loc == 'ar' and rng.random() < 0.3:
        return '%s %s %s' % (f, pick(['bin Abdullah', 'bint Saad', 'Abu Bakr']), l)
    return '%s %s' % (f, l)


def person_script():
    return pick(CYRILLIC + ARABIC + DEVANAGARI)


# ---- addresses -------------------------------------------------------------------
def addr(ml=False):
    sep = '\n' if ml else ', '
    kind = pick(['vn', 'eg', 'sa', 'ru', 'in', 'ng', 'tr', 'pl', 'ar_'])
    if kind == 'vn':
        return pick(['%d %s, Phường %s, Quận %d, TP. Hồ Chí Minh' % (
            n(1, 300), pick(['Lê Lợi', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Điện Biên Phủ']),
            pick(['Bến Nghé', 'Đa Kao', '6']), n(1, 12)),
            'Số %d Ngõ %d Phố %s, %s, Hà Nội' % (n(1, 99), n(1, 200), pick(['Huế', 'Bạch Mai',
                                                                            'Kim Mã']),
                                                 pick(['Hai Bà Trưng', 'Ba Đình', 'Đống Đa']))])
    if kind == 'eg':
        return '%d %s Street%s%s, %s %d' % (n(1, 90), pick(['Tahrir', 'Mohamed Mazhar',
                                                            'Gameat El Dowal']), sep,
                                           pick(['Dokki', 'Zamalek', 'Mohandessin']), 'Giza',
                                           n(11000, 12999))
    if kind == 'sa':
        return '%d %s, %s%sRiyadh %d %d' % (n(1000, 9999), pick(['Imam Saud Rd', 'King Fahd Rd',
                                                                 'Olaya St']),
                                           pick(['Al Falah', 'Al Olaya', 'Al Malqa']), sep,
                                           n(11000, 14999), n(1000, 9999))
    if kind == 'ru':
        return pick(['ул. %s, д. %d, кв. %d%sМосква, %d' % (pick(['Тверская', 'Арбат',
                                                                  'Садовая']), n(1, 90),
                                                            n(1, 200), sep, n(101000, 129999)),
                     'ul. %s, d. %d, kv. %d%sSaint Petersburg %d' % (
                         pick(['Nevsky Prospekt', 'Sadovaya', 'Marata']), n(1, 150), n(1, 300),
                         sep, n(190000, 199999))])
    if kind == 'in':
        return pick(['Door No. %d-%d-%d, %s%s%s %d' % (n(1, 40), n(1, 9), n(1, 99),
                                                       pick(['Gandhi Nagar', 'Benz Circle',
                                                             'Labbipet']), sep,
                                                       pick(['Vijayawada', 'Guntur']),
                                                       n(520001, 522999)),
                     '%s-%d, Sector %d%sNoida %d' % (pick('ABCD'), n(1, 300), n(1, 140), sep,
                                                     n(201301, 201310))])
    if kind == 'ng':
        return pick(['Plot %d, %s%sVictoria Island, Lagos' % (n(1, 99), pick([
            'Adeola Odeku Street', 'Ajose Adeogun Street', 'Akin Adesola Street']), sep),
            'No. %d %s, %s%sAbuja' % (n(1, 60), pick(['Aminu Kano Crescent', 'Gana Street']),
                                      pick(['Wuse II', 'Maitama']), sep)])
    if kind == 'tr':
        return '%s No: %d D: %d%s%d %s' % (pick(['Atatürk Cad.', 'Bağdat Caddesi',
                                                 'İstiklal Caddesi', 'Cumhuriyet Cad.']),
                                           n(1, 300), n(1, 40), sep, n(34000, 34999),
                                           pick(['Kadıköy/İstanbul', 'Beyoğlu/İstanbul',
                                                 'Çankaya/Ankara']))
    if kind == 'pl':
        return 'ul. %s %d/%d m. %d%s%02d-%03d %s' % (pick(['Marszałkowska', 'Piotrkowska',
                                                         'Długa', 'Świętokrzyska']),
                                                   n(1, 120), n(1, 99), n(1, 60), sep,
                                                   n(0, 99), n(0, 999),
                                                   pick(['Warszawa', 'Łódź', 'Gdańsk']))
    return 'Av. %s %d, piso %d, dto. %s%s%s%04d CABA' % (pick(['Corrientes', 'Santa Fe',
                                                               'Rivadavia']), n(100, 6000),
                                                         n(1, 20), pick('ABCD'), sep, 'C',
                                                         n(1000, 1499))


# ---- dates -----------------------------------------------------------------------
MONTHS = {'en': w.MONTHS_EN,
          'ru': ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа',
                 'сентября', 'октября', 'ноября', 'декабря'],
          'tr': ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos',
                 'Eylül', 'Ekim', 'Kasım', 'Aralık'],
          'pl': ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca',
                 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
          'es': ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto',
                 'septiembre', 'octubre', 'noviembre', 'diciembre']}


def date(fmt='any', years=(1938, 2009)):
    y, m, d = n(*years), n(1, 12), n(1, 28)
    fmt = pick(['dmy', 'iso', 'dot', 'mdy', 'en']) if fmt == 'any' else fmt
    if fmt in MONTHS and fmt != 'en':
        return '%d %s %d' % (d, MONTHS[fmt][m - 1], y)
    return {'dmy': '%02d/%02d/%04d' % (d, m, y), 'mdy': '%02d/%02d/%04d' % (m, d, y),
            'iso': '%04d-%02d-%02d' % (y, m, d), 'dot': '%02d.%02d.%04d' % (d, m, y),
            'en': '%d %s %d' % (d, w.MONTHS_EN[m - 1], y),
            'ymd': '%04d/%02d/%02d' % (y, m, d), 'dash': '%02d-%02d-%04d' % (d, m, y),
            'ord': '%d%s of %s, %d' % (d, 'th' if 4 <= d <= 20 else
                                       {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th'),
                                       w.MONTHS_EN[m - 1], y)}[fmt]


def passport():
    return pick(['C%s' % digits(7), 'A%s' % digits(8), 'U%s' % digits(7), digits(9),
                 pick('ABEKNPSTUZ') + digits(8), 'EA%s' % digits(7)])


def phone():
    d = digits
    return pick(['+84 9%s %s %s' % (d(2), d(3), d(3)), '0%s %s %s' % ('9' + d(2), d(3), d(3)),
                 '+966 5%s %s %s' % (d(1), d(3), d(4)), '+20 10 %s %s' % (d(4), d(4)),
                 '+7 (9%s) %s-%s-%s' % (d(2), d(3), d(2), d(2)), '8 9%s %s-%s-%s' % (
                     d(2), d(3), d(2), d(2)), '+91 9%s %s' % (d(4), d(5)),
                 '+234 80%s %s %s' % (d(1), d(3), d(4)), '0803 %s %s' % (d(3), d(4)),
                 '+90 5%s %s %s %s' % (d(2), d(3), d(2), d(2)), '+48 %s %s %s' % (
                     d(3), d(3), d(3)), '+54 9 11 %s-%s' % (d(4), d(4))])


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person),
    'first': ('person', 'PERSON', first),
    'script': ('person', 'PERSON', lambda _=None: person_script()),
    'cyr': ('person', 'PERSON', lambda _=None: pick(CYRILLIC)),
    'arab': ('person', 'PERSON', lambda _=None: pick(ARABIC)),
    'phone': ('phone', 'PHONE_NUMBER', lambda _=None: phone()),
    'address': ('street_address', 'STREET_ADDRESS', lambda _=None: addr()),
    'envelope': ('street_address', 'STREET_ADDRESS', lambda _=None: addr(True)),
    'dob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': date(fmt)),
    'passport': ('passport', 'PASSPORT', lambda _=None: passport()),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'odate': lambda: date(pick(['dmy', 'iso', 'en', 'dot']), (2015, 2027)),
    'firm': lambda: pick(['Ernst & Young', 'Abdul Latif Jameel', 'Tata Consultancy Services',
                          'Dangote Cement', 'Koç Holding', 'Marks & Spencer', 'Ford Motor Company',
                          'Kaspersky Lab', 'Siemens Healthineers', 'Thomson Reuters']),
    'street_of': lambda: pick(['Nguyen Hue Boulevard', 'ul. Jana Pawła II', 'Atatürk Caddesi',
                               'Avenida Presidente Vargas', 'Mahatma Gandhi Road',
                               'Rue Mohammed V', 'Nelson Mandela Drive']),
    'figure': lambda: pick(['Ho Chi Minh', 'Peter the Great', 'Mustafa Kemal', 'Mahatma Gandhi',
                            'Marie Curie', 'Nnamdi Azikiwe', 'Salah ad-Din', 'Nicolaus Copernicus']),
    'product': lambda: pick(['Calvin Klein', "Jack Daniel's", 'Tommy Hilfiger', 'Dr. Martens',
                             'Hugo Boss', 'Louis Vuitton', 'Ralph Lauren']),
    'city': lambda: pick(['Hanoi', 'Riyadh', 'Kazan', 'Pune', 'Ibadan', 'Izmir', 'Wrocław']),
    'mrn': lambda: '%d' % n(100000, 999999),
})

TEMPLATES = [
    # forms and records
    "Họ và tên: <<person.vn>>\nNgày sinh: <<dob.dmy>>\nĐịa chỉ: <<address>>",
    "ФИО: <<cyr>>\nДата рождения: <<dob.dot>>\nТелефон: <<phone>>",
    "Adı Soyadı: <<person.tr>>\nDoğum Tarihi: <<dob.dot>>\nAdres: <<address>>",
    "Imię i nazwisko: <<person.pl>>, data urodzenia: <<dob.dot>>, adres: <<address>>",
    "Nombre completo: <<person>>; fecha de nacimiento: <<dob.es>>; pasaporte <<passport>>",
    "Name of applicant: <<person>>\nD.O.B.: <<dob.dmy>>\nPassport No.: <<passport>>",
    "Emirates ID application — Full name: <<person.ar>> — Date of Birth: <<dob.dmy>>",
    "KYC: customer <<person.in>>, DOB <<dob.dash>>, mobile <<phone>>, address <<address>>",
    "Nama lengkap: <<person>>\nTanggal lahir: <<dob.dmy>>\nAlamat: <<address>>",
    "जन्म तिथि: <<dob.dmy>>, नाम: <<person.in>>",
    "تاريخ الميلاد: <<dob.ymd>> — الاسم: <<arab>>",
    "Geburtsdatum: <<dob.dot>>, Name: <<person.pl>>, Anschrift: <<address>>",
    # medical notes
    "Pt <<person>>, 54F, DOB <<dob.mdy>>, presents with chest pain. Seen on <<odate>>.",
    "Discharge summary\nPatient name: <<person.ng>>\nDate of birth: <<dob.en>>\n"
    "Admitted: <<odate>>\nHome address: <<envelope>>",
    "Referral for <<person.ru>> (born <<dob.dot>>) to cardiology, phone <<phone>>.",
    "MRN <<mrn>> | <<person.tr>> | d.o.b. <<dob.iso>> | allergy: penicillin",
    # chat and prose
    "hi, i'm <<person.lower>>, born <<dob.dmy>>, can you check my booking?",
    "Привет! Меня зовут <<cyr>>, я родился <<dob.ru>>.",
    "Merhaba, ben <<person.tr>>. <<dob.tr>> doğumluyum ve <<address>> adresinde oturuyorum.",
    "Dzień dobry, nazywam się <<person.pl>>, urodziłam się <<dob.pl>>.",
    "Xin chào, tôi là <<person.vn>>, sinh ngày <<dob.dmy>>, sống tại <<address>>.",
    "Mình tên là <<person.vn_ascii>>, sdt <<phone>> nha.",
    "As-salamu alaykum, my name is <<person.ar>> and I live at <<address>>.",
    "My oga <<person.ng>> says the delivery should go to <<address>>.",
    "Please call <<first.ng>> on <<phone>> before you come to <<address>>.",
    "<<person.in>> and <<person.in>> will share the cab from <<address>>.",
    "I was born on the <<dob.ord>> in <<city>>; my passport is <<passport>>.",
    "Ping <<first.tr>> and <<first.pl>> about the Friday release.",
    "Удостоверение выдано <<cyr>>, паспорт <<passport>>.",
    "Rental agreement between <<person>> (tenant) and <<person>> (landlord) for the flat at "
    "<<address>>.",
    "Shipping label\n<<person.upper>>\n<<envelope>>\nTel <<phone>>",
    "Dear <<person.ng>>,\nyour card ending 4417 was shipped to <<address>>.",
    "Ms. <<person.ru>> changed her phone to <<phone>>.",
    "Gửi anh <<person.vn>>: hợp đồng đã được gửi tới <<address>>.",
    "Bay <<person.tr>>, randevunuz onaylandı. Telefon: <<phone>>",
    "Pani <<person.pl>> prosi o kontakt pod numerem <<phone>>.",
    "اسمي <<arab>> ورقم هاتفي <<phone>>",
    "{\"user\": {\"fullName\": \"<<person>>\", \"birthDate\": \"<<dob.iso>>\", "
    "\"street\": \"<<address>>\"}}",
    "name;dob;city\n<<person>>;<<dob.iso>>;<<city>>",
]
LOOKALIKES = [
    "<<firm>> reported record revenue; shares rose 4% on <<odate>>.",
    "I interviewed at <<firm>> last week and start on <<odate>>.",
    "Our office moved to <<street_of>> in <<city>>.",
    "Turn left on <<street_of>> after the second light.",
    "In 1923, <<figure>> changed the history of the region.",
    "The museum has a new exhibition about <<figure>> and the 18th century.",
    "She bought a <<product>> jacket for the trip to <<city>>.",
    "Hire date: <<odate>>  Contract end: <<odate>>  Department: Logistics",
    "Card expiry <<odate>>; appointment confirmed for <<odate>> at 10:30.",
    "Date of issue: <<odate>>  Date of expiry: <<odate>>  Place of issue: <<city>>",
    "Admission date <<odate>>, discharge date <<odate>>, ward 7B.",
    "Your appointment with the dermatology clinic is on <<odate>>.",
    "<<product>> opened a flagship store in <<city>> on <<odate>>.",
    "Statue of <<figure>> restored, says the city of <<city>>.",
]


def record():
    t = pick(LOOKALIKES if rng.random() < 0.2 else TEMPLATES)
    return w.fill(t, TYPED, LOOK)


def main():
    w.write_set(record, 701, __doc__)


if __name__ == '__main__':
    main()
