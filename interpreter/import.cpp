// import.cpp: the import system. `import a.b`, `from x import y`, packages (a folder with
// __init__.py), relative imports inside packages. Search order: the directories of sys.path
// (the script's folder, then the project's lib/ folder), then built-in C++ modules. Each module
// is loaded once: a registry (GC-visible, guarded by a recursive mutex because a module's body
// may import others) maps full names to modules; a module is registered before its body runs so
// circular imports see the partly initialised module, and removed again if its body fails.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "frontend/parser.h"
#include "interpreter/compiler.h"
#include "interpreter/interpreter.h"
#include "interpreter/safepoint.h"
#include "runtime/object_model.h"

namespace stmjit {

namespace {

struct LoadedModule {
  StrObj* name;
  ModuleObj* module;
};
std::recursive_mutex import_lock;
GcVector<LoadedModule>* registry;

// Holds import_lock. A module body may reach a safe point and let another thread run while
// this one holds the lock, so a thread that has to wait for it waits without the GIL (else
// the holder could never finish). Two threads importing the same module thus get one module:
// the second waits until the first has run the body.
class ImportLock {
 public:
  ImportLock() {
    if (!import_lock.try_lock()) {
      BlockingRegion region;
      import_lock.lock();
    }
  }
  ~ImportLock() { import_lock.unlock(); }
  ImportLock(const ImportLock&) = delete;
  ImportLock& operator=(const ImportLock&) = delete;
};
ListObj* search_path;      // sys.path (the same list object the program sees)

GcVector<LoadedModule>& reg() {
  if (!registry) registry = new (gc_alloc(sizeof(GcVector<LoadedModule>))) GcVector<LoadedModule>();
  return *registry;
}

ModuleObj* find_loaded(std::string_view name) {
  for (auto& e : reg())
    if (str_view(e.name) == name) return e.module;
  return nullptr;
}

void unregister(ModuleObj* m) {
  auto& r = reg();
  for (size_t i = 0; i < r.size(); i++)
    if (r[i].module == m) {
      r.erase(r.begin() + long(i));
      return;
    }
}

bool is_file(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string str_of_value(Value v) {
  if (v.is_obj() && v.as_obj()->cls->kind == Kind::Str) return std::string(str_view(v.as<StrObj>()));
  return "";
}

// Directories to search for a top-level module (sys.path) or inside a package (__path__).
std::vector<std::string> dirs_of(Value list) {
  std::vector<std::string> out;
  if (!(list.is_obj() && list.as_obj()->cls->kind == Kind::List)) return out;
  const ListBody* b = stm_read(list.as<ListObj>());
  for (int64_t i = 0; i < b->length; i++) {
    std::string s = str_of_value(b->items[i]);
    if (!s.empty()) out.push_back(s);
  }
  return out;
}

void exec_source_module(ModuleObj* m, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) raise(exc_ImportError, "cannot read '%s'", path.c_str());
  std::stringstream ss;
  ss << in.rdbuf();
  std::string src = ss.str();
  CodeObj* code;
  try {
    code = compile_source(src, path, m);
  } catch (SyntaxErrorException& e) {
    const SyntaxErrorInfo& i = e.info();
    std::string file = i.filename;
    size_t slash = file.rfind('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
    Value exc = make_exception(i.type == "IndentationError" ? exc_IndentationError : exc_SyntaxError,
                               i.message + " (" + file + ", line " + std::to_string(i.line) + ")");
    raise_value(exc);
  }
  run_module_code(code, m);
}

ModuleObj* load_module(const std::string& full) {
  if (ModuleObj* m = find_loaded(full)) return m;
  size_t dot = full.rfind('.');
  std::string parent_name = dot == std::string::npos ? "" : full.substr(0, dot);
  std::string leaf = dot == std::string::npos ? full : full.substr(dot + 1);
  ModuleObj* parent = nullptr;
  std::vector<std::string> dirs;
  if (!parent_name.empty()) {
    parent = load_module(parent_name);
    if (ModuleObj* m = find_loaded(full)) return m;   // the parent's __init__ imported it
    // A built-in module's submodule is one of its attributes (os.path).
    Value sub = module_get(parent, intern(leaf));
    if (!sub.is_empty() && kind_of(sub) == Kind::Module && !parent->filename) {
      reg().push_back({intern(full), sub.as<ModuleObj>()});
      return sub.as<ModuleObj>();
    }
    Value path = module_get(parent, names.__path__);
    if (path.is_empty())
      raise(exc_ModuleNotFoundError, "No module named '%s'; '%s' is not a package", full.c_str(), parent_name.c_str());
    dirs = dirs_of(path);
  } else {
    dirs = dirs_of(Value::from_obj(search_path));
  }
  for (const std::string& d : dirs) {
    std::string pkg_dir = d + "/" + leaf;
    std::string init = pkg_dir + "/__init__.py";
    std::string file = d + "/" + leaf + ".py";
    bool is_pkg = is_file(init);
    if (!is_pkg && !is_file(file)) continue;
    std::string path = is_pkg ? init : file;
    // The registry is outside the STM: an abort cannot take the entry back, and a re-run of the
    // import would find the module and skip its body. So from here on the transaction must
    // not abort: make it inevitable (it may throw StmAbort, but before anything is changed).
    if (stm::StmTx* tx = t_stm_tx; tx && !stm::stm_is_inevitable(tx)) stm::stm_become_inevitable(tx);
    ModuleObj* m;
    {
      // Built outside the transaction, so the module is a committed object before the registry
      // shows it to other threads: the body's writes then go through the barriers (private until
      // commit) instead of in place into an object other threads already read.
      OutsideTransaction no_tx;
      m = module_new(full, str_new(path));
      if (is_pkg) {
        Value p = make_str(pkg_dir);
        module_set(m, names.__path__, Value::from_obj(list_from(&p, 1)));
        module_set(m, names.__package__, make_str(full));
      } else {
        module_set(m, names.__package__, make_str(parent_name));
      }
    }
    reg().push_back({intern(full), m});
    try {
      exec_source_module(m, path);
    } catch (...) {
      unregister(m);
      throw;
    }
    if (parent) module_set(parent, intern(leaf), Value::from_obj(m));
    return m;
  }
  if (parent_name.empty()) {
    if (ModuleObj* b = find_builtin_module(full)) {
      reg().push_back({intern(full), b});
      return b;
    }
  }
  static const char* const stdlib_names[] = {
#include "interpreter/stdlib_names.inc"
  };
  std::string top = full.substr(0, full.find('.'));
  for (const char* n : stdlib_names)
    if (top == n)
      raise(exc_ModuleNotFoundError, "No module named '%s' (a CPython standard module stmjit does not provide)",
            full.c_str());
  raise(exc_ModuleNotFoundError, "No module named '%s'", full.c_str());
}

std::string resolve_relative(const std::string& name, int64_t level, ModuleObj* importer) {
  std::string package = str_of_value(module_get(importer, names.__package__));
  if (package.empty()) {
    // A module without __package__: its package is its name minus the last component.
    if (module_get(importer, names.__path__).is_empty()) {
      std::string n(str_view(importer->name));
      size_t dot = n.rfind('.');
      package = dot == std::string::npos ? "" : n.substr(0, dot);
    } else {
      package = std::string(str_view(importer->name));
    }
  }
  if (package.empty() || package == "__main__")
    raise(exc_ImportError, "attempted relative import with no known parent package");
  for (int64_t i = 1; i < level; i++) {
    size_t dot = package.rfind('.');
    if (dot == std::string::npos) raise(exc_ImportError, "attempted relative import beyond top-level package");
    package = package.substr(0, dot);
  }
  return name.empty() ? package : package + "." + name;
}

}  // namespace

Value import_name(StrObj* name, Value fromlist, Value level_v, ModuleObj* importer) {
  ImportLock g;
  int64_t level = level_v.is_small_int() ? level_v.as_small_int() : 0;
  std::string full(str_view(name));
  if (level > 0) full = resolve_relative(full, level, importer);
  ModuleObj* m = load_module(full);
  if (!is_none(fromlist) || level > 0) return Value::from_obj(m);
  // `import a.b.c` binds the top-level package a.
  size_t dot = full.find('.');
  if (dot == std::string::npos) return Value::from_obj(m);
  return Value::from_obj(find_loaded(full.substr(0, dot)));
}

Value import_from(Value module, StrObj* name) {
  Value v = getattr_opt(module, name);
  if (!v.is_empty()) return v;
  if (kind_of(module) == Kind::Module) {
    ModuleObj* m = module.as<ModuleObj>();
    if (!module_get(m, names.__path__).is_empty()) {
      ImportLock g;
      std::string full = std::string(str_view(m->name)) + "." + std::string(str_view(name));
      try {
        return Value::from_obj(load_module(full));
      } catch (PyException& e) {
        if (!exception_matches(e.exc, Value::from_obj(exc_ModuleNotFoundError))) throw;
      }
    }
    std::string where = m->filename ? std::string(str_view(m->filename)) : "unknown location";
    if (!m->filename) where = "unknown location";
    raise(exc_ImportError, "cannot import name '%s' from '%s' (%s)", str_view(name).data(),
          std::string(str_view(m->name)).c_str(), where.c_str());
  }
  raise(exc_ImportError, "cannot import name '%s'", str_view(name).data());
}

void import_star(Value module, ModuleObj* globals, DictObj* locals_dict) {
  if (kind_of(module) != Kind::Module) raise(exc_TypeError, "import * needs a module");
  ModuleObj* m = module.as<ModuleObj>();
  Value all = module_get(m, names.__all__);
  auto store = [&](StrObj* n, Value v) {
    if (locals_dict) dict_set(locals_dict, Value::from_obj(n), v);
    else module_set(globals, n, v);
  };
  if (!all.is_empty()) {
    Value it = get_iter(all);
    for (Value n = iter_next(it); !n.is_empty(); n = iter_next(it)) {
      StrObj* in = intern(str_view(n.as<StrObj>()));
      store(in, getattr(module, in));
    }
    return;
  }
  const DictBody* b = stm_read(stm_read(m)->cells);
  GcVector<Value> keys, cells;
  for (int64_t i = 0; i < b->used; i++)
    if (!b->entries[i].key.is_empty()) {
      keys.push_back(b->entries[i].key);
      cells.push_back(b->entries[i].value);
    }
  for (size_t i = 0; i < keys.size(); i++) {
    StrObj* n = keys[i].as<StrObj>();
    if (n->nbytes > 0 && n->data[0] == '_') continue;
    Value v = stm_read(cells[i].as<CellObj>())->value;
    if (!v.is_empty()) store(n, v);
  }
}

void import_setup_main(ModuleObj* main_module, const std::string& script_path, const char* exe_path) {
  ImportLock g;
  std::string dir = ".";
  size_t slash = script_path.rfind('/');
  if (slash != std::string::npos) dir = slash == 0 ? "/" : script_path.substr(0, slash);
  std::string lib;
#ifdef STMJIT_SOURCE_DIR
  lib = std::string(STMJIT_SOURCE_DIR) + "/lib";
#endif
  struct stat st;
  if ((lib.empty() || stat(lib.c_str(), &st) != 0) && exe_path) {
    // Installed layout: <prefix>/bin/stmjit next to <prefix>/lib/stmjit.
    std::string exe(exe_path);
    size_t s = exe.rfind('/');
    if (s != std::string::npos) lib = exe.substr(0, s) + "/../lib/stmjit";
  }
  // Like CPython: the script's folder, then PYTHONPATH's entries, then the library.
  std::vector<Value> items{make_str(dir)};
  if (const char* extra = getenv("PYTHONPATH")) {
    std::string rest(extra);
    size_t start = 0;
    while (start <= rest.size()) {
      size_t colon = rest.find(':', start);
      if (colon == std::string::npos) colon = rest.size();
      if (colon > start) items.push_back(make_str(rest.substr(start, colon - start)));
      start = colon + 1;
    }
  }
  if (!lib.empty()) items.push_back(make_str(lib));
  search_path = list_from(items.data(), items.size());
  if (ModuleObj* sys = find_builtin_module("sys")) module_set(sys, intern("path"), Value::from_obj(search_path));
  reg().push_back({intern("__main__"), main_module});
}

void run_threading_shutdown() {
  ModuleObj* m;
  {
    ImportLock g;
    m = find_loaded("threading");
  }
  if (!m) return;
  Value shutdown = module_get(m, intern("_shutdown"));
  if (!shutdown.is_empty()) call0(shutdown);
}

void run_atexit_callbacks() {
  ModuleObj* m;
  {
    ImportLock g;
    m = find_loaded("atexit");
  }
  if (!m) return;
  Value run = module_get(m, intern("_run_exitfuncs"));
  if (!run.is_empty()) call0(run);
}

}  // namespace stmjit
