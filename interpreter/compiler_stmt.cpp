// compiler_stmt.cpp: code generation for statements, including the block structure needed
// by break/continue/return (unwinding loops, with-blocks, handlers and finally bodies) and
// exception handlers laid out CPython 3.11 style (see compiler_impl.h).
#include "interpreter/compiler_impl.h"

namespace stmjit {

using namespace ast;

void Compiler::stmts(const StmtList& b) {
  for (auto& s : b) stmt(*s);
}

void Compiler::stmt(const Stmt& s) {
  set_line(s.pos.line);
  u_->loc = InstrLoc{};   // statement-level instructions carry no caret range
  switch (s.kind) {
    case StmtKind::FunctionDef: function_def(s); break;
    case StmtKind::ClassDef: class_def(s); break;
    case StmtKind::Return: return_stmt(s); break;
    case StmtKind::Delete:
      for (auto& t : s.targets) delete_target(*t);
      break;
    case StmtKind::Assign: assign(s); break;
    case StmtKind::AugAssign: aug_assign(s); break;
    case StmtKind::AnnAssign: ann_assign(s); break;
    case StmtKind::For: for_stmt(s); break;
    case StmtKind::While: while_stmt(s); break;
    case StmtKind::If: if_stmt(s); break;
    case StmtKind::With: with_stmt(s, 0); break;
    case StmtKind::Raise: raise_stmt(s); break;
    case StmtKind::Try: try_stmt(s); break;
    case StmtKind::Assert: assert_stmt(s); break;
    case StmtKind::Import: import_stmt(s); break;
    case StmtKind::ImportFrom: import_from(s); break;
    case StmtKind::Global: case StmtKind::Nonlocal: case StmtKind::Pass: break;
    case StmtKind::Expr:
      expr(*s.value);
      emit(Op::POP_TOP);
      break;
    case StmtKind::Break: break_continue(s, true); break;
    case StmtKind::Continue: break_continue(s, false); break;
  }
}

void Compiler::set_params(Scope* s, const Arguments& a) {
  u_->posonlycount = int(a.posonly.size());
  u_->argcount = int(a.posonly.size() + a.args.size());
  u_->kwonlycount = int(a.kwonly.size());
  if (a.vararg) u_->flags |= CO_VARARGS;
  if (a.kwarg) u_->flags |= CO_VARKEYWORDS;
}

CodeObj* Compiler::function_body(const Stmt* def, const Expr* lam) {
  Scope* fs = st_->scope_of(def ? static_cast<const void*>(def) : static_cast<const void*>(lam));
  enter_unit(fs);
  set_params(fs, def ? *def->arguments : *lam->arguments);
  if (def) {
    stmts(def->body);
  } else {
    set_line(lam->pos.line);
    expr(*lam->left);
    emit(Op::RETURN_VALUE);
  }
  return leave_unit();
}

void Compiler::function_def(const Stmt& s) {
  for (auto& d : s.decorators) {
    expr(*d);
    emit(Op::PUSH_NULL);
  }
  set_line(s.pos.line);
  CodeObj* code = function_body(&s, nullptr);
  make_function(st_->scope_of(&s), code, s.arguments.get());
  for (size_t i = 0; i < s.decorators.size(); i++) emit(Op::CALL, 1);
  name_op(s.name, ExprContext::Store);
}

// Whether a module or class body has annotated assignments (not counting nested functions
// and classes): then it gets an __annotations__ dict, as CPython's SETUP_ANNOTATIONS does.
namespace {
bool has_annotations(const StmtList& body) {
  for (auto& s : body) {
    if (s->kind == StmtKind::AnnAssign) return true;
    if (s->kind == StmtKind::FunctionDef || s->kind == StmtKind::ClassDef) continue;
    if (has_annotations(s->body) || has_annotations(s->orelse) || has_annotations(s->finalbody)) return true;
    for (auto& h : s->handlers)
      if (has_annotations(h.body)) return true;
  }
  return false;
}
}  // namespace

void Compiler::setup_annotations(const StmtList& body) {
  if (!has_annotations(body)) return;
  emit(Op::BUILD_MAP, 0);
  name_op("__annotations__", ExprContext::Store);
}

// x: T = v. At module and class level a simple name's annotation is evaluated and recorded in
// __annotations__; in functions annotations are not evaluated (as in CPython).
void Compiler::ann_assign(const Stmt& s) {
  if (s.value) {
    expr(*s.value);
    store_target(*s.targets[0]);
  }
  ScopeKind k = u_->scope->kind;
  if ((k == ScopeKind::Module || k == ScopeKind::Class) && s.targets[0]->kind == ExprKind::Name) {
    expr(*s.test);
    name_op("__annotations__", ExprContext::Load);
    load_const(str_const(s.targets[0]->name));
    emit(Op::STORE_SUBSCR);
  }
}

void Compiler::class_def(const Stmt& s) {
  for (auto& k : s.keywords)
    if (k.arg.empty()) error(s.pos.line, "'**' in a class statement's keywords is not supported by stmjit");
  for (auto& b : s.exprs)
    if (b->kind == ExprKind::Starred) error(s.pos.line, "starred base classes are not supported by stmjit");
  for (auto& d : s.decorators) {
    expr(*d);
    emit(Op::PUSH_NULL);
  }
  set_line(s.pos.line);
  Scope* cs = st_->scope_of(&s);
  enter_unit(cs);
  emit(Op::LOAD_NAME, uint32_t(add_name("__name__")));
  emit(Op::STORE_NAME, uint32_t(add_name("__module__")));
  load_const(str_const(cs->qualname));
  emit(Op::STORE_NAME, uint32_t(add_name("__qualname__")));
  if (!s.body.empty() && s.body[0]->kind == StmtKind::Expr &&
      s.body[0]->value->kind == ExprKind::Constant && s.body[0]->value->const_kind == ConstKind::Str) {
    load_const(str_const(s.body[0]->value->str_value));
    emit(Op::STORE_NAME, uint32_t(add_name("__doc__")));
  }
  setup_annotations(s.body);
  stmts(s.body);
  CodeObj* code = leave_unit();
  set_line(s.pos.line);
  make_function(cs, code, nullptr);
  load_const(str_const(s.name));
  for (auto& b : s.exprs) expr(*b);
  if (s.keywords.empty()) {
    emit(Op::BUILD_CLASS, uint32_t(s.exprs.size()));
  } else {
    for (auto& k : s.keywords) expr(*k.value);
    TupleObj* kwnames = tuple_new(int64_t(s.keywords.size()));
    for (size_t i = 0; i < s.keywords.size(); i++) kwnames->items[i] = Value::from_obj(intern(s.keywords[i].arg));
    load_const(Value::from_obj(kwnames));
    emit(Op::BUILD_CLASS_KW, uint32_t(s.exprs.size() + s.keywords.size()));
  }
  for (size_t i = 0; i < s.decorators.size(); i++) emit(Op::CALL, 1);
  name_op(s.name, ExprContext::Store);
}

void Compiler::assign(const Stmt& s) {
  expr(*s.value);
  for (size_t i = 0; i < s.targets.size(); i++) {
    if (i + 1 < s.targets.size()) emit(Op::COPY, 1);
    store_target(*s.targets[i]);
  }
}

static BinOp to_binop(Operator op) {
  switch (op) {
    case Operator::Add: return BinOp::Add;
    case Operator::Sub: return BinOp::Sub;
    case Operator::Mul: return BinOp::Mul;
    case Operator::Div: return BinOp::TrueDiv;
    case Operator::FloorDiv: return BinOp::FloorDiv;
    case Operator::Mod: return BinOp::Mod;
    case Operator::Pow: return BinOp::Pow;
    case Operator::LShift: return BinOp::LShift;
    case Operator::RShift: return BinOp::RShift;
    case Operator::BitAnd: return BinOp::And;
    case Operator::BitOr: return BinOp::Or;
    case Operator::BitXor: return BinOp::Xor;
    case Operator::MatMult: return BinOp::MatMul;
  }
  return BinOp::Add;
}

BinOp compiler_binop(Operator op) { return to_binop(op); }

// Compiles the value and the INPLACE_OP. Only the value may be a temporary: the left operand
// is the target's current value, stored elsewhere (`y = x; x += a * b` must not change y).
void Compiler::emit_inplace(const Expr& value, uint32_t op) {
  int v = temp_operand(value);
  emit(Op::INPLACE_OP, v >= 0 ? op | mark_temp(v, kRightTemp) : op);
}

void Compiler::aug_assign(const Stmt& s) {
  const Expr& t = *s.targets[0];
  uint32_t op = uint32_t(to_binop(s.op));
  switch (t.kind) {
    case ExprKind::Name:
      name_op(t.name, ExprContext::Load);
      emit_inplace(*s.value, op);
      name_op(t.name, ExprContext::Store);
      break;
    case ExprKind::Attribute: {
      expr(*t.left);
      emit(Op::COPY, 1);
      uint32_t n = uint32_t(add_name(t.name));
      emit(Op::LOAD_ATTR, n);
      emit_inplace(*s.value, op);
      emit(Op::SWAP, 2);
      emit(Op::STORE_ATTR, n);
      break;
    }
    case ExprKind::Subscript:
      expr(*t.left);
      subscript_slice(*t.right);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      emit_inplace(*s.value, op);
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      break;
    default: error(s.pos.line, "'" + std::string("expression") + "' is an illegal expression for augmented assignment");
  }
}

void Compiler::for_stmt(const Stmt& s) {
  expr(*s.value);
  emit(Op::GET_ITER);
  int start = new_label(), cleanup = new_label(), end = new_label();
  bind(start);
  set_line(s.pos.line);
  emit_jump(Op::FOR_ITER, cleanup);
  store_target(*s.targets[0]);
  push_fblock({FBlockKind::ForLoop, -1, 0, end, start});
  stmts(s.body);
  pop_fblock();
  set_line(s.pos.line);
  emit_jump(Op::JUMP, start);
  bind(cleanup);
  stmts(s.orelse);
  bind(end);
}

void Compiler::while_stmt(const Stmt& s) {
  int start = new_label(), orelse = new_label(), end = new_label();
  bind(start);
  bool always = s.test->kind == ExprKind::Constant &&
                (s.test->const_kind == ConstKind::True ||
                 (s.test->const_kind == ConstKind::Int && s.test->int_text != "0"));
  if (!always) jump_if(*s.test, false, orelse);
  push_fblock({FBlockKind::WhileLoop, -1, 0, end, start});
  stmts(s.body);
  pop_fblock();
  set_line(s.pos.line);
  emit_jump(Op::JUMP, start);
  bind(orelse);
  stmts(s.orelse);
  bind(end);
}

void Compiler::if_stmt(const Stmt& s) {
  int else_l = new_label();
  jump_if(*s.test, false, else_l);
  stmts(s.body);
  if (!s.orelse.empty()) {
    int end = new_label();
    emit_jump(Op::JUMP, end);
    bind(else_l);
    stmts(s.orelse);
    bind(end);
  } else {
    bind(else_l);
  }
}

void Compiler::call_exit_none() {
  emit(Op::PUSH_NULL);
  load_none();
  load_none();
  load_none();
  emit(Op::CALL, 3);
  emit(Op::POP_TOP);
}

void Compiler::clear_name(const std::string& n) {
  load_none();
  name_op(n, ExprContext::Store);
  name_op(n, ExprContext::Del);
}

void Compiler::with_stmt(const Stmt& s, size_t i) {
  const WithItem& item = s.items[i];
  set_line(s.pos.line);
  expr(*item.context_expr);
  emit(Op::BEFORE_WITH);                 // [exit, value]
  int hdepth = u_->depth - 1;            // [exit]
  int handler = new_label();
  u_->labels[size_t(handler)].depth = hdepth + 1;
  if (item.optional_vars) store_target(*item.optional_vars);
  else emit(Op::POP_TOP);
  push_fblock({FBlockKind::With, handler, hdepth});
  if (i + 1 < s.items.size()) with_stmt(s, i + 1);
  else stmts(s.body);
  pop_fblock();
  set_line(s.pos.line);
  call_exit_none();
  int end = new_label();
  emit_jump(Op::JUMP, end);

  bind(handler);                         // [exit, exc]
  emit(Op::PUSH_EXC_INFO);               // [exit, prev, exc]
  int cleanup = new_label();
  u_->labels[size_t(cleanup)].depth = hdepth + 2;
  push_fblock({FBlockKind::HandlerCleanup, cleanup, hdepth + 1});
  emit(Op::WITH_EXCEPT_START);           // [exit, prev, exc, res]
  int suppress = new_label();
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
  emit(Op::RERAISE);
  pop_fblock();
  bind(suppress);                        // [exit, prev, exc]
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, end);
  bind(cleanup);                         // [exit, prev, exc2]
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  bind(end);
}

