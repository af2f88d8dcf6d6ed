"""Screenshots for the user guides (docs/user/img/), taken from the demo: `make screenshots`.

Starts the stack as `make run` does (infra/devstack.py run: migrate, seed the demo ministries,
serve), but with every ministry seeded before it serves (DEMO_BACKGROUND=0), on its own port;
signs in as each demo role with Debian's Chromium through Playwright, saves the home page (the
role's work queue) as a PNG of at most 1280x800, reduced to a palette so each file stays small,
then stops the stack. Re-running replaces the files.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "user" / "img"
# The demo password printed by `make run` and the README; demo ministries only.
PASSWORD = "Demo-LabourHub-2026"  # noqa: S105
PORT = os.environ.get("SCREENSHOT_PORT", "8077")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# (file name, ministry, username, page): one work queue per role, in a ministry where it has data.
SHOTS = (
    ("inspector-home.png", "honduras", "inspector", "/app/"),
    ("supervisor-home.png", "honduras", "supervisor", "/app/"),
    ("legal-officer-home.png", "honduras", "legal", "/app/"),
    ("clerk-home.png", "honduras", "clerk", "/app/"),
    ("director-home.png", "honduras", "director", "/app/"),
    ("administrator-home.png", "honduras", "admin", "/app/"),
    ("occupational-physician-home.png", "honduras", "physician", "/app/"),
    ("pes-officer-home.png", "saintlucia", "pesofficer", "/app/"),
    # The same work queue in the ministry's own language: Vietnamese and Sinhala.
    ("supervisor-home-vi.png", "vietnam", "supervisor", "/app/"),
    ("supervisor-home-si.png", "srilanka", "supervisor", "/app/"),
)


def _wait_for(url: str, seconds: int) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(3)
    raise SystemExit(f"the stack did not answer {url} within {seconds}s")


def _optimise(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def _shoot(base_port: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        for name, ministry, username, page_path in SHOTS:
            context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
            page = context.new_page()
            base = f"http://{ministry}.localhost:{base_port}"
            page.goto(f"{base}/app/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", PASSWORD)
            page.click("form:has(input[name=password]) button[type=submit]")
            page.wait_for_load_state("networkidle")
            page.goto(base + page_path)
            page.wait_for_load_state("networkidle")
            target = OUT / name
            page.screenshot(path=str(target), full_page=False)
            _optimise(target)
            saved.append(target)
            context.close()
        browser.close()
    return saved


def main() -> int:
    # The shots span several ministries: all of them are seeded before the site answers.
    env = dict(os.environ, PORT=PORT, DEMO_BACKGROUND="0")
    stack = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "infra" / "devstack.py"), "run"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        _wait_for(f"http://localhost:{PORT}/health/", seconds=1800)
        for path in _shoot(PORT):
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    finally:
        os.killpg(stack.pid, signal.SIGINT)
        try:
            stack.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(stack.pid, signal.SIGKILL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
