# string.py: the `string` module for stmjit: character-class constants, capwords and a
# hand-parsed Template ($name, ${name}, $$).

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Template"]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


_ID_START = ascii_letters + '_'
_ID_CHARS = _ID_START + digits


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        t = self.template
        out = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find('$', i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + 1
            if k < n and t[k] == '$':
                out.append('$')
                i = k + 1
                continue
            braced = k < n and t[k] == '{'
            start = k + 1 if braced else k
            e = start
            if e < n and t[e] in _ID_START:
                e += 1
                while e < n and t[e] in _ID_CHARS:
                    e += 1
            name = t[start:e]
            if not name or (braced and (e >= n or t[e] != '}')):
                if safe:
                    out.append('$')
                    i = k
                    continue
                line = t[:j].count('\n') + 1
                col = j - (t.rfind('\n', 0, j) + 1) + 1
                raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, col))
            end = e + 1 if braced else e
            if safe:
                if name in mapping:
                    out.append(str(mapping[name]))
                else:
                    out.append(t[j:end])
            else:
                out.append(str(mapping[name]))
            i = end
        return ''.join(out)

    def substitute(self, mapping=None, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            m = dict(mapping)
            m.update(kws)
            mapping = m
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            m = dict(mapping)
            m.update(kws)
            mapping = m
        return self._scan(mapping, True)
