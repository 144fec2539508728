#!/usr/bin/env python3
"""A second typed held-out set ("typed2"): the typed PII kinds (email, phone,
credit_card, iban, us_ssn, uk_nino, cn_resident_id, ip_address, mac_address,
crypto_address) in writings and layouts the older typed sets
(bench/pii_gen_typed.py a-c, bench/pii_gen_struct.py) lack, next to hard
look-alikes in the same texts.

What it holds:
- phones of the six named countries (US/CA, UK, DE, FR, IN, CN) in every
  common national and international writing: `0044 (0)20 …`, `+49 (0)30 …`,
  `0049`, `0033`, `0091`, `0086` prefixes, trunk zeros in parentheses, DIN
  5008 extensions (`030 12345-67`), French pairs with dots and dashes,
  Indian 5-5 mobiles and STD codes, Chinese 3-4-4 mobiles, 400 numbers and
  landlines with `转`/`分机`, toll-free numbers, vanity letters; extensions
  (`x123`, `ext.`, `Durchwahl`, `poste`, `分机`, `Extn.`); `tel:` URIs
  (RFC 3966, with dashes or bare) next to the displayed number; and numbers
  of 24 other countries in their own groupings;
- templates in fifteen languages (English of the US, UK and India, German,
  French, Chinese, Hindi, Spanish, Portuguese, Italian, Dutch, Japanese,
  Korean, Arabic, Russian, Norwegian, Welsh): prose, chat, signatures,
  Markdown and HTML tables, vCards, JSON, YAML, CSV, HTML links;
- cards and IBANs with spaces, dashes, dots or none, after their label in
  words, and split over two lines as PDFs copy them; IPv6 compressed, with an
  embedded IPv4, with a zone id, in a URL with a port; IPv4 with a port or a
  CIDR suffix; MACs with `-`, `.`, `:`; e-mail with plus tags, IDN domains,
  display names in angle brackets, `mailto:` links and obfuscated forms
  (`name(at)firma.de`, `name [at] domain [dot] com`); BTC (base58, bech32,
  taproot) and ETH addresses in payment text;
- look-alikes that must stay silent, in the same texts: parcel tracking
  numbers (UPS, USPS, FedEx, Royal Mail, China Post, SF), IMEIs (Luhn
  valid), EAN-13 and GTIN-14 numbers that also pass Luhn (a 13-digit EAN
  from 4 is a Visa shape), order ids, UK sort codes and account numbers,
  SWIFT/BIC codes, VAT ids, unified social credit codes, semver, git shas,
  dates and times, coordinates, WWNs and key fingerprints, four-part
  versions, ticket and case numbers shaped like phones.

Written before the detector was run on it, from numbering plans and forms
as people write them. Check digits come from tests/leak/values.py (checked
against published vectors). Writes Presidio-style JSON like the other
generators; each span also has "fmt", the form it was written in:

  python3 bench/pii_gen_typed2.py [--set a|b] [--n 800] [--seed 2001] > /tmp/typed2.json

Set b (seeds 2101/2102) was written after the rules made from set a's
misses: other writings of the six named countries, 24 more countries, 16
other languages (Indonesian, Vietnamese, Thai, Turkish, Polish, Czech,
Greek, Hebrew, Swedish, Danish, Finnish, Romanian, Ukrainian, Filipino,
Swahili, Traditional Chinese) and English of Australia, South Africa and
Nigeria; XML, SQL, INI, HTTP headers, quoted replies, dotted-leader forms,
Markdown links and lists; look-alikes of other kinds (container numbers,
VINs, ORCIDs, ISSNs, DOIs, NHS numbers, masked cards, time ranges).
  python3 bench/pii_eval.py --only generated --generated /tmp/typed2.json
  python3 bench/pii_gen_struct.py --formats /tmp/typed2.json   # recall per form

Stdlib only; the output depends on --seed alone.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_lookalike as lk  # noqa: E402  (ORCIDs)
import pii_gen_struct as st  # noqa: E402
import pii_gen_world as w  # noqa: E402
from pii_gen_world import checks, digits, n, pick, rng  # noqa: E402

LAST = {}  # the last phone drawn, for a second writing of the same number


def g(s, *sizes, sep=' '):
    return st.group(s, list(sizes), sep)


def e164_uri(cc, nat):
    """tel: URI bodies of RFC 3966 as web pages write them."""
    return pick(['+%s%s' % (cc, nat), '+%s-%s' % (cc, g(nat, 3, 3, 4, sep='-')),
                 '+%s%s' % (cc, nat)])


# ---- the six named countries ---------------------------------------------------
def ph_us():
    a, b, c = st.nxx(), st.nxx(), digits(4)
    nat = a + b + c
    f = [('(%s) %s-%s' % (a, b, c), 'us_paren'), ('%s-%s-%s' % (a, b, c), 'us_dash'),
         ('%s.%s.%s' % (a, b, c), 'us_dot'), ('+1 %s %s %s' % (a, b, c), 'us_e164_sp'),
         ('+1 (%s) %s-%s' % (a, b, c), 'us_e164_paren'), ('1-%s-%s-%s' % (a, b, c), 'us_1dash'),
         ('1 (%s) %s-%s' % (a, b, c), 'us_1paren'), ('+1%s' % nat, 'us_e164_bare'),
         ('001 %s %s %s' % (a, b, c), 'us_001'), ('+1.%s.%s.%s' % (a, b, c), 'us_e164_dot'),
         ('%s %s %s' % (a, b, c), 'us_sp'), ('(%s)-%s-%s' % (a, b, c), 'us_paren_dash')]
    return f, '1', nat


def ph_ca():
    a = pick(['416', '647', '437', '604', '778', '514', '438', '403', '780', '613', '819'])
    b, c = st.nxx(), digits(4)
    f = [('(%s) %s-%s' % (a, b, c), 'ca_paren'), ('%s-%s-%s' % (a, b, c), 'ca_dash'),
         ('+1 %s-%s-%s' % (a, b, c), 'ca_e164'), ('%s %s-%s' % (a, b, c), 'ca_sp_dash'),
         ('1 %s %s %s' % (a, b, c), 'ca_1sp')]
    return f, '1', a + b + c


def ph_uk():
    k = n(0, 4)
    if k == 0:  # London 020 xxxx xxxx
        sub = pick('378') + digits(7)
        nat = '20' + sub
        f = [('020 %s %s' % (sub[:4], sub[4:]), 'uk_ldn'),
             ('(020) %s %s' % (sub[:4], sub[4:]), 'uk_ldn_paren'),
             ('+44 20 %s %s' % (sub[:4], sub[4:]), 'uk_ldn_e164'),
             ('+44 (0)20 %s %s' % (sub[:4], sub[4:]), 'uk_ldn_e164_0'),
             ('0044 (0)20 %s %s' % (sub[:4], sub[4:]), 'uk_ldn_0044_0'),
             ('0044 20 %s %s' % (sub[:4], sub[4:]), 'uk_ldn_0044'),
             ('020-%s-%s' % (sub[:4], sub[4:]), 'uk_ldn_dash'),
             ('+44 (0) 20 %s %s' % (sub[:4], sub[4:]), 'uk_ldn_e164_0_sp'),
             ('0207 %s %s' % (sub[1:4], sub[4:]), 'uk_ldn_0207')]
    elif k == 1:  # mobile 07xxx xxxxxx
        m = '7' + pick(['700', '911', '956', '412', '387', '523', '850', '446']) + digits(6)
        nat = m
        f = [('0%s %s' % (m[:4], m[4:]), 'uk_mob'), ('0%s %s %s' % (m[:4], m[4:7], m[7:]),
                                                     'uk_mob_3_3'),
             ('+44 %s %s' % (m[:4], m[4:]), 'uk_mob_e164'), ('+44%s' % m, 'uk_mob_e164_bare'),
             ('+44 (0)%s %s' % (m[:4], m[4:]), 'uk_mob_e164_0'),
             ('0044 %s %s' % (m[:4], m[4:]), 'uk_mob_0044'), ('0%s' % m, 'uk_mob_bare'),
             ('0%s-%s' % (m[:4], m[4:]), 'uk_mob_dash')]
    elif k == 2:  # 4- and 5-digit area codes
        ac = pick(['113', '117', '121', '131', '141', '151', '161', '191', '1632', '1865',
                   '1223', '1904', '1224', '1392'])
        sub = digits(10 - len(ac))
        nat = ac + sub
        if len(ac) == 3:
            f = [('0%s %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo'),
                 ('(0%s) %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo_paren'),
                 ('+44 %s %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo_e164'),
                 ('+44 (0)%s %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo_e164_0'),
                 ('0044 (0)%s %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo_0044_0'),
                 ('0%s-%s-%s' % (ac, sub[:3], sub[3:]), 'uk_geo_dash')]
        else:
            f = [('0%s %s' % (ac, sub), 'uk_geo5'), ('(0%s) %s' % (ac, sub), 'uk_geo5_paren'),
                 ('0%s %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo5_3_3'),
                 ('+44 %s %s' % (ac, sub), 'uk_geo5_e164'),
                 ('+44 (0)%s %s' % (ac, sub), 'uk_geo5_e164_0')]
    elif k == 3:  # non-geographic
        p = pick(['800', '808', '300', '330', '345', '370'])
        sub = digits(7)
        nat = p + sub
        f = [('0%s %s %s' % (p, sub[:3], sub[3:]), 'uk_nongeo'),
             ('0%s-%s-%s' % (p, sub[:3], sub[3:]), 'uk_nongeo_dash'),
             ('+44 %s %s %s' % (p, sub[:3], sub[3:]), 'uk_nongeo_e164')]
    else:
        sub = pick('23') + digits(7)
        ac = pick(['29', '28', '23', '24'])
        nat = ac + sub
        f = [('0%s %s %s' % (ac, sub[:4], sub[4:]), 'uk_2digit'),
             ('+44 (0)%s %s %s' % (ac, sub[:4], sub[4:]), 'uk_2digit_e164_0'),
             ('(0%s) %s %s' % (ac, sub[:4], sub[4:]), 'uk_2digit_paren')]
    return f, '44', nat


def ph_de():
    if rng.random() < 0.4:
        mob = pick(['151', '152', '157', '160', '162', '170', '172', '175', '176', '179'])
        s = digits(8 if mob in ('151', '160', '170', '176') and rng.random() < 0.5 else 7)
        nat = mob + s
        f = [('0%s %s' % (mob, s), 'de_mob'), ('0%s/%s' % (mob, s), 'de_mob_slash'),
             ('0%s-%s' % (mob, s), 'de_mob_dash'), ('+49 %s %s' % (mob, s), 'de_mob_e164'),
             ('+49 (0)%s %s' % (mob, s), 'de_mob_e164_0'), ('+49%s' % nat, 'de_mob_e164_bare'),
             ('0049 %s %s' % (mob, s), 'de_mob_0049'),
             ('0%s %s %s' % (mob, s[:3], s[3:]), 'de_mob_groups'),
             ('+49 (0) %s %s' % (mob, g(s, 4, 4)), 'de_mob_e164_0_sp')]
        return f, '49', nat
    ac = pick(['30', '40', '89', '69', '221', '211', '711', '341', '351', '511', '911', '228',
               '6221', '7531', '3641', '4621'])
    s = digits(10 - len(ac) - pick([0, 1, 2]))
    nat = ac + s
    dw = digits(pick([1, 2, 3]))
    f = [('0%s %s' % (ac, s), 'de_sp'), ('0%s/%s' % (ac, s), 'de_slash'),
         ('0%s / %s' % (ac, s), 'de_slash_sp'), ('(0%s) %s' % (ac, s), 'de_paren'),
         ('0%s-%s' % (ac, s), 'de_dash'), ('+49 %s %s' % (ac, s), 'de_e164'),
         ('+49 (0)%s %s' % (ac, s), 'de_e164_0'), ('+49 (0) %s %s' % (ac, s), 'de_e164_0_sp'),
         ('0049 %s %s' % (ac, s), 'de_0049'), ('0049 (0)%s %s' % (ac, s), 'de_0049_0'),
         ('+49-%s-%s' % (ac, s), 'de_e164_dash'),
         ('0%s %s-%s' % (ac, s, dw), 'de_din_dw'), ('+49 %s %s-%s' % (ac, s, dw), 'de_din_dw_e164'),
         ('0%s %s' % (ac, g(s, 2, 2, 2, 2)), 'de_pairs'),
         ('0%s / %s' % (ac, g(s, 2, 2, 2, 2)), 'de_slash_pairs')]
    if rng.random() < 0.1:
        t = digits(7)
        return [('0800 %s' % t, 'de_0800'), ('0800 %s %s' % (t[:3], t[3:]), 'de_0800_3_4'),
                ('+49 800 %s' % t, 'de_0800_e164')], '49', '800' + t
    return f, '49', nat


def ph_fr():
    z = pick('1234567') if rng.random() < 0.6 else pick('67')
    r = digits(8)
    p = [r[i:i + 2] for i in range(0, 8, 2)]
    nat = z + r
    f = [('0%s %s' % (z, ' '.join(p)), 'fr_sp'), ('0%s.%s' % (z, '.'.join(p)), 'fr_dot'),
         ('0%s-%s' % (z, '-'.join(p)), 'fr_dash'), ('0%s' % nat, 'fr_bare'),
         ('+33 %s %s' % (z, ' '.join(p)), 'fr_e164'), ('+33 (0)%s %s' % (z, ' '.join(p)),
                                                       'fr_e164_0'),
         ('+33 (0) %s %s' % (z, ' '.join(p)), 'fr_e164_0_sp'),
         ('0033 %s %s' % (z, ' '.join(p)), 'fr_0033'), ('+33%s' % nat, 'fr_e164_bare'),
         ('+33 %s%s' % (z, ''.join(p)), 'fr_e164_glued'),
         ('+33.%s.%s' % (z, '.'.join(p)), 'fr_e164_dot')]
    if rng.random() < 0.1:
        v = pick(['800', '805', '809']) + digits(6)
        return [('0 %s %s %s' % (v[:3], v[3:6], v[6:]), 'fr_vert'),
                ('0%s %s %s %s' % (v[:1], v[1:3], v[3:5], v[5:7]) + ' ' + v[7:], 'fr_vert_pairs')
                ], '33', v
    return f, '33', nat


def ph_in():
    if rng.random() < 0.55:
        m = pick('6789') + digits(9)
        f = [('+91 %s %s' % (m[:5], m[5:]), 'in_mob_e164'), ('+91-%s-%s' % (m[:5], m[5:]),
                                                            'in_mob_e164_dash'),
             ('+91-%s' % m, 'in_mob_e164_dash1'), ('+91%s' % m, 'in_mob_e164_bare'),
             ('0%s %s' % (m[:5], m[5:]), 'in_mob_0'), ('%s %s' % (m[:5], m[5:]), 'in_mob_5_5'),
             ('%s' % m, 'in_mob_bare'), ('0091 %s %s' % (m[:5], m[5:]), 'in_mob_0091'),
             ('+91 %s %s %s' % (m[:3], m[3:6], m[6:]), 'in_mob_3_3_4'),
             ('(+91) %s' % m, 'in_mob_paren_cc'), ('91-%s' % m, 'in_mob_91dash')]
        return f, '91', m
    if rng.random() < 0.15:
        t = digits(3) + digits(4)
        return [('1800 %s %s' % (t[:3], t[3:]), 'in_1800'), ('1800-%s-%s' % (t[:3], t[3:]),
                                                            'in_1800_dash'),
                ('1800%s' % t, 'in_1800_bare')], '91', '1800' + t
    std = pick(['11', '22', '33', '44', '40', '80', '20', '79', '141', '484', '172', '522'])
    s = digits(10 - len(std))
    h = len(s) // 2
    f = [('0%s-%s' % (std, s), 'in_std_dash'), ('0%s %s %s' % (std, s[:h], s[h:]), 'in_std_sp'),
         ('(0%s) %s' % (std, s), 'in_std_paren'), ('0%s-%s %s' % (std, s[:h], s[h:]),
                                                   'in_std_dash_sp'),
         ('+91 %s %s' % (std, s), 'in_std_e164'), ('+91 (%s) %s' % (std, s), 'in_std_e164_paren'),
         ('+91-%s-%s' % (std, s), 'in_std_e164_dash'), ('0%s %s' % (std, s), 'in_std_sp1')]
    return f, '91', std + s


def ph_cn():
    if rng.random() < 0.55:
        p = pick(st.CN_MOB)
        a, b = digits(4), digits(4)
        m = p + a + b
        f = [('%s %s %s' % (p, a, b), 'cn_mob_3_4_4'), ('%s-%s-%s' % (p, a, b), 'cn_mob_dash'),
             (m, 'cn_mob_bare'), ('+86 %s %s %s' % (p, a, b), 'cn_mob_e164'),
             ('+86-%s-%s-%s' % (p, a, b), 'cn_mob_e164_dash'), ('+86 %s' % m, 'cn_mob_e164_1'),
             ('+86%s' % m, 'cn_mob_e164_bare'), ('0086 %s %s %s' % (p, a, b), 'cn_mob_0086'),
             ('(+86) %s' % m, 'cn_mob_paren_cc'), ('%s %s' % (m[:7], m[7:]), 'cn_mob_7_4'),
             ('86-%s' % m, 'cn_mob_86dash')]
        return f, '86', m
    if rng.random() < 0.15:
        t = digits(7)
        return [('400-%s-%s' % (t[:3], t[3:]), 'cn_400'), ('400 %s %s' % (t[:3], t[3:]),
                                                           'cn_400_sp'),
                ('400%s' % t, 'cn_400_bare'), ('800-%s-%s' % (t[:3], t[3:]), 'cn_800')], \
            '86', '400' + t
    ac = pick(['10', '21', '20', '22', '23', '24', '25', '27', '28', '29', '755', '571', '512',
               '532', '731', '871', '591'])
    s = pick('2345678') + digits(7 if len(ac) == 2 else 6)
    f = [('0%s-%s' % (ac, s), 'cn_land_dash'), ('0%s %s %s' % (ac, s[:4], s[4:]), 'cn_land_sp'),
         ('(0%s) %s' % (ac, s), 'cn_land_paren'), ('（0%s）%s' % (ac, s), 'cn_land_fwparen'),
         ('+86 %s %s' % (ac, s), 'cn_land_e164'), ('+86-%s-%s' % (ac, s), 'cn_land_e164_dash'),
         ('+86 (0)%s %s' % (ac, s), 'cn_land_e164_0'), ('0086-%s-%s' % (ac, s), 'cn_land_0086'),
         ('0%s-%s %s' % (ac, s[:4], s[4:]), 'cn_land_dash_sp')]
    return f, '86', ac + s


# ---- other countries -----------------------------------------------------------------------
def _mk(cc, nat, forms):
    return forms, cc, nat


def ph_ie():
    m = '8' + pick('35679') + digits(7)
    return _mk('353', m, [('0%s %s %s' % (m[:2], m[2:5], m[5:]), 'ie_mob'),
                          ('+353 %s %s %s' % (m[:2], m[2:5], m[5:]), 'ie_mob_e164'),
                          ('(01) %s %s' % (digits(3), digits(4)), 'ie_dub_paren'),
                          ('+353 (0)1 %s %s' % (digits(3), digits(4)), 'ie_dub_e164_0')])


def ph_at():
    s = digits(7)
    return _mk('43', '664' + s, [('+43 664 %s' % s, 'at_mob_e164'), ('0664 / %s' % s,
                                                                     'at_mob_slash_sp'),
                                 ('+43 (0)1 %s %s' % (s[:3], s[3:]), 'at_wien_e164_0'),
                                 ('01 %s %s-%s' % (s[:3], s[3:], digits(2)), 'at_wien_dw')])


def ph_ch():
    a = pick(['44', '43', '31', '61', '21', '22', '79', '78', '76', '77'])
    s = digits(7)
    return _mk('41', a + s, [('0%s %s %s %s' % (a, s[:3], s[3:5], s[5:]), 'ch'),
                             ('+41 %s %s %s %s' % (a, s[:3], s[3:5], s[5:]), 'ch_e164'),
                             ('+41 (0)%s %s %s %s' % (a, s[:3], s[3:5], s[5:]), 'ch_e164_0'),
                             ('0041 %s %s %s %s' % (a, s[:3], s[3:5], s[5:]), 'ch_0041')])


def ph_be():
    m = '4' + pick('5789') + digits(7)
    return _mk('32', m, [('0%s/%s.%s.%s' % (m[:3], m[3:5], m[5:7], m[7:]), 'be_mob_slash_dot'),
                         ('0%s %s %s %s' % (m[:3], m[3:5], m[5:7], m[7:]), 'be_mob'),
                         ('+32 %s %s %s %s' % (m[:3], m[3:5], m[5:7], m[7:]), 'be_mob_e164'),
                         ('02/%s.%s.%s' % (digits(3), digits(2), digits(2)), 'be_bxl_slash')])


def ph_hk():
    s = pick('235679') + digits(7)
    return _mk('852', s, [('+852 %s %s' % (s[:4], s[4:]), 'hk_e164'),
                          ('(852) %s %s' % (s[:4], s[4:]), 'hk_paren_cc'),
                          ('%s %s' % (s[:4], s[4:]), 'hk_8'), ('+852-%s-%s' % (s[:4], s[4:]),
                                                               'hk_e164_dash')])


def ph_tw():
    m = '9' + digits(8)
    return _mk('886', m, [('0%s-%s-%s' % (m[:3], m[3:6], m[6:]), 'tw_mob'),
                          ('+886 %s %s %s' % (m[:3], m[3:6], m[6:]), 'tw_mob_e164'),
                          ('(02)%s-%s' % (digits(4), digits(4)), 'tw_tpe_paren_tight'),
                          ('+886-2-%s-%s' % (digits(4), digits(4)), 'tw_tpe_e164')])


def ph_sg():
    s = pick('689') + digits(7)
    return _mk('65', s, [('+65 %s %s' % (s[:4], s[4:]), 'sg_e164'), ('%s %s' % (s[:4], s[4:]),
                                                                     'sg_8'),
                         ('(+65) %s-%s' % (s[:4], s[4:]), 'sg_paren_cc'), ('+65%s' % s,
                                                                          'sg_e164_bare')])


def ph_mx():
    s = digits(8)
    return _mk('52', '55' + s, [('+52 55 %s %s' % (s[:4], s[4:]), 'mx_e164'),
                                ('55 %s %s' % (s[:4], s[4:]), 'mx_cdmx'),
                                ('+52 1 55 %s %s' % (s[:4], s[4:]), 'mx_e164_1'),
                                ('(55) %s-%s' % (s[:4], s[4:]), 'mx_paren')])


def ph_ar():
    s = digits(8)
    return _mk('54', '911' + s, [('+54 9 11 %s-%s' % (s[:4], s[4:]), 'ar_mob_e164'),
                                 ('11 15-%s-%s' % (s[:4], s[4:]), 'ar_15'),
                                 ('(011) 15 %s-%s' % (s[:4], s[4:]), 'ar_011_15'),
                                 ('+54 11 %s-%s' % (s[:4], s[4:]), 'ar_ba_e164')])


def ph_cl():
    s = digits(8)
    return _mk('56', '9' + s, [('+56 9 %s %s' % (s[:4], s[4:]), 'cl_mob_e164'),
                               ('9 %s %s' % (s[:4], s[4:]), 'cl_mob'),
                               ('+56 2 2%s %s' % (digits(3), digits(4)), 'cl_stgo_e164'),
                               ('(+56) 9 %s %s' % (s[:4], s[4:]), 'cl_paren_cc')])


def ph_co():
    s = digits(7)
    return _mk('57', '31' + digits(1) + s, [('+57 31%s %s %s' % (digits(1), s[:3], s[3:]),
                                             'co_mob_e164'),
                                            ('31%s %s %s' % (digits(1), s[:3], s[3:]), 'co_mob'),
                                            ('(601) %s %s' % (s[:3], s[3:]), 'co_bog_paren'),
                                            ('+57 (601) %s-%s' % (s[:3], s[3:]), 'co_bog_e164')])


def ph_br():
    ddd = pick(['11', '21', '31', '41', '51', '61', '71', '81', '19', '27'])
    c = '9' + digits(8)
    return _mk('55', ddd + c, [('(%s) %s-%s' % (ddd, c[:5], c[5:]), 'br_cel'),
                               ('+55 (%s) %s-%s' % (ddd, c[:5], c[5:]), 'br_cel_e164_paren'),
                               ('+55 %s %s-%s' % (ddd, c[:5], c[5:]), 'br_cel_e164'),
                               ('%s %s %s %s' % (ddd, c[:1], c[1:5], c[5:]), 'br_cel_9_split'),
                               ('(0xx%s) %s-%s' % (ddd, c[:5], c[5:]), 'br_0xx'),
                               ('0%s %s-%s' % (ddd, c[:5], c[5:]), 'br_trunk')])


def ph_pt():
    m = '9' + pick('1236') + digits(7)
    return _mk('351', m, [('%s %s %s' % (m[:3], m[3:6], m[6:]), 'pt_mob'),
                          ('+351 %s %s %s' % (m[:3], m[3:6], m[6:]), 'pt_mob_e164'),
                          ('(+351) %s' % m, 'pt_paren_cc'), ('00351 %s' % m, 'pt_00351')])


def ph_it():
    m = '3' + pick(['20', '28', '33', '35', '38', '40', '45', '47', '48', '49', '66', '93']) + \
        digits(7)
    a = pick(['02', '06', '011', '055', '081', '010', '045', '0471'])
    s = digits(10 - len(a))
    return _mk('39', m, [('%s %s %s' % (m[:3], m[3:6], m[6:]), 'it_mob_3_3_4'),
                         ('%s-%s' % (m[:3], m[3:]), 'it_mob_dash'),
                         ('+39 %s %s' % (m[:3], m[3:]), 'it_mob_e164'),
                         ('+39 %s %s' % (a, s), 'it_fisso_e164'), ('%s/%s' % (a, s), 'it_slash'),
                         ('(+39) %s %s' % (a, s), 'it_paren_cc'), ('0039 %s %s' % (a, s),
                                                                    'it_0039')])


def ph_nl():
    m = digits(8)
    a = pick(['20', '10', '30', '70', '40', '50', '73', '591'])
    s = digits(9 - len(a))
    return _mk('31', '6' + m, [('06-%s' % m, 'nl_mob_dash'), ('06 %s %s' % (m[:4], m[4:]),
                                                             'nl_mob_4_4'),
                               ('+31 (0)6 %s' % g(m, 2, 2, 2, 2), 'nl_mob_e164_0_pairs'),
                               ('+31 6 %s' % m, 'nl_mob_e164'), ('0%s-%s' % (a, s), 'nl_land'),
                               ('(0%s) %s' % (a, s), 'nl_land_paren'),
                               ('+31 %s %s' % (a, s), 'nl_land_e164')])


def ph_jp():
    m = pick(['090', '080', '070'])
    a, b = digits(4), digits(4)
    return _mk('81', m[1:] + a + b, [('%s-%s-%s' % (m, a, b), 'jp_mob'),
                                     ('+81-%s-%s-%s' % (m[1:], a, b), 'jp_mob_e164_dash'),
                                     ('+81 (0)%s-%s-%s' % (m[1:], a, b), 'jp_mob_e164_0'),
                                     ('03(%s)%s' % (a, b), 'jp_tokyo_paren'),
                                     ('03-%s-%s' % (a, b), 'jp_tokyo'),
                                     ('06-%s-%s' % (a, b), 'jp_osaka'),
                                     ('0120-%s-%s' % (digits(3), digits(3)), 'jp_freedial'),
                                     ('+81 3 %s %s' % (a, b), 'jp_tokyo_e164')])


def ph_kr():
    a, b = digits(4), digits(4)
    return _mk('82', '10' + a + b, [('010-%s-%s' % (a, b), 'kr_mob'),
                                    ('+82 10-%s-%s' % (a, b), 'kr_mob_e164'),
                                    ('+82 (0)10 %s %s' % (a, b), 'kr_mob_e164_0'),
                                    ('02-%s-%s' % (digits(3), b), 'kr_seoul_3'),
                                    ('031) %s-%s' % (digits(3), b), 'kr_area_half_paren'),
                                    ('1577-%s' % b, 'kr_1577')])


def ph_sa():
    m = '5' + pick('0345') + digits(7)
    return _mk('966', m, [('0%s %s %s' % (m[:2], m[2:5], m[5:]), 'sa_mob'),
                          ('+966 %s %s %s' % (m[:2], m[2:5], m[5:]), 'sa_mob_e164'),
                          ('00966%s' % m, 'sa_00966_bare'), ('011 %s %s' % (digits(3), digits(4)),
                                                             'sa_riyadh'),
                          ('+966 11 %s %s' % (digits(3), digits(4)), 'sa_riyadh_e164')])


def ph_ae():
    m = '5' + pick('0245') + digits(7)
    return _mk('971', m, [('+971 %s %s %s' % (m[:2], m[2:5], m[5:]), 'ae_mob_e164'),
                          ('0%s %s %s' % (m[:2], m[2:5], m[5:]), 'ae_mob'),
                          ('+971 4 %s %s' % (digits(3), digits(4)), 'ae_dxb_e164'),
                          ('04 %s %s' % (digits(3), digits(4)), 'ae_dxb')])


def ph_eg():
    m = '1' + pick('0125') + digits(8)
    return _mk('20', m, [('0%s %s %s' % (m[:2], m[2:6], m[6:]), 'eg_mob'),
                         ('+20 %s %s %s' % (m[:2], m[2:6], m[6:]), 'eg_mob_e164'),
                         ('+20 (0)2 %s %s' % (digits(4), digits(4)), 'eg_cairo_e164_0')])


def ph_ru():
    code = pick(['912', '915', '916', '926', '903', '985', '495', '499', '812', '343'])
    s = digits(7)
    d = '%s-%s-%s' % (s[:3], s[3:5], s[5:])
    return _mk('7', code + s, [('+7 (%s) %s' % (code, d), 'ru_e164_paren'),
                               ('8 (%s) %s' % (code, d), 'ru_8_paren'),
                               ('+7-%s-%s' % (code, d), 'ru_e164_dash'),
                               ('8%s%s' % (code, s), 'ru_8_bare'),
                               ('+7 %s %s %s %s' % (code, s[:3], s[3:5], s[5:]), 'ru_e164_sp'),
                               ('8 (%s) %s %s %s' % (code, s[:3], s[3:5], s[5:]), 'ru_8_paren_sp')])


def ph_kz():
    s = digits(7)
    return _mk('7', '701' + s, [('+7 (701) %s-%s-%s' % (s[:3], s[3:5], s[5:]), 'kz_e164_paren'),
                                ('8 701 %s %s %s' % (s[:3], s[3:5], s[5:]), 'kz_8')])


def ph_no():
    s = pick('49') + digits(7)
    return _mk('47', s, [('%s %s %s' % (s[:3], s[3:5], s[5:]), 'no_mob_3_2_3'),
                         ('+47 %s %s %s' % (s[:3], s[3:5], s[5:]), 'no_mob_e164'),
                         ('%s %s %s %s' % (s[:2], s[2:4], s[4:6], s[6:]), 'no_pairs'),
                         ('+47 %s %s %s %s' % (s[:2], s[2:4], s[4:6], s[6:]), 'no_pairs_e164'),
                         ('0047 %s' % s, 'no_0047')])


def ph_au():
    m = '4' + digits(8)
    return _mk('61', m, [('0%s %s %s' % (m[:3], m[3:6], m[6:]), 'au_mob'),
                         ('+61 %s %s %s' % (m[:3], m[3:6], m[6:]), 'au_mob_e164'),
                         ('(02) %s %s' % (digits(4), digits(4)), 'au_syd_paren'),
                         ('+61 (0)3 %s %s' % (digits(4), digits(4)), 'au_mel_e164_0'),
                         ('1300 %s %s' % (digits(3), digits(3)), 'au_1300')])


def ph_nz():
    return _mk('64', '9' + digits(7), [('(09) %s %s' % (digits(3), digits(4)), 'nz_akl_paren'),
                                       ('+64 9 %s %s' % (digits(3), digits(4)), 'nz_akl_e164'),
                                       ('021 %s %s' % (digits(3), digits(4)), 'nz_mob'),
                                       ('+64 21 %s %s' % (digits(3), digits(4)), 'nz_mob_e164')])


def ph_za():
    return _mk('27', '82' + digits(7), [('082 %s %s' % (digits(3), digits(4)), 'za_mob'),
                                        ('+27 82 %s %s' % (digits(3), digits(4)), 'za_mob_e164'),
                                        ('(011) %s-%s' % (digits(3), digits(4)), 'za_jhb_paren'),
                                        ('+27 (0)21 %s %s' % (digits(3), digits(4)),
                                         'za_cpt_e164_0')])


def ph_ng():
    p = pick(['803', '806', '813', '816', '703', '706', '903', '805', '807', '905'])
    s = digits(7)
    return _mk('234', p + s, [('0%s %s %s' % (p, s[:3], s[3:]), 'ng_mob'),
                              ('+234 %s %s %s' % (p, s[:3], s[3:]), 'ng_mob_e164'),
                              ('+234 (0)%s %s %s' % (p, s[:3], s[3:]), 'ng_mob_e164_0'),
                              ('0%s-%s-%s' % (p, s[:3], s[3:]), 'ng_mob_dash')])


def ph_il():
    m = '5' + pick('02348') + digits(7)
    return _mk('972', m, [('0%s-%s' % (m[:2], m[2:]), 'il_mob_dash'),
                          ('+972-%s-%s-%s' % (m[:2], m[2:5], m[5:]), 'il_mob_e164_dash'),
                          ('+972 (0)%s %s %s' % (m[:2], m[2:5], m[5:]), 'il_mob_e164_0')])


def ph_ph():
    m = '9' + pick(['17', '18', '27', '05', '66', '98']) + digits(7)
    return _mk('63', m, [('0%s %s %s' % (m[:3], m[3:6], m[6:]), 'ph_mob'),
                         ('+63 %s %s %s' % (m[:3], m[3:6], m[6:]), 'ph_mob_e164'),
                         ('(02) 8%s %s' % (digits(3), digits(4)), 'ph_mnl_paren'),
                         ('+63 2 8%s %s' % (digits(3), digits(4)), 'ph_mnl_e164')])


PH = {'us': ph_us, 'ca': ph_ca, 'uk': ph_uk, 'de': ph_de, 'fr': ph_fr, 'in': ph_in, 'cn': ph_cn,
      'ie': ph_ie, 'at': ph_at, 'ch': ph_ch, 'be': ph_be, 'hk': ph_hk, 'tw': ph_tw, 'sg': ph_sg,
      'mx': ph_mx, 'ar': ph_ar, 'cl': ph_cl, 'co': ph_co, 'br': ph_br, 'pt': ph_pt, 'it': ph_it,
      'nl': ph_nl, 'jp': ph_jp, 'kr': ph_kr, 'sa': ph_sa, 'ae': ph_ae, 'eg': ph_eg, 'ru': ph_ru,
      'kz': ph_kz, 'no': ph_no, 'au': ph_au, 'nz': ph_nz, 'za': ph_za, 'ng': ph_ng, 'il': ph_il,
      'ph': ph_ph}
NAMED = ['us', 'ca', 'uk', 'de', 'fr', 'in', 'cn']
# the countries a language's text draws its numbers from (the named six most often)
LANG_CC = {'en_us': ['us', 'us', 'us', 'ca'], 'en_uk': ['uk', 'uk', 'uk', 'ie'],
           'en_in': ['in', 'in', 'in', 'sg'], 'de': ['de', 'de', 'de', 'at', 'ch'],
           'fr': ['fr', 'fr', 'fr', 'be', 'ch', 'ca'], 'zh': ['cn', 'cn', 'cn', 'hk', 'tw', 'sg'],
           'hi': ['in'], 'es': ['mx', 'ar', 'cl', 'co'], 'pt': ['br', 'pt'], 'it': ['it'],
           'nl': ['nl', 'be'], 'ja': ['jp'], 'ko': ['kr'], 'ar': ['sa', 'ae', 'eg'],
           'ru': ['ru', 'kz'], 'nb': ['no'], 'cy': ['uk'],
           'tech': NAMED + ['au', 'nz', 'za', 'ng', 'il', 'ph']}
EXT = {'us': ['x%s', ' x%s', ' ext. %s', ' ext %s', ', ext. %s', ' #%s', ' Ext.%s'],
       'ca': [' ext. %s', ' poste %s', ' x%s'], 'uk': [' ext. %s', ' ext %s', ' (ext. %s)'],
       'de': [' Durchwahl %s', ' DW %s', ' App. %s', '-%s'], 'fr': [' poste %s', ' p. %s'],
       'in': [' Extn. %s', ' ext %s', ' Extn %s'], 'cn': ['转%s', ' 转 %s', ' 分机 %s', '分机%s',
                                                            '-%s'],
       'at': [' DW %s', '-%s'], 'ch': [' intern %s'], 'be': [' toestel %s', ' poste %s'],
       'mx': [' ext. %s'], 'br': [' ramal %s'], 'it': [' int. %s'], 'nl': [' toestel %s'],
       'jp': [' 内線%s'], 'kr': [' 내선 %s'], 'ru': [' доб. %s'], 'no': [' linje %s']}


def phone(lang, var=None):
    if var == 'again' and 'forms' in LAST:  # the same number once more, in another writing
        v, f = pick(LAST['forms'])
        return v, f + '_again'
    if var == 'uri' and 'forms' in LAST:
        return e164_uri(LAST['cc'], LAST['nat']), 'tel_uri'
    if var in PH:
        cc = var
    elif var == 'intl':
        cc = pick(sorted(PH))
    elif var == 'named':
        cc = pick(NAMED)
    else:
        cc = pick(LANG_CC[lang])
    if var == 'vanity':
        word = pick(['FLOWERS', 'GO-FEDEX', 'MY-APPLE', 'CALL-ATT', 'LAW-HELP', 'GET-HOME'])
        return pick(['1-800-%s', '1 (888) %s', '1-877-%s']) % word, 'us_vanity'
    forms, code, nat = PH[cc]()
    LAST.update(forms=forms, cc=code, nat=nat)
    v, f = pick(forms)
    if var == 'ext':
        e = str(n(2, 9999)) if cc != 'de' else str(n(0, 99))
        v, f = v + pick(EXT.get(cc, [' ext. %s'])) % e, f + '+ext'
    elif var == 'uri_first':  # tel:<uri> written before any display
        v, f = e164_uri(code, nat), 'tel_uri'
    return v, f


# ---- cards, IBANs, national ids ---------------------------------------------------------
def card(lang, var=None):
    num, name = st.card_number()
    if rng.random() < 0.2:
        pre = pick(['5018', '6304', '6759', '4026', '4508', '4844', '4913', '636368'])
        num = checks.luhn_complete(pre + digits(15 - len(pre)))
        name = 'maestro_electron'
    L = len(num)
    sizes = {13: [4, 4, 5], 14: [4, 6, 4], 15: [4, 6, 5], 16: [4, 4, 4, 4],
             19: [4, 4, 4, 4, 3]}[L]
    if var == 'split':  # a PDF or a narrow column wraps it
        k = len(sizes) // 2
        return st.group(num[:sum(sizes[:k])], sizes[:k], ' ') + '\n' + \
            st.group(num[sum(sizes[:k]):], sizes[k:], ' '), name + '_split'
    style = pick(['space', 'space', 'dash', 'bare', 'dot', 'space2'])
    if style == 'bare':
        return num, name + '_bare'
    if style == 'space2':  # two spaces, as a form with boxes prints it
        return st.group(num, sizes, '  '), name + '_2space'
    return st.group(num, sizes, {'space': ' ', 'dash': '-', 'dot': '.'}[style]), \
        name + '_' + style


IBAN_CC = {'en_us': ['GB', 'DE', 'FR', 'MX'], 'en_uk': ['GB', 'IE', 'GI'],
           'en_in': ['GB', 'AE', 'DE'], 'de': ['DE', 'AT', 'CH', 'LI'],
           'fr': ['FR', 'BE', 'LU', 'MC', 'CH'], 'zh': ['DE', 'GB', 'FR'], 'hi': ['GB', 'AE'],
           'es': ['ES', 'AD', 'CR', 'DO'], 'pt': ['PT', 'BR'], 'it': ['IT', 'SM', 'VA'],
           'nl': ['NL', 'BE'], 'ja': ['DE', 'GB', 'FR'], 'ko': ['DE', 'GB'],
           'ar': ['SA', 'AE', 'QA', 'KW', 'JO', 'EG', 'BH'], 'ru': ['KZ', 'UA', 'AZ', 'GE', 'BY'],
           'nb': ['NO', 'SE', 'DK', 'FI', 'IS'], 'cy': ['GB'], 'tech': ['DE', 'GB', 'NL']}
st.IBAN.setdefault('BY', '4c4n16c')  # Belarus (28 characters)


def iban(lang, var=None):
    cc = pick(IBAN_CC[lang]) if rng.random() < 0.7 else pick(sorted(st.IBAN))
    s = st.iban_raw(cc)
    grouped = [s[i:i + 4] for i in range(0, len(s), 4)]
    if var == 'split':
        k = len(grouped) // 2
        return ' '.join(grouped[:k]) + '\n' + ' '.join(grouped[k:]), 'iban_split'
    style = pick(['space', 'space', 'space', 'bare', 'dash', 'dot', 'lower', 'space_cc'])
    if style == 'bare':
        return s, 'iban_bare'
    if style == 'lower':
        return ' '.join(grouped).lower(), 'iban_lower'
    if style == 'space_cc':  # "DE 89 3704 …": the check digits apart
        return '%s %s %s' % (s[:2], s[2:4], ' '.join(s[4 + i:8 + i]
                                                       for i in range(0, len(s) - 4, 4))), \
            'iban_cc_apart'
    return {'space': ' ', 'dash': '-', 'dot': '.'}[style].join(grouped), 'iban_' + style


def ssn(lang, var=None):
    return st.ssn(lang, var)


def nino(lang, var=None):
    return st.nino(lang, var)


def cnid(lang, var=None):
    return st.cn_id(lang, var)


# ---- network ---------------------------------------------------------------------------
def v4():
    return st.ipv4_any()


def ip(lang, var=None):
    k = var or pick(['4', '4', 'port', 'cidr', '6', '6c', 'mapped', 'zone', 'url6'])
    if k == '4':
        return v4(), 'v4'
    if k == 'port':
        return '%s:%d' % (v4(), pick([22, 80, 443, 3389, 5060, 8080, 8443, 25565])), 'v4_port'
    if k == 'cidr':
        a = v4().rsplit('.', 1)[0]
        return pick(['%s.0/24' % a, '%s.%d/%d' % (a, pick([64, 128, 192]), pick([26, 27, 25])),
                     '%s.0/%d' % (a, pick([22, 23]))]), 'v4_cidr'
    if k == '6':
        return st.ipv6_value()
    if k == '6c':
        head = pick(['2001:db8', '2a00:1450', '2606:4700', '2400:cb00', '2a03:2880', '2404:6800'])
        return '%s:%x:%x::%x' % (head, rng.randrange(65536), rng.randrange(65536),
                                 rng.randrange(1, 65536)), 'v6_compressed'
    if k == 'mapped':
        return pick(['::ffff:%s', '64:ff9b::%s', '::%s', '2001:db8:1::%s']) % st.ipv4_public(), \
            'v6_embedded_v4'
    if k == 'zone':
        return 'fe80::%x:%x:%x:%x%%%s' % (rng.randrange(65536), rng.randrange(256, 65536),
                                          rng.randrange(65536), rng.randrange(65536),
                                          pick(['eth0', 'en0', 'wlp2s0', '3', 'ens192',
                                                'Ethernet0'])), 'v6_zone'
    return '[2001:db8:%x::%x]:%d' % (rng.randrange(65536), rng.randrange(1, 65536),
                                      pick([8080, 443, 9090])), 'v6_bracket_port'


def mac(lang, var=None):
    b = ['%02x' % rng.randrange(256) for _ in range(6)]
    h = ''.join(b)
    k = var or pick(['colon', 'COLON', 'DASH', 'dash', 'dot', 'DOT'])
    return {'colon': ':'.join(b), 'COLON': ':'.join(b).upper(), 'DASH': '-'.join(b).upper(),
            'dash': '-'.join(b), 'dot': '%s.%s.%s' % (h[:4], h[4:8], h[8:]),
            'DOT': ('%s.%s.%s' % (h[:4], h[4:8], h[8:])).upper()}[k], 'mac_' + k.lower()


def crypto(lang, var=None):
    return st.crypto(lang, var)


# ---- e-mail ------------------------------------------------------------------------
LOCALS = ['dana.whitcomb', 'r.okonkwo', 'h.mueller', 'lena-sophie', 'c.lambert', 'jm.roux',
          'wang.fang', 'li_jie2019', 'ananya.iyer', 'vkrishnan', 'p.gomez', 'maria.ferreira',
          'g.bianchi', 'b.de.jong', 'sato.yui', 'jiho.park', 'a.alqahtani', 'n.ivanova',
          'ingrid.haugen', 'rhys.ap.dafydd', 'support-team', 'billing', 'office', 'team.de',
          'x9_user', 'mail2023']
DOMAINS = {'en_us': ['comcast.net', 'att.net', 'yahoo.com', 'aol.com', 'example.org'],
           'en_uk': ['btinternet.com', 'sky.com', 'virginmedia.com', 'ox.ac.uk', 'nhs.net'],
           'en_in': ['rediffmail.com', 'yahoo.co.in', 'iitm.ac.in', 'tcs.com'],
           'de': ['web.de', 'gmx.de', 't-online.de', 'firma-schulz.de', 'uni-hamburg.de'],
           'fr': ['orange.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'mairie-lyon.fr'],
           'zh': ['qq.com', '163.com', '126.com', 'sina.com', 'pku.edu.cn'],
           'hi': ['rediffmail.com', 'gmail.com'], 'es': ['hotmail.es', 'gmail.com', 'unam.mx'],
           'pt': ['uol.com.br', 'sapo.pt', 'gmail.com'], 'it': ['libero.it', 'virgilio.it'],
           'nl': ['ziggo.nl', 'kpnmail.nl', 'xs4all.nl'], 'ja': ['docomo.ne.jp', 'yahoo.co.jp'],
           'ko': ['naver.com', 'daum.net'], 'ar': ['yahoo.com', 'outlook.sa'],
           'ru': ['yandex.ru', 'mail.ru'], 'nb': ['online.no', 'uio.no'],
           'cy': ['bangor.ac.uk', 'gmail.com'], 'tech': ['example.com', 'corp.internal',
                                                          'ops.example.net']}
IDN = ['münchen-reisen.de', 'bücherstube.at', 'société.fr', 'españa-viajes.es', '例子.中国',
       'пример.рф', 'ñandú.cl', 'straße.de']
UNI_LOCALS = ['jürgen.weiß', 'zoë', 'françois.août', '张伟', 'иван.петров', 'søren', 'josé']


def email(lang, var=None):
    local, dom = pick(LOCALS), pick(DOMAINS[lang])
    k = var or pick(['plain', 'plain', 'plain', 'plus', 'plus', 'idn', 'uni', 'upper', 'obf',
                     'sub'])
    if k == 'plus':
        return '%s+%s@%s' % (local, pick(['amazon', 'newsletter', 'bank', 'work', 'lists',
                                           'x']), dom), 'email_plus'
    if k == 'idn':
        return '%s@%s' % (local, pick(IDN)), 'email_idn'
    if k == 'uni':
        return '%s@%s' % (pick(UNI_LOCALS), pick(IDN + DOMAINS[lang])), 'email_unicode'
    if k == 'upper':
        return ('%s@%s' % (local, dom)).upper(), 'email_upper'
    if k == 'sub':
        return '%s@%s.%s' % (local, pick(['mail', 'eu', 'staff', 'lists']), dom), 'email_sub'
    if k == 'obf':
        d, tld = dom.rsplit('.', 1)
        return pick([('%s(at)%s' % (local, dom), 'email_obf_at_paren'),
                     ('%s [at] %s [dot] %s' % (local, d.replace('.', ' [dot] '), tld),
                      'email_obf_brackets'),
                     ('%s at %s dot %s' % (local, d.replace('.', ' dot '), tld),
                      'email_obf_words'),
                     ('%s[at]%s' % (local, dom), 'email_obf_at_bracket')])
    return '%s@%s' % (local, dom), 'email'


# ---- look-alikes -------------------------------------------------------------------
def luhn_ok(s):
    return checks.luhn_complete(s[:-1]) == s


def ean13(first='4'):
    """An EAN-13 (GS1 check) that also passes Luhn: from 4 it is a Visa shape."""
    while True:
        d = first + digits(11)
        c = (10 - sum(int(x) * (3 if i % 2 else 1) for i, x in enumerate(d)) % 10) % 10
        s = d + str(c)
        if luhn_ok(s):
            return s


def gtin14():
    while True:
        d = pick('0123') + digits(12)
        c = (10 - sum(int(x) * (1 if i % 2 else 3) for i, x in enumerate(d)) % 10) % 10
        s = d + str(c)
        if luhn_ok(s):
            return s


def imei():
    s = checks.luhn_complete(pick(['35', '86', '01', '49', '99']) + digits(12))
    return pick([s, '%s-%s-%s-%s' % (s[:2], s[2:8], s[8:14], s[14]),
                 '%s %s %s %s' % (s[:2], s[2:8], s[8:14], s[14])])


def tracking():
    return pick(['1Z %s %s %s %s %s' % (st.hexs(3, 'ABCDEFGHJKLMNPRSTVWXYZ0123456789'),
                                       digits(3), digits(2), digits(4), digits(4)),
                 '1Z%s%s' % (st.hexs(6, 'ABCDEFGHJKLMNPRSTVWXYZ0123456789'), digits(10)),
                 '9400 1%s %s %s %s %s' % (digits(3), digits(4), digits(4), digits(4), digits(2)),
                 '%s %s %s' % (digits(4), digits(4), digits(4)),  # FedEx 12 digits
                 '%s%s%sGB' % (pick(['RR', 'LK', 'CP', 'EE']), digits(8), digits(1)),
                 'LK%sCN' % digits(9), 'SF%s' % digits(13), 'JD%s' % digits(16),
                 '00 3%s %s %s %s' % (digits(3), digits(4), digits(4), digits(4))])


def sort_code():
    return '%02d-%02d-%02d' % (n(1, 99), n(0, 99), n(0, 99))


def bic():
    b = pick(['DEUTDEFF', 'COBADEFFXXX', 'BNPAFRPP', 'HSBCGB2L', 'BARCGB22', 'NWBKGB2L',
                 'ICICINBBCTS', 'BKCHCNBJ', 'INGBNL2A', 'UNCRITMM', 'DNBANOKK', 'NDEAFIHH',
                 'RZBAATWW', 'SOGEFRPP', 'BOFAUS3N', 'CHASUS33', 'ICICINBB', 'BKCHCNBJ'])
    return b + pick(['', '', 'XXX', '500']) if len(b) == 8 else b


def vat():
    return pick(['DE%s' % digits(9), 'DE %s %s %s' % (digits(3), digits(3), digits(3)),
                 'ATU%s' % digits(8), 'FR%s %s' % (digits(2), digits(9)),
                 'GB %s %s %s' % (digits(3), digits(4), digits(2)), 'IT%s' % digits(11),
                 'NL%sB%02d' % (digits(9), n(1, 99)), 'ESB%s' % digits(8),
                 'BE 0%s.%s.%s' % (digits(3), digits(3), digits(3)), 'CHE-%s.%s.%s MWST' % (
                     digits(3), digits(3), digits(3)), 'GSTIN 27%s1Z%s' % (
                     st.hexs(10, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'), digits(1))])


def uscc():  # a Chinese unified social credit code, 18 characters
    return pick('9159') + pick('1123') + pick(st.CN_REGION) + \
        ''.join(pick('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(9)) + \
        pick('0123456789ABCDEFGHJKLMNPQRTUWXY')


def ticket_phone():
    """A ticket or case number in a phone's shape (the label says what it is)."""
    return pick(['%s-%s-%s' % (digits(3), digits(3), digits(4)),
                 '%s %s %s' % (digits(3), digits(4), digits(4)),
                 '0%s %s %s %s %s' % (n(1, 9), digits(2), digits(2), digits(2), digits(2)),
                 '%s-%s' % (digits(5), digits(5)), '%d-%s-%s' % (n(2019, 2026), digits(3),
                                                                 digits(4))])


