// object_model.h: object-model helpers beyond runtime/api.h: class dictionaries and their
// version counters, descriptor binding, raw instance attribute storage, and the built-in
// callables of `object`/`type` that the interpreter may want to recognise for fast paths.
//
// Conventions:
// - Attribute names passed here are interned StrObj (names.*, or intern()).
// - Every write to a class attribute must go through class_set_attr / class_del_attr so the
//   `version` of the class and of all its subclasses changes (inline caches depend on it).
// - lookup_special returns a dunder set to None in a class (e.g. `__hash__ = None`) as the
//   None value itself, unbound: callers treat None as "this operation is not supported".
#pragma once
#include <string>

#include "runtime/api.h"

namespace stmjit {

// ---- classes (runtime/classes*.cpp) -------------------------------------------------------
DictObj* class_dict(ClassObj* cls);                          // the live attribute dict (read only!)
Value class_get_own(ClassObj* cls, StrObj* name);            // own attribute or empty
void class_set_attr(ClassObj* cls, StrObj* name, Value v);   // write + version bump
bool class_del_attr(ClassObj* cls, StrObj* name);            // false if absent
void class_bump_version(ClassObj* cls);                      // cls and all its subclasses
// STM: a transaction's class writes are bumped again when it ends (classes.cpp explains why).
// class_versions_tx_end runs after every commit and abort (hooked in stm_vm_configure);
// while class_tx_writes_pending(), cache fills must not publish entries (they may hold this
// transaction's private values).
void class_versions_tx_end();
bool class_tx_writes_pending();
// A class made inside a transaction is registered with its bases at once (so version bumps
// reach it); an abort unregisters it again (the retry makes a new one). Hooked with
// class_versions_tx_end: `aborted` says how the transaction ended.
void class_registry_tx_end(bool aborted);
// Direct subclasses, in creation order (snapshot). Includes classes that another thread's
// transaction made and has not committed yet (see class_visible_subclasses).
GcVector<ClassObj*> class_subclasses(ClassObj* cls);
// What `cls.__subclasses__()` shows this thread: class_subclasses without the classes other
// threads' running transactions made (they may still abort).
GcVector<ClassObj*> class_visible_subclasses(ClassObj* cls);
// C3 linearisation of `cls` with these bases (TypeError if none exists).
TupleObj* compute_mro(ClassObj* cls, TupleObj* bases);
// Allocates a built-in class object (used by runtime_init; name/bases filled by the caller).
ClassObj* class_alloc_builtin(Kind kind);
// Fills name, bases, mro, dict of a built-in class and registers it as a subclass of its bases.
void class_setup_builtin(ClassObj* cls, const char* name, ClassObj* base);
// A class's root shape (each class owns one; its children are shared by all its instances).
Shape* shape_new_root(ClassObj* cls);
// Is `cls` defined in Python code (not a built-in type or built-in exception)?
bool class_is_user_defined(ClassObj* cls);
// "<class '__main__.C'>" / "<class 'int'>"
std::string class_repr(ClassObj* cls);
// The name used in messages: __name__.
inline std::string_view class_name(ClassObj* cls) { return str_view(cls->name); }

// Adds a read-only attribute computed by `getter(self)` to a built-in class (a property whose
// fget is a builtin receiving args[0] = self).
void def_property(ClassObj* cls, std::string_view name, NativeFn getter);

// ---- descriptors and binding (runtime/attr*.cpp) -------------------------------------------
// A data descriptor (property, or an object whose class has __set__ / __delete__) wins over an
// instance's own attribute.
bool is_data_descriptor(Value attr);
// Binds a class attribute found for `instance` (empty instance = looked up on the class
// itself) the way CPython's __get__ does: functions -> bound methods, staticmethod -> its
// function, classmethod -> bound to `owner`, property -> fget(instance), objects with __get__.
// `name` only improves error messages ("property 'x' of 'C' object has no getter").
Value bind_attr(Value attr, Value instance, ClassObj* owner, StrObj* name = nullptr);
// Per-kind attribute lookup without the final AttributeError (empty Value when missing);
// getattr() is this plus the error. Defined in attr_kinds.cpp, used by attr.cpp.
Value class_getattr(ClassObj* c, StrObj* name);
Value module_getattr(ModuleObj* m, StrObj* name);
Value super_getattr(SuperObj* s, StrObj* name);
Value builtin_kind_getattr(Value o, ClassObj* cls, StrObj* name);
void class_setattr(ClassObj* c, StrObj* name, Value v);
void class_delattr(ClassObj* c, StrObj* name);
// The user's __getattr__ fallback, or empty when the class has none.
Value getattr_hook(Value o, ClassObj* cls, StrObj* name);

// For inline caches: how getattr(instance, name) resolves for instances of `shape`. The
// answer stays valid while the shape is the same and shape->cls->version is unchanged.
struct InstanceAttrPlan {
  enum How : uint8_t {
    Slow,     // anything else (descriptor, __getattr__, missing): call getattr()
    Slot,     // the value is instance slot `slot`
    Method,   // `value` is a Python function in the class: bind it to the instance
    Plain,    // `value` is a class attribute returned as is (no binding)
  } how;
  int32_t slot;
  Value value;
};
InstanceAttrPlan instance_attr_plan(Shape* shape, StrObj* name);

// ---- instances (runtime/instance*.cpp) ------------------------------------------------------
// The raw instance dictionary operations (no descriptors, no __setattr__).
Value instance_load_attr(InstanceObj* o, StrObj* name);      // empty if absent
void instance_store_attr(InstanceObj* o, StrObj* name, Value v);
bool instance_delete_attr(InstanceObj* o, StrObj* name);     // false if absent
// The instance's attribute dict, a live view: the instance switches to dict mode (instance.cpp).
DictObj* instance_dict(InstanceObj* o);
// False for object() and for classes whose instances only have __slots__.
bool class_has_instance_dict(ClassObj* cls);
// Generic object.__setattr__ / object.__delattr__ (descriptors, then the instance slots).
void generic_setattr(Value o, StrObj* name, Value v);
void generic_delattr(Value o, StrObj* name);

// ---- the built-in callables of object/type (runtime/object_methods*.cpp) -------------------
// Recognised by class_call and by the interpreter's fast paths (e.g. "no __init__ to run").
extern BuiltinFunctionObj* object_init_fn;
extern BuiltinFunctionObj* object_new_fn;
extern BuiltinFunctionObj* object_setattr_fn;
extern BuiltinFunctionObj* object_getattribute_fn;
extern BuiltinFunctionObj* base_exception_init_fn;
extern BuiltinFunctionObj* base_exception_new_fn;

// ---- exceptions (runtime/exceptions*.cpp) ---------------------------------------------------
TupleObj* exception_args(Value exc);                         // exc.args (empty tuple if unset)
// "ValueError('x')"
std::string exception_repr(Value exc);

// ---- initialisation steps, in the order runtime_init runs them ----------------------------
void init_object_methods();      // object / type methods
void init_descriptor_types();    // property, staticmethod, classmethod, super
void init_exception_methods();   // BaseException and friends
void init_kind_methods();        // module, method, builtin function
void init_module_registry();     // builtins module

}  // namespace stmjit

