#!/usr/bin/env python3
"""Differential tester: random programs (gen.py) under CPython and stmjit, compared.

For each program: CPython runs it first (the oracle). Programs CPython cannot finish quickly,
that print too much, or whose output depends on the hash seed are skipped and replaced by
another attempt. stmjit then runs it; stdout and the exit status must match (with --stderr,
also the last line of stderr, i.e. the exception text). A diverging program is shrunk by
deleting lines/blocks while it keeps diverging the same way, and saved with the commands
that reproduce it.

Usage: run.py --stmjit BIN [-n N] [--seed S] [-j WORKERS] [--keep-going] [--out DIR]
              [--stderr] [--exclude feat,...] [--no-shrink] [--report FILE]
Exit status: 0 no divergence, 1 divergences found, 2 usage error.
"""
import argparse
import multiprocessing
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

PYTHON_CMD = [sys.executable, '-S']  # -S: no site import, 3x faster start
MAX_OUTPUT = 256 * 1024
MAX_ATTEMPTS = 8
FLOOD_LIMIT = 4 * 1024 * 1024   # bytes a run may write to stdout or stderr


class Result:
    def __init__(self, out, err, rc, timeout=False):
        self.out, self.err, self.rc, self.timeout = out, err, rc, timeout
        self.flood = False

    def last_err(self):
        lines = [l for l in self.err.decode(errors='replace').splitlines() if l.strip()]
        return lines[-1] if lines else ''


def limit_output():
    # A runaway program must not fill memory or disk: writing past the limit kills it (SIGXFSZ).
    resource.setrlimit(resource.RLIMIT_FSIZE, (FLOOD_LIMIT, FLOOD_LIMIT))


def run(cmd, path, timeout, env=None):
    """Runs cmd + [path] with stdout/stderr going to files (bounded), returns a Result."""
    d = os.path.dirname(path)
    with tempfile.TemporaryFile(dir=d) as out, tempfile.TemporaryFile(dir=d) as err:
        p = subprocess.Popen(cmd + [path], stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             cwd=d, env=env, preexec_fn=limit_output)
        try:
            rc, timed_out = p.wait(timeout=timeout), False
        except subprocess.TimeoutExpired:
            p.kill()
            rc, timed_out = p.wait(), True
        out.seek(0)
        err.seek(0)
        res = Result(out.read(), err.read(), None if timed_out else rc, timeout=timed_out)
        res.flood = rc == -signal.SIGXFSZ
        return res


def py_env(hashseed):
    env = dict(os.environ)
    env['PYTHONHASHSEED'] = str(hashseed)
    env.pop('PYTHONSTARTUP', None)
    return env


def oracle(path, timeout, check_determinism):
    """CPython's result, or None if the program is unusable for comparison."""
    a = run(PYTHON_CMD, path, timeout, py_env(0))
    if a.timeout or a.flood or len(a.out) > MAX_OUTPUT:
        return None
    err = a.err.decode(errors='replace')
    if 'SyntaxError' in err or 'Exceeds the limit' in err or b'Exceeds the limit' in a.out:
        return None
    if 'RecursionError' in err:
        return None
    if check_determinism:
        b = run(PYTHON_CMD, path, timeout, py_env(1))
        if b.out != a.out or b.rc != a.rc:
            return None
    return a


def classify(exp, act, compare_stderr):
    """The kind of divergence, or None if the runs agree."""
    if act.timeout:
        return 'hang'
    if act.flood:
        return 'flood'   # stmjit wrote over FLOOD_LIMIT where CPython wrote at most MAX_OUTPUT
    if act.rc < 0 or act.rc >= 128:
        return 'crash'
    if b'not supported by stmjit' in act.err:
        return 'unsupported'
    if act.out != exp.out:
        return 'stdout'
    if act.rc != exp.rc:
        return 'exit'
    # Only the exception line of a failing run: a successful run's stderr holds nothing to compare
    # (CPython may print compile-time SyntaxWarnings there).
    if compare_stderr and exp.rc != 0 and act.last_err() != exp.last_err():
        return 'stderr'
    return None


