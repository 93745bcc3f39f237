// mod_math.cpp: the `math` module: constants, float functions with CPython's domain/range
// errors ("math domain error", "math range error"), integer functions (floor/ceil/trunc
// returning ints, factorial, gcd, lcm, comb, perm, isqrt) and isclose/prod.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <vector>

#include "runtime/types_internal.h"

namespace stmjit {

namespace {

double arg_d(Value v) { return as_double(v); }

// Applies a libm function with CPython's error mapping.
Value checked(double x, double r, bool can_overflow = true) {
  if (std::isnan(r) && !std::isnan(x)) raise(exc_ValueError, "math domain error");
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) raise(exc_OverflowError, "math range error");
    raise(exc_ValueError, "math domain error");
  }
  return make_float(r);
}

#define MATH1(NAME, EXPR, OVERFLOW)                                  \
  Value m_##NAME(Value* args, int64_t nargs, TupleObj*) {            \
    check_nargs(#NAME, nargs, 1, 1);                                 \
    double x = arg_d(args[0]);                                       \
    return checked(x, EXPR, OVERFLOW);                               \
  }
MATH1(sqrt, x < 0 ? NAN : std::sqrt(x), true)
MATH1(exp, std::exp(x), true)
MATH1(sin, std::isinf(x) ? NAN : std::sin(x), true)
MATH1(cos, std::isinf(x) ? NAN : std::cos(x), true)
MATH1(tan, std::isinf(x) ? NAN : std::tan(x), true)
MATH1(asin, std::asin(x), true)
MATH1(acos, std::acos(x), true)
MATH1(atan, std::atan(x), true)
MATH1(sinh, std::sinh(x), true)
MATH1(cosh, std::cosh(x), true)
MATH1(tanh, std::tanh(x), true)
MATH1(log2, x <= 0 ? NAN : std::log2(x), false)
MATH1(log10, x <= 0 ? NAN : std::log10(x), false)
MATH1(log1p, x <= -1 ? NAN : std::log1p(x), false)
MATH1(expm1, std::expm1(x), true)
MATH1(fabs, std::fabs(x), true)
MATH1(degrees, x * 180.0 / M_PI, true)
MATH1(radians, x * M_PI / 180.0, true)
#undef MATH1

double log_of(Value v) {
  if (is_int_like(v) && !is_small_like(v) && int_sign(v) > 0) {
    // Big ints may not fit a double: log(m * 2**e) = log(m) + e*log(2).
    int64_t bits = int_bit_length(v);
    if (bits > 1000) {
      Value m = int_binop(BinOp::RShift, v, make_int(bits - 60));
      return std::log(int_to_double(m)) + double(bits - 60) * std::log(2.0);
    }
  }
  double x = arg_d(v);
  if (x <= 0 || std::isnan(x)) {
    if (std::isnan(x)) return x;
    raise(exc_ValueError, "math domain error");
  }
  return std::log(x);
}

Value m_log(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("log", nargs, 1, 2);
  double r = log_of(args[0]);
  if (nargs == 2) {
    double b = log_of(args[1]);
    if (b == 0) raise(exc_ZeroDivisionError, "float division by zero");
    r /= b;
  }
  return make_float(r);
}

Value m_pow(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("pow", nargs, 2, 2);
  double x = arg_d(args[0]), y = arg_d(args[1]);
  if (x == 0 && y < 0) raise(exc_ValueError, "math domain error");
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) raise(exc_ValueError, "math domain error");
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) raise(exc_OverflowError, "math range error");
  return make_float(r);
}

Value m_atan2(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("atan2", nargs, 2, 2);
  return make_float(std::atan2(arg_d(args[0]), arg_d(args[1])));
}

Value m_fmod(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("fmod", nargs, 2, 2);
  double x = arg_d(args[0]), y = arg_d(args[1]);
  if (y == 0 || std::isinf(x)) {
    if (!std::isnan(x) && !std::isnan(y)) raise(exc_ValueError, "math domain error");
  }
  return make_float(std::fmod(x, y));
}

Value m_copysign(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("copysign", nargs, 2, 2);
  return make_float(std::copysign(arg_d(args[0]), arg_d(args[1])));
}

// Exact double-length arithmetic for vector_norm (the build uses -ffp-contract=off, so these
// stay exact): a + b as hi + lo when |a| >= |b|, and x * y as hi + lo by Dekker's splitting.
struct DoubleLength { double hi, lo; };
DoubleLength dl_fast_sum(double a, double b) {
  double x = a + b;
  double z = x - a;
  return {x, b - z};
}
DoubleLength dl_mul(double x, double y) {
  const double split = 134217729.0;  // 2**27 + 1
  double px = x * split, py = y * split;
  double hx = px - (px - x), hy = py - (py - y);
  double lx = x - hx, ly = y - hy;
  double p = x * y;
  double q = ((hx * hy - p) + hx * ly + lx * hy) + lx * ly;
  return {p, q};
}

