/**
 * stratum-chat, the terminal client: log in with an e-mail PIN, list chats, chat interactively
 * or send from scripts. Built on the SDK only; started by deploy/stratum-chat. docs/terminal-client.md.
 */
package io.stratum.client.terminal;
