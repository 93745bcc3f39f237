// mod_os.cpp: the `os` module (POSIX only): environ (a dict copied from the process environment
// at import), getenv, getcwd, listdir, getpid, cpu_count, the separators, and `os.path` (the
// posixpath functions join, split, dirname, basename, splitext, normpath, abspath, isabs,
// exists, isfile, isdir, getsize) with CPython's string rules and TypeError messages.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

extern char** environ;

namespace stmjit {

namespace {

// A path argument of the os.path functions: str only (stmjit has no os.PathLike or bytes paths).
std::string path_arg(Value v) {
  if (!is_str(v)) raise(exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(v).c_str());
  return std::string(sv(v));
}

[[noreturn]] void raise_os_error(int err, const std::string& filename) {
  // strerror may return a shared static buffer (POSIX does not require it to be thread safe);
  // glibc's strerror_r (GNU form) returns a message that is ours or immutable.
  char buf[256];
  const char* msg = strerror_r(err, buf, sizeof buf);
  Value args[3] = {make_int(err), make_str(msg), make_str(filename)};
  raise_value(call(Value::from_obj(oserror_subclass(err)), args, 3));
}

// ---- os ------------------------------------------------------------------------------------

Value os_getenv(Value* args, int64_t nargs, TupleObj* kw) {
  Args a{args, nargs, kw};
  a.check_kw("getenv", {"key", "default"});
  if (nargs > 2) raise(exc_TypeError, "getenv() takes from 1 to 2 positional arguments but %lld were given", (long long)nargs);
  Value key = nargs > 0 ? args[0] : a.kw("key");
  Value dflt = nargs > 1 ? args[1] : a.kw("default");
  if (key.is_empty()) raise(exc_TypeError, "getenv() missing 1 required positional argument: 'key'");
  if (!is_str(key)) raise(exc_TypeError, "str expected, not %s", type_name(key).c_str());
  const char* v = getenv(std::string(sv(key)).c_str());
  if (v) return make_str(v);
  return dflt.is_empty() ? v_none() : dflt;
}

Value os_getcwd(Value*, int64_t nargs, TupleObj*) {
  if (nargs) raise(exc_TypeError, "posix.getcwd() takes no arguments (%lld given)", (long long)nargs);
  std::vector<char> buf(4096);
  while (!getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) raise_os_error(errno, ".");
    buf.resize(buf.size() * 2);
  }
  return make_str(buf.data());
}

Value os_getpid(Value*, int64_t nargs, TupleObj*) {
  check_nargs("getpid", nargs, 0, 0);
  return make_int(getpid());
}

Value os_cpu_count(Value*, int64_t nargs, TupleObj*) {
  check_nargs("cpu_count", nargs, 0, 0);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? v_none() : make_int(n);
}

Value os_listdir(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("listdir", nargs, 0, 1);
  std::string p = nargs && !is_none(args[0]) ? path_arg(args[0]) : ".";
  DIR* d = opendir(p.c_str());
  if (!d) raise_os_error(errno, p);
  ListObj* out = list_new();
  while (dirent* e = readdir(d)) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    list_append(out, make_str(e->d_name));
  }
  closedir(d);
  return Value::from_obj(out);
}

// ---- os.path ---------------------------------------------------------------------------------

std::string join_paths(Value* args, int64_t nargs) {
  std::string path = path_arg(args[0]);
  for (int64_t i = 1; i < nargs; i++) {
    if (!is_str(args[i]))
      raise(exc_TypeError, "join() argument must be str, bytes, or os.PathLike object, not '%s'",
            type_name(args[i]).c_str());
    std::string b(sv(args[i]));
    if (!b.empty() && b[0] == '/') path = b;
    else if (path.empty() || path.back() == '/') path += b;
    else path += "/" + b;
  }
  return path;
}

Value p_join(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("join", kw);
  if (nargs < 1) raise(exc_TypeError, "join() missing 1 required positional argument: 'a'");
  return make_str(join_paths(args, nargs));
}

// (head, tail) as posixpath.split: trailing slashes leave head unless it is all slashes.
std::pair<std::string, std::string> split_path(const std::string& p) {
  size_t i = p.rfind('/');
  i = i == std::string::npos ? 0 : i + 1;
  std::string head = p.substr(0, i), tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
  return {head, tail};
}

Value p_split(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("split", nargs, 1, 1);
  auto [h, t] = split_path(path_arg(args[0]));
  Value items[2] = {make_str(h), make_str(t)};
  return Value::from_obj(tuple_from(items, 2));
}

Value p_dirname(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("dirname", nargs, 1, 1);
  return make_str(split_path(path_arg(args[0])).first);
}

Value p_basename(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("basename", nargs, 1, 1);
  return make_str(split_path(path_arg(args[0])).second);
}

Value p_splitext(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("splitext", nargs, 1, 1);
  std::string p = path_arg(args[0]);
  size_t sep = p.rfind('/'), dot = p.rfind('.');
  long long sep_i = sep == std::string::npos ? -1 : (long long)sep;
  std::string root = p, ext;
  if (dot != std::string::npos && (long long)dot > sep_i) {
    // Leading dots of the file name do not start an extension (".bashrc").
    for (size_t i = size_t(sep_i + 1); i < dot; i++) {
      if (p[i] != '.') {
        root = p.substr(0, dot);
        ext = p.substr(dot);
        break;
      }
    }
  }
  Value items[2] = {make_str(root), make_str(ext)};
  return Value::from_obj(tuple_from(items, 2));
}