def first_diff(exp, act):
    """(expected line, actual line) at the first differing stdout line."""
    e = exp.out.decode(errors='replace').split('\n')
    a = act.out.decode(errors='replace').split('\n')
    for i in range(max(len(e), len(a))):
        x = e[i] if i < len(e) else '<end of output>'
        y = a[i] if i < len(a) else '<end of output>'
        if x != y:
            return x, y
    return None, None


def signature(kind, exp, act):
    if kind == 'stdout':
        return (kind,) + first_diff(exp, act)
    if kind == 'stderr':
        return (kind, exp.last_err(), act.last_err())
    if kind == 'exit':
        return (kind, exp.rc, act.rc)
    return (kind,)


class Checker:
    def __init__(self, opts, workdir):
        self.opts = opts
        self.workdir = workdir
        self.n = 0

    def check(self, src):
        """Runs src under both; returns (kind, exp, act) or None if unusable/agreeing."""
        self.n += 1
        path = os.path.join(self.workdir, 'cand%d.py' % self.n)
        with open(path, 'w') as f:
            f.write(src)
        try:
            exp = oracle(path, self.opts.timeout, False)
            if exp is None:
                return None
            act = run([self.opts.stmjit, 'run'], path, self.opts.timeout)
            kind = classify(exp, act, self.opts.stderr)
            return (kind, exp, act) if kind else None
        finally:
            os.unlink(path)


def blocks(lines):
    """(start, end) of each statement block: a line plus the deeper-indented lines after it."""
    ind = [len(l) - len(l.lstrip()) for l in lines]
    out = []
    for i in range(len(lines)):
        j = i + 1
        while j < len(lines) and ind[j] > ind[i]:
            j += 1
        out.append((i, j))
    return out


def compiles(src):
    warnings.simplefilter('ignore')   # SyntaxWarnings of generated error cases are expected
    try:
        compile(src, 'prog.py', 'exec')
        return True
    except (SyntaxError, ValueError):
        return False


def shrink(src, want, checker, budget):
    """Delete lines and blocks while the program still diverges with the same signature."""
    deadline = time.time() + budget
    lines = src.rstrip('\n').split('\n')

    def still(cand_lines):
        cand = '\n'.join(cand_lines) + '\n'
        if not compiles(cand):
            return False
        r = checker.check(cand)
        return r is not None and signature(*r) == want

    # Coarse pass: drop runs of top-level blocks, halving the chunk size.
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.time() < deadline:
        top = [b for b in blocks(lines) if not lines[b[0]].startswith(' ')]
        i = len(top) - 1
        changed = False
        while i >= 0 and time.time() < deadline:
            lo = top[max(0, i - chunk + 1)][0]
            hi = top[i][1]
            cand = lines[:lo] + lines[hi:]
            if cand and still(cand):
                lines, changed = cand, True
                top = [b for b in blocks(lines) if not lines[b[0]].startswith(' ')]
                i = min(i - chunk, len(top) - 1)
            else:
                i -= chunk
        if not changed:
            chunk //= 2
    # Fine pass: single blocks at any depth (or replace a block by 'pass').
    changed = True
    while changed and time.time() < deadline:
        changed = False
        for start, end in reversed(blocks(lines)):
            if time.time() >= deadline or end > len(lines):
                break
            cand = lines[:start] + lines[end:]
            if cand and still(cand):
                lines, changed = cand, True
                continue
            indent = lines[start][:len(lines[start]) - len(lines[start].lstrip())]
            if lines[start].strip() != 'pass' and (end - start > 1 or ':' in lines[start]):
                cand = lines[:start] + [indent + 'pass'] + lines[end:]
                if still(cand):
                    lines, changed = cand, True
    return '\n'.join(lines) + '\n'


SEEN = None
SEEN_LOCK = None


def init_worker(seen, lock):
    global SEEN, SEEN_LOCK
    SEEN, SEEN_LOCK = seen, lock


def norm(sig):
    return re.sub(r'-?\d+', 'N', repr(sig))


def test_one(task):
    """Worker: generate program `index`, compare, shrink. Returns a dict."""
    try:
        return test_one_inner(task)
    except Exception:   # a tester bug must not hide the other programs' results
        import traceback
        return {'index': task[1], 'status': 'genbug', 'attempt': -1, 'src': traceback.format_exc()}


