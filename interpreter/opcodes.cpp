// opcodes.cpp: the tables derived from opcodes.def (names, operand kinds, stack effects).
#include "interpreter/opcodes.h"

namespace stmjit {

namespace {
struct OpInfo { const char* name; OperandKind operand; bool cache; };
constexpr OpInfo kInfo[] = {
#define X(name, operand, effect, jeffect, cache) {#name, OperandKind::operand, cache != 0},
#include "interpreter/opcodes.def"
#undef X
};
}  // namespace

const char* op_name(Op op) { return int(op) < kNumOps ? kInfo[int(op)].name : "<bad opcode>"; }
OperandKind op_operand(Op op) { return kInfo[int(op)].operand; }
bool op_has_cache(Op op) { return kInfo[int(op)].cache; }
bool op_is_jump(Op op) { return kInfo[int(op)].operand == OperandKind::Jump; }

int stack_effect(Op op, uint32_t a, bool jump) {
  int arg = int(a);
  (void)arg;
  switch (op) {
#define X(name, operand, effect, jeffect, cache) \
  case Op::name: return (jump && OperandKind::operand == OperandKind::Jump) ? (jeffect) : (effect);
#include "interpreter/opcodes.def"
#undef X
    default: return 0;
  }
}

}  // namespace stmjit
