# A tiny expression evaluator: tokenizer, recursive-descent parser, AST classes, visitor.
import math

class Token:
    __slots__ = ("kind", "text", "pos")
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r}, {self.pos})"

def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j], i)
            i = j
        elif c in "+-*/()^,":
            yield Token("op", c, i)
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    yield Token("end", "", len(src))

class Node:
    def accept(self, visitor):
        return getattr(visitor, "visit_" + type(self).__name__)(self)

class Num(Node):
    def __init__(self, v): self.v = v
class Var(Node):
    def __init__(self, name): self.name = name
class BinOp(Node):
    def __init__(self, op, l, r): self.op, self.l, self.r = op, l, r
class Call(Node):
    def __init__(self, fn, args): self.fn, self.args = fn, args
class Neg(Node):
    def __init__(self, e): self.e = e

class Parser:
    def __init__(self, src):
        self.toks = list(tokenize(src))
        self.i = 0
    @property
    def tok(self):
        return self.toks[self.i]
    def eat(self, text=None):
        t = self.tok
        if text is not None and t.text != text:
            raise SyntaxError(f"expected {text!r}, got {t.text!r} at {t.pos}")
        self.i += 1
        return t
    def expr(self):
        left = self.term()
        while self.tok.text in ("+", "-"):
            op = self.eat().text
            left = BinOp(op, left, self.term())
        return left
    def term(self):
        left = self.factor()
        while self.tok.text in ("*", "/"):
            op = self.eat().text
            left = BinOp(op, left, self.factor())
        return left
    def factor(self):
        base = self.unary()
        if self.tok.text == "^":
            self.eat()
            return BinOp("^", base, self.factor())
        return base
    def unary(self):
        if self.tok.text == "-":
            self.eat()
            return Neg(self.unary())
        return self.atom()
    def atom(self):
        t = self.tok
        if t.kind == "num":
            self.eat()
            return Num(float(t.text) if "." in t.text else int(t.text))
        if t.kind == "name":
            self.eat()
            if self.tok.text == "(":
                self.eat("(")
                args = [self.expr()]
                while self.tok.text == ",":
                    self.eat()
                    args.append(self.expr())
                self.eat(")")
                return Call(t.text, args)
            return Var(t.text)
        if t.text == "(":
            self.eat()
            e = self.expr()
            self.eat(")")
            return e
        raise SyntaxError(f"unexpected {t.text!r} at {t.pos}")

class Evaluator:
    funcs = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs}
    def __init__(self, env):
        self.env = env
    def visit_Num(self, n): return n.v
    def visit_Var(self, n):
        try:
            return self.env[n.name]
        except KeyError:
            raise NameError(f"unknown variable {n.name}") from None
    def visit_Neg(self, n): return -n.e.accept(self)
    def visit_BinOp(self, n):
        a, b = n.l.accept(self), n.r.accept(self)
        if n.op == "+": return a + b
        if n.op == "-": return a - b
        if n.op == "*": return a * b
        if n.op == "/": return a / b
        return a ** b
    def visit_Call(self, n):
        return self.funcs[n.fn](*[a.accept(self) for a in n.args])

class Printer:
    def visit_Num(self, n): return repr(n.v)
    def visit_Var(self, n): return n.name
    def visit_Neg(self, n): return "(-" + n.e.accept(self) + ")"
    def visit_BinOp(self, n): return "(%s %s %s)" % (n.l.accept(self), n.op, n.r.accept(self))
    def visit_Call(self, n): return "%s(%s)" % (n.fn, ", ".join(a.accept(self) for a in n.args))

env = {"x": 3, "y": 4.5, "big": 2 ** 70}
for src in ["1 + 2 * 3", "-x ^ 2", "2 ^ 3 ^ 2", "sqrt(x*x + 16) / 2", "max(1, y, x) - min(x, 2)",
            "big * big - 1", "(1 + 2", "1 / 0", "z + 1", "3 $ 4", "abs(-7.25) * 1e3" , "10 / 4 * 2"]:
    try:
        tree = Parser(src).expr()
        print(f"{src:<22} => {tree.accept(Printer()):<32} = {tree.accept(Evaluator(env))!r}")
    except (SyntaxError, ZeroDivisionError, NameError) as e:
        print(f"{src:<22} !! {type(e).__name__}: {e}")
print(list(tokenize("a+1"))[:2])
