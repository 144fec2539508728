#!/usr/bin/env python3
"""Generates fresh labelled test text from presidio_templates.txt with values
of our own (not the ones in the data sets), to check that the detector
generalises. Writes JSON records like presidio's: full_text and spans with
character offsets and our type names.

  python3 bench/pii_gen.py [--n 600] [--seed 7] > /tmp/gen.json
  python3 bench/pii_eval.py --generated /tmp/gen.json
"""
import argparse
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))

# Names written for this generator; about half are absent from the gazetteers.
FIRST = ['Amara', 'Bjarke', 'Chiara', 'Dmitri', 'Eleni', 'Farhan', 'Greta', 'Hiroshi', 'Ingrid',
         'Jovan', 'Kalani', 'Leontyne', 'Mirela', 'Nnamdi', 'Oksana', 'Pradeep', 'Quilla',
         'Radek', 'Saoirse', 'Tuomas', 'Ulrike', 'Vesna', 'Wanjiru', 'Xiadani', 'Yusuf', 'Zdenka',
         'Margaret', 'Thomas', 'Olivia', 'Daniel']
LAST = ['Okonkwo', 'Lindqvist', 'Brambilla', 'Petrov', 'Papadaki', 'Haque', 'Vogt', 'Tanaka',
        'Solberg', 'Marković', 'Kahale', 'Fairweather', 'Ionescu', 'Eze', 'Hrytsenko', 'Raman',
        'Quispe', 'Dvořák', 'Ní Bhriain', 'Laaksonen', 'Brandt', 'Horvat', 'Mwangi', 'Castellanos',
        'Aydın', 'Nováková', 'Thompson', 'Walker', 'Garcia', 'Nguyen']
STREETS = ['Maple Avenue', 'Rue des Lilas', 'Bahnhofstraße', 'Calle Mayor', 'Kingsway',
           'Elm Street', 'Strandvejen', 'Via Garibaldi', 'Harbour Road', 'ul. Lipowa',
           'Mannerheimintie', 'Oak Lane', 'Kastanienallee', 'Prinsengracht', 'Sunset Boulevard']
CITIES = ['Springfield', 'Lyon', 'Graz', 'Tampere', 'Leeds', 'Porto', 'Utrecht', 'Kraków']
DOMAINS = ['mailbox.org', 'example.net', 'posteo.de', 'corp-mail.co.uk', 'uni-graz.at']


def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(random.randrange(10))
    for check in range(10):
        d = digits + [check]
        s = 0
        for i, v in enumerate(reversed(d)):
            if i % 2:
                v *= 2
                v = v - 9 if v > 9 else v
            s += v
        if s % 10 == 0:
            return ''.join(map(str, d))


def card():
    prefix, length = random.choice([('4', 16), ('51', 16), ('2221', 16), ('34', 15), ('6011', 16),
                                    ('3530', 16), ('36', 14)])
    n = luhn_complete(prefix, length)
    style = random.randrange(3)
    if style == 0 or length != 16:
        return n
    sep = ' ' if style == 1 else '-'
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


def iban():
    cc, blen = random.choice([('DE', 18), ('FR', 23), ('NL', 14), ('ES', 20), ('IT', 23),
                              ('GB', 18), ('PL', 24), ('CH', 17)])
    if cc in ('NL', 'GB'):
        bban = ''.join(random.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(4)) + \
            ''.join(str(random.randrange(10)) for _ in range(blen - 4))
    elif cc == 'IT':
        bban = random.choice('ABCDEFGHIJ') + ''.join(str(random.randrange(10)) for _ in range(22))
    else:
        bban = ''.join(str(random.randrange(10)) for _ in range(blen))
    num = ''.join(str(int(c, 36)) for c in bban + cc + '00')
    check = 98 - int(num) % 97
    s = '%s%02d%s' % (cc, check, bban)
    return ' '.join(s[i:i + 4] for i in range(0, len(s), 4)) if random.random() < 0.5 else s


def phone():
    f = random.choice([
        lambda: '+1 (%d%02d) %03d-%04d' % (random.randint(2, 9), random.randrange(100),
                                           random.randint(200, 999), random.randrange(10000)),
        lambda: '(%d%02d) %03d-%04d' % (random.randint(2, 9), random.randrange(100),
                                        random.randint(200, 999), random.randrange(10000)),
        lambda: '+44 7%03d %06d' % (random.randrange(1000), random.randrange(10 ** 6)),
        lambda: '07%03d %06d' % (random.randrange(1000), random.randrange(10 ** 6)),
        lambda: '+49 30 %d' % random.randint(1000000, 99999999),
        lambda: '0%d %02d %02d %02d %02d' % (random.randint(1, 9), random.randrange(100),
                                             random.randrange(100), random.randrange(100),
                                             random.randrange(100)),
        lambda: '+91 9%04d %05d' % (random.randrange(10 ** 4), random.randrange(10 ** 5)),
        lambda: '+86 13%d %04d %04d' % (random.randrange(10), random.randrange(10 ** 4),
                                        random.randrange(10 ** 4)),
        lambda: '%d%02d-%03d-%04d x%d' % (random.randint(2, 9), random.randrange(100),
                                          random.randint(200, 999), random.randrange(10000),
                                          random.randint(10, 999)),
    ])
    return f()


