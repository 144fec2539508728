#!/usr/bin/env python3
"""A second held-out PII set with the world's formats ("world2"), written
after bench/pii_gen_world.py's rules and without looking at the scanner: other
cultures (Brazilian, Mexican, Korean in romanisation and Hangul, Japanese,
Arabic romanised, Indian, Nigerian and Ghanaian, Turkish, Russian romanised,
Indonesian and Filipino names, none of them in the earlier generators), other
templates (vCards with N:/FN:/ADR:/BDAY:, e-mail signatures, shipping labels
in capitals, forms labelled in nine languages, chat transcripts and exported
chats, running prose with bare given names, Chinese text with names and no
cue), other address shapes (Brazilian, Mexican, Korean, Gulf, Australian,
Dutch, Indian from a flat or building name, British house names) and other
look-alikes (brand and product names that look like people, companies and
shops named after streets, place names, dates that are not birth dates, order
and booking numbers).

The typed values that need a check digit (cards, IBANs, Chinese ids, crypto
addresses) and the value shapes the issue names come from pii_gen_world.py,
which checks its check-digit code against published vectors first. Output is
the Presidio-style JSON that `bench/pii_eval.py --generated` scores.

  python3 bench/pii_gen_world2.py [--set world2] [--n 800] [--seed 401] > /tmp/w2.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w2.json

Stdlib only; the output depends on --set and --seed alone.
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n, fold = w.pick, w.digits, w.n, w.fold

# ---- names (written for this generator; none is in pii_gen_world.py) ---------
NAMES = {
    'br': (['Thiago', 'Larissa', 'Gabriela', 'Rafael', 'Beatriz', 'Leonardo', 'Mariana',
            'Vinícius', 'Letícia', 'Gustavo', 'Camila', 'Caio', 'João Pedro', 'Ana Clara'],
           ['Silva', 'Santos', 'Oliveira', 'Souza', 'Carvalho', 'Ferreira', 'Nascimento',
            'Araújo', 'Ribeiro', 'Barbosa', 'da Costa', 'dos Reis', 'Cavalcanti', 'Moura']),
    'mx': (['Itzel', 'Xóchitl', 'Emiliano', 'Yareli', 'Santiago', 'Valeria', 'Mateo',
            'Regina', 'Axel', 'Citlali', 'Ramiro', 'Marisol'],
           ['Hernández', 'Ramírez', 'Vázquez', 'Cruz', 'Flores', 'Reyes', 'Mendoza',
            'Gutiérrez', 'Aguilar', 'Jiménez', 'Castillo', 'Guzmán', 'Salazar']),
    'kr': (['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Jae-won', 'Soo-ah', 'Hyun-woo',
            'Ye-jin', 'Dong-hyun', 'Eun-ji', 'Jiwoo', 'Minseo', 'Taeyang', 'Yuna'],
           ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han',
            'Shin', 'Oh', 'Seo']),
    'jp': (['Kaito', 'Riko', 'Shun', 'Nanami', 'Yuto', 'Hana', 'Sora', 'Koharu', 'Itsuki',
            'Mei', 'Ryota', 'Akari'],
           ['Okada', 'Hasegawa', 'Morimoto', 'Kuroda', 'Sugiyama', 'Nishimura', 'Ogawa',
            'Fujita', 'Maeda', 'Sakamoto', 'Hayashi', 'Aoki']),
    'ar': (['Tariq', 'Layla', 'Zainab', 'Mustafa', 'Huda', 'Faisal', 'Youssef', 'Amal',
            'Karim', 'Salma', 'Ibrahim', 'Reem', 'Nabil', 'Dalia'],
           ['Al-Amin', 'Al-Shami', 'Barakat', 'Qasim', 'Saleh', 'Al-Mutairi', 'Abu-Zeid',
            'El-Masry', 'Hijazi', 'Al-Zahrani', 'Darwish', 'Al-Khatib']),
    'in': (['Siddharth', 'Aishwarya', 'Nikhil', 'Sneha', 'Pooja', 'Vikram', 'Shreya', 'Karthik',
            'Divya', 'Aditya', 'Ishaan', 'Tanvi', 'Manoj', 'Lavanya'],
           ['Iyer', 'Menon', 'Bhattacharya', 'Joshi', 'Malhotra', 'Sethi', 'Venkataraman', 'Rao',
            'Kapoor', 'Hegde', 'Patil', 'Dutta', 'Saxena', 'Ganguly']),
    'ng': (['Chinedu', 'Oluwaseun', 'Amara', 'Kwame', 'Abebe', 'Folake', 'Emeka', 'Adaeze',
            'Kofi', 'Nkechi', 'Tunde', 'Yaw'],
           ['Okafor', 'Adeyemi', 'Nwosu', 'Mensah', 'Bekele', 'Okonkwo', 'Balogun', 'Asante',
            'Eze', 'Oyelowo', 'Boateng', 'Tesfaye']),
    'tr': (['Emre', 'Zeynep', 'Mehmet', 'Elif', 'Burak', 'Ayşe', 'Kerem', 'Selin', 'Oğuz',
            'Deniz', 'Cem', 'Büşra'],
           ['Yılmaz', 'Kaya', 'Öztürk', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Arslan', 'Doğan',
            'Kılıç', 'Koç', 'Özdemir']),
    'ru': (['Dmitri', 'Anastasia', 'Sergei', 'Ekaterina', 'Alexei', 'Natalia', 'Mikhail', 'Olga',
            'Yuri', 'Svetlana'],
           ['Volkov', 'Sokolova', 'Ivanov', 'Petrova', 'Smirnov', 'Kuznetsova', 'Popov',
            'Lebedeva', 'Morozov', 'Novikova']),
    'id': (['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Maricel', 'Rodel', 'Jhoanna',
            'Jose Miguel'],
           ['Santoso', 'Wijaya', 'Hidayat', 'Kusuma', 'Saputra', 'Dela Cruz', 'Bautista',
            'Villanueva', 'Mercado', 'Pangilinan']),
}
CULTURES = sorted(NAMES)
HANGUL_SUR = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오']
HANGUL_GIV = ['민준', '서연', '지호', '하은', '재원', '수아', '현우', '예진', '동현', '은지', '지우',
              '태양']
HAN_SUR = ['邓', '冯', '曹', '彭', '曾', '萧', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶',
           '程', '魏', '苏', '吕', '丁', '沈', '姚', '卢', '崔', '钟', '谭', '陆', '范', '廖', '夏']
HAN_GIV = ['思远', '梓萱', '宇航', '嘉怡', '俊杰', '佳琪', '文博', '诗涵', '一诺', '明轩', '雅婷',
           '子墨', '欣然', '浩宇', '晨曦', '振国', '秀兰', '玉梅', '国强', '海燕']
KANJI_SUR = ['斎藤', '岡田', '長谷川', '森本', '黒田', '杉山', '西村', '小川', '藤田', '前田', '坂本',
             '青木']
KANJI_GIV = ['海斗', '莉子', '七海', '悠斗', '心春', '芽衣', '涼太', '明里', '大翔', '葵']


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def last(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1])


def person(loc='any'):
    """A full name as people of that culture write it in Latin script."""
    loc = pick(CULTURES) if loc == 'any' else loc
    f, l = first(loc), last(loc)
    if loc in ('br', 'mx') and rng.random() < 0.45:  # two surnames
        l2 = last(loc)
        return '%s %s %s' % (f, l, l2) if l2 != l else '%s %s' % (f, l)
    if loc == 'kr':
        return '%s %s' % ((l, f) if rng.random() < 0.5 else (f, l))
    if loc == 'jp' and rng.random() < 0.3:
        return '%s %s' % (l.upper(), f)  # passport style
    if loc == 'ar' and rng.random() < 0.25:
        return '%s %s %s' % (f, pick(['Abdul', 'bin', 'ibn']) if rng.random() < 0.5 else
                             first('ar'), l)
    if loc == 'ru' and rng.random() < 0.3:
        return '%s %sovich %s' % (f, pick(['Ivan', 'Petr', 'Sergei']), l)
    if loc == 'in' and rng.random() < 0.2:
        return '%s %s. %s' % (f, pick('KRSVMN'), l)
    return '%s %s' % (f, l)


def person_han():
    return pick(HAN_SUR) + pick(HAN_GIV)


def person_hangul():
    return pick(HANGUL_SUR) + pick(HANGUL_GIV)


def person_kanji():
    return pick(KANJI_SUR) + pick(['', ' ', '\u3000']) + pick(KANJI_GIV)


# ---- phones: E.164 for every country, national forms only for the issue's ---
def phone(cc='any'):
    cc = pick(['us', 'uk', 'de', 'fr', 'in', 'cn', 'br', 'mx', 'kr', 'jp', 'gulf', 'ng', 'tr',
               'au', 'nl']) if cc == 'any' else cc
    d = digits
    forms = {
        'us': ['(%s)%s-%s' % (n(201, 989), n(200, 999), d(4)),
               '%s %s %s' % (n(201, 989), n(200, 999), d(4)),
               '1-%s-%s-%s' % (n(201, 989), n(200, 999), d(4)),
               'tel:+1-%s-%s-%s' % (n(201, 989), n(200, 999), d(4))],
        'uk': ['0044 20 %s %s' % (d(4), d(4)), '+44 (0) 7%s %s' % (d(3), d(6)),
               '01632 %s' % d(6), '07%s-%s-%s' % (d(3), d(3), d(3))],
        'de': ['0049 30 %s' % d(8), '+49 (0) 40 / %s %s' % (d(3), d(4)),
               '0176-%s' % d(8), '089 / %s %s' % (d(3), d(4))],
        'fr': ['+33 6 %s %s %s %s' % (d(2), d(2), d(2), d(2)),
               '0033 1 %s %s %s %s' % (d(2), d(2), d(2), d(2)),
               '06%s%s%s%s' % (d(2), d(2), d(2), d(2))],
        'in': ['+91 (80) %s %s' % (d(4), d(4)), '0%s-%s' % (d(2), d(8)),
               '+91 7%s-%s' % (d(4), d(5)), '98%s%s' % (d(3), d(5))],
        'cn': ['(+86) 139 %s %s' % (d(4), d(4)), '0086 21 %s %s' % (d(4), d(4)),
               '+86 (0)20 %s %s' % (d(4), d(4)), '1%d%s-%s-%s' % (pick([5, 7, 8]), d(1), d(4),
                                                                   d(4))],
        'br': ['+55 11 9%s-%s' % (d(4), d(4)), '+55 (21) 9%s-%s' % (d(4), d(4)),
               '+55119%s' % d(8)],
        'mx': ['+52 55 %s %s' % (d(4), d(4)), '+52 1 33 %s %s' % (d(4), d(4))],
        'kr': ['+82 10-%s-%s' % (d(4), d(4)), '+82 2 %s %s' % (d(3), d(4))],
        'jp': ['+81 90-%s-%s' % (d(4), d(4)), '+81 3-%s-%s' % (d(4), d(4))],
        'gulf': ['+971 50 %s %s' % (d(3), d(4)), '+966 55 %s %s' % (d(3), d(4))],
        'ng': ['+234 803 %s %s' % (d(3), d(4)), '+233 24 %s %s' % (d(3), d(4))],
        'tr': ['+90 532 %s %s %s' % (d(3), d(2), d(2))],
        'au': ['+61 4%s %s %s' % (d(2), d(3), d(3)), '+61 2 %s %s' % (d(4), d(4))],
        'nl': ['+31 6 %s %s' % (d(4), d(4)), '+31 20 %s %s' % (d(3), d(4))],
    }[cc]
    return pick(forms)


# ---- addresses (street to postcode and city; the country line is not in it) ---
def addr_br(ml=False):
    a = '%s %s, %d' % (pick(['Rua', 'Av.', 'Avenida', 'Travessa', 'Alameda']),
                       pick(['das Laranjeiras', 'Paulista', 'Sete de Setembro', 'Augusta',
                             'Barão de Mauá', 'Getúlio Vargas', 'dos Andradas']), n(1, 2999))
    if rng.random() < 0.4:
        a += pick([', apto %d', ', sala %d', ' - bloco B, ap. %d']) % n(11, 1804)
    city = pick(['Bela Vista, São Paulo - SP', 'Laranjeiras, Rio de Janeiro - RJ',
                 'Centro, Curitiba - PR', 'Savassi, Belo Horizonte - MG', 'Boa Viagem, Recife - PE'])
    return a + ('\n' if ml else ' - ') + city + ', %05d-%03d' % (n(1000, 99999), n(0, 999))


def addr_mx(ml=False):
    a = pick(['Av. Insurgentes Sur %d' % n(1, 3999), 'Calle 5 de Mayo #%d' % n(1, 400),
              'Paseo de la Reforma %d' % n(1, 999), 'Calz. de Tlalpan %d' % n(1, 4999),
              'Av. Vallarta %d, Int. %d' % (n(1, 6000), n(1, 40))])
    col = pick(['Col. Roma Norte', 'Col. Del Valle', 'Centro', 'Col. Americana',
                'Col. Juárez'])
    city = pick(['Ciudad de México, CDMX', 'Guadalajara, Jal.', 'Oaxaca, Oax.',
                 'Monterrey, N.L.'])
    sep = '\n' if ml else ', '
    return a + sep + col + sep + '%05d %s' % (n(1000, 99999), city)


def addr_kr(ml=False):
    a = pick(['%d, Teheran-ro %d-gil' % (n(1, 99), n(1, 99)),
              '%d Sejong-daero' % n(1, 300), '%d-%d, Olympic-ro' % (n(1, 400), n(1, 30)),
              'Apt %d-%d, %d Banpo-daero' % (n(101, 120), n(101, 2505), n(1, 300))])
    city = pick(['Gangnam-gu, Seoul', 'Jung-gu, Seoul', 'Songpa-gu, Seoul',
                 'Haeundae-gu, Busan', 'Seocho-gu, Seoul'])
    return a + ('\n' if ml else ', ') + city + ' %05d' % n(1000, 63999)


def addr_kr_hangul():
    return '%s %s %d' % (pick(['서울특별시 강남구', '서울특별시 마포구', '부산광역시 해운대구',
                               '경기도 성남시 분당구']),
                         pick(['테헤란로', '월드컵북로', '해운대해변로', '판교역로']), n(1, 400)) + \
        pick(['', ', %d동 %d호' % (n(101, 120), n(101, 2505))])


def addr_jp(ml=False):
    a = pick(['%s Bldg %dF, ' % (pick(['Sumitomo', 'Mori', 'Shiodome']), n(2, 40)), '',
              'Room %d, ' % n(101, 1205)])
    a += '%d-%d-%d %s' % (n(1, 9), n(1, 30), n(1, 20), pick(['Nishi-Shinjuku, Shinjuku-ku',
                                                              'Roppongi, Minato-ku',
                                                              'Sakae, Naka-ku']))
    city = pick(['Tokyo %03d-%04d', 'Nagoya, Aichi %03d-%04d'])
    return a + ('\n' if ml else ', ') + city % (n(100, 999), n(0, 9999))


def addr_gulf(ml=False):
    a = pick(['Villa %d, Street %d, Al Barsha %d' % (n(1, 90), n(1, 40), n(1, 3)),
              'Building %d, King Fahd Road, Al Olaya' % n(1, 90),
              'Flat %d, Al Noor Tower, Sheikh Zayed Road' % n(101, 2405),
              'Office %d, %d Corniche Street, Al Khalidiya' % (n(1, 40), n(1, 300))])
    city = pick(['Dubai', 'Riyadh %05d' % n(11000, 14999), 'Abu Dhabi', 'Jeddah %05d' %
                 n(21000, 23999)])
    return a + ('\n' if ml else ', ') + city


def addr_in(ml=False):
    a = pick(['Flat %d%s, %s Apartments, %d %s' % (n(1, 20), pick('ABCD'),
                                                  pick(['Sunshine', 'Prestige', 'Green Park',
                                                        'Sai Krupa']),
                                                  n(1, 120), pick(['MG Road', 'Brigade Road',
                                                                   'Linking Road'])),
              'Plot No. %d, Jubilee Hills, Road No. %d' % (n(1, 999), n(1, 92)),
              '%s-%d, %s, %s' % (pick('ABCDE'), n(101, 904), pick(['Shanti Kunj', 'Om Residency',
                                                                   'Ganga Vihar']),
                                 pick(['Linking Road', 'Station Road', 'Ring Road'])),
              '%d/%d, %s Street, %s' % (n(1, 99), n(1, 20), pick(['Second', 'Car', 'Pillaiyar Koil']),
                                        pick(['T. Nagar', 'Mylapore', 'Koramangala']))])
    city = pick(['Bengaluru 5600%02d' % n(1, 99), 'Hyderabad, Telangana 5000%02d' % n(1, 99),
                 'Bandra West, Mumbai 4000%02d' % n(1, 99), 'Chennai 6000%02d' % n(1, 99),
                 'Kolkata, West Bengal 7000%02d' % n(1, 99)])
    return a + ('\n' if ml else ', ') + city


def addr_au(ml=False):
    a = pick(['Unit %d/%d %s' % (n(1, 30), n(1, 300), pick(['Bondi Road', 'Chapel Street',
                                                            'Glenferrie Rd'])),
              '%d %s' % (n(1, 999), pick(['Wattle Grove', 'Banksia Crescent', 'Kookaburra Way',
                                          'Beach Parade']))])
    city = pick(['Bondi NSW 2026', 'South Yarra VIC 3141', 'Fremantle WA 6160',
                 'Toowong QLD 4066'])
    return a + ('\n' if ml else ', ') + city


def addr_nl(ml=False):
    a = '%s %d%s' % (pick(['Keizersgracht', 'Prinsengracht', 'Oudegracht', 'Laan van Meerdervoort',
                           'Coolsingel', 'Vondelstraat']), n(1, 700),
                     pick(['', '', '-II', 'A', ' hs', '-3']))
    pc = '%d %s' % (n(1000, 9999), ''.join(pick('ABCDEGHJKLNPRSTVWXZ') for _ in range(2)))
    return a + ('\n' if ml else ', ') + pc + ' ' + pick(['Amsterdam', 'Utrecht', 'Den Haag',
                                                        'Rotterdam'])


def addr_uk(ml=False):
    pc = '%s%d %d%s' % (pick(['NR', 'YO', 'TR', 'LL', 'BA', 'GL']), n(1, 30), n(0, 9),
                        ''.join(pick('ABDEFGHJLNPQRSTUWXYZ') for _ in range(2)))
    a = pick(['%s, %s' % (pick(['The Old Rectory', 'Rose Cottage', 'Ivy House', 'Mill Farm']),
                          pick(['Church Lane', 'Back Street', 'The Green', 'Station Road'])),
              '%d%s %s' % (n(1, 300), pick(['', 'a']), pick(['Bootham Row', 'Pulteney Road',
                                                             'Fore Street', 'Windmill Hill']))])
    town = pick(['Little Snoring, Fakenham', 'York', 'St Ives', 'Llandudno', 'Bath',
                 'Stroud'])
    sep = '\n' if ml else ', '
    return a + sep + town + sep + pc


def addr_us(ml=False):
    a = '%d %s %s' % (n(100, 24999), pick(['Magnolia', 'Cottonwood', 'Juniper Hills',
                                          'Old Post', 'Saguaro', 'Riverbend']),
                      pick(['Blvd', 'Circle', 'Terrace', 'Hwy', 'Run', 'Crossing', 'Row']))
    if rng.random() < 0.3:
        a += pick([' Unit %d', ', Bldg %d', ', Ste %d', ' Apt #%d']) % n(1, 400)
    city = pick(['Burbank, CA', 'Tempe, AZ', 'Savannah, GA', 'Duluth, MN', 'Provo, UT',
                 'Lexington, KY'])
    return a + ('\n' if ml else ', ') + '%s %05d' % (city, n(1001, 99950)) + \
        pick(['', '', '-%04d' % n(0, 9999)])


ADDR = {'br': addr_br, 'mx': addr_mx, 'kr': addr_kr, 'jp': addr_jp, 'gulf': addr_gulf,
        'in': addr_in, 'au': addr_au, 'nl': addr_nl, 'uk': addr_uk, 'us': addr_us}


def address(cc='any', ml=False):
    if cc == 'hangul':
        return addr_kr_hangul()
    return ADDR[pick(sorted(ADDR)) if cc == 'any' else cc](ml)


# ---- dates, passports --------------------------------------------------------
def date(fmt='any', years=(1945, 2007)):
    y, m, d = n(*years), n(1, 12), n(1, 28)
    fmt = pick(['dmy', 'iso', 'kr', 'compact', 'en', 'mdy']) if fmt == 'any' else fmt
    return {
        'dmy': '%02d/%02d/%04d' % (d, m, y), 'mdy': '%d/%d/%04d' % (m, d, y),
        'iso': '%04d-%02d-%02d' % (y, m, d), 'kr': '%04d.%02d.%02d' % (y, m, d),
        'hangul': '%d년 %d월 %d일' % (y, m, d), 'compact': '%04d%02d%02d' % (y, m, d),
        'en': '%s %d, %d' % (w.MONTHS_EN[m - 1][:3], d, y),
        'pt': '%d de %s de %d' % (d, pick(['janeiro', 'março', 'maio', 'agosto', 'outubro',
                                          'dezembro']), y),
        'tr': '%02d.%02d.%04d' % (d, m, y), 'zh': '%d年%d月%d日' % (y, m, d),
    }[fmt]


def passport(cc='any'):
    cc = pick(['br', 'mx', 'kr', 'tr', 'in', 'ng']) if cc == 'any' else cc
    letters = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    return {'br': lambda: pick(['FT', 'GA', 'YC']) + digits(6),
            'mx': lambda: pick('GNP') + digits(8), 'kr': lambda: pick('MS') + digits(8),
            'tr': lambda: pick('UZ') + digits(8), 'in': lambda: pick(letters) + digits(7),
            'ng': lambda: 'A' + digits(8)}[cc]()


# ---- look-alikes ---------------------------------------------------------------
LOOK = dict(w.LOOK)
LOOK.update({
    'brand': lambda: pick(['Mr. Clean', 'Dr Pepper', "Uncle Ben's", 'Captain Crunch',
                           'Little Debbie', "Jack Daniel's", 'Mrs. Baird', "Ben & Jerry's",
                           'Tim Hortons', 'Marks & Spencer', 'Rosetta Stone', 'Victoria Secret',
                           'Mr. Muscle', 'Mister Donut']),
    'streetco': lambda: pick(['Apple Street Market', 'Baker Street Pharmacy', 'Main Street Bank',
                              'Fifth Avenue Deli', 'Wall Street Journal', 'Elm Street Dental',
                              'Oxford Street Books', 'Market Street Bistro', 'Rua Augusta Café',
                              'Sunset Boulevard Motors']),
    'place': lambda: pick(['Victoria Station', 'San José', 'Santa Clara', 'Lake Louise',
                           'St. Petersburg', 'Port Elizabeth', 'Alexandria', 'Mount Kenya',
                           'Florianópolis', 'Incheon', 'Gangnam', 'Jumeirah', 'Koramangala',
                           'Belo Horizonte', 'Guadalajara', 'Sapporo']),
    'product': lambda: pick(['Jordan 1 Retro High', 'Ford Mustang', 'Galaxy S24 Ultra',
                             'Tesla Model Y', 'Hyundai Ioniq 5', 'Kindle Paperwhite',
                             'Louis Vuitton Neverfull', 'Tata Nexon EV', 'Toyota Corolla Cross',
                             'Samsung Bespoke']),
    'company2': lambda: pick(['Banco do Brasil', 'Grupo Bimbo', 'Samsung Electronics',
                              'Hyundai Motor', 'Tata Motors', 'Emirates Airline',
                              'Turkish Airlines', 'Dangote Cement', 'Petrobras', 'Cemex',
                              'Infosys', 'Aramco', 'Naver', 'Tokopedia']),
    'booking': lambda: pick(['PNR %s' % ''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZ23456789')
                                                for _ in range(6)),
                             'booking #%d' % n(10000000, 99999999),
                             'AWB %d-%d' % (n(100, 999), n(10000000, 99999999)),
                             'NF-e %s' % digits(44)[:20], 'CFDI %s' % w.LOOK['uuid']()]),
    'odate': lambda: date(pick(['dmy', 'iso', 'en', 'kr']), (2015, 2026)),
    'cep': lambda: '%05d-%03d' % (n(1000, 99999), n(0, 999)),
    'time': lambda: '%02d:%02d' % (n(0, 23), n(0, 59)),
    'won': lambda: '₩%d,%03d' % (n(1, 999), n(0, 999)),
    'reais': lambda: 'R$ %d,%02d' % (n(1, 9999), n(0, 99)),
})

TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person), 'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last), 'han': ('person', 'PERSON', lambda _=None: person_han()),
    'hangul': ('person', 'PERSON', lambda _=None: person_hangul()),
    'kanji': ('person', 'PERSON', lambda _=None: person_kanji()),
    'phone': ('phone', 'PHONE_NUMBER', phone),
    'dob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': date(fmt)),
    'passport': ('passport', 'PASSPORT', passport),
    'address': ('street_address', 'STREET_ADDRESS', lambda cc='any': address(cc)),
    'envelope': ('street_address', 'STREET_ADDRESS', lambda cc='any': address(cc, True)),
    'email': ('email', 'EMAIL_ADDRESS', lambda _=None: email()),
})


def email():
    f = re.sub(r'[^a-z]', '', fold(first()).lower())
    l = re.sub(r'[^a-z]', '', fold(last()).lower())
    local = pick(['%s.%s' % (f, l), '%s%s' % (f[0], l), '%s_%s%s' % (l, f, digits(2)),
                  '%s-%s' % (f, l)]) or 'contato'
    return '%s@%s' % (local, pick(['uol.com.br', 'prodigy.net.mx', 'naver.com', 'docomo.ne.jp',
                                   'etisalat.ae', 'yahoo.co.in', 'hotmail.com.tr', 'mail.ru',
                                   'yandex.com', 'gmail.com', 'proton.me', 'globe.com.ph',
                                   'korea.kr', 'northwind-traders.com']))


# ---- templates (world2) --------------------------------------------------------
# <<x.loc>> takes the record's culture (names) or country (formats).
VCARD = [
    "BEGIN:VCARD\nVERSION:3.0\nN:<<last.loc>>;<<first.loc>>;;;\nFN:<<person.loc>>\n"
    "ORG:<<company2>>\nTEL;TYPE=work,voice:<<phone.loc>>\nEMAIL;TYPE=INTERNET:<<email>>\n"
    "END:VCARD",
    "BEGIN:VCARD\nVERSION:4.0\nFN:<<person.loc>>\nADR;TYPE=home:;;<<vcadr.loc>>\n"
    "BDAY:<<dob.compact>>\nEND:VCARD",
    "BEGIN:VCARD\nFN;CHARSET=UTF-8:<<person.loc>>\nTEL;CELL:<<phone.loc>>\n"
    "NOTE:met at <<place>> conference\nEND:VCARD",
]
SIGNATURE = [
    "Thanks for the quick turnaround!\n\n--\n<<person.loc>> | Head of Procurement\n"
    "<<company2>>\nM: <<phone.loc>>\n<<email>>",
    "Obrigado,\n\n<<person.br>>\nGerente de Contas | <<company2>>\nCel.: <<phone.br>>\n"
    "<<address.br>>",
    "Best regards / Saludos,\n<<person.mx>>\nDirector Comercial\nTel. <<phone.mx>> | "
    "<<email>>\n<<address.mx>>",
    "Regards,\n<<person.in>>\nSr. Analyst, <<company2>>\nMob: <<phone.in>>\n"
    "Sent from my iPhone",
    "Warm regards,\n\n<<first.loc>>\n\nThis e-mail and any attachments are confidential.",
    "감사합니다.\n<<hangul>> 드림\n<<company2>> | <<phone.kr>>",
]
LABEL = [
    "SHIP TO:\n<<person.upper>>\n<<envupper.loc>>\nPHONE: <<phone.loc>>\nORDER <<order>>",
    "FROM: <<company2>> Warehouse 3\nTO: <<person.loc>>\n<<envelope.loc>>\n"
    "WEIGHT 2.4 KG  <<booking>>",
    "DELIVER TO <<person.upper>> · <<address.loc>> · TEL <<phone.loc>>",
    "Return address: <<address.loc>>\nAttn: <<person.loc>>\nRMA <<case>>",
]
FORMS = [
    "Name: <<person.loc>>\nDate of Birth: <<dob.dmy>>\nPassport #: <<passport.any>>\n"
    "Nationality: <<nationality>>",
    "Nome: <<person.br>>\nData de nascimento: <<dob.dmy>>\nEndereço: <<address.br>>\n"
    "Telefone: <<phone.br>>",
    "Nombre: <<person.mx>>\nFecha de nac.: <<dob.dmy>>\nDomicilio: <<address.mx>>\n"
    "Pasaporte: <<passport.mx>>",
    "Nom : <<last.loc>>\nPrénom : <<first.loc>>\nCourriel : <<email>>\nTél. : <<phone.fr>>",
    "姓名：<<han>>\n性别：男\n联系电话：<<phone.cn>>\n身份证：<<cnid>>",
    "이름: <<hangul>>\n생년월일: <<dob.kr>>\n주소: <<address.hangul>>\n연락처: <<phone.kr>>",
    "Naam: <<person.loc>>\nAdres: <<address.nl>>\nGeboortedatum: <<dob.dmy>>",
    "Adı Soyadı: <<person.tr>>\nDoğum tarihi: <<dob.tr>>\nPasaport No: <<passport.tr>>\n"
    "Cep: <<phone.tr>>",
    "Guest registration | Room 1207 | Guest: <<person.loc>> | Check-in <<odate>> | "
    "Card on file <<card>>",
    "Beneficiary name: <<person.loc>>\nBeneficiary IBAN: <<iban.loc>>\nPurpose: salary "
    "<<odate>>",
]
CHATLOG = [
    "[<<time>>] <<person.loc>>: hey, did the package arrive?\n[<<time>>] <<person.loc>>: not "
    "yet, tracking says <<tracking>>",
    "<<odate>>, <<time>> - <<person.loc>>: manda o pix pro <<email>>\n<<odate>>, <<time>> - "
    "<<person.loc>>: ok, feito",
    "Agent (<<first.loc>>): Thank you for contacting support. Can you confirm the phone on the "
    "account?\nCustomer: sure, <<phone.loc>>",
    "<<<first.lower>>> anyone know why <<ip4>> is unreachable?\n<<<first.lower>>> try the "
    "bastion, port <<port>>",
    "Transcript\nCaller: hi this is <<person.loc>>, my card <<card>> was charged twice\n"
    "Rep: I see it, refund reference <<case>>",
    "<<first.loc>>: lunch at <<streetco>>?\n<<first.loc>>: sure, 12:30",
    "Bot: What is your date of birth?\nUser: <<dob.en>>\nBot: And your postcode?\nUser: <<cep>>",
]
PROSE = [
    "Yesterday <<first.loc>> and <<first.loc>> flew to <<place>> for the launch of the "
    "<<product>>.",
    "Ask <<first.loc>> whether the invoice <<invoice>> has been paid.",
    "<<person.loc>>, who grew up near <<place>>, now leads the data team at <<company2>>.",
    "The panel will be chaired by <<person.loc>>; <<first.loc>> takes notes.",
    "I think <<first.loc>> already booked the hotel near <<place>> (<<booking>>).",
    "Please add <<person.loc>> to the on-call rota from <<odate>>; her pager is <<phone.loc>>.",
    "Congratulations to <<person.loc>>, our employee of the month!",
    "<<first.loc>> said the <<product>> is back in stock at <<streetco>>.",
    "We met <<person.loc>> at the <<place>> airport lounge.",
    "The new tenant, <<person.loc>>, moves into <<address.loc>> on <<odate>>.",
]
NATIVE = {
    'pt': ["Oi, meu nome é <<person.br>> e moro na <<address.br>>. Meu celular é <<phone.br>>.",
           "Prezada <<person.br>>,\nseu pedido <<order>> no valor de <<reais>> foi enviado.\n"
           "Atenciosamente,\n<<person.br>>",
           "O paciente <<person.br>>, nascido em <<dob.pt>>, CPF pendente, passaporte "
           "<<passport.br>>.",
           "Chave Pix: <<email>> — favorecido <<person.br>>"],
    'esmx': ["¿Me ayudas? Soy <<person.mx>>, vivo en <<address.mx>> y mi cel es <<phone.mx>>.",
             "Estimada <<first.mx>>, su factura <<invoice>> vence el <<odate>>.",
             "El señor <<last.mx>> nació el <<dob.dmy>> en <<place>>."],
    'ko': ["안녕하세요, 저는 <<hangul>>입니다. 전화번호는 <<phone.kr>>입니다.",
           "<<hangul>> 님, 주문하신 상품(<<order>>)이 <<address.hangul>>(으)로 발송되었습니다.",
           "담당자: <<hangul>> (<<email>>)",
           "여권번호 <<passport.kr>>, 생년월일 <<dob.hangul>>"],
    'ja': ["はじめまして、<<kanji>>です。連絡先は<<phone.jp>>です。",
           "<<kanji>>様、<<odate>>のご予約を承りました。",
           "送付先：<<address.jp>>　<<kanji>>　宛"],
    'zh': ["今天下午<<han>>和<<han>>去客户那里开会了。",
           "上周<<han>>把报告发给了我，电话是<<phone.cn>>。",
           "这个项目由<<han>>负责，有问题请找他。",
           "会议纪要：<<han>>、<<han>>、<<han>>出席，<<odate>>再议。",
           "请转告<<han>>，身份证号<<cnid>>的材料已经收到。"],
    'tr': ["Merhaba, ben <<person.tr>>. Telefonum <<phone.tr>>, adresim <<address.any>>.",
           "Sayın <<person.tr>>, siparişiniz <<order>> kargoya verildi."],
    'hinglish': ["mera naam <<person.in>> hai, mera number <<phone.in>> hai",
                 "Bhai <<first.in>> ko bolo ki <<address.in>> pe parcel aa gaya"],
    'idph': ["Halo, nama saya <<person.id>>, nomor HP saya <<phone.any>>.",
             "Salamat po, <<person.id>>! Paki-send ang resibo sa <<email>>."],
    'gulf': ["Dear Mr. <<last.ar>>, your visa application <<case>> (passport "
             "<<passport.any>>) is approved.",
             "Salam <<first.ar>>, the villa at <<address.gulf>> is ready; call me on "
             "<<phone.gulf>>.",
             "Sheikh <<person.ar>> will receive the delegation on <<odate>>."],
    'ng': ["Good morning sir, I am <<person.ng>>, kindly call me on <<phone.ng>>.",
           "Pay to <<person.ng>>, account <<iban>>, narration: school fees."],
    'ru': ["Hello, this is <<person.ru>> from the Moscow office; my mobile is <<phone.any>>.",
           "Passport holder: <<person.ru>>, born <<dob.dmy>>."],
}
LOOKALIKE = [
    "Grab a bottle of <<brand>> and some sponges from <<streetco>>.",
    "<<streetco>> opens a second branch in <<place>> on <<odate>>.",
    "The <<product>> ships from <<place>>; order <<order>>, <<booking>>.",
    "<<company2>> reported record revenue; shares rose 4 % on <<odate>>.",
    "Date of issue: <<odate>>  Expiry: <<odate>>  Place of issue: <<place>>",
    "Our store was born on <<odate>> — ten years of <<brand>> deals!",
    "Flight <<booking>> departs <<place>> at <<time>> on <<odate>>.",
    "Invoice <<invoice>> from <<streetco>>: <<reais>>, due <<odate>>.",
    "Tickets for <<place>> → <<place>>: <<won>> per person, <<booking>>.",
    "<<brand>> is back: buy two, get one free until <<odate>>.",
    "Joined the company on <<odate>>; anniversary lunch at <<streetco>>.",
    "Firmware <<version>> for the <<product>> fixes the Bluetooth bug (build <<gitsha>>).",
    "CEP <<cep>> não encontrado; verifique o pedido <<order>>.",
    "배송번호 <<tracking>>, 결제금액 <<won>>, 주문일 <<odate>>",
    "订单<<order>>已于<<odate>>发货，金额<<money_cn>>。",
    "Meet at <<place>> metro exit 3 at <<time>>; bring the <<product>> brochure.",
    "Price list: <<brand>> <<price>>, <<product>> <<price>>, delivery <<qty>> days.",
    "SKU <<sku>> — <<product>>, EAN <<ean>>, batch <<qty>>/<<qty>>.",
]

GROUPS = [('vcard', VCARD, 2), ('signature', SIGNATURE, 2), ('label', LABEL, 2),
          ('form', FORMS, 3), ('chat', CHATLOG, 2), ('prose', PROSE, 3), ('native', None, 5),
          ('lookalike', LOOKALIKE, 4)]

# culture of names -> country of formats
COUNTRY = {'br': 'br', 'mx': 'mx', 'kr': 'kr', 'jp': 'jp', 'ar': 'gulf', 'in': 'in', 'ng': 'ng',
           'tr': 'tr', 'ru': 'any', 'id': 'any'}
ADDR_OF = {'br': 'br', 'mx': 'mx', 'kr': 'kr', 'jp': 'jp', 'gulf': 'gulf', 'in': 'in'}
IBAN_OF = {'br': 'BR', 'tr': 'TR', 'gulf': 'SA'}
NATIONALITY = {'br': 'Brazilian', 'mx': 'Mexican', 'kr': 'Korean', 'jp': 'Japanese',
               'ar': 'Emirati', 'in': 'Indian', 'ng': 'Nigerian', 'tr': 'Turkish',
               'ru': 'Russian', 'id': 'Indonesian'}


def vcard_adr(cc):
    """ADR's fields: street;city;region;postcode (box and extended left empty)."""
    if cc == 'br':
        return 'Rua %s, %d;%s;%s;%05d-%03d' % (pick(['Augusta', 'da Consolação']), n(1, 2999),
                                              'São Paulo', 'SP', n(1000, 99999), n(0, 999))
    if cc == 'mx':
        return 'Av. Insurgentes Sur %d;Ciudad de México;CDMX;%05d' % (n(1, 3999),
                                                                      n(1000, 99999))
    if cc == 'in':
        return 'Flat %d, %s;Bengaluru;KA;5600%02d' % (n(101, 1204), pick([
            'Prestige Lakeside, Varthur Road', 'Sobha Dewflower, 27th Main']), n(1, 99))
    return '%d %s;%s;%s;%05d' % (n(1, 9999), pick(['Juniper Hills Blvd', 'Saguaro Row',
                                                   'Old Post Circle']),
                                 pick(['Tempe', 'Provo', 'Duluth']), pick(['AZ', 'UT', 'MN']),
                                 n(1001, 99950))


