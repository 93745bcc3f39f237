// format_percent.cpp: printf-style "fmt % args" formatting (%s %r %a %d %i %u %o %x %X %e %E
// %f %F %g %G %c %%, flags, width, precision, '*', %(name)s with a mapping) and str.format
// (auto/manual/keyword fields, .attr and [key] lookups, !r/!s/!a conversions, nested specs).
#include <cmath>

#include "runtime/format_spec.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string percent_number(Value v, char t, const FormatSpec& spec) {
  FormatSpec f = spec;
  if (t == 'd' || t == 'i' || t == 'u' || t == 'x' || t == 'X' || t == 'o') {
    Value iv = v;
    if (is_float(v)) {
      if (t != 'd' && t != 'i' && t != 'u')
        raise(exc_TypeError, "%%%c format: an integer is required, not float", t);
      iv = int_from_double(float_of(v));
    } else if (!is_int_like(v)) {
      if (t == 'd' || t == 'i' || t == 'u')
        raise(exc_TypeError, "%%%c format: a real number is required, not %s", t, type_name(v).c_str());
      raise(exc_TypeError, "%%%c format: an integer is required, not %s", t, type_name(v).c_str());
    }
    f.type = (t == 'i' || t == 'u') ? 'd' : t;
    int64_t prec = f.precision;
    f.precision = -1;
    if (prec > 0) {   // %.3d: minimum number of digits
      bool neg = int_sign(iv) < 0;
      std::string digits = int_to_string(neg ? int_neg(iv) : iv, t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10);
      while (int64_t(digits.size()) < prec) digits = "0" + digits;
      if (t == 'X')
        for (auto& c : digits) c = char(c >= 'a' && c <= 'z' ? c - 32 : c);
      std::string sign = neg ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
      FormatSpec s;
      s.fill = f.fill;
      s.align = f.align ? f.align : '>';
      s.width = f.width;
      return format_str_spec(sign + digits, FormatSpec{s.fill, s.align == '=' ? '>' : s.align, 0, false, false, s.width, 0, -1, 0});
    }
    return format_int_spec(iv, f);
  }
  if (!is_float(v) && !is_int_like(v)) {
    Value ff = lookup_special(v, names.__float__);
    if (ff.is_empty()) raise(exc_TypeError, "must be real number, not %s", type_name(v).c_str());
  }
  f.type = t;
  if (f.precision < 0) f.precision = 6;
  return format_float_spec(as_double(v), f);
}

}  // namespace

