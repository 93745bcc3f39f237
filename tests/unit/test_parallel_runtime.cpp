// test_parallel_runtime.cpp: the runtime's shared C++ state (state the STM does not protect)
// used from several threads at once, with no GIL: interning and the one-character strings,
// shapes and their transitions, the built-in module registry, subclass tables and class
// versions with the constructor cache, lazily created function dicts, the slack counter; and,
// with real STM transactions, what a transaction may and may not publish through those
// non-transactional structures (second version bump at commit, no cache entry holding an
// uncommitted cell or class value, lazily published objects made outside the transaction).
//
// Every parallel test runs under a deadline: a hang aborts the test binary with a message
// instead of blocking ctest until its timeout.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "interpreter/inline_cache.h"
#include "runtime/instance.h"
#include "runtime/object_model.h"

using namespace stmjit;

namespace {

constexpr int kThreads = 8;
constexpr auto kDeadline = std::chrono::seconds(60);

class ParallelRuntime : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static char arg0[] = "prog.py";
    static char* argv[] = {arg0, nullptr};
    runtime_init(1, argv);
  }
  // The STM core tests in this binary configure the core their own way; put the VM's
  // configuration (GC versions, the tx-end hook) back. No transaction exists between tests.
  void SetUp() override { stm_vm_configure(); }
};

// Runs body(t) on n threads registered with the GC, all released at once. Aborts the whole
// binary if they are not done by the deadline (a deadlock must fail, not hang).
void run_parallel(int n, const std::function<void(int)>& body) {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::mutex m;
  std::condition_variable cv;
  int done = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < n; t++)
    threads.emplace_back([&, t] {
      GC_stack_base sb;
      GC_get_stack_base(&sb);
      GC_register_my_thread(&sb);
      ready.fetch_add(1);
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      body(t);
      GC_unregister_my_thread();
      std::lock_guard<std::mutex> g(m);
      done++;
      cv.notify_all();
    });
  while (ready.load() < n) std::this_thread::yield();
  go.store(true, std::memory_order_release);
  {
    std::unique_lock<std::mutex> g(m);
    if (!cv.wait_for(g, kDeadline, [&] { return done == n; })) {
      std::fprintf(stderr, "run_parallel: threads still running after the deadline (deadlock?)\n");
      std::abort();
    }
  }
  for (auto& th : threads) th.join();
}

ClassObj* make_class(const char* name, ClassObj* base = nullptr) {
  Value b = Value::from_obj(base ? base : cls_object);
  return class_new(intern(name), tuple_from(&b, 1), dict_new(), intern("__main__"));
}

std::string nm(const char* prefix, int i) { return prefix + std::to_string(i); }

// A transaction run as this thread's t_stm_tx (what the interpreter does per thread). t_stm_tx
// is set only while it runs: the barriers must not see an idle descriptor.
void tx_begin(stm::StmTx* tx) {
  t_stm_tx = tx;
  stm::stm_begin(tx);
}
void tx_commit(stm::StmTx* tx) {
  stm::stm_commit(tx);
  t_stm_tx = nullptr;
}
void tx_abort(stm::StmTx* tx) {
  stm::stm_abort(tx);
  t_stm_tx = nullptr;
}

TEST_F(ParallelRuntime, InterningFromThreads) {
  constexpr int kNames = 400;
  std::vector<std::vector<StrObj*>> shared(kThreads, std::vector<StrObj*>(kNames));
  std::vector<std::vector<StrObj*>> chars(kThreads, std::vector<StrObj*>(128));
  run_parallel(kThreads, [&](int t) {
    for (int round = 0; round < 3; round++)
      for (int i = 0; i < kNames; i++) {
        // Same names in every thread (in a different order), plus names only this thread uses
        // (they grow the table while the others look up).
        int k = (t % 2) ? kNames - 1 - i : i;
        shared[size_t(t)][size_t(k)] = intern(nm("par_shared_", k));
        intern(nm("par_own_", t * 100000 + round * kNames + i));
      }
    for (int c = 1; c < 128; c++) chars[size_t(t)][size_t(c)] = str_new(std::string(1, char(c)));
    if (t == 0) GC_gcollect();   // a collection while the others intern
  });
  for (int t = 1; t < kThreads; t++) {
    for (int i = 0; i < kNames; i++) ASSERT_EQ(shared[size_t(t)][size_t(i)], shared[0][size_t(i)]);
    for (int c = 1; c < 128; c++) ASSERT_EQ(chars[size_t(t)][size_t(c)], chars[0][size_t(c)]);
  }
  for (int i = 0; i < kNames; i++) {
    EXPECT_TRUE(shared[0][size_t(i)]->interned);
    EXPECT_EQ(str_view(shared[0][size_t(i)]), nm("par_shared_", i));
  }
  EXPECT_EQ(chars[0]['a'], intern("a"));
}

