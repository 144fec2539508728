#!/usr/bin/env python3
"""The detector on the world-formats held-out set (bench/pii_gen_world.py):
new templates, languages, national formats and look-alikes, scored with the
same scorer as the Presidio file (bench/pii_eval.py, span IoU >= 0.5).

Seed 101 is the seed the rules were tuned on; seed 202 was generated before
any rule changed and its errors were never read; seed 303 of the second
template set (--templates fresh) was scored once after the rules and then
tuned on (docs/pii.md). All must keep the judged bars (overall F2 >=
0.85, F2 >= 0.95 for email, phone, credit_card, iban, us_ssn and
ip_address); the higher floors below guard what the rules reach now, so a
regression shows."""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import check, pii_generate, pii_score  # noqa: E402

KEY_TYPES = ('email', 'phone', 'credit_card', 'iban', 'us_ssn', 'ip_address')
# floors per (templates, seed): (overall, each key type, person, street_address,
# every other type)
FLOORS = {('main', 101): (0.95, 0.97, 0.93, 0.94, 0.95),
          ('main', 202): (0.95, 0.97, 0.93, 0.93, 0.95),
          ('fresh', 303): (0.95, 0.97, 0.93, 0.90, 0.95)}



def generate(templates, seed):
    return pii_generate('pii_gen_world.py', '--templates', templates, '--seed', seed)


failures = []
for (templates, seed), (overall, key, person, street, other) in FLOORS.items():
    data = generate(templates, seed)
    # the set is a function of the seed alone
    check(hashlib.sha256(generate(templates, seed)).digest() == hashlib.sha256(data).digest(),
          'seed %d: the generator is not deterministic' % seed)
    records = json.loads(data)
    check(len(records) == 800 and any(not r['spans'] for r in records),
          'seed %d: 800 records, some of them look-alikes only' % seed)
    got = pii_score(data, 'pii_world_%d' % seed)
    floors = {'OVERALL': overall, 'person': person, 'street_address': street}
    floors.update({t: key for t in KEY_TYPES})
    for t, v in got.items():
        want = floors.get(t, other)
        if v['F2'] < want:
            failures.append('seed %d %s F2 %.3f < %.2f' % (seed, t, v['F2'], want))
    for t in KEY_TYPES + ('uk_nino', 'cn_resident_id', 'passport', 'mac_address',
                          'crypto_address', 'date_of_birth', 'person', 'street_address'):
        if t not in got:
            failures.append('seed %d: no %s in the set' % (seed, t))

# The typed held-out sets (bench/pii_gen_typed.py): the typed kinds in other
# countries' formats and thirteen (set a), eleven more (set b) and thirteen
# more (set c) languages. Set b was written after set a's rules, set c after
# set b's; seeds 1002, 1102 and 1202 were scored but their errors never
# read. First contact (docs/pii.md): set a F2 0.911 / 0.911 (cards 0.71,
# IBAN 0.84-0.86, phone 0.91-0.92), set b 0.880 / 0.862 (passport
# 0.47-0.52, birth dates 0.74-0.76), set c 0.755 / 0.762 (passport
# 0.37-0.38, birth dates 0.51-0.53, phone 0.86-0.87). Only the typed kinds are held
# to a floor: the templates hold unlabelled words the person reader may take.
TYPED = ('email', 'phone', 'credit_card', 'iban', 'us_ssn', 'uk_nino', 'cn_resident_id',
         'passport', 'ip_address', 'mac_address', 'crypto_address', 'date_of_birth')
TYPED_FLOORS = {('a', 1001): 0.95, ('a', 1002): 0.95, ('b', 1101): 0.95, ('b', 1102): 0.95,
                ('c', 1201): 0.95, ('c', 1202): 0.95}
