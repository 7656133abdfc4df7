/* The configuration file: syntax, known keys, errors with their line, paths. */
#include "test.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../util/buf.h"
#include "../../util/config.h"
#include "../../util/util.h"

/* Parses `text`; returns the return code and leaves the messages in *err. */
static int parse(struct config *cfg, const char *text, const char **err)
{
	int ret;

	config_init(cfg);
	test_capture_start();
	ret = config_parse(cfg, "cfg", text, strlen(text));
	*err = test_capture_end();
	return ret;
}

static void write_file(const char *path, const char *text, int mode)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
	chmod(path, (mode_t)mode);
}

static void test_good_file(void)
{
	struct config cfg;
	const char *err;

	setenv("HOME", "/home/ann", 1);
	CHECK_INT(parse(&cfg,
			"\xef\xbb\xbf# ibrief settings\r\n"
			"[Store]\r\n"
			"  path = ~/cert/incidents.db  \n"
			"\n"
			"; the report\n"
			"[report]\n"
			"Organisation =   Example CERT, Liège \n"
			"tlp = amber+strict\n"
			"[smtp]\n"
			"url = smtps://mail.example.org:465\n"
			"password = a#b;c = d\n"
			"max_size = 12M\n"
			"tls=required\n", &err), 0);
	CHECK_STR(err, "");
	CHECK_STR(config_get(&cfg, "store", "path"), "/home/ann/cert/incidents.db");
	CHECK_STR(config_get(&cfg, "report", "organisation"), "Example CERT, Liège");
	CHECK_STR(config_get(&cfg, "REPORT", "TLP"), "amber+strict");
	CHECK_STR(config_get(&cfg, "smtp", "password"), "a#b;c = d");
	CHECK_STR(config_get(&cfg, "smtp", "tls"), "required");
	CHECK_NULL(config_get(&cfg, "smtp", "user"));
	CHECK_NULL(config_get(NULL, "smtp", "user"));
	CHECK_INT(config_entry(&cfg, "smtp", "max_size")->line, 12);
	config_release(&cfg);
}

static void check_error(const char *text, const char *expected)
{
	struct config cfg;
	const char *err;

	CHECK_INT(parse(&cfg, text, &err), -1);
	if (!strstr(err, expected))
		test_fail(__FILE__, __LINE__, "message '%s' lacks '%s'", err, expected);
	CHECK_INT(cfg.n, 0);
	config_release(&cfg);
}

static void test_errors_name_file_and_line(void)
{
	check_error("[smtp]\nurl = smtp://a\nport = 25\n",
		    "cfg:3: 'port' is not a key of [smtp] (known: url, user, password, from, "
		    "max_size, tls, ca_file)");
	check_error("\n[mail]\n", "cfg:2: '[mail]' is not a section (known: store, report, smtp)");
	check_error("path = x\n", "cfg:1: 'path' comes before any [section]");
	check_error("[store]\npath\n", "cfg:2: 'path' is neither [section] nor key = value");
	check_error("[store]\npath = a\n[report]\n[store]\npath = b\n",
		    "cfg:5: 'path' is set twice in [store] (first on line 2)");
	check_error("[report]\norganisation =\n", "cfg:2: report.organisation: the value is empty");
	check_error("[report]\ntlp = orange\n", "cfg:2: report.tlp: 'orange' is not a TLP level");
	check_error("[smtp]\nmax_size = 10 MB\n", "cfg:2: smtp.max_size: '10 MB' is not a size");
	check_error("[smtp]\nmax_size = 100\n", "cfg:2: smtp.max_size: '100' is not a size of at least 1k");
	check_error("[smtp]\ntls = yes\n", "cfg:2: smtp.tls: 'yes' is not one of auto, try, required");
	check_error("[smtp]\nurl = http://x\n", "cfg:2: smtp.url: 'http://x' is not an smtp://");
	/* The message names the URL without its password. */
	check_error("[smtp]\nurl = smtp://ann:s3cret@mail.example.org\n",
		    "cfg:2: smtp.url: 'smtp://ann@mail.example.org' holds a user name or password");
	check_error("[smtp\n", "cfg:1: a section is written [name], alone on its line");
	check_error("[store]\npa th = x\n", "cfg:2: 'pa th' is not a key name");
	check_error("[store]\npath = a\x01b\n", "cfg:2: store.path: the value is over 1024 bytes or holds control characters");
}

static void test_nul_byte_is_refused(void)
{
	struct config cfg = CONFIG_INIT;

	test_capture_start();
	CHECK_INT(config_parse(&cfg, "cfg", "[store]\0path = x\n", 17), -1);
	CHECK(strstr(test_capture_end(), "cfg: holds a NUL byte") != NULL);
	config_release(&cfg);
}

