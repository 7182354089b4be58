// ASSERT_ARCHIVE_OK / EXPECT_ARCHIVE_OK: check a Status or StatusOr and print its message.
#pragma once

#include <gtest/gtest.h>

#include "core/status_or.h"

namespace archive::test {

inline const Status& StatusOf(const Status& status) { return status; }
template <typename T>
const Status& StatusOf(const StatusOr<T>& status_or) {
  static const Status kOk;
  return status_or.ok() ? kOk : status_or.status();
}

}  // namespace archive::test

#define ASSERT_ARCHIVE_OK(expr) \
  ASSERT_TRUE(::archive::test::StatusOf(expr).ok()) << ::archive::test::StatusOf(expr).ToString()
#define EXPECT_ARCHIVE_OK(expr) \
  EXPECT_TRUE(::archive::test::StatusOf(expr).ok()) << ::archive::test::StatusOf(expr).ToString()
