// compiler_symtable.cpp: the scope-analysis pass of the compiler (see symtable.h).
//
// Pass 1 walks the AST and records, per scope, the names bound, used and declared
// global/nonlocal. Pass 2 (post-order, so inner scopes are resolved first) finds, for every
// name a scope uses without binding it, the enclosing function scope that binds it: that
// scope gets a cell, and every scope on the way (class bodies included) a free variable.
// Class scopes are skipped when resolving names of inner scopes, except for the implicit
// `__class__` cell that zero-argument super() needs.
#include "interpreter/symtable.h"

#include "frontend/parser.h"

namespace stmjit {

using namespace ast;

NameKind Scope::kind_of(const std::string& n) const {
  if (kind == ScopeKind::Module) return top_level_name_ops ? NameKind::Name : NameKind::Global;
  if (explicit_globals.count(n)) return NameKind::Global;
  if (kind == ScopeKind::Class) {
    if (nonlocals.count(n)) return NameKind::Deref;
    if (bound.has(n)) return NameKind::Name;
    if (frees.has(n) && used.has(n)) return NameKind::ClassDeref;
    return NameKind::Name;
  }
  if (cells.has(n) || frees.has(n)) return NameKind::Deref;
  if (is_local_binding(n)) return NameKind::Fast;
  return NameKind::Global;
}

namespace {

[[noreturn]] void scope_error(const std::string& filename, int line, const std::string& msg) {
  SyntaxErrorInfo info;
  info.message = msg;
  info.filename = filename;
  info.line = line;
  info.col = 1;
  throw SyntaxErrorException(info);
}

class Builder {
 public:
  Builder(SymbolTable& t, const std::string& filename) : t_(t), filename_(filename) {}

  void build(const Module& m) {
    t_.top = std::make_unique<Scope>();
    t_.top->kind = ScopeKind::Module;
    t_.top->name = "<module>";
    t_.top->first_line = 1;
    for (auto& s : m.body) stmt(*s, t_.top.get());
    resolve(t_.top.get());
  }

 private:
  SymbolTable& t_;
  const std::string& filename_;

  Scope* new_scope(Scope* parent, ScopeKind k, const std::string& name, const void* node, int line) {
    auto s = std::make_unique<Scope>();
    s->kind = k;
    s->name = name;
    s->parent = parent;
    s->first_line = line;
    if (parent->kind == ScopeKind::Module) s->qualname = name;
    else if (parent->kind == ScopeKind::Class) s->qualname = parent->qualname + "." + name;
    else s->qualname = parent->qualname + ".<locals>." + name;
    Scope* raw = s.get();
    parent->children.push_back(std::move(s));
    t_.by_node[node] = raw;
    return raw;
  }

  void param(Scope* s, const std::string& n) {
    s->params.add(n);
    s->bound.add(n);
  }

  void arguments(const Arguments& a, Scope* outer, Scope* inner) {
    for (auto& d : a.defaults) expr(*d, outer);
    for (auto& d : a.kw_defaults)
      if (d) expr(*d, outer);
    // Annotations are evaluated in the enclosing scope when the def runs.
    auto annotation = [&](const Arg& p) {
      if (p.annotation) expr(*p.annotation, outer);
    };
    for (auto& p : a.posonly) annotation(p);
    for (auto& p : a.args) annotation(p);
    for (auto& p : a.kwonly) annotation(p);
    if (a.vararg) annotation(*a.vararg);
    if (a.kwarg) annotation(*a.kwarg);
    if (a.returns) expr(*a.returns, outer);
    for (auto& p : a.posonly) param(inner, p.name);
    for (auto& p : a.args) param(inner, p.name);
    for (auto& p : a.kwonly) param(inner, p.name);
    if (a.vararg) param(inner, a.vararg->name);
    if (a.kwarg) param(inner, a.kwarg->name);
  }

