// object_methods.cpp: the methods of `object` and `type`, calling a class (class_call: __new__
// then __init__, with CPython's argument checks), and the type queries class_of / is_subclass /
// isinstance / type_name.
#include <cinttypes>
#include <cstdio>

#include "runtime/object_model.h"

namespace stmjit {

BuiltinFunctionObj* object_init_fn;
BuiltinFunctionObj* object_new_fn;
BuiltinFunctionObj* object_setattr_fn;
BuiltinFunctionObj* object_getattribute_fn;

namespace {

int64_t nkw(TupleObj* kwnames) { return kwnames ? kwnames->length : 0; }

// Calls f(self, *args, **kw). Builtins without a receiver of their own are called directly.
Value call_with_self(Value f, Value self, Value* args, int64_t nargs, TupleObj* kwnames) {
  int64_t total = nargs + nkw(kwnames);
  Value small[8];
  Value* buf = total + 1 <= 8 ? small : static_cast<Value*>(gc_alloc(sizeof(Value) * size_t(total + 1)));
  buf[0] = self;
  for (int64_t i = 0; i < total; i++) buf[i + 1] = args[i];
  Kind k = kind_of(f);
  if (k == Kind::BuiltinFunction && f.as<BuiltinFunctionObj>()->self.is_empty())
    return f.as<BuiltinFunctionObj>()->fn(buf, nargs + 1, kwnames);
  if (k == Kind::Function || k == Kind::BuiltinFunction) return call(f, buf, nargs + 1, kwnames);
  // Anything else (a staticmethod, a callable object): bind it first like attribute lookup does.
  Value bound = bind_attr(f, self, class_of(self));
  return call(bound, args, nargs, kwnames);
}

ClassObj* type_arg(Value v) { return kind_of(v) == Kind::Class ? v.as<ClassObj>() : nullptr; }

Value object_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  if (nargs < 1) raise(exc_TypeError, "object.__new__(): not enough arguments");
  ClassObj* cls = type_arg(args[0]);
  if (!cls)
    raise(exc_TypeError, "object.__new__(X): X is not a type object (%s)", type_name(args[0]).c_str());
  if (cls->kind != Kind::Instance)
    raise(exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", class_name(cls).data(),
          class_name(cls).data());
  if (nargs > 1 || nkw(kwnames) > 0) {
    if (lookup_in_mro(cls, names.__new__) != Value::from_obj(object_new_fn))
      raise(exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (lookup_in_mro(cls, names.__init__) == Value::from_obj(object_init_fn))
      raise(exc_TypeError, "%s() takes no arguments", class_name(cls).data());
  }
  return Value::from_obj(instance_new(cls));
}

Value object_init(Value* args, int64_t nargs, TupleObj* kwnames) {
  if (nargs > 1 || nkw(kwnames) > 0) {
    ClassObj* cls = class_of(args[0]);
    if (lookup_in_mro(cls, names.__init__) != Value::from_obj(object_init_fn))
      raise(exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    if (lookup_in_mro(cls, names.__new__) == Value::from_obj(object_new_fn))
      raise(exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
            class_name(cls).data());
  }
  return v_none();
}

Value object_eq(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__eq__", nargs - 1, 1, 1);
  return args[0] == args[1] ? v_true() : v_not_implemented();
}

Value object_ne(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__ne__", nargs - 1, 1, 1);
  // As CPython: the inverse of __eq__ unless that is NotImplemented.
  Value eq = lookup_special(args[0], names.__eq__);
  if (eq.is_empty() || is_none(eq)) return v_not_implemented();
  Value r = call1(eq, args[1]);
  if (r == v_not_implemented()) return r;
  return v_bool(!truthy(r));
}

Value object_hash(Value* args, int64_t nargs, TupleObj* kwnames) {
  // Identity hash; objects are 16-byte aligned, so drop the always-zero low bits (as CPython).
  uint64_t b = args[0].bits();
  return make_int(int64_t((b >> 4) | (b << 60)) & kSmallIntMax);
}

Value object_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  ClassObj* cls = class_of(args[0]);
  char addr[32];
  snprintf(addr, sizeof addr, "0x%" PRIx64, args[0].bits());
  std::string s = "<";
  if (class_is_user_defined(cls)) {
    s += str_view(cls->module_name);
    s += '.';
    s += str_view(cls->qualname);
  } else {
    s += class_name(cls);
  }
  s += " object at ";
  s += addr;
  s += '>';
  return make_str(s);
}

Value object_str(Value* args, int64_t nargs, TupleObj* kwnames) { return Value::from_obj(repr(args[0])); }

StrObj* name_arg(Value v) {
  if (kind_of(v) != Kind::Str)
    raise(exc_TypeError, "attribute name must be string, not '%s'", type_name(v).c_str());
  StrObj* s = v.as<StrObj>();
  return s->interned ? s : intern(str_view(s));
}

Value object_setattr(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__setattr__", nargs - 1, 2, 2);
  generic_setattr(args[0], name_arg(args[1]), args[2]);
  return v_none();
}

Value object_delattr(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__delattr__", nargs - 1, 1, 1);
  generic_delattr(args[0], name_arg(args[1]));
  return v_none();
}

Value object_getattribute(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__getattribute__", nargs - 1, 1, 1);
  return getattr(args[0], name_arg(args[1]));
}

Value object_init_subclass(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("__init_subclass__", kwnames);
  return v_none();
}

Value object_format(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("__format__", nargs - 1, 1, 1);
  if (kind_of(args[1]) != Kind::Str)
    raise(exc_TypeError, "__format__() argument must be str, not %s", type_name(args[1]).c_str());
  if (args[1].as<StrObj>()->length > 0)
    raise(exc_TypeError, "unsupported format string passed to %s.__format__",
          class_name(class_of(args[0])).data());
  return Value::from_obj(str_of(args[0]));
}

// type(x) -> its class; type(name, bases, dict) -> a new class.
Value type_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  int64_t n = nargs - 1;
  if (n == 1 && nkw(kwnames) == 0) return Value::from_obj(class_of(args[1]));
  if (n != 3) raise(exc_TypeError, "type() takes 1 or 3 arguments");
  if (kind_of(args[1]) != Kind::Str)
    raise(exc_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(args[1]).c_str());
  if (kind_of(args[2]) != Kind::Tuple)
    raise(exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(args[2]).c_str());
  if (kind_of(args[3]) != Kind::Dict)
    raise(exc_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(args[3]).c_str());
  ClassObj* meta = type_arg(args[0]);
  if (!meta || !is_subclass(meta, cls_type))
    raise(exc_TypeError, "type.__new__(X): X is not a subtype of type");
  return Value::from_obj(class_new_full(args[1].as<StrObj>(), args[2].as<TupleObj>(), args[3].as<DictObj>(),
                                        nullptr, meta, args + nargs, kwnames));
}

ClassObj* self_class(Value v, const char* method) {
  ClassObj* c = type_arg(v);
  if (!c)
    raise(exc_TypeError, "descriptor '%s' for 'type' objects doesn't apply to a '%s' object", method,
          type_name(v).c_str());
  return c;
}

Value type_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  return make_str(class_repr(self_class(args[0], "__repr__")));
}

