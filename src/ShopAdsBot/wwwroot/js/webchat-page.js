// The ShopAdsBot page at "/": the chat, full page; a reload rejoins the tab's conversation.
import { startChat } from './chat/chat-app.js';
import { sessionKeeper } from './chat/conversation.js';

startChat({ host: document.getElementById('webchat'), status: document.getElementById('status'), keeper: sessionKeeper });
