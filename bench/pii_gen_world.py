#!/usr/bin/env python3
"""A held-out PII set with the world's formats: new templates (chat prompts,
e-mails, support tickets, forms, CSV rows, JSON payloads, logs, envelopes),
names from many cultures (English, Chinese, German, French, Spanish,
Italian, Japanese, Vietnamese, Indian, Arabic), text in those languages and
mixed, every type the scanner supports in the national formats the issue
lists, and look-alikes that must stay silent. Values are valid where a
validator applies (Luhn, mod-97, ISO 7064, base58check, bech32/bech32m,
EIP-55), computed with the leak suite's check-digit code (tests/leak/values.py),
independently of the scanner, and checked against published vectors first.

Writes Presidio-style JSON: [{"full_text", "spans": [{"entity_type",
"entity_value", "start_position", "end_position", "type", "start", "end"}]}]
with character offsets; `type/start/end` carry our type names, which
`bench/pii_eval.py --generated` scores.

  python3 bench/pii_gen_world.py [--n 800] [--seed 101] > /tmp/world.json
  python3 bench/pii_eval.py --only generated --generated /tmp/world.json

Stdlib only; the output depends on --seed alone.
"""
import argparse
import json
import os
import random
import re
import sys
import unicodedata

rng = random.Random()


def pick(seq):
    return rng.choice(seq)


def digits(k):
    return ''.join(str(rng.randrange(10)) for _ in range(k))


def n(a, b):
    return rng.randint(a, b)


def fold(s):
    """ASCII spelling of a Latin name (Nguyễn -> Nguyen, Đặng -> Dang)."""
    s = s.replace('Đ', 'D').replace('đ', 'd').replace('ß', 'ss').replace('ı', 'i')
    return unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode()


# ---- names (written for this generator) ------------------------------------
NAMES = {
    'en': (['Brianna', 'Colton', 'Delilah', 'Everett', 'Harper', 'Jasper', 'Kendall', 'Maddox',
            'Nora', 'Preston', 'Rosalind', 'Sawyer', 'Tessa', 'Wyatt', 'Gideon', 'Imogen',
            'Clementine', 'Barnaby'],
           ['Ashworth', 'Blackwood', 'Cartwright', 'Donnelly', 'Fairbanks', 'Galloway',
            'Hargrove', 'Kimball', 'Langley', 'Merriweather', 'Pennington', 'Rutherford',
            'Thornbury', 'Whitlock', 'Oyelaran', 'McAllister']),
    'zh': (['Wei', 'Jing', 'Xiaoming', 'Yutong', 'Zihan', 'Haoran', 'Meiling', 'Jianguo',
            'Xinyi', 'Zhiwei', 'Lihua', 'Yufei', 'Shuang', 'Qiang'],
           ['Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Zhou', 'Xu', 'Sun', 'Guo',
            'Lin', 'Tang', 'Feng']),
    'de': (['Jürgen', 'Anneliese', 'Dieter', 'Friederike', 'Henning', 'Katrin', 'Ludger',
            'Sabine', 'Torsten', 'Wiebke', 'Gunnar', 'Hiltrud'],
           ['Schäfer', 'Hoffmann', 'Krüger', 'Böhm', 'Zimmermann', 'Scholz', 'Vogel', 'Lehmann',
            'Weißmüller', 'Brinkmann', 'Hagedorn', 'Kettler']),
    'fr': (['Amélie', 'Baptiste', 'Clémence', 'Étienne', 'Gaëlle', 'Hervé', 'Josiane', 'Loïc',
            'Maëlle', 'Thibault', 'Marie-Claire', 'Jean-Baptiste'],
           ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Fontaine', 'Rousseau', 'Chevalier',
            'Mercier', 'Faure', 'Delacroix', 'Gauthier', 'Bonnefoy']),
    'es': (['Alejandro', 'Begoña', 'Consuelo', 'Iñaki', 'Lucía', 'Rodrigo', 'Ximena',
            'Guadalupe', 'Joaquín', 'Pilar', 'Nerea', 'Ezequiel'],
           ['García López', 'Fernández Ruiz', 'Sánchez', 'Ortega', 'Navarro', 'Domínguez',
            'Iglesias', 'Castro Vidal', 'Herrera', 'Zubizarreta', 'Peña', 'Morales Gil']),
    'it': (['Alessandro', 'Beatrice', 'Gianluca', 'Ludovica', 'Massimo', 'Ornella',
            'Pierluigi', 'Raffaella', 'Salvatore', 'Vittoria', 'Ettore', 'Graziella'],
           ['Esposito', 'Romano', 'Colombo', 'Ricci', 'Marchetti', 'Bianchi', 'De Luca',
            'Lombardi', 'Galli', 'Ferraro', 'Santoro', 'Cattaneo']),
    'ja': (['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Mio', 'Takumi', 'Sakura', 'Daiki', 'Hinata',
            'Kenji', 'Misaki'],
           ['Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Yoshida',
            'Yamaguchi', 'Matsumoto', 'Inoue', 'Fujiwara', 'Ishikawa']),
    'in': (['Aarav', 'Priya', 'Venkatesh', 'Lakshmi', 'Rohan', 'Ananya', 'Kavya', 'Harpreet',
            'Arjun', 'Deepika', 'Gurpreet', 'Meenakshi', 'Rajesh', 'Sunil'],
           ['Raghunathan', 'Subramaniam', 'Chatterjee', 'Deshpande', 'Kulkarni', 'Banerjee',
            'Reddy', 'Nair', 'Pillai', 'Mukherjee', 'Srinivasan', 'Agarwal', 'Choudhury',
            'Gill']),
    'ar': (['Mohammed', 'Fatima', 'Abdullah', 'Aisha', 'Omar', 'Khadija', 'Yousef', 'Hamza',
            'Mariam', 'Noura', 'Khalid', 'Samira', 'Rania', 'Bilal'],
           ['Al-Rashid', 'El-Sayed', 'Al-Farsi', 'Mansour', 'Al-Qahtani', 'Abdel-Rahman',
            'Nasser', 'Khoury', 'Al-Hashimi', 'bin Saleh', 'Haddad', 'Al Mazrouei']),
}
VI_SUR = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi',
          'Đỗ', 'Ngô', 'Dương']
VI_MID = ['Văn', 'Thị', 'Minh', 'Đức', 'Thu', 'Quang', 'Ngọc', 'Hữu', 'Thanh']
VI_GIV = ['An', 'Mai', 'Nam', 'Tuấn', 'Lan', 'Thắng', 'Hà', 'Huy', 'Linh', 'Dũng', 'Hương',
          'Phúc', 'Trang', 'Khoa']
ZH_SUR = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高',
          '林', '何', '郭', '马', '罗', '欧阳', '司马', '诸葛']
ZH_GIV = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰',
          '娟', '涛', '明', '超', '晓明', '婷婷', '志强', '建华', '子涵', '雨桐', '浩然', '欣怡']
JA_SUR = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤', '吉田',
          '山本', '松本', '井上', '木村', '清水']
JA_GIV = ['太郎', '花子', '一郎', '美咲', '健太', '翔', '陽菜', '大輔', '由美', '拓也', '結衣',
          '直樹', '真由美', '蓮']
JA_KANA = [('ヤマダ', 'タロウ'), ('サトウ', 'ハナコ'), ('スズキ', 'イチロウ'), ('タナカ', 'ケンタ'),
           ('ワタナベ', 'ユイ'), ('イトウ', 'ナオキ')]
KATAKANA_FOREIGN = ['ジョン・スミス', 'マイケル・ブラウン', 'エミリー・ジョーンズ', 'ダニエル・ミラー']
CULTURES = ['en', 'zh', 'de', 'fr', 'es', 'it', 'ja', 'in', 'ar', 'vi']


def name_part(loc, k):
    """A given name (k 0) or a surname (k 1) of a culture or a country."""
    loc = PERSON_CULTURE.get(loc, loc)
    loc = pick(CULTURES) if loc == 'any' else loc
    if loc == 'vi':
        return pick((VI_GIV, VI_SUR)[k])
    return pick(NAMES[loc][k])


def first(loc='any'):
    return name_part(loc, 0)


def last(loc='any'):
    return name_part(loc, 1)


