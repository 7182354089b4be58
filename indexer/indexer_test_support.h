// Setting the scene for the writer's tests: an index that already holds some articles.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/article.h"
#include "indexer/indexer.h"
#include "tests/testing/status_matchers.h"

namespace archive::indexer {

// Opens the writer on `dir`, adds `articles`, commits them as one revision and closes
// the writer again (so the caller may open it, or the stores, itself). Use it inside
// ASSERT_NO_FATAL_FAILURE.
inline void CommitArticles(const std::string& dir, const std::vector<Article>& articles) {
  auto indexer = Indexer::Open({dir});
  ASSERT_ARCHIVE_OK(indexer);
  for (const Article& article : articles) ASSERT_ARCHIVE_OK((*indexer)->Add(article));
  ASSERT_ARCHIVE_OK((*indexer)->Commit());
}

}  // namespace archive::indexer
