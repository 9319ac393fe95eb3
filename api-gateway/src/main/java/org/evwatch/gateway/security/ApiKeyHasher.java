package org.evwatch.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys and their stored form. Keys are 32 random bytes, so a slow password hash would add nothing: the stored
 * hash is HMAC-SHA256 keyed with a server-side pepper, which a leaked database alone cannot be used to test guesses
 * against. Only the hash and a short display prefix are stored.
 */
public final class ApiKeyHasher {

    public static final String KEY_PREFIX = "evw_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] pepper;

    public ApiKeyHasher(String pepper) {
        if (pepper == null || pepper.length() < 16) {
            throw new IllegalArgumentException("the API key pepper needs at least 16 characters");
        }
        this.pepper = pepper.getBytes(StandardCharsets.UTF_8);
    }

    /** A new key, shown once to its owner. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The first characters of a key, stored to tell keys apart in listings without revealing them. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(key.length(), KEY_PREFIX.length() + 6));
    }

    /** The hex hash stored for a key. */
    public String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Constant-time comparison of a presented key with a stored hash. */
    public boolean matches(String key, String storedHash) {
        if (key == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
