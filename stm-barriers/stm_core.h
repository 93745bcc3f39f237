// stm_core.h: the software transactional memory core (API and inline fast paths).
//
// Object-granular, multi-version, eager write ownership, invisible reads (docs/stm.md has the
// algorithm and the memory-ordering argument). The VM embeds an StmObject in every mutable
// heap object and reaches its body only through stm_read / stm_write, which return a version:
// the transaction's private version when it owns the object, else the newest committed
// version (immutable once published). The slow paths, commit, abort and inevitability live in
// stm_core.cpp; contention management in stm_contention.cpp; statistics in stm_stats.cpp.
//
// Aborts are delivered as a C++ exception, StmAbort, thrown from the slow paths, stm_commit
// and stm_check. When it is thrown the transaction is already rolled back (its private
// versions dropped, its ownership released): the caller restores its own state and calls
// stm_begin again.
#pragma once
#include <atomic>
#include <cstring>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stmjit::stm {

// ---- objects --------------------------------------------------------------------------------

// One version of an object: its commit timestamp, then the body. alignas(16) puts the body at
// offset 16 with max_align_t alignment, whatever the body is.
struct alignas(16) StmVersion {
  uint64_t ts;    // commit timestamp (0 = created outside any transaction, or fresh)
  // Serial of the transaction that made this private version. The owner's fast path trusts
  // o->priv only if it carries its own serial: a doomed previous owner may store its priv late
  // (after a stealer took the object and stored its own), see stm_owned_version.
  uint64_t tag;
};
template <class Body> inline Body* stm_body(StmVersion* v) {
  return reinterpret_cast<Body*>(reinterpret_cast<char*>(v) + sizeof(StmVersion));
}
template <class Body> inline const Body* stm_body(const StmVersion* v) {
  return reinterpret_cast<const Body*>(reinterpret_cast<const char*>(v) + sizeof(StmVersion));
}

// The transactional header embedded in every mutable object.
struct StmObject {
  // 0, or the serial of the transaction that owns the object for writing. The owner is live
  // only while that serial is its descriptor's current serial (stm_owner_live).
  std::atomic<uint64_t> owner{0};
  // Newest committed version; the version it points to is immutable once published.
  std::atomic<StmVersion*> committed{nullptr};
  // The owner's private version. Atomic only because a stealer overwrites it while the
  // previous (doomed) owner may still run its fast path; see stm_owned_version.
  std::atomic<StmVersion*> priv{nullptr};
};

// Whom a new private version's arrays may be shared with (see StmTypeOps::clone).
enum class StmCloneMode : uint8_t {
  // The object's previous owner has ended: no code but this transaction's can store into the
  // committed version's arrays, so a body may share an array it only appends to.
  PreviousOwnerEnded,
  // Ownership was stolen from a live (doomed) transaction, whose code may still store into
  // arrays it shared until it reaches its next barrier: copy every owned array.
  Stolen,
};

// One per object kind, supplied by the VM.
struct StmTypeOps {
  size_t version_size;   // bytes of StmVersion + body
  // Copy the body; arrays it owns are copied too, except as StmCloneMode allows.
  void (*clone)(const StmVersion* src, StmVersion* dst, StmCloneMode mode);
  const char* name = nullptr;   // kind name for conflict reports
};

// ---- configuration (set once, before the first transaction) --------------------------------

enum class StmEventKind : uint8_t { Begin, Commit, Abort, Steal, Inevitable, InevitableEnd, Wait };
enum class StmConflictKind : uint8_t {
  None,        // no conflict (explicit abort)
  WriteWrite,  // write ownership: lost the contention, or was doomed by a stealer
  ReadWrite,   // validation failure: an object this transaction read was committed by another
  WriteRead,   // validation failure found by a write barrier on the very object being written
               // (read it, another committed it, now this transaction writes it)
};
constexpr int kStmConflictKinds = 4;
const char* stm_conflict_kind_name(StmConflictKind k);

struct StmTx;
struct StmEvent {
  StmEventKind kind;
  const StmTx* tx;
  uint64_t duration_ns;          // attempt length (commit/abort), wait or inevitable period
  StmConflictKind conflict;      // for Abort and Steal
  const void* object;            // the conflicting object, if any
  uint64_t my_location, other_location;
};

