// test_object_model.cpp: unit tests of the object model that need no interpreter: built-in
// classes, class creation and the C3 MRO, shapes, instance attributes, class versions,
// descriptors, super, exceptions and their messages, modules, argument-check messages.
// Methods here are native builtins, so calling them needs no Python code.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "runtime/instance.h"
#include "runtime/object_model.h"

using namespace stmjit;

namespace {

class ObjectModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static char arg0[] = "prog.py";
    static char* argv[] = {arg0, nullptr};
    runtime_init(1, argv);
  }
};

StrObj* S(const char* s) { return intern(s); }
Value V(ClassObj* c) { return Value::from_obj(c); }
std::string str(StrObj* s) { return std::string(str_view(s)); }

// The type and str() of the exception `f` raises.
template <class F>
std::string raised(F f) {
  try {
    f();
  } catch (PyException& e) {
    return type_name(e.exc) + ": " + exception_message(e.exc);
  }
  return "(nothing raised)";
}

ClassObj* make_class(const char* name, std::initializer_list<ClassObj*> bases, DictObj* attrs = nullptr) {
  std::vector<Value> b;
  for (ClassObj* c : bases) b.push_back(V(c));
  return class_new(S(name), tuple_from(b.data(), int64_t(b.size())), attrs ? attrs : dict_new(), S("__main__"));
}

std::string mro_names(ClassObj* c) {
  std::string s;
  for (int64_t i = 0; i < c->mro->length; i++) {
    if (i) s += ",";
    s += class_name(c->mro->items[i].as<ClassObj>());
  }
  return s;
}

// Native methods used as class attributes.
Value m_ident(Value* a, int64_t n, TupleObj*) { return a[0]; }

// A native method, as def_method registers it (binds to instances, unlike a free builtin).
BuiltinFunctionObj* native_method(std::string_view name, NativeFn fn) {
  BuiltinFunctionObj* f = make_builtin(name, fn);
  f->is_method = true;
  return f;
}
Value m_second(Value* a, int64_t n, TupleObj*) { return n > 1 ? a[1] : v_none(); }
Value m_get_x(Value* a, int64_t, TupleObj*) { return getattr(a[0], intern("_x")); }
Value m_set_x(Value* a, int64_t, TupleObj*) {
  setattr(a[0], intern("_x"), a[1]);
  return v_none();
}
Value m_init_store(Value* a, int64_t n, TupleObj*) {
  setattr(a[0], intern("v"), n > 1 ? a[1] : v_none());
  return v_none();
}
Value m_init_returns_int(Value*, int64_t, TupleObj*) { return make_int(1); }

}  // namespace

TEST_F(ObjectModel, BuiltinClasses) {
  EXPECT_EQ(str(cls_int->name), "int");
  EXPECT_EQ(mro_names(cls_bool), "bool,int,object");
  EXPECT_EQ(mro_names(exc_KeyError), "KeyError,LookupError,Exception,BaseException,object");
  EXPECT_EQ(class_repr(cls_int), "<class 'int'>");
  EXPECT_EQ(class_of(make_int(3)), cls_int);
  EXPECT_EQ(class_of(v_none()), cls_NoneType);
  EXPECT_EQ(class_of(V(cls_int)), cls_type);
  EXPECT_EQ(class_of(v_true()), cls_bool);
  EXPECT_TRUE(isinstance(v_true(), cls_int));
  EXPECT_EQ(module_get(builtins_module(), S("ValueError")), V(exc_ValueError));
  EXPECT_EQ(module_get(builtins_module(), S("object")), V(cls_object));
  EXPECT_EQ(module_get(builtins_module(), S("None")), v_none());
  EXPECT_EQ(str(names.__init__), "__init__");
  // program_argv() is whatever the binary's first runtime_init got (suites share one
  // process when run together); sys.argv is checked by the corpus and cli_program_args.
  // type(x) and its attributes
  Value one = make_int(1);
  EXPECT_EQ(class_call(cls_type, &one, 1, nullptr), V(cls_int));
  EXPECT_EQ(getattr(V(cls_int), names.__name__), Value::from_obj(cls_int->name));
  EXPECT_EQ(str(getattr(V(cls_int), names.__module__).as<StrObj>()), "builtins");
}

