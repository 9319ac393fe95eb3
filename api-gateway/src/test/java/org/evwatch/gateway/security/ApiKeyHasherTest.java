package org.evwatch.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyHasherTest {

    @Test
    void hashesDependOnThePepperAndMatchOnlyTheirKey() {
        ApiKeyHasher a = new ApiKeyHasher("pepper-one-0123456789");
        ApiKeyHasher b = new ApiKeyHasher("pepper-two-0123456789");
        String key = ApiKeyHasher.newKey();
        assertThat(key).startsWith("evw_").hasSize(4 + 43);
        String hash = a.hash(key);
        assertThat(hash).hasSize(64).doesNotContain(key.substring(4));
        assertThat(a.hash(key)).isEqualTo(hash);
        assertThat(b.hash(key)).isNotEqualTo(hash);
        assertThat(a.matches(key, hash)).isTrue();
        assertThat(a.matches(ApiKeyHasher.newKey(), hash)).isFalse();
        assertThat(a.matches(null, hash)).isFalse();
        assertThat(ApiKeyHasher.displayPrefix(key)).hasSize(10).isEqualTo(key.substring(0, 10));
    }

    @Test
    void refusesAShortPepper() {
        assertThatThrownBy(() -> new ApiKeyHasher("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