static void test_sizes(void)
{
	size_t n = 0;

	CHECK_INT(config_parse_size("10M", &n), 0);
	CHECK_INT(n, 10 * 1024 * 1024);
	CHECK_INT(config_parse_size("512k", &n), 0);
	CHECK_INT(n, 512 * 1024);
	CHECK_INT(config_parse_size("2MiB", &n), 0);
	CHECK_INT(n, 2 * 1024 * 1024);
	CHECK_INT(config_parse_size("1G", &n), 0);
	CHECK_INT(n, 1024 * 1024 * 1024);
	CHECK_INT(config_parse_size("4096", &n), 0);
	CHECK_INT(n, 4096);
	CHECK_INT(config_parse_size("", &n), -1);
	CHECK_INT(config_parse_size("M", &n), -1);
	CHECK_INT(config_parse_size("-1", &n), -1);
	CHECK_INT(config_parse_size("10 M", &n), -1);
	CHECK_INT(config_parse_size("10T", &n), -1);
	CHECK_INT(config_parse_size("99999999999999999999", &n), -1);
	CHECK_INT(config_parse_size("2G", &n), -1);	/* over BUF_MAX */
}

static void test_default_path_follows_xdg(void)
{
	char *p;

	unsetenv("IBRIEF_CONFIG");
	setenv("HOME", "/home/ann", 1);
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	p = config_default_path();
	CHECK_STR(p, "/xdg/ibrief/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative/is/ignored", 1);
	p = config_default_path();
	CHECK_STR(p, "/home/ann/.config/ibrief/config");
	free(p);
	setenv("IBRIEF_CONFIG", "/etc/ibrief.conf", 1);
	p = config_default_path();
	CHECK_STR(p, "/etc/ibrief.conf");
	free(p);
	unsetenv("IBRIEF_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
}

static void test_missing_default_file_is_no_error(void)
{
	struct config cfg = CONFIG_INIT;

	unsetenv("IBRIEF_CONFIG");
	setenv("XDG_CONFIG_HOME", test_tmpdir(), 1);
	CHECK_INT(config_load(&cfg, NULL), 0);
	CHECK_NULL(cfg.path);
	CHECK_INT(cfg.n, 0);
	config_release(&cfg);
	unsetenv("XDG_CONFIG_HOME");
}

static void test_missing_named_file_is_an_error(void)
{
	struct config cfg = CONFIG_INIT;
	struct buf path = BUF_INIT;

	buf_addf(&path, "%s/none", test_tmpdir());
	setenv("IBRIEF_CONFIG", path.buf, 1);
	test_capture_start();
	CHECK_INT(config_load(&cfg, NULL), -1);
	CHECK(strstr(test_capture_end(), "No such file") != NULL);
	unsetenv("IBRIEF_CONFIG");
	buf_release(&path);
	config_release(&cfg);
}

static void test_password_open_to_others_warns(void)
{
	struct config cfg = CONFIG_INIT;
	struct buf path = BUF_INIT;
	const char *err;

	buf_addf(&path, "%s/config", test_tmpdir());
	write_file(path.buf, "[smtp]\nuser = a\npassword = pw\n", 0644);
	test_capture_start();
	CHECK_INT(config_load(&cfg, path.buf), 0);
	err = test_capture_end();
	CHECK(strstr(err, "warning: config '") != NULL);
	CHECK(strstr(err, "holds smtp.password and is open to other users (mode 0644)") != NULL);
	CHECK_STR(cfg.path, path.buf);
	config_release(&cfg);

	chmod(path.buf, 0600);
	test_capture_start();
	CHECK_INT(config_load(&cfg, path.buf), 0);
	CHECK_STR(test_capture_end(), "");
	config_release(&cfg);

	write_file(path.buf, "[smtp]\nuser = a\n", 0644);
	test_capture_start();
	CHECK_INT(config_load(&cfg, path.buf), 0);
	CHECK_STR(test_capture_end(), "");
	config_release(&cfg);
	buf_release(&path);
}

static void test_user_config_is_loaded_once(void)
{
	struct buf path = BUF_INIT;
	const struct config *a, *b;

	buf_addf(&path, "%s/config", test_tmpdir());
	write_file(path.buf, "[report]\norganisation = Example CERT\n", 0600);
	setenv("IBRIEF_CONFIG", path.buf, 1);
	a = config_user();
	write_file(path.buf, "[report]\norganisation = Changed\n", 0600);
	b = config_user();
	CHECK(a == b);
	CHECK_STR(config_get(b, "report", "organisation"), "Example CERT");
	config_user_release();
	write_file(path.buf, "[report]\nbad\n", 0600);
	test_capture_start();
	CHECK(config_user() == NULL);
	CHECK(config_user() == NULL);
	/* Reported once, by the first call. */
	CHECK_INT((long)strlen(test_capture_end()) > 0, 1);
	config_user_release();
	unsetenv("IBRIEF_CONFIG");
	buf_release(&path);
}

int main(void)
{
	test_run("a good file reads with comments, CRLF, a BOM, any case and ~/", test_good_file);
	test_run("every error names the file, the line and what is wrong",
		 test_errors_name_file_and_line);
	test_run("a NUL byte makes the file no text file", test_nul_byte_is_refused);
	test_run("sizes take k, M and G and refuse junk", test_sizes);
	test_run("the default path is IBRIEF_CONFIG, else XDG_CONFIG_HOME, else ~/.config",
		 test_default_path_follows_xdg);
	test_run("a missing default file is no error", test_missing_default_file_is_no_error);
	test_run("a missing file named by IBRIEF_CONFIG is an error",
		 test_missing_named_file_is_an_error);
	test_run("a password in a file others can read gets a warning",
		 test_password_open_to_others_warns);
	test_run("the user's configuration is loaded once and kept", test_user_config_is_loaded_once);
	return test_done();
}
