// Schema: the single source of truth for how an Article is laid out in the index.
// Term prefixes follow Xapian's Omega conventions; value slots hold sortable values.
// Both the indexer and the query side read these constants; nothing else invents a prefix.
#pragma once

#include <string>
#include <string_view>

namespace archive::schema {

// Bumped whenever the layout below or the analysis changes; an index of another version
// is refused ("rebuild needed"). 2: dollar amounts, joined hyphenated words, derived marks.
inline constexpr int kVersion = 2;

// Boolean and free-text term prefixes.
inline constexpr std::string_view kIdPrefix = "Q";      // unique id (boolean)
inline constexpr std::string_view kTitlePrefix = "S";   // title words (free text)
inline constexpr std::string_view kAuthorPrefix = "A";  // author words (free text)
inline constexpr std::string_view kTopicPrefix = "XT";  // topic (boolean, folded value)
inline constexpr std::string_view kCityPrefix = "XC";   // city (boolean, folded value)
inline constexpr std::string_view kIssuePrefix = "XI";  // printed issue number (boolean)
inline constexpr std::string_view kYearPrefix = "Y";    // year, YYYY (boolean)
inline constexpr std::string_view kMonthPrefix = "M";   // year-month, YYYYMM (boolean)
inline constexpr std::string_view kLangPrefix = "L";    // ISO 639-1 language (boolean)
inline constexpr std::string_view kKindPrefix = "XK";   // "article" or "issue" (boolean)
// "XDtopics" / "XDcities" on documents whose topics / cities were derived from the text by
// the indexer rather than given by the source (boolean).
inline constexpr std::string_view kDerivedPrefix = "XD";
inline constexpr std::string_view kDerivedTopicsTerm = "XDtopics";
inline constexpr std::string_view kDerivedCitiesTerm = "XDcities";

// Value slots.
inline constexpr unsigned kDateSlot = 0;   // "YYYYMMDD", sorts as a string
inline constexpr unsigned kIssueSlot = 1;  // Xapian::sortable_serialise(issue)
inline constexpr unsigned kFacetSlot = 2;  // EncodeFacetValues(topics, cities): display values
// Fold(title) + "|" + YYYYMM: the same article printed in an issue and posted on the web
// shares it, so a search shows it once (Enquire::set_collapse_key). Empty: never collapsed.
inline constexpr unsigned kCollapseSlot = 3;

// Within-document frequency boost of title words over body words.
inline constexpr unsigned kTitleWeight = 4;

// Index-wide metadata keys (Xapian user metadata and the DocStore alike).
inline constexpr std::string_view kSchemaVersionKey = "schema_version";
inline constexpr std::string_view kRevisionKey = "revision";
// Store metadata: "1" while versions not yet named by a committed Xapian revision may be
// in the store (an update in progress); recovery collects them when a crash left it set.
// A store read with "0" holds exactly what the Xapian revision it records names.
inline constexpr std::string_view kStoreDirtyKey = "dirty";

}  // namespace archive::schema
