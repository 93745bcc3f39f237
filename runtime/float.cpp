// float.cpp: Python floats: boxing, CPython's shortest round-trip repr, arithmetic with
// Python's sign rules for // and %, CPython-compatible hashing (equal to the int hash for
// integral values), parsing float(str) and correctly rounded round(x, n).
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/types_internal.h"
#include "runtime/unicode_db.h"

namespace stmjit {

Value make_float(double d) {
  Value imm;
  if (Value::try_imm_float(d, &imm)) return imm;
  return make_boxed_float(d);
}

Value make_boxed_float(double d) {
  FloatObj* o = static_cast<FloatObj*>(gc_alloc_atomic_exact(sizeof(FloatObj)));
  o->cls = cls_float;   // classes are always reachable from globals, so atomic memory is fine
  o->value = d;
  return Value::from_obj(o);
}

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);   // e.g. -1.2345e+02 (shortest round-trip digits)
  bool neg = sci[0] == '-';
  size_t epos = sci.find('e');
  std::string mant = sci.substr(neg ? 1 : 0, epos - (neg ? 1 : 0));
  int exp = std::atoi(sci.c_str() + epos + 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out = neg ? "-" : "";
  int ndig = int(digits.size());
  if (exp < -4 || exp >= 16) {
    out += digits[0];
    if (ndig > 1) {
      out += '.';
      out += digits.substr(1);
    }
    char e[16];
    snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += e;
  } else if (exp < 0) {
    out += "0.";
    out.append(size_t(-exp - 1), '0');
    out += digits;
  } else {
    if (ndig <= exp + 1) {
      out += digits;
      out.append(size_t(exp + 1 - ndig), '0');
      out += ".0";
    } else {
      out += digits.substr(0, size_t(exp + 1));
      out += '.';
      out += digits.substr(size_t(exp + 1));
    }
  }
  return out;
}

Value float_binop(BinOp op, double a, double b) {
  switch (op) {
    case BinOp::Add: return make_float(a + b);
    case BinOp::Sub: return make_float(a - b);
    case BinOp::Mul: return make_float(a * b);
    case BinOp::TrueDiv:
      if (b == 0) raise(exc_ZeroDivisionError, "float division by zero");
      return make_float(a / b);
    case BinOp::FloorDiv:
    case BinOp::Mod: {
      if (b == 0) raise(exc_ZeroDivisionError, op == BinOp::Mod ? "float modulo" : "float floor division by zero");
      // CPython's float_divmod.
      double mod = std::fmod(a, b);
      double div = (a - mod) / b;
      if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
          mod += b;
          div -= 1.0;
        }
      } else {
        mod = std::copysign(0.0, b);
      }
      if (op == BinOp::Mod) return make_float(mod);
      double floordiv;
      if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, a / b);
      }
      return make_float(floordiv);
    }
    case BinOp::Pow: {
      if (b == 0) return make_float(1.0);
      if (std::isnan(a)) return make_float(a);
      if (a == 0 && b < 0 && !std::isinf(b))
        raise(exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
      if (a < 0 && std::isfinite(a) && std::isfinite(b) && b != std::floor(b))
        raise(exc_ValueError, "complex numbers are not supported by stmjit (negative number raised to a fractional power)");
      errno = 0;
      double r = std::pow(a, b);
      if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
        raise(exc_OverflowError, "(34, 'Numerical result out of range')");
      return make_float(r);
    }
    default: return Value();
  }
}

int64_t float_hash(double d) {
  // CPython's _Py_HashDouble (without the pointer-based nan hash: nan hashes to 0 here).
  if (!std::isfinite(d)) {
    if (std::isinf(d)) return d > 0 ? 314159 : -314159;
    return 0;
  }
  constexpr uint64_t M = (uint64_t(1) << 61) - 1;
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & M) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= M) x -= M;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & M) | x >> (61 - e);
  int64_t h = int64_t(x) * sign;
  return h == -1 ? -2 : h;
}

