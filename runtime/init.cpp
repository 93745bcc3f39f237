// init.cpp: runtime_init: starts the GC, creates every built-in class and exception class, the
// singletons (None, True, False, NotImplemented, Ellipsis), the interned `names`, the builtins
// module, sys.argv, and then hands over to the built-in types (init_builtin_types_and_functions).
//
// Order matters: class objects are allocated (with their Kind) before anything else, because
// creating strings, tuples and dicts stamps objects with cls_str / cls_tuple / cls_dict and the
// dict code asks a key's kind; names, bases and dicts are filled in afterwards.
#include "runtime/bytes.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

#define STMJIT_DEFINE_CLASS(n) ClassObj* cls_##n;
STMJIT_BUILTIN_CLASSES(STMJIT_DEFINE_CLASS)
#undef STMJIT_DEFINE_CLASS
#define STMJIT_DEFINE_EXC(n, base) ClassObj* exc_##n;
STMJIT_EXCEPTIONS(STMJIT_DEFINE_EXC)
#undef STMJIT_DEFINE_EXC

NoneObj none_singleton;
BoolObj true_singleton, false_singleton;
Obj not_implemented_singleton, ellipsis_singleton;
Names names;

namespace {

GcVector<StrObj*> argv_strings;
bool initialised = false;

Kind builtin_kind(std::string_view n) {
  static const struct { const char* name; Kind kind; } table[] = {
      {"object", Kind::Instance}, {"type", Kind::Class}, {"NoneType", Kind::None},
      {"bool", Kind::Bool}, {"int", Kind::Int}, {"float", Kind::Float}, {"str", Kind::Str},
      {"tuple", Kind::Tuple}, {"list", Kind::List}, {"dict", Kind::Dict}, {"set", Kind::Set},
      {"frozenset", Kind::FrozenSet}, {"range", Kind::Range}, {"slice", Kind::Slice},
      {"function", Kind::Function}, {"builtin_function_or_method", Kind::BuiltinFunction},
      {"method", Kind::BoundMethod}, {"module", Kind::Module}, {"cell", Kind::Cell},
      {"code", Kind::Code}, {"generator", Kind::Generator}, {"property", Kind::Property},
      {"staticmethod", Kind::StaticMethod}, {"classmethod", Kind::ClassMethod},
      {"super", Kind::Super}, {"iterator", Kind::Iterator},
      {"NotImplementedType", Kind::NotImplemented}, {"ellipsis", Kind::Ellipsis}};
  for (auto& e : table)
    if (n == e.name) return e.kind;
  return Kind::Instance;
}

void allocate_classes() {
#define STMJIT_ALLOC_CLASS(n) cls_##n = class_alloc_builtin(builtin_kind(#n));
  STMJIT_BUILTIN_CLASSES(STMJIT_ALLOC_CLASS)
#undef STMJIT_ALLOC_CLASS
#define STMJIT_ALLOC_EXC(n, base) exc_##n = class_alloc_builtin(Kind::Instance);
  STMJIT_EXCEPTIONS(STMJIT_ALLOC_EXC)
#undef STMJIT_ALLOC_EXC
#define STMJIT_SET_META(n) cls_##n->cls = cls_type;
  STMJIT_BUILTIN_CLASSES(STMJIT_SET_META)
#undef STMJIT_SET_META
#define STMJIT_SET_META_EXC(n, base) exc_##n->cls = cls_type;
  STMJIT_EXCEPTIONS(STMJIT_SET_META_EXC)
#undef STMJIT_SET_META_EXC
  none_singleton.cls = cls_NoneType;
  true_singleton.cls = cls_bool;
  true_singleton.value = true;
  false_singleton.cls = cls_bool;
  false_singleton.value = false;
  not_implemented_singleton.cls = cls_NotImplementedType;
  ellipsis_singleton.cls = cls_ellipsis;
}

// BaseException's base is spelled `object` in STMJIT_EXCEPTIONS; every other base is an exception.
ClassObj* exception_by_name(std::string_view n) {
#define STMJIT_EXC_BY_NAME(e, base) \
  if (n == #e) return exc_##e;
  STMJIT_EXCEPTIONS(STMJIT_EXC_BY_NAME)
#undef STMJIT_EXC_BY_NAME
  return cls_object;
}

void setup_classes() {
  // Bases come first so their MRO exists when a subclass's is computed (exceptions are listed
  // in hierarchy order; bool's base int is done up front).
  class_setup_builtin(cls_object, "object", nullptr);
  class_setup_builtin(cls_int, "int", cls_object);   // before bool, its subclass
#define STMJIT_SETUP_CLASS(n)                   \
  if (cls_##n != cls_object && cls_##n != cls_int) \
    class_setup_builtin(cls_##n, #n, cls_##n == cls_bool ? cls_int : cls_object);
  STMJIT_BUILTIN_CLASSES(STMJIT_SETUP_CLASS)
#undef STMJIT_SETUP_CLASS
#define STMJIT_SETUP_EXC(n, base) class_setup_builtin(exc_##n, #n, exception_by_name(#base));
  STMJIT_EXCEPTIONS(STMJIT_SETUP_EXC)
#undef STMJIT_SETUP_EXC
}

void fill_builtins_module() {
  ModuleObj* b = builtins_module();
#define STMJIT_EXPORT_CLASS(n) module_set(b, cls_##n->name, Value::from_obj(cls_##n));
  // Only the classes Python exposes in builtins (not function, method, cell, ...).
  STMJIT_EXPORT_CLASS(object) STMJIT_EXPORT_CLASS(type) STMJIT_EXPORT_CLASS(int)
  STMJIT_EXPORT_CLASS(float) STMJIT_EXPORT_CLASS(str) STMJIT_EXPORT_CLASS(bool)
  STMJIT_EXPORT_CLASS(list) STMJIT_EXPORT_CLASS(tuple) STMJIT_EXPORT_CLASS(dict)
  STMJIT_EXPORT_CLASS(set) STMJIT_EXPORT_CLASS(frozenset) STMJIT_EXPORT_CLASS(range)
  STMJIT_EXPORT_CLASS(slice) STMJIT_EXPORT_CLASS(property) STMJIT_EXPORT_CLASS(staticmethod)
  STMJIT_EXPORT_CLASS(classmethod) STMJIT_EXPORT_CLASS(super)
#undef STMJIT_EXPORT_CLASS
#define STMJIT_EXPORT_EXC(n, base) module_set(b, exc_##n->name, Value::from_obj(exc_##n));
  STMJIT_EXCEPTIONS(STMJIT_EXPORT_EXC)
#undef STMJIT_EXPORT_EXC
  module_set(b, intern("None"), v_none());
  module_set(b, intern("True"), v_true());
  module_set(b, intern("False"), v_false());
  module_set(b, intern("NotImplemented"), v_not_implemented());
  module_set(b, intern("Ellipsis"), Value::from_obj(&ellipsis_singleton));
  // CPython spells these aliases of OSError as the same class.
  module_set(b, intern("IOError"), Value::from_obj(exc_OSError));
  module_set(b, intern("EnvironmentError"), Value::from_obj(exc_OSError));
}

}  // namespace

const GcVector<StrObj*>& program_argv() { return argv_strings; }

void runtime_init(int argc, char** argv) {
  if (initialised) return;
  initialised = true;
  GC_INIT();
  GC_allow_register_threads();
  // Fewer, larger collections: the interpreter allocates many short-lived objects (floats,
  // bound methods) and Boehm's default heap growth collects too eagerly for that. A
  // collection stops every thread, so its pause is a serial section of a threaded program;
  // the pause is mostly fixed (marking the live objects), so a larger heap means less of it:
  // bench/render.py at 2 threads spends 84 ms in 58 pauses with 16 MiB and 38 ms in 18 with
  // 48 MiB (GC_PRINT_STATS=1). Pages are touched only as allocation reaches them, so small
  // programs stay small. Boehm's GC_INITIAL_HEAP_SIZE adds to this.
  GC_set_free_space_divisor(2);
  GC_expand_hp(size_t(48) << 20);
  // Boehm warns on stderr about repeated large allocations (deep recursion, big lists); the
  // warning is about heap-growth heuristics, not an error, and would corrupt program output.
  GC_set_warn_proc([](char*, GC_word) {});
  stm_vm_configure();
  // Before any thread exists: switching GMP's allocator while another thread is inside an mpz
  // call would hand memory from one allocator to the other's free. (make_int also calls it,
  // through a call_once, for embedders that skip runtime_init.)
  gmp_use_gc_memory();

  allocate_classes();
#define STMJIT_INTERN_NAME(n) names.n = intern(#n);
  STMJIT_NAMES(STMJIT_INTERN_NAME)
#undef STMJIT_INTERN_NAME
  setup_classes();
  init_module_registry();
  init_object_methods();
  init_descriptor_types();
  init_exception_methods();
  init_kind_methods();
  fill_builtins_module();
  for (int i = 0; i < argc; i++) argv_strings.push_back(str_new(argv[i]));
  init_builtin_types_and_functions();
  // bytes is made on first use (call_once); make it now, single-threaded and outside any
  // transaction, so its class objects are committed ones that every thread may read (made
  // inside a transaction they would be fresh objects of it, published through a global).
  bytes_class();
}

}  // namespace stmjit
