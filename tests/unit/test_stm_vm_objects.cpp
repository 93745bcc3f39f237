// test_stm_vm_objects.cpp: the VM's object barriers (stm-barriers/barrier.h) over the STM core
// with real threads, without the interpreter: read-modify-write of a shared list element by
// several threads, each also logging what it read into a list of its own. Serializability
// means no update is lost and no value is read twice.
#include <gtest/gtest.h>

#include <gc/gc.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "runtime/object_model.h"

using namespace stmjit;

namespace {

TEST(StmVmObjects, SharedListCounterHasNoLostUpdate) {
  static char arg0[] = "prog.py";
  static char* argv[] = {arg0, nullptr};
  runtime_init(1, argv);
  stm_vm_configure();
  // Several read-then-write rounds per transaction: a stealer and a doomed owner's late
  // private-version store race in between (the case stm_owned_version's tag check covers).
  constexpr int kThreads = 2, kIters = 20000, kPerTx = 5;
  Value zero = make_int(0);
  ListObj* shared = list_from(&zero, 1);
  std::vector<ListObj*> seen(kThreads);
  for (auto& s : seen) s = list_new();
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++)
    threads.emplace_back([&, t] {
      GC_stack_base sb;
      GC_get_stack_base(&sb);
      GC_register_my_thread(&sb);
      {
        stm::StmTx tx;
        t_stm_tx = &tx;
        int i = 0, start_i = 0;
        stm::stm_begin(&tx);
        while (i < kIters) {
          try {
            Value v = stm_read(shared)->items[0];
            list_write_body(shared)->items[0] = make_int(v.as_small_int() + 1);
            list_append(seen[size_t(t)], v);
            i++;
            if (i % kPerTx == 0 || i == kIters) {
              stm::stm_commit(&tx);
              start_i = i;
              if (i < kIters) stm::stm_begin(&tx);
            }
          } catch (stm::StmAbort&) {
            i = start_i;
            stm::stm_begin(&tx);
          }
        }
        t_stm_tx = nullptr;
      }
      GC_unregister_my_thread();
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(stm_read(shared)->items[0].as_small_int(), kThreads * kIters);
  std::vector<int64_t> all;
  for (ListObj* s : seen) {
    const ListBody* b = stm_read(s);
    EXPECT_EQ(b->length, kIters);
    for (int64_t k = 0; k < b->length; k++) all.push_back(b->items[k].as_small_int());
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << "a value was read twice";
}

}  // namespace
