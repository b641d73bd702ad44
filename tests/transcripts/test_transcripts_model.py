"""active_path and branch bookkeeping - what every linear export is built on."""

from __future__ import annotations

from dataclasses import replace

from chatdesk.transcripts import active_path, hidden_message_count, sibling_positions


def uids(path):
    return [m.uid for m in path]


def test_active_path_follows_the_active_leaf(tree_conversation):
    assert uids(active_path(tree_conversation)) == ["s1", "u1", "a1b", "u2e", "a3"]
    assert hidden_message_count(tree_conversation) == 2


def test_active_path_can_select_an_older_branch(tree_conversation):
    conv = replace(tree_conversation, active_leaf_uid="a1")
    assert uids(active_path(conv)) == ["s1", "u1", "a1"]


def test_without_a_leaf_the_newest_child_is_followed(tree_conversation):
    conv = replace(tree_conversation, active_leaf_uid=None)
    assert uids(active_path(conv)) == ["s1", "u1", "a1b", "u2e", "a3"]


def test_unknown_leaf_falls_back_to_newest(tree_conversation):
    conv = replace(tree_conversation, active_leaf_uid="no-such-message")
    assert uids(active_path(conv))[-1] == "a3"


def test_inner_active_node_continues_to_its_newest_descendant(tree_conversation):
    conv = replace(tree_conversation, active_leaf_uid="u2")
    assert uids(active_path(conv)) == ["s1", "u1", "a1b", "u2"]  # u2 has no children
    conv = replace(tree_conversation, active_leaf_uid="u1")
    assert uids(active_path(conv)) == ["s1", "u1", "a1b", "u2e", "a3"]


def test_sibling_positions(tree_conversation):
    path = active_path(tree_conversation)
    assert sibling_positions(tree_conversation, path) == [(1, 1), (1, 1), (2, 2), (2, 2), (1, 1)]


def test_empty_conversation(tree_conversation):
    conv = replace(tree_conversation, messages=(), active_leaf_uid=None)
    assert active_path(conv) == []
    assert hidden_message_count(conv) == 0
