// call.cpp: calling things: `call`/`call_method` of runtime/api.h, argument binding for
// Python functions (defaults, keywords, *args, **kwargs, keyword-only; CPython's TypeError
// texts), frames for calls and class bodies, and the recursion limit.
#include <pthread.h>

#include <alloca.h>
#include <atomic>
#include <cstring>

#include "interpreter/interpreter.h"
#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"

namespace stmjit {

namespace {
std::atomic<int64_t> recursion_limit{1000};
thread_local ThreadState thread_state;

// Leaves this much C++ stack unused so runtime code and exception unwinding always fit.
constexpr size_t kStackReserve = size_t(256) << 10;

char* compute_stack_limit() {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (!addr || size == 0) return nullptr;
  size_t reserve = size / 4 < kStackReserve ? size / 4 : kStackReserve;
  return static_cast<char*>(addr) + reserve;
}

// The name in argument errors: the function's __qualname__ (which a program may reassign).
std::string fname(const FunctionObj* fn) {
  return std::string(str_view(fn->qualname ? fn->qualname : fn->code->qualname));
}

std::string join_names(const std::vector<std::string>& v) {
  // 'a' / 'a' and 'b' / 'a', 'b', and 'c'
  std::string s;
  for (size_t i = 0; i < v.size(); i++) {
    if (i > 0) s += v.size() > 2 ? ", " : " ";
    if (i > 0 && i + 1 == v.size()) s += "and ";
    s += "'" + v[i] + "'";
  }
  return s;
}

[[noreturn]] void missing_args(const FunctionObj* fn, const std::vector<std::string>& missing, const char* kind) {
  raise(exc_TypeError, "%s() missing %zu required %s argument%s: %s", fname(fn).c_str(), missing.size(), kind,
        missing.size() == 1 ? "" : "s", join_names(missing).c_str());
}

[[noreturn]] void too_many_positional(const FunctionObj* fn, int64_t given, const Value* slots) {
  const CodeObj* c = fn->code;
  int64_t ndef = fn->defaults ? fn->defaults->length : 0;
  int64_t kwonly_given = 0;
  for (int32_t i = c->argcount; i < c->argcount + c->kwonlycount; i++) kwonly_given += !slots[i].is_empty();
  std::string takes;
  if (ndef > 0) takes = "from " + std::to_string(c->argcount - ndef) + " to " + std::to_string(c->argcount) + " positional arguments";
  else takes = std::to_string(c->argcount) + " positional argument" + (c->argcount == 1 ? "" : "s");
  std::string given_s = std::to_string(given);
  if (kwonly_given)
    given_s += " positional argument" + std::string(given == 1 ? "" : "s") + " (and " + std::to_string(kwonly_given) +
               " keyword-only argument" + (kwonly_given == 1 ? "" : "s") + ")";
  raise(exc_TypeError, "%s() takes %s but %s %s given", fname(fn).c_str(), takes.c_str(), given_s.c_str(),
        (given == 1 && !kwonly_given) ? "was" : "were");
}

// Binds arguments into the frame's first code_total_params(c) slots.
void bind_args(FunctionObj* fn, Value* slots, Value* args, int64_t nargs, TupleObj* kwnames) {
  const CodeObj* c = fn->code;
  int64_t nkw = kwnames ? kwnames->length : 0;
  int32_t argcount = c->argcount;
  int64_t n = nargs < argcount ? nargs : argcount;
  for (int64_t i = 0; i < n; i++) slots[i] = args[i];
  int32_t extra = argcount + c->kwonlycount;
  if (c->flags & CO_VARARGS) {
    slots[extra] = Value::from_obj(tuple_from(args + n, nargs - n));
    extra++;
  } else if (nargs > argcount) {
    // Keywords first so the message can count keyword-only arguments given.
    for (int64_t k = 0; k < nkw; k++) {
      StrObj* key = kwnames->items[k].as<StrObj>();
      for (int32_t j = argcount; j < argcount + c->kwonlycount; j++)
        if (c->varnames[j] == key || str_view(c->varnames[j]) == str_view(key)) slots[j] = args[nargs + k];
    }
    too_many_positional(fn, nargs, slots);
  }
  DictObj* kwdict = nullptr;
  if (c->flags & CO_VARKEYWORDS) {
    kwdict = dict_new();
    slots[extra] = Value::from_obj(kwdict);
  }
  for (int64_t k = 0; k < nkw; k++) {
    StrObj* key = kwnames->items[k].as<StrObj>();
    Value v = args[nargs + k];
    int32_t found = -1;
    for (int32_t j = c->posonlycount; j < argcount + c->kwonlycount; j++)
      if (c->varnames[j] == key) { found = j; break; }
    if (found < 0)
      for (int32_t j = c->posonlycount; j < argcount + c->kwonlycount; j++)
        if (str_view(c->varnames[j]) == str_view(key)) { found = j; break; }
    if (found >= 0) {
      if (!slots[found].is_empty())
        raise(exc_TypeError, "%s() got multiple values for argument '%s'", fname(fn).c_str(), str_view(key).data());
      slots[found] = v;
      continue;
    }
    if (kwdict) {
      dict_set(kwdict, Value::from_obj(key), v);
      continue;
    }
    for (int32_t j = 0; j < c->posonlycount; j++)
      if (str_view(c->varnames[j]) == str_view(key))
        raise(exc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
              fname(fn).c_str(), str_view(key).data());
    raise(exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname(fn).c_str(), str_view(key).data());
  }
  if (nargs < argcount) {
    int64_t ndef = fn->defaults ? fn->defaults->length : 0;
    int64_t first_def = argcount - ndef;
    std::vector<std::string> missing;
    for (int64_t j = nargs; j < argcount; j++) {
      if (!slots[j].is_empty()) continue;
      if (j >= first_def) slots[j] = fn->defaults->items[j - first_def];
      else missing.emplace_back(str_view(c->varnames[j]));
    }
    if (!missing.empty()) missing_args(fn, missing, "positional");
  }
  if (c->kwonlycount) {
    std::vector<std::string> missing;
    for (int32_t j = argcount; j < argcount + c->kwonlycount; j++) {
      if (!slots[j].is_empty()) continue;
      Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, c->varnames[j]) : Value();
      if (d.is_empty()) missing.emplace_back(str_view(c->varnames[j]));
      else slots[j] = d;
    }
    if (!missing.empty()) missing_args(fn, missing, "keyword-only");
  }
}

// Cells of the new frame: fresh cells (seeded from parameters) and the closure's cells.
inline void init_cells(Frame* f, FunctionObj* fn) {
  const CodeObj* c = f->code;
  Value* cells = f->cells();
  for (int32_t i = 0; i < c->ncells; i++) {
    CellObj* cell = gc_new<CellObj>(cls_cell);
    CellBody* b = stm_init_body(cell);
    if (c->cell2arg[i] >= 0) b->value = f->slots[c->cell2arg[i]];
    cells[i] = Value::from_obj(cell);
  }
  for (int32_t i = 0; i < c->nfrees; i++) cells[c->ncells + i] = fn->closure->items[i];
}

inline void init_frame(Frame* f, CodeObj* c, FunctionObj* fn, ModuleObj* globals) {
  std::memset(static_cast<void*>(f), 0, frame_size(c));
  f->code = c;
  f->func = fn;
  f->globals = globals;
}

}  // namespace

