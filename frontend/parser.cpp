// parser.cpp: parse_module entry point and the Parser's token-level helpers.
#include <algorithm>
#include <string>

#include "frontend/parser.h"
#include "frontend/parser_internal.h"

namespace stmjit::frontend {

bool Parser::is_keyword(std::string_view s) {
  static const std::string_view kKeywords[] = {
      "False", "None",   "True",    "and",      "as",   "assert", "async",  "await",
      "break", "class",  "continue", "def",     "del",  "elif",   "else",   "except",
      "finally", "for",  "from",    "global",   "if",   "import", "in",     "is",
      "lambda", "nonlocal", "not",  "or",       "pass", "raise",  "return", "try",
      "while", "with",   "yield"};
  return std::find(std::begin(kKeywords), std::end(kKeywords), s) != std::end(kKeywords);
}

const Token& Parser::next() {
  const Token& t = tok();
  if (idx_ < toks_.size() - 1) ++idx_;
  if (t.kind != Tok::Newline && t.kind != Tok::Indent && t.kind != Tok::Dedent &&
      t.kind != Tok::EndMarker)
  {
    last_end_line_ = t.end_line;
    last_end_col_ = t.end_col;
  }
  return t;
}

bool Parser::accept_op(std::string_view op) {
  if (!at_op(op)) return false;
  next();
  return true;
}

bool Parser::accept_kw(std::string_view kw) {
  if (!at_kw(kw)) return false;
  next();
  return true;
}

void Parser::expect_op(std::string_view op) {
  if (!accept_op(op)) syntax_error_here();
}

void Parser::expect_kw(std::string_view kw) {
  if (!accept_kw(kw)) syntax_error_here();
}

void Parser::expect_colon() {
  if (accept_op(":")) return;
  check_unsupported_here();
  if (idx_ > 0 && (tok().kind == Tok::Newline || tok().kind == Tok::EndMarker)) {
    const Token& p = toks_[idx_ - 1];
    src_.fail(p.end_line, p.end_col, "expected ':'");
  }
  syntax_error_here();
}

bool Parser::at_name() const { return tok().kind == Tok::Name && !is_keyword(tok().text); }

std::string Parser::expect_name() {
  if (!at_name()) syntax_error_here();
  return std::string(next().text);
}

void Parser::fail_at(const Token& t, const std::string& msg) const {
  src_.fail(t.line, t.col, msg, t.end_line == t.line ? t.end_col : -1);
}

void Parser::fail_expr(const Expr& e, const std::string& msg) const {
  src_.fail(e.pos.line, e.pos.col, msg);
}

void Parser::check_unsupported_here() const {
  const Token& t = tok();
  if (t.is_op(":=")) fail_at(t, "assignment expressions (:=) are not supported by stmjit");
  if (t.is_name("await")) fail_at(t, "'await' expressions are not supported by stmjit");
  if (t.is_name("async")) fail_at(t, "'async' is not supported by stmjit");
}

void Parser::syntax_error_here() const {
  check_unsupported_here();
  const Token& t = tok();
  if (t.kind == Tok::Indent) src_.fail_raw(t.line, t.end_col, "unexpected indent", "IndentationError");
  if (t.kind == Tok::Dedent && idx_ > 0) {
    // An unexpected dedent ends a statement early: CPython points at the line's end.
    const Token& p = toks_[idx_ - 1];
    src_.fail(p.end_line, p.end_col, "invalid syntax");
  }
  if (t.kind == Tok::EndMarker) src_.fail(t.line, t.col, "unexpected EOF while parsing");
  if (t.kind == Tok::Newline) src_.fail(t.line, t.col, "invalid syntax");
  fail_at(t, "invalid syntax");
}

void Parser::defer_error(int line, int col, const std::string& msg, int end_col) {
  if (!deferred_) deferred_ = src_.make_info(line, col, msg, end_col, "SyntaxError");
}

ExprPtr Parser::make(ExprKind k, const Token& at) const { return make(k, Pos{at.line, at.col}); }

ExprPtr Parser::make(ExprKind k, Pos p) const {
  auto e = std::make_unique<Expr>();
  e->kind = k;
  e->pos = p;
  return e;
}

StmtPtr Parser::make_stmt(StmtKind k, const Token& at) const {
  auto s = std::make_unique<Stmt>();
  s->kind = k;
  s->pos = Pos{at.line, at.col};
  return s;
}

Module Parser::parse_file() {
  Module m;
  try {
    while (tok().kind != Tok::EndMarker) parse_statement(m.body);
  } catch (const SyntaxErrorException& e) {
    // A parse error at (or after) the tokenizer's failure point is really the tokenizer's.
    if (lex_error_ && tok().kind == Tok::Error) throw SyntaxErrorException(*lex_error_);
    // Like CPython, a generic "invalid syntax" gives way to an error the tokenizer finds
    // further on, e.g. "'(' was never closed" for `x = (1, 2` followed by more lines.
    if (lex_error_ && e.info().message == "invalid syntax") throw SyntaxErrorException(*lex_error_);
    throw;
  }
  if (lex_error_) throw SyntaxErrorException(*lex_error_);
  if (deferred_) throw SyntaxErrorException(*deferred_);
  return m;
}

ExprPtr Parser::parse_fragment_expression() {
  ExprPtr e = at_kw("yield") ? parse_yield() : parse_star_expressions();
  if (tok().kind != Tok::EndMarker) syntax_error_here();
  return e;
}

}  // namespace stmjit::frontend

namespace stmjit {

ast::Module parse_module(std::string_view source, const std::string& filename) {
  // Universal newlines (\r\n and lone \r become \n) and an optional UTF-8 BOM, as CPython.
  std::string text;
  if (source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  text.reserve(source.size() + 1);
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      text += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      text += c;
    }
  }
  frontend::SourceText src(text, filename);
  std::optional<SyntaxErrorInfo> lex_error;
  std::vector<frontend::Token> toks = frontend::tokenize_module(src, lex_error);
  frontend::Parser p(src, std::move(toks));
  p.lex_error_ = std::move(lex_error);
  ast::Module m = p.parse_file();
  m.filename = filename;
  return m;
}

}  // namespace stmjit
