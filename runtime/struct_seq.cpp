// struct_seq.cpp: CPython's "struct sequences" (sys.version_info, sys.float_info, ...): tuples
// whose items are also readable as named attributes, with a repr that names the fields,
// e.g. sys.version_info(major=3, minor=11, micro=0, releaselevel='final', serial=0).
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

StrObj* fields_name() {
  static StrObj* n = intern("_fields");
  return n;
}

Value struct_seq_repr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__repr__", nargs - 1, 0, 0);
  Value self = args[0];
  ClassObj* cls = class_of(self);
  Value fields = lookup_in_mro(cls, fields_name());
  TupleObj* items = self.as<TupleObj>();
  std::string out = std::string(str_view(cls->qualname)) + "(";
  for (int64_t i = 0; i < items->length; i++) {
    if (i) out += ", ";
    if (kind_of(fields) == Kind::Tuple && i < fields.as<TupleObj>()->length)
      out += std::string(sv(fields.as<TupleObj>()->items[i])) + "=";
    out += repr_std(items->items[i]);
  }
  return make_str(out + ")");
}

}  // namespace

ClassObj* make_struct_seq_type(const char* qualname, const char* module, const char* const* fields, int64_t n) {
  std::string q(qualname);
  size_t dot = q.rfind('.');
  DictObj* ns = dict_new();
  TupleObj* names_tuple = tuple_new(n);
  for (int64_t i = 0; i < n; i++) names_tuple->items[i] = make_str(fields[i]);
  dict_set(ns, Value::from_obj(fields_name()), Value::from_obj(names_tuple));
  dict_set(ns, Value::from_obj(names.__qualname__), make_str(q));
  dict_set(ns, Value::from_obj(names.__module__), make_str(module));
  Value base = Value::from_obj(cls_tuple);
  ClassObj* cls = class_new(intern(dot == std::string::npos ? q : q.substr(dot + 1)), tuple_from(&base, 1), ns,
                            intern(module));
  def_method(cls, "__repr__", struct_seq_repr);
  return cls;
}

Value make_struct_seq(ClassObj* type, const Value* values, int64_t n) {
  Value v = as_builtin_subclass(Value::from_obj(tuple_from(values, n)), Value::from_obj(type));
  Value fields = class_get_own(type, fields_name());
  for (int64_t i = 0; i < n && i < fields.as<TupleObj>()->length; i++)
    dict_set(builtin_subclass_attrs(v), Value::from_obj(intern(sv(fields.as<TupleObj>()->items[i]))), values[i]);
  return v;
}

}  // namespace stmjit