void Compiler::try_stmt(const Stmt& s) {
  if (!s.finalbody.empty()) try_finally(s);
  else try_except(s);
}

void Compiler::try_finally(const Stmt& s) {
  int d = u_->depth;
  int handler = new_label();
  u_->labels[size_t(handler)].depth = d + 1;
  FBlock fb{FBlockKind::TryFinally, handler, d};
  fb.finalbody = &s.finalbody;
  push_fblock(fb);
  if (!s.handlers.empty()) {
    try_except(s);
  } else {
    stmts(s.body);
  }
  pop_fblock();
  stmts(s.finalbody);
  int end = new_label();
  emit_jump(Op::JUMP, end);

  bind(handler);                         // [exc]
  emit(Op::PUSH_EXC_INFO);               // [prev, exc]
  int cleanup = new_label();
  u_->labels[size_t(cleanup)].depth = d + 2;
  push_fblock({FBlockKind::FinallyEnd, cleanup, d + 1});
  stmts(s.finalbody);
  pop_fblock();
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  bind(cleanup);                         // [prev, exc2]
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  bind(end);
}

void Compiler::try_except(const Stmt& s) {
  int d = u_->depth;
  int handler = new_label();
  u_->labels[size_t(handler)].depth = d + 1;
  push_fblock({FBlockKind::TryExcept, handler, d});
  stmts(s.body);
  pop_fblock();
  stmts(s.orelse);
  int end = new_label();
  emit_jump(Op::JUMP, end);

  bind(handler);                         // [exc]
  set_line(s.handlers[0].pos.line);
  emit(Op::PUSH_EXC_INFO);               // [prev, exc]
  int cleanup = new_label();
  u_->labels[size_t(cleanup)].depth = d + 2;
  push_fblock({FBlockKind::ExceptMatch, cleanup, d + 1});
  std::vector<std::pair<int, std::string>> named_cleanups;
  for (size_t i = 0; i < s.handlers.size(); i++) {
    const ExceptHandler& h = s.handlers[i];
    set_line(h.pos.line);
    if (!h.type && i + 1 < s.handlers.size()) error(h.pos.line, "default 'except:' must be last");
    int next = new_label();
    if (h.type) {
      expr(*h.type);                     // CHECK_EXC_MATCH keeps the exception below

      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next);
    }
    FBlock body_block{FBlockKind::HandlerCleanup, cleanup, d + 1};
    if (!h.name.empty()) {
      name_op(h.name, ExprContext::Store);
      int nc = new_label();
      u_->labels[size_t(nc)].depth = d + 2;
      named_cleanups.emplace_back(nc, h.name);
      body_block.handler = nc;
      body_block.name = h.name;
    } else {
      emit(Op::POP_TOP);                 // [prev]
    }
    push_fblock(body_block);
    stmts(h.body);
    pop_fblock();
    if (!h.name.empty()) clear_name(h.name);
    emit(Op::POP_EXCEPT);
    emit_jump(Op::JUMP, end);
    bind(next);
  }
  pop_fblock();
  // No handler matched: [prev, exc].
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  bind(cleanup);                         // [prev, exc2]
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  for (auto& [label, name] : named_cleanups) {
    bind(label);                         // [prev, exc2]
    clear_name(name);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
  }
  bind(end);
}

