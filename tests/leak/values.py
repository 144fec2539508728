"""Synthetic PII values for the leak suite, with real check digits.

Every generator takes a random.Random and returns (value, format, bare) where
`format` names the shape (for the report) and `bare` says whether the shape
identifies itself without a cue word (so it may stand alone in a field such as
a message's name). Values are synthetic: none belongs to a person.
"""
import base64
import hashlib
import string
import zlib

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits


def rand_str(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def digits(rng, n):
    return rand_str(rng, string.digits, n)


# ---- check digits -------------------------------------------------------------------

def luhn_complete(prefix_digits):
    total = 0
    for i, ch in enumerate(reversed(prefix_digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix_digits + str((10 - total % 10) % 10)


def iban_check(country, bban):
    moved = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in moved)
    return "%02d" % (98 - int(num) % 97)


def cn_id_check(body17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * w for c, w in zip(body17, weights))
    return "10X98765432"[s % 11]


def b58check(payload):
    chk = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    data = payload + chk
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + out


BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (b >> i) & 1 else 0
    return chk


def _convertbits(data, frm, to):
    acc = bits = 0
    out = []
    for v in data:
        acc = (acc << frm) | v
        bits += frm
        while bits >= to:
            bits -= to
            out.append((acc >> bits) & ((1 << to) - 1))
    if bits:
        out.append((acc << (to - bits)) & ((1 << to) - 1))
    return out


def bech32_segwit(hrp, witver, program):
    const = 1 if witver == 0 else 0x2BC830A3
    data = [witver] + _convertbits(program, 8, 5)
    exp = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    pm = _polymod(exp + data + [0] * 6) ^ const
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in data + chk)


# Keccak-256 (Ethereum's, not SHA3-256: the padding differs), for EIP-55.
_RC = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
       0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
       0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
       0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
       0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
       0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
_ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56],
        [27, 20, 39, 8, 14]]
M64 = (1 << 64) - 1


def _rol(x, n):
    return ((x << n) | (x >> (64 - n))) & M64 if n else x


def _keccak_f(a):
    for rc in _RC:
        c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
        a = [[a[x][y] ^ d[x] for y in range(5)] for x in range(5)]
        b = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                b[y][(2 * x + 3 * y) % 5] = _rol(a[x][y], _ROT[x][y])
        a = [[b[x][y] ^ (~b[(x + 1) % 5][y] & b[(x + 2) % 5][y]) for y in range(5)]
             for x in range(5)]
        a[0][0] ^= rc
    return a


