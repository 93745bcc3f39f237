// list.cpp: lists (ListObj, a MutObj: reads through stm_read, writes through list_write_body,
// list_append_body or list_tail_body; see ListBody::shared_prefix): allocation,
// growth, indexing and extended slices (get, set, delete), extend, stable sort with key and
// reverse, and the list methods.
#include <algorithm>
#include <cstring>

#include "runtime/types_internal.h"

namespace stmjit {

namespace {

Value* alloc_items(int64_t n) { return static_cast<Value*>(gc_alloc(sizeof(Value) * size_t(n > 0 ? n : 1))); }

void ensure_capacity(ListBody* b, int64_t need) {
  if (need <= b->capacity) return;
  int64_t cap = b->capacity < 4 ? 4 : b->capacity + (b->capacity >> 1);
  if (cap < need) cap = need;
  Value* items = alloc_items(cap);
  if (b->length) memcpy(items, b->items, sizeof(Value) * size_t(b->length));
  b->items = items;
  b->capacity = cap;
  b->shared_prefix = 0;   // a new array, this version's own
}

// Items of any iterable as a vector (lists are snapshotted, so l[:] = l works).
GcVector<Value> items_of(Value v) {
  if (is_kind(v, Kind::List)) {
    const ListBody* b = stm_read(v.as<ListObj>());
    return GcVector<Value>(b->items, b->items + b->length);
  }
  return collect_values(v);
}

}  // namespace

ListObj* list_new(int64_t capacity) {
  ListObj* l = gc_new<ListObj>(cls_list);
  ListBody* b = stm_init_body(l);
  b->length = 0;
  b->capacity = capacity;
  b->items = capacity > 0 ? alloc_items(capacity) : nullptr;
  b->shared_prefix = 0;
  return l;
}

ListObj* list_from(const Value* items, int64_t n) {
  ListObj* l = list_new(n);
  ListBody* b = stm_init_body(l);
  for (int64_t i = 0; i < n; i++) b->items[i] = items[i];
  b->length = n;
  return l;
}

void list_append(ListObj* l, Value v) {
  ListBody* b = list_append_body(l);
  ensure_capacity(b, b->length + 1);
  b->items[b->length++] = v;
}

void list_extend(ListObj* l, Value iterable) {
  // Exact types only: a subclass may override __iter__.
  if (is_exact(iterable, cls_tuple) || is_exact(iterable, cls_list)) {
    GcVector<Value> v = items_of(iterable);
    ListBody* b = list_append_body(l);
    ensure_capacity(b, b->length + int64_t(v.size()));
    for (Value x : v) b->items[b->length++] = x;
    return;
  }
  for_each(iterable, [&](Value x) {
    list_append(l, x);
    return true;
  });
}

ListObj* list_of(Value iterable) {
  ListObj* l = list_new();
  list_extend(l, iterable);
  return l;
}

Value list_getitem(ListObj* l, Value key) {
  const ListBody* b = stm_read(l);
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (i < 0) i += b->length;
    if (i < 0 || i >= b->length) raise(exc_IndexError, "list index out of range");
    return b->items[i];
  }
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), b->length, &start, &stop, &step, &count);
    ListObj* r = list_new(count);
    ListBody* rb = stm_init_body(r);
    for (int64_t i = 0, j = start; i < count; i++, j += step) rb->items[i] = b->items[j];
    rb->length = count;
    return Value::from_obj(r);
  }
  return b->items[seq_index(key, b->length, "list")];
}

