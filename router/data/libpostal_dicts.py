#!/usr/bin/env python3
"""Extracts the address words of every language from libpostal's dictionaries
(MIT licence) into three lists of router/data:

  street_types_libpostal.txt  street types and their abbreviations
                              (resources/dictionaries/<lang>/street_types.txt)
  units_libpostal.txt         unit, level, staircase and building words
                              (unit_types_numbered.txt, level_types_numbered.txt,
                              staircases.txt, building_types.txt)
  post_boxes_libpostal.txt    post office box names (post_office.txt)
  street_types_dotted_libpostal.txt
                              two-letter street type abbreviations of two or more
                              languages (street_types.txt), read only before a
                              full stop ("Gedimino pr. 9")

Usage: LIBPOSTAL_COMMIT=<sha> python3 router/data/libpostal_dicts.py LIBPOSTAL_CHECKOUT

LIBPOSTAL_CHECKOUT is a work tree, or a bare git directory (then HEAD is read).
Each line's '|' alternatives are split. Street types and units keep the single
words (letters, inner '-' and '\'', a trailing full stop dropped) that no other
list of router/data knows: an ordinary English word ("lot", "park"), a given
name or surname ("Sala", "Porta") or a place would end a person's name run or
make an address of prose. Latin words need three folded letters ("pl", "al"
are other things too), words of other scripts two. English is left out
(street_types.txt and units.txt have USPS's and ours), and so are the
language's ambiguous_expansions.txt entries. Post boxes keep the phrases of
two or more words, dotted abbreviations ("τ.θ", "ת.ד.") and single words of
six letters or more; bare two-letter abbreviations ("pk", "cp") are left out.
Breton is left out (the post writes Brittany's addresses in French; its
words, "kloz", are surnames elsewhere). Latin street types need four letters: three-letter abbreviations are
currencies ("100,00 PLN") and words ("2 int arguments") in running text.
Chinese and Japanese words are left out (router/pii_cjk.c reads CJK
addresses by their own characters). A few words are left out by hand: "appt" (an appointment),
"lotto" (a game), "км" (kilometres more often than a room), the post
boxes "presso" (Italian c/o), "c.c." (a copy) and "p.p." (pages), the
dotted "st" (St. is a saint before a name; street_types.txt has "st") and the
dotted abbreviations of other things: money ("Rs."), firms ("sp. z o.o."),
pages, chapters, measures ("pg.", "ch.", "cm.", "ct.", "gr."), "P.S.", "tr.",
"dk.", "tv.".
"""
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_gazetteer as g  # noqa: E402

