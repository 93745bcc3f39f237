// interpreter_cache.cpp: the slow paths of the inline caches (see inline_cache.h): look the
// attribute / global up the ordinary way and, when the answer is cacheable, publish an entry.
#include "interpreter/inline_cache.h"

namespace stmjit {

namespace {
// Was `o` created by this thread's running transaction (a fresh object, not committed yet)?
// A fresh object is owned by its creator and written in place: its private version is the
// committed one. (An older object this transaction wrote has a private copy instead.)
template <class Body>
bool fresh_in_this_tx(const MutObj<Body>* o) {
  stm::StmTx* tx = t_stm_tx;
  if (!tx || !o) return false;
  stm::StmVersion* mine = stm::stm_owned_version(tx, &o->stm_header);
  return mine && mine == o->stm_header.committed.load(std::memory_order_relaxed);
}
}  // namespace

GlobalCacheEntry* global_cache_fill(std::atomic<void*>& slot, ModuleObj* m, StrObj* name) {
  GlobalCacheEntry e{module_cell(m, name, true), module_cell(builtins_module(), name, false)};
  // A cell this transaction just created exists only in its private version of the module's
  // cell table: if the transaction aborts, the cell is an orphan, and a cache entry pointing
  // at it would send every later LOAD_GLOBAL at this site to a cell nobody stores to. Such
  // an entry serves this one execution only; the site is cached once the cell is committed.
  if (fresh_in_this_tx(e.cell) || fresh_in_this_tx(e.builtin)) {
    auto* p = static_cast<GlobalCacheEntry*>(gc_alloc(sizeof(GlobalCacheEntry)));
    *p = e;
    return p;
  }
  cache_put(slot, e);
  return cache_get<GlobalCacheEntry>(slot);
}

Value load_global_slow(ModuleObj* m, StrObj* name) {
  Value v = module_get(m, name);
  if (v.is_empty()) v = module_get(builtins_module(), name);
  if (v.is_empty()) raise(exc_NameError, "name '%s' is not defined", str_view(name).data());
  return v;
}

namespace {
inline Value apply_plan(const InstanceAttrPlan& p, Value o, const InstanceBody* b) {
  switch (p.how) {
    case InstanceAttrPlan::Slot: return instance_slot_load(b, p.slot);
    case InstanceAttrPlan::Method: return make_bound_method(o, p.value);
    case InstanceAttrPlan::Plain: return p.value;
    default: return Value();
  }
}

bool is_instance(Value o) { return o.is_obj() && o.as_obj()->cls->kind == Kind::Instance; }

// Kinds whose attributes are exactly their type's attributes (no per-object attributes).
bool plain_builtin_kind(Kind k) {
  switch (k) {
    case Kind::None: case Kind::Bool: case Kind::Int: case Kind::Float: case Kind::Str:
    case Kind::Tuple: case Kind::List: case Kind::Dict: case Kind::Set: case Kind::FrozenSet:
    case Kind::Range: case Kind::Slice: case Kind::Iterator: case Kind::Generator:
      return true;
    default: return false;
  }
}

// For an instance: works out how `name` resolves, publishes it in the site's cache and
// returns true, or returns false when the answer is not cacheable (descriptors etc.).
bool plan_and_cache(std::atomic<void*>& slot, Value o, StrObj* name, InstanceAttrPlan* plan) {
  if (!is_instance(o)) return false;
  Shape* shape = stm_read(o.as<InstanceObj>())->shape;
  if (!shape) return false;
  uint64_t version = shape->cls->version.load(std::memory_order_acquire);
  *plan = instance_attr_plan(shape, name);
  if (plan->how == InstanceAttrPlan::Slow) return false;
  // The plan may hold a class attribute this transaction wrote and has not committed: use it,
  // but do not publish it (runtime/classes.cpp, class_tx_writes_pending).
  if (!class_tx_writes_pending()) cache_push(slot, AttrCacheEntry{shape, shape->cls, version, *plan, nullptr, 0});
  return true;
}
}  // namespace

Value load_attr_slow(std::atomic<void*>& slot, Value o, StrObj* name) {
  InstanceAttrPlan plan;
  if (plan_and_cache(slot, o, name, &plan)) return apply_plan(plan, o, stm_read(o.as<InstanceObj>()));
  return getattr(o, name);
}

void store_attr_slow(std::atomic<void*>& slot, Value o, StrObj* name, Value v) {
  if (!is_instance(o)) {
    setattr(o, name, v);
    return;
  }
  InstanceObj* inst = o.as<InstanceObj>();
  Shape* before = stm_read(inst)->shape;
  ClassObj* cls = o.as_obj()->cls;
  uint64_t version = cls->version.load(std::memory_order_acquire);
  setattr(o, name, v);
  Shape* after = stm_read(inst)->shape;
  if (!before || !after || after->cls != cls) return;
  // Cacheable only for plain object.__setattr__ and no data descriptor for the name.
  if (lookup_in_mro(cls, names.__setattr__) != Value::from_obj(object_setattr_fn)) return;
  Value ta = lookup_in_mro(cls, name);
  if (!ta.is_empty() && is_data_descriptor(ta)) return;
  int32_t s = shape_find(after, name);
  if (s < 0 || class_tx_writes_pending()) return;   // see plan_and_cache
  if (before == after) {
    cache_push(slot, StoreAttrCacheEntry{after, after, version, s, nullptr, 0});
  } else if (after->parent == before && s < kInlineSlots) {
    cache_push(slot, StoreAttrCacheEntry{before, after, version, s, nullptr, 0});
  }
}

void load_method_slow(std::atomic<void*>& slot, Value o, StrObj* name, Value* out) {
  InstanceAttrPlan plan;
  if (plan_and_cache(slot, o, name, &plan)) {
    if (plan.how == InstanceAttrPlan::Method) {
      out[0] = plan.value;
      out[1] = o;
    } else {
      out[0] = apply_plan(plan, o, stm_read(o.as<InstanceObj>()));
      out[1] = Value();
    }
    return;
  }
  if (!is_instance(o) && plain_builtin_kind(kind_of(o))) {
    ClassObj* cls = class_of(o);
    uint64_t version = cls->version.load(std::memory_order_acquire);
    Value m = lookup_in_mro(cls, name);
    if (!m.is_empty() && m.is_obj() &&
        (kind_of(m) == Kind::Function ||
         (kind_of(m) == Kind::BuiltinFunction && is_unbound_native_method(m.as<BuiltinFunctionObj>())))) {
      if (!class_tx_writes_pending())   // see plan_and_cache
        cache_push(slot, AttrCacheEntry{nullptr, cls, version, InstanceAttrPlan{InstanceAttrPlan::Method, -1, m}, nullptr, 0});
      out[0] = m;
      out[1] = o;
      return;
    }
  }
  out[0] = getattr(o, name);
  out[1] = Value();
}

}  // namespace stmjit
