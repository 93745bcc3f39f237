#!/usr/bin/env python3
"""Random program generator for differential testing of stmjit against CPython.

Each program is valid Python in the stmjit subset, terminates quickly, is deterministic
(no id(), no str hashes, no address reprs, no string-set ordering) and prints many
intermediate values. Programs are built from weighted "sections" (arithmetic, strings,
containers, classes, functions, generators, loops, exceptions...) whose contents are typed
random expressions over the variables defined so far. Expressions that may raise are
wrapped in try/except that prints the exception type and message, so error messages are
compared too.

Usage: gen.py SEED [INDEX] [--attempt A] [--exclude feat,feat] [--list-features]
The same (seed, index, attempt, exclude) always gives the same program.
"""
import random
import sys

# Features that can be switched off with --exclude (section kinds and expression details).
SECTIONS = {
    'assign': 14, 'print_expr': 12, 'augassign': 6, 'mutate': 8, 'if': 5, 'for': 7,
    'while': 4, 'func': 6, 'closure': 3, 'recursion': 3, 'gen': 4, 'class': 6, 'exc': 5,
    'errors': 6, 'unpack': 3, 'fmt': 5, 'lambda': 3, 'comprehension': 4, 'edge': 6, 'oop': 4,
    'genadv': 3, 'scopes': 3, 'poly': 4,
}
EXPR_FEATURES = ['bigint', 'float', 'unicode', 'set_print', 'int_hash', 'math', 'fstring',
                 'percent', 'format', 'shift', 'pow', 'strmeth', 'uncaught', 'unbound_method', 'limits']
ALL_FEATURES = sorted(list(SECTIONS) + EXPR_FEATURES)

STR_POOL = [
    "''", "'a'", "'abc'", "'hello'", "'Hello, World'", "'  padded  '", "'a,b,,c'",
    "'x-y-z'", "'banana'", "'MiXeD cAsE'", "'it\\'s'", "'say \"hi\"'", "'tab\\there'",
    "'line\\nbreak'", "'back\\\\slash'", "'12345'", "'007'", "'3.5'", "' -42 '", "'a b  c'",
    "'mississippi'", "'The quick brown fox'", "'_under_score_'", "'\\x07bell'",
]
UNI_POOL = ["'héllo'", "'naïve café'", "'日本語'", "'Ωmega'", "'🐍snake'", "'straße'",
            "'ÀÉÎ'", "'ε=mc²'", "'\\u00e9t\\u00e9'", "'\\U0001F600'"]
FLOAT_POOL = ['0.1', '0.2', '0.5', '2.5', '-1.25', '3.14159', '1e10', '1.5e-05', '1e22',
              '1e16', '123456.789', '-0.0', '2.0', '0.3', '1e-07', '7.0', '-3.5', '1e+300',
              '0.125', '100.0', '2.675', '1.005', '9.999', '-0.5', '1.5']
SPECIAL_INTS = [2**62, 2**62 - 1, 2**63, 2**63 - 1, 2**64, 2**31, 2**32 - 1, 10**18,
                2**61 - 1, 2**100, 3**40]
SEPS = ["','", "'-'", "' '", "'a'", "'ss'", "', '", "'.'"]
TYPES = ['int', 'int', 'int', 'float', 'str', 'str', 'lint', 'lstr', 'tup', 'dict', 'sint',
         'bool']