ThreadState& tstate() { return thread_state; }

void thread_state_exit() {
  ThreadState& ts = thread_state;
  if (ts.stack_limit) GC_remove_roots(&ts, &ts + 1);   // added by the first RecursionGuard
  ts = ThreadState();
}

void set_recursion_limit(int64_t limit) { recursion_limit.store(limit); }
int64_t get_recursion_limit() { return recursion_limit.load(); }

RecursionGuard::RecursionGuard() : ts_(thread_state) {
  if (!ts_.stack_limit) {
    ts_.stack_limit = compute_stack_limit();
    // Boehm does not scan thread-local storage: register this thread's state (it holds the
    // exception being handled) as a root. Threads that exit must GC_remove_roots it again.
    GC_add_roots(&ts_, &ts_ + 1);
  }
  char probe;
  if (++ts_.depth > recursion_limit.load(std::memory_order_relaxed) ||
      (ts_.stack_limit && &probe < ts_.stack_limit)) {
    ts_.depth--;
    raise(exc_RecursionError, "maximum recursion depth exceeded");
  }
}

Value call_function(FunctionObj* fn, Value* args, int64_t nargs, TupleObj* kwnames) {
  CodeObj* c = fn->code;
  size_t size = frame_size(c);
  bool gen = c->flags & CO_GENERATOR;
  Frame* f = static_cast<Frame*>(gen ? gc_alloc(size) : alloca(size));
  init_frame(f, c, fn, fn->module);
  if (!kwnames && nargs == c->argcount && !(c->flags & (CO_VARARGS | CO_VARKEYWORDS)) && c->kwonlycount == 0) {
    for (int64_t i = 0; i < nargs; i++) f->slots[i] = args[i];
  } else {
    bind_args(fn, f->slots, args, nargs, kwnames);
  }
  if (c->ncells | c->nfrees) init_cells(f, fn);
  if (gen) return make_generator(f);
  RecursionGuard guard;
  // A function's entry is a safe point: recursion without loops must let other threads run
  // (GIL) or end over-long transactions (STM: the next one restarts at this frame's entry).
  if (t_stm_tx) tx_safepoint(f, 0, 0);
  else safepoint();
  return eval_frame(f);
}

