#ifndef CCARNOT_MEMORY_H
#define CCARNOT_MEMORY_H

#include <stdint.h>

// Running out of memory as a clear error. Swift's allocator aborts the process when malloc fails
// ("failed to allocate N bytes"); SQLite reports SQLITE_NOMEM instead. These functions are the part of the
// guard that must be C: a signal handler may only call async-signal-safe functions, and Swift code gives no
// such guarantee (it may allocate, retain or take locks).

/// The limit on the process's address space (RLIMIT_AS, `ulimit -v`) or data segment (RLIMIT_DATA,
/// `ulimit -d`), whichever is lower, in bytes; 0 when neither is set.
uint64_t carnot_memory_limit(void);

/// Which limit `carnot_memory_limit` is, as `ulimit` names it: 'v' (RLIMIT_AS), 'd' (RLIMIT_DATA), 0 (none).
char carnot_memory_limit_option(void);

/// The bytes the limit counts now: all mappings (/proc/self/statm, size) for RLIMIT_AS, the data segment
/// (statm, data) for RLIMIT_DATA, whichever is closer to its limit; 0 when it cannot be read.
uint64_t carnot_memory_in_use(void);

/// Installs handlers for SIGABRT, SIGSEGV and SIGBUS that, when a memory limit is set and less than
/// `headroom` bytes of it are left, write `message`, the limit and what was in use, then `advice`, to standard
/// error and end the process with exit status 1, rather than an abort and a crash report. Any other crash
/// goes on to the handler installed before (the Swift runtime's backtracer, or the default action).
/// Both texts are copied; together they must be a few kilobytes at most.
void carnot_memory_install_guard(const char *message, const char *advice, uint64_t headroom);

/// Names a store file this process created and would remove on failure (a refused import into a new
/// store): the guard removes it, with its -wal and -shm files, before it exits. NULL forgets it.
void carnot_memory_remove_on_stop(const char *path);

/// Records that an allocation failed (SQLite reported SQLITE_NOMEM): set from any thread.
void carnot_memory_note_shortage(void);

/// True once `carnot_memory_note_shortage` was called.
int carnot_memory_shortage_noted(void);

#endif
