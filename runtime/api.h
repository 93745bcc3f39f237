// api.h: the runtime interface shared by the interpreter, the builtins and (later) the JIT.
//
// Ownership of the implementations (one job per file):
//   runtime/classes*.cpp, runtime/instance*.cpp, runtime/attr*.cpp  -> object model: class objects,
//       MRO, shapes, instances, attribute lookup, descriptors, super, exception hierarchy.
//   runtime/int*.cpp, float*.cpp, str*.cpp, list*.cpp, tuple*.cpp, dict*.cpp, set*.cpp,
//       range*.cpp, ops*.cpp, builtins*.cpp, mod_*.cpp -> built-in types, operators, builtin
//       functions, built-in modules (math, time, sys).
//   interpreter/*  -> bytecode execution, Python function calls, generators, tracebacks, imports.
// Errors: every function here may raise a Python exception by throwing PyException.
#pragma once
#include <cstdarg>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace stmjit {

// ---- built-in classes and singletons (created once by runtime_init, immutable after) ---------
#define STMJIT_BUILTIN_CLASSES(X)                                                              \
  X(object) X(type) X(NoneType) X(bool) X(int) X(float) X(str) X(tuple) X(list) X(dict) X(set) \
  X(frozenset) X(range) X(slice) X(function) X(builtin_function_or_method) X(method) X(module) \
  X(cell) X(code) X(generator) X(property) X(staticmethod) X(classmethod) X(super) X(iterator) \
  X(NotImplementedType) X(ellipsis)
#define STMJIT_DECLARE_CLASS(n) extern ClassObj* cls_##n;
STMJIT_BUILTIN_CLASSES(STMJIT_DECLARE_CLASS)
#undef STMJIT_DECLARE_CLASS

// Exception hierarchy: X(name, base).
#define STMJIT_EXCEPTIONS(X)                                                                   \
  X(BaseException, object) X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException)    \
  X(GeneratorExit, BaseException) X(Exception, BaseException) X(StopIteration, Exception)      \
  X(ArithmeticError, Exception) X(ZeroDivisionError, ArithmeticError)                          \
  X(OverflowError, ArithmeticError) X(AssertionError, Exception) X(AttributeError, Exception)  \
  X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError)               \
  X(NameError, Exception) X(UnboundLocalError, NameError) X(RuntimeError, Exception)          \
  X(RecursionError, RuntimeError) X(NotImplementedError, RuntimeError)                        \
  X(TypeError, Exception) X(ValueError, Exception) X(UnicodeError, ValueError)                \
  X(ImportError, Exception) X(ModuleNotFoundError, ImportError) X(OSError, Exception)         \
  X(FileNotFoundError, OSError) X(SyntaxError, Exception) X(IndentationError, SyntaxError)    \
  X(MemoryError, Exception) X(EOFError, Exception) X(StopAsyncIteration, Exception)             \
  X(BufferError, Exception) X(FloatingPointError, ArithmeticError) X(ReferenceError, Exception) \
  X(SystemError, Exception) X(TabError, IndentationError) X(UnicodeDecodeError, UnicodeError)   \
  X(UnicodeEncodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError)                     \
  X(TimeoutError, OSError) X(BlockingIOError, OSError) X(ChildProcessError, OSError)            \
  X(ConnectionError, OSError) X(BrokenPipeError, ConnectionError)                               \
  X(ConnectionAbortedError, ConnectionError) X(ConnectionRefusedError, ConnectionError)         \
  X(ConnectionResetError, ConnectionError) X(FileExistsError, OSError)                          \
  X(InterruptedError, OSError) X(IsADirectoryError, OSError) X(NotADirectoryError, OSError)     \
  X(PermissionError, OSError) X(ProcessLookupError, OSError) X(Warning, Exception)              \
  X(UserWarning, Warning) X(DeprecationWarning, Warning) X(PendingDeprecationWarning, Warning)  \
  X(SyntaxWarning, Warning) X(RuntimeWarning, Warning) X(FutureWarning, Warning)                \
  X(ImportWarning, Warning) X(UnicodeWarning, Warning) X(BytesWarning, Warning)                 \
  X(ResourceWarning, Warning) X(EncodingWarning, Warning)
