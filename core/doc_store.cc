#include "core/doc_store.h"

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/options.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/rocksdb_errors.h"

namespace archive {
namespace {

// Key spaces, one letter each so they sort apart.
constexpr std::string_view kVersionKey = "v/";   // v/<id>\0<hash> -> CBOR article
constexpr std::string_view kCurrentKey = "c/";   // c/<id>         -> hash
constexpr std::string_view kMetadataKey = "m/";  // m/<key>        -> value

std::string VersionKey(std::string_view id, std::string_view hash) {
  std::string key(kVersionKey);
  key.append(id);
  key += '\0';
  key.append(hash);
  return key;
}

std::string PrefixedKey(std::string_view prefix, std::string_view name) {
  std::string key(prefix);
  key.append(name);
  return key;
}

std::string EncodeArticle(const Article& article) {
  nlohmann::json record = {
      {"id", article.id},         {"kind", article.kind},       {"title", article.title},
      {"body", article.body},     {"url", article.url},         {"date", article.date},
      {"issue", article.issue},   {"authors", article.authors}, {"topics", article.topics},
      {"cities", article.cities}, {"summary", article.summary}, {"lang", article.lang}};
  std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(record);
  return std::string(bytes.begin(), bytes.end());
}

StatusOr<Article> DecodeArticle(std::string_view bytes) {
  nlohmann::json record = nlohmann::json::from_cbor(bytes, true, false);
  if (record.is_discarded() || !record.is_object())
    return Status::Corruption("stored article is not a CBOR object");
  Article article;
  try {
    article.id = record.at("id").get<std::string>();
    article.kind = record.at("kind").get<std::string>();
    article.title = record.at("title").get<std::string>();
    article.body = record.at("body").get<std::string>();
    article.url = record.at("url").get<std::string>();
    article.date = record.at("date").get<std::string>();
    article.issue = record.at("issue").get<int>();
    article.authors = record.at("authors").get<std::vector<std::string>>();
    article.topics = record.at("topics").get<std::vector<std::string>>();
    article.cities = record.at("cities").get<std::vector<std::string>>();
    article.summary = record.at("summary").get<std::string>();
    article.lang = record.at("lang").get<std::string>();
    article.topics_derived = record.value("topics_derived", false);
    article.cities_derived = record.value("cities_derived", false);
  } catch (const nlohmann::json::exception& error) {
    return Status::Corruption(std::string("stored article: ") + error.what());
  }
  return article;
}

// RocksDB's informational log, sent to standard error from warnings up instead of to a LOG
// file in the store. A LOG file shares the store's disk: when a write to it fails (disk
// full, EIO), Debian's RocksDB (built with assertions) aborts on the logger's next line,
// and the run ends without our error line. Warnings and errors stay visible this way.
class StandardErrorLogger : public rocksdb::Logger {
 public:
  StandardErrorLogger() : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[1024];
    std::vsnprintf(line, sizeof line, format, ap);
    std::fprintf(stderr, "rocksdb: %s\n", line);
  }
};

rocksdb::Options StoreOptions() {
  rocksdb::Options options;
  options.info_log = std::make_shared<StandardErrorLogger>();
  options.create_if_missing = true;
  options.compression = rocksdb::kLZ4Compression;  // fast enough to read ten hits per query
  options.bottommost_compression = rocksdb::kZSTD;
  options.max_open_files = 256;
  return options;
}

}  // namespace

DocStore::DocStore(std::unique_ptr<rocksdb::DB> db, Mode mode) : db_(std::move(db)), mode_(mode) {}
DocStore::~DocStore() = default;

StatusOr<std::unique_ptr<DocStore>> DocStore::Open(const std::string& path, Mode mode) {
  rocksdb::Options options = StoreOptions();
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status;
  if (mode != Mode::kReadOnly) {
    // RocksDB would create it too, but first logs an error about the missing directory.
    std::error_code ignored;
    std::filesystem::create_directories(path, ignored);
  }
  if (mode == Mode::kReadWrite) {
    status = rocksdb::DB::Open(options, path, &raw);
  } else if (mode == Mode::kBulkLoad) {
    options.write_buffer_size = 128 << 20;  // fewer, larger table files to compact at the end
    status = rocksdb::DB::Open(options, path, &raw);
  } else {
    options.create_if_missing = false;
    // Keep every table file open from the start: the writer may compact and delete files
    // while this reader still serves the state it opened, and an open file stays readable.
    options.max_open_files = -1;
    status = rocksdb::DB::OpenForReadOnly(options, path, &raw);
  }
  if (!status.ok()) {
    if (mode == Mode::kReadOnly && status.IsInvalidArgument())
      return Status::NotFound("no document store at " + path);
    return FromRocksDb("opening document store " + path, status);
  }
  return std::unique_ptr<DocStore>(new DocStore(std::unique_ptr<rocksdb::DB>(raw), mode));
}

Status DocStore::Put(const Article& article, std::string_view hash) {
  return FromRocksDb(
      "storing " + article.id,
      db_->Put(rocksdb::WriteOptions(), VersionKey(article.id, hash), EncodeArticle(article)));
}