struct StmConfig {
  // Allocates a version (zeroed not required). The VM passes GC_MALLOC. Versions must stay
  // valid while any transaction might hold them (no manual free): with a GC this is automatic.
  void* (*alloc_version)(size_t bytes) = nullptr;   // default: malloc (never freed)
  // Buffers of the read/write logs. They hold pointers to versions, so with a conservative GC
  // they must be scanned (GC_MALLOC_UNCOLLECTABLE / GC_FREE): otherwise an old version that
  // only the log references could be collected and its address reused, which would fool
  // validation (ABA). Defaults: malloc/free.
  void* (*alloc_log)(size_t bytes) = nullptr;
  void (*free_log)(void* p) = nullptr;
  // Turns a transaction's current location word (stm_set_location) into an opaque stable id,
  // called only when a conflict or an inevitable period is recorded. Default: identity.
  uint64_t (*resolve_location)(uint64_t word) = nullptr;
  // The location word of what this thread executes right now; called on the slow paths
  // (taking ownership, validating, becoming inevitable), so a conflict names the exact
  // instruction on both sides, not only where the transactions began. Null: the VM keeps
  // the word up to date itself with stm_set_location.
  uint64_t (*current_location)() = nullptr;
  // Turns a location id into text (file:line:function) for stm_format_report.
  std::string (*describe_location)(uint64_t loc) = nullptr;
  // Kind name of an object, for conflicts found by validation (no StmTypeOps at hand there).
  const char* (*object_kind)(const StmObject* o) = nullptr;
  // What a conflict collided on, for the report: `kind` (the object's kind name) refined by
  // the instruction at location id `access` that wrote (or read) the object, e.g. "Task.count"
  // for an attribute store. Called only when a conflict is recorded. Null: the kind alone.
  std::string (*describe_access)(const char* kind, uint64_t access) = nullptr;
  // Live log (begin/commit/abort/steal/inevitable/wait); null = off.
  void (*on_event)(const StmEvent& e) = nullptr;
  // A losing writer waits this long for the owner to finish before aborting itself.
  uint64_t contention_wait_ns = 100'000;
  // Transaction-length budget (units of stm_add_work; barrier slow paths count 1 each).
  uint64_t budget_initial = 10'000, budget_min = 100;   // after aborts it grows back to initial
};
void stm_configure(const StmConfig& c);   // before any StmTx exists
const StmConfig& stm_config();

// ---- transactions ---------------------------------------------------------------------------

enum class StmState : uint32_t {
  Idle,         // between transactions
  Running,
  Inevitable,   // holds the inevitable token; cannot be doomed
  Dooming,      // a stealer is filling in why (brief); treated as Doomed
  Doomed,       // will abort at its next slow path, check or commit
  Committing,
};

struct StmAbort {
  StmConflictKind kind;
  const char* what() const { return stm_conflict_kind_name(kind); }
};

// Per-transaction counters (plain: only the owning thread writes them). stm_flush_stats adds
// them into the global totals.
struct StmCounters {
  uint64_t commits = 0, readonly_commits = 0, inevitable_commits = 0;
  uint64_t aborts[kStmConflictKinds] = {};   // by kind (None = explicit)
  uint64_t steals = 0;                       // objects this transaction stole
  uint64_t lost_ns = 0;                      // time spent in attempts that aborted
  uint64_t wait_contention_ns = 0;           // losing writer waiting for an owner
  uint64_t wait_inevitable_ns = 0;           // become_inevitable waiting for the token
  uint64_t wait_commit_ns = 0;               // writer commit waiting for an inevitable one
  uint64_t inevitable_ns = 0;                // time spent inevitable
  uint64_t total_aborts() const {
    uint64_t n = 0;
    for (uint64_t a : aborts) n += a;
    return n;
  }
  void add(const StmCounters& o);
};

struct StmReadEntry { const StmObject* obj; const StmVersion* ver; };
// `location`: where the transaction took ownership (its write of obj), for conflict reports.
// cloned_stolen: priv was cloned in StmCloneMode::Stolen (see kStmTaintedOwner).
struct StmWriteEntry {
  StmObject* obj; StmVersion* priv; const StmTypeOps* ops; uint64_t location; bool cloned_stolen;
};
// A growable array in alloc_log memory (so a conservative GC sees the versions it holds).
template <class T> struct StmLog {
  T* data = nullptr;
  size_t size = 0, cap = 0;
  void push(const T& e) { if (size == cap) grow(); data[size++] = e; }
  // Zeroes what it held: the buffer is scanned GC memory in the VM (alloc_log), and stale
  // entries would keep old versions, and all they reference, alive until overwritten.
  void clear() {
    if (size) std::memset(static_cast<void*>(data), 0, size * sizeof(T));
    size = 0;
  }
  void grow();
  void release();
};

