// interpreter.cpp: the bytecode dispatch loop (computed goto). All frame state lives in the
// Frame (frame.h); the loop keeps pc/sp in registers and writes them back when it suspends
// (yield) or unwinds. Python exceptions are C++ exceptions (PyException): the catch block
// records a traceback entry, looks the faulting instruction up in the code's exception table,
// and re-enters the loop at the handler, or rethrows to the caller.
//
// Fast paths here: small-int and float arithmetic/comparisons, truth tests of bools, list and
// tuple indexing, and the inline caches of LOAD_GLOBAL / LOAD_ATTR / STORE_ATTR / LOAD_METHOD.
#include "interpreter/inline_cache.h"
#include "interpreter/interpreter.h"
#include "interpreter/interpreter_ops.h"
#include "interpreter/safepoint.h"
#include "interpreter/stm_thread.h"

namespace stmjit {

namespace {


// Small-int arithmetic; false if the result does not fit or the operation needs the runtime.
inline bool small_int_binop(BinOp op, int64_t a, int64_t b, Value* out) {
  int64_t r;
  switch (op) {
    case BinOp::Add: r = a + b; break;          // 62-bit operands: no int64 overflow
    case BinOp::Sub: r = a - b; break;
    case BinOp::Mul:
      if (__builtin_mul_overflow(a, b, &r)) return false;
      break;
    case BinOp::FloorDiv: {
      if (b == 0) return false;
      r = a / b;
      if ((a % b != 0) && ((a < 0) != (b < 0))) r--;
      break;
    }
    case BinOp::Mod: {
      if (b == 0) return false;
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      break;
    }
    case BinOp::And: r = a & b; break;
    case BinOp::Or: r = a | b; break;
    case BinOp::Xor: r = a ^ b; break;
    case BinOp::LShift:
      if (b < 0 || b >= 62) return false;
      r = a << b;
      if ((r >> b) != a) return false;
      break;
    case BinOp::RShift:
      if (b < 0) return false;
      r = a >> (b > 63 ? 63 : b);
      break;
    default: return false;
  }
  if (!Value::fits_small_int(r)) return false;
  *out = Value::small_int(r);
  return true;
}

// The float result of a fast path. A temporary operand (the flags in interpreter/opcodes.h)
// that is an exact float is referenced by nothing but the stack slot being consumed (the
// compiler marks only results that go straight to this instruction; fast paths make new boxes
// or reuse such temporaries; slow paths copy, see temp_result): write the result into it
// instead of allocating. A float subclass instance is never reused.
inline Value float_result(double d, uint32_t arg, Value a, Value b) {
  Value imm;
  if (Value::try_imm_float(d, &imm)) [[likely]] return imm;
  if ((arg & kLeftTemp) && is_exact(a, cls_float)) {
    a.as<FloatObj>()->value = d;
    return a;
  }
  if ((arg & kRightTemp) && is_exact(b, cls_float)) {
    b.as<FloatObj>()->value = d;
    return b;
  }
  return make_boxed_float(d);
}

// Float arithmetic on the values x and y of operands a and b; false (nothing computed, no box
// touched) if the operation needs the runtime, which also raises ZeroDivisionError.
inline bool float_binop(uint32_t arg, double x, double y, Value a, Value b, Value* out) {
  double r;
  switch (BinOp(arg & kArithOpMask)) {
    case BinOp::Add: r = x + y; break;
    case BinOp::Sub: r = x - y; break;
    case BinOp::Mul: r = x * y; break;
    case BinOp::TrueDiv:
      if (y == 0) return false;
      r = x / y;
      break;
    default: return false;
  }
  *out = float_result(r, arg, a, b);
  return true;
}

// Arithmetic fast paths shared by BINARY_OP and INPLACE_OP (ints and floats are immutable).
inline bool fast_binop(uint32_t arg, Value a, Value b, Value* out) {
  if (a.is_small_int() && b.is_small_int())
    return small_int_binop(BinOp(arg & kArithOpMask), a.as_small_int(), b.as_small_int(), out);
  if (is_exact_float(a)) {
    if (is_exact_float(b)) return float_binop(arg, float_of(a), float_of(b), a, b, out);
    if (b.is_small_int()) return float_binop(arg, float_of(a), double(b.as_small_int()), a, b, out);
  } else if (a.is_small_int() && is_exact_float(b)) {
    return float_binop(arg, double(a.as_small_int()), float_of(b), a, b, out);
  }
  return false;
}

inline bool builtin_number(Value v) {
  if (v.is_small_int() || v.is_imm_float()) return true;
  if (!v.is_obj()) return false;
  ClassObj* c = v.as_obj()->cls;
  return c == cls_float || c == cls_int || c == cls_bool;
}

// A slow path's result r when this instruction's result is a temporary (kResultTemp), which
// its consumer may overwrite. The runtime's own binary arithmetic on built-in numbers makes
// new floats, but a user's __mul__ or __neg__ may return a float stored elsewhere (`return
// self.cached`), and unary + returns its operand: the consumer gets a copy of such a float.
// So the only observable difference is the identity of a float a user dunder returned, as a
// user __radd__ etc. then receives it; CPython does not promise identities of arithmetic
// results either. `b` is empty for a unary operation. The operand checks run only for a
// float result of a marked instruction, not on every slow path.
inline Value temp_result(uint32_t arg, Value r, Value a, Value b) {
  if (!(arg & kResultTemp) || !is_exact(r, cls_float)) [[likely]] return r;
  if (!b.is_empty() && builtin_number(a) && builtin_number(b)) return r;
  return make_float(r.as<FloatObj>()->value);
}

template <class T> inline bool cmp_values(CmpOp op, T a, T b) {
  switch (op) {
    case CmpOp::Lt: return a < b;
    case CmpOp::Le: return a <= b;
    case CmpOp::Eq: return a == b;
    case CmpOp::Ne: return a != b;
    case CmpOp::Gt: return a > b;
    case CmpOp::Ge: return a >= b;
  }
  return false;
}

inline bool fast_truthy(Value v) {
  if (v == v_true()) return true;
  if (v == v_false() || is_none(v)) return false;
  if (v.is_small_int()) return v.as_small_int() != 0;
  return truthy(v);
}

inline int64_t norm_index(int64_t i, int64_t len) { return i < 0 ? i + len : i; }

}  // namespace

Value eval_frame(Frame* f, Value throw_exc) {
  ThreadState& ts = tstate();
  f->back = ts.frame;
  ts.frame = f;
  struct FrameExit {
    ThreadState& ts;
    Frame* f;
    ~FrameExit() { ts.frame = f->back; }
  } frame_exit{ts, f};

  CodeObj* const co = f->code;
  const uint32_t* const instrs = co->instrs;
  Value* const consts = co->consts;
  StrObj** const names_ = co->names;
  Value* const locals = f->slots;
  Value* const cells = f->cells();
  Value* const stack = f->stack_base();
  std::atomic<void*>* const caches = co->caches;
  Value* sp = stack + f->sp;
  const uint32_t* ip = instrs + f->pc;
  bool reraise = false;        // the exception in flight is re-raised: no new traceback entry
  bool out_of_memory = false;  // a std::bad_alloc to raise as MemoryError at the same instruction
  Value pending = throw_exc;

  static void* const dispatch_table[] = {
#define X(name, operand, effect, jeffect, cache) &&op_##name,
#include "interpreter/opcodes.def"
#undef X
  };

  for (;;) {
    try {
      if (out_of_memory) {
        out_of_memory = false;
        raise_memory_error();
      }
      if (!pending.is_empty()) {
        Value p = pending;
        pending = Value();
        if ((*ip & 0xff) == uint32_t(Op::YIELD_FROM)) {
          // Suspended in `yield from`: throw()/close() go to the subiterator first.
          Value out;
          ip++;   // errors below are raised at the YIELD_FROM instruction
          if (throw_into_subiterator(sp[-1], p, &out)) {
            f->yielded = true;
            f->sp = int32_t(sp - stack);
            f->pc = int32_t(ip - instrs) - 1;
            return out;
          }
          sp[-1] = out;  // the subiterator returned: `yield from` evaluates to its value
        } else {
          throw PyException{p};
        }
      }
      uint32_t word, arg;
#define DISPATCH()                        \
  do {                                    \
    f->ip_now = ip;                       \
    word = *ip++;                         \
    arg = word >> 8;                      \
    goto* dispatch_table[word & 0xff];    \
  } while (0)
#define CACHE_SLOT() caches[ip - instrs - 1]
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
// A callee that started the running transaction ended it when it returned: begin the next one
// here, restartable right after the call.
#define TX_AFTER_CALL()                   \
  do {                                    \
    if (t_tx_need_begin) [[unlikely]] {   \
      f->pc = int32_t(ip - instrs);       \
      f->sp = int32_t(sp - stack);        \
      tx_begin_in(f);                     \
    }                                     \
  } while (0)
      DISPATCH();

    op_NOP:
      DISPATCH();
    op_POP_TOP:
      sp--;
      DISPATCH();
    op_COPY: {
      Value v = sp[-int(arg)];
      PUSH(v);
      DISPATCH();
    }
    op_SWAP: {
      Value t = sp[-1];
      sp[-1] = sp[-int(arg)];
      sp[-int(arg)] = t;
      DISPATCH();
    }
    op_PUSH_NULL:
      PUSH(Value());
      DISPATCH();

    op_LOAD_CONST:
      PUSH(consts[arg]);
      DISPATCH();
    op_LOAD_FAST: {
      Value v = locals[arg];
      if (__builtin_expect(v.is_empty(), 0)) op_unbound_local(co, int32_t(arg));
      PUSH(v);
      DISPATCH();
    }
    op_STORE_FAST:
      locals[arg] = POP();
      DISPATCH();
    op_DELETE_FAST:
      if (locals[arg].is_empty()) op_unbound_local(co, int32_t(arg));
      locals[arg] = Value();
      DISPATCH();
    op_LOAD_DEREF: {
      Value v = stm_read(cells[arg].as<CellObj>())->value;
      if (v.is_empty()) op_unbound_deref(co, int32_t(arg));
      PUSH(v);
      DISPATCH();
    }
    op_STORE_DEREF:
      stm_write(cells[arg].as<CellObj>())->value = POP();
      DISPATCH();
    op_DELETE_DEREF: {
      CellObj* c = cells[arg].as<CellObj>();
      if (stm_read(c)->value.is_empty()) op_unbound_deref(co, int32_t(arg));
      stm_write(c)->value = Value();
      DISPATCH();
    }
    op_LOAD_CLOSURE:
      PUSH(cells[arg]);
      DISPATCH();
    op_LOAD_CLASSDEREF:
      PUSH(op_load_classderef(f, int32_t(arg)));
      DISPATCH();
    op_LOAD_GLOBAL: {
      std::atomic<void*>& slot = CACHE_SLOT();
      GlobalCacheEntry* e = cache_get<GlobalCacheEntry>(slot);
      if (__builtin_expect(!e, 0)) e = global_cache_fill(slot, f->globals, names_[arg]);
      Value v = stm_read(e->cell)->value;
      if (v.is_empty()) {
        if (e->builtin) v = stm_read(e->builtin)->value;
        if (v.is_empty()) v = load_global_slow(f->globals, names_[arg]);
      }
      PUSH(v);
      DISPATCH();
    }
    op_STORE_GLOBAL:
      module_set(f->globals, names_[arg], POP());
      DISPATCH();
    op_DELETE_GLOBAL: {
      CellObj* c = module_cell(f->globals, names_[arg], false);
      if (!c || stm_read(c)->value.is_empty())
        raise(exc_NameError, "name '%s' is not defined", str_view(names_[arg]).data());
      stm_write(c)->value = Value();
      DISPATCH();
    }
    op_LOAD_NAME:
      PUSH(op_load_name(f, names_[arg]));
      DISPATCH();
    op_STORE_NAME:
      op_store_name(f, names_[arg], POP());
      DISPATCH();
    op_DELETE_NAME:
      op_delete_name(f, names_[arg]);
      DISPATCH();

    op_LOAD_ATTR: {
      Value o = TOP();
      std::atomic<void*>& slot = CACHE_SLOT();
      if (o.is_obj() && o.as_obj()->cls->kind == Kind::Instance) {
        const InstanceBody* b = stm_read(o.as<InstanceObj>());
        if (const AttrCacheEntry* e = attr_cache_find(slot, b->shape)) {
          switch (e->plan.how) {
            case InstanceAttrPlan::Slot: TOP() = instance_slot_load(b, e->plan.slot); DISPATCH();
            case InstanceAttrPlan::Method: TOP() = make_bound_method(o, e->plan.value); DISPATCH();
            case InstanceAttrPlan::Plain: TOP() = e->plan.value; DISPATCH();
            default: break;
          }
        }
      }
      TOP() = load_attr_slow(slot, o, names_[arg]);
      DISPATCH();
    }
    op_STORE_ATTR: {
      Value o = sp[-1];
      Value v = sp[-2];
      sp -= 2;
      std::atomic<void*>& slot = CACHE_SLOT();
      if (o.is_obj() && o.as_obj()->cls->kind == Kind::Instance) {
        InstanceObj* inst = o.as<InstanceObj>();
        if (const StoreAttrCacheEntry* e = store_cache_find(slot, stm_read(inst)->shape)) {
          InstanceBody* b = stm_write(inst);
          b->shape = e->shape_after;
          instance_slot_store(b, e->slot, v);
          DISPATCH();
        }
      }
      store_attr_slow(slot, o, names_[arg], v);
      DISPATCH();
    }
    op_DELETE_ATTR:
      delattr(POP(), names_[arg]);
      DISPATCH();
    op_LOAD_METHOD: {
      Value o = TOP();
      std::atomic<void*>& slot = CACHE_SLOT();
      if (o.is_obj()) {
        ClassObj* cls = o.as_obj()->cls;
        if (cls->kind == Kind::Instance) {
          const InstanceBody* b = stm_read(o.as<InstanceObj>());
          if (const AttrCacheEntry* e = attr_cache_find(slot, b->shape)) {
            if (e->plan.how == InstanceAttrPlan::Method) {
              TOP() = e->plan.value;
              PUSH(o);
              DISPATCH();
            }
            if (e->plan.how == InstanceAttrPlan::Slot) {
              TOP() = instance_slot_load(b, e->plan.slot);
              PUSH(Value());
              DISPATCH();
            }
          }
        } else if (const AttrCacheEntry* e = attr_cache_find_builtin(slot, cls)) {
          TOP() = e->plan.value;
          PUSH(o);
          DISPATCH();
        }
      }
      load_method_slow(slot, o, names_[arg], sp - 1);
      sp++;
      DISPATCH();
    }

    op_CALL: {
      Value* args = sp - arg;
      int64_t n = arg;
      Value fn = args[-2];
      if (!args[-1].is_empty()) {
        args--;
        n++;
      }
      Value r = (fn.is_obj() && fn.as_obj()->cls->kind == Kind::Function)
                    ? call_function(fn.as<FunctionObj>(), args, n, nullptr)
                    : call_interp(fn, args, n, nullptr);
      sp -= arg + 2;
      PUSH(r);
      TX_AFTER_CALL();
      DISPATCH();
    }
    op_CALL_KW: {
      TupleObj* kwnames = POP().as<TupleObj>();
      Value* args = sp - arg;
      int64_t npos = int64_t(arg) - kwnames->length;
      Value fn = args[-2];
      if (!args[-1].is_empty()) {
        args--;
        npos++;
      }
      Value r = call_interp(fn, args, npos, kwnames);
      sp -= arg + 2;
      PUSH(r);
      TX_AFTER_CALL();
      DISPATCH();
    }
    op_CALL_EX: {
      Value kw = (arg & 1) ? POP() : Value();
      Value argtuple = POP();
      sp--;
      Value fn = TOP();
      TOP() = op_call_ex(fn, argtuple, kw);
      TX_AFTER_CALL();
      DISPATCH();
    }
    op_MAKE_FUNCTION: {
      Value code = POP();
      int n = __builtin_popcount(arg);
      sp -= n;
      Value fn = op_make_function(f, sp, arg, code);
      PUSH(fn);
      DISPATCH();
    }
    op_BUILD_CLASS: {
      Value* items = sp - arg - 2;
      Value c = op_build_class(f, items, arg, nullptr);
      sp = items;
      PUSH(c);
      DISPATCH();
    }
    op_BUILD_CLASS_KW: {
      Value* items = sp - arg - 3;
      TupleObj* kwnames = sp[-1].as<TupleObj>();
      Value c = op_build_class(f, items, arg - kwnames->length, kwnames);
      sp = items;
      PUSH(c);
      DISPATCH();
    }
    op_RETURN_VALUE: {
      Value r = POP();
      f->yielded = false;
      f->sp = int32_t(sp - stack);
      f->pc = int32_t(ip - instrs);
      // The transaction began in this frame: it ends here (an abort restarts this frame).
      if (tx_is_start_frame(f)) [[unlikely]] tx_frame_return_slow(f);
      return r;
    }

    op_BINARY_OP: {
      Value b = POP();
      Value a = TOP();
      Value r;
      if (!fast_binop(arg, a, b, &r))
        r = temp_result(arg, binary_op(BinOp(arg & kArithOpMask), a, b), a, b);
      TOP() = r;
      DISPATCH();
    }
    op_INPLACE_OP: {
      Value b = POP();
      Value a = TOP();
      Value r;
      if (!fast_binop(arg, a, b, &r)) r = inplace_op(BinOp(arg & kArithOpMask), a, b);   // never kResultTemp
      TOP() = r;
      DISPATCH();
    }
    op_UNARY_OP: {
      Value a = TOP();
      UnOp op = UnOp(arg & kArithOpMask);
      if (op == UnOp::Not) {
        TOP() = v_bool(!fast_truthy(a));
      } else if (op == UnOp::Neg && a.is_small_int() && a.as_small_int() != kSmallIntMin) {
        TOP() = Value::small_int(-a.as_small_int());
      } else if (op == UnOp::Neg && is_exact_float(a)) {
        TOP() = float_result(-float_of(a), arg, a, Value());
      } else {
        TOP() = temp_result(arg, unary_op(op, a), a, Value());
      }
      DISPATCH();
    }
    op_COMPARE_OP: {
      Value b = POP();
      Value a = TOP();
      if (a.is_small_int() && b.is_small_int()) TOP() = v_bool(cmp_values(CmpOp(arg), a.as_small_int(), b.as_small_int()));
      else if (is_exact_float(a) && is_exact_float(b))
        TOP() = v_bool(cmp_values(CmpOp(arg), float_of(a), float_of(b)));
      else TOP() = compare(CmpOp(arg), a, b);
      DISPATCH();
    }
    op_IS_OP: {
      Value b = POP();
      TOP() = v_bool((TOP() == b) != (arg != 0));
      DISPATCH();
    }
    op_CONTAINS_OP: {
      Value container = POP();
      TOP() = v_bool(contains(container, TOP()) != (arg != 0));
      DISPATCH();
    }
    op_BINARY_SUBSCR: {
      Value k = POP();
      Value o = TOP();
      if (k.is_small_int() && o.is_obj()) {
        ClassObj* c = o.as_obj()->cls;
        if (c == cls_list) {
          const ListBody* b = stm_read(o.as<ListObj>());
          int64_t i = norm_index(k.as_small_int(), b->length);
          if (i >= 0 && i < b->length) {
            TOP() = b->items[i];
            DISPATCH();
          }
        } else if (c == cls_tuple) {
          TupleObj* t = o.as<TupleObj>();
          int64_t i = norm_index(k.as_small_int(), t->length);
          if (i >= 0 && i < t->length) {
            TOP() = t->items[i];
            DISPATCH();
          }
        }
      }
      TOP() = getitem(o, k);
      DISPATCH();
    }
    op_STORE_SUBSCR: {
      Value k = sp[-1], o = sp[-2], v = sp[-3];
      sp -= 3;
      if (k.is_small_int() && is_exact(o, cls_list)) {
        ListObj* l = o.as<ListObj>();
        int64_t i = norm_index(k.as_small_int(), stm_read(l)->length);
        if (i >= 0 && i < stm_read(l)->length) {
          list_write_body(l)->items[i] = v;
          DISPATCH();
        }
      }
      setitem(o, k, v);
      DISPATCH();
    }
    op_DELETE_SUBSCR: {
      Value k = POP();
      Value o = POP();
      delitem(o, k);
      DISPATCH();
    }

    op_BUILD_TUPLE: {
      sp -= arg;
      Value t = Value::from_obj(tuple_from(sp, arg));
      PUSH(t);
      DISPATCH();
    }
    op_BUILD_LIST: {
      sp -= arg;
      Value l = Value::from_obj(list_from(sp, arg));
      PUSH(l);
      DISPATCH();
    }
    op_BUILD_SET: {
      sp -= arg;
      Value s = op_build_set(sp, arg);
      PUSH(s);
      DISPATCH();
    }
    op_BUILD_MAP: {
      sp -= 2 * arg;
      Value d = op_build_map(sp, arg);
      PUSH(d);
      DISPATCH();
    }
    op_BUILD_SLICE: {
      sp -= arg;
      Value s = op_build_slice(sp, arg);
      PUSH(s);
      DISPATCH();
    }
    op_BUILD_STRING: {
      sp -= arg;
      Value s = op_build_string(sp, arg);
      PUSH(s);
      DISPATCH();
    }
    op_LIST_APPEND: {
      Value v = POP();
      list_append(sp[-int(arg)].as<ListObj>(), v);
      DISPATCH();
    }
    op_SET_ADD: {
      Value v = POP();
      set_add(sp[-int(arg)].as<SetObj>(), v);
      DISPATCH();
    }
    op_MAP_ADD: {
      Value v = POP();
      Value k = POP();
      dict_set(sp[-int(arg)].as<DictObj>(), k, v);
      DISPATCH();
    }
    op_LIST_EXTEND: {
      Value it = POP();
      op_list_extend(sp[-int(arg)], it);
      DISPATCH();
    }
    op_SET_UPDATE: {
      Value it = POP();
      op_set_update(sp[-int(arg)], it);
      DISPATCH();
    }
    op_DICT_UPDATE: {
      Value m = POP();
      op_dict_update(sp[-int(arg)], m, false, Value());
      DISPATCH();
    }
    op_DICT_MERGE: {
      Value m = POP();
      // Stack: [callee, empty, argtuple, kwdict]: name the callee in error messages.
      op_dict_update(sp[-int(arg)], m, true, sp[-int(arg) - 3]);
      DISPATCH();
    }
    op_LIST_TO_TUPLE:
      TOP() = op_list_to_tuple(TOP());
      DISPATCH();
    op_UNPACK_SEQUENCE: {
      Value seq = POP();
      sp = op_unpack_sequence(sp, seq, arg);
      DISPATCH();
    }
    op_UNPACK_EX: {
      Value seq = POP();
      sp = op_unpack_ex(sp, seq, arg & 0xff, arg >> 8);
      DISPATCH();
    }
    op_FORMAT_VALUE: {
      Value spec = (arg & 4) ? POP() : Value();
      TOP() = op_format_value(TOP(), int(arg & 3), spec);
      DISPATCH();
    }

    op_JUMP:
      if (arg < uint32_t(ip - instrs)) {   // a loop's back edge: other threads may run
        if (t_stm_tx) tx_safepoint(f, int32_t(arg), int32_t(sp - stack));   // may commit here
        else safepoint();
      }
      ip = instrs + arg;
      DISPATCH();
    op_POP_JUMP_IF_FALSE:
      if (!fast_truthy(POP())) ip = instrs + arg;
      DISPATCH();
    op_POP_JUMP_IF_TRUE:
      if (fast_truthy(POP())) ip = instrs + arg;
      DISPATCH();
    op_JUMP_IF_FALSE_OR_POP:
      if (!fast_truthy(TOP())) ip = instrs + arg;
      else sp--;
      DISPATCH();
    op_JUMP_IF_TRUE_OR_POP:
      if (fast_truthy(TOP())) ip = instrs + arg;
      else sp--;
      DISPATCH();
    op_GET_ITER:
      TOP() = get_iter(TOP());
      DISPATCH();
    op_FOR_ITER: {
      Value it = TOP();
      Value v = kind_of(it) == Kind::Generator ? generator_next(it) : iter_next(it);
      if (v.is_empty()) {
        sp--;
        ip = instrs + arg;
      } else {
        PUSH(v);
      }
      DISPATCH();
    }

    op_RAISE_VARARGS: {
      if (arg == 0) {
        if (ts.handled_exc.is_empty() || is_none(ts.handled_exc))
          raise(exc_RuntimeError, "No active exception to reraise");
        reraise = true;
        throw PyException{ts.handled_exc};
      }
      Value cause = arg == 2 ? POP() : Value();
      Value v = POP();
      Value exc = op_make_raise(v, cause, arg == 2);
      throw PyException{exc};
    }
    op_RERAISE: {
      Value exc = POP();
      reraise = true;
      throw PyException{exc};
    }
    op_PUSH_EXC_INFO: {
      Value exc = TOP();
      TOP() = ts.handled_exc;
      PUSH(exc);
      ts.handled_exc = exc;
      DISPATCH();
    }
    op_POP_EXCEPT:
      ts.handled_exc = POP();
      DISPATCH();
    op_CHECK_EXC_MATCH: {
      Value type = TOP();
      TOP() = v_bool(exception_matches(sp[-2], type));
      DISPATCH();
    }
    op_LOAD_ASSERTION_ERROR:
      PUSH(Value::from_obj(exc_AssertionError));
      DISPATCH();
    op_BEFORE_WITH: {
      Value exit, value;
      op_before_with(TOP(), &exit, &value);
      TOP() = exit;
      PUSH(value);
      DISPATCH();
    }
    op_WITH_EXCEPT_START: {
      Value r = op_with_except_start(sp[-3], sp[-1]);
      PUSH(r);
      DISPATCH();
    }

    op_YIELD_VALUE: {
      Value v = POP();
      f->yielded = true;
      f->sp = int32_t(sp - stack);
      f->pc = int32_t(ip - instrs);
      return v;
    }
    op_GET_YIELD_FROM_ITER:
      TOP() = op_get_yield_from_iter(TOP());
      DISPATCH();
    op_YIELD_FROM: {
      Value sent = sp[-1];
      Value it = sp[-2];
      Value out;
      if (op_yield_from_step(it, sent, &out)) {
        sp--;                                  // keep the iterator; resume re-runs YIELD_FROM
        f->yielded = true;
        f->sp = int32_t(sp - stack);
        f->pc = int32_t(ip - instrs) - 1;
        return out;
      }
      sp--;
      TOP() = out;
      DISPATCH();
    }

    op_IMPORT_NAME: {
      Value fromlist = POP();
      Value level = TOP();
      TOP() = import_name(names_[arg], fromlist, level, f->globals);
      DISPATCH();
    }
    op_IMPORT_FROM: {
      Value v = import_from(TOP(), names_[arg]);
      PUSH(v);
      DISPATCH();
    }
    op_IMPORT_STAR:
      import_star(POP(), f->globals, f->locals_dict);
      DISPATCH();
#undef DISPATCH
#undef CACHE_SLOT
#undef PUSH
#undef POP
#undef TOP
#undef TX_AFTER_CALL
    } catch (std::length_error&) {   // a std::string or vector asked to grow beyond max_size
      out_of_memory = true;
    } catch (std::bad_alloc&) {
      // An allocation the heap cannot satisfy (e.g. [0] * 2**40): raised as MemoryError by the
      // next round of the loop, as if the instruction had raised it (ip is already past it).
      out_of_memory = true;
    } catch (stm::StmAbort&) {
      // A conflict aborted the transaction: if it began in this frame, run again from there;
      // otherwise it belongs to a caller's frame.
      if (!tx_restart(f)) throw;
      ip = instrs + f->pc;
      sp = stack + f->sp;
      reraise = false;
      out_of_memory = false;
      pending = Value();
    } catch (PyException& e) {
      Value exc = e.exc;
      int32_t idx = int32_t(ip - instrs) - 1;
      if (idx < 0) idx = 0;
      if (!reraise) traceback_add(exc, co, idx);
      reraise = false;
      const ExcTableEntry* h = nullptr;
      for (int32_t i = 0; i < co->nexc; i++)
        if (co->exctable[i].start <= idx && idx < co->exctable[i].end) {
          h = &co->exctable[i];
          break;
        }
      if (!h) {
        f->pc = idx + 1;
        f->sp = int32_t(sp - stack);
        if (tx_is_start_frame(f)) [[unlikely]] {
          // The exception leaves the frame the transaction began in: end the transaction
          // (the handling code has no restart point and continues inevitable).
          try {
            tx_frame_unwind_slow(f);
          } catch (stm::StmAbort&) {
            if (!tx_restart(f)) throw;
            ip = instrs + f->pc;
            sp = stack + f->sp;
            reraise = false;
            continue;
          }
        }
        throw;
      }
      // The dropped slots would otherwise keep their objects alive for the conservative GC
      // (a handler of MemoryError must get the memory of what the failed block built).
      for (Value* p = stack + h->depth; p < stack + co->stacksize; ++p) *p = Value();
      // The handler may drop objects: its next failing allocation may collect (gc_alloc.h).
      if (exception_matches(exc, Value::from_obj(exc_MemoryError))) [[unlikely]] gc_note_memory_error();
      sp = stack + h->depth;
      *sp++ = exc;
      ip = instrs + h->handler;
    }
  }
}

}  // namespace stmjit
