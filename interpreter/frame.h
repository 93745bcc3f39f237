// frame.h: an activation record of the interpreter, plain data so that a later tracing JIT
// can record each bytecode with its operands and resume at any bytecode boundary from a
// rebuilt frame: code, pc, the variables and the value stack all live here.
//
// Layout of `slots`: nlocals fast locals, then ncells cells (CellObj*), then nfrees free
// cells (from the function's closure), then the value stack (code->stacksize entries).
// Ordinary calls keep frames on the C stack (alloca; Boehm scans thread stacks); generator
// frames are GC-allocated because they outlive the call that created them.
#pragma once
#include "interpreter/code.h"

namespace stmjit {

struct Frame {
  CodeObj* code;
  FunctionObj* func;        // null for module code
  ModuleObj* globals;
  DictObj* locals_dict;     // class bodies: the namespace being built; else null
  Frame* back;              // the caller (or the frame that resumed this generator)
  int32_t pc;               // while suspended/unwinding: index of the next instruction
  int32_t sp;               // while suspended: value-stack depth
  bool yielded;             // set by YIELD_VALUE / YIELD_FROM when eval_frame returns
  // While the frame runs: the instruction being executed (stored at every dispatch), so the
  // STM can say where a conflict happened (interpreter/stm_thread.cpp tx_current_location).
  const uint32_t* ip_now;
  Value slots[1];           // see above

  Value* stack_base() { return slots + code->nlocals + code->ncells + code->nfrees; }
  Value* cells() { return slots + code->nlocals; }
};

inline size_t frame_size(const CodeObj* c) {
  return sizeof(Frame) + sizeof(Value) * size_t(c->nlocals + c->ncells + c->nfrees + c->stacksize);
}

}  // namespace stmjit
