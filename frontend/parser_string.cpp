// parser_string.cpp: literal tokens to AST constants -- numbers (any base to decimal digits,
// floats via strtod), string escapes, adjacent-literal concatenation and f-strings (replacement
// fields are parsed by a nested Parser over the same source, so positions stay exact).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "frontend/parser_internal.h"

namespace stmjit::frontend {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_val(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Converts digits of `base` (no underscores) to decimal digits, for arbitrarily large values.
std::string to_decimal(std::string_view digits, int base) {
  std::vector<uint32_t> limbs;  // little-endian, base 1e9
  for (char c : digits) {
    uint64_t carry = static_cast<uint64_t>(hex_val(c));
    for (auto& l : limbs) {
      uint64_t v = static_cast<uint64_t>(l) * base + carry;
      l = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

struct Prefix { bool raw = false, fstr = false; size_t len = 0; };

Prefix read_prefix(std::string_view text) {
  Prefix p;
  while (p.len < text.size() && text[p.len] != '\'' && text[p.len] != '"') {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[p.len])));
    if (c == 'r') p.raw = true;
    if (c == 'f') p.fstr = true;
    ++p.len;
  }
  return p;
}

// Builds the values of a JoinedStr, merging adjacent literal text.
struct Parts {
  ExprList values;
  std::string lit;
  Pos pos;
  bool has_lit = false;
  void flush() {
    if (!lit.empty()) {
      auto c = std::make_unique<Expr>();
      c->kind = ExprKind::Constant;
      c->const_kind = ConstKind::Str;
      c->pos = pos;
      c->str_value = std::move(lit);
      values.push_back(std::move(c));
    }
    lit.clear();
  }
};

}  // namespace

// Decodes backslash escapes of a non-raw literal segment (CPython's unicode_escape rules;
// unknown escapes are kept literally). Errors are reported at the end of token `t`.
static void decode_escapes(const SourceText& src, const Token& t, std::string_view s,
                           std::string& out) {
  auto fail = [&](size_t at, size_t end, const std::string& what) {
    src.fail(t.end_line, t.end_col,
             "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                 std::to_string(at) + "-" + std::to_string(end) + ": " + what);
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    size_t start = i;
    char e = s[++i];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k)
          v = v * 8 + static_cast<uint32_t>(s[++i] - '0');
        append_utf8(out, v);
        break;
      }
      case 'x': case 'u': case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int k = 0; k < n; ++k) {
          if (i + 1 >= s.size() || hex_val(s[i + 1]) < 0) {
            const char* what = e == 'x' ? "truncated \\xXX escape"
                               : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
            fail(start, i, what);
          }
          v = v * 16 + static_cast<uint32_t>(hex_val(s[++i]));
        }
        if (v > 0x10FFFF) fail(start, i, "illegal Unicode character");
        append_utf8(out, v);
        break;
      }
      case 'N':
        src.fail(t.line, t.col, "\\N{...} escapes are not supported by stmjit");
      default:
        out += '\\';
        out += e;
        break;
    }
  }
}

ExprPtr Parser::parse_number(const Token& t) {
  auto e = make(ExprKind::Constant, t);
  std::string clean;
  clean.reserve(t.text.size());
  for (char c : t.text)
    if (c != '_') clean += c;
  if (clean.size() > 1 && clean[0] == '0' &&
      (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' || clean[1] == 'O' ||
       clean[1] == 'b' || clean[1] == 'B')) {
    char k = static_cast<char>(std::tolower(static_cast<unsigned char>(clean[1])));
    e->const_kind = ConstKind::Int;
    e->int_text = to_decimal(std::string_view(clean).substr(2), k == 'x' ? 16 : k == 'o' ? 8 : 2);
    return e;
  }
  if (clean.find_first_of(".eE") != std::string::npos) {
    e->const_kind = ConstKind::Float;
    e->float_value = std::strtod(clean.c_str(), nullptr);  // correctly rounded (glibc)
    return e;
  }
  e->const_kind = ConstKind::Int;
  size_t nz = clean.find_first_not_of('0');
  e->int_text = nz == std::string::npos ? "0" : clean.substr(nz);
  return e;
}

namespace {

// Parses the body of one f-string token, in the style of CPython 3.11's fstring_find_literal /
// fstring_find_expr. Positions p..end index the source text.
class FStringParser {
 public:
  FStringParser(Parser& parser, const Token& t, bool raw) : P(parser), t_(t), raw_(raw) {}

  // Reads literal text and replacement fields into `out` until `end` or, inside a format spec
  // (depth > 0), an unmatched '}' (left unconsumed).
  void body(size_t& p, size_t end, int depth, Parts& out);

 private:
  [[noreturn]] void fail(const std::string& msg) const {
    P.src_.fail(t_.end_line, t_.end_col, msg);
  }
  void add_literal(std::string_view raw_text, Parts& out) {
    if (raw_) out.lit += raw_text;
    else decode_escapes(P.src_, t_, raw_text, out.lit);
  }
  void field(size_t& p, size_t end, int depth, Parts& out);
  int line_of(size_t offset) const {
    int line = t_.line;
    for (size_t i = t_.offset; i < offset; ++i) line += P.src_.text()[i] == '\n';
    return line;
  }

