#!/usr/bin/env python3
"""Scores `edgeway pii` on secret examples written by other people: the
true- and false-positive strings that gitleaks' rules carry, trufflehog's
detector tests and detect-secrets' plugin tests.

  python3 bench/pii_secrets_external.py GITLEAKS [--bin build/edgeway]
      [--rev HEAD] [--seed 1] [--misses 40] [--dump FILE] [--json]

GITLEAKS is a gitleaks checkout: a work tree, or a bare git directory (the
files are then read with `git -C GITLEAKS show REV:path`). Optional: nothing
of gitleaks is stored in this repository, the script reads the user's copy
(CI has no network, so this is not a ctest test).

What is extracted. Each rule in cmd/generate/config/rules/*.go ends in
utils.Validate(r, tps, fps) (or ValidateWithPaths with path->text maps);
tps are positives, fps negatives. The Go source is read by a small
evaluator of Go expressions: string literals (raw and interpreted) and their
`+` concatenation, []string / map literals, append, fmt.Sprintf,
strings.ToUpper/ToLower/Repeat, the one-line helpers of
cmd/generate/config/utils (AlphaNumeric("20") -> "[a-z0-9]{20}", ...) and
utils.GenerateSampleSecret(s), whose templates ("{i}Token = \\"{s}\\"", ...)
are read from the checkout's utils/generate.go. secrets.NewSecret(regex)
draws one string matching the regex with this script's own generator
(seeded per rule, so a run is reproducible; an unbounded repeat draws at most
one more than its minimum, as gitleaks' generator does with limit 1), and
newPlausibleSecret redraws until the value holds a digit 1-9 and none of
the rules' DefaultStopWords. Anything else (base64 of code-built JWTs,
loops) is skipped and counted: the report says how many expressions were.

Examples fall into three kinds, scored apart:
  literal    a string written in the rule file;
  templated  a literal secret put into the generate.go templates;
  generated  anything holding a NewSecret/newPlausibleSecret value.

trufflehog checkouts (pkg/detectors/**/*_test.go) are read the same way:
each pattern test's table of {name, input, want} cases; a case whose `want`
lists values is a positive (value-overlap uses its first value), an empty
`want` a negative. Kinds there: literal, or templated for fmt.Sprintf.

Yelp's detect-secrets checkouts (detect_secrets/plugins present) are read by
bench/pii_secrets_pytests.py: each test function that hands text to the
scanner, with the rows of its @pytest.mark.parametrize tables; what the test
asserts of the output is the label. Kinds: literal, or templated for text
built with format() and the like. A line repeated for each file type the
suite tests counts once.

Scoring, as bench/pii_eval.py scores the noseyparker examples: a positive
counts as found when the scanner reports any `secret` span in it; a
negative is a false hit when it has any `secret` span, and negatives whose
text is also some rule's positive (gitleaks' path-only negatives) are left
out. Where the secret value is known (the templates' {s}) the stricter
"value overlapped by a secret span" recall is printed too. False hits that
are near copies (90% similar text) of a positive of the same rule are
counted apart: such negatives are a key with a character changed.
"""
import argparse
import base64
import difflib
import json
import os
import random
import re
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pii_eval import run_scanner  # noqa: E402
import pii_secrets_pytests  # noqa: E402

try:
    import re._parser as sre_parse  # Python >= 3.11
    import re._constants as sre_c
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse
    import sre_constants as sre_c

RULES_DIR = 'cmd/generate/config/rules'
UTILS_DIR = 'cmd/generate/config/utils'


# ---------------------------------------------------------------- reading
def list_go(root, rev, sub):
    if os.path.isdir(os.path.join(root, sub)):
        return sorted(f for f in os.listdir(os.path.join(root, sub)) if f.endswith('.go'))
    out = subprocess.run(['git', '-C', root, 'ls-tree', '--name-only', '%s:%s' % (rev, sub)],
                         capture_output=True, text=True, check=True).stdout
    return sorted(f for f in out.split() if f.endswith('.go'))


_CAT = {}


