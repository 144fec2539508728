#!/usr/bin/env python3
"""Generates the leak suite: JSONL cases, one protected value each (or a few),
embedded in a sentence of some language, placed in one position of an OpenAI
request. Seeded and deterministic: the same --seed and --count give the same file.

    gen_cases.py [--count N] [--seed S] [-o FILE]

The case format is documented in tests/leak/README.md (and docs/leak-test.md);
run_leak.py reads it, from this generator or
from a held-out file given with --cases.
"""
import argparse
import json
import random
import sys

import values as V

# type -> (generator returning (embed, protect, format, bare), weight)
def _plain(gen):
    def g(rng):
        v, fmt, bare = gen(rng)
        return v, v, fmt, bare
    return g


def _url_cred(rng):
    url, pw, fmt = V.gen_url_cred(rng)
    return url, pw, fmt, True


def _secret(rng):
    pick = rng.random()
    if pick < 0.45:
        v, fmt, bare = V.gen_api_key(rng)
    elif pick < 0.6:
        v, fmt, bare = V.gen_jwt(rng)
    elif pick < 0.7:
        v, fmt, bare = V.gen_pem(rng)
    elif pick < 0.85:
        return _password(rng)
    else:
        return _url_cred(rng)
    return v, v, fmt, bare


def _password(rng):
    pw, fmt, _ = V.gen_password(rng)
    shape = rng.choice(['password={v}', '"password": "{v}"', "passwd: {v}", "PGPASSWORD={v}",
                        "--password {v}", "db_password = '{v}'"])
    # The assignment is what identifies it; the protected value is the password.
    return shape.replace("{v}", pw), pw, fmt + "_" + shape.split("{")[0].strip(" =:'\"-") \
        .lower(), True


TYPES = {
    "email": (_plain(V.gen_email), 3),
    "phone": (_plain(V.gen_phone), 4),
    "credit_card": (_plain(V.gen_card), 3),
    "iban": (_plain(V.gen_iban), 3),
    "us_ssn": (_plain(V.gen_ssn), 2),
    "uk_nino": (_plain(V.gen_nino), 2),
    "cn_resident_id": (_plain(V.gen_cn_id), 2),
    "passport": (_plain(V.gen_passport), 2),
    "ip_address": (_plain(V.gen_ip), 2),
    "mac_address": (_plain(V.gen_mac), 1),
    "crypto_address": (_plain(V.gen_crypto), 2),
    "secret": (_secret, 6),
    "person": (_plain(V.gen_person), 4),
    "street_address": (_plain(V.gen_address), 2),
    "date_of_birth": (_plain(V.gen_dob), 2),
}

