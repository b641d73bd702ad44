"""Parallel decoding (chatdesk/server/slots.py): clients of one local model share each
``llama_decode`` step, and each still gets exactly the reply it would get alone.

All against the real bundled model through a real uvicorn server on 127.0.0.1, driven by the
official ``openai`` package (and a real client process that is killed mid-stream). Log-probabilities
are checked as tests/test_server_api.py checks them: an independent llama-cpp-python ``Llama``
evaluates the prompt and then the reply's tokens one at a time, and numpy takes the softmax.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import openai
import pytest
from llama_cpp import Llama
from server_support import MODEL, N_CTX, TIMEOUT_S, running_server

from chatdesk.server import ServerSettings
from chatdesk.server.config import ServerConfigError

SLOTS = 4
REQUESTS = [
    # (kind, prompt, sampling): greedy and seeded sampling, chat and raw completion
    ("completion", "1, 2, 3,", {"temperature": 0}),
    ("chat", "Name three colours.", {"temperature": 0}),
    ("completion", "Once upon a time", {"temperature": 0.8, "seed": 7}),
    ("chat", "Say something about the sea.", {"temperature": 0.8, "top_p": 0.9, "seed": 11}),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("library"), parallel=SLOTS) as srv:
        srv.preload(MODEL)
        yield srv


@pytest.fixture(scope="module")
def client(server):
    return openai.OpenAI(base_url=server.base_url, api_key="x", timeout=TIMEOUT_S * 3, max_retries=0)


@pytest.fixture(scope="module")
def reference(model_path):
    # flash attention, as the server's parallel slots use it (chatdesk/server/slots.py)
    ref = Llama(model_path=model_path, n_ctx=N_CTX, logits_all=True, flash_attn=True, verbose=False)
    yield ref
    ref.close()


def _worker(server):
    return server.pool.loaded()[0].worker


def _wait_for(predicate, timeout: float = TIMEOUT_S) -> bool:
    done = threading.Event()
    timer = threading.Timer(timeout, done.set)
    timer.start()
    try:
        while not done.is_set():
            if predicate():
                return True
            done.wait(0.05)
        return predicate()
    finally:
        timer.cancel()


def _together(fn, n: int) -> list:
    """Run fn(0..n-1) from n threads released at the same moment."""
    start = threading.Barrier(n)

    def go(i: int):
        start.wait(TIMEOUT_S)
        return fn(i)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(go, range(n)))


def _ask(client, i: int, max_tokens: int = 24) -> str:
    kind, prompt, sampling = REQUESTS[i]
    if kind == "chat":
        reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": prompt}],
                                               max_tokens=max_tokens, **sampling)
        return reply.choices[0].message.content or ""
    return client.completions.create(model=MODEL, prompt=prompt, max_tokens=max_tokens, **sampling).choices[0].text


def test_the_server_decodes_a_local_models_replies_in_parallel_slots(server):
    worker = _worker(server)
    assert type(worker).__name__ == "SlotWorker" and worker.n_slots == SLOTS


def test_concurrent_clients_get_the_same_text_as_serial_ones(server, client):
    worker = _worker(server)
    worker.widest = 0
    serial = [_ask(client, i) for i in range(len(REQUESTS))]
    assert worker.widest == 1
    together = _together(lambda i: _ask(client, i), len(REQUESTS))
    assert worker.widest >= 2  # the replies really shared decode steps
    assert together == serial
    assert all(serial)


@pytest.fixture
def fresh(tmp_path):
    """A server whose slots hold nothing yet: each prompt is evaluated from its first position in
    one batch, as the reference evaluates it (llama.cpp's sums can depend on the batch split)."""
    with running_server(tmp_path / "library", parallel=SLOTS) as srv:
        srv.preload(MODEL)
        yield srv, openai.OpenAI(base_url=srv.base_url, api_key="x", timeout=TIMEOUT_S * 3, max_retries=0)


def test_concurrent_logprobs_match_a_softmax_of_llama_cpps_logits(fresh, reference):
    server, client = fresh
    prompts = ["The capital of France is", "Water is made of", "My favourite colour is"]
    worker = _worker(server)

    def stream(i: int) -> tuple[str, list]:
        entries, text = [], ""
        for chunk in client.completions.create(model=MODEL, prompt=prompts[i], max_tokens=8, temperature=0, logprobs=3,
                                               stream=True, extra_body={"repeat_penalty": 1.0}):
            for c in chunk.choices:
                text += c.text or ""
                if c.logprobs and c.logprobs.tokens:
                    entries.extend(zip(c.logprobs.tokens, c.logprobs.token_logprobs, c.logprobs.top_logprobs))
        return text, entries

    results = _together(stream, len(prompts))
    assert worker.widest >= 2
    for prompt, (text, entries) in zip(prompts, results):
        assert entries and "".join(t for t, _lp, _top in entries) == text
        reference.reset()
        reference.eval(reference.tokenize(prompt.encode(), add_bos=True, special=False))
        for token_text, logprob, top in entries:
            row = np.array(reference.scores[reference.n_tokens - 1], dtype=np.float64)
            logp = row - row.max() - np.log(np.exp(row - row.max()).sum())
            best = int(np.argmax(row))
            assert reference.detokenize([best]).decode("utf-8", "replace") == token_text
            assert logprob == pytest.approx(logp[best], abs=1e-4)
            assert len(top) == 3 and max(top.values()) == pytest.approx(logp[best], abs=1e-4)
            reference.eval([best])


def test_a_slot_keeps_its_prompt_for_the_next_request_that_shares_it(server, client):
    prompt = "The lighthouse keeper climbed the stairs and looked out at the sea, where"
    first = client.completions.create(model=MODEL, prompt=prompt, max_tokens=4, temperature=0)
    again = client.completions.create(model=MODEL, prompt=prompt, max_tokens=4, temperature=0)
    longer = client.completions.create(model=MODEL, prompt=prompt + " a ship", max_tokens=4, temperature=0)
    n = first.usage.prompt_tokens
    assert again.usage.prompt_tokens == n and again.usage.prompt_tokens_details.cached_tokens == n - 1
    assert longer.usage.prompt_tokens_details.cached_tokens >= n - 1
    assert again.choices[0].text == first.choices[0].text


def test_a_killed_client_and_a_cancelled_request_stop_while_others_continue(server, client):
    body = {"model": MODEL, "prompt": "1, 2, 3,", "max_tokens": 200, "stream": True, "ignore_eos": True}
    script = (
        "import sys, httpx2\n"
        f"body = {body!r}\n"
        "with httpx2.stream('POST', sys.argv[1] + '/completions', json=body, timeout=600) as r:\n"
        "    for line in r.iter_lines():\n"
        "        if line.startswith('data: {'):\n"
        "            print('chunk', flush=True)\n"
    )
    kept: dict[str, object] = {}
    cancelled: dict[str, object] = {}

    def consume(into: dict, prompt: str) -> None:
        text, reason = "", None
        for chunk in client.completions.create(model=MODEL, prompt=prompt, max_tokens=200, stream=True,
                                               extra_body={"ignore_eos": True}):
            for c in chunk.choices:
                text += c.text or ""
                reason = c.finish_reason or reason
        into.update(text=text, finish=reason)

    keeper = threading.Thread(target=consume, args=(kept, "Once upon a time"))
    victim = threading.Thread(target=consume, args=(cancelled, "A, B, C,"))
    keeper.start()
    victim.start()
    proc = subprocess.Popen([sys.executable, "-c", script, server.base_url], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        for _ in range(3):
            assert proc.stdout.readline().strip() == "chunk"
    finally:
        proc.kill()
        proc.wait(TIMEOUT_S)
    completions = lambda: [r for r in server.queue.requests() if r.kind == "completion"][-3:]  # noqa: E731
    killed = lambda: next(r for r in completions() if r.client.startswith("python-httpx"))  # noqa: E731
    assert _wait_for(lambda: killed().state == "stopped"), killed()
    assert killed().stop_reason == "client" and killed().tokens < 200
    others = [r for r in completions() if r.id != killed().id]
    assert len(others) == 2
    victim_info = next(r for r in others if server.queue.get(r.id).generation.request.messages[-1].content == "A, B, C,")
    assert server.queue.cancel(victim_info.id) or server.queue.get(victim_info.id).state == "done"
    keeper.join(TIMEOUT_S)
    victim.join(TIMEOUT_S)
    assert kept["finish"] == "length"
    keeper_info = next(r for r in others if r.id != victim_info.id)
    assert server.queue.get(keeper_info.id).tokens == 200
    victim_job = server.queue.get(victim_info.id)
    if victim_job.stop_reason == "cancelled":  # (a fast machine may have finished it first)
        assert cancelled["finish"] == "stopped" and victim_job.state == "stopped" and victim_job.tokens < 200
    assert not server.queue.active()


def test_thirty_two_concurrent_clients_never_exceed_the_slots(server, client):
    worker = _worker(server)
    worker.widest = 0

    def one(i: int) -> tuple[str, str]:
        messages = [{"role": "user", "content": f"Say the number {i}."}]
        text, reason = "", None
        for chunk in client.chat.completions.create(model=MODEL, messages=messages, max_tokens=4, seed=i, stream=True):
            for c in chunk.choices:
                text += c.delta.content or ""
                reason = c.finish_reason or reason
        return reason or "missing", text

    results = _together(one, 32)
    assert all(reason in ("stop", "length") for reason, _ in results), results
    served = [r for r in server.queue.requests() if r.kind == "chat"][-32:]
    assert len(served) == 32 and all(r.state == "done" for r in served)
    assert 2 <= worker.widest <= SLOTS
    assert not server.queue.active() and worker.running() == 0


def test_parallel_must_be_a_sensible_number():
    for bad in (0, -1, 65):
        with pytest.raises(ServerConfigError, match="parallel"):
            ServerSettings(parallel=bad).check()
    ServerSettings(parallel=1).check()


def test_the_exchange_delivers_every_event_in_order():
    """Worker-thread events reach the event loop complete and in order, though the loop is woken
    only when it is not already due to drain them."""
    import asyncio

    assert asyncio.run(_exchange_round_trip(2000)) == list(range(2000))


async def _exchange_round_trip(n: int, check=None) -> list:
    """Put ``n`` events and a "done" on an exchange from another thread; what the loop got."""
    import asyncio

    from chatdesk.server.app import _Exchange

    ex = _Exchange(asyncio.get_running_loop(), True)
    if check is not None:
        check(ex)
    sender = threading.Thread(target=lambda: [ex.put("text", i) for i in range(n)] + [ex.put("done", None)])
    sender.start()
    got = []
    while True:
        kind, value = await asyncio.wait_for(ex.events.get(), TIMEOUT_S)
        if kind == "done":
            break
        got.append(value)
    sender.join(TIMEOUT_S)
    return got


def test_a_reply_whose_consumer_fails_fails_alone(server, client):
    """A failure inside one reply's callbacks ends that request as failed; the slot worker and the
    other replies go on."""
    from chatdesk.engine import ChatMessage, GenerationRequest, SamplingSettings
    from chatdesk.server.app import RAW_COMPLETION
    from chatdesk.server.jobs import Generation, Job

    def broken(_piece: str) -> None:
        raise RuntimeError("the consumer broke")

    done: list[object] = []
    request = GenerationRequest(1, (ChatMessage("user", "1, 2, 3,"),), SamplingSettings(max_tokens=50, temperature=0),
                                prompt_format=RAW_COMPLETION, ignore_eos=True)
    generation = Generation(request, broken, None, lambda result: result, done.append)
    job = Job(client="test", model=MODEL, kind="completion", work=lambda slot, j: None, generation=generation)
    other = threading.Thread(target=lambda: done.append(_ask(client, 0, max_tokens=8)))
    other.start()
    _worker(server).submit(job)
    assert job.done.wait(TIMEOUT_S)
    other.join(TIMEOUT_S)
    assert job.state == "failed" and isinstance(job.error, RuntimeError)
    assert any(isinstance(d, RuntimeError) for d in done) and any(isinstance(d, str) and d for d in done)
    assert _ask(client, 1, max_tokens=4)  # the worker still serves
    assert _worker(server).running() == 0


async def _calls_from_a_thread(waker, n: int, broken_at: int = -1) -> list:
    """Hand ``n`` calls (the one at ``broken_at`` raises) to ``waker`` from another thread; the
    numbers the loop's calls appended."""
    import asyncio

    got: list = []
    done = asyncio.Event()

    def broken() -> None:
        raise RuntimeError("one request's callback broke")

    def sender() -> None:
        for i in range(n):
            waker.call(broken if i == broken_at else (lambda i=i: got.append(i)))
        waker.call(done.set)

    t = threading.Thread(target=sender)
    t.start()
    await asyncio.wait_for(done.wait(), TIMEOUT_S)
    t.join(TIMEOUT_S)
    return got


def test_the_worker_wakes_the_loop_through_its_own_pipe_and_a_closed_loop_leaves_no_descriptor():
    """On a loop that can watch a descriptor, a worker thread's calls reach the loop in order
    through the waker's pipe (written without handing the loop the GIL), and the pipe is closed
    once the loop is gone: a server started and stopped many times leaks no descriptors."""
    import asyncio
    import gc
    import os

    from chatdesk.server.loop_wake import PipeWaker, waker_for

    pipe: dict[int, int] = {}  # descriptor -> inode

    async def main() -> list:
        loop = asyncio.get_running_loop()
        waker = waker_for(loop)
        assert isinstance(waker, PipeWaker) and waker_for(loop) is waker
        pipe.update({fd: os.fstat(fd).st_ino for fd in (waker._r, waker._w)})
        return await _calls_from_a_thread(waker, 500)

    assert asyncio.run(main()) == list(range(500))
    gc.collect()
    for fd, inode in pipe.items():
        try:
            assert os.fstat(fd).st_ino != inode, "the waker's pipe outlived its loop"
        except OSError:
            pass  # closed


def test_a_failing_call_on_the_loop_does_not_stop_the_next(caplog):
    import asyncio

    from chatdesk.server.loop_wake import waker_for

    async def main() -> list:
        return await _calls_from_a_thread(waker_for(asyncio.get_running_loop()), 20, broken_at=3)

    assert asyncio.run(main()) == [i for i in range(20) if i != 3]
    assert "one request's callback broke" in caplog.text


def test_a_loop_that_cannot_watch_a_pipe_is_woken_the_standard_way():
    """Where the loop has no readers (Windows' proactor loop), the exchange still delivers every
    event, through call_soon_threadsafe."""
    import asyncio

    from chatdesk.server.loop_wake import PipeWaker

    class NoReaders(asyncio.SelectorEventLoop):
        def add_reader(self, fd, callback, *args):
            raise NotImplementedError

    def standard_wake(ex) -> None:
        assert not isinstance(ex._waker, PipeWaker)

    loop = NoReaders()
    try:
        assert loop.run_until_complete(_exchange_round_trip(300, standard_wake)) == list(range(300))
    finally:
        loop.close()
