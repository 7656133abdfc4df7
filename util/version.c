#include "version.h"

/* IBRIEF_VERSION is given to this file alone (Makefile: VERSION_CFLAGS). */
const char ibrief_version[] = IBRIEF_VERSION;
