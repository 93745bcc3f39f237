// vm_tx_support.h: for the VM-object STM tests (test_stm_{list,dict,set}_sharing.cpp): the
// fixture that starts the runtime with the STM configured, and one transaction installed as
// this thread's (t_stm_tx).
#pragma once
#include <gtest/gtest.h>

#include "runtime/object_model.h"
#include "stm-barriers/stm_core.h"

namespace vmtest {

class VmObjectTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    stmjit::runtime_init(0, nullptr);
    stmjit::stm_vm_configure();
  }
  void TearDown() override { stmjit::t_stm_tx = nullptr; }
};

inline stmjit::Value key(int64_t i) { return stmjit::make_int(i); }

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
