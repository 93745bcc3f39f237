// mod_random.cpp: the `_random` module: class Random, the Mersenne Twister (MT19937) core that
// lib/random.py builds on. It gives CPython's exact numbers: seed(int) runs init_by_array over
// the 32-bit little-endian words of abs(seed), random() joins 27+26 bits into a double,
// getrandbits(k) fills 32-bit words least significant first, seed(str) goes through SHA-512.
// getstate/setstate use CPython's 625-tuple (624 words + position).
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "runtime/bytes.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

constexpr int N = 624;
constexpr int M = 397;

// The generator state lives in its own mutable object (behind the barriers), stored in a
// hidden attribute of the Random instance, so Python subclasses of Random keep it too.
struct MtBody {
  uint32_t mt[N];
  int32_t index;   // N + 1: never seeded
};
struct MtState : MutObj<MtBody> {};

ClassObj* cls_random;
ClassObj* cls_state;   // private class of MtState objects; never exposed by name
StrObj* n_state;

MtState* state_of(Value self, bool create) {
  if (kind_of(self) != Kind::Instance || !isinstance(self, cls_random))
    raise(exc_TypeError, "descriptor requires a '_random.Random' object but received a '%s'", type_name(self).c_str());
  InstanceObj* o = self.as<InstanceObj>();
  Value s = instance_load_attr(o, n_state);
  if (!s.is_empty() && is_exact(s, cls_state)) return s.as<MtState>();
  if (!create) raise(exc_ValueError, "Random object is not initialised");
  MtState* st = gc_new<MtState>(cls_state);
  stm_init_body(st)->index = N + 1;
  instance_store_attr(o, n_state, Value::from_obj(st));
  return st;
}

void init_genrand(MtBody* b, uint32_t s) {
  b->mt[0] = s;
  for (int i = 1; i < N; i++) b->mt[i] = 1812433253u * (b->mt[i - 1] ^ (b->mt[i - 1] >> 30)) + uint32_t(i);
  b->index = N;
}

