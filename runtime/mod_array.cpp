// mod_array.cpp: the `array` module: array.array(typecode[, initializer]) for the typecodes
// b B h H i I l L q Q f d. Elements live in a typed buffer (a float array stores C floats, a
// 'd' array doubles) inside a mutable ArrayBuf reached through the STM barriers. Stores check
// the C range with CPython's OverflowError/TypeError messages.
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/bytes.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

struct ArrayBufBody {
  char typecode;
  int64_t itemsize;
  int64_t length;
  int64_t capacity;   // in items
  char* data;         // GC_MALLOC_ATOMIC block of capacity * itemsize bytes (no pointers)
};
struct ArrayBuf : MutObj<ArrayBufBody> {};

ClassObj* cls_array;
ClassObj* cls_buf;   // private class of ArrayBuf objects
StrObj* n_buf;

const char kTypecodes[] = "bBhHiIlLqQfd";

int64_t itemsize_of(char c) {
  switch (c) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    default: return 8;   // l L q Q d
  }
}

bool is_float_code(char c) { return c == 'f' || c == 'd'; }

ArrayBuf* buf_of(Value self) {
  if (kind_of(self) == Kind::Instance && isinstance(self, cls_array)) {
    Value b = instance_load_attr(self.as<InstanceObj>(), n_buf);
    if (!b.is_empty() && is_exact(b, cls_buf)) return b.as<ArrayBuf>();
  }
  raise(exc_TypeError, "descriptor requires a 'array.array' object but received a '%s'", type_name(self).c_str());
}

ArrayBuf* buf_new(char tc) {
  ArrayBuf* b = gc_new<ArrayBuf>(cls_buf);
  ArrayBufBody* w = stm_init_body(b);
  w->typecode = tc;
  w->itemsize = itemsize_of(tc);
  return b;
}

void reserve(ArrayBufBody* w, int64_t n) {
  if (n <= w->capacity) return;
  int64_t cap = std::max<int64_t>(n, std::max<int64_t>(8, w->capacity * 2));
  char* d = static_cast<char*>(gc_alloc_atomic(size_t(cap * w->itemsize)));
  if (w->length) memcpy(d, w->data, size_t(w->length * w->itemsize));
  w->data = d;
  w->capacity = cap;
}

// ---- element conversion ----------------------------------------------------------------------

[[noreturn]] void overflow(const char* msg) { raise(exc_OverflowError, "%s", msg); }

bool fits_int64(Value v) {
  if (is_small_like(v)) return true;
  return int_bit_length(v) <= 63 || (int_sign(v) < 0 && int_bit_length(v) == 64 &&
                                     int_compare(v, int_neg(int_binop(BinOp::LShift, make_int(1), make_int(63)))) == 0);
}

uint64_t to_uint64(Value v) {   // non-negative int below 2**64
  if (is_small_like(v)) return uint64_t(small_of(v));
  gmp_use_gc_memory();
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  uint64_t u = mpz_get_ui(z);
  mpz_clear(z);
  return u;
}

Value index_arg(Value v) {
  if (is_int_like(v)) return v;
  if (v.is_obj() && !is_float(v) && kind_of(v) == Kind::Instance) {
    Value m = lookup_special(v, names.__index__);
    if (!m.is_empty() && !is_none(m)) return call0(m);
  }
  raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
}

void range_check(int64_t x, int64_t lo, int64_t hi, const char* what) {
  if (x > hi) raise(exc_OverflowError, "%s is greater than maximum", what);
  if (x < lo) raise(exc_OverflowError, "%s is less than minimum", what);
}

