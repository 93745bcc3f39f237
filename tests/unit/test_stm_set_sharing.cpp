// test_stm_set_sharing.cpp: a transaction's private version of a set shares the committed
// version's table (runtime/set.cpp): adding a key that lands in an empty slot fills it in
// place, numbered past every older version's fill, which those versions read as empty; an
// add that CPython puts into a dummy slot, a removal, and an add after an aborted add (the
// claim fails) copy the table first; random interleavings match a reference model.
#include <gtest/gtest.h>

#include <set>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"
#include "stm-barriers/stm_core.h"
#include "tests/unit/random_schedule.h"
#include "tests/unit/vm_tx_support.h"

using namespace stmjit;
using vmtest::Tx;

namespace {

class SetSharing : public vmtest::VmObjectTest {};

using vmtest::key;

// A committed set {0, ..., n-1}; 8 keys give a 32-slot table with room for 10 more adds.
SetObj* committed_set(int64_t n) {
  OutsideTransaction outside;
  SetObj* s = set_new();
  for (int64_t i = 0; i < n; i++) set_add(s, key(i));
  return s;
}

const DictBody* committed(SetObj* s) {
  OutsideTransaction outside;
  return stm_read(s);
}

void expect_keys(const DictBody* b, const std::set<int64_t>& want, int64_t range, const char* what) {
  for (int64_t k = 0; k < range; k++)
    ASSERT_EQ(set_version_contains(b, key(k)), want.count(k) == 1) << what << ": key " << k;
  ASSERT_EQ(b->length, int64_t(want.size())) << what;
}

std::set<int64_t> range_set(int64_t n) {
  std::set<int64_t> r;
  for (int64_t i = 0; i < n; i++) r.insert(i);
  return r;
}

TEST_F(SetSharing, AddIntoAnEmptySlotStoresInPlace) {
  SetObj* s = committed_set(8);
  const DictBody* before = committed(s);
  Tx tx;
  set_add(s, key(40));
  set_add(s, key(41));
  EXPECT_EQ(stm_read(s)->entries, before->entries);
  EXPECT_TRUE(stm_read(s)->shared);
  expect_keys(before, range_set(8), 64, "the committed version");   // 40 and 41 unseen
  std::set<int64_t> want = range_set(8);
  want.insert({40, 41});
  expect_keys(stm_read(s), want, 64, "the transaction's version");
  tx.commit();
  expect_keys(committed(s), want, 64, "after the commit");
  EXPECT_EQ(committed(s)->entries, before->entries);
}

TEST_F(SetSharing, RemovingCopiesFirst) {
  SetObj* s = committed_set(8);
  const DictBody* before = committed(s);
  Tx tx;
  EXPECT_TRUE(set_discard(s, key(3)));
  EXPECT_NE(stm_read(s)->entries, before->entries);
  expect_keys(before, range_set(8), 64, "the committed version");
  tx.commit();
  std::set<int64_t> want = range_set(8);
  want.erase(3);
  expect_keys(committed(s), want, 64, "after the commit");
}

TEST_F(SetSharing, AddIntoADummySlotCopiesFirst) {
  // CPython reuses the first dummy on the probe path: so must we (iteration order), and the
  // older versions must keep seeing the slot as a dummy.
  SetObj* s = committed_set(8);
  { OutsideTransaction outside; set_discard(s, key(5)); }
  const DictBody* before = committed(s);
  Tx tx;
  set_add(s, key(5));   // the same hash: its probe path meets the dummy first
  EXPECT_NE(stm_read(s)->entries, before->entries);
  std::set<int64_t> without5 = range_set(8);
  without5.erase(5);
  expect_keys(before, without5, 64, "the committed version");
  tx.commit();
  expect_keys(committed(s), range_set(8), 64, "after the commit");
}

TEST_F(SetSharing, AddAfterAnAbortedAddCopies) {
  // The aborted add filled a slot with fill number `used`. Had the next add taken that number
  // too, the aborted key would have become a member of its version.
  SetObj* s = committed_set(8);
  const DictBody* before = committed(s);
  Tx tx;
  set_add(s, key(50));
  stm::stm_abort(&tx.tx);
  tx.begin();
  set_add(s, key(51));
  EXPECT_NE(stm_read(s)->entries, before->entries);
  std::set<int64_t> want = range_set(8);
  want.insert(51);
  expect_keys(stm_read(s), want, 64, "the retry's version");
  tx.commit();
  expect_keys(committed(s), want, 64, "after the commit");
  expect_keys(before, range_set(8), 64, "the first version");
}

// Random interleavings (tests/unit/random_schedule.h) of adds, discards and membership tests.
struct SetModel {
  using State = std::set<int64_t>;
  struct Pending { std::set<int64_t> added, removed; };
  static constexpr int64_t kKeys = 120;
  SetObj* s = committed_set(0);
  std::set<int64_t> model;
  int shared_adds = 0;

  bool expected(const Pending& p, int64_t k) const {
    if (p.added.count(k)) return true;
    if (p.removed.count(k)) return false;
    return model.count(k) == 1;
  }
  void begin(Pending& p) { p = Pending{}; }
  // Only effective changes are recorded: adding a member or discarding a non-member only
  // reads, and a transaction that only read serializes at its snapshot.
  void data_op(Pending& p, int step, int64_t k, uint64_t op) {
    if (op < 50) {
      bool is_new = !expected(p, k);
      set_add(s, key(k));
      if (is_new) {
        p.added.insert(k);
        p.removed.erase(k);
        if (stm_read(s)->shared) shared_adds++;
      }
    } else if (op < 60) {
      bool was_member = expected(p, k);
      ASSERT_EQ(set_discard(s, key(k)), was_member) << "step " << step;
      if (was_member) {
        p.removed.insert(k);
        p.added.erase(k);
      }
    } else {
      ASSERT_EQ(set_contains(s, key(k)), expected(p, k)) << "step " << step << " key " << k;
    }
  }
  State commit(Pending& p) {
    for (int64_t x : p.added) model.insert(x);
    for (int64_t x : p.removed) model.erase(x);
    return model;
  }
  const DictBody* committed() const { return ::committed(s); }
  void check(const DictBody* b, const State& want, const char* what) const {
    expect_keys(b, want, kKeys, what);
  }
};

TEST_F(SetSharing, RandomInterleavingsMatchAReferenceModel) {
  SetModel m;
  vmtest::Lcg rng{0xa11ce5};
  vmtest::ScheduleCounts n = vmtest::run_random_schedule(m, rng, 10000, SetModel::kKeys);
  EXPECT_GT(n.commits, 300);
  EXPECT_GT(n.aborts, 100);
  EXPECT_GT(m.shared_adds, 50);
}

}  // namespace
