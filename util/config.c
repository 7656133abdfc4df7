/* The INI-style configuration file; the format is in config.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"
#include "tlp.h"
#include "url.h"
#include "banned.h"

/* Checks a value; returns NULL when it is right, else what is wrong. */
typedef const char *(*check_fn)(const char *value);

static const char *check_tlp(const char *v)
{
	return tlp_parse(v) < 0 ? "is not a TLP level (CLEAR, GREEN, AMBER, AMBER+STRICT, RED)"
				: NULL;
}

static const char *check_size(const char *v)
{
	size_t n;

	if (config_parse_size(v, &n) < 0 || n < 1024)
		return "is not a size of at least 1k (a number of bytes, or with k, M or G: 10M)";
	return NULL;
}

static const char *check_tls(const char *v)
{
	if (strcmp(v, "auto") && strcmp(v, "try") && strcmp(v, "required"))
		return "is not one of auto, try, required";
	return NULL;
}

/* The region a briefing is about: its title and its map (report/title.c). */
static const char *check_scope(const char *v)
{
	if (ascii_casecmp(v, "europe") && ascii_casecmp(v, "world"))
		return "is not a scope ibrief knows (europe, world)";
	return NULL;
}

static const struct key {
	const char *section, *key;
	check_fn check;
	int path;		/* "~/" expands to $HOME */
} keys[] = {
	{ "store", "path", NULL, 1 },
	{ "report", "organisation", NULL, 0 },
	{ "report", "tlp", check_tlp, 0 },
	{ "report", "scope", check_scope, 0 },
	{ "smtp", "url", url_smtp_problem, 0 },
	{ "smtp", "user", NULL, 0 },
	{ "smtp", "password", NULL, 0 },
	{ "smtp", "from", NULL, 0 },
	{ "smtp", "max_size", check_size, 0 },
	{ "smtp", "tls", check_tls, 0 },
	{ "smtp", "ca_file", NULL, 1 },
};

void config_init(struct config *cfg)
{
	cfg->path = NULL;
	cfg->v = NULL;
	cfg->n = cfg->alloc = 0;
}

void config_release(struct config *cfg)
{
	for (size_t i = 0; i < cfg->n; i++) {
		free(cfg->v[i].section);
		free(cfg->v[i].key);
		free(cfg->v[i].value);
	}
	free(cfg->v);
	free(cfg->path);
	config_init(cfg);
}

const struct config_entry *config_entry(const struct config *cfg, const char *section,
					const char *key)
{
	if (!cfg)
		return NULL;
	for (size_t i = 0; i < cfg->n; i++)
		if (!ascii_casecmp(cfg->v[i].section, section) && !ascii_casecmp(cfg->v[i].key, key))
			return &cfg->v[i];
	return NULL;
}

const char *config_get(const struct config *cfg, const char *section, const char *key)
{
	const struct config_entry *e = config_entry(cfg, section, key);

	return e ? e->value : NULL;
}

int config_parse_size(const char *s, size_t *out)
{
	static const struct {
		const char *suffix;
		unsigned long long mult;
	} units[] = {
		{ "", 1 }, { "B", 1 },
		{ "k", 1024 }, { "K", 1024 }, { "kB", 1024 }, { "KB", 1024 }, { "KiB", 1024 },
		{ "M", 1024 * 1024 }, { "MB", 1024 * 1024 }, { "MiB", 1024 * 1024 },
		{ "G", 1024 * 1024 * 1024 }, { "GB", 1024 * 1024 * 1024 },
		{ "GiB", 1024 * 1024 * 1024 },
	};
	unsigned long long v = 0;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (unsigned)(*p - '0');
		if (v > (1ULL << 40))
			return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		if (!strcmp(p, units[i].suffix)) {
			v *= units[i].mult;
			if (v > (unsigned long long)BUF_MAX)
				return -1;
			*out = (size_t)v;
			return 0;
		}
	}
	return -1;
}

