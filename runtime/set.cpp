// set.cpp: set and frozenset. The table follows CPython's setobject.c (open addressing with
// linear probes, same growth rule, dummies on delete, same merge/intersection/difference
// strategies) so that iteration order, and hence printed sets of ints, match CPython.
// Layout in DictBody: entries = the slot table (entry_capacity slots, then one more whose hash
// is the claim word), used = fill (active + dummies), length = active entries, index_mask =
// the pop() finger; index is unused.
//
// Sharing (DictBody::shared; runtime/object.h): a transaction's private version keeps the
// committed version's table while it only adds keys that land in empty slots. Each entry's
// value holds its fill number (the table's `used` when the slot was filled), and a version
// reads an entry numbered at or past its own `used` as the empty slot it was for it. The
// inserter claims the number by CAS on the claim word first, so an aborted or doomed
// inserter's entries are never taken for one's own (a failed claim copies). An insert that
// CPython would put into a dummy slot, and any other change, copies the table first, so the
// table (and the iteration order) stays CPython's.
#include <atomic>

#include "runtime/types_internal.h"

namespace stmjit {

namespace {

constexpr int kLinearProbes = 9;
constexpr int kMinSize = 8;
Obj dummy_obj;   // marks deleted slots (hash -1)
inline Value dummy() { return Value::from_obj(&dummy_obj); }

// The key of a slot another version may be filling right now: it stores hash and fill number
// first, then the key (release).
inline Value load_key(const DictEntry& e) {
  return std::atomic_ref<Value>(const_cast<Value&>(e.key)).load(std::memory_order_acquire);
}
inline void publish_entry(DictEntry& e, Value key, int64_t hash, int64_t fill) {
  e.hash = hash;
  e.value = Value::small_int(fill);
  std::atomic_ref<Value>(e.key).store(key, std::memory_order_release);
}
inline int64_t fill_number(const DictEntry& e) { return e.value.is_empty() ? 0 : e.value.as_small_int(); }
// Empty in version b: never filled, or filled by a version b does not contain.
inline bool empty_in(const DictBody* b, const DictEntry& e, Value k) {
  return k.is_empty() || (k != dummy() && fill_number(e) >= b->used);
}
bool active(const DictBody* b, const DictEntry& e) {
  Value k = load_key(e);
  return !empty_in(b, e, k) && k != dummy();
}
int64_t* claim_word(DictBody* b) { return &b->entries[b->entry_capacity].hash; }
// Fill number b->used is ours to take in a shared table (see the top of the file).
bool claim_next_fill(DictBody* b) {
  int64_t expected = b->used;
  return __atomic_compare_exchange_n(claim_word(b), &expected, b->used + 1, false, __ATOMIC_RELAXED,
                                     __ATOMIC_RELAXED);
}
DictEntry* alloc_table(int64_t size) {
  return static_cast<DictEntry*>(gc_alloc(sizeof(DictEntry) * size_t(size + 1)));
}

bool same_key(Value a, int64_t ha, Value b, int64_t hb) {
  if (a == b) return true;
  if (ha != hb) return false;
  if (is_str(a) && is_str(b)) return str_eq(as_str(a), as_str(b));
  return equals(a, b);
}

// Slot of key, or -1.
int64_t find(const DictBody* b, Value key, int64_t hash) {
  if (!b->entries) return -1;
  uint64_t mask = uint64_t(b->entry_capacity - 1), perturb = uint64_t(hash), i = uint64_t(hash) & mask;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    uint64_t j = i;
    for (;;) {
      const DictEntry& e = b->entries[j];
      Value k = load_key(e);
      if (empty_in(b, e, k)) return -1;
      if (e.hash == hash && k != dummy() && same_key(k, e.hash, key, hash)) return int64_t(j);
      if (probes-- == 0) break;
      j++;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Into a table of this version's own, which has no dummies: `fill` is the entry's fill number.
void insert_clean(DictEntry* table, uint64_t mask, Value key, int64_t hash, int64_t fill) {
  uint64_t perturb = uint64_t(hash), i = uint64_t(hash) & mask;
  for (;;) {
    if (table[i].key.is_empty()) goto found;
    if (i + kLinearProbes <= mask)
      for (int j = 1; j <= kLinearProbes; j++)
        if (table[i + j].key.is_empty()) {
          i += j;
          goto found;
        }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
found:
  table[i] = DictEntry{hash, key, Value::small_int(fill)};
}

void resize(DictBody* b, int64_t minused) {
  int64_t size = kMinSize;
  while (size <= minused) size <<= 1;
  DictEntry* table = alloc_table(size);
  int64_t n = 0;
  for (int64_t i = 0; b->entries && i < b->entry_capacity; i++)
    if (active(b, b->entries[i]))
      insert_clean(table, uint64_t(size - 1), b->entries[i].key, b->entries[i].hash, n++);
  b->entries = table;
  b->entry_capacity = size;
  b->used = b->length;
  *claim_word(b) = b->used;
  b->shared = false;
}

// The slot CPython puts a new key in: the first dummy on its probe path, else the empty slot
// that ends the path. *reuses_dummy tells which.
uint64_t insertion_slot(const DictBody* b, int64_t hash, bool* reuses_dummy) {
  uint64_t mask = uint64_t(b->entry_capacity - 1), perturb = uint64_t(hash), i = uint64_t(hash) & mask;
  int64_t first_dummy = -1;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (uint64_t j = i;; j++) {
      const DictEntry& e = b->entries[j];
      Value k = load_key(e);
      if (empty_in(b, e, k)) {
        *reuses_dummy = first_dummy >= 0;
        return first_dummy >= 0 ? uint64_t(first_dummy) : j;
      }
      if (k == dummy() && first_dummy < 0) first_dummy = int64_t(j);
      if (probes-- == 0) break;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void add_entry(SetObj* s, Value key, int64_t hash) {
  if (find(stm_read(s), key, hash) >= 0) return;
  DictBody* b = set_insert_body(s);
  if (!b->entries) resize(b, 0);
  bool reuses_dummy;
  // A private copy keeps every slot where it is: the slot stays the right one.
  uint64_t slot = insertion_slot(b, hash, &reuses_dummy);
  if (b->shared && (reuses_dummy || !claim_next_fill(b))) StmBodyTraits<DictBody>::deep_copy(*b);
  b->length++;
  if (reuses_dummy) {   // the fill does not grow; any number below it reads as filled
    b->entries[slot] = DictEntry{hash, key, Value::small_int(0)};
    return;
  }
  publish_entry(b->entries[slot], key, hash, b->used);
  b->used++;
  if (!b->shared) __atomic_store_n(claim_word(b), b->used, __ATOMIC_RELAXED);
  uint64_t mask = uint64_t(b->entry_capacity - 1);
  if (uint64_t(b->used) * 5 >= mask * 3) resize(b, b->length > 50000 ? b->length * 2 : b->length * 4);
}

// CPython's set_merge: one resize up front, then a plain copy of the table when the target is
// empty with the same size and the source has no dummies, else clean insertions into an empty
// target, else ordinary adds.
void merge(SetObj* s, SetObj* other) {
  const DictBody* ob = stm_read(other);
  if (ob->length == 0 || s == other) return;
  DictBody* b = set_write_body(s);
  if (!b->entries) resize(b, 0);   // an empty set has CPython's 8-slot small table
  if ((b->used + ob->length) * 5 >= (b->entry_capacity - 1) * 3) resize(b, (b->length + ob->length) * 2);
  if (b->used == 0 && b->entry_capacity == ob->entry_capacity && ob->used == ob->length) {
    for (int64_t i = 0; i < ob->entry_capacity; i++)
      if (active(ob, ob->entries[i])) b->entries[i] = ob->entries[i];   // fill numbers < ob->used
    b->used = b->length = ob->length;
    *claim_word(b) = b->used;
    return;
  }
  if (b->used == 0) {
    int64_t n = 0;
    for (int64_t i = 0; i < ob->entry_capacity; i++)
      if (active(ob, ob->entries[i]))
        insert_clean(b->entries, uint64_t(b->entry_capacity - 1), ob->entries[i].key, ob->entries[i].hash, n++);
    b->used = b->length = ob->length;
    *claim_word(b) = b->used;
    return;
  }
  for (int64_t i = 0; i < ob->entry_capacity; i++)
    if (active(ob, ob->entries[i])) add_entry(s, ob->entries[i].key, ob->entries[i].hash);
}

void update(SetObj* s, Value iterable) {
  if (is_kind(iterable, Kind::Set) || is_kind(iterable, Kind::FrozenSet)) {
    merge(s, iterable.as<SetObj>());
    return;
  }
  for_each(iterable, [&](Value x) {
    add_entry(s, x, hash_value(x));
    return true;
  });
}

bool is_anyset(Value v) { return is_kind(v, Kind::Set) || is_kind(v, Kind::FrozenSet); }

SetObj* new_like(SetObj* s) { return set_new(s->cls->kind == Kind::FrozenSet); }

}  // namespace

void set_update(SetObj* s, Value iterable) { update(s, iterable); }

SetObj* set_new(bool frozen) {
  SetObj* s = gc_new<SetObj>(frozen ? cls_frozenset : cls_set);
  stm_init_body(s);
  return s;
}

void set_add(SetObj* s, Value v) { add_entry(s, v, hash_value(v)); }

bool set_version_contains(const DictBody* b, Value key) { return find(b, key, hash_value(key)) >= 0; }
bool set_contains(SetObj* s, Value key) { return set_version_contains(stm_read(s), key); }

bool set_discard(SetObj* s, Value key) {
  int64_t slot = find(stm_read(s), key, hash_value(key));
  if (slot < 0) return false;
  DictBody* b = set_write_body(s);
  b->entries[slot] = DictEntry{-1, dummy(), Value()};
  b->length--;
  return true;
}

bool set_next(SetObj* s, int64_t* pos, Value* key) {
  const DictBody* b = stm_read(s);
  while (*pos < b->entry_capacity) {
    const DictEntry& e = b->entries[(*pos)++];
    if (active(b, e)) {
      *key = e.key;
      return true;
    }
  }
  return false;
}

int64_t set_len(SetObj* s) { return stm_read(s)->length; }

SetObj* set_copy(SetObj* s, bool frozen) {
  SetObj* r = set_new(frozen);
  merge(r, s);
  return r;
}

SetObj* set_of(Value iterable, bool frozen) {
  SetObj* r = set_new(frozen);
  update(r, iterable);
  return r;
}

int64_t frozenset_hash(SetObj* s) {
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; };
  uint64_t hash = 0;
  const DictBody* b = stm_read(s);
  for (int64_t i = 0; i < b->entry_capacity; i++)
    if (active(b, b->entries[i])) hash ^= shuffle(uint64_t(b->entries[i].hash));
  hash ^= (uint64_t(b->length) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == uint64_t(-1)) hash = 590923713ull;
  return int64_t(hash);
}

namespace {

SetObj* intersection(SetObj* s, Value other) {
  SetObj* result = new_like(s);
  if (is_anyset(other)) {
    SetObj* o = other.as<SetObj>();
    SetObj *big = s, *small = o;
    if (set_len(o) > set_len(s)) std::swap(big, small);
    int64_t pos = 0;
    Value k;
    while (set_next(small, &pos, &k))
      if (set_contains(big, k)) set_add(result, k);
    return result;
  }
  for_each(other, [&](Value k) {
    if (set_contains(s, k)) set_add(result, k);
    return true;
  });
  return result;
}

SetObj* difference(SetObj* s, Value other) {
  if (!is_anyset(other) || (set_len(s) >> 2) > set_len(other.as<SetObj>())) {
    SetObj* r = set_copy(s, s->cls == cls_frozenset);
    for_each(other, [&](Value k) {
      set_discard(r, k);
      return true;
    });
    return r;
  }
  SetObj* result = new_like(s);
  int64_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k))
    if (!set_contains(other.as<SetObj>(), k)) set_add(result, k);
  return result;
}

void symmetric_update(SetObj* s, Value other) {
  SetObj* o = is_anyset(other) ? other.as<SetObj>() : set_of(other, false);
  int64_t pos = 0;
  Value k;
  while (set_next(o, &pos, &k))
    if (!set_discard(s, k)) set_add(s, k);
}

SetObj* symmetric_difference(SetObj* s, Value other) {
  SetObj* r = set_of(other, s->cls == cls_frozenset);
  symmetric_update(r, Value::from_obj(s));
  return r;
}

bool is_subset(SetObj* a, SetObj* b) {
  if (set_len(a) > set_len(b)) return false;
  int64_t pos = 0;
  Value k;
  while (set_next(a, &pos, &k))
    if (!set_contains(b, k)) return false;
  return true;
}

SetObj* self_set(Value* args) { return args[0].as<SetObj>(); }
SetObj* as_set_arg(Value v) { return is_anyset(v) ? v.as<SetObj>() : set_of(v, false); }

Value s_new(Value* args, int64_t nargs, TupleObj* kwnames, bool frozen) {
  check_no_kwargs(frozen ? "frozenset" : "set", kwnames);
  check_nargs(frozen ? "frozenset" : "set", nargs - 1, 0, 1);
  if (frozen && nargs == 2 && is_kind(args[1], Kind::FrozenSet)) return args[1];
  return Value::from_obj(nargs == 2 ? set_of(args[1], frozen) : set_new(frozen));
}

[[noreturn]] void key_error(Value key) {
  Value exc = make_exception(exc_KeyError, "");
  setattr(exc, names.args, Value::from_obj(tuple_from(&key, 1)));
  raise_value(exc);
}

Value s_add(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.add", nargs - 1, 1, 1);
  set_add(self_set(args), args[1]);
  return v_none();
}
Value s_remove(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.remove", nargs - 1, 1, 1);
  if (!set_discard(self_set(args), args[1])) key_error(args[1]);
  return v_none();
}
Value s_discard(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.discard", nargs - 1, 1, 1);
  set_discard(self_set(args), args[1]);
  return v_none();
}
Value s_pop(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.pop", nargs - 1, 0, 0);
  SetObj* s = self_set(args);
  DictBody* b = set_write_body(s);
  if (b->length == 0) raise_value(make_exception(exc_KeyError, "pop from an empty set"));
  int64_t i = b->index_mask & (b->entry_capacity - 1);   // the finger
  while (!active(b, b->entries[i])) i = (i + 1) % b->entry_capacity;
  Value k = b->entries[i].key;
  b->entries[i] = DictEntry{-1, dummy(), Value()};
  b->length--;
  b->index_mask = i + 1;
  return k;
}
Value s_clear(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.clear", nargs - 1, 0, 0);
  *set_write_body(self_set(args)) = DictBody{};
  return v_none();
}
Value s_copy(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.copy", nargs - 1, 0, 0);
  if (args[0].as_obj()->cls == cls_frozenset) return args[0];
  return Value::from_obj(set_copy(self_set(args), false));
}
Value s_update(Value* args, int64_t nargs, TupleObj*) {
  for (int64_t i = 1; i < nargs; i++) update(self_set(args), args[i]);
  return v_none();
}
Value s_union(Value* args, int64_t nargs, TupleObj*) {
  SetObj* r = set_copy(self_set(args), args[0].as_obj()->cls == cls_frozenset);
  for (int64_t i = 1; i < nargs; i++) update(r, args[i]);
  return Value::from_obj(r);
}
Value s_intersection(Value* args, int64_t nargs, TupleObj*) {
  SetObj* r = self_set(args);
  if (nargs == 1) return Value::from_obj(set_copy(r, r->cls == cls_frozenset));
  for (int64_t i = 1; i < nargs; i++) r = intersection(r, args[i]);
  return Value::from_obj(r);
}
Value s_intersection_update(Value* args, int64_t nargs, TupleObj* k) {
  SetObj* r = s_intersection(args, nargs, k).as<SetObj>();
  *set_write_body(self_set(args)) = *stm_read(r);
  return v_none();
}
Value s_difference(Value* args, int64_t nargs, TupleObj*) {
  SetObj* r = self_set(args);
  if (nargs == 1) return Value::from_obj(set_copy(r, r->cls == cls_frozenset));
  for (int64_t i = 1; i < nargs; i++) r = difference(r, args[i]);
  return Value::from_obj(r);
}
Value s_difference_update(Value* args, int64_t nargs, TupleObj*) {
  for (int64_t i = 1; i < nargs; i++)
    for_each(args[i], [&](Value k) {
      set_discard(self_set(args), k);
      return true;
    });
  return v_none();
}
Value s_symmetric_difference(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.symmetric_difference", nargs - 1, 1, 1);
  return Value::from_obj(symmetric_difference(self_set(args), args[1]));
}
Value s_symmetric_difference_update(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.symmetric_difference_update", nargs - 1, 1, 1);
  symmetric_update(self_set(args), args[1]);
  return v_none();
}
Value s_issubset(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.issubset", nargs - 1, 1, 1);
  return v_bool(is_subset(self_set(args), as_set_arg(args[1])));
}
Value s_issuperset(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.issuperset", nargs - 1, 1, 1);
  return v_bool(is_subset(as_set_arg(args[1]), self_set(args)));
}
Value s_isdisjoint(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("set.isdisjoint", nargs - 1, 1, 1);
  return v_bool(set_len(intersection(self_set(args), args[1])) == 0);
}

}  // namespace

Value set_binop(BinOp op, Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return Value();
  SetObj* s = a.as<SetObj>();
  switch (op) {
    case BinOp::Or: {
      SetObj* r = set_copy(s, s->cls == cls_frozenset);
      update(r, b);
      return Value::from_obj(r);
    }
    case BinOp::And: return Value::from_obj(intersection(s, b));
    case BinOp::Sub: return Value::from_obj(difference(s, b));
    case BinOp::Xor: return Value::from_obj(symmetric_difference(s, b));
    default: return Value();
  }
}

Value set_compare(CmpOp op, SetObj* a, SetObj* b) {
  int64_t la = set_len(a), lb = set_len(b);
  switch (op) {
    case CmpOp::Eq: return v_bool(la == lb && is_subset(a, b));
    case CmpOp::Ne: return v_bool(!(la == lb && is_subset(a, b)));
    case CmpOp::Le: return v_bool(is_subset(a, b));
    case CmpOp::Ge: return v_bool(is_subset(b, a));
    case CmpOp::Lt: return v_bool(la < lb && is_subset(a, b));
    case CmpOp::Gt: return v_bool(la > lb && is_subset(b, a));
  }
  return v_false();
}

void init_set_methods() {
  def_method(cls_set, "__new__", [](Value* a, int64_t n, TupleObj* k) { return s_new(a, n, k, false); });
  def_method(cls_frozenset, "__new__", [](Value* a, int64_t n, TupleObj* k) { return s_new(a, n, k, true); });
  def_method(cls_set, "add", s_add);
  def_method(cls_set, "remove", s_remove);
  def_method(cls_set, "discard", s_discard);
  def_method(cls_set, "pop", s_pop);
  def_method(cls_set, "clear", s_clear);
  def_method(cls_set, "update", s_update);
  def_method(cls_set, "intersection_update", s_intersection_update);
  def_method(cls_set, "difference_update", s_difference_update);
  def_method(cls_set, "symmetric_difference_update", s_symmetric_difference_update);
  for (ClassObj* c : {cls_set, cls_frozenset}) {
    def_method(c, "copy", s_copy);
    def_method(c, "union", s_union);
    def_method(c, "intersection", s_intersection);
    def_method(c, "difference", s_difference);
    def_method(c, "symmetric_difference", s_symmetric_difference);
    def_method(c, "issubset", s_issubset);
    def_method(c, "issuperset", s_issuperset);
    def_method(c, "isdisjoint", s_isdisjoint);
  }
}

// A private copy of b's table (StmBodyTraits<DictBody>::deep_copy): the same slots, without
// the entries b does not contain (another version's, which may still be arriving).
void set_table_copy(DictBody& b) {
  b.shared = false;
  if (!b.entries) return;
  stm_note_private_copy("set", sizeof(DictEntry) * size_t(b.entry_capacity + 1));
  DictEntry* table = alloc_table(b.entry_capacity);
  for (int64_t i = 0; i < b.entry_capacity; i++) {
    const DictEntry& e = b.entries[i];
    Value k = load_key(e);
    if (!empty_in(&b, e, k)) table[i] = DictEntry{e.hash, k, e.value};
  }
  b.entries = table;
  *claim_word(&b) = b.used;
}

}  // namespace stmjit
