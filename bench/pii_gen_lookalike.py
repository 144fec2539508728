#!/usr/bin/env python3
"""A held-out set for PRECISION: the text a gateway sees from developers and
businesses, which holds no PII or little, full of values shaped like PII.
Written before the detector was run on it, from how these texts look, not
from the scanner's code.

- machine text: nginx, syslog, Kubernetes, JVM, Go and Python logs and
  stack traces; CI output; YAML, TOML, INI, .env files without secrets,
  docker compose, Terraform, nginx.conf, lock files and checksums; code in
  Python, JavaScript, Go, Rust, Java, C#, SQL and shell;
- exports: CSV and JSON orders, API objects (trace, span, request and
  object ids, ULIDs, snowflakes, ETags, integrity digests);
- business papers in English, German, French, Spanish, Italian,
  Portuguese, Dutch, Polish, Chinese, Japanese, Russian and Turkish:
  invoices, receipts, shipping notices, customs papers (order, invoice,
  tracking, SKU, EORI, VAT, container and air waybill numbers, creditor
  references and mandate ids shaped like IBANs, amounts);
- release notes (versions, dates, commit hashes, CVEs), science and
  finance (coordinates, measurements, DOI, ISSN, ISBN, arXiv, CAS, ISIN,
  LEI, tickers), base64 blobs and data URIs, public keys and
  certificates, hex colours, UUIDs, paths, URLs without credentials;
- chat about all of this in those languages.

A minority of the texts hold real values, labelled, so recall is measured
too: client IPs in logs, an invoice's contact e-mail, phone and IBAN, the
person and address a parcel goes to, Signed-off-by lines, a provider key
left in a .env or a config. Addresses that are nobody's (0.0.0.0, ::,
127.0.0.1, ::1, 255.255.255.255, netmasks, 0.0.0.0/0) are not labelled: they
name no host of anyone. Check values come from the leak suite's code
(tests/leak/values.py).

  python3 bench/pii_gen_lookalike.py [--n 800] [--seed 1001] > /tmp/look.json
  python3 bench/pii_eval.py --only generated --generated /tmp/look.json --count-all

--set b is a second template set written after the rules made from set a
(seeds 1001 and 1003; 1002's errors never read): other logs, configs and
code (Apache, JSON logs, Rails, .NET, Rust, Node, PHP, systemd, Helm,
Ansible, HAProxy, Prometheus, GitLab CI, Dockerfiles, cron, Git LFS, Kotlin,
Ruby), papers in Swedish, Danish, Czech, Greek, Korean, Vietnamese,
Indonesian, Arabic, Hindi, Ukrainian, Finnish and Hungarian, and other
look-alikes (ORCID, Windows SIDs, PubMed and GenBank ids, Solana signatures,
block hashes, UTM and plus codes, sort codes, GTIN-14, hex dumps, C++
scopes, 4-part versions, base64 of a config), with MAC addresses labelled.
Its seeds 1011 and 1012 were scored once before any rule was made from it.

--set c (bench/pii_gen_lookalike_c.py, seeds 1021 and 1022) was written after
the rules from set b: CI logs, stack traces with localised messages,
Kubernetes events, SQL, i18n resource files in eighteen languages, product
catalogues, release notes, calendar invites, developers' chat about services
named like people, legal and medical prose without people.
--set e (bench/pii_gen_lookalike_e.py, seeds 1041 and 1042) was written after
the rules from set d: orders, HR and ERP exports, support macros, reviews,
headlines, menus, sports, citations, places and UI strings of 23 languages.
--set d (bench/pii_gen_lookalike_d.py, seeds 1031 and 1032) was written after
the rules from set c: observability and infrastructure output, .NET in five
more languages, a settings screen's UI strings in fifteen other languages,
electronics and cosmetics catalogues, task exports, chat about services with
given names, more legal and medical prose, papers' citations.

Stdlib only; the output depends on --seed alone.
"""
import base64
import os
import random
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_struct as st  # noqa: E402  (typed values in national formats, look-alikes)
import pii_gen_world as w  # noqa: E402  (the seeded rng, names, addresses, write_set)

rng = w.rng
pick, digits, n, hexs = w.pick, w.digits, w.n, st.hexs
checks = w.checks
B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
ALNUM = string.ascii_letters + string.digits
UPPER = string.ascii_uppercase


def b64(k, url=False):
    raw = bytes(rng.randrange(256) for _ in range(k))
    return (base64.urlsafe_b64encode(raw).rstrip(b'=') if url else base64.b64encode(raw)).decode()


def mod97_ok(s):
    """ISO 7064 MOD 97-10 over letters as 10..35 (LEI, RF references)."""
    return int(''.join(str(int(c, 36)) for c in s)) % 97


def lei():
    body = ''.join(pick(UPPER + string.digits) for _ in range(4)) + '00' + \
        ''.join(pick(UPPER + string.digits) for _ in range(12))
    return body + '%02d' % (98 - mod97_ok(body + '00'))


def isin():
    cc = pick(['US', 'DE', 'FR', 'GB', 'JP', 'CH', 'NL'])
    body = cc + ''.join(pick(UPPER + string.digits) for _ in range(9))
    num = ''.join(str(int(c, 36)) for c in body)
    return body + checks.luhn_complete(num)[-1]


def issn():
    d = [rng.randrange(10) for _ in range(7)]
    c = (11 - sum((8 - i) * v for i, v in enumerate(d)) % 11) % 11
    s = ''.join(map(str, d)) + ('X' if c == 10 else str(c))
    return s[:4] + '-' + s[4:]


def cas():
    body = str(n(50, 999999)) + '%02d' % n(0, 99)
    c = sum((i + 1) * int(x) for i, x in enumerate(reversed(body))) % 10
    return '%s-%s-%d' % (body[:-2], body[-2:], c)


def iso6346():
    """A shipping container number with its check digit (ISO 6346)."""
    owner = pick(['MSK', 'MSC', 'CMA', 'HLX', 'TGH', 'OOL', 'TCL']) + 'U'
    num = digits(6)
    vals = {c: v for c, v in zip(UPPER, [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24,
                                         25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38])}
    s = sum((vals[c] if c in vals else int(c)) * 2 ** i for i, c in enumerate(owner + num))
    return owner + num + str(s % 11 % 10)


def awb():
    """An air waybill: airline prefix and seven digits plus their remainder by 7."""
    serial = n(1000000, 9999999)
    return '%s-%d%d' % (pick(['176', '020', '125', '157', '180', '618']), serial, serial % 7)


def imo():
    d = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(5)]
    return 'IMO %s%d' % (''.join(map(str, d)), sum(v * (7 - i) for i, v in enumerate(d)) % 10)


def vin():
    alpha = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'
    tr = dict(zip('ABCDEFGHJKLMNPRSTUVWXYZ', [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3,
                                              4, 5, 6, 7, 8, 9]))
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    v = [pick(['1HG', 'WVW', 'JTD', '5YJ', 'WBA', 'VF1'])[i] for i in range(3)] + \
        [pick(alpha) for _ in range(14)]
    s = sum((tr[c] if c in tr else int(c)) * wt for c, wt in zip(v, weights)) % 11
    v[8] = 'X' if s == 10 else str(s)
    return ''.join(v)


def ulid():
    return ''.join(pick(B32) for _ in range(26))


def snowflake():
    return str(n(1100000000000000000, 1299999999999999999))


def pod():
    return '%s-%s-%s' % (pick(['api', 'billing', 'worker', 'ingest', 'web', 'auth']),
                         hexs(n(8, 10)), ''.join(pick('bcdfghjklmnpqrstvwxz2456789')
                                                 for _ in range(5)))