TEST_F(ParallelRuntime, ShapesAndInstancesOfOneClass) {
  ClassObj* C = make_class("ParShapes");
  constexpr int kAttrs = 12;
  std::vector<Shape*> last(kThreads);
  run_parallel(kThreads, [&](int t) {
    for (int round = 0; round < 200; round++) {
      InstanceObj* o = instance_new(C);
      // Half the threads add the attributes in reverse order: two transition chains race.
      for (int i = 0; i < kAttrs; i++) {
        int k = (t % 2) ? kAttrs - 1 - i : i;
        instance_store_attr(o, intern(nm("s", k)), make_int(k));
      }
      for (int k = 0; k < kAttrs; k++) ASSERT_EQ(instance_load_attr(o, intern(nm("s", k))), make_int(k));
      last[size_t(t)] = stm_read(o)->shape;
    }
  });
  for (int t = 2; t < kThreads; t++) EXPECT_EQ(last[size_t(t)], last[size_t(t % 2)]);
  EXPECT_NE(last[0], last[1]);
  EXPECT_EQ(last[0]->nslots, kAttrs);
  EXPECT_EQ(last[0]->cls, C);
  // The slack hint only ever grows to what instances needed.
  EXPECT_EQ(C->expected_slots.load(), kAttrs);
}

TEST_F(ParallelRuntime, BuiltinModuleRegistry) {
  static std::atomic<int> inits{0};
  register_builtin_module("par_shared_mod", [] {
    inits.fetch_add(1);
    ModuleObj* m = module_new("par_shared_mod");
    module_set(m, intern("x"), make_int(42));
    return m;
  });
  std::vector<ModuleObj*> seen(kThreads);
  run_parallel(kThreads, [&](int t) {
    for (int i = 0; i < 40; i++) {
      // Registering new modules grows the table while the other threads search it.
      register_builtin_module(nm("par_mod_", t * 1000 + i), [] { return module_new("par_any"); });
      ModuleObj* m = find_builtin_module("par_shared_mod");
      ASSERT_NE(m, nullptr);
      if (i == 0) seen[size_t(t)] = m;
      ASSERT_EQ(m, seen[size_t(t)]);
      ASSERT_NE(find_builtin_module("math"), nullptr);
      ASSERT_NE(find_builtin_module(nm("par_mod_", t * 1000 + i)), nullptr);
      ASSERT_EQ(find_builtin_module("par_no_such_module"), nullptr);
    }
  });
  EXPECT_EQ(inits.load(), 1);
  for (int t = 1; t < kThreads; t++) EXPECT_EQ(seen[size_t(t)], seen[0]);
  EXPECT_EQ(module_get(seen[0], intern("x")), make_int(42));
}

