// test_float_temporaries.cpp: float temporaries (kLeftTemp / kRightTemp / kResultTemp in
// interpreter/opcodes.h). Which operands the compiler marks, as the disassembler shows them,
// and that the interpreter really writes results into temporaries' boxes (bytes allocated).
#include <gc/gc.h>
#include <gtest/gtest.h>

#include "interpreter/compiler.h"
#include "interpreter/interpreter.h"

namespace stmjit {
namespace {

class FloatTemps : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_init(0, nullptr);
    interpreter_init();
  }
};

// The disassembly of the first function defined in `src`.
std::string dis_function(const char* src) {
  CodeObj* mod = compile_source(src, "<temps>", module_new("temps_dis"));
  for (int32_t k = 0; k < mod->nconsts; k++)
    if (mod->consts[k].is_obj() && mod->consts[k].as_obj()->cls == cls_code) return disassemble(mod->consts[k].as<CodeObj>(), false);
  return "";
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) n++;
  return n;
}

TEST_F(FloatTemps, ArithmeticOperandsAreMarked) {
  std::string d = dis_function("def f(a, b, c):\n  return a * b + b * c - -(c * a)\n");
  EXPECT_EQ(count(d, "(*, result temp)"), 3u) << d;
  EXPECT_EQ(count(d, "(+, left temp, right temp, result temp)"), 1u) << d;
  EXPECT_EQ(count(d, "(-, left temp, result temp)"), 1u) << d;    // unary minus of a temporary
  EXPECT_EQ(count(d, "(-, left temp, right temp)"), 1u) << d;     // the last one: result not a temporary
}

TEST_F(FloatTemps, NamesConstantsAndCallsAreNotTemporaries) {
  std::string d = dis_function("def f(a, g):\n  return (g(a) + a) * (a + 1.0)\n");
  EXPECT_EQ(count(d, "(+, result temp)"), 2u) << d;   // their operands are a call, a name, a constant
  EXPECT_EQ(count(d, "(*, left temp, right temp)"), 1u) << d;
}

TEST_F(FloatTemps, LeftTemporaryNotKeptAcrossCallsJumpsOrYields) {
  // A call, a conditional expression or a yield between the left operand and its consumer: the
  // left operand is not marked, and neither is its producer.
  for (const char* src : {"def f(a, g):\n  return a * a + g(a)\n",
                          "def f(a, c):\n  return a * a + (a if c else 1.0)\n",
                          "def f(a):\n  return a * a + (yield)\n",
                          "def f(a):\n  return a * a + sum([a * a for _ in 'ab'])\n"}) {
    std::string d = dis_function(src);
    EXPECT_EQ(d.find("left temp"), std::string::npos) << d;
    EXPECT_EQ(count(d, "(*)"), 1u) << d;   // the first a * a carries no flag
  }
}

TEST_F(FloatTemps, InplaceTargetIsNeverATemporary) {
  std::string d = dis_function("def f(x, a, b):\n  x += a * b\n  x -= a\n  return x\n");
  EXPECT_EQ(count(d, "(+, right temp)"), 1u) << d;
  EXPECT_EQ(count(d, "(*, result temp)"), 1u) << d;
  EXPECT_EQ(count(d, "(-)"), 1u) << d;
  EXPECT_EQ(d.find("left temp"), std::string::npos) << d;
}

// Bytes the collector handed out while f(n, a, b) ran.
size_t bytes_allocated(const char* src, int64_t n, double a, double b) {
  ModuleObj* m = module_new("temps_alloc");
  run_module_code(compile_source(src, "<temps>", m), m);
  Value f = module_get(m, intern("f"));
  Value args[] = {make_int(n), make_float(a), make_float(b)};
  size_t before = GC_get_total_bytes();
  call(f, args, 3);
  return GC_get_total_bytes() - before;
}

const char* kPlainLoop =
    "def f(n, a, b):\n  i = 0\n  while i < n:\n    p = a * b\n    q = b * a\n    s = p + q\n    t = -s\n"
    "    u = t + a\n    i += 1\n";
const char* kExpressionLoop = "def f(n, a, b):\n  i = 0\n  while i < n:\n    u = -(a * b + b * a) + a\n    i += 1\n";

TEST_F(FloatTemps, ResultsAreWrittenIntoTemporaries) {
  // The same five float operations per iteration: through variables each makes a new float;
  // as one expression the two sums and the negation reuse the boxes of the products. The
  // values are far outside the immediate range (runtime/value.h), so every result is boxed.
  const int64_t n = 200000;
  size_t plain = bytes_allocated(kPlainLoop, n, 1.25e200, -0.5e100);
  size_t temps = bytes_allocated(kExpressionLoop, n, 1.25e200, -0.5e100);
  // (The collector may round a 16-byte float up to a larger granule: compare the two runs.)
  EXPECT_GE(plain, size_t(n) * 5 * sizeof(FloatObj));   // the measure sees every float
  EXPECT_LE(temps * 2, plain);                           // 2 floats an iteration instead of 5
}

TEST_F(FloatTemps, ImmediateResultsAllocateNothing) {
  // Values near 1.0 are immediates: the same loops allocate no float at all (a few bytes of
  // frame or cache set-up at most, not one per iteration).
  const int64_t n = 200000;
  EXPECT_LT(bytes_allocated(kPlainLoop, n, 1.25, -0.5), size_t(n));
  EXPECT_LT(bytes_allocated(kExpressionLoop, n, 1.25, -0.5), size_t(n));
}

}  // namespace
}  // namespace stmjit
