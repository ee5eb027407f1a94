#ifndef MMM_CZLIB_SHIM_H
#define MMM_CZLIB_SHIM_H
#include <zlib.h>
#endif
