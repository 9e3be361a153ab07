"""Headless Chromium for tests: Debian's chromium and chromium-driver, installed on demand."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

import pytest

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


def _find() -> tuple[str | None, str | None]:
    return (shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver"))


def ensure_chromium() -> tuple[str, str]:
    """Return (chromium, chromedriver), installing Debian's packages if they are missing."""
    browser, driver = _find()
    if browser and driver:
        return browser, driver
    reason = ""
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        try:
            subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True, timeout=600)
            subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium",
                            "chromium-driver"], check=True, env=env, capture_output=True, timeout=900)
        except (subprocess.SubprocessError, OSError) as exc:
            reason = f"apt-get install chromium chromium-driver failed: {exc}"
    else:
        reason = "not root or no apt-get, so Debian's chromium and chromium-driver cannot be installed"
    browser, driver = _find()
    if browser and driver:
        return browser, driver
    message = f"\n{'!' * 78}\nSKIPPING THE BROWSER SAFETY TEST: {reason or 'chromium not found after install'}\n{'!' * 78}"
    print(message, file=sys.stderr)
    pytest.skip(message)


def new_driver():
    """A Selenium Chrome driver on Debian's chromium, with browser console logs enabled."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = ensure_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='framing-chromium-')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)
