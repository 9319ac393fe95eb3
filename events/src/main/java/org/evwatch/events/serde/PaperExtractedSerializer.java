package org.evwatch.events.serde;

import org.evwatch.events.PaperExtracted;

public class PaperExtractedSerializer extends EventSerializer<PaperExtracted> {
}
