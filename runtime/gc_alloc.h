// gc_alloc.h: allocation on top of Boehm: per-thread free lists of small pointer-holding
// objects, and the retry after a collection when the heap is full.
//
// Boehm's own thread-local allocation refills a list one 4 KiB block at a time under its global
// allocation lock and calls GC_end_stubborn_change on every allocation, whose load of a libgc
// global shares a cache line with counters the refilling thread writes. With two threads
// allocating millions of small instances (bench/render.py), both costs ping-pong cache lines
// between the cores: 7-20% more CPU than one thread doing the same work. This cache pops objects
// from lists it owns (no libgc call, no shared line) and refills each list with several
// GC_malloc_many batches back to back, so a thread takes the allocation lock's cache line once
// per several blocks instead of once per block.
//
// The lists live in uncollectable GC memory (Boehm does not scan thread-local storage), so the
// objects on them are reachable and never handed out twice; a thread gives its lists back with
// gc_cache_thread_exit.
//
// Once the heap has hit its limit (GC_MAXIMUM_HEAP_SIZE, or the machine's memory), Boehm
// returns null without collecting again until enough has been allocated since its last
// collection, which a full heap never allows: garbage the program dropped after a MemoryError
// would never come back. A failed allocation therefore collects and tries once more
// (gc_alloc_retry) before it reports std::bad_alloc, which becomes MemoryError. Only the first
// failure after a MemoryError reached a handler collects: a heap full of live objects would
// otherwise be collected in full on every allocation near the limit (a program filling it
// with dicts took 35 s to reach its MemoryError), while a program that caught MemoryError and
// dropped its objects gets them back on its next failing allocation.
#pragma once

#include <cstddef>

namespace stmjit {

// Requests up to this many bytes are cached (Boehm's small-object classes go further; these
// cover instances, tuples, iterators, cells and versions).
inline constexpr size_t kGcCacheMaxBytes = 256;
inline constexpr size_t kGcGranule = 16;

// The size class of a request of n bytes, 1 <= n <= kGcCacheMaxBytes.
constexpr size_t gc_cache_class(size_t n) { return (n + 1 + kGcGranule - 1) / kGcGranule; }
inline constexpr size_t kGcCacheClasses = gc_cache_class(kGcCacheMaxBytes) + 1;

struct GcCacheLists {
  // Index: the request's size class in granules as Boehm rounds it (one extra byte for
  // pointers just past the end); each list is linked through the objects' first word.
  void* lists[kGcCacheClasses];
  // How many bytes the class's next refill asks for: it starts at one batch and doubles up to
  // kGcCacheMaxRefillBytes, so a thread that allocates little of a class keeps little.
  size_t refill_bytes[kGcCacheClasses];
};

extern constinit thread_local GcCacheLists* t_gc_cache;


// Refills the class of n and returns one zeroed object of at least n bytes (out of line).
void* gc_cache_refill(size_t n);

// Zeroed GC memory of n bytes (1 <= n <= kGcCacheMaxBytes) from this thread's lists.
inline void* gc_cache_alloc(size_t n) {
  if (GcCacheLists* c = t_gc_cache) {
    void** head = &c->lists[gc_cache_class(n)];
    if (void* p = *head) {
      *head = *static_cast<void**>(p);
      *static_cast<void**>(p) = nullptr;   // the link; Boehm cleared the rest
      return p;
    }
  }
  return gc_cache_refill(n);
}

// What a failed allocation asked Boehm for.
enum class GcKind { Normal, Atomic, Uncollectable, AtomicUncollectable };

// Boehm returned null for n bytes of kind: collects, tries again, and returns the memory or
// throws std::bad_alloc.
[[gnu::cold]] void* gc_alloc_retry(GcKind kind, size_t n);

// A MemoryError reached a handler: the next failed allocation may collect again.
void gc_note_memory_error();

// Uncollectable memory (a GC root, scanned, freed with GC_FREE); throws std::bad_alloc.
void* gc_alloc_uncollectable(size_t n);

// Drops this thread's lists (their objects become garbage). Called by a thread before it ends;
// the next allocation on the thread makes new lists.
void gc_cache_thread_exit();

// The most one refill of a class asks for. Measured on bench/render.py at 2 threads (median
// speedup over 1 thread, 7 paired runs): one 4 KiB batch per refill 1.74x (as without the
// cache), 16 KiB 1.84x, 64 KiB 1.84-1.88x, 128-256 KiB no better.
inline constexpr size_t kGcCacheMaxRefillBytes = 65536;
inline constexpr size_t kGcCacheFirstRefillBytes = 4096;

}  // namespace stmjit