static int is_name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

static int check_name(const char *s)
{
	if (!*s)
		return -1;
	for (; *s; s++)
		if (!is_name_char((unsigned char)*s))
			return -1;
	return 0;
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static int known_section(const char *s)
{
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i].section, s))
			return 1;
	return 0;
}

static const struct key *find_key(const char *section, const char *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i].section, section) && !strcmp(keys[i].key, key))
			return &keys[i];
	return NULL;
}

/* "url, user, password" for [smtp], or the sections when `section` is NULL. */
static void known_names(struct buf *b, const char *section)
{
	const char *last = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *name = section ? keys[i].key : keys[i].section;

		if (section && strcmp(keys[i].section, section))
			continue;
		if (last && !strcmp(last, name))
			continue;
		buf_addf(b, "%s%s", b->len ? ", " : "", name);
		last = name;
	}
}

/* Control characters would end up in headers and messages. */
static int has_control(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
			return 1;
	return 0;
}

static int parse_setting(struct config *cfg, const char *name, int line, const char *section,
			 char *text)
{
	char *eq = strchr(text, '='), *key, *value;
	const struct config_entry *old;
	const struct key *k;
	struct buf known = BUF_INIT;
	const char *why;
	int ret = -1;

	if (!eq)
		return error_at(name, line, 0, "'%s' is neither [section] nor key = value", text);
	*eq = '\0';
	key = trim(text);
	value = trim(eq + 1);
	if (check_name(key) < 0)
		return error_at(name, line, 0, "'%s' is not a key name (letters, digits, '_', '-')",
				key);
	lower_ascii(key);
	if (!section)
		return error_at(name, line, 0, "'%s' comes before any [section]", key);
	k = find_key(section, key);
	if (!k) {
		known_names(&known, section);
		error_at(name, line, 0, "'%s' is not a key of [%s] (known: %s)", key, section,
			 known.buf);
		goto out;
	}
	old = config_entry(cfg, section, key);
	if (old) {
		error_at(name, line, 0, "'%s' is set twice in [%s] (first on line %d)", key,
			 section, old->line);
		goto out;
	}
	if (!*value) {
		error_at(name, line, 0, "%s.%s: the value is empty", section, key);
		goto out;
	}
	if (strlen(value) > CONFIG_MAX_VALUE || has_control(value)) {
		error_at(name, line, 0, "%s.%s: the value is over %d bytes or holds control characters",
			 section, key, CONFIG_MAX_VALUE);
		goto out;
	}
	why = k->check ? k->check(value) : NULL;
	if (why) {
		/* A value is shown as a URL is: without a password. */
		url_redact(&known, value);
		error_at(name, line, 0, "%s.%s: '%s' %s", section, key, known.buf, why);
		goto out;
	}
	ALLOC_GROW(cfg->v, cfg->n + 1, cfg->alloc);
	cfg->v[cfg->n].section = xstrdup(section);
	cfg->v[cfg->n].key = xstrdup(key);
	cfg->v[cfg->n].line = line;
	if (k->path && starts_with(value, "~/")) {
		const char *home = getenv("HOME");

		if (!home || *home != '/') {
			error_at(name, line, 0, "%s.%s: '~/' needs $HOME to be an absolute path",
				 section, key);
			goto out;
		}
		buf_addf(&known, "%s%s", home, value + 1);
		cfg->v[cfg->n].value = buf_detach(&known, NULL);
	} else {
		cfg->v[cfg->n].value = xstrdup(value);
	}
	cfg->n++;
	ret = 0;
out:
	buf_release(&known);
	return ret;
}

