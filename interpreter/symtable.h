// symtable.h: the compiler's scope analysis. One Scope per module, function, lambda, class
// body and comprehension (comprehensions are nested functions, as in CPython). After
// build_symtable() every name used in a scope has a NameKind, and each scope knows its cell
// variables (captured by inner scopes) and free variables (captured from outer scopes).
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "frontend/ast.h"

namespace stmjit {

enum class ScopeKind { Module, Function, Class };

// An ordered set of names (the order decides variable numbering, so it must be deterministic).
struct NameList {
  std::vector<std::string> order;
  std::map<std::string, int> index;
  int add(const std::string& n) {
    auto it = index.find(n);
    if (it != index.end()) return it->second;
    index[n] = int(order.size());
    order.push_back(n);
    return int(order.size()) - 1;
  }
  bool has(const std::string& n) const { return index.count(n) != 0; }
  int find(const std::string& n) const { auto it = index.find(n); return it == index.end() ? -1 : it->second; }
  size_t size() const { return order.size(); }
};

enum class NameKind { Fast, Deref, ClassDeref, Global, Name };

struct Scope {
  ScopeKind kind;
  std::string name;              // function / class name, "<lambda>", "<listcomp>", ...
  std::string qualname;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  bool is_generator = false;
  bool is_comprehension = false;
  bool has_class_cell_use = false;   // uses super() / __class__
  bool top_level_name_ops = false;   // module scope of exec()/eval() code: names via LOAD_NAME
  int first_line = 0;
  NameList params;                // in binding order
  NameList bound;                 // assigned / imported / defined here (incl. params)
  NameList used;                  // loaded here
  std::set<std::string> explicit_globals, nonlocals;
  NameList cells, frees;
  NameList locals;                // fast locals (function scopes): params first
  // Line of the first global/nonlocal statement per name (for error messages).
  std::map<std::string, int> decl_line;

  NameKind kind_of(const std::string& n) const;
  bool is_local_binding(const std::string& n) const {
    return bound.has(n) && !explicit_globals.count(n) && !nonlocals.count(n);
  }
};

struct SymbolTable {
  std::unique_ptr<Scope> top;
  std::map<const void*, Scope*> by_node;     // FunctionDef/ClassDef Stmt*, Lambda/comprehension Expr*
  Scope* scope_of(const void* node) const { return by_node.at(node); }
};

// Raises SyntaxErrorException for scope errors (nonlocal at module level, no binding for
// nonlocal, name both global and nonlocal, ...).
std::unique_ptr<SymbolTable> build_symtable(const ast::Module& m);

}  // namespace stmjit
