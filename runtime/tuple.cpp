// tuple.cpp: tuples: allocation, indexing and slicing, sequence + and * (shared with lists),
// lexicographic comparison of sequences, CPython's tuple hash (xxHash based, so sets of
// tuples iterate in CPython's order), and the tuple methods (count, index, __new__).
#include "runtime/types_internal.h"

namespace stmjit {

namespace {
TupleObj* the_empty_tuple;
}

TupleObj* tuple_new(int64_t n) {
  if (n == 0 && the_empty_tuple) return the_empty_tuple;
  size_t size = sizeof(TupleObj) + sizeof(Value) * size_t(n > 0 ? n - 1 : 0);
  TupleObj* t = static_cast<TupleObj*>(gc_alloc(size));
  t->cls = cls_tuple;
  t->length = n;
  if (n == 0) the_empty_tuple = t;
  return t;
}

TupleObj* empty_tuple() { return tuple_new(0); }

TupleObj* tuple_from(const Value* items, int64_t n) {
  TupleObj* t = tuple_new(n);
  for (int64_t i = 0; i < n; i++) t->items[i] = items[i];
  return t;
}

TupleObj* tuple_of(Value iterable) {
  if (is_kind(iterable, Kind::Tuple)) return iterable.as<TupleObj>();
  if (is_kind(iterable, Kind::List)) {
    const ListBody* b = stm_read(iterable.as<ListObj>());
    return tuple_from(b->items, b->length);
  }
  GcVector<Value> v = collect_values(iterable);
  return tuple_from(v.data(), int64_t(v.size()));
}

Value tuple_getitem(TupleObj* t, Value key) {
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), t->length, &start, &stop, &step, &count);
    if (step == 1 && count == t->length) return Value::from_obj(t);
    TupleObj* r = tuple_new(count);
    for (int64_t i = 0, j = start; i < count; i++, j += step) r->items[i] = t->items[j];
    return Value::from_obj(r);
  }
  return t->items[seq_index(key, t->length, "tuple")];
}

