# str: immutability, indexing, slicing, operators and the common methods.
s = "Hello, World"
print(s, len(s), s[0], s[-1], s[4:9], s[:5], s[7:], s[::2], s[::-1], s[-5:-1])
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.find("o", 5), s.find("z"), s.rfind("o"), s.index("W"), s.count("l"))
print(s.startswith("Hell"), s.endswith("ld"), s.startswith(("x", "H")), "World" in s, "world" not in s)
print(s.replace("l", "L"), s.replace("l", "", 2), s.split(", "), "a b  c".split(), "a,b,,c".split(","))
print("a-b-c".split("-", 1), "a-b-c".rsplit("-", 1), "  pad  ".strip(), "xxhixx".strip("x"))
print("  pad  ".lstrip() + "|", "|" + "  pad  ".rstrip(), ",".join(["a", "b", "c"]), "".join([]))
print("abc".center(9, "*"), "abc".ljust(6) + "|", "abc".rjust(6), "42".zfill(5), "-42".zfill(6))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "   ".isspace(), "Ab".isupper(), "ab".islower())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("line1\nline2\r\nline3".splitlines())
print("ab" * 3, 3 * "ab", "ab" + "cd", "a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc")
print(ord("a"), chr(97), ord("€"), chr(8364), "héllo".upper(), len("héllo"), "日本語"[1])
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline\\"), repr("\x00\x7f"))
print(str(123), str(-4.5), str(None), str([1, "a"]), repr("a"), str("a"))
print("{} and {}".format(1, "two"), "{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:>5}|{:<5}|{:^5}".format(1, 2, 3))
print("%s" % "pct", "abc".find(""), "".split(","), "a".split("a"), "  x  y  ".split(" "))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), max(words), min(words), sorted(words, key=len))
print("-".join(w[::-1] for w in words), " ".join(reversed(words)))
t = ""
for ch in "abcdef":
    t = ch + t
print(t, list("abc"), tuple("xy"), "mississippi".count("ss"), "aaa".replace("a", "bb"))
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError", e)
try:
    s[100]
except IndexError as e:
    print("IndexError", e)
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
print("a\\b", "tab[\t]", "uni\u00e9", r"raw\n", "multi" "part", """triple
quoted""")
