# json.py: the `json` module for stmjit: dumps/dump (indent, sort_keys, separators,
# ensure_ascii, allow_nan, default, skipkeys) and loads/load with a recursive-descent parser
# whose JSONDecodeError messages and positions match CPython's.

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        if lineno == 1:
            colno = pos + 1
        else:
            colno = pos - doc.rindex("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---------------------------------------------------------------- encoding

_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b',
        '\f': '\\f'}
for _i in range(0x20):
    _c = chr(_i)
    if _c not in _ESC:
        _ESC[_c] = '\\u%04x' % _i
_TRANS = {}
for _c in _ESC:
    _TRANS[ord(_c)] = _ESC[_c]
_TRANS_ASCII = dict(_TRANS)
_TRANS_ASCII[0x7f] = '\\u007f'


def _encode_str(s, ensure_ascii):
    if not ensure_ascii:
        return '"' + s.translate(_TRANS) + '"'
    if s.isascii():
        return '"' + s.translate(_TRANS_ASCII) + '"'
    out = []
    for c in s:
        n = ord(c)
        if n < 0x7f:
            e = _ESC.get(c)
            out.append(c if e is None else e)
        elif n < 0x10000:
            out.append('\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
    return '"' + ''.join(out) + '"'


def _float_str(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        chunks = []
        self._enc(o, chunks, 0, {} if self.check_circular else None)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, float):
            return _float_str(k, self.allow_nan)
        if isinstance(k, int):
            return int.__repr__(k)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s" % type(k).__name__)

    def _enc(self, o, out, level, markers):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_str(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            if not o:
                out.append('[]')
                return
            mid = self._mark(o, markers)
            out.append('[')
            indent = self.indent
            if indent is not None:
                level += 1
                nl = '\n' + indent * level
                sep = self.item_separator + nl
                out.append(nl)
            else:
                sep = self.item_separator
            first = True
            for v in o:
                if first:
                    first = False
                else:
                    out.append(sep)
                self._enc(v, out, level, markers)
            if indent is not None:
                out.append('\n' + indent * (level - 1))
            out.append(']')
            if mid is not None:
                del markers[mid]
        elif isinstance(o, dict):
            if not o:
                out.append('{}')
                return
            mid = self._mark(o, markers)
            out.append('{')
            indent = self.indent
            if indent is not None:
                level += 1
                nl = '\n' + indent * level
                sep = self.item_separator + nl
                out.append(nl)
            else:
                sep = self.item_separator
            items = sorted(o.items()) if self.sort_keys else o.items()
            first = True
            for k, v in items:
                k = self._key(k)
                if k is None:
                    continue
                if first:
                    first = False
                else:
                    out.append(sep)
                out.append(_encode_str(k, self.ensure_ascii))
                out.append(self.key_separator)
                self._enc(v, out, level, markers)
            if indent is not None:
                out.append('\n' + indent * (level - 1))
            out.append('}')
            if mid is not None:
                del markers[mid]
        else:
            mid = self._mark(o, markers)
            self._enc(self.default(o), out, level, markers)
            if mid is not None:
                del markers[mid]

    def _mark(self, o, markers):
        if markers is None:
            return None
        mid = id(o)
        if mid in markers:
            raise ValueError("Circular reference detected")
        markers[mid] = o
        return mid


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ---------------------------------------------------------------- decoding

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_SIMPLE_ESC = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
               't': '\t'}


class _Parser:
    def __init__(self, s, object_hook, object_pairs_hook, parse_float, parse_int,
                 parse_constant, strict):
        self.s = s
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict

    def ws(self, i):
        s = self.s
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        # Parses the value starting exactly at i; returns (value, index after it).
        s = self.s
        if i >= len(s):
            raise JSONDecodeError("Expecting value", s, i)
        c = s[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.obj(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.constant('-Infinity'), i + 9
        return self.number(i)

    def constant(self, name):
        if self.parse_constant is not None:
            return self.parse_constant(name)
        if name == 'NaN':
            return float('nan')
        if name == 'Infinity':
            return float('inf')
        return -float('inf')

    def number(self, i):
        s = self.s
        n = len(s)
        start = i
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in '123456789':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise JSONDecodeError("Expecting value", s, start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                j += 1
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[start:i]
        if is_float:
            if self.parse_float is not None:
                return self.parse_float(text), i
            return float(text), i
        if self.parse_int is not None:
            return self.parse_int(text), i
        return int(text), i

    def bad_control(self, chunk, base):
        if self.strict and not chunk.isprintable():
            for k in range(len(chunk)):
                if ord(chunk[k]) < 0x20:
                    raise JSONDecodeError("Invalid control character at", self.s, base + k)

    def hex4(self, j):
        s = self.s
        h = s[j:j + 4]
        if len(h) != 4:
            return -1
        for c in h:
            if c not in _HEX:
                return -1
        return int(h, 16)

    def string(self, i):
        s = self.s
        begin = i - 1
        chunks = []
        while True:
            q = s.find('"', i)
            bs = s.find('\\', i, len(s) if q < 0 else q)
            stop = bs if bs >= 0 else (q if q >= 0 else len(s))
            chunk = s[i:stop]
            self.bad_control(chunk, i)
            if bs < 0:
                if q < 0:
                    raise JSONDecodeError("Unterminated string starting at", s, begin)
                chunks.append(chunk)
                return ''.join(chunks), q + 1
            chunks.append(chunk)
            if bs + 1 >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            e = s[bs + 1]
            if e != 'u':
                r = _SIMPLE_ESC.get(e)
                if r is None:
                    raise JSONDecodeError("Invalid \\escape", s, bs)
                chunks.append(r)
                i = bs + 2
                continue
            u = self.hex4(bs + 2)
            if u < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, bs + 1)
            i = bs + 6
            if 0xd800 <= u <= 0xdbff and s.startswith('\\u', i):
                u2 = self.hex4(i + 2)
                if u2 < 0:
                    raise JSONDecodeError("Invalid \\uXXXX escape", s, i + 1)
                if 0xdc00 <= u2 <= 0xdfff:
                    u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00))
                    i += 6
            chunks.append(chr(u))

    def obj(self, i):
        s = self.s
        pairs = []
        i = self.ws(i)
        if i < len(s) and s[i] == '}':
            return self.make_obj(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            key, i = self.string(i + 1)
            i = self.ws(i)
            if i >= len(s) or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self.ws(i + 1)
            val, i = self.value(i)
            pairs.append((key, val))
            i = self.ws(i)
            if i < len(s) and s[i] == '}':
                return self.make_obj(pairs), i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.ws(i + 1)

    def make_obj(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        s = self.s
        items = []
        i = self.ws(i)
        if i < len(s) and s[i] == ']':
            return items, i + 1
        while True:
            val, i = self.value(i)
            items.append(val)
            i = self.ws(i)
            if i < len(s) and s[i] == ']':
                return items, i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.ws(i + 1)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def _parser(self, s):
        return _Parser(s, self.object_hook, self.object_pairs_hook, self.parse_float,
                       self.parse_int, self.parse_constant, self.strict)

    def raw_decode(self, s, idx=0):
        return self._parser(s).value(idx)

    def decode(self, s):
        p = self._parser(s)
        val, i = p.value(p.ws(0))
        i = p.ws(i)
        if i != len(s):
            raise JSONDecodeError("Extra data", s, i)
        return val


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % type(s).__name__)
    if s.startswith('\ufeff'):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