// Writes v as element i of w (i < capacity), checking it as CPython's array does.
void store(ArrayBufBody* w, int64_t i, Value v) {
  char* p = w->data + i * w->itemsize;
  char tc = w->typecode;
  if (is_float_code(tc)) {
    double d;
    if (is_float(v)) d = float_of(v);
    else if (is_int_like(v)) d = int_to_double(v);
    else {
      Value m = v.is_obj() ? lookup_special(v, names.__float__) : Value();
      if (m.is_empty() || is_none(m)) raise(exc_TypeError, "must be real number, not %s", type_name(v).c_str());
      d = as_double(call0(m));
    }
    if (tc == 'f') {
      float f = float(d);
      memcpy(p, &f, 4);
    } else {
      memcpy(p, &d, 8);
    }
    return;
  }
  v = index_arg(v);
  switch (tc) {
    case 'I': case 'L': {
      if (int_sign(v) < 0) overflow("can't convert negative value to unsigned int");
      if (int_bit_length(v) > 64) overflow("Python int too large to convert to C unsigned long");
      uint64_t u = to_uint64(v);
      if (tc == 'I') {
        if (u > 0xffffffffu) overflow("unsigned int is greater than maximum");
        uint32_t x = uint32_t(u);
        memcpy(p, &x, 4);
      } else {
        memcpy(p, &u, 8);
      }
      return;
    }
    case 'Q': {
      if (int_sign(v) < 0) overflow("can't convert negative int to unsigned");
      if (int_bit_length(v) > 64) overflow("int too big to convert");
      uint64_t u = to_uint64(v);
      memcpy(p, &u, 8);
      return;
    }
    case 'q': {
      if (!fits_int64(v)) overflow("int too big to convert");
      int64_t x = as_index(v);
      memcpy(p, &x, 8);
      return;
    }
    default: break;
  }
  if (!fits_int64(v)) overflow("Python int too large to convert to C long");
  int64_t x = as_index(v);
  switch (tc) {
    case 'b': {
      range_check(x, INT16_MIN, INT16_MAX, "signed short integer");
      range_check(x, INT8_MIN, INT8_MAX, "signed char");
      int8_t y = int8_t(x);
      memcpy(p, &y, 1);
      return;
    }
    case 'B': {
      range_check(x, 0, UINT8_MAX, "unsigned byte integer");
      uint8_t y = uint8_t(x);
      memcpy(p, &y, 1);
      return;
    }
    case 'h': {
      range_check(x, INT16_MIN, INT16_MAX, "signed short integer");
      int16_t y = int16_t(x);
      memcpy(p, &y, 2);
      return;
    }
    case 'H': {
      range_check(x, INT32_MIN, INT32_MAX, "signed integer");
      range_check(x, 0, UINT16_MAX, "unsigned short");
      uint16_t y = uint16_t(x);
      memcpy(p, &y, 2);
      return;
    }
    case 'i': {
      range_check(x, INT32_MIN, INT32_MAX, "signed integer");
      int32_t y = int32_t(x);
      memcpy(p, &y, 4);
      return;
    }
    default:   // 'l'
      memcpy(p, &x, 8);
  }
}

Value load(const ArrayBufBody* b, int64_t i) {
  const char* p = b->data + i * b->itemsize;
  switch (b->typecode) {
    case 'b': { int8_t x; memcpy(&x, p, 1); return make_int(x); }
    case 'B': { uint8_t x; memcpy(&x, p, 1); return make_int(x); }
    case 'h': { int16_t x; memcpy(&x, p, 2); return make_int(x); }
    case 'H': { uint16_t x; memcpy(&x, p, 2); return make_int(x); }
    case 'i': { int32_t x; memcpy(&x, p, 4); return make_int(x); }
    case 'I': { uint32_t x; memcpy(&x, p, 4); return make_int(int64_t(x)); }
    case 'l': case 'q': { int64_t x; memcpy(&x, p, 8); return make_int(x); }
    case 'L': case 'Q': {
      uint64_t x;
      memcpy(&x, p, 8);
      if (x <= uint64_t(INT64_MAX)) return make_int(int64_t(x));
      Value hi = int_binop(BinOp::LShift, make_int(int64_t(x >> 1)), make_int(1));
      return int_binop(BinOp::Or, hi, make_int(int64_t(x & 1)));
    }
    case 'f': { float x; memcpy(&x, p, 4); return make_float(double(x)); }
    default: { double x; memcpy(&x, p, 8); return make_float(x); }
  }
}

// Appends the items of an iterable one by one (CPython keeps the items before a bad one).
void append_all(ArrayBuf* buf, Value iterable) {
  for_each(iterable, [&](Value x) {
    ArrayBufBody* w = stm_write(buf);
    reserve(w, w->length + 1);
    store(w, w->length, x);
    w->length++;
    return true;
  });
}

Value make_array(char tc, const char* data, int64_t n) {
  InstanceObj* o = instance_new(cls_array);
  ArrayBuf* buf = buf_new(tc);
  ArrayBufBody* w = stm_init_body(buf);
  reserve(w, n);
  if (n) memcpy(w->data, data, size_t(n * w->itemsize));
  w->length = n;
  instance_store_attr(o, n_buf, Value::from_obj(buf));
  return Value::from_obj(o);
}