# set a's DHCP lease line holds an address the template does not label
TYPED_LOWER = {('a', 1001): {'ip_address': 0.93}, ('a', 1002): {'ip_address': 0.93}}
for (tset, seed), floor in TYPED_FLOORS.items():
    data = pii_generate('pii_gen_typed.py', '--set', tset, '--seed', seed)
    got = pii_score(data, 'pii_typed_%s_%d' % (tset, seed))
    for t in TYPED:
        want = TYPED_LOWER.get((tset, seed), {}).get(t, floor)
        if t not in got:
            if not (tset == 'c' and t == 'cn_resident_id'):  # set c has no Chinese
                failures.append('typed %s %d: no %s in the set' % (tset, seed, t))
        elif got[t]['F2'] < want:
            failures.append('typed %s %d %s F2 %.3f < %.2f' % (tset, seed, t, got[t]['F2'], want))

# The second typed sets (bench/pii_gen_typed2.py): the six named countries'
# phones in every writing and 24 other countries', 15 languages, vCards, JSON,
# CSV, HTML, tel: URIs, split and wide-boxed cards and IBANs, obfuscated
# e-mail, IPv6 forms, MACs, crypto in payment text, and hard look-alikes
# (barcodes passing Luhn, IMEIs, tracking and ticket numbers, VAT ids, sort
# codes, BICs, Message-IDs). Set b was written after set a's rules. First
# contact (docs/pii.md): a (main's detector) card 0.71, IBAN 0.65, e-mail
# 0.83-0.87, phone 0.93-0.94; b (after a's rules) card 0.94-0.95, phone
# 0.94-0.95, SSN 0.76-0.85, the rest 1.00. Seeds 2002 and 2102 were scored
# but their errors never read.
TYPED2 = ('email', 'phone', 'credit_card', 'iban', 'us_ssn', 'uk_nino', 'cn_resident_id',
          'ip_address', 'mac_address', 'crypto_address')
for tset, seed in (('a', 2002), ('b', 2102)):
    data = pii_generate('pii_gen_typed2.py', '--set', tset, '--seed', seed)
    got = pii_score(data, 'pii_typed2_%s_%d' % (tset, seed))
    for t in TYPED2:
        want = 0.95
        if t not in got:
            failures.append('typed2 %s %d: no %s in the set' % (tset, seed, t))
        elif got[t]['F2'] < want:
            failures.append('typed2 %s %d %s F2 %.3f < %.2f' % (tset, seed, t, got[t]['F2'], want))

# The identity-record sets (bench/pii_gen_idrec.py): birth dates and passports
# under labels and words of 23 (set a), 36 more (set b) and 17 more languages
# plus new layouts (set c), with other dates and other documents' numbers in
# the same records. Each set was written after the rules from the one before;
# seeds 1302, 1402 and 1502 were scored but their errors never read. First
# contact (docs/pii.md): a 0.607 / 0.614 birth date, 0.662 / 0.644 passport;
# b 0.783 / 0.809 and 0.810 / 0.836; c 0.680 / 0.677 and 0.785 / 0.753.
# Only the two labelled kinds are held to a floor (names are not labelled).
# (one seed per set keeps the test short: the never-read ones)
IDREC_FLOORS = {('a', 1302): 0.97, ('b', 1402): 0.96, ('c', 1502): 0.96}
for (tset, seed), floor in IDREC_FLOORS.items():
    data = pii_generate('pii_gen_idrec.py', '--set', tset, '--seed', seed)
    got = pii_score(data, 'pii_idrec_%s_%d' % (tset, seed))
    for t in ('date_of_birth', 'passport'):
        if t not in got:
            failures.append('idrec %s %d: no %s in the set' % (tset, seed, t))
        elif got[t]['F2'] < floor or got[t]['P'] < floor:
            failures.append('idrec %s %d %s F2 %.3f P %.3f < %.2f'
                            % (tset, seed, t, got[t]['F2'], got[t]['P'], floor))

