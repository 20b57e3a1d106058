# The two set-up commands in the README are `make serve` and `make test`;
# both create .venv and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run serve test bench lint clean

$(BIN)/vgraf: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(BIN)/vgraf

install: $(BIN)/vgraf

run: install
	$(BIN)/vgraf build
	$(BIN)/vgraf stats

# install, build the bundled documents (if not built yet) and serve the API on http://127.0.0.1:8000
serve: install
	$(BIN)/vgraf serve

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/parse_throughput.py
	$(BIN)/python bench/graph_bench.py
	$(BIN)/python bench/search_eval.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/api_bench.py

lint: install
	$(BIN)/pip install --quiet ruff
	$(BIN)/ruff check ingest graph search vgraf api tests bench

clean:
	rm -rf $(VENV) data/build
