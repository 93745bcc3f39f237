// test_stm_list_sharing.cpp: a transaction's private version of a list shares the committed
// version's items array (ListBody::shared_prefix): appends store in place past every
// version's length, a pop from the end stores nothing, anything else copies the array first,
// an abort leaves the committed items intact, and a clone stolen from a live owner copies.
// Transactions are interleaved step by step in one thread by switching t_stm_tx.
#include <gtest/gtest.h>

#include "runtime/object_model.h"
#include "stm-barriers/stm_core.h"
#include "tests/unit/vm_tx_support.h"

using namespace stmjit;

namespace {

class ListSharing : public vmtest::VmObjectTest {};

// A committed list [0, 1, ..., n-1] with room for `capacity` items.
ListObj* committed_list(int64_t n, int64_t capacity) {
  OutsideTransaction outside;
  ListObj* l = list_new(capacity);
  for (int64_t i = 0; i < n; i++) list_append(l, make_int(i));
  return l;
}

using vmtest::Tx;

const ListBody* committed(ListObj* l) {
  OutsideTransaction outside;
  return stm_read(l);
}

void expect_items(const ListBody* b, std::initializer_list<int64_t> want) {
  ASSERT_EQ(b->length, int64_t(want.size()));
  int64_t i = 0;
  for (int64_t w : want) EXPECT_EQ(b->items[i++].as_small_int(), w) << "item " << i - 1;
}

// This transaction's version of l has an array of its own, not `shared`.
void expect_own_array(ListObj* l, const Value* shared) {
  EXPECT_NE(stm_read(l)->items, shared);
  EXPECT_EQ(stm_read(l)->shared_prefix, 0);
}

Value pop_last(ListObj* l) { return call0(getattr(Value::from_obj(l), intern("pop"))); }

TEST_F(ListSharing, AppendStoresInPlaceWithoutCopying) {
  ListObj* l = committed_list(3, 8);
  const Value* array = committed(l)->items;
  Tx tx;
  list_append(l, make_int(3));
  list_append(l, make_int(4));
  const ListBody* mine = stm_read(l);
  EXPECT_EQ(mine->items, array);   // shared, not copied
  EXPECT_EQ(mine->shared_prefix, 3);
  expect_items(committed(l), {0, 1, 2});   // readers of the committed version see 3 items
  tx.commit();
  expect_items(committed(l), {0, 1, 2, 3, 4});
  EXPECT_EQ(committed(l)->items, array);
}

TEST_F(ListSharing, StoreIntoExistingItemCopiesFirst) {
  ListObj* l = committed_list(3, 8);
  const Value* array = committed(l)->items;
  Tx tx;
  setitem(Value::from_obj(l), make_int(0), make_int(99));
  expect_own_array(l, array);
  expect_items(committed(l), {0, 1, 2});
  tx.commit();
  expect_items(committed(l), {99, 1, 2});
}

TEST_F(ListSharing, PopFromEndSharesThenAppendCopies) {
  ListObj* l = committed_list(4, 8);
  const Value* array = committed(l)->items;
  Tx tx;
  EXPECT_EQ(pop_last(l).as_small_int(), 3);
  EXPECT_EQ(stm_read(l)->items, array);   // nothing stored: still shared
  EXPECT_EQ(stm_read(l)->shared_prefix, 4);
  list_append(l, make_int(7));            // would store into slot 3, which readers see
  EXPECT_NE(stm_read(l)->items, array);
  expect_items(committed(l), {0, 1, 2, 3});
  tx.commit();
  expect_items(committed(l), {0, 1, 2, 7});
  // The old array is still what older versions read: slot 3 was never overwritten.
  EXPECT_EQ(array[3].as_small_int(), 3);
}

TEST_F(ListSharing, PrefixCarriesAcrossCommitsWhileShared) {
  // Commit a pop (length 3 over an array that a version of length 4 still reads), then a
  // later transaction's append must not store into slot 3 either.
  ListObj* l = committed_list(4, 8);
  const Value* array = committed(l)->items;
  Tx tx;
  pop_last(l);
  tx.commit();
  EXPECT_EQ(committed(l)->items, array);
  tx.begin();
  list_append(l, make_int(8));
  EXPECT_NE(stm_read(l)->items, array);
  tx.commit();
  expect_items(committed(l), {0, 1, 2, 8});
  EXPECT_EQ(array[3].as_small_int(), 3);
}

TEST_F(ListSharing, AbortedAppendsLeaveTheCommittedListIntact) {
  ListObj* l = committed_list(2, 8);
  Tx tx;
  list_append(l, make_int(50));
  list_append(l, make_int(51));
  stm::stm_abort(&tx.tx);
  expect_items(committed(l), {0, 1});
  tx.begin();
  list_append(l, make_int(2));   // reuses slot 2 in place
  tx.commit();
  expect_items(committed(l), {0, 1, 2});
}

TEST_F(ListSharing, GrowingPastCapacityMakesTheArrayOwn) {
  ListObj* l = committed_list(2, 2);
  const Value* array = committed(l)->items;
  Tx tx;
  list_append(l, make_int(2));
  expect_own_array(l, array);
  tx.commit();
  expect_items(committed(l), {0, 1, 2});
}

TEST_F(ListSharing, CloneStolenFromALiveOwnerCopies) {
  // The younger owner appends in place into the shared array; the older steals. The younger
  // is doomed but has not reached a barrier yet, and may still store into the array it
  // holds: the stealer's version must not share that array.
  ListObj* l = committed_list(2, 8);
  const Value* array = committed(l)->items;
  stm::StmTx older, younger;
  stm::stm_begin(&older);
  stm::stm_begin(&younger);
  t_stm_tx = &younger;
  list_append(l, make_int(20));
  ListBody* doomed_view = list_append_body(l);   // its private version, as its own code holds it
  EXPECT_EQ(doomed_view->items, array);
  t_stm_tx = &older;
  list_append(l, make_int(10));   // steals
  EXPECT_NE(stm_read(l)->items, array);
  // The doomed owner's late store (what its C++ code may still do) lands in its own view.
  doomed_view->items[doomed_view->length++] = make_int(21);
  t_stm_tx = &younger;
  EXPECT_THROW(stm::stm_check(&younger), stm::StmAbort);
  t_stm_tx = &older;
  stm::stm_commit(&older);
  expect_items(committed(l), {0, 1, 10});
}

TEST_F(ListSharing, AfterAStealerAbortsTheNextWriterStillCopies) {
  // The stealer aborts instead of committing: the committed version is still the one whose
  // array the doomed owner holds, so a third transaction must not share it either
  // (kStmTaintedOwner), or the doomed owner's late store would land in its list.
  ListObj* l = committed_list(2, 8);
  const Value* array = committed(l)->items;
  stm::StmTx stealer, doomed, third;
  stm::stm_begin(&stealer);
  stm::stm_begin(&doomed);
  t_stm_tx = &doomed;
  list_append(l, make_int(20));
  ListBody* doomed_view = list_append_body(l);
  t_stm_tx = &stealer;
  list_append(l, make_int(10));   // steals
  stm::stm_abort(&stealer);
  t_stm_tx = &third;
  stm::stm_begin(&third);
  list_append(l, make_int(30));
  EXPECT_NE(stm_read(l)->items, array);
  doomed_view->items[2] = make_int(21);   // the doomed owner's late store
  stm::stm_commit(&third);
  expect_items(committed(l), {0, 1, 30});
  // Once a version with an array of its own is committed, appends share again.
  const Value* own = committed(l)->items;
  stm::stm_begin(&third);
  list_append(l, make_int(31));
  EXPECT_EQ(stm_read(l)->items, own);
  stm::stm_commit(&third);
  expect_items(committed(l), {0, 1, 30, 31});
  t_stm_tx = &doomed;
  EXPECT_THROW(stm::stm_check(&doomed), stm::StmAbort);
}

}  // namespace
