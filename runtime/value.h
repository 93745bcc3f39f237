// value.h: the tagged 64-bit Value every part of stmjit passes around.
//
// Encoding (chosen so the common int and float paths need no allocation and pointers need no
// masking):
//   bits & 1 == 1    -> small int, value = (int64_t)bits >> 1   (63-bit signed range)
//   bits & 7 == 2    -> immediate float (below)
//   bits == 0        -> "no value" (internal sentinel: empty slot, missing result; never visible to Python)
//   bits & 7 == 0    -> pointer to a heap object (Obj*), 8-byte aligned
// Ints outside the 63-bit range are heap IntObj (big integers); arithmetic on small ints
// checks overflow and promotes, so results never silently wrap.
//
// Immediate floats: float-heavy programs (bench/render.py) otherwise allocate a 16-byte box for
// every arithmetic result, half of all their allocations, and every allocation is GC work and
// a share of the stop-the-world pauses that serialize threads. The double's bits are rotated
// left by one (sign to bit 0, the 11-bit exponent on top); doubles whose exponent lies in the
// 256 values around 1.0 (magnitudes about 5.9e-39 to 3.4e38) lose nothing when the top three
// bits are cut after subtracting the range's base, which leaves room for the tag. +0.0 and
// -0.0 get the payloads 0 and 1 (the base's own two payloads, +-2**-127, are boxed instead).
// Everything else (inf, nan, subnormals, huge or tiny magnitudes) stays a boxed FloatObj, as
// do instances of float subclasses; float code reads both through float_of().
#pragma once
#include <bit>
#include <cstdint>

namespace stmjit {

struct Obj;

constexpr int64_t kSmallIntMin = -(int64_t(1) << 62);
constexpr int64_t kSmallIntMax = (int64_t(1) << 62) - 1;

class Value {
 public:
  constexpr Value() : bits_(0) {}
  static constexpr Value from_bits(uint64_t b) { Value v; v.bits_ = b; return v; }
  static Value from_obj(const Obj* o) { return from_bits(reinterpret_cast<uint64_t>(o)); }
  // Caller guarantees kSmallIntMin <= i <= kSmallIntMax (see fits_small_int).
  static constexpr Value small_int(int64_t i) { return from_bits((static_cast<uint64_t>(i) << 1) | 1); }
  static constexpr bool fits_small_int(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }

  constexpr uint64_t bits() const { return bits_; }
  constexpr bool is_empty() const { return bits_ == 0; }
  constexpr bool is_small_int() const { return (bits_ & 1) != 0; }
  constexpr bool is_imm_float() const { return (bits_ & 7) == kFloatTag; }
  constexpr bool is_obj() const { return bits_ != 0 && (bits_ & 7) == 0; }
  constexpr int64_t as_small_int() const { return static_cast<int64_t>(bits_) >> 1; }

  // The immediate float for d, or false when d needs a box (see the encoding above).
  static constexpr bool try_imm_float(double d, Value* out) {
    uint64_t r = std::rotl(std::bit_cast<uint64_t>(d), 1);
    uint64_t payload = r <= 1 ? r : r - kFloatExponentBase;   // wraps (and fails) below the range
    if (r > 1 && (payload < 2 || payload >= (uint64_t(1) << 61))) return false;
    *out = from_bits((payload << 3) | kFloatTag);
    return true;
  }
  constexpr double as_imm_float() const {
    uint64_t payload = bits_ >> 3;
    uint64_t r = payload <= 1 ? payload : payload + kFloatExponentBase;
    return std::bit_cast<double>(std::rotr(r, 1));
  }
  Obj* as_obj() const { return reinterpret_cast<Obj*>(bits_); }
  template <class T> T* as() const { return reinterpret_cast<T*>(bits_); }

  constexpr bool operator==(const Value& o) const { return bits_ == o.bits_; }  // identity (`is`)
  constexpr bool operator!=(const Value& o) const { return bits_ != o.bits_; }

 private:
  static constexpr uint64_t kFloatTag = 2;
  // Biased exponent 896 (2**-127) in the rotated layout's top 11 bits: the bottom of the range.
  static constexpr uint64_t kFloatExponentBase = uint64_t(896) << 53;
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace stmjit
