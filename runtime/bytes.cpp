// bytes.cpp: a minimal immutable `bytes` type. A bytes object is an instance of the class
// `bytes` whose contents sit in a hidden attribute holding an opaque, immutable BytesData
// block (written once at construction, never changed: no barrier needed to read it).
#include "runtime/bytes.h"

#include <cstring>
#include <mutex>
#include <string>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"

namespace stmjit {

namespace {

struct BytesData : Obj {
  int64_t n;
  char data[1];   // n bytes
};

ClassObj* cls_bytes;
ClassObj* cls_data;   // private class of BytesData blocks
StrObj* n_data;

BytesData* data_new(std::string_view s) {
  auto* d = static_cast<BytesData*>(gc_alloc_atomic(sizeof(BytesData) + s.size()));
  d->cls = cls_data;
  d->n = int64_t(s.size());
  if (!s.empty()) memcpy(d->data, s.data(), s.size());
  return d;
}

void set_contents(Value self, std::string_view s) {
  instance_store_attr(self.as<InstanceObj>(), n_data, Value::from_obj(data_new(s)));
}

std::string_view contents(Value self) {
  std::string_view out;
  if (!bytes_view(self, &out))
    raise(exc_TypeError, "descriptor requires a 'bytes' object but received a '%s'", type_name(self).c_str());
  return out;
}

int byte_of(Value x, const char* range_msg) {
  if (!is_int_like(x) && kind_of(x) != Kind::Instance)
    raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(x).c_str());
  Value i = x;
  if (!is_int_like(x)) {
    Value m = lookup_special(x, names.__index__);
    if (m.is_empty() || is_none(m))
      raise(exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(x).c_str());
    i = call0(m);
  }
  if (int_sign(i) < 0 || int_bit_length(i) > 8) raise(exc_ValueError, "%s", range_msg);
  return int(small_of(i));
}

// bytes(), bytes(n), bytes(iterable of ints), bytes(bytes), bytes(str, encoding).
std::string build(Value* args, int64_t nargs) {
  if (nargs == 0) return {};
  Value src = args[0];
  if (is_str(src)) {
    if (nargs < 2) raise(exc_TypeError, "string argument without an encoding");
    std::string enc(str_view(str_of(args[1])));
    for (char& c : enc) c = char(tolower((unsigned char)c));
    if (enc == "utf-8" || enc == "utf8") return std::string(sv(src));
    if (enc == "ascii" || enc == "latin-1" || enc == "latin1") {
      const char* p = sv(src).data();
      const char* end = p + sv(src).size();
      std::string out;
      uint32_t limit = enc == "ascii" ? 0x80 : 0x100;
      for (int64_t pos = 0; p < end; pos++) {
        uint32_t cp = decode_utf8(p);
        if (cp >= limit) {
          std::string ch = cp < 0x100 ? "\\x" : cp < 0x10000 ? "\\u" : "\\U";
          char buf[16];
          snprintf(buf, sizeof buf, cp < 0x100 ? "%02x" : cp < 0x10000 ? "%04x" : "%08x", cp);
          raise(exc_UnicodeEncodeError, "'%s' codec can't encode character '%s%s' in position %lld: ordinal not in range(%u)",
                enc == "ascii" ? "ascii" : "latin-1", ch.c_str(), buf, (long long)pos, limit);
        }
        out += char(cp);
      }
      return out;
    }
    raise(exc_LookupError, "unknown encoding: %s", enc.c_str());
  }
  if (nargs > 1) raise(exc_TypeError, "encoding without a string argument");
  std::string_view bv;
  if (bytes_view(src, &bv)) return std::string(bv);
  if (is_int_like(src)) {
    if (int_bit_length(src) > 63) raise(exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    int64_t n = as_index(src);
    if (n < 0) raise(exc_ValueError, "negative count");
    check_native_allocation(size_t(n));
    return std::string(size_t(n), '\0');
  }
  if (is_float(src)) raise(exc_TypeError, "cannot convert 'float' object to bytes");
  std::string out;
  for_each(src, [&](Value x) {
    out += char(byte_of(x, "bytes must be in range(0, 256)"));
    return true;
  });
  return out;
}

Value b_init(Value* args, int64_t nargs, TupleObj* kw) {
  check_no_kwargs("bytes", kw);
  check_nargs("bytes", nargs - 1, 0, 2);
  // bytes are immutable: calling __init__ again on a built object changes nothing.
  if (!instance_load_attr(args[0].as<InstanceObj>(), n_data).is_empty()) return v_none();
  set_contents(args[0], build(args + 1, nargs - 1));
  return v_none();
}

Value b_len(Value* args, int64_t, TupleObj*) { return make_int(int64_t(contents(args[0]).size())); }

Value b_getitem(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__getitem__", nargs - 1, 1, 1);
  std::string_view s = contents(args[0]);
  Value key = args[1];
  if (kind_of(key) == Kind::Slice) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), int64_t(s.size()), &start, &stop, &step, &count);
    std::string out;
    for (int64_t i = 0, j = start; i < count; i++, j += step) out += s[size_t(j)];
    return bytes_new(out);
  }
  if (!is_int_like(key) && lookup_special(key, names.__index__).is_empty())
    raise(exc_TypeError, "byte indices must be integers or slices, not %s", type_name(key).c_str());
  int64_t i = as_index(key);
  if (i < 0) i += int64_t(s.size());
  if (i < 0 || i >= int64_t(s.size())) raise(exc_IndexError, "index out of range");
  return make_int((unsigned char)s[size_t(i)]);
}