LOOK = {
    'lei': lei, 'isin': isin, 'issn': issn, 'cas': cas, 'container': iso6346, 'awb': awb,
    'imo': imo, 'vin': vin, 'ulid': ulid, 'snowflake': snowflake, 'pod': pod,
    'ksuid': lambda: ''.join(pick(ALNUM) for _ in range(27)),
    'cid12': lambda: hexs(12), 'cid64': lambda: hexs(64),
    'trace': lambda: hexs(32), 'span': lambda: hexs(16),
    'traceparent': lambda: '00-%s-%s-01' % (hexs(32), hexs(16)),
    'etag': lambda: pick(['"%s"' % hexs(32), 'W/"%x-%s"' % (n(100, 99999), b64(15))]),
    'integrity': lambda: 'sha512-' + b64(64),
    'sri': lambda: 'sha384-' + b64(48),
    'gosum': lambda: 'h1:' + b64(32),
    'pyhash': lambda: '--hash=sha256:' + hexs(64),
    'b64png': lambda: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA' + b64(n(45, 90)),
    'b64gif': lambda: 'data:image/gif;base64,R0lGODlhAQABAIAAAP' + b64(n(20, 40)),
    'b64blob': lambda: b64(n(24, 60)),
    'sshpub': lambda: pick(['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + b64(32)[:43],
                            'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ' + b64(180)]) +
    pick([' ci@build-runner', ' deploy-key', '']),
    'cert': lambda: '-----BEGIN CERTIFICATE-----\nMIID' + '\n'.join(
        b64(45) for _ in range(n(3, 6))) + '\n-----END CERTIFICATE-----',
    'pubkey': lambda: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' +
    b64(33) + '\n' + b64(48) + '\n-----END PUBLIC KEY-----',
    'gitfull': lambda: hexs(40), 'gitshort': lambda: hexs(pick([7, 7, 8, 10])),
    'gopseudo': lambda: 'v0.0.0-%d%02d%02d%02d%02d%02d-%s' % (
        n(2019, 2025), n(1, 12), n(1, 28), n(0, 23), n(0, 59), n(0, 59), hexs(12)),
    'wheel': lambda: '%s-%d.%d.%d-cp3%d-cp3%d-manylinux_2_17_x86_64.whl' % (
        pick(['numpy', 'pandas', 'grpcio', 'orjson']), n(1, 3), n(0, 30), n(0, 9), *[n(9, 12)] * 2),
    'dockertag': lambda: '%s:%d.%d.%d-%s' % (pick(['nginx', 'redis', 'postgres', 'node']),
                                             n(1, 22), n(0, 30), n(0, 9),
                                             pick(['alpine', 'bookworm', 'slim'])),
    'cve': lambda: 'CVE-%d-%d' % (n(2015, 2025), n(1000, 59999)),
    'ghsa': lambda: 'GHSA-%s-%s-%s' % tuple(''.join(pick('23456789cfghjmpqrvwx')
                                                    for _ in range(4)) for _ in range(3)),
    'pr': lambda: '#%d' % n(100, 29999),
    'doi': lambda: '10.%d/%s' % (n(1000, 9999), pick(['s41586-0%d-0%d-%d' % (n(20, 24), n(1000, 9999),
                                                                               n(0, 9)),
                                                       'j.cell.%d.%02d.%03d' % (n(2015, 2024),
                                                                                n(1, 12),
                                                                                n(1, 999)),
                                                       'nature%05d' % n(1, 99999)])),
    'arxiv': lambda: '%02d%02d.%05dv%d' % (n(15, 25), n(1, 12), n(0, 99999), n(1, 4)),
    'ticker': lambda: pick(['NASDAQ: MSFT', 'NYSE: KO', 'XETRA: SAP', 'TSE: 7203', 'HKEX: 0700',
                            'SSE: 600519', 'LSE: VOD', 'Euronext: MC']),
    'dms': lambda: '%d°%02d′%02d″N %d°%02d′%02d″E' % (n(0, 80), n(0, 59), n(0, 59), n(0, 170),
                                                  n(0, 59), n(0, 59)),
    'latlon': lambda: '%.6f, %.6f' % (rng.uniform(-60, 70), rng.uniform(-170, 170)),
    'measure': lambda: pick(['%.3f mg/L' % rng.uniform(0, 50), '%d.%d ± 0.%d nm' % (
        n(100, 900), n(0, 9), n(1, 9)), '%.2e mol/L' % rng.uniform(1e-9, 1e-3),
        '%d rpm' % n(800, 12000), '%.1f °C' % rng.uniform(-40, 120), '%d kPa' % n(90, 900)]),
    'rgba': lambda: 'rgba(%d, %d, %d, 0.%d)' % (n(0, 255), n(0, 255), n(0, 255), n(1, 9)),
    'dim': lambda: pick(['1920x1080', '3840x2160', '1280x720', '2560x1440', '750x1334']),
    'duration': lambda: pick(['%dh%dm%ds' % (n(0, 9), n(0, 59), n(0, 59)),
                              '%d.%03ds' % (n(0, 99), n(0, 999)), 'PT%dM%dS' % (n(1, 59),
                                                                               n(1, 59))]),
    'bytes': lambda: str(n(100000, 9999999999)),
    'pointer': lambda: '0x7f%s' % hexs(10),
    'jvmref': lambda: '%s@%s' % (pick(['com.acme.order.OrderService', 'java.lang.Object',
                                      'org.apache.kafka.clients.consumer.KafkaConsumer']),
                                 hexs(n(6, 8))),
    'pid': lambda: str(n(100, 4194304)),
    'offset': lambda: str(n(1000000, 99999999999)),
    'nonaddr': lambda: pick(['0.0.0.0', '0.0.0.0', '127.0.0.1', '::', '::1', '255.255.255.0',
                             '255.255.255.255', '255.255.0.0']),
    'vat': lambda: pick(['DE%s' % digits(9), 'FR%s%s' % (digits(2), digits(9)),
                         'ATU%s' % digits(8), 'NL%sB01' % digits(9), 'ESB%s' % digits(8),
                         'IT%s' % digits(11), 'PL%s' % digits(10)]),
    'eori': lambda: pick(['DE%s' % digits(13), 'GB%s000' % digits(9), 'NL%s' % digits(9)]),
    'hs': lambda: '%04d.%02d.%02d' % (n(101, 9706), n(10, 99), n(0, 99)),
    'mandate': lambda: pick(['MNDT-%d-%06d' % (n(2019, 2025), n(1, 999999)),
                             'SEPA%s' % digits(12), 'M%s%s' % (hexs(4, UPPER), digits(10))]),
    'e2e': lambda: pick(['E2E-%s' % digits(16), 'NOTPROVIDED', 'REF%s' % digits(14)]),
    'custno': lambda: pick(['%d-%05d' % (n(10, 99), n(0, 99999)), 'C%08d' % n(0, 99999999),
                            '%d' % n(100000, 99999999)]),
    'gl': lambda: '%04d-%03d-%04d' % (n(1000, 9999), n(100, 999), n(0, 9999)),
    'pnr': lambda: ''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6)),
    'flight': lambda: '%s %d' % (pick(['LH', 'AF', 'IB', 'AZ', 'TP', 'KL', 'LO', 'CA', 'NH', 'SU',
                                       'TK']), n(10, 9999)),
    'sku2': lambda: '%s-%s-%02d' % (hexs(3, UPPER), digits(5), n(1, 99)),
    'weight': lambda: pick(['%.2f kg' % rng.uniform(0.1, 40), '%d g' % n(50, 5000),
                            '%.1f lbs' % rng.uniform(0.5, 80)]),
    'stripeobj': lambda: pick(['pi_3', 'ch_3', 'in_1', 'cus_', 'txn_3', 'prod_']) +
    ''.join(pick(ALNUM) for _ in range(n(14, 24))),
    'arn': lambda: 'arn:aws:%s' % pick(['s3:::acme-%s-artifacts' % pick(['prod', 'dev']),
                                        'lambda:eu-west-1:%s:function:resize' % digits(12),
                                        'iam::%s:role/ci-deploy' % digits(12)]),
    'awsreq': lambda: st.uuid(),
    'ga': lambda: pick(['G-%s' % ''.join(pick(UPPER + string.digits) for _ in range(10)),
                        'UA-%d-%d' % (n(1000000, 99999999), n(1, 9))]),
    'magic': lambda: pick(['0xDEADBEEF', '0x9E3779B97F4A7C15', '1099511628211',
                           '14695981039346656037', '6364136223846793005', '0xCAFEBABE',
                           '2654435761', '0x5bd1e995']),
    'ver': lambda: st.LOOK['semver'](),
}

SECRET_KINDS = ['aws', 'github', 'stripe', 'openai', 'slack', 'gitlab', 'sendgrid', 'npm']


def secret(lang=None, var=None):
    srng = random.Random(rng.random())
    v, kind, _ = checks.gen_api_key(srng)
    return v, kind


def person(lang='en', var=None):
    loc = {'en': 'en', 'de': 'de', 'fr': 'fr', 'es': 'es', 'it': 'it', 'zh': 'zh', 'ja': 'ja',
           'pt': 'es', 'nl': 'de', 'pl': 'any', 'ru': 'any', 'tr': 'ar'}.get(lang, 'any')
    return w.person(loc), 'person'


def address(lang='en', var=None):
    cc = {'en': pick(['us', 'uk', 'ca']), 'de': 'de', 'fr': 'fr', 'es': 'es', 'it': 'it',
          'zh': 'cnen', 'ja': 'jpen'}.get(lang, 'any')
    return w.address(cc), 'address'


def struct_typed(slot):
    """A value of pii_gen_struct in its national format; languages it has no
    formats for borrow English ones (an international number)."""
    def gen(lang, var=None):
        return st.TYPED[slot][2](lang if lang in st.IBAN_LANG or lang == 'ja' else 'en', var)
    return gen


TYPED = {'email': ('email', 'EMAIL_ADDRESS', struct_typed('email')),
         'phone': ('phone', 'PHONE_NUMBER', struct_typed('phone')),
         'iban': ('iban', 'IBAN_CODE', struct_typed('iban')),
         'card': ('credit_card', 'CREDIT_CARD', struct_typed('card')),
         'ip': ('ip_address', 'IP_ADDRESS', lambda lang, var=None: (st.ipv4_any(), 'v4')
                if var == '4' else st.ip('en', var)),
         'person': ('person', 'PERSON', person),
         'address': ('street_address', 'STREET_ADDRESS', address),
         'secret': ('secret', 'SECRET', secret)}