LICENCE = '''#
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
HEAD = '''# %s of %d languages, from libpostal's dictionaries
# (resources/dictionaries/<lang>/%s, github.com/openvenues/libpostal,
# commit %s), extracted by router/data/libpostal_dicts.py (its header says how).
'''
# English is ours (USPS); Breton's words are on bilingual street signs while the
# post writes Brittany's addresses in French, and some are surnames ("Kloz")
SKIP_LANGS = ('en', 'all', 'br')
BY_HAND = {'appt', 'lotto', 'км', 'presso', 'c.c.', 'p.p.', 'st', 'rs', 'sp', 'pg', 'cm', 'ct',
           'gr', 'ch', 'ps', 'tr', 'dk', 'tv'}
KNOWN = ['common_words.txt', 'places.txt', 'names_first_census.txt', 'names_first_intl.txt',
         'names_last_census.txt', 'names_last_intl.txt', 'names_first_faker.txt',
         'names_last_faker.txt']
OUTPUTS = [
    # (file, what, dictionaries, kind)
    ('street_types_libpostal.txt', 'Street types and their abbreviations',
     ['street_types.txt'], 'word'),
    ('units_libpostal.txt', 'Unit, level, staircase and building words ("lgh 1102",\n'
     '# "interno 7", "piso 5", "кв.", "Wohnung 3", "Edif. Parque Cristal")',
     ['unit_types_numbered.txt', 'level_types_numbered.txt', 'staircases.txt',
      'building_types.txt'], 'word'),
    ('post_boxes_libpostal.txt', 'Post office box names ("Postfach", "τ.θ.", "postboks")',
     ['post_office.txt'], 'phrase'),
    ('street_types_dotted_libpostal.txt', 'Two-letter street type abbreviations of two or\n'
     '# more languages but English, a street type only with their full stop ("Gedimino pr. 9",\n'
     '# "ul. Długa 5")', ['street_types.txt'], 'dotted'),
]


class Repo:
    """A libpostal checkout: a work tree or a bare git directory."""

    def __init__(self, root):
        self.root = root
        self.bare = not os.path.isdir(os.path.join(root, 'resources'))

    def langs(self):
        if not self.bare:
            return sorted(os.listdir(os.path.join(self.root, 'resources', 'dictionaries')))
        out = subprocess.check_output(['git', '--git-dir', self.root, 'ls-tree', '--name-only',
                                       'HEAD', 'resources/dictionaries/'], text=True)
        return sorted(p.rsplit('/', 1)[1] for p in out.split())

    def read(self, lang, name):
        rel = 'resources/dictionaries/%s/%s' % (lang, name)
        if not self.bare:
            path = os.path.join(self.root, rel)
            if not os.path.exists(path):
                return []
            with open(path, encoding='utf-8') as f:
                return f.read().splitlines()
        r = subprocess.run(['git', '--git-dir', self.root, 'show', 'HEAD:' + rel],
                           capture_output=True)
        return r.stdout.decode('utf-8').splitlines() if r.returncode == 0 else []


def latin(word):
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 for ch in word)


def letter(ch):
    """A letter or a vowel sign of its script (Devanagari's "ा" is a mark)."""
    return ch.isalpha() or unicodedata.category(ch).startswith('M')


def single_word(w, known, ambiguous, street):
    w = w.strip().rstrip('.')
    fw = g.fold(w)
    if not fw or not all(letter(ch) or ch in "-'" for ch in w) or not w[0].isalpha():
        return None
    if len(fw.encode('utf-8')) >= 24:
        return None  # longer than any word of the scanner's cue table
    if any(ord(ch) >= 0x2E80 for ch in w):
        return None  # Chinese and Japanese: router/pii_cjk.c reads those
    if len(fw) < (3 if latin(w) else 2) or fw in known or fw in ambiguous or fw in BY_HAND:
        return None
    if street and latin(w) and len(fw) == 3:
        return None
    return w.lower()


def phrase(w):
    w = ' '.join(w.strip().split())
    if not w or len(w.encode('utf-8')) >= 24:
        return None
    letters = sum(ch.isalpha() for ch in w)
    if ' ' in w and all(part.rstrip('.').isalpha() or '.' in part for part in w.split()):
        return w.lower() if letters >= 4 else None
    if '.' in w.strip('.') and letters >= 2:
        return w.rstrip('.').lower() + '.'  # "τ.θ" is written "Τ.Θ."
    return w.lower() if w.isalpha() and len(g.fold(w)) >= 6 else None


def keep_phrase(w):
    return w and w not in BY_HAND


def main():
    repo = Repo(sys.argv[1])
    known = set()
    for f in KNOWN:
        known |= set(g.fold(w) for w in g.read_words(f))
    commit = os.environ.get('LIBPOSTAL_COMMIT', 'unknown')
    for out, what, dicts, kind in OUTPUTS:
        if kind == 'dotted':
            words, langs = dotted(repo)
        else:
            words, langs = collect(repo, dicts, kind, known, out)
        with open(os.path.join(HERE, out), 'w', encoding='utf-8') as f:
            f.write(HEAD % (what, len(langs), ', '.join(dicts), commit))
            f.write(LICENCE + '\n')
            for w in sorted(words):
                f.write(w + '\n')
        print('%s: %d entries of %d languages' % (out, len(words), len(langs)))


def dotted(repo):
    by = {}
    for lang in repo.langs():
        if lang in SKIP_LANGS:
            continue
        for line in repo.read(lang, 'street_types.txt'):
            for alt in line.split('|'):
                f = g.fold(alt.strip().rstrip('.'))
                if len(f) == 2 and f.isascii() and f.isalpha():
                    by.setdefault(f, set()).add(lang)
    words = [w for w, ls in by.items() if len(ls) >= 2 and w not in BY_HAND]
    return words, set().union(*(by[w] for w in words))


def collect(repo, dicts, kind, known, out):
    words, langs = [], set()
    for lang in repo.langs():
        if lang in SKIP_LANGS:
            continue
        ambiguous = set(g.fold(a) for line in repo.read(lang, 'ambiguous_expansions.txt')
                        for a in line.split('|'))
        for name in dicts:
            for line in repo.read(lang, name):
                for alt in line.split('|'):
                    w = phrase(alt) if kind == 'phrase' else single_word(
                        alt, known, ambiguous, out.startswith('street'))
                    if w and w not in words and keep_phrase(w):
                        words.append(w)
                        langs.add(lang)
    return words, langs


if __name__ == '__main__':
    main()
