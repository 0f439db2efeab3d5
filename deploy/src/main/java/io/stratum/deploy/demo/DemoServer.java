package io.stratum.deploy.demo;

import io.stratum.common.settings.Role;

/**
 * One server of the demo federation.
 *
 * @param upstream name of the server above it, or null for the RTS
 */
public record DemoServer(String name, Role role, int httpPort, int trustPort, String upstream) {
}
