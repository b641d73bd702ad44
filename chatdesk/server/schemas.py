"""The request bodies the server accepts, checked the way OpenAI's API checks them.

Fields OpenAI's API knows but ChatDesk does not use (``frequency_penalty``, ``tools``,
``response_format``...) and unknown fields are ignored, as OpenAI ignores unknown fields; a
field of the wrong type (``"temperature": "hot"``) is a 400 naming the field. Validation is strict
(no "0.5" for a number, no 1 for a boolean) because a client that sends strings by mistake should
learn it here, not get silently different sampling. The llama.cpp-style sampler extras
``top_k``, ``min_p``, ``repeat_penalty`` and ``ignore_eos`` are accepted too, so a client (or the benchmark) can ask
for exactly the sampler llama.cpp's own server would use.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chatdesk.server.errors import APIError, bad_request
from translatable import msg

MAX_TOP_LOGPROBS = 20
MAX_STOP_STRINGS = 4


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class TextPart(_Body):
    type: Literal["text"]
    text: str


class Message(_Body):
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart] | None = None

    def text(self) -> str:
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "".join(p.text for p in self.content)


class StreamOptions(_Body):
    include_usage: bool = False


class _Generation(_Body):
    model: str
    max_tokens: Annotated[int, Field(ge=1)] | None = None
    temperature: Annotated[float, Field(ge=0, le=2)] | None = None
    top_p: Annotated[float, Field(ge=0, le=1)] | None = None
    seed: int | None = None
    n: Annotated[int, Field(ge=1, le=1)] | None = None
    stop: str | Annotated[list[str], Field(max_length=MAX_STOP_STRINGS)] | None = None
    stream: bool | None = False
    stream_options: StreamOptions | None = None
    user: str | None = None
    # llama.cpp server's sampler extras (not OpenAI's)
    top_k: Annotated[int, Field(ge=0)] | None = None
    min_p: Annotated[float, Field(ge=0, le=1)] | None = None
    repeat_penalty: Annotated[float, Field(gt=0)] | None = None
    ignore_eos: bool | None = None

    def stop_strings(self) -> tuple[str, ...]:
        if self.stop is None:
            return ()
        return (self.stop,) if isinstance(self.stop, str) else tuple(self.stop)


class ChatRequest(_Generation):
    messages: Annotated[list[Message], Field(min_length=1)]
    max_completion_tokens: Annotated[int, Field(ge=1)] | None = None
    logprobs: bool | None = False
    top_logprobs: Annotated[int, Field(ge=0, le=MAX_TOP_LOGPROBS)] | None = None


class CompletionRequest(_Generation):
    prompt: str | Annotated[list[str], Field(min_length=1, max_length=1)]
    logprobs: Annotated[int, Field(ge=0, le=MAX_TOP_LOGPROBS)] | None = None
    echo: bool | None = False
    suffix: str | None = None

    def prompt_text(self) -> str:
        return self.prompt if isinstance(self.prompt, str) else self.prompt[0]


class EmbeddingRequest(_Body):
    model: str
    input: str | Annotated[list[str], Field(min_length=1, max_length=2048)]
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: Annotated[int, Field(ge=1)] | None = None
    user: str | None = None

    def texts(self) -> list[str]:
        return [self.input] if isinstance(self.input, str) else list(self.input)


def parse(model: type[_Body], data: object) -> _Body:
    """Validate a decoded JSON body; the first problem becomes an OpenAI-shaped 400."""
    if not isinstance(data, dict):
        raise bad_request(msg("The request body must be a JSON object."))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _as_api_error(exc) from None


def _as_api_error(exc: ValidationError) -> APIError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    # A union (``stop``: a string or a list) reports each member; a value error ("at most 4")
    # says more than "not a string".
    same_field = [e for e in errors if e.get("loc", ())[:1] == first.get("loc", ())[:1]]
    first = next((e for e in same_field if not str(e.get("type", "")).endswith("_type")), first)
    loc = [str(p) for p in first.get("loc", ())]
    # pydantic reports each member of a union; keep the field path, not the union branch names.
    path: list[str] = []
    for part in loc:
        if part.isdigit() and path:
            path[-1] = f"{path[-1]}[{part}]"
        elif part in {"str", "int", "float", "bool", "list[str]", "list[TextPart]", "TextPart", "StreamOptions",
                      "function-after", "constrained-int", "constrained-float"} or "[" in part and "]" in part and not path:
            continue
        else:
            path.append(part)
    param = ".".join(path) or None
    kind = first.get("type", "")
    if kind == "missing":
        return bad_request(msg("Missing required parameter: '{param}'.", param=param), param=param, code="missing_required_parameter")
    detail = first.get("msg", "invalid value")
    return bad_request(msg("Invalid value for '{param}': {detail}.", param=param, detail=detail), param=param,
                       code="invalid_type" if kind.endswith("_type") else "invalid_value")