#define STMJIT_DECLARE_EXC(n, base) extern ClassObj* exc_##n;
STMJIT_EXCEPTIONS(STMJIT_DECLARE_EXC)
#undef STMJIT_DECLARE_EXC

extern NoneObj none_singleton;
extern BoolObj true_singleton, false_singleton;
extern Obj not_implemented_singleton, ellipsis_singleton;
inline Value v_none() { return Value::from_obj(&none_singleton); }
inline Value v_true() { return Value::from_obj(&true_singleton); }
inline Value v_false() { return Value::from_obj(&false_singleton); }
inline Value v_bool(bool b) { return b ? v_true() : v_false(); }
inline Value v_not_implemented() { return Value::from_obj(&not_implemented_singleton); }
inline bool is_none(Value v) { return v == v_none(); }

// Interned names used by the runtime (dunder methods etc.): `names.__init__` ...
#define STMJIT_NAMES(X)                                                                        \
  X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) X(__lt__)     \
  X(__le__) X(__gt__) X(__ge__) X(__len__) X(__bool__) X(__getitem__) X(__setitem__)          \
  X(__delitem__) X(__contains__) X(__iter__) X(__next__) X(__call__) X(__add__) X(__radd__)   \
  X(__sub__) X(__rsub__) X(__mul__) X(__rmul__) X(__truediv__) X(__rtruediv__)                \
  X(__floordiv__) X(__rfloordiv__) X(__mod__) X(__rmod__) X(__pow__) X(__rpow__)              \
  X(__lshift__) X(__rlshift__) X(__rshift__) X(__rrshift__) X(__and__) X(__rand__) X(__or__)  \
  X(__ror__) X(__xor__) X(__rxor__) X(__matmul__) X(__rmatmul__) X(__iadd__) X(__isub__)       \
  X(__imul__) X(__itruediv__) X(__ifloordiv__) X(__imod__) X(__ipow__) X(__ilshift__)          \
  X(__irshift__) X(__iand__) X(__ior__) X(__ixor__) X(__neg__) X(__pos__) X(__invert__)        \
  X(__abs__) X(__int__) X(__float__) X(__index__) X(__enter__) X(__exit__) X(__get__)          \
  X(__set__) X(__name__) X(__qualname__) X(__module__) X(__class__) X(__dict__) X(__doc__)      \
  X(__main__) X(__builtins__) X(__file__) X(__slots__) X(__getattr__) X(__setattr__)            \
  X(__delattr__) X(__mro__) X(__bases__) X(__traceback__) X(__cause__) X(__context__)           \
  X(__round__) X(__format__) X(__reversed__) X(__set_name__) X(__init_subclass__) X(args)      \
  X(self) X(code) X(value) X(name) X(write) X(flush) X(key) X(reverse) X(sep) X(end) X(file)   \
  X(__path__) X(__package__) X(__spec__) X(__all__)
struct Names {
#define STMJIT_NAME_FIELD(n) StrObj* n;
  STMJIT_NAMES(STMJIT_NAME_FIELD)
#undef STMJIT_NAME_FIELD
};
extern Names names;

// Starts the GC, creates classes, names, builtins and built-in modules. Call once, first.
// `argc/argv` are the program's sys.argv (argv[0] = script path). Implemented by the object
// model (runtime/init.cpp), which calls init_builtin_types_and_functions() once the class
// objects exist. The interpreter then calls interpreter_init().
void runtime_init(int argc, char** argv);
void init_builtin_types_and_functions();   // built-in types' methods, builtins module, math/time/sys
void interpreter_init();                   // generator type etc. (interpreter/)
const GcVector<StrObj*>& program_argv();   // sys.argv as given to runtime_init

