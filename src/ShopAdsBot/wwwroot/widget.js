/*
 * ShopAdsBot widget. One line on any page of an allowed site (WebChat:AllowedOrigins):
 *   <script src="https://<bot-host>/widget.js" async></script>
 * Options on that tag: data-lang="fr|en", data-open="true", data-position="right|left".
 * It adds a launcher button (#shopadsbot-launcher); a click opens a panel with the chat view of the bot (/chat) in an
 * iframe (#shopadsbot-frame), a second click or Escape closes it. The iframe is only created when the visitor opens
 * the panel: no conversation is started for visitors who never open it. The conversation lives inside the iframe (the
 * bot's origin); this script remembers, for this tab, whether the panel was open and the conversation's ticket, which
 * only the bot can read. No dependency, no secret, and
 * nothing is loaded from anywhere but the bot's host. Styles are set on the elements themselves, so the host page's
 * CSS (and a strict host CSP on style elements) leaves them alone.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || document.getElementById('shopadsbot-launcher')) { return; } // loaded twice: once is enough

  var bot = new URL(script.src, location.href).origin;
  var pageLang = (document.documentElement.lang || '').toLowerCase();
  var lang = script.getAttribute('data-lang') || (pageLang.indexOf('en') === 0 ? 'en' : 'fr');
  lang = lang === 'en' ? 'en' : 'fr';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var STATE_KEY = 'shopadsbot.widget';
  var TEXTS = {
    fr: { launcher: 'Discuter avec ShopAdsBot, assistant TikTok Shop Ads', frame: 'Chat ShopAdsBot' },
    en: { launcher: 'Chat with ShopAdsBot, TikTok Shop Ads assistant', frame: 'ShopAdsBot chat' }
  };
  var INK = '#161823', RED = '#fe2c55', AQUA = '#25f4ee';
  var phone = window.matchMedia('(max-width: 480px)');

  function css(element, styles) {
    Object.keys(styles).forEach(function (name) { element.style.setProperty(name, styles[name], 'important'); });
  }

  // This tab's widget state: whether the panel is open, and the conversation's ticket (encrypted by the bot, readable
  // by nobody else, and no token) with its language, handed to the chat view on the next page so that it rejoins.
  function remembered() {
    try { return JSON.parse(sessionStorage.getItem(STATE_KEY) || '{}') || {}; } catch (e) { return {}; }
  }

  function remember(changes) {
    try { sessionStorage.setItem(STATE_KEY, JSON.stringify(Object.assign(remembered(), changes))); } catch (e) { /* storage blocked */ }
  }

  var launcher = document.createElement('button');
  launcher.id = 'shopadsbot-launcher';
  launcher.type = 'button';
  launcher.setAttribute('aria-label', TEXTS[lang].launcher);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'shopadsbot-panel');
  var avatar = document.createElement('img');
  avatar.src = bot + '/img/bot-avatar.svg';
  avatar.alt = '';
  var cross = document.createElement('span');
  cross.setAttribute('aria-hidden', 'true');
  cross.textContent = '×';
  launcher.appendChild(avatar);
  launcher.appendChild(cross);

  var panel = document.createElement('div');
  panel.id = 'shopadsbot-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', TEXTS[lang].frame);
  panel.hidden = true;
  var frame = null;

  var base = { position: 'fixed', margin: '0', 'box-sizing': 'border-box', 'z-index': '2147483000' };
  css(launcher, Object.assign({}, base, {
    bottom: '20px', width: '60px', height: '60px', padding: '0', border: '3px solid ' + RED, 'border-radius': '50%',
    background: INK, color: '#fff', cursor: 'pointer', 'box-shadow': '0 3px 0 ' + AQUA + ', 0 6px 18px rgba(22,24,35,.3)',
    display: 'flex', 'align-items': 'center', 'justify-content': 'center', overflow: 'hidden',
    font: '600 30px/1 system-ui, sans-serif', outline: 'none'
  }));
  launcher.style.setProperty(side, '20px', 'important');
  css(avatar, { width: '100%', height: '100%', display: 'block', margin: '0', padding: '0', border: '0' });
  css(cross, { display: 'none' });

  function layout() {
    var open = !panel.hidden;
    var full = phone.matches;
    css(panel, Object.assign({}, base, full
      ? { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%', 'border-radius': '0' }
      : { bottom: '92px', width: '380px', height: 'min(640px, calc(100vh - 112px))', 'border-radius': '14px' }, {
      display: open ? 'block' : 'none', overflow: 'hidden', background: '#fff', border: '0', padding: '0',
      'box-shadow': '0 8px 30px rgba(22,24,35,.3)'
    }));
    if (!full) { panel.style.setProperty(side, '20px', 'important'); }
    // On a phone the panel fills the screen and has its own close button: the launcher steps aside.
    launcher.style.setProperty('display', open && full ? 'none' : 'flex', 'important');
    avatar.style.setProperty('display', open ? 'none' : 'block', 'important');
    cross.style.setProperty('display', open ? 'block' : 'none', 'important');
  }

  function open(focus) {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'shopadsbot-frame';
      frame.title = TEXTS[lang].frame;
      var kept = remembered();
      frame.src = bot + '/chat?lang=' + lang + (kept.resume
        ? '#resume=' + encodeURIComponent(kept.resume) + '&lang=' + encodeURIComponent(kept.lang || lang) : '');
      frame.setAttribute('allow', 'clipboard-write');
      css(frame, { width: '100%', height: '100%', border: '0', display: 'block', margin: '0', padding: '0' });
      frame.addEventListener('load', function () { if (!panel.hidden && focus) { giveFocus(); } });
      panel.appendChild(frame);
    } else if (focus) {
      giveFocus();
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    remember({ open: true });
    layout();
  }

  function giveFocus() {
    frame.focus();
    frame.contentWindow.postMessage({ source: 'shopadsbot', type: 'focus' }, bot);
  }

  function close() {
    var hadFocus = panel.contains(document.activeElement) || document.activeElement === launcher;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    remember({ open: false });
    layout();
    if (hadFocus) { launcher.focus(); }
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) { open(true); } else { close(); }
  });
  launcher.addEventListener('focus', function () {
    if (launcher.matches(':focus-visible')) { launcher.style.setProperty('outline', '3px solid ' + AQUA, 'important'); }
    launcher.style.setProperty('outline-offset', '3px', 'important');
  });
  launcher.addEventListener('blur', function () { launcher.style.setProperty('outline', 'none', 'important'); });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) { close(); }
  });
  // The chat view asks to close (its close button, or Escape inside the frame), or gives its conversation's ticket.
  // Only the bot's own frame is listened to.
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!frame || event.source !== frame.contentWindow || event.origin !== bot || !data || data.source !== 'shopadsbot') { return; }
    if (data.type === 'close') { close(); }
    if (data.type === 'conversation') { remember({ resume: data.resume || null, lang: data.lang || null }); }
  });
  if (phone.addEventListener) { phone.addEventListener('change', layout); }

  function mount() {
    // The launcher first: Tab goes from it into the open chat.
    document.body.appendChild(launcher);
    document.body.appendChild(panel);
    layout();
    var state = remembered();
    if (state.open === true || (state.open === undefined && script.getAttribute('data-open') === 'true')) { open(false); }
  }

  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