Value seq_binop(BinOp op, Value a, Value b) {
  Kind ka = kind_of(a), kb = kind_of(b);
  if (op == BinOp::Add) {
    if (ka == Kind::Tuple && kb == Kind::Tuple) {
      TupleObj* x = a.as<TupleObj>();
      TupleObj* y = b.as<TupleObj>();
      if (y->length == 0) return a;
      if (x->length == 0) return b;
      TupleObj* r = tuple_new(x->length + y->length);
      for (int64_t i = 0; i < x->length; i++) r->items[i] = x->items[i];
      for (int64_t i = 0; i < y->length; i++) r->items[x->length + i] = y->items[i];
      return Value::from_obj(r);
    }
    if (ka == Kind::List && kb == Kind::List) {
      const ListBody* x = stm_read(a.as<ListObj>());
      const ListBody* y = stm_read(b.as<ListObj>());
      ListObj* r = list_new(x->length + y->length);
      ListBody* rb = stm_init_body(r);
      for (int64_t i = 0; i < x->length; i++) rb->items[i] = x->items[i];
      for (int64_t i = 0; i < y->length; i++) rb->items[x->length + i] = y->items[i];
      rb->length = x->length + y->length;
      return Value::from_obj(r);
    }
    return Value();
  }
  if (op == BinOp::Mul) {
    Value seq = (ka == Kind::List || ka == Kind::Tuple) ? a : b;
    Value n = seq == a ? b : a;
    Kind ks = kind_of(seq);
    if (ks != Kind::List && ks != Kind::Tuple) return Value();
    if (!is_int_like(n)) {
      if (kind_of(n) == Kind::Instance) return Value();
      raise(exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(n).c_str());
    }
    int64_t k;
    if (!int_fits_int64(n, &k)) raise(exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    if (k < 0) k = 0;
    const Value* items;
    int64_t len;
    if (ks == Kind::Tuple) {
      items = seq.as<TupleObj>()->items;
      len = seq.as<TupleObj>()->length;
      if (k == 1) return seq;
    } else {
      const ListBody* lb = stm_read(seq.as<ListObj>());
      items = lb->items;
      len = lb->length;
    }
    if (len > 0 && k > (int64_t(1) << 40) / len) raise_memory_error();   // CPython: a bare MemoryError
    int64_t total = len * k;
    Value* out;
    Value result;
    if (ks == Kind::Tuple) {
      TupleObj* t = tuple_new(total);
      out = t->items;
      result = Value::from_obj(t);
    } else {
      ListObj* l = list_new(total);
      ListBody* lb = stm_init_body(l);
      lb->length = total;
      out = lb->items;
      result = Value::from_obj(l);
    }
    for (int64_t r = 0; r < k; r++)
      for (int64_t i = 0; i < len; i++) out[r * len + i] = items[i];
    return result;
  }
  return Value();
}

Value seq_compare(CmpOp op, const Value* a, int64_t na, const Value* b, int64_t nb) {
  int64_t i = 0;
  for (; i < na && i < nb; i++) {
    if (a[i] == b[i]) continue;
    if (!equals(a[i], b[i])) break;
  }
  if (i >= na || i >= nb) {
    switch (op) {
      case CmpOp::Lt: return v_bool(na < nb);
      case CmpOp::Le: return v_bool(na <= nb);
      case CmpOp::Eq: return v_bool(na == nb);
      case CmpOp::Ne: return v_bool(na != nb);
      case CmpOp::Gt: return v_bool(na > nb);
      case CmpOp::Ge: return v_bool(na >= nb);
    }
  }
  if (op == CmpOp::Eq) return v_false();
  if (op == CmpOp::Ne) return v_true();
  return compare(op, a[i], b[i]);
}

int64_t tuple_hash(TupleObj* t) {
  // CPython 3.8+ tuplehash (xxHash64 round).
  constexpr uint64_t P1 = 11400714785074694791ull, P2 = 14029467366897019727ull,
                     P5 = 2870177450012600261ull;
  uint64_t acc = P5;
  for (int64_t i = 0; i < t->length; i++) {
    uint64_t lane = uint64_t(hash_value(t->items[i]));
    acc += lane * P2;
    acc = (acc << 31) | (acc >> 33);
    acc *= P1;
  }
  acc += uint64_t(t->length) ^ (P5 ^ 3527539ull);
  if (acc == uint64_t(-1)) return 1546275796;
  return int64_t(acc);
}

namespace {

Value tuple_new_method(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("tuple", kwnames);
  check_nargs("tuple", nargs - 1, 0, 1);
  if (nargs == 1) return Value::from_obj(empty_tuple());
  return Value::from_obj(tuple_of(args[1]));
}

Value tuple_count(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("tuple.count", nargs - 1, 1, 1);
  TupleObj* t = args[0].as<TupleObj>();
  int64_t n = 0;
  for (int64_t i = 0; i < t->length; i++)
    if (equals(t->items[i], args[1])) n++;
  return make_int(n);
}

Value tuple_index(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("index", nargs - 1, 1, 3);
  TupleObj* t = args[0].as<TupleObj>();
  int64_t start = nargs > 2 ? as_index(args[2]) : 0, stop = nargs > 3 ? as_index(args[3]) : t->length;
  if (start < 0) start = start + t->length < 0 ? 0 : start + t->length;
  if (stop < 0) stop += t->length;
  if (stop > t->length) stop = t->length;
  for (int64_t i = start; i < stop; i++)
    if (equals(t->items[i], args[1])) return make_int(i);
  raise(exc_ValueError, "tuple.index(x): x not in tuple");
}

}  // namespace

void init_tuple_methods() {
  def_method(cls_tuple, "__new__", tuple_new_method);
  def_method(cls_tuple, "count", tuple_count);
  def_method(cls_tuple, "index", tuple_index);
}

}  // namespace stmjit