def person(loc='any'):
    """A full name as people of that culture write it in Latin script."""
    loc = PERSON_CULTURE.get(loc, loc)
    loc = pick(CULTURES) if loc == 'any' else loc
    if loc == 'vi':
        name = '%s %s %s' % (pick(VI_SUR), pick(VI_MID), pick(VI_GIV))
        return fold(name) if rng.random() < 0.4 else name
    if loc == 'zh':
        f, l = pick(NAMES['zh'][0]), pick(NAMES['zh'][1])
        return '%s %s' % ((l, f) if rng.random() < 0.5 else (f, l))
    if loc == 'ja':
        f, l = pick(NAMES['ja'][0]), pick(NAMES['ja'][1])
        return '%s %s' % ((l, f) if rng.random() < 0.4 else (f, l))
    if loc == 'ar' and rng.random() < 0.3:
        return '%s %s %s' % (first('ar'), pick(['bin', 'ibn']), first('ar'))
    f, l = first(loc), last(loc)
    if loc in ('en', 'in') and rng.random() < 0.15:
        return '%s %s. %s' % (f, pick('ABDEGJKLMRST'), l)
    return '%s %s' % (f, l)


def person_han():
    return pick(ZH_SUR) + pick(ZH_GIV)


def person_kanji():
    sep = '' if rng.random() < 0.6 else pick([' ', '\u3000'])
    return pick(JA_SUR) + sep + pick(JA_GIV)


def person_kana():
    if rng.random() < 0.3:
        return pick(KATAKANA_FOREIGN)
    s, g = pick(JA_KANA)
    return s + pick([' ', '\u3000', '']) + g


# ---- checksums ---------------------------------------------------------------
# The check-digit code of the leak suite (tests/leak/values.py), reused: Luhn,
# ISO 13616 mod-97, ISO 7064 MOD 11-2, base58check, BIP-173/350, Keccak-256.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests',
                                'leak'))
import values as checks  # noqa: E402


def luhn_complete(prefix, length):
    return checks.luhn_complete(prefix + digits(length - 1 - len(prefix)))


def self_test():
    """Known vectors, so that a wrong generator cannot pass for a detector bug."""
    assert checks.keccak256(b'').hex() == \
        'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'
    assert checks.eip55('5aaeb6053f3e94c9b9a09f33669435e7ef1beaed') == \
        '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
    assert checks.bech32_segwit('bc', 0, bytes.fromhex(
        '751e76e8199196d454941c45d1b3a323f1433bd6')) == \
        'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'
    assert checks.b58check(bytes(21)) == '1111111111111111111114oLvT2'
    assert checks.iban_check('GB', 'WEST12345698765432') == '82'
    assert checks.cn_id_check('11010519491231002') == 'X'
    assert checks.luhn_complete('411111111111111') == '4111111111111111'


# ---- typed values ------------------------------------------------------------
def card():
    kind = pick(['visa', 'visa', 'mc', 'mc2', 'amex', 'disc', 'jcb', 'diners', 'unionpay'])
    prefix, length = {
        'visa': ('4', 16), 'mc': (str(n(51, 55)), 16), 'mc2': (str(n(2221, 2720)), 16),
        'amex': (pick(['34', '37']), 15), 'disc': (pick(['6011', '65', str(n(644, 649))]), 16),
        'jcb': (str(n(3528, 3589)), 16), 'diners': (pick(['36', '38', str(n(300, 305))]), 14),
        'unionpay': ('62' + digits(2), pick([16, 19])),
    }[kind]
    num = luhn_complete(prefix, length)
    style = rng.random()
    if style < 0.35:
        return num
    sep = ' ' if style < 0.8 else '-'
    groups = {15: (4, 6, 5), 14: (4, 6, 4), 16: (4, 4, 4, 4), 19: (4, 4, 4, 4, 3)}[length]
    out, k = [], 0
    for g in groups:
        out.append(num[k:k + g])
        k += g
    return sep.join(out)


# country: BBAN pattern (n digit, a capital, c alphanumeric capital)
IBAN_BBAN = {
    'DE': '18n', 'FR': '10n11c2n', 'GB': '4a14n', 'ES': '20n', 'IT': '1a10n12c', 'NL': '4a10n',
    'BE': '12n', 'CH': '5n12c', 'AT': '16n', 'PL': '24n', 'PT': '21n', 'IE': '4a14n',
    'SE': '20n', 'NO': '11n', 'DK': '14n', 'FI': '14n', 'LU': '3n13c', 'SA': '2n18c',
    'AE': '3n16n', 'TR': '5n1n16c', 'BR': '23n1a1c', 'GR': '7n16c', 'CZ': '20n', 'HU': '24n',
    'RO': '4a16c', 'HR': '17n', 'MT': '4a5n18c', 'QA': '4a21c', 'KW': '4a22c', 'IL': '19n',
}


def iban(cc=None):
    cc = cc or pick(sorted(IBAN_BBAN))
    bban = ''
    for cnt, kind in re.findall(r'(\d+)([nac])', IBAN_BBAN[cc]):
        alpha = {'n': '0123456789', 'a': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                 'c': '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'}[kind]
        bban += ''.join(pick(alpha) for _ in range(int(cnt)))
    s = cc + checks.iban_check(cc, bban) + bban
    return ' '.join(s[i:i + 4] for i in range(0, len(s), 4)) if rng.random() < 0.5 else s


def ssn():
    while True:
        a = n(1, 899)
        if a != 666:
            break
    g, s = n(1, 99), n(1, 9999)
    sep = pick(['-', '-', '-', ' ', ''])
    return '%03d%s%02d%s%04d' % (a, sep, g, sep, s)


NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ'
NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ'


def nino():
    while True:
        p = pick(NINO_FIRST) + pick(NINO_SECOND)
        if p not in ('BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'):
            break
    d = digits(6)
    suf = pick('ABCD')
    if rng.random() < 0.5:
        return '%s %s %s %s %s' % (p, d[:2], d[2:4], d[4:], suf)
    return p + d + suf


CN_REGIONS = ['110101', '110105', '310104', '310115', '440106', '440305', '510107', '330106',
              '420102', '320102', '370202', '610113', '500103', '120101']


def cn_id():
    y, m, d = n(1950, 2005), n(1, 12), n(1, 28)
    body = '%s%04d%02d%02d%s' % (pick(CN_REGIONS), y, m, d, digits(3))
    return body + checks.cn_id_check(body)


def passport(cc='any'):
    cc = pick(['us', 'uk', 'de', 'fr', 'cn', 'in', 'jp']) if cc == 'any' else cc
    if cc in ('us', 'uk'):
        return digits(9) if rng.random() < 0.7 else pick('ACEFGHJKLMN') + digits(8)
    if cc == 'de':
        return pick('CFGHJK') + ''.join(pick('CFGHJKLMNPRTVWXYZ0123456789') for _ in range(8))
    if cc == 'fr':
        return digits(2) + pick('ABCDEFGHJKLMNPRSTUVWXYZ') + pick('ABCDEFGHJKLMNPRSTUVWXYZ') + \
            digits(5)
    if cc == 'cn':
        pre = pick(['E', 'G', 'EA', 'EB'])
        return pre + digits(9 - len(pre))
    if cc == 'in':
        return pick('JKLMNPRSTVZ') + digits(7)
    return pick(['TK', 'TR', 'MZ', 'TH']) + digits(7)


