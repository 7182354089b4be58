// Writers for reference managers and spreadsheets: CSV (RFC 4180), BibTeX and RIS. Each
// hit is one record with its full metadata and URL.
#include <fmt/core.h>

#include "output/writer_internal.h"

namespace archive::output::internal {
namespace {

std::string Joined(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += separator;
    out += value;
  }
  return out;
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

class CsvWriter : public ResultWriter {
 public:
  CsvWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void Begin(const query::SearchResult*) override {
    if (!options_.csv_header) return;
    if (options_.with_qid) out_ << "qid,";
    out_ << "rank,id,title,date,issue,kind,lang,authors,topics,cities,url,score,snippet\r\n";
  }
  void Write(const query::Hit& hit) override {
    const std::string fields[] = {std::to_string(hit.rank),
                                  hit.id,
                                  hit.title,
                                  hit.date,
                                  hit.issue > 0 ? std::to_string(hit.issue) : "",
                                  hit.kind,
                                  hit.lang,
                                  Joined(hit.authors, "; "),
                                  Joined(hit.topics, "; "),
                                  Joined(hit.cities, "; "),
                                  hit.url,
                                  fmt::format("{:.6f}", hit.score),
                                  hit.snippet};
    std::string line = options_.with_qid ? CsvField(options_.qid) : "";
    for (const std::string& field : fields) {
      if (!line.empty()) line += ',';
      line += CsvField(field);
    }
    out_ << line << "\r\n";
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
};

// BibTeX's special characters, escaped so that titles survive LaTeX.
std::string Bibtex(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '{':
      case '}':
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

class BibtexWriter : public ResultWriter {
 public:
  BibtexWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void Write(const query::Hit& hit) override {
    out_ << "@article{" << hit.id << ",\n";
    Field("title", fmt::format("{{{}}}", Bibtex(hit.title)));
    Field("author", Bibtex(Joined(hit.authors, " and ")));
    Field("journal", Bibtex(options_.publication));
    if (hit.date.size() == 10) {
      Field("year", hit.date.substr(0, 4));
      Field("month", hit.date.substr(5, 2));
      Field("date", hit.date);
    }
    if (hit.issue > 0) Field("number", std::to_string(hit.issue));
    Field("url", hit.url);
    Field("language", hit.lang);
    std::vector<std::string> keywords = hit.topics;
    keywords.insert(keywords.end(), hit.cities.begin(), hit.cities.end());
    Field("keywords", Bibtex(Joined(keywords, ", ")));
    Field("abstract", Bibtex(hit.summary));
    out_ << "}\n\n";
  }

 private:
  void Field(std::string_view name, const std::string& value) {
    if (!value.empty()) out_ << "  " << name << " = {" << value << "},\n";
  }
  std::ostream& out_;
  WriterOptions options_;
};

class RisWriter : public ResultWriter {
 public:
  RisWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}
  void Write(const query::Hit& hit) override {
    Tag("TY", "NEWS");
    Tag("ID", hit.id);
    Tag("TI", hit.title);
    for (const std::string& author : hit.authors) Tag("AU", author);
    Tag("JO", options_.publication);
    if (hit.date.size() == 10) {
      Tag("PY", hit.date.substr(0, 4));
      Tag("DA", fmt::format("{}/{}/{}", hit.date.substr(0, 4), hit.date.substr(5, 2),
                            hit.date.substr(8, 2)));
    }
    if (hit.issue > 0) Tag("IS", std::to_string(hit.issue));
    for (const std::string& topic : hit.topics) Tag("KW", topic);
    for (const std::string& city : hit.cities) Tag("KW", city);
    Tag("LA", hit.lang);
    Tag("AB", hit.summary);
    Tag("UR", hit.url);
    out_ << "ER  - \r\n\r\n";
  }

 private:
  void Tag(std::string_view tag, std::string_view value) {
    if (value.empty()) return;
    std::string line(value);
    for (char& c : line) {
      if (c == '\r' || c == '\n') c = ' ';
    }
    out_ << tag << "  - " << line << "\r\n";
  }
  std::ostream& out_;
  WriterOptions options_;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeCsvWriter(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<CsvWriter>(out, options);
}
std::unique_ptr<ResultWriter> MakeBibtexWriter(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<BibtexWriter>(out, options);
}
std::unique_ptr<ResultWriter> MakeRisWriter(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<RisWriter>(out, options);
}

}  // namespace archive::output::internal
