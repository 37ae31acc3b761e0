# evidence-check: the README's two commands are `make demo` and `make test`; CI runs `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup system browser demo test lint format samples bench labelled clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

system: ## install the Debian packages the tool and its tests use (root or sudo; skipped elsewhere)
	@sh scripts/install-system-packages.sh

browser: ## install Debian's chromium for the HTML report's browser tests (quick when present)
	@EVIDENCE_CHECK_BROWSER_TESTS=1 sh scripts/install-system-packages.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,serve,dask]'
	@touch $(STAMP)

setup: system $(STAMP) ## create .venv and install the project, its web app (serve), test tools and Debian tools

demo: setup ## audit samples/ with the default (Pemdi) map: print the to-do list, write HTML, XLSX and per-agency DOCX to out/demo/
	@rm -rf out/demo; \
	  $(BIN)/evidence-check audit samples --format text --format html \
	    --format xlsx --format docx --output-dir out/demo; \
	  code=$$?; if [ $$code -gt 1 ]; then exit $$code; fi; \
	  cat out/demo/evidence-check.txt; \
	  echo "(exit code $$code: 0 nothing to fix, 1 gaps found)"; \
	  echo "Reports in out/demo/: evidence-check.html, evidence-check.xlsx, evidence-check-<agency>.docx"

lint: setup ## ruff check, ruff format --check and mypy on the package
	$(BIN)/ruff check evidence_check tests scripts bench
	$(BIN)/ruff format --check evidence_check tests scripts bench
	$(BIN)/mypy evidence_check

format: setup ## apply ruff's formatting and fixes
	$(BIN)/ruff format evidence_check tests scripts bench
	$(BIN)/ruff check --fix evidence_check tests scripts bench

test: setup browser lint ## lint, then run every test (the HTML report's in headless Chromium)
	$(BIN)/python -m pytest -q

samples: setup ## rebuild samples/ from scripts/make_samples.py
	$(BIN)/python scripts/make_samples.py samples

labelled: setup ## score the audit on the labelled corpus: accuracy, false completes, per trap
	$(BIN)/python scripts/score_labelled.py

bench: setup ## the benchmarks: PDF engines, a 2,000-document tree, OCR against plain tesseract
	$(BIN)/python bench/pdf_engines.py
	$(BIN)/python bench/scale.py --docs 2000
	$(BIN)/python bench/ocr.py

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
