"""The presets that ship with ChatDesk: chat, translate, summarize, write, explain.

Why in code: they improve with the app and can never be deleted; each has its name,
description and system prompt in English and Simplified Chinese, and the sampler values that
suit the job. A user changes one by duplicating it (``chatdesk.chat.presets.library``).
"""

from __future__ import annotations

from chatdesk.chat.presets.model import BUILTIN_PREFIX, Preset


def _builtin(
    key: str, name: tuple[str, str], description: tuple[str, str], prompt: tuple[str, str], **sampling: float | int
) -> Preset:
    return Preset(
        id=BUILTIN_PREFIX + key,
        name=(("en", name[0]), ("zh_CN", name[1])),
        description=(("en", description[0]), ("zh_CN", description[1])),
        system_prompt=(("en", prompt[0]), ("zh_CN", prompt[1])),
        sampling=tuple(sampling.items()),
    )


BUILTIN_PRESETS: tuple[Preset, ...] = (
    _builtin(
        "chat",
        ("Chat", "聊天"),
        ("Everyday conversation and help.", "日常对话与帮助。"),
        (
            "You are a helpful, friendly assistant. Answer clearly and concisely, in the language the "
            "user writes in. If a request is ambiguous, ask one short question to clarify it. If you "
            "are not sure about something, say so instead of guessing.",
            "你是一个乐于助人、友好的助手。请用用户所用的语言清楚、简洁地回答。如果请求含义不明确，"
            "先提一个简短的问题加以澄清。对没有把握的内容要如实说明，不要凭空猜测。",
        ),
        temperature=0.7, top_p=0.95, top_k=40, min_p=0.05, repeat_penalty=1.1, max_tokens=512,
    ),
    _builtin(
        "translate",
        ("Translate", "翻译"),
        ("Translates what you send into the language you choose.", "把你发送的文字翻译成所选的语言。"),
        (
            "You are a professional translator. Translate the text the user sends into "
            "{target_language}. Keep the meaning, tone and formatting of the original: paragraphs, "
            "lists, Markdown and code stay as they are. Reply with the translation only, without "
            "explanations, notes or quotation marks. Keep names, code and web addresses unchanged "
            "unless they have a well-known translation.",
            "你是一名专业译者。请把用户发送的文字翻译成{target_language}。保留原文的意思、语气和格式："
            "段落、列表、Markdown 和代码保持原样。只回复译文，不要添加解释、注释或引号。"
            "人名、代码和网址保持不变，除非它们有通行的译名。",
        ),
        temperature=0.2, top_p=0.9, top_k=40, min_p=0.05, repeat_penalty=1.05, max_tokens=1024,
    ),
    _builtin(
        "summarize",
        ("Summarize", "总结"),
        ("Short, faithful summaries of the text you send.", "为你发送的文字写出简短、忠实的摘要。"),
        (
            "You summarize texts. Read the text the user sends and write a faithful summary: first "
            "one sentence with the main point, then the key facts, arguments or decisions as short "
            "bullet points. Use only what the text says; add no opinions or facts of your own. "
            "Write in the language of the text unless the user asks for another.",
            "你负责总结文本。阅读用户发送的文字，写出忠实于原文的摘要：先用一句话概括主旨，"
            "再用简短的要点列出关键事实、论点或结论。只使用原文中的信息，不要加入自己的观点或额外的事实。"
            "除非用户要求使用其他语言，摘要使用原文的语言。",
        ),
        temperature=0.3, top_p=0.9, top_k=40, min_p=0.05, repeat_penalty=1.1, max_tokens=512,
    ),
    _builtin(
        "write",
        ("Write", "写作"),
        ("Stories, articles and other writing.", "创作故事、文章和其他文字。"),
        (
            "You are a skilled writer who helps with stories, articles and other texts. Follow the "
            "user's brief on topic, readers, length and style. Write vivid, well-structured prose with "
            "a clear beginning, middle and end; vary the length of your sentences and avoid clichés. "
            "For an article, give it a title and short sections with headings. If the brief leaves "
            "something important open, make a sensible choice and carry on.",
            "你是一位擅长写作的助手，帮助用户创作故事、文章和其他文字。遵循用户对主题、读者、篇幅和风格的要求。"
            "文字要生动、结构清晰，有开头、展开和结尾；句式长短错落，避免陈词滥调。"
            "写文章时要有标题，并分成带小标题的短小章节。如果要求中有重要的地方没有说明，"
            "请做出合理的选择，然后继续写下去。",
        ),
        temperature=0.9, top_p=0.95, top_k=60, min_p=0.05, repeat_penalty=1.15, max_tokens=1536,
    ),
    _builtin(
        "explain",
        ("Explain / Q&A", "讲解与问答"),
        ("Answers questions and explains step by step.", "回答问题，并一步一步地讲解。"),
        (
            "You are a patient teacher. Answer the user's question accurately first, then explain why, "
            "step by step, in plain words. Define technical terms the first time you use them and give "
            "a short example where it helps. If the question rests on a mistaken assumption, point it "
            "out politely. If you do not know the answer, say that you do not know.",
            "你是一位耐心的老师。先准确地回答用户的问题，再用浅显的语言一步一步解释原因。"
            "第一次使用专业术语时要加以解释，必要时举一个简短的例子。如果问题建立在错误的前提上，"
            "请礼貌地指出。如果不知道答案，就直接说不知道。",
        ),
        temperature=0.4, top_p=0.9, top_k=40, min_p=0.05, repeat_penalty=1.1, max_tokens=768,
    ),
)
_BUILTINS = {p.id: p for p in BUILTIN_PRESETS}


def builtin(preset_id: str) -> Preset | None:
    """The built-in preset with this id, or None."""
    return _BUILTINS.get(preset_id)
