// stm_contention.cpp: the contention manager, run when a write barrier finds the object owned
// by another live transaction.
//
// Rules: an inevitable transaction always wins; otherwise the older one (smaller age ticket,
// taken at its first attempt and kept across retries) wins, so a transaction that keeps
// aborting grows older and eventually wins: no livelock. A winner steals: it dooms the owner
// (Running -> Dooming -> Doomed; impossible once the owner is Committing, then it waits for
// the commit to finish) and CASes the owner word to itself. A loser waits a bounded time for
// the owner to finish, then aborts itself.
#include <thread>

#include "stm-barriers/stm_internal.h"

namespace stmjit::stm {

void stm_pause(unsigned& round) {
  if (++round < 64) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  } else {
    std::this_thread::yield();
  }
}

namespace {
// Takes the owner word from `cur` (a doomed or dying owner) to tx.
bool take_over(StmTx* tx, StmObject* o, uint64_t cur) {
  // acq_rel as in stm_write_slow's CAS.
  return o->owner.compare_exchange_strong(cur, tx->serial, std::memory_order_acq_rel,
                                          std::memory_order_relaxed);
}

// Dooms the victim d (state Running). Returns false if its state moved meanwhile.
bool doom(StmTx* tx, StmShared* d, uint64_t cur, StmObject* o, const StmTypeOps* ops) {
  StmState expect = StmState::Running;
  if (!d->state.compare_exchange_strong(expect, StmState::Dooming, std::memory_order_acq_rel))
    return false;
  // The victim may have ended the transaction that owns o and started another between our
  // liveness check and the CAS. While Dooming it cannot change state (it waits), and its serial
  // moves before it leaves Running (read-only commit), so this check is exact: back off.
  if (d->serial.load(std::memory_order_acquire) != cur) {
    d->state.store(StmState::Running, std::memory_order_release);
    return false;
  }
  uint64_t mine = tx->sh->location.load(std::memory_order_relaxed);
  uint64_t theirs = d->location.load(std::memory_order_relaxed);
  const char* name = stm_kind_name(o, ops);
  // relaxed: published by the release store of Doomed, read after the victim's acquire.
  d->doom_location.store(mine, std::memory_order_relaxed);
  d->doom_object.store(o, std::memory_order_relaxed);
  d->doom_kind_name.store(name, std::memory_order_relaxed);
  d->state.store(StmState::Doomed, std::memory_order_release);
  tx->counters.steals++;
  stm_record_conflict(StmConflictKind::WriteWrite, name, mine, stm_resolve(mine),
                      stm_resolve(theirs), 0, 1, 0);
  stm_emit(StmEventKind::Steal, tx, 0, StmConflictKind::WriteWrite, o, mine, theirs);
  return true;
}

bool i_win(const StmTx* tx, const StmShared* d) {
  if (stm_is_inevitable(tx)) return true;
  StmState s = d->state.load(std::memory_order_acquire);
  if (s == StmState::Inevitable) return false;
  // relaxed: ages are set at begin, before the owner took any object we could see.
  return tx->sh->age.load(std::memory_order_relaxed) < d->age.load(std::memory_order_relaxed);
}
}  // namespace

bool stm_contend(StmTx* tx, StmObject* o, const StmTypeOps* ops, uint64_t cur) {
  StmShared* d = stm_live_owner(cur);
  if (!d) return false;
  bool win = i_win(tx, d);
  uint64_t start = stm_now_ns();
  unsigned round = 0;
  for (;;) {
    if (o->owner.load(std::memory_order_acquire) != cur || !stm_live_owner(cur)) break;
    StmState s = d->state.load(std::memory_order_acquire);
    // A doomed owner will never commit: anyone may take the object from it. Not so while
    // Dooming: that stealer may still back off (the owner had moved on) and leave it Running.
    if (s == StmState::Doomed) return take_over(tx, o, cur);
    if (s == StmState::Dooming) {
      stm_pause(round);
      continue;
    }
    if (s == StmState::Inevitable) win = stm_is_inevitable(tx);   // it became inevitable
    if (win && s == StmState::Running) {
      if (doom(tx, d, cur, o, ops)) return take_over(tx, o, cur);
      continue;   // its state moved: look again
    }
    // Here we wait: we lost, or the owner is committing (or ending) and will release soon.
    stm_throw_if_doomed(tx);
    if (!win && stm_now_ns() - start > stm_config().contention_wait_ns) {
      tx->counters.wait_contention_ns += stm_now_ns() - start;
      StmConflictInfo why;
      why.kind = StmConflictKind::WriteWrite;
      why.object = o;
      why.object_kind = stm_kind_name(o, ops);
      why.other_location = d->location.load(std::memory_order_relaxed);
      why.access_location = tx->sh->location.load(std::memory_order_relaxed);   // our write
      stm_abort_throw(tx, why);
    }
    stm_pause(round);
  }
  uint64_t ns = stm_now_ns() - start;
  tx->counters.wait_contention_ns += ns;
  if (round) stm_emit(StmEventKind::Wait, tx, ns, StmConflictKind::WriteWrite, o);
  return false;
}

}  // namespace stmjit::stm
