"""Evaluation results in the real SQLite store, and their CSV / JSON exports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from sqlalchemy import inspect

from chatdesk.store import Store, StoreError, migrations
from chatdesk.store.evaluations import (
    EvaluationRow,
    delete_evaluation,
    get_evaluation,
    list_evaluations,
    save_evaluation,
)


@pytest.fixture(scope="module")
def real_result(model_path, tmp_path_factory):
    """A result measured on the bundled model (two windows of 128 tokens), as the child prints it."""
    from chatdesk.evaluation.evaluate import Options, evaluate
    from chatdesk.evaluation.texts import builtin_sample

    return evaluate(model_path, builtin_sample(), Options(n_ctx=128, max_chunks=2, gen_tokens=8)).to_dict()


def test_migration_creates_the_table_the_orm_maps(tmp_path):
    s = Store(tmp_path / "db.sqlite3")
    db_cols = {c["name"] for c in inspect(s.engine).get_columns("evaluations")}
    assert db_cols == {c.name for c in EvaluationRow.__table__.columns}
    s.close()


def test_existing_database_gains_the_table_and_keeps_its_chats(tmp_path):
    names = [n for n, _ in migrations.MIGRATIONS]
    before = names[names.index("m010_evaluations") - 1]
    path = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(raw, upto=before)
    raw.execute("INSERT INTO conversations(uid,title,created_at,updated_at) VALUES ('c1','Kept',1,2)")
    raw.close()
    s = Store(path, tmp_path / "backups")
    assert [c.title for c in s.list_conversations()] == ["Kept"]
    assert list_evaluations(s) == []
    assert any("before-m010_evaluations" in p.name for p in (tmp_path / "backups").iterdir())
    s.close()


def test_save_list_get_delete_round_trip(store, real_result):
    first = save_evaluation(store, real_result)
    other = json.loads(json.dumps(real_result))
    other["text"]["sha256"] = "0" * 64
    second = save_evaluation(store, other)
    assert first.result == real_result  # the whole result, provenance included, comes back intact
    assert first.perplexity == pytest.approx(real_result["perplexity"])
    assert first.model_sha256 == real_result["model"]["sha256"]
    assert [r.id for r in list_evaluations(store)] == [second.id, first.id]  # newest first
    assert [r.id for r in list_evaluations(store, text_sha256=real_result["text"]["sha256"])] == [first.id]
    assert [r.id for r in list_evaluations(store, model_sha256="f" * 64)] == []
    got = get_evaluation(store, first.id)
    assert got is not None and got.result["provenance"] == real_result["provenance"]
    assert delete_evaluation(store, first.id) is True
    assert delete_evaluation(store, first.id) is False
    assert get_evaluation(store, first.id) is None
    assert [r.id for r in list_evaluations(store)] == [second.id]


def test_survives_reopening_the_database(data_dir, real_result):
    s = Store(data_dir / "chatdesk.sqlite3")
    rec = save_evaluation(s, real_result)
    s.close()
    s = Store(data_dir / "chatdesk.sqlite3")
    assert get_evaluation(s, rec.id).result == real_result
    s.close()


def test_incomplete_result_is_refused_in_words(store, real_result):
    broken = {k: v for k, v in real_result.items() if k != "model"}
    with pytest.raises(StoreError, match="no model.path"):
        save_evaluation(store, broken)
    assert list_evaluations(store) == []


def test_csv_export_has_one_row_per_result(real_result):
    from chatdesk.evaluation.export import COLUMNS, to_csv

    rows = list(csv.DictReader(io.StringIO(to_csv([real_result, real_result]))))
    assert len(rows) == 2
    assert list(rows[0]) == [name for name, _ in COLUMNS]
    assert float(rows[0]["perplexity"]) == pytest.approx(real_result["perplexity"])
    assert rows[0]["model_sha256"] == real_result["model"]["sha256"]
    assert rows[0]["text"] == "builtin:sample-en-zh.txt"
    assert int(rows[0]["n_ctx"]) == 128 and int(rows[0]["tokens"]) == real_result["tokens"]
    assert rows[0]["kl_divergence"] == ""  # no reference: empty, not "None"
    assert rows[0]["ggml_commit"] == real_result["provenance"]["ggml_commit"]


def test_json_export_round_trips(real_result):
    from chatdesk.evaluation.export import EXPORT_SCHEMA, to_json

    data = json.loads(to_json([real_result]))
    assert data == {"schema": EXPORT_SCHEMA, "results": [real_result]}
