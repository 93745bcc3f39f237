// instance.cpp: instances of user classes (and of built-in exception classes): allocation with
// slack tracking, and the raw attribute storage on top of shapes (no descriptors here; see
// attr.cpp for the Python-level lookup rules).
#include <algorithm>
#include <cstddef>

#include "runtime/instance.h"
#include "runtime/object_model.h"

namespace stmjit {

InstanceObj* instance_new(ClassObj* cls) {
  InstanceObj* o = gc_new<InstanceObj>(cls);
  InstanceBody* b = stm_init_body(o);
  b->shape = cls->root_shape;
  // Slack tracking: instances of a class usually end up with the same attributes, so allocate
  // the overflow room the previous instances needed up front instead of growing it step by step.
  int32_t expected = cls->expected_slots.load(std::memory_order_relaxed);
  if (expected > kInlineSlots) b->extra = instance_extra_copy(nullptr, expected - kInlineSlots);
  return o;
}

InstanceExtra* instance_extra_copy(const InstanceExtra* from, int64_t capacity) {
  size_t bytes = offsetof(InstanceExtra, slots) + sizeof(Value) * size_t(capacity);
  auto* e = static_cast<InstanceExtra*>(gc_alloc(bytes));   // zeroed: the other slots are empty
  e->capacity = capacity;
  if (from) {
    e->dict = from->dict;
    std::copy_n(from->slots, std::min(capacity, from->capacity), e->slots);
  }
  return e;
}

Value instance_load_attr(InstanceObj* o, StrObj* name) {
  const InstanceBody* b = stm_read(o);
  if (DictObj* d = instance_mode_dict(b)) return dict_get(d, Value::from_obj(name));
  int32_t i = shape_find(b->shape, name);
  return i < 0 ? Value() : instance_slot_load(b, i);
}

namespace {

bool name_in_slots(Value slots, StrObj* name) {
  switch (kind_of(slots)) {
    case Kind::Str:
      return str_view(slots.as<StrObj>()) == str_view(name);
    case Kind::Tuple: {
      TupleObj* t = slots.as<TupleObj>();
      for (int64_t i = 0; i < t->length; i++)
        if (kind_of(t->items[i]) == Kind::Str && str_view(t->items[i].as<StrObj>()) == str_view(name))
          return true;
      return false;
    }
    case Kind::List: {
      const ListBody* l = stm_read(slots.as<ListObj>());
      for (int64_t i = 0; i < l->length; i++)
        if (kind_of(l->items[i]) == Kind::Str && str_view(l->items[i].as<StrObj>()) == str_view(name))
          return true;
      return false;
    }
    default:
      return true;   // some other iterable: do not restrict
  }
}

// A class whose every Python-defined class in the MRO declares __slots__ (without "__dict__")
// only accepts the declared names. True when `name` may be stored.
bool slots_allow(ClassObj* cls, StrObj* name) {
  bool restricted = false;
  bool allowed = false;
  for (int64_t i = 0; i < cls->mro->length; i++) {
    ClassObj* c = cls->mro->items[i].as<ClassObj>();
    if (c == cls_object) continue;
    if (!class_is_user_defined(c)) return true;   // built-in exceptions have a __dict__
    Value slots = class_get_own(c, names.__slots__);
    if (slots.is_empty()) return true;
    restricted = true;
    if (name_in_slots(slots, name) || name_in_slots(slots, names.__dict__)) allowed = true;
  }
  return !restricted || allowed;
}

void check_slots(ClassObj* cls, StrObj* name) {
  if (!slots_allow(cls, name))
    raise(exc_AttributeError, "'%s' object has no attribute '%s'", class_name(cls).data(),
          str_view(name).data());
}

// The child shape adding `name` if some instance already made that transition.
Shape* existing_child(Shape* s, StrObj* name) {
  std::lock_guard<std::mutex> g(*s->transitions_lock);
  for (Shape* child : *s->transitions)
    if (child->names[child->nslots - 1] == name) return child;
  return nullptr;
}

void ensure_capacity(InstanceBody* b, int64_t nslots) {
  int64_t old = instance_capacity(b) - kInlineSlots;
  if (nslots - kInlineSlots <= old) return;
  int64_t cap = std::max<int64_t>(nslots - kInlineSlots, std::max<int64_t>(4, old * 2));
  b->extra = instance_extra_copy(b->extra, cap);
}

}  // namespace

void instance_store_attr(InstanceObj* o, StrObj* name, Value v) {
  InstanceBody* b = stm_write(o);
  if (DictObj* d = instance_mode_dict(b)) {
    dict_set(d, Value::from_obj(name), v);
    return;
  }
  Shape* s = b->shape;
  if (!s)
    raise(exc_AttributeError, "'%s' object has no attribute '%s'", class_name(o->cls).data(),
          str_view(name).data());
  int32_t i = shape_find(s, name);
  if (i >= 0) {
    instance_slot_store(b, i, v);
    return;
  }
  Shape* next = existing_child(s, name);
  if (!next) {
    check_slots(o->cls, name);
    next = shape_add(s, name);
  }
  ensure_capacity(b, next->nslots);
  instance_slot_store(b, s->nslots, v);
  b->shape = next;
  // A sizing hint shared by every thread (not transactional: an abort need not undo it).
  // Raised with a CAS so two threads racing cannot lower it; relaxed: it orders nothing.
  std::atomic<int32_t>& hint = o->cls->expected_slots;
  int32_t expected = hint.load(std::memory_order_relaxed);
  while (next->nslots > expected &&
         !hint.compare_exchange_weak(expected, next->nslots, std::memory_order_relaxed)) {
  }
}

bool instance_delete_attr(InstanceObj* o, StrObj* name) {
  InstanceBody* b = stm_write(o);
  if (DictObj* d = instance_mode_dict(b)) return dict_del(d, Value::from_obj(name));
  Shape* s = b->shape;
  int32_t del = shape_find(s, name);
  if (del < 0) return false;
  // Shapes only grow: rebuild the attribute sequence without `name` from the root shape.
  int32_t n = s->nslots;
  GcVector<Value> vals;
  GcVector<StrObj*> keys;
  for (int32_t i = 0; i < n; i++) {
    if (i == del) continue;
    keys.push_back(s->names[i]);
    vals.push_back(instance_slot_load(b, i));
  }
  Shape* t = o->cls->root_shape;
  for (StrObj* k : keys) t = shape_add(t, k);
  for (size_t i = 0; i < vals.size(); i++) instance_slot_store(b, int32_t(i), vals[i]);
  instance_slot_store(b, n - 1, Value());
  b->shape = t;
  return true;
}

bool class_has_instance_dict(ClassObj* cls) {
  if (cls == cls_object || !cls->root_shape) return false;
  return slots_allow(cls, names.__dict__);
}

DictObj* instance_dict(InstanceObj* o) {
  const InstanceBody* rb = stm_read(o);
  if (DictObj* d = instance_mode_dict(rb)) return d;
  DictObj* d = dict_new();
  if (!rb->shape) return d;   // object() instances: no attributes, and no storage for any
  for (int32_t i = 0; i < rb->shape->nslots; i++)
    dict_set(d, Value::from_obj(rb->shape->names[i]), instance_slot_load(rb, i));
  // Switch to dict mode: shape-keyed inline caches stop matching this instance, so every
  // later access goes through the slow paths, which use the dict. The slots and their
  // overflow room are dropped: a fresh block holds just the dict.
  InstanceBody* b = stm_write(o);
  InstanceExtra* e = instance_extra_copy(nullptr, 0);
  e->dict = d;
  b->extra = e;
  b->shape = nullptr;
  for (Value& v : b->inline_slots) v = Value();
  return d;
}

}  // namespace stmjit
