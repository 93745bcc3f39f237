// parser_stmt.cpp: statements -- simple statements (assignments, imports, flow control) and
// compound statements with their indented or same-line blocks.
#include "frontend/parser_internal.h"

namespace stmjit::frontend {

namespace {

bool at_stmt_end(const Token& t) {
  return t.kind == Tok::Newline || t.kind == Tok::EndMarker || t.is_op(";");
}

// Augmented assignment operator tokens.
bool aug_op(std::string_view s, Operator& op) {
  static const struct { std::string_view text; Operator op; } kOps[] = {
      {"+=", Operator::Add},     {"-=", Operator::Sub},      {"*=", Operator::Mul},
      {"/=", Operator::Div},     {"//=", Operator::FloorDiv}, {"%=", Operator::Mod},
      {"**=", Operator::Pow},    {"<<=", Operator::LShift},  {">>=", Operator::RShift},
      {"&=", Operator::BitAnd},  {"|=", Operator::BitOr},    {"^=", Operator::BitXor},
      {"@=", Operator::MatMult}};
  for (const auto& o : kOps)
    if (o.text == s) {
      op = o.op;
      return true;
    }
  return false;
}

// Targets for which CPython 3.11 suggests '==' ("cannot assign to X here. Maybe you meant...").
bool suggests_equality(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant:
      return e.const_kind != ConstKind::True && e.const_kind != ConstKind::False &&
             e.const_kind != ConstKind::None;
    case ExprKind::UnaryOp: return e.unary_op != UnaryOperator::Not;
    case ExprKind::Call: case ExprKind::BinOp: case ExprKind::Dict: case ExprKind::Set:
    case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp:
    case ExprKind::GeneratorExp: case ExprKind::JoinedStr:
      return true;
    default:
      return false;
  }
}

}  // namespace

void Parser::parse_statement(StmtList& out) {
  const Token& t = tok();
  if (t.kind == Tok::Indent) syntax_error_here();
  if (t.kind == Tok::Newline) {
    next();
    return;
  }
  if (t.kind == Tok::Name) {
    std::string_view k = t.text;
    if (k == "if") { out.push_back(parse_if(false)); return; }
    if (k == "while") { out.push_back(parse_while()); return; }
    if (k == "for") { out.push_back(parse_for()); return; }
    if (k == "try") { out.push_back(parse_try()); return; }
    if (k == "with") { out.push_back(parse_with()); return; }
    if (k == "def") { out.push_back(parse_def({})); return; }
    if (k == "class") { out.push_back(parse_class({})); return; }
    if (k == "async") {
      const Token& n = tok(1);
      if (n.is_name("def")) fail_at(t, "'async def' is not supported by stmjit");
      if (n.is_name("for")) fail_at(t, "'async for' is not supported by stmjit");
      if (n.is_name("with")) fail_at(t, "'async with' is not supported by stmjit");
    }
    if (k == "match" && tok(1).kind != Tok::Newline && !tok(1).is_op("=")) {
      // `match` is a soft keyword: only a line that fails to parse as a simple statement and
      // ends in ':' is a match statement.
      size_t save = idx_;
      try {
        parse_simple_statements(out);
        return;
      } catch (const SyntaxErrorException&) {
        size_t i = save;
        while (i + 1 < toks_.size() && toks_[i + 1].kind != Tok::Newline) ++i;
        if (toks_[i].is_op(":")) fail_at(t, "'match' statements are not supported by stmjit");
        throw;
      }
    }
  } else if (t.is_op("@")) {
    out.push_back(parse_decorated());
    return;
  }
  parse_simple_statements(out);
}

void Parser::parse_simple_statements(StmtList& out) {
  for (;;) {
    out.push_back(parse_simple_statement());
    if (!accept_op(";")) break;
    if (tok().kind == Tok::Newline) break;
  }
  if (tok().kind == Tok::Newline) {
    next();
    return;
  }
  if (tok().kind == Tok::EndMarker) return;
  syntax_error_here();
}

