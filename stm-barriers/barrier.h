// barrier.h: the STM barrier contract (see ../shared/DESIGN.md, "The barrier contract").
//
// Every mutable heap object keeps its fields in a Body that can only be reached through
// stm_read (a version this transaction may read) or stm_write (a version this transaction may
// write). C++ access control enforces it: MutObj::body_ is private and only these functions
// are friends, so a bypass does not compile.
//
// Each MutObj embeds an STM header (stm-barriers/stm_core.h) and its first version inline, so
// creating an object is still one allocation. When the thread runs a transaction (t_stm_tx is
// set), the barriers go through the STM core: reads get the newest committed version (or this
// transaction's private one), the first write in a transaction takes ownership and works on a
// private copy (StmBodyTraits::deep_copy duplicates arrays the body owns, so the committed
// version is never touched). Without a transaction (the --gil mode, and start-up before any
// thread runs transactions) the barriers return the committed version itself, read and written
// in place: a plain load more than a field access.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

#include "stm-barriers/stm_core.h"

namespace stmjit {

struct ClassObj;

// Header shared by every heap object: its Python class. Set once at allocation, never changed
// afterwards (no __class__ assignment), so reading it needs no barrier.
struct Obj {
  ClassObj* cls;
};

// The transaction this thread runs, or null (no transaction: --gil mode or start-up).
// constinit: no dynamic initialisation, so every access is a direct %fs-relative load (no TLS
// wrapper call).
extern constinit thread_local stm::StmTx* t_stm_tx;

// What a private copy of a Body must duplicate besides the struct itself (arrays the body
// owns, which the committed version keeps using), and the kind's name in conflict reports.
// Specialised next to each Body that owns memory.
template <class Body>
struct StmBodyTraits {
  static void deep_copy(Body&) {}
  static constexpr const char* name = "object";
};

// A version of an object: the STM's timestamp header, then the body at offset 16.
template <class Body>
struct StmVersionOf {
  stm::StmVersion hdr;
  Body body{};
};

// A body kind whose traits define share_appendable(Body&) may, when the previous owner has
// ended, keep sharing an array with the committed version and append to it in place (slots
// past every version's length); its write paths copy the array before any other change.
template <class Body>
void stm_clone_version(const stm::StmVersion* src, stm::StmVersion* dst, stm::StmCloneMode mode) {
  Body* copy = new (stm::stm_body<Body>(dst)) Body(*stm::stm_body<Body>(src));
  if constexpr (requires(Body& b) { StmBodyTraits<Body>::share_appendable(b); }) {
    if (mode == stm::StmCloneMode::PreviousOwnerEnded) {
      StmBodyTraits<Body>::share_appendable(*copy);
      return;
    }
  }
  StmBodyTraits<Body>::deep_copy(*copy);
}

// One StmTypeOps per body type, constant-initialised (no guard on the barrier paths).
template <class Body>
inline constexpr stm::StmTypeOps kStmTypeOps{sizeof(StmVersionOf<Body>), &stm_clone_version<Body>,
                                             StmBodyTraits<Body>::name};

// A heap object with mutable fields.
template <class Body>
class MutObj : public Obj {
 public:
  stm::StmObject stm_header;

  MutObj() {
    static_assert(offsetof(StmVersionOf<Body>, body) == sizeof(stm::StmVersion),
                  "the STM core expects the body right after the version header");
    static_assert(offsetof(MutObj, stm_header) == sizeof(Obj), "stm_object_of relies on it");
    // Inline copies of stm_init_plain / stm_init_fresh (this runs at every allocation; the
    // members are already zero). Allocated by a transaction: it owns the object, so later
    // writes need no copy; nobody else can reach it before that transaction commits a
    // reference to it. Relaxed stores: publishing the object orders them.
    stm_header.committed.store(&body_.hdr, std::memory_order_relaxed);
    if (stm::StmTx* tx = t_stm_tx) [[unlikely]] {
      body_.hdr.tag = tx->serial;
      stm_header.priv.store(&body_.hdr, std::memory_order_relaxed);
      stm_header.owner.store(tx->serial, std::memory_order_relaxed);
    }
  }

 private:
  StmVersionOf<Body> body_{};   // the first version, inline
  template <class B> friend const B* stm_read(const MutObj<B>* o);
  template <class B> friend B* stm_write(MutObj<B>* o);
  template <class B> friend B* stm_init_body(MutObj<B>* o);
};

// The object an STM header belongs to (for reports: the header sits right after the class
// pointer in every MutObj, whatever the body).
inline const Obj* stm_object_of(const stm::StmObject* h) {
  return reinterpret_cast<const Obj*>(reinterpret_cast<const char*>(h) - sizeof(Obj));
}

// Read barrier: the version of `o` this transaction must read. Never write through it, and do
// not keep it across a stm_write of the same object (the write makes a new private version).
template <class Body>
inline const Body* stm_read(const MutObj<Body>* o) {
  if (stm::StmTx* tx = t_stm_tx) return stm::stm_body<Body>(stm::stm_read(tx, &o->stm_header));
  // acquire: code outside a transaction (start-up, --gil) sees bodies others published.
  return stm::stm_body<Body>(o->stm_header.committed.load(std::memory_order_acquire));
}

// Write barrier: the version of `o` this transaction may modify (implies a read barrier).
template <class Body>
inline Body* stm_write(MutObj<Body>* o) {
  if (stm::StmTx* tx = t_stm_tx)
    return stm::stm_body<Body>(stm::stm_write(tx, &o->stm_header, &kStmTypeOps<Body>));
  return stm::stm_body<Body>(o->stm_header.committed.load(std::memory_order_acquire));
}

// Initialisation of a freshly allocated object that no other thread can see yet: no barrier is
// needed (DESIGN.md: "freshly allocated objects need none"). Use only right after allocation.
template <class Body>
inline Body* stm_init_body(MutObj<Body>* o) { return &o->body_.body; }

}  // namespace stmjit