Value type_call(Value* args, int64_t nargs, TupleObj* kwnames) {
  return class_call_plain(self_class(args[0], "__call__"), args + 1, nargs - 1, kwnames);
}

// type.__setattr__(cls, name, value) / type.__delattr__(cls, name): class attribute writes
// (what a metaclass's own __setattr__ reaches through super()).
Value type_setattr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__setattr__", nargs - 1, 2, 2);
  ClassObj* c = self_class(args[0], "__setattr__");
  if (kind_of(args[1]) != Kind::Str)
    raise(exc_TypeError, "attribute name must be string, not '%s'", type_name(args[1]).c_str());
  class_setattr(c, intern(str_view(args[1].as<StrObj>())), args[2]);
  return v_none();
}
Value type_delattr(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__delattr__", nargs - 1, 1, 1);
  ClassObj* c = self_class(args[0], "__delattr__");
  if (kind_of(args[1]) != Kind::Str)
    raise(exc_TypeError, "attribute name must be string, not '%s'", type_name(args[1]).c_str());
  class_delattr(c, intern(str_view(args[1].as<StrObj>())));
  return v_none();
}

// type.__init__(cls, name, bases, ns, **kw): the work is done by type.__new__.
Value type_init(Value* args, int64_t nargs, TupleObj*) {
  self_class(args[0], "__init__");
  if (nargs != 2 && nargs != 4) raise(exc_TypeError, "type.__init__() takes 1 or 3 arguments");
  return v_none();
}

