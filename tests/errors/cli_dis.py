# Input for `stmjit dis`: it must be disassembled, not run (running it would exit with status 3).
def add(a, b):
    return a + b


raise SystemExit(add(1, 2))
