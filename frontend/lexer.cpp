// lexer.cpp: turns source text into tokens, following CPython 3.11's tokenizer rules and
// error messages (indentation stack with tab/space consistency, implicit line joining inside
// brackets, backslash continuation, string/number scanning). String contents are decoded later
// by the parser (parser_string.cpp); the lexer only finds where each literal ends.
#include "frontend/lexer.h"

#include <cstring>
#include <string>

namespace stmjit::frontend {

const char* token_kind_name(Tok k) {
  switch (k) {
    case Tok::Name: return "NAME";
    case Tok::Number: return "NUMBER";
    case Tok::String: return "STRING";
    case Tok::Op: return "OP";
    case Tok::Newline: return "NEWLINE";
    case Tok::Indent: return "INDENT";
    case Tok::Dedent: return "DEDENT";
    case Tok::EndMarker: return "ENDMARKER";
    case Tok::Error: return "ERRORTOKEN";
  }
  return "?";
}

namespace {

bool is_ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

class Lexer {
 public:
  Lexer(const SourceText& src, size_t begin, size_t end, int line, bool fragment)
      : src_(src), s_(src.text()), pos_(begin), end_(end), line_(line),
        line_start_(src.line_start(line)), fragment_(fragment) {}

  std::vector<Token> run();
  std::optional<SyntaxErrorInfo> error;

 private:
  int col() const { return static_cast<int>(pos_ - line_start_); }
  char at(size_t p) const { return p < end_ ? s_[p] : '\0'; }
  void newline_at(size_t nl_pos) { ++line_; line_start_ = nl_pos + 1; }
  void emit(Tok kind, size_t b, size_t e, int line, int col);
  void scan();
  bool handle_line_start();   // false at EOF
  void lex_name();
  void lex_number();
  void lex_string(size_t start, int start_col);
  void lex_op();
  [[noreturn]] void fail(int col, const std::string& msg) const { src_.fail(line_, col, msg); }

