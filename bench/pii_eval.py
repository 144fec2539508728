#!/usr/bin/env python3
"""Scores `edgeway pii` on the PII data sets and prints per-type precision,
recall and F2.

  python3 bench/pii_eval.py [--bin build/edgeway] [--data ../shared/data/pii]
                            [--only presidio|noseyparker|plpii|generated|secrets]
                            [--errors TYPE] [--json]

Matching is span level: a prediction matches a gold span of the same type
when their character-overlap IoU is >= 0.5 (one-to-one, best IoU first).
As in Presidio's own SpanEvaluator (presidio_evaluator/evaluation/
span_evaluator.py), spans of one type that are separated only by whitespace
and punctuation are merged first, on both sides: its spans are runs of
tokens with the same IO tag, so "12 Elm St" annotated as building number,
street and unit is one address there. (Presidio also merges across its
skip words such as "and" or "the"; we do not, which is stricter.)
--no-merge scores the raw spans. --merge-gold-only joins only gold spans
whose gap is whitespace (adjacent template slots such as "{{building_number}}
{{street_name}}") and scores our spans as the scanner reports them: the score
that does not lean on merging anything we output.
The scanner reports byte offsets; gold offsets are characters, so predictions
are converted before matching. Only types both sides have are counted: gold
types we do not support are left out, and so are predictions of our types
that a data set does not annotate at all.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Presidio's entity names mapped to ours. GPE, ORGANIZATION, DATE_TIME (a date
# is PII here only with a birth cue, which the set does not mark), TITLE, AGE,
# NRP, ZIP_CODE (alone it is not an address), DOMAIN_NAME and
# US_DRIVER_LICENSE have no type of ours.
PRESIDIO_MAP = {
    'PERSON': 'person', 'STREET_ADDRESS': 'street_address', 'CREDIT_CARD': 'credit_card',
    'PHONE_NUMBER': 'phone', 'EMAIL_ADDRESS': 'email', 'IBAN_CODE': 'iban',
    'US_SSN': 'us_ssn', 'IP_ADDRESS': 'ip_address',
}
# pl-pii-bench labels (protect only). LOC there is any place (gmina, powiat),
# POSTAL a bare postal code, and PESEL/NIP/REGON/DOWOD/VIN/plates are Polish
# identifiers we have no type for.
PLPII_MAP = {
    'PERSON': 'person', 'EMAIL': 'email', 'PHONE': 'phone', 'IBAN': 'iban',
    'PAYMENT_CARD': 'credit_card', 'PASSPORT': 'passport', 'DOB': 'date_of_birth',
}


def run_scanner(binary, texts):
    """Returns, for each text, a list of (type, char_start, char_end, score)."""
    use_jsonl = b'--jsonl' in subprocess.run([binary, 'pii', '--help'], capture_output=True).stdout
    out = []
    if use_jsonl:
        payload = ''.join(json.dumps({'id': i, 'text': t}, ensure_ascii=False) + '\n'
                          for i, t in enumerate(texts))
        r = subprocess.run([binary, 'pii', '--jsonl'], input=payload.encode(), capture_output=True)
        if r.returncode not in (0, 3):
            sys.exit('edgeway pii --jsonl failed: ' + r.stderr.decode())
        by_id = {}
        for line in r.stdout.decode().splitlines():
            rec = json.loads(line)
            by_id[rec['id']] = rec['entities']
        raw = [by_id.get(i, []) for i in range(len(texts))]
    else:
        raw = []
        for t in texts:
            r = subprocess.run([binary, 'pii'], input=t.encode(), capture_output=True)
            if r.returncode not in (0, 3):
                sys.exit('edgeway pii failed: ' + r.stderr.decode())
            raw.append(json.loads(r.stdout))
    for t, ents in zip(texts, raw):
        b2c = byte_to_char(t)
        out.append([(e['type'], b2c[e['start']], b2c[e['end']], e['score']) for e in ents])
    return out


def byte_to_char(text):
    m = []
    for ci, ch in enumerate(text):
        m.extend([ci] * len(ch.encode('utf-8')))
    m.append(len(text))
    return m


GAP_RE = re.compile(r'[\s!-/:-@\[-`{-~]*')
WS_RE = re.compile(r'\s*')


def merge_adjacent(text, spans, gap=GAP_RE):
    """Merges (type, start, end, ...) spans of one type whose gap is only
    whitespace and ASCII punctuation, as Presidio's evaluator does."""
    out = []
    for sp in sorted(spans, key=lambda x: (x[1], x[2])):
        if out and out[-1][0] == sp[0] and out[-1][2] <= sp[1] and \
                gap.fullmatch(text, out[-1][2], sp[1]):
            prev = out.pop()
            sp = (sp[0], prev[1], max(prev[2], sp[2])) + tuple(sp[3:])
        out.append(sp)
    return out


