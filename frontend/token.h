// token.h: the tokens the lexer hands to the parser.
#pragma once
#include <string_view>

namespace stmjit::frontend {

// Error marks where the tokenizer failed; the parser reports that error only when it gets there
// (so an earlier syntax error wins, as in CPython, whose tokenizer runs on demand).
enum class Tok { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker, Error };

// `text` is a slice of the (newline-normalized) source. Positions: 1-based lines, 0-based byte
// columns; end_col is exclusive.
struct Token {
  Tok kind = Tok::EndMarker;
  std::string_view text;
  int line = 0, col = 0;
  int end_line = 0, end_col = 0;
  size_t offset = 0;   // byte offset of text in the source

  bool is_op(std::string_view s) const { return kind == Tok::Op && text == s; }
  bool is_name(std::string_view s) const { return kind == Tok::Name && text == s; }
};

const char* token_kind_name(Tok k);

}  // namespace stmjit::frontend
