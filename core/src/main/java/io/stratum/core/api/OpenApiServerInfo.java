package io.stratum.core.api;

import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.info.Info;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import io.stratum.core.server.ServerConfig;

/**
 * Names the server in the OpenAPI document ({@code info.description}: role and server id), which only
 * the running server knows.
 *
 * <p>It runs per request on purpose: with a per-request filter Quarkus keeps the build-time document
 * as a model and writes JSON or YAML when {@code /q/openapi} is asked for, instead of writing both at
 * every start (about 0.1 s of the start-up thread; ADR 0020). The document is asked for rarely, by
 * developers and tests. SmallRye instantiates the filter itself (not a CDI bean), once per request.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class OpenApiServerInfo implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        ServerConfig server = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(ServerConfig.class);
        Info info = openApi.getInfo();
        if (info != null) {
            info.setDescription("Stratum " + server.role().toUpperCase(Locale.ROOT)
                    + " server " + server.id() + ". Client protocol: docs/protocol.md.");
        }
    }
}
