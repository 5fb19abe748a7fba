#!/usr/bin/env python3
"""Generate data/countries.json from Debian's iso-codes package.

The country list is never typed by hand: codes and English names come from
iso-codes' ISO 3166-1 JSON, Azerbaijani and Russian names from its gettext
catalogues. Only EU membership, which iso-codes does not carry, is a constant
here. Output format: docs/rules-format.md, section 2 ("Countries").

Usage:
    tools/gen_countries.py                    # write to stdout
    tools/gen_countries.py --output PATH      # write to PATH
    tools/gen_countries.py --check PATH       # exit 1 if PATH differs from a fresh run

Exit status: 0 ok, 1 --check found a difference, 2 iso-codes is not installed,
3 an EU member code is missing from ISO 3166-1.
Python 3 standard library only.
"""

import argparse
import difflib
import gettext
import json
import os
import subprocess
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_4217_JSON = "/usr/share/iso-codes/json/iso_4217.json"
MO_PATH = "/usr/share/locale/{lang}/LC_MESSAGES/iso_3166-1.mo"
# Fallback source for the version when dpkg-query is unavailable; iso-codes
# installs it, and the JSON itself carries no version.
PKGCONFIG = "/usr/share/pkgconfig/iso-codes.pc"
LANGUAGES = ("az", "ru")

# EU member states, ISO 3166-1 alpha-2. iso-codes has no notion of EU
# membership, so this is the one hand-maintained list; keep it in step with
# EU_CITATION. Greece is "GR" in ISO (the EU itself abbreviates it "EL").
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
assert len(EU_MEMBERS) == 27
EU_CITATION = (
    "https://european-union.europa.eu/principles-countries-history/eu-countries_en"
    " (27 member states; the United Kingdom left on 2020-01-31)"
)


def die(status, message):
    print(f"gen_countries: {message}", file=sys.stderr)
    sys.exit(status)


class _Untranslated(gettext.NullTranslations):
    """Fallback that answers None, so a missing translation can be told apart
    from one that is legitimately spelled the same as the English ("Andorra")."""

    def gettext(self, message):
        return None


def load_catalogue(lang):
    path = MO_PATH.format(lang=lang)
    try:
        with open(path, "rb") as f:
            catalogue = gettext.GNUTranslations(f)
    except FileNotFoundError:
        die(2, f"{path} not found; install the Debian package iso-codes")
    catalogue.add_fallback(_Untranslated())
    return catalogue


def iso_codes_version():
    try:
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        if version:
            return version
    except (OSError, subprocess.CalledProcessError):
        pass
    try:
        with open(PKGCONFIG, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def build():
    """Return (document text, {lang: [codes that fell back to English]})."""
    try:
        with open(ISO_JSON, encoding="utf-8") as f:
            entries = json.load(f)["3166-1"]
    except FileNotFoundError:
        die(2, f"{ISO_JSON} not found; install the Debian package iso-codes")
    catalogues = {lang: load_catalogue(lang) for lang in LANGUAGES}

    codes = {e["alpha_2"] for e in entries}
    missing = sorted(EU_MEMBERS - codes)
    if missing:  # not a bare assert: it must hold under python3 -O too
        die(3, f"EU member codes not in ISO 3166-1: {' '.join(missing)}")

    fallbacks = {lang: [] for lang in LANGUAGES}
    countries = []
    for e in sorted(entries, key=lambda e: e["alpha_2"]):
        # common_name is the everyday name ("Bolivia"), name the ISO short
        # name ("Bolivia, Plurinational State of"); applicants read the former.
        en = e.get("common_name", e["name"])
        name = {"en": en}
        for lang, cat in catalogues.items():
            # Translators often cover only one of the two msgids, so try the
            # common name, then the ISO name, and only then give up on English.
            local = cat.gettext(en) or cat.gettext(e["name"])
            if not local:
                fallbacks[lang].append(e["alpha_2"])
                local = en
            name[lang] = local
        countries.append({"code": e["alpha_2"], "name": name, "eu": e["alpha_2"] in EU_MEMBERS})

    # ISO 4217 currency codes: fees must name a real currency, and this is the list to check
    # them against (three capital letters alone would let "ZZZ" through).
    try:
        with open(ISO_4217_JSON, encoding="utf-8") as f:
            currencies = sorted(c["alpha_3"] for c in json.load(f)["4217"])
    except FileNotFoundError:
        die(2, f"{ISO_4217_JSON} not found; install the Debian package iso-codes")

    version = iso_codes_version()
    source = f"Debian iso-codes {version}" if version else "Debian iso-codes"
    head = {"citation": f"ISO 3166-1 ({source})", "eu_citation": EU_CITATION,
            "currency_citation": f"ISO 4217 ({source})", "currencies": currencies}

    # Hand-assembled so each country sits on one line (a 2-space-indented
    # json.dumps would spend ~10 lines per country); every value still goes
    # through json.dumps, and the result is parsed back below as a guard.
    dump = lambda v: json.dumps(v, ensure_ascii=False)
    lines = ["{"]
    lines += [f"  {dump(k)}: {dump(v)}," for k, v in head.items()]
    lines.append('  "countries": [')
    lines += [f"    {dump(c)}," for c in countries]
    lines[-1] = lines[-1].rstrip(",")
    lines += ["  ]", "}"]
    text = "\n".join(lines) + "\n"
    if json.loads(text) != {**head, "countries": countries}:
        die(3, "the assembled JSON does not read back as what was built")
    return text, fallbacks


def report_fallbacks(fallbacks):
    for lang, codes in fallbacks.items():
        detail = f": {' '.join(codes)}" if codes else ""
        print(f"gen_countries: {lang}: {len(codes)} name(s) untranslated, English used{detail}",
              file=sys.stderr)


def check(text, path):
    try:
        with open(path, "rb") as f:
            current = f.read()
    except OSError as err:
        die(1, f"--check: cannot read {path}: {err.strerror}")
    fresh = text.encode("utf-8")
    if current == fresh:
        return
    diff = difflib.unified_diff(
        current.decode("utf-8", "replace").splitlines(), text.splitlines(),
        fromfile=path, tofile="regenerated", lineterm="", n=0,
    )
    shown = list(diff)[:20] or ["(no line differs: only line endings or the final newline)"]
    die(1, f"--check: {path} differs from what tools/gen_countries.py generates "
           "(hand-edited, or iso-codes changed); regenerate it with "
           f"'python3 tools/gen_countries.py --output {path}'.\n" + "\n".join(shown))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--output", metavar="PATH", help="write here instead of stdout")
    mode.add_argument("--check", metavar="PATH",
                      help="regenerate and compare byte for byte with PATH; exit 1 if different")
    args = parser.parse_args()

    text, fallbacks = build()
    report_fallbacks(fallbacks)
    if args.check:
        check(text, args.check)
        print(f"gen_countries: {args.check} is up to date", file=sys.stderr)
    elif args.output:
        # Write via a temporary file so a failure never leaves half a file.
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, args.output)
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