def phone(cc='any'):
    cc = pick(['us', 'ca', 'uk', 'de', 'fr', 'in', 'cn']) if cc == 'any' else cc
    area = '%d%02d' % (n(2, 9), n(0, 99))
    exch = '%d%02d' % (n(2, 9), n(0, 99))
    line = digits(4)
    forms = {
        'us': ['(%s) %s-%s' % (area, exch, line), '%s-%s-%s' % (area, exch, line),
               '%s.%s.%s' % (area, exch, line), '+1 %s %s %s' % (area, exch, line),
               '+1-%s-%s-%s' % (area, exch, line), '+1%s%s%s' % (area, exch, line),
               '1 (%s) %s-%s' % (area, exch, line)],
        'ca': ['(%s) %s-%s' % (pick(['416', '604', '514', '403', '613']), exch, line),
               '+1 %s-%s-%s' % (pick(['647', '778', '438', '587']), exch, line)],
        'uk': ['+44 20 %s %s' % (digits(4), digits(4)), '020 %s %s' % (digits(4), digits(4)),
               '+44 (0)20 %s %s' % (digits(4), digits(4)), '07%s %s' % (digits(3), digits(6)),
               '+44 7%s %s' % (digits(3), digits(6)), '0161 %s %s' % (digits(3), digits(4)),
               '+447%s' % digits(9), '(0113) %s %s' % (digits(3), digits(4))],
        'de': ['+49 30 %s' % digits(8), '030 %s %s' % (digits(4), digits(4)),
               '+49 (0)89 %s-%s' % (digits(4), digits(3)), '0151 %s' % digits(8),
               '+49 171 %s' % digits(7), '0221/%s' % digits(7), '+4915%s' % digits(9),
               '(0711) %s %s' % (digits(3), digits(4))],
        'fr': ['+33 1 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)),
               '01 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)),
               '06.%s.%s.%s.%s' % (digits(2), digits(2), digits(2), digits(2)),
               '+33 (0)6 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)),
               '+336%s' % digits(8), '07-%s-%s-%s-%s' % (digits(2), digits(2), digits(2),
                                                       digits(2))],
        'in': ['+91 9%s %s' % (digits(4), digits(5)), '+91-98%s-%s' % (digits(3), digits(5)),
               '09%s %s' % (digits(4), digits(5)), '+91 22 %s %s' % (digits(4), digits(4)),
               '(080) %s %s' % (digits(4), digits(4)), '+91 80-%s-%s' % (digits(4), digits(4)),
               '+919%s' % digits(9)],
        'cn': ['+86 138 %s %s' % (digits(4), digits(4)), '139-%s-%s' % (digits(4), digits(4)),
               '1%d%s' % (pick([3, 5, 8]), digits(9)), '(010) %s %s' % (digits(4), digits(4)),
               '+86 10 %s %s' % (digits(4), digits(4)), '0755-%s %s' % (digits(4), digits(4)),
               '+86-21-%s%s' % (digits(4), digits(4)), '+86 186%s' % digits(8)],
    }[cc]
    out = pick(forms)
    if rng.random() < 0.12 and cc in ('us', 'ca', 'uk', 'de'):
        out += pick([' ext. %d', ' x%d', ' ext %d', ', ext. %d', ' Durchwahl %d'
                     if cc == 'de' else ' ext. %d']) % n(10, 9999)
    return out


def email(name=None):
    f = re.sub(r'[^a-z]', '', fold(name or first()).lower())
    l = re.sub(r'[^a-z]', '', fold(last()).lower())
    local = pick(['%s.%s' % (f, l), f + l, '%s_%s' % (f, l), f, '%s.%s%s' % (f, l, digits(2)),
                  '%s+%s' % (f, pick(['shop', 'news', 'work'])), '%s%s' % (f[0], l)]) or 'info'
    dom = pick(['gmail.com', 'outlook.de', 'orange.fr', 'libero.it', 'yahoo.co.jp', 'qq.com',
                '163.com', 'fpt.vn', 'rediffmail.com', 'mail.ae', 'kundenservice.example.de',
                'eng.acme-robotics.io', 'uni-heidelberg.de', 'sfr.fr', 'telefonica.es',
                'mail.tsinghua.edu.cn', 'infosys.co.in', 'btinternet.com', 'shaw.ca'])
    return '%s@%s' % (local, dom)


def ipv4(public=True):
    a = pick([203, 198, 185, 91, 81, 62, 45, 104, 172, 10, 192]) if public else 10
    if a == 172:
        return '172.%d.%d.%d' % (n(16, 31), n(0, 255), n(1, 254))
    if a == 192:
        return '192.168.%d.%d' % (n(0, 255), n(1, 254))
    return '%d.%d.%d.%d' % (a, n(0, 255), n(0, 255), n(1, 254))


def ipv6():
    groups = ['%x' % rng.randrange(65536) for _ in range(8)]
    form = rng.random()
    if form < 0.25:
        return ':'.join(groups)
    if form < 0.35:
        return ':'.join('%04x' % int(g, 16) for g in groups).upper()
    if form < 0.7:
        k = n(2, 5)
        head = ['2001', 'db8'] if rng.random() < 0.5 else ['2a02', '%x' % rng.randrange(65536)]
        return ':'.join(head + groups[2:8 - k]) + '::' + ':'.join(groups[8 - k + 1:][:1])
    if form < 0.8:
        return 'fe80::%x:%x:%x:%x' % tuple(rng.randrange(65536) for _ in range(4))
    if form < 0.9:
        return '::ffff:%s' % ipv4()
    return '2001:db8:%x::%x' % (rng.randrange(65536), rng.randrange(1, 65536))


def mac():
    b = ['%02x' % rng.randrange(256) for _ in range(6)]
    f = rng.random()
    if f < 0.4:
        return ':'.join(b)
    if f < 0.6:
        return ':'.join(b).upper()
    if f < 0.85:
        return '-'.join(b).upper()
    h = ''.join(b)
    return '%s.%s.%s' % (h[:4], h[4:8], h[8:])


def crypto():
    k = rng.random()
    if k < 0.25:
        return checks.b58check(b'\0' + rng.randbytes(20))
    if k < 0.4:
        return checks.b58check(b'\5' + rng.randbytes(20))
    if k < 0.55:
        return checks.bech32_segwit('bc', 0, rng.randbytes(20))
    if k < 0.65:
        return checks.bech32_segwit('bc', 0, rng.randbytes(32))
    if k < 0.75:
        return checks.bech32_segwit('bc', 1, rng.randbytes(32))
    h = rng.randbytes(20).hex()
    return checks.eip55(h) if rng.random() < 0.6 else '0x' + h


MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
             'September', 'October', 'November', 'December']


def date(fmt='any', years=(1940, 2006)):
    y, m, d = n(*years), n(1, 12), n(1, 28)
    fmt = pick(['en', 'en_us', 'iso', 'us', 'eu', 'dot', 'zh']) if fmt == 'any' else fmt
    return {
        'en': '%d %s %d' % (d, MONTHS_EN[m - 1], y),
        'en_us': '%s %d, %d' % (MONTHS_EN[m - 1], d, y),
        'en_short': '%d %s %d' % (d, MONTHS_EN[m - 1][:3], y),
        'iso': '%04d-%02d-%02d' % (y, m, d), 'us': '%02d/%02d/%04d' % (m, d, y),
        'eu': '%02d/%02d/%04d' % (d, m, y), 'dot': '%02d.%02d.%04d' % (d, m, y),
        'zh': '%d年%d月%d日' % (y, m, d), 'ja': '%d年%d月%d日' % (y, m, d),
    }[fmt]


# ---- addresses (street to postcode and city; the country line is not in it) ---
US_CITY = [('Boulder', 'CO'), ('Asheville', 'NC'), ('Madison', 'WI'), ('Bend', 'OR'),
           ('Chattanooga', 'TN'), ('Burlington', 'VT'), ('Santa Fe', 'NM'), ('Ann Arbor', 'MI')]
US_STREET = ['Larkspur', 'Quail Run', 'Old Mill', 'Hawthorne', 'Bluebonnet', 'Sycamore Ridge',
             'Copper Kettle', 'Prospect', 'Hemlock', 'Wagon Wheel']
US_TYPE = ['St', 'Street', 'Ave', 'Avenue', 'Rd', 'Ln', 'Lane', 'Dr', 'Blvd', 'Ct', 'Pl', 'Way',
           'Pkwy', 'Trail', 'Loop']


def addr_us(multiline=False):
    a = '%d %s%s %s' % (n(1, 19999), pick(['', '', 'N ', 'W ', 'E ']), pick(US_STREET),
                        pick(US_TYPE))
    if rng.random() < 0.35:
        a += pick([', Apt %d', ' Apt. %dB', ', Suite %d', ' #%d', ', Unit %d']) % n(1, 999)
    city, st = pick(US_CITY)
    return a + ('\n' if multiline else ', ') + '%s, %s %05d' % (city, st, n(1001, 99950))


def addr_ca(multiline=False):
    pc = '%s%d%s %d%s%d' % (pick('KLMNTVH'), n(1, 9), pick('ABCEGHJKLMNPRSTVXY'), n(1, 9),
                            pick('ABCEGHJKLMNPRSTVXY'), n(1, 9))
    street, city = pick([('%d Queen St W', 'Toronto, ON'), ('%d Rue Sainte-Catherine O',
                                                             'Montréal, QC'),
                         ('%d Granville Street', 'Vancouver, BC'), ('%d Bank St', 'Ottawa, ON'),
                         ('%d 17 Ave SW', 'Calgary, AB')])
    return street % n(1, 2999) + ('\n' if multiline else ', ') + '%s %s' % (city, pc)


