// The words of the chat pages (the page at "/" and the chat view at "/chat"), French first, and the language rule.
export const TEXTS = {
  fr: {
    locale: 'fr-FR',
    title: 'ShopAdsBot — assistant TikTok Shop Ads',
    intro: 'Votre assistant TikTok Shop Ads : choisissez un sujet ou posez votre question.',
    footer: 'Assistant non officiel. Ne partagez jamais vos mots de passe.',
    error: 'Le chat est indisponible pour le moment. Veuillez recharger la page.',
    newConversation: 'Nouvelle conversation',
    close: 'Fermer le chat',
    you: 'Vous'
  },
  en: {
    locale: 'en-US',
    title: 'ShopAdsBot — TikTok Shop Ads assistant',
    intro: 'Your TikTok Shop Ads assistant: pick a topic or ask your question.',
    footer: 'Unofficial assistant. Never share your passwords.',
    error: 'The chat is unavailable right now. Please reload the page.',
    newConversation: 'New conversation',
    close: 'Close the chat',
    you: 'You'
  }
};

const LANG_KEY = 'shopadsbot.lang';

export function isLanguage(value) {
  return value === 'fr' || value === 'en';
}

/** ?lang= in the address, then the visitor's last choice, then French. */
export function pickLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLanguage(fromUrl)) { return fromUrl; }
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLanguage(saved)) { return saved; }
  } catch (e) { /* storage may be blocked */ }
  return 'fr';
}

export function rememberLanguage(lang) {
  try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* storage may be blocked */ }
}

/** Puts the page's texts (elements with data-i18n, accessible names in data-i18n-label) in that language. */
export function applyTexts(lang) {
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t[el.getAttribute('data-i18n')]; });
  document.querySelectorAll('[data-i18n-label]').forEach(el => {
    const text = t[el.getAttribute('data-i18n-label')];
    el.setAttribute('aria-label', text);
    el.setAttribute('title', text);
  });
  document.querySelectorAll('.lang-switch button').forEach(b => {
    b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
  });
}