def coord():
    return pick(['%d.%06d, %d.%06d' % (n(-60, 70), n(0, 999999), n(-170, 170), n(0, 999999)),
                 '%d°%d′%d″N %d°%d′%d″E' % (n(0, 80), n(0, 59), n(0, 59), n(0, 170), n(0, 59),
                                           n(0, 59)),
                 'lat=%d.%05d&lon=%d.%05d' % (n(-60, 70), n(0, 99999), n(-170, 170),
                                              n(0, 99999)),
                 'geo:%d.%04d,%d.%04d' % (n(-60, 70), n(0, 9999), n(-170, 170), n(0, 9999))])


def when():
    return pick(['%04d-%02d-%02dT%02d:%02d:%02d+0%d:00' % (n(2019, 2026), n(1, 12), n(1, 28),
                                                          n(0, 23), n(0, 59), n(0, 59), n(0, 9)),
                 '%02d/%02d/%04d %02d:%02d' % (n(1, 28), n(1, 12), n(2019, 2026), n(0, 23),
                                              n(0, 59)),
                 '%02d:%02d:%02d.%06d' % (n(0, 23), n(0, 59), n(0, 59), n(0, 999999)),
                 '%04d%02d%02d-%02d%02d%02d' % (n(2019, 2026), n(1, 12), n(1, 28), n(0, 23),
                                               n(0, 59), n(0, 59)),
                 '%d年%d月%d日 %02d:%02d' % (n(2019, 2026), n(1, 12), n(1, 28), n(0, 23),
                                          n(0, 59))])


