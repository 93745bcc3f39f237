// test_gc_alloc.cpp: the per-thread small-object lists on top of Boehm (runtime/gc_alloc.h):
// every request gets zeroed memory of at least its size, live objects survive collections and
// are never handed out twice, refills grow, and a thread's lists go away when it ends.
#include <gtest/gtest.h>

#include <gc/gc.h>

#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

#include "runtime/object.h"

using namespace stmjit;

namespace {

class GcAlloc : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    GC_INIT();
    GC_allow_register_threads();
  }
};

// Objects kept in GC-visible memory (a std::vector's buffer is malloc memory: not scanned).
struct Live {
  void** slots;
  size_t n;
  explicit Live(size_t count) : n(count) {
    slots = static_cast<void**>(GC_MALLOC_UNCOLLECTABLE(sizeof(void*) * count));
  }
  ~Live() { GC_FREE(slots); }
};

bool all_zero(const void* p, size_t n) {
  const unsigned char* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; i++)
    if (b[i]) return false;
  return true;
}

void fill(void* p, size_t n, unsigned char tag) { std::memset(p, tag, n); }

bool filled_with(const void* p, size_t n, unsigned char tag) {
  const unsigned char* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; i++)
    if (b[i] != tag) return false;
  return true;
}

TEST_F(GcAlloc, EverySizeIsZeroedAndBigEnough) {
  for (size_t n = 1; n <= kGcCacheMaxBytes; n++) {
    void* p = gc_alloc(n);
    ASSERT_NE(p, nullptr);
    EXPECT_GE(GC_size(p), n) << n;
    EXPECT_TRUE(all_zero(p, n)) << n;
    fill(p, n, 0xAB);   // dirty it: the next object of the class must still come back zeroed
  }
  EXPECT_NE(t_gc_cache, nullptr);
}

TEST_F(GcAlloc, ClassesMatchBoehmsGranules) {
  // Requests of one class must fit the largest request of that class.
  for (size_t n = 1; n <= kGcCacheMaxBytes; n++) {
    size_t cls = gc_cache_class(n);
    EXPECT_GE(cls * kGcGranule, n + 1) << n;      // room for Boehm's extra byte
    EXPECT_LT(cls, kGcCacheClasses) << n;
  }
  EXPECT_EQ(gc_cache_class(15), 1u);
  EXPECT_EQ(gc_cache_class(16), 2u);   // 16 bytes + the extra byte need two granules
  EXPECT_EQ(gc_cache_class(112), 8u);
}

TEST_F(GcAlloc, LiveObjectsSurviveCollectionsAndAreNotReused) {
  constexpr size_t kCount = 20000, kSize = 104;
  Live live(kCount);
  for (size_t i = 0; i < kCount; i++) {
    live.slots[i] = gc_alloc(kSize);
    fill(live.slots[i], kSize, static_cast<unsigned char>(i | 1));
    // Garbage in between, so collections have something to reclaim.
    for (int j = 0; j < 4; j++) fill(gc_alloc(kSize), kSize, 0xEE);
    if (i % 5000 == 0) GC_gcollect();
  }
  GC_gcollect();
  // Fresh objects after the collection must not overlap any live one, and come zeroed.
  for (size_t k = 0; k < kCount; k++) {
    void* p = gc_alloc(kSize);
    ASSERT_TRUE(all_zero(p, kSize));
    fill(p, kSize, 0xEE);
  }
  for (size_t i = 0; i < kCount; i++)
    ASSERT_TRUE(filled_with(live.slots[i], kSize, static_cast<unsigned char>(i | 1))) << i;
}

TEST_F(GcAlloc, RefillsGrowUpToTheLimit) {
  size_t cls = gc_cache_class(200);
  for (int i = 0; i < 2000; i++) gc_alloc(200);
  ASSERT_NE(t_gc_cache, nullptr);
  EXPECT_EQ(t_gc_cache->refill_bytes[cls], kGcCacheMaxRefillBytes);
}

TEST_F(GcAlloc, AThreadsListsGoAwayWhenItEnds) {
  struct Result {
    bool had_lists = false, lists_after_exit = true, zeroed_again = false;
  } r;
  std::thread t([&r] {
    GC_stack_base sb;
    GC_get_stack_base(&sb);
    GC_register_my_thread(&sb);
    fill(gc_alloc(48), 48, 0x11);
    r.had_lists = t_gc_cache != nullptr;
    gc_cache_thread_exit();
    r.lists_after_exit = t_gc_cache != nullptr;
    r.zeroed_again = all_zero(gc_alloc(48), 48);   // new lists, made on demand
    gc_cache_thread_exit();
    GC_unregister_my_thread();
  });
  t.join();
  EXPECT_TRUE(r.had_lists);
  EXPECT_FALSE(r.lists_after_exit);
  EXPECT_TRUE(r.zeroed_again);
}

TEST_F(GcAlloc, ThreadsAllocatingAtOnceNeverShareAnObject) {
  constexpr int kThreads = 4;
  constexpr size_t kPerThread = 20000, kSize = 64;
  std::vector<std::thread> threads;
  std::vector<int> bad(kThreads, 0);
  for (int t = 0; t < kThreads; t++)
    threads.emplace_back([t, &bad] {
      GC_stack_base sb;
      GC_get_stack_base(&sb);
      GC_register_my_thread(&sb);
      {
        Live live(kPerThread);
        unsigned char tag = static_cast<unsigned char>(0x20 + t);
        for (size_t i = 0; i < kPerThread; i++) {
          void* p = gc_alloc(kSize);
          if (!all_zero(p, kSize)) bad[size_t(t)]++;
          fill(p, kSize, tag);
          live.slots[i] = p;
          if (i % 4000 == 0) GC_gcollect();
        }
        for (size_t i = 0; i < kPerThread; i++)
          if (!filled_with(live.slots[i], kSize, tag)) bad[size_t(t)]++;
      }
      gc_cache_thread_exit();
      GC_unregister_my_thread();
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; t++) EXPECT_EQ(bad[size_t(t)], 0) << "thread " << t;
}

}  // namespace
