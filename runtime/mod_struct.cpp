// mod_struct.cpp: the `struct` module: pack, unpack, unpack_from, iter_unpack, calcsize,
// struct.error and struct.Struct. Formats: a byte-order prefix (@ native with alignment, =
// native order and standard sizes, < little, > and ! big) and the codes
// x c b B ? h H i I l L q Q n N e f d s with repeat counts. Range errors use CPython's
// messages; packed data is a `bytes` object (runtime/bytes.h).
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/bytes.h"
#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

ClassObj* exc_struct_error;

[[noreturn]] void struct_error(const std::string& msg) {
  raise_value(make_exception(exc_struct_error, msg));
}

struct Item {
  char code;
  int64_t count;    // repeat count (for 's': the string length)
  int64_t size;     // bytes per element
  int64_t offset;   // position of the first element
};

struct Format {
  bool native = true;   // '@': native sizes and alignment
  bool little = true;
  std::vector<Item> items;
  int64_t size = 0;
  int64_t nvalues = 0;   // values pack() expects
};

int64_t code_size(char c, bool native) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': return native ? 8 : -1;   // native only
    default: return -1;
  }
}

Format parse_format(Value fmt_v) {
  if (!is_str(fmt_v)) {
    std::string_view bv;
    if (!bytes_view(fmt_v, &bv))
      raise(exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s", type_name(fmt_v).c_str());
    return parse_format(make_str(bv));
  }
  std::string_view s = sv(fmt_v);
  Format f;
  size_t i = 0;
  if (!s.empty()) {
    switch (s[0]) {
      case '@': i = 1; break;
      case '=': f.native = false; i = 1; break;
      case '<': f.native = false; i = 1; break;
      case '>': case '!': f.native = false; f.little = false; i = 1; break;
      default: break;
    }
  }
  int64_t pos = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      i++;
      continue;
    }
    int64_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (count > (INT64_MAX - 9) / 10) struct_error("total struct size too long");
        count = count * 10 + (s[i] - '0');
        i++;
      }
      if (i >= s.size()) struct_error("repeat count given without format specifier");
      c = s[i];
    }
    i++;
    int64_t size = code_size(c, f.native);
    if (size < 0) struct_error("bad char in struct format");
    if (f.native && c != 's' && c != 'x' && c != 'c' && size > 1) pos = (pos + size - 1) / size * size;
    if (c == 's') {
      f.items.push_back({c, count, 1, pos});
      pos += count;
      f.nvalues += 1;
    } else {
      f.items.push_back({c, count, size, pos});
      pos += count * size;
      if (c != 'x') f.nvalues += count;
    }
  }
  f.size = pos;
  return f;
}

void put_uint(char* p, uint64_t v, int64_t size, bool little) {
  for (int64_t k = 0; k < size; k++) {
    unsigned char b = (unsigned char)(v >> (8 * k));
    p[little ? k : size - 1 - k] = char(b);
  }
}

uint64_t get_uint(const char* p, int64_t size, bool little) {
  uint64_t v = 0;
  for (int64_t k = 0; k < size; k++) {
    unsigned char b = (unsigned char)p[little ? k : size - 1 - k];
    v |= uint64_t(b) << (8 * k);
  }
  return v;
}

// The integer to pack, as CPython converts it: ints and objects with __index__.
Value int_arg(Value v) {
  if (is_int_like(v)) return v;
  if (v.is_obj() && !is_float(v)) {
    Value m = lookup_special(v, names.__index__);
    if (!m.is_empty() && !is_none(m)) return call0(m);
  }
  struct_error("required argument is not an integer");
}

uint64_t to_uint64(Value v) {   // v is a non-negative int below 2**64
  if (is_small_like(v)) return uint64_t(small_of(v));
  gmp_use_gc_memory();
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  uint64_t u = mpz_get_ui(z);
  mpz_clear(z);
  return u;
}

bool fits_int64(Value v) {
  static const Value lo = int_neg(int_binop(BinOp::LShift, make_int(1), make_int(63)));
  return is_small_like(v) || int_bit_length(v) <= 63 || int_compare(v, lo) == 0;
}
bool fits_uint64(Value v) { return int_sign(v) >= 0 && int_bit_length(v) <= 64; }