def read_go(root, rev, path):
    if os.path.isfile(os.path.join(root, path)):
        with open(os.path.join(root, path), encoding='utf-8') as f:
            return f.read()
    cat = _CAT.get(root)
    if cat is None:  # one `git cat-file --batch` for all the blobs
        cat = _CAT[root] = subprocess.Popen(['git', '-C', root, 'cat-file', '--batch'],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    cat.stdin.write(('%s:%s\n' % (rev, path)).encode())
    cat.stdin.flush()
    head = cat.stdout.readline().split()
    if len(head) < 3:
        raise SystemExit('cannot read %s:%s from %s' % (rev, path, root))
    body = cat.stdout.read(int(head[2]) + 1)[:-1]
    return body.decode('utf-8', 'replace')


# ---------------------------------------------------------------- Go tokens
TOKEN = re.compile(r'''
  (?P<ws>[ \t\r]+) | (?P<nl>\n) | (?P<lc>//[^\n]*) | (?P<bc>/\*.*?\*/)
| (?P<raw>`[^`]*`) | (?P<str>"(?:[^"\\\n]|\\.)*") | (?P<rune>'(?:[^'\\\n]|\\.)+')
| (?P<num>\d+(?:\.\d+)?) | (?P<id>[A-Za-z_]\w*)
| (?P<op>\.\.\.|:=|==|!=|<=|>=|&&|\|\||\+\+|--|[-+*/%&|^!<>=]=?|[.,;:(){}\[\]~])
''', re.S | re.X)
# A newline ends a statement after these (Go's semicolon rule).
ENDS_LINE = {'id', 'str', 'raw', 'rune', 'num'}
ENDS_LINE_OPS = {')', ']', '}', '++', '--'}
GO_ESC = {'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11,
          '\\': 92, "'": 39, '"': 34}


def go_unquote(lit):
    """The bytes of a Go interpreted string literal, decoded as UTF-8."""
    body, out, i = lit[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        e = body[i + 1]
        if e in GO_ESC:
            out.append(GO_ESC[e])
            i += 2
        elif e == 'x':
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif e in 'uU':
            n = 4 if e == 'u' else 8
            out += chr(int(body[i + 2:i + 2 + n], 16)).encode('utf-8')
            i += 2 + n
        else:  # octal \NNN
            out.append(int(body[i + 1:i + 4], 8) & 0xff)
            i += 4
    return out.decode('utf-8', 'replace')


def tokenize(src):
    toks = []
    for m in TOKEN.finditer(src):
        kind, text = m.lastgroup, m.group()
        if kind in ('ws', 'lc'):
            continue
        if kind == 'nl' or (kind == 'bc' and '\n' in text):
            last = toks[-1] if toks else None
            if last and (last[0] in ENDS_LINE or (last[0] == 'op' and last[1] in ENDS_LINE_OPS)):
                toks.append(('op', ';'))
            continue
        if kind == 'bc':
            continue
        toks.append((kind, text))
    toks.append(('op', ';'))
    toks.append(('eof', ''))
    return toks


# ---------------------------------------------------------------- Go parser
# Nodes are tuples: ('lit', str), ('id', name), ('sel', node, name),
# ('call', fn, args, spread), ('comp', type, [(key, value)]), ('bin', op, a, b),
# ('other',) for anything this evaluator does not need.
class Parser:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self, k=0):
        return self.t[self.i + k]

    def next(self):
        tok = self.t[self.i]
        self.i += 1
        return tok

    def isop(self, text, k=0):
        tok = self.peek(k)
        return tok[0] == 'op' and tok[1] == text

    def expect(self, text):
        tok = self.next()
        if tok[1] != text:
            raise SyntaxError('expected %r, got %r near token %d' % (text, tok[1], self.i))

    def skip_balanced(self):
        """Skips one bracketed group starting at the current opener."""
        depth = 0
        while True:
            tok = self.next()
            if tok[0] == 'eof':
                raise SyntaxError('unbalanced brackets')
            if tok[0] == 'op' and tok[1] in '([{':
                depth += 1
            elif tok[0] == 'op' and tok[1] in ')]}':
                depth -= 1
                if depth == 0:
                    return

    def skip_type(self):
        """Skips a type expression ([]T, map[K]V, *T, pkg.T, func(...) T)."""
        tok = self.peek()
        if self.isop('[') or self.isop('*'):
            if self.isop('['):
                self.skip_balanced()
            else:
                self.next()
            self.skip_type()
        elif tok == ('id', 'map'):
            self.next()
            self.skip_balanced()
            self.skip_type()
        elif tok in (('id', 'struct'), ('id', 'interface')):
            self.next()
            self.skip_balanced()
        elif tok == ('id', 'func'):
            self.next()
            self.skip_balanced()
            if self.peek()[0] == 'id' or self.isop('(') or self.isop('*') or self.isop('['):
                self.skip_type()
        elif tok[0] == 'id':
            self.next()
            while self.isop('.'):
                self.next()
                self.next()

    PREC = {'||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
            '+': 4, '-': 4, '|': 4, '^': 4, '*': 5, '/': 5, '%': 5, '&': 5}

    def expr(self, nocomp=False, prec=0):
        left = self.unary(nocomp)
        while self.peek()[0] == 'op' and self.PREC.get(self.peek()[1], 0) > prec:
            op = self.next()[1]
            right = self.expr(nocomp, self.PREC[op])
            left = ('bin', op, left, right)
        return left

    def unary(self, nocomp):
        if self.peek()[0] == 'op' and self.peek()[1] in ('&', '-', '!', '*', '^', '+'):
            self.next()
            self.unary(nocomp)
            return ('other',)
        return self.primary(nocomp)

    def primary(self, nocomp):
        kind, text = self.peek()
        if kind == 'raw':
            self.next()
            node = ('lit', text[1:-1].replace('\r', ''))
        elif kind == 'str':
            self.next()
            node = ('lit', go_unquote(text))
        elif kind in ('rune', 'num'):
            self.next()
            node = ('other',)
        elif text == '(' and kind == 'op':
            self.next()
            node = self.expr()
            self.expect(')')
        elif (kind == 'op' and text == '[') or (kind == 'id' and text == 'map'):
            self.skip_type()
            if self.isop('{'):
                node = self.composite('list')
            else:  # a conversion such as []byte(x), or a type argument
                node = ('other',)
                if self.isop('('):
                    self.next()
                    node = ('conv', self.expr())
                    self.expect(')')
        elif kind == 'id' and text == 'func':
            self.skip_type()
            if self.isop('{'):
                self.skip_balanced()
            node = ('other',)
        elif kind == 'id':
            self.next()
            node = ('id', text)
        else:
            raise SyntaxError('unexpected %r' % text)
        return self.postfix(node, nocomp)

    def postfix(self, node, nocomp):
        while True:
            if self.isop('.'):
                self.next()
                if self.isop('('):  # type assertion
                    self.skip_balanced()
                    node = ('other',)
                else:
                    node = ('sel', node, self.next()[1])
            elif self.isop('('):
                self.next()
                args, spread = [], False
                while not self.isop(')'):
                    args.append(self.expr())
                    if self.isop('...'):
                        self.next()
                        spread = True
                    if self.isop(','):
                        self.next()
                self.expect(')')
                node = ('call', node, args, spread)
            elif self.isop('['):
                self.skip_balanced()
                node = ('other',)
            elif self.isop('{') and not nocomp and node[0] in ('id', 'sel'):
                node = self.composite(node)
            else:
                return node

    def composite(self, typ):
        self.expect('{')
        elems = []
        while not self.isop('}'):
            if self.isop(';'):
                self.next()
                continue
            val = self.composite(None) if self.isop('{') else self.expr()
            key = None
            if self.isop(':'):
                self.next()
                key = val
                val = self.composite(None) if self.isop('{') else self.expr()
            elems.append((key, val))
            if self.isop(','):
                self.next()
        self.expect('}')
        return ('comp', typ, elems)

    def block(self):
        """A { ... } statement list, as [stmt]."""
        self.expect('{')
        stmts = []
        while not self.isop('}'):
            if self.isop(';'):
                self.next()
                continue
            stmts.append(self.statement())
        self.expect('}')
        return stmts

    def statement(self):
        kind, text = self.peek()
        if kind == 'id' and text in ('var', 'const'):
            self.next()
            if self.isop('('):  # var ( a = x; b = y )
                self.next()
                names, vals = [], []
                while not self.isop(')'):
                    if self.isop(';'):
                        self.next()
                        continue
                    names.append(self.next()[1])
                    if not self.isop('='):
                        self.skip_type()
                    self.expect('=')
                    vals.append(self.expr())
                self.next()
                return ('assign', names, vals, True)
            name = self.next()[1]
            if not self.isop('='):
                self.skip_type()
            val = None
            if self.isop('='):
                self.next()
                val = self.expr()
            return ('assign', [name], [val] if val else [], True)
        if kind == 'id' and text == 'return':
            self.next()
            vals = [] if self.isop(';') or self.isop('}') else [self.expr()]
            while self.isop(','):
                self.next()
                vals.append(self.expr())
            return ('return', vals)
        if kind == 'id' and text in ('if', 'for', 'switch', 'select'):
            self.next()
            while not self.isop('{'):  # header: skip to the body
                if self.peek()[0] == 'op' and self.peek()[1] in '([':
                    self.skip_balanced()
                else:
                    self.next()
            body = self.block()
            while self.peek() == ('id', 'else'):
                self.next()
                if self.peek() == ('id', 'if'):
                    body += self.statement()[1]
                else:
                    body += self.block()
            return ('control', body)
        if self.isop('{'):
            return ('control', self.block())
        lhs = [self.expr()]
        while self.isop(','):
            self.next()
            lhs.append(self.expr())
        if self.peek()[0] == 'op' and self.peek()[1] in (':=', '=', '+='):
            op = self.next()[1]
            rhs = [self.expr()]
            while self.isop(','):
                self.next()
                rhs.append(self.expr())
            names = [n[1] if n[0] == 'id' else None for n in lhs]
            return ('assign', names, rhs, op != '+=')
        if self.peek()[0] == 'op' and self.peek()[1] in ('++', '--'):
            self.next()
        return ('other',)

    def file(self):
        """Top-level funcs as {name: (params, body)} and vars as {name: node}."""
        funcs, gvars = {}, {}
        while self.peek()[0] != 'eof':
            start = self.i
            try:
                self.declaration(funcs, gvars)
            except SyntaxError:  # a declaration this reader does not follow
                self.i = start + 1
        return funcs, gvars

    def declaration(self, funcs, gvars):
        """One top-level declaration (or one token outside any)."""
        if True:
            kind, text = self.peek()
            if text == 'func':
                self.next()
                if self.isop('('):  # method receiver
                    self.skip_balanced()
                name = self.next()[1]
                params = self.params()
                while not self.isop('{'):
                    if self.isop('('):
                        self.skip_balanced()
                    else:
                        self.next()
                start = self.i
                try:
                    funcs[name] = (params, self.block())
                except SyntaxError:  # Go this reader does not follow
                    self.i = start
                    self.skip_balanced()
                    funcs[name] = None
            elif text in ('var', 'const') and (self.peek(1)[0] == 'id' or self.isop('(', 1)):
                start = self.i
                try:
                    st = self.statement()
                    gvars.update(zip(st[1], st[2]))
                except SyntaxError:  # iota lists and the like: nothing to read
                    self.i = start + 1
                    if self.isop('('):
                        self.skip_balanced()
            elif text in ('import', 'type') and self.isop('(', 1):
                self.next()
                self.skip_balanced()
            else:
                self.next()

    def params(self):
        """Parameter names of a func signature (types skipped)."""
        self.expect('(')
        names = []
        while not self.isop(')'):
            if self.peek()[0] == 'id' and (self.isop(',', 1) or self.peek(1)[0] == 'id'
                                           or self.isop('[', 1) or self.isop('*', 1)
                                           or self.isop('...', 1)):
                names.append(self.next()[1])
                if self.isop('...'):
                    self.next()
                if not self.isop(','):
                    self.skip_type()
            else:
                self.skip_type()
            if self.isop(','):
                self.next()
        self.expect(')')
        return names


# ---------------------------------------------------------------- regex -> string
PRINTABLE = [chr(c) for c in range(33, 127)]
CATEGORIES = {
    sre_c.CATEGORY_DIGIT: [chr(c) for c in range(48, 58)],
    sre_c.CATEGORY_WORD: [c for c in PRINTABLE if c.isalnum() or c == '_'],
    sre_c.CATEGORY_SPACE: [' '],
    sre_c.CATEGORY_NOT_DIGIT: [c for c in PRINTABLE if not c.isdigit()],
    sre_c.CATEGORY_NOT_WORD: [c for c in PRINTABLE if not (c.isalnum() or c == '_')],
    sre_c.CATEGORY_NOT_SPACE: PRINTABLE,
}


def char_set(items):
    chars, negate = set(), False
    for op, av in items:
        if op == sre_c.NEGATE:
            negate = True
        elif op == sre_c.LITERAL:
            chars.add(chr(av))
        elif op == sre_c.RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op == sre_c.CATEGORY:
            chars.update(CATEGORIES[av])
    if negate:
        return [c for c in PRINTABLE if c not in chars]
    return sorted(chars)


def draw(tree, rng, groups):
    out = []
    for op, av in tree:
        if op == sre_c.LITERAL:
            out.append(chr(av))
        elif op == sre_c.NOT_LITERAL:
            out.append(rng.choice([c for c in PRINTABLE if ord(c) != av]))
        elif op == sre_c.ANY:
            out.append(rng.choice(CATEGORIES[sre_c.CATEGORY_WORD]))
        elif op == sre_c.IN:
            out.append(rng.choice(char_set(av)))
        elif op == sre_c.CATEGORY:
            out.append(rng.choice(CATEGORIES[av]))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, 'POSSESSIVE_REPEAT', None)):
            lo, hi, sub = av
            hi = lo + 1 if hi == sre_c.MAXREPEAT else hi
            for _ in range(rng.randint(lo, hi)):
                out.append(draw(sub, rng, groups))
        elif op == sre_c.SUBPATTERN:
            text = draw(av[-1], rng, groups)
            if av[0]:
                groups[av[0]] = text
            out.append(text)
        elif op == sre_c.BRANCH:
            out.append(draw(rng.choice(av[1]), rng, groups))
        elif op == sre_c.GROUPREF:
            out.append(groups.get(av, ''))
        elif op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue
        else:
            raise Unsupported('regex op %s' % op)
    return ''.join(out)