def keccak256(data):
    rate = 136
    msg = bytearray(data) + b"\x01"
    while len(msg) % rate:
        msg.append(0)
    msg[-1] |= 0x80
    a = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        block = msg[off:off + rate]
        for i in range(rate // 8):
            x, y = i % 5, i // 5
            a[x][y] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        a = _keccak_f(a)
    out = b"".join(a[i % 5][i // 5].to_bytes(8, "little") for i in range(4))
    return out


def eip55(hex40):
    h = keccak256(hex40.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c
                          for i, c in enumerate(hex40))


# ---- generators: (value, format, bare) ----------------------------------------------

FIRST = ["Margaret", "Oliver", "Priya", "Hiroshi", "Fatima", "Lukas", "Chloé", "Mateo",
         "Ingrid", "Kwame", "Siobhan", "Dmitri", "Amélie", "Rahul", "Beatriz", "Jürgen",
         "Eleanor", "Tobias", "Ananya", "Camille", "Gregory", "Svetlana", "Nathaniel", "Yusuf"]
LAST = ["Thornton", "Whitfield", "Raghunathan", "Kowalski", "Okonkwo", "Müller", "Dubois",
        "Fernández", "Lindqvist", "Abernathy", "Castellanos", "Brennan", "Schäfer", "Moreau",
        "Venkataraman", "Hawthorne", "Delacroix", "Sørensen", "Pemberton", "Achterberg"]
CN_SURNAME = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
CN_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华志红"


def gen_email(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    asc = lambda s: s.encode("ascii", "ignore").decode().lower()
    local = rng.choice([
        f"{asc(first)}.{asc(last)}", f"{asc(first)[0]}{asc(last)}{rng.randint(1, 99)}",
        f"{asc(first)}+{rng.choice(['news', 'bank', 'shop'])}", f"{asc(last)}_{digits(rng, 4)}",
        f"{asc(first).capitalize()}.{asc(last).capitalize()}"])
    dom = rng.choice(["example.com", "mail.example.org", "corp-example.net", "example.co.uk",
                      "beispiel.de", "exemple.fr", "example.cn", "uni-example.edu"])
    return f"{local}@{dom}", "email", True


def gen_phone(rng):
    kind = rng.choice(["us", "us2", "us3", "uk", "uk_m", "de", "de2", "fr", "fr2", "in", "in2",
                       "cn", "cn2", "cn3"])
    a = str(rng.randint(2, 9)) + digits(rng, 2)
    n3 = str(rng.randint(2, 9)) + digits(rng, 2)
    n4 = digits(rng, 4)
    v = {
        "us": f"({a}) {n3}-{n4}",
        "us2": f"+1 {a}-{n3}-{n4}",
        "us3": f"{a}.{n3}.{n4} ext. {rng.randint(10, 999)}",
        "uk": f"+44 20 7{digits(rng, 3)} {digits(rng, 4)}",
        "uk_m": f"07{rng.randint(400, 999)} {digits(rng, 6)}",
        "de": f"+49 30 {rng.randint(2, 9)}{digits(rng, 7)}",
        "de2": f"0{rng.choice(['89', '40', '221', '69'])}/{rng.randint(2, 9)}{digits(rng, 6)}",
        "fr": f"+33 {rng.randint(1, 7)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} "
              f"{digits(rng, 2)}",
        "fr2": f"0{rng.choice('67')}.{digits(rng, 2)}.{digits(rng, 2)}.{digits(rng, 2)}."
               f"{digits(rng, 2)}",
        "in": f"+91 {rng.randint(6, 9)}{digits(rng, 4)} {digits(rng, 5)}",
        "in2": f"0{rng.randint(6, 9)}{digits(rng, 4)}-{digits(rng, 5)}",
        "cn": f"+86 1{rng.choice('3589')}{digits(rng, 1)} {digits(rng, 4)} {digits(rng, 4)}",
        "cn2": f"1{rng.choice('3589')}{digits(rng, 1)}-{digits(rng, 4)}-{digits(rng, 4)}",
        "cn3": f"010-{rng.randint(6, 8)}{digits(rng, 7)}",
    }[kind]
    return v, "phone_" + kind, kind in ("us2", "uk", "de", "fr", "in", "cn")


def gen_card(rng):
    brand, prefix, length = rng.choice([
        ("visa", "4", 16), ("mc", str(rng.randint(51, 55)), 16),
        ("mc2", str(rng.randint(2221, 2720)), 16), ("amex", rng.choice(["34", "37"]), 15),
        ("discover", "6011", 16), ("jcb", str(rng.randint(3528, 3589)), 16),
        ("unionpay", "62" + str(rng.randint(2126, 2925))[1:], 16)])
    num = luhn_complete(prefix + digits(rng, length - len(prefix) - 1))
    sep = rng.choice([" ", "-", ""])
    if length == 15:
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i:i + 4] for i in range(0, 16, 4)]
    return sep.join(groups), f"card_{brand}{'_' + repr(sep) if sep else '_plain'}", True


IBAN_SPECS = {"DE": "8n10n", "GB": "4a14n", "FR": "10n11c2n", "ES": "20n", "IT": "1a10n12c",
              "NL": "4a10n", "CH": "5n12c", "AT": "16n", "BE": "12n", "PL": "24n"}


def gen_iban(rng):
    country = rng.choice(sorted(IBAN_SPECS))
    bban = ""
    spec = IBAN_SPECS[country]
    i = 0
    while i < len(spec):
        j = i
        while spec[j].isdigit():
            j += 1
        n, kind = int(spec[i:j]), spec[j]
        alpha = {"n": string.digits, "a": string.ascii_uppercase,
                 "c": string.ascii_uppercase + string.digits}[kind]
        bban += rand_str(rng, alpha, n)
        i = j + 1
    iban = country + iban_check(country, bban) + bban
    if rng.random() < 0.6:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)), f"iban_{country}_spaced", True
    return iban, f"iban_{country}", True


def gen_ssn(rng):
    area = rng.choice([x for x in range(1, 900) if x != 666])
    v = "%03d-%02d-%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
    style = rng.choice(["dash", "dash", "space"])
    return (v if style == "dash" else v.replace("-", " ")), "ssn_" + style, style == "dash"


def gen_nino(rng):
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p = rng.choice(first) + rng.choice(second)
        if p not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    d = digits(rng, 6)
    s = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{p} {d[:2]} {d[2:4]} {d[4:]} {s}", "nino_spaced", True
    return p + d + s, "nino", True