# Sentences per type and language; {v} is the value. Each carries the cue a
# careful detector may need (a passport number or a birth date is only one by
# context), in the language of the sentence.
T = {
    "email": {
        "en": ["Please send the invoice to {v} by Friday.", "You can reach me at {v}."],
        "zh": ["请把合同发到我的邮箱 {v}，谢谢。", "我的电子邮件是{v}"],
        "de": ["Bitte schicken Sie die Unterlagen an {v}.", "Meine E-Mail-Adresse lautet {v}."],
        "fr": ["Mon adresse e-mail est {v}, merci.", "Écrivez-moi à {v} demain."],
        "es": ["Mi correo electrónico es {v}.", "Envíalo a {v} por favor."],
    },
    "phone": {
        "en": ["Call me on {v} after six.", "My phone number is {v}."],
        "zh": ["我的电话是{v}，随时联系。", "手机号码：{v}"],
        "de": ["Meine Telefonnummer ist {v}.", "Rufen Sie mich unter {v} an."],
        "fr": ["Mon numéro de téléphone est le {v}.", "Appelez-moi au {v}."],
        "es": ["Mi teléfono es {v}.", "Llámame al {v} mañana."],
    },
    "credit_card": {
        "en": ["Charge my card {v} for the order.", "The card number is {v}, expiry 04/29."],
        "zh": ["我的信用卡号是{v}。", "请用这张卡付款：{v}"],
        "de": ["Meine Kreditkartennummer lautet {v}.", "Bitte belasten Sie die Karte {v}."],
        "fr": ["Ma carte bancaire : {v}.", "Le numéro de carte est {v}."],
        "es": ["Mi tarjeta de crédito es {v}.", "Cobra a la tarjeta {v}."],
    },
    "iban": {
        "en": ["Wire it to IBAN {v}.", "My bank account is {v}."],
        "zh": ["请汇款到账户 IBAN {v}。", "我的银行账号是{v}"],
        "de": ["Überweisen Sie bitte auf die IBAN {v}.", "Meine IBAN: {v}"],
        "fr": ["Mon IBAN est {v}.", "Virement sur le compte {v} s'il vous plaît."],
        "es": ["Mi IBAN es {v}.", "Transfiere a la cuenta {v}."],
    },
    "us_ssn": {
        "en": ["My SSN is {v}.", "Social Security number: {v}, please verify."],
        "zh": ["我的美国社会安全号码是{v}。", "SSN：{v}"],
        "de": ["Meine Sozialversicherungsnummer (SSN) ist {v}.", "SSN {v} bitte prüfen."],
        "fr": ["Mon numéro de sécurité sociale américain (SSN) est {v}.", "SSN : {v}"],
        "es": ["Mi número de seguro social es {v}.", "SSN: {v}"],
    },
    "uk_nino": {
        "en": ["My National Insurance number is {v}.", "NI number: {v}"],
        "zh": ["我的英国国民保险号码是{v}。", "NINO：{v}"],
        "de": ["Meine britische National Insurance Number ist {v}.", "NINO {v}"],
        "fr": ["Mon numéro National Insurance est {v}.", "NINO : {v}"],
        "es": ["Mi National Insurance number es {v}.", "NINO: {v}"],
    },
    "cn_resident_id": {
        "en": ["My Chinese ID card number is {v}.", "Resident ID: {v}"],
        "zh": ["我的身份证号是{v}。", "身份证号码：{v}，请核对。"],
        "de": ["Meine chinesische Ausweisnummer ist {v}.", "Personalausweis (China): {v}"],
        "fr": ["Mon numéro de carte d'identité chinoise est {v}.", "ID chinois : {v}"],
        "es": ["Mi documento de identidad chino es {v}.", "ID: {v}"],
    },
    "passport": {
        "en": ["My passport number is {v}.", "Passport No. {v}, expires 2031."],
        "zh": ["我的护照号码是{v}。", "护照号：{v}"],
        "de": ["Meine Reisepassnummer lautet {v}.", "Reisepass Nr. {v}"],
        "fr": ["Mon numéro de passeport est {v}.", "Passeport n° {v}"],
        "es": ["Mi número de pasaporte es {v}.", "Pasaporte: {v}"],
    },
    "ip_address": {
        "en": ["The server at {v} keeps timing out.", "My home IP address is {v}."],
        "zh": ["我的IP地址是{v}。", "服务器 {v} 连不上。"],
        "de": ["Meine IP-Adresse ist {v}.", "Der Server {v} antwortet nicht."],
        "fr": ["Mon adresse IP est {v}.", "Le serveur {v} ne répond plus."],
        "es": ["Mi dirección IP es {v}.", "El servidor {v} no responde."],
    },
    "mac_address": {
        "en": ["My laptop's MAC address is {v}.", "Block device {v} on the router."],
        "zh": ["我的网卡MAC地址是{v}。", "MAC：{v}"],
        "de": ["Die MAC-Adresse meines Geräts ist {v}.", "MAC {v} sperren."],
        "fr": ["L'adresse MAC de mon PC est {v}.", "Bloquez l'adresse MAC {v}."],
        "es": ["La dirección MAC es {v}.", "Bloquea la MAC {v}."],
    },
    "crypto_address": {
        "en": ["Send the BTC to {v}.", "My wallet address is {v}."],
        "zh": ["请转账到我的钱包地址{v}。", "钱包：{v}"],
        "de": ["Meine Wallet-Adresse ist {v}.", "Bitte an {v} senden."],
        "fr": ["Mon adresse de portefeuille est {v}.", "Envoyez à {v}."],
        "es": ["Mi monedero es {v}.", "Envía a {v}."],
    },
    "secret": {
        "en": ["Why does this fail? {v}", "Here is my config: {v}"],
        "zh": ["为什么这个配置不行？{v}", "我的密钥是 {v}"],
        "de": ["Warum schlägt das fehl? {v}", "Hier ist meine Konfiguration: {v}"],
        "fr": ["Pourquoi ça échoue ? {v}", "Voici ma configuration : {v}"],
        "es": ["¿Por qué falla esto? {v}", "Esta es mi configuración: {v}"],
    },
    "person": {
        "en": ["My name is {v} and I need help with my taxes.", "Dear {v}, thank you for your letter."],
        "zh": ["我叫{v}，想咨询一下。", "姓名：{v}"],
        "de": ["Ich heiße {v} und brauche Hilfe.", "Sehr geehrte Frau {v},"],
        "fr": ["Je m'appelle {v} et j'ai une question.", "Bonjour, je suis {v}."],
        "es": ["Me llamo {v} y tengo una pregunta.", "Estimado {v}:"],
    },
    "street_address": {
        "en": ["I live at {v}.", "Ship it to {v}."],
        "zh": ["我的地址是{v}。", "请寄到{v}"],
        "de": ["Meine Adresse ist {v}.", "Bitte liefern an {v}."],
        "fr": ["J'habite au {v}.", "Livrez à l'adresse {v}."],
        "es": ["Vivo en {v}.", "Envíalo a {v}."],
    },
    "date_of_birth": {
        "en": ["I was born on {v}.", "Date of birth: {v}"],
        "zh": ["我的出生日期是{v}。", "出生日期：{v}"],
        "de": ["Ich bin am {v} geboren.", "Geburtsdatum: {v}"],
        "fr": ["Je suis né le {v}.", "Date de naissance : {v}"],
        "es": ["Nací el {v}.", "Fecha de nacimiento: {v}"],
    },
}