def wwn():
    return ':'.join('%02x' % x for x in [0x50, 0x01, 0x43, 0x80] +
                    [rng.randrange(256) for _ in range(4)])


LOOK = dict(st.LOOK)
LOOK.update({
    'ean': ean13, 'ean9': lambda: ean13(pick('5789')), 'gtin': gtin14, 'imei': imei,
    'track': tracking, 'sort': sort_code, 'acct': lambda: digits(8), 'bic': bic, 'vat': vat,
    'uscc': uscc, 'tphone': ticket_phone, 'coord': coord, 'when': when, 'wwn': wwn,
    'ordno': lambda: pick(['%03d-%07d-%07d' % (n(100, 999), n(0, 9999999), n(0, 9999999)),
                           'A%s-%s' % (digits(3), digits(6)), 'PO-%d-%05d' % (n(2020, 2026),
                                                                              n(0, 99999)),
                           '#%s' % digits(9), 'BST-%s' % digits(10), 'CMD%s' % digits(10)]),
    'sha': lambda: st.hexs(pick([7, 10, 40])),
    'semver2': lambda: pick(['v%d.%d.%d' % (n(0, 9), n(0, 40), n(0, 99)),
                             '%d.%d.%d-alpha.%d' % (n(0, 9), n(0, 40), n(0, 99), n(1, 9)),
                             '%d.%d.%d.%d' % (n(1, 9), n(0, 9), n(0, 9), n(1000, 9999))]),
    'nbacct': lambda: '%s.%s.%s' % (digits(4), digits(2), digits(5)),
    'blz': lambda: '%s %s %s' % (digits(3), digits(3), digits(2)),
    'cny': lambda: '¥%d,%03d.%02d' % (n(1, 99), n(0, 999), n(0, 99)),
    'rupees': lambda: '₹%d,%02d,%03d' % (n(1, 99), n(0, 99), n(0, 999)),
    'gbp': lambda: '£%d,%03d.%02d' % (n(1, 99), n(0, 999), n(0, 99)),
    'eur': lambda: '%d.%03d,%02d €' % (n(1, 99), n(0, 999), n(0, 99)),
    'pin6': lambda: digits(6), 'zip_in': lambda: '%d %s' % (n(11, 85), digits(4)),
    'upi': lambda: pick(['ravi.k@okaxis', 'shop123@ybl', 'pay@paytm']),
    'msgid': lambda: '<%s.%s@mail.example.com>' % (st.hexs(12), digits(6)),
})

