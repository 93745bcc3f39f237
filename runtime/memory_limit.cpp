// memory_limit.cpp: refuses, with MemoryError, a native buffer bigger than all the memory of
// the machine before asking operator new for it.
//
// Such a request can never succeed (Linux's default overcommit refuses a single mapping
// larger than RAM plus swap), and std::string / std::u32string buffers come from operator
// new, which under AddressSanitizer aborts the process instead of throwing std::bad_alloc.
// GC allocations need no check: Boehm returns null and gc_alloc throws.
#include <sys/sysinfo.h>

#include "runtime/api.h"

namespace stmjit {

namespace {
size_t machine_memory_bytes() {
  struct sysinfo info {};
  if (sysinfo(&info) != 0) return SIZE_MAX;
  return (size_t(info.totalram) + size_t(info.totalswap)) * size_t(info.mem_unit);
}
}  // namespace

void check_native_allocation(size_t count, size_t elem_size) {
  static const size_t limit = machine_memory_bytes();
  if (elem_size != 0 && count > limit / elem_size) raise_memory_error();
}

}  // namespace stmjit
