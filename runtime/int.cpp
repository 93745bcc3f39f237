// int.cpp: Python ints: tagged small ints with overflow checks, promotion to GMP big ints
// (IntObj, limbs in GC memory) and normalisation back; arithmetic with floor semantics,
// bitwise ops, hashing as CPython does (mod 2**61-1), conversion to/from strings and floats.
#include <charconv>
#include <cmath>
#include <cstring>
#include <mutex>

#include "runtime/types_internal.h"
#include "runtime/unicode_db.h"

namespace stmjit {

namespace {

// GMP must not get null back. A C++ exception may unwind through its C frames on x86-64
// (they have unwind tables and hold no cleanup): the limbs it leaves behind are GC memory.
void* gmp_alloc(size_t n) { return gc_alloc_atomic(n); }
void* gmp_realloc(void* p, size_t old, size_t n) {
  void* q = gc_alloc_atomic(n);
  if (p) memcpy(q, p, old < n ? old : n);
  return q;
}
void gmp_free(void*, size_t) {}   // the GC reclaims limbs

// Temporary mpz holding an int-like value.
struct Z {
  mpz_t z;
  Z() { mpz_init(z); }
  explicit Z(Value v) { mpz_init(z); int_to_mpz(v, z); }
  ~Z() { mpz_clear(z); }
};

constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;

[[noreturn]] void zero_div(BinOp op) {
  if (op == BinOp::TrueDiv) raise(exc_ZeroDivisionError, "division by zero");
  if (op == BinOp::Mod) raise(exc_ZeroDivisionError, "integer modulo by zero");
  raise(exc_ZeroDivisionError, "integer division or modulo by zero");
}

// a / b correctly rounded (both nonzero denominators), via a 55+ bit quotient with sticky bit.
double mpz_true_div(const mpz_t a, const mpz_t b) {
  if (mpz_sgn(a) == 0) return mpz_sgn(b) < 0 ? -0.0 : 0.0;
  bool neg = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  Z na, nb, q, r;
  mpz_abs(na.z, a);
  mpz_abs(nb.z, b);
  int64_t k = 55 + int64_t(mpz_sizeinbase(nb.z, 2)) - int64_t(mpz_sizeinbase(na.z, 2));
  if (k > 0) mpz_mul_2exp(na.z, na.z, uint64_t(k));
  else if (k < 0) mpz_mul_2exp(nb.z, nb.z, uint64_t(-k));
  mpz_tdiv_qr(q.z, r.z, na.z, nb.z);
  uint64_t qv = mpz_get_ui(q.z);   // 55 or 56 bits
  if (mpz_sgn(r.z) != 0) qv |= 1;
  if (-k > 1100) raise(exc_OverflowError, "integer division result too large for a float");
  double d = std::ldexp(double(qv), int(-k));
  if (std::isinf(d)) raise(exc_OverflowError, "integer division result too large for a float");
  return neg ? -d : d;
}

Value big_binop(BinOp op, Value a, Value b) {
  Z x(a), y(b), r;
  switch (op) {
    case BinOp::Add: mpz_add(r.z, x.z, y.z); break;
    case BinOp::Sub: mpz_sub(r.z, x.z, y.z); break;
    case BinOp::Mul: mpz_mul(r.z, x.z, y.z); break;
    case BinOp::FloorDiv:
      if (mpz_sgn(y.z) == 0) zero_div(op);
      mpz_fdiv_q(r.z, x.z, y.z);
      break;
    case BinOp::Mod:
      if (mpz_sgn(y.z) == 0) zero_div(op);
      mpz_fdiv_r(r.z, x.z, y.z);
      break;
    case BinOp::TrueDiv:
      if (mpz_sgn(y.z) == 0) zero_div(op);
      return make_float(mpz_true_div(x.z, y.z));
    case BinOp::Pow: {
      if (mpz_sgn(y.z) < 0) {
        if (mpz_sgn(x.z) == 0) raise(exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return make_float(std::pow(int_to_double(a), int_to_double(b)));
      }
      if (!mpz_fits_ulong_p(y.z)) {
        if (mpz_cmpabs_ui(x.z, 1) <= 0) {   // 0, 1, -1 to a huge power
          if (mpz_sgn(x.z) >= 0) return a;
          return make_int(mpz_even_p(y.z) ? 1 : -1);
        }
        raise(exc_MemoryError, "integer exponent too large");
      }
      mpz_pow_ui(r.z, x.z, mpz_get_ui(y.z));
      break;
    }
    case BinOp::LShift:
      if (mpz_sgn(y.z) < 0) raise(exc_ValueError, "negative shift count");
      if (mpz_sgn(x.z) == 0) return make_int(0);
      // A result this big cannot be allocated (GMP would abort): CPython says MemoryError.
      if (!mpz_fits_slong_p(y.z) || mpz_get_ui(y.z) + mpz_sizeinbase(x.z, 2) >= (uint64_t(1) << 32))
        raise_memory_error();
      mpz_mul_2exp(r.z, x.z, mpz_get_ui(y.z));
      break;
    case BinOp::RShift:
      if (mpz_sgn(y.z) < 0) raise(exc_ValueError, "negative shift count");
      if (!mpz_fits_slong_p(y.z)) return make_int(mpz_sgn(x.z) < 0 ? -1 : 0);
      mpz_fdiv_q_2exp(r.z, x.z, mpz_get_ui(y.z));
      break;
    case BinOp::And: mpz_and(r.z, x.z, y.z); break;
    case BinOp::Or: mpz_ior(r.z, x.z, y.z); break;
    case BinOp::Xor: mpz_xor(r.z, x.z, y.z); break;
    default: return Value();
  }
  return make_int_from_mpz(r.z);
}

int64_t floordiv64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}
int64_t mod64(int64_t a, int64_t b) {
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

}  // namespace

void gmp_use_gc_memory() {
  static std::once_flag once;
  std::call_once(once, [] { mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free); });
}

Value make_int(int64_t i) {
  if (Value::fits_small_int(i)) return Value::small_int(i);
  gmp_use_gc_memory();
  IntObj* o = gc_new<IntObj>(cls_int);
  mpz_init_set_si(o->value, i);
  return Value::from_obj(o);
}

Value make_int_from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long v = mpz_get_si(z);
    if (Value::fits_small_int(v)) return Value::small_int(v);
  }
  gmp_use_gc_memory();
  IntObj* o = gc_new<IntObj>(cls_int);
  mpz_init_set(o->value, z);
  return Value::from_obj(o);
}

