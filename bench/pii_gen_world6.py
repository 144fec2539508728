#!/usr/bin/env python3
"""A sixth held-out PII set ("world6") for `person` above all, written at the
start of session 6's person round, before any of its rules and before the
scanner ever ran on it. Everything differs from world .. world5:

- cultures: Dutch (van der, de), European Portuguese, Scandinavian (å ø æ),
  Ghanaian (Akan day names), Ethiopian and Eritrean (given + father's name),
  Somali (three names), Filipino (dela Cruz, Ma.), Sri Lankan (Sinhala and
  Tamil, long surnames, initials), Nepali, Georgian (-shvili, -dze),
  Armenian (-yan), Uzbek and Kazakh (-ova, -bekov);
- scripts: Greek, Hebrew, Thai, Georgian, Armenian and Bengali names, Hindi
  (Devanagari) and Arabic names after their own cues, Hangul and Japanese
  names with honorifics (님, 씨, 様, さん, 先生);
- templates: multilingual chat with each language's own cue words (German
  "mein Name ist", "Herr/Frau", Dutch "mijn naam is", "meneer/mevrouw",
  Portuguese "chamo-me", "Sr./Sra.", Italian "Sig.ra", "mi chiamo", Spanish
  "me llamo", "Sr.", French "je m'appelle", "Mme", Polish "nazywam się",
  "Pan/Pani", Turkish "benim adım", "Bey/Hanım", Swedish "jag heter"),
  e-mail signatures, meeting notes with bare given names and @-mentions,
  CVs and references, medical and legal letters, ALL-CAPS forms, passports,
  signature blocks and shipping labels, names next to organisations;
- look-alikes: diseases, laws and units named after people (Parkinson's
  disease, Hodgkin lymphoma, Ohm's law), streets and squares named after
  people inside addresses (Via Giuseppe Verdi, Rua Dr. Alberto Sampaio,
  Karl-Marx-Allee), products, brands and places that look like names
  (Ted Baker, Jack Wolfskin, Alice Springs, Santa Clara, Port Louis),
  German sentences full of capitalised nouns, organisation and department
  words in CJK (営業部, 人事部, 研发中心), ALL-CAPS headings and company names.

  python3 bench/pii_gen_world6.py [--n 800] [--seed 801] > /tmp/w6.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w6.json

Stdlib only; the output depends on --seed alone. Seeds 801 and 802 are held
out: their first contact is recorded in docs/pii.md; 801's errors may be read
afterwards, 802's are never read.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n

# given names, family names per culture (written for this generator)
NAMES = {
    'nl': (['Sanne', 'Joost', 'Femke', 'Maarten', 'Lieke', 'Bram', 'Anouk', 'Wouter', 'Marijke'],
           ['van der Berg', 'de Vries', 'Bakker', 'van Dijk', 'Visser', 'Jansen', 'de Groot',
            'van den Broek', 'Mulder']),
    'pt': (['João Pedro', 'Inês', 'Gonçalo', 'Leonor', 'Tiago', 'Beatriz', 'Rui', 'Matilde'],
           ['Gonçalves', 'Ferreira', 'Sousa Pinto', 'Carvalho', 'Magalhães', 'Rodrigues',
            'Antunes']),
    'sc': (['Åsa', 'Bjørn', 'Sigrid', 'Leif', 'Ingrid', 'Søren', 'Astrid', 'Magnus', 'Freja'],
           ['Lindqvist', 'Haugen', 'Sørensen', 'Bergström', 'Johansen', 'Nyström', 'Dahl',
            'Kjær']),
    'gh': (['Kwame', 'Akosua', 'Kofi', 'Ama', 'Yaw', 'Abena', 'Kwabena', 'Efua'],
           ['Mensah', 'Boateng', 'Owusu', 'Asante', 'Appiah', 'Agyeman', 'Ofori']),
    'et': (['Tewodros', 'Selamawit', 'Dawit', 'Hiwot', 'Yonas', 'Meseret', 'Biniam', 'Tsion'],
           ['Alemu', 'Bekele', 'Tesfaye', 'Gebremedhin', 'Haile', 'Mengistu', 'Woldemariam']),
    'so': (['Abdirahman', 'Hodan', 'Mohamed Abdi', 'Ifrah', 'Farhan', 'Sahra', 'Liban'],
           ['Warsame', 'Farah', 'Jama', 'Hersi', 'Abdullahi', 'Egal']),
    'ph': (['Maria Cristina', 'Jose Rizal', 'Ma. Teresa', 'Rommel', 'Marites', 'Jerome',
            'Lorna', 'Bong'],
           ['dela Cruz', 'Santos', 'Bautista', 'Villanueva', 'Macapagal', 'Dimaculangan',
            'Reyes']),
    'lk': (['Chamari', 'Dinesh', 'Nimali', 'Kasun', 'Tharindu', 'Kumaran', 'Shanthi'],
           ['Wijesinghe', 'Jayasuriya', 'Perera', 'Sivakumar', 'Gunawardena',
            'Ranasinghe', 'Thevarajah']),
    'np': (['Bishnu', 'Sabina', 'Prakash', 'Sunita', 'Roshan', 'Anjali', 'Bikram'],
           ['Shrestha', 'Adhikari', 'Gurung', 'Tamang', 'Thapa', 'Bhattarai', 'Maharjan']),
    'ge': (['Nino', 'Giorgi', 'Tamar', 'Levan', 'Ketevan', 'Irakli', 'Mariam'],
           ['Beridze', 'Kapanadze', 'Gelashvili', 'Lomidze', 'Tsiklauri', 'Mchedlishvili']),
    'am': (['Aram', 'Anahit', 'Tigran', 'Lusine', 'Hayk', 'Armine', 'Gevorg'],
           ['Petrosyan', 'Hakobyan', 'Grigoryan', 'Sargsyan', 'Avetisyan', 'Harutyunyan']),
    'uz': (['Aigerim', 'Rustam', 'Dilnoza', 'Timur', 'Madina', 'Nurlan', 'Gulnara'],
           ['Karimova', 'Abdullaev', 'Nurmagambetov', 'Tashkentova', 'Yusupov',
            'Zhakupbekov']),
}
CULTURES = sorted(NAMES)
SCRIPT = {
    'el': ['Γιώργος Παπαδόπουλος', 'Ελένη Κωνσταντίνου', 'Νίκος Αλεξίου', 'Μαρία Γεωργίου'],
    'he': ['יוסי כהן', 'מיכל לוי', 'אבי מזרחי', 'נועה פרץ'],
    'th': ['สมชาย ใจดี', 'สุดารัตน์ ศรีสุข', 'วิชัย ทองดี'],
    'ka': ['ნინო ბერიძე', 'გიორგი კაპანაძე', 'თამარ ლომიძე'],
    'hy': ['Արամ Պետրոսյան', 'Անահիտ Հակոբյան', 'Տիգրան Սարգսյան'],
    'bn': ['তানভীর হোসেন', 'ফারহানা আক্তার', 'রাকিব হাসান'],
    'hi': ['सुनीता शर्मा', 'राजेश गुप्ता', 'अनिल यादव', 'पूजा वर्मा', 'विकास सिंह'],
    'ar': ['أحمد المنصوري', 'سارة الخطيب', 'يوسف النجار', 'ليلى حداد'],
    'ko': ['김민준', '이서연', '박지훈', '최유진', '정하늘', '강도윤'],
    'ja': ['佐々木健一', '森本由香', '石田大樹', '長谷川彩', '藤田誠'],
}


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def last(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1])


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    f, l = first(loc), last(loc)
    if loc == 'et':  # given name and father's name
        return '%s %s' % (f, pick(NAMES['et'][0] + ['Girma', 'Tadesse']))
    if loc == 'so':
        return '%s %s %s' % (f, pick(['Ali', 'Hassan', 'Nur']), l)
    if loc == 'lk' and rng.random() < 0.4:
        return '%s. %s. %s' % (pick('AKMS'), pick('DPRW'), l)
    return '%s %s' % (f, l)


def script(lang='any'):
    return pick(SCRIPT[pick(sorted(SCRIPT)) if lang == 'any' else lang])


def addr(ml=False):
    """Addresses on streets named after people, and a few others."""
    sep = '\n' if ml else ', '
    return pick([
        'Via Giuseppe Verdi %d%s%05d Milano' % (n(1, 90), sep, n(20121, 20162)),
        'Rua Dr. Alberto Sampaio %d, %d.º Esq.%s%04d-%03d Porto' % (n(1, 200), n(1, 8), sep,
                                                                   n(4000, 4470), n(0, 999)),
        'Karl-Marx-Allee %d%s%05d Berlin' % (n(1, 150), sep, n(10178, 10249)),
        'Johannes Vermeerstraat %d%s%04d %s Amsterdam' % (n(1, 80), sep, n(1071, 1077),
                                                          pick(['HB', 'KL', 'JR'])),
        'Avenida Presidente Wilson %d, %dº andar%sRio de Janeiro - RJ, %05d-%03d' % (
            n(100, 999), n(1, 20), sep, n(20030, 20039), n(0, 999)),
        'Calle de Alfonso XII %d, %dº %s%s%05d Madrid' % (n(1, 60), n(1, 6), pick('ABCD'), sep,
                                                         n(28001, 28014)),
        'Rue Victor Hugo %d%s%05d Lyon' % (n(1, 120), sep, n(69001, 69009)),
        'Drottninggatan %d%s%03d %02d Stockholm' % (n(1, 120), sep, n(111, 113), n(10, 99)),
        '%d Kwame Nkrumah Avenue%sAdabraka, Accra' % (n(1, 300), sep),
        'House %d, Haile Selassie Road%sKebele %02d, Addis Ababa' % (n(1, 900), sep, n(1, 20)),
        '%d Jose Abad Santos St.%sTondo, Manila %04d' % (n(1, 2000), sep, n(1012, 1013)),
        '%d Galle Road%sColombo %02d' % (n(1, 600), sep, n(3, 6)),
        'ul. Marii Skłodowskiej-Curie %d/%d%s%02d-%03d Kraków' % (n(1, 90), n(1, 40), sep,
                                                                 n(30, 31), n(0, 999)),
    ])


def phone():
    d = digits
    return pick(['+31 6 %s %s' % (d(4), d(4)), '+351 91%s %s %s' % (d(1), d(3), d(3)),
                 '+46 70 %s %s %s' % (d(3), d(2), d(2)), '+233 24 %s %s' % (d(3), d(4)),
                 '+251 91 %s %s' % (d(3), d(4)), '+63 917 %s %s' % (d(3), d(4)),
                 '+94 77 %s %s' % (d(3), d(4)), '+995 599 %s %s' % (d(2), d(4)),
                 '+49 30 %s %s' % (d(4), d(4)), '+44 20 %s %s' % (d(4), d(4))])


def passport():
    return pick(['NX%s' % digits(7), 'P%s' % digits(7), 'EP%s' % digits(7), digits(9),
                 'N%s' % digits(7)])


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person),
    'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last),
    'script': ('person', 'PERSON', script),
    'phone': ('phone', 'PHONE_NUMBER', lambda _=None: phone()),
    'address': ('street_address', 'STREET_ADDRESS', lambda _=None: addr()),
    'envelope': ('street_address', 'STREET_ADDRESS', lambda _=None: addr(True)),
    'passport': ('passport', 'PASSPORT', lambda _=None: passport()),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'org': lambda: pick(['Equinor ASA', 'Philips Healthcare', 'Ghana Commercial Bank',
                         'Ethiopian Airlines', 'Jollibee Foods', 'Dialog Axiata',
                         'Bank of Georgia', 'Sonae MC', 'Novo Nordisk', 'Ucom LLC',
                         'Kaspi Bank', 'Rabobank', 'Volvo Cars', 'Ayala Land']),
    'dept': lambda: pick(['Procurement', 'Legal & Compliance', 'Radiology', 'Finance',
                          'Human Resources', 'Customer Success', 'Facilities']),
    'disease': lambda: pick(["Parkinson's disease", 'Hodgkin lymphoma', "Crohn's disease",
                             "Alzheimer's", 'Down syndrome', "Hashimoto's thyroiditis",
                             'Guillain-Barré syndrome', "Bell's palsy"]),
    'law': lambda: pick(["Ohm's law", 'the Doppler effect', 'a Fourier transform',
                         'the Higgs boson', 'a Bunsen burner', 'the Turing test',
                         'Gaussian noise', 'a Petri dish']),
    'brand': lambda: pick(['Ted Baker', 'Jack Wolfskin', 'Tommy Bahama', 'Karl Lagerfeld',
                           'Bobbi Brown', 'Jimmy Choo', 'Ray-Ban', 'Paul Smith',
                           'Aesop', 'Carl Zeiss', 'Georg Jensen', 'Mary Kay']),
    'place': lambda: pick(['Alice Springs', 'Santa Clara', 'Port Louis', 'San José',
                           'Saint Helena', 'Lake Victoria', 'Mount Kenya', 'Victoria Falls',
                           'Charlotte', 'Port Elizabeth', 'Fort William', 'Georgetown']),
    'landmark': lambda: pick(['Piazza Garibaldi', 'Praça Marquês de Pombal',
                              'Plaza de Colón', 'Place Charles de Gaulle',
                              'Rembrandtplein', 'Kwame Nkrumah Mausoleum',
                              'Rizal Park', 'Haile Selassie Avenue']),
    'cjk_org': lambda: pick(['営業部', '人事部', '研发中心', '技术部', '総務課', '마케팅팀',
                             '法務部', '财务处']),
    'city': lambda: pick(['Utrecht', 'Porto', 'Bergen', 'Kumasi', 'Addis Ababa', 'Cebu',
                          'Kandy', 'Pokhara', 'Tbilisi', 'Yerevan', 'Almaty']),
    'weekday': lambda: pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']),
    'caps_org': lambda: pick(['NORDLICHT LOGISTIK GMBH', 'BANCO COMERCIAL PORTUGUÊS',
                              'GHANA REVENUE AUTHORITY', 'MINISTRY OF FOREIGN AFFAIRS',
                              'ROYAL PHILIPS N.V.', 'CEYLON TEA TRADERS LTD']),
})

TEMPLATES = [
    # multilingual chat, each language with its own cue words
    "Hallo, mein Name ist <<person>> und ich habe eine Frage zu meiner Rechnung.",
    "Guten Tag Herr <<last.nl>>, wir bestätigen Ihren Termin am Dienstag.",
    "Bitte leiten Sie das an Frau <<person.sc>> aus der Buchhaltung weiter.",
    "Hoi, mijn naam is <<person.nl>> en ik woon in <<city>>.",
    "Beste mevrouw <<last.nl>>, uw pakket ligt klaar bij het afhaalpunt.",
    "Olá! Chamo-me <<person.pt>> e gostaria de alterar a minha reserva.",
    "Exmo. Sr. <<person.pt>>, segue em anexo a fatura do mês de março.",
    "Buongiorno, mi chiamo <<person>>, vorrei annullare l'ordine <<order>>.",
    "Gentile Sig.ra <<person.pt>>, la sua richiesta è stata accettata.",
    "Hola, me llamo <<person.ph>> y necesito ayuda con mi cuenta.",
    "Estimado Sr. <<last.ph>>: adjuntamos el contrato firmado.",
    "Bonjour, je m'appelle <<person.gh>> et j'écris au sujet de ma commande.",
    "Mme <<person.et>> vous attend à l'accueil.",
    "Dzień dobry, nazywam się <<person.ge>> i chciałbym zmienić adres.",
    "Pan <<person.am>> prosi o oddzwonienie na numer <<phone>>.",
    "Merhaba, benim adım <<person.uz>>; siparişim hâlâ gelmedi.",
    "<<first.uz>> Hanım toplantıya katılamayacak.",
    "Hej! Jag heter <<person.sc>> och jag bor i <<city>>.",
    "Hi, this is <<first>> from <<org>> - can we move our call to <<weekday>>?",
    # native scripts with their own cues
    "Ονοματεπώνυμο: <<script.el>>\nΤηλέφωνο: <<phone>>",
    "שמי <<script.he>> ואני רוצה לבטל את ההזמנה.",
    "ชื่อ-นามสกุล: <<script.th>>",
    "სახელი, გვარი: <<script.ka>>",
    "Անուն Ազգանուն: <<script.hy>>",
    "নাম: <<script.bn>>, মোবাইল: <<phone>>",
    "नमस्ते, मेरा नाम <<script.hi>> है और मुझे अपना पता बदलना है।",
    "प्रिय <<script.hi>> जी, आपका आवेदन स्वीकार कर लिया गया है।",
    "عزيزي <<script.ar>>، تم شحن طلبك اليوم.",
    "<<script.ko>> 님, 주문하신 상품이 발송되었습니다.",
    "안녕하세요, 저는 <<script.ko>>입니다. 회의 시간을 바꿀 수 있을까요?",
    "<<script.ja>>様\nいつもお世話になっております。",
    "担当：<<script.ja>>（<<cjk_org>>）",
    # e-mail signatures
    "Thanks for the quick turnaround!\n\n--\n<<person>> | Senior Buyer | <<org>>\n"
    "M: <<phone>> | <<email>>",
    "Met vriendelijke groet,\n\n<<person.nl>>\nAccountmanager\n<<org>>",
    "Com os melhores cumprimentos,\n<<person.pt>>\nDepartamento de <<dept>>",
    "Cheers,\n<<first>>\n\nSent from my phone",
    "Best regards,\n\n<<person.upper>>\nHead of <<dept>>, <<org>>\nT <<phone>>",
    "Mvh\n<<person.sc>>\n<<org>> · <<city>>",
    # meeting notes
    "Meeting notes (<<weekday>>)\nAttendees: <<first>>, <<first>>, <<first>>, <<person>>\n"
    "Actions: <<first>> to send the draft; <<first>> to book the room.",
    "Standup: @<<first>> blocked on the API keys, @<<first>> reviewing the PR.",
    "AI: <<first>> follows up with <<org>> about the renewal.",
    "Minutes taken by <<person>>. Apologies: <<person>>, <<first>>.",
    "1:1 with <<first>> - discussed promotion case, next check-in in two weeks.",
    "Can you ask <<first>> whether the slides are ready?",
    "thanks <<first.lower>>, that fixed it!",
    # CVs and references
    "CURRICULUM VITAE\n<<person.upper>>\n<<address>>\n<<email>> · <<phone>>",
    "References\n<<person>>, Head of <<dept>>, <<org>> - <<email>>\n"
    "Prof. <<person>>, University of <<city>>",
    "Lebenslauf\nName: <<person>>\nGeburtsdatum: <<dob.dot>>\nAnschrift: <<address>>",
    "Profile: <<person>> is a data engineer with eight years at <<org>>.",
    # medical and legal letters
    "Re: <<person>>, DOB <<dob.eu>>\nDear Dr <<last>>,\nthank you for referring this "
    "patient with suspected <<disease>>.",
    "Clinic letter - seen by Dr. <<person.lk>>. The patient, Mrs <<person.lk>>, reports "
    "worsening symptoms of <<disease>>.",
    "IN THE MATTER OF the estate of <<person.upper>>, deceased.",
    "BETWEEN:\n<<person.upper>> (Claimant)\nand\n<<caps_org>> (Defendant)",
    "Witness statement of <<person>>, made on <<date>>.",
    "The tenancy agreement between <<person.nl>> and <<org>> ends on <<date>>.",
    "Power of attorney granted by <<person.so>> to <<person.so>>.",
    # ALL-CAPS forms, passports, labels and signature blocks
    "SURNAME / NOM: <<last.upper>>\nGIVEN NAMES / PRÉNOMS: <<first.upper>>\n"
    "PASSPORT NO: <<passport>>",
    "NAME OF CARDHOLDER: <<person.upper>>",
    "SHIP TO: <<person.upper>>\n<<envelope>>",
    "SIGNED: <<person.upper>>   DATE: <<date>>",
    "Authorised signatory\n______________________\n<<person.upper>>\nDirector, <<caps_org>>",
    "PASSENGER: <<last.upper>>/<<first.upper>> MR   FLIGHT ET 708   SEAT 14C",
    # names next to organisations and streets named after people
    "<<person>> (<<org>>) will chair the panel in <<city>>.",
    "Contact: <<person>>, <<org>>, <<address>>",
    "Please send the samples to <<person.gh>>, <<envelope>>",
    "The new office of <<org>> is at <<address>>.",
    "Recipient: <<person.et>>\nAddress: <<address>>\nPhone: <<phone>>",
    "Ask <<first>> at the <<dept>> desk, or <<first>> if she is out.",
]
LOOKALIKES = [
    "Symptoms are consistent with <<disease>>; refer to neurology.",
    "Family history of <<disease>> on the mother's side.",
    "The lab explained <<law>> to the new interns.",
    "She bought a <<brand>> jacket before flying to <<place>>.",
    "<<brand>> opens a new store in <<place>> on <<weekday>>.",
    "We met at <<landmark>> and walked to the harbour.",
    "The parade starts at <<landmark>> at noon.",
    "Our flight to <<place>> leaves at 06:40.",
    "Der Vertrag wurde von der Geschäftsleitung unterschrieben; die Lieferung erfolgt am "
    "Montag über das Lager in Hamburg.",
    "Sehr geehrte Damen und Herren, anbei die Rechnung für die Wartung der Heizungsanlage.",
    "Die Abteilung Einkauf bittet um Freigabe der Bestellung bis Freitag.",
    "Bitte beachten Sie die neuen Öffnungszeiten der Kundenberatung ab Mittwoch.",
    "Notulen van het overleg: Begroting, Planning en Rondvraag.",
    "<<cjk_org>>の会議は明日の午後3時からです。",
    "请把报告发给<<cjk_org>>，周五之前。",
    "<<cjk_org>>에서 공지사항을 확인하세요.",
    "TERMS AND CONDITIONS OF CARRIAGE - PLEASE READ CAREFULLY",
    "URGENT: PAYMENT OVERDUE - <<caps_org>>",
    "GRAND HOTEL CENTRAL, RECEPTION OPEN 24 HOURS",
    "The <<dept>> team moved to the second floor of the <<org>> building.",
    "Release notes: Galaxy Tab support, Surface Pro fixes, Kindle Paperwhite sync.",
    "Invoice from <<org>>: <<price>> due on <<date>>.",
]


def main():
    w.write_template_set(TEMPLATES, LOOKALIKES, TYPED, LOOK, 801, __doc__)


if __name__ == '__main__':
    main()
