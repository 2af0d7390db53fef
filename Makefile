# The two commands a fresh machine needs (README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
KG := $(VENV)/bin/kg
STAMP := $(VENV)/.installed

.PHONY: setup demo test unit eval browser stop clean

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

unit: $(STAMP) ## the fast edit-test loop: tests/unit only (no server, no Neo4j jars, no model download)
	$(VENV)/bin/pytest -q tests/unit

# Every gold file `make eval` scores; a missing one stops it (../shared/gold sits beside the project).
GOLD := ../shared/gold/seeds.json tests/data/gold/gold.json tests/data/dev2/gold.json tests/data/dev3/gold.json tests/data/heldout/gold.json tests/data/heldout2/gold.json tests/data/heldout3/gold.json

eval: setup ## extraction scores against the seeds' gold and our own gold sets, beside plain spaCy NER
	@for g in $(GOLD); do test -f "$$g" || { echo "make eval: the gold file $$g is missing" >&2; exit 1; }; done
	$(KG) eval $(foreach g,$(GOLD),--gold $(g))
	@# Real news (issue 11): CASIE's development split, scored by its reference scorer, when ../shared has it.
	@# score.py exits 1 below its own 0.6 bar; the figures are printed either way and the gap is said, not hidden.
	@if [ -f ../shared/casie/score.py ]; then \
	  $(VENV)/bin/python ../shared/casie/score.py dev || echo "make eval: CASIE figures are below score.py's 0.6 bar (see README, Quality on real news)"; \
	elif [ "$$CI" = true ]; then echo "make eval: ../shared/casie is missing; CI scores real news" >&2; exit 1; \
	else echo "make eval: ../shared/casie is not here; real-news scores skipped"; fi

browser: ## Debian's Chromium for the Neo4j Browser test and `kg browser --screenshot` (needs root)
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

stop: ## stop the managed Neo4j
	$(KG) db stop

clean: stop
	rm -rf $(VENV) .kg
