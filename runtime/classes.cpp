// classes.cpp: class objects: creation (class_new) with the C3 method resolution order, the
// class attribute dictionary, and the version counter that inline caches key on.
//
// A class's version changes whenever an attribute of it or of any base changes. Bases know
// their direct subclasses through a registry (a GC-visible table guarded by a mutex), so a
// write walks down the subclass tree and bumps every version below the written class.
#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "runtime/object_model.h"

namespace stmjit {

namespace {

// Direct subclasses per class. The table lives in GC memory (gc_allocator) and its root object
// in .bss, so the collector sees the class pointers it holds.
using SubclassList = GcVector<ClassObj*>;
using SubclassMap = std::unordered_map<ClassObj*, SubclassList*, std::hash<ClassObj*>,
                                       std::equal_to<ClassObj*>,
                                       gc_allocator<std::pair<ClassObj* const, SubclassList*>>>;
std::mutex subclass_lock;
SubclassMap* subclass_map;   // created on first use, never freed

// Classes whose attributes the running transaction of this thread changed. The bump made at
// write time is not enough under the STM: the new value sits in the writer's private version
// of the class dict until it commits, so meanwhile (1) another thread can read the new version
// number together with the old committed value and cache that pair for good, and (2) the
// writer could cache its private value, which an abort throws away. So these classes are bumped
// again once the transaction has ended (class_versions_tx_end: after the commit published the
// new values, or the abort dropped them), and the writer publishes no cache entry while it has
// such writes pending (class_tx_writes_pending). thread_local: only the writing thread knows
// its transaction. The buffer is uncollectable but scanned (traceable_allocator): a class made
// and changed inside the transaction may be reachable from nothing else by its end.
thread_local std::vector<ClassObj*, traceable_allocator<ClassObj*>> tx_dirty_classes;
// tx_dirty_classes is not empty. constinit: the test on the cache-fill paths is one %fs load,
// without the TLS wrapper call that the vector's dynamic initialisation needs.
constinit thread_local bool tx_dirty = false;

void bump_tree(ClassObj* cls) {
  // acq_rel: a cache filler that loads the new number (acquire) before reading the class dict
  // sees every write made before the bump.
  cls->version.fetch_add(1, std::memory_order_acq_rel);
  // Snapshot the subclasses: the bump itself needs no lock, only the table walk does.
  for (ClassObj* sub : class_subclasses(cls)) bump_tree(sub);
}

// Subclasses this thread's running transaction registered (traceable: an aborted class is
// reachable from nothing else), unregistered if it aborts.
thread_local std::vector<std::pair<ClassObj*, ClassObj*>,
                         traceable_allocator<std::pair<ClassObj*, ClassObj*>>> tx_new_subclasses;

void add_subclass(ClassObj* base, ClassObj* sub) {
  {
    std::lock_guard<std::mutex> g(subclass_lock);
    if (!subclass_map) subclass_map = new (gc_alloc(sizeof(SubclassMap))) SubclassMap();
    SubclassList*& list = (*subclass_map)[base];
    if (!list) list = new (gc_alloc(sizeof(SubclassList))) SubclassList();
    list->push_back(sub);
  }
  if (stm::StmTx* tx = t_stm_tx; tx && !stm::stm_is_inevitable(tx)) tx_new_subclasses.emplace_back(base, sub);
}

StrObj* builtins_name() {
  static StrObj* s = intern("builtins");
  return s;
}

// Copies the class body namespace into a fresh dict with interned keys.
DictObj* copy_namespace(DictObj* attrs) {
  DictObj* d = dict_new();
  if (!attrs) return d;
  const DictBody* b = stm_read(attrs);
  for (int64_t i = 0; i < b->used; i++) {
    const DictEntry& e = b->entries[i];
    if (e.key.is_empty()) continue;
    Value key = e.key;
    if (kind_of(key) == Kind::Str && !key.as<StrObj>()->interned)
      key = Value::from_obj(intern(str_view(key.as<StrObj>())));
    dict_set(d, key, e.value);
  }
  return d;
}

// The layout of instances: that of the first base that is not a plain-instance class.
Kind instance_kind(TupleObj* bases) {
  Kind kind = Kind::Instance;
  for (int64_t i = 0; i < bases->length; i++) {
    ClassObj* b = bases->items[i].as<ClassObj>();
    if (b->kind == Kind::Instance) continue;
    if (kind != Kind::Instance && kind != b->kind)
      raise(exc_TypeError, "multiple bases have instance lay-out conflict");
    kind = b->kind;
  }
  return kind;
}

// Types that cannot be subclassed in CPython either.
bool is_final(ClassObj* c) {
  return c == cls_bool || c == cls_NoneType || c == cls_range || c == cls_slice ||
         c == cls_function || c == cls_builtin_function_or_method || c == cls_method ||
         c == cls_generator || c == cls_NotImplementedType || c == cls_ellipsis || c == cls_cell ||
         c == cls_code;
}

}  // namespace

DictObj* class_dict(ClassObj* cls) { return stm_read(cls)->dict; }

Value class_get_own(ClassObj* cls, StrObj* name) { return dict_get_str(stm_read(cls)->dict, name); }

void class_set_attr(ClassObj* cls, StrObj* name, Value v) {
  dict_set(stm_read(cls)->dict, Value::from_obj(name), v);
  class_bump_version(cls);
}

bool class_del_attr(ClassObj* cls, StrObj* name) {
  bool found = dict_del(stm_read(cls)->dict, Value::from_obj(name));
  if (found) class_bump_version(cls);
  return found;
}

void class_bump_version(ClassObj* cls) {
  if (t_stm_tx) {
    // Classes changed per transaction are few: a linear search keeps the list duplicate-free.
    auto& dirty = tx_dirty_classes;
    if (std::find(dirty.begin(), dirty.end(), cls) == dirty.end()) dirty.push_back(cls);
    tx_dirty = true;
  }
  bump_tree(cls);
}

bool class_tx_writes_pending() { return tx_dirty; }

void class_versions_tx_end() {
  if (!tx_dirty) return;
  // Swap out first: bump_tree does not record, but keep the list consistent if it throws.
  std::vector<ClassObj*, traceable_allocator<ClassObj*>> dirty;
  dirty.swap(tx_dirty_classes);
  tx_dirty = false;
  for (ClassObj* c : dirty) bump_tree(c);
}

void class_registry_tx_end(bool aborted) {
  auto& mine = tx_new_subclasses;
  if (mine.empty()) return;
  if (aborted) {
    std::lock_guard<std::mutex> g(subclass_lock);
    for (auto [base, sub] : mine) {
      SubclassList* list = (*subclass_map)[base];
      list->erase(std::remove(list->begin(), list->end(), sub), list->end());
    }
  }
  mine.clear();
}

GcVector<ClassObj*> class_visible_subclasses(ClassObj* cls) {
  GcVector<ClassObj*> all = class_subclasses(cls);
  stm::StmTx* tx = t_stm_tx;
  all.erase(std::remove_if(all.begin(), all.end(),
                           [tx](ClassObj* c) { return stm::stm_owned_by_other(tx, &c->stm_header); }),
            all.end());
  return all;
}

GcVector<ClassObj*> class_subclasses(ClassObj* cls) {
  std::lock_guard<std::mutex> g(subclass_lock);
  if (!subclass_map) return {};
  auto it = subclass_map->find(cls);
  if (it == subclass_map->end()) return {};
  return *it->second;
}

TupleObj* compute_mro(ClassObj* cls, TupleObj* bases) {
  // C3: merge the bases' MROs and the list of bases, always taking the first head that is in
  // no other list's tail.
  GcVector<GcVector<ClassObj*>> seqs;
  for (int64_t i = 0; i < bases->length; i++) {
    TupleObj* m = bases->items[i].as<ClassObj>()->mro;
    GcVector<ClassObj*> s;
    for (int64_t j = 0; j < m->length; j++) s.push_back(m->items[j].as<ClassObj>());
    seqs.push_back(std::move(s));
  }
  GcVector<ClassObj*> direct;
  for (int64_t i = 0; i < bases->length; i++) direct.push_back(bases->items[i].as<ClassObj>());
  seqs.push_back(std::move(direct));

  GcVector<ClassObj*> out{cls};
  GcVector<size_t> pos(seqs.size(), 0);
  for (;;) {
    bool any_left = false;
    ClassObj* pick = nullptr;
    for (size_t i = 0; i < seqs.size() && !pick; i++) {
      if (pos[i] >= seqs[i].size()) continue;
      any_left = true;
      ClassObj* head = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; j++)
        for (size_t k = pos[j] + 1; k < seqs[j].size(); k++)
          if (seqs[j][k] == head) { in_tail = true; break; }
      if (!in_tail) pick = head;
    }
    if (!any_left) break;
    if (!pick) {
      std::string msg = "Cannot create a consistent method resolution order (MRO) for bases";
      for (int64_t i = 0; i < bases->length; i++)
        msg += (i ? ", " : " ") + std::string(class_name(bases->items[i].as<ClassObj>()));
      raise(exc_TypeError, "%s", msg.c_str());
    }
    out.push_back(pick);
    for (size_t i = 0; i < seqs.size(); i++)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == pick) pos[i]++;
  }
  TupleObj* t = tuple_new(int64_t(out.size()));
  for (size_t i = 0; i < out.size(); i++) t->items[i] = Value::from_obj(out[i]);
  return t;
}

