// mod_stm.cpp: the built-in `_stm` module, the native half of lib/stm.py (and transaction.py):
// `atomic` (a re-entrant context manager: its block runs inside one transaction, no break in
// between; under --gil, no switch to another thread in between), is_atomic(),
// hint_commit_soon(), getsegmentlimit() (the number of cores).
#include <thread>

#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"
#include "runtime/api.h"
#include "runtime/object_model.h"

namespace stmjit {

namespace {

ClassObj* cls_atomic;

Value atomic_enter(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__enter__", nargs - 1, 0, 0);
  t_atomic_depth++;
  return args[0];
}

Value atomic_exit(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__exit__", nargs - 1, 3, 3);
  if (t_atomic_depth == 0) raise(exc_RuntimeError, "atomic.__exit__() without a matching __enter__()");
  // The block is done: end the transaction that holds it here, so that what follows does not
  // extend it (a long transaction conflicts more); when __exit__ is called from native code
  // that is not possible, then it ends at the next safe point.
  if (--t_atomic_depth == 0 && !tx_end_before_return()) tx_hint_commit_soon();
  return v_false();   // exceptions propagate
}

Value atomic_repr(Value*, int64_t, TupleObj*) { return make_str("<stm.atomic>"); }

Value stm_is_atomic(Value*, int64_t nargs, TupleObj*) {
  check_nargs("is_atomic", nargs, 0, 0);
  return v_bool(t_atomic_depth > 0);
}

Value stm_hint_commit_soon(Value*, int64_t nargs, TupleObj*) {
  check_nargs("hint_commit_soon", nargs, 0, 0);
  tx_hint_commit_soon();
  return v_none();
}

Value stm_getsegmentlimit(Value*, int64_t nargs, TupleObj*) {
  check_nargs("getsegmentlimit", nargs, 0, 0);
  unsigned n = std::thread::hardware_concurrency();
  return make_int(n ? int64_t(n) : 1);
}

ModuleObj* make_stm_module() {
  Value base = Value::from_obj(cls_object);
  cls_atomic = class_new(intern("atomic"), tuple_from(&base, 1), dict_new(), intern("_stm"));
  def_method(cls_atomic, "__enter__", atomic_enter);
  def_method(cls_atomic, "__exit__", atomic_exit);
  def_method(cls_atomic, "__repr__", atomic_repr);
  ModuleObj* m = module_new("_stm");
  module_set(m, intern("atomic"), Value::from_obj(instance_new(cls_atomic)));
  struct { const char* name; NativeFn fn; } table[] = {
      {"is_atomic", stm_is_atomic}, {"hint_commit_soon", stm_hint_commit_soon},
      {"getsegmentlimit", stm_getsegmentlimit},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  module_set(m, intern("mode"), make_str(stm_mode() ? "stm" : "gil"));
  return m;
}

}  // namespace

void init_stm_module() { register_builtin_module("_stm", make_stm_module); }

}  // namespace stmjit