void list_setitem(ListObj* l, Value key, Value v) {
  if (is_kind(key, Kind::Slice)) {
    GcVector<Value> src = items_of(v);
    int64_t n = int64_t(src.size());
    ListBody* b = list_write_body(l);
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), b->length, &start, &stop, &step, &count);
    if (step == 1) {
      // Replace [start, start+count) by src.
      int64_t newlen = b->length - count + n;
      ensure_capacity(b, newlen);
      memmove(b->items + start + n, b->items + start + count, sizeof(Value) * size_t(b->length - start - count));
      for (int64_t i = 0; i < n; i++) b->items[start + i] = src[size_t(i)];
      b->length = newlen;
      return;
    }
    if (n != count)
      raise(exc_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
            (long long)n, (long long)count);
    for (int64_t i = 0, j = start; i < count; i++, j += step) b->items[j] = src[size_t(i)];
    return;
  }
  int64_t len = stm_read(l)->length;
  int64_t i = index_of(key, "list");
  if (i < 0) i += len;
  if (i < 0 || i >= len) raise(exc_IndexError, "list assignment index out of range");
  list_write_body(l)->items[i] = v;
}

void list_delitem(ListObj* l, Value key) {
  ListBody* b = list_write_body(l);
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), b->length, &start, &stop, &step, &count);
    if (count == 0) return;
    if (step < 0) {   // same set of indices walked forwards
      start = start + (count - 1) * step;
      step = -step;
    }
    int64_t w = start;
    for (int64_t r = start, k = 0; r < b->length; r++) {
      if (k < count && r == start + k * step) {
        k++;
        continue;
      }
      b->items[w++] = b->items[r];
    }
    for (int64_t i = w; i < b->length; i++) b->items[i] = Value();
    b->length = w;
    return;
  }
  int64_t i = index_of(key, "list");
  if (i < 0) i += b->length;
  if (i < 0 || i >= b->length) raise(exc_IndexError, "list assignment index out of range");
  memmove(b->items + i, b->items + i + 1, sizeof(Value) * size_t(b->length - i - 1));
  b->items[--b->length] = Value();
}

void list_sort(ListObj* l, Value key, bool reverse) {
  // Sort a snapshot; write back only on success (a failing comparison leaves l unchanged).
  const ListBody* b = stm_read(l);
  int64_t n = b->length;
  GcVector<Value> vals(b->items, b->items + n);
  GcVector<Value> keys = vals;
  if (!key.is_empty() && !is_none(key))
    for (auto& k : keys) k = call1(key, k);
  GcVector<int64_t> order(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) order[size_t(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](int64_t x, int64_t y) {
    return reverse ? compare_bool(CmpOp::Lt, keys[size_t(y)], keys[size_t(x)])
                   : compare_bool(CmpOp::Lt, keys[size_t(x)], keys[size_t(y)]);
  });
  ListBody* w = list_write_body(l);
  if (w->length != n) raise(exc_ValueError, "list modified during sort");
  for (int64_t i = 0; i < n; i++) w->items[i] = vals[size_t(order[size_t(i)])];
}

