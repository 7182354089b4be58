// Search as you type: completions of the word being typed, and headlines that match.
// Both read only the term lists and the top of one small ranking, so that an answer
// takes a few milliseconds even on a large archive.
#include <algorithm>
#include <set>

#include "core/schema.h"
#include "query/search_run.h"

namespace archive::query {
namespace {

constexpr uint32_t kMaxSuggestions = 50;
// Terms looked at per completion list: a one-letter prefix must not walk the lexicon.
constexpr int kMaxScannedTerms = 5000;
constexpr Xapian::termcount kMaxWildcardTerms = 100;

bool IsWordByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
}

struct TypedWords {
  std::vector<std::string> complete;  // words already finished
  std::string partial;                // the word being typed; empty after a space
};

TypedWords SplitTyped(const std::string& folded) {
  TypedWords typed;
  std::string word;
  for (char c : folded) {
    if (IsWordByte(c)) {
      word += c;
    } else if (!word.empty()) {
      typed.complete.push_back(std::move(word));
      word.clear();
    }
  }
  typed.partial = std::move(word);
  return typed;
}

// Words starting with `partial` among the terms under `prefix`, most frequent first.
void AddCompletions(const Xapian::Database& db, const std::string& prefix,
                    const std::string& partial, uint32_t limit,
                    std::vector<std::pair<uint64_t, std::string>>& found) {
  std::set<std::string> seen;
  for (const auto& [frequency, word] : found) seen.insert(word);
  std::vector<std::pair<uint64_t, std::string>> more;
  const std::string start = prefix + partial;
  int scanned = 0;
  for (auto t = db.allterms_begin(start); t != db.allterms_end(start) && scanned < kMaxScannedTerms;
       ++t, ++scanned) {
    std::string word = (*t).substr(prefix.size());
    if (!seen.count(word)) more.emplace_back(t.get_termfreq(), std::move(word));
  }
  std::sort(more.begin(), more.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (auto& entry : more) {
    if (found.size() >= limit) break;
    found.push_back(std::move(entry));
  }
}

std::vector<Completion> Complete(const Xapian::Database& db, const TypedWords& typed,
                                 uint32_t limit) {
  std::vector<Completion> completions;
  if (typed.partial.empty()) return completions;
  std::vector<std::pair<uint64_t, std::string>> found;
  // Headline words first: they are what people look for; the text's vocabulary fills up.
  AddCompletions(db, std::string(schema::kTitlePrefix), typed.partial, limit, found);
  if (found.size() < limit) AddCompletions(db, "", typed.partial, limit, found);
  std::string lead;
  for (const std::string& word : typed.complete) lead += word + " ";
  for (auto& [frequency, word] : found) completions.push_back({lead + word, frequency});
  return completions;
}

Xapian::Query HeadlineQuery(const TypedWords& typed) {
  const std::string title(schema::kTitlePrefix);
  std::vector<Xapian::Query> parts;
  for (const std::string& word : typed.complete) parts.emplace_back(title + word);
  if (!typed.partial.empty()) {
    parts.emplace_back(Xapian::Query::OP_WILDCARD, title + typed.partial, kMaxWildcardTerms,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
  Xapian::Query words(Xapian::Query::OP_AND, parts.begin(), parts.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, words,
                       Xapian::Query(std::string(schema::kKindPrefix) + "article"));
}

StatusOr<std::vector<HeadlineMatch>> MatchHeadlines(const SearchContext& context,
                                                    const TypedWords& typed, uint32_t limit) {
  std::vector<HeadlineMatch> matches;
  if (typed.complete.empty() && typed.partial.empty()) return matches;
  Xapian::Enquire enquire(context.db);
  enquire.set_query(HeadlineQuery(typed));
  enquire.set_collapse_key(schema::kCollapseSlot);  // a print and a web copy show once
  Xapian::MSet mset = enquire.get_mset(0, limit);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document document = it.get_document();
    const std::string data = document.get_data();
    const size_t newline = data.find('\n');
    const std::string id = data.substr(0, newline);
    const std::string hash = newline == std::string::npos ? "" : data.substr(newline + 1);
    StatusOr<Article> article = context.snapshot.Get(id, hash);
    if (!article.ok()) return article.status().WithContext("stored headline of \"" + id + "\"");
    matches.push_back({id, article->title, DisplayDate(document.get_value(schema::kDateSlot))});
  }
  return matches;
}

}  // namespace

StatusOr<Suggestions> Searcher::Suggest(const std::string& text, uint32_t limit) const {
  if (limit == 0 || limit > kMaxSuggestions)
    return Status::InvalidArgument("limit: must be from 1 to " + std::to_string(kMaxSuggestions));
  Suggestions suggestions;
  ARCHIVE_RETURN_IF_ERROR(WithContext([&](SearchContext& context) -> Status {
    const TypedWords typed = SplitTyped(context.analyzer.Fold(text));
    suggestions.completions = Complete(context.db, typed, limit);
    ARCHIVE_ASSIGN_OR_RETURN(suggestions.headlines, MatchHeadlines(context, typed, limit));
    suggestions.state = {context.snapshot.generation(), context.snapshot.revision()};
    return Status::Ok();
  }));
  return suggestions;
}

}  // namespace archive::query
