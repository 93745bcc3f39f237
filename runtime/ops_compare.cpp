// ops_compare.cpp: rich comparison (compare, compare_bool, equals), hash_value, contains,
// truthy and the numeric conversions as_index / as_double, with fast paths for built-in types
// and the dunder protocol (reflected operands, identity fallback for ==/!=) for the rest.
#include <cmath>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

bool cmp_result(CmpOp op, int c) {
  switch (op) {
    case CmpOp::Lt: return c < 0;
    case CmpOp::Le: return c <= 0;
    case CmpOp::Eq: return c == 0;
    case CmpOp::Ne: return c != 0;
    case CmpOp::Gt: return c > 0;
    case CmpOp::Ge: return c >= 0;
  }
  return false;
}

bool cmp_double(CmpOp op, double x, double y) {
  switch (op) {
    case CmpOp::Lt: return x < y;
    case CmpOp::Le: return x <= y;
    case CmpOp::Eq: return x == y;
    case CmpOp::Ne: return x != y;
    case CmpOp::Gt: return x > y;
    case CmpOp::Ge: return x >= y;
  }
  return false;
}

CmpOp swapped(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return CmpOp::Gt;
    case CmpOp::Le: return CmpOp::Ge;
    case CmpOp::Gt: return CmpOp::Lt;
    case CmpOp::Ge: return CmpOp::Le;
    default: return op;
  }
}

StrObj* cmp_name(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return names.__lt__;
    case CmpOp::Le: return names.__le__;
    case CmpOp::Eq: return names.__eq__;
    case CmpOp::Ne: return names.__ne__;
    case CmpOp::Gt: return names.__gt__;
    case CmpOp::Ge: return names.__ge__;
  }
  return names.__eq__;
}

const char* cmp_symbol(CmpOp op) {
  static const char* s[] = {"<", "<=", "==", "!=", ">", ">="};
  return s[int(op)];
}

// Comparison of built-in values; empty when the types are not natively comparable.
}  // namespace

Value compare_native(CmpOp op, Value a, Value b) {
  bool ia = is_int_like(a), ib = is_int_like(b);
  if (ia && ib) return v_bool(cmp_result(op, int_compare(a, b)));
  bool fa = is_float(a), fb = is_float(b);
  if (fa && fb) return v_bool(cmp_double(op, float_of(a), float_of(b)));
  if ((ia && fb) || (fa && ib)) {
    int c = ia ? compare_int_float(a, float_of(b)) : -compare_int_float(b, float_of(a));
    if (c == 2 || c == -2) return v_bool(op == CmpOp::Ne);   // nan: unordered
    return v_bool(cmp_result(op, c));
  }
  if (!a.is_obj() || !b.is_obj()) return Value();
  Kind ka = kind_of(a), kb = kind_of(b);
  if (ka == Kind::Str && kb == Kind::Str) {
    if (op == CmpOp::Eq) return v_bool(str_eq(as_str(a), as_str(b)));
    if (op == CmpOp::Ne) return v_bool(!str_eq(as_str(a), as_str(b)));
    return v_bool(cmp_result(op, str_compare(as_str(a), as_str(b))));
  }
  if (ka == Kind::Tuple && kb == Kind::Tuple) {
    NativeRecursionGuard guard(" in comparison");
    TupleObj* x = a.as<TupleObj>();
    TupleObj* y = b.as<TupleObj>();
    return seq_compare(op, x->items, x->length, y->items, y->length);
  }
  if (ka == Kind::List && kb == Kind::List) {
    NativeRecursionGuard guard(" in comparison");
    // Snapshot: element comparisons may run code.
    const ListBody* x = stm_read(a.as<ListObj>());
    const ListBody* y = stm_read(b.as<ListObj>());
    GcVector<Value> xs(x->items, x->items + x->length), ys(y->items, y->items + y->length);
    return seq_compare(op, xs.data(), int64_t(xs.size()), ys.data(), int64_t(ys.size()));
  }
  if ((ka == Kind::Set || ka == Kind::FrozenSet) && (kb == Kind::Set || kb == Kind::FrozenSet))
    return set_compare(op, a.as<SetObj>(), b.as<SetObj>());
  if (ka == Kind::Dict && kb == Kind::Dict && (op == CmpOp::Eq || op == CmpOp::Ne)) {
    NativeRecursionGuard guard(" in comparison");
    return v_bool(dict_equal(a.as<DictObj>(), b.as<DictObj>()) == (op == CmpOp::Eq));
  }
  if (ka == Kind::Range && kb == Kind::Range && (op == CmpOp::Eq || op == CmpOp::Ne)) {
    RangeObj* x = a.as<RangeObj>();
    RangeObj* y = b.as<RangeObj>();
    bool eq = x->length == y->length &&
              (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    return v_bool(eq == (op == CmpOp::Eq));
  }
  if (ka == Kind::Iterator && kb == Kind::Iterator && (op == CmpOp::Eq || op == CmpOp::Ne) &&
      a.as_obj()->cls == b.as_obj()->cls && a.as_obj()->cls != cls_iterator) {
    // dict views: keys/items compare like sets, values only by identity
    IterObj* x = a.as<IterObj>();
    IterObj* y = b.as<IterObj>();
    if (stm_read(x)->mode == VIEW_VALUES) return Value();
    SetObj* sx = set_of(a, false);
    SetObj* sy = set_of(b, false);
    return set_compare(op, sx, sy);
    (void)y;
  }
  if (ka == Kind::Slice && kb == Kind::Slice) {
    SliceObj* x = a.as<SliceObj>();
    SliceObj* y = b.as<SliceObj>();
    Value tx[3] = {x->start, x->stop, x->step}, ty[3] = {y->start, y->stop, y->step};
    return seq_compare(op, tx, 3, ty, 3);
  }
  return Value();
}

namespace {
bool usable(Value f) { return !f.is_empty() && !is_none(f); }
}  // namespace

Value compare(CmpOp op, Value a, Value b) {
  Value r;
  // Python subclasses of built-in types go through their (possibly overridden) dunders.
  if (!is_builtin_subclass_instance(a) && !is_builtin_subclass_instance(b)) {
    r = compare_native(op, a, b);
    if (!r.is_empty()) return r;
  }
  ClassObj* ta = class_of(a);
  ClassObj* tb = class_of(b);
  CmpOp sw = swapped(op);
  Value fb;
  bool tried_b = false;
  if (ta != tb && is_subclass(tb, ta)) {
    fb = lookup_special(b, cmp_name(sw));
    tried_b = true;
    if (usable(fb)) {
      r = call1(fb, a);
      if (r != v_not_implemented()) return r;
    }
  }
  Value fa = lookup_special(a, cmp_name(op));
  if (usable(fa)) {
    r = call1(fa, b);
    if (r != v_not_implemented()) return r;
  }
  if (!tried_b) {
    fb = lookup_special(b, cmp_name(sw));
    if (usable(fb)) {
      r = call1(fb, a);
      if (r != v_not_implemented()) return r;
    }
  }
  if (op == CmpOp::Eq) return v_bool(a == b);
  if (op == CmpOp::Ne) return v_bool(a != b);
  raise(exc_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_symbol(op),
        type_name(a).c_str(), type_name(b).c_str());
}

bool compare_bool(CmpOp op, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    return cmp_result(op, x < y ? -1 : x > y);
  }
  if (is_float(a) && is_float(b)) return cmp_double(op, float_of(a), float_of(b));
  if (is_str(a) && is_str(b)) {
    if (op == CmpOp::Eq) return str_eq(as_str(a), as_str(b));
    if (op == CmpOp::Ne) return !str_eq(as_str(a), as_str(b));
    return cmp_result(op, str_compare(as_str(a), as_str(b)));
  }
  Value r = compare(op, a, b);
  if (r == v_true()) return true;
  if (r == v_false()) return false;
  return truthy(r);
}

