#include "server/server_config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "tests/testing/temp_dir.h"

namespace archive::server {
namespace {

// Every variable the server reads. CLI11 reads the real environment, so each test starts
// with all of them unset and puts back what was there before.
constexpr const char* kVariables[] = {
    "ARCHIVE_INDEX",        "ARCHIVE_BIND",       "ARCHIVE_PORT",       "ARCHIVE_THREADS",
    "ARCHIVE_CORS_ORIGINS", "ARCHIVE_ADMIN_PORT", "ARCHIVE_ADMIN_BIND", "ARCHIVE_LOG_IPS",
    "ARCHIVE_CONFIG",       "ARCHIVE_ADMIN_TOKEN"};

class ServerConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kVariables) {
      if (const char* value = std::getenv(name)) saved_[name] = value;
      unsetenv(name);
    }
  }
  void TearDown() override {
    for (const char* name : kVariables) unsetenv(name);
    for (const auto& [name, value] : saved_) setenv(name.c_str(), value.c_str(), 1);
  }
  void SetEnvironment(const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) setenv(name.c_str(), value.c_str(), 1);
  }
  std::string WriteConfig(const std::string& text, const std::string& name = "server.conf") {
    const std::string path = dir_.Join(name);
    std::ofstream(path) << text;
    return path;
  }
  archive::test::TempDir dir_;
  std::map<std::string, std::string> saved_;
};

TEST_F(ServerConfigTest, DefaultsNeedOnlyAnIndex) {
  auto config = LoadServerConfig({"--index", "/idx"});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ("/idx", config->index_dir);
  EXPECT_EQ("127.0.0.1", config->server.bind);
  EXPECT_EQ(8080, config->server.port);
  EXPECT_EQ(256, config->server.threads);
  EXPECT_EQ(0, config->server.search_slots);
  EXPECT_EQ(3, config->server.read_timeout_s);
  EXPECT_EQ(64u * 1024, config->server.max_body_bytes);
  EXPECT_EQ(-1, config->admin_port);
  EXPECT_EQ("127.0.0.1", config->admin_bind);
  EXPECT_TRUE(config->server.cors_origins.empty());
  EXPECT_FALSE(config->server.log_ips);
  EXPECT_TRUE(config->server.admin_token.empty());
  EXPECT_TRUE(config->config_file.empty());
}

TEST_F(ServerConfigTest, HostileLoadLimitsAreSettings) {
  auto config = LoadServerConfig({"--index", "/i", "--search-slots", "3", "--search-wait-ms", "250",
                                  "--read-timeout", "2", "--keep-alive-timeout", "4",
                                  "--keep-alive-max", "50", "--max-body", "1024"});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(3, config->server.search_slots);
  EXPECT_EQ(250, config->server.search_wait_ms);
  EXPECT_EQ(2, config->server.read_timeout_s);
  EXPECT_EQ(4, config->server.keep_alive_timeout_s);
  EXPECT_EQ(50u, config->server.keep_alive_max_requests);
  EXPECT_EQ(1024u, config->server.max_body_bytes);
  EXPECT_FALSE(LoadServerConfig({"--index", "/i", "--read-timeout", "0"}).ok());
}

