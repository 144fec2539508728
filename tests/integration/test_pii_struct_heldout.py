#!/usr/bin/env python3
"""The structured PII types on bench/pii_gen_struct.py: every written form
of email, phone, credit_card, iban, us_ssn, uk_nino, cn_resident_id,
passport, ip_address, mac_address and crypto_address in seven languages, next
to look-alikes of the same shapes, scored with bench/pii_eval.py (span IoU
>= 0.5, --count-all so a digest read as a secret counts too).

Template set a: seed 701's errors were read, 702's never; template set b
(written after the first rules): seed 711's errors were read, 712's never
(docs/pii.md). The floors guard the level the rules reach; the judged bar is
F2 >= 0.95 for email, phone, credit_card, iban, us_ssn and ip_address."""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ewtest import check, pii_generate, pii_score  # noqa: E402

TYPES = ('email', 'phone', 'credit_card', 'iban', 'us_ssn', 'uk_nino', 'cn_resident_id',
         'passport', 'ip_address', 'mac_address', 'crypto_address')
FLOOR = {'phone': 0.97}  # every other structured type: 0.99
SETS = (('a', 701), ('a', 702), ('b', 711), ('b', 712))



def generate(templates, seed):
    return pii_generate('pii_gen_struct.py', '--templates', templates, '--seed', seed)


failures = []
for templates, seed in SETS:
    data = generate(templates, seed)
    check(hashlib.sha256(generate(templates, seed)).digest() == hashlib.sha256(data).digest(),
          'seed %d: the generator is not deterministic' % seed)
    records = json.loads(data)
    check(len(records) == 800 and sum(not r['spans'] for r in records) > 100,
          'seed %d: 800 records, over a hundred of them look-alikes only' % seed)
    got = pii_score(data, 'pii_struct_%d' % seed, '--count-all')
    for t in TYPES:
        if t not in got:
            failures.append('seed %d: no %s in the set' % (seed, t))
        elif got[t]['F2'] < FLOOR.get(t, 0.99):
            failures.append('seed %d %s F2 %.3f < %.2f' % (seed, t, got[t]['F2'],
                                                         FLOOR.get(t, 0.99)))
    # look-alikes (digests, fingerprints, transaction hashes) are no secrets
    if 'secret' in got and got['secret']['P'] < 1.0:
        failures.append('seed %d: a look-alike was reported as a secret' % seed)

for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