KINDS = {'email': ('email', 'EMAIL_ADDRESS', email), 'phone': ('phone', 'PHONE_NUMBER', phone),
         'card': ('credit_card', 'CREDIT_CARD', card), 'iban': ('iban', 'IBAN_CODE', iban),
         'ssn': ('us_ssn', 'US_SSN', ssn), 'nino': ('uk_nino', 'UK_NINO', nino),
         'cnid': ('cn_resident_id', 'CN_RESIDENT_ID', cnid),
         'ip': ('ip_address', 'IP_ADDRESS', ip), 'mac': ('mac_address', 'MAC_ADDRESS', mac),
         'crypto': ('crypto_address', 'CRYPTO', crypto)}


# ---- labels of each language for the layout templates ---------------------------------------
LBL = {
    'en_us': dict(phone='Phone', mobile='Cell', fax='Fax', email='Email', card='Card number',
                  office='Office', contact='Contact'),
    'en_uk': dict(phone='Tel', mobile='Mobile', fax='Fax', email='E-mail', card='Card no.',
                  office='Office', contact='Contact'),
    'en_in': dict(phone='Ph.', mobile='Mob.', fax='Fax', email='E-mail ID', card='Card No.',
                  office='Branch', contact='Contact person'),
    'de': dict(phone='Telefon', mobile='Mobil', fax='Fax', email='E-Mail', card='Kartennummer',
               office='Standort', contact='Ansprechpartner'),
    'fr': dict(phone='Tél.', mobile='Portable', fax='Fax', email='Courriel',
               card='N° de carte', office='Agence', contact='Contact'),
    'zh': dict(phone='电话', mobile='手机', fax='传真', email='邮箱', card='卡号', office='办公室',
               contact='联系人'),
    'hi': dict(phone='फ़ोन', mobile='मोबाइल', fax='फैक्स', email='ईमेल', card='कार्ड नंबर',
               office='कार्यालय', contact='संपर्क'),
    'es': dict(phone='Teléfono', mobile='Celular', fax='Fax', email='Correo', card='N.º de tarjeta',
               office='Sucursal', contact='Contacto'),
    'pt': dict(phone='Telefone', mobile='Celular', fax='Fax', email='E-mail',
               card='Nº do cartão', office='Filial', contact='Contato'),
    'it': dict(phone='Tel.', mobile='Cell.', fax='Fax', email='E-mail', card='N. carta',
               office='Sede', contact='Referente'),
    'nl': dict(phone='Tel.', mobile='Mobiel', fax='Fax', email='E-mail', card='Kaartnummer',
               office='Vestiging', contact='Contactpersoon'),
    'ja': dict(phone='電話番号', mobile='携帯', fax='FAX', email='メール', card='カード番号',
               office='事業所', contact='担当'),
    'ko': dict(phone='전화', mobile='휴대폰', fax='팩스', email='이메일', card='카드번호',
               office='지점', contact='담당자'),
    'ar': dict(phone='هاتف', mobile='جوال', fax='فاكس', email='البريد الإلكتروني',
               card='رقم البطاقة', office='الفرع', contact='جهة الاتصال'),
    'ru': dict(phone='Тел.', mobile='Моб.', fax='Факс', email='E-mail', card='Номер карты',
               office='Офис', contact='Контакт'),
    'nb': dict(phone='Telefon', mobile='Mobil', fax='Faks', email='E-post', card='Kortnummer',
               office='Kontor', contact='Kontaktperson'),
    'cy': dict(phone='Ffôn', mobile='Ffôn symudol', fax='Ffacs', email='E-bost',
               card='Rhif cerdyn', office='Swyddfa', contact='Cyswllt'),
}
LAYOUTS = [
    # Markdown table
    "| {office} | {phone} | {mobile} | {email} |\n|---|---|---|---|\n"
    "| A | <<phone>> | <<phone>> | <<email>> |\n| B | <<phone.ext>> | <<phone>> | <<email>> |",
    # HTML table
    "<table><tr><th>{contact}</th><th>{phone}</th><th>{email}</th></tr>\n"
    "<tr><td>1</td><td><<phone>></td><td><<email>></td></tr></table>",
    # HTML links: the tel: URI and the displayed number are both the phone
    "<p>{phone}: <a href=\"tel:<<phone.uri_first>>\"><<phone.again>></a><br>{email}: "
    "<a href=\"mailto:<<email>>\">{contact}</a></p>",
    # vCard
    "BEGIN:VCARD\nVERSION:3.0\nORG:{office}\nTEL;TYPE=work,voice:<<phone>>\n"
    "TEL;TYPE=cell:<<phone>>\nEMAIL;TYPE=internet:<<email>>\nEND:VCARD",
    "BEGIN:VCARD\nVERSION:4.0\nTEL;VALUE=uri;TYPE=\"voice,home\":tel:<<phone.uri_first>>\n"
    "EMAIL:<<email>>\nNOTE:<<ordno>>\nEND:VCARD",
    # JSON
    "{\"contact\": {\"phone\": \"<<phone>>\", \"mobile\": \"<<phone>>\", \"email\": "
    "\"<<email>>\"}, \"orderId\": \"<<ordno>>\", \"createdAt\": \"<<when>>\"}",
    "[{\"label\": \"{phone}\", \"value\": \"<<phone.ext>>\"}, {\"label\": \"{email}\", "
    "\"value\": \"<<email>>\"}]",
    # YAML
    "contact:\n  phone: \"<<phone>>\"\n  fax: <<phone>>\n  email: <<email>>\nbuild: <<sha>>",
    # CSV
    "id;{contact};{phone};{email}\n<<qty>>;A;<<phone>>;<<email>>\n<<qty>>;B;\"<<phone>>\";"
    "<<email>>",
    "\"{phone}\",\"{mobile}\",\"{email}\"\n\"<<phone>>\",\"<<phone>>\",\"<<email>>\"",
    # signature
    "--\n{office}\nT <<phone>> | M <<phone>> | <<email>>",
    "{phone}: <<phone>> · {fax}: <<phone>> · {email}: <<email.obf>>",
    # payment block
    "{card}: <<card>>\nIBAN: <<iban>>\nBIC: <<bic>>",
    "IBAN\n<<iban.split>>\nBIC <<bic>>",
    "{card}\n<<card.split>>\nCVC ***",
]