bool is_array(Value v) { return kind_of(v) == Kind::Instance && isinstance(v, cls_array); }

// ---- methods ---------------------------------------------------------------------------------

Value a_init(Value* args, int64_t nargs, TupleObj* kw) {
  if (kw && kw->length) raise(exc_TypeError, "array.array() takes no keyword arguments");
  if (nargs - 1 < 1 || nargs - 1 > 2)
    raise(exc_TypeError, "array() takes at most 2 arguments (%lld given)", (long long)(nargs - 1));
  Value tcv = args[1];
  if (!is_str(tcv) || as_str(tcv)->length != 1)
    raise(exc_TypeError, "array() argument 1 must be a unicode character, not %s", type_name(tcv).c_str());
  char tc = sv(tcv)[0];
  if (!strchr(kTypecodes, tc) || tc == 0)
    raise(exc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  ArrayBuf* buf = buf_new(tc);
  if (nargs > 2 && !is_none(args[2])) {
    Value init = args[2];
    if (is_str(init)) raise(exc_TypeError, "cannot use a str to initialize an array with typecode '%c'", tc);
    std::string_view raw;
    if (bytes_view(init, &raw)) {   // bytes initialise the buffer directly, like frombytes()
      ArrayBufBody* w = stm_init_body(buf);
      if (int64_t(raw.size()) % w->itemsize) raise(exc_ValueError, "bytes length not a multiple of item size");
      reserve(w, int64_t(raw.size()) / w->itemsize);
      if (!raw.empty()) memcpy(w->data, raw.data(), raw.size());
      w->length = int64_t(raw.size()) / w->itemsize;
      instance_store_attr(args[0].as<InstanceObj>(), n_buf, Value::from_obj(buf));
      return v_none();
    }
    append_all(buf, init);
  }
  instance_store_attr(args[0].as<InstanceObj>(), n_buf, Value::from_obj(buf));
  return v_none();
}

Value a_len(Value* args, int64_t, TupleObj*) { return make_int(stm_read(buf_of(args[0]))->length); }

int64_t norm_index(Value key, int64_t len, const char* msg) {
  int64_t i = as_index(key);
  if (i < 0) i += len;
  if (i < 0 || i >= len) raise(exc_IndexError, "%s", msg);
  return i;
}

bool is_index_like(Value key) {
  return is_int_like(key) || (kind_of(key) == Kind::Instance && !lookup_special(key, names.__index__).is_empty());
}

Value a_getitem(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__getitem__", nargs - 1, 1, 1);
  const ArrayBufBody* b = stm_read(buf_of(args[0]));
  Value key = args[1];
  if (kind_of(key) == Kind::Slice) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), b->length, &start, &stop, &step, &count);
    std::string out;
    for (int64_t i = 0, j = start; i < count; i++, j += step)
      out.append(b->data + j * b->itemsize, size_t(b->itemsize));
    return make_array(b->typecode, out.data(), count);
  }
  if (!is_index_like(key)) raise(exc_TypeError, "array indices must be integers");
  return load(b, norm_index(key, b->length, "array index out of range"));
}

Value a_setitem(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__setitem__", nargs - 1, 2, 2);
  ArrayBuf* buf = buf_of(args[0]);
  Value key = args[1], v = args[2];
  if (kind_of(key) == Kind::Slice) {
    if (!is_array(v)) raise(exc_TypeError, "can only assign array (not \"%s\") to array slice", type_name(v).c_str());
    const ArrayBufBody* src = stm_read(buf_of(v));
    if (src->typecode != stm_read(buf)->typecode) raise(exc_TypeError, "bad argument type for built-in operation");
    std::string items(src->data, size_t(src->length * src->itemsize));   // copy: v may be the array itself
    int64_t n = src->length;
    ArrayBufBody* w = stm_write(buf);
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), w->length, &start, &stop, &step, &count);
    int64_t sz = w->itemsize;
    if (step == 1) {
      // Replace [start, start+count) with the n new items.
      std::string rest(w->data + (start + count) * sz, size_t((w->length - start - count) * sz));
      reserve(w, w->length - count + n);
      memcpy(w->data + start * sz, items.data(), size_t(n * sz));
      memcpy(w->data + (start + n) * sz, rest.data(), rest.size());
      w->length = w->length - count + n;
      return v_none();
    }
    if (n != count)
      raise(exc_ValueError, "attempt to assign array of size %lld to extended slice of size %lld", (long long)n,
            (long long)count);
    for (int64_t i = 0, j = start; i < count; i++, j += step) memcpy(w->data + j * sz, items.data() + i * sz, size_t(sz));
    return v_none();
  }
  if (!is_index_like(key)) raise(exc_TypeError, "array indices must be integers");
  int64_t i = norm_index(key, stm_read(buf)->length, "array assignment index out of range");
  store(stm_write(buf), i, v);
  return v_none();
}