class Gen:
    def __init__(self, seed, exclude=()):
        self.r = random.Random(seed)
        self.ex = set(exclude)
        self.lines = []
        self.ind = 0
        self.env = {}          # variable name -> type, for the current scope
        self.n = 0             # counter for fresh names
        self.in_loop = 0       # >0: avoid multiplicative growth (keeps programs fast)
        self.risky = False     # set by expression builders that may raise
        self.classes = []      # (name, nfields, has_lt, has_eq)
        self.funcs = []        # (name, arity) of int functions defined so far

    # ---- helpers ----
    def on(self, feat):
        return feat not in self.ex

    def emit(self, line):
        self.lines.append('    ' * self.ind + line)

    def fresh(self, prefix):
        self.n += 1
        return '%s%d' % (prefix, self.n)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def vars_of(self, t):
        return [k for k, v in self.env.items() if v == t]

    # ---- literals ----
    def leaf_lit(self, t):
        saved, self.env = self.env, {}
        code = self.leaf(t)
        self.env = saved
        return code

    def int_lit(self):
        r = self.r
        c = r.random()
        if c < 0.55:
            v = r.randint(-20, 20)
        elif c < 0.8:
            v = r.randint(-100000, 100000)
        elif not self.on('bigint'):
            v = r.randint(-10**9, 10**9)
        elif c < 0.9:
            v = r.randint(10**15, 10**40) * r.choice([1, -1])
        else:
            v = r.choice(SPECIAL_INTS) * r.choice([1, -1]) + r.choice([0, 0, 1, -1])
        return '(%d)' % v if v < 0 else str(v)

    def nz_lit(self):
        v = self.r.choice([1, 2, 3, 5, 7, 10, 16, 97, -3, -7, 1000, 12345])
        return '(%d)' % v if v < 0 else str(v)

    def small(self, lo=0, hi=6):
        return str(self.r.randint(lo, hi))

    def str_lit(self):
        if self.on('unicode') and self.chance(0.2):
            return self.pick(UNI_POOL)
        return self.pick(STR_POOL)

    def float_lit(self):
        if self.chance(0.6):
            return self.pick(FLOAT_POOL)
        if self.chance(0.3):
            # A random double over the whole exponent range, written so that it round-trips.
            v = self.r.random() * 10.0 ** self.r.randint(-320, 300)
            return repr(v)
        v = round(self.r.uniform(-1000, 1000), self.r.randint(0, 6))
        return repr(v) if v >= 0 else '(%r)' % v

    # ---- typed expressions ----
    def expr(self, t, d=2):
        return getattr(self, 'e_' + t)(d)

    def leaf(self, t):
        vs = self.vars_of(t)
        if vs and self.chance(0.7):
            return self.pick(vs)
        return {'int': self.int_lit, 'float': self.float_lit, 'str': self.str_lit,
                'lint': lambda: '[%s]' % ', '.join(self.int_lit() for _ in range(self.r.randint(0, 5))),
                'lstr': lambda: '[%s]' % ', '.join(self.pick(STR_POOL) for _ in range(self.r.randint(0, 4))),
                'tup': lambda: '(%s,)' % ', '.join(self.int_lit() for _ in range(self.r.randint(1, 4))),
                'dict': lambda: '{%s}' % ', '.join('%s: %s' % (k, self.int_lit()) for k in
                                                   self.r.sample(["'a'", "'b'", "'c'", "'key'", "'zz'", "'x1'"], self.r.randint(0, 4))),
                'sint': lambda: '{%s}' % ', '.join(str(self.r.randint(0, 40)) for _ in range(self.r.randint(1, 5))),
                'bool': lambda: self.pick(['True', 'False']),
                }[t]()

    def e_int(self, d):
        if d <= 0 or self.chance(0.25):
            return self.leaf('int')
        r = self.r
        e = lambda t='int': self.expr(t, d - 1)
        k = r.randint(0, 27)
        if k <= 4:
            return '(%s %s %s)' % (e(), self.pick(['+', '-', '*', '+', '-']), e())
        if k == 5:
            return '(%s %s %s)' % (e(), self.pick(['//', '%']), self.pick([self.nz_lit(), '(%s or 3)' % e()]))
        if k == 6:
            return 'divmod(%s, %s)[%d]' % (e(), self.nz_lit(), r.randint(0, 1))
        if k == 7 and self.on('pow'):
            base = self.int_lit()   # never a variable: keeps ints far below 4300 digits
            if self.chance(0.5):
                return 'pow(%s, %s, %s)' % (e(), self.small(0, 30), self.nz_lit())
            return '(%s ** %s)' % (base, self.small(0, 9))
        if k == 8:
            return '(%s %s %s)' % (e(), self.pick(['&', '|', '^']), e())
        if k == 9 and self.on('shift'):
            return '(%s %s %s)' % (e(), self.pick(['<<', '>>']), self.small(0, 70))
        if k == 10:
            return '%s%s' % (self.pick(['-', '~', 'abs']), '(%s)' % e())
        if k == 11:
            return '%s(%s, %s)' % (self.pick(['min', 'max']), e(), e())
        if k == 12:
            return 'len(%s)' % self.expr(self.pick(['str', 'lint', 'lstr', 'dict', 'tup']), d - 1)
        if k == 13:
            return 'sum(%s)' % e('lint')
        if k == 14 and self.on('float'):
            self.risky = True
            return '%s(%s)' % (self.pick(['int', 'round']), e('float'))
        if k == 15:
            return self.pick(["int(' -42 ')", "int('1_000')", "int('ff', 16)", "int('0x1f', 0)",
                              "int('777', 8)", "int('-0')", "int('+12')", "int(True)",
                              "int('101', 2)", "int('zz', 36)", "int(-7.9)", "int(3.99)"])
        if k == 16:
            return '%s.%s(%s)' % (e('str'), self.pick(['find', 'count', 'rfind']), self.str_lit())
        if k == 17:
            return '(%s if %s else %s)' % (e(), e('bool'), e())
        if k == 18:
            self.risky = True
            return '%s[%s]' % (e('lint'), self.int_lit())
        if k == 19:
            return '(%s + %s)' % (e('bool'), e())
        if k == 20:
            return 'sum(%s for %s in %s)' % (self.pick(['x * 2', 'x % 5', 'abs(x)', 'x // 3', '1']),
                                             'x', e('lint'))
        if k == 21:
            return '%s.get(%s, %s)' % (e('dict'), self.pick(["'a'", "'b'", "'key'", "'q'"]), self.int_lit())
        if k == 22:
            return '%s.count(%s)' % (e('lint'), self.int_lit())
        if k == 23:
            return '(%s).bit_length()' % e()
        if k == 24 and self.on('int_hash'):
            return 'hash(%s)' % self.pick([e(), '(%s, %s)' % (e(), e()), e('float')])
        if k == 25:
            return 'len(%s)' % e('sint')
        if k == 26 and self.funcs:
            name, arity = self.pick(self.funcs)
            return '%s(%s)' % (name, ', '.join(e() for _ in range(arity)))
        if k == 27:
            self.risky = True
            return 'ord(%s[0])' % e('str')
        return self.leaf('int')

    def e_float(self, d):
        if not self.on('float'):
            return self.e_int(d)
        if d <= 0 or self.chance(0.25):
            return self.leaf('float')
        e = lambda t='float': self.expr(t, d - 1)
        k = self.r.randint(0, 13)
        if k <= 3:
            other = self.pick(['float', 'int'])
            if other == 'int':
                self.risky = True   # a huge int does not convert to float
            return '(%s %s %s)' % (e(), self.pick(['+', '-', '*']), e(other))
        if k == 4:
            self.risky = True
            return '(%s / %s)' % (e(self.pick(['float', 'int'])), e(self.pick(['float', 'int'])))
        if k == 5:
            return '(%s %s %s)' % (e(), self.pick(['//', '%']), self.pick(['2.5', '0.75', '-1.5', '3', '(-2)']))
        if k == 6:
            self.risky = True
            return 'float(%s)' % e('int')
        if k == 7:
            return '%s(%s)' % (self.pick(['abs', '-']), e())
        if k == 8:
            return 'round(%s, %d)' % (e(), self.r.randint(-2, 5))
        if k == 9:
            self.risky = True
            return '(%s ** %d)' % (e(), self.r.randint(-2, 4))
        if k == 10 and self.on('math'):
            self.risky = True
            return self.pick(['math.sqrt(abs(%s))' % e(), 'math.fabs(%s)' % e(), 'math.pi',
                              'math.hypot(%s, %s)' % (e(), e()), 'math.e', 'math.exp(%s %% 20)' % e(),
                              'math.log(abs(%s) + 1)' % e(), 'math.sin(%s)' % e()])
        if k == 11:
            return self.pick(["float('inf')", "float('-inf')", "float('1e3')", "float(' 2.5 ')",
                              "float('nan')", "float('-0')", '(1 / 3)', '(2 / 3)', '(10 / 4)'])
        if k == 12:
            return 'sum([%s, %s, %s])' % (e(), e(), e())
        return '%s(%s, %s)' % (self.pick(['min', 'max']), e(), e())

    def e_str(self, d):
        if d <= 0 or self.chance(0.25):
            return self.leaf('str')
        e = lambda t='str': self.expr(t, d - 1)
        k = self.r.randint(0, 22)
        if k <= 2:
            return '(%s + %s)' % (e(), e())
        if k == 3 and not self.in_loop:
            return '(%s * %s)' % (e(), self.small(0, 3))
        if k == 4:
            parts = [self.pick(['', self.int_lit()]) for _ in range(2)]
            step = self.pick(['', '', ':' + self.pick(['2', '-1', '3', '-2'])])
            return '%s[%s:%s%s]' % (e(), parts[0], parts[1], step)
        if k == 5 and self.on('strmeth'):
            m = self.pick(['upper', 'lower', 'strip', 'lstrip', 'rstrip', 'title', 'capitalize',
                           'swapcase', 'casefold'])
            return '%s.%s()' % (e(), m)
        if k == 6 and self.on('strmeth'):
            return '%s.replace(%s, %s%s)' % (e(), self.str_lit(), self.str_lit(),
                                              self.pick(['', ', 1', ', 2', ', 0', ', -1']))
        if k == 7:
            return '%s.join(%s)' % (self.pick(SEPS + ["''"]), e('lstr'))
        if k == 8:
            return '%s(%s)' % (self.pick(['str', 'repr']), e(self.pick(['int', 'float', 'str', 'lint', 'tup', 'dict', 'bool', 'lstr'])))
        if k == 9 and self.on('strmeth'):
            m = self.pick(['center', 'ljust', 'rjust'])
            fill = self.pick(['', ", '*'", ", '-'", ", ' '", ", '.'"])
            return '%s.%s(%d%s)' % (e(), m, self.r.randint(0, 16), fill)
        if k == 10 and self.on('strmeth'):
            return '%s.zfill(%d)' % (e(), self.r.randint(0, 12))
        if k == 11 and self.on('strmeth'):
            return '%s.%s(%s)[%d]' % (e(), self.pick(['partition', 'rpartition']), self.pick(SEPS), self.r.randint(0, 2))
        if k == 12:
            return 'chr(%d + %s %% 26)' % (self.pick([65, 97, 0x3b1]), e('int'))
        if k == 13 and self.on('percent'):
            return self.percent_fmt(d)
        if k == 14 and self.on('fstring'):
            return self.fstring(d)
        if k == 15 and self.on('format'):
            return self.format_call(d)
        if k == 16:
            return '(%s if %s else %s)' % (e(), e('bool'), e())
        if k == 17:
            return '%s[::-1]' % e()
        if k == 18:
            return "''.join(%s(%s))" % (self.pick(['sorted', 'reversed']), e())
        if k == 19 and self.on('strmeth'):
            return '%s.%s(%s)' % (e(), self.pick(['strip', 'lstrip', 'rstrip', 'removeprefix', 'removesuffix']),
                                  self.pick(["'a'", "' '", "'ab'", "'-'", "'he'", "'x'"]))
        if k == 20:
            self.risky = True
            return '%s[%s]' % (e(), self.int_lit())
        if k == 21 and self.on('strmeth'):
            self.risky = True
            return '%s.%s(%s)[%d]' % (e(), self.pick(['split', 'rsplit']),
                                      self.pick(SEPS + ['']), self.r.randint(0, 1))
        return self.leaf('str')

    def random_spec(self, t):
        """A spec from the whole mini-language: [[fill]align][sign][#][0][width][grouping][.prec][type]."""
        r = self.r
        align = self.pick(['', '', '<', '>', '^', '='])
        spec = (self.pick(['', '', '*', '0', ' ']) + align if align else '') + self.pick(['', '', '+', '-', ' '])
        spec += self.pick(['', '', '#']) + self.pick(['', '', '0']) + self.pick(['', '', str(r.randint(0, 25))])
        spec += self.pick(['', '', '', ',', '_'])
        if t == 'int':
            return spec + self.pick(['', 'd', 'b', 'o', 'x', 'X', 'n', 'c', 'e', '%'])
        return spec + self.pick(['', '.' + str(r.randint(0, 20))]) + self.pick(['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n'])

    def format_spec(self, t):
        r = self.r
        if t in ('int', 'float') and self.chance(0.5):
            self.risky = True
            return self.random_spec(t)
        if t == 'int':
            return self.pick(['d', '5d', '>8', '<6', '^9', '08d', '+d', ',', '_', 'x', 'X', '#x', 'o',
                              '#o', 'b', '#b', '*^12', '-d', ' d', '=+10', '_x', 'n', 'e', '.2f', '%'])
        if t == 'float':
            return self.pick(['.2f', '10.3f', '<10.1f', 'e', '.3e', 'E', 'g', '.3g', '.10g', '%',
                              '.1%', '+.2f', '08.2f', ',.2f', '_.3f', '*>12.4f', '', 'G', '.0f',
                              '^15.5g', '.12g', '#.0f', '=+12.2f', ' .1f', 'n', '.20f', '.17g', '.25e', '.0e', '#g', '.1g'])
        return self.pick(['', '>10', '<10', '^10', '*^11', '.3', '10.2', '-<8', '=^7', 's'])

    def fstring(self, d):
        parts = []
        for _ in range(self.r.randint(1, 3)):
            t = self.pick(['int', 'float', 'str'])
            ex = self.expr(t, d - 1)
            if "'" in ex or '\\' in ex or '"' in ex:
                ex = self.leaf(t) if self.vars_of(t) else {'int': '7', 'float': '2.5', 'str': 'str(7)'}[t]
                if "'" in ex or '\\' in ex or '"' in ex:
                    ex = '42'
                    t = 'int'
            conv = self.pick(['', '', '', '!r', '!s']) if t == 'str' else ''
            spec = ':' + self.format_spec(t) if self.chance(0.6) and t != 'str' or self.chance(0.3) and t == 'str' and not conv else ''
            parts.append(self.pick(['', 'v=', ' | ', '<', '(']) + '{%s%s%s}' % (ex, conv, spec))
        return 'f"%s"' % ''.join(parts)

    def format_call(self, d):
        t = self.pick(['int', 'float', 'str'])
        ex = self.expr(t, d - 1)
        k = self.r.randint(0, 3)
        if k == 0:
            return "format(%s, '%s')" % (ex, self.format_spec(t))
        if k == 1:
            return "'{}|{:%s}'.format(%s, %s)" % (self.format_spec(t), self.expr('int', d - 1), ex)
        if k == 2:
            return "'{0}-{1}-{0}'.format(%s, %s)" % (ex, self.expr('str', d - 1))
        return "'{name}:{val!r}'.format(name=%s, val=%s)" % (self.str_lit(), ex)

    def percent_fmt(self, d):
        return '(%s)' % self.percent_fmt_bare(d)   # parenthesized: it may get a .method() call

    def percent_fmt_bare(self, d):
        k = self.r.randint(0, 4)
        if k == 0:
            return "'%%d|%%5d|%%-5d|%%05d' %% (%s, %s, %s, %s)" % tuple(self.expr('int', d - 1) for _ in range(4))
        if k == 1 and self.on('float'):
            return "'%%.2f|%%8.3f|%%e|%%g' %% (%s, %s, %s, %s)" % tuple(self.expr('float', d - 1) for _ in range(4))
        if k == 2:
            return "'%%s and %%r' %% (%s, %s)" % (self.expr('str', d - 1), self.expr('str', d - 1))
        if k == 3:
            return "'%%x %%X %%o %%+d %%%%' %% (%s, %s, %s, %s)" % tuple(self.expr('int', d - 1) for _ in range(4))
        return "'[%%s]' %% (%s,)" % self.expr(self.pick(['lint', 'tup', 'dict', 'lstr']), d - 1)

    def e_lint(self, d):
        if d <= 0 or self.chance(0.3):
            return self.leaf('lint')
        e = lambda t='lint': self.expr(t, d - 1)
        k = self.r.randint(0, 12)
        if k == 0:
            return 'list(range(%d, %d, %s))' % (self.r.randint(-10, 10), self.r.randint(-10, 20), self.pick(['1', '2', '3', '-1', '-3']))
        if k == 1:
            return '[%s for x in %s%s]' % (self.pick(['x * 2', 'x + 1', '-x', 'x % 4', 'x * x', 'x // 2', 'abs(x)']),
                                           e(), self.pick(['', ' if x % 2', ' if x > 0', ' if x != 3']))
        if k == 2:
            return 'sorted(%s%s%s)' % (e(), self.pick(['', ', key=abs', ', key=lambda v: (v % 3, v)', ', key=lambda v: -v']),
                                       self.pick(['', ', reverse=True']))
        if k == 3:
            return '%s[%s:%s%s]' % (e(), self.pick(['', self.small(-4, 4)]), self.pick(['', self.small(-4, 6)]),
                                    self.pick(['', ':2', ':-1', ':-2', ':3']))
        if k == 4:
            return '(%s + %s)' % (e(), e())
        if k == 5 and not self.in_loop:
            return '(%s * %s)' % (e(), self.small(0, 3))
        if k == 6:
            return '[len(s) for s in %s]' % e('lstr')
        if k == 7:
            return 'list(reversed(%s))' % e()
        if k == 8:
            return 'sorted(%s)' % e('sint')
        if k == 9:
            return 'list(%s.values())' % e('dict')
        if k == 10:
            return '[i * j for i in range(%d) for j in range(%d) if i != j]' % (self.r.randint(0, 4), self.r.randint(0, 4))
        if k == 11:
            return 'list(%s)' % e('tup')
        return '[%s, %s]' % (self.expr('int', d - 1), self.expr('int', d - 1))

    def e_lstr(self, d):
        if d <= 0 or self.chance(0.3):
            return self.leaf('lstr')
        e = lambda t='lstr': self.expr(t, d - 1)
        k = self.r.randint(0, 7)
        if k == 0:
            return '%s.split(%s)' % (self.expr('str', d - 1), self.pick(SEPS + ['']))
        if k == 1:
            return 'sorted(%s%s)' % (e(), self.pick(['', ', key=len', ', key=str.lower', ', reverse=True', ', key=lambda s: s[::-1]']))
        if k == 2:
            return '[s.%s() for s in %s]' % (self.pick(['upper', 'strip', 'title']), e())
        if k == 3:
            return 'list(%s)' % self.expr('str', d - 1)
        if k == 4:
            return 'sorted(%s)' % self.expr('dict', d - 1)
        if k == 5:
            return '[str(x) for x in %s]' % self.expr('lint', d - 1)
        if k == 6:
            return '(%s + %s)' % (e(), e())
        return '%s[%s:%s]' % (e(), self.small(-3, 2), self.pick(['', self.small(-2, 4)]))

    def e_tup(self, d):
        if d <= 0 or self.chance(0.3):
            return self.leaf('tup')
        k = self.r.randint(0, 4)
        if k == 0:
            return '(%s, %s)' % (self.expr('int', d - 1), self.expr('int', d - 1))
        if k == 1:
            return 'tuple(%s)' % self.expr('lint', d - 1)
        if k == 2:
            return 'divmod(%s, %s)' % (self.expr('int', d - 1), self.nz_lit())
        if k == 3:
            return '(%s + %s)' % (self.expr('tup', d - 1), self.expr('tup', d - 1))
        return '%s[%s:]' % (self.expr('tup', d - 1), self.small(-2, 2))

    def e_dict(self, d):
        if d <= 0 or self.chance(0.35):
            return self.leaf('dict')
        k = self.r.randint(0, 4)
        if k == 0:
            return '{s: len(s) for s in %s}' % self.expr('lstr', d - 1)
        if k == 1:
            return 'dict(zip(%s, %s))' % (self.expr('lstr', d - 1), self.expr('lint', d - 1))
        if k == 2:
            return 'dict(a=%s, b=%s)' % (self.expr('int', d - 1), self.expr('int', d - 1))
        if k == 3:
            return '{**%s, %s: %s}' % (self.expr('dict', d - 1), self.pick(["'a'", "'new'", "'b'"]), self.expr('int', d - 1))
        return '{k: v * 2 for k, v in %s.items() if v %% 2 == 0}' % self.expr('dict', d - 1)

    def e_sint(self, d):
        if d <= 0 or self.chance(0.35):
            return self.leaf('sint')
        k = self.r.randint(0, 3)
        if k == 0:
            return '(%s %s %s)' % (self.expr('sint', d - 1), self.pick(['|', '&', '-', '^']), self.expr('sint', d - 1))
        if k == 1:
            return '{x %% %d for x in %s}' % (self.r.randint(2, 30), self.expr('lint', d - 1))
        if k == 2:
            return 'set(range(%d, %d))' % (self.r.randint(0, 5), self.r.randint(0, 15))
        return '{abs(x) %% 50 for x in %s}' % self.expr('lint', d - 1)

    def e_bool(self, d):
        if d <= 0 or self.chance(0.15):
            return self.leaf('bool')
        e = lambda t: self.expr(t, d - 1)
        k = self.r.randint(0, 10)
        if k <= 2:
            t = self.pick(['int', 'int', 'float', 'str', 'lint', 'tup'])
            return '(%s %s %s)' % (e(t), self.pick(['<', '<=', '>', '>=', '==', '!=']), e(t))
        if k == 3:
            return '(%s < %s <= %s)' % (e('int'), e('int'), e('int'))
        if k == 4:
            t = self.pick(['lint', 'sint', 'tup'])
            return '(%s %s %s)' % (e('int'), self.pick(['in', 'not in']), e(t))
        if k == 5:
            return '%s.%s(%s)' % (e('str'), self.pick(['startswith', 'endswith']), self.str_lit())
        if k == 6:
            return '%s.%s()' % (e('str'), self.pick(['isdigit', 'isalpha', 'isupper', 'islower', 'isspace', 'isalnum']))
        if k == 7:
            return '(not %s)' % e('bool')
        if k == 8:
            return '(%s %s %s)' % (e('bool'), self.pick(['and', 'or']), e('bool'))
        if k == 9:
            return '%s(x %s for x in %s)' % (self.pick(['any', 'all']), self.pick(['> 0', '% 2 == 0', '< 10']), e('lint'))
        return 'isinstance(%s, %s)' % (e(self.pick(['int', 'str', 'bool', 'float'])), self.pick(['int', 'str', 'float', 'bool', '(int, str)']))

    # ---- statements ----
    def rand_expr(self, t=None, d=None):
        """An expression of type t; returns (code, type, risky)."""
        t = t or self.pick(TYPES)
        if t == 'sint' and not self.on('set_print'):
            t = 'lint'
        self.risky = False
        code = self.expr(t, d if d is not None else self.r.randint(1, 3))
        return code, t, self.risky

    def guarded(self, stmt_lines, risky=True):
        """Emit statements; if risky, inside try/except that prints the error."""
        if risky:
            self.emit('try:')
            self.ind += 1
            for l in stmt_lines:
                self.emit(l)
            self.ind -= 1
            self.emit('except Exception as e:')
            self.emit('    print("!", type(e).__name__, e)')
        else:
            for l in stmt_lines:
                self.emit(l)

    def printable(self, code, t):
        if t == 'sint' and (self.chance(0.4) or not self.on('set_print')):
            return 'sorted(%s)' % code
        return code

    def s_assign(self):
        code, t, risky = self.rand_expr()
        name = self.fresh({'int': 'n', 'float': 'f', 'str': 's', 'lint': 'L', 'lstr': 'W', 'tup': 't',
                           'dict': 'd', 'sint': 'S', 'bool': 'b'}[t])
        if risky:
            # Make sure the variable exists even if the expression raises.
            self.emit('%s = %s' % (name, self.leaf(t)))
        self.guarded(['%s = %s' % (name, code), 'print(%r, %s)' % (name, self.printable(name, t))], risky)
        self.env[name] = t

    def s_print_expr(self):
        code, t, risky = self.rand_expr()
        form = self.r.randint(0, 4)
        code = self.printable(code, t)
        if form == 0:
            line = 'print(repr(%s))' % code
        elif form == 1:
            line = 'print(%s, %s, sep=%s)' % (code, self.rand_expr('int', 1)[0], self.pick(["', '", "'|'", "''"]))
            risky = risky or self.risky
        else:
            line = 'print(%s)' % code
        self.guarded([line], risky)

    def s_augassign(self):
        cands = [(k, v) for k, v in self.env.items() if v in ('int', 'float', 'str', 'lint')]
        if not cands:
            return self.s_assign()
        name, t = self.pick(cands)
        if t == 'int':
            op = self.pick(['+=', '-=', '^=', '|=', '&='] + (['*=', '//=', '%='] if not self.in_loop else ['%=']))
            rhs = self.nz_lit() if op in ('//=', '%=') else self.expr('int', 1)
            if op == '*=':
                rhs = self.int_lit()
        elif t == 'float':
            op = self.pick(['+=', '-=', '*='])
            rhs = self.pick(['0.5', '1.5', '-2.0', '3', '0.1'])
        elif t == 'str':
            op = '+='
            rhs = self.expr('str', 0) if not self.in_loop else self.str_lit()
            if rhs == name:
                rhs = "'x'"
        else:
            op = '+='
            rhs = '[%s]' % self.expr('int', 1)
        self.risky = False
        self.emit('%s %s %s' % (name, op, rhs))
        self.emit('print(%r, %s)' % (name, name))

    def s_mutate(self):
        cands = [(k, v) for k, v in self.env.items() if v in ('lint', 'dict', 'sint', 'lstr')]
        if not cands:
            return self.s_assign()
        name, t = self.pick(cands)
        r = self.r
        if t == 'lint':
            ops = ['%s.append(%s)' % (name, self.int_lit()), '%s.insert(%s, %s)' % (name, self.small(-3, 5), self.int_lit()),
                   '%s.extend(%s)' % (name, self.expr('lint', 1) if not self.in_loop else self.leaf_lit('lint')), 'print(%s.pop())' % name,
                   'print(%s.pop(%s))' % (name, self.small(-2, 2)), '%s.remove(%s)' % (name, self.int_lit()),
                   '%s.sort(%s)' % (name, self.pick(['', 'reverse=True', 'key=lambda v: (abs(v), v)'])), '%s.reverse()' % name,
                   'del %s[%s]' % (name, self.small(-2, 3)), '%s[%s:%s] = %s' % (name, self.small(0, 2), self.small(1, 4), self.expr('lint', 1)),
                   'print(%s.index(%s))' % (name, self.int_lit()), '%s[%s] = %s' % (name, self.small(-2, 3), self.int_lit()),
                   'del %s[::2]' % name, '%s.clear()' % name]
            risky = True
        elif t == 'lstr':
            ops = ['%s.append(%s)' % (name, self.str_lit()), '%s.sort()' % name, '%s.sort(key=len)' % name,
                   'print(%s.pop(0))' % name, '%s.insert(1, %s)' % (name, self.str_lit())]
            risky = True
        elif t == 'dict':
            k = self.pick(["'a'", "'b'", "'c'", "'key'", "'new'"])
            ops = ['%s[%s] = %s' % (name, k, self.int_lit()), 'print(%s[%s])' % (name, k),
                   'print(%s.pop(%s, %s))' % (name, k, self.int_lit()), 'del %s[%s]' % (name, k),
                   'print(%s.setdefault(%s, %s))' % (name, k, self.int_lit()),
                   '%s.update(%s)' % (name, self.expr('dict', 1)), 'print(list(%s.items()))' % name,
                   'print(%s in %s, len(%s))' % (k, name, name), 'print(%s.pop(%s))' % (name, k),
                   'print(%s.popitem())' % name, 'print(list(%s.keys()), list(%s.values()))' % (name, name)]
            risky = True
        else:
            ops = ['%s.add(%s)' % (name, r.randint(0, 40)), '%s.discard(%s)' % (name, r.randint(0, 40)),
                   '%s.remove(%s)' % (name, r.randint(0, 40)), '%s |= %s' % (name, self.expr('sint', 1)),
                   '%s -= %s' % (name, self.expr('sint', 1)), 'print(%s.issubset(%s))' % (name, self.expr('sint', 1))]
            risky = True
        self.guarded([self.pick(ops), 'print(%r, %s)' % (name, self.printable(name, t))], risky)

    def body(self, nstmts, kinds=('assign', 'print_expr', 'augassign', 'mutate', 'if')):
        start = len(self.lines)
        for _ in range(nstmts):
            k = self.pick([k for k in kinds if self.on(k)] or ['print_expr'])
            getattr(self, 's_' + k)()
        if len(self.lines) == start:
            self.emit('pass')

    def safe_bool(self):
        for _ in range(5):
            code, _, risky = self.rand_expr('bool', 1)
            if not risky:
                return code
        return 'True'

    def s_if(self):
        cond = self.rand_expr('bool', 2)
        self.guarded_block('if %s:' % cond[0], cond[2], self._if_rest)

    def _if_rest(self):
        self.ind += 1
        self.body(self.r.randint(1, 2), ('print_expr', 'augassign'))
        self.ind -= 1
        if self.chance(0.4):
            self.emit('elif %s:' % self.safe_bool())
            self.ind += 1
            self.body(1, ('print_expr',))
            self.ind -= 1
        if self.chance(0.6):
            self.emit('else:')
            self.ind += 1
            self.body(1, ('print_expr', 'augassign'))
            self.ind -= 1

    def guarded_block(self, header, risky, rest):
        if risky:
            self.emit('try:')
            self.ind += 1
        self.emit(header)
        rest()
        if risky:
            self.ind -= 1
            self.emit('except Exception as e:')
            self.emit('    print("!", type(e).__name__, e)')

    def s_for(self):
        saved_env = dict(self.env)   # names bound in the loop may stay unbound (zero iterations)
        self.in_loop += 1
        v = self.fresh('i')
        for _ in range(5):   # the loop header is not guarded: avoid expressions that may raise
            self.risky = False
            header = self.for_header(v)
            if not self.risky:
                break
            self.env = dict(saved_env)
        else:
            header = 'for %s in range(3):' % v
            self.env[v] = 'int'
        self.emit(header)
        self.ind += 1
        if self.chance(0.4):
            self.emit('if %s:' % self.safe_bool())
            self.emit('    %s' % self.pick(['continue', 'break', 'print("skip")']))
        self.body(self.r.randint(1, 3), ('print_expr', 'augassign', 'mutate', 'assign'))
        self.ind -= 1
        if self.chance(0.3):
            self.emit('else:')
            self.emit('    print("loop done")')
        self.in_loop -= 1
        self.env = saved_env

    def for_header(self, v):
        it_kind = self.r.randint(0, 6)
        if it_kind == 0:
            header = 'for %s in range(%d, %d, %s):' % (v, self.r.randint(-5, 5), self.r.randint(-5, 12), self.pick(['1', '2', '-1', '3']))
            self.env[v] = 'int'
        elif it_kind == 1:
            header = 'for %s in %s:' % (v, self.expr('lint', 1))
            self.env[v] = 'int'
        elif it_kind == 2:
            header = 'for %s in %s:' % (v, self.expr('str', 1))
            self.env[v] = 'str'
        elif it_kind == 3:
            k2 = self.fresh('k')
            header = 'for %s, %s in %s.items():' % (k2, v, self.expr('dict', 1))
            self.env[v] = 'int'
            self.env[k2] = 'str'
        elif it_kind == 4:
            k2 = self.fresh('j')
            header = 'for %s, %s in enumerate(%s%s):' % (k2, v, self.expr('lstr', 1), self.pick(['', ', 1', ', -2']))
            self.env[v] = 'str'
            self.env[k2] = 'int'
        elif it_kind == 5:
            k2 = self.fresh('a')
            header = 'for %s, %s in zip(%s, %s):' % (k2, v, self.expr('lint', 1), self.expr('str', 1))
            self.env[v] = 'str'
            self.env[k2] = 'int'
        else:
            header = 'for %s in sorted(%s):' % (v, self.expr('sint', 1))
            self.env[v] = 'int'
        return header

    def s_while(self):
        self.in_loop += 1
        c = self.fresh('w')
        self.emit('%s = %d' % (c, self.r.randint(0, 3)))
        self.emit('while %s < %d:' % (c, self.r.randint(2, 12)))
        self.ind += 1
        self.emit('%s += 1' % c)
        if self.chance(0.5):
            self.emit('if %s %% %d == 0:' % (c, self.r.randint(2, 4)))
            self.emit('    %s' % self.pick(['continue', 'break']))
        self.body(self.r.randint(1, 3), ('print_expr', 'augassign', 'mutate'))
        self.ind -= 1
        if self.chance(0.4):
            self.emit('else:')
            self.emit('    print("while else", %s)' % c)
        self.in_loop -= 1
        self.env[c] = 'int'   # only after the body: changing the counter inside could loop forever

    def with_scope(self, params, fn):
        """Generate a function body with only params (and read-only globals) in scope."""
        saved, saved_loop = self.env, self.in_loop
        self.env = dict(params)
        self.in_loop = 0
        fn()
        self.env, self.in_loop = saved, saved_loop

    def int_body_return(self):
        code, _, risky = self.rand_expr('int', 2)
        if risky:
            self.emit('try:')
            self.emit('    return %s' % code)
            self.emit('except (IndexError, ValueError, OverflowError, ZeroDivisionError) as e:')
            self.emit('    return -1')
        else:
            self.emit('return %s' % code)

    def s_func(self):
        name = self.fresh('fn')
        kind = self.r.randint(0, 3)
        if kind == 0:
            sig, params, arity = 'a, b=%s' % self.int_lit(), {'a': 'int', 'b': 'int'}, 2
        elif kind == 1:
            sig, params, arity = 'a, *rest', {'a': 'int'}, 3
        elif kind == 2:
            sig, params, arity = 'a, b, *, scale=2', {'a': 'int', 'b': 'int', 'scale': 'int'}, 2
        else:
            sig, params, arity = 'a, **kw', {'a': 'int'}, 1
        self.emit('def %s(%s):' % (name, sig))
        self.ind += 1

        def fbody():
            if kind == 1:
                self.emit('a = a + sum(rest) + len(rest)')
            if kind == 3:
                self.emit("a = a + kw.get('x', 0) * 3 + len(kw)")
                self.emit("print('kw', sorted(kw.items()))")
            if self.chance(0.3):
                loc = self.fresh('v')
                self.emit('%s = %s' % (loc, self.expr('int', 1)))
                self.env[loc] = 'int'
            self.int_body_return()
        self.with_scope(params, fbody)
        self.ind -= 1
        e = lambda: self.expr('int', 1)
        calls = {0: ['%s(%s)' % (name, e()), '%s(%s, %s)' % (name, e(), e()), '%s(b=%s, a=%s)' % (name, e(), e())],
                 1: ['%s(%s)' % (name, e()), '%s(%s, %s, %s)' % (name, e(), e(), e()), '%s(*%s)' % (name, '[1, 2, 3]')],
                 2: ['%s(%s, %s)' % (name, e(), e()), '%s(%s, %s, scale=%s)' % (name, e(), e(), e())],
                 3: ['%s(%s)' % (name, e()), '%s(%s, x=%s, y=1)' % (name, e(), e()), '%s(**{"a": 4, "x": 2})' % name]}[kind]
        for c in self.r.sample(calls, self.r.randint(1, len(calls))):
            self.guarded(['print(%r, %s)' % (c.split('(')[0], c)], True)
        if kind in (0, 2):
            self.funcs.append((name, 2))

    def s_closure(self):
        name = self.fresh('make_counter')
        step = self.int_lit()
        self.emit('def %s(start):' % name)
        self.emit('    count = start')
        self.emit('    def inc(by=%s):' % step)
        self.emit('        nonlocal count')
        self.emit('        count += by')
        self.emit('        return count')
        self.emit('    def get():')
        self.emit('        return count')
        self.emit('    return inc, get')
        inc, get = self.fresh('inc'), self.fresh('get')
        self.emit('%s, %s = %s(%s)' % (inc, get, name, self.int_lit()))
        for _ in range(self.r.randint(1, 4)):
            self.emit('print(%s(%s), %s())' % (inc, self.pick(['', self.int_lit()]), get))
        if self.chance(0.5):
            adders = self.fresh('adders')
            self.emit('%s = [lambda x, k=k: x + k * %s for k in range(%d)]' % (adders, self.small(1, 5), self.r.randint(1, 5)))
            self.emit('print([f(%s) for f in %s])' % (self.int_lit(), adders))
            self.emit('late = [lambda: k for k in range(3)]')
            self.emit('print([f() for f in late])')

    def s_recursion(self):
        k = self.r.randint(0, 4)
        name = self.fresh('rec')
        if k == 0:
            self.emit('def %s(n):' % name)
            self.emit('    return n if n < 2 else %s(n - 1) + %s(n - 2)' % (name, name))
            arg = self.small(0, 18)
        elif k == 1:
            self.emit('def %s(n, acc=1):' % name)
            self.emit('    if n <= 1:')
            self.emit('        return acc')
            self.emit('    return %s(n - 1, acc * n)' % name)
            arg = self.small(0, 60)
        elif k == 2:
            self.emit('def %s(a, b):' % name)
            self.emit('    return a if b == 0 else %s(b, a %% b)' % name)
            arg = '%s, %s' % (self.int_lit(), self.int_lit())
        elif k == 3:
            self.emit('def %s(xs):' % name)
            self.emit('    if len(xs) <= 1:')
            self.emit('        return xs')
            self.emit('    p = xs[0]')
            self.emit('    return %s([x for x in xs[1:] if x < p]) + [p] + %s([x for x in xs[1:] if x >= p])' % (name, name))
            arg = self.expr('lint', 2)
        else:
            self.emit('def %s(n, depth=0):' % name)
            self.emit('    if n <= 0:')
            self.emit("        return [depth]")
            self.emit('    return %s(n - 1, depth + 1) + %s(n // 2 - 1, depth + 2)' % (name, name))
            arg = self.small(0, 8)
        self.emit('print(%r, %s(%s))' % (name, name, arg))

    def s_gen(self):
        name = self.fresh('gen')
        k = self.r.randint(0, 3)
        if k == 0:
            self.emit('def %s(n):' % name)
            self.emit('    i = 0')
            self.emit('    while i < n:')
            self.emit('        yield i * %s' % self.small(1, 4))
            self.emit('        i += 1')
            self.emit('    return "done"')
        elif k == 1:
            self.emit('def %s(n):' % name)
            self.emit('    yield from range(n)')
            self.emit('    yield from %s' % self.expr('lint', 1))
        elif k == 2:
            self.emit('def %s(n):' % name)
            self.emit('    a, b = 0, 1')
            self.emit('    for _ in range(n):')
            self.emit('        yield a')
            self.emit('        a, b = b, a + b')
        else:
            self.emit('def %s(n):' % name)
            self.emit('    try:')
            self.emit('        for i in range(n):')
            self.emit('            x = yield i')
            self.emit('            if x is not None:')
            self.emit("                print('got', x)")
            self.emit('    finally:')
            self.emit("        print('gen cleanup')")
        n = self.small(0, 12)
        use = self.r.randint(0, 4)
        if use == 0:
            self.emit('print(list(%s(%s)))' % (name, n))
        elif use == 1:
            g = self.fresh('g')
            self.emit('%s = %s(%s)' % (g, name, n))
            self.emit('print(next(%s, None), next(%s, None), list(%s))' % (g, g, g))
        elif use == 2:
            self.emit('print(sum(%s(%s)), max(%s(%s), default=-1))' % (name, n, name, n))
        elif use == 3:
            g = self.fresh('g')
            self.emit('%s = %s(%s)' % (g, name, n))
            self.emit('try:')
            self.emit('    while True:')
            self.emit('        print(next(%s), end=" ")' % g)
            self.emit('except StopIteration as e:')
            self.emit("    print('stop', repr(e.value))")
        else:
            g = self.fresh('g')
            self.emit('%s = %s(%s)' % (g, name, n))
            self.emit('print(next(%s, None))' % g)
            if k == 3:
                self.emit('try:')
                self.emit('    print(%s.send(%s))' % (g, self.int_lit()))
                self.emit('except StopIteration:')
                self.emit("    print('stopped')")
                self.emit('%s.close()' % g)
            self.emit('print([x %s for x in %s if x %% 2 == 0])' % (self.pick(['+ 1', '* x', '']), g))

    def s_class(self):
        base = self.fresh('C')
        fields = self.r.sample(['x', 'y', 'z', 'name', 'w'], self.r.randint(1, 3))
        ftypes = {f: ('str' if f == 'name' else 'int') for f in fields}
        has_eq = self.chance(0.7)
        has_lt = self.chance(0.6)
        has_hash = has_eq and self.chance(0.5)
        self.emit('class %s:' % base)
        self.ind += 1
        self.emit('kind = %s' % self.str_lit())
        self.emit('count = 0')
        self.emit('def __init__(self, %s):' % ', '.join('%s=%s' % (f, self.int_lit() if ftypes[f] == 'int' else self.pick(STR_POOL)) for f in fields))
        for f in fields:
            self.emit('    self.%s = %s' % (f, f))
        self.emit('    %s.count += 1' % base)
        if self.chance(0.3):
            self.emit('def __str__(self):')
            self.emit("    return '<%s ' + str(self.%s) + '>'" % (base, fields[0]))
        self.emit('def __repr__(self):')
        self.emit("    return f'%s(%s)'" % (base, ', '.join('{self.%s!r}' % f for f in fields)))
        key = '(%s)' % ''.join('self.%s, ' % f for f in fields)
        okey = key.replace('self.', 'other.')
        if has_eq:
            self.emit('def __eq__(self, other):')
            self.emit('    if not isinstance(other, %s):' % base)
            self.emit('        return NotImplemented')
            self.emit('    return %s == %s' % (key, okey))
        if has_lt:
            self.emit('def __lt__(self, other):')
            self.emit('    return %s < %s' % (key, okey))
        if has_hash:
            self.emit('def __hash__(self):')
            self.emit('    return hash(%s)' % key)
        ints = [f for f in fields if ftypes[f] == 'int']
        if ints:
            self.emit('@property')
            self.emit('def total(self):')
            self.emit('    return %s' % ' + '.join('self.%s' % f for f in ints))
            if self.chance(0.5):
                self.emit('def __add__(self, other):')
                self.emit('    return %s(%s)' % (base, ', '.join('%s=self.%s + other.%s' % (f, f, f) for f in ints)))
            self.emit('def scaled(self, k):')
            self.ind += 1
            self.with_scope({'k': 'int', 'self.' + ints[0]: 'int'}, self.int_body_return)
            self.ind -= 1
        self.emit('@staticmethod')
        self.emit('def helper(v):')
        self.emit('    return v * %s' % self.small(2, 5))
        self.emit('@classmethod')
        self.emit('def make(cls, n):')
        self.emit('    return cls(%s)' % ', '.join('n' if ftypes[f] == 'int' else 'str(n)' for f in fields[:1]))
        if self.chance(0.4):
            self.emit('def __len__(self):')
            self.emit('    return %d' % self.r.randint(0, 5))
            self.emit('def __iter__(self):')
            self.emit('    return iter([%s])' % ', '.join('self.%s' % f for f in fields))
            self.emit('def __contains__(self, v):')
            self.emit('    return v in (%s)' % ''.join('self.%s, ' % f for f in fields))
        self.ind -= 1
        sub = None
        if self.chance(0.7):
            sub = self.fresh('D')
            self.emit('class %s(%s):' % (sub, base))
            self.ind += 1
            self.emit('kind = %s' % self.str_lit())
            self.emit('def __init__(self, *args, extra=%s):' % self.int_lit())
            self.emit('    super().__init__(*args)')
            self.emit('    self.extra = extra')
            self.emit('def __repr__(self):')
            self.emit("    return super(%s, self).__repr__() + '+' + repr(self.extra)" % sub
                      if self.chance(0.5) else "    return 'Sub' + super().__repr__() + '+' + repr(self.extra)")
            if ints:
                self.emit('def scaled(self, k):')
                self.emit('    return super().scaled(k) * 2 + self.extra')
            self.ind -= 1
        # Use the classes.
        objs = self.fresh('objs')
        mk = lambda cls: '%s(%s)' % (cls, ', '.join(self.int_lit() if ftypes[f] == 'int' else self.str_lit()
                                                   for f in fields[:self.r.randint(0, len(fields))]))
        items = [mk(base) for _ in range(self.r.randint(1, 3))]
        if sub:
            items += [mk(sub) for _ in range(self.r.randint(0, 2))]
        self.emit('%s = [%s]' % (objs, ', '.join(items)))
        self.emit('print(%s)' % objs)
        self.emit('print(%s.count, %s.kind%s)' % (base, base, ', %s.kind, %s.count' % (sub, sub) if sub else ''))
        for o in self.r.sample(range(len(items)), min(len(items), 2)):
            self.emit('print(str(%s[%d]), %s[%d].helper(3), type(%s[%d]).__name__)' % (objs, o, objs, o, objs, o))
        if has_eq:
            self.emit('print(%s[0] == %s[-1], %s[0] != %s[0], %s[0] in %s)' % (objs, objs, objs, objs, objs, objs))
        if has_lt:
            self.guarded(['print(sorted(%s))' % objs, 'print(max(%s), min(%s))' % (objs, objs)], True)
        self.emit('print(sorted(%s, key=repr))' % objs)
        if has_hash:
            self.emit('print(len({o: 1 for o in %s}), len(set(%s)))' % (objs, objs))
        if ints:
            self.guarded(['print([o.total for o in %s])' % objs, 'print([o.scaled(%s) for o in %s])' % (self.int_lit(), objs)], True)
            self.guarded(['print(%s[0] + %s[-1])' % (objs, objs)], True)
        self.emit('print(%s.make(%s), %s.helper(%s))' % (base, self.small(), base, self.int_lit()))
        if sub:
            self.emit('print(isinstance(%s[-1], %s), issubclass(%s, %s), %s.make(2))' % (objs, base, sub, base, sub))
        self.emit('print(hasattr(%s[0], %r), getattr(%s[0], %r, None))' % (objs, self.pick(fields), objs, self.pick(['extra', 'nope'] + fields)))
        self.guarded(['print(len(%s[0]), list(%s[0]), %s in %s[0])' % (objs, objs, self.int_lit(), objs)], True)

    def s_exc(self):
        k = self.r.randint(0, 3)
        err = self.fresh('AppError')
        self.emit('class %s(%s):' % (err, self.pick(['Exception', 'ValueError', 'KeyError', 'LookupError'])))
        self.emit('    def __init__(self, code, msg=%s):' % self.str_lit())
        self.emit('        super().__init__(msg, code)')
        self.emit('        self.code = code')
        fn = self.fresh('check')
        self.emit('def %s(v):' % fn)
        self.emit('    if v %% %d == 0:' % self.r.randint(2, 4))
        self.emit('        raise %s(v)' % err)
        self.emit('    if v < 0:')
        self.emit('        raise ValueError(%s)' % self.pick(["'negative'", "f'bad value {v}'", "'v=%d' % v"]))
        self.emit('    return %s' % self.pick(['100 // (v - 5)', '[1, 2, 3][v]', "{'a': 1}[str(v)]", 'v * 2', 'int(str(v) + "x")']))
        for v in self.r.sample(range(-3, 10), self.r.randint(2, 5)):
            self.emit('try:')
            self.emit('    print(%s(%d))' % (fn, v))
            self.emit('except %s as e:' % err)
            self.emit('    print(%r, e.code, e.args, repr(e)[:%d])' % (err, self.r.randint(5, 60)))
            if self.chance(0.5):
                self.emit('except (ZeroDivisionError, IndexError) as e:')
                self.emit('    print(type(e).__name__, e)')
            mid = self.pick(['LookupError', 'ArithmeticError', 'ValueError', None])
            if mid:
                self.emit('except %s as e:' % mid)
                self.emit('    print(%r, type(e).__name__, str(e))' % mid)
            self.emit('except Exception as e:')
            self.emit('    print("other", type(e).__name__, str(e))')
            if self.chance(0.4):
                self.emit('else:')
                self.emit('    print("no error")')
            if self.chance(0.5):
                self.emit('finally:')
                self.emit('    print("finally", %d)' % v)
        if k == 0:
            f2 = self.fresh('wrap')
            self.emit('def %s(v):' % f2)
            self.emit('    try:')
            self.emit('        return %s(v)' % fn)
            self.emit('    except ValueError as e:')
            self.emit('        raise RuntimeError("wrapped") from e')
            self.emit('    finally:')
            self.emit('        print("wrap finally")')
            self.emit('try:')
            self.emit('    %s(%d)' % (f2, self.r.randint(-2, 3)))
            self.emit('except RuntimeError as e:')
            self.emit('    print(e, type(e.__cause__).__name__, e.__cause__)')
            self.emit('except Exception as e:')
            self.emit('    print("outer", type(e).__name__)')
        elif k == 1:
            self.emit('def %s():' % self.fresh('f'))
            self.emit('    for i in range(5):')
            self.emit('        try:')
            self.emit('            if i == %d:' % self.r.randint(0, 4))
            self.emit('                return i')
            self.emit('            if i == %d:' % self.r.randint(0, 4))
            self.emit('                continue')
            self.emit('        finally:')
            self.emit('            print("fin", i)')
            self.emit('    return -1')
            self.emit('print(%s())' % ('f%d' % self.n))
        elif k == 2:
            self.emit('try:')
            self.emit('    try:')
            self.emit('        %s' % self.pick(['1 / 0', '[][1]', "{}['k']", "int('q')", 'None + 1']))
            self.emit('    except %s:' % self.pick(['ZeroDivisionError', 'IndexError', 'KeyError', 'ValueError', 'TypeError']))
            self.emit('        print("inner caught")')
            self.emit('        raise')
            self.emit('    finally:')
            self.emit('        print("inner finally")')
            self.emit('except Exception as e:')
            self.emit('    print("outer", type(e).__name__, e, e.args)')
        else:
            self.emit('errs = []')
            self.emit('for v in %s:' % self.expr('lint', 1))
            self.emit('    try:')
            self.emit('        errs.append(%s(v))' % fn)
            self.emit('    except Exception as e:')
            self.emit('        errs.append(type(e).__name__)')
            self.emit('        if len(errs) > %d:' % self.r.randint(1, 4))
            self.emit('            break')
            self.emit('print(errs)')

    ERRORS = [
        '1 // 0', '5 % 0', '1.5 / 0', '2 ** -1 // 0', '[1, 2][5]', "'abc'[10]", "{'a': 1}['b']", "int('12x')",
        "int('')", "float('abc')", "'a' + 1", '1 + "a"', 'len(5)', '[1, 2].index(9)', "'abc'.index('z')",
        'None.foo', 'undefined_name_xyz', 'chr(-1)', 'pow(0, -1)', "sorted([1, 'a'])", '[] < 3',
        "[1].remove(2)", '{}.pop(1)', 'next(iter([]))', 'math.sqrt(-1)', "round(float('inf'))",
        "int(float('nan'))", 'a, b = [1, 2, 3]', 'a, b, c = (1, 2)', "x = {1, 2}; x.remove(5)",
        "'%d' % 'x'", "'%s %s' % (1,)", "'{0}'.format()", "'abc'.split('')", "int('99', 2)",
        '(1).foo', 'list(5)', "tuple(1)", "dict([1])", "[1, 2, 3][::0]", "'x' * 'y'", "-1 ** 0.5 + [1]",
        "{[1]: 2}", "hash([])", "abs('x')", "max([])", "min(1)", "'a'.center(5, 'ab')",
        "'x'.zfill('2')", "str.upper(3)", "list.append(3, 4)", "dict.keys([])", "str.join(1, [])", "ord('ab')", "divmod(1, 0)", "10 ** 400 * 1.0", "float(10 ** 400)",
        "1e308 * 10 // 0", "[1][1:2][0]", "(1, 2)[2]", "'abc'.foo()", "int(None)",
        "(lambda x: x)()", "(lambda x: x)(1, 2)", "isinstance(1, 2)", "range(1.5)", "format(1, 'q')",
        "f'{1:q}'", "'{:d}'.format(1.5)", "[1, 2, 3].pop(7)", "set().pop()", "dict(a=1)['b']",
        "'abc'.replace(1, 2)", "iter(5)", "getattr(1, 'nope')", "1 < 'a'", "-'a'", "~1.5",
        "'a' in 5", "3 in 'abc'", "sum(['a', 'b'])", "'%(x)s' % {'y': 1}",
        "[] - []", "'a' * 1.5", "{} + {}", "None < 1", "len(None)", "abs(None)", "int([])", "float([])",
        "'a'[1.5]", "[1][None]", "[1]['a']", "{}[[]]", "iter(None)", "next([])", "sorted(None)", "5()",
        "'a'.join([1])", "'%d' % None", "chr('a')", "ord(5)", "range('a')", "(1, 2).index(5)", "dict(1)",
        "int('x', 99)", "math.log(0)", "math.factorial(-1)", "[].pop()", "{}.popitem()", "'abc'.center()",
        "(lambda a, b: 0)(1)", "(lambda a: 0)(1, b=2)", "(lambda a, *, k: 0)(1)", "(lambda a: 0)(1, a=2)",
        "(lambda: 0)(1, 2)", "(lambda *a, **k: (a, k))(1, x=2)", "int('5', base=1)", "[1, 2, 3][1:2:0]",
        "1 << -1", "2 ** 10000 * 1.5", "1.5 % 0", "divmod(1.5, 0.0)", "0.0 ** -1",
        "math.sqrt(10 ** 400)", "int('inf')", "float('1e')", "round(1.5, 'a')", "max()", "sum(1)",
        "'abc'.split(None, -1, 3)", "'a'.startswith(1)", "list.sort([3, 1])", "[3, 'a'].sort()",
        "{'a': 1}.items()[0]", "(1).real", "(5).numerator", "(2.5).real", "True + True", "True & 3", "~True",
        "-True", "[1, 2] * True", "'%s %s' % 'ab'", "'%s' % (1, 2)", "'{0} {}'.format(1, 2)",
        "'{1}'.format(0)", "'{x}'.format()", "'{:d}'.format('a')", "'{:s}'.format(1)", "format('a', 'd')",
        "format(1.5, 'd')", "format(10, '.2s')", "f'{1:,d}{2:_b}'", "f'{-1.5:=^10}'", "f'{3:=<5}'",
        "'x'.center(-1)", "'ab'.count('')", "str(2**64) + 1", "int('0' * 50 + '7')", "float('0x1p3')",
        "getattr(None, 'x', 'dflt')", "setattr(1, 'x', 2)", "object().x", "type(1).__name__ + type(None).__name__",
        "isinstance(True, int) and issubclass(bool, int)", "hash(1.0) == hash(1)", "hash(-1)", "hash(2**61 - 1)",
        "hash((1, 2, (3,)))", "hash(1e300)", "hash(float('inf'))", "hash(-2**64)", "hash(0.5)",
        "(1, 2) < (1, 'a')", "[1, 2] == (1, 2)", "{1: 2} < {1: 2}", "None == 0", "None is None is not False",
        "1 == 1.0 == True", "0.1 * 3 == 0.3", "float('nan') == float('nan')", "[float('nan')] == [float('nan')]",
        "(2**1000) / (3**500)", "(10**30 + 1) / 3", "(-7) / 2", "2**-1074", "5e-324 / 2", "1.7976931348623157e308 * 1.0000000000000002",
        "repr(2.2250738585072014e-308)", "repr(9007199254740993.0)", "repr(0.1 + 0.7)", "'%.20f' % 0.1", "'%.17g' % (1/3)",
        "'%.25e' % 2.5e-10", "format(1e23, '.0f')", "format(2**0.5, '.30f')", "round(0.285, 2)", "round(1234.5678, -2)",
        "round(5e-324, 330)", "round(1e308, -308)", "math.floor(-1e20)", "math.ceil(2.000000001)", "math.trunc(-3.7)",
        "math.fmod(-7, 3)", "math.isclose(0.1 + 0.2, 0.3)", "math.gcd(2**70, 6**30)", "math.factorial(25)",
        "math.isqrt(10**30 + 5)", "math.comb(30, 12)", "math.copysign(3, -0.0)", "math.inf - math.inf",
    ]

    # Sizes far beyond memory: CPython raises MemoryError/OverflowError from a size check.
    LIMITS = ["(1,) * 2**62", "'ab' * 2**62", "[1] * 2**62", "1 << 2**62", "(-1) << 2**62"]

    def s_errors(self):
        errors = self.ERRORS if self.on('unbound_method') else [x for x in self.ERRORS if not x.startswith(('str.', 'list.', 'dict.'))]
        if self.on('limits'):
            errors = errors + self.LIMITS
        for ex in self.r.sample(errors, self.r.randint(1, 4)):
            if ex.startswith(('a, b', 'x = ')):
                stmt = ex
            else:
                stmt = 'print(%s)' % ex
            self.emit('try:')
            self.emit('    ' + stmt)
            self.emit('except Exception as e:')
            self.emit('    print(type(e).__name__, str(e), e.args)' if self.chance(0.5) else '    print(repr(e))')

    def s_unpack(self):
        k = self.r.randint(0, 3)
        a, b, c = self.fresh('u'), self.fresh('u'), self.fresh('u')
        if k == 0:
            self.emit('%s, *%s = %s' % (a, b, self.pick(['[1, 2, 3, 4]', '"xyz"', 'range(5)', '(7,)'])))
        elif k == 1:
            self.emit('*%s, %s = %s' % (a, b, self.pick(['[1, 2, 3]', '"ab"', '(9, 8)'])))
        elif k == 2:
            self.emit('(%s, %s), %s = (%s, %s), %s' % (a, b, c, self.int_lit(), self.str_lit(), self.float_lit()))
            self.emit('print(%s, %s, %s)' % (a, b, c))
            return
        else:
            self.emit('%s, %s = %s, %s' % (a, b, self.int_lit(), self.int_lit()))
            self.emit('%s, %s = %s, %s' % (a, b, b, a))
        self.emit('print(%s, %s)' % (a, b))

    def s_fmt(self):
        for _ in range(self.r.randint(1, 3)):
            k = self.r.randint(0, 2)
            self.risky = False
            if k == 0 and self.on('fstring'):
                code = self.fstring(2)
            elif k == 1 and self.on('percent'):
                code = self.percent_fmt(2)
            elif self.on('format'):
                code = self.format_call(2)
            else:
                code = 'str(%s)' % self.expr('int', 1)
            self.guarded(['print(%s)' % code], True)

    def s_lambda(self):
        f = self.fresh('lam')
        self.emit('%s = lambda x, y=%s: %s' % (f, self.int_lit(), self.pick(['x * y - 1', '(x, y)', 'x if x > y else y', 'x % (y or 1)', '[x] * 2'])))
        self.emit('print(%s(%s), %s(%s, y=%s))' % (f, self.int_lit(), f, self.int_lit(), self.int_lit()))
        self.emit('print(sorted(%s, key=lambda s: (%s, s)))' % (self.expr('lstr', 1), self.pick(['len(s)', '-len(s)', 's.count("a")', 's[-1:]'])))
        self.emit('print(list(map(%s, %s)), list(filter(lambda v: v %% 3, %s)))' % (f, self.expr('lint', 1), self.expr('lint', 1)))

    def s_comprehension(self):
        k = self.r.randint(0, 4)
        if k == 0:
            self.emit('print([(i, j) for i in range(%d) for j in range(i)])' % self.r.randint(0, 4))
        elif k == 1:
            self.emit('print({k: [c for c in k if c not in "aeiou"] for k in %s})' % self.expr('lstr', 1))
        elif k == 2:
            self.emit('print(sorted({x %% %d for x in %s}))' % (self.r.randint(2, 9), self.expr('lint', 2)))
        elif k == 3:
            self.emit('print(sum(x * x for x in range(%d) if x %% 3), list(enumerate(%s)))' % (self.r.randint(0, 20), self.expr('str', 1)))
        else:
            self.emit('print([[r * c for c in range(%d)] for r in range(%d)])' % (self.r.randint(0, 4), self.r.randint(0, 4)))

    def s_uncaught(self):
        self.emit(self.pick(['raise ValueError(%s)' % self.str_lit(), 'print(1 // 0)', "print({}['missing'])",
                             'raise KeyError(%s)' % self.int_lit(), 'assert %s, %s' % (self.rand_expr('bool', 1)[0], self.str_lit()),
                             'print([1][3])', 'import sys; sys.exit(%d)' % self.r.randint(0, 5),
                             'raise SystemExit(%s)' % self.pick(['3', "'bye'", '0']), 'raise RuntimeError']))

    EDGE = [
        # int boundaries of the 62/63/64-bit fast paths
        '(-2**63) // -1', '(-(2**62)) * 2', '(2**62) + (2**62)', '(2**63 - 1) + 1', '-(-2**63)',
        '(-2**63) % -1', 'abs(-2**62)', '(2**62) << 1', '(-1) >> 100', '1 << 64 >> 64', '~(2**63)',
        '(2**64) & -1', '(-2**64) | 1', '(-5) ^ (2**70)', '(2**62 - 1) * (2**62 - 1)', '-(2**62) - 1',
        '(-2**62) // 3', '(2**63) % 7', '(-2**63) // 7', 'divmod(-2**64, 3)', 'divmod(2**70, -7)',
        '(10**20) // (-3)', '(-10**20) % 7', 'pow(3, 200, 10**9 + 7)', 'pow(2**70, 2**70, 97)',
        'pow(3, -1, 7)', 'pow(38, -1, 97)', 'pow(2, -1, 4)', 'round(12345, -2)', 'round(-2**70, -3)',
        'round(2.5)', 'round(-0.5)', 'round(1.5)', 'round(0.125, 2)', 'round(1e20, -19)', 'round(-2.675, 2)',
        'bin(-10)', 'hex(2**64)', 'oct(-8)', 'bin(0)', 'hex(-(2**63))', '(2**64).bit_length()',
        '(-1).bit_length()', 'int(1e300) % 1000', 'int(-1e19)', 'int(2**53 + 1.0)',
        '2**53 + 1 == float(2**53 + 1)', '2**53 + 1 > float(2**53)', '10**400 > 1e308', '-10**400 < float("-inf")',
        '1e16', '1e-5', '123456789012345678.0', '0.1 + 0.2', '1/3', '2/3 * 3', '1e300 * 1e10', '-1e300 * 1e10',
        '(-0.0) == 0.0', 'str(-0.0)', '5.0 // -2', '-5.0 % 3', '5 % -3.0', 'divmod(-7.5, 2)', 'divmod(7, -2.5)',
        '(0.1).as_integer_ratio()', '(2.5).is_integer()', '(3.0).is_integer()', 'float("  1_000.5 ")',
        'float("infinity")', 'float("-NaN")', 'float("1e-400")', 'float(2**1023)', '2.0 ** 0.5', '(-8) ** 2',
        '10 ** -2', '(-2) ** -3', '0 ** 0', '0.0 ** 0', '2 ** 0.5', 'abs(-0.0)', 'max(1, 1.0)', 'min(0.0, -0.0)',
        "int('٣')", "int('1_2_3')", "int(' 0b101 ', 0)", "int('0o17', 0)", "int('-0x_ff', 16)", "int('1__2')",
        "'%c|%5s|%-6r|%.3s|%%' % (65, 'ab', 'q', 'abcdef')", "'%(a)s-%(b)05.1f' % {'a': 1, 'b': 2.25}",
        "'%*d|%-*d|' % (5, 42, 4, 7)", "'%d %i %u' % (2**70, -3, 7)", "'%x %o %X' % (-2**65, 2**40, 255)",
        "'%e|%.0e|%g|%G' % (12345.678, 0.5, 1e-10, 1e20)", "'%5.1f%%' % 99.95", "'%s' % [1, 'a']",
        "'%r' % 'it\\'s'", "'%10.4s|' % 'abcdefgh'", "'%+.3d' % 5", "'%#x %#o' % (255, 8)",
        "f'{10**30:,}'", "f'{-2**70:x}'", "f'{2**64:e}'", "f'{12345.6789:,.2f}'", "f'{1234.5:_}'",
        "f'{0.000012345:.3}'", "f'{1e100:.5g}'", "f'{255:#010b}'", "f'{-42:=8}'", "f'{3.14159:+09.3f}'",
        "f'{\"abc\":*^9}'", "f'{12:{5}}'", "f'{2.5:{8}.{3}}'", "f'{True:>6}'", "f'{None!r:>6}'",
        "f'{[1, 2]}{(3,)}{ {4: 5} }'", "f'{1e16}'", "f'{-0.0}'", "f'{1.0:.0%}'", "f'{0.5:g}'",
        "f'{100000000000000000000.0}'", "f'{1e22:f}'", "f'{2**100:.3e}'", "format(1e-7, '')",
        "format(12, 'c')", "format(3.0, 'n')", "format(-1.5, '010')", "format(5, '+')",
        "'{:{w}.{p}f}'.format(3.14159, w=10, p=2)", "'{0[1]}-{0[0]}'.format(['a', 'b'])",
        "'{:>{}}'.format('x', 4)", "'{!r:^10}'.format('q')", "'{:,}'.format(-1234567)",
        "'{a}{b}{a}'.format(a=1, b='-')", "'{{}} {}'.format(1)", "'{:.2%}'.format(0.4567)",
        # strings
        "'ß'.upper()", "'ﬁne'.upper()", "'İstanbul'.lower()", "'ΟΔΟΣ'.lower()", "'ΑΣ ΣΑ'.lower()",
        "\"hello world's\".title()", "'straße'.casefold()", "'ǅ'.swapcase()", "'aBc'.swapcase()",
        "len('🐍é')", "'🐍é'[::-1]", "'日本語'.center(9, '*')", "'²'.isdigit()", "'²'.isdecimal()",
        "'½'.isnumeric()", "'é'.isalpha()", "'Ab1'.isalnum()", "' \\t\\n'.isspace()", "'ab\\u200b'.isprintable()",
        "repr('\\x00\\x7f\\x80\\xa0\\xad')", "repr('\\u200b\\u2028\\u0378')", "repr('é\\n\\'\"')",
        "repr(\"'\")", "repr('\"')", "repr('\\'\"')", "repr('\\\\')", "repr('\\r\\t\\x1b')", "repr('🐍\\U0001f600')",
        "'a\\tb\\tc'.expandtabs(4)", "'x'.join('abc')", "'a,b,c'.split(',', 1)", "'a,b,c'.rsplit(',', 1)",
        "'  a  b  '.split()", "'a\\nb\\r\\nc\\n'.splitlines()", "'a\\nb\\n'.splitlines(True)",
        "'abcabc'.rfind('c')", "'abc'.startswith(('x', 'a'))", "'abc'.endswith('bc', 0, 2)",
        "'ab' * -1", "'abc'[5:1:-1]", "'abcdef'[-100:100:2]", "'hello'[::-2]", "'abc' < 'abd' < 'b'",
        "'Abc' < 'abc'", "'' in 'abc'", "'abc'.count('')", "'aaa'.replace('a', 'bb', 2)", "'abc'.replace('', '-')",
        "'%s' % ('x',)", "'-'.join(map(str, range(5)))",
        "'abc'.partition('x')", "'abc'.rpartition('x')", "'hello'.index('l')", "'mississippi'.rindex('ss')",
        "'aBC dEF'.capitalize()", "'12'.zfill(5)", "'-12'.zfill(5)", "'+x'.zfill(4)", "'abc'.ljust(2)",
        "chr(0x1F40D)", "ord('€')", "ascii('é🐍')" , "str(1.0)", "str(10**20)",
        # containers
        "sorted([(1, 'b'), (1, 'a'), (0, 'z')])", "sorted(['b', 'A', 'a', 'B'], key=str.lower)",
        "sorted([3, 1, 2], key=lambda v: 0)", "[1, 2] < [1, 2, 0]", "(1, 2) == (1, 2.0)", "[0] * 3 + [1] * 2",
        "[[0] * 2] * 2", "list(range(10))[::3]", "list(range(10, 0, -3))", "range(0, 10, 3)[1:]", "len(range(-5, 10, 4))",
        "range(10)[-1]", "list(reversed(range(5)))", "5 in range(0, 10, 5)", "range(3) == range(0, 3)",
        "dict.fromkeys('abc', 0)", "{'a': 1} | {'b': 2}", "{'a': 1, 'b': 2} == {'b': 2, 'a': 1}",
        "list({'b': 1, 'a': 2})", "dict(zip('abc', range(3)))", "{1: 'a', True: 'b', 1.0: 'c'}",
        "sorted({'x': 3, 'y': 1}.items(), key=lambda kv: kv[1])", "max({'a': 3, 'b': 9}, key=lambda k: -len(k))",
        "min([], default='empty')", "max('abc', key=ord)", "sum([0.1] * 10)", "sum([[1], [2]], [])",
        "(1, 2, 3).index(3)", "(1, 1, 2).count(1)", "tuple('abc')", "tuple(x * 2 for x in range(3))",
        "list(zip([1, 2, 3], 'ab'))", "list(enumerate('ab', 5))", "any([])", "all([])",
        "[x for x in range(20) if x % 3 == 0 if x % 2]", "[(x, y) for x in 'ab' for y in range(2)]",
        "{x: x * x for x in range(4)}", "sorted({-1, -2, 5, 3})", "len({1, 1.0, True})",
        "[1, 2, 3][1:2] * 2", "[1, [2, [3, [4]]]]", "repr([1.0, 'a', None, True, (2,), {}])",
        "str({'k': [1, {'z': (1,)}]})", "[] == [] is not None", "list(map(abs, [-1, 2, -3]))",
        "list(filter(None, [0, 1, '', 'a', [], [0]]))", "sorted('hello')", "sorted([2, 1], reverse=True)",
        "[*range(3), *'ab']", "{**{'a': 1}, **{'a': 2, 'b': 3}}", "(*[1, 2], 3)",
        # keyword arguments to builtins, builtin corner cases
        "'a,b,c'.split(sep=',', maxsplit=1)", "'a b c'.rsplit(maxsplit=1)", "'x'.center(width=5)",
        "int(x='5')", "int('17', base=8)", "{}.get(key=1)", "sorted([3, 1, 2], reverse=True, key=None)",
        "'{a}-{b}'.format_map({'a': 1, 'b': 2})", "min(3, -4, 2, key=abs)", "max([], default=0)",
        "list(enumerate(start=2, iterable='ab'))", "round(number=2.5)", "divmod(a=1, b=2)", "range(stop=3)",
        "list(zip('ab', 'cd', strict=True))", "list(zip('ab', 'c', strict=True))", "isinstance(1, (str, (float, int)))",
        "issubclass(bool, (int,))", "callable(len)", "callable(3)", "sum(range(10), start=5)", "pow(base=2, exp=3)",
        "pow(2, 3, mod=5)", "list(map(lambda a, b: a + b, [1, 2], [3, 4, 5]))", "list(filter(str.isdigit, 'a1b2'))",
        "sorted('bca', reverse=1)", "list(reversed({'a': 1, 'b': 2}))", "list(iter([1, 2, 3, 0, 5].pop, 0))",
        "max([(1, 'a'), (1, 'b')], key=lambda t: t[0])", "min(['bb', 'a', 'cc'], key=len)", "sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=lambda t: t[0])",
        "print(1, 2, sep='', end='!\\n')", "print(*[1, 2, 3], sep=' < ')", "print()", "str(sep='x')",
        "'abc'.startswith('b', 1)", "'abc'.find('c', -1)", "'abc'.index('a', 1)", "'abcabc'.count('bc', 2)",
        "[1, 2, 3, 2].index(2, 2)", "[1, 2].index(2, 0, 1)", "'abc'.split(maxsplit=-1)", "'a\u3000b'.split()",
        "'x\x1cy\x1dz\u2029w'.splitlines()", "'\u0085'.isspace()", "'A\u0300'.lower()", "'Σ'.lower()",
        "str.maketrans('ab', 'xy')", "'abc'.translate({97: 'A', 98: None})", "'aaa'.translate(str.maketrans('a', 'b'))",
        "list('abc'.encode()) if False else 'skip'", "bool('False')", "bool([[]])", "float(True)", "int(-0.9999)",
        "abs(-2**63)", "-(-2**63) - 1", "(2**63) // (2**62)", "(2**62) * -2 == -(2**63)", "(-2**63) * -1",
        "(2**63 - 1) - (-1)", "(-2**63) - 1", "(-2**63) + (-2**63)", "abs(-9223372036854775808)", "(-4611686018427387904) * 2",
        "(4611686018427387903) + 1", "(-4611686018427387904) - 1", "(-4611686018427387904) // -1", "(-4611686018427387904) * -1",
        "divmod(-4611686018427387904, -1)", "pow(-4611686018427387904, 1)", "-4611686018427387904 >> 1", "~4611686018427387903",
        "4611686018427387904 == 2**62", "hash(4611686018427387904)", "hash(2**61)", "str(4611686018427387904)[-3:]",
    ]

    def s_edge(self):
        for ex in self.r.sample(self.EDGE, self.r.randint(2, 6)):
            self.guarded(['print(%s)' % ex if self.chance(0.7) else 'print(repr(%s))' % ex], True)

    def s_oop(self):
        k = self.r.randint(0, 4)
        if k == 0:   # diamond inheritance and cooperative super()
            a, b, c, d = (self.fresh(x) for x in 'ABCD')
            self.emit('class %s:' % a)
            self.emit('    def hello(self):')
            self.emit("        return [%r]" % a)
            for x in (b, c):
                self.emit('class %s(%s):' % (x, a))
                self.emit('    def hello(self):')
                self.emit("        return [%r] + super().hello()" % x)
            self.emit('class %s(%s, %s):' % (d, b, c))
            self.emit('    def hello(self):')
            self.emit("        return [%r] + super().hello()" % d)
            self.emit('print(%s().hello(), [k.__name__ for k in %s.__mro__])' % (d, d))
            self.emit('print(isinstance(%s(), %s), issubclass(%s, (%s, int)))' % (d, c, b, c))
        elif k == 1:   # property with setter and validation
            p = self.fresh('Temp')
            self.emit('class %s:' % p)
            self.emit('    def __init__(self, c):')
            self.emit('        self.celsius = c')
            self.emit('    @property')
            self.emit('    def celsius(self):')
            self.emit('        return self._c')
            self.emit('    @celsius.setter')
            self.emit('    def celsius(self, v):')
            self.emit('        if v < -273.15:')
            self.emit("            raise ValueError('below absolute zero: %r' % (v,))")
            self.emit('        self._c = v')
            self.emit('    @property')
            self.emit('    def fahrenheit(self):')
            self.emit('        return self._c * 9 / 5 + 32')
            t = self.fresh('t')
            self.emit('%s = %s(abs(%s))' % (t, p, self.float_lit()))
            self.emit('print(%s.celsius, %s.fahrenheit)' % (t, t))
            for v in (self.float_lit(), '-300', self.int_lit()):
                self.guarded(['%s.celsius = %s' % (t, v), 'print(%s.celsius, round(%s.fahrenheit, 3))' % (t, t)], True)
            self.guarded(['%s.fahrenheit = 3' % t], True)
        elif k == 2:   # numeric dunders incl. reflected and in-place
            v = self.fresh('Vec')
            self.emit('class %s:' % v)
            self.emit('    def __init__(self, x, y):')
            self.emit('        self.x, self.y = x, y')
            self.emit('    def __repr__(self):')
            self.emit("        return 'Vec(%r, %r)' % (self.x, self.y)")
            self.emit('    def __add__(self, o):')
            self.emit('        if isinstance(o, int):')
            self.emit('            return %s(self.x + o, self.y + o)' % v)
            self.emit('        return %s(self.x + o.x, self.y + o.y)' % v)
            self.emit('    __radd__ = __add__')
            self.emit('    def __mul__(self, k):')
            self.emit('        return %s(self.x * k, self.y * k)' % v)
            self.emit('    def __rmul__(self, k):')
            self.emit('        return %s(k * self.x, k * self.y)' % v)
            self.emit('    def __neg__(self):')
            self.emit('        return %s(-self.x, -self.y)' % v)
            self.emit('    def __abs__(self):')
            self.emit('        return (self.x ** 2 + self.y ** 2) ** 0.5')
            self.emit('    def __bool__(self):')
            self.emit('        return bool(self.x or self.y)')
            self.emit('    def __eq__(self, o):')
            self.emit('        return isinstance(o, %s) and (self.x, self.y) == (o.x, o.y)' % v)
            self.emit('    def __getitem__(self, i):')
            self.emit('        return (self.x, self.y)[i]')
            self.emit('    def __call__(self, *a):')
            self.emit('        return sum(a) + self.x')
            a, b = self.fresh('p'), self.fresh('q')
            self.emit('%s, %s = %s(%s, %s), %s(%s, %s)' % (a, b, v, self.int_lit(), self.int_lit(), v, self.float_lit(), self.int_lit()))
            self.emit('print(%s + %s, %s + 1, 2 + %s, 3 * %s, %s * 2, -%s)' % (a, b, a, a, b, a, b))
            self.emit('print(abs(%s), bool(%s(0, 0)), %s == %s, %s != %s, %s[0], %s[-1], %s(1, 2))' % (a, v, a, a, a, b, a, b, a))
            self.emit('%s += %s' % (a, b))
            self.emit('print(%s, sum([%s, %s], %s(0, 0)))' % (a, a, b, v))
            self.guarded(['print(%s[2])' % a, 'print(list(%s))' % a], True)
            self.guarded(['print(%s - %s)' % (a, b)], True)
        elif k == 3:   # context managers
            cm = self.fresh('Ctx')
            self.emit('class %s:' % cm)
            self.emit('    def __init__(self, name, swallow=False):')
            self.emit('        self.name, self.swallow = name, swallow')
            self.emit('    def __enter__(self):')
            self.emit("        print('enter', self.name)")
            self.emit('        return self')
            self.emit('    def __exit__(self, et, ev, tb):')
            self.emit("        print('exit', self.name, et.__name__ if et else None, ev)")
            self.emit('        return self.swallow')
            self.emit("with %s('a') as c1, %s('b', True) as c2:" % (cm, cm))
            self.emit("    print('body', c1.name, c2.name)")
            self.emit('    %s' % self.pick(['1 / 0', "raise KeyError('k')", 'pass', "int('x')"]))
            self.emit("    print('not reached?')")
            self.emit('try:')
            self.emit("    with %s('outer'):" % cm)
            self.emit("        with %s('inner', %s):" % (cm, self.pick(['True', 'False'])))
            self.emit("            raise ValueError('boom')")
            self.emit("        print('after inner')")
            self.emit('except ValueError as e:')
            self.emit("    print('caught', e)")
        else:   # class attributes vs instance attributes, __dict__-free introspection, __str__
            c = self.fresh('Reg')
            self.emit('class %s:' % c)
            self.emit('    items = []')
            self.emit('    tag = %s' % self.str_lit())
            self.emit('    def __init__(self, v):')
            self.emit('        self.v = v')
            self.emit('        %s.items.append(v)' % c)
            self.emit('    def __str__(self):')
            self.emit("        return 'Reg<%s>' % (self.v,)")
            self.emit('    def __repr__(self):')
            self.emit("        return 'Reg(%r)' % (self.v,)")
            self.emit('    def __lt__(self, o):')
            self.emit('        return self.v < o.v')
            self.emit('    def __le__(self, o):')
            self.emit('        return self.v <= o.v')
            r1, r2 = self.fresh('r'), self.fresh('r')
            self.emit('%s, %s = %s(%s), %s(%s)' % (r1, r2, c, self.int_lit(), c, self.int_lit()))
            self.emit('%s.tag = "mine"' % r1)
            self.emit('print(%s.tag, %s.tag, %s.tag, %s.items)' % (r1, r2, c, c))
            self.emit('print(str(%s), [%s, %s], f"{%s}|{%s!r}", %s > %s, %s >= %s)' % (r1, r1, r2, r1, r2, r1, r2, r1, r2))
            self.emit('print(type(%s).__name__, %s.__class__.__name__, %s.__name__)' % (r1, r2, c))
            self.emit('del %s.tag' % r1)
            self.emit('print(%s.tag)' % r1)
            self.guarded(['del %s.tag' % r1], True)

    def s_genadv(self):
        k = self.r.randint(0, 3)
        g = self.fresh('sub')
        if k == 0:
            self.emit('def %s(n):' % g)
            self.emit('    for i in range(n):')
            self.emit('        yield i')
            self.emit('    return n * 10')
            o = self.fresh('outer')
            self.emit('def %s():' % o)
            self.emit('    r = yield from %s(%s)' % (g, self.small(0, 4)))
            self.emit("    print('sub returned', r)")
            self.emit('    yield r')
            self.emit('print(list(%s()))' % o)
        elif k == 1:
            self.emit('def %s():' % g)
            self.emit('    total = 0')
            self.emit('    while True:')
            self.emit('        x = yield total')
            self.emit('        if x is None:')
            self.emit('            return total')
            self.emit('        total += x')
            a = self.fresh('acc')
            self.emit('%s = %s()' % (a, g))
            self.emit('print(next(%s))' % a)
            for _ in range(self.r.randint(1, 4)):
                self.emit('print(%s.send(%s))' % (a, self.int_lit()))
            self.emit('try:')
            self.emit('    next(%s)' % a)
            self.emit('except StopIteration as e:')
            self.emit("    print('final', e.value)")
        elif k == 2:
            self.emit('def %s(xs):' % g)
            self.emit('    for x in xs:')
            self.emit('        try:')
            self.emit('            yield 10 // x')
            self.emit('        except ZeroDivisionError:')
            self.emit("            yield 'div0'")
            self.emit('print(list(%s(%s)))' % (g, self.expr('lint', 1)))
            self.emit('lazy = (x * 2 for x in range(%s) if x %% 2)' % self.small(0, 9))
            self.emit('print(next(lazy, None), sum(lazy), list(lazy))')
        else:
            self.emit('def %s():' % g)
            self.emit("    yield 1")
            self.emit("    raise ValueError('from gen')")
            self.emit('it = %s()' % g)
            self.emit('print(next(it))')
            self.emit('try:')
            self.emit('    next(it)')
            self.emit('except ValueError as e:')
            self.emit("    print('caught', e)")
            self.emit('print(next(it, "exhausted"))')
            self.emit("print(list(zip('a', %s())))" % g)

    def s_scopes(self):
        k = self.r.randint(0, 2)
        if k == 0:
            gname = self.fresh('G')
            self.emit('%s = %s' % (gname, self.int_lit()))
            f = self.fresh('bump')
            self.emit('def %s(k):' % f)
            self.emit('    global %s' % gname)
            self.emit('    %s += k' % gname)
            self.emit('    return %s' % gname)
            self.emit('print(%s(%s), %s(%s), %s)' % (f, self.int_lit(), f, self.int_lit(), gname))
        elif k == 1:
            f = self.fresh('outer')
            self.emit('def %s():' % f)
            self.emit('    x = %s' % self.int_lit())
            self.emit('    def mid():')
            self.emit('        def inner():')
            self.emit('            nonlocal x')
            self.emit('            x = x * 2 + 1')
            self.emit('            return x')
            self.emit('        return inner() + inner()')
            self.emit('    r = mid()')
            self.emit('    return r, x')
            self.emit('print(%s())' % f)
        else:
            f = self.fresh('memo')
            self.emit('def %s(n, cache={}):' % f)
            self.emit('    if n in cache:')
            self.emit('        return cache[n]')
            self.emit('    r = n if n < 2 else %s(n - 1) + %s(n - 2)' % (f, f))
            self.emit('    cache[n] = r')
            self.emit('    return r')
            self.emit('print(%s(%s), %s(%s))' % (f, self.small(0, 90), f, self.small(0, 20)))
            self.emit('L = [1, 2]')
            self.emit('L.append(L)')
            self.emit("d = {'self': None}")
            self.emit("d['self'] = d")
            self.emit('print(L, d, L[2][2][0])')

    POLY_VALUES = ['1', '(-3)', '2**62', '2**63 - 1', '-(2**63)', '10**20', '1.5', '(-0.0)', 'True',
                   "'ab'", "''", '[1]', '(2,)', '2**64', '7', '0.1']

    def s_poly(self):
        """Type-polymorphic call sites and attribute sites: stress inline caches and shapes."""
        k = self.r.randint(0, 3)
        if k == 0:
            f = self.fresh('op')
            opx = self.pick(['+', '*', '-', '//', '%', '<', '==', '&', '<<', '**'])
            self.emit('def %s(a, b):' % f)
            self.emit('    return a %s b' % opx)
            rhs = self.POLY_VALUES + ['2', '3']
            if opx in ('**', '<<', '*'):   # keep results small
                rhs = ['2', '3', '0', '1', '(-1)', '1.5', 'True', '(-2)']
            if opx == '**':   # a negative base to a fractional power is complex (outside the subset)
                rhs.remove('1.5')
            pairs = ', '.join('(%s, %s)' % (self.pick(self.POLY_VALUES), self.pick(rhs))
                              for _ in range(self.r.randint(3, 8)))
            self.emit('for a, b in [%s] * %d:' % (pairs, self.r.randint(1, 3)))
            self.emit('    try:')
            self.emit('        print(%s(a, b))' % f)
            self.emit('    except Exception as e:')
            self.emit('        print(type(e).__name__, e)')
        elif k == 1:
            a, b = self.fresh('P'), self.fresh('Q')
            self.emit('class %s:' % a)
            self.emit('    def __init__(self):')
            self.emit('        self.x = 1')
            self.emit('        self.y = 2')
            self.emit('class %s:' % b)
            self.emit('    y = 10')
            self.emit('    def __init__(self):')
            self.emit('        self.z = 3')
            self.emit('        self.x = 4')
            self.emit('def getx(o):')
            self.emit('    return o.x + o.y')
            objs = self.fresh('objs')
            self.emit('%s = [%s() for _ in range(3)] + [%s() for _ in range(3)]' % (objs, a, b))
            self.emit('for i, o in enumerate(%s * 2):' % objs)
            self.emit('    if i == %d:' % self.r.randint(0, 11))
            self.emit('        %s.y = %s' % (b, self.int_lit()))
            self.emit('    if i == %d:' % self.r.randint(0, 11))
            self.emit('        o.y = %s' % self.pick(["'s'", '0.5', '-1']))
            self.emit('    if i == %d:' % self.r.randint(0, 11))
            self.emit('        del o.x')
            self.emit('    try:')
            self.emit('        print(i, getx(o))')
            self.emit('    except Exception as e:')
            self.emit('        print(i, type(e).__name__, e)')
        elif k == 2:
            c = self.fresh('M')
            self.emit('class %s:' % c)
            self.emit('    def f(self):')
            self.emit('        return 1')
            self.emit('m = %s()' % c)
            self.emit('out = []')
            self.emit('for i in range(%d):' % self.r.randint(4, 12))
            self.emit('    out.append(m.f())')
            self.emit('    if i == %d:' % self.r.randint(0, 3))
            self.emit('        %s.f = lambda self: 2' % c)
            self.emit('    if i == %d:' % self.r.randint(2, 6))
            self.emit('        m.f = lambda: 3')
            self.emit('    if i == %d:' % self.r.randint(4, 9))
            self.emit('        del m.f')
            self.emit('print(out)')
        else:
            f = self.fresh('acc')
            self.emit('def %s(xs):' % f)
            self.emit('    t = xs[0]')
            self.emit('    for x in xs[1:]:')
            self.emit('        t = t + x')
            self.emit('    return t')
            for _ in range(self.r.randint(2, 5)):
                t = self.pick(['int', 'float', 'str', 'lint', 'tup'])
                self.guarded(['print(%s([%s]))' % (f, ', '.join(self.leaf(t) for _ in range(self.r.randint(1, 5))))], True)
            self.guarded(['print(%s([1, 2.5, True, 2**63]))' % f, 'print(%s([1, "a"]))' % f], True)

    # ---- whole program ----
    def program(self):
        target = self.r.randint(20, 80)
        self.emit('import math')
        # A few typed variables first so expressions have something to refer to.
        for _ in range(self.r.randint(2, 5)):
            self.s_assign()
        kinds = [k for k in SECTIONS if self.on(k)]
        weights = [SECTIONS[k] for k in kinds]
        while len(self.lines) < target:
            k = self.r.choices(kinds, weights)[0]
            before = len(self.lines)
            getattr(self, 's_' + k)()
            if len(self.lines) > 95 and before > 10:   # keep programs short
                del self.lines[before:]
                break
        if self.on('uncaught') and self.chance(0.1):
            self.s_uncaught()
        return '\n'.join(self.lines) + '\n'


def program_seed(seed, index, attempt=0):
    return '%s/%s/%s' % (seed, index, attempt)


def generate(seed, index=0, attempt=0, exclude=()):
    return Gen(program_seed(seed, index, attempt), exclude).program()


def main(argv):
    if '--list-features' in argv:
        print(' '.join(ALL_FEATURES))
        return 0
    args, exclude, attempt = [], [], 0
    i = 0
    while i < len(argv):
        if argv[i] == '--exclude':
            exclude = [x for x in argv[i + 1].split(',') if x]
            i += 2
        elif argv[i] == '--attempt':
            attempt = int(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if not args:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    seed = int(args[0])
    index = int(args[1]) if len(args) > 1 else 0
    sys.stdout.write(generate(seed, index, attempt, exclude))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