def fill(template, lang, look=None, typed=None):
    look, typed = look or LOOK, typed or TYPED
    text, spans, pos = '', [], 0
    for m in st.SLOT_RE.finditer(template):
        text += template[pos:m.start()]
        slot, var = m.group(1), m.group(2)
        if slot in typed:
            typ, pname, gen = typed[slot]
            val, _ = gen(lang, var)
            spans.append({'entity_type': pname, 'entity_value': val, 'start_position': len(text),
                          'end_position': len(text) + len(val), 'type': typ, 'start': len(text),
                          'end': len(text) + len(val)})
        else:
            val = (look.get(slot) or st.LOOK.get(slot) or w.LOOK[slot])()
        text += val
        pos = m.end()
    return text + template[pos:], spans


# ---- machine text: the same in every language ----------------------------------------------
TECH = [
    # logs
    '<<ip.4>> - - [<<ts>>] "GET /api/v2/orders/<<uuid>> HTTP/1.1" 200 <<bytes>> "-" '
    '"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/<<chrome>> Safari/537.36" '
    'rt=<<duration>> upstream=127.0.0.1:<<port>>',
    '127.0.0.1 - - [<<ts>>] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29" <<duration>>\n'
    '127.0.0.1 - - [<<ts>>] "GET /metrics HTTP/1.1" 200 <<bytes>> "-" "Prometheus/2.51.0"',
    'Mar <<qty>> 04:17:22 web-<<qty>> kernel: [<<amount>>] eth0: renamed from veth<<gitshort>>\n'
    'Mar <<qty>> 04:17:23 web-<<qty>> systemd[1]: Started Session <<qty>> of User runner.\n'
    'Mar <<qty>> 04:17:25 web-<<qty>> sshd[<<pid>>]: Accepted publickey for deploy from <<ip.4>> '
    'port <<pid>> ssh2: ED25519 SHA256:<<b64blob>>',
    'LAST SEEN   TYPE      REASON    OBJECT              MESSAGE\n'
    '<<qty>>s        Normal    Pulled    pod/<<pod>>   Container image "<<dockertag>>" already '
    'present on machine\n<<qty>>m        Warning   BackOff   pod/<<pod>>   Back-off restarting '
    'failed container api in pod <<pod>>_default(<<uuid>>)',
    'NAME                      READY   STATUS    RESTARTS   AGE   IP             NODE\n'
    '<<pod>>   1/1     Running   0          <<qty>>d   <<ip.4>>   '
    'ip-<<qty>>-<<qty>>.ec2.internal\n'
    '<<pod>>   1/1     Running   <<qty>>          <<qty>>h   <<ip.4>>   node-pool-<<gitshort>>',
    'Exception in thread "main" java.lang.IllegalStateException: Order <<order>> already settled '
    '(txn <<uuid>>)\n\tat com.acme.order.OrderService.settle(OrderService.java:<<qty>>)\n'
    '\tat jdk.internal.reflect.GeneratedMethodAccessor<<qty>>.invoke(Unknown Source)\n'
    '\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed('
    'ReflectiveMethodInvocation.java:<<qty>>)\nCaused by: org.postgresql.util.PSQLException: '
    'ERROR: duplicate key value violates unique constraint "orders_pkey"\n  Detail: Key (id)=('
    '<<offset>>) already exists.\n\t... <<qty>> more\nlock held by <<jvmref>>',
    'panic: runtime error: index out of range [<<qty>>] with length <<qty>>\n\ngoroutine '
    '<<qty>> [running]:\nmain.(*Server).handle(0xc000<<gitshort>>, {0x<<gitshort>>, '
    '0xc00012a000})\n\t/home/runner/work/api/api/server.go:<<qty>> +0x1f4\ncreated by '
    'net/http.(*Server).Serve in goroutine 1\n\t/usr/local/go/src/net/http/server.go:3285 '
    '+0x4b4\nexit status 2',
    'Traceback (most recent call last):\n  File "/srv/app/billing/tasks.py", line <<qty>>, in '
    'charge\n    intent = stripe.PaymentIntent.retrieve("<<stripeobj>>")\n  File '
    '"/srv/app/.venv/lib/python3.12/site-packages/stripe/_api_requestor.py", line <<qty>>, in '
    'request\n    raise err\nstripe._error.InvalidRequestError: Request req_<<ksuid>>: No such '
    'payment_intent: \'<<stripeobj>>\'',
    'Run actions/checkout@<<gitfull>>\n  with:\n    repository: acme/payments\n    ref: '
    'refs/heads/release/<<ver>>\nHEAD is now at <<gitshort>> Bump lodash from 4.17.20 to 4.17.21 '
    '(<<pr>>)\nRun npm ci\nadded <<qty>> packages, and audited <<qty>> packages in <<duration>>\n'
    'found 0 vulnerabilities\nArtifact digest: sha256:<<cid64>>',
    'Step 4/12 : RUN pip install --no-cache-dir -r requirements.txt\n ---> Running in '
    '<<cid12>>\n ---> <<cid12>>\nSuccessfully built <<cid12>>\nSuccessfully tagged '
    'registry.acme.io/api:<<ver>>\nwriting image sha256:<<cid64>> done',
    '<<ts>> UTC [<<pid>>] LOG:  duration: <<amount>> ms  statement: SELECT * FROM invoices '
    'WHERE id = <<offset>> AND total > <<amount>>\n<<ts>> UTC [<<pid>>] LOG:  checkpoint '
    'complete: wrote <<qty>> buffers (0.<<qty>>%); lsn=<<gitshort>>/<<gitshort>>',
    'START RequestId: <<awsreq>> Version: $LATEST\nEND RequestId: <<awsreq>>\nREPORT RequestId: '
    '<<awsreq>>  Duration: <<amount>> ms  Billed Duration: <<qty>> ms  Memory Size: 512 MB  '
    'Max Memory Used: <<qty>> MB  Init Duration: <<amount>> ms\n<<arn>>',
    'consumer group=orders-projector topic=orders partition=<<qty>> offset=<<offset>> '
    'key=<<uuid>> lag=<<qty>> ts=<<epoch_ms>>\ncommitted offset <<offset>> for partition <<qty>>',
    'An account was successfully logged on.\nLogon Type: 3\nLogon ID: 0x<<gitshort>>\n'
    'Logon GUID: <<guid>>\nSource Network Address: <<ip.4>>\nSource Port: <<pid>>\n'
    'Process ID: 0x<<gitshort>>',
    'http_requests_total{method="GET",code="200",pod="<<pod>>"} <<bytes>>\n'
    'process_start_time_seconds <<epoch>>.<<qty>>\ngo_memstats_heap_alloc_bytes <<bytes>>\n'
    'build_info{version="<<ver>>",revision="<<gitshort>>",goversion="go1.22.1"} 1',
    'Program received signal SIGSEGV, Segmentation fault.\n0x<<gitshort>> in memcpy () from '
    '/lib/x86_64-linux-gnu/libc.so.6\n(gdb) info registers\nrip <<pointer>>\nrsp <<pointer>>\n'
    'rax 0x<<gitshort>> <<bytes>>',
    # configs
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: checkout\n  annotations:\n'
    '    checksum/config: <<sha256>>\nspec:\n  replicas: 3\n  template:\n    spec:\n'
    '      containers:\n        - name: checkout\n          image: ghcr.io/acme/checkout@sha256:'
    '<<cid64>>\n          args: ["--listen", "0.0.0.0:<<port>>"]\n          ports:\n'
    '            - containerPort: <<port>>\n          env:\n            - name: GIT_SHA\n'
    '              value: "<<gitfull>>"\n            - name: OTEL_SERVICE_NAME\n'
    '              value: checkout',
    'services:\n  web:\n    image: <<dockertag>>\n    ports:\n      - "<<port>>:80"\n'
    '    command: ["gunicorn", "--bind", "0.0.0.0:8000", "app:wsgi"]\n    healthcheck:\n'
    '      test: ["CMD", "curl", "-f", "http://localhost:8000/healthz"]\n      interval: 30s\n'
    '  cache:\n    image: redis:7.2.4-alpine\n    ports: ["6379:6379"]',
    'resource "aws_security_group_rule" "https" {\n  type              = "ingress"\n'
    '  from_port         = 443\n  to_port           = 443\n  protocol          = "tcp"\n'
    '  cidr_blocks       = ["0.0.0.0/0"]\n  ipv6_cidr_blocks  = ["::/0"]\n}\n\n'
    'resource "aws_instance" "web" {\n  ami           = "ami-0<<cid12>>"\n'
    '  instance_type = "t3.micro"\n  tags = { Name = "web-<<qty>>", CostCenter = "<<gl>>" }\n}',
    'server {\n    listen 0.0.0.0:80;\n    listen [::]:80;\n    server_name shop.example.com;\n'
    '    location /static/ { expires 30d; add_header X-Build <<gitshort>>; }\n'
    '    location / { proxy_pass http://127.0.0.1:<<port>>; proxy_read_timeout 60s; }\n}',
    '[server]\nbind_address = 0.0.0.0\nport = <<port>>\nnetmask = 255.255.255.0\n'
    'broadcast = 255.255.255.255\n\n[limits]\nmax_body_bytes = <<bytes>>\n'
    'request_timeout = <<duration>>\n\n[build]\nversion = <<ver>>\ncommit = <<gitfull>>',
    'NODE_ENV=production\nPORT=<<port>>\nHOST=0.0.0.0\nLOG_LEVEL=info\nSENTRY_RELEASE=<<gitfull>>\n'
    'BUILD_ID=<<ulid>>\nFEATURE_FLAGS=checkout_v2,search_ranker\n'
    'API_BASE_URL=https://api.example.com/v2\nREQUEST_TIMEOUT_MS=<<qty>>000\n'
    'DATABASE_URL=postgres://db.internal:5432/shop\nGA_MEASUREMENT_ID=<<ga>>',
    'NODE_ENV=staging\nPORT=<<port>>\nDATABASE_HOST=db.internal\nAPI_KEY=<<secret>>\n'
    'CACHE_TTL_SECONDS=<<qty>>',
    '[package]\nname = "ledger"\nversion = "<<ver>>"\nedition = "2021"\n\n[dependencies]\n'
    'serde = { version = "1.0.197", features = ["derive"] }\nuuid = "1.7.0"\n\n'
    '[[package]]\nname = "itoa"\nversion = "1.0.10"\nsource = '
    '"registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "<<sha256>>"',
    '"node_modules/lodash": {\n  "version": "4.17.21",\n  "resolved": '
    '"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",\n  "integrity": "<<integrity>>",\n'
    '  "license": "MIT"\n}',
    'github.com/google/uuid v1.6.0 <<gosum>>\ngithub.com/google/uuid v1.6.0/go.mod <<gosum>>\n'
    'golang.org/x/sys <<gopseudo>> <<gosum>>',
    'requests==2.31.0 \\\n    <<pyhash>> \\\n    <<pyhash>>\nurllib3==2.2.1 \\\n    <<pyhash>>',
    '<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" '
    'integrity="<<sri>>" crossorigin="anonymous"></script>',
    'token:\n  issuer: https://auth.example.com\n  audience: api\n  bearer: <<secret>>\n'
    'timeout: 30s',
    # code
    'DEFAULT_TIMEOUT = 30\nNAMESPACE_ORDERS = uuid.UUID("<<uuid>>")\nFNV_PRIME = <<magic>>\n\n'
    'def order_key(order_id: int, region: str = "eu-west-1") -> str:\n'
    '    return f"{region}:{order_id:012d}"\n\nprint(order_key(<<offset>>))',
    'const theme = { primary: "<<hexcolor>>", accent: "<<hexcolor>>", overlay: "<<rgba>>" };\n'
    'export const BUILD = "<<gitshort>>";\nexport const SESSION_TTL_MS = 86_400_000;\n'
    'await fetch(`/api/orders/<<uuid>>/items?limit=50`);',
    'const (\n\tmaxRetries = 5\n\tbackoff    = 250 * time.Millisecond\n)\n\nvar defaultTenant = '
    'uuid.MustParse("<<uuid>>")\n\nfunc hash(b []byte) uint64 {\n\th := uint64(<<magic>>)\n'
    '\tfor _, c := range b {\n\t\th = (h ^ uint64(c)) * 1099511628211\n\t}\n\treturn h\n}',
    'const SEED: u64 = <<magic>>;\nlet id = Uuid::parse_str("<<uuid>>")?;\n'
    'assert_eq!(crc32(b"hello"), 0x3610a686);\nlet port: u16 = env::var("PORT").unwrap_or('
    '"<<port>>".into()).parse()?;',
    '@Test\nvoid parsesInvoice() {\n    var inv = Invoice.parse("<<invoice>>;<<amount>>;EUR;'
    '<<date>>");\n    assertEquals(new BigDecimal("<<amount>>"), inv.total());\n'
    '    assertEquals("<<order>>", inv.orderRef());\n}',
    '[ComVisible(true)]\n[Guid("<<awsreq>>")]\npublic sealed class ExportJob\n{\n'
    '    private const long MaxBytes = <<bytes>>;\n    public static readonly Version Min = '
    'new("<<ver4>>");\n}',
    "INSERT INTO orders (id, sku, qty, unit_price, created_at) VALUES (<<offset>>, '<<sku2>>', "
    "<<qty>>, <<amount>>, '<<ts>>');\nUPDATE shipments SET tracking_no = '<<tracking>>' WHERE "
    "order_id = <<offset>>;",
    'curl -sS -H "X-Request-Id: <<uuid>>" "https://api.example.com/v1/exports?since=<<epoch>>'
    '&limit=500" | jq .\nsha256sum dist/app-<<ver>>.tar.gz\n<<sha256>>  dist/app-<<ver>>.tar.gz',
    '.btn-primary {\n  color: <<hexcolor>>;\n  background: linear-gradient(<<hexcolor>>, '
    '<<hexcolor>>);\n  box-shadow: 0 1px 2px <<rgba>>;\n}\n@media (min-width: 1280px) { '
    '.hero { background-image: url(<<b64gif>>); } }',
    'curl https://api.example.com/v1/charges -H "Authorization: Bearer <<secret>>" -d '
    'amount=<<qty>>00 -d currency=eur',
    # exports
    'order_id,created_at,sku,qty,unit_price,currency,tracking,status\n'
    '<<order>>,<<ts>>,<<sku2>>,<<qty>>,<<amount>>,EUR,<<tracking>>,shipped\n'
    '<<order>>,<<ts>>,<<sku2>>,<<qty>>,<<amount>>,EUR,,pending\n'
    '<<order>>,<<ts>>,<<sku>>,<<qty>>,<<amount>>,USD,<<tracking>>,delivered',
    'order_id,customer_email,total,placed_at\n<<order>>,<<email>>,<<amount>>,<<ts>>\n'
    '<<order>>,<<email>>,<<amount>>,<<ts>>',
    '{"id": "<<stripeobj>>", "object": "payment_intent", "amount": <<qty>>00, "currency": '
    '"eur", "created": <<epoch>>, "latest_charge": "<<stripeobj>>", "metadata": {"order_id": '
    '"<<order>>", "cart": "<<ulid>>"}}',
    '{"traceId": "<<trace>>", "spanId": "<<span>>", "parentSpanId": "<<span>>", "name": '
    '"GET /checkout", "startTimeUnixNano": "<<epoch_ms>>000000", "attributes": '
    '{"http.status_code": 200, "net.peer.port": <<port>>}}\ntraceparent: <<traceparent>>',
    '{"message_id": "<<snowflake>>", "channel_id": "<<snowflake>>", "event_id": "<<ksuid>>", '
    '"ts": "<<epoch>>.<<qty>>", "text": "deploy <<ver>> done"}',
    '{"sha": "<<gitfull>>", "node_id": "C_kwDO<<b64blob>>", "tree": {"sha": "<<gitfull>>"}, '
    '"etag": <<etag>>, "html_url": "https://github.com/acme/shop/commit/<<gitfull>>"}',
    # release notes, git
    '## [<<ver>>] - <<date>>\n### Fixed\n- Handle empty carts in checkout (<<pr>>, '
    '<<gitshort>>)\n- Bump openssl to 3.0.13 for <<cve>>\n### Security\n- <<ghsa>>: path '
    'traversal in the static file handler\n\nFull Changelog: '
    'https://github.com/acme/shop/compare/<<gitshort>>...<<gitshort>>',
    'commit <<gitfull>>\nAuthor: <<person>> <<<email>>>\nDate:   <<ts>>\n\n    Fix rounding '
    'of VAT on invoices (<<pr>>)\n\n    Signed-off-by: <<person>> <<<email>>>',
    '<<gitshort>> (HEAD -> main, tag: <<ver>>) release: <<ver>>\n<<gitshort>> fix(api): retry '
    'on 503 (<<pr>>)\n<<gitshort>> chore(deps): bump <<pkgver>>\n<<gitshort>> Merge pull '
    'request <<pr>> from acme/feature/<<ulid>>',
    # science, finance
    'Samples were collected at <<latlon>> (<<dms>>) on <<date>>; mean concentration '
    '<<measure>>, see doi:<<doi>> and arXiv:<<arxiv>>. Journal ISSN <<issn>>; the handbook is '
    'ISBN <<isbn13>>; reagent CAS <<cas>>.',
    'Holdings as of <<date>>: <<ticker>> (ISIN <<isin>>) qty <<qty>> @ <<price>>; issuer LEI '
    '<<lei>>; GL account <<gl>>; trade id <<offset>>; settles T+2.',
    'Vessel <<imo>> loaded container <<container>> (<<weight>>, HS <<hs>>) at <<latlon>>; AWB '
    '<<awb>>; VIN of the car inside <<vin>>.',
    # blobs, keys that are public, urls, paths
    'Here is the CA bundle we pin:\n<<cert>>',
    '"logo": "<<b64png>>",\n"thumbnail": "<<b64png>>"',
    'Add this to ~/.ssh/authorized_keys on the runner:\n<<sshpub>>',
    'Verify the webhook signature with this key:\n<<pubkey>>',
    'https://docs.example.com/api/v2/orders/<<uuid>>?utm_source=newsletter&utm_campaign='
    '<<date>>&ref=<<gitshort>>#section-<<qty>>\nC:\\Program Files\\Acme\\Agent\\<<ver>>\\agent.exe'
    '\n/var/lib/docker/overlay2/<<cid64>>/merged',
]

