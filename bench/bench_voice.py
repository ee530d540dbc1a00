"""Voice practice speed: transcription time against the audio's length, and the first spoken answer after start.

Run: .venv/bin/python bench/bench_voice.py [--runs 3]
Needs the voice extra, espeak-ng and sox. Clips of about 10, 30 and 60 s are spoken by espeak-ng from answer-like
text. Transcription runs in-process on the bundled model with 2 threads (the machine's 2 cores); the first-answer
figure starts a real `nextround serve` on a fresh data folder and sends a 10 s clip as soon as it answers.
Goals (issue 12): transcription <= 0.5x the audio's length; first answer after start <= 3 s.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.voice_support import say, seconds_of

SENTENCES = [
    "Um, at my last job the support queue had grown to three hundred open tickets.",
    "My task was to bring it under control within a month.",
    "Uh, I sorted the tickets by product and wrote five short help articles.",
    "Then I set up a daily triage with two engineers.",
    "As a result the queue fell to eighty tickets and first replies came within four hours.",
    "I learned to ask for help early, and, you know, to measure before I change anything.",
]
RATIO_GOAL = 0.5
FIRST_ANSWER_GOAL_S = 3.0


def clip(folder: Path, seconds: int) -> Path:
    """Sentences spoken one after another until the clip is about `seconds` long."""
    parts: list[Path] = []
    total = 0.0
    while total < seconds:
        part = say(SENTENCES[len(parts) % len(SENTENCES)], folder / f"part-{seconds}-{len(parts)}.wav")
        parts.append(part)
        total += seconds_of(part)
    target = folder / f"clip-{seconds}.wav"
    subprocess.run(["sox", *map(str, parts), str(target)], check=True)
    return target


def transcription_rows(folder: Path, runs: int) -> list[tuple[str, float, float, float]]:
    from nextround.integrations.speech import load_transcriber

    started = time.perf_counter()
    transcriber = load_transcriber(threads=2)
    load_s = time.perf_counter() - started
    print(f"model load: {load_s:.2f} s")
    transcriber.warm()  # what `nextround serve` does at start: the first timed run is not a cold one
    rows = []
    for seconds in (10, 30, 60):
        path = clip(folder, seconds)
        length = seconds_of(path)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            transcriber.transcribe(path)
            samples.append(time.perf_counter() - start)
        median = statistics.median(samples)
        rows.append((f"{length:.1f} s clip", length, median, median / length))
    return rows


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def first_answer(folder: Path) -> dict[str, float]:
    """A fresh `nextround serve`: seconds to answer, to show the practice page, and to analyse the first and the
    second spoken answer (a 10 s clip) sent as soon as the page is shown."""
    audio = clip(folder, 10).read_bytes()
    home = Path(tempfile.mkdtemp(prefix="nextround-bench-voice-"))
    env = {key: value for key, value in os.environ.items() if key != "NEXTROUND_DATABASE_URL"}
    env["NEXTROUND_HOME"] = str(home)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    times: dict[str, float] = {}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--port", str(port), "--no-open"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(timeout=120) as client:
            deadline = started + 60
            while True:
                try:
                    token = client.get(url + "/api/v1/session").json()["csrf_token"]
                    break
                except (httpx.HTTPError, ValueError, KeyError):
                    if time.perf_counter() > deadline:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.05)
            times["ready"] = time.perf_counter() - started
            client.get(url + "/practice").raise_for_status()
            times["page"] = time.perf_counter() - started
            for name in ("first", "second"):
                sent = time.perf_counter()
                response = client.post(
                    url + "/api/v1/practice/spoken-answers",
                    headers={"X-CSRF-Token": token},
                    data={"question_id": "beh-conflict-01"},
                    files={"audio": ("answer.wav", audio, "audio/wav")},
                )
                response.raise_for_status()
                times[name] = time.perf_counter() - sent
    finally:
        process.terminate()
        process.wait(timeout=10)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} (1 min average), {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="nextround-bench-voice-") as tmp:
        folder = Path(tmp)
        rows = transcription_rows(folder, args.runs)
        served = first_answer(folder)
    print("\n| measure | audio | median time | ratio to the audio | goal | met |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, length, median, ratio in rows:
        met = "yes" if ratio <= RATIO_GOAL else "no"
        print(f"| transcription, {name} | {length:.1f} s | {median:.2f} s | {ratio:.2f}x | <= {RATIO_GOAL}x | {met} |")
    met = "yes" if served["first"] <= FIRST_ANSWER_GOAL_S else "no"
    print(f"| serve: start → answering | | {served['ready']:.2f} s | | | |")
    print(f"| serve: start → practice page shown | | {served['page']:.2f} s | | | |")
    print(
        f"| serve: first spoken answer, sent once the page is shown (10 s clip) | | {served['first']:.2f} s | | "
        f"<= {FIRST_ANSWER_GOAL_S} s | {met} |"
    )
    print(f"| serve: the second spoken answer (same clip) | | {served['second']:.2f} s | | | |")


if __name__ == "__main__":
    main()
