// thread_locks.cpp: _thread.lock (allocate_lock) and _thread.RLock, with CPython 3.11's
// argument checks, messages and reprs.
//
// A lock object is an instance of a class of the _thread module whose hidden attribute holds
// its LockCore: a mutex, a condition variable and the lock's state. Lock state is
// synchronisation, not program data, so it lives outside the barriers and outside any future
// transaction. A plain lock may be released by any thread; an RLock only by its owner. Waiting
// happens inside a BlockingRegion, never holding the GIL, and never holding core->m while
// waiting for the GIL (the destructors run in that order).
#include <chrono>
#include <cinttypes>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"
#include "interpreter/thread_locks.h"
#include "interpreter/threads.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

ClassObj* cls_thread_lock;
ClassObj* cls_thread_rlock;

namespace {

struct LockCore : Obj {
  std::mutex m;
  std::condition_variable cv;
  bool locked = false;
  uint64_t owner = 0;   // RLock: ident of the owning thread
  int64_t count = 0;    // RLock: recursion depth
};

ClassObj* cls_core;   // private class of LockCore objects
StrObj* n_core;

LockCore* core_new() {
  // Scanned GC memory (the class pointer); the mutex and condition variable need no
  // destruction with glibc, so the collector may simply drop an unreachable core.
  LockCore* c = new (gc_alloc(sizeof(LockCore))) LockCore();
  c->cls = cls_core;
  return c;
}

LockCore* core_of(Value self, ClassObj* cls, const char* what) {
  if (kind_of(self) != Kind::Instance || !isinstance(self, cls))
    raise(exc_TypeError, "descriptor '%s' requires a '_thread.%s' object but received a '%s'", what,
          str_view(cls->name).data(), type_name(self).c_str());
  Value c = instance_load_attr(self.as<InstanceObj>(), n_core);
  if (c.is_empty() || !is_exact(c, cls_core)) raise(exc_RuntimeError, "lock is not initialised");
  return c.as<LockCore>();
}

struct AcquireArgs {
  bool blocking;
  double timeout;   // < 0: wait forever
};

// Parses acquire(blocking=True, timeout=-1) (nargs counts self).
AcquireArgs parse_acquire(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  check_nargs_total("acquire", nargs - 1 + a.nkw(), 0, 2);
  a.check_kw("acquire", {"blocking", "timeout"});
  Value b = nargs > 1 ? args[1] : a.kw("blocking");
  Value t = nargs > 2 ? args[2] : a.kw("timeout");
  AcquireArgs r{b.is_empty() || truthy(b), t.is_empty() ? -1.0 : as_double(t)};
  if (!r.blocking && r.timeout != -1.0) raise(exc_ValueError, "can't specify a timeout for a non-blocking call");
  if (r.timeout < 0 && r.timeout != -1.0) raise(exc_ValueError, "timeout value must be positive");
  if (r.timeout > kThreadTimeoutMax) raise(exc_OverflowError, "timestamp out of range for platform time_t");
  return r;
}

// Takes the lock's `locked` flag; waits (without the GIL) as asked.
bool core_acquire(LockCore* c, bool blocking, double timeout) {
  // STM: taking or releasing a lock cannot be undone, so the transaction becomes inevitable
  // first (an abort here restarts it before the lock is touched).
  tx_become_inevitable();
  {
    std::lock_guard<std::mutex> lk(c->m);
    if (!c->locked) {
      c->locked = true;
      return true;
    }
    if (!blocking || timeout == 0) return false;
  }
  // Waiting would end the transaction, which an atomic block forbids; waiting inside it would
  // deadlock with the holder's commit.
  if (t_atomic_depth > 0)
    raise(exc_RuntimeError, "acquiring a lock that is held would block inside an atomic block "
                            "(stm.atomic); release it before the block or use atomic alone");
  BlockingRegion region;
  std::unique_lock<std::mutex> lk(c->m);
  auto free = [c] { return !c->locked; };
  if (timeout < 0) {
    c->cv.wait(lk, free);
  } else {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
    if (!c->cv.wait_until(lk, deadline, free)) return false;
  }
  c->locked = true;
  return true;
}

void core_release(LockCore* c) {
  tx_become_inevitable();
  {
    std::lock_guard<std::mutex> lk(c->m);
    c->locked = false;
    c->owner = 0;
    c->count = 0;
  }
  c->cv.notify_one();
}

std::string address_of(Value self) {
  char buf[32];
  snprintf(buf, sizeof buf, "0x%" PRIxPTR, uintptr_t(self.as_obj()));
  return buf;
}

// ---- lock ----

Value lock_acquire(Value* args, int64_t nargs, TupleObj* kw) {
  LockCore* c = core_of(args[0], cls_thread_lock, "acquire");
  AcquireArgs a = parse_acquire(args, nargs, kw);
  return v_bool(core_acquire(c, a.blocking, a.timeout));
}

Value lock_release(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("release", nargs - 1, 0, 0);
  LockCore* c = core_of(args[0], cls_thread_lock, "release");
  {
    std::lock_guard<std::mutex> lk(c->m);
    if (!c->locked) raise(exc_RuntimeError, "release unlocked lock");
  }
  core_release(c);
  return v_none();
}

Value lock_locked(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("locked", nargs - 1, 0, 0);
  LockCore* c = core_of(args[0], cls_thread_lock, "locked");
  std::lock_guard<std::mutex> lk(c->m);
  return v_bool(c->locked);
}

Value lock_enter(Value* args, int64_t nargs, TupleObj*) {
  return v_bool(core_acquire(core_of(args[0], cls_thread_lock, "__enter__"), true, -1));
}

Value lock_exit(Value* args, int64_t nargs, TupleObj* kw) {
  lock_release(args, 1, nullptr);
  return v_none();
}

Value lock_repr(Value* args, int64_t nargs, TupleObj*) {
  LockCore* c = core_of(args[0], cls_thread_lock, "__repr__");
  bool locked;
  {
    std::lock_guard<std::mutex> lk(c->m);
    locked = c->locked;
  }
  return make_str(std::string("<") + (locked ? "locked" : "unlocked") + " _thread.lock object at " +
                  address_of(args[0]) + ">");
}

Value lock_init(Value* args, int64_t nargs, TupleObj*) {
  raise(exc_TypeError, "cannot create '_thread.lock' instances");
}

// ---- RLock ----

Value rlock_init(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs_total("RLock", nargs - 1 + (kw ? kw->length : 0), 0, 0);
  instance_store_attr(args[0].as<InstanceObj>(), n_core, Value::from_obj(core_new()));
  return v_none();
}

bool rlock_acquire_core(LockCore* c, bool blocking, double timeout) {
  tx_become_inevitable();
  uint64_t me = thread_ident();
  {
    std::lock_guard<std::mutex> lk(c->m);
    if (c->locked && c->owner == me) {
      c->count++;
      return true;
    }
  }
  if (!core_acquire(c, blocking, timeout)) return false;
  std::lock_guard<std::mutex> lk(c->m);
  c->owner = me;
  c->count = 1;
  return true;
}

Value rlock_acquire(Value* args, int64_t nargs, TupleObj* kw) {
  LockCore* c = core_of(args[0], cls_thread_rlock, "acquire");
  AcquireArgs a = parse_acquire(args, nargs, kw);
  return v_bool(rlock_acquire_core(c, a.blocking, a.timeout));
}

Value rlock_release(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("release", nargs - 1, 0, 0);
  LockCore* c = core_of(args[0], cls_thread_rlock, "release");
  tx_become_inevitable();
  {
    std::lock_guard<std::mutex> lk(c->m);
    if (!c->locked || c->owner != thread_ident() || c->count == 0)
      raise(exc_RuntimeError, "cannot release un-acquired lock");
    if (--c->count > 0) return v_none();
  }
  core_release(c);
  return v_none();
}

Value rlock_enter(Value* args, int64_t nargs, TupleObj*) {
  return v_bool(rlock_acquire_core(core_of(args[0], cls_thread_rlock, "__enter__"), true, -1));
}

Value rlock_exit(Value* args, int64_t nargs, TupleObj*) {
  rlock_release(args, 1, nullptr);
  return v_none();
}

Value rlock_is_owned(Value* args, int64_t nargs, TupleObj*) {
  LockCore* c = core_of(args[0], cls_thread_rlock, "_is_owned");
  std::lock_guard<std::mutex> lk(c->m);
  return v_bool(c->locked && c->owner == thread_ident() && c->count > 0);
}

// For Condition.wait: releases completely, returns (count, owner).
Value rlock_release_save(Value* args, int64_t nargs, TupleObj*) {
  LockCore* c = core_of(args[0], cls_thread_rlock, "_release_save");
  Value state[2];
  {
    std::lock_guard<std::mutex> lk(c->m);
    if (!c->locked || c->count == 0) raise(exc_RuntimeError, "cannot release un-acquired lock");
    state[0] = make_int(c->count);
    state[1] = make_int_from_u64(c->owner);
  }
  core_release(c);
  return Value::from_obj(tuple_from(state, 2));
}

Value rlock_acquire_restore(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("_acquire_restore", nargs - 1, 1, 1);
  LockCore* c = core_of(args[0], cls_thread_rlock, "_acquire_restore");
  if (kind_of(args[1]) != Kind::Tuple || args[1].as<TupleObj>()->length != 2)
    raise(exc_TypeError, "_acquire_restore() argument 1 must be a (count, owner) tuple");
  int64_t count = as_index(args[1].as<TupleObj>()->items[0]);
  core_acquire(c, true, -1);
  std::lock_guard<std::mutex> lk(c->m);
  c->owner = thread_ident();
  c->count = count;
  return v_none();
}

Value rlock_repr(Value* args, int64_t nargs, TupleObj*) {
  LockCore* c = core_of(args[0], cls_thread_rlock, "__repr__");
  bool locked;
  uint64_t owner;
  int64_t count;
  {
    std::lock_guard<std::mutex> lk(c->m);
    locked = c->locked;
    owner = c->owner;
    count = c->count;
  }
  std::string name(str_view(class_of(args[0])->name));
  std::string mod = class_of(args[0]) == cls_thread_rlock ? "_thread." : "";
  return make_str(std::string("<") + (locked ? "locked" : "unlocked") + " " + mod + name + " object owner=" +
                  std::to_string(owner) + " count=" + std::to_string(count) + " at " + address_of(args[0]) + ">");
}

ClassObj* new_class(const char* name) {
  Value base = Value::from_obj(cls_object);
  return class_new(intern(name), tuple_from(&base, 1), dict_new(), intern("_thread"));
}

}  // namespace