# ---- prose templates by language ------------------------------------------------------------
T = {
 'en_us': [
  "Hey — new cell is <<phone>>, landline is still <<phone>>. Call after 6 pm ET.",
  "You can reach our billing desk at <<phone.ext>> or toll-free at <<phone.vanity>>.",
  "Please update my file: SSN <<ssn>>, email <<email.plus>>, phone <<phone>>.",
  "Dial <<phone.us>> from the US or <<phone.intl>> from abroad; reference <<ordno>>.",
  "Charge my Visa <<card>> for the deposit; my backup card is <<card>>.",
  "\"Dana Whitcomb\" <<<email>>> wrote: call me at <<phone>> about ticket <<tphone>>.",
  "I sent 0.05 BTC to <<crypto>> at <<when>> but the exchange shows nothing. Order <<ordno>>.",
  "Our router's WAN IP is <<ip.4>> and the LAN is <<ip.cidr>>; my laptop's MAC is <<mac>>.",
  "W-9 details: Social Security number <<ssn>>, phone <<phone.ext>>.",
  "Employee onboarding\nSSN: <<ssn>>\nPersonal email: <<email>>\nCell: <<phone>>",
  "| Field | Value |\n|---|---|\n| SSN | <<ssn>> |\n| Phone | <<phone>> |\n| Card | <<card>> |",
  "{\"applicant\": {\"ssn\": \"<<ssn>>\", \"phone\": \"<<phone>>\", \"email\": \"<<email>>\"}}",
  "my social is <<ssn>> and the card i used was <<card>>, zip 94110",
  "Donations: BTC <<crypto>> · ETH <<crypto>> · or card <<card>>",
 ],
 'en_uk': [
  "Ring me on <<phone>> or my mobile <<phone>> - I'm in the office till 5.",
  "Calling from abroad? Use <<phone.uk>>. Our freephone is <<phone.uk>>.",
  "Payroll needs your NI number (<<nino>>) and bank details: sort code <<sort>>, "
  "account <<acct>>.",
  "Please pay invoice <<invoice>> to IBAN <<iban>> (BIC <<bic>>), VAT reg. <<vat>>.",
  "My email is <<email>> and my new number is <<phone.uk>>; the old <<phone.uk>> is dead.",
  "Switchboard <<phone.ext>>. Parcel <<track>> was left with a neighbour.",
  "Your National Insurance number is <<nino>>. Quote it with your phone number <<phone>>.",
  "Name,NI number,Phone\nA. Price,<<nino>>,<<phone>>\nB. Khan,<<nino>>,<<phone>>",
  "HMRC letter: NINO <<nino>>, ref <<tphone>>, please call <<phone.uk>>.",
  "Starter checklist - NI no: <<nino>> | bank IBAN: <<iban>> | email: <<email>>",
 ],
 'en_in': [
  "Sir, kindly call me on <<phone>> or WhatsApp <<phone>>. My email id is <<email>>.",
  "For refund please contact <<phone.in>> (toll free) or <<phone.ext>>. Order no. <<ordno>>.",
  "Office: <<phone.in>>, Fax: <<phone.in>>, PIN <<zip_in>>, GSTIN in bill: <<vat>>.",
  "Transfer <<rupees>> to my account, UPI <<upi>>, card <<card>> got blocked.",
  "Please note my new mobile number <<phone>> and alternate <<phone.intl>>.",
 ],
 'de': [
  "Hallo, Sie erreichen mich unter <<phone>> oder mobil unter <<phone>>.",
  "Zentrale <<phone>>, Durchwahl siehe unten: <<phone.ext>>. Ust-IdNr. <<vat>>.",
  "Bitte überweisen Sie <<eur>> auf IBAN <<iban>>, BIC <<bic>>, Verwendungszweck <<ordno>>.",
  "Impressum: Kontakt per E-Mail an <<email.obf>> oder telefonisch <<phone>>.",
  "Meine Kreditkarte <<card>> wurde doppelt belastet, Bestellnummer <<ordno>>.",
  "Rückruf bitte an <<phone.de>> (aus dem Ausland <<phone.de>>), Sendung <<track>>.",
  "Bitte die 0,01 BTC an <<crypto>> senden, nicht an die alte Adresse.",
  "Der Drucker hat die MAC-Adresse <<mac>> und die IP <<ip.4>>.",
  "Neue Handynummer: <<phone.de>>. Die alte <<phone.de>> ist gekündigt.",
 ],
 'fr': [
  "Bonjour, vous pouvez me joindre au <<phone>> ou sur mon portable <<phone>>.",
  "Standard : <<phone.ext>>. Pour un virement : IBAN <<iban>>, BIC <<bic>>.",
  "Mon adresse mail a changé : <<email>> (l'ancienne <<email>> ne marche plus).",
  "Paiement refusé pour la carte <<card>>, commande <<ordno>>, TVA intracom. <<vat>>.",
  "Appelez le <<phone.fr>> depuis la France ou le <<phone.fr>> depuis l'étranger.",
  "Réf. dossier <<tphone>> — rappelez-moi au <<phone.fr>> s'il vous plaît.",
  "Adresse MAC de la box : <<mac>>, IP publique <<ip>>.",
  "Envoyez les 0,2 ETH à <<crypto>> avant vendredi.",
 ],
 'zh': [
  "您好，我的手机号是<<phone.cn>>，有事请打我电话。",
  "联系电话：<<phone.cn>>，座机<<phone.ext>>，邮箱<<email>>。",
  "身份证号码<<cnid>>，手机<<phone.cn>>，请核对。",
  "请把款项汇到IBAN <<iban>>，SWIFT代码<<bic>>，订单号<<ordno>>。",
  "客服热线<<phone.cn>>，统一社会信用代码<<uscc>>，金额<<cny>>。",
  "我的银行卡号是<<card>>，尾号<<pin6>>的那张已经挂失了。",
  "請致電<<phone>>或發送電郵至<<email>>聯絡我們。",
  "姓名：王芳\n身份证：<<cnid>>\n手机：<<phone.cn>>\n邮箱：<<email>>",
  "{\"idCard\": \"<<cnid>>\", \"mobile\": \"<<phone.cn>>\", \"orderNo\": \"<<ordno>>\"}",
  "乘客身份证号<<cnid>>，订单<<ordno>>，联系电话<<phone.cn>>。",
  "请转USDT到这个地址<<crypto>>，转完截图给我。",
  "住院登记：公民身份号码 <<cnid>>，紧急联系人电话 <<phone.cn>>",
 ],
 'hi': [
  "नमस्ते, मेरा मोबाइल नंबर <<phone>> है, कृपया कॉल करें।",
  "ऑफिस का फ़ोन <<phone.ext>> है और ईमेल <<email>> है।",
  "मेरा कार्ड नंबर <<card>> है, ऑर्डर <<ordno>> का रिफंड चाहिए।",
  "कृपया <<phone>> या <<phone>> पर संपर्क करें। शिकायत संख्या <<tphone>> है।",
 ],
 'es': [
  "Hola, mi celular es <<phone>> y el de la oficina <<phone.ext>>.",
  "Por favor transfiera a IBAN <<iban>>, BIC <<bic>>; pedido <<ordno>>.",
  "Escríbeme a <<email>> o llámame al <<phone>>.",
  "Mi tarjeta <<card>> fue rechazada; NIF <<vat>>.",
  "Desde España marque <<phone.intl>>; desde México, <<phone.mx>>.",
  "Mi billetera de bitcoin es <<crypto>>, envíame ahí el pago.",
 ],
 'pt': [
  "Oi! Meu celular novo é <<phone>>, me chama no zap.",
  "Telefone fixo <<phone.ext>>, e-mail <<email>>, pedido <<ordno>>.",
  "Pague com o cartão <<card>> ou transfira para o IBAN <<iban>>.",
  "Ligue para <<phone.pt>> (Lisboa) ou <<phone.br>> (São Paulo).",
 ],
 'it': [
  "Ciao, il mio cellulare è <<phone>>, chiamami dopo le 18.",
  "Centralino <<phone.ext>>, e-mail <<email.obf>>, P.IVA <<vat>>.",
  "Bonifico su IBAN <<iban>>, causale ordine <<ordno>>.",
  "La carta <<card>> risulta bloccata, ti scrivo da <<email>>.",
 ],
 'nl': [
  "Hoi, mijn nieuwe nummer is <<phone>>, bel gerust.",
  "Bereikbaar op <<phone.ext>> of via <<email>>. Btw-nummer <<vat>>.",
  "Graag overmaken naar IBAN <<iban>> o.v.v. factuur <<invoice>>.",
  "Mijn pas <<card>> is gestolen, bestelling <<ordno>> graag annuleren.",
 ],
 'ja': [
  "お問い合わせは<<phone.jp>>まで。携帯は<<phone.jp>>です。",
  "担当：佐藤　電話<<phone.ext>>　メール<<email>>",
  "海外からは<<phone.intl>>へお電話ください。注文番号<<ordno>>。",
  "クレジットカード番号<<card>>の利用明細を確認してください。",
  "送金先ビットコインアドレス：<<crypto>>",
  "プリンタのMACアドレスは<<mac>>、IPは<<ip.4>>です。",
 ],
 'ko': [
  "안녕하세요, 제 휴대폰 번호는 <<phone.kr>>입니다.",
  "대표번호 <<phone.kr>>, 이메일 <<email>>, 주문번호 <<ordno>>.",
  "카드번호 <<card>> 결제가 두 번 되었습니다.",
  "해외에서는 <<phone.intl>>로 연락 주세요.",
 ],
 'ar': [
  "مرحبا، رقم جوالي <<phone>>، يرجى الاتصال بعد الظهر.",
  "للتواصل: هاتف <<phone.ext>> البريد الإلكتروني <<email>>",
  "يرجى التحويل إلى الآيبان <<iban>>، رمز السويفت <<bic>>.",
  "تم رفض البطاقة <<card>>، رقم الطلب <<ordno>>.",
 ],
 'ru': [
  "Здравствуйте! Мой номер <<phone>>, звоните в любое время.",
  "Телефон офиса <<phone.ext>>, почта <<email>>, ИНН <<acct>>9<<qty>>.",
  "Переведите на IBAN <<iban>>, заказ <<ordno>>.",
  "Карта <<card>> заблокирована, перезвоните на <<phone.ru>>.",
  "Кошелёк для оплаты: <<crypto>>. MAC роутера <<mac>>.",
 ],
 'nb': [
  "Hei! Du når meg på <<phone>>, eller send e-post til <<email>>.",
  "Sentralbord <<phone.ext>>. Kontonummer <<nbacct>>, IBAN <<iban>>.",
  "Kortet mitt <<card>> ble avvist, ordrenummer <<ordno>>.",
  "Ring <<phone.no>> fra Norge eller <<phone.intl>> fra utlandet.",
 ],
 'cy': [
  "Helo, fy rhif ffôn yw <<phone>> a fy rhif symudol yw <<phone>>.",
  "Cysylltwch â ni ar <<phone.ext>> neu drwy e-bost: <<email>>.",
  "Rhif Yswiriant Gwladol: <<nino>>. Côd didoli <<sort>>, cyfrif <<acct>>.",
  "Talwch i IBAN <<iban>> os gwelwch yn dda, anfoneb <<invoice>>.",
 ],
 'tech': [
  "sshd[<<qty>>]: Accepted publickey for deploy from <<ip.4>> port <<port>> ssh2: "
  "RSA SHA256:<<sha>>",
  "nginx: upstream timed out connecting to <<ip.port>>, client: <<ip.4>>, request id "
  "<<uuid>>",
  "ip -6 addr: inet6 <<ip.zone>> scope link; inet6 <<ip.6c>>/64 scope global",
  "curl -v http://<<ip.url6>>/healthz -> 503 (build <<semver2>>, commit <<sha>>)",
  "dual-stack client <<ip.mapped>> hit /login at <<when>>",
  "allow from <<ip.cidr>>; deny from <<ip.cidr>>; # ticket <<ordno>>",
  "arp -a:\n  <<ip.4>>   <<mac.dash>>   dynamic\n  <<ip.4>>   <<mac.dash>>   dynamic",
  "show mac address-table: vlan 10  <<mac.dot>>  DYNAMIC  Gi1/0/<<qty>>",
  "DHCPACK on <<ip.4>> to <<mac.colon>> (printer-3) via eth0; lease 3600",
  "link/ether <<mac>> brd ff:ff:ff:ff:ff:ff; WWN <<wwn>>",
  "Payment request: send 0.0021 BTC to <<crypto>> (expires <<when>>)",
  "Withdrawal to <<crypto>> confirmed, tx <<txhash>>, fee 0.0004",
  "bitcoin:<<crypto>>?amount=0.015&label=Invoice-<<qty>>",
  "ETH donations: <<crypto>> — thanks! (ENS coming soon, build <<semver2>>)",
  "{\"event\":\"login\",\"ip\":\"<<ip>>\",\"mac\":\"<<mac>>\",\"ts\":\"<<when>>\",\"trace\":"
  "\"<<uuid>>\"}",
  "X-Forwarded-For: <<ip.4>>, <<ip.4>>\nX-Request-ID: <<uuid>>",
  "GET http://<<ip.4>>:8080/admin/login HTTP/1.1 -> 302 (<<when>>)",
  "customer_email=<<email>> customer_phone=<<phone.intl>> amount=<<amount>> sku=<<ean9>>",
  "wlan0: flags=4163<UP,BROADCAST>  ether <<mac.colon>>  txqueuelen 1000\n  inet <<ip.4>>  "
  "netmask 255.255.255.0",
  "Get-NetAdapter: Ethernet  Intel(R) I219-V  Up  <<mac.DASH>>  1 Gbps",
  "BSSID <<mac>>  SSID office-5G  channel 36  signal -61 dBm",
  "payout_address: <<crypto>>\nrefund_card: <<card>>\nnotify: <<email>>",
  "stripe: charge failed for card <<card>> (customer <<email>>, ip <<ip>>)",
 ],
}

