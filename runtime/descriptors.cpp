// descriptors.cpp: the descriptor types property, staticmethod and classmethod, and super:
// their constructors (`__new__` builtins receiving the class as args[0]), property's
// getter/setter/deleter decorators, the explicit __get__/__set__ methods, and their reprs.
// How descriptors act during attribute lookup is in attr.cpp (bind_attr).
#include "runtime/object_model.h"

namespace stmjit {

namespace {

// property(fget=None, fset=None, fdel=None, doc=None)
Value property_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  static const char* params[] = {"fget", "fset", "fdel", "doc"};
  Value vals[4] = {v_none(), v_none(), v_none(), v_none()};
  if (nargs - 1 > 4)
    raise(exc_TypeError, "property() takes at most 4 arguments (%lld given)", (long long)(nargs - 1));
  for (int64_t i = 1; i < nargs; i++) vals[i - 1] = args[i];
  int64_t nkw = kwnames ? kwnames->length : 0;
  for (int64_t k = 0; k < nkw; k++) {
    std::string_view kn = str_view(kwnames->items[k].as<StrObj>());
    int j = 0;
    while (j < 4 && kn != params[j]) j++;
    if (j == 4)
      raise(exc_TypeError, "property() got an unexpected keyword argument '%s'", std::string(kn).c_str());
    vals[j] = args[nargs + k];
  }
  PropertyObj* p = gc_new<PropertyObj>(args[0].as<ClassObj>());
  p->fget = vals[0];
  p->fset = vals[1];
  p->fdel = vals[2];
  return Value::from_obj(p);
}

PropertyObj* self_property(Value v, const char* method) {
  if (kind_of(v) != Kind::Property)
    raise(exc_TypeError, "descriptor '%s' for 'property' objects doesn't apply to a '%s' object",
          method, type_name(v).c_str());
  return v.as<PropertyObj>();
}

// p.getter(f) / p.setter(f) / p.deleter(f): a copy of the property with one function replaced.
Value property_copy_with(Value* args, int64_t nargs, TupleObj* kwnames, int which, const char* name) {
  check_no_kwargs(name, kwnames);
  check_nargs(name, nargs - 1, 1, 1);
  PropertyObj* old = self_property(args[0], name);
  PropertyObj* p = gc_new<PropertyObj>(old->cls);
  p->fget = old->fget;
  p->fset = old->fset;
  p->fdel = old->fdel;
  (which == 0 ? p->fget : which == 1 ? p->fset : p->fdel) = args[1];
  return Value::from_obj(p);
}
Value property_getter(Value* a, int64_t n, TupleObj* k) { return property_copy_with(a, n, k, 0, "getter"); }
Value property_setter(Value* a, int64_t n, TupleObj* k) { return property_copy_with(a, n, k, 1, "setter"); }
Value property_deleter(Value* a, int64_t n, TupleObj* k) { return property_copy_with(a, n, k, 2, "deleter"); }

// property.__get__(self, obj, type=None)
Value property_get(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__get__", nargs - 1, 1, 2);
  PropertyObj* p = self_property(args[0], "__get__");
  if (is_none(args[1])) return args[0];
  if (p->fget.is_empty() || is_none(p->fget))
    raise(exc_AttributeError, "property of '%s' object has no getter", type_name(args[1]).c_str());
  return call1(p->fget, args[1]);
}

Value property_set(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__set__", nargs - 1, 2, 2);
  PropertyObj* p = self_property(args[0], "__set__");
  if (p->fset.is_empty() || is_none(p->fset))
    raise(exc_AttributeError, "property of '%s' object has no setter", type_name(args[1]).c_str());
  call2(p->fset, args[1], args[2]);
  return v_none();
}

Value staticmethod_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("staticmethod", kwnames);
  if (nargs - 1 != 1)
    raise(exc_TypeError, "staticmethod expected 1 argument, got %lld", (long long)(nargs - 1));
  StaticMethodObj* s = gc_new<StaticMethodObj>(args[0].as<ClassObj>());
  s->func = args[1];
  return Value::from_obj(s);
}