def test_one_inner(task):
    opts, index = task
    with tempfile.TemporaryDirectory(prefix='difftest') as tmp:
        path = os.path.join(tmp, 'prog.py')
        for attempt in range(MAX_ATTEMPTS):
            src = gen.generate(opts.seed, index, attempt, opts.exclude)
            with open(path, 'w') as f:
                f.write(src)
            if not compiles(src):
                return {'index': index, 'status': 'genbug', 'attempt': attempt, 'src': src}
            exp = oracle(path, opts.timeout, True)
            if exp is not None:
                break
        else:
            return {'index': index, 'status': 'skipped'}
        act = run([opts.stmjit, 'run'], path, opts.timeout)
        kind = classify(exp, act, opts.stderr)
        if not kind:
            return {'index': index, 'status': 'ok'}
        sig = signature(kind, exp, act)
        text = repr(sig) + ' ' + ' '.join(str(x) for x in sig)
        if any(pat in text for pat in opts.ignore):
            return {'index': index, 'status': 'known'}
        # One shrink per distinct signature (numbers blurred): later copies are counted only.
        key = norm(sig)
        if SEEN is not None:
            with SEEN_LOCK:
                dup = key in SEEN
                SEEN[key] = True
            if dup:
                return {'index': index, 'status': 'duplicate', 'kind': kind, 'sig': sig}
        small = src
        if not opts.no_shrink:
            checker = Checker(opts, tmp)
            small = shrink(src, sig, checker, opts.shrink_time)
        # Final runs of the shrunk program, for the saved files.
        with open(path, 'w') as f:
            f.write(small)
        sexp = run(PYTHON_CMD, path, opts.timeout, py_env(0))
        sact = run([opts.stmjit, 'run'], path, opts.timeout)
        return {'index': index, 'status': 'diverge', 'attempt': attempt, 'kind': kind, 'sig': sig,
                'src': src, 'small': small, 'exp': sexp, 'act': sact}


def save(opts, r):
    d = os.path.join(opts.out, 's%d-p%d' % (opts.seed, r['index']))
    os.makedirs(d, exist_ok=True)
    files = {'orig.py': r['src'], 'min.py': r['small']}
    for name, text in files.items():
        with open(os.path.join(d, name), 'w') as f:
            f.write(text)
    for name, res in (('expected', r['exp']), ('actual', r['act'])):
        with open(os.path.join(d, name + '.out'), 'wb') as f:
            f.write(res.out)
        with open(os.path.join(d, name + '.err'), 'wb') as f:
            f.write(res.err)
    excl = ' --exclude ' + ','.join(opts.exclude) if opts.exclude else ''
    here = os.path.dirname(os.path.abspath(__file__))
    repro = ('#!/bin/sh\n# %s divergence: %r\ncd "$(dirname "$0")"\n'
             '# Regenerate the original program:\n'
             '#   python3 %s/gen.py %d %d --attempt %d%s > orig.py\n'
             'python3 min.py > expected.out 2> expected.err; echo "python3 exit $?"\n'
             '%s run min.py > actual.out 2> actual.err; echo "stmjit exit $?"\n'
             'diff expected.out actual.out && echo "stdout identical"\n'
             'tail -n1 expected.err actual.err\n'
             % (r['kind'], r['sig'], here, opts.seed, r['index'], r['attempt'], excl,
                os.path.abspath(opts.stmjit)))
    with open(os.path.join(d, 'repro.sh'), 'w') as f:
        f.write(repro)
    os.chmod(os.path.join(d, 'repro.sh'), 0o755)
    return d


def report_entry(opts, r, d):
    exp, act = r['exp'], r['act']
    return ('\n## %s: seed %d program %d (%s)\n\n```python\n%s```\n\nExpected (CPython, exit %s):\n```\n%s```\n'
            'Actual (stmjit, exit %s):\n```\n%s```\nReproduce: `%s/repro.sh`\n'
            % (r['kind'], opts.seed, r['index'], r['sig'], r['small'], exp.rc,
               tail(exp), act.rc if not act.timeout else 'TIMEOUT', tail(act), d))