# ---- look-alike texts: nothing in them is PII --------------------------------------------
NEG = {
 'en_us': ["Tracking <<track>>, order <<ordno>>, UPC/EAN <<ean>>, shipped <<when>>.",
           "Ticket <<tphone>> was merged into case <<tphone>>. Build <<semver2>>.",
           "IMEI <<imei>>, serial <<serial>>, ISBN <<isbn13>>, price <<price>>."],
 'en_uk': ["Sort code <<sort>>, account <<acct>>, BIC <<bic>>, VAT <<vat>>.",
           "Royal Mail <<track>>; barcode EAN <<ean>>; total <<gbp>>."],
 'en_in': ["Order <<ordno>>, PIN <<zip_in>>, GSTIN <<vat>>, amount <<rupees>>.",
           "Complaint no. <<tphone>> registered on <<when>>."],
 'de': ["Bestellnummer <<ordno>>, Sendungsnummer <<track>>, EAN <<ean>>, Ust-IdNr. <<vat>>.",
        "Kontonummer <<acct>>, BLZ <<blz>>, BIC <<bic>> (alte Bankverbindung).",
        "Vorgangsnummer <<tphone>> vom <<when>>, Version <<semver2>>."],
 'fr': ["Commande <<ordno>>, colis <<track>>, EAN <<ean>>, TVA <<vat>>.",
        "Réf. dossier <<tphone>>, facture <<invoice>>, montant <<eur>>."],
 'zh': ["订单号<<ordno>>，快递单号<<track>>，统一社会信用代码<<uscc>>。",
        "工单<<tphone>>已关闭，版本<<semver2>>，金额<<cny>>。"],
 'hi': ["ऑर्डर <<ordno>>, ट्रैकिंग <<track>>, राशि <<rupees>>।"],
 'es': ["Pedido <<ordno>>, envío <<track>>, EAN <<ean>>, CIF <<vat>>."],
 'pt': ["Pedido <<ordno>>, rastreio <<track>>, código de barras <<ean>>."],
 'it': ["Ordine <<ordno>>, spedizione <<track>>, P.IVA <<vat>>, EAN <<ean>>."],
 'nl': ["Bestelling <<ordno>>, track & trace <<track>>, EAN <<ean>>."],
 'ja': ["注文番号<<ordno>>、JANコード<<ean9>>、お問い合わせ番号<<tphone>>。"],
 'ko': ["주문번호 <<ordno>>, 송장번호 <<track>>, 바코드 <<ean9>>."],
 'ar': ["رقم الطلب <<ordno>>، رقم التتبع <<track>>، الرقم الضريبي <<vat>>."],
 'ru': ["Заказ <<ordno>>, трек-номер <<track>>, штрихкод <<ean>>, IMEI <<imei>>."],
 'nb': ["Ordre <<ordno>>, sporingsnummer <<track>>, org.nr. <<acct>>9."],
 'cy': ["Archeb <<ordno>>, rhif tracio <<track>>, cod didoli <<sort>>."],
 'tech': ["release <<semver2>> at <<sha>>; artifact sha256 <<sha256>>; built <<when>>",
          "GTIN <<gtin>> / EAN <<ean>> / IMEI <<imei>> / SN <<serial>>",
          "disk wwn <<wwn>>, ssh fingerprint <<fp16>>, uuid <<uuid>>",
          "geo <<coord>> (accuracy 12 m) at <<when>>",
          "kernel 6.8.0-<<qty>>-generic, firmware <<semver2>>, listening on port <<port>>",
          "Message-ID: <<msgid>>\nDate: <<when>>\nX-Mailer: <<semver2>>",
          "tx <<txhash>> in block <<qty>><<qty>>, ipfs <<ipfs>>"],
}
LANGS = ['en_us', 'en_us', 'en_uk', 'en_uk', 'en_in', 'en_in', 'de', 'de', 'fr', 'fr', 'zh',
         'zh', 'hi', 'es', 'pt', 'it', 'nl', 'ja', 'ko', 'ar', 'ru', 'nb', 'cy', 'tech', 'tech',
         'tech']


def fill(template, lang, kinds=None):
    """w.fill with a set's makers (KINDS, KINDS_B); records each span's form in
    "fmt"."""
    fmts, table = [], {}
    for k, (t, p, make) in (kinds or KINDS).items():
        def rec(var=None, make=make):
            v, f = make(lang, var)
            fmts.append(f)
            return v
        table[k] = (t, p, rec)
    LAST.clear()
    text, spans = w.fill(template, table, LOOK)
    for s, f in zip(spans, fmts):
        s['fmt'] = f
    return text, spans


def layout(lang):
    lab = LBL['en_us' if lang == 'tech' else lang]
    t = pick(LAYOUTS)
    for k, v in lab.items():
        t = t.replace('{' + k + '}', v)
    return t


def record():
    lang = pick(LANGS)
    if rng.random() < 0.25:
        return fill(pick(NEG[lang]), lang)
    t = layout(lang) if lang != 'tech' and rng.random() < 0.4 else pick(T[lang])
    if rng.random() < 0.35:
        t += pick([' ', '\n', '\n\n']) + pick(NEG[lang])
    return fill(t, lang)


# ==== set b: written after the rules made from set a's misses ====================
SET = 'a'


def ph_us_b():
    a, b, c = st.nxx(), st.nxx(), digits(4)
    return [('%s/%s-%s' % (a, b, c), 'us_slash'), ('+1 %s-%s-%s' % (a, b, c), 'us_e164_dash'),
            ('(%s)%s-%s' % (a, b, c), 'us_paren_tight'), ('%s %s %s' % (a, b, c), 'us_sp'),
            ('+1(%s)%s-%s' % (a, b, c), 'us_e164_paren_tight'),
            ('1.%s.%s.%s' % (a, b, c), 'us_1dot')], '1', a + b + c


def ph_uk_b():
    m = '7' + pick(['400', '500', '723', '810', '943', '777']) + digits(6)
    ac = pick(['1632', '1865', '1273', '1603', '113', '114', '116'])
    sub = digits(10 - len(ac))
    return [('+44 (0) %s %s' % (m[:4], m[4:]), 'uk_mob_e164_0_sp'), ('0%s' % m, 'uk_mob_bare'),
            ('+44 (0)%s %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo_e164_0'),
            ('(0%s) %s %s' % (ac, sub[:3], sub[3:]), 'uk_geo_paren'),
            ('+44-%s-%s' % (m[:4], m[4:]), 'uk_mob_e164_dash'),
            ('0%s %s %s' % (m[:3], m[3:6], m[6:]), 'uk_mob_3_3_4')], '44', m


def ph_de_b():
    mob = pick(['151', '157', '159', '160', '171', '173', '176', '178'])
    ms = digits(7)
    ac = pick(['30', '40', '89', '221', '341', '6131', '5121'])
    sub = digits(9 - len(ac))
    return [('+49 (%s) %s' % (ac, sub), 'de_e164_paren_ac'), ('0%s-%s' % (ac, g(sub, 2, 2, 2, 2)),
                                                               'de_dash_pairs'),
            ('+49 %s %s' % (mob, ms), 'de_mob_e164'), ('(0%s) %s' % (mob, g(ms, 3, 2, 2)),
                                                       'de_mob_paren'),
            ('0049 (0) %s %s' % (mob, ms), 'de_0049_0'), ('0%s - %s' % (ac, sub), 'de_spaced_dash'),
            ('0%s/%s-%s' % (ac, sub[:-2], sub[-2:]), 'de_slash_dw')], '49', mob + ms


def ph_fr_b():
    z = pick('1234567')
    r = digits(8)
    p = [r[i:i + 2] for i in range(0, 8, 2)]
    return [('0%s.%s' % (z, '.'.join(p)), 'fr_dot'), ('+33 %s.%s' % (z, '.'.join(p)),
                                                     'fr_e164_dot'),
            ('0033 (0)%s %s' % (z, ' '.join(p)), 'fr_0033_0'), ('0%s %s' % (z, ' '.join(p)), 'fr_sp'),
            ('+33 (0) %s-%s' % (z, '-'.join(p)), 'fr_e164_0_dash')], '33', z + r


def ph_in_b():
    m = pick('6789') + digits(9)
    std = pick(['22', '11', '80', '44', '40', '33', '20'])
    s8 = digits(8)
    return [('+91 (0) %s %s' % (m[:5], m[5:]), 'in_mob_e164_0'),
            ('+91 %s %s %s' % (m[:4], m[4:7], m[7:]), 'in_mob_4_3_3'),
            ('(0%s) %s %s' % (std, s8[:4], s8[4:]), 'in_std_paren_4_4'),
            ('+91 %s %s %s' % (std, s8[:4], s8[4:]), 'in_std_e164_4_4'),
            ('0%s-%s' % (std, s8), 'in_std_dash'), ('%s-%s-%s' % (m[:3], m[3:6], m[6:]),
                                                     'in_mob_3_3_4')], '91', m


def ph_cn_b():
    p = pick(st.CN_MOB)
    a, b = digits(4), digits(4)
    ac = pick(['10', '21', '755', '571', '20', '28'])
    sub = pick('2345678') + digits(7 if len(ac) == 2 else 6)
    return [('+86 %s-%s-%s' % (p, a, b), 'cn_mob_e164_dash'), ('(+86) %s %s %s' % (p, a, b),
                                                              'cn_mob_paren_cc'),
            ('+86 (%s) %s %s' % (ac, sub[:4], sub[4:]), 'cn_land_e164_paren'),
            ('0%s - %s' % (ac, sub), 'cn_land_spaced_dash'),
            ('0%s %s 转 %d' % (ac, sub, n(10, 999)), 'cn_land_ext'),
            ('%s-%s%s' % (p, a, b), 'cn_mob_3_8')], '86', p + a + b


def _two(cc, nat, forms):
    return forms, cc, nat


