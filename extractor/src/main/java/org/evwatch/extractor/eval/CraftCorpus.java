package org.evwatch.extractor.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.common.xml.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads CRAFT concept annotations in Knowtator XML: {@code txt/<PMID>.txt} plus, for each annotation set present
 * ({@code CL/}, {@code NCBITaxon/}), {@code <PMID>.txt.knowtator.xml}. Each {@code <annotation>} has one or more
 * spans and a mention id whose {@code <classMention>} names the class. Discontinuous annotations are kept with
 * their outer span, which a contiguous matcher can never reproduce exactly: they count as misses in strict scoring.
 */
public final class CraftCorpus {

    private static final Map<String, EvalType> SETS = Map.of("CL", EvalType.CELL_TYPE, "NCBITaxon",
            EvalType.SPECIES);

    private CraftCorpus() {
    }

    public static List<Document> read(Path dir) throws IOException {
        List<Document> docs = new ArrayList<>();
        try (var files = Files.list(dir.resolve("txt"))) {
            for (Path p : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                String name = p.getFileName().toString();
                String id = name.replaceFirst("\\.txt$", "");
                List<GoldMention> gold = new ArrayList<>();
                for (Map.Entry<String, EvalType> set : SETS.entrySet()) {
                    Path xml = dir.resolve(set.getKey()).resolve(name + ".knowtator.xml");
                    if (Files.exists(xml)) {
                        gold.addAll(annotations(xml, set.getValue()));
                    }
                }
                docs.add(new Document(id, null, null, Files.readString(p, StandardCharsets.UTF_8), gold));
            }
        }
        return docs;
    }

    static List<GoldMention> annotations(Path xml, EvalType type) throws IOException {
        org.w3c.dom.Document dom;
        try (InputStream in = Files.newInputStream(xml)) {
            InputSource source = new InputSource(in);
            source.setSystemId(xml.toUri().toString());
            dom = SafeXml.parse(SafeXml.newDocumentBuilder(), source);
        } catch (org.xml.sax.SAXException e) {
            throw new IOException(xml + ": not Knowtator XML: " + e.getMessage(), e);
        }
        Map<String, String> classes = new HashMap<>();
        NodeList cms = dom.getElementsByTagName("classMention");
        for (int i = 0; i < cms.getLength(); i++) {
            Element cm = (Element) cms.item(i);
            Element mc = (Element) cm.getElementsByTagName("mentionClass").item(0);
            if (mc != null) {
                classes.put(cm.getAttribute("id"), mc.getAttribute("id"));
            }
        }
        List<GoldMention> out = new ArrayList<>();
        NodeList anns = dom.getElementsByTagName("annotation");
        for (int i = 0; i < anns.getLength(); i++) {
            Element a = (Element) anns.item(i);
            Element mention = (Element) a.getElementsByTagName("mention").item(0);
            NodeList spans = a.getElementsByTagName("span");
            if (mention == null || spans.getLength() == 0) {
                continue;
            }
            int start = Integer.MAX_VALUE;
            int end = -1;
            for (int s = 0; s < spans.getLength(); s++) {
                Element span = (Element) spans.item(s);
                start = Math.min(start, Integer.parseInt(span.getAttribute("start")));
                end = Math.max(end, Integer.parseInt(span.getAttribute("end")));
            }
            String cls = classes.get(mention.getAttribute("id"));
            Element text = (Element) a.getElementsByTagName("spannedText").item(0);
            if (cls != null && cls.contains(":")) {
                out.add(new GoldMention(start, end, text == null ? "" : text.getTextContent(), type, Set.of(cls)));
            }
        }
        return out;
    }
}