def addr_uk(multiline=False):
    pc = '%s%d %d%s' % (pick(['LE', 'NR', 'EH', 'M', 'SW', 'BS', 'OX', 'CB']), n(1, 20), n(1, 9),
                        ''.join(pick('ABDEFGHJLNPQRSTUWXYZ') for _ in range(2)))
    a = '%d %s %s' % (n(1, 280), pick(['Ashby', 'Marlborough', 'Kingsmead', 'Holloway', 'Abbey',
                                      'Greenbank', 'Cromwell']),
                      pick(['Road', 'Street', 'Lane', 'Close', 'Crescent', 'Gardens', 'Mews',
                            'Terrace']))
    if rng.random() < 0.3:
        a = pick(['Flat %d, ', 'Flat %dA, ', 'Apartment %d, ']) % n(1, 40) + a
    town = pick(['Loughborough', 'Norwich', 'Edinburgh', 'Manchester', 'Oxford', 'Cambridge'])
    sep = '\n' if multiline else ', '
    return a + sep + town + (sep if rng.random() < 0.5 else ' ') + pc


def addr_de(multiline=False):
    st = pick(['Hauptstraße %d', 'Am Lindenhof %d', 'Karl-Marx-Allee %d', 'Müllerstr. %d',
               'Schillerplatz %d', 'Kastanienweg %d', 'Im Winkel %d', 'Berliner Ring %d',
               'Goethestraße %d', 'Unter den Eichen %d'])
    a = st % n(1, 160) + pick(['', '', 'a', 'b', ' c'])
    city = pick(['Heidelberg', 'München', 'Berlin', 'Köln', 'Dresden', 'Hamburg', 'Bielefeld'])
    return a + ('\n' if multiline else ', ') + '%05d %s' % (n(1067, 99998), city)


def addr_fr(multiline=False):
    a = '%d%s %s %s' % (n(1, 180), pick(['', '', ',', ' bis', ' ter']),
                        pick(['rue', 'avenue', 'boulevard', 'place', 'chemin', 'impasse',
                              'allée', 'quai']),
                        pick(['de la Paix', 'Victor Hugo', 'des Vignes', 'du Général Leclerc',
                              'Saint-Michel', 'des Champs-Élysées', 'Pasteur', 'de Verdun']))
    if rng.random() < 0.2:
        a = pick(['Bât. B, ', 'Appt 12, ', 'Résidence Les Pins, ']) + a
    city = pick(['Paris', 'Lyon', 'Bordeaux', 'Nantes', 'Strasbourg', 'Montpellier'])
    return a + ('\n' if multiline else ', ') + '%05d %s' % (n(1000, 95999), city)


def addr_es(multiline=False):
    a = '%s %s%s%d' % (pick(['Calle', 'C/', 'Avda.', 'Avenida', 'Plaza', 'Paseo']),
                       pick(['de Alcalá', 'Mayor', 'de la Constitución', 'Gran Vía', 'del Prado',
                             'San Fernando']), pick([' ', ', ', ', nº ']), n(1, 250))
    if rng.random() < 0.4:
        a += pick([', %dº izq.', ', %dº B', ', piso %d']) % n(1, 9)
    city = pick(['Madrid', 'Sevilla', 'Valencia', 'Bilbao', 'Zaragoza', 'Granada'])
    return a + ('\n' if multiline else ', ') + '%05d %s' % (n(1001, 52999), city)


def addr_it(multiline=False):
    a = '%s %s %d' % (pick(['Via', 'Viale', 'Piazza', 'Corso', 'Vicolo']),
                      pick(['Roma', 'Vittorio Emanuele II', 'del Duomo', 'Giuseppe Verdi',
                            'dei Mille', 'San Francesco']), n(1, 200))
    city = pick(['Roma RM', 'Torino TO', 'Milano MI', 'Napoli NA', 'Bologna BO', '(FI) Firenze'])
    return a + ('\n' if multiline else ', ') + '%05d %s' % (n(10, 98168), city)


def addr_cn():
    city = pick(['北京市朝阳区', '上海市浦东新区', '广东省深圳市南山区', '浙江省杭州市西湖区',
                 '四川省成都市武侯区', '江苏省南京市鼓楼区', '湖北省武汉市洪山区'])
    road = pick(['建国路', '世纪大道', '科技园南路', '文三路', '人民南路', '中山北路', '珞喻路'])
    a = '%s%s%d号' % (city, road, n(1, 999))
    if rng.random() < 0.4:
        a += pick(['%d栋%d室', '%d号楼%d单元']) % (n(1, 30), n(101, 2808))
    return a


def addr_cn_en(multiline=False):
    a = '%sNo. %d %s Road' % (pick(['', 'Room %d, ' % n(101, 2808)]), n(1, 999),
                              pick(['Jianguo', 'Zhongshan North', 'Century', 'Renmin South']))
    city = pick(['Chaoyang District, Beijing %06d', 'Pudong New Area, Shanghai %06d',
                 'Nanshan District, Shenzhen %06d'])
    return a + ('\n' if multiline else ', ') + city % n(100000, 699999)


def addr_jp():
    pc = '〒%03d-%04d' % (n(100, 999), n(0, 9999))
    city = pick(['東京都渋谷区渋谷', '東京都千代田区丸の内', '大阪府大阪市北区梅田', '京都府京都市下京区',
                 '神奈川県横浜市中区山下町', '北海道札幌市中央区北一条西'])
    num = pick(['%d-%d-%d' % (n(1, 9), n(1, 30), n(1, 20)),
                '%d丁目%d番%d号' % (n(1, 9), n(1, 30), n(1, 20))])
    return (pc + pick([' ', '\u3000', '']) if rng.random() < 0.6 else '') + city + num


def addr_jp_en(multiline=False):
    return '%d-%d-%d %s%s%s %03d-%04d' % (
        n(1, 9), n(1, 30), n(1, 20), pick(['Shibuya, Shibuya-ku', 'Marunouchi, Chiyoda-ku',
                                           'Umeda, Kita-ku']),
        '\n' if multiline else ', ', pick(['Tokyo', 'Osaka']), n(100, 999), n(0, 9999))


def addr_in(multiline=False):
    a = pick(['Flat %d, Lotus Residency, 12th Main Road' % n(101, 1204),
              'B-%d, Sector %d' % (n(1, 99), n(1, 120)),
              '%d, 4th Cross, 2nd Stage' % n(1, 999),
              'House No. %d, Gandhi Nagar' % n(1, 999)])
    city = pick(['Indiranagar, Bengaluru 5600%02d' % n(1, 99), 'Noida, Uttar Pradesh 2013%02d' %
                 n(1, 99), 'Andheri East, Mumbai 4000%02d' % n(1, 99),
                 'Adyar, Chennai 6000%02d' % n(1, 99)])
    return a + ('\n' if multiline else ', ') + city


ADDR = {'us': addr_us, 'ca': addr_ca, 'uk': addr_uk, 'de': addr_de, 'fr': addr_fr,
        'es': addr_es, 'it': addr_it, 'cnen': addr_cn_en, 'jpen': addr_jp_en, 'in': addr_in}


def address(cc='any', multiline=False):
    if cc == 'cn':
        return addr_cn()
    if cc == 'jp':
        return addr_jp()
    if cc == 'any':
        cc = pick(sorted(ADDR))
    return ADDR[cc](multiline)


# ---- look-alikes: values that must not fire ----------------------------------
def hexs(k):
    return ''.join(pick('0123456789abcdef') for _ in range(k))


def isbn():
    if rng.random() < 0.5:
        d = [9, 7, pick([8, 9])] + [rng.randrange(10) for _ in range(9)]
        c = (10 - sum(v * (3 if i % 2 else 1) for i, v in enumerate(d)) % 10) % 10
        s = ''.join(map(str, d + [c]))
        return '%s-%s-%s-%s-%s' % (s[:3], s[3], s[4:8], s[8:12], s[12])
    d = [rng.randrange(10) for _ in range(9)]
    c = sum((10 - i) * v for i, v in enumerate(d)) % 11
    c = (11 - c) % 11
    s = ''.join(map(str, d)) + ('X' if c == 10 else str(c))
    return '%s-%s-%s-%s' % (s[0], s[1:4], s[4:9], s[9])


def imei():
    return luhn_complete(pick(['35', '86', '01', '49']) + digits(6), 15)


def ean13():
    d = [pick([4, 5, 8, 9])] + [rng.randrange(10) for _ in range(11)]
    c = (10 - sum(v * (3 if i % 2 else 1) for i, v in enumerate(d)) % 10) % 10
    return ''.join(map(str, d + [c]))


