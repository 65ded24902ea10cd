"""Runs axe-core (bundled with axe-playwright-python, so offline) on the page a test has open."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def violations(page):
    """[(rule id, impact, help, [(selector, failure summary)])] for the open page."""
    results = _axe.run(page)
    found = []
    for violation in results.response["violations"]:
        nodes = [
            (" ".join(map(str, node.get("target", []))), node.get("failureSummary", ""))
            for node in violation["nodes"]
        ]
        found.append((violation["id"], violation.get("impact"), violation["help"], nodes))
    return found


def describe(url, found):
    lines = [f"{url}: {len(found)} axe violation(s)"]
    for rule, impact, help_text, nodes in found:
        lines.append(f"- {rule} ({impact}): {help_text}")
        for target, summary in nodes:
            lines.append(f"    {target}: {' '.join(summary.split())}")
    return "\n".join(lines)
