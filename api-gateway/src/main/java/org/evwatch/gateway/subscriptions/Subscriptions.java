package org.evwatch.gateway.subscriptions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import org.evwatch.gateway.examples.ExampleSet;
import org.evwatch.gateway.mail.EmailFrequency;
import org.evwatch.gateway.mail.EmailState;
import org.evwatch.gateway.mail.MailOutbox;
import org.evwatch.gateway.matching.Percolator;
import org.evwatch.gateway.matching.SavedQueryVocabulary;
import org.evwatch.gateway.matching.SearchFilters;
import org.evwatch.gateway.peers.PeerNotices;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.security.Caller;
import org.evwatch.gateway.settings.PublicUrl;
import org.evwatch.gateway.streaming.Announcements;
import org.evwatch.gateway.webhook.SsrfGuard;
import org.evwatch.gateway.webhook.TargetRefusedException;
import org.evwatch.gateway.webhook.WebhookSignature;
import org.evwatch.indexer.api.PaperProfile;
import org.evwatch.query.FilterValues;
import org.evwatch.query.QuerySyntaxException;

/**
 * Creates, reads, changes and deletes subscriptions, and keeps the compiled saved queries that new papers are
 * matched against. The compiled set is rebuilt after every change here, after a change another gateway instance
 * made (it tells, see {@link PeerNotices}), and at least every 30 s.
 */
@ApplicationScoped
public class Subscriptions {

    /** A subscription ready for matching. */
    public record Active(UUID id, String name, String webhookUrl, String webhookSecret, Percolator.Compiled query,
            ExampleSet examples) {

        /** A subscription by query alone. */
        public Active(UUID id, String name, String webhookUrl, String webhookSecret, Percolator.Compiled query) {
            this(id, name, webhookUrl, webhookSecret, query, null);
        }
    }

    /**
     * What a reconnecting stream of a subscription is replayed: its matches, except the announcements numbered after
     * {@code skipAfter} up to {@code skipUpTo}, those of its last pause (to the end while it is paused).
     */
    public record Replayed(Active subscription, long skipAfter, long skipUpTo) {

        public boolean skips(long seq) {
            return seq > skipAfter && seq <= skipUpTo;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long REFRESH_MILLIS = 30_000;
    /** How long a compiled query keeps the entity names it was expanded with before they are asked for again. */
    private static final long EXPANSION_REFRESH_MILLIS = 600_000;
    private static final Pattern FEED_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@" + LABEL + "(?:\\." + LABEL + ")+");

    private final ObjectMapper json;
    private final SsrfGuard guard;
    private final PublicUrl publicUrl;
    private final MailOutbox mail;
    private final PeerNotices peers;
    private final DeliveryStore webhooks;
    private final Announcements announcements;
    private final SavedQueryVocabulary vocabulary;
    private final TransactionSynchronizationRegistry transactions;
    private final SubscriptionExamples examples;
    private final Clock clock = Clock.systemUTC();
    /** Counts the changes to the subscriptions; a compiled set built before the latest one is rebuilt. */
    private final AtomicLong changes = new AtomicLong();
    private volatile Compiled current;
    private Map<UUID, Loaded> loaded = Map.of();

    /** The compiled set, the change count it was read at, and when. */
    private record Compiled(List<Active> active, long changes, long at) {
    }

    public Subscriptions(ObjectMapper json, SsrfGuard guard, PublicUrl publicUrl, MailOutbox mail,
            DeliveryStore webhooks, Announcements announcements, PeerNotices peers,
            SavedQueryVocabulary vocabulary, TransactionSynchronizationRegistry transactions,
            SubscriptionExamples examples) {
        this.examples = examples;
        this.transactions = transactions;
        this.peers = peers;
        this.json = json;
        this.webhooks = webhooks;
        this.announcements = announcements;
        this.vocabulary = vocabulary;
        this.guard = guard;
        this.publicUrl = publicUrl;
        this.mail = mail;
    }

    /**
     * Saves a new subscription. The request is checked first, outside the transaction: checking asks the indexer
     * which entity names the query expands and resolves the webhook host, and neither holds a database connection.
     */
    public SubscriptionView create(Caller caller, SubscriptionRequest request) {
        Validated v = validate(request);
        return QuarkusTransaction.requiringNew().call(() -> store(caller, v, request));
    }

    private SubscriptionView store(Caller caller, Validated v, SubscriptionRequest request) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.owner = caller.keyId();
        apply(s, v);
        boolean confirm = applyEmail(s, v.email());
        s.feedToken = newToken();
        s.createdAt = clock.instant();
        s.updatedAt = s.createdAt;
        s.persist();
        examples.store(s, v.examples(), s.createdAt);
        if (Boolean.TRUE.equals(request.paused())) {
            pause(s);
        }
        if (confirm) {
            mail.queueConfirmation(s.id, s.emailAddress);
        }
        invalidate();
        return view(s, true);
    }

