#!/usr/bin/env python3
"""Runs one program-level test through stmjit and compares what it did with what is expected.

Modes (each is one ctest test):
  corpus STMJIT tests/corpus/NAME.py [RUN FLAGS...]
      `stmjit run [RUN FLAGS...] NAME.py` must exit 0 and print exactly NAME.out on stdout;
      stderr must equal NAME.err if that file exists, else be empty.
  error STMJIT tests/errors/NAME.expected
      Runs the command the .expected file describes (see below) and checks exit status,
      stderr and stdout.
  rss STMJIT FILE.py MAX_MB
      Like corpus, and the process's peak RSS (ru_maxrss from wait4) must stay under MAX_MB.
  program STMJIT FILE.py EXPECTED.out [ARGS...]
      Like corpus, with the expected stdout in EXPECTED.out and program arguments ARGS.

Programs run with their own folder as the working directory and are named by their base
name. Every `File "..."` in a traceback is reduced to the base name on both sides (CPython
prints absolute paths). CPython 3.11's `~~~^^^` marker lines under traceback source lines
are compared like any other line.

.expected format: directive lines, then a line `---`, then the expected stderr text.
  env: NAME=VALUE         an environment variable for the run (repeatable)
  args: run {file}        command-line arguments for stmjit (default `run {file}`);
                          {file} = NAME.py, {missing} = a path that does not exist,
                          {bad_utf8} = a freshly written file that is not valid UTF-8
  exit: N                 required exit status (required)
  stderr: full            stderr must equal the text (default)
  stderr: last-line       the last non-empty line of stderr must equal the text's last line
  stderr: contains        every non-empty line of the text must occur in stderr (ignoring case)
  stderr: empty           stderr must be empty
  stderr-lines: N         stderr must have exactly N non-empty lines
  stdout-contains: TEXT   stdout must contain TEXT (ignoring case); repeatable
  stdout-nonempty: yes    stdout must not be empty
  regen: python3          tools/regen-expected.sh may rewrite the text (and NAME.out) from
                          CPython's output; without it the expectation is hand-written
If NAME.out exists next to the .expected file, stdout must equal it exactly.
"""
import difflib
import os
import re
import sys
import tempfile
import threading
import time
import subprocess

TIMEOUT = int(os.environ.get("STMJIT_TEST_TIMEOUT", "300"))

WARNING_RE = re.compile(r'^(\S+\.py)(:\d+: \w*Warning: .*)$')
FILE_RE = re.compile(r'^(\s*File ")([^"]*)(".*)$')


def normalize(text):
    """Base names in `File "..."` lines and in warning lines (`/path/x.py:3: SyntaxWarning: ...`)."""
    out = []
    for line in text.split("\n"):
        m = FILE_RE.match(line)
        if m:
            line = m.group(1) + os.path.basename(m.group(2)) + m.group(3)
        m = WARNING_RE.match(line)
        if m:
            line = os.path.basename(m.group(1)) + m.group(2)
        out.append(line)
    return "\n".join(out)


