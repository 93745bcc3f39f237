// str_methods.cpp: the methods of str (join, split, strip, find, replace, case conversions,
// padding, partition, format, ...). Indices are code points; UTF-8 byte offsets are converted
// at the edges. Case conversions and character classes are in str_case.cpp.
#include <algorithm>

#include "runtime/object_model.h"
#include "runtime/types_internal.h"
#include "runtime/unicode_db.h"

namespace stmjit {

namespace {

using unicode::is_alpha;
using unicode::is_space;
bool is_digit(uint32_t c) { return unicode::is_digit(c); }

std::u32string decode(std::string_view s) {
  std::u32string out;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) out += decode_utf8(p);
  return out;
}
std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) out += encode_utf8(c);
  return out;
}

StrObj* self_str(Value* args) { return as_str(args[0]); }
std::string_view self_sv(Value* args) { return sv(args[0]); }

StrObj* str_arg(Value v, const char* fname, int argn = 1) {
  if (!is_str(v))
    raise(exc_TypeError, "%s() argument %d must be str, not %s", fname, argn, type_name(v).c_str());
  return as_str(v);
}

StrObj* must_str(Value v, const char* what) {
  if (!is_str(v)) raise(exc_TypeError, "must be str, not %s", type_name(v).c_str());
  (void)what;
  return as_str(v);
}

// Code-point range [start, end) from optional slice-like arguments, as byte offsets.
void byte_range(StrObj* s, Value* args, int64_t nargs, int64_t first, int64_t* b0, int64_t* b1, int64_t* c0) {
  int64_t len = s->length;
  int64_t start = 0, end = len;
  if (nargs > first && !is_none(args[first])) start = as_index(args[first]);
  if (nargs > first + 1 && !is_none(args[first + 1])) end = as_index(args[first + 1]);
  if (start < 0) start = start + len < 0 ? 0 : start + len;
  if (end < 0) end = end + len < 0 ? 0 : end + len;
  if (end > len) end = len;
  if (start > len) start = len + 1;   // marks an empty, out-of-range window
  *c0 = start;
  if (start > end) {
    *b0 = -1;
    *b1 = -1;
    return;
  }
  *b0 = str_byte_offset(s, start);
  *b1 = str_byte_offset(s, end);
}

int64_t cp_index_of(StrObj* s, int64_t byte_off) {
  if (s->ascii) return byte_off;
  int64_t n = 0;
  for (int64_t i = 0; i < byte_off; i++)
    if (((unsigned char)s->data[i] & 0xC0) != 0x80) n++;
  return n;
}

int64_t do_find(Value* args, int64_t nargs, const char* name, bool reverse) {
  check_nargs_total(name, nargs - 1, 1, 3);
  StrObj* s = self_str(args);
  StrObj* sub = must_str(args[1], name);
  int64_t b0, b1, c0;
  byte_range(s, args, nargs, 2, &b0, &b1, &c0);
  if (b0 < 0) return -1;
  std::string_view hay = str_view(s).substr(size_t(b0), size_t(b1 - b0));
  size_t pos = reverse ? hay.rfind(str_view(sub)) : hay.find(str_view(sub));
  if (pos == std::string_view::npos) return -1;
  return cp_index_of(s, b0 + int64_t(pos));
}

Value m_find(Value* a, int64_t n, TupleObj*) { return make_int(do_find(a, n, "find", false)); }
Value m_rfind(Value* a, int64_t n, TupleObj*) { return make_int(do_find(a, n, "rfind", true)); }
Value m_index(Value* a, int64_t n, TupleObj*) {
  int64_t i = do_find(a, n, "index", false);
  if (i < 0) raise(exc_ValueError, "substring not found");
  return make_int(i);
}
Value m_rindex(Value* a, int64_t n, TupleObj*) {
  int64_t i = do_find(a, n, "rindex", true);
  if (i < 0) raise(exc_ValueError, "substring not found");
  return make_int(i);
}

Value m_count(Value* args, int64_t nargs, TupleObj*) {
  check_nargs_total("count", nargs - 1, 1, 3);
  StrObj* s = self_str(args);
  StrObj* sub = must_str(args[1], "count");
  int64_t b0, b1, c0;
  byte_range(s, args, nargs, 2, &b0, &b1, &c0);
  if (b0 < 0) return make_int(0);
  std::string_view hay = str_view(s).substr(size_t(b0), size_t(b1 - b0));
  std::string_view needle = str_view(sub);
  if (needle.empty()) return make_int(cp_index_of(s, b1) - c0 + 1);
  int64_t count = 0;
  for (size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + needle.size())) count++;
  return make_int(count);
}

