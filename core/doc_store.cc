#include "core/doc_store.h"

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/options.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>

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

}  // namespace

std::string EncodeArticle(const Article& article) {
  nlohmann::json record = {
      {"id", article.id},         {"kind", article.kind},       {"title", article.title},
      {"body", article.body},     {"url", article.url},         {"date", article.date},
      {"issue", article.issue},   {"authors", article.authors}, {"topics", article.topics},
      {"cities", article.cities}, {"summary", article.summary}, {"lang", article.lang}};
  std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(record);
  return std::string(bytes.begin(), bytes.end());
}

// Reads the CBOR record straight into an Article (nlohmann's SAX interface): building a
// JSON DOM first and copying each field out of it was two thirds of fetching a hit
// (~190,000 instructions per hit, profiled at 100,000 articles). The rules are the DOM
// reader's: an object with every field below of its type, unknown keys ignored, the last
// of duplicate keys wins, the derived flags optional.
namespace {

class ArticleReader {
 public:
  using json = nlohmann::json;
  explicit ArticleReader(Article& article) : article_(article) {}

  bool null() { return Scalar(); }
  bool boolean(bool value) {
    if (field_ == kTopicsDerived || field_ == kCitiesDerived) {
      (field_ == kTopicsDerived ? article_.topics_derived : article_.cities_derived) = value;
      return Done();
    }
    if (field_ == kIssue) return Issue(value ? 1 : 0);
    return Scalar();
  }
  bool number_integer(json::number_integer_t value) { return Number(value); }
  bool number_unsigned(json::number_unsigned_t value) { return Number(value); }
  bool number_float(json::number_float_t value, const json::string_t&) { return Number(value); }
  bool string(json::string_t& value) {
    if (depth_ == 2 && list_ != nullptr) {
      list_->push_back(std::move(value));
      return true;
    }
    if (depth_ != 1 || field_ == kUnknown) return Scalar();
    std::string* target = StringField();
    if (target == nullptr) return Fail("a field of the wrong type");
    *target = std::move(value);
    return Done();
  }
  bool binary(json::binary_t&) { return Scalar(); }
  bool start_object(std::size_t) {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    return Container();
  }
  bool key(json::string_t& name) {
    if (depth_ == 1) field_ = FieldOf(name);
    return true;
  }
  bool end_object() { return Close(); }
  bool start_array(std::size_t) {
    if (depth_ == 1 && (field_ == kAuthors || field_ == kTopics || field_ == kCities)) {
      list_ = field_ == kAuthors  ? &article_.authors
              : field_ == kTopics ? &article_.topics
                                  : &article_.cities;
      list_->clear();
      depth_ = 2;
      return true;
    }
    if (depth_ == 0) return Fail("not an object");
    return Container();
  }
  bool end_array() {
    if (depth_ == 2 && list_ != nullptr) {
      list_ = nullptr;
      depth_ = 1;
      return Done();
    }
    return Close();
  }
  bool parse_error(std::size_t, const std::string&, const json::exception& error) {
    return Fail(error.what());
  }

  // After a successful parse: the first problem, or an empty string.
  std::string Problem() const {
    if (!error_.empty()) return error_;
    if ((seen_ & kRequired) != kRequired) return "a field is missing";
    return "";
  }

 private:
  enum Field {
    kId,
    kKind,
    kTitle,
    kBody,
    kUrl,
    kDate,
    kIssue,
    kAuthors,
    kTopics,
    kCities,
    kSummary,
    kLang,
    kTopicsDerived,
    kCitiesDerived,
    kUnknown
  };
  static constexpr uint32_t kRequired = (1u << (kLang + 1)) - 1;  // kId .. kLang

  static Field FieldOf(std::string_view name) {
    static constexpr std::pair<std::string_view, Field> kNames[] = {
        {"id", kId},
        {"kind", kKind},
        {"title", kTitle},
        {"body", kBody},
        {"url", kUrl},
        {"date", kDate},
        {"issue", kIssue},
        {"authors", kAuthors},
        {"topics", kTopics},
        {"cities", kCities},
        {"summary", kSummary},
        {"lang", kLang},
        {"topics_derived", kTopicsDerived},
        {"cities_derived", kCitiesDerived}};
    for (const auto& [known, field] : kNames)
      if (known == name) return field;
    return kUnknown;
  }

  std::string* StringField() {
    switch (field_) {
      case kId:
        return &article_.id;
      case kKind:
        return &article_.kind;
      case kTitle:
        return &article_.title;
      case kBody:
        return &article_.body;
      case kUrl:
        return &article_.url;
      case kDate:
        return &article_.date;
      case kSummary:
        return &article_.summary;
      case kLang:
        return &article_.lang;
      default:
        return nullptr;
    }
  }

  template <typename Value>
  bool Number(Value value) {
    if (depth_ == 1 && field_ == kIssue) return Issue(static_cast<int>(value));
    return Scalar();
  }
  bool Issue(int value) {
    article_.issue = value;
    return Done();
  }
  // A value of a known field, stored: mark it seen.
  bool Done() {
    seen_ |= 1u << field_;
    return true;
  }
  // Any other scalar: fine inside an unknown key's value, wrong for a known field.
  bool Scalar() {
    if (depth_ == 1 && field_ != kUnknown) return Fail("a field of the wrong type");
    if (depth_ == 2 && list_ != nullptr) return Fail("a list of something other than text");
    return true;
  }
  bool Container() {
    if (depth_ == 1 && field_ != kUnknown) return Fail("a field of the wrong type");
    if (depth_ == 2 && list_ != nullptr) return Fail("a list of something other than text");
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }
  bool Fail(std::string what) {
    if (error_.empty()) error_ = std::move(what);
    return false;
  }

  Article& article_;
  int depth_ = 0;  // 1: the record's fields; 2: a list field's items (or deeper: skipped)
  Field field_ = kUnknown;
  std::vector<std::string>* list_ = nullptr;
  uint32_t seen_ = 0;
  std::string error_;
};

}  // namespace

StatusOr<Article> DecodeArticle(std::string_view bytes) {
  Article article;
  ArticleReader reader(article);
  const bool parsed = nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &reader,
                                                nlohmann::json::input_format_t::cbor, true);
  std::string problem = reader.Problem();
  if (!parsed && problem.empty()) problem = "not a CBOR object";
  if (!problem.empty()) return Status::Corruption("stored article: " + problem);
  return article;
}

namespace {

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
