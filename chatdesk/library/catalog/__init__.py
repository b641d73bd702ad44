"""The catalog: every model ChatDesk knows, kept in ``DATA_DIR/library.json``.

Opening the library must be instant even with dozens of multi-gigabyte models, so what each GGUF
says about itself (architecture, parameters, quantization, context, template, licence) is read
once, when the model is added, and stored with the file's size and modification time. Opening
only reads that JSON and ``stat``s each file: a file that vanished is flagged ``missing``, and
only a file whose size or time changed is parsed again.

Writers are the window, ``chatdesk models`` and background downloads, possibly in different
processes at once; every change re-reads the file under a cross-process lock and replaces it
atomically (``jsonfile``), so no writer loses another's change and a crash leaves a whole file.

One module per job: ``catalog`` (``Catalog``, the library's one door: lookups, changes, the
default), ``library_file`` (library.json: reading, setting a damaged one aside, locked atomic
rewrites), ``records`` (ids, added times, finding a record by its file), ``file_facts`` (what a
GGUF says, its stamp, its SHA-256), ``refresh`` (the disk checked on open, GGUFs in models/
adopted) and ``removal`` (which files go with their entry). The names below are the package's
public face (``chatdesk.library`` re-exports ``Catalog`` and ``Removal``).
"""

from chatdesk.library.catalog.catalog import Catalog
from chatdesk.library.catalog.file_facts import file_sha256
from chatdesk.library.catalog.library_file import FORMAT, VERSION
from chatdesk.library.catalog.records import now_iso, slugify
from chatdesk.library.catalog.refresh import OWNED_SOURCES
from chatdesk.library.catalog.removal import Removal

__all__ = ["FORMAT", "OWNED_SOURCES", "VERSION", "Catalog", "Removal", "file_sha256", "now_iso", "slugify"]
