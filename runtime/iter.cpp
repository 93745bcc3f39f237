// iter.cpp: iteration and subscripts: get_iter / iter_next for every built-in iterable (one
// IterObj kind with a mode per source, incl. enumerate/zip/map/filter/reversed and dict views),
// the __iter__/__next__ protocol of user objects and generators, length(), and the
// getitem / setitem / delitem dispatch.
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {
void zip_strict_check(TupleObj* its, int64_t stopped);

bool usable(Value f) { return !f.is_empty() && !is_none(f); }

bool is_view(int32_t mode) { return mode >= VIEW_KEYS; }

// (container, size at start) for dict/set iterators, so size changes are detected.
Value sized_source(Value c, int64_t n) {
  Value items[2] = {c, make_int(n)};
  return Value::from_obj(tuple_from(items, 2));
}

Value call_next_protocol(Value f) {
  try {
    return call0(f);
  } catch (PyException& e) {
    if (exception_matches(e.exc, Value::from_obj(exc_StopIteration))) return Value();
    throw;
  }
}

Value builtin_iter_next(IterObj* it) {
  IterBody* b = stm_write(it);
  if (b->source.is_empty()) return Value();
  Value r;
  switch (b->mode) {
    case IT_LIST: {
      const ListBody* l = stm_read(b->source.as<ListObj>());
      if (b->index < l->length) r = l->items[b->index++];
      break;
    }
    case IT_TUPLE: {
      TupleObj* t = b->source.as<TupleObj>();
      if (b->index < t->length) r = t->items[b->index++];
      break;
    }
    case IT_STR: {   // index is a byte offset
      StrObj* s = as_str(b->source);
      if (b->index < s->nbytes) {
        const char* p = s->data + b->index;
        const char* start = p;
        decode_utf8(p);
        r = Value::from_obj(str_new(std::string_view(start, size_t(p - start))));
        b->index = p - s->data;
      }
      break;
    }
    case IT_RANGE: {
      RangeObj* rg = b->source.as<RangeObj>();
      if (b->index < rg->length) r = make_int(rg->start + rg->step * b->index++);
      break;
    }
    case IT_DICT_KEYS:
    case IT_DICT_VALUES:
    case IT_DICT_ITEMS: {
      TupleObj* src = b->source.as<TupleObj>();
      DictObj* d = src->items[0].as<DictObj>();
      if (dict_len(d) != src->items[1].as_small_int()) {
        b->source = Value();
        raise(exc_RuntimeError, "dictionary changed size during iteration");
      }
      Value k, v;
      if (dict_next(d, &b->index, &k, &v)) {
        if (b->mode == IT_DICT_KEYS) r = k;
        else if (b->mode == IT_DICT_VALUES) r = v;
        else {
          Value kv[2] = {k, v};
          r = Value::from_obj(tuple_from(kv, 2));
        }
      }
      break;
    }
    case IT_SET: {
      TupleObj* src = b->source.as<TupleObj>();
      SetObj* s = src->items[0].as<SetObj>();
      if (set_len(s) != src->items[1].as_small_int()) {
        b->source = Value();
        raise(exc_RuntimeError, "Set changed size during iteration");
      }
      Value k;
      if (set_next(s, &b->index, &k)) r = k;
      break;
    }
    case IT_SEQ: {
      Value src = b->source;
      int64_t i = b->index++;
      try {
        r = getitem(src, make_int(i));
      } catch (PyException& e) {
        if (!exception_matches(e.exc, Value::from_obj(exc_IndexError)) &&
            !exception_matches(e.exc, Value::from_obj(exc_StopIteration)))
          throw;
        r = Value();
      }
      b = stm_write(it);
      break;
    }
    case IT_REVERSED: {
      if (b->index >= 0) {
        int64_t i = b->index--;
        Value src = b->source;
        if (is_kind(src, Kind::List)) {
          const ListBody* l = stm_read(src.as<ListObj>());
          if (i < l->length) r = l->items[i];
        } else {
          r = getitem(src, make_int(i));
        }
        b = stm_write(it);
      }
      break;
    }
    case IT_ENUMERATE: {
      Value x = iter_next(b->source);
      b = stm_write(it);
      if (!x.is_empty()) {
        Value kv[2] = {make_int(b->index++), x};
        r = Value::from_obj(tuple_from(kv, 2));
      }
      break;
    }
    case IT_ZIP: {
      TupleObj* its = b->source.as<TupleObj>();
      if (its->length == 0) break;
      TupleObj* t = tuple_new(its->length);
      bool done = false;
      int64_t i = 0;
      for (; i < its->length && !done; i++) {
        t->items[i] = iter_next(its->items[i]);
        done = t->items[i].is_empty();
      }
      if (done && b->index == 1) zip_strict_check(its, i - 1);
      b = stm_write(it);
      if (!done) r = Value::from_obj(t);
      break;
    }
    case IT_MAP: {
      TupleObj* src = b->source.as<TupleObj>();
      int64_t n = src->length - 1;
      GcVector<Value> args(static_cast<size_t>(n));
      bool done = false;
      for (int64_t i = 0; i < n && !done; i++) {
        args[size_t(i)] = iter_next(src->items[i + 1]);
        done = args[size_t(i)].is_empty();
      }
      if (!done) r = call(src->items[0], args.data(), n);
      b = stm_write(it);
      break;
    }
    case IT_FILTER: {
      TupleObj* src = b->source.as<TupleObj>();
      for (;;) {
        Value x = iter_next(src->items[1]);
        if (x.is_empty()) break;
        bool keep = is_none(src->items[0]) ? truthy(x) : truthy(call1(src->items[0], x));
        if (keep) {
          r = x;
          break;
        }
      }
      b = stm_write(it);
      break;
    }
    case IT_CALLABLE: {
      TupleObj* src = b->source.as<TupleObj>();
      Value x = call0(src->items[0]);
      b = stm_write(it);
      if (!equals(x, src->items[1])) r = x;
      break;
    }
    default: break;
  }
  if (r.is_empty()) b->source = Value();   // exhausted iterators stay exhausted
  return r;
}

Value iterator_iter(Value* args, int64_t nargs, TupleObj*) { return get_iter(args[0]); }

Value iterator_next(Value* args, int64_t nargs, TupleObj*) {
  Value v = iter_next(args[0]);
  if (v.is_empty()) raise_value(Value::from_obj(exc_StopIteration));
  return v;
}

Value iterator_len(Value* args, int64_t nargs, TupleObj*) { return make_int(length(args[0])); }

[[noreturn]] void key_error(Value key) {
  Value exc = make_exception(exc_KeyError, "");
  setattr(exc, names.args, Value::from_obj(tuple_from(&key, 1)));
  raise_value(exc);
}

}  // namespace

