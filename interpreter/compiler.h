// compiler.h: AST -> bytecode. One CodeObj per module, function, lambda, class body and
// comprehension, bound to the module whose globals it uses.
#pragma once
#include <string>
#include <string_view>

#include "frontend/ast.h"
#include "interpreter/code.h"

namespace stmjit {

// Compiles a parsed module. Scope errors (e.g. `nonlocal` without binding, `return` outside a
// function) are thrown as SyntaxErrorException, like the parser's errors.
CodeObj* compile_module(const ast::Module& m, ModuleObj* module);

// Parses and compiles `source` (valid UTF-8).
CodeObj* compile_source(std::string_view source, const std::string& filename, ModuleObj* module);

// exec(): top-level names go through LOAD_NAME/STORE_NAME (the frame's locals dict, then the
// module). eval(): the same, and the source must be one expression, whose value is returned.
enum class CompileMode { Module, Exec, Eval };
CodeObj* compile_source_mode(std::string_view source, const std::string& filename, ModuleObj* module,
                             CompileMode mode);

}  // namespace stmjit
