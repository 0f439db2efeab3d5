/**
 * Calls: coturn STUN/TURN credentials through VoEx's Redis, Janus MCU rooms through its WebSocket
 * API, and the SIP gateway to the office PBX (jain-sip). Empty until the calls issue lands.
 */
package io.stratum.voex;
