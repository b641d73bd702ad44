"""The conversation flow, Qt-free: what the window and ``chatdesk ask`` both drive.

``ConversationFlow`` turns a user action (send, regenerate, edit, continue, branch at a token)
into a stored reply row plus an engine request (``ReplyPlan``); ``ReplyRecorder`` saves the
reply while it streams and when it ends; ``provenance`` says how it was made and whether it
can be reproduced.
"""

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.flow import ConversationFlow, FlowError, ModelTarget, ReplyPlan
from chatdesk.chat.provenance import reproduction_caveats
from chatdesk.chat.recorder import FinishedReply, ReplyRecorder

__all__ = [
    "ChatSettings",
    "ConversationFlow",
    "FinishedReply",
    "FlowError",
    "ModelTarget",
    "ReplyPlan",
    "ReplyRecorder",
    "reproduction_caveats",
]
