// The Direct Line conversation of this browser tab. The app answers POST /api/webchat/token with a token and a
// "resume" ticket: the conversation, encrypted by the app, which no script can read or use as a token. A keeper holds
// that ticket for the tab (sessionStorage on the bot's page; the widget's storage on the host site for the chat view,
// since a third-party frame's storage is often blocked), so that a reload or the next page of the site rejoins the
// conversation with a fresh token. Reconnecting without a watermark makes Direct Line (local or Azure) send the
// history again, which Web Chat shows before the new messages.
import { TEXTS, isLanguage } from './texts.js';

/** Keeps the ticket in this page's own sessionStorage (the bot's page at "/"). */
export const sessionKeeper = {
  key: 'shopadsbot.conversation',
  load() {
    try {
      return JSON.parse(sessionStorage.getItem(this.key) || 'null');
    } catch (e) {
      return null; // storage blocked: every load starts a new conversation
    }
  },
  save(kept) {
    try { sessionStorage.setItem(this.key, JSON.stringify(kept)); } catch (e) { /* storage blocked */ }
  },
  forget() {
    try { sessionStorage.removeItem(this.key); } catch (e) { /* storage blocked */ }
  }
};

async function requestConnection(resume) {
  const response = await fetch('/api/webchat/token', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ resume: resume || null })
  });
  if (!response.ok) { throw new Error('token ' + response.status); }
  return response.json();
}

/**
 * Opens the tab's conversation: the kept one when it can still be joined (in its own language, whatever the language
 * asked, since the visitor may have switched), otherwise a new one in that language.
 * Returns { lang, userId, directLine }.
 */
export async function openConversation(keeper, lang, { resume = true } = {}) {
  const kept = resume ? keeper.load() : null;
  const connection = await requestConnection(kept && kept.resume);
  const resumed = connection.resumed === true && kept && isLanguage(kept.lang);
  const conversationLang = resumed ? kept.lang : lang;
  if (connection.resume) {
    keeper.save({ resume: connection.resume, lang: conversationLang });
  } else {
    keeper.forget();
  }

  const local = connection.mode === 'local';
  const directLine = window.WebChat.createDirectLine(Object.assign(
    {
      domain: local ? location.origin + '/v3/directline' : connection.domain,
      token: connection.token,
      webSocket: connection.webSocket
    },
    resumed
      ? { conversationId: connection.conversationId }
      : { conversationStartProperties: { locale: TEXTS[conversationLang].locale } }));

  // In Azure mode the user id is inside the token, and Web Chat reads it from there.
  return { lang: conversationLang, userId: local ? connection.userId : undefined, directLine };
}
