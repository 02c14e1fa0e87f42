"""The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, installed by
packaging/setup.sh): sign in, every page in the navigation renders the seeded hub without a browser
error, and sign-out ends the session. Screenshots are left in the test's folder (and in
$HUBDESK_SCREENSHOTS when set) to look at."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hubdesk.hub.operators import Operators
from tests.hub.test_dashboard import Seeded, seeded  # noqa: F401  (the fixture)

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("Chromium is not installed; run packaging/setup.sh")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        opts.add_argument(arg)
    opts.binary_location = CHROMIUM
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()


def test_a_real_browser_signs_in_walks_every_page_and_signs_out(seeded: Seeded, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.common.by import By

    Operators(seeded.hub.store).add("Op", "op-s3cret-pass")
    shots = tmp_path / "shots"
    shots.mkdir()
    browser.get(seeded.url + "/")
    browser.find_element(By.ID, "name").send_keys("Op")
    password = browser.find_element(By.ID, "password")
    password.send_keys("op-s3cret-pass")
    password.submit()
    assert browser.current_url.endswith("/centres")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "nav a")]
    assert len(links) == 8
    for i, href in enumerate(links):
        browser.get(href)
        errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert not errors, f"{href}: {errors}"
        assert browser.find_element(By.TAG_NAME, "h1").text
        assert browser.find_elements(By.CSS_SELECTOR, "table, p.empty")  # the data, as a table
        browser.save_screenshot(str(shots / f"{i:02}-{href.rsplit('/', 1)[-1]}.png"))
    browser.get(seeded.url + "/courses/digital-literacy")
    assert browser.find_element(By.CSS_SELECTOR, "svg.chart")
    browser.save_screenshot(str(shots / "funnel.png"))
    browser.get(seeded.url + "/retention?by=centre&lang=fr")
    assert "Rétention" in browser.find_element(By.TAG_NAME, "h1").text
    browser.save_screenshot(str(shots / "retention-fr.png"))
    # printed, a page keeps its heading and tables and leaves the navigation and forms off the paper
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.TAG_NAME, "nav").is_displayed()
    assert browser.find_element(By.TAG_NAME, "table").is_displayed()
    browser.save_screenshot(str(shots / "retention-print.png"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    browser.find_element(By.CSS_SELECTOR, "form.account button").click()
    browser.get(links[0])
    assert browser.find_elements(By.CSS_SELECTOR, "input[type=password]")
    if os.environ.get("HUBDESK_SCREENSHOTS"):
        shutil.copytree(shots, os.environ["HUBDESK_SCREENSHOTS"], dirs_exist_ok=True)