TEST_F(ObjectModel, ClassCreationAndC3) {
  ClassObj* A = make_class("A", {});
  ClassObj* B = make_class("B", {A});
  ClassObj* C = make_class("C", {A});
  ClassObj* D = make_class("D", {B, C});
  EXPECT_EQ(mro_names(D), "D,B,C,A,object");
  EXPECT_EQ(class_repr(D), "<class '__main__.D'>");
  EXPECT_TRUE(is_subclass(D, A));
  EXPECT_FALSE(is_subclass(A, D));
  EXPECT_EQ(raised([&] { make_class("E", {A, B}); }),
            "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B");
  EXPECT_EQ(raised([&] { make_class("F", {cls_bool}); }),
            "TypeError: type 'bool' is not an acceptable base type");
  EXPECT_EQ(getattr(V(D), names.__mro__), Value::from_obj(D->mro));
  EXPECT_EQ(str(getattr(V(D), names.__module__).as<StrObj>()), "__main__");
  EXPECT_EQ(getattr(V(D), names.__doc__), v_none());
  // A class defining __eq__ without __hash__ is unhashable.
  DictObj* attrs = dict_new();
  dict_set(attrs, Value::from_obj(names.__eq__), Value::from_obj(native_method("__eq__", m_second)));
  ClassObj* Eq = make_class("Eq", {}, attrs);
  EXPECT_EQ(class_get_own(Eq, names.__hash__), v_none());
  // Subclass registry
  auto subs = class_subclasses(A);
  ASSERT_EQ(subs.size(), 2u);
  EXPECT_EQ(subs[0], B);
}

TEST_F(ObjectModel, ShapesAreSharedAndUnique) {
  ClassObj* P = make_class("P", {});
  Shape* root = P->root_shape;
  ASSERT_NE(root, nullptr);
  Shape* a = shape_add(root, S("a"));
  Shape* ab = shape_add(a, S("b"));
  EXPECT_EQ(shape_add(root, S("a")), a);
  EXPECT_EQ(shape_add(a, S("b")), ab);
  EXPECT_NE(shape_add(root, S("b")), a);
  EXPECT_NE(a->id, ab->id);
  EXPECT_EQ(shape_find(ab, S("a")), 0);
  EXPECT_EQ(shape_find(ab, S("b")), 1);
  EXPECT_EQ(shape_find(ab, S("c")), -1);
  EXPECT_EQ(ab->cls, P);
  // Another class's shapes differ even for the same names.
  ClassObj* Q = make_class("Q", {});
  EXPECT_NE(shape_add(Q->root_shape, S("a")), a);
}

TEST_F(ObjectModel, ShapeTransitionsFromThreads) {
  ClassObj* T = make_class("T", {});
  std::atomic<Shape*> results[4];
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; t++)
    threads.emplace_back([&, t] {
      GC_stack_base sb;
      GC_get_stack_base(&sb);
      GC_register_my_thread(&sb);
      Shape* s = T->root_shape;
      for (int i = 0; i < 50; i++) s = shape_add(s, intern("f" + std::to_string(i)));
      results[t] = s;
      GC_unregister_my_thread();
    });
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; t++) EXPECT_EQ(results[t].load(), results[0].load());
  EXPECT_EQ(results[0].load()->nslots, 50);
}

