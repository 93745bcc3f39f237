// value.h: the tagged 64-bit Value every part of stmjit passes around.
//
// Encoding (chosen so the common int path needs no allocation and pointers need no masking):
//   bits & 1 == 1  -> small int, value = (int64_t)bits >> 1   (63-bit signed range)
//   bits == 0      -> "no value" (internal sentinel: empty slot, missing result; never visible to Python)
//   otherwise      -> pointer to a heap object (Obj*), 8-byte aligned
// Ints outside the 63-bit range are heap IntObj (big integers); arithmetic on small ints
// checks overflow and promotes, so results never silently wrap.
#pragma once
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
  constexpr bool is_obj() const { return bits_ != 0 && (bits_ & 1) == 0; }
  constexpr int64_t as_small_int() const { return static_cast<int64_t>(bits_) >> 1; }
  Obj* as_obj() const { return reinterpret_cast<Obj*>(bits_); }
  template <class T> T* as() const { return reinterpret_cast<T*>(bits_); }

  constexpr bool operator==(const Value& o) const { return bits_ == o.bits_; }  // identity (`is`)
  constexpr bool operator!=(const Value& o) const { return bits_ != o.bits_; }

 private:
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace stmjit
