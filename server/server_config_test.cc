#include "server/server_config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "tests/testing/temp_dir.h"

namespace archive::server {
namespace {

Environment FakeEnvironment(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto found = values.find(name);
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}

class ServerConfigTest : public ::testing::Test {
 protected:
  std::string WriteConfig(const std::string& text) {
    const std::string path = dir_.Join("server.conf");
    std::ofstream(path) << text;
    return path;
  }
  archive::test::TempDir dir_;
};

TEST_F(ServerConfigTest, DefaultsNeedOnlyAnIndex) {
  auto config = LoadServerConfig({"--index", "/idx"}, FakeEnvironment({}));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ("/idx", config->index_dir);
  EXPECT_EQ("127.0.0.1", config->server.bind);
  EXPECT_EQ(8080, config->server.port);
  EXPECT_EQ(16, config->server.threads);
  EXPECT_EQ(-1, config->admin_port);
  EXPECT_TRUE(config->server.cors_origins.empty());
  EXPECT_FALSE(config->server.log_ips);
}

TEST_F(ServerConfigTest, FlagsBeatEnvironmentBeatsFile) {
  const std::string file = WriteConfig(
      "# comment\n"
      "index = /from-file\n"
      "bind = 0.0.0.0\n"
      "port = 1111\n"
      "threads = 3\n"
      "cors_origins = https://file.example, https://file2.example\n"
      "admin_port = 9100\n"
      "\n");
  auto config =
      LoadServerConfig({"--config", file, "--port=3333", "--cors-origin", "https://flag.example"},
                       FakeEnvironment({{"ARCHIVE_PORT", "2222"},
                                        {"ARCHIVE_THREADS", "4"},
                                        {"ARCHIVE_CORS_ORIGINS", "https://env.example"},
                                        {"ARCHIVE_ADMIN_TOKEN", "t"}}));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ("/from-file", config->index_dir);  // file only
  EXPECT_EQ("0.0.0.0", config->server.bind);   // file only
  EXPECT_EQ(3333, config->server.port);        // flag over env and file
  EXPECT_EQ(4, config->server.threads);        // env over file
  EXPECT_EQ(9100, config->admin_port);
  EXPECT_EQ(std::vector<std::string>{"https://flag.example"}, config->server.cors_origins);
  EXPECT_EQ("t", config->server.admin_token);
}

TEST_F(ServerConfigTest, OriginsAccumulateWithinALayer) {
  auto config =
      LoadServerConfig({"--index", "i", "--cors-origin", "https://a.example/", "--cors-origin",
                        "https://b.example,https://c.example"},
                       FakeEnvironment({{"ARCHIVE_CORS_ORIGINS", "https://env.example"}}));
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(
      std::vector<std::string>({"https://a.example", "https://b.example", "https://c.example"}),
      config->server.cors_origins);
}

TEST_F(ServerConfigTest, EnvironmentAndConfigFileFromTheEnvironment) {
  const std::string file = WriteConfig("index = /f\nlog_ips = true\n");
  auto config = LoadServerConfig(
      {}, FakeEnvironment(
              {{"ARCHIVE_CONFIG", file}, {"ARCHIVE_ADMIN_PORT", "0"}, {"ARCHIVE_BIND", "::1"}}));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ("/f", config->index_dir);
  EXPECT_TRUE(config->server.log_ips);
  EXPECT_EQ(0, config->admin_port);
  EXPECT_EQ("::1", config->server.bind);
}

TEST_F(ServerConfigTest, ErrorsNameWhereTheBadValueCameFrom) {
  const std::string file = WriteConfig("index = /i\nport = eighty\n");
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{}, "--index is required"},
      {{"--index", "i", "--port", "70000"}, "--port:"},
      {{"--index", "i", "--threads", "0"}, "--threads:"},
      {{"--index", "i", "--nope"}, "unknown option"},
      {{"--index"}, "--index: needs a value"},
      {{"--index", "i", "--cors-origin", "example.com"}, "--cors-origin:"},
      {{"--config", file}, file + ":2:"},
      {{"--config", dir_.Join("missing.conf")}, "config file"},
  };
  for (const auto& [args, prefix] : cases) {
    auto config = LoadServerConfig(args, FakeEnvironment({}));
    ASSERT_FALSE(config.ok()) << prefix;
    EXPECT_TRUE(config.status().message().starts_with(prefix)) << config.status().message();
  }
  auto env = LoadServerConfig({"--index", "i"}, FakeEnvironment({{"ARCHIVE_THREADS", "many"}}));
  ASSERT_FALSE(env.ok());
  EXPECT_TRUE(env.status().message().starts_with("ARCHIVE_THREADS:"));
  const std::string unknown = WriteConfig("index = /i\ncolour = red\n");
  auto bad_key = LoadServerConfig({"--config", unknown}, FakeEnvironment({}));
  ASSERT_FALSE(bad_key.ok());
  EXPECT_NE(std::string::npos, bad_key.status().message().find("unknown setting"));
}

TEST_F(ServerConfigTest, HelpNeedsNothingElse) {
  auto config = LoadServerConfig({"--help"}, FakeEnvironment({}));
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->help);
  EXPECT_NE(std::string::npos, ServerUsage().find("ARCHIVE_CORS_ORIGINS"));
}

}  // namespace
}  // namespace archive::server