TEST_F(ObjectModel, InstanceAttributes) {
  ClassObj* C = make_class("C", {});
  Value o = Value::from_obj(instance_new(C));
  for (int i = 0; i < 10; i++) setattr(o, intern("a" + std::to_string(i)), make_int(i));
  for (int i = 0; i < 10; i++) EXPECT_EQ(getattr(o, intern("a" + std::to_string(i))), make_int(i));
  const InstanceBody* b = stm_read(o.as<InstanceObj>());
  EXPECT_EQ(b->shape->nslots, 10);
  EXPECT_EQ(instance_slot_load(b, 7), make_int(7));
  setattr(o, S("a3"), make_int(33));
  EXPECT_EQ(getattr(o, S("a3")), make_int(33));
  // Slack tracking: the next instance starts with room for 10 slots.
  EXPECT_EQ(C->expected_slots.load(), 10);
  InstanceObj* o2 = instance_new(C);
  EXPECT_GE(instance_capacity(stm_read(o2)), 10);
  // Two instances built the same way share their shape.
  Value o3 = Value::from_obj(instance_new(C));
  for (int i = 0; i < 10; i++) setattr(o3, intern("a" + std::to_string(i)), make_int(0));
  EXPECT_EQ(stm_read(o3.as<InstanceObj>())->shape, b->shape);
  // Deleting keeps the other attributes.
  delattr(o, S("a2"));
  EXPECT_TRUE(getattr_opt(o, S("a2")).is_empty());
  EXPECT_EQ(getattr(o, S("a9")), make_int(9));
  EXPECT_EQ(getattr(o, S("a3")), make_int(33));
  EXPECT_EQ(raised([&] { delattr(o, S("a2")); }), "AttributeError: 'C' object has no attribute 'a2'");
  EXPECT_EQ(raised([&] { getattr(o, S("zz")); }), "AttributeError: 'C' object has no attribute 'zz'");
  EXPECT_EQ(raised([&] { getattr(V(C), S("zz")); }), "AttributeError: type object 'C' has no attribute 'zz'");
  EXPECT_EQ(getattr(o, names.__class__), V(C));
  DictObj* d = getattr(o, names.__dict__).as<DictObj>();
  EXPECT_EQ(stm_read(d)->length, 9);
  // object() instances take no attributes; built-in values neither.
  Value plain = class_call(cls_object, nullptr, 0, nullptr);
  EXPECT_EQ(raised([&] { setattr(plain, S("x"), make_int(1)); }),
            "AttributeError: 'object' object has no attribute 'x'");
  EXPECT_EQ(raised([&] { setattr(make_int(1), S("x"), make_int(1)); }),
            "AttributeError: 'int' object has no attribute 'x'");
  EXPECT_EQ(raised([&] { setattr(V(cls_int), S("x"), make_int(1)); }),
            "TypeError: cannot set 'x' attribute of immutable type 'int'");
}

// Attributes past the inline slots live in the instance's extra block, which dict mode then
// reuses for the dict pointer; a plain instance has no block at all.
// A float box takes one 16-byte granule, not two (gc_alloc_atomic_exact), and keeps its value
// across collections (its last byte is the one Boehm reserves).
TEST_F(ObjectModel, FloatBoxIsOneGranule) {
  // (Floats near 1.0 are immediates, value.h; a box holds the rest and float subclasses.)
  Value f = make_boxed_float(-1.0 / 3.0);
  EXPECT_EQ(GC_size(f.as_obj()), 16u);
  GcVector<Value> many;
  for (int i = 0; i < 10000; i++) many.push_back(make_boxed_float(i + 0.25));
  GC_gcollect();
  for (int i = 0; i < 10000; i++) ASSERT_EQ(many[size_t(i)].as<FloatObj>()->value, i + 0.25);
  EXPECT_EQ(f.as<FloatObj>()->value, -1.0 / 3.0);
  EXPECT_EQ(class_of(f), cls_float);
}

TEST_F(ObjectModel, InstanceExtraBlockThenDictMode) {
  ClassObj* C = make_class("Grows", {});
  InstanceObj* inst = instance_new(C);
  Value o = Value::from_obj(inst);
  for (int i = 0; i < kInlineSlots; i++) setattr(o, intern("g" + std::to_string(i)), make_int(i));
  EXPECT_EQ(stm_read(inst)->extra, nullptr);
  for (int i = kInlineSlots; i < 9; i++) setattr(o, intern("g" + std::to_string(i)), make_int(i));
  const InstanceBody* b = stm_read(inst);
  ASSERT_NE(b->extra, nullptr);
  EXPECT_GE(b->extra->capacity, 9 - kInlineSlots);
  EXPECT_EQ(b->extra->dict, nullptr);
  EXPECT_EQ(b->extra->slots[8 - kInlineSlots], make_int(8));
  // Dict mode: every attribute, inline or overflow, moves into the live dict.
  DictObj* d = getattr(o, names.__dict__).as<DictObj>();
  b = stm_read(inst);
  EXPECT_EQ(b->shape, nullptr);
  ASSERT_NE(b->extra, nullptr);
  EXPECT_EQ(b->extra->dict, d);
  EXPECT_EQ(getattr(o, names.__dict__).as<DictObj>(), d);
  EXPECT_EQ(stm_read(d)->length, 9);
  for (int i = 0; i < 9; i++) {
    StrObj* k = intern("g" + std::to_string(i));
    EXPECT_EQ(getattr(o, k), make_int(i));
    EXPECT_EQ(dict_get(d, Value::from_obj(k)), make_int(i));
  }
  // The dict is live both ways.
  setattr(o, S("g7"), make_int(77));
  EXPECT_EQ(dict_get(d, make_str("g7")), make_int(77));
  dict_set(d, make_str("g10"), make_int(10));
  EXPECT_EQ(getattr(o, S("g10")), make_int(10));
  delattr(o, S("g2"));
  EXPECT_TRUE(dict_get(d, make_str("g2")).is_empty());
}

