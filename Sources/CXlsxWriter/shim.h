#ifndef KHET_CXLSXWRITER_SHIM_H
#define KHET_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
