// suggestions.cpp: CPython 3.11's "Did you mean: 'x'?" hint that tracebacks add to a
// NameError: the closest name among the failing frame's locals, then its module's globals,
// then the builtins, by an edit distance where a case change costs less than any other edit,
// and only if at most about a third of the characters need changing (as Python/suggestions.c
// describes its rule; this is our own implementation of that rule).
#include "interpreter/suggestions.h"

#include <algorithm>
#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/code.h"
#include "runtime/object_model.h"

namespace stmjit {

namespace {

constexpr size_t kMoveCost = 2, kCaseCost = 1, kMaxStringSize = 40, kMaxCandidates = 750;

size_t substitution_cost(char a, char b) {
  if (a == b) return 0;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  return lower(a) == lower(b) ? kCaseCost : kMoveCost;
}

// Edit distance between a and b, or more than max_cost once it is certain to exceed it.
size_t distance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) a.remove_prefix(1), b.remove_prefix(1);
  while (!a.empty() && !b.empty() && a.back() == b.back()) a.remove_suffix(1), b.remove_suffix(1);
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  // One row of the dynamic-programming table, updated in place: row[i] = cost(b[:j], a[:i+1]).
  std::vector<size_t> row(a.size());
  for (size_t i = 0; i < a.size(); i++) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t j = 0; j < b.size(); j++) {
    size_t diagonal = result = j * kMoveCost;   // cost(b[:j], a[:0])
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < a.size(); i++) {
      size_t substitute = diagonal + substitution_cost(b[j], a[i]);
      diagonal = row[i];
      result = std::min(std::min(result, diagonal) + kMoveCost, substitute);
      row[i] = result;
      best = std::min(best, result);
    }
    if (best > max_cost) return max_cost + 1;
  }
  return result;
}

// The closest candidate to `name`, or empty.
std::string closest(const std::vector<std::string_view>& candidates, std::string_view name) {
  if (candidates.size() >= kMaxCandidates) return std::string();
  size_t best_distance = SIZE_MAX;
  std::string_view best;
  bool found = false;
  for (std::string_view item : candidates) {
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = distance(name, item, max_distance);
    if (d > max_distance) continue;
    if (!found || d < best_distance) {
      best = item;
      best_distance = d;
      found = true;
    }
  }
  return found ? std::string(best) : std::string();
}

// Names bound in a module (cells created for names it only loads are empty: skipped).
std::vector<std::string_view> bound_names(ModuleObj* m) {
  std::vector<std::string_view> out;
  if (!m) return out;
  const DictBody* b = stm_read(stm_read(m)->cells);
  for (int64_t i = 0; i < b->used; i++) {
    const DictEntry& e = b->entries[i];
    if (e.key.is_empty() || e.value.is_empty()) continue;
    if (stm_read(e.value.as<CellObj>())->value.is_empty()) continue;
    out.push_back(str_view(e.key.as<StrObj>()));
  }
  return out;
}

}  // namespace

std::string name_error_suggestion(Value exc, std::string_view message) {
  constexpr std::string_view prefix = "name '", suffix = "' is not defined";
  if (class_of(exc) != exc_NameError || message.size() <= prefix.size() + suffix.size() ||
      message.substr(0, prefix.size()) != prefix ||
      message.substr(message.size() - suffix.size()) != suffix)
    return std::string();
  std::string_view name = message.substr(prefix.size(), message.size() - prefix.size() - suffix.size());
  // The innermost traceback entry is the frame that failed.
  Value tbv = instance_load_attr(exc.as<InstanceObj>(), names.__traceback__);
  if (!is_exact(tbv, cls_traceback)) return std::string();
  const TracebackObj* tb = tbv.as<TracebackObj>();
  while (tb->next) tb = tb->next;
  const CodeObj* code = tb->code;
  std::vector<std::string_view> locals;
  for (int32_t i = 0; i < code->nlocals; i++) locals.push_back(str_view(code->varnames[i]));
  std::string s = closest(locals, name);
  if (s.empty()) s = closest(bound_names(code->module), name);
  if (s.empty()) s = closest(bound_names(builtins_module()), name);
  return s;
}

}  // namespace stmjit