constexpr int kStmMaxTx = 64;              // slots; serial = (per-slot counter << 6) | slot
// Set in a dead owner word by a transaction that aborts after taking the object from a live
// owner (or from a word already so marked): that doomed owner may still be storing into the
// arrays it shares with the committed version, so the next writer must clone in
// StmCloneMode::Stolen too, until a commit publishes a version with arrays of its own. Never
// part of a live serial (the counters would need 2^57 transactions to reach it).
constexpr uint64_t kStmTaintedOwner = uint64_t(1) << 63;
constexpr size_t kStmFilterSize = 1024;    // read-set dedup filter (direct-mapped)

// The words of a transaction that other transactions read. One per slot in a static table,
// never freed, so a thread that checks whether an owner word is live can never touch a dead
// descriptor. Cache-line aligned: each is written mostly by its own thread.
struct alignas(64) StmShared {
  std::atomic<uint64_t> serial{0};                // ownership tag of the current transaction
  std::atomic<StmState> state{StmState::Idle};
  std::atomic<uint64_t> age{0};                   // ticket of the first attempt; smaller = older
  std::atomic<uint64_t> location{0};              // VM-maintained current location word
  // Why this transaction was doomed, written by the stealer while state == Dooming.
  std::atomic<uint64_t> doom_location{0};
  std::atomic<const StmObject*> doom_object{nullptr};
  std::atomic<const char*> doom_kind_name{nullptr};
};
extern StmShared g_stm_shared[kStmMaxTx];

struct StmTx {
  StmTx();                    // takes a free slot (throws std::runtime_error if none)
  ~StmTx();                   // must be Idle; flushes its counters into the global totals
  StmTx(const StmTx&) = delete;
  StmTx& operator=(const StmTx&) = delete;

  StmShared* sh;              // this slot's shared words
  uint64_t serial;            // copy of sh->serial for the fast paths (only we change it)
  uint64_t snapshot = 0;      // global clock value the reads are consistent at
  uint32_t filter_tag = 0;    // read filter entries are valid iff their tag matches
  int slot;
  bool retrying = false;      // last attempt aborted: keep the age
  uint64_t work = 0, budget;  // stm_should_break: work >= budget
  uint64_t attempt_start_ns = 0, inevitable_start_ns = 0;
  uint64_t inevitable_location = 0;
  StmLog<StmReadEntry> reads;
  StmLog<StmWriteEntry> writes;
  StmCounters counters;
  struct FilterEntry { const StmObject* obj; uint32_t tag; };
  FilterEntry filter[kStmFilterSize] = {};
};

// Global clock: timestamp of the newest commit.
extern std::atomic<uint64_t> g_stm_clock;

void stm_begin(StmTx* tx);
void stm_begin_inevitable(StmTx* tx);
void stm_commit(StmTx* tx);               // throws StmAbort; waits while another is inevitable
bool stm_try_commit(StmTx* tx);           // as stm_commit, but returns false (nothing changed)
                                          // instead of waiting for an inevitable transaction
void stm_abort(StmTx* tx);                // explicit abort (rolls back, does not throw)
void stm_become_inevitable(StmTx* tx);    // throws StmAbort if the reads are no longer valid
bool stm_try_become_inevitable(StmTx* tx);  // false (nothing changed) if another is inevitable
// o is owned by a running transaction other than tx (null: by any): for an object allocated
// inside a transaction, "not yet committed by its creator".
bool stm_owned_by_other(const StmTx* tx, const StmObject* o);
inline bool stm_is_inevitable(const StmTx* tx) {
  return tx->sh->state.load(std::memory_order_relaxed) == StmState::Inevitable;
}

// Objects. stm_init_plain: created outside any transaction (owner 0, committed = v, ts 0).
// stm_init_fresh: allocated by tx; tx owns it and writes `v` in place (no clone, no log, nothing
// at commit: ts 0 is <= every snapshot and nobody reaches it before tx publishes a reference).
void stm_init_plain(StmObject* o, StmVersion* v);
void stm_init_fresh(StmTx* tx, StmObject* o, StmVersion* v);

// Slow paths (stm_core.cpp).
const StmVersion* stm_read_slow(StmTx* tx, const StmObject* o);
void stm_read_record(StmTx* tx, const StmObject* o, const StmVersion* v);
StmVersion* stm_write_slow(StmTx* tx, StmObject* o, const StmTypeOps* ops);
void stm_check_slow(StmTx* tx);

