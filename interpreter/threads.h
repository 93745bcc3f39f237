// threads.h: Python threads on OS threads. Each runs on a GC-registered pthread (Boehm scans
// its stack) with a large stack and its own ThreadState, and holds the GIL while it runs
// Python code (interpreter/safepoint.h). Used by the _thread module and the command line.
#pragma once
#include <cstdint>
#include <vector>

#include "runtime/value.h"

namespace stmjit {

// Starts func(*args, **kwargs) on a new thread (kwargs may be empty). Returns its ident.
// An exception that escapes func is reported as CPython's _thread does ("Exception ignored in
// thread started by: ..."); SystemExit ends the thread silently.
uint64_t thread_start(Value func, Value args, Value kwargs);

uint64_t thread_ident();        // _thread.get_ident(): pthread_self() as an integer
uint64_t thread_native_id();    // the kernel's thread id (gettid)
uint64_t thread_serial();       // unique per thread for the life of the process (idents are reused)
int64_t thread_count();         // _thread._count(): threads started by thread_start still running
std::vector<uint64_t> thread_live_idents();   // the main thread and every started thread still running

// _thread.stack_size: the requested size (0 = default). Threads never get less than the
// default, because the interpreter recurses on the C++ stack.
size_t thread_stack_size_setting();
void set_thread_stack_size_setting(size_t size);

// Registers the built-in module `_thread` (mod_thread.cpp); called by interpreter_init.
void init_thread_module();

// The command line's program thread: registers it and takes the GIL before Python code runs.
void thread_enter_main();
// At the very end: keeps the GIL so abandoned daemon threads never run again (gil_finalize).
void thread_finalize();

}  // namespace stmjit