def new_secret(regex, rng):
    """One string matching a Go regex (RE2 syntax that Python also reads)."""
    regex = regex.replace(r'\z', '$')
    return draw(sre_parse.parse(regex), rng, {})


# ---------------------------------------------------------------- evaluator
class Unsupported(Exception):
    pass


class Skipped:
    """An example expression the evaluator could not compute."""

    def __init__(self, why):
        self.why = why


class Example:
    def __init__(self, text, kind, value=None, template=None):
        self.text, self.kind, self.value, self.template = text, kind, value, template


class Val:
    """A string value and whether a drawn secret went into it."""

    def __init__(self, s, generated=False):
        self.s, self.generated = s, generated


class Interp:
    def __init__(self, rule_files, util_files, seed):
        self.funcs, self.gvars, self.utils = {}, {}, {}
        for src in rule_files:
            f, v = Parser(tokenize(src)).file()
            self.funcs.update(f)
            self.gvars.update(v)
        for src in util_files:
            self.utils.update(Parser(tokenize(src)).file()[0])
        self.seed = seed
        self.rng = random.Random(seed)
        self.templates = self.sample_templates()
        stop = self.gvars.get('DefaultStopWords')
        self.stopwords = [e.text for e in self.items(stop, {})] if stop else []

    def sample_templates(self):
        """generate.go's GenerateSampleSecrets map literal: {name: template}."""
        fn = self.utils.get('GenerateSampleSecrets')
        if not fn:
            return None
        for st in fn[1]:
            if st[0] == 'assign' and st[2] and st[2][0][0] == 'comp':
                return [(self.str(k, {}).s, self.str(v, {}).s) for k, v in st[2][0][2]]
        raise SystemExit('GenerateSampleSecrets has no samples map')

    # --- strings
    def str(self, node, env):
        kind = node[0]
        if kind == 'lit':
            return Val(node[1])
        if kind == 'bin' and node[1] == '+':
            a, b = self.str(node[2], env), self.str(node[3], env)
            return Val(a.s + b.s, a.generated or b.generated)
        if kind == 'id':
            v = env.get(node[1], self.gvars.get(node[1]))
            if isinstance(v, Val):
                return v
            if isinstance(v, tuple):
                return self.str(v, env)
            raise Unsupported('variable %s' % node[1])
        if kind == 'call':
            return self.call_str(node, env)
        raise Unsupported('expression %s' % kind)

    def call_str(self, node, env):
        name = dotted(node[1])
        args = node[2]
        if name == 'secrets.NewSecret':
            return Val(new_secret(self.str(args[0], env).s, self.rng), True)
        if name == 'newPlausibleSecret':
            regex = self.str(args[0], env).s
            for _ in range(1000):
                s = new_secret(regex, self.rng)
                low = s.lower()
                if re.search('[1-9]', s) and not any(w in low for w in self.stopwords):
                    return Val(s, True)
            raise Unsupported('newPlausibleSecret found no value')
        if name in ('strings.ToUpper', 'strings.ToLower'):
            v = self.str(args[0], env)
            return Val(v.s.upper() if name.endswith('Upper') else v.s.lower(), v.generated)
        if name == 'strings.Repeat' and args[1][0] == 'num':
            v = self.str(args[0], env)
            return Val(v.s * int(args[1][1]), v.generated)
        if name == 'fmt.Sprintf':
            vals = [self.str(a, env) for a in args]
            fmt = vals[0].s
            if re.search(r'%[^s%]', fmt):
                raise Unsupported('Sprintf verb')
            text = fmt.replace('%%', '\0') % tuple(v.s for v in vals[1:])
            return Val(text.replace('\0', '%'), any(v.generated for v in vals))
        b64 = re.fullmatch(r'(?:b64|base64)\.(Raw)?(Std|URL)Encoding\.EncodeToString', name)
        if b64 and args[0][0] == 'conv':
            v = self.str(args[0][1], env)
            enc = base64.b64encode if b64.group(2) == 'Std' else base64.urlsafe_b64encode
            text = enc(v.s.encode('utf-8')).decode('ascii')
            return Val(text.rstrip('=') if b64.group(1) else text, v.generated)
        if name == 'regexp.MustCompile':
            return self.str(args[0], env)
        if name.startswith('utils.') and name[6:] in self.utils:
            return self.call_func(self.utils[name[6:]], args, env)
        if name in self.funcs:
            return self.call_func(self.funcs[name], args, env)
        raise Unsupported('call %s' % name)

    def call_func(self, fn, args, env):
        """A helper whose body is one `return EXPR`."""
        if fn is None:
            raise Unsupported('helper this reader could not parse')
        params, body = fn
        if len(body) != 1 or body[0][0] != 'return' or len(params) != len(args):
            raise Unsupported('helper with a body')
        local = {p: self.str(a, env) for p, a in zip(params, args)}
        return self.str(body[0][1][0], local)

    # --- example lists
    def items(self, node, env):
        """A list of Example/Skipped from a list-valued expression."""
        kind = node[0]
        if kind == 'id':
            v = env.get(node[1], self.gvars.get(node[1]))
            if isinstance(v, list):
                return v
            if v is None and node[1] == 'nil':
                return []
            if isinstance(v, tuple):
                return self.items(v, env)
            return [Skipped('list variable %s' % node[1])]
        if kind == 'comp':
            return [x for _, el in node[2] for x in self.element(el, env)]
        if kind == 'call':
            name = dotted(node[1])
            if name == 'append':
                out = list(self.items(node[2][0], env))
                rest = node[2][1:]
                if node[3]:  # append(a, b...)
                    return out + self.items(rest[-1], env)
                return out + [x for el in rest for x in self.element(el, env)]
            if name == 'utils.GenerateSampleSecrets':
                return self.samples(node[2], env)
            if name == 'generateTestValues' or name in self.funcs:
                return [Skipped('examples built by %s()' % name)]
        return [Skipped('list expression %s' % kind)]

    def element(self, node, env):
        if node[0] == 'call' and dotted(node[1]) == 'utils.GenerateSampleSecrets':
            return self.samples(node[2], env)
        try:
            v = self.str(node, env)
        except Unsupported as e:
            return [Skipped(str(e))]
        value = None
        if node[0] == 'call' and dotted(node[1]) == 'utils.GenerateSampleSecret':
            value = self.str(node[2][1], env).s
        lit = node[0] == 'lit' or (node[0] == 'bin' and not v.generated and value is None)
        kind = 'generated' if v.generated else ('literal' if lit else 'templated')
        return [Example(v.s, kind, value)]

    def samples(self, args, env):
        if self.templates is None:
            return [Skipped('no GenerateSampleSecrets templates')]
        try:
            ident, secret = self.str(args[0], env), self.str(args[1], env)
        except Unsupported as e:
            return [Skipped(str(e))]
        kind = 'generated' if secret.generated else 'templated'
        out = []
        for name, tpl in sorted(self.templates):
            text = (tpl.replace('{i}', ident.s).replace('{I}', ident.s.upper())
                    .replace('{s}', secret.s))
            out.append(Example(text, kind, secret.s, name))
        return out

    def rule(self, name):
        """(rule id, positives, negatives) of one rule function, or None."""
        if self.funcs[name] is None:
            return name, [Skipped('function %s() this reader could not parse' % name)], []
        params, body = self.funcs[name]
        if params:
            return None
        self.rng = random.Random(zlib.crc32(name.encode()) ^ self.seed)
        env, rule_id = {}, name
        for st in body:
            if st[0] == 'assign':
                for var, val in zip(st[1], st[2]):
                    if var is None:
                        continue
                    if val[0] == 'comp' and dotted(val[1]) == 'config.Rule':
                        for k, v in val[2]:
                            if k and k[0] == 'id' and k[1] == 'RuleID' and v[0] == 'lit':
                                rule_id = v[1]
                        continue
                    env[var] = self.assign_value(val, env)
            elif st[0] == 'control':
                for inner in st[1]:
                    if inner[0] == 'assign':
                        for var in inner[1]:
                            env[var] = [Skipped('assigned inside a loop or branch')]
            elif st[0] == 'return' and st[1] and st[1][0][0] == 'call':
                fn = dotted(st[1][0][1])
                if fn in ('utils.Validate', 'utils.ValidateWithPaths'):
                    args = st[1][0][2]
                    return rule_id, self.items(args[1], env), self.items(args[2], env)
        return None

    def case(self, case, env, pos, neg):
        """One trufflehog test case into pos or neg (or a Skipped into pos)."""
        if 'input' not in case or 'want' not in case:
            pos.append(Skipped('test case without input or want'))
            return
        ex = self.element(case['input'], env)[0]
        want = case['want']
        if want[0] == 'id' and want[1] == 'nil':
            wants = []
        elif want[0] == 'comp':
            wants = [el for _, el in want[2]]
        else:
            pos.append(Skipped('want of another form'))
            return
        if isinstance(ex, Skipped) or not wants:
            (pos if isinstance(ex, Skipped) else neg).append(ex)
            return
        try:
            value = self.str(wants[0], env).s
        except Unsupported:
            value = None
        ex.value = value if value and value in ex.text else None
        pos.append(ex)

    def assign_value(self, val, env):
        if val[0] == 'comp' or (val[0] == 'call' and dotted(val[1]) in
                                ('append', 'utils.GenerateSampleSecrets', 'generateTestValues')):
            return self.items(val, env)
        try:
            return self.str(val, env)
        except Unsupported:
            return val


