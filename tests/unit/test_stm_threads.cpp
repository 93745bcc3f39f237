// test_stm_threads.cpp: the STM core under real threads (2, 4, 8): bank transfers whose total
// never changes (checked inside transactions and at the end), counters with no lost update,
// and a mix with one thread whose transactions are all inevitable. Every worker retries on
// StmAbort. Workers stop at a deadline; a run that does not finish fails loudly.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>

#include "tests/unit/stm_test_support.h"

namespace stmtest {
namespace {

using Clock = std::chrono::steady_clock;

// Runs body() in a transaction until it commits; returns the number of aborts.
template <class F> int atomically(StmTx* tx, bool inevitable, F&& body) {
  for (int aborts = 0;; aborts++) {
    try {
      if (inevitable) stm_begin_inevitable(tx);
      else stm_begin(tx);
      body();
      stm_commit(tx);
      return aborts;
    } catch (const StmAbort&) {
      std::this_thread::yield();
    }
  }
}

// Starts n workers, each given its index and a stop flag; fails (and aborts the process, since
// a stuck thread cannot be joined) if they have not all finished within the deadline.
void run_workers(int n, const std::function<void(int, const std::atomic<bool>&)>& work) {
  std::atomic<bool> stop{false};
  std::atomic<int> finished{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; i++)
    threads.emplace_back([&, i] { work(i, stop); finished++; });
  auto deadline = Clock::now() + std::chrono::seconds(60);
  while (finished < n && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  if (finished < n) {
    stop = true;   // ask them to give up
    auto grace = Clock::now() + std::chrono::seconds(5);
    while (finished < n && Clock::now() < grace) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (finished < n) {
      std::fprintf(stderr, "STM thread test hung: %d of %d workers stuck\n", n - finished.load(), n);
      std::abort();
    }
    ADD_FAILURE() << "workers did not finish within 60 s";
  }
  for (auto& t : threads) t.join();
}

class StmThreads : public StmFixture, public ::testing::WithParamInterface<int> {
 protected:
  void SetUp() override {
    StmConfig c;
    c.contention_wait_ns = 50'000;
    configure(c);
  }
};

constexpr int kAccounts = 100;
constexpr int64_t kInitial = 1000;

void bank(int nthreads, int inevitable_thread, int transfers) {
  std::vector<TObj> acc(kAccounts);
  for (TObj& a : acc) a.b0.vals[0] = kInitial;
  std::atomic<int> bad_totals{0};
  std::atomic<long> aborts{0};
  run_workers(nthreads, [&](int id, const std::atomic<bool>& stop) {
    StmTx tx;
    std::mt19937 rng(static_cast<unsigned>(id) * 7919u + 1);
    for (int i = 0; i < transfers && !stop; i++) {
      bool inev = id == inevitable_thread && i % 4 == 0;
      if (i % 50 == 49) {
        // An audit: a consistent snapshot even before commit (opacity).
        aborts += atomically(&tx, inev, [&] {
          int64_t sum = 0;
          for (TObj& a : acc) sum += rd(&tx, &a)->vals[0];
          if (sum != kAccounts * kInitial) bad_totals++;
        });
        continue;
      }
      int from = static_cast<int>(rng() % kAccounts), to = static_cast<int>(rng() % kAccounts);
      int64_t amount = static_cast<int64_t>(rng() % 50);
      aborts += atomically(&tx, inev, [&] {
        stm_set_location(&tx, static_cast<uint64_t>(id));
        int64_t have = rd(&tx, &acc[from])->vals[0];
        if (have < amount || from == to) return;
        wr(&tx, &acc[from])->vals[0] = have - amount;
        wr(&tx, &acc[to])->vals[0] += amount;
      });
    }
  });
  EXPECT_EQ(bad_totals.load(), 0);
  int64_t sum = 0;
  for (TObj& a : acc) {
    EXPECT_GE(committed_body(&a)->vals[0], 0);
    sum += committed_body(&a)->vals[0];
  }
  EXPECT_EQ(sum, kAccounts * kInitial);
  StmReport r = stm_report();
  EXPECT_EQ(r.totals.total_aborts(), static_cast<uint64_t>(aborts.load()));
  if (inevitable_thread >= 0) {
    EXPECT_GT(r.totals.inevitable_commits, 0u);
  }
  std::printf("bank x%d: %llu commits, %llu aborts (ww %llu, rw %llu, wr %llu), %llu steals\n",
              nthreads, (unsigned long long)r.totals.commits,
              (unsigned long long)r.totals.total_aborts(), (unsigned long long)r.totals.aborts[kWW],
              (unsigned long long)r.totals.aborts[kRW], (unsigned long long)r.totals.aborts[kWR],
              (unsigned long long)r.totals.steals);
}

TEST_P(StmThreads, BankTransfersKeepTheTotal) { bank(GetParam(), -1, 20000); }

TEST_P(StmThreads, BankWithOneInevitableThread) { bank(GetParam(), 0, 10000); }

TEST_P(StmThreads, CountersLoseNoUpdate) {
  constexpr int kCounters = 4, kIncrements = 20000;
  std::vector<TObj> ctr(kCounters);
  int n = GetParam();
  run_workers(n, [&](int id, const std::atomic<bool>& stop) {
    StmTx tx;
    for (int i = 0; i < kIncrements && !stop; i++) {
      int c = (i + id) % kCounters;
      atomically(&tx, false, [&] {
        wr(&tx, &ctr[c])->vals[0]++;
        if (i % 8 == 0) wr(&tx, &ctr[(c + 1) % kCounters])->vals[1]++;   // two-object updates
      });
    }
  });
  int64_t total = 0, pairs = 0;
  for (TObj& c : ctr) { total += committed_body(&c)->vals[0]; pairs += committed_body(&c)->vals[1]; }
  EXPECT_EQ(total, static_cast<int64_t>(n) * kIncrements);
  EXPECT_EQ(pairs, static_cast<int64_t>(n) * (kIncrements / 8));
}

INSTANTIATE_TEST_SUITE_P(Threads, StmThreads, ::testing::Values(2, 4, 8));

}  // namespace
}  // namespace stmtest