def localise(template):
    culture = pick(CULTURES)
    country = COUNTRY[culture]
    if rng.random() < 0.3:  # people live abroad
        country = pick(['us', 'uk', 'au', 'nl', 'br', 'mx', 'in', 'gulf', 'kr', 'jp'])

    def sub(m):
        slot = m.group(1)
        if slot in ('person', 'first', 'last'):
            return '<<%s.%s>>' % (slot, culture)
        if slot == 'phone':
            return '<<phone.%s>>' % (country if country != 'any' else 'any')
        if slot in ('address', 'envelope', 'envupper'):
            return '<<%s.%s>>' % (slot, ADDR_OF.get(country, country if country in ADDR else
                                                     'any'))
        if slot == 'vcadr':
            return '<<vcadr.%s>>' % country
        if slot == 'iban':
            cc = IBAN_OF.get(country)
            return '<<iban.%s>>' % cc.lower() if cc else '<<iban>>'
        return m.group(0)
    t = re.sub(r'<<(\w+)\.loc>>', sub, template)
    return t.replace('<<nationality>>', NATIONALITY[culture])


TYPED['envupper'] = ('street_address', 'STREET_ADDRESS',
                     lambda cc='any': address(cc, True).upper())
TYPED['vcadr'] = ('street_address', 'STREET_ADDRESS', lambda cc='any': vcard_adr(cc))
TYPED['iban'] = ('iban', 'IBAN_CODE', lambda cc=None: w.iban(cc and cc.upper()))