  Parser& P;
  const Token& t_;
  bool raw_;
};

void FStringParser::body(size_t& p, size_t end, int depth, Parts& out) {
  std::string_view s = P.src_.text();
  size_t lit_start = p;
  while (p < end) {
    char c = s[p];
    if (c == '\\' && !raw_ && p + 1 < end) {
      p += 2;
      continue;
    }
    if (c == '{' || c == '}') {
      add_literal(s.substr(lit_start, p - lit_start), out);
      if (depth == 0 && p + 1 < end && s[p + 1] == c) {
        out.lit += c;  // doubled brace
        p += 2;
        lit_start = p;
        continue;
      }
      if (c == '}') {
        if (depth > 0) return;
        fail("f-string: single '}' is not allowed");
      }
      ++p;
      field(p, end, depth, out);
      lit_start = p;
      continue;
    }
    ++p;
  }
  add_literal(s.substr(lit_start, p - lit_start), out);
}

// p is just after '{'; on return p is just after the matching '}'.
void FStringParser::field(size_t& p, size_t end, int depth, Parts& out) {
  if (depth >= 2) fail("f-string: expressions nested too deeply");
  std::string_view s = P.src_.text();
  size_t expr_start = p;
  std::vector<char> nest;
  char quote = 0;
  bool triple = false;
  for (; p < end; ++p) {
    char c = s[p];
    if (c == '\\') fail("f-string expression part cannot include a backslash");
    if (quote) {
      if (c == quote && (!triple || (p + 2 < end && s[p + 1] == quote && s[p + 2] == quote))) {
        if (triple) p += 2;
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      triple = p + 2 < end && s[p + 1] == c && s[p + 2] == c;
      if (triple) p += 2;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      nest.push_back(c);
      continue;
    }
    if (c == '#') fail("f-string expression part cannot include '#'");
    if (nest.empty()) {
      if ((c == '=' || c == '!' || c == '<' || c == '>') && p + 1 < end && s[p + 1] == '=') {
        ++p;
        continue;
      }
      if (c == '!' || c == ':' || c == '}' || c == '=') break;
    }
    if (c == ')' || c == ']' || c == '}') {
      if (nest.empty()) fail(std::string("f-string: unmatched '") + c + "'");
      char open = nest.back();
      nest.pop_back();
      if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}'))
        fail(std::string("f-string: closing parenthesis '") + c +
             "' does not match opening parenthesis '" + open + "'");
    }
  }
  if (quote) fail("f-string: unterminated string");
  if (p >= end) fail("f-string: expecting '}'");
  std::string_view text = s.substr(expr_start, p - expr_start);
  if (text.find_first_not_of(" \t\n\f") == std::string_view::npos)
    fail("f-string: empty expression not allowed");

  Parser sub(P.src_, tokenize_fragment(P.src_, expr_start, p, line_of(expr_start)));
  sub.scopes_ = P.scopes_;
  sub.fstring_depth_ = P.fstring_depth_ + 1;
  ExprPtr value = sub.parse_fragment_expression();
  if (sub.deferred_ && !P.deferred_) P.deferred_ = sub.deferred_;

  auto fv = std::make_unique<Expr>();
  fv->kind = ExprKind::FormattedValue;
  fv->pos = Pos{t_.line, t_.col};
  fv->left = std::move(value);
  bool self_doc = false;
  if (s[p] == '=') {
    // f"{x = }": the expression's text (with the '=' and following spaces) precedes its value.
    ++p;
    while (p < end && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\f')) ++p;
    out.lit += s.substr(expr_start, p - expr_start);
    self_doc = true;
  }
  if (p < end && s[p] == '!') {
    ++p;
    if (p >= end) fail("f-string: expecting '}'");
    char conv = s[p];
    if (conv != 's' && conv != 'r' && conv != 'a')
      fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    fv->conversion = conv;
    ++p;
  }
  if (p < end && s[p] == ':') {
    ++p;
    Parts spec;
    spec.pos = fv->pos;
    body(p, end, depth + 1, spec);
    spec.flush();
    auto js = std::make_unique<Expr>();
    js->kind = ExprKind::JoinedStr;
    js->pos = fv->pos;
    js->values = std::move(spec.values);
    fv->right = std::move(js);
  }
  if (p >= end || s[p] != '}') fail("f-string: expecting '}'");
  ++p;
  if (self_doc && fv->conversion == 0 && !fv->right) fv->conversion = 'r';
  out.flush();
  out.values.push_back(std::move(fv));
}

}  // namespace

ExprPtr Parser::parse_strings() {
  const Token& first = tok();
  Parts parts;
  parts.pos = Pos{first.line, first.col};
  bool any_f = false;
  while (tok().kind == Tok::String) {
    const Token& t = next();
    Prefix pre = read_prefix(t.text);
    std::string_view body = t.text.substr(pre.len);
    size_t q = (body.size() >= 6 && body[0] == body[1] && body[1] == body[2]) ? 3 : 1;
    size_t b = t.offset + pre.len + q;
    size_t e = t.offset + t.text.size() - q;
    if (pre.fstr) {
      any_f = true;
      FStringParser fp(*this, t, pre.raw);
      size_t p = b;
      fp.body(p, e, 0, parts);
    } else if (pre.raw) {
      parts.lit += src_.text().substr(b, e - b);
    } else {
      decode_escapes(src_, t, src_.text().substr(b, e - b), parts.lit);
    }
  }
  if (!any_f) {
    auto c = make(ExprKind::Constant, first);
    c->const_kind = ConstKind::Str;
    c->str_value = std::move(parts.lit);
    return c;
  }
  parts.flush();
  auto js = make(ExprKind::JoinedStr, first);
  js->values = std::move(parts.values);
  return js;
}

}  // namespace stmjit::frontend
