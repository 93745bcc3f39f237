// test_stm_core.cpp: deterministic tests of the STM core. Several transactions run in one OS
// thread, interleaved step by step, so every conflict happens at a chosen point.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "tests/unit/stm_test_support.h"

namespace stmtest {
namespace {

using StmCore = StmFixture;

// `older` (at location older_loc) steals x from `younger` (younger_loc), which then aborts at
// its next check; older commits. Leaves younger ready to begin again.
void steal_and_commit(TObj& x, StmTx& older, StmTx& younger, uint64_t older_loc, uint64_t younger_loc) {
  stm_set_location(&older, older_loc);
  stm_set_location(&younger, younger_loc);
  stm_begin(&older);
  stm_begin(&younger);
  wr(&younger, &x);
  wr(&older, &x);   // steals: it is older
  EXPECT_EQ(abort_kind([&] { stm_check(&younger); }), kWW);
  stm_commit(&older);
}

TEST_F(StmCore, ReadOnlyCommitWritesNothingShared) {
  TObj x;
  StmTx t;
  uint64_t clock = g_stm_clock.load();
  stm_begin(&t);
  EXPECT_EQ(rd(&t, &x)->vals[0], 0);
  stm_commit(&t);
  EXPECT_EQ(g_stm_clock.load(), clock);
  EXPECT_EQ(t.counters.readonly_commits, 1u);
  EXPECT_EQ(t.reads.size, 1u);   // logs are kept until the next begin; no shared trace
}

TEST_F(StmCore, ReadSetIsDeduplicated) {
  TObj x, y;
  StmTx t;
  stm_begin(&t);
  for (int i = 0; i < 10; i++) { rd(&t, &x); rd(&t, &y); }
  EXPECT_EQ(t.reads.size, 2u);
  stm_commit(&t);
  stm_begin(&t);   // a new tag empties the filter without clearing it
  rd(&t, &x);
  EXPECT_EQ(t.reads.size, 1u);
  stm_commit(&t);
}

TEST_F(StmCore, WriterCommitPublishesWithNewTimestamp) {
  TObj x;
  StmTx t;
  stm_begin(&t);
  wr(&t, &x)->vals[0] = 5;
  EXPECT_EQ(committed_body(&x)->vals[0], 0);   // private until commit
  stm_commit(&t);
  EXPECT_EQ(committed_body(&x)->vals[0], 5);
  EXPECT_EQ(x.h.committed.load()->ts, g_stm_clock.load());
  EXPECT_NE(x.h.committed.load(), &x.v0);      // a clone, not the old version
}

TEST_F(StmCore, ReadWriteConflictAbortsAtCommit) {
  TObj x, y;
  StmTx t1, t2;
  stm_begin(&t1);
  rd(&t1, &x);
  wr(&t1, &y)->vals[0] = 1;
  stm_begin(&t2);
  wr(&t2, &x)->vals[0] = 9;
  stm_commit(&t2);
  EXPECT_EQ(abort_kind([&] { stm_commit(&t1); }), kRW);
  EXPECT_EQ(committed_body(&y)->vals[0], 0);   // nothing of t1 published
  EXPECT_EQ(t1.counters.aborts[kRW], 1u);
}

TEST_F(StmCore, ReadOnlySerializesBeforeTheWriter) {
  TObj x;
  StmTx t1, t2;
  stm_begin(&t1);
  EXPECT_EQ(rd(&t1, &x)->vals[0], 0);
  stm_begin(&t2);
  wr(&t2, &x)->vals[0] = 9;
  stm_commit(&t2);
  // t1 read x before t2 committed: it serializes before t2 and commits without validation.
  // (Reading x again would need the newer version, hence an extension, which would fail.)
  EXPECT_EQ(abort_kind([&] { stm_commit(&t1); }), kNoAbort);
}

TEST_F(StmCore, WriteReadReaderSeesCommittedNeverPrivate) {
  TObj x;
  StmTx t1, t2;
  stm_begin(&t1);
  Body* priv = wr(&t1, &x);
  priv->vals[0] = 5;
  stm_begin(&t2);
  const Body* seen = rd(&t2, &x);
  EXPECT_NE(seen, priv);
  EXPECT_EQ(seen->vals[0], 0);
  stm_commit(&t1);
  // t2 read the old version; reading x again needs a newer snapshot, and extension fails.
  EXPECT_EQ(abort_kind([&] { rd(&t2, &x); }), kRW);
}

TEST_F(StmCore, WriteWriteYoungerWaitsThenAborts) {
  TObj x;
  StmTx older, younger;
  stm_begin(&older);
  stm_begin(&younger);
  wr(&older, &x)->vals[0] = 1;
  EXPECT_EQ(abort_kind([&] { wr(&younger, &x); }), kWW);
  EXPECT_GT(younger.counters.wait_contention_ns, 0u);
  stm_commit(&older);
  EXPECT_EQ(committed_body(&x)->vals[0], 1);
}

TEST_F(StmCore, WriteWriteOlderStealsAndVictimNoticesAtCheck) {
  TObj x;
  StmTx older, younger;
  stm_set_location(&older, 0x111);
  stm_set_location(&younger, 0x222);
  stm_begin(&older);
  stm_begin(&younger);
  wr(&younger, &x)->vals[0] = 2;
  wr(&older, &x)->vals[0] = 1;   // steals: no wait
  EXPECT_EQ(older.counters.steals, 1u);
  EXPECT_EQ(older.counters.wait_contention_ns, 0u);
  EXPECT_EQ(abort_kind([&] { stm_check(&younger); }), kWW);
  stm_commit(&older);
  EXPECT_EQ(committed_body(&x)->vals[0], 1);
  // Both sides are in the conflict table, with both locations.
  StmReport r = stm_report();
  bool steal_row = false, abort_row = false;
  for (const StmConflictRow& row : r.conflicts) {
    EXPECT_EQ(row.kind, StmConflictKind::WriteWrite);
    EXPECT_EQ(row.object_kind, "TestObj");
    if (row.steals == 1 && row.my_location == 0x111 && row.other_location == 0x222) steal_row = true;
    if (row.aborts == 1 && row.my_location == 0x222 && row.other_location == 0x111) abort_row = true;
  }
  EXPECT_TRUE(steal_row);
  EXPECT_TRUE(abort_row);
  EXPECT_NE(stm_format_report(r).find("write-write on TestObj"), std::string::npos);
}

// A clone may share arrays with the committed version only when the previous owner has ended:
// a doomed owner whose ownership was stolen may still store into them (StmCloneMode).
TEST_F(StmCore, CloneModeTellsWhetherThePreviousOwnerEnded) {
  TObj x;
  StmTx a, b;
  stm_begin(&a);
  wr(&a, &x)->vals[0] = 1;   // never owned before
  EXPECT_EQ(g_last_clone_mode, StmCloneMode::PreviousOwnerEnded);
  stm_commit(&a);
  stm_begin(&a);
  wr(&a, &x)->vals[0] = 2;   // the owner was a, whose last transaction committed
  EXPECT_EQ(g_last_clone_mode, StmCloneMode::PreviousOwnerEnded);
  stm_commit(&a);
  StmTx older, younger;
  stm_begin(&older);
  stm_begin(&younger);
  wr(&younger, &x)->vals[0] = 3;
  EXPECT_EQ(g_last_clone_mode, StmCloneMode::PreviousOwnerEnded);
  wr(&older, &x)->vals[0] = 4;   // steals from the live younger
  EXPECT_EQ(g_last_clone_mode, StmCloneMode::Stolen);
  EXPECT_EQ(abort_kind([&] { stm_check(&younger); }), kWW);
  stm_commit(&older);
  stm_begin(&b);
  wr(&b, &x)->vals[0] = 5;   // the younger rolled back: its ownership is over
  EXPECT_EQ(g_last_clone_mode, StmCloneMode::PreviousOwnerEnded);
  stm_commit(&b);
  EXPECT_EQ(committed_body(&x)->vals[0], 5);
}

// What a conflict collided on comes from an instruction known to have accessed the object: the
// stealer's write for both rows of a steal, the committer's write (not where it committed) for
// a validation failure.
TEST_F(StmCore, ConflictNamesTheAccessThatCollided) {
  StmConfig c;
  c.describe_access = [](const char* kind, uint64_t access) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s@%llx", kind, (unsigned long long)access);
    return std::string(buf);
  };
  configure(c);
  TObj x;
  StmTx older, younger;
  steal_and_commit(x, older, younger, 0x111, 0x222);
  int named = 0;
  for (const StmConflictRow& row : stm_report().conflicts) {
    EXPECT_EQ(row.object_kind, "TestObj@111");
    named++;
  }
  EXPECT_EQ(named, 2);