void Compiler::unwind_fblock(const FBlock& b, bool preserve_tos) {
  switch (b.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::TryExcept:
    case FBlockKind::ExceptMatch:   // the handler body's own HandlerCleanup did the work
      break;
    case FBlockKind::ForLoop:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      break;
    case FBlockKind::TryFinally:
      stmts(*b.finalbody);
      break;
    case FBlockKind::FinallyEnd:
      if (preserve_tos) {
        emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        emit(Op::SWAP, 2);
      } else {
        emit(Op::POP_TOP);
      }
      emit(Op::POP_EXCEPT);
      break;
    case FBlockKind::HandlerCleanup:
      if (!b.name.empty()) clear_name(b.name);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_EXCEPT);
      break;
    case FBlockKind::With:
      if (preserve_tos) emit(Op::SWAP, 2);
      call_exit_none();
      break;
  }
}

void Compiler::return_stmt(const Stmt& s) {
  if (u_->scope->kind != ScopeKind::Function) error(s.pos.line, "'return' outside function");
  if (s.value) expr(*s.value);
  else load_none();
  if (!u_->fblocks.empty()) {
    std::vector<FBlock> saved = u_->fblocks;
    while (!u_->fblocks.empty()) {
      FBlock b = u_->fblocks.back();
      u_->fblocks.pop_back();
      unwind_fblock(b, true);
    }
    set_line(s.pos.line);
    emit(Op::RETURN_VALUE);
    u_->fblocks = saved;
  } else {
    emit(Op::RETURN_VALUE);
  }
}