Value m_join(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("str.join", nargs - 1, 1, 1);
  std::string_view sep = self_sv(args);
  std::string out;
  int64_t i = 0;
  for_each(args[1], [&](Value x) {
    if (!is_str(x))
      raise(exc_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i, type_name(x).c_str());
    if (i++) out += sep;
    out += sv(x);
    return true;
  });
  return make_str(out);
}

Value split_impl(Value* args, int64_t nargs, TupleObj* kwnames, bool right) {
  Args a{args, nargs, kwnames};
  const char* fname = right ? "rsplit" : "split";
  a.check_kw(fname, {"sep", "maxsplit"});
  check_nargs_total(fname, nargs - 1 + a.nkw(), 0, 2);
  Value sepv = nargs > 1 ? args[1] : a.kw("sep");
  Value maxv = nargs > 2 ? args[2] : a.kw("maxsplit");
  int64_t maxsplit = maxv.is_empty() ? -1 : as_index(maxv);
  std::string_view s = self_sv(args);
  ListObj* out = list_new();
  if (sepv.is_empty() || is_none(sepv)) {
    std::u32string u = decode(s);
    GcVector<Value> parts;
    int64_t n = int64_t(u.size());
    if (!right) {
      int64_t i = 0, splits = 0;
      while (true) {
        while (i < n && is_space(u[size_t(i)])) i++;
        if (i >= n) break;
        if (maxsplit >= 0 && splits >= maxsplit) {
          int64_t e = n;
          while (e > i && is_space(u[size_t(e - 1)])) e--;
          parts.push_back(make_str(encode(u.substr(size_t(i), size_t(e - i)))));
          break;
        }
        int64_t j = i;
        while (j < n && !is_space(u[size_t(j)])) j++;
        parts.push_back(make_str(encode(u.substr(size_t(i), size_t(j - i)))));
        splits++;
        i = j;
      }
    } else {
      int64_t i = n, splits = 0;
      while (true) {
        while (i > 0 && is_space(u[size_t(i - 1)])) i--;
        if (i <= 0) break;
        if (maxsplit >= 0 && splits >= maxsplit) {
          int64_t b = 0;
          while (b < i && is_space(u[size_t(b)])) b++;
          parts.push_back(make_str(encode(u.substr(size_t(b), size_t(i - b)))));
          break;
        }
        int64_t j = i;
        while (j > 0 && !is_space(u[size_t(j - 1)])) j--;
        parts.push_back(make_str(encode(u.substr(size_t(j), size_t(i - j)))));
        splits++;
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
    for (Value p : parts) list_append(out, p);
    return Value::from_obj(out);
  }
  if (!is_str(sepv)) raise(exc_TypeError, "must be str or None, not %s", type_name(sepv).c_str());
  std::string_view sep = sv(sepv);
  if (sep.empty()) raise(exc_ValueError, "empty separator");
  GcVector<Value> parts;
  if (!right) {
    size_t start = 0;
    int64_t splits = 0;
    while (maxsplit < 0 || splits < maxsplit) {
      size_t pos = s.find(sep, start);
      if (pos == std::string_view::npos) break;
      parts.push_back(make_str(s.substr(start, pos - start)));
      start = pos + sep.size();
      splits++;
    }
    parts.push_back(make_str(s.substr(start)));
  } else {
    size_t end = s.size();
    int64_t splits = 0;
    while (maxsplit < 0 || splits < maxsplit) {
      if (end < sep.size()) break;
      size_t pos = s.substr(0, end).rfind(sep);
      if (pos == std::string_view::npos) break;
      parts.push_back(make_str(s.substr(pos + sep.size(), end - pos - sep.size())));
      end = pos;
      splits++;
    }
    parts.push_back(make_str(s.substr(0, end)));
    std::reverse(parts.begin(), parts.end());
  }
  for (Value p : parts) list_append(out, p);
  return Value::from_obj(out);
}

Value m_split(Value* a, int64_t n, TupleObj* k) { return split_impl(a, n, k, false); }
Value m_rsplit(Value* a, int64_t n, TupleObj* k) { return split_impl(a, n, k, true); }

Value m_splitlines(Value* args, int64_t nargs, TupleObj* kwnames) {
  Args a{args, nargs, kwnames};
  a.check_kw("splitlines", {"keepends"});
  check_nargs_total("splitlines", nargs - 1 + a.nkw(), 0, 1);
  Value kv = nargs > 1 ? args[1] : a.kw("keepends");
  bool keep = !kv.is_empty() && as_index(kv) != 0;   // an int parameter, as in CPython
  std::u32string u = decode(self_sv(args));
  ListObj* out = list_new();
  size_t i = 0, n = u.size();
  while (i < n) {
    size_t j = i;
    while (j < n && !(u[j] == '\n' || u[j] == '\r' || u[j] == 0x0b || u[j] == 0x0c || u[j] == 0x1c || u[j] == 0x1d ||
                      u[j] == 0x1e || u[j] == 0x85 || u[j] == 0x2028 || u[j] == 0x2029))
      j++;
    size_t eol = j;
    if (j < n) j += (u[j] == '\r' && j + 1 < n && u[j + 1] == '\n') ? 2 : 1;
    list_append(out, make_str(encode(u.substr(i, (keep ? j : eol) - i))));
    i = j;
  }
  return Value::from_obj(out);
}

Value strip_impl(Value* args, int64_t nargs, bool left, bool right, const char* name) {
  check_nargs(name, nargs - 1, 0, 1);
  std::u32string u = decode(self_sv(args));
  std::u32string chars;
  bool ws = nargs < 2 || is_none(args[1]);
  if (!ws) {
    if (!is_str(args[1])) raise(exc_TypeError, "%s arg must be None or str", name);
    chars = decode(sv(args[1]));
  }
  auto strip_it = [&](char32_t c) { return ws ? is_space(c) : chars.find(c) != std::u32string::npos; };
  size_t b = 0, e = u.size();
  if (left)
    while (b < e && strip_it(u[b])) b++;
  if (right)
    while (e > b && strip_it(u[e - 1])) e--;
  if (b == 0 && e == u.size()) return args[0];
  return make_str(encode(u.substr(b, e - b)));
}

Value m_strip(Value* a, int64_t n, TupleObj*) { return strip_impl(a, n, true, true, "strip"); }
Value m_lstrip(Value* a, int64_t n, TupleObj*) { return strip_impl(a, n, true, false, "lstrip"); }
Value m_rstrip(Value* a, int64_t n, TupleObj*) { return strip_impl(a, n, false, true, "rstrip"); }

Value affix_impl(Value* args, int64_t nargs, bool ends, const char* name) {
  check_nargs_total(name, nargs - 1, 1, 3);
  StrObj* s = self_str(args);
  int64_t b0, b1, c0;
  byte_range(s, args, nargs, 2, &b0, &b1, &c0);
  auto test = [&](Value p) {
    if (!is_str(p))
      raise(exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name, type_name(p).c_str());
    if (b0 < 0) return false;
    std::string_view w = str_view(s).substr(size_t(b0), size_t(b1 - b0));
    std::string_view x = sv(p);
    if (x.size() > w.size()) return false;
    return ends ? w.substr(w.size() - x.size()) == x : w.substr(0, x.size()) == x;
  };
  if (is_kind(args[1], Kind::Tuple)) {
    TupleObj* t = args[1].as<TupleObj>();
    for (int64_t i = 0; i < t->length; i++)
      if (test(t->items[i])) return v_true();
    return v_false();
  }
  return v_bool(test(args[1]));
}

Value m_startswith(Value* a, int64_t n, TupleObj*) { return affix_impl(a, n, false, "startswith"); }
Value m_endswith(Value* a, int64_t n, TupleObj*) { return affix_impl(a, n, true, "endswith"); }

Value m_replace(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("replace", nargs - 1, 2, 3);
  std::string_view s = self_sv(args);
  std::string_view old = sv(Value::from_obj(str_arg(args[1], "replace", 1)));
  std::string_view rep = sv(Value::from_obj(str_arg(args[2], "replace", 2)));
  int64_t count = nargs > 3 ? as_index(args[3]) : -1;
  std::string out;
  if (old.empty()) {
    // Insert `rep` between code points (and at both ends).
    std::u32string u = decode(s);
    int64_t done = 0;
    for (size_t i = 0; i <= u.size(); i++) {
      if (count < 0 || done < count) {
        out += rep;
        done++;
      }
      if (i < u.size()) out += encode_utf8(u[i]);
    }
    return make_str(out);
  }
  size_t start = 0;
  int64_t done = 0;
  while (count < 0 || done < count) {
    size_t pos = s.find(old, start);
    if (pos == std::string_view::npos) break;
    out += s.substr(start, pos - start);
    out += rep;
    start = pos + old.size();
    done++;
  }
  if (done == 0) return args[0];
  out += s.substr(start);
  return make_str(out);
}

Value m_isascii(Value* a, int64_t, TupleObj*) { return v_bool(self_str(a)->ascii); }

Value m_isidentifier(Value* a, int64_t, TupleObj*) {
  std::u32string u = decode(self_sv(a));
  if (u.empty() || is_digit(u[0])) return v_false();
  for (char32_t c : u)
    if (!(c == '_' || is_alpha(c) || is_digit(c))) return v_false();
  return v_true();
}

Value pad_impl(Value* args, int64_t nargs, const char* name, char how) {
  check_nargs(name, nargs - 1, 1, 2);
  int64_t width = as_index(args[1]);
  std::string fill = " ";
  if (nargs > 2) {
    if (!is_str(args[2]))
      raise(exc_TypeError, "The fill character must be a unicode character, not %s", type_name(args[2]).c_str());
    if (as_str(args[2])->length != 1) raise(exc_TypeError, "The fill character must be exactly one character long");
    fill = std::string(sv(args[2]));
  }
  StrObj* s = self_str(args);
  if (width <= s->length) return args[0];
  int64_t pad = width - s->length;
  int64_t left = how == '<' ? 0 : how == '>' ? pad : pad / 2 + (pad & width & 1);
  std::string out;
  // Reserve first: an absurd width fails at once (MemoryError) instead of growing for minutes.
  check_native_allocation(size_t(pad) + size_t(s->nbytes), fill.size());
  out.reserve(size_t(pad) * fill.size() + size_t(s->nbytes));
  for (int64_t i = 0; i < left; i++) out += fill;
  out += str_view(s);
  for (int64_t i = 0; i < pad - left; i++) out += fill;
  return make_str(out);
}

Value m_center(Value* a, int64_t n, TupleObj*) { return pad_impl(a, n, "center", '^'); }
Value m_ljust(Value* a, int64_t n, TupleObj*) { return pad_impl(a, n, "ljust", '<'); }
Value m_rjust(Value* a, int64_t n, TupleObj*) { return pad_impl(a, n, "rjust", '>'); }

Value m_zfill(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("str.zfill", nargs - 1, 1, 1);
  int64_t width = as_index(args[1]);
  StrObj* s = self_str(args);
  if (width <= s->length) return args[0];
  std::string_view v = str_view(s);
  std::string sign;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    sign = v[0];
    v = v.substr(1);
  }
  check_native_allocation(size_t(width - s->length) + size_t(s->nbytes));
  return make_str(sign + std::string(size_t(width - s->length), '0') + std::string(v));
}

Value partition_impl(Value* args, int64_t nargs, bool right) {
  check_nargs(right ? "str.rpartition" : "str.partition", nargs - 1, 1, 1);
  std::string_view s = self_sv(args);
  std::string_view sep = sv(Value::from_obj(must_str(args[1], "partition")));
  if (sep.empty()) raise(exc_ValueError, "empty separator");
  size_t pos = right ? s.rfind(sep) : s.find(sep);
  Value items[3];
  if (pos == std::string_view::npos) {
    items[0] = right ? make_str("") : args[0];
    items[1] = make_str("");
    items[2] = right ? args[0] : make_str("");
  } else {
    items[0] = make_str(s.substr(0, pos));
    items[1] = args[1];
    items[2] = make_str(s.substr(pos + sep.size()));
  }
  return Value::from_obj(tuple_from(items, 3));
}

Value m_partition(Value* a, int64_t n, TupleObj*) { return partition_impl(a, n, false); }
Value m_rpartition(Value* a, int64_t n, TupleObj*) { return partition_impl(a, n, true); }

Value m_format(Value* args, int64_t nargs, TupleObj* kwnames) {
  return make_str(str_format(self_sv(args), args + 1, nargs - 1, kwnames));
}

Value m_format_map(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("str.format_map", nargs - 1, 1, 1);
  // Fields name keys of the mapping: pass its items as keyword arguments.
  DictObj* d = is_kind(args[1], Kind::Dict) ? args[1].as<DictObj>() : nullptr;
  if (!d) raise(exc_TypeError, "format_map() argument must be a dict here");
  GcVector<Value> vals, keys;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    keys.push_back(k);
    vals.push_back(v);
  }
  TupleObj* kw = tuple_from(keys.data(), int64_t(keys.size()));
  return make_str(str_format(self_sv(args), vals.data(), 0, kw));
}