LANG_WEIGHTS = [("en", 4), ("zh", 3), ("de", 2), ("fr", 2), ("es", 1)]

# Padding sentences so a value is never alone in a message, with some
# non-BMP characters so the writer's surrogate pairs are exercised.
FILLER = {
    "en": ["Thanks a lot! \U0001F64F", "Can you summarise this in two lines?"],
    "zh": ["谢谢！\U0001F60A", "请用两句话总结。"],
    "de": ["Vielen Dank im Voraus.", "Kannst du das kurz zusammenfassen?"],
    "fr": ["Merci d'avance \U0001F600", "Peux-tu résumer cela ?"],
    "es": ["Muchas gracias.", "¿Puedes resumirlo?"],
}

# Where the sentence goes. Every position is forwarded by the remote route,
# so every one is scanned before anything leaves.
POSITIONS = ["user", "system", "user_parts", "assistant", "user_early", "tool", "tool_args",
             "name", "tool_call_id", "user_field", "completion", "multi", "x_local",
             "tools_desc"]

ENCODINGS = ["utf8", "ascii", "ascii_solidus", "utf8"]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for k, w in pairs:
        x -= w
        if x <= 0:
            return k
    return pairs[-1][0]


def tool_call(call_id, args):
    return [{"id": call_id, "type": "function",
             "function": {"name": "save_note", "arguments": json.dumps({"note": args},
                                                                       ensure_ascii=False)}}]


