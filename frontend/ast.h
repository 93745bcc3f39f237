// ast.h: the abstract syntax tree produced by the parser and consumed by the compiler.
//
// Mirrors CPython's `ast` module for the supported subset. Nodes are "fat" structs: one Expr
// and one Stmt type with a kind tag and the fields each kind uses (listed per kind below);
// unused fields stay empty. The AST lives in ordinary heap memory (no GC values inside).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace stmjit::ast {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

struct Pos { int line = 0, col = 0; };   // 1-based line, 0-based column (as CPython's ast)

enum class Operator { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor, MatMult };
enum class UnaryOperator { Invert, Not, UAdd, USub };
enum class BoolOperator { And, Or };
enum class CmpOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ExprContext { Load, Store, Del };
enum class ConstKind { None, True, False, Ellipsis, Int, Float, Str };

struct Keyword {            // f(arg=value); arg empty means **value
  Pos pos;
  std::string arg;
  ExprPtr value;
};

struct Comprehension {      // for target in iter if ifs...
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
};

struct Arg {
  Pos pos;
  std::string name;
  ExprPtr annotation;             // null if none
};

struct Arguments {          // def f(a, b=1, *args, c, d=2, **kw)
  std::vector<Arg> posonly;       // before '/'
  std::vector<Arg> args;          // positional-or-keyword
  ExprList defaults;              // for the last len(defaults) of posonly+args
  std::unique_ptr<Arg> vararg;    // *args (null if absent)
  std::vector<Arg> kwonly;
  std::vector<ExprPtr> kw_defaults;  // one per kwonly; null entry = required
  std::unique_ptr<Arg> kwarg;     // **kw (null if absent)
  ExprPtr returns;                // `-> T` of a def (null if absent)
};

enum class ExprKind {
  Name,          // name, ctx
  Constant,      // const_kind + int_text (decimal digits, may be huge) | float_value | str_value
  BinOp,         // left, op, right
  UnaryOp,       // unary_op, operand (in `left`)
  BoolOp,        // bool_op, values (>= 2)
  Compare,       // left, cmp_ops, comparators
  Call,          // func (in `left`), args (in `elts`, may contain Starred), keywords
  Attribute,     // value (in `left`), name = attribute name, ctx
  Subscript,     // value (in `left`), slice (in `right`), ctx
  Slice,         // lower (left), upper (right), step (third); each may be null
  Tuple,         // elts, ctx
  List,          // elts, ctx
  Set,           // elts
  Dict,          // keys (in `elts`; a null key means **value), values
  ListComp,      // element (left), generators
  SetComp,       // element (left), generators
  DictComp,      // key (left), value (right), generators
  GeneratorExp,  // element (left), generators
  Lambda,        // arguments, body expression (left)
  IfExp,         // test (left), body (right), orelse (third)
  Starred,       // value (left), ctx
  Yield,         // value (left, may be null)
  YieldFrom,     // value (left)
  JoinedStr,     // f-string: values = Constant(str) and FormattedValue parts
  FormattedValue,// value (left), conversion ('s','r','a' or 0), format_spec (right: JoinedStr or null)
};

struct Expr {
  ExprKind kind;
  Pos pos;
  Pos end;                        // just past the last token (exclusive byte column); line 0 = unknown
  ExprContext ctx = ExprContext::Load;
  std::string name;
  ConstKind const_kind = ConstKind::None;
  std::string int_text;
  double float_value = 0;
  std::string str_value;          // UTF-8
  Operator op = Operator::Add;
  UnaryOperator unary_op = UnaryOperator::Not;
  BoolOperator bool_op = BoolOperator::And;
  std::vector<CmpOperator> cmp_ops;
  ExprPtr left, right, third;
  ExprList elts;
  ExprList values;                // Dict values, BoolOp values, JoinedStr parts, Compare comparators
  std::vector<Keyword> keywords;
  std::vector<Comprehension> generators;
  std::unique_ptr<Arguments> arguments;
  char conversion = 0;
};

struct ExceptHandler {          // except type as name: body
  Pos pos;
  ExprPtr type;                  // null for bare except
  std::string name;              // empty if no `as`
  StmtList body;
};

struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;         // may be null
};

struct Alias {                   // import name as asname
  Pos pos;
  std::string name;              // dotted for `import a.b`
  std::string asname;            // empty if none
};

enum class StmtKind {
  FunctionDef,   // name, arguments, body, decorators, is_generator set by parser? (no: compiler decides)
  ClassDef,      // name, bases (in `exprs`), keywords, body, decorators
  Return,        // value (may be null)
  Delete,        // targets
  Assign,        // targets (a = b = value has two targets), value
  AugAssign,     // target (in `targets[0]`), op, value
  AnnAssign,     // target (targets[0]), annotation (in `test`), value (may be null)
  For,           // target (targets[0]), iter (value), body, orelse
  While,         // test, body, orelse
  If,            // test, body, orelse (elif = nested If in orelse)
  With,          // items, body
  Raise,         // exc (value, may be null), cause (test, may be null)
  Try,           // body, handlers, orelse, finalbody
  Assert,        // test, msg (value, may be null)
  Import,        // names
  ImportFrom,    // module (name; may be empty for `from . import x`), names, level
  Global,        // identifiers
  Nonlocal,      // identifiers
  Expr,          // value
  Pass, Break, Continue,
};

struct Stmt {
  StmtKind kind;
  Pos pos;
  int end_line = 0;              // last line of the statement (for tracebacks of multi-line stmts)
  std::string name;
  std::unique_ptr<Arguments> arguments;
  ExprList decorators;
  ExprList exprs;                // ClassDef bases
  std::vector<Keyword> keywords; // ClassDef keywords
  ExprList targets;
  ExprPtr value;
  ExprPtr test;
  Operator op = Operator::Add;
  StmtList body, orelse, finalbody;
  std::vector<ExceptHandler> handlers;
  std::vector<WithItem> items;
  std::vector<Alias> names;
  std::vector<std::string> identifiers;
  int level = 0;
};

struct Module {
  std::string filename;
  StmtList body;
};

}  // namespace stmjit::ast
