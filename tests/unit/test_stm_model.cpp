// test_stm_model.cpp: model-based random test of the STM core. Thousands of random schedules
// (fixed seed) of begin/read/write/commit/abort/check/become-inevitable from 3-6 simulated
// transactions over a few objects run against the real core and against a reference model of
// the algorithm. Every outcome (value read, abort or not, abort kind) must match the model;
// committed bodies must match the model after every step; and each schedule's committed history
// must be serializable in timestamp order: replaying the committed transactions serially (a
// read-only one at its snapshot) reproduces every value they read and the final state.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <random>

#include "tests/unit/stm_test_support.h"

namespace stmtest {
namespace {

using Vals = std::array<int64_t, kVals>;

struct Op {
  bool write;
  int obj;
  int idx;        // write: index written
  int64_t val;    // write: value written
  Vals seen;      // read: body seen
};
struct Committed {
  uint64_t ts;
  int order;      // 0 = writer at ts, 1 = read-only at snapshot ts (after the writer of ts)
  int seq;        // commit sequence, to keep read-only ties stable
  std::vector<Op> ops;
};

struct ModelTx {
  bool running = false, inevitable = false, doomed = false, retrying = false;
  uint64_t age = 0, snapshot = 0;
  std::vector<std::pair<int, uint64_t>> reads;   // (object, version id) in insertion order
  std::map<int, Vals> writes;                    // private bodies (including stolen ones)
  std::vector<Op> ops;
};

class Schedule {
 public:
  Schedule(std::mt19937_64& rng, int ntx, int nobj)
      : rng_(rng), txs_(ntx), objs_(nobj), model_(ntx), state_(nobj, Vals{}),
        ver_(nobj, 0), ts_(nobj, 0), owner_(nobj, -1) {
    for (auto& t : txs_) t = std::make_unique<StmTx>();
    clock_ = g_stm_clock.load();
    base_clock_ = clock_;
  }

  void run(int steps) {
    for (int s = 0; s < steps && !::testing::Test::HasFatalFailure(); s++) step();
    for (size_t t = 0; t < txs_.size(); t++)
      if (model_[t].running) { stm_abort(txs_[t].get()); end(t, false); }
    check_serializable();
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<uint64_t>(n)); }

  int inevitable_tx() const {
    for (size_t t = 0; t < model_.size(); t++)
      if (model_[t].running && model_[t].inevitable) return static_cast<int>(t);
    return -1;
  }

  // Ends model transaction t: releases its ownership (the serial bump).
  void end(size_t t, bool committed) {
    ModelTx& m = model_[t];
    for (int& o : owner_) if (o == static_cast<int>(t)) o = -1;
    m.running = m.inevitable = m.doomed = false;
    m.retrying = !committed;
  }

  // Model of the first stale read entry (validation), or -1.
  int stale(const ModelTx& m) const {
    for (auto& [o, v] : m.reads) if (ver_[o] != v) return o;
    return -1;
  }

  // Runs the real operation, compares abort/no abort and kind with the model's prediction.
  template <class F> void expect(size_t t, int predicted, F&& real) {
    int got = abort_kind(real);
    ASSERT_EQ(got, predicted) << "tx " << t << " step " << step_;
    if (predicted != kNoAbort) end(t, false);
  }

  void begin(size_t t) {
    ModelTx& m = model_[t];
    if (!m.retrying) m.age = ++ticket_;
    m.running = true;
    m.snapshot = clock_;
    m.reads.clear();
    m.writes.clear();
    m.ops.clear();
    stm_begin(txs_[t].get());
  }

  void read(size_t t, int o) {
    ModelTx& m = model_[t];
    StmTx* tx = txs_[t].get();
    std::optional<Vals> expect_vals;
    int predicted = kNoAbort;
    if (owner_[o] == static_cast<int>(t)) {
      expect_vals = m.writes[o];
    } else {
      if (ts_[o] > m.snapshot) {
        if (m.doomed) predicted = kWW;
        else if (stale(m) >= 0) predicted = kRW;
        else m.snapshot = clock_;
      }
      if (predicted == kNoAbort) {
        auto it = std::find_if(m.reads.begin(), m.reads.end(), [&](auto& e) { return e.first == o; });
        if (it == m.reads.end()) m.reads.push_back({o, ver_[o]});
        else ASSERT_EQ(it->second, ver_[o]);
        expect_vals = state_[o];
      }
    }
    Vals seen{};
    expect(t, predicted, [&] {
      const Body* b = rd(tx, &objs_[o]);
      std::copy(b->vals, b->vals + kVals, seen.begin());
    });
    if (predicted != kNoAbort) return;
    ASSERT_EQ(seen, *expect_vals) << "read of object " << o << " by tx " << t;
    m.ops.push_back({false, o, 0, 0, seen});
  }

