// fts5_baseline: the SQLite FTS5 peer that bench/run measures archive search against, on
// the same archive and the same query file, the same way (in-process, one thread):
//
//   fts5_baseline index --db FILE ARCHIVE.jsonl     (prints one JSON summary line)
//   fts5_baseline query --db FILE --queries FILE [--limit 10] [--full] [--timing]
//
// Index: the articles' title and plain text (HTML tags dropped) into an FTS5 table with
// tokenize='porter unicode61', one transaction; topics, cities and year in side tables.
// Query: the subset of our query language the benchmark's query set uses (words, "phrases",
// topic:"X", city:"X"), all words required, ranked by bm25(). --full adds what our
// "top-10 + snippets + exact topic/city/year counts" mode does: snippet() per hit and
// GROUP BY counts over the whole match set, disjunctive like ours (a facet's counts
// ignore its own filter). Output: a TREC run on standard output; with --timing,
// "qid<TAB>microseconds" per query on standard error, as archive-search --timing.
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// --- SQLite, thinly ------------------------------------------------------------------

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) Die("open " + path);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void Exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error != nullptr ? error : "?";
      sqlite3_free(error);
      Die(sql + ": " + message);
    }
  }
  sqlite3* get() { return db_; }
  [[noreturn]] void Die(const std::string& what) {
    std::cerr << "fts5_baseline: " << what << ": " << sqlite3_errmsg(db_) << "\n";
    std::exit(2);
  }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement, reset and rebound for each use.
class Statement {
 public:
  Statement(Db& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v3(db.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
        SQLITE_OK)
      db.Die("prepare " + sql);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return *this;
  }
  Statement& Bind(int index, const std::string& text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }
  // True while there is a row; an error (a query FTS5 cannot parse) ends the rows.
  bool Step() {
    const int code = sqlite3_step(stmt_);
    if (code == SQLITE_ROW) return true;
    if (code != SQLITE_DONE) failed_ = true;
    return false;
  }
  void Run() {
    while (Step()) {
    }
  }
  bool failed() const { return failed_; }
  void ClearFailure() { failed_ = false; }
  std::string Text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    return text != nullptr ? reinterpret_cast<const char*>(text) : "";
  }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool failed_ = false;
};

// --- Indexing --------------------------------------------------------------------------

// Tags dropped, the common entities decoded: enough for the generator's HTML bodies.
std::string PlainText(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  bool in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      out += ' ';
    } else if (c == '&') {
      static const std::pair<const char*, const char*> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
      bool decoded = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.compare(i, std::strlen(entity), entity) == 0) {
          out += text;
          i += std::strlen(entity) - 1;
          decoded = true;
          break;
        }
      }
      if (!decoded) out += c;
    } else {
      out += c;
    }
  }
  return out;
}

int Index(const std::string& db_path, const std::string& archive_path) {
  const auto started = Clock::now();
  std::remove(db_path.c_str());
  Db db(db_path);
  // A bulk load: durability is not what is measured (our rebuild syncs once at the end).
  db.Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
  db.Exec(
      "CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61');"
      "CREATE TABLE doc(rowid INTEGER PRIMARY KEY, id TEXT, year INTEGER);"
      "CREATE TABLE doc_topic(rowid INTEGER, topic TEXT);"
      "CREATE TABLE doc_city(rowid INTEGER, city TEXT);");
  db.Exec("BEGIN");
  Statement fts(db, "INSERT INTO fts(rowid, title, body) VALUES (?1, ?2, ?3)");
  Statement doc(db, "INSERT INTO doc(rowid, id, year) VALUES (?1, ?2, ?3)");
  Statement topic(db, "INSERT INTO doc_topic(rowid, topic) VALUES (?1, ?2)");
  Statement city(db, "INSERT INTO doc_city(rowid, city) VALUES (?1, ?2)");
  std::ifstream in(archive_path);
  if (!in) {
    std::cerr << "fts5_baseline: cannot read " << archive_path << "\n";
    return 2;
  }
  int64_t rowid = 0;
  uint64_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    bytes += line.size() + 1;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || record.value("kind", "article") != "article") continue;
    ++rowid;
    fts.Reset()
        .Bind(1, rowid)
        .Bind(2, record.value("title", ""))
        .Bind(3, PlainText(record.value("body", "")));
    fts.Run();
    const std::string date = record.value("date", "");
    doc.Reset().Bind(1, rowid).Bind(2, record.value("id", ""));
    doc.Bind(3, static_cast<int64_t>(date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0));
    doc.Run();
    for (const std::string& value : record.value("topics", std::vector<std::string>{})) {
      topic.Reset().Bind(1, rowid).Bind(2, value);
      topic.Run();
    }
    for (const std::string& value : record.value("cities", std::vector<std::string>{})) {
      city.Reset().Bind(1, rowid).Bind(2, value);
      city.Run();
    }
    if (fts.failed() || doc.failed()) db.Die("insert");
  }
  db.Exec(
      "CREATE INDEX doc_topic_rowid ON doc_topic(rowid);"
      "CREATE INDEX doc_topic_topic ON doc_topic(topic, rowid);"
      "CREATE INDEX doc_city_rowid ON doc_city(rowid);"
      "CREATE INDEX doc_city_city ON doc_city(city, rowid);");
  db.Exec("COMMIT");
  // Merged to one b-tree, as our rebuild compacts: the fair state to query.
  db.Exec("INSERT INTO fts(fts) VALUES('optimize')");
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::cout << nlohmann::json{{"articles", rowid},
                              {"input_bytes", bytes},
                              {"seconds", seconds},
                              {"articles_per_s", static_cast<double>(rowid) / seconds}}
                   .dump()
            << "\n";
  return 0;
}