Value run_class_body(FunctionObj* body, DictObj* ns) {
  CodeObj* c = body->code;
  Frame* f = static_cast<Frame*>(alloca(frame_size(c)));
  init_frame(f, c, body, body->module);
  f->locals_dict = ns;
  if (c->ncells | c->nfrees) init_cells(f, body);
  RecursionGuard guard;
  NativeCallScope native;   // the class is built from the namespace afterwards: no breaks
  return eval_frame(f);
}

namespace {
// Gives every global name that `code` (and the functions in it) loads its module cell before
// the code runs. Otherwise the first LOAD_GLOBAL of a builtin (`len`, `ord`) creates an empty
// cell in the module's cell table from inside a transaction: threads that miss the same
// cache site then all write that table and conflict (richards: ~70 aborts per run). Module
// bodies run at start-up or in an import, both inevitable, so these writes never conflict.
void precreate_global_cells(const CodeObj* code, ModuleObj* m) {
  for (int32_t i = 0; i < code->ninstrs; i++)
    if (Op(code->instrs[i] & 0xff) == Op::LOAD_GLOBAL) module_cell(m, code->names[code->instrs[i] >> 8], true);
  for (int32_t k = 0; k < code->nconsts; k++)
    if (code->consts[k].is_obj() && code->consts[k].as_obj()->cls->kind == Kind::Code) precreate_global_cells(code->consts[k].as<CodeObj>(), m);
}
}  // namespace

Value run_module_code(CodeObj* code, ModuleObj* m) {
  precreate_global_cells(code, m);
  return run_code_with_locals(code, m, nullptr);
}

Value run_code_with_locals(CodeObj* code, ModuleObj* m, DictObj* locals) {
  Frame* f = static_cast<Frame*>(alloca(frame_size(code)));
  init_frame(f, code, nullptr, m);
  f->locals_dict = locals;
  RecursionGuard guard;
  // Imports and exec() run module code from native code: no breaks inside. The main module
  // (no frame below it) may break.
  bool nested = tstate().frame != nullptr;
  if (nested) t_native_depth++;
  struct Undo {
    bool nested;
    ~Undo() { if (nested) t_native_depth--; }
  } undo{nested};
  return eval_frame(f);
}

namespace {
// Calls `f` with `first` prepended to the arguments.
Value call_prepend(Value f, Value first, Value* args, int64_t nargs, TupleObj* kwnames) {
  int64_t total = nargs + (kwnames ? kwnames->length : 0);
  Value small[8];
  Value* buf = total + 1 <= 8 ? small : static_cast<Value*>(gc_alloc(sizeof(Value) * size_t(total + 1)));
  buf[0] = first;
  for (int64_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call_interp(f, buf, nargs + 1, kwnames);
}
}  // namespace

Value call(Value f, Value* args, int64_t nargs, TupleObj* kwnames) {
  NativeCallScope native;   // native code may hold object versions across the call: no breaks
  return call_interp(f, args, nargs, kwnames);
}

Value call_interp(Value f, Value* args, int64_t nargs, TupleObj* kwnames) {
  if (f.is_obj()) {
    switch (f.as_obj()->cls->kind) {
      case Kind::Function:
        return call_function(f.as<FunctionObj>(), args, nargs, kwnames);
      case Kind::BuiltinFunction: {
        BuiltinFunctionObj* b = f.as<BuiltinFunctionObj>();
        if (b->no_kwargs && kwnames && kwnames->length) {
          std::string n = b->owner ? std::string(str_view(b->owner->name)) + "." : "";
          raise(exc_TypeError, "%s%s() takes no keyword arguments", n.c_str(), str_view(b->name).data());
        }
        if (b->self.is_empty()) return b->fn(args, nargs, kwnames);
        int64_t total = nargs + (kwnames ? kwnames->length : 0);
        Value small[8];
        Value* buf = total + 1 <= 8 ? small : static_cast<Value*>(gc_alloc(sizeof(Value) * size_t(total + 1)));
        buf[0] = b->self;
        for (int64_t i = 0; i < total; i++) buf[i + 1] = args[i];
        return b->fn(buf, nargs + 1, kwnames);
      }
      case Kind::BoundMethod: {
        BoundMethodObj* m = f.as<BoundMethodObj>();
        return call_prepend(m->func, m->self, args, nargs, kwnames);
      }
      case Kind::Class:
        return class_call(f.as<ClassObj>(), args, nargs, kwnames);
      default: break;
    }
  }
  Value c = lookup_special(f, names.__call__);
  if (c.is_empty() || is_none(c)) raise(exc_TypeError, "'%s' object is not callable", type_name(f).c_str());
  return call_interp(c, args, nargs, kwnames);
}

Value call_method(Value self, StrObj* name, Value* args, int64_t nargs) {
  return call(getattr(self, name), args, nargs);
}

}  // namespace stmjit
