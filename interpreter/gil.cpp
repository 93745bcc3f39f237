// gil.cpp: the global interpreter lock. One Python thread runs at a time; the others wait in
// gil_acquire. A waiter that has waited a whole switch interval (5 ms, as CPython) without the
// holder changing sets kRequestDropGil; the holder sees it at its next safe point
// (safepoint.h) and hands the GIL over, then waits until another thread has actually taken it
// (otherwise it would usually win the race to take it back: "forced switching", as CPython).
// Blocking operations release it through BlockingRegion.
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"

namespace stmjit {

std::atomic<uint32_t> safepoint_requests{0};

namespace {

struct Gil {
  std::mutex m;
  std::condition_variable freed;      // the GIL became free
  std::condition_variable switched;   // a thread took the GIL (ends a forced switch)
  bool locked = false;
  bool finalizing = false;            // the holder keeps the GIL until the process exits
  uint64_t acquisitions = 0;          // changes whenever the holder changes
  int waiters = 0;
};

// Never destroyed: daemon threads may still be waiting on it while the process exits.
Gil& gil() {
  static Gil* g = new Gil();
  return *g;
}

std::atomic<int64_t> switch_interval_us{5000};
thread_local bool holds_gil = false;

// With g.m held: waits until the GIL is free, then takes it.
void acquire_locked(Gil& g, std::unique_lock<std::mutex>& lk) {
  if (g.locked) {
    g.waiters++;
    while (g.locked) {
      if (g.finalizing) {   // park for good: the process is exiting
        g.freed.wait(lk);
        continue;
      }
      uint64_t seen = g.acquisitions;
      auto interval = std::chrono::microseconds(switch_interval_us.load(std::memory_order_relaxed));
      if (!g.freed.wait_for(lk, interval, [&] { return !g.locked; }) && g.acquisitions == seen)
        safepoint_requests.fetch_or(kRequestDropGil, std::memory_order_relaxed);
    }
    g.waiters--;
  }
  g.locked = true;
  g.acquisitions++;
  holds_gil = true;
  // A new holder starts a fresh interval; remaining waiters ask again after it.
  safepoint_requests.fetch_and(~kRequestDropGil, std::memory_order_relaxed);
  g.switched.notify_all();
}

}  // namespace

void gil_acquire() {
  Gil& g = gil();
  std::unique_lock<std::mutex> lk(g.m);
  acquire_locked(g, lk);
}

void gil_release() {
  Gil& g = gil();
  {
    std::lock_guard<std::mutex> lk(g.m);
    g.locked = false;
    holds_gil = false;
  }
  g.freed.notify_one();
}

bool gil_held() { return holds_gil; }

void gil_finalize() {
  Gil& g = gil();
  std::lock_guard<std::mutex> lk(g.m);
  g.finalizing = true;
}

void safepoint_slow() {
  if (!(safepoint_requests.load(std::memory_order_relaxed) & kRequestDropGil) || !holds_gil) return;
  if (t_atomic_depth > 0) return;   // `with atomic:` under the GIL: no other thread in between
  Gil& g = gil();
  std::unique_lock<std::mutex> lk(g.m);
  safepoint_requests.fetch_and(~kRequestDropGil, std::memory_order_relaxed);
  if (g.waiters == 0 || g.finalizing) return;
  uint64_t seen = g.acquisitions;
  g.locked = false;
  holds_gil = false;
  g.freed.notify_one();
  g.switched.wait(lk, [&] { return g.acquisitions != seen; });
  acquire_locked(g, lk);
}

double gil_switch_interval() { return double(switch_interval_us.load()) * 1e-6; }

void gil_set_switch_interval(double s) {
  int64_t us = int64_t(s * 1e6);
  switch_interval_us.store(us < 1 ? 1 : us);
}

}  // namespace stmjit
