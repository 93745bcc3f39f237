// parser_expr.cpp: expressions, by precedence level (Python 3.11 grammar: star_expressions
// down to atoms), plus displays, comprehensions, calls, subscripts, lambda and parameters.
#include <set>

#include "frontend/parser_internal.h"

namespace stmjit::frontend {

namespace {
Pos pos_of(const Token& t) { return Pos{t.line, t.col}; }
}  // namespace

// Each parse_X wraps parse_X_node and records where the node ends (for traceback carets).
ExprPtr Parser::parse_star_expressions() { return finish(parse_star_expressions_node()); }
ExprPtr Parser::parse_star_expression() { return finish(parse_star_expression_node()); }
ExprPtr Parser::parse_expression() { return finish(parse_expression_node()); }
ExprPtr Parser::parse_disjunction() { return finish(parse_disjunction_node()); }
ExprPtr Parser::parse_conjunction() { return finish(parse_conjunction_node()); }
ExprPtr Parser::parse_inversion() { return finish(parse_inversion_node()); }
ExprPtr Parser::parse_comparison() { return finish(parse_comparison_node()); }
ExprPtr Parser::parse_factor() { return finish(parse_factor_node()); }
ExprPtr Parser::parse_power() { return finish(parse_power_node()); }
ExprPtr Parser::parse_atom() { return finish(parse_atom_node()); }
ExprPtr Parser::parse_paren() { return finish(parse_paren_node()); }
ExprPtr Parser::parse_list_display() { return finish(parse_list_display_node()); }
ExprPtr Parser::parse_brace_display() { return finish(parse_brace_display_node()); }
ExprPtr Parser::parse_lambda() { return finish(parse_lambda_node()); }
ExprPtr Parser::parse_yield() { return finish(parse_yield_node()); }
ExprPtr Parser::parse_slice_item() { return finish(parse_slice_item_node()); }
ExprPtr Parser::parse_binary(int level) { return finish(parse_binary_node(level)); }
ExprPtr Parser::parse_call(ExprPtr func) { return finish(parse_call_node(std::move(func))); }
ExprPtr Parser::parse_subscript(ExprPtr value) { return finish(parse_subscript_node(std::move(value))); }

ExprPtr Parser::parse_star_expressions_node() {
  Pos start = pos_of(tok());
  ExprPtr first = parse_star_expression();
  if (!at_op(",")) return first;
  auto tup = make(ExprKind::Tuple, start);
  tup->elts.push_back(std::move(first));
  while (accept_op(",")) {
    // A trailing comma ends the tuple: stop at anything that cannot start an expression.
    const Token& t = tok();
    if (t.kind == Tok::Newline || t.kind == Tok::EndMarker || t.is_op("=") || t.is_op(")") ||
        t.is_op(";") || t.is_op(":") || t.is_op("]") || t.is_op("}") || t.is_name("in") ||
        (t.kind == Tok::Op && t.text.size() >= 2 && t.text.back() == '=' && t.text != "==" &&
         t.text != "!=" && t.text != "<=" && t.text != ">="))
      break;
    tup->elts.push_back(parse_star_expression());
  }
  return tup;
}

ExprPtr Parser::parse_star_expression_node() {
  if (at_op("*")) {
    const Token& star = next();
    auto e = make(ExprKind::Starred, star);
    e->left = parse_bitor();
    return e;
  }
  return parse_named_expression();
}

ExprPtr Parser::parse_named_expression() {
  ExprPtr e = parse_expression();
  if (at_op(":=")) check_unsupported_here();
  return e;
}

ExprPtr Parser::parse_expression_node() {
  if (at_kw("lambda")) return parse_lambda();
  const Token& start = tok();
  ExprPtr body = parse_disjunction();
  if (!at_kw("if")) return body;
  next();
  auto e = make(ExprKind::IfExp, start);
  e->left = parse_disjunction();
  if (!accept_kw("else")) {
    const Token& p = toks_[idx_ - 1];
    src_.fail(start.line, start.col, "expected 'else' after 'if' expression",
              p.end_line == start.line ? p.end_col : -1);
  }
  e->right = std::move(body);
  e->third = parse_expression();
  return e;
}

ExprPtr Parser::parse_disjunction_node() {
  const Token& start = tok();
  ExprPtr first = parse_conjunction();
  if (!at_kw("or")) return first;
  auto e = make(ExprKind::BoolOp, start);
  e->bool_op = BoolOperator::Or;
  e->values.push_back(std::move(first));
  while (accept_kw("or")) e->values.push_back(parse_conjunction());
  return e;
}

ExprPtr Parser::parse_conjunction_node() {
  const Token& start = tok();
  ExprPtr first = parse_inversion();
  if (!at_kw("and")) return first;
  auto e = make(ExprKind::BoolOp, start);
  e->bool_op = BoolOperator::And;
  e->values.push_back(std::move(first));
  while (accept_kw("and")) e->values.push_back(parse_inversion());
  return e;
}

ExprPtr Parser::parse_inversion_node() {
  if (at_kw("not")) {
    const Token& t = next();
    auto e = make(ExprKind::UnaryOp, t);
    e->unary_op = UnaryOperator::Not;
    e->left = parse_inversion();
    return e;
  }
  return parse_comparison();
}

ExprPtr Parser::parse_comparison_node() {
  const Token& start = tok();
  ExprPtr first = parse_bitor();
  ExprPtr cmp;
  for (;;) {
    const Token& t = tok();
    CmpOperator op;
    int width = 1;
    if (t.kind == Tok::Op) {
      if (t.text == "==") op = CmpOperator::Eq;
      else if (t.text == "!=") op = CmpOperator::NotEq;
      else if (t.text == "<") op = CmpOperator::Lt;
      else if (t.text == "<=") op = CmpOperator::LtE;
      else if (t.text == ">") op = CmpOperator::Gt;
      else if (t.text == ">=") op = CmpOperator::GtE;
      else break;
    } else if (t.is_name("in")) {
      op = CmpOperator::In;
    } else if (t.is_name("not") && tok(1).is_name("in")) {
      op = CmpOperator::NotIn;
      width = 2;
    } else if (t.is_name("is")) {
      if (tok(1).is_name("not")) { op = CmpOperator::IsNot; width = 2; }
      else op = CmpOperator::Is;
    } else {
      break;
    }
    for (int i = 0; i < width; ++i) next();
    if (!cmp) {
      cmp = make(ExprKind::Compare, start);
      cmp->left = std::move(first);
    }
    cmp->cmp_ops.push_back(op);
    cmp->values.push_back(parse_bitor());
  }
  return cmp ? std::move(cmp) : std::move(first);
}

ExprPtr Parser::parse_bitor() { return parse_binary(0); }

// Levels: 0 '|', 1 '^', 2 '&', 3 shifts, 4 '+' '-', 5 '*' '/' '//' '%' '@'; all left-assoc.
ExprPtr Parser::parse_binary_node(int level) {
  if (level > 5) return parse_factor();
  const Token& start = tok();
  ExprPtr left = parse_binary(level + 1);
  for (;;) {
    const Token& t = tok();
    if (t.kind != Tok::Op) break;
    std::string_view s = t.text;
    Operator op;
    switch (level) {
      case 0: if (s != "|") return left; op = Operator::BitOr; break;
      case 1: if (s != "^") return left; op = Operator::BitXor; break;
      case 2: if (s != "&") return left; op = Operator::BitAnd; break;
      case 3:
        if (s == "<<") op = Operator::LShift;
        else if (s == ">>") op = Operator::RShift;
        else return left;
        break;
      case 4:
        if (s == "+") op = Operator::Add;
        else if (s == "-") op = Operator::Sub;
        else return left;
        break;
      default:
        if (s == "*") op = Operator::Mul;
        else if (s == "/") op = Operator::Div;
        else if (s == "//") op = Operator::FloorDiv;
        else if (s == "%") op = Operator::Mod;
        else if (s == "@") op = Operator::MatMult;
        else return left;
        break;
    }
    next();
    auto e = make(ExprKind::BinOp, start);
    e->op = op;
    e->left = std::move(left);
    e->right = parse_binary(level + 1);
    left = finish(std::move(e));
  }
  return left;
}

ExprPtr Parser::parse_factor_node() {
  const Token& t = tok();
  if (t.kind == Tok::Op && (t.text == "-" || t.text == "+" || t.text == "~")) {
    next();
    auto e = make(ExprKind::UnaryOp, t);
    e->unary_op = t.text == "-" ? UnaryOperator::USub : t.text == "+" ? UnaryOperator::UAdd
                                                                       : UnaryOperator::Invert;
    e->left = parse_factor();
    return e;
  }
  return parse_power();
}

// power: primary ['**' factor] -- right-associative, and binds tighter than a unary minus on
// its left (-2**2 == -4) but not on its right (2**-1).
ExprPtr Parser::parse_power_node() {
  const Token& start = tok();
  ExprPtr base = parse_primary();
  if (!at_op("**")) return base;
  next();
  auto e = make(ExprKind::BinOp, start);
  e->op = Operator::Pow;
  e->left = std::move(base);
  e->right = parse_factor();
  return e;
}

ExprPtr Parser::parse_primary() {
  const Token& start = tok();
  if (start.is_name("await")) check_unsupported_here();
  ExprPtr e = parse_atom();
  for (;;) {
    if (at_op(".")) {
      next();
      auto a = make(ExprKind::Attribute, start);
      a->left = std::move(e);
      a->name = expect_name();
      e = finish(std::move(a));
    } else if (at_op("(")) {
      auto c = parse_call(std::move(e));
      c->pos = pos_of(start);
      e = std::move(c);
    } else if (at_op("[")) {
      auto s = parse_subscript(std::move(e));
      s->pos = pos_of(start);
      e = std::move(s);
    } else {
      return e;
    }
  }
}

ExprPtr Parser::parse_atom_node() {
  const Token& t = tok();
  switch (t.kind) {
    case Tok::Name: {
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        next();
        auto e = make(ExprKind::Constant, t);
        e->const_kind = t.text == "True" ? ConstKind::True : t.text == "False" ? ConstKind::False
                                                                                : ConstKind::None;
        return e;
      }
      if (is_keyword(t.text)) syntax_error_here();
      next();
      auto e = make(ExprKind::Name, t);
      e->name = std::string(t.text);
      return e;
    }
    case Tok::Number:
      next();
      return parse_number(t);
    case Tok::String:
      return parse_strings();
    case Tok::Op:
      if (t.text == "(") return parse_paren();
      if (t.text == "[") return parse_list_display();
      if (t.text == "{") return parse_brace_display();
      if (t.text == "...") {
        next();
        auto e = make(ExprKind::Constant, t);
        e->const_kind = ConstKind::Ellipsis;
        return e;
      }
      break;
    default:
      break;
  }
  syntax_error_here();
}

