// stm_stats.cpp: STM statistics: global totals, the conflict table keyed by (kind, object
// kind, my location, other location), inevitable periods by location, the last-committer table
// that names the other side of a validation failure, and the text report (--stm-report).
#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "stm-barriers/stm_internal.h"

namespace stmjit::stm {

namespace {
using ConflictKey = std::tuple<int, std::string, uint64_t, uint64_t>;
struct Tables {
  std::mutex lock;   // conflicts are rare (slow paths only), so one lock is enough
  StmCounters totals;
  std::map<ConflictKey, StmConflictRow> conflicts;
  std::map<uint64_t, StmInevitableRow> inevitable;
};
Tables& tables() {
  static Tables* t = new Tables;   // never destroyed: descriptors may flush at exit
  return *t;
}

// Direct-mapped: the location word of the last transaction that committed an object hashing
// to each entry. Written under the commit lock, read without it; the pair may be torn or
// overwritten by another object, which only makes a report say "unknown" (0), never wrong
// about the object (the object field is compared).
//
// The object is kept as its address inverted, not as a pointer: the table is static data,
// which a conservative collector scans, and 4096 stale pointers to the last committed objects
// kept them, and all they reference, alive for ever (a list of 300K dicts built across
// transaction breaks leaked 170 MB per call). An object freed and another allocated at the
// same address may inherit the old one's location in a report: a wrong line, never a crash.
constexpr size_t kCommitters = 4096;
struct Committer {
  std::atomic<uintptr_t> hidden_obj{0};   // ~address
  std::atomic<uint64_t> loc{0};
};
Committer g_committers[kCommitters];
uintptr_t hide(const StmObject* o) { return ~reinterpret_cast<uintptr_t>(o); }
}  // namespace

const char* stm_conflict_kind_name(StmConflictKind k) {
  switch (k) {
    case StmConflictKind::None: return "explicit";
    case StmConflictKind::WriteWrite: return "write-write";
    case StmConflictKind::ReadWrite: return "read-write";
    case StmConflictKind::WriteRead: return "write-read";
  }
  return "?";
}

const char* stm_kind_name(const StmObject* o, const StmTypeOps* ops) {
  if (auto f = stm_config().object_kind)   // the VM's name (e.g. the class) is more precise
    if (const char* k = f(o)) return k;
  if (ops && ops->name) return ops->name;
  return "object";
}

void StmCounters::add(const StmCounters& o) {
  commits += o.commits;
  readonly_commits += o.readonly_commits;
  inevitable_commits += o.inevitable_commits;
  for (int i = 0; i < kStmConflictKinds; i++) aborts[i] += o.aborts[i];
  steals += o.steals;
  lost_ns += o.lost_ns;
  wait_contention_ns += o.wait_contention_ns;
  wait_inevitable_ns += o.wait_inevitable_ns;
  wait_commit_ns += o.wait_commit_ns;
  inevitable_ns += o.inevitable_ns;
}

void stm_note_committer(const StmObject* o, uint64_t location) {
  Committer& c = g_committers[stm_filter_index(o) & (kCommitters - 1)];
  c.hidden_obj.store(hide(o), std::memory_order_relaxed);
  c.loc.store(location, std::memory_order_relaxed);
}

uint64_t stm_last_committer(const StmObject* o) {
  Committer& c = g_committers[stm_filter_index(o) & (kCommitters - 1)];
  uint64_t loc = c.loc.load(std::memory_order_relaxed);
  return c.hidden_obj.load(std::memory_order_relaxed) == hide(o) ? loc : 0;
}

void stm_record_conflict(StmConflictKind kind, const char* object_kind, uint64_t access,
                         uint64_t mine, uint64_t other, uint64_t aborts, uint64_t steals,
                         uint64_t lost_ns) {
  auto refine = stm_config().describe_access;
  std::string what = refine && access ? refine(object_kind, stm_resolve(access)) : object_kind;
  Tables& t = tables();
  std::lock_guard<std::mutex> g(t.lock);
  ConflictKey key{static_cast<int>(kind), what, mine, other};
  auto [it, fresh] = t.conflicts.try_emplace(key);
  StmConflictRow& r = it->second;
  if (fresh) {
    r.kind = kind;
    r.object_kind = what;
    r.my_location = mine;
    r.other_location = other;
  }
  r.aborts += aborts;
  r.steals += steals;
  r.lost_ns += lost_ns;
}

void stm_record_inevitable(uint64_t location, uint64_t ns) {
  Tables& t = tables();
  std::lock_guard<std::mutex> g(t.lock);
  StmInevitableRow& r = t.inevitable[location];
  r.location = location;
  r.count++;
  r.total_ns += ns;
  r.max_ns = std::max(r.max_ns, ns);
}

void stm_flush_stats(StmTx* tx) {
  Tables& t = tables();
  std::lock_guard<std::mutex> g(t.lock);
  t.totals.add(tx->counters);
  tx->counters = StmCounters{};
}

StmReport stm_report() {
  Tables& t = tables();
  StmReport r;
  {
    std::lock_guard<std::mutex> g(t.lock);
    r.totals = t.totals;
    for (auto& [k, row] : t.conflicts) r.conflicts.push_back(row);
    for (auto& [k, row] : t.inevitable) r.inevitable.push_back(row);
  }
  std::sort(r.conflicts.begin(), r.conflicts.end(), [](const auto& a, const auto& b) {
    return std::tie(a.lost_ns, a.aborts, a.steals) > std::tie(b.lost_ns, b.aborts, b.steals);
  });
  std::sort(r.inevitable.begin(), r.inevitable.end(),
            [](const auto& a, const auto& b) { return a.total_ns > b.total_ns; });
  return r;
}

void stm_reset_stats() {
  Tables& t = tables();
  std::lock_guard<std::mutex> g(t.lock);
  t.totals = StmCounters{};
  t.conflicts.clear();
  t.inevitable.clear();
}

namespace {
std::string describe(uint64_t loc) {
  if (auto f = stm_config().describe_location) return f(loc);
  char buf[32];
  std::snprintf(buf, sizeof buf, "#%llx", static_cast<unsigned long long>(loc));
  return buf;
}
double ms(uint64_t ns) { return static_cast<double>(ns) / 1e6; }
}  // namespace

std::string stm_format_report(const StmReport& r) {
  const StmCounters& c = r.totals;
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "STM: %llu commits (%llu read-only, %llu inevitable), %llu aborts "
                "(%llu write-write, %llu read-write, %llu write-read, %llu explicit), "
                "%llu steals\n"
                "STM: %.3f ms lost in aborts; waiting %.3f ms on owners, %.3f ms for the "
                "inevitable token, %.3f ms in commits behind an inevitable; %.3f ms inevitable\n",
                (unsigned long long)c.commits, (unsigned long long)c.readonly_commits,
                (unsigned long long)c.inevitable_commits, (unsigned long long)c.total_aborts(),
                (unsigned long long)c.aborts[1], (unsigned long long)c.aborts[2],
                (unsigned long long)c.aborts[3], (unsigned long long)c.aborts[0],
                (unsigned long long)c.steals, ms(c.lost_ns), ms(c.wait_contention_ns),
                ms(c.wait_inevitable_ns), ms(c.wait_commit_ns), ms(c.inevitable_ns));
  out += buf;
  for (const StmConflictRow& row : r.conflicts) {
    std::snprintf(buf, sizeof buf, "STM conflict: %.3f ms lost, %llu aborts, %llu steals (%s on %s)\n",
                  ms(row.lost_ns), (unsigned long long)row.aborts,
                  (unsigned long long)row.steals, stm_conflict_kind_name(row.kind),
                  row.object_kind.c_str());
    out += buf;
    out += "  here:  " + describe(row.my_location) + "\n";
    out += "  other: " + describe(row.other_location) + "\n";
  }
  for (const StmInevitableRow& row : r.inevitable) {
    std::snprintf(buf, sizeof buf, "STM inevitable: %.3f ms in %llu periods (max %.3f ms) at ",
                  ms(row.total_ns), (unsigned long long)row.count, ms(row.max_ns));
    out += buf + describe(row.location) + "\n";
  }
  return out;
}

}  // namespace stmjit::stm
