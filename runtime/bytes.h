// bytes.h: a minimal immutable `bytes` type (runtime/bytes.cpp) for the struct and array
// modules: construction from a count, an iterable of ints or another bytes; len, indexing,
// slicing, iteration, ==/</hash, +, `in`, repr b'...', hex(), decode().
#pragma once
#include <string_view>

#include "runtime/api.h"

namespace stmjit {

ClassObj* bytes_class();                      // created on first use
Value bytes_new(std::string_view data);       // a new bytes object holding a copy of data
// The contents of a bytes object (or of an instance of a subclass); false for anything else.
bool bytes_view(Value v, std::string_view* out);

}  // namespace stmjit
