// types_internal.h: helpers shared by the built-in types' implementation files (int, float,
// str, containers, operators, formatting, builtins). Not part of the public runtime API.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "runtime/api.h"

namespace stmjit {

// ---- kinds -----------------------------------------------------------------------------------
inline bool is_kind(Value v, Kind k) { return v.is_obj() && v.as_obj()->cls->kind == k; }
// int, bool or a big int (bool behaves as 0/1 in arithmetic).
inline bool is_int_like(Value v) {
  if (v.is_small_int()) return true;
  if (!v.is_obj()) return false;
  Kind k = v.as_obj()->cls->kind;
  return k == Kind::Int || k == Kind::Bool;
}
inline bool is_float(Value v) { return v.is_imm_float() || is_kind(v, Kind::Float); }
inline bool is_str(Value v) { return is_kind(v, Kind::Str); }
inline StrObj* as_str(Value v) { return v.as<StrObj>(); }
inline std::string_view sv(Value v) { return str_view(v.as<StrObj>()); }

// ---- native-call arguments -------------------------------------------------------------------
struct Args {
  Value* args;
  int64_t nargs;
  TupleObj* kwnames;
  int64_t nkw() const { return kwnames ? kwnames->length : 0; }
  // Keyword argument by name, or empty.
  Value kw(std::string_view name) const;
  // TypeError "'x' is an invalid keyword argument for f()" for names not in `allowed`.
  void check_kw(const char* fname, std::initializer_list<const char*> allowed) const;
};

// ---- ints (int.cpp) --------------------------------------------------------------------------
void gmp_use_gc_memory();
// Initialises `out` (mpz_init'ed by the caller) with the value of an int-like.
void int_to_mpz(Value v, mpz_t out);
inline int64_t small_of(Value v) {   // int-like that is small (incl. bool)
  return v.is_small_int() ? v.as_small_int() : int64_t(v.as<BoolObj>()->value);
}
inline bool is_small_like(Value v) { return v.is_small_int() || is_kind(v, Kind::Bool); }
// An int-like value that fits in int64 (CPython's Py_ssize_t): stores it and returns true.
inline bool int_fits_int64(Value v, int64_t* out) {
  if (is_small_like(v)) {
    *out = small_of(v);
    return true;
  }
  if (!is_kind(v, Kind::Int) || !mpz_fits_slong_p(v.as<IntObj>()->value)) return false;
  *out = mpz_get_si(v.as<IntObj>()->value);
  return true;
}
Value int_binop(BinOp op, Value a, Value b);   // both int-like; empty = not supported
Value int_neg(Value a);
Value int_invert(Value a);
int int_compare(Value a, Value b);             // -1, 0, 1
int int_sign(Value a);
int64_t int_hash(Value a);
std::string int_to_string(Value a, int base = 10);   // base 2/8/10/16, no prefix
Value int_from_string(std::string_view s, int base, Value orig);   // ValueError on bad input
double int_to_double(Value a);                 // OverflowError if too large
Value int_from_double(double d);               // truncates; OverflowError / ValueError
Value int_pow_mod(Value b, Value e, Value m);
int compare_int_float(Value i, double d);      // -1/0/1, or 2 if d is nan (unordered)
int64_t int_bit_length(Value a);

// ---- floats (float.cpp) ----------------------------------------------------------------------
std::string float_repr(double d);
Value float_binop(BinOp op, double a, double b);   // empty when not supported
int64_t float_hash(double d);
double parse_float(std::string_view s, Value orig);   // ValueError on bad input
double round_half_even_digits(double x, int64_t ndigits);

// ---- strings (str.cpp) -----------------------------------------------------------------------
StrObj* str_from_cp(uint32_t cp);
int64_t str_hash(StrObj* s);
std::string encode_utf8(uint32_t cp);
uint32_t decode_utf8(const char*& p);          // advances p past one code point
int64_t str_byte_offset(StrObj* s, int64_t cp_index);   // cp_index in [0, length]
std::string str_repr_std(std::string_view s);
Value str_getitem(StrObj* s, Value key);
int str_compare(StrObj* a, StrObj* b);
bool str_eq(StrObj* a, StrObj* b);
Value str_binop(BinOp op, Value a, Value b);   // empty when not supported
bool str_contains(StrObj* hay, StrObj* needle);
void init_str_methods();

// ---- sequences -------------------------------------------------------------------------------
// Normalises a[i] for a sequence named `what` ("list", "tuple", "string", "range object"):
// IndexError "<what> index out of range", TypeError for non-integers.
int64_t seq_index(Value key, int64_t len, const char* what);
int64_t index_of(Value key, const char* what);   // key as an int64 (TypeError as above)
// slice -> (start, step, count) for a sequence of length len (CPython's PySlice_AdjustIndices).
void slice_indices(SliceObj* s, int64_t len, int64_t* start, int64_t* stop, int64_t* step, int64_t* count);
TupleObj* empty_tuple();
Value tuple_getitem(TupleObj* t, Value key);
Value list_getitem(ListObj* l, Value key);
void list_setitem(ListObj* l, Value key, Value v);
void list_delitem(ListObj* l, Value key);
Value seq_binop(BinOp op, Value a, Value b);   // list/tuple + and *; empty when not supported
void list_extend(ListObj* l, Value iterable);
ListObj* list_of(Value iterable);              // list(iterable)
TupleObj* tuple_of(Value iterable);            // tuple(iterable)
void list_sort(ListObj* l, Value key, bool reverse);
// Element-wise comparison of sequences (lists and tuples).
Value seq_compare(CmpOp op, const Value* a, int64_t na, const Value* b, int64_t nb);
int64_t tuple_hash(TupleObj* t);
Value range_getitem(RangeObj* r, Value key);
bool range_contains(RangeObj* r, Value v);
RangeObj* range_make(int64_t start, int64_t stop, int64_t step);
void init_list_methods();
void init_tuple_methods();
void init_range_slice_methods();

// ---- dicts and sets (dict.cpp, set.cpp) ------------------------------------------------------
// Iteration: pos starts at 0; returns false at the end.
bool dict_next(DictObj* d, int64_t* pos, Value* key, Value* value);
bool set_next(SetObj* s, int64_t* pos, Value* key);
int64_t dict_len(DictObj* d);
int64_t set_len(SetObj* s);
bool set_contains(SetObj* s, Value key);
bool set_version_contains(const DictBody* b, Value key);   // in one version (tests)
bool set_discard(SetObj* s, Value key);
void dict_update(DictObj* d, Value other);      // mapping or iterable of pairs
DictObj* dict_copy(DictObj* d);
SetObj* set_of(Value iterable, bool frozen);
void set_update(SetObj* s, Value iterable);     // set.update: merges another set's table as CPython does
SetObj* set_copy(SetObj* s, bool frozen);
Value set_binop(BinOp op, Value a, Value b);    // | & - ^ ; empty when not supported
Value set_compare(CmpOp op, SetObj* a, SetObj* b);
int64_t frozenset_hash(SetObj* s);
bool dict_equal(DictObj* a, DictObj* b);
extern ClassObj* cls_dict_keys;
extern ClassObj* cls_dict_values;
extern ClassObj* cls_dict_items;
void init_dict_methods();
void init_set_methods();

// ---- iteration (iter.cpp) --------------------------------------------------------------------
// IterObj modes (IterBody::mode).
enum IterMode : int32_t {
  IT_LIST, IT_TUPLE, IT_STR, IT_RANGE, IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS, IT_SET,
  IT_SEQ,          // __getitem__ protocol
  IT_REVERSED,     // list/tuple/str/sequence backwards: index counts down
  IT_ENUMERATE,    // source = iterator, index = counter
  IT_ZIP,          // source = tuple of iterators
  IT_MAP,          // source = tuple (func, iterators...)
  IT_FILTER,       // source = tuple (func, iterator)
  IT_CALLABLE,     // iter(callable, sentinel): source = tuple (func, sentinel)
  VIEW_KEYS, VIEW_VALUES, VIEW_ITEMS,   // dict views (iterable, not iterators)
};
IterObj* iter_make(ClassObj* cls, Value source, int64_t index, int32_t mode);
// Calls f(item) for every item of an iterable (fast paths for list/tuple); f returns false to stop.
template <class F>
void for_each(Value iterable, F&& f) {
  if (is_exact(iterable, cls_tuple)) {   // exact: a subclass may override __iter__
    TupleObj* t = iterable.as<TupleObj>();
    for (int64_t i = 0; i < t->length; i++)
      if (!f(t->items[i])) return;
    return;
  }
  Value it = get_iter(iterable);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_empty()) return;
    if (!f(x)) return;
  }
}
GcVector<Value> collect_values(Value iterable);

