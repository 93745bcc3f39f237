# random (lib/random.py over the C++ _random core): bit-exact CPython numbers for int/float/big/
# negative seeds, getrandbits, randrange/randint/choice/shuffle/sample/choices, the distributions,
# Random instances, getstate/setstate, subclasses, and the error messages.
import random
for s in [0, 1, 42, -42, 2**32, 2**32 - 1, 2**64 + 12345, -(2**100) - 7, 12345678901234567890123, True, 1.5, -2.25, 0.0]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100))
random.seed(7)
print(random.randrange(9223372036854775807), random.randrange(10**30), random.randrange(-5, 100, 7), random.randrange(100, -5, -3))
print(random.randint(1, 6), random.choice("abcdef"), random.uniform(1, 3))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(1000), 10), random.sample(list("abcdefgh"), 5), random.sample(range(100), 30))
print(random.sample(["a", "b"], counts=[3, 4], k=5))
print(random.choices("abc", k=5), random.choices("abc", [1, 2, 3], k=5), random.choices("abc", cum_weights=[1, 2, 10], k=4))
print(random.gauss(), random.gauss(1, 2), random.normalvariate(), random.expovariate(2), random.triangular(), random.lognormvariate(0, 1))
print(random.gammavariate(0.5, 1), random.gammavariate(2.5, 1), random.gammavariate(1.0, 2), random.betavariate(2, 3), random.paretovariate(2), random.weibullvariate(1, 2), random.vonmisesvariate(1, 2))
r = random.Random(99); r2 = random.Random(99)
print(r.random() == r2.random(), r.randrange(50))
st = r.getstate(); a = [r.random() for i in range(3)]; r.setstate(st); print(a == [r.random() for i in range(3)])
print(random.getrandbits(0))
# Many seeds: the first draws of each, folded into one line per block of seeds.
for base in [0, 1000, 2**31 - 20, 2**32 - 10, 2**63 - 5, 2**64 - 3, -(2**40)]:
    acc = []
    for i in range(20):
        random.seed(base + i)
        acc.append(random.getrandbits(32) ^ random.randrange(1000003))
    print(base, sum(acc), acc[:3])
rng = random.Random(2024)
print([rng.randrange(0, 10**18, 7) for i in range(3)], rng.sample(range(10**6), 4), rng.sample(range(40), 40)[:5])
big = [rng.getrandbits(k) for k in (31, 32, 33, 63, 64, 65, 127, 128, 129, 1000)]
print([b.bit_length() for b in big], big[-1] % 1000003)
pop = list(range(200))
for k in [0, 1, 5, 6, 21, 22, 50, 199, 200]:
    rng.seed(k)
    print(k, rng.sample(pop, k)[:4], rng.sample(range(100000), min(k, 10)))
def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
t(random.choice, [])
t(random.randrange, 0)
t(random.randrange, 5, 5)
t(random.randrange, 5, 1, 0)
t(random.randrange, 1, 5, -1)
t(random.randrange, 5, None, 2)
t(random.randrange, "a")
t(random.sample, range(5), 6)
t(random.sample, {1: 2}, 1)
t(random.getrandbits, -1)
t(random.getrandbits, 1.5)
t(random.choices, "abc", [1, 2])
t(random.choices, "abc", 3)
t(random.gammavariate, -1, 1)
t(random.seed, [1])
t(random.randint, 3, 1)
class R(random.Random):
    def random(self):
        return 0.5
print(R(3).uniform(0, 10), R(3).randrange(10))
t(random.Random().setstate, (2, (), None))

# str and bytes seeds: SHA-512 (version 2) and the old string hash (version 1).
import struct
for s in ["", "abc", "hello world", "héllo", "x" * 200]:
    random.seed(s)
    a = random.random()
    random.seed(s, version=1)
    print(repr(s[:10]), a, random.random())
random.seed(struct.pack("3b", 1, 2, 3)); print(random.random())
random.seed(struct.pack("3b", 1, 2, 3), version=1); print(random.random())
r = random.Random("seed me"); print(r.randrange(10**9), r.choice("abcdef"))
