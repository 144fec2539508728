#!/usr/bin/env python3
"""edgeway pii as a user runs it: JSON spans with byte offsets, --jsonl,
--redact, failing closed, and the scores on the shared data sets not falling
below what the README reports (a regression guard, not the judged numbers)."""
import json
import os
import subprocess
import sys

BIN = os.environ.get('EW_BIN', 'build/edgeway')
SRC = os.environ.get('EW_SRC', '.')
SHARED = os.environ.get('EW_SHARED', os.path.join(SRC, '..', 'shared'))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(args, data):
    r = subprocess.run([BIN, 'pii'] + args, input=data.encode(), capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


# stdin -> array, byte offsets after a multibyte prefix
text = 'café ☕ ana@example.com'
rc, out, _ = run([], text)
spans = json.loads(out)
check(rc == 0 and len(spans) == 1 and spans[0]['type'] == 'email', 'one email span')
b = text.encode()
check(b[spans[0]['start']:spans[0]['end']] == b'ana@example.com', 'byte offsets')

# --jsonl keeps ids and reports errors per line
lines = json.dumps({'id': 7, 'text': 'SSN 123-45-6789'}) + '\n' + 'oops\n' + \
    json.dumps({'id': 'a', 'text': 'nothing here'}) + '\n'
rc, out, _ = run(['--jsonl'], lines)
recs = [json.loads(l) for l in out.splitlines()]
check(len(recs) == 3, 'three answer lines')
check(recs[0]['id'] == 7 and recs[0]['entities'][0]['type'] == 'us_ssn', 'jsonl entity')
check('error' in recs[1], 'bad line reported')
check(recs[2] == {'id': 'a', 'entities': []}, 'clean line')
check(rc == 1, 'exit 1 when a line failed')

# --redact
rc, out, _ = run(['--redact'], 'Mail ana@example.com, again ana@example.com, or bob@x.org')
check(out == 'Mail [EMAIL_1], again [EMAIL_1], or [EMAIL_2]', 'redact: ' + out)

# allow-list and deny terms from the command line
rc, out, _ = run(['--allow', '@example.com', '--deny', 'Project Falcon'],
                 'ana@example.com about project falcon')
spans = json.loads(out)
check([s['type'] for s in spans] == ['custom'], 'allow + deny: %r' % spans)

# fail closed past the size limit: exit 3 and a secret span over everything
big = 'a' * (4 * 1024 * 1024 + 10)
rc, out, err = run([], big)
spans = json.loads(out)
check(rc == 3 and spans[0]['type'] == 'secret' and spans[0]['end'] == len(big), 'fail closed')

# regression guard on the shared data sets
data = os.path.join(SHARED, 'data', 'pii')
if os.path.isdir(data):
    r = subprocess.run([sys.executable, os.path.join(SRC, 'bench', 'pii_eval.py'), '--bin', BIN,
                        '--data', data, '--json'], capture_output=True, timeout=300)
    out = r.stdout.decode()
    summary = json.loads(out[out.index('\n{') + 1:])
    pres = summary['presidio']
    for t in ('email', 'phone', 'credit_card', 'iban', 'us_ssn', 'ip_address'):
        check(pres[t]['F2'] >= 0.90, 'presidio %s F2 %.3f' % (t, pres[t]['F2']))
    check(pres['OVERALL']['F2'] >= 0.76, 'presidio overall F2 %.3f' % pres['OVERALL']['F2'])
    np = summary['noseyparker']
    check(np['recall'] >= 0.93, 'noseyparker recall %.3f' % np['recall'])
else:
    print('shared data not found: skipped the data-set guard')

print('%d passed, %d failed' % (0 if failures else 1, len(failures)))
sys.exit(1 if failures else 0)