CN_REGIONS = ["110101", "110105", "310104", "310115", "440305", "440106", "330106", "510107",
              "320102", "420111", "610113", "500103"]


def gen_cn_id(rng):
    y, m, d = rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)
    body = rng.choice(CN_REGIONS) + "%04d%02d%02d" % (y, m, d) + digits(rng, 3)
    return body + cn_id_check(body), "cn_id", True


def gen_passport(rng):
    kind = rng.choice(["us", "uk", "de", "cn", "fr", "in"])
    v = {"us": digits(rng, 9), "uk": digits(rng, 9),
         "de": "C" + rand_str(rng, "CFGHJKLMNPRTVWXYZ0123456789", 8),
         "cn": "E" + digits(rng, 8), "fr": digits(rng, 2) + rand_str(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + digits(rng, 5),
         "in": rand_str(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", 1) + digits(rng, 7)}[kind]
    return v, "passport_" + kind, False


def gen_ip(rng):
    kind = rng.choice(["v4", "v4", "v6", "v6c"])
    if kind == "v4":
        return "%d.%d.%d.%d" % (rng.choice([23, 45, 81, 93, 104, 151, 185, 203]),
                                rng.randint(0, 255), rng.randint(0, 255),
                                rng.randint(1, 254)), "ipv4", True
    groups = ["%x" % rng.randint(1, 0xFFFF) for _ in range(8)]
    if kind == "v6":
        return "2001:" + ":".join(groups[1:]), "ipv6", True
    return "2a02:%s:%s::%s" % (groups[1], groups[2], groups[3]), "ipv6_compressed", True


def gen_mac(rng):
    b = [rng.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFC
    kind = rng.choice(["colon", "dash", "dot", "upper"])
    if kind == "dot":
        h = "".join("%02x" % x for x in b)
        return ".".join(h[i:i + 4] for i in range(0, 12, 4)), "mac_cisco", True
    sep = "-" if kind == "dash" else ":"
    fmt = "%02X" if kind in ("dash", "upper") else "%02x"
    return sep.join(fmt % x for x in b), "mac_" + kind, True


def gen_crypto(rng):
    kind = rng.choice(["btc_p2pkh", "btc_p2sh", "btc_bech32", "btc_taproot", "eth"])
    raw = bytes(rng.randint(0, 255) for _ in range(32))
    if kind == "btc_p2pkh":
        return b58check(b"\x00" + raw[:20]), kind, True
    if kind == "btc_p2sh":
        return b58check(b"\x05" + raw[:20]), kind, True
    if kind == "btc_bech32":
        return bech32_segwit("bc", 0, raw[:20]), kind, True
    if kind == "btc_taproot":
        return bech32_segwit("bc", 1, raw), kind, True
    return eip55(raw[:20].hex()), kind, True


def _b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def gen_jwt(rng):
    head = _b64url(b'{"alg":"HS256","typ":"JWT"}')
    body = _b64url(('{"sub":"%s","name":"%s","iat":%d}' % (
        digits(rng, 8), rng.choice(FIRST), rng.randint(1500000000, 1800000000))).encode())
    sig = _b64url(bytes(rng.randint(0, 255) for _ in range(32)))
    return f"{head}.{body}.{sig}", "jwt", True


def gen_github(rng):
    rnd = rand_str(rng, ALNUM, 30)
    crc = zlib.crc32(rnd.encode())
    enc = ""
    while crc:
        crc, r = divmod(crc, 62)
        enc = B62[r] + enc
    return rng.choice(["ghp_", "gho_", "ghs_"]) + rnd + enc.rjust(6, "0"), "github_token", True


def gen_pem(rng):
    kind = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    body = base64.b64encode(bytes(rng.randint(0, 255) for _ in range(240))).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    pem = f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"
    return pem, "pem_" + kind.split()[0].lower(), True


def gen_api_key(rng):
    kind = rng.choice(["aws", "gitlab", "slack", "stripe", "openai", "anthropic", "google",
                       "huggingface", "npm", "sendgrid", "twilio", "github"])
    if kind == "github":
        return gen_github(rng)
    v = {
        "aws": "AKIA" + rand_str(rng, string.ascii_uppercase + "234567", 16),
        "gitlab": "glpat-" + rand_str(rng, ALNUM + "-_", 20),
        "slack": "xoxb-%s-%s-%s" % (digits(rng, 12), digits(rng, 13), rand_str(rng, ALNUM, 24)),
        "stripe": rng.choice(["sk_live_", "rk_live_"]) + rand_str(rng, ALNUM, 24),
        "openai": "sk-proj-" + rand_str(rng, ALNUM + "-_", 48) + "T3BlbkFJ" + rand_str(rng, ALNUM, 20),
        "anthropic": "sk-ant-api03-" + rand_str(rng, ALNUM + "-_", 93) + "AA",
        "google": "AIza" + rand_str(rng, ALNUM + "-_", 35),
        "huggingface": "hf_" + rand_str(rng, ALNUM, 34),
        "npm": "npm_" + rand_str(rng, ALNUM, 36),
        "sendgrid": "SG." + rand_str(rng, ALNUM + "-_", 22) + "." + rand_str(rng, ALNUM + "-_", 43),
        "twilio": "SK" + rand_str(rng, "0123456789abcdef", 32),
    }[kind]
    return v, "key_" + kind, True


def gen_password(rng):
    pw = rng.choice([
        lambda: rand_str(rng, ALNUM, 10) + rng.choice("!#%&*") + digits(rng, 2),
        lambda: rng.choice(["Sommer", "Printemps", "Winter", "Tiger"]) + digits(rng, 4) + "!x" +
        rand_str(rng, ALNUM, 3),
        lambda: "pässwört-" + rand_str(rng, ALNUM, 8),
        lambda: "密码" + rand_str(rng, ALNUM, 8) + "#" + digits(rng, 2),
        lambda: "Tr0ub4dor&" + rand_str(rng, ALNUM, 6) + "\U0001F511",
    ])()
    return pw, "password", False


def gen_url_cred(rng):
    user = rng.choice(["admin", "svc_report", "deploy", "postgres"])
    pw = rand_str(rng, ALNUM, 14)
    host = rng.choice(["db.internal.example", "10.20.30.40", "cache.example.net"])
    scheme, port = rng.choice([("postgres", 5432), ("mysql", 3306), ("redis", 6379),
                               ("https", 443), ("mongodb+srv", 27017), ("amqp", 5672)])
    url = f"{scheme}://{user}:{pw}@{host}:{port}/prod"
    return url, pw, "url_credentials"


def gen_person(rng):
    if rng.random() < 0.35:
        return rng.choice(CN_SURNAME) + "".join(rng.choice(CN_GIVEN)
                                                for _ in range(rng.randint(1, 2))), \
            "person_zh", False
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", "person_latin", False


def gen_address(rng):
    kind = rng.choice(["us", "uk", "de", "fr", "cn"])
    n = rng.randint(2, 980)
    v = {
        "us": f"{n} {rng.choice(['Maple', 'Oak', 'Cedar', 'Willow'])} "
              f"{rng.choice(['Street', 'Avenue', 'Road', 'Lane'])}, "
              f"{rng.choice(['Springfield, IL 627', 'Portland, OR 972', 'Austin, TX 787'])}"
              f"{digits(rng, 2)}",
        "uk": f"{n} {rng.choice(['Baker', 'Kings', 'Mill', 'Station'])} "
              f"{rng.choice(['Street', 'Road', 'Lane'])}, London "
              f"{rng.choice(['NW1', 'SE1', 'E14'])} {rng.randint(1, 9)}"
              f"{rand_str(rng, 'ABDEFGHJLNPQRSTUWXYZ', 2)}",
        "de": f"{rng.choice(['Hauptstraße', 'Lindenallee', 'Schillerstraße', 'Gartenweg'])} {n}, "
              f"{rng.randint(10, 99)}{digits(rng, 3)} "
              f"{rng.choice(['Berlin', 'München', 'Köln', 'Hamburg'])}",
        "fr": f"{n} {rng.choice(['rue de la Paix', 'avenue Victor Hugo', 'boulevard Voltaire'])}, "
              f"75{digits(rng, 3)} Paris",
        "cn": f"{rng.choice(['北京市朝阳区', '上海市浦东新区', '广州市天河区', '深圳市南山区'])}"
              f"{rng.choice(['建国路', '世纪大道', '天河路', '科技园路'])}{n}号",
    }[kind]
    return v, "address_" + kind, False


def gen_dob(rng):
    y, m, d = rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    kind = rng.choice(["iso", "us", "eu", "long", "zh", "de"])
    v = {"iso": "%04d-%02d-%02d" % (y, m, d), "us": "%02d/%02d/%04d" % (m, d, y),
         "eu": "%02d/%02d/%04d" % (d, m, y), "long": f"{d} {months[m - 1]} {y}",
         "zh": f"{y}年{m}月{d}日", "de": "%02d.%02d.%04d" % (d, m, y)}[kind]
    return v, "dob_" + kind, False
