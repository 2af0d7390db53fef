"""PDF and Word documents: real files, text in reading order, and the page each offset is on."""

from __future__ import annotations

import pytest

from kg.ingest.documents import join_pages
from kg.ingest.read import Problem, read_paths
from kg.models import page_of
from tests.inputs import ATTACK, make_pdf

INTRO = ["Annual threat report", "", "This report covers the incidents our team handled during the year,",
         "with the lessons each one taught us about the attackers and their tools."]


def _read(path):
    items = list(read_paths([str(path)]))
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def test_documents_pdf_text_and_page_starts(tmp_path):
    pdf = make_pdf(tmp_path / "report.pdf", [INTRO, ["Page 2 of 3", "Acme Bank was breached in March.", ATTACK],
                                             ["The bank restored its systems within a week."]])
    (article,), problems = _read(pdf)
    assert problems == []
    assert article.id == "report.pdf" and article.title == "Annual threat report"
    assert len(article.pages) == 3
    at = article.text.index(ATTACK)
    assert page_of(article.pages, at) == 2
    assert page_of(article.pages, article.text.index("Annual")) == 1
    assert page_of(article.pages, article.text.index("restored")) == 3
    assert "Page 2 of 3" not in article.text
    assert "during the year, with the lessons" in article.text  # a wrapped line joins its paragraph
    assert article.record()["pages"] == article.pages


@pytest.mark.parametrize("texts, text, pages", [
    # A line as long as most ends nowhere in particular: it runs on; a short one ends its paragraph.
    (["One line ends here.\nShort.", "", "Third page."], "One line ends here. Short.\nThird page.", [0, 26, 27]),
    (["A long line that runs on past the end of the", "page into the next one.\n7"],
     "A long line that runs on past the end of the page into the next one.", [0, 45]),
    (["Header\nBody one.", "Header\nBody two.", "Header\nBody three."], "Body one. Body two. Body three.",
     [0, 10, 20]),
    ([], "", []),
])
def test_documents_join_pages(texts, text, pages):
    paged = join_pages(texts)
    assert paged.text == text and paged.pages == pages


@pytest.mark.parametrize("data, reason", [(b"%PDF-1.4\nnot really a pdf", "not a PDF"), (b"", "not a PDF")])
def test_documents_broken_pdf_is_named(tmp_path, data, reason):
    (tmp_path / "broken.pdf").write_bytes(data)
    articles, (problem,) = _read(tmp_path / "broken.pdf")
    assert articles == [] and problem.path.endswith("broken.pdf") and reason in problem.message


def test_documents_pdf_without_text_says_run_ocr(tmp_path):
    make_pdf(tmp_path / "scan.pdf", [[], []])
    _, (problem,) = _read(tmp_path / "scan.pdf")
    assert "no text layer" in problem.message and "OCR" in problem.message


def test_documents_docx_paragraphs_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Incident note", level=1)
    document.add_paragraph(ATTACK)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Victim", "Acme Bank"
    document.save(tmp_path / "note.docx")
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not a zip")
    (article,), (problem,) = _read(tmp_path)
    assert article.id == "note.docx" and article.title == "Incident note"
    assert article.text.splitlines() == ["Incident note", ATTACK, "Victim", "Acme Bank"]
    assert article.pages is None and "pages" not in article.record()
    assert problem.path.endswith("fake.docx") and ".docx" in problem.message
