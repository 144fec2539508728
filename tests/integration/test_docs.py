#!/usr/bin/env python3
"""The docs work when pasted. Over README.md, docs/*.md and the other READMEs:

1. Every ```yaml block is a config `edgeway check` accepts: either a complete
   one (it has `version:`), or a fragment whose first line is a YAML comment
   saying so and whose marker line names a base config; the fragment's
   top-level keys replace the base's, and the result is checked. So is every
   conf/*.yaml (conf/README.md says `edgeway check` accepts each).
2. Every `edgeway <command> ... --flag` in a shell block or inline code names a
   command and flags that `edgeway <command> --help` lists, and every command
   `edgeway --help` lists is shown somewhere; every flag given
   to a script or benchmark (`bench/x.py --n`, `build/bench_x --rounds`)
   appears in that program's source.
3. Every metric (`edgeway_*`), `EW_*` name, `x-edgeway-*` header and C name
   (`ew_*`, `ew__*`; `ew_router_new_*` for a family) the docs mention exists
   in the code, every source file they name exists, and every
   relative link reaches a file and heading.
4. A shell line `edgeway ...  # OUTPUT` whose comment is JSON prints it, and
   every ```json block parses.
5. Every range docs/config.md gives a numeric, duration or size key (1..64,
   100ms..1h, 1KiB..64MiB) is the one `edgeway check` enforces.

A marker is an HTML comment on the line just before the fence:
  <!-- docs-check: fragment of conf/edgeway.yaml -->
  <!-- docs-check: save as conf/split.yaml -->  (where a complete config goes)
  <!-- docs-check: same as certs/trust.yaml -->  (the block is that file,
                                                   comments aside)
Configs are checked in a scratch tree laid out like a clone: SRC/conf holds
copies of conf/, SRC/../shared is EW_SHARED, SRC/conf/certs the test TLS
material (tests/data/tls) for snippets naming certs/server.crt, certs/ca.crt;
a save path under $D/ gets the PKI of the README's admin setup (made with
certs/dev-ca.sh and `edgeway sign --new-key`). Python standard library only.
"""
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

from ewtest import EW_BIN, EW_SRC, check

EW_SHARED = os.environ.get("EW_SHARED") or os.path.join(EW_SRC, "..", "shared")
DOCS = ["README.md", "docs/*.md", "*/README.md", "tests/*/README.md", "tests/*/*/README.md"]
CODE_DIRS = ["core", "policy", "router", "local", "remote", "certs", "gateway", "include",
             "bench", "examples", "scripts", "tests", "conf"]
CODE_EXT = (".c", ".h", ".py", ".sh", ".mjs", ".def", ".in")
SHELL_LANGS = ("", "sh", "bash", "shell", "console")
NAME_RX = {
    "metric": re.compile(r"(?<![\w-])edgeway_[a-z0-9_]*[a-z0-9]"),
    "EW_ name": re.compile(r"(?<![\w])EW_[A-Z0-9_]*[A-Z0-9]"),
    "header": re.compile(r"(?<![\w-])x-edgeway-[a-z0-9-]*[a-z0-9]"),
    "C name": re.compile(r"(?<![\w])ew__?[a-z][a-z0-9_]*[a-z0-9]"),
}


def doc_files():
    seen = []
    for pat in DOCS:
        for p in sorted(glob.glob(os.path.join(EW_SRC, pat))):
            rel = os.path.relpath(p, EW_SRC)
            if rel not in seen and "node_modules" not in rel and not rel.startswith("build"):
                seen.append(rel)
    return seen


def read(rel):
    with open(os.path.join(EW_SRC, rel), encoding="utf-8") as f:
        return f.read()


def blocks(text):
    """(lang, first line number, body, marker) of every fenced block, and the
    text outside them."""
    out, prose, lines = [], [], text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(\w*)\s*$", lines[i])
        prose.append("" if m else lines[i])  # keeps line numbers
        if not m:
            i += 1
            continue
        indent, lang, start = m.group(1), m.group(2), i + 1
        prev = lines[i - 1] if i else ""
        mk = re.match(r"^\s*<!--\s*docs-check:\s*(.*?)\s*-->\s*$", prev)
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            line = lines[i]
            body.append(line[len(indent):] if line.startswith(indent) else line)
            prose.append("")
            i += 1
        prose.append("")
        i += 1
        out.append((lang, start, "\n".join(body) + "\n", mk.group(1) if mk else None))
    return out, "\n".join(prose)


