package org.evwatch.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestChecksTest {

    private static Optional<RequestChecks.Refusal> get(String target) {
        return RequestChecks.check("GET", target, h -> null);
    }

    @Test
    void ordinaryTargetsPass() {
        assertThat(get("/api/v1/papers?q=exosome+AND+%22CD63%22&entity=MESH%3AD010190&sort=date")).isEmpty();
        assertThat(get("/api/v1/papers/doi:10.1038/nature14581")).isEmpty();
        assertThat(get("/api/v1/entities?prefix=caf%C3%A9")).isEmpty();
        assertThat(get("/?")).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedNamingWhere() {
        assertThat(get("/api/v1/feeds/%00/atom")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.detail()).contains("path").contains("U+0000");
        });
        assertThat(get("/api/v1/papers?q=a%0Ab")).hasValueSatisfying(r -> assertThat(r.detail())
                .contains("'q'").contains("U+000A"));
        assertThat(get("/api/v1/papers?q=%7F")).isPresent();
    }

    @Test
    void malformedEncodingsAndRawBytesAreRefused() {
        for (String target : new String[]{"/api/v1/papers/%", "/a/%zz", "/a/%2", "/a?q=%", "/a/%C3%28", "/a/%FF",
                "/a/caf\u00e9", "/a/[x]", "/a?q=\"x\""}) {
            assertThat(get(target)).as(target).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
        }
    }

    @Test
    void targetsPastTheLimitAre414() {
        assertThat(get("/a?q=" + "x".repeat(RequestChecks.MAX_TARGET_CHARS))).hasValueSatisfying(r -> assertThat(r
                .status()).isEqualTo(414));
        assertThat(get("/a?q=" + "x".repeat(RequestChecks.MAX_TARGET_CHARS - 10))).isEmpty();
    }

    @Test
    void aBodyMustSayWhatItIs() {
        Map<String, String> untyped = Map.of("Content-Length", "12");
        assertThat(RequestChecks.check("POST", "/a", untyped::get)).hasValueSatisfying(r -> assertThat(r.status())
                .isEqualTo(415));
        Map<String, String> typed = Map.of("Content-Length", "12", "Content-Type", "application/json");
        assertThat(RequestChecks.check("POST", "/a", typed::get)).isEmpty();
        assertThat(RequestChecks.check("POST", "/a", Map.of("Content-Length", "0")::get)).isEmpty();
        assertThat(RequestChecks.check("GET", "/a", untyped::get)).isEmpty();
    }
}
