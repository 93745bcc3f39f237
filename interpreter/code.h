// code.h: the layout of compiled code (CodeObj), forward-declared in runtime/object.h, plus
// the generator and traceback objects the interpreter creates.
//
// A CodeObj is immutable once published except for its inline caches: `caches[pc]` is an
// atomic pointer to an immutable GC-allocated entry (see interpreter/inline_cache.h), replaced
// whole with one atomic store, so threads sharing the code never see a torn entry.
#pragma once
#include <atomic>
#include <cstdint>

#include "interpreter/opcodes.h"
#include "runtime/api.h"

namespace stmjit {

enum CodeFlags : int32_t {
  CO_GENERATOR = 1,      // calling it creates a generator
  CO_VARARGS = 2,        // has *args (varnames[argcount + kwonlycount])
  CO_VARKEYWORDS = 4,    // has **kwargs (the next varname)
  CO_CLASS_BODY = 8,     // runs with a namespace dict (LOAD_NAME / STORE_NAME)
  CO_MODULE = 16,        // module top level
};

// Instructions in [start, end) whose exception jumps to `handler` with the value stack cut to
// `depth` items and the exception pushed.
struct ExcTableEntry { int32_t start, end, handler, depth; };

// Where an instruction's expression is in the source, for CPython 3.11's traceback carets.
// col < 0: no position (statement-level code: no carets). Columns are 0-based UTF-8 byte
// offsets in line `line` (end_col exclusive, on end_line). anchor: 0 none; 1 binary operator
// (the operator is the first non-blank byte in [a, b)); 2 subscript (`[...]` is [a, b)).
struct InstrLoc {
  int32_t col = -1, end_line = 0, end_col = 0, a = -1, b = -1;
  int32_t anchor = 0;
};

struct CodeObj : Obj {
  uint32_t* instrs;                  // ninstrs words (interpreter/opcodes.h encoding)
  int32_t* lines;                    // source line of each instruction
  InstrLoc* locs;                    // source range of each instruction (tracebacks)
  int32_t ninstrs;
  int32_t nconsts, nnames, nlocals, ncells, nfrees;
  Value* consts;
  StrObj** names;                    // attribute / global names (interned)
  StrObj** varnames;                 // locals: parameters first (see below), then the others
  StrObj** cellvars;                 // variables of this scope captured by inner scopes
  int32_t* cell2arg;                 // per cell: the parameter it starts from, or -1
  StrObj** freevars;                 // variables of enclosing scopes (FunctionObj::closure)
  // Parameters: varnames[0, argcount) positional (the first posonlycount positional-only),
  // then kwonlycount keyword-only, then *args if CO_VARARGS, then **kwargs if CO_VARKEYWORDS.
  int32_t argcount, posonlycount, kwonlycount;
  int32_t flags;
  int32_t stacksize;                 // maximum value-stack depth
  int32_t nexc;
  ExcTableEntry* exctable;
  StrObj* filename;
  StrObj* name;
  StrObj* qualname;
  int32_t firstline;
  std::atomic<void*>* caches;        // ninstrs slots; only cache-owning opcodes use theirs
  ModuleObj* module;                 // the module whose globals this code uses
};

// One level of a traceback (innermost last when walking `next`).
struct TracebackObj : Obj {
  TracebackObj* next;
  CodeObj* code;
  int32_t line;
  int32_t pc;                        // the instruction that raised (code->locs[pc])
};
extern ClassObj* cls_traceback;

struct Frame;
struct GeneratorBody {
  Frame* frame;                      // suspended frame (GC memory)
  Value exc_state;                   // the exception its frame was handling when it yielded
  uint8_t state;                     // GenState
};
enum GenState : uint8_t { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };
template <> struct StmBodyTraits<GeneratorBody> {
  static void deep_copy(GeneratorBody& b);   // the suspended frame (generator.cpp)
  static constexpr const char* name = "generator";
};
struct GeneratorObj : MutObj<GeneratorBody> {
  StrObj* name;
  StrObj* qualname;
};

// Total number of parameters including *args / **kwargs.
inline int32_t code_total_params(const CodeObj* c) {
  return c->argcount + c->kwonlycount + ((c->flags & CO_VARARGS) ? 1 : 0) + ((c->flags & CO_VARKEYWORDS) ? 1 : 0);
}

}  // namespace stmjit