TEST_F(ObjectModel, SlotsRestrictNames) {
  DictObj* attrs = dict_new();
  Value names_[2] = {make_str("a"), make_str("b")};
  dict_set(attrs, Value::from_obj(names.__slots__), Value::from_obj(tuple_from(names_, 2)));
  ClassObj* C = make_class("Slotted", {}, attrs);
  Value o = Value::from_obj(instance_new(C));
  setattr(o, S("a"), make_int(1));
  EXPECT_EQ(getattr(o, S("a")), make_int(1));
  EXPECT_EQ(raised([&] { setattr(o, S("c"), make_int(1)); }),
            "AttributeError: 'Slotted' object has no attribute 'c'");
}

TEST_F(ObjectModel, ClassAttributesAndVersions) {
  ClassObj* A = make_class("A", {});
  ClassObj* B = make_class("B", {A});
  ClassObj* C = make_class("C", {B});
  uint64_t va = A->version, vb = B->version, vc = C->version;
  setattr(V(A), S("k"), make_int(5));
  EXPECT_NE(A->version.load(), va);
  EXPECT_NE(B->version.load(), vb);
  EXPECT_NE(C->version.load(), vc);
  vb = B->version;
  uint64_t va2 = A->version;
  setattr(V(C), S("k"), make_int(6));
  EXPECT_EQ(B->version.load(), vb);
  EXPECT_EQ(A->version.load(), va2);
  Value b = Value::from_obj(instance_new(B));
  Value c = Value::from_obj(instance_new(C));
  EXPECT_EQ(getattr(b, S("k")), make_int(5));
  EXPECT_EQ(getattr(c, S("k")), make_int(6));
  EXPECT_EQ(getattr(V(B), S("k")), make_int(5));
  setattr(b, S("k"), make_int(7));   // instance attribute shadows the class's
  EXPECT_EQ(getattr(b, S("k")), make_int(7));
  EXPECT_EQ(getattr(V(B), S("k")), make_int(5));
  delattr(V(A), S("k"));
  EXPECT_EQ(raised([&] { getattr(V(B), S("k")); }), "AttributeError: type object 'B' has no attribute 'k'");
}

TEST_F(ObjectModel, MethodsAndDescriptors) {
  DictObj* attrs = dict_new();
  BuiltinFunctionObj* ident_fn = make_builtin("ident", m_ident);
  ident_fn->is_method = true;   // a native method (as def_method makes), not a free function
  Value ident = Value::from_obj(ident_fn);
  dict_set(attrs, Value::from_obj(S("ident")), ident);
  StaticMethodObj* sm = gc_new<StaticMethodObj>(cls_staticmethod);
  sm->func = ident;
  dict_set(attrs, Value::from_obj(S("st")), Value::from_obj(sm));
  Value cm_args[2] = {V(cls_classmethod), ident};
  dict_set(attrs, Value::from_obj(S("cm")), class_call(cls_classmethod, cm_args + 1, 1, nullptr));
  // property(get_x).setter(set_x)
  Value getter = Value::from_obj(make_builtin("x", m_get_x));
  Value prop = class_call(cls_property, &getter, 1, nullptr);
  Value setter_m = getattr(prop, S("setter"));
  Value prop2 = call1(setter_m, Value::from_obj(make_builtin("x", m_set_x)));
  dict_set(attrs, Value::from_obj(S("x")), prop2);
  dict_set(attrs, Value::from_obj(S("ro")), prop);
  ClassObj* C = make_class("C", {}, attrs);
  Value o = class_call(C, nullptr, 0, nullptr);

  Value bm = getattr(o, S("ident"));
  ASSERT_EQ(kind_of(bm), Kind::BoundMethod);
  EXPECT_EQ(bm.as<BoundMethodObj>()->self, o);
  EXPECT_EQ(call0(bm), o);
  // Unbound through the class: a checking descriptor that runs the method on an instance.
  EXPECT_EQ(call1(getattr(V(C), S("ident")), o), o);
  EXPECT_THROW(call1(getattr(V(C), S("ident")), make_int(1)), PyException);
  EXPECT_EQ(getattr(o, S("st")), ident);
  EXPECT_EQ(getattr(V(C), S("st")), ident);
  EXPECT_EQ(call0(getattr(o, S("cm"))), V(C));
  EXPECT_EQ(call0(getattr(V(C), S("cm"))), V(C));
  setattr(o, S("x"), make_int(42));
  EXPECT_EQ(getattr(o, S("_x")), make_int(42));
  EXPECT_EQ(getattr(o, S("x")), make_int(42));
  EXPECT_EQ(kind_of(getattr(V(C), S("x"))), Kind::Property);
  EXPECT_EQ(raised([&] { setattr(o, S("ro"), make_int(1)); }),
            "AttributeError: property 'ro' of 'C' object has no setter");
  EXPECT_EQ(raised([&] { delattr(o, S("ro")); }),
            "AttributeError: property 'ro' of 'C' object has no deleter");
  // Methods of built-in types bind to the value.
  Value lm = lookup_special(o, names.__repr__);
  ASSERT_EQ(kind_of(lm), Kind::BoundMethod);
  EXPECT_EQ(str_view(call0(lm).as<StrObj>()).substr(0, 21), "<__main__.C object at");
}

