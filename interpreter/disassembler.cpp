// disassembler.cpp: human-readable listing of code objects, in the spirit of python's dis:
// source line (when it changes), ">>" on jump targets, offset, opcode, argument and its
// meaning; then the exception table; then nested code objects.
#include <cstdio>
#include <set>

#include "interpreter/interpreter.h"

namespace stmjit {

namespace {
const char* const kBinOps[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
const char* const kUnOps[] = {"-", "+", "~", "not"};
const char* const kCmpOps[] = {"<", "<=", "==", "!=", ">", ">="};

std::string const_repr(Value v) {
  if (v.is_obj() && v.as_obj()->cls == cls_code) {
    const CodeObj* c = v.as<CodeObj>();
    return "<code object " + std::string(str_view(c->name)) + ", line " + std::to_string(c->firstline) + ">";
  }
  try {
    return std::string(str_view(repr(v)));
  } catch (PyException&) {
    return "<unprintable>";
  }
}

// The operator, then the float-temporary flags (interpreter/opcodes.h) that are set.
std::string arith_meaning(const char* const* table, uint32_t count, uint32_t arg) {
  uint32_t op = arg & kArithOpMask;
  std::string s = op < count ? table[op] : "?";
  if (arg & kLeftTemp) s += ", left temp";
  if (arg & kRightTemp) s += ", right temp";
  if (arg & kResultTemp) s += ", result temp";
  return s;
}

std::string meaning(const CodeObj* c, Op op, uint32_t arg) {
  switch (op_operand(op)) {
    case OperandKind::Const: return const_repr(c->consts[arg]);
    case OperandKind::Name: return std::string(str_view(c->names[arg]));
    case OperandKind::Local: return std::string(str_view(c->varnames[arg]));
    case OperandKind::Deref:
      return std::string(str_view(int32_t(arg) < c->ncells ? c->cellvars[arg] : c->freevars[arg - uint32_t(c->ncells)]));
    case OperandKind::BinOp: return arith_meaning(kBinOps, 13, arg);
    case OperandKind::UnOp: return arith_meaning(kUnOps, 4, arg);
    case OperandKind::CmpOp: return arg < 6 ? kCmpOps[arg] : "?";
    case OperandKind::Invert: return arg ? "negated" : "";
    case OperandKind::Jump: return "to " + std::to_string(arg);
    case OperandKind::Unpack: return std::to_string(arg & 0xff) + " before, " + std::to_string(arg >> 8) + " after";
    case OperandKind::Format: {
      static const char* conv[] = {"", "str", "repr", "ascii"};
      std::string s = conv[arg & 3];
      if (arg & 4) s += s.empty() ? "with format" : ", with format";
      return s;
    }
    case OperandKind::Flags:
      if (op == Op::MAKE_FUNCTION) {
        std::string s;
        if (arg & 1) s += "defaults";
        if (arg & 2) s += std::string(s.empty() ? "" : ", ") + "kwdefaults";
        if (arg & 8) s += std::string(s.empty() ? "" : ", ") + "annotations";
        if (arg & 4) s += std::string(s.empty() ? "" : ", ") + "closure";
        return s;
      }
      return (arg & 1) ? "with **kwargs" : "";
    default: return "";
  }
}

void dis_one(std::string& out, const CodeObj* c) {
  out += "Disassembly of <code object " + std::string(str_view(c->qualname)) + ", file \"" +
         std::string(str_view(c->filename)) + "\", line " + std::to_string(c->firstline) + ">:\n";
  std::set<int32_t> targets;
  for (int32_t i = 0; i < c->ninstrs; i++)
    if (op_is_jump(instr_op(c->instrs[i]))) targets.insert(int32_t(instr_arg(c->instrs[i])));
  for (int32_t i = 0; i < c->nexc; i++) targets.insert(c->exctable[i].handler);
  int32_t last_line = -1;
  char buf[256];
  for (int32_t i = 0; i < c->ninstrs; i++) {
    Op op = instr_op(c->instrs[i]);
    uint32_t arg = instr_arg(c->instrs[i]);
    std::string line = c->lines[i] != last_line ? std::to_string(c->lines[i]) : "";
    if (c->lines[i] != last_line && i > 0) out += "\n";
    last_line = c->lines[i];
    bool has_arg = op_operand(op) != OperandKind::None;
    std::string m = has_arg ? meaning(c, op, arg) : "";
    std::snprintf(buf, sizeof buf, "%4s %2s %6d %-22s", line.c_str(), targets.count(i) ? ">>" : "", i, op_name(op));
    out += buf;
    if (has_arg) {
      std::snprintf(buf, sizeof buf, " %5u", arg);
      out += buf;
      if (!m.empty()) out += " (" + m + ")";
    }
    out += "\n";
  }
  if (c->nexc) {
    out += "ExceptionTable:\n";
    for (int32_t i = 0; i < c->nexc; i++) {
      const ExcTableEntry& e = c->exctable[i];
      out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end - 1) + " -> " + std::to_string(e.handler) +
             " [" + std::to_string(e.depth) + "]\n";
    }
  }
}
}  // namespace

std::string disassemble(const CodeObj* code, bool recursive) {
  std::string out;
  dis_one(out, code);
  if (recursive)
    for (int32_t i = 0; i < code->nconsts; i++) {
      Value v = code->consts[i];
      if (v.is_obj() && v.as_obj()->cls == cls_code) {
        out += "\n";
        out += disassemble(v.as<CodeObj>(), true);
      }
    }
  return out;
}

}  // namespace stmjit