# ---- world3: written after this round's rules, before they were scored on it ---
# Other cultures again (Greek, Hungarian, Thai, Kenyan, Persian, Hebrew and
# Ukrainian romanised, Scottish Gaelic), other templates (calendar invites,
# HL7 and FHIR records, clinical notes, URL query strings, Slack exports,
# court listings, social posts, TSV sheets) and look-alikes named after people
# (companies, awards, storms, ships, laws, buildings).
NAMES3 = {
    'gr': (['Eleni', 'Konstantinos', 'Dimitra', 'Spyros', 'Katerina', 'Thanos', 'Despina'],
           ['Papadakis', 'Georgiou', 'Karamanlis', 'Vlachou', 'Antonopoulos', 'Mavridis']),
    'hu': (['Zsófia', 'Bence', 'Réka', 'Levente', 'Eszter', 'Gergely', 'Dorottya'],
           ['Nagy', 'Kovács', 'Szabó', 'Tóth', 'Horváth', 'Varga', 'Farkas']),
    'th': (['Somchai', 'Kanya', 'Nattapong', 'Siriporn', 'Anan', 'Pimchanok'],
           ['Srisuk', 'Chaiyaporn', 'Wongsawat', 'Rattanakul', 'Boonmee', 'Thongchai']),
    'ke': (['Wanjiru', 'Otieno', 'Achieng', 'Kipchoge', 'Njeri', 'Mwangi'],
           ['Kamau', 'Odhiambo', 'Wafula', 'Chebet', 'Mutua', 'Kiplagat']),
    'fa': (['Arash', 'Shirin', 'Dariush', 'Nasrin', 'Kaveh', 'Parisa', 'Behnam'],
           ['Hosseini', 'Rahimi', 'Karimi', 'Moradi', 'Jafari', 'Tehrani']),
    'he': (['Noa', 'Yosef', 'Tamar', 'Eitan', 'Shira', 'Avi'],
           ['Levi', 'Mizrahi', 'Peretz', 'Biton', 'Friedman', 'Azoulay']),
    'uk': (['Oksana', 'Taras', 'Iryna', 'Bohdan', 'Yulia', 'Mykola'],
           ['Shevchenko', 'Bondarenko', 'Kovalenko', 'Tkachenko', 'Melnyk', 'Kravchuk']),
    'gd': (['Eilidh', 'Ruaridh', 'Catriona', 'Iain', 'Morag', 'Calum'],
           ['MacLeod', 'Mackenzie', 'MacDonald', 'Campbell', 'Fraser', 'Macintyre']),
}