def dotted(node):
    if node is None:
        return ''
    if node[0] == 'id':
        return node[1]
    if node[0] == 'sel':
        return dotted(node[1]) + '.' + node[2]
    return '?'


# ---------------------------------------------------------------- scoring
def extract(root, rev, seed):
    if pii_secrets_pytests.is_checkout(root, rev):
        return pii_secrets_pytests.extract(root, rev, read_go, Example, Skipped)
    if not os.path.isdir(os.path.join(root, RULES_DIR)) and subprocess.run(
            ['git', '-C', root, 'cat-file', '-e', '%s:%s' % (rev, RULES_DIR)],
            capture_output=True).returncode != 0:
        return extract_trufflehog(root, rev, seed)
    rules = [read_go(root, rev, RULES_DIR + '/' + f) for f in list_go(root, rev, RULES_DIR)]
    utils = [read_go(root, rev, UTILS_DIR + '/' + f) for f in list_go(root, rev, UTILS_DIR)
             if not f.endswith('_test.go')]
    it = Interp(rules, utils, seed)
    out = []
    for name in sorted(it.funcs):
        r = it.rule(name)
        if r:
            out.append(r)
    return out


TH_DIR = 'pkg/detectors'


def list_tests(root, rev):
    """trufflehog's detector pattern tests: pkg/detectors/**/*_test.go."""
    if os.path.isdir(os.path.join(root, TH_DIR)):
        out = [os.path.relpath(os.path.join(d, f), root)
               for d, _, fs in os.walk(os.path.join(root, TH_DIR)) for f in fs]
    else:
        out = subprocess.run(['git', '-C', root, 'ls-tree', '-r', '--name-only', rev, TH_DIR],
                             capture_output=True, text=True, check=True).stdout.split()
    return sorted(f for f in out if f.endswith('_test.go') and 'integration' not in f)


