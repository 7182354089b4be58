// archive-index follow: brings a local index directory to the primary's state, store
// first. Layout of a replica's generation (archive-server reads only `xapian` and `store`):
//   gen-N/xapian            a Xapian stub file: "auto xapian-a" or "auto xapian-b"
//   gen-N/xapian-a, -b      two xapian-replicate targets; the one not named is updated
//                           (the second starts as a local copy of the first)
//   gen-N/store             a symbolic link to stores/<checkpoint>
//   gen-N/stores/<name>     the store checkpoints fetched (the live one and the previous)
// A round updates the copy nobody reads, fetches a store checkpoint holding exactly that
// revision, then switches the store link and the stub (each a rename), so that a reader
// opening the database sees a revision whose documents are all in the store it opens.
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
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
using Clock = std::chrono::steady_clock;

constexpr char kCopyA[] = "xapian-a";
constexpr char kCopyB[] = "xapian-b";
// Rounds of (replicate, checkpoint) before giving up on a primary that keeps committing
// between the two; the next round tries again.
constexpr int kMatchAttempts = 5;

std::string Tail(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' ')) trimmed.pop_back();
  const size_t newline = trimmed.rfind('\n');
  return newline == std::string::npos ? trimmed : trimmed.substr(newline + 1);
}

// The revision a replicated database is at; nullopt when it cannot be opened.
std::optional<uint64_t> RevisionAt(const std::string& path) {
  std::string revision;
  Status status = CallXapian("opening replica", [&] {
    revision = Xapian::Database(path).get_metadata(std::string(schema::kRevisionKey));
  });
  if (!status.ok()) return std::nullopt;
  return revision.empty() ? 0 : std::stoull(revision);
}

// Which copy the stub names ("" when there is no stub yet).
std::string LiveCopy(const fs::path& gen_dir) {
  std::ifstream in(gen_dir / "xapian");
  std::string type, target;
  in >> type >> target;
  return type == "auto" ? target : "";
}

// A file written through a descriptor, so that it can be made durable before it is named.
class DurableFile {
 public:
  explicit DurableFile(const fs::path& path)
      : path_(path), fd_(open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) {}
  ~DurableFile() {
    if (fd_ >= 0) close(fd_);
  }
  DurableFile(const DurableFile&) = delete;
  DurableFile& operator=(const DurableFile&) = delete;

  bool Write(const char* data, size_t length) {
    while (fd_ >= 0 && length > 0) {
      const ssize_t n = write(fd_, data, length);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      data += n;
      length -= static_cast<size_t>(n);
    }
    return fd_ >= 0;
  }
  // Syncs and closes.
  Status Finish() {
    const bool ok = fd_ >= 0 && fsync(fd_) == 0 && close(fd_) == 0;
    fd_ = -1;
    return ok ? Status::Ok() : Status::IOError("writing " + path_.string());
  }

 private:
  fs::path path_;
  int fd_;
};

Status WriteFileAtomically(const fs::path& path, const std::string& content) {
  const fs::path temporary = path.string() + ".new";
  DurableFile out(temporary);
  if (!out.Write(content.data(), content.size()))
    return Status::IOError("writing " + temporary.string());
  ARCHIVE_RETURN_IF_ERROR(out.Finish());
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    return Status::IOError("renaming " + temporary.string());
  return Status::Ok();
}

Status LinkAtomically(const fs::path& link, const std::string& target) {
  const fs::path temporary = link.string() + ".new";
  std::error_code error;
  fs::remove(temporary, error);
  fs::create_directory_symlink(target, temporary, error);
  if (error) return Status::IOError("linking " + temporary.string() + ": " + error.message());
  if (std::rename(temporary.c_str(), link.c_str()) != 0)
    return Status::IOError("replacing " + link.string() + " (must be a symbolic link)");
  return Status::Ok();
}

// What one round did.
struct FollowRound {
  bool changed = false;  // a new revision or generation went live
  uint64_t generation = 0, revision = 0;
  double seconds = 0;
  std::string transfer;  // xapian-replicate's account ("0 copies, 2 changesets"), files fetched
};

class Follower {
 public:
  explicit Follower(const FollowOptions& options) : options_(options) {}

  Status Connect() {
    const size_t colon = options_.primary.rfind(':');
    if (colon == std::string::npos)
      return Status::InvalidArgument("--primary must be HOST:PORT, not " + options_.primary);
    host_ = options_.primary.substr(0, colon);
    port_ = std::atoi(options_.primary.c_str() + colon + 1);
    if (port_ <= 0) return Status::InvalidArgument("bad port in --primary " + options_.primary);
    return Status::Ok();
  }

