"""Your own files, searchable: extraction, chunking, a hybrid index and named collections. Qt-free.

The pieces, one job each, in the order a file goes through them:

- ``textcodec``  bytes → text in the encodings people's files really use (BOMs, UTF-8, UTF-16,
  GB18030, Big5, ...), and the verdict "this is a binary file";
- ``extract`` (with ``extract_html``, ``extract_pdf``, ``extract_docx``) a file → its pages of
  text, or an ``ExtractionError`` with a reason the user can read;
- ``chunking``   pages → passages that remember their file, page and character offsets;
- ``segment``    text → words, Chinese split by jieba, so FTS5 matches Chinese queries;
- ``database``   the index's own SQLite file (FTS5 + sqlite-vec), opened safely;
- ``index``      collections, files, chunks and their vectors, written one file per transaction;
- ``indexer``    a collection's folders → an up-to-date index: incremental by content hash,
  resumable, cancellable, every failure listed with its reason;
- ``hybrid_search`` keyword + vector search merged by reciprocal rank fusion.

It depends on the engine layer (embeddings) and ``chatdesk.paths`` only; the chat flow and the
CLI use it, the window drives it through them.
"""

from chatdesk.documents.errors import DocumentsError, ExtractionError
from chatdesk.documents.hybrid_search import Hit, search
from chatdesk.documents.index import CollectionInfo, DocumentIndex, FailedFile
from chatdesk.documents.indexer import IndexReport, index_collection

__all__ = [
    "CollectionInfo",
    "DocumentIndex",
    "DocumentsError",
    "ExtractionError",
    "FailedFile",
    "Hit",
    "IndexReport",
    "index_collection",
    "search",
]