    @Transactional
    public List<SubscriptionView> list(Caller caller) {
        List<Subscription> all = caller.admin()
                ? Subscription.listAll(Sort.by("createdAt"))
                : Subscription.list("owner", Sort.by("createdAt"), caller.keyId());
        return all.stream().map(s -> view(s, false)).toList();
    }

    @Transactional
    public SubscriptionView get(Caller caller, UUID id) {
        return view(owned(caller, id), false);
    }

    /**
     * Replaces name, query, filters, webhook and e-mail; a new or changed webhook URL gets a new secret, a new or
     * changed address (or one that had unsubscribed) is mailed a new confirmation link, and a changed frequency moves
     * the papers still waiting for their digest to the new frequency's next mail.
     */
    /** Replaces a subscription; the request is checked outside the transaction, as on {@link #create}. */
    public SubscriptionView replace(Caller caller, UUID id, SubscriptionRequest request) {
        Validated v = validate(request);
        return QuarkusTransaction.requiringNew().call(() -> update(caller, id, v, request));
    }

    private SubscriptionView update(Caller caller, UUID id, Validated v, SubscriptionRequest request) {
        Subscription s = owned(caller, id);
        String oldUrl = s.webhookUrl;
        EmailFrequency oldFrequency = s.emailFrequency;
        apply(s, v);
        boolean newSecret = s.webhookUrl != null && !s.webhookUrl.equals(oldUrl);
        if (applyEmail(s, v.email())) {
            mail.queueConfirmation(s.id, s.emailAddress);
        } else if (s.emailFrequency != null && s.emailFrequency != oldFrequency) {
            mail.reschedule(s.id);
        }
        if (request.paused() != null && request.paused() != (s.pausedAt != null)) {
            if (request.paused()) {
                pause(s);
            } else {
                resume(s);
            }
        }
        s.updatedAt = clock.instant();
        examples.store(s, v.examples(), s.updatedAt);
        invalidate();
        return view(s, newSecret);
    }

