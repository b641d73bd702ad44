"""Every supported format, and the hostile files people's folders contain, through the real
extractors (pypdf, python-docx, charset-normalizer) on files written here."""

from __future__ import annotations

import pytest
from documents_support import write_docx, write_pdf, write_zip_bomb_docx

from chatdesk.documents import errors
from chatdesk.documents.chunking import chunk_pages
from chatdesk.documents.errors import ExtractionError
from chatdesk.documents.extract import Page, extract
from chatdesk.documents.textcodec import decode

ZH = "本合同的期限为两年，自双方签字之日起生效。甲方应当在每月五日前支付租金，逾期支付的，每日加收百分之一的滞纳金。"
ZH_TW = "本合約的期限為兩年，自雙方簽字之日起生效。甲方應當在每月五日前支付租金，逾期支付的，每日加收百分之一的滯納金。"
EN = "The warranty covers manufacturing defects for twenty-four months from the date of purchase."


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-8", ZH), ("utf-8-sig", ZH), ("utf-16", ZH), ("utf-16-le", EN), ("gb18030", ZH), ("big5", ZH_TW), ("cp1252", "Café crème brûlée — naïve façade")],
)
def test_text_files_in_the_encodings_people_use(tmp_path, encoding, text):
    data = text.encode(encoding)
    path = tmp_path / "note.txt"
    path.write_bytes(data)
    got = extract(path.read_bytes(), path)
    assert got.kind == "text"
    assert got.text == text


def test_markdown_and_source_code_are_text(tmp_path):
    md = tmp_path / "readme.md"
    md.write_text("# Title\r\n\r\nSome *notes* here.\r\n", encoding="utf-8")
    code = tmp_path / "tool.py"
    code.write_text("def add(a, b):\n    return a + b  # 加法\n", encoding="utf-8")
    assert extract(md.read_bytes(), md).text == "# Title\n\nSome *notes* here.\n"  # CRLF unified
    got = extract(code.read_bytes(), code)
    assert got.kind == "code" and "return a + b  # 加法" in got.text


def test_html_keeps_visible_text_only(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Opening hours</title><style>p{color:red}</style>"
        "<script>var token = 'do-not-index';</script></head><body><h1>Library</h1><p>Open 9&nbsp;to 17 on weekdays.</p>"
        "<noscript>enable javascript</noscript><p>周六 10 点开门。</p></body></html>",
        encoding="utf-8",
    )
    text = extract(page.read_bytes(), page).text
    assert "Open 9\xa0to 17 on weekdays." in text and "周六 10 点开门。" in text and "Opening hours" in text
    assert "do-not-index" not in text and "color:red" not in text and "enable javascript" not in text


def test_pdf_text_per_page_in_both_languages(tmp_path):
    pdf = write_pdf(tmp_path / "report.pdf", ["First page: revenue grew by 12 percent.", "第二页：合同期限为两年。"])
    got = extract(pdf.read_bytes(), pdf)
    assert got.kind == "pdf"
    assert [p.number for p in got.pages] == [1, 2]
    assert "revenue grew by 12 percent" in got.pages[0].text
    assert "合同期限为两年" in got.pages[1].text


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    pdf = write_pdf(tmp_path / "locked-printing.pdf", ["Readable without a password."], owner_password="owner")
    assert "Readable without a password." in extract(pdf.read_bytes(), pdf).text


def test_encrypted_pdf_is_refused_with_its_reason(tmp_path):
    pdf = write_pdf(tmp_path / "secret.pdf", ["confidential"], user_password="open-sesame")
    with pytest.raises(ExtractionError) as info:
        extract(pdf.read_bytes(), pdf)
    assert info.value.reason == errors.ENCRYPTED
    assert "secret.pdf is an encrypted PDF" in str(info.value.message)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"%PDF-1.4\n" + bytes(range(256)) * 4, b"not a pdf at all"])
def test_corrupt_pdf_is_refused(data):
    with pytest.raises(ExtractionError) as info:
        extract(data, "broken.pdf")
    assert info.value.reason == errors.CORRUPT
    assert "broken.pdf is not a readable PDF" in str(info.value.message)


def test_docx_paragraphs_headings_and_tables_in_order(tmp_path):
    doc = write_docx(tmp_path / "policy.docx", title="Leave policy", paragraphs=["Employees get 25 days of paid leave.", "员工每年有二十五天带薪假。"],
                     heading="Rates", table=[["Item", "Price"], ["Tea", "3 EUR"]])
    text = extract(doc.read_bytes(), doc).text
    assert text.index("# Leave policy") < text.index("25 days") < text.index("二十五天") < text.index("## Rates") < text.index("Tea | 3 EUR")


def test_docx_zip_bomb_is_refused_without_unpacking(tmp_path):
    bomb = write_zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=300)
    assert bomb.stat().st_size < 5 * 1024 * 1024
    with pytest.raises(ExtractionError) as info:
        extract(bomb.read_bytes(), bomb)
    assert info.value.reason == errors.ZIP_BOMB
    assert "zip bomb" in str(info.value.message)


def test_docx_that_is_not_a_zip_is_corrupt():
    with pytest.raises(ExtractionError) as info:
        extract(b"PK\x03\x04 truncated", "memo.docx")
    assert info.value.reason == errors.CORRUPT


@pytest.mark.parametrize(("name", "data"), [("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200)), ("blob.dat", bytes(range(256)) * 40),
                                            ("archive", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8)])
def test_binary_files_are_refused(name, data):
    with pytest.raises(ExtractionError) as info:
        extract(data, name)
    assert info.value.reason == errors.BINARY


def test_decode_reports_encoding():
    assert decode(ZH.encode("gb18030"), "x")[1] == "gb18030"
    assert decode(ZH_TW.encode("big5"), "x")[1] == "big5"
    assert decode("\ufeffhello".encode(), "x") == ("hello", "utf-8-sig")


def test_chunks_keep_page_and_exact_offsets():
    english = " ".join(f"Sentence number {i} talks about topic {i % 7}." for i in range(200))
    chinese = "".join(f"第{i}句话讨论第{i % 7}个主题。" for i in range(200))
    pages = [Page(1, english), Page(2, chinese)]
    chunks = chunk_pages(pages)
    assert len(chunks) > 6
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    for c in chunks:
        source = pages[c.page - 1].text
        assert source[c.start:c.end] == c.text
        assert c.text == c.text.strip() and c.text
    # Every character of each page is in some chunk (overlap allowed, no gaps).
    for page in pages:
        covered = [False] * len(page.text)
        for c in (c for c in chunks if c.page == page.number):
            for i in range(c.start, c.end):
                covered[i] = True
        assert all(covered[i] for i, ch in enumerate(page.text) if not ch.isspace())
    # Latin chunks end at sentence ends, not mid-word.
    assert all(c.text.endswith(".") for c in chunks if c.page == 1 and c.end < len(english))
