// parser_util.cpp: SourceText (line table, error construction) and format_syntax_error.
#include "frontend/parser_util.h"

namespace stmjit::frontend {

SourceText::SourceText(std::string_view text, std::string filename)
    : text_(text), filename_(std::move(filename)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' && i + 1 < text_.size()) line_starts_.push_back(i + 1);
}

std::string_view SourceText::line(int n) const {
  if (n < 1 || n > line_count()) return {};
  size_t b = line_starts_[n - 1];
  size_t e = text_.find('\n', b);
  if (e == std::string_view::npos) e = text_.size();
  return text_.substr(b, e - b);
}

int SourceText::char_col(int n, int byte_col) const {
  std::string_view l = line(n);
  int chars = 0;
  for (int i = 0; i < byte_col; ++i) {
    // Continuation bytes (10xxxxxx) do not start a character; past the end count one per byte.
    if (i >= static_cast<int>(l.size()) || (static_cast<unsigned char>(l[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars + 1;
}

SyntaxErrorInfo SourceText::make_info(int line, int byte_col, const std::string& msg,
                                      int end_byte_col, const char* type) const {
  SyntaxErrorInfo info;
  info.type = type;
  info.message = msg;
  info.filename = filename_;
  info.line = line;
  info.col = char_col(line, byte_col);
  info.end_col = end_byte_col > byte_col ? char_col(line, end_byte_col) : 0;
  info.source_line = std::string(this->line(line));
  return info;
}

void SourceText::fail(int line, int byte_col, const std::string& msg, int end_byte_col,
                      const char* type) const {
  throw SyntaxErrorException(make_info(line, byte_col, msg, end_byte_col, type));
}

void SourceText::fail_raw(int line, int col1, const std::string& msg, const char* type) const {
  SyntaxErrorInfo info = make_info(line, 0, msg, -1, type);
  info.col = col1;
  throw SyntaxErrorException(std::move(info));
}

}  // namespace stmjit::frontend

namespace stmjit {

namespace {
// Number of UTF-8 characters in s.
int utf8_len(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

// Mirrors CPython 3.11's print_error_text: strip leading whitespace (moving the caret with it),
// print the line indented by 4, then carets unless the column fell inside the stripped part.
std::string format_syntax_error(const SyntaxErrorInfo& info) {
  std::string out = "  File \"" + info.filename + "\", line " + std::to_string(info.line) + "\n";
  std::string_view text = info.source_line;
  if (!text.empty()) {
    int offset = info.col - 1;
    int end_offset = info.end_col > 0 ? info.end_col - 1 : -1;
    size_t strip = 0;
    while (strip < text.size() && (text[strip] == ' ' || text[strip] == '\t' || text[strip] == '\f'))
      ++strip;
    text.remove_prefix(strip);
    offset -= static_cast<int>(strip);
    end_offset -= static_cast<int>(strip);
    int len = utf8_len(text);
    if (offset > len) offset = len;
    out += "    ";
    out += text;
    out += "\n";
    if (offset >= 0) {
      // IndentationError (and TabError) always get a single caret.
      if (end_offset <= offset || info.type != "SyntaxError") end_offset = offset + 1;
      if (end_offset > len + 1) end_offset = len + 1;
      if (end_offset <= offset) end_offset = offset + 1;
      out += "    " + std::string(offset, ' ') + std::string(end_offset - offset, '^') + "\n";
    }
  }
  out += info.type + ": " + info.message + "\n";
  return out;
}

}  // namespace stmjit