double parse_float(std::string_view s, Value orig) {
  std::string ascii;
  if (!is_str(orig) || !as_str(orig)->ascii) {   // digits of other scripts, Unicode spaces
    ascii = unicode::decimal_and_space_to_ascii(s);
    s = ascii;
  }
  auto fail = [&]() -> double {
    raise(exc_ValueError, "could not convert string to float: %s", repr_std(orig).c_str());
  };
  size_t i = 0, n = s.size();
  auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < n && is_ws(s[i])) i++;
  while (n > i && is_ws(s[n - 1])) n--;
  std::string t;
  bool prev_digit = false;
  for (size_t j = i; j < n; j++) {
    char c = s[j];
    if (c == '_') {   // only between digits
      if (!prev_digit || j + 1 >= n || !(s[j + 1] >= '0' && s[j + 1] <= '9')) fail();
      continue;
    }
    prev_digit = c >= '0' && c <= '9';
    t += c;
  }
  if (t.empty()) fail();
  std::string low;
  for (char c : t) low += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  size_t k = (low[0] == '+' || low[0] == '-') ? 1 : 0;
  std::string body = low.substr(k);
  bool neg = low[0] == '-';
  if (body == "inf" || body == "infinity") return neg ? -HUGE_VAL : HUGE_VAL;
  if (body == "nan") return neg ? -NAN : NAN;
  // Only decimal syntax: digits, optional point, optional exponent (strtod also takes hex).
  size_t p = 0;
  bool digits = false;
  while (p < body.size() && body[p] >= '0' && body[p] <= '9') p++, digits = true;
  if (p < body.size() && body[p] == '.') {
    p++;
    while (p < body.size() && body[p] >= '0' && body[p] <= '9') p++, digits = true;
  }
  if (!digits) fail();
  if (p < body.size() && body[p] == 'e') {
    p++;
    if (p < body.size() && (body[p] == '+' || body[p] == '-')) p++;
    bool ed = false;
    while (p < body.size() && body[p] >= '0' && body[p] <= '9') p++, ed = true;
    if (!ed) fail();
  }
  if (p != body.size()) fail();
  return std::strtod(t.c_str(), nullptr);
}

double round_half_even_digits(double x, int64_t ndigits) {
  if (!std::isfinite(x) || x == 0) return x;
  if (ndigits > 330) return x;
  if (ndigits < -330) return std::copysign(0.0, x);
  if (ndigits >= 0) {
    // printf rounds the exact binary value correctly (as CPython's dtoa-based round does).
    char buf[512];
    snprintf(buf, sizeof buf, "%.*f", int(ndigits), x);
    return std::strtod(buf, nullptr);
  }
  // Round the exact decimal expansion of x at the 10**-ndigits place, half to even, then parse
  // it back: correctly rounded, as CPython's dtoa-based round (x / 10**k would round twice).
  static thread_local char exact[1600];   // integer digits (<= 309) + "." + 1100 fraction digits
  snprintf(exact, sizeof exact, "%.1100f", std::fabs(x));
  std::string_view all(exact);
  size_t dot = all.find('.');
  std::string_view ipart = all.substr(0, dot), frac = all.substr(dot + 1);
  size_t k = size_t(-ndigits);
  std::string keep = ipart.size() > k ? std::string(ipart.substr(0, ipart.size() - k)) : std::string("0");
  std::string rest = ipart.size() > k ? std::string(ipart.substr(ipart.size() - k))
                                      : std::string(k - ipart.size(), '0') + std::string(ipart);
  // Compare the dropped digits (rest, then the fraction) with one half: 5000...
  int cmp = rest[0] > '5' ? 1 : rest[0] < '5' ? -1 : 0;
  if (cmp == 0) {
    bool nonzero = rest.find_first_not_of('0', 1) != std::string::npos ||
                   frac.find_first_not_of('0') != std::string_view::npos;
    cmp = nonzero ? 1 : 0;
  }
  bool up = cmp > 0 || (cmp == 0 && (keep.back() - '0') % 2 == 1);
  if (up) {
    int i = int(keep.size()) - 1;
    while (i >= 0 && keep[size_t(i)] == '9') keep[size_t(i--)] = '0';
    if (i < 0) keep.insert(keep.begin(), '1');
    else keep[size_t(i)]++;
  }
  double z = std::strtod((keep + std::string(k, '0')).c_str(), nullptr);
  if (std::isinf(z)) raise(exc_OverflowError, "rounded value too large to represent");
  return std::copysign(z, x);
}

}  // namespace stmjit