ClassObj* class_alloc_builtin(Kind kind) {
  ClassObj* c = gc_new<ClassObj>(nullptr);
  c->kind = kind;
  c->version.store(1);
  return c;
}

void class_setup_builtin(ClassObj* cls, const char* name, ClassObj* base) {
  cls->cls = cls_type;
  cls->name = intern(name);
  cls->qualname = cls->name;
  cls->module_name = builtins_name();
  if (base) {
    Value b = Value::from_obj(base);
    cls->bases = tuple_from(&b, 1);
    cls->mro = compute_mro(cls, cls->bases);
    add_subclass(base, cls);
  } else {
    cls->bases = tuple_new(0);
    Value self = Value::from_obj(cls);
    cls->mro = tuple_from(&self, 1);
  }
  stm_init_body(cls)->dict = dict_new();
  // Built-in exception instances carry attributes (args, __traceback__, user ones); object()
  // instances carry none, so object gets no root shape.
  if (cls->kind == Kind::Instance && base) cls->root_shape = shape_new_root(cls);
}

bool class_is_user_defined(ClassObj* cls) { return cls->module_name != builtins_name(); }

std::string class_repr(ClassObj* cls) {
  std::string s = "<class '";
  if (cls->module_name && cls->module_name != builtins_name()) {
    s += str_view(cls->module_name);
    s += '.';
  }
  s += str_view(cls->qualname ? cls->qualname : cls->name);
  s += "'>";
  return s;
}

