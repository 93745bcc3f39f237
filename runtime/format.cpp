// format.cpp: the format-spec mini-language used by format(), f-strings and str.format:
// [[fill]align][sign][#][0][width][,|_][.precision][type] for ints, floats and strings, and
// __format__ of user objects.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "runtime/format_spec.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

int64_t cp_len(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) n++;
  return n;
}

// Inserts `sep` every `every` digits from the right of a run of digits.
std::string group_digits(const std::string& digits, char sep, int every) {
  if (!sep) return digits;
  std::string out;
  int n = int(digits.size());
  for (int i = 0; i < n; i++) {
    if (i > 0 && (n - i) % every == 0) out += sep;
    out += digits[size_t(i)];
  }
  return out;
}

// Groups digits; with zero padding, adds leading zeros (grouped too) until the result is at
// least min_len long, never starting with a separator ("0,001" for 4).
std::string group_with_min_width(std::string digits, char sep, int every, int64_t min_len) {
  std::string g = group_digits(digits, sep, every);
  while (int64_t(g.size()) < min_len) {
    digits.insert(digits.begin(), '0');
    g = group_digits(digits, sep, every);
  }
  return g;
}

std::string repeat_fill(const std::string& fill, int64_t n) {
  std::string out;
  // Reserve first: an absurd width fails at once (MemoryError) instead of growing for minutes.
  if (n > 0) {
    check_native_allocation(size_t(n), fill.size());
    out.reserve(size_t(n) * fill.size());
  }
  for (int64_t i = 0; i < n; i++) out += fill;
  return out;
}

// Pads a number given as sign/prefix + body.
std::string pad_number(const FormatSpec& f, const std::string& sign, const std::string& body) {
  int64_t len = cp_len(sign) + cp_len(body);
  if (f.width <= len) return sign + body;
  int64_t pad = f.width - len;
  char align = f.align ? f.align : '>';
  switch (align) {
    case '<': return sign + body + repeat_fill(f.fill, pad);
    case '^': return repeat_fill(f.fill, pad / 2) + sign + body + repeat_fill(f.fill, pad - pad / 2);
    case '=': return sign + repeat_fill(f.fill, pad) + body;
    default: return repeat_fill(f.fill, pad) + sign + body;
  }
}

std::string sign_of(const FormatSpec& f, bool negative) {
  if (negative) return "-";
  if (f.sign == '+') return "+";
  if (f.sign == ' ') return " ";
  return "";
}

}  // namespace

FormatSpec parse_format_spec(std::string_view spec, const char* type_for_errors) {
  FormatSpec f;
  size_t i = 0;
  bool fill_given = false;
  bool numeric = std::string_view(type_for_errors) != "str";
  // fill + align: the fill may be any code point.
  if (!spec.empty()) {
    const char* p = spec.data();
    const char* start = p;
    decode_utf8(p);
    size_t first = size_t(p - start);
    if (first < spec.size() && is_align((unsigned char)spec[first])) {
      f.fill = std::string(spec.substr(0, first));
      f.align = spec[first];
      fill_given = true;
      i = first + 1;
    } else if (is_align((unsigned char)spec[0])) {
      f.align = spec[0];
      i = 1;
    }
  }
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) f.sign = spec[i++];
  if (i < spec.size() && spec[i] == 'z') i++;
  if (i < spec.size() && spec[i] == '#') f.alt = true, i++;
  if (i < spec.size() && spec[i] == '0') {
    // As CPython 3.10+: '0' makes '0' the fill unless a fill was given, and sign-aware
    // ('=') padding when no alignment was given and the type's default is right-aligned.
    if (!fill_given) f.fill = "0";
    if (!f.align && numeric) f.align = '=';
    i++;
  }
  while (i < spec.size() && is_digit(spec[i])) f.width = f.width * 10 + (spec[i++] - '0');
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) f.grouping = spec[i++];
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) raise(exc_ValueError, "Cannot specify both ',' and '_'.");
  if (i < spec.size() && spec[i] == '.') {
    i++;
    if (i >= spec.size() || !is_digit(spec[i])) raise(exc_ValueError, "Format specifier missing precision");
    f.precision = 0;
    while (i < spec.size() && is_digit(spec[i])) f.precision = f.precision * 10 + (spec[i++] - '0');
  }
  if (i < spec.size()) f.type = spec[i++];
  if (i < spec.size()) raise(exc_ValueError, "Invalid format specifier '%.*s' for object of type '%s'", int(spec.size()),
                             spec.data(), type_for_errors);
  f.zero = f.fill == "0" && f.align == '=';   // zero padding: the digit groups grow too
  if (f.grouping && numeric) {   // which presentation types take a thousands separator
    bool ok = std::string_view("defgEFG%").find(f.type) != std::string_view::npos || f.type == 0 ||
              (f.grouping == '_' && std::string_view("xXob").find(f.type) != std::string_view::npos);
    if (!ok) raise(exc_ValueError, "Cannot specify '%c' with '%c'.", f.grouping, f.type);
  }
  return f;
}

