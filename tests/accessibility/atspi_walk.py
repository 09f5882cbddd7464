#!/usr/bin/python3
"""The Planner's window as a screen reader sees it, through the AT-SPI bus (issue 21).

Run by Debian's python3 (pyatspi is a Debian package, python3-pyatspi), inside a D-Bus session
with the accessibility bus and an X display (.ci/run: `xvfb-run dbus-run-session -- ...`): it
makes a demo docket, starts the Planner on it with the project's .venv and Qt's accessibility
on, and walks the window's accessible tree as Orca would. It checks that it finds, by their
accessible names: the verdict, the docket's rows (their A-numbers), the buttons of the toolbar
and of the calendar, and, once the Calendar tab is pressed through AT-SPI's own action, the
calendar's sessions and hearings by their text. Then, as the keyboard's user: the focus given to
the days through AT-SPI, Down (a hearing selected) and Alt+Down (moved a step later), the keys
made by the AT-SPI registry; an event listener, as a screen reader's, must hear the calendar's
announcement (object:announcement, Qt 6.8's QAccessibleAnnouncementEvent) or a name change.
Exit status 0 when all are found and heard; otherwise it prints what is missing.

    tests/accessibility/atspi_walk.py [--venv .venv] [--keep DIR]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyatspi  # Debian's python3-pyatspi

ROOT = Path(__file__).resolve().parents[2]
APP_NAME = "Judge Workload Planner"
HEARING = re.compile(r"^A\d{3}-\d{3}-\d{3}, .+, \d{1,2}:\d{2} to \d{1,2}:\d{2}$")
SESSION = re.compile(r"^\d{1,2}:\d{2} to \d{1,2}:\d{2}, .+, \d+ hearings?$")
A_NUMBER = re.compile(r"^A\d{3}-\d{3}-\d{3}$")
#: Buttons of the toolbar, the quota panel and (once its tab is shown) the calendar.
BUTTONS = ("Undo", "New Case", "Schedule Automatically", "How is this computed?")
CALENDAR_BUTTONS = ("Previous", "Today", "Next", "Go to…", "Day", "Week", "Month", "Year")
BUTTON_ROLES = ("push button", "toggle button", "check box")


def walk(node, depth=0, limit=40):  # type: ignore[no-untyped-def]
    """Every accessible object under ``node``, depth first (hidden ones too: Qt lists the pages
    of a tab widget that are not on show)."""
    if node is None or depth > limit:
        return
    yield node
    try:
        count = node.childCount
    except Exception:  # an object gone while walking (a relayout)
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def find_app(pid: int, timeout: float):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount:
                    return app
            except Exception:
                continue
        time.sleep(0.5)
    return None


def named(app, role=None):  # type: ignore[no-untyped-def]
    """(role name, name) of every object of ``app`` (of ``role`` only, when given)."""
    found = []
    for node in walk(app):
        try:
            if role is None or node.getRole() == role:
                found.append((node.getRoleName(), node.name or ""))
        except Exception:
            continue
    return found


def press(app, role, name) -> bool:  # type: ignore[no-untyped-def]
    """Do the first action of the object of ``role`` called ``name``, as a screen reader's user
    would (a page tab: shows its page)."""
    for node in walk(app):
        try:
            if node.getRole() != role or node.name.replace("&", "") != name:
                continue
        except Exception:
            continue
        try:
            node.queryAction().doAction(0)
        except Exception as error:  # the Calendar's page is built then, longer than AT-SPI
            print(f"{name}: no reply to the action in time ({error}); what it shows is checked")
        return True
    return False


def buttons_missing(everything, names):  # type: ignore[no-untyped-def]
    buttons = {n.replace("&", "") for r, n in everything if r in BUTTON_ROLES}
    found = [name for name in names if name in buttons]
    print(f"Buttons found by name: {', '.join(found)}")
    return [f"the button {name!r}" for name in names if name not in buttons]


def wait_for(what, timeout: float):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        found = what()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


#: What a screen reader hears when something changes: Qt's announcements (Qt 6.8, AT-SPI 2.46's
#: object:announcement), a name changed, the focus moved to another object.
HEARD = (
    "object:announcement",
    "object:property-change:accessible-name",
    "object:state-changed:focused",
)
_DOWN = 0xFF54  # the Down key's keysym
_ALT_MASK = 1 << 3  # Mod1, Alt


def _focus_hearings(app):  # type: ignore[no-untyped-def]
    """Give the keyboard's focus to the calendar's days, through AT-SPI (the first object above
    a hearing that can take it): the arrow keys go to the hearings from there."""
    for node in walk(app):
        try:
            if not HEARING.match(node.name or ""):
                continue
            parent = node.parent
            while parent is not None:
                action = parent.queryAction()
                names = [action.getName(i) for i in range(action.nActions)]
                if "SetFocus" in names:
                    action.doAction(names.index("SetFocus"))
                    return parent.name
                parent = parent.parent
        except Exception:
            continue
    return None


def hear_a_move(app, timeout: float = 20):  # type: ignore[no-untyped-def]
    """Select a hearing with Down and move it with Alt+Down, as the keyboard's user would (keys
    made by the AT-SPI registry, through XTest), listening as a screen reader does; the events
    heard (type, source's name, what was said)."""
    from gi.repository import GLib

    heard = []

    def listen(event):  # type: ignore[no-untyped-def]
        try:
            said = event.any_data if isinstance(event.any_data, str) else ""
            heard.append((event.type, event.source.name or "", said))
        except Exception:
            heard.append((str(event.type), "", ""))

    for kind in HEARD:
        pyatspi.Registry.registerEventListener(listen, kind)
    context = GLib.MainContext.default()

    def pump(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            while context.iteration(False):
                pass
            time.sleep(0.05)

    try:
        focused = _focus_hearings(app)
        print(f"Keyboard focus given to {focused!r}")
        pump(1)
        generate = pyatspi.Registry.generateKeyboardEvent
        generate(_DOWN, None, pyatspi.KEY_SYM)  # select the first hearing
        pump(2)
        heard.clear()  # what follows is the move's doing
        generate(_ALT_MASK, None, pyatspi.KEY_LOCKMODIFIERS)  # Alt held
        generate(_DOWN, None, pyatspi.KEY_SYM)  # Alt+Down: the hearing a step later
        generate(_ALT_MASK, None, pyatspi.KEY_UNLOCKMODIFIERS)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not any(t == HEARD[0] for t, _n, _s in heard):
            pump(0.5)
        pump(0.5)
    finally:
        for kind in HEARD:
            pyatspi.Registry.deregisterEventListener(listen, kind)
    return heard


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--venv", default=str(ROOT / ".venv"))
    parser.add_argument("--keep", help="keep the demo database and settings in this folder")
    parser.add_argument("--dump", action="store_true", help="print every object's role and name")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="planner-atspi-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # a docket, even a demo one, is the owner's only
    database = folder / "demo.sqlite"
    planner = Path(args.venv) / "bin" / "planner"
    env = dict(
        os.environ,
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
    )
    if not database.exists():
        subprocess.run(
            [str(planner), "demo", "--db", str(database), "--cases", "300"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    app_process = subprocess.Popen([str(planner), "--db", str(database)], env=env)
    missing: list[str] = []
    try:
        app = find_app(app_process.pid, 60)
        if app is None:
            print("The Planner did not appear on the AT-SPI bus", file=sys.stderr)
            return 1
        print(f"Found {app.name!r} on the AT-SPI bus")
        labels = wait_for(
            lambda: [n for r, n in named(app) if n.startswith("Verdict: ") and "…" not in n], 60
        )
        everything = named(app)
        if not labels:
            missing.append("the verdict")
        else:
            print(f"Verdict: {labels[0]!r}")
        cells = [n for r, n in everything if A_NUMBER.match(n)]
        if not cells:
            missing.append("the docket's rows (no A-number in a table cell)")
        else:
            print(f"Docket: {len(cells)} rows found by A-number, the first {cells[0]!r}")
        missing += buttons_missing(everything, BUTTONS)
        if not press(app, pyatspi.ROLE_PAGE_TAB, "Calendar"):
            missing.append("the Calendar tab (as a page tab with an action)")
        hearings = wait_for(lambda: [n for r, n in named(app) if HEARING.match(n)], 30)
        missing += buttons_missing(named(app), CALENDAR_BUTTONS)
        sessions = [n for r, n in named(app) if SESSION.match(n)]
        if not hearings:
            missing.append("the calendar's hearings by their text")
        else:
            print(f"Calendar: {len(hearings)} hearings, the first {hearings[0]!r}")
        if not sessions:
            missing.append("the calendar's sessions by their text")
        else:
            print(f"Calendar: {len(sessions)} sessions, the first {sessions[0]!r}")
        heard = hear_a_move(app)
        for kind, source, said in heard:
            print(f"Heard {kind} from {source!r}" + (f": {said!r}" if said else ""))
        if not any(kind in HEARD[:2] for kind, _source, _said in heard):
            missing.append("an announcement or a name change after Alt+Down moved a hearing")
        if args.dump:
            for role, name in named(app):
                print(f"{role}: {name}")
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
    for what in missing:
        print(f"Not found through AT-SPI: {what}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