  void declare(Scope* s, const Stmt& st, bool global) {
    for (auto& n : st.identifiers) {
      if (!global && s->kind == ScopeKind::Module)
        scope_error(filename_, st.pos.line, "nonlocal declaration not allowed at module level");
      if (global && s->nonlocals.count(n))
        scope_error(filename_, st.pos.line, "name '" + n + "' is nonlocal and global");
      if (!global && s->explicit_globals.count(n))
        scope_error(filename_, st.pos.line, "name '" + n + "' is nonlocal and global");
      if (!global && s->params.has(n))
        scope_error(filename_, st.pos.line, "name '" + n + "' is parameter and nonlocal");
      if (global && s->params.has(n))
        scope_error(filename_, st.pos.line, "name '" + n + "' is parameter and global");
      (global ? s->explicit_globals : s->nonlocals).insert(n);
      if (!s->decl_line.count(n)) s->decl_line[n] = st.pos.line;
    }
  }

  void body(const StmtList& b, Scope* s) {
    for (auto& st : b) stmt(*st, s);
  }

  void stmt(const Stmt& st, Scope* s) {
    switch (st.kind) {
      case StmtKind::FunctionDef: {
        for (auto& d : st.decorators) expr(*d, s);
        s->bound.add(st.name);
        Scope* f = new_scope(s, ScopeKind::Function, st.name, &st, st.pos.line);
        arguments(*st.arguments, s, f);
        body(st.body, f);
        break;
      }
      case StmtKind::ClassDef: {
        for (auto& d : st.decorators) expr(*d, s);
        for (auto& b : st.exprs) expr(*b, s);
        for (auto& k : st.keywords) expr(*k.value, s);
        s->bound.add(st.name);
        Scope* c = new_scope(s, ScopeKind::Class, st.name, &st, st.pos.line);
        body(st.body, c);
        break;
      }
      case StmtKind::Return:
        if (st.value) expr(*st.value, s);
        break;
      case StmtKind::Delete:
      case StmtKind::Assign:
        for (auto& t : st.targets) expr(*t, s);
        if (st.value) expr(*st.value, s);
        break;
      case StmtKind::AugAssign:
        if (st.targets[0]->kind == ExprKind::Name) {
          s->used.add(st.targets[0]->name);
          s->bound.add(st.targets[0]->name);
        } else {
          expr(*st.targets[0], s);
        }
        expr(*st.value, s);
        break;
      case StmtKind::AnnAssign:
        if (st.targets[0]->kind == ExprKind::Name) s->bound.add(st.targets[0]->name);
        else expr(*st.targets[0], s);
        if (st.value) expr(*st.value, s);
        break;
      case StmtKind::For:
        expr(*st.targets[0], s);
        expr(*st.value, s);
        body(st.body, s);
        body(st.orelse, s);
        break;
      case StmtKind::While:
      case StmtKind::If:
        expr(*st.test, s);
        body(st.body, s);
        body(st.orelse, s);
        break;
      case StmtKind::With:
        for (auto& it : st.items) {
          expr(*it.context_expr, s);
          if (it.optional_vars) expr(*it.optional_vars, s);
        }
        body(st.body, s);
        break;
      case StmtKind::Raise:
        if (st.value) expr(*st.value, s);
        if (st.test) expr(*st.test, s);
        break;
      case StmtKind::Try:
        body(st.body, s);
        for (auto& h : st.handlers) {
          if (h.type) expr(*h.type, s);
          if (!h.name.empty()) s->bound.add(h.name);
          body(h.body, s);
        }
        body(st.orelse, s);
        body(st.finalbody, s);
        break;
      case StmtKind::Assert:
        expr(*st.test, s);
        if (st.value) expr(*st.value, s);
        break;
      case StmtKind::Import:
        for (auto& a : st.names)
          s->bound.add(!a.asname.empty() ? a.asname : a.name.substr(0, a.name.find('.')));
        break;
      case StmtKind::ImportFrom:
        for (auto& a : st.names) {
          if (a.name == "*") {
            if (s->kind != ScopeKind::Module)
              scope_error(filename_, st.pos.line, "import * only allowed at module level");
            continue;
          }
          s->bound.add(!a.asname.empty() ? a.asname : a.name);
        }
        break;
      case StmtKind::Global: declare(s, st, true); break;
      case StmtKind::Nonlocal: declare(s, st, false); break;
      case StmtKind::Expr: expr(*st.value, s); break;
      case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: break;
    }
  }