Status DocStore::PutCurrent(const std::vector<Article>& articles,
                            const std::vector<std::string>& hashes) {
  rocksdb::WriteBatch batch;
  for (size_t i = 0; i < articles.size(); ++i) {
    rocksdb::Status status =
        batch.Put(VersionKey(articles[i].id, hashes[i]), EncodeArticle(articles[i]));
    if (status.ok()) status = batch.Put(PrefixedKey(kCurrentKey, articles[i].id), hashes[i]);
    if (!status.ok()) return FromRocksDb("storing " + articles[i].id, status);
  }
  rocksdb::WriteOptions options;
  options.disableWAL = mode_ == Mode::kBulkLoad;  // Sync() writes table files instead
  return FromRocksDb("storing articles", db_->Write(options, &batch));
}

Status DocStore::SetCurrent(std::string_view id, std::string_view hash) {
  return FromRocksDb("storing " + std::string(id),
                     db_->Put(rocksdb::WriteOptions(), PrefixedKey(kCurrentKey, id),
                              rocksdb::Slice(hash.data(), hash.size())));
}

StatusOr<Article> DocStore::Get(std::string_view id, std::string_view hash) const {
  std::string bytes;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), VersionKey(id, hash), &bytes);
  if (!status.ok()) return FromRocksDb("reading " + std::string(id), status);
  return DecodeArticle(bytes);
}

StatusOr<std::optional<std::string>> DocStore::CurrentHash(std::string_view id) const {
  std::string hash;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), PrefixedKey(kCurrentKey, id), &hash);
  if (status.IsNotFound()) return std::optional<std::string>();
  if (!status.ok()) return FromRocksDb("reading " + std::string(id), status);
  return std::optional<std::string>(std::move(hash));
}

Status DocStore::DeleteVersion(std::string_view id, std::string_view hash) {
  return FromRocksDb("deleting " + std::string(id),
                     db_->Delete(rocksdb::WriteOptions(), VersionKey(id, hash)));
}

Status DocStore::DeleteCurrent(std::string_view id) {
  return FromRocksDb("deleting " + std::string(id),
                     db_->Delete(rocksdb::WriteOptions(), PrefixedKey(kCurrentKey, id)));
}

Status DocStore::ForEachCurrent(
    const std::function<void(std::string_view, std::string_view)>& visit) const {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(kCurrentKey); it->Valid() && it->key().starts_with(kCurrentKey); it->Next()) {
    std::string_view key = it->key().ToStringView();
    key.remove_prefix(kCurrentKey.size());
    visit(key, it->value().ToStringView());
  }
  return FromRocksDb("listing articles", it->status());
}

Status DocStore::ForEachVersion(
    const std::function<void(std::string_view, std::string_view)>& visit) const {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(kVersionKey); it->Valid() && it->key().starts_with(kVersionKey); it->Next()) {
    std::string_view key = it->key().ToStringView();
    key.remove_prefix(kVersionKey.size());
    size_t separator = key.find('\0');
    if (separator == std::string_view::npos) continue;  // not a key this class wrote
    visit(key.substr(0, separator), key.substr(separator + 1));
  }
  return FromRocksDb("listing stored versions", it->status());
}

Status DocStore::PutMetadata(std::string_view key, std::string_view value) {
  return FromRocksDb("writing metadata",
                     db_->Put(rocksdb::WriteOptions(), PrefixedKey(kMetadataKey, key),
                              rocksdb::Slice(value.data(), value.size())));
}

StatusOr<std::optional<std::string>> DocStore::GetMetadata(std::string_view key) const {
  std::string value;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), PrefixedKey(kMetadataKey, key), &value);
  if (status.IsNotFound()) return std::optional<std::string>();
  if (!status.ok()) return FromRocksDb("reading metadata", status);
  return std::optional<std::string>(std::move(value));
}

Status DocStore::Sync() {
  if (mode_ != Mode::kBulkLoad) return FromRocksDb("syncing document store", db_->SyncWAL());
  // Writes that skipped the log are in memory only until flushed; RocksDB syncs the table
  // files it writes. Compacting everything to the bottom level stores it compressed with
  // zstd (the bottommost compression), the smallest form on disk.
  rocksdb::Status status = db_->Flush(rocksdb::FlushOptions());
  if (status.ok()) {
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
    status = db_->CompactRange(compact, nullptr, nullptr);
  }
  if (status.ok()) status = db_->SyncWAL();  // metadata written through the log
  return FromRocksDb("syncing document store", status);
}

Status DocStore::Checkpoint(const std::string& dir) const {
  rocksdb::Checkpoint* raw = nullptr;
  rocksdb::Status status = rocksdb::Checkpoint::Create(db_.get(), &raw);
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // A read-only handle cannot flush, so the log files are copied instead of flushed
  // (log_size_for_flush at its maximum); a read-write one flushes as usual.
  const uint64_t log_size_for_flush = mode_ == Mode::kReadOnly ? UINT64_MAX : 0;
  if (status.ok()) status = checkpoint->CreateCheckpoint(dir, log_size_for_flush);
  return FromRocksDb("checkpointing document store", status);
}

}  // namespace archive