def table_cases(node):
    """The keyed elements of a test table ([]struct{...}{{name: .., input: ..}})."""
    if node is None or node[0] != 'comp':
        return None
    cases = []
    for _, el in node[2]:
        if el[0] != 'comp':
            return None
        cases.append({k[1]: v for k, v in el[2] if k and k[0] == 'id'})
    return cases if cases and any('input' in c for c in cases) else None


def extract_trufflehog(root, rev, seed):
    """(detector, positives, negatives) from trufflehog's pattern tests: a
    case with a non-empty `want` is a positive, an empty one a negative."""
    out = []
    for path in list_tests(root, rev):
        rule_id = os.path.dirname(path)[len(TH_DIR) + 1:]
        it = Interp([read_go(root, rev, path)], [], seed)
        pos, neg = [], []
        for name in sorted(it.funcs):
            if not name.startswith('Test') or it.funcs[name] is None:
                continue
            env = {}
            for st in it.funcs[name][1]:
                if st[0] != 'assign':
                    continue
                for var, val in zip(st[1], st[2]):
                    cases = table_cases(val)
                    if cases is None:
                        if var:
                            env[var] = it.assign_value(val, env)
                        continue
                    for case in cases:
                        it.case(case, env, pos, neg)
        if pos or neg:
            out.append((rule_id, pos, neg))
    return out