TEST_F(ObjectModel, SuperLooksAfterTheClass) {
  DictObj* a_attrs = dict_new();
  Value fa = Value::from_obj(native_method("f", m_ident));
  dict_set(a_attrs, Value::from_obj(S("f")), fa);
  ClassObj* A = make_class("A", {}, a_attrs);
  DictObj* b_attrs = dict_new();
  Value fb = Value::from_obj(native_method("f", m_second));
  dict_set(b_attrs, Value::from_obj(S("f")), fb);
  ClassObj* B = make_class("B", {A}, b_attrs);
  Value o = class_call(B, nullptr, 0, nullptr);
  Value args[2] = {V(B), o};
  Value sup = class_call(cls_super, args, 2, nullptr);
  Value m = getattr(sup, S("f"));
  ASSERT_EQ(kind_of(m), Kind::BoundMethod);
  EXPECT_EQ(m.as<BoundMethodObj>()->func, fa);
  EXPECT_EQ(m.as<BoundMethodObj>()->self, o);
  // With the class as second argument the function comes back unbound.
  Value cargs[2] = {V(B), V(B)};
  EXPECT_EQ(getattr(class_call(cls_super, cargs, 2, nullptr), S("f")), fa);
  EXPECT_EQ(raised([&] { getattr(sup, S("nope")); }), "AttributeError: 'super' object has no attribute 'nope'");
  Value bad[2] = {V(B), make_int(1)};
  EXPECT_EQ(raised([&] { class_call(cls_super, bad, 2, nullptr); }),
            "TypeError: super(type, obj): obj must be an instance or subtype of type");
}

TEST_F(ObjectModel, ClassCallRules) {
  ClassObj* Plain = make_class("Plain", {});
  Value one = make_int(1);
  EXPECT_EQ(raised([&] { class_call(Plain, &one, 1, nullptr); }), "TypeError: Plain() takes no arguments");
  DictObj* attrs = dict_new();
  dict_set(attrs, Value::from_obj(names.__init__), Value::from_obj(native_method("__init__", m_init_store)));
  ClassObj* WithInit = make_class("WithInit", {}, attrs);
  Value o = class_call(WithInit, &one, 1, nullptr);
  EXPECT_EQ(getattr(o, S("v")), one);
  DictObj* bad = dict_new();
  dict_set(bad, Value::from_obj(names.__init__), Value::from_obj(native_method("__init__", m_init_returns_int)));
  ClassObj* Bad = make_class("Bad", {}, bad);
  EXPECT_EQ(raised([&] { class_call(Bad, nullptr, 0, nullptr); }),
            "TypeError: __init__() should return None, not 'int'");
  EXPECT_EQ(raised([&] { class_call(cls_function, nullptr, 0, nullptr); }),
            "TypeError: cannot create 'function' instances");
}