TEST_F(ServerConfigTest, FlagsBeatFileBeatsEnvironment) {
  const std::string file = WriteConfig(
      "# comment\n"
      "index = /from-file\n"
      "bind = 0.0.0.0\n"
      "port = 1111\n"
      "threads = 3\n"
      "cors-origin = https://file.example, https://file2.example\n"
      "admin-port = 9100\n"
      "\n");
  SetEnvironment({{"ARCHIVE_PORT", "2222"},
                  {"ARCHIVE_THREADS", "4"},
                  {"ARCHIVE_CORS_ORIGINS", "https://env.example"},
                  {"ARCHIVE_ADMIN_BIND", "10.0.0.1"},
                  {"ARCHIVE_ADMIN_TOKEN", "t"}});
  auto config =
      LoadServerConfig({"--config", file, "--port=3333", "--cors-origin", "https://flag.example"});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(file, config->config_file);
  EXPECT_EQ("/from-file", config->index_dir);  // file only
  EXPECT_EQ("0.0.0.0", config->server.bind);   // file only
  EXPECT_EQ(3333, config->server.port);        // flag over file and environment
  EXPECT_EQ(3, config->server.threads);        // file over environment
  EXPECT_EQ(9100, config->admin_port);         // file only
  EXPECT_EQ("10.0.0.1", config->admin_bind);   // environment only
  EXPECT_EQ(std::vector<std::string>{"https://flag.example"}, config->server.cors_origins);
  EXPECT_EQ("t", config->server.admin_token);

  // Without the flags, the file's list replaces the environment's rather than adding to it.
  auto file_list = LoadServerConfig({"--config", file});
  ASSERT_TRUE(file_list.ok()) << file_list.status().ToString();
  EXPECT_EQ(1111, file_list->server.port);
  EXPECT_EQ(std::vector<std::string>({"https://file.example", "https://file2.example"}),
            file_list->server.cors_origins);
}

TEST_F(ServerConfigTest, OriginsAccumulateWithinALayer) {
  SetEnvironment({{"ARCHIVE_CORS_ORIGINS", "https://env.example"}});
  auto config = LoadServerConfig({"--index", "i", "--cors-origin", "https://a.example/",
                                  "--cors-origin", "https://b.example, https://c.example"});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(
      std::vector<std::string>({"https://a.example", "https://b.example", "https://c.example"}),
      config->server.cors_origins);

  auto from_env = LoadServerConfig({"--index", "i"});
  ASSERT_TRUE(from_env.ok()) << from_env.status().ToString();
  EXPECT_EQ(std::vector<std::string>{"https://env.example"}, from_env->server.cors_origins);
}

TEST_F(ServerConfigTest, OneValuePerFlagOccurrence) {
  // --cors-origin does not swallow the words after its value.
  auto config = LoadServerConfig({"--cors-origin", "https://a.example", "extra", "--index", "i"});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(std::string::npos, config.status().message().find("extra"))
      << config.status().message();
}

TEST_F(ServerConfigTest, EnvironmentAndConfigFileFromTheEnvironment) {
  const std::string file = WriteConfig("index = /f\nlog-ips = true\n");
  SetEnvironment({{"ARCHIVE_CONFIG", file}, {"ARCHIVE_ADMIN_PORT", "0"}, {"ARCHIVE_BIND", "::1"}});
  auto config = LoadServerConfig({});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(file, config->config_file);
  EXPECT_EQ("/f", config->index_dir);
  EXPECT_TRUE(config->server.log_ips);
  EXPECT_EQ(0, config->admin_port);
  EXPECT_EQ("::1", config->server.bind);

  // --config beats ARCHIVE_CONFIG.
  const std::string other = WriteConfig("index = /other\n", "other.conf");
  auto flag_file = LoadServerConfig({"--config", other});
  ASSERT_TRUE(flag_file.ok()) << flag_file.status().ToString();
  EXPECT_EQ("/other", flag_file->index_dir);
  EXPECT_FALSE(flag_file->server.log_ips);
}

TEST_F(ServerConfigTest, EnvironmentAlone) {
  SetEnvironment({{"ARCHIVE_INDEX", "/env"},
                  {"ARCHIVE_PORT", "0"},
                  {"ARCHIVE_THREADS", "2"},
                  {"ARCHIVE_ADMIN_BIND", "::1"},
                  {"ARCHIVE_LOG_IPS", "yes"}});
  auto config = LoadServerConfig({});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ("/env", config->index_dir);
  EXPECT_EQ(0, config->server.port);
  EXPECT_EQ(2, config->server.threads);
  EXPECT_EQ("::1", config->admin_bind);
  EXPECT_TRUE(config->server.log_ips);
}

