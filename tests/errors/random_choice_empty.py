# random.choice of an empty sequence: IndexError from lib/random.py (its frames differ from
# CPython's random.py, so only the last line is compared).
import random

random.seed(3)
print(random.choice([1, 2, 3]))
random.choice([])
