package org.evwatch.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies so a receiver can tell they come from this service and were not replayed.
 * <p>
 * Header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the MAC is computed with the
 * subscription's secret over the bytes {@code <t> + "." + <body>}. A receiver recomputes the MAC, compares it in
 * constant time and rejects timestamps older than its tolerance (five minutes is usual).
 */
public final class WebhookSignature {

    public static final String HEADER = "EVwatch-Signature";
    public static final String DELIVERY_HEADER = "EVwatch-Delivery";
    public static final String EVENT_HEADER = "EVwatch-Event";
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public WebhookSignature(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a webhook secret has at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new random secret: 32 bytes, URL-safe Base64 with a recognisable prefix. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for a body sent at {@code timestamp}. */
    public String header(Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /**
     * Whether a header is a valid signature of {@code body} made within {@code tolerance} of {@code now}. Any
     * {@code v1} entry may match, so a sender rotating secrets can send two.
     */
    public boolean verify(String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (p.startsWith("v1=")) {
                signatures.add(p.substring(3));
            }
        }
        if (t == null || signatures.isEmpty()) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = mac(t, body);
        for (String sig : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(sig);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