namespace {

ListObj* self_list(Value* args) { return args[0].as<ListObj>(); }

Value list_new_method(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("list", kwnames);
  check_nargs("list", nargs - 1, 0, 1);
  ListObj* l = list_new();
  if (nargs == 2) list_extend(l, args[1]);
  return Value::from_obj(l);
}

Value m_append(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("list.append", nargs - 1, 1, 1);
  list_append(self_list(args), args[1]);
  return v_none();
}

Value m_extend(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("list.extend", nargs - 1, 1, 1);
  list_extend(self_list(args), args[1]);
  return v_none();
}

Value m_insert(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("insert", nargs - 1, 2, 2);
  int64_t i = as_index(args[1]);
  ListBody* b = list_write_body(self_list(args));
  if (i < 0) i = i + b->length < 0 ? 0 : i + b->length;
  if (i > b->length) i = b->length;
  ensure_capacity(b, b->length + 1);
  memmove(b->items + i + 1, b->items + i, sizeof(Value) * size_t(b->length - i));
  b->items[i] = args[2];
  b->length++;
  return v_none();
}

Value m_pop(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("pop", nargs - 1, 0, 1);
  ListObj* l = self_list(args);
  int64_t len = stm_read(l)->length;
  if (len == 0) raise(exc_IndexError, "pop from empty list");
  int64_t i = nargs > 1 ? as_index(args[1]) : len - 1;
  if (i < 0) i += len;
  if (i < 0 || i >= len) raise(exc_IndexError, "pop index out of range");
  if (i == len - 1) {   // from the end: no store, so no copy of a shared array
    ListBody* b = list_tail_body(l);
    Value v = b->items[--b->length];
    if (b->shared_prefix == 0) b->items[b->length] = Value();   // let the collector have it
    return v;
  }
  ListBody* b = list_write_body(l);
  Value v = b->items[i];
  memmove(b->items + i, b->items + i + 1, sizeof(Value) * size_t(b->length - i - 1));
  b->items[--b->length] = Value();
  return v;
}

int64_t find(ListObj* l, Value x, int64_t start, int64_t stop) {
  for (int64_t i = start;; i++) {
    const ListBody* b = stm_read(l);   // re-read: equals may run code that mutates the list
    if (i >= b->length || i >= stop) return -1;
    if (equals(b->items[i], x)) return i;
  }
}

Value m_remove(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("list.remove", nargs - 1, 1, 1);
  int64_t i = find(self_list(args), args[1], 0, INT64_MAX);
  if (i < 0) raise(exc_ValueError, "list.remove(x): x not in list");
  list_delitem(self_list(args), make_int(i));
  return v_none();
}

Value m_index(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("index", nargs - 1, 1, 3);
  int64_t len = stm_read(self_list(args))->length;
  int64_t start = nargs > 2 ? as_index(args[2]) : 0, stop = nargs > 3 ? as_index(args[3]) : len;
  if (start < 0) start = start + len < 0 ? 0 : start + len;
  if (stop < 0) stop += len;
  int64_t i = find(self_list(args), args[1], start, stop);
  if (i < 0) raise(exc_ValueError, "%s is not in list", repr_std(args[1]).c_str());
  return make_int(i);
}

Value m_count(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("list.count", nargs - 1, 1, 1);
  ListObj* l = self_list(args);
  int64_t n = 0;
  for (int64_t i = 0; i < stm_read(l)->length; i++)
    if (equals(stm_read(l)->items[i], args[1])) n++;
  return make_int(n);
}

Value m_reverse(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("list.reverse", nargs - 1, 0, 0);
  ListBody* b = list_write_body(self_list(args));
  std::reverse(b->items, b->items + b->length);
  return v_none();
}

Value m_sort(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  check_nargs_total("sort", nargs - 1 + a.nkw(), 0, 2);
  if (nargs > 1) raise(exc_TypeError, "sort() takes no positional arguments");
  a.check_kw("sort", {"key", "reverse"});
  Value rev = a.kw("reverse");
  list_sort(self_list(args), a.kw("key"), !rev.is_empty() && truthy(rev));
  return v_none();
}

Value m_copy(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("list.copy", nargs - 1, 0, 0);
  const ListBody* b = stm_read(self_list(args));
  return Value::from_obj(list_from(b->items, b->length));
}

Value m_clear(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("list.clear", nargs - 1, 0, 0);
  ListBody* b = list_write_body(self_list(args));
  b->length = 0;
  b->capacity = 0;
  b->items = nullptr;
  return v_none();
}

}  // namespace

void init_list_methods() {
  def_method(cls_list, "__new__", list_new_method);
  def_method(cls_list, "append", m_append);
  def_method(cls_list, "extend", m_extend);
  def_method(cls_list, "insert", m_insert);
  def_method(cls_list, "pop", m_pop);
  def_method(cls_list, "remove", m_remove);
  def_method(cls_list, "index", m_index);
  def_method(cls_list, "count", m_count);
  def_method(cls_list, "reverse", m_reverse);
  def_method(cls_list, "sort", m_sort);
  def_method(cls_list, "copy", m_copy);
  def_method(cls_list, "clear", m_clear);
}

}  // namespace stmjit
