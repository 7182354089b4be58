#include "corpus/metadata_deriver.h"

#include "core/html_text.h"

namespace archive::corpus {

StatusOr<MetadataDeriver> MetadataDeriver::Create(const DerivationOptions& options) {
  StatusOr<Analyzer> analyzer = Analyzer::Create();
  if (!analyzer.ok()) return analyzer.status();
  StatusOr<TopicModel> model = TopicModel::Builtin(*analyzer);
  if (!model.ok()) return model.status();
  return MetadataDeriver(*analyzer, std::move(*model), options);
}

std::string MetadataDeriver::PlainBody(const Article& article) {
  return LooksLikeHtml(article.body) ? HtmlToText(article.body) : article.body;
}

std::vector<std::string> MetadataDeriver::DeriveTopics(const Article& article,
                                                       std::string_view text) const {
  // A headline is chosen to say what the piece is about, so its words count twice.
  constexpr double kTitleTimes = 2.0;
  TopicScores scores;
  model_.Score(analyzer_.Fold(article.title), kTitleTimes, &scores);
  model_.Score(analyzer_.Fold(article.summary), 1.0, &scores);
  model_.Score(analyzer_.Fold(text), 1.0, &scores);
  return model_.Assign(scores, options_.topics);
}

std::vector<std::string> MetadataDeriver::DeriveCities(std::string_view text) const {
  return gazetteer_.FindCities(text, options_.max_cities);
}

void MetadataDeriver::Derive(Article* article) const {
  if (article->kind != "article" || (!article->topics.empty() && !article->cities.empty())) return;
  const std::string text = PlainBody(*article);
  if (article->topics.empty()) {
    article->topics = DeriveTopics(*article, text);
    article->topics_derived = !article->topics.empty();
  }
  if (article->cities.empty()) {
    article->cities = DeriveCities(text);
    article->cities_derived = !article->cities.empty();
  }
}

}  // namespace archive::corpus
