"""The room of phones the drop-box bench sends cards from, in a process of their own.

:data:`PHONES` simulated phones, each its own HTTP connection, each load the page and
send :data:`CARDS_EACH` cards at random moments within :data:`SPREAD_SECONDS`, following
the redirect to the thanks as a browser does. The process starts, says it is ready, and
sends only once told to go, so the bench can measure the quiet before the burst.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

PHONES = 15
CARDS_EACH = 5
SPREAD_SECONDS = 3.0

# Runs in its own process: waits for "go" on stdin, then sends, then prints what happened.
PHONES_SCRIPT = """
import asyncio, json, random, sys, time
import aiohttp

async def phone(url, number, cards, spread):
    timings, statuses = [], []
    pauses = random.Random(number).sample(range(1000), cards)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        begun = time.perf_counter()
        for n, moment in enumerate(sorted(pauses)):
            await asyncio.sleep(max(0, begun + spread * moment / 1000 - time.perf_counter()))
            started = time.perf_counter()
            async with http.get(url) as page:
                await page.read()
            text = f"Phone {number} card {n}: how do others keep going on hard days?"
            async with http.post(url, data={"kind": "question", "text": text}) as sent:
                await sent.read()
                statuses.append(sent.status)
            timings.append(time.perf_counter() - started)
    return timings, statuses

async def main(url, phones, cards, spread):
    results = await asyncio.gather(*(phone(url, p, cards, spread) for p in range(phones)))
    return {
        "timings": [t for timings, _ in results for t in timings],
        "statuses": [s for _, statuses in results for s in statuses],
    }

url, phones, cards, spread = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
result = asyncio.run(main(url, phones, cards, spread))
result["seconds"] = time.perf_counter() - started
print(json.dumps(result), flush=True)
"""


@asynccontextmanager
async def phones_ready(url: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """The phones' process, started for the drop-box at ``url`` and ready to :func:`go`.

    Its last line of output is the JSON of what happened; it is killed on the way out
    if it has not ended by then.
    """
    phones = await asyncio.create_subprocess_exec(
        sys.executable, "-c", PHONES_SCRIPT, url, str(PHONES), str(CARDS_EACH), str(SPREAD_SECONDS),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert phones.stdin is not None and phones.stdout is not None
    try:
        ready = await asyncio.wait_for(phones.stdout.readline(), 30)
        assert ready.strip() == b"ready", ready
        yield phones
    finally:
        if phones.returncode is None:
            phones.kill()
            await phones.wait()


async def go(phones: asyncio.subprocess.Process) -> None:
    """Tell the phones to start sending."""
    assert phones.stdin is not None
    phones.stdin.write(b"go\n")
    await phones.stdin.drain()
