// Old cards stop inviting clicks. Teams and the Emulator replace a clicked card with a compact one (the bot updates the
// message), but Direct Line cannot update a message, so on Web Chat pages the buttons of every card but the last are
// disabled here, once Web Chat has rendered them. Help links stay usable: they only open an article. Web Chat renders
// both kinds as the same <button>; the bot's Action.OpenUrl carry their URL as tooltip (the title attribute).
// The bot still answers a click on an old card ("that card is old"), for pages without this script.
// Used by chat/chat-app.js, so by every page that shows the chat (the bot's page, the widget's chat view).

const MARK = 'data-shopadsbot-old-card';
const LINK_TITLE = /^https?:\/\//;

// The cards of the transcript in order; cards nested in a card (ShowCard bodies) belong to their card.
function topLevelCards(root) {
  return Array.from(root.querySelectorAll('.ac-adaptiveCard'))
    .filter(card => !(card.parentElement && card.parentElement.closest('.ac-adaptiveCard')));
}

export function disableEarlierCards(root) {
  for (const card of topLevelCards(root).slice(0, -1)) {
    for (const button of card.querySelectorAll('button')) {
      if (LINK_TITLE.test(button.getAttribute('title') || '') || button.hasAttribute(MARK)) { continue; }
      button.disabled = true;
      button.setAttribute('aria-disabled', 'true');
      button.setAttribute(MARK, '');
    }
  }
}

// Watches the transcript under `root` (where renderWebChat draws): each new card disables the ones before it.
// Returns a function that stops watching.
export function keepOnlyLastCardActive(root) {
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(() => {
      pending = false;
      disableEarlierCards(root);
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  disableEarlierCards(root);
  return () => observer.disconnect();
}
