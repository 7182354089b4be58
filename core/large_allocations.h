// Where large blocks of memory come from, for the processes that search. A search's match
// sets are bitsets of one bit per document (125 KB at a million articles), made and freed
// by many request threads and their helper threads. glibc's malloc serves blocks that size
// from per-thread arenas once its adaptive mmap threshold has risen past them, and the
// freed ones stay there, scattered over up to 8 arenas per core: a million-article server
// reached 444 MiB after a minute of load, 242 MiB with this (bench/RESULTS-1M.md).
#pragma once

namespace archive {

// Blocks of 64 KiB and more are mapped on their own and given back to the system when
// freed (a fixed mmap threshold). Call once at the start of main(), before any thread.
void ReturnLargeBlocksToTheSystem();

}  // namespace archive
