package org.evwatch.common.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalApiGuardTest {

    private static final String TOKEN = "s3rvice-token-0123456789abcdef";
    private final InternalApiGuard guarded = InternalApiGuard.forHost("0.0.0.0", Optional.of(TOKEN));

    @Test
    void withoutATokenOnLoopbackEveryPathIsOpen() {
        InternalApiGuard open = InternalApiGuard.forHost("127.0.0.1", Optional.empty());
        assertThat(open.refusal("/internal/v1/reindex", null)).isEmpty();
        assertThat(open.refusal("/no/such/path", "Bearer wrong")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
    void aServiceListeningBeyondLoopbackWithoutATokenRefusesToStartNamingTheSetting(String host) {
        assertThatThrownBy(() -> InternalApiGuard.forHost(host, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(host)
                .hasMessageContaining("evwatch.internal.token")
                .hasMessageContaining("EVWATCH_INTERNAL_TOKEN");
        assertThatThrownBy(() -> InternalApiGuard.forHost(host, Optional.of("  ")))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
    void loopbackNeedsNoToken(String host) {
        assertThat(InternalApiGuard.forHost(host, Optional.empty()).refusal("/internal/v1/sources", null)).isEmpty();
    }

    @Test
    void withATokenEveryApiPathNeedsIt() {
        assertThat(guarded.refusal("/internal/v1/extract", null)).get().asString()
                .contains("Authorization: Bearer <token>");
        assertThat(guarded.refusal("/internal/v1/extract", "Basic dXNlcjpwYXNz")).isPresent();
        assertThat(guarded.refusal("/internal/v1/extract", "Bearer " + TOKEN + "x")).get().asString()
                .contains("not this service's");
        assertThat(guarded.refusal("/internal/v1/extract", "Bearer " + TOKEN.substring(1))).isPresent();
        assertThat(guarded.refusal("/internal/v1/extract", "Bearer ")).isPresent();
        assertThat(guarded.refusal("/q/openapi", null)).isPresent();
        assertThat(guarded.refusal("/no/such/path", null)).isPresent();
        assertThat(guarded.refusal("/q/healthz", null)).isPresent();
        assertThat(guarded.refusal("/", null)).isPresent();
    }

    @Test
    void theRightTokenPasses() {
        assertThat(guarded.refusal("/internal/v1/extract", "Bearer " + TOKEN)).isEmpty();
        assertThat(guarded.refusal("/internal/v1/extract", "bearer  " + TOKEN + " ")).isEmpty();
    }

    @Test
    void healthAndMetricsStayOpen() {
        assertThat(guarded.refusal("/q/health", null)).isEmpty();
        assertThat(guarded.refusal("/q/health/ready", null)).isEmpty();
        assertThat(guarded.refusal("/q/health/live", "Bearer wrong")).isEmpty();
        assertThat(guarded.refusal("/q/metrics", null)).isEmpty();
    }
}