# ---- 1. YAML blocks ------------------------------------------------------------

def top_sections(text):
    """The top-level keys of a YAML document, each with its lines (comments and
    blank lines before a key belong to the key before)."""
    order, sections, key = [], {}, None
    for line in text.split("\n"):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m:
            key = m.group(1)
            order.append(key)
            sections[key] = []
        sections.setdefault(key, []).append(line)
    return order, sections


def merge(base, fragment):
    """base with each top-level key the fragment has replaced by the fragment's."""
    b_order, b_sec = top_sections(base)
    f_order, f_sec = top_sections(fragment)
    out = list(b_sec.get(None, []))
    for k in b_order:
        out += f_sec[k] if k in f_sec else b_sec[k]
    for k in f_order:
        if k not in b_sec:
            out += f_sec[k]
    return "\n".join(out) + "\n"


def strip_comments(text):
    rows = [re.sub(r"\s+#.*$", "", l).rstrip() for l in text.split("\n")]
    return [r for r in rows if r and not r.lstrip().startswith("#")]


class Sandbox:
    """A scratch tree where relative paths resolve as in a clone."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.src = os.path.join(tmp, "src")
        os.symlink(os.path.abspath(EW_SHARED), os.path.join(tmp, "shared"))
        shutil.copytree(os.path.join(EW_SRC, "conf"), os.path.join(self.src, "conf"))
        certs = os.path.join(self.src, "conf", "certs")
        os.makedirs(certs)
        tls = os.path.join(EW_SRC, "tests", "data", "tls")
        for src, dst in (("server.pem", "server.crt"), ("server.key", "server.key"),
                         ("ca.pem", "ca.crt")):
            shutil.copy(os.path.join(tls, src), os.path.join(certs, dst))
        self.d = None

    def admin_setup(self):
        """$D of the README's admin setup: pki/ from certs/dev-ca.sh, admin.pub."""
        if self.d:
            return self.d
        self.d = os.path.join(self.tmp, "D")
        ca = os.path.join(EW_SRC, "certs", "dev-ca.sh")
        pki = os.path.join(self.d, "pki")
        for cmd in (["bash", ca, "ca", pki], ["bash", ca, "server", pki, "gateway", "localhost"],
                    [EW_BIN, "sign", "--new-key", os.path.join(self.d, "admin")]):
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            check(r.returncode == 0, f"{' '.join(cmd)}: {r.stderr}")
        return self.d

    def path(self, where):
        if where.startswith("$D/"):
            return os.path.join(self.admin_setup(), where[3:])
        return os.path.join(self.src, where)


def check_config(sandbox, where, text):
    path = sandbox.path(where)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    r = subprocess.run([EW_BIN, "check", "-c", path], capture_output=True, text=True, timeout=60)
    if r.returncode == 0 and ": ok:" in r.stdout:
        return None
    return (r.stdout + r.stderr).replace(path, where).strip()


def yaml_problems(sandbox, rel, line, body, marker):
    where = f"{rel}:{line}"
    fragment = same = save = None
    for d in filter(None, (x.strip() for x in (marker or "").split(";"))):
        m = re.fullmatch(r"(fragment of|same as|save as)\s+(\S+)", d)
        if not m:
            return [f"{where}: unknown docs-check directive '{d}'"]
        if m.group(1) == "fragment of":
            fragment = m.group(2)
        elif m.group(1) == "same as":
            same = m.group(2)
        else:
            save = m.group(2)
    problems = []
    if same and strip_comments(read(same)) != strip_comments(body):
        problems.append(f"{where}: the block says it is {same} but differs from it")
    if fragment:
        first = body.split("\n", 1)[0]
        if not (first.startswith("#") and "fragment" in first):
            problems.append(f"{where}: a fragment's first line must be a comment saying so")
        text = merge(read(fragment), body)
        save = save or os.path.join(os.path.dirname(fragment), f"docs-{line}.yaml")
    elif re.search(r"^version\s*:", body, re.M):
        text = body
        save = save or f"conf/docs-{line}.yaml"
    else:
        return [f"{where}: neither a complete config (no 'version:') nor marked "
                f"'<!-- docs-check: fragment of BASE -->' on the line before the fence"]
    err = check_config(sandbox, save, text)
    if err:
        problems.append(f"{where}: edgeway check refuses it"
                        f"{' merged into ' + fragment if fragment else ''}:\n    "
                        + err.replace("\n", "\n    "))
    return problems