  StatusOr<FollowRound> Round() {
    const auto start = Clock::now();
    ARCHIVE_ASSIGN_OR_RETURN(json state, Get("/replication/state"));
    const uint64_t generation = state.at("generation");
    const uint64_t revision = state.at("revision");
    const std::string local = options_.index_dir;
    std::error_code error;
    fs::create_directories(local, error);
    if (error) return Status::IOError("creating " + local + ": " + error.message());
    ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> live, index_layout::ReadCurrent(local));
    ARCHIVE_RETURN_IF_ERROR(RemoveOtherGenerations(live, generation));
    FollowRound round;
    round.generation = generation;
    const std::string live_path = index_layout::XapianPath(local, generation);
    if (live == generation && RevisionAt(live_path) == revision) {
      round.revision = revision;
      return round;
    }

    const fs::path gen_dir = index_layout::GenerationPath(local, generation);
    fs::create_directories(gen_dir / "stores", error);
    if (error) return Status::IOError("creating " + gen_dir.string() + ": " + error.message());
    const std::string live_copy = LiveCopy(gen_dir);
    const std::string target = live_copy == kCopyA ? kCopyB : kCopyA;
    ARCHIVE_RETURN_IF_ERROR(SeedCopy(gen_dir, live_copy, target));
    json checkpoint;
    uint64_t replicated = 0;
    for (int attempt = 1;; ++attempt) {
      ARCHIVE_RETURN_IF_ERROR(Replicate(state.at("database"), state.at("xapian_port"),
                                        (gen_dir / target).string(), round.transfer));
      std::optional<uint64_t> at = RevisionAt((gen_dir / target).string());
      if (!at)
        return Status::Corruption("the replicated database in " + target + " cannot be read");
      replicated = *at;
      ARCHIVE_ASSIGN_OR_RETURN(
          checkpoint, Get("/replication/checkpoint?generation=" + std::to_string(generation)));
      if (checkpoint.at("clean") && checkpoint.at("revision") == replicated) break;
      if (attempt == kMatchAttempts)
        return Status::Unavailable(
            "the primary kept committing: its store checkpoint was at revision " +
            checkpoint.at("revision").dump() + (checkpoint.at("clean") ? "" : " (mid-update)") +
            ", the database at " + std::to_string(replicated));
      std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
    }
    ARCHIVE_ASSIGN_OR_RETURN(std::string fetched, FetchStore(gen_dir, checkpoint, replicated));
    round.transfer += "; store: " + fetched;

