// builtins.cpp: the non-sequence functions of the builtins module: len, isinstance, issubclass,
// abs, repr, ascii, hash, id, chr, ord, getattr/setattr/hasattr/delattr, divmod, pow, round,
// callable, hex/oct/bin, format, iter, next.
#include <cmath>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

bool usable(Value f) { return !f.is_empty() && !is_none(f); }

Value b_len(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("len", kw);
  check_nargs("len", nargs, 1, 1);
  return make_int(length(args[0]));
}

bool class_matches(Value v, Value spec, bool sub, const char* fname) {
  if (kind_of(spec) == Kind::Tuple) {
    TupleObj* t = spec.as<TupleObj>();
    for (int64_t i = 0; i < t->length; i++)
      if (class_matches(v, t->items[i], sub, fname)) return true;
    return false;
  }
  if (kind_of(spec) != Kind::Class)
    raise(exc_TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fname);
  if (sub) {
    if (kind_of(v) != Kind::Class) raise(exc_TypeError, "issubclass() arg 1 must be a class");
    return is_subclass(v.as<ClassObj>(), spec.as<ClassObj>());
  }
  return isinstance(v, spec.as<ClassObj>());
}

Value b_isinstance(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs("isinstance", nargs, 2, 2);
  return v_bool(class_matches(args[0], args[1], false, "isinstance"));
}

Value b_issubclass(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs("issubclass", nargs, 2, 2);
  return v_bool(class_matches(args[0], args[1], true, "issubclass"));
}

Value b_abs(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("abs", nargs, 1, 1);
  Value v = args[0];
  if (is_int_like(v)) return int_sign(v) < 0 ? int_neg(v) : (is_kind(v, Kind::Bool) ? make_int(small_of(v)) : v);
  if (is_float(v)) return make_float(std::fabs(float_of(v)));
  Value f = lookup_special(v, names.__abs__);
  if (usable(f)) return call0(f);
  raise(exc_TypeError, "bad operand type for abs(): '%s'", type_name(v).c_str());
}

Value b_repr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("repr", nargs, 1, 1);
  return Value::from_obj(repr(args[0]));
}

Value b_ascii(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("ascii", nargs, 1, 1);
  std::string r = repr_std(args[0]), out;
  const char* p = r.data();
  const char* end = p + r.size();
  while (p < end) {
    uint32_t c = decode_utf8(p);
    char buf[16];
    if (c < 0x80) out += char(c);
    else {
      if (c < 0x100) snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", c);
      else snprintf(buf, sizeof buf, "\\U%08x", c);
      out += buf;
    }
  }
  return make_str(out);
}

Value b_hash(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("hash", nargs, 1, 1);
  return make_int(hash_value(args[0]));
}

Value b_id(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("id", nargs, 1, 1);
  if (args[0].is_small_int()) return make_int(int64_t(args[0].bits() >> 1));
  return make_int(int64_t(args[0].bits()));
}

Value b_chr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("chr", nargs, 1, 1);
  if (!is_int_like(args[0]) && kind_of(args[0]) != Kind::Instance)
    raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]).c_str());
  int64_t c = as_index(args[0]);
  if (c < 0 || c > 0x10ffff) raise(exc_ValueError, "chr() arg not in range(0x110000)");
  return Value::from_obj(str_from_cp(uint32_t(c)));
}

Value b_ord(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("ord", nargs, 1, 1);
  if (!is_str(args[0]))
    raise(exc_TypeError, "ord() expected string of length 1, but %s found", type_name(args[0]).c_str());
  StrObj* s = as_str(args[0]);
  if (s->length != 1)
    raise(exc_TypeError, "ord() expected a character, but string of length %lld found", (long long)s->length);
  const char* p = s->data;
  return make_int(decode_utf8(p));
}

StrObj* attr_name(Value v, const char* fname) {
  if (!is_str(v)) raise(exc_TypeError, "%s(): attribute name must be string", fname);
  return intern(sv(v));
}