def person3(loc='any'):
    loc = pick(sorted(NAMES3)) if loc == 'any' else loc
    f, l = pick(NAMES3[loc][0]), pick(NAMES3[loc][1])
    return '%s %s' % ((l, f) if loc == 'hu' and rng.random() < 0.6 else (f, l))


def first3(loc='any'):
    return pick(NAMES3[pick(sorted(NAMES3)) if loc == 'any' else loc][0])


def addr3(ml=False):
    sep = '\n' if ml else ', '
    return pick([
        'Odos Ermou %d%s%05d Athina' % (n(1, 200), sep, n(10431, 11799)),
        'Vasilissis Sofias %d%s%03d %02d Athens' % (n(1, 150), sep, n(100, 199), n(0, 99)),
        '%04d Budapest, Andrássy út %d.' % (n(1011, 1239), n(1, 140)),
        'Budapest, Váci utca %d%s%04d' % (n(1, 90), sep, n(1011, 1239)),
        '%d/%d Sukhumvit Soi %d%sKhlong Toei, Bangkok %05d' % (n(1, 400), n(1, 90), n(1, 71),
                                                               sep, n(10100, 10110)),
        'House %d, Ngong Road%sNairobi %05d' % (n(1, 300), sep, n(100, 909)),
        'P.O. Box %d-%05d%sNairobi' % (n(1, 99999), n(100, 909), sep),
        'Rehov Dizengoff %d%sTel Aviv %07d' % (n(1, 300), sep, n(6100000, 6999999)),
        'vul. Khreshchatyk %d, kv. %d%sKyiv %05d' % (n(1, 50), n(1, 200), sep, n(1001, 6999)),
        '%d Tobermory Road%sPortree, Isle of Skye IV51 %d%s' % (
            n(1, 90), sep, n(1, 9), pick(['EG', 'HX', 'QA'])),
        '%d Kingsway West%sToronto, ON M8X %d%s%d' % (n(1, 999), sep, n(1, 9), pick('ABCEGH'),
                                                    n(1, 9)),
    ])


