// threads.cpp: starting Python threads (see threads.h) and the registry of running threads.
//
// A thread is created with the GC's pthread_create wrapper (GC_THREADS + <gc/gc.h>), so the
// collector knows it and scans its stack. Its start record is uncollectable GC memory until the
// thread has copied it out: between pthread_create and the thread's first instruction no
// stack holds the function and arguments.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gc/gc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "interpreter/interpreter.h"
#include "interpreter/interpreter_ops.h"
#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"
#include "interpreter/threads.h"
#include "runtime/api.h"

namespace stmjit {

namespace {

// Reserved address space, committed only as used: Python calls recurse the C++ interpreter.
constexpr size_t kDefaultStackSize = size_t(256) << 20;

struct StartRecord {
  Value func, args, kwargs;
  uint64_t serial;
};

std::mutex registry_lock;                 // guards live_idents (holds no GC pointers)
std::vector<uint64_t>* live_idents;       // started threads still running
std::atomic<int64_t> started_running{0};
std::atomic<uint64_t> next_serial{1};
std::atomic<size_t> stack_size_setting{0};
uint64_t main_ident;
thread_local uint64_t my_serial = 0;


void registry_remove(uint64_t ident) {
  std::lock_guard<std::mutex> g(registry_lock);
  for (size_t i = 0; live_idents && i < live_idents->size(); i++)
    if ((*live_idents)[i] == ident) {
      live_idents->erase(live_idents->begin() + long(i));
      return;
    }
}

// What CPython's _thread prints (through sys.unraisablehook) for an exception that escapes.
void report_uncaught(Value func, Value exc) {
  if (exception_matches(exc, Value::from_obj(exc_SystemExit))) return;
  std::string text = "Exception ignored in thread started by: ";
  try {
    text += std::string(str_view(repr(func)));
  } catch (PyException&) {
    text += "<object repr() failed>";
  }
  text += "\n" + format_exception(exc);
  try {
    flush_std_streams();
    write_stderr(text);
  } catch (PyException&) {
  }
}

void run_body(Value func, Value args, Value kwargs) {
  try {
    op_call_ex(func, args, kwargs);
  } catch (PyException& e) {
    report_uncaught(func, e.exc);
  } catch (std::bad_alloc&) {
    write_stderr("Exception ignored in thread started by a function: MemoryError\n");
  } catch (stm::StmAbort&) {
    // Every aborting transaction has a start frame on the stack (or is inevitable and cannot
    // abort): reaching the thread's root is a bug in the VM, not in the program.
    std::fputs("stmjit: internal error: a transaction abort escaped a thread\n", stderr);
    std::abort();
  }
  tx_ensure_running();   // the target's frame ended the last transaction
}

void* thread_entry(void* p) {
  StartRecord* rec = static_cast<StartRecord*>(p);
  Value func = rec->func, args = rec->args, kwargs = rec->kwargs;
  my_serial = rec->serial;
  GC_FREE(rec);
  if (stm_mode()) tx_thread_begin();
  else gil_acquire();
  run_body(func, args, kwargs);
  tx_thread_end();
  thread_state_exit();
  gc_cache_thread_exit();
  registry_remove(thread_ident());
  started_running.fetch_sub(1);
  if (!stm_mode()) gil_release();
  return nullptr;
}

}  // namespace

uint64_t thread_start(Value func, Value args, Value kwargs) {
  StartRecord* rec = static_cast<StartRecord*>(gc_alloc_uncollectable(sizeof(StartRecord)));
  rec->func = func;
  rec->args = args;
  rec->kwargs = kwargs;
  rec->serial = next_serial.fetch_add(1);
  size_t size = stack_size_setting.load();
  if (size < kDefaultStackSize) size = kDefaultStackSize;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t t;
  // Counted before it runs: _count() and the registry never miss a thread that has started.
  started_running.fetch_add(1);
  int rc;
  {
    // Held across the registration so the thread cannot remove itself before it is added.
    std::lock_guard<std::mutex> g(registry_lock);
    if (!live_idents) live_idents = new std::vector<uint64_t>();
    rc = pthread_create(&t, &attr, thread_entry, rec);
    if (rc == 0) live_idents->push_back(uint64_t(t));
  }
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    started_running.fetch_sub(1);
    GC_FREE(rec);
    raise(exc_RuntimeError, "can't start new thread");
  }
  return uint64_t(t);
}

uint64_t thread_ident() { return uint64_t(pthread_self()); }
uint64_t thread_native_id() { return uint64_t(syscall(SYS_gettid)); }

uint64_t thread_serial() {
  if (my_serial == 0) my_serial = next_serial.fetch_add(1);   // a thread not started by us
  return my_serial;
}

int64_t thread_count() { return started_running.load(); }

std::vector<uint64_t> thread_live_idents() {
  std::lock_guard<std::mutex> g(registry_lock);
  std::vector<uint64_t> out;
  if (main_ident) out.push_back(main_ident);
  if (live_idents) out.insert(out.end(), live_idents->begin(), live_idents->end());
  return out;
}

size_t thread_stack_size_setting() { return stack_size_setting.load(); }
void set_thread_stack_size_setting(size_t size) { stack_size_setting.store(size); }

void thread_enter_main() {
  main_ident = thread_ident();
  thread_serial();
  if (stm_mode()) tx_thread_begin();
  else gil_acquire();
}

// The final transaction's descriptor (see thread_finalize). A namespace-scope global, not a
// function-local static, so the compiler does not take it for a dead store.
stm::StmTx* volatile g_last_transaction = nullptr;

void thread_finalize() {
  if (!stm_mode()) {
    gil_finalize();
    return;
  }
  // The program's last transaction stays inevitable until the process exits: daemon threads
  // still running can no longer commit writes (they wait for it), as under the GIL they stop.
  tx_ensure_running();
  tx_become_inevitable();
  // That descriptor is never freed (threads may use the STM until the process is gone); a
  // global keeps it reachable, so a leak checker does not report it once this thread's
  // thread-local t_stm_tx is gone.
  g_last_transaction = t_stm_tx;
}

}  // namespace stmjit
