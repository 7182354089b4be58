#include "query/range_processors.h"

#include <string>

#include "core/schema.h"

namespace archive::query {
namespace {

bool AllDigits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as a YYYYMMDD bound: a partial date stands for its
// first day as a lower bound and its last as an upper one. Empty when malformed.
std::string DateBound(const std::string& text, bool upper) {
  if (text.size() == 4 && AllDigits(text)) return text + (upper ? "1231" : "0101");
  if (text.size() == 7 && text[4] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5, 2)))
    return text.substr(0, 4) + text.substr(5, 2) + (upper ? "31" : "01");
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2)))
    return text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2);
  return "";
}

// date:A..B and year:A..B: either end may be empty (open) or a partial date.
class DateSlotRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateSlotRangeProcessor(const std::string& prefix, bool years_only)
      : Xapian::RangeProcessor(schema::kDateSlot, prefix), years_only_(years_only) {}

  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    if (years_only_ && ((!begin.empty() && begin.size() != 4) || (!end.empty() && end.size() != 4)))
      return Xapian::Query(Xapian::Query::OP_INVALID);
    std::string low = begin.empty() ? "" : DateBound(begin, false);
    std::string high = end.empty() ? "" : DateBound(end, true);
    if ((!begin.empty() && low.empty()) || (!end.empty() && high.empty()))
      return Xapian::Query(Xapian::Query::OP_INVALID);
    if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low);
    if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, high);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high);
  }

 private:
  bool years_only_;
};

}  // namespace

void AddRangeProcessors(Xapian::QueryParser& parser) {
  parser.add_rangeprocessor((new DateSlotRangeProcessor("date:", false))->release());
  parser.add_rangeprocessor((new DateSlotRangeProcessor("year:", true))->release());
  parser.add_rangeprocessor(
      (new Xapian::NumberRangeProcessor(schema::kIssueSlot, "issue:"))->release());
}

}  // namespace archive::query
