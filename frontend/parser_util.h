// parser_util.h: source text bookkeeping shared by the lexer and parser (line lookup and
// SyntaxError construction with CPython-style positions).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "frontend/parser.h"

namespace stmjit::frontend {

class SourceText {
 public:
  SourceText(std::string_view text, std::string filename);

  std::string_view text() const { return text_; }
  const std::string& filename() const { return filename_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // Line n (1-based) without its newline; empty if out of range.
  std::string_view line(int n) const;
  size_t line_start(int n) const { return line_starts_[n - 1]; }
  // 1-based character column of a 0-based byte column of line n (UTF-8 aware).
  int char_col(int n, int byte_col) const;

  // Throws SyntaxErrorException. byte_col is 0-based; end_byte_col (exclusive, same line) may
  // be -1 for "single caret".
  [[noreturn]] void fail(int line, int byte_col, const std::string& msg,
                         int end_byte_col = -1, const char* type = "SyntaxError") const;
  // Same, but with an already computed 1-based caret column (for CPython's odd offsets).
  [[noreturn]] void fail_raw(int line, int col1, const std::string& msg,
                             const char* type = "SyntaxError") const;
  SyntaxErrorInfo make_info(int line, int byte_col, const std::string& msg, int end_byte_col,
                            const char* type) const;

 private:
  std::string_view text_;
  std::string filename_;
  std::vector<size_t> line_starts_;
};

}  // namespace stmjit::frontend
