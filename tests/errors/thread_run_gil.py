# `stmjit run --gil FILE ARGS`: the flag is not part of sys.argv.
import sys
import threading

out = []
t = threading.Thread(target=lambda: out.append(sys.argv[1:]))
t.start()
t.join(10)
print(out)