ExprPtr Parser::parse_paren_node() {
  const Token& open = next();
  if (accept_op(")")) return make(ExprKind::Tuple, open);
  if (at_kw("yield")) {
    ExprPtr y = parse_yield();
    expect_op(")");
    return y;
  }
  ExprPtr first = parse_star_expression();
  if (at_kw("for") || (at_kw("async") && tok(1).is_name("for"))) {
    auto g = make(ExprKind::GeneratorExp, open);
    g->left = std::move(first);
    g->generators = parse_comprehensions();
    expect_op(")");
    return g;
  }
  if (at_op(",")) {
    auto tup = make(ExprKind::Tuple, open);
    tup->elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op(")")) break;
      tup->elts.push_back(parse_star_expression());
    }
    expect_op(")");
    return tup;
  }
  if (!at_op(")")) syntax_error_here();
  next();
  if (first->kind == ExprKind::Starred) fail_expr(*first, "cannot use starred expression here");
  return first;
}

ExprPtr Parser::parse_list_display_node() {
  const Token& open = next();
  if (accept_op("]")) return make(ExprKind::List, open);
  ExprPtr first = parse_star_expression();
  if (at_kw("for") || (at_kw("async") && tok(1).is_name("for"))) {
    auto c = make(ExprKind::ListComp, open);
    c->left = std::move(first);
    c->generators = parse_comprehensions();
    expect_op("]");
    return c;
  }
  auto l = make(ExprKind::List, open);
  l->elts.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op("]")) break;
    l->elts.push_back(parse_star_expression());
  }
  expect_op("]");
  return l;
}