Value type_mro(Value* args, int64_t nargs, TupleObj* kwnames) {
  TupleObj* m = self_class(args[0], "mro")->mro;
  return Value::from_obj(list_from(m->items, m->length));
}

Value type_subclasses(Value* args, int64_t nargs, TupleObj* kwnames) {
  ClassObj* c = self_class(args[0], "__subclasses__");
  ListObj* l = list_new();
  for (ClassObj* s : class_visible_subclasses(c)) list_append(l, Value::from_obj(s));
  return Value::from_obj(l);
}

}  // namespace

ClassObj* class_of(Value v) {
  if (v.is_small_int()) return cls_int;
  if (v.is_imm_float()) return cls_float;
  return v.as_obj()->cls;
}

bool is_subclass(ClassObj* sub, ClassObj* base) {
  if (sub == base) return true;
  TupleObj* mro = sub->mro;
  for (int64_t i = 1; i < mro->length; i++)
    if (mro->items[i].as<ClassObj>() == base) return true;
  return false;
}

bool isinstance(Value v, ClassObj* cls) { return is_subclass(class_of(v), cls); }

std::string type_name(Value v) { return std::string(class_name(class_of(v))); }

namespace {
// What class_call found for `__new__` / `__init__`; valid while the class version is unchanged.
struct CtorCacheEntry { uint64_t version; Value new_fn; Value init_fn; };

void ctor_lookup(ClassObj* cls, Value* nw, Value* init) {
  uint64_t version = cls->version.load(std::memory_order_acquire);
  auto* e = static_cast<const CtorCacheEntry*>(cls->ctor_cache.load(std::memory_order_acquire));
  if (e && e->version == version) {
    *nw = e->new_fn;
    *init = e->init_fn;
    return;
  }
  *nw = lookup_in_mro(cls, names.__new__);
  *init = lookup_in_mro(cls, names.__init__);
  // Not while this transaction has uncommitted class writes: *nw / *init may be its private
  // values (runtime/classes.cpp, class_tx_writes_pending).
  if (class_tx_writes_pending()) return;
  auto* fresh = static_cast<CtorCacheEntry*>(gc_alloc(sizeof(CtorCacheEntry)));
  *fresh = CtorCacheEntry{version, *nw, *init};
  cls->ctor_cache.store(fresh, std::memory_order_release);
}
}  // namespace

Value class_call(ClassObj* cls, Value* args, int64_t nargs, TupleObj* kwnames) {
  // A metaclass with its own __call__ decides what calling the class does.
  ClassObj* meta = cls->cls;
  if (meta != cls_type && class_is_user_defined(meta)) {
    static StrObj* call_name = intern("__call__");
    Value mc = lookup_in_mro(meta, call_name);
    if (kind_of(mc) != Kind::BuiltinFunction) return call(bind_attr(mc, Value::from_obj(cls), meta), args, nargs, kwnames);
  }
  return class_call_plain(cls, args, nargs, kwnames);
}