namespace stmjit {
// ---- instances of Python subclasses of built-in types (builtin_subclass.cpp) ----
bool builtin_kind_subclassable(Kind k);
bool is_builtin_subclass_instance(Value o);
// `base_value` (a fresh int/float/str/tuple/list/dict/set/frozenset) re-made as an instance of
// `cls` when cls is a Python subclass of its type; otherwise returned unchanged.
Value as_builtin_subclass(Value base_value, Value cls);
DictObj* builtin_subclass_attrs(Value o);
// A dunder a Python subclass of a built-in type defines (bound to `o`), or empty.
Value user_dunder_override(Value o, StrObj* name);
void init_builtin_subclass_support();   // after the built-in types' methods exist
// The attribute dict of a function (created on first use).
DictObj* function_dict(FunctionObj* f);
}  // namespace stmjit

namespace stmjit {
// ---- the built-in behaviour of each operation, ignoring overrides by Python subclasses ----
// (used by the dunder methods of built-in types, e.g. super().__getitem__ in a dict subclass)
Value binop_native(BinOp op, Value a, Value b);        // empty when the types do not support it
Value compare_native(CmpOp op, Value a, Value b);      // empty when the types do not support it
Value getitem_builtin(Value o, Value key);
void setitem_builtin(Value o, Value key, Value v);
void delitem_builtin(Value o, Value key);
Value get_iter_builtin(Value o);
int64_t length_builtin(Value o);
bool contains_builtin(Value container, Value item);
int64_t hash_builtin(Value v);
void init_slot_wrappers();      // dunder methods (__add__, __getitem__, ...) of the built-in types
void init_str_translate();      // str.maketrans / str.translate
void init_str_case_methods();   // case conversions and character classes (str_case.cpp)
// `Class.method` for a native method: a callable that checks its first argument's type.
Value checked_method_descriptor(ClassObj* cls, StrObj* name, Value method);
// Struct sequences (struct_seq.cpp): a tuple subclass whose items are also named attributes.
ClassObj* make_struct_seq_type(const char* qualname, const char* module, const char* const* fields, int64_t n);
Value make_struct_seq(ClassObj* type, const Value* values, int64_t n);
void init_unsupported_builtins();   // last: placeholders for what stmjit lacks (builtins_unsupported.cpp)
}  // namespace stmjit
