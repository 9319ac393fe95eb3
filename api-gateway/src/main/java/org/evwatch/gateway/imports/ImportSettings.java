package org.evwatch.gateway.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Imports ({@code /api/v1/imports}); every setting can be set by an environment variable. */
@ConfigMapping(prefix = "evwatch.gateway.imports")
public interface ImportSettings {

    /** The largest upload; a larger one gets 413. The HTTP layer's own limit must sit above it. */
    @WithDefault("16M")
    MemorySize maxBytes();
}
