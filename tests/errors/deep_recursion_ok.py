# With sys.setrecursionlimit(30000) a 20,000-deep recursion runs to completion.
import sys

sys.setrecursionlimit(30000)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def build(n):
    return [] if n == 0 else [n] + build(n - 1)


print(depth(20000))
print(len(build(20000)))
