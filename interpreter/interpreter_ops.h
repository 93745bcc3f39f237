// interpreter_ops.h: the out-of-line parts of bytecodes whose work does not belong in the
// dispatch loop itself (unpacking, formatting, displays, raise, with, call with *args).
#pragma once
#include "interpreter/frame.h"

namespace stmjit {

// Pushes the n items of `seq` so that the first ends on top; returns the new stack pointer.
Value* op_unpack_sequence(Value* sp, Value seq, int64_t n);
Value* op_unpack_ex(Value* sp, Value seq, int64_t before, int64_t after);
Value op_format_value(Value v, int conversion, Value spec);
Value op_build_string(Value* items, int64_t n);
Value op_build_slice(Value* items, int64_t n);
Value op_build_map(Value* items, int64_t n);
Value op_build_set(Value* items, int64_t n);
void op_list_extend(Value list, Value iterable);
void op_set_update(Value set, Value iterable);
// `merge`: f(**m) semantics (keys must be strings, duplicates are errors; `callee` names the
// function in messages).
void op_dict_update(Value dict, Value mapping, bool merge, Value callee);
Value op_list_to_tuple(Value list);
// The exception to throw for `raise v [from cause]`.
Value op_make_raise(Value v, Value cause, bool has_cause);
// [mgr] -> exit, enter result.
void op_before_with(Value mgr, Value* exit_out, Value* value_out);
Value op_with_except_start(Value exit, Value exc);
Value op_call_ex(Value f, Value argtuple, Value kwdict);
Value op_make_function(Frame* f, Value* sp_items, uint32_t flags, Value code);
// items = [bodyfn, name, bases.., kwvalues..] (one value per name in kwnames, which may be null).
Value op_build_class(Frame* f, Value* items, int64_t nbases, TupleObj* kwnames);
Value op_load_name(Frame* f, StrObj* name);
Value op_load_classderef(Frame* f, int32_t idx);
void op_store_name(Frame* f, StrObj* name, Value v);
void op_delete_name(Frame* f, StrObj* name);
[[noreturn]] void op_unbound_local(const CodeObj* c, int32_t idx);
[[noreturn]] void op_unbound_deref(const CodeObj* c, int32_t idx);
Value op_get_yield_from_iter(Value v);
// Delegation step of `yield from`: true and *out = value to yield, or false and *out = result.
bool op_yield_from_step(Value it, Value sent, Value* out);

// generator.throw()/close() on a frame suspended in `yield from`: passes `exc` to the
// subiterator (GeneratorExit closes it and is then raised here, as CPython does). Returns
// true with the next yielded value, false with the subiterator's return value in *out, or
// raises whatever the subiterator raises.
bool throw_into_subiterator(Value sub, Value exc, Value* out);

}  // namespace stmjit
