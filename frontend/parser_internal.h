// parser_internal.h: the recursive-descent Parser shared by parser*.cpp (private to frontend).
//
// One Parser works over one token vector. f-string replacement fields are parsed by a nested
// Parser over a fragment token vector of the same SourceText, so positions stay absolute.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/lexer.h"
#include "frontend/parser_util.h"

namespace stmjit::frontend {

using namespace stmjit::ast;

class Parser {
 public:
  Parser(const SourceText& src, std::vector<Token> toks) : src_(src), toks_(std::move(toks)) {}

  Module parse_file();
  // For f-string fields: parses the whole token vector as one (yield or star) expression.
  ExprPtr parse_fragment_expression();

  // ---- token helpers (parser.cpp)
  const Token& tok(int k = 0) const {
    size_t i = idx_ + k;
    return i < toks_.size() ? toks_[i] : toks_.back();
  }
  const Token& next();
  bool at_op(std::string_view op) const { return tok().is_op(op); }
  bool at_kw(std::string_view kw) const { return tok().is_name(kw); }
  bool accept_op(std::string_view op);
  bool accept_kw(std::string_view kw);
  void expect_op(std::string_view op);
  void expect_kw(std::string_view kw);
  // `expected ':'` reported at the end of the previous token, as CPython does.
  void expect_colon();
  std::string expect_name();
  bool at_name() const;  // a NAME that is not a keyword
  [[noreturn]] void fail_at(const Token& t, const std::string& msg) const;
  [[noreturn]] void fail_expr(const Expr& e, const std::string& msg) const;
  [[noreturn]] void syntax_error_here() const;  // "invalid syntax" at the current token
  void check_unsupported_here() const;         // named errors for := await etc.
  static bool is_keyword(std::string_view s);

  // ---- expressions (parser_expr.cpp)
  ExprPtr parse_star_expressions();       // a, *b  -> Tuple when there is a comma
  ExprPtr parse_star_expressions_node();
  ExprPtr parse_star_expression();
  ExprPtr parse_star_expression_node();
  ExprPtr parse_expression();             // conditional / lambda
  ExprPtr parse_expression_node();
  ExprPtr parse_named_expression();       // expression, rejecting ':='
  ExprPtr parse_disjunction();
  ExprPtr parse_disjunction_node();
  ExprPtr parse_conjunction();
  ExprPtr parse_conjunction_node();
  ExprPtr parse_inversion();
  ExprPtr parse_inversion_node();
  ExprPtr parse_comparison();
  ExprPtr parse_comparison_node();
  ExprPtr parse_bitor();
  ExprPtr parse_binary(int level);
  ExprPtr parse_binary_node(int level);
  ExprPtr parse_factor();
  ExprPtr parse_factor_node();
  ExprPtr parse_power();
  ExprPtr parse_power_node();
  ExprPtr parse_primary();
  ExprPtr parse_atom();
  ExprPtr parse_atom_node();
  ExprPtr parse_paren();
  ExprPtr parse_paren_node();
  ExprPtr parse_list_display();
  ExprPtr parse_list_display_node();
  ExprPtr parse_brace_display();
  ExprPtr parse_brace_display_node();
  ExprPtr parse_lambda();
  ExprPtr parse_lambda_node();
  ExprPtr parse_yield();
  ExprPtr parse_yield_node();
  ExprPtr parse_call(ExprPtr func);
  ExprPtr parse_call_node(ExprPtr func);
  ExprPtr parse_subscript(ExprPtr value);
  ExprPtr parse_subscript_node(ExprPtr value);
  ExprPtr parse_slice_item();
  ExprPtr parse_slice_item_node();
  std::vector<Comprehension> parse_comprehensions();
  ExprPtr parse_target_list(bool stop_at_in);   // for-loop / comprehension targets
  std::unique_ptr<Arguments> parse_parameters(std::string_view close, bool annotations);
  ExprPtr make(ExprKind k, const Token& at) const;
  ExprPtr make(ExprKind k, Pos p) const;

  // ---- literals (parser_string.cpp)
  ExprPtr parse_strings();
  ExprPtr parse_number(const Token& t);

  // ---- targets (parser_target.cpp)
  void set_store(Expr& e, bool in_sequence = false);      // assignment targets
  void set_del(Expr& e);
  void check_aug_target(const Expr& e) const;
  void check_ann_target(const Expr& e) const;
  static const char* expr_description(const Expr& e);
  // Runs a target check on `e`; an error about `e` itself gets a caret range up to `last`
  // (the expression's last token), as CPython 3.11 prints it.
  template <class F>
  void with_range(const Expr& e, const Token& last, F check);

  // ---- statements (parser_stmt.cpp)
  void parse_statement(StmtList& out);
  void parse_simple_statements(StmtList& out);
  StmtPtr parse_simple_statement();
  StmtPtr parse_expression_statement();
  void parse_block(StmtList& out, const char* what, int header_line);
  StmtPtr parse_if(bool is_elif);
  StmtPtr parse_while();
  StmtPtr parse_for();
  StmtPtr parse_try();
  StmtPtr parse_with();
  StmtPtr parse_def(ExprList decorators);
  StmtPtr parse_class(ExprList decorators);
  StmtPtr parse_decorated();
  StmtPtr parse_import();
  StmtPtr parse_from_import();
  StmtPtr make_stmt(StmtKind k, const Token& at) const;
  void finish_stmt(Stmt& s) const { s.end_line = last_end_line_; }

  // Scope tracking for CPython's compile-time checks ('return' outside function, ...). They
  // are reported after the whole file parsed, like CPython's compiler does.
  struct Scope { bool function = false; int loops = 0; };
  void defer_error(int line, int col, const std::string& msg, int end_col = -1);

  const SourceText& src_;
  std::vector<Token> toks_;
  size_t idx_ = 0;
  int last_end_line_ = 0;
  int last_end_col_ = 0;
  // Sets e's end position to the end of the last consumed token, unless already set (inner
  // nodes finish first, so each node ends where its last token does).
  ExprPtr finish(ExprPtr e) const {
    if (e && e->end.line == 0) e->end = Pos{last_end_line_, last_end_col_};
    return e;
  }
  std::vector<Scope> scopes_{Scope{}};
  std::optional<SyntaxErrorInfo> deferred_;
  std::optional<SyntaxErrorInfo> lex_error_;   // reported when the parser reaches Tok::Error
  int fstring_depth_ = 0;
};

template <class F>
void Parser::with_range(const Expr& e, const Token& last, F check) {
  try {
    check();
  } catch (const SyntaxErrorException& ex) {
    SyntaxErrorInfo info = ex.info();
    bool about_e = (e.kind != ExprKind::Tuple && e.kind != ExprKind::List) ||
                   info.message == "multiple starred expressions in assignment";
    if (about_e && info.end_col == 0 && info.line == e.pos.line && last.end_line == e.pos.line &&
        info.col == src_.char_col(e.pos.line, e.pos.col)) {
      info.end_col = src_.char_col(last.end_line, last.end_col);
      throw SyntaxErrorException(std::move(info));
    }
    throw;
  }
}

}  // namespace stmjit::frontend