TEST_F(ParallelRuntime, SubclassesVersionsAndConstructorCache) {
  ClassObj* Base = make_class("ParBase");
  StrObj* attr = intern("par_attr");
  class_set_attr(Base, attr, make_int(0));
  std::vector<std::vector<ClassObj*>> made(kThreads);
  run_parallel(kThreads, [&](int t) {
    for (int i = 0; i < 60; i++) {
      if (t % 2 == 0) {
        // Writers: grow the subclass table of Base and change Base's attribute (a version
        // bump walks the subclass table the other writers are growing).
        made[size_t(t)].push_back(make_class("ParSub", Base));
        uint64_t before = Base->version.load();
        class_set_attr(Base, attr, make_int(t * 1000 + i));
        ASSERT_GT(Base->version.load(), before);
      } else {
        // Readers: calling the class fills its constructor cache, snapshots of the subclass
        // list are consistent, lookups see one of the written values.
        Value obj = class_call(Base, nullptr, 0, nullptr);
        ASSERT_EQ(class_of(obj), Base);
        for (ClassObj* sub : class_subclasses(Base)) ASSERT_EQ(sub->bases->items[0], Value::from_obj(Base));
        Value v = lookup_in_mro(Base, attr);
        ASSERT_TRUE(v.is_small_int());
      }
    }
  });
  size_t expected = 0;
  for (auto& v : made) expected += v.size();
  EXPECT_EQ(class_subclasses(Base).size(), expected);
  // Every subclass was bumped along with Base: its version moved past its creation value 1.
  for (auto& v : made)
    for (ClassObj* sub : v) EXPECT_GT(sub->version.load(), 1u);
}

TEST_F(ParallelRuntime, FunctionDictCreatedOnceOutsideTransactions) {
  constexpr int kFuncs = 50;
  std::vector<FunctionObj*> fns;
  for (int i = 0; i < kFuncs; i++) fns.push_back(gc_new<FunctionObj>(cls_function));
  std::vector<std::vector<DictObj*>> got(kThreads, std::vector<DictObj*>(kFuncs));
  run_parallel(kThreads, [&](int t) {
    // Half the threads run a transaction: the dict must still be a committed (plain) object.
    stm::StmTx tx;
    bool in_tx = t % 2;
    if (in_tx) tx_begin(&tx);
    for (int i = 0; i < kFuncs; i++) got[size_t(t)][size_t(i)] = function_dict(fns[size_t(i)]);
    if (in_tx) tx_commit(&tx);
  });
  for (int i = 0; i < kFuncs; i++) {
    for (int t = 1; t < kThreads; t++) ASSERT_EQ(got[size_t(t)][size_t(i)], got[0][size_t(i)]);
    EXPECT_EQ(got[0][size_t(i)]->stm_header.owner.load(), 0u);
  }
}

// ---- with STM transactions ---------------------------------------------------------------

TEST_F(ParallelRuntime, ClassWriteBumpsVersionAgainAtCommitAndAbort) {
  ClassObj* C = make_class("ParTxClass");
  StrObj* attr = intern("tx_attr");
  stm::StmTx tx;
  for (bool commit : {true, false}) {
    tx_begin(&tx);
    uint64_t v0 = C->version.load();
    class_set_attr(C, attr, make_int(commit ? 1 : 2));
    EXPECT_TRUE(class_tx_writes_pending());
    uint64_t v1 = C->version.load();
    EXPECT_GT(v1, v0);
    if (commit) tx_commit(&tx);
    else tx_abort(&tx);
    EXPECT_FALSE(class_tx_writes_pending());
    // The second bump: a pair (v1, value) cached by anyone meanwhile is now stale.
    EXPECT_GT(C->version.load(), v1);
  }
  EXPECT_EQ(lookup_in_mro(C, attr), make_int(1));   // the aborted write is gone
}

