package org.evwatch.events.serde;

import org.evwatch.events.PaperIndexed;

public class PaperIndexedSerializer extends EventSerializer<PaperIndexed> {
}
