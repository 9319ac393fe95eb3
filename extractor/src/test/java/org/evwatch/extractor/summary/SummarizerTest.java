package org.evwatch.extractor.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;
import org.evwatch.events.Summary.Relevance.Label;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SummarizerTest {

    static EntityRecognizer recognizer;
    final Summarizer summarizer = new Summarizer();

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load(Optional.empty());
    }

    Summary summarize(Paper p) {
        return summarizer.summarize(p, recognizer.recognize(p));
    }

    static Paper paper(String title, List<Paper.AbstractSection> sections) {
        return new Paper(null, title, sections, null, null, null, null, null, null, null, null, null, null);
    }

    static Paper unstructured(String title, String abstractText) {
        return paper(title, List.of(new Paper.AbstractSection(null, abstractText)));
    }

    @Test
    void structuredAbstractGivesTheConclusionAsTldrAndResultsAsFindings() throws Exception {
        Path xml = SharedData.data("api-samples/pubmed-eutils/biopython_pubmed5.xml");
        Paper p = pubmedAbstract(xml);
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label).containsExactly("OBJECTIVES",
                "METHODS", "RESULTS", "CONCLUSIONS");
        Summary s = summarize(p);

        String conclusions = p.abstractSections().get(3).text();
        String tldr = s.tldr();
        assertThat(SentenceSplitter.spans(tldr)).hasSize(1);
        assertThat(conclusions).contains(tldr.substring(1, Math.min(tldr.length(), 60)));

        assertThat(s.keyFindings()).hasSizeBetween(3, 5).doesNotContain(tldr);
        String objectives = p.abstractSections().get(0).text();
        for (String finding : s.keyFindings()) {
            assertThat(p.abstractText()).contains(finding);
            assertThat(objectives).doesNotContain(finding);
        }
        assertThat(s.keyFindings()).anySatisfy(f -> assertThat(p.abstractSections().get(2).text()).contains(f));
        // Pesticides and the thyroid: nothing about vesicles or cancer.
        assertThat(s.relevance().label()).isEqualTo(Label.OFF_TOPIC);
    }

    @Test
    void seedAbstractAboutEvsInCancerIsRelevant() throws IOException {
        Path seed = SharedData.data("../seeds/002_d6eaca9d8982dbe7.txt");
        List<String> lines = Files.readAllLines(seed);
        String title = lines.get(0).replaceFirst("^# ", "");
        int at = lines.indexOf("## Abstract");
        String abs = lines.get(at + 2);
        Summary s = summarize(unstructured(title, abs));

        assertThat(s.relevance().label()).isEqualTo(Label.RELEVANT);
        assertThat(s.relevance().score()).isGreaterThan(0.6);
        assertThat(SentenceSplitter.spans(s.tldr())).hasSize(1);
        assertThat(s.keyFindings()).hasSizeBetween(3, 5).allSatisfy(f -> assertThat(abs).contains(f));
        // The opening sentence is background; the summary favours what the abstract concludes.
        assertThat(s.tldr()).doesNotStartWith("Extracellular vesicles (EVs) are increasingly recognized");
    }

    @Test
    void conclusionCueWinsTldrAndLeadInIsDropped() {
        String abs = "Exosomes mediate communication between tumour cells and their niche. We isolated exosomes "
                + "from the plasma of 60 patients with pancreatic cancer by ultracentrifugation. Exosomal GPC1 levels "
                + "were higher in patients than in healthy donors (p < 0.001). GPC1-positive exosomes distinguished "
                + "early from late disease with an AUC of 0.91. Exosomal miR-21 correlated with tumour stage. "
                + "In conclusion, circulating GPC1-positive exosomes are a promising biomarker for early detection "
                + "of pancreatic cancer.";
        Summary s = summarize(unstructured("Exosomal GPC1 in pancreatic cancer", abs));
        assertThat(s.tldr()).isEqualTo("Circulating GPC1-positive exosomes are a promising biomarker for early "
                + "detection of pancreatic cancer.");
        assertThat(s.keyFindings()).hasSizeBetween(3, 5)
                .contains("Exosomal GPC1 levels were higher in patients than in healthy donors (p < 0.001).")
                .doesNotContain("Exosomes mediate communication between tumour cells and their niche.");
        assertThat(s.relevance().label()).isEqualTo(Label.RELEVANT);
    }

    @Test
    void aMarkerThatIsAlsoItsGeneIsOneMentionOfItsSentence() {
        Paper p = unstructured("CD63", "Exosomes carried CD63. Tumours grew.");
        List<Sentence> sentences = SentenceSplitter.split(p);
        int start = p.abstractText().indexOf("CD63");
        Entity.Mention cd63 = new Entity.Mention(start, start + 4, "CD63", "abstract");
        Entity marker = new Entity(EntityType.EV_MARKER, "EV:marker/CD63", "EV", "CD63", List.of(), List.of(cd63));
        Entity gene = new Entity(EntityType.GENE, "NCBIGene:967", "NCBIGene", "CD63", List.of(), List.of(cd63));
        assertThat(Summarizer.mentionsPerSentence(sentences, List.of(marker, gene))).containsExactly(1, 0);
    }

    @Test
    void aReviewsTldrIsItsClaimNotWhatItDiscusses() {
        // Unstructured: the last sentences would win on position; they say what the review does.
        String abs = "Extracellular vesicles have emerged as key messengers between tumour cells and their "
                + "environment. Tumour-derived exosomes carry PD-L1 and suppress T-cell activity in lymph nodes. "
                + "Circulating exosomal PD-L1 predicts the response of melanoma to anti-PD-1 therapy. "
                + "In this review, we summarize how exosomes shape immune evasion. "
                + "We also discuss future perspectives for exosome-based immunotherapy.";
        Summary s = summarize(unstructured("Exosomes and immune evasion in cancer", abs));
        assertThat(s.tldr()).isIn("Tumour-derived exosomes carry PD-L1 and suppress T-cell activity in lymph nodes.",
                "Circulating exosomal PD-L1 predicts the response of melanoma to anti-PD-1 therapy.");
        // The other claim and the background sentence first; one sentence on what the review does fills up to three.
        assertThat(s.keyFindings()).hasSize(3).doesNotContain(s.tldr())
                .contains("Extracellular vesicles have emerged as key messengers between tumour cells and their "
                        + "environment.")
                .filteredOn(f -> f.startsWith("We also discuss") || f.startsWith("In this review")).hasSize(1);
    }

    @Test
    void aBackgroundSentenceIsNeverTheTldrWhenTheAbstractStatesAnything() {
        String abs = "Increasing evidence suggests that exosomes promote metastasis in many cancers. "
                + "Exosomal miR-105 from breast cancer cells destroyed endothelial tight junctions. "
                + "In conclusion, exosomes are increasingly recognized as drivers of metastasis.";
        Summary s = summarize(unstructured("Exosomal miR-105", abs));
        assertThat(s.tldr()).isEqualTo("Exosomal miR-105 from breast cancer cells destroyed endothelial tight "
                + "junctions.");
    }

    @Test
    void whenEverySentenceIsDiscourseOrBackgroundBackgroundComesFirst() {
        String abs = "Extracellular vesicles have attracted considerable interest in oncology. "
                + "This review summarizes their roles in drug resistance. "
                + "This review also outlines future research directions.";
        Summary s = summarize(unstructured("EVs and drug resistance", abs));
        assertThat(s.tldr()).isEqualTo("Extracellular vesicles have attracted considerable interest in oncology.");
    }

    @Test
    void ecologyAbstractIsOffTopic() {
        String abs = "Pollinator decline threatens the stability of plant communities. We surveyed bumblebee "
                + "visits to wildflowers across 42 alpine meadows over five summers. Visitation rates fell by 30% "
                + "where grazing intensity was high. Plant species richness was associated with pollinator "
                + "diversity. These results suggest that grazing management can sustain pollination services.";
        Summary s = summarize(unstructured("Grazing and pollination in alpine meadows", abs));
        assertThat(s.relevance().label()).isEqualTo(Label.OFF_TOPIC);
        assertThat(s.relevance().score()).isLessThan(0.1);
        assertThat(s.tldr()).isEqualTo("These results suggest that grazing management can sustain pollination "
                + "services.");
    }

    @Test
    void evsWithoutCancerAreBorderline() {
        String abs = "Extracellular vesicles from neurons carry synaptic proteins. We characterised neuronal EVs "
                + "by nanoparticle tracking analysis and western blot for CD63 and ALIX. Neuronal EVs were taken up "
                + "by microglia. These findings suggest that EVs shape synaptic pruning.";
        Summary s = summarize(unstructured("Neuronal extracellular vesicles and microglia", abs));
        assertThat(s.relevance().label()).isEqualTo(Label.BORDERLINE);
    }

    @Test
    void cancerWithoutEvsIsBorderline() {
        String abs = "Breast cancer is the most common cancer in women. We compared two chemotherapy regimens in "
                + "412 patients. Docetaxel improved survival over paclitaxel. Toxicity was similar in both arms.";
        Summary s = summarize(unstructured("Taxanes in breast cancer", abs));
        assertThat(s.relevance().label()).isEqualTo(Label.BORDERLINE);
    }

    @Test
    void noAbstractGivesNoTldrButStillARelevance() {
        Summary s = summarize(paper("Exosomes in glioblastoma", List.of()));
        assertThat(s.tldr()).isNull();
        assertThat(s.keyFindings()).isEmpty();
        assertThat(s.relevance().label()).isEqualTo(Label.RELEVANT);
    }

    @Test
    void shortAbstractGivesAsManyFindingsAsItHas() {
        String abs = "Exosomes from melanoma cells carry PD-L1. Exosomal PD-L1 suppresses T cells in lymph nodes.";
        Summary s = summarize(unstructured("Exosomal PD-L1", abs));
        assertThat(s.tldr()).isNotNull();
        assertThat(s.keyFindings()).hasSize(1);
    }

    static Paper pubmedAbstract(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document dom = f.newDocumentBuilder().parse(xml.toFile());
        String title = dom.getElementsByTagName("ArticleTitle").item(0).getTextContent();
        NodeList parts = dom.getElementsByTagName("AbstractText");
        List<Paper.AbstractSection> sections = new ArrayList<>();
        for (int i = 0; i < parts.getLength(); i++) {
            Element e = (Element) parts.item(i);
            sections.add(new Paper.AbstractSection(e.getAttribute("Label"), e.getTextContent().strip()));
        }
        return paper(title, sections);
    }
}
