# One entry point for every command. Each target sets up what it needs first.
#   make serve   set up and serve the site at http://127.0.0.1:8000/pain-medicine-curriculum/, rebuilt on
#                each save (make serve PORT=8001: on another port)
#   make test    set up (Chromium included) and run the whole test suite
#   make build   one strict build into site/ (replaced only when the build succeeds)
#   make preview the reviewers' copy into site-preview/: open its index.html from the folder, no server
#   make check   validate data/*.yaml and the pages without building, comparing IDs with origin/main
#   make bench   the performance benchmark; writes its figures into bench/RESULTS.md (not a test)
#   make pins    compile requirements*.txt (exact pins, with `# via` notes) from requirements*.in

PYTHON ?= python3
PORT    = 8000
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# "Today" is the day a command runs, for every target and for `python -m macros check` run by hand alike: past
# intakes and workshop sessions leave the site when it is built. SOURCE_DATE_EPOCH, when you set it yourself,
# stands for another day (the tests set it to the last commit's date, so that two builds are the same).

.PHONY: serve build preview check test bench pins setup setup-test browser clean
.DEFAULT_GOAL := serve

serve: setup
	$(BIN)/python scripts/serve.py $(PORT)

build: setup
	$(BIN)/python scripts/build.py site

preview: setup
	$(BIN)/python scripts/build.py --preview site-preview

check: setup
	$(BIN)/python -m macros check --compare

test: setup-test browser node_modules/.installed
	$(BIN)/python -m pytest -n auto --dist loadfile

bench: setup-test browser node_modules/.installed
	$(BIN)/python -m bench.benchmark

pins: setup-test
	$(BIN)/pip-compile --quiet requirements.in
	$(BIN)/pip-compile --quiet requirements-test.in

setup: $(VENV)/.runtime
setup-test: $(VENV)/.test

$(VENV)/.runtime: requirements.txt
	scripts/setup-python "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements.txt requirements-test.txt
	scripts/setup-python "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(VENV)/.runtime $@

browser:
	scripts/install-debian-tools

node_modules/.installed: package.json package-lock.json
	scripts/install-node-tools
	touch $@

clean:
	rm -rf $(VENV) site site-preview .pytest_cache node_modules
