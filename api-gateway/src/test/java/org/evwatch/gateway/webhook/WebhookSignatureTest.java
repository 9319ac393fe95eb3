package org.evwatch.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test-secret-0123456789";
    private static final byte[] BODY = "{\"paper\":\"p1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void matchesAnHmacComputedElsewhere() {
        // Reference value from Python: hmac.new(secret, b'1700000000.' + body, sha256).hexdigest()
        assertThat(new WebhookSignature(SECRET).header(T, BODY))
                .isEqualTo("t=1700000000,v1=050a0a7737cc9e37c3320891a581b2c1ce2760b331e42f08147324d80369b49b");
    }

    @Test
    void verifiesItsOwnSignatureAndRejectsTampering() {
        WebhookSignature signer = new WebhookSignature(SECRET);
        String header = signer.header(T, BODY);
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(signer.verify(header, BODY, T.plusSeconds(60), tolerance)).isTrue();
        assertThat(signer.verify(header, "{\"paper\":\"p2\"}".getBytes(StandardCharsets.UTF_8), T, tolerance))
                .as("other body").isFalse();
        assertThat(signer.verify(header, BODY, T.plusSeconds(301), tolerance)).as("replayed late").isFalse();
        assertThat(new WebhookSignature("whsec_another-secret-xyz").verify(header, BODY, T, tolerance))
                .as("other secret").isFalse();
        assertThat(signer.verify(header.replace("t=1700000000", "t=1700000001"), BODY, T, tolerance))
                .as("timestamp changed").isFalse();
        assertThat(signer.verify("v1=zz", BODY, T, tolerance)).isFalse();
        assertThat(signer.verify(null, BODY, T, tolerance)).isFalse();
        // During a secret rotation two v1 values may be sent; any one matching is enough.
        String rotated = "t=1700000000,v1=" + "00".repeat(32) + "," + header.substring(header.indexOf("v1="));
        assertThat(signer.verify(rotated, BODY, T, tolerance)).isTrue();
    }

    @Test
    void refusesShortSecretsAndMakesLongRandomOnes() {
        assertThatThrownBy(() -> new WebhookSignature("short")).isInstanceOf(IllegalArgumentException.class);
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_").hasSizeGreaterThan(40).isNotEqualTo(WebhookSignature.newSecret());
    }
}
