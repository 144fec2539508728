#!/usr/bin/env python3
"""The engine against llama.cpp's reference outputs (../shared/models), teacher-forced.

For every model with a reference in ref/ (and its tolerance from ref-kvf32/):
  - `edgeway tokenize --no-special` equals tokens_plain, and the prompt ids that
    `generate --json` reports equal tokens_special;
  - `edgeway logits` on tokens_special + generated_ids: at every generated step the
    log-sum-exp and the logits of the reference top-10 agree within
    tol = max(0.1, 2 * teacher_forced_delta_summary.max_abs_dlogit_top10), and our top-1
    is the reference top-1 wherever the reference margin exceeds tol;
  - `edgeway generate --temp 0` reproduces generated_ids up to the first step whose
    reference margin is below tol.
Plus: stories260K tells a coherent-ish story from "Once upon a time" (greedy).
Under sanitizers (EW_SANITIZED) the first prompt of each model is checked, to stay fast."""
import json, os, re, subprocess, sys

EW = os.environ.get('EW_BIN', 'build/edgeway')
MODELS = os.path.join(os.environ.get('EW_SHARED', '../shared'), 'models')
SANITIZED = bool(os.environ.get('EW_SANITIZED'))


def run(*args):
    p = subprocess.run([EW] + list(args), capture_output=True, text=True, timeout=600)
    if p.returncode:
        raise AssertionError('%s failed: %s' % (' '.join(args[:3]), p.stderr.strip()[-300:]))
    return json.loads(p.stdout)


def check_prompt(model, pr, tol):
    why = []
    tag = repr(pr['text'][:16])
    if run('tokenize', '-m', model, '--no-special', pr['text']) != pr['tokens_plain']:
        why.append('tokenize --no-special ' + tag)
    n = len(pr['generated_ids'])
    g = run('generate', '-m', model, '-p', pr['text'], '-n', str(n), '--temp', '0', '-t', '2',
            '--json')
    if g['prompt_ids'] != pr['tokens_special']:
        why.append('prompt ids (tokenize with specials) ' + tag)
    upto = next((k for k, m in enumerate(pr['top1_logit_margin']) if m < tol), n)
    if g['ids'][:upto] != pr['generated_ids'][:upto]:
        why.append('greedy ids differ within the first %d steps %s' % (upto, tag))
    ids = pr['tokens_special'] + pr['generated_ids']
    got = run('logits', '-m', model, '--ids', json.dumps(ids), '--top', '10', '-t', '2')
    n0 = len(pr['tokens_special']) - 1
    worst = 0.0
    for k, (tl, lse, margin) in enumerate(zip(pr['top_logits'], pr['logsumexp'],
                                              pr['top1_logit_margin'])):
        pos = got[n0 + k]
        ours = {i: l for i, l in pos['top']}
        worst = max(worst, abs(pos['logsumexp'] - lse))
        for i, l in tl:
            if i in ours:
                worst = max(worst, abs(ours[i] - l))
        if margin > tol and pos['top'][0][0] != tl[0][0]:
            why.append('top-1 differs at step %d %s' % (k, tag))
    if worst > tol:
        why.append('logits off by %.3f > %.3f %s' % (worst, tol, tag))
    return why, worst


def check_model(name):
    ref = json.load(open(os.path.join(MODELS, 'ref', name)))
    kv = os.path.join(MODELS, 'ref-kvf32', name)
    tol = 0.1
    if os.path.exists(kv):
        tol = max(tol, 2 * json.load(open(kv))['teacher_forced_delta_summary']['max_abs_dlogit_top10'])
    model = os.path.join(MODELS, os.path.basename(ref['model_file']))
    prompts = ref['prompts'][:1] if SANITIZED else ref['prompts']
    why, worst = [], 0.0
    for pr in prompts:
        w, d = check_prompt(model, pr, tol)
        why += w
        worst = max(worst, d)
    return why, worst, tol


def check_story():
    model = os.path.join(MODELS, 'stories260K.gguf')
    g = run('generate', '-m', model, '-p', 'Once upon a time', '-n', '100', '--temp', '0', '--json')
    text = g['text']
    words = re.findall(r"[A-Za-z']+", text)
    common = {'the', 'a', 'was', 'she', 'he', 'to', 'and', 'her', 'his', 'little', 'named',
              'day', 'play', 'girl', 'boy', 'saw', 'big', 'they', 'with', 'said', 'one', 'there'}
    found = common & {w.lower() for w in words}
    letters = sum(c.isalpha() or c in " ,.!?'\"\n" for c in text)
    problems = []
    if len(words) < 40:
        problems.append('only %d words' % len(words))
    if len(found) < 8:
        problems.append('few common words: %s' % sorted(found))
    if letters < 0.95 * len(text):
        problems.append('not plain prose')
    if '.' not in text:
        problems.append('no sentence ends')
    return problems, text


def main():
    bad = 0
    refs = sorted(f for f in os.listdir(os.path.join(MODELS, 'ref')) if f.endswith('.json'))
    if not refs:
        print('no references found under', MODELS)
        return 1
    for name in refs:
        try:
            why, worst, tol = check_model(name)
        except Exception as e:  # a crash or a failed command is a failure, not an error
            why, worst, tol = ['error: %s' % e], 0, 0
        print('%-4s %-30s max |dlogit| %.4f (tol %.3f) %s' %
              ('ok' if not why else 'FAIL', name[:-5], worst, tol, '; '.join(why[:3])))
        bad += bool(why)
    problems, text = check_story()
    print('%-4s stories260K story: %r' % ('ok' if not problems else 'FAIL', text[:120]))
    if problems:
        print('     ' + '; '.join(problems))
        bad += 1
    return 1 if bad else 0


sys.exit(main())