ClassObj* class_new(StrObj* name, TupleObj* bases, DictObj* attrs, StrObj* module_name) {
  return class_new_full(name, bases, attrs, module_name, cls_type, nullptr, nullptr);
}

ClassObj* class_new_full(StrObj* name, TupleObj* bases, DictObj* attrs, StrObj* module_name, ClassObj* meta,
                         Value* kwvalues, TupleObj* kwnames) {
  if (!bases || bases->length == 0) {
    Value o = Value::from_obj(cls_object);
    bases = tuple_from(&o, 1);
  }
  for (int64_t i = 0; i < bases->length; i++) {
    Value b = bases->items[i];
    if (kind_of(b) != Kind::Class)
      raise(exc_TypeError, "bases must be types");
    ClassObj* bc = b.as<ClassObj>();
    if (is_final(bc))
      raise(exc_TypeError, "type '%s' is not an acceptable base type", class_name(bc).data());
    if (bc->kind != Kind::Instance && bc->kind != Kind::Class && !builtin_kind_subclassable(bc->kind))
      raise(exc_TypeError, "subclassing built-in type '%s' is not supported by stmjit",
            class_name(bc).data());
    for (int64_t j = 0; j < i; j++)
      if (bases->items[j] == b) raise(exc_TypeError, "duplicate base class %s", class_name(bc).data());
  }
  if (!name->interned) name = intern(str_view(name));

  ClassObj* cls = gc_new<ClassObj>(meta ? meta : cls_type);
  cls->name = name;
  cls->bases = bases;
  cls->kind = instance_kind(bases);
  cls->mro = compute_mro(cls, bases);
  cls->version.store(1);
  DictObj* dict = copy_namespace(attrs);

  // __qualname__ and __module__ come from the class body when the compiler put them there.
  Value qn = dict_get_str(dict, names.__qualname__);
  if (!qn.is_empty() && kind_of(qn) == Kind::Str) {
    cls->qualname = qn.as<StrObj>();
    dict_del(dict, Value::from_obj(names.__qualname__));
  } else {
    cls->qualname = name;
  }
  Value mod = dict_get_str(dict, names.__module__);
  if (!mod.is_empty() && kind_of(mod) == Kind::Str) {
    cls->module_name = mod.as<StrObj>();
  } else {
    if (!module_name) module_name = intern("__main__");
    cls->module_name = module_name;
    dict_set(dict, Value::from_obj(names.__module__), Value::from_obj(module_name));
  }
  if (dict_get_str(dict, names.__doc__).is_empty())
    dict_set(dict, Value::from_obj(names.__doc__), v_none());
  // As CPython: __new__ is implicitly a staticmethod, __init_subclass__ a classmethod, and a
  // class defining __eq__ without __hash__ becomes unhashable.
  Value nw = dict_get_str(dict, names.__new__);
  if (!nw.is_empty() && kind_of(nw) == Kind::Function) {
    StaticMethodObj* sm = gc_new<StaticMethodObj>(cls_staticmethod);
    sm->func = nw;
    dict_set(dict, Value::from_obj(names.__new__), Value::from_obj(sm));
  }
  static StrObj* class_getitem = intern("__class_getitem__");
  for (StrObj* implicit : {names.__init_subclass__, class_getitem}) {   // implicit classmethods
    Value is = dict_get_str(dict, implicit);
    if (!is.is_empty() && kind_of(is) == Kind::Function) {
      ClassMethodObj* cm = gc_new<ClassMethodObj>(cls_classmethod);
      cm->func = is;
      dict_set(dict, Value::from_obj(implicit), Value::from_obj(cm));
    }
  }
  if (!dict_get_str(dict, names.__eq__).is_empty() && dict_get_str(dict, names.__hash__).is_empty())
    dict_set(dict, Value::from_obj(names.__hash__), v_none());
  stm_init_body(cls)->dict = dict;
  if (cls->kind == Kind::Instance) cls->root_shape = shape_new_root(cls);

  for (int64_t i = 0; i < bases->length; i++) add_subclass(bases->items[i].as<ClassObj>(), cls);

  // __set_name__ on attributes that define it (descriptors written in Python).
  const DictBody* db = stm_read(dict);
  for (int64_t i = 0; i < db->used; i++) {
    const DictEntry& e = db->entries[i];
    if (e.key.is_empty() || kind_of(e.value) != Kind::Instance) continue;
    Value sn = lookup_in_mro(class_of(e.value), names.__set_name__);
    if (sn.is_empty()) continue;
    Value args[3] = {e.value, Value::from_obj(cls), e.key};
    call(sn, args, 3);
  }
  // The parent's __init_subclass__ gets the class keywords (object's takes none).
  int64_t nkw = kwnames ? kwnames->length : 0;
  for (int64_t i = 1; i < cls->mro->length; i++) {
    ClassObj* c = cls->mro->items[i].as<ClassObj>();
    Value f = class_get_own(c, names.__init_subclass__);
    if (f.is_empty()) continue;
    if (c == cls_object) {
      if (nkw > 0)
        raise(exc_TypeError, "%s.__init_subclass__() takes no keyword arguments", class_name(cls).data());
      break;
    }
    if (kind_of(f) == Kind::ClassMethod) {
      GcVector<Value> a(size_t(nkw + 1));
      a[0] = Value::from_obj(cls);
      for (int64_t k = 0; k < nkw; k++) a[size_t(k + 1)] = kwvalues[k];
      call(f.as<ClassMethodObj>()->func, a.data(), 1, nkw ? kwnames : nullptr);
    }
    break;
  }
  return cls;
}

}  // namespace stmjit
