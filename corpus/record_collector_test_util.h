// Test support: SourceCallbacks that keep everything a reader reports.
#pragma once

#include <string>
#include <vector>

#include "corpus/corpus_reader.h"

namespace archive::corpus {

struct RecordCollector {
  std::vector<Article> articles;
  std::vector<Rejection> rejections;
  std::vector<Rejection> skips;

  SourceCallbacks callbacks() {
    SourceCallbacks callbacks;
    callbacks.on_article = [this](Article&& article) { articles.push_back(std::move(article)); };
    callbacks.on_reject = [this](const Rejection& r) { rejections.push_back(r); };
    callbacks.on_skip = [this](const Rejection& r) { skips.push_back(r); };
    return callbacks;
  }

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const Article& article : articles) out.push_back(article.id);
    return out;
  }

  // Every title, body, summary, url and reason, to check that something never leaks out.
  std::string AllText() const {
    std::string out;
    for (const Article& a : articles) out += a.title + a.body + a.summary + a.url + "\n";
    for (const Rejection& r : rejections) out += r.reason + "\n";
    for (const Rejection& r : skips) out += r.reason + "\n";
    return out;
  }
};

}  // namespace archive::corpus
