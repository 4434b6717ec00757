// PostgreSQL's client library, libpq (Debian's libpq-dev), for the shared history store.
// Only the header: Swift calls libpq's functions directly.
//
// Named from /usr/include, so neither this target nor every Swift target that imports it
// needs -I/usr/include/postgresql (unsafe flags that SwiftPM does not pass on to importers):
// libpq-fe.h includes its own headers with quotes, found beside it.
#ifndef CLIBPQ_H
#define CLIBPQ_H

#include <postgresql/libpq-fe.h>

#endif
