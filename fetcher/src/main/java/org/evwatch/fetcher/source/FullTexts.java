package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.jboss.logging.Logger;

/**
 * Open-access full texts: the JATS XML Europe PMC serves at {@code {PMCID}/fullTextXML} for a paper in its
 * open-access subset, asked through the polite client under Europe PMC's name (its host's rate limit, retries and
 * circuit), whichever source found the paper. The record is Europe PMC's, named after the paper's Europe PMC id
 * ({@code MED:40437959/fullTextXML}), so the same full text found by PubMed, by a Europe PMC search and by an import
 * is one record, sent once. A full text Europe PMC withholds (404 or 410: not in the open-access subset) is none.
 */
public final class FullTexts {

    /** Ends the record id of a full text: {@code MED:40437959/fullTextXML}. */
    public static final String SUFFIX = "/fullTextXML";

    private static final Logger LOG = Logger.getLogger(FullTexts.class);
    private static final Pattern PMCID = Pattern.compile("PMC[0-9]{1,12}");

    private final PoliteHttpClient http;
    private final URI europePmc;
    private final Clock clock;

    /** @param europePmc Europe PMC's REST root, e.g. {@code https://www.ebi.ac.uk/europepmc/webservices/rest/} */
    public FullTexts(PoliteHttpClient http, URI europePmc, Clock clock) {
        this.http = http;
        this.europePmc = europePmc;
        this.clock = clock;
    }

    /** Whether {@code value} is a PMCID, {@code PMC} and digits. */
    public static boolean isPmcid(String value) {
        return value != null && PMCID.matcher(value).matches();
    }

    /**
     * The full text of {@code pmcid} as the record {@code paperId + "/fullTextXML"}; empty when Europe PMC serves none.
     *
     * @param paperId the paper's Europe PMC id, source and id: {@code MED:40437959}, {@code PMC:PMC1234567}
     * @throws FetchException when Europe PMC could not be asked, or answered with something that is not JATS
     */
    public Optional<PaperFetched> fetch(String pmcid, String paperId, String watchId) throws FetchException {
        if (!isPmcid(pmcid)) {
            return Optional.empty();
        }
        URI uri = Urls.of(europePmc, pmcid + SUFFIX, Map.of());
        String xml;
        try {
            xml = http.get(EuropePmcSource.NAME, uri).body();
        } catch (FetchException e) {
            if (e.notThere()) {
                LOG.debugf("%s: no full text served for %s (%s)", EuropePmcSource.NAME, pmcid, e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
        if (!xml.contains("<article")) {
            throw new FetchException(FetchException.Kind.MALFORMED, EuropePmcSource.NAME, uri, "the full text of "
                    + pmcid + " is not a JATS article");
        }
        return Optional.of(Records.fetched(EuropePmcSource.NAME, paperId + SUFFIX, ContentTypes.JATS_XML, xml,
                uri.toString(), watchId, clock.instant()));
    }

    /**
     * The full text, or empty when it could not be had, logged with the paper's record id: for the sources that
     * send a paper without its full text rather than hold the paper back while Europe PMC is unreachable.
     */
    public Optional<PaperFetched> fetchOrLog(String pmcid, String paperId, String watchId) {
        try {
            return fetch(pmcid, paperId, watchId);
        } catch (FetchException e) {
            RecordLog.enterRecord(paperId + SUFFIX, null);
            try {
                LOG.warnf("%s: the full text %s%s (%s) was not fetched, the paper is sent without it: %s",
                        EuropePmcSource.NAME, paperId, SUFFIX, pmcid, e.getMessage());
            } finally {
                RecordLog.leave();
            }
            return Optional.empty();
        }
    }
}
