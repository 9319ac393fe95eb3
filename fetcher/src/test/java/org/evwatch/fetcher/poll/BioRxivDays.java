package org.evwatch.fetcher.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * bioRxiv {@code details} pages for given days, in the documented format: {@code messages} with cursor, count and
 * total, and a {@code collection} of preprints about exosomes in cancer, each with a DOI unique to the test run.
 */
final class BioRxivDays {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;

    BioRxivDays(String prefix) {
        this.prefix = prefix;
    }

    String doi(LocalDate day, int n) {
        return "10.1101/" + prefix + "." + day.toString().replace("-", "") + "." + n;
    }

    /** The page of {@code day} starting at {@code cursor}, holding preprints cursor..cursor+count-1 of total. */
    String page(LocalDate day, int cursor, int count, int total, int version) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putArray("messages").addObject();
        message.put("status", "ok");
        message.put("interval", day + ":" + day);
        message.put("cursor", cursor);
        message.put("count", count);
        message.put("count_new_papers", Integer.toString(count));
        message.put("total", Integer.toString(total));
        ArrayNode collection = root.putArray("collection");
        for (int i = cursor; i < cursor + count; i++) {
            ObjectNode p = collection.addObject();
            p.put("doi", doi(day, i));
            p.put("title", "Exosomal cargo " + i + " in colorectal cancer progression");
            p.put("authors", "Lee, H.; Moreno, D.");
            p.put("author_corresponding", "Hana Lee");
            p.put("author_corresponding_institution", "Seoul National University");
            p.put("date", day.toString());
            p.put("version", Integer.toString(version));
            p.put("type", "new results");
            p.put("license", "cc_by");
            p.put("category", "cancer biology");
            p.put("jatsxml", "https://www.biorxiv.org/content/early/" + day + "/" + doi(day, i) + ".source.xml");
            p.put("abstract", "Extracellular vesicles from tumour cells carried cargo " + i + ".");
            p.put("published", "NA");
            p.put("server", "bioRxiv");
        }
        return root.toString();
    }

    static String empty() {
        return "{\"messages\":[{\"status\":\"no posts found\"}],\"collection\":[]}";
    }

    static MappingBuilder at(LocalDate day, int cursor) {
        return get(urlEqualTo("/details/biorxiv/" + day + "/" + day + "/" + cursor));
    }

    /** Serves {@code day} as one page of {@code total} preprints. */
    void serveDay(WireMockServer server, LocalDate day, int total, int version) {
        server.stubFor(at(day, 0).willReturn(aResponse().withBody(total == 0
                ? empty()
                : page(day, 0, total, total, version))));
    }

    List<String> dois(LocalDate day, int from, int count) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(doi(day, i));
        }
        return out;
    }
}
