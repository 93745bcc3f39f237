// lexer.h: Python 3.11 tokenizer for stmjit (indentation, brackets, strings, numbers).
#pragma once
#include <optional>
#include <vector>

#include "frontend/parser_util.h"
#include "frontend/token.h"

namespace stmjit::frontend {

// Tokenizes a whole module: INDENT/DEDENT, NEWLINE (also at EOF), ENDMARKER. On a tokenizer
// error the tokens end with an Error token (then ENDMARKER) and `error` holds the report.
std::vector<Token> tokenize_module(const SourceText& src, std::optional<SyntaxErrorInfo>& error);

// Tokenizes src.text()[begin, end) (an f-string replacement field) as if inside brackets:
// newlines are ignored and no NEWLINE/INDENT tokens are produced; ends with ENDMARKER.
// `line` is the line on which `begin` lies.
std::vector<Token> tokenize_fragment(const SourceText& src, size_t begin, size_t end, int line);

}  // namespace stmjit::frontend