ExprPtr Parser::parse_brace_display_node() {
  const Token& open = next();
  if (accept_op("}")) return make(ExprKind::Dict, open);
  // Dict: first entry is `key: value` or `**mapping`.
  bool is_dict = false;
  ExprPtr first_key, first_value;
  if (accept_op("**")) {
    is_dict = true;
    first_value = parse_bitor();
  } else {
    first_key = parse_star_expression();
    if (accept_op(":")) {
      is_dict = true;
      first_value = parse_expression();
    }
  }
  if (is_dict) {
    if (first_key && (at_kw("for") || (at_kw("async") && tok(1).is_name("for")))) {
      auto c = make(ExprKind::DictComp, open);
      c->left = std::move(first_key);
      c->right = std::move(first_value);
      c->generators = parse_comprehensions();
      expect_op("}");
      return c;
    }
    auto d = make(ExprKind::Dict, open);
    d->elts.push_back(std::move(first_key));
    d->values.push_back(std::move(first_value));
    while (accept_op(",")) {
      if (at_op("}")) break;
      if (accept_op("**")) {
        d->elts.push_back(nullptr);
        d->values.push_back(parse_bitor());
      } else {
        d->elts.push_back(parse_expression());
        expect_op(":");
        d->values.push_back(parse_expression());
      }
    }
    expect_op("}");
    return d;
  }
  if (at_kw("for") || (at_kw("async") && tok(1).is_name("for"))) {
    auto c = make(ExprKind::SetComp, open);
    c->left = std::move(first_key);
    c->generators = parse_comprehensions();
    expect_op("}");
    return c;
  }
  auto s = make(ExprKind::Set, open);
  s->elts.push_back(std::move(first_key));
  while (accept_op(",")) {
    if (at_op("}")) break;
    s->elts.push_back(parse_star_expression());
  }
  expect_op("}");
  return s;
}

