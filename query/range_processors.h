// Range syntax of the query language: date:2016-01-01..2016-12-31 and year:2016..2018 on
// the date slot ("YYYYMMDD"), issue:90..100 on the issue slot (sortable_serialise).
// Module-internal.
#pragma once

#include <xapian.h>

namespace archive::query {

// Adds the date:, year: and issue: range processors to `parser`.
void AddRangeProcessors(Xapian::QueryParser& parser);

}  // namespace archive::query
