"""The workbench page of `govkg serve` in a real headless Chromium, driven by selenium through
Debian's chromium-driver, as a reader uses it: type a name, choose the suggestion, read the
profile, click a meeting the person chaired, see who attended, open an evidence line and find
the names marked in its sentence; draw the map and click through it; ask a question; switch
to English. Run on the seed page's store and on a store of every bundled 新闻联播 transcript
and local report (and, where `../shared` is at hand, of all 2022–23 transcripts).

Screenshots at a laptop's and a phone's width are kept ($GOVKG_ARTIFACTS, default the target
folder's peers/) for a person to look at."""

import os
import shutil
import urllib.parse
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, govkg, start_govkg

LAPTOP = (1366, 900)
PHONE = (390, 844)
SHARED_XWLB = ROOT.parent / "shared" / "corpus" / "xwlb"


def artifacts():
    out = Path(os.environ.get("GOVKG_ARTIFACTS") or Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "peers")
    out.mkdir(parents=True, exist_ok=True)
    return out


def chromedriver():
    path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    assert os.path.exists(path), "chromedriver is not installed (.ci/setup installs chromium-driver)"
    return path


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--window-size={LAPTOP[0]},{LAPTOP[1]}"):
        options.add_argument(flag)
    # The driver given by path: selenium must not try to download one.
    driver = webdriver.Chrome(service=Service(chromedriver()), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def shoot(driver, name, size):
    driver.set_window_size(*size)
    # Let the layout settle at the new width before the picture.
    driver.execute_script("return document.body.offsetHeight")
    path = artifacts() / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10000, path
    print(f"screenshot: {path}")


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def pick(driver, name):
    """Types `name` into the search box and chooses the suggestion labelled `name`."""
    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(name)
    item = wait(driver).until(EC.element_to_be_clickable(
        (By.XPATH, f"//ul[@id='suggestions']/li[@data-iri][span[@class='label' and text()='{name}']]")))
    kinds = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#suggestions li[data-iri] .kind")]
    assert kinds, "no suggestion shows its kind"
    item.click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "profile-title"), name))


def open_evidence(driver, row):
    row.find_element(By.CSS_SELECTOR, "button.ev").click()
    evidence = row.find_element(By.XPATH, "following-sibling::tr[1]")
    assert "evidence-row" in evidence.get_attribute("class")
    return evidence


def walk_through(driver, base, person, shots):
    """The reader's path from a name to a meeting's attendees and their evidence."""
    driver.get(base + "/")
    pick(driver, person)
    assert "/entity/" in driver.current_url
    posts = driver.find_elements(By.CSS_SELECTOR, "#posts tbody tr")
    assert posts, "the profile lists no post"
    evidence = open_evidence(driver, posts[0])
    marked = [m.text for m in evidence.find_elements(By.TAG_NAME, "mark")]
    assert person in marked, marked
    assert evidence.find_element(By.CSS_SELECTOR, ".cite").text, "the evidence names no article"
    peers = driver.find_elements(By.CSS_SELECTOR, "#co-attendees tbody tr")
    assert peers, "nobody was in the same room"
    if shots:
        shoot(driver, f"{shots}-profile-laptop", LAPTOP)
        shoot(driver, f"{shots}-profile-phone", PHONE)
        driver.set_window_size(*LAPTOP)

    # A meeting the person chaired, newest first, opens on a click.
    chaired = driver.find_element(By.CSS_SELECTOR, "#events h3[data-role='chairs'] + table a.entity")
    meeting = chaired.text
    chaired.click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "profile-title"), meeting))
    rows = driver.find_elements(By.CSS_SELECTOR, "#participants tbody tr")
    roles = [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows]
    names = [r.find_element(By.CSS_SELECTOR, "a.entity").text for r in rows]
    assert person in names, names
    chair_row = rows[names.index(person)]
    evidence = open_evidence(driver, chair_row)
    marked = [m.text for m in evidence.find_elements(By.TAG_NAME, "mark")]
    assert person in marked, marked
    if shots:
        shoot(driver, f"{shots}-meeting-laptop", LAPTOP)
        shoot(driver, f"{shots}-meeting-phone", PHONE)
        driver.set_window_size(*LAPTOP)
    return meeting, roles, names