IterObj* iter_make(ClassObj* cls, Value source, int64_t index, int32_t mode) {
  IterObj* it = gc_new<IterObj>(cls);
  IterBody* b = stm_init_body(it);
  b->source = source;
  b->index = index;
  b->mode = mode;
  return it;
}

GcVector<Value> collect_values(Value iterable) {
  GcVector<Value> out;
  if (is_kind(iterable, Kind::List)) {
    const ListBody* b = stm_read(iterable.as<ListObj>());
    out.assign(b->items, b->items + b->length);
    return out;
  }
  for_each(iterable, [&](Value x) {
    out.push_back(x);
    return true;
  });
  return out;
}

namespace {
// zip(strict=True) after iterator `stopped` ran out: all must end together.
void zip_strict_check(TupleObj* its, int64_t stopped) {
  auto plural = [](int64_t n) { return n == 1 ? std::string("argument 1") : "arguments 1-" + std::to_string(n); };
  if (stopped > 0)
    raise(exc_ValueError, "zip() argument %lld is shorter than %s", (long long)(stopped + 1), plural(stopped).c_str());
  for (int64_t j = 1; j < its->length; j++)
    if (!iter_next(its->items[j]).is_empty())
      raise(exc_ValueError, "zip() argument %lld is longer than %s", (long long)(j + 1), plural(j).c_str());
}

Value get_iter_via(Value f) {
  Value it = call0(f);
  Kind k = kind_of(it);
  if (k != Kind::Iterator && k != Kind::Generator && !usable(lookup_special(it, names.__next__)))
    raise(exc_TypeError, "iter() returned non-iterator of type '%s'", type_name(it).c_str());
  return it;
}

int64_t length_via(Value f) {
  Value r = call0(f);
  if (!is_int_like(r)) raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r).c_str());
  if (int_sign(r) < 0) raise(exc_ValueError, "__len__() should return >= 0");
  return as_index(r);
}
}  // namespace

