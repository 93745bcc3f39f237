# printf-style % formatting of the common forms.
print("%d" % 42, "%5d|" % 42, "%-5d|" % 42, "%05d" % 42, "%+d" % 42, "%d" % -7, "%d" % 3.99)
print("%s" % "str", "%s" % 1.5, "%s" % [1, 2], "%s" % None, "%r" % "str", "%r" % 1.5, "%10s|" % "right", "%-10s|" % "left")
print("%f" % 3.14159, "%.2f" % 3.14159, "%8.3f|" % 3.14159, "%-8.1f|" % 2.25, "%.0f" % 2.5, "%.0f" % 3.5, "%e" % 12345.678, "%.2e" % 0.000123)
print("%g" % 0.0001, "%g" % 1e-5, "%g" % 123456789.0, "%g" % 100.0, "%.3g" % 3.14159)
print("%x" % 255, "%X" % 255, "%o" % 8, "%#x" % 255, "%#o" % 8, "%c" % 65, "%c" % "z", "100%%" % (), "%i" % 7)
print("%s and %s" % ("a", "b"), "%d-%d-%d" % (2024, 1, 5), "%(name)s is %(age)d" % {"name": "Bo", "age": 7})
print("%s" % (1,), "%s" % ((1, 2),), "%*d|" % (6, 42), "%.*f" % (2, 1.23456))
print("%s %s" % (True, False), "%d" % True, "%5.1f%%" % 99.5, "[%3s]" % "ab", "%.3s" % "abcdef")
for v in [0, 1, -1, 1000000, 2 ** 70]:
    print("%d|%8d|%-8d|%x" % (v, v, v, v))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % ("only one",)
except TypeError as e:
    print("TypeError", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError", e)
