// stm_core.cpp: transaction descriptors, barrier slow paths, commit, abort and inevitability.
// The algorithm and the memory-ordering argument are in docs/stm.md; contention management is
// in stm_contention.cpp and statistics in stm_stats.cpp.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

#include "stm-barriers/stm_internal.h"

namespace stmjit::stm {

namespace {
// Records where this thread is (see StmConfig::current_location).
inline void note_location(StmTx* tx) {
  if (auto f = stm_config().current_location) tx->sh->location.store(f(), std::memory_order_relaxed);
}
}  // namespace


std::atomic<uint64_t> g_stm_clock{0};
StmShared g_stm_shared[kStmMaxTx];
std::mutex g_stm_commit_lock;
std::atomic<StmShared*> g_stm_inevitable{nullptr};

namespace {
StmConfig g_config;
std::atomic<uint64_t> g_slots_used{0};   // bit i: slot i has a live descriptor
std::atomic<uint64_t> g_age_ticket{0};   // transaction ages (first attempts), never repeats

void* default_alloc(size_t n) {
  void* p = std::malloc(n);
  if (!p) throw std::bad_alloc();
  return p;
}
void* alloc_version(size_t n) {
  return g_config.alloc_version ? g_config.alloc_version(n) : default_alloc(n);
}

// Ends the current transaction's ownership: every owner word holding the old serial is dead
// from now on. release: whoever sees the new serial (acquire, stm_live_owner) also sees the
// versions this transaction published before it.
void bump_serial(StmTx* tx) {
  tx->serial += kStmMaxTx;
  tx->sh->serial.store(tx->serial, std::memory_order_release);
}

}  // namespace

// Moves our own state to `to` by CAS. A stealer may hold our state at Dooming for a moment
// (filling in why, or backing off because we moved on): wait it out, so that its following
// store can never land on a state we have left.
void stm_set_own_state(StmTx* tx, StmState to) {
  for (unsigned round = 0;;) {
    StmState s = tx->sh->state.load(std::memory_order_acquire);
    if (s == StmState::Dooming) {
      stm_pause(round);
      continue;
    }
    if (tx->sh->state.compare_exchange_weak(s, to, std::memory_order_acq_rel)) return;
  }
}

namespace {
void finish_commit(StmTx* tx) {
  bump_serial(tx);
  stm_set_own_state(tx, StmState::Idle);
  tx->retrying = false;
  tx->counters.commits++;
  // The budget grows back towards its initial value after successful commits.
  uint64_t init = g_config.budget_initial;
  if (tx->budget < init) tx->budget = std::min(init, tx->budget + tx->budget / 4 + 1);
  if (g_config.on_event)   // a clock read costs ~20 ns: only for the live log
    stm_emit(StmEventKind::Commit, tx, stm_now_ns() - tx->attempt_start_ns);
}

// Publishes the write set at timestamp ts. Caller holds g_stm_commit_lock.
void publish(StmTx* tx, uint64_t ts) {
  for (size_t i = 0; i < tx->writes.size; i++) {
    StmWriteEntry& w = tx->writes.data[i];
    w.priv->ts = ts;
    // release: a reader that acquires this pointer sees the whole body and its ts.
    w.obj->committed.store(w.priv, std::memory_order_release);
    // Where it wrote w.obj: a reader this commit invalidates is told that line.
    stm_note_committer(w.obj, w.location);
  }
  // release: a transaction that reads the clock (acquire) and then a committed pointer sees
  // every version with ts <= the clock value it read.
  g_stm_clock.store(ts, std::memory_order_release);
}

// Index of the first stale read entry, or -1. acquire on committed: pairs with publish.
long first_stale_read(const StmTx* tx) {
  for (size_t i = 0; i < tx->reads.size; i++) {
    const StmReadEntry& e = tx->reads.data[i];
    if (e.obj->committed.load(std::memory_order_acquire) != e.ver) return static_cast<long>(i);
  }
  return -1;
}

[[noreturn]] void abort_stale(StmTx* tx, long i, StmConflictKind kind, const StmObject* writing) {
  const StmObject* o = tx->reads.data[i].obj;
  StmConflictInfo why;
  why.kind = (writing && o == writing) ? StmConflictKind::WriteRead : kind;
  why.object = o;
  why.object_kind = stm_kind_name(o, nullptr);
  why.other_location = stm_last_committer(o);
  why.access_location = why.other_location;   // where the committer wrote o
  stm_abort_throw(tx, why);
}

bool wait_not_inevitable(StmTx* tx, bool wait, uint64_t& waited_since, unsigned& round) {
  if (!wait) return false;
  if (!waited_since) waited_since = stm_now_ns();
  stm_throw_if_doomed(tx);
  stm_pause(round);
  return true;
}
}  // namespace

void stm_configure(const StmConfig& c) { g_config = c; }
const StmConfig& stm_config() { return g_config; }

template <class T> void StmLog<T>::grow() {
  size_t ncap = cap ? cap * 2 : 64;
  void* p = g_config.alloc_log ? g_config.alloc_log(ncap * sizeof(T)) : default_alloc(ncap * sizeof(T));
  if (size) std::memcpy(p, data, size * sizeof(T));
  release();
  data = static_cast<T*>(p);
  cap = ncap;
}
template <class T> void StmLog<T>::release() {
  if (data) (g_config.free_log ? g_config.free_log : std::free)(data);
  data = nullptr;
  cap = 0;
}
template struct StmLog<StmReadEntry>;
template struct StmLog<StmWriteEntry>;

StmTx::StmTx() : budget(g_config.budget_initial) {
  uint64_t used = g_slots_used.load(std::memory_order_relaxed);
  for (;;) {
    if (~used == 0) throw std::runtime_error("stm: more than 64 live transaction descriptors");
    int s = __builtin_ctzll(~used);
    // acquire: the previous user of the slot finished with its shared words.
    if (g_slots_used.compare_exchange_weak(used, used | (1ull << s), std::memory_order_acquire)) {
      slot = s;
      break;
    }
  }
  sh = &g_stm_shared[slot];
  // The slot's serial counter persists across descriptors, so serials never repeat.
  uint64_t old = sh->serial.load(std::memory_order_relaxed);
  serial = old ? old : static_cast<uint64_t>(kStmMaxTx | slot);
  bump_serial(this);
  sh->state.store(StmState::Idle, std::memory_order_relaxed);
}

StmTx::~StmTx() {
  if (sh->state.load(std::memory_order_relaxed) != StmState::Idle) stm_abort(this);
  stm_flush_stats(this);
  reads.release();
  writes.release();
  g_slots_used.fetch_and(~(1ull << slot), std::memory_order_release);
}

void stm_init_plain(StmObject* o, StmVersion* v) {
  v->ts = 0;
  o->owner.store(0, std::memory_order_relaxed);
  o->priv.store(nullptr, std::memory_order_relaxed);
  // The object is not shared yet; its publication (by the VM) orders these stores.
  o->committed.store(v, std::memory_order_relaxed);
}

void stm_init_fresh(StmTx* tx, StmObject* o, StmVersion* v) {
  v->ts = 0;
  v->tag = tx->serial;
  o->owner.store(tx->serial, std::memory_order_relaxed);
  o->priv.store(v, std::memory_order_relaxed);
  o->committed.store(v, std::memory_order_relaxed);
}

void stm_begin(StmTx* tx) {
  if (tx->sh->state.load(std::memory_order_relaxed) != StmState::Idle)
    throw std::logic_error("stm_begin: transaction already running");
  if (++tx->filter_tag == 0) {   // tag wrapped: old entries could match again, clear them
    std::memset(static_cast<void*>(tx->filter), 0, sizeof tx->filter);
    tx->filter_tag = 1;
  }
  if (!tx->retrying)
    tx->sh->age.store(g_age_ticket.fetch_add(1, std::memory_order_relaxed) + 1,
                      std::memory_order_relaxed);
  tx->reads.clear();
  tx->writes.clear();
  tx->work = 0;
  tx->attempt_start_ns = stm_now_ns();
  // acquire: see every version with ts <= snapshot (pairs with publish's release of the clock).
  tx->snapshot = g_stm_clock.load(std::memory_order_acquire);
  // release: a stealer that finds our serial in an owner word sees Running, not a stale state.
  tx->sh->state.store(StmState::Running, std::memory_order_release);
  stm_emit(StmEventKind::Begin, tx, 0);
}

void stm_begin_inevitable(StmTx* tx) {
  stm_begin(tx);
  stm_become_inevitable(tx);
}

void stm_read_record(StmTx* tx, const StmObject* o, const StmVersion* v) {
  tx->reads.push({o, v});
  tx->filter[stm_filter_index(o)] = {o, tx->filter_tag};
}

void stm_extend_snapshot(StmTx* tx, StmConflictKind kind, const StmObject* writing) {
  uint64_t c = g_stm_clock.load(std::memory_order_acquire);
  long bad = first_stale_read(tx);
  if (bad >= 0) abort_stale(tx, bad, kind, writing);
  tx->snapshot = c;
}

StmVersion* stm_repair_priv(StmTx* tx, const StmObject* o) {
  if (o->owner.load(std::memory_order_relaxed) != tx->serial) return nullptr;
  for (size_t i = tx->writes.size; i-- > 0;) {
    StmWriteEntry& w = tx->writes.data[i];
    if (w.obj != o) continue;
    // A doomed transaction stores its priv at most once more: repeat until ours stays.
    const_cast<StmObject*>(o)->priv.store(w.priv, std::memory_order_release);
    return w.priv;
  }
  // Fresh objects are not logged, but nobody else ever owned them: no late store can hit them.
  std::fputs("stm: internal error: owned object without a private version\n", stderr);
  std::abort();
}

const StmVersion* stm_read_slow(StmTx* tx, const StmObject* o) {
  note_location(tx);
  stm_throw_if_doomed(tx);
  if (StmVersion* p = stm_repair_priv(tx, o)) return p;
  tx->work++;
  for (unsigned round = 0;; ) {
    if (StmVersion* p = stm_owned_version(tx, o)) return p;
    const StmVersion* v = o->committed.load(std::memory_order_acquire);
    if (v->ts <= tx->snapshot) {
      const StmTx::FilterEntry& e = tx->filter[stm_filter_index(o)];
      if (e.obj != o || e.tag != tx->filter_tag) stm_read_record(tx, o, v);
      return v;
    }
    uint64_t before = tx->snapshot;
    stm_extend_snapshot(tx, StmConflictKind::ReadWrite);
    // The version is published before the clock moves: wait for the committer to finish.
    if (tx->snapshot == before || tx->snapshot < v->ts) stm_pause(round);
  }
}

StmVersion* stm_write_slow(StmTx* tx, StmObject* o, const StmTypeOps* ops) {
  note_location(tx);
  stm_throw_if_doomed(tx);
  if (StmVersion* p = stm_repair_priv(tx, o)) return p;
  tx->work++;
  StmCloneMode mode = StmCloneMode::PreviousOwnerEnded;
  uint64_t cur;   // the owner word we replaced
  for (;;) {
    cur = o->owner.load(std::memory_order_acquire);
    bool live = stm_live_owner(cur) != nullptr;
    bool got = live
        ? stm_contend(tx, o, ops, cur)
        // acq_rel: acquire orders our reads of committed after the previous owner's release
        // of its serial; release is not needed by readers but keeps the CAS a full RMW.
        : o->owner.compare_exchange_strong(cur, tx->serial, std::memory_order_acq_rel,
                                           std::memory_order_relaxed);
    if (got) {
      if (live || (cur & kStmTaintedOwner)) mode = StmCloneMode::Stolen;
      break;
    }
  }
  // We own o: nobody else can publish a version of it until we end (a stealer dooms us first).
  const StmVersion* v = o->committed.load(std::memory_order_acquire);
  for (unsigned round = 0; v->ts > tx->snapshot; ) {
    uint64_t before = tx->snapshot;
    stm_extend_snapshot(tx, StmConflictKind::ReadWrite, o);
    if (tx->snapshot == before || tx->snapshot < v->ts) stm_pause(round);
  }
  StmVersion* p;
  try {
    p = static_cast<StmVersion*>(alloc_version(ops->version_size));
    p->ts = v->ts;
    p->tag = tx->serial;
    ops->clone(v, p, mode);
    tx->writes.push({o, p, ops, tx->sh->location.load(std::memory_order_relaxed), mode == StmCloneMode::Stolen});
  } catch (std::bad_alloc&) {
    // Out of memory before the object has a private version: give the ownership back, so
    // the program sees MemoryError and the object stays as it was (not owned by us with no
    // version, which every later access would take for a VM bug). A live owner we stole from
    // is doomed and may still store into its arrays: the mark makes the next writer copy.
    uint64_t mine = tx->serial;
    uint64_t before = mode == StmCloneMode::Stolen ? cur | kStmTaintedOwner : cur;
    o->owner.compare_exchange_strong(mine, before, std::memory_order_release, std::memory_order_relaxed);
    throw;
  }
  // release: pairs with the acquire in stm_owned_version (see there).
  o->priv.store(p, std::memory_order_release);
  return p;
}

void stm_throw_if_doomed(StmTx* tx) {
  StmState s = tx->sh->state.load(std::memory_order_acquire);
  if (s != StmState::Doomed && s != StmState::Dooming) return;
  // A stealer is writing why; it stores Doomed (release) right after.
  for (unsigned round = 0; s == StmState::Dooming; s = tx->sh->state.load(std::memory_order_acquire))
    stm_pause(round);
  if (s != StmState::Doomed) return;   // the stealer backed off
  StmConflictInfo why;
  why.kind = StmConflictKind::WriteWrite;
  // Taken out, not just read: the slot table is static data the conservative GC scans, and a
  // stale pointer there would keep the object (and all it references) alive.
  why.object = tx->sh->doom_object.exchange(nullptr, std::memory_order_relaxed);
  why.object_kind = tx->sh->doom_kind_name.load(std::memory_order_relaxed);
  why.other_location = tx->sh->doom_location.load(std::memory_order_relaxed);
  why.access_location = why.other_location;   // the stealer's write of doom_object
  stm_abort_throw(tx, why);
}

void stm_check_slow(StmTx* tx) {
  // Returns only if a stealer backed off (Dooming -> Running: we had moved on).
  stm_throw_if_doomed(tx);
}

void stm_rollback(StmTx* tx, const StmConflictInfo& why) {
  StmShared* sh = tx->sh;
  if (sh->state.load(std::memory_order_relaxed) == StmState::Inevitable) {
    std::lock_guard<std::mutex> g(g_stm_commit_lock);
    g_stm_inevitable.store(nullptr, std::memory_order_relaxed);
  }
  uint64_t lost = stm_now_ns() - tx->attempt_start_ns;
  tx->counters.aborts[static_cast<int>(why.kind)]++;
  tx->counters.lost_ns += lost;
  uint64_t mine = sh->location.load(std::memory_order_relaxed);
  if (why.kind != StmConflictKind::None)
    stm_record_conflict(why.kind, why.object_kind ? why.object_kind : "object",
                        why.access_location, stm_resolve(mine),
                        stm_resolve(why.other_location), 1, 0, lost);
  // PyPy-STM's rule: the next attempt's budget is 90% of what this one managed.
  tx->budget = std::max(g_config.budget_min, tx->work - tx->work / 10);
  // Dropping the logs drops the private versions; the serial bump releases every owner word
  // (and the fresh objects) at once. The only shared objects touched are those taken from a
  // live owner: their owner words are marked (kStmTaintedOwner) while still ours.
  for (size_t i = 0; i < tx->writes.size; i++) {
    const StmWriteEntry& w = tx->writes.data[i];
    uint64_t mine = tx->serial;
    if (w.cloned_stolen)   // fails if a stealer took it from us meanwhile (it marks it then)
      w.obj->owner.compare_exchange_strong(mine, mine | kStmTaintedOwner, std::memory_order_relaxed);
  }
  tx->reads.clear();
  tx->writes.clear();
  // Idle first (nobody dooms an Idle transaction), then the serial: stealers that saw the old
  // serial wait for it to move.
  stm_set_own_state(tx, StmState::Idle);
  bump_serial(tx);
  tx->retrying = true;
  stm_emit(StmEventKind::Abort, tx, lost, why.kind, why.object, mine, why.other_location);
}

void stm_abort_throw(StmTx* tx, const StmConflictInfo& why) {
  stm_rollback(tx, why);
  throw StmAbort{why.kind};
}

bool stm_owned_by_other(const StmTx* tx, const StmObject* o) {
  uint64_t owner = o->owner.load(std::memory_order_acquire);
  return stm_live_owner(owner) && !(tx && owner == tx->serial);
}

void stm_abort(StmTx* tx) {
  if (tx->sh->state.load(std::memory_order_relaxed) == StmState::Idle) return;
  stm_rollback(tx, StmConflictInfo{});
}

namespace {
void commit_inevitable(StmTx* tx) {
  tx->sh->state.store(StmState::Committing, std::memory_order_release);
  {
    std::lock_guard<std::mutex> g(g_stm_commit_lock);
    // No writer committed since we became inevitable (they wait for the token): no validation.
    if (tx->writes.size) publish(tx, g_stm_clock.load(std::memory_order_relaxed) + 1);
    g_stm_inevitable.store(nullptr, std::memory_order_relaxed);
  }
  uint64_t ns = stm_now_ns() - tx->inevitable_start_ns;
  tx->counters.inevitable_commits++;
  tx->counters.inevitable_ns += ns;
  stm_record_inevitable(stm_resolve(tx->inevitable_location), ns);
  stm_emit(StmEventKind::InevitableEnd, tx, ns, StmConflictKind::None, nullptr,
           tx->inevitable_location);
  finish_commit(tx);
}

bool commit_impl(StmTx* tx, bool wait) {
  StmState st = tx->sh->state.load(std::memory_order_acquire);
  if (st == StmState::Idle) throw std::logic_error("stm_commit: no transaction running");
  stm_throw_if_doomed(tx);
  if (st == StmState::Inevitable) {
    commit_inevitable(tx);
    return true;
  }
  if (tx->writes.size == 0) {
    // Read-only (fresh objects aside, which nobody else can reach): the reads were consistent
    // at the snapshot, so the transaction serializes there. No shared write at all. Nobody can
    // doom us: dooming needs an owned object that others can reach.
    tx->counters.readonly_commits++;
    finish_commit(tx);
    return true;
  }
  uint64_t waited_since = 0;
  std::unique_lock<std::mutex> lock(g_stm_commit_lock, std::defer_lock);
  for (unsigned round = 0;;) {
    lock.lock();
    StmShared* inev = g_stm_inevitable.load(std::memory_order_relaxed);
    if (!inev) {
      StmState expect = StmState::Running;
      // acq_rel: a stealer's Running->Dooming CAS and ours are ordered; failure = doomed.
      if (tx->sh->state.compare_exchange_strong(expect, StmState::Committing,
                                                std::memory_order_acq_rel)) break;
      lock.unlock();
      stm_throw_if_doomed(tx);
      continue;
    }
    lock.unlock();
    // Wait while still Running (stealable), never while Committing: the inevitable
    // transaction may need an object we own, and it must not wait for us.
    if (!wait_not_inevitable(tx, wait, waited_since, round)) {
      if (waited_since) tx->counters.wait_commit_ns += stm_now_ns() - waited_since;
      return false;
    }
  }
  if (waited_since) {
    uint64_t ns = stm_now_ns() - waited_since;
    tx->counters.wait_commit_ns += ns;
    stm_emit(StmEventKind::Wait, tx, ns);
  }
  // relaxed: the clock changes only under the commit lock, which we hold.
  uint64_t ts = g_stm_clock.load(std::memory_order_relaxed) + 1;
  if (ts - 1 != tx->snapshot) {
    long bad = first_stale_read(tx);
    if (bad >= 0) {
      lock.unlock();
      abort_stale(tx, bad, StmConflictKind::ReadWrite, nullptr);
    }
  }
  publish(tx, ts);
  lock.unlock();
  finish_commit(tx);
  return true;
}

bool become_inevitable_impl(StmTx* tx, bool wait) {
  StmState st = tx->sh->state.load(std::memory_order_acquire);
  if (st == StmState::Inevitable) return true;
  note_location(tx);
  if (st == StmState::Idle) throw std::logic_error("stm_become_inevitable: no transaction");
  stm_throw_if_doomed(tx);
  uint64_t waited_since = 0;
  std::unique_lock<std::mutex> lock(g_stm_commit_lock, std::defer_lock);
  for (unsigned round = 0;;) {
    lock.lock();
    if (!g_stm_inevitable.load(std::memory_order_relaxed)) break;
    lock.unlock();
    if (!wait_not_inevitable(tx, wait, waited_since, round)) {
      if (waited_since) tx->counters.wait_inevitable_ns += stm_now_ns() - waited_since;
      return false;
    }
  }
  // Under the lock no commit is in progress: validating at the current clock is exact, and
  // no writer commits until we release the token, so the snapshot stays valid to the end.
  uint64_t c = g_stm_clock.load(std::memory_order_relaxed);
  long bad = first_stale_read(tx);
  if (bad >= 0) {
    lock.unlock();
    abort_stale(tx, bad, StmConflictKind::ReadWrite, nullptr);
  }
  for (;;) {
    StmState expect = StmState::Running;
    if (tx->sh->state.compare_exchange_weak(expect, StmState::Inevitable,
                                            std::memory_order_acq_rel)) break;
    // Doomed: abort (after unlocking). Dooming: wait until the stealer decides.
    if (expect == StmState::Doomed) {
      lock.unlock();
      stm_throw_if_doomed(tx);
      lock.lock();
    }
  }
  tx->snapshot = c;
  g_stm_inevitable.store(tx->sh, std::memory_order_relaxed);
  lock.unlock();
  uint64_t now = stm_now_ns();
  if (waited_since) {
    tx->counters.wait_inevitable_ns += now - waited_since;
    stm_emit(StmEventKind::Wait, tx, now - waited_since);
  }
  tx->inevitable_start_ns = now;
  tx->inevitable_location = tx->sh->location.load(std::memory_order_relaxed);
  stm_emit(StmEventKind::Inevitable, tx, 0, StmConflictKind::None, nullptr,
           tx->inevitable_location);
  return true;
}
}  // namespace

void stm_commit(StmTx* tx) { commit_impl(tx, true); }
bool stm_try_commit(StmTx* tx) { return commit_impl(tx, false); }
void stm_become_inevitable(StmTx* tx) { become_inevitable_impl(tx, true); }
bool stm_try_become_inevitable(StmTx* tx) { return become_inevitable_impl(tx, false); }

}  // namespace stmjit::stm
