#!/usr/bin/env bash
# Generates the expected results of the program tests from CPython 3.11 (the oracle).
# Expected files are generated ONCE, reviewed and checked in; stmjit is never used here.
#
#   tools/regen-expected.sh            create the missing ones only
#   tools/regen-expected.sh --all      regenerate every generated expectation
#   tools/regen-expected.sh FILE.py..  regenerate the given programs
#
# tests/corpus/NAME.py   -> NAME.out (stdout) and NAME.err (stderr, only if non-empty);
#                           the program must exit 0. mod_* files are helper modules, skipped.
# tests/gc/NAME.py       -> NAME.out
# tests/errors/NAME.py   -> the text after `---` in NAME.expected (stderr, or its last line)
#                           and NAME.out (stdout, if non-empty), for .expected files that
#                           say `regen: python3`; the exit status must match `exit:`.
# Tracebacks are stored with base file names (and CPython 3.11's ~~~^^^ marker lines),
# exactly as tests/run_program.py compares them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0
exec python3 - "$root" "$@" <<'PY'
import glob, os, subprocess, sys

root, args = sys.argv[1], sys.argv[2:]
sys.path.insert(0, os.path.join(root, "tests"))
from run_program import normalize, parse_expected

version = sys.version_info
if version[:2] != (3, 11):
    sys.exit("regen-expected: python3 must be CPython 3.11 (found %d.%d)" % version[:2])
regen_all = "--all" in args
only = [os.path.abspath(a) for a in args if a != "--all"]


def python(path, extra=()):
    folder, name = os.path.split(path)
    p = subprocess.run([sys.executable, name, *extra], cwd=folder, capture_output=True,
                       text=True, timeout=600)
    return p.returncode, p.stdout, normalize(p.stderr)


def wanted(path, outputs):
    if only:
        return path in only
    return regen_all or not all(os.path.exists(o) for o in outputs)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote", os.path.relpath(path, root))


failed = False
programs = sorted(glob.glob(os.path.join(root, "tests", "corpus", "*.py")) +
                  glob.glob(os.path.join(root, "tests", "gc", "*.py")))
for py in programs:
    if os.path.basename(py).startswith("mod_"):
        continue
    base = py[:-3]
    if not wanted(py, [base + ".out"]):
        continue
    code, out, err = python(py)
    if code != 0:
        print("regen-expected: %s exited with %d:\n%s" % (py, code, err))
        failed = True
        continue
    write(base + ".out", out)
    if err:
        write(base + ".err", err)
    elif os.path.exists(base + ".err"):
        os.remove(base + ".err")

for exp in sorted(glob.glob(os.path.join(root, "tests", "errors", "*.expected"))):
    directives, _ = parse_expected(exp)
    if directives.get("regen") != "python3":
        continue
    base = exp[: -len(".expected")]
    py = base + ".py"
    body = open(exp, encoding="utf-8").read().partition("\n---\n")[2]
    missing = (directives["stderr"] in ("full", "last-line") and not body) or \
        not os.path.exists(base + ".out")
    if (only and py not in only) or (not only and not regen_all and not missing):
        continue
    words = directives["args"].split()
    extra = words[2:] if words[:2] == ["run", "{file}"] else []
    code, out, err = python(py, extra)
    if str(code) != directives["exit"]:
        print("regen-expected: %s exited with %d, .expected says %s" % (py, code, directives["exit"]))
        failed = True
        continue
    if directives["stderr"] == "last-line":
        lines = [l for l in err.splitlines() if l.strip()]
        err = (lines[-1] + "\n") if lines else ""
    head = open(exp, encoding="utf-8").read().split("\n---\n", 1)[0]
    write(exp, head + "\n---\n" + (err if directives["stderr"] in ("full", "last-line") else ""))
    if out:
        write(base + ".out", out)
    elif os.path.exists(base + ".out"):
        os.remove(base + ".out")
sys.exit(1 if failed else 0)
PY