std::vector<Comprehension> Parser::parse_comprehensions() {
  std::vector<Comprehension> gens;
  while (at_kw("for") || at_kw("async")) {
    if (at_kw("async")) fail_at(tok(), "asynchronous comprehensions are not supported by stmjit");
    next();
    Comprehension c;
    c.target = parse_target_list(true);
    expect_kw("in");
    c.iter = parse_disjunction();
    while (accept_kw("if")) c.ifs.push_back(parse_disjunction());
    gens.push_back(std::move(c));
  }
  return gens;
}

// star_targets for `for` loops and comprehensions: stops before `in`.
ExprPtr Parser::parse_target_list(bool stop_at_in) {
  Pos start = pos_of(tok());
  auto one = [&]() -> ExprPtr {
    if (at_op("*")) {
      const Token& star = next();
      auto e = make(ExprKind::Starred, star);
      e->left = parse_bitor();
      return e;
    }
    return parse_bitor();
  };
  ExprPtr first = one();
  if (at_op(",")) {
    auto tup = make(ExprKind::Tuple, start);
    tup->elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (stop_at_in && at_kw("in")) break;
      tup->elts.push_back(one());
    }
    first = std::move(tup);
  }
  with_range(*first, toks_[idx_ - 1], [&] { set_store(*first); });
  return first;
}

