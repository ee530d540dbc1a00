"""The record button in a real browser: Chromium's fake microphone plays a spoken clip (espeak-ng), MediaRecorder
records it, the page uploads it, and the transcript comes back with its fillers and delivery measures."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, PageDriver, Server


def _fake_microphone_file(clip: Path) -> Path:
    """Chromium's fake capture device reads 16-bit PCM WAV; 48 kHz stereo is what it expects of a microphone."""
    target = clip.with_name(f"{clip.stem}-microphone.wav")
    subprocess.run(["sox", str(clip), "-r", "48000", "-c", "2", "-b", "16", str(target)], check=True)
    return target


def _chromium_with_microphone(browser: Any, clip: Path) -> Any:
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={_fake_microphone_file(clip)}%noloop",
    ]
    return browser.browser_type.launch(executable_path=str(CHROMIUM), args=args)


@pytest.fixture(scope="module")
def microphones(browser: Any) -> Iterator[Callable[[Path], Any]]:
    """One Chromium per clip for the module: each recording opens the fake microphone anew, which plays its clip
    from the start, so tests that speak the same clip need not launch a browser each."""
    launched: dict[Path, Any] = {}

    def chromium_playing(clip: Path) -> Any:
        if clip not in launched:
            launched[clip] = _chromium_with_microphone(browser, clip)
        return launched[clip]

    try:
        yield chromium_playing
    finally:
        for chromium in launched.values():
            chromium.close()


@contextmanager
def _microphone_page(
    microphones: Callable[[Path], Any], server: Server, clip: Path
) -> Iterator[tuple[Any, PageDriver, list[str]]]:
    """A page in a Chromium whose fake microphone plays `clip`: (page, its driver, the page's script errors)."""
    context = microphones(clip).new_context(viewport={"width": 1280, "height": 900}, permissions=["microphone"])
    try:
        context.set_default_timeout(30_000)
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        yield page, PageDriver(page=page, base=server.url, problems=problems), problems
    finally:
        context.close()


