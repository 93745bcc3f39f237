// object.h: layouts of every heap object kind in stmjit.
//
// Rules (read before adding a type):
// - Every heap object starts with Obj (its class pointer). Memory comes from the Boehm GC
//   (gc_alloc*), which scans conservatively: any structure holding Values or object pointers must
//   live in GC memory (never in a plain std::vector / std::unordered_map, whose buffers the GC
//   cannot see; use GcVector or GC-allocated arrays).
// - Immutable objects (int, float, str, tuple, code, function, range, bound method, ...) are
//   plain structs: fields are written once before the object is published.
// - Mutable objects derive from MutObj<Body>; their fields are reached only through
//   stm_read / stm_write (stm-barriers/barrier.h).
#pragma once
#include <gmp.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <new>
#include <vector>

#include <gc/gc.h>
#include <gc/gc_allocator.h>

#include "runtime/gc_alloc.h"
#include "runtime/value.h"
#include "stm-barriers/barrier.h"

namespace stmjit {

template <class T> using GcVector = std::vector<T, gc_allocator<T>>;

// What a class's instances are made of; selects fast paths in the interpreter and runtime.
enum class Kind : uint8_t {
  None, Bool, Int, Float, Str, Tuple, List, Dict, Set, FrozenSet, Range, Slice,
  Function, BuiltinFunction, BoundMethod, Class, Instance, Module, Cell, Code,
  Generator, Property, StaticMethod, ClassMethod, Super, Iterator, NotImplemented, Ellipsis,
};

struct StrObj;
struct TupleObj;
struct DictObj;
struct Shape;
struct CodeObj;
struct ModuleObj;

// ---- immutable scalars -------------------------------------------------------------------

struct NoneObj : Obj {};
struct BoolObj : Obj { bool value; };
struct FloatObj : Obj { double value; };
// Integer outside the small-int range (arbitrary precision, GMP limbs in GC memory).
struct IntObj : Obj { mpz_t value; };

// Immutable string: UTF-8 bytes plus code-point length. `ascii` makes indexing O(1).
struct StrObj : Obj {
  int64_t nbytes;                 // UTF-8 length
  int64_t length;                 // code points
  std::atomic<int64_t> hash;      // -1 = not computed yet (benign race: same value)
  bool ascii;
  bool interned;
  char data[1];                   // nbytes + 1 (NUL-terminated)
};

struct TupleObj : Obj {
  int64_t length;
  Value items[1];                 // `length` items
};

struct RangeObj : Obj { int64_t start, stop, step, length; };
struct SliceObj : Obj { Value start, stop, step; };   // None when omitted

// ---- mutable containers ------------------------------------------------------------------

struct ListBody {
  int64_t length;
  int64_t capacity;
  Value* items;                   // GC array of `capacity`
  // items[0, shared_prefix) may be read through other versions of this list, which share the
  // array: nothing may store there. A transaction's private version shares the committed
  // version's array (stm_clone_version, share_appendable) rather than copying it, because its
  // appends store past every version's length and a pop from the end stores nothing; only
  // other changes copy the array first (then shared_prefix is 0). TransactionQueue workers
  // pop their task lists and tasks append results to one list: copying the whole list in each
  // transaction made those runs quadratic. Write through list_write_body, list_append_body or
  // list_tail_body, never stm_write.
  int64_t shared_prefix;
};
struct ListObj : MutObj<ListBody> {};
template <> struct StmBodyTraits<ListBody> {
  static void deep_copy(ListBody& b);          // the items array
  static void share_appendable(ListBody& b);   // keep the array, mark it shared
  static constexpr const char* name = "list";
};
// The private (or, outside transactions, the only) version of l for a write that may store
// anywhere: its items array is its own (shared_prefix 0).
ListBody* list_write_body(ListObj* l);
// The same for appends only: stores at index >= length, which is at least shared_prefix.
ListBody* list_append_body(ListObj* l);
// The same for lowering length without storing (pop from the end); shared_prefix may remain.
ListBody* list_tail_body(ListObj* l);
// A plain stm_write of a list would store into an array other versions share: refused at
// compile time (the three functions above call the template with the MutObj base).
ListBody* stm_write(ListObj* l) = delete;

// Insertion-ordered hash table (compact dict): `entries` in insertion order (deleted entries
// have key empty), `index` maps hash slots to entry numbers (-1 free, -2 deleted). An index
// slot holding an entry number >= used reads as free: see `shared`.
struct DictEntry { int64_t hash; Value key; Value value; };
constexpr int64_t kDictSlotFree = -1, kDictSlotDeleted = -2;
struct DictBody {
  int64_t length;                 // live entries
  int64_t used;                   // entries[0..used) in use (incl. deleted)
  int64_t entry_capacity;
  DictEntry* entries;
  int64_t index_mask;             // index size - 1 (power of two)
  // index_mask + 2 words: the slots, then the claim word (the highest entry count any version
  // using these arrays has reached; runtime/dict.cpp).
  int64_t* index;
  // The arrays may be read through other versions of this dict: a transaction's private
  // version shares the committed version's arrays (stm_clone_version, share_appendable),
  // because inserting a new key only writes past every version's `used` (an entry, and a
  // free index slot, which those versions read as free). It first claims the entry number
  // by CAS on the claim word, so an aborted or doomed sharer's leftovers are never reused in
  // place: a failed claim copies. Any other change copies the arrays first (then shared is
  // false). A TransactionQueue whose tasks store results in one dict copied it in each task.
  // Write through dict_write_body or dict_insert_body, never stm_write.
  bool shared;
};
struct DictObj : MutObj<DictBody> {};
// set and frozenset share the dict table (values: fill numbers). frozenset is never mutated
// after creation. Sets have no index; their table is shared the same way (runtime/set.cpp).
struct SetObj : MutObj<DictBody> {};
template <> struct StmBodyTraits<DictBody> {
  static void deep_copy(DictBody& b);          // the entries and index arrays
  static void share_appendable(DictBody& b);   // dicts: keep the arrays, mark them shared
  static constexpr const char* name = "dict";
};
// The private (or, outside transactions, the only) version of d for any change: its arrays
// are its own (shared false).
DictBody* dict_write_body(DictObj* d);
// The same for inserting a new key: the arrays may still be shared (runtime/dict.cpp claims).
DictBody* dict_insert_body(DictObj* d);
DictBody* stm_write(DictObj* d) = delete;
// The same for sets: any change, or adding a key (the table may still be shared).
DictBody* set_write_body(SetObj* s);
DictBody* set_insert_body(SetObj* s);
DictBody* stm_write(SetObj* s) = delete;
void set_table_copy(DictBody& b);   // runtime/set.cpp: deep_copy of a set's table

// Big private copies (a transaction's first change of a big list, dict or set that cannot
// share the committed arrays), counted per kind and location so that --stm-report can name
// the sites that copied most (runtime/stm_versions.cpp).
struct StmCopySite { const char* kind; uint64_t location; uint64_t count, bytes; };
void stm_note_private_copy(const char* kind, size_t bytes);
std::vector<StmCopySite> stm_copy_sites();   // most bytes first

// ---- code, functions, classes ------------------------------------------------------------

struct CellBody { Value value; };   // empty = unbound
struct CellObj : MutObj<CellBody> {};
template <> struct StmBodyTraits<CellBody> {
  static void deep_copy(CellBody&) {}
  static constexpr const char* name = "cell";
};

// Native function: args[0..nargs) positional, then one value per name in kwnames (may be null).
// For methods args[0] is self. Errors are raised by throwing PyException (runtime/api.h).
using NativeFn = Value (*)(Value* args, int64_t nargs, TupleObj* kwnames);

struct BuiltinFunctionObj : Obj {
  StrObj* name;
  NativeFn fn;
  Value self;                     // bound receiver for builtin methods of modules; usually empty
  // A native method of a class (def_method): binds to instances like a Python function does.
  // Free native functions (len, math.sqrt) stored in a class do not bind, as in CPython.
  bool is_method = false;
  bool no_kwargs = false;         // positional-only: keyword arguments are a TypeError
  struct ClassObj* owner = nullptr;   // for methods: the class (named in error messages)
};

// A native method that binds to instances (is_method and no receiver of its own).
// (A checked method descriptor, Class.method, also binds: its `self` is the descriptor.)
inline bool is_unbound_native_method(const BuiltinFunctionObj* f) { return f->is_method; }

struct FunctionObj : Obj {
  CodeObj* code;
  ModuleObj* module;              // globals
  TupleObj* defaults;             // positional defaults (may be null)
  DictObj* kwdefaults;            // keyword-only defaults (may be null)
  TupleObj* closure;              // tuple of CellObj for code->freevars (may be null)
  StrObj* name;
  StrObj* qualname;
  // Attributes set on the function (f.attr = v, functools.wraps): created on the first store
  // with one CAS, so it is never part of a transaction's conflicts; the dict itself is
  // transactional like any other.
  std::atomic<DictObj*> dict{nullptr};
  // __annotations__: set by MAKE_FUNCTION, or created empty on first access (same CAS rule).
  std::atomic<DictObj*> annotations{nullptr};
};

struct BoundMethodObj : Obj { Value self; Value func; };
struct PropertyObj : Obj { Value fget, fset, fdel; };
struct StaticMethodObj : Obj { Value func; };
struct ClassMethodObj : Obj { Value func; };
struct SuperObj : Obj { struct ClassObj* start; Value self; };

// A hidden class: the ordered attribute names of an instance. Shapes are immutable once
// published, shared by all threads; a transition table (guarded by a mutex, never part of a
// transaction) finds the child shape that adds one name. Shape identity implies the class.
struct Shape {
  uint32_t id;                    // process-unique, used by inline caches
  struct ClassObj* cls;
  Shape* parent;
  int32_t nslots;
  StrObj** names;                 // nslots interned names; slot i holds names[i]
  std::mutex* transitions_lock;
  GcVector<Shape*>* transitions;
};

struct ClassBody {
  DictObj* dict;                  // class attributes: str -> value
};
template <> struct StmBodyTraits<ClassBody> {
  static void deep_copy(ClassBody&) {}
  static constexpr const char* name = "class";
};
struct ClassObj : MutObj<ClassBody> {
  // Immutable after class creation:
  StrObj* name;
  StrObj* qualname;
  StrObj* module_name;
  TupleObj* bases;                // tuple of ClassObj
  TupleObj* mro;                  // tuple of ClassObj, self first
  Kind kind;                      // layout of instances
  Shape* root_shape;              // for Kind::Instance
  // Runtime caches, not transactional: bumped whenever a class attribute of this class or a
  // base changes, so inline caches keyed on it stay valid.
  std::atomic<uint64_t> version;
  std::atomic<int32_t> expected_slots;   // slack tracking for instance allocation
  // Constructor cache for class_call: an immutable GC entry {version, __new__, __init__},
  // replaced whole with one atomic store (runtime/object_methods.cpp).
  std::atomic<void*> ctor_cache;
};

constexpr int kInlineSlots = 6;
// What only some instances need, in a GC block of its own so that the common instance (at most
// kInlineSlots attributes, no __dict__ taken) does not carry it. Owned by the body pointing to
// it, like a list's items array: a transaction's private copy gets its own block (deep_copy),
// and a committed version's block is never written again.
struct InstanceExtra {
  int64_t capacity;               // allocated overflow slots
  // Dict mode: once a program takes `obj.__dict__`, the attributes move into this dict, which
  // the program then reads and writes directly (a live view, as in CPython).
  DictObj* dict;
  Value slots[1];                 // `capacity` slots: slot kInlineSlots + i is slots[i]
};
struct InstanceBody {
  Shape* shape;                   // null in dict mode (and for object() instances)
  Value inline_slots[kInlineSlots];
  InstanceExtra* extra;           // null until an instance outgrows the inline slots or takes __dict__
};
struct InstanceObj : MutObj<InstanceBody> {};
// render.py-like programs allocate millions of small instances (about half of their bytes):
// every byte here is allocation volume and GC work. 112 = Obj 8 + STM header 24 + version
// header 16 + body 64; rare fields belong in InstanceExtra, not here.
static_assert(sizeof(InstanceObj) == 112, "keep the common instance small (see InstanceExtra)");
template <> struct StmBodyTraits<InstanceBody> {
  static void deep_copy(InstanceBody& b);   // the extra block
  static constexpr const char* name = "instance";
};

struct ModuleBody {
  DictObj* cells;                 // interned name -> CellObj (cells are never removed)
};
template <> struct StmBodyTraits<ModuleBody> {
  static void deep_copy(ModuleBody&) {}
  static constexpr const char* name = "module";
};
struct ModuleObj : MutObj<ModuleBody> {
  StrObj* name;
  StrObj* filename;               // may be null for built-in modules
};

// Iterator over a built-in sequence or mapping (list, tuple, str, range, dict views, set).
struct IterBody {
  Value source;
  int64_t index;
  int32_t mode;                   // which sequence / view (runtime-private)
};
struct IterObj : MutObj<IterBody> {};
template <> struct StmBodyTraits<IterBody> {
  static void deep_copy(IterBody&) {}
  static constexpr const char* name = "iterator";
};

// Raised Python exceptions travel through C++ as this (zero cost when nothing is raised).
struct PyException {
  Value exc;                      // an instance of BaseException (or subclass)
};

// ---- allocation ---------------------------------------------------------------------------

// Zeroed GC memory that may contain pointers. An allocation the heap cannot satisfy throws
// std::bad_alloc, which the interpreter turns into MemoryError.
inline void* gc_alloc(size_t n) {
  if (n - 1 < kGcCacheMaxBytes) return gc_cache_alloc(n);   // n in 1..max (n = 0 wraps)
  void* p = GC_MALLOC(n);
  return p || !n ? p : gc_alloc_retry(GcKind::Normal, n);
}
// Not cleared and not scanned by the GC: for bytes and doubles only.
inline void* gc_alloc_atomic(size_t n) {
  void* p = GC_MALLOC_ATOMIC(n);
  return p || !n ? p : gc_alloc_retry(GcKind::Atomic, n);
}

// Pointer-free memory for a fixed-size object that is only ever referenced by pointers to its
// start (a float box). Boehm runs with all interior pointers recognised (Debian's build) and
// adds one byte to every request, so that a pointer just past the end of an array still keeps
// the array alive; an object whose size is a multiple of the 16-byte granule then takes one
// granule more: a 16-byte float took 32 bytes. Nothing points just past a float, so it asks
// one byte less and gets a block of exactly its size (a request rounds up to whole granules;
// the extra byte is the block's own). Only for pointer-free objects: Boehm does not scan the
// last word of a block in this mode, so a pointer stored there would be missed.
inline constexpr size_t gc_exact_request(size_t n) { return n % 16 == 0 && n > 0 ? n - 1 : n; }
static_assert(gc_exact_request(16) == 15 && gc_exact_request(24) == 24);
inline void* gc_alloc_atomic_exact(size_t n) {
  void* p = GC_MALLOC_ATOMIC(gc_exact_request(n));
  if (!p) p = gc_alloc_retry(GcKind::Atomic, gc_exact_request(n));
  // GC_MALLOC_ATOMIC is declared alloc_size(1): hide the smaller request from the optimizer,
  // which would otherwise take the object's last byte for out of bounds.
  asm("" : "+r"(p));
  return p;
}

// Points the STM core at GC memory for versions and logs (runtime/stm_versions.cpp).
void stm_vm_configure();

// Runs its scope outside the thread's transaction: objects allocated inside are plain (owner 0,
// committed at once) instead of fresh objects owned by the running transaction. Use it for
// objects that are published through a channel the STM does not see (a registry, a lazily
// CAS'd field, a global): a fresh object would be reachable by other threads while its
// creator still writes it in place (no copy: it owns it), and an abort would not undo those
// writes. Inside, only allocate and fill in new objects, and read objects no transaction can
// be changing (built-in classes); never write an object other threads may already reach, as
// that write would bypass the STM. Later writes to the new objects, made after the scope, go
// through the barriers like writes to any shared object.
class OutsideTransaction {
 public:
  OutsideTransaction() : saved_(t_stm_tx) { t_stm_tx = nullptr; }
  ~OutsideTransaction() { t_stm_tx = saved_; }
  OutsideTransaction(const OutsideTransaction&) = delete;
  OutsideTransaction& operator=(const OutsideTransaction&) = delete;

 private:
  stm::StmTx* saved_;
};

template <class T>
inline T* gc_new(ClassObj* cls) {
  void* p = gc_alloc(sizeof(T));
  T* o = new (p) T();
  o->cls = cls;
  return o;
}

}  // namespace stmjit
