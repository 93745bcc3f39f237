#!/usr/bin/env python3
"""Robustness check: mutated corpus programs must never crash or hang stmjit.

Takes the corpus programs, applies random small edits (deleted/inserted characters, cut
spans) with a fixed seed, runs each mutant and fails if any run dies from a signal, exits
with a status other than 0, 1 or 2, or exceeds the time limit while CPython finishes the
same mutant (a mutation can make a genuinely endless loop). Bad input must end in a clean
SyntaxError or traceback, never a crash.

Usage: fuzz_mutations.py STMJIT CORPUS_DIR [COUNT] [SEED]
"""
import glob
import os
import random
import subprocess
import sys
import tempfile

ALPHABET = '()[]{}:;,.=+-*/\\\'"\n\t #@!%&|^~<>0123456789abcxyz'


def mutate(rng, src):
    chars = list(src)
    for _ in range(rng.randint(1, 8)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.4:
            del chars[i]
        elif op < 0.8:
            chars.insert(i, rng.choice(ALPHABET))
        else:
            del chars[i:i + rng.randint(1, 40)]
    return ''.join(chars)


def main():
    stmjit, corpus = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    sources = sorted(glob.glob(os.path.join(corpus, '*.py')))
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(count):
            path = os.path.join(tmp, 'mutant%d.py' % n)
            with open(path, 'w') as f:
                f.write(mutate(rng, open(rng.choice(sources)).read()))
            try:
                r = subprocess.run([stmjit, 'run', path], capture_output=True, timeout=20,
                                   stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                try:
                    subprocess.run([sys.executable, path], capture_output=True, timeout=20,
                                   stdin=subprocess.DEVNULL)
                except subprocess.TimeoutExpired:
                    continue   # endless in CPython too: the mutation made an infinite loop
                failures += 1
                print('HANG (>20 s, CPython finishes):', open(path).read()[:2000])
                continue
            if r.returncode < 0 or r.returncode > 2:
                failures += 1
                print('CRASH (status %d):' % r.returncode, r.stderr.decode(errors='replace')[-1000:])
                print(open(path).read()[:2000])
    print('%d mutants, %d crashes or hangs' % (count, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
