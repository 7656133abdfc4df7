#ifndef BANNED_H
#define BANNED_H

/*
 * Functions that are too easy to misuse. Including this header after the
 * system headers turns every use into a compile error, as git does.
 * Use buf_addf() instead of sprintf, strtol with an end pointer (see
 * util/util.h parse_long) instead of atoi, gmtime_r/localtime_r instead of
 * their static-buffer forms.
 */
#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef gmtime
#define gmtime(t) BANNED(gmtime)

#endif
