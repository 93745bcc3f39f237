// builtins_seq.cpp: builtins over iterables: min, max, sum, sorted, reversed, enumerate, zip,
// map, filter, any, all.
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

Value minmax(Value* args, int64_t nargs, TupleObj* kwnames, bool is_max) {
  const char* fname = is_max ? "max" : "min";
  Args a{args, nargs, kwnames};
  a.check_kw(fname, {"key", "default"});
  Value key = a.kw("key"), def = a.kw("default");
  if (nargs == 0) raise(exc_TypeError, "%s expected at least 1 argument, got 0", fname);
  if (nargs > 1 && !def.is_empty())
    raise(exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments", fname);
  if (!key.is_empty() && is_none(key)) key = Value();
  Value best, best_key;
  CmpOp op = is_max ? CmpOp::Gt : CmpOp::Lt;
  auto consider = [&](Value x) {
    Value k = key.is_empty() ? x : call1(key, x);
    if (best.is_empty() || compare_bool(op, k, best_key)) {
      best = x;
      best_key = k;
    }
    return true;
  };
  if (nargs == 1) for_each(args[0], consider);
  else
    for (int64_t i = 0; i < nargs; i++) consider(args[i]);
  if (best.is_empty()) {
    if (!def.is_empty()) return def;
    raise(exc_ValueError, "%s() arg is an empty sequence", fname);
  }
  return best;
}

Value b_max(Value* a, int64_t n, TupleObj* k) { return minmax(a, n, k, true); }
Value b_min(Value* a, int64_t n, TupleObj* k) { return minmax(a, n, k, false); }

Value b_sum(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("sum", {"start"});
  if (nargs < 1) raise(exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
  check_nargs("sum", nargs, 1, 2);
  Value acc = nargs > 1 ? args[1] : a.kw("start");
  if (acc.is_empty()) acc = make_int(0);
  if (is_str(acc)) raise(exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  for_each(args[0], [&](Value x) {
    acc = binary_op(BinOp::Add, acc, x);
    return true;
  });
  return acc;
}

Value b_sorted(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("sorted", {"key", "reverse"});
  if (nargs != 1) raise(exc_TypeError, "sorted expected 1 argument, got %lld", (long long)nargs);
  ListObj* l = list_of(args[0]);
  Value rev = a.kw("reverse");
  list_sort(l, a.kw("key"), !rev.is_empty() && truthy(rev));
  return Value::from_obj(l);
}

Value b_reversed(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("reversed", kwnames);
  check_nargs("reversed", nargs, 1, 1);
  Value s = args[0];
  switch (kind_of(s)) {
    case Kind::List:
      return Value::from_obj(iter_make(cls_iterator, s, stm_read(s.as<ListObj>())->length - 1, IT_REVERSED));
    case Kind::Tuple: return Value::from_obj(iter_make(cls_iterator, s, s.as<TupleObj>()->length - 1, IT_REVERSED));
    case Kind::Str: return Value::from_obj(iter_make(cls_iterator, s, as_str(s)->length - 1, IT_REVERSED));
    case Kind::Range: {
      RangeObj* r = s.as<RangeObj>();
      int64_t last = r->start + (r->length - 1) * r->step;
      RangeObj* rr = range_make(last, last - r->length * r->step, -r->step);
      return Value::from_obj(iter_make(cls_iterator, Value::from_obj(rr), 0, IT_RANGE));
    }
    case Kind::Dict: {
      ListObj* keys = list_of(s);
      return Value::from_obj(iter_make(cls_iterator, Value::from_obj(keys), stm_read(keys)->length - 1, IT_REVERSED));
    }
    default: break;
  }
  Value f = lookup_special(s, names.__reversed__);
  if (!f.is_empty() && !is_none(f)) return call0(f);
  if (!lookup_special(s, names.__len__).is_empty() && !lookup_special(s, names.__getitem__).is_empty())
    return Value::from_obj(iter_make(cls_iterator, s, length(s) - 1, IT_REVERSED));
  raise(exc_TypeError, "'%s' object is not reversible", type_name(s).c_str());
}

Value b_enumerate(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("enumerate", {"iterable", "start"});
  Value it = nargs > 0 ? args[0] : a.kw("iterable");
  Value start = nargs > 1 ? args[1] : a.kw("start");
  if (it.is_empty()) raise(exc_TypeError, "enumerate() missing required argument 'iterable' (pos 1)");
  return Value::from_obj(iter_make(cls_iterator, get_iter(it), start.is_empty() ? 0 : as_index(start), IT_ENUMERATE));
}

Value b_zip(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("zip", {"strict"});
  TupleObj* its = tuple_new(nargs);
  for (int64_t i = 0; i < nargs; i++) its->items[i] = get_iter(args[i]);
  Value strict = a.kw("strict");
  // The iterator's index field is unused by zip: 1 marks strict=True.
  return Value::from_obj(iter_make(cls_iterator, Value::from_obj(its), !strict.is_empty() && truthy(strict), IT_ZIP));
}

Value b_map(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("map", kwnames);
  if (nargs < 2) raise(exc_TypeError, "map() must have at least two arguments.");
  TupleObj* src = tuple_new(nargs);
  src->items[0] = args[0];
  for (int64_t i = 1; i < nargs; i++) src->items[i] = get_iter(args[i]);
  return Value::from_obj(iter_make(cls_iterator, Value::from_obj(src), 0, IT_MAP));
}

Value b_filter(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("filter", kwnames);
  check_nargs("filter", nargs, 2, 2);
  Value items[2] = {args[0], get_iter(args[1])};
  return Value::from_obj(iter_make(cls_iterator, Value::from_obj(tuple_from(items, 2)), 0, IT_FILTER));
}

Value b_any(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("any", nargs, 1, 1);
  bool r = false;
  for_each(args[0], [&](Value x) {
    r = truthy(x);
    return !r;
  });
  return v_bool(r);
}

Value b_all(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("all", nargs, 1, 1);
  bool r = true;
  for_each(args[0], [&](Value x) {
    r = truthy(x);
    return r;
  });
  return v_bool(r);
}

}  // namespace

void init_builtins_seq_functions() {
  struct { const char* name; NativeFn fn; } table[] = {
      {"max", b_max}, {"min", b_min}, {"sum", b_sum}, {"sorted", b_sorted}, {"reversed", b_reversed},
      {"enumerate", b_enumerate}, {"zip", b_zip}, {"map", b_map}, {"filter", b_filter}, {"any", b_any},
      {"all", b_all},
  };
  ModuleObj* b = builtins_module();
  for (auto& e : table) {
    BuiltinFunctionObj* f = make_builtin(e.name, e.fn);
    std::string_view n(e.name);
    f->no_kwargs = n == "map" || n == "filter" || n == "any" || n == "all" || n == "reversed";
    module_set(b, intern(e.name), Value::from_obj(f));
  }
}

}  // namespace stmjit