  void comprehension(const Expr& e, Scope* s, const char* name) {
    expr(*e.generators[0].iter, s);
    Scope* c = new_scope(s, ScopeKind::Function, name, &e, e.pos.line);
    c->is_comprehension = true;
    c->is_generator = e.kind == ExprKind::GeneratorExp;
    param(c, ".0");
    for (size_t i = 0; i < e.generators.size(); i++) {
      auto& g = e.generators[i];
      expr(*g.target, c);
      if (i > 0) expr(*g.iter, c);
      for (auto& cond : g.ifs) expr(*cond, c);
    }
    if (e.left) expr(*e.left, c);
    if (e.right) expr(*e.right, c);
  }

  void expr(const Expr& e, Scope* s) {
    switch (e.kind) {
      case ExprKind::Name:
        if (e.ctx == ExprContext::Load) {
          s->used.add(e.name);
          if (e.name == "super" && s->kind == ScopeKind::Function) {
            s->has_class_cell_use = true;
            s->used.add("__class__");
          }
          if (e.name == "__class__") s->has_class_cell_use = true;
        } else {
          s->bound.add(e.name);
        }
        return;
      case ExprKind::Lambda: {
        Scope* f = new_scope(s, ScopeKind::Function, "<lambda>", &e, e.pos.line);
        arguments(*e.arguments, s, f);
        expr(*e.left, f);
        return;
      }
      case ExprKind::ListComp: comprehension(e, s, "<listcomp>"); return;
      case ExprKind::SetComp: comprehension(e, s, "<setcomp>"); return;
      case ExprKind::DictComp: comprehension(e, s, "<dictcomp>"); return;
      case ExprKind::GeneratorExp: comprehension(e, s, "<genexpr>"); return;
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (s->kind != ScopeKind::Function)
          scope_error(filename_, e.pos.line, "'yield' outside function");
        s->is_generator = true;
        break;
      default: break;
    }
    if (e.left) expr(*e.left, s);
    if (e.right) expr(*e.right, s);
    if (e.third) expr(*e.third, s);
    for (auto& x : e.elts)
      if (x) expr(*x, s);
    for (auto& x : e.values)
      if (x) expr(*x, s);
    for (auto& k : e.keywords) expr(*k.value, s);
  }

  // Finds the function scope binding `n` for a use in `s`; marks cell/free variables.
  bool resolve_free(Scope* s, const std::string& n, bool is_nonlocal, int line) {
    std::vector<Scope*> path{s};
    for (Scope* p = s->parent; p; p = p->parent) {
      if (p->kind == ScopeKind::Class) {
        if (n == "__class__") {
          p->cells.add(n);
          for (Scope* q : path) q->frees.add(n);
          return true;
        }
        path.push_back(p);
        continue;
      }
      if (p->kind == ScopeKind::Module || p->explicit_globals.count(n)) break;
      if (p->is_local_binding(n)) {
        p->cells.add(n);
        for (Scope* q : path) q->frees.add(n);
        return true;
      }
      path.push_back(p);
    }
    if (is_nonlocal) scope_error(filename_, line, "no binding for nonlocal '" + n + "' found");
    return false;
  }

  void resolve(Scope* s) {
    for (auto& c : s->children) resolve(c.get());
    if (s->kind == ScopeKind::Module) return;
    for (auto& n : s->nonlocals) resolve_free(s, n, true, s->decl_line[n]);
    for (auto& n : s->used.order)
      if (!s->bound.has(n) && !s->explicit_globals.count(n) && !s->nonlocals.count(n))
        resolve_free(s, n, false, s->first_line);
    if (s->kind == ScopeKind::Function) {
      for (auto& n : s->params.order) s->locals.add(n);
      for (auto& n : s->bound.order)
        if (s->is_local_binding(n) && !s->cells.has(n)) s->locals.add(n);
    }
  }
};

}  // namespace

std::unique_ptr<SymbolTable> build_symtable(const Module& m) {
  auto t = std::make_unique<SymbolTable>();
  Builder(*t, m.filename).build(m);
  return t;
}

}  // namespace stmjit
