// test_stm_dict_sharing.cpp: a transaction's private version of a dict shares the committed
// version's entry and index arrays (DictBody::shared): inserting a new key claims the next
// entry number and stores past every version's `used`, which older versions read as free;
// updates and deletions copy first; an aborted insert's leftovers make the next insert copy
// (the claim fails) instead of aliasing them; a clone stolen from a live owner copies.
// Transactions are interleaved step by step in one thread by switching t_stm_tx.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <optional>
#include <vector>

#include "runtime/object_model.h"
#include "stm-barriers/stm_core.h"
#include "tests/unit/vm_tx_support.h"

using namespace stmjit;

namespace {

class DictSharing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_init(0, nullptr);
    stm_vm_configure();
  }
  void TearDown() override { t_stm_tx = nullptr; }
};

Value key(int64_t i) { return make_int(i); }

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

TEST_F(DictSharing, SetsNeverShare) {
  SetObj* s;
  {
    OutsideTransaction outside;
    s = set_new();
    for (int64_t i = 0; i < 4; i++) set_add(s, key(i));
  }
  const DictEntry* table;
  { OutsideTransaction outside; table = stm_read(s)->entries; }
  Tx tx;
  set_add(s, key(9));
  EXPECT_NE(stm_read(s)->entries, table);
  tx.commit();
}

}  // namespace

// Random interleavings of three transactions inserting, updating, deleting and reading keys
// of one dict, committing and aborting, against a reference model: every read in a live
// transaction sees the last committed state plus its own writes; every commit publishes
// exactly the model's state; and every version ever published keeps answering as it did
// (inserts that share arrays with it must stay invisible to it).
namespace random_model {

using Contents = std::map<int64_t, int64_t>;

Contents contents(const DictBody* b) {
  Contents c;
  for (int64_t i = 0; i < b->used; i++)
    if (!b->entries[i].key.is_empty()) c[b->entries[i].key.as_small_int()] = b->entries[i].value.as_small_int();
  return c;
}

void expect_answers(const DictBody* b, const Contents& want, int64_t key_range, const char* what) {
  ASSERT_EQ(b->length, int64_t(want.size())) << what;
  ASSERT_EQ(contents(b), want) << what;
  for (int64_t k = 0; k < key_range; k++) {
    Value v = dict_version_get(b, key(k));
    auto it = want.find(k);
    if (it == want.end()) ASSERT_TRUE(v.is_empty()) << what << ": key " << k << " should be absent";
    else ASSERT_EQ(v.as_small_int(), it->second) << what << ": key " << k;
  }
}

struct Actor {
  stm::StmTx tx;
  bool running = false;
  std::map<int64_t, std::optional<int64_t>> pending;   // own writes (nullopt: deleted)
};

std::optional<int64_t> expected_read(const Contents& committed, const Actor& a, int64_t k) {
  if (auto p = a.pending.find(k); p != a.pending.end()) return p->second;
  if (auto c = committed.find(k); c != committed.end()) return c->second;
  return std::nullopt;
}

}  // namespace random_model

TEST_F(DictSharing, RandomInterleavingsMatchAReferenceModel) {
  using namespace random_model;
  constexpr int64_t kKeys = 160;
  uint64_t seed = 0x5eed1234;
  auto next = [&seed](uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  DictObj* d = committed_dict(0);
  Contents model;
  std::vector<std::pair<const DictBody*, Contents>> published;
  Actor actors[3];
  int commits = 0, aborts = 0, shared_inserts = 0;
  for (int step = 0; step < 10000; step++) {
    Actor& a = actors[next(3)];
    t_stm_tx = &a.tx;
    if (!a.running) {
      stm::stm_begin(&a.tx);
      a.running = true;
      a.pending.clear();
      continue;
    }
    int64_t k = int64_t(next(kKeys));
    uint64_t op = next(100);
    try {
      stm::stm_check(&a.tx);   // a doomed actor aborts here, before it reads anything
      if (op < 50) {
        bool is_new = !expected_read(model, a, k).has_value();
        dict_set(d, key(k), make_int(int64_t(step)));
        a.pending[k] = step;
        if (is_new && stm_read(d)->shared) shared_inserts++;
      } else if (op < 60) {
        bool had = expected_read(model, a, k).has_value();
        ASSERT_EQ(dict_del(d, key(k)), had) << "step " << step;
        if (had) a.pending[k] = std::nullopt;
      } else if (op < 82) {
        Value v = dict_get(d, key(k));
        std::optional<int64_t> want = expected_read(model, a, k);
        if (!want) ASSERT_TRUE(v.is_empty()) << "step " << step << " key " << k;
        else ASSERT_EQ(v.as_small_int(), *want) << "step " << step << " key " << k;
      } else if (op < 96) {
        stm::stm_commit(&a.tx);
        a.running = false;
        for (auto& [pk, pv] : a.pending) {
          if (pv) model[pk] = *pv;
          else model.erase(pk);
        }
        commits++;
        expect_answers(committed(d), model, kKeys, "after a commit");
        published.emplace_back(committed(d), model);
      } else {
        stm::stm_abort(&a.tx);
        a.running = false;
        aborts++;
      }
    } catch (stm::StmAbort&) {
      a.running = false;
      aborts++;
    }
    if (!published.empty() && step % 50 == 0) {
      auto& [old, want] = published[next(published.size())];
      expect_answers(old, want, kKeys, "an older published version");
    }
    if (HasFatalFailure()) return;
  }
  for (Actor& a : actors)
    if (a.running) {
      t_stm_tx = &a.tx;
      stm::stm_abort(&a.tx);
    }
  for (auto& [old, want] : published) expect_answers(old, want, kKeys, "a published version, at the end");
  // The schedule must have exercised what it claims to.
  EXPECT_GT(commits, 300);
  EXPECT_GT(aborts, 100);
  EXPECT_GT(shared_inserts, 50);
  std::printf("%d commits, %d aborts, %d inserts into shared arrays\n", commits, aborts, shared_inserts);
}
