#!/usr/bin/env python3
"""Barrier-bypass guard: fails if C++ code outside stm-barriers/ could reach a mutable
object's fields without stm_read/stm_write (DESIGN.md, "The barrier contract").

C++ access control already makes MutObj::body_ private; this check catches the ways around
it that still compile:
  - any mention of `body_` outside stm-barriers/;
  - casts to a Body type (`reinterpret_cast<ListBody*>`, `static_cast<const XBody*>`,
    C-style `(XBody*)`), which would read an object's bytes as its body;
  - offsetof/pointer arithmetic on a Body, memcpy/memset of a MutObj;
  - new definitions, specialisations or friend declarations of stm_read/stm_write/
    stm_init_body, and `#define private`/`#define class` tricks;
  - stm-barriers/barrier.h itself no longer declaring body_ private.
Comments and string literals are ignored. Usage: check_barriers.py [ROOT] | --self-test
"""
import os
import re
import sys

SOURCE_EXT = (".h", ".hpp", ".cpp", ".cc", ".inc", ".def", ".ipp")
SKIP_DIRS = {"stm-barriers", ".git", "lib", "bench", "traces", "docs"}

BODY_TYPE = r"(?:const\s+)?(?:stmjit\s*::\s*)?\w*Body\s*(?:const\s*)?\*"
RULES = [
    ("mentions MutObj::body_", re.compile(r"\bbody_\b")),
    ("casts to a Body pointer", re.compile(r"\b(?:reinterpret|static|const|bit)_cast\s*<\s*" + BODY_TYPE)),
    ("C-style cast to a Body pointer", re.compile(r"\(\s*" + BODY_TYPE + r"\s*\)\s*[\w(&]")),
    ("takes offsetof a Body or MutObj", re.compile(r"\boffsetof\s*\(\s*(?:\w*Body|MutObj)\b")),
    ("copies MutObj memory", re.compile(r"\bmem(?:cpy|move|set)\s*\([^;]*\bMutObj\b")),
    ("defines or specialises a barrier",
     re.compile(r"(?:template\s*<\s*>[^;{]*|\bfriend\b[^;{]*)\bstm_(?:read|write|init_body)\b")),
    ("defines a barrier function",
     re.compile(r"^\s*(?:inline\s+|static\s+)*(?:const\s+)?\w+\s*\*\s*stm_(?:read|write|init_body)\s*\([^)]*\)\s*\{",
                re.M)),
    ("redefines an access keyword", re.compile(r"#\s*define\s+(?:private|protected|class)\b")),
]


def strip_comments_and_strings(text):
    """Blanks out comments and string/char literals, keeping line structure."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_text(text):
    """List of (line number, rule) violations in one source file's text."""
    clean = strip_comments_and_strings(text)
    found = []
    for name, rx in RULES:
        for m in rx.finditer(clean):
            found.append((clean.count("\n", 0, m.start()) + 1, name))
    return sorted(found)


def check_tree(root):
    problems = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        top = rel.split(os.sep)[0]
        if top in SKIP_DIRS or top.startswith("build"):
            dirnames[:] = []
            continue
        for f in sorted(filenames):
            if f.endswith(SOURCE_EXT):
                path = os.path.join(dirpath, f)
                with open(path, encoding="utf-8", errors="replace") as fh:
                    for line, rule in check_text(fh.read()):
                        problems.append("%s:%d: %s" % (os.path.relpath(path, root), line, rule))
    barrier = os.path.join(root, "stm-barriers", "barrier.h")
    with open(barrier, encoding="utf-8") as fh:
        clean = strip_comments_and_strings(fh.read())
    m = re.search(r"class\s+MutObj\b(.*?)\n\};", clean, re.S)
    if not m or not re.search(r"\bprivate\s*:[^}]*?\b(?:Body|StmVersionOf<Body>)\s+body_", m.group(1), re.S) \
            or re.search(r"\bpublic\s*:[^}]*?\b(?:Body|StmVersionOf<Body>)\s+body_", m.group(1).split("private")[0], re.S):
        problems.append("stm-barriers/barrier.h: MutObj::body_ must be declared private")
    return problems


def self_test():
    bad = [
        "auto* b = &obj->body_;",
        "auto* b = reinterpret_cast<ListBody*>(o + 1);",
        "auto* b = reinterpret_cast<const stmjit::DictBody *>(p);",
        "auto* b = static_cast<InstanceBody*>(vp);",
        "auto* b = (ListBody*)ptr;",
        "size_t k = offsetof(ListBody, items);",
        "memcpy(dst, src, sizeof(MutObj<ListBody>));",
        "template <> ListBody* stm_write<ListBody>(MutObj<ListBody>* o) { return 0; }",
        "ListBody* stm_write(ListObj* o) { return nullptr; }",
        "#define private public",
        "  template <class B> friend B* stm_write(MutObj<B>* o);",
    ]
    good = [
        "const ListBody* b = stm_read(list);",
        "ListBody* w = stm_write(list);",
        "// body_ mentioned in a comment is fine",
        'const char* s = "body_ in a string";',
        "InstanceBody* ib = stm_init_body(inst);",
        "auto n = stm_read(o)->size;",
    ]
    ok = True
    for line in bad:
        if not check_text(line):
            print("self-test: NOT caught:", line)
            ok = False
    for line in good:
        if check_text(line):
            print("self-test: false alarm:", line, check_text(line))
            ok = False
    print("self-test", "passed" if ok else "FAILED")
    return 0 if ok else 1


def main(argv):
    if len(argv) > 1 and argv[1] == "--self-test":
        return self_test()
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = check_tree(root)
    if problems:
        print("Barrier contract violations (all mutable-object field access must go through "
              "stm_read/stm_write, see DESIGN.md):")
        for p in problems:
            print("  " + p)
        return 1
    print("barrier check: no bypasses found outside stm-barriers/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