// `big`: the standard big-endian table, whose short packers check like the wide ones.
uint64_t pack_int(char code, Value v, bool native, bool big) {
  v = int_arg(v);
  bool is_unsigned = code == 'B' || code == 'H' || code == 'I' || code == 'L' || code == 'Q' || code == 'N';
  // Small codes and all signed codes go through a C long first; wide unsigned ones through an
  // unsigned long (CPython's order of checks decides which message appears).
  bool via_unsigned = code == 'Q' || code == 'N' || code == 'L' || code == 'I' || (big && code == 'H');
  if (via_unsigned ? !fits_uint64(v) : !fits_int64(v)) struct_error("argument out of range");
  int64_t size = code_size(code, native);
  if (via_unsigned) {
    uint64_t u = to_uint64(v);
    if (size < 8 && u > (uint64_t(1) << (8 * size)) - 1)
      struct_error(std::string("'") + code + "' format requires 0 <= number <= " + std::to_string((uint64_t(1) << (8 * size)) - 1));
    return u;
  }
  int64_t x = as_index(v);
  if (size < 8) {
    int64_t lo = is_unsigned ? 0 : -(int64_t(1) << (8 * size - 1));
    int64_t hi = is_unsigned ? (int64_t(1) << (8 * size)) - 1 : (int64_t(1) << (8 * size - 1)) - 1;
    if (x < lo || x > hi) {
      std::string what = code == 'b'           ? "byte"
                         : code == 'B'           ? "ubyte"
                         : code == 'h' && !big   ? "short"
                         : code == 'H' && !big   ? "ushort"
                                                 : std::string("'") + code + "'";
      struct_error(what + " format requires " + std::to_string(lo) + " <= number <= " + std::to_string(hi));
    }
  }
  return uint64_t(x);
}

double float_arg(Value v) {
  if (is_float(v)) return float_of(v);
  if (is_int_like(v)) return int_to_double(v);
  if (v.is_obj()) {
    Value m = lookup_special(v, names.__float__);
    if (!m.is_empty() && !is_none(m)) return as_double(call0(m));
  }
  struct_error("required argument is not a float");
}

std::string do_pack(const Format& f, Value* vals, int64_t n) {
  if (n != f.nvalues)
    struct_error("pack expected " + std::to_string(f.nvalues) + " items for packing (got " + std::to_string(n) + ")");
  std::string out(size_t(f.size), '\0');
  int64_t vi = 0;
  for (const Item& it : f.items) {
    char* base = out.data() + it.offset;
    if (it.code == 'x') continue;
    if (it.code == 's') {
      std::string_view b;
      if (!bytes_view(vals[vi++], &b)) struct_error("argument for 's' must be a bytes object");
      memcpy(base, b.data(), std::min<size_t>(b.size(), size_t(it.count)));
      continue;
    }
    for (int64_t k = 0; k < it.count; k++) {
      char* p = base + k * it.size;
      Value v = vals[vi++];
      switch (it.code) {
        case 'c': {
          std::string_view b;
          if (!bytes_view(v, &b) || b.size() != 1) struct_error("char format requires a bytes object of length 1");
          *p = b[0];
          break;
        }
        case '?': *p = truthy(v) ? 1 : 0; break;
        case 'f': {
          double d = float_arg(v);
          float x = float(d);
          if (!f.native && std::isinf(x) && std::isfinite(d))
            raise(exc_OverflowError, "float too large to pack with f format");
          uint32_t bits;
          memcpy(&bits, &x, 4);
          put_uint(p, bits, 4, f.little);
          break;
        }
        case 'e': {
          double d = float_arg(v);
          _Float16 x = _Float16(d);   // rounds half to even, as CPython's PyFloat_Pack2
          if (std::isinf(float(x)) && std::isfinite(d)) raise(exc_OverflowError, "float too large to pack with e format");
          uint16_t bits;
          memcpy(&bits, &x, 2);
          put_uint(p, bits, 2, f.little);
          break;
        }
        case 'd': {
          double d = float_arg(v);
          uint64_t bits;
          memcpy(&bits, &d, 8);
          put_uint(p, bits, 8, f.little);
          break;
        }
        default: put_uint(p, pack_int(it.code, v, f.native, !f.native && !f.little), it.size, f.little);
      }
    }
  }
  return out;
}

