# randrange with an empty range names the three numbers, as CPython 3.11 does.
import random

print(random.randrange(5, 6))
random.randrange(5, 5)
