package org.evwatch.gateway.subscriptions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.evwatch.gateway.examples.Example;
import org.evwatch.gateway.examples.ExampleSet;
import org.evwatch.gateway.indexer.IndexerClient;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.indexer.api.PaperProfile;

/**
 * The example papers and papers to avoid of subscriptions: checked and weighed by the catalog when they are given,
 * stored with the catalog's profile of each, and read back for matching.
 */
@ApplicationScoped
public class SubscriptionExamples {

    /** Most examples, and most papers to avoid, a subscription has. */
    public static final int MAX = 50;
    static final double MAX_WEIGHT = 100;
    static final double MAX_THRESHOLD = 1000;

    /** Examples and papers to avoid as checked, with their profiles, and the threshold; NONE without examples. */
    record Checked(List<Example> examples, Double threshold) {
        static final Checked NONE = new Checked(List.of(), null);

        boolean any() {
            return threshold != null;
        }
    }

    private final IndexerClient indexer;
    private final ObjectMapper json;

    public SubscriptionExamples(@RestClient IndexerClient indexer, ObjectMapper json) {
        this.indexer = indexer;
        this.json = json;
    }

    /**
     * Checks the examples, the papers to avoid and the threshold of a request, and asks the catalog for each paper's
     * profile; a problem names the field at fault.
     */
    Checked check(SubscriptionRequest r) {
        List<SubscriptionRequest.ExampleRequest> examples = r.examples() == null ? List.of() : r.examples();
        List<SubscriptionRequest.ExampleRequest> avoid = r.avoid() == null ? List.of() : r.avoid();
        if (examples.isEmpty()) {
            if (!avoid.isEmpty() || r.threshold() != null) {
                throw ProblemException.badRequest("'examples' is required with 'avoid' or 'threshold': 1 to " + MAX
                        + " example papers.");
            }
            return Checked.NONE;
        }
        Double threshold = r.threshold();
        if (threshold == null || !Double.isFinite(threshold) || threshold <= 0 || threshold > MAX_THRESHOLD) {
            throw ProblemException.badRequest("'threshold' is required with examples: a number above 0 and at most "
                    + (int) MAX_THRESHOLD + ".");
        }
        List<Example> checked = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        check("examples", examples, false, checked, seen);
        check("avoid", avoid, true, checked, seen);
        return new Checked(checked, threshold);
    }

    private void check(String field, List<SubscriptionRequest.ExampleRequest> given, boolean avoid,
            List<Example> out, Map<String, String> seen) {
        if (given.size() > MAX) {
            throw ProblemException.badRequest("'" + field + "' has at most " + MAX + " papers.");
        }
        for (int i = 0; i < given.size(); i++) {
            SubscriptionRequest.ExampleRequest e = given.get(i);
            String at = field + "[" + i + "]";
            if (e == null || e.paperId() == null || e.paperId().isBlank() || e.paperId().length() > 300) {
                throw ProblemException.badRequest("'" + at + ".paperId' is required and has at most 300 characters.");
            }
            double weight = e.weight() == null ? 1 : e.weight();
            if (!Double.isFinite(weight) || weight <= 0 || weight > MAX_WEIGHT) {
                throw ProblemException.badRequest("'" + at + ".weight' is a number above 0 and at most "
                        + (int) MAX_WEIGHT + ".");
            }
            PaperProfile profile = profile(at + ".paperId", e.paperId().trim());
            String before = seen.putIfAbsent(profile.paperId(), at);
            if (before != null) {
                throw ProblemException.badRequest("'" + at + ".paperId' names the same paper as '" + before
                        + ".paperId'.");
            }
            out.add(new Example(profile.paperId(), weight, avoid, profile));
        }
    }

    /** The catalog's profile of a paper; an unknown paper is the request's fault, named by its field. */
    PaperProfile profile(String field, String paperId) {
        try {
            return indexer.profile(paperId);
        } catch (ProblemException e) {
            if (e.problem().status() == 404 || e.problem().status() == 400) {
                throw ProblemException.badRequest("'" + field + "': the catalog has no paper '" + paperId + "'.");
            }
            throw e;
        }
    }

