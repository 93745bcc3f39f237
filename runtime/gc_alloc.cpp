// gc_alloc.cpp: the refill and release of the per-thread small-object lists, and the retry of
// a failed allocation after a collection (see gc_alloc.h).
#include "runtime/gc_alloc.h"

#include <gc/gc.h>

#include <atomic>
#include <new>

namespace stmjit {

constinit thread_local GcCacheLists* t_gc_cache = nullptr;

namespace {

void* gc_malloc_kind(GcKind kind, size_t n) {
  switch (kind) {
    case GcKind::Normal: return GC_MALLOC(n);
    case GcKind::Atomic: return GC_MALLOC_ATOMIC(n);
    case GcKind::Uncollectable: return GC_MALLOC_UNCOLLECTABLE(n);
    case GcKind::AtomicUncollectable: return GC_MALLOC_ATOMIC_UNCOLLECTABLE(n);
  }
  return nullptr;
}

// Whether a failed allocation may collect now (see gc_alloc.h); taking it uses it up.
std::atomic<bool> collect_allowed{true};

bool collect_for_retry() {
  if (!collect_allowed.exchange(false, std::memory_order_relaxed)) return false;
  GC_gcollect();
  return true;
}

}  // namespace

void gc_note_memory_error() { collect_allowed.store(true, std::memory_order_relaxed); }

void* gc_alloc_retry(GcKind kind, size_t n) {
  if (!collect_for_retry()) throw std::bad_alloc();
  void* p = gc_malloc_kind(kind, n);
  if (!p) throw std::bad_alloc();
  return p;
}

void* gc_alloc_uncollectable(size_t n) {
  void* p = GC_MALLOC_UNCOLLECTABLE(n);
  return p ? p : gc_alloc_retry(GcKind::Uncollectable, n);
}

void* gc_cache_refill(size_t n) {
  GcCacheLists* c = t_gc_cache;
  if (!c) {
    c = static_cast<GcCacheLists*>(gc_alloc_uncollectable(sizeof(GcCacheLists)));
    t_gc_cache = c;
  }
  size_t cls = gc_cache_class(n);
  void** head = &c->lists[cls];
  size_t want = c->refill_bytes[cls];
  if (want < kGcCacheFirstRefillBytes) want = kGcCacheFirstRefillBytes;
  c->refill_bytes[cls] = want * 2 > kGcCacheMaxRefillBytes ? kGcCacheMaxRefillBytes : want * 2;
  // GC_malloc_many returns one block's worth (or a single object when the heap is short).
  // Ask again until the list holds `want` bytes, back to back, while this core holds the
  // allocation lock's cache line.
  // Every request of the class gets an object from this list, so ask for the class's largest
  // (Boehm rounds it up to the same granules, whether or not it adds its extra byte).
  size_t largest = cls * kGcGranule - 1;
  size_t object_bytes = cls * kGcGranule;
  size_t have = 0;
  while (have < want) {
    void* batch = GC_malloc_many(largest);
    if (!batch) {
      if (*head) break;              // keep what we have; the next refill tries again
      if (!collect_for_retry()) throw std::bad_alloc();   // see gc_alloc.h
      batch = GC_malloc_many(largest);
      if (!batch) throw std::bad_alloc();
    }
    void* last = batch;
    have += object_bytes;
    while (void* next = GC_NEXT(last)) {
      last = next;
      have += object_bytes;
    }
    GC_NEXT(last) = *head;
    *head = batch;
  }
  void* p = *head;
  *head = GC_NEXT(p);
  GC_NEXT(p) = nullptr;
  return p;
}

void gc_cache_thread_exit() {
  if (GcCacheLists* c = t_gc_cache) {
    t_gc_cache = nullptr;
    GC_FREE(c);
  }
}

}  // namespace stmjit
