package org.evwatch.gateway.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed tokens of the links a mail carries, which work without an API key: {@code <purpose>.<subscription
 * id>.<address tag>.<MAC>}, the MAC an HMAC-SHA256 keyed with the configured mail secret over everything before it.
 * The address tag is a digest of the address the link was mailed to, so a link stops acting once the subscription
 * mails another address, and the address itself is not in the URL.
 */
public final class MailTokens {

    /** What a link does. */
    public enum Purpose {
        CONFIRM("c"), UNSUBSCRIBE("u");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        static Optional<Purpose> of(String code) {
            for (Purpose p : values()) {
                if (p.code.equals(code)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** What a valid token says: what to do, for which subscription, for which address (as its tag). */
    public record Claim(Purpose purpose, UUID subscriptionId, String addressTag) {

        /** Whether the token was issued for this address. */
        public boolean isFor(String address) {
            return address != null && MessageDigest.isEqual(tag(address).getBytes(StandardCharsets.US_ASCII),
                    addressTag.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern FORM = Pattern.compile(
            "([a-z])\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{16})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public MailTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the mail secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A token that does {@code purpose} for this subscription while it mails {@code address}. */
    public String issue(Purpose purpose, UUID subscriptionId, String address) {
        String signed = purpose.code + "." + subscriptionId + "." + tag(address);
        return signed + "." + BASE64.encodeToString(mac(signed));
    }

    /** What the token says, when it is one this secret signed; empty for anything else. */
    public Optional<Claim> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(token.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String signed = m.group(1) + "." + m.group(2) + "." + m.group(3);
        byte[] expected = BASE64.encodeToString(mac(signed)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Purpose.of(m.group(1)).map(p -> new Claim(p, UUID.fromString(m.group(2)), m.group(3)));
    }

    /** The first 16 characters of the URL-safe Base64 SHA-256 of the lower-cased address. */
    static String tag(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return BASE64.encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
