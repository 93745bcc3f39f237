// barrier.h: the STM barrier contract (see ../shared/DESIGN.md, "The barrier contract").
//
// Every mutable heap object keeps its fields in a private Body that can only be reached
// through stm_read (a version this transaction may read) or stm_write (a version this
// transaction may write). C++ access control enforces it: MutObj::body_ is private and only
// these functions are friends, so a bypass does not compile. Until the STM runtime lands the
// barriers return the single in-place version; the STM issue changes only this file (and
// MutObj's layout), not the interpreter or the runtime types.
#pragma once
#include <atomic>
#include <cstdint>

namespace stmjit {

struct ClassObj;

// Header shared by every heap object: its Python class. Set once at allocation, never changed
// afterwards (no __class__ assignment), so reading it needs no barrier.
struct Obj {
  ClassObj* cls;
};

// A heap object with mutable fields. `stm_owner` is the transaction holding write ownership
// (0 = none); it lives outside the Body because the STM, not the Python program, mutates it.
template <class Body>
class MutObj : public Obj {
 public:
  std::atomic<uintptr_t> stm_owner{0};

 private:
  Body body_{};
  template <class B> friend const B* stm_read(const MutObj<B>* o);
  template <class B> friend B* stm_write(MutObj<B>* o);
  template <class B> friend B* stm_init_body(MutObj<B>* o);
};

// Read barrier: the version of `o` this transaction must read.
template <class Body>
inline const Body* stm_read(const MutObj<Body>* o) { return &o->body_; }

// Write barrier: the version of `o` this transaction may modify (implies a read barrier).
template <class Body>
inline Body* stm_write(MutObj<Body>* o) { return &o->body_; }

// Initialisation of a freshly allocated object that no other thread can see yet: no barrier is
// needed (DESIGN.md: "freshly allocated objects need none"). Use only right after allocation.
template <class Body>
inline Body* stm_init_body(MutObj<Body>* o) { return &o->body_; }

}  // namespace stmjit
