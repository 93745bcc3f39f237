// generator.cpp: generator objects. Calling a generator function creates a GeneratorObj that
// owns a GC-allocated frame; resuming runs eval_frame on it until the next yield or return.
// Also: generator_next/generator_send of runtime/api.h and the Python-visible methods
// (__iter__, __next__, send, throw, close) registered by interpreter_init().
#include <cstring>

#include "interpreter/interpreter.h"
#include "interpreter/stm_thread.h"
#include "interpreter/threads.h"
#include "runtime/object_model.h"

namespace stmjit {

// A transaction resuming a generator runs it on a private copy of its frame (its pc, locals
// and value stack), published when the transaction commits and dropped if it aborts.
void StmBodyTraits<GeneratorBody>::deep_copy(GeneratorBody& b) {
  if (!b.frame) return;
  size_t size = frame_size(b.frame->code);
  Frame* copy = static_cast<Frame*>(gc_alloc(size));
  std::memcpy(static_cast<void*>(copy), b.frame, size);
  b.frame = copy;
}

Value make_generator(Frame* f) {
  GeneratorObj* g = gc_new<GeneratorObj>(cls_generator);
  GeneratorBody* b = stm_init_body(g);
  b->frame = f;
  b->state = GEN_CREATED;
  g->name = f->code->name;
  g->qualname = f->code->qualname;
  return Value::from_obj(g);
}

namespace {
GeneratorObj* as_gen(Value v, const char* method) {
  if (kind_of(v) != Kind::Generator)
    raise(exc_TypeError, "descriptor '%s' requires a 'generator' object but received a '%s'", method,
          type_name(v).c_str());
  return v.as<GeneratorObj>();
}

[[noreturn]] void raise_stop_iteration(Value result) {
  if (result.is_empty() || is_none(result)) raise_value(call0(Value::from_obj(exc_StopIteration)));
  raise_value(call1(Value::from_obj(exc_StopIteration), result));
}
}  // namespace

bool gen_resume(Value gen, Value sent, Value throw_exc, Value* out) {
  GeneratorObj* g = gen.as<GeneratorObj>();
  const GeneratorBody* rb = stm_read(g);
  uint8_t state = rb->state;
  if (state == GEN_RUNNING) raise(exc_ValueError, "generator already executing");
  if (state == GEN_DONE) {
    if (!throw_exc.is_empty()) raise_value(throw_exc);
    *out = Value();
    return false;
  }
  if (state == GEN_CREATED && throw_exc.is_empty() && !sent.is_empty() && !is_none(sent))
    raise(exc_TypeError, "can't send non-None value to a just-started generator");
  // Resuming mutates the frame: work on this transaction's version of the generator.
  GeneratorBody* wb = stm_write(g);
  Frame* f = wb->frame;
  Value own_exc_state = wb->exc_state;
  if (state == GEN_SUSPENDED && throw_exc.is_empty()) f->stack_base()[f->sp++] = sent.is_empty() ? v_none() : sent;
  wb->state = GEN_RUNNING;
  // The generator's own "exception being handled" (an `except` block it yielded from) is
  // active only while it runs; the caller's comes back when it yields, returns or raises.
  ThreadState& ts = tstate();
  struct ExcStateSwap {
    ThreadState& ts;
    Value outer;
    ~ExcStateSwap() { ts.handled_exc = outer; }
  } swap{ts, ts.handled_exc};
  if (!own_exc_state.is_empty()) ts.handled_exc = own_exc_state;
  Value r;
  try {
    RecursionGuard guard;
    // The frame is this transaction's private version: no transaction break inside.
    NativeCallScope native;
    r = eval_frame(f, throw_exc);
  } catch (PyException& e) {
    GeneratorBody* b = stm_write(g);
    b->state = GEN_DONE;
    b->frame = nullptr;
    if (exception_matches(e.exc, Value::from_obj(exc_StopIteration))) {
      Value err = make_exception(exc_RuntimeError, "generator raised StopIteration");
      exception_set_cause(err, e.exc);
      exception_set_context(err, e.exc);
      raise_value(err);
    }
    throw;
  } catch (stm::StmAbort&) {
    throw;   // rolled back: the generator is as it was when the transaction began
  } catch (...) {
    stm_write(g)->state = GEN_DONE;
    throw;
  }
  GeneratorBody* b = stm_write(g);
  if (f->yielded) {
    b->exc_state = ts.handled_exc == swap.outer ? Value() : ts.handled_exc;
    b->state = GEN_SUSPENDED;
    *out = r;
    return true;
  }
  b->state = GEN_DONE;
  b->frame = nullptr;
  *out = r;
  return false;
}

Value generator_next(Value gen) {
  Value out;
  return gen_resume(gen, v_none(), Value(), &out) ? out : Value();
}

Value generator_send(Value gen, Value v) {
  Value out;
  return gen_resume(gen, v, Value(), &out) ? out : Value();
}

namespace {
Value gen_iter(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs("__iter__", nargs - 1, 0, 0);
  as_gen(args[0], "__iter__");
  return args[0];
}

Value gen_next(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs("__next__", nargs - 1, 0, 0);
  as_gen(args[0], "__next__");
  Value out;
  if (gen_resume(args[0], v_none(), Value(), &out)) return out;
  raise_stop_iteration(out);
}

Value gen_send(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs("send", nargs - 1, 1, 1);
  as_gen(args[0], "send");
  Value out;
  if (gen_resume(args[0], args[1], Value(), &out)) return out;
  raise_stop_iteration(out);
}

Value gen_throw(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs("throw", nargs - 1, 1, 3);
  as_gen(args[0], "throw");
  Value exc = args[1];
  if (kind_of(exc) == Kind::Class) exc = nargs > 2 && !is_none(args[2]) ? call1(exc, args[2]) : call0(exc);
  if (!isinstance(exc, exc_BaseException)) raise(exc_TypeError, "exceptions must derive from BaseException");
  Value out;
  if (gen_resume(args[0], Value(), exc, &out)) return out;
  raise_stop_iteration(out);
}

Value gen_close(Value* args, int64_t nargs, TupleObj* kw) {
  check_nargs("close", nargs - 1, 0, 0);
  GeneratorObj* g = as_gen(args[0], "close");
  uint8_t state = stm_read(g)->state;
  if (state == GEN_CREATED || state == GEN_DONE) {
    GeneratorBody* b = stm_write(g);
    b->state = GEN_DONE;
    b->frame = nullptr;
    return v_none();
  }
  Value out;
  try {
    if (gen_resume(args[0], Value(), call0(Value::from_obj(exc_GeneratorExit)), &out))
      raise(exc_RuntimeError, "generator ignored GeneratorExit");
  } catch (PyException& e) {
    if (exception_matches(e.exc, Value::from_obj(exc_GeneratorExit)) ||
        exception_matches(e.exc, Value::from_obj(exc_StopIteration)))
      return v_none();
    throw;
  }
  return v_none();
}

Value gen_name(Value* args, int64_t nargs, TupleObj* kw) {
  return Value::from_obj(as_gen(args[0], "__name__")->name);
}

Value gen_qualname(Value* args, int64_t nargs, TupleObj* kw) {
  return Value::from_obj(as_gen(args[0], "__qualname__")->qualname);
}
}  // namespace

void interpreter_init() {
  def_method(cls_generator, "__iter__", gen_iter);
  def_method(cls_generator, "__next__", gen_next);
  def_method(cls_generator, "send", gen_send);
  def_method(cls_generator, "throw", gen_throw);
  def_method(cls_generator, "close", gen_close);
  def_property(cls_generator, "__name__", gen_name);
  def_property(cls_generator, "__qualname__", gen_qualname);
  init_traceback_type();
  init_frame_builtins();
  init_unsupported_builtins();
  init_thread_module();
  init_stm_module();
}

}  // namespace stmjit
