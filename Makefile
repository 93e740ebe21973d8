# Every target creates .venv on first use and installs what it needs, so a fresh
# machine with only Python and make can run `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint bench startup schema docs data clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The demo date is fixed so the reports it writes are the same on every run.
DEMO_AREA := examples/wessex
DEMO_OUT  := out/demo
DEMO_ARGS := $(DEMO_AREA)/plan.yaml $(DEMO_AREA)/csps --as-of 2026-11-22 --fail-on never
DEMO_CAL  := $(DEMO_AREA)/plan.yaml $(DEMO_AREA)/csps --as-of 2026-11-22

demo: $(STAMP)
	$(BIN)/alignkit validate $(DEMO_AREA)
	$(BIN)/alignkit check $(DEMO_ARGS)
	$(BIN)/alignkit check $(DEMO_ARGS) --format html --output $(DEMO_OUT)/report.html
	$(BIN)/alignkit check $(DEMO_ARGS) --format markdown --output $(DEMO_OUT)/report.md
	$(BIN)/alignkit check $(DEMO_ARGS) --format json --output $(DEMO_OUT)/report.json
	$(BIN)/alignkit check $(DEMO_ARGS) --format xlsx --output $(DEMO_OUT)/report.xlsx
	$(BIN)/alignkit check $(DEMO_ARGS) --format docx --output $(DEMO_OUT)/report.docx
	$(BIN)/alignkit calendar $(DEMO_CAL) --format ics --output $(DEMO_OUT)/calendar.ics
	$(BIN)/alignkit calendar $(DEMO_CAL) --format html --output $(DEMO_OUT)/calendar.html
	$(BIN)/alignkit pack $(DEMO_CAL) --format html --output $(DEMO_OUT)/welcome-pack.html
	$(BIN)/alignkit summary $(DEMO_CAL) --format html --output $(DEMO_OUT)/summary.html
	@echo "Written to $(DEMO_OUT)/: report.html (open it in a browser), report.md, report.json,"
	@echo "report.xlsx (Excel), report.docx (Word), calendar.ics, calendar.html,"
	@echo "welcome-pack.html and summary.html"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The browser tests (tests/test_browser_pages.py) need Chromium, from Debian's package, and
# axe-core, from npm into .cache/browser (git-ignored). Installs what is missing; when it
# cannot, it says so loudly and goes on: the tests then skip, and fail under CI=true.
AXE_VERSION := 4.14.1
AXE_PACKAGE := .cache/browser/node_modules/axe-core/package.json
browser:
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$ALIGNKIT_CHROMIUM" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make browser: installing chromium with apt-get"; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	    || echo "*** make browser: apt-get could not install chromium; the browser tests cannot run ***" >&2; \
	else \
	  echo "*** make browser: chromium is missing and cannot be installed here (needs root and apt-get):" >&2; \
	  echo "*** run 'sudo apt-get install chromium' or set ALIGNKIT_CHROMIUM; the browser tests cannot run ***" >&2; \
	fi
	@if grep -qs '"version": "$(AXE_VERSION)"' $(AXE_PACKAGE); then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  echo "make browser: installing axe-core $(AXE_VERSION) into .cache/browser"; \
	  npm install --prefix .cache/browser --no-audit --no-fund --silent axe-core@$(AXE_VERSION) \
	    || echo "*** make browser: npm could not install axe-core; the browser tests cannot run ***" >&2; \
	else \
	  echo "*** make browser: npm is missing, so axe-core cannot be installed; the browser tests cannot run ***" >&2; \
	fi

# Everything but the tests marked slow (processes, pip installs, property sweeps, office
# round-trips, the example area in every format): the quick loop while editing, under a
# minute. `make test` (and CI) still runs them all. Python's bytecode caches (git-ignored)
# are kept even where PYTHONDONTWRITEBYTECODE is set, or pytest rewrites and compiles every
# test module's asserts, and each child process the package, afresh on every run (~5 s).
test-fast: $(STAMP)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -m "not slow" -n auto

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

startup: $(STAMP)
	$(BIN)/python -m benchmarks.startup

schema: $(STAMP)
	$(BIN)/alignkit schema

clean:
	rm -rf $(VENV) build dist out .pytest_cache .mypy_cache .ruff_cache

docs: $(STAMP) data
	$(BIN)/python -m alignkit.docgen docs

# The shipped vocabulary compiled (data/vocabulary.json), read by every check that has no
# vocabulary of its own in place of compiling the YAML.
data: $(STAMP)
	$(BIN)/python -m alignkit.match.vocabulary_twin