StmtPtr Parser::parse_simple_statement() {
  const Token& t = tok();
  if (t.kind != Tok::Name) return parse_expression_statement();
  std::string_view k = t.text;
  // Copied: parsing sub-expressions (lambda) may grow scopes_ and move its elements.
  const Scope scope = scopes_.back();
  if (k == "pass" || k == "break" || k == "continue") {
    next();
    auto s = make_stmt(k == "pass" ? StmtKind::Pass : k == "break" ? StmtKind::Break : StmtKind::Continue, t);
    if (k == "break" && scope.loops == 0) defer_error(t.line, t.col, "'break' outside loop", t.end_col);
    if (k == "continue" && scope.loops == 0)
      defer_error(t.line, t.col, "'continue' not properly in loop", t.end_col);
    finish_stmt(*s);
    return s;
  }
  if (k == "return") {
    next();
    auto s = make_stmt(StmtKind::Return, t);
    if (!at_stmt_end(tok())) s->value = parse_star_expressions();
    finish_stmt(*s);
    if (!scope.function)
      defer_error(t.line, t.col, "'return' outside function",
                  last_end_line_ == t.line ? toks_[idx_ - 1].end_col : -1);
    return s;
  }
  if (k == "raise") {
    next();
    auto s = make_stmt(StmtKind::Raise, t);
    if (!at_stmt_end(tok())) {
      s->value = parse_expression();
      if (accept_kw("from")) s->test = parse_expression();
    }
    finish_stmt(*s);
    return s;
  }
  if (k == "global" || k == "nonlocal") {
    next();
    auto s = make_stmt(k == "global" ? StmtKind::Global : StmtKind::Nonlocal, t);
    do {
      s->identifiers.push_back(expect_name());
    } while (accept_op(","));
    finish_stmt(*s);
    if (k == "nonlocal" && scopes_.size() == 1)
      defer_error(t.line, t.col, "nonlocal declaration not allowed at module level",
                  toks_[idx_ - 1].end_col);
    return s;
  }
  if (k == "del") {
    next();
    auto s = make_stmt(StmtKind::Delete, t);
    do {
      if (at_stmt_end(tok())) break;
      ExprPtr e = parse_star_expression();
      with_range(*e, toks_[idx_ - 1], [&] { set_del(*e); });
      s->targets.push_back(std::move(e));
    } while (accept_op(","));
    if (s->targets.empty()) syntax_error_here();
    finish_stmt(*s);
    return s;
  }
  if (k == "assert") {
    next();
    auto s = make_stmt(StmtKind::Assert, t);
    s->test = parse_expression();
    if (accept_op(",")) s->value = parse_expression();
    finish_stmt(*s);
    return s;
  }
  if (k == "import") return parse_import();
  if (k == "from") return parse_from_import();
  return parse_expression_statement();
}

StmtPtr Parser::parse_expression_statement() {
  const Token& start = tok();
  auto value_expr = [&] { return at_kw("yield") ? parse_yield() : parse_star_expressions(); };
  ExprPtr first = value_expr();
  const Token& first_last = toks_[idx_ - 1];
  Operator op;
  if (at_op(":")) {
    next();
    with_range(*first, first_last, [&] { check_ann_target(*first); });
    set_store(*first);
    auto s = make_stmt(StmtKind::AnnAssign, start);
    s->targets.push_back(std::move(first));
    s->test = parse_expression();
    if (accept_op("=")) s->value = value_expr();
    finish_stmt(*s);
    return s;
  }
  if (tok().kind == Tok::Op && aug_op(tok().text, op)) {
    next();
    with_range(*first, first_last, [&] { check_aug_target(*first); });
    first->ctx = ExprContext::Store;
    auto s = make_stmt(StmtKind::AugAssign, start);
    s->op = op;
    s->targets.push_back(std::move(first));
    s->value = value_expr();
    finish_stmt(*s);
    return s;
  }
  if (at_op("=")) {
    const Token& first_end = first_last;
    ExprList parts;
    std::vector<const Token*> lasts{&first_last};
    parts.push_back(std::move(first));
    while (accept_op("=")) {
      parts.push_back(value_expr());
      lasts.push_back(&toks_[idx_ - 1]);
    }
    auto s = make_stmt(StmtKind::Assign, start);
    s->value = std::move(parts.back());
    parts.pop_back();
    if (parts.size() == 1 && suggests_equality(*parts[0])) {
      src_.fail(start.line, start.col,
                std::string("cannot assign to ") + expr_description(*parts[0]) +
                    " here. Maybe you meant '==' instead of '='?",
                first_end.end_line == start.line ? first_end.end_col : -1);
    }
    for (size_t i = 0; i < parts.size(); ++i)
      with_range(*parts[i], *lasts[i], [&] { set_store(*parts[i]); });
    s->targets = std::move(parts);
    finish_stmt(*s);
    return s;
  }
  auto s = make_stmt(StmtKind::Expr, start);
  s->value = std::move(first);
  finish_stmt(*s);
  return s;
}

