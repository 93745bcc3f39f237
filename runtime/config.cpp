// config.cpp: the one RuntimeConfig instance (see config.h).
#include "runtime/config.h"

namespace stmjit {

RuntimeConfig runtime_config;

}  // namespace stmjit
