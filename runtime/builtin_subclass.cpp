// builtin_subclass.cpp: instances of Python subclasses of built-in types (`class L(list)`,
// `class P(tuple)`, `class E(int)`, ...). Such an object has exactly the base type's layout, so
// every native operation works on it unchanged, with two differences: its class pointer is the
// subclass, and one trailing field holds a dict of its instance attributes (CPython gives these
// instances a __dict__ too). Native fast paths test the exact class (`cls == cls_list`), so
// subclass instances fall to the generic paths, which honour dunder overrides.
#include <cstring>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

size_t align8(size_t n) { return (n + 7) & ~size_t(7); }

// Bytes of the base layout of `o` (the trailing attribute dict comes after them).
size_t base_size(Obj* o, Kind k) {
  switch (k) {
    case Kind::Int: return sizeof(IntObj);
    case Kind::Float: return sizeof(FloatObj);
    case Kind::Str: return offsetof(StrObj, data) + size_t(static_cast<StrObj*>(o)->nbytes) + 1;
    case Kind::Tuple:
      return offsetof(TupleObj, items) + sizeof(Value) * size_t(static_cast<TupleObj*>(o)->length);
    case Kind::List: return sizeof(ListObj);
    case Kind::Dict: return sizeof(DictObj);
    case Kind::Set:
    case Kind::FrozenSet: return sizeof(SetObj);
    default: return 0;
  }
}

DictObj** attrs_slot(Obj* o) {
  return reinterpret_cast<DictObj**>(reinterpret_cast<char*>(o) + align8(base_size(o, o->cls->kind)));
}

}  // namespace

bool builtin_kind_subclassable(Kind k) {
  switch (k) {
    case Kind::Int: case Kind::Float: case Kind::Str: case Kind::Tuple: case Kind::List:
    case Kind::Dict: case Kind::Set: case Kind::FrozenSet: return true;
    default: return false;
  }
}

bool is_builtin_subclass_instance(Value o) {
  if (!o.is_obj()) return false;
  ClassObj* c = o.as_obj()->cls;
  return c->kind != Kind::Instance && builtin_kind_subclassable(c->kind) && class_is_user_defined(c);
}

Value as_builtin_subclass(Value base_value, Value cls_value) {
  if (kind_of(cls_value) != Kind::Class) return base_value;
  ClassObj* cls = cls_value.as<ClassObj>();
  if (!class_is_user_defined(cls) || cls->kind != kind_of(base_value)) return base_value;
  Value v = base_value;
  if (v.is_small_int()) {   // an int subclass instance is always a boxed int
    IntObj* box = gc_new<IntObj>(cls_int);
    mpz_init_set_si(box->value, v.as_small_int());
    v = Value::from_obj(box);
  } else if (v.is_imm_float()) {   // and a float subclass instance a boxed float
    v = make_boxed_float(v.as_imm_float());
  }
  Obj* src = v.as_obj();
  size_t n = base_size(src, cls->kind);
  void* mem = gc_alloc(align8(n) + sizeof(DictObj*));
  Obj* dst;
  // Mutable kinds are rebuilt through the barrier API (their STM header must be fresh, and
  // only stm_* may touch a body); immutable values are plain bytes.
  switch (cls->kind) {
    case Kind::List: {
      ListObj* l = new (mem) ListObj();
      ListBody* b = stm_init_body(l);
      *b = *stm_read(static_cast<ListObj*>(src));
      b->shared_prefix = b->length;   // the array is src's too: copy it before storing in it
      dst = l;
      break;
    }
    case Kind::Dict: {
      DictObj* d = new (mem) DictObj();
      DictBody* b = stm_init_body(d);
      *b = *stm_read(static_cast<DictObj*>(src));
      if (b->entries) b->shared = true;   // the arrays are src's too: claim or copy first
      dst = d;
      break;
    }
    case Kind::Set:
    case Kind::FrozenSet: {
      SetObj* s = new (mem) SetObj();
      DictBody* b = stm_init_body(s);
      *b = *stm_read(static_cast<SetObj*>(src));
      if (b->entries) b->shared = true;   // the table is src's too: claim or copy first
      dst = s;
      break;
    }
    default:
      std::memcpy(mem, static_cast<const void*>(src), n);
      dst = static_cast<Obj*>(mem);
      break;
  }
  dst->cls = cls;
  *attrs_slot(dst) = dict_new();
  return Value::from_obj(dst);
}