    /**
     * Replaces the stored examples and papers to avoid (in the caller's transaction): a paper kept keeps its date and
     * takes the new weight, list and profile.
     */
    void store(Subscription s, Checked c, Instant now) {
        store(s, c, now, true);
    }

    /** Stores the examples given; with {@code replace}, those not given are removed and the threshold is set. */
    private void store(Subscription s, Checked c, Instant time, boolean replace) {
        // As PostgreSQL keeps it, so that the answer shows what a later read shows.
        Instant now = time.truncatedTo(ChronoUnit.MICROS);
        Map<String, SubscriptionExample> old = new HashMap<>();
        for (SubscriptionExample row : SubscriptionExample.of(s.id)) {
            old.put(row.paperId, row);
        }
        for (Example e : c.examples()) {
            SubscriptionExample row = old.remove(e.paperId());
            if (row == null) {
                row = new SubscriptionExample();
                row.subscriptionId = s.id;
                row.paperId = e.paperId();
                row.addedAt = now;
                set(row, e);
                row.persist();
            } else {
                set(row, e);
                if (!replace) {
                    row.addedAt = now;
                }
            }
        }
        if (replace) {
            old.values().forEach(SubscriptionExample::delete);
            s.exampleThreshold = c.threshold();
        }
    }

    private void set(SubscriptionExample row, Example e) {
        row.weight = e.weight();
        row.avoid = e.avoid();
        try {
            row.profile = json.writeValueAsString(e.profile());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a paper profile is plain values", ex);
        }
    }

    /**
     * Learns from a reader's judgement (in the caller's transaction): a relevant paper becomes an example of weight 1,
     * another a paper to avoid; a paper already in the other list moves, one already in its list stays as it is. A
     * list that would pass {@link #MAX} papers drops its oldest.
     */
    void learn(Subscription s, PaperProfile profile, boolean relevant, Instant now) {
        if (s.exampleThreshold == null) {
            throw ProblemException.badRequest("This subscription has no examples to learn from: give it 'examples' "
                    + "and a 'threshold' first.");
        }
        List<SubscriptionExample> rows = SubscriptionExample.of(s.id);
        SubscriptionExample known = rows.stream().filter(r -> r.paperId.equals(profile.paperId())).findFirst()
                .orElse(null);
        if (known != null && known.avoid != relevant) {
            return;
        }
        List<SubscriptionExample> sameList = rows.stream().filter(r -> r.avoid != relevant).toList();
        if (known != null && !relevant && rows.stream().filter(r -> !r.avoid).count() == 1) {
            throw ProblemException.badRequest("'paperId' is the subscription's only example: it cannot be avoided; "
                    + "replace the examples instead.");
        }
        if (sameList.size() >= MAX) {
            sameList.get(0).delete();
        }
        // A paper that moves from the other list is changed in place, dated now.
        store(s, new Checked(List.of(new Example(profile.paperId(), 1, !relevant, profile)), s.exampleThreshold),
                now, false);
    }

    /** The subscription's examples for matching; null without examples. */
    ExampleSet load(Subscription s) {
        if (s.exampleThreshold == null) {
            return null;
        }
        List<Example> examples = new ArrayList<>();
        for (SubscriptionExample row : SubscriptionExample.of(s.id)) {
            try {
                examples.add(new Example(row.paperId, row.weight, row.avoid,
                        json.readValue(row.profile, PaperProfile.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored profile of " + row.paperId + " is not valid JSON", e);
            }
        }
        return new ExampleSet(examples, s.exampleThreshold);
    }

    /** The examples (or the papers to avoid) as the API shows them, the oldest first. */
    static List<SubscriptionView.ExampleView> views(List<SubscriptionExample> rows, boolean avoid) {
        return rows.stream().filter(r -> r.avoid == avoid)
                .map(r -> new SubscriptionView.ExampleView(r.paperId, r.weight, r.addedAt)).toList();
    }
}
