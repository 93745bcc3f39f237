// attr.cpp: Python attribute access (getattr / setattr / delattr) and the descriptor
// protocol. Instances follow CPython's object.__getattribute__: data descriptors of the class
// first (property, objects with __set__), then the instance's own slots, then class
// attributes bound by their kind (functions -> bound methods, staticmethod, classmethod,
// __get__), then a __getattr__ hook. Other kinds (classes, modules, super, built-in values)
// live in attr_kinds.cpp.
#include "runtime/instance.h"
#include "runtime/object_model.h"

namespace stmjit {

namespace {

StrObj* name_delete() {
  static StrObj* s = intern("__delete__");
  return s;
}

StrObj* interned(StrObj* name) { return name->interned ? name : intern(str_view(name)); }

Value make_bound(Value self, Value func) {
  BoundMethodObj* m = gc_new<BoundMethodObj>(cls_method);
  m->self = self;
  m->func = func;
  return Value::from_obj(m);
}

const char* cname(StrObj* name) { return name ? str_view(name).data() : "?"; }

Value instance_getattr(InstanceObj* o, StrObj* name) {
  ClassObj* cls = o->cls;
  if (name == names.__class__) return Value::from_obj(cls);
  if (name == names.__dict__) {
    if (!class_has_instance_dict(cls))
      raise(exc_AttributeError, "'%s' object has no attribute '__dict__'", class_name(cls).data());
    return Value::from_obj(instance_dict(o));
  }
  Value ta = lookup_in_mro(cls, name);
  if (!ta.is_empty() && is_data_descriptor(ta)) return bind_attr(ta, Value::from_obj(o), cls, name);
  Value v = instance_load_attr(o, name);
  if (!v.is_empty()) return v;
  if (!ta.is_empty()) return bind_attr(ta, Value::from_obj(o), cls, name);
  return Value();
}

// The lookup without the final error: empty when the attribute does not exist.
Value getattr_impl(Value o, StrObj* name) {
  if (o.is_small_int()) return builtin_kind_getattr(o, cls_int, name);
  if (o.is_imm_float()) return builtin_kind_getattr(o, cls_float, name);
  ClassObj* cls = o.as_obj()->cls;
  switch (cls->kind) {
    case Kind::Instance: {
      Value r = instance_getattr(o.as<InstanceObj>(), name);
      return r.is_empty() ? getattr_hook(o, cls, name) : r;
    }
    case Kind::Class: return class_getattr(o.as<ClassObj>(), name);
    case Kind::Module: return module_getattr(o.as<ModuleObj>(), name);
    case Kind::Super: return super_getattr(o.as<SuperObj>(), name);
    default:
      if (is_builtin_subclass_instance(o)) {
        if (name == names.__dict__) return Value::from_obj(builtin_subclass_attrs(o));
        Value ta = lookup_in_mro(cls, name);
        if (!ta.is_empty() && is_data_descriptor(ta)) return bind_attr(ta, o, cls, name);
        Value own = dict_get(builtin_subclass_attrs(o), Value::from_obj(name));
        if (!own.is_empty()) return own;
      }
      return builtin_kind_getattr(o, cls, name);
  }
}

[[noreturn]] void raise_missing(Value o, StrObj* name) {
  const char* n = str_view(name).data();
  switch (kind_of(o)) {
    case Kind::Class:
      raise(exc_AttributeError, "type object '%s' has no attribute '%s'",
            class_name(o.as<ClassObj>()).data(), n);
    case Kind::Module:
      raise(exc_AttributeError, "module '%s' has no attribute '%s'",
            str_view(o.as<ModuleObj>()->name).data(), n);
    default:
      raise(exc_AttributeError, "'%s' object has no attribute '%s'", type_name(o).c_str(), n);
  }
}

// A user-defined __setattr__ / __delattr__ (not object's), bound to `o`; empty otherwise.
Value custom_hook(Value o, StrObj* hook) {
  ClassObj* cls = class_of(o);
  if (!class_is_user_defined(cls)) return Value();
  Value f = lookup_in_mro(cls, hook);
  if (f.is_empty() || kind_of(f) == Kind::BuiltinFunction) return Value();
  return bind_attr(f, o, cls);
}

}  // namespace

DictObj* function_dict(FunctionObj* f) {
  DictObj* d = f->dict.load(std::memory_order_acquire);
  if (d) return d;
  // The CAS publishes the dict to every thread at once, whatever becomes of the running
  // transaction: a fresh object of the transaction would be written in place by it, racing with
  // other threads' reads, and an abort would leave those writes. A plain (committed) empty dict
  // makes the first store to it an ordinary transactional write.
  DictObj* fresh;
  {
    OutsideTransaction no_tx;
    fresh = dict_new();
  }
  if (f->dict.compare_exchange_strong(d, fresh, std::memory_order_acq_rel)) return fresh;
  return d;   // another thread created it first
}

bool is_data_descriptor(Value attr) {
  if (attr.is_small_int() || attr.is_empty()) return false;
  Kind k = kind_of(attr);
  if (k == Kind::Property) return true;
  if (k != Kind::Instance) return false;
  ClassObj* c = class_of(attr);
  return !lookup_in_mro(c, names.__set__).is_empty() || !lookup_in_mro(c, name_delete()).is_empty();
}

Value bind_attr(Value attr, Value instance, ClassObj* owner, StrObj* name) {
  if (attr.is_small_int()) return attr;
  switch (kind_of(attr)) {
    case Kind::Function:
      return instance.is_empty() ? attr : make_bound(instance, attr);
    case Kind::BuiltinFunction:
      // Methods of built-in types are registered as builtins with no receiver of their own.
      if (instance.is_empty() || !is_unbound_native_method(attr.as<BuiltinFunctionObj>())) return attr;
      return make_bound(instance, attr);
    case Kind::StaticMethod:
      return attr.as<StaticMethodObj>()->func;
    case Kind::ClassMethod:
      return make_bound(Value::from_obj(owner), attr.as<ClassMethodObj>()->func);
    case Kind::Property: {
      if (instance.is_empty()) return attr;
      PropertyObj* p = attr.as<PropertyObj>();
      if (p->fget.is_empty() || is_none(p->fget))
        raise(exc_AttributeError, "property '%s' of '%s' object has no getter", cname(name),
              type_name(instance).c_str());
      return call1(p->fget, instance);
    }
    case Kind::Instance: {
      Value get = lookup_in_mro(class_of(attr), names.__get__);
      if (get.is_empty()) return attr;
      Value args[3] = {attr, instance.is_empty() ? v_none() : instance, Value::from_obj(owner)};
      return call(get, args, 3);
    }
    default:
      return attr;
  }
}

InstanceAttrPlan instance_attr_plan(Shape* shape, StrObj* name) {
  InstanceAttrPlan plan{InstanceAttrPlan::Slow, -1, Value()};
  if (!shape || name == names.__class__ || name == names.__dict__) return plan;
  ClassObj* cls = shape->cls;
  Value ta = lookup_in_mro(cls, name);
  if (!ta.is_empty() && is_data_descriptor(ta)) return plan;
  int32_t i = shape_find(shape, name);
  if (i >= 0) return {InstanceAttrPlan::Slot, i, Value()};
  if (ta.is_empty()) return plan;   // missing, or left to __getattr__
  if (ta.is_small_int()) return {InstanceAttrPlan::Plain, -1, ta};
  switch (kind_of(ta)) {
    case Kind::Function: return {InstanceAttrPlan::Method, -1, ta};
    case Kind::BuiltinFunction:
      if (is_unbound_native_method(ta.as<BuiltinFunctionObj>())) return {InstanceAttrPlan::Method, -1, ta};
      return {InstanceAttrPlan::Plain, -1, ta};
    case Kind::StaticMethod: return {InstanceAttrPlan::Plain, -1, ta.as<StaticMethodObj>()->func};
    case Kind::Instance:
      if (!lookup_in_mro(class_of(ta), names.__get__).is_empty()) return plan;
      return {InstanceAttrPlan::Plain, -1, ta};
    case Kind::ClassMethod: case Kind::Property: return plan;
    default: return {InstanceAttrPlan::Plain, -1, ta};
  }
}

Value lookup_in_mro(ClassObj* cls, StrObj* name) {
  TupleObj* mro = cls->mro;
  for (int64_t i = 0; i < mro->length; i++) {
    Value v = dict_get_str(stm_read(mro->items[i].as<ClassObj>())->dict, name);
    if (!v.is_empty()) return v;
  }
  return Value();
}

Value lookup_special(Value self, StrObj* name) {
  name = interned(name);
  ClassObj* cls = class_of(self);
  Value a = lookup_in_mro(cls, name);
  if (a.is_empty() || is_none(a)) return a;
  return bind_attr(a, self, cls, name);
}

Value getattr_hook(Value o, ClassObj* cls, StrObj* name) {
  if (!class_is_user_defined(cls)) return Value();
  Value hook = lookup_in_mro(cls, names.__getattr__);
  if (hook.is_empty()) return Value();
  return call1(bind_attr(hook, o, cls), Value::from_obj(name));
}

Value getattr(Value o, StrObj* name) {
  name = interned(name);
  Value r = getattr_impl(o, name);
  if (r.is_empty()) raise_missing(o, name);
  return r;
}

Value getattr_opt(Value o, StrObj* name) {
  name = interned(name);
  try {
    return getattr_impl(o, name);
  } catch (PyException& e) {
    // A property or __getattr__ that raises AttributeError means "no such attribute".
    if (isinstance(e.exc, exc_AttributeError)) return Value();
    throw;
  }
}

void generic_setattr(Value o, StrObj* name, Value v) {
  ClassObj* cls = class_of(o);
  Value ta = lookup_in_mro(cls, name);
  if (!ta.is_empty() && !ta.is_small_int()) {
    Kind k = kind_of(ta);
    if (k == Kind::Property) {
      PropertyObj* p = ta.as<PropertyObj>();
      if (p->fset.is_empty() || is_none(p->fset))
        raise(exc_AttributeError, "property '%s' of '%s' object has no setter", cname(name),
              class_name(cls).data());
      call2(p->fset, o, v);
      return;
    }
    if (k == Kind::Instance) {
      Value set = lookup_in_mro(class_of(ta), names.__set__);
      if (!set.is_empty()) {
        Value args[3] = {ta, o, v};
        call(set, args, 3);
        return;
      }
    }
  }
  if (kind_of(o) == Kind::Instance) {
    instance_store_attr(o.as<InstanceObj>(), name, v);
    return;
  }
  if (is_builtin_subclass_instance(o)) {
    dict_set(builtin_subclass_attrs(o), Value::from_obj(name), v);
    return;
  }
  if (kind_of(o) == Kind::Function) {
    FunctionObj* f = o.as<FunctionObj>();
    if (name == names.__name__ || name == names.__qualname__) {
      // Renaming a function (decorators do it) is a plain store: the same value is stored again
      // if a transaction that did it is retried.
      if (kind_of(v) != Kind::Str)
        raise(exc_TypeError, "%s must be set to a string object", str_view(name).data());
      (name == names.__name__ ? f->name : f->qualname) = v.as<StrObj>();
      return;
    }
    dict_set(function_dict(f), Value::from_obj(name), v);
    return;
  }
  raise(exc_AttributeError, "'%s' object has no attribute '%s'", class_name(cls).data(),
        str_view(name).data());
}

void generic_delattr(Value o, StrObj* name) {
  ClassObj* cls = class_of(o);
  Value ta = lookup_in_mro(cls, name);
  if (!ta.is_empty() && !ta.is_small_int()) {
    Kind k = kind_of(ta);
    if (k == Kind::Property) {
      PropertyObj* p = ta.as<PropertyObj>();
      if (p->fdel.is_empty() || is_none(p->fdel))
        raise(exc_AttributeError, "property '%s' of '%s' object has no deleter", cname(name),
              class_name(cls).data());
      call1(p->fdel, o);
      return;
    }
    if (k == Kind::Instance) {
      Value del = lookup_in_mro(class_of(ta), name_delete());
      if (!del.is_empty()) {
        call2(del, ta, o);
        return;
      }
    }
  }
  if (kind_of(o) == Kind::Instance && instance_delete_attr(o.as<InstanceObj>(), name)) return;
  if (is_builtin_subclass_instance(o) && dict_del(builtin_subclass_attrs(o), Value::from_obj(name))) return;
  if (kind_of(o) == Kind::Function && dict_del(function_dict(o.as<FunctionObj>()), Value::from_obj(name))) return;
  raise(exc_AttributeError, "'%s' object has no attribute '%s'", class_name(cls).data(),
        str_view(name).data());
}

void setattr(Value o, StrObj* name, Value v) {
  name = interned(name);
  switch (kind_of(o)) {
    case Kind::Class: {
      Value meta_hook = custom_hook(o, names.__setattr__);   // a metaclass's own __setattr__
      if (!meta_hook.is_empty()) call2(meta_hook, Value::from_obj(name), v);
      else class_setattr(o.as<ClassObj>(), name, v);
      return;
    }
    case Kind::Module: module_set(o.as<ModuleObj>(), name, v); return;
    default: break;
  }
  Value hook = custom_hook(o, names.__setattr__);
  if (!hook.is_empty()) {
    call2(hook, Value::from_obj(name), v);
    return;
  }
  generic_setattr(o, name, v);
}

void delattr(Value o, StrObj* name) {
  name = interned(name);
  switch (kind_of(o)) {
    case Kind::Class: class_delattr(o.as<ClassObj>(), name); return;
    case Kind::Module: {
      CellObj* c = module_cell(o.as<ModuleObj>(), name, false);
      if (!c || stm_read(c)->value.is_empty()) raise_missing(o, name);
      stm_write(c)->value = Value();
      return;
    }
    default: break;
  }
  Value hook = custom_hook(o, names.__delattr__);
  if (!hook.is_empty()) {
    call1(hook, Value::from_obj(name));
    return;
  }
  generic_delattr(o, name);
}

}  // namespace stmjit
