package org.evwatch.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class MailTokensTest {

    private static final UUID SUBSCRIPTION = UUID.fromString("7f0c3a52-1b2d-4e5f-8a9b-0c1d2e3f4a5b");
    private final MailTokens tokens = new MailTokens("a-mail-secret-of-this-deployment");

    @Test
    void aTokenSaysWhatItWasIssuedForAndNamesNoAddress() {
        String token = tokens.issue(MailTokens.Purpose.UNSUBSCRIBE, SUBSCRIPTION, "Reader@Example.org");
        assertThat(token).doesNotContainIgnoringCase("example").matches("[A-Za-z0-9._-]+");
        MailTokens.Claim claim = tokens.verify(token).orElseThrow();
        assertThat(claim.purpose()).isEqualTo(MailTokens.Purpose.UNSUBSCRIBE);
        assertThat(claim.subscriptionId()).isEqualTo(SUBSCRIPTION);
        assertThat(claim.isFor("reader@example.org")).as("addresses compare without case").isTrue();
        assertThat(claim.isFor("other@example.org")).isFalse();
        assertThat(claim.isFor(null)).isFalse();
    }

    @Test
    void aChangedCharacterAnotherSecretOrAnotherPurposeIsRefused() {
        String token = tokens.issue(MailTokens.Purpose.CONFIRM, SUBSCRIPTION, "reader@example.org");
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'a' ? 'b' : 'a') + token.substring(i + 1);
            assertThat(tokens.verify(changed)).as("changed at %d: %s", i, changed).isEmpty();
        }
        assertThat(new MailTokens("another-secret-entirely-000000").verify(token)).isEmpty();
        String asUnsubscribe = "u" + token.substring(1);
        assertThat(tokens.verify(asUnsubscribe)).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(token + ".")).isEmpty();
    }
}