// ---- errors --------------------------------------------------------------------------------
[[noreturn]] void raise(ClassObj* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
[[noreturn]] void raise_value(Value exc_instance_or_class);
[[noreturn]] void raise_memory_error();   // a bare MemoryError() (no args), as CPython raises it
// MemoryError if a native (operator new) buffer of count * elem_size bytes could never fit
// in this machine (runtime/memory_limit.cpp; no overflow): call before reserving a size the
// program chose.
void check_native_allocation(size_t count, size_t elem_size = 1);
Value make_exception(ClassObj* type, std::string_view message);   // instance with args=(message,)
bool exception_matches(Value exc, Value class_or_tuple);           // for `except X:`
std::string exception_message(Value exc);                          // str(exc)

// ---- type queries --------------------------------------------------------------------------
ClassObj* class_of(Value v);
inline bool is_exact(Value v, ClassObj* c) { return v.is_obj() && v.as_obj()->cls == c; }
// A float of class float itself (immediate, or a box whose value is outside the immediate range).
inline bool is_exact_float(Value v) { return v.is_imm_float() || is_exact(v, cls_float); }
// The value of a float (immediate, boxed, or an instance of a float subclass).
inline double float_of(Value v) { return v.is_imm_float() ? v.as_imm_float() : v.as<FloatObj>()->value; }
inline Kind kind_of(Value v) {
  if (v.is_small_int()) return Kind::Int;
  if (v.is_imm_float()) return Kind::Float;
  return v.as_obj()->cls->kind;
}
bool is_subclass(ClassObj* sub, ClassObj* base);      // mro membership
bool isinstance(Value v, ClassObj* cls);
std::string type_name(Value v);                       // type(v).__name__

// ---- constructors --------------------------------------------------------------------------
Value make_int(int64_t i);                            // small or big
Value make_int_from_mpz(const mpz_t z);               // normalises to small int when it fits
Value make_float(double d);          // immediate when it fits (value.h), else boxed
Value make_boxed_float(double d);    // always a FloatObj (a box the interpreter may reuse)
StrObj* str_new(std::string_view utf8);               // validates nothing: caller passes UTF-8
StrObj* intern(std::string_view utf8);                // unique per content, never collected
inline Value make_str(std::string_view s) { return Value::from_obj(str_new(s)); }
inline std::string_view str_view(const StrObj* s) { return {s->data, size_t(s->nbytes)}; }
TupleObj* tuple_new(int64_t n);                       // items empty: fill before publishing
TupleObj* tuple_from(const Value* items, int64_t n);
ListObj* list_new(int64_t capacity = 0);
ListObj* list_from(const Value* items, int64_t n);
void list_append(ListObj* l, Value v);
DictObj* dict_new();
SetObj* set_new(bool frozen = false);
void set_add(SetObj* s, Value v);

// ---- conversions ---------------------------------------------------------------------------
bool truthy(Value v);
int64_t as_index(Value v);       // int -> int64 (or __index__); TypeError / OverflowError otherwise
double as_double(Value v);       // int or float -> double; TypeError otherwise
StrObj* repr(Value v);
StrObj* str_of(Value v);         // str(v)

// ---- operators (Python semantics incl. dunders and reflected forms) ------------------------
enum class BinOp : uint8_t { Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor, MatMul };
enum class UnOp : uint8_t { Neg, Pos, Invert, Not };
enum class CmpOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
Value binary_op(BinOp op, Value a, Value b);
Value inplace_op(BinOp op, Value a, Value b);         // tries __iadd__ etc. first
Value unary_op(UnOp op, Value a);
Value compare(CmpOp op, Value a, Value b);            // rich comparison result (any value)
bool compare_bool(CmpOp op, Value a, Value b);        // truthy(compare(...)) with fast paths
bool equals(Value a, Value b);                        // a == b (identity first)
int64_t hash_value(Value v);                          // hash(v); TypeError if unhashable
bool contains(Value container, Value item);           // item in container

// ---- subscripts, iteration -----------------------------------------------------------------
Value getitem(Value o, Value key);
void setitem(Value o, Value key, Value v);
void delitem(Value o, Value key);
Value get_iter(Value o);
Value iter_next(Value it);       // next value, or empty Value when exhausted (no StopIteration)
int64_t length(Value o);         // len(o)

// ---- dicts (keys compared with equals/hash_value) ------------------------------------------
Value dict_get(DictObj* d, Value key);                // empty Value if missing
Value dict_version_get(const DictBody* b, Value key);  // the same in one version (tests)
void dict_set(DictObj* d, Value key, Value v);
bool dict_del(DictObj* d, Value key);                 // false if missing
Value dict_get_str(DictObj* d, StrObj* interned_key); // fast path for interned string keys

// ---- attributes (object model) -------------------------------------------------------------
Value getattr(Value o, StrObj* name);                 // AttributeError if missing
Value getattr_opt(Value o, StrObj* name);             // empty Value if missing
void setattr(Value o, StrObj* name, Value v);
void delattr(Value o, StrObj* name);
Value lookup_in_mro(ClassObj* cls, StrObj* name);     // raw class attribute (no binding) or empty
// Special-method lookup on the type (as CPython does for dunders), bound to `self`; empty if none.
Value lookup_special(Value self, StrObj* name);

// ---- classes and instances -----------------------------------------------------------------
ClassObj* class_new(StrObj* name, TupleObj* bases, DictObj* attrs, StrObj* module_name);
// The same with a metaclass (the new class's type) and class keywords for __init_subclass__.
ClassObj* class_new_full(StrObj* name, TupleObj* bases, DictObj* attrs, StrObj* module_name, ClassObj* meta,
                         Value* kwvalues, TupleObj* kwnames);
InstanceObj* instance_new(ClassObj* cls);             // empty instance of a user class
Shape* shape_add(Shape* from, StrObj* name);          // the shared child shape
int32_t shape_find(const Shape* s, StrObj* name);     // slot index or -1

// ---- calls (implemented by the interpreter for Python functions) ---------------------------
// args: nargs positional followed by one value per kwnames entry (kwnames may be null).
Value call(Value f, Value* args, int64_t nargs, TupleObj* kwnames = nullptr);
inline Value call0(Value f) { return call(f, nullptr, 0); }
inline Value call1(Value f, Value a) { return call(f, &a, 1); }
inline Value call2(Value f, Value a, Value b) { Value v[2] = {a, b}; return call(f, v, 2); }
Value call_method(Value self, StrObj* name, Value* args, int64_t nargs);
// Calling a class object: user classes allocate an instance and run __init__; built-in types
// call the `__new__` builtin their implementation registered in the class dict (it receives the
// class as args[0]). Implemented by the object model; `call` dispatches here for Kind::Class.
Value class_call(ClassObj* cls, Value* args, int64_t nargs, TupleObj* kwnames);
// type.__call__: __new__ then __init__, ignoring a metaclass __call__.
Value class_call_plain(ClassObj* cls, Value* args, int64_t nargs, TupleObj* kwnames);
// Resumes a generator (interpreter/): next value, or empty Value when it is exhausted.
Value generator_next(Value gen);
Value generator_send(Value gen, Value v);
// Python-level recursion limit (sys.setrecursionlimit); enforced by the interpreter.
void set_recursion_limit(int64_t limit);
int64_t get_recursion_limit();

// ---- builtins, modules ---------------------------------------------------------------------
BuiltinFunctionObj* make_builtin(std::string_view name, NativeFn fn);
void def_method(ClassObj* cls, std::string_view name, NativeFn fn);   // installs a builtin method
ModuleObj* module_new(std::string_view name, StrObj* filename = nullptr);
CellObj* module_cell(ModuleObj* m, StrObj* interned_name, bool create);  // null if !create and absent
Value module_get(ModuleObj* m, StrObj* interned_name);                  // empty if unbound
void module_set(ModuleObj* m, StrObj* interned_name, Value v);
ModuleObj* builtins_module();
// Built-in (C++) modules by name, e.g. "math", "time", "sys"; registered during runtime_init.
void register_builtin_module(std::string_view name, ModuleObj* (*init)());
ModuleObj* find_builtin_module(std::string_view name);   // created on first use; null if unknown

// Argument checking helpers for native functions.
void check_nargs(const char* fname, int64_t nargs, int64_t min, int64_t max);   // TypeError
// The same check with the wording of functions that parse "old style" or with keywords
// ("find() takes at most 3 arguments (4 given)"); nargs counts keyword arguments too.
void check_nargs_total(const char* fname, int64_t nargs, int64_t min, int64_t max);
void check_no_kwargs(const char* fname, TupleObj* kwnames);

// Output used by print and tracebacks (sys.stdout / sys.stderr may be replaced by the program).
void write_stdout(std::string_view s);
void write_stderr(std::string_view s);
void flush_std_streams();

}  // namespace stmjit