void init_by_array(MtBody* b, const uint32_t* key, size_t len) {
  init_genrand(b, 19650218u);
  uint32_t* mt = b->mt;
  size_t i = 1, j = 0;
  for (size_t k = N > len ? N : len; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (size_t k = N - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;   // guarantees a non-zero initial state
  b->index = N;
}

uint32_t genrand(MtBody* b) {
  static const uint32_t mag01[2] = {0u, 0x9908b0dfu};
  uint32_t* mt = b->mt;
  if (b->index >= N) {
    int k = 0;
    for (; k < N - M; k++) {
      uint32_t y = (mt[k] & 0x80000000u) | (mt[k + 1] & 0x7fffffffu);
      mt[k] = mt[k + M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; k < N - 1; k++) {
      uint32_t y = (mt[k] & 0x80000000u) | (mt[k + 1] & 0x7fffffffu);
      mt[k] = mt[k + (M - N)] ^ (y >> 1) ^ mag01[y & 1];
    }
    uint32_t y = (mt[N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 1];
    b->index = 0;
  }
  uint32_t y = mt[b->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

void seed_from_os(MtBody* b);

MtBody* seeded_body(Value self) {
  MtState* st = state_of(self, true);
  MtBody* b = stm_write(st);
  if (b->index > N) seed_from_os(b);   // a subclass __init__ that never called seed()
  return b;
}

// seed(n) for an int: the 32-bit words of abs(n), least significant first (one 0 word for 0).
void seed_from_int(MtBody* b, Value n) {
  gmp_use_gc_memory();
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_abs(z, z);
  size_t words = mpz_sgn(z) == 0 ? 1 : (mpz_sizeinbase(z, 2) - 1) / 32 + 1;
  GcVector<uint32_t> key(words, 0);
  size_t count = 0;
  mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
  mpz_clear(z);
  init_by_array(b, key.data(), words);
}

void seed_from_os(MtBody* b) {
  uint32_t key[N];
  ssize_t got = getrandom(key, sizeof key, 0);
  if (got != ssize_t(sizeof key)) {
    // No entropy source: mix the time and the pid as CPython's fallback does.
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t k[4] = {uint32_t(ts.tv_sec), uint32_t(ts.tv_nsec), uint32_t(getpid()), uint32_t(uint64_t(ts.tv_sec) >> 32)};
    init_by_array(b, k, 4);
    return;
  }
  init_by_array(b, key, N);
}

// SHA-512 (FIPS 180-4), for seeding with a str as CPython does. The round constants are the
// first 64 fractional bits of the cube roots of the first 80 primes (square roots of the first
// 8 for the initial hash), computed once with GMP instead of being tabulated.
struct Sha512Consts {
  uint64_t k[80];
  uint64_t h0[8];
  Sha512Consts() {
    gmp_use_gc_memory();
    mpz_t z;
    mpz_init(z);
    int found = 0;
    for (unsigned p = 2; found < 80; p++) {
      bool prime = true;
      for (unsigned d = 2; d * d <= p; d++)
        if (p % d == 0) prime = false;
      if (!prime) continue;
      mpz_set_ui(z, p);
      mpz_mul_2exp(z, z, 192);
      mpz_root(z, z, 3);   // floor(cbrt(p) * 2**64)
      k[found] = mpz_get_ui(z);   // the low 64 bits: the fractional part
      if (found < 8) {
        mpz_set_ui(z, p);
        mpz_mul_2exp(z, z, 128);
        mpz_sqrt(z, z);
        h0[found] = mpz_get_ui(z);
      }
      found++;
    }
    mpz_clear(z);
  }
};

std::string sha512(const std::string& msg) {
  static const Sha512Consts c;
  auto rotr = [](uint64_t x, int n) { return (x >> n) | (x << (64 - n)); };
  std::string m = msg;
  m += char(0x80);
  while (m.size() % 128 != 112) m += char(0);
  uint64_t bits = uint64_t(msg.size()) * 8;
  for (int i = 0; i < 8; i++) m += char(0);   // high 64 bits of the 128-bit length
  for (int i = 7; i >= 0; i--) m += char((bits >> (8 * i)) & 0xff);
  uint64_t h[8];
  memcpy(h, c.h0, sizeof h);
  for (size_t off = 0; off < m.size(); off += 128) {
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
      w[t] = 0;
      for (int b = 0; b < 8; b++) w[t] = (w[t] << 8) | (unsigned char)m[off + size_t(t * 8 + b)];
    }
    for (int t = 16; t < 80; t++) {
      uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
      uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
      uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + c.k[t] + w[t];
      uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & cc) ^ (b & cc));
      hh = g; g = f; f = e; e = d + t1; d = cc; cc = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += cc; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  std::string out;
  for (uint64_t x : h)
    for (int i = 7; i >= 0; i--) out += char((x >> (8 * i)) & 0xff);
  return out;
}

// seed(str/bytes), version 2: the int whose big-endian bytes are data + sha512(data).
void seed_from_bytes(MtBody* b, const std::string& data) {
  std::string all = data + sha512(data);
  gmp_use_gc_memory();
  mpz_t z;
  mpz_init(z);
  if (!all.empty()) mpz_import(z, all.size(), 1, 1, 0, 0, all.data());
  Value n = make_int_from_mpz(z);
  mpz_clear(z);
  seed_from_int(b, n);
}

// Random.seed(self, n=None): None -> OS entropy; int; float (hashed, as CPython does); str and
// bytes (SHA-512).
Value r_seed(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("seed", nargs - 1, 0, 1);
  MtBody* b = stm_write(state_of(args[0], true));
  Value a = nargs > 1 ? args[1] : v_none();
  std::string_view raw;
  if (is_none(a)) seed_from_os(b);
  else if (is_int_like(a)) seed_from_int(b, a);
  else if (is_str(a)) seed_from_bytes(b, std::string(sv(a)));
  else if (bytes_view(a, &raw)) seed_from_bytes(b, std::string(raw));
  else if (is_float(a)) {
    // CPython seeds with the hash reinterpreted as an unsigned 64-bit number.
    uint64_t h = uint64_t(float_hash(float_of(a)));
    uint32_t key[2] = {uint32_t(h), uint32_t(h >> 32)};
    init_by_array(b, key, key[1] ? 2 : 1);
  }
  else
    raise(exc_TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  return v_none();
}

Value r_init(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("Random", kw);
  check_nargs("Random", nargs - 1, 0, 1);
  return r_seed(args, nargs, nullptr);
}

Value r_random(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("random", nargs - 1, 0, 0);
  MtBody* b = seeded_body(args[0]);
  uint32_t a = genrand(b) >> 5, c = genrand(b) >> 6;
  return make_float((a * 67108864.0 + c) * (1.0 / 9007199254740992.0));
}

Value r_getrandbits(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("getrandbits", nargs - 1, 1, 1);
  if (!is_int_like(args[1]))
    raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]).c_str());
  if (int_bit_length(args[1]) > 31) raise(exc_OverflowError, "Python int too large to convert to C int");
  if (int_sign(args[1]) < 0) raise(exc_ValueError, "number of bits must be non-negative");
  int64_t k = as_index(args[1]);
  MtBody* b = seeded_body(args[0]);
  if (k == 0) return make_int(0);
  if (k <= 32) return make_int(int64_t(genrand(b) >> (32 - k)));
  size_t words = size_t((k - 1) / 32 + 1);
  GcVector<uint32_t> w(words, 0);
  for (size_t i = 0; i < words; i++, k -= 32) {
    uint32_t r = genrand(b);
    if (k < 32) r >>= (32 - k);   // the last word keeps its top bits
    w[i] = r;
  }
  gmp_use_gc_memory();
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w.data());
  Value r = make_int_from_mpz(z);
  mpz_clear(z);
  return r;
}

Value r_getstate(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("getstate", nargs - 1, 0, 0);
  const MtBody* b = stm_read(state_of(args[0], true));
  TupleObj* t = tuple_new(N + 1);
  for (int i = 0; i < N; i++) t->items[i] = make_int(b->mt[i]);
  t->items[N] = make_int(b->index > N ? N : b->index);
  return Value::from_obj(t);
}

Value r_setstate(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("setstate", nargs - 1, 1, 1);
  Value s = args[1];
  if (kind_of(s) != Kind::Tuple) raise(exc_TypeError, "state vector must be a tuple");
  TupleObj* t = s.as<TupleObj>();
  if (t->length != N + 1) raise(exc_ValueError, "state vector is the wrong size");
  // As CPython: each word must fit an unsigned long and is truncated to 32 bits; the position
  // must fit a long and lie in [0, 624].
  uint32_t mt[N];
  for (int i = 0; i < N; i++) {
    Value x = t->items[i];
    if (!is_int_like(x)) raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(x).c_str());
    if (int_sign(x) < 0) raise(exc_OverflowError, "can't convert negative value to unsigned int");
    if (int_bit_length(x) > 64) raise(exc_OverflowError, "Python int too large to convert to C unsigned long");
    mt[i] = uint32_t(small_of(int_binop(BinOp::And, x, make_int(0xffffffff))));
  }
  Value iv = t->items[N];
  if (!is_int_like(iv)) raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(iv).c_str());
  if (int_bit_length(iv) > 63) raise(exc_OverflowError, "Python int too large to convert to C long");
  int64_t index = as_index(iv);
  if (index < 0 || index > N) raise(exc_ValueError, "invalid state");
  MtBody* b = stm_write(state_of(args[0], true));
  memcpy(b->mt, mt, sizeof mt);
  b->index = int32_t(index);
  return v_none();
}

}  // namespace

ModuleObj* make_random_core_module() {
  ModuleObj* m = module_new("_random");
  n_state = intern("_stmjit_mt_state");
  cls_state = class_alloc_builtin(Kind::Ellipsis);   // opaque: no Python-visible fields
  class_setup_builtin(cls_state, "_random_state", cls_object);
  Value base = Value::from_obj(cls_object);
  cls_random = class_new(intern("Random"), tuple_from(&base, 1), dict_new(), intern("_random"));
  struct { const char* name; NativeFn fn; } methods[] = {
      {"__init__", r_init}, {"seed", r_seed}, {"random", r_random}, {"getrandbits", r_getrandbits},
      {"getstate", r_getstate}, {"setstate", r_setstate},
  };
  for (auto& e : methods) def_method(cls_random, e.name, e.fn);
  module_set(m, intern("Random"), Value::from_obj(cls_random));
  return m;
}

}  // namespace stmjit
