// ops.cpp: arithmetic operators: binary_op, inplace_op and unary_op. Built-in operand types take
// native fast paths; everything else goes through the dunder protocol (__add__ / reflected
// __radd__ with subclass priority, NotImplemented handling) and CPython's TypeError texts.
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

struct OpInfo {
  const char* symbol;
  StrObj* Names::*method;
  StrObj* Names::*rmethod;
  StrObj* Names::*imethod;
};

const OpInfo& op_info(BinOp op) {
  static const OpInfo table[] = {
      {"+", &Names::__add__, &Names::__radd__, &Names::__iadd__},
      {"-", &Names::__sub__, &Names::__rsub__, &Names::__isub__},
      {"*", &Names::__mul__, &Names::__rmul__, &Names::__imul__},
      {"/", &Names::__truediv__, &Names::__rtruediv__, &Names::__itruediv__},
      {"//", &Names::__floordiv__, &Names::__rfloordiv__, &Names::__ifloordiv__},
      {"%", &Names::__mod__, &Names::__rmod__, &Names::__imod__},
      {"** or pow()", &Names::__pow__, &Names::__rpow__, &Names::__ipow__},
      {"<<", &Names::__lshift__, &Names::__rlshift__, &Names::__ilshift__},
      {">>", &Names::__rshift__, &Names::__rrshift__, &Names::__irshift__},
      {"&", &Names::__and__, &Names::__rand__, &Names::__iand__},
      {"|", &Names::__or__, &Names::__ror__, &Names::__ior__},
      {"^", &Names::__xor__, &Names::__rxor__, &Names::__ixor__},
      {"@", &Names::__matmul__, &Names::__rmatmul__, nullptr},
  };
  return table[int(op)];
}

bool is_number(Value v) { return is_int_like(v) || is_float(v); }

}  // namespace

Value binop_native(BinOp op, Value a, Value b) {
  // bool & | ^ bool stays a bool (bool overrides these three; everything else is int math).
  if (kind_of(a) == Kind::Bool && kind_of(b) == Kind::Bool &&
      (op == BinOp::And || op == BinOp::Or || op == BinOp::Xor)) {
    bool x = a == v_true(), y = b == v_true();
    return v_bool(op == BinOp::And ? (x && y) : op == BinOp::Or ? (x || y) : (x != y));
  }
  if (is_int_like(a) && is_int_like(b)) return int_binop(op, a, b);
  if (is_number(a) && is_number(b)) return float_binop(op, as_double(a), as_double(b));
  Kind ka = kind_of(a);
  switch (ka) {
    case Kind::Str: return str_binop(op, a, b);
    case Kind::List:
    case Kind::Tuple: return seq_binop(op, a, b);
    case Kind::Set:
    case Kind::FrozenSet: return set_binop(op, a, b);
    case Kind::Dict:
      if (op == BinOp::Or && is_kind(b, Kind::Dict)) {
        DictObj* d = dict_copy(a.as<DictObj>());
        dict_update(d, b);
        return Value::from_obj(d);
      }
      return Value();
    default: break;
  }
  if (op == BinOp::Mul && is_int_like(a)) {
    Kind kb = kind_of(b);
    if (kb == Kind::Str) return str_binop(op, a, b);
    if (kb == Kind::List || kb == Kind::Tuple) return seq_binop(op, a, b);
  }
  return Value();
}

namespace {

[[noreturn]] void binop_type_error(BinOp op, Value a, Value b, bool inplace) {
  Kind ka = kind_of(a);
  if (op == BinOp::Add && (ka == Kind::Str || ka == Kind::List || ka == Kind::Tuple))
    raise(exc_TypeError, "can only concatenate %s (not \"%s\") to %s", type_name(a).c_str(), type_name(b).c_str(),
          type_name(a).c_str());
  if (op == BinOp::Mul) {
    Kind kb = kind_of(b);
    bool sa = ka == Kind::Str || ka == Kind::List || ka == Kind::Tuple;
    bool sb = kb == Kind::Str || kb == Kind::List || kb == Kind::Tuple;
    if (sa || sb)
      raise(exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(sa ? b : a).c_str());
  }
  std::string sym = op_info(op).symbol;
  if (inplace) sym = op == BinOp::Pow ? "**=" : sym + "=";
  raise(exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym.c_str(), type_name(a).c_str(),
        type_name(b).c_str());
}

bool usable(Value f) { return !f.is_empty() && !is_none(f); }

// The dunder protocol; empty when neither side implements the operation.
Value dunder_binop(BinOp op, Value a, Value b) {
  const OpInfo& info = op_info(op);
  ClassObj* ta = class_of(a);
  ClassObj* tb = class_of(b);
  Value fa = lookup_special(a, names.*info.method);
  Value fb = ta != tb ? lookup_special(b, names.*info.rmethod) : Value();
  if (usable(fb) && is_subclass(tb, ta)) {
    Value r = call1(fb, a);
    if (r != v_not_implemented()) return r;
    fb = Value();
  }
  if (usable(fa)) {
    Value r = call1(fa, b);
    if (r != v_not_implemented()) return r;
  }
  if (usable(fb)) {
    Value r = call1(fb, a);
    if (r != v_not_implemented()) return r;
  }
  return Value();
}

}  // namespace

