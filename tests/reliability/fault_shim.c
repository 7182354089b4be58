/* fault_shim: an LD_PRELOAD library that makes the k-th file-system call of a kind fail, so
 * that the I/O fault driver (io_faults) can check what archive-index does when a disk
 * fails under it. Inert unless FAULT_OPS is set. Environment:
 *   FAULT_OPS    kinds counted, comma-separated: write, pwrite, fsync, fdatasync, rename,
 *                open (only opens that create or write) - or "all"
 *   FAULT_AT     k: the k-th counted call fails (1-based); 0 or unset: none fails
 *   FAULT_ERRNO  EIO (default) or ENOSPC
 *   FAULT_MODE   once (default): only the k-th call fails; forever: every call from the k-th
 *   FAULT_REPORT a file to which, at exit, the number of counted calls is written (the
 *                driver's dry run learns how many k there are)
 * Writes count only on regular files, so standard error still carries the error line.
 * Thread-safe (RocksDB writes from background threads): the counter is atomic. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum { kWrite = 1, kPwrite = 2, kFsync = 4, kFdatasync = 8, kRename = 16, kOpen = 32 };

static int g_ops = -1; /* -1: not configured yet */
static unsigned long g_at;
static int g_errno = EIO;
static int g_forever;
static atomic_ulong g_count;

static int ParseOps(const char* text) {
  static const struct {
    const char* name;
    int bit;
  } kNames[] = {{"write", kWrite},         {"pwrite", kPwrite}, {"fsync", kFsync},
                {"fdatasync", kFdatasync}, {"rename", kRename}, {"open", kOpen}};
  int ops = 0;
  if (strcmp(text, "all") == 0) return kWrite | kPwrite | kFsync | kFdatasync | kRename | kOpen;
  for (size_t i = 0; i < sizeof kNames / sizeof kNames[0]; ++i) {
    const char* found = strstr(text, kNames[i].name);
    /* "write" inside "pwrite" does not count as "write" */
    while (found != NULL && found != text && found[-1] != ',')
      found = strstr(found + 1, kNames[i].name);
    if (found != NULL) {
      size_t length = strlen(kNames[i].name);
      if (found[length] == '\0' || found[length] == ',') ops |= kNames[i].bit;
    }
  }
  return ops;
}

static void Configure(void) {
  if (g_ops >= 0) return;
  const char* ops = getenv("FAULT_OPS");
  const char* at = getenv("FAULT_AT");
  const char* err = getenv("FAULT_ERRNO");
  const char* mode = getenv("FAULT_MODE");
  g_at = at ? strtoul(at, NULL, 10) : 0;
  g_errno = (err && strcmp(err, "ENOSPC") == 0) ? ENOSPC : EIO;
  g_forever = mode && strcmp(mode, "forever") == 0;
  g_ops = ops ? ParseOps(ops) : 0;
}

/* Whether this call (of kind `op`) is to fail; counts it. */
static int ShouldFail(int op) {
  Configure();
  if ((g_ops & op) == 0) return 0;
  unsigned long n = atomic_fetch_add(&g_count, 1) + 1;
  if (g_at == 0) return 0;
  return g_forever ? n >= g_at : n == g_at;
}

static int IsRegularFile(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

/* The injected failure: errno set, -1 returned. */
static int Fail(void) {
  errno = g_errno;
  return -1;
}

ssize_t write(int fd, const void* buffer, size_t count) {
  if (IsRegularFile(fd) && ShouldFail(kWrite)) return Fail();
  return NEXT(write)(fd, buffer, count);
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) {
  if (IsRegularFile(fd) && ShouldFail(kPwrite)) return Fail();
  return NEXT(pwrite)(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t count, off64_t offset) {
  if (IsRegularFile(fd) && ShouldFail(kPwrite)) return Fail();
  return NEXT(pwrite64)(fd, buffer, count, offset);
}

int fsync(int fd) { return ShouldFail(kFsync) ? Fail() : NEXT(fsync)(fd); }

int fdatasync(int fd) { return ShouldFail(kFdatasync) ? Fail() : NEXT(fdatasync)(fd); }

int rename(const char* from, const char* to) {
  return ShouldFail(kRename) ? Fail() : NEXT(rename)(from, to);
}

/* Only opens that create or write count. */
static int ShouldFailOpen(int flags) {
  return (flags & (O_CREAT | O_WRONLY | O_RDWR | O_TRUNC)) != 0 && ShouldFail(kOpen);
}

/* The open family's mode argument, there only with O_CREAT or O_TMPFILE (va_start must be
 * called inside the variadic function itself, hence a macro). */
#define MODE_ARGUMENT(flags)             \
  mode_t mode = 0;                       \
  if ((flags) & (O_CREAT | O_TMPFILE)) { \
    va_list args;                        \
    va_start(args, flags);               \
    mode = (mode_t)va_arg(args, int);    \
    va_end(args);                        \
  }

int open(const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  return ShouldFailOpen(flags) ? Fail() : NEXT(open)(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  return ShouldFailOpen(flags) ? Fail() : NEXT(open64)(path, flags, mode);
}

int openat(int dir, const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  return ShouldFailOpen(flags) ? Fail() : NEXT(openat)(dir, path, flags, mode);
}

int openat64(int dir, const char* path, int flags, ...) {
  MODE_ARGUMENT(flags);
  return ShouldFailOpen(flags) ? Fail() : NEXT(openat64)(dir, path, flags, mode);
}

__attribute__((destructor)) static void Report(void) {
  const char* path = getenv("FAULT_REPORT");
  if (path == NULL || *path == '\0') return;
  unsigned long count = (unsigned long)atomic_load(&g_count);
  g_ops = 0; /* the report's own open is not counted */
  FILE* out = fopen(path, "w");
  if (out == NULL) return;
  fprintf(out, "%lu\n", count);
  fclose(out);
}
