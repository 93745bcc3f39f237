// mod_thread.cpp: the `_thread` module (CPython's low-level threading API, on which
// lib/threading.py is written): start_new_thread, allocate_lock/LockType, RLock, get_ident,
// get_native_id, _count, error, TIMEOUT_MAX, stack_size, exit; and private helpers for
// threading.py (_serial, _live_idents, _format_exception).
#include "interpreter/interpreter.h"
#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"
#include "interpreter/thread_locks.h"
#include "interpreter/threads.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

Value th_start_new_thread(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("start_new_thread", nargs, 2, 3);
  if (!truthy(call1(module_get(builtins_module(), intern("callable")), args[0])))
    raise(exc_TypeError, "first arg must be callable");
  if (!isinstance(args[1], cls_tuple)) raise(exc_TypeError, "2nd arg must be a tuple");
  Value kwargs = nargs > 2 ? args[2] : Value();
  if (!kwargs.is_empty() && !isinstance(kwargs, cls_dict)) raise(exc_TypeError, "optional 3rd arg must be a dictionary");
  tx_become_inevitable();   // a started thread cannot be taken back by an abort
  return make_int_from_u64(thread_start(args[0], args[1], kwargs));
}

Value th_allocate_lock(Value*, int64_t nargs, TupleObj*) {
  check_nargs("allocate_lock", nargs, 0, 0);
  return thread_lock_new();
}

Value th_get_ident(Value*, int64_t nargs, TupleObj*) {
  check_nargs("get_ident", nargs, 0, 0);
  return make_int_from_u64(thread_ident());
}

Value th_get_native_id(Value*, int64_t nargs, TupleObj*) {
  check_nargs("get_native_id", nargs, 0, 0);
  return make_int_from_u64(thread_native_id());
}

Value th_count(Value*, int64_t nargs, TupleObj*) {
  check_nargs("_count", nargs, 0, 0);
  return make_int(thread_count());
}

Value th_stack_size(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("stack_size", nargs, 0, 1);
  int64_t old = int64_t(thread_stack_size_setting());
  if (nargs == 0) return make_int(old);
  int64_t size = as_index(args[0]);
  if (size < 0) raise(exc_ValueError, "size must be 0 or a positive value");
  if (size != 0 && size < 32768) raise(exc_ValueError, "size not valid: %lld bytes", (long long)size);
  set_thread_stack_size_setting(size_t(size));
  return make_int(old);
}

Value th_exit(Value*, int64_t nargs, TupleObj*) {
  check_nargs("exit", nargs, 0, 0);
  raise_value(Value::from_obj(exc_SystemExit));
}

// A number unique to the calling thread for the life of the process (threading.local keys
// on it: idents are reused once a thread has ended).
Value th_serial(Value*, int64_t, TupleObj*) { return make_int_from_u64(thread_serial()); }

Value th_live_idents(Value*, int64_t, TupleObj*) {
  ListObj* l = list_new();
  for (uint64_t id : thread_live_idents()) list_append(l, make_int_from_u64(id));
  return Value::from_obj(l);
}

// The traceback report of an exception, as the interpreter prints it at top level.
Value th_format_exception(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("_format_exception", nargs, 1, 1);
  return make_str(format_exception(args[0]));
}

ModuleObj* make_thread_module() {
  init_thread_lock_types();
  ModuleObj* m = module_new("_thread");
  struct { const char* name; NativeFn fn; } table[] = {
      {"start_new_thread", th_start_new_thread}, {"start_new", th_start_new_thread},
      {"allocate_lock", th_allocate_lock}, {"allocate", th_allocate_lock}, {"get_ident", th_get_ident},
      {"get_native_id", th_get_native_id}, {"_count", th_count}, {"stack_size", th_stack_size},
      {"exit", th_exit}, {"exit_thread", th_exit}, {"_serial", th_serial}, {"_live_idents", th_live_idents},
      {"_format_exception", th_format_exception},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  module_set(m, intern("LockType"), Value::from_obj(cls_thread_lock));
  module_set(m, intern("RLock"), Value::from_obj(cls_thread_rlock));
  module_set(m, intern("error"), Value::from_obj(exc_RuntimeError));
  module_set(m, intern("TIMEOUT_MAX"), make_float(kThreadTimeoutMax));
  return m;
}

}  // namespace

void init_thread_module() { register_builtin_module("_thread", make_thread_module); }

}  // namespace stmjit
