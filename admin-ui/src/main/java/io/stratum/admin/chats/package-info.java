/** The Chats section: chats, their members and routing kind — never message bodies; deletion audited. */
package io.stratum.admin.chats;