void Parser::parse_block(StmtList& out, const char* what, int header_line) {
  if (tok().kind != Tok::Newline) {
    parse_simple_statements(out);
    return;
  }
  next();
  const Token& t = tok();
  if (t.kind == Tok::EndMarker) {
    // At end of file CPython reports the header's line without a caret.
    src_.fail_raw(last_end_line_, 0, std::string("expected an indented block after ") + what +
                  " on line " + std::to_string(header_line), "IndentationError");
  }
  if (t.kind != Tok::Indent) {
    src_.fail(t.line, t.col,
              std::string("expected an indented block after ") + what + " on line " +
                  std::to_string(header_line),
              t.end_col, "IndentationError");
  }
  next();
  while (tok().kind != Tok::Dedent && tok().kind != Tok::EndMarker) parse_statement(out);
  if (tok().kind == Tok::Dedent) next();
}

StmtPtr Parser::parse_if(bool is_elif) {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::If, kw);
  s->test = parse_named_expression();
  expect_colon();
  parse_block(s->body, is_elif ? "'elif' statement" : "'if' statement", kw.line);
  if (at_kw("elif")) {
    s->orelse.push_back(parse_if(true));
  } else if (at_kw("else")) {
    const Token& e = next();
    expect_colon();
    parse_block(s->orelse, "'else' statement", e.line);
  }
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_while() {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::While, kw);
  s->test = parse_named_expression();
  expect_colon();
  ++scopes_.back().loops;
  parse_block(s->body, "'while' statement", kw.line);
  --scopes_.back().loops;
  if (at_kw("else")) {
    const Token& e = next();
    expect_colon();
    parse_block(s->orelse, "'else' statement", e.line);
  }
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_for() {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::For, kw);
  s->targets.push_back(parse_target_list(true));
  expect_kw("in");
  s->value = parse_star_expressions();
  expect_colon();
  ++scopes_.back().loops;
  parse_block(s->body, "'for' statement", kw.line);
  --scopes_.back().loops;
  if (at_kw("else")) {
    const Token& e = next();
    expect_colon();
    parse_block(s->orelse, "'else' statement", e.line);
  }
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_try() {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::Try, kw);
  expect_colon();
  parse_block(s->body, "'try' statement", kw.line);
  while (at_kw("except")) {
    const Token& ek = next();
    if (at_op("*")) fail_at(ek, "'except*' is not supported by stmjit");
    if (!s->handlers.empty() && !s->handlers.back().type)
      defer_error(s->handlers.back().pos.line, s->handlers.back().pos.col,
                  "default 'except:' must be last");
    ExceptHandler h;
    h.pos = Pos{ek.line, ek.col};
    if (!at_op(":")) {
      const Token& ts = tok();
      h.type = parse_expression();
      if (at_op(",")) fail_at(ts, "multiple exception types must be parenthesized");
      if (accept_kw("as")) h.name = expect_name();
    }
    expect_colon();
    parse_block(h.body, "'except' statement", ek.line);
    s->handlers.push_back(std::move(h));
  }
  if (at_kw("else")) {
    const Token& e = tok();
    if (s->handlers.empty()) fail_at(e, "expected 'except' or 'finally' block");
    next();
    expect_colon();
    parse_block(s->orelse, "'else' statement", e.line);
  }
  if (at_kw("finally")) {
    const Token& f = next();
    expect_colon();
    parse_block(s->finalbody, "'finally' statement", f.line);
  }
  if (s->handlers.empty() && s->finalbody.empty()) {
    size_t i = idx_;
    while (i > 0 && (toks_[i - 1].kind == Tok::Newline || toks_[i - 1].kind == Tok::Dedent)) --i;
    const Token& p = toks_[i > 0 ? i - 1 : 0];
    if (tok().kind == Tok::EndMarker || tok().kind == Tok::Dedent)
      src_.fail_raw(p.end_line, 0, "expected 'except' or 'finally' block");
    src_.fail(p.end_line, p.end_col, "expected 'except' or 'finally' block");
  }
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_with() {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::With, kw);
  auto single_item = [&] {
    WithItem w;
    w.context_expr = parse_expression();
    if (accept_kw("as")) {
      if (at_op("*")) syntax_error_here();
      w.optional_vars = parse_bitor();
      with_range(*w.optional_vars, toks_[idx_ - 1], [&] { set_store(*w.optional_vars); });
    }
    return w;
  };
  bool done = false;
  if (at_op("(")) {
    // Python 3.9+ parenthesized form `with (a as b, c as d):`; otherwise `(` starts an
    // ordinary expression, so try it and fall back.
    size_t save = idx_;
    auto saved_deferred = deferred_;
    try {
      next();
      std::vector<WithItem> items;
      while (!at_op(")")) {
        items.push_back(single_item());
        if (!accept_op(",")) break;
      }
      expect_op(")");
      if (!at_op(":")) throw SyntaxErrorException(SyntaxErrorInfo{});
      s->items = std::move(items);
      done = true;
    } catch (const SyntaxErrorException&) {
      idx_ = save;
      deferred_ = saved_deferred;
    }
  }
  if (!done) {
    do {
      s->items.push_back(single_item());
    } while (accept_op(","));
  }
  expect_colon();
  parse_block(s->body, "'with' statement", kw.line);
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_decorated() {
  ExprList decorators;
  while (at_op("@")) {
    next();
    decorators.push_back(parse_named_expression());
    if (tok().kind != Tok::Newline) syntax_error_here();
    next();
  }
  if (at_kw("def")) return parse_def(std::move(decorators));
  if (at_kw("class")) return parse_class(std::move(decorators));
  if (at_kw("async") && tok(1).is_name("def")) fail_at(tok(), "'async def' is not supported by stmjit");
  syntax_error_here();
}

