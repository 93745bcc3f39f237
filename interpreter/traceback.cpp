// traceback.cpp: traceback objects (one TracebackObj per frame an exception passed through),
// exception chaining (__context__, __cause__) and the CPython-style report printed for an
// uncaught exception: chained exceptions first, "Traceback (most recent call last):", one
// `  File "...", line N, in name` plus the stripped source line per frame (runs of more than
// three identical entries collapse into "[Previous line repeated N more times]"), then
// "Type: message".
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include "interpreter/interpreter.h"
#include "interpreter/suggestions.h"
#include "runtime/object_model.h"

namespace stmjit {

ClassObj* cls_traceback;

namespace {

StrObj* suppress_context_name() {
  static StrObj* n = intern("__suppress_context__");
  return n;
}

bool is_exception_instance(Value v) { return v.is_obj() && v.as_obj()->cls->kind == Kind::Instance; }

Value raw_attr(Value exc, StrObj* name) {
  if (!is_exception_instance(exc)) return Value();
  return instance_load_attr(exc.as<InstanceObj>(), name);
}

Value tb_lineno(Value* args, int64_t, TupleObj*) { return make_int(args[0].as<TracebackObj>()->line); }
Value tb_next(Value* args, int64_t, TupleObj*) {
  TracebackObj* n = args[0].as<TracebackObj>()->next;
  return n ? Value::from_obj(n) : v_none();
}

// Source lines per file, read once (tracebacks only).
std::mutex lines_lock;
std::map<std::string, std::vector<std::string>> lines_cache;

// The raw text of a line ("" when unavailable).
std::string raw_source_line(const std::string& file, int line) {
  std::lock_guard<std::mutex> g(lines_lock);
  auto it = lines_cache.find(file);
  if (it == lines_cache.end()) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    std::string l;
    while (std::getline(in, l)) lines.push_back(l);
    it = lines_cache.emplace(file, std::move(lines)).first;
  }
  if (line < 1 || size_t(line) > it->second.size()) return "";
  return it->second[size_t(line) - 1];
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n'; }

// Code points in s[0, byte_offset) (carets count characters, positions are UTF-8 bytes).
int64_t chars_before(const std::string& s, int64_t byte_offset) {
  int64_t n = 0;
  for (int64_t i = 0; i < byte_offset && i < int64_t(s.size()); i++)
    if ((static_cast<unsigned char>(s[size_t(i)]) & 0xc0) != 0x80) n++;
  return n;
}

// CPython 3.11's marker line under a traceback's source line: '^' under the failing
// expression, or for a binary operation / subscript '~' under the operands and '^' under the
// operator / the brackets. Empty when the expression spans the whole line (and has no anchors).
std::string caret_line(const std::string& raw, int32_t line, const InstrLoc& loc) {
  if (loc.col < 0 || loc.end_line < line) return "";
  size_t first = raw.find_first_not_of(" \t\f\r\n");
  if (first == std::string::npos) return "";
  size_t last = raw.find_last_not_of(" \t\f\r\n") + 1;
  int64_t indent = chars_before(raw, int64_t(first));
  int64_t stripped_len = chars_before(raw, int64_t(last)) - indent;
  int64_t start = chars_before(raw, loc.col) - indent;
  int64_t end = loc.end_line == line ? chars_before(raw, loc.end_col) - indent : stripped_len;
  if (start < 0 || end > stripped_len || end <= start) return "";
  int64_t left = -1, right = -1;   // secondary range [left, right), in stripped characters
  if (loc.end_line == line && loc.anchor == 1) {
    for (int32_t i = loc.a; i < loc.b && i < int32_t(raw.size()); i++) {
      if (is_blank(raw[size_t(i)])) continue;
      int32_t op_end = i + 1;
      if (i + 1 < loc.b && !is_blank(raw[size_t(i) + 1])) op_end++;   // two-character operator
      left = chars_before(raw, i) - indent;
      right = chars_before(raw, op_end) - indent;
      break;
    }
  } else if (loc.end_line == line && loc.anchor == 2) {
    left = chars_before(raw, loc.a) - indent;
    right = chars_before(raw, loc.b) - indent;
  }
  bool anchors = left >= 0 && right > left;
  if (start == 0 && end == stripped_len && !anchors) return "";
  std::string out(size_t(start), ' ');
  for (int64_t i = start; i < end; i++) out += anchors ? (i >= left && i < right ? '^' : '~') : '^';
  return out;
}

std::string source_line(const std::string& file, int line) {
  std::string s = raw_source_line(file, line);
  size_t b = s.find_first_not_of(" \t\f\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\f\r\n");
  return s.substr(b, e - b + 1);
}

void format_tb(std::string& out, Value tbv) {
  if (!(tbv.is_obj() && tbv.as_obj()->cls == cls_traceback)) return;
  out += "Traceback (most recent call last):\n";
  std::string last_file, last_name;
  int last_line = -1, count = 0;
  auto flush_repeats = [&] {
    if (count > 3) {
      int more = count - 3;
      out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more == 1 ? "" : "s") + "]\n";
    }
  };
  for (TracebackObj* tb = tbv.as<TracebackObj>(); tb; tb = tb->next) {
    std::string file(str_view(tb->code->filename));
    std::string name(str_view(tb->code->name));
    if (file == last_file && name == last_name && tb->line == last_line) {
      count++;
      if (count > 3) continue;
    } else {
      flush_repeats();
      last_file = file;
      last_name = name;
      last_line = tb->line;
      count = 1;
    }
    out += "  File \"" + file + "\", line " + std::to_string(tb->line) + ", in " + name + "\n";
    std::string src = source_line(file, tb->line);
    if (!src.empty()) {
      out += "    " + src + "\n";
      std::string carets = caret_line(raw_source_line(file, tb->line), tb->line, tb->code->locs[tb->pc]);
      if (!carets.empty()) out += "    " + carets + "\n";
    }
  }
  flush_repeats();
}

std::string exception_line(Value exc) {
  ClassObj* c = class_of(exc);
  std::string type(str_view(c->qualname ? c->qualname : c->name));
  if (c->module_name) {
    std::string_view mod = str_view(c->module_name);
    if (mod != "builtins" && mod != "__main__") type = std::string(mod) + "." + type;
  }
  std::string msg;
  try {
    msg = exception_message(exc);
  } catch (PyException&) {
    msg = "<exception str() failed>";
  }
  std::string hint = name_error_suggestion(exc, msg);
  if (!hint.empty()) msg += ". Did you mean: '" + hint + "'?";
  return msg.empty() ? type + "\n" : type + ": " + msg + "\n";
}

void format_chain(std::string& out, Value exc, std::set<Obj*>& seen) {
  seen.insert(exc.as_obj());
  Value cause = raw_attr(exc, names.__cause__);
  Value context = raw_attr(exc, names.__context__);
  Value suppress = raw_attr(exc, suppress_context_name());
  if (is_exception_instance(cause) && !seen.count(cause.as_obj())) {
    format_chain(out, cause, seen);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (is_exception_instance(context) && !seen.count(context.as_obj()) &&
             !(suppress == v_true())) {
    format_chain(out, context, seen);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  format_tb(out, raw_attr(exc, names.__traceback__));
  out += exception_line(exc);
}

}  // namespace

void init_traceback_type() {
  cls_traceback = class_alloc_builtin(Kind::Code);
  cls_traceback->cls = cls_type;
  class_setup_builtin(cls_traceback, "traceback", cls_object);
  def_property(cls_traceback, "tb_lineno", tb_lineno);
  def_property(cls_traceback, "tb_next", tb_next);
}

namespace {

void traceback_add_entry(Value exc, CodeObj* code, int32_t pc) {
  InstanceObj* inst = exc.as<InstanceObj>();
  Value old = instance_load_attr(inst, names.__traceback__);
  bool fresh = !(old.is_obj() && old.as_obj()->cls == cls_traceback);
  if (fresh) exception_set_context(exc, tstate().handled_exc);
  TracebackObj* tb = gc_new<TracebackObj>(cls_traceback);
  tb->next = fresh ? nullptr : old.as<TracebackObj>();
  tb->code = code;
  tb->line = code->lines[pc];
  tb->pc = pc;
  instance_store_attr(inst, names.__traceback__, Value::from_obj(tb));
}

}  // namespace

void traceback_add(Value exc, CodeObj* code, int32_t pc) {
  if (!is_exception_instance(exc)) return;
  try {
    traceback_add_entry(exc, code, pc);
  } catch (std::bad_alloc&) {
    // The heap is full (the exception is likely MemoryError): the entry is lost, but the
    // exception still reaches its handler instead of failing again here.
  }
}

void exception_set_context(Value exc, Value ctx) {
  if (!is_exception_instance(exc) || !is_exception_instance(ctx) || ctx == exc) return;
  // Break a cycle: if exc is already in ctx's context chain, cut the chain before it.
  Value o = ctx;
  for (int guard = 0; guard < 10000; guard++) {
    Value next = raw_attr(o, names.__context__);
    if (!is_exception_instance(next)) break;
    if (next == exc) {
      instance_store_attr(o.as<InstanceObj>(), names.__context__, v_none());
      break;
    }
    o = next;
  }
  instance_store_attr(exc.as<InstanceObj>(), names.__context__, ctx);
}

void exception_set_cause(Value exc, Value cause) {
  if (!is_exception_instance(exc)) return;
  instance_store_attr(exc.as<InstanceObj>(), names.__cause__, cause);
  instance_store_attr(exc.as<InstanceObj>(), suppress_context_name(), v_true());
}

std::string format_exception(Value exc) {
  try {
    std::string out;
    std::set<Obj*> seen;
    if (!is_exception_instance(exc)) return exception_line(exc);
    format_chain(out, exc, seen);
    return out;
  } catch (std::bad_alloc&) {
    // The GC heap is full (formatting makes Python strings): the exception's type at least.
    // type_name reads the class's name in place; std::string uses malloc, not the GC heap.
    return type_name(exc) + "\n";
  }
}

}  // namespace stmjit
