// format_spec.h: a parsed format spec ([[fill]align][sign][#][0][width][,|_][.precision][type])
// and the formatters of ints, floats and strings shared by format(), str.format and %-formatting.
#pragma once
#include <string>
#include <string_view>

#include "runtime/api.h"

namespace stmjit {

struct FormatSpec {
  std::string fill = " ";
  char align = 0;        // 0 = type's default
  char sign = 0;         // '+', '-', ' ' or 0
  bool alt = false;      // '#'
  bool zero = false;     // '0' flag
  int64_t width = 0;
  char grouping = 0;     // ',' or '_' or 0
  int64_t precision = -1;
  char type = 0;
};

FormatSpec parse_format_spec(std::string_view spec, const char* type_for_errors);
std::string format_int_spec(Value v, const FormatSpec& f);
std::string format_float_spec(double d, const FormatSpec& f);
std::string format_str_spec(std::string_view s, const FormatSpec& f);

}  // namespace stmjit