PH_B = {
    'us': ph_us_b, 'uk': ph_uk_b, 'de': ph_de_b, 'fr': ph_fr_b, 'in': ph_in_b, 'cn': ph_cn_b,
    'id': lambda: _two('62', '812' + digits(8), [
        ('0812-%s-%s' % (digits(4), digits(4)), 'id_mob'),
        ('+62 812 %s %s' % (digits(4), digits(4)), 'id_mob_e164'),
        ('(021) %s %s' % (digits(4), digits(4)), 'id_jkt_paren')]),
    'vn': lambda: _two('84', '9' + digits(8), [
        ('09%s %s %s' % (digits(2), digits(3), digits(3)), 'vn_mob'),
        ('+84 9%s %s %s' % (digits(1), digits(3), digits(4)), 'vn_mob_e164'),
        ('(028) %s %s' % (digits(4), digits(4)), 'vn_hcm_paren')]),
    'th': lambda: _two('66', '81' + digits(7), [
        ('08%s-%s-%s' % (digits(1), digits(3), digits(4)), 'th_mob'),
        ('+66 8%s %s %s' % (digits(1), digits(3), digits(4)), 'th_mob_e164'),
        ('02-%s-%s' % (digits(3), digits(4)), 'th_bkk')]),
    'tr': lambda: _two('90', '532' + digits(7), [
        ('0 (5%s) %s %s %s' % (digits(2), digits(3), digits(2), digits(2)), 'tr_0_paren'),
        ('+90 5%s %s %s %s' % (digits(2), digits(3), digits(2), digits(2)), 'tr_mob_e164'),
        ('0212 %s %s %s' % (digits(3), digits(2), digits(2)), 'tr_ist')]),
    'pl': lambda: _two('48', '6' + digits(8), [
        ('+48 6%s %s %s' % (digits(2), digits(3), digits(3)), 'pl_mob_e164'),
        ('6%s-%s-%s' % (digits(2), digits(3), digits(3)), 'pl_mob_dash'),
        ('(22) %s %s %s' % (digits(3), digits(2), digits(2)), 'pl_waw_paren')]),
    'cz': lambda: _two('420', '6' + digits(8), [
        ('+420 6%s %s %s' % (digits(2), digits(3), digits(3)), 'cz_mob_e164'),
        ('7%s %s %s' % (digits(2), digits(3), digits(3)), 'cz_mob')]),
    'gr': lambda: _two('30', '69' + digits(8), [
        ('+30 69%s %s %s' % (digits(1), digits(3), digits(4)), 'gr_mob_e164'),
        ('210 %s %s' % (digits(3), digits(4)), 'gr_ath'), ('69%s%s' % (digits(2), digits(6)),
                                                             'gr_mob_bare')]),
    'se': lambda: _two('46', '70' + digits(7), [
        ('070-%s %s %s' % (digits(3), digits(2), digits(2)), 'se_mob'),
        ('+46 (0)70 %s %s %s' % (digits(3), digits(2), digits(2)), 'se_mob_e164_0'),
        ('08-%s %s %s' % (digits(3), digits(3), digits(2)), 'se_sthlm_3_3_2')]),
    'dk': lambda: _two('45', '2' + digits(7), [
        ('+45 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)), 'dk_e164'),
        ('2%s %s %s %s' % (digits(1), digits(2), digits(2), digits(2)), 'dk_pairs')]),
    'fi': lambda: _two('358', '40' + digits(7), [
        ('040 %s %s' % (digits(3), digits(4)), 'fi_mob'),
        ('+358 (0)40 %s %s' % (digits(3), digits(4)), 'fi_mob_e164_0'),
        ('09 %s %s' % (digits(4), digits(3)), 'fi_hki_4_3')]),
    'ro': lambda: _two('40', '72' + digits(7), [
        ('07%s.%s.%s' % (digits(2), digits(3), digits(3)), 'ro_mob_dot'),
        ('+40 7%s %s %s' % (digits(2), digits(3), digits(3)), 'ro_mob_e164')]),
    'ua': lambda: _two('380', '67' + digits(7), [
        ('+380 (67) %s-%s-%s' % (digits(3), digits(2), digits(2)), 'ua_mob_e164_paren'),
        ('067 %s %s %s' % (digits(3), digits(2), digits(2)), 'ua_mob')]),
    'ke': lambda: _two('254', '7' + digits(8), [
        ('+254 7%s %s %s' % (digits(2), digits(3), digits(3)), 'ke_mob_e164'),
        ('07%s %s%s' % (digits(2), digits(3), digits(3)), 'ke_mob_4_6')]),
    'pk': lambda: _two('92', '3' + digits(9), [
        ('+92 3%s %s' % (digits(2), digits(7)), 'pk_mob_e164'),
        ('03%s-%s' % (digits(2), digits(7)), 'pk_mob')]),
    'my': lambda: _two('60', '12' + digits(7), [
        ('+60 12-%s %s' % (digits(3), digits(4)), 'my_mob_e164'),
        ('012-%s%s' % (digits(3), digits(4)), 'my_mob_3_7')]),
    'ma': lambda: _two('212', '6' + digits(8), [
        ('+212 6 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)), 'ma_mob_e164'),
        ('06 %s %s %s %s' % (digits(2), digits(2), digits(2), digits(2)), 'ma_mob_pairs')]),
    'pe': lambda: _two('51', '9' + digits(8), [
        ('+51 9%s %s %s' % (digits(2), digits(3), digits(3)), 'pe_mob_e164'),
        ('9%s %s %s' % (digits(2), digits(3), digits(3)), 'pe_mob')]),
    'hu': lambda: _two('36', '30' + digits(7), [
        ('+36 30 %s %s' % (digits(3), digits(4)), 'hu_mob_e164'),
        ('06-30-%s-%s' % (digits(3), digits(4)), 'hu_mob_06_dash')]),
    'lu': lambda: _two('352', '621' + digits(6), [
        ('+352 621 %s %s' % (digits(3), digits(3)), 'lu_mob_e164'),
        ('621 %s %s' % (digits(3), digits(3)), 'lu_mob')]),
    'is': lambda: _two('354', '6' + digits(6), [
        ('+354 6%s %s' % (digits(2), digits(4)), 'is_mob_e164'),
        ('6%s-%s' % (digits(2), digits(4)), 'is_mob_dash')]),
    'tw': lambda: _two('886', '9' + digits(8), [
        ('0912-%s-%s' % (digits(3), digits(3)), 'tw_mob'),
        ('(02)%s%s' % (digits(4), digits(4)), 'tw_tpe_paren_bare'),
        ('+886-9%s-%s-%s' % (digits(2), digits(3), digits(3)), 'tw_mob_e164')]),
    'hk': lambda: _two('852', '9' + digits(7), [
        ('+852 9%s %s' % (digits(3), digits(4)), 'hk_e164'),
        ('9%s-%s' % (digits(3), digits(4)), 'hk_dash')]),
    'au': lambda: _two('61', '4' + digits(8), [
        ('04%s %s %s' % (digits(2), digits(3), digits(3)), 'au_mob'),
        ('+61 (0)4%s %s %s' % (digits(2), digits(3), digits(3)), 'au_mob_e164_0'),
        ('(07) %s %s' % (digits(4), digits(4)), 'au_bne_paren')]),
    'za': lambda: _two('27', '7' + digits(8), [
        ('07%s %s %s' % (digits(1), digits(3), digits(4)), 'za_mob'),
        ('+27 (0)11 %s %s' % (digits(3), digits(4)), 'za_jhb_e164_0')]),
    'ng': lambda: _two('234', '80' + digits(8), [
        ('080%s %s %s' % (digits(1), digits(3), digits(4)), 'ng_mob'),
        ('+234 80%s %s %s' % (digits(1), digits(3), digits(4)), 'ng_mob_e164')]),
    'ph': lambda: _two('63', '9' + digits(9), [
        ('09%s-%s-%s' % (digits(2), digits(3), digits(4)), 'ph_mob_dash'),
        ('+63 9%s %s %s' % (digits(2), digits(3), digits(4)), 'ph_mob_e164')]),
    'il': lambda: _two('972', '5' + digits(8), [
        ('05%s-%s-%s' % (digits(1), digits(3), digits(4)), 'il_mob_3_3_4'),
        ('+972 5%s %s %s' % (digits(1), digits(3), digits(4)), 'il_mob_e164')]),
}
LANG_CC_B = {'en_au': ['au', 'au', 'us', 'uk'], 'en_za': ['za', 'za', 'uk', 'in'],
             'en_ng': ['ng', 'ng', 'us', 'uk'], 'id': ['id'], 'vi': ['vn'], 'th': ['th'],
             'tr': ['tr'], 'pl': ['pl'], 'cs': ['cz'], 'el': ['gr'], 'he': ['il'], 'sv': ['se'],
             'da': ['dk'], 'fi': ['fi'], 'ro': ['ro'], 'uk': ['ua'], 'tl': ['ph'], 'sw': ['ke'],
             'zh_tw': ['tw', 'hk', 'cn'], 'en': ['us', 'uk', 'de', 'fr', 'in', 'cn'],
             'tech': ['us', 'uk', 'de', 'fr', 'in', 'cn', 'my', 'pk', 'ma', 'pe', 'hu', 'lu', 'is']}
EXT_B = {'id': ' ext. %s', 'vi': ' máy lẻ %s', 'th': ' ต่อ %s', 'tr': ' dahili %s',
         'pl': ' wew. %s', 'cs': ' linka %s', 'el': ' εσωτ. %s', 'he': ' שלוחה %s',
         'sv': ' ankn. %s', 'da': ' lokal %s', 'fi': ' alanumero %s', 'ro': ' int. %s',
         'uk': ' дод. %s', 'tl': ' loc. %s', 'sw': ' ext. %s', 'zh_tw': ' 分機 %s',
         'en_au': ' ext. %s', 'en_za': ' x%s', 'en_ng': ' ext %s', 'en': ' x%s',
         'tech': ' ext %s'}


def phone_b(lang, var=None):
    if var == 'again' and 'forms' in LAST:
        v, f = pick(LAST['forms'])
        return v, f + '_again'
    cc = var if var in PH_B else pick(NAMED[:1] + ['uk', 'de', 'fr', 'in', 'cn']) \
        if var == 'named' else pick(sorted(PH_B)) if var == 'intl' else pick(LANG_CC_B[lang])
    forms, code, nat = PH_B[cc]()
    LAST.update(forms=forms, cc=code, nat=nat)
    if var == 'uri_first':
        return e164_uri(code, nat), 'tel_uri'
    v, f = pick(forms)
    if var == 'ext':
        v, f = v + EXT_B[lang] % n(2, 999), f + '+ext'
    return v, f


IBAN_CC_B = {'en_au': ['GB', 'IE'], 'en_za': ['GB', 'MU'], 'en_ng': ['GB'], 'id': ['GB', 'NL'],
             'vi': ['FR', 'DE'], 'th': ['GB', 'DE'], 'tr': ['TR', 'CY'], 'pl': ['PL'],
             'cs': ['CZ', 'SK'], 'el': ['GR', 'CY'], 'he': ['IL'], 'sv': ['SE', 'FI'],
             'da': ['DK', 'FO', 'GL'], 'fi': ['FI', 'EE'], 'ro': ['RO', 'MD'], 'uk': ['UA'],
             'tl': ['GB'], 'sw': ['MU', 'GB'], 'zh_tw': ['DE', 'GB'], 'en': ['GB', 'DE', 'FR'],
             'tech': ['NL', 'DE', 'LT', 'HR']}


def iban_b(lang, var=None):
    cc = pick(IBAN_CC_B[lang]) if rng.random() < 0.7 else pick(sorted(st.IBAN))
    s = st.iban_raw(cc)
    gr = [s[i:i + 4] for i in range(0, len(s), 4)]
    style = var or pick(['space', 'space', 'bare', 'nbsp', 'crlf', 'lower_bare', 'dash'])
    if style == 'crlf':
        k = len(gr) // 2 + 1
        return ' '.join(gr[:k]) + '\r\n' + ' '.join(gr[k:]), 'iban_crlf'
    if style == 'lower_bare':
        return s.lower(), 'iban_lower_bare'
    sep = {'space': ' ', 'nbsp': '\u00a0', 'dash': '-'}.get(style)
    return (sep.join(gr), 'iban_' + style) if sep else (s, 'iban_bare')


def card_b(lang, var=None):
    num, name = st.card_number()
    L = len(num)
    sizes = {13: [4, 4, 5], 14: [4, 6, 4], 15: [4, 6, 5], 16: [4, 4, 4, 4],
             19: [4, 4, 4, 4, 3]}[L]
    style = var or pick(['space', 'dash', 'nbsp', 'bare', 'crlf', 'slash_exp'])
    if style == 'crlf':
        k = len(sizes) // 2
        return st.group(num[:sum(sizes[:k])], sizes[:k], ' ') + '\r\n' + \
            st.group(num[sum(sizes[:k]):], sizes[k:], ' '), name + '_crlf'
    if style == 'bare':
        return num, name + '_bare'
    if style == 'slash_exp':
        return st.group(num, sizes, ' '), name + '_space'
    return st.group(num, sizes, {'space': ' ', 'dash': '-', 'nbsp': '\u00a0'}[style]), \
        name + '_' + style


def ip_b(lang, var=None):
    k = var or pick(['4', 'bracket4', 'mapped_up', 'url_zone', 'slash32', '6c', 'port'])
    if k == 'bracket4':
        return st.ipv4_public(), 'v4_in_brackets'
    if k == 'mapped_up':
        return '::FFFF:%s' % st.ipv4_public(), 'v6_mapped_upper'
    if k == 'url_zone':
        return 'fe80::%x:%x%%25%s' % (rng.randrange(65536), rng.randrange(65536),
                                      pick(['eth0', 'en1'])), 'v6_zone_urlenc'
    if k == 'slash32':
        return '%s/32' % st.ipv4_public(), 'v4_slash32'
    return ip(lang, {'6c': '6c', 'port': 'port'}.get(k, '4'))


def mac_b(lang, var=None):
    h = ['%02x' % rng.randrange(256) for _ in range(6)]
    k = var or pick(['colon', 'DASH', 'DOT', 'colon_up'])
    j = ''.join(h)
    return {'colon': ':'.join(h), 'DASH': '-'.join(h).upper(), 'colon_up': ':'.join(h).upper(),
            'DOT': ('%s.%s.%s' % (j[:4], j[4:8], j[8:])).upper()}[k], 'mac_' + k


def email_b(lang, var=None):
    local = pick(['budi.santoso', 'nguyen.thi.lan', 'somchai.k', 'ayse_yilmaz', 'k.nowak',
                  'jana.dvorakova', 'eleni.p', 'yael.levi', 'lars.nilsson', 'mette.k',
                  'aino.virtanen', 'ioana.pop', 'o.shevchenko', 'maria.santos', 'wanjiru.k',
                  'chen.yiting', 'jack.oconnor', 'thandi.m', 'chinedu.o', 'h.schneider'])
    dom = pick(['gmail.com', 'yahoo.co.id', 'fpt.vn', 'hotmail.co.th', 'yandex.com.tr', 'wp.pl',
                'seznam.cz', 'otenet.gr', 'walla.co.il', 'telia.se', 'mail.dk', 'elisanet.fi',
                'yahoo.ro', 'ukr.net', 'globe.com.ph', 'gmail.co.ke', 'hinet.net',
                'bigpond.net.au', 'mweb.co.za', 'yahoo.com.ng', 'uni-mainz.de'])
    k = var or pick(['plain', 'plain', 'plus', 'paren_dot', 'mailto_q', 'upper_local', 'idn'])
    if k == 'plus':
        return '%s+%s@%s' % (local, pick(['shop', 'tax', 'inbox']), dom), 'email_plus'
    if k == 'paren_dot':
        d, tld = dom.rsplit('.', 1)
        return '%s (at) %s (dot) %s' % (local, d.replace('.', ' (dot) '), tld), \
            'email_obf_paren_dot'
    if k == 'upper_local':
        return '%s@%s' % (local.upper(), dom), 'email_upper_local'
    if k == 'idn':
        return '%s@%s' % (local, pick(['köln-büro.de', 'écoles.fr', 'ελλάδα.gr', 'türkiye.com.tr',
                                        '台灣.tw'])), 'email_idn'
    return '%s@%s' % (local, dom), 'email'


KINDS_B = {'email': ('email', 'EMAIL_ADDRESS', email_b),
           'phone': ('phone', 'PHONE_NUMBER', phone_b),
           'card': ('credit_card', 'CREDIT_CARD', card_b), 'iban': ('iban', 'IBAN_CODE', iban_b),
           'ssn': ('us_ssn', 'US_SSN', ssn), 'nino': ('uk_nino', 'UK_NINO', nino),
           'cnid': ('cn_resident_id', 'CN_RESIDENT_ID', cnid),
           'ip': ('ip_address', 'IP_ADDRESS', ip_b), 'mac': ('mac_address', 'MAC_ADDRESS', mac_b),
           'crypto': ('crypto_address', 'CRYPTO', crypto)}


def container():
    owner = pick(['MSCU', 'MAEU', 'CMAU', 'HLXU', 'OOLU'])
    return '%s %s %s' % (owner, digits(6), digits(1))


def vin():
    return ''.join(pick('ABCDEFGHJKLMNPRSTUVWXYZ0123456789') for _ in range(17))


def nhs():
    while True:
        d = [int(x) for x in digits(9)]
        c = 11 - sum(v * (10 - i) for i, v in enumerate(d)) % 11
        if c == 11:
            c = 0
        if c != 10:
            s = ''.join(map(str, d)) + str(c)
            return '%s %s %s' % (s[:3], s[3:6], s[6:])


LOOK.update({
    'orcid': lk.orcid, 'container': container, 'vin': vin, 'nhs': nhs,
    'issn': lambda: '%s-%s' % (digits(4), digits(3) + pick('0123456789X')),
    'doi': lambda: '10.%d/%s.%d' % (n(1000, 9999), pick(['jmb', 'nature', 'acs.jpcb']),
                                    n(10000, 999999)),
    'masked2': lambda: pick(['%s **** **** %s' % (digits(4), digits(4)),
                             '%s-XXXX-XXXX-%s' % (digits(4), digits(4)),
                             'ending in %s' % digits(4)]),
    'trange': lambda: '%02d:%02d–%02d:%02d' % (n(6, 11), pick([0, 30]), n(12, 20), pick([0, 30])),
    'imo': lambda: 'IMO %d' % n(9000000, 9899999),
    'pnr': lambda: ''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6)),
    'caret': lambda: pick(['^%d.%d.%d', '~%d.%d.%d', '>=%d.%d.%d']) % (n(0, 9), n(0, 30),
                                                                       n(0, 20)),
})