// --- Querying --------------------------------------------------------------------------

struct ParsedQuery {
  std::string match;  // the FTS5 MATCH expression; empty: none
  std::string topic;  // filters; empty: none
  std::string city;
};

std::string Fts5String(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Words and "phrases" become FTS5 strings (implicitly ANDed); topic:/city: become filters.
ParsedQuery Parse(const std::string& query) {
  ParsedQuery parsed;
  size_t i = 0;
  auto token = [&]() {  // a word, or a quoted run
    std::string out;
    if (i < query.size() && query[i] == '"') {
      const size_t end = query.find('"', i + 1);
      out = query.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
      i = end == std::string::npos ? query.size() : end + 1;
    } else {
      const size_t end = std::min(query.find(' ', i), query.size());
      out = query.substr(i, end - i);
      i = end;
    }
    return out;
  };
  while (i < query.size()) {
    if (query[i] == ' ') {
      ++i;
      continue;
    }
    std::string* filter = nullptr;
    if (query.compare(i, 6, "topic:") == 0) {
      filter = &parsed.topic;
      i += 6;
    } else if (query.compare(i, 5, "city:") == 0) {
      filter = &parsed.city;
      i += 5;
    }
    const std::string text = token();
    if (filter != nullptr) {
      *filter = text;
    } else if (!text.empty()) {
      parsed.match += (parsed.match.empty() ? "" : " ") + Fts5String(text);
    }
  }
  return parsed;
}

// The match set, optionally narrowed by each filter (an empty filter value matches all).
const char* kMatchSet =
    "SELECT rowid FROM fts WHERE fts MATCH ?1"
    " AND (?2 = '' OR rowid IN (SELECT rowid FROM doc_topic WHERE topic = ?2))"
    " AND (?3 = '' OR rowid IN (SELECT rowid FROM doc_city WHERE city = ?3))";

class QueryRunner {
 public:
  QueryRunner(Db& db, int limit)
      : top_(db,
             "SELECT fts.rowid, doc.id, fts.rank FROM fts JOIN doc ON doc.rowid = fts.rowid"
             " WHERE fts MATCH ?1"
             " AND (?2 = '' OR fts.rowid IN (SELECT rowid FROM doc_topic WHERE topic = ?2))"
             " AND (?3 = '' OR fts.rowid IN (SELECT rowid FROM doc_city WHERE city = ?3))"
             " ORDER BY fts.rank LIMIT ?4"),
        // Per hit, after ranking: snippet() in the ranked query would run for every match.
        snippet_(db,
                 "SELECT snippet(fts, 1, '<mark>', '</mark>', '…', 30) FROM fts"
                 " WHERE fts MATCH ?1 AND rowid = ?2"),
        topics_(db, std::string("SELECT topic, count(*) FROM doc_topic WHERE rowid IN (") +
                        kMatchSet + ") GROUP BY topic ORDER BY 2 DESC"),
        cities_(db, std::string("SELECT city, count(*) FROM doc_city WHERE rowid IN (") +
                        kMatchSet + ") GROUP BY city ORDER BY 2 DESC"),
        years_(db, std::string("SELECT year, count(*) FROM doc WHERE rowid IN (") + kMatchSet +
                       ") GROUP BY year ORDER BY 2 DESC"),
        limit_(limit) {}

  struct Outcome {
    std::vector<std::pair<std::string, double>> hits;
    uint64_t facet_values = 0;  // read, so the work cannot be skipped
    uint64_t snippet_bytes = 0;
    bool failed = false;
  };

  Outcome Run(const ParsedQuery& query, bool full) {
    Outcome outcome;
    top_.Reset().Bind(1, query.match).Bind(2, query.topic).Bind(3, query.city);
    top_.Bind(4, static_cast<int64_t>(limit_));
    std::vector<int64_t> rowids;
    while (top_.Step()) {
      rowids.push_back(top_.Int(0));
      outcome.hits.emplace_back(top_.Text(1), top_.Double(2));
    }
    outcome.failed = top_.failed();
    top_.ClearFailure();
    if (!full || outcome.failed) return outcome;
    for (int64_t rowid : rowids) {
      snippet_.Reset().Bind(1, query.match).Bind(2, rowid);
      while (snippet_.Step()) outcome.snippet_bytes += snippet_.Text(0).size();
    }
    // Disjunctive: the topic counts ignore the topic filter, the city counts the city one.
    Count(topics_, query.match, "", query.city, outcome);
    Count(cities_, query.match, query.topic, "", outcome);
    Count(years_, query.match, query.topic, query.city, outcome);
    return outcome;
  }

 private:
  static void Count(Statement& statement, const std::string& match, const std::string& topic,
                    const std::string& city, Outcome& outcome) {
    statement.Reset().Bind(1, match).Bind(2, topic).Bind(3, city);
    while (statement.Step()) outcome.facet_values += statement.Int(1) > 0 ? 1 : 0;
    outcome.failed = outcome.failed || statement.failed();
    statement.ClearFailure();
  }

  Statement top_, snippet_, topics_, cities_, years_;
  int limit_;
};

int Query(const std::string& db_path, const std::string& queries_path, int limit, bool full,
          bool timing) {
  Db db(db_path);
  QueryRunner runner(db, limit);
  std::ifstream in(queries_path);
  if (!in) {
    std::cerr << "fts5_baseline: cannot read " << queries_path << "\n";
    return 2;
  }
  int exit_code = 0;
  uint64_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    const size_t tab = line.find('\t');
    if (line.empty() || tab == std::string::npos) continue;
    const std::string qid = line.substr(0, tab);
    const auto started = Clock::now();
    const ParsedQuery parsed = Parse(line.substr(tab + 1));
    if (parsed.match.empty()) {
      std::cerr << "fts5_baseline: " << queries_path << ":" << number << ": no words\n";
      exit_code = 2;
      continue;
    }
    const QueryRunner::Outcome outcome = runner.Run(parsed, full);
    const auto elapsed = Clock::now() - started;
    if (outcome.failed) {
      std::cerr << "fts5_baseline: " << queries_path << ":" << number << ": "
                << sqlite3_errmsg(db.get()) << "\n";
      exit_code = 2;
      continue;
    }
    if (timing) {
      std::cerr << qid << "\t"
                << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() << "\n";
    }
    int rank = 0;
    for (const auto& [id, score] : outcome.hits)
      std::printf("%s Q0 %s %d %.6f fts5\n", qid.c_str(), id.c_str(), ++rank, -score);
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"SQLite FTS5 baseline for bench/run"};
  app.require_subcommand(1);
  std::string db_path, archive_path, queries_path;
  int limit = 10;
  bool full = false, timing = false;
  CLI::App* index = app.add_subcommand("index", "Index a JSON Lines archive");
  index->add_option("--db", db_path, "SQLite database file (replaced)")->required();
  index->add_option("archive", archive_path, "JSON Lines archive")->required();
  CLI::App* query = app.add_subcommand("query", "Run a qid<TAB>query file");
  query->add_option("--db", db_path, "SQLite database file")->required();
  query->add_option("--queries", queries_path, "qid<TAB>query lines")->required();
  query->add_option("--limit", limit, "Hits per query")->check(CLI::Range(1, 1000));
  query->add_flag("--full", full, "Also snippets and topic/city/year counts");
  query->add_flag("--timing", timing, "qid<TAB>microseconds per query on standard error");
  CLI11_PARSE(app, argc, argv);
  if (index->parsed()) return Index(db_path, archive_path);
  return Query(db_path, queries_path, limit, full, timing);
}
