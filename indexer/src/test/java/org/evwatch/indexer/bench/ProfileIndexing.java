package org.evwatch.indexer.bench;

import org.evwatch.indexer.search.PaperIndex;

/** Splits the cost of indexing into generating, building documents and writing (a development aid). */
public final class ProfileIndexing {
    public static void main(String[] args) throws Exception {
        PaperGenerator g = new PaperGenerator(1);
        int n = 5000;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            g.paper(i);
        }
        System.out.println("generate ms " + (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            PaperIndex.document(g.paper(i));
        }
        System.out.println("generate+document ms " + (System.nanoTime() - t) / 1e6);
        var dir = java.nio.file.Files.createTempDirectory("prof");
        try (PaperIndex index = PaperIndex.open(dir, 1.0, null)) {
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                index.upsert(g.paper(i), i);
            }
            index.commit();
            System.out.println("generate+upsert+commit ms " + (System.nanoTime() - t) / 1e6);
        }
    }
}
