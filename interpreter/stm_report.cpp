// stm_report.cpp: what the STM tells the user: `--stm-report` (or STMJIT_STM_REPORT=1) prints
// at exit the commits, aborts, time lost and the top conflicts with both sides' source
// locations; `--stm-log` (or STMJIT_STM_LOG=1) streams each event to stderr as it happens;
// STMJIT_STM_STATS=PATH writes the totals as JSON (read by tools/bench.py).
#include "interpreter/stm_report.h"

#include <cinttypes>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#include "interpreter/interpreter.h"
#include "interpreter/opcodes.h"
#include "interpreter/stm_thread.h"
#include "runtime/api.h"

namespace stmjit {

namespace {

bool report_on = false;
bool log_on = false;

// Location words are (code object << 16 | instruction index), set by interpreter/stm_thread.cpp.
std::string describe(uint64_t loc) {
  if (loc == 0) return "(unknown)";
  const CodeObj* code = reinterpret_cast<const CodeObj*>(uintptr_t(loc >> 16));
  int32_t pc = int32_t(loc & 0xffff);
  int line = pc < code->ninstrs ? code->lines[pc] : code->firstline;
  return std::string(str_view(code->filename)) + ":" + std::to_string(line) + " in " +
         std::string(str_view(code->qualname));
}

const char* event_name(stm::StmEventKind k) {
  switch (k) {
    case stm::StmEventKind::Begin: return "begin";
    case stm::StmEventKind::Commit: return "commit";
    case stm::StmEventKind::Abort: return "abort";
    case stm::StmEventKind::Steal: return "steal";
    case stm::StmEventKind::Inevitable: return "inevitable";
    case stm::StmEventKind::InevitableEnd: return "inevitable-end";
    case stm::StmEventKind::Wait: return "wait";
  }
  return "?";
}

std::mutex log_lock;
void (*runtime_on_event)(const stm::StmEvent&) = nullptr;   // the runtime's own hook, chained

void log_event(const stm::StmEvent& e) {
  if (runtime_on_event) runtime_on_event(e);
  if (e.kind == stm::StmEventKind::Begin) return;   // too many to be useful
  std::string line = "stm[" + std::to_string(e.tx->slot) + "] " + event_name(e.kind);
  char buf[64];
  std::snprintf(buf, sizeof buf, " %.3f ms", double(e.duration_ns) / 1e6);
  line += buf;
  if (e.conflict != stm::StmConflictKind::None) {
    line += std::string(" ") + stm::stm_conflict_kind_name(e.conflict);
    line += " here " + describe(e.my_location) + ", other " + describe(e.other_location);
  }
  line += "\n";
  std::lock_guard<std::mutex> g(log_lock);
  std::fputs(line.c_str(), stderr);
}

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v && *v && std::string(v) != "0";
}

// What a conflict collided on: the class of the object ("Task", "dict", "list", "cell" for a
// global variable).
const char* object_kind(const stm::StmObject* so) {
  const Obj* o = stm_object_of(so);
  return o->cls && o->cls->name ? str_view(o->cls->name).data() : nullptr;
}

// Refines `kind` by what the instruction at `loc` (a location word, see describe) accessed:
// an attribute instruction gives "Task.count", a global's cell "global total", a subscript
// "dict item". Conflicts are detected per object, so this names the access the STM saw on that
// object (a write, or the read a validation found stale), not every field the sides touched.
std::string describe_access(const char* kind, uint64_t loc) {
  std::string what = kind ? kind : "object";
  if (loc == 0) return what;
  const CodeObj* code = reinterpret_cast<const CodeObj*>(uintptr_t(loc >> 16));
  int32_t pc = int32_t(loc & 0xffff);
  if (pc >= code->ninstrs) return what;
  uint32_t w = code->instrs[pc];
  uint32_t arg = instr_arg(w);
  switch (instr_op(w)) {
    case Op::LOAD_ATTR: case Op::STORE_ATTR: case Op::DELETE_ATTR: case Op::LOAD_METHOD:
      if (int32_t(arg) < code->nnames) what += "." + std::string(str_view(code->names[arg]));
      break;
    case Op::LOAD_GLOBAL: case Op::STORE_GLOBAL: case Op::DELETE_GLOBAL:
    case Op::LOAD_NAME: case Op::STORE_NAME: case Op::DELETE_NAME:
      if (what == "cell" && int32_t(arg) < code->nnames)
        what = "global " + std::string(str_view(code->names[arg]));
      break;
    case Op::BINARY_SUBSCR: case Op::STORE_SUBSCR: case Op::DELETE_SUBSCR:
      what += " item";
      break;
    default: break;
  }
  return what;
}

constexpr size_t kReportConflicts = 10, kReportInevitable = 5, kReportCopySites = 3;
// Sites below this many bytes copied in all are left out of the report.
constexpr uint64_t kReportCopyBytes = uint64_t(1) << 20;

// The sites whose first writes copied the most (StmCopySite): each such copy is O(size) of a
// big container, the cost that one shared dict of counters updated by many small
// transactions pays (docs/stm.md, "Limits").
std::string copy_sites_text() {
  std::string text;
  size_t shown = 0;
  for (const StmCopySite& s : stm_copy_sites()) {
    if (s.bytes < kReportCopyBytes || shown == kReportCopySites) break;
    char line[160];
    std::snprintf(line, sizeof line, "STM copies: %llu private copies of a big %s, %.1f MB in all, at ",
                  (unsigned long long)s.count, s.kind, double(s.bytes) / 1e6);
    text += line + describe(s.location) + "\n";
    shown++;
  }
  if (shown)
    text += "STM: (a transaction's first change to a big list, dict or set copies it, except "
            "appends, new dict keys and set additions)\n";
  return text;
}

}  // namespace

