// attr_kinds.cpp: attribute lookup on everything that is not a plain instance: class objects
// (type.__getattribute__: the class's MRO, then the metaclass), modules (their cells), super
// objects (the MRO after the starting class), and values of built-in types (a few per-kind
// attributes like a function's __name__, then the methods of the type bound to the value).
#include "runtime/object_model.h"

namespace stmjit {

namespace {

Value str_or_none(StrObj* s) { return s ? Value::from_obj(s) : v_none(); }

DictObj* copy_dict(DictObj* src) {
  DictObj* d = dict_new();
  const DictBody* b = stm_read(src);
  for (int64_t i = 0; i < b->used; i++)
    if (!b->entries[i].key.is_empty()) dict_set(d, b->entries[i].key, b->entries[i].value);
  return d;
}

// Attributes every function-like value answers from its own fields.
Value special_attr(Value o, Kind k, StrObj* name) {
  switch (k) {
    case Kind::Function: {
      FunctionObj* f = o.as<FunctionObj>();
      if (name == names.__name__) return Value::from_obj(f->name);
      if (name == names.__qualname__) return Value::from_obj(f->qualname ? f->qualname : f->name);
      if (name == names.__module__) return f->module ? str_or_none(f->module->name) : v_none();
      static StrObj* defaults = intern("__defaults__");
      static StrObj* kwdefaults = intern("__kwdefaults__");
      static StrObj* closure = intern("__closure__");
      static StrObj* globals = intern("__globals__");
      if (name == defaults) return f->defaults ? Value::from_obj(f->defaults) : v_none();
      if (name == kwdefaults) return f->kwdefaults ? Value::from_obj(f->kwdefaults) : v_none();
      if (name == closure) return f->closure ? Value::from_obj(f->closure) : v_none();
      if (name == globals && f->module) {
        // A snapshot: writes to it do not reach the module (modules store cells, not a dict).
        return module_getattr(f->module, names.__dict__);
      }
      if (name == names.__dict__) return Value::from_obj(function_dict(f));
      static StrObj* annotations = intern("__annotations__");
      if (name == annotations) {
        DictObj* d = f->annotations.load(std::memory_order_acquire);
        if (!d) {
          // Published by the CAS, outside any transaction: made outside it too (see function_dict).
          DictObj* fresh;
          {
            OutsideTransaction no_tx;
            fresh = dict_new();
          }
          d = f->annotations.compare_exchange_strong(d, fresh, std::memory_order_acq_rel) ? fresh : d;
        }
        return Value::from_obj(d);
      }
      if (DictObj* d = f->dict.load(std::memory_order_acquire)) return dict_get(d, Value::from_obj(name));
      return Value();
    }
    case Kind::BuiltinFunction: {
      BuiltinFunctionObj* f = o.as<BuiltinFunctionObj>();
      if (name == names.__name__ || name == names.__qualname__) return Value::from_obj(f->name);
      static StrObj* self_name = intern("__self__");
      if (name == self_name) return f->self.is_empty() ? v_none() : f->self;
      if (name == names.__module__) return v_none();
      return Value();
    }
    case Kind::BoundMethod: {
      BoundMethodObj* m = o.as<BoundMethodObj>();
      static StrObj* self_name = intern("__self__");
      static StrObj* func_name = intern("__func__");
      if (name == self_name) return m->self;
      if (name == func_name) return m->func;
      if (name == names.__name__ || name == names.__qualname__ || name == names.__module__ ||
          name == names.__doc__)
        return getattr_opt(m->func, name);
      return Value();
    }
    case Kind::Property: {
      PropertyObj* p = o.as<PropertyObj>();
      static StrObj* fget = intern("fget");
      static StrObj* fset = intern("fset");
      static StrObj* fdel = intern("fdel");
      auto or_none = [](Value v) { return v.is_empty() ? v_none() : v; };
      if (name == fget) return or_none(p->fget);
      if (name == fset) return or_none(p->fset);
      if (name == fdel) return or_none(p->fdel);
      if (name == names.__doc__) {
        if (p->fget.is_empty() || is_none(p->fget)) return v_none();
        Value d = getattr_opt(p->fget, names.__doc__);
        return d.is_empty() ? v_none() : d;
      }
      return Value();
    }
    case Kind::StaticMethod:
    case Kind::ClassMethod: {
      static StrObj* func_name = intern("__func__");
      static StrObj* wrapped = intern("__wrapped__");
      if (name == func_name || name == wrapped)
        return k == Kind::StaticMethod ? o.as<StaticMethodObj>()->func : o.as<ClassMethodObj>()->func;
      return Value();
    }
    default:
      return Value();
  }
}

}  // namespace

namespace {
// The owner of a built-in method and the method, packed as the `self` of a checking builtin.
struct MethodDescriptor : Obj {
  ClassObj* owner;
  Value method;
};

// Called as owner.method(self, ...): CPython's method descriptors check that self is an
// instance of the owner before running native code that assumes its layout.
Value call_checked_method(Value* args, int64_t nargs, TupleObj* kwnames) {
  MethodDescriptor* d = static_cast<MethodDescriptor*>(args[0].as_obj());
  BuiltinFunctionObj* m = d->method.as<BuiltinFunctionObj>();
  if (nargs < 2)
    raise(exc_TypeError, "unbound method %s.%s() needs an argument", class_name(d->owner).data(),
          str_view(m->name).data());
  if (!isinstance(args[1], d->owner)) {
    std::string_view n = str_view(m->name);
    bool dunder = n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__";
    if (dunder)   // slot wrappers word it differently in CPython
      raise(exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", n.data(),
            class_name(d->owner).data(), type_name(args[1]).c_str());
    raise(exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", n.data(),
          class_name(d->owner).data(), type_name(args[1]).c_str());
  }
  return m->fn(args + 1, nargs - 1, kwnames);
}
}  // namespace

Value checked_method_descriptor(ClassObj* cls, StrObj* name, Value method) {
  ClassObj* owner = cls;
  for (int64_t i = 0; i < cls->mro->length; i++) {
    ClassObj* c = cls->mro->items[i].as<ClassObj>();
    if (class_get_own(c, name) == method) {
      owner = c;
      break;
    }
  }
  if (owner == cls_object) return method;   // object's methods apply to every object
  MethodDescriptor* d = gc_new<MethodDescriptor>(cls_object);
  d->owner = owner;
  d->method = method;
  BuiltinFunctionObj* f = make_builtin(str_view(method.as<BuiltinFunctionObj>()->name), call_checked_method);
  f->self = Value::from_obj(d);
  f->is_method = true;   // stored on a class (I.r = int.__repr__), it binds like the method itself
  return Value::from_obj(f);
}

Value class_getattr(ClassObj* c, StrObj* name) {
  // The metaclass's data descriptors come first (CPython's type_getattro).
  if (name == names.__name__) return Value::from_obj(c->name);
  if (name == names.__qualname__) return Value::from_obj(c->qualname);
  if (name == names.__mro__) return Value::from_obj(c->mro);
  if (name == names.__bases__) return Value::from_obj(c->bases);
  if (name == names.__class__) return Value::from_obj(class_of(Value::from_obj(c)));
  if (name == names.__dict__) return Value::from_obj(copy_dict(stm_read(c)->dict));
  if (name == names.__module__ || name == names.__doc__) {
    Value own = class_get_own(c, name);
    if (!own.is_empty()) return own;
    return name == names.__module__ ? Value::from_obj(c->module_name) : v_none();
  }
  static StrObj* base = intern("__base__");
  if (name == base) return c->bases->length ? c->bases->items[0] : v_none();

  Value a = lookup_in_mro(c, name);
  if (!a.is_empty()) {
    if (kind_of(a) == Kind::BuiltinFunction && is_unbound_native_method(a.as<BuiltinFunctionObj>()) &&
        a.as<BuiltinFunctionObj>()->self.is_empty())   // not already a checked descriptor
      return checked_method_descriptor(c, name, a);
    return bind_attr(a, Value(), c, name);
  }
  // Then the metaclass's own attributes (type's methods such as mro()), bound to the class.
  ClassObj* meta = class_of(Value::from_obj(c));
  Value m = lookup_in_mro(meta, name);
  if (!m.is_empty()) return bind_attr(m, Value::from_obj(c), meta, name);
  return Value();
}

void class_setattr(ClassObj* c, StrObj* name, Value v) {
  if (!class_is_user_defined(c))
    raise(exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", str_view(name).data(),
          class_name(c).data());
  class_set_attr(c, name, v);
}

void class_delattr(ClassObj* c, StrObj* name) {
  if (!class_is_user_defined(c))
    raise(exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", str_view(name).data(),
          class_name(c).data());
  if (!class_del_attr(c, name))
    raise(exc_AttributeError, "type object '%s' has no attribute '%s'", class_name(c).data(),
          str_view(name).data());
}

Value module_getattr(ModuleObj* m, StrObj* name) {
  Value v = module_get(m, name);
  if (!v.is_empty()) return v;
  if (name == names.__dict__) {
    DictObj* d = dict_new();
    const DictBody* b = stm_read(stm_read(m)->cells);
    for (int64_t i = 0; i < b->used; i++) {
      const DictEntry& e = b->entries[i];
      if (e.key.is_empty()) continue;
      Value cv = stm_read(e.value.as<CellObj>())->value;
      if (!cv.is_empty()) dict_set(d, e.key, cv);
    }
    return Value::from_obj(d);
  }
  if (name == names.__class__) return Value::from_obj(cls_module);
  Value a = lookup_in_mro(cls_module, name);
  if (!a.is_empty()) return bind_attr(a, Value::from_obj(m), cls_module, name);
  return Value();
}

Value super_getattr(SuperObj* s, StrObj* name) {
  Value self = s->self;
  // With a class as second argument (super() in a classmethod) the MRO is that class's own.
  ClassObj* start_type = class_of(self);
  if (kind_of(self) == Kind::Class && is_subclass(self.as<ClassObj>(), s->start))
    start_type = self.as<ClassObj>();
  if (name != names.__class__) {
    TupleObj* mro = start_type->mro;
    int64_t i = 0;
    while (i < mro->length && mro->items[i].as<ClassObj>() != s->start) i++;
    for (i++; i < mro->length; i++) {
      Value a = class_get_own(mro->items[i].as<ClassObj>(), name);
      if (a.is_empty()) continue;
      Value instance = self == Value::from_obj(start_type) ? Value() : self;
      return bind_attr(a, instance, start_type, name);
    }
  }
  static StrObj* thisclass = intern("__thisclass__");
  static StrObj* self_name = intern("__self__");
  static StrObj* self_class = intern("__self_class__");
  if (name == thisclass) return Value::from_obj(s->start);
  if (name == self_name) return self;
  if (name == self_class) return Value::from_obj(start_type);
  return builtin_kind_getattr(Value::from_obj(s), cls_super, name);
}

Value builtin_kind_getattr(Value o, ClassObj* cls, StrObj* name) {
  if (name == names.__class__) return Value::from_obj(cls);
  Kind k = cls->kind;
  Value v = special_attr(o, k, name);
  if (!v.is_empty()) return v;
  Value a = lookup_in_mro(cls, name);
  if (!a.is_empty()) return bind_attr(a, o, cls, name);
  if (name == names.__doc__ && (k == Kind::Function || k == Kind::BuiltinFunction)) return v_none();
  return getattr_hook(o, cls, name);
}

}  // namespace stmjit
