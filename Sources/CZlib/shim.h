#ifndef KHET_CZLIB_SHIM_H
#define KHET_CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; Swift sees functions only. */
static inline int khet_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