# ---- 2. commands and flags -----------------------------------------------------

def command_texts(text):
    """Shell lines of code blocks and inline code spans, with their line numbers."""
    bl, prose = blocks(text)
    out = []
    for lang, start, body, _ in bl:
        if lang not in SHELL_LANGS:
            continue
        for n, line in enumerate(re.sub(r"\\\n\s*", " ", body).split("\n")):
            out.append((start + 1 + n, line))
    # Inline spans may wrap across lines; number them by where they start.
    for m in re.finditer(r"`([^`]+)`", prose):
        if "\n\n" not in m.group(1):
            out.append((prose.count("\n", 0, m.start()) + 1, m.group(1).replace("\n", " ")))
    return out


def args_of(rest):
    rest = re.split(r"\||;|&&|\s#|\s&|\s>|\s<|`", rest, maxsplit=1)[0]
    rest = re.sub(r"'[^']*'|\"[^\"]*\"", "''", rest)
    return [re.sub(r"=.*", "", f) for f in re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", rest)]


def has_token(hay, tok):
    return re.search(r"(?<![\w-])" + re.escape(tok) + r"(?![\w-])", hay) is not None


_help = {}


def help_of(cmd):
    if cmd not in _help:
        argv = [EW_BIN] + ([cmd, "--help"] if cmd else ["--help"])
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        _help[cmd] = r.stdout + r.stderr
    return _help[cmd]


def commands():
    return set(re.findall(r"^  (\w+)\s", help_of(None), re.M))


def program_source(prog):
    """The source text of a script or benchmark the docs run, or None. A bare
    name is looked for in the code folders; bench/X.sh passes its options to
    bench_X, so bench/X.c counts too."""
    m = re.search(r"(?:^|/)bench_(\w+)$", prog)
    if m:
        paths = [f"bench/{m.group(1)}.c", "bench/loadgen.h"]
    elif "/" in prog:
        paths = [prog, re.sub(r"\.sh$", ".c", prog)]
    else:
        paths = [os.path.relpath(p, EW_SRC) for d in CODE_DIRS
                 for p in glob.glob(os.path.join(EW_SRC, d, "**", prog), recursive=True)]
    texts = [read(p) for p in paths if os.path.isfile(os.path.join(EW_SRC, p))]
    return "\n".join(texts) if texts else None


def flag_problems(rel, text):
    problems, known = [], commands()
    for line, t in command_texts(text):
        for m in re.finditer(r"(?:^|(?<=[\s/(]))edgeway\s+([a-z][a-z-]*)\b", t):
            cmd = m.group(1)
            if cmd not in known:
                problems.append(f"{rel}:{line}: 'edgeway {cmd}': no such command")
                continue
            for flag in args_of(t[m.end():]):
                if not has_token(help_of(cmd), flag):
                    problems.append(f"{rel}:{line}: 'edgeway {cmd} {flag}': not in "
                                    f"'edgeway {cmd} --help'")
        for m in re.finditer(r"(?:^|(?<=[\s(]))((?:\./)?(?:[\w.-]+/)*(?:[\w-]+\.(?:py|sh)|bench_\w+))"
                             r"(?=\s|$)", t):
            flags = args_of(t[m.end():])
            src = program_source(m.group(1).removeprefix("./")) if flags else ""
            if src is None:
                problems.append(f"{rel}:{line}: '{m.group(1)}': no such program here")
                continue
            for flag in flags:
                if not has_token(src, flag):
                    problems.append(f"{rel}:{line}: '{m.group(1)} {flag}': not in its source")
    return problems


# ---- 3. names ------------------------------------------------------------------

def code_tokens():
    hay = []
    for d in CODE_DIRS:
        for root, dirs, files in os.walk(os.path.join(EW_SRC, d)):
            dirs[:] = [x for x in dirs if x != "node_modules"]
            for f in files:
                if f.endswith(CODE_EXT) and f != os.path.basename(__file__):
                    with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
                        hay.append(fh.read())
    for f in ("CMakeLists.txt", "Makefile"):
        hay.append(read(f))
    hay = "\n".join(hay)
    return {kind: set(rx.findall(hay)) for kind, rx in NAME_RX.items()}


def name_problems(rel, text, known):
    problems = []
    metrics = known["metric"] | {m + s for m in known["metric"]
                                 for s in ("_bucket", "_sum", "_count")}
    for n, line in enumerate(text.split("\n"), 1):
        for kind, rx in NAME_RX.items():
            for m in rx.finditer(line):
                name, names = m.group(0), metrics if kind == "metric" else known[kind]
                ok = name in names
                if line.startswith("_*", m.end()):  # ew_router_new_*: a family
                    ok = any(x.startswith(name + "_") for x in names)
                if not ok:
                    problems.append(f"{rel}:{n}: {kind} '{name}' is not in the code")
        # `edgeway_x_y_total`, `_z_total`: the short form repeats a prefix.
        last = None
        for m in re.finditer(r"`(edgeway_[a-z0-9_]+|_[a-z][a-z0-9_]*)(?:\{[^`]*\})?`", line):
            tok = m.group(1)
            if tok.startswith("edgeway_"):
                last = tok
            elif last:
                cands = [last[:i] + tok for i, c in enumerate(last) if c == "_"]
                if not any(c in metrics for c in cands):
                    problems.append(f"{rel}:{n}: metric '{tok}' (after {last}) is not in the code")
    return problems


def path_problems(rel, text):
    """Source files the docs name (core/json.h, tests/unit/test_local_{quant,
    kernels}.c) exist."""
    problems = []
    top = "|".join(CODE_DIRS)
    rx = re.compile(r"(?<![\w./-])((?:" + top + r")/(?:[\w.-]+/)*[\w.{},\s-]*?"
                    r"\.(?:c|h|py|sh|mjs))(?![\w])")
    for m in rx.finditer(text):
        path = re.sub(r"\s+", "", m.group(1))
        alt = re.fullmatch(r"(.*)\{([^}]*)\}(.*)", path)
        line = text.count("\n", 0, m.start()) + 1
        alts = [alt.group(1) + x + alt.group(3) for x in alt.group(2).split(",")] if alt else [path]
        for p in alts:
            if "*" not in p and not os.path.exists(os.path.join(EW_SRC, p)):
                problems.append(f"{rel}:{line}: '{p}' does not exist")
    return problems


def slug(heading):
    """GitHub's anchor for a heading."""
    h = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return h.replace(" ", "-")


def link_problems(rel, text):
    """Relative links [x](path#anchor) reach a file, and a heading in it."""
    problems = []
    prose = blocks(text)[1]
    for m in re.finditer(r"\]\(([^)\s]+)\)", prose):
        target = m.group(1)
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        line = prose.count("\n", 0, m.start()) + 1
        full = os.path.normpath(os.path.join(os.path.dirname(rel), path)) if path else rel
        if not os.path.exists(os.path.join(EW_SRC, full)):
            problems.append(f"{rel}:{line}: link to '{target}': no such file")
        elif anchor and full.endswith(".md"):
            heads = re.findall(r"^#+\s+(.*)$", blocks(read(full))[1], re.M)
            if anchor not in {slug(h) for h in heads}:
                problems.append(f"{rel}:{line}: link to '{target}': no such heading")
    return problems


def output_problems(rel, text):
    """A shell line `edgeway ...  # OUTPUT` whose comment is JSON (token ids,
    PII spans) prints that JSON; model.gguf stands for stories260K."""
    problems = []
    model = os.path.join(os.path.abspath(EW_SHARED), "models", "stories260K.gguf")
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(EW_BIN)) + ":" + os.environ["PATH"])
    for lang, start, body, _ in blocks(text)[0]:
        if lang not in SHELL_LANGS:
            continue
        for n, line in enumerate(body.split("\n")):
            m = re.match(r"^(.*\bedgeway\s+[a-z]+\b.*?)\s+#\s+(.+)$", line)
            if not m:
                continue
            try:
                want = json.loads(m.group(2))
            except ValueError:
                continue
            cmd = m.group(1).replace("model.gguf", shlex.quote(model))
            r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, env=env,
                               cwd=EW_SRC, timeout=60)
            try:
                got = json.loads(r.stdout)
            except ValueError:
                got = r.stdout + r.stderr
            if got != want:
                problems.append(f"{rel}:{start + 1 + n}: '{m.group(1).strip()}' prints {got}, "
                                f"the docs say {m.group(2)}")
    return problems