TEST_F(ServerConfigTest, ConfigFileSyntax) {
  const std::string file = WriteConfig(
      "; a comment\n"
      "index = \"/my archive\"\n"
      "cors-origin = [https://a.example, https://b.example/]\n"
      "log-ips = on\n");
  auto config = LoadServerConfig({"--config", file});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ("/my archive", config->index_dir);
  EXPECT_EQ(std::vector<std::string>({"https://a.example", "https://b.example"}),
            config->server.cors_origins);
  EXPECT_TRUE(config->server.log_ips);
  // An unquoted value with a space is two values, which a single setting refuses.
  const std::string spaced = WriteConfig("index = /my archive\n", "spaced.conf");
  EXPECT_FALSE(LoadServerConfig({"--config", spaced}).ok());
}

TEST_F(ServerConfigTest, ErrorsNameWhereTheBadValueCameFrom) {
  const std::string file = WriteConfig("index = /i\nport = eighty\n");
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{}, "--index is required"},
      {{"--index", "i", "--port", "70000"}, "--port:"},
      {{"--index", "i", "--threads", "0"}, "--threads:"},
      {{"--index", "i", "--nope"}, "The following argument was not expected: --nope"},
      {{"--index"}, "--index:"},
      {{"--index", "i", "--cors-origin", "example.com"}, "--cors-origin:"},
      {{"--config", file}, file + ": port:"},
      {{"--config", dir_.Join("missing.conf")}, "config file " + dir_.Join("missing.conf")},
      {{"--config", file, "--config", file}, "--config:"},
      {{"--index", "i", "--port", "1", "--port", "2"}, "--port:"},
  };
  for (const auto& [args, prefix] : cases) {
    auto config = LoadServerConfig(args);
    ASSERT_FALSE(config.ok()) << prefix;
    EXPECT_TRUE(config.status().message().starts_with(prefix)) << config.status().message();
  }

  SetEnvironment({{"ARCHIVE_THREADS", "many"}});
  auto env = LoadServerConfig({"--index", "i"});
  ASSERT_FALSE(env.ok());
  EXPECT_TRUE(env.status().message().starts_with("ARCHIVE_THREADS:")) << env.status().message();
  // The same variable under a file that sets the key: the file's value is the one used.
  const std::string threads = WriteConfig("index = /i\nthreads = 0\n", "threads.conf");
  auto file_over_env = LoadServerConfig({"--config", threads});
  ASSERT_FALSE(file_over_env.ok());
  EXPECT_TRUE(file_over_env.status().message().starts_with(threads + ": threads:"))
      << file_over_env.status().message();
  unsetenv("ARCHIVE_THREADS");

  SetEnvironment({{"ARCHIVE_LOG_IPS", "maybe"}});
  auto flag_env = LoadServerConfig({"--index", "i"});
  ASSERT_FALSE(flag_env.ok());
  EXPECT_NE(std::string::npos, flag_env.status().message().find("ARCHIVE_LOG_IPS"))
      << flag_env.status().message();
  unsetenv("ARCHIVE_LOG_IPS");

  SetEnvironment({{"ARCHIVE_CONFIG", dir_.Join("gone.conf")}});
  auto env_file = LoadServerConfig({"--index", "i"});
  ASSERT_FALSE(env_file.ok());
  EXPECT_TRUE(env_file.status().message().starts_with("config file " + dir_.Join("gone.conf")))
      << env_file.status().message();
  unsetenv("ARCHIVE_CONFIG");

  const std::string unknown = WriteConfig("index = /i\ncolour = red\n", "unknown.conf");
  auto bad_key = LoadServerConfig({"--config", unknown});
  ASSERT_FALSE(bad_key.ok());
  EXPECT_TRUE(bad_key.status().message().starts_with(unknown + ":")) << bad_key.status().message();
  EXPECT_NE(std::string::npos, bad_key.status().message().find("unknown setting \"colour\""));
}

TEST_F(ServerConfigTest, HelpNeedsNothingElse) {
  auto config = LoadServerConfig({"--help"});
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->help);
  const std::string usage = ServerUsage();
  for (const char* name : kVariables) EXPECT_NE(std::string::npos, usage.find(name)) << name;
  EXPECT_NE(std::string::npos, usage.find("--cors-origin"));
}

}  // namespace
}  // namespace archive::server