Value b_iter(Value* args, int64_t, TupleObj*) {
  std::string_view s = contents(args[0]);
  TupleObj* t = tuple_new(int64_t(s.size()));
  for (size_t i = 0; i < s.size(); i++) t->items[i] = make_int((unsigned char)s[i]);
  return get_iter(Value::from_obj(t));
}

std::string repr_of(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos, has_double = s.find('"') != std::string_view::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += q;
  static const char hex[] = "0123456789abcdef";
  for (unsigned char c : s) {
    if (c == q || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else out += char(c);
  }
  out += q;
  return out;
}

Value b_repr(Value* args, int64_t, TupleObj*) { return make_str(repr_of(contents(args[0]))); }

Value b_hash(Value* args, int64_t, TupleObj*) {
  // FNV-1a over the bytes, like str's hash.
  uint64_t x = 14695981039346656037ull;
  for (unsigned char c : contents(args[0])) {
    x ^= c;
    x *= 1099511628211ull;
  }
  return make_int(int64_t(x >> 1));
}

Value compare_op(Value* args, CmpOp op) {
  std::string_view a = contents(args[0]), b;
  if (!bytes_view(args[1], &b)) return v_not_implemented();
  int c = a.compare(b);
  switch (op) {
    case CmpOp::Eq: return v_bool(c == 0);
    case CmpOp::Ne: return v_bool(c != 0);
    case CmpOp::Lt: return v_bool(c < 0);
    case CmpOp::Le: return v_bool(c <= 0);
    case CmpOp::Gt: return v_bool(c > 0);
    case CmpOp::Ge: return v_bool(c >= 0);
  }
  return v_not_implemented();
}
Value b_eq(Value* a, int64_t, TupleObj*) { return compare_op(a, CmpOp::Eq); }
Value b_ne(Value* a, int64_t, TupleObj*) { return compare_op(a, CmpOp::Ne); }
Value b_lt(Value* a, int64_t, TupleObj*) { return compare_op(a, CmpOp::Lt); }
Value b_le(Value* a, int64_t, TupleObj*) { return compare_op(a, CmpOp::Le); }
Value b_gt(Value* a, int64_t, TupleObj*) { return compare_op(a, CmpOp::Gt); }
Value b_ge(Value* a, int64_t, TupleObj*) { return compare_op(a, CmpOp::Ge); }

Value b_add(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__add__", nargs - 1, 1, 1);
  std::string_view b;
  if (!bytes_view(args[1], &b)) raise(exc_TypeError, "can't concat %s to bytes", type_name(args[1]).c_str());
  return bytes_new(std::string(contents(args[0])) + std::string(b));
}

Value b_mul(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__mul__", nargs - 1, 1, 1);
  if (!is_int_like(args[1])) return v_not_implemented();
  int64_t n = as_index(args[1]);
  std::string_view s = contents(args[0]);
  if (s.empty() || n <= 0) return bytes_new("");
  if (n > (int64_t(1) << 40) / int64_t(s.size())) raise_memory_error();
  std::string out;
  check_native_allocation(size_t(n), s.size());
  out.reserve(s.size() * size_t(n));
  for (int64_t i = 0; i < n; i++) out += s;
  return bytes_new(out);
}

Value b_contains(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("__contains__", nargs - 1, 1, 1);
  std::string_view s = contents(args[0]), sub;
  if (bytes_view(args[1], &sub)) return v_bool(s.find(sub) != std::string_view::npos);
  if (is_int_like(args[1])) {
    int c = byte_of(args[1], "byte must be in range(0, 256)");
    return v_bool(s.find(char(c)) != std::string_view::npos);
  }
  raise(exc_TypeError, "a bytes-like object is required, not '%s'", type_name(args[1]).c_str());
}

Value b_hex(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("hex", nargs - 1, 0, 0);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : contents(args[0])) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return make_str(out);
}