LOOK = {
    'order': lambda: pick(['ORD-%d' % n(100000, 9999999), '#%d' % n(10000, 99999999),
                           'PO-%d-%04d' % (n(2020, 2025), n(1, 9999)),
                           '%d-%07d-%07d' % (n(100, 999), n(0, 9999999), n(0, 9999999))]),
    'invoice': lambda: pick(['INV-%d-%05d' % (n(2019, 2025), n(1, 99999)),
                             'RE%d%06d' % (n(2020, 2025), n(1, 999999)),
                             'FA-%04d/%d' % (n(1, 9999), n(2020, 2025))]),
    'uuid': lambda: '%s-%s-4%s-%s-%s' % (hexs(8), hexs(4), hexs(3), pick('89ab') + hexs(3),
                                         hexs(12)),
    'md5': lambda: hexs(32), 'sha1': lambda: hexs(40), 'sha256': lambda: hexs(64),
    'gitsha': lambda: hexs(7),
    'ts': lambda: pick(['2024-%02d-%02dT%02d:%02d:%02d.%03dZ' % (n(1, 12), n(1, 28), n(0, 23),
                                                                n(0, 59), n(0, 59), n(0, 999)),
                        '2023-%02d-%02d %02d:%02d:%02d' % (n(1, 12), n(1, 28), n(0, 23),
                                                           n(0, 59), n(0, 59)),
                        '%d/%s/2024:%02d:%02d:%02d +0000' % (n(10, 28), pick(['Mar', 'Oct']),
                                                             n(0, 23), n(0, 59), n(0, 59))]),
    'epoch': lambda: str(n(1600000000, 1760000000)) + pick(['', digits(3)]),
    'version': lambda: pick(['v%d.%d.%d' % (n(0, 9), n(0, 40), n(0, 99)),
                             '%d.%d.%d-rc.%d' % (n(0, 9), n(0, 40), n(0, 99), n(1, 5)),
                             '%d.%d.%d.%d' % (n(1, 20), n(0, 9), n(0, 9999), n(0, 99))]),
    'isbn': isbn,
    'price': lambda: pick(['$%d,%03d.%02d' % (n(1, 99), n(0, 999), n(0, 99)),
                           '€ %d.%03d,%02d' % (n(1, 99), n(0, 999), n(0, 99)),
                           '¥%d,%03d' % (n(1, 999), n(0, 999)), '£%d.%02d' % (n(1, 999),
                                                                              n(0, 99)),
                           '%d,%02d €' % (n(1, 9999), n(0, 99)),
                           'CHF %d.–' % n(10, 9999), '₹%d,%02d,%03d' % (n(1, 99), n(0, 99),
                                                                        n(0, 999))]),
    'port': lambda: str(pick([22, 80, 443, 3000, 5432, 6379, 8080, 8443, 9092, 27017])),
    'tracking': lambda: pick(['1Z%s%s' % (''.join(pick('0123456789ABCDEFGHJKLMNPRSTVWXYZ')
                                                  for _ in range(6)), digits(10)),
                              '9400 1%s %s %s %s %s' % (digits(3), digits(4), digits(4),
                                                        digits(4), digits(2)),
                              digits(12), 'JD01%s' % digits(14),
                              'SF%s' % digits(12), 'LX%sCN' % digits(9)]),
    'sku': lambda: pick(['%s-%04d-%s' % (''.join(pick('ABCDEFGHJKLMNPRSTUVWXYZ')
                                                 for _ in range(2)), n(0, 9999),
                                         pick(['BLK', 'XL', 'RED', 'V2'])),
                         'SKU%d' % n(1000000, 99999999), 'P/N %d-%d-%d' % (n(100, 999), n(10, 99),
                                                                          n(1000, 9999))]),
    'imei': imei, 'ean': ean13,
    'bic': lambda: pick(['DEUTDEFF', 'BNPAFRPP', 'COBADEFFXXX', 'NWBKGB2L', 'ICBKCNBJ',
                         'BOTKJPJT', 'HDFCINBB']),
    'oid': lambda: '1.3.6.1.4.1.%d.%d.%d' % (n(1, 60000), n(1, 9), n(1, 99)),
    'date': lambda: date('any', (2019, 2026)),
    'case': lambda: pick(['CASE-%d' % n(10000, 999999), '#%d' % n(100000, 999999),
                          'INC%07d' % n(0, 9999999)]),
    'city': lambda: pick(['Lisbon', 'Osaka', 'Hanoi', 'Dubai', 'Pune', 'Lyon', 'Bremen',
                          'Valencia', 'Turin', 'Shenzhen']),
    'company': lambda: pick(['Nordwind Logistik GmbH', 'Société Générale', 'Tata Consultancy',
                             'Huawei', 'Rakuten', 'VinGroup', 'Emirates NBD', 'Acme Robotics Ltd',
                             'Banco Santander']),
    'amount': lambda: '%d.%02d' % (n(1, 99999), n(0, 99)),
    'qty': lambda: str(n(1, 500)),
    'money_cn': lambda: '%d元' % n(10, 99999),
}

# ---- slots -------------------------------------------------------------------
TYPED = {  # slot -> (our type, Presidio's name or ours uppercased, generator)
    'person': ('person', 'PERSON', person), 'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last), 'han': ('person', 'PERSON', lambda _=None: person_han()),
    'kanji': ('person', 'PERSON', lambda _=None: person_kanji()),
    'kana': ('person', 'PERSON', lambda _=None: person_kana()),
    'email': ('email', 'EMAIL_ADDRESS', lambda _=None: email()),
    'phone': ('phone', 'PHONE_NUMBER', phone), 'card': ('credit_card', 'CREDIT_CARD',
                                                         lambda _=None: card()),
    'iban': ('iban', 'IBAN_CODE', lambda cc=None: iban(cc and cc.upper())),
    'ssn': ('us_ssn', 'US_SSN', lambda _=None: ssn()),
    'nino': ('uk_nino', 'UK_NINO', lambda _=None: nino()),
    'cnid': ('cn_resident_id', 'CN_RESIDENT_ID', lambda _=None: cn_id()),
    'passport': ('passport', 'PASSPORT', passport),
    'ip4': ('ip_address', 'IP_ADDRESS', lambda _=None: ipv4()),
    'ip6': ('ip_address', 'IP_ADDRESS', lambda _=None: ipv6()),
    'ip': ('ip_address', 'IP_ADDRESS', lambda _=None: ipv4() if rng.random() < 0.6 else ipv6()),
    'mac': ('mac_address', 'MAC_ADDRESS', lambda _=None: mac()),
    'crypto': ('crypto_address', 'CRYPTO', lambda _=None: crypto()),
    'dob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': date(fmt)),
    'address': ('street_address', 'STREET_ADDRESS', lambda cc='any': address(cc)),
    'envelope': ('street_address', 'STREET_ADDRESS', lambda cc='any': address(cc, True)),
}

SLOT_RE = re.compile(r'<<(\w+)(?:\.(\w+))?>>')


def fill(template, typed=None, look=None):
    """Fills <<slot>> / <<slot.variant>>; returns (text, spans). A variant
    'lower' ('upper') lowercases (uppercases) a typed value: people type names
    in lowercase, labels print them in capitals. Other generators pass their
    own slot tables (bench/pii_gen_world2.py)."""
    typed, look = typed or TYPED, look or LOOK
    text, spans, pos = '', [], 0
    for m in SLOT_RE.finditer(template):
        text += template[pos:m.start()]
        slot, var = m.group(1), m.group(2)
        if slot in typed:
            typ, pname, gen = typed[slot]
            case = var if var in ('lower', 'upper') else None
            val = gen() if var is None or case else gen(var)
            if case:
                val = getattr(val, case)()
            spans.append({'entity_type': pname, 'entity_value': val, 'start_position': len(text),
                          'end_position': len(text) + len(val), 'type': typ, 'start': len(text),
                          'end': len(text) + len(val)})
        elif slot == 'mail_of':  # an address that spells a name given earlier
            val = email()
            spans.append({'entity_type': 'EMAIL_ADDRESS', 'entity_value': val,
                          'start_position': len(text), 'end_position': len(text) + len(val),
                          'type': 'email', 'start': len(text), 'end': len(text) + len(val)})
        else:
            val = look[slot]()
        text += val
        pos = m.end()
    return text + template[pos:], spans


