/**
 * The live session: one WebSocket per device that says hello with the device's cursors, delivers
 * the chat logs' events in order and exactly once to a {@link io.stratum.client.live.LiveListener},
 * sends commands and completes them when the server acknowledges them, and reconnects and resumes
 * by itself when the connection breaks.
 */
package io.stratum.client.live;