  void write(size_t t, int o) {
    ModelTx& m = model_[t];
    StmTx* tx = txs_[t].get();
    int idx = pick(kVals);
    int64_t val = ++value_;
    int predicted = kNoAbort;
    if (owner_[o] != static_cast<int>(t)) {
      int cur = owner_[o];
      if (m.doomed) {
        predicted = kWW;
      } else if (cur >= 0) {
        ModelTx& other = model_[cur];
        bool win = other.doomed || m.inevitable || (!other.inevitable && m.age < other.age);
        if (win) other.doomed = true;
        else predicted = kWW;
      }
      if (predicted == kNoAbort) {
        owner_[o] = static_cast<int>(t);
        if (ts_[o] > m.snapshot) {
          int bad = stale(m);
          if (bad >= 0) predicted = bad == o ? kWR : kRW;
          else m.snapshot = clock_;
        }
        if (predicted == kNoAbort) m.writes[o] = state_[o];
      }
    }
    expect(t, predicted, [&] { wr(tx, &objs_[o])->vals[idx] = val; });
    if (predicted != kNoAbort) return;
    m.writes[o][idx] = val;
    m.ops.push_back({true, o, idx, val, {}});
  }

  void commit(size_t t) {
    ModelTx& m = model_[t];
    StmTx* tx = txs_[t].get();
    int inev = inevitable_tx();
    bool writer = !m.writes.empty();
    if (m.doomed) return expect(t, kWW, [&] { stm_commit(tx); });
    if (writer && inev >= 0 && inev != static_cast<int>(t)) {
      bool done = true;
      expect(t, kNoAbort, [&] { done = stm_try_commit(tx); });
      ASSERT_FALSE(done) << "a writer committed while another transaction was inevitable";
      return;
    }
    if (writer && !m.inevitable && clock_ != m.snapshot && stale(m) >= 0)
      return expect(t, kRW, [&] { stm_commit(tx); });
    uint64_t snapshot = tx->snapshot;
    ASSERT_EQ(snapshot, m.snapshot);
    expect(t, kNoAbort, [&] { stm_commit(tx); });
    if (writer) {
      clock_++;
      for (auto& [o, vals] : m.writes) { state_[o] = vals; ver_[o]++; ts_[o] = clock_; }
      ASSERT_EQ(g_stm_clock.load(), clock_);
      history_.push_back({clock_, 0, seq_++, m.ops});
    } else {
      history_.push_back({snapshot, 1, seq_++, m.ops});
    }
    end(t, true);
  }

  void become_inevitable(size_t t) {
    ModelTx& m = model_[t];
    StmTx* tx = txs_[t].get();
    if (m.inevitable) return expect(t, kNoAbort, [&] { ASSERT_TRUE(stm_try_become_inevitable(tx)); });
    if (m.doomed) return expect(t, kWW, [&] { stm_try_become_inevitable(tx); });
    if (inevitable_tx() >= 0)
      return expect(t, kNoAbort, [&] { ASSERT_FALSE(stm_try_become_inevitable(tx)); });
    if (stale(m) >= 0) return expect(t, kRW, [&] { stm_try_become_inevitable(tx); });
    expect(t, kNoAbort, [&] { ASSERT_TRUE(stm_try_become_inevitable(tx)); });
    m.inevitable = true;
    m.snapshot = clock_;
  }

