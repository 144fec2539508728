#!/usr/bin/env python3
"""Extracts units_libpostal.txt from libpostal's dictionaries (MIT licence).

Usage: python3 router/data/libpostal_units.py LIBPOSTAL_CHECKOUT > router/data/units_libpostal.txt

Reads resources/dictionaries/<lang>/unit_types_numbered.txt of every language
but English (units.txt has the English ones), splits each line's '|'
alternatives and keeps the single words (letters and '-') of three or more
folded letters that no other list of router/data knows: an ordinary English
word ("lot", "park"), a given name or surname ("Sala", "Porta") or a place
would end a person's name run or make an address of prose. Two more are left
out by hand: "appt" (an appointment in English) and "lotto" (a game).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_gazetteer as g  # noqa: E402

NOTICE = '''# Unit words of 35 languages ("lgh 1102", "interno 7", "m. 12", "ático 2ª",
# "Wohnung 3", "кв."), from libpostal's dictionaries
# (resources/dictionaries/<lang>/unit_types_numbered.txt, github.com/openvenues/
# libpostal, commit %s), extracted by router/data/libpostal_units.py.
#
# The MIT License (MIT)
#
# Copyright (c) 2015 openvenues
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.'''
BY_HAND = {'appt', 'lotto'}
KNOWN = ['common_words.txt', 'places.txt', 'names_first_census.txt', 'names_first_intl.txt',
         'names_last_census.txt', 'names_last_intl.txt', 'names_first_faker.txt',
         'names_last_faker.txt', 'units.txt']


def main():
    root = sys.argv[1]
    dicts = os.path.join(root, 'resources', 'dictionaries')
    known = set()
    for f in KNOWN:
        known |= set(g.fold(w) for w in g.read_words(f))
    words = set()
    for lang in sorted(os.listdir(dicts)):
        path = os.path.join(dicts, lang, 'unit_types_numbered.txt')
        if lang == 'en' or not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            for line in f:
                for w in line.strip().split('|'):
                    fw = g.fold(w)
                    if (len(fw) >= 3 and all(ch.isalpha() or ch == '-' for ch in w) and
                            fw not in known and fw not in BY_HAND):
                        words.add(fw)
    commit = os.environ.get('LIBPOSTAL_COMMIT', 'unknown')
    print(NOTICE % commit)
    for w in sorted(words):
        print(w)


if __name__ == '__main__':
    main()