Value classmethod_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("classmethod", kwnames);
  if (nargs - 1 != 1)
    raise(exc_TypeError, "classmethod expected 1 argument, got %lld", (long long)(nargs - 1));
  ClassMethodObj* c = gc_new<ClassMethodObj>(args[0].as<ClassObj>());
  c->func = args[1];
  return Value::from_obj(c);
}

// staticmethod.__get__ / classmethod.__get__ (explicit calls; attribute lookup binds directly).
Value staticmethod_get(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__get__", nargs - 1, 1, 2);
  return bind_attr(args[0], args[1], class_of(args[1]));
}
Value classmethod_get(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__get__", nargs - 1, 1, 2);
  ClassObj* owner = nargs > 2 && kind_of(args[2]) == Kind::Class ? args[2].as<ClassObj>() : class_of(args[1]);
  return bind_attr(args[0], args[1], owner);
}

Value wrapper_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  Value f = kind_of(args[0]) == Kind::StaticMethod ? args[0].as<StaticMethodObj>()->func
                                                     : args[0].as<ClassMethodObj>()->func;
  std::string s = "<" + type_name(args[0]) + "(" + std::string(str_view(repr(f))) + ")>";
  return make_str(s);
}

// super(type, obj_or_type). The compiler turns zero-argument super() into super(__class__, arg0).
Value super_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("super", kwnames);
  if (nargs - 1 != 2) {
    if (nargs - 1 == 0) raise(exc_RuntimeError, "super(): no arguments");
    raise(exc_TypeError, "super() takes exactly 2 arguments in stmjit (%lld given)", (long long)(nargs - 1));
  }
  Value t = args[1], obj = args[2];
  if (kind_of(t) != Kind::Class)
    raise(exc_TypeError, "super() argument 1 must be a type, not %s", type_name(t).c_str());
  ClassObj* start = t.as<ClassObj>();
  bool ok = isinstance(obj, start) ||
            (kind_of(obj) == Kind::Class && is_subclass(obj.as<ClassObj>(), start));
  if (!ok) raise(exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  SuperObj* s = gc_new<SuperObj>(args[0].as<ClassObj>());
  s->start = start;
  s->self = obj;
  return Value::from_obj(s);
}

Value super_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  SuperObj* s = args[0].as<SuperObj>();
  std::string r = "<super: <class '" + std::string(class_name(s->start)) + "'>, ";
  if (kind_of(s->self) == Kind::Class)
    r += "<" + std::string(class_name(s->self.as<ClassObj>())) + " object>>";
  else
    r += "<" + type_name(s->self) + " object>>";
  return make_str(r);
}

}  // namespace

void def_property(ClassObj* cls, std::string_view name, NativeFn getter) {
  PropertyObj* p = gc_new<PropertyObj>(cls_property);
  p->fget = Value::from_obj(make_builtin(name, getter));
  p->fset = v_none();
  p->fdel = v_none();
  class_set_attr(cls, intern(name), Value::from_obj(p));
}

void init_descriptor_types() {
  def_method(cls_property, "__new__", property_new);
  def_method(cls_property, "getter", property_getter);
  def_method(cls_property, "setter", property_setter);
  def_method(cls_property, "deleter", property_deleter);
  def_method(cls_property, "__get__", property_get);
  def_method(cls_property, "__set__", property_set);
  def_method(cls_staticmethod, "__new__", staticmethod_new);
  def_method(cls_staticmethod, "__get__", staticmethod_get);
  def_method(cls_staticmethod, "__repr__", wrapper_repr);
  def_method(cls_classmethod, "__new__", classmethod_new);
  def_method(cls_classmethod, "__get__", classmethod_get);
  def_method(cls_classmethod, "__repr__", wrapper_repr);
  def_method(cls_super, "__new__", super_new);
  def_method(cls_super, "__repr__", super_repr);
}

}  // namespace stmjit
