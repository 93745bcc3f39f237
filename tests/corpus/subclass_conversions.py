# tuple()/str()/int()... of subclass instances give exact types; __class_getitem__ is an implicit classmethod; argument errors use an assigned __qualname__.
class P(tuple): pass
class S(str): pass
class I(int): pass
class F(float): pass
class FS(frozenset): pass
for v in [tuple(P((1,2))), str(S("a")), int(I(3)), float(F(1.5)), frozenset(FS([1])), list(P((1,))), +I(4), -I(4), abs(I(-4))]:
    print(type(v).__name__, v)
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int])
def f(a): pass
f.__qualname__ = "X.f"
try:
    f()
except TypeError as e:
    print(e)
