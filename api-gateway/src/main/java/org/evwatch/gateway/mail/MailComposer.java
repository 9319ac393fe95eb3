package org.evwatch.gateway.mail;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.gateway.settings.GatewaySettings;

/**
 * Turns claimed deliveries into the mail that carries them, with its signed links. Links start with the configured
 * public URL, or, without one, with the address the gateway was reached at when the subscription's e-mail was set.
 */
@ApplicationScoped
public class MailComposer {

    /** The path of the confirmation links. */
    public static final String CONFIRM_PATH = "/api/v1/mail/confirm";
    /** The path of the unsubscribe links. */
    public static final String UNSUBSCRIBE_PATH = "/api/v1/mail/unsubscribe";

    private final GatewaySettings settings;
    private final MailTokens tokens;
    private final ObjectMapper json;

    public MailComposer(GatewaySettings settings, MailTokens tokens, ObjectMapper json) {
        this.settings = settings;
        this.tokens = tokens;
        this.json = json;
    }

    /** The mail asking a claimed confirmation's address to confirm. */
    public Letter confirmation(MailOutbox.Claimed c) {
        String base = base(c.baseUrl());
        String confirm = base + CONFIRM_PATH + "?token="
                + tokens.issue(MailTokens.Purpose.CONFIRM, c.subscriptionId(), c.address());
        return MailWriter.confirmation(c.address(), c.subscriptionName(), c.frequency(), confirm,
                links(base, c.subscriptionId(), c.address()));
    }

    /** The mail of claimed papers, all of one address and one subscription. */
    public Letter papers(List<MailOutbox.Claimed> group) {
        MailOutbox.Claimed first = group.get(0);
        String base = base(first.baseUrl());
        List<PaperMail> papers = group.stream().map(c -> read(c.content())).toList();
        return MailWriter.papers(first.address(), first.subscriptionName(), first.frequency(), papers,
                links(base, first.subscriptionId(), first.address()));
    }

    private MailWriter.Links links(String base, UUID subscription, String address) {
        return new MailWriter.Links(base, base + UNSUBSCRIBE_PATH + "?token="
                + tokens.issue(MailTokens.Purpose.UNSUBSCRIBE, subscription, address));
    }

    private String base(String stored) {
        String configured = settings.publicUrl().filter(u -> !u.isBlank()).orElse(stored);
        return configured == null ? "http://localhost" : configured.replaceAll("/+$", "");
    }

    private PaperMail read(String content) {
        try {
            return json.readValue(content, PaperMail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored paper mail is not valid JSON", e);
        }
    }
}
