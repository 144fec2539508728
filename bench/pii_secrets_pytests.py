"""Reads the secret examples of a Python scanner's pytest suite, Yelp's
detect-secrets (tests/**/*_test.py), for bench/pii_secrets_external.py.

The test files are parsed with `ast` and never run. A test function counts
when its body hands text to the scanner (`analyze_line(..., line=X)`,
`analyze_string(X)`, `scan_line(X)`, or `f.write(X)` before `scan_file`); its
rows are the `@pytest.mark.parametrize` tables of the function and of the
classes around it (their product, as pytest takes them). For each row the
text is X evaluated with the row's values, and the label is what the test
asserts of the scanner's output: `assert len(out) == E` / `bool(out) == E`
takes E's truth, `assert not out` is a negative, any other assert of the
output a positive, and an `if` over the row's values picks its branch.

Values are computed by a small evaluator of Python expressions: literals,
f-strings, `+ * %`, `str.format`, `.encode/.decode/.upper/.lower`,
`textwrap.dedent`, `base64.b64encode`, slices, `x if c else y`, names bound
at module level, and helpers that flatten (tag, rows) pairs with `for` and
`yield`. Anything else (random numbers, attributes of `self`) is skipped and
counted.
"""
import ast
import base64
import itertools
import os
import subprocess
import textwrap

# Entry points that scan a line or a string.
SCAN_CALLS = {'analyze_line', 'analyze_string', 'scan_line'}
# Plugins whose findings are another type here (a public IP address is an
# `ip_address`, not a secret).
OTHER_TYPES = {'ip_public'}
# Row values that name the secret inside the text.
VALUE_PARAMS = ('expected_secret', 'secret')


class Unsupported(Exception):
    pass


def is_checkout(root, rev):
    """True when ROOT holds detect-secrets (a work tree or a git dir)."""
    if os.path.isdir(os.path.join(root, 'detect_secrets', 'plugins')):
        return True
    return subprocess.run(['git', '-C', root, 'cat-file', '-e', '%s:detect_secrets/plugins' % rev],
                          capture_output=True).returncode == 0


def list_tests(root, rev):
    if os.path.isdir(os.path.join(root, 'tests')):
        out = [os.path.relpath(os.path.join(d, f), root)
               for d, _, fs in os.walk(os.path.join(root, 'tests')) for f in fs]
    else:
        out = subprocess.run(['git', '-C', root, 'ls-tree', '-r', '--name-only', rev, 'tests'],
                             capture_output=True, text=True, check=True).stdout.split()
    return sorted(f for f in out if f.endswith('_test.py'))


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return dotted(node.value) + '.' + node.attr
    return '?'


