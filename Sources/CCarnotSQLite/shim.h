#ifndef CCARNOT_SQLITE_SHIM_H
#define CCARNOT_SQLITE_SHIM_H

#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call: these shims fix the argument lists we use.

/// Turns on SQLITE_DBCONFIG_DEFENSIVE, which forbids writes to the schema that could corrupt the file.
static inline int carnot_sqlite3_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

/// Sets how many bytes of a statement journal SQLite keeps in memory before it writes it to a temporary
/// file (SQLITE_CONFIG_STMTJRNL_SPILL). Only before SQLite is initialised; returns SQLITE_MISUSE after.
static inline int carnot_sqlite3_config_statement_journal_spill(int bytes) {
    return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, bytes);
}

#endif