def check_map(driver, name):
    """The map of the profile shown: a diagram whose nodes lead to profiles."""
    driver.find_element(By.ID, "to-map").click()
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#map svg")))
    nodes = driver.find_elements(By.CSS_SELECTOR, "#map svg a")
    assert len(nodes) >= 2, "the map has no linked node"
    # Another node than the profile's own (drawn first), clicked as a user clicks it.
    other = nodes[1]
    iri = other.get_attribute("xlink:href")
    label = other.find_element(By.XPATH, ".//*[local-name()='text']")
    words = "".join(t.text for t in other.find_elements(By.XPATH, ".//*[local-name()='text']"))
    assert words, "the node has no name"
    ActionChains(driver).move_to_element(label).click().perform()
    wait(driver).until(EC.url_contains("#/entity/"))
    assert urllib.parse.unquote(driver.current_url.split("#/entity/")[1]) == iri
    wait(driver).until(EC.visibility_of_element_located((By.ID, "profile-title")))
    assert driver.find_element(By.ID, "profile-title").text in words, words


def check_ask(driver, base, question, expect):
    driver.get(base + "/#/ask/" + urllib.parse.quote(question))
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#answers table")))
    text = driver.find_element(By.ID, "answers").text
    assert expect in text, text
    row = driver.find_element(By.CSS_SELECTOR, "#answers tbody tr")
    evidence = open_evidence(driver, row)
    assert evidence.find_elements(By.TAG_NAME, "mark"), evidence.text


def test_workbench_on_the_seed_page(seed_store, browser):
    p, base = start_govkg(seed_store)
    try:
        meeting, roles, names = walk_through(browser, base, "林武", shots="seed")
        assert "第五十八次" in meeting, meeting
        assert roles[0] == "主持" and "出席" in roles, roles
        assert "商黎光" in names, names
        check_map(browser, meeting)
        check_ask(browser, base, "谁主持了省委第五十八次专题会议？", "林武")
        shoot(browser, "seed-ask-laptop", LAPTOP)

        # English, throughout, and kept.
        browser.get(base + "/")
        browser.find_element(By.ID, "lang").click()
        assert browser.find_element(By.CSS_SELECTOR, "nav a[data-view='search']").text == "Search"
        pick(browser, "林武")
        headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#profile h2")]
        assert "Posts" in headings and "Events" in headings, headings
        assert browser.find_element(By.CSS_SELECTOR, "#events h3[data-role='chairs']").text.startswith("chairs")
        browser.refresh()
        wait(browser).until(EC.text_to_be_present_in_element((By.ID, "profile-title"), "林武"))
        assert browser.find_element(By.CSS_SELECTOR, "nav a[data-view='ask']").text == "Ask"
        shoot(browser, "seed-profile-english", LAPTOP)

        # The keyboard: arrow down and Enter choose a suggestion.
        browser.get(base + "/#/search")
        box = browser.find_element(By.ID, "search")
        box.send_keys("韦韬")
        wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#suggestions li[data-iri]")))
        box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
        wait(browser).until(EC.text_to_be_present_in_element((By.ID, "profile-title"), "韦韬"))
    finally:
        p.stop()


def corpus_store(workdir):
    """A store of every bundled transcript and local report, or of all 2022–23 transcripts
    where they are at hand (`../shared`)."""
    store = workdir / "corpus.db"
    if SHARED_XWLB.is_dir() and not os.environ.get("GOVKG_SMALL_CORPUS"):
        govkg("--store", store, "ingest", "-q", SHARED_XWLB)
    else:
        data = ROOT / "tests" / "data"
        govkg("--store", store, "ingest", "-q", data / "xwlb", data / "dev" / "local-a.jsonl", data / "dev" / "local-b.jsonl")
    return store


def test_workbench_on_a_corpus(workdir, browser):
    store = corpus_store(workdir)
    p, base = start_govkg(store)
    try:
        # Who chaired the most meetings that others attended. The label is joined after the
        # count: every article's graph repeats it, so joining it first multiplies the rows by
        # the person's articles, which on all 2022–23 transcripts ran past the server's
        # 10 s timeout on a loaded machine.
        import json
        import urllib.request
        query = ("SELECT DISTINCT ?l ?n WHERE { { SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE { "
                 "?p gov:chairs ?m . ?q gov:attends ?m . FILTER(?q != ?p) } "
                 "GROUP BY ?p ORDER BY DESC(?n) LIMIT 1 } ?p skos:prefLabel ?l }")
        with urllib.request.urlopen(base + "/query?query=" + urllib.parse.quote(query)) as r:
            person = json.load(r)["results"]["bindings"][0]["l"]["value"]
        with urllib.request.urlopen(base + "/api/search?q=" + urllib.parse.quote(person)) as r:
            hits = json.load(r)
        assert hits[0]["label"] == person, hits[:3]
        meeting, roles, names = walk_through(browser, base, person, shots="corpus")
        assert roles[names.index(person)] == "主持", (names, roles)
        check_map(browser, meeting)
    finally:
        p.stop()