bool char_is_printable(uint32_t c);

// Bounds recursion that happens only in C++ (comparing deeply nested containers) by the
// recursion limit, as CPython does, instead of by the C++ stack.
class NativeRecursionGuard {
 public:
  explicit NativeRecursionGuard(const char* where) {
    if (++depth() > get_recursion_limit()) {
      --depth();
      raise(exc_RecursionError, "maximum recursion depth exceeded%s", where);
    }
  }
  ~NativeRecursionGuard() { --depth(); }
  NativeRecursionGuard(const NativeRecursionGuard&) = delete;
  NativeRecursionGuard& operator=(const NativeRecursionGuard&) = delete;

 private:
  static int64_t& depth() {
    static thread_local int64_t d = 0;
    return d;
  }
};
// The OSError subclass CPython uses for an errno value (FileNotFoundError for ENOENT, ...).
ClassObj* oserror_subclass(int err);   // str.isprintable of one code point

// ---- repr and formatting ---------------------------------------------------------------------
std::string repr_std(Value v);
std::string str_std(Value v);
std::string format_spec(Value v, std::string_view spec);   // format(v, spec)
StrObj* percent_format(StrObj* fmt, Value args);
std::string str_format(std::string_view fmt, Value* args, int64_t nargs, TupleObj* kwnames);

// ---- initialisation steps (types_init.cpp calls them) -----------------------------------------
void init_int_float_methods();
void init_builtins_functions();
void init_builtins_seq_functions();
void init_iter_methods();
void init_repr_methods();
void init_std_streams();
Value sys_stdout_object();
Value sys_stderr_object();
Value sys_stdin_object();
ModuleObj* make_math_module();
ModuleObj* make_time_module();
ModuleObj* make_sys_module();
ModuleObj* make_random_core_module();   // _random (mod_random.cpp)
ModuleObj* make_struct_module();        // struct (mod_struct.cpp)
ModuleObj* make_array_module();         // array (mod_array.cpp)
ModuleObj* make_os_module();            // os and os.path (mod_os.cpp)

}  // namespace stmjit
