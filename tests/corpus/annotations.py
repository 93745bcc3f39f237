# Variable annotations at module and class level fill __annotations__; in functions they are not evaluated.
x: int = 3
y: "str"
if x:
    z: list = []
print(__annotations__, x)
class C:
    a: int
    b: float = 1.5
    def m(self):
        q: int = 5
        return q
print(C.__annotations__, C.b, C().m(), "a" in C.__dict__)
def f():
    w: undefined_name = 1
    return w
print(f())
