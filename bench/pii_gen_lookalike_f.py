#!/usr/bin/env python3
"""Look-alike set f (`bench/pii_gen_lookalike.py --set f`): PRECISION again,
written after the rules made from set e (title-cased lines, capitalised
function words, features of the land, labels before values) and before the
detector was run on it, with text kinds no set had:

- real-estate listings in eight languages (streets and districts named after
  people, agents labelled);
- conference agendas (rooms named after scientists: Turing Auditorium, Curie
  Room; speakers labelled);
- job postings with title-cased section headings in seven languages;
- podcast episode lists and film credits (directors and cast labelled);
- prize and award lists (Nobel, Pulitzer, Turing, Fields, Booker: winners
  labelled);
- school timetables in nine languages;
- hotel booking confirmations (hotels named after people: Marriott, Hilton,
  Ritz-Carlton; guests labelled);
- museum wall labels (works and artists: the artists are persons, labelled);
- used-car listings (Ford, Mercedes-Benz, Rolls-Royce, Aston Martin, Alfa
  Romeo, Lincoln, Cadillac; sellers labelled);
- app settings in Armenian, Kazakh, Serbian and Macedonian Cyrillic,
  Indonesian, Romanian, Hungarian, Czech, Danish, Finnish, Icelandic, Dutch,
  Brazilian Portuguese;
- marathon results and basketball standings (runners labelled; teams such as
  Golden State Warriors, Orlando Magic).

Names come from the world sets and from a list written here (Kazakh,
Armenian, Serbian, Ghanaian Ewe, Brazilian, Indonesian, Romanian,
Hungarian, Danish, Māori, Nepali, Chilean).

Seeds 1051 and 1052: scored once, before any rule was made from this set.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_lookalike as la  # noqa: E402
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, n = w.pick, w.n

NAMES_F = {
    'kk': (['Aigerim', 'Nursultan', 'Dana', 'Yerlan', 'Saule', 'Arman'],
           ['Nurlanova', 'Zhakupov', 'Abenova', 'Seitkali', 'Tokayev', 'Bekova']),
    'hy': (['Anahit', 'Tigran', 'Lusine', 'Armen', 'Narine', 'Hayk'],
           ['Petrosyan', 'Grigoryan', 'Sargsyan', 'Hakobyan', 'Avetisyan', 'Karapetyan']),
    'sr': (['Milica', 'Nemanja', 'Jovana', 'Stefan', 'Dragana', 'Uroš'],
           ['Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović']),
    'ee': (['Edem', 'Dzifa', 'Selorm', 'Enyonam', 'Kafui', 'Mawuli'],
           ['Agbeko', 'Amegashie', 'Kpodo', 'Tsikata', 'Dzokoto', 'Gbeho']),
    'br': (['Thiago', 'Larissa', 'Rafael', 'Beatriz', 'Gustavo', 'Juliana'],
           ['Cavalcanti', 'Albuquerque', 'Nogueira', 'Figueiredo', 'Brandão', 'Teixeira']),
    'id': (['Putri', 'Agus', 'Dewi', 'Bambang', 'Sri', 'Fajar'],
           ['Wijaya', 'Saputra', 'Hidayat', 'Kusuma', 'Pratama', 'Santoso']),
    'ro': (['Alexandra', 'Cristian', 'Bianca', 'Florin', 'Daria', 'Sorin'],
           ['Georgescu', 'Radu', 'Marinescu', 'Dobre', 'Tudor', 'Vasilescu']),
    'hu': (['Eszter', 'Balázs', 'Noémi', 'Ádám', 'Katalin', 'Márton'],
           ['Horváth', 'Molnár', 'Farkas', 'Balogh', 'Papp', 'Lakatos']),
    'da': (['Mette', 'Rasmus', 'Signe', 'Mikkel', 'Freja', 'Jonas'],
           ['Nielsen', 'Kristensen', 'Mortensen', 'Rasmussen', 'Poulsen', 'Lund']),
    'mi': (['Aroha', 'Wiremu', 'Mereana', 'Tane', 'Hine', 'Rangi'],
           ['Ngata', 'Parata', 'Tipene', 'Waititi', 'Horomona', 'Te Rangi']),
    'ne': (['Sita', 'Bikash', 'Anjali', 'Prakash', 'Sunita', 'Roshan'],
           ['Shrestha', 'Gurung', 'Tamang', 'Adhikari', 'Thapa', 'Karki']),
    'cl': (['Constanza', 'Matías', 'Javiera', 'Benjamín', 'Catalina', 'Vicente'],
           ['Muñoz', 'Rojas', 'Contreras', 'Sepúlveda', 'Fuentes', 'Valenzuela']),
}

TYPED_F = dict(la.TYPED_B)
TYPED_F['person'] = ('person', 'PERSON', la.person_of(NAMES_F, 0.4))


def estate():
    lang = pick(['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt'])
    head = {'en': '3-Bed Victorian Terrace, Florence Park — Offers Over <<price>>',
            'de': 'Helle 3-Zimmer-Wohnung Am Kaiser-Wilhelm-Ring — Kaltmiete <<price>>',
            'fr': 'Appartement T3 Quartier Saint-Germain — Prix <<price>>',
            'es': 'Piso Reformado En Barrio De Salamanca — Precio <<price>>',
            'it': 'Trilocale Luminoso Zona Porta Garibaldi — Prezzo <<price>>',
            'nl': 'Ruime Eengezinswoning In De Rivierenbuurt — Vraagprijs <<price>>',
            'pl': 'Mieszkanie 3-Pokojowe Na Żoliborzu — Cena <<price>>',
            'pt': 'Apartamento T2 Em Campo De Ourique — Preço <<price>>'}[lang]
    feats = pick(['Garden | Parking | Close To Station', 'Balkon | Einbauküche | Aufzug',
                  'Terrasse | Cave | Gardien', 'Terraza | Ascensor | Trastero',
                  'Balcone | Cantina | Portineria', 'Tuin | Berging | Zonnepanelen'])
    agent = la.maybe(0.25, '\nAgent: <<person>>, <<phone>>', '\nViewings By Appointment')
    return head + '\n' + feats + agent


ROOMS = ['Turing Auditorium', 'Curie Room', 'Ada Lovelace Suite', 'Galileo Hall',
         'Hopper Lab', 'Tesla Ballroom', 'Darwin Theatre', 'Humboldt Saal', 'Salle Pasteur',
         'Sala Fermi']
TALKS = ['Opening Keynote', 'Scaling Edge Inference', 'Lunch Break', 'Panel: The Future Of Work',
         'Lightning Talks', 'Closing Remarks', 'Workshop: Rust For Embedded', 'Poster Session']


def agenda():
    out = [pick(['Day 1 — Main Track', 'Programm — Tag 2', 'Programme — Jour 1', 'Agenda'])]
    for h in range(n(3, 5)):
        talk = pick(TALKS)
        who = la.maybe(0.3, ' — <<person>>', '')
        out.append('%02d:%02d  %s%s  (%s)' % (9 + h, pick([0, 30]), talk, who, pick(ROOMS)))
    return '\n'.join(out)


JOBS = {
    'en': ('Senior Data Engineer — Hybrid (Lisbon)', ['About Us', 'What You\'ll Do',
                                                       'What We\'re Looking For', 'Nice To Have',
                                                       'Benefits And Perks']),
    'de': ('Softwareentwickler (m/w/d) — Remote', ['Über Uns', 'Deine Aufgaben', 'Dein Profil',
                                                   'Wir Bieten']),
    'fr': ('Chef De Projet Digital — CDI', ['Qui Sommes-Nous', 'Vos Missions', 'Votre Profil',
                                            'Avantages']),
    'es': ('Analista De Datos — Madrid', ['Sobre Nosotros', 'Tus Funciones', 'Requisitos',
                                          'Qué Ofrecemos']),
    'pt': ('Desenvolvedor Backend Pleno — São Paulo', ['Quem Somos', 'Responsabilidades',
                                                       'Requisitos', 'Benefícios']),
    'nl': ('Medior Frontend Developer — Utrecht', ['Over Ons', 'Wat Ga Je Doen',
                                                    'Wat Vragen Wij', 'Wat Bieden Wij']),
    'pl': ('Specjalista Ds. Rekrutacji — Kraków', ['O Nas', 'Twoje Zadania', 'Nasze Wymagania',
                                                   'Oferujemy']),
}


def job():
    lang = pick(sorted(JOBS))
    title, heads = JOBS[lang]
    out = [title]
    for h in heads:
        out.append('\n## ' + h + '\n- ' + pick(['Python, SQL, Airflow', 'TypeScript, React',
                                               'Excel, Power BI', 'Kubernetes, Terraform']))
    out.append(la.maybe(0.2, '\nRecruiter: <<person>> (<<email>>)', '\nApply Now'))
    return '\n'.join(out)


def media():
    if rng.random() < 0.5:
        eps = ['The Rise And Fall Of Blockbuster', 'Inside The Tesla Gigafactory',
               'How Ford Built The Model T', 'Why Disney Bought Marvel', 'The Nobel Prize Nobody '
               'Wanted', 'Chanel And The Little Black Dress', 'What Happened To Kodak']
        rows = ['Ep. %d – %s (%d min)' % (n(10, 200), pick(eps), n(20, 90)) for _ in range(n(2, 4))]
        return 'Episodes\n' + '\n'.join(rows) + la.maybe(0.2, '\nHosted by <<person>>')
    return ('%s (%d)\nGenre: %s\nDirected by <<person>>\nStarring <<person>>, <<person>>\n'
            'Runtime: %d min' % (pick(['The Last Lighthouse', 'Winter In Valparaíso',
                                       'Das Blaue Haus', 'La Ciudad Dormida']),
                                 n(1990, 2024), pick(['Drama', 'Thriller', 'Comedy']),
                                 n(80, 160)))


PRIZES = ['Nobel Prize In Physics', 'Pulitzer Prize For Fiction', 'Turing Award', 'Fields Medal',
          'Booker Prize', 'Goethe-Medaille', 'Prix Goncourt', 'Premio Cervantes',
          'Abel Prize', 'Wolf Prize In Agriculture', 'Sakharov Prize', 'Kyoto Prize']


def prizes():
    rows = []
    for _ in range(n(2, 4)):
        p = pick(PRIZES)
        rows.append('%d — %s — %s' % (n(1990, 2024), p, la.maybe(0.3, '<<person>>',
                                                                  'Not Awarded')))
    return 'Laureates\n' + '\n'.join(rows)


TIMETABLE = {
    'en': ('Monday', ['Maths', 'Physics', 'Geography', 'Art', 'History', 'Music']),
    'de': ('Montag', ['Mathe', 'Physik', 'Erdkunde', 'Kunst', 'Geschichte', 'Sport']),
    'fr': ('Lundi', ['Mathématiques', 'Physique', 'Histoire-Géo', 'Arts Plastiques', 'EPS']),
    'es': ('Lunes', ['Matemáticas', 'Lengua', 'Geografía', 'Plástica', 'Educación Física']),
    'it': ('Lunedì', ['Matematica', 'Italiano', 'Storia', 'Scienze', 'Educazione Fisica']),
    'nl': ('Maandag', ['Wiskunde', 'Aardrijkskunde', 'Geschiedenis', 'Biologie', 'Gym']),
    'pl': ('Poniedziałek', ['Matematyka', 'Fizyka', 'Geografia', 'Plastyka', 'Wychowanie Fizyczne']),
    'tr': ('Pazartesi', ['Matematik', 'Fizik', 'Coğrafya', 'Beden Eğitimi', 'Müzik']),
    'id': ('Senin', ['Matematika', 'Fisika', 'Geografi', 'Seni Budaya', 'Pendidikan Jasmani']),
}


def timetable():
    day, subj = TIMETABLE[pick(sorted(TIMETABLE))]
    rows = rng.sample(subj, min(len(subj), 4))
    teacher = la.maybe(0.15, ' | Tutor: <<person>>', '')
    return '| %s |\n|---|\n' % day + '\n'.join('| %s |' % r for r in rows) + teacher


HOTELS = ['Marriott Marquis', 'Hilton Garden Inn', 'The Ritz-Carlton', 'Holiday Inn Express',
          'Four Seasons', 'Radisson Blu', 'Sheraton Grand', 'Hotel Adlon Kempinski',
          'Mandarin Oriental', 'Wyndham Garden']


def hotel():
    guest = la.maybe(0.3, '<<person>>', 'Valued Guest')
    return ('Booking Confirmation — %s %s\nGuest: %s\nCheck-In: <<date>> From 15:00\n'
            'Check-Out: <<date>> Until 11:00\nRoom: Deluxe King, Non-Smoking\nRate: Flexible, '
            'Breakfast Included' % (pick(HOTELS), pick(la_places()), guest))


def la_places():
    return ['Lisbon', 'Santa Monica', 'Victoria Harbour', 'Port Louis', 'Sankt Gallen',
            'Charlotte', 'Georgetown']


ARTWORKS = ['Water Lilies', 'The Night Watch', 'Girl With A Pearl Earring', 'The Persistence Of '
            'Memory', 'Impression, Sunrise', 'The Garden Of Earthly Delights', 'Starry Night Over '
            'The Rhône', 'Portrait Of Adele Bloch-Bauer I']


def museum():
    artist = la.maybe(0.35, '<<person>>', 'Unknown Artist')
    return ('Gallery %d: %s\n%s\n%s, %d\nOil On Canvas\nGift Of The Rockefeller Foundation'
            % (n(1, 30), pick(['Impressionism', 'Dutch Golden Age', 'Surrealism', 'Renaissance']),
               pick(ARTWORKS), artist, n(1500, 1950)))


CARS = ['2019 Ford Focus Titanium', 'Mercedes-Benz E-Class Estate', 'Rolls-Royce Ghost',
        'Aston Martin DB11', 'Alfa Romeo Giulia Veloce', 'Citroën C3 Aircross',
        'Škoda Octavia Combi', 'Chevrolet Malibu LT', 'Lincoln Navigator Reserve',
        'Cadillac Escalade Sport', 'Porsche Macan GTS', 'Ferrari Roma', 'Lamborghini Urus']


def cars():
    rows = ['%s — %s km — <<price>> — %s' % (pick(CARS), n(5000, 180000),
                                              pick(['Automatic', 'Manual', 'Hybrid', 'Diesel']))
            for _ in range(n(2, 4))]
    return 'Used Cars In Stock\n' + '\n'.join(rows) + la.maybe(0.2, '\nSeller: <<person>>, '
                                                                   '<<phone>>')


SETTINGS = {
    'hy': 'Կարգավորումներ|Ծանուցումներ|Գաղտնիություն|Լեզու|Դուրս Գալ',
    'kk': 'Баптаулар|Хабарландырулар|Құпиялылық|Тіл|Шығу',
    'sr': 'Подешавања|Обавештења|Приватност|Језик|Одјава',
    'mk': 'Поставки|Известувања|Приватност|Јазик|Одјава',
    'id': 'Pengaturan|Notifikasi|Privasi|Bahasa|Keluar',
    'ro': 'Setări|Notificări|Confidențialitate|Limbă|Deconectare',
    'hu': 'Beállítások|Értesítések|Adatvédelem|Nyelv|Kijelentkezés',
    'cs': 'Nastavení|Oznámení|Soukromí|Jazyk|Odhlásit Se',
    'da': 'Indstillinger|Notifikationer|Privatliv|Sprog|Log Ud',
    'fi': 'Asetukset|Ilmoitukset|Yksityisyys|Kieli|Kirjaudu Ulos',
    'is': 'Stillingar|Tilkynningar|Persónuvernd|Tungumál|Skrá Út',
    'nl': 'Instellingen|Meldingen|Privacy|Taal|Uitloggen',
    'pt-br': 'Configurações|Notificações|Privacidade|Idioma|Sair Da Conta',
}


def settings():
    lang = pick(sorted(SETTINGS))
    items = SETTINGS[lang].split('|')
    form = pick(['list', 'json', 'tabs'])
    if form == 'list':
        return '\n'.join('- ' + x for x in items)
    if form == 'json':
        return '{"locale": "%s", "menu": [%s]}' % (lang, ', '.join('"%s"' % x for x in items))
    return '  '.join(items)


TEAMS_F = ['Golden State Warriors', 'Orlando Magic', 'San Antonio Spurs', 'Denver Nuggets',
           'Boston Celtics', 'Charlotte Hornets', 'Utah Jazz', 'Sacramento Kings',
           'Real Madrid Baloncesto', 'Fenerbahçe Beko', 'Olympiacos Piraeus', 'Maccabi Tel Aviv']


def results():
    if rng.random() < 0.5:
        rows = ['%d. %s (%s) %d:%02d:%02d' % (i, '<<person>>' if rng.random() < 0.3 else
                                               pick(['Bib %d' % n(100, 999), 'Runner %d'
                                                     % n(1, 99)]),
                                               pick(['KEN', 'ETH', 'JPN', 'NED', 'USA']),
                                               2, n(3, 15), n(0, 59)) for i in range(1, n(3, 5))]
        return 'Marathon Results — Elite Men\n' + '\n'.join(rows)
    teams = rng.sample(TEAMS_F, n(3, 5))
    return 'Team\tW\tL\tPct\n' + '\n'.join('%s\t%d\t%d\t.%03d' % (t, n(10, 60), n(10, 60),
                                                                    n(200, 800)) for t in teams)


KINDS_F = [([estate], 10), ([agenda], 10), ([job], 10), ([media], 8), ([prizes], 7),
           ([timetable], 8), ([hotel], 9), ([museum], 7), ([cars], 10), ([settings], 12),
           ([results], 9)]


def record_f():
    return la.weighted_record(KINDS_F, TYPED_F)