def iou(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match(golds, preds):
    """One-to-one matching by best IoU >= 0.5; returns matched (gi, pi) pairs."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            v = iou(g, p)
            if v >= 0.5:
                pairs.append((v, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for v, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


class Score:
    def __init__(self):
        self.tp, self.fp, self.fn = {}, {}, {}
        self.errors = []

    def add(self, types, text, gold, pred, keep_errors=None, merge=True):
        if merge == 'gold-ws':
            gold = merge_adjacent(text, gold, WS_RE)
        elif merge:
            gold, pred = merge_adjacent(text, gold), merge_adjacent(text, pred)
        for t in types:
            g = [x for x in gold if x[0] == t]
            p = [x for x in pred if x[0] == t]
            m = match([x[1:3] for x in g], [x[1:3] for x in p])
            self.tp[t] = self.tp.get(t, 0) + len(m)
            self.fp[t] = self.fp.get(t, 0) + len(p) - len(m)
            self.fn[t] = self.fn.get(t, 0) + len(g) - len(m)
            if keep_errors == t:
                mg = {gi for gi, _ in m}
                mp = {pi for _, pi in m}
                for gi, x in enumerate(g):
                    if gi not in mg:
                        self.errors.append(('FN', text[x[1]:x[2]], text))
                for pi, x in enumerate(p):
                    if pi not in mp:
                        self.errors.append(('FP', text[x[1]:x[2]], text))

    def table(self, title):
        rows = []
        tot = [0, 0, 0]
        for t in sorted(set(self.tp) | set(self.fn)):
            tp, fp, fn = self.tp.get(t, 0), self.fp.get(t, 0), self.fn.get(t, 0)
            tot[0] += tp
            tot[1] += fp
            tot[2] += fn
            rows.append((t, tp + fn, tp, fp, fn) + prf(tp, fp, fn))
        rows.append(('OVERALL', tot[0] + tot[2], tot[0], tot[1], tot[2]) + prf(*tot))
        lines = ['%s' % title,
                 '%-16s %6s %6s %6s %6s %7s %7s %7s' % ('type', 'gold', 'tp', 'fp', 'fn',
                                                         'P', 'R', 'F2')]
        for r in rows:
            lines.append('%-16s %6d %6d %6d %6d %7.3f %7.3f %7.3f' % r)
        return '\n'.join(lines), rows


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
    return p, r, f2


def eval_presidio(args, path):
    data = json.load(open(path, encoding='utf-8'))
    texts = [r['full_text'] for r in data]
    preds = run_scanner(args.bin, texts)
    types = sorted(set(PRESIDIO_MAP.values()))
    sc = Score()
    for rec, pred in zip(data, preds):
        gold = [(PRESIDIO_MAP[s['entity_type']], s['start_position'], s['end_position'])
                for s in rec['spans'] if s['entity_type'] in PRESIDIO_MAP]
        sc.add(types, rec['full_text'], gold, pred, args.errors, merge_mode(args))
    return sc


def merge_mode(args):
    return 'gold-ws' if args.merge_gold_only else not args.no_merge


def eval_plpii(args, path):
    docs = [json.loads(l) for l in open(path, encoding='utf-8')]
    texts = [d['text'] for d in docs]
    preds = run_scanner(args.bin, texts)
    types = sorted(set(PLPII_MAP.values()))
    sc = Score()
    for d, pred in zip(docs, preds):
        gold = [(PLPII_MAP[e['label']], e['start'], e['end']) for e in d['entities']
                if e.get('protection') == 'protect' and e['label'] in PLPII_MAP]
        sc.add(types, d['text'], gold, pred, args.errors, merge_mode(args))
    return sc


def eval_generated(args, path):
    """Records from bench/pii_gen.py: spans already carry our type names."""
    data = json.load(open(path, encoding='utf-8'))
    preds = run_scanner(args.bin, [r['full_text'] for r in data])
    # the types the generator labels, so look-alike texts without spans count too;
    # --count-all also counts every type the scanner reports (a digest read as a secret)
    types = {s['type'] for r in data for s in r['spans']} | set(PRESIDIO_MAP.values())
    if args.count_all:
        types |= {p[0] for pr in preds for p in pr}
    types = sorted(types)
    sc = Score()
    for rec, pred in zip(data, preds):
        gold = [(s['type'], s['start'], s['end']) for s in rec['spans']]
        sc.add(types, rec['full_text'], gold, pred, args.errors, merge_mode(args))
    return sc


def eval_noseyparker(args, path):
    """Recall: positives of secret rules with any secret found. FP rate:
    negatives (whose text is not a positive of another rule) with a secret."""
    rows = [json.loads(l) for l in open(path, encoding='utf-8')]
    pos_texts = {r['text'] for r in rows if r['label'] == 'positive'}
    pos = [r for r in rows if r['label'] == 'positive' and 'secret' in r['categories']]
    neg = [r for r in rows if r['label'] == 'negative' and r['text'] not in pos_texts]
    preds = run_scanner(args.bin, [r['text'] for r in pos + neg])
    hit = [any(p[0] == 'secret' for p in pr) for pr in preds]
    tp = sum(hit[:len(pos)])
    fp = sum(hit[len(pos):])
    misses = [r for r, h in zip(pos, hit[:len(pos)]) if not h]
    false = [r for r, h in zip(neg, hit[len(pos):]) if h]
    # A negative of one rule may hold the very value that another example
    # labels a secret ("password = 'super$ecret'" is a negative of one rule,
    # 'password = "super$ecret"' a positive of it): counted apart, not hidden.
    all_pos = [r['text'] for r in rows if r['label'] == 'positive']
    contested = 0
    for r, pr in zip(neg, preds[len(pos):]):
        vals = [r['text'][p[1]:p[2]] for p in pr if p[0] == 'secret']
        if vals and all(len(v) >= 6 and any(v in t for t in all_pos) for v in vals):
            contested += 1
    return tp, len(pos), fp, len(neg), misses, false, contested


def secret_found(rec, spans):
    """Any secret span; over the record's "value" when it names one."""
    if 'value' not in rec:
        return any(p[0] == 'secret' for p in spans)
    a = rec['text'].find(rec['value'])
    b = a + len(rec['value'])
    return any(p[0] == 'secret' and p[1] < b and p[2] > a for p in spans)


def eval_secrets(args, path):
    """Records from bench/pii_gen_secrets.py: recall on positives, false
    positives on the look-alike negatives, and the misses by kind."""
    rows = [json.loads(l) for l in open(path, encoding='utf-8')]
    preds = run_scanner(args.bin, [r['text'] for r in rows])
    hit = [secret_found(r, pr) for r, pr in zip(rows, preds)]
    pos = [(r, h) for r, h in zip(rows, hit) if r['label'] == 'positive']
    neg = [(r, h) for r, h in zip(rows, hit) if r['label'] == 'negative']
    wrong = [r for r, h in pos if not h] + [r for r, h in neg if h]
    return sum(h for _, h in pos), len(pos), sum(h for _, h in neg), len(neg), wrong


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default=os.path.join(ROOT, 'build', 'edgeway'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data', 'pii'))
    ap.add_argument('--only', default='')
    ap.add_argument('--errors', default=None, help='print misses and false hits of one type')
    ap.add_argument('--no-merge', action='store_true',
                    help='do not merge adjacent spans of one type (stricter than Presidio)')
    ap.add_argument('--merge-gold-only', action='store_true',
                    help='join only whitespace-separated gold fragments; our spans as reported')
    ap.add_argument('--json', action='store_true', help='print the numbers as JSON too')
    ap.add_argument('--generated', default=None,
                    help='also score a file made by bench/pii_gen.py')
    ap.add_argument('--count-all', action='store_true',
                    help='generated sets: count false hits of every type, not only labelled ones')
    ap.add_argument('--secrets', default=None,
                    help='also score a file made by bench/pii_gen_secrets.py')
    args = ap.parse_args()
    summary = {}
    if args.generated:
        sc = eval_generated(args, args.generated)
        text, rows = sc.table('%s (generated from the templates, IoU >= 0.5)' % args.generated)
        ntexts = len(json.load(open(args.generated, encoding='utf-8')))
        print(text)
        print('false hits per 1,000 texts: ' + ', '.join(
            '%s %.1f' % (r[0], 1000.0 * r[3] / ntexts) for r in rows if r[3]) + '\n')
        summary['generated'] = {r[0]: {'P': r[5], 'R': r[6], 'F2': r[7], 'tp': r[2], 'fp': r[3],
                                       'fn': r[4], 'fp_per_1000': 1000.0 * r[3] / ntexts}
                                for r in rows}
        for kind, val, ctx in sc.errors:
            print('%s %r  in  %r' % (kind, val, ctx[:160]))
        if args.only == 'generated':
            return finish(args, summary)
    if args.secrets:
        tp, npos, fp, nneg, wrong = eval_secrets(args, args.secrets)
        print('%s (generated secrets and look-alikes)' % args.secrets)
        print('  secret recall on positives: %d/%d = %.3f' % (tp, npos, tp / npos))
        print('  false positives on negatives: %d/%d = %.3f\n' % (fp, nneg, fp / nneg))
        summary['secrets'] = {'recall': tp / npos, 'fp_rate': fp / nneg}
        if args.errors == 'secret':
            for r in wrong:
                print('%s %s %r' % ('MISS' if r['label'] == 'positive' else 'FP  ', r['kind'],
                                    r['text'][:120]))
        if args.only == 'secrets':
            return finish(args, summary)
    if args.only in ('', 'presidio'):
        sc = eval_presidio(args, os.path.join(args.data, 'presidio_synth_dataset_v2.json'))
        text, rows = sc.table('presidio_synth_dataset_v2.json (span IoU >= 0.5)')
        print(text + '\n')
        summary['presidio'] = {r[0]: {'P': r[5], 'R': r[6], 'F2': r[7]} for r in rows}
        for kind, val, ctx in sc.errors:
            print('%s %r  in  %r' % (kind, val, ctx[:160]))
    if args.only in ('', 'noseyparker'):
        tp, npos, fp, nneg, misses, false, contested = eval_noseyparker(
            args, os.path.join(args.data, 'noseyparker_secret_examples.jsonl'))
        print('noseyparker_secret_examples.jsonl')
        print('  secret recall on positives: %d/%d = %.3f' % (tp, npos, tp / npos))
        print('  false positives on negatives: %d/%d = %.3f' % (fp, nneg, fp / nneg))
        print('    of which the flagged value is a positive elsewhere in the file: %d '
              '(without them: %d/%d = %.3f)\n' % (contested, fp - contested, nneg - contested,
                                                 (fp - contested) / (nneg - contested)))
        summary['noseyparker'] = {'recall': tp / npos, 'fp_rate': fp / nneg,
                                  'fp_contested': contested}
        if args.errors == 'secret':
            for r in misses:
                print('MISS %s %r' % (r['rule_id'], r['text'][:120]))
            for r in false:
                print('FP   %s %r' % (r['rule_id'], r['text'][:120]))
    if args.only in ('', 'plpii'):
        sc = eval_plpii(args, os.path.join(args.data, 'pl_pii_bench_docs.jsonl'))
        text, rows = sc.table('pl_pii_bench_docs.jsonl (protect spans, IoU >= 0.5)')
        print(text + '\n')
        summary['plpii'] = {r[0]: {'P': r[5], 'R': r[6], 'F2': r[7]} for r in rows}
        for kind, val, ctx in sc.errors:
            print('%s %r  in  %r' % (kind, val, ctx[:160]))
    finish(args, summary)


def finish(args, summary):
    if args.json:
        print(json.dumps(summary, indent=1))


if __name__ == '__main__':
    main()
