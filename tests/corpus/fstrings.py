# f-strings: plain and expression fields, !r/!s conversions, format specs, nesting, escapes.
name = "Ada"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"hello {name}!", f"{n}", f"{n + 1}", f"{name!r}", f"{name!s}", f"{items}", f"{items[1]}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05d}|{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}")
print(f"{pi:.2f}|{pi:8.3f}|{pi:<8.1f}|{pi:e}|{pi:.3e}|{pi:g}|{1e20:g}|{pi:.0f}|{-pi:+.2f}|{pi:+.1f}")
print(f"{name:>8}|{name:<8}|{name:^9}|{name:*^9}|{name:.2}|{'x':-<4}")
print(f"{1234567:,}|{1234567.891:,.2f}|{0.25:.1%}|{-5:4d}|{5:+d}|{True}|{None}")
width = 7
prec = 2
print(f"{pi:{width}.{prec}f}|", f"{'nested ' + name.upper()}", f"{{literal braces}}", f"{n}{n}")
print(f"{'a' if n > 40 else 'b'}", f"{len(items) * 2}", f"{[x * x for x in items]}", f"{ {'k': 1}['k'] }")
d = {"key": "value"}
print(f"{d['key']}", f"{d}", f'{name + "!"}', f"tab\t|{n}|", f"{3.0}", f"{0.1 + 0.2}", f"{2 ** 64}")


class P:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "P(%d)" % self.x

    def __str__(self):
        return "<P %d>" % self.x


p = P(3)
print(f"{p}", f"{p!r}", f"{p!s}", f"{p.x:03}", str(p), repr(p))
print(f"multi {n} fields {name} in {pi:.1f} one {items[-1]} string")
print(f"""triple {n}
quoted""", F"upper {n}", rf"raw\n{n}", fr"also{n}\t")
