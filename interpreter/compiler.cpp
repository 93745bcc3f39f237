// compiler.cpp: the code generator's frame: compilation units (one per scope), instruction
// emission with stack-depth tracking, labels, constants and names, the exception table, and
// assembling the final CodeObj. Statements and expressions are in compiler_stmt.cpp and
// compiler_expr.cpp.
#include <cstring>
#include <new>

#include "interpreter/compiler_impl.h"

namespace stmjit {

Compiler::Compiler(const ast::Module& m, ModuleObj* module, CompileMode mode)
    : mod_(m), module_(module), mode_(mode) {}

Compiler::~Compiler() {
  for (Unit* u : units_) {
    u->~Unit();
    GC_FREE(u);
  }
}

void Compiler::error(int line, const std::string& msg) {
  SyntaxErrorInfo info;
  info.message = msg;
  info.filename = mod_.filename;
  info.line = line;
  info.col = 1;
  throw SyntaxErrorException(info);
}

CodeObj* Compiler::compile() {
  st_ = build_symtable(mod_);
  if (mode_ != CompileMode::Module) st_->top->top_level_name_ops = true;
  enter_unit(st_->top.get());
  u_->flags = CO_MODULE;
  if (mode_ == CompileMode::Eval) {
    // compile_source_mode checked that the body is one expression statement.
    set_line(mod_.body[0]->pos.line);
    expr(*mod_.body[0]->value);
    emit(Op::RETURN_VALUE);
    u_->unreachable = true;
    return leave_unit();
  }
  if (!mod_.body.empty()) set_line(mod_.body[0]->pos.line);
  // A module docstring becomes __doc__.
  if (!mod_.body.empty() && mod_.body[0]->kind == ast::StmtKind::Expr &&
      mod_.body[0]->value->kind == ast::ExprKind::Constant &&
      mod_.body[0]->value->const_kind == ast::ConstKind::Str) {
    load_const(str_const(mod_.body[0]->value->str_value));
    emit(Op::STORE_GLOBAL, uint32_t(add_name("__doc__")));
  }
  setup_annotations(mod_.body);
  stmts(mod_.body);
  return leave_unit();
}

void Compiler::enter_unit(Scope* s) {
  // Units hold GcVectors: the Unit itself must be GC-visible memory.
  void* mem = gc_alloc_uncollectable(sizeof(Unit));
  Unit* u = new (mem) Unit();
  u->scope = s;
  u->line = s->first_line;
  units_.push_back(u);
  u_ = u;
}

int Compiler::new_label() {
  u_->labels.push_back(LabelInfo{});
  return int(u_->labels.size()) - 1;
}

void Compiler::bind(int label) {
  LabelInfo& l = u_->labels[size_t(label)];
  l.pos = int(u_->code.size());
  if (l.depth >= 0) {
    u_->depth = l.depth;
    u_->unreachable = false;
  } else if (!u_->unreachable) {
    l.depth = u_->depth;
  }
}

int Compiler::current_handler() const {
  for (auto it = u_->fblocks.rbegin(); it != u_->fblocks.rend(); ++it) {
    if (it->handler < 0) continue;
    for (size_t i = 0; i < u_->handlers.size(); i++)
      if (u_->handlers[i].first == it->handler) return int(i);
    u_->handlers.emplace_back(it->handler, it->handler_depth);
    return int(u_->handlers.size()) - 1;
  }
  return -1;
}

void Compiler::emit(Op op, uint32_t arg) {
  if (u_->unreachable) return;   // dead code (after return/raise/jump) is dropped
  if (arg > kMaxArg) error(u_->line, "too many constants, names or jump targets");
  u_->code.push_back(make_instr(op, arg));
  u_->lines.push_back(u_->line);
  u_->locs.push_back(u_->loc);
  u_->handler_of.push_back(current_handler());
  if (op_is_jump(op)) {
    LabelInfo& l = u_->labels[arg];
    int jd = u_->depth + stack_effect(op, arg, true);
    if (l.depth < 0) l.depth = jd;
  }
  u_->depth += stack_effect(op, arg, false);
  if (u_->depth > u_->maxdepth) u_->maxdepth = u_->depth;
  if (u_->depth < 0) error(u_->line, "internal compiler error: negative stack depth");
  if (op == Op::JUMP || op == Op::RETURN_VALUE || op == Op::RAISE_VARARGS || op == Op::RERAISE)
    u_->unreachable = true;
}

void Compiler::emit_jump(Op op, int label) { emit(op, uint32_t(label)); }

int Compiler::add_const(Value v) {
  for (size_t i = 0; i < u_->consts.size(); i++) {
    Value c = u_->consts[i];
    // Identity, plus equal strings and same small ints (never mix 1, 1.0 and True).
    if (c == v) return int(i);
    if (c.is_obj() && v.is_obj() && c.as_obj()->cls == cls_str && v.as_obj()->cls == cls_str &&
        str_view(c.as<StrObj>()) == str_view(v.as<StrObj>()))
      return int(i);
  }
  u_->consts.push_back(v);
  return int(u_->consts.size()) - 1;
}

int Compiler::add_name(const std::string& n) { return u_->names.add(n); }

Value Compiler::str_const(const std::string& s) {
  Value v = Value::from_obj(intern(s));
  return v;
}

namespace {
StrObj** intern_all(const std::vector<std::string>& v) {
  StrObj** out = static_cast<StrObj**>(gc_alloc(sizeof(StrObj*) * (v.size() + 1)));
  for (size_t i = 0; i < v.size(); i++) out[i] = intern(v[i]);
  return out;
}
}  // namespace

CodeObj* Compiler::leave_unit() {
  Unit* u = u_;
  Scope* s = u->scope;
  // Implicit return at the end.
  if (!u->unreachable) {
    if (s->kind == ScopeKind::Class && s->cells.has("__class__")) {
      emit(Op::LOAD_CLOSURE, uint32_t(s->cells.find("__class__")));
    } else {
      load_none();
    }
    emit(Op::RETURN_VALUE);
  }

  CodeObj* c = gc_new<CodeObj>(cls_code);
  int32_t n = int32_t(u->code.size());
  c->ninstrs = n;
  c->instrs = static_cast<uint32_t*>(gc_alloc_atomic(sizeof(uint32_t) * size_t(n + 1)));
  c->lines = static_cast<int32_t*>(gc_alloc_atomic(sizeof(int32_t) * size_t(n + 1)));
  c->locs = static_cast<InstrLoc*>(gc_alloc_atomic(sizeof(InstrLoc) * size_t(n + 1)));
  for (int32_t i = 0; i < n; i++) c->locs[i] = u->locs[size_t(i)];
  for (int32_t i = 0; i < n; i++) {
    uint32_t w = u->code[size_t(i)];
    Op op = instr_op(w);
    if (op_is_jump(op)) w = make_instr(op, uint32_t(u->labels[instr_arg(w)].pos));
    c->instrs[i] = w;
    c->lines[i] = u->lines[size_t(i)];
  }
  // Exception table: maximal runs of instructions sharing a handler.
  std::vector<ExcTableEntry> table;
  for (int32_t i = 0; i < n;) {
    int h = u->handler_of[size_t(i)];
    int32_t j = i + 1;
    while (j < n && u->handler_of[size_t(j)] == h) j++;
    if (h >= 0) {
      auto [label, depth] = u->handlers[size_t(h)];
      table.push_back({i, j, u->labels[size_t(label)].pos, depth});
    }
    i = j;
  }
  c->nexc = int32_t(table.size());
  c->exctable = static_cast<ExcTableEntry*>(gc_alloc_atomic(sizeof(ExcTableEntry) * (table.size() + 1)));
  if (!table.empty()) std::memcpy(c->exctable, table.data(), sizeof(ExcTableEntry) * table.size());

  c->nconsts = int32_t(u->consts.size());
  c->consts = static_cast<Value*>(gc_alloc(sizeof(Value) * (u->consts.size() + 1)));
  for (size_t i = 0; i < u->consts.size(); i++) c->consts[i] = u->consts[i];
  c->nnames = int32_t(u->names.size());
  c->names = intern_all(u->names.order);
  c->nlocals = int32_t(s->locals.size());
  c->varnames = intern_all(s->locals.order);
  c->ncells = int32_t(s->cells.size());
  c->cellvars = intern_all(s->cells.order);
  c->cell2arg = static_cast<int32_t*>(gc_alloc_atomic(sizeof(int32_t) * (s->cells.size() + 1)));
  for (size_t i = 0; i < s->cells.size(); i++) c->cell2arg[i] = s->params.find(s->cells.order[i]);
  c->nfrees = int32_t(s->frees.size());
  c->freevars = intern_all(s->frees.order);
  c->argcount = u->argcount;
  c->posonlycount = u->posonlycount;
  c->kwonlycount = u->kwonlycount;
  c->flags = u->flags | (s->is_generator ? CO_GENERATOR : 0) | (s->kind == ScopeKind::Class ? CO_CLASS_BODY : 0);
  c->stacksize = u->maxdepth + 1;
  c->filename = intern(mod_.filename);
  c->name = intern(s->name);
  c->qualname = intern(s->qualname.empty() ? s->name : s->qualname);
  c->firstline = s->first_line;
  c->caches = static_cast<std::atomic<void*>*>(gc_alloc(sizeof(std::atomic<void*>) * size_t(n + 1)));
  c->module = module_;

  units_.pop_back();
  u->~Unit();
  GC_FREE(u);
  u_ = units_.empty() ? nullptr : units_.back();
  return c;
}

CodeObj* compile_module(const ast::Module& m, ModuleObj* module) {
  Compiler c(m, module);
  return c.compile();
}

CodeObj* compile_source(std::string_view source, const std::string& filename, ModuleObj* module) {
  return compile_source_mode(source, filename, module, CompileMode::Module);
}

CodeObj* compile_source_mode(std::string_view source, const std::string& filename, ModuleObj* module,
                             CompileMode mode) {
  ast::Module m = parse_module(source, filename);
  if (mode == CompileMode::Eval && (m.body.size() != 1 || m.body[0]->kind != ast::StmtKind::Expr)) {
    SyntaxErrorInfo info;
    info.message = "invalid syntax";
    info.filename = filename;
    info.line = m.body.empty() ? 1 : m.body[0]->pos.line;
    info.col = m.body.empty() ? 1 : m.body[0]->pos.col + 1;
    throw SyntaxErrorException(info);
  }
  try {
    Compiler c(m, module, mode);
    return c.compile();
  } catch (const SyntaxErrorException& e) {
    // Scope errors are found after parsing, without the text: attach the offending line so
    // the report shows it and a caret, as for parser errors.
    if (!e.info().source_line.empty() || e.info().line < 1) throw;
    SyntaxErrorInfo info = e.info();
    size_t start = 0;
    for (int l = 1; l < info.line && start != std::string_view::npos; l++) {
      start = source.find('\n', start);
      if (start != std::string_view::npos) start++;
    }
    if (start == std::string_view::npos) throw;
    size_t end = source.find('\n', start);
    info.source_line = std::string(source.substr(start, end == std::string_view::npos ? end : end - start));
    size_t indent = info.source_line.find_first_not_of(" \t");
    if (indent != std::string::npos) info.col = int(indent) + 1;
    throw SyntaxErrorException(info);
  }
}

}  // namespace stmjit