Value class_call_plain(ClassObj* cls, Value* args, int64_t nargs, TupleObj* kwnames) {
  if (cls == cls_type && nargs == 1 && nkw(kwnames) == 0) return Value::from_obj(class_of(args[0]));
  Value nw, cached_init;
  ctor_lookup(cls, &nw, &cached_init);
  Value obj;
  if (cls->kind == Kind::Instance) {
    bool object_new_used = nw == Value::from_obj(object_new_fn);
    if (object_new_used || nw == Value::from_obj(base_exception_new_fn)) {
      InstanceObj* o = instance_new(cls);
      if (!object_new_used)   // BaseException.__new__ stores args even if __init__ does not
        instance_store_attr(o, names.args, Value::from_obj(tuple_from(args, nargs)));
      obj = Value::from_obj(o);
    } else {
      obj = call_with_self(bind_attr(nw, Value(), cls), Value::from_obj(cls), args, nargs, kwnames);
      if (!isinstance(obj, cls)) return obj;
    }
    Value init = cached_init;
    if (init == Value::from_obj(object_init_fn)) {
      if ((nargs > 0 || nkw(kwnames) > 0) && object_new_used)
        raise(exc_TypeError, "%s() takes no arguments", class_name(cls).data());
      return obj;
    }
    if (init == Value::from_obj(base_exception_init_fn)) check_no_kwargs(class_name(cls).data(), kwnames);
    Value r = call_with_self(init, obj, args, nargs, kwnames);
    if (!is_none(r))
      raise(exc_TypeError, "__init__() should return None, not '%s'", type_name(r).c_str());
    return obj;
  }
  // Built-in types (and Python subclasses of them): their __new__ builtin gets the class first.
  if (nw.is_empty() || nw == Value::from_obj(object_new_fn))
    raise(exc_TypeError, "cannot create '%s' instances", class_name(cls).data());
  obj = call_with_self(bind_attr(nw, Value(), cls), Value::from_obj(cls), args, nargs, kwnames);
  if (class_is_user_defined(cls) && isinstance(obj, cls)) {
    Value init = lookup_in_mro(cls, names.__init__);
    if (init != Value::from_obj(object_init_fn)) {
      Value r = call_with_self(init, obj, args, nargs, kwnames);
      if (!is_none(r))
        raise(exc_TypeError, "__init__() should return None, not '%s'", type_name(r).c_str());
    }
  }
  return obj;
}

void init_object_methods() {
  object_new_fn = make_builtin("__new__", object_new);
  object_init_fn = make_builtin("__init__", object_init);
  object_setattr_fn = make_builtin("__setattr__", object_setattr);
  object_getattribute_fn = make_builtin("__getattribute__", object_getattribute);
  for (BuiltinFunctionObj* f : {object_init_fn, object_setattr_fn, object_getattribute_fn}) f->is_method = true;
  class_set_attr(cls_object, names.__new__, Value::from_obj(object_new_fn));
  class_set_attr(cls_object, names.__init__, Value::from_obj(object_init_fn));
  class_set_attr(cls_object, names.__setattr__, Value::from_obj(object_setattr_fn));
  class_set_attr(cls_object, intern("__getattribute__"), Value::from_obj(object_getattribute_fn));
  def_method(cls_object, "__delattr__", object_delattr);
  def_method(cls_object, "__eq__", object_eq);
  def_method(cls_object, "__ne__", object_ne);
  def_method(cls_object, "__hash__", object_hash);
  def_method(cls_object, "__repr__", object_repr);
  def_method(cls_object, "__str__", object_str);
  def_method(cls_object, "__format__", object_format);
  ClassMethodObj* init_sub = gc_new<ClassMethodObj>(cls_classmethod);
  init_sub->func = Value::from_obj(make_builtin("__init_subclass__", object_init_subclass));
  class_set_attr(cls_object, names.__init_subclass__, Value::from_obj(init_sub));
  class_set_attr(cls_object, names.__doc__, make_str("The base class of the class hierarchy."));

  def_method(cls_type, "__new__", type_new);
  def_method(cls_type, "__repr__", type_repr);
  def_method(cls_type, "__call__", type_call);
  def_method(cls_type, "__init__", type_init);
  def_method(cls_type, "__setattr__", type_setattr);
  def_method(cls_type, "__delattr__", type_delattr);
  def_method(cls_type, "mro", type_mro);
  def_method(cls_type, "__subclasses__", type_subclasses);
}

}  // namespace stmjit
