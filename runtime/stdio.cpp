// stdio.cpp: buffered standard output (flushed when large, before anything goes to stderr, and
// at exit), the sys.stdout / sys.stderr objects, text files from open() (read, readline,
// readlines, write, close, iteration, context manager), and the print() builtin.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

std::mutex out_lock;
std::string* out_buf;
bool out_is_tty;
Value stdout_obj, stderr_obj, stdin_obj;
ClassObj* cls_textio;
StrObj* n_handle;   // hidden instance attribute: index into `files` (or -1/-2/-3 for std streams)

std::mutex files_lock;
std::vector<FILE*> files;

void write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= size_t(w);
  }
}

void flush_locked() {
  if (out_buf && !out_buf->empty()) {
    write_all(1, out_buf->data(), out_buf->size());
    out_buf->clear();
  }
}

int64_t handle_of(Value self) {
  tx_become_inevitable();   // file I/O cannot be undone: every file method goes through here
  Value h = getattr_opt(self, n_handle);
  if (h.is_empty() || !h.is_small_int()) raise(exc_ValueError, "I/O operation on closed file.");
  return h.as_small_int();
}

FILE* file_of(Value self) {
  int64_t h = handle_of(self);
  std::lock_guard<std::mutex> g(files_lock);
  if (h < 0 || size_t(h) >= files.size() || !files[size_t(h)]) raise(exc_ValueError, "I/O operation on closed file.");
  return files[size_t(h)];
}

Value f_write(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("write", nargs - 1, 1, 1);
  if (!is_str(args[1])) raise(exc_TypeError, "write() argument must be str, not %s", type_name(args[1]).c_str());
  int64_t h = handle_of(args[0]);
  std::string_view s = sv(args[1]);
  if (h == -1) write_stdout(s);
  else if (h == -2) write_stderr(s);
  else if (h == -3) raise(exc_OSError, "not writable");
  else fwrite(s.data(), 1, s.size(), file_of(args[0]));
  return make_int(as_str(args[1])->length);
}

Value f_flush(Value* args, int64_t, TupleObj*) {
  int64_t h = handle_of(args[0]);
  if (h == -1 || h == -2) flush_std_streams();
  else if (h >= 0) fflush(file_of(args[0]));
  return v_none();
}

bool read_line(FILE* f, std::string& line) {
  line.clear();
  int c;
  while ((c = fgetc(f)) != EOF) {
    line += char(c);
    if (c == '\n') break;
  }
  return !line.empty();
}

FILE* readable(Value self) {
  int64_t h = handle_of(self);
  if (h == -3) return stdin;
  if (h < 0) raise(exc_OSError, "not readable");
  return file_of(self);
}

Value f_read(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("read", nargs - 1, 0, 1);
  FILE* f = readable(args[0]);
  int64_t limit = nargs > 1 && !is_none(args[1]) ? as_index(args[1]) : -1;
  std::string out;
  int c;
  // Count code points for a limit: read whole UTF-8 sequences.
  int64_t n = 0;
  while ((limit < 0 || n < limit) && (c = fgetc(f)) != EOF) {
    out += char(c);
    if ((c & 0xC0) != 0x80) n++;
    int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
    for (int i = 0; i < extra && (c = fgetc(f)) != EOF; i++) out += char(c);
  }
  return make_str(out);
}

Value f_readline(Value* args, int64_t nargs, TupleObj*) {
  std::string line;
  read_line(readable(args[0]), line);
  return make_str(line);
}

Value f_readlines(Value* args, int64_t nargs, TupleObj*) {
  FILE* f = readable(args[0]);
  ListObj* l = list_new();
  std::string line;
  while (read_line(f, line)) list_append(l, make_str(line));
  return Value::from_obj(l);
}

