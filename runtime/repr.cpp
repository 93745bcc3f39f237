// repr.cpp: repr() and str() of every value as CPython prints them: numbers, strings,
// containers (with "[...]" / "{...}" guards against self-containing containers), ranges,
// slices, dict views, functions and classes; user objects via __repr__ / __str__.
#include <cinttypes>
#include <cstdio>
#include <vector>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

// Containers currently being printed by this thread (objects stay reachable from the stack).
thread_local std::vector<const Obj*> repr_stack;

struct ReprGuard {
  bool recursive = false;
  explicit ReprGuard(const Obj* o) {
    // Deeply nested containers: CPython's limit, not the C++ stack (nor a quadratic scan).
    if (int64_t(repr_stack.size()) >= get_recursion_limit())
      raise(exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    for (const Obj* x : repr_stack)
      if (x == o) recursive = true;
    if (!recursive) repr_stack.push_back(o);
  }
  ~ReprGuard() {
    if (!recursive) repr_stack.pop_back();
  }
};

void join_items(std::string& out, const Value* items, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    if (i) out += ", ";
    out += repr_std(items[i]);
  }
}

std::string hex_addr(const void* p) {
  char buf[32];
  snprintf(buf, sizeof buf, "0x%" PRIxPTR, uintptr_t(p));
  return buf;
}

std::string dict_repr(DictObj* d) {
  ReprGuard g(d);
  if (g.recursive) return "{...}";
  std::string out = "{";
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(d, &pos, &k, &v)) {
    if (!first) out += ", ";
    first = false;
    out += repr_std(k);
    out += ": ";
    out += repr_std(v);
  }
  return out + "}";
}

std::string set_repr(SetObj* s) {
  bool frozen = s->cls == cls_frozenset;
  if (set_len(s) == 0) return frozen ? "frozenset()" : "set()";
  ReprGuard g(s);
  if (g.recursive) return std::string(class_name(s->cls)) + "(...)";
  std::string out = frozen ? "frozenset({" : "{";
  int64_t pos = 0;
  Value k;
  bool first = true;
  while (set_next(s, &pos, &k)) {
    if (!first) out += ", ";
    first = false;
    out += repr_std(k);
  }
  return out + (frozen ? "})" : "}");
}

std::string view_repr(IterObj* it) {
  const IterBody* b = stm_read(it);
  std::string out = std::string(class_name(it->cls)) + "([";
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(b->source.as<DictObj>(), &pos, &k, &v)) {
    if (!first) out += ", ";
    first = false;
    if (b->mode == VIEW_KEYS) out += repr_std(k);
    else if (b->mode == VIEW_VALUES) out += repr_std(v);
    else out += "(" + repr_std(k) + ", " + repr_std(v) + ")";
  }
  return out + "])";
}

std::string call_repr_method(Value v, StrObj* name) {
  Value f = lookup_special(v, name);
  if (f.is_empty() || is_none(f)) return "<" + type_name(v) + " object at " + hex_addr(v.as_obj()) + ">";
  Value r = call0(f);
  if (!is_str(r))
    raise(exc_TypeError, "%s returned non-string (type %s)", name == names.__str__ ? "__str__" : "__repr__",
          type_name(r).c_str());
  return std::string(sv(r));
}

// repr of a built-in kind, ignoring any __repr__ a subclass defines.
std::string repr_native(Value v) {
  if (v.is_small_int()) return int_to_string(v);
  switch (kind_of(v)) {
    case Kind::None: return "None";
    case Kind::Bool: return v == v_true() ? "True" : "False";
    case Kind::Int: return int_to_string(v);
    case Kind::Float: return float_repr(float_of(v));
    case Kind::Str: return str_repr_std(sv(v));
    case Kind::Tuple: {
      TupleObj* t = v.as<TupleObj>();
      if (t->length == 0) return "()";
      ReprGuard g(t);
      if (g.recursive) return "(...)";
      std::string out = "(";
      join_items(out, t->items, t->length);
      return out + (t->length == 1 ? ",)" : ")");
    }
    case Kind::List: {
      ListObj* l = v.as<ListObj>();
      ReprGuard g(l);
      if (g.recursive) return "[...]";
      const ListBody* b = stm_read(l);
      GcVector<Value> items(b->items, b->items + b->length);   // element reprs may run code
      std::string out = "[";
      join_items(out, items.data(), int64_t(items.size()));
      return out + "]";
    }
    case Kind::Dict: return dict_repr(v.as<DictObj>());
    case Kind::Set:
    case Kind::FrozenSet: return set_repr(v.as<SetObj>());
    case Kind::Range: {
      RangeObj* r = v.as<RangeObj>();
      std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
      if (r->step != 1) out += ", " + std::to_string(r->step);
      return out + ")";
    }
    case Kind::Slice: {
      SliceObj* s = v.as<SliceObj>();
      return "slice(" + repr_std(s->start) + ", " + repr_std(s->stop) + ", " + repr_std(s->step) + ")";
    }
    case Kind::Iterator:
      if (v.as_obj()->cls != cls_iterator) return view_repr(v.as<IterObj>());
      return "<iterator object at " + hex_addr(v.as_obj()) + ">";
    case Kind::NotImplemented: return "NotImplemented";
    case Kind::Ellipsis: return "Ellipsis";
    case Kind::Function: {
      FunctionObj* f = v.as<FunctionObj>();
      StrObj* n = f->qualname ? f->qualname : f->name;
      return "<function " + std::string(n ? str_view(n) : "?") + " at " + hex_addr(f) + ">";
    }
    case Kind::Class:
      if (v.as_obj()->cls == cls_type) return class_repr(v.as<ClassObj>());
      break;
    default: break;
  }
  return call_repr_method(v, names.__repr__);
}

Value native_repr_method(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__repr__", nargs - 1, 0, 0);
  return make_str(repr_native(args[0]));
}

}  // namespace

std::string repr_std(Value v) {
  // Python subclasses of built-in types may define __repr__: go through the class then.
  if (v.is_obj() && v.as_obj()->cls->kind != Kind::Instance && class_is_user_defined(v.as_obj()->cls))
    return call_repr_method(v, names.__repr__);
  return repr_native(v);
}

void init_repr_methods() {
  for (ClassObj* c : {cls_int, cls_bool, cls_float, cls_str, cls_tuple, cls_list, cls_dict, cls_set, cls_frozenset,
                      cls_range, cls_slice, cls_NoneType, cls_dict_keys, cls_dict_values, cls_dict_items})
    def_method(c, "__repr__", native_repr_method);
}

std::string str_std(Value v) {
  if (v.is_small_int()) return int_to_string(v);
  switch (kind_of(v)) {
    case Kind::Str: return std::string(sv(v));
    case Kind::Instance: return call_repr_method(v, names.__str__);
    case Kind::Int:
    case Kind::Float:
    case Kind::List:
    case Kind::Dict:
    case Kind::Tuple:
      if (class_is_user_defined(class_of(v))) return call_repr_method(v, names.__str__);
      return repr_std(v);
    default: return repr_std(v);
  }
}

StrObj* repr(Value v) {
  if (is_exact(v, cls_str) && as_str(v)->ascii) {
    std::string_view s = sv(v);
    bool plain = true;
    for (char c : s)
      if (c == '\'' || c == '\\' || c < 0x20 || c == 0x7f) plain = false;
    if (plain) return str_new(std::string("'") + std::string(s) + "'");
  }
  return str_new(repr_std(v));
}

StrObj* str_of(Value v) {
  if (is_str(v)) return as_str(v);
  return str_new(str_std(v));
}

}  // namespace stmjit
