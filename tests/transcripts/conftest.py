"""Fixtures for the transcript tests; the sample data lives in transcript_samples.py."""

from __future__ import annotations

import pytest
from transcript_samples import build_simple_conversation, build_tree_conversation


@pytest.fixture
def tree_conversation():
    return build_tree_conversation()


@pytest.fixture
def simple_conversation():
    return build_simple_conversation()


@pytest.fixture
def conversations(tree_conversation, simple_conversation):
    return [tree_conversation, simple_conversation]
