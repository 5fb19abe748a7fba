#!/usr/bin/env python3
"""Writes docs/services/README.md: every service's facts, verdict codes and item ids, generated
from the rules so that the reference can never drift from the data. The hand-written pages beside
it (docs/services/<id>.md) explain the choices behind each service.

Usage: gen_services_doc.py BUNDLE_JSON [--output FILE | --check FILE]
"""
import json
import sys
from collections import OrderedDict

SECTIONS = ["fees", "waivers", "documents", "checks", "deadlines", "notices"]


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def fact_values(f: dict) -> str:
    t = f["type"]
    if t == "int":
        return f"{f['min']}–{f['max']}"
    if t == "enum":
        return ", ".join(f"`{o['value']}`" for o in f["options"])
    if t == "country":
        extra = [f"`{o['value']}`" for o in f.get("special", [])]
        excluded = f.get("exclude", [])
        out = "ISO 3166-1 alpha-2" + (", or " + ", ".join(extra) if extra else "")
        return out + (f" (not {', '.join(excluded)})" if excluded else "")
    return {"bool": "true / false", "date": "YYYY-MM-DD"}[t]


def grouped(records: list) -> "OrderedDict[str, list]":
    """Records by id (variants together), in order of first appearance."""
    out: "OrderedDict[str, list]" = OrderedDict()
    for r in records:
        out.setdefault(r["id"], []).append(r)
    return out


def render(bundle: dict) -> str:
    lines = [
        "# Services: facts, verdicts and item ids",
        "",
        "Generated from the rules by `tools/gen_services_doc.py` (a test fails if it is not current):",
        "do not edit by hand. Rules version "
        f"`{bundle['version']}`. Each service's own page explains its sources and choices.",
        "",
        "Verdict codes: `can_apply` (you can apply; the authority decides), `eligible` (passport, as",
        "the contract pins it), `not_applicable` (this is not the service for you: the note says which",
        "is), `required` / `not_required` (registration), `visa_free` / `visa_required` /",
        "`id_card_not_accepted` (visa).",
        "",
        "| service | title | facts | verdict codes | items |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in bundle["services"]:
        items = sum(len(grouped(s.get(k, []))) for k in SECTIONS)
        codes = ", ".join(f"`{c}`" for c in OrderedDict.fromkeys(v["code"] for v in s["verdicts"]))
        lines.append(f"| [`{s['service']}`](#{s['service']}) | {cell(s['title']['en'])} | {len(s['facts'])} | {codes} | {items} |")
    for s in bundle["services"]:
        sid = s["service"]
        lines += ["", f"## {sid}", "", f"**{cell(s['title']['en'])}** — details and sources: [{sid}.md]({sid}.md)", ""]
        lines += ["Facts, in the order they are asked:", ""]
        if s["facts"]:
            lines += ["| fact | type | values | question |", "| --- | --- | --- | --- |"]
            for f in s["facts"]:
                lines.append(f"| `{f['id']}` | {f['type']} | {cell(fact_values(f))} | {cell(f['question']['en'])} |")
        else:
            lines.append("(none: every applicant gets the same answer)")
        lines += ["", "Verdicts, in the order they are tried (`basis` = the record id):", ""]
        lines += ["| code | basis | title |", "| --- | --- | --- |"]
        for v in s["verdicts"]:
            channels = ""
            if v.get("channels"):
                ids = OrderedDict.fromkeys(c["id"] for c in v["channels"])
                channels = " (channels: " + ", ".join(f"`{c}`" for c in ids) + ")"
            lines.append(f"| `{v['code']}` | `{v['id']}`{channels} | {cell(v['title']['en'])} |")
        for section in SECTIONS:
            records = grouped(s.get(section, []))
            if not records:
                continue
            lines += ["", f"{section.capitalize()}:", "", "| id | variants | title |", "| --- | --- | --- |"]
            for rid, variants in records.items():
                names = [r.get("variant", "") for r in variants]
                shown = ", ".join(f"`{n}`" for n in names if n) or "—"
                channel = variants[0].get("channel")
                suffix = f" ({channel})" if channel else ""
                lines.append(f"| `{rid}`{suffix} | {shown} | {cell(variants[0]['title']['en'])} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    if len(sys.argv) != 4 or sys.argv[2] not in ("--output", "--check"):
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        text = render(json.load(f))
    if sys.argv[2] == "--output":
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    with open(sys.argv[3], encoding="utf-8") as f:
        if f.read() != text:
            print(f"{sys.argv[3]} is not current: run tools/gen_services_doc.py {sys.argv[1]} --output {sys.argv[3]}")
            return 1
    print(f"{sys.argv[3]} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
