"""``chatdesk models import``: File → Import checkpoint… without the window.

Converts a nanoGPT ``ckpt.pt`` or a Hugging Face GPT-2 folder into the data folder's ``models/``
(``library.imports.converted_model_path``: an earlier import under the same name and type is
never replaced unless ``--replace``; ``--keep-both`` saves beside it), checks logits parity with
the checkpoint as the dialog does (``converters.verify``; the verdict is ``converters.parity``'s
sentence, the window's), and lists the model in the library as an imported checkpoint. The
converter runs in this process; Ctrl+C stops it and its temporary files are removed.

Exit codes: 0 converted and the parity check passed, 2 bad input (the converter's or the
library's sentence), 1 the conversion failed, 3 converted and listed but the parity check failed
or could not run.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from chatdesk.cli.common import JSON_LINES_HELP, CommandError, add_data_dir, print_json_line

EXIT_PARITY_FAILED = 3


def register(msub: argparse._SubParsersAction) -> None:
    p = msub.add_parser("import", help="convert a GPT-2 or nanoGPT checkpoint to GGUF, check it, add it to the library",
                        description="Convert a trained checkpoint (nanoGPT ckpt.pt or a Hugging Face GPT-2 folder) into "
                                    "the library, then check that it computes the checkpoint's logits.")
    add_data_dir(p)
    p.add_argument("src", help="nanoGPT ckpt.pt (or its out folder), or a Hugging Face GPT-2 folder")
    p.add_argument("--type", default="q8_0", help="quantization (default q8_0; chatdesk-convert --help lists them)")
    p.add_argument("--name", help="model name (default: the checkpoint's folder or file name)")
    p.add_argument("--tokenizer", help="tokenizer folder/file when the checkpoint has none (GPT-2's vocab.json + merges.txt)")
    again = p.add_mutually_exclusive_group()
    again.add_argument("--keep-both", action="store_true", help="if imported before under this name and type, keep both")
    again.add_argument("--replace", action="store_true", help="if imported before under this name and type, replace it")
    p.add_argument("--no-verify", action="store_true", help="skip the logits-parity check")
    p.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="imported model (its library entry, "
                                                                                  "verify report and parity sentence)"))
    p.set_defaults(run=run_import)


def default_name(src: str) -> str:
    """The dialog's rule: the file's stem, or its folder's name for nanoGPT's generic ``ckpt.pt``."""
    p = Path(src).expanduser()
    stem = p.stem or "model"
    if stem in ("ckpt", "model", "pytorch_model"):
        stem = p.resolve().parent.name or stem
    return re.sub(r"[^\w.-]+", "-", stem)


def run_import(args: argparse.Namespace) -> int:
    from chatdesk import paths
    from chatdesk.library import Catalog, LibraryError
    from chatdesk.library.imports import converted_model_path

    try:
        from converters import api
        from converters.errors import ConversionError
        from converters.parity import parity_sentence, parity_unavailable
        from converters.quant_types import QUANT_TYPES
    except ImportError as exc:  # numpy or the converter's own needs missing from this installation
        raise CommandError(f"The converter cannot run here: {exc}.", 1) from exc
    if args.type not in QUANT_TYPES:
        raise CommandError(f"--type must be one of {', '.join(QUANT_TYPES)}, not {args.type!r}.")
    name = args.name or default_name(args.src)
    if_exists = "keep_both" if args.keep_both else "replace" if args.replace else "refuse"
    try:
        paths.ensure_data_dir()
        paths.models_dir().mkdir(parents=True, exist_ok=True)
        out = converted_model_path(name, args.type, if_exists=if_exists)
    except (LibraryError, paths.DataDirError) as exc:
        raise CommandError(f"{exc} (--keep-both or --replace says which)" if getattr(exc, "kind", "") == "exists" else str(exc)) from exc

    def progress(fraction: float, message: str) -> None:
        print(f"[{fraction * 100:5.1f}%] {message}", file=sys.stderr, flush=True)

    try:
        result = api.convert(args.src, out, args.type, tokenizer=args.tokenizer, name=name, progress=progress)
    except ConversionError as exc:
        raise CommandError(str(exc), exc.exit_code) from exc
    except KeyboardInterrupt as exc:  # convert removed its temporary files on the way out
        raise CommandError("Interrupted: nothing was imported.", 1) from exc
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)

    report: dict[str, Any] | None = None
    sentence = ""
    code = 0
    if not args.no_verify:
        progress(1.0, "checking logits parity with the checkpoint")
        try:
            report = api.verify(args.src, result.output, tokenizer=args.tokenizer).to_dict()
            sentence = str(parity_sentence(report))
            code = 0 if report["passed"] else EXIT_PARITY_FAILED
        except ConversionError as exc:
            sentence = str(parity_unavailable(str(exc)))
            code = EXIT_PARITY_FAILED
    try:
        entry = Catalog.open().add_file(result.output, source="imported")
    except LibraryError as exc:
        raise CommandError(f"Converted to {result.output}, but it could not be added to the library: {exc}", 1) from exc
    if args.json:
        print_json_line({**entry.to_json(), "verify": report, "parity": sentence or None})
    else:
        if sentence:
            print(sentence, file=sys.stderr)
        print(f"{entry.id}\t{result.output}")
    return code
