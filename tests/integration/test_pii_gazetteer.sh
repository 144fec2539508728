#!/bin/sh
# router/pii_gazetteer.c must be what router/data/gen_gazetteer.py makes of the lists.
set -e
python3 "${EW_SRC:-.}/router/data/gen_gazetteer.py" --check
