# ibrief: build, test and install.
#
#   make            build ./ibrief
#   make test       run every test; ends with "N passed, N failed"
#   make test-pg    the CLI tests against a throwaway PostgreSQL server
#   make asan       the same tests under AddressSanitizer + UBSan
#   make fuzz       libFuzzer harnesses, FUZZ_SECONDS (default 10) each
#   make deps       install the Debian 12 packages the build and tests need
#   make demo       import the bundled demo data and write the demo briefing
#   make bench      import benchmarks (see bench/)
#   make install    the program, its data, man page and bash completion under
#                   PREFIX (default /usr/local; DESTDIR honoured); make uninstall

CC ?= cc
CFLAGS ?= -O2 -g
BUILD ?= build/default
WARNINGS = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wno-missing-field-initializers -Wformat=2
# Libraries that pkg-config knows. Expanded lazily, once: in `make deps test`
# the packages are installed by the first goal, after this file is read.
# These give only their headers: each is opened (util/dynlib.h) by the code
# that needs it, not loaded by every command at start-up: libcurl when mail
# sends, libqpdf when it reads a PDF, libpq when a store is on a server,
# libxml2 when an import reads a page saved as HTML.
DL_PKGS = libcurl libqpdf libpq libxml-2.0
PKGS = sqlite3 jansson yajl zlib cairo fontconfig yaml-0.1 libdeflate
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $(PKGS) $(DL_PKGS)))$(PKG_CFLAGS)
PKG_LIBS = $(eval PKG_LIBS := $$(shell pkg-config --libs $(PKGS)))$(PKG_LIBS)
# Unit tests read the PDFs they check with libqpdf, linked.
QPDF_LIBS = $(eval QPDF_LIBS := $$(shell pkg-config --libs libqpdf))$(QPDF_LIBS)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) $(CFLAGS) \
	     $(PKG_CFLAGS) -pthread -MMD -MP -I.
LIBS = $(PKG_LIBS) -lhpdf -lcsv -lm -pthread
VERSION = $(shell cat VERSION)

# Debian 12 packages: build, run, test.
DEB_PACKAGES = make gcc libc6-dev pkg-config libsqlite3-dev libjansson-dev libyajl-dev libcsv-dev \
	       zlib1g-dev libdeflate-dev libcairo2-dev libfontconfig-dev fonts-dejavu-core libhpdf-dev \
	       libyaml-dev iso-codes sqlite3 python3 valgrind time qpdf poppler-utils \
	       libcurl4-openssl-dev python3-aiosmtpd man-db python3-matplotlib python3-reportlab \
	       clang libclang-rt-14-dev libqpdf-dev libxml2-dev postgresql libpq-dev

