#include "server/search_gate.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace archive::server {
namespace {

using std::chrono::milliseconds;

TEST(SearchGateTest, HandsOutAtMostItsSlots) {
  SearchGate gate(2, milliseconds(20));
  SearchGate::Slot a = gate.Acquire();
  SearchGate::Slot b = gate.Acquire();
  EXPECT_TRUE(a.held());
  EXPECT_TRUE(b.held());
  EXPECT_EQ(2u, gate.in_use());
  SearchGate::Slot c = gate.Acquire();  // waits 20 ms, then gives up
  EXPECT_FALSE(c.held());
  a.Release();
  EXPECT_EQ(1u, gate.in_use());
  c = gate.Acquire();
  EXPECT_TRUE(c.held());
}

TEST(SearchGateTest, AWaiterGetsASlotReleasedMeanwhile) {
  SearchGate gate(1, milliseconds(10000));
  SearchGate::Slot held = gate.Acquire();
  std::thread releaser([&held] {
    std::this_thread::sleep_for(milliseconds(20));
    held.Release();
  });
  SearchGate::Slot next = gate.Acquire();
  releaser.join();
  EXPECT_TRUE(next.held());
}

void WaitUntilQueued(const SearchGate& gate, size_t count) {
  for (int tries = 0; gate.waiting() < count && tries < 5000; ++tries) {
    std::this_thread::sleep_for(milliseconds(1));
  }
  ASSERT_EQ(count, gate.waiting());
}

TEST(SearchGateTest, WaitersGetSlotsInArrivalOrder) {
  SearchGate gate(1, milliseconds(10000));
  SearchGate::Slot held = gate.Acquire();
  std::mutex order_mutex;
  std::vector<std::string> order;
  auto take = [&](const std::string& name) {
    SearchGate::Slot slot = gate.Acquire();
    std::lock_guard<std::mutex> lock(order_mutex);
    order.push_back(name);
  };
  std::thread first(take, "first");
  WaitUntilQueued(gate, 1);
  std::thread second(take, "second");
  WaitUntilQueued(gate, 2);
  held.Release();
  take("late");  // arrives after both: must not overtake them
  first.join();
  second.join();
  EXPECT_EQ((std::vector<std::string>{"first", "second", "late"}), order);
  EXPECT_EQ(0u, gate.in_use());
  EXPECT_EQ(0u, gate.waiting());
}

TEST(SearchGateTest, AWaiterThatGivesUpLeavesTheQueue) {
  SearchGate gate(1, milliseconds(20));
  SearchGate::Slot held = gate.Acquire();
  EXPECT_FALSE(gate.Acquire().held());
  EXPECT_EQ(0u, gate.waiting());
  held.Release();
  EXPECT_TRUE(gate.Acquire().held());
}

TEST(SearchGateTest, SlotsReturnWhenDestroyedOrMoved) {
  SearchGate gate(1, milliseconds(0));
  { SearchGate::Slot scoped = gate.Acquire(); }
  SearchGate::Slot first = gate.Acquire();
  SearchGate::Slot moved = std::move(first);
  EXPECT_FALSE(first.held());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_TRUE(moved.held());
  EXPECT_EQ(1u, gate.in_use());
  moved = SearchGate::Slot();
  EXPECT_EQ(0u, gate.in_use());
}

}  // namespace
}  // namespace archive::server