class Evaluator:
    """Values of the expressions of one test module."""

    def __init__(self, tree):
        self.funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        self.consts = {}
        for n in tree.body:
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                try:
                    if isinstance(n.value, (ast.Tuple, ast.List)):  # a table: row by row
                        self.consts[n.targets[0].id] = [opaque(self, e) for e in n.value.elts]
                        continue
                    self.consts[n.targets[0].id] = self.ev(n.value, {})
                except (Unsupported, TypeError, ValueError, KeyError, IndexError):
                    pass

    def ev(self, node, env):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List)):
            return [self.ev(e, env) for e in node.elts]
        if isinstance(node, ast.Name):
            if node.id in env:
                return env[node.id]
            if node.id in self.consts:
                return self.consts[node.id]
            if node.id in ('None', 'True', 'False'):
                return {'None': None, 'True': True, 'False': False}[node.id]
            raise Unsupported('name %s' % node.id)
        if isinstance(node, ast.JoinedStr):
            out = []
            for v in node.values:
                if isinstance(v, ast.FormattedValue):
                    spec = self.ev(v.format_spec, env) if v.format_spec else ''
                    out.append(format(self.ev(v.value, env), spec))
                else:
                    out.append(self.ev(v, env))
            return ''.join(out)
        if isinstance(node, ast.BinOp):
            a, b = self.ev(node.left, env), self.ev(node.right, env)
            ops = {ast.Add: lambda: a + b, ast.Mult: lambda: a * b, ast.Mod: lambda: a % b}
            if type(node.op) not in ops:
                raise Unsupported('operator')
            return ops[type(node.op)]()
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return not self.ev(node.operand, env)
        if isinstance(node, ast.IfExp):
            return self.ev(node.body if self.ev(node.test, env) else node.orelse, env)
        if isinstance(node, ast.Subscript):
            base = self.ev(node.value, env)
            s = node.slice
            if isinstance(s, ast.Slice):
                part = [self.ev(x, env) if x else None for x in (s.lower, s.upper, s.step)]
                return base[slice(*part)]
            return base[self.ev(s, env)]
        if isinstance(node, ast.Call):
            return self.call(node, env)
        raise Unsupported(type(node).__name__)

    def call(self, node, env):
        name = dotted(node.func)
        args = [self.ev(a, env) for a in node.args]
        kw = {k.arg: self.ev(k.value, env) for k in node.keywords if k.arg}
        if isinstance(node.func, ast.Attribute) and name not in ('textwrap.dedent', 'base64.b64encode'):
            method = node.func.attr
            if method in ('format', 'encode', 'decode', 'upper', 'lower', 'strip'):
                return getattr(self.ev(node.func.value, env), method)(*args, **kw)
            raise Unsupported('call %s' % name)
        fixed = {'textwrap.dedent': textwrap.dedent, 'base64.b64encode': base64.b64encode,
                 'str': str, 'bytes': bytes, 'int': int, 'bool': bool, 'list': list}
        if name in fixed:
            return fixed[name](*args, **kw)
        if name in self.funcs:
            return self.generator(self.funcs[name], args)
        raise Unsupported('call %s' % name)

    def generator(self, fn, args):
        """A helper made of `for` loops, tuple assignments and one `yield`."""
        params = [a.arg for a in fn.args.args]
        if len(params) != len(args):
            raise Unsupported('helper arguments')
        out = []
        self.run(fn.body, dict(zip(params, args)), out)
        return out

    def run(self, stmts, env, out):
        for st in stmts:
            if isinstance(st, ast.For):
                for item in self.ev(st.iter, env):
                    try:
                        self.run(st.body, {**env, **bind(st.target, item)}, out)
                    except Unsupported:  # one row this reader cannot compute
                        out.append(item if isinstance(item, Opaque) else Opaque(st))
            elif isinstance(st, ast.Assign) and len(st.targets) == 1:
                env.update(bind(st.targets[0], self.ev(st.value, env)))
            elif isinstance(st, ast.Expr) and isinstance(st.value, ast.Yield):
                out.append(self.ev(st.value.value, env))
            else:
                raise Unsupported('helper statement %s' % type(st).__name__)


def bind(target, value):
    if isinstance(target, ast.Name):
        return {target.id: value}
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (list, tuple)) \
            and len(target.elts) == len(value):
        env = {}
        for t, v in zip(target.elts, value):
            env.update(bind(t, v))
        return env
    raise Unsupported('assignment target')


def parametrize_sets(decorators):
    """(argnames, argvalues node) of each @pytest.mark.parametrize."""
    out = []
    for d in decorators:
        if isinstance(d, ast.Call) and dotted(d.func).endswith('mark.parametrize'):
            names = d.args[0].value if isinstance(d.args[0], ast.Constant) else None
            if isinstance(d.args[0], (ast.Tuple, ast.List)):
                names = ','.join(e.value for e in d.args[0].elts)
            out.append(([n.strip() for n in names.split(',') if n.strip()], d.args[1]))
    return out


def test_functions(body, outer=()):
    """(function, enclosing parametrize sets) of every test function."""
    for node in body:
        if isinstance(node, ast.ClassDef):
            yield from test_functions(node.body, outer + tuple(parametrize_sets(node.decorator_list)))
        elif isinstance(node, ast.FunctionDef) and node.name.startswith('test'):
            yield node, outer + tuple(parametrize_sets(node.decorator_list))


