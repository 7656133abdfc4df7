#include "dynlib.h"

#include <dlfcn.h>

#include "util.h"
#include "banned.h"

int dynlib_load(void **handle, const char *soname, const char *package,
		const struct dynlib_sym *syms, size_t nr, const char *where)
{
	void *h;

	if (*handle)
		return 0;
	/* RTLD_LOCAL: its symbols serve this table, never the libraries we link. */
	h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return error("'%s': cannot load %s (Debian package %s): %s", where, soname, package,
			     dlerror());
	for (size_t i = 0; i < nr; i++) {
		*syms[i].slot = dlsym(h, syms[i].name);
		if (!*syms[i].slot) {
			dlclose(h);
			return error("'%s': cannot load %s (Debian package %s): it lacks '%s'", where,
				     soname, package, syms[i].name);
		}
	}
	*handle = h;
	return 0;
}