# ---- business papers, in each language ---------------------------------------------------
BIZ = {
    'en': [
        'INVOICE <<invoice>>\nDate: <<date>>   Due: <<date>>\nCustomer no.: <<custno>>   Order: '
        '<<order>>\nVAT ID: <<vat>>\n\n<<qty>> x Widget <<sku2>> @ <<price>>\nShipping '
        '<<price>>\nTotal due: <<price>>\n\nPay by SEPA transfer, reference <<rf>>. Questions: '
        '<<email>>',
        'Your order <<order>> has shipped!\nCarrier: UPS   Tracking: <<tracking>>\nWeight: '
        '<<weight>>   Estimated delivery: <<date>>\nShip to:\n<<person>>\n<<address>>',
        'RECEIPT  Store #<<qty>>  Terminal <<qty>>\n<<date>> <<time>>\n<<qty>> COFFEE BEANS '
        '<<amount>>\nSUBTOTAL <<amount>>\nTAX <<pct>> <<amount>>\nTOTAL <<price>>\nVISA <<masked>>'
        '  AUTH <<pnr>>\nRef <<offset>>',
        'Purchase order <<order>> for <<qty>> units of P/N <<sku2>>, unit price <<price>>, '
        'delivery by <<date>>, Incoterms DAP, our EORI <<eori>>.',
        'Booking confirmed: flight <<flight>> on <<date>>, record locator <<pnr>>, e-ticket '
        '<<offset>>, seat 14C, fare <<price>>.',
    ],
    'de': [
        'Rechnung Nr. <<invoice>>\nRechnungsdatum: <<date>>\nKundennummer: <<custno>>\n'
        'Bestellnummer: <<order>>\nUSt-IdNr.: <<vat>>\n\nGesamtbetrag: <<price>>\nZahlbar bis '
        '<<date>> ohne Abzug. Verwendungszweck: <<rf>>, Mandatsreferenz <<mandate>>.',
        'Ihre Sendung <<tracking>> ist unterwegs. Bestellung <<order>>, Gewicht <<weight>>, '
        'Zustellung voraussichtlich am <<date>>.',
        'Bitte überweisen Sie <<price>> auf unser Konto, IBAN <<iban>>, Verwendungszweck '
        'Rechnung <<invoice>>. Bei Fragen: <<phone>>.',
        'Zolldokument: Containernummer <<container>>, Warentarifnummer <<hs>>, EORI <<eori>>, '
        'Bruttogewicht <<weight>>, Zollwert <<price>>.',
        'Lieferschein <<order>> vom <<date>>: <<qty>> Stück Artikel <<sku2>>, Charge '
        '<<gitshort>>, Seriennummern <<serial>> und <<serial>>.',
    ],
    'fr': [
        'Facture n° <<invoice>> du <<date>>\nN° client : <<custno>>\nN° de commande : '
        '<<order>>\nN° TVA intracommunautaire : <<vat>>\nMontant TTC : <<price>>\nÉchéance : '
        '<<date>>. Référence du virement : <<rf>>.',
        'Votre colis <<tracking>> a été expédié le <<date>> (commande <<order>>, poids '
        '<<weight>>). Livraison prévue le <<date>>.',
        'Merci de régler <<price>> par virement sur IBAN <<iban>> avant le <<date>>. '
        'Contact : <<email>>',
        'Bon de livraison <<order>> : <<qty>> articles, réf. <<sku2>>, lot <<gitshort>>, '
        'transporteur Chronopost, n° de suivi <<tracking>>.',
    ],
    'es': [
        'Factura nº <<invoice>>\nFecha: <<date>>\nNº de cliente: <<custno>>\nNº de pedido: '
        '<<order>>\nNIF/CIF: <<vat>>\nBase imponible <<price>>, IVA 21 %, total <<price>>.',
        'Tu pedido <<order>> está en camino. Número de seguimiento: <<tracking>>. Peso '
        '<<weight>>. Entrega estimada: <<date>>.',
        'Envío a <<person>>, <<address>>. Pedido <<order>>, <<qty>> bultos, referencia '
        '<<sku2>>.',
        'Recibo de caja nº <<offset>>, terminal <<qty>>, <<date>> <<time>>, importe <<price>>, '
        'tarjeta <<masked>>, código de autorización <<pnr>>.',
    ],
    'it': [
        'Fattura n. <<invoice>> del <<date>>\nCodice cliente: <<custno>>\nNumero d\'ordine: '
        '<<order>>\nPartita IVA: <<vat>>\nTotale documento: <<price>>\nScadenza: <<date>>.',
        'La spedizione <<tracking>> del tuo ordine <<order>> è stata consegnata al corriere il '
        '<<date>>. Peso: <<weight>>.',
        'Pagamento tramite bonifico, IBAN <<iban>>, causale fattura <<invoice>>. Per '
        'informazioni chiamare il <<phone>>.',
    ],
    'pt': [
        'Fatura n.º <<invoice>> de <<date>>\nN.º de cliente: <<custno>>\nEncomenda: <<order>>\n'
        'NIF: <<vat>>\nTotal a pagar: <<price>>\nReferência Multibanco: <<offset>>.',
        'Seu pedido <<order>> foi enviado. Código de rastreio: <<tracking>>. Peso: <<weight>>. '
        'Previsão de entrega: <<date>>.',
        'Nota fiscal <<offset>>, série 1, emitida em <<date>>, valor <<price>>, chave de acesso '
        '<<bytes>><<bytes>><<bytes>>.',
    ],
    'nl': [
        'Factuur <<invoice>>\nFactuurdatum: <<date>>\nKlantnummer: <<custno>>\nOrdernummer: '
        '<<order>>\nBTW-nummer: <<vat>>\nTe betalen: <<price>> vóór <<date>>, o.v.v. '
        'betalingskenmerk <<rf>>.',
        'Je pakket <<tracking>> is onderweg (bestelling <<order>>, gewicht <<weight>>). '
        'Verwachte bezorging: <<date>>.',
        'Graag <<price>> overmaken naar <<iban>> t.n.v. Acme B.V. onder vermelding van '
        'factuur <<invoice>>.',
    ],
    'pl': [
        'Faktura VAT nr <<invoice>> z dnia <<date>>\nNr klienta: <<custno>>\nNr zamówienia: '
        '<<order>>\nNIP: <<vat>>\nRazem do zapłaty: <<price>>\nTermin płatności: <<date>>.',
        'Twoja przesyłka <<tracking>> (zamówienie <<order>>, waga <<weight>>) została nadana '
        '<<date>>.',
        'Proszę o przelew <<price>> na rachunek <<iban>>, tytułem: faktura <<invoice>>.',
    ],
    'zh': [
        '发票号码：<<invoice>>\n开票日期：<<date>>\n订单号：<<order>>\n客户编号：<<custno>>\n'
        '税号：<<vat>>\n价税合计：<<money_cn>>',
        '您的订单<<order>>已发货，快递单号<<tracking>>，重量<<weight>>，预计<<date>>送达。',
        '收货人：<<person>>，电话：<<phone>>，订单号<<order>>，商品编码<<sku2>>，数量<<qty>>。',
        '报关单：集装箱号<<container>>，商品编码<<hs>>，毛重<<weight>>，申报金额<<price>>。',
    ],
    'ja': [
        '請求書番号：<<invoice>>\n発行日：<<date>>\n注文番号：<<order>>\nお客様番号：<<custno>>\n'
        '登録番号：T<<bytes>>\n合計金額：<<price>>（税込）',
        'ご注文<<order>>の商品を発送しました。追跡番号：<<tracking>>、重量：<<weight>>、'
        'お届け予定日：<<date>>。',
        'お振込先：<<iban>>、ご請求額<<price>>、お支払期限<<date>>。お問い合わせは<<email>>まで。',
    ],
    'ru': [
        'Счёт № <<invoice>> от <<date>>\nНомер заказа: <<order>>\nКлиент №: <<custno>>\n'
        'ИНН <<bytes>>, КПП <<offset>>\nИтого к оплате: <<price>>',
        'Ваш заказ <<order>> отправлен. Трек-номер: <<tracking>>, вес <<weight>>, ожидаемая '
        'дата доставки <<date>>.',
        'Оплата по счёту <<invoice>>: <<price>> на IBAN <<iban>>. Вопросы по телефону <<phone>>.',
    ],
    'tr': [
        'Fatura No: <<invoice>>\nFatura Tarihi: <<date>>\nSipariş No: <<order>>\nMüşteri No: '
        '<<custno>>\nVergi No: <<offset>>\nGenel Toplam: <<price>>',
        'Siparişiniz <<order>> kargoya verildi. Takip numarası: <<tracking>>, ağırlık '
        '<<weight>>, tahmini teslim <<date>>.',
        'Ödeme için IBAN: <<iban>>, açıklama: fatura <<invoice>>, tutar <<price>>.',
    ],
}