def test_record_upload_and_see_the_timeline(
    microphones: Callable[[Path], Any], server: Server, voice_clips: dict[str, Path]
) -> None:
    from playwright.sync_api import expect

    with _microphone_page(microphones, server, voice_clips["paused"]) as (page, driver, problems):
        driver.go("/practice?category=behavioural")
        expect(page.locator("#voice-hint")).to_contain_text("Your recording is not kept")
        assert driver.axe_violations() == []

        page.get_by_role("button", name="Record my answer").click()
        # The clip lasts about 10 s (a 3 s pause in the middle): stop once the page has recorded past its end.
        expect(page.locator("#record-status")).to_have_text("Recording… 0:12", timeout=25_000)
        page.get_by_role("button", name="Finish and analyse").click()
        expect(page.get_by_role("button", name="Finish and analyse")).to_be_hidden()
        page.locator("#delivery").wait_for(timeout=60_000)

        timeline = page.locator("#timeline")
        expect(timeline).to_contain_text("support team")
        expect(timeline.locator("mark.filler").first).to_be_visible()
        expect(timeline.locator(".pause-mark")).to_have_count(1)
        expect(page.locator("#saved-note")).to_contain_text("Saved to your practice history")
        expect(page.locator("#pace")).to_contain_text("words a minute")
        expect(page.locator("#audio-kept")).to_have_text("The recording was not kept.")
        assert driver.axe_violations() == []
        driver.screenshot("practice-voice")
        # The record button and the delivery of the answer: the picture the README shows.
        top, bottom, left, width = page.evaluate(
            """() => {
                const panel = document.getElementById("voice").getBoundingClientRect();
                const delivery = document.getElementById("delivery").getBoundingClientRect();
                return [panel.top + scrollY, delivery.bottom + scrollY, panel.left, panel.width];
            }"""
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        clip = {"x": left - 8, "y": top - 8, "width": width + 16, "height": bottom - top + 16}
        page.screenshot(path=str(SCREENSHOTS / "practice-voice-answer.png"), full_page=True, clip=clip)
        assert problems == []


def test_answer_a_mock_interview_question_out_loud(
    microphones: Callable[[Path], Any], server: Server, voice_clips: dict[str, Path]
) -> None:
    """The interview page's record button fills the recording into its form and sends it; the answer comes back
    transcribed, with its delivery measures, and the interviewer moves on."""
    from playwright.sync_api import expect

    # the clip without the pause: this test reads what was said, not where the speaker paused
    with _microphone_page(microphones, server, voice_clips["first"]) as (page, driver, problems):
        driver.go("/practice/interview")
        page.get_by_label("Main questions").fill("1")
        page.get_by_role("button", name="Start the interview").click()
        expect(page.locator(".turn-interviewer")).to_have_count(1)
        assert driver.axe_violations() == []

        page.get_by_role("button", name="Record my answer").click()
        expect(page.locator("#record-status")).to_have_text("Recording… 0:06", timeout=25_000)  # the clip: 5 s
        page.get_by_role("button", name="Finish and send").click()
        spoken = page.locator(".interview-transcript").get_by_text("words per minute")
        spoken.wait_for(timeout=60_000)
        expect(page.locator(".interview-transcript")).to_contain_text("support team")
        expect(page.locator(".turn-interviewer")).to_have_count(2)  # the interviewer asked what comes next
        assert driver.axe_violations() == []
        assert problems == []


def test_a_recording_that_fails_to_send_can_be_sent_again(
    microphones: Callable[[Path], Any], server: Server, voice_clips: dict[str, Path]
) -> None:
    """The upload fails (the server was stopped, the connection dropped): the page says so, keeps the recording
    and sends it again on a click; no "Done" while nothing was analysed."""
    from playwright.sync_api import expect

    with _microphone_page(microphones, server, voice_clips["first"]) as (page, driver, problems):
        driver.go("/practice?category=behavioural")
        page.route("**/practice/voice", lambda route: route.abort())
        page.get_by_role("button", name="Record my answer").click()
        expect(page.locator("#record-status")).to_have_text("Recording… 0:06", timeout=25_000)  # the clip: 5 s
        page.get_by_role("button", name="Finish and analyse").click()
        expect(page.locator("#record-status")).to_contain_text("Your recording was not analysed")
        expect(page.locator("#saved-note")).to_have_count(0)
        page.unroute("**/practice/voice")
        page.get_by_role("button", name="Send the recording again").click()
        page.locator("#delivery").wait_for(timeout=60_000)
        expect(page.locator("#record-status")).to_have_text("Done: the analysis is below.")
        expect(page.locator("#timeline")).to_contain_text("support team")
        expect(page.get_by_role("button", name="Send the recording again")).to_be_hidden()
        assert problems == []


def test_a_recording_made_elsewhere_can_be_chosen_and_analysed(
    driver: PageDriver, voice_clips: dict[str, Path]
) -> None:
    """A voice memo from a phone: chosen on the practice page, transcribed and analysed like a recording."""
    from playwright.sync_api import expect

    page = driver.page
    driver.go("/practice?category=behavioural")
    page.get_by_role("button", name="Analyse this recording").click()
    expect(page.locator("#record-status")).to_have_text("Choose a recording first.")
    page.get_by_label("Or choose a recording from your phone or computer").set_input_files(str(voice_clips["paused"]))
    page.get_by_role("button", name="Analyse this recording").click()
    page.locator("#delivery").wait_for(timeout=60_000)
    expect(page.locator("#timeline")).to_contain_text("support team")
    expect(page.locator("#saved-note")).to_contain_text("Saved to your practice history")
    assert driver.axe_violations() == []
    assert driver.problems == []


def test_leaving_while_recording_or_before_the_recording_is_sent_asks_first(
    microphones: Callable[[Path], Any], server: Server, voice_clips: dict[str, Path]
) -> None:
    from playwright.sync_api import expect

    with _microphone_page(microphones, server, voice_clips["paused"]) as (page, driver, problems):
        asked: list[str] = []
        page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
        driver.go("/practice?category=behavioural")
        page.get_by_role("button", name="Record my answer").click()
        expect(page.locator("#record-status")).to_have_text("Recording… 0:02", timeout=10_000)
        journal = page.get_by_role("link", name="Journal & review").first
        journal.click()
        page.wait_for_timeout(300)
        assert asked == ["beforeunload"] and "/practice" in page.url  # still recording, on the page
        page.route("**/practice/voice", lambda route: route.abort())
        page.get_by_role("button", name="Finish and analyse").click()
        expect(page.get_by_role("button", name="Send the recording again")).to_be_visible()
        journal.click()
        page.wait_for_timeout(300)
        assert asked == ["beforeunload"] * 2 and "/practice" in page.url  # not sent: kept, and asked
        page.unroute("**/practice/voice")
        page.get_by_role("button", name="Send the recording again").click()
        page.locator("#delivery").wait_for(timeout=60_000)
        journal.click()
        page.wait_for_url("**/journal")
        assert asked == ["beforeunload"] * 2  # analysed and saved: nothing to ask
        assert problems == []