namespace {
Value binary_op_inplace_fallback(BinOp op, Value a, Value b) {
  Value r;
  if (!is_builtin_subclass_instance(a) && !is_builtin_subclass_instance(b)) {
    r = binop_native(op, a, b);
    if (!r.is_empty()) return r;
  }
  r = dunder_binop(op, a, b);
  if (!r.is_empty()) return r;
  binop_type_error(op, a, b, true);
}
}  // namespace

Value binary_op(BinOp op, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    if (op == BinOp::Add) return make_int(x + y);
    if (op == BinOp::Sub) return make_int(x - y);
  }
  Value r;
  // Python subclasses of built-in types go through their (possibly overridden) dunders.
  if (!is_builtin_subclass_instance(a) && !is_builtin_subclass_instance(b)) {
    r = binop_native(op, a, b);
    if (!r.is_empty()) return r;
  }
  r = dunder_binop(op, a, b);
  if (!r.is_empty()) return r;
  binop_type_error(op, a, b, false);
}

Value inplace_op(BinOp op, Value a, Value b) {
  if (op_info(op).imethod && is_builtin_subclass_instance(a)) {
    if (Value f = user_dunder_override(a, names.*op_info(op).imethod); !f.is_empty()) {
      Value r = call1(f, b);
      if (r != v_not_implemented()) return r;
    }
  }
  Kind ka = kind_of(a);
  if (ka == Kind::List) {
    if (op == BinOp::Add) {
      list_extend(a.as<ListObj>(), b);
      return a;
    }
    if (op == BinOp::Mul && is_int_like(b)) {
      Value r = seq_binop(op, a, b);
      // The whole body is replaced by the fresh r's (its own array): no copy needed first.
      ListBody* body = list_append_body(a.as<ListObj>());
      *body = *stm_read(r.as<ListObj>());
      return a;
    }
  }
  if (ka == Kind::Set && is_kind(b, Kind::Set)) {
    Value r = set_binop(op, a, b);
    if (!r.is_empty()) {
      *set_write_body(a.as<SetObj>()) = *stm_read(r.as<SetObj>());
      return a;
    }
  }
  if (ka == Kind::Dict && op == BinOp::Or) {
    dict_update(a.as<DictObj>(), b);
    return a;
  }
  if (ka == Kind::Instance && op_info(op).imethod) {
    Value f = lookup_special(a, names.*op_info(op).imethod);
    if (usable(f)) {
      Value r = call1(f, b);
      if (r != v_not_implemented()) return r;
    }
  }
  return binary_op_inplace_fallback(op, a, b);
}

Value unary_op(UnOp op, Value a) {
  if (op == UnOp::Not) return v_bool(!truthy(a));
  if (is_int_like(a)) {
    if (op == UnOp::Neg) return int_neg(a);
    if (op == UnOp::Pos) {
      if (a.is_small_int() || is_exact(a, cls_int)) return a;
      if (kind_of(a) == Kind::Int) return make_int_from_mpz(a.as<IntObj>()->value);   // int subclass -> int
      return make_int(small_of(a));
    }
    return int_invert(a);
  }
  if (is_float(a) && op != UnOp::Invert) return op == UnOp::Neg ? make_float(-float_of(a)) : a;
  StrObj* name = op == UnOp::Neg ? names.__neg__ : op == UnOp::Pos ? names.__pos__ : names.__invert__;
  Value f = lookup_special(a, name);
  if (usable(f)) return call0(f);
  raise(exc_TypeError, "bad operand type for unary %s: '%s'", op == UnOp::Neg ? "-" : op == UnOp::Pos ? "+" : "~",
        type_name(a).c_str());
}

}  // namespace stmjit