Value get_iter_builtin(Value o) {
  switch (kind_of(o)) {
    case Kind::List: return Value::from_obj(iter_make(cls_iterator, o, 0, IT_LIST));
    case Kind::Tuple: return Value::from_obj(iter_make(cls_iterator, o, 0, IT_TUPLE));
    case Kind::Str: return Value::from_obj(iter_make(cls_iterator, o, 0, IT_STR));
    case Kind::Range: return Value::from_obj(iter_make(cls_iterator, o, 0, IT_RANGE));
    case Kind::Dict:
      return Value::from_obj(iter_make(cls_iterator, sized_source(o, dict_len(o.as<DictObj>())), 0, IT_DICT_KEYS));
    case Kind::Set:
    case Kind::FrozenSet:
      return Value::from_obj(iter_make(cls_iterator, sized_source(o, set_len(o.as<SetObj>())), 0, IT_SET));
    case Kind::Iterator: {
      const IterBody* b = stm_read(o.as<IterObj>());
      if (!is_view(b->mode)) return o;
      int32_t mode = b->mode == VIEW_KEYS ? IT_DICT_KEYS : b->mode == VIEW_VALUES ? IT_DICT_VALUES : IT_DICT_ITEMS;
      return Value::from_obj(
          iter_make(cls_iterator, sized_source(b->source, dict_len(b->source.as<DictObj>())), 0, mode));
    }
    case Kind::Generator: return o;
    default: break;
  }
  Value f = lookup_special(o, names.__iter__);
  if (usable(f)) return get_iter_via(f);
  if (usable(lookup_special(o, names.__getitem__)) && kind_of(o) != Kind::Class)
    return Value::from_obj(iter_make(cls_iterator, o, 0, IT_SEQ));
  raise(exc_TypeError, "'%s' object is not iterable", type_name(o).c_str());
}

Value iter_next(Value it) {
  Kind k = kind_of(it);
  if (k == Kind::Iterator) return builtin_iter_next(it.as<IterObj>());
  if (k == Kind::Generator) return generator_next(it);
  Value f = lookup_special(it, names.__next__);
  if (!usable(f)) raise(exc_TypeError, "'%s' object is not an iterator", type_name(it).c_str());
  return call_next_protocol(f);
}

int64_t length_builtin(Value o) {
  switch (kind_of(o)) {
    case Kind::Str: return as_str(o)->length;
    case Kind::List: return stm_read(o.as<ListObj>())->length;
    case Kind::Tuple: return o.as<TupleObj>()->length;
    case Kind::Dict: return dict_len(o.as<DictObj>());
    case Kind::Set:
    case Kind::FrozenSet: return set_len(o.as<SetObj>());
    case Kind::Range: return o.as<RangeObj>()->length;
    case Kind::Iterator: {
      const IterBody* b = stm_read(o.as<IterObj>());
      if (is_view(b->mode)) return dict_len(b->source.as<DictObj>());
      break;
    }
    default: break;
  }
  Value f = lookup_special(o, names.__len__);
  if (usable(f)) return length_via(f);
  raise(exc_TypeError, "object of type '%s' has no len()", type_name(o).c_str());
}

