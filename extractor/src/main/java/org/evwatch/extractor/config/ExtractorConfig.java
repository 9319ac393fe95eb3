package org.evwatch.extractor.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.evwatch.extractor.ExtractorVersion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The extractor's settings; each can be set by an environment variable (EVWATCH_EXTRACTOR_VOCABULARY_DIR, ...). */
@ConfigMapping(prefix = "evwatch.extractor")
public interface ExtractorConfig {

    /**
     * A directory of standard vocabulary files (MeSH, CTD diseases, NCBI gene_info, miRBase, OBO ontologies, species
     * lists) loaded at start on top of the built-in core vocabulary. Unset: the core vocabulary alone.
     */
    Optional<Path> vocabularyDir();

    /**
     * Annotated corpora (PubTator files such as BC5CDR or NCBI-disease, LINNAEUS folders) to learn from at start:
     * their annotated names and ids, and the names their annotators leave unmarked. Unset: no learning.
     */
    Optional<List<Path>> trainingCorpora();

    /** The learned sequence tagger. */
    Tagger tagger();

    /** Settings of the learned sequence tagger (see docs/entities.md, "The learned tagger"). */
    interface Tagger {

        /**
         * The model file written by {@code TrainTagger} (EVWATCH_EXTRACTOR_TAGGER_MODEL). Its version goes on every
         * record as {@code modelVersion}. Unset, missing or unreadable: the dictionary recognizes alone.
         */
        Optional<Path> model();
    }

    /**
     * The extractor version written on every record (EVWATCH_EXTRACTOR_VERSION); by default the version of these
     * extraction rules, {@link ExtractorVersion#CURRENT}. The indexer keeps, of each fetched record, the extraction by
     * the newest version, so a value set here must compare as the rules it stands for (see docs/operations.md,
     * "Re-extracting every paper").
     */
    @WithDefault(ExtractorVersion.CURRENT)
    String version();
}
