// str_case.cpp: str's case conversions (upper, lower, casefold, swapcase, capitalize, title)
// and character-class predicates (isdigit, isdecimal, isnumeric, isalpha, isalnum, isspace,
// isprintable, isupper, islower, istitle), with CPython's full Unicode case mappings (one
// character may become several: 'ß'.upper() == 'SS') and its Greek final-sigma rule.
#include "runtime/object_model.h"
#include "runtime/types_internal.h"
#include "runtime/unicode_db.h"

namespace stmjit {

namespace {

using namespace unicode;

std::u32string code_points(Value s) {
  std::string_view v = sv(s);
  std::u32string out;
  const char* p = v.data();
  const char* end = p + v.size();
  while (p < end) out += char32_t(decode_utf8(p));
  return out;
}

Value from_code_points(const std::u32string& u) {
  std::string out;
  for (char32_t c : u) out += encode_utf8(c);
  return make_str(out);
}

// Capital sigma lowers to final sigma at the end of a word: preceded by a cased letter
// (skipping case-ignorable ones) and not followed by one.
uint32_t lower_sigma(const std::u32string& u, size_t i) {
  int64_t j = int64_t(i) - 1;
  while (j >= 0 && is_case_ignorable(u[size_t(j)])) j--;
  bool final_sigma = j >= 0 && is_cased(u[size_t(j)]);
  if (final_sigma) {
    size_t k = i + 1;
    while (k < u.size() && is_case_ignorable(u[k])) k++;
    final_sigma = k == u.size() || !is_cased(u[k]);
  }
  return final_sigma ? 0x3c2 : 0x3c3;
}

void append_lower_at(const std::u32string& u, size_t i, std::u32string& out) {
  if (u[i] == 0x3a3) out += char32_t(lower_sigma(u, i));
  else append_lower(u[i], out);
}

Value m_upper(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.upper", n - 1, 0, 0);
  if (as_str(a[0])->ascii) {
    std::string s(sv(a[0]));
    for (char& c : s) c = char(c >= 'a' && c <= 'z' ? c - 32 : c);
    return make_str(s);
  }
  std::u32string u = code_points(a[0]), out;
  for (char32_t c : u) append_upper(c, out);
  return from_code_points(out);
}

Value m_lower(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.lower", n - 1, 0, 0);
  if (as_str(a[0])->ascii) {
    std::string s(sv(a[0]));
    for (char& c : s) c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return make_str(s);
  }
  std::u32string u = code_points(a[0]), out;
  for (size_t i = 0; i < u.size(); i++) append_lower_at(u, i, out);
  return from_code_points(out);
}

Value m_casefold(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.casefold", n - 1, 0, 0);
  std::u32string u = code_points(a[0]), out;
  for (char32_t c : u) append_casefold(c, out);
  return from_code_points(out);
}

Value m_swapcase(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.swapcase", n - 1, 0, 0);
  std::u32string u = code_points(a[0]), out;
  for (size_t i = 0; i < u.size(); i++) {
    if (is_upper(u[i])) append_lower_at(u, i, out);
    else if (is_lower(u[i])) append_upper(u[i], out);
    else out += u[i];
  }
  return from_code_points(out);
}

// The first character in title case, the rest in lower case (CPython 3.8+).
Value m_capitalize(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.capitalize", n - 1, 0, 0);
  std::u32string u = code_points(a[0]), out;
  for (size_t i = 0; i < u.size(); i++) {
    if (i == 0) append_title(u[i], out);
    else append_lower_at(u, i, out);
  }
  return from_code_points(out);
}

Value m_title(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.title", n - 1, 0, 0);
  std::u32string u = code_points(a[0]), out;
  bool previous_cased = false;
  for (size_t i = 0; i < u.size(); i++) {
    if (previous_cased) append_lower_at(u, i, out);
    else append_title(u[i], out);
    previous_cased = is_cased(u[i]);
  }
  return from_code_points(out);
}

template <class P>
Value all_chars(Value* a, int64_t n, const char* name, P pred) {
  check_nargs(name, n - 1, 0, 0);
  std::u32string u = code_points(a[0]);
  if (u.empty()) return v_false();
  for (char32_t c : u)
    if (!pred(c)) return v_false();
  return v_true();
}

Value m_isdigit(Value* a, int64_t n, TupleObj*) { return all_chars(a, n, "str.isdigit", is_digit); }
Value m_isdecimal(Value* a, int64_t n, TupleObj*) { return all_chars(a, n, "str.isdecimal", is_decimal); }
Value m_isnumeric(Value* a, int64_t n, TupleObj*) { return all_chars(a, n, "str.isnumeric", is_numeric); }
Value m_isalpha(Value* a, int64_t n, TupleObj*) { return all_chars(a, n, "str.isalpha", is_alpha); }
Value m_isspace(Value* a, int64_t n, TupleObj*) { return all_chars(a, n, "str.isspace", is_space); }
Value m_isalnum(Value* a, int64_t n, TupleObj*) {
  return all_chars(a, n, "str.isalnum", [](uint32_t c) { return is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c); });
}
Value m_isprintable(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.isprintable", n - 1, 0, 0);
  for (char32_t c : code_points(a[0]))
    if (!is_printable(c)) return v_false();
  return v_true();   // the empty string is printable
}

// isupper / islower: no character of the other case (or titlecase) and at least one cased.
Value case_check(Value* a, int64_t n, bool upper) {
  check_nargs(upper ? "str.isupper" : "str.islower", n - 1, 0, 0);
  bool cased = false;
  for (char32_t c : code_points(a[0])) {
    if ((upper ? is_lower(c) : is_upper(c)) || is_title(c)) return v_false();
    if (upper ? is_upper(c) : is_lower(c)) cased = true;
  }
  return v_bool(cased);
}
Value m_isupper(Value* a, int64_t n, TupleObj*) { return case_check(a, n, true); }
Value m_islower(Value* a, int64_t n, TupleObj*) { return case_check(a, n, false); }

// Title case: upper- and titlecase characters only after uncased ones, lowercase only after cased.
Value m_istitle(Value* a, int64_t n, TupleObj*) {
  check_nargs("str.istitle", n - 1, 0, 0);
  bool cased = false, previous_cased = false;
  for (char32_t c : code_points(a[0])) {
    if (is_upper(c) || is_title(c)) {
      if (previous_cased) return v_false();
      previous_cased = cased = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return v_false();
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return v_bool(cased);
}

}  // namespace

bool char_is_printable(uint32_t c) { return unicode::is_printable(c); }

void init_str_case_methods() {
  struct { const char* name; NativeFn fn; } table[] = {
      {"upper", m_upper}, {"lower", m_lower}, {"casefold", m_casefold}, {"swapcase", m_swapcase},
      {"capitalize", m_capitalize}, {"title", m_title}, {"isdigit", m_isdigit}, {"isdecimal", m_isdecimal},
      {"isnumeric", m_isnumeric}, {"isalpha", m_isalpha}, {"isalnum", m_isalnum}, {"isspace", m_isspace},
      {"isprintable", m_isprintable}, {"isupper", m_isupper}, {"islower", m_islower}, {"istitle", m_istitle},
  };
  for (auto& e : table) def_method(cls_str, e.name, e.fn);
}

}  // namespace stmjit