def overlaps(text, value, spans):
    a = text.find(value)
    if a < 0:
        return None
    b = a + len(value)
    return any(p[0] == 'secret' and p[1] < b and p[2] > a for p in spans)


def short(s, n=110):
    s = s.replace('\n', '\\n')
    return s if len(s) <= n else s[:n - 3] + '...'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('gitleaks', help='gitleaks checkout: work tree or bare git dir')
    ap.add_argument('--bin', default=os.path.join(os.path.dirname(HERE), 'build', 'edgeway'))
    ap.add_argument('--rev', default='HEAD', help='revision when reading a git dir')
    ap.add_argument('--seed', type=int, default=1, help='seed of the drawn secrets')
    ap.add_argument('--misses', type=int, default=40, help='misses/false hits to print')
    ap.add_argument('--dump', help='write the extracted examples as JSONL here')
    ap.add_argument('--json', action='store_true', help='print the numbers as JSON too')
    args = ap.parse_args()

    rules = extract(args.gitleaks, args.rev, args.seed)
    pos, neg, skipped = [], [], {}
    for rule_id, tps, fps in rules:
        for label, lst in (('positive', tps), ('negative', fps)):
            for e in lst:
                if isinstance(e, Skipped):
                    skipped[e.why] = skipped.get(e.why, 0) + 1
                else:
                    (pos if label == 'positive' else neg).append((rule_id, e))
    pos_texts = {e.text for _, e in pos}
    neg = [(r, e) for r, e in neg if e.text not in pos_texts]
    if args.dump:
        with open(args.dump, 'w', encoding='utf-8') as f:
            for label, lst in (('positive', pos), ('negative', neg)):
                for r, e in lst:
                    f.write(json.dumps({'rule_id': r, 'label': label, 'kind': e.kind,
                                        'text': e.text, 'value': e.value,
                                        'template': e.template},
                                       ensure_ascii=False) + '\n')
    preds = run_scanner(args.bin, [e.text for _, e in pos + neg])
    ppred, npred = preds[:len(pos)], preds[len(pos):]
    hit = [any(p[0] == 'secret' for p in pr) for pr in ppred]
    strict = [overlaps(e.text, e.value, pr) if e.value else None
              for (_, e), pr in zip(pos, ppred)]
    false = [any(p[0] == 'secret' for p in pr) for pr in npred]

    print('examples from %s (%d rules or detectors with examples)' % (args.gitleaks, len(rules)))
    print('%-10s %9s %7s %7s %14s' % ('kind', 'positives', 'found', 'recall', 'value-overlap'))
    summary = {}
    for kind in ('literal', 'templated', 'generated', 'all'):
        idx = [i for i, (_, e) in enumerate(pos) if kind in ('all', e.kind)]
        if not idx:
            continue
        tp = sum(hit[i] for i in idx)
        sv = [strict[i] for i in idx if strict[i] is not None]
        sv_text = '%d/%d' % (sum(sv), len(sv)) if sv else '-'
        print('%-10s %9d %7d %7.3f %14s' % (kind, len(idx), tp, tp / len(idx), sv_text))
        summary[kind] = {'positives': len(idx), 'found': tp, 'recall': tp / len(idx)}
    print('%-10s %9s %7s %7s' % ('kind', 'negatives', 'false', 'rate'))
    for kind in ('literal', 'templated', 'generated', 'all'):
        idx = [i for i, (_, e) in enumerate(neg) if kind in ('all', e.kind)]
        if not idx:
            continue
        fp = sum(false[i] for i in idx)
        print('%-10s %9d %7d %7.3f' % (kind, len(idx), fp, fp / len(idx)))
        summary.setdefault(kind, {}).update({'negatives': len(idx), 'false': fp,
                                             'fp_rate': fp / len(idx)})
    nskip = sum(skipped.values())
    print('skipped example expressions (not evaluated): %d' % nskip)
    for why, n in sorted(skipped.items(), key=lambda x: -x[1]):
        print('  %4d  %s' % (n, why))
    summary['skipped'] = nskip

    by_tpl = {}
    for (r, e), h in zip(pos, hit):
        if e.template:
            t = by_tpl.setdefault(e.template, [0, 0])
            t[0] += not h
            t[1] += 1
    print('\nmisses by sample template (templated and generated kinds):')
    for name, (m, n) in sorted(by_tpl.items(), key=lambda x: (-x[1][0], x[0])):
        if m:
            print('  %-36s %4d/%d' % (name, m, n))

    per_rule = {}
    for (r, e), h in zip(pos, hit):
        t = per_rule.setdefault(r, [0, 0, None])
        t[1] += 1
        if not h:
            t[0] += 1
            t[2] = t[2] or e
    missed = sorted((r for r in per_rule if per_rule[r][0]), key=lambda r: -per_rule[r][0])
    print('\nrules with misses (missed/positives, first missed example): %d' % len(missed))
    for r in missed[:args.misses]:
        m, n, e = per_rule[r]
        print('  %-40s %3d/%-3d %-9s %s' % (r, m, n, e.kind, short(e.text)))
    fl = [(r, e) for (r, e), f in zip(neg, false) if f]
    # A negative that is a positive of its own rule with a character or two
    # changed (trufflehog's "invalid pattern": a '?' in the key, a wrong
    # length) still holds a key-shaped value: counted apart, not hidden.
    pos_by_rule = {}
    for r, e in pos:
        pos_by_rule.setdefault(r, []).append(e.text)
    near = sum(any(difflib.SequenceMatcher(None, e.text, t).quick_ratio() >= 0.9 and
                   difflib.SequenceMatcher(None, e.text, t).ratio() >= 0.9
                   for t in pos_by_rule.get(r, [])) for r, e in fl)
    print('\nfalse hits on negatives: %d (near copies of a positive of the same rule: %d)'
          % (len(fl), near))
    summary['near_copies'] = near
    for (r, e), pr in [(x, p) for x, p, f in zip(neg, npred, false) if f][:args.misses]:
        vals = [e.text[p[1]:p[2]] for p in pr if p[0] == 'secret']
        print('  %-40s %-9s %s  <- %s' % (r, e.kind, short(e.text, 80), short(vals[0], 40)))
    if args.json:
        print(json.dumps(summary))


if __name__ == '__main__':
    main()
