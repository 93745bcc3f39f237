// thread_locks.h: the lock types of the _thread module (thread_locks.cpp).
#pragma once
#include <cstdint>

#include "runtime/api.h"

namespace stmjit {

// _thread.TIMEOUT_MAX on Linux (CPython: PY_TIMEOUT_MAX / 1e6, seconds).
constexpr double kThreadTimeoutMax = 9223372036.0;

extern ClassObj* cls_thread_lock;    // _thread.lock (LockType)
extern ClassObj* cls_thread_rlock;   // _thread.RLock

void init_thread_lock_types();
Value thread_lock_new();             // _thread.allocate_lock()
Value make_int_from_u64(uint64_t v);

}  // namespace stmjit
