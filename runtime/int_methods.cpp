// int_methods.cpp: constructors and methods of int, bool and float: int(x, base), float(x),
// bool(x), bit_length, conjugate, is_integer, as_integer_ratio, __round__/__format__ hooks
// used by round() and format(), and real/imag properties.
#include <cmath>

#include "runtime/format_spec.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

Value Args::kw(std::string_view name) const {
  for (int64_t i = 0; kwnames && i < kwnames->length; i++)
    if (sv(kwnames->items[i]) == name) return args[nargs + i];
  return Value();
}

void Args::check_kw(const char* fname, std::initializer_list<const char*> allowed) const {
  for (int64_t i = 0; kwnames && i < kwnames->length; i++) {
    std::string_view k = sv(kwnames->items[i]);
    bool ok = false;
    for (const char* a : allowed) ok = ok || k == a;
    if (!ok) raise(exc_TypeError, "'%.*s' is an invalid keyword argument for %s()", int(k.size()), k.data(), fname);
  }
}

namespace {

Value int_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("int", {"base"});
  Value basev = nargs > 2 ? args[2] : a.kw("base");
  if (nargs > 3) raise(exc_TypeError, "int() takes at most 2 arguments (%lld given)", (long long)(nargs - 1));
  if (nargs == 1) {
    if (!basev.is_empty()) raise(exc_TypeError, "int() missing string argument");
    return make_int(0);
  }
  Value x = args[1];
  if (!basev.is_empty()) {
    int64_t base = as_index(basev);
    if (base != 0 && (base < 2 || base > 36)) raise(exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!is_str(x)) raise(exc_TypeError, "int() can't convert non-string with explicit base");
    return int_from_string(sv(x), int(base), x);
  }
  if (is_int_like(x)) return is_kind(x, Kind::Bool) ? make_int(small_of(x)) : x;
  if (is_float(x)) return int_from_double(float_of(x));
  if (is_str(x)) return int_from_string(sv(x), 10, x);
  for (StrObj* n : {names.__int__, names.__index__}) {
    Value f = lookup_special(x, n);
    if (!f.is_empty() && !is_none(f)) {
      Value r = call0(f);
      if (!is_int_like(r))
        raise(exc_TypeError, "__int__ returned non-int (type %s)", type_name(r).c_str());
      return r;
    }
  }
  Value t = lookup_special(x, intern("__trunc__"));
  if (!t.is_empty() && !is_none(t)) return call0(t);
  raise(exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
        type_name(x).c_str());
}

Value float_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("float", kwnames);
  check_nargs("float", nargs - 1, 0, 1);
  if (nargs == 1) return make_float(0.0);
  Value x = args[1];
  if (is_float(x)) return x;
  if (is_int_like(x)) return make_float(int_to_double(x));
  if (is_str(x)) return make_float(parse_float(sv(x), x));
  Value f = lookup_special(x, names.__float__);
  if (!f.is_empty() && !is_none(f)) {
    Value r = call0(f);
    if (!is_float(r)) raise(exc_TypeError, "%s.__float__ returned non-float (type %s)", type_name(x).c_str(), type_name(r).c_str());
    return r;
  }
  f = lookup_special(x, names.__index__);
  if (!f.is_empty() && !is_none(f)) return make_float(int_to_double(call0(f)));
  raise(exc_TypeError, "float() argument must be a string or a real number, not '%s'", type_name(x).c_str());
}

Value bool_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("bool", kwnames);
  check_nargs("bool", nargs - 1, 0, 1);
  return v_bool(nargs > 1 && truthy(args[1]));
}

Value int_bit_length_m(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("bit_length", nargs - 1, 0, 0);
  return make_int(int_bit_length(args[0]));
}

Value int_bit_count_m(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("bit_count", nargs - 1, 0, 0);
  mpz_t z;
  mpz_init(z);
  int_to_mpz(args[0], z);
  mpz_abs(z, z);
  Value r = make_int(int64_t(mpz_popcount(z)));
  mpz_clear(z);
  return r;
}

Value int_conjugate(Value* args, int64_t, TupleObj*) {
  return is_kind(args[0], Kind::Bool) ? make_int(small_of(args[0])) : args[0];
}

Value float_is_integer(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("is_integer", nargs - 1, 0, 0);
  double d = float_of(args[0]);
  return v_bool(std::isfinite(d) && d == std::floor(d));
}

Value float_as_integer_ratio(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("as_integer_ratio", nargs - 1, 0, 0);
  double d = float_of(args[0]);
  if (std::isinf(d)) raise(exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) raise(exc_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(d, &e);
  for (int i = 0; i < 300 && m != std::floor(m); i++) {
    m *= 2.0;
    e--;
  }
  Value num = int_from_double(m);
  Value den = make_int(1);
  if (e > 0) num = int_binop(BinOp::LShift, num, make_int(e));
  else den = int_binop(BinOp::LShift, den, make_int(-e));
  Value items[2] = {num, den};
  return Value::from_obj(tuple_from(items, 2));
}

Value float_hex_unsupported(Value*, int64_t, TupleObj*) {
  raise(exc_NotImplementedError, "float.hex() is not supported by stmjit");
}

Value num_real(Value* args, int64_t, TupleObj*) {
  return is_kind(args[0], Kind::Bool) ? make_int(small_of(args[0])) : args[0];
}
Value num_imag(Value* args, int64_t, TupleObj*) { return is_float(args[0]) ? make_float(0.0) : make_int(0); }

Value num_format(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__format__", nargs - 1, 1, 1);
  if (!is_str(args[1])) raise(exc_TypeError, "format() argument 2 must be str, not %s", type_name(args[1]).c_str());
  // Delegate to the built-in formatter (used when a Python subclass calls super().__format__).
  std::string_view spec = sv(args[1]);
  if (is_float(args[0])) {
    if (spec.empty()) return make_str(float_repr(float_of(args[0])));
  } else if (spec.empty()) {
    return make_str(int_to_string(args[0]));
  }
  if (is_float(args[0])) return make_str(format_float_spec(float_of(args[0]), parse_format_spec(spec, "float")));
  return make_str(format_int_spec(args[0], parse_format_spec(spec, "int")));
}

}  // namespace

void init_int_float_methods() {
  def_method(cls_int, "__new__", int_new);
  def_method(cls_float, "__new__", float_new);
  def_method(cls_bool, "__new__", bool_new);
  def_method(cls_int, "bit_length", int_bit_length_m);
  def_method(cls_int, "bit_count", int_bit_count_m);
  def_method(cls_int, "conjugate", int_conjugate);
  def_method(cls_int, "__format__", num_format);
  def_method(cls_float, "__format__", num_format);
  def_method(cls_float, "is_integer", float_is_integer);
  def_method(cls_float, "as_integer_ratio", float_as_integer_ratio);
  def_method(cls_float, "hex", float_hex_unsupported);
  def_method(cls_float, "conjugate", num_real);
  def_property(cls_int, "real", num_real);
  def_property(cls_int, "imag", num_imag);
  def_property(cls_int, "numerator", num_real);
  def_property(cls_int, "denominator", [](Value*, int64_t, TupleObj*) { return make_int(1); });
  def_property(cls_float, "real", num_real);
  def_property(cls_float, "imag", num_imag);
}

}  // namespace stmjit
