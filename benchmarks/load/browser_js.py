"""What the load benchmark asks a tab (JavaScript run in the page) and the selectors it waits on."""

from __future__ import annotations

ACTOR_BOX = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"

IDLE_JS = """(sel) => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && document.querySelector(sel) !== null
        && document.querySelector('[data-testid="stSkeleton"]') === null; }"""

# Armed just before the actor is chosen: records when the page is first idle with the actor in
# the URL (the run the choice started has published it and ended) and when a map was last
# redrawn (any plot, also one drawn anew). Fragment runs afterwards (a build's progress bar,
# polled) are not the filter's: the page was once idle with its result.
ARM_JS = """(actor) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const b = window.__load = {start: performance.now(), plotted: null, first: null, actor: actor,
                             runs: 0, draws: 0, running: false, hidden: document.visibilityState !== 'visible',
                             gd: document.querySelector('.js-plotly-plot')};
  const hook = () => document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    if (gd.on && gd.__loadArmed !== b) {
      gd.__loadArmed = b;
      gd.on('plotly_afterplot', () => { if (window.__load === b) { b.plotted = performance.now(); b.draws += 1; } });
    } });
  const check = () => {
    hook();
    const running = app.getAttribute('data-test-script-state') === 'running';
    if (running && !b.running) b.runs += 1;   // a script run (or fragment run) started
    b.running = running;
    const idle = !running && app.getAttribute('data-test-script-state') === 'notRunning'
      && document.querySelector('[data-testid="stSkeleton"]') === null
      && (b.actor ? new URLSearchParams(location.search).getAll('actor').includes(b.actor)
                  : new URLSearchParams(location.search).has('actor'));
    if (idle && b.first === null) b.first = performance.now();
  };
  hook();
  new MutationObserver(check).observe(app, {attributes: true, subtree: true, childList: true});
}"""
# done: idle once with the actor, and the map redrawn after the choice (or no redraw within 3 s
# of that: the actor's places are the ones already drawn)
DONE_JS = """() => { const b = window.__load;
  return b && b.first !== null && (b.plotted !== null || performance.now() - b.first > 3000); }"""
TOOK_JS = """() => { const b = window.__load;
  return [(Math.max(b.first, b.plotted === null ? 0 : b.plotted) - b.start) / 1000,
          b.runs, b.draws, b.hidden, b.gd !== null && document.contains(b.gd)]; }"""
#: the chosen actors' chips of the sidebar's multiselect (Streamlit 1.67 draws them as react-aria
#: tags, ``[data-tag]``; a ``[data-baseweb='tag']`` selector found none, chosen or not)
CHIPS = "[data-testid='stSidebar'] [data-testid='stMultiSelect'] [data-tag]"
#: the pick has taken: the widget shows the chosen actor's chip
CHOSEN_JS = """([chips, label]) => Array.from(document.querySelectorAll(chips))
  .some(t => t.textContent.trim() === label)"""
#: what a session that timed out on its filter shows: the URL's actors and the chosen chips
STUCK_JS = """(chips) => [location.search, document.querySelector('[data-testid="stApp"]')
  .getAttribute('data-test-script-state'), Array.from(document.querySelectorAll(chips))
  .map(t => t.textContent.trim())]"""
#: An init script (before React loads) counting what React re-renders: on every commit the
#: components that ran (React's PerformedWork flag; subtrees React skipped are not walked) and
#: the host nodes whose props changed, each by the data-testid of its nearest element above
#: ("stPageLink", "stMultiSelect", ...). ``window.__renders`` {testid: count}, ``__commits``,
#: ``__commitsWith`` {testid: the commits that re-rendered something there}; read with
#: RENDERS_JS, cleared with RENDERS_RESET_JS. What a run costs the tab is mostly
#: these renders; unlike the tab's CPU seconds they do not vary with the machine's load.
REACT_RENDERS_JS = """(() => {
  window.__commits = 0; window.__renders = {}; window.__commitsWith = {}; let here = new Set();
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const where = f => { for (let a = f; a; a = a.return) {
      const t = a.memoizedProps && a.memoizedProps['data-testid'];
      if (typeof t === 'string' && t !== 'stElementContainer' && t !== 'stVerticalBlock'
          && t !== 'stHorizontalBlock' && t !== 'stLayoutWrapper') return t; }
    return '(app)'; };
  const add = f => { const k = where(f); window.__renders[k] = (window.__renders[k] || 0) + 1; here.add(k); };
  const mount = f => { for (let c = f; c; c = c.sibling) { if (COMPONENT.has(c.tag) || c.tag === 5) add(c); mount(c.child); } };
  const walk = next => {
    const prev = next.alternate;
    if (!prev) { if (COMPONENT.has(next.tag) || next.tag === 5) add(next); mount(next.child); return; }
    if (COMPONENT.has(next.tag) ? (next.flags & 1) === 1 : (next.tag === 5 && prev.memoizedProps !== next.memoizedProps)) add(next);
    if (next.child !== prev.child) for (let c = next.child; c; c = c.sibling) walk(c);
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), isDisabled: false, inject() { return 1; },
    checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(id, root) { window.__commits += 1; here = new Set();
      try { walk(root.current); } catch (e) { window.__renderError = String(e); }
      here.forEach(k => { window.__commitsWith[k] = (window.__commitsWith[k] || 0) + 1; }); } };
})();"""
RENDERS_JS = "() => ({commits: window.__commits || 0, renders: window.__renders || {}, with: window.__commitsWith || {}})"
RENDERS_RESET_JS = "() => { window.__commits = 0; window.__renders = {}; window.__commitsWith = {}; }"