Value f_close(Value* args, int64_t, TupleObj*) {
  Value h = getattr_opt(args[0], n_handle);
  if (h.is_small_int() && h.as_small_int() >= 0) {
    std::lock_guard<std::mutex> g(files_lock);
    size_t i = size_t(h.as_small_int());
    if (i < files.size() && files[i]) {
      fclose(files[i]);
      files[i] = nullptr;
    }
  }
  setattr(args[0], intern("closed"), v_true());
  return v_none();
}

Value f_enter(Value* args, int64_t, TupleObj*) { return args[0]; }
Value f_exit(Value* args, int64_t nargs, TupleObj* k) {
  f_close(args, 1, k);
  return v_false();
}
Value f_iter(Value* args, int64_t, TupleObj*) { return args[0]; }
Value f_next(Value* args, int64_t, TupleObj*) {
  std::string line;
  if (!read_line(readable(args[0]), line)) raise_value(Value::from_obj(exc_StopIteration));
  return make_str(line);
}
Value f_fileno(Value* args, int64_t, TupleObj*) {
  int64_t h = handle_of(args[0]);
  if (h == -1) return make_int(1);
  if (h == -2) return make_int(2);
  if (h == -3) return make_int(0);
  return make_int(fileno(file_of(args[0])));
}

Value make_stream(int64_t handle, std::string_view name, std::string_view mode) {
  Value o = Value::from_obj(instance_new(cls_textio));
  setattr(o, n_handle, make_int(handle));
  setattr(o, names.name, make_str(name));
  setattr(o, intern("mode"), make_str(mode));
  setattr(o, intern("closed"), v_false());
  return o;
}

Value open_builtin(Value* args, int64_t nargs, TupleObj* kwnames) {
  tx_become_inevitable();
  Args a{args, nargs, kwnames};
  a.check_kw("open", {"file", "mode", "encoding", "errors", "newline", "buffering"});
  Value file = nargs > 0 ? args[0] : a.kw("file");
  Value modev = nargs > 1 ? args[1] : a.kw("mode");
  if (file.is_empty()) raise(exc_TypeError, "open() missing required argument 'file' (pos 1)");
  if (!is_str(file)) raise(exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(file).c_str());
  std::string mode = modev.is_empty() ? "r" : std::string(sv(modev));
  std::string cmode;
  for (char c : mode) {
    if (c == 'b') raise(exc_ValueError, "binary mode is not supported by stmjit");
    if (c == 'r' || c == 'w' || c == 'a' || c == '+') cmode += c;
    else if (c == 'x') cmode += "wx";   // glibc: 'x' = fail if the file exists
    else if (c != 't') raise(exc_ValueError, "invalid mode: '%s'", mode.c_str());
  }
  if (cmode.empty()) cmode.push_back('r');   // not = "r": GCC 12 misreports that under -Wrestrict
  std::string path(sv(file));
  FILE* f = fopen(path.c_str(), cmode.c_str());
  struct stat st;
  if (f && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {   // reading a directory "opens"
    fclose(f);
    f = nullptr;
    errno = EISDIR;
  }
  if (!f) {
    int err = errno;
    ClassObj* cls = oserror_subclass(err);
    Value items[2] = {make_int(err), make_str(strerror(err))};
    Value exc = make_exception(cls, "");
    setattr(exc, names.args, Value::from_obj(tuple_from(items, 2)));
    setattr(exc, intern("errno"), items[0]);
    setattr(exc, intern("strerror"), items[1]);
    setattr(exc, intern("filename"), file);
    raise_value(exc);
  }
  int64_t h;
  {
    std::lock_guard<std::mutex> g(files_lock);
    files.push_back(f);
    h = int64_t(files.size() - 1);
  }
  return make_stream(h, path, mode);
}

Value current_stdout() {
  static ModuleObj* sys;
  if (!sys) sys = find_builtin_module("sys");
  static StrObj* n_stdout = intern("stdout");
  Value v = sys ? module_get(sys, n_stdout) : Value();
  return v.is_empty() ? stdout_obj : v;
}

Value print_builtin(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("print", {"sep", "end", "file", "flush"});
  Value sepv = a.kw("sep"), endv = a.kw("end"), filev = a.kw("file"), flushv = a.kw("flush");
  auto text = [](Value v, const char* what, const char* def) -> std::string {
    if (v.is_empty() || is_none(v)) return def;
    if (!is_str(v)) raise(exc_TypeError, "%s must be None or a string, not %s", what, type_name(v).c_str());
    return std::string(sv(v));
  };
  std::string sep = text(sepv, "sep", " "), end = text(endv, "end", "\n");
  std::string out;
  for (int64_t i = 0; i < nargs; i++) {
    if (i) out += sep;
    if (is_str(args[i])) out += sv(args[i]);
    else out += str_std(args[i]);
  }
  out += end;
  Value file = filev.is_empty() || is_none(filev) ? current_stdout() : filev;
  if (file == stdout_obj) write_stdout(out);
  else if (file == stderr_obj) write_stderr(out);
  else {
    Value s = make_str(out);
    call_method(file, names.write, &s, 1);
  }
  if (!flushv.is_empty() && truthy(flushv)) {
    if (file == stdout_obj || file == stderr_obj) flush_std_streams();
    else call_method(file, names.flush, nullptr, 0);
  }
  return v_none();
}

Value input_builtin(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("input", nargs, 0, 1);
  if (nargs == 1) write_stdout(str_std(args[0]));
  flush_std_streams();
  std::string line;
  bool got;
  {
    BlockingRegion region;   // other threads run while this one waits for a line
    got = read_line(stdin, line);
  }
  if (!got) raise(exc_EOFError, "EOF when reading a line");
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return make_str(line);
}

}  // namespace