  stm_reset_stats();
  TObj y, z;
  StmTx reader, writer;
  stm_set_location(&reader, 0x333);
  stm_begin(&reader);
  rd(&reader, &y);
  wr(&reader, &z);   // not read-only: its commit validates
  stm_set_location(&writer, 0x444);
  stm_begin(&writer);
  wr(&writer, &y);
  stm_set_location(&writer, 0x555);   // commits elsewhere
  stm_commit(&writer);
  EXPECT_EQ(abort_kind([&] { stm_commit(&reader); }), kRW);
  StmReport r = stm_report();
  ASSERT_EQ(r.conflicts.size(), 1u);
  // Validation has no StmTypeOps at hand and this test sets no object_kind hook: "object".
  EXPECT_EQ(r.conflicts[0].object_kind, "object@444");
  EXPECT_EQ(r.conflicts[0].other_location, 0x444u);
  EXPECT_EQ(r.conflicts[0].my_location, 0x333u);
}

TEST_F(StmCore, StolenVictimNoticesAtNextSlowPathAndCommit) {
  TObj x, y, z;
  StmTx older, younger;
  stm_begin(&older);
  stm_begin(&younger);
  Body* mine = wr(&younger, &x);
  mine->vals[0] = 2;
  wr(&older, &x)->vals[0] = 1;
  // Its own private version is gone: the fast path no longer hands it out.
  EXPECT_EQ(stm_owned_version(&younger, &x.h), nullptr);
  EXPECT_EQ(abort_kind([&] { wr(&younger, &y); }), kWW);
  stm_begin(&younger);
  rd(&younger, &z);
  stm_commit(&older);
  EXPECT_EQ(abort_kind([&] { stm_commit(&younger); }), kNoAbort);   // read-only, serializes early

  // A doomed transaction's commit fails.
  stm_begin(&older);
  stm_begin(&younger);
  wr(&younger, &y);
  wr(&older, &y);
  EXPECT_EQ(abort_kind([&] { stm_commit(&younger); }), kWW);
  stm_commit(&older);
}

TEST_F(StmCore, AbortedTransactionGetsOlderAndWins) {
  TObj x;
  StmTx a, b, c;
  stm_begin(&a);
  stm_begin(&b);
  wr(&a, &x);
  EXPECT_EQ(abort_kind([&] { wr(&b, &x); }), kWW);
  uint64_t b_age = b.sh->age.load();
  stm_commit(&a);
  stm_begin(&a);   // a's new transaction is younger than b's retry
  wr(&a, &x);
  stm_begin(&b);
  EXPECT_EQ(b.sh->age.load(), b_age);
  EXPECT_LT(b_age, a.sh->age.load());
  wr(&b, &x)->vals[0] = 7;   // b is older now: it steals
  EXPECT_EQ(abort_kind([&] { stm_check(&a); }), kWW);
  stm_commit(&b);
  EXPECT_EQ(committed_body(&x)->vals[0], 7);
  (void)c;
}

TEST_F(StmCore, InevitableStealsFromOlderAndOthersCommitsWait) {
  TObj x, y;
  StmTx older, inev, other;
  stm_begin(&older);
  stm_begin(&inev);
  wr(&older, &x)->vals[0] = 1;
  stm_become_inevitable(&inev);
  EXPECT_TRUE(stm_is_inevitable(&inev));
  wr(&inev, &x)->vals[0] = 3;   // inevitable wins against the older transaction
  EXPECT_EQ(abort_kind([&] { stm_check(&older); }), kWW);

  stm_begin(&other);
  EXPECT_FALSE(stm_try_become_inevitable(&other));   // one at a time
  wr(&other, &y)->vals[0] = 4;
  EXPECT_FALSE(stm_try_commit(&other));   // writer commits wait for the inevitable one
  // An older transaction loses against the inevitable owner too.
  stm_begin(&older);
  EXPECT_EQ(abort_kind([&] { wr(&older, &x); }), kWW);

  // stm_commit blocks (in another thread) until the inevitable transaction ends.
  std::atomic<bool> done{false};
  std::thread th([&] { stm_commit(&other); done = true; });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(done.load());
  stm_commit(&inev);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_TRUE(done.load()) << "commit waiting for the inevitable transaction never finished";
  th.join();
  EXPECT_EQ(committed_body(&x)->vals[0], 3);
  EXPECT_EQ(committed_body(&y)->vals[0], 4);
  EXPECT_GT(other.counters.wait_commit_ns, 0u);
  stm_flush_stats(&inev);
  EXPECT_EQ(stm_report().inevitable.size(), 1u);
}

TEST_F(StmCore, InevitableValidatesItsReads) {
  TObj x;
  StmTx t1, t2;
  stm_begin(&t1);
  rd(&t1, &x);
  stm_begin(&t2);
  wr(&t2, &x);
  stm_commit(&t2);
  EXPECT_EQ(abort_kind([&] { stm_become_inevitable(&t1); }), kRW);
  stm_begin_inevitable(&t1);   // the VM restarts and asks again
  EXPECT_TRUE(stm_is_inevitable(&t1));
  stm_commit(&t1);
}

TEST_F(StmCore, SnapshotExtensionSucceedsWhenReadsUnchanged) {
  TObj x, y;
  StmTx t1, t2;
  stm_begin(&t1);
  rd(&t1, &x);
  stm_begin(&t2);
  wr(&t2, &y)->vals[0] = 6;
  stm_commit(&t2);
  EXPECT_EQ(rd(&t1, &y)->vals[0], 6);   // extended: x is unchanged
  EXPECT_EQ(t1.snapshot, g_stm_clock.load());
  wr(&t1, &x)->vals[1] = 1;
  EXPECT_EQ(abort_kind([&] { stm_commit(&t1); }), kNoAbort);
}

TEST_F(StmCore, SnapshotExtensionAbortsWhenReadChanged) {
  TObj x, y;
  StmTx t1, t2;
  stm_begin(&t1);
  rd(&t1, &x);
  stm_begin(&t2);
  wr(&t2, &x)->vals[0] = 1;
  wr(&t2, &y)->vals[0] = 1;
  stm_commit(&t2);
  EXPECT_EQ(abort_kind([&] { rd(&t1, &y); }), kRW);
}

TEST_F(StmCore, WriteAfterStaleReadIsWriteRead) {
  TObj x;
  StmTx t1, t2;
  stm_begin(&t1);
  rd(&t1, &x);
  stm_begin(&t2);
  wr(&t2, &x);
  stm_commit(&t2);
  EXPECT_EQ(abort_kind([&] { wr(&t1, &x); }), kWR);
}

TEST_F(StmCore, AbortDropsPrivateVersionsAndReleasesOwnership) {
  TObj x;
  StmTx t1, t2;
  stm_begin(&t1);
  wr(&t1, &x)->vals[0] = 7;
  uint64_t owner = x.h.owner.load();
  stm_abort(&t1);
  EXPECT_EQ(committed_body(&x)->vals[0], 0);
  EXPECT_EQ(x.h.owner.load(), owner);   // the word is untouched, but dead
  stm_begin(&t2);
  wr(&t2, &x)->vals[0] = 8;             // no contention
  EXPECT_EQ(t2.counters.wait_contention_ns, 0u);
  stm_commit(&t2);
  stm_begin(&t1);
  EXPECT_EQ(rd(&t1, &x)->vals[0], 8);
  stm_commit(&t1);
}

TEST_F(StmCore, SerialBumpReleasesOwnershipAtCommit) {
  TObj x, y;
  StmTx t1, t2;
  stm_begin(&t1);
  wr(&t1, &x);
  wr(&t1, &y);
  uint64_t s = t1.serial;
  stm_commit(&t1);
  EXPECT_NE(t1.serial, s);
  EXPECT_EQ(x.h.owner.load(), s);
  stm_begin(&t2);   // younger than t1's old transaction, yet no contention: it ended
  wr(&t2, &x);
  wr(&t2, &y);
  EXPECT_EQ(t2.counters.wait_contention_ns, 0u);
  EXPECT_EQ(t2.counters.steals, 0u);
  stm_commit(&t2);
}

TEST_F(StmCore, FreshObjectsNeedNoCloneAndPublishAtCommit) {
  TObj x;
  StmTx t1, t2;
  stm_begin(&t1);
  TObj* f = new TObj(&t1);
  Body* fb = wr(&t1, f);
  EXPECT_EQ(fb, &f->b0);                 // written in place
  EXPECT_EQ(rd(&t1, f), &f->b0);
  EXPECT_EQ(t1.writes.size, 0u);         // not logged
  fb->vals[0] = 42;
  wr(&t1, &x)->ref = f;
  stm_commit(&t1);
  stm_begin(&t2);
  TObj* seen = static_cast<TObj*>(rd(&t2, &x)->ref);
  ASSERT_EQ(seen, f);
  EXPECT_EQ(rd(&t2, seen)->vals[0], 42);
  Body* again = wr(&t2, seen);           // a later transaction clones as usual
  EXPECT_NE(again, &f->b0);
  again->vals[0] = 43;
  stm_commit(&t2);
  EXPECT_EQ(committed_body(f)->vals[0], 43);
  EXPECT_EQ(f->b0.vals[0], 42);          // the old committed version is immutable
  delete f;

  // A transaction that only allocated and wrote fresh objects commits read-only.
  stm_begin(&t1);
  TObj g(&t1);
  wr(&t1, &g)->vals[0] = 1;
  stm_commit(&t1);
  EXPECT_EQ(t1.counters.readonly_commits, 1u);
}

TEST_F(StmCore, BudgetShrinksAfterAbortAndGrowsBack) {
  StmConfig c;
  c.budget_initial = 1000;
  c.budget_min = 10;
  configure(c);
  StmTx t;
  EXPECT_EQ(t.budget, 1000u);
  stm_begin(&t);
  stm_add_work(&t, 500);
  EXPECT_FALSE(stm_should_break(&t));
  stm_abort(&t);
  EXPECT_EQ(t.budget, 450u);
  stm_begin(&t);
  stm_add_work(&t, 449);
  EXPECT_FALSE(stm_should_break(&t));
  stm_add_work(&t, 1);
  EXPECT_TRUE(stm_should_break(&t));
  stm_commit(&t);
  EXPECT_GT(t.budget, 450u);
  for (int i = 0; i < 20; i++) { stm_begin(&t); stm_commit(&t); }
  EXPECT_EQ(t.budget, 1000u);
  for (int i = 0; i < 60; i++) { stm_begin(&t); stm_abort(&t); }
  EXPECT_EQ(t.budget, 10u);   // never below the minimum
}

TEST_F(StmCore, EventsAndStatsAreReported) {
  static std::atomic<int> counts[8];
  for (auto& n : counts) n = 0;
  StmConfig c;
  c.on_event = [](const StmEvent& e) { counts[static_cast<int>(e.kind)]++; };
  c.describe_location = [](uint64_t loc) { return "prog.py:" + std::to_string(loc) + ":f"; };
  configure(c);
  TObj x;
  {
    StmTx a, b;
    steal_and_commit(x, a, b, 10, 20);
    stm_begin_inevitable(&b);
    stm_commit(&b);
  }   // descriptors flush their counters when destroyed
  EXPECT_EQ(counts[static_cast<int>(StmEventKind::Begin)], 3);
  EXPECT_EQ(counts[static_cast<int>(StmEventKind::Commit)], 2);
  EXPECT_EQ(counts[static_cast<int>(StmEventKind::Abort)], 1);
  EXPECT_EQ(counts[static_cast<int>(StmEventKind::Steal)], 1);
  EXPECT_EQ(counts[static_cast<int>(StmEventKind::Inevitable)], 1);
  StmReport r = stm_report();
  EXPECT_EQ(r.totals.commits, 2u);
  EXPECT_EQ(r.totals.aborts[kWW], 1u);
  EXPECT_EQ(r.totals.steals, 1u);
  EXPECT_EQ(r.totals.inevitable_commits, 1u);
  std::string text = stm_format_report(r);
  EXPECT_NE(text.find("here:  prog.py:20:f"), std::string::npos) << text;
  EXPECT_NE(text.find("other: prog.py:10:f"), std::string::npos) << text;
  EXPECT_NE(text.find("STM inevitable:"), std::string::npos) << text;
  stm_configure(StmConfig{});
}

TEST_F(StmCore, SlotsAreReusedWithFreshSerials) {
  TObj x;
  uint64_t old_serial;
  int slot;
  {
    StmTx t;
    slot = t.slot;
    stm_begin(&t);
    wr(&t, &x);
    old_serial = t.serial;
    stm_abort(&t);
  }
  StmTx u;
  EXPECT_EQ(u.slot, slot);
  EXPECT_NE(u.serial, old_serial);
  stm_begin(&u);
  wr(&u, &x);
  stm_commit(&u);
}

// Out of memory in the write barrier, after it took ownership but before the object had a
// private version: the ownership goes back, the transaction goes on (the VM raises
// MemoryError), and nobody, the same transaction included, takes the object for owned.
bool g_fail_next_version = false;
void* failing_alloc(size_t n) {
  if (g_fail_next_version) {
    g_fail_next_version = false;
    throw std::bad_alloc();
  }
  return TestHeap::alloc(n);
}

// The test configuration, with versions from failing_alloc (the next SetUp configures anew).
class StmCoreOutOfMemory : public StmFixture {
 protected:
  void SetUp() override {
    StmFixture::SetUp();
    StmConfig failing = stm_config();
    failing.alloc_version = failing_alloc;
    stm_configure(failing);
  }
};

TEST_F(StmCoreOutOfMemory, AWriteGivesTheOwnershipBack) {
  TObj x;
  StmTx t1, t2;
  stm_begin(&t1);
  uint64_t before = x.h.owner.load();
  g_fail_next_version = true;
  EXPECT_THROW(wr(&t1, &x), std::bad_alloc);
  EXPECT_EQ(x.h.owner.load(), before);
  EXPECT_EQ(rd(&t1, &x)->vals[0], 0);   // a read after the failure: the committed version
  wr(&t1, &x)->vals[0] = 5;             // memory is back: the write works
  stm_commit(&t1);
  EXPECT_EQ(committed_body(&x)->vals[0], 5);
  stm_begin(&t2);
  wr(&t2, &x)->vals[0] = 6;
  stm_commit(&t2);
  EXPECT_EQ(committed_body(&x)->vals[0], 6);
}

TEST_F(StmCoreOutOfMemory, AfterAStealMarksTheWordForTheNextWriter) {
  TObj x;
  StmTx older, younger, later;
  stm_begin(&older);
  stm_begin(&younger);
  wr(&younger, &x)->vals[0] = 2;
  uint64_t victim = x.h.owner.load();
  g_fail_next_version = true;
  EXPECT_THROW(wr(&older, &x), std::bad_alloc);   // stole from younger, then ran out
  EXPECT_EQ(x.h.owner.load(), victim | kStmTaintedOwner);
  EXPECT_EQ(abort_kind([&] { stm_check(&younger); }), kWW);   // still doomed by the steal
  stm_commit(&older);
  EXPECT_EQ(committed_body(&x)->vals[0], 0);
  stm_begin(&later);
  wr(&later, &x)->vals[0] = 3;
  EXPECT_EQ(g_last_clone_mode, StmCloneMode::Stolen);   // the doomed owner may still store
  stm_commit(&later);
  EXPECT_EQ(committed_body(&x)->vals[0], 3);
}

}  // namespace
}  // namespace stmtest
