#!/bin/sh
# router/pii_gazetteer.c and router/pii_secret_words.c must be what router/data/gen_gazetteer.py
# and gen_secret_words.py make of the lists.
set -e
python3 "${EW_SRC:-.}/router/data/gen_gazetteer.py" --check
python3 "${EW_SRC:-.}/router/data/gen_secret_words.py" --check
