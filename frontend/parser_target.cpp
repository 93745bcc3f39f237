// parser_target.cpp: turning parsed expressions into assignment/deletion targets (setting ctx
// recursively) and rejecting invalid targets with CPython 3.11's messages.
#include "frontend/parser_internal.h"

namespace stmjit::frontend {

const char* Parser::expr_description(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant:
      switch (e.const_kind) {
        case ConstKind::None: return "None";
        case ConstKind::True: return "True";
        case ConstKind::False: return "False";
        case ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
  }
  return "expression";
}

void Parser::set_store(Expr& e, bool in_sequence) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      e.ctx = ExprContext::Store;
      return;
    case ExprKind::Tuple:
    case ExprKind::List: {
      e.ctx = ExprContext::Store;
      int starred = 0;
      for (auto& el : e.elts) {
        if (el->kind == ExprKind::Starred && ++starred > 1)
          fail_expr(e, "multiple starred expressions in assignment");
      }
      for (auto& el : e.elts) set_store(*el, true);
      return;
    }
    case ExprKind::Starred:
      if (!in_sequence) fail_expr(e, "starred assignment target must be in a list or tuple");
      e.ctx = ExprContext::Store;
      if (e.left->kind == ExprKind::Starred) fail_expr(*e.left, "cannot assign to starred");
      set_store(*e.left, false);
      return;
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      fail_expr(e, "assignment to yield expression not possible");
    default:
      fail_expr(e, std::string("cannot assign to ") + expr_description(e));
  }
}

void Parser::set_del(Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      e.ctx = ExprContext::Del;
      return;
    case ExprKind::Tuple:
    case ExprKind::List:
      e.ctx = ExprContext::Del;
      for (auto& el : e.elts) set_del(*el);
      return;
    default:
      fail_expr(e, std::string("cannot delete ") + expr_description(e));
  }
}

void Parser::check_aug_target(const Expr& e) const {
  if (e.kind == ExprKind::Name || e.kind == ExprKind::Attribute || e.kind == ExprKind::Subscript)
    return;
  fail_expr(e, std::string("'") + expr_description(e) +
                   "' is an illegal expression for augmented assignment");
}

void Parser::check_ann_target(const Expr& e) const {
  if (e.kind == ExprKind::Name || e.kind == ExprKind::Attribute || e.kind == ExprKind::Subscript)
    return;
  if (e.kind == ExprKind::Tuple) fail_expr(e, "only single target (not tuple) can be annotated");
  if (e.kind == ExprKind::List) fail_expr(e, "only single target (not list) can be annotated");
  fail_expr(e, "illegal target for annotation");
}

}  // namespace stmjit::frontend
