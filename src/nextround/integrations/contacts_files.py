"""Contacts in and out: LinkedIn's `Connections.csv`, and vCard (3.0 and 4.0) both ways.

Reading is all-or-nothing: the first bad record stops the import with its line number, nothing is written.
Imported contacts start with touches off (cadence 0): turn them on per person with `contact edit --every`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nextround.domain.contacts import Contact, ContactError, ContactFields, ContactKind
from nextround.domain.ical import fold
from nextround.errors import UserError
from nextround.integrations.files import decode, read_limited

LINKEDIN_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_LINKEDIN_DATE = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*[ -](\d{4})$")
IMPORTED_CADENCE = 0


class ContactFileError(UserError, ValueError):
    """A contacts file that cannot be read; the message names the line."""


@dataclass(frozen=True, slots=True)
class ImportedContact:
    line: int
    fields: ContactFields


def _read(path: Path, max_bytes: int) -> str:
    return decode(read_limited(path, max_bytes), str(path))


# -- LinkedIn ---------------------------------------------------------------------------------------


def parse_linkedin_date(value: str) -> date | None:
    """`03 Oct 2024` (also `3-Oct-24`-free ISO `2024-10-03`) → date; empty → None."""
    text = value.strip()
    if not text:
        return None
    if match := _LINKEDIN_DATE.match(text):
        day_, month_name, year_ = match.groups()
        month = _MONTHS.get(month_name.lower())
        if month is not None:
            try:
                return date(int(year_), month, int(day_))
            except ValueError:
                pass
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ContactFileError(f"cannot read the date {text!r} (expected like '03 Oct 2024')") from None


def _header_index(lines: Sequence[str]) -> int:
    """The line holding the real header: LinkedIn puts a few 'Notes:' lines before it."""
    for number, line in enumerate(lines[:50]):
        cells = next(csv.reader([line]), [])
        names = {cell.strip().lstrip("\ufeff") for cell in cells}
        if "First Name" in names and "Last Name" in names:
            return number
    raise ContactFileError("no 'First Name,Last Name,...' header found; is this LinkedIn's Connections.csv?")


def parse_linkedin_connections(text: str, name: str = "Connections.csv") -> list[ImportedContact]:
    lines = text.splitlines()
    start = _header_index(lines)
    body = "\n".join(lines[start:])
    reader = csv.reader(io.StringIO(body, newline=""))
    header = [cell.strip().lstrip("\ufeff") for cell in next(reader)]
    missing = [c for c in ("First Name", "Last Name") if c not in header]
    if missing:  # pragma: no cover - _header_index guarantees them
        raise ContactFileError(f"{name}: missing columns {missing}")
    found: list[ImportedContact] = []
    for record in reader:
        line = start + reader.line_num  # the header is line start+1 in an editor
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            raise ContactFileError(f"{name} line {line}: {len(record)} fields, the header has {len(header)}")
        row = dict(zip(header, record, strict=False))
        full = " ".join(part for part in (row.get("First Name", ""), row.get("Last Name", "")) if part.strip())
        try:
            fields = ContactFields(
                name=full,
                email=row.get("Email Address", ""),
                company=row.get("Company", ""),
                title=row.get("Position", ""),
                linkedin_url=row.get("URL", ""),
                kind=ContactKind.PEER,
                cadence_days=IMPORTED_CADENCE,
                connected_on=parse_linkedin_date(row.get("Connected On", "")),
            ).validated()
        except (ContactError, ContactFileError) as exc:
            raise ContactFileError(f"{name} line {line}: {exc}") from None
        found.append(ImportedContact(line=line, fields=fields))
    return found


def read_linkedin_connections(path: Path, max_bytes: int) -> list[ImportedContact]:
    return parse_linkedin_connections(_read(path, max_bytes), path.name)


# -- vCard ------------------------------------------------------------------------------------------


def _unescape(value: str) -> str:
    out = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(ch)
    return "".join(out)


def _split_unescaped(value: str, sep: str) -> list[str]:
    parts, current, escaped = [], "", False
    for ch in value:
        if escaped:
            current += "\\" + ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [_unescape(p) for p in parts]


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the physical line number each starts on."""
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and logical:
            start, previous = logical[-1]
            logical[-1] = (start, previous + raw[1:])
        elif raw.strip():
            logical.append((number, raw))
    return logical


def _property(line: str) -> tuple[str, dict[str, str], str]:
    head, sep, value = line.partition(":")
    if not sep:
        raise ContactFileError("not a 'NAME:value' line")
    name, *params = head.split(";")
    name = name.rsplit(".", 1)[-1].strip().upper()  # drop a group prefix: item1.EMAIL
    parsed: dict[str, str] = {}
    for param in params:
        key, _, val = param.partition("=")
        parsed[key.strip().upper()] = val.strip().strip('"').lower() if val else key.strip().lower()
    return name, parsed, value


def _typed_linkedin(props: list[tuple[int, str, dict[str, str], str]]) -> bool:
    """A URL marked TYPE=linkedin (some exporters) even though it is not on linkedin.com (a short link)."""
    return any(name in ("URL", "X-SOCIALPROFILE") and params.get("TYPE") == "linkedin" for _, name, params, _ in props)


