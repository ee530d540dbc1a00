"""A real Dovecot IMAP server for the tests: loopback port, TLS with a throwaway certificate, one test user
whose Maildir is filled from fixtures. Debian's `dovecot-imapd` (2.3) must be installed; with
NEXTROUND_REQUIRE_DOVECOT=1 (set by .ci/run) a missing server fails the test instead of skipping it.
"""

from __future__ import annotations

import mailbox
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER = "sam"
PASSWORD = "correct horse battery staple"


@dataclass
class Dovecot:
    host: str
    port: int
    user: str
    password: str
    ca_file: str
    maildir: Path
    process: subprocess.Popen[bytes]
    owner: tuple[int, int]

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "NEXTROUND_IMAP_HOST": self.host,
            "NEXTROUND_IMAP_PORT": str(self.port),
            "NEXTROUND_IMAP_USER": self.user,
            "NEXTROUND_IMAP_PASSWORD": self.password,
            "NEXTROUND_IMAP_CA_FILE": self.ca_file,
            **extra,
        }

    def deliver(self, messages: Iterable[bytes], folder: str = "") -> None:
        """New mail arriving, written straight into the Maildir (as a delivery agent would)."""
        box = mailbox.Maildir(str(self.maildir), create=True)
        target = box.add_folder(folder) if folder else box
        for raw in messages:
            key = target.add(mailbox.MaildirMessage(raw))
            path = Path(target._path) / target._lookup(key)  # type: ignore[attr-defined]
            os.chown(path, *self.owner)
        _chown_tree(self.maildir, self.owner)

    def crash(self) -> None:
        """The server and every session it serves go away at once, like a dropped connection."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def require_dovecot() -> None:
    if Path(DOVECOT).is_file() and os.access(DOVECOT, os.X_OK):
        return
    message = "Dovecot is not installed (apt-get install -y dovecot-imapd)"
    if os.environ.get("NEXTROUND_REQUIRE_DOVECOT") == "1":
        pytest.fail(message + " and NEXTROUND_REQUIRE_DOVECOT=1 requires it", pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _chown_tree(root: Path, owner: tuple[int, int]) -> None:
    if os.geteuid() != 0:
        return
    for folder, dirs, files in os.walk(root):
        os.chown(folder, *owner)
        for name in dirs + files:
            os.chown(Path(folder) / name, *owner)


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@contextmanager
def dovecot_server(messages: Iterable[bytes] = ()) -> Iterator[Dovecot]:
    require_dovecot()
    root = Path(tempfile.mkdtemp(prefix="nextround-dovecot-"))
    try:
        with _running(root, messages) as server:
            yield server
    finally:
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def _running(root: Path, messages: Iterable[bytes]) -> Iterator[Dovecot]:
    root.chmod(0o755)
    if os.geteuid() == 0:
        # Dovecot never serves mail as root: the mailbox belongs to an unprivileged account.
        nobody = pwd.getpwnam("nobody")
        owner = (nobody.pw_uid, nobody.pw_gid)
        internal_user = login_user = "dovenull" if _user_exists("dovenull") else "nobody"
        internal_user = "dovecot" if _user_exists("dovecot") else internal_user
    else:
        owner = (os.getuid(), os.getgid())
        internal_user = login_user = pwd.getpwuid(os.getuid()).pw_name
    home = root / "home"
    maildir = home / "Maildir"
    home.mkdir()
    mailbox.Maildir(str(maildir), create=True)
    cert, key = _certificate(root)
    passwd = root / "passwd"
    passwd.write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
    passwd.chmod(0o644)
    port = _free_port()
    config = root / "dovecot.conf"
    config.write_text(
        f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = nextround-test-{port}
log_path = {root}/dovecot.log
default_internal_user = {internal_user}
default_login_user = {login_user}
first_valid_uid = 1
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
auth_mechanisms = plain
disable_plaintext_auth = yes
mail_location = maildir:{maildir}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {passwd}
}}
userdb {{
  driver = static
  args = uid={owner[0]} gid={owner[1]} home={home}
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
service pop3-login {{
  chroot =
}}
"""
    )
    server = Dovecot("127.0.0.1", port, USER, PASSWORD, str(cert), maildir, None, owner)  # type: ignore[arg-type]
    server.deliver(messages)
    _chown_tree(home, owner)
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    server.process = process
    try:
        _wait_for(port, process, root)
        yield server
    finally:
        server.stop()
        if process.stdout is not None:
            process.stdout.close()


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _wait_for(port: int, process: subprocess.Popen[bytes], root: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            log = (root / "dovecot.log").read_text(errors="replace") if (root / "dovecot.log").exists() else ""
            raise RuntimeError(f"dovecot exited: {output}\n{log}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("dovecot did not start listening within 20 s")
