// archive-index publish: xapian-replicate-server for the Xapian databases, and an HTTP
// service for the generation pointer and checkpoints of the document store.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/doc_store.h"
#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/child_process.h"
#include "indexer/replication.h"

namespace archive::replica {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Checkpoints live beside the generations (same file system: table files are hard links,
// so a checkpoint costs little more than the store's small files).
constexpr char kPublishDir[] = ".publish";
// Enough for several replicas fetching at once; an older one is gone, and a replica that
// asks for it starts its round again.
constexpr size_t kKeptCheckpoints = 8;

StatusOr<int> FreePort(const std::string& host) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return Status::IOError("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  if (inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
    close(fd);
    return Status::InvalidArgument("not an IPv4 address: " + host);
  }
  socklen_t length = sizeof address;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(fd);
  if (!ok) return Status::Unavailable("no free port on " + host);
  return ntohs(address.sin_port);
}

bool Accepts(const std::string& host, int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, host.c_str(), &address.sin_addr);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

// A name the HTTP routes accept as one path component (checkpoint or file).
bool IsPlainName(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

class Publisher {
 public:
  Publisher(const PublishOptions& options, int xapian_port)
      : options_(options),
        xapian_port_(xapian_port),
        checkpoints_(fs::path(options.index_dir) / kPublishDir) {}

  // The directory stays from run to run: it marks the index as published (IsPublished).
  Status Prepare() {
    std::error_code error;
    fs::remove_all(checkpoints_, error);  // a previous run's: nobody is fetching them now
    fs::create_directories(checkpoints_, error);
    if (error) return Status::IOError("creating " + checkpoints_.string() + ": " + error.message());
    return Status::Ok();
  }

  // The live generation and the revision its database is at.
  StatusOr<json> State() const {
    ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> live,
                             index_layout::ReadCurrent(options_.index_dir));
    if (!live) return Status::NotFound("nothing committed in " + options_.index_dir + " yet");
    std::string revision;
    ARCHIVE_RETURN_IF_ERROR(CallXapian("reading the live revision", [&] {
      Xapian::Database db(index_layout::XapianPath(options_.index_dir, *live));
      revision = db.get_metadata(std::string(schema::kRevisionKey));
    }));
    return json{{"generation", *live},
                {"revision", revision.empty() ? 0 : std::stoull(revision)},
                {"database", index_layout::GenerationName(*live) + "/xapian"},
                {"xapian_port", xapian_port_}};
  }

  // A new checkpoint of `generation`'s store, described by the revision it holds, whether
  // an update was half-applied in it ("clean": false), and its files.
  StatusOr<json> Checkpoint(uint64_t generation) {
    const std::string store_path = index_layout::StorePath(options_.index_dir, generation);
    if (!fs::exists(store_path))
      return Status::NotFound("no generation " + std::to_string(generation));
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    char name[64];
    std::snprintf(name, sizeof name, "ck-%013lld-%06llu-g%llu", static_cast<long long>(now.count()),
                  static_cast<unsigned long long>(++made_),
                  static_cast<unsigned long long>(generation));
    const fs::path dir = checkpoints_ / name;
    {
      ARCHIVE_ASSIGN_OR_RETURN(std::unique_ptr<DocStore> store,
                               DocStore::Open(store_path, DocStore::Mode::kReadOnly));
      ARCHIVE_RETURN_IF_ERROR(store->Checkpoint(dir.string()));
    }
    // What the copy holds, read from the copy itself: the log files in it may be newer
    // than the handle that made it.
    ARCHIVE_ASSIGN_OR_RETURN(std::unique_ptr<DocStore> copy,
                             DocStore::Open(dir.string(), DocStore::Mode::kReadOnly));
    ARCHIVE_ASSIGN_OR_RETURN(std::optional<std::string> revision,
                             copy->GetMetadata(schema::kRevisionKey));
    ARCHIVE_ASSIGN_OR_RETURN(std::optional<std::string> dirty,
                             copy->GetMetadata(schema::kStoreDirtyKey));
    copy.reset();
    json files = json::array();
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      files.push_back({{"name", entry.path().filename().string()}, {"size", entry.file_size()}});
    }
    Prune();
    return json{{"generation", generation},
                {"checkpoint", name},
                {"revision", revision ? std::stoull(*revision) : 0},
                {"clean", dirty.value_or("0") == "0"},
                {"files", files}};
  }

  fs::path FilePath(const std::string& checkpoint, const std::string& file) const {
    return checkpoints_ / checkpoint / file;
  }

 private:
  void Prune() {
    std::vector<fs::path> made;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(checkpoints_, error))
      made.push_back(entry.path());
    std::sort(made.begin(), made.end());  // names start with the time they were made
    for (size_t i = 0; i + kKeptCheckpoints < made.size(); ++i) fs::remove_all(made[i], error);
  }

  const PublishOptions& options_;
  const int xapian_port_;
  const fs::path checkpoints_;
  std::mutex mutex_;
  uint64_t made_ = 0;
};