    /**
     * Learns from a reader's judgement of a paper: the catalog's profile of it is asked for outside the transaction,
     * as on {@link #create}.
     */
    public SubscriptionView feedback(Caller caller, UUID id, FeedbackRequest request) {
        if (request == null || request.relevant() == null || request.paperId() == null
                || request.paperId().isBlank() || request.paperId().length() > 300) {
            throw ProblemException.badRequest("'paperId' (at most 300 characters) and 'relevant' (true or false) are "
                    + "required.");
        }
        PaperProfile profile = examples.profile("paperId", request.paperId().trim());
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = owned(caller, id);
            s.updatedAt = clock.instant();
            examples.learn(s, profile, request.relevant(), s.updatedAt);
            invalidate();
            return view(s, false);
        });
    }

    /** Stops every delivery; webhook posts still waiting for an attempt wait for the resume. */
    private void pause(Subscription s) {
        s.pausedAt = clock.instant();
        s.pausedAfter = announcements.newest();
        s.resumedAfter = null;
        webhooks.hold(s.id);
    }

    /** Delivers again, from the papers announced now on; what was announced while paused is never delivered. */
    private void resume(Subscription s) {
        s.pausedAt = null;
        s.resumedAfter = announcements.newest();
        webhooks.release(s.id, clock.instant());
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        owned(caller, id).delete();
        invalidate();
    }

    /** The subscription of a feed token; 404 for an unknown token, so tokens cannot be probed. */
    @Transactional
    public Subscription byFeedToken(String token) {
        if (!FEED_TOKEN.matcher(token).matches()) {
            throw ProblemException.badRequest("'token' is not a feed token: those have 1 to 64 letters, digits, "
                    + "'-' and '_'.");
        }
        return Subscription.byFeedToken(token)
                .orElseThrow(() -> ProblemException.notFound("No feed with this token."));
    }

    /** The subscription's filters, parsed from their stored JSON. */
    public SearchFilters filters(Subscription s) {
        try {
            return json.readValue(s.filters, SearchFilters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filters of subscription " + s.id + " are not valid JSON", e);
        }
    }

    /** The subscription's example papers as they are matched; null for a subscription without examples. */
    @Transactional
    public ExampleSet examples(Subscription s) {
        Loaded compiled = loaded.get(s.id);
        return compiled != null && Objects.equals(compiled.updatedAt(), s.updatedAt)
                ? compiled.active().examples()
                : examples.load(s);
    }

    /** What a reconnecting stream of the subscription is replayed; empty once the subscription is gone. */
    @Transactional
    public Optional<Replayed> replayed(UUID id) {
        Subscription s = Subscription.findById(id);
        Loaded compiled = s == null ? null : load(s, loaded.get(s.id));
        if (compiled == null) {
            return Optional.empty();
        }
        long skipAfter = s.pausedAfter == null ? 0 : s.pausedAfter;
        long skipUpTo = s.pausedAt != null ? Long.MAX_VALUE : s.resumedAfter == null ? 0 : s.resumedAfter;
        return Optional.of(new Replayed(compiled.active(), skipAfter, skipUpTo));
    }

    /** The subscriptions new papers are matched against: all but the paused ones. */
    @Transactional
    public List<Active> active() {
        Compiled snapshot = current;
        if (snapshot == null || snapshot.changes() != changes.get()
                || System.currentTimeMillis() - snapshot.at() > REFRESH_MILLIS) {
            return reload();
        }
        return snapshot.active();
    }

    private synchronized List<Active> reload() {
        long seen = changes.get();
        List<Active> out = new ArrayList<>();
        Map<UUID, Loaded> loaded = new HashMap<>();
        for (Subscription s : Subscription.<Subscription>list("pausedAt is null")) {
            Loaded before = this.loaded.get(s.id);
            Loaded now = before != null && before.sameAs(s) ? before : load(s, before);
            if (now != null) {
                out.add(now.active());
                loaded.put(s.id, now);
            }
        }
        this.loaded = loaded;
        Compiled built = new Compiled(List.copyOf(out), seen, System.currentTimeMillis());
        current = built;
        return built.active();
    }

    /**
     * A subscription as it was compiled. An unchanged subscription keeps its compiled query from one refresh to the
     * next: nothing is parsed again, and the matcher sees the same query object and has nothing to re-index. The
     * entity names its words expand to are asked for again now and then, as papers bring new names.
     */
    private record Loaded(String query, String filters, Active active, long expandedAt, Instant updatedAt) {
        boolean sameAs(Subscription s) {
            return System.currentTimeMillis() - expandedAt < EXPANSION_REFRESH_MILLIS
                    && Objects.equals(updatedAt, s.updatedAt)
                    && Objects.equals(query, s.query) && Objects.equals(filters, s.filters)
                    && Objects.equals(active.name(), s.name) && Objects.equals(active.webhookUrl(), s.webhookUrl)
                    && Objects.equals(active.webhookSecret(), s.webhookSecret);
        }
    }

    private Loaded load(Subscription s, Loaded before) {
        try {
            Percolator.Compiled compiled = Percolator.Compiled.of(s.id.toString(), s.query, filters(s),
                    vocabulary.lenient(s.query));
            ExampleSet exampleSet = before != null && Objects.equals(before.updatedAt(), s.updatedAt)
                    ? before.active().examples()
                    : examples.load(s);
            Active active = new Active(s.id, s.name, s.webhookUrl, s.webhookSecret, compiled, exampleSet);
            if (before != null && before.active().equals(active)) {
                // Expanded as before: the matcher keeps the query object it has indexed.
                active = before.active();
            }
            return new Loaded(s.query, s.filters, active, System.currentTimeMillis(), s.updatedAt);
        } catch (QuerySyntaxException e) {
            // Saved queries were parsed when saved; one that no longer parses matches nothing.
            return null;
        }
    }

    /**
     * After a change here: the compiled set is rebuilt at its next use once the change has committed (a set built
     * while the change was still uncommitted would miss it), and the other gateway instances are told.
     */
    void invalidate() {
        changes.incrementAndGet();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before the commit.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changes.incrementAndGet();
                }
            }
        });
        peers.subscriptionsChanged();
    }

    /** Rebuilds the compiled set at its next use, e.g. when another instance changed the subscriptions. */
    public void reloadSoon() {
        changes.incrementAndGet();
    }

    private Subscription owned(Caller caller, UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null || !caller.mayManage(s.owner)) {
            // The same answer for "not yours" as for "not there": ids of others are not disclosed.
            throw ProblemException.notFound("No subscription " + id + ".");
        }
        return s;
    }

    private record Validated(String name, String q, SearchFilters filters, String webhookUrl, Email email,
            SubscriptionExamples.Checked examples) {
    }

    private record Email(String address, EmailFrequency frequency) {
    }

    private Validated validate(SubscriptionRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("A JSON body is required.");
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200 || FilterValues.hasControl(r.name())) {
            throw ProblemException.badRequest("'name' is required and has at most 200 characters, none of them a "
                    + "control character.");
        }
        String q = r.q() == null ? "" : r.q().trim();
        if (FilterValues.hasControl(q) || (r.webhook() != null && FilterValues.hasControl(r.webhook().url()))) {
            throw ProblemException.badRequest("'q' and the webhook URL may not contain control characters.");
        }
        SearchFilters filters = r.filters() == null ? SearchFilters.NONE : r.filters();
        String filterProblem = filters.problem();
        if (filterProblem != null) {
            throw ProblemException.badRequest("Bad filters: " + filterProblem + ".");
        }
        try {
            Percolator.Compiled.of("check", q, filters, vocabulary.checked(q));
        } catch (QuerySyntaxException e) {
            throw ProblemException.querySyntax(e.getMessage(), e.position());
        }
        String url = null;
        if (r.webhook() != null && r.webhook().url() != null && !r.webhook().url().isBlank()) {
            url = r.webhook().url().trim();
            if (url.length() > 2000) {
                throw ProblemException.badRequest("The webhook URL is too long.");
            }
            try {
                guard.check(url);
            } catch (TargetRefusedException e) {
                throw new ProblemException(Problem.of(400, "webhook-target-refused", "Webhook target refused",
                        "Webhook URL refused: " + e.getMessage() + "."));
            }
        }
        return new Validated(r.name().trim(), q, filters, url, email(r.email()), examples.check(r));
    }

    private static Email email(SubscriptionRequest.Email e) {
        if (e == null) {
            return null;
        }
        String address = e.address() == null ? "" : e.address().trim();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw ProblemException.badRequest("'email.address' is not an e-mail address: it has the form "
                    + "name@example.org, at most 254 characters, no spaces.");
        }
        EmailFrequency frequency = e.frequency() == null
                ? EmailFrequency.DAILY
                : EmailFrequency.of(e.frequency()).orElseThrow(() -> ProblemException.badRequest(
                        "'email.frequency' is one of immediate, daily, weekly."));
        return new Email(address, frequency);
    }

    /** Sets or clears the e-mail; true when the address is new to this subscription and must confirm. */
    private boolean applyEmail(Subscription s, Email e) {
        if (e == null) {
            s.emailAddress = null;
            s.emailFrequency = null;
            s.emailState = null;
            s.emailBaseUrl = null;
            return false;
        }
        s.emailFrequency = e.frequency();
        if (s.emailAddress != null && s.emailState != EmailState.UNSUBSCRIBED
                && MailOutbox.normalize(s.emailAddress).equals(MailOutbox.normalize(e.address()))) {
            return false;
        }
        s.emailAddress = e.address();
        s.emailState = EmailState.PENDING;
        s.emailBaseUrl = publicUrl.base();
        return true;
    }

    private void apply(Subscription s, Validated v) {
        s.name = v.name();
        s.query = v.q();
        try {
            s.filters = json.writeValueAsString(v.filters());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("filters are plain values", e);
        }
        if (v.webhookUrl() == null) {
            s.webhookUrl = null;
            s.webhookSecret = null;
        } else if (!v.webhookUrl().equals(s.webhookUrl)) {
            s.webhookUrl = v.webhookUrl();
            s.webhookSecret = WebhookSignature.newSecret();
        }
    }

    SubscriptionView view(Subscription s, boolean showSecret) {
        String base = publicUrl.base();
        String feeds = base + "/api/v1/feeds/" + s.feedToken;
        var links = new SubscriptionView.Links(base + "/api/v1/subscriptions/" + s.id, feeds + "/atom",
                feeds + "/rss", feeds + "/json", feeds + "/stream",
                base + "/api/v1/subscriptions/" + s.id + "/deliveries",
                base + "/api/v1/subscriptions/" + s.id + "/email-deliveries");
        var webhook = s.webhookUrl == null
                ? null
                : new SubscriptionView.WebhookView(s.webhookUrl, showSecret ? s.webhookSecret : null);
        var email = s.emailAddress == null
                ? null
                : new SubscriptionView.EmailView(s.emailAddress, s.emailFrequency.apiName(),
                        s.emailState.name().toLowerCase(Locale.ROOT));
        List<SubscriptionExample> rows = SubscriptionExample.of(s.id);
        return new SubscriptionView(s.id, s.name, s.query, filters(s), links, webhook, email, s.pausedAt != null,
                s.pausedAt, s.createdAt, s.updatedAt, SubscriptionExamples.views(rows, false),
                SubscriptionExamples.views(rows, true), s.exampleThreshold);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
