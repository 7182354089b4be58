// archive-server: serves the search page and the JSON API over an index directory.
//   archive-server --index DIR [--bind ADDR] --port P
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "query/searcher.h"
#include "server/routes.h"

namespace {

// Follows the indexer: every second, a new revision or generation is swapped in.
class RefreshLoop {
 public:
  explicit RefreshLoop(archive::query::Searcher& searcher)
      : thread_([this, &searcher] { Run(searcher); }) {}
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
    while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; })) {
      archive::Status status = searcher.Refresh();
      if (!status.ok()) std::cerr << "archive-server: refresh: " << status.message() << "\n";
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"archive-server: the archive's search page and JSON API"};
  std::string index_dir;
  archive::server::ServerOptions options;
  app.add_option("--index", index_dir, "Index directory")->required();
  app.add_option("--bind", options.bind, "Address to listen on (default 127.0.0.1)");
  app.add_option("--port", options.port, "Port (0 picks a free one)")->check(CLI::Range(0, 65535));
  app.add_option("--threads", options.threads, "Worker threads (default 16)")
      ->check(CLI::Range(1, 1024));
  CLI11_PARSE(app, argc, argv);

  // SIGINT/SIGTERM are taken by a thread with sigwait(), so that stopping the server
  // happens in normal code rather than in a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto searcher = archive::query::Searcher::Open({index_dir});
  if (!searcher.ok()) {
    std::cerr << "archive-server: " << searcher.status().message() << "\n";
    return 2;
  }
  httplib::Server server;
  archive::server::ConfigureServer(server, options);
  archive::server::RegisterRoutes(server, **searcher);
  int port = options.port == 0
                 ? server.bind_to_any_port(options.bind)
                 : (server.bind_to_port(options.bind, options.port) ? options.port : -1);
  if (port < 0) {
    std::cerr << "archive-server: cannot listen on " << options.bind << ":" << options.port << "\n";
    return 2;
  }
  std::cout << "Listening on http://" << options.bind << ":" << port << "/" << std::endl;

  RefreshLoop refresh(**searcher);
  std::thread stopper([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  });
  bool ok = server.listen_after_bind();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes sigwait if we stopped otherwise
    stopper.join();
  }
  std::cerr << "archive-server: stopped\n";
  return ok ? 0 : 2;
}