std::string format_int_spec(Value v, const FormatSpec& f) {
  char t = f.type ? f.type : 'd';
  if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%')
    return format_float_spec(int_to_double(v), f);
  if (std::string_view("dnxXobc").find(t) == std::string_view::npos)
    raise(exc_ValueError, "Unknown format code '%c' for object of type '%s'", t, type_name(v).c_str());
  if (f.precision >= 0) raise(exc_ValueError, "Precision not allowed in integer format specifier");
  if (t == 'c') {
    if (f.sign) raise(exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alt) raise(exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t c;
    if (!int_fits_int64(v, &c)) raise(exc_OverflowError, "Python int too large to convert to C long");
    if (c < 0 || c > 0x10ffff) raise(exc_OverflowError, "%%c arg not in range(0x110000)");
    FormatSpec g = f;
    if (!g.align) g.align = '>';
    return pad_number(g, "", encode_utf8(uint32_t(c)));
  }
  int base = 10;
  std::string prefix;
  switch (t) {
    case 'd': case 'n': break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'b': base = 2; prefix = "0b"; break;
    default:
      raise(exc_ValueError, "Unknown format code '%c' for object of type '%s'", t, type_name(v).c_str());
  }
  bool neg = int_sign(v) < 0;
  std::string digits = int_to_string(neg ? int_neg(v) : v, base);
  if (t == 'X')
    for (auto& c : digits) c = char(c >= 'a' && c <= 'z' ? c - 32 : c);
  std::string sign = sign_of(f, neg) + (f.alt ? prefix : "");
  if (f.grouping) {
    // Zero padding also grows the digit groups ("0,001,234").
    int64_t min_len = f.zero ? f.width - int64_t(sign.size()) : 0;
    digits = group_with_min_width(digits, f.grouping, base == 10 ? 3 : 4, min_len);
  }
  return pad_number(f, sign, digits);
}

std::string format_float_spec(double d, const FormatSpec& f) {
  char t = f.type;
  bool neg = std::signbit(d) && !std::isnan(d);
  double a = std::fabs(d);
  std::string body;
  if (t != 0 && t != 'e' && t != 'E' && t != 'f' && t != 'F' && t != 'g' && t != 'G' && t != 'n' && t != '%')
    raise(exc_ValueError, "Unknown format code '%c' for object of type 'float'", t);
  bool upper = t == 'E' || t == 'F' || t == 'G';
  if (!std::isfinite(a)) {
    body = std::isnan(a) ? "nan" : "inf";
    if (upper) body = std::isnan(a) ? "NAN" : "INF";
    if (t == '%') body += '%';
    return pad_number(f, sign_of(f, neg), body);
  }
  char buf[512];
  int prec = int(f.precision);
  if (t == 0 && prec < 0) {
    body = float_repr(a);
    if (f.alt && body.find('.') == std::string::npos) {   // '#': always a decimal point
      size_t e = body.find('e');
      body.insert(e == std::string::npos ? body.size() : e, ".");
    }
  } else if (t == 0) {
    // Like 'g', but fixed-point results keep at least one digit after the point, and (as in
    // CPython's format_float_short) exponent notation starts one digit earlier.
    int p = prec == 0 ? 1 : prec;
    snprintf(buf, sizeof buf, "%.*e", p - 1, a);
    std::string sci = buf;
    int exponent = std::atoi(sci.c_str() + sci.find('e') + 1);
    auto strip_zeros = [](std::string digits) {
      if (digits.find('.') == std::string::npos) return digits;
      while (digits.back() == '0') digits.pop_back();
      if (digits.back() == '.') digits.pop_back();
      return digits;
    };
    if (f.alt) {   // '#': trailing zeros and the point are kept
      snprintf(buf, sizeof buf, exponent < -4 || exponent >= p - 1 ? "%#.*e" : "%#.*f",
               exponent < -4 || exponent >= p - 1 ? p - 1 : p - 1 - exponent, a);
      body = buf;
    } else if (exponent < -4 || exponent >= p - 1) {
      size_t e = sci.find('e');
      body = strip_zeros(sci.substr(0, e)) + sci.substr(e);
    } else {
      snprintf(buf, sizeof buf, "%.*f", p - 1 - exponent, a);
      body = strip_zeros(buf);
      if (body.find('.') == std::string::npos) body += ".0";
    }
  } else {
    if (prec < 0) prec = 6;
    char ct = t == 'n' ? 'g' : t == '%' ? 'f' : t;
    double x = t == '%' ? a * 100 : a;
    if ((ct == 'g' || ct == 'G') && prec == 0) prec = 1;
    char fmt[8];
    snprintf(fmt, sizeof fmt, "%%%s.*%c", f.alt ? "#" : "", ct);
    snprintf(buf, sizeof buf, fmt, prec, x);
    body = buf;
    if (t == '%') body += '%';
  }
  std::string sign = sign_of(f, neg);
  if (f.grouping) {
    size_t end = body.find_first_not_of("0123456789");
    std::string intpart = body.substr(0, end);
    std::string rest = end == std::string::npos ? "" : body.substr(end);
    int64_t min_len = f.zero ? f.width - int64_t(sign.size()) - cp_len(rest) : 0;
    body = group_with_min_width(intpart, f.grouping, 3, min_len) + rest;
  }
  return pad_number(f, sign, body);
}

std::string format_str_spec(std::string_view s, const FormatSpec& f) {
  if (f.type && f.type != 's') raise(exc_ValueError, "Unknown format code '%c' for object of type 'str'", f.type);
  if (f.sign) raise(exc_ValueError, "Sign not allowed in string format specifier");
  if (f.grouping) raise(exc_ValueError, "Cannot specify '%c' with 's'.", f.grouping);
  if (f.align == '=') raise(exc_ValueError, "'=' alignment not allowed in string format specifier");
  std::string body(s);
  if (f.precision >= 0 && cp_len(body) > f.precision) {
    StrObj* tmp = str_new(body);
    body = std::string(body.data(), size_t(str_byte_offset(tmp, f.precision)));
  }
  FormatSpec g = f;
  if (!g.align) g.align = '<';
  return pad_number(g, "", body);
}

std::string format_spec(Value v, std::string_view spec) {
  Kind k = kind_of(v);
  bool builtin = !v.is_obj() || !class_is_user_defined(v.as_obj()->cls);
  if (builtin) {
    if (k == Kind::Str) {
      if (spec.empty()) return std::string(sv(v));
      return format_str_spec(sv(v), parse_format_spec(spec, "str"));
    }
    if (k == Kind::Int || (k == Kind::Bool && !spec.empty())) {
      if (spec.empty()) return int_to_string(v);
      return format_int_spec(v, parse_format_spec(spec, "int"));
    }
    if (k == Kind::Float) {
      if (spec.empty()) return float_repr(float_of(v));
      return format_float_spec(float_of(v), parse_format_spec(spec, "float"));
    }
    if (spec.empty()) return str_std(v);
  }
  Value f = lookup_special(v, names.__format__);
  if (f.is_empty() || is_none(f)) {
    if (spec.empty()) return str_std(v);
    raise(exc_TypeError, "unsupported format string passed to %s.__format__", type_name(v).c_str());
  }
  Value r = call1(f, make_str(spec));
  if (!is_str(r)) raise(exc_TypeError, "__format__ must return a str, not %s", type_name(r).c_str());
  return std::string(sv(r));
}

}  // namespace stmjit
