// interpreter_ops.cpp: out-of-line bytecode helpers (see interpreter_ops.h), with CPython's
// error texts for unpacking, raise and with.
#include "interpreter/interpreter_ops.h"

#include <string>

#include "interpreter/interpreter.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {
GcVector<Value> collect(Value iterable) {
  GcVector<Value> out;
  Value it = get_iter(iterable);
  for (Value v = iter_next(it); !v.is_empty(); v = iter_next(it)) out.push_back(v);
  return out;
}

Value iter_or_unpack_error(Value seq) {
  Value it;
  try {
    it = get_iter(seq);
  } catch (PyException& e) {
    if (exception_matches(e.exc, Value::from_obj(exc_TypeError)) && lookup_special(seq, names.__iter__).is_empty() &&
        lookup_special(seq, names.__getitem__).is_empty())
      raise(exc_TypeError, "cannot unpack non-iterable %s object", type_name(seq).c_str());
    throw;
  }
  return it;
}
}  // namespace

Value* op_unpack_sequence(Value* sp, Value seq, int64_t n) {
  if (seq.is_obj() && seq.as_obj()->cls == cls_tuple) {
    TupleObj* t = seq.as<TupleObj>();
    if (t->length == n) {
      for (int64_t i = n - 1; i >= 0; i--) *sp++ = t->items[i];
      return sp;
    }
  }
  if (seq.is_obj() && seq.as_obj()->cls == cls_list) {
    const ListBody* b = stm_read(seq.as<ListObj>());
    if (b->length == n) {
      for (int64_t i = n - 1; i >= 0; i--) *sp++ = b->items[i];
      return sp;
    }
  }
  Value it = iter_or_unpack_error(seq);
  GcVector<Value> items;
  for (int64_t i = 0; i <= n; i++) {
    Value v = iter_next(it);
    if (v.is_empty()) break;
    items.push_back(v);
  }
  int64_t got = int64_t(items.size());
  if (got < n)
    raise(exc_ValueError, "not enough values to unpack (expected %lld, got %lld)", (long long)n, (long long)got);
  if (got > n) raise(exc_ValueError, "too many values to unpack (expected %lld)", (long long)n);
  for (int64_t i = n - 1; i >= 0; i--) *sp++ = items[size_t(i)];
  return sp;
}

Value* op_unpack_ex(Value* sp, Value seq, int64_t before, int64_t after) {
  iter_or_unpack_error(seq);
  GcVector<Value> items = collect(seq);
  int64_t got = int64_t(items.size());
  if (got < before + after)
    raise(exc_ValueError, "not enough values to unpack (expected at least %lld, got %lld)",
          (long long)(before + after), (long long)got);
  for (int64_t i = 0; i < after; i++) *sp++ = items[size_t(got - 1 - i)];
  *sp++ = Value::from_obj(list_from(items.data() + before, got - before - after));
  for (int64_t i = before - 1; i >= 0; i--) *sp++ = items[size_t(i)];
  return sp;
}

namespace {
// The built-in function `name` of the builtins module, as runtime_init defined it. Read once
// into a function-local static (C++ makes that initialisation thread safe; the value never
// changes afterwards): these statics used to be filled lazily with plain stores, a data race
// once threads run in parallel. Read outside the running transaction: the builtins cells are
// committed at start-up, and a transaction must not leave its private value here for good.
Value builtin_function_named(const char* name) {
  OutsideTransaction no_tx;
  return module_get(builtins_module(), intern(name));
}
}  // namespace

