// opcodes.h: the bytecode enum, names, operand kinds and stack effects, all generated from
// interpreter/opcodes.def. An instruction is one 32-bit word: opcode in the low 8 bits, a
// 24-bit unsigned argument above it.
#pragma once
#include <cstdint>

namespace stmjit {

enum class Op : uint8_t {
#define X(name, operand, effect, jeffect, cache) name,
#include "interpreter/opcodes.def"
#undef X
  COUNT_
};
constexpr int kNumOps = int(Op::COUNT_);

// How the disassembler shows an argument.
enum class OperandKind : uint8_t { None, Count, Const, Local, Deref, Name, Flags, BinOp, UnOp, CmpOp, Invert, Unpack, Format, Jump };

constexpr uint32_t kMaxArg = (1u << 24) - 1;

// BINARY_OP / INPLACE_OP / UNARY_OP: the BinOp or UnOp in the low 8 bits of the argument, plus
// flags set by the compiler when an operand is a *temporary*: the result of an arithmetic
// instruction that goes from its producer to this instruction through the value stack and
// nowhere else, so its float box is referenced by that stack slot alone and may be overwritten
// with the result (interpreter.cpp, float_result). UNARY_OP's operand counts as its left one.
constexpr uint32_t kArithOpMask = 0xff;
constexpr uint32_t kLeftTemp = 1u << 8;     // the left operand is a temporary
constexpr uint32_t kRightTemp = 1u << 9;    // the right operand is a temporary
constexpr uint32_t kResultTemp = 1u << 10;  // this instruction's result is a temporary of its consumer
inline uint32_t make_instr(Op op, uint32_t arg) { return uint32_t(op) | (arg << 8); }
inline Op instr_op(uint32_t w) { return Op(w & 0xff); }
inline uint32_t instr_arg(uint32_t w) { return w >> 8; }

const char* op_name(Op op);
OperandKind op_operand(Op op);
bool op_has_cache(Op op);
bool op_is_jump(Op op);
// Stack effect of one instruction; `jump` selects the effect when a jump is taken.
int stack_effect(Op op, uint32_t arg, bool jump);

}  // namespace stmjit
