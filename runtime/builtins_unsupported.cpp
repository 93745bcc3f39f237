// builtins_unsupported.cpp: names CPython's builtins module has that stmjit does not implement.
// They exist so that using one gives a clear "not supported by stmjit" error naming the feature
// instead of a confusing NameError. Registered last: a real implementation added elsewhere wins.
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

struct Unsupported { const char* name; const char* message; };
const Unsupported kUnsupported[] = {
    {"complex", "complex numbers are not supported by stmjit"},
    {"bytes", "bytes objects are not supported by stmjit"},
    {"bytearray", "bytearray objects are not supported by stmjit"},
    {"memoryview", "memoryview objects are not supported by stmjit"},
    {"compile", "compile() is not supported by stmjit (exec and eval take source strings)"},
    {"breakpoint", "breakpoint() is not supported by stmjit"},
    {"help", "help() is not supported by stmjit"},
    {"aiter", "asynchronous iteration is not supported by stmjit"},
    {"anext", "asynchronous iteration is not supported by stmjit"},
    {"ExceptionGroup", "exception groups are not supported by stmjit"},
    {"BaseExceptionGroup", "exception groups are not supported by stmjit"},
};

// A placeholder is a builtin whose bound `self` is its message (a native function has no
// closure of its own).
Value unsupported_builtin_call(Value* args, int64_t, TupleObj*) {
  raise(exc_NotImplementedError, "%s", std::string(sv(args[0])).c_str());
}

}  // namespace

void init_unsupported_builtins() {
  ModuleObj* b = builtins_module();
  for (const Unsupported& u : kUnsupported) {
    StrObj* name = intern(u.name);
    if (!module_get(b, name).is_empty()) continue;
    BuiltinFunctionObj* f = make_builtin(u.name, unsupported_builtin_call);
    f->self = make_str(u.message);
    module_set(b, name, Value::from_obj(f));
  }
  module_set(b, intern("__debug__"), v_true());
}

}  // namespace stmjit