def build_request(rng, position, sentence, bare_value, lang):
    """An OpenAI request body (without model/stream) with sentence in position."""
    fill = rng.choice(FILLER[lang])
    ask = {"role": "user", "content": fill}
    sys_msg = {"role": "system", "content": "You are a helpful assistant."}
    if position == "user":
        return {"messages": [sys_msg, {"role": "user", "content": sentence + " " + fill}]}
    if position == "system":
        return {"messages": [{"role": "system", "content": "Context for this user: " + sentence},
                             ask]}
    if position == "user_parts":
        return {"messages": [sys_msg, {"role": "user", "content": [
            {"type": "text", "text": fill}, {"type": "text", "text": sentence}]}]}
    if position == "assistant":
        return {"messages": [{"role": "user", "content": "What did I tell you earlier?"},
                             {"role": "assistant", "content": "You said: " + sentence}, ask]}
    if position == "user_early":
        return {"messages": [sys_msg, {"role": "user", "content": sentence},
                             {"role": "assistant", "content": "Noted."}, ask]}
    if position == "tool":
        cid = "call_" + V.rand_str(rng, V.ALNUM, 12)
        return {"messages": [{"role": "user", "content": "Look up my record."},
                             {"role": "assistant", "content": None,
                              "tool_calls": tool_call(cid, "lookup")},
                             {"role": "tool", "tool_call_id": cid, "content": sentence}, ask]}
    if position == "tool_args":
        cid = "call_" + V.rand_str(rng, V.ALNUM, 12)
        return {"messages": [{"role": "user", "content": "Save a note for me."},
                             {"role": "assistant", "content": None,
                              "tool_calls": tool_call(cid, sentence)},
                             {"role": "tool", "tool_call_id": cid, "content": "saved"}, ask]}
    if position == "name":
        return {"messages": [sys_msg, {"role": "user", "name": bare_value,
                                       "content": "Hello! " + fill}]}
    if position == "tool_call_id":
        return {"messages": [{"role": "user", "content": "Look it up."},
                             {"role": "assistant", "content": None,
                              "tool_calls": tool_call(bare_value, "lookup")},
                             {"role": "tool", "tool_call_id": bare_value, "content": "found"},
                             ask]}
    if position == "user_field":
        return {"user": bare_value, "messages": [sys_msg, ask]}
    if position == "completion":
        return {"prompt": sentence + "\n" + fill}
    if position == "tools_desc":
        # a tool's schema, which is forwarded as the client wrote it
        return {"messages": [sys_msg, ask],
                "tools": [{"type": "function", "function": {
                    "name": "lookup", "description": "Context: " + sentence,
                    "parameters": {"type": "object", "properties": {}}}}]}
    if position == "x_local":
        # edgeway's extension: this message stays on the device, whatever it holds
        return {"messages": [sys_msg, {"role": "user", "content": sentence,
                                       "x_edgeway": {"local": True}},
                             {"role": "assistant", "content": "Noted."}, ask]}
    raise ValueError(position)


def make_value(rng, typ, used):
    gen = TYPES[typ][0]
    for _ in range(50):
        embed, protect, fmt, bare = gen(rng)
        if protect.lower() not in used:  # the scan ignores case
            used.add(protect.lower())
            return embed, protect, fmt, bare
    raise RuntimeError(f"cannot make a fresh {typ} value")


def sentence_for(rng, typ, lang, embed):
    return rng.choice(T[typ][lang]).replace("{v}", embed)


def make_case(rng, i, used):
    typ = weighted(rng, [(t, w) for t, (_, w) in TYPES.items()])
    lang = weighted(rng, LANG_WEIGHTS)
    position = POSITIONS[i % len(POSITIONS)]
    embed, protect, fmt, bare = make_value(rng, typ, used)
    case = {"id": "g%04d" % i, "protect": [{"type": typ, "value": protect}],
            "encoding": ENCODINGS[(i // len(POSITIONS)) % len(ENCODINGS)],
            "meta": {"type": typ, "format": fmt, "lang": lang, "position": position}}
    if position == "x_local":
        case["protect"][0]["scope"] = "all"
    if position in ("name", "tool_call_id", "user_field") and not bare:
        # A field that holds a bare value needs a shape that says what it is.
        position = case["meta"]["position"] = "user"
    if position == "multi":
        # Several values of several types, in several messages of one conversation.
        parts = []
        for _ in range(rng.randint(2, 4)):
            t2 = weighted(rng, [(t, w) for t, (_, w) in TYPES.items()])
            e2, p2, f2, _ = make_value(rng, t2, used)
            case["protect"].append({"type": t2, "value": p2})
            parts.append(sentence_for(rng, t2, rng.choice(list(T[t2])), e2))
        msgs = [{"role": "system", "content": sentence_for(rng, typ, lang, embed)}]
        for k, s in enumerate(parts):
            msgs.append({"role": "user" if k % 2 == 0 else "assistant", "content": s})
        if msgs[-1]["role"] != "user":
            msgs.append({"role": "user", "content": rng.choice(FILLER[lang])})
        case["request"] = {"messages": msgs}
        return case
    case["request"] = build_request(rng, position, sentence_for(rng, typ, lang, embed), embed,
                                    lang)
    return case


def generate(count, seed):
    rng = random.Random(seed)
    used = set()
    return [make_case(rng, i, used) for i in range(count)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=240)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("-o", "--output", help="write here (default stdout)")
    args = ap.parse_args()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    for c in generate(args.count, args.seed):
        out.write(json.dumps(c, ensure_ascii=False) + "\n")
    if args.output:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
