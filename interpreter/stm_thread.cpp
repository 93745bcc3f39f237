// stm_thread.cpp: the interpreter's transactions: where they begin and end, how an aborted one
// is restarted from its start frame, inevitability, and blocking (see stm_thread.h).
#include "interpreter/stm_thread.h"

#include <gc/gc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "interpreter/interpreter.h"
#include "runtime/config.h"

namespace stmjit {

constinit thread_local int32_t t_native_depth = 0;
constinit thread_local int32_t t_atomic_depth = 0;
constinit thread_local bool t_tx_need_begin = false;

namespace {

// Where the running transaction began and the state to restart from. `saved` is uncollectable
// (scanned) GC memory, because the GC does not scan thread-local storage: saved[0] is the
// exception being handled, saved[1..] the start frame's slots (locals, cells, value stack).
struct TxStart {
  Frame* frame = nullptr;        // null: the transaction is inevitable or has no restart point
  int32_t pc = 0, sp = 0;
  int32_t atomic_depth = 0;
  Value* saved = nullptr;
  size_t saved_cap = 0, saved_n = 0;
  bool blocked = false;          // between tx_block_begin and tx_block_end: no transaction
};
constinit thread_local TxStart t_start{};

size_t frame_slot_count(const Frame* f) {
  const CodeObj* c = f->code;
  return size_t(c->nlocals + c->ncells + c->nfrees + f->sp);
}

// A location word for conflict reports: the code object and an instruction index.
uint64_t location_of(const Frame* f) {
  return (uint64_t(reinterpret_cast<uintptr_t>(f->code)) << 16) | uint64_t(f->pc & 0xffff);
}

void break_soon(stm::StmTx* tx) {
  if (tx->work < tx->budget) tx->work = tx->budget;
}

// The transaction can no longer restart at a frame: drop the saved slots too, which live in a
// GC root and would keep the frame's objects alive after the frame has let them go.
void forget_start_frame() {
  TxStart& s = t_start;
  s.frame = nullptr;
  if (s.saved) std::fill(s.saved, s.saved + s.saved_n, Value());
  s.saved_n = 0;
}

// Begins a transaction restartable at f's current pc/sp.
void begin_at(stm::StmTx* tx, Frame* f) {
  stm::stm_begin(tx);
  TxStart& s = t_start;
  s.frame = f;
  s.pc = f->pc;
  s.sp = f->sp;
  s.atomic_depth = t_atomic_depth;
  size_t n = frame_slot_count(f) + 1;
  if (n > s.saved_cap) {
    if (s.saved) GC_FREE(s.saved);
    s.saved_cap = n < 64 ? 64 : n * 2;
    s.saved = static_cast<Value*>(GC_MALLOC_UNCOLLECTABLE(sizeof(Value) * s.saved_cap));
    if (!s.saved) {
      std::fputs("stmjit: out of memory saving a transaction's start state\n", stderr);
      std::abort();
    }
  } else if (n < s.saved_n) {
    // The array is a GC root: what an earlier, bigger frame saved there would otherwise keep
    // its objects alive after that frame has let them go.
    std::fill(s.saved + n, s.saved + s.saved_n, Value());
  }
  s.saved[0] = tstate().handled_exc;
  std::memcpy(static_cast<void*>(s.saved + 1), f->slots, sizeof(Value) * (n - 1));
  s.saved_n = n;
  stm::stm_set_location(tx, location_of(f));
}

// Begins a transaction that can never abort (there is nothing to restart from) and that ends
// at the next safe point, so it does not hold up other threads' commits for long.
void begin_inevitable(stm::StmTx* tx) {
  stm::stm_begin_inevitable(tx);
  forget_start_frame();
  break_soon(tx);
}

}  // namespace

bool stm_mode() { return !runtime_config.gil; }

uint64_t tx_current_location() {
  const Frame* f = tstate().frame;
  if (!f) return 0;
  Frame at = *f;   // the innermost frame's current instruction, not its last saved pc
  if (f->ip_now) at.pc = int32_t(f->ip_now - f->code->instrs);
  return location_of(&at);
}

void tx_thread_begin() {
  if (!stm_mode() || t_stm_tx) return;
  stm::StmTx* tx = new stm::StmTx();
  t_stm_tx = tx;
  begin_inevitable(tx);
}

void tx_thread_end() {
  stm::StmTx* tx = t_stm_tx;
  if (!tx) return;
  tx_ensure_running();
  stm::stm_commit(tx);   // inevitable: cannot abort
  t_stm_tx = nullptr;
  delete tx;             // flushes its statistics into the totals
  TxStart& s = t_start;
  if (s.saved) GC_FREE(s.saved);
  s = TxStart{};
}

bool tx_is_start_frame(const Frame* f) { return t_start.frame == f; }

void tx_break_slow(Frame* f) {
  if (t_native_depth != 0 || t_atomic_depth != 0) return;
  stm::StmTx* tx = t_stm_tx;
  stm::stm_commit(tx);   // StmAbort: the previous start frame restarts
  begin_at(tx, f);
}

bool tx_restart(Frame* f) {
  TxStart& s = t_start;
  if (s.frame != f || !t_stm_tx) return false;
  std::memcpy(static_cast<void*>(f->slots), s.saved + 1, sizeof(Value) * (s.saved_n - 1));
  tstate().handled_exc = s.saved[0];
  f->pc = s.pc;
  f->sp = s.sp;
  t_atomic_depth = s.atomic_depth;
  t_tx_need_begin = false;
  stm::stm_begin(t_stm_tx);   // the retry (the core keeps its age, shrinks its budget)
  return true;
}

// The start frame leaves inside an atomic block begun in it: the block must stay one
// transaction, which can no longer restart there, so it continues inevitable.
static bool continue_atomic_inevitable(stm::StmTx* tx) {
  if (t_atomic_depth == 0) return false;
  stm::stm_become_inevitable(tx);
  forget_start_frame();
  return true;
}

void tx_frame_return_slow(Frame* f) {
  stm::StmTx* tx = t_stm_tx;
  if (continue_atomic_inevitable(tx)) return;
  stm::stm_commit(tx);   // StmAbort: f restarts (it is still the start frame)
  forget_start_frame();
  t_tx_need_begin = true;
}

void tx_frame_unwind_slow(Frame* f) {
  stm::StmTx* tx = t_stm_tx;
  if (continue_atomic_inevitable(tx)) return;
  stm::stm_commit(tx);
  begin_inevitable(tx);
}

void tx_begin_in(Frame* f) {
  t_tx_need_begin = false;
  if (stm::StmTx* tx = t_stm_tx) begin_at(tx, f);
}

void tx_ensure_running() {
  if (!t_tx_need_begin) return;
  t_tx_need_begin = false;
  if (stm::StmTx* tx = t_stm_tx) begin_inevitable(tx);
}

void tx_become_inevitable_slow(stm::StmTx* tx) {
  stm::stm_become_inevitable(tx);   // StmAbort: restart; the rerun asks again
  break_soon(tx);
}

bool tx_end_before_return() {
  stm::StmTx* tx = t_stm_tx;
  if (!tx || t_native_depth != 0 || t_atomic_depth != 0 || t_start.blocked) return false;
  stm::stm_commit(tx);   // StmAbort: the start frame restarts, as from any barrier
  forget_start_frame();
  t_tx_need_begin = true;
  return true;
}

void tx_hint_commit_soon() {
  if (stm::StmTx* tx = t_stm_tx) break_soon(tx);
}

void tx_block_begin() {
  stm::StmTx* tx = t_stm_tx;
  if (!tx) return;
  if (t_atomic_depth > 0) {
    // An atomic block cannot be cut in two: wait inevitable (callers that would deadlock
    // this way, such as a lock acquire, raise an error before blocking).
    tx_become_inevitable();
    return;
  }
  stm::stm_commit(tx);   // StmAbort: unwinds to the start frame, which restarts
  forget_start_frame();
  t_start.blocked = true;
}

void tx_block_end() {
  if (!t_start.blocked) return;
  t_start.blocked = false;
  begin_inevitable(t_stm_tx);
}

}  // namespace stmjit