Value a_delitem(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__delitem__", nargs - 1, 1, 1);
  ArrayBuf* buf = buf_of(args[0]);
  Value key = args[1];
  ArrayBufBody* w = stm_write(buf);
  int64_t sz = w->itemsize;
  if (kind_of(key) == Kind::Slice) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), w->length, &start, &stop, &step, &count);
    if (count == 0) return v_none();
    if (step < 0) {   // the same set of positions, walked forwards
      start = start + (count - 1) * step;
      step = -step;
    }
    int64_t out = start;
    for (int64_t i = start; i < w->length; i++) {
      bool drop = i <= start + (count - 1) * step && (i - start) % step == 0;
      if (drop) continue;
      memmove(w->data + out * sz, w->data + i * sz, size_t(sz));
      out++;
    }
    w->length = out;
    return v_none();
  }
  if (!is_index_like(key)) raise(exc_TypeError, "array indices must be integers");
  int64_t i = norm_index(key, w->length, "array assignment index out of range");
  memmove(w->data + i * sz, w->data + (i + 1) * sz, size_t((w->length - i - 1) * sz));
  w->length--;
  return v_none();
}

ListObj* to_list(const ArrayBufBody* b) {
  ListObj* l = list_new(b->length);
  for (int64_t i = 0; i < b->length; i++) list_append(l, load(b, i));
  return l;
}

Value a_tolist(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("tolist", nargs - 1, 0, 0);
  return Value::from_obj(to_list(stm_read(buf_of(args[0]))));
}

Value a_iter(Value* args, int64_t, TupleObj*) {
  return get_iter(Value::from_obj(to_list(stm_read(buf_of(args[0])))));
}

Value a_repr(Value* args, int64_t, TupleObj*) {
  const ArrayBufBody* b = stm_read(buf_of(args[0]));
  std::string out = std::string(class_name(class_of(args[0]))) + "('";
  out += b->typecode;
  out += "'";
  if (b->length) out += ", " + repr_std(Value::from_obj(to_list(b)));
  return make_str(out + ")");
}

Value a_append(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("append", nargs - 1, 1, 1);
  ArrayBufBody* w = stm_write(buf_of(args[0]));
  reserve(w, w->length + 1);
  store(w, w->length, args[1]);   // checks before the length grows
  w->length++;
  return v_none();
}

Value a_extend(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("extend", nargs - 1, 1, 1);
  ArrayBuf* buf = buf_of(args[0]);
  if (is_array(args[1])) {
    const ArrayBufBody* src = stm_read(buf_of(args[1]));
    if (src->typecode != stm_read(buf)->typecode) raise(exc_TypeError, "can only extend with array of same kind");
    std::string items(src->data, size_t(src->length * src->itemsize));
    ArrayBufBody* w = stm_write(buf);
    reserve(w, w->length + src->length);
    memcpy(w->data + w->length * w->itemsize, items.data(), items.size());
    w->length += int64_t(items.size()) / w->itemsize;
    return v_none();
  }
  append_all(buf, args[1]);
  return v_none();
}

Value a_insert(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("insert", nargs - 1, 2, 2);
  ArrayBufBody* w = stm_write(buf_of(args[0]));
  int64_t i = as_index(args[1]);
  if (i < 0) i = std::max<int64_t>(0, i + w->length);
  if (i > w->length) i = w->length;
  reserve(w, w->length + 1);
  int64_t sz = w->itemsize;
  // Convert into the spare slot first so a bad value leaves the array unchanged.
  store(w, w->length, args[2]);
  std::string item(w->data + w->length * sz, size_t(sz));
  memmove(w->data + (i + 1) * sz, w->data + i * sz, size_t((w->length - i) * sz));
  memcpy(w->data + i * sz, item.data(), size_t(sz));
  w->length++;
  return v_none();
}

