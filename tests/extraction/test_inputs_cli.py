"""`kg extract` on the inputs analysts have, as a user runs it: a PDF report, URLs served on 127.0.0.1 (one
missing, one refused), and folders that give nothing to read."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.inputs import ATTACK, Site, closed_port, make_pdf

ENV = {**os.environ, "COLUMNS": "300", "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
STORY = ("Acme Bank was hit by a cyber attack in March 2024, the bank said on Monday. "
         "Customers could not reach their accounts for two days.")


def _extract(*args: str):
    return subprocess.run([sys.executable, "-m", "kg", "extract", *args, "--format", "json"],
                          capture_output=True, text=True, timeout=300, env=ENV)


def test_inputs_cli_pdf_pages_and_urls(tmp_path):
    pdf = make_pdf(tmp_path / "report.pdf", [["Threat report 2024", "", STORY], ["Page 2", ATTACK]])
    page = f"<html><head><title>Bank hit</title></head><body><article><p>{STORY}</p><p>{ATTACK}</p></article></body></html>"
    refused = f"http://127.0.0.1:{closed_port()}/gone.html"
    with Site({"/bank.html": (200, "text/html; charset=utf-8", page.encode())}) as site:
        done = _extract(str(pdf), f"{site.base}/bank.html", f"{site.base}/missing.html", refused)
    assert done.returncode == 1, done.stderr
    assert f"{site.base}/missing.html: answered HTTP 404" in done.stderr
    assert f"{refused}: could not be fetched" in done.stderr
    graph = json.loads(done.stdout)
    articles = {a["id"]: a for a in graph["articles"]}
    assert set(articles) == {"report.pdf", f"{site.base}/bank.html"}
    report = articles["report.pdf"]
    assert report["title"] == "Threat report 2024" and len(report["pages"]) == 2
    assert "pages" not in articles[f"{site.base}/bank.html"]
    evidence = [c for c in graph["claims"] if c["article"] == "report.pdf" and c["sentence"].strip() == ATTACK]
    assert evidence and all(c["page"] == 2 and c["start"] >= report["pages"][1] for c in evidence)
    assert any(c["predicate"] == "ATTRIBUTED_TO" for c in evidence)
    assert {c["page"] for c in graph["claims"] if c["article"] == "report.pdf"} <= {1, 2}
    web = [c for c in graph["claims"] if c["article"] == f"{site.base}/bank.html"]
    assert any(c["sentence"].strip() == ATTACK for c in web) and all("page" not in c for c in web)


def test_inputs_cli_folders_with_nothing_to_read_exit_1(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "page1.tiff").write_bytes(b"II*\x00")
    done = _extract(str(tmp_path / "empty"), str(tmp_path / "scans"))
    assert done.returncode == 1
    assert f"{tmp_path / 'empty'}: is an empty folder" in done.stderr
    assert f"{tmp_path / 'scans'}: holds no file kg reads (page1.tiff" in done.stderr
    assert json.loads(done.stdout)["articles"] == []