StmtPtr Parser::parse_def(ExprList decorators) {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::FunctionDef, kw);
  s->decorators = std::move(decorators);
  s->name = expect_name();
  expect_op("(");
  s->arguments = parse_parameters(")", true);
  expect_op(")");
  if (accept_op("->")) s->arguments->returns = parse_expression();
  expect_colon();
  scopes_.push_back(Scope{true, 0});
  parse_block(s->body, "function definition", kw.line);
  scopes_.pop_back();
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_class(ExprList decorators) {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::ClassDef, kw);
  s->decorators = std::move(decorators);
  s->name = expect_name();
  if (at_op("(")) {
    ExprPtr call = parse_call(nullptr);
    s->exprs = std::move(call->elts);
    s->keywords = std::move(call->keywords);
  }
  expect_colon();
  scopes_.push_back(Scope{false, 0});
  parse_block(s->body, "class definition", kw.line);
  scopes_.pop_back();
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_import() {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::Import, kw);
  do {
    Alias a;
    a.pos = Pos{tok().line, tok().col};
    a.name = expect_name();
    while (accept_op(".")) a.name += "." + expect_name();
    if (accept_kw("as")) a.asname = expect_name();
    s->names.push_back(std::move(a));
  } while (accept_op(","));
  finish_stmt(*s);
  return s;
}

StmtPtr Parser::parse_from_import() {
  const Token& kw = next();
  auto s = make_stmt(StmtKind::ImportFrom, kw);
  for (;;) {
    if (accept_op(".")) ++s->level;
    else if (accept_op("...")) s->level += 3;
    else break;
  }
  if (!at_kw("import")) {
    s->name = expect_name();
    while (accept_op(".")) s->name += "." + expect_name();
  }
  expect_kw("import");
  if (at_op("*")) {
    Alias star;
    star.pos = Pos{tok().line, tok().col};
    star.name = "*";
    next();
    s->names.push_back(std::move(star));
    finish_stmt(*s);
    return s;
  }
  bool paren = accept_op("(");
  do {
    if (paren && at_op(")")) break;
    Alias a;
    a.pos = Pos{tok().line, tok().col};
    a.name = expect_name();
    if (accept_kw("as")) a.asname = expect_name();
    s->names.push_back(std::move(a));
  } while (accept_op(","));
  if (paren) expect_op(")");
  if (s->names.empty()) syntax_error_here();
  finish_stmt(*s);
  return s;
}

}  // namespace stmjit::frontend
