package org.evwatch.gateway.mail;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.subscriptions.Subscription;

/**
 * What the links in a mail do, for whoever holds them, without an API key: confirm the address (the second step of
 * the double opt-in) and unsubscribe it. Each answers with a short page; a link that is not one of ours is a 404.
 */
@ApplicationScoped
public class MailConsent {

    /** What to tell the person who followed a link. */
    public record Page(String title, String message) {
    }

    private final MailTokens tokens;
    private final Clock clock = Clock.systemUTC();

    public MailConsent(MailTokens tokens) {
        this.tokens = tokens;
    }

    /** The subscription's name when the link is valid for this purpose and still acts; otherwise a 404 problem. */
    @Transactional
    public String name(String token, MailTokens.Purpose purpose) {
        return current(claim(token, purpose)).name;
    }

    /** Confirms the address: from now on the subscription's papers are mailed to it. */
    @Transactional
    public Page confirm(String token) {
        Subscription s = current(claim(token, MailTokens.Purpose.CONFIRM));
        if (s.emailState == EmailState.UNSUBSCRIBED) {
            throw new ProblemException(Problem.of(409, "email-unsubscribed", "Address unsubscribed",
                    "This address unsubscribed from \"" + s.name + "\"; the confirmation link no longer acts. The "
                            + "subscription's owner can set the address again, which mails a new link."));
        }
        if (s.emailState == EmailState.PENDING) {
            s.emailState = EmailState.CONFIRMED;
            s.updatedAt = clock.instant();
        }
        return new Page("Address confirmed", "New papers matching \"" + s.name + "\" will be mailed to "
                + s.emailAddress + " (" + s.emailFrequency.apiName() + "). Every mail has a link to unsubscribe.");
    }

    /**
     * Unsubscribes the address: nothing more is mailed to it for this subscription, including what was waiting for
     * a digest. A link whose subscription is gone or mails another address already mails nothing: it answers the same.
     */
    @Transactional
    public Page unsubscribe(String token) {
        MailTokens.Claim claim = claim(token, MailTokens.Purpose.UNSUBSCRIBE);
        Subscription s = Subscription.findById(claim.subscriptionId());
        if (s != null && claim.isFor(s.emailAddress) && s.emailState != EmailState.UNSUBSCRIBED) {
            s.emailState = EmailState.UNSUBSCRIBED;
            s.updatedAt = clock.instant();
        }
        return new Page("Unsubscribed", s == null
                ? "This address gets no more mail from this subscription."
                : "This address gets no more mail for \"" + s.name + "\".");
    }

    private MailTokens.Claim claim(String token, MailTokens.Purpose purpose) {
        return tokens.verify(token).filter(c -> c.purpose() == purpose)
                .orElseThrow(() -> ProblemException.notFound("This link is not valid: copy the whole link from "
                        + "the mail."));
    }

    private static Subscription current(MailTokens.Claim claim) {
        Subscription s = Subscription.findById(claim.subscriptionId());
        if (s == null || !claim.isFor(s.emailAddress)) {
            throw ProblemException.notFound("This link no longer acts: the subscription was deleted or now mails "
                    + "another address.");
        }
        return s;
    }
}
