# str.maketrans and str.translate, with their error cases.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc!".translate(t))
print("hello world".translate(str.maketrans("lo", "01", " ")))
print("héllo".translate({ord("é"): "e", ord("o"): None, ord("h"): 72}))
print("abc".translate({}), "".translate(t), "abc".maketrans({"a": "1", 98: None}))
class Upper:
    def __getitem__(self, c):
        if c == ord("q"):
            raise LookupError
        return chr(c).upper()
print("quiet".translate(Upper()))
for args in [("ab", "x"), (5,), ({"ab": 1},), ({1.5: 1},)]:
    try:
        str.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for table in [{97: 1.5}, {97: -1}]:
    try:
        "a".translate(table)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