void Compiler::break_continue(const Stmt& s, bool is_break) {
  std::vector<FBlock> saved = u_->fblocks;
  while (!u_->fblocks.empty()) {
    FBlock b = u_->fblocks.back();
    if (b.kind == FBlockKind::WhileLoop || b.kind == FBlockKind::ForLoop) {
      if (is_break) {
        u_->fblocks.pop_back();
        unwind_fblock(b, false);
        emit_jump(Op::JUMP, b.break_label);
      } else {
        emit_jump(Op::JUMP, b.continue_label);
      }
      u_->fblocks = saved;
      return;
    }
    u_->fblocks.pop_back();
    unwind_fblock(b, false);
  }
  u_->fblocks = saved;
  error(s.pos.line, is_break ? "'break' outside loop" : "'continue' not properly in loop");
}

void Compiler::raise_stmt(const Stmt& s) {
  if (!s.value) {
    emit(Op::RAISE_VARARGS, 0);
    return;
  }
  expr(*s.value);
  if (s.test) {
    expr(*s.test);
    emit(Op::RAISE_VARARGS, 2);
  } else {
    emit(Op::RAISE_VARARGS, 1);
  }
}

void Compiler::assert_stmt(const Stmt& s) {
  int end = new_label();
  jump_if(*s.test, true, end);
  emit(Op::LOAD_ASSERTION_ERROR);
  if (s.value) {
    emit(Op::PUSH_NULL);
    expr(*s.value);
    emit(Op::CALL, 1);
  }
  // CPython locates the raise at the asserted expression (the traceback underlines it).
  InstrLoc saved = u_->loc;
  u_->loc = expr_location(*s.test);
  emit(Op::RAISE_VARARGS, 1);
  u_->loc = saved;
  bind(end);
}

