"""The Server feature: the window's panel for ChatDesk's local OpenAI-compatible server
(``chatdesk.server``): on/off, address, API key, the queue of requests and the request log."""
