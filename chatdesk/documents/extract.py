"""A file's bytes → its text, page by page: the one entry point for every supported format.

The caller reads the file once (to hash it and to notice a change while reading) and hands the
bytes here, so what is indexed is exactly what was hashed. The format comes from the file name;
a name this module does not know is indexed if its bytes are text and refused as binary if not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from chatdesk.documents import errors
from chatdesk.documents.errors import ExtractionError
from chatdesk.documents.extract_docx import docx_text
from chatdesk.documents.extract_html import html_to_text
from chatdesk.documents.extract_pdf import pdf_pages
from chatdesk.documents.textcodec import decode
from translatable import msg

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst", ".org", ".csv", ".tsv", ".log", ".tex", ".adoc"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CODE_SUFFIXES = {
    ".py", ".pyi", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".scala", ".c", ".h", ".cc", ".cpp",
    ".cxx", ".hpp", ".cs", ".go", ".rs", ".rb", ".php", ".swift", ".m", ".sh", ".bash", ".zsh", ".ps1",
    ".bat", ".sql", ".r", ".lua", ".pl", ".dart", ".vue", ".css", ".scss", ".json", ".yaml", ".yml",
    ".toml", ".ini", ".cfg", ".xml", ".gradle", ".cmake", ".mk",
}
SPECIAL_NAMES = {"makefile", "dockerfile", "readme", "license", "cmakelists.txt"}
# Formats refused without reading: indexing them as text would only index noise.
KNOWN_BINARY = {
    ".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".gz", ".7z", ".rar", ".tar", ".png", ".jpg", ".jpeg",
    ".gif", ".webp", ".bmp", ".ico", ".mp3", ".mp4", ".mov", ".wav", ".exe", ".dll", ".so", ".dylib", ".bin",
    ".gguf", ".safetensors", ".pt", ".pyc", ".o", ".a", ".class", ".jar", ".sqlite", ".sqlite3", ".db",
}
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Page:
    number: int | None  # PDF page from 1; None for formats without pages
    text: str


@dataclass(frozen=True)
class Extracted:
    kind: str  # "text", "markdown", "code", "html", "pdf", "docx"
    pages: tuple[Page, ...]
    encoding: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)


def kind_of(path: str | PurePath) -> str | None:
    """The format a file name says, or None when only its bytes can tell."""
    p = PurePath(path)
    suffix = p.suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in CODE_SUFFIXES or p.name.lower() in SPECIAL_NAMES:
        return "code"
    if suffix in KNOWN_BINARY:
        return "binary"
    return None


def extract(data: bytes, path: str | PurePath) -> Extracted:
    """The text of ``data`` (the bytes of ``path``); ``ExtractionError`` with a reason if none."""
    name = PurePath(path).name
    if len(data) > MAX_FILE_BYTES:
        raise ExtractionError(errors.TOO_LARGE, msg("{name} is larger than {limit} MB and was skipped.", name=name, limit=MAX_FILE_BYTES // (1024 * 1024)))
    kind = kind_of(path)
    if kind == "binary":
        raise ExtractionError(errors.BINARY, msg("{name} is a binary file, not text.", name=name))
    if kind == "pdf":
        if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
            raise ExtractionError(errors.CORRUPT, msg("{name} is not a readable PDF ({detail}).", name=name, detail="no PDF header"))
        result = Extracted("pdf", tuple(Page(n, _clean(t)) for n, t in pdf_pages(data, name)))
    elif kind == "docx":
        result = Extracted("docx", (Page(None, _clean(docx_text(data, name))),))
    else:
        text, encoding = decode(data, name)
        if kind == "html" or (kind is None and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
            result = Extracted("html", (Page(None, _clean(html_to_text(text))),), encoding)
        else:
            result = Extracted(kind or "text", (Page(None, _clean(text)),), encoding)
    if kind == "pdf" and not any(p.text.strip() for p in result.pages):
        # An empty text file is simply empty; a PDF without text is usually a scan, worth saying.
        raise ExtractionError(errors.EMPTY, msg("{name} has no text to index (a scanned PDF needs text recognition first).", name=name))
    return result


def _clean(text: str) -> str:
    """Line endings unified and NULs dropped, so offsets mean the same in every viewer."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