Value a_pop(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("pop", nargs - 1, 0, 1);
  ArrayBufBody* w = stm_write(buf_of(args[0]));
  if (w->length == 0) raise(exc_IndexError, "pop from empty array");
  int64_t i = nargs > 1 ? as_index(args[1]) : -1;
  if (i < 0) i += w->length;
  if (i < 0 || i >= w->length) raise(exc_IndexError, "pop index out of range");
  Value v = load(w, i);
  int64_t sz = w->itemsize;
  memmove(w->data + i * sz, w->data + (i + 1) * sz, size_t((w->length - i - 1) * sz));
  w->length--;
  return v;
}

int64_t find(Value self, Value x) {
  ListObj* l = to_list(stm_read(buf_of(self)));
  const ListBody* lb = stm_read(l);
  for (int64_t i = 0; i < lb->length; i++)
    if (equals(lb->items[i], x)) return i;
  return -1;
}

Value a_index(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("index", nargs - 1, 1, 1);
  int64_t i = find(args[0], args[1]);
  if (i < 0) raise(exc_ValueError, "array.index(x): x not in array");
  return make_int(i);
}

Value a_remove(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("remove", nargs - 1, 1, 1);
  int64_t i = find(args[0], args[1]);
  if (i < 0) raise(exc_ValueError, "array.remove(x): x not in array");
  ArrayBufBody* w = stm_write(buf_of(args[0]));
  int64_t sz = w->itemsize;
  memmove(w->data + i * sz, w->data + (i + 1) * sz, size_t((w->length - i - 1) * sz));
  w->length--;
  return v_none();
}

Value a_count(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("count", nargs - 1, 1, 1);
  ListObj* l = to_list(stm_read(buf_of(args[0])));
  const ListBody* lb = stm_read(l);
  int64_t n = 0;
  for (int64_t i = 0; i < lb->length; i++) n += equals(lb->items[i], args[1]);
  return make_int(n);
}

Value a_contains(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__contains__", nargs - 1, 1, 1);
  return v_bool(find(args[0], args[1]) >= 0);
}

Value a_reverse(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("reverse", nargs - 1, 0, 0);
  ArrayBufBody* w = stm_write(buf_of(args[0]));
  int64_t sz = w->itemsize;
  char tmp[8];
  for (int64_t i = 0, j = w->length - 1; i < j; i++, j--) {
    memcpy(tmp, w->data + i * sz, size_t(sz));
    memcpy(w->data + i * sz, w->data + j * sz, size_t(sz));
    memcpy(w->data + j * sz, tmp, size_t(sz));
  }
  return v_none();
}

Value a_typecode(Value* args, int64_t, TupleObj*) {
  char tc = stm_read(buf_of(args[0]))->typecode;
  return make_str(std::string_view(&tc, 1));
}

Value a_itemsize(Value* args, int64_t, TupleObj*) { return make_int(stm_read(buf_of(args[0]))->itemsize); }

Value a_tobytes(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("tobytes", nargs - 1, 0, 0);
  const ArrayBufBody* b = stm_read(buf_of(args[0]));
  return bytes_new(std::string_view(b->data, size_t(b->length * b->itemsize)));
}

Value a_frombytes(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("frombytes", nargs - 1, 1, 1);
  std::string_view s;
  if (!bytes_view(args[1], &s)) raise(exc_TypeError, "a bytes-like object is required, not '%s'", type_name(args[1]).c_str());
  ArrayBufBody* w = stm_write(buf_of(args[0]));
  if (int64_t(s.size()) % w->itemsize) raise(exc_ValueError, "bytes length not a multiple of item size");
  int64_t n = int64_t(s.size()) / w->itemsize;
  reserve(w, w->length + n);
  memcpy(w->data + w->length * w->itemsize, s.data(), s.size());
  w->length += n;
  return v_none();
}

Value a_add(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__add__", nargs - 1, 1, 1);
  if (!is_array(args[1]))
    raise(exc_TypeError, "can only append array (not \"%s\") to array", type_name(args[1]).c_str());
  const ArrayBufBody* a = stm_read(buf_of(args[0]));
  const ArrayBufBody* b = stm_read(buf_of(args[1]));
  if (a->typecode != b->typecode) raise(exc_TypeError, "bad argument type for built-in operation");
  std::string out(a->data, size_t(a->length * a->itemsize));
  out.append(b->data, size_t(b->length * b->itemsize));
  return make_array(a->typecode, out.data(), a->length + b->length);
}