LBL_B = {
    'en_au': dict(phone='Ph', mobile='Mob', email='Email', card='Card'),
    'en_za': dict(phone='Tel', mobile='Cell', email='E-mail', card='Card no'),
    'en_ng': dict(phone='Phone', mobile='GSM', email='Email', card='Card'),
    'id': dict(phone='Telepon', mobile='HP', email='Surel', card='Nomor kartu'),
    'vi': dict(phone='Điện thoại', mobile='Di động', email='Email', card='Số thẻ'),
    'th': dict(phone='โทร', mobile='มือถือ', email='อีเมล', card='หมายเลขบัตร'),
    'tr': dict(phone='Tel', mobile='Cep', email='E-posta', card='Kart no'),
    'pl': dict(phone='Tel.', mobile='Kom.', email='E-mail', card='Nr karty'),
    'cs': dict(phone='Tel.', mobile='Mobil', email='E-mail', card='Číslo karty'),
    'el': dict(phone='Τηλ.', mobile='Κιν.', email='Email', card='Αρ. κάρτας'),
    'he': dict(phone='טלפון', mobile='נייד', email='דוא"ל', card='מספר כרטיס'),
    'sv': dict(phone='Tel', mobile='Mobil', email='E-post', card='Kortnummer'),
    'da': dict(phone='Tlf.', mobile='Mobil', email='E-mail', card='Kortnummer'),
    'fi': dict(phone='Puh.', mobile='GSM', email='Sähköposti', card='Kortin numero'),
    'ro': dict(phone='Tel.', mobile='Mobil', email='E-mail', card='Nr. card'),
    'uk': dict(phone='Тел.', mobile='Моб.', email='Ел. пошта', card='Номер картки'),
    'tl': dict(phone='Telepono', mobile='Cellphone', email='Email', card='Card no.'),
    'sw': dict(phone='Simu', mobile='Rununu', email='Barua pepe', card='Namba ya kadi'),
    'zh_tw': dict(phone='電話', mobile='手機', email='電子郵件', card='卡號'),
    'en': dict(phone='Phone', mobile='Mobile', email='Email', card='Card'),
}
LAYOUTS_B = [
    "<contact>\n  <phone>{x}</phone>\n  <email><<email>></email>\n</contact>"
    .replace('{x}', '<<phone>>'),
    "INSERT INTO customers (name, {phone}, email) VALUES ('A. B.', '<<phone>>', '<<email>>');",
    "[contact]\n{phone} = <<phone>>\n{mobile} = <<phone>>\nemail = <<email>>",
    "{phone} .......... <<phone>>\n{mobile} ......... <<phone.ext>>\n{email} .......... <<email>>",
    "> {phone}: <<phone>>\n> {email}: <<email>>\n\nThanks, noted.",
    "- {phone}: <<phone>>\n- {mobile}: <<phone>>\n- [<<email>>](mailto:<<email>>)",
    "{card}: <<card>> | exp 11/28\nIBAN: <<iban>>",
    "{card}:\n<<card.crlf>>\nIBAN:\n<<iban.crlf>>",
    "<Document><IBAN><<iban>></IBAN><Nm>x</Nm></Document>",
    "X-Real-IP: <<ip>>\nX-Forwarded-For: <<ip.bracket4>>\nUser-Agent: curl/8.4.0",
]
T_B = {
 'en_au': ["G'day, ring me on <<phone>> or <<phone>> arvo. Email <<email>>.",
           "Pay into BSB 062-000, acct 1234 5678 - or IBAN <<iban>> from overseas.",
           "My card <<card>> got declined at Woolies, ref <<masked2>>."],
 'en_za': ["Howzit, my cell is <<phone>>, landline <<phone.ext>>.",
           "Please EFT to IBAN <<iban>>; card on file <<card>>."],
 'en_ng': ["Abeg call me on <<phone>> or WhatsApp <<phone>>, my email na <<email>>.",
           "Transfer to my dom account IBAN <<iban>>, card <<card>>."],
 'id': ["Halo, nomor HP saya <<phone>>, WA juga bisa.", "Kartu kredit <<card>> ditolak."],
 'vi': ["Chào bạn, số điện thoại của mình là <<phone>>.", "Email: <<email>>, thẻ <<card>>."],
 'th': ["สวัสดีครับ เบอร์โทรของผมคือ <<phone>>", "บัตรเครดิต <<card>> ถูกปฏิเสธ"],
 'tr': ["Merhaba, cep numaram <<phone>>, arayabilirsiniz.", "IBAN: <<iban>> adına ödeme."],
 'pl': ["Cześć, mój numer to <<phone>>, dzwoń po 17.", "Proszę o przelew na <<iban>>."],
 'cs': ["Dobrý den, můj telefon je <<phone>>.", "Číslo účtu (IBAN) <<iban>>."],
 'el': ["Γεια σας, το κινητό μου είναι <<phone>>.", "Πληρωμή με κάρτα <<card>>."],
 'he': ["שלום, הטלפון שלי <<phone>>", "מספר כרטיס <<card>>"],
 'sv': ["Hej! Du når mig på <<phone>>.", "Betala till IBAN <<iban>>, tack."],
 'da': ["Hej, mit nummer er <<phone>>.", "Overfør til <<iban>>."],
 'fi': ["Moi, numeroni on <<phone>>.", "Maksu tilille <<iban>>."],
 'ro': ["Bună, numărul meu este <<phone>>.", "Plata în contul <<iban>>."],
 'uk': ["Привіт, мій номер <<phone>>.", "Переказ на IBAN <<iban>>."],
 'tl': ["Hello po, ito number ko <<phone>>.", "Bayad po sa card <<card>>."],
 'sw': ["Habari, namba yangu ni <<phone>>.", "Lipa kwa kadi <<card>>."],
 'zh_tw': ["您好，我的手機是<<phone>>，請回電。", "信用卡號<<card>>刷卡失敗。",
           "統一編號<<serial>>，電話<<phone>>。"],
 'en': ["Hi, please call <<phone.us>> or <<phone.uk>>; in Berlin <<phone.de>>, Paris "
        "<<phone.fr>>, Mumbai <<phone.in>>, Shanghai <<phone.cn>>.",
        "SSN#<<ssn>>, NI No: <<nino>>, 身份证 <<cnid>> - please verify.",
        "Send BTC to <<crypto>> or ETH to <<crypto>>; invoice <<invoice>>.",
        "Our office fax is <<phone.named>>, main line <<phone.named>>.",
        "mailto:<<email>>?subject=Refund%20<<qty>>"],
 'tech': ["Nov 22 10:41:07 gw kernel: IN=eth0 SRC=<<ip>> DST=<<ip>> MAC=<<mac>> PROTO=TCP",
          "wol <<mac.DASH>> # wake nas-2, HWaddr <<mac.colon>>",
          "server {{ listen [<<ip.6c>>]:443; allow <<ip.slash32>>; }}",
          "curl 'http://[<<ip.url_zone>>]/status' # link-local",
          "{\"to\": \"<<crypto>>\", \"value\": \"0x2386f26fc10000\", \"nonce\": <<qty>>}",
          "inet6 <<ip.mapped_up>> prefixlen 96; ether <<mac.DOT>>"],
}
NEG_B = {
 'en_au': ["Container <<container>>, IMO <<imo>>, ETA <<trange>>."],
 'en_za': ["NHS no. <<nhs>> is from the UK; ORCID <<orcid>>."],
 'en_ng': ["VIN <<vin>>, PNR <<pnr>>, flight <<trange>>."],
 'id': ["Nomor pesanan <<ordno>>, resi <<track>>."], 'vi': ["Mã đơn hàng <<ordno>>."],
 'th': ["หมายเลขคำสั่งซื้อ <<ordno>>"], 'tr': ["Sipariş no <<ordno>>, kargo <<track>>."],
 'pl': ["Zamówienie <<ordno>>, NIP <<vat>>."], 'cs': ["Objednávka <<ordno>>, DIČ <<vat>>."],
 'el': ["Παραγγελία <<ordno>>"], 'he': ["מספר הזמנה <<ordno>>"],
 'sv': ["Ordernummer <<ordno>>, kolli <<track>>."], 'da': ["Ordrenummer <<ordno>>."],
 'fi': ["Tilaus <<ordno>>, ISSN <<issn>>."], 'ro': ["Comanda <<ordno>>, CUI <<vat>>."],
 'uk': ["Замовлення <<ordno>>, ТТН <<track>>."], 'tl': ["Order <<ordno>>, tracking <<track>>."],
 'sw': ["Oda <<ordno>>, risiti <<invoice>>."], 'zh_tw': ["訂單編號<<ordno>>，發票<<invoice>>。"],
 'en': ["DOI <<doi>>, ORCID <<orcid>>, ISSN <<issn>>, card <<masked2>>.",
        "deps: react <<caret>>, lodash <<caret>>; open <<trange>>."],
 'tech': ["vin=<<vin>> container=<<container>> imo=<<imo>> eta=<<when>>",
          "orcid=<<orcid>> doi=<<doi>> sha=<<sha>>"],
}
LANGS_B = sorted(T_B) + ['en', 'en', 'tech']


def record_b():
    lang = pick(LANGS_B)
    if rng.random() < 0.25:
        return fill(pick(NEG_B[lang]), lang, KINDS_B)
    if lang not in ('tech', 'en') and rng.random() < 0.45:
        t = pick(LAYOUTS_B)
        for k, v in LBL_B[lang].items():
            t = t.replace('{' + k + '}', v)
    else:
        t = pick(T_B[lang])
    if rng.random() < 0.35:
        t += pick([' ', '\n']) + pick(NEG_B[lang])
    return fill(t.replace('{{', '{').replace('}}', '}'), lang, KINDS_B)  # nginx's braces


def self_test():
    st.self_test()
    e = ean13()
    assert luhn_ok(e) and len(e) == 13 and e[0] == '4'
    assert luhn_ok(gtin14()) and luhn_ok(imei().replace('-', '').replace(' ', ''))
    for cc, make in PH.items():
        forms, code, nat = make()
        assert forms and code.isdigit() and nat.isdigit(), cc


def main():
    global SET
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument('--set', default='a', choices=['a', 'b'],
                     help='b: the second set, written after the rules for a (seeds 2101/2102)')
    args, rest = pre.parse_known_args()
    SET = args.set
    sys.argv = sys.argv[:1] + rest
    self_test()
    w.write_set(record if SET == 'a' else record_b, {'a': 2001, 'b': 2101}[SET], __doc__)


if __name__ == '__main__':
    main()
