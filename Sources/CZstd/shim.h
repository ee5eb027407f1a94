#ifndef MMM_CZSTD_SHIM_H
#define MMM_CZSTD_SHIM_H
#include <zstd.h>
#endif