# ---- templates -----------------------------------------------------------------
# Each language has a culture for its names, phones and addresses; <<X.loc>> is
# replaced by that culture before filling.
CHAT = [
    "Can you help me write a complaint to my landlord? I'm <<person.loc>> and I rent the flat at "
    "<<address.loc>>. He keeps ignoring my calls to <<phone.loc>>.",
    "Rewrite this more politely: 'Hey, this is <<person.loc>>, you still owe me for the order "
    "<<order>>, pay it to <<iban.loc>> by Friday.'",
    "Draft a reply to <<email>> saying that <<first.loc>> will be late for the 10:30 meeting.",
    "my name is <<person.lower>> and my number is <<phone.loc>>, can u remind me tomorrow",
    "Summarise this thread for me:\n> From: <<person.loc>> <<<email>>>\n> The shipment "
    "<<tracking>> is stuck in customs, call me on <<phone.loc>>.",
    "Translate into English: <<native_intro>>",
    "Please fill in the visa form for me. Name: <<person.loc>>. Passport number: "
    "<<passport.loc>>. Date of birth: <<dob.iso>>.",
    "Is <<card>> a valid card number? I found it on a receipt with my name, <<person.loc>>.",
    "Why can't I ssh into <<ip4>>? Port <<port>> times out since the upgrade to <<version>>.",
    "I need a cover letter. About me: <<person.loc>>, born <<dob.en>>, living at "
    "<<address.loc>>, email <<email>>.",
    "Explain this error: connection refused from [<<ip6>>]:<<port>> after build <<gitsha>>.",
    "Send <<amount>> ETH to <<crypto>> and tell <<first.loc>> when it is done.",
    "Here is the tenant list, count the rows: <<person.loc>>; <<person.loc>>; <<person.loc>>.",
    "Write a birthday card for my colleague <<person.loc>>, who was born on <<dob.en_us>>.",
    "My wallet is <<crypto>>; can you check whether the payment from <<first.loc>> arrived?",
    "Loop in <<person.vi>> from finance before Friday, and ask <<person.ar>> for the contract.",
    "<<person.in>>'s laptop (MAC <<mac>>) needs a new battery; ticket <<case>>.",
    "i am <<first.lower>>, d.o.b. <<dob.en_short>>, pls check my booking <<order>>",
    "The tax form asks for my social security number, it's <<ssn>>. Which box does it go in?",
]
EMAILS = [
    "Dear <<person.loc>>,\n\nThank you for your order <<order>>. Your invoice <<invoice>> of "
    "<<price>> is attached. If anything is wrong, reply to <<email>> or call <<phone.loc>>."
    "\n\nKind regards,\n<<person.loc>>\nCustomer Care",
    "Hi <<first.loc>>,\n\nplease wire the deposit to <<iban.loc>> (BIC <<bic>>) and send the "
    "proof to <<email>>.\n\nBest,\n<<first.loc>>",
    "From: <<person.loc>> <<<email>>>\nTo: <<email>>\nSubject: Re: lease "
    "<<case>>\n\nThe keys are with the concierge at <<address.loc>>.",
    "Dear Ms. <<last.loc>>,\nyour new card ending in <<qty>> is on its way to <<address.loc>>."
    "\nTracking: <<tracking>>\nSincerely,\n<<person.loc>>",
]
TICKETS = [
    "[<<case>>] Customer <<person.loc>> (<<email>>) reports that the router with MAC "
    "<<mac>> drops off the network every hour. Firmware <<version>>.",
    "Ticket <<case>>\nReporter: <<person.loc>>\nPhone: <<phone.loc>>\nDescription: refund of "
    "<<price>> for order <<order>> did not arrive on card <<card>>.",
    "Escalation: user at <<ip4>> tried 40 logins for <<email>> in 2 minutes; session "
    "<<uuid>> blocked.",
    "Priority: high | Assignee: <<person.loc>> | Customer callback <<phone.loc>> | SKU <<sku>>",
    "Identity check failed for <<person.us>>: SSN <<ssn>> does not match DOB <<dob.us>>.",
]
FORMS = [
    "Full name: <<person.loc>>\nDate of birth: <<dob.any>>\nAddress: <<address.loc>>\n"
    "Phone: <<phone.loc>>\nE-mail: <<email>>",
    "APPLICANT\nSurname: <<last.loc>>\nGiven names: <<first.loc>>\nPassport No.: "
    "<<passport.loc>>\nNational Insurance number: <<nino>>",
    "Employee record\nName: <<person.loc>>\nSSN: <<ssn>>\nDOB: <<dob.us>>\nHome: "
    "<<address.us>>",
    "Payment details\nCardholder: <<person.loc>>\nCard number: <<card>>\nIBAN: <<iban>>\n"
    "Amount: <<price>>",
    "Wallet owner: <<person.loc>>\nBTC/ETH address: <<crypto>>\nKYC case: <<case>>",
    "Claimant: <<person.uk>>\nNI number: <<nino>>\nAddress: <<address.uk>>\nPhone: "
    "<<phone.uk>>",
    "Visitor: <<person.zh>>\nChinese ID card no. <<cnid>>\nBirthdate: <<dob.en_us>>",
    "Patient: <<person.loc>>   D.O.B.: <<dob.en_short>>   Tel: <<phone.loc>>",
]
CSV = [
    "id,name,email,phone,created\n<<qty>>,<<person.loc>>,<<email>>,<<phone.loc>>,<<ts>>",
    "customer;iban;amount;invoice\n<<person.loc>>;<<iban>>;<<amount>>;<<invoice>>",
    "device,mac,ip,owner\nlaptop-<<qty>>,<<mac>>,<<ip4>>,<<person.loc>>",
    '"name","ssn","dob"\n"<<person.us>>","<<ssn>>","<<dob.iso>>"',
    "姓名,身份证号,手机\n<<han>>,<<cnid>>,<<phone.cn>>",
    "name,nino,postcode_area\n<<person.uk>>,<<nino>>,<<city>>",
]
JSON = [
    '{"user": {"name": "<<person.loc>>", "email": "<<email>>", "phone": "<<phone.loc>>"}, '
    '"order_id": "<<order>>", "total": <<amount>>}',
    '{"event": "payment", "card": "<<card>>", "holder": "<<person.loc>>", "ts": "<<ts>>", '
    '"request_id": "<<uuid>>"}',
    '{"shipping_address": "<<address.loc>>", "recipient": "<<person.loc>>", "tracking": '
    '"<<tracking>>", "sku": "<<sku>>"}',
    '{"client_ip": "<<ip>>", "mac": "<<mac>>", "firmware": "<<version>>", "sha256": '
    '"<<sha256>>"}',
    '{"wallet": "<<crypto>>", "chain": "mainnet", "tx": "0x<<sha256>>"}',
    '{"applicant": {"full_name": "<<person.loc>>", "ssn": "<<ssn>>", "nino": "<<nino>>"}, '
    '"ref": "<<case>>"}',
]
LOGS = [
    '<<ip4>> - - [<<ts>>] "GET /api/v2/orders/<<qty>> HTTP/1.1" 200 <<qty>> "-" '
    '"Mozilla/5.0"',
    "<<ts>> INFO auth: login ok user=<<email>> ip=<<ip>> session=<<uuid>>",
    "<<ts>> dhcpd: DHCPACK on <<ip4>> to <<mac>> (laptop-<<qty>>) via eth0",
    "<<ts>> WARN payment: card <<card>> declined for <<email>>, trace <<md5>>",
    "<<ts>> sshd[<<qty>>]: Failed password for invalid user admin from <<ip6>> port <<port>>",
    "<<ts>> wallet: withdrawal of <<amount>> to <<crypto>> approved by <<email>>",
]
ENVELOPES = [
    "<<person.loc>>\n<<envelope.loc>>",
    "To:\n<<person.loc>>\n<<envelope.loc>>\nTel. <<phone.loc>>",
    "Sender: <<person.loc>>, <<address.loc>>\nRecipient: <<person.loc>>, <<address.loc>>",
]
# Text in each language, with its own cues.
NATIVE = {
    'zh': [
        "我叫<<han>>，手机<<phone.cn>>，邮箱<<email>>。",
        "联系人：<<han>>\n电话：<<phone.cn>>\n地址：<<address.cn>>",
        "<<han>>先生您好，您的订单<<order>>已发货，快递单号<<tracking>>。",
        "姓名：<<han>>　身份证号：<<cnid>>　出生日期：<<dob.zh>>",
        "请把发票寄到<<address.cn>>，收件人<<han>>女士。",
        "客户<<han>>的银行卡号是<<card>>，护照号码<<passport.cn>>。",
        "尊敬的<<han>>：您于<<date>>提交的申请编号<<case>>已受理。",
        "我的名字是<<person.zh>>，我住在<<address.cnen>>。",
        "他生于<<dob.zh>>，老家在四川。",
        "居民身份证号码：<<cnid>>，出生年月：<<dob.zh>>，户籍地址：<<address.cn>>",
        "我是<<han>>，生日是<<dob.iso>>，我的身份证是<<cnid>>。",
        "请联系<<han>>经理，电话<<phone.cn>>，或者发邮件到<<email>>。",
    ],
    'de': [
        "Sehr geehrte Frau <<last.de>>,\nIhre Bestellung <<order>> über <<price>> wurde an "
        "<<address.de>> versandt.\nMit freundlichen Grüßen\n<<person.de>>",
        "Mein Name ist <<person.de>>, ich wohne in der <<address.de>> und bin unter "
        "<<phone.de>> erreichbar.",
        "Bitte überweisen Sie den Betrag auf das Konto <<iban.de>> (Kontoinhaber: "
        "<<person.de>>).",
        "Ansprechpartner: <<person.de>>, Tel. <<phone.de>>, E-Mail <<email>>",
        "Herr <<last.de>> ist am <<dob.dot>> geboren und hat die Reisepass-Nr. "
        "<<passport.de>>.",
    ],
    'fr': [
        "Bonjour <<first.fr>>,\nje vous confirme le rendez-vous au <<address.fr>>. Mon portable "
        ": <<phone.fr>>.\nCordialement,\n<<person.fr>>",
        "Je m'appelle <<person.fr>>, je suis née le <<dob.eu>> et mon IBAN est <<iban.fr>>.",
        "Madame <<last.fr>>, votre numéro de passeport <<passport.fr>> expire bientôt.",
        "Contact : <<person.fr>> – <<email>> – <<phone.fr>>",
    ],
    'es': [
        "Hola, me llamo <<person.es>> y vivo en <<address.es>>. Mi teléfono es <<phone.any>>.",
        "Estimado <<person.es>>:\nle enviamos la factura <<invoice>> por <<price>>.\n"
        "Atentamente,\n<<person.es>>",
        "Fecha de nacimiento: <<dob.eu>>. Titular de la cuenta <<iban.es>>: <<person.es>>.",
    ],
    'it': [
        "Buongiorno, mi chiamo <<person.it>> e abito in <<address.it>>; cellulare <<phone.any>>.",
        "Gentile <<person.it>>,\nil pagamento con la carta <<card>> è stato rifiutato.\n"
        "Cordiali saluti,\n<<person.it>>",
        "Nato il <<dob.eu>> a Torino, residente in <<address.it>>.",
    ],
    'ja': [
        "私の名前は<<kanji>>です。電話番号は<<phone.any>>、メールは<<email>>です。",
        "<<kanji>>様\nご注文<<order>>の商品を<<address.jp>>へ発送しました。",
        "担当：<<kanji>>さん（内線 <<qty>>）",
        "氏名：<<kanji>>\nフリガナ：<<kana>>\n生年月日：<<dob.ja>>\n住所：<<address.jp>>",
        "<<kana>>さんのパスポート番号は<<passport.jp>>です。",
        "こんにちは、<<person.ja>>と申します。東京支社の者です。",
        "<<kanji>>さん、お疲れ様です。明日の会議は<<date>>に変更になりました。",
        "担当者：<<kanji>>（<<email>>、<<phone.any>>）",
    ],
    'vi': [
        "Xin chào, tôi tên là <<person.vi>>, số điện thoại <<phone.any>>, email <<email>>.",
        "Họ và tên: <<person.vi>>\nNgày sinh: <<dob.eu>>\nĐịa chỉ: <<address.any>>",
        "Anh <<person.vi>> đã chuyển khoản vào tài khoản <<iban>>.",
    ],
    'en': [
        "Hi, I'm <<person.loc>>. My mobile is <<phone.loc>> and I live at <<address.loc>>.",
        "Please update the record for <<person.loc>> (DOB <<dob.any>>): new address "
        "<<address.loc>>.",
        "Thanks to <<person.loc>> and <<person.loc>> for reviewing the patch.",
        "Per our call, <<first.loc>> will courier the contract to <<address.loc>>.",
    ],
}
MIXED = [
    "请帮我把这封邮件翻译成英文：Dear Mr. <<last.en>>, your parcel to <<address.us>> has "
    "shipped.",
    "以下は顧客情報です。Name: <<person.any>>, Email: <<email>>, Phone: <<phone.any>>",
    "Kannst du das ins Englische übersetzen? 'Mein Name ist <<person.de>>, meine Nummer ist "
    "<<phone.de>>.'",
    "客户 <<person.any>> 的 IP 是 <<ip>>，MAC 地址 <<mac>>。",
    "Meeting with <<person.in>> and <<person.ar>> about the Dubai office; call "
    "<<phone.in>>.",
    "<<person.vi>> (Hanoi) and <<person.zh>> (Shanghai) will join; 联系电话 <<phone.cn>>。",
    "Résumé: <<person.ar>>, born <<dob.en>>, <<email>>, passport <<passport.any>>.",
    "Contact: <<kanji>> (<<email>>), Tokyo office.",
    "我叫<<person.zh>>，my email is <<email>>，电话<<phone.cn>>。",
    "Nhờ bạn gửi hợp đồng cho <<person.vi>> qua email <<email>> nhé, thanks!",
]
# Look-alikes: no PII in them at all.
LOOKALIKE = [
    "Order <<order>> (<<qty>> items, <<price>>) ships from warehouse 7; invoice <<invoice>>.",
    "Build <<version>> (commit <<gitsha>>, sha256 <<sha256>>) passed 1,284 tests in 92 s.",
    "Request <<uuid>> took 31 ms on localhost:<<port>> at <<ts>>.",
    "ISBN <<isbn>> — 2nd edition, 512 pages, <<price>>.",
    "Your parcel <<tracking>> will arrive on <<date>>.",
    "Device IMEI <<imei>>, EAN <<ean>>, model <<sku>>.",
    "SWIFT/BIC <<bic>>; reference <<invoice>>; value date <<date>>.",
    "snmpwalk -v2c -c public host <<oid>> returned 42 rows.",
    "The meeting on <<date>> moved to room 4.12; agenda version <<version>>.",
    "Timestamp <<epoch>> corresponds to <<ts>> UTC.",
    "订单号<<order>>，金额<<money_cn>>，发货日期<<date>>。",
    "Rechnung <<invoice>> vom <<date>> über <<price>>, Artikel <<sku>>.",
    "Facture <<invoice>> du <<date>> : <<price>> TTC, colis <<tracking>>.",
    "注文番号<<order>>、合計<<price>>、お届け予定日<<date>>。",
    "md5 <<md5>>  sha1 <<sha1>>  release-<<version>>.tar.gz",
    "Case <<case>>: the <<company>> office in <<city>> is closed until <<date>>.",
    "Weather in <<city>>: 23 °C, wind 14 km/h, humidity 61 %, pressure 1013 hPa.",
    "Lot <<qty>>: 3.5 kg at <<price>> per kg; product code <<sku>>.",
    "Zoom meeting ID 845 2291 0037, passcode 118822; invoice date <<date>>, due <<date>>.",
    "npm i @types/node@18.11.9 && docker pull nginx:1.25.3@sha256:<<sha256>>",
    "Register 0x1A2B3C4D reads 0xFFFF after reset; error code E-<<qty>>-<<qty>>.",
    "Coordinates 48.8584, 2.2945; altitude 330 m; trip <<tracking>>.",
    "Serial number SN<<ean>> replaces part P/N <<qty>>-<<qty>>-<<qty>> in rev <<version>>.",
    "会议时间：<<date>>，地点：三号会议室，会议编号<<case>>。",
    "Chapter 12.3.4 of the manual covers firmware <<version>> and port <<port>>.",
]
LOC_OF = {'en': ['us', 'uk', 'ca'], 'zh': ['cn'], 'de': ['de'], 'fr': ['fr'], 'es': ['es'],
          'it': ['it'], 'ja': ['jp'], 'vi': ['any'], 'in': ['in'], 'ar': ['any']}