Value op_format_value(Value v, int conversion, Value spec) {
  if (conversion == 1) v = Value::from_obj(str_of(v));
  else if (conversion == 2) v = Value::from_obj(repr(v));
  else if (conversion == 3) {
    static const Value ascii_fn = builtin_function_named("ascii");
    v = ascii_fn.is_empty() ? Value::from_obj(repr(v)) : call1(ascii_fn, v);
  }
  bool empty_spec = spec.is_empty() || spec.as<StrObj>()->nbytes == 0;
  if (empty_spec && v.is_obj() && v.as_obj()->cls == cls_str) return v;
  if (empty_spec && (v.is_small_int() || (v.is_obj() && v.as_obj()->cls == cls_int))) return Value::from_obj(str_of(v));
  static const Value format_fn = builtin_function_named("format");
  if (format_fn.is_empty()) {
    if (!empty_spec) raise(exc_NotImplementedError, "format specifications need the builtin format()");
    return Value::from_obj(str_of(v));
  }
  return empty_spec ? call1(format_fn, v) : call2(format_fn, v, spec);
}

Value op_build_string(Value* items, int64_t n) {
  std::string s;
  for (int64_t i = 0; i < n; i++) s += str_view(items[i].as<StrObj>());
  return make_str(s);
}

Value op_build_slice(Value* items, int64_t n) {
  SliceObj* s = gc_new<SliceObj>(cls_slice);
  s->start = items[0];
  s->stop = items[1];
  s->step = n == 3 ? items[2] : v_none();
  return Value::from_obj(s);
}

Value op_build_map(Value* items, int64_t n) {
  DictObj* d = dict_new();
  for (int64_t i = 0; i < n; i++) dict_set(d, items[2 * i], items[2 * i + 1]);
  return Value::from_obj(d);
}

Value op_build_set(Value* items, int64_t n) {
  SetObj* s = set_new();
  for (int64_t i = 0; i < n; i++) set_add(s, items[i]);
  return Value::from_obj(s);
}

void op_list_extend(Value list, Value iterable) {
  ListObj* l = list.as<ListObj>();
  if (iterable.is_obj() && iterable.as_obj()->cls == cls_tuple) {
    TupleObj* t = iterable.as<TupleObj>();
    for (int64_t i = 0; i < t->length; i++) list_append(l, t->items[i]);
    return;
  }
  Value it;
  try {
    it = get_iter(iterable);
  } catch (PyException& e) {
    if (exception_matches(e.exc, Value::from_obj(exc_TypeError)) && lookup_special(iterable, names.__iter__).is_empty())
      raise(exc_TypeError, "Value after * must be an iterable, not %s", type_name(iterable).c_str());
    throw;
  }
  for (Value v = iter_next(it); !v.is_empty(); v = iter_next(it)) list_append(l, v);
}

void op_set_update(Value set, Value iterable) { set_update(set.as<SetObj>(), iterable); }

void op_dict_update(Value dict, Value mapping, bool merge, Value callee) {
  DictObj* d = dict.as<DictObj>();
  GcVector<Value> keys, values;
  if (mapping.is_obj() && mapping.as_obj()->cls->kind == Kind::Dict) {
    const DictBody* b = stm_read(mapping.as<DictObj>());
    for (int64_t i = 0; i < b->used; i++)
      if (!b->entries[i].key.is_empty()) {
        keys.push_back(b->entries[i].key);
        values.push_back(b->entries[i].value);
      }
  } else {
    Value keys_fn = getattr_opt(mapping, intern("keys"));
    if (keys_fn.is_empty()) {
      if (merge) {
        std::string fn = callee.is_empty() ? "function" : std::string(str_view(repr(callee)));
        if (kind_of(callee) == Kind::Function) fn = std::string(str_view(callee.as<FunctionObj>()->qualname)) + "()";
        raise(exc_TypeError, "%s argument after ** must be a mapping, not %s", fn.c_str(), type_name(mapping).c_str());
      }
      raise(exc_TypeError, "'%s' object is not a mapping", type_name(mapping).c_str());
    }
    Value it = get_iter(call0(keys_fn));
    for (Value k = iter_next(it); !k.is_empty(); k = iter_next(it)) {
      keys.push_back(k);
      values.push_back(getitem(mapping, k));
    }
  }
  for (size_t i = 0; i < keys.size(); i++) {
    if (merge) {
      if (!(keys[i].is_obj() && keys[i].as_obj()->cls->kind == Kind::Str)) raise(exc_TypeError, "keywords must be strings");
      if (!dict_get(d, keys[i]).is_empty()) {
        std::string fn = kind_of(callee) == Kind::Function ? std::string(str_view(callee.as<FunctionObj>()->qualname)) : "function";
        raise(exc_TypeError, "%s() got multiple values for keyword argument '%s'", fn.c_str(),
              std::string(str_view(keys[i].as<StrObj>())).c_str());
      }
    }
    dict_set(d, keys[i], values[i]);
  }
}