TEST_F(ObjectModel, ExceptionMessages) {
  EXPECT_EQ(raised([] { raise(exc_ValueError, "bad %d", 7); }), "ValueError: bad 7");
  Value none_args = class_call(exc_ValueError, nullptr, 0, nullptr);
  EXPECT_EQ(exception_message(none_args), "");
  EXPECT_EQ(exception_repr(none_args), "ValueError()");
  Value two[2] = {make_int(1), make_str("a")};
  Value e2 = class_call(exc_ValueError, two, 2, nullptr);
  EXPECT_EQ(exception_message(e2), "(1, 'a')");
  EXPECT_EQ(exception_repr(e2), "ValueError(1, 'a')");
  Value key = make_str("k");
  Value ke = class_call(exc_KeyError, &key, 1, nullptr);
  EXPECT_EQ(exception_message(ke), "'k'");
  EXPECT_EQ(exception_repr(ke), "KeyError('k')");
  EXPECT_EQ(exception_args(ke)->length, 1);
  EXPECT_EQ(getattr(ke, names.args), Value::from_obj(exception_args(ke)));
  Value msg = make_exception(exc_TypeError, "oops");
  EXPECT_EQ(exception_message(msg), "oops");
  EXPECT_EQ(getattr(msg, names.__cause__), v_none());

  Value three = make_int(3);
  EXPECT_EQ(getattr(class_call(exc_SystemExit, &three, 1, nullptr), names.code), three);
  EXPECT_EQ(getattr(class_call(exc_SystemExit, nullptr, 0, nullptr), names.code), v_none());
  EXPECT_EQ(getattr(class_call(exc_StopIteration, &three, 1, nullptr), names.value), three);
  Value os_args[3] = {make_int(2), make_str("No such file or directory"), make_str("x")};
  Value ose = class_call(exc_FileNotFoundError, os_args, 3, nullptr);
  EXPECT_EQ(exception_message(ose), "[Errno 2] No such file or directory: 'x'");
  EXPECT_EQ(exception_args(ose)->length, 2);

  // User subclasses are plain instances; args is set even if __init__ does not call super.
  DictObj* attrs = dict_new();
  dict_set(attrs, Value::from_obj(names.__init__), Value::from_obj(native_method("__init__", m_init_store)));
  ClassObj* MyErr = make_class("MyErr", {exc_Exception}, attrs);
  Value me = class_call(MyErr, &three, 1, nullptr);
  EXPECT_EQ(exception_message(me), "3");
  EXPECT_EQ(exception_repr(me), "MyErr(3)");
  EXPECT_EQ(getattr(me, S("v")), three);
  EXPECT_TRUE(exception_matches(me, V(exc_Exception)));
  Value tup[2] = {V(exc_KeyError), V(MyErr)};
  EXPECT_TRUE(exception_matches(me, Value::from_obj(tuple_from(tup, 2))));
  EXPECT_FALSE(exception_matches(me, V(exc_KeyError)));
  EXPECT_EQ(raised([&] { exception_matches(me, V(cls_int)); }),
            "TypeError: catching classes that do not inherit from BaseException is not allowed");

  EXPECT_EQ(raised([] { raise_value(V(exc_IndexError)); }), "IndexError: ");
  EXPECT_EQ(raised([] { raise_value(make_int(1)); }), "TypeError: exceptions must derive from BaseException");
  TupleObj* kw = tuple_new(1);
  kw->items[0] = make_str("x");
  Value kwv = make_int(1);
  EXPECT_EQ(raised([&] { class_call(exc_ValueError, &kwv, 0, kw); }),
            "TypeError: ValueError() takes no keyword arguments");
}

TEST_F(ObjectModel, Modules) {
  ModuleObj* m = module_new("mymod");
  EXPECT_EQ(str(module_get(m, names.__name__).as<StrObj>()), "mymod");
  module_set(m, S("x"), make_int(1));
  CellObj* cell = module_cell(m, S("x"), false);
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(getattr(Value::from_obj(m), S("x")), make_int(1));
  setattr(Value::from_obj(m), S("x"), make_int(2));
  EXPECT_EQ(stm_read(cell)->value, make_int(2));
  delattr(Value::from_obj(m), S("x"));
  EXPECT_EQ(module_cell(m, S("x"), false), cell);   // cells are never removed
  EXPECT_TRUE(module_get(m, S("x")).is_empty());
  EXPECT_EQ(raised([&] { getattr(Value::from_obj(m), S("x")); }),
            "AttributeError: module 'mymod' has no attribute 'x'");

  static int inits = 0;
  register_builtin_module("om_test_mod", [] {
    inits++;
    return module_new("om_test_mod");
  });
  ModuleObj* a = find_builtin_module("om_test_mod");
  ModuleObj* b = find_builtin_module("om_test_mod");
  EXPECT_EQ(a, b);
  EXPECT_EQ(inits, 1);
  EXPECT_EQ(find_builtin_module("no_such_module"), nullptr);
}