// ---- inline fast paths ----------------------------------------------------------------------

// The private version if tx owns o, else null. The owner word is re-read after priv: a stealer
// CASes owner first and then stores its own priv (release); if our acquire load of priv saw the
// stealer's pointer, the CAS happens-before the re-read, which therefore cannot see our serial
// (serials are never reused). So a doomed owner never gets the stealer's half-built version.
// The first owner load is relaxed: only this thread ever stores our serial there.
//
// The tag check covers the other direction: T1 takes o, is doomed by T2, which takes o and
// stores its priv; T1, still between its owner CAS and its priv store, then stores its own
// priv over T2's. T2's fast path sees a foreign tag and takes the slow path, which puts its
// version back (stm_repair_priv). Serials are never reused, so a tag match is exact.
inline StmVersion* stm_owned_version(const StmTx* tx, const StmObject* o) {
  uint64_t s = tx->serial;
  if (o->owner.load(std::memory_order_relaxed) != s) return nullptr;
  StmVersion* p = o->priv.load(std::memory_order_acquire);
  if (o->owner.load(std::memory_order_relaxed) != s || !p || p->tag != s) return nullptr;
  return p;
}

inline size_t stm_filter_index(const void* o) {
  return (reinterpret_cast<uintptr_t>(o) >> 4) & (kStmFilterSize - 1);
}

// Read barrier: the version of o this transaction must read.
inline const StmVersion* stm_read(StmTx* tx, const StmObject* o) {
  if (o->owner.load(std::memory_order_relaxed) == tx->serial) [[unlikely]] {
    // Ours, unless stolen meanwhile; a foreign tag on priv is a doomed owner's late store:
    // never fall back to the committed version here, the slow path repairs or aborts.
    if (StmVersion* p = stm_owned_version(tx, o)) return p;
    return stm_read_slow(tx, o);
  }
  // acquire: pairs with the committer's release store, so the body and ts are visible.
  const StmVersion* v = o->committed.load(std::memory_order_acquire);
  if (v->ts > tx->snapshot) [[unlikely]] return stm_read_slow(tx, o);
  const StmTx::FilterEntry& e = tx->filter[stm_filter_index(o)];
  if (e.obj != o || e.tag != tx->filter_tag) [[unlikely]] stm_read_record(tx, o, v);
  return v;
}

// Write barrier: the private version of o this transaction may modify (implies a read).
inline StmVersion* stm_write(StmTx* tx, StmObject* o, const StmTypeOps* ops) {
  if (StmVersion* p = stm_owned_version(tx, o)) return p;
  return stm_write_slow(tx, o, ops);
}

// Safe-point check: throws StmAbort if another transaction doomed this one. Relaxed: a late
// observation only delays the abort to the next check, slow path or commit.
inline void stm_check(StmTx* tx) {
  StmState s = tx->sh->state.load(std::memory_order_relaxed);
  if (s == StmState::Doomed || s == StmState::Dooming) [[unlikely]] stm_check_slow(tx);
}

// Location word for conflict reports: a cheap relaxed store the VM makes as it runs.
inline void stm_set_location(StmTx* tx, uint64_t word) {
  tx->sh->location.store(word, std::memory_order_relaxed);
}

// Transaction-length budget.
inline void stm_add_work(StmTx* tx, uint64_t n) { tx->work += n; }
inline bool stm_should_break(const StmTx* tx) { return tx->work >= tx->budget; }

// ---- statistics (stm_stats.cpp) -------------------------------------------------------------

struct StmConflictRow {
  StmConflictKind kind;
  std::string object_kind;   // what was collided on: the kind, refined by describe_access
  uint64_t my_location, other_location;
  uint64_t aborts = 0;      // aborts of "my" side
  uint64_t steals = 0;      // times "my" side stole from the other
  uint64_t lost_ns = 0;     // time lost in those aborts
};
struct StmInevitableRow {
  uint64_t location;
  uint64_t count = 0, total_ns = 0, max_ns = 0;
};
struct StmReport {
  StmCounters totals;
  std::vector<StmConflictRow> conflicts;     // sorted by lost_ns, then aborts, descending
  std::vector<StmInevitableRow> inevitable;  // sorted by total_ns descending
};
void stm_flush_stats(StmTx* tx);      // add tx's counters to the totals and zero them
StmReport stm_report();               // totals flushed so far + the conflict/inevitable tables
std::string stm_format_report(const StmReport& r);
void stm_reset_stats();               // tests

}  // namespace stmjit::stm