StrObj* percent_format(StrObj* fmt_obj, Value args) {
  std::string_view fmt = str_view(fmt_obj);
  const Value* items = &args;
  int64_t nitems = 1;
  bool is_tuple = is_kind(args, Kind::Tuple);
  if (is_tuple) {
    items = args.as<TupleObj>()->items;
    nitems = args.as<TupleObj>()->length;
  }
  // As CPython: any non-tuple, non-str argument with __getitem__ (dict, list, range, user
  // classes) may serve %(key)s lookups, and leftover arguments are then not an error.
  bool mapping = !is_tuple && !is_str(args) && !lookup_special(args, names.__getitem__).is_empty();
  int64_t next = 0;
  auto next_arg = [&]() -> Value {
    if (next >= nitems) raise(exc_TypeError, "not enough arguments for format string");
    return items[next++];
  };
  std::string out;
  size_t i = 0;
  while (i < fmt.size()) {
    char c = fmt[i++];
    if (c != '%') {
      out += c;
      continue;
    }
    if (i >= fmt.size()) raise(exc_ValueError, "incomplete format");
    Value arg;
    bool have_arg = false;
    if (fmt[i] == '(') {
      if (!mapping) raise(exc_TypeError, "format requires a mapping");
      int depth = 1;
      size_t start = ++i;
      while (i < fmt.size() && depth > 0) {
        if (fmt[i] == '(') depth++;
        else if (fmt[i] == ')') depth--;
        i++;
      }
      if (depth > 0) raise(exc_ValueError, "incomplete format key");
      arg = getitem(args, make_str(fmt.substr(start, i - 1 - start)));
      have_arg = true;
    }
    FormatSpec f;
    f.align = '>';
    for (; i < fmt.size(); i++) {
      char fl = fmt[i];
      if (fl == '-') f.align = '<';
      else if (fl == '+') f.sign = '+';
      else if (fl == ' ') { if (f.sign != '+') f.sign = ' '; }
      else if (fl == '#') f.alt = true;
      else if (fl == '0') f.zero = true;
      else break;
    }
    if (i < fmt.size() && fmt[i] == '*') {
      f.width = as_index(next_arg());
      if (f.width < 0) {
        f.align = '<';
        f.width = -f.width;
      }
      i++;
    } else {
      while (i < fmt.size() && is_digit(fmt[i])) f.width = f.width * 10 + (fmt[i++] - '0');
    }
    if (i < fmt.size() && fmt[i] == '.') {
      i++;
      f.precision = 0;
      if (i < fmt.size() && fmt[i] == '*') {
        f.precision = as_index(next_arg());
        i++;
      } else {
        while (i < fmt.size() && is_digit(fmt[i])) f.precision = f.precision * 10 + (fmt[i++] - '0');
      }
    }
    while (i < fmt.size() && (fmt[i] == 'l' || fmt[i] == 'h' || fmt[i] == 'L')) i++;
    if (i >= fmt.size()) raise(exc_ValueError, "incomplete format");
    char t = fmt[i++];
    if (t == '%') {
      out += '%';
      continue;
    }
    if (!have_arg) arg = next_arg();
    bool numeric = t != 's' && t != 'r' && t != 'a' && t != 'c';
    if (f.zero && f.align == '>' && numeric) {
      f.fill.assign(1, '0');   // not = "0": GCC 12 misreports that under -Wrestrict
      f.align = '=';
    }
    switch (t) {
      case 's':
      case 'r':
      case 'a': {
        std::string s = t == 's' ? str_std(arg) : repr_std(arg);
        FormatSpec g = f;
        g.sign = 0;
        g.type = 0;
        g.align = f.align == '<' ? '<' : '>';
        out += format_str_spec(s, g);
        break;
      }
      case 'c': {
        std::string s;
        if (is_str(arg)) {
          if (as_str(arg)->length != 1) raise(exc_TypeError, "%%c requires int or char");
          s = std::string(sv(arg));
        } else if (is_int_like(arg)) {
          int64_t cp = as_index(arg);
          if (cp < 0 || cp > 0x10ffff) raise(exc_OverflowError, "%%c arg not in range(0x110000)");
          s = encode_utf8(uint32_t(cp));
        } else {
          raise(exc_TypeError, "%%c requires int or char");
        }
        FormatSpec g;
        g.align = f.align == '<' ? '<' : '>';
        g.width = f.width;
        out += format_str_spec(s, g);
        break;
      }
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        out += percent_number(arg, t, f);
        break;
      default:
        raise(exc_ValueError, "unsupported format character '%c' (0x%x) at index %lld", t, (unsigned)(unsigned char)t,
              (long long)(i - 1));
    }
  }
  if (!mapping && next < nitems) raise(exc_TypeError, "not all arguments converted during string formatting");
  return str_new(out);
}

namespace {
// Automatic field numbering is shared by a format string and the fields nested in its specs.
struct FieldNumbering {
  int auto_index = 0;
  bool manual = false, automatic = false;
};

std::string format_fields(std::string_view fmt, Value* args, int64_t nargs, TupleObj* kwnames, FieldNumbering& num);
}  // namespace

std::string str_format(std::string_view fmt, Value* args, int64_t nargs, TupleObj* kwnames) {
  FieldNumbering num;
  return format_fields(fmt, args, nargs, kwnames, num);
}

