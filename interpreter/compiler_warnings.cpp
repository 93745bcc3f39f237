// compiler_warnings.cpp: the SyntaxWarnings CPython 3.11's compiler prints for code that is
// valid but almost certainly a mistake: `x is 1`, `[1, 2]()`, `(1, 2)['a']`, `None[0]` (a
// missing comma, usually). Printed to stderr at compile time, every time (the compiler passes
// no warning registry), in the warnings module's format: "file:line: SyntaxWarning: message" and the stripped source line.
#include <cstdio>
#include <fstream>

#include "interpreter/compiler_impl.h"

namespace stmjit {

using namespace ast;

namespace {

// The type name of `e` when it is a constant after CPython's AST constant folding (literals,
// a sign applied to a number, tuples of constants), else null.
const char* constant_type(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant:
      switch (e.const_kind) {
        case ConstKind::None: return "NoneType";
        case ConstKind::True:
        case ConstKind::False: return "bool";
        case ConstKind::Ellipsis: return "ellipsis";
        case ConstKind::Int: return "int";
        case ConstKind::Float: return "float";
        case ConstKind::Str: return "str";
      }
      return nullptr;
    case ExprKind::UnaryOp: {
      const char* t = constant_type(*e.left);
      if (!t) return nullptr;
      std::string_view tv = t;
      if (e.unary_op == UnaryOperator::Not) return "bool";
      if (tv == "int" || tv == "bool") return "int";
      if (tv == "float" && e.unary_op != UnaryOperator::Invert) return "float";
      return nullptr;
    }
    case ExprKind::Tuple:
      for (auto& x : e.elts)
        if (!constant_type(*x)) return nullptr;
      return "tuple";
    default: return nullptr;
  }
}

// CPython's infer_type(): the type an expression certainly has, or null.
const char* inferred_type(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List:
    case ExprKind::ListComp: return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp: return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "str";
    default: return constant_type(e);
  }
}

std::string source_line(const std::string& filename, int line) {
  std::ifstream in(filename);
  std::string text;
  for (int i = 1; in && std::getline(in, text); i++)
    if (i == line) {
      size_t b = text.find_first_not_of(" \t\f");
      size_t e = text.find_last_not_of(" \t\f\r\n");
      return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
    }
  return std::string();
}

}  // namespace

void Compiler::warn(int line, const std::string& msg) {
  std::fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", mod_.filename.c_str(), line, msg.c_str());
  std::string src = source_line(mod_.filename, line);
  if (!src.empty()) std::fprintf(stderr, "  %s\n", src.c_str());
  std::fflush(stderr);
}

void Compiler::check_caller(const Expr& call) {
  const Expr& f = *call.left;
  switch (f.kind) {
    case ExprKind::Constant: case ExprKind::UnaryOp: case ExprKind::Tuple: case ExprKind::List:
    case ExprKind::ListComp: case ExprKind::Dict: case ExprKind::DictComp: case ExprKind::Set:
    case ExprKind::SetComp: case ExprKind::GeneratorExp: case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      if (const char* t = inferred_type(f))
        warn(call.pos.line, std::string("'") + t + "' object is not callable; perhaps you missed a comma?");
      break;
    default: break;
  }
}

void Compiler::check_subscript(const Expr& sub) {
  const Expr& value = *sub.left;
  const Expr& index = *sub.right;
  const char* vt = inferred_type(value);
  // Subscripting something that never supports it: None, numbers, sets, generators, lambdas.
  bool never = false;
  if (value.kind != ExprKind::Tuple && constant_type(value)) {
    std::string_view t = vt;
    never = t != "str" && t != "tuple";
  } else if (value.kind == ExprKind::Set || value.kind == ExprKind::SetComp ||
             value.kind == ExprKind::GeneratorExp || value.kind == ExprKind::Lambda) {
    never = true;
  }
  if (never) {
    warn(sub.pos.line, std::string("'") + vt + "' object is not subscriptable; perhaps you missed a comma?");
    return;
  }
  // A sequence literal indexed by a constant that is not an integer.
  const char* it = inferred_type(index);
  if (!it || std::string_view(it) == "int" || std::string_view(it) == "bool") return;
  bool sequence = value.kind == ExprKind::Tuple || value.kind == ExprKind::List ||
                  value.kind == ExprKind::ListComp || value.kind == ExprKind::JoinedStr ||
                  value.kind == ExprKind::FormattedValue ||
                  (value.kind == ExprKind::Constant && value.const_kind == ConstKind::Str);
  if (sequence)
    warn(sub.pos.line, std::string(vt) + " indices must be integers or slices, not " + it +
                           "; perhaps you missed a comma?");
}

bool Compiler::check_is_literal(const Expr& left, CmpOperator op, const Expr& right, int line) {
  if (op != CmpOperator::Is && op != CmpOperator::IsNot) return false;
  auto literal = [](const Expr& e) {
    if (!constant_type(e)) return false;
    return !(e.kind == ExprKind::Constant &&
             (e.const_kind == ConstKind::None || e.const_kind == ConstKind::True ||
              e.const_kind == ConstKind::False || e.const_kind == ConstKind::Ellipsis));
  };
  if (!literal(left) && !literal(right)) return false;
  warn(line, op == CmpOperator::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                   : "\"is not\" with a literal. Did you mean \"!=\"?");
  return true;
}

}  // namespace stmjit