def ssn():
    while True:
        a = random.randint(1, 899)
        if a != 666:
            return '%03d-%02d-%04d' % (a, random.randint(1, 99), random.randint(1, 9999))


def person():
    r = random.random()
    if r < 0.4:
        return random.choice(FIRST)
    if r < 0.9:
        return '%s %s' % (random.choice(FIRST), random.choice(LAST))
    return '%s %s. %s' % (random.choice(FIRST), random.choice('ABCDEFGHJKLMNPRSTW'),
                          random.choice(LAST))


def address():
    st = random.choice(STREETS)
    if random.random() < 0.5:
        a = '%d %s' % (random.randint(1, 9999), st)
    else:
        a = '%s %d' % (st, random.randint(1, 300))
    if random.random() < 0.5:
        a += ', %s %05d' % (random.choice(CITIES), random.randrange(100000))
    return a


def email():
    f, l = random.choice(FIRST), random.choice(LAST)
    local = random.choice(['%s.%s', '%s%s', '%s_%s']) % (f.lower(), re.sub(r'\W', '', l.lower()))
    local = local.encode('ascii', 'ignore').decode()
    return '%s@%s' % (local, random.choice(DOMAINS))


def ip():
    if random.random() < 0.8:
        return '.'.join(str(random.randint(1, 254)) for _ in range(4))
    return ':'.join('%x' % random.randrange(65536) for _ in range(8))


SLOTS = {  # slot -> (our type or None for unlabelled filler, generator)
    'credit_card_number': ('credit_card', card), 'iban': ('iban', iban),
    'phone_number': ('phone', phone), 'ssn': ('us_ssn', ssn), 'email': ('email', email),
    'ip_address': ('ip_address', ip), 'person': ('person', person), 'name': ('person', person),
    'name_male': ('person', person), 'name_female': ('person', person),
    'first_name': ('person', lambda: random.choice(FIRST)),
    'first_name_male': ('person', lambda: random.choice(FIRST)),
    'first_name_female': ('person', lambda: random.choice(FIRST)),
    'first_name_nonbinary': ('person', lambda: random.choice(FIRST)),
    'last_name': ('person', lambda: random.choice(LAST)),
    'last_name_male': ('person', lambda: random.choice(LAST)),
    'last_name_female': ('person', lambda: random.choice(LAST)),
    'address': ('street_address', address),
    'country': (None, lambda: random.choice(['Portugal', 'Kenya', 'Chile', 'Norway'])),
    'city': (None, lambda: random.choice(CITIES)),
    'organization': (None, lambda: random.choice(['Acme Corp', 'Globex Inc', 'Initech'])),
    'nationality': (None, lambda: random.choice(['Peruvian', 'Danish', 'Korean'])),
    'prefix_male': (None, lambda: 'Mr.'), 'prefix_female': (None, lambda: 'Ms.'),
    'prefix': (None, lambda: 'Dr.'), 'age': (None, lambda: str(random.randint(18, 90))),
    'year': (None, lambda: str(random.randint(1950, 2023))),
    'date_time': (None, lambda: 'March %d, 2021' % random.randint(1, 28)),
    'day_of_week': (None, lambda: random.choice(['Monday', 'Friday'])),
    'url': (None, lambda: 'https://www.example.org/p/%d' % random.randrange(1000)),
    'job': (None, lambda: random.choice(['nurse', 'accountant', 'welder'])),
    'zipcode': (None, lambda: '%05d' % random.randrange(100000)),
    'postcode': (None, lambda: '%05d' % random.randrange(100000)),
    'state_abbr': (None, lambda: random.choice(['CA', 'TX', 'NY'])),
    'street_name': (None, lambda: random.choice(STREETS)),
    'building_number': (None, lambda: str(random.randint(1, 999))),
    'secondary_address': (None, lambda: 'Apt. %d' % random.randint(1, 999)),
    'us_driver_license': (None, lambda: 'D%07d' % random.randrange(10 ** 7)),
    'nation_woman': (None, lambda: 'Chilean'), 'nation_plural': (None, lambda: 'Chileans'),
    'date_of_birth': (None, lambda: '4 May 1990'),
}
# Templates whose address is split into slots are skipped: their pieces have
# no single right answer.
SPLIT = re.compile(r'\{\{(building_number|street_name|secondary_address)\}\}')


def fill(template):
    template = template.replace('\\n', '\n')
    text, spans = '', []
    pos = 0
    for m in re.finditer(r'\{\{(\w+)\}\}', template):
        text += template[pos:m.start()]
        slot = m.group(1)
        typ, gen = SLOTS.get(slot, (None, lambda: 'X'))
        val = gen()
        if typ:
            spans.append({'type': typ, 'start': len(text), 'end': len(text) + len(val)})
        text += val
        pos = m.end()
    text += template[pos:]
    return text, spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=600)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--templates', default=os.path.join(HERE, '..', '..', 'shared', 'data', 'pii',
                                                        'presidio_templates.txt'))
    args = ap.parse_args()
    random.seed(args.seed)
    templates = [t.strip() for t in open(args.templates, encoding='utf-8')
                 if t.strip() and not SPLIT.search(t)]
    out = []
    for _ in range(args.n):
        text, spans = fill(random.choice(templates))
        out.append({'full_text': text, 'spans': spans})
    json.dump(out, __import__('sys').stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
