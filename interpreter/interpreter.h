// interpreter.h: the interpreter's internal interface: per-thread state, frame execution,
// Python function calls, generators, tracebacks and imports (used by interpreter/*.cpp and
// the command line; the rest of the runtime uses runtime/api.h).
#pragma once
#include <string>
#include <string_view>

#include "interpreter/frame.h"

namespace stmjit {

struct ThreadState {
  Frame* frame = nullptr;        // innermost executing frame
  int64_t depth = 0;             // Python frames on this thread (recursion limit)
  Value handled_exc;             // the exception being handled (sys.exc_info), or empty
  char* stack_limit = nullptr;   // below this the C++ stack is considered exhausted
};
ThreadState& tstate();
// Before a thread other than the main one ends: drops its ThreadState from the GC roots.
void thread_state_exit();

// Runs `f` from f->pc until RETURN_VALUE (or a yield, which sets f->yielded). A non-empty
// `throw_exc` is raised at the current instruction first (generator.throw / close).
Value eval_frame(Frame* f, Value throw_exc = Value());

Value call_function(FunctionObj* fn, Value* args, int64_t nargs, TupleObj* kwnames);
// call() of runtime/api.h for the interpreter's own call instructions: the callee may end or
// begin transactions (native code calls call(), which forbids that while it runs).
Value call_interp(Value f, Value* args, int64_t nargs, TupleObj* kwnames);
// Runs a class body function with `ns` as its namespace; returns the __class__ cell or None.
Value run_class_body(FunctionObj* body, DictObj* ns);
// Runs module-level code with `m` as globals.
Value run_module_code(CodeObj* code, ModuleObj* m);
// The same with a locals dict for LOAD_NAME/STORE_NAME (exec/eval code), which may be null.
Value run_code_with_locals(CodeObj* code, ModuleObj* m, DictObj* locals);

// RAII: counts one Python frame against the recursion limit and checks the C++ stack.
class RecursionGuard {
 public:
  RecursionGuard();
  ~RecursionGuard() { ts_.depth--; }
 private:
  ThreadState& ts_;
};

// ---- generators (generator.cpp) ----
Value make_generator(Frame* f);
// Resumes: true and *out = yielded value, or false and *out = the return value.
bool gen_resume(Value gen, Value sent, Value throw_exc, Value* out);

// ---- tracebacks (traceback.cpp) ----
void traceback_add(Value exc, CodeObj* code, int32_t pc);   // pc: the instruction that raised
// Sets exc.__context__ = ctx (when ctx is another exception), breaking cycles like CPython.
void exception_set_context(Value exc, Value ctx);
void exception_set_cause(Value exc, Value cause);
// The full CPython-style report (chained exceptions, tracebacks, "Type: message").
std::string format_exception(Value exc);
void init_traceback_type();

// ---- imports (import.cpp) ----
Value import_name(StrObj* name, Value fromlist, Value level, ModuleObj* importer);
Value import_from(Value module, StrObj* name);
void import_star(Value module, ModuleObj* globals, DictObj* locals_dict);
// Registers the main module and sets sys.path = [script folder, lib folder].
void import_setup_main(ModuleObj* main_module, const std::string& script_path, const char* exe_path);

// ---- built-ins that need the interpreter's state (builtins_frame.cpp) ----
void init_frame_builtins();

// Calls threading._shutdown() (waits for the non-daemon threads) if the program imported
// threading; the command line calls it before the atexit callbacks, as CPython does.
void run_threading_shutdown();
// Calls atexit._run_exitfuncs() if the program imported atexit (at exit, by the command line).
void run_atexit_callbacks();

// ---- disassembler (disassembler.cpp) ----
std::string disassemble(const CodeObj* code, bool recursive = true);

}  // namespace stmjit
