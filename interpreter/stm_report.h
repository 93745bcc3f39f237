// stm_report.h: STM statistics for the user (--stm-report, --stm-log, STMJIT_STM_STATS).
#pragma once

namespace stmjit {

// Before the first transaction: hooks the location describer and, if asked, the event log.
void stm_report_setup(bool report, bool log);
// At exit (main thread, after the other threads): prints / writes what was asked for.
void stm_report_at_exit();

}  // namespace stmjit