def _kind(value: str) -> ContactKind:
    try:
        return ContactKind(value.strip().lower())
    except ValueError:
        return ContactKind.PEER


def _card_fields(props: list[tuple[int, str, dict[str, str], str]]) -> ContactFields:
    values: dict[str, str] = {}
    urls: list[str] = []
    notes: list[str] = []
    for _number, name, params, raw in props:
        if name == "FN":
            values.setdefault("fn", _unescape(raw).strip())
        elif name == "N":
            parts = [*_split_unescaped(raw, ";"), "", "", "", "", ""]
            family, given, additional, prefix, suffix = (p.strip() for p in parts[:5])
            values.setdefault("n", " ".join(p for p in (prefix, given, additional, family, suffix) if p))
        elif name == "EMAIL":
            values.setdefault("email", _unescape(raw).strip().removeprefix("mailto:"))
        elif name == "TEL":
            values.setdefault("phone", _unescape(raw).strip().removeprefix("tel:"))
        elif name == "ORG":
            values.setdefault("company", _split_unescaped(raw, ";")[0].strip())
        elif name == "TITLE":
            values.setdefault("title", _unescape(raw).strip())
        elif name in ("URL", "X-SOCIALPROFILE"):
            url = _unescape(raw).strip()
            if "linkedin.com" in url.lower() or params.get("TYPE", "") == "linkedin":
                urls.insert(0, url)
            else:
                urls.append(url)
        elif name == "NOTE":
            notes.append(_unescape(raw).strip())
        elif name == "X-NEXTROUND-KIND":
            values.setdefault("kind", _unescape(raw).strip())
    linkedin = next((u for u in urls if "linkedin.com" in u.lower()), "")
    if not linkedin and urls and _typed_linkedin(props):
        linkedin = urls[0]
    others = [u for u in urls if u != linkedin]
    if others:
        notes.append("Web: " + " ".join(others))
    return ContactFields(
        name=values.get("fn") or values.get("n", ""),
        email=values.get("email", ""),
        phone=values.get("phone", ""),
        company=values.get("company", ""),
        title=values.get("title", ""),
        linkedin_url=linkedin,
        kind=_kind(values.get("kind", "")),
        cadence_days=IMPORTED_CADENCE,
        notes="\n".join(n for n in notes if n),
    )


def parse_vcards(text: str, name: str = "contacts.vcf") -> list[ImportedContact]:
    found: list[ImportedContact] = []
    card: list[tuple[int, str, dict[str, str], str]] | None = None
    start = 0
    for number, line in _unfold(text):
        try:
            prop, params, value = _property(line)
        except ContactFileError as exc:
            raise ContactFileError(f"{name} line {number}: {exc}") from None
        if prop == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                raise ContactFileError(f"{name} line {number}: a card begins before the one at line {start} ended")
            card, start = [], number
        elif prop == "END" and value.strip().upper() == "VCARD":
            if card is None:
                raise ContactFileError(f"{name} line {number}: END:VCARD without BEGIN:VCARD")
            try:
                fields = _card_fields(card).validated()
            except ContactError as exc:
                raise ContactFileError(f"{name} line {start}: {exc}") from None
            found.append(ImportedContact(line=start, fields=fields))
            card = None
        elif card is not None:
            card.append((number, prop, params, value))
        else:
            raise ContactFileError(f"{name} line {number}: text outside BEGIN:VCARD ... END:VCARD")
    if card is not None:
        raise ContactFileError(f"{name} line {start}: the card is not closed with END:VCARD")
    return found


def read_vcards(path: Path, max_bytes: int) -> list[ImportedContact]:
    text = _read(path, max_bytes)
    if not text.strip():  # as every other import says, not "Imported 0 contacts"
        raise ContactFileError(f"{path} is empty")
    return parse_vcards(text, path.name)


def _escape(value: str) -> str:
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n")


def write_vcards(contacts: Iterable[Contact]) -> str:
    """vCard 3.0, CRLF line endings, folded at 75 octets."""
    lines: list[str] = []
    for contact in contacts:
        f = contact.fields
        parts = f.name.split()
        family = parts[-1] if len(parts) > 1 else ""
        given = " ".join(parts[:-1]) if len(parts) > 1 else f.name
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(f.name)}", f"N:{_escape(family)};{_escape(given)};;;"]
        if f.email:
            lines.append(f"EMAIL;TYPE=INTERNET:{_escape(f.email)}")
        if f.phone:
            lines.append(f"TEL;TYPE=VOICE:{_escape(f.phone)}")
        if f.company:
            lines.append(f"ORG:{_escape(f.company)}")
        if f.title:
            lines.append(f"TITLE:{_escape(f.title)}")
        if f.linkedin_url:
            lines.append(f"URL:{_escape(f.linkedin_url)}")
        if f.notes:
            lines.append(f"NOTE:{_escape(f.notes)}")
        lines += [f"X-NEXTROUND-KIND:{f.kind.value}", f"UID:nextround-contact-{contact.id}", "END:VCARD"]
    return "".join(fold(line) + "\r\n" for line in lines)
