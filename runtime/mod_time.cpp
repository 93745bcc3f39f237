// mod_time.cpp: the `time` module: time, time_ns, perf_counter(_ns), monotonic(_ns),
// process_time, sleep (which lets other threads run).
#include <time.h>

#include <cmath>

#include "interpreter/safepoint.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

int64_t clock_ns(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Value t_time(Value*, int64_t n, TupleObj*) {
  check_nargs("time", n, 0, 0);
  return make_float(double(clock_ns(CLOCK_REALTIME)) * 1e-9);
}
Value t_time_ns(Value*, int64_t n, TupleObj*) {
  check_nargs("time_ns", n, 0, 0);
  return make_int(clock_ns(CLOCK_REALTIME));
}
Value t_perf_counter(Value*, int64_t n, TupleObj*) {
  check_nargs("perf_counter", n, 0, 0);
  return make_float(double(clock_ns(CLOCK_MONOTONIC)) * 1e-9);
}
Value t_perf_counter_ns(Value*, int64_t n, TupleObj*) {
  check_nargs("perf_counter_ns", n, 0, 0);
  return make_int(clock_ns(CLOCK_MONOTONIC));
}
Value t_process_time(Value*, int64_t n, TupleObj*) {
  check_nargs("process_time", n, 0, 0);
  return make_float(double(clock_ns(CLOCK_PROCESS_CPUTIME_ID)) * 1e-9);
}
Value t_sleep(Value* args, int64_t n, TupleObj*) {
  check_nargs("sleep", n, 1, 1);
  double s = as_double(args[0]);
  if (s < 0) raise(exc_ValueError, "sleep length must be non-negative");
  flush_std_streams();
  timespec ts;
  ts.tv_sec = time_t(std::floor(s));
  ts.tv_nsec = long((s - std::floor(s)) * 1e9);
  BlockingRegion region;   // other threads run while this one sleeps
  while (nanosleep(&ts, &ts) != 0) {
  }
  return v_none();
}

}  // namespace

ModuleObj* make_time_module() {
  ModuleObj* m = module_new("time");
  struct { const char* name; NativeFn fn; } table[] = {
      {"time", t_time}, {"time_ns", t_time_ns}, {"perf_counter", t_perf_counter},
      {"perf_counter_ns", t_perf_counter_ns}, {"monotonic", t_perf_counter}, {"monotonic_ns", t_perf_counter_ns},
      {"process_time", t_process_time}, {"sleep", t_sleep},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  return m;
}

}  // namespace stmjit
