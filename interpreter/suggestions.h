// suggestions.h: the "Did you mean" hint of NameError tracebacks (suggestions.cpp).
#pragma once
#include <string>
#include <string_view>

#include "runtime/value.h"

namespace stmjit {

// For a NameError whose message is "name 'x' is not defined": the closest defined name (or
// empty). `message` is the exception's str().
std::string name_error_suggestion(Value exc, std::string_view message);

}  // namespace stmjit