void Reply(httplib::Response& response, const StatusOr<json>& outcome) {
  if (outcome.ok()) {
    response.set_content(outcome->dump(), "application/json");
    return;
  }
  const Status& status = outcome.status();
  response.status = status.code() == StatusCode::kNotFound      ? 404
                    : status.code() == StatusCode::kUnavailable ? 503
                                                                : 500;
  response.set_content(json{{"error", status.message()}}.dump(), "application/json");
}

void RegisterRoutes(httplib::Server& server, Publisher& publisher) {
  server.Get("/replication/state", [&publisher](const httplib::Request&, httplib::Response& res) {
    Reply(res, publisher.State());
  });
  server.Get("/replication/checkpoint",
             [&publisher](const httplib::Request& req, httplib::Response& res) {
               uint64_t generation = 0;
               try {
                 generation = std::stoull(req.get_param_value("generation"));
               } catch (const std::exception&) {
                 Reply(res, Status::NotFound("?generation=N is required"));
                 return;
               }
               Reply(res, publisher.Checkpoint(generation));
             });
  server.Get(R"(/replication/checkpoints/([^/]+)/([^/]+))",
             [&publisher](const httplib::Request& req, httplib::Response& res) {
               const std::string checkpoint = req.matches[1], file = req.matches[2];
               auto in = std::make_shared<std::ifstream>();
               if (IsPlainName(checkpoint) && IsPlainName(file))
                 in->open(publisher.FilePath(checkpoint, file), std::ios::binary);
               if (!*in || !in->is_open()) {
                 Reply(res, Status::NotFound("no file " + file + " in checkpoint " + checkpoint));
                 return;
               }
               in->seekg(0, std::ios::end);
               const auto size = static_cast<size_t>(in->tellg());
               // Streamed: the open stream keeps the file readable even if the checkpoint
               // is pruned meanwhile.
               res.set_content_provider(
                   size, "application/octet-stream",
                   [in](size_t offset, size_t length, httplib::DataSink& sink) {
                     char buffer[1 << 16];
                     in->seekg(static_cast<std::streamoff>(offset));
                     in->read(buffer,
                              static_cast<std::streamsize>(std::min(length, sizeof buffer)));
                     if (in->gcount() <= 0) return false;
                     return sink.write(buffer, static_cast<size_t>(in->gcount()));
                   });
             });
}

}  // namespace

bool IsPublished(const std::string& index_dir) {
  std::error_code error;
  return fs::is_directory(fs::path(index_dir) / kPublishDir, error);
}

Status Publish(const PublishOptions& options) {
  // SIGINT/SIGTERM are taken with sigtimedwait() below; blocked before any thread starts
  // so that every thread inherits the mask.
  const sigset_t stop_signals = BlockStopSignals();
  signal(SIGPIPE, SIG_IGN);

  if (!index_layout::ReadCurrent(options.index_dir).ok())
    return Status::NotFound("no index in " + options.index_dir);
  int xapian_port = options.xapian_port;
  if (xapian_port == 0) {
    ARCHIVE_ASSIGN_OR_RETURN(xapian_port, FreePort(options.host));
  }
  Publisher publisher(options, xapian_port);
  ARCHIVE_RETURN_IF_ERROR(publisher.Prepare());
  ARCHIVE_ASSIGN_OR_RETURN(Daemon replicate_server,
                           Daemon::Start({options.replicate_server, "-I", options.host, "-p",
                                          std::to_string(xapian_port), options.index_dir}));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!Accepts(options.host, xapian_port)) {
    if (replicate_server.Exited() || std::chrono::steady_clock::now() > deadline)
      return Status::Unavailable(options.replicate_server + " did not start on port " +
                                 std::to_string(xapian_port));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  httplib::Server server;
  RegisterRoutes(server, publisher);
  const int http_port =
      options.http_port == 0
          ? server.bind_to_any_port(options.host)
          : (server.bind_to_port(options.host, options.http_port) ? options.http_port : -1);
  if (http_port < 0)
    return Status::Unavailable("cannot listen on " + options.host + ":" +
                               std::to_string(options.http_port));
  std::cout << "publishing " << options.index_dir << " on http://" << options.host << ":"
            << http_port << " (xapian-replicate-server on port " << xapian_port << ")" << std::endl;

  std::string stopped_by;
  std::atomic<bool> listening_ended{false};
  std::thread supervisor([&] {
    const timespec tick{0, 200 * 1000 * 1000};
    while (!listening_ended) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) break;
      if (replicate_server.Exited()) {
        stopped_by = options.replicate_server + " exited";
        break;
      }
    }
    server.stop();
  });
  server.listen_after_bind();
  listening_ended = true;
  supervisor.join();
  if (!stopped_by.empty()) return Status::Unavailable(stopped_by);
  return Status::Ok();
}

}  // namespace archive::replica
