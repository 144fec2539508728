#!/usr/bin/env python3
"""A held-out set for the structured PII types (email, phone, credit_card,
iban, us_ssn, uk_nino, cn_resident_id, passport, ip_address, mac_address,
crypto_address): every way a person writes each value, in English, German,
French, Spanish, Chinese, Hindi-English and Japanese text, in chat, mail,
forms, configs, logs, CSV, JSON and Markdown, next to hard look-alikes of the
same shapes that must stay silent (numbers with a bad check digit or an
impossible range, order/invoice/tracking/serial numbers, UUIDs, hashes,
timestamps and epochs, version and build strings, ISBNs, prices, ports,
dotted version numbers that look like IPv4, OIDs, SSH fingerprints, C++
scopes, dates and ranges that look like phones, creditor references that
pass mod-97, routing numbers, IMEIs, transaction hashes, package@version).

Written before the detector was run on it, from the formats' own rules and
how people write them, not from the scanner's code. Check values come from
the leak suite's check-digit code (tests/leak/values.py), checked against
published vectors before anything is written.

Writes Presidio-style JSON like bench/pii_gen_world.py; each span also has
"fmt", the format it was written in, so misses can be counted by format:

  python3 bench/pii_gen_struct.py [--n 800] [--seed 701] > /tmp/struct.json
  python3 bench/pii_eval.py --only generated --generated /tmp/struct.json --count-all
  python3 bench/pii_gen_struct.py --formats /tmp/struct.json   # recall per format

Stdlib only; the output depends on --seed alone.
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# the world generator's seeded helpers and the leak suite's check digits
from pii_gen_world import checks, digits, n, pick, rng  # noqa: E402

B58 = checks.B58
HEX = '0123456789abcdef'


def hexs(k, alphabet=HEX):
    return ''.join(pick(alphabet) for _ in range(k))


def group(s, sizes, sep):
    out, k = [], 0
    for g in sizes:
        out.append(s[k:k + g])
        k += g
    if k < len(s):
        out.append(s[k:])
    return sep.join(x for x in out if x)


def self_test():
    """Published vectors, so a wrong generator cannot pass for a detector bug."""
    assert checks.eip55('fb6916095ca1df60bb79ce92ce3ea74c37c5d359') == \
        '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'
    assert checks.bech32_segwit('bc', 1, bytes.fromhex(
        '79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798')) == \
        'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'
    assert checks.b58check(bytes.fromhex('00f54a5851e9372b87810a8e60cdd2e7cfd80b6e31')) == \
        '1PMycacnJaSqwwJqjawXBErnLsZ7RkXUAs'
    assert checks.iban_check('DE', '370400440532013000') == '89'
    assert checks.iban_check('FR', '20041010050500013M02606') == '14'
    assert checks.cn_id_check('11010519491231002') == 'X'
    assert checks.luhn_complete('37828224631000') == '378282246310005'
    assert mod97('RF', '539007547034') == 18


def mod97(cc, body):
    num = ''.join(str(int(c, 36)) for c in body + cc + '00')
    return 98 - int(num) % 97


# ---- phones -------------------------------------------------------------------------
def nxx():
    while True:
        v = '%d%02d' % (n(2, 9), n(0, 99))
        if v[1:] != '11':
            return v


def ext(lang):
    k = n(2, 4)
    e = digits(k).lstrip('0') or '7'
    return pick({'en': [' ext. ' + e, ' x' + e, ' ext ' + e, ', ext. ' + e, ' x ' + e],
                 'de': [' Durchwahl ' + e, ' App. ' + e, ' ext. ' + e],
                 'fr': [' poste ' + e, ' ext. ' + e],
                 'es': [' ext. ' + e, ' ext ' + e],
                 'zh': ['转' + e, ' 转 ' + e, ' 分机' + e, '-' + e, '分机号' + e],
                 'hi': [' ext ' + e, ' extn. ' + e],
                 'ja': [' 内線' + e]}[lang])


def phone_us():
    a, b, c = nxx(), nxx(), digits(4)
    if rng.random() < 0.08:
        a = pick(['800', '888', '877', '866'])
    return pick([('(%s) %s-%s' % (a, b, c), 'us_paren'), ('%s-%s-%s' % (a, b, c), 'us_dash'),
                 ('%s.%s.%s' % (a, b, c), 'us_dot'), ('%s/%s-%s' % (a, b, c), 'us_slash'),
                 ('%s %s %s' % (a, b, c), 'us_space'), ('+1 %s %s %s' % (a, b, c), 'us_e164_sp'),
                 ('+1 (%s) %s-%s' % (a, b, c), 'us_e164_paren'),
                 ('+1.%s.%s.%s' % (a, b, c), 'us_e164_dot'), ('1-%s-%s-%s' % (a, b, c), 'us_1dash'),
                 ('+1%s%s%s' % (a, b, c), 'us_e164'), ('001 %s %s %s' % (a, b, c), 'us_001'),
                 ('1 (%s) %s %s' % (a, b, c), 'us_1paren')])


def phone_uk():
    mob = '7' + pick(['400', '500', '700', '800', '900', '950', '123', '387']) + digits(6)
    lon = '20' + pick('378') + digits(7)
    f = rng.random()
    if f < 0.45:
        m = mob
        return pick([('0%s %s' % (m[:4], m[4:]), 'uk_mob'), ('0' + m, 'uk_mob_bare'),
                     ('0%s %s %s' % (m[:4], m[4:7], m[7:]), 'uk_mob_3'),
                     ('+44 %s %s' % (m[:4], m[4:]), 'uk_mob_e164'),
                     ('+44 (0)%s %s' % (m[:4], m[4:]), 'uk_mob_e164_0'),
                     ('+44%s' % m, 'uk_mob_e164_bare'), ('0044 %s %s' % (m[:4], m[4:]), 'uk_0044')])
    if f < 0.75:
        m = lon
        return pick([('(020) %s %s' % (m[2:6], m[6:]), 'uk_lon_paren'),
                     ('020 %s %s' % (m[2:6], m[6:]), 'uk_lon'),
                     ('+44 20 %s %s' % (m[2:6], m[6:]), 'uk_lon_e164'),
                     ('+44 (0)20 %s %s' % (m[2:6], m[6:]), 'uk_lon_e164_0'),
                     ('020-%s-%s' % (m[2:6], m[6:]), 'uk_lon_dash')])
    if rng.random() < 0.3:  # five-digit area code, six-digit number
        a, rest = pick(['01632', '01223', '01865', '01904']), digits(6)
        return pick([('%s %s' % (a, rest), 'uk_geo5'), ('(%s) %s' % (a, rest), 'uk_geo5_paren'),
                     ('+44 %s %s' % (a[1:], rest), 'uk_geo5_e164')])
    a, rest = pick(['0161', '0113', '0121', '0131', '0141', '0117']), digits(7)
    return pick([('%s %s %s' % (a, rest[:3], rest[3:]), 'uk_geo'),
                 ('(%s) %s %s' % (a, rest[:3], rest[3:]), 'uk_geo_paren'),
                 ('+44 %s %s %s' % (a[1:], rest[:3], rest[3:]), 'uk_geo_e164'),
                 ('%s %s' % (a, rest), 'uk_geo_2')])


def phone_de():
    city = pick(['30', '40', '89', '221', '69', '711', '211', '351', '341', '511', '6221'])
    mob = pick(['151', '152', '157', '160', '162', '170', '171', '172', '175', '176', '1512'])
    sub = digits(11 - len(city) - 1) if rng.random() < 0.6 else digits(n(6, 8))
    msub = digits(7 if len(mob) == 3 else 7)
    return pick([('0%s/%s' % (city, sub), 'de_slash'), ('0%s %s' % (city, sub), 'de_space'),
                 ('0%s %s %s' % (city, sub[:len(sub) // 2], sub[len(sub) // 2:]), 'de_split'),
                 ('(0%s) %s' % (city, group(sub, [2, 2, 2, 2] if len(sub) % 2 == 0 else
                                            [3, 2, 2, 2], ' ')), 'de_paren_pairs'),
                 ('+49 %s %s' % (city, sub), 'de_e164'), ('+49 (0)%s %s' % (city, sub), 'de_e164_0'),
                 ('+49-%s-%s' % (city, sub), 'de_e164_dash'), ('0049 %s %s' % (city, sub), 'de_0049'),
                 ('0%s-%s' % (city, sub), 'de_dash'), ('0%s %s' % (mob, msub), 'de_mob'),
                 ('0%s/%s %s %s' % (mob, msub[:3], msub[3:5], msub[5:]), 'de_mob_slash'),
                 ('+49 %s %s' % (mob, msub), 'de_mob_e164'),
                 ('0%s / %s' % (city, group(sub, [2, 2, 2, 2] if len(sub) % 2 == 0 else
                                            [3, 2, 2, 2], ' ')), 'de_slash_sp'),
                 ('0%s %s-%s' % (city, sub[:-2], sub[-2:]), 'de_din_ext'),
                 ('+49 %s %s-0' % (city, sub[:-2]), 'de_din_0')])


def phone_fr():
    first = pick('1234567') if rng.random() < 0.5 else pick('67')
    rest = digits(8)
    pairs = [rest[i:i + 2] for i in range(0, 8, 2)]
    return pick([('0%s %s' % (first, ' '.join(pairs)), 'fr_space'),
                 ('0%s.%s' % (first, '.'.join(pairs)), 'fr_dot'),
                 ('0%s-%s' % (first, '-'.join(pairs)), 'fr_dash'),
                 ('0%s%s' % (first, rest), 'fr_bare'),
                 ('+33 %s %s' % (first, ' '.join(pairs)), 'fr_e164'),
                 ('+33 (0)%s %s' % (first, ' '.join(pairs)), 'fr_e164_0'),
                 ('+33%s%s' % (first, rest), 'fr_e164_bare'),
                 ('0033 %s %s' % (first, ' '.join(pairs)), 'fr_0033'),
                 ('+33 (0) %s %s' % (first, ' '.join(pairs)), 'fr_e164_0sp')])


def phone_in():
    mob = pick('6789') + digits(9)
    f = rng.random()
    if f < 0.6:
        m = mob
        return pick([('+91 %s %s' % (m[:5], m[5:]), 'in_mob_e164'),
                     ('+91-%s-%s' % (m[:5], m[5:]), 'in_mob_dash'),
                     ('+91 %s' % m, 'in_mob_e164_sp'), ('+91%s' % m, 'in_mob_e164_bare'),
                     ('0%s %s' % (m[:5], m[5:]), 'in_mob_0'), ('0%s' % m, 'in_mob_0_bare'),
                     ('%s %s' % (m[:5], m[5:]), 'in_mob_split'), (m, 'in_mob_bare'),
                     ('+91-%s' % m, 'in_mob_dash_bare'), ('(+91) %s %s' % (m[:5], m[5:]),
                                                          'in_mob_paren')])
    if f < 0.9:
        std = pick(['22', '11', '80', '33', '44', '40', '20', '484', '172', '141', '522'])
        sub = digits(10 - len(std))
        return pick([('0%s %s' % (std, group(sub, [4], ' ')), 'in_land'),
                     ('0%s-%s' % (std, sub), 'in_land_dash'),
                     ('(0%s) %s' % (std, group(sub, [4], ' ')), 'in_land_paren'),
                     ('+91 %s %s' % (std, group(sub, [4], ' ')), 'in_land_e164'),
                     ('0%s-%s' % (std, group(sub, [4], '-')), 'in_land_dashes'),
                     ('+91-%s-%s' % (std, sub), 'in_land_e164_dash')])
    t = digits(7)
    return pick([('1800 %s %s' % (t[:3], t[3:]), 'in_tollfree'),
                 ('1800-%s-%s' % (t[:3], t[3:]), 'in_tollfree_dash')])


CN_MOB = ['13%d' % i for i in range(10)] + ['145', '147', '150', '151', '152', '153', '155',
                                            '156', '157', '158', '159', '166', '170', '173',
                                            '176', '177', '178', '180', '181', '182', '185',
                                            '186', '187', '188', '189', '191', '198', '199']


def phone_cn():
    f = rng.random()
    if f < 0.55:
        p, a, b = pick(CN_MOB), digits(4), digits(4)
        return pick([('%s-%s-%s' % (p, a, b), 'cn_mob_dash'), ('%s %s %s' % (p, a, b), 'cn_mob_sp'),
                     ('%s%s%s' % (p, a, b), 'cn_mob_bare'),
                     ('+86 %s %s %s' % (p, a, b), 'cn_mob_e164'),
                     ('+86-%s%s%s' % (p, a, b), 'cn_mob_e164_dash'),
                     ('+86 %s%s%s' % (p, a, b), 'cn_mob_e164_sp'),
                     ('0086 %s %s %s' % (p, a, b), 'cn_0086'),
                     ('(+86) %s-%s-%s' % (p, a, b), 'cn_mob_paren'),
                     ('+8613%s' % digits(9), 'cn_mob_e164_bare')])
    if f < 0.9:
        area = pick(['10', '21', '20', '755', '571', '28', '27', '25', '512', '531', '23'])
        sub = digits(8 if len(area) == 2 else pick([7, 8]))
        return pick([('0%s-%s' % (area, sub), 'cn_land_dash'),
                     ('0%s-%s %s' % (area, sub[:4], sub[4:]), 'cn_land_dash_sp'),
                     ('(0%s) %s' % (area, sub), 'cn_land_paren'),
                     ('(0%s)%s' % (area, sub), 'cn_land_paren_tight'),
                     ('+86 %s %s %s' % (area, sub[:4], sub[4:]), 'cn_land_e164'),
                     ('+86-%s-%s' % (area, sub), 'cn_land_e164_dash'),
                     ('0%s %s' % (area, sub), 'cn_land_sp'),
                     ('（0%s）%s' % (area, sub), 'cn_land_fullwidth_paren')])
    t = digits(7)
    return pick([('400-%s-%s' % (t[:3], t[3:]), 'cn_400'), ('400 %s %s' % (t[:3], t[3:]),
                                                             'cn_400_sp')])


def phone_ja():
    return pick([('090-%s-%s' % (digits(4), digits(4)), 'jp_mob'),
                 ('080-%s-%s' % (digits(4), digits(4)), 'jp_mob'),
                 ('03-%s-%s' % (digits(4), digits(4)), 'jp_tokyo'),
                 ('+81 90 %s %s' % (digits(4), digits(4)), 'jp_e164'),
                 ('06-%s-%s' % (digits(4), digits(4)), 'jp_osaka')])


def phone_es():
    return pick([('+34 6%s %s %s' % (digits(2), digits(3), digits(3)), 'es_e164'),
                 ('6%s %s %s' % (digits(2), digits(3), digits(3)), 'es_mob'),
                 ('91 %s %s %s' % (digits(3), digits(2), digits(2)), 'es_madrid'),
                 ('+34 93 %s %s %s' % (digits(3), digits(2), digits(2)), 'es_bcn_e164')])


PHONES = {'us': phone_us, 'uk': phone_uk, 'de': phone_de, 'fr': phone_fr, 'in': phone_in,
          'cn': phone_cn, 'ja': phone_ja, 'es': phone_es}
LANG_PHONE = {'en': ['us', 'us', 'uk', 'in'], 'de': ['de', 'de', 'de', 'uk'],
              'fr': ['fr', 'fr', 'fr', 'us'], 'es': ['es', 'us', 'fr'],
              'zh': ['cn', 'cn', 'cn', 'us'], 'hi': ['in', 'in', 'in', 'uk'],
              'ja': ['ja', 'ja', 'us', 'cn']}


def phone(lang, var=None):
    if var == 'tel':  # RFC 3966 global number
        return '+1-%s-%s-%s' % (nxx(), nxx(), digits(4)), 'us_tel_uri'
    cc = var if var in PHONES else pick(LANG_PHONE[lang])
    v, f = PHONES[cc]()
    if 'mob' not in f and (var == 'ext' or (var is None and rng.random() < 0.12
                                             and not f.endswith('bare'))):
        elang = {'us': 'en', 'uk': 'en', 'de': 'de', 'fr': 'fr', 'in': 'hi', 'cn': 'zh',
                 'ja': 'ja', 'es': 'es'}[cc]
        v, f = v + ext(elang), f + '+ext'
    return v, f


# ---- cards, IBANs, national ids ----------------------------------------------------------
CARD = [('visa', '4', 16, 5), ('mc', lambda: str(n(51, 55)), 16, 4),
        ('mc2', lambda: str(n(2221, 2720)), 16, 2), ('amex', lambda: pick(['34', '37']), 15, 3),
        ('discover', lambda: pick(['6011', '65', str(n(644, 649))]), 16, 2),
        ('jcb', lambda: str(n(3528, 3589)), 16, 2), ('diners', lambda: pick(['36', '38']), 14, 1),
        ('unionpay', lambda: '62' + pick(['22', '28', '12', '35']), 16, 2),
        ('unionpay19', lambda: '62' + pick(['14', '58']), 19, 1),
        ('rupay', lambda: pick(['6521', '6522', '608']), 16, 1), ('mir', lambda: '220' +
                                                                    str(n(0, 4)), 16, 1)]


def card_number():
    kinds = [c for c in CARD for _ in range(c[3])]
    name, pre, length, _ = pick(kinds)
    pre = pre() if callable(pre) else pre
    return checks.luhn_complete(pre + digits(length - 1 - len(pre))), name


def card(lang, var=None):
    num, name = card_number()
    L = len(num)
    sizes = {15: [4, 6, 5], 14: [4, 6, 4], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3]}[L]
    style = pick(['space', 'space', 'dash', 'bare', 'space'])
    if style == 'bare':
        return num, name + '_bare'
    if L == 19 and rng.random() < 0.4:
        sizes = [6, 13]
    return group(num, sizes, ' ' if style == 'space' else '-'), name + '_' + style


# country: (total length, BBAN pattern: n digit, a capital, c alphanumeric capital)
IBAN = {'AD': '8n12c', 'AE': '3n16n', 'AL': '8n16c', 'AT': '16n', 'AZ': '4a20c',
        'BA': '16n', 'BE': '12n', 'BG': '4a6n8c', 'BH': '4a14c', 'BR': '23n1a1c', 'CH': '5n12c',
        'CR': '18n', 'CY': '8n16c', 'CZ': '20n', 'DE': '18n', 'DK': '14n', 'DO': '4c20n',
        'EE': '16n', 'EG': '25n', 'ES': '20n', 'FI': '14n', 'FO': '14n', 'FR': '10n11c2n',
        'GB': '4a14n', 'GE': '2a16n', 'GI': '4a15c', 'GL': '14n', 'GR': '7n16c', 'GT': '4c20c',
        'HR': '17n', 'HU': '24n', 'IE': '4a14n', 'IL': '19n', 'IQ': '4a15n', 'IS': '22n',
        'IT': '1a10n12c', 'JO': '4a4n18c', 'KW': '4a22c', 'KZ': '3n13c', 'LB': '4n20c',
        'LI': '5n12c', 'LT': '16n', 'LU': '3n13c', 'LV': '4a13c', 'MC': '10n11c2n', 'MD': '20c',
        'ME': '18n', 'MK': '3n10c2n', 'MR': '23n', 'MT': '4a5n18c', 'MU': '4a19n3a',
        'NL': '4a10n', 'NO': '11n', 'PK': '4a16c', 'PL': '24n', 'PS': '4a21c', 'PT': '21n',
        'QA': '4a21c', 'RO': '4a16c', 'RS': '18n', 'SA': '2n18c', 'SE': '20n', 'SI': '15n',
        'SK': '20n', 'SM': '1a10n12c', 'TN': '20n', 'TR': '5n1n16c', 'UA': '6n19c', 'VA': '18n',
        'VG': '4a16n', 'XK': '16n'}
IBAN_LANG = {'de': ['DE', 'AT', 'CH', 'LI'], 'fr': ['FR', 'BE', 'LU', 'MC', 'CH'],
             'es': ['ES', 'PT', 'AD'], 'en': ['GB', 'IE', 'MT', 'NL', 'AE'],
             'zh': ['DE', 'GB', 'FR', 'HK'], 'hi': ['GB', 'AE', 'SA', 'QA'],
             'ja': ['DE', 'FR', 'GB']}
ALPHA = {'n': '0123456789', 'a': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
         'c': '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'}


def bban(cc):
    return ''.join(pick(ALPHA[k]) for cnt, k in re.findall(r'(\d+)([nac])', IBAN[cc])
                   for _ in range(int(cnt)))


def iban_raw(cc):
    b = bban(cc)
    return cc + checks.iban_check(cc, b) + b


def iban(lang, var=None):
    choices = [c for c in IBAN_LANG[lang] if c in IBAN]
    cc = pick(choices) if rng.random() < 0.5 else pick(sorted(IBAN))
    s = iban_raw(cc)
    style = pick(['grouped', 'grouped', 'bare', 'grouped_lower' if rng.random() < 0.1 else
                  'bare'])
    if style == 'bare':
        return s, 'iban_' + cc + '_bare'
    g = ' '.join(s[i:i + 4] for i in range(0, len(s), 4))
    return (g.lower() if style == 'grouped_lower' else g), 'iban_' + cc + '_' + style


def ssn(lang, var=None):
    while True:
        a = n(1, 899)
        if a != 666:
            break
    g, s = n(1, 99), n(1, 9999)
    sep = pick(['-', '-', '-', ' ', '', '.'])
    return '%03d%s%02d%s%04d' % (a, sep, g, sep, s), 'ssn_' + {'-': 'dash', ' ': 'space',
                                                                '': 'bare', '.': 'dot'}[sep]


NINO_1 = 'ABCEGHJKLMNOPRSTWXYZ'
NINO_2 = 'ABCEGHJKLMNPRSTWXYZ'


def nino(lang, var=None):
    while True:
        p = pick(NINO_1) + pick(NINO_2)
        if p not in ('BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'):
            break
    d, suf = digits(6), pick('ABCD')
    return pick([('%s %s %s %s %s' % (p, d[:2], d[2:4], d[4:], suf), 'nino_spaced'),
                 ('%s %s %s %s %s' % (p, d[:2], d[2:4], d[4:], suf), 'nino_spaced'),
                 (p + d + suf, 'nino_bare'), (p + d + suf, 'nino_bare'),
                 ('%s%s %s' % (p, d, suf), 'nino_suffix_sp'),
                 ('%s-%s-%s-%s-%s' % (p, d[:2], d[2:4], d[4:], suf), 'nino_dash'),
                 ((p + d + suf).lower(), 'nino_lower')])


CN_REGION = ['110108', '310112', '440304', '330102', '510104', '420111', '320106', '370102',
             '610104', '500105', '120104', '350203', '210202', '430104', '130102', '410105']


def cn_body():
    y, m = n(1945, 2008), n(1, 12)
    d = n(1, 28)
    return '%s%04d%02d%02d%s' % (pick(CN_REGION), y, m, d, digits(3))


def cn_id(lang, var=None):
    while True:
        body = cn_body()
        c = checks.cn_id_check(body)
        if c == 'X' or rng.random() < 0.85:
            break
    v = body + c
    if rng.random() < 0.15:
        return '%s %s %s' % (v[:6], v[6:14], v[14:]), 'cnid_spaced'
    if c == 'X' and rng.random() < 0.3:
        return v[:-1] + 'x', 'cnid_lower_x'
    return v, 'cnid_X' if c == 'X' else 'cnid'


def passport(lang, var=None):
    cc = var or pick({'en': ['us', 'uk', 'ca', 'au'], 'de': ['de', 'de', 'ch'],
                      'fr': ['fr', 'fr', 'ca'], 'es': ['es', 'mx', 'es'], 'zh': ['cn', 'cn', 'hk'],
                      'hi': ['in', 'in'], 'ja': ['jp', 'jp']}[lang])
    up = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    v = {'us': lambda: pick([digits(9), pick('ACEFGHJKLMNPRSTUVWXZ') + digits(8)]),
         'uk': lambda: digits(9),
         'ca': lambda: pick(up) + pick(up) + digits(6),
         'au': lambda: pick('NEPMRL') + pick([digits(7), pick(up) + digits(7)]),
         'de': lambda: pick('CFGHJK') + ''.join(pick('CFGHJKLMNPRTVWXYZ0123456789')
                                                for _ in range(8)),
         'ch': lambda: pick('XSG') + digits(7),
         'fr': lambda: digits(2) + pick(up) + pick(up) + digits(5),
         'es': lambda: ''.join(pick(up) for _ in range(3)) + digits(6),
         'mx': lambda: pick(up) + digits(8) if rng.random() < 0.5 else 'G' + digits(8),
         'cn': lambda: pick(['E', 'G']) + digits(8) if rng.random() < 0.5 else
         pick(['EA', 'EB', 'EC', 'ED', 'EE']) + digits(7),
         'hk': lambda: 'K' + digits(8),
         'in': lambda: pick('JKLMNPRSTUVWXYZ') + digits(7),
         'jp': lambda: pick(['TK', 'TR', 'TZ', 'MU', 'AZ', 'RZ']) + digits(7)}[cc]()
    return v, 'passport_' + cc


# ---- network and crypto ----------------------------------------------------------------
def ipv4_public():
    while True:
        a = n(1, 223)
        if a not in (10, 127, 169, 172, 192, 0, 100):
            return '%d.%d.%d.%d' % (a, n(0, 255), n(0, 255), n(1, 254))


def ipv4_any():
    return pick([ipv4_public, ipv4_public, lambda: '10.%d.%d.%d' % (n(0, 255), n(0, 255),
                                                                    n(1, 254)),
                 lambda: '192.168.%d.%d' % (n(0, 255), n(1, 254)),
                 lambda: '172.%d.%d.%d' % (n(16, 31), n(0, 255), n(1, 254))])()


def v6_groups():
    return ['%x' % rng.randrange(65536) for _ in range(8)]


def ipv6_value():
    g = v6_groups()
    f = n(0, 9)
    if f == 0:
        return ':'.join(g), 'v6_full'
    if f == 1:
        return ':'.join('%04X' % int(x, 16) for x in g), 'v6_full_upper'
    if f in (2, 3):
        k = n(2, 5)
        head = pick([['2001', 'db8'], ['2a01', '%x' % rng.randrange(4096, 65536)],
                     ['2606', '4700'], ['240e', '%x' % rng.randrange(65536)]])
        tail = g[8 - n(1, 2):]
        return ':'.join(head + g[2:max(2, 8 - k - len(tail))]) + '::' + ':'.join(tail), \
            'v6_compressed'
    if f == 4:
        return '::ffff:' + ipv4_public(), 'v6_mapped'
    if f == 5:
        return '64:ff9b::' + ipv4_public(), 'v6_nat64'
    if f == 6:
        return 'fe80::%x:%x:%x:%x%%%s' % (rng.randrange(65536), rng.randrange(65536),
                                          rng.randrange(65536), rng.randrange(65536),
                                          pick(['eth0', 'en0', 'wlan0', '12', 'ens3'])), 'v6_zone'
    if f == 7:
        return '2001:db8::%x' % rng.randrange(1, 65536), 'v6_short'
    if f == 8:
        return ('%s:%s::%s' % (pick(['2a02', '2400', '2804']), g[1], g[7])).upper(), \
            'v6_compressed_upper'
    return '2001:db8:%x:%x::%x' % (rng.randrange(65536), rng.randrange(65536),
                                   rng.randrange(1, 65536)), 'v6_compressed_mid'


def ip(lang, var=None):
    if var == '4' or (var is None and rng.random() < 0.5):
        return ipv4_any(), 'v4'
    return ipv6_value()


def mac(lang, var=None):
    b = ['%02x' % rng.randrange(256) for _ in range(6)]
    h = ''.join(b)
    return pick([(':'.join(b), 'mac_colon'), (':'.join(b).upper(), 'mac_colon_upper'),
                 ('-'.join(b).upper(), 'mac_dash'), ('-'.join(b), 'mac_dash_lower'),
                 ('%s.%s.%s' % (h[:4], h[4:8], h[8:]), 'mac_cisco'),
                 ('%s.%s.%s' % (h[:4], h[4:8], h[8:]), 'mac_cisco')])


def crypto(lang, var=None):
    k = n(0, 7)
    if k == 0:
        return checks.b58check(b'\0' + rng.randbytes(20)), 'btc_p2pkh'
    if k == 1:
        return checks.b58check(b'\5' + rng.randbytes(20)), 'btc_p2sh'
    if k == 2:
        return checks.bech32_segwit('bc', 0, rng.randbytes(20)), 'btc_p2wpkh'
    if k == 3:
        return checks.bech32_segwit('bc', 0, rng.randbytes(32)), 'btc_p2wsh'
    if k == 4:
        return checks.bech32_segwit('bc', 1, rng.randbytes(32)), 'btc_taproot'
    h = rng.randbytes(20).hex()
    if k == 7:
        return '0x' + h, 'eth_lower'
    return checks.eip55(h), 'eth_eip55'


# ---- e-mail -----------------------------------------------------------------------
LOCALS = ['anna.keller', 'j.dupont', 'mlopez', 'wang.lei', 'priya.sharma', 'takeshi_k',
          'ops-team', 'h.schmidt', 'claire.martin', 'rahul1987', 'li.na', 'dev+ci', 'kenji.sato',
          'sofia.garcia', 'tom_b', 'a.okafor', 'zhangwei88', 'marie-claire', 'vikram.n',
          'yuki.tanaka', 'leon.weber', 'carmen.ruiz', 'oliver.j', 'amit.k']
UNI_LOCALS = ['jürgen', 'josé.garcía', 'françois', 'müller.k', '用户', '王伟', 'δοκιμή',
              'søren']
DOMAINS = ['gmail.com', 'web.de', 'gmx.net', 'orange.fr', 'free.fr', 'telefonica.es',
           'qq.com', '163.com', 'foxmail.com', 'yahoo.co.in', 'rediffmail.com', 'docomo.ne.jp',
           'mail.research.uni-bonn.de', 'eu.corp.siemens-energy.com', 'cs.tsinghua.edu.cn',
           'students.iitb.ac.in', 'nhs.net', 'dept.example.co.uk', 'inbox.lv', 'proton.me',
           'icloud.com', 'outlook.fr', 'hotmail.es', 'softbank.ne.jp', 'sina.com.cn',
           'company.photography', 'studio-berlin.berlin']
IDN = ['müller-bäckerei.de', 'bücher.example', 'correo.españa.es', '例子.中国', '公司.cn',
       'xn--mller-kva.de', 'exämple.fr']


def email(lang, var=None):
    f = rng.random()
    if f < 0.08:
        return '%s@%s' % (pick(UNI_LOCALS), pick(IDN + DOMAINS[:6])), 'email_unicode'
    if f < 0.14:
        return '%s@%s' % (pick(LOCALS).split('+')[0], pick(IDN)), 'email_idn'
    local, dom, fmt = pick(LOCALS), pick(DOMAINS), 'email'
    if f < 0.3:
        local = local.split('+')[0] + '+' + pick(['newsletter', 'shop', 'github', 'tax2024',
                                                   'spam', 'work'])
        fmt = 'email_plus'
    elif f < 0.36:
        local, dom, fmt = local.title(), dom.upper(), 'email_caps'
    if dom.count('.') >= 2 and not re.search(r'\.(co|ac|ne|com)\.[a-z]+$', dom, re.I):
        fmt += '_subdomain'
    return '%s@%s' % (local, dom), fmt


TYPED = {'email': ('email', 'EMAIL_ADDRESS', email), 'phone': ('phone', 'PHONE_NUMBER', phone),
         'card': ('credit_card', 'CREDIT_CARD', card), 'iban': ('iban', 'IBAN_CODE', iban),
         'ssn': ('us_ssn', 'US_SSN', ssn), 'nino': ('uk_nino', 'UK_NINO', nino),
         'cnid': ('cn_resident_id', 'CN_RESIDENT_ID', cn_id),
         'passport': ('passport', 'PASSPORT', passport), 'ip': ('ip_address', 'IP_ADDRESS', ip),
         'mac': ('mac_address', 'MAC_ADDRESS', mac),
         'crypto': ('crypto_address', 'CRYPTO', crypto)}


# ---- look-alikes: same shapes, must not fire ------------------------------------------------
def bad_luhn():
    num, _ = card_number()
    last = (int(num[-1]) + n(1, 9)) % 10
    num = num[:-1] + str(last)
    return group(num, [4, 4, 4, 4] if len(num) == 16 else [4, 6, 5], pick([' ', '-', '']))


def bad_iban():
    s = iban_raw(pick(['DE', 'FR', 'GB', 'ES', 'IT', 'NL', 'CH', 'PL']))
    chk = (int(s[2:4]) + n(1, 50)) % 97 + 2
    s = s[:2] + '%02d' % chk + s[4:]
    return ' '.join(s[i:i + 4] for i in range(0, len(s), 4)) if rng.random() < 0.5 else s


def creditor_ref():
    body = digits(n(8, 14))
    return 'RF%02d %s' % (mod97('RF', body), group(body, [4, 4, 4, 4], ' '))


def bad_ssn():
    a, g, s = pick([(0, n(1, 99), n(1, 9999)), (666, n(1, 99), n(1, 9999)),
                    (n(900, 999), n(1, 99), n(1, 9999)), (n(1, 899), 0, n(1, 9999)),
                    (n(1, 665), n(1, 99), 0)])
    return '%03d-%02d-%04d' % (a, g, s)


def bad_nino():
    p = pick(['D', 'F', 'I', 'Q', 'U', 'V']) + pick(NINO_2)
    if rng.random() < 0.3:
        p = pick(['BG', 'GB', 'NK', 'TN', 'ZZ'])
    return '%s %s %s %s %s' % (p, digits(2), digits(2), digits(2), pick('ABCD'))


def bad_cnid():
    body = cn_body()
    good = checks.cn_id_check(body)
    return body + pick([c for c in '0123456789X' if c != good])


def bad_btc():
    s = checks.b58check(b'\0' + rng.randbytes(20))
    i = n(5, len(s) - 2)
    return s[:i] + pick([c for c in B58 if c != s[i]]) + s[i + 1:]


def bad_bech32():
    s = checks.bech32_segwit('bc', 0, rng.randbytes(20))
    i = n(6, len(s) - 2)
    return s[:i] + pick([c for c in checks.BECH32 if c != s[i]]) + s[i + 1:]


def uuid():
    return '%s-%s-4%s-%s-%s' % (hexs(8), hexs(4), hexs(3), pick('89ab') + hexs(3), hexs(12))


def isbn13():
    d = [9, 7, pick([8, 9])] + [rng.randrange(10) for _ in range(9)]
    c = (10 - sum(v * (3 if i % 2 else 1) for i, v in enumerate(d)) % 10) % 10
    s = ''.join(map(str, d + [c]))
    return pick(['%s-%s-%s-%s-%s' % (s[:3], s[3], s[4:8], s[8:12], s[12]), s])


def isbn10():
    d = [rng.randrange(10) for _ in range(9)]
    c = (11 - sum((10 - i) * v for i, v in enumerate(d)) % 11) % 11
    s = ''.join(map(str, d)) + ('X' if c == 10 else str(c))
    return pick(['%s-%s-%s-%s' % (s[0], s[1:4], s[4:9], s[9]), s])


def imei():
    return checks.luhn_complete(pick(['35', '86', '01', '49']) + digits(12))


def routing():
    """An ABA routing number (nine digits, like an SSN) with its check digit."""
    d = pick('0123') + digits(7)
    c = (10 - sum(int(x) * y for x, y in zip(d, [3, 7, 1, 3, 7, 1, 3, 7])) % 10) % 10
    return d + str(c)


def ean13():
    d = [pick([4, 5, 8, 9])] + [rng.randrange(10) for _ in range(11)]
    c = (10 - sum(v * (3 if i % 2 else 1) for i, v in enumerate(d)) % 10) % 10
    return ''.join(map(str, d + [c]))


def fingerprint(k):
    return ':'.join('%02x' % rng.randrange(256) for _ in range(k))


def ts():
    return pick(['2024-%02d-%02dT%02d:%02d:%02d.%03dZ' % (n(1, 12), n(1, 28), n(0, 23),
                                                         n(0, 59), n(0, 59), n(0, 999)),
                 '%04d-%02d-%02d %02d:%02d:%02d' % (n(2015, 2025), n(1, 12), n(1, 28), n(0, 23),
                                                   n(0, 59), n(0, 59)),
                 '%02d/%02d/%04d %02d:%02d' % (n(1, 12), n(1, 28), n(2018, 2025), n(0, 23),
                                              n(0, 59)),
                 '%04d%02d%02d%02d%02d%02d' % (n(2018, 2025), n(1, 12), n(1, 28), n(0, 23),
                                               n(0, 59), n(0, 59)),
                 '%02d.%02d.%04d, %02d:%02d Uhr' % (n(1, 28), n(1, 12), n(2018, 2025), n(0, 23),
                                                   n(0, 59))])


LOOK = {
    'bad_luhn': bad_luhn, 'bad_iban': bad_iban, 'rf': creditor_ref, 'bad_ssn': bad_ssn,
    'bad_nino': bad_nino, 'bad_cnid': bad_cnid, 'bad_btc': bad_btc, 'bad_bech32': bad_bech32,
    'uuid': uuid, 'guid': lambda: '{%s}' % uuid().upper(),
    'git': lambda: hexs(pick([7, 8, 12])), 'sha1': lambda: hexs(40), 'sha256': lambda: hexs(64),
    'md5': lambda: hexs(32), 'txhash': lambda: '0x' + hexs(64),
    'ipfs': lambda: 'Qm' + ''.join(pick(B58) for _ in range(44)),
    'ts': ts, 'epoch': lambda: str(n(1500000000, 1790000000)),
    'epoch_ms': lambda: str(n(1500000000000, 1790000000000)),
    'semver': lambda: pick(['%d.%d.%d' % (n(0, 9), n(0, 30), n(0, 60)),
                            'v%d.%d.%d-beta.%d' % (n(0, 5), n(0, 20), n(0, 9), n(1, 9)),
                            '%d.%d.%d+build.%d' % (n(1, 4), n(0, 20), n(0, 9), n(100, 99999)),
                            '%d.%d.%d-rc%d' % (n(1, 9), n(0, 9), n(0, 9), n(1, 4))]),
    'ver4': lambda: '%d.%d.%d.%d' % (n(1, 30), n(0, 9), n(0, 9999), n(0, 255)),
    'chrome': lambda: '%d.0.%d.%d' % (n(100, 130), n(5000, 6999), n(10, 250)),
    'winbuild': lambda: '10.0.%d.%d' % (pick([19045, 22621, 22631, 17763]), n(100, 4999)),
    'oid': lambda: pick(['1.3.6.1.4.1.%d.%d.%d' % (n(1, 60000), n(1, 20), n(1, 99)),
                         '1.2.840.113549.1.%d.%d' % (n(1, 9), n(1, 14)),
                         '2.5.4.%d' % n(3, 50)]),
    'bad_ip': lambda: '%d.%d.%d.%d' % (n(256, 999), n(0, 255), n(0, 255), n(0, 255)),
    'isbn13': isbn13, 'isbn10': isbn10,
    'price': lambda: pick(['$%d,%03d.%02d' % (n(1, 99), n(0, 999), n(0, 99)),
                           '€%d.%03d,%02d' % (n(1, 99), n(0, 999), n(0, 99)),
                           '%d %03d,%02d €' % (n(1, 999), n(0, 999), n(0, 99)),
                           '¥%d,%03d' % (n(1, 999), n(0, 999)),
                           'Rs. %d,%02d,%03d' % (n(1, 99), n(0, 99), n(0, 999)),
                           '₹%d,%03d.%02d' % (n(1, 999), n(0, 999), n(0, 99)),
                           'CHF %d\'%03d.%02d' % (n(1, 99), n(0, 999), n(0, 99))]),
    'port': lambda: str(pick([22, 443, 3306, 5432, 6379, 8080, 8443, 9200, 27017, 50051])),
    'order': lambda: pick(['%03d-%07d-%07d' % (n(100, 999), n(0, 9999999), n(0, 9999999)),
                           'ORD-%d-%06d' % (n(2020, 2025), n(0, 999999)),
                           '#%d' % n(1000000, 99999999), 'SO%08d' % n(0, 99999999),
                           '%d%s' % (n(2020, 2025), digits(14))]),
    'invoice': lambda: pick(['INV-%d-%05d' % (n(2019, 2025), n(1, 99999)),
                             '%d/%05d' % (n(2019, 2025), n(1, 99999)),
                             'FAC-%06d' % n(1, 999999), 'RE-%d-%04d' % (n(2019, 2025),
                                                                         n(1, 9999))]),
    'tracking': lambda: pick(['1Z%s%s' % (hexs(6, 'ABCDEFGHJKLMNPRSTVWXYZ0123456789'),
                                          digits(10)),
                              '9400 %s %s %s %s %s' % (digits(4), digits(4), digits(4),
                                                       digits(4), digits(2)),
                              'SF%s' % digits(13), 'JD%s' % digits(13), 'YT%s' % digits(16),
                              'RR%sDE' % digits(9), digits(12)]),
    'serial': lambda: pick(['C02%s' % hexs(7, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'),
                            'SN %s-%s-%s' % (digits(4), digits(4), digits(4)),
                            '%s%s' % (hexs(2, 'ABCDEFGHJKLMNPRSTUVWXYZ'), digits(10)),
                            'S/N %d-%06d' % (n(2019, 2025), n(0, 999999))]),
    'date': lambda: pick(['%04d-%02d-%02d' % (n(2015, 2026), n(1, 12), n(1, 28)),
                          '%02d.%02d.%04d' % (n(1, 28), n(1, 12), n(2015, 2026)),
                          '%04d/%02d/%02d' % (n(2015, 2026), n(1, 12), n(1, 28)),
                          '%02d/%02d/%04d' % (n(1, 12), n(1, 28), n(2015, 2026)),
                          '%04d年%d月%d日' % (n(2015, 2026), n(1, 12), n(1, 28))]),
    'range': lambda: pick(['%d-%d' % (n(1950, 2000), n(2001, 2025)),
                           'pp. %d-%d' % (n(100, 900), n(901, 999)),
                           '%02d:%02d-%02d:%02d' % (n(8, 11), pick([0, 15, 30]), n(12, 18),
                                                    pick([0, 30])),
                           '%d–%d' % (n(100, 999), n(1000, 9999))]),
    'zip4': lambda: '%05d-%04d' % (n(10000, 99999), n(0, 9999)),
    'imei': imei, 'routing': routing,
    'fp16': lambda: fingerprint(16), 'fp20': lambda: fingerprint(20).upper(),
    'time': lambda: '%02d:%02d:%02d' % (n(0, 23), n(0, 59), n(0, 59)),
    'masked': lambda: pick(['**** **** **** %s' % digits(4), 'XXXX-XXXX-XXXX-%s' % digits(4),
                            '•••• %s' % digits(4)]),
    'qty': lambda: str(n(2, 400)), 'pct': lambda: '%d.%d%%' % (n(0, 99), n(0, 9)),
    'retina': lambda: pick(['logo', 'icon', 'avatar', 'hero', 'banner']) + '@%dx.png' % n(2, 3),
    'pkgver': lambda: pick(['react', 'lodash', 'typescript', 'vite', 'express']) + '@%d.%d.%d' %
    (n(1, 20), n(0, 30), n(0, 20)),
    'scoped': lambda: pick(['@angular/core', '@types/node', '@babel/core', '@vue/cli']) +
    '@%d.%d.%d' % (n(1, 20), n(0, 30), n(0, 20)),
    'digestref': lambda: pick(['nginx', 'redis', 'postgres', 'alpine']) + '@sha256:' + hexs(64),
    'cpp': lambda: pick(['std::chrono::milliseconds', 'boost::asio::ip::tcp', 'Foo::Bar::baz',
                         'absl::StatusOr', 'std::vector<int>::iterator']),
    'coord': lambda: '%d.%04d, %d.%04d' % (n(-80, 80), n(0, 9999), n(-170, 170), n(0, 9999)),
    'ean': ean13,
    'amount': lambda: '%d.%02d' % (n(1, 99999), n(0, 99)),
    'mention': lambda: '@' + pick(['jdoe', 'wang_li', 'ops-oncall', 'priya', 'k8s-bot']),
    'hexcolor': lambda: '#%s' % hexs(6, '0123456789ABCDEF'),
    'cidr_ver': lambda: 'v%d.%d.%d.%d' % (n(1, 9), n(0, 9), n(0, 9), n(0, 9)),
}


# ---- templates ------------------------------------------------------------------------
# <<slot>> or <<slot.variant>> is a value that must be found; <<same>> repeats the last
# value; <<x>> with x in LOOK is a look-alike. Each template has a language for the
# national formats it draws.
T = {
 'en': [
  "Hey, my new number is <<phone>> — the old one is dead. Text me there.",
  "Call the front desk at <<phone>> or email <<email>> if the door code doesn't work.",
  "Please update my billing card to <<card>> (exp 09/27). Order <<order>> should use it.",
  "Wire the deposit to IBAN <<iban>>, reference <<invoice>>, amount <<price>>.",
  "My SSN is <<ssn>>, routing number <<routing>> is for the bank, not me.",
  "For the W-2: social security no. <<ssn>>; employer ID 12-<<qty>>4567.",
  "NI number <<nino>> — please put it on the payroll form, tax code 1257L.",
  "Passport no. <<passport>>, issued 2019, expires 2029. Booking ref <<serial>>.",
  "The server at <<ip>> keeps dropping SSH; our gateway is <<ip.4>>.",
  "Can you whitelist <<ip>> and <<ip>>? They are our office egress IPs.",
  "Laptop MAC <<mac>> needs to be added to the guest VLAN.",
  "Send the refund in BTC to <<crypto>> please.",
  "[Contact us](mailto:<<email>>) — or write to <<same>> directly.",
  "Reach me at <<email>>, cc <<email>>; phone <<phone>>.",
  "<a href=\"tel:<<phone.tel>>\">Call us</a> is the click-to-call link on the landing page.",
  "SSN: <<ssn>>\nDOB on file; employer EIN withheld.",
  "Applicant's Social Security Number (SSN): <<ssn>>",
  "ss# <<ssn>> - pls keep this private",
  "National Insurance number: <<nino>>",
  "my ni no is <<nino>>, sorry for the delay",
  "HMRC letter quotes NINO <<nino>> and reference <<invoice>>.",
  "Chinese resident identity card: <<cnid>> (issued in Shanghai).",
  "Ping me on <<phone.ext>> during office hours.",
  "Customer called from <<phone.uk>> about order <<order>> (tracking <<tracking>>).",
  "Our India team: <<phone.in>>, the US line: <<phone.us>>.",
  "Hi, I'm moving to Shenzhen, my Chinese mobile is <<phone.cn>>.",
  "Paid with card <<card>>, receipt total <<price>> on <<date>>.",
  "The card <<card>> was declined at the kiosk.",
  "Reimburse to account <<iban>> (BIC DEUTDEFFXXX).",
  "Emergency contact: <<phone>> (mobile), <<email>>.",
  "Bitcoin: <<crypto>>\nEthereum: <<crypto>>",
  "ETH payout address <<crypto>>, gas was 21000, tx <<txhash>>.",
  "Resident ID <<cnid>> belongs to the new hire in our Beijing office.",
  "Her Chinese ID card number is <<cnid>>.",
  "UK passport <<passport.uk>> and US passport <<passport.us>> are both in the file.",
 ],
 'de': [
  "Hallo, meine neue Handynummer ist <<phone>>. Festnetz: <<phone.de>>.",
  "Bitte überweisen Sie den Betrag auf IBAN <<iban>> (Verwendungszweck: <<invoice>>).",
  "Tel.: <<phone.de>>\nFax: <<phone.de>>\nE-Mail: <<email>>",
  "Erreichbar unter <<phone>> oder per Mail an <<email>>.",
  "Meine Kreditkartennummer lautet <<card>>, gültig bis 08/26.",
  "Reisepass-Nr. <<passport>>, ausgestellt in Berlin.",
  "Kontoverbindung: <<iban>>, Kontoinhaber siehe Vertrag.",
  "Rückruf erbeten unter <<phone.de>>, Sprechzeiten Mo–Fr 9–17 Uhr.",
  "Der Router hat die IP <<ip>> und die MAC-Adresse <<mac>>.",
  "Bitte an <<email>> schicken, nicht an die alte Adresse.",
  "Zahlung per Lastschrift vom Konto <<iban>>; Gläubiger-ID DE98ZZZ09999999999.",
  "Meine Nummer: <<phone.ext>>",
  "Sozialversicherung (USA): SSN <<ssn>> für den Visumantrag.",
 ],
 'fr': [
  "Bonjour, vous pouvez me joindre au <<phone>> ou par mail : <<email>>.",
  "Mon numéro de portable : <<phone.fr>>, fixe : <<phone.fr>>.",
  "Merci de virer le montant sur l'IBAN <<iban>> avant le <<date>>.",
  "Numéro de carte bancaire : <<card>>, cryptogramme au dos.",
  "Numéro de passeport : <<passport>>, délivré à Lyon.",
  "L'adresse IP du serveur est <<ip>>, port <<port>>.",
  "Standard : <<phone.ext>>",
  "Écrivez-nous à <<email>> pour toute réclamation (commande <<order>>).",
  "Coordonnées bancaires — IBAN : <<iban>> ; BIC : BNPAFRPPXXX.",
 ],
 'es': [
  "Hola, mi teléfono es <<phone>> y mi correo <<email>>.",
  "Número de pasaporte: <<passport>>. Vuelo IB <<qty>>.",
  "Por favor, haz la transferencia a la cuenta <<iban>> con el concepto <<invoice>>.",
  "Tarjeta de crédito: <<card>>, titular el cliente.",
  "Mi número de seguro social es <<ssn>>.",
  "Número de Seguro Social (SSN): <<ssn>>; ITIN no aplica.",
  "La IP pública del router es <<ip>>; la MAC es <<mac>>.",
  "Llámame al <<phone>> después de las 18:00.",
  "Mi dirección de cartera es <<crypto>>.",
 ],
 'zh': [
  "我的手机号是<<phone.cn>>，有事打我电话。",
  "联系电话：<<phone>>，邮箱：<<email>>。",
  "请把发票发到<<email>>，谢谢！",
  "办公室电话<<phone.cn>>，传真<<phone.cn>>。",
  "身份证号码：<<cnid>>，请核对。",
  "我的身份证是<<cnid>>，护照号码是<<passport>>。",
  "银行卡号：<<card>>，开户行：招商银行。",
  "请汇款至IBAN <<iban>>，备注订单号<<order>>。",
  "服务器IP地址为<<ip>>，MAC地址为<<mac>>。",
  "收款地址（USDT-ERC20）：<<crypto>>",
  "客服热线：<<phone.ext>>",
  "有问题请联系<<email>>或拨打<<phone>>。",
  "他的信用卡号是<<card>>，有效期到2027年。",
  "公民身份号码<<cnid>>",
  "请核对以下信息：姓名略，身份证号 <<cnid>>，手机 <<phone.cn>>。",
  "乘客证件号：<<cnid>>（居民身份证）",
 ],
 'hi': [
  "Mera number <<phone>> hai, kal call karna please.",
  "Bhai mera naya mobile no. <<phone.in>> hai, purana band ho gaya.",
  "Payment ke liye card <<card>> use kar lo, OTP main bata dunga.",
  "Mera email <<email>> hai, usi pe bhej dena.",
  "Passport number <<passport>> hai, visa ke form me daal do.",
  "Office landline <<phone.in>> pe call karo, ya WhatsApp <<phone.in>> pe.",
  "Server ka IP <<ip>> hai aur port <<port>> open hai.",
  "UK wale account ka IBAN <<iban>> hai.",
  "Customer care: <<phone.ext>>",
 ],
 'ja': [
  "私の電話番号は<<phone>>です。",
  "連絡先：<<email>>（担当：営業部）",
  "クレジットカード番号：<<card>>",
  "旅券番号：<<passport>>",
  "カード番号 <<card>> の有効期限は2026年です。",
  "中国の身分証番号：<<cnid>>",
  "サーバーのIPアドレスは<<ip>>です。",
  "振込先IBAN：<<iban>>",
  "代表電話：<<phone.ext>>",
  "お問い合わせは<<email>>または<<phone>>まで。",
 ],
 'tech': [
  "Jan 12 03:14:07 sshd[<<qty>>]: Failed password for root from <<ip>> port <<qty>>22 ssh2",
  "<<ip.4>> - - [12/Mar/2024:10:22:31 +0000] \"GET /api/v1/orders/<<order>> HTTP/1.1\" 200 512",
  "X-Forwarded-For: <<ip>>, <<ip.4>>",
  "upstream backend {\n  server [<<ip6only>>]:8443;\n  server <<ip.4>>:8080;\n}",
  "curl -v http://<<ip.4>>:<<port>>/healthz",
  "ssh admin@<<ip.4>> -p <<port>>",
  "DHCPACK on <<ip.4>> to <<mac>> (android-<<git>>) via eth0",
  "interface GigabitEthernet0/1\n mac-address <<mac>>\n ip helper-address <<ip.4>>",
  "{\"user\": {\"email\": \"<<email>>\", \"phone\": \"<<phone>>\", \"id\": \"<<uuid>>\"}}",
  "email,phone,iban\n<<email>>,<<phone>>,<<iban>>",
  "| contact | value |\n|---|---|\n| mail | <<email>> |\n| phone | <<phone>> |",
  "billing:\n  card: \"<<card>>\"\n  iban: <<iban>>\n  invoice: <<invoice>>",
  "ARP entry: <<ip.4>> at <<mac>> on en0 ifscope [ethernet]",
  "Connection from [<<ip6only>>]:<<qty>>41 refused",
  "ping6 <<ip6only>>",
  "allow from <<ip>>; # added <<date>> for ticket <<invoice>>",
  "git commit --author=\"build bot <<<email>>>\" -m \"bump to <<semver>>\"",
  "wallets:\n  btc: <<crypto>>\n  eth: <<crypto>>",
 ],
}

# Records with look-alikes only (and a few with one real value among them).
NEG = {
 'en': [
  "Order <<order>> shipped <<date>>, tracking <<tracking>>, total <<price>>.",
  "Invoice <<invoice>> (PO <<order>>) is due <<date>>; amount <<price>>.",
  "Running version <<semver>>; upgrade to <<semver>> fixes it.",
  "Build <<ver4>> released on <<date>>; Chrome <<chrome>> is supported.",
  "Windows <<winbuild>> is the minimum; agent version <<ver4>>.",
  "ISBN <<isbn13>> (paperback), ISBN-10 <<isbn10>>.",
  "Commit <<git>> fixed the regression from <<sha1>>.",
  "sha256: <<sha256>>  md5: <<md5>>",
  "Request id <<uuid>> took 231 ms at <<ts>>.",
  "Created at epoch <<epoch>>, updated <<epoch_ms>> ms.",
  "Listening on localhost:<<port>>, metrics on :<<port>>.",
  "The card ending in <<masked>> was charged <<price>>.",
  "OID <<oid>> maps to sysUpTime; OID <<oid>> is unused.",
  "Invalid address <<bad_ip>> in config line 42.",
  "Host key fingerprint is MD5:<<fp16>>.",
  "SHA1 fingerprint: <<fp20>>",
  "Served <<qty>> requests between <<time>> and <<time>> today.",
  "Years active: <<range>>; see <<range>> in the report.",
  "Ship to ZIP <<zip4>>; device IMEI <<imei>>.",
  "Bank routing number <<routing>>, check number <<qty>>.",
  "Payment reference <<rf>> (structured creditor reference).",
  "Serial <<serial>>, firmware <<semver>>, part <<serial>>.",
  "Tx <<txhash>> confirmed in block <<qty>>0<<qty>>.",
  "Pinned to IPFS: <<ipfs>>",
  "Use <<cpp>> instead of raw ints; see also <<cpp>>.",
  "Coordinates: <<coord>>; elevation <<qty>> m.",
  "npm i <<pkgver>> <<scoped>> && open assets/<<retina>>",
  "docker pull <<digestref>>",
  "Thanks <<mention>> and <<mention>> for the review!",
  "Theme colors: <<hexcolor>>, <<hexcolor>>; CPU at <<pct>>.",
  "Release tag <<cidr_ver>> and <<semver>> on the same day.",
  "Test card <<bad_luhn>> should be rejected by the form.",
  "The IBAN <<bad_iban>> failed validation — check digits wrong.",
  "SSN <<bad_ssn>> is not a valid number (SSA never issues it).",
  "NINO <<bad_nino>> is invalid: that prefix is never used.",
  "Transfer of <<amount>> EUR at rate 1.0842, fee <<amount>>.",
  "Reading was <<amount>> kWh on meter <<serial>>.",
  "The BTC string <<bad_btc>> fails its checksum; so does <<bad_bech32>>.",
  "Ticket <<invoice>> opened <<ts>> by <<mention>>.",
 ],
 'de': [
  "Bestellung <<order>> vom <<date>>, Sendungsnummer <<tracking>>, Betrag <<price>>.",
  "Rechnungsnr. <<invoice>>, Kundennr. <<qty>><<qty>>, fällig am <<date>>.",
  "Version <<semver>> ist installiert, Build <<ver4>>.",
  "Seriennummer <<serial>>, Artikelnummer <<serial>>.",
  "Termin am <<ts>>, Dauer <<range>>.",
  "Überweisung: <<amount>> EUR, Zeitstempel <<ts>>.",
 ],
 'fr': [
  "Commande <<order>> expédiée le <<date>>, numéro de suivi <<tracking>>.",
  "Facture <<invoice>> : montant <<price>>, échéance <<date>>.",
  "Version du logiciel : <<semver>>, build <<ver4>>.",
 ],
 'es': [
  "Pedido <<order>> enviado el <<date>>, seguimiento <<tracking>>.",
  "Factura <<invoice>> por <<price>>; versión <<semver>>.",
 ],
 'zh': [
  "订单号：<<order>>，快递单号：<<tracking>>，金额：<<price>>。",
  "发票号码<<invoice>>，开票日期<<date>>。",
  "版本号<<semver>>，构建号<<ver4>>，提交<<git>>。",
  "订单编号<<bad_cnid>>已发货。",
  "时间戳<<epoch>>，请求ID <<uuid>>。",
  "设备序列号<<serial>>，IMEI <<imei>>。",
 ],
 'hi': [
  "Order <<order>> ka status shipped hai, tracking <<tracking>>.",
  "Invoice <<invoice>> ka amount <<price>> hai, due <<date>>.",
 ],
 'ja': [
  "注文番号：<<order>>、発送日：<<date>>、追跡番号：<<tracking>>",
  "バージョン<<semver>>（ビルド<<ver4>>）をリリースしました。",
 ],
}

# --templates b: a second template set, written after the rules of the first
# round and scored once before any further change (docs/pii.md): other
# phrasings, field layouts and look-alike sentences, the same value formats.
T_B = {
 'en': [
  "If anything goes wrong, ring <<phone>> (ask for the night shift).",
  "Contact sheet - mobile: <<phone>> / work: <<phone>> / personal mail: <<email>>",
  "Refund the $40 to my card please, number <<card>>, thanks!",
  "Payment details as requested: account holder is me, IBAN <<iban>>.",
  "The form asks for my social (<<ssn>>), is it safe to send it over chat?",
  "Employee record: NI no. <<nino>>, start date <<date>>.",
  "Travelling on passport <<passport>> next week, is that enough for the visa?",
  "Blocked IPs today: <<ip>>, <<ip>> and <<ip.4>>.",
  "Device fingerprint: MAC <<mac>>, hostname printer-3f.",
  "Tip jar: <<crypto>>",
  "You can also WhatsApp me on <<phone>>.",
  "From: <<email>>\nTo: <<email>>\nSubject: copy of invoice <<invoice>>",
  "My Chinese ID is <<cnid>>; the name on the card is in pinyin.",
  "New landlord's number is <<phone.uk>>, he prefers texts.",
  "Bill it to <<card>> and send the receipt to <<email>>.",
 ],
 'de': [
  "Bei Rückfragen: <<phone.de>> (Mo-Do) oder <<email>>.",
  "Bitte belasten Sie meine Karte <<card>> mit dem Restbetrag.",
  "Neue Bankverbindung ab sofort: <<iban>>",
  "Meine IP-Adresse lautet <<ip>>, falls ihr das Log prüfen wollt.",
  "Mobil erreichen Sie mich unter <<phone>>.",
 ],
 'fr': [
  "Pour toute question, écrivez à <<email>> ou appelez le <<phone.fr>>.",
  "Voici mon RIB : <<iban>>",
  "Carte n° <<card>> (expire fin 2026)",
  "Mon adresse IP : <<ip>> ; adresse MAC : <<mac>>",
  "Rappelez-moi au <<phone>> demain matin.",
 ],
 'es': [
  "Para cualquier duda: <<email>> / <<phone>>",
  "Te paso mi IBAN: <<iban>>",
  "Mi pasaporte es el <<passport>>.",
  "Cárgalo a la tarjeta <<card>>, por favor.",
 ],
 'zh': [
  "麻烦加一下我的微信，手机号<<phone.cn>>。",
  "退款请打到这张卡上：<<card>>",
  "我的邮箱换成<<email>>了。",
  "请登记：身份证<<cnid>>，护照<<passport>>",
  "路由器的管理地址是<<ip.4>>，MAC是<<mac>>。",
  "打款到这个钱包：<<crypto>>",
  "座机<<phone.cn>>，工作时间都在。",
 ],
 'hi': [
  "Sir, mera contact no. <<phone.in>> hai, kripya call back karein.",
  "Refund isi card pe karna: <<card>>",
  "Aap mujhe <<email>> pe mail kar sakte ho.",
  "Mere papa ka number <<phone>> hai, unko bhi bata dena.",
 ],
 'ja': [
  "携帯：<<phone>>、メール：<<email>>",
  "口座（IBAN）：<<iban>>",
  "パスポート番号は<<passport>>です。",
  "カード<<card>>で決済してください。",
 ],
 'tech': [
  "nmap -sV <<ip.4>> -p <<port>>",
  "ip neigh: <<ip6only>> dev eth0 lladdr <<mac>> REACHABLE",
  "POST /signup user_email=<<email>>&phone=<<phone>>",
  "<contact><email><<email>></email><tel><<phone>></tel></contact>",
  "INSERT INTO payments (iban, card) VALUES ('<<iban>>', '<<card>>');",
  "2024-05-01T10:00:00Z INFO login ok user=<<email>> ip=<<ip>>",
  "WARN rate limit exceeded for <<ip>> (<<qty>> req/min)",
  "- name: wallet\n  address: <<crypto>>",
  "host-entry: <<mac>> -> <<ip.4>> (static lease)",
 ],
}
NEG_B = {
 'en': [
  "Your order <<order>> will arrive between <<date>> and <<date>>.",
  "Ticket <<invoice>>: upgrade from <<semver>> to <<semver>>; see commit <<git>>.",
  "Checksum (SHA-256): <<sha256>>",
  "Package tracking number: <<tracking>>",
  "Serial: <<serial>> | Firmware: <<ver4>>",
  "Times: <<time>>, <<time>>; uptime <<qty>> days.",
  "Build <<winbuild>>, agent <<semver>>, PID <<qty>>.",
  "The book (ISBN <<isbn13>>) costs <<price>>.",
  "Image digest <<digestref>>",
  "Meet at <<coord>>.",
  "Request <<uuid>> failed after <<qty>> ms at <<ts>>.",
  "Page views <<range>>; conversion <<pct>>.",
  "Device IMEI <<imei>>, model <<serial>>.",
  "Creditor reference <<rf>> must be quoted.",
  "Card on file: <<masked>>.",
  "Hashes: <<md5>> / <<sha1>>",
  "Routing no. <<routing>>; please keep it on the cheque.",
  "Epoch <<epoch>> equals <<ts>>.",
 ],
 'de': [
  "Lieferschein <<invoice>>, Charge <<serial>>, Versand am <<date>>.",
  "Bestellnummer <<order>>; Paketnummer <<tracking>>.",
 ],
 'fr': [
  "Numéro de commande <<order>>, montant <<price>>.",
  "Version <<semver>> publiée le <<date>>.",
 ],
 'es': [
  "Número de pedido <<order>>, importe <<price>>.",
 ],
 'zh': [
  "快递单号<<tracking>>，订单号<<order>>。",
  "版本<<semver>>已发布，校验和<<sha1>>。",
  "订单编号<<bad_cnid>>，请查收。",
 ],
 'hi': [
  "Aapka order <<order>> <<date>> tak pahunch jayega.",
 ],
 'ja': [
  "ご注文番号<<order>>の商品を発送しました。",
 ],
}

SLOT_RE = re.compile(r'<<(\w+)(?:\.(\w+))?>>')


def fill(template, lang):
    text, spans, pos, last = '', [], 0, None
    for m in SLOT_RE.finditer(template):
        text += template[pos:m.start()]
        slot, var = m.group(1), m.group(2)
        if slot == 'ip6only':
            slot, val, fmt = 'ip', *ipv6_value()
            if fmt == 'v6_zone':
                val, fmt = 'fe80::%x:%x' % (rng.randrange(65536), rng.randrange(65536)), 'v6_ll'
        elif slot == 'same':
            slot, val, fmt = last
        elif slot in TYPED:
            val, fmt = TYPED[slot][2](lang if lang != 'tech' else 'en', var)
        else:
            val, fmt = LOOK[slot](), None
        if fmt:
            typ, pname, _ = TYPED[slot]
            spans.append({'entity_type': pname, 'entity_value': val, 'start_position': len(text),
                          'end_position': len(text) + len(val), 'type': typ, 'start': len(text),
                          'end': len(text) + len(val), 'fmt': fmt})
            last = (slot, val, fmt)
        text += val
        pos = m.end()
    return text + template[pos:], spans


def record(temps=T, negs=NEG):
    lang = pick(['en', 'en', 'de', 'fr', 'es', 'zh', 'zh', 'hi', 'ja', 'tech', 'tech'])
    if lang != 'tech' and rng.random() < 0.3:
        t = pick(negs[lang])
    else:
        t = pick(temps[lang])
        if rng.random() < 0.35:  # a look-alike sentence next to the values
            neg_lang = lang if lang in negs else 'en'
            t = t + pick([' ', '\n']) + pick(negs[neg_lang])
    return fill(t, lang)


def formats(path, binary):
    """Recall per format: which written forms the scanner misses."""
    import pii_eval
    data = json.load(open(path, encoding='utf-8'))
    preds = pii_eval.run_scanner(binary, [r['full_text'] for r in data])
    seen, hit = {}, {}
    for rec, pred in zip(data, preds):
        for s in rec['spans']:
            ok = any(p[0] == s['type'] and pii_eval.iou((s['start'], s['end']),
                                                         (p[1], p[2])) >= 0.5 for p in pred)
            seen[s['fmt']] = seen.get(s['fmt'], 0) + 1
            hit[s['fmt']] = hit.get(s['fmt'], 0) + ok
    for f in sorted(seen, key=lambda f: (hit[f] / seen[f], f)):
        if hit[f] < seen[f]:
            print('%-28s %4d / %4d' % (f, hit[f], seen[f]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=800)
    ap.add_argument('--seed', type=int, default=701)
    ap.add_argument('--templates', default='a', choices=['a', 'b'],
                    help='b: the second template set, written after the first round')
    ap.add_argument('--formats', metavar='JSON', help='print recall per format for a set')
    ap.add_argument('--bin', default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  '..', 'build', 'edgeway'))
    args = ap.parse_args()
    if args.formats:
        return formats(args.formats, args.bin)
    self_test()
    rng.seed(args.seed)
    out = []
    for _ in range(args.n):
        text, spans = record(*((T_B, NEG_B) if args.templates == 'b' else (T, NEG)))
        out.append({'full_text': text, 'spans': spans})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