    // Store first, then the database, then (for a new generation) CURRENT.
    const std::string previous_store = StoreTarget(gen_dir);
    ARCHIVE_RETURN_IF_ERROR(LinkAtomically(
        gen_dir / "store", "stores/" + checkpoint.at("checkpoint").get<std::string>()));
    ARCHIVE_RETURN_IF_ERROR(WriteFileAtomically(gen_dir / "xapian", "auto " + target + "\n"));
    ARCHIVE_RETURN_IF_ERROR(index_layout::SyncDirectory(gen_dir.string()));
    if (live != generation) ARCHIVE_RETURN_IF_ERROR(index_layout::WriteCurrent(local, generation));
    RemoveOtherStores(gen_dir, {checkpoint.at("checkpoint"), previous_store});
    round.changed = true;
    round.revision = replicated;
    round.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return round;
  }

  // What the replica serves now, for messages.
  std::string Serving() const {
    StatusOr<std::optional<uint64_t>> live = index_layout::ReadCurrent(options_.index_dir);
    if (!live.ok() || !*live) return "nothing yet";
    std::optional<uint64_t> revision =
        RevisionAt(index_layout::XapianPath(options_.index_dir, **live));
    return "generation " + std::to_string(**live) + " revision " +
           (revision ? std::to_string(*revision) : "?");
  }

 private:
  httplib::Client Client() const {
    httplib::Client client(host_, port_);
    client.set_connection_timeout(options_.timeout_seconds, 0);
    client.set_read_timeout(options_.timeout_seconds, 0);
    client.set_write_timeout(options_.timeout_seconds, 0);
    return client;
  }

  StatusOr<json> Get(const std::string& path) const {
    httplib::Client client = Client();
    httplib::Result result = client.Get(path);
    if (!result)
      return Status::Unavailable("primary " + options_.primary + " unreachable (" +
                                 httplib::to_string(result.error()) + " error)");
    json body = json::parse(result->body, nullptr, false);
    if (result->status != 200 || body.is_discarded())
      return Status::Unavailable("primary " + options_.primary + " answered " + path + " with " +
                                 std::to_string(result->status) + ": " + result->body);
    return body;
  }

  Status Replicate(const std::string& database, int port, const std::string& target,
                   std::string& account) const {
    const std::vector<std::string> argv = {
        options_.replicate,
        "-h",
        host_,
        "-p",
        std::to_string(port),
        "-m",
        database,
        "-o",  // one round, driven by us
        "-r",
        "0",  // nobody reads this copy: apply changesets without waiting for readers
        "-t",
        std::to_string(options_.timeout_seconds),
        "-v",
        target};
    ARCHIVE_ASSIGN_OR_RETURN(ToolRun run,
                             RunTool(argv, std::chrono::seconds(options_.timeout_seconds + 5)));
    if (run.timed_out)
      return Status::Unavailable(options_.replicate + " from " + host_ + ":" +
                                 std::to_string(port) + " did not finish in " +
                                 std::to_string(options_.timeout_seconds + 5) + " s");
    if (run.exit_code != 0)
      return Status::Unavailable(options_.replicate + " from " + host_ + ":" +
                                 std::to_string(port) + " failed: " + Tail(run.output));
    const size_t complete = run.output.find("Update complete: ");
    account =
        "xapian-replicate: " + (complete == std::string::npos
                                    ? Tail(run.output)
                                    : Tail(run.output.substr(0, run.output.find('\n', complete))));
    return Status::Ok();
  }

  // The first time the second copy is needed, it starts as a local copy of the live one
  // (which nobody writes while it is live), so that it receives changesets, not a full
  // copy over the network.
  static Status SeedCopy(const fs::path& gen_dir, const std::string& live_copy,
                         const std::string& target) {
    std::error_code error;
    if (live_copy.empty() || fs::exists(gen_dir / target, error)) return Status::Ok();
    const fs::path seed = gen_dir / (target + ".seed");
    fs::remove_all(seed, error);
    fs::copy(gen_dir / live_copy, seed, fs::copy_options::recursive, error);
    if (!error) fs::rename(seed, gen_dir / target, error);
    if (error) return Status::IOError("seeding " + target + ": " + error.message());
    return Status::Ok();
  }

  // The checkpoint directory the store link names ("" when none).
  static std::string StoreTarget(const fs::path& gen_dir) {
    std::error_code error;
    const fs::path target = fs::read_symlink(gen_dir / "store", error);
    return error ? "" : target.filename().string();
  }

  // Fetches the files of `checkpoint` into stores/<name>: table files (immutable, numbered
  // once per store) already in the live copy are linked, not fetched.
  StatusOr<std::string> FetchStore(const fs::path& gen_dir, const json& checkpoint,
                                   uint64_t revision) const {
    const std::string name = checkpoint.at("checkpoint");
    const fs::path final_dir = gen_dir / "stores" / name;
    const fs::path partial = final_dir.string() + ".partial";
    const std::string live = StoreTarget(gen_dir);
    const fs::path reuse = gen_dir / "stores" / live;
    std::error_code error;
    fs::remove_all(partial, error);
    fs::create_directories(partial, error);
    if (error) return Status::IOError("creating " + partial.string() + ": " + error.message());
    size_t fetched = 0, linked = 0;
    uint64_t bytes = 0;
    for (const json& file : checkpoint.at("files")) {
      const std::string file_name = file.at("name");
      const uint64_t size = file.at("size");
      if (file_name.find('/') != std::string::npos || file_name.empty() || file_name[0] == '.')
        return Status::Corruption("bad file name in checkpoint: " + file_name);
      const fs::path have = reuse / file_name;
      if (!live.empty() && file_name.ends_with(".sst") && fs::exists(have, error) &&
          fs::file_size(have, error) == size) {
        fs::create_hard_link(have, partial / file_name, error);
        if (!error) {
          ++linked;
          continue;
        }
      }
      ARCHIVE_RETURN_IF_ERROR(Download(name, file_name, size, partial / file_name));
      ++fetched;
      bytes += size;
    }
    // What arrived must open and hold the revision the database copy is at.
    {
      ARCHIVE_ASSIGN_OR_RETURN(std::unique_ptr<DocStore> store,
                               DocStore::Open(partial.string(), DocStore::Mode::kReadOnly));
      ARCHIVE_ASSIGN_OR_RETURN(std::optional<std::string> held,
                               store->GetMetadata(schema::kRevisionKey));
      if (held.value_or("0") != std::to_string(revision))
        return Status::Corruption("the fetched store holds revision " + held.value_or("0") +
                                  ", not " + std::to_string(revision));
    }
    ARCHIVE_RETURN_IF_ERROR(index_layout::SyncDirectory(partial.string()));
    fs::rename(partial, final_dir, error);
    if (error) return Status::IOError("renaming " + partial.string() + ": " + error.message());
    return std::to_string(fetched) + " files fetched (" + std::to_string(bytes / 1024) + " KiB), " +
           std::to_string(linked) + " reused";
  }

  Status Download(const std::string& checkpoint, const std::string& file, uint64_t size,
                  const fs::path& to) const {
    DurableFile out(to);
    bool written = true;
    httplib::Client client = Client();
    httplib::Result result = client.Get("/replication/checkpoints/" + checkpoint + "/" + file,
                                        [&](const char* data, size_t length) {
                                          written = out.Write(data, length);
                                          return written;
                                        });
    if (!result)
      return Status::Unavailable("fetching " + file + " from " + options_.primary + ": " +
                                 httplib::to_string(result.error()));
    if (result->status != 200)
      return Status::Unavailable("fetching " + file + " from " + options_.primary + ": HTTP " +
                                 std::to_string(result->status));
    if (!written) return Status::IOError("writing " + to.string());
    ARCHIVE_RETURN_IF_ERROR(out.Finish());
    std::error_code error;
    if (fs::file_size(to, error) != size)
      return Status::Corruption("fetching " + file + ": " + std::to_string(size) +
                                " bytes announced, another size received");
    return Status::Ok();
  }

  // Generations neither live here nor live on the primary: the one replaced in an earlier
  // round (readers have moved on since), or half-fetched ones the primary dropped.
  Status RemoveOtherGenerations(std::optional<uint64_t> live, uint64_t primary) const {
    ARCHIVE_ASSIGN_OR_RETURN(std::vector<uint64_t> generations,
                             index_layout::ListGenerations(options_.index_dir));
    for (uint64_t generation : generations) {
      if (generation == primary || generation == live) continue;
      std::error_code error;
      fs::remove_all(index_layout::GenerationPath(options_.index_dir, generation), error);
      if (error) return Status::IOError("removing an old generation: " + error.message());
    }
    return Status::Ok();
  }

  static void RemoveOtherStores(const fs::path& gen_dir, const std::vector<std::string>& keep) {
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(gen_dir / "stores", error)) {
      const std::string name = entry.path().filename().string();
      if (std::find(keep.begin(), keep.end(), name) == keep.end()) fs::remove_all(entry, error);
    }
  }

  const FollowOptions& options_;
  std::string host_;
  int port_ = 0;
};

