#include "query/shard_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

TEST(ShardSetTest, ParsesLocalAndRemoteShards) {
  StatusOr<ShardSpec> local = ParseShardSpec("shard-1", "/srv/idx");
  ASSERT_TRUE(local.ok());
  EXPECT_FALSE(local->remote());
  EXPECT_EQ("/srv/idx/shard-1", local->index_dir);

  StatusOr<ShardSpec> remote = ParseShardSpec("tcp://10.0.0.7:7001=copies/shard-2", "/srv");
  ASSERT_TRUE(remote.ok()) << remote.status().ToString();
  EXPECT_TRUE(remote->remote());
  EXPECT_EQ("10.0.0.7", remote->host);
  EXPECT_EQ(7001u, remote->port);
  EXPECT_EQ("/srv/copies/shard-2", remote->index_dir);
  EXPECT_EQ("/abs", ParseShardSpec("tcp://h:1=/abs", "/srv")->index_dir);
}

TEST(ShardSetTest, RejectsMalformedRemoteShards) {
  for (const char* text :
       {"tcp://host:7001", "tcp://host=/dir", "tcp://host:0=/d", "tcp://host:70000=/d",
        "tcp://host:x1=/d", "tcp://:1=/d", "tcp://h:1="}) {
    StatusOr<ShardSpec> spec = ParseShardSpec(text);
    ASSERT_FALSE(spec.ok()) << text;
    EXPECT_EQ(StatusCode::kInvalidArgument, spec.status().code()) << text;
  }
}

TEST(ShardSetTest, ResolvesPlainIndexShardsFileAndShardsDirectory) {
  test::TempDir dir;
  const std::string plain = dir.Join("plain");
  std::filesystem::create_directories(plain);
  std::ofstream(plain + "/CURRENT") << "gen-000001\n";
  EXPECT_TRUE(ResolveShards({plain})->empty());  // one index: the local fast path

  const std::string sharded = dir.Join("sharded");
  std::filesystem::create_directories(sharded);
  std::ofstream(sharded + "/SHARDS") << "# comment\n\nshard-1\n  tcp://h:9=shard-2  \n";
  StatusOr<std::vector<ShardSpec>> from_dir = ResolveShards({sharded});
  ASSERT_TRUE(from_dir.ok()) << from_dir.status().ToString();
  ASSERT_EQ(2u, from_dir->size());
  EXPECT_EQ(sharded + "/shard-1", (*from_dir)[0].index_dir);
  EXPECT_EQ(sharded + "/shard-2", (*from_dir)[1].index_dir);
  EXPECT_EQ(9u, (*from_dir)[1].port);

  StatusOr<std::vector<ShardSpec>> from_file = ResolveShards({sharded + "/SHARDS"});
  ASSERT_TRUE(from_file.ok());
  EXPECT_EQ(2u, from_file->size());

  EXPECT_EQ(2u, ResolveShards({plain, "tcp://h:9=/x"})->size());
  EXPECT_EQ(1u, ResolveShards({"tcp://h:9=/x"})->size());

  std::ofstream(dir.Join("empty.shards")) << "# nothing\n";
  EXPECT_FALSE(ResolveShards({dir.Join("empty.shards")}).ok());
  std::ofstream(dir.Join("bad.shards")) << "a\ntcp://nope\n";
  StatusOr<std::vector<ShardSpec>> bad = ResolveShards({dir.Join("bad.shards")});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string::npos, bad.status().message().find("line 2")) << bad.status().message();
}

}  // namespace
}  // namespace archive::query
