// test_compiler.cpp: the compiler's output checked through the disassembler: scopes (fast,
// global, cell/free variables), exception tables, generator flags and stack sizes.
#include <gtest/gtest.h>

#include "frontend/parser.h"
#include "interpreter/compiler.h"
#include "interpreter/interpreter.h"

namespace stmjit {
namespace {

CodeObj* compile_text(const std::string& src) {
  static bool init = false;
  if (!init) {
    runtime_init(0, nullptr);
    interpreter_init();
    init = true;
  }
  return compile_source(src, "<test>", module_new("__test__"));
}

CodeObj* child(CodeObj* c, int i = 0) {
  int seen = 0;
  for (int32_t k = 0; k < c->nconsts; k++)
    if (c->consts[k].is_obj() && c->consts[k].as_obj()->cls == cls_code && seen++ == i) return c->consts[k].as<CodeObj>();
  return nullptr;
}

TEST(Compiler, ModuleNamesAreGlobals) {
  std::string d = disassemble(compile_text("x = 1\nprint(x)\n"));
  EXPECT_NE(d.find("STORE_GLOBAL"), std::string::npos);
  EXPECT_NE(d.find("LOAD_GLOBAL"), std::string::npos);
  EXPECT_EQ(d.find("LOAD_FAST"), std::string::npos);
}

TEST(Compiler, FunctionLocalsAndClosures) {
  CodeObj* m = compile_text("def f(a):\n  b = a\n  def g():\n    return b\n  return g\n");
  CodeObj* f = child(m);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->argcount, 1);
  EXPECT_EQ(f->ncells, 1);       // b is captured by g
  EXPECT_EQ(str_view(f->cellvars[0]), "b");
  CodeObj* g = child(f);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->nfrees, 1);
  EXPECT_EQ(str_view(g->qualname), "f.<locals>.g");
  EXPECT_NE(disassemble(g, false).find("LOAD_DEREF"), std::string::npos);
}

TEST(Compiler, GeneratorFlagAndExceptionTable) {
  CodeObj* m = compile_text("def gen():\n  try:\n    yield 1\n  except ValueError:\n    pass\n");
  CodeObj* g = child(m);
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->flags & CO_GENERATOR);
  EXPECT_GE(g->nexc, 1);
  EXPECT_GE(g->stacksize, 2);
}

TEST(Compiler, ZeroArgSuperUsesClassCell) {
  CodeObj* m = compile_text("class A:\n  def f(self):\n    return super().f()\n");
  CodeObj* body = child(m);
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->ncells, 1);
  EXPECT_EQ(str_view(body->cellvars[0]), "__class__");
  CodeObj* f = child(body);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(str_view(f->freevars[0]), "__class__");
}

TEST(Compiler, ScopeErrorsAreSyntaxErrors) {
  EXPECT_THROW(compile_text("def f():\n  nonlocal x\n"), SyntaxErrorException);
  EXPECT_THROW(compile_text("return 1\n"), SyntaxErrorException);
  EXPECT_THROW(compile_text("break\n"), SyntaxErrorException);
}

}  // namespace
}  // namespace stmjit
