// test_resume.cpp: execution can resume at any bytecode boundary from a frame rebuilt outside
// the interpreter — the property the tracing JIT's deoptimization relies on. Frames are plain
// data (code, pc, locals, value stack), so a guard failure can write one and call eval_frame.
#include <gtest/gtest.h>

#include "interpreter/compiler.h"
#include "interpreter/interpreter.h"

namespace stmjit {
namespace {

CodeObj* function_code(const char* src, ModuleObj* m) {
  CodeObj* mod = compile_source(src, "<resume>", m);
  for (int32_t k = 0; k < mod->nconsts; k++)
    if (mod->consts[k].is_obj() && mod->consts[k].as_obj()->cls == cls_code) return mod->consts[k].as<CodeObj>();
  return nullptr;
}

int32_t local_index(const CodeObj* c, std::string_view name) {
  for (int32_t i = 0; i < c->nlocals; i++)
    if (str_view(c->varnames[i]) == name) return i;
  return -1;
}

// A frame for `code` positioned at the first instruction of source line `line`.
Frame* rebuild_frame(CodeObj* code, ModuleObj* m, int32_t line) {
  Frame* f = static_cast<Frame*>(gc_alloc(frame_size(code)));
  f->code = code;
  f->globals = m;
  f->pc = -1;
  for (int32_t pc = 0; pc < code->ninstrs; pc++)
    if (code->lines[pc] == line) { f->pc = pc; break; }
  f->sp = 0;
  return f;
}

class Resume : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_init(0, nullptr);
    interpreter_init();
  }
};

const char* kLoop =
    "def total(n):\n"          // 1
    "    s = 0\n"              // 2
    "    i = 0\n"              // 3
    "    while i < n:\n"       // 4
    "        s += i * i\n"     // 5
    "        i += 1\n"         // 6
    "    return s\n";          // 7

TEST_F(Resume, MidLoopFromRebuiltFrame) {
  ModuleObj* m = module_new("resume_test");
  CodeObj* code = function_code(kLoop, m);
  ASSERT_NE(code, nullptr);
  Frame* f = rebuild_frame(code, m, 4);   // at the loop test, as a trace exit would leave it
  ASSERT_GE(f->pc, 0);
  f->slots[local_index(code, "n")] = make_int(10);
  f->slots[local_index(code, "s")] = make_int(1000);   // state "computed by compiled code"
  f->slots[local_index(code, "i")] = make_int(7);
  Value r = eval_frame(f);
  EXPECT_EQ(r, make_int(1000 + 49 + 64 + 81));
}

TEST_F(Resume, ResumedFrameRaisesNormally) {
  ModuleObj* m = module_new("resume_test2");
  CodeObj* code = function_code(kLoop, m);
  ASSERT_NE(code, nullptr);
  Frame* f = rebuild_frame(code, m, 5);
  f->slots[local_index(code, "n")] = make_int(3);
  f->slots[local_index(code, "s")] = make_str("text");   // s += i * i now raises TypeError
  f->slots[local_index(code, "i")] = make_int(1);
  try {
    eval_frame(f);
    FAIL() << "expected TypeError";
  } catch (const PyException& e) {
    EXPECT_TRUE(isinstance(e.exc, exc_TypeError));
  }
}

}  // namespace
}  // namespace stmjit