LIB_SRC = $(wildcard util/*.c store/*.c queries/*.c lang/*.c charts/*.c report/*.c mail/*.c)
CLI_SRC = $(wildcard cli/*.c)
UNIT_SRC = $(wildcard tests/unit/t_*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
CLI_TESTS = $(sort $(wildcard tests/cli/t*.sh))

# Quiet by default, as git and the kernel are: "make V=1" shows the commands.
ifneq ($(V),1)
QUIET_CC = @echo '   ' CC $@;
QUIET_LINK = @echo '   ' LINK $@;
QUIET_AR = @echo '   ' AR $@;
endif

# The maps' shapes packed for fast loading (charts/geo.h, geo_load_map()):
# made from each GeoJSON file by data/geo/pack.c, beside it, where the
# program looks for them (and installed with them).
GEO_PACKS = data/geo/europe-50m.geo data/geo/world-110m.geo
all: ibrief $(GEO_PACKS)

# Copied, then renamed into place: a copy over ./ibrief while it runs (the
# other pass of make test) fails with "Text file busy"; a rename does not.
# Copied whenever it differs, not when it is older: after a build in
# another tree (make CC=clang BUILD=build/clang), ./ibrief is newer than
# build/default/ibrief and a plain `make` would have left the other one.
ibrief: $(BUILD)/ibrief FORCE
	@cmp -s $< $@ || { cp $< $@.tmp && mv -f $@.tmp $@; }

$(BUILD)/data/geo/pack: data/geo/pack.c $(BUILD)/libibrief.a $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libibrief.a $(LIBS)
data/geo/europe-50m.geo: data/geo/europe-50m.geojson $(BUILD)/data/geo/pack
	$(BUILD)/data/geo/pack europe $<
data/geo/world-110m.geo: data/geo/world-110m.geojson $(BUILD)/data/geo/pack
	$(BUILD)/data/geo/pack world $<

$(BUILD)/ibrief: $(CLI_OBJ) $(BUILD)/libibrief.a
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libibrief.a $(LIBS)

$(BUILD)/libibrief.a: $(LIB_OBJ)
	@rm -f $@
	$(QUIET_AR)ar rcs $@ $^

# Everything compiled depends on the flags it was compiled with, as git's
# GIT-CFLAGS: $(FLAGS_FILE) holds the compiler, flags and libraries of the last
# build and is rewritten, making every object out of date, when they change
# ("make CFLAGS=-O0" rebuilds all; the same flags again rebuild nothing).
FLAGS_FILE = $(BUILD)/FLAGS
TRACK_FLAGS = $(subst ','\'',$(CC) $(ALL_CFLAGS) $(LIBS) $(QPDF_LIBS))
$(FLAGS_FILE): FORCE
	@mkdir -p $(dir $@)
	@flags='$(TRACK_FLAGS)'; \
	if test x"$$flags" != x"$$(cat $@ 2>/dev/null)"; then \
		echo '   ' FLAGS $@; echo "$$flags" >$@; \
	fi

# The version is compiled into util/version.o alone, which depends on
# VERSION: bumping it rebuilds that one object, and no other holds a copy.
$(BUILD)/util/version.o: VERSION
$(BUILD)/util/version.o: VERSION_CFLAGS = -DIBRIEF_VERSION='"$(VERSION)"'
$(BUILD)/%.o: %.c $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) $(VERSION_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/tests/test.o $(BUILD)/libibrief.a $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/tests/test.o $(BUILD)/libibrief.a $(LIBS) \
		$(QPDF_LIBS)

$(BUILD)/tests/test.o: tests/unit/test.c tests/unit/test.h $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The CLI tests run twice in `make test`: against SQLite files, then, as
# "pg:SCRIPT", against a throwaway PostgreSQL cluster (tests/pg.sh; skipped
# where no server is installed). The scripts about the build, the sources,
# the harness itself and the comparison of both backends name no store of
# the pass and run once. `make test TEST_PG=0` runs the SQLite pass alone,
# `make test-pg` the PostgreSQL pass alone.
TEST_PG ?= 1
PG_TESTS = $(patsubst %,pg:%,$(filter-out %/t_build.sh %/t_install.sh %/t_size.sh %/t_pg.sh \
	   %/t_onehome.sh %/t_pg_same.sh,$(CLI_TESTS)))
test: ibrief $(GEO_PACKS) $(UNIT_BIN)
	@sh tests/run.sh -j $(UNIT_BIN) $(CLI_TESTS) $(if $(filter 1,$(TEST_PG)),$(PG_TESTS))

test-pg: ibrief $(GEO_PACKS)
	@sh tests/run.sh $(PG_TESTS)

# The sanitizers get a build tree of their own; the CLI tests run the
# instrumented binary through $IBRIEF.
asan:
	$(MAKE) BUILD=build/asan CFLAGS='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
		build/asan/ibrief $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 IBRIEF=$(CURDIR)/build/asan/ibrief \
		sh tests/run.sh $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%) $(CLI_TESTS)

# libFuzzer harnesses (tests/fuzz/fuzz_*.c) for every reader of untrusted
# bytes, built with clang, ASan and UBSan in a tree of their own, each run
# for FUZZ_SECONDS over its seeds; any crash, leak or timeout fails.
FUZZ_SECONDS ?= 10
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	      -fno-sanitize-recover=all
fuzz:
	$(MAKE) CC=clang BUILD=build/fuzz CFLAGS='$(FUZZ_CFLAGS)' \
		$(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/fuzz/%)
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/fuzz/%)

# A harness links the library and, from an archive of its own, the CLI's
# parsers (periods, filters) it calls, never main().
$(BUILD)/fuzz/libcli.a: $(filter-out %/main.o,$(CLI_OBJ))
	@mkdir -p $(dir $@)
	@rm -f $@
	$(QUIET_AR)ar rcs $@ $^

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(BUILD)/fuzz/libcli.a $(BUILD)/libibrief.a $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(BUILD)/fuzz/libcli.a $(BUILD)/libibrief.a $(LIBS)

valgrind: ibrief $(UNIT_BIN)
	IBRIEF_WRAP='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite' \
		sh tests/run.sh $(UNIT_BIN) $(CLI_TESTS)

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

demo: ibrief $(GEO_PACKS)
	@mkdir -p demo
	./ibrief --db demo/incidents.db import data/demo/pages/*.txt data/demo/vcdb-slice.jsonl.gz data/demo/incidents.csv
	./ibrief --db demo/incidents.db stats
	./ibrief --db demo/incidents.db report --month latest -o demo/

$(BUILD)/bench/%: bench/%.c $(BUILD)/libibrief.a $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libibrief.a $(LIBS)

# Import speed and memory, then the monthly query set over synthetic stores
# of 10k, 100k and 1M incidents (kept in bench/data/ between runs), every
# chart kind, and the briefings. Beside each figure of the work a Python
# script would do (bench/pyref.py: json, sqlite3, matplotlib, reportlab;
# Debian's python3, not one on PATH) is the ratio to it, in paired runs.
VCDB ?= ../shared/data/vcdb/vcdb.jsonl.gz
PYTHON ?= /usr/bin/python3
BENCH_RUNS ?= 5
BENCH_PG_MAX ?= 100000
BD = bench/data
COMPARE = RUNTIME=$(BUILD)/bench/runtime sh bench/compare.sh
bench: ibrief $(GEO_PACKS) $(BUILD)/bench/query_bench $(BUILD)/bench/chart_bench $(BUILD)/bench/runtime
	VCDB=$(VCDB) PYTHON=$(PYTHON) sh bench/import.sh
	@mkdir -p $(BD)
	$(COMPARE) "import VCDB into a fresh store" $(BENCH_RUNS) \
		"rm -f $(BD)/vcdb.db* && ./ibrief --db $(BD)/vcdb.db import $(VCDB)" \
		"$(PYTHON) bench/pyref.py import $(BD)/vcdb-py.db $(VCDB)" 2x
	$(COMPARE) "query by-country, VCDB store" 20 \
		"./ibrief --db $(BD)/vcdb.db query by-country --month 2013-06 --format csv" \
		"$(PYTHON) bench/pyref.py query $(BD)/vcdb.db 2013-06"
	$(COMPARE) "briefing 2013-06, VCDB store" $(BENCH_RUNS) \
		"./ibrief --db $(BD)/vcdb.db report --month 2013-06 -o $(BD)/briefing-vcdb.pdf" \
		"$(PYTHON) bench/pyref.py report $(BD)/vcdb.db 2013-06 $(BD)/briefing-vcdb-py.pdf" 15x
	$(BUILD)/bench/query_bench --vcdb $(BD)/vcdb.db $(BD)
	BENCH_PG_MAX=$(BENCH_PG_MAX) sh tests/pg.sh run sh bench/query_pg.sh $(BUILD)/bench/query_bench $(BD) || \
		[ $$? = 3 ]
	$(BUILD)/bench/chart_bench
	@for n in 10000 100000 1000000; do \
		SOURCE_DATE_EPOCH=1717200000 /usr/bin/time -f "report bench-$$n: %e s, peak RSS %M KB" \
		./ibrief --db $(BD)/bench-$$n.db report --month 2024-06 -o $(BD)/briefing-$$n.pdf || exit 1; \
		ls -l $(BD)/briefing-$$n.pdf | awk '{ printf "report bench-'$$n': %.0f KB\n", $$5 / 1024 }'; \
	done
	$(COMPARE) "briefing 2024-06, 1M store" $(BENCH_RUNS) \
		"./ibrief --db $(BD)/bench-1000000.db report --month 2024-06 -o $(BD)/briefing-1m.pdf" \
		"$(PYTHON) bench/pyref.py report $(BD)/bench-1000000.db 2024-06 $(BD)/briefing-1m-py.pdf" 15x

# Every chart kind drawn from built-in series, to look at.
gallery: $(BUILD)/bench/chart_gallery
	$(BUILD)/bench/chart_gallery -o build/gallery

# Installation. The program finds its data at ../share/ibrief from its own
# directory (cli/cmd_report.c), so the tree can move as a whole; fonts are
# found through fontconfig and not copied.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL ?= install
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/ibrief
MANDIR = $(PREFIX)/share/man/man1
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
TEMPLATES = $(wildcard templates/*.yaml)
GEO = data/geo/europe-50m.geojson data/geo/world-110m.geojson $(GEO_PACKS)

install: ibrief $(GEO_PACKS)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/geo \
		$(DESTDIR)$(MANDIR) $(DESTDIR)$(COMPLETIONDIR)
	$(INSTALL) -m 755 ibrief $(DESTDIR)$(BINDIR)/ibrief
	$(INSTALL) -m 644 $(TEMPLATES) $(DESTDIR)$(DATADIR)/templates/
	$(INSTALL) -m 644 $(GEO) $(DESTDIR)$(DATADIR)/geo/
	$(INSTALL) -m 644 doc/ibrief.1 $(DESTDIR)$(MANDIR)/ibrief.1
	$(INSTALL) -m 644 contrib/ibrief.bash-completion $(DESTDIR)$(COMPLETIONDIR)/ibrief

# Removes exactly what install put there, and share/ibrief when it is empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ibrief $(DESTDIR)$(MANDIR)/ibrief.1 \
		$(DESTDIR)$(COMPLETIONDIR)/ibrief $(addprefix $(DESTDIR)$(DATADIR)/geo/,$(notdir $(GEO))) \
		$(addprefix $(DESTDIR)$(DATADIR)/templates/,$(notdir $(TEMPLATES)))
	rmdir --ignore-fail-on-non-empty $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/geo \
		$(DESTDIR)$(DATADIR) 2>/dev/null || true

clean:
	rm -rf build ibrief $(GEO_PACKS)

.PHONY: all test test-pg asan fuzz valgrind deps demo bench gallery clean install uninstall FORCE
# What each object and program includes (gcc -MMD), tests and tools too:
# a changed header rebuilds everything that includes it.
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d) $(BUILD)/tests/test.d \
	 $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%.d) $(wildcard $(BUILD)/bench/*.d) \
	 $(wildcard $(BUILD)/data/geo/*.d)
