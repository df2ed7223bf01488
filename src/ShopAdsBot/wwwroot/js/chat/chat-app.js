// One chat (the page at "/" or the chat view at "/chat"): the real Web Chat on the tab's conversation, ShopAdsBot's
// look, the FR/EN switch and "new conversation". Each of those starts a new conversation in the chosen language:
// the bot reads the locale of each activity, and its welcome card comes in that language.
import { TEXTS, applyTexts, pickLanguage, rememberLanguage } from './texts.js';
import { openConversation } from './conversation.js';
import { keepOnlyLastCardActive } from '../card-buttons.js';

// Web Chat's own options first; css/site.css adds what they cannot say (button shapes, help links, Oui / Non).
const styleOptions = {
  accent: '#fe2c55',
  backgroundColor: '#ffffff',
  botAvatarImage: '/img/bot-avatar.svg',
  botAvatarInitials: 'SA',
  // Cards sit on a white bubble with a thin border; their header (emphasis container) is a light grey band.
  bubbleBackground: '#ffffff',
  bubbleBorderColor: '#e3e4ea',
  bubbleBorderRadius: 14,
  bubbleBorderStyle: 'solid',
  bubbleBorderWidth: 1,
  bubbleFromUserBackground: '#161823',
  bubbleFromUserBorderColor: '#161823',
  bubbleFromUserTextColor: '#ffffff',
  bubbleFromUserBorderRadius: 14,
  bubbleMaxWidth: 600,
  cardEmphasisBackgroundColor: '#f4f5f8',
  // A clicked choice stays marked in ink.
  cardPushButtonBackgroundColor: '#161823',
  cardPushButtonTextColor: '#ffffff',
  hideUploadButton: true,
  primaryFont: '"Segoe UI", system-ui, -apple-system, Roboto, Helvetica, Arial, sans-serif',
  sendBoxButtonColor: '#fe2c55',
  suggestedActionBorderColor: '#d81b43',
  suggestedActionTextColor: '#d81b43',
  userAvatarBackgroundColor: '#25f4ee',
  userAvatarInitials: 'V'
};

/**
 * Starts the chat in the element `host`, with `status` for errors; `keeper` holds the tab's conversation ticket (see
 * conversation.js). `onRendered(element, directLine)` runs after each render: the place for page scripts that work on
 * Web Chat's DOM (e.g. disabling the buttons of older cards).
 */
export function startChat({ host, status, keeper, onRendered = () => {} }) {
  let current = null;
  let stopWatchingCards = () => {};

  async function start(lang, options) {
    status.hidden = true;
    if (current) { current.directLine.end(); current = null; }

    let conversation;
    try {
      conversation = await openConversation(keeper, lang, options);
    } catch (e) {
      applyTexts(lang);
      status.textContent = TEXTS[lang].error;
      status.hidden = false;
      return;
    }

    current = conversation;
    const t = TEXTS[conversation.lang];
    applyTexts(conversation.lang);

    // A fresh element per conversation, so Web Chat starts with an empty transcript.
    const element = document.createElement('div');
    element.style.height = '100%';
    host.replaceChildren(element);
    window.WebChat.renderWebChat({
      directLine: conversation.directLine,
      userID: conversation.userId,
      locale: t.locale,
      store: window.WebChat.createStore(),
      styleOptions: Object.assign({}, styleOptions, { userAvatarInitials: t.you.charAt(0) })
    }, element);
    // Direct Line cannot update a clicked card: the buttons of earlier cards are disabled instead (card-buttons.js).
    stopWatchingCards();
    stopWatchingCards = keepOnlyLastCardActive(element);
    onRendered(element, conversation.directLine);
  }

  document.querySelectorAll('.lang-switch button').forEach(button => {
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-pressed') === 'true') { return; }
      const lang = button.getAttribute('data-lang');
      rememberLanguage(lang);
      start(lang, { resume: false });
    });
  });

  const restart = document.getElementById('new-conversation');
  if (restart) {
    restart.addEventListener('click', () => {
      start(document.documentElement.lang === 'en' ? 'en' : 'fr', { resume: false });
    });
  }

  start(pickLanguage());
}