  struct Bracket { char c; int line, col; };
  const SourceText& src_;
  std::string_view s_;
  size_t pos_, end_;
  int line_;
  size_t line_start_;
  bool fragment_;
  bool at_line_start_ = true;
  std::vector<int> indents_{0}, alt_indents_{0};
  std::vector<Bracket> brackets_;
  std::vector<Token> out_;
};

void Lexer::emit(Tok kind, size_t b, size_t e, int line, int col) {
  Token t;
  t.kind = kind;
  t.text = s_.substr(b, e - b);
  t.offset = b;
  t.line = line;
  t.col = col;
  t.end_line = line_;
  t.end_col = static_cast<int>(e - line_start_);
  out_.push_back(t);
}

// Measures indentation of a new logical line and emits INDENT/DEDENT. Blank and comment-only
// lines are skipped entirely, as in CPython.
bool Lexer::handle_line_start() {
  for (;;) {
    int width = 0, alt = 0;
    size_t p = pos_;
    for (;; ++p) {
      char c = at(p);
      if (c == ' ') { ++width; ++alt; }
      else if (c == '\t') { width = (width / 8 + 1) * 8; ++alt; }
      else if (c == '\f') { width = alt = 0; }
      else break;
    }
    pos_ = p;
    char c = at(p);
    if (p >= end_) return false;
    if (c == '#' || c == '\n' || (c == '\\' && at(p + 1) == '\n' && false)) {
      while (pos_ < end_ && s_[pos_] != '\n') ++pos_;
      if (pos_ >= end_) return false;
      newline_at(pos_);
      ++pos_;
      continue;
    }
    at_line_start_ = false;
    int c0 = col();
    if (width > indents_.back()) {
      if (alt <= alt_indents_.back())
        src_.fail_raw(line_, 1, "inconsistent use of tabs and spaces in indentation", "TabError");
      indents_.push_back(width);
      alt_indents_.push_back(alt);
      Token t;
      t.kind = Tok::Indent;
      t.line = t.end_line = line_;
      t.col = 0;
      t.end_col = c0;
      t.offset = pos_;
      out_.push_back(t);
    } else if (width < indents_.back()) {
      while (indents_.size() > 1 && width < indents_.back()) {
        indents_.pop_back();
        alt_indents_.pop_back();
        Token t;
        t.kind = Tok::Dedent;
        t.line = t.end_line = line_;
        t.col = t.end_col = c0;
        t.offset = pos_;
        out_.push_back(t);
      }
      if (width != indents_.back()) {
        // CPython reports this at the end of the line (its tokenizer has read it all).
        std::string_view l = src_.line(line_);
        int chars = 0;
        for (unsigned char ch : l) chars += (ch & 0xC0) != 0x80;
        src_.fail_raw(line_, chars + 1, "unindent does not match any outer indentation level",
                      "IndentationError");
      }
      if (alt != alt_indents_.back())
        src_.fail_raw(line_, 1, "inconsistent use of tabs and spaces in indentation", "TabError");
    } else if (alt != alt_indents_.back()) {
      src_.fail_raw(line_, 1, "inconsistent use of tabs and spaces in indentation", "TabError");
    }
    return true;
  }
}

std::vector<Token> Lexer::run() {
  try {
    scan();
  } catch (const SyntaxErrorException& e) {
    if (fragment_) throw;
    error = e.info();
    emit(Tok::Error, pos_, pos_, line_, col());
    emit(Tok::EndMarker, pos_, pos_, line_, col());
  }
  return std::move(out_);
}

void Lexer::scan() {
  for (;;) {
    if (at_line_start_ && !fragment_ && brackets_.empty()) {
      if (!handle_line_start()) break;
    }
    while (pos_ < end_ && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\f')) ++pos_;
    if (pos_ >= end_) break;
    char c = s_[pos_];
    if (c == '#') {
      while (pos_ < end_ && s_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '\n') {
      if (brackets_.empty() && !fragment_) {
        emit(Tok::Newline, pos_, pos_ + 1, line_, col());
        out_.back().end_line = line_;
        at_line_start_ = true;
      }
      newline_at(pos_);
      ++pos_;
      continue;
    }
    if (c == '\\') {
      if (at(pos_ + 1) == '\n') {
        newline_at(pos_ + 1);
        pos_ += 2;
        continue;
      }
      if (pos_ + 1 >= end_) src_.fail(line_, col(), "unexpected EOF while parsing");
      fail(col() + 1, "unexpected character after line continuation character");
    }
    unsigned char uc = static_cast<unsigned char>(c);
    if (is_ident_start(uc)) { lex_name(); continue; }
    if (std::isdigit(uc) || (c == '.' && std::isdigit(static_cast<unsigned char>(at(pos_ + 1))))) {
      lex_number();
      continue;
    }
    if (c == '\'' || c == '"') { lex_string(pos_, col()); continue; }
    lex_op();
  }
  if (!brackets_.empty() && !fragment_) {
    const Bracket& b = brackets_.back();
    src_.fail(b.line, b.col, std::string("'") + b.c + "' was never closed");
  }
  if (!fragment_) {
    if (!out_.empty() && out_.back().kind != Tok::Newline && out_.back().kind != Tok::Dedent) {
      emit(Tok::Newline, pos_, pos_, line_, col());
    }
    while (indents_.size() > 1) {
      indents_.pop_back();
      emit(Tok::Dedent, pos_, pos_, line_, 0);
    }
  }
  emit(Tok::EndMarker, pos_, pos_, line_, col());
}

void Lexer::lex_name() {
  size_t b = pos_;
  int c0 = col();
  while (pos_ < end_ && is_ident_char(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  char q = at(pos_);
  if ((q == '\'' || q == '"') && pos_ - b <= 2) {
    std::string p;
    for (size_t i = b; i < pos_; ++i) p += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[i])));
    if (p == "r" || p == "u" || p == "f" || p == "b" || p == "br" || p == "rb" || p == "fr" ||
        p == "rf") {
      if (p.find('b') != std::string::npos) src_.fail(line_, c0, "bytes literals are not supported by stmjit");
      lex_string(b, c0);
      return;
    }
  }
  emit(Tok::Name, b, pos_, line_, c0);
}

void Lexer::lex_number() {
  size_t b = pos_;
  int c0 = col();
  auto digit_ok = [](char ch, int base) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (base == 16) return std::isxdigit(u) != 0;
    if (base == 10) return std::isdigit(u) != 0;
    return ch >= '0' && ch < static_cast<char>('0' + base);
  };
  // Digits of `base` with single underscores between them; at least one digit required.
  auto digits = [&](int base, const char* what) {
    bool any = false;
    for (;;) {
      char ch = at(pos_);
      if (digit_ok(ch, base)) { ++pos_; any = true; continue; }
      if (ch == '_' && any) {
        ++pos_;
        if (!digit_ok(at(pos_), base)) {
          if (base < 10 && std::isdigit(static_cast<unsigned char>(at(pos_))))
            fail(col(), std::string("invalid digit '") + at(pos_) + "' in " + what + " literal");
          fail(col() - 1, std::string("invalid ") + what + " literal");
        }
        continue;
      }
      break;
    }
    if (base < 10 && std::isdigit(static_cast<unsigned char>(at(pos_))))
      fail(col(), std::string("invalid digit '") + at(pos_) + "' in " + what + " literal");
    if (!any) fail(col() - 1, std::string("invalid ") + what + " literal");
  };
  auto verify_end = [&](const char* what) {
    if (is_ident_start(static_cast<unsigned char>(at(pos_))))
      fail(col() - 1, std::string("invalid ") + what + " literal");
  };
  char c = s_[pos_];
  if (c == '0' && (at(pos_ + 1) == 'x' || at(pos_ + 1) == 'X' || at(pos_ + 1) == 'o' ||
                   at(pos_ + 1) == 'O' || at(pos_ + 1) == 'b' || at(pos_ + 1) == 'B')) {
    char k = static_cast<char>(std::tolower(static_cast<unsigned char>(at(pos_ + 1))));
    pos_ += 2;
    if (at(pos_) == '_') ++pos_;
    const char* what = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
    digits(k == 'x' ? 16 : k == 'o' ? 8 : 2, what);
    verify_end(what);
    emit(Tok::Number, b, pos_, line_, c0);
    return;
  }
  bool is_float = false;
  if (c != '.') digits(10, "decimal");
  if (at(pos_) == '.') {
    is_float = true;
    ++pos_;
    if (std::isdigit(static_cast<unsigned char>(at(pos_)))) digits(10, "decimal");
  }
  if (at(pos_) == 'e' || at(pos_) == 'E') {
    size_t save = pos_;
    ++pos_;
    if (at(pos_) == '+' || at(pos_) == '-') ++pos_;
    if (!std::isdigit(static_cast<unsigned char>(at(pos_)))) {
      fail(c0, "invalid decimal literal");
      (void)save;
    }
    digits(10, "decimal");
    is_float = true;
  }
  if (at(pos_) == 'j' || at(pos_) == 'J') {
    src_.fail(line_, c0, "imaginary literals are not supported by stmjit");
  }
  verify_end("decimal");
  if (!is_float && c == '0') {
    for (size_t i = b; i < pos_; ++i)
      if (s_[i] != '0' && s_[i] != '_')
        src_.fail(line_, c0,
                  "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                  "for octal integers");
  }
  emit(Tok::Number, b, pos_, line_, c0);
}

// `start` is the first byte of the prefix (or the quote); pos_ is at the opening quote.
void Lexer::lex_string(size_t start, int start_col) {
  int start_line = line_;
  char q = s_[pos_];
  bool triple = at(pos_ + 1) == q && at(pos_ + 2) == q;
  pos_ += triple ? 3 : 1;
  for (;;) {
    if (pos_ >= end_) {
      int detected = std::min(line_, src_.line_count());
      src_.fail(start_line, start_col,
                std::string(triple ? "unterminated triple-quoted string literal" : "unterminated string literal") +
                    " (detected at line " + std::to_string(detected) + ")");
    }
    char c = s_[pos_];
    if (c == '\\') {
      if (pos_ + 1 < end_) {
        if (s_[pos_ + 1] == '\n') newline_at(pos_ + 1);
        pos_ += 2;
      } else {
        ++pos_;
      }
      continue;
    }
    if (c == '\n') {
      if (!triple)
        src_.fail(start_line, start_col,
                  "unterminated string literal (detected at line " + std::to_string(line_) + ")");
      newline_at(pos_);
      ++pos_;
      continue;
    }
    if (c == q) {
      if (!triple) { ++pos_; break; }
      if (at(pos_ + 1) == q && at(pos_ + 2) == q) { pos_ += 3; break; }
    }
    ++pos_;
  }
  Token t;
  t.kind = Tok::String;
  t.text = s_.substr(start, pos_ - start);
  t.offset = start;
  t.line = start_line;
  t.col = start_col;
  t.end_line = line_;
  t.end_col = col();
  out_.push_back(t);
}

void Lexer::lex_op() {
  static const char* const kOps3[] = {"**=", "//=", ">>=", "<<=", "...", nullptr};
  static const char* const kOps2[] = {"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=",
                                      "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", nullptr};
  static const char kOps1[] = "+-*/%@&|^~<>()[]{},:;.=";
  size_t b = pos_;
  int c0 = col();
  for (int i = 0; kOps3[i]; ++i)
    if (s_.compare(pos_, 3, kOps3[i]) == 0 && pos_ + 3 <= end_) {
      pos_ += 3;
      emit(Tok::Op, b, pos_, line_, c0);
      return;
    }
  for (int i = 0; kOps2[i]; ++i)
    if (s_.compare(pos_, 2, kOps2[i]) == 0 && pos_ + 2 <= end_) {
      pos_ += 2;
      emit(Tok::Op, b, pos_, line_, c0);
      return;
    }
  char c = s_[pos_];
  if (c != '\0' && std::strchr(kOps1, c)) {
    if (c == '(' || c == '[' || c == '{') {
      brackets_.push_back({c, line_, c0});
    } else if (c == ')' || c == ']' || c == '}') {
      if (brackets_.empty()) fail(c0, std::string("unmatched '") + c + "'");
      char open = brackets_.back().c;
      char want = open == '(' ? ')' : open == '[' ? ']' : '}';
      if (c != want) {
        std::string msg = std::string("closing parenthesis '") + c +
                          "' does not match opening parenthesis '" + open + "'";
        if (brackets_.back().line != line_) msg += " on line " + std::to_string(brackets_.back().line);
        fail(c0, msg);
      }
      brackets_.pop_back();
    }
    ++pos_;
    emit(Tok::Op, b, pos_, line_, c0);
    return;
  }
  unsigned char uc = static_cast<unsigned char>(c);
  if (uc < 0x20 || uc == 0x7f) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", uc);
    fail(c0, buf);
  }
  src_.fail(line_, c0, "invalid syntax", c0 + 1);
}

}  // namespace

std::vector<Token> tokenize_module(const SourceText& src, std::optional<SyntaxErrorInfo>& error) {
  Lexer lx(src, 0, src.text().size(), 1, false);
  std::vector<Token> toks = lx.run();
  error = std::move(lx.error);
  return toks;
}

std::vector<Token> tokenize_fragment(const SourceText& src, size_t begin, size_t end, int line) {
  return Lexer(src, begin, end, line, true).run();
}

}  // namespace stmjit::frontend
