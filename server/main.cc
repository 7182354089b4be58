// archive-server: serves the search page and the JSON API over an index directory.
//   archive-server --index DIR [--bind ADDR] [--port P] [--threads N] [--cors-origin URL]...
//                  [--admin-port P] [--config FILE]      (archive-server --help for all)
#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "core/fatal_error.h"
#include "core/large_allocations.h"
#include "query/searcher.h"
#include "server/routes.h"
#include "server/server_config.h"

namespace {

using archive::server::ServerConfig;

// Follows the indexer: a new revision or generation is swapped in within one interval.
// One local index is probed five times a second (a probe reads CURRENT and opens the
// database: ~0.2 ms), so that a committed update is searchable well within 2 s of its
// start (docs/indexing.md); shards once a second, as a remote probe opens a connection.
class RefreshLoop {
 public:
  explicit RefreshLoop(archive::query::Searcher& searcher)
      : interval_(searcher.sharded() ? std::chrono::milliseconds(1000)
                                     : std::chrono::milliseconds(200)),
        thread_([this, &searcher] { Run(searcher); }) {}
  ~RefreshLoop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void Run(archive::query::Searcher& searcher) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
      archive::Status status = searcher.Refresh();
      if (!status.ok()) std::cerr << "archive-server: refresh: " << status.message() << "\n";
    }
  }

  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// Binds `server` as configured; the port actually bound, or -1.
int Bind(httplib::Server& server, const std::string& address, int port) {
  if (port == 0) return server.bind_to_any_port(address);
  return server.bind_to_port(address, port) ? port : -1;
}

// A listener's accept loop on its own thread.
class Listener {
 public:
  explicit Listener(httplib::Server& server) : server_(server) {
    thread_ = std::thread([this] { ok_ = server_.listen_after_bind(); });
  }
  // Stops accepting; requests in flight finish before Join() returns.
  void Stop() { server_.stop(); }
  bool Join() {
    if (thread_.joinable()) thread_.join();
    return ok_;
  }

 private:
  httplib::Server& server_;
  std::atomic<bool> ok_ = false;
  std::thread thread_;
};

void BlockStopSignals(sigset_t& stop_signals) {
  // SIGINT/SIGTERM are taken with sigwait() on the main thread, so that stopping the
  // servers happens in normal code rather than in a signal handler. Blocked before any
  // thread starts, so that every thread inherits the mask.
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

int Serve(const ServerConfig& config, archive::query::Searcher& searcher,
          const sigset_t& stop_signals) {
  archive::server::ServingState state(searcher, config.server);
  httplib::Server server;
  archive::server::ConfigureServer(server, config.server);
  archive::server::RegisterRoutes(server, state);
  const int port = Bind(server, config.server.bind, config.server.port);
  if (port < 0) {
    std::cerr << "archive-server: cannot listen on " << config.server.bind << ":"
              << config.server.port << "\n";
    return 2;
  }
  httplib::Server admin;
  int admin_port = -1;
  if (config.admin_port >= 0) {
    archive::server::ServerOptions admin_options = config.server;
    admin_options.threads = 2;  // one scraper and one person at a time is plenty
    archive::server::ConfigureServer(admin, admin_options);
    archive::server::RegisterAdminRoutes(admin, state);
    admin_port = Bind(admin, config.admin_bind, config.admin_port);
    if (admin_port < 0) {
      std::cerr << "archive-server: cannot listen on " << config.admin_bind << ":"
                << config.admin_port << "\n";
      return 2;
    }
  }
  // The first line is the contract with scripts and tests: where to connect.
  std::cout << "Listening on http://" << config.server.bind << ":" << port << "/" << std::endl;
  if (admin_port >= 0)
    std::cout << "Admin on http://" << config.admin_bind << ":" << admin_port << "/" << std::endl;

  RefreshLoop refresh(searcher);
  Listener public_listener(server);
  std::optional<Listener> admin_listener;
  if (admin_port >= 0) admin_listener.emplace(admin);
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::cerr << "archive-server: stopping; requests in flight finish first\n";
  public_listener.Stop();
  if (admin_listener) admin_listener->Stop();
  bool ok = public_listener.Join();
  if (admin_listener) ok = admin_listener->Join() && ok;
  std::cerr << "archive-server: stopped\n";
  return ok ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  archive::ReportFatalErrors("archive-server");
  archive::ReturnLargeBlocksToTheSystem();
  auto config = archive::server::LoadServerConfig(std::vector<std::string>(argv + 1, argv + argc));
  if (!config.ok()) {
    std::cerr << "archive-server: " << config.status().message() << "\n\n"
              << archive::server::ServerUsage();
    return 2;
  }
  if (config->help) {
    std::cout << archive::server::ServerUsage();
    return 0;
  }
  sigset_t stop_signals;
  BlockStopSignals(stop_signals);
  archive::query::SearcherOptions options{config->index_dir};
  options.shard_timeout_ms = config->shard_timeout_ms;
  options.shard_partial = config->shard_failure == "partial";
  auto searcher = archive::query::Searcher::Open(options);
  if (!searcher.ok()) {
    std::cerr << "archive-server: " << searcher.status().message() << "\n";
    return 2;
  }
  return Serve(*config, **searcher, stop_signals);
}