bool equals(Value a, Value b) {
  if (a == b) return true;
  if (a.is_small_int() && b.is_small_int()) return false;
  return compare_bool(CmpOp::Eq, a, b);
}

int64_t hash_value(Value v) {
  if (v.is_small_int()) return int_hash(v);
  if (is_builtin_subclass_instance(v)) {   // a subclass may define __hash__ or set it to None
    if (is_none(lookup_in_mro(class_of(v), names.__hash__)))
      raise(exc_TypeError, "unhashable type: '%s'", type_name(v).c_str());
    if (Value f = user_dunder_override(v, names.__hash__); !f.is_empty()) return int_hash(call0(f));
  }
  return hash_builtin(v);
}

int64_t hash_builtin(Value v) {
  if (v.is_small_int()) return int_hash(v);
  switch (kind_of(v)) {
    case Kind::Int:
    case Kind::Bool: return int_hash(v);
    case Kind::Float: return float_hash(float_of(v));
    case Kind::Str: return str_hash(as_str(v));
    case Kind::Tuple: return tuple_hash(v.as<TupleObj>());
    case Kind::FrozenSet: return frozenset_hash(v.as<SetObj>());
    case Kind::None: return 0x5f3759df;
    case Kind::Range: {
      RangeObj* r = v.as<RangeObj>();
      Value items[3] = {make_int(r->length), r->length ? make_int(r->start) : v_none(),
                        r->length > 1 ? make_int(r->step) : v_none()};
      return tuple_hash(tuple_from(items, 3));
    }
    case Kind::List:
    case Kind::Dict:
    case Kind::Set:
    case Kind::Slice: raise(exc_TypeError, "unhashable type: '%s'", type_name(v).c_str());
    default: break;
  }
  Value f = lookup_special(v, names.__hash__);
  if (!usable(f)) raise(exc_TypeError, "unhashable type: '%s'", type_name(v).c_str());
  Value h = call0(f);
  if (!is_int_like(h)) raise(exc_TypeError, "__hash__ method should return an integer");
  int64_t r = int_hash(h);
  return r;
}