TupleObj* do_unpack(const Format& f, std::string_view data) {
  TupleObj* t = tuple_new(f.nvalues);
  int64_t vi = 0;
  for (const Item& it : f.items) {
    const char* base = data.data() + it.offset;
    if (it.code == 'x') continue;
    if (it.code == 's') {
      t->items[vi++] = bytes_new(std::string_view(base, size_t(it.count)));
      continue;
    }
    for (int64_t k = 0; k < it.count; k++) {
      const char* p = base + k * it.size;
      Value v;
      switch (it.code) {
        case 'c': v = bytes_new(std::string_view(p, 1)); break;
        case '?': v = v_bool(*p != 0); break;
        case 'f': {
          uint32_t bits = uint32_t(get_uint(p, 4, f.little));
          float x;
          memcpy(&x, &bits, 4);
          v = make_float(double(x));
          break;
        }
        case 'e': {
          uint16_t bits = uint16_t(get_uint(p, 2, f.little));
          _Float16 x;
          memcpy(&x, &bits, 2);
          v = make_float(double(x));
          break;
        }
        case 'd': {
          uint64_t bits = get_uint(p, 8, f.little);
          double x;
          memcpy(&x, &bits, 8);
          v = make_float(x);
          break;
        }
        case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
          uint64_t u = get_uint(p, it.size, f.little);
          if (it.size < 8 && (u >> (8 * it.size - 1)) & 1) u |= ~uint64_t(0) << (8 * it.size);   // sign-extend
          v = make_int(int64_t(u));
          break;
        }
        default: {
          uint64_t u = get_uint(p, it.size, f.little);
          if (u <= uint64_t(INT64_MAX)) {
            v = make_int(int64_t(u));
          } else {
            Value hi = int_binop(BinOp::LShift, make_int(int64_t(u >> 1)), make_int(1));
            v = int_binop(BinOp::Or, hi, make_int(int64_t(u & 1)));
          }
        }
      }
      t->items[vi++] = v;
    }
  }
  return t;
}