static int parse_section(const char *name, int line, char *text, char **section)
{
	char *end = strchr(text, ']'), *s;
	struct buf known = BUF_INIT;

	if (!end || *trim(end + 1))
		return error_at(name, line, 0, "a section is written [name], alone on its line");
	*end = '\0';
	s = trim(text + 1);
	if (check_name(s) < 0)
		return error_at(name, line, 0, "'[%s]' is not a section name", s);
	lower_ascii(s);
	if (!known_section(s)) {
		known_names(&known, NULL);
		error_at(name, line, 0, "'[%s]' is not a section (known: %s)", s, known.buf);
		buf_release(&known);
		return -1;
	}
	free(*section);
	*section = xstrdup(s);
	return 0;
}

int config_parse(struct config *cfg, const char *name, const char *text, size_t len)
{
	char *copy = NULL, *section = NULL, *p, *next;
	int line = 0, ret = 0;

	if (memchr(text, '\0', len)) {
		ret = error("%s: holds a NUL byte: not a text file", name);
		goto out;
	}
	copy = xstrndup(text, len);
	p = copy;
	if (starts_with(p, "\xef\xbb\xbf"))
		p += 3;	/* a byte order mark, as some editors write */
	for (; p && !ret; p = next) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		line++;
		trim(p);
		if (!*p || *p == '#' || *p == ';')
			continue;
		if (*p == '[')
			ret = parse_section(name, line, p, &section);
		else
			ret = parse_setting(cfg, name, line, section, p);
	}
out:
	free(copy);
	free(section);
	if (ret < 0)
		config_release(cfg);
	return ret;
}

char *config_default_path(void)
{
	const char *env = getenv("IBRIEF_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;

	if (env && *env)
		return xstrdup(env);
	/* XDG: a relative $XDG_CONFIG_HOME is invalid and must be ignored. */
	if (xdg && *xdg == '/')
		buf_addf(&b, "%s/ibrief/config", xdg);
	else if (home && *home)
		buf_addf(&b, "%s/.config/ibrief/config", home);
	else
		return NULL;
	return buf_detach(&b, NULL);
}

/* Reads at most CONFIG_MAX_FILE bytes; -1 with a message. */
static int read_config_file(int fd, const char *path, struct buf *out)
{
	char chunk[4096];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return error("config '%s': %s", path, strerror(errno));
		}
		if (out->len + (size_t)n > CONFIG_MAX_FILE)
			return error("config '%s': over %d bytes: not a configuration file", path,
				     CONFIG_MAX_FILE);
		buf_add(out, chunk, (size_t)n);
	}
	return 0;
}

int config_load(struct config *cfg, const char *path)
{
	const char *env = getenv("IBRIEF_CONFIG");
	char *own = NULL;
	int explicit = path || (env && *env);
	struct buf text = BUF_INIT;
	struct stat st;
	int fd = -1, ret = 0;

	if (!path)
		path = own = config_default_path();
	if (!path)
		goto out;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT && !explicit)
			goto out;
		ret = error("config '%s': %s", path, strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		ret = error("config '%s': %s", path, S_ISDIR(st.st_mode) ? "is a directory" :
			    strerror(errno));
		goto out;
	}
	ret = read_config_file(fd, path, &text);
	if (!ret)
		ret = config_parse(cfg, path, text.buf, text.len);
	if (ret)
		goto out;
	cfg->path = xstrdup(path);
	if (S_ISREG(st.st_mode) && (st.st_mode & 077) && config_get(cfg, "smtp", "password"))
		warning("config '%s' holds smtp.password and is open to other users (mode %04o); "
			"run 'chmod 600 %s'", path, (unsigned)(st.st_mode & 07777), path);
out:
	if (fd >= 0)
		close(fd);
	buf_release(&text);
	free(own);
	return ret;
}

static struct config user_config = CONFIG_INIT;
static int user_state;	/* 0 not loaded, 1 loaded, -1 bad */

const struct config *config_user(void)
{
	if (!user_state)
		user_state = config_load(&user_config, NULL) < 0 ? -1 : 1;
	return user_state > 0 ? &user_config : NULL;
}

void config_user_release(void)
{
	config_release(&user_config);
	user_state = 0;
}