ExprPtr Parser::parse_lambda_node() {
  const Token& kw = next();
  auto e = make(ExprKind::Lambda, kw);
  e->arguments = parse_parameters(":", false);
  expect_op(":");
  scopes_.push_back(Scope{true, 0});
  e->left = parse_expression();
  scopes_.pop_back();
  return e;
}

ExprPtr Parser::parse_yield_node() {
  const Token& kw = next();
  if (!scopes_.back().function) defer_error(kw.line, kw.col, "'yield' outside function");
  if (accept_kw("from")) {
    auto e = make(ExprKind::YieldFrom, kw);
    e->left = parse_expression();
    return e;
  }
  auto e = make(ExprKind::Yield, kw);
  const Token& t = tok();
  bool no_value = t.kind == Tok::Newline || t.kind == Tok::EndMarker || t.is_op(")") ||
                  t.is_op("]") || t.is_op("}") || t.is_op("=") || t.is_op(";") || t.is_op(":");
  if (!no_value) e->left = parse_star_expressions();
  return e;
}

ExprPtr Parser::parse_call_node(ExprPtr func) {
  const Token& open = next();
  auto call = make(ExprKind::Call, open);
  call->left = std::move(func);
  bool seen_keyword = false, seen_dstar = false;
  std::set<std::string> kw_names;
  while (!at_op(")")) {
    const Token& t = tok();
    if (accept_op("*")) {
      if (seen_dstar) fail_at(t, "iterable argument unpacking follows keyword argument unpacking");
      auto s = make(ExprKind::Starred, t);
      s->left = parse_expression();
      call->elts.push_back(std::move(s));
    } else if (accept_op("**")) {
      Keyword k;
      k.pos = pos_of(t);
      k.value = parse_expression();
      call->keywords.push_back(std::move(k));
      seen_dstar = true;
    } else if (t.kind == Tok::Name && tok(1).is_op("=") && !is_keyword(t.text)) {
      next();
      next();
      Keyword k;
      k.pos = pos_of(t);
      k.arg = std::string(t.text);
      if (!kw_names.insert(k.arg).second)
        defer_error(t.line, t.col, "keyword argument repeated: " + k.arg);
      k.value = parse_expression();
      call->keywords.push_back(std::move(k));
      seen_keyword = true;
    } else {
      ExprPtr arg = parse_named_expression();
      if (at_kw("for") || (at_kw("async") && tok(1).is_name("for"))) {
        auto g = make(ExprKind::GeneratorExp, t);
        g->left = std::move(arg);
        g->generators = parse_comprehensions();
        if (!call->elts.empty() || !call->keywords.empty() || !at_op(")")) {
          // Report from the generator's start to its end, as CPython does.
          if (at_op(",") && tok(1).is_op(")") && call->elts.empty() && call->keywords.empty()) {
            next();
          } else {
            src_.fail(t.line, t.col, "Generator expression must be parenthesized",
                      toks_[idx_ - 1].end_line == t.line ? toks_[idx_ - 1].end_col : -1);
          }
        }
        call->elts.push_back(std::move(g));
        continue;
      }
      if (at_op("=")) {
        src_.fail(t.line, t.col, "expression cannot contain assignment, perhaps you meant \"==\"?",
                  tok().end_col);
      }
      if (seen_dstar)
        src_.fail(t.line, t.col, "positional argument follows keyword argument unpacking",
                  toks_[idx_ - 1].end_col);
      if (seen_keyword)
        src_.fail(t.line, t.col, "positional argument follows keyword argument",
                  toks_[idx_ - 1].end_col);
      call->elts.push_back(std::move(arg));
    }
    if (!accept_op(",")) break;
  }
  expect_op(")");
  return call;
}

