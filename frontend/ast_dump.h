// ast_dump.h: compact S-expression dump of the AST, for tests and debugging (`--dump-ast`).
//
// Format: Name `x` (Load), `x:S` (Store), `x:D` (Del); constants as Python literals;
// other nodes as `(head child...)`, e.g. `(= x:S (+ 1 2))`, `(call f a k=v *s **d)`.
#pragma once
#include <string>

#include "frontend/ast.h"

namespace stmjit::ast {

std::string dump(const Expr& e);
std::string dump(const Stmt& s);
// One statement per line.
std::string dump(const Module& m);

}  // namespace stmjit::ast