Value op_list_to_tuple(Value list) {
  const ListBody* b = stm_read(list.as<ListObj>());
  return Value::from_obj(tuple_from(b->items, b->length));
}

namespace {
Value instantiate_exception(Value v, bool for_cause) {
  if (v.is_obj() && v.as_obj()->cls->kind == Kind::Class) {
    ClassObj* c = v.as<ClassObj>();
    if (is_subclass(c, exc_BaseException)) return call0(v);
  } else if (isinstance(v, exc_BaseException)) {
    return v;
  }
  if (for_cause) raise(exc_TypeError, "exception causes must derive from BaseException");
  raise(exc_TypeError, "exceptions must derive from BaseException");
}
}  // namespace

Value op_make_raise(Value v, Value cause, bool has_cause) {
  Value exc = instantiate_exception(v, false);
  if (has_cause) {
    Value c = is_none(cause) ? v_none() : instantiate_exception(cause, true);
    exception_set_cause(exc, c);
  }
  return exc;
}

void op_before_with(Value mgr, Value* exit_out, Value* value_out) {
  Value enter = lookup_special(mgr, names.__enter__);
  if (enter.is_empty())
    raise(exc_TypeError, "'%s' object does not support the context manager protocol", type_name(mgr).c_str());
  Value exit = lookup_special(mgr, names.__exit__);
  if (exit.is_empty())
    raise(exc_TypeError, "'%s' object does not support the context manager protocol (missed __exit__ method)",
          type_name(mgr).c_str());
  *exit_out = exit;
  *value_out = call0(enter);
}

Value op_with_except_start(Value exit, Value exc) {
  Value tb = getattr_opt(exc, names.__traceback__);
  Value args[3] = {Value::from_obj(class_of(exc)), exc, tb.is_empty() ? v_none() : tb};
  return call(exit, args, 3);
}

Value op_call_ex(Value f, Value argtuple, Value kwdict) {
  if (!(argtuple.is_obj() && argtuple.as_obj()->cls == cls_tuple)) argtuple = Value::from_obj(tuple_from(nullptr, 0));
  TupleObj* a = argtuple.as<TupleObj>();
  if (kwdict.is_empty()) return call_interp(f, a->items, a->length, nullptr);
  const DictBody* b = stm_read(kwdict.as<DictObj>());
  int64_t nkw = b->length;
  if (nkw == 0) return call_interp(f, a->items, a->length, nullptr);
  GcVector<Value> buf(size_t(a->length + nkw));
  TupleObj* kwnames = tuple_new(nkw);
  for (int64_t i = 0; i < a->length; i++) buf[size_t(i)] = a->items[i];
  int64_t k = 0;
  for (int64_t i = 0; i < b->used; i++) {
    if (b->entries[i].key.is_empty()) continue;
    Value key = b->entries[i].key;
    StrObj* s = key.as<StrObj>();
    kwnames->items[k] = Value::from_obj(s->interned ? s : intern(str_view(s)));
    buf[size_t(a->length + k)] = b->entries[i].value;
    k++;
  }
  return call_interp(f, buf.data(), a->length, kwnames);
}

Value op_make_function(Frame* f, Value* items, uint32_t flags, Value code) {
  CodeObj* c = code.as<CodeObj>();
  FunctionObj* fn = gc_new<FunctionObj>(cls_function);
  fn->code = c;
  fn->module = f->globals;
  fn->name = c->name;
  fn->qualname = c->qualname;
  int i = 0;
  if (flags & 1) fn->defaults = items[i++].as<TupleObj>();
  if (flags & 2) fn->kwdefaults = items[i++].as<DictObj>();
  if (flags & 8) fn->annotations.store(items[i++].as<DictObj>(), std::memory_order_relaxed);
  if (flags & 4) fn->closure = items[i++].as<TupleObj>();
  return Value::from_obj(fn);
}

