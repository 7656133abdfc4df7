#ifndef DYNLIB_H
#define DYNLIB_H

/*
 * Libraries opened when a command first needs them, not linked.
 *
 * Every library linked into ibrief is loaded, relocated and initialised by
 * every command, before main(): libqpdf alone (with libstdc++, GnuTLS and
 * the rest it needs) cost each command about 10 M of its 32 M instructions
 * when `ibrief query` was measured, for a library that only `mail` uses.
 * A library that one rare command needs is opened here instead, through
 * its soname: the header it was compiled against still gives the types,
 * and the soname is the ABI that header is for.
 *
 * A table names each symbol and the pointer that receives it. A function
 * pointer is filled through its address seen as `void **`, which POSIX
 * requires to work for dlsym()'s result.
 */

#include <stddef.h>

struct dynlib_sym {
	const char *name;
	void **slot;
};

#define DYNLIB_SYM(name, ptr) { name, (void **)&(ptr) }

/*
 * Opens `soname` and fills the slot of each of the `nr` entries of `syms`.
 * Returns 0 at once when *handle is already set. The library stays loaded
 * until the process ends.
 *
 * On failure returns -1 with the message "'<where>': cannot load <soname>
 * (Debian package <package>): <reason>" and leaves *handle NULL (slots may
 * hold stale addresses then, and must not be called).
 */
int dynlib_load(void **handle, const char *soname, const char *package,
		const struct dynlib_sym *syms, size_t nr, const char *where);

#endif
