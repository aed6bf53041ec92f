#ifndef KHET_CCRYPTO_SHIM_H
#define KHET_CCRYPTO_SHIM_H
// OpenSSL's libcrypto, for SHA-256 only: it uses the CPU's SHA instructions where there are some,
// about thirty times faster than hashing in Swift, and manifest.json fingerprints every input
// (a national pupil-record file is 360 MB).
#include <openssl/evp.h>
#endif
