#!/bin/sh
# Retrains the shipped difficulty weights (conf/difficulty.weights) from the
# shared development data, and first reports honest numbers: the same recipe
# trained on 80 % of the rows (split by prompt hash) and scored on the other
# 20 %. `make difficulty-weights` runs it; the README shows its output.
#
#   scripts/train_difficulty.sh [OUT]     (env: EW_BIN, EW_SHARED)
set -eu

EW=${EW_BIN:-build/edgeway}
DATA=${EW_SHARED:-../shared}/data/difficulty
OUT=${1:-conf/difficulty.weights}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

MMLU=$DATA/routellm_mmlu_responses.csv
GSM8K=$DATA/routellm_gsm8k_responses.csv
ARENA=$DATA/arena_hard_v0.1_question.jsonl
SELF=$DATA/selfinstruct_user_oriented_instructions.jsonl
VICUNA=$DATA/vicuna_bench_question.jsonl

# The recipe (README, "Difficulty estimate"): word problems are scored on
# their dense features alone; MMLU targets are smoothed toward their
# subject's rate; the question sets without correctness labels (arena-hard
# hard, self-instruct and vicuna easy) weigh little, the easy ones four times
# the hard one, as real traffic is mostly easy.
set -- --l2 1e-3 --type-gain word_problem=0 --category-col subject --smooth 0.5 \
    --data "$MMLU" "$GSM8K" "$ARENA@0.1" "$SELF@0.4" "$VICUNA@0.4"

echo "== held-out check: trained on 80 % of rows, scored on the other 20 %"
"$EW" difficulty train -o "$TMP/split.weights" --holdout 20 "$@" 2>/dev/null
echo
echo "== held-out arena-hard vs self-instruct"
"$EW" difficulty eval --weights "$TMP/split.weights" --holdout 20 --split heldout \
    --data "$ARENA" "$SELF"
echo
echo "== shipped weights: every row -> $OUT"
"$EW" difficulty train -o "$OUT" "$@" 2>/dev/null | sed -n '/^training rows/,$p'
ls -l "$OUT"
