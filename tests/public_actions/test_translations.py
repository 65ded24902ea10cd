"""The English interface catalogue is complete: every Chinese msgid translated, nothing fuzzy."""

import re

from django.conf import settings

PO = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
CJK = re.compile(r"[\u3400-\u9fff]")


def entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        lines = block.splitlines()
        fields, current = {}, None
        for line in lines:
            match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            yield lines, fields


def test_every_chinese_msgid_has_an_english_translation():
    missing = [
        fields["msgid"]
        for _lines, fields in entries()
        if CJK.search(fields["msgid"])
        and not all(value for key, value in fields.items() if key.startswith("msgstr"))
    ]
    assert not missing, "Untranslated (run makemessages, translate, compilemessages):\n" + "\n".join(missing)


def test_no_fuzzy_translations():
    fuzzy = [fields["msgid"] for lines, fields in entries() if any("fuzzy" in line for line in lines)]
    assert not fuzzy, fuzzy
