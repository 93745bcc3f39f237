// token.h: the tokens the lexer hands to the parser.
#pragma once
#include <string_view>

namespace stmjit::frontend {

enum class Tok { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker };

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