std::string Describe(const FollowRound& round) {
  std::ostringstream out;
  out.precision(2);
  out << std::fixed << "follow: generation " << round.generation << " revision " << round.revision
      << " live in " << round.seconds << " s (" << round.transfer << ")";
  return out.str();
}

}  // namespace

Status Follow(const FollowOptions& options) {
  const sigset_t stop_signals = BlockStopSignals();
  Follower follower(options);
  ARCHIVE_RETURN_IF_ERROR(follower.Connect());
  std::ostringstream interval;
  interval << options.interval_seconds;
  bool failing = false;
  std::string last_failure;
  auto last_report = Clock::now();
  for (;;) {
    StatusOr<FollowRound> round = follower.Round();
    if (!round.ok()) {
      // Said once, then again only when it changes or every minute, not every round.
      const std::string failure = round.status().message();
      if (failure != last_failure || Clock::now() - last_report > std::chrono::minutes(1)) {
        std::cerr << "follow: round failed: " << failure << "; still serving " << follower.Serving()
                  << (options.once ? "" : "; retrying every " + interval.str() + " s") << std::endl;
        last_failure = failure;
        last_report = Clock::now();
      }
      failing = true;
      if (options.once) return round.status();
    } else if (round->changed) {
      std::cerr << Describe(*round) << std::endl;
      failing = false;
      last_failure.clear();
    } else if (failing || options.once) {
      std::cerr << "follow: up to date at generation " << round->generation << " revision "
                << round->revision << std::endl;
      failing = false;
      last_failure.clear();
    }
    if (options.once) return Status::Ok();
    const auto wait = std::chrono::duration<double>(options.interval_seconds);
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(wait).count();
    const timespec pause{static_cast<time_t>(nanos / 1000000000),
                         static_cast<long>(nanos % 1000000000)};
    if (sigtimedwait(&stop_signals, nullptr, &pause) > 0) return Status::Ok();
  }
}

}  // namespace archive::replica
