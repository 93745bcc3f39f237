// types_init.cpp: init_builtin_types_and_functions(): installs the methods of the built-in
// types, the builtins module functions and registers the math/time/sys modules. Called once by
// runtime_init after the class objects exist.
#include "runtime/bytes.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

void init_builtin_types_and_functions() {
  gmp_use_gc_memory();
  init_iter_methods();   // creates the dict view classes first (repr methods refer to them)
  init_int_float_methods();
  init_str_methods();
  init_tuple_methods();
  init_list_methods();
  init_dict_methods();
  init_set_methods();
  init_range_slice_methods();
  init_repr_methods();
  init_slot_wrappers();
  init_builtin_subclass_support();
  init_builtins_functions();
  init_builtins_seq_functions();
  init_std_streams();
  register_builtin_module("math", make_math_module);
  register_builtin_module("time", make_time_module);
  register_builtin_module("sys", make_sys_module);
  register_builtin_module("_random", make_random_core_module);
  register_builtin_module("struct", make_struct_module);
  register_builtin_module("array", make_array_module);
  register_builtin_module("os", make_os_module);
  module_set(builtins_module(), intern("bytes"), Value::from_obj(bytes_class()));
}

}  // namespace stmjit