Value m_removeprefix(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("str.removeprefix", nargs - 1, 1, 1);
  if (!is_str(args[1])) raise(exc_TypeError, "removeprefix() argument must be str, not %s", type_name(args[1]).c_str());
  std::string_view s = self_sv(args), p = sv(args[1]);
  if (s.substr(0, p.size()) == p && !p.empty()) return make_str(s.substr(p.size()));
  return args[0];
}

Value m_removesuffix(Value* args, int64_t nargs, TupleObj*) {
  check_nargs("str.removesuffix", nargs - 1, 1, 1);
  if (!is_str(args[1])) raise(exc_TypeError, "removesuffix() argument must be str, not %s", type_name(args[1]).c_str());
  std::string_view s = self_sv(args), p = sv(args[1]);
  if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p)
    return make_str(s.substr(0, s.size() - p.size()));
  return args[0];
}

Value m_expandtabs(Value* args, int64_t nargs, TupleObj*) {
  check_nargs_total("expandtabs", nargs - 1, 0, 1);
  int64_t tab = nargs > 1 ? as_index(args[1]) : 8;
  // CPython takes tabsize as a C int.
  if (tab > INT32_MAX || tab < INT32_MIN) raise(exc_OverflowError, "Python int too large to convert to C int");
  std::u32string u = decode(self_sv(args)), out;
  int64_t col = 0;
  for (char32_t c : u) {
    if (c == '\t') {
      if (tab > 0) {
        int64_t n = tab - col % tab;
        check_native_allocation(out.size() + size_t(n), sizeof(char32_t));
        out.append(size_t(n), U' ');
        col += n;
      }
    } else {
      out += c;
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return make_str(encode(out));
}

Value m_encode(Value* args, int64_t nargs, TupleObj*) {
  raise(exc_NotImplementedError, "str.encode() is not supported by stmjit (no bytes type)");
}

// str(object='', encoding=..., errors=...): args[0] is the class. Keywords as in CPython;
// decoding (encoding/errors) needs bytes, which stmjit only has in a minimal form.
Value str_new_method(Value* args, int64_t nargs, TupleObj* kwnames) {
  int64_t nkw = kwnames ? kwnames->length : 0;
  if (nargs - 1 + nkw > 3) raise(exc_TypeError, "str() takes at most 3 arguments (%lld given)", (long long)(nargs - 1 + nkw));
  Value object = nargs > 1 ? args[1] : Value();
  bool decoding = nargs > 2;
  for (int64_t k = 0; k < nkw; k++) {
    std::string_view name = str_view(kwnames->items[k].as<StrObj>());
    if (name == "object") {
      if (nargs > 1) raise(exc_TypeError, "argument for str() given by name ('object') and position (1)");
      object = args[nargs + k];
    } else if (name == "encoding" || name == "errors") {
      decoding = true;
    } else {
      raise(exc_TypeError, "'%.*s' is an invalid keyword argument for str()", int(name.size()), name.data());
    }
  }
  if (decoding) raise(exc_NotImplementedError, "decoding str (str(obj, encoding, errors)) is not supported by stmjit");
  if (object.is_empty()) return make_str("");
  return Value::from_obj(str_of(object));
}

}  // namespace

void init_str_methods() {
  struct { const char* name; NativeFn fn; } table[] = {
      {"__new__", str_new_method}, {"find", m_find}, {"rfind", m_rfind}, {"index", m_index},
      {"rindex", m_rindex}, {"count", m_count}, {"join", m_join}, {"split", m_split}, {"rsplit", m_rsplit},
      {"splitlines", m_splitlines}, {"strip", m_strip}, {"lstrip", m_lstrip}, {"rstrip", m_rstrip},
      {"startswith", m_startswith}, {"endswith", m_endswith}, {"replace", m_replace}, {"isascii", m_isascii},
      {"isidentifier", m_isidentifier}, {"center", m_center},
      {"ljust", m_ljust}, {"rjust", m_rjust}, {"zfill", m_zfill}, {"partition", m_partition},
      {"rpartition", m_rpartition}, {"format", m_format}, {"format_map", m_format_map},
      {"removeprefix", m_removeprefix}, {"removesuffix", m_removesuffix}, {"expandtabs", m_expandtabs},
      {"encode", m_encode},
  };
  for (auto& e : table) def_method(cls_str, e.name, e.fn);
  init_str_translate();
  init_str_case_methods();
}

}  // namespace stmjit
