// exceptions.cpp: Python exceptions. Exception instances are ordinary instances (Kind::Instance)
// whose `args` lives in an instance slot, so user subclasses need nothing special. This file
// has raise/raise_value/make_exception, `except` matching, str()/repr() of exceptions, and the
// methods of BaseException and the subclasses with extra attributes (SystemExit.code,
// StopIteration.value, OSError.errno/strerror/filename, KeyError's str).
#include <cerrno>
#include <cstdio>

#include "runtime/object_model.h"

namespace stmjit {

BuiltinFunctionObj* base_exception_init_fn;
BuiltinFunctionObj* base_exception_new_fn;

namespace {

StrObj* n_errno() { static StrObj* s = intern("errno"); return s; }
StrObj* n_strerror() { static StrObj* s = intern("strerror"); return s; }
StrObj* n_filename() { static StrObj* s = intern("filename"); return s; }

InstanceObj* as_exception(Value v, const char* method) {
  if (kind_of(v) != Kind::Instance || !isinstance(v, exc_BaseException))
    raise(exc_TypeError, "descriptor '%s' requires a 'BaseException' object but received a '%s'",
          method, type_name(v).c_str());
  return v.as<InstanceObj>();
}

// What BaseException.__init__ and its built-in subclasses' __init__ store.
void exception_init(InstanceObj* e, const Value* args, int64_t n) {
  Value self = Value::from_obj(e);
  instance_store_attr(e, names.args, Value::from_obj(tuple_from(args, n)));
  ClassObj* cls = e->cls;
  if (is_subclass(cls, exc_StopIteration)) {
    instance_store_attr(e, names.value, n > 0 ? args[0] : v_none());
  } else if (is_subclass(cls, exc_SystemExit)) {
    instance_store_attr(e, names.code, n == 0 ? v_none() : n == 1 ? args[0] : Value::from_obj(exception_args(self)));
  } else if (is_subclass(cls, exc_OSError) && n >= 2 && n <= 5) {
    instance_store_attr(e, n_errno(), args[0]);
    instance_store_attr(e, n_strerror(), args[1]);
    if (n >= 3 && !is_none(args[2])) {
      instance_store_attr(e, n_filename(), args[2]);
      // CPython keeps only (errno, strerror) in args when a filename is given.
      instance_store_attr(e, names.args, Value::from_obj(tuple_from(args, 2)));
    }
  }
}

std::string to_std(StrObj* s) { return std::string(str_view(s)); }

std::string base_str(Value exc) {
  TupleObj* a = exception_args(exc);
  if (a->length == 0) return "";
  if (a->length == 1) return to_std(str_of(a->items[0]));
  return to_std(repr(Value::from_obj(a)));
}

Value base_exception_new(Value* args, int64_t nargs, TupleObj* kwnames) {
  if (nargs < 1 || kind_of(args[0]) != Kind::Class)
    raise(exc_TypeError, "BaseException.__new__(X): X is not a type object");
  ClassObj* cls = args[0].as<ClassObj>();
  if (!is_subclass(cls, exc_BaseException) || cls->kind != Kind::Instance)
    raise(exc_TypeError, "BaseException.__new__(%s) is not a subtype of BaseException",
          class_name(cls).data());
  InstanceObj* e = instance_new(cls);
  instance_store_attr(e, names.args, Value::from_obj(tuple_from(args + 1, nargs - 1)));
  return Value::from_obj(e);
}

Value base_exception_init(Value* args, int64_t nargs, TupleObj* kwnames) {
  InstanceObj* e = as_exception(args[0], "__init__");
  check_no_kwargs(class_name(e->cls).data(), kwnames);
  exception_init(e, args + 1, nargs - 1);
  return v_none();
}

Value base_exception_str(Value* args, int64_t nargs, TupleObj* kwnames) {
  as_exception(args[0], "__str__");
  return make_str(base_str(args[0]));
}

Value base_exception_repr(Value* args, int64_t nargs, TupleObj* kwnames) {
  as_exception(args[0], "__repr__");
  return make_str(exception_repr(args[0]));
}

Value base_exception_with_traceback(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_nargs("with_traceback", nargs - 1, 1, 1);
  setattr(args[0], names.__traceback__, args[1]);
  return args[0];
}

Value key_error_str(Value* args, int64_t nargs, TupleObj* kwnames) {
  as_exception(args[0], "__str__");
  TupleObj* a = exception_args(args[0]);
  if (a->length == 1) return Value::from_obj(repr(a->items[0]));
  return make_str(base_str(args[0]));
}

Value os_error_str(Value* args, int64_t nargs, TupleObj* kwnames) {
  InstanceObj* e = as_exception(args[0], "__str__");
  Value en = instance_load_attr(e, n_errno());
  Value se = instance_load_attr(e, n_strerror());
  Value fn = instance_load_attr(e, n_filename());
  if (en.is_empty() || se.is_empty()) return make_str(base_str(args[0]));
  std::string s = "[Errno " + to_std(str_of(en)) + "] " + to_std(str_of(se));
  if (!fn.is_empty()) s += ": " + to_std(repr(fn));
  return make_str(s);
}

bool matches_spec(ClassObj* exc_cls, Value spec) {
  Kind k = kind_of(spec);
  if (k == Kind::Tuple) {
    TupleObj* t = spec.as<TupleObj>();
    for (int64_t i = 0; i < t->length; i++)
      if (matches_spec(exc_cls, t->items[i])) return true;
    return false;
  }
  if (k != Kind::Class || !is_subclass(spec.as<ClassObj>(), exc_BaseException))
    raise(exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return is_subclass(exc_cls, spec.as<ClassObj>());
}

}  // namespace

void raise(ClassObj* type, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  std::string msg;
  if (n >= int(sizeof buf)) {
    msg.resize(size_t(n) + 1);
    va_start(ap, fmt);
    vsnprintf(msg.data(), msg.size(), fmt, ap);
    va_end(ap);
    msg.resize(size_t(n));
  } else {
    msg.assign(buf, n < 0 ? 0 : size_t(n));
  }
  throw PyException{make_exception(type, msg)};
}

void raise_value(Value v) {
  if (kind_of(v) == Kind::Class && is_subclass(v.as<ClassObj>(), exc_BaseException)) {
    Value e = class_call(v.as<ClassObj>(), nullptr, 0, nullptr);
    if (!isinstance(e, exc_BaseException))
      raise(exc_TypeError, "calling %s should have returned an instance of BaseException, not %s",
            class_repr(v.as<ClassObj>()).c_str(), type_name(e).c_str());
    throw PyException{e};
  }
  if (!v.is_empty() && isinstance(v, exc_BaseException)) throw PyException{v};
  raise(exc_TypeError, "exceptions must derive from BaseException");
}

Value make_exception(ClassObj* type, std::string_view message) {
  InstanceObj* e = instance_new(type);
  Value m = make_str(message);
  exception_init(e, &m, 1);
  return Value::from_obj(e);
}

bool exception_matches(Value exc, Value class_or_tuple) {
  ClassObj* c = kind_of(exc) == Kind::Class ? exc.as<ClassObj>() : class_of(exc);
  return matches_spec(c, class_or_tuple);
}

TupleObj* exception_args(Value exc) {
  Value a = kind_of(exc) == Kind::Instance ? instance_load_attr(exc.as<InstanceObj>(), names.args) : Value();
  if (a.is_empty() || kind_of(a) != Kind::Tuple) return tuple_new(0);
  return a.as<TupleObj>();
}

std::string exception_message(Value exc) {
  Value f = lookup_in_mro(class_of(exc), names.__str__);
  Value r;
  if (kind_of(f) == Kind::BuiltinFunction) r = f.as<BuiltinFunctionObj>()->fn(&exc, 1, nullptr);
  else r = call0(bind_attr(f, exc, class_of(exc)));
  if (kind_of(r) != Kind::Str)
    raise(exc_TypeError, "__str__ returned non-string (type %s)", type_name(r).c_str());
  return to_std(r.as<StrObj>());
}

std::string exception_repr(Value exc) {
  TupleObj* a = exception_args(exc);
  std::string s(class_name(class_of(exc)));
  if (a->length == 1) return s + "(" + to_std(repr(a->items[0])) + ")";
  return s + to_std(repr(Value::from_obj(a)));
}

namespace {
// Raised when the heap cannot even hold a fresh MemoryError: without it, the allocation that
// builds the exception would fail again and the interpreter would retry it forever. Made at
// start-up, outside any transaction, so every thread may raise it.
InstanceObj* spare_memory_error = nullptr;
}  // namespace

void init_exception_methods() {
  base_exception_new_fn = make_builtin("__new__", base_exception_new);
  base_exception_init_fn = make_builtin("__init__", base_exception_init);
  base_exception_init_fn->is_method = true;
  class_set_attr(exc_BaseException, names.__new__, Value::from_obj(base_exception_new_fn));
  class_set_attr(exc_BaseException, names.__init__, Value::from_obj(base_exception_init_fn));
  def_method(exc_BaseException, "__str__", base_exception_str);
  def_method(exc_BaseException, "__repr__", base_exception_repr);
  def_method(exc_BaseException, "with_traceback", base_exception_with_traceback);
  // Defaults the interpreter overrides per instance when it chains or raises exceptions.
  class_set_attr(exc_BaseException, names.__traceback__, v_none());
  class_set_attr(exc_BaseException, names.__cause__, v_none());
  class_set_attr(exc_BaseException, names.__context__, v_none());
  class_set_attr(exc_BaseException, intern("__suppress_context__"), v_false());
  def_method(exc_KeyError, "__str__", key_error_str);
  def_method(exc_OSError, "__str__", os_error_str);
  class_set_attr(exc_StopIteration, names.value, v_none());
  class_set_attr(exc_SystemExit, names.code, v_none());
  class_set_attr(exc_OSError, n_errno(), v_none());
  class_set_attr(exc_OSError, n_strerror(), v_none());
  class_set_attr(exc_OSError, n_filename(), v_none());
  spare_memory_error = instance_new(exc_MemoryError);
  exception_init(spare_memory_error, nullptr, 0);
}

ClassObj* oserror_subclass(int err) {
  switch (err) {
    case ENOENT: return exc_FileNotFoundError;
    case EACCES: case EPERM: return exc_PermissionError;
    case EEXIST: return exc_FileExistsError;
    case EISDIR: return exc_IsADirectoryError;
    case ENOTDIR: return exc_NotADirectoryError;
    case EINTR: return exc_InterruptedError;
    case ETIMEDOUT: return exc_TimeoutError;
    case ECHILD: return exc_ChildProcessError;
    case ESRCH: return exc_ProcessLookupError;
    case EPIPE: case ESHUTDOWN: return exc_BrokenPipeError;
    case ECONNABORTED: return exc_ConnectionAbortedError;
    case ECONNREFUSED: return exc_ConnectionRefusedError;
    case ECONNRESET: return exc_ConnectionResetError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return exc_BlockingIOError;
    default: return exc_OSError;
  }
}


void raise_memory_error() {
  Value e;
  try {
    e = class_call(exc_MemoryError, nullptr, 0, nullptr);
  } catch (std::bad_alloc&) {
    if (!spare_memory_error) throw;
    e = Value::from_obj(spare_memory_error);
    try {
      // Its last raise's traceback and context do not belong to this one.
      instance_store_attr(spare_memory_error, names.__traceback__, v_none());
      instance_store_attr(spare_memory_error, names.__context__, v_none());
    } catch (std::bad_alloc&) {
    }
  }
  throw PyException{e};
}

}  // namespace stmjit
