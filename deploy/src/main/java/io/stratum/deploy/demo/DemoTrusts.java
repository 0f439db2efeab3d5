package io.stratum.deploy.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.stratum.common.settings.SettingKey;
import io.stratum.common.settings.Settings;
import io.stratum.deploy.install.SettingsTemplate;
import io.stratum.deploy.process.Markers;

/**
 * The demo's trusts, set through each server's console API as two administrators would: every server
 * below another already trusts it from its settings.yaml ({@code rts_host}, {@code rts_id},
 * {@code rts_token}); the server above gets the matching record with the tokens crosswise, and the
 * lower side's record is marked with the right kind. CTS-A and CTS-C also get a direct partner trust that allows
 * trust search both ways.
 * Done once per demo (marker {@code demo-trusts.done}).
 */
final class DemoTrusts {
    static final List<String> PARTNERS = List.of("cts-a", "cts-c");

    private final Path directory;

    DemoTrusts(Path directory) {
        this.directory = directory;
    }

    void configure(List<DemoServer> servers, Function<DemoServer, Settings> settingsOf) {
        Path done = directory.resolve("demo-trusts.done");
        if (Markers.isSet(done)) {
            return;
        }
        Map<String, DemoServer> byName = servers.stream().collect(java.util.stream.Collectors.toMap(DemoServer::name, s -> s));
        for (DemoServer child : servers) {
            if (child.upstream() == null) {
                continue;
            }
            DemoServer upper = byName.get(child.upstream());
            String[] tokens = settingsOf.apply(child).text(SettingKey.RTS_TOKEN).orElseThrow().split(":", 2);
            try (DemoConsole console = console(upper, settingsOf)) {
                create(console, trust(child, tokens[1], tokens[0]));
            }
            try (DemoConsole console = console(child, settingsOf)) {
                console.call("PUT", "/trusts/" + upper.name(), json(Map.of("remoteId", upper.name(), "name", upper.name(),
                        "kind", upper.role().name(), "endpoint", "localhost:" + upper.trustPort())));
            }
        }
        DemoServer a = byName.get(PARTNERS.get(0));
        DemoServer c = byName.get(PARTNERS.get(1));
        String first = SettingsTemplate.randomHex(24);
        String second = SettingsTemplate.randomHex(24);
        // The partners let each other search their address books (trust search).
        try (DemoConsole console = console(a, settingsOf)) {
            create(console, partner(trust(c, first, second)));
        }
        try (DemoConsole console = console(c, settingsOf)) {
            create(console, partner(trust(a, second, first)));
        }
        Markers.set(done);
    }

    private DemoConsole console(DemoServer server, Function<DemoServer, Settings> settingsOf) {
        return DemoConsole.open(server, settingsOf.apply(server), directory.resolve(server.name()));
    }

    private static void create(DemoConsole console, Map<String, String> trust) {
        if (!console.exists("/trusts/" + trust.get("remoteId"))) {
            console.call("POST", "/trusts", json(trust));
        }
    }

    private static Map<String, String> trust(DemoServer remote, String acceptToken, String connectToken) {
        return Map.of("remoteId", remote.name(), "name", remote.name(), "kind", remote.role().name(),
                "endpoint", "localhost:" + remote.trustPort(), "tokenForAccept", acceptToken, "tokenForConnect", connectToken);
    }

    private static Map<String, String> partner(Map<String, String> trust) {
        Map<String, String> withSearch = new java.util.LinkedHashMap<>(trust);
        withSearch.put("allowTrustSearch", "true");
        return withSearch;
    }

    /** A flat JSON object of strings (names, ports and hex tokens: nothing to escape but quotes and backslashes; allow* as booleans). */
    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> {
            json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":");
            if (key.startsWith("allow")) {
                json.append(Boolean.parseBoolean(value));
            } else {
                json.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return json.append('}').toString();
    }
}
