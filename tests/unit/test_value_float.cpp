// test_value_float.cpp: the immediate-float encoding of Value (runtime/value.h): which doubles
// are immediate, that every double survives make_float/float_of bit for bit, and that the rest
// of the runtime sees an immediate as an exact float (class, kind, hash, equality, repr).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

using namespace stmjit;

namespace {

class ValueFloat : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { runtime_init(0, nullptr); }
};

uint64_t bits_of(double d) { return std::bit_cast<uint64_t>(d); }

bool immediate(double d) {
  Value v;
  return Value::try_imm_float(d, &v);
}

TEST_F(ValueFloat, RangeAroundOneIsImmediate) {
  for (double d : {0.0, -0.0, 1.0, -1.0, 0.5, 1.0 / 3.0, 255.0, 1e-30, -1e30, 3.4e38, 6e-39})
    EXPECT_TRUE(immediate(d)) << d;
  EXPECT_TRUE(immediate(std::ldexp(1.0, 128)));          // top of the range: exponent 1151
  EXPECT_TRUE(immediate(std::ldexp(1.9, -127)));         // bottom exponent, nonzero mantissa
  EXPECT_FALSE(immediate(std::ldexp(1.0, 129)));         // above the range
  EXPECT_FALSE(immediate(std::ldexp(1.0, -128)));        // below the range
  EXPECT_FALSE(immediate(std::ldexp(1.0, -127)));        // +-2**-127 collide with +-0.0: boxed
  EXPECT_FALSE(immediate(-std::ldexp(1.0, -127)));
  for (double d : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                   std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(),
                   std::numeric_limits<double>::max(), 1e300, -1e-300})
    EXPECT_FALSE(immediate(d)) << d;
}

TEST_F(ValueFloat, ImmediatesAreTaggedApartFromIntsAndObjects) {
  Value v = make_float(2.5);
  EXPECT_TRUE(v.is_imm_float());
  EXPECT_FALSE(v.is_obj());
  EXPECT_FALSE(v.is_small_int());
  EXPECT_FALSE(v.is_empty());
  EXPECT_TRUE(make_float(-0.0).is_imm_float());
  EXPECT_NE(make_float(0.0), make_float(-0.0));   // distinct values, distinct bits
  Value boxed = make_float(1e300);
  EXPECT_TRUE(boxed.is_obj());
  EXPECT_FALSE(boxed.is_imm_float());
  EXPECT_FALSE(Value::small_int(5).is_imm_float());
}

// Every double, immediate or boxed, comes back bit for bit (NaN payloads included).
TEST_F(ValueFloat, RoundTripIsExact) {
  std::mt19937_64 rng(12345);
  for (int i = 0; i < 200000; i++) {
    uint64_t b = rng();
    if (i % 4 == 1) b = (b & ~(uint64_t(0x7ff) << 52)) | (uint64_t(896 + rng() % 256) << 52);  // in range
    if (i % 4 == 2) b = (b & ~(uint64_t(0x7ff) << 52)) | (uint64_t(894 + rng() % 4) << 52);   // bottom edge
    if (i % 4 == 3) b = (b & ~(uint64_t(0x7ff) << 52)) | (uint64_t(1150 + rng() % 4) << 52);  // top edge
    double d = std::bit_cast<double>(b);
    Value v = make_float(d);
    ASSERT_EQ(bits_of(float_of(v)), b) << std::hex << b;
    ASSERT_TRUE(is_float(v));
    ASSERT_TRUE(is_exact_float(v));
  }
}

TEST_F(ValueFloat, RuntimeSeesAnExactFloat) {
  Value v = make_float(0.75);
  ASSERT_TRUE(v.is_imm_float());
  EXPECT_EQ(class_of(v), cls_float);
  EXPECT_EQ(kind_of(v), Kind::Float);
  EXPECT_TRUE(isinstance(v, cls_float));
  EXPECT_EQ(type_name(v), "float");
  EXPECT_EQ(repr_std(v), "0.75");
  EXPECT_EQ(str_std(v), "0.75");
  // Equal values hash alike however they are stored, and like the equal int.
  EXPECT_EQ(hash_value(make_float(3.0)), hash_value(make_int(3)));
  EXPECT_TRUE(equals(make_float(3.0), make_int(3)));
  EXPECT_TRUE(equals(make_float(0.0), make_float(-0.0)));
  EXPECT_EQ(hash_value(make_float(0.0)), hash_value(make_float(-0.0)));
  EXPECT_TRUE(truthy(make_float(0.5)));
  EXPECT_FALSE(truthy(make_float(-0.0)));
  // A boxed float and an immediate of different values still compare by value.
  EXPECT_TRUE(compare_bool(CmpOp::Lt, make_float(1.5), make_float(1e300)));
}

}  // namespace
