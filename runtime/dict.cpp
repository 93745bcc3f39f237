// dict.cpp: insertion-ordered hash table (CPython's compact dict layout) behind dict objects:
// lookup with hash_value/equals (fast paths for identical and string keys), insert, delete,
// resize, iteration, update/copy/equality, and the dict methods and views.
#include <cstring>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

ClassObj* cls_dict_keys;
ClassObj* cls_dict_values;
ClassObj* cls_dict_items;

namespace {

constexpr int64_t kFree = kDictSlotFree, kDeleted = kDictSlotDeleted;

// Index slots of shared arrays are read by other versions while their owner inserts (see
// DictBody::shared): relaxed atomic accesses (plain moves on x86-64).
inline int64_t slot_at(const DictBody* b, uint64_t i) { return __atomic_load_n(&b->index[i], __ATOMIC_RELAXED); }
inline void set_slot(DictBody* b, uint64_t i, int64_t ix) { __atomic_store_n(&b->index[i], ix, __ATOMIC_RELAXED); }
// An entry number this version does not have is another version's insert (or an aborted
// one's leftover) in a slot that is free here.
inline bool slot_free(const DictBody* b, int64_t ix) { return ix == kFree || ix >= b->used; }
// The claim word after the slots: the highest entry count reached on these arrays.
inline int64_t* claim_word(DictBody* b) { return &b->index[b->index_mask + 1]; }

// Entry number b->used is ours to fill in shared arrays only if no other version using them
// has taken it (an aborted transaction's leftovers, or a doomed one still running).
bool claim_next_entry(DictBody* b) {
  int64_t expected = b->used;
  return __atomic_compare_exchange_n(claim_word(b), &expected, b->used + 1, false, __ATOMIC_RELAXED,
                                     __ATOMIC_RELAXED);
}

bool keys_equal(Value a, int64_t ha, Value b, int64_t hb) {
  if (a == b) return true;
  if (ha != hb) return false;
  if (is_str(a) && is_str(b)) return str_eq(as_str(a), as_str(b));
  return equals(a, b);
}

// Slot in `index` holding key (>= 0 entry number at *slot), or -1 with *slot = insertion slot
// and *free_slot = the first free slot (the insertion slot of shared arrays, where a deleted
// slot must stay deleted for the other versions).
int64_t lookup(const DictBody* b, Value key, int64_t hash, int64_t* slot, int64_t* free_slot = nullptr) {
  if (!b->index) {
    *slot = -1;
    if (free_slot) *free_slot = -1;
    return -1;
  }
  uint64_t mask = uint64_t(b->index_mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  int64_t first_deleted = -1;
  for (;;) {
    int64_t ix = slot_at(b, i);
    if (slot_free(b, ix)) {
      *slot = first_deleted >= 0 ? first_deleted : int64_t(i);
      if (free_slot) *free_slot = int64_t(i);
      return -1;
    }
    if (ix == kDeleted) {
      if (first_deleted < 0) first_deleted = int64_t(i);
    } else {
      const DictEntry& e = b->entries[ix];
      if (keys_equal(e.key, e.hash, key, hash)) {
        *slot = int64_t(i);
        return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void rebuild(DictBody* b, int64_t min_entries) {
  int64_t size = 8;
  while (size * 2 < min_entries * 3) size <<= 1;   // keep the load <= 2/3
  int64_t cap = size * 2 / 3;
  DictEntry* entries = static_cast<DictEntry*>(gc_alloc(sizeof(DictEntry) * size_t(cap)));
  int64_t* index = static_cast<int64_t*>(gc_alloc_atomic(sizeof(int64_t) * size_t(size + 1)));
  for (int64_t i = 0; i < size; i++) index[i] = kFree;
  int64_t n = 0;
  uint64_t mask = uint64_t(size - 1);
  for (int64_t j = 0; j < b->used; j++) {
    const DictEntry& e = b->entries[j];
    if (e.key.is_empty()) continue;
    entries[n] = e;
    uint64_t perturb = uint64_t(e.hash), i = uint64_t(e.hash) & mask;
    while (index[i] != kFree) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = n++;
  }
  b->entries = entries;
  b->index = index;
  b->index_mask = size - 1;
  b->entry_capacity = cap;
  b->used = n;
  b->length = n;
  __atomic_store_n(claim_word(b), n, __ATOMIC_RELAXED);
  b->shared = false;
}

// The barrier keeps slot numbers: a private copy of shared arrays has the same layout, and
// the slots it frees (another version's inserts) were free in the version lookup read.
void insert(DictObj* d, Value key, int64_t hash, Value v) {
  int64_t slot, free_slot;
  int64_t ix = lookup(stm_read(d), key, hash, &slot, &free_slot);
  if (ix >= 0) {
    dict_write_body(d)->entries[ix].value = v;
    return;
  }
  DictBody* b = dict_insert_body(d);
  if (b->used >= b->entry_capacity) {
    rebuild(b, b->length * 2 + 1 > 6 ? b->length * 2 + 1 : 6);
    lookup(b, key, hash, &slot, &free_slot);
  } else if (b->shared && !claim_next_entry(b)) {
    StmBodyTraits<DictBody>::deep_copy(*b);
  }
  b->entries[b->used] = DictEntry{hash, key, v};
  set_slot(b, uint64_t(b->shared ? free_slot : slot), b->used);
  b->used++;
  b->length++;
  if (!b->shared) __atomic_store_n(claim_word(b), b->used, __ATOMIC_RELAXED);
}

[[noreturn]] void key_error(Value key) {
  Value exc = make_exception(exc_KeyError, "");
  setattr(exc, names.args, Value::from_obj(tuple_from(&key, 1)));
  raise_value(exc);
}

}  // namespace

DictObj* dict_new() {
  DictObj* d = gc_new<DictObj>(cls_dict);
  stm_init_body(d);   // zeroed: no table until the first insert
  return d;
}

Value dict_version_get(const DictBody* b, Value key) {
  if (b->length == 0) {
    hash_value(key);   // still raises for unhashable keys
    return Value();
  }
  int64_t slot;
  int64_t ix = lookup(b, key, hash_value(key), &slot);
  return ix >= 0 ? b->entries[ix].value : Value();
}

Value dict_get(DictObj* d, Value key) { return dict_version_get(stm_read(d), key); }

Value dict_get_str(DictObj* d, StrObj* key) {
  const DictBody* b = stm_read(d);
  if (!b->index) return Value();
  int64_t hash = str_hash(key);
  uint64_t mask = uint64_t(b->index_mask), perturb = uint64_t(hash), i = uint64_t(hash) & mask;
  for (;;) {
    int64_t ix = slot_at(b, i);
    if (slot_free(b, ix)) return Value();
    if (ix >= 0) {
      const DictEntry& e = b->entries[ix];
      if (e.key == Value::from_obj(key)) return e.value;
      if (e.hash == hash && is_str(e.key) && str_eq(as_str(e.key), key)) return e.value;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void dict_set(DictObj* d, Value key, Value v) { insert(d, key, hash_value(key), v); }

bool dict_del(DictObj* d, Value key) {
  int64_t hash = hash_value(key);
  int64_t slot;
  int64_t ix = lookup(stm_read(d), key, hash, &slot);
  if (ix < 0) return false;
  DictBody* b = dict_write_body(d);
  set_slot(b, uint64_t(slot), kDeleted);
  b->entries[ix] = DictEntry{0, Value(), Value()};
  b->length--;
  return true;
}

bool dict_next(DictObj* d, int64_t* pos, Value* key, Value* value) {
  const DictBody* b = stm_read(d);
  while (*pos < b->used) {
    const DictEntry& e = b->entries[(*pos)++];
    if (e.key.is_empty()) continue;
    if (key) *key = e.key;
    if (value) *value = e.value;
    return true;
  }
  return false;
}

int64_t dict_len(DictObj* d) { return stm_read(d)->length; }

DictObj* dict_copy(DictObj* d) {
  DictObj* r = dict_new();
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) dict_set(r, k, v);
  return r;
}

void dict_update(DictObj* d, Value other) {
  if (is_kind(other, Kind::Dict)) {
    int64_t pos = 0;
    Value k, v;
    DictObj* o = other.as<DictObj>();
    const DictBody* b = stm_read(o);
    while (dict_next(o, &pos, &k, &v)) insert(d, k, b->entries[pos - 1].hash, v);
    return;
  }
  if (kind_of(other) == Kind::Instance && !getattr_opt(other, intern("keys")).is_empty()) {
    Value keys = call_method(other, intern("keys"), nullptr, 0);
    for_each(keys, [&](Value k) {
      dict_set(d, k, getitem(other, k));
      return true;
    });
    return;
  }
  int64_t n = 0;
  for_each(other, [&](Value item) {
    GcVector<Value> kv;
    if (is_kind(item, Kind::Tuple)) kv.assign(item.as<TupleObj>()->items, item.as<TupleObj>()->items + item.as<TupleObj>()->length);
    else if (is_kind(item, Kind::List) || is_str(item)) kv = collect_values(item);
    else {
      Value it = getattr_opt(item, names.__iter__);
      if (it.is_empty() && kind_of(item) != Kind::Generator)
        raise(exc_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence", (long long)n);
      kv = collect_values(item);
    }
    if (kv.size() != 2)
      raise(exc_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
            (long long)n, (long long)kv.size());
    dict_set(d, kv[0], kv[1]);
    n++;
    return true;
  });
}

bool dict_equal(DictObj* a, DictObj* b) {
  if (dict_len(a) != dict_len(b)) return false;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(a, &pos, &k, &v)) {
    Value w = dict_get(b, k);
    if (w.is_empty() || !equals(v, w)) return false;
  }
  return true;
}

namespace {

DictObj* self_dict(Value* args) { return args[0].as<DictObj>(); }

Value d_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  if (nargs > 2) raise(exc_TypeError, "dict expected at most 1 argument, got %lld", (long long)(nargs - 1));
  DictObj* d = dict_new();
  if (nargs == 2) dict_update(d, args[1]);
  for (int64_t i = 0; kwnames && i < kwnames->length; i++) dict_set(d, kwnames->items[i], args[nargs + i]);
  return Value::from_obj(d);
}

Value d_get(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("get", nargs - 1, 1, 2);
  Value v = dict_get(self_dict(args), args[1]);
  return v.is_empty() ? (nargs > 2 ? args[2] : v_none()) : v;
}

Value d_setdefault(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("setdefault", nargs - 1, 1, 2);
  Value v = dict_get(self_dict(args), args[1]);
  if (!v.is_empty()) return v;
  Value def = nargs > 2 ? args[2] : v_none();
  dict_set(self_dict(args), args[1], def);
  return def;
}

Value d_pop(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("pop", nargs - 1, 1, 2);
  Value v = dict_get(self_dict(args), args[1]);
  if (v.is_empty()) {
    if (nargs > 2) return args[2];
    key_error(args[1]);
  }
  dict_del(self_dict(args), args[1]);
  return v;
}

Value d_popitem(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("dict.popitem", nargs - 1, 0, 0);
  DictObj* d = self_dict(args);
  const DictBody* b = stm_read(d);
  for (int64_t i = b->used - 1; i >= 0; i--) {
    if (b->entries[i].key.is_empty()) continue;
    Value kv[2] = {b->entries[i].key, b->entries[i].value};
    dict_del(d, kv[0]);
    dict_write_body(d)->used = i;   // later inserts reuse the tail (keeps LIFO order like CPython)
    return Value::from_obj(tuple_from(kv, 2));
  }
  raise_value(make_exception(exc_KeyError, "popitem(): dictionary is empty"));
}

Value view(Value* args, int64_t nargs, ClassObj* cls, int32_t mode) {
  const char* name = mode == VIEW_KEYS ? "dict.keys" : mode == VIEW_VALUES ? "dict.values" : "dict.items";
  check_nargs(name, nargs - 1, 0, 0);
  return Value::from_obj(iter_make(cls, args[0], 0, mode));
}

Value d_update(Value* args, int64_t nargs, TupleObj* kwnames) {
  if (nargs > 2) raise(exc_TypeError, "update expected at most 1 argument, got %lld", (long long)(nargs - 1));
  if (nargs == 2) dict_update(self_dict(args), args[1]);
  for (int64_t i = 0; kwnames && i < kwnames->length; i++)
    dict_set(self_dict(args), kwnames->items[i], args[nargs + i]);
  return v_none();
}

Value d_copy(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("dict.copy", nargs - 1, 0, 0);
  return Value::from_obj(dict_copy(self_dict(args)));
}

Value d_clear(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("dict.clear", nargs - 1, 0, 0);
  DictBody* b = dict_write_body(self_dict(args));
  *b = DictBody{};
  return v_none();
}

// dict.fromkeys(iterable, value=None): a staticmethod here, so args[0] is the iterable.
Value d_fromkeys(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("fromkeys", nargs, 1, 2);
  DictObj* d = dict_new();
  Value v = nargs > 1 ? args[1] : v_none();
  for_each(args[0], [&](Value k) {
    dict_set(d, k, v);
    return true;
  });
  return Value::from_obj(d);
}

}  // namespace

void init_dict_methods() {
  def_method(cls_dict, "__new__", d_new);
  def_method(cls_dict, "get", d_get);
  def_method(cls_dict, "setdefault", d_setdefault);
  def_method(cls_dict, "pop", d_pop);
  def_method(cls_dict, "popitem", d_popitem);
  def_method(cls_dict, "keys", [](Value* a, int64_t n, TupleObj*) { return view(a, n, cls_dict_keys, VIEW_KEYS); });
  def_method(cls_dict, "values", [](Value* a, int64_t n, TupleObj*) { return view(a, n, cls_dict_values, VIEW_VALUES); });
  def_method(cls_dict, "items", [](Value* a, int64_t n, TupleObj*) { return view(a, n, cls_dict_items, VIEW_ITEMS); });
  def_method(cls_dict, "update", d_update);
  def_method(cls_dict, "copy", d_copy);
  def_method(cls_dict, "clear", d_clear);
  StaticMethodObj* fk = gc_new<StaticMethodObj>(cls_staticmethod);
  fk->func = Value::from_obj(make_builtin("fromkeys", d_fromkeys));
  class_set_attr(cls_dict, intern("fromkeys"), Value::from_obj(fk));
}

}  // namespace stmjit
