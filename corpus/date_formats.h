// Date notations met in WordPress exports, HTML meta tags and PDF metadata, turned into the
// archive's YYYY-MM-DD.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace archive::corpus {

// "Sat, 14 Mar 2020 18:05:00 +0000" (RFC 822/2822, as in RSS pubDate; the weekday and the
// time are optional) → "2020-03-14", the date as written (the zone is not applied: WordPress
// writes pubDate in GMT). Empty when `value` is not such a date.
std::string ParseRfc822Date(std::string_view value);

// Seconds since the epoch → the UTC date; empty for a non-positive time (no date).
std::string DateFromUnixTime(std::time_t seconds);

}  // namespace archive::corpus