DictObj* builtin_subclass_attrs(Value o) { return *attrs_slot(o.as_obj()); }

Value user_dunder_override(Value o, StrObj* name) {
  if (!is_builtin_subclass_instance(o)) return Value();
  ClassObj* cls = o.as_obj()->cls;
  Value f = lookup_in_mro(cls, name);
  if (f.is_empty() || f.is_small_int() || kind_of(f) == Kind::BuiltinFunction) return Value();
  return bind_attr(f, o, cls, name);
}

namespace {

// The built-in __new__ of each subclassable kind, wrapped by subclass_aware_new.
NativeFn original_new[int(Kind::Ellipsis) + 1];

ClassObj* new_target(Value* args, int64_t nargs) {
  if (nargs < 1 || kind_of(args[0]) != Kind::Class) raise(exc_TypeError, "__new__(X): X is not a type object");
  return args[0].as<ClassObj>();
}

// A value of the exact built-in type equal to an instance of a subclass of it.
Value exact_copy(Value v) {
  switch (kind_of(v)) {
    case Kind::Int: return make_int_from_mpz(v.as<IntObj>()->value);
    case Kind::Float: return make_float(float_of(v));
    case Kind::Str: return make_str(sv(v));
    case Kind::Tuple: return Value::from_obj(tuple_from(v.as<TupleObj>()->items, v.as<TupleObj>()->length));
    case Kind::FrozenSet: return Value::from_obj(set_copy(v.as<SetObj>(), true));
    default: return v;   // mutable kinds: their __new__ already made a fresh object
  }
}

// X.__new__(cls, ...): for a Python subclass of a mutable type (list, dict, set) an empty
// instance whose __init__ fills it, as in CPython; for immutable types the value is built from
// the arguments and re-made as an instance of the subclass.
Value subclass_aware_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  ClassObj* cls = new_target(args, nargs);
  Kind k = cls->kind;
  if (!builtin_kind_subclassable(k) || !original_new[int(k)])
    raise(exc_TypeError, "__new__(%s): not a subtype of a built-in type", class_name(cls).data());
  if (!class_is_user_defined(cls)) {
    // tuple(x), str(x), int(x), ... of a subclass instance give a value of the exact type.
    Value r = original_new[int(k)](args, nargs, kwnames);
    return is_builtin_subclass_instance(r) ? exact_copy(r) : r;
  }
  if (k == Kind::List || k == Kind::Dict || k == Kind::Set)
    return as_builtin_subclass(original_new[int(k)](args, 1, nullptr), args[0]);
  return as_builtin_subclass(original_new[int(k)](args, nargs, kwnames), args[0]);
}

// list.__init__ / set.__init__ / dict.__init__: (re)fill self from the arguments.
Value refill_init(Value* args, int64_t nargs, TupleObj* kwnames) {
  Value self = args[0];
  Kind k = kind_of(self);
  const char* name = k == Kind::List ? "list" : k == Kind::Dict ? "dict" : "set";
  if (k != Kind::Dict) check_no_kwargs(name, kwnames);
  check_nargs(name, nargs - 1, 0, 1);
  static StrObj* clear = intern("clear");
  static StrObj* extend = intern("extend");
  static StrObj* update = intern("update");
  call_method(self, clear, nullptr, 0);
  if (nargs == 2) {
    Value arg = args[1];
    call_method(self, k == Kind::List ? extend : update, &arg, 1);
  }
  for (int64_t i = 0; kwnames && i < kwnames->length; i++) setitem(self, kwnames->items[i], args[nargs + i]);
  return v_none();
}

}  // namespace

void init_builtin_subclass_support() {
  for (ClassObj* c : {cls_int, cls_float, cls_str, cls_tuple, cls_list, cls_dict, cls_set, cls_frozenset}) {
    Value nw = class_get_own(c, names.__new__);
    if (kind_of(nw) != Kind::BuiltinFunction) continue;
    original_new[int(c->kind)] = nw.as<BuiltinFunctionObj>()->fn;
    def_method(c, "__new__", subclass_aware_new);
  }
  for (ClassObj* c : {cls_list, cls_dict, cls_set}) def_method(c, "__init__", refill_init);
}

}  // namespace stmjit
