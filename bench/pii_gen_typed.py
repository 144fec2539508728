#!/usr/bin/env python3
"""A held-out set for the typed PII kinds ("typed"): email, phone,
credit_card, iban, us_ssn, uk_nino, cn_resident_id, passport, ip_address,
mac_address, crypto_address and date_of_birth, written in the national
formats the older sets lack and in thirteen languages' templates.

What it adds to bench/pii_gen_struct.py (whose value makers it reuses for
cards, IBANs, SSNs, NINOs, Chinese ids, IPs, MACs, crypto addresses and the
look-alikes):
- phones of Japan, Korea, Brazil, Mexico, Spain, Italy, the Netherlands,
  Poland, Australia, Russia and Turkey, and the US/CA, UK, DE, FR, IN and CN
  numbers in the shapes form-fillers and fake-data libraries print (`x123`
  glued to the number, `001-` prefixes, `+44(0)`, `8 (912) …`, trunk zeros
  in parentheses, vanity numbers), with each language's extension word;
- card issuers beyond the big four (Maestro, Elo, Hipercard, Troy, Verve,
  Dankort, Mir, UnionPay 19) and IBANs with non-breaking spaces, dashes or a
  national grouping; passports of twelve more countries under cue words in
  their languages; IPv4 with a port or a CIDR suffix, IPv6 in brackets with
  a port, MACs without separators under a MAC cue; `bitcoin:` and
  `ethereum:` URIs; e-mail of those countries' providers;
- birth dates under the birth cues of Italian, Portuguese, Dutch, Polish,
  Russian, Turkish, Japanese, Korean and Chinese forms, in their formats;
- templates in English, German, French, Spanish, Italian, Portuguese,
  Dutch, Polish, Russian, Turkish, Japanese, Korean and Chinese: chat, SMS,
  e-mail, web forms, CSV rows, JSON, logs, support tickets and invoices,
  with look-alikes (order, tracking and invoice numbers, UUIDs, hashes,
  timestamps, versions, ISBNs, prices, ports, national tax and company
  numbers, phone-shaped references) that must stay silent.

Written before the detector was run on it, from the numbering plans and
forms as people write them. Writes Presidio-style JSON like the other
generators; each span also has "fmt", the form it was written in:

  python3 bench/pii_gen_typed.py [--set a|b|c] [--n 800] [--seed 1001] > /tmp/typed.json

Set b (seed 1101) was written after the rules made from set a's misses, set c
(1201) after those from set b's: other languages, countries and layouts, each
scored once before any rule was made from it (docs/pii.md, Held-out sets).
  python3 bench/pii_eval.py --only generated --generated /tmp/typed.json
  python3 bench/pii_gen_struct.py --formats /tmp/typed.json   # recall per form

Stdlib only; the output depends on --set and --seed alone.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_addr as addr  # noqa: E402  (month names of many languages)
import pii_gen_struct as st  # noqa: E402
import pii_gen_world as w  # noqa: E402
from pii_gen_world import checks, digits, n, pick, rng  # noqa: E402

FMTS = []  # the form of each typed value filled, in order (see fill())


def out(val, fmt):
    FMTS.append(fmt)
    return val


def g(s, *sizes, sep=' '):
    return st.group(s, list(sizes), sep)


# ---- phones ------------------------------------------------------------------
def us_line():
    return st.nxx(), st.nxx(), digits(4)


def ph_us():
    a, b, c = us_line()
    e = str(n(10, 9999))
    vanity = pick(['FLOWERS', 'GO-FEDEX', 'CALL-NOW', 'MY-PIZZA', 'LAWYERS', 'PLUMBER'])
    return pick([('%s-%s-%sx%s' % (a, b, c, e), 'us_faker_x'),
                 ('(%s)%s-%sx%s' % (a, b, c, e), 'us_faker_paren_x'),
                 ('001-%s-%s-%sx%s' % (a, b, c, e), 'us_faker_001_x'),
                 ('%s.%s.%sx%s' % (a, b, c, e), 'us_faker_dot_x'),
                 ('+1-%s-%s-%sx%s' % (a, b, c, e), 'us_faker_e164_x'),
                 ('(%s)%s-%s' % (a, b, c), 'us_paren_tight'),
                 ('%s %s-%s' % (a, b, c), 'us_space_dash'),
                 ('+1 %s-%s-%s' % (a, b, c), 'us_e164_dash'),
                 ('1.%s.%s.%s' % (a, b, c), 'us_1dot'),
                 ('%s-%s-%s #%s' % (a, b, c, e), 'us_hash_ext'),
                 ('1-800-%s' % vanity, 'us_vanity'),
                 ('(%s) %s-%s ext. %s' % (a, b, c, e), 'us_ext')])


def ph_ca():
    b, c = st.nxx(), digits(4)
    a = pick(['416', '647', '604', '778', '514', '438', '403', '587', '613', '902', '306'])
    return pick([('(%s) %s-%s' % (a, b, c), 'ca_paren'), ('+1 %s %s %s' % (a, b, c), 'ca_e164'),
                 ('%s-%s-%s poste %d' % (a, b, c, n(10, 999)), 'ca_poste'),
                 ('1 %s %s-%s' % (a, b, c), 'ca_1')])


def ph_uk():
    m = '7' + pick(['700', '911', '856', '412', '387', '523', '984']) + digits(6)
    geo = pick(['0113', '0117', '0121', '0131', '0141', '0151', '0161', '0191'])
    return pick([('+44(0)%s %s' % (m[:4], m[4:]), 'uk_e164_0_tight'),
                 ('+44 (0) %s %s' % (m[:4], m[4:]), 'uk_e164_0_space'),
                 ('0%s-%s' % (m[:4], m[4:]), 'uk_mob_dash'),
                 ('(0%s) %s' % (m[:4], m[4:]), 'uk_mob_paren'),
                 ('%s %s %s' % (geo, digits(3), digits(4)), 'uk_geo'),
                 ('+44(0)%s %s %s' % (geo[1:], digits(3), digits(4)), 'uk_geo_e164_0'),
                 ('0%s %s %s' % (pick(['20', '29', '28', '23']), digits(4), digits(4)),
                  'uk_2digit'),
                 ('0800 %s %s' % (digits(3), digits(4)), 'uk_freephone'),
                 ('+44 %s %s' % (m[:4], m[4:]), 'uk_mob_e164')])


def ph_de():
    city = pick(['30', '40', '89', '221', '69', '711', '351', '421', '511', '911', '4721'])
    sub = digits(n(6, 8))
    mob = pick(['151', '160', '170', '171', '176', '1512', '1522', '1590'])
    ms = digits(7 if len(mob) == 3 else 7)
    return pick([('+49(0)%s %s' % (city, sub), 'de_e164_0_tight'),
                 ('0%s / %s' % (city, sub), 'de_slash_sp'),
                 ('0%s-%s-%s' % (city, sub[:3], sub[3:]), 'de_dashes'),
                 ('+49 (0) %s %s' % (city, g(sub, 3, 2, 2)), 'de_e164_0_space'),
                 ('0%s %s' % (mob, ms), 'de_mob'), ('0%s-%s' % (mob, ms), 'de_mob_dash'),
                 ('+49 %s %s' % (mob, g(ms, 3, 4)), 'de_mob_e164'),
                 ('(0%s) %s-%s' % (city, sub[:-2], sub[-2:]), 'de_paren_din'),
                 ('0%s %s' % (city, sub), 'de_space')])


def ph_fr():
    f = pick('1234567') if rng.random() < 0.5 else pick('67')
    r = digits(8)
    p = ' '.join(r[i:i + 2] for i in range(0, 8, 2))
    return pick([('0%s %s' % (f, p), 'fr_space'), ('+33 %s %s' % (f, p), 'fr_e164'),
                 ('+33(0)%s %s' % (f, p), 'fr_e164_0_tight'),
                 ('0%s%s' % (f, r), 'fr_bare'), ('0%s.%s' % (f, p.replace(' ', '.')), 'fr_dot'),
                 ('+33 (0)%s %s' % (f, p), 'fr_e164_0'),
                 ('0 8%s %s' % (digits(2), g(digits(6), 2, 2, 2)), 'fr_08_split')])


def ph_in():
    m = pick('6789') + digits(9)
    std = pick(['11', '22', '33', '40', '44', '80', '79', '120', '484'])
    sub = digits(10 - len(std))
    return pick([('+91 %s %s' % (m[:5], m[5:]), 'in_mob_e164'), ('+91-%s' % m, 'in_mob_dash'),
                 ('0%s' % m, 'in_mob_0'), ('%s-%s' % (m[:5], m[5:]), 'in_mob_split_dash'),
                 ('0%s-%s' % (std, sub), 'in_land_dash'),
                 ('+91 %s %s' % (std, sub), 'in_land_e164'),
                 ('+91 (%s) %s' % (std, sub), 'in_land_paren'),
                 ('1800-%s-%s' % (digits(3), digits(4)), 'in_tollfree')])


def ph_cn():
    p = pick(st.CN_MOB)
    a, b = digits(4), digits(4)
    area = pick(['10', '21', '20', '22', '755', '571', '28', '27', '29', '532'])
    sub = digits(8 if len(area) == 2 else 7)
    return pick([('%s %s %s' % (p, a, b), 'cn_mob_sp'), ('+86 %s%s%s' % (p, a, b), 'cn_mob_e164'),
                 ('+86-%s-%s-%s' % (p, a, b), 'cn_mob_e164_dash'),
                 ('%s%s%s' % (p, a, b), 'cn_mob_bare'),
                 ('+86(%s)%s' % (area, sub), 'cn_land_e164_paren'),
                 ('0%s-%s' % (area, sub), 'cn_land_dash'),
                 ('(0%s)%s-%s' % (area, sub[:4], sub[4:]), 'cn_land_paren_dash'),
                 ('0%s %s' % (area, sub), 'cn_land_sp')])


def ph_jp():
    m = pick(['090', '080', '070'])
    area = pick([('3', 4), ('6', 4), ('45', 3), ('52', 3), ('92', 3), ('466', 2), ('11', 3)])
    a, k = area
    sub = digits(k) + '-' + digits(4)
    return pick([('%s-%s-%s' % (m, digits(4), digits(4)), 'jp_mob'),
                 ('%s %s %s' % (m, digits(4), digits(4)), 'jp_mob_sp'),
                 ('%s%s%s' % (m, digits(4), digits(4)), 'jp_mob_bare'),
                 ('+81 %s-%s-%s' % (m[1:], digits(4), digits(4)), 'jp_mob_e164'),
                 ('+81-%s-%s' % (m[1:], digits(8)), 'jp_mob_e164_dash'),
                 ('0%s-%s' % (a, sub), 'jp_land'), ('(0%s) %s' % (a, sub), 'jp_land_paren'),
                 ('0%s(%s)%s' % (a, sub.split('-')[0], sub.split('-')[1]), 'jp_land_inner_paren'),
                 ('+81 %s %s' % (a, sub.replace('-', ' ')), 'jp_land_e164'),
                 ('0120-%s-%s' % (digits(3), digits(3)), 'jp_freedial'),
                 ('050-%s-%s' % (digits(4), digits(4)), 'jp_ip_050')])


def ph_kr():
    return pick([('010-%s-%s' % (digits(4), digits(4)), 'kr_mob'),
                 ('010 %s %s' % (digits(4), digits(4)), 'kr_mob_sp'),
                 ('010%s' % digits(8), 'kr_mob_bare'),
                 ('+82 10-%s-%s' % (digits(4), digits(4)), 'kr_mob_e164'),
                 ('+82-10-%s-%s' % (digits(4), digits(4)), 'kr_mob_e164_dash'),
                 ('+821%s' % digits(9), 'kr_mob_e164_bare'),
                 ('02-%s-%s' % (digits(pick([3, 4])), digits(4)), 'kr_seoul'),
                 ('(02) %s-%s' % (digits(4), digits(4)), 'kr_seoul_paren'),
                 ('0%d-%s-%s' % (pick([31, 32, 51, 53, 62, 64]), digits(3), digits(4)),
                  'kr_area'),
                 ('+82 2 %s %s' % (digits(4), digits(4)), 'kr_seoul_e164'),
                 ('1588-%s' % digits(4), 'kr_1588')])


def ph_br():
    ddd = pick(['11', '21', '31', '41', '51', '61', '71', '81', '85', '92', '47'])
    cel = '9' + digits(4) + '-' + digits(4)
    fixo = pick('2345') + digits(3) + '-' + digits(4)
    return pick([('(%s) %s' % (ddd, cel), 'br_cel'), ('(%s) %s' % (ddd, fixo), 'br_fixo'),
                 ('+55 %s %s' % (ddd, cel), 'br_cel_e164'),
                 ('+55 (%s) %s' % (ddd, cel), 'br_cel_e164_paren'),
                 ('+55%s%s' % (ddd, cel.replace('-', '')), 'br_cel_e164_bare'),
                 ('%s %s' % (ddd, cel), 'br_cel_sp'),
                 ('(0%s) %s' % (ddd, fixo), 'br_fixo_trunk'),
                 ('%s%s' % (ddd, cel.replace('-', '')), 'br_cel_bare'),
                 ('0800 %s %s' % (digits(3), digits(4)), 'br_0800'),
                 ('+55 %s %s %s' % (ddd, cel[:5], cel[6:]), 'br_cel_e164_sp')])


def ph_mx():
    a2 = pick(['55', '33', '81'])
    a3 = pick(['222', '442', '664', '998', '477', '999'])
    return pick([('+52 %s %s %s' % (a2, digits(4), digits(4)), 'mx_e164_2'),
                 ('+52 %s %s %s' % (a3, digits(3), digits(4)), 'mx_e164_3'),
                 ('(%s) %s %s' % (a2, digits(4), digits(4)), 'mx_paren_2'),
                 ('(%s) %s-%s' % (a3, digits(3), digits(4)), 'mx_paren_3'),
                 ('%s %s %s' % (a2, digits(4), digits(4)), 'mx_2'),
                 ('%s-%s-%s' % (a3, digits(3), digits(4)), 'mx_3_dash'),
                 ('+52 1 %s %s %s' % (a2, digits(4), digits(4)), 'mx_e164_mob1'),
                 ('+52%s%s' % (a2, digits(8)), 'mx_e164_bare'),
                 ('01 800 %s %s' % (digits(3), digits(4)), 'mx_800')])


def ph_es():
    m = pick('67') + digits(8)
    f = pick(['91', '93', '95', '96', '94', '98']) + digits(7)
    return pick([('%s %s %s' % (m[:3], m[3:6], m[6:]), 'es_mob_3'),
                 ('%s %s %s %s' % (m[:3], m[3:5], m[5:7], m[7:]), 'es_mob_pairs'),
                 ('+34 %s %s %s' % (m[:3], m[3:6], m[6:]), 'es_mob_e164'),
                 ('(+34) %s' % m, 'es_mob_paren_cc'), ('+34%s' % m, 'es_mob_e164_bare'),
                 (m, 'es_mob_bare'), ('%s %s %s %s' % (f[:2], f[2:5], f[5:7], f[7:]),
                                      'es_fijo'),
                 ('+34 %s %s %s %s' % (f[:2], f[2:5], f[5:7], f[7:]), 'es_fijo_e164'),
                 ('0034 %s' % g(m, 3, 3, 3), 'es_0034'),
                 ('900 %s %s' % (digits(3), digits(3)), 'es_900')])


def ph_it():
    m = '3' + pick(['20', '33', '35', '38', '40', '47', '49', '66', '92']) + digits(7)
    area = pick(['02', '06', '011', '055', '081', '051', '041', '0521'])
    sub = digits(10 - len(area))
    return pick([('%s %s' % (m[:3], m[3:]), 'it_mob'),
                 ('%s %s %s' % (m[:3], m[3:6], m[6:]), 'it_mob_3'),
                 ('%s/%s' % (m[:3], m[3:]), 'it_mob_slash'),
                 ('+39 %s %s' % (m[:3], m[3:]), 'it_mob_e164'),
                 ('+39 %s %s %s' % (m[:3], m[3:6], m[6:]), 'it_mob_e164_3'),
                 ('%s %s' % (area, sub), 'it_fisso'), ('%s-%s' % (area, sub), 'it_fisso_dash'),
                 ('+39 %s %s' % (area, sub), 'it_fisso_e164'),
                 ('0039 %s %s' % (area, sub), 'it_0039'),
                 ('800 %s %s' % (digits(3), digits(3)), 'it_800')])


def ph_nl():
    m = digits(8)
    area = pick(['20', '10', '30', '70', '40', '50'])
    sub = digits(7)
    return pick([('06-%s' % m, 'nl_mob_dash'), ('06 %s' % g(m, 2, 2, 2, 2), 'nl_mob_pairs'),
                 ('06%s' % m, 'nl_mob_bare'), ('+31 6 %s' % m, 'nl_mob_e164'),
                 ('+31 (0)6 %s' % m, 'nl_mob_e164_0'), ('+31(0)6-%s' % m, 'nl_mob_e164_0_dash'),
                 ('0%s-%s' % (area, sub), 'nl_land_dash'),
                 ('0%s %s %s' % (area, sub[:3], sub[3:]), 'nl_land'),
                 ('+31 %s %s %s' % (area, sub[:3], sub[3:]), 'nl_land_e164'),
                 ('0800-%s' % digits(4), 'nl_0800')])


def ph_pl():
    m = pick('5678') + digits(8)
    return pick([('%s %s %s' % (m[:3], m[3:6], m[6:]), 'pl_mob'),
                 ('%s-%s-%s' % (m[:3], m[3:6], m[6:]), 'pl_mob_dash'),
                 ('+48 %s %s %s' % (m[:3], m[3:6], m[6:]), 'pl_mob_e164'),
                 ('+48%s' % m, 'pl_mob_e164_bare'), ('(+48) %s' % g(m, 3, 3, 3), 'pl_paren_cc'),
                 ('%s %s %s %s' % (pick(['22', '12', '61', '71', '58']), digits(3), digits(2),
                                   digits(2)), 'pl_stac'),
                 ('(%s) %s-%s-%s' % (pick(['22', '12', '61', '71', '58']), digits(3),
                                     digits(2), digits(2)), 'pl_stac_paren'),
                 ('+48 %s %s %s %s' % (pick(['22', '12', '61']), digits(3), digits(2),
                                       digits(2)), 'pl_stac_e164')])


def ph_au():
    m = '4' + digits(8)
    area = pick(['2', '3', '7', '8'])
    sub = digits(8)
    return pick([('0%s %s %s' % (m[:3], m[3:6], m[6:]), 'au_mob'),
                 ('+61 %s %s %s' % (m[:3], m[3:6], m[6:]), 'au_mob_e164'),
                 ('0%s%s' % (m[:3], m[3:]), 'au_mob_bare'),
                 ('+61%s' % m, 'au_mob_e164_bare'),
                 ('(0%s) %s %s' % (area, sub[:4], sub[4:]), 'au_land_paren'),
                 ('0%s %s %s' % (area, sub[:4], sub[4:]), 'au_land'),
                 ('+61 %s %s %s' % (area, sub[:4], sub[4:]), 'au_land_e164'),
                 ('1300 %s %s' % (digits(3), digits(3)), 'au_1300'),
                 ('1800 %s %s' % (digits(3), digits(3)), 'au_1800'),
                 ('+61 (0)%s %s %s' % (area, sub[:4], sub[4:]), 'au_land_e164_0')])


def ph_ru():
    code = pick(['912', '916', '926', '903', '985', '495', '499', '812', '343', '383'])
    s = digits(7)
    d = '%s-%s-%s' % (s[:3], s[3:5], s[5:])
    return pick([('+7 %s %s' % (code, d), 'ru_e164'), ('+7 (%s) %s' % (code, d), 'ru_e164_paren'),
                 ('8 (%s) %s' % (code, d), 'ru_8_paren'), ('8 %s %s' % (code, d), 'ru_8'),
                 ('+7%s%s' % (code, s), 'ru_e164_bare'), ('8%s%s' % (code, s), 'ru_8_bare'),
                 ('8-%s-%s' % (code, d), 'ru_8_dash'),
                 ('+7 %s %s %s %s' % (code, s[:3], s[3:5], s[5:]), 'ru_e164_sp'),
                 ('8 800 %s-%s-%s' % (digits(3), digits(2), digits(2)), 'ru_800')])


def ph_tr():
    code = pick(['532', '533', '505', '542', '555', '212', '216', '312', '232'])
    s = digits(7)
    return pick([('+90 %s %s %s %s' % (code, s[:3], s[3:5], s[5:]), 'tr_e164'),
                 ('0%s %s %s %s' % (code, s[:3], s[3:5], s[5:]), 'tr_0'),
                 ('0 (%s) %s %s %s' % (code, s[:3], s[3:5], s[5:]), 'tr_0_paren'),
                 ('(0%s) %s %s %s' % (code, s[:3], s[3:5], s[5:]), 'tr_paren_0'),
                 ('+90 (%s) %s %s' % (code, s[:3], s[3:]), 'tr_e164_paren'),
                 ('0%s %s' % (code, s), 'tr_0_7'), ('+90%s%s' % (code, s), 'tr_e164_bare'),
                 ('444 %s' % g(digits(4), 2, 2), 'tr_444')])


PHONES = {'us': ph_us, 'ca': ph_ca, 'uk': ph_uk, 'de': ph_de, 'fr': ph_fr, 'in': ph_in,
          'cn': ph_cn, 'jp': ph_jp, 'kr': ph_kr, 'br': ph_br, 'mx': ph_mx, 'es': ph_es,
          'it': ph_it, 'nl': ph_nl, 'pl': ph_pl, 'au': ph_au, 'ru': ph_ru, 'tr': ph_tr}
# the countries a language's text draws its numbers from
LANG_CC = {'en': ['us', 'uk', 'au', 'ca', 'in'], 'de': ['de'], 'fr': ['fr', 'ca'],
           'es': ['es', 'mx'], 'it': ['it'], 'pt': ['br'], 'nl': ['nl'], 'pl': ['pl'],
           'ru': ['ru'], 'tr': ['tr'], 'ja': ['jp'], 'ko': ['kr'], 'zh': ['cn']}
EXT_WORD = {'en': ['ext. ', 'x', 'ext '], 'de': ['Durchwahl ', 'App. '], 'fr': ['poste '],
            'es': ['ext. ', 'int. '], 'it': ['int. ', 'interno '], 'pt': ['ramal '],
            'nl': ['toestel '], 'pl': ['wew. '], 'ru': ['доб. '], 'tr': ['dahili '],
            'ja': ['内線'], 'ko': ['내선 '], 'zh': ['转', '分机']}


def phone(lang, var=None):
    table = dict(PHONES, **PHONES_B, **PHONES_C) if SET == 'c' else \
        dict(PHONES, **PHONES_B) if SET == 'b' else PHONES
    if var in table:
        v, f = table[var]()
    elif var == 'intl':  # any country, in any language's text
        v, f = table[pick(sorted(table))]()
    else:
        v, f = table[pick(LANG_CC[lang])]()
    if var == 'ext' and 'x' not in f and 'ext' not in f:
        v, f = v + pick([' ', ', ']) + pick(EXT_WORD[lang]) + str(n(10, 999)), f + '+ext'
    return v, f


# set b (written after set a's rules): more countries' plans
def ph_se():
    m = '7' + pick('02369') + digits(7)
    return pick([('0%s-%s %s %s' % (m[:2], m[2:5], m[5:7], m[7:]), 'se_mob'),
                 ('+46 %s %s %s %s' % (m[:2], m[2:5], m[5:7], m[7:]), 'se_mob_e164'),
                 ('08-%s %s %s' % (digits(3), digits(2), digits(2)), 'se_sthlm'),
                 ('+46 (0)8 %s %s %s' % (digits(3), digits(2), digits(2)), 'se_e164_0')])


def ph_ch():
    return pick([('0%s %s %s %s' % (pick(['44', '43', '31', '61', '79', '78', '76']), digits(3),
                                    digits(2), digits(2)), 'ch'),
                 ('+41 %s %s %s %s' % (pick(['44', '79', '22']), digits(3), digits(2),
                                       digits(2)), 'ch_e164'),
                 ('+41 (0)%s %s %s %s' % (pick(['44', '79']), digits(3), digits(2), digits(2)),
                  'ch_e164_0')])


def ph_at():
    return pick([('+43 %s %s' % (pick(['664', '676', '699', '650']), digits(7)), 'at_mob_e164'),
                 ('0%s/%s' % (pick(['664', '676', '699']), digits(7)), 'at_mob_slash'),
                 ('+43 1 %s %s' % (digits(3), digits(4)), 'at_wien_e164'),
                 ('01/%s %s' % (digits(3), digits(2)), 'at_wien_slash')])


def ph_be():
    return pick([('04%s %s %s %s' % (pick('5789'), digits(2), digits(2), digits(2)) +
                  ' ' + digits(2), 'be_mob'),
                 ('+32 4%s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)), 'be_mob_e164'),
                 ('02 %s %s %s' % (digits(3), digits(2), digits(2)), 'be_bxl'),
                 ('+32 (0)2 %s %s %s' % (digits(3), digits(2), digits(2)), 'be_e164_0')])


def ph_pt():
    m = '9' + pick('1236') + digits(7)
    return pick([('%s %s %s' % (m[:3], m[3:6], m[6:]), 'pt_mob'),
                 ('+351 %s %s %s' % (m[:3], m[3:6], m[6:]), 'pt_mob_e164'),
                 ('21 %s %s' % (digits(3), digits(4)), 'pt_lx'),
                 ('(+351) 21 %s %s' % (digits(3), digits(4)), 'pt_lx_paren_cc')])


def ph_ar():
    return pick([('+54 9 11 %s-%s' % (digits(4), digits(4)), 'ar_mob_e164'),
                 ('011 15-%s-%s' % (digits(4), digits(4)), 'ar_mob_15'),
                 ('(011) %s-%s' % (digits(4), digits(4)), 'ar_ba'),
                 ('+54 351 %s-%s' % (digits(3), digits(4)), 'ar_cba_e164')])


def ph_co():
    return pick([('+57 3%s %s %s' % (digits(2), digits(3), digits(4)), 'co_mob_e164'),
                 ('3%s %s %s' % (digits(2), digits(3), digits(4)), 'co_mob'),
                 ('(601) %s %s' % (digits(3), digits(4)), 'co_bog'),
                 ('+57 601 %s %s' % (digits(3), digits(4)), 'co_bog_e164')])


def ph_id():
    return pick([('08%s-%s-%s' % (pick(['11', '12', '13', '21', '52', '57', '77']), digits(4),
                                  digits(4)), 'id_mob'),
                 ('+62 8%s-%s-%s' % (pick(['11', '12', '57']), digits(4), digits(4)),
                  'id_mob_e164'),
                 ('+62 812 %s %s' % (digits(4), digits(4)), 'id_mob_e164_sp'),
                 ('(021) %s %s' % (digits(4), digits(4)), 'id_jkt')])


def ph_vn():
    return pick([('09%s %s %s' % (digits(2), digits(3), digits(3)), 'vn_mob'),
                 ('+84 9%s %s %s' % (digits(1), digits(3), digits(4)), 'vn_mob_e164'),
                 ('0%s %s %s' % (pick(['24', '28']), digits(4), digits(4)), 'vn_land'),
                 ('(028) %s %s' % (digits(4), digits(4)), 'vn_land_paren')])


def ph_th():
    return pick([('0%s-%s-%s' % (pick(['81', '86', '89', '92']), digits(3), digits(4)),
                  'th_mob'),
                 ('+66 %s %s %s' % (pick(['81', '86', '89']), digits(3), digits(4)),
                  'th_mob_e164'),
                 ('02-%s-%s' % (digits(3), digits(4)), 'th_bkk')])


def ph_za():
    return pick([('0%s %s %s' % (pick(['82', '83', '72', '71', '61']), digits(3), digits(4)),
                  'za_mob'),
                 ('+27 %s %s %s' % (pick(['82', '83', '72']), digits(3), digits(4)),
                  'za_mob_e164'),
                 ('(021) %s %s' % (digits(3), digits(4)), 'za_cpt')])


def ph_ng():
    return pick([('0%s %s %s' % (pick(['803', '806', '813', '816', '703', '805']), digits(3),
                                 digits(4)), 'ng_mob'),
                 ('+234 %s %s %s' % (pick(['803', '806', '813']), digits(3), digits(4)),
                  'ng_mob_e164'),
                 ('+234%s%s' % (pick(['803', '806', '813']), digits(7)), 'ng_mob_e164_bare')])


def ph_eg():
    return pick([('010 %s %s' % (digits(4), digits(4)), 'eg_mob'),
                 ('+20 1%s %s %s' % (pick('0125'), digits(4), digits(4)), 'eg_mob_e164'),
                 ('+20 2 %s %s' % (digits(4), digits(4)), 'eg_cairo_e164')])


def ph_sa():
    return pick([('05%s %s %s' % (digits(1), digits(3), digits(4)), 'sa_mob'),
                 ('+966 5%s %s %s' % (digits(1), digits(3), digits(4)), 'sa_mob_e164'),
                 ('+971 50 %s %s' % (digits(3), digits(4)), 'ae_mob_e164'),
                 ('050 %s %s' % (digits(3), digits(4)), 'ae_mob')])


def ph_il():
    return pick([('05%s-%s-%s' % (pick('0234'), digits(3), digits(4)), 'il_mob'),
                 ('+972 5%s-%s-%s' % (pick('0234'), digits(3), digits(4)), 'il_mob_e164'),
                 ('03-%s%s' % (digits(3), digits(4)), 'il_tlv')])


def ph_gr():
    return pick([('69%s %s %s' % (digits(1), digits(3), digits(4)), 'gr_mob'),
                 ('+30 69%s %s %s' % (digits(1), digits(3), digits(4)), 'gr_mob_e164'),
                 ('210 %s %s' % (digits(3), digits(4)), 'gr_ath'),
                 ('+30 210 %s %s' % (digits(3), digits(4)), 'gr_ath_e164')])


def ph_cz():
    return pick([('%s %s %s' % (pick(['602', '603', '604', '721', '777']), digits(3),
                                digits(3)), 'cz_mob'),
                 ('+420 %s %s %s' % (pick(['602', '777', '731']), digits(3), digits(3)),
                  'cz_mob_e164'),
                 ('+420 2%s %s %s' % (digits(2), digits(3), digits(3)), 'cz_prg_e164')])


def ph_hu():
    return pick([('+36 %s %s %s' % (pick(['20', '30', '70']), digits(3), digits(4)),
                  'hu_mob_e164'),
                 ('06 %s %s %s' % (pick(['20', '30', '70']), digits(3), digits(4)), 'hu_mob_06'),
                 ('06-1-%s-%s' % (digits(3), digits(4)), 'hu_bp_06'),
                 ('+36 1 %s %s' % (digits(3), digits(4)), 'hu_bp_e164')])


def ph_ro():
    return pick([('07%s %s %s' % (pick(['22', '23', '44', '45', '55', '88']), digits(3),
                                  digits(3)), 'ro_mob'),
                 ('+40 7%s %s %s' % (pick(['22', '44', '55']), digits(3), digits(3)),
                  'ro_mob_e164'),
                 ('021 %s %s' % (digits(3), digits(4)), 'ro_buc')])


def ph_ua():
    return pick([('+380 %s %s %s %s' % (pick(['50', '67', '93', '97']), digits(3), digits(2),
                                        digits(2)), 'ua_mob_e164'),
                 ('0%s %s %s %s' % (pick(['50', '67', '93']), digits(3), digits(2), digits(2)),
                  'ua_mob'),
                 ('(044) %s-%s-%s' % (digits(3), digits(2), digits(2)), 'ua_kyiv_paren')])


def ph_sg():
    return pick([('+65 %s %s' % (pick('689') + digits(3), digits(4)), 'sg_e164'),
                 ('%s %s' % (pick('89') + digits(3), digits(4)), 'sg_bare8'),
                 ('+852 %s %s' % (pick('5679') + digits(3), digits(4)), 'hk_e164'),
                 ('+886 9%s %s %s' % (digits(2), digits(3), digits(3)), 'tw_mob_e164'),
                 ('(02) %s-%s' % (digits(4), digits(4)), 'tw_tpe'),
                 ('+64 21 %s %s' % (digits(3), digits(4)), 'nz_mob_e164'),
                 ('+63 917 %s %s' % (digits(3), digits(4)), 'ph_mob_e164'),
                 ('0917 %s %s' % (digits(3), digits(4)), 'ph_mob')])


PHONES_B = {'se': ph_se, 'ch': ph_ch, 'at': ph_at, 'be': ph_be, 'pt': ph_pt, 'ar': ph_ar,
            'co': ph_co, 'id': ph_id, 'vn': ph_vn, 'th': ph_th, 'za': ph_za, 'ng': ph_ng,
            'eg': ph_eg, 'sa': ph_sa, 'il': ph_il, 'gr': ph_gr, 'cz': ph_cz, 'hu': ph_hu,
            'ro': ph_ro, 'ua': ph_ua, 'sg': ph_sg}
LANG_CC.update({'sv': ['se'], 'cs': ['cz'], 'hu': ['hu'], 'ro': ['ro'], 'uk': ['ua'],
                'el': ['gr'], 'id': ['id'], 'vi': ['vn'], 'th': ['th'], 'ar': ['sa', 'eg'],
                'he': ['il'], 'de_b': ['de', 'at', 'ch'], 'fr_b': ['fr', 'be', 'ch'],
                'es_b': ['es', 'ar', 'co', 'mx'], 'pt_b': ['pt', 'br'],
                'en_b': ['us', 'uk', 'au', 'za', 'ng', 'sg', 'in']})
EXT_WORD.update({'sv': ['ankn. '], 'cs': ['linka '], 'hu': ['mellék '], 'ro': ['int. '],
                 'uk': ['доб. '], 'el': ['εσωτ. '], 'id': ['ext. '], 'vi': ['máy lẻ '],
                 'th': ['ต่อ '], 'ar': ['تحويلة '], 'he': ['שלוחה '], 'de_b': ['DW '],
                 'fr_b': ['poste '], 'es_b': ['int. ', 'ext. '], 'pt_b': ['ext. '],
                 'en_b': ['extn ', 'ext. ']})


# set c (written after set b's rules): still more countries
def ph_nordic():
    return pick([('+45 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)), 'dk_e164'),
                 ('%s %s %s %s' % (pick(['20', '31', '40', '52', '61']), digits(2), digits(2),
                                   digits(2)), 'dk_pairs'),
                 ('+47 %s %s %s' % (pick(['4', '9']) + digits(2), digits(2), digits(3)),
                  'no_e164'),
                 ('%s %s %s' % (pick(['4', '9']) + digits(2), digits(2), digits(3)), 'no_mob'),
                 ('040 %s %s' % (digits(3), digits(4)), 'fi_mob'),
                 ('+358 40 %s %s' % (digits(3), digits(4)), 'fi_mob_e164'),
                 ('09 %s %s' % (digits(3), digits(4)), 'fi_hki')])


def ph_balkan():
    return pick([('+359 88 %s %s' % (digits(3), digits(4)), 'bg_mob_e164'),
                 ('088 %s %s' % (digits(3), digits(4)), 'bg_mob'),
                 ('+381 6%s %s %s' % (digits(1), digits(3), digits(4)), 'rs_mob_e164'),
                 ('06%s/%s-%s' % (digits(1), digits(3), digits(4)), 'rs_mob_slash'),
                 ('+385 91 %s %s' % (digits(3), digits(4)), 'hr_mob_e164'),
                 ('091 %s %s' % (digits(3), digits(4)), 'hr_mob'),
                 ('+421 9%s %s %s' % (digits(2), digits(3), digits(3)), 'sk_mob_e164'),
                 ('09%s %s %s' % (digits(2), digits(3), digits(3)), 'sk_mob')])


def ph_baltic():
    return pick([('+370 6%s %s' % (digits(2), digits(5)), 'lt_mob_e164'),
                 ('8 6%s %s' % (digits(2), digits(5)), 'lt_mob_8'),
                 ('+371 2%s %s' % (digits(3), digits(4)), 'lv_mob_e164'),
                 ('+372 5%s %s' % (digits(3), digits(4)), 'ee_mob_e164'),
                 ('5%s %s' % (digits(3), digits(4)), 'ee_mob')])


def ph_asia():
    return pick([('+60 12-%s %s' % (digits(3), digits(4)), 'my_mob_e164'),
                 ('012-%s %s' % (digits(3), digits(4)), 'my_mob'),
                 ('03-%s %s' % (digits(4), digits(4)), 'my_kl'),
                 ('+92 3%s %s' % (digits(2), digits(7)), 'pk_mob_e164'),
                 ('03%s-%s' % (digits(2), digits(7)), 'pk_mob'),
                 ('+880 1%s-%s' % (digits(3), digits(6)), 'bd_mob_e164'),
                 ('01%s-%s' % (digits(3), digits(6)), 'bd_mob'),
                 ('+98 912 %s %s' % (digits(3), digits(4)), 'ir_mob_e164'),
                 ('0912 %s %s' % (digits(3), digits(4)), 'ir_mob'),
                 ('+7 701 %s %s %s' % (digits(3), digits(2), digits(2)), 'kz_mob_e164'),
                 ('+998 90 %s %s %s' % (digits(3), digits(2), digits(2)), 'uz_mob_e164'),
                 ('+995 5%s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)),
                  'ge_mob_e164')])


def ph_africa_latam():
    return pick([('+254 7%s %s' % (digits(2), digits(6)), 'ke_mob_e164'),
                 ('07%s %s %s' % (digits(2), digits(3), digits(3)), 'ke_mob'),
                 ('+255 7%s %s %s' % (digits(2), digits(3), digits(3)), 'tz_mob_e164'),
                 ('+212 6%s-%s%s%s' % (digits(2), digits(2), digits(2), digits(2)),
                  'ma_mob_e164'),
                 ('06 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)), 'ma_mob'),
                 ('+51 9%s %s %s' % (digits(2), digits(3), digits(3)), 'pe_mob_e164'),
                 ('+56 9 %s %s' % (digits(4), digits(4)), 'cl_mob_e164'),
                 ('(2) 2%s %s' % (digits(3), digits(4)), 'cl_stgo'),
                 ('+58 412-%s%s' % (digits(3), digits(4)), 've_mob_e164'),
                 ('+593 9%s %s %s' % (digits(1), digits(3), digits(4)), 'ec_mob_e164'),
                 ('+598 9%s %s %s' % (digits(1), digits(3), digits(3)), 'uy_mob_e164'),
                 ('+353 8%s %s %s' % (digits(1), digits(3), digits(4)), 'ie_mob_e164'),
                 ('08%s %s %s' % (digits(1), digits(3), digits(4)), 'ie_mob')])


PHONES_C = {'nordic': ph_nordic, 'balkan': ph_balkan, 'baltic': ph_baltic, 'asia': ph_asia,
            'afla': ph_africa_latam}
LANG_CC.update({'da': ['nordic'], 'fi': ['nordic'], 'bg': ['balkan'], 'hr': ['balkan'],
                'sk': ['balkan'], 'lt': ['baltic'], 'ms': ['asia'], 'tl': ['sg'],
                'hi': ['in'], 'fa': ['asia'], 'ur': ['asia'], 'sw': ['afla'], 'ca': ['es'],
                'en_c': ['us', 'uk', 'afla', 'asia', 'au'], 'es_c': ['afla', 'mx', 'es']})
EXT_WORD.update({'da': ['lokal '], 'fi': ['alanumero '], 'bg': ['вътр. '], 'hr': ['kućni '],
                 'sk': ['klapka '], 'lt': ['vidaus '], 'ms': ['samb. '], 'tl': ['loc. '],
                 'hi': ['एक्सटेंशन '], 'fa': ['داخلی '], 'ur': ['ایکسٹینشن '], 'sw': ['ext. '],
                 'ca': ['ext. '], 'en_c': ['ext ', 'extension ', 'X'], 'es_c': ['anexo ', 'int. ']})


# ---- cards, IBANs, ids ---------------------------------------------------------
CARDS = [('maestro', lambda: pick(['5018', '5020', '6304', '6759', '6761']), pick,
          [16, 19, 13]),
         ('elo', lambda: pick(['401178', '438935', '504175', '636297', '636368', '509048']),
          None, [16]),
         ('hipercard', lambda: '606282', None, [16]), ('troy', lambda: '9792', None, [16]),
         ('verve', lambda: str(n(506099, 506198)), None, [16, 19]),
         ('dankort', lambda: '5019', None, [16]), ('mir', lambda: '220' + str(n(0, 4)), None,
                                                   [16]),
         ('unionpay', lambda: '62' + pick(['22', '28', '35', '58']), None, [16, 19])]


def card(lang, var=None):
    if rng.random() < 0.45:
        name, pre, _, lengths = pick(CARDS)
        num = checks.luhn_complete((lambda p: p + digits(pick(lengths) - 1 - len(p)))(pre()))
    else:
        num, name = st.card_number()
    L = len(num)
    sizes = {13: [4, 4, 5], 14: [4, 6, 4], 15: [4, 6, 5], 16: [4, 4, 4, 4],
             19: [4, 4, 4, 4, 3]}[L]
    style = pick(['space', 'dash', 'bare', 'space', 'nbsp', 'dot'])
    if style == 'bare':
        return num, name + '_bare'
    sep = {'space': ' ', 'dash': '-', 'nbsp': '\u00a0', 'dot': '.'}[style]
    return st.group(num, sizes, sep), name + '_' + style


IBAN_LANG = {'en': ['GB', 'IE', 'MT'], 'de': ['DE', 'AT', 'CH'], 'fr': ['FR', 'BE', 'LU', 'MC'],
             'es': ['ES', 'AD'], 'it': ['IT', 'SM', 'VA'], 'pt': ['PT', 'BR'],
             'nl': ['NL', 'BE'], 'pl': ['PL', 'LT', 'CZ'], 'ru': ['KZ', 'UA', 'AZ', 'GE'],
             'tr': ['TR', 'AZ', 'CY'], 'ja': ['DE', 'FR', 'GB'], 'ko': ['DE', 'GB'],
             'zh': ['GB', 'DE', 'FR']}


IBAN_LANG.update({'sv': ['SE', 'FI', 'NO', 'DK'], 'cs': ['CZ', 'SK'], 'hu': ['HU'],
                  'ro': ['RO', 'MD', 'BG'], 'uk': ['UA'], 'el': ['GR', 'CY'], 'id': ['GB', 'DE'],
                  'vi': ['FR', 'DE'], 'th': ['GB', 'DE'], 'ar': ['SA', 'AE', 'QA', 'KW', 'JO'],
                  'he': ['IL'], 'de_b': ['AT', 'CH', 'LI', 'DE'], 'fr_b': ['BE', 'CH', 'LU'],
                  'es_b': ['ES', 'CR', 'DO', 'GT'], 'pt_b': ['PT', 'BR'],
                  'en_b': ['GB', 'IE', 'GI', 'MU']})


IBAN_LANG.update({'da': ['DK', 'NO', 'FO', 'GL'], 'fi': ['FI'], 'bg': ['BG'], 'hr': ['HR', 'RS', 'BA', 'ME'],
                  'sk': ['SK'], 'lt': ['LT', 'LV', 'EE'], 'ms': ['GB'], 'tl': ['GB'], 'hi': ['GB'],
                  'fa': ['TR', 'AZ'], 'ur': ['PK'], 'sw': ['MU', 'GB'], 'ca': ['ES', 'AD'],
                  'en_c': ['IE', 'GB', 'MT', 'IS'], 'es_c': ['ES', 'CR', 'DO']})


def iban(lang, var=None):
    cc = pick(IBAN_LANG[lang]) if rng.random() < 0.6 else pick(sorted(st.IBAN))
    s = st.iban_raw(cc)
    style = pick(['grouped', 'bare', 'nbsp', 'dash', 'grouped', 'national'])
    if style == 'bare':
        return s, 'iban_bare'
    if style == 'national' and cc == 'IT':  # IT60 X054 ... is also written IT 60 X 05428 …
        return '%s %s %s %s %s %s' % (s[:2], s[2:4], s[4], s[5:10], s[10:15], s[15:]), \
            'iban_it_national'
    sep = {'grouped': ' ', 'nbsp': '\u00a0', 'dash': '-', 'national': ' '}[style]
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4)), 'iban_' + style


def passport(lang, var=None):
    up = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    cc = var or pick({'en': ['us', 'uk', 'au', 'ca'], 'de': ['de'], 'fr': ['fr'],
                      'es': ['es', 'mx'], 'it': ['it'], 'pt': ['br', 'pt'], 'nl': ['nl'],
                      'pl': ['pl'], 'ru': ['ru'], 'tr': ['tr'], 'ja': ['jp'], 'ko': ['kr'],
                      'zh': ['cn'], 'sv': ['se'], 'cs': ['cz'], 'hu': ['hu'], 'ro': ['ro'],
                      'uk': ['ua'], 'el': ['gr'], 'id': ['idn'], 'vi': ['vn'], 'th': ['th'],
                      'ar': ['sa', 'eg'], 'he': ['il'], 'de_b': ['de', 'ch'],
                      'fr_b': ['fr'], 'es_b': ['es', 'mx'], 'pt_b': ['br', 'pt'],
                      'en_b': ['us', 'uk', 'in', 'za', 'ng'], 'da': ['dk'], 'fi': ['fi'],
                      'bg': ['bg'], 'hr': ['hr'], 'sk': ['sk'], 'lt': ['lt'], 'ms': ['my'],
                      'tl': ['ph'], 'hi': ['in'], 'fa': ['ir'], 'ur': ['pk'], 'sw': ['ke'],
                      'ca': ['es'], 'en_c': ['ie', 'nz', 'us'], 'es_c': ['cl', 'pe', 'es']}[lang])
    if cc in ('us', 'uk', 'ca', 'de', 'fr', 'es', 'mx', 'cn', 'jp', 'ch'):
        return st.passport('en', cc)
    v = {'au': lambda: pick(['PA', 'PB', 'N', 'E', 'M']) + digits(7),
         'it': lambda: pick(up) + pick(up) + digits(7),
         'br': lambda: pick(up) + pick(up) + digits(6),
         'pt': lambda: pick(up) + digits(6),
         'nl': lambda: pick(up) + pick(up) + ''.join(pick(up + '0123456789') for _ in range(6)) +
         digits(1),
         'pl': lambda: pick(up) + pick(up) + digits(7),
         'ru': lambda: pick(['%s %s' % (digits(2), digits(7)), digits(9)]),
         'tr': lambda: pick('UPS') + digits(8),
         'kr': lambda: pick('MSRGD') + digits(8) if rng.random() < 0.7 else
         pick('M') + digits(3) + pick(up) + digits(4),
         'se': lambda: digits(8), 'cz': lambda: digits(8), 'hu': lambda: pick(up) + pick(up) +
         digits(7), 'ro': lambda: digits(8) if rng.random() < 0.5 else '0' + digits(8),
         'ua': lambda: pick(up) + pick(up) + digits(6) if rng.random() < 0.5 else digits(9),
         'gr': lambda: pick(up) + pick(up) + digits(7), 'idn': lambda: pick('ABCX') + digits(7),
         'vn': lambda: pick('BCN') + digits(7), 'th': lambda: pick(up) + pick(up) + digits(7),
         'sa': lambda: pick(up) + digits(8), 'eg': lambda: pick(up) + digits(8),
         'il': lambda: digits(8), 'in': lambda: pick('JKLMNPRSTVZ') + digits(7),
         'za': lambda: pick('AMT') + digits(8), 'ng': lambda: 'A' + digits(8),
         'dk': lambda: digits(9), 'fi': lambda: pick(up) + pick(up) + digits(7),
         'bg': lambda: digits(9), 'hr': lambda: digits(9), 'sk': lambda: pick(up) + pick(up) +
         digits(7), 'lt': lambda: digits(8), 'my': lambda: pick('AHK') + digits(8),
         'ph': lambda: pick('PE') + digits(7) + pick(up), 'ir': lambda: pick(up) + digits(8),
         'pk': lambda: pick(up) + pick(up) + digits(7), 'ke': lambda: pick('AKC') + digits(7),
         'ie': lambda: pick(up) + pick(up) + digits(7), 'nz': lambda: pick(up) + pick(up) +
         digits(6), 'cl': lambda: pick('FP') + digits(8), 'pe': lambda: digits(9)}[cc]()
    return v, 'passport_' + cc


def ip(lang, var=None):
    if var == 'port4':
        return '%s:%d' % (st.ipv4_any(), pick([22, 443, 8080, 3389, 51820])), 'v4_port'
    if var == 'cidr':
        v = st.ipv4_any().rsplit('.', 1)[0] + '.0'
        return v + '/%d' % pick([24, 16, 28]), 'v4_cidr'
    if var == 'brport':
        v, f = st.ipv6_value()
        v = v.split('%')[0]
        return '[%s]:%d' % (v, pick([443, 8443, 53, 22])), f + '_bracket_port'
    if var == '6':
        return st.ipv6_value()
    return st.ip(lang)


def mac(lang, var=None):
    if var == 'bare':
        h = ''.join('%02x' % rng.randrange(256) for _ in range(6))
        return pick([(h, 'mac_bare'), (h.upper(), 'mac_bare_upper')])
    return st.mac(lang)


DOMAINS = {'en': ['gmail.com', 'outlook.com', 'bigpond.com', 'btinternet.com', 'shaw.ca'],
           'de': ['t-online.de', 'gmx.de', 'posteo.de'], 'fr': ['laposte.net', 'wanadoo.fr'],
           'es': ['telefonica.net', 'prodigy.net.mx'], 'it': ['libero.it', 'tiscali.it',
                                                              'alice.it'],
           'pt': ['uol.com.br', 'bol.com.br', 'terra.com.br', 'sapo.pt'],
           'nl': ['ziggo.nl', 'kpnmail.nl', 'hetnet.nl'], 'pl': ['wp.pl', 'o2.pl',
                                                                 'interia.pl', 'onet.pl'],
           'ru': ['yandex.ru', 'mail.ru', 'rambler.ru', 'bk.ru'],
           'tr': ['hotmail.com.tr', 'ttmail.com', 'yandex.com.tr'],
           'ja': ['yahoo.co.jp', 'ezweb.ne.jp', 'nifty.com'],
           'ko': ['naver.com', 'daum.net', 'hanmail.net', 'kakao.com'],
           'zh': ['126.com', 'sohu.com', 'aliyun.com']}
LOCALS = {'en': ['liam.obrien', 'chloe_w', 'ngaio.t', 'raj.patel77'],
          'de': ['lukas.brandt', 'mia-sophie', 'k.oezdemir'], 'fr': ['m.lefebvre', 'ines.b'],
          'es': ['javier.morales', 'ximena_r'], 'it': ['giulia.conti', 'f.rossi84'],
          'pt': ['joao.silva', 'ana.souza', 'thiago_lima'], 'nl': ['s.de.vries', 'bram.jansen'],
          'pl': ['krzysztof.nowak', 'a.wisniewska'], 'ru': ['ivanov.sergey', 'olga_petrova',
                                                              'd.smirnov'],
          'tr': ['mehmet.yilmaz', 'aysegul.k'], 'ja': ['yamada_taro', 'hanako.s', 'k-ito'],
          'ko': ['minjun.kim', 'jiwoo_park', 'seoyeon92'], 'zh': ['zhaoli', 'chen.hao', 'xm_liu']}
DOMAINS.update({'sv': ['telia.com', 'bredband.net'], 'cs': ['seznam.cz', 'centrum.cz'],
                'hu': ['freemail.hu', 'citromail.hu'], 'ro': ['yahoo.ro', 'gmail.com'],
                'uk': ['ukr.net', 'i.ua'], 'el': ['otenet.gr', 'yahoo.gr'],
                'id': ['yahoo.co.id', 'telkom.net'], 'vi': ['vnn.vn', 'fpt.vn'],
                'th': ['hotmail.co.th', 'truemail.co.th'], 'ar': ['yahoo.com.sa', 'emirates.net.ae'],
                'he': ['walla.co.il', 'bezeqint.net'], 'de_b': ['bluewin.ch', 'aon.at'],
                'fr_b': ['skynet.be', 'sunrise.ch'], 'es_b': ['fibertel.com.ar', 'une.net.co'],
                'pt_b': ['ig.com.br', 'netcabo.pt'], 'en_b': ['xtra.co.nz', 'telkomsa.net',
                                                             'singnet.com.sg']})
LOCALS.update({'sv': ['erik.lindqvist', 'a.sjoberg'], 'cs': ['jan.novak', 'petra.dvorakova'],
               'hu': ['nagy.istvan', 'kovacs.eva'], 'ro': ['andrei.popescu', 'ioana_m'],
               'uk': ['o.kovalenko', 'taras.shevchuk'], 'el': ['g.papadopoulos', 'eleni.k'],
               'id': ['budi.santoso', 'siti_rahma'], 'vi': ['nguyen.van.an', 'tranthimai'],
               'th': ['somchai.p', 'nattaya_s'], 'ar': ['m.alharbi', 'fatima.hassan'],
               'he': ['yossi.cohen', 'noa.levi'], 'de_b': ['reto.meier', 'ursula.gruber'],
               'fr_b': ['luc.peeters', 'c.dubois'], 'es_b': ['martin.gomez', 'valentina_r'],
               'pt_b': ['rui.ferreira', 'leticia.m'], 'en_b': ['thabo.m', 'chidi.okeke',
                                                               'wei.ling.tan']})
DOMAINS.update({'da': ['jubii.dk', 'mail.dk'], 'fi': ['suomi24.fi', 'elisanet.fi'],
                'bg': ['abv.bg', 'mail.bg'], 'hr': ['net.hr', 't-com.hr'], 'sk': ['azet.sk',
                                                                                 'post.sk'],
                'lt': ['one.lt', 'inbox.lt'], 'ms': ['yahoo.com.my', 'tm.net.my'],
                'tl': ['yahoo.com.ph', 'pldt.net'], 'hi': ['rediffmail.com', 'gmail.com'],
                'fa': ['chmail.ir', 'gmail.com'], 'ur': ['cyber.net.pk', 'gmail.com'],
                'sw': ['yahoo.co.ke', 'gmail.com'], 'ca': ['telefonica.net', 'xtec.cat'],
                'en_c': ['eircom.net', 'xtra.co.nz', 'proton.me'], 'es_c': ['vtr.net', 'speedy.com.pe']})
LOCALS.update({'da': ['mette.h', 'soren.kj'], 'fi': ['mikko.virtanen', 'aino_k'],
               'bg': ['i.petrov', 'maria.georgieva'], 'hr': ['ivan.horvat', 'ana.kovac'],
               'sk': ['peter.kovac', 'zuzana.h'], 'lt': ['jonas.k', 'ruta.petraite'],
               'ms': ['ahmad.faiz', 'nurul_a'], 'tl': ['juan.delacruz', 'maricel.s'],
               'hi': ['rohit.verma', 'anjali_s'], 'fa': ['reza.ahmadi', 'sara.k'],
               'ur': ['ali.raza', 'ayesha_k'], 'sw': ['juma.m', 'amina.o'],
               'ca': ['jordi.puig', 'montse.v'], 'en_c': ['aoife.byrne', 'tane.w'],
               'es_c': ['camila.rojas', 'diego_q']})
UNI_LOCALS = ['şükrü', 'łukasz', 'иван', 'joão', 'ñandú', 'ölçüm', 'müşteri', '김민준']
UNI_DOMAINS = ['почта.рф', 'şirket.com.tr', 'münchen.de', '한국.kr', 'mañana.com']


def email(lang, var=None):
    f = rng.random()
    if f < 0.07:
        return '%s@%s' % (pick(UNI_LOCALS), pick(UNI_DOMAINS + DOMAINS[lang])), 'email_unicode'
    local, dom = pick(LOCALS[lang]), pick(DOMAINS[lang])
    if f < 0.2:
        return '%s+%s@%s' % (local, pick(['bills', 'amazon', 'inscricao', 'nl', 'work']), dom), \
            'email_plus'
    if f < 0.26:
        return ('%s@%s' % (local, dom)).upper(), 'email_upper'
    if f < 0.36:
        sub = pick(['mail', 'eu', 'staff', 'mx'])
        return '%s@%s.%s' % (local, sub, pick(['ac.jp', 'edu.pl', 'gov.br', 'co.kr', 'com.tr',
                                                'uni-koeln.de'])), 'email_subdomain'
    return '%s@%s' % (local, dom), 'email'


# ---- birth dates ---------------------------------------------------------------
MON = dict(addr.MONTHS)
MON.update({
    'pl': 'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października '
          'listopada grudnia'.split(),
    'ru': 'января февраля марта апреля мая июня июля августа сентября октября ноября '
          'декабря'.split(),
    'tr': 'Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık'.split(),
    'en': w.MONTHS_EN})


MON_B = {
    'sv': 'januari februari mars april maj juni juli augusti september oktober november '
          'december'.split(),
    'cs': 'ledna února března dubna května června července srpna září října listopadu '
          'prosince'.split(),
    'hu': 'január február március április május június július augusztus szeptember október '
          'november december'.split(),
    'ro': 'ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie '
          'noiembrie decembrie'.split(),
    'vi': ['tháng %d' % k for k in range(1, 13)]}
MON_C = {
    'da': 'januar februar marts april maj juni juli august september oktober november '
          'december'.split(),
    'fi': ['%d.' % k for k in range(1, 13)],
    'hr': 'siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada '
          'studenoga prosinca'.split(),
    'ca': ['de gener', 'de febrer', 'de març', "d'abril", 'de maig', 'de juny', 'de juliol',
           "d'agost", 'de setembre', "d'octubre", 'de novembre', 'de desembre']}
DOB_C = {
    'da': lambda y, m, d: pick([('%d. %s %d' % (d, MON_C['da'][m - 1], y), 'dob_da_words'),
                                ('%02d-%02d-%d' % (d, m, y), 'dob_dash')]),
    'fi': lambda y, m, d: ('%d.%d.%d' % (d, m, y), 'dob_dot_short'),
    'bg': lambda y, m, d: ('%02d.%02d.%d г.' % (d, m, y), 'dob_dot_g'),
    'hr': lambda y, m, d: pick([('%d. %s %d.' % (d, MON_C['hr'][m - 1], y), 'dob_hr_words'),
                                ('%02d.%02d.%d.' % (d, m, y), 'dob_dot_trail')]),
    'sk': lambda y, m, d: ('%d. %d. %d' % (d, m, y), 'dob_cs_spaced'),
    'lt': lambda y, m, d: ('%d-%02d-%02d' % (y, m, d), 'dob_iso'),
    'ms': lambda y, m, d: ('%02d/%02d/%d' % (d, m, y), 'dob_slash'),
    'tl': lambda y, m, d: ('%s %d, %d' % (w.MONTHS_EN[m - 1], d, y), 'dob_mdy_words'),
    'hi': lambda y, m, d: ('%02d-%02d-%d' % (d, m, y), 'dob_dash'),
    'fa': lambda y, m, d: ('%d/%02d/%02d' % (y, m, d), 'dob_ymd_slash'),
    'ur': lambda y, m, d: ('%02d-%02d-%d' % (d, m, y), 'dob_dash'),
    'sw': lambda y, m, d: ('%02d/%02d/%d' % (d, m, y), 'dob_slash'),
    'ca': lambda y, m, d: ('%d %s de %d' % (d, MON_C['ca'][m - 1], y), 'dob_ca_words'),
    'en_c': lambda y, m, d: pick([('%d %s %d' % (d, w.MONTHS_EN[m - 1][:3].upper(), y),
                                   'dob_dmon_up'),
                                  ('%04d%02d%02d' % (y, m, d), 'dob_basic'),
                                  ('%s %d %d' % (w.MONTHS_EN[m - 1], d, y), 'dob_mdy_nocomma')]),
    'es_c': lambda y, m, d: ('%d/%d/%d' % (d, m, y), 'dob_slash_short'),
}
DOB_B = {
    'sv': lambda y, m, d: pick([('%04d-%02d-%02d' % (y, m, d), 'dob_iso'),
                                ('%d %s %d' % (d, MON_B['sv'][m - 1], y), 'dob_sv_words')]),
    'cs': lambda y, m, d: pick([('%d. %d. %d' % (d, m, y), 'dob_cs_spaced'),
                                ('%d. %s %d' % (d, MON_B['cs'][m - 1], y), 'dob_cs_words')]),
    'hu': lambda y, m, d: pick([('%d. %02d. %02d.' % (y, m, d), 'dob_hu_dots'),
                                ('%d. %s %d.' % (y, MON_B['hu'][m - 1], d), 'dob_hu_words')]),
    'ro': lambda y, m, d: pick([('%02d.%02d.%d' % (d, m, y), 'dob_dot'),
                                ('%d %s %d' % (d, MON_B['ro'][m - 1], y), 'dob_ro_words')]),
    'uk': lambda y, m, d: ('%02d.%02d.%d' % (d, m, y), 'dob_dot'),
    'el': lambda y, m, d: pick([('%d/%d/%d' % (d, m, y), 'dob_slash_short'),
                                ('%d %s %d' % (d, addr.MONTHS['el'][m - 1], y), 'dob_el_words')]),
    'id': lambda y, m, d: pick([('%d %s %d' % (d, addr.MONTHS['id'][m - 1], y), 'dob_id_words'),
                                ('%02d-%02d-%d' % (d, m, y), 'dob_dash')]),
    'vi': lambda y, m, d: pick([('%02d/%02d/%d' % (d, m, y), 'dob_slash'),
                                ('%d %s năm %d' % (d, MON_B['vi'][m - 1], y), 'dob_vi_words')]),
    'th': lambda y, m, d: ('%d/%d/%d' % (d, m, y + 543), 'dob_th_buddhist'),
    'ar': lambda y, m, d: ('%02d/%02d/%d' % (d, m, y), 'dob_slash'),
    'he': lambda y, m, d: ('%d.%d.%d' % (d, m, y), 'dob_dot_short'),
    'en_b': lambda y, m, d: pick([('%d%s %s %d' % (d, 'th' if 4 <= d <= 20 else
                                                    {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th'),
                                                    w.MONTHS_EN[m - 1], y), 'dob_ordinal'),
                                  ('%s-%02d-%d' % (w.MONTHS_EN[m - 1][:3], d, y), 'dob_mon_dash'),
                                  ('%02d/%02d/%02d' % (m, d, y % 100), 'dob_mdy2')]),
}


def dob(lang, var=None):
    y, m, d = n(1938, 2008), n(1, 12), n(1, 28)
    k = rng.random()
    if lang in ('ja', 'zh'):
        return pick([('%d年%d月%d日' % (y, m, d), 'dob_cjk'),
                     ('%04d/%02d/%02d' % (y, m, d), 'dob_ymd_slash'),
                     ('%04d-%02d-%02d' % (y, m, d), 'dob_iso')])
    if lang == 'ko':
        return pick([('%d년 %d월 %d일' % (y, m, d), 'dob_ko'),
                     ('%04d.%02d.%02d' % (y, m, d), 'dob_ymd_dot'),
                     ('%04d. %d. %d.' % (y, m, d), 'dob_ko_dots')])
    if SET == 'b' and lang in DOB_B:
        return DOB_B[lang](y, m, d)
    if SET == 'c' and lang in DOB_C:
        return DOB_C[lang](y, m, d)
    lang = lang[:-2] if lang.endswith(('_b', '_c')) else lang
    if k < 0.4 and lang in MON:
        mon = MON[lang][m - 1]
        if lang in ('pt', 'es'):
            return '%d de %s de %d' % (d, mon, y), 'dob_words_de'
        if lang == 'de':
            return '%d. %s %d' % (d, mon, y), 'dob_words_dot'
        if lang == 'ru':
            return '%d %s %d г.' % (d, mon, y), 'dob_words_g'
        if lang == 'en':
            return pick([('%s %d, %d' % (mon, d, y), 'dob_mdy_words'),
                         ('%d %s %d' % (d, mon, y), 'dob_dmy_words')])
        return '%d %s %d' % (d, mon, y), 'dob_words'
    if lang == 'en':
        return pick([('%02d/%02d/%04d' % (m, d, y), 'dob_mdy'), ('%04d-%02d-%02d' % (y, m, d),
                                                               'dob_iso')])
    return pick([('%02d.%02d.%04d' % (d, m, y), 'dob_dot'), ('%02d/%02d/%04d' % (d, m, y),
                                                            'dob_slash'),
                 ('%02d-%02d-%04d' % (d, m, y), 'dob_dash'), ('%04d-%02d-%02d' % (y, m, d),
                                                             'dob_iso')])


MAKERS = {'email': ('email', 'EMAIL_ADDRESS', email), 'phone': ('phone', 'PHONE_NUMBER', phone),
          'card': ('credit_card', 'CREDIT_CARD', card), 'iban': ('iban', 'IBAN_CODE', iban),
          'ssn': ('us_ssn', 'US_SSN', st.ssn), 'nino': ('uk_nino', 'UK_NINO', st.nino),
          'cnid': ('cn_resident_id', 'CN_RESIDENT_ID', st.cn_id),
          'passport': ('passport', 'PASSPORT', passport), 'ip': ('ip_address', 'IP_ADDRESS', ip),
          'mac': ('mac_address', 'MAC_ADDRESS', mac),
          'crypto': ('crypto_address', 'CRYPTO', st.crypto),
          'dob': ('date_of_birth', 'DATE_OF_BIRTH', dob)}


def typed_for(lang):
    """The slot table of w.fill for one language: every maker records its form."""
    def wrap(make):
        return lambda var=None: out(*make(lang, var))
    return {k: (t, p, wrap(m)) for k, (t, p, m) in MAKERS.items()}


# ---- look-alikes ---------------------------------------------------------------
def nip():  # Polish tax number, weights 6 5 7 2 3 4 5 6 7
    while True:
        d = digits(9)
        c = sum(int(x) * y for x, y in zip(d, [6, 5, 7, 2, 3, 4, 5, 6, 7])) % 11
        if c < 10:
            s = d + str(c)
            return pick(['%s-%s-%s-%s' % (s[:3], s[3:6], s[6:8], s[8:]), s])


def inn():  # Russian company INN (10 digits)
    d = digits(9)
    c = sum(int(x) * y for x, y in zip(d, [2, 4, 10, 3, 5, 9, 4, 6, 8])) % 11 % 10
    return d + str(c)


LOOK = dict(st.LOOK)
LOOK.update({
    'nip': nip, 'inn': inn,
    'kvk': lambda: digits(8),
    'cnpj': lambda: '%s.%s.%s/0001-%s' % (digits(2), digits(3), digits(3), digits(2)),
    'vergi': lambda: digits(10),
    'bizno': lambda: '%s-%s-%s' % (digits(3), digits(2), digits(5)),  # Korean business number
    'jan': lambda: '45' + digits(11),
    'ordjp': lambda: '%s-%s-%s' % (digits(3), digits(4), digits(4)),  # 3-4-4 like a phone
    'awb': lambda: '%s-%s' % (digits(3), digits(8)),  # air waybill
    'flight': lambda: pick(['LH', 'TK', 'KE', 'JL', 'AZ', 'LO', 'SU']) + str(n(100, 1999)),
    'build': lambda: '%d.%d.%d (build %d)' % (n(1, 19), n(0, 9), n(0, 20), n(10000, 99999)),
    'kb': lambda: 'KB%d' % n(4000000, 5999999),
    'cve': lambda: 'CVE-%d-%d' % (n(2015, 2025), n(1000, 49999)),
    'rgb': lambda: 'rgb(%d, %d, %d)' % (n(0, 255), n(0, 255), n(0, 255)),
    'dim': lambda: '%dx%dx%d mm' % (n(10, 999), n(10, 999), n(10, 999)),
    'pct2': lambda: '%d,%d %%' % (n(0, 99), n(0, 9)),
    'ts_ms': lambda: '%02d:%02d:%02d.%03d' % (n(0, 23), n(0, 59), n(0, 59), n(0, 999)),
    'odate': lambda: pick(['%02d.%02d.%04d' % (n(1, 28), n(1, 12), n(2019, 2027)),
                           '%04d-%02d-%02d' % (n(2019, 2027), n(1, 12), n(1, 28)),
                           '%d年%d月%d日' % (n(2019, 2027), n(1, 12), n(1, 28))]),
})


# ---- set a: templates by language ------------------------------------------------------
# <<slot>> / <<slot.variant>> as in pii_gen_world.fill; typed slots are found in MAKERS,
# everything else in LOOK.
T_A = {
 'en': [
  "hey its me, new number: <<phone>>. old one got stolen lol",
  "Subject: Update my details\n\nHi team,\nplease change my phone to <<phone.ext>> and my email "
  "to <<email>>. Thanks!",
  "SMS from <<phone.intl>>: Your verification code is 482913. Do not share it.",
  "Name,Phone,Email,DOB\nJ. Whitfield,<<phone.us>>,<<email>>,<<dob>>",
  "Ticket #<<qty>>: customer says card <<card>> was charged twice (order <<order>>).",
  "INVOICE <<invoice>>\nBill to: account <<iban>>\nTotal due: <<price>> by <<odate>>",
  "Applicant DOB: <<dob>>; passport no. <<passport>>; SSN <<ssn>>.",
  "Our Sydney office is on <<phone.au>>, Toronto on <<phone.ca>>.",
  "Tenant reference: NI No. <<nino>>, born <<dob>>.",
  "firewall: deny from <<ip.cidr>>, allow <<ip.port4>>",
  "Could you send the refund to my BTC wallet <<crypto>> instead?",
  "Pay me at bitcoin:<<crypto>>?amount=0.015 - thx",
  "The printer's MAC is <<mac.bare>> according to the sticker.",
  "Upstream [<<ip.brport>>] timed out after 30s",
  "Hi Support, I can't log in from <<ip>> - my account is <<email>>, phone on file <<phone>>.",
  "Employee onboarding\nSSN: <<ssn>>\nDate of Birth: <<dob>>\nPersonal email: <<email>>",
  "URGENT: wire £2,400 to <<iban>> today, call me on <<phone.uk>> if issues",
  "Your NINO is <<nino>> - quote it on every letter to HMRC.",
  "txn from <<crypto>> to <<crypto>> confirmed",
 ],
 'de': [
  "Hi, hier meine Handynummer: <<phone>> – bitte nur per WhatsApp.",
  "Betreff: Rückerstattung\n\nBitte überweisen Sie auf mein Konto, IBAN <<iban>>, Inhaber wie "
  "oben.",
  "Kunde: Geburtsdatum <<dob>>, Tel. <<phone.ext>>, Mail <<email>>",
  "Rechnung <<invoice>> – zahlbar per Kreditkarte <<card>> oder Überweisung.",
  "Reisepassnummer: <<passport>> (gültig bis <<odate>>)",
  "Das Gerät meldet sich mit IP <<ip>> und MAC <<mac>> im WLAN an.",
  "SMS von <<phone.intl>>: Ihr Paket wartet in der Packstation.",
  "Name;Telefon;IBAN;Geburtsdatum\nBrandt;<<phone>>;<<iban>>;<<dob>>",
 ],
 'fr': [
  "Salut ! Mon nouveau numéro c'est le <<phone>>, enregistre-le 😉",
  "Formulaire d'inscription\nNom : Lefèvre\nNé le : <<dob>>\nTéléphone : <<phone>>\n"
  "Courriel : <<email>>",
  "Merci d'effectuer le virement sur l'IBAN suivant : <<iban>>",
  "Votre carte n° <<card>> a été débitée de <<price>>.",
  "N° de passeport : <<passport>>, date de délivrance <<odate>>",
  "Ticket <<qty>> : impossible de joindre le serveur <<ip>> depuis ce matin.",
  "Mon portefeuille Bitcoin : <<crypto>>",
 ],
 'es': [
  "Buenas, te dejo mi móvil: <<phone>>. Escríbeme por WhatsApp.",
  "Datos del cliente — Fecha de nacimiento: <<dob>> | Tel.: <<phone.ext>> | "
  "Correo: <<email>>",
  "Número de pasaporte: <<passport>>; nacionalidad mexicana.",
  "Transferencia a la cuenta <<iban>>, concepto factura <<invoice>>.",
  "Pagué con la tarjeta <<card>>, ¿me podéis devolver el importe?",
  "Mi número de Seguro Social es <<ssn>> y nací el <<dob>>.",
  "La dirección MAC del portátil es <<mac>>.",
 ],
 'it': [
  "Ciao, il mio cellulare è <<phone>>, chiamami dopo le 18.",
  "Modulo di iscrizione\nCognome: Conti\nData di nascita: <<dob>>\nTelefono: <<phone.ext>>\n"
  "E-mail: <<email>>",
  "Nato il <<dob>> a Bologna.",
  "Per il rimborso usate questo IBAN: <<iban>>",
  "Numero di passaporto: <<passport>>",
  "Ho pagato con la carta <<card>> ma l'ordine <<order>> risulta annullato.",
  "Il server risponde all'indirizzo IP <<ip>>.",
  "Fattura <<invoice>>\nIntestatario: conto <<iban>>\nContatti: <<phone>> – <<email>>",
 ],
 'pt': [
  "Oi! Meu zap é <<phone>>, me chama lá 😊",
  "Cadastro\nNome: Silva\nData de nascimento: <<dob>>\nCelular: <<phone>>\nE-mail: <<email>>",
  "Nascido em <<dob>>, natural de Recife.",
  "Número do passaporte: <<passport>>",
  "Fatura <<invoice>> paga no cartão <<card>>.",
  "Segue o IBAN para a transferência internacional: <<iban>>",
  "Ramal do suporte: <<phone.ext>>",
  "Minha carteira de Ethereum é <<crypto>>.",
  "nome,telefone,email\nThiago,<<phone>>,<<email>>",
 ],
 'nl': [
  "Hoi, mijn nummer is <<phone>>, bel gerust!",
  "Geboortedatum: <<dob>>\nTelefoonnummer: <<phone>>\nE-mailadres: <<email>>",
  "Graag het bedrag overmaken naar <<iban>> o.v.v. factuurnummer <<invoice>>.",
  "Paspoortnummer: <<passport>>",
  "Mijn creditcard <<card>> werd geweigerd bij de kassa.",
  "Storing: router met IP-adres <<ip>> en MAC-adres <<mac>> reageert niet.",
 ],
 'pl': [
  "Cześć, mój numer to <<phone>>, dzwoń śmiało.",
  "Dane osobowe\nData urodzenia: <<dob>>\nTelefon: <<phone.ext>>\nE-mail: <<email>>",
  "Proszę o przelew na konto <<iban>>, tytułem: faktura <<invoice>>.",
  "Numer paszportu: <<passport>>",
  "Płaciłem kartą <<card>>, a zamówienie <<order>> nie doszło.",
  "SMS od <<phone.intl>>: Twój kod to 5531.",
  "Adres IP serwera: <<ip>>, adres MAC: <<mac>>",
 ],
 'ru': [
  "Привет! Мой новый номер: <<phone>>, пиши в телеграм.",
  "Анкета\nДата рождения: <<dob>>\nТелефон: <<phone.ext>>\nЭл. почта: <<email>>",
  "Родился <<dob>> в Казани.",
  "Номер загранпаспорта: <<passport>>",
  "Оплатил картой <<card>>, но заказ <<order>> не пришёл.",
  "Переведите, пожалуйста, на IBAN <<iban>>.",
  "IP-адрес клиента <<ip>>, MAC-адрес <<mac>>.",
  "Кошелёк для оплаты: <<crypto>>",
 ],
 'tr': [
  "Merhaba, numaram <<phone>>, akşam arayabilirsin.",
  "Başvuru formu\nDoğum tarihi: <<dob>>\nTelefon: <<phone.ext>>\nE-posta: <<email>>",
  "Pasaport numarası: <<passport>>",
  "Ödemeyi <<iban>> IBAN numarasına yapabilirsiniz.",
  "Kartım <<card>> ile ödeme yaptım ama sipariş <<order>> iptal görünüyor.",
  "Sunucunun IP adresi <<ip>>, MAC adresi <<mac>>.",
 ],
 'ja': [
  "お世話になっております。携帯番号は<<phone>>です。",
  "【会員登録】\n生年月日：<<dob>>\n電話番号：<<phone.ext>>\nメールアドレス：<<email>>",
  "パスポート番号：<<passport>>",
  "お支払いはカード番号<<card>>でお願いします。",
  "海外送金先のIBAN：<<iban>>",
  "サーバーのIPアドレス：<<ip>>、MACアドレス：<<mac>>",
  "中国籍の方は居民身分証番号（<<cnid>>）もご記入ください。",
 ],
 'ko': [
  "안녕하세요, 제 번호는 <<phone>>입니다.",
  "회원 정보\n생년월일: <<dob>>\n연락처: <<phone.ext>>\n이메일: <<email>>",
  "여권번호: <<passport>>",
  "카드번호 <<card>>로 결제했는데 주문 <<order>>이 취소됐어요.",
  "해외 송금 IBAN: <<iban>>",
  "서버 IP 주소는 <<ip>>, MAC 주소는 <<mac>>입니다.",
  "비트코인 지갑 주소: <<crypto>>",
 ],
 'zh': [
  "你好，我的新手机号是<<phone>>，有事打给我。",
  "出生日期：<<dob>>\n联系电话：<<phone.ext>>\n电子邮箱：<<email>>",
  "护照号码：<<passport>>，身份证号：<<cnid>>",
  "请用这张卡付款：<<card>>",
  "国际汇款IBAN：<<iban>>",
  "短信：您的快递已到，联系电话<<phone>>。",
  "居民身份证号码 <<cnid>>，出生日期 <<dob>>",
  "钱包地址：<<crypto>>",
 ],
 'tech': [
  "{\"customer\":{\"phone\":\"<<phone.intl>>\",\"email\":\"<<email>>\",\"birth_date\":\""
  "<<dob>>\"}}",
  "2024-11-03T08:12:44Z WARN auth: too many attempts user=<<email>> src=<<ip.port4>>",
  "id;msisdn;iban\n<<qty>>;<<phone.intl>>;<<iban>>",
  "lease 10.1.4.22 { hardware ethernet <<mac>>; client-hostname \"tv-salon\"; }",
  "payout:\n  currency: ETH\n  address: \"<<crypto>>\"\n  memo: <<uuid>>",
  "listen [<<ip.6>>]:443 ssl;",
 ],
}

# look-alikes, one list per language (each may be followed by a value sentence)
NEG_A = {
 'en': [
  "Order <<order>> shipped <<odate>>; tracking <<tracking>>; total <<price>>.",
  "Release <<semver>> (commit <<git>>) fixes <<cve>>; install <<kb>> first.",
  "Request <<uuid>> took <<qty>> ms at <<ts>>.",
  "Flight <<flight>>, booking ref <<serial>>, air waybill <<awb>>.",
  "ISBN <<isbn13>>, EAN <<ean>>, price <<price>>.",
 ],
 'de': [
  "Bestellung <<order>> vom <<odate>>, Sendungsnummer <<tracking>>.",
  "Version <<build>>, Prüfsumme <<sha256>>.",
 ],
 'fr': ["Commande <<order>> du <<odate>>, suivi colis <<tracking>>, total <<price>>."],
 'es': ["Pedido <<order>>, seguimiento <<tracking>>, importe <<price>>."],
 'it': ["Ordine n. <<order>> del <<odate>>, tracking <<tracking>>, totale <<price>>.",
        "Partita IVA 0<<kvk>>123, versione <<semver>>."],
 'pt': ["Pedido <<order>>, CNPJ <<cnpj>>, rastreio <<tracking>>.",
        "Boleto vence em <<odate>>, valor <<price>>."],
 'nl': ["KvK-nummer <<kvk>>, bestelling <<order>>, track & trace <<tracking>>."],
 'pl': ["NIP <<nip>>, zamówienie <<order>> z dnia <<odate>>, kwota <<price>>."],
 'ru': ["ИНН <<inn>>, заказ <<order>> от <<odate>>, трек-номер <<tracking>>."],
 'tr': ["Vergi no <<vergi>>, sipariş <<order>>, kargo takip <<tracking>>."],
 'ja': ["注文番号：<<ordjp>>、JANコード<<jan>>、バージョン<<semver>>",
        "お問い合わせ番号 <<ordjp>> の荷物は<<odate>>に発送済みです。"],
 'ko': ["사업자등록번호 <<bizno>>, 주문번호 <<order>>, 송장번호 <<tracking>>."],
 'zh': ["订单号<<order>>，快递单号<<tracking>>，版本<<semver>>。"],
 'tech': [
  "build <<ver4>> sha1=<<sha1>> size=<<qty>>KB at <<ts_ms>>",
  "GET /v2/items/<<uuid>>?page=<<qty>> 200 <<qty>>ms",
  "docker pull <<digestref>> && npm i <<pkgver>>",
  "server listening on localhost:<<port>> (pid <<qty>>, <<build>>)",
 ],
}

# ---- set b: other languages, countries and layouts, written after set a's rules ------
T_B = {
 'sv': [
  "Hej! Ring mig på <<phone>> efter lunch, eller maila <<email>>.",
  "Kundregister\nFödd: <<dob>>\nMobil: <<phone.ext>>\nE-post: <<email>>",
  "Betala till IBAN <<iban>>, ange fakturanummer <<invoice>>.",
  "Passnummer: <<passport>>",
 ],
 'cs': [
  "Dobrý den, moje číslo je <<phone>>, volejte kdykoli.",
  "Osobní údaje — datum narození: <<dob>>; telefon: <<phone.ext>>; e-mail: <<email>>",
  "Číslo pasu: <<passport>>",
  "Platba kartou <<card>> neprošla, objednávka <<order>>.",
  "Prosím o převod na účet <<iban>>.",
 ],
 'hu': [
  "Szia, a számom <<phone>>, hívj nyugodtan!",
  "Született: <<dob>>\nTelefonszám: <<phone.ext>>\nE-mail cím: <<email>>",
  "Útlevélszám: <<passport>>",
  "Kérem, utalja a <<iban>> számlára.",
 ],
 'ro': [
  "Bună, numărul meu este <<phone>>, sună-mă diseară.",
  "Data nașterii: <<dob>> | Telefon: <<phone.ext>> | E-mail: <<email>>",
  "Număr pașaport: <<passport>>",
  "Am plătit cu cardul <<card>>, dar comanda <<order>> nu a sosit.",
 ],
 'uk': [
  "Привіт! Мій номер <<phone>>, пиши у вайбер.",
  "Анкета: дата народження <<dob>>, телефон <<phone.ext>>, ел. пошта <<email>>",
  "Номер паспорта: <<passport>>",
  "Оплатив карткою <<card>>, але замовлення <<order>> скасовано.",
  "Реквізити: IBAN <<iban>>",
 ],
 'el': [
  "Γεια σου! Το κινητό μου είναι <<phone>>.",
  "Ημερομηνία γέννησης: <<dob>>\nΤηλέφωνο: <<phone.ext>>\nEmail: <<email>>",
  "Αριθμός διαβατηρίου: <<passport>>",
  "Πληρωμή με κάρτα <<card>>, IBAN επιστροφής <<iban>>.",
 ],
 'id': [
  "Halo kak, nomor WA saya <<phone>> ya.",
  "Tanggal lahir: <<dob>>\nNo. HP: <<phone.ext>>\nEmail: <<email>>",
  "Nomor paspor: <<passport>>",
  "Saya sudah bayar pakai kartu <<card>> untuk pesanan <<order>>.",
 ],
 'vi': [
  "Chào bạn, số điện thoại của mình là <<phone>>.",
  "Ngày sinh: <<dob>> — SĐT: <<phone.ext>> — Email: <<email>>",
  "Số hộ chiếu: <<passport>>",
  "Mình đã thanh toán bằng thẻ <<card>>.",
 ],
 'th': [
  "สวัสดีครับ เบอร์โทรของผมคือ <<phone>> ครับ",
  "วันเกิด: <<dob>>\nโทร: <<phone.ext>>\nอีเมล: <<email>>",
  "หมายเลขหนังสือเดินทาง: <<passport>>",
 ],
 'ar': [
  "مرحبا، رقم جوالي <<phone>> تواصل معي على الواتساب",
  "تاريخ الميلاد: <<dob>>\nالهاتف: <<phone.ext>>\nالبريد الإلكتروني: <<email>>",
  "رقم جواز السفر: <<passport>>",
  "يرجى التحويل إلى الآيبان <<iban>>",
 ],
 'he': [
  "היי, המספר שלי <<phone>>, תתקשר בערב",
  "תאריך לידה: <<dob>>\nטלפון: <<phone.ext>>\nדוא\"ל: <<email>>",
  "מספר דרכון: <<passport>>",
  "העברה לחשבון IBAN <<iban>>",
 ],
 'de_b': [
  "Grüezi, Sie erreichen mich unter <<phone>> (Natel).",
  "Mit freundlichen Grüssen\nKundendienst\nT <<phone.ext>>\nM <<phone>>\n<<email>>",
  "Geb.-Datum: <<dob>>, Pass-Nr.: <<passport>>",
  "<kunde><telefon><<phone>></telefon><iban><<iban>></iban></kunde>",
 ],
 'fr_b': [
  "Bonjour, pourriez-vous me rappeler au <<phone>> ? Merci.",
  "Cordialement,\nService client\nTél. <<phone.ext>>\nGSM <<phone>>\n<<email>>",
  "Date de naissance : <<dob>> — n° de passeport : <<passport>>",
  "Veuillez rembourser sur le compte <<iban>> (carte <<card>> expirée).",
 ],
 'es_b': [
  "Che, mi cel es <<phone>>, mandame un mensaje.",
  "Atentamente,\nAtención al cliente\nTel. <<phone.ext>>\nCel. <<phone>>\n<<email>>",
  "Fecha de nac.: <<dob>> · Pasaporte: <<passport>>",
  "Te paso el CBU no, mejor el IBAN: <<iban>>",
 ],
 'pt_b': [
  "Olá, o meu telemóvel é o <<phone>>.",
  "Cumprimentos,\nApoio ao cliente\nTel.: <<phone.ext>>\nTlm.: <<phone>>\n<<email>>",
  "Data de nasc.: <<dob>>, passaporte n.º <<passport>>",
  "Pagamento com cartão <<card>> recusado.",
 ],
 'en_b': [
  "BEGIN:VCARD\nVERSION:3.0\nTEL;TYPE=CELL:<<phone.intl>>\nEMAIL:<<email>>\nBDAY:<<dob>>\nEND:VCARD",
  "| field | value |\n|---|---|\n| mobile | <<phone>> |\n| card | <<card>> |\n| d.o.b. | <<dob>> |",
  "[09:14] customer: my card <<card>> got declined again\n[09:15] agent: which IBAN should we "
  "refund to?\n[09:15] customer: <<iban>>",
  "Reply-To: \"Support Desk\" <<<email>>>\nX-Originating-IP: [<<ip.4>>]",
  "Born on the <<dob>>, passport <<passport>>, mobile <<phone>>.",
  "Send the payout to ethereum:<<crypto>>@1 or bitcoin:<<crypto>>?label=payout",
  "Please mail <a href=\"mailto:<<email>>?subject=Refund\">our team</a> or call <<phone.ext>>.",
  "SSN <<ssn>> / NINO <<nino>> / DOB <<dob>>",
 ],
 'zh': [
  "麻烦帮我改一下手机号：<<phone.intl>>，谢谢",
  "收款人银行账户（IBAN）：<<iban>>，信用卡：<<card>>",
  "公民身份号码：<<cnid>>\n出生日期：<<dob>>",
 ],
 'ja': [
  "ご連絡は携帯（<<phone>>）までお願いいたします。",
  "生年月日：<<dob>>／旅券番号：<<passport>>",
 ],
 'ko': [
  "문의: <<phone.ext>> / <<email>>",
  "생년월일 <<dob>>, 여권 <<passport>>",
 ],
 'tech': [
  "ether <<mac>>  txqueuelen 1000  (Ethernet)\ninet6 <<ip.6>>  prefixlen 64",
  "curl -s http://<<ip.port4>>/admin -H 'X-Real-IP: <<ip>>'",
  "{\"device\":{\"mac\":\"<<mac.bare>>\",\"last_ip\":\"<<ip>>\"}}",
  "INSERT INTO customers (email, phone, iban) VALUES ('<<email>>', '<<phone.intl>>', '<<iban>>');",
  "level=warn msg=\"card declined\" pan=<<card>> client_ip=<<ip>>",
  "wallet: <<crypto>>\nbackup_wallet: <<crypto>>",
  "ssh -6 admin@[<<ip.6>>] -p 2222",
 ],
}
NEG_B = {
 'sv': ["Order <<order>>, leverans <<odate>>, summa <<price>>."],
 'cs': ["Objednávka <<order>> ze dne <<odate>>, sledování zásilky <<tracking>>."],
 'hu': ["Rendelésszám <<order>>, számla <<invoice>>, verzió <<semver>>."],
 'ro': ["Comanda <<order>>, AWB <<awb>>, total <<price>>."],
 'uk': ["Замовлення <<order>> від <<odate>>, ТТН <<tracking>>."],
 'el': ["Παραγγελία <<order>>, τιμολόγιο <<invoice>>, σύνολο <<price>>."],
 'id': ["Pesanan <<order>>, resi <<tracking>>, total <<price>>."],
 'vi': ["Đơn hàng <<order>>, mã vận đơn <<tracking>>, phiên bản <<semver>>."],
 'th': ["คำสั่งซื้อ <<order>> เลขพัสดุ <<tracking>>"],
 'ar': ["رقم الطلب <<order>>، رقم التتبع <<tracking>>"],
 'he': ["הזמנה <<order>>, מספר מעקב <<tracking>>"],
 'de_b': ["Auftragsnummer <<order>>, Lieferschein <<invoice>>, IMEI <<imei>>."],
 'fr_b': ["Référence commande <<order>>, colis <<tracking>>, version <<build>>."],
 'es_b': ["Pedido <<order>>, factura <<invoice>>, importe <<price>>."],
 'pt_b': ["Encomenda <<order>>, fatura <<invoice>>, total <<price>>."],
 'en_b': [
  "Case <<ordjp>> escalated at <<ts>>; see <<cve>> and <<kb>>.",
  "SIM ICCID 89<<imei>>, IMEI <<imei>>, firmware <<semver>>.",
  "Ticket <<invoice>>: build <<ver4>>, sha256 <<sha256>>.",
  "Shipment AWB <<awb>> (flight <<flight>>), <<dim>>, <<price>>.",
 ],
 'zh': ["订单编号<<order>>，物流单号<<tracking>>，金额<<price>>。"],
 'ja': ["受付番号<<ordjp>>、商品コード<<jan>>"],
 'ko': ["주문번호 <<order>>, 사업자등록번호 <<bizno>>"],
 'tech': [
  "k8s resourceVersion=<<qty>>0<<qty>> uid=<<uuid>> image=<<digestref>>",
  "HTTP/1.1 200 OK\nETag: \"<<md5>>\"\nX-Request-Id: <<uuid>>\nDate: <<ts>>",
  "node_exporter listening on localhost:<<port>>, version <<semver>>",
 ],
}
# ---- set c: more languages and layouts, written after set b's rules -----------------
T_C = {
 'da': [
  "Hej, du kan ringe til mig på <<phone>> eller skrive til <<email>>.",
  "Fødselsdato: <<dob>> · Telefon: <<phone.ext>> · Pasnummer: <<passport>>",
  "Beløbet overføres til IBAN <<iban>>.",
 ],
 'fi': [
  "Moi! Numeroni on <<phone>>, soita illalla.",
  "Syntymäaika: <<dob>>\nPuhelin: <<phone.ext>>\nPassin numero: <<passport>>",
  "Maksu tilille <<iban>>, viite <<rf>>.",
 ],
 'bg': [
  "Здравейте, телефонът ми е <<phone>>.",
  "Дата на раждане: <<dob>>; тел.: <<phone.ext>>; паспорт № <<passport>>",
  "Платих с карта <<card>>, поръчка <<order>>.",
 ],
 'hr': [
  "Bok, moj broj je <<phone>>, javi se.",
  "Datum rođenja: <<dob>>\nTelefon: <<phone.ext>>\nBroj putovnice: <<passport>>",
  "Uplata na IBAN <<iban>>.",
 ],
 'sk': [
  "Dobrý deň, moje telefónne číslo je <<phone>>.",
  "Dátum narodenia: <<dob>> | tel.: <<phone.ext>> | číslo pasu: <<passport>>",
  "Platba kartou <<card>> bola zamietnutá.",
 ],
 'lt': [
  "Sveiki, mano telefonas <<phone>>.",
  "Gimimo data: <<dob>>; tel. <<phone.ext>>; paso numeris <<passport>>",
  "Pervedimas į sąskaitą <<iban>>.",
 ],
 'ms': [
  "Hai, nombor telefon saya <<phone>>, WhatsApp ok.",
  "Tarikh lahir: <<dob>>\nNo. tel: <<phone.ext>>\nNo. pasport: <<passport>>",
  "Bayar guna kad <<card>> untuk pesanan <<order>>.",
 ],
 'tl': [
  "Hi po, ito po number ko <<phone>>, text lang po.",
  "Petsa ng kapanganakan: <<dob>>\nNumero ng telepono: <<phone.ext>>\nPasaporte: <<passport>>",
 ],
 'hi': [
  "नमस्ते, मेरा मोबाइल नंबर <<phone>> है।",
  "जन्म तिथि: <<dob>>\nफ़ोन: <<phone.ext>>\nपासपोर्ट नंबर: <<passport>>",
  "कार्ड <<card>> से भुगतान किया, ऑर्डर <<order>>।",
 ],
 'fa': [
  "سلام، شماره موبایل من <<phone>> است.",
  "تاریخ تولد: <<dob>>\nتلفن: <<phone.ext>>\nشماره گذرنامه: <<passport>>",
 ],
 'ur': [
  "السلام علیکم، میرا نمبر <<phone>> ہے۔",
  "تاریخ پیدائش: <<dob>>\nفون: <<phone.ext>>\nپاسپورٹ نمبر: <<passport>>",
 ],
 'sw': [
  "Habari, namba yangu ya simu ni <<phone>>.",
  "Tarehe ya kuzaliwa: <<dob>>\nSimu: <<phone.ext>>\nNambari ya pasipoti: <<passport>>",
 ],
 'ca': [
  "Hola, el meu telèfon és <<phone>>.",
  "Data de naixement: <<dob>> · Telèfon: <<phone.ext>> · Passaport: <<passport>>",
  "Transferència al compte <<iban>>.",
 ],
 'en_c': [
  "BOOKING CONFIRMED\nGuest mobile: <<phone.intl>>\nCard on file: <<card>> (exp 09/28)\n"
  "Passport: <<passport>>\nDate of birth: <<dob>>",
  "[withdrawal] asset=BTC to=<<crypto>> amount=0.042 fee=0.0001 ip=<<ip>>",
  "hostname = \"kiosk-7\"\nmac = \"<<mac>>\"\naddress = \"<<ip.cidr>>\"",
  "Patient intake - DOB <<dob>>, SSN <<ssn>>, emergency contact <<phone>>",
  "HR onboarding: NI number <<nino>>, personal email <<email>>, bank <<iban>>",
  "From: <<email>>\nSent: Monday\nSubject: RE: refund\n\nMy IBAN is <<iban>> - thanks",
  "KYC: passport no. <<passport>>, DOB <<dob>>, mobile <<phone.intl>>, wallet <<crypto>>",
 ],
 'es_c': [
  "Hola, mi celular es <<phone>>, escríbeme al WhatsApp.",
  "Fecha de nacimiento: <<dob>> / Teléfono: <<phone.ext>> / Pasaporte N° <<passport>>",
  "Transferir a la cuenta <<iban>>, RUT del titular no aplica.",
 ],
 'tech': [
  "upstream peer [<<ip.brport>>] closed connection; client <<ip.port4>>",
  "nmcli: ethernet (<<mac>>), ipv4 <<ip.cidr>>, ipv6 <<ip.6>>",
  "customer_email=<<email>> customer_phone=<<phone.intl>> card_last4=4242",
  "wallets = [\"<<crypto>>\", \"<<crypto>>\"]",
 ],
}
NEG_C = {
 'da': ["Ordrenummer <<order>>, CVR 2<<kvk>>, pakke <<tracking>>."],
 'fi': ["Tilausnumero <<order>>, Y-tunnus 1234567-8, versio <<semver>>."],
 'bg': ["Поръчка <<order>>, ЕИК <<kvk>>5, товарителница <<tracking>>."],
 'hr': ["Narudžba <<order>>, OIB 0<<kvk>>12, račun <<invoice>>."],
 'sk': ["Objednávka <<order>>, IČO <<kvk>>, faktúra <<invoice>>."],
 'lt': ["Užsakymas <<order>>, sąskaita <<invoice>>, suma <<price>>."],
 'ms': ["Pesanan <<order>>, no. resit <<invoice>>, jumlah <<price>>."],
 'tl': ["Order <<order>>, tracking <<tracking>>, total <<price>>."],
 'hi': ["ऑर्डर <<order>>, ट्रैकिंग <<tracking>>, राशि <<price>>।"],
 'fa': ["سفارش <<order>>، کد رهگیری <<tracking>>"],
 'ur': ["آرڈر <<order>>، ٹریکنگ <<tracking>>"],
 'sw': ["Oda <<order>>, risiti <<invoice>>, jumla <<price>>."],
 'ca': ["Comanda <<order>>, factura <<invoice>>, import <<price>>."],
 'en_c': [
  "PNR 6X<<serial>>, seat 14C, gate B<<qty>>, boarding <<time>>.",
  "ISIN US0378331005, LEI 5493001KJTIIGC8Y1R12, CUSIP 037833100.",
  "Hotel confirmation <<order>>, room <<qty>>, check-in <<odate>>.",
  "Lot <<serial>> expires <<odate>>; GTIN <<ean>>.",
 ],
 'es_c': ["Boleta <<invoice>>, pedido <<order>>, total <<price>>."],
 'tech': [
  "container <<sha256>> started, image <<digestref>>, pid <<qty>>",
  "release <<semver>> tagged at <<git>>; build <<build>>",
 ],
}
LANGS_C = ['da', 'fi', 'bg', 'hr', 'sk', 'lt', 'ms', 'tl', 'hi', 'fa', 'ur', 'sw', 'ca',
           'en_c', 'en_c', 'es_c', 'tech']
LANGS_B = ['sv', 'cs', 'hu', 'ro', 'uk', 'el', 'id', 'vi', 'th', 'ar', 'he', 'de_b', 'fr_b',
           'es_b', 'pt_b', 'en_b', 'en_b', 'zh', 'ja', 'ko', 'tech', 'tech']
LANGS = ['en', 'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'tr', 'ja', 'ko', 'zh',
         'tech', 'tech']
SET = 'a'


def fill(t, lang):
    del FMTS[:]
    text, spans = w.fill(t, typed_for('en' if lang == 'tech' else lang), LOOK)
    for s, f in zip(spans, FMTS):
        s['fmt'] = f
    return text, spans


def record():
    temps, negs, langs = {'a': (T_A, NEG_A, LANGS), 'b': (T_B, NEG_B, LANGS_B),
                          'c': (T_C, NEG_C, LANGS_C)}[SET]
    lang = pick(langs)
    if rng.random() < 0.25:
        return fill(pick(negs[lang]), lang)
    t = pick(temps[lang])
    if rng.random() < 0.3:
        t += pick([' ', '\n']) + pick(negs[lang])
    return fill(t, lang)


def self_test():
    st.self_test()
    assert inn()[:0] == '' and len(nip().replace('-', '')) == 10


def main():
    global SET
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument('--set', default='a', choices=['a', 'b', 'c'],
                     help='b: the second set, written after the rules for a (seeds 1101/1102); '
                     'c: the third, written after the rules for b (1201/1202)')
    args, rest = pre.parse_known_args()
    SET = args.set
    sys.argv = sys.argv[:1] + rest
    self_test()
    w.write_set(record, {'a': 1001, 'b': 1101, 'c': 1201}[SET], __doc__)


if __name__ == '__main__':
    main()