Value getitem_builtin(Value o, Value key) {
  switch (kind_of(o)) {
    case Kind::List: return list_getitem(o.as<ListObj>(), key);
    case Kind::Tuple: return tuple_getitem(o.as<TupleObj>(), key);
    case Kind::Str: return str_getitem(as_str(o), key);
    case Kind::Range: return range_getitem(o.as<RangeObj>(), key);
    case Kind::Dict: {
      Value v = dict_get(o.as<DictObj>(), key);
      if (!v.is_empty()) return v;
      if (o.as_obj()->cls != cls_dict) {
        Value missing = lookup_special(o, intern("__missing__"));
        if (usable(missing)) return call1(missing, key);
      }
      key_error(key);
    }
    default: break;
  }
  Value f = lookup_special(o, names.__getitem__);
  if (usable(f)) return call1(f, key);
  if (kind_of(o) == Kind::Class) {
    Value cg = getattr_opt(o, intern("__class_getitem__"));
    if (usable(cg)) return call1(cg, key);
    raise(exc_TypeError, "type '%s' is not subscriptable", class_name(o.as<ClassObj>()).data());
  }
  raise(exc_TypeError, "'%s' object is not subscriptable", type_name(o).c_str());
}

void setitem_builtin(Value o, Value key, Value v) {
  switch (kind_of(o)) {
    case Kind::List: return list_setitem(o.as<ListObj>(), key, v);
    case Kind::Dict: return dict_set(o.as<DictObj>(), key, v);
    default: break;
  }
  Value f = lookup_special(o, names.__setitem__);
  if (usable(f)) {
    call2(f, key, v);
    return;
  }
  raise(exc_TypeError, "'%s' object does not support item assignment", type_name(o).c_str());
}

void delitem_builtin(Value o, Value key) {
  switch (kind_of(o)) {
    case Kind::List: return list_delitem(o.as<ListObj>(), key);
    case Kind::Dict:
      if (!dict_del(o.as<DictObj>(), key)) key_error(key);
      return;
    default: break;
  }
  Value f = lookup_special(o, names.__delitem__);
  if (usable(f)) {
    call1(f, key);
    return;
  }
  raise(exc_TypeError, "'%s' object doesn't support item deletion", type_name(o).c_str());
}

void init_iter_methods() {
  cls_dict_keys = class_alloc_builtin(Kind::Iterator);
  cls_dict_keys->cls = cls_type;
  class_setup_builtin(cls_dict_keys, "dict_keys", cls_object);
  cls_dict_values = class_alloc_builtin(Kind::Iterator);
  cls_dict_values->cls = cls_type;
  class_setup_builtin(cls_dict_values, "dict_values", cls_object);
  cls_dict_items = class_alloc_builtin(Kind::Iterator);
  cls_dict_items->cls = cls_type;
  class_setup_builtin(cls_dict_items, "dict_items", cls_object);
  for (ClassObj* c : {cls_iterator, cls_dict_keys, cls_dict_values, cls_dict_items}) {
    def_method(c, "__iter__", iterator_iter);
    if (c != cls_iterator) def_method(c, "__len__", iterator_len);
  }
  def_method(cls_iterator, "__next__", iterator_next);
}

// The protocol entry points: a Python subclass of a built-in type may override the dunder.
Value get_iter(Value o) {
  if (Value f = user_dunder_override(o, names.__iter__); !f.is_empty()) return get_iter_via(f);
  return get_iter_builtin(o);
}

int64_t length(Value o) {
  if (Value f = user_dunder_override(o, names.__len__); !f.is_empty()) return length_via(f);
  return length_builtin(o);
}

Value getitem(Value o, Value key) {
  if (Value f = user_dunder_override(o, names.__getitem__); !f.is_empty()) return call1(f, key);
  return getitem_builtin(o, key);
}

void setitem(Value o, Value key, Value v) {
  if (Value f = user_dunder_override(o, names.__setitem__); !f.is_empty()) {
    call2(f, key, v);
    return;
  }
  setitem_builtin(o, key, v);
}

void delitem(Value o, Value key) {
  if (Value f = user_dunder_override(o, names.__delitem__); !f.is_empty()) {
    call1(f, key);
    return;
  }
  delitem_builtin(o, key);
}

}  // namespace stmjit
