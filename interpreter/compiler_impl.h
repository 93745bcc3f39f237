// compiler_impl.h: the code generator's internal state, shared by compiler.cpp (units, labels,
// the exception table, assembling CodeObj), compiler_stmt.cpp and compiler_expr.cpp.
//
// Exception handling follows CPython 3.11: no setup/pop-block instructions; every instruction
// records the innermost active handler (a label plus the stack depth to cut back to), and
// runs of instructions with the same handler become the code's exception table. The compiler
// tracks the value-stack depth of every instruction, which gives both handler depths and the
// frame's stack size.
#pragma once
#include <string>
#include <vector>

#include "frontend/parser.h"
#include "interpreter/compiler.h"
#include "interpreter/symtable.h"

namespace stmjit {

// A block the compiler is inside of, needed to unwind for break/continue/return.
// ExceptMatch covers the `except X:` matching code of a handler section; a handler body is a
// HandlerCleanup of its own, which is what restores the previous exception when left early.
enum class FBlockKind { WhileLoop, ForLoop, TryExcept, TryFinally, FinallyEnd, ExceptMatch, HandlerCleanup, With };

struct FBlock {
  FBlock(FBlockKind k, int h = -1, int hd = 0, int brk = -1, int cont = -1)
      : kind(k), handler(h), handler_depth(hd), break_label(brk), continue_label(cont) {}
  FBlockKind kind;
  int handler = -1;              // label of the exception handler covering this block, or -1
  int handler_depth = 0;         // stack depth the handler cuts back to
  int break_label = -1, continue_label = -1;
  const ast::StmtList* finalbody = nullptr;   // TryFinally
  std::string name;              // HandlerCleanup: the `except ... as name` to clear
};

// The source range (and caret anchors) of an expression, for instruction locations.
InstrLoc expr_location(const ast::Expr& e);

struct LabelInfo {
  int pos = -1;                  // instruction index once bound
  int depth = -1;                // stack depth at the label (from the first jump seen)
};

struct Unit {
  Scope* scope;
  std::vector<uint32_t> code;
  std::vector<int32_t> lines;
  std::vector<InstrLoc> locs;
  InstrLoc loc;                          // range of the expression being compiled
  std::vector<int32_t> handler_of;       // per instruction: index into `handlers` or -1
  std::vector<std::pair<int, int>> handlers;   // (label, depth)
  GcVector<Value> consts;
  NameList names;
  std::vector<LabelInfo> labels;
  std::vector<FBlock> fblocks;
  int depth = 0, maxdepth = 0;
  bool unreachable = false;
  int line = 0;
  int argcount = 0, posonlycount = 0, kwonlycount = 0, flags = 0;
};

class Compiler {
 public:
  Compiler(const ast::Module& m, ModuleObj* module, CompileMode mode = CompileMode::Module);
  ~Compiler();   // frees the units a compile error left open
  CodeObj* compile();

 private:
  const ast::Module& mod_;
  ModuleObj* module_;
  CompileMode mode_;
  std::unique_ptr<SymbolTable> st_;
  std::vector<Unit*> units_;
  Unit* u_ = nullptr;
  GcVector<Value> keepalive_;    // constants built during compilation (GC-visible)

  // ---- units (compiler.cpp) ----
  void enter_unit(Scope* s);
  CodeObj* leave_unit();
  [[noreturn]] void error(int line, const std::string& msg);

  // ---- SyntaxWarnings (compiler_warnings.cpp) ----
  void warn(int line, const std::string& msg);
  void check_caller(const ast::Expr& call);
  void check_subscript(const ast::Expr& subscript);
  bool check_is_literal(const ast::Expr& left, ast::CmpOperator op, const ast::Expr& right, int line);

  // ---- emission (compiler.cpp) ----
  void emit(Op op, uint32_t arg = 0);
  void emit_jump(Op op, int label);
  int new_label();
  void bind(int label);
  int add_const(Value v);
  int add_name(const std::string& n);
  void load_const(Value v) { emit(Op::LOAD_CONST, uint32_t(add_const(v))); }
  void load_none() { load_const(v_none()); }
  Value str_const(const std::string& s);
  void push_fblock(FBlock b) { u_->fblocks.push_back(std::move(b)); }
  void pop_fblock() { u_->fblocks.pop_back(); }
  int current_handler() const;
  void set_line(int line) { if (line > 0) u_->line = line; }

  // ---- statements (compiler_stmt.cpp) ----
  void stmts(const ast::StmtList& b);
  void stmt(const ast::Stmt& s);
  void function_def(const ast::Stmt& s);
  void class_def(const ast::Stmt& s);
  void setup_annotations(const ast::StmtList& body);
  void ann_assign(const ast::Stmt& s);
  void assign(const ast::Stmt& s);
  void aug_assign(const ast::Stmt& s);
  void emit_inplace(const ast::Expr& value, uint32_t op);
  void for_stmt(const ast::Stmt& s);
  void while_stmt(const ast::Stmt& s);
  void if_stmt(const ast::Stmt& s);
  void with_stmt(const ast::Stmt& s, size_t item);
  void try_stmt(const ast::Stmt& s);
  void try_except(const ast::Stmt& s);
  void try_finally(const ast::Stmt& s);
  void raise_stmt(const ast::Stmt& s);
  void assert_stmt(const ast::Stmt& s);
  void import_stmt(const ast::Stmt& s);
  void import_from(const ast::Stmt& s);
  void return_stmt(const ast::Stmt& s);
  void break_continue(const ast::Stmt& s, bool is_break);
  void delete_target(const ast::Expr& t);
  // Emits the code leaving block `b` early; `preserve_tos` keeps a return value on top.
  void unwind_fblock(const FBlock& b, bool preserve_tos);
  void call_exit_none();
  void clear_name(const std::string& n);

  // ---- expressions (compiler_expr.cpp) ----
  void expr(const ast::Expr& e);
  // Float temporaries: compiles an operand, returns its producer's index or -1; see the .cpp.
  int temp_operand(const ast::Expr& e);
  bool temp_can_wait(size_t start) const;
  uint32_t mark_temp(int index, uint32_t consumer_flag);
  void store_target(const ast::Expr& t);
  void store_target_here(const ast::Expr& t);
  bool constant_set_display(const ast::Expr& e);
  void name_op(const std::string& n, ast::ExprContext ctx);
  void constant(const ast::Expr& e);
  void call(const ast::Expr& e);
  bool call_args(const ast::Expr& e);      // false: needs CALL_EX (starred / **)
  void call_ex_args(const ast::Expr& e);
  void compare(const ast::Expr& e);
  void boolop(const ast::Expr& e);
  void collection(const ast::Expr& e);
  void dict_display(const ast::Expr& e);
  void fstring(const ast::Expr& e);
  void subscript_slice(const ast::Expr& e);
  void comprehension(const ast::Expr& e);
  void comprehension_level(const ast::Expr& e, size_t i);
  void lambda(const ast::Expr& e);
  void unpack(const ast::Expr& t);
  void jump_if(const ast::Expr& e, bool cond, int label);
  // Pushes a function object for `scope` (whose code is `code`) with its defaults/closure.
  void make_function(Scope* scope, CodeObj* code, const ast::Arguments* args);
  CodeObj* function_body(const ast::Stmt* def, const ast::Expr* lambda_expr);
  void set_params(Scope* s, const ast::Arguments& a);

  friend class CompilerTestAccess;
};

}  // namespace stmjit
