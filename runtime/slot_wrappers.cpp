// slot_wrappers.cpp: the dunder methods of the built-in types (int.__add__, dict.__getitem__,
// list.__len__, ...), as CPython exposes them. Each calls the built-in behaviour directly, so
// `super().__setitem__(k, v)` in a dict subclass, `int.__add__(a, b)` or `list.__len__(x)` work,
// and binary operators on subclass instances find them through the normal dunder protocol.
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

Value or_not_implemented(Value r) { return r.is_empty() ? v_not_implemented() : r; }

// The plain int of an int-like value (bool, int subclass instance).
Value make_int_from_value(Value v) {
  if (v.is_small_int()) return v;
  if (kind_of(v) == Kind::Bool) return make_int(small_of(v));
  return make_int_from_mpz(v.as<IntObj>()->value);
}

template <BinOp op, bool reflected>
Value w_binop(Value* a, int64_t n, TupleObj* kw) {
  check_no_kwargs("operator", kw);
  check_nargs("expected 1 argument", n - 1, 1, 1);
  return or_not_implemented(reflected ? binop_native(op, a[1], a[0]) : binop_native(op, a[0], a[1]));
}

template <CmpOp op>
Value w_compare(Value* a, int64_t n, TupleObj* kw) {
  check_no_kwargs("comparison", kw);
  check_nargs("expected 1 argument", n - 1, 1, 1);
  return or_not_implemented(compare_native(op, a[0], a[1]));
}

template <UnOp op>
Value w_unary(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  Value v = a[0];
  // The operation on the plain built-in value (a subclass instance answers with the base type).
  if (is_int_like(v)) {
    if (op == UnOp::Neg) return int_neg(v);
    if (op == UnOp::Invert) return int_invert(v);
    return make_int_from_value(v);
  }
  if (op == UnOp::Neg) return make_float(-float_of(v));
  return make_float(float_of(v));
}

Value w_abs(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  if (is_float(a[0])) return make_float(float_of(a[0]) < 0 ? -float_of(a[0]) : float_of(a[0]) + 0.0);
  return int_sign(a[0]) < 0 ? int_neg(a[0]) : make_int_from_value(a[0]);
}
Value w_bool(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  if (is_float(a[0])) return v_bool(float_of(a[0]) != 0.0);
  return v_bool(int_sign(a[0]) != 0);
}
Value w_int(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  if (is_float(a[0])) return int_from_double(float_of(a[0]));
  return make_int_from_value(a[0]);
}
Value w_float(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  return make_float(as_double(a[0]));
}
Value w_len(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  return make_int(length_builtin(a[0]));
}
Value w_iter(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  return get_iter_builtin(a[0]);
}
Value w_contains(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 1 argument", n - 1, 1, 1);
  return v_bool(contains_builtin(a[0], a[1]));
}
Value w_getitem(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 1 argument", n - 1, 1, 1);
  return getitem_builtin(a[0], a[1]);
}
Value w_setitem(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 2 arguments", n - 1, 2, 2);
  setitem_builtin(a[0], a[1], a[2]);
  return v_none();
}
Value w_delitem(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 1 argument", n - 1, 1, 1);
  delitem_builtin(a[0], a[1]);
  return v_none();
}
Value w_hash(Value* a, int64_t n, TupleObj*) {
  check_nargs("expected 0 arguments", n - 1, 0, 0);
  return make_int(hash_builtin(a[0]));
}

struct Slot { const char* name; NativeFn fn; };

#define BIN(name, op) {"__" name "__", w_binop<BinOp::op, false>}, {"__r" name "__", w_binop<BinOp::op, true>}
const Slot kCompare[] = {
    {"__lt__", w_compare<CmpOp::Lt>}, {"__le__", w_compare<CmpOp::Le>}, {"__eq__", w_compare<CmpOp::Eq>},
    {"__ne__", w_compare<CmpOp::Ne>}, {"__gt__", w_compare<CmpOp::Gt>}, {"__ge__", w_compare<CmpOp::Ge>},
};
const Slot kArithmetic[] = {BIN("add", Add), BIN("sub", Sub), BIN("mul", Mul), BIN("truediv", TrueDiv),
                            BIN("floordiv", FloorDiv), BIN("mod", Mod), BIN("pow", Pow)};
const Slot kIntOnly[] = {BIN("lshift", LShift), BIN("rshift", RShift), BIN("and", And), BIN("or", Or),
                         BIN("xor", Xor), {"__invert__", w_unary<UnOp::Invert>}, {"__index__", w_int}};
const Slot kNumberUnary[] = {{"__neg__", w_unary<UnOp::Neg>}, {"__pos__", w_unary<UnOp::Pos>}, {"__abs__", w_abs},
                             {"__bool__", w_bool}, {"__int__", w_int}, {"__float__", w_float}, {"__hash__", w_hash}};
const Slot kSequence[] = {{"__len__", w_len}, {"__iter__", w_iter}, {"__contains__", w_contains}};
const Slot kConcat[] = {{"__add__", w_binop<BinOp::Add, false>}, {"__mul__", w_binop<BinOp::Mul, false>},
                        {"__rmul__", w_binop<BinOp::Mul, true>}};
const Slot kSetOps[] = {BIN("or", Or), BIN("and", And), BIN("xor", Xor), BIN("sub", Sub)};
#undef BIN

template <size_t N>
void define(ClassObj* cls, const Slot (&slots)[N]) {
  for (const Slot& s : slots) def_method(cls, s.name, s.fn);
}

}  // namespace

void init_slot_wrappers() {
  for (ClassObj* c : {cls_int, cls_float, cls_str, cls_tuple, cls_list, cls_dict, cls_set, cls_frozenset})
    define(c, kCompare);
  for (ClassObj* c : {cls_int, cls_float}) {
    define(c, kArithmetic);
    define(c, kNumberUnary);
  }
  define(cls_int, kIntOnly);
  for (ClassObj* c : {cls_str, cls_tuple, cls_list, cls_dict, cls_set, cls_frozenset}) define(c, kSequence);
  for (ClassObj* c : {cls_str, cls_tuple, cls_list}) define(c, kConcat);
  for (ClassObj* c : {cls_str, cls_tuple, cls_list, cls_dict}) def_method(c, "__getitem__", w_getitem);
  for (ClassObj* c : {cls_list, cls_dict}) {
    def_method(c, "__setitem__", w_setitem);
    def_method(c, "__delitem__", w_delitem);
  }
  for (ClassObj* c : {cls_str, cls_tuple, cls_frozenset}) def_method(c, "__hash__", w_hash);
  def_method(cls_str, "__mod__", w_binop<BinOp::Mod, false>);
  def_method(cls_str, "__rmod__", w_binop<BinOp::Mod, true>);
  def_method(cls_dict, "__or__", w_binop<BinOp::Or, false>);
  def_method(cls_dict, "__ror__", w_binop<BinOp::Or, true>);
  for (ClassObj* c : {cls_set, cls_frozenset}) define(c, kSetOps);
  // Mutable containers are unhashable, as in CPython (`__hash__ = None`).
  for (ClassObj* c : {cls_list, cls_dict, cls_set}) class_set_attr(c, names.__hash__, v_none());
}

}  // namespace stmjit
