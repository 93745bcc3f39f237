// unicode_db.h: the Unicode character properties and case mappings str methods need, with
// CPython 3.11's answers (tables generated from its unicodedata by tools/gen-unicode-tables.py).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace stmjit::unicode {

bool is_alpha(uint32_t c);
bool is_decimal(uint32_t c);
bool is_digit(uint32_t c);
bool is_numeric(uint32_t c);
bool is_printable(uint32_t c);
bool is_space(uint32_t c);
bool is_upper(uint32_t c);
bool is_lower(uint32_t c);
bool is_title(uint32_t c);            // titlecase letter (Lt)
bool is_cased(uint32_t c);
bool is_case_ignorable(uint32_t c);
int decimal_value(uint32_t c);        // 0..9, or -1

// Full case mappings (one code point may become up to three), appended to `out`.
void append_upper(uint32_t c, std::u32string& out);
void append_lower(uint32_t c, std::u32string& out);
void append_title(uint32_t c, std::u32string& out);
void append_casefold(uint32_t c, std::u32string& out);
// int() / float() input: Unicode white space becomes ' ', decimal digits of any script become
// ASCII digits, other non-ASCII characters become '?' (so parsing fails). ASCII is unchanged.
std::string decimal_and_space_to_ascii(std::string_view utf8);

// Simple (first code point of the full) mappings.
uint32_t simple_upper(uint32_t c);
uint32_t simple_lower(uint32_t c);

}  // namespace stmjit::unicode