  void step() {
    step_++;
    size_t t = static_cast<size_t>(pick(static_cast<int>(txs_.size())));
    ModelTx& m = model_[t];
    StmTx* tx = txs_[t].get();
    if (!m.running) {
      if (pick(10) < 7) begin(t);
    } else {
      int r = pick(100);
      int o = pick(static_cast<int>(objs_.size()));
      if (m.inevitable && r < 30) commit(t);   // keep inevitable periods short
      else if (r < 35) read(t, o);
      else if (r < 67) write(t, o);
      else if (r < 85) commit(t);
      else if (r < 90) expect(t, m.doomed ? kWW : kNoAbort, [&] { stm_check(tx); });
      else if (r < 95) { stm_abort(tx); end(t, false); }
      else become_inevitable(t);
    }
    // Aborted transactions leave no trace: committed state is exactly the model's, and no
    // transaction owns anything the model says it does not.
    for (size_t o = 0; o < objs_.size(); o++) {
      const Body* b = committed_body(&objs_[o]);
      ASSERT_TRUE(std::equal(b->vals, b->vals + kVals, state_[o].begin())) << "object " << o;
      for (size_t u = 0; u < txs_.size(); u++) {
        bool owns = model_[u].running && stm_owned_version(txs_[u].get(), &objs_[o].h) != nullptr;
        ASSERT_EQ(owns, owner_[o] == static_cast<int>(u)) << "ownership of " << o << " by " << u;
      }
    }
  }

  void check_serializable() {
    std::stable_sort(history_.begin(), history_.end(), [](const Committed& a, const Committed& b) {
      return std::tie(a.ts, a.order, a.seq) < std::tie(b.ts, b.order, b.seq);
    });
    std::vector<Vals> replay(objs_.size(), Vals{});
    for (const Committed& c : history_) {
      std::map<int, Vals> local;
      for (const Op& op : c.ops) {
        if (!local.count(op.obj)) local[op.obj] = replay[op.obj];
        if (op.write) local[op.obj][op.idx] = op.val;
        else ASSERT_EQ(op.seen, local[op.obj]) << "not serializable: read at ts " << c.ts;
      }
      for (auto& [o, v] : local) replay[o] = v;
    }
    for (size_t o = 0; o < objs_.size(); o++) {
      const Body* b = committed_body(&objs_[o]);
      ASSERT_TRUE(std::equal(b->vals, b->vals + kVals, replay[o].begin())) << "final " << o;
    }
  }

  std::mt19937_64& rng_;
  std::vector<std::unique_ptr<StmTx>> txs_;
  std::vector<TObj> objs_;
  std::vector<ModelTx> model_;
  std::vector<Vals> state_;        // model: committed bodies
  std::vector<uint64_t> ver_;      // model: version id of each committed body
  std::vector<uint64_t> ts_;       // model: commit timestamp of each committed body
  std::vector<int> owner_;         // model: live owner of each object, or -1
  std::vector<Committed> history_;
  uint64_t clock_, base_clock_, ticket_ = 0;
  int64_t value_ = 0;
  int seq_ = 0, step_ = 0;
};

class StmModel : public StmFixture {
 protected:
  void SetUp() override {
    StmConfig c;
    c.contention_wait_ns = 1'000;   // losers give up fast: nothing will change in one thread
    configure(c);
  }
};

TEST_F(StmModel, RandomSchedulesMatchModelAndSerialize) {
  std::mt19937_64 rng(20261122);
  for (int i = 0; i < 3000; i++) {
    int ntx = 3 + static_cast<int>(rng() % 4);
    int nobj = 2 + static_cast<int>(rng() % 4);
    int steps = 30 + static_cast<int>(rng() % 60);
    Schedule s(rng, ntx, nobj);
    s.run(steps);
    ASSERT_FALSE(HasFatalFailure()) << "schedule " << i;
    TestHeap::get().free_all();
  }
  // The schedules really exercise every path.
  StmCounters c = stm_report().totals;
  std::printf("model: %llu commits (%llu read-only, %llu inevitable), aborts ww %llu rw %llu "
              "wr %llu explicit %llu, %llu steals\n",
              (unsigned long long)c.commits, (unsigned long long)c.readonly_commits,
              (unsigned long long)c.inevitable_commits, (unsigned long long)c.aborts[kWW],
              (unsigned long long)c.aborts[kRW], (unsigned long long)c.aborts[kWR],
              (unsigned long long)c.aborts[0], (unsigned long long)c.steals);
  EXPECT_GT(c.commits - c.readonly_commits, 1000u);
  EXPECT_GT(c.readonly_commits, 100u);
  EXPECT_GT(c.inevitable_commits, 100u);
  EXPECT_GT(c.aborts[kWW], 100u);
  EXPECT_GT(c.aborts[kRW], 100u);
  EXPECT_GT(c.aborts[kWR], 10u);
  EXPECT_GT(c.steals, 100u);
}

}  // namespace
}  // namespace stmtest
