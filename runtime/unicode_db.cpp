// unicode_db.cpp: lookups in the generated Unicode tables (runtime/unicode_tables.inc):
// character classes by binary search over runs of equal flags, case mappings by binary search
// over the code points that change. ASCII takes a fast path everywhere.
#include "runtime/unicode_db.h"

#include <algorithm>
#include <iterator>

namespace stmjit::unicode {

namespace {

struct CharClassRun {
  uint32_t first;
  uint16_t flags;
};
struct CaseMapping {
  uint32_t cp;
  uint32_t to[3];   // unused entries are 0
};

#include "runtime/unicode_tables.inc"

uint16_t flags(uint32_t c) {
  if (c > 0x10ffff) return 0;
  auto it = std::upper_bound(std::begin(kClassRuns), std::end(kClassRuns), c,
                             [](uint32_t v, const CharClassRun& r) { return v < r.first; });
  return std::prev(it)->flags;
}

template <size_t N>
const CaseMapping* find_mapping(const CaseMapping (&table)[N], uint32_t c) {
  auto it = std::lower_bound(std::begin(table), std::end(table), c,
                             [](const CaseMapping& m, uint32_t v) { return m.cp < v; });
  return it != std::end(table) && it->cp == c ? it : nullptr;
}

template <size_t N>
void append_mapped(const CaseMapping (&table)[N], uint32_t c, std::u32string& out) {
  const CaseMapping* m = find_mapping(table, c);
  if (!m) {
    out += char32_t(c);
    return;
  }
  for (uint32_t t : m->to)
    if (t) out += char32_t(t);
}

}  // namespace

bool is_alpha(uint32_t c) {
  if (c < 128) return (c | 32) >= 'a' && (c | 32) <= 'z';
  return flags(c) & kAlpha;
}
bool is_decimal(uint32_t c) { return c < 128 ? c >= '0' && c <= '9' : (flags(c) & kDecimal) != 0; }
bool is_digit(uint32_t c) { return c < 128 ? c >= '0' && c <= '9' : (flags(c) & kDigit) != 0; }
bool is_numeric(uint32_t c) { return c < 128 ? c >= '0' && c <= '9' : (flags(c) & kNumeric) != 0; }
bool is_printable(uint32_t c) { return c < 128 ? c >= 0x20 && c < 0x7f : (flags(c) & kPrintable) != 0; }
bool is_space(uint32_t c) {
  if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  return flags(c) & kSpace;
}
bool is_upper(uint32_t c) { return c < 128 ? c >= 'A' && c <= 'Z' : (flags(c) & kUpper) != 0; }
bool is_lower(uint32_t c) { return c < 128 ? c >= 'a' && c <= 'z' : (flags(c) & kLower) != 0; }
bool is_title(uint32_t c) { return c >= 128 && (flags(c) & kTitle) != 0; }
bool is_cased(uint32_t c) { return flags(c) & kCased; }
bool is_case_ignorable(uint32_t c) { return flags(c) & kCaseIgnorable; }

int decimal_value(uint32_t c) {
  if (c < 128) return c >= '0' && c <= '9' ? int(c - '0') : -1;
  if (!(flags(c) & kDecimal)) return -1;
  auto it = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), c);
  return int(c - *std::prev(it));
}

void append_upper(uint32_t c, std::u32string& out) {
  if (c < 128) out += char32_t(c >= 'a' && c <= 'z' ? c - 32 : c);
  else append_mapped(kUpperMap, c, out);
}
void append_lower(uint32_t c, std::u32string& out) {
  if (c < 128) out += char32_t(c >= 'A' && c <= 'Z' ? c + 32 : c);
  else append_mapped(kLowerMap, c, out);
}
void append_title(uint32_t c, std::u32string& out) {
  if (c < 128) out += char32_t(c >= 'a' && c <= 'z' ? c - 32 : c);
  else append_mapped(kTitleMap, c, out);
}
void append_casefold(uint32_t c, std::u32string& out) {
  if (c < 128) out += char32_t(c >= 'A' && c <= 'Z' ? c + 32 : c);
  else append_mapped(kFoldMap, c, out);
}

std::string decimal_and_space_to_ascii(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 128) {
      out += char(b);
      i++;
      continue;
    }
    int len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    uint32_t c = b & (len == 4 ? 0x07 : len == 3 ? 0x0f : 0x1f);
    for (int k = 1; k < len && i + size_t(k) < s.size(); k++) c = (c << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3f);
    i += size_t(len);
    int d = decimal_value(c);
    out += is_space(c) ? ' ' : d >= 0 ? char('0' + d) : '?';
  }
  return out;
}

uint32_t simple_upper(uint32_t c) {
  if (c < 128) return c >= 'a' && c <= 'z' ? c - 32 : c;
  const CaseMapping* m = find_mapping(kUpperMap, c);
  return m ? m->to[0] : c;
}
uint32_t simple_lower(uint32_t c) {
  if (c < 128) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  const CaseMapping* m = find_mapping(kLowerMap, c);
  return m ? m->to[0] : c;
}

}  // namespace stmjit::unicode