# The look-alike sets (bench/pii_gen_lookalike.py): machine and business text
# with little PII. Ceilings on false hits per 1,000 texts (person apart: its
# false hits are capitalised words of machine text that the name rules still
# take), floors on the recall of the labelled minority. Seeds 1001/1002 are
# set a (1002's errors never read), 1011/1012 set b, written after the rules
# from set a (1012's errors never read); first contact is in docs/pii.md.
# Set c (1021/1022: CI logs, traces, i18n files in 18 languages, catalogues,
# invites, chat about software named like people) was written after set b's
# rules, set d (1031/1032) after set c's; their labelled minority is held to
# what it reached at first contact (c: Kubernetes "Node: worker-3/<ip>" and
# names of cultures no list has stay misses).
LOOK_CEIL = {('a', 1001): (110, 10), ('a', 1002): (110, 10), ('b', 1011): (125, 25),
             ('b', 1012): (150, 35), ('c', 1021): (580, 145), ('c', 1022): (560, 160),
             ('d', 1031): (660, 10), ('d', 1032): (580, 10)}
RECALL = {'c': (0.86, 0.55), 'd': (0.95, 0.9)}  # overall, each type with 10+ values
for (tset, seed), (person_ceil, other_ceil) in LOOK_CEIL.items():
    data = pii_generate('pii_gen_lookalike.py', '--set', tset, '--seed', seed)
    records = json.loads(data)
    check(len(records) == 800 and sum(1 for r in records if not r['spans']) > 600,
          'look-alike seed %d: 800 records, most without PII' % seed)
    got = pii_score(data, 'pii_lookalike_%d' % seed, '--count-all')
    other = sum(v['fp_per_1000'] for t, v in got.items() if t not in ('OVERALL', 'person'))
    if other > other_ceil:
        failures.append('look-alike seed %d: %.1f false hits per 1,000 texts (not person) > %d'
                        % (seed, other, other_ceil))
    if got['person']['fp_per_1000'] > person_ceil:
        failures.append('look-alike seed %d: %.1f false person hits per 1,000 texts > %d'
                        % (seed, got['person']['fp_per_1000'], person_ceil))
    recall, type_recall = RECALL.get(tset, (0.97, 0.9))
    if got['OVERALL']['R'] < recall:
        failures.append('look-alike seed %d: recall %.3f < %.2f' % (seed, got['OVERALL']['R'],
                                                                   recall))
    for t, v in got.items():
        if v['tp'] + v['fn'] >= 10 and v['R'] < type_recall:
            failures.append('look-alike seed %d %s recall %.3f < %.2f' % (seed, t, v['R'],
                                                                         type_recall))

# The Chinese sets (bench/pii_gen_zh.py): Simplified and Traditional text of
# the mainland, Taiwan, Hong Kong, Macau and Singapore, every kind. Set a
# (1301/1302; 1302's errors never read) was written before the rules, set b
# (1311/1312; 1312's errors never read) after set a's. First contact
# (docs/pii.md): set a 0.765 / 0.769 (person 0.60 / 0.59, birth date 0.57 /
# 0.68, passport 0.53 / 0.67), set b 0.844 / 0.827 (person 0.74 / 0.70).
# Floors: (overall, person, street_address, every other type).
ZH_FLOORS = {('a', 1301): (0.96, 0.94, 0.94, 0.95), ('a', 1302): (0.96, 0.93, 0.94, 0.95),
             ('b', 1311): (0.93, 0.89, 0.95, 0.95), ('b', 1312): (0.90, 0.84, 0.90, 0.95)}
for (zset, seed), (overall, person, street, other) in ZH_FLOORS.items():
    data = pii_generate('pii_gen_zh.py', '--set', zset, '--seed', seed)
    got = pii_score(data, 'pii_zh_%s_%d' % (zset, seed))
    floors = {'OVERALL': overall, 'person': person, 'street_address': street}
    for t in ('person', 'phone', 'cn_resident_id', 'passport', 'date_of_birth', 'street_address',
              'credit_card', 'email', 'secret'):
        if t not in got:
            failures.append('zh %s %d: no %s in the set' % (zset, seed, t))
    for t, v in got.items():
        if v['F2'] < floors.get(t, other):
            failures.append('zh %s %d %s F2 %.3f < %.2f' % (zset, seed, t, v['F2'],
                                                             floors.get(t, other)))

for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
