# Jordressource: two commands on a fresh machine, `make demo` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SYSPY := /usr/bin/python3
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup lint test test-core test-data bandit test-matrix demo screenshots package \
	deploy sample translations i18n-update reference bench clean

setup:
	@bash scripts/setup.sh

lint: setup
	@$(VENV)/bin/ruff check $(RUFF_ARGS) .

# make test lints first: a ruff finding stops it (make test LINT_FATAL=0 runs the tests anyway).
LINT_FATAL := 1

test: setup translations
	@$(MAKE) -s lint RUFF_ARGS=--output-format=concise || [ "$(LINT_FATAL)" = 0 ]
	@$(PY) -m pytest test
	@$(MAKE) --no-print-directory bandit

# What plugins.qgis.org runs on every upload (a finding blocks the release): every Bandit test over
# the plugin's code. Justify a false positive inline: `# nosec BXXX` plus the reason.
bandit: setup
	@$(PY) -m bandit -q -c bandit.yaml -r jordressource_plugin

# The whole suite against QGIS 3.40 (trixie) and 3.44 (forky) in cached debootstrap roots (root).
test-matrix:
	@bash scripts/matrix.sh $(SUITES)

# The tests that need no QGIS (the engine, the sample data, the code's own rules), with QGIS not
# loaded and any import of it refused: seconds, not minutes. Tests using a QGIS fixture are
# marked `qgis` by test/conftest.py and left out.
test-core: setup
	@$(PY) -m pytest -p no:pytest_qgis -W "ignore::pytest.PytestConfigWarning" --without-qgis test

# Re-cut the real extracts of test/data/ from the shared data (see test/data/README.md).
test-data: setup
	@$(PY) scripts/cut_test_data.py $(DATA)

demo: setup translations
	@$(PY) scripts/demo.py

package: translations
	@$(SYSPY) scripts/package.py

deploy: package
	@$(SYSPY) scripts/deploy.py

# Pictures of the plugin at work in QGIS desktop (under Xvfb) for the README.
screenshots: setup translations
	@$(PY) scripts/screenshots.py

sample: setup
	@$(PY) scripts/build_sample.py

# Compiled .qm files are build products: made from the committed .ts whenever it changes.
translations: jordressource_plugin/i18n/jordressource_da.qm

jordressource_plugin/i18n/jordressource_da.qm: jordressource_plugin/i18n/jordressource_da.ts
	@command -v lrelease >/dev/null || bash scripts/setup.sh
	@lrelease -silent $< -qm $@

# Refresh the catalogue from the code (keeps existing translations); translate, then commit the .ts.
i18n-update:
	@pylupdate5 -noobsolete $$(git ls-files 'jordressource_plugin/*.py') -ts jordressource_plugin/i18n/jordressource_da.ts

# docs/reference.md from the algorithms themselves; test/test_reference.py fails when it is stale.
reference: setup
	@$(PY) scripts/build_reference.py

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf dist demo-output .pytest_cache
