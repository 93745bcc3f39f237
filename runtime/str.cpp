// str.cpp: immutable UTF-8 strings (StrObj): allocation, the thread-safe intern table, UTF-8
// helpers, hashing (cached in the object), code-point indexing and slicing, comparison,
// concatenation/repetition and CPython's repr quoting rules.
#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>

#include "runtime/types_internal.h"

namespace stmjit {

namespace {

StrObj* str_alloc(std::string_view utf8, bool uncollectable) {
  size_t size = sizeof(StrObj) + utf8.size();
  // Atomic memory: a string holds no pointers except its class, which globals keep alive.
  void* p = uncollectable ? GC_MALLOC_ATOMIC_UNCOLLECTABLE(size) : GC_MALLOC_ATOMIC(size);
  if (!p) p = gc_alloc_retry(uncollectable ? GcKind::AtomicUncollectable : GcKind::Atomic, size);
  StrObj* s = static_cast<StrObj*>(p);
  s->cls = cls_str;
  s->nbytes = int64_t(utf8.size());
  int64_t len = 0;
  bool ascii = true;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) len++;
    if (c >= 0x80) ascii = false;
  }
  s->length = len;
  new (&s->hash) std::atomic<int64_t>(-1);
  s->ascii = ascii;
  s->interned = false;
  if (!utf8.empty()) memcpy(s->data, utf8.data(), utf8.size());
  s->data[utf8.size()] = 0;
  return s;
}

// Intern table: keys view the (never collected) interned strings' own bytes.
std::mutex intern_lock;
std::unordered_map<std::string_view, StrObj*>* intern_table;

// Filled lazily by any thread. Atomic: a plain pointer written by one thread while another
// reads it is a data race (UB), and the reader must see the string's bytes: the release store
// / acquire load order them (on x86-64 both are plain moves, so the fast path costs nothing).
// Two threads filling the same slot store the same interned object.
std::atomic<StrObj*> single_chars[128];

}  // namespace

StrObj* str_new(std::string_view utf8) {
  if (utf8.size() == 1 && (unsigned char)utf8[0] < 128) {
    // One-char ASCII strings are shared (very common in loops over strings).
    std::atomic<StrObj*>& slot = single_chars[(unsigned char)utf8[0]];
    StrObj* c = slot.load(std::memory_order_acquire);
    if (!c) {
      c = intern(utf8);
      slot.store(c, std::memory_order_release);
    }
    return c;
  }
  return str_alloc(utf8, false);
}

StrObj* intern(std::string_view utf8) {
  std::lock_guard<std::mutex> g(intern_lock);
  if (!intern_table) intern_table = new std::unordered_map<std::string_view, StrObj*>();
  auto it = intern_table->find(utf8);
  if (it != intern_table->end()) return it->second;
  StrObj* s = str_alloc(utf8, true);
  s->interned = true;
  intern_table->emplace(str_view(s), s);
  return s;
}

std::string encode_utf8(uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
  return out;
}

uint32_t decode_utf8(const char*& p) {
  unsigned char c = (unsigned char)*p++;
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> extra);
  for (int i = 0; i < extra; i++) cp = (cp << 6) | ((unsigned char)*p++ & 0x3F);
  return cp;
}

StrObj* str_from_cp(uint32_t cp) { return str_new(encode_utf8(cp)); }

int64_t str_byte_offset(StrObj* s, int64_t cp_index) {
  if (s->ascii) return cp_index;
  const char* p = s->data;
  const char* end = s->data + s->nbytes;
  for (int64_t i = 0; i < cp_index && p < end; i++) {
    p++;
    while (p < end && ((unsigned char)*p & 0xC0) == 0x80) p++;
  }
  return p - s->data;
}

int64_t str_hash(StrObj* s) {
  int64_t h = s->hash.load(std::memory_order_relaxed);
  if (h != -1) return h;
  uint64_t x = 14695981039346656037ull;   // FNV-1a
  for (int64_t i = 0; i < s->nbytes; i++) {
    x ^= (unsigned char)s->data[i];
    x *= 1099511628211ull;
  }
  h = int64_t(x >> 1);   // non-negative, never -1
  s->hash.store(h, std::memory_order_relaxed);
  return h;
}

bool str_eq(StrObj* a, StrObj* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->interned && b->interned) return false;
  int64_t ha = a->hash.load(std::memory_order_relaxed), hb = b->hash.load(std::memory_order_relaxed);
  if (ha != -1 && hb != -1 && ha != hb) return false;
  return memcmp(a->data, b->data, size_t(a->nbytes)) == 0;
}