# ---- chat about all of this -------------------------------------------------------------
CHAT = {
    'en': ['Why does this fail?\n{x}', 'Can you explain this output? Started after we deployed '
           '<<ver>>.\n{x}', '{x}\n\nwhat does this mean??', 'Please summarise:\n{x}',
           'Build <<gitshort>> of <<ver>> broke on <<date>>, ticket <<case>>; the diff is '
           '<<gitfull>>.', 'Order <<order>> was charged <<price>> twice, invoice <<invoice>>, '
           'tracking <<tracking>> - refund one?'],
    'de': ['Warum schlägt das fehl?\n{x}', 'Kannst du mir diese Ausgabe erklären? Seit Version '
           '<<ver>>.\n{x}', '{x}\n\nwas bedeutet das?', 'Der Build <<gitshort>> von <<ver>> ist '
           'seit <<date>> kaputt, Ticket <<case>>.', 'Bestellung <<order>> wurde zweimal mit '
           '<<price>> belastet, Rechnung <<invoice>>.'],
    'fr': ['Pourquoi ça plante ?\n{x}', 'Tu peux m\'expliquer cette sortie ? Depuis la version '
           '<<ver>>.\n{x}', '{x}\n\nça veut dire quoi ?', 'Le build <<gitshort>> de la <<ver>> '
           'est cassé depuis le <<date>>, ticket <<case>>.', 'La commande <<order>> a été '
           'débitée deux fois de <<price>>, facture <<invoice>>.'],
    'es': ['¿Por qué falla esto?\n{x}', '¿Me explicas esta salida? Empezó con la versión '
           '<<ver>>.\n{x}', '{x}\n\n¿qué significa?', 'El build <<gitshort>> de la <<ver>> falla '
           'desde el <<date>>, ticket <<case>>.', 'El pedido <<order>> se cobró dos veces '
           '(<<price>>), factura <<invoice>>.'],
    'it': ['Perché fallisce?\n{x}', 'Mi spieghi questo output? Dalla versione <<ver>>.\n{x}',
           'La build <<gitshort>> della <<ver>> è rotta dal <<date>>, ticket <<case>>.'],
    'pt': ['Por que isso falha?\n{x}', 'Pode explicar esta saída? Desde a versão <<ver>>.\n{x}',
           'O build <<gitshort>> da <<ver>> quebrou em <<date>>, chamado <<case>>.'],
    'nl': ['Waarom faalt dit?\n{x}', 'Kun je deze uitvoer uitleggen? Sinds versie <<ver>>.\n{x}',
           'Build <<gitshort>> van <<ver>> is stuk sinds <<date>>, ticket <<case>>.'],
    'pl': ['Dlaczego to nie działa?\n{x}', 'Możesz wyjaśnić ten wynik? Od wersji <<ver>>.\n{x}',
           'Build <<gitshort>> wersji <<ver>> nie działa od <<date>>, zgłoszenie <<case>>.'],
    'zh': ['为什么会报错？\n{x}', '帮我解释一下这段输出，升级到<<ver>>之后出现的：\n{x}',
           '{x}\n\n这是什么意思？', '版本<<ver>>的构建<<gitshort>>从<<date>>开始失败，工单<<case>>。',
           '订单<<order>>被扣了两次款<<price>>，发票号<<invoice>>。'],
    'ja': ['なぜ失敗するのでしょうか？\n{x}', 'この出力を説明してください。<<ver>>にしてから出ます。\n{x}',
           '<<ver>>のビルド<<gitshort>>が<<date>>から壊れています。チケット<<case>>。'],
    'ru': ['Почему это падает?\n{x}', 'Объясни этот вывод, началось после версии <<ver>>:\n{x}',
           'Сборка <<gitshort>> версии <<ver>> падает с <<date>>, тикет <<case>>.'],
    'tr': ['Bu neden hata veriyor?\n{x}', 'Bu çıktıyı açıklar mısın? <<ver>> sürümünden beri.'
           '\n{x}', '<<ver>> sürümünün <<gitshort>> derlemesi <<date>> tarihinden beri bozuk, '
           'kayıt <<case>>.'],
}
LANGS = sorted(CHAT)


