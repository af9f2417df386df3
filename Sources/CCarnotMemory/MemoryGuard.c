#include "CCarnotMemory.h"

#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static atomic_int shortage_noted = 0;
static char guard_message[4096];
static char guard_advice[4096];
// The created store and its -wal and -shm files, spelled out in advance: nothing may be built in the handler.
static char removable[3][4096];
static atomic_int removable_set = 0;
static uint64_t guard_headroom = 0;
static struct sigaction previous[3];
static const int guarded_signals[3] = { SIGABRT, SIGSEGV, SIGBUS };
// The handler's own stack: a crash from a stack that cannot grow must still have somewhere to run.
static char alternate_stack[65536];

static uint64_t limit_of(int resource) {
    struct rlimit limit;
    if (getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 0;
    return (uint64_t)limit.rlim_cur;
}

/// Field `index` (0 = size, 5 = data) of /proc/self/statm, in bytes; open, read and close only.
static uint64_t statm_field(int index) {
    char text[256];
    int descriptor = open("/proc/self/statm", O_RDONLY);
    if (descriptor < 0) return 0;
    ssize_t count = read(descriptor, text, sizeof text - 1);
    close(descriptor);
    if (count <= 0) return 0;
    uint64_t pages = 0;
    int field = 0;
    for (ssize_t i = 0; i < count; i++) {
        char c = text[i];
        if (c == ' ' || c == '\n') {
            if (field == index) break;
            field++;
            pages = 0;
        } else if (field == index && c >= '0' && c <= '9') {
            pages = pages * 10 + (uint64_t)(c - '0');
        }
    }
    return field == index ? pages * (uint64_t)sysconf(_SC_PAGESIZE) : 0;
}

uint64_t carnot_memory_limit(void) {
    uint64_t space = limit_of(RLIMIT_AS), data = limit_of(RLIMIT_DATA);
    if (space == 0) return data;
    if (data == 0) return space;
    return space < data ? space : data;
}

char carnot_memory_limit_option(void) {
    uint64_t space = limit_of(RLIMIT_AS), data = limit_of(RLIMIT_DATA);
    if (space == 0 && data == 0) return 0;
    return (space != 0 && (data == 0 || space <= data)) ? 'v' : 'd';
}

/// What is left under the tighter of the two limits; UINT64_MAX when none is set.
static uint64_t memory_left(uint64_t *in_use) {
    uint64_t left = UINT64_MAX;
    *in_use = 0;
    uint64_t space = limit_of(RLIMIT_AS), data = limit_of(RLIMIT_DATA);
    if (space != 0) {
        uint64_t used = statm_field(0);
        uint64_t rest = used < space ? space - used : 0;
        if (rest < left) { left = rest; *in_use = used; }
    }
    if (data != 0) {
        uint64_t used = statm_field(5);
        uint64_t rest = used < data ? data - used : 0;
        if (rest < left) { left = rest; *in_use = used; }
    }
    return left;
}

uint64_t carnot_memory_in_use(void) {
    uint64_t in_use;
    uint64_t left = memory_left(&in_use);
    return left == UINT64_MAX ? statm_field(0) : in_use;
}

void carnot_memory_remove_on_stop(const char *path) {
    atomic_store(&removable_set, 0);
    if (!path || strlen(path) + 5 >= sizeof removable[0]) return;
    const char *suffixes[3] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        strcpy(removable[i], path);
        strcat(removable[i], suffixes[i]);
    }
    atomic_store(&removable_set, 1);
}

void carnot_memory_note_shortage(void) { atomic_store(&shortage_noted, 1); }

int carnot_memory_shortage_noted(void) { return atomic_load(&shortage_noted); }

static void write_all(const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(STDERR_FILENO, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

/// Writes `bytes` in whole megabytes, without printf (not async-signal-safe).
static void write_megabytes(uint64_t bytes) {
    char digits[32];
    int count = 0;
    uint64_t value = bytes >> 20;
    do { digits[sizeof digits - 1 - count++] = (char)('0' + value % 10); value /= 10; } while (value > 0);
    write_all(digits + sizeof digits - count, (size_t)count);
    write_all(" MB", 3);
}

static void on_crash(int signal, siginfo_t *info, void *context) {
    uint64_t in_use;
    uint64_t left = memory_left(&in_use);
    if (left != UINT64_MAX && left < guard_headroom) {
        if (atomic_load(&removable_set)) {
            for (int i = 0; i < 3; i++) unlink(removable[i]);
        }
        write_all(guard_message, strlen(guard_message));
        write_all(" (", 2);
        write_megabytes(carnot_memory_limit());
        write_all("; ", 2);
        write_megabytes(in_use);
        write_all(" in use when an allocation failed)", 34);
        write_all(guard_advice, strlen(guard_advice));
        write_all("\n", 1);
        _exit(1);
    }
    int index = signal == SIGABRT ? 0 : signal == SIGSEGV ? 1 : 2;
    struct sigaction *before = &previous[index];
    if ((before->sa_flags & SA_SIGINFO) && before->sa_sigaction) {
        before->sa_sigaction(signal, info, context);
        return;
    }
    if (before->sa_handler != SIG_DFL && before->sa_handler != SIG_IGN) {
        before->sa_handler(signal);
        return;
    }
    // The default action: restore it and raise the signal again, for the usual status and core.
    sigaction(signal, before, 0);
    raise(signal);
}

void carnot_memory_install_guard(const char *message, const char *advice, uint64_t headroom) {
    strncpy(guard_message, message, sizeof guard_message - 1);
    strncpy(guard_advice, advice, sizeof guard_advice - 1);
    guard_headroom = headroom;
    stack_t current;
    if (sigaltstack(0, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t stack = { .ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0 };
        sigaltstack(&stack, 0);
    }
    for (int i = 0; i < 3; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_crash;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(guarded_signals[i], &action, &previous[i]);
    }
}
