"""Errors the server answers with, shaped exactly like OpenAI's so every client library understands them.

OpenAI's clients (and the editors and agents built on them) read ``{"error": {"message", "type",
"param", "code"}}`` and map the HTTP status to an exception class (400 BadRequestError, 401
AuthenticationError, 404 NotFoundError, 413, 503 with ``Retry-After`` retried by the SDK...).
Messages are sentences for a person, built with ``translatable.msg`` like every Qt-free error.
"""

from __future__ import annotations

from typing import Any

from translatable import msg

INVALID_REQUEST = "invalid_request_error"
AUTHENTICATION = "authentication_error"
PERMISSION = "permission_error"
NOT_FOUND = "not_found_error"
SERVER_ERROR = "server_error"
OVERLOADED = "service_unavailable_error"


class APIError(Exception):
    """An HTTP error answer: status, OpenAI error body and extra headers (``Retry-After``)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = INVALID_REQUEST,
        param: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return {"error": {"message": str(self.message), "type": self.type, "param": self.param, "code": self.code}}


def error_body(message: str, type: str = INVALID_REQUEST, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return APIError(400, message, type=type, param=param, code=code).body()


def bad_request(message: str, *, param: str | None = None, code: str | None = None) -> APIError:
    return APIError(400, message, param=param, code=code)


def model_not_found(model: str) -> APIError:
    return APIError(
        404,
        msg("The model '{model}' does not exist in ChatDesk's library. GET /v1/models lists the ids you can use.", model=model),
        param="model",
        code="model_not_found",
    )


def busy_loading(loading: str, retry_after_s: int) -> APIError:
    return APIError(
        503,
        msg("The server is loading the model '{model}'; one model loads at a time. Try again in {seconds} seconds.",
            model=loading, seconds=retry_after_s),
        type=OVERLOADED,
        code="model_loading",
        headers={"Retry-After": str(retry_after_s)},
    )
