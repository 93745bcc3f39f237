// test_stm_dict_sharing.cpp: a transaction's private version of a dict shares the committed
// version's entry and index arrays (DictBody::shared): inserting a new key claims the next
// entry number and stores past every version's `used`, which older versions read as free;
// updates and deletions copy first; an aborted insert's leftovers make the next insert copy
// (the claim fails) instead of aliasing them; a clone stolen from a live owner copies.
// Transactions are interleaved step by step in one thread by switching t_stm_tx.
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "runtime/object_model.h"
#include "stm-barriers/stm_core.h"
#include "runtime/types_internal.h"
#include "tests/unit/random_schedule.h"
#include "tests/unit/vm_tx_support.h"

using namespace stmjit;

namespace {

class DictSharing : public vmtest::VmObjectTest {};

using vmtest::key;

// A committed dict {0: 0, 1: 10, ..., n-1: 10(n-1)}.
DictObj* committed_dict(int64_t n) {
  OutsideTransaction outside;
  DictObj* d = dict_new();
  for (int64_t i = 0; i < n; i++) dict_set(d, key(i), make_int(10 * i));
  return d;
}

const DictBody* committed(DictObj* d) {
  OutsideTransaction outside;
  return stm_read(d);
}

using vmtest::Tx;

// b holds exactly keys 0..n-1 mapped to 10*i, plus `extra` (key -> value), and not `absent`.
void expect_version(const DictBody* b, int64_t n, std::initializer_list<std::pair<int64_t, int64_t>> extra,
                    std::initializer_list<int64_t> absent = {}) {
  EXPECT_EQ(b->length, n + int64_t(extra.size()));
  for (int64_t i = 0; i < n; i++) {
    Value v = dict_version_get(b, key(i));
    ASSERT_FALSE(v.is_empty()) << "key " << i;
    EXPECT_EQ(v.as_small_int(), 10 * i) << "key " << i;
  }
  for (auto [k, want] : extra) {
    Value v = dict_version_get(b, key(k));
    ASSERT_FALSE(v.is_empty()) << "key " << k;
    EXPECT_EQ(v.as_small_int(), want) << "key " << k;
  }
  for (int64_t k : absent) EXPECT_TRUE(dict_version_get(b, key(k)).is_empty()) << "key " << k;
}

TEST_F(DictSharing, InsertStoresInPlaceWithoutCopying) {
  DictObj* d = committed_dict(5);
  const DictBody* before = committed(d);
  const DictEntry* entries = before->entries;
  int64_t room = before->entry_capacity - before->used;
  ASSERT_GE(room, 2);
  Tx tx;
  dict_set(d, key(100), make_int(1));
  dict_set(d, key(101), make_int(2));
  const DictBody* mine = stm_read(d);
  EXPECT_EQ(mine->entries, entries);   // shared, not copied
  EXPECT_TRUE(mine->shared);
  expect_version(mine, 5, {{100, 1}, {101, 2}});
  // Readers of the committed version still see their 5 keys, and not the new ones, although
  // their index now holds entry numbers they do not have.
  expect_version(before, 5, {}, {100, 101});
  tx.commit();
  expect_version(committed(d), 5, {{100, 1}, {101, 2}});
  EXPECT_EQ(committed(d)->entries, entries);
}

TEST_F(DictSharing, UpdatingAnExistingKeyCopiesFirst) {
  DictObj* d = committed_dict(4);
  const DictBody* before = committed(d);
  Tx tx;
  dict_set(d, key(2), make_int(99));
  EXPECT_NE(stm_read(d)->entries, before->entries);
  EXPECT_FALSE(stm_read(d)->shared);
  expect_version(before, 4, {});
  tx.commit();
  EXPECT_EQ(dict_version_get(committed(d), key(2)).as_small_int(), 99);
}

TEST_F(DictSharing, DeletingCopiesFirstAndLeavesOlderVersionsIntact) {
  DictObj* d = committed_dict(4);
  const DictBody* before = committed(d);
  Tx tx;
  EXPECT_TRUE(dict_del(d, key(1)));
  EXPECT_NE(stm_read(d)->index, before->index);
  expect_version(before, 4, {});
  tx.commit();
  EXPECT_TRUE(dict_version_get(committed(d), key(1)).is_empty());
  EXPECT_EQ(committed(d)->length, 3);
}

TEST_F(DictSharing, InsertAfterAnAbortedInsertCopiesInsteadOfAliasing) {
  // The aborted insert left entry number `used` in an index slot. Had the next transaction
  // taken that number again for another key, two slots would name one entry, and deleting
  // the key would leave the other slot pointing at a dead entry.
  DictObj* d = committed_dict(3);
  const DictBody* before = committed(d);
  Tx tx;
  dict_set(d, key(500), make_int(5));
  EXPECT_EQ(stm_read(d)->entries, before->entries);
  stm::stm_abort(&tx.tx);
  expect_version(committed(d), 3, {}, {500});
  tx.begin();
  dict_set(d, key(600), make_int(6));
  EXPECT_NE(stm_read(d)->entries, before->entries);   // the claim failed: a copy of its own
  expect_version(stm_read(d), 3, {{600, 6}}, {500});
  EXPECT_TRUE(dict_del(d, key(600)));
  expect_version(stm_read(d), 3, {}, {500, 600});
  tx.commit();
  expect_version(committed(d), 3, {}, {500, 600});
}

TEST_F(DictSharing, CommittedInsertsKeepSharingAcrossTransactions) {
  DictObj* d = committed_dict(2);   // room for 10 entries
  const DictEntry* entries = committed(d)->entries;
  ASSERT_GE(committed(d)->entry_capacity, 7);
  Tx tx;
  for (int64_t k = 0; k < 5; k++) {
    dict_set(d, key(1000 + k), make_int(k));
    tx.commit();
    tx.begin();
  }
  tx.commit();
  EXPECT_EQ(committed(d)->entries, entries);
  expect_version(committed(d), 2, {{1000, 0}, {1001, 1}, {1002, 2}, {1003, 3}, {1004, 4}});
}

TEST_F(DictSharing, CloneStolenFromALiveOwnerCopies) {
  DictObj* d = committed_dict(2);
  const DictBody* before = committed(d);
  stm::StmTx older, younger;
  stm::stm_begin(&older);
  stm::stm_begin(&younger);
  t_stm_tx = &younger;
  dict_set(d, key(7), make_int(70));
  t_stm_tx = &older;
  dict_set(d, key(8), make_int(80));   // steals
  EXPECT_NE(stm_read(d)->entries, before->entries);
  expect_version(stm_read(d), 2, {{8, 80}}, {7});
  t_stm_tx = &younger;
  EXPECT_THROW(stm::stm_check(&younger), stm::StmAbort);
  t_stm_tx = &older;
  stm::stm_commit(&older);
  expect_version(committed(d), 2, {{8, 80}}, {7});
}


// Random interleavings of three transactions inserting, updating, deleting and reading keys
// of one dict, committing and aborting, against a reference model (tests/unit/
// random_schedule.h): every read in a live transaction sees the last committed state plus its
// own writes; every commit publishes exactly the model's state; and every version ever
// published keeps answering as it did (inserts that share arrays with it stay invisible).
using Contents = std::map<int64_t, int64_t>;

Contents contents(const DictBody* b) {
  Contents c;
  for (int64_t i = 0; i < b->used; i++)
    if (!b->entries[i].key.is_empty()) c[b->entries[i].key.as_small_int()] = b->entries[i].value.as_small_int();
  return c;
}

struct DictModel {
  using State = Contents;
  using Pending = std::map<int64_t, std::optional<int64_t>>;   // own writes (nullopt: deleted)
  static constexpr int64_t kKeys = 160;
  DictObj* d = committed_dict(0);
  Contents model;
  int shared_inserts = 0;

