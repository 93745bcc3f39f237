// ast_dump.cpp: implementation of the compact S-expression AST dump (see ast_dump.h).
#include "frontend/ast_dump.h"

#include <cstdio>
#include <cstdlib>

namespace stmjit::ast {

namespace {

const char* op_text(Operator op) {
  switch (op) {
    case Operator::Add: return "+";
    case Operator::Sub: return "-";
    case Operator::Mul: return "*";
    case Operator::Div: return "/";
    case Operator::FloorDiv: return "//";
    case Operator::Mod: return "%";
    case Operator::Pow: return "**";
    case Operator::LShift: return "<<";
    case Operator::RShift: return ">>";
    case Operator::BitAnd: return "&";
    case Operator::BitOr: return "|";
    case Operator::BitXor: return "^";
    case Operator::MatMult: return "@";
  }
  return "?";
}

const char* cmp_text(CmpOperator op) {
  switch (op) {
    case CmpOperator::Eq: return "==";
    case CmpOperator::NotEq: return "!=";
    case CmpOperator::Lt: return "<";
    case CmpOperator::LtE: return "<=";
    case CmpOperator::Gt: return ">";
    case CmpOperator::GtE: return ">=";
    case CmpOperator::Is: return "is";
    case CmpOperator::IsNot: return "is-not";
    case CmpOperator::In: return "in";
    case CmpOperator::NotIn: return "not-in";
  }
  return "?";
}

const char* ctx_suffix(ExprContext c) {
  return c == ExprContext::Store ? ":S" : c == ExprContext::Del ? ":D" : "";
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "'";
}

std::string float_text(double v) {
  char buf[40];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

std::string opt(const ExprPtr& e) { return e ? dump(*e) : "_"; }

std::string list(const ExprList& l) {
  std::string out;
  for (const auto& e : l) out += " " + opt(e);
  return out;
}

std::string block(const char* head, const StmtList& body) {
  std::string out = std::string("(") + head;
  for (const auto& s : body) out += " " + dump(*s);
  return out + ")";
}

std::string dump_args(const Arguments& a) {
  std::string out = "(args";
  size_t npos = a.posonly.size() + a.args.size();
  size_t first_default = npos - a.defaults.size();
  size_t i = 0;
  auto positional = [&](const Arg& arg) {
    out += " " + arg.name;
    if (i >= first_default) out += "=" + dump(*a.defaults[i - first_default]);
    ++i;
  };
  for (const auto& arg : a.posonly) positional(arg);
  if (!a.posonly.empty()) out += " /";
  for (const auto& arg : a.args) positional(arg);
  if (a.vararg) out += " *" + a.vararg->name;
  else if (!a.kwonly.empty()) out += " *";
  for (size_t k = 0; k < a.kwonly.size(); ++k) {
    out += " " + a.kwonly[k].name;
    if (a.kw_defaults[k]) out += "=" + dump(*a.kw_defaults[k]);
  }
  if (a.kwarg) out += " **" + a.kwarg->name;
  return out + ")";
}

std::string dump_keywords(const std::vector<Keyword>& ks) {
  std::string out;
  for (const auto& k : ks) out += " " + (k.arg.empty() ? "**" : k.arg + "=") + dump(*k.value);
  return out;
}

std::string dump_generators(const std::vector<Comprehension>& gens) {
  std::string out;
  for (const auto& g : gens) {
    out += " (for " + dump(*g.target) + " " + dump(*g.iter);
    for (const auto& c : g.ifs) out += " (if " + dump(*c) + ")";
    out += ")";
  }
  return out;
}

}  // namespace

std::string dump(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return e.name + ctx_suffix(e.ctx);
    case ExprKind::Constant:
      switch (e.const_kind) {
        case ConstKind::None: return "None";
        case ConstKind::True: return "True";
        case ConstKind::False: return "False";
        case ConstKind::Ellipsis: return "...";
        case ConstKind::Int: return e.int_text;
        case ConstKind::Float: return float_text(e.float_value);
        case ConstKind::Str: return quote(e.str_value);
      }
      return "?";
    case ExprKind::BinOp:
      return std::string("(") + op_text(e.op) + " " + dump(*e.left) + " " + dump(*e.right) + ")";
    case ExprKind::UnaryOp: {
      const char* n = e.unary_op == UnaryOperator::Not ? "not"
                      : e.unary_op == UnaryOperator::USub ? "neg"
                      : e.unary_op == UnaryOperator::UAdd ? "pos" : "inv";
      return std::string("(") + n + " " + dump(*e.left) + ")";
    }
    case ExprKind::BoolOp:
      return std::string("(") + (e.bool_op == BoolOperator::And ? "and" : "or") + list(e.values) + ")";
    case ExprKind::Compare: {
      std::string out = "(cmp " + dump(*e.left);
      for (size_t i = 0; i < e.cmp_ops.size(); ++i)
        out += std::string(" ") + cmp_text(e.cmp_ops[i]) + " " + dump(*e.values[i]);
      return out + ")";
    }
    case ExprKind::Call:
      return "(call " + dump(*e.left) + list(e.elts) + dump_keywords(e.keywords) + ")";
    case ExprKind::Attribute:
      return std::string("(.") + ctx_suffix(e.ctx) + " " + dump(*e.left) + " " + e.name + ")";
    case ExprKind::Subscript:
      return std::string("([]") + ctx_suffix(e.ctx) + " " + dump(*e.left) + " " + dump(*e.right) + ")";
    case ExprKind::Slice:
      return "(slice " + opt(e.left) + " " + opt(e.right) + " " + opt(e.third) + ")";
    case ExprKind::Tuple: return std::string("(tuple") + ctx_suffix(e.ctx) + list(e.elts) + ")";
    case ExprKind::List: return std::string("(list") + ctx_suffix(e.ctx) + list(e.elts) + ")";
    case ExprKind::Set: return "(set" + list(e.elts) + ")";
    case ExprKind::Dict: {
      std::string out = "(dict";
      for (size_t i = 0; i < e.elts.size(); ++i)
        out += e.elts[i] ? " (" + dump(*e.elts[i]) + " " + dump(*e.values[i]) + ")"
                         : " (** " + dump(*e.values[i]) + ")";
      return out + ")";
    }
    case ExprKind::ListComp: return "(listcomp " + dump(*e.left) + dump_generators(e.generators) + ")";
    case ExprKind::SetComp: return "(setcomp " + dump(*e.left) + dump_generators(e.generators) + ")";
    case ExprKind::GeneratorExp: return "(genexp " + dump(*e.left) + dump_generators(e.generators) + ")";
    case ExprKind::DictComp:
      return "(dictcomp " + dump(*e.left) + " " + dump(*e.right) + dump_generators(e.generators) + ")";
    case ExprKind::Lambda: return "(lambda " + dump_args(*e.arguments) + " " + dump(*e.left) + ")";
    case ExprKind::IfExp:
      return "(if " + dump(*e.left) + " " + dump(*e.right) + " " + dump(*e.third) + ")";
    case ExprKind::Starred: return std::string("(*") + ctx_suffix(e.ctx) + " " + dump(*e.left) + ")";
    case ExprKind::Yield: return e.left ? "(yield " + dump(*e.left) + ")" : "(yield)";
    case ExprKind::YieldFrom: return "(yield-from " + dump(*e.left) + ")";
    case ExprKind::JoinedStr: return "(f" + list(e.values) + ")";
    case ExprKind::FormattedValue: {
      std::string out = "(fv " + dump(*e.left);
      if (e.conversion) out += std::string(" !") + e.conversion;
      if (e.right) out += " " + dump(*e.right);
      return out + ")";
    }
  }
  return "?";
}

std::string dump(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::FunctionDef: {
      std::string out = "(def " + s.name + " " + dump_args(*s.arguments);
      if (!s.decorators.empty()) out += " (@" + list(s.decorators) + ")";
      for (const auto& b : s.body) out += " " + dump(*b);
      return out + ")";
    }
    case StmtKind::ClassDef: {
      std::string out = "(class " + s.name + " (bases" + list(s.exprs) + dump_keywords(s.keywords) + ")";
      if (!s.decorators.empty()) out += " (@" + list(s.decorators) + ")";
      for (const auto& b : s.body) out += " " + dump(*b);
      return out + ")";
    }
    case StmtKind::Return: return s.value ? "(return " + dump(*s.value) + ")" : "(return)";
    case StmtKind::Delete: return "(del" + list(s.targets) + ")";
    case StmtKind::Assign: return "(=" + list(s.targets) + " " + dump(*s.value) + ")";
    case StmtKind::AugAssign:
      return std::string("(") + op_text(s.op) + "= " + dump(*s.targets[0]) + " " + dump(*s.value) + ")";
    case StmtKind::AnnAssign:
      return "(ann " + dump(*s.targets[0]) + " " + dump(*s.test) + " " + opt(s.value) + ")";
    case StmtKind::For: {
      std::string out = "(for " + dump(*s.targets[0]) + " " + dump(*s.value) + " " + block("body", s.body);
      if (!s.orelse.empty()) out += " " + block("else", s.orelse);
      return out + ")";
    }
    case StmtKind::While:
    case StmtKind::If: {
      std::string out = std::string(s.kind == StmtKind::If ? "(if " : "(while ") + dump(*s.test) +
                        " " + block("body", s.body);
      if (!s.orelse.empty()) out += " " + block("else", s.orelse);
      return out + ")";
    }
    case StmtKind::With: {
      std::string out = "(with";
      for (const auto& w : s.items)
        out += " (item " + dump(*w.context_expr) + (w.optional_vars ? " " + dump(*w.optional_vars) : "") + ")";
      return out + " " + block("body", s.body) + ")";
    }
    case StmtKind::Raise: {
      std::string out = "(raise";
      if (s.value) out += " " + dump(*s.value);
      if (s.test) out += " from " + dump(*s.test);
      return out + ")";
    }
    case StmtKind::Try: {
      std::string out = "(try " + block("body", s.body);
      for (const auto& h : s.handlers) {
        out += " (except " + opt(h.type) + (h.name.empty() ? "" : " as " + h.name);
        for (const auto& b : h.body) out += " " + dump(*b);
        out += ")";
      }
      if (!s.orelse.empty()) out += " " + block("else", s.orelse);
      if (!s.finalbody.empty()) out += " " + block("finally", s.finalbody);
      return out + ")";
    }
    case StmtKind::Assert: return "(assert " + dump(*s.test) + (s.value ? " " + dump(*s.value) : "") + ")";
    case StmtKind::Import:
    case StmtKind::ImportFrom: {
      std::string out = s.kind == StmtKind::Import ? "(import" : "(from " + std::string(s.level, '.') + s.name;
      for (const auto& a : s.names) out += " " + a.name + (a.asname.empty() ? "" : " as " + a.asname);
      return out + ")";
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
      std::string out = s.kind == StmtKind::Global ? "(global" : "(nonlocal";
      for (const auto& n : s.identifiers) out += " " + n;
      return out + ")";
    }
    case StmtKind::Expr: return "(expr " + dump(*s.value) + ")";
    case StmtKind::Pass: return "pass";
    case StmtKind::Break: return "break";
    case StmtKind::Continue: return "continue";
  }
  return "?";
}

std::string dump(const Module& m) {
  std::string out;
  for (const auto& s : m.body) out += dump(*s) + "\n";
  return out;
}

}  // namespace stmjit::ast
