/** The Global chat section: administrators post to every user of the server. */
package io.stratum.admin.globalchat;
