// The chat view at "/chat": what widget.js shows in its iframe on another site. Inside that frame:
// - the conversation ticket is kept by the widget (the host site's session storage, which a third-party frame often
//   cannot use itself): it comes in the address's fragment (#resume=...&lang=..., never sent over the network) and goes
//   back to the widget in a message each time it changes. The ticket is encrypted by the app: no token is handed over;
// - a close button and Escape ask the widget to close the panel; the widget's "focus" message puts the focus in the
//   send box. Messages carry nothing secret; any parent may read them, and CSP frame-ancestors decides which can exist.
import { startChat } from './chat/chat-app.js';
import { sessionKeeper } from './chat/conversation.js';

const framed = window.parent !== window;

function tellWidget(message) {
  window.parent.postMessage(Object.assign({ source: 'shopadsbot' }, message), '*');
}

const widgetKeeper = {
  load() {
    const kept = new URLSearchParams(location.hash.slice(1));
    return kept.get('resume') ? { resume: kept.get('resume'), lang: kept.get('lang') } : null;
  },
  save(kept) { tellWidget({ type: 'conversation', resume: kept.resume, lang: kept.lang }); },
  forget() { tellWidget({ type: 'conversation', resume: null, lang: null }); }
};

// Focus the send box once it exists (Web Chat renders after the token arrives).
let wantFocus = false;
function focusSendBox() {
  const input = document.querySelector('[data-id="webchat-sendbox-input"]');
  if (input) { input.focus(); wantFocus = false; }
}
function whenRendered(element) {
  if (!wantFocus) { return; }
  const observer = new MutationObserver(() => {
    if (element.querySelector('[data-id="webchat-sendbox-input"]')) { observer.disconnect(); focusSendBox(); }
  });
  observer.observe(element, { childList: true, subtree: true });
  focusSendBox();
}
let rendered = null;

startChat({
  host: document.getElementById('webchat'),
  status: document.getElementById('status'),
  keeper: framed ? widgetKeeper : sessionKeeper,
  onRendered: element => { rendered = element; whenRendered(element); }
});

if (framed) {
  const close = document.getElementById('close-chat');
  close.hidden = false;
  close.addEventListener('click', () => tellWidget({ type: 'close' }));
  // Escape closes the panel, unless Web Chat used it (e.g. to leave a card it had focused).
  addEventListener('keydown', event => {
    if (event.key === 'Escape' && !event.defaultPrevented) { tellWidget({ type: 'close' }); }
  });
  addEventListener('message', event => {
    if (event.source === window.parent && event.data && event.data.source === 'shopadsbot' && event.data.type === 'focus') {
      wantFocus = true;
      if (rendered) { whenRendered(rendered); }
    }
  });
}