void stm_report_setup(bool report, bool log) {
  report_on = report || env_flag("STMJIT_STM_REPORT");
  log_on = log || env_flag("STMJIT_STM_LOG");
  stm::StmConfig c = stm::stm_config();
  c.describe_location = describe;
  c.object_kind = object_kind;
  c.describe_access = describe_access;
  c.current_location = tx_current_location;
  if (log_on) {
    runtime_on_event = c.on_event;
    c.on_event = log_event;
  }
  stm::stm_configure(c);
}

void stm_report_at_exit() {
  if (!stm_mode()) return;
  if (stm::StmTx* tx = t_stm_tx) stm::stm_flush_stats(tx);   // the main thread's counters
  const char* path = std::getenv("STMJIT_STM_STATS");
  if (!report_on && !(path && *path)) return;
  stm::StmReport r = stm::stm_report();
  if (report_on) {
    stm::StmReport top = r;   // the tables are sorted by time lost: keep the head
    size_t nc = top.conflicts.size(), ni = top.inevitable.size();
    if (nc > kReportConflicts) top.conflicts.resize(kReportConflicts);
    if (ni > kReportInevitable) top.inevitable.resize(kReportInevitable);
    std::string text = stm::stm_format_report(top);
    if (nc > kReportConflicts || ni > kReportInevitable)
      text += "STM: (" + std::to_string(nc) + " conflict sites and " + std::to_string(ni) +
              " inevitable sites in all; the top ones are shown)\n";
    text += copy_sites_text();
    std::fputs(text.c_str(), stderr);
  }
  if (path && *path) {
    const stm::StmCounters& c = r.totals;
    if (FILE* f = std::fopen(path, "w")) {
      std::fprintf(f,
                   "{\"commits\": %" PRIu64 ", \"readonly_commits\": %" PRIu64 ", \"inevitable\": %" PRIu64
                   ", \"aborts\": %" PRIu64 ", \"steals\": %" PRIu64 ", \"abort_cpu_seconds\": %.6f"
                   ", \"wait_cpu_seconds\": %.6f, \"inevitable_seconds\": %.6f}\n",
                   c.commits, c.readonly_commits, c.inevitable_commits, c.total_aborts(), c.steals,
                   double(c.lost_ns) / 1e9,
                   double(c.wait_contention_ns + c.wait_inevitable_ns + c.wait_commit_ns) / 1e9,
                   double(c.inevitable_ns) / 1e9);
      std::fclose(f);
    }
  }
}

}  // namespace stmjit