def run(cmd, cwd, env=None):
    """Runs cmd (with the extra environment variables of env); returns (exit status, stdout,
    stderr, peak RSS in KiB)."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE,
                            env=dict(os.environ, **env) if env else None)
    chunks = {"out": [], "err": []}

    def drain(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    readers = [threading.Thread(target=drain, args=(proc.stdout, "out")),
               threading.Thread(target=drain, args=(proc.stderr, "err"))]
    for r in readers:
        r.start()
    deadline = time.monotonic() + TIMEOUT
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            code = "timeout after %ds" % TIMEOUT
            break
        time.sleep(0.005)
    proc.returncode = code if isinstance(code, int) else -9  # reaped by hand
    for r in readers:
        r.join()
    proc.stdout.close()
    proc.stderr.close()
    decode = lambda b: b"".join(b).decode("utf-8", errors="replace")
    return code, decode(chunks["out"]), decode(chunks["err"]), usage.ru_maxrss


class Check:
    def __init__(self):
        self.failures = []

    def fail(self, what, detail=""):
        self.failures.append(what + ("\n" + detail if detail else ""))

    def equal(self, what, expected, actual):
        if expected != actual:
            diff = "".join(difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True),
                "expected " + what, "actual " + what))
            if not diff.endswith("\n"):
                diff += "\n"
            self.fail("%s differs (- expected, + actual):" % what, diff)

    def report(self, cmd, code, out, err):
        if not self.failures:
            print("PASS: %s" % " ".join(cmd))
            return 0
        print("FAIL: %s (exit status %s)" % (" ".join(cmd), code))
        for f in self.failures:
            print("--- " + f)
        if err and not any("stderr" in f for f in self.failures):
            print("--- stderr was:\n" + err[-4000:])
        return 1


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def run_corpus(stmjit, path, max_rss_mb=None, out_path=None, args=(), flags=()):
    folder, name = os.path.split(os.path.abspath(path))
    base = name[:-3]
    cmd = [stmjit, "run"] + list(flags) + [name] + list(args)
    code, out, err, rss_kib = run(cmd, folder)
    check = Check()
    if code != 0:
        check.fail("exit status %s, expected 0" % code)
    check.equal("stdout", read(out_path or os.path.join(folder, base + ".out")), out)
    err_path = os.path.join(folder, base + ".err")
    expected_err = normalize(read(err_path)) if os.path.exists(err_path) else ""
    check.equal("stderr", expected_err, normalize(err))
    if max_rss_mb is not None:
        mb = rss_kib / 1024.0
        print("peak RSS %.1f MB (limit %d MB)" % (mb, max_rss_mb))
        if mb >= max_rss_mb:
            check.fail("peak RSS %.1f MB is not under %d MB" % (mb, max_rss_mb))
    return check.report(cmd, code, out, err)


def parse_expected(path):
    directives = {"args": "run {file}", "stderr": "full", "stdout-contains": [], "env": {}}
    text = read(path)
    head, sep, body = text.partition("\n---\n")
    if not sep:
        head, body = text.rstrip("\n").removesuffix("---"), ""
    for line in head.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "stdout-contains":
            directives[key].append(value)
        elif key == "env":
            name, eq, val = value.partition("=")
            if not eq or not name.strip():
                raise SystemExit("%s: env needs NAME=VALUE, not %r" % (path, value))
            directives["env"][name.strip()] = val.strip()
        elif key in ("args", "exit", "stderr", "stderr-lines", "stdout-nonempty", "regen"):
            directives[key] = value
        else:
            raise SystemExit("%s: unknown directive %r" % (path, key))
    if "exit" not in directives:
        raise SystemExit("%s: missing 'exit:' directive" % path)
    return directives, body


def run_error(stmjit, path):
    folder, name = os.path.split(os.path.abspath(path))
    base = name[: -len(".expected")]
    d, expected_err = parse_expected(path)
    with tempfile.TemporaryDirectory(prefix="stmjit-test-") as tmp:
        def bad_utf8():
            p = os.path.join(tmp, "bad_utf8.py")
            with open(p, "wb") as f:
                # Latin-1 "é" (0xE9) followed by ASCII: an invalid UTF-8 sequence.
                f.write(b'print("caf\xe9 au lait")\n')
            return p

        subst = {"{file}": lambda: base + ".py",
                 "{missing}": lambda: os.path.join(tmp, "no_such_file.py"),
                 "{bad_utf8}": bad_utf8}
        args = []
        for word in d["args"].split():
            args.append(subst[word]() if word in subst else word)
        cmd = [stmjit] + args
        code, out, err, _ = run(cmd, folder, d["env"])

    check = Check()
    if str(code) != d["exit"]:
        check.fail("exit status %s, expected %s" % (code, d["exit"]))
    mode = d["stderr"]
    got, want = normalize(err), normalize(expected_err)
    if mode == "full":
        check.equal("stderr", want, got)
    elif mode == "last-line":
        last = lambda s: ([l for l in s.splitlines() if l.strip()] or [""])[-1]
        check.equal("stderr (last line)", last(want) + "\n", last(got) + "\n")
    elif mode == "contains":
        missing = [l.strip() for l in want.splitlines()
                   if l.strip() and l.strip().lower() not in got.lower()]
        if missing:
            check.fail("stderr does not contain %s" % ", ".join(repr(m) for m in missing),
                       "stderr was:\n" + err)
    elif mode == "empty":
        check.equal("stderr", "", got)
    else:
        raise SystemExit("%s: unknown stderr mode %r" % (path, mode))
    if "stderr-lines" in d:
        n = len([l for l in err.splitlines() if l.strip()])
        if n != int(d["stderr-lines"]):
            check.fail("stderr has %d lines, expected %s" % (n, d["stderr-lines"]),
                       "stderr was:\n" + err)
    for text in d["stdout-contains"]:
        if text.lower() not in out.lower():
            check.fail("stdout does not contain %r" % text, "stdout was:\n" + out[-4000:])
    if d.get("stdout-nonempty") == "yes" and not out.strip():
        check.fail("stdout is empty")
    out_path = os.path.join(folder, base + ".out")
    if os.path.exists(out_path):
        check.equal("stdout", read(out_path), out)
    return check.report(cmd, code, out, err)


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    mode, stmjit, path = argv[1], os.path.abspath(argv[2]), argv[3]
    if not os.access(stmjit, os.X_OK):
        print("FAIL: stmjit binary %s does not exist (build it first: tools/build.sh)" % stmjit)
        return 1
    if mode == "corpus":
        return run_corpus(stmjit, path, flags=argv[4:])
    if mode == "rss":
        return run_corpus(stmjit, path, max_rss_mb=int(argv[4]))
    if mode == "error":
        return run_error(stmjit, path)
    if mode == "program":   # program PATH OUT [--run-flag=F ...] [ARGS ...]
        flags = [a[len("--run-flag="):] for a in argv[5:] if a.startswith("--run-flag=")]
        args = [a for a in argv[5:] if not a.startswith("--run-flag=")]
        return run_corpus(stmjit, path, out_path=argv[4], args=args, flags=flags)
    print("unknown mode %r" % mode)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
