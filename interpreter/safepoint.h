// safepoint.h: the only places where a Python thread may give up the CPU to another Python
// thread: safe points (polled by the interpreter) and blocking regions (around operations that
// wait). Today both are served by the GIL (interpreter/gil.cpp); when the STM runtime is
// integrated these same two hooks are where a transaction ends and the next one begins:
//
//   safepoint()          polled at backward jumps (interpreter.cpp, JUMP to an earlier
//                        instruction) and at Python function calls (call.cpp). Fast path: one
//                        relaxed load and a predictable branch. When another thread has asked
//                        for the GIL for longer than the switch interval, safepoint_slow()
//                        hands it over. STM: commit the running transaction and start a new one
//                        (and serve any other request bit, e.g. a stop-the-world).
//   BlockingRegion       RAII around every operation that may wait for another thread or for
//                        the outside world: lock acquire that waits, Thread.join, time.sleep,
//                        Condition/Event waits, queue waits, input(), waiting for the import
//                        lock. Its constructor releases the GIL, its destructor takes it back.
//                        STM: the constructor commits (ends) the transaction, the destructor
//                        begins a new one. Nothing inside a region may touch Python objects.
//
// Between these points a thread runs without interruption by other Python threads, so runtime
// code may keep plain shared caches; anything that spans a blocking call must be thread safe.
#pragma once
#include <atomic>
#include <cstdint>

namespace stmjit {

// Bits of safepoint_requests: reasons for the running thread to leave the fast path.
enum : uint32_t {
  kRequestDropGil = 1u,   // a thread has waited a full switch interval for the GIL
};
extern std::atomic<uint32_t> safepoint_requests;

void safepoint_slow();

inline void safepoint() {
  if (__builtin_expect(safepoint_requests.load(std::memory_order_relaxed) != 0, 0)) safepoint_slow();
}

// ---- the GIL (gil.cpp) ----
void gil_acquire();             // blocks until this thread holds the GIL
void gil_release();             // this thread must hold it
bool gil_held();                // does this thread hold the GIL?
// At exit: the calling thread (holding the GIL) keeps it for good, so daemon threads that are
// still running stop at their next safe point or blocking call and never run Python again.
void gil_finalize();
double gil_switch_interval();            // seconds (sys.getswitchinterval)
void gil_set_switch_interval(double s);  // sys.setswitchinterval

// Releases the GIL for the scope of a blocking operation (a no-op on a thread that does not
// hold it, e.g. during start-up or in unit tests that drive the runtime directly).
// In STM mode (no GIL) it ends the running transaction instead and begins an inevitable one
// afterwards (interpreter/stm_thread.h): there is no restart point inside a blocking call.
void tx_block_begin();
void tx_block_end();
class BlockingRegion {
 public:
  BlockingRegion() : released_(gil_held()) {
    if (released_) gil_release();
    else tx_block_begin();
  }
  ~BlockingRegion() {
    if (released_) gil_acquire();
    else tx_block_end();
  }
  BlockingRegion(const BlockingRegion&) = delete;
  BlockingRegion& operator=(const BlockingRegion&) = delete;

 private:
  bool released_;
};

}  // namespace stmjit