def scanned_text(fn):
    """The expression a test hands to the scanner, or None."""
    calls = [n for n in ast.walk(fn) if isinstance(n, ast.Call)]
    names = {c.func.attr if isinstance(c.func, ast.Attribute) else dotted(c.func) for c in calls}
    for c in calls:
        name = c.func.attr if isinstance(c.func, ast.Attribute) else dotted(c.func)
        if name in SCAN_CALLS:
            kw = {k.arg: k.value for k in c.keywords}
            if 'line' in kw or 'string' in kw:
                return kw.get('line', kw.get('string'))
            return c.args[1] if name == 'analyze_line' and len(c.args) > 1 else (c.args or [None])[0]
        if name == 'write' and 'scan_file' in names and c.args:
            return c.args[0]
    return None


def assert_label(test, ev, env):
    """What an assert says of the scanner's output: True found, False not."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return False
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and \
            isinstance(test.ops[0], (ast.Eq, ast.Is)):
        sides = (test.left, test.comparators[0])
        for a, b in (sides, sides[::-1]):
            if isinstance(a, ast.Call) and dotted(a.func) in ('len', 'bool'):
                return bool(ev.ev(b, env))
    return True


def label_of(stmts, ev, env):
    for st in stmts:
        if isinstance(st, ast.If):
            try:
                branch = st.body if ev.ev(st.test, env) else st.orelse
            except Unsupported:
                continue
            got = label_of(branch, ev, env)
            if got is not None:
                return got
        elif isinstance(st, ast.With):
            got = label_of(st.body, ev, env)
            if got is not None:
                return got
        elif isinstance(st, ast.Assert):
            return assert_label(st.test, ev, env)
    return None


class Opaque:
    """A row value this reader cannot compute (a plugin class, a mock)."""

    def __init__(self, node):
        self.what = ast.dump(node)[:40]


def opaque(ev, node):
    try:
        return ev.ev(node, {})
    except Unsupported:
        return Opaque(node)


def rows_of(sets, ev):
    """Every combination of the parametrize tables as {name: value}."""
    tables = []
    for names, node in sets:
        rows = []
        items = node.elts if isinstance(node, (ast.Tuple, ast.List)) else ev.ev(node, {})
        for row in items:
            if isinstance(row, ast.AST):  # a written row: its values one by one
                parts = row.elts if len(names) > 1 and isinstance(row, ast.Tuple) else [row]
                row = [opaque(ev, x) for x in parts]
            elif len(names) == 1 or isinstance(row, Opaque):
                row = [row] * len(names)
            rows.append(dict(zip(names, row)))
        tables.append(rows)
    for combo in itertools.product(*tables):
        env = {}
        for part in combo:
            env.update(part)
        yield env


def extract(root, rev, read, Example, Skipped):
    """(plugin, positives, negatives) from detect-secrets' tests; `read`
    reads one file of the checkout, Example/Skipped are the caller's."""
    by_rule = {}
    for path in list_tests(root, rev):
        src = read(root, rev, path)
        tree = ast.parse(src)
        ev = Evaluator(tree)
        literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        rule = os.path.basename(path)[:-len('_test.py')]
        for fn, sets in test_functions(tree.body):
            node = scanned_text(fn)
            if node is None or not sets:
                continue
            pos, neg = by_rule.setdefault(rule, ([], []))
            try:
                rows = list(rows_of(sets, ev))
            except (Unsupported, TypeError, ValueError) as e:
                pos.append(Skipped('%s: %s' % (fn.name, e)))
                continue
            for env in rows:
                try:
                    text = ev.ev(node, env)
                    label = label_of(fn.body, ev, env)
                except (Unsupported, TypeError, ValueError, KeyError, IndexError) as e:
                    pos.append(Skipped('row of %s: %s' % (fn.name, e)))
                    continue
                if isinstance(text, bytes):
                    text = text.decode('utf-8', 'replace')
                if not isinstance(text, str) or label is None:
                    pos.append(Skipped('row of %s without text or assert' % fn.name))
                    continue
                value = next((env[p] for p in VALUE_PARAMS if isinstance(env.get(p), str)
                              and env[p] and env[p] in text), None)
                ex = Example(text, 'literal' if text in literals else 'templated',
                             value if label else None)
                dest = pos if label else neg
                if all(e.text != text for e in dest if not isinstance(e, Skipped)):
                    dest.append(ex)  # once: suites repeat a line per file type
    return [(r, p, n) for r, (p, n) in sorted(by_rule.items()) if r not in OTHER_TYPES and (p or n)]