void write_stdout(std::string_view s) {
  tx_become_inevitable();
  std::lock_guard<std::mutex> g(out_lock);
  if (!out_buf) out_buf = new std::string();
  out_buf->append(s.data(), s.size());
  if (out_buf->size() >= (size_t(1) << 16) || (out_is_tty && s.find('\n') != std::string_view::npos)) flush_locked();
}

void write_stderr(std::string_view s) {
  tx_become_inevitable();
  std::lock_guard<std::mutex> g(out_lock);
  flush_locked();
  write_all(2, s.data(), s.size());
}

void flush_std_streams() {
  tx_become_inevitable();
  std::lock_guard<std::mutex> g(out_lock);
  flush_locked();
  fflush(stdout);
}

Value sys_stdout_object() { return stdout_obj; }
Value sys_stderr_object() { return stderr_obj; }
Value sys_stdin_object() { return stdin_obj; }

void init_std_streams() {
  out_is_tty = isatty(1);
  std::atexit([] { flush_std_streams(); });
  n_handle = intern("_stmjit_handle");
  Value base = Value::from_obj(cls_object);
  cls_textio = class_new(intern("TextIOWrapper"), tuple_from(&base, 1), dict_new(), intern("_io"));
  struct { const char* name; NativeFn fn; } methods[] = {
      {"write", f_write}, {"flush", f_flush}, {"read", f_read}, {"readline", f_readline},
      {"readlines", f_readlines}, {"close", f_close}, {"__enter__", f_enter}, {"__exit__", f_exit},
      {"__iter__", f_iter}, {"__next__", f_next}, {"fileno", f_fileno},
  };
  for (auto& m : methods) def_method(cls_textio, m.name, m.fn);
  stdout_obj = make_stream(-1, "<stdout>", "w");
  stderr_obj = make_stream(-2, "<stderr>", "w");
  stdin_obj = make_stream(-3, "<stdin>", "r");
  ModuleObj* b = builtins_module();
  module_set(b, intern("print"), Value::from_obj(make_builtin("print", print_builtin)));
  module_set(b, intern("open"), Value::from_obj(make_builtin("open", open_builtin)));
  module_set(b, intern("input"), Value::from_obj(make_builtin("input", input_builtin)));
}

}  // namespace stmjit
