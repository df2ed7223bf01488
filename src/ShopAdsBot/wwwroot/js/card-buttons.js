// Old cards stop inviting clicks. Teams and the Emulator replace a clicked card with a compact one (the bot updates the
// message), but Direct Line cannot update a message, so on Web Chat pages the buttons of every card but the last are
// disabled here, once Web Chat has rendered them. Help links stay usable: they only open an article. Web Chat renders
// both kinds as the same <button>; the bot's Action.OpenUrl carry their URL as tooltip (the title attribute).
// The bot still answers a click on an old card ("that card is old"), for pages without this script.
// Shared by every page that shows Web Chat (the bot's page, the widget's chat view):
//   var stop = ShopAdsBotCards.keepOnlyLastCardActive(element);   // element: where renderWebChat draws
(function () {
  'use strict';

  var MARK = 'data-shopadsbot-old-card';

  // The cards of the transcript in order; cards nested in a card (ShowCard bodies) belong to their card.
  function topLevelCards(root) {
    return Array.prototype.filter.call(root.querySelectorAll('.ac-adaptiveCard'), function (card) {
      return !(card.parentElement && card.parentElement.closest('.ac-adaptiveCard'));
    });
  }

  function disableEarlierCards(root) {
    var cards = topLevelCards(root);
    cards.slice(0, -1).forEach(function (card) {
      card.querySelectorAll('button').forEach(function (button) {
        if (/^https?:\/\//.test(button.getAttribute('title') || '') || button.hasAttribute(MARK)) { return; }
        button.disabled = true;
        button.setAttribute('aria-disabled', 'true');
        button.setAttribute(MARK, '');
      });
    });
  }

  // Watches the transcript: each new card disables the ones before it. Returns a function that stops watching.
  function keepOnlyLastCardActive(root) {
    var pending = false;
    var observer = new MutationObserver(function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        disableEarlierCards(root);
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    disableEarlierCards(root);
    return function () { observer.disconnect(); };
  }

  window.ShopAdsBotCards = { keepOnlyLastCardActive: keepOnlyLastCardActive, disableEarlierCards: disableEarlierCards };
})();
