"""The server's OpenAI endpoints, one module each: what that endpoint accepts and answers.

Each endpoint is ``async def endpoint(state, request)``; ``chatdesk.server.app`` binds them to
the shared ``ServerState`` and to their paths. What they share lives beside them:
``request_parts`` (reading a request), ``generation`` and ``sse_stream`` (answering a chat or
completion), ``exchange`` (a queued job and its response).
"""