  std::optional<int64_t> expected(const Pending& p, int64_t k) const {
    if (auto w = p.find(k); w != p.end()) return w->second;
    if (auto c = model.find(k); c != model.end()) return c->second;
    return std::nullopt;
  }
  void begin(Pending& p) { p.clear(); }
  void data_op(Pending& p, int step, int64_t k, uint64_t op) {
    if (op < 50) {
      bool is_new = !expected(p, k).has_value();
      dict_set(d, key(k), make_int(step));
      p[k] = step;
      if (is_new && stm_read(d)->shared) shared_inserts++;
    } else if (op < 60) {
      bool had = expected(p, k).has_value();
      ASSERT_EQ(dict_del(d, key(k)), had) << "step " << step;
      if (had) p[k] = std::nullopt;
    } else {
      Value v = dict_get(d, key(k));
      std::optional<int64_t> want = expected(p, k);
      if (!want) ASSERT_TRUE(v.is_empty()) << "step " << step << " key " << k;
      else ASSERT_EQ(v.as_small_int(), *want) << "step " << step << " key " << k;
    }
  }
  State commit(Pending& p) {
    for (auto& [k, v] : p) {
      if (v) model[k] = *v;
      else model.erase(k);
    }
    return model;
  }
  const DictBody* committed() const { return ::committed(d); }
  void check(const DictBody* b, const State& want, const char* what) const {
    ASSERT_EQ(b->length, int64_t(want.size())) << what;
    ASSERT_EQ(contents(b), want) << what;
    for (int64_t k = 0; k < kKeys; k++) {
      Value v = dict_version_get(b, key(k));
      auto it = want.find(k);
      if (it == want.end()) ASSERT_TRUE(v.is_empty()) << what << ": key " << k << " should be absent";
      else ASSERT_EQ(v.as_small_int(), it->second) << what << ": key " << k;
    }
  }
};

TEST_F(DictSharing, RandomInterleavingsMatchAReferenceModel) {
  DictModel m;
  vmtest::Lcg rng{0x5eed1234};
  vmtest::ScheduleCounts n = vmtest::run_random_schedule(m, rng, 10000, DictModel::kKeys);
  // The schedule must have exercised what it claims to.
  EXPECT_GT(n.commits, 300);
  EXPECT_GT(n.aborts, 100);
  EXPECT_GT(m.shared_inserts, 50);
}

}  // namespace
