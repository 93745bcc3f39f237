// parser.h: turns Python source text into an ast::Module, or reports a SyntaxError.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "frontend/ast.h"

namespace stmjit {

// Where and why the source is not valid (or not supported) Python.
struct SyntaxErrorInfo {
  std::string type = "SyntaxError";   // or "IndentationError"
  std::string message;                // e.g. "invalid syntax", "'async def' is not supported by stmjit"
  std::string filename;
  int line = 0;                       // 1-based
  int col = 0;                        // 1-based column of the caret (as CPython prints it)
  int end_col = 0;                    // (frontend addition) 1-based exclusive end of the caret
                                      // range on `line`, as CPython 3.11 prints ^^^; 0 = one caret
  std::string source_line;            // the offending line without its newline
};

class SyntaxErrorException : public std::runtime_error {
 public:
  explicit SyntaxErrorException(SyntaxErrorInfo info)
      : std::runtime_error(info.message), info_(std::move(info)) {}
  const SyntaxErrorInfo& info() const { return info_; }

 private:
  SyntaxErrorInfo info_;
};

// Parses a whole module. `source` must be valid UTF-8 (the caller checks).
ast::Module parse_module(std::string_view source, const std::string& filename);

// CPython-style report: `  File "x.py", line 3`, the line, a caret line, `SyntaxError: msg`.
std::string format_syntax_error(const SyntaxErrorInfo& info);

}  // namespace stmjit
