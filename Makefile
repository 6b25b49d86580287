# Jordressource: two commands on a fresh machine, `make demo` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SYSPY := /usr/bin/python3
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup test bandit test-matrix demo package deploy sample translations i18n-update bench clean

setup:
	@bash scripts/setup.sh

# pytest first, so its summary is printed even while a Bandit finding is open.
test: setup translations
	@$(PY) -m pytest test
	@$(MAKE) --no-print-directory bandit

# What plugins.qgis.org runs on every upload (a finding blocks the release): every Bandit test over
# the plugin's code. Justify a false positive inline: `# nosec BXXX` plus the reason.
bandit: setup
	@$(PY) -m bandit -q -c bandit.yaml -r jordressource_plugin

# The whole suite against QGIS 3.40 (trixie) and 3.44 (forky) in cached debootstrap roots (root).
test-matrix:
	@bash scripts/matrix.sh $(SUITES)

demo: setup translations
	@$(PY) scripts/demo.py

package: translations
	@$(SYSPY) scripts/package.py

deploy: package
	@$(SYSPY) scripts/deploy.py

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

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf dist demo-output .pytest_cache
