// stm_versions.cpp: the VM side of transactional objects: the thread's current transaction,
// the STM core's configuration (GC memory for versions and logs), and what a transaction's
// private copy of a mutable object must duplicate.
//
// The STM core copies a Body struct when a transaction first writes an object; arrays the body
// points to would still be shared with the committed version, which must never change. These
// deep copies give the private version arrays of its own (StmBodyTraits in
// stm-barriers/barrier.h; the generator's frame is copied in interpreter/generator.cpp).
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>

#include "runtime/instance.h"
#include "runtime/object_model.h"

namespace stmjit {

constinit thread_local stm::StmTx* t_stm_tx = nullptr;

// Versions live in GC memory: an old version stays valid while any transaction may still read
// it. The read/write logs are uncollectable but scanned, so a version only a log references
// is not reclaimed (and its address reused) before validation looked at it.
void stm_vm_configure() {
  stm::StmConfig c;
  c.alloc_version = [](size_t n) -> void* { return gc_alloc(n); };
  // On failure the log keeps its old array: nothing changed.
  c.alloc_log = [](size_t n) -> void* { return gc_alloc_uncollectable(n); };
  c.free_log = [](void* p) { GC_FREE(p); };
  // Transaction length (units: loop back edges, function entries, barrier slow paths). Short
  // transactions pay a commit each and, worse, re-copy every big list or dict they write
  // (the first write in each transaction clones the body): 10,000 units made Havlak run
  // 331,544 transactions of ~30 us. An abort still shrinks the next attempt (90%).
  if (const char* b = std::getenv("STMJIT_STM_BUDGET")) c.budget_initial = std::strtoull(b, nullptr, 10);
  else c.budget_initial = 200'000;
  // Emitted on the transaction's own thread once a commit has published its versions or an
  // abort has dropped them: the point where the classes it changed get their second version
  // bump (runtime/classes.cpp). Begin too, in case a bump was recorded between transactions.
  // A logger installed later must keep calling class_versions_tx_end from this hook.
  c.on_event = [](const stm::StmEvent& e) {
    if (e.kind == stm::StmEventKind::Commit || e.kind == stm::StmEventKind::Abort ||
        e.kind == stm::StmEventKind::Begin) {
      class_registry_tx_end(e.kind == stm::StmEventKind::Abort);
      class_versions_tx_end();
    }
  };
  stm::stm_configure(c);
}

namespace {
template <class T>
T* copy_array(const T* src, int64_t capacity, int64_t used, bool has_pointers) {
  if (!src) return nullptr;
  size_t bytes = sizeof(T) * size_t(capacity > 0 ? capacity : 1);
  T* dst = static_cast<T*>(has_pointers ? gc_alloc(bytes) : gc_alloc_atomic(bytes));
  std::memcpy(static_cast<void*>(dst), src, sizeof(T) * size_t(used));
  if (!has_pointers && used < capacity)
    std::memset(static_cast<void*>(dst + used), 0, sizeof(T) * size_t(capacity - used));
  return dst;
}
}  // namespace

namespace {
// Copies below this size are not worth a lock and a line in the report.
constexpr size_t kNotedCopyBytes = 4096;
std::mutex copy_sites_lock;
// Keyed on (kind, location word); never freed (read at exit, possibly after other statics).
auto* copy_sites = new std::map<std::pair<const char*, uint64_t>, StmCopySite>();
}  // namespace

void stm_note_private_copy(const char* kind, size_t bytes) {
  if (bytes < kNotedCopyBytes) return;
  uint64_t loc = 0;
  if (auto where = stm::stm_config().current_location) loc = where();
  std::lock_guard<std::mutex> g(copy_sites_lock);
  StmCopySite& s = (*copy_sites)[{kind, loc}];
  s.kind = kind;
  s.location = loc;
  s.count++;
  s.bytes += bytes;
}

std::vector<StmCopySite> stm_copy_sites() {
  std::vector<StmCopySite> v;
  {
    std::lock_guard<std::mutex> g(copy_sites_lock);
    for (auto& [key, site] : *copy_sites) v.push_back(site);
  }
  std::sort(v.begin(), v.end(), [](const StmCopySite& a, const StmCopySite& b) { return a.bytes > b.bytes; });
  return v;
}

void StmBodyTraits<ListBody>::deep_copy(ListBody& b) {
  if (b.items) stm_note_private_copy("list", sizeof(Value) * size_t(b.capacity));
  b.items = copy_array(b.items, b.capacity, b.length, true);
  b.shared_prefix = 0;
}

// The committed version (length n) and the versions before it that share this array read at
// most max(n, their shared_prefix) slots: the prefix only grows while the array is shared.
void StmBodyTraits<ListBody>::share_appendable(ListBody& b) {
  if (b.length > b.shared_prefix) b.shared_prefix = b.length;
}

// The barrier itself, past the deleted stm_write(ListObj*) overload (runtime/object.h).
ListBody* list_barrier_write(ListObj* l) { return stm_write(static_cast<MutObj<ListBody>*>(l)); }

ListBody* list_write_body(ListObj* l) {
  ListBody* b = list_barrier_write(l);
  if (b->shared_prefix > 0) StmBodyTraits<ListBody>::deep_copy(*b);
  return b;
}

ListBody* list_append_body(ListObj* l) {
  ListBody* b = list_barrier_write(l);
  if (b->length < b->shared_prefix) StmBodyTraits<ListBody>::deep_copy(*b);   // after a pop
  return b;
}

ListBody* list_tail_body(ListObj* l) { return list_barrier_write(l); }

// Dicts keep their entries in entries[0..used), and only that part is never written while
// the arrays are shared: a sharer may be appending past it (and storing its entry number into
// free index slots) right now. Such slots read as free; the copy makes them free. Sets (no
// index) copy their table the same way in runtime/set.cpp.
void StmBodyTraits<DictBody>::deep_copy(DictBody& b) {
  b.shared = false;
  if (!b.index) {
    set_table_copy(b);
    return;
  }
  int64_t slots = b.index_mask + 1;
  stm_note_private_copy("dict", sizeof(DictEntry) * size_t(b.entry_capacity) + sizeof(int64_t) * size_t(slots + 1));
  b.entries = copy_array(b.entries, b.entry_capacity, b.used, true);
  int64_t* index = static_cast<int64_t*>(gc_alloc_atomic(sizeof(int64_t) * size_t(slots + 1)));
  for (int64_t i = 0; i < slots; i++) {
    int64_t ix = __atomic_load_n(&b.index[i], __ATOMIC_RELAXED);
    index[i] = ix >= b.used ? kDictSlotFree : ix;
  }
  index[slots] = b.used;   // the claim word
  b.index = index;
}

// A dict's arrays (or a set's table) stay shared until a change other than adding a key; an
// empty one has nothing to share.
void StmBodyTraits<DictBody>::share_appendable(DictBody& b) {
  if (b.entries) b.shared = true;
}

// Dicts and sets alike (deep_copy tells them apart), past the deleted stm_write(DictObj*)
// and stm_write(SetObj*) overloads (runtime/object.h).
namespace {
DictBody* table_write_body(MutObj<DictBody>* o) {
  DictBody* b = stm_write(o);
  if (b->shared) StmBodyTraits<DictBody>::deep_copy(*b);
  return b;
}
}  // namespace

DictBody* dict_write_body(DictObj* d) { return table_write_body(d); }
DictBody* dict_insert_body(DictObj* d) { return stm_write(static_cast<MutObj<DictBody>*>(d)); }
DictBody* set_write_body(SetObj* s) { return table_write_body(s); }
DictBody* set_insert_body(SetObj* s) { return stm_write(static_cast<MutObj<DictBody>*>(s)); }

// The extra block holds the overflow slots and the dict-mode dict pointer: both are the body's
// state, so the private version gets a block of its own (the DictObj itself is shared: it is a
// transactional object with versions of its own).
void StmBodyTraits<InstanceBody>::deep_copy(InstanceBody& b) {
  if (b.extra) b.extra = instance_extra_copy(b.extra, b.extra->capacity);
}

}  // namespace stmjit