int str_compare(StrObj* a, StrObj* b) {
  // UTF-8 byte order equals code-point order.
  int64_t n = a->nbytes < b->nbytes ? a->nbytes : b->nbytes;
  int c = memcmp(a->data, b->data, size_t(n));
  if (c != 0) return c < 0 ? -1 : 1;
  return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes;
}

bool str_contains(StrObj* hay, StrObj* needle) {
  return str_view(hay).find(str_view(needle)) != std::string_view::npos;
}

Value str_getitem(StrObj* s, Value key) {
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step, count;
    slice_indices(key.as<SliceObj>(), s->length, &start, &stop, &step, &count);
    if (s->ascii && step == 1) return make_str(std::string_view(s->data + start, size_t(count)));
    if (step == 1) {
      int64_t b0 = str_byte_offset(s, start);
      int64_t b1 = str_byte_offset(s, start + count);
      return make_str(std::string_view(s->data + b0, size_t(b1 - b0)));
    }
    // General step: collect code point offsets once.
    GcVector<int64_t> offs;
    if (!s->ascii) {
      const char* p = s->data;
      const char* end = s->data + s->nbytes;
      while (p < end) {
        offs.push_back(p - s->data);
        decode_utf8(p);
      }
      offs.push_back(s->nbytes);
    }
    std::string out;
    for (int64_t i = 0, j = start; i < count; i++, j += step) {
      if (s->ascii) out += s->data[j];
      else out.append(s->data + offs[size_t(j)], size_t(offs[size_t(j) + 1] - offs[size_t(j)]));
    }
    return make_str(out);
  }
  int64_t i = seq_index(key, s->length, "string");
  if (s->ascii) return Value::from_obj(str_new(std::string_view(s->data + i, 1)));
  int64_t b0 = str_byte_offset(s, i);
  const char* p = s->data + b0;
  decode_utf8(p);
  return make_str(std::string_view(s->data + b0, size_t(p - (s->data + b0))));
}

Value str_binop(BinOp op, Value a, Value b) {
  if (op == BinOp::Add && is_str(a) && is_str(b)) {
    StrObj* x = as_str(a);
    StrObj* y = as_str(b);
    if (x->nbytes == 0) return b;
    if (y->nbytes == 0) return a;
    StrObj* r = static_cast<StrObj*>(gc_alloc_atomic(sizeof(StrObj) + size_t(x->nbytes + y->nbytes)));
    r->cls = cls_str;
    r->nbytes = x->nbytes + y->nbytes;
    r->length = x->length + y->length;
    new (&r->hash) std::atomic<int64_t>(-1);
    r->ascii = x->ascii && y->ascii;
    r->interned = false;
    memcpy(r->data, x->data, size_t(x->nbytes));
    memcpy(r->data + x->nbytes, y->data, size_t(y->nbytes));
    r->data[r->nbytes] = 0;
    return Value::from_obj(r);
  }
  if (op == BinOp::Mul) {
    Value s = is_str(a) ? a : b, n = is_str(a) ? b : a;
    if (!is_str(s) || !is_int_like(n)) return Value();
    int64_t k;
    if (!int_fits_int64(n, &k)) raise(exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    if (k <= 0) return make_str("");
    if (k == 1) return s;
    std::string_view v = sv(s);
    if (int64_t(v.size()) > INT64_MAX / k) raise(exc_OverflowError, "repeated string is too long");
    std::string out;
    check_native_allocation(size_t(k), v.size());
    out.reserve(v.size() * size_t(k));
    for (int64_t i = 0; i < k; i++) out += v;
    return make_str(out);
  }
  if (op == BinOp::Mod && is_str(a)) return Value::from_obj(percent_format(as_str(a), b));
  return Value();
}

std::string str_repr_std(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char q = has_sq && !has_dq ? '"' : '\'';
  std::string out(1, q);
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const char* start = p;
    uint32_t c = decode_utf8(p);
    char buf[16];
    if (c == uint32_t(q) || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (!char_is_printable(c)) {
      if (c < 0x100) snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", c);
      else snprintf(buf, sizeof buf, "\\U%08x", c);
      out += buf;
    } else {
      out.append(start, size_t(p - start));
    }
  }
  out += q;
  return out;
}

}  // namespace stmjit
