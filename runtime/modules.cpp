// modules.cpp: module objects and their name -> cell tables, the builtins module, the registry
// of built-in (C++) modules, and the helpers native functions use to define themselves and
// check their arguments.
//
// A module maps each global name to a CellObj that is never removed (deleting a global empties
// its cell), so compiled code and inline caches may hold on to a cell for good.
#include <algorithm>
#include <iterator>
#include <mutex>

#include "runtime/object_model.h"

namespace stmjit {

namespace {

ModuleObj* the_builtins;

// Built-in modules by name: created on first import, once. The table holds object pointers, so
// it lives in GC memory (GcVector) and the mutex (recursive: one module's init may import
// another) guards both lookup and creation.
struct BuiltinModuleEntry {
  StrObj* name;
  ModuleObj* (*init)();
  ModuleObj* module;
};
std::recursive_mutex registry_lock;
GcVector<BuiltinModuleEntry>* registry;

}  // namespace

ModuleObj* module_new(std::string_view name, StrObj* filename) {
  ModuleObj* m = gc_new<ModuleObj>(cls_module);
  m->name = intern(name);
  m->filename = filename;
  stm_init_body(m)->cells = dict_new();
  module_set(m, names.__name__, Value::from_obj(m->name));
  if (filename) module_set(m, names.__file__, Value::from_obj(filename));
  return m;
}

CellObj* module_cell(ModuleObj* m, StrObj* interned_name, bool create) {
  DictObj* cells = stm_read(m)->cells;
  Value c = dict_get_str(cells, interned_name);
  if (!c.is_empty()) return c.as<CellObj>();
  if (!create) return nullptr;
  CellObj* cell = gc_new<CellObj>(cls_cell);
  stm_init_body(cell);
  dict_set(cells, Value::from_obj(interned_name), Value::from_obj(cell));
  return cell;
}

Value module_get(ModuleObj* m, StrObj* interned_name) {
  CellObj* c = module_cell(m, interned_name, false);
  return c ? stm_read(c)->value : Value();
}

void module_set(ModuleObj* m, StrObj* interned_name, Value v) {
  stm_write(module_cell(m, interned_name, true))->value = v;
}

ModuleObj* builtins_module() { return the_builtins; }

void register_builtin_module(std::string_view name, ModuleObj* (*init)()) {
  std::lock_guard<std::recursive_mutex> g(registry_lock);
  if (!registry) registry = new (gc_alloc(sizeof(GcVector<BuiltinModuleEntry>))) GcVector<BuiltinModuleEntry>();
  StrObj* n = intern(name);
  for (auto& e : *registry)
    if (e.name == n) {
      e.init = init;
      return;
    }
  registry->push_back({n, init, nullptr});
}

ModuleObj* find_builtin_module(std::string_view name) {
  std::lock_guard<std::recursive_mutex> g(registry_lock);
  if (!registry) return nullptr;
  for (size_t i = 0; i < registry->size(); i++) {
    if (str_view((*registry)[i].name) != name) continue;
    if (!(*registry)[i].module) {
      // The registry publishes the module to every thread at once, outside the STM, so it is
      // built outside the running transaction: its objects are committed when init returns
      // (not fresh objects the importer would go on writing in place while other threads read
      // them, whose writes no abort could undo). The inits only create new objects and classes
      // and call no Python code.
      ModuleObj* m;
      {
        OutsideTransaction no_tx;
        m = (*registry)[i].init();
      }
      (*registry)[i].module = m;   // index, not reference: init may have grown the table
    }
    return (*registry)[i].module;
  }
  return nullptr;
}

BuiltinFunctionObj* make_builtin(std::string_view name, NativeFn fn) {
  BuiltinFunctionObj* f = gc_new<BuiltinFunctionObj>(cls_builtin_function_or_method);
  f->name = intern(name);
  f->fn = fn;
  return f;
}

void def_method(ClassObj* cls, std::string_view name, NativeFn fn) {
  BuiltinFunctionObj* f = make_builtin(name, fn);
  f->is_method = name != "__new__";   // __new__ is static: it takes the class first
  f->owner = cls;
  // Methods of the built-in types are positional-only, except these (as in CPython).
  static const std::string_view takes_keywords[] = {"sort", "split", "rsplit", "splitlines", "encode", "decode",
                                                    "format", "update", "__init__", "__new__", "expandtabs",
                                                    "hex", "to_bytes", "__init_subclass__", "__call__"};
  f->no_kwargs = !class_is_user_defined(cls) &&
                 std::find(std::begin(takes_keywords), std::end(takes_keywords), name) == std::end(takes_keywords);
  class_set_attr(cls, intern(name), Value::from_obj(f));
}

void check_nargs(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  // max < 0: no upper bound. Texts follow CPython's METH_O / METH_NOARGS / _PyArg_CheckPositional.
  if (nargs >= min && (max < 0 || nargs <= max)) return;
  if (max == 0)
    raise(exc_TypeError, "%s() takes no arguments (%lld given)", fname, (long long)nargs);
  if (min == 1 && max == 1)
    raise(exc_TypeError, "%s() takes exactly one argument (%lld given)", fname, (long long)nargs);
  if (min == max)
    raise(exc_TypeError, "%s expected %lld argument%s, got %lld", fname, (long long)min,
          min == 1 ? "" : "s", (long long)nargs);
  if (nargs < min)
    raise(exc_TypeError, "%s expected at least %lld argument%s, got %lld", fname, (long long)min,
          min == 1 ? "" : "s", (long long)nargs);
  raise(exc_TypeError, "%s expected at most %lld argument%s, got %lld", fname, (long long)max,
        max == 1 ? "" : "s", (long long)nargs);
}

void check_nargs_total(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  // The texts of PyArg_ParseTuple and _PyArg_UnpackKeywords (count includes keywords).
  if (nargs >= min && nargs <= max) return;
  const char* bound = min == max ? "exactly" : nargs < min ? "at least" : "at most";
  int64_t n = nargs < min ? min : max;
  raise(exc_TypeError, "%s() takes %s %lld argument%s (%lld given)", fname, bound, (long long)n, n == 1 ? "" : "s",
        (long long)nargs);
}

void check_no_kwargs(const char* fname, TupleObj* kwnames) {
  if (kwnames && kwnames->length > 0) raise(exc_TypeError, "%s() takes no keyword arguments", fname);
}

void init_module_registry() {
  the_builtins = module_new("builtins");
  {
    std::lock_guard<std::recursive_mutex> g(registry_lock);
    if (!registry)
      registry = new (gc_alloc(sizeof(GcVector<BuiltinModuleEntry>))) GcVector<BuiltinModuleEntry>();
  }
  // Note: `builtins` itself is importable like the other built-in modules.
  register_builtin_module("builtins", [] { return the_builtins; });
}

}  // namespace stmjit
