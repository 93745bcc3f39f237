// str_translate.cpp: str.maketrans (a static method building a code-point table) and
// str.translate (mapping each code point through a table: to a str, a code point, or None to
// delete it; missing keys keep the character), with CPython's argument checks and messages.
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

std::u32string code_points(std::string_view s) {
  std::u32string out;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) out += decode_utf8(p);
  return out;
}

// str.maketrans(x[, y[, z]])
Value str_maketrans(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("maketrans", kwnames);
  check_nargs("maketrans", nargs, 1, 3);
  DictObj* table = dict_new();
  if (nargs == 1) {
    if (kind_of(args[0]) != Kind::Dict)
      raise(exc_TypeError, "if you give only one argument to maketrans it must be a dict");
    for_each(args[0], [&](Value k) {
      Value v = dict_get(args[0].as<DictObj>(), k);
      if (is_str(k)) {
        if (as_str(k)->length != 1) raise(exc_ValueError, "string keys in translate table must be of length 1");
        dict_set(table, make_int(int64_t(code_points(sv(k))[0])), v);
      } else if (is_int_like(k)) {
        dict_set(table, k, v);
      } else {
        raise(exc_TypeError, "keys in translate table must be strings or integers");
      }
      return true;
    });
    return Value::from_obj(table);
  }
  if (!is_str(args[0])) raise(exc_TypeError, "maketrans() argument 1 must be str, not %s", type_name(args[0]).c_str());
  if (!is_str(args[1])) raise(exc_TypeError, "maketrans() argument 2 must be str, not %s", type_name(args[1]).c_str());
  std::u32string from = code_points(sv(args[0])), to = code_points(sv(args[1]));
  if (from.size() != to.size()) raise(exc_ValueError, "the first two maketrans arguments must have equal length");
  for (size_t i = 0; i < from.size(); i++) dict_set(table, make_int(int64_t(from[i])), make_int(int64_t(to[i])));
  if (nargs == 3) {
    if (!is_str(args[2])) raise(exc_TypeError, "maketrans() argument 3 must be str, not %s", type_name(args[2]).c_str());
    for (char32_t c : code_points(sv(args[2]))) dict_set(table, make_int(int64_t(c)), v_none());
  }
  return Value::from_obj(table);
}

// str.translate(table): table[ord(c)] via __getitem__ (LookupError keeps c).
Value str_translate(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("translate", kwnames);
  check_nargs("str.translate", nargs - 1, 1, 1);
  Value table = args[1];
  std::string out;
  for (char32_t c : code_points(sv(args[0]))) {
    Value mapped;
    try {
      mapped = getitem(table, make_int(int64_t(c)));
    } catch (PyException& e) {
      if (!exception_matches(e.exc, Value::from_obj(exc_LookupError))) throw;
      out += encode_utf8(c);
      continue;
    }
    if (is_none(mapped)) continue;
    if (is_str(mapped)) {
      out += sv(mapped);
    } else if (is_int_like(mapped)) {
      int64_t cp = as_index(mapped);
      if (cp < 0 || cp > 0x10ffff) raise(exc_ValueError, "character mapping must be in range(0x110000)");
      out += encode_utf8(char32_t(cp));
    } else {
      raise(exc_TypeError, "character mapping must return integer, None or str");
    }
  }
  return make_str(out);
}

}  // namespace

void init_str_translate() {
  StaticMethodObj* sm = gc_new<StaticMethodObj>(cls_staticmethod);
  sm->func = Value::from_obj(make_builtin("maketrans", str_maketrans));
  class_set_attr(cls_str, intern("maketrans"), Value::from_obj(sm));
  def_method(cls_str, "translate", str_translate);
}

}  // namespace stmjit
