// stm_thread.h: the interpreter's transactions (the default mode; `--gil` runs without them).
//
// Every Python thread runs as a series of STM transactions (stm-barriers/stm_core.h). A
// transaction is restartable from where it began: it begins at a safe point of a frame (a
// loop's back edge, or a function's entry) and that frame's state then (pc, value stack,
// locals, the exception being handled) is saved; an abort unwinds the C++ stack (StmAbort) to
// that frame's eval loop, which restores the state and runs again. So a transaction never
// outlives its start frame: when the frame returns, the transaction commits and the caller's
// interpreter loop begins the next one right after the call (tx_after_call). Where no restart
// point exists (thread start, after a blocking call, an exception leaving the start frame) the
// next transaction begins inevitable (it can never abort) and breaks at the next safe point.
//
// Breaks happen only in frames the interpreter called directly (t_native_depth == 0: native
// code that calls back into Python may hold pointers to object versions across the call) and
// never inside `with atomic:` (t_atomic_depth > 0), which makes its block part of one
// transaction.
#pragma once
#include <cstdint>

#include "interpreter/frame.h"
#include "stm-barriers/barrier.h"

namespace stmjit {

// Native C++ calls into Python in progress on this thread (runtime/api.h call()).
extern constinit thread_local int32_t t_native_depth;
// `with atomic:` nesting on this thread.
extern constinit thread_local int32_t t_atomic_depth;
// The start frame of the last transaction returned: the caller begins the next one.
extern constinit thread_local bool t_tx_need_begin;

bool stm_mode();   // transactions on (the default), not --gil
// The location word (code object, instruction) of what this thread executes now, for
// conflict reports (StmConfig::current_location).
uint64_t tx_current_location();

// RAII for native code calling back into Python: no transaction breaks inside.
struct NativeCallScope {
  NativeCallScope() { t_native_depth++; }
  ~NativeCallScope() { t_native_depth--; }
  NativeCallScope(const NativeCallScope&) = delete;
  NativeCallScope& operator=(const NativeCallScope&) = delete;
};

// ---- thread lifetime ----
void tx_thread_begin();   // STM mode: this thread's descriptor; begins an inevitable transaction
void tx_thread_end();     // commits the last transaction, flushes its statistics

// ---- the interpreter's hooks ----
// A safe point of frame f (f->pc and f->sp describe the state to restart from): commits the
// running transaction and begins the next one there, if breaking is allowed and due.
void tx_break_slow(Frame* f);
inline void tx_safepoint(Frame* f, int32_t pc, int32_t sp) {
  stm::StmTx* tx = t_stm_tx;
  stm::stm_check(tx);
  stm::stm_add_work(tx, 1);
  if (stm::stm_should_break(tx)) [[unlikely]] {
    f->pc = pc;
    f->sp = sp;
    tx_break_slow(f);
  }
}
// StmAbort caught by eval_frame(f): if f started the aborted transaction, restores f's saved
// state, begins the retry and returns true; else the abort belongs to an outer frame.
bool tx_restart(Frame* f);
// Frame f returns normally: if it started the transaction, commits it (an abort restarts f)
// and asks the caller to begin the next one (t_tx_need_begin).
void tx_frame_return_slow(Frame* f);
// An exception leaves frame f: if it started the transaction, commits it and continues in an
// inevitable one (the code that handles the exception has no restart point).
void tx_frame_unwind_slow(Frame* f);
bool tx_is_start_frame(const Frame* f);
// After a call made by the interpreter returned into frame f (f->pc, f->sp set): begins the
// next transaction there if the callee ended the last one.
void tx_begin_in(Frame* f);
// Native code resumed after Python code returned to it: makes sure a transaction runs.
void tx_ensure_running();

// ---- inevitability and breaks requested by the program ----
// I/O and other irreversible operations: the transaction becomes inevitable first (an abort
// here restarts it, and the restarted run asks again).
void tx_become_inevitable_slow(stm::StmTx* tx);
inline void tx_become_inevitable() {
  if (stm::StmTx* tx = t_stm_tx)
    if (!stm::stm_is_inevitable(tx)) tx_become_inevitable_slow(tx);
}
void tx_hint_commit_soon();   // the next safe point breaks
// A native function called directly by an interpreter call instruction ends the transaction
// now (the interpreter begins the next one when the call returns, see TX_AFTER_CALL). False
// (nothing done) when called from native code or inside atomic.
bool tx_end_before_return();

// Registers the built-in module `_stm` (mod_stm.cpp).
void init_stm_module();

// ---- blocking operations (interpreter/safepoint.h BlockingRegion in STM mode) ----
void tx_block_begin();   // commits: other threads must not wait for a thread that waits
void tx_block_end();     // begins an inevitable transaction that breaks at the next safe point

}  // namespace stmjit
