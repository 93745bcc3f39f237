// mod_sys.cpp: the `sys` module: argv, exit, recursion limit, stdout/stderr/stdin, path,
// maxsize, version, version_info, platform, byteorder, implementation name, getsizeof, modules.
#include <cfloat>

#include "interpreter/safepoint.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

Value s_exit(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("exit", nargs, 0, 1);
  Value code = nargs ? args[0] : v_none();
  Value exc = make_exception(exc_SystemExit, "");
  setattr(exc, names.args, nargs ? Value::from_obj(tuple_from(&code, 1)) : Value::from_obj(tuple_new(0)));
  setattr(exc, names.code, code);
  raise_value(exc);
}

// The GIL's switch interval (interpreter/gil.cpp).
Value s_getswitchinterval(Value*, int64_t nargs, TupleObj*) {
  check_nargs("getswitchinterval", nargs, 0, 0);
  return make_float(gil_switch_interval());
}

Value s_setswitchinterval(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("setswitchinterval", nargs, 1, 1);
  double s = as_double(args[0]);
  if (s <= 0) raise(exc_ValueError, "switch interval must be strictly positive");
  gil_set_switch_interval(s);
  return v_none();
}

Value s_getdefaultencoding(Value*, int64_t nargs, TupleObj*) {
  check_nargs("getdefaultencoding", nargs, 0, 0);
  return make_str("utf-8");
}

Value s_setrecursionlimit(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("setrecursionlimit", nargs, 1, 1);
  if (!is_int_like(args[0])) raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]).c_str());
  int64_t n = as_index(args[0]);
  if (n < 1) raise(exc_ValueError, "recursion limit must be greater or equal than 1");
  set_recursion_limit(n);
  return v_none();
}

Value s_getrecursionlimit(Value*, int64_t nargs, TupleObj*) {
  check_nargs("getrecursionlimit", nargs, 0, 0);
  return make_int(get_recursion_limit());
}

Value s_getsizeof(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("getsizeof", nargs, 1, 2);
  // An estimate from the object layouts (CPython's numbers differ).
  switch (kind_of(args[0])) {
    case Kind::Str: return make_int(49 + as_str(args[0])->nbytes);
    case Kind::Tuple: return make_int(40 + 8 * args[0].as<TupleObj>()->length);
    case Kind::List: return make_int(56 + 8 * stm_read(args[0].as<ListObj>())->capacity);
    default: return make_int(28);
  }
}

Value s_intern(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("intern", nargs, 1, 1);
  if (!is_str(args[0])) raise(exc_TypeError, "intern() argument must be str, not %s", type_name(args[0]).c_str());
  return Value::from_obj(intern(sv(args[0])));
}

}  // namespace

ModuleObj* make_sys_module() {
  ModuleObj* m = module_new("sys");
  auto set = [&](const char* n, Value v) { module_set(m, intern(n), v); };
  ListObj* argv = list_new();
  for (StrObj* a : program_argv()) list_append(argv, Value::from_obj(a));
  set("argv", Value::from_obj(argv));
  set("stdout", sys_stdout_object());
  set("stderr", sys_stderr_object());
  set("stdin", sys_stdin_object());
  set("__stdout__", sys_stdout_object());
  set("__stderr__", sys_stderr_object());
  set("path", Value::from_obj(list_new()));
  set("modules", Value::from_obj(dict_new()));
  set("maxsize", make_int(INT64_MAX));
  set("version", make_str("3.11.0 (stmjit " STMJIT_VERSION ")"));
  static const char* const vi_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
  Value vi[5] = {make_int(3), make_int(11), make_int(0), make_str("final"), make_int(0)};
  set("version_info", make_struct_seq(make_struct_seq_type("sys.version_info", "sys", vi_fields, 5), vi, 5));
  static const char* const fi_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                          "dig", "mant_dig", "epsilon", "radix", "rounds"};
  Value fi[11] = {make_float(DBL_MAX), make_int(DBL_MAX_EXP), make_int(DBL_MAX_10_EXP), make_float(DBL_MIN),
                  make_int(DBL_MIN_EXP), make_int(DBL_MIN_10_EXP), make_int(DBL_DIG), make_int(DBL_MANT_DIG),
                  make_float(DBL_EPSILON), make_int(FLT_RADIX), make_int(1)};
  set("float_info", make_struct_seq(make_struct_seq_type("sys.float_info", "sys", fi_fields, 11), fi, 11));
  static const char* const impl_fields[] = {"name", "cache_tag"};
  Value impl[2] = {make_str("stmjit"), v_none()};
  set("implementation", make_struct_seq(make_struct_seq_type("sys.implementation", "sys", impl_fields, 2), impl, 2));
  set("maxunicode", make_int(0x10ffff));
  set("dont_write_bytecode", v_true());
  set("platform", make_str("linux"));
  set("byteorder", make_str("little"));
  set("executable", make_str("stmjit"));
  struct { const char* name; NativeFn fn; } table[] = {
      {"exit", s_exit}, {"setrecursionlimit", s_setrecursionlimit}, {"getrecursionlimit", s_getrecursionlimit},
      {"getsizeof", s_getsizeof}, {"intern", s_intern}, {"getdefaultencoding", s_getdefaultencoding},
      {"getswitchinterval", s_getswitchinterval}, {"setswitchinterval", s_setswitchinterval},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  return m;
}

}  // namespace stmjit
