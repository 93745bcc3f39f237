// builtins_frame.cpp: the built-in functions that need the interpreter's state (the running
// frame or the exception being handled): __import__, globals, locals, vars, dir, exit/quit,
// exec, eval and sys.exc_info.
#include <algorithm>
#include <string>
#include <vector>

#include "frontend/parser.h"
#include "interpreter/compiler.h"
#include "interpreter/interpreter.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

Frame* caller_frame(const char* fname) {
  Frame* f = tstate().frame;
  if (!f) raise(exc_RuntimeError, "%s(): no current frame", fname);
  return f;
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Value b_import(Value* args, int64_t nargs, TupleObj* kwnames) {
  static const char* const kw[] = {"name", "globals", "locals", "fromlist", "level"};
  Value a[5] = {Value(), v_none(), v_none(), v_none(), make_int(0)};
  int64_t nkw = kwnames ? kwnames->length : 0;
  if (nargs > 5) raise(exc_TypeError, "__import__() takes at most 5 arguments (%lld given)", (long long)nargs);
  for (int64_t i = 0; i < nargs; i++) a[i] = args[i];
  for (int64_t i = 0; i < nkw; i++) {
    std::string_view k = sv(kwnames->items[i]);
    int slot = -1;
    for (int j = 0; j < 5; j++)
      if (k == kw[j]) slot = j;
    if (slot < 0) raise(exc_TypeError, "__import__() got an unexpected keyword argument '%s'", std::string(k).c_str());
    a[slot] = args[nargs + i];
  }
  if (a[0].is_empty()) raise(exc_TypeError, "__import__() missing required argument 'name' (pos 1)");
  if (!is_str(a[0])) raise(exc_TypeError, "__import__() argument 1 must be str, not %s", type_name(a[0]).c_str());
  if (sv(a[0]).empty() && as_index(a[4]) == 0) raise(exc_ValueError, "Empty module name");
  Frame* f = tstate().frame;
  ModuleObj* importer = f ? f->globals : nullptr;
  StrObj* name = intern(sv(a[0]));
  return import_name(name, a[3], a[4], importer);
}

Value globals_of(Frame* f) { return module_getattr(f->globals, names.__dict__); }

void copy_module_names(ModuleObj* m, DictObj* into) {
  Value snapshot = module_getattr(m, names.__dict__);
  for_each(snapshot, [&](Value k) {
    dict_set(into, k, dict_get(snapshot.as<DictObj>(), k));
    return true;
  });
}

Value locals_of(Frame* f) {
  if (f->locals_dict) return Value::from_obj(f->locals_dict);
  if (!f->func) return globals_of(f);   // module level: locals() is globals()
  DictObj* d = dict_new();
  CodeObj* c = f->code;
  for (int32_t i = 0; i < c->nlocals; i++)
    if (!f->slots[i].is_empty()) dict_set(d, Value::from_obj(c->varnames[i]), f->slots[i]);
  Value* cells = f->cells();
  for (int32_t i = 0; i < c->ncells + c->nfrees; i++) {
    StrObj* n = i < c->ncells ? c->cellvars[i] : c->freevars[i - c->ncells];
    Value v = cells[i].is_empty() ? Value() : stm_read(cells[i].as<CellObj>())->value;
    if (!v.is_empty()) dict_set(d, Value::from_obj(n), v);
  }
  return Value::from_obj(d);
}

Value b_globals(Value*, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("globals", kwnames);
  check_nargs("globals", nargs, 0, 0);
  return globals_of(caller_frame("globals"));
}

Value b_locals(Value*, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("locals", kwnames);
  check_nargs("locals", nargs, 0, 0);
  return locals_of(caller_frame("locals"));
}

Value b_vars(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("vars", kwnames);
  check_nargs("vars", nargs, 0, 1);
  if (nargs == 0) return locals_of(caller_frame("vars"));
  Value d = getattr_opt(args[0], names.__dict__);
  if (d.is_empty()) raise(exc_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

void add_keys(std::vector<std::string>& out, Value dict) {
  if (dict.is_empty() || kind_of(dict) != Kind::Dict) return;
  for_each(dict, [&](Value k) {
    if (is_str(k)) out.emplace_back(sv(k));
    return true;
  });
}

void add_class_names(std::vector<std::string>& out, ClassObj* cls) {
  TupleObj* mro = cls->mro;
  for (int64_t i = 0; i < mro->length; i++) add_keys(out, Value::from_obj(class_dict(mro->items[i].as<ClassObj>())));
}

Value b_dir(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("dir", kwnames);
  check_nargs("dir", nargs, 0, 1);
  std::vector<std::string> names_found;
  if (nargs == 0) {
    add_keys(names_found, locals_of(caller_frame("dir")));
  } else {
    Value o = args[0];
    Value custom = user_dunder_override(o, intern("__dir__"));
    if (custom.is_empty() && kind_of(o) == Kind::Instance) custom = getattr_opt(o, intern("__dir__"));
    if (!custom.is_empty() && kind_of(custom) != Kind::BuiltinFunction) {
      GcVector<Value> items = collect_values(call0(custom));
      ListObj* l = list_from(items.data(), int64_t(items.size()));
      list_sort(l, Value(), false);
      return Value::from_obj(l);
    }
    switch (kind_of(o)) {
      case Kind::Module: add_keys(names_found, getattr_opt(o, names.__dict__)); break;
      case Kind::Class: add_class_names(names_found, o.as<ClassObj>()); break;
      default:
        if (kind_of(o) == Kind::Instance || is_builtin_subclass_instance(o)) add_keys(names_found, getattr_opt(o, names.__dict__));
        add_class_names(names_found, class_of(o));
        break;
    }
  }
  std::sort(names_found.begin(), names_found.end());
  names_found.erase(std::unique(names_found.begin(), names_found.end()), names_found.end());
  ListObj* l = list_new();
  for (auto& n : names_found) list_append(l, make_str(n));
  return Value::from_obj(l);
}

Value b_exit(Value* args, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("exit", kwnames);
  check_nargs("exit", nargs, 0, 1);
  Value code = nargs ? args[0] : v_none();
  raise_value(class_call(exc_SystemExit, &code, 1, nullptr));
}

// exec(source, globals=None, locals=None) / eval(...): compiles `source` and runs it. Without
// globals, in the caller's module, with the caller's locals (a snapshot inside functions, as in
// CPython); with a globals dict, in a temporary module whose names are copied back to it.
Value run_source(Value* args, int64_t nargs, TupleObj* kwnames, CompileMode mode) {
  const char* fname = mode == CompileMode::Eval ? "eval" : "exec";
  check_no_kwargs(fname, kwnames);
  check_nargs(fname, nargs, 1, 3);
  if (!is_str(args[0])) {
    if (kind_of(args[0]) == Kind::Code) raise(exc_NotImplementedError, "%s() of code objects is not supported by stmjit", fname);
    raise(exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  }
  Value globals = nargs > 1 ? args[1] : v_none();
  Value locals = nargs > 2 ? args[2] : v_none();
  if (!is_none(globals) && kind_of(globals) != Kind::Dict)
    raise(exc_TypeError, "%s() globals must be a dict, not %s", fname, type_name(globals).c_str());
  if (!is_none(locals) && kind_of(locals) != Kind::Dict)
    raise(exc_TypeError, "locals must be a dict (other mappings are not supported by stmjit)");
  Frame* caller = caller_frame(fname);
  ModuleObj* target;
  DictObj* locals_dict = is_none(locals) ? nullptr : locals.as<DictObj>();
  if (is_none(globals)) {
    target = caller->globals;
    if (!locals_dict && (caller->locals_dict || caller->func)) locals_dict = locals_of(caller).as<DictObj>();
  } else {
    Value name = dict_get(globals.as<DictObj>(), Value::from_obj(names.__name__));
    target = module_new(is_str(name) ? sv(name) : "builtins");
    for_each(globals, [&](Value k) {
      if (is_str(k)) module_set(target, intern(sv(k)), dict_get(globals.as<DictObj>(), k));
      return true;
    });
  }
  std::string source(sv(args[0]));
  CodeObj* code;
  try {
    code = compile_source_mode(source, "<string>", target, mode);
  } catch (SyntaxErrorException& e) {
    const SyntaxErrorInfo& i = e.info();
    raise_value(make_exception(i.type == "IndentationError" ? exc_IndentationError : exc_SyntaxError,
                               i.message + " (<string>, line " + std::to_string(i.line) + ")"));
  }
  Value result;
  try {
    result = run_code_with_locals(code, target, locals_dict);
  } catch (PyException&) {
    if (!is_none(globals)) copy_module_names(target, globals.as<DictObj>());
    throw;
  }
  if (!is_none(globals)) copy_module_names(target, globals.as<DictObj>());
  return mode == CompileMode::Eval ? result : v_none();
}

Value b_exec(Value* args, int64_t nargs, TupleObj* kwnames) { return run_source(args, nargs, kwnames, CompileMode::Exec); }
Value b_eval(Value* args, int64_t nargs, TupleObj* kwnames) { return run_source(args, nargs, kwnames, CompileMode::Eval); }

// sys.exc_info(): (type, value, traceback) of the exception being handled, or three Nones.
Value sys_exc_info(Value*, int64_t nargs, TupleObj* kwnames) {
  check_no_kwargs("exc_info", kwnames);
  check_nargs("exc_info", nargs, 0, 0);
  Value e = tstate().handled_exc;
  if (e.is_empty() || is_none(e)) {
    Value nones[3] = {v_none(), v_none(), v_none()};
    return Value::from_obj(tuple_from(nones, 3));
  }
  Value tb = getattr_opt(e, names.__traceback__);
  Value items[3] = {Value::from_obj(class_of(e)), e, tb.is_empty() ? v_none() : tb};
  return Value::from_obj(tuple_from(items, 3));
}

}  // namespace

void init_frame_builtins() {
  ModuleObj* b = builtins_module();
  struct { const char* name; NativeFn fn; } table[] = {
      {"__import__", b_import}, {"globals", b_globals}, {"locals", b_locals}, {"vars", b_vars},
      {"dir", b_dir}, {"exit", b_exit}, {"quit", b_exit}, {"exec", b_exec}, {"eval", b_eval},
  };
  for (auto& e : table) module_set(b, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  if (ModuleObj* sys = find_builtin_module("sys"))
    module_set(sys, intern("exc_info"), Value::from_obj(make_builtin("exc_info", sys_exc_info)));
}

}  // namespace stmjit
