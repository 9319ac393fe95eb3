package org.evwatch.events.serde;

import org.evwatch.events.PaperFetched;

public class PaperFetchedSerializer extends EventSerializer<PaperFetched> {
}
