#ifndef KHET_CSQLITE_SHIM_H
#define KHET_CSQLITE_SHIM_H
#include <sqlite3.h>
/* SQLITE_TRANSIENT is a cast macro Swift cannot import: SQLite copies the bound text. */
static inline sqlite3_destructor_type khet_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