PERSON_CULTURE = {'us': 'en', 'uk': 'en', 'ca': 'en', 'cn': 'zh', 'de': 'de', 'fr': 'fr',
                  'es': 'es', 'it': 'it', 'jp': 'ja', 'in': 'in', 'any': 'any'}
PHONE_OK = {'us', 'ca', 'uk', 'de', 'fr', 'in', 'cn'}
ADDR_OK = {'us', 'ca', 'uk', 'de', 'fr', 'es', 'it', 'in', 'cnen', 'jpen', 'any'}
IBAN_OF = {'de': 'de', 'fr': 'fr', 'es': 'es', 'it': 'it', 'uk': 'gb', 'in': None}


def localise(template):
    """Replaces '.loc' with one culture for the whole text: an Indian name with
    an Indian phone and address, a Vietnamese name in an English e-mail."""
    country = pick(['us', 'uk', 'ca', 'de', 'fr', 'es', 'it', 'in', 'cn', 'jp', 'any'])
    culture = PERSON_CULTURE[country]
    if culture == 'any' or rng.random() < 0.35:  # names travel; formats stay
        culture = pick(CULTURES)

    def sub(m):
        slot = m.group(1)
        if slot in ('person', 'first', 'last'):
            return '<<%s.%s>>' % (slot, culture)
        if slot == 'phone':
            return '<<phone.%s>>' % (country if country in PHONE_OK else 'any')
        if slot in ('address', 'envelope'):
            cc = {'cn': 'cnen', 'jp': 'jpen'}.get(country, country)
            return '<<%s.%s>>' % (slot, cc if cc in ADDR_OK else 'any')
        if slot == 'iban':
            cc = IBAN_OF.get(country)
            return '<<iban.%s>>' % cc if cc else '<<iban>>'
        if slot == 'passport':
            return '<<passport.%s>>' % {'uk': 'uk', 'de': 'de', 'fr': 'fr', 'cn': 'cn',
                                        'in': 'in', 'jp': 'jp'}.get(country, 'us')
        return m.group(0)
    return re.sub(r'<<(\w+)\.loc>>', sub, template)