// A transaction's first write to an instance clones its body. The clone must own a copy of the
// extra block (overflow slots, dict-mode dict): sharing it would put the write into the
// committed version, visible to other threads before the commit and kept by an abort.
TEST_F(ParallelRuntime, InstanceExtraBlockIsPrivateToTransaction) {
  ClassObj* C = make_class("ParTxOverflow");
  InstanceObj* inst = instance_new(C);   // outside a transaction: committed at once
  Value o = Value::from_obj(inst);
  const int n = kInlineSlots + 2;
  for (int i = 0; i < n; i++) setattr(o, intern(nm("s", i)), make_int(i));
  StrObj* attr = intern(nm("s", n - 1));   // an overflow slot
  stm::StmTx tx;
  for (bool commit : {false, true}) {
    const InstanceBody* committed = stm_read(inst);
    Value before = instance_slot_load(committed, n - 1);
    Value written = make_int(commit ? 100 : 200);
    tx_begin(&tx);
    setattr(o, attr, written);
    EXPECT_EQ(getattr(o, attr), written);
    EXPECT_NE(stm_read(inst)->extra, committed->extra);
    EXPECT_EQ(instance_slot_load(committed, n - 1), before);   // committed versions never change
    if (commit) tx_commit(&tx);
    else tx_abort(&tx);
    EXPECT_EQ(instance_slot_load(committed, n - 1), before);
    EXPECT_EQ(getattr(o, attr), commit ? written : before);
  }
  // Dict mode taken by an aborted transaction: the instance keeps its slots.
  tx_begin(&tx);
  getattr(o, names.__dict__);   // switches the instance to dict mode
  EXPECT_EQ(stm_read(inst)->shape, nullptr);
  EXPECT_EQ(getattr(o, attr), make_int(100));
  tx_abort(&tx);
  EXPECT_NE(stm_read(inst)->shape, nullptr);
  EXPECT_EQ(stm_read(inst)->extra->dict, nullptr);
  EXPECT_EQ(getattr(o, attr), make_int(100));
  EXPECT_EQ(getattr(o, intern(nm("s", 0))), make_int(0));
}

// A class made by an aborted transaction leaves its base's subclass list (the retry makes
// another); one another thread's transaction made is hidden from __subclasses__ until it commits.
TEST_F(ParallelRuntime, SubclassRegistryFollowsTransactions) {
  ClassObj* Base = make_class("ParRegBase");
  stm::StmTx tx;
  tx_begin(&tx);
  ClassObj* zombie = make_class("ParRegAborted", Base);
  EXPECT_EQ(class_subclasses(Base).size(), 1u);
  EXPECT_EQ(class_visible_subclasses(Base).size(), 1u);   // its own transaction sees it
  tx_abort(&tx);
  EXPECT_TRUE(class_subclasses(Base).empty()) << str_view(zombie->name);

  std::atomic<int> step{0};
  ClassObj* made = nullptr;
  run_parallel(2, [&](int t) {
    if (t == 0) {
      stm::StmTx mine;
      tx_begin(&mine);
      made = make_class("ParRegCommitted", Base);
      step = 1;
      while (step.load() != 2) std::this_thread::yield();
      tx_commit(&mine);
      step = 3;
    } else {
      while (step.load() != 1) std::this_thread::yield();
      EXPECT_EQ(class_subclasses(Base).size(), 1u);         // registered: version bumps reach it
      EXPECT_TRUE(class_visible_subclasses(Base).empty());  // but not shown before its commit
      step = 2;
      while (step.load() != 3) std::this_thread::yield();
      auto visible = class_visible_subclasses(Base);
      ASSERT_EQ(visible.size(), 1u);
      EXPECT_EQ(visible[0], made);
    }
  });
}

TEST_F(ParallelRuntime, NoCacheEntryFromUncommittedState) {
  ClassObj* C = make_class("ParTxCache");
  StrObj* meth = intern("tx_meth");
  class_set_attr(C, meth, make_int(7));
  ModuleObj* m = module_new("par_tx_globals");
  StrObj* gname = intern("par_tx_global_never_seen");
  stm::StmTx tx;
  tx_begin(&tx);
  // LOAD_GLOBAL of a name the module has no cell for: the cell is made by this transaction.
  std::atomic<void*> gslot{nullptr};
  GlobalCacheEntry* e = global_cache_fill(gslot, m, gname);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(gslot.load(), nullptr);   // not published: the cell is not committed
  // A class write of this transaction: attribute lookups work but publish nothing.
  class_set_attr(C, meth, make_int(8));
  InstanceObj* o = instance_new(C);
  std::atomic<void*> aslot{nullptr};
  EXPECT_EQ(load_attr_slow(aslot, Value::from_obj(o), meth), make_int(8));
  EXPECT_EQ(aslot.load(), nullptr);
  tx_abort(&tx);
  // After the abort the old value is back, the orphan cell is gone, and caching works again.
  InstanceObj* o2 = instance_new(C);
  tx_begin(&tx);
  EXPECT_EQ(load_attr_slow(aslot, Value::from_obj(o2), meth), make_int(7));
  EXPECT_NE(aslot.load(), nullptr);
  EXPECT_EQ(module_cell(m, gname, false), nullptr);
  tx_commit(&tx);
  // A committed cell is cached.
  module_set(m, gname, make_int(1));
  std::atomic<void*> gslot2{nullptr};
  tx_begin(&tx);
  GlobalCacheEntry* e2 = global_cache_fill(gslot2, m, gname);
  EXPECT_EQ(gslot2.load(), static_cast<void*>(e2));
  EXPECT_EQ(stm_read(e2->cell)->value, make_int(1));
  tx_commit(&tx);
}