Value make_int_from_u64(uint64_t v) {
  if (v <= uint64_t(INT64_MAX)) return make_int(int64_t(v));
  mpz_t z;
  mpz_init_set_ui(z, (unsigned long)v);
  Value r = make_int_from_mpz(z);
  mpz_clear(z);
  return r;
}

Value thread_lock_new() {
  InstanceObj* o = instance_new(cls_thread_lock);
  instance_store_attr(o, n_core, Value::from_obj(core_new()));
  return Value::from_obj(o);
}

void init_thread_lock_types() {
  if (cls_thread_lock) return;
  n_core = intern("_stmjit_lock");
  cls_core = class_alloc_builtin(Kind::Ellipsis);   // opaque: no Python-visible fields
  class_setup_builtin(cls_core, "_lock_core", cls_object);
  cls_thread_lock = new_class("lock");
  struct { const char* name; NativeFn fn; } lock_methods[] = {
      {"__init__", lock_init}, {"acquire", lock_acquire}, {"acquire_lock", lock_acquire},
      {"release", lock_release}, {"release_lock", lock_release}, {"locked", lock_locked},
      {"locked_lock", lock_locked}, {"__enter__", lock_enter}, {"__exit__", lock_exit}, {"__repr__", lock_repr},
  };
  for (auto& e : lock_methods) def_method(cls_thread_lock, e.name, e.fn);
  cls_thread_rlock = new_class("RLock");
  struct { const char* name; NativeFn fn; } rlock_methods[] = {
      {"__init__", rlock_init}, {"acquire", rlock_acquire}, {"release", rlock_release},
      {"__enter__", rlock_enter}, {"__exit__", rlock_exit}, {"_is_owned", rlock_is_owned},
      {"_release_save", rlock_release_save}, {"_acquire_restore", rlock_acquire_restore},
      {"__repr__", rlock_repr},
  };
  for (auto& e : rlock_methods) def_method(cls_thread_rlock, e.name, e.fn);
}

}  // namespace stmjit
