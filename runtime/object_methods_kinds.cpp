// object_methods_kinds.cpp: methods of the object-model kinds other than object/type: modules,
// bound methods and builtin functions (their reprs, and bound-method equality, which compares
// receiver identity and function because each attribute lookup makes a fresh bound method).
#include <cinttypes>
#include <cstdio>

#include "runtime/object_model.h"

namespace stmjit {

namespace {

std::string hex_addr(Value v) {
  char buf[32];
  snprintf(buf, sizeof buf, "0x%" PRIx64, v.bits());
  return buf;
}

std::string to_std(StrObj* s) { return std::string(str_view(s)); }

Value module_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  ModuleObj* m = args[0].as<ModuleObj>();
  std::string s = "<module '" + to_std(m->name) + "'";
  s += m->filename ? " from '" + to_std(m->filename) + "'>" : " (built-in)>";
  return make_str(s);
}

Value builtin_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  BuiltinFunctionObj* f = args[0].as<BuiltinFunctionObj>();
  if (f->self.is_empty() || kind_of(f->self) == Kind::Module)
    return make_str("<built-in function " + to_std(f->name) + ">");
  return make_str("<built-in method " + to_std(f->name) + " of " + type_name(f->self) + " object at " +
                  hex_addr(f->self) + ">");
}

Value method_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  BoundMethodObj* m = args[0].as<BoundMethodObj>();
  if (kind_of(m->func) == Kind::BuiltinFunction) {
    std::string name = to_std(m->func.as<BuiltinFunctionObj>()->name);
    return make_str("<built-in method " + name + " of " + type_name(m->self) + " object at " +
                    hex_addr(m->self) + ">");
  }
  Value qn = getattr_opt(m->func, names.__qualname__);
  if (qn.is_empty()) qn = getattr_opt(m->func, names.__name__);
  std::string name = !qn.is_empty() && kind_of(qn) == Kind::Str ? to_std(qn.as<StrObj>()) : "?";
  return make_str("<bound method " + name + " of " + to_std(repr(m->self)) + ">");
}

Value method_eq(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__eq__", nargs - 1, 1, 1);
  if (kind_of(args[1]) != Kind::BoundMethod) return v_not_implemented();
  BoundMethodObj* a = args[0].as<BoundMethodObj>();
  BoundMethodObj* b = args[1].as<BoundMethodObj>();
  return v_bool(a->self == b->self && equals(a->func, b->func));
}

Value method_hash(Value* args, int64_t nargs, TupleObj* kwnames) {
  BoundMethodObj* m = args[0].as<BoundMethodObj>();
  uint64_t h = (m->self.bits() >> 4) ^ (uint64_t(hash_value(m->func)) * 1000003u);
  return make_int(int64_t(h & uint64_t(kSmallIntMax)));
}

}  // namespace

void init_kind_methods() {
  def_method(cls_module, "__repr__", module_repr);
  def_method(cls_builtin_function_or_method, "__repr__", builtin_repr);
  def_method(cls_method, "__repr__", method_repr);
  def_method(cls_method, "__eq__", method_eq);
  def_method(cls_method, "__hash__", method_hash);
}

}  // namespace stmjit