// The Euclidean norm as CPython 3.11 computes it for hypot() and dist(): scaled by a power of
// two, squares summed in extended precision, then one Newton correction of the square root.
// This gives CPython's bit-exact results, which plain std::hypot does not.
double vector_norm(std::vector<double>& v, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0 || v.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {  // ldexp(1.0, -max_e) would overflow: rescale subnormals first
    for (double& x : v) x /= DBL_MIN;
    return DBL_MIN * vector_norm(v, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : v) {
    x *= scale;
    DoubleLength pr = dl_mul(x, x);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength pr = dl_mul(-h, h);
  DoubleLength sm = dl_fast_sum(csum, pr.hi);
  csum = sm.hi;
  frac1 += pr.lo;
  frac2 += sm.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Value m_hypot(Value* args, int64_t nargs, TupleObj*) {
  std::vector<double> v;
  double max = 0;
  bool found_nan = false;
  for (int64_t i = 0; i < nargs; i++) {
    double x = std::fabs(arg_d(args[i]));
    found_nan |= std::isnan(x);
    if (x > max) max = x;
    v.push_back(x);
  }
  return make_float(vector_norm(v, max, found_nan));
}

Value m_dist(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("dist", nargs, 2, 2);
  GcVector<Value> p = collect_values(args[0]), q = collect_values(args[1]);
  if (p.size() != q.size()) raise(exc_ValueError, "both points must have the same number of dimensions");
  std::vector<double> v;
  double max = 0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); i++) {
    double x = std::fabs(arg_d(p[i]) - arg_d(q[i]));
    found_nan |= std::isnan(x);
    if (x > max) max = x;
    v.push_back(x);
  }
  return make_float(vector_norm(v, max, found_nan));
}

Value round_to_int(Value v, const char* dunder, double (*f)(double)) {
  if (is_int_like(v)) return is_kind(v, Kind::Bool) ? make_int(small_of(v)) : v;
  if (is_float(v)) return int_from_double(f(float_of(v)));
  Value m = lookup_special(v, intern(dunder));
  if (!m.is_empty() && !is_none(m)) return call0(m);
  return int_from_double(f(as_double(v)));
}

Value m_floor(Value* a, int64_t n, TupleObj*) {
  check_nargs("floor", n, 1, 1);
  return round_to_int(a[0], "__floor__", [](double x) { return std::floor(x); });
}
Value m_ceil(Value* a, int64_t n, TupleObj*) {
  check_nargs("ceil", n, 1, 1);
  return round_to_int(a[0], "__ceil__", [](double x) { return std::ceil(x); });
}
Value m_trunc(Value* a, int64_t n, TupleObj*) {
  check_nargs("trunc", n, 1, 1);
  return round_to_int(a[0], "__trunc__", [](double x) { return std::trunc(x); });
}

Value m_isnan(Value* a, int64_t n, TupleObj*) {
  check_nargs("isnan", n, 1, 1);
  return v_bool(std::isnan(arg_d(a[0])));
}
Value m_isinf(Value* a, int64_t n, TupleObj*) {
  check_nargs("isinf", n, 1, 1);
  return v_bool(std::isinf(arg_d(a[0])));
}
Value m_isfinite(Value* a, int64_t n, TupleObj*) {
  check_nargs("isfinite", n, 1, 1);
  return v_bool(std::isfinite(arg_d(a[0])));
}

void need_int(Value v, const char* fname) {
  if (!is_int_like(v))
    raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
  (void)fname;
}

struct Z {
  mpz_t z;
  Z() { mpz_init(z); }
  ~Z() { mpz_clear(z); }
};

Value m_factorial(Value* a, int64_t n, TupleObj*) {
  check_nargs("factorial", n, 1, 1);
  if (is_float(a[0])) raise(exc_TypeError, "'float' object cannot be interpreted as an integer");
  need_int(a[0], "factorial");
  if (int_sign(a[0]) < 0) raise(exc_ValueError, "factorial() not defined for negative values");
  int64_t k = as_index(a[0]);
  gmp_use_gc_memory();
  Z r;
  mpz_fac_ui(r.z, (unsigned long)k);
  return make_int_from_mpz(r.z);
}

Value gcd_lcm(Value* a, int64_t n, bool lcm) {
  gmp_use_gc_memory();
  Z r, x;
  mpz_set_ui(r.z, lcm ? 1 : 0);
  for (int64_t i = 0; i < n; i++) {
    need_int(a[i], lcm ? "lcm" : "gcd");
    int_to_mpz(a[i], x.z);
    if (lcm) mpz_lcm(r.z, r.z, x.z);
    else mpz_gcd(r.z, r.z, x.z);
  }
  return make_int_from_mpz(r.z);
}
Value m_gcd(Value* a, int64_t n, TupleObj*) { return gcd_lcm(a, n, false); }
Value m_lcm(Value* a, int64_t n, TupleObj*) { return gcd_lcm(a, n, true); }

Value m_comb(Value* a, int64_t n, TupleObj*) {
  check_nargs("comb", n, 2, 2);
  need_int(a[0], "comb");
  need_int(a[1], "comb");
  int64_t nn = as_index(a[0]), k = as_index(a[1]);
  if (nn < 0) raise(exc_ValueError, "n must be a non-negative integer");
  if (k < 0) raise(exc_ValueError, "k must be a non-negative integer");
  gmp_use_gc_memory();
  Z r;
  if (k > nn) return make_int(0);
  mpz_bin_uiui(r.z, (unsigned long)nn, (unsigned long)k);
  return make_int_from_mpz(r.z);
}

Value m_perm(Value* a, int64_t n, TupleObj*) {
  check_nargs("perm", n, 1, 2);
  int64_t nn = as_index(a[0]), k = n > 1 && !is_none(a[1]) ? as_index(a[1]) : nn;
  if (nn < 0) raise(exc_ValueError, "n must be a non-negative integer");
  if (k < 0) raise(exc_ValueError, "k must be a non-negative integer");
  if (k > nn) return make_int(0);
  Value r = make_int(1);
  for (int64_t i = 0; i < k; i++) r = int_binop(BinOp::Mul, r, make_int(nn - i));
  return r;
}

Value m_isqrt(Value* a, int64_t n, TupleObj*) {
  check_nargs("isqrt", n, 1, 1);
  need_int(a[0], "isqrt");
  if (int_sign(a[0]) < 0) raise(exc_ValueError, "isqrt() argument must be nonnegative");
  gmp_use_gc_memory();
  Z x;
  int_to_mpz(a[0], x.z);
  mpz_sqrt(x.z, x.z);
  return make_int_from_mpz(x.z);
}

Value m_isclose(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("isclose", {"rel_tol", "abs_tol"});
  check_nargs("isclose", nargs, 2, 2);
  double x = arg_d(args[0]), y = arg_d(args[1]);
  Value rt = a.kw("rel_tol"), at = a.kw("abs_tol");
  double rel = rt.is_empty() ? 1e-09 : arg_d(rt), abs_tol = at.is_empty() ? 0.0 : arg_d(at);
  if (rel < 0 || abs_tol < 0) raise(exc_ValueError, "tolerances must be non-negative");
  if (x == y) return v_true();
  if (std::isinf(x) || std::isinf(y)) return v_false();
  double diff = std::fabs(y - x);
  return v_bool(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

Value m_prod(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("prod", {"start"});
  check_nargs("prod", nargs, 1, 1);
  Value acc = a.kw("start");
  if (acc.is_empty()) acc = make_int(1);
  for_each(args[0], [&](Value x) {
    acc = binary_op(BinOp::Mul, acc, x);
    return true;
  });
  return acc;
}

Value m_fsum(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("fsum", nargs, 1, 1);
  // Shewchuk's exact partial sums (as CPython's msum), final rounding simplified.
  GcVector<double> partials;
  for_each(args[0], [&](Value v) {
    double x = arg_d(v);
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    partials.push_back(x);
    return true;
  });
  double sum = 0;
  for (double p : partials) sum += p;
  return make_float(sum);
}

}  // namespace

ModuleObj* make_math_module() {
  ModuleObj* m = module_new("math");
  module_set(m, intern("pi"), make_float(M_PI));
  module_set(m, intern("e"), make_float(M_E));
  module_set(m, intern("tau"), make_float(2 * M_PI));
  module_set(m, intern("inf"), make_float(HUGE_VAL));
  module_set(m, intern("nan"), make_float(NAN));
  struct { const char* name; NativeFn fn; } table[] = {
      {"sqrt", m_sqrt}, {"exp", m_exp}, {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan}, {"asin", m_asin},
      {"acos", m_acos}, {"atan", m_atan}, {"sinh", m_sinh}, {"cosh", m_cosh}, {"tanh", m_tanh},
      {"log2", m_log2}, {"log10", m_log10}, {"log1p", m_log1p}, {"expm1", m_expm1}, {"fabs", m_fabs},
      {"degrees", m_degrees}, {"radians", m_radians}, {"log", m_log}, {"pow", m_pow}, {"atan2", m_atan2},
      {"fmod", m_fmod}, {"copysign", m_copysign}, {"hypot", m_hypot}, {"dist", m_dist}, {"floor", m_floor}, {"ceil", m_ceil},
      {"trunc", m_trunc}, {"isnan", m_isnan}, {"isinf", m_isinf}, {"isfinite", m_isfinite},
      {"factorial", m_factorial}, {"gcd", m_gcd}, {"lcm", m_lcm}, {"comb", m_comb}, {"perm", m_perm},
      {"isqrt", m_isqrt}, {"isclose", m_isclose}, {"prod", m_prod}, {"fsum", m_fsum},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  return m;
}

}  // namespace stmjit
