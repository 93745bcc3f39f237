// slice.cpp: sequence index normalisation, slice objects (indices, repr helpers, the slice()
// constructor) and range objects (construction, length, indexing, membership).
#include <climits>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

int64_t index_of(Value key, const char* what) {
  int64_t i;
  if (int_fits_int64(key, &i)) return i;
  if (is_int_like(key)) raise(exc_IndexError, "cannot fit 'int' into an index-sized integer");
  if (kind_of(key) == Kind::Instance && !lookup_special(key, names.__index__).is_empty()) return as_index(key);
  if (std::string_view(what) == "string")
    raise(exc_TypeError, "string indices must be integers, not '%s'", type_name(key).c_str());
  raise(exc_TypeError, "%s indices must be integers or slices, not %s",
        std::string_view(what) == "range object" ? "range" : what, type_name(key).c_str());
}

int64_t seq_index(Value key, int64_t len, const char* what) {
  int64_t i = index_of(key, what);
  if (i < 0) i += len;
  if (i < 0 || i >= len) raise(exc_IndexError, "%s index out of range", what);
  return i;
}

namespace {

// A slice bound: None -> def; big ints clamp.
int64_t slice_bound(Value v, int64_t def) {
  if (v.is_empty() || is_none(v)) return def;
  if (is_small_like(v)) return small_of(v);
  if (is_int_like(v)) return int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  if (kind_of(v) == Kind::Instance && !lookup_special(v, names.__index__).is_empty()) return as_index(v);
  raise(exc_TypeError, "slice indices must be integers or None or have an __index__ method");
}

}  // namespace

void slice_indices(SliceObj* s, int64_t len, int64_t* start_out, int64_t* stop_out, int64_t* step_out,
                   int64_t* count_out) {
  int64_t step = slice_bound(s->step, 1);
  if (step == 0) raise(exc_ValueError, "slice step cannot be zero");
  int64_t start = slice_bound(s->start, step < 0 ? INT64_MAX / 2 : 0);
  int64_t stop = slice_bound(s->stop, step < 0 ? INT64_MIN / 2 : INT64_MAX / 2);
  auto adjust = [&](int64_t& x) {
    if (x < 0) {
      x += len;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= len) {
      x = step < 0 ? len - 1 : len;
    }
  };
  adjust(start);
  adjust(stop);
  int64_t count;
  if (step < 0) count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  else count = start < stop ? (stop - start - 1) / step + 1 : 0;
  *start_out = start;
  *stop_out = stop;
  *step_out = step;
  *count_out = count;
}

RangeObj* range_make(int64_t start, int64_t stop, int64_t step) {
  if (step == 0) raise(exc_ValueError, "range() arg 3 must not be zero");
  RangeObj* r = gc_new<RangeObj>(cls_range);
  r->start = start;
  r->stop = stop;
  r->step = step;
  int64_t n;
  if (step > 0) n = start < stop ? (stop - start - 1) / step + 1 : 0;
  else n = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
  r->length = n;
  return r;
}

Value range_getitem(RangeObj* r, Value key) {
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), r->length, &start, &stop, &step, &count);
    int64_t nstart = r->start + start * r->step;
    int64_t nstep = r->step * step;
    return Value::from_obj(range_make(nstart, nstart + count * nstep, nstep));
  }
  int64_t i = seq_index(key, r->length, "range object");
  return make_int(r->start + i * r->step);
}

bool range_contains(RangeObj* r, Value v) {
  if (!is_int_like(v)) {
    // Non-ints (e.g. 2.0) compare by equality with each element, as CPython does.
    for (int64_t i = 0; i < r->length; i++)
      if (equals(make_int(r->start + i * r->step), v)) return true;
    return false;
  }
  if (!is_small_like(v)) return false;
  int64_t x = small_of(v);
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
  return (x - r->start) % r->step == 0;
}

namespace {

int64_t range_arg(Value v) {
  if (is_small_like(v)) return small_of(v);
  if (is_int_like(v)) raise(exc_OverflowError, "Python int too large to convert to C ssize_t");
  if (kind_of(v) == Kind::Instance && !lookup_special(v, names.__index__).is_empty()) return as_index(v);
  raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
}

Value range_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("range", kwnames);
  int64_t n = nargs - 1;
  if (n < 1) raise(exc_TypeError, "range expected at least 1 argument, got %lld", (long long)n);
  if (n > 3) raise(exc_TypeError, "range expected at most 3 arguments, got %lld", (long long)n);
  if (n == 1) return Value::from_obj(range_make(0, range_arg(args[1]), 1));
  int64_t step = n == 3 ? range_arg(args[3]) : 1;
  return Value::from_obj(range_make(range_arg(args[1]), range_arg(args[2]), step));
}

Value range_count(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("count", nargs - 1, 1, 1);
  return make_int(range_contains(args[0].as<RangeObj>(), args[1]) ? 1 : 0);
}

Value range_index(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("index", nargs - 1, 1, 1);
  RangeObj* r = args[0].as<RangeObj>();
  if (!range_contains(r, args[1]) || !is_small_like(args[1]))
    raise(exc_ValueError, "%s is not in range", repr_std(args[1]).c_str());
  return make_int((small_of(args[1]) - r->start) / r->step);
}

Value range_attr(Value* args, int which) {
  RangeObj* r = args[0].as<RangeObj>();
  return make_int(which == 0 ? r->start : which == 1 ? r->stop : r->step);
}

Value slice_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("slice", kwnames);
  int64_t n = nargs - 1;
  if (n < 1) raise(exc_TypeError, "slice expected at least 1 argument, got %lld", (long long)n);
  if (n > 3) raise(exc_TypeError, "slice expected at most 3 arguments, got %lld", (long long)n);
  SliceObj* s = gc_new<SliceObj>(cls_slice);
  if (n == 1) {
    s->start = v_none();
    s->stop = args[1];
    s->step = v_none();
  } else {
    s->start = args[1];
    s->stop = args[2];
    s->step = n == 3 ? args[3] : v_none();
  }
  return Value::from_obj(s);
}

Value slice_indices_method(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("indices", nargs - 1, 1, 1);
  int64_t start, stop, step, count;
  slice_indices(args[0].as<SliceObj>(), as_index(args[1]), &start, &stop, &step, &count);
  Value items[3] = {make_int(start), make_int(stop), make_int(step)};
  return Value::from_obj(tuple_from(items, 3));
}

}  // namespace

void init_range_slice_methods() {
  def_method(cls_range, "__new__", range_new);
  def_method(cls_range, "count", range_count);
  def_method(cls_range, "index", range_index);
  def_property(cls_range, "start", [](Value* a, int64_t, TupleObj*) { return range_attr(a, 0); });
  def_property(cls_range, "stop", [](Value* a, int64_t, TupleObj*) { return range_attr(a, 1); });
  def_property(cls_range, "step", [](Value* a, int64_t, TupleObj*) { return range_attr(a, 2); });
  def_method(cls_slice, "__new__", slice_new);
  def_method(cls_slice, "indices", slice_indices_method);
  def_property(cls_slice, "start", [](Value* a, int64_t, TupleObj*) { return a[0].as<SliceObj>()->start; });
  def_property(cls_slice, "stop", [](Value* a, int64_t, TupleObj*) { return a[0].as<SliceObj>()->stop; });
  def_property(cls_slice, "step", [](Value* a, int64_t, TupleObj*) { return a[0].as<SliceObj>()->step; });
}

}  // namespace stmjit
