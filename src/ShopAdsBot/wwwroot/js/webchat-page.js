// The ShopAdsBot page: asks the server for a Direct Line connection (a local token, or an Azure token obtained
// server-side from the secret) and renders the real Web Chat with it. Switching FR/EN starts a new conversation in
// that language: the bot reads the locale of each activity, and its welcome card comes in the new language.
(function () {
  'use strict';

  var TEXTS = {
    fr: {
      locale: 'fr-FR',
      title: 'ShopAdsBot — assistant TikTok Shop Ads',
      intro: 'Votre assistant TikTok Shop Ads : choisissez un sujet ou posez votre question.',
      footer: 'Assistant non officiel. Ne partagez jamais vos mots de passe.',
      error: 'Le chat est indisponible pour le moment. Veuillez recharger la page.',
      you: 'Vous'
    },
    en: {
      locale: 'en-US',
      title: 'ShopAdsBot — TikTok Shop Ads assistant',
      intro: 'Your TikTok Shop Ads assistant: pick a topic or ask your question.',
      footer: 'Unofficial assistant. Never share your passwords.',
      error: 'The chat is unavailable right now. Please reload the page.',
      you: 'You'
    }
  };

  // Web Chat's own options first; css/site.css adds what they cannot say (button shapes, help links, Oui / Non).
  var styleOptions = {
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
    suggestedActionBorderColor: '#fe2c55',
    suggestedActionTextColor: '#fe2c55',
    userAvatarBackgroundColor: '#25f4ee',
    userAvatarInitials: 'V'
  };

  var host = document.getElementById('webchat');
  var status = document.getElementById('status');
  var current = null;
  var stopWatchingCards = null;

  function pickLanguage() {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    if (fromUrl === 'fr' || fromUrl === 'en') { return fromUrl; }
    try {
      var saved = localStorage.getItem('shopadsbot.lang');
      if (saved === 'fr' || saved === 'en') { return saved; }
    } catch (e) { /* storage may be blocked */ }
    return 'fr';
  }

  function applyTexts(lang) {
    var t = TEXTS[lang];
    document.documentElement.lang = lang;
    document.title = t.title;
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t[el.getAttribute('data-i18n')]; });
    document.querySelectorAll('.lang-switch button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
  }

  async function start(lang) {
    var t = TEXTS[lang];
    applyTexts(lang);
    status.hidden = true;
    if (current) { current.end(); current = null; }

    var connection;
    try {
      var response = await fetch('/api/webchat/token', { method: 'POST', headers: { Accept: 'application/json' } });
      if (!response.ok) { throw new Error('token ' + response.status); }
      connection = await response.json();
    } catch (e) {
      status.textContent = t.error;
      status.hidden = false;
      return;
    }

    var local = connection.mode === 'local';
    var directLine = window.WebChat.createDirectLine({
      domain: local ? location.origin + '/v3/directline' : connection.domain,
      token: connection.token,
      webSocket: connection.webSocket,
      conversationStartProperties: { locale: t.locale }
    });
    current = directLine;

    // A fresh element per conversation, so Web Chat starts with an empty transcript.
    var element = document.createElement('div');
    element.style.height = '100%';
    host.replaceChildren(element);
    window.WebChat.renderWebChat({
      directLine: directLine,
      // In Azure mode the user id is inside the token, and Web Chat reads it from there.
      userID: local ? connection.userId : undefined,
      locale: t.locale,
      store: window.WebChat.createStore(),
      styleOptions: Object.assign({}, styleOptions, { userAvatarInitials: t.you.charAt(0) })
    }, element);
    // Direct Line cannot update a clicked card: the buttons of earlier cards are disabled instead (js/card-buttons.js).
    if (stopWatchingCards) { stopWatchingCards(); }
    stopWatchingCards = window.ShopAdsBotCards.keepOnlyLastCardActive(element);
  }

  document.querySelectorAll('.lang-switch button').forEach(function (button) {
    button.addEventListener('click', function () {
      var lang = button.getAttribute('data-lang');
      if (button.getAttribute('aria-pressed') === 'true') { return; }
      try { localStorage.setItem('shopadsbot.lang', lang); } catch (e) { /* ignore */ }
      start(lang);
    });
  });

  start(pickLanguage());
})();
