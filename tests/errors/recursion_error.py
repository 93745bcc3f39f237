# Unbounded recursion raises RecursionError (default limit 1000), never crashes the VM.
def forever(n):
    return forever(n + 1) + 1


print("recursing")
forever(0)