void Compiler::import_stmt(const Stmt& s) {
  for (auto& a : s.names) {
    load_const(make_int(0));
    // fromlist None: IMPORT_NAME yields the top-level package; True: the named module itself.
    bool leaf = !a.asname.empty() && a.name.find('.') != std::string::npos;
    load_const(leaf ? v_true() : v_none());
    emit(Op::IMPORT_NAME, uint32_t(add_name(a.name)));
    name_op(!a.asname.empty() ? a.asname : a.name.substr(0, a.name.find('.')), ExprContext::Store);
  }
}

void Compiler::import_from(const Stmt& s) {
  load_const(make_int(s.level));
  TupleObj* fromlist = tuple_new(int64_t(s.names.size()));
  for (size_t i = 0; i < s.names.size(); i++) fromlist->items[i] = Value::from_obj(intern(s.names[i].name));
  load_const(Value::from_obj(fromlist));
  emit(Op::IMPORT_NAME, uint32_t(add_name(s.name)));
  if (s.names.size() == 1 && s.names[0].name == "*") {
    emit(Op::IMPORT_STAR);
    return;
  }
  for (auto& a : s.names) {
    emit(Op::IMPORT_FROM, uint32_t(add_name(a.name)));
    name_op(!a.asname.empty() ? a.asname : a.name, ExprContext::Store);
  }
  emit(Op::POP_TOP);
}

void Compiler::delete_target(const Expr& t) {
  switch (t.kind) {
    case ExprKind::Name: name_op(t.name, ExprContext::Del); break;
    case ExprKind::Attribute:
      expr(*t.left);
      emit(Op::DELETE_ATTR, uint32_t(add_name(t.name)));
      break;
    case ExprKind::Subscript:
      expr(*t.left);
      subscript_slice(*t.right);
      emit(Op::DELETE_SUBSCR);
      break;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (auto& e : t.elts) delete_target(*e);
      break;
    default: error(t.pos.line, "cannot delete expression");
  }
}

}  // namespace stmjit
