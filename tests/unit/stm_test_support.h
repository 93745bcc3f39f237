// stm_test_support.h: shared fixtures for the STM core tests (test_stm_*.cpp): a small
// transactional object with an int-array body, an allocator that frees everything at the end
// of a test, and the fixture that configures the core for fast tests.
#pragma once
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include "stm-barriers/stm_core.h"

namespace stmtest {
using namespace stmjit::stm;

constexpr int kVals = 4;
struct Body {
  int64_t vals[kVals];
  void* ref;   // a pointer to another test object (fresh-object publication)
};

// The mode of this thread's latest clone (tests of who may share arrays with the committed
// version; per thread: the threaded tests clone from several threads at once).
inline thread_local StmCloneMode g_last_clone_mode = StmCloneMode::PreviousOwnerEnded;
inline void clone_body(const StmVersion* src, StmVersion* dst, StmCloneMode mode) {
  std::memcpy(stm_body<Body>(dst), stm_body<Body>(src), sizeof(Body));
  g_last_clone_mode = mode;
}
inline const StmTypeOps kOps{sizeof(StmVersion) + sizeof(Body), clone_body, "TestObj"};

// A transactional object with its first version inline (as the VM lays objects out).
struct TObj {
  StmObject h;
  StmVersion v0;
  Body b0;   // directly after v0: sizeof(StmVersion) == 16 == its alignment
  TObj() { std::memset(&b0, 0, sizeof b0); stm_init_plain(&h, &v0); }
  explicit TObj(StmTx* tx) { std::memset(&b0, 0, sizeof b0); stm_init_fresh(tx, &h, &v0); }
};
static_assert(offsetof(TObj, b0) == offsetof(TObj, v0) + sizeof(StmVersion));

inline const Body* rd(StmTx* tx, TObj* o) { return stm_body<Body>(stm_read(tx, &o->h)); }
inline Body* wr(StmTx* tx, TObj* o) { return stm_body<Body>(stm_write(tx, &o->h, &kOps)); }
inline const Body* committed_body(TObj* o) {
  return stm_body<Body>(o->h.committed.load(std::memory_order_acquire));
}

// Versions for one test; freed when the test ends (no transaction outlives a test).
struct TestHeap {
  std::mutex lock;
  std::vector<void*> blocks;
  static TestHeap& get() {
    static TestHeap h;
    return h;
  }
  static void* alloc(size_t n) {
    void* p = std::calloc(1, n);
    std::lock_guard<std::mutex> g(get().lock);
    get().blocks.push_back(p);
    return p;
  }
  void free_all() {
    std::lock_guard<std::mutex> g(lock);
    for (void* p : blocks) std::free(p);
    blocks.clear();
  }
};

class StmFixture : public ::testing::Test {
 protected:
  void SetUp() override { configure(StmConfig{}); }
  // Tests call this again to change a setting (before creating their transactions).
  static void configure(StmConfig c) {
    c.alloc_version = TestHeap::alloc;
    if (c.contention_wait_ns == StmConfig{}.contention_wait_ns) c.contention_wait_ns = 20'000;
    stm_configure(c);
    stm_reset_stats();
  }
  void TearDown() override { TestHeap::get().free_all(); }
};

// Runs f and returns the abort kind it threw, or nullopt-like -1 if it did not throw.
template <class F> int abort_kind(F&& f) {
  try {
    f();
  } catch (const StmAbort& a) {
    return static_cast<int>(a.kind);
  }
  return -1;
}
constexpr int kWW = static_cast<int>(StmConflictKind::WriteWrite);
constexpr int kRW = static_cast<int>(StmConflictKind::ReadWrite);
constexpr int kWR = static_cast<int>(StmConflictKind::WriteRead);
constexpr int kNoAbort = -1;

}  // namespace stmtest
