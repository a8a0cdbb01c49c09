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