def template(langs, tech, biz, chat):
    """A language and a template of it: machine text (35 %), a paper (30 %)
    or chat, which may wrap machine text."""
    lang = pick(langs)
    f = rng.random()
    if f < 0.35:
        return lang, pick(tech)
    if f < 0.65:
        return lang, pick(biz[lang])
    t = pick(chat[lang])
    return lang, t.replace('{x}', pick(tech)) if '{x}' in t else t


def record():
    lang, t = template(LANGS, TECH, BIZ, CHAT)
    return fill(t, lang)


# ---- helpers of the later sets (bench/pii_gen_lookalike_c.py, _d.py) -------------------------
def maybe(p, text, other=''):
    """text with probability p, else other."""
    return text if rng.random() < p else other


def person_of(names, world_share):
    """A labelled-person generator: a world-set name with probability
    world_share, else a given name and a surname of one culture of names."""
    def gen(lang='en', var=None):
        if rng.random() < world_share:
            return w.person('any'), 'person'
        f, l = names[pick(sorted(names))]
        return '%s %s' % (pick(f), pick(l)), 'person'
    return gen


def weighted_record(kinds, typed):
    """A text of one of kinds [(generators, weight)], its slots filled."""
    total = sum(wt for _, wt in kinds)
    r = rng.random() * total
    for gens, wt in kinds:
        if r < wt:
            break
        r -= wt
    return fill(pick(gens)(), 'en', LOOK_B, typed)


# ---- set b: written after the rules made from set a, to tell whether they generalise ---------
# Other machine formats, other papers, twelve other languages, other look-alikes.


def orcid():
    d = digits(15)
    total = 0
    for ch in d:
        total = (total + int(ch)) * 2
    c = (12 - total % 11) % 11
    s = d + ('X' if c == 10 else str(c))
    return '-'.join(s[i:i + 4] for i in range(0, 16, 4))


def sid():
    return 'S-1-5-21-%d-%d-%d-%d' % (n(1000000000, 3999999999), n(1000000000, 3999999999),
                                     n(1000000000, 3999999999), n(500, 9999))


def b58(k):
    return ''.join(pick(checks.B58) for _ in range(k))


LOOK_B = {
    'orcid': orcid, 'sid': sid,
    'pmid': lambda: 'PMID: %d' % n(10000000, 39999999),
    'genbank': lambda: pick(['NM_%06d.%d' % (n(1, 999999), n(1, 9)), 'MN%06d.1' % n(1, 999999)]),
    'pdb': lambda: '%d%s' % (n(1, 9), ''.join(pick(UPPER + string.digits) for _ in range(3))),
    'solsig': lambda: b58(88),
    'blockhash': lambda: '0000000000000000000' + hexs(45),
    'lfs': lambda: 'oid sha256:%s\nsize %d' % (hexs(64), n(1000, 99999999)),
    'cfgb64': lambda: base64.b64encode(pick([b'{"logLevel":"debug","retries":3}',
                                            b'listen: 0.0.0.0:8080\nworkers: 4\n',
                                            b'[feature]\nnew_checkout = true\n'])).decode(),
    'ver4b': lambda: '%d.%d.%d.%d' % (n(1, 12), n(0, 9), n(0, 30), n(0, 999)),
    'kernel': lambda: '%d.%d.0-%d-%s' % (n(5, 6), n(4, 15), n(1000, 1100), pick(['azure', 'aws',
                                                                                 'generic'])),
    'winver': lambda: 'Build %d.%d' % (pick([22631, 22621, 19045, 26100]), n(1000, 4999)),
    'utm': lambda: '%d%s %d %d' % (n(10, 60), pick('TUVWXYZ'), n(200000, 799999),
                                   n(1000000, 9999999)),
    'plus': lambda: '%s+%s' % (''.join(pick('23456789CFGHJMPQRVWX') for _ in range(4)),
                               ''.join(pick('23456789CFGHJMPQRVWX') for _ in range(3))),
    'geohash': lambda: ''.join(pick('0123456789bcdefghjkmnpqrstuvwxyz') for _ in range(7)),
    'sortcode': lambda: '%02d-%02d-%02d' % (n(10, 99), n(0, 99), n(0, 99)),
    'meter': lambda: pick(['%d' % n(10000000000, 99999999999), 'Z%s' % digits(9),
                           '%s %s %s' % (digits(3), digits(3), digits(4))]),
    'policy': lambda: pick(['POL-%s-%s' % (digits(4), digits(6)), '%s/%s/%s' % (
        digits(2), digits(6), digits(2)), 'KV-%s' % digits(10)]),
    'case': lambda: pick(['Az. %d O %d/%d' % (n(1, 30), n(100, 999), n(19, 25)),
                          'Case No. %d-cv-%05d' % (n(18, 25), n(1, 99999)),
                          'RG %d/%05d' % (n(2019, 2025), n(1, 99999))]),
    'folio': lambda: pick(['%d' % n(1000000, 99999999), 'CNF-%s' % digits(9),
                           'HB%s' % digits(7)]),
    'gtin14': lambda: '%014d' % n(10 ** 12, 10 ** 14 - 1),
    'cron': lambda: pick(['*/5 * * * *', '0 3 * * 1-5', '15 2 1 * *']),
    'week': lambda: '%d-W%02d' % (n(2019, 2026), n(1, 52)),
    'quarter': lambda: 'Q%d FY%d' % (n(1, 4), n(2019, 2026)),
    'price_b': lambda: pick(['%d.%03d.%03d ₫' % (n(1, 99), n(0, 999), n(0, 999)),
                             '₩%d,%03d' % (n(1, 999), n(0, 999)),
                             'R$ %d.%03d,%02d' % (n(1, 99), n(0, 999), n(0, 99)),
                             '%d %03d,%02d kr' % (n(1, 99), n(0, 999), n(0, 99)),
                             '%d %03d,%02d Kč' % (n(1, 99), n(0, 999), n(0, 99)),
                             '%d,%02d zł' % (n(1, 9999), n(0, 99)),
                             'Rp %d.%03d.%03d' % (n(1, 99), n(0, 999), n(0, 999)),
                             '%d.%03d,%02d ₺' % (n(1, 99), n(0, 999), n(0, 99)),
                             '%d,%02d Ft' % (n(1000, 99999), n(0, 99))]),
    'lot': lambda: 'LOT %s%s' % (hexs(2, UPPER), digits(6)),
    'pallet': lambda: '(00) 3%s' % digits(17),
    'hexdump': lambda: '%08x  %s  |%s|' % (n(0, 65535) * 16, ' '.join(hexs(2) for _ in range(16)),
                                          ''.join(pick(string.ascii_letters + '.') for _ in
                                                  range(16))),
    'rid': lambda: '%s-%s' % (hexs(8), hexs(4)),
    'sentryid': lambda: hexs(32),
    'ipv6scope': lambda: pick(['std::vector<uint8_t>::iterator', 'fe::ed', 'a::b::c',
                               'Foo::Bar::new', 'Vec::<u8>::with_capacity']),
    'time_b': lambda: '%02d:%02d:%02d.%06d' % (n(0, 23), n(0, 59), n(0, 59), n(0, 999999)),
}