namespace {
// The metaclass of a new class: the explicit one, made the most derived of it and the bases'.
ClassObj* pick_metaclass(Value explicit_meta, TupleObj* bases) {
  ClassObj* meta = cls_type;
  if (!explicit_meta.is_empty()) {
    if (kind_of(explicit_meta) != Kind::Class) return nullptr;   // a plain callable: just call it
    meta = explicit_meta.as<ClassObj>();
  }
  for (int64_t i = 0; i < bases->length; i++) {
    ClassObj* bm = class_of(bases->items[i]);
    if (is_subclass(meta, bm)) continue;
    if (is_subclass(bm, meta)) {
      meta = bm;
      continue;
    }
    raise(exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                         "subclass of the metaclasses of all its bases");
  }
  return meta;
}
}  // namespace

Value op_build_class(Frame* f, Value* items, int64_t nbases, TupleObj* kwnames) {
  FunctionObj* body = items[0].as<FunctionObj>();
  StrObj* name = items[1].as<StrObj>();
  TupleObj* bases = tuple_from(items + 2, nbases);
  for (int64_t i = 0; i < nbases; i++)
    if (!(bases->items[i].is_obj() && bases->items[i].as_obj()->cls->kind == Kind::Class))
      raise(exc_TypeError, "bases must be types");
  // Split `metaclass=` from the other class keywords (which go to the metaclass / __init_subclass__).
  Value* kwvalues = items + 2 + nbases;
  Value explicit_meta;
  GcVector<Value> rest_values;
  GcVector<Value> rest_names;
  for (int64_t i = 0; kwnames && i < kwnames->length; i++) {
    if (str_view(kwnames->items[i].as<StrObj>()) == "metaclass") explicit_meta = kwvalues[i];
    else {
      rest_values.push_back(kwvalues[i]);
      rest_names.push_back(kwnames->items[i]);
    }
  }
  TupleObj* rest_kwnames = rest_names.empty() ? nullptr : tuple_from(rest_names.data(), int64_t(rest_names.size()));
  ClassObj* meta = pick_metaclass(explicit_meta, bases);
  Value callable_meta = meta ? Value::from_obj(meta) : explicit_meta;

  // __prepare__ (a metaclass method) may supply the namespace; it must be a dict here.
  DictObj* ns = nullptr;
  static StrObj* prepare = intern("__prepare__");
  Value prep = meta && meta != cls_type ? getattr_opt(callable_meta, prepare) : Value();
  if (!prep.is_empty()) {
    GcVector<Value> a{Value::from_obj(name), Value::from_obj(bases)};
    a.insert(a.end(), rest_values.begin(), rest_values.end());
    Value r = call(prep, a.data(), 2, rest_kwnames);
    if (kind_of(r) != Kind::Dict)
      raise(exc_TypeError, "%s.__prepare__() must return a dict (other mappings are not supported by stmjit)",
            meta ? class_name(meta).data() : "<metaclass>");
    ns = r.as<DictObj>();
  } else {
    ns = dict_new();
  }
  Value cell = run_class_body(body, ns);
  Value modname = module_get(f->globals, names.__name__);
  StrObj* mn = (modname.is_obj() && modname.as_obj()->cls == cls_str) ? modname.as<StrObj>() : f->globals->name;
  Value cls;
  if (meta == cls_type) {
    cls = Value::from_obj(class_new_full(name, bases, ns, mn, cls_type, rest_values.data(), rest_kwnames));
  } else {
    if (dict_get_str(ns, names.__module__).is_empty()) dict_set(ns, Value::from_obj(names.__module__), Value::from_obj(mn));
    GcVector<Value> a{Value::from_obj(name), Value::from_obj(bases), Value::from_obj(ns)};
    a.insert(a.end(), rest_values.begin(), rest_values.end());
    cls = call(callable_meta, a.data(), 3, rest_kwnames);
  }
  if (cell.is_obj() && cell.as_obj()->cls == cls_cell && kind_of(cls) == Kind::Class)
    stm_write(cell.as<CellObj>())->value = cls;
  return cls;
}