Value b_getattr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("getattr", nargs, 2, 3);
  StrObj* n = attr_name(args[1], "getattr");
  if (nargs == 2) return getattr(args[0], n);
  try {
    return getattr(args[0], n);
  } catch (PyException& e) {
    if (!exception_matches(e.exc, Value::from_obj(exc_AttributeError))) throw;
    return args[2];
  }
}

Value b_setattr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("setattr", nargs, 3, 3);
  setattr(args[0], attr_name(args[1], "setattr"), args[2]);
  return v_none();
}

Value b_delattr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("delattr", nargs, 2, 2);
  delattr(args[0], attr_name(args[1], "delattr"));
  return v_none();
}

Value b_hasattr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("hasattr", nargs, 2, 2);
  StrObj* n = attr_name(args[1], "hasattr");
  try {
    getattr(args[0], n);
    return v_true();
  } catch (PyException& e) {
    if (!exception_matches(e.exc, Value::from_obj(exc_AttributeError))) throw;
    return v_false();
  }
}

Value b_divmod(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("divmod", nargs, 2, 2);
  Value a = args[0], b = args[1];
  bool num_a = is_int_like(a) || is_float(a), num_b = is_int_like(b) || is_float(b);
  if (num_a && num_b) {
    if (is_float(a) || is_float(b)) {
      if (as_double(b) == 0) raise(exc_ZeroDivisionError, "float divmod()");
    }
    Value items[2] = {binary_op(BinOp::FloorDiv, a, b), binary_op(BinOp::Mod, a, b)};
    return Value::from_obj(tuple_from(items, 2));
  }
  Value f = lookup_special(a, intern("__divmod__"));
  if (usable(f)) {
    Value r = call1(f, b);
    if (r != v_not_implemented()) return r;
  }
  f = lookup_special(b, intern("__rdivmod__"));
  if (usable(f)) {
    Value r = call1(f, a);
    if (r != v_not_implemented()) return r;
  }
  raise(exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(a).c_str(),
        type_name(b).c_str());
}

