// config.h: process-wide runtime settings chosen on the command line before the program
// starts (read-only once Python code runs).
#pragma once

namespace stmjit {

struct RuntimeConfig {
  // `stmjit run --gil`: run Python threads under the global interpreter lock. The default
  // mode will be STM once it is integrated; until then both modes run with the GIL.
  bool gil = false;
};

extern RuntimeConfig runtime_config;

}  // namespace stmjit