std::string normpath(const std::string& path) {
  if (path.empty()) return ".";
  int initial = path[0] == '/' ? 1 : 0;
  if (initial && path.compare(0, 2, "//") == 0 && path.compare(0, 3, "///") != 0) initial = 2;
  std::vector<std::string> comps;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string comp = path.substr(start, end - start);
    start = end + 1;
    if (comp.empty() || comp == ".") continue;
    if (comp != ".." || (!initial && comps.empty()) || (!comps.empty() && comps.back() == "..")) comps.push_back(comp);
    else if (!comps.empty()) comps.pop_back();
  }
  std::string out(size_t(initial), '/');
  for (size_t i = 0; i < comps.size(); i++) out += (i ? "/" : "") + comps[i];
  return out.empty() ? "." : out;
}

Value p_normpath(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("normpath", nargs, 1, 1);
  return make_str(normpath(path_arg(args[0])));
}

Value p_isabs(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("isabs", nargs, 1, 1);
  std::string p = path_arg(args[0]);
  return v_bool(!p.empty() && p[0] == '/');
}

Value p_abspath(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("abspath", nargs, 1, 1);
  std::string p = path_arg(args[0]);
  if (p.empty() || p[0] != '/') {
    Value parts[2] = {os_getcwd(nullptr, 0, nullptr), make_str(p)};
    p = join_paths(parts, 2);
  }
  return make_str(normpath(p));
}

// stat() for exists/isfile/isdir: false on any error, as genericpath does.
bool stat_path(Value v, struct stat* st) {
  if (is_str(v)) return stat(std::string(sv(v)).c_str(), st) == 0;
  if (is_int_like(v) && !is_kind(v, Kind::Bool)) return fstat(int(as_index(v)), st) == 0;
  raise(exc_TypeError, "stat: path should be string, bytes, os.PathLike or integer, not %s", type_name(v).c_str());
}

Value p_exists(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("exists", nargs, 1, 1);
  struct stat st;
  return v_bool(stat_path(args[0], &st));
}

Value p_isfile(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("isfile", nargs, 1, 1);
  struct stat st;
  return v_bool(stat_path(args[0], &st) && S_ISREG(st.st_mode));
}

Value p_isdir(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("isdir", nargs, 1, 1);
  struct stat st;
  return v_bool(stat_path(args[0], &st) && S_ISDIR(st.st_mode));
}

Value p_getsize(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("getsize", nargs, 1, 1);
  std::string p = path_arg(args[0]);
  struct stat st;
  if (stat(p.c_str(), &st) != 0) raise_os_error(errno, p);
  return make_int(int64_t(st.st_size));
}

ModuleObj* make_path_module() {
  ModuleObj* m = module_new("posixpath");
  struct { const char* name; NativeFn fn; } table[] = {
      {"join", p_join}, {"split", p_split}, {"dirname", p_dirname}, {"basename", p_basename},
      {"splitext", p_splitext}, {"normpath", p_normpath}, {"isabs", p_isabs}, {"abspath", p_abspath},
      {"exists", p_exists}, {"isfile", p_isfile}, {"isdir", p_isdir}, {"getsize", p_getsize},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  module_set(m, intern("sep"), make_str("/"));
  module_set(m, intern("curdir"), make_str("."));
  module_set(m, intern("pardir"), make_str(".."));
  module_set(m, intern("extsep"), make_str("."));
  module_set(m, intern("pathsep"), make_str(":"));
  module_set(m, intern("altsep"), v_none());
  module_set(m, intern("devnull"), make_str("/dev/null"));
  return m;
}

}  // namespace

ModuleObj* make_os_module() {
  ModuleObj* m = module_new("os");
  DictObj* env = dict_new();
  for (char** e = environ; e && *e; e++) {
    const char* eq = strchr(*e, '=');
    if (!eq || eq == *e) continue;
    dict_set(env, make_str(std::string_view(*e, size_t(eq - *e))), make_str(eq + 1));
  }
  module_set(m, intern("environ"), Value::from_obj(env));
  struct { const char* name; NativeFn fn; } table[] = {
      {"getenv", os_getenv}, {"getcwd", os_getcwd}, {"getpid", os_getpid},
      {"cpu_count", os_cpu_count}, {"listdir", os_listdir},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  module_set(m, intern("name"), make_str("posix"));
  module_set(m, intern("sep"), make_str("/"));
  module_set(m, intern("altsep"), v_none());
  module_set(m, intern("linesep"), make_str("\n"));
  module_set(m, intern("curdir"), make_str("."));
  module_set(m, intern("pardir"), make_str(".."));
  module_set(m, intern("extsep"), make_str("."));
  module_set(m, intern("pathsep"), make_str(":"));
  module_set(m, intern("devnull"), make_str("/dev/null"));
  module_set(m, intern("error"), Value::from_obj(exc_OSError));
  module_set(m, intern("path"), Value::from_obj(make_path_module()));
  return m;
}

}  // namespace stmjit