# ---- 5. ranges in docs/config.md -------------------------------------------------

# Where the keys of each section's tables live; "[]" is the first list item.
RANGE_PATHS = {"server": "server.limits", "server/tls": "server.listen[]", "auth": "auth",
               "models": "models[]", "backends": "backends[]", "verify": "verify", "pii": "pii",
               "device": "device", "difficulty": "difficulty", "routing": "routing",
               "cascade": "routing.cascade", "speculative": "routing.speculative",
               "split": "routing.split"}
# What a map there needs besides the probed key.
RANGE_CONTEXT = {"server.listen[].tls": [("server.listen[].address", "127.0.0.1:0"),
                                         ("server.listen[].tls.cert", "certs/server.crt"),
                                         ("server.listen[].tls.key", "certs/server.key")]}
UNITS = {"ms": 1, "s": 1000, "m": 60000, "h": 3600000, "d": 86400000,
         "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40}
RANGE_RX = r"(-?[\d.,]+(?:e\d+)?)(ms|s|m|h|d|KiB|MiB|GiB|TiB)?"


def value_of(num, unit):
    return float(num.replace(",", "")) * UNITS.get(unit or "", 1)


def documented_ranges():
    """(yaml path, type, low, high, line) for each key of docs/config.md whose
    description starts with a range such as 1..1,000,000 or 100ms..1h."""
    out, section = [], None
    for n, line in enumerate(read("docs/config.md").split("\n"), 1):
        h = re.match(r"^##+ (\w+)", line)
        if h:
            section = h.group(1)
        cols = [c.strip() for c in line.split("|")]
        if section not in RANGE_PATHS or len(cols) < 6 or not cols[1].startswith("`"):
            continue
        m = re.match(r"^(?:°C, )?" + RANGE_RX + r"\.\." + RANGE_RX + r"(?![\w.])", cols[4])
        if not m or cols[2] not in ("integer", "number", "duration", "size"):
            continue
        key = cols[1].strip("`").replace("keys[].", "keys[].")
        base = RANGE_PATHS["server/tls" if key.startswith("tls.") else section]
        out.append((base + "." + key, cols[2], value_of(*m.group(1, 2)),
                    value_of(*m.group(3, 4)), n))
    return out


def emit(pairs):
    """A YAML document setting dotted paths ("a.b[].c": a list of one map)."""
    tree = {}
    for path, value in pairs:
        node, parts = tree, path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value

    def render(node, indent):
        out = []
        for k, v in node.items():
            if not isinstance(v, dict):
                out.append(f"{indent}{k}: {v}")
            elif k.endswith("[]"):
                item = render(v, indent + "    ")
                out += [f"{indent}{k[:-2]}:", f"{indent}  - " + item[0].lstrip()] + item[1:]
            else:
                out += [f"{indent}{k}:"] + render(v, indent + "  ")
        return out

    return "version: 1\n" + "\n".join(render(tree, "")) + "\n"


def range_problems(sandbox):
    """Each documented range is the one `edgeway check` enforces: a value just
    above it is refused with 'out of range (LOW to HIGH)'."""
    problems, ranges = [], documented_ranges()
    # The parser must still see the tables (there are over 50 ranges).
    check(len(ranges) >= 40, f"only {len(ranges)} ranges found in docs/config.md")
    for path, kind, lo, hi, line in ranges:
        probe = {"duration": f"{int(hi) + 1}ms", "size": str(int(hi) + 1)}.get(kind, hi + 1)
        if kind == "integer":
            probe = int(hi) + 1
        pairs = [(path, probe)] + RANGE_CONTEXT.get(path.rsplit(".", 1)[0], [])
        err = check_config(sandbox, "conf/docs-range.yaml", emit(pairs)) or ""
        m = re.search(r"out of range \((-?[\d.e+]+)(?:ms)? to (-?[\d.e+]+)(?:ms| bytes)?\)", err)
        if not m or (float(m.group(1)), float(m.group(2))) != (lo, hi):
            problems.append(f"docs/config.md:{line}: {path} {kind} documented {lo:g}..{hi:g}, "
                            f"edgeway check says: {err or 'ok'}")
    return problems


# ---- the test ------------------------------------------------------------------

def self_test(sandbox, known):
    """The checkers find what they are for, so a green run means something."""
    bad = ("```sh\nedgeway serve -c x.yaml --no-such-flag\nedgeway frobnicate\n"
           "echo 'hi' | edgeway pii   # [{\"type\": \"email\"}]\n"
           "python3 bench/pii_eval.py --no-such-option\n```\n"
           "`edgeway_no_such_total`, `EW_NO_SUCH_VAR`, `x-edgeway-no-such`, `ew_no_such_*`; "
           "`edgeway_requests_total`, `_no_such_suffix`; `core/no_such.c`; "
           "[a](README.md#no-such-heading), [b](no/such.md)\n")
    p = (flag_problems("self", bad) + name_problems("self", bad, known) +
         path_problems("self", bad) + link_problems("self", bad) + output_problems("self", bad))
    check(len(p) == 12, "self-test: expected 12 problems, got:\n" + "\n".join(p))
    partial = "routing:\n  default: remote\n  fallbacks: [local]\n"
    check(yaml_problems(sandbox, "self", 1, partial, None),
          "self-test: an unmarked partial config passed")
    frag = "# fragment: an unknown backend\nrouting:\n  default: {route: remote, backend: nope}\n"
    check(yaml_problems(sandbox, "self", 1, frag, "fragment of conf/edgeway.yaml"),
          "self-test: a fragment naming an unknown backend passed")


def main():
    check(EW_BIN, "EW_BIN is not set")
    known = code_tokens()
    problems, n_yaml, n_cmd, used = [], 0, 0, set()
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = Sandbox(tmp)
        self_test(sandbox, known)
        # conf/README.md: "edgeway check -c FILE validates any of them".
        problems += range_problems(sandbox)
        for conf in sorted(glob.glob(os.path.join(EW_SRC, "conf", "*.yaml"))):
            rel = os.path.relpath(conf, EW_SRC)
            err = check_config(sandbox, rel, read(rel))
            if err:
                problems.append(f"{rel}: edgeway check refuses it:\n    {err}")
        for rel in doc_files():
            text = read(rel)
            for lang, line, body, marker in blocks(text)[0]:
                if lang == "yaml":
                    n_yaml += 1
                    problems += yaml_problems(sandbox, rel, line, body, marker)
                elif lang == "json":
                    try:
                        json.loads(body)
                    except ValueError as e:
                        problems.append(f"{rel}:{line}: the JSON block does not parse: {e}")
            problems += flag_problems(rel, text)
            problems += name_problems(rel, text, known)
            problems += path_problems(rel, text)
            problems += link_problems(rel, text)
            problems += output_problems(rel, text)
            shown = [c for _, t in command_texts(text) for c in re.findall(r"\bedgeway\s+([a-z]+)", t)]
            n_cmd += len(shown)
            used |= set(shown)
        problems += [f"'edgeway {c}' is in 'edgeway --help' but no doc shows it"
                     for c in sorted(commands() - used - {"version"})]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"test_docs: ok: {len(doc_files())} files, {n_yaml} YAML blocks checked, "
          f"{n_cmd} command lines, {len(documented_ranges())} config ranges; every metric, "
          "EW_ name, header, C name, source file and link found")


if __name__ == "__main__":
    main()