std::string_view buffer_arg(Value v) {
  std::string_view b;
  if (!bytes_view(v, &b)) raise(exc_TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
  return b;
}

Value s_pack(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("pack", kw);
  if (nargs < 1) raise(exc_TypeError, "missing format argument");
  Format f = parse_format(args[0]);
  return bytes_new(do_pack(f, args + 1, nargs - 1));
}

Value s_unpack(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("unpack", kw);
  if (nargs != 2) raise(exc_TypeError, "unpack expected 2 arguments, got %lld", (long long)nargs);
  Format f = parse_format(args[0]);
  std::string_view b = buffer_arg(args[1]);
  if (int64_t(b.size()) != f.size) struct_error("unpack requires a buffer of " + std::to_string(f.size) + " bytes");
  return Value::from_obj(do_unpack(f, b));
}

Value s_unpack_from(Value* args, int64_t nargs, TupleObj* kw) {
  Args a{args, nargs, kw};
  a.check_kw("unpack_from", {"offset"});
  check_nargs("unpack_from", nargs, 2, 3);
  Format f = parse_format(args[0]);
  std::string_view b = buffer_arg(args[1]);
  Value off_v = nargs > 2 ? args[2] : a.kw("offset");
  int64_t off = off_v.is_empty() ? 0 : as_index(off_v);
  int64_t len = int64_t(b.size());
  if (off < 0) {
    if (off + len < 0) struct_error("offset " + std::to_string(off) + " out of range for " + std::to_string(len) + "-byte buffer");
    off += len;
  }
  if (len - off < f.size) {
    if (off > len)
      struct_error("offset " + std::to_string(off) + " out of range for " + std::to_string(len) + "-byte buffer");
    struct_error("unpack_from requires a buffer of at least " + std::to_string(f.size + off) +
                 " bytes for unpacking " + std::to_string(f.size) + " bytes at offset " + std::to_string(off) +
                 " (actual buffer size is " + std::to_string(len) + ")");
  }
  return Value::from_obj(do_unpack(f, b.substr(size_t(off), size_t(f.size))));
}

Value s_iter_unpack(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("iter_unpack", kw);
  check_nargs("iter_unpack", nargs, 2, 2);
  Format f = parse_format(args[0]);
  std::string_view b = buffer_arg(args[1]);
  if (f.size == 0) struct_error("cannot iteratively unpack with a struct of length 0");
  if (int64_t(b.size()) % f.size != 0)
    struct_error("iterative unpacking requires a buffer of a multiple of " + std::to_string(f.size) + " bytes");
  ListObj* out = list_new();
  for (size_t i = 0; i < b.size(); i += size_t(f.size))
    list_append(out, Value::from_obj(do_unpack(f, b.substr(i, size_t(f.size)))));
  return get_iter(Value::from_obj(out));
}

Value s_calcsize(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("calcsize", kw);
  check_nargs("calcsize", nargs, 1, 1);
  return make_int(parse_format(args[0]).size);
}

// ---- struct.Struct: a compiled format (the format is parsed again per call; formats are short)

ClassObj* cls_struct;
StrObj* n_format;

Value struct_format(Value self) {
  if (kind_of(self) != Kind::Instance || !isinstance(self, cls_struct))
    raise(exc_TypeError, "descriptor requires a 'Struct' object but received a '%s'", type_name(self).c_str());
  Value f = instance_load_attr(self.as<InstanceObj>(), n_format);
  if (f.is_empty()) raise(exc_ValueError, "Struct object is not initialised");
  return f;
}

Value st_init(Value* args, int64_t nargs, TupleObj* kw) {
  Args a{args, nargs, kw};
  a.check_kw("Struct", {"format"});
  Value f = nargs > 1 ? args[1] : a.kw("format");
  if (f.is_empty()) raise(exc_TypeError, "Struct() missing required argument 'format' (pos 1)");
  parse_format(f);   // reject bad formats now, as CPython does
  instance_store_attr(args[0].as<InstanceObj>(), n_format, f);
  return v_none();
}

Value st_pack(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("pack", kw);
  return bytes_new(do_pack(parse_format(struct_format(args[0])), args + 1, nargs - 1));
}

Value st_unpack(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("unpack", kw);
  check_nargs("unpack", nargs - 1, 1, 1);
  Value pair[2] = {struct_format(args[0]), args[1]};
  return s_unpack(pair, 2, nullptr);
}

Value st_unpack_from(Value* args, int64_t nargs, TupleObj* kw) {
  GcVector<Value> all(args, args + nargs + (kw ? kw->length : 0));
  all[0] = struct_format(args[0]);
  return s_unpack_from(all.data(), nargs, kw);
}

Value st_iter_unpack(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("iter_unpack", kw);
  check_nargs("iter_unpack", nargs - 1, 1, 1);
  Value pair[2] = {struct_format(args[0]), args[1]};
  return s_iter_unpack(pair, 2, nullptr);
}

Value st_size(Value* args, int64_t, TupleObj*) { return make_int(parse_format(struct_format(args[0])).size); }
Value st_format(Value* args, int64_t, TupleObj*) {
  Value f = struct_format(args[0]);
  std::string_view b;
  return bytes_view(f, &b) ? make_str(b) : f;
}

}  // namespace

ModuleObj* make_struct_module() {
  ModuleObj* m = module_new("struct");
  Value base = Value::from_obj(exc_Exception);
  exc_struct_error = class_new(intern("error"), tuple_from(&base, 1), dict_new(), intern("struct"));
  module_set(m, intern("error"), Value::from_obj(exc_struct_error));
  struct { const char* name; NativeFn fn; } table[] = {
      {"pack", s_pack}, {"unpack", s_unpack}, {"unpack_from", s_unpack_from},
      {"iter_unpack", s_iter_unpack}, {"calcsize", s_calcsize},
  };
  for (auto& e : table) module_set(m, intern(e.name), Value::from_obj(make_builtin(e.name, e.fn)));
  n_format = intern("_stmjit_format");
  Value obj = Value::from_obj(cls_object);
  DictObj* ns = dict_new();
  Value slot = Value::from_obj(n_format);
  dict_set(ns, Value::from_obj(names.__slots__), Value::from_obj(tuple_from(&slot, 1)));
  cls_struct = class_new(intern("Struct"), tuple_from(&obj, 1), ns, intern("struct"));
  struct { const char* name; NativeFn fn; } methods[] = {
      {"__init__", st_init}, {"pack", st_pack}, {"unpack", st_unpack}, {"unpack_from", st_unpack_from},
      {"iter_unpack", st_iter_unpack},
  };
  for (auto& e : methods) def_method(cls_struct, e.name, e.fn);
  def_property(cls_struct, "size", st_size);
  def_property(cls_struct, "format", st_format);
  module_set(m, intern("Struct"), Value::from_obj(cls_struct));
  return m;
}

}  // namespace stmjit
