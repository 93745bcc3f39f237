// compiler_expr.cpp: code generation for expressions and assignment targets: names (by scope
// kind), calls (method-call form, keywords, *args/**kwargs, zero-argument super()),
// operators, chained comparisons, displays, comprehensions (nested functions), lambdas,
// f-strings, unpacking and the conditional jumps used by if/while/assert.
#include <gmp.h>

#include <cerrno>
#include <cstdlib>

#include "interpreter/compiler_impl.h"
#include "runtime/types_internal.h"

namespace stmjit {

using namespace ast;

BinOp compiler_binop(Operator op);

void Compiler::name_op(const std::string& n, ExprContext ctx) {
  Scope* s = u_->scope;
  int which = ctx == ExprContext::Load ? 0 : ctx == ExprContext::Store ? 1 : 2;
  switch (s->kind_of(n)) {
    case NameKind::Fast: {
      static const Op ops[] = {Op::LOAD_FAST, Op::STORE_FAST, Op::DELETE_FAST};
      emit(ops[which], uint32_t(s->locals.find(n)));
      return;
    }
    case NameKind::Deref:
    case NameKind::ClassDeref: {
      int idx = s->cells.find(n);
      if (idx < 0) idx = int(s->cells.size()) + s->frees.find(n);
      static const Op ops[] = {Op::LOAD_DEREF, Op::STORE_DEREF, Op::DELETE_DEREF};
      Op op = ops[which];
      if (which == 0 && s->kind_of(n) == NameKind::ClassDeref) op = Op::LOAD_CLASSDEREF;
      emit(op, uint32_t(idx));
      return;
    }
    case NameKind::Global: {
      static const Op ops[] = {Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL};
      emit(ops[which], uint32_t(add_name(n)));
      return;
    }
    case NameKind::Name: {
      static const Op ops[] = {Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME};
      emit(ops[which], uint32_t(add_name(n)));
      return;
    }
  }
}

namespace {
Value constant_value(const Expr& e) {
  switch (e.const_kind) {
    case ConstKind::None: return v_none();
    case ConstKind::True: return v_true();
    case ConstKind::False: return v_false();
    case ConstKind::Ellipsis: return Value::from_obj(&ellipsis_singleton);
    case ConstKind::Float: return make_float(e.float_value);
    case ConstKind::Str: return make_str(e.str_value);
    case ConstKind::Int: {
      errno = 0;
      char* end = nullptr;
      long long v = std::strtoll(e.int_text.c_str(), &end, 10);
      if (errno == 0 && end && *end == 0) return make_int(v);
      mpz_t z;
      mpz_init_set_str(z, e.int_text.c_str(), 10);
      Value big = make_int_from_mpz(z);
      mpz_clear(z);
      return big;
    }
  }
  return v_none();
}

}  // namespace

void Compiler::constant(const Expr& e) {
  if (e.const_kind == ConstKind::None) load_none();
  else load_const(constant_value(e));
}

namespace {
// The value of an expression CPython's AST optimizer folds to a constant (literals, signed
// numbers, tuples of those); false for anything else.
bool folded_constant(const Expr& e, Value* out) {
  switch (e.kind) {
    case ExprKind::Constant: *out = constant_value(e); return true;
    case ExprKind::UnaryOp:
      if ((e.unary_op == UnaryOperator::USub || e.unary_op == UnaryOperator::UAdd) &&
          e.left->kind == ExprKind::Constant &&
          (e.left->const_kind == ConstKind::Int || e.left->const_kind == ConstKind::Float)) {
        Value v = constant_value(*e.left);
        *out = e.unary_op == UnaryOperator::USub ? unary_op(UnOp::Neg, v) : v;
        return true;
      }
      return false;
    case ExprKind::Tuple: {
      TupleObj* t = tuple_new(int64_t(e.elts.size()));
      for (size_t i = 0; i < e.elts.size(); i++)
        if (!folded_constant(*e.elts[i], &t->items[i])) return false;
      *out = Value::from_obj(t);
      return true;
    }
    default: return false;
  }
}
}  // namespace

InstrLoc expr_location(const Expr& e) {
  InstrLoc l;
  if (e.end.line == 0) return l;
  l.col = e.pos.col;
  l.end_line = e.end.line;
  l.end_col = e.end.col;
  if (e.kind == ExprKind::BinOp && e.left->end.line == e.pos.line && e.right->pos.line == e.pos.line) {
    l.anchor = 1;
    l.a = e.left->end.col;
    l.b = e.right->pos.col;
  } else if (e.kind == ExprKind::Subscript && e.left->end.line == e.pos.line && e.right->end.line == e.pos.line) {
    l.anchor = 2;
    l.a = e.left->end.col;
    l.b = e.right->end.col + 1;
  }
  return l;
}

// Float temporaries (the flags in interpreter/opcodes.h). An operand is a temporary when its node
// is itself arithmetic, so the instruction just emitted for it is its BINARY_OP / UNARY_OP and
// its result reaches the consumer through the value stack only.
int Compiler::temp_operand(const Expr& e) {
  size_t start = u_->code.size();
  expr(e);
  bool arith = e.kind == ExprKind::BinOp ||
               (e.kind == ExprKind::UnaryOp && (e.unary_op == UnaryOperator::USub || e.unary_op == UnaryOperator::UAdd));
  if (!arith || u_->unreachable || u_->code.size() == start) return -1;
  Op last = instr_op(u_->code.back());
  return last == Op::BINARY_OP || last == Op::UNARY_OP ? int(u_->code.size()) - 1 : -1;
}

// A left temporary waits on the stack while the right operand's code (from `start` on) runs.
// Its box may be overwritten later only if none of that code can snapshot this frame's stack
// or publish it: a call (a transaction may begin when it returns, TX_AFTER_CALL), a jump (a
// loop's back edge is a safe point) or a yield (a suspended generator's frame is committed
// STM data). An abort would otherwise restore a stack whose box had changed since.
bool Compiler::temp_can_wait(size_t start) const {
  for (size_t i = start; i < u_->code.size(); i++) {
    switch (instr_op(u_->code[i])) {
      case Op::CALL: case Op::CALL_KW: case Op::CALL_EX: case Op::JUMP:
      case Op::YIELD_VALUE: case Op::YIELD_FROM: return false;
      default: break;
    }
  }
  return true;
}

// The producer at `index` hands its result to a consumer that may overwrite it; returns the
// consumer's flag. Producer and consumer are always marked together (see op_BINARY_OP).
uint32_t Compiler::mark_temp(int index, uint32_t consumer_flag) {
  uint32_t& w = u_->code[size_t(index)];
  w = make_instr(instr_op(w), instr_arg(w) | kResultTemp);
  return consumer_flag;
}

void Compiler::expr(const Expr& e) {
  int saved_line = u_->line;
  InstrLoc saved_loc = u_->loc;
  u_->loc = expr_location(e);
  set_line(e.pos.line);
  switch (e.kind) {
    case ExprKind::Name: name_op(e.name, e.ctx); break;
    case ExprKind::Constant: constant(e); break;
    case ExprKind::BinOp: {
      uint32_t arg = uint32_t(compiler_binop(e.op));
      int left = temp_operand(*e.left);
      size_t right_start = u_->code.size();
      int right = temp_operand(*e.right);
      if (left >= 0 && temp_can_wait(right_start)) arg |= mark_temp(left, kLeftTemp);
      if (right >= 0) arg |= mark_temp(right, kRightTemp);
      set_line(e.pos.line);
      emit(Op::BINARY_OP, arg);
      break;
    }
    case ExprKind::UnaryOp: {
      UnOp op = e.unary_op == UnaryOperator::Not ? UnOp::Not
              : e.unary_op == UnaryOperator::USub ? UnOp::Neg
              : e.unary_op == UnaryOperator::UAdd ? UnOp::Pos : UnOp::Invert;
      uint32_t arg = uint32_t(op);
      if (op == UnOp::Neg || op == UnOp::Pos) {
        if (int operand = temp_operand(*e.left); operand >= 0) arg |= mark_temp(operand, kLeftTemp);
      } else {
        expr(*e.left);
      }
      emit(Op::UNARY_OP, arg);
      break;
    }
    case ExprKind::BoolOp: boolop(e); break;
    case ExprKind::Compare: compare(e); break;
    case ExprKind::Call: call(e); break;
    case ExprKind::Attribute:
      expr(*e.left);
      set_line(e.pos.line);
      emit(Op::LOAD_ATTR, uint32_t(add_name(e.name)));
      break;
    case ExprKind::Subscript:
      check_subscript(e);
      expr(*e.left);
      subscript_slice(*e.right);
      set_line(e.pos.line);
      emit(Op::BINARY_SUBSCR);
      break;
    case ExprKind::Slice: subscript_slice(e); break;
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::Set: collection(e); break;
    case ExprKind::Dict: dict_display(e); break;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: comprehension(e); break;
    case ExprKind::Lambda: lambda(e); break;
    case ExprKind::IfExp: {
      int else_l = new_label(), end = new_label();
      jump_if(*e.left, false, else_l);
      expr(*e.right);
      emit_jump(Op::JUMP, end);
      bind(else_l);
      expr(*e.third);
      bind(end);
      break;
    }
    case ExprKind::Starred: error(e.pos.line, "can't use starred expression here");
    case ExprKind::Yield:
      if (e.left) expr(*e.left);
      else load_none();
      emit(Op::YIELD_VALUE);
      break;
    case ExprKind::YieldFrom:
      expr(*e.left);
      emit(Op::GET_YIELD_FROM_ITER);
      load_none();
      emit(Op::YIELD_FROM);
      break;
    case ExprKind::JoinedStr: fstring(e); break;
    case ExprKind::FormattedValue: {
      // Only inside a JoinedStr; compile as a one-part f-string.
      expr(*e.left);
      emit(Op::FORMAT_VALUE, 0);
      break;
    }
  }
  u_->line = saved_line;
  u_->loc = saved_loc;
}

void Compiler::jump_if(const Expr& e, bool cond, int label) {
  if (e.kind == ExprKind::UnaryOp && e.unary_op == UnaryOperator::Not) {
    jump_if(*e.left, !cond, label);
    return;
  }
  if (e.kind == ExprKind::BoolOp) {
    bool is_and = e.bool_op == BoolOperator::And;
    if (is_and != cond) {
      // `a and b` jumping when false / `a or b` jumping when true: any operand decides.
      for (auto& v : e.values) jump_if(*v, cond, label);
    } else {
      int skip = new_label();
      for (size_t i = 0; i + 1 < e.values.size(); i++) jump_if(*e.values[i], !cond, skip);
      jump_if(*e.values.back(), cond, label);
      bind(skip);
    }
    return;
  }
  expr(e);
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
}

void Compiler::boolop(const Expr& e) {
  int end = new_label();
  Op op = e.bool_op == BoolOperator::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  for (size_t i = 0; i + 1 < e.values.size(); i++) {
    expr(*e.values[i]);
    emit_jump(op, end);
  }
  expr(*e.values.back());
  bind(end);
}

static void emit_cmp(Compiler* c, CmpOperator op, void (Compiler::*emitfn)(Op, uint32_t)) {
  switch (op) {
    case CmpOperator::Eq: (c->*emitfn)(Op::COMPARE_OP, uint32_t(CmpOp::Eq)); break;
    case CmpOperator::NotEq: (c->*emitfn)(Op::COMPARE_OP, uint32_t(CmpOp::Ne)); break;
    case CmpOperator::Lt: (c->*emitfn)(Op::COMPARE_OP, uint32_t(CmpOp::Lt)); break;
    case CmpOperator::LtE: (c->*emitfn)(Op::COMPARE_OP, uint32_t(CmpOp::Le)); break;
    case CmpOperator::Gt: (c->*emitfn)(Op::COMPARE_OP, uint32_t(CmpOp::Gt)); break;
    case CmpOperator::GtE: (c->*emitfn)(Op::COMPARE_OP, uint32_t(CmpOp::Ge)); break;
    case CmpOperator::Is: (c->*emitfn)(Op::IS_OP, 0); break;
    case CmpOperator::IsNot: (c->*emitfn)(Op::IS_OP, 1); break;
    case CmpOperator::In: (c->*emitfn)(Op::CONTAINS_OP, 0); break;
    case CmpOperator::NotIn: (c->*emitfn)(Op::CONTAINS_OP, 1); break;
  }
}

void Compiler::compare(const Expr& e) {
  for (size_t i = 0; i < e.cmp_ops.size(); i++)   // CPython warns about the first one only
    if (check_is_literal(i == 0 ? *e.left : *e.values[i - 1], e.cmp_ops[i], *e.values[i], e.pos.line)) break;
  expr(*e.left);
  size_t n = e.cmp_ops.size();
  if (n == 1) {
    expr(*e.values[0]);
    set_line(e.pos.line);
    emit_cmp(this, e.cmp_ops[0], &Compiler::emit);
    return;
  }
  int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i + 1 < n; i++) {
    expr(*e.values[i]);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    emit_cmp(this, e.cmp_ops[i], &Compiler::emit);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  expr(*e.values[n - 1]);
  emit_cmp(this, e.cmp_ops[n - 1], &Compiler::emit);
  emit_jump(Op::JUMP, end);
  bind(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  bind(end);
}

bool Compiler::call_args(const Expr& e) {
  for (auto& a : e.elts)
    if (a->kind == ExprKind::Starred) return false;
  for (auto& k : e.keywords)
    if (k.arg.empty()) return false;
  return true;
}

void Compiler::call_ex_args(const Expr& e) {
  emit(Op::BUILD_LIST, 0);
  for (auto& a : e.elts) {
    if (a->kind == ExprKind::Starred) {
      expr(*a->left);
      emit(Op::LIST_EXTEND, 1);
    } else {
      expr(*a);
      emit(Op::LIST_APPEND, 1);
    }
  }
  emit(Op::LIST_TO_TUPLE);
  if (e.keywords.empty()) {
    set_line(e.pos.line);
    emit(Op::CALL_EX, 0);
    return;
  }
  emit(Op::BUILD_MAP, 0);
  for (auto& k : e.keywords) {
    if (k.arg.empty()) {
      expr(*k.value);
    } else {
      load_const(str_const(k.arg));
      expr(*k.value);
      emit(Op::BUILD_MAP, 1);
    }
    emit(Op::DICT_MERGE, 1);
  }
  set_line(e.pos.line);
  emit(Op::CALL_EX, 1);
}

void Compiler::call(const Expr& e) {
  check_caller(e);
  const Expr& f = *e.left;
  Scope* s = u_->scope;
  // Zero-argument super() inside a method: super(__class__, <first parameter>).
  if (f.kind == ExprKind::Name && f.name == "super" && e.elts.empty() && e.keywords.empty() &&
      s->kind == ScopeKind::Function && s->frees.has("__class__") && !s->params.order.empty() &&
      s->kind_of("super") == NameKind::Global) {
    name_op("super", ExprContext::Load);
    emit(Op::PUSH_NULL);
    name_op("__class__", ExprContext::Load);
    name_op(s->params.order[0], ExprContext::Load);
    set_line(e.pos.line);
    emit(Op::CALL, 2);
    return;
  }
  bool simple = call_args(e);
  if (simple && f.kind == ExprKind::Attribute) {
    expr(*f.left);
    set_line(f.pos.line);
    emit(Op::LOAD_METHOD, uint32_t(add_name(f.name)));
  } else {
    expr(f);
    emit(Op::PUSH_NULL);
  }
  if (!simple) {
    call_ex_args(e);
    return;
  }
  for (auto& a : e.elts) expr(*a);
  for (auto& k : e.keywords) expr(*k.value);
  set_line(e.pos.line);
  if (e.keywords.empty()) {
    emit(Op::CALL, uint32_t(e.elts.size()));
  } else {
    TupleObj* kwnames = tuple_new(int64_t(e.keywords.size()));
    for (size_t i = 0; i < e.keywords.size(); i++) kwnames->items[i] = Value::from_obj(intern(e.keywords[i].arg));
    load_const(Value::from_obj(kwnames));
    emit(Op::CALL_KW, uint32_t(e.elts.size() + e.keywords.size()));
  }
}

// A set display of more than two constants, compiled as CPython 3.11 does: BUILD_SET 0 and
// SET_UPDATE from a frozenset constant. The constant is built twice, as CPython's compiler
// does (once from the literals in order, then again from that set's iteration order when
// constants are merged), and the update copies its table: so the new set iterates (and
// prints) in exactly CPython's order.
bool Compiler::constant_set_display(const Expr& e) {
  TupleObj* items = tuple_new(int64_t(e.elts.size()));
  for (size_t i = 0; i < e.elts.size(); i++)
    if (!folded_constant(*e.elts[i], &items->items[i])) return false;
  Value first;
  try {
    first = Value::from_obj(set_of(Value::from_obj(items), true));
  } catch (PyException&) {
    return false;   // an unhashable constant: let the runtime raise the TypeError
  }
  SetObj* merged = set_of(Value::from_obj(tuple_of(first)), true);
  emit(Op::BUILD_SET, 0);
  load_const(Value::from_obj(merged));
  emit(Op::SET_UPDATE, 1);
  return true;
}

void Compiler::collection(const Expr& e) {
  bool starred = false;
  for (auto& x : e.elts) starred |= x->kind == ExprKind::Starred;
  if (e.ctx != ExprContext::Load) error(e.pos.line, "internal compiler error: store context in load");
  Op build = e.kind == ExprKind::Set ? Op::BUILD_SET : e.kind == ExprKind::List ? Op::BUILD_LIST : Op::BUILD_TUPLE;
  if (!starred && e.kind == ExprKind::Set && e.elts.size() > 2 && constant_set_display(e)) return;
  if (!starred) {
    for (auto& x : e.elts) expr(*x);
    emit(build, uint32_t(e.elts.size()));
    return;
  }
  bool is_set = e.kind == ExprKind::Set;
  emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, 0);
  for (auto& x : e.elts) {
    if (x->kind == ExprKind::Starred) {
      expr(*x->left);
      emit(is_set ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
    } else {
      expr(*x);
      emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, 1);
    }
  }
  if (e.kind == ExprKind::Tuple) emit(Op::LIST_TO_TUPLE);
}

void Compiler::dict_display(const Expr& e) {
  bool unpack_any = false;
  for (auto& k : e.elts) unpack_any |= !k;
  if (!unpack_any) {
    for (size_t i = 0; i < e.elts.size(); i++) {
      expr(*e.elts[i]);
      expr(*e.values[i]);
    }
    emit(Op::BUILD_MAP, uint32_t(e.elts.size()));
    return;
  }
  emit(Op::BUILD_MAP, 0);
  for (size_t i = 0; i < e.elts.size(); i++) {
    if (!e.elts[i]) {
      expr(*e.values[i]);
      emit(Op::DICT_UPDATE, 1);
    } else {
      expr(*e.elts[i]);
      expr(*e.values[i]);
      emit(Op::MAP_ADD, 1);
    }
  }
}

void Compiler::fstring(const Expr& e) {
  int n = 0;
  for (auto& part : e.values) {
    if (part->kind == ExprKind::Constant) {
      constant(*part);
    } else if (part->kind == ExprKind::FormattedValue) {
      expr(*part->left);
      uint32_t conv = part->conversion == 's' ? 1 : part->conversion == 'r' ? 2 : part->conversion == 'a' ? 3 : 0;
      if (part->right) {
        fstring(*part->right);
        conv |= 4;
      }
      emit(Op::FORMAT_VALUE, conv);
    } else {
      expr(*part);
    }
    n++;
  }
  if (n == 0) load_const(make_str(""));
  else if (n > 1 || e.values[0]->kind != ExprKind::FormattedValue) {
    if (n > 1) emit(Op::BUILD_STRING, uint32_t(n));
  }
}

void Compiler::subscript_slice(const Expr& s) {
  if (s.kind != ExprKind::Slice) {
    expr(s);
    return;
  }
  if (s.left) expr(*s.left); else load_none();
  if (s.right) expr(*s.right); else load_none();
  if (s.third) {
    expr(*s.third);
    emit(Op::BUILD_SLICE, 3);
  } else {
    emit(Op::BUILD_SLICE, 2);
  }
}

void Compiler::make_function(Scope* scope, CodeObj* code, const Arguments* args) {
  uint32_t flags = 0;
  if (args && !args->defaults.empty()) {
    for (auto& d : args->defaults) expr(*d);
    emit(Op::BUILD_TUPLE, uint32_t(args->defaults.size()));
    flags |= 1;
  }
  if (args) {
    int n = 0;
    for (size_t i = 0; i < args->kwonly.size(); i++) {
      if (i < args->kw_defaults.size() && args->kw_defaults[i]) {
        load_const(str_const(args->kwonly[i].name));
        expr(*args->kw_defaults[i]);
        n++;
      }
    }
    if (n) {
      emit(Op::BUILD_MAP, uint32_t(n));
      flags |= 2;
    }
    // Annotations: a dict {parameter: annotation, "return": annotation} (flag 8).
    int na = 0;
    auto annotation = [&](const ast::Arg& p) {
      if (!p.annotation) return;
      load_const(str_const(p.name));
      expr(*p.annotation);
      na++;
    };
    for (auto& p : args->posonly) annotation(p);
    for (auto& p : args->args) annotation(p);
    if (args->vararg) annotation(*args->vararg);
    for (auto& p : args->kwonly) annotation(p);
    if (args->kwarg) annotation(*args->kwarg);
    if (args->returns) {
      load_const(str_const("return"));
      expr(*args->returns);
      na++;
    }
    if (na) {
      emit(Op::BUILD_MAP, uint32_t(na));
      flags |= 8;
    }
  }
  if (!scope->frees.order.empty()) {
    Scope* s = u_->scope;
    for (auto& n : scope->frees.order) {
      int idx = s->cells.find(n);
      if (idx < 0) {
        int f = s->frees.find(n);
        if (f < 0) error(scope->first_line, "internal compiler error: no closure cell for '" + n + "'");
        idx = int(s->cells.size()) + f;
      }
      emit(Op::LOAD_CLOSURE, uint32_t(idx));
    }
    emit(Op::BUILD_TUPLE, uint32_t(scope->frees.size()));
    flags |= 4;
  }
  load_const(Value::from_obj(code));
  emit(Op::MAKE_FUNCTION, flags);
}

void Compiler::lambda(const Expr& e) {
  CodeObj* code = function_body(nullptr, &e);
  make_function(st_->scope_of(&e), code, e.arguments.get());
}

void Compiler::comprehension(const Expr& e) {
  Scope* cs = st_->scope_of(&e);
  enter_unit(cs);
  u_->argcount = 1;
  set_line(e.pos.line);
  if (e.kind == ExprKind::ListComp) emit(Op::BUILD_LIST, 0);
  else if (e.kind == ExprKind::SetComp) emit(Op::BUILD_SET, 0);
  else if (e.kind == ExprKind::DictComp) emit(Op::BUILD_MAP, 0);
  comprehension_level(e, 0);
  if (e.kind != ExprKind::GeneratorExp) emit(Op::RETURN_VALUE);
  CodeObj* code = leave_unit();
  make_function(cs, code, nullptr);
  emit(Op::PUSH_NULL);
  expr(*e.generators[0].iter);
  emit(Op::GET_ITER);
  set_line(e.pos.line);
  emit(Op::CALL, 1);
}

void Compiler::comprehension_level(const Expr& e, size_t i) {
  const Comprehension& g = e.generators[i];
  if (i == 0) {
    emit(Op::LOAD_FAST, 0);
  } else {
    expr(*g.iter);
    emit(Op::GET_ITER);
  }
  int start = new_label(), end = new_label();
  bind(start);
  emit_jump(Op::FOR_ITER, end);
  store_target(*g.target);
  for (auto& cond : g.ifs) jump_if(*cond, false, start);
  if (i + 1 < e.generators.size()) {
    comprehension_level(e, i + 1);
  } else {
    uint32_t where = uint32_t(i + 2);
    switch (e.kind) {
      case ExprKind::ListComp: expr(*e.left); emit(Op::LIST_APPEND, where); break;
      case ExprKind::SetComp: expr(*e.left); emit(Op::SET_ADD, where); break;
      case ExprKind::DictComp:
        expr(*e.left);
        expr(*e.right);
        emit(Op::MAP_ADD, where);
        break;
      default:
        expr(*e.left);
        emit(Op::YIELD_VALUE);
        emit(Op::POP_TOP);
        break;
    }
  }
  emit_jump(Op::JUMP, start);
  bind(end);
}

void Compiler::unpack(const Expr& t) {
  size_t n = t.elts.size();
  int star = -1;
  for (size_t i = 0; i < n; i++)
    if (t.elts[i]->kind == ExprKind::Starred) {
      if (star >= 0) error(t.pos.line, "multiple starred expressions in assignment");
      star = int(i);
    }
  if (star < 0) {
    emit(Op::UNPACK_SEQUENCE, uint32_t(n));
  } else {
    size_t before = size_t(star), after = n - size_t(star) - 1;
    if (before > 255 || after > 255) error(t.pos.line, "too many expressions in star-unpacking assignment");
    emit(Op::UNPACK_EX, uint32_t(before | (after << 8)));
  }
  for (auto& x : t.elts) store_target(x->kind == ExprKind::Starred ? *x->left : *x);
}

void Compiler::store_target(const Expr& t) {
  // The store (or unpack) instruction is located at the target, as in CPython.
  InstrLoc saved = u_->loc;
  u_->loc = expr_location(t);
  store_target_here(t);
  u_->loc = saved;
}

void Compiler::store_target_here(const Expr& t) {
  switch (t.kind) {
    case ExprKind::Name: name_op(t.name, ExprContext::Store); break;
    case ExprKind::Attribute:
      expr(*t.left);
      set_line(t.pos.line);
      emit(Op::STORE_ATTR, uint32_t(add_name(t.name)));
      break;
    case ExprKind::Subscript:
      expr(*t.left);
      subscript_slice(*t.right);
      set_line(t.pos.line);
      emit(Op::STORE_SUBSCR);
      break;
    case ExprKind::Tuple:
    case ExprKind::List: unpack(t); break;
    case ExprKind::Starred: error(t.pos.line, "starred assignment target must be in a list or tuple");
    default: error(t.pos.line, "cannot assign to expression");
  }
}

}  // namespace stmjit