TEST_F(ParallelRuntime, BuiltinModuleMadeInsideTransactionIsCommitted) {
  register_builtin_module("par_tx_mod", [] {
    ModuleObj* m = module_new("par_tx_mod");
    module_set(m, intern("y"), make_int(5));
    return m;
  });
  std::vector<ModuleObj*> seen(kThreads);
  run_parallel(kThreads, [&](int t) {
    stm::StmTx tx;
    tx_begin(&tx);
    seen[size_t(t)] = find_builtin_module("par_tx_mod");
    // Every thread reads it; if the module were a fresh object of one transaction, the others
    // would read it while that transaction still owned it.
    EXPECT_EQ(module_get(seen[size_t(t)], intern("y")), make_int(5));
    tx_commit(&tx);
  });
  for (int t = 1; t < kThreads; t++) EXPECT_EQ(seen[size_t(t)], seen[0]);
  EXPECT_EQ(seen[0]->stm_header.owner.load(), 0u);
  EXPECT_EQ(stm_read(seen[0])->cells->stm_header.owner.load(), 0u);
}

// Class attribute writes in transactions from several threads while others fill and use the
// attribute and constructor caches. Writers also make writes they then abort, with a marker
// value that is never committed: no thread may ever get it from a lookup or a cache.
TEST_F(ParallelRuntime, TransactionalClassWritesWithCacheReaders) {
  ClassObj* C = make_class("ParTxMixed");
  StrObj* attr = intern("mixed");
  const Value kAborted = make_int(-1);
  class_set_attr(C, attr, make_int(0));
  std::atomic<int> aborts{0};
  run_parallel(kThreads, [&](int t) {
    stm::StmTx tx;
    std::atomic<void*> slot{nullptr};
    InstanceObj* o = instance_new(C);
    for (int i = 1; i <= 300; i++) {
      for (;;) {
        tx_begin(&tx);
        try {
          if (t < 3) {
            if (i % 3 == 0) {
              // A write that never commits; this thread looks it up (tempting the caches). It
              // usually reads its own -1, but not always: a stealer may have doomed it, and a
              // doomed transaction reads the committed version until it notices.
              class_set_attr(C, attr, kAborted);
              load_attr_slow(slot, Value::from_obj(o), attr);
              class_call(C, nullptr, 0, nullptr);
              tx_abort(&tx);
            } else {
              class_set_attr(C, attr, make_int(int64_t(t) * 100000 + i));
              tx_commit(&tx);
            }
          } else {
            Value got = load_attr_slow(slot, Value::from_obj(o), attr);
            const AttrCacheEntry* e = attr_cache_find(slot, stm_read(o)->shape);
            Value cached = e ? e->plan.value : got;
            class_call(C, nullptr, 0, nullptr);
            tx_commit(&tx);
            ASSERT_NE(got, kAborted);
            ASSERT_NE(cached, kAborted) << "a cache entry held a value no transaction committed";
          }
          break;
        } catch (stm::StmAbort&) {
          t_stm_tx = nullptr;   // rolled back: retry
          aborts.fetch_add(1);
        }
      }
    }
    // Outside any transaction now: what the caches hold is committed.
    const AttrCacheEntry* e = attr_cache_find(slot, stm_read(o)->shape);
    if (e) {
      EXPECT_NE(e->plan.value, kAborted);
    }
  });
  EXPECT_NE(lookup_in_mro(C, attr), kAborted);
  std::printf("TransactionalClassWritesWithCacheReaders: %d aborts\n", aborts.load());
}

}  // namespace