Value b_pow(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("pow", {"base", "exp", "mod"});
  Value base = nargs > 0 ? args[0] : a.kw("base");
  Value exp = nargs > 1 ? args[1] : a.kw("exp");
  Value mod = nargs > 2 ? args[2] : a.kw("mod");
  if (base.is_empty() || exp.is_empty()) raise(exc_TypeError, "pow() missing required argument 'exp' (pos 2)");
  if (mod.is_empty() || is_none(mod)) return binary_op(BinOp::Pow, base, exp);
  if (!is_int_like(base) || !is_int_like(exp) || !is_int_like(mod))
    raise(exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return int_pow_mod(base, exp, mod);
}

Value b_round(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("round", {"number", "ndigits"});
  Value x = nargs > 0 ? args[0] : a.kw("number");
  Value nd = nargs > 1 ? args[1] : a.kw("ndigits");
  if (x.is_empty()) raise(exc_TypeError, "round() missing required argument 'number' (pos 1)");
  bool has_nd = !nd.is_empty() && !is_none(nd);
  if (is_float(x)) {
    double d = float_of(x);
    if (!has_nd) {
      double r = std::nearbyint(d);   // half to even
      return int_from_double(r);
    }
    return make_float(round_half_even_digits(d, as_index(nd)));
  }
  if (is_int_like(x)) {
    if (!has_nd) return is_kind(x, Kind::Bool) ? make_int(small_of(x)) : x;
    int64_t n = as_index(nd);
    if (n >= 0) return is_kind(x, Kind::Bool) ? make_int(small_of(x)) : x;
    // Round to 10**-n with ties to even.
    Value p = int_binop(BinOp::Pow, make_int(10), make_int(-n));
    Value q = int_binop(BinOp::FloorDiv, x, p);
    Value r = int_binop(BinOp::Mod, x, p);
    int c = int_compare(int_binop(BinOp::Mul, r, make_int(2)), p);
    if (c > 0 || (c == 0 && int_binop(BinOp::And, q, make_int(1)) == make_int(1)))
      q = int_binop(BinOp::Add, q, make_int(1));
    return int_binop(BinOp::Mul, q, p);
  }
  Value f = lookup_special(x, names.__round__);
  if (usable(f)) return has_nd ? call1(f, nd) : call0(f);
  raise(exc_TypeError, "type %s doesn't define __round__ method", type_name(x).c_str());
}

Value b_callable(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("callable", nargs, 1, 1);
  switch (kind_of(args[0])) {
    case Kind::Function:
    case Kind::BuiltinFunction:
    case Kind::BoundMethod:
    case Kind::Class: return v_true();
    default: return v_bool(usable(lookup_special(args[0], names.__call__)));
  }
}

Value int_base_repr(Value* args, int64_t nargs, const char* fname, int base, const char* prefix) {
  check_nargs(fname, nargs, 1, 1);
  Value v = args[0];
  if (!is_int_like(v)) v = make_int(as_index(v));
  bool neg = int_sign(v) < 0;
  return make_str(std::string(neg ? "-" : "") + prefix + int_to_string(neg ? int_neg(v) : v, base));
}

Value b_hex(Value* a, int64_t n, TupleObj*) { return int_base_repr(a, n, "hex", 16, "0x"); }
Value b_oct(Value* a, int64_t n, TupleObj*) { return int_base_repr(a, n, "oct", 8, "0o"); }
Value b_bin(Value* a, int64_t n, TupleObj*) { return int_base_repr(a, n, "bin", 2, "0b"); }

Value b_format(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("format", nargs, 1, 2);
  if (nargs == 2 && !is_str(args[1]))
    raise(exc_TypeError, "format() argument 2 must be str, not %s", type_name(args[1]).c_str());
  return make_str(format_spec(args[0], nargs == 2 ? sv(args[1]) : std::string_view()));
}

Value b_iter(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("iter", nargs, 1, 2);
  if (nargs == 1) return get_iter(args[0]);
  Value items[2] = {args[0], args[1]};
  return Value::from_obj(iter_make(cls_iterator, Value::from_obj(tuple_from(items, 2)), 0, IT_CALLABLE));
}

Value b_next(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("next", nargs, 1, 2);
  Kind k = kind_of(args[0]);
  if (k != Kind::Iterator && k != Kind::Generator && !usable(lookup_special(args[0], names.__next__)))
    raise(exc_TypeError, "'%s' object is not an iterator", type_name(args[0]).c_str());
  // A finished generator's StopIteration carries its return value: let __next__ raise it.
  if (k == Kind::Generator && nargs == 1) return call_method(args[0], names.__next__, nullptr, 0);
  Value v = iter_next(args[0]);
  if (!v.is_empty()) return v;
  if (nargs == 2) return args[1];
  raise_value(Value::from_obj(exc_StopIteration));
}

}  // namespace

void init_builtins_functions() {
  struct { const char* name; NativeFn fn; } table[] = {
      {"len", b_len}, {"isinstance", b_isinstance}, {"issubclass", b_issubclass}, {"abs", b_abs},
      {"repr", b_repr}, {"ascii", b_ascii}, {"hash", b_hash}, {"id", b_id}, {"chr", b_chr}, {"ord", b_ord},
      {"getattr", b_getattr}, {"setattr", b_setattr}, {"delattr", b_delattr}, {"hasattr", b_hasattr},
      {"divmod", b_divmod}, {"pow", b_pow}, {"round", b_round}, {"callable", b_callable}, {"hex", b_hex},
      {"oct", b_oct}, {"bin", b_bin}, {"format", b_format}, {"iter", b_iter}, {"next", b_next},
  };
  ModuleObj* b = builtins_module();
  for (auto& e : table) {
    BuiltinFunctionObj* f = make_builtin(e.name, e.fn);
    f->no_kwargs = std::string_view(e.name) != "pow" && std::string_view(e.name) != "round";
    module_set(b, intern(e.name), Value::from_obj(f));
  }
}

}  // namespace stmjit