TYPED_B = dict(TYPED)
TYPED_B['mac'] = ('mac_address', 'MAC_ADDRESS', lambda lang, var=None: st.mac('en'))

TECH_B = [
    '<<ip.4>> - - [<<ts>>] "POST /wp-login.php HTTP/1.1" 403 <<bytes>> "-" '
    '"python-requests/2.31"\n'
    '::1 - - [<<ts>>] "OPTIONS * HTTP/1.0" 200 - "-" "Apache/2.4.58 (internal dummy connection)"',
    '{"@timestamp":"<<ts>>","level":"error","logger":"com.acme.pay.Gateway","thread":"http-nio-'
    '<<port>>-exec-<<qty>>","traceId":"<<trace>>","message":"upstream timeout after '
    '<<duration>>","exception":"java.net.SocketTimeoutException: Read timed out"}',
    'Started GET "/orders/<<offset>>/invoice.pdf" for 127.0.0.1 at <<ts>>\nProcessing by '
    'InvoicesController#show as PDF\n  Parameters: {"order_id"=>"<<offset>>"}\nCompleted 200 '
    'OK in '
    '<<qty>>ms (Views: <<amount>>ms | ActiveRecord: <<amount>>ms | Allocations: <<bytes>>)',
    'Unhandled exception. System.InvalidOperationException: Sequence contains no elements\n   at '
    'System.Linq.ThrowHelper.ThrowNoElementsException()\n   at Acme.Billing.InvoiceService.'
    'GetLatest(Guid customerId) in /src/Billing/InvoiceService.cs:line <<qty>>\n   customerId: '
    '<<awsreq>>',
    "thread 'main' panicked at src/ledger.rs:<<qty>>:<<qty>>:\ncalled `Result::unwrap()` on an "
    "`Err` value: ParseIntError { kind: InvalidDigit }\nnote: run with `RUST_BACKTRACE=1` "
    "environment variable to display a backtrace\nerror: process didn't exit successfully: "
    "`target/debug/ledger` (exit status: 101)",
    'TypeError: Cannot read properties of undefined (reading \'sku\')\n    at mapLine '
    '(/app/dist/export.js:<<qty>>:<<qty>>)\n    at Array.map (<anonymous>)\n    at '
    'buildCsv (/app/dist/export.js:<<qty>>:<<qty>>)\nNode.js v20.11.1',
    'PHP Fatal error:  Uncaught PDOException: SQLSTATE[23000]: Integrity constraint violation: '
    '1062 Duplicate entry \'<<offset>>\' for key \'PRIMARY\' in /var/www/html/src/Order.php:'
    '<<qty>>',
    '[Unit]\nDescription=Acme exporter\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/'
    'local/bin/exporter --web.listen-address=0.0.0.0:<<port>> --collector.interval=<<duration>>\n'
    'Restart=on-failure\nLimitNOFILE=<<bytes>>\n\n[Install]\nWantedBy=multi-user.target',
    'replicaCount: 2\nimage:\n  repository: ghcr.io/acme/api\n  tag: "<<ver4b>>"\n'
    '  digest: sha256:<<cid64>>\nservice:\n  port: <<port>>\npodAnnotations:\n  checksum/secret: '
    '<<sha256>>\nresources:\n  limits: {cpu: 500m, memory: 512Mi}',
    '[web]\n<<ip.4>> ansible_user=deploy\n<<ip.4>> ansible_user=deploy\n\n[db]\ndb-1.internal '
    'ansible_port=<<port>>\n\n[all:vars]\nntp_server=<<ip.4>>',
    'frontend https-in\n    bind *:443 ssl crt /etc/haproxy/certs/\n    bind :::443 ssl crt '
    '/etc/haproxy/certs/\n    default_backend api\nbackend api\n    balance roundrobin\n'
    '    server api1 127.0.0.1:<<port>> check inter 2s\n    timeout server <<duration>>',
    'scrape_configs:\n  - job_name: node\n    scrape_interval: 15s\n    static_configs:\n'
    '      - targets: ["localhost:9100", "<<ip.4>>:9100"]\n    relabel_configs:\n'
    '      - source_labels: [__address__]\n        regex: "(.*):9100"',
    'build:\n  stage: build\n  image: <<dockertag>>\n  script:\n    - make release '
    'VERSION=<<ver>> COMMIT=$CI_COMMIT_SHORT_SHA\n  cache:\n    key: <<gitshort>>\n    paths: '
    '[.cache/]\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "schedule"\n  timeout: 45m',
    'FROM <<dockertag>>\nARG BUILD_DATE=<<ts>>\nARG VCS_REF=<<gitfull>>\nLABEL org.opencontainers.'
    'image.revision=$VCS_REF\nEXPOSE <<port>>\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:'
    '<<port>>/health || exit 1',
    '# m h dom mon dow command\n<<cron>> /usr/local/bin/rotate --keep 14 --max-size <<bytes>>\n'
    '<<cron>> /opt/acme/bin/export --since <<epoch>>',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\n  uid: <<uuid>>\n'
    '  resourceVersion: "<<offset>>"\nbinaryData:\n  settings.json: <<cfgb64>>',
    'version https://git-lfs.github.com/spec/v1\n<<lfs>>',
    'package main\n\nimport "fmt"\n\nconst (\n	Magic   = 0x<<gitshort>>\n	MaxSize = '
    '<<bytes>>\n)\n\n'
    'func main() { fmt.Printf("%x %s\\n", Magic, "<<ulid>>") }',
    'fun main() {\n    val orderId = <<offset>>L\n    val total = BigDecimal("<<amount>>")\n'
    '    val id = UUID.fromString("<<uuid>>")\n    println("$orderId $total $id")\n}',
    "$order = Order::find(<<offset>>);\n$order->total = '<<amount>>';\n$order->tracking = "
    "'<<tracking>>';\n$order->save();",
    'Order.where(id: <<offset>>).update_all(shipped_at: "<<ts>>", carrier_ref: "<<tracking>>")',
    'int crc_table[] = {0x00000000, 0x77073096, 0xEE0E612C, 0x990951BA, 0x076DC419, 0x706AF48F,\n'
    '                   0xE963A535, 0x9E6495A3, 0x0EDB8832, 0x79DCB8A4};',
    'import numpy as np\nrng = np.random.default_rng(<<offset>>)\nx = rng.normal(size=(<<qty>>, '
    '<<qty>>))\nprint(x.mean(), 6.02214076e23, 1.380649e-23)',
    'id;datum;artikel;menge;preis;summe\n<<offset>>;<<date>>;<<sku2>>;<<qty>>;<<amount>>;'
    '<<amount>>\n<<offset>>;<<date>>;<<sku2>>;<<qty>>;<<amount>>;<<amount>>',
    '| order | created | total | carrier | tracking |\n|---|---|---|---|---|\n| <<order>> | '
    '<<date>> | <<price>> | DHL | <<tracking>> |\n| <<order>> | <<date>> | <<price>> | UPS | '
    '<<tracking>> |',
    '{"data":{"repository":{"object":{"oid":"<<gitfull>>","committedDate":"<<ts>>",'
    '"checkSuites":{"nodes":[{"databaseId":<<offset>>,"conclusion":"SUCCESS"}]}}}}}',
    '{"event_id":"<<sentryid>>","release":"api@<<ver>>","timestamp":<<epoch>>.<<qty>>,'
    '"contexts":{"os":{"name":"Linux","kernel_version":"<<kernel>>"}}}',
    'device,mac,ip,firmware\nsw-core-1,<<mac>>,<<ip.4>>,<<ver>>\nap-lobby,<<mac>>,<<ip.4>>,'
    '<<ver>>',
    'Signature: <<solsig>>\nSlot: <<offset>>\nBlock hash: <<blockhash>>\nFee: 0.000005 SOL',
    'Researchers: ORCID <<orcid>>, <<pmid>>, GenBank <<genbank>>, PDB <<pdb>>; location '
    '<<utm>> (UTM), plus code <<plus>>, geohash <<geohash>>.',
    'User SID <<sid>> was granted SeBackupPrivilege; registry key HKLM\\SOFTWARE\\Acme\\Agent\\'
    '<<ver4b>>; logon id 0x<<gitshort>>.',
    '<<hexdump>>\n<<hexdump>>\n<<hexdump>>',
    'In file included from src/net.cpp:12:\nsrc/net.h:<<qty>>:5: error: no member named '
    '\'with_capacity\' in \'<<ipv6scope>>\'\n1 error generated.\nmake: *** [Makefile:<<qty>>: '
    'build/net.o] Error 1',
    'git bisect good <<gitfull>>\ngit bisect bad <<gitshort>>\nBisecting: <<qty>> revisions left '
    'to test after this (roughly 6 steps)\n[<<gitfull>>] Merge branch \'release/<<ver>>\'',
    'Author: <<person>> <<<email>>>\nReviewed-by: <<person>> <<<email>>>\nChange-Id: I<<gitfull>>',
    'ssh-keygen -lf ~/.ssh/id_ed25519.pub\n256 SHA256:<<b64blob>> ci@runner (ED25519)\n'
    'export AWS_DEFAULT_REGION=eu-north-1\nexport TOKEN=<<secret>>',
    'uname -a: Linux ip-<<qty>>-<<qty>> <<kernel>> #<<qty>>-Ubuntu SMP x86_64 GNU/Linux\n'
    'Windows <<winver>>, .NET 8.0.<<qty>>, glibc 2.35, OpenSSL 3.0.13',
]