Value b_decode(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("decode", nargs - 1, 0, 2);
  std::string_view s = contents(args[0]);
  std::string enc = nargs > 1 ? std::string(str_view(str_of(args[1]))) : "utf-8";
  for (char& c : enc) c = char(tolower((unsigned char)c));
  if (enc == "ascii" || enc == "utf-8" || enc == "utf8") {
    // Validate: ASCII for ascii; well-formed UTF-8 sequences for utf-8.
    for (size_t i = 0; i < s.size();) {
      unsigned char c = (unsigned char)s[i];
      size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : 0;
      bool ok = len == 1 || (enc != "ascii" && len > 1 && i + len <= s.size());
      for (size_t k = 1; ok && k < len; k++) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
      if (!ok)
        raise(exc_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
              enc == "ascii" ? "ascii" : "utf-8", c, i, enc == "ascii" ? "ordinal not in range(128)" : "invalid start byte");
      i += len;
    }
    return make_str(s);
  }
  if (enc == "latin-1" || enc == "latin1") {
    std::string out;
    for (unsigned char c : s) out += encode_utf8(c);
    return make_str(out);
  }
  raise(exc_LookupError, "unknown encoding: %s", enc.c_str());
}

void create_class() {
  n_data = intern("_stmjit_bytes");
  cls_data = class_alloc_builtin(Kind::Ellipsis);   // opaque block, no Python-visible fields
  class_setup_builtin(cls_data, "_bytes_data", cls_object);
  Value base = Value::from_obj(cls_object);
  cls_bytes = class_new(intern("bytes"), tuple_from(&base, 1), dict_new(), intern("builtins"));
  struct { const char* name; NativeFn fn; } methods[] = {
      {"__init__", b_init}, {"__len__", b_len}, {"__getitem__", b_getitem}, {"__iter__", b_iter},
      {"__repr__", b_repr}, {"__hash__", b_hash}, {"__eq__", b_eq}, {"__ne__", b_ne}, {"__lt__", b_lt},
      {"__le__", b_le}, {"__gt__", b_gt}, {"__ge__", b_ge}, {"__add__", b_add}, {"__mul__", b_mul},
      {"__rmul__", b_mul}, {"__contains__", b_contains}, {"hex", b_hex}, {"decode", b_decode},
  };
  for (auto& e : methods) def_method(cls_bytes, e.name, e.fn);
}

}  // namespace

ClassObj* bytes_class() {
  static std::once_flag once;
  std::call_once(once, create_class);
  return cls_bytes;
}

Value bytes_new(std::string_view data) {
  InstanceObj* o = instance_new(bytes_class());
  Value v = Value::from_obj(o);
  set_contents(v, data);
  return v;
}

bool bytes_view(Value v, std::string_view* out) {
  if (!v.is_obj() || kind_of(v) != Kind::Instance || !is_subclass(class_of(v), bytes_class())) return false;
  Value d = instance_load_attr(v.as<InstanceObj>(), n_data);
  if (d.is_empty() || !is_exact(d, cls_data)) {
    *out = std::string_view();   // a subclass whose __init__ did not run: empty
    return true;
  }
  BytesData* b = d.as<BytesData>();
  *out = std::string_view(b->data, size_t(b->n));
  return true;
}

}  // namespace stmjit