Value op_load_name(Frame* f, StrObj* name) {
  if (f->locals_dict) {
    Value v = dict_get_str(f->locals_dict, name);
    if (!v.is_empty()) return v;
  }
  Value v = module_get(f->globals, name);
  if (v.is_empty()) v = module_get(builtins_module(), name);
  if (v.is_empty()) raise(exc_NameError, "name '%s' is not defined", str_view(name).data());
  return v;
}

Value op_load_classderef(Frame* f, int32_t idx) {
  const CodeObj* c = f->code;
  StrObj* name = idx < c->ncells ? c->cellvars[idx] : c->freevars[idx - c->ncells];
  if (f->locals_dict) {
    Value v = dict_get_str(f->locals_dict, name);
    if (!v.is_empty()) return v;
  }
  Value v = stm_read(f->cells()[idx].as<CellObj>())->value;
  if (v.is_empty()) op_unbound_deref(c, idx);
  return v;
}

void op_store_name(Frame* f, StrObj* name, Value v) {
  if (f->locals_dict) dict_set(f->locals_dict, Value::from_obj(name), v);
  else module_set(f->globals, name, v);
}

void op_delete_name(Frame* f, StrObj* name) {
  bool ok;
  if (f->locals_dict) {
    ok = dict_del(f->locals_dict, Value::from_obj(name));
  } else {
    CellObj* c = module_cell(f->globals, name, false);
    ok = c && !stm_read(c)->value.is_empty();
    if (ok) stm_write(c)->value = Value();
  }
  if (!ok) raise(exc_NameError, "name '%s' is not defined", str_view(name).data());
}

void op_unbound_local(const CodeObj* c, int32_t idx) {
  raise(exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
        str_view(c->varnames[idx]).data());
}

void op_unbound_deref(const CodeObj* c, int32_t idx) {
  if (idx < c->ncells)
    raise(exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
          str_view(c->cellvars[idx]).data());
  raise(exc_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
        str_view(c->freevars[idx - c->ncells]).data());
}

Value op_get_yield_from_iter(Value v) {
  if (kind_of(v) == Kind::Generator) return v;
  return get_iter(v);
}

bool op_yield_from_step(Value it, Value sent, Value* out) {
  if (kind_of(it) == Kind::Generator) return gen_resume(it, sent, Value(), out);
  if (sent.is_empty() || is_none(sent)) {
    Value v = iter_next(it);
    if (v.is_empty()) {
      *out = v_none();
      return false;
    }
    *out = v;
    return true;
  }
  try {
    *out = call_method(it, intern("send"), &sent, 1);
    return true;
  } catch (PyException& e) {
    if (!exception_matches(e.exc, Value::from_obj(exc_StopIteration))) throw;
    Value v = getattr_opt(e.exc, names.value);
    *out = v.is_empty() ? v_none() : v;
    return false;
  }
}

bool throw_into_subiterator(Value sub, Value exc, Value* out) {
  if (exception_matches(exc, Value::from_obj(exc_GeneratorExit))) {
    Value close = getattr_opt(sub, intern("close"));
    if (!close.is_empty()) call0(close);
    raise_value(exc);
  }
  if (kind_of(sub) == Kind::Generator) return gen_resume(sub, Value(), exc, out);
  Value thrower = getattr_opt(sub, intern("throw"));
  if (thrower.is_empty()) raise_value(exc);
  try {
    *out = call1(thrower, exc);
    return true;
  } catch (PyException& e) {
    if (!exception_matches(e.exc, Value::from_obj(exc_StopIteration))) throw;
    Value v = getattr_opt(e.exc, names.value);
    *out = v.is_empty() ? v_none() : v;
    return false;
  }
}

}  // namespace stmjit