Value a_mul(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__mul__", nargs - 1, 1, 1);
  if (!is_int_like(args[1])) return v_not_implemented();
  const ArrayBufBody* a = stm_read(buf_of(args[0]));
  int64_t n = std::max<int64_t>(0, as_index(args[1]));
  int64_t bytes = a->length * a->itemsize;
  if (bytes == 0 || n == 0) return make_array(a->typecode, nullptr, 0);
  if (n > (int64_t(1) << 40) / bytes) raise_memory_error();   // CPython fails to allocate too
  std::string one(a->data, size_t(bytes)), out;
  out.reserve(size_t(bytes * n));
  for (int64_t i = 0; i < n; i++) out += one;
  return make_array(a->typecode, out.data(), a->length * n);
}

Value compare_arrays(Value* args, CmpOp op) {
  if (!is_array(args[1])) return v_not_implemented();
  ListObj* a = to_list(stm_read(buf_of(args[0])));
  ListObj* b = to_list(stm_read(buf_of(args[1])));
  const ListBody* la = stm_read(a);
  const ListBody* lb = stm_read(b);
  return seq_compare(op, la->items, la->length, lb->items, lb->length);
}
// Arrays are mutable, so unhashable; the message names the type as CPython does.
Value a_hash(Value* args, int64_t, TupleObj*) { raise(exc_TypeError, "unhashable type: 'array.array'"); }

Value a_eq(Value* a, int64_t, TupleObj*) { return compare_arrays(a, CmpOp::Eq); }
Value a_ne(Value* a, int64_t, TupleObj*) { return compare_arrays(a, CmpOp::Ne); }
Value a_lt(Value* a, int64_t, TupleObj*) { return compare_arrays(a, CmpOp::Lt); }
Value a_le(Value* a, int64_t, TupleObj*) { return compare_arrays(a, CmpOp::Le); }
Value a_gt(Value* a, int64_t, TupleObj*) { return compare_arrays(a, CmpOp::Gt); }
Value a_ge(Value* a, int64_t, TupleObj*) { return compare_arrays(a, CmpOp::Ge); }

}  // namespace

ModuleObj* make_array_module() {
  ModuleObj* m = module_new("array");
  n_buf = intern("_stmjit_array_buf");
  cls_buf = class_alloc_builtin(Kind::Ellipsis);   // opaque: no Python-visible fields
  class_setup_builtin(cls_buf, "_array_buffer", cls_object);
  Value base = Value::from_obj(cls_object);
  DictObj* ns = dict_new();
  // No instance __dict__ (as in CPython): only the buffer's hidden slot, kept out of vars().
  Value slot = Value::from_obj(n_buf);
  dict_set(ns, Value::from_obj(names.__slots__), Value::from_obj(tuple_from(&slot, 1)));
  cls_array = class_new(intern("array"), tuple_from(&base, 1), ns, intern("array"));
  struct { const char* name; NativeFn fn; } methods[] = {
      {"__init__", a_init}, {"__len__", a_len}, {"__getitem__", a_getitem}, {"__setitem__", a_setitem},
      {"__delitem__", a_delitem}, {"__iter__", a_iter}, {"__repr__", a_repr}, {"__contains__", a_contains},
      {"__add__", a_add}, {"__mul__", a_mul}, {"__rmul__", a_mul}, {"__eq__", a_eq}, {"__ne__", a_ne},
      {"__lt__", a_lt}, {"__le__", a_le}, {"__gt__", a_gt}, {"__ge__", a_ge}, {"__hash__", a_hash}, {"append", a_append},
      {"extend", a_extend}, {"insert", a_insert}, {"pop", a_pop}, {"index", a_index}, {"remove", a_remove},
      {"count", a_count}, {"reverse", a_reverse}, {"tolist", a_tolist}, {"tobytes", a_tobytes},
      {"frombytes", a_frombytes},
  };
  for (auto& e : methods) def_method(cls_array, e.name, e.fn);
  def_property(cls_array, "typecode", a_typecode);
  def_property(cls_array, "itemsize", a_itemsize);
  module_set(m, intern("array"), Value::from_obj(cls_array));
  module_set(m, intern("ArrayType"), Value::from_obj(cls_array));
  module_set(m, intern("typecodes"), make_str("bBuhHiIlLqQfd"));
  return m;
}

}  // namespace stmjit
