# lib_json.py: json.dumps/loads against CPython's output and error messages.
import json
data = {'name': 'Ünï "q" \\ \n\t', 'n': [1, 2.5, -0.0, 1e22, 1e-7, 3.0, 10**20], 'ok': True, 'no': False, 'nil': None, 'nested': {'b': [], 'a': {}}, 't': (1, 'x')}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, {'k': [3]}]], indent='\t'))
print(json.dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':')), json.dumps([1, 2], indent=0))
print(json.dumps({3: 'i', 2.5: 'f', None: 'n', False: 'b'}), json.dumps('\x00\x1f\x7f\u2028\U0001F600'), json.dumps(float('nan')), json.dumps([float('inf'), -float('inf')]))
print(json.dumps(0.1 + 0.2), json.dumps(1/3), json.dumps(123456789.0), json.dumps(1e16), json.dumps(-5))
print(json.dumps({'x': object()}, default=lambda o: 'OBJ'), json.dumps({(1, 2): 3}, skipkeys=True))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=Enc), Enc(indent=1).encode([{'a': 1}]))
txt = '{"a": [1, 2.5, -3e2, 0, -0.5, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00\\/"}, "e": "", "f": 12345678901234567890}'
v = json.loads(txt); print(v, v['b']['c'] == 'd\né\U0001F600/')
print(json.loads(' [ ] '), json.loads('{}'), json.loads('"x"'), json.loads('  42\n'), json.loads('NaN'), json.loads('-Infinity'), json.loads('[1E3, 2e-2, 1.5E+1]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())), json.loads('[1, {"y": 2}]', object_pairs_hook=lambda p: p), json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, indent=4)), json.loads(json.dumps(data))['n'])
for bad in ['', '[1,', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '"a\\qb"', '"\\u12"', '[1,]', '{"a":1,}', '1 2', 'nul', '"a\nb"', '-', '01', '1.', '[', '{', '{"a":', '  \n  x', '[1]\n\n  ]', 'tru']:
    try: json.loads(bad); print('no error', repr(bad))
    except json.JSONDecodeError as e: print(repr(bad), type(e).__name__, e, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
for bad in [lambda: json.dumps({'x': {1, 2}}), lambda: json.dumps({(1,): 2}), lambda: json.dumps(float('nan'), allow_nan=False), lambda: json.loads(5)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
l = [1]; l.append(l)
try: json.dumps(l)
except ValueError as e: print('ValueError', e)
