package org.evwatch.fetcher.poll;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One profile for every test that polls stubbed sources, so that the application starts once for all. */
public class StubbedSourcesProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StubbedSources.class));
    }
}