ExprPtr Parser::parse_subscript_node(ExprPtr value) {
  const Token& open = next();
  auto sub = make(ExprKind::Subscript, open);
  sub->left = std::move(value);
  Pos start = pos_of(tok());
  ExprPtr first = parse_slice_item();
  if (at_op(",")) {
    auto tup = make(ExprKind::Tuple, start);
    tup->elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op("]")) break;
      tup->elts.push_back(parse_slice_item());
    }
    first = std::move(tup);
  } else if (first->kind == ExprKind::Starred) {
    // a[*b] subscripts with a one-element tuple, as CPython does.
    auto tup = make(ExprKind::Tuple, start);
    tup->elts.push_back(std::move(first));
    first = std::move(tup);
  }
  sub->right = finish(std::move(first));
  expect_op("]");
  return sub;
}

ExprPtr Parser::parse_slice_item_node() {
  const Token& start = tok();
  ExprPtr lower;
  if (!at_op(":")) {
    lower = parse_star_expression();
    if (!at_op(":")) return lower;
  }
  next();  // ':'
  auto s = make(ExprKind::Slice, start);
  s->left = std::move(lower);
  auto ends_part = [&] { return at_op(":") || at_op(",") || at_op("]"); };
  if (!ends_part()) s->right = parse_expression();
  if (accept_op(":")) {
    if (!at_op(",") && !at_op("]")) s->third = parse_expression();
  }
  return s;
}

std::unique_ptr<Arguments> Parser::parse_parameters(std::string_view close, bool annotations) {
  auto a = std::make_unique<Arguments>();
  bool after_star = false, bare_star = false, any_default = false, slash = false;
  Token star_tok;
  std::set<std::string> seen;
  auto param = [&](Arg& out) {
    const Token& t = tok();
    out.name = expect_name();
    out.pos = pos_of(t);
    if (!seen.insert(out.name).second)
      defer_error(t.line, t.col, "duplicate argument '" + out.name + "' in function definition",
                  t.end_col);
    // `*args: *Ts` is valid in 3.11, hence a star expression.
    if (annotations && accept_op(":")) out.annotation = parse_star_expression();
  };
  while (!at_op(close)) {
    const Token& t = tok();
    if (at_op("/")) {
      if (slash || after_star) syntax_error_here();
      if (a->args.empty()) fail_at(t, "at least one argument must precede /");
      next();
      slash = true;
      a->posonly = std::move(a->args);
      a->args.clear();
    } else if (at_op("**")) {
      next();
      a->kwarg = std::make_unique<Arg>();
      param(*a->kwarg);
      if (bare_star && a->kwonly.empty()) fail_at(star_tok, "named arguments must follow bare *");
      accept_op(",");
      if (!at_op(close)) {
        if (at_name() || at_op("*") || at_op("**"))
          fail_at(tok(), "arguments cannot follow var-keyword argument");
        syntax_error_here();
      }
      break;
    } else if (at_op("*")) {
      if (after_star) fail_at(t, "* argument may appear only once");
      star_tok = next();
      after_star = true;
      if (at_op(",") || at_op(close)) {
        bare_star = true;
      } else {
        a->vararg = std::make_unique<Arg>();
        param(*a->vararg);
      }
    } else {
      Arg arg;
      param(arg);
      ExprPtr def;
      if (accept_op("=")) def = parse_expression();
      if (after_star) {
        a->kwonly.push_back(std::move(arg));
        a->kw_defaults.push_back(std::move(def));
      } else {
        if (def) {
          any_default = true;
          a->defaults.push_back(std::move(def));
        } else if (any_default) {
          src_.fail(t.line, t.col, "non-default argument follows default argument", t.end_col);
        }
        a->args.push_back(std::move(arg));
      }
    }
    if (!accept_op(",")) break;
  }
  if (bare_star && a->kwonly.empty()) fail_at(star_tok, "named arguments must follow bare *");
  if (!at_op(close)) syntax_error_here();
  return a;
}

}  // namespace stmjit::frontend