bool contains(Value container, Value item) {
  if (Value f = user_dunder_override(container, names.__contains__); !f.is_empty()) return truthy(call1(f, item));
  return contains_builtin(container, item);
}

bool contains_builtin(Value container, Value item) {
  switch (kind_of(container)) {
    case Kind::Str:
      if (!is_str(item))
        raise(exc_TypeError, "'in <string>' requires string as left operand, not %s", type_name(item).c_str());
      return str_contains(as_str(container), as_str(item));
    case Kind::List: {
      ListObj* l = container.as<ListObj>();
      for (int64_t i = 0; i < stm_read(l)->length; i++)
        if (equals(stm_read(l)->items[i], item)) return true;
      return false;
    }
    case Kind::Tuple: {
      TupleObj* t = container.as<TupleObj>();
      for (int64_t i = 0; i < t->length; i++)
        if (equals(t->items[i], item)) return true;
      return false;
    }
    case Kind::Dict: return !dict_get(container.as<DictObj>(), item).is_empty();
    case Kind::Set:
    case Kind::FrozenSet: return set_contains(container.as<SetObj>(), item);
    case Kind::Range: return range_contains(container.as<RangeObj>(), item);
    case Kind::Iterator: {
      IterObj* it = container.as<IterObj>();
      const IterBody* b = stm_read(it);
      if (b->mode == VIEW_KEYS) return !dict_get(b->source.as<DictObj>(), item).is_empty();
      if (b->mode == VIEW_ITEMS) {
        if (!is_kind(item, Kind::Tuple) || item.as<TupleObj>()->length != 2) return false;
        Value v = dict_get(b->source.as<DictObj>(), item.as<TupleObj>()->items[0]);
        return !v.is_empty() && equals(v, item.as<TupleObj>()->items[1]);
      }
      break;
    }
    default: break;
  }
  Value f = lookup_special(container, names.__contains__);
  if (usable(f)) return truthy(call1(f, item));
  if (lookup_special(container, names.__iter__).is_empty() && lookup_special(container, names.__getitem__).is_empty() &&
      kind_of(container) != Kind::Iterator && kind_of(container) != Kind::Generator)
    raise(exc_TypeError, "argument of type '%s' is not iterable", type_name(container).c_str());
  bool found = false;
  for_each(container, [&](Value x) {
    found = equals(x, item);
    return !found;
  });
  return found;
}

bool truthy(Value v) {
  if (v.is_small_int()) return v.as_small_int() != 0;
  if (v == v_true()) return true;
  if (v == v_false() || v == v_none()) return false;
  switch (kind_of(v)) {
    case Kind::Int: return true;   // big ints are never zero
    case Kind::Float: return float_of(v) != 0;
    case Kind::Str: return as_str(v)->nbytes != 0;
    case Kind::Tuple: return v.as<TupleObj>()->length != 0;
    case Kind::List: return stm_read(v.as<ListObj>())->length != 0;
    case Kind::Dict: return dict_len(v.as<DictObj>()) != 0;
    case Kind::Set:
    case Kind::FrozenSet: return set_len(v.as<SetObj>()) != 0;
    case Kind::Range: return v.as<RangeObj>()->length != 0;
    case Kind::Instance: {
      Value f = lookup_special(v, names.__bool__);
      if (usable(f)) {
        Value r = call0(f);
        if (!is_kind(r, Kind::Bool))
          raise(exc_TypeError, "__bool__ should return bool, returned %s", type_name(r).c_str());
        return r == v_true();
      }
      f = lookup_special(v, names.__len__);
      if (usable(f)) return length(v) != 0;
      return true;
    }
    case Kind::Iterator:
      if (v.as_obj()->cls != cls_iterator) return length(v) != 0;   // dict views
      return true;
    default: return true;
  }
}

int64_t as_index(Value v) {
  int64_t i;
  if (int_fits_int64(v, &i)) return i;
  if (is_int_like(v)) raise(exc_OverflowError, "Python int too large to convert to C ssize_t");
  Value f = lookup_special(v, names.__index__);
  if (usable(f)) {
    Value r = call0(f);
    if (!is_int_like(r)) raise(exc_TypeError, "__index__ returned non-int (type %s)", type_name(r).c_str());
    return as_index(r);
  }
  raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
}

double as_double(Value v) {
  if (is_float(v)) return float_of(v);
  if (is_int_like(v)) return int_to_double(v);
  Value f = lookup_special(v, names.__float__);
  if (usable(f)) {
    Value r = call0(f);
    if (!is_float(r)) raise(exc_TypeError, "%s.__float__ returned non-float (type %s)", type_name(v).c_str(), type_name(r).c_str());
    return float_of(r);
  }
  f = lookup_special(v, names.__index__);
  if (usable(f)) return int_to_double(call0(f));
  raise(exc_TypeError, "must be real number, not %s", type_name(v).c_str());
}

}  // namespace stmjit