TEST_F(ObjectModel, ArgumentCheckMessages) {
  EXPECT_EQ(raised([] { check_nargs("len", 2, 1, 1); }), "TypeError: len() takes exactly one argument (2 given)");
  EXPECT_EQ(raised([] { check_nargs("divmod", 1, 2, 2); }), "TypeError: divmod expected 2 arguments, got 1");
  EXPECT_EQ(raised([] { check_nargs("getattr", 1, 2, 3); }),
            "TypeError: getattr expected at least 2 arguments, got 1");
  EXPECT_EQ(raised([] { check_nargs("f", 4, 0, 3); }), "TypeError: f expected at most 3 arguments, got 4");
  EXPECT_EQ(raised([] { check_nargs("list.clear", 1, 0, 0); }),
            "TypeError: list.clear() takes no arguments (1 given)");
  TupleObj* kw = tuple_new(1);
  kw->items[0] = make_str("x");
  EXPECT_EQ(raised([&] { check_no_kwargs("abs", kw); }), "TypeError: abs() takes no keyword arguments");
  EXPECT_EQ(raised([] { check_nargs("print", 5, 0, -1); }), "(nothing raised)");
}

TEST_F(ObjectModel, InstanceAttrPlans) {
  DictObj* attrs = dict_new();
  Value ident = Value::from_obj(native_method("ident", m_ident));
  dict_set(attrs, Value::from_obj(S("meth")), ident);
  dict_set(attrs, Value::from_obj(S("const")), make_int(3));
  Value getter = Value::from_obj(make_builtin("p", m_ident));
  dict_set(attrs, Value::from_obj(S("prop")), class_call(cls_property, &getter, 1, nullptr));
  ClassObj* C = make_class("Planned", {}, attrs);
  Value o = class_call(C, nullptr, 0, nullptr);
  setattr(o, S("a"), make_int(1));
  setattr(o, S("prop2"), make_int(1));
  Shape* sh = stm_read(o.as<InstanceObj>())->shape;
  InstanceAttrPlan p = instance_attr_plan(sh, S("a"));
  EXPECT_EQ(p.how, InstanceAttrPlan::Slot);
  EXPECT_EQ(p.slot, 0);
  EXPECT_EQ(instance_attr_plan(sh, S("meth")).how, InstanceAttrPlan::Method);
  p = instance_attr_plan(sh, S("const"));
  EXPECT_EQ(p.how, InstanceAttrPlan::Plain);
  EXPECT_EQ(p.value, make_int(3));
  EXPECT_EQ(instance_attr_plan(sh, S("prop")).how, InstanceAttrPlan::Slow);
  EXPECT_EQ(instance_attr_plan(sh, S("missing")).how, InstanceAttrPlan::Slow);
  EXPECT_EQ(instance_attr_plan(sh, S("prop2")).how, InstanceAttrPlan::Slot);
}

TEST_F(ObjectModel, SurvivesCollections) {
  // Everything the object model keeps (shapes, transition lists, subclass registry, overflow
  // slots) must be visible to the collector: build a lot, collect, and check it all.
  ClassObj* Base = make_class("GcBase", {});
  GcVector<Value> objs;   // GC memory: a std::vector buffer would hide the objects
  for (int c = 0; c < 50; c++) {
    ClassObj* K = make_class(("K" + std::to_string(c)).c_str(), {Base});
    setattr(V(K), S("tag"), make_str("tag" + std::to_string(c)));
    Value o = class_call(K, nullptr, 0, nullptr);
    for (int i = 0; i < 20; i++) setattr(o, intern("s" + std::to_string(i)), make_str(std::to_string(c * 100 + i)));
    objs.push_back(o);
    if (c % 10 == 0) GC_gcollect();
  }
  for (int k = 0; k < 3; k++) GC_gcollect();
  EXPECT_EQ(class_subclasses(Base).size(), 50u);
  for (int c = 0; c < 50; c++) {
    Value o = objs[c];
    EXPECT_EQ(str(getattr(o, S("tag")).as<StrObj>()), "tag" + std::to_string(c));
    for (int i = 0; i < 20; i++)
      EXPECT_EQ(str(getattr(o, intern("s" + std::to_string(i))).as<StrObj>()), std::to_string(c * 100 + i));
  }
}
