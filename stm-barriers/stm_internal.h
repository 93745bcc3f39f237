// stm_internal.h: declarations shared by the STM core's .cpp files (not part of the API).
#pragma once
#include <chrono>
#include <mutex>

#include "stm-barriers/stm_core.h"

namespace stmjit::stm {

inline uint64_t stm_now_ns() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
      std::chrono::steady_clock::now().time_since_epoch()).count());
}

// Commit ordering: writer commits and become_inevitable hold this (briefly).
extern std::mutex g_stm_commit_lock;
// The transaction holding the inevitable token (its StmShared), or null. Changed only under
// g_stm_commit_lock; read without it by waiters as a hint.
extern std::atomic<StmShared*> g_stm_inevitable;

// The live transaction owning `owner`, or null if the word is 0 or a dead serial. acquire on
// serial: seeing a bumped serial means seeing everything its transaction published before.
inline StmShared* stm_live_owner(uint64_t owner) {
  if (owner == 0) return nullptr;
  StmShared* d = &g_stm_shared[owner & (kStmMaxTx - 1)];
  return d->serial.load(std::memory_order_acquire) == owner ? d : nullptr;
}

inline uint64_t stm_resolve(uint64_t word) {
  auto f = stm_config().resolve_location;
  return f ? f(word) : word;
}
const char* stm_kind_name(const StmObject* o, const StmTypeOps* ops);

// Rolls tx back (stats, budget, serial bump) and throws StmAbort.
struct StmConflictInfo {
  StmConflictKind kind = StmConflictKind::None;
  const StmObject* object = nullptr;
  const char* object_kind = nullptr;
  uint64_t other_location = 0;
  uint64_t access_location = 0;   // an instruction that accessed `object` (either side's)
};
[[noreturn]] void stm_abort_throw(StmTx* tx, const StmConflictInfo& why);
void stm_rollback(StmTx* tx, const StmConflictInfo& why);
// Validates the read set against the current clock and moves the snapshot there; throws (as
// `kind`, or WriteRead when the invalid entry is `writing`) if an entry is stale.
void stm_extend_snapshot(StmTx* tx, StmConflictKind kind, const StmObject* writing = nullptr);
// Our own state transitions (never over a stealer's Dooming).
void stm_set_own_state(StmTx* tx, StmState to);
// Aborts with the reason a stealer left if tx is doomed.
void stm_throw_if_doomed(StmTx* tx);

// Contention (stm_contention.cpp): tx's CAS on o failed because `owner` (live) holds it.
// Returns true when tx now owns o (it stole it), false when tx should look at the owner word
// again (the owner finished); throws StmAbort when tx loses.
bool stm_contend(StmTx* tx, StmObject* o, const StmTypeOps* ops, uint64_t owner);
// Spins/yields once; used by all waits.
void stm_pause(unsigned& round);

// Statistics and events (stm_stats.cpp).
// `access`: a raw location word of an instruction that accessed the object (see
// StmConflictInfo::access_location), to name what was collided on; 0 if unknown.
void stm_record_conflict(StmConflictKind kind, const char* object_kind, uint64_t access,
                         uint64_t mine, uint64_t other, uint64_t aborts, uint64_t steals,
                         uint64_t lost_ns);
void stm_record_inevitable(uint64_t location, uint64_t ns);
void stm_note_committer(const StmObject* o, uint64_t location);   // last committer of o
uint64_t stm_last_committer(const StmObject* o);                   // 0 if unknown
inline void stm_emit(StmEventKind k, const StmTx* tx, uint64_t ns,
                     StmConflictKind c = StmConflictKind::None, const void* obj = nullptr,
                     uint64_t mine = 0, uint64_t other = 0) {
  if (auto f = stm_config().on_event) f(StmEvent{k, tx, ns, c, obj, mine, other});
}

}  // namespace stmjit::stm