def native_intro():
    lang = pick(sorted(NATIVE))
    return pick(NATIVE[lang])


GROUPS = [('chat', CHAT, 3), ('email', EMAILS, 2), ('ticket', TICKETS, 2), ('form', FORMS, 2),
          ('csv', CSV, 1), ('json', JSON, 2), ('log', LOGS, 2), ('envelope', ENVELOPES, 2),
          ('native', None, 5), ('mixed', MIXED, 2), ('lookalike', LOOKALIKE, 4)]


# --templates fresh: a second template set, written after every rule of the
# round and scored once (README): other phrasings and formats, same values.
FRESH = [
    "@channel heads-up: <<person.loc>> is out today, ping <<first.loc>> instead or call "
    "<<phone.loc>>.",
    "SMS from <<phone.loc>>: hi its <<first.lower>>, can u send the wifi password?",
    "BEGIN:VCARD\nFN:<<person.loc>>\nTEL;TYPE=cell:<<phone.loc>>\nEMAIL:<<email>>\n"
    "ADR:;;<<address.loc>>\nEND:VCARD",
    "Calendar: 1:1 with <<person.loc>> (<<email>>) moved to <<date>>, room 3.14.",
    "Voicemail transcript: \"Hello, this is <<person.loc>> returning your call, my number is "
    "<<phone.loc>>, thanks.\"",
    "| Name | Phone | City |\n|---|---|---|\n| <<person.loc>> | <<phone.loc>> | <<city>> |",
    "INSERT INTO patients (name, dob, phone) VALUES ('<<person.loc>>', '<<dob.iso>>', "
    "'<<phone.loc>>');",
    "payee:\n  name: <<person.loc>>\n  iban: <<iban>>\n  reference: <<invoice>>",
    "<customer><name><<person.loc>></name><card><<card>></card></customer>",
    "Statement line: <<date>> SEPA transfer from <<person.loc>> (<<iban>>) <<price>>",
    "Intake form — patient <<person.loc>>, born <<dob.en>>, SSN <<ssn>>, insurer ref <<case>>.",
    "Shipping label\nTO: <<person.loc>>\n<<envelope.loc>>\nREF <<order>>",
    "git commit -m 'fix login for <<email>>' (reviewed by <<person.loc>>)",
    "Please forward the NDA to <<person.loc>> at <<email>>; the courier address is "
    "<<address.loc>>.",
    "Firewall: allow <<ip>> and <<ip6>> on port <<port>>; deny the rest. Asked by "
    "<<first.loc>>.",
    "Switch port 12 learned <<mac>> at <<ts>>; VLAN 30.",
    "Donations welcome: <<crypto>> (thanks, <<first.loc>>!)",
    "HR note: <<person.loc>> changed her bank account to <<iban.loc>> as of <<date>>.",
    "UK payroll: employee <<person.uk>>, NI <<nino>>, tax code 1257L.",
    "Visa application for <<person.loc>>, passport <<passport.loc>>, date of birth "
    "<<dob.en_us>>.",
    "患者姓名：<<han>>，出生日期：<<dob.zh>>，联系电话：<<phone.cn>>。",
    "快递寄到<<address.cn>>，收件人<<han>>，电话<<phone.cn>>。",
    "身份证号<<cnid>>的持有人<<han>>已完成实名认证。",
    "お問い合わせ：<<kanji>>（<<email>>）電話 <<phone.any>>",
    "〒の欄に<<address.jp>>と記入してください。担当者：<<kanji>>",
    "Sehr geehrter Herr <<last.de>>, Ihr Termin in der <<address.de>> ist am <<date>>.",
    "Merci <<first.fr>> ! Je t'envoie le contrat à <<email>> ce soir.",
    "Querida <<first.es>>, te escribo desde <<address.es>>; llámame al <<phone.any>>.",
    "Ciao <<first.it>>, la fattura <<invoice>> è stata pagata con la carta <<card>>.",
    "Chào <<person.vi>>, mã đơn hàng của bạn là <<order>>.",
    "Kindly share the KYC of <<person.in>> — PAN pending, mobile <<phone.in>>, address "
    "<<address.in>>.",
    "Ticket from <<person.ar>>: cannot log in from <<ip4>>, account <<email>>.",
]
FRESH_LOOKALIKE = [
    "Sprint 42 velocity: 31 points; <<qty>> bugs closed; release <<version>> on <<date>>.",
    "Checksum mismatch: expected <<sha1>>, got <<sha1>>.",
    "Order <<order>> shipped via <<tracking>>, total <<price>>, VAT 19 %.",
    "Listening on port <<port>> (pid <<qty>>), build <<gitsha>>.",
    "ISBN <<isbn>> is out of print; try EAN <<ean>>.",
    "发票号码<<invoice>>，开票日期<<date>>，金额<<money_cn>>。",
    "Commande <<order>> expédiée le <<date>>, suivi <<tracking>>.",
    "Auftrag <<order>>: Lieferung am <<date>>, Artikelnummer <<sku>>.",
    "MIB <<oid>> timed out after 3 retries.",
    "Invoice <<invoice>> for <<company>> is due on <<date>>: <<price>>.",
]


def record(fresh=False):
    if fresh:
        t = pick(FRESH_LOOKALIKE if rng.random() < 0.25 else FRESH)
        return fill(localise(t))
    names = [g for g in GROUPS for _ in range(g[2])]
    _, temps, _ = pick(names)
    if temps is None:
        temps = NATIVE[pick(sorted(NATIVE))]
    t = pick(temps)
    if '<<native_intro>>' in t:
        t = t.replace('<<native_intro>>', native_intro())
    return fill(localise(t))


def write_template_set(templates, lookalikes, typed, look, default_seed, doc, prepare=None):
    """write_set for a generator made of template lists (world6 to world9): a
    look-alike template about one time in five, else a template, filled from
    the typed and look-alike value tables; prepare(template) may rewrite one
    before it is filled (world8's NFD text)."""
    def record():
        t = pick(lookalikes if rng.random() < 0.22 else templates)
        if prepare:
            t = prepare(t)
        return fill(t, typed, look)
    write_set(record, default_seed, doc)


def write_set(record, default_seed, doc):
    """The command line of a held-out set built on these helpers (world4,
    world5): --n records from record() with --seed, as JSON on stdout."""
    ap = argparse.ArgumentParser(description=doc.split('\n')[0])
    ap.add_argument('--n', type=int, default=800)
    ap.add_argument('--seed', type=int, default=default_seed)
    args = ap.parse_args()
    self_test()
    rng.seed(args.seed)
    out = []
    for _ in range(args.n):
        text, spans = record()
        out.append({'full_text': text, 'spans': spans})
    json.dump(out, sys.stdout, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=800)
    ap.add_argument('--seed', type=int, default=101)
    ap.add_argument('--templates', default='main', choices=['main', 'fresh'],
                    help='fresh: the second template set, written after the rules')
    args = ap.parse_args()
    self_test()
    rng.seed(args.seed)
    out = []
    for _ in range(args.n):
        text, spans = record(args.templates == 'fresh')
        out.append({'full_text': text, 'spans': spans})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
