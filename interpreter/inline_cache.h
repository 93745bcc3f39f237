// inline_cache.h: the inline caches of LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR and LOAD_METHOD.
//
// Each cache-owning instruction has one slot, CodeObj::caches[pc]: an atomic pointer to an
// immutable, GC-allocated entry. A miss builds a new entry and publishes it with one release
// store, so concurrent threads see either the old or the new entry, never a torn one.
// Attribute caches are polymorphic: entries form an immutable list (newest first) of at most
// kMaxPolymorphism shapes, because sites like `task.link` in richards see several classes.
// Entries are keyed on things that never change meaning: a Shape (implies the class and the
// slot layout) plus ClassObj::version (bumped on any class attribute change up the MRO),
// or a module CellObj (cells are never removed).
#pragma once
#include "interpreter/code.h"
#include "runtime/instance.h"
#include "runtime/object_model.h"

namespace stmjit {

struct GlobalCacheEntry { CellObj* cell; CellObj* builtin; };
// LOAD_ATTR / LOAD_METHOD. Instances: keyed on `shape`. Values of built-in types (LOAD_METHOD
// only): shape is null and the key is `cls`; plan is then Method with the type's function.
struct AttrCacheEntry {
  Shape* shape; ClassObj* cls; uint64_t version; InstanceAttrPlan plan;
  const AttrCacheEntry* next; int32_t depth;   // older entries of this site (immutable list)
};
// shape_after != shape_before: the store adds attribute `slot` (an inline slot).
struct StoreAttrCacheEntry {
  Shape* shape_before; Shape* shape_after; uint64_t version; int32_t slot;
  const StoreAttrCacheEntry* next; int32_t depth;
};
constexpr int32_t kMaxPolymorphism = 4;

template <class T> inline T* cache_get(std::atomic<void*>& slot) {
  return static_cast<T*>(slot.load(std::memory_order_acquire));
}
template <class T> inline void cache_put(std::atomic<void*>& slot, const T& e) {
  T* p = static_cast<T*>(gc_alloc(sizeof(T)));
  *p = e;
  slot.store(p, std::memory_order_release);
}

// Publishes `e` in front of the site's current list (dropping the list once it is full).
template <class T> inline void cache_push(std::atomic<void*>& slot, T e) {
  const T* old = cache_get<T>(slot);
  e.next = (old && old->depth + 1 < kMaxPolymorphism) ? old : nullptr;
  e.depth = e.next ? old->depth + 1 : 0;
  cache_put(slot, e);
}

// The valid entry for an instance of `shape`, or null.
inline const AttrCacheEntry* attr_cache_find(std::atomic<void*>& slot, const Shape* shape) {
  for (const AttrCacheEntry* e = cache_get<AttrCacheEntry>(slot); e; e = e->next)
    if (e->shape == shape && e->cls->version.load(std::memory_order_acquire) == e->version) return e;
  return nullptr;
}
// The valid entry for a value of built-in class `cls` (LOAD_METHOD), or null.
inline const AttrCacheEntry* attr_cache_find_builtin(std::atomic<void*>& slot, const ClassObj* cls) {
  for (const AttrCacheEntry* e = cache_get<AttrCacheEntry>(slot); e; e = e->next)
    if (!e->shape && e->cls == cls && e->cls->version.load(std::memory_order_acquire) == e->version) return e;
  return nullptr;
}
inline const StoreAttrCacheEntry* store_cache_find(std::atomic<void*>& slot, const Shape* shape) {
  for (const StoreAttrCacheEntry* e = cache_get<StoreAttrCacheEntry>(slot); e; e = e->next)
    if (e->shape_before == shape && e->shape_after->cls->version.load(std::memory_order_acquire) == e->version)
      return e;
  return nullptr;
}

inline Value make_bound_method(Value self, Value func) {
  BoundMethodObj* m = gc_new<BoundMethodObj>(cls_method);
  m->self = self;
  m->func = func;
  return Value::from_obj(m);
}

// Slow paths (interpreter_cache.cpp): fill the cache when possible, return the result.
GlobalCacheEntry* global_cache_fill(std::atomic<void*>& slot, ModuleObj* m, StrObj* name);
Value load_global_slow(ModuleObj* m, StrObj* name);       // NameError if missing
Value load_attr_slow(std::atomic<void*>& slot, Value o, StrObj* name);
void store_attr_slow(std::atomic<void*>& slot, Value o, StrObj* name, Value v);
// Pushes [func, self] or [value, empty] into out[0..1].
void load_method_slow(std::atomic<void*>& slot, Value o, StrObj* name, Value* out);

}  // namespace stmjit
