// vm_tx_support.h: for the VM-object STM tests (test_stm_list_sharing.cpp,
// test_stm_dict_sharing.cpp): one transaction installed as this thread's (t_stm_tx).
#pragma once
#include "runtime/object_model.h"
#include "stm-barriers/stm_core.h"

namespace vmtest {

// One transaction on this thread, begun at construction; tests interleave several by
// switching stmjit::t_stm_tx.
struct Tx {
  stmjit::stm::StmTx tx;
  Tx() {
    stmjit::t_stm_tx = &tx;
    stmjit::stm::stm_begin(&tx);
  }
  void commit() { stmjit::stm::stm_commit(&tx); }
  void begin() { stmjit::stm::stm_begin(&tx); }
};

}  // namespace vmtest