def phone3():
    d = digits
    return pick(['+30 210 %s %s' % (d(3), d(4)), '+36 1 %s %s' % (d(3), d(4)),
                 '+66 2 %s %s' % (d(3), d(4)), '+254 722 %s %s' % (d(3), d(3)),
                 '+972 3-%s-%s' % (d(3), d(4)), '+380 44 %s %s %s' % (d(3), d(2), d(2)),
                 '(212) %s-%s' % (n(200, 999), d(4)), '+44 131 %s %s' % (d(3), d(4)),
                 '+86 135 %s %s' % (d(4), d(4)), '+91 %s %s' % (d(5), d(5))])


TYPED3 = dict(TYPED)
TYPED3.update({
    'person': ('person', 'PERSON', person3), 'first': ('person', 'PERSON', first3),
    'address': ('street_address', 'STREET_ADDRESS', lambda _=None: addr3()),
    'envelope': ('street_address', 'STREET_ADDRESS', lambda _=None: addr3(True)),
    'phone': ('phone', 'PHONE_NUMBER', lambda _=None: phone3()),
})
LOOK3 = dict(LOOK)
LOOK3.update({
    'eponym': lambda: pick(['Johnson & Johnson', 'Morgan Stanley', 'the Nobel Prize',
                            'Hurricane Katrina', 'the Queen Mary 2', 'Dr. Martens', 'Ford Focus',
                            'the Sarbanes-Oxley Act', 'Carnegie Hall', 'Lincoln Center',
                            'Marie Curie Hospice', 'Alzheimer disease', 'Parkinson clinic',
                            'the Gates Foundation', 'Ben Franklin Bridge']),
})
W3 = [
    "BEGIN:VEVENT\nSUMMARY:Quarterly review\nORGANIZER;CN=<<person>>:mailto:<<email>>\n"
    "ATTENDEE;CN=<<person>>:mailto:<<email>>\nDTSTART:<<odate>>\nEND:VEVENT",
    "MSH|^~\\&|LAB|CLINIC|||202401011200||ADT^A01|<<qty>>|P|2.5\nPID|1||<<qty>>||<<person>>||"
    "<<dob.compact>>|F|||<<address>>||<<phone>>",
    '{"resourceType": "Patient", "name": [{"text": "<<person>>"}], "birthDate": "<<dob.iso>>", '
    '"telecom": [{"value": "<<phone>>"}]}',
    "Clinical note: pt <<person>>, DOB <<dob.mdy>>, presented with chest pain; referred by "
    "Dr. <<person>>. Contact <<phone>>.",
    "GET /signup?name=<<first>>&email=<<email>>&dob=<<dob.iso>> HTTP/1.1",
    '{"type": "message", "user_name": "<<first.lower>>", "text": "ping <<first>> about the '
    '<<eponym>> deck", "ts": "<<epoch>>"}',
    "Case 2024-CV-<<qty>>: <<person>> v. <<company2>>; hearing on <<odate>> before Judge "
    "<<person>>.",
    "Just landed in <<place>>! Huge thanks to <<person>> for the ride 🙏 #travel",
    "name\tcity\tphone\n<<person>>\t<<place>>\t<<phone>>",
    "Emergency contact: <<person>> (sister), <<phone>>, lives at <<address>>.",
    "Re: lease — tenant <<person>> moved out of <<address>>; deposit to <<iban>>.",
    "Delivery for <<person>>:\n<<envelope>>",
    "Kedves <<person.hu>>! Köszönöm a levelet.",
    "Habari <<first.ke>>, tafadhali piga simu <<phone>>.",
    "Γεια σου, είμαι η <<person.gr>>, το τηλέφωνό μου είναι <<phone>>.",
    "Sawasdee krub, my name is <<person.th>> and I stay at <<address>>.",
    "Shalom, this is <<person.he>>; my passport is <<passport.any>>.",
    "Dear <<person.uk>>, your card <<card>> was charged <<price>>.",
    "Meeting notes: <<first>> and <<first>> agreed to ship v2; <<first>> owns the follow-up.",
    "<<person.gd>> will be at the Portree office; mobile <<phone>>.",
]
W3_LOOK = [
    "Shares of <<eponym>> rose after the report; see <<booking>>.",
    "We visited <<eponym>> and then <<place>> on <<odate>>.",
    "The <<eponym>> grant deadline is <<odate>>; ref <<invoice>>.",
    "Invoice <<invoice>> for the <<product>> is due <<odate>>.",
    "Build <<version>> of the app ships on <<odate>> (commit <<gitsha>>).",
    "Room 3.14 at <<eponym>>, <<time>>; bring the badge <<sku>>.",
]


def record():
    names = [g for g in GROUPS for _ in range(g[2])]
    _, temps, _ = pick(names)
    if temps is None:
        temps = NATIVE[pick(sorted(NATIVE))]
    return w.fill(localise(pick(temps)), TYPED, LOOK)


def record3():
    t = pick(W3_LOOK if rng.random() < 0.2 else W3)
    return w.fill(t, TYPED3, LOOK3)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--set', default='world2', choices=['world2', 'world3'])
    ap.add_argument('--n', type=int, default=800)
    ap.add_argument('--seed', type=int, default=401)
    args = ap.parse_args()
    w.self_test()
    rng.seed(args.seed)
    out = []
    for _ in range(args.n):
        text, spans = record3() if args.set == 'world3' else record()
        out.append({'full_text': text, 'spans': spans})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