def tail(res):
    out = res.out.decode(errors='replace')
    if len(out) > 1500:
        out = '...' + out[-1500:]
    le = res.last_err()
    return out + ('' if out.endswith('\n') or not out else '\n') + ('[stderr] %s\n' % le if le else '')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--stmjit', required=True)
    ap.add_argument('-n', type=int, default=200, help='number of programs')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--start', type=int, default=0, help='first program index')
    ap.add_argument('-j', '--workers', type=int, default=2)
    ap.add_argument('--keep-going', action='store_true', help='collect all divergences')
    ap.add_argument('--out', default=os.path.join(tempfile.gettempdir(), 'difftest-failures'))
    ap.add_argument('--stderr', action='store_true', help='also compare the last stderr line')
    ap.add_argument('--exclude', default='set_print',
                    help='generator features to switch off (default set_print: CPython set order depends on construction history): ' + ','.join(gen.ALL_FEATURES))
    ap.add_argument('--ignore', action='append', default=[],
                    help='treat divergences whose signature contains this text as known (repeatable)')
    ap.add_argument('--ignore-file', help='file with one --ignore text per line (# comments)')
    ap.add_argument('--timeout', type=float, default=10.0)
    ap.add_argument('--no-shrink', action='store_true')
    ap.add_argument('--shrink-time', type=float, default=90.0, help='seconds per divergence')
    ap.add_argument('--report', help='append a markdown entry per divergence to this file')
    ap.add_argument('--time-limit', type=float, default=0, help='stop starting programs after this many seconds')
    opts = ap.parse_args()
    opts.exclude = [x for x in opts.exclude.split(',') if x]
    if opts.ignore_file:
        with open(opts.ignore_file, encoding='utf-8') as f:
            opts.ignore += [l.rstrip('\n') for l in f if l.strip() and not l.startswith('#')]
    bad = [x for x in opts.exclude if x not in gen.ALL_FEATURES]
    if bad:
        ap.error('unknown feature(s): %s' % ', '.join(bad))
    if not os.access(opts.stmjit, os.X_OK):
        ap.error('not executable: %s' % opts.stmjit)
    opts.stmjit = os.path.abspath(opts.stmjit)   # programs run in their own temporary folder

    t0 = time.time()
    counts = {'ok': 0, 'skipped': 0, 'diverge': 0, 'genbug': 0, 'known': 0, 'duplicate': 0}
    kinds = {}
    done = 0
    tasks = ((opts, i) for i in range(opts.start, opts.start + opts.n))
    manager = multiprocessing.Manager()
    pool = multiprocessing.Pool(opts.workers, init_worker, (manager.dict(), manager.Lock()))
    try:
        for r in pool.imap_unordered(test_one, tasks):
            done += 1
            counts[r['status']] += 1
            if r['status'] == 'genbug':
                print('generator/tester bug: program %d attempt %d:\n%s' % (r['index'], r['attempt'], r['src'][-2000:]))
            if r['status'] == 'duplicate':
                print('duplicate divergence (%s) program %d: %r' % (r['kind'], r['index'], r['sig']))
                if not opts.keep_going:
                    break
            if r['status'] == 'diverge':
                d = save(opts, r)
                kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
                print('DIVERGENCE #%d (%s) program %d: %r' % (counts['diverge'], r['kind'], r['index'], r['sig']))
                print('  saved to %s (min.py: %d lines; run repro.sh)' % (d, r['small'].count('\n')))
                if opts.report:
                    with open(opts.report, 'a') as f:
                        f.write(report_entry(opts, r, d))
                if not opts.keep_going:
                    break
            if done % 250 == 0:
                print('... %d programs, %d divergences, %.0f s' % (done, counts['diverge'] + counts['duplicate'], time.time() - t0))
            if opts.time_limit and time.time() - t0 > opts.time_limit:
                print('time limit reached')
                break
            sys.stdout.flush()
    finally:
        pool.terminate()
        pool.join()
        manager.shutdown()
    detail = ' (%s)' % ', '.join('%s %d' % kv for kv in sorted(kinds.items())) if kinds else ''
    ndiv = counts['diverge'] + counts['duplicate']
    print('difftest: %d programs, seed %d, %d divergences%s [%d distinct, %d duplicates, %d known/ignored, '
          '%d skipped by the oracle, %.0f s]'
          % (done, opts.seed, ndiv, detail, counts['diverge'], counts['duplicate'], counts['known'],
             counts['skipped'], time.time() - t0))
    return 1 if ndiv or counts['genbug'] else 0


if __name__ == '__main__':
    sys.exit(main())