void int_to_mpz(Value v, mpz_t out) {
  if (is_small_like(v)) mpz_set_si(out, small_of(v));
  else mpz_set(out, v.as<IntObj>()->value);
}

Value int_binop(BinOp op, Value a, Value b) {
  if (is_small_like(a) && is_small_like(b)) {
    int64_t x = small_of(a), y = small_of(b), r;
    switch (op) {
      case BinOp::Add: return make_int(x + y);   // 63-bit operands cannot overflow int64
      case BinOp::Sub: return make_int(x - y);
      case BinOp::Mul:
        if (!__builtin_mul_overflow(x, y, &r)) return make_int(r);
        break;
      case BinOp::FloorDiv:
        if (y == 0) zero_div(op);
        return make_int(floordiv64(x, y));
      case BinOp::Mod:
        if (y == 0) zero_div(op);
        return make_int(mod64(x, y));
      case BinOp::TrueDiv:
        if (y == 0) zero_div(op);
        if (x > -(int64_t(1) << 53) && x < (int64_t(1) << 53) && y > -(int64_t(1) << 53) &&
            y < (int64_t(1) << 53))
          return make_float(double(x) / double(y));
        break;
      case BinOp::Pow:
        if (y >= 0) {
          // Square-and-multiply with overflow detection; falls back to GMP.
          int64_t result = 1, base = x, e = y;
          bool ok = true;
          while (e > 0 && ok) {
            if (e & 1) ok = !__builtin_mul_overflow(result, base, &result);
            e >>= 1;
            if (e > 0 && ok) ok = !__builtin_mul_overflow(base, base, &base);
          }
          if (ok) return make_int(result);
        }
        break;
      case BinOp::LShift:
        if (y < 0) raise(exc_ValueError, "negative shift count");
        if (x == 0) return make_int(0);
        if (y < 62) {
          int64_t s = x << y;
          if ((s >> y) == x) return make_int(s);
        }
        break;
      case BinOp::RShift:
        if (y < 0) raise(exc_ValueError, "negative shift count");
        return make_int(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
      case BinOp::And: return make_int(x & y);
      case BinOp::Or: return make_int(x | y);
      case BinOp::Xor: return make_int(x ^ y);
      default: return Value();
    }
  }
  return big_binop(op, a, b);
}

Value int_neg(Value a) {
  if (is_small_like(a)) return make_int(-small_of(a));
  Z x(a);
  mpz_neg(x.z, x.z);
  return make_int_from_mpz(x.z);
}

Value int_invert(Value a) {
  if (is_small_like(a)) return make_int(~small_of(a));
  Z x(a);
  mpz_com(x.z, x.z);
  return make_int_from_mpz(x.z);
}

int int_compare(Value a, Value b) {
  if (is_small_like(a) && is_small_like(b)) {
    int64_t x = small_of(a), y = small_of(b);
    return x < y ? -1 : x > y;
  }
  Z x(a), y(b);
  int c = mpz_cmp(x.z, y.z);
  return c < 0 ? -1 : c > 0;
}

int int_sign(Value a) {
  if (is_small_like(a)) {
    int64_t x = small_of(a);
    return x < 0 ? -1 : x > 0;
  }
  return mpz_sgn(a.as<IntObj>()->value);
}

int64_t int_bit_length(Value a) {
  if (is_small_like(a)) {
    int64_t x = small_of(a);
    uint64_t u = x < 0 ? uint64_t(-x) : uint64_t(x);
    return u == 0 ? 0 : 64 - __builtin_clzll(u);
  }
  return int64_t(mpz_sizeinbase(a.as<IntObj>()->value, 2));
}

int64_t int_hash(Value a) {
  if (is_small_like(a)) {
    int64_t x = small_of(a);
    uint64_t u = x < 0 ? uint64_t(-x) : uint64_t(x);
    int64_t h = int64_t(u % kHashModulus);
    if (x < 0) h = -h;
    return h == -1 ? -2 : h;
  }
  Z x(a), m;
  mpz_set_ui(m.z, 0);
  mpz_abs(x.z, x.z);
  uint64_t h = mpz_fdiv_ui(x.z, (unsigned long)kHashModulus);
  int64_t r = mpz_sgn(a.as<IntObj>()->value) < 0 ? -int64_t(h) : int64_t(h);
  return r == -1 ? -2 : r;
}

std::string int_to_string(Value a, int base) {
  if (is_small_like(a)) {
    int64_t x = small_of(a);
    char buf[80];
    uint64_t u = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    auto res = std::to_chars(buf, buf + sizeof buf, u, base);
    std::string s(buf, res.ptr);
    return x < 0 ? "-" + s : s;
  }
  const mpz_t& z = a.as<IntObj>()->value;
  if (base == 10 && mpz_sizeinbase(z, 10) > 4300) {
    // CPython 3.11 limits decimal conversion of huge ints (sys.set_int_max_str_digits).
    Z lim;
    mpz_ui_pow_ui(lim.z, 10, 4300);
    if (mpz_cmpabs(z, lim.z) >= 0)
      raise(exc_ValueError,
            "Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  }
  char* buf = static_cast<char*>(gc_alloc_atomic(mpz_sizeinbase(z, base) + 3));
  mpz_get_str(buf, base, z);
  return buf;
}

Value int_from_string(std::string_view s, int base, Value orig) {
  std::string ascii;
  if (!is_str(orig) || !as_str(orig)->ascii) {   // digits of other scripts, Unicode spaces
    ascii = unicode::decimal_and_space_to_ascii(s);
    s = ascii;
  }
  auto fail = [&]() -> Value {
    raise(exc_ValueError, "invalid literal for int() with base %d: %s", base, repr_std(orig).c_str());
  };
  size_t i = 0, n = s.size();
  auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < n && is_ws(s[i])) i++;
  while (n > i && is_ws(s[n - 1])) n--;
  bool neg = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  int b = base;
  if (i + 1 < n && s[i] == '0') {
    char p = char(s[i + 1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      b = pb;
      i += 2;
      if (i < n && s[i] == '_') i++;   // 0x_1f is allowed
    }
  }
  if (b == 0) b = 10;
  std::string digits;
  bool prev_digit = false;
  for (; i < n; i++) {
    char c = s[i];
    if (c == '_') {
      if (!prev_digit) fail();
      prev_digit = false;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= b) fail();
    digits += c;
    prev_digit = true;
  }
  if (digits.empty() || !prev_digit) fail();
  // Base 0 forbids leading zeros in non-zero decimal literals ("010").
  if (base == 0 && b == 10 && digits.size() > 1 && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos)
    fail();
  // CPython 3.11's limit on decimal (non power-of-two base) conversion of huge ints.
  if ((b & (b - 1)) != 0 && digits.size() > 4300)
    raise(exc_ValueError,
          "Exceeds the limit (4300 digits) for integer string conversion: value has %zu digits; use "
          "sys.set_int_max_str_digits() to increase the limit",
          digits.size());
  if (digits.size() <= 18 && b == 10) {
    int64_t v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return make_int(neg ? -v : v);
  }
  Z z;
  mpz_set_str(z.z, digits.c_str(), b);
  if (neg) mpz_neg(z.z, z.z);
  return make_int_from_mpz(z.z);
}

double int_to_double(Value a) {
  if (is_small_like(a)) return double(small_of(a));
  const mpz_t& z = a.as<IntObj>()->value;
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits > 1024) raise(exc_OverflowError, "int too large to convert to float");
  if (bits <= 63) return double(mpz_get_si(z));
  // Keep 55 bits plus a sticky bit, let the hardware round to 53 (half-even).
  Z t, r;
  mpz_abs(t.z, z);
  uint64_t shift = bits - 55;
  mpz_fdiv_r_2exp(r.z, t.z, shift);
  mpz_fdiv_q_2exp(t.z, t.z, shift);
  uint64_t q = mpz_get_ui(t.z);
  if (mpz_sgn(r.z) != 0) q |= 1;
  double d = std::ldexp(double(q), int(shift));
  if (std::isinf(d)) raise(exc_OverflowError, "int too large to convert to float");
  return mpz_sgn(z) < 0 ? -d : d;
}

Value int_from_double(double d) {
  if (std::isinf(d)) raise(exc_OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise(exc_ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= -4.6e18 && t <= 4.6e18) return make_int(int64_t(t));
  gmp_use_gc_memory();
  Z z;
  mpz_set_d(z.z, t);
  return make_int_from_mpz(z.z);
}

Value int_pow_mod(Value b, Value e, Value m) {
  Z x(b), y(e), mod(m), r;
  if (mpz_sgn(mod.z) == 0) raise(exc_ValueError, "pow() 3rd argument cannot be 0");
  if (mpz_sgn(y.z) < 0) {
    if (mpz_invert(x.z, x.z, mod.z) == 0) raise(exc_ValueError, "base is not invertible for the given modulus");
    mpz_neg(y.z, y.z);
  }
  Z am;
  mpz_abs(am.z, mod.z);
  mpz_powm(r.z, x.z, y.z, am.z);
  // Python's result takes the sign of the modulus.
  if (mpz_sgn(mod.z) < 0 && mpz_sgn(r.z) != 0) mpz_add(r.z, r.z, mod.z);
  return make_int_from_mpz(r.z);
}

int compare_int_float(Value i, double d) {
  if (std::isnan(d)) return 2;
  if (is_small_like(i)) {
    int64_t x = small_of(i);
    if (x > -(int64_t(1) << 53) && x < (int64_t(1) << 53)) {
      double xd = double(x);
      return xd < d ? -1 : xd > d;
    }
  }
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  Z x(i), f;
  double fl = std::floor(d);
  mpz_set_d(f.z, fl);
  int c = mpz_cmp(x.z, f.z);
  if (c != 0) return c < 0 ? -1 : 1;
  return fl == d ? 0 : -1;   // x == floor(d) < d
}

}  // namespace stmjit