namespace {
std::string format_fields(std::string_view fmt, Value* args, int64_t nargs, TupleObj* kwnames, FieldNumbering& num) {
  std::string out;
  int& auto_index = num.auto_index;
  bool& manual = num.manual;
  bool& automatic = num.automatic;
  size_t i = 0;
  auto lookup_kw = [&](std::string_view name) -> Value {
    for (int64_t k = 0; kwnames && k < kwnames->length; k++)
      if (sv(kwnames->items[k]) == name) return args[nargs + k];
    Value key = make_str(name);
    Value exc = make_exception(exc_KeyError, "");
    setattr(exc, names.args, Value::from_obj(tuple_from(&key, 1)));
    raise_value(exc);
  };
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      raise(exc_ValueError, "Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      i++;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    // Find the matching '}' (specs may nest one level of fields).
    size_t start = ++i;
    int depth = 1;
    while (i < fmt.size() && depth > 0) {
      if (fmt[i] == '{') depth++;
      else if (fmt[i] == '}') depth--;
      if (depth > 0) i++;
    }
    if (depth > 0) raise(exc_ValueError, "expected '}' before end of string");
    std::string_view field = fmt.substr(start, i - start);
    i++;
    // field_name [!conv] [:spec]
    size_t name_end = 0;
    while (name_end < field.size() && field[name_end] != '!' && field[name_end] != ':') {
      if (field[name_end] == '[') {
        while (name_end < field.size() && field[name_end] != ']') name_end++;
      }
      name_end++;
    }
    if (name_end > field.size()) name_end = field.size();
    std::string_view name = field.substr(0, name_end);
    char conv = 0;
    std::string spec;
    size_t p = name_end;
    if (p < field.size() && field[p] == '!') {
      if (p + 1 >= field.size()) raise(exc_ValueError, "end of string while looking for conversion specifier");
      conv = field[p + 1];
      p += 2;
      if (p < field.size() && field[p] != ':') raise(exc_ValueError, "expected ':' after conversion specifier");
    }
    // The first part of the name: index, keyword or auto.
    size_t q = 0;
    while (q < name.size() && name[q] != '.' && name[q] != '[') q++;
    std::string_view first = name.substr(0, q);
    Value v;
    if (first.empty()) {
      if (manual) raise(exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
      automatic = true;
      if (auto_index >= nargs)
        raise(exc_IndexError, "Replacement index %d out of range for positional args tuple", auto_index);
      v = args[auto_index++];
    } else if (is_digit(first[0])) {
      if (automatic) raise(exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
      manual = true;
      int64_t idx = 0;
      for (char d : first) idx = idx * 10 + (d - '0');
      if (idx >= nargs) raise(exc_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
      v = args[idx];
    } else {
      v = lookup_kw(first);
    }
    while (q < name.size()) {
      if (name[q] == '.') {
        size_t e = ++q;
        while (e < name.size() && name[e] != '.' && name[e] != '[') e++;
        v = getattr(v, intern(name.substr(q, e - q)));
        q = e;
      } else {
        size_t e = name.find(']', q);
        std::string_view key = name.substr(q + 1, e - q - 1);
        bool numeric = !key.empty();
        for (char d : key) numeric = numeric && is_digit(d);
        if (numeric) {
          int64_t idx = 0;
          for (char d : key) idx = idx * 10 + (d - '0');
          v = getitem(v, make_int(idx));
        } else {
          v = getitem(v, make_str(key));
        }
        q = e + 1;
      }
    }
    if (conv == 'r' || conv == 'a') v = make_str(repr_std(v));
    else if (conv == 's') v = make_str(str_std(v));
    else if (conv) raise(exc_ValueError, "Unknown conversion specifier %c", conv);
    // Fields nested in the spec are numbered after this field's own value, as in CPython.
    if (p < field.size() && field[p] == ':') spec = format_fields(field.substr(p + 1), args, nargs, kwnames, num);
    out += format_spec(v, spec);
  }
  return out;
}
}  // namespace

}  // namespace stmjit
