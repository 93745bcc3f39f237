// random_schedule.h: the driver of the random-interleaving tests of shared containers
// (test_stm_dict_sharing.cpp, test_stm_set_sharing.cpp): three transactions in one thread,
// picked at random each step, doing data operations, commits and aborts against a reference
// model; every version ever published is checked again now and then and at the end.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/object_model.h"
#include "stm-barriers/stm_core.h"

namespace vmtest {

// Deterministic: the same seed gives the same schedule.
struct Lcg {
  uint64_t state;
  uint64_t next(uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  }
};

struct ScheduleCounts { int commits = 0, aborts = 0; };

// Model: `Pending` (an actor's own effective changes), `State` (committed contents), and
//   void begin(Pending&)
//   void data_op(Pending&, int step, int64_t key, uint64_t op)   (op < 82 of 100; may throw
//       StmAbort, report failures with ASSERT_*)
//   State commit(Pending&)            apply to the model, return the new committed state
//   const DictBody* committed()       the object's committed version
//   void check(const DictBody*, const State&, const char* what)
template <class Model>
ScheduleCounts run_random_schedule(Model& m, Lcg& rng, int steps, int64_t keys) {
  struct Actor {
    stmjit::stm::StmTx tx;
    bool running = false;
    typename Model::Pending pending;
  } actors[3];
  std::vector<std::pair<const stmjit::DictBody*, typename Model::State>> published;
  ScheduleCounts n;
  for (int step = 0; step < steps && !::testing::Test::HasFatalFailure(); step++) {
    Actor& a = actors[rng.next(3)];
    stmjit::t_stm_tx = &a.tx;
    if (!a.running) {
      stmjit::stm::stm_begin(&a.tx);
      a.running = true;
      m.begin(a.pending);
      continue;
    }
    int64_t k = int64_t(rng.next(uint64_t(keys)));
    uint64_t op = rng.next(100);
    try {
      stmjit::stm::stm_check(&a.tx);   // a doomed actor aborts here, before it reads anything
      if (op < 82) {
        m.data_op(a.pending, step, k, op);
      } else if (op < 96) {
        stmjit::stm::stm_commit(&a.tx);
        a.running = false;
        n.commits++;
        typename Model::State now = m.commit(a.pending);
        m.check(m.committed(), now, "after a commit");
        published.emplace_back(m.committed(), now);
      } else {
        stmjit::stm::stm_abort(&a.tx);
        a.running = false;
        n.aborts++;
      }
    } catch (stmjit::stm::StmAbort&) {
      a.running = false;
      n.aborts++;
    }
    if (!published.empty() && step % 50 == 0) {
      auto& [old, want] = published[rng.next(published.size())];
      m.check(old, want, "an older published version");
    }
  }
  for (Actor& a : actors)
    if (a.running) {
      stmjit::t_stm_tx = &a.tx;
      stmjit::stm::stm_abort(&a.tx);
    }
  for (auto& [old, want] : published) m.check(old, want, "a published version, at the end");
  return n;
}

}  // namespace vmtest