BIZ_B = {
    'sv': ['Faktura nr <<invoice>>\nFakturadatum: <<date>>\nKundnummer: <<custno>>\nOrdernummer: '
           '<<order>>\nOCR-nummer: <<offset>><<qty>>\nAtt betala: <<price_b>> senast <<date>>.',
           'Ditt paket <<tracking>> är på väg. Order <<order>>, vikt <<weight>>, leverans '
           '<<date>>. Frågor? Ring <<phone>>.'],
    'da': ['Faktura <<invoice>> af <<date>>\nKundenr.: <<custno>>\nOrdrenr.: <<order>>\nCVR: '
           '<<custno>>\nBeløb: <<price_b>>\nBetales til <<iban>> senest <<date>>.',
           'Din pakke <<tracking>> er afsendt (ordre <<order>>, <<weight>>).'],
    'cs': ['Faktura č. <<invoice>> ze dne <<date>>\nVariabilní symbol: <<offset>>\nIČO: '
           '<<custno>>, DIČ: CZ<<custno>>\nCelkem k úhradě: <<price_b>>',
           'Zásilka <<tracking>> k objednávce <<order>> byla předána dopravci <<date>>.'],
    'el': ['Τιμολόγιο αρ. <<invoice>>, ημερομηνία <<date>>\nΑρ. παραγγελίας: <<order>>\nΑΦΜ: '
           '<<custno>>\nΣύνολο: <<price>>',
           'Η αποστολή <<tracking>> της παραγγελίας <<order>> παραδόθηκε στις <<date>>.'],
    'ko': ['세금계산서 번호: <<invoice>>\n작성일자: <<date>>\n주문번호: <<order>>\n사업자등록번호: '
           '<<sortcode>>\n합계금액: <<price_b>>',
           '주문하신 상품(주문번호 <<order>>)이 발송되었습니다. 운송장 번호: <<tracking>>.'],
    'vi': ['Hóa đơn số <<invoice>> ngày <<date>>\nMã đơn hàng: <<order>>\nMã số thuế: '
           '<<custno>>\nTổng cộng: <<price_b>>',
           'Đơn hàng <<order>> đã được giao cho đơn vị vận chuyển, mã vận đơn <<tracking>>.'],
    'id': ['Faktur No. <<invoice>> tanggal <<date>>\nNo. Pesanan: <<order>>\nNPWP: '
           '<<custno>>\nTotal: <<price_b>>',
           'Paket <<tracking>> untuk pesanan <<order>> sedang dikirim, berat <<weight>>. Hubungi '
           '<<phone>> bila ada pertanyaan.'],
    'ar': ['فاتورة رقم <<invoice>> بتاريخ <<date>>\nرقم الطلب: <<order>>\nالرقم الضريبي: '
           '<<custno>>\nالإجمالي: <<price>>',
           'تم شحن طلبك <<order>>، رقم التتبع <<tracking>>، الوزن <<weight>>.'],
    'hi': ['बिल संख्या <<invoice>>, दिनांक <<date>>\nऑर्डर संख्या: <<order>>\nGSTIN: '
           '27<<custno>>1Z5\nकुल राशि: <<price>>',
           'आपका ऑर्डर <<order>> भेज दिया गया है। ट्रैकिंग नंबर <<tracking>>।'],
    'uk': ['Рахунок № <<invoice>> від <<date>>\nЗамовлення: <<order>>\nЄДРПОУ: <<custno>>\n'
           'Разом до сплати: <<price>>',
           'Посилка <<tracking>> (замовлення <<order>>) прибуде <<date>>. Отримувач: <<person>>.'],
    'fi': ['Lasku <<invoice>>, päiväys <<date>>\nViitenumero: <<offset>>\nY-tunnus: '
           '<<custno>>\nMaksettava: <<price_b>> tilille <<iban>>',
           'Lähetyksesi <<tracking>> (tilaus <<order>>) on matkalla.'],
    'hu': ['Számla sorszáma: <<invoice>>\nKelt: <<date>>\nRendelésszám: <<order>>\n'
           'Adószám: <<custno>>-2-42\nFizetendő: <<price_b>>',
           'A(z) <<order>> számú rendelés csomagja (<<tracking>>) úton van.'],
}

CHAT_B = {
    'sv': ['Varför kraschar det här?\n{x}', 'Bygget <<gitshort>> av <<ver>> är trasigt sedan '
           '<<date>>, ärende <<case>>.'],
    'da': ['Hvorfor fejler det?\n{x}', 'Build <<gitshort>> af <<ver>> fejler siden <<date>>.'],
    'cs': ['Proč to padá?\n{x}', 'Build <<gitshort>> verze <<ver>> je rozbitý od <<date>>, '
           'tiket <<case>>.'],
    'el': ['Γιατί αποτυγχάνει αυτό;\n{x}', 'Το build <<gitshort>> της <<ver>> χάλασε στις '
           '<<date>>.'],
    'ko': ['이거 왜 실패하나요?\n{x}', '<<ver>> 버전의 빌드 <<gitshort>>가 <<date>>부터 깨졌어요.'],
    'vi': ['Tại sao lỗi này xảy ra?\n{x}', 'Bản build <<gitshort>> của <<ver>> bị lỗi từ '
           '<<date>>, ticket <<case>>.'],
    'id': ['Kenapa ini gagal?\n{x}', 'Build <<gitshort>> versi <<ver>> rusak sejak <<date>>.'],
    'ar': ['لماذا يفشل هذا؟\n{x}', 'البناء <<gitshort>> للإصدار <<ver>> معطل منذ <<date>>.'],
    'hi': ['yeh fail kyun ho raha hai?\n{x}', 'build <<gitshort>> of <<ver>> <<date>> se toota '
           'hai, ticket <<case>> dekho.'],
    'uk': ['Чому це падає?\n{x}', 'Збірка <<gitshort>> версії <<ver>> зламана з <<date>>.'],
    'fi': ['Miksi tämä kaatuu?\n{x}', 'Build <<gitshort>> versiosta <<ver>> on rikki '
           '<<date>> alkaen.'],
    'hu': ['Miért hibázik ez?\n{x}', 'A(z) <<ver>> <<gitshort>> buildje <<date>> óta hibás.'],
}
LANGS_B = sorted(CHAT_B)


LOOK_B = dict(LOOK, **LOOK_B)


def record_b():
    lang, t = template(LANGS_B, TECH_B, BIZ_B, CHAT_B)
    return fill(t, lang, LOOK_B, TYPED_B)


if __name__ == '__main__':
    if '--set' in sys.argv:  # --set b: the second template set
        k = sys.argv.index('--set')
        which = sys.argv[k + 1] if k + 1 < len(sys.argv) else 'a'
        del sys.argv[k:k + 2]
        if which == 'b':
            w.write_set(record_b, 1011, __doc__)
            sys.exit(0)
        if which == 'c':  # set c: bench/pii_gen_lookalike_c.py
            import pii_gen_lookalike_c as lc
            w.write_set(lc.record_c, 1021, lc.__doc__)
            sys.exit(0)
        if which == 'd':  # set d: bench/pii_gen_lookalike_d.py
            import pii_gen_lookalike_d as ld
            w.write_set(ld.record_d, 1031, ld.__doc__)
            sys.exit(0)
        if which == 'e':  # set e: bench/pii_gen_lookalike_e.py
            import pii_gen_lookalike_e as le
            w.write_set(le.record_e, 1041, le.__doc__)
            sys.exit(0)
    w.write_set(record, 1001, __doc__)
